//! Stage 1, article → claims: find attributed statements, resolve who made
//! them and when, and build claim records.
//!
//! The language rules only, no I/O. Submodules in the order the data flows: `sentence`
//! splits the body, `attribution` finds claims, `entity` resolves claimants, `date` dates
//! them.

mod furniture;
mod document;
mod lexicon;
mod phrases;
mod clauses;
pub(crate) mod constructions;
mod attribution;
mod entity;
mod date;

use std::collections::BTreeMap;
use std::ops::Range;

use crate::record::{ClaimFields, ClaimRecord, ClaimantType, Origin, QuoteType, Span};

use crate::input::Article;
use attribution::Speaker;
use document::Doc;

pub use attribution::MadeBy;
pub use constructions::{CONSTRUCTIONS, Construction, Example, Part, Spec};

/// Extracts every attributed claim of one article, ordered by position in the body.
pub fn claims(article: &Article) -> Vec<ClaimRecord> {
    claims_explained(article)
        .into_iter()
        .map(|(c, _)| c)
        .collect()
}

/// [`claims`], each with the constructions that made it.
pub fn claims_explained(article: &Article) -> Vec<(ClaimRecord, MadeBy)> {
    let doc = Doc::new(&article.body);
    let found = attribution::find(&doc);
    if found.is_empty() {
        return Vec::new();
    }
    let speakers: Vec<(Range<usize>, Option<Range<usize>>)> = found
        .iter()
        .filter_map(|a| match &a.speaker {
            Speaker::Mention { np, appositive } => Some((np.clone(), appositive.clone())),
            Speaker::Continues(_) => None,
        })
        .collect();
    let mut index = entity::Index::new(&doc, &speakers);
    let resolved = resolve_speakers(&doc, &found, &mut index);
    let mut offsets = CodePoints::new(&article.body);
    // Which tokens lie inside some claim's text, marked once rather than searched per token.
    let mut in_claim = vec![false; doc.toks.len()];
    for p in found.iter().flat_map(|a| a.parts.iter()) {
        in_claim[p.clone()].fill(true);
    }
    let mut records = Vec::with_capacity(found.len());
    for (a, r) in found.iter().zip(resolved) {
        let Some((mention, claimant)) = r else {
            continue;
        };
        let (frame_words, words_before) = date_tokens(&doc, a, &in_claim);
        let when = date::resolve(
            &doc,
            &frame_words,
            &words_before,
            a.participle,
            a.cue.start,
            article.date,
        );
        let bytes = doc.bytes(a.parts[0].start..a.parts[a.parts.len() - 1].end);
        let span_start = offsets.at(bytes.start);
        let span_end = offsets.at(bytes.end);
        // An accusation's claim is what the accused is said to have done (`cutting school
        // budgets`); its span keeps the accused (`the government of cutting …`).
        let accused = (a.rule.content == Construction::Accusation)
            .then(|| a.parts[0].clone().find(|&k| doc.lo(k) == "of"))
            .flatten();
        let claim_text = match &a.parts[..] {
            [one]
                if let Some(what) = accused
                    .filter(|&of| of + 1 < one.end)
                    .and_then(|of| attribution::trim(&doc, of + 1..one.end)) =>
            {
                entity::clean(doc.slice(what))
            }
            [one] => entity::clean(doc.slice(one.clone())),
            parts => parts
                .iter()
                .map(|p| entity::clean(doc.slice(p.clone())))
                .collect::<Vec<_>>()
                .join(" … "),
        };
        let claimant_type = if claimant.name.is_none() && claimant.kind == ClaimantType::Person {
            ClaimantType::Unknown
        } else {
            claimant.kind
        };
        let quote_type = if a.verbatim {
            QuoteType::Direct
        } else {
            quote_type(&doc, &a.parts)
        };
        records.push((
            ClaimRecord::new(
                article,
                Span {
                    start: span_start,
                    end: span_end,
                    source: &article.body[bytes.clone()],
                },
                ClaimFields {
                    claim_text,
                    quote_type,
                    claimant: claimant.name,
                    claimant_mention: mention,
                    claimant_title: claimant.title,
                    claimant_type,
                    cue: entity::clean(doc.slice(a.cue.clone())),
                    claim_date: when.date,
                    claim_date_basis: when.basis,
                    claim_date_precision: when.precision,
                },
                Origin::Extracted,
            ),
            a.rule,
        ));
    }
    records
}

