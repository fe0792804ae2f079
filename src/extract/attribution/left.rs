//! Content to the left of a frame: the quote or clause a trailing frame closes (`"…," he
//! said`; `…, Johnson said on Twitter`), the start of a claim a frame interrupts (`The pills,
//! he says, are …`), and where right-hand content stops because the sentence goes on.

use std::ops::Range;

use super::super::clauses::{is_aside_mark, is_dash};
use super::super::constructions::Construction;
use super::super::document::Doc;
use super::super::lexicon;
use super::Speaker;
use super::frame::Frame;

/// The content to the left of a trailing frame: the quote just before it, or the clause
/// from the sentence start; plus a continuation to the right when the frame interrupts
/// the claim (`If …, the Secretary told Lavrov, then …`).
pub(crate) fn left_content(
    doc: &Doc<'_>,
    sent: Range<usize>,
    frame: &Frame,
    frame_starts: &[usize],
) -> Option<(Vec<Range<usize>>, Construction)> {
    let f = frame;
    let s = f.extent.start;
    // `Comey, as he testified before Congress, refused to comply`: an aside that the claim
    // runs around.
    if s >= sent.start + 3
        && doc.lo(s - 1) == "as"
        && doc.is_punct(s - 2, ",")
        && doc.is_punct(f.extent.end, ",")
    {
        let left = sent.start..s - 2;
        let from = f.extent.end + 1;
        let mut end = frame_starts
            .iter()
            .copied()
            .filter(|&x| x > from)
            .min()
            .unwrap_or(sent.end);
        while end > from && (doc.is_punct(end - 1, ",") || is_dash(doc, end - 1)) {
            end -= 1;
        }
        if doc.words_in(left.clone()) >= 1 && doc.words_in(from..end) >= 2 {
            return Some((vec![left, from..end], Construction::AsAside));
        }
    }
    let mut parts = Vec::new();
    let mut scene_only = false;
    let rule;
    let mut b = s;
    if b > sent.start && (doc.is_punct(b - 1, ",") || is_dash(doc, b - 1)) {
        b -= 1;
    }
    if b > sent.start
        && let Some(q) = doc.quote_at_mark(b - 1)
        && q.closed
        && q.close == b - 1
    {
        // `"…," he said`: the quote is the claim when it opens the sentence, or when it
        // began in an earlier sentence.
        let opens_clause = q.open <= sent.start
            || (sent.start..q.open).all(|k| !doc.is_word(k))
            || doc.is_punct(q.open - 1, ":");
        if opens_clause {
            parts.push(q.inner());
            rule = Construction::QuoteBefore;
        } else {
            parts.push(sent.start..b);
            rule = Construction::ClauseBefore;
        }
    } else if b > sent.start && (b < s || doc.lo(f.cue.start) == "according") {
        // `In a later interview, she joked about …`, `During a rally in Raleigh, North
        // Carolina, Trump remarked upon …`: an opening adjunct before a frame whose sentence
        // goes on sets the scene; it is not what was said (but may open a claim that goes on
        // after the frame: `If she wins, Clinton said in a tweet, women …`).
        scene_only = doc.lo(f.cue.start) != "according"
            && f.cue.end < sent.end
            && doc.is_word(f.cue.end)
            && only_adjuncts(doc, sent.start..b);
        parts.push(sent.start..b);
        rule = Construction::ClauseBefore;
    } else if b == sent.start {
        rule = Construction::QuoteSentenceBefore;
        // A frame that is a sentence of its own: `"It is over." Putin said.`
        let prev = doc.sent_of[sent.start] as usize;
        if prev > 0 {
            let p = doc.sents[prev - 1].clone();
            let last = p.end - 1;
            if let Some(q) = doc.quote_at_mark(last)
                && q.closed
                && q.close == last
                && doc.toks[last].para == doc.toks[s].para
            {
                parts.push(q.inner());
            }
        }
        if parts.is_empty() {
            return None;
        }
    } else {
        return None;
    }
    // Continuation after the frame: `, then this is the time …` or `, "…"`. After a quote
    // only another quote continues; after an inverted frame or an appositive, what follows
    // the comma describes the speaker.
    let quoted_left = parts
        .iter()
        .all(|p| p.clone().all(|k| !doc.is_word(k) || doc.inside_quote(k)));
    let has_appositive = matches!(
        &f.speaker,
        Some(Speaker::Mention {
            appositive: Some(_),
            ..
        })
    );
    let after = f.extent.end;
    if doc.is_punct(after, ",") && after + 1 < sent.end {
        let from = after + 1;
        let next_frame = frame_starts.iter().copied().filter(|&x| x > from).min();
        let mut end = next_frame.unwrap_or(sent.end);
        // Stop before the comma that introduces the next frame.
        while end > from && (doc.is_punct(end - 1, ",") || is_dash(doc, end - 1)) {
            end -= 1;
        }
        if let Some(q) = doc.quote_at_mark(from)
            && q.open == from
        {
            parts.push(q.inner());
        } else if !quoted_left && !f.inverted && !has_appositive {
            let w = doc.lo(from);
            let starts_frame = lexicon::cue(w).is_some() || w == "according";
            // `…, the AP declared on Thursday, two days after the vote`: an adjunct of the
            // frame, not more of the claim.
            let adjunct = (lexicon::is_preposition(w) && w != "to")
                || lexicon::is_clause_word(w) && w != "then"
                || w.chars().all(|c| c.is_ascii_digit())
                || matches!(
                    w,
                    "one"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "several"
                        | "just"
                        | "only"
                        | "hours"
                        | "days"
                        | "weeks"
                        | "months"
                        | "years"
                );
            // `The pills have few approved uses, he says, and are meant for short courses`:
            // a bare frame (speaker and cue, nothing after) that interrupts reported speech,
            // which goes on after `and` or `but`.
            let bare_frame = f.extent.end == f.cue.end && f.cue.start > f.extent.start;
            if matches!(w, "and" | "but")
                && bare_frame
                && doc.words_in(from + 1..end) >= 3
                && !lexicon::cue(doc.lo(from + 1)).is_some_and(|c| c.ing)
            {
                parts.push(from + 1..end);
            } else if !starts_frame
                && !adjunct
                && doc.words_in(from..end) >= 3
                && !matches!(w, "and" | "but")
            {
                parts.push(from..end);
            }
        }
    }
    // The scene alone, with nothing of the claim after the frame, is no claim.
    if scene_only && parts.len() == 1 {
        return None;
    }
    Some((parts, rule))
}

