//! Verb frames: a reporting verb and its speaker — before it (`Putin says`, `Haley Morris, a
//! spokeswoman, said`), after it (`said Putin`), or taken from the sentence (`…, saying`,
//! `and says`, `with the campaign saying`, `cited Blinken as telling`). What was said is
//! settled by [`super::content`].

use std::ops::Range;

use super::super::clauses::is_dash;
use super::super::constructions::Construction;
use super::super::document::Doc;
use super::super::lexicon::{self, Cue, INF, NP, OBJ, OUT, Pronoun};
use super::super::phrases::{
    np_after, np_before, np_head, speaker_before, valid_head, with_appositive_after,
};
use super::Speaker;
use super::content::{finish_frame, infinitive_at, phrase_end};
use super::frame::{Frame, after_quote};

pub(crate) fn verb_frame(doc: &Doc<'_>, sent: Range<usize>, i: usize, cue: Cue) -> Option<Frame> {
    // A particle verb is a cue only with its particle: `pointed out that …`.
    let particle = cue.has(OUT);
    if particle && doc.lo(i + 1) != "out" {
        return None;
    }
    // Right after the cue: `claims of`, `reports of` are nouns; `continued to`, `claimed
    // to have` are not reports, but `wrote to the senator that …` is.
    // `warning of a recession` is a report, though.
    if i + 1 < sent.end && doc.lo(i + 1) == "of" && !cue.past && !cue.has(NP) {
        return None;
    }
    if i + 1 < sent.end && doc.lo(i + 1) == "to" {
        // After its quote, `to` names the listener: `"…," Sanders wrote to his colleagues`;
        // so it does before a that-clause or a colon (`wrote to Roffman: "…"`), and a
        // promise takes an infinitive.
        let says_something = (i + 2..sent.end.min(i + 10)).any(|k| doc.lo(k) == "that")
            || (i + 3..sent.end.min(i + 8)).any(|k| doc.is_punct(k, ":"))
            || after_quote(doc, sent.start, i)
            || (cue.has(INF) && infinitive_at(doc, i + 1, sent.end));
        if !says_something {
            return None;
        }
    }
    // Walk back over adverbs and auxiliaries to where the speaker must end.
    let mut k = i;
    let mut aux: Option<&str> = None;
    while k > sent.start {
        let p = doc.lo(k - 1);
        if let Some(n) = temporal_before(doc, sent.start, k) {
            k -= n;
            continue;
        }
        if doc.cap(k - 1) && k - 1 > sent.start {
            // A capitalised word inside a sentence is a name: `Will wrote`.
            break;
        }
        if p == "as" && k >= sent.start + 2 && doc.lo(k - 2) == "quoted" {
            // `Braynard is quoted as saying`.
            k -= 2;
            continue;
        }
        if p == "to"
            && k >= sent.start + 3
            && doc.lo(k - 2) == "on"
            && matches!(doc.lo(k - 3), "went" | "goes" | "go" | "going" | "gone")
        {
            // `went on to say`: a report, unlike `declined to say`.
            k -= 3;
            continue;
        }
        if lexicon::is_negation(p) || lexicon::is_modal(p) || p == "to" {
            // `did not say`, `would say`, `declined to say`: no claim was made.
            return None;
        }
        if lexicon::is_auxiliary(p) {
            aux.get_or_insert(p);
            k -= 1;
        } else if lexicon::is_speech_adverb(p)
            // `Connolly said` opening a sentence is a name when the article writes it
            // capitalised elsewhere too (`Ann Connolly`); `Newly confirmed …` is not.
            || p.ends_with("ly") && doc.is_word(k - 1) && !(doc.cap(k - 1) && named_elsewhere(doc, k - 1))
            // `They both said`, `Her campaign workers here said`: floating words between a
            // subject and its verb.
            || matches!(p, "both" | "all" | "each" | "here" | "there")
        {
            k -= 1;
        } else {
            break;
        }
    }
    if let Some(a) = aux
        && matches!(
            a,
            "is" | "are" | "was" | "were" | "be" | "been" | "being" | "am"
        )
        && !cue.ing
    {
        // Passive: `he was told`, `it is said`.
        return None;
    }
    if k > sent.start && is_noun_marker(doc.lo(k - 1)) && k == i && !cue.past {
        // `his claims that`, `the report that`: a noun, not a verb.
        return None;
    }
    let after_cue = i + 1 + usize::from(particle);
    let before = if k > sent.start { Some(k - 1) } else { None };
    let boundary_before = before.is_none_or(|b| {
        doc.is_punct(b, ",")
            || is_dash(doc, b)
            || doc.is_punct(b, ":")
            || doc
                .quote_at_mark(b)
                .is_some_and(|q| q.closed && q.close == b)
    });

    // Participles take the speaker of their sentence, or of a quoting frame:
    // `cited Blinken as telling …`.
    let mut participle = false;
    let mut speaker = None;
    let mut extent_start = k;
    let rule;
    if cue.ing && aux.is_none() {
        if before.is_some_and(|b| doc.lo(b) == "as")
            && let Some(np) = np_before(doc, sent.start, k - 1)
            && np.start > sent.start
            && matches!(
                doc.lo(np.start - 1),
                "cited" | "quoted" | "quoting" | "citing" | "cites" | "quotes"
            )
        {
            speaker = Some(Speaker::Mention {
                np: np.clone(),
                appositive: None,
            });
            extent_start = np.start;
            rule = Construction::CitedAs;
        } else if let Some(np) = np_before(doc, sent.start, k)
            && np.start > sent.start
            && doc.lo(np.start - 1) == "with"
            && valid_head(doc, np_head(doc, np.clone()))
            && lexicon::subject_pronoun(doc.lo(np.start)).is_none()
        {
            // `…, with the campaign of the former senator saying Cruz was …`: the participle
            // has its own subject.
            speaker = Some(Speaker::Mention {
                np: np.clone(),
                appositive: None,
            });
            extent_start = np.start;
            rule = Construction::WithParticiple;
        } else if before.is_some()
            && (boundary_before
                || before.is_some_and(|b| matches!(doc.lo(b), "and" | "but"))
                || doc.is_punct(after_cue, ":")
                    && doc
                        .quote_at_mark(after_cue + 1)
                        .is_some_and(|q| q.open == after_cue + 1))
        {
            // `… sent a text message to supporters saying: "…"` takes the subject too.
            participle = true;
            rule = Construction::Participle;
        } else if before
            .is_some_and(|b| matches!(doc.lo(b), "after" | "before" | "while" | "when" | "by"))
        {
            // `Klobuchar said after noting Buttigieg is …`: the subject's earlier words.
            participle = true;
            rule = Construction::Participle;
        } else {
            return None;
        }
    } else if before.is_some_and(|b| matches!(doc.lo(b), "and" | "but")) {
        // `Reid caucused on Saturday and says he voted …`, `and famously said`: the subject's
        // second verb (only adverbs and auxiliaries lie between).
        participle = true;
        rule = Construction::SecondVerb;
    } else if let Some((np, appositive)) = speaker_before(doc, sent.clone(), k) {
        let (np, start) = name_after_modifiers(doc, sent.start, np);
        extent_start = start;
        rule = if appositive.is_some() {
            Construction::AppositiveSpeaker
        } else if matches!(doc.lo(k - 1), "who" | "which") {
            Construction::RelativeSpeaker
        } else {
            Construction::SpeakerCue
        };
        speaker = Some(Speaker::Mention { np, appositive });
    } else if boundary_before && !cue.has(OBJ) {
        // Inverted: `"…," said Putin`. Never a pronoun (`said she was …` is a clause), and
        // never after `told`, whose object is the listener (`…, told clients`).
        let mut np = np_after(doc, after_cue, sent.end, false)?;
        let next = np.end;
        // `said a party member who supports Trump`: a relative clause may follow.
        if doc.is_word(next)
            && !doc.cap(next)
            && !lexicon::is_preposition(doc.lo(next))
            && doc.lo(next) != "who"
        {
            // `said Phil Musser of digital consulting firm IMGE`: a name, then where the
            // speaker works; the name is the speaker.
            let of = (np.start + 1..np.end)
                .find(|&t| doc.lo(t) == "of" && doc.cap(t - 1) && valid_head(doc, t - 1))?;
            np = np.start..of;
        }
        if !valid_head(doc, np_head(doc, np.clone()))
            || lexicon::subject_pronoun(doc.lo(np.start)).is_some()
        {
            return None;
        }
        let (np, appositive) = with_appositive_after(doc, np, sent.end);
        let mut f = finish_frame(
            doc,
            sent.clone(),
            i,
            cue,
            np.end.max(appositive.clone().map_or(0, |a| a.end)),
        );
        f.speaker = Some(Speaker::Mention { np, appositive });
        f.extent.start = i;
        f.inverted = true;
        f.rule = Construction::InvertedSpeaker;
        return Some(f);
    } else {
        return None;
    }
    if let Some(Speaker::Mention { np, .. }) = &speaker
        && let Some(Pronoun::Speaker) = lexicon::subject_pronoun(doc.lo(np.end - 1))
        && np.len() == 1
    {
        // The writer's own "I said" is not an attributed claim.
        return None;
    }
    // `demanding that the alliance deny Ukraine membership`: what was demanded, not said.
    let mandated = extent_start >= sent.start + 2
        && doc.lo(extent_start - 1) == "that"
        && lexicon::is_mandative(doc.lo(extent_start - 2));
    if mandated {
        return None;
    }
    let mut f = finish_frame(doc, sent.clone(), i, cue, after_cue);
    f.cue = i..after_cue;
    // `a suspect, who police say was wanted for …`: the relative pronoun is the gap in what
    // was said, which runs on from the verb after the cue to the clause's comma.
    if f.right.is_none()
        && !participle
        && extent_start > sent.start
        && matches!(doc.lo(extent_start - 1), "who" | "which" | "that")
        && speaker.is_some()
        && (lexicon::is_auxiliary(doc.lo(after_cue)) || lexicon::is_modal(doc.lo(after_cue)))
    {
        let end = phrase_end(doc, after_cue, sent.end);
        if end > after_cue + 1 {
            f.right = Some(after_cue..end);
            f.content = Some(Construction::RelativeGap);
            f.extent.end = after_cue;
        }
    }
    // `a message from Stephen Roach, then the chairman of Morgan Stanley Asia, saying …`:
    // the named person the appositive describes speaks.
    if participle
        && cue.ing
        && let Some(name) = named_before_appositive(doc, sent.start, k)
    {
        speaker = Some(Speaker::Mention {
            np: name,
            appositive: None,
        });
        participle = false;
    }
    f.speaker = speaker;
    f.participle = participle;
    f.extent.start = extent_start;
    f.rule = rule;
    Some(f)
}

