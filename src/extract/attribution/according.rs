//! Frames that name their source in a phrase rather than as a verb's subject: `according to
//! X`, `as reported by X, …`, `as another Pew study noted, …`, `X's claims that …`.

use std::ops::{Not, Range};

use super::super::clauses::{at_clause_start, clause};
use super::super::constructions::Construction;
use super::super::document::Doc;
use super::super::lexicon;
use super::super::phrases::np_after;
use super::Speaker;
use super::frame::Frame;

/// `As reported by Western Journalism, last year Seattle became …`, `as first reported by
/// the Post, …`: the agent of the passive is the speaker; the content follows the comma.
pub(crate) fn as_reported_by(doc: &Doc<'_>, sent: Range<usize>, i: usize) -> Option<Frame> {
    if doc.lo(i) != "as" || !at_clause_start(doc, sent.start, i) {
        return None;
    }
    let mut c = i + 1;
    if matches!(doc.lo(c), "first" | "previously" | "earlier" | "originally") {
        c += 1;
    }
    let cue = lexicon::cue(doc.lo(c))?;
    if cue.ing || doc.lo(c + 1) != "by" {
        return None;
    }
    let np = np_after(doc, c + 2, sent.end, true)?;
    let comma = (np.end..sent.end.min(np.end + 8)).find(|&k| doc.is_punct(k, ","))?;
    let right = clause(doc, comma + 1, sent)?;
    Some(Frame {
        speaker: Some(Speaker::Mention {
            np,
            appositive: None,
        }),
        cue: c..c + 1,
        extent: i..comma,
        right: Some(right),
        participle: false,
        trailing_ok: false,
        inverted: false,
        rule: Construction::AsReportedBy,
        content: Some(Construction::AsReportedBy),
    })
}

/// `according to X`: X is the speaker; the content is the rest of the sentence.
pub(crate) fn according_to(doc: &Doc<'_>, sent: Range<usize>, i: usize) -> Option<Frame> {
    let mut np = np_after(doc, i + 2, sent.end, true)?;
    // Opening a sentence, the source runs to the comma: `According to USA TODAY contributor
    // and monetary historian David Marsh, …`, `According to their friends and advisers, …`.
    if at_clause_start(doc, sent.start, i)
        && let Some(comma) = (np.end..sent.end.min(i + 20)).find(|&k| doc.is_punct(k, ","))
        && (np.end..comma).all(|k| doc.is_word(k) || doc.is_punct(k, "-"))
    {
        np = np.start..comma;
    }
    let end = np.end;
    let right = if at_clause_start(doc, sent.start, i) && doc.is_punct(end, ",") {
        clause(doc, end + 1, sent.clone())
    } else {
        None
    };
    let content = right.as_ref().map(|_| Construction::AccordingTo);
    Some(Frame {
        speaker: Some(Speaker::Mention {
            np,
            appositive: None,
        }),
        cue: i..i + 2,
        extent: i..end,
        right,
        participle: false,
        trailing_ok: true,
        inverted: false,
        rule: Construction::AccordingTo,
        content,
    })
}

/// `As another Pew study noted, the average age …`: the content follows the frame's comma.
pub(crate) fn as_noted(doc: &Doc<'_>, sent: Range<usize>, f: &Frame) -> Option<Range<usize>> {
    let Some(Speaker::Mention { np, .. }) = &f.speaker else {
        return None;
    };
    let before = np.start.checked_sub(1)?;
    if doc.lo(before) == "as"
        && at_clause_start(doc, sent.start, before)
        && doc.is_punct(f.extent.end, ",")
    {
        clause(doc, f.extent.end + 1, sent)
    } else {
        None
    }
}

/// `Trump's claims that …`, `her insistence that …`: a noun of saying after its owner (a
/// possessive name or pronoun), with a that-clause.
pub(crate) fn claim_noun(doc: &Doc<'_>, sent: Range<usize>, i: usize) -> Option<Frame> {
    if !lexicon::is_claim_noun(doc.lo(i)) || i == sent.start || doc.lo(i + 1) != "that" {
        return None;
    }
    let owner = i - 1;
    // `His claims that the vote was rigged were never proven`: as the sentence's subject,
    // its clause runs into the main verb, with no mark to end it.
    if owner == sent.start {
        return None;
    }
    let w = doc.lo(owner);
    let possessive = matches!(w, "his" | "her" | "their")
        || (w.ends_with("'s") && doc.cap(owner) && lexicon::is_determiner(w).not());
    if !possessive {
        return None;
    }
    let right = clause(doc, i + 2, sent)?;
    Some(Frame {
        speaker: Some(Speaker::Mention {
            np: owner..owner + 1,
            appositive: None,
        }),
        cue: i..i + 1,
        extent: owner..i + 1,
        right: Some(right),
        participle: false,
        trailing_ok: false,
        inverted: false,
        rule: Construction::ClaimNoun,
        content: Some(Construction::ThatClause),
    })
}