/// Whether a stretch is only opening adjuncts: each of its comma-separated phrases opens
/// with a preposition, a subordinating word or a time word (`Friday morning, as the parade
/// rolled through Pasadena`), or is a place name going on from the one before (`in Raleigh,
/// North Carolina`). One phrase that opens otherwise is a clause: `In 2015, the economy grew`.
fn only_adjuncts(doc: &Doc<'_>, r: Range<usize>) -> bool {
    if r.clone().any(|k| doc.inside_quote(k) || doc.is_quote(k)) {
        return false;
    }
    let mut phrases = Vec::new();
    let mut from = r.start;
    for k in r.clone() {
        if doc.is_punct(k, ",") {
            phrases.push(from..k);
            from = k + 1;
        }
    }
    phrases.push(from..r.end);
    phrases.iter().enumerate().all(|(n, p)| {
        let words: Vec<usize> = p.clone().filter(|&k| doc.is_word(k)).collect();
        let Some(&head) = words.first() else {
            return false;
        };
        let w = doc.lo(head);
        let opens_adjunct = lexicon::is_preposition(w)
            || (lexicon::is_clause_word(w)
                && !matches!(
                    w,
                    "that"
                        | "what"
                        | "which"
                        | "who"
                        | "but"
                        | "so"
                        | "yet"
                        | "or"
                        | "nor"
                        | "then"
                ))
            || lexicon::weekday(w).is_some()
            || lexicon::month(w).is_some()
            || matches!(
                w,
                "yesterday" | "today" | "tonight" | "earlier" | "later" | "last" | "next"
            );
        let place_goes_on = n > 0 && words.len() <= 3 && words.iter().all(|&k| doc.toks[k].cap);
        opens_adjunct || place_goes_on
    })
}

/// The start of a claim that a frame interrupts, set off by commas on both sides:
/// `The club's investment in its facilities, Ms. Tanzer said, "is a perfect example …"`,
/// `The documents indicate, he said, that …`. Not an opening phrase of place, time or
/// manner (`In a statement, the ministry said, "…"`, `Asked about it, he said, "…"`).
pub(crate) fn interrupted_left(
    doc: &Doc<'_>,
    sent: Range<usize>,
    f: &Frame,
    right: &Range<usize>,
    frame_starts: &[usize],
) -> Option<Range<usize>> {
    if f.participle || right.start < f.cue.end {
        return None;
    }
    let start = f.extent.start;
    if start < sent.start + 2 || !doc.is_punct(start - 1, ",") {
        return None;
    }
    // The content resumes right after a comma: `said, "…"` or `said, that …`.
    let resumes = doc.is_punct(right.start - 1, ",")
        || ((doc.is_quote(right.start - 1) || doc.lo(right.start - 1) == "that")
            && doc.is_punct(right.start - 2, ","));
    if !resumes || frame_starts.iter().any(|&x| x >= sent.start && x < start) {
        return None;
    }
    let left = sent.start..start - 1;
    let first = doc.lo(left.start);
    let opening_phrase = lexicon::is_preposition(first)
        || lexicon::is_clause_word(first)
        || first.ends_with("ing")
        || first.ends_with("ed")
        || (left.clone()).any(|k| doc.is_punct(k, ","));
    (!opening_phrase && doc.words_in(left.clone()) >= 1).then_some(left)
}