/// `a visibly frustrated Biden told`, `an emotional Cuomo said`: the speaker is the name;
/// the article and the words that describe the moment belong to the frame. Returns the
/// speaker and where the frame starts.
fn name_after_modifiers(doc: &Doc<'_>, floor: usize, np: Range<usize>) -> (Range<usize>, usize) {
    let name_start = (np.start..np.end)
        .rev()
        .take_while(|&t| doc.cap(t) && doc.is_word(t))
        .last();
    let Some(c) = name_start.filter(|&c| valid_head(doc, np.end - 1) && c < np.end) else {
        return (np.clone(), np.start);
    };
    let modifier = |t: usize| {
        let w = doc.lo(t);
        doc.is_word(t)
            && !doc.cap(t)
            && !lexicon::is_title_word(w)
            && !lexicon::is_determiner(w)
            && !valid_head(doc, t)
            && (w.ends_with("ed")
                || w.ends_with("ly")
                || w.ends_with("ing")
                || w.ends_with("ful")
                || w.ends_with("ive")
                || w.ends_with("ant")
                || w.ends_with("ous"))
    };
    // Back from the name over modifiers to an article.
    let mut k = c;
    while k > floor && c - k < 4 && modifier(k - 1) {
        k -= 1;
    }
    if k < c && k > floor && matches!(doc.lo(k - 1), "a" | "an" | "the") {
        return (c..np.end, (k - 1).min(np.start));
    }
    (np.clone(), np.start)
}

