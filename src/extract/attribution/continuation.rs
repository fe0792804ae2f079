//! Quotes with no frame of their own: `"A," he said. "B."` joins B to A's claim; a quote
//! paragraph after a claim is that speaker's next claim; a quote after a sentence that ends
//! in a colon is said by who that sentence is about.

use super::super::constructions::Construction;
use super::super::document::Doc;
use super::super::lexicon;
use super::super::phrases::is_title;
use super::filters::{is_claim, trim};
use super::{Attribution, MadeBy, Speaker};

/// Quotes that open a sentence and belong to no claim continue the previous speaker:
/// `"A," he said. "B."` joins B to A; a quote paragraph after a claim is that speaker's next
/// claim, and the next one after that, paragraph after paragraph. A quote introduced by a
/// sentence ending in a colon (`His advice is simple: check the label. "Two drugs …"`) is
/// said by that sentence's subject, or the owner of its subject.
pub(crate) fn attach_unattributed_quotes(doc: &Doc<'_>, claims: &mut Vec<Attribution>) {
    let mut added: Vec<Attribution> = Vec::new();
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
        // `calls the GOP a "cult": "…"`: a quote after a colon opens what follows it.
        let after_colon = q.open > 0 && doc.is_punct(q.open - 1, ":");
        let opens_sentence =
            (s.start..q.open).all(|k| !doc.is_word(k)) || after_abbreviation || after_colon;
        // `"…," said Sherman, speaking of politicians, "and leave …"`: the quote resumes
        // within its frame's sentence; it may only join the claim before.
        let resumes = !opens_sentence && q.open > 0 && doc.is_punct(q.open - 1, ",");
        if !opens_sentence && !resumes {
            continue;
        }
        // `"…," one user wrote.`: a quote with a frame of its own that found no speaker is
        // not the speaker before's, whoever that was.
        if q.closed {
            let tail = doc.sent(q.close);
            let framed = (q.close + 1..tail.end.min(q.close + 8))
                .take_while(|&k| doc.quote_at_mark(k).is_none_or(|o| o.open != k))
                .any(|k| doc.is_word(k) && lexicon::cue(doc.lo(k)).is_some_and(|c| !c.ing));
            if framed {
                continue;
            }
        }
        let inner = q.inner();
        let overlaps = |c: &Attribution| {
            c.parts
                .iter()
                .any(|p| p.start < inner.end && inner.start < p.end)
        };
        if claims.iter().any(overlaps) || added.iter().any(overlaps) {
            continue;
        }
        let Some(inner) = trim(doc, inner) else {
            continue;
        };
        let para = doc.toks[q.open].para;
        let opens_paragraph = q.open == 0 || doc.toks[q.open - 1].para != para;
        // The last claim before this quote, a follow-on quote included, whose last words are
        // in this paragraph or the one before.
        let last_para = |c: &Attribution| doc.toks[c.end() - 1].para;
        let before = |c: &&Attribution| c.end() <= q.open && para.saturating_sub(last_para(c)) <= 1;
        let prev_claim = claims.iter().filter(before).max_by_key(|c| c.end());
        let prev_added = added.iter().filter(before).max_by_key(|c| c.end());
        let prev = match (prev_claim, prev_added) {
            (Some(a), Some(b)) => Some(if b.end() > a.end() { b } else { a }),
            (a, b) => a.or(b),
        };
        // A sentence ending in a colon between the claim before and this quote introduces
        // it: `The company denied it. Duarte's advice is simple: pack a snack. "Two …"` is
        // Duarte's, whoever spoke before.
        let introduced = if resumes {
            None
        } else {
            introduced_by(doc, q.open).filter(|(np, _)| {
                // Over a claim before, only an owner introduces (`Duarte's advice is …:`,
                // `His view was simple:`); a subject such as `Florida` or `Perhaps most` in a
                // colon sentence is too weak to take the quote from the speaker before.
                let owner = np.len() == 1
                    && (matches!(doc.lo(np.start), "his" | "her" | "their")
                        || doc.lo(np.start).ends_with("'s"));
                prev.is_none_or(|p| owner && p.end() <= np.start)
            })
        };
        let Some(p) = prev.filter(|_| introduced.is_none()) else {
            if let Some((np, colon)) = introduced
                && is_claim(doc, std::slice::from_ref(&inner))
            {
                added.push(Attribution {
                    speaker: Speaker::Mention {
                        np: np.clone(),
                        appositive: None,
                    },
                    cue: colon..colon + 1,
                    parts: vec![inner],
                    verbatim: false,
                    frame: np.start..colon + 1,
                    participle: false,
                    rule: MadeBy::new(Construction::IntroducedQuote, Construction::IntroducedQuote),
                });
            }
            continue;
        };
        // A quote paragraph continues any claim before it; inside a paragraph, only a quoted
        // one (`Ruiz said the vote was close. "We …"` may quote someone the sentence named).
        if !quoted(doc, p) && !opens_paragraph {
            continue;
        }
        let frame_sent = doc.sent_of[p.cue.start] as usize;
        let same_para = doc.toks[p.cue.start].para == para;
        let right_after = same_para
            && doc.sent_of[q.open] as usize <= frame_sent + 1
            && p.cue.start < q.open
            && ((p.cue.end..q.open)
                .all(|k| !doc.is_word(k) || doc.sent_of[k] as usize == frame_sent));
        let joinable = right_after && p.end() < p.cue.start;
        if joinable && let Some(k) = claims.iter().position(|c| std::ptr::eq(c, p)) {
            claims[k].parts.push(inner);
            claims[k].rule.joined = true;
        } else if !resumes && is_claim(doc, std::slice::from_ref(&inner)) {
            // A resumed quote that could not join stays out, as does a question on its own:
            // neither becomes a claim of the speaker before.
            let speaker = match &p.speaker {
                Speaker::Continues(s) => Speaker::Continues(s.clone()),
                s @ Speaker::Mention { .. } => Speaker::Continues(Box::new(s.clone())),
            };
            let follow = Attribution {
                speaker,
                cue: p.cue.clone(),
                parts: vec![inner],
                verbatim: false,
                frame: p.frame.clone(),
                participle: p.participle,
                rule: MadeBy::new(Construction::FollowOnQuote, Construction::FollowOnQuote),
            };
            added.push(follow);
        }
    }
    claims.extend(added);
}