/// The mention (none for a continuing quote) and resolved claimant of every attribution.
/// Mentions are resolved in text order, each once, so that a pronoun can look back at the
/// speakers before it.
fn resolve_speakers(
    doc: &Doc<'_>,
    found: &[attribution::Attribution],
    index: &mut entity::Index,
) -> Vec<Option<(Option<String>, entity::Claimant)>> {
    let mention_of = |a: &attribution::Attribution| match &a.speaker {
        Speaker::Mention { np, appositive } => Some((np.clone(), appositive.clone(), false)),
        Speaker::Continues(inner) => match inner.as_ref() {
            Speaker::Mention { np, appositive } => Some((np.clone(), appositive.clone(), true)),
            Speaker::Continues(_) => None,
        },
    };
    let mut order: Vec<usize> = (0..found.len()).collect();
    order.sort_by_key(|&k| mention_of(&found[k]).map_or(usize::MAX, |(np, _, _)| np.start));
    let mut resolved = vec![None; found.len()];
    // Several claims share a speaker mention (`"A," he said, "B."`): resolve it once.
    let mut by_mention: BTreeMap<(usize, usize), entity::Claimant> = BTreeMap::new();
    for k in order {
        let Some((np, appositive, continues)) = mention_of(&found[k]) else {
            continue;
        };
        let claimant = by_mention
            .entry((np.start, np.end))
            .or_insert_with(|| index.resolve(doc, np.clone(), appositive))
            .clone();
        let mention = (!continues).then(|| entity::clean(doc.slice(np)));
        resolved[k] = Some((mention, claimant));
    }
    resolved
}

/// Where a claim's date is looked for, without the content of any claim: the frame's own
/// words (`Putin told reporters on Tuesday`), and the sentence's words before the frame —
/// its opening phrase (`In October, Rooney told CNN`) or, for a participle, the main clause
/// (`Moscow on Monday rejected it, saying …`).
fn date_tokens(
    doc: &Doc<'_>,
    a: &attribution::Attribution,
    in_claim: &[bool],
) -> (Vec<usize>, Vec<usize>) {
    let sent = doc.sent(a.cue.start);
    // `Smith, who was elected in 2016, said …`: a relative clause about the speaker tells
    // of another time than the saying.
    let mut relative = vec![false; sent.end - sent.start];
    let mut k = sent.start;
    while k + 1 < sent.end {
        if doc.is_punct(k, ",") && matches!(doc.lo(k + 1), "who" | "whose" | "which" | "whom") {
            let end = (k + 1..sent.end)
                .find(|&j| doc.is_punct(j, ","))
                .unwrap_or(sent.end);
            // Unless the relative clause is the frame: `Warren, who said this week …`.
            if !(k..end).contains(&a.cue.start) {
                relative[k - sent.start..end - sent.start].fill(true);
            }
            k = end;
        } else {
            k += 1;
        }
    }
    let keep = |k: &usize| !(in_claim[*k] || sent.contains(k) && relative[*k - sent.start]);
    let frame: Vec<usize> = a.frame.clone().filter(keep).collect();
    let before: Vec<usize> = (sent.start..a.frame.start.max(sent.start))
        .filter(keep)
        .collect();
    (frame, before)
}

fn quote_type(doc: &Doc<'_>, parts: &[Range<usize>]) -> QuoteType {
    let (mut inside, mut outside) = (0, 0);
    for k in parts.iter().flat_map(Clone::clone) {
        if doc.is_word(k) {
            if doc.inside_quote(k) {
                inside += 1;
            } else {
                outside += 1;
            }
        }
    }
    match (inside, outside) {
        (0, _) => QuoteType::Indirect,
        (_, 0) => QuoteType::Direct,
        _ => QuoteType::Mixed,
    }
}

/// Byte offsets to Unicode code-point offsets. Claims come roughly in text order, so each
/// lookup counts on from the last one before it rather than from the start of the body.
struct CodePoints<'a> {
    text: &'a str,
    ascii: bool,
    /// A byte offset already converted, and its code-point offset.
    last: (usize, usize),
}

impl<'a> CodePoints<'a> {
    fn new(text: &'a str) -> Self {
        CodePoints {
            text,
            ascii: text.is_ascii(),
            last: (0, 0),
        }
    }

    fn at(&mut self, byte: usize) -> u32 {
        if self.ascii {
            return byte as u32;
        }
        let (from, count) = match self.last {
            (b, n) if b <= byte => (b, n),
            _ => (0, 0),
        };
        let n = count + self.text[from..byte].chars().count();
        self.last = (byte, n);
        n as u32
    }
}

#[cfg(test)]
mod tests {
    use super::CodePoints;

    #[test]
    fn code_point_offsets_are_the_same_in_any_order() {
        let text = "Zelenskyy’s aide — “no” — said «non» to Müller’s plan";
        let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
        let mut offsets = CodePoints::new(text);
        let order = bytes
            .iter()
            .rev()
            .chain(bytes.iter())
            .chain(bytes.iter().step_by(3).rev());
        for &b in order {
            assert_eq!(
                offsets.at(b) as usize,
                text[..b].chars().count(),
                "byte {b}"
            );
        }
    }
}