/// In a sentence that opens with a subordinate clause holding the frame (`When Comey said
/// on Tuesday that …, experts agreed`), the content ends at the clause's last comma, where
/// the main clause begins.
pub(crate) fn end_of_opening_clause(
    doc: &Doc<'_>,
    sent: Range<usize>,
    f: &Frame,
    r: Range<usize>,
) -> Range<usize> {
    let opens = matches!(
        doc.lo(sent.start),
        "when"
            | "after"
            | "before"
            | "as"
            | "since"
            | "because"
            | "while"
            | "although"
            | "though"
            | "if"
            | "once"
            | "until"
    );
    if !opens || f.extent.start <= sent.start || r.end != sent.end {
        return r;
    }
    let comma = (r.start + 1..r.end).rev().find_map(|k| {
        if doc.inside_quote(k) || !doc.is_word(k + 1) {
            return None;
        }
        if doc.is_punct(k, ",") {
            Some(k)
        } else if doc.is_punct(k - 1, ",")
            && doc
                .quote_at_mark(k)
                .is_some_and(|q| q.closed && q.close == k)
        {
            Some(k + 1)
        } else {
            None
        }
    });
    match comma {
        Some(c) if c > r.start + 1 => r.start..c,
        _ => r,
    }
}

/// `while he said he'd hold a hearing, it's unlikely …`: a frame opened by a subordinating
/// word ends its content at the first comma, where the main clause resumes.
pub(crate) fn end_of_subordinate(doc: &Doc<'_>, f: &Frame, r: Range<usize>) -> Range<usize> {
    let opener = f.extent.start.checked_sub(1).map(|k| doc.lo(k));
    let subordinate = opener.is_some_and(|w| {
        matches!(
            w,
            "while"
                | "although"
                | "though"
                | "when"
                | "if"
                | "because"
                | "since"
                | "whereas"
                | "unless"
        )
    });
    if !subordinate {
        return r;
    }
    // The main clause resumes with its own subject: `…, it's unlikely`, not `…, or ISIS,`.
    let resumes = |k: usize| {
        doc.is_punct(k, ",") && !doc.inside_quote(k) && {
            // `it's`, `they're`: the pronoun without its contracted verb.
            let w = doc.lo(k + 1);
            let w = w.split('\'').next().unwrap_or(w);
            lexicon::subject_pronoun(w).is_some() || w == "there"
        }
    };
    match r.clone().find(|&k| resumes(k)) {
        Some(c) if c > r.start => r.start..c,
        _ => r,
    }
}

/// Ends a frame's right-hand content where a later frame of the sentence begins after a
/// comma: `When Sanders accused Clinton of being reliant on Wall Street, she said …`.
pub(crate) fn cut_at_next_frames(doc: &Doc<'_>, frames: &mut [Frame]) {
    let starts: Vec<usize> = frames.iter().map(|f| f.extent.start).collect();
    for f in frames.iter_mut() {
        let Some(r) = f.right.clone() else { continue };
        // Where the content ends if a later frame starts at `s`: before its comma, or
        // before `, and` / `, but` / `, while`.
        let cut = |s: usize| -> Option<usize> {
            if s <= r.start + 1 || s >= r.end {
                return None;
            }
            if is_aside_mark(doc, s - 1) {
                return Some(s - 1);
            }
            // `… at "less advanced schools," Trump said`: the comma sits inside the quote.
            if s >= r.start + 3
                && doc.is_punct(s - 2, ",")
                && doc
                    .quote_at_mark(s - 1)
                    .is_some_and(|q| q.closed && q.close == s - 1)
            {
                return Some(s);
            }
            let joined = matches!(doc.lo(s - 1), "and" | "but" | "while");
            (joined && s >= r.start + 3 && doc.is_punct(s - 2, ",")).then_some(s - 2)
        };
        if let Some(c) = starts.iter().filter_map(|&s| cut(s)).min() {
            f.right = Some(r.start..c);
        }
    }
}