/// The speaker a sentence ending in a colon introduces for the quote at `open`: the owner
/// of its subject (`His advice is simple: check the label.`), or its subject when that can
/// speak (`Patel was blunt:`). The colon ends the sentence before the quote, or the words
/// just before it in the same sentence.
fn introduced_by(doc: &Doc<'_>, open: usize) -> Option<(std::ops::Range<usize>, usize)> {
    let s = doc.sent_of[open] as usize;
    let here = doc.sents[s].clone();
    // The sentence holding the colon: this one when the colon is right before the quote,
    // else the one before, in this paragraph or the one before.
    let intro = if open > here.start && doc.is_punct(open - 1, ":") {
        here.start..open - 1
    } else {
        let prev = doc.sents.get(s.checked_sub(1)?)?.clone();
        let colon = (prev.start..prev.end)
            .rev()
            .find(|&k| doc.is_punct(k, ":"))?;
        let para = doc.toks[open].para;
        if para.saturating_sub(doc.toks[colon].para) > 1 {
            return None;
        }
        prev.start..colon
    };
    // The owner of the subject: `His advice is …`, `Patel's advice is …`.
    let mut first = intro.start;
    while first < intro.end && matches!(doc.lo(first), "but" | "and" | "so" | "still") {
        first += 1;
    }
    let w = doc.lo(first);
    let colon = intro.end;
    if matches!(w, "his" | "her" | "their" | "its") || (w.ends_with("'s") && doc.cap(first)) {
        return Some((first..first + 1, colon));
    }
    let np = super::super::phrases::subject(doc, intro.clone())?;
    super::super::phrases::valid_head(doc, super::super::phrases::np_head(doc, np.clone()))
        .then_some((np, colon))
}

/// Whether a claim quotes words: a continuation only follows a quoted claim.
pub(crate) fn quoted(doc: &Doc<'_>, c: &Attribution) -> bool {
    c.parts
        .iter()
        .any(|p| p.clone().any(|k| doc.inside_quote(k)))
}
