//! Noun phrases for speakers: the chunker that finds a speaker before or after a cue
//! (`the Russian leader`, `Haley Morris, a spokeswoman for the campaign,`, `a person familiar
//! with the audit`), its head, and the nouns that can head one (names, pronouns, people and
//! institutions).

use std::ops::Range;

use super::clauses::{is_aside_mark, is_dash};
use super::document::Doc;
use super::lexicon;

/// The speaker ending just before `k`: `the Russian leader`, `Haley Morris, a spokeswoman
/// for the campaign,`, `The US, its NATO allies, and Ukraine`.
pub(crate) fn speaker_before(
    doc: &Doc<'_>,
    sent: Range<usize>,
    k: usize,
) -> Option<(Range<usize>, Option<Range<usize>>)> {
    if k <= sent.start {
        return None;
    }
    // Appositives: `Haley Morris, a spokeswoman for the campaign, said`, `Cory James, 22,
    // of Flint, Mich., said`, `One Republican hopeful, Carly Fiorina, says`, `Jason Sims — a
    // teacher — says`.
    // `Gov. John Kasich (R-OH), said`: a comma after the party and state closes nothing.
    if k >= sent.start + 2
        && doc.is_punct(k - 1, ",")
        && doc.is_punct(k - 2, ")")
        && let Some(found) = speaker_before(doc, sent.clone(), k - 1)
    {
        return Some(found);
    }
    if is_aside_mark(doc, k - 1) {
        return appositive_speaker(doc, sent, k - 1);
    }
    // `Army Capt. Christian Pardo, who said …`: the relative pronoun's antecedent.
    if matches!(doc.lo(k - 1), "who" | "which") && k - 1 > sent.start {
        let mut e = k - 1;
        if doc.is_punct(e - 1, ",") {
            e -= 1;
        }
        let np = np_before(doc, sent.start, e)?;
        // `Tim Shea, a veteran prosecutor, who told …`: the description is an appositive of
        // the name before it, and the name is who spoke.
        if matches!(doc.lo(np.start), "a" | "an")
            && np.start > sent.start + 1
            && doc.is_punct(np.start - 1, ",")
            && let Some(name) = np_before(doc, sent.start, np.start - 1)
            && doc.cap(name.end - 1)
            && valid_head(doc, name.end - 1)
        {
            // Only the name and the title words before it: not `the objection of`.
            let mut start = name.end - 1;
            while start > name.start
                && doc.is_word(start - 1)
                && (doc.cap(start - 1) || lexicon::is_title_word(doc.lo(start - 1)))
            {
                start -= 1;
            }
            while start + 1 < name.end && matches!(doc.lo(start), "of" | "the") {
                start += 1;
            }
            return Some((start..name.end, Some(np)));
        }
        return valid_head(doc, np.end - 1).then_some((np, None));
    }
    // `Sen. Bernie Sanders (I-Vt.) said`
    let mut end = k;
    if doc.is_punct(end - 1, ")") {
        let mut o = end - 1;
        while o > sent.start && !doc.is_punct(o, "(") && end - o < 8 {
            o -= 1;
        }
        if doc.is_punct(o, "(") {
            end = o;
        }
    }
    let np = np_before(doc, sent.start, end)?;
    if !valid_head(doc, np_head(doc, np.clone())) {
        return None;
    }
    let np = coordinated(doc, sent.start, np);
    Some((np, None))
}

