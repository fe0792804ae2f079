//! A reporting frame while its content is settled, and the geometry every frame shares:
//! whether a quote ends just before it (`"…," he said`), where its own words end, and what may
//! trail it (`said on Twitter before landing in Kiev`).

use std::ops::Range;

use super::super::constructions::Construction;
use super::super::document::Doc;
use super::super::lexicon;
use super::super::phrases::is_title;
use super::Speaker;

/// A reporting frame before its content is settled.
#[derive(Debug, Clone)]
pub(crate) struct Frame {
    pub(crate) speaker: Option<Speaker>,
    pub(crate) cue: Range<usize>,
    /// First token of the frame (speaker or cue) and one past its last (cue, listener,
    /// trailing phrases up to a comma or the end of the sentence).
    pub(crate) extent: Range<usize>,
    /// Content to the right of the cue.
    pub(crate) right: Option<Range<usize>>,
    /// `-ing` forms take their speaker from the sentence.
    pub(crate) participle: bool,
    /// Whether the frame can take the clause to its left: `"…," he added`.
    pub(crate) trailing_ok: bool,
    /// `said Putin`: the speaker after the cue, and any appositive after it; such frames
    /// are not interrupting ones, so only a quote continues their content.
    pub(crate) inverted: bool,
    /// The construction that found the speaker and cue.
    pub(crate) rule: Construction,
    /// The construction that found `right`, when there is one.
    pub(crate) content: Option<Construction>,
}

/// Whether the frame around the cue at `i` starts right after a closing quote: `"…,"
/// Putin said`, `"…", said Putin`, `"…," the Russian leader said`.
pub(crate) fn after_quote(doc: &Doc<'_>, floor: usize, i: usize) -> bool {
    // Back over the speaker and adverbs to the mark.
    let mut k = i;
    while k > floor
        && doc.is_word(k - 1)
        && i - k < 12
        && !matches!(doc.lo(k - 1), "and" | "but" | "that")
    {
        k -= 1;
    }
    if quote_ends_at(doc, floor, k) {
        return true;
    }
    // Or over a speaker with an appositive set off by commas: `"…," Thomas Hanify, the
    // president of the union, said of his members`. Not across another cue or a relative
    // clause (`said Pardo, who said he …`), and not when a that-clause follows the cue.
    if doc.lo(i + 1) == "that" {
        return false;
    }
    let mut k = i;
    let mut commas = 0;
    while k > floor + 1 && i - k < 36 {
        let t = k - 1;
        // `the only witness called by Republicans`: a passive participle, not a cue.
        let passive = doc.lo(t + 1) == "by" && doc.lo(t).ends_with("ed");
        if doc.is_punct(t, ",") && commas < 3 && doc.is_word(t - 1) {
            commas += 1;
        } else if commas >= 1 && matches!(doc.lo(t), "and" | "after" | "before" | "as" | "by") {
            // Inside the appositive or adjunct: `managing director and internet equity
            // analyst`, `Blunt, after a long pause, said of Cruz`.
        } else if commas >= 1 && matches!(doc.lo(t), "who" | "which") && doc.is_punct(t - 1, ",") {
            // A relative clause about the speaker, set off by commas: `Turley, who was the
            // only witness, said of the report`.
        } else if !doc.is_word(t)
            || (t + 1 < i && lexicon::cue(doc.lo(t)).is_some() && !passive)
            || matches!(
                doc.lo(t),
                "and" | "but" | "that" | "who" | "which" | "by" | "after" | "before" | "as"
            )
        {
            break;
        }
        k -= 1;
    }
    commas > 0 && quote_ends_at(doc, floor, k)
}

/// Whether a quote ends just before token `k` the way a quote before its attribution does:
/// `…,"` or `…",`.
pub(crate) fn quote_ends_at(doc: &Doc<'_>, floor: usize, mut k: usize) -> bool {
    let comma_after = k > floor && doc.is_punct(k - 1, ",");
    if comma_after {
        k -= 1;
    }
    k > floor
        && doc.quote_at_mark(k - 1).is_some_and(|q| {
            q.closed
                && q.close == k - 1
                && q.words >= 3
                && !is_title(doc, q.inner())
                && (comma_after
                    || [",", "!", "?", "—", "--"]
                        .iter()
                        .any(|c| doc.is_punct(k - 2, c)))
        })
}

/// The rest of a frame after its cue, up to a comma or the sentence end: `on Twitter
/// before landing in Kiev`. Participles and `according to` after a comma start new frames.
pub(crate) fn frame_tail(doc: &Doc<'_>, from: usize, end: usize) -> usize {
    let mut j = from;
    while j < end && !doc.is_punct(j, ",") && !doc.is_punct(j, ";") && !doc.is_quote(j) {
        j += 1;
    }
    j
}

/// What may follow a frame that takes the clause before it: nothing, punctuation, or
/// phrases of place, time and manner (`said on Twitter before landing in Kiev`) — not an
/// object (`Lew acknowledged the agency's …`).
pub(crate) fn tail_ok(doc: &Doc<'_>, j: usize, end: usize) -> bool {
    if j >= end || !doc.is_word(j) {
        return true;
    }
    let w = doc.lo(j);
    lexicon::is_preposition(w)
        || lexicon::is_speech_adverb(w)
        || lexicon::weekday(w).is_some()
        || w.ends_with("ly")
        || matches!(
            w,
            "last" | "this" | "earlier" | "late" | "and" | "while" | "as" | "when"
        )
}
