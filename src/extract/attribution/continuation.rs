//! Quotes with no frame of their own: `"A," he said. "B."` joins B to A's claim; a quote
//! paragraph after a quoted claim is that speaker's next claim.

use super::super::constructions::Construction;
use super::super::document::Doc;
use super::super::phrases::is_title;
use super::filters::{is_claim, trim};
use super::{Attribution, MadeBy, Speaker};

/// Quotes that open a sentence and belong to no claim continue the previous speaker:
/// `"A," he said. "B."` joins B to A; a quote paragraph after a quoted claim is that
/// speaker's next claim.
pub(crate) fn attach_unattributed_quotes(doc: &Doc<'_>, claims: &mut Vec<Attribution>) {
    let mut added = Vec::new();
    for q in &doc.quotes {
        if q.words < 3 || is_title(doc, q.inner()) {
            continue;
        }
        let s = doc.sent(q.open);
        // `…, Calif. "The reality is …"`: an abbreviation hid the sentence end.
        let after_abbreviation = q.open > 0
            && doc.is_word(q.open - 1)
            && doc.s(q.open - 1).ends_with('.')
            && doc.cap(q.open + 1);
        let opens_sentence = (s.start..q.open).all(|k| !doc.is_word(k)) || after_abbreviation;
        // `"…," said Sherman, speaking of politicians, "and leave …"`: the quote resumes
        // within its frame's sentence; it may only join the claim before.
        let resumes = !opens_sentence && q.open > 0 && doc.is_punct(q.open - 1, ",");
        if !opens_sentence && !resumes {
            continue;
        }
        let inner = q.inner();
        let covered = claims.iter().any(|c| {
            c.parts
                .iter()
                .any(|p| p.start < inner.end && inner.start < p.end)
        });
        if covered {
            continue;
        }
        let Some(inner) = trim(doc, inner) else {
            continue;
        };
        let para = doc.toks[q.open].para;
        // The last claim before this quote, in this paragraph or the one before.
        let Some(prev) = claims.iter().rposition(|c| {
            c.end() <= q.open && para.saturating_sub(doc.toks[c.cue.start].para) <= 1
        }) else {
            continue;
        };
        let p = &claims[prev];
        if !quoted(doc, p) {
            continue;
        }
        let frame_sent = doc.sent_of[p.cue.start] as usize;
        let same_para = doc.toks[p.cue.start].para == para;
        let right_after = same_para
            && doc.sent_of[q.open] as usize <= frame_sent + 1
            && p.cue.start < q.open
            && ((p.cue.end..q.open)
                .all(|k| !doc.is_word(k) || doc.sent_of[k] as usize == frame_sent));
        if right_after && p.end() < p.cue.start {
            claims[prev].parts.push(inner);
            claims[prev].rule.joined = true;
        } else if !resumes && is_claim(doc, std::slice::from_ref(&inner)) {
            // A resumed quote that could not join stays out, as does a question on its own:
            // neither becomes a claim of the speaker before.
            let speaker = match &p.speaker {
                Speaker::Continues(s) => Speaker::Continues(s.clone()),
                s @ Speaker::Mention { .. } => Speaker::Continues(Box::new(s.clone())),
            };
            added.push(Attribution {
                speaker,
                cue: p.cue.clone(),
                parts: vec![inner],
                verbatim: false,
                frame: p.frame.clone(),
                participle: p.participle,
                rule: MadeBy::new(Construction::FollowOnQuote, Construction::FollowOnQuote),
            });
        }
    }
    claims.extend(added);
}

/// Whether a claim quotes words: a continuation only follows a quoted claim.
pub(crate) fn quoted(doc: &Doc<'_>, c: &Attribution) -> bool {
    c.parts
        .iter()
        .any(|p| p.clone().any(|k| doc.inside_quote(k)))
}