/// The speaker of `NAME, APPOSITIVE, said` or `DESCRIPTION, NAME, said`, where `close` is the
/// mark just before the cue. The segments between marks must reach back to the start of the
/// sentence (or of a quote's frame), so that `The plan failed, officials, said` is not read as
/// one.
pub(crate) fn appositive_speaker(
    doc: &Doc<'_>,
    sent: Range<usize>,
    close: usize,
) -> Option<(Range<usize>, Option<Range<usize>>)> {
    // Segments between aside marks, right to left.
    let mut segments: Vec<Range<usize>> = Vec::new();
    let mut end = close;
    let mut k = close;
    let floor = frame_floor(doc, sent.clone(), close);
    while k > floor && segments.len() < 5 && close - k < 36 {
        if is_aside_mark(doc, k - 1) {
            if k < end {
                segments.push(k..end);
            }
            end = k - 1;
        }
        k -= 1;
    }
    if k != floor || end <= floor {
        return None;
    }
    segments.push(floor..end);
    segments.reverse();
    // Opening phrases and sentence adverbs, one after another, are not the speaker: `On
    // Tuesday, Joyce — who is listed as an attorney — told …`, `Speaking later on the same
    // show, Sen. Claire McCaskill, who has endorsed Clinton, said …`, `On Wednesday, however,
    // the director of the F.B.I., James B. Comey, said …`.
    while segments.len() > 2
        && (lexicon::is_preposition(doc.lo(segments[0].start))
            || doc.lo(segments[0].start).ends_with("ing")
            || (segments[0].len() == 1
                && matches!(
                    doc.lo(segments[0].start),
                    "however"
                        | "meanwhile"
                        | "still"
                        | "instead"
                        | "also"
                        | "now"
                        | "then"
                        | "separately"
                        | "similarly"
                        | "likewise"
                        | "later"
                        | "earlier"
                )))
    {
        segments.remove(0);
    }
    // `Sen. Thomas Whitfield (R-Ohio)`: a party and state in brackets close the name.
    for seg in &mut segments {
        if seg.len() > 2
            && doc.is_punct(seg.end - 1, ")")
            && let Some(open) = (seg.start..seg.end).rev().find(|&t| doc.is_punct(t, "("))
            && open > seg.start
        {
            seg.end = open;
        }
    }
    let is_name = |r: &Range<usize>| {
        np_before(doc, r.start, r.end).is_some_and(|np| np.start == r.start)
            && valid_head(doc, np_head(doc, r.clone()))
            && r.clone().all(|t| doc.is_word(t))
            && lexicon::subject_pronoun(doc.lo(r.start)).is_none()
    };
    let describes = |r: &Range<usize>| {
        let w = doc.lo(r.start);
        // `Cory James, 22, of Flint, Mich., said`; `Will Rogers, for example, said`.
        let place = r.len() <= 3 && r.clone().all(|t| doc.cap(t));
        let aside = matches!(
            doc.slice(r.clone()).to_lowercase().as_str(),
            "for example"
                | "for instance"
                | "however"
                | "meanwhile"
                | "too"
                | "though"
                | "in turn"
                | "in particular"
                | "in an interview"
                | "in a statement"
        );
        // `Robert Peck, managing director and analyst at SunTrust, told`: a description
        // starts in lower case.
        let lowercase_description = !doc.cap(r.start) && doc.is_word(r.start) && r.len() <= 14;
        if place || aside || w == "now" || lowercase_description {
            return true;
        }
        lexicon::is_determiner(w)
            || lexicon::is_title_word(w)
            || w.ends_with("'s")
            || w.chars().all(|c| c.is_ascii_digit())
            || matches!(
                w,
                "of" | "who" | "who's" | "whose" | "which" | "from" | "at"
            )
            || is_agent_noun(w)
    };
    if segments.len() < 2 {
        return None;
    }
    let first = &segments[0];
    let proper = |r: &Range<usize>| is_name(r) && r.clone().all(|t| doc.cap(t));
    // `A spokeswoman for the port authority, Karen Li, said`: the name, not the description.
    if segments.len() == 2 && !proper(first) && proper(&segments[1]) && describes(first) {
        return Some((segments[1].clone(), Some(first.clone())));
    }
    if is_name(first) && segments[1..].iter().all(describes) {
        // `Blunt, after a long pause, said`: an adjunct between speaker and verb says when
        // or how, not who; the appositive is the segments that describe the speaker.
        let adjunct = |r: &Range<usize>| {
            let w = doc.lo(r.start);
            matches!(
                w,
                "after"
                    | "before"
                    | "during"
                    | "in"
                    | "on"
                    | "with"
                    | "without"
                    | "when"
                    | "while"
                    | "amid"
                    | "despite"
                    | "following"
                    | "speaking"
                    | "pausing"
                    | "asked"
                    | "however"
                    | "though"
                    | "too"
                    | "meanwhile"
                    | "later"
            )
        };
        let described: Vec<&Range<usize>> = segments[1..].iter().filter(|r| !adjunct(r)).collect();
        let rest = match (described.first(), described.last()) {
            (Some(a), Some(b)) => Some(a.start..b.end),
            _ => None,
        };
        return Some((first.clone(), rest));
    }
    // `One Republican presidential hopeful, Carly Fiorina, says`
    if segments.len() == 2 && is_name(&segments[1]) && describes(first) {
        return Some((segments[1].clone(), Some(first.clone())));
    }
    None
}

