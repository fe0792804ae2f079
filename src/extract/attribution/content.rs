//! What a verb frame says was said, to the right of its cue: a `that` clause, a bare clause,
//! a quote (after the cue, a comma or a colon), a promise's infinitive, an accusation's
//! object and `of` phrase — past a listener and time or place adjuncts.

use std::ops::Range;

use super::super::clauses::{clause, clause_from};
use super::super::constructions::Construction;
use super::super::document::{Doc, QuoteSpan};
use super::super::lexicon::{self, ACCUSE, BARE, Cue, FRAME, INF, NAMES, NP, OBJ, THAT};
use super::super::phrases::is_agent_noun;
use super::frame::{Frame, after_quote, frame_tail, tail_ok};

/// Settles what follows the cue: listener, the content on the right, and the frame's end.
pub(crate) fn finish_frame(
    doc: &Doc<'_>,
    sent: Range<usize>,
    i: usize,
    cue: Cue,
    from: usize,
) -> Frame {
    let mut j = from;
    let mut right = None;
    let mut content = None;
    if cue.has(ACCUSE) {
        // `accused Russia of destabilizing …`: the object and its `of` phrase.
        let obj_start = j;
        // An appositive may sit between the object and `of`: `accused Cruz, the senator
        // from Texas, of being …`.
        let appositive = doc.is_punct(j + 1, ",") || doc.is_punct(j + 2, ",");
        let reach = if appositive { 24 } else { 10 };
        let of = (j..sent.end.min(j + reach)).find(|&k| {
            doc.lo(k) == "of"
                || (doc.is_punct(k, ",") && !appositive)
                || doc.is_punct(k, ";")
                || doc.is_punct(k, ".")
        });
        if let Some(of) = of
            && doc.lo(of) == "of"
            && of > obj_start
        {
            right = clause_from(doc, obj_start, sent.clone());
            content = Some(Construction::Accusation);
        }
    } else {
        if cue.has(OBJ)
            && let Some(obj) =
                listener(doc, j, sent.end).or_else(|| listener_before_that(doc, j, sent.end))
        {
            j = obj.end;
        }
        // Participles (`"…," he said, adding that …`) take what follows them.
        if !cue.ing && after_quote(doc, sent.start, i) && !doc.is_punct(j, ":") {
            // `"…," the former president told a crowd that …`: the quote is what was said;
            // a `that` here starts a relative clause.
            let end = frame_tail(doc, j, sent.end);
            return Frame {
                speaker: None,
                cue: i..i + 1,
                extent: i..end,
                right: None,
                participle: false,
                trailing_ok: cue.has(FRAME),
                inverted: false,
                rule: Construction::SpeakerCue,
                content: None,
            };
        }
        let after_obj = j;
        // `said Thursday he would …`, `said on Friday that …`, `declared in the spin room,
        // "…"`: time and place phrases between the cue and what was said.
        let adjuncts = skip_adjuncts(doc, j, sent.end);
        // `said: "…"`, `told reporters, "…"`
        let mut q = j;
        if doc.is_punct(q, ":") || doc.is_punct(q, ",") {
            q += 1;
        } else if adjuncts > j && (doc.is_punct(adjuncts, ":") || doc.is_punct(adjuncts, ",")) {
            q = adjuncts + 1;
        }
        let clause_goes_on = |quote: &QuoteSpan| {
            quote.closed
                && doc.is_word(quote.close + 1)
                && doc.sent_of[quote.close + 1] == doc.sent_of[i]
        };
        if let Some(quote) = doc.quote_at_mark(q)
            && quote.open == q
            && quote.words >= 1
            && clause_goes_on(quote)
            // After `said,` only a quote that stops mid-clause (no punctuation inside its
            // closing mark) runs on: `said, "is a perfect example" of …`, not `said, "We
            // are done," and left`.
            && (q == j || doc.is_punct(j, ",") && q == j + 1 && doc.is_word(quote.close - 1))
        {
            // `saying "on her worst day" she'd be …`: the quote begins a longer clause.
            right = clause(doc, q, sent.clone());
            content = Some(Construction::QuoteOpensClause);
        } else if let Some(quote) = doc.quote_at_mark(q)
            && quote.open == q
            && quote.words >= 1
        {
            right = Some(quote.inner());
            content = Some(Construction::QuoteAfterCue);
            j = if quote.closed {
                quote.close + 1
            } else {
                quote.close
            };
        } else if doc.is_punct(j, ":") && cue.has(FRAME) {
            right = clause(doc, j + 1, sent.clone());
            content = Some(Construction::ColonClause);
        } else if cue.has(INF) && infinitive_at(doc, adjuncts.max(after_obj), sent.end) {
            // `pledged on Tuesday to enact judicial reform`: what was promised, from its verb
            // (a content opening with `to` is an instruction elsewhere: `told him to …`).
            right = clause(doc, adjuncts.max(after_obj) + 1, sent.clone());
            content = Some(Construction::Promise);
        } else if cue.has(NAMES)
            && let Some(r) = names_object(doc, after_obj, sent.clone())
        {
            // `called the plan a "disaster"`, `described the deal as a betrayal`.
            right = Some(r);
            content = Some(Construction::NamesObject);
        } else if let Some(that) = find_that(doc, j, sent.end)
            .or_else(|| (adjuncts > j && doc.lo(adjuncts) == "that").then_some(adjuncts))
        {
            if cue.has(THAT) || cue.has(BARE) {
                right = clause(doc, that + 1, sent.clone());
                content = Some(Construction::ThatClause);
            }
        } else if cue.has(BARE) && opens_clause(doc, after_obj, sent.end) {
            right = clause(doc, after_obj, sent.clone());
            content = Some(Construction::BareClause);
        } else if cue.has(BARE) && adjuncts > after_obj && opens_clause(doc, adjuncts, sent.end) {
            right = clause(doc, adjuncts, sent.clone());
            content = Some(Construction::BareClause);
        } else if cue.has(THAT) && pronoun_clause(doc, adjuncts.max(after_obj)) {
            // `adding he intended to …`, `noted she had …`: a that-verb with its `that`
            // dropped, safe when a subject pronoun and a verb follow.
            right = clause(doc, adjuncts.max(after_obj), sent.clone());
            content = Some(Construction::DroppedThat);
        } else if let Some(quote) = quote_after_colon(doc, after_obj, sent.end) {
            right = Some(quote.inner());
            content = Some(Construction::QuoteAfterColon);
            j = if quote.closed {
                quote.close + 1
            } else {
                quote.close
            };
        } else if let Some(quote) = quote_after_aside(doc, after_obj, sent.end) {
            right = Some(quote.inner());
            content = Some(Construction::QuoteAfterCue);
            j = quote.close + 1;
        } else if cue.has(NP)
            && let Some(r) = object_content(doc, adjuncts.max(after_obj), sent.clone())
        {
            // `denied any wrongdoing`, `announced the end of his campaign`.
            right = Some(r);
            content = Some(Construction::ObjectContent);
        }
    }
    let trailing_ok = cue.has(FRAME) && right.is_none() && tail_ok(doc, j, sent.end);
    let end = match &right {
        Some(r) => r.end,
        None => frame_tail(doc, j, sent.end),
    };
    let content = right.as_ref().and(content);
    Frame {
        speaker: None,
        cue: i..i + 1,
        extent: i..end,
        right,
        participle: false,
        trailing_ok,
        inverted: false,
        rule: Construction::SpeakerCue,
        content,
    }
}