/// Number of tokens of a time phrase ending just before `k` (`on Saturday`, `Tuesday`,
/// `last week`, `on Jan. 5`), so that `the British premier on Saturday accused` finds its
/// speaker.
pub(crate) fn temporal_before(doc: &Doc<'_>, floor: usize, k: usize) -> Option<usize> {
    if k <= floor || !doc.is_word(k - 1) {
        return None;
    }
    let w = doc.lo(k - 1);
    let mut n = 0;
    if lexicon::weekday(w).is_some()
        || matches!(
            w,
            "week" | "month" | "year" | "night" | "morning" | "afternoon" | "evening"
        )
    {
        n = 1;
    } else if w.chars().all(|c| c.is_ascii_digit())
        && k >= floor + 2
        && lexicon::month(doc.lo(k - 2)).is_some()
    {
        n = 2;
    } else if matches!(w, "yesterday" | "today" | "tonight") {
        return Some(1);
    }
    if n == 0 {
        return None;
    }
    while k - n > floor && {
        let w = doc.lo(k - n - 1);
        matches!(
            w,
            "on" | "last" | "this" | "earlier" | "late" | "early" | "next" | "in"
        ) || lexicon::weekday(w).is_some()
    } {
        n += 1;
    }
    Some(n)
}

/// Words that make the following word a noun: `his claims`, `the report`.
pub(crate) fn is_noun_marker(lower: &str) -> bool {
    matches!(
        lower,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "these"
            | "those"
            | "this"
            | "such"
            | "new"
            | "latest"
            | "recent"
            | "earlier"
            | "previous"
            | "false"
            | "repeated"
            | "similar"
            | "no"
            | "any"
            | "of"
            | "in"
            | "for"
            | "with"
            | "by"
            | "on"
            | "about"
            | "after"
            | "before"
            | "into"
    ) || lower.ends_with("'s")
}