/// Where a speaker's phrase may begin: the sentence start after discourse words, or right
/// after a closing quote or a colon.
pub(crate) fn frame_floor(doc: &Doc<'_>, sent: Range<usize>, before: usize) -> usize {
    let mut floor = sent.start;
    for k in sent.start..before {
        if doc
            .quote_at_mark(k)
            .is_some_and(|q| q.closed && q.close == k)
            || doc.is_punct(k, ":")
        {
            floor = k + 1;
            if doc.is_punct(floor, ",") {
                floor += 1;
            }
        }
    }
    while floor < before && matches!(doc.lo(floor), "but" | "and" | "still" | "yet" | "so") {
        floor += 1;
    }
    floor
}

/// Extends `np` leftwards over a list that fills the whole subject: `The US, its NATO
/// allies, and Ukraine`.
pub(crate) fn coordinated(doc: &Doc<'_>, floor: usize, np: Range<usize>) -> Range<usize> {
    let mut start = np.start;
    let mut k = start;
    let mut joined = false;
    loop {
        if k == floor {
            return if joined { start..np.end } else { np };
        }
        let p = doc.lo(k - 1);
        if p == "and" || p == "or" || p == "," {
            k -= 1;
            if p != "," {
                joined = true;
            }
            continue;
        }
        if k == start {
            // Nothing more joins the list: it stands when set off from what precedes it.
            return if joined && list_boundary(doc, start) {
                start..np.end
            } else {
                np
            };
        }
        match np_before(doc, floor, k) {
            Some(prev) if prev.len() <= 4 && plain_np(doc, prev.clone()) => {
                start = prev.start;
                k = prev.start;
            }
            // The list ends at a clause's boundary: `…, there was little to laugh about,
            // politicians and residents said`; `"…," Cowen and Co analyst Chris Krueger said`.
            _ if joined && list_boundary(doc, start) => return start..np.end,
            _ => return np,
        }
    }
}

/// Whether a list of speakers starting at `start` is set off from what precedes it: by a
/// comma, a colon, a dash or a closing quote, not by a verb (`Trump won Iowa and Cruz`).
fn list_boundary(doc: &Doc<'_>, start: usize) -> bool {
    start > 0
        && (doc.is_punct(start - 1, ",")
            || doc.is_punct(start - 1, ":")
            || is_dash(doc, start - 1)
            || doc
                .quote_at_mark(start - 1)
                .is_some_and(|q| q.closed && q.close == start - 1))
}

/// A conjunct of a list of speakers: names, determiners and nouns for people or bodies, so
/// that `Trump won Iowa and Cruz` is not taken for a list.
pub(crate) fn plain_np(doc: &Doc<'_>, r: Range<usize>) -> bool {
    valid_head(doc, r.end - 1)
        && r.clone().all(|k| {
            let w = doc.lo(k);
            doc.cap(k)
                || lexicon::is_determiner(w)
                || lexicon::is_title_word(w)
                || valid_head(doc, k)
        })
}