/// The first token after time and place phrases starting at `j`: `Thursday`, `on Friday`,
/// `last week`, `in a statement`, `in an interview with CNN`, `on Twitter`, `at a rally in
/// Iowa`. Returns `j` when there is none.
pub(crate) fn skip_adjuncts(doc: &Doc<'_>, from: usize, end: usize) -> usize {
    let mut k = from;
    for _ in 0..3 {
        let w = doc.lo(k);
        let next = doc.lo(k + 1);
        let step =
            if lexicon::weekday(w).is_some() || matches!(w, "yesterday" | "today" | "tonight") {
                1 + usize::from(matches!(
                    next,
                    "night" | "morning" | "afternoon" | "evening"
                ))
            } else if matches!(w, "on" | "last" | "this" | "earlier" | "late")
                && (lexicon::weekday(next).is_some()
                    || matches!(
                        next,
                        "week" | "month" | "year" | "night" | "morning" | "afternoon" | "evening"
                    ))
            {
                2
            } else if lexicon::month(w).is_some()
                && (next.bytes().all(|b| b.is_ascii_digit()) && !next.is_empty())
            {
                // `said Jan. 14 that …`, `said Jan. 14, 2020, that …`
                let year = doc.is_punct(k + 2, ",") && doc.lo(k + 3).len() == 4;
                if year { 4 } else { 2 }
            } else if matches!(w, "in" | "since" | "until")
                && next.len() == 4
                && next.starts_with(['1', '2'])
                && next.bytes().all(|b| b.is_ascii_digit())
            {
                // `found in 2014 that …`
                2
            } else if matches!(w, "in" | "on" | "at" | "during" | "via" | "to") {
                // A short phrase: a determiner or capitalised name, then words up to a clause
                // start, `that`, or punctuation.
                let mut stop = k + 1;
                while stop < end && stop - k <= 7 && doc.is_word(stop) && doc.lo(stop) != "that" {
                    let x = doc.lo(stop);
                    let starts_clause = lexicon::subject_pronoun(x).is_some() && stop > k + 1;
                    if starts_clause {
                        break;
                    }
                    stop += 1;
                }
                let opens = lexicon::is_determiner(next) || doc.cap(k + 1);
                if opens && stop > k + 2 { stop - k } else { 0 }
            } else {
                0
            };
        if step == 0 || k + step > end {
            break;
        }
        k += step;
    }
    k
}

