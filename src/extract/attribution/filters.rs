//! What content counts as a claim: trimmed of punctuation and a leading `that`, at least
//! three words, not a question or an instruction; and claims nested in another claim's
//! content dropped for the inner attribution.

use std::ops::Range;

use super::super::document::{Doc, Kind};
use super::super::lexicon;
use super::Attribution;

/// Trims punctuation and `that` from a content part's edges; `None` when nothing is left.
pub(crate) fn trim(doc: &Doc<'_>, r: Range<usize>) -> Option<Range<usize>> {
    let (mut a, mut b) = (r.start, r.end);
    // `"That is enough," said …`: inside a quote, `that` is the speaker's own word.
    while a < b
        && (doc.toks[a].kind == Kind::Punct
            || doc.lo(a) == "that" && a == r.start && !doc.inside_quote(a))
    {
        a += 1;
    }
    while a < b && doc.toks[b - 1].kind == Kind::Punct {
        b -= 1;
    }
    // Content that is one whole quote, marks included (`stressed that "…,"`): its inside.
    if a + 2 < b
        && doc
            .quote_at_mark(a)
            .is_some_and(|q| q.open == a && q.closed && q.close == b - 1)
    {
        a += 1;
        b -= 1;
        while a < b && doc.toks[b - 1].kind == Kind::Punct {
            b -= 1;
        }
        return (a < b).then_some(a..b);
    }
    // A lone quotation mark at either edge that does not pair with one inside.
    if a < b && doc.is_quote(a) && doc.quote_at_mark(a).is_none_or(|q| q.close >= b) {
        a += 1;
    }
    if a < b && doc.is_quote(b - 1) && doc.quote_at_mark(b - 1).is_none_or(|q| q.open < a) {
        b -= 1;
        while a < b && doc.toks[b - 1].kind == Kind::Punct {
            b -= 1;
        }
    }
    (a < b).then_some(a..b)
}

/// Whether content parts make a claim: enough words, not a question or an instruction.
pub(crate) fn is_claim(doc: &Doc<'_>, parts: &[Range<usize>]) -> bool {
    may_be_claim(doc, parts) && !only_questions(doc, parts)
}

/// Long enough and not opened by a word that starts something other than a statement.
pub(crate) fn may_be_claim(doc: &Doc<'_>, parts: &[Range<usize>]) -> bool {
    let words: usize = parts.iter().map(|p| doc.words_in(p.clone())).sum();
    if words < 3 {
        return false;
    }
    let first = parts[0].start;
    // After an explicit `that`, `when …` and `what …` open content clauses (`said that when
    // Warren railed …, she spoke for all of us`), not questions.
    !lexicon::opens_non_claim(doc.lo(first))
        || doc.inside_quote(first)
        // A name that opens with such a word: `No Child Left Behind was …`.
        || (doc.cap(first) && doc.is_word(first + 1) && doc.cap(first + 1))
        || (first > 0 && doc.lo(first - 1) == "that" && doc.lo(first) != "to")
}

/// Whether the content only asks: `"Where is Eric's campaign manager?"`.
pub(crate) fn only_questions(doc: &Doc<'_>, parts: &[Range<usize>]) -> bool {
    let last = parts[parts.len() - 1].end;
    // A question is not a claim; look at the punctuation right after the content. A quote of
    // several sentences that ends in a question still states things before it.
    let mut k = last;
    while k < doc.toks.len() && doc.is_quote(k) {
        k += 1;
    }
    let question = doc.is_punct(k, "?") || doc.is_punct(last - 1, "?");
    let statements_before = parts.iter().any(|p| {
        p.clone()
            .any(|t| t + 1 < p.end && (doc.is_punct(t, ".") || doc.is_punct(t, "!")))
    });
    // A part ending in a statement: `"Who is the real con man here?" said Murphy. "He
    // voted for it."` states something in its second part.
    let part_states = parts.iter().rev().skip(1).any(|p| {
        let mut k = p.end;
        while k < doc.toks.len() && doc.is_quote(k) {
            k += 1;
        }
        !doc.is_punct(k, "?") && !doc.is_punct(p.end - 1, "?")
    });
    question && !statements_before && !part_states
}

/// Drops a claim whose content holds another claim's cue: the inner attribution names the
/// real claimant (`Blinken told Lavrov that …, according to the State Department`).
pub(crate) fn drop_nested(claims: &mut Vec<Attribution>) {
    // Cue starts in order, so that the cues inside a part are one binary search away: a
    // comparison of every claim with every other was quadratic in the article's length.
    let mut cues: Vec<(usize, usize)> = claims
        .iter()
        .enumerate()
        .map(|(k, c)| (c.cue.start, k))
        .collect();
    cues.sort_unstable();
    let holds_other_cue = |k: usize, p: &Range<usize>| {
        let from = cues.partition_point(|&(q, _)| q < p.start);
        let to = cues.partition_point(|&(q, _)| q < p.end);
        match &cues[from..to] {
            [] => false,
            [(_, only)] => *only != k,
            _ => true,
        }
    };
    let keep: Vec<bool> = claims
        .iter()
        .enumerate()
        .map(|(k, c)| !c.parts.iter().any(|p| holds_other_cue(k, p)))
        .collect();
    let mut k = 0;
    claims.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}