/// The noun phrase ending just before `end`, scanned backwards.
pub(crate) fn np_before(doc: &Doc<'_>, floor: usize, end: usize) -> Option<Range<usize>> {
    // A pronoun is a whole phrase: `the kind of tone he said` has the speaker `he`.
    if end > floor && doc.is_word(end - 1) && lexicon::subject_pronoun(doc.lo(end - 1)).is_some() {
        return Some(end - 1..end);
    }
    let mut k = end;
    let mut saw_determiner = false;
    while k > floor && end - k < 12 {
        let t = k - 1;
        if !doc.is_word(t) {
            break;
        }
        let w = doc.lo(t);
        if saw_determiner {
            // A determiner starts the phrase unless an `of`, a possessive, or a phrase like
            // `familiar with` precedes it: `a person familiar with the audit`.
            if w == "of" || w.ends_with("'s") {
                saw_determiner = false;
                k -= 1;
                continue;
            }
            if matches!(w, "with" | "to" | "on" | "in")
                && t > floor
                && is_postmodifier(doc.lo(t - 1))
            {
                saw_determiner = false;
                k -= 2;
                continue;
            }
            // `a spokeswoman for the mayor`, `a lawyer for the family`: the person before
            // the preposition is the speaker.
            if matches!(w, "for" | "at" | "with" | "to" | "from" | "in")
                && t > floor
                && names_people(doc.lo(t - 1))
            {
                saw_determiner = false;
                k -= 1;
                continue;
            }
            break;
        }
        // `People with direct knowledge of the work said`: a person noun's phrase.
        if matches!(
            w,
            "with" | "close" | "familiar" | "for" | "at" | "from" | "in"
        ) && t > floor
            && (names_people(doc.lo(t - 1)) || is_postmodifier(doc.lo(t - 1)))
            && k != end
        {
            k -= 1;
            continue;
        }
        // `WHO Director-General Tedros`: an acronym, not the pronoun.
        let acronym = doc.s(t).len() >= 3 && doc.s(t).chars().all(|c| c.is_ascii_uppercase());
        if !acronym
            && (lexicon::is_clause_word(w)
                || lexicon::is_auxiliary(w)
                || lexicon::is_modal(w)
                || lexicon::is_negation(w)
                || (lexicon::is_preposition(w) && w != "of"))
            // `the report said`: after a determiner a cue word is a noun.
            || lexicon::cue(w).is_some()
                && !doc.cap(t)
                && !(t > floor && lexicon::is_determiner(doc.lo(t - 1)))
            || w == "and"
            || w == "or"
            || w == "according"
        {
            break;
        }
        if !doc.cap(t) && (w.ends_with("ed") || w.ends_with("ing")) && k != end {
            // A participle inside a phrase is an adjective only after a determiner:
            // `an unnamed official`.
            if !(t > floor && lexicon::is_determiner(doc.lo(t - 1))) {
                break;
            }
        }
        if lexicon::is_determiner(w) {
            saw_determiner = true;
        }
        k -= 1;
    }
    let mut start = k;
    // Trim `of` and time words off the front: `of Boris Johnson` is not a phrase.
    while start < end && matches!(doc.lo(start), "of" | "yesterday" | "today" | "meanwhile") {
        start += 1;
    }
    (start < end).then_some(start..end)
}

/// A noun for people that a phrase of place or employer may follow: `a voter in Iowa`, `a
/// spokeswoman for the mayor`.
fn names_people(w: &str) -> bool {
    is_person_noun(w) || is_agent_noun(w)
}

/// Adjectives that attach a phrase naming what a source knows: `familiar with`, `close to`.
pub(crate) fn is_postmodifier(w: &str) -> bool {
    matches!(
        w,
        "familiar" | "close" | "briefed" | "knowledgeable" | "involved" | "privy" | "working"
    )
}

/// The head of a speaker phrase: the noun a postmodifier hangs from (`person` in `a person
/// familiar with the audit`), else the last word.
pub(crate) fn np_head(doc: &Doc<'_>, np: Range<usize>) -> usize {
    for k in np.start + 1..np.end {
        if is_postmodifier(doc.lo(k)) && matches!(doc.lo(k + 1), "with" | "to" | "on" | "in") {
            return k - 1;
        }
        if k + 1 < np.end
            && is_person_noun(doc.lo(k))
            && matches!(doc.lo(k + 1), "for" | "at" | "with" | "to" | "from" | "in")
        {
            return k;
        }
        // `Robert Antonacci of the New York delegation`: a name, then where it belongs. A
        // capital after `of` is part of a name or title instead (`Secretary of State`).
        if k > np.start
            && doc.lo(k) == "of"
            && doc.cap(k - 1)
            && !lexicon::is_determiner(doc.lo(k - 1))
            && lexicon::is_determiner(doc.lo(k + 1))
        {
            return k - 1;
        }
    }
    np.end - 1
}