/// A quotation that ends the sentence after a comma and a few words of time, place or
/// listener: `said in the spring, when the story broke, "…"`, `told the mayors who gathered
/// in Indianapolis, "…"`, `said, and I quote, "…"`. The words between hold no other cue,
/// quotation or clause mark.
fn quote_after_aside<'d>(doc: &'d Doc<'_>, from: usize, end: usize) -> Option<&'d QuoteSpan> {
    let mut k = from;
    while k < end && k - from <= 20 {
        if doc.is_quote(k) {
            let q = doc.quote_at_mark(k)?;
            let ends_sentence = (q.close + 1..end).all(|t| !doc.is_word(t) && !doc.is_quote(t));
            return (q.open == k
                && q.closed
                && q.words >= 3
                && k > from + 1
                && doc.is_punct(k - 1, ",")
                && ends_sentence)
                .then_some(q);
        }
        let w = doc.lo(k);
        if doc.is_punct(k, ";") || doc.is_punct(k, ":") || w == "that" || lexicon::cue(w).is_some()
        {
            return None;
        }
        k += 1;
    }
    None
}

/// A quotation introduced by a colon a few words after the cue: `said flatly: "…"`,
/// `tweeted in response: "…"`, `tweeted this: "…"`. The words between may not start a
/// clause of their own.
pub(crate) fn quote_after_colon<'d>(
    doc: &'d Doc<'_>,
    from: usize,
    end: usize,
) -> Option<&'d QuoteSpan> {
    let mut k = from;
    while k < end && k - from <= 8 && doc.is_word(k) {
        let w = doc.lo(k);
        if matches!(w, "that" | "and" | "but" | "because" | "if" | "when")
            || lexicon::subject_pronoun(w).is_some() && k > from
        {
            return None;
        }
        k += 1;
    }
    if k == from || !doc.is_punct(k, ":") {
        return None;
    }
    doc.quote_at_mark(k + 1)
        .filter(|q| q.open == k + 1 && q.words >= 3)
}

/// A subject pronoun followed by a verb: `he intended`, `she had`, `they would`.
pub(crate) fn pronoun_clause(doc: &Doc<'_>, k: usize) -> bool {
    let p = doc.lo(k);
    let v = doc.lo(k + 1);
    matches!(p, "he" | "she" | "they" | "it" | "we" | "i")
        && doc.is_word(k + 1)
        && (lexicon::is_auxiliary(v)
            || lexicon::is_modal(v)
            || lexicon::is_negation(v)
            || v.ends_with("ed")
            || (v.ends_with('s') && !v.ends_with("ss")))
}

