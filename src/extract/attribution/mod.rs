//! Detection rules: which words make a claim, who is said to have made it, and with what cue.
//!
//! The rules work on tokens, sentences and quote spans from [`super::document`]. Every
//! reporting verb outside quotation marks is a candidate *frame*: a speaker, a cue and the
//! claim's content, found either to the right of the cue (`Putin says the US …`, `told
//! Lavrov that …`, `accused Russia of …`) or to its left (`…, Johnson said on Twitter`,
//! `"…," the Russian leader said`). Participles (`…, saying …`) take the speaker of their
//! sentence; quotes with no frame continue the previous speaker's quote.
//!
//! One file per family of constructions, each named in [`super::constructions`] with its
//! examples: [`verb`] (speaker and cue), [`content`] (what was said, right of the cue),
//! [`left`] (content before or around the frame), [`according`] (`according to X`, `as
//! reported by X`), [`transcript`] (`REYES: …`) and [`continuation`] (quotes with no frame);
//! [`filters`] decides what content is a claim at all.

mod frame;
mod verb;
mod content;
mod left;
mod according;
mod transcript;
mod tweet;
mod continuation;
mod filters;

use std::ops::Range;

use super::constructions::Construction;
use super::document::{Doc, Kind};
use super::lexicon;
use super::phrases::subject;
use according::{according_to, as_noted, as_reported_by, claim_noun};
use continuation::attach_unattributed_quotes;
pub(crate) use filters::trim;
use filters::{drop_nested, may_be_claim, only_questions};
use frame::Frame;
use left::{
    cut_at_next_frames, end_of_opening_clause, end_of_subordinate, interrupted_left, left_content,
};
use transcript::transcript_turns;
use tweet::tweets;
use verb::verb_frame;

/// Who made a claim, as far as this stage can tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Speaker {
    /// The tokens that name the speaker, and an appositive describing them, if any.
    Mention {
        np: Range<usize>,
        appositive: Option<Range<usize>>,
    },
    /// A quote with no attribution of its own, continuing the quotes of this speaker.
    Continues(Box<Speaker>),
}

/// One attributed claim, in token coordinates.
#[derive(Debug, Clone)]
pub(crate) struct Attribution {
    pub(crate) speaker: Speaker,
    /// The cue tokens (`according to` is two).
    pub(crate) cue: Range<usize>,
    /// The claim's content; several parts when a frame interrupts it.
    pub(crate) parts: Vec<Range<usize>>,
    /// Word for word without quotation marks: a turn in an interview transcript.
    pub(crate) verbatim: bool,
    /// The attribution's own words: speaker, cue, listener and trailing phrases, without the
    /// content. Claim dates are read here (`Putin told reporters on Tuesday`).
    pub(crate) frame: Range<usize>,
    /// A participle (`…, saying …`), whose time is its sentence's: dates are also read in
    /// the words before it.
    pub(crate) participle: bool,
    /// The constructions that made it.
    pub(crate) rule: MadeBy,
}

/// The constructions that made a claim: its frame, its content, and whether a frameless
/// quote was joined to it (`"A," he said. "B."`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
pub struct MadeBy {
    /// Who and the cue.
    pub frame: Construction,
    /// What was said.
    pub content: Construction,
    /// A quote after the frame was joined to the claim.
    pub joined: bool,
}

impl MadeBy {
    pub(crate) fn new(frame: Construction, content: Construction) -> Self {
        MadeBy {
            frame,
            content,
            joined: false,
        }
    }

    /// Whether `c` made this claim.
    pub fn has(&self, c: Construction) -> bool {
        self.frame == c || self.content == c
    }
}

impl Attribution {
    fn start(&self) -> usize {
        self.parts[0].start
    }

    fn end(&self) -> usize {
        self.parts[self.parts.len() - 1].end
    }
}