/// Nouns for people that take a phrase saying whom they work for: `a spokeswoman for the
/// mayor`, `an aide to the senator`, `a lawyer for the family`.
pub(crate) fn is_person_noun(w: &str) -> bool {
    lexicon::is_anonymous_head(w)
        || matches!(
            w,
            "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "lawyer"
                | "attorney"
                | "aide"
                | "adviser"
                | "advisor"
                | "official"
                | "director"
                | "manager"
                | "strategist"
                | "consultant"
                | "economist"
                | "analyst"
                | "professor"
                | "expert"
        )
}

/// The noun phrase starting at `from`: `Putin`, `the Russian leader`, and for `according
/// to` longer ones with prepositions: `a senior official at the State Department`.
pub(crate) fn np_after(doc: &Doc<'_>, from: usize, end: usize, long: bool) -> Option<Range<usize>> {
    let mut j = from;
    while j < end && j - from < 14 {
        if !doc.is_word(j) {
            break;
        }
        let w = doc.lo(j);
        let inner_prep = matches!(w, "of" | "at" | "for" | "from" | "in" | "with" | "to");
        // `said Will Doyle`, `said May Chen`: a capitalised word before another is a name,
        // whatever it means in lower case.
        let name_part = doc.cap(j) && doc.is_word(j + 1) && doc.cap(j + 1) && j + 1 < end;
        if !name_part
            && (lexicon::is_clause_word(w)
                || lexicon::is_auxiliary(w)
                || lexicon::is_modal(w)
                || (lexicon::is_preposition(w) && !(long && inner_prep) && w != "of")
                || lexicon::cue(w).is_some()
                    && !doc.cap(j)
                    && !(j > from && lexicon::is_determiner(doc.lo(j - 1)))
                || lexicon::weekday(w).is_some()
                || matches!(w, "yesterday" | "today" | "last" | "and" | "or"))
        {
            break;
        }
        // A participle ends the phrase (`said officials briefed on …`), unless it is an
        // adjective after a determiner: `said one unaligned Florida Republican strategist`.
        if j > from
            && !doc.cap(j)
            && (w.ends_with("ed") || w.ends_with("ing"))
            && !long
            && !(lexicon::is_determiner(doc.lo(j - 1)) || doc.lo(j - 1) == "one")
            // `said Oversight ranking Democrat Elijah Cummings`: inside a title.
            && !(doc.cap(j - 1) && j + 1 < end && doc.is_word(j + 1) && doc.cap(j + 1))
        {
            break;
        }
        j += 1;
    }
    // Trailing prepositions, articles and participles are not part of a speaker:
    // `analysts surveyed (by the newspaper)`.
    while j > from + 1
        && (matches!(
            doc.lo(j - 1),
            "of" | "at" | "for" | "from" | "in" | "with" | "the" | "a" | "to"
        ) || (!doc.cap(j - 1)
            && (doc.lo(j - 1).ends_with("ed") || doc.lo(j - 1).ends_with("ing"))))
    {
        j -= 1;
    }
    (j > from).then_some(from..j)
}

/// `says Haley Morris, a spokeswoman for the campaign`: the appositive after an inverted
/// speaker.
pub(crate) fn with_appositive_after(
    doc: &Doc<'_>,
    np: Range<usize>,
    end: usize,
) -> (Range<usize>, Option<Range<usize>>) {
    if doc.cap(np.end - 1) && doc.is_punct(np.end, ",") && np.end + 1 < end {
        let a = np.end + 1;
        if lexicon::is_determiner(doc.lo(a)) || lexicon::is_title_word(doc.lo(a)) {
            let mut j = a;
            while j < end && !doc.is_punct(j, ",") && !doc.is_punct(j, ".") && j - a < 14 {
                j += 1;
            }
            if j > a {
                return (np, Some(a..j));
            }
        }
    }
    // `says her business partner, Jamie Lowe` and `says Kim's father, Dev`: a description,
    // then the name it describes, to the end of the sentence or the next comma.
    if !doc.cap(np.end - 1) && doc.is_punct(np.end, ",") && np.end + 1 < end {
        let a = np.end + 1;
        let mut j = a;
        while j < end && j - a < 5 && doc.is_word(j) && doc.cap(j) {
            j += 1;
        }
        let closes = j >= end || !doc.is_word(j);
        if j > a && closes && valid_head(doc, j - 1) && !lexicon::is_title_word(doc.lo(a)) {
            return (a..j, Some(np));
        }
    }
    (np, None)
}