/// The listener after `told`: `reporters`, `Lavrov`, `Foreign Minister Lavrov`, `his Russian
/// counterpart`, `The Associated Press`, `CNN's Jake Tapper`.
pub(crate) fn listener(doc: &Doc<'_>, from: usize, end: usize) -> Option<Range<usize>> {
    let mut j = from;
    if doc.lo(j) == "that" {
        // `warns that …`: a complementiser, not a determiner.
        return None;
    }
    if j < end && lexicon::is_determiner(doc.lo(j)) {
        j += 1;
    }
    let mut last_head = None;
    while j < end && j - from < 7 && doc.is_word(j) {
        let w = doc.lo(j);
        if lexicon::is_clause_word(w) || lexicon::is_preposition(w) && w != "of" {
            break;
        }
        if lexicon::weekday(w).is_some() {
            // `told a Wednesday workshop`: a day names when, never who listened.
            j += 1;
            continue;
        }
        let cap = doc.cap(j);
        let pronoun = matches!(w, "him" | "her" | "them" | "me" | "us" | "you");
        if cap
            || pronoun
            || lexicon::is_anonymous_head(w)
            || is_agent_noun(w)
            || w == "reporters"
            || w == "journalists"
            || w == "counterpart"
            || w == "audience"
            || w == "crowd"
            || lexicon::is_organization_head(w)
            || lexicon::is_government_head(w)
        {
            last_head = Some(j + 1);
            if pronoun {
                break;
            }
        } else if w == "of" {
            // `the head of the agency`
        } else if last_head.is_some() {
            break;
        }
        j += 1;
    }
    last_head.map(|e| from..e)
}

/// The object of a verb whose object is what was said, to the first comma or semicolon
/// outside quotes (`Trump, who denies any relationship with her, has said …`): `denied any
/// wrongdoing`, `warned of a recession`. It must open a noun phrase.
pub(crate) fn object_content(
    doc: &Doc<'_>,
    from: usize,
    sent: Range<usize>,
) -> Option<Range<usize>> {
    let from = if doc.lo(from) == "of" { from + 1 } else { from };
    let w = doc.lo(from);
    if !doc.is_word(from)
        || lexicon::is_preposition(w)
        || lexicon::is_clause_word(w)
        || lexicon::is_auxiliary(w)
        || lexicon::is_modal(w)
        || lexicon::subject_pronoun(w).is_some()
        || matches!(
            w,
            "him" | "her" | "them" | "it" | "me" | "us" | "you" | "to" | "plans"
        )
    {
        return None;
    }
    let end = phrase_end(doc, from, sent.end);
    (end > from).then_some(from..end)
}

/// What a naming verb says something is: `called the plan a "disaster"`, `calls the GOP a
/// "cult"`, `described the deal as a betrayal`, `dismissed the report as partisan`. `called
/// for`, `called on X to` and `called 911` are requests and calls, not claims: the object
/// must be followed by `as`, a quote, or a second noun phrase (`called him a liar`).
pub(crate) fn names_object(doc: &Doc<'_>, from: usize, sent: Range<usize>) -> Option<Range<usize>> {
    let w = doc.lo(from);
    if !doc.is_word(from)
        || lexicon::is_preposition(w)
        || matches!(w, "off" | "up" | "back" | "out" | "that" | "it's")
    {
        return None;
    }
    let end = phrase_end(doc, from, sent.end);
    if end <= from + 1 {
        return None;
    }
    let names = (from + 1..end).any(|k| {
        doc.lo(k) == "as"
            || doc.quote_at_mark(k).is_some_and(|q| q.open == k)
            || (k > from + 1 && matches!(doc.lo(k), "a" | "an"))
    });
    names.then_some(from..end)
}

/// Where a noun-phrase content ends: at the first comma, semicolon, colon or dash outside
/// quotation marks, or the sentence's end.
pub(crate) fn phrase_end(doc: &Doc<'_>, from: usize, end: usize) -> usize {
    let mut k = from;
    while k < end {
        let stop = !doc.inside_quote(k)
            && (doc.is_punct(k, ",")
                || doc.is_punct(k, ";")
                || doc.is_punct(k, ":")
                || doc.is_punct(k, "—")
                || doc.is_punct(k, "--"));
        // `…, the "Achilles' heel" of tax reform` keeps its closing comma inside the quote.
        if stop {
            break;
        }
        k += 1;
    }
    // A quote closed after the comma it holds: end after the closing mark.
    k
}

