//! Clause boundaries: where content that starts after a cue ends (a semicolon, `, adding
//! that`, `, according to`, `, and he …`, a new speaker and cue), and the marks that set
//! asides off.

use std::ops::Range;

use super::document::Doc;
use super::lexicon;

/// Whether only discourse words (`But`, `And`) stand between the sentence start and `i`.
pub(crate) fn at_clause_start(doc: &Doc<'_>, start: usize, i: usize) -> bool {
    (start..i).all(|k| {
        matches!(
            doc.lo(k),
            "but" | "and" | "yet" | "still" | "so" | "now" | "however" | ","
        ) || doc.is_quote(k)
    })
}

pub(crate) fn is_aside_mark(doc: &Doc<'_>, k: usize) -> bool {
    doc.is_punct(k, ",") || is_dash(doc, k)
}

pub(crate) fn is_dash(doc: &Doc<'_>, k: usize) -> bool {
    doc.is_punct(k, "—")
        || doc.is_punct(k, "–")
        || doc.is_punct(k, "--")
        // A hyphen with spaces around it stands for a dash (a hyphen inside a word is part
        // of the word's token).
        || (doc.is_punct(k, "-")
            && k > 0
            && doc.toks[k - 1].end < doc.toks[k].start
            && doc.toks.get(k + 1).is_some_and(|n| n.start > doc.toks[k].end))
}

/// The content clause starting at `from`, running to the end of the sentence, a participle
/// (`, adding that`), `according to`, or a semicolon. A quote opened inside runs on across
/// sentences to its closing mark.
pub(crate) fn clause(doc: &Doc<'_>, from: usize, sent: Range<usize>) -> Option<Range<usize>> {
    clause_from(doc, from, sent)
}

pub(crate) fn clause_from(doc: &Doc<'_>, from: usize, sent: Range<usize>) -> Option<Range<usize>> {
    let mut j = from;
    let mut end = sent.end;
    while j < sent.end {
        if doc.is_punct(j, ";") {
            end = j;
            break;
        }
        if j > from && !doc.inside_quote(j) && ends_clause(doc, j, sent.end) {
            end = j;
            break;
        }
        // `he was "encouraged" by the plan — a modest boost for Obama …`: a single dash
        // before an indefinite phrase starts the writer's aside.
        if j > from + 1
            && is_dash(doc, j)
            && !doc.inside_quote(j)
            && matches!(doc.lo(j + 1), "a" | "an")
            && !(j + 1..sent.end).any(|k| is_dash(doc, k))
        {
            end = j;
            break;
        }
        // `that "… working together," suggesting that …`: the comma sits inside the quote,
        // and the clause ends after its closing mark.
        if j > from + 1
            && doc.is_punct(j - 1, ",")
            && doc
                .quote_at_mark(j)
                .is_some_and(|q| q.closed && q.close == j && q.open >= from)
            && comma_ends_clause(doc, j, sent.end)
        {
            end = j + 1;
            break;
        }
        j += 1;
    }
    // A quote opened in the clause and closed in a later sentence belongs to it.
    if let Some(last) = (from..end).rev().find(|&k| doc.is_quote(k))
        && let Some(q) = doc.quote_at_mark(last)
        && q.open == last
        && q.close > end
    {
        end = if q.closed { q.close + 1 } else { q.close };
    }
    (end > from).then_some(from..end)
}

/// Whether a content clause ends before token `j`: at `, adding that`, `, according to`,
/// `and noted that`, `, but he said`, `while insisting`, or `, and he …` (a new clause with
/// its own subject).
pub(crate) fn ends_clause(doc: &Doc<'_>, j: usize, end: usize) -> bool {
    let w = doc.lo(j);
    let is_cue = |k: usize| {
        k < end && doc.is_word(k) && !doc.inside_quote(k) && lexicon::cue(doc.lo(k)).is_some()
    };
    let participle = |k: usize| is_cue(k) && lexicon::cue(doc.lo(k)).is_some_and(|c| c.ing);
    if doc.is_punct(j, ",") {
        return comma_ends_clause(doc, j, end);
    }
    if matches!(w, "and" | "but" | "while") && named_speaker_then_cue(doc, j + 1, end) {
        // `accuses Obama of "leading from behind" and Donald Trump says …`
        return true;
    }
    matches!(w, "and" | "but" | "while" | "before" | "after")
        && (is_cue(j + 1) && (w != "and" && w != "but" || !participle(j + 1)) || participle(j + 1))
}

/// Whether a name (`Donald Trump`, `the White House`) and then a finite reporting verb start
/// at `k`: a new attribution with its own speaker.
pub(crate) fn named_speaker_then_cue(doc: &Doc<'_>, k: usize, end: usize) -> bool {
    let mut j = k;
    if doc.lo(j) == "the" {
        j += 1;
    }
    let name = j;
    while j < end && j - name < 4 && doc.is_word(j) && doc.cap(j) && !doc.inside_quote(j) {
        j += 1;
    }
    j > name && j < end && !doc.inside_quote(j) && lexicon::cue(doc.lo(j)).is_some_and(|c| !c.ing)
}

/// Whether what follows a comma at `j` (or a closing quote right after one) starts a new
/// clause: `, adding that`, `, according to`, `, but he said`, `, and he …`.
pub(crate) fn comma_ends_clause(doc: &Doc<'_>, j: usize, end: usize) -> bool {
    let next = if j + 1 < end { doc.lo(j + 1) } else { "" };
    let is_cue = |k: usize| {
        k < end && doc.is_word(k) && !doc.inside_quote(k) && lexicon::cue(doc.lo(k)).is_some()
    };
    let participle = |k: usize| is_cue(k) && lexicon::cue(doc.lo(k)).is_some_and(|c| c.ing);
    participle(j + 1)
        || next == "according"
        || (matches!(next, "and" | "but")
            && (is_cue(j + 2)
                || lexicon::subject_pronoun(doc.lo(j + 2)).is_some() && is_cue(j + 3)))
        || (matches!(next, "and" | "but")
            && j + 2 < end
            && matches!(doc.lo(j + 2), "he" | "she" | "they" | "i" | "we"))
        || (matches!(next, "before" | "after" | "while") && participle(j + 2))
}