/// Whether the token can head a speaker: a name, a pronoun, or a noun for people or
/// institutions.
pub(crate) fn valid_head(doc: &Doc<'_>, t: usize) -> bool {
    let w = doc.lo(t);
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix('\''))
        .unwrap_or(w);
    if lexicon::subject_pronoun(w).is_some() || is_age(w) {
        return true;
    }
    if doc.cap(t) {
        return !lexicon::is_capitalised_common(w)
            // `Jun` in `Ai Jun` and `May` in `Theresa May` are names.
            && (lexicon::month(w).is_none() || (t > 0 && doc.cap(t - 1) && doc.is_word(t - 1)))
            && !w.chars().all(|c| c.is_ascii_digit());
    }
    lexicon::subject_pronoun(w).is_some()
        || lexicon::is_anonymous_head(w)
        || lexicon::is_organization_head(w)
        || lexicon::is_government_head(w)
        || lexicon::role_titles(w).is_some()
        || is_agent_noun(w)
        || is_relation_noun(w)
}

/// People named by their relation to someone: `his childhood friend told …`, `her mother
/// said …`.
pub(crate) fn is_relation_noun(w: &str) -> bool {
    if w == "allies" {
        return true;
    }
    let w = w.strip_suffix('s').unwrap_or(w);
    matches!(
        w,
        "friend"
            | "colleague"
            | "neighbor"
            | "neighbour"
            | "classmate"
            | "roommate"
            | "teammate"
            | "relative"
            | "cousin"
            | "wife"
            | "husband"
            | "spouse"
            | "partner"
            | "son"
            | "daughter"
            | "mother"
            | "father"
            | "brother"
            | "sister"
            | "uncle"
            | "aunt"
            | "niece"
            | "nephew"
            | "grandmother"
            | "grandfather"
            | "boss"
            | "coach"
            | "head"
            | "acquaintance"
            | "ally"
    )
}