/// Finds every attributed claim in the document, ordered by position.
pub(crate) fn find(doc: &Doc<'_>) -> Vec<Attribution> {
    let mut out: Vec<Attribution> = Vec::new();
    for s in 0..doc.sents.len() {
        let sent = doc.sents[s].clone();
        let mut frames = frames_in(doc, sent.clone());
        cut_at_next_frames(doc, &mut frames);
        let frame_starts: Vec<usize> = frames.iter().map(|f| f.extent.start).collect();
        let mut main_speaker: Option<Speaker> = None;
        for f in &frames {
            let speaker = match (&f.speaker, f.participle) {
                (Some(sp), _) => sp.clone(),
                (None, true) => match main_speaker.clone().or_else(|| {
                    subject(doc, sent.clone()).map(|np| Speaker::Mention {
                        np,
                        appositive: None,
                    })
                }) {
                    Some(sp) => sp,
                    None => continue,
                },
                (None, false) => continue,
            };
            if !f.participle {
                main_speaker = Some(speaker.clone());
            }
            let right = f
                .right
                .clone()
                .map(|r| end_of_subordinate(doc, f, r))
                .map(|r| end_of_opening_clause(doc, sent.clone(), f, r))
                .or_else(|| as_noted(doc, sent.clone(), f));
            let noted = f.right.is_none() && right.is_some();
            let (parts, content) = match &right {
                Some(r) => match interrupted_left(doc, sent.clone(), f, r, &frame_starts) {
                    Some(l) => (vec![l, r.clone()], Construction::Interrupted),
                    None if noted => (vec![r.clone()], Construction::AsNoted),
                    None => (
                        vec![r.clone()],
                        f.content.unwrap_or(Construction::ThatClause),
                    ),
                },
                None if f.trailing_ok => match left_content(doc, sent.clone(), f, &frame_starts) {
                    Some(p) => p,
                    None => continue,
                },
                None => continue,
            };
            let parts: Vec<Range<usize>> = parts.into_iter().filter_map(|p| trim(doc, p)).collect();
            // Questions are dropped only after continuations join (`"…?" said Murphy.
            // "…."`), in `find`'s last step.
            if parts.is_empty() || !may_be_claim(doc, &parts) {
                continue;
            }
            // A frame with its content before it owns the rest of the sentence up to the next
            // frame: `"…," said Grant Woods, his former chief of staff, during a memorial
            // service Thursday.`
            let frame_end = match &right {
                Some(r) if r.start > f.extent.start => r.start,
                Some(_) => f.extent.end,
                None => frame_starts
                    .iter()
                    .copied()
                    .filter(|&x| x > f.cue.end)
                    .min()
                    .unwrap_or(sent.end),
            };
            out.push(Attribution {
                speaker,
                cue: f.cue.clone(),
                parts,
                verbatim: false,
                frame: f.extent.start..frame_end.max(f.cue.end),
                participle: f.participle,
                rule: MadeBy::new(f.rule, content),
            });
        }
    }
    out.extend(transcript_turns(doc));
    out.extend(tweets(doc));
    drop_nested(&mut out);
    out.sort_by_key(|a| (a.start(), a.end()));
    out.dedup_by(|b, a| a.start() == b.start() && a.end() == b.end());
    attach_unattributed_quotes(doc, &mut out);
    out.retain(|a| !only_questions(doc, &a.parts));
    out.sort_by_key(|a| (a.start(), a.end()));
    out
}

/// All candidate frames of one sentence, left to right.
pub(crate) fn frames_in(doc: &Doc<'_>, sent: Range<usize>) -> Vec<Frame> {
    let mut frames = Vec::new();
    let mut i = sent.start;
    while i < sent.end {
        if doc.toks[i].kind != Kind::Word || doc.inside_quote(i) {
            i += 1;
            continue;
        }
        if let Some(f) = as_reported_by(doc, sent.clone(), i) {
            i = f.extent.end;
            frames.push(f);
            continue;
        }
        if let Some(f) = claim_noun(doc, sent.clone(), i) {
            i = f.extent.end.max(i + 1);
            frames.push(f);
            continue;
        }
        if doc.lo(i) == "according" && i + 1 < sent.end && doc.lo(i + 1) == "to" {
            if let Some(f) = according_to(doc, sent.clone(), i) {
                i = f.extent.end.max(i + 2);
                frames.push(f);
                continue;
            }
        } else if let Some(cue) = lexicon::cue(doc.lo(i))
            && let Some(f) = verb_frame(doc, sent.clone(), i, cue)
        {
            frames.push(f);
        }
        i += 1;
    }
    frames
}