/// A listener no noun list knows, recognised by the `that` after it: `told local radio on
/// Sunday that …`, `told the paper's editorial board that …`. At most five words, none a
/// verb or a clause word, then `that` or a short adjunct and `that`.
pub(crate) fn listener_before_that(doc: &Doc<'_>, from: usize, end: usize) -> Option<Range<usize>> {
    let mut j = from;
    while j < end && j - from < 5 && doc.is_word(j) {
        let w = doc.lo(j);
        // `on Sunday that`: the day is an adjunct after the listener; `a Wednesday workshop`:
        // it describes the listener.
        let attributive = j + 1 < end
            && doc.is_word(j + 1)
            && doc.lo(j + 1) != "that"
            && !lexicon::is_preposition(doc.lo(j + 1));
        if w == "that"
            || lexicon::is_preposition(w)
            || (lexicon::weekday(w).is_some() && !attributive)
        {
            break;
        }
        if lexicon::is_clause_word(w)
            || lexicon::is_auxiliary(w)
            || lexicon::is_modal(w)
            || lexicon::cue(w).is_some()
            || lexicon::subject_pronoun(w).is_some()
        {
            return None;
        }
        j += 1;
    }
    if j == from {
        return None;
    }
    find_that(doc, j, end).map(|_| from..j)
}

/// `that` opening the content, possibly after a short phrase: `said in a statement that`,
/// `told his counterpart on Tuesday that`.
pub(crate) fn find_that(doc: &Doc<'_>, from: usize, end: usize) -> Option<usize> {
    if from < end && doc.lo(from) == "that" {
        return Some(from);
    }
    // `…, the vice president said, that if …`: an interrupting frame resumes its clause.
    if from + 1 < end && doc.is_punct(from, ",") && doc.lo(from + 1) == "that" {
        return Some(from + 1);
    }
    // `reported, citing "people briefed on the matter," that …`: an aside, then `that`.
    if doc.is_punct(from, ",") {
        let close = (from + 1..end.min(from + 16)).find(|&k| doc.is_punct(k, ","))?;
        let mut next = close + 1;
        while next < end && doc.is_quote(next) {
            next += 1;
        }
        return (doc.lo(next) == "that").then_some(next);
    }
    let first = doc.lo(from);
    let phrase = lexicon::is_preposition(first)
        || lexicon::weekday(first).is_some()
        || lexicon::is_speech_adverb(first)
        // `adding hopefully that …`
        || (first.ends_with("ly") && doc.is_word(from) && !doc.cap(from))
        || matches!(first, "last" | "this" | "earlier" | "late" | "repeatedly");
    if !phrase {
        return None;
    }
    (from..end.min(from + 10))
        .take_while(|&k| doc.is_word(k) || doc.is_punct(k, ",") && doc.lo(k + 1) == "that")
        .find(|&k| doc.lo(k) == "that")
}

/// Whether a bare clause can start at `j`: `says the United States has …`, not `said on
/// Twitter` or `told him to leave`.
pub(crate) fn opens_clause(doc: &Doc<'_>, j: usize, end: usize) -> bool {
    if j >= end || !doc.is_word(j) {
        return doc.is_quote(j);
    }
    let w = doc.lo(j);
    // `an effort that Sanders said would make …`: a verb first means the subject is the
    // relative clause's gap, not a claim.
    !(lexicon::is_preposition(w)
        || lexicon::is_auxiliary(w)
        || lexicon::is_modal(w)
        || lexicon::opens_non_claim(w)
        || lexicon::weekday(w).is_some()
        || lexicon::is_speech_adverb(w)
        || matches!(
            w,
            "and" | "or" | "but" | "as" | "yesterday" | "today" | "last" | "so" | "of"
        ))
}

/// Whether a `to` infinitive with its object starts at `k`: `to enact reform`, `to “bring
/// our revolution”`; not a `to` phrase (`to the voters`, `to Congress`).
pub(crate) fn infinitive_at(doc: &Doc<'_>, k: usize, end: usize) -> bool {
    let verb = if doc.is_quote(k + 1) { k + 2 } else { k + 1 };
    doc.lo(k) == "to"
        && verb < end
        && doc.is_word(verb)
        && !doc.cap(verb)
        && !lexicon::is_determiner(doc.lo(verb))
        && lexicon::subject_pronoun(doc.lo(verb)).is_none()
        && !matches!(doc.lo(verb), "him" | "her" | "them" | "me" | "us" | "you" | "his" | "its")
        // `the divides he promised to bridge have grown`: the object was moved away, and
        // what follows belongs to the main clause.
        && !lexicon::is_auxiliary(doc.lo(verb + 1))
}