/// The name before an appositive that ends just before `k` (at a comma): `Stephen Roach,
/// then the chairman of Morgan Stanley Asia,` → `Stephen Roach`. The appositive opens with a
/// determiner, `then`, `now`, `former` or a title word and holds no verb of its own.
fn named_before_appositive(doc: &Doc<'_>, floor: usize, k: usize) -> Option<Range<usize>> {
    if k < floor + 4 || !doc.is_punct(k - 1, ",") {
        return None;
    }
    let close = k - 1;
    let open = (floor..close)
        .rev()
        .take(16)
        .find(|&t| doc.is_punct(t, ","))?;
    let first = doc.lo(open + 1);
    let describes = lexicon::is_determiner(first)
        || matches!(first, "then" | "now" | "former" | "also")
        || lexicon::is_title_word(first);
    let verbless = (open + 1..close).all(|t| {
        !lexicon::is_auxiliary(doc.lo(t)) && lexicon::cue(doc.lo(t)).is_none_or(|_| doc.cap(t))
    });
    if !describes || !verbless {
        return None;
    }
    let np = np_before(doc, floor, open)?;
    (doc.cap(np.end - 1) && valid_head(doc, np.end - 1)).then_some(np)
}

/// Whether the word at `k` also stands capitalised inside a sentence elsewhere in the
/// article, as names do.
fn named_elsewhere(doc: &Doc<'_>, k: usize) -> bool {
    let w = doc.lo(k);
    (0..doc.toks.len()).any(|j| {
        j != k && doc.cap(j) && doc.lo(j) == w && j > 0 && doc.sent_of[j] == doc.sent_of[j - 1]
    })
}