/// `46-year-old`: a person described by age.
pub(crate) fn is_age(w: &str) -> bool {
    w.strip_suffix("-year-old")
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// Nouns for people by their endings: `teacher`, `economist`, `historian`, `residents`.
pub(crate) fn is_agent_noun(w: &str) -> bool {
    if (w.ends_with("man") || w.ends_with("men"))
        && w.len() > 5
        && !matches!(w, "human" | "humans" | "specimen" | "abdomen" | "regimen")
    {
        // `chairmen`, `spokeswoman`, `congressman`.
        return true;
    }
    // Women's nouns in `-ess` are listed, singular or plural: the ending also makes
    // `business`, `access`.
    let singular = w
        .strip_suffix("es")
        .filter(|s| s.ends_with("ess"))
        .unwrap_or(w);
    if matches!(
        singular,
        "actress"
            | "waitress"
            | "hostess"
            | "heiress"
            | "stewardess"
            | "witness"
            | "princess"
            | "duchess"
    ) {
        return true;
    }
    let w = w.strip_suffix('s').unwrap_or(w);
    // `one user wrote`: too short for the endings below to be safe, common in reports of
    // posts.
    if w == "user" {
        return true;
    }
    w.len() > 4
        && ["er", "or", "ist", "ian", "ant", "ent", "ee"]
            .iter()
            .any(|suffix| w.ends_with(suffix))
        && !matches!(
            w,
            "whether"
                | "however"
                | "together"
                | "further"
                | "never"
                | "other"
                | "over"
                | "after"
                | "under"
                | "either"
                | "rather"
                | "order"
                | "matter"
                | "number"
                | "water"
                | "paper"
                | "letter"
                | "center"
                | "error"
                | "factor"
                | "sector"
                | "moment"
                | "statement"
                | "government"
                | "agreement"
                | "comment"
                | "element"
                | "event"
                | "percent"
                | "recent"
                | "present"
                | "current"
                | "different"
                | "independent"
                | "important"
                | "significant"
        )
}

/// The subject of a sentence, for participles with no other frame: `Moscow has rejected
/// the allegation, saying …`; after an introductory phrase if the start gives none (`Even
/// before the pope's remarks, Mr. Trump had criticized him and accused him of …`).
pub(crate) fn subject(doc: &Doc<'_>, sent: Range<usize>) -> Option<Range<usize>> {
    subject_at(doc, sent.clone()).or_else(|| {
        let comma = (sent.start..sent.end.min(sent.start + 16)).find(|&k| doc.is_punct(k, ","))?;
        subject_at(doc, comma + 1..sent.end)
    })
}

pub(crate) fn subject_at(doc: &Doc<'_>, sent: Range<usize>) -> Option<Range<usize>> {
    let mut j = sent.start;
    while j < sent.end
        && matches!(
            doc.lo(j),
            "but" | "and" | "or" | "however" | "meanwhile" | "still" | "yet"
        )
    {
        j += 1;
    }
    if doc.is_punct(j, ",") {
        j += 1;
    }
    // An opening phrase set off by a comma: `On Tuesday, Moscow …`, `In a statement, …`.
    if j < sent.end && (lexicon::is_preposition(doc.lo(j)) || lexicon::is_clause_word(doc.lo(j))) {
        let comma = (j..sent.end).find(|&k| doc.is_punct(k, ","))?;
        j = comma + 1;
    }
    let from = j;
    while j < sent.end && j - from < 10 && doc.is_word(j) {
        let w = doc.lo(j);
        // A pronoun or a name is the whole subject once a lowercase word follows it:
        // `He went further …`, `Trump went fully on the attack …`.
        let prev = if j > from { doc.lo(j - 1) } else { "" };
        let after_head = j > from
            && (lexicon::subject_pronoun(prev).is_some()
                || (doc.cap(j - 1)
                    && !lexicon::is_determiner(prev)
                    && !lexicon::is_title_word(prev)))
            && !doc.cap(j)
            && !lexicon::is_title_word(w)
            && !is_description_noun(w);
        // So is a noun for people once a word that could not extend it follows: `The
        // president spoke warmly, saying …` (an irregular past tense shows nothing itself).
        let after_noun = j > from + 1
            && !doc.cap(j - 1)
            && !doc.cap(j)
            && valid_head(doc, j - 1)
            && !valid_head(doc, j)
            && !lexicon::is_title_word(w)
            && !is_description_noun(w)
            && !matches!(w, "of" | "and" | "or");
        if after_head || after_noun {
            break;
        }
        if j > from
            && (lexicon::is_auxiliary(w)
                || lexicon::is_modal(w)
                || lexicon::is_negation(w)
                || lexicon::is_speech_adverb(w)
                || (w.ends_with("ly") && !doc.cap(j))
                || lexicon::is_preposition(w) && w != "of"
                || lexicon::is_clause_word(w)
                || (!doc.cap(j) && (w.ends_with("ed") || w.ends_with("ing")))
                || (!doc.cap(j)
                    && w.ends_with('s')
                    && !w.ends_with("ss")
                    && !lexicon::is_anonymous_head(w)
                    && !lexicon::is_organization_head(w)
                    && !lexicon::is_government_head(w)))
        {
            break;
        }
        j += 1;
    }
    if j == from || !plain_np(doc, from..j) {
        return None;
    }
    Some(from..j)
}

pub(crate) fn is_description_noun(w: &str) -> bool {
    lexicon::is_anonymous_head(w)
        || lexicon::is_organization_head(w)
        || lexicon::is_government_head(w)
        || lexicon::role_titles(w).is_some()
}

/// `"The Art of the Deal"`: every word capitalised, so a title, not a quote.
pub(crate) fn is_title(doc: &Doc<'_>, r: Range<usize>) -> bool {
    let mut words = 0;
    for k in r {
        if doc.is_word(k) {
            words += 1;
            if !doc.cap(k)
                && !matches!(
                    doc.lo(k),
                    "of" | "the" | "a" | "and" | "in" | "for" | "to" | "on"
                )
            {
                return false;
            }
        }
    }
    words > 0
}
