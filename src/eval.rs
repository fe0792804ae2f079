//! Measuring extraction against human annotations: detection, attribution and end-to-end
//! scores, overall and by quote type.
//!
//! **Matching.** A predicted claim matches a gold claim of the same article when the
//! token-level F1 of their texts is at least 0.5. Texts are compared lower-cased, with
//! punctuation removed and a leading "that" dropped; tokens count as a multiset. Matches are
//! one to one, best first: all pairs at or above the threshold are taken in order of falling
//! F1 (ties in text order), skipping claims already matched.
//!
//! **Attribution.** A matched claim is rightly attributed when its claimant names the gold
//! claimant: the same name once determiners and possessives are dropped, or the same last word
//! (a surname) on either side. Where the gold claimant is a pronoun, the gold file's resolved
//! name (`claimant_resolved_auto`) stands in for it; if there is none, the claim is left out of
//! the attribution score. Where it is a description (`the senator`), either the description or
//! the resolved name may match.
//!
//! **Which gold claims count.** Annotations such as `PolNeAR`'s mark more than fact-check
//! claims: beliefs, intentions, wishes ("Obama believes …", "Trump wants …"). By default only
//! gold claims whose cue is a reporting verb (the extractor's own list), `according to` or a
//! colon are scored; a prediction that matches a gold claim outside that set is neither right
//! nor wrong. `all = true` scores every gold claim. Claims in headlines are left out: records
//! point into article bodies.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::record::ClaimRecord;

/// One gold claim, in the layout of `PolNeAR`'s converted `gold.jsonl`.
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    /// The article's id.
    pub article_id: String,
    /// The claimant as written (often a pronoun).
    #[serde(default)]
    pub claimant: Option<String>,
    /// A name for a pronoun claimant, if the file has one.
    #[serde(default)]
    pub claimant_resolved_auto: Option<String>,
    /// The claim's text.
    pub claim_text: String,
    /// `direct`, `indirect` or `mixed`.
    pub quote_type: String,
    /// The cue, when annotated.
    #[serde(default)]
    pub cue: Option<String>,
    /// Whether the claim is in the headline.
    #[serde(default)]
    pub in_title: bool,
    /// Where the claim starts in the body, in code points, when the file says.
    #[serde(default)]
    pub char_start: Option<u32>,
    /// Where the claim ends in the body, in code points, when the file says.
    #[serde(default)]
    pub char_end: Option<u32>,
}

impl Gold {
    /// Whether this gold claim is a fact-check claim by the policy in the module docs.
    pub fn is_claim(&self) -> bool {
        let cue = self.cue.as_deref().unwrap_or("").trim().to_lowercase();
        cue == ":"
            || cue.starts_with("according to")
            || cue.split([' ', ':']).any(crate::extract::is_reporting_verb)
    }
}

/// Reads gold claims from JSON Lines; a line that is not a gold claim stops the run with its
/// file and line.
pub fn read_gold(path: &std::path::Path) -> Result<Vec<Gold>, crate::Error> {
    use std::io::BufRead;
    let read_err = |source| crate::Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_err)?;
    let mut gold = Vec::new();
    for (k, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(read_err)?;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str(&line) {
            Ok(g) => gold.push(g),
            Err(e) => {
                return Err(crate::Error::Line {
                    path: path.to_path_buf(),
                    line: k as u64 + 1,
                    message: format!(
                        "not a gold claim: {e}: each line is one object with article_id, \
                         claim_text and quote_type"
                    ),
                });
            }
        }
    }
    Ok(gold)
}

/// The predictions for an evaluation: every article of `inputs` extracted, with the bodies
/// kept when `keep_bodies` (to show sentences), and the inputs rejected.
#[derive(Debug, Default)]
pub struct Predictions {
    /// Ids of the articles read.
    pub read: BTreeSet<String>,
    /// Every claim extracted, in input order.
    pub claims: Vec<ClaimRecord>,
    /// Article bodies by id, when asked for.
    pub bodies: BTreeMap<String, String>,
    /// Inputs that could not be read as articles.
    pub rejected: Vec<crate::Rejection>,
}

/// Extracts every article of `inputs` for scoring.
pub fn predict(
    inputs: &[crate::Input],
    jobs: usize,
    keep_bodies: bool,
) -> Result<Predictions, crate::Error> {
    use crate::input::Item;
    let mut p = Predictions::default();
    crate::stream::for_each_ordered(
        inputs,
        &crate::stream::Options { jobs, meter: None },
        |item| match item {
            Item::Article(a) => {
                let claims = crate::stream::extract_guarded(&a).unwrap_or_default();
                let body = keep_bodies.then_some(a.body);
                Some(Ok((a.id, claims, body)))
            }
            Item::Rejected(r) => Some(Err(r)),
            Item::Skipped(_) => None,
        },
        |r| {
            match r {
                Some(Ok((id, claims, body))) => {
                    if let Some(body) = body {
                        p.bodies.insert(id.clone(), body);
                    }
                    p.read.insert(id);
                    p.claims.extend(claims);
                }
                Some(Err(rejection)) => p.rejected.push(rejection),
                None => {}
            }
            Ok(())
        },
    )?;
    Ok(p)
}

/// Precision, recall and F1 of one slice.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Scores {
    /// Gold claims scored.
    pub gold: usize,
    /// Predictions scored.
    pub predicted: usize,
    /// Gold claims matched.
    pub matched: usize,
    /// matched / predicted.
    pub precision: f64,
    /// matched / gold.
    pub recall: f64,
    /// Harmonic mean of precision and recall.
    pub f1: f64,
}

impl Scores {
    fn new(gold: usize, predicted: usize, matched: usize) -> Self {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let precision = ratio(matched, predicted);
        let recall = ratio(matched, gold);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Scores {
            gold,
            predicted,
            matched,
            precision,
            recall,
            f1,
        }
    }
}

/// A whole evaluation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Articles with gold claims that were read.
    pub articles: usize,
    /// Detection, all quote types.
    pub detection: Scores,
    /// Detection recall (and precision of predictions of that type) by gold quote type.
    pub by_quote_type: BTreeMap<String, Scores>,
    /// Of matched claims with a usable gold claimant, the share rightly attributed.
    pub attribution: f64,
    /// Matched claims the attribution score covers.
    pub attribution_scored: usize,
    /// Matched and rightly attributed, as precision/recall/F1.
    pub end_to_end: Scores,
    /// With `explain`: missed gold claims and unmatched predictions, with their article.
    pub misses: Vec<Explained>,
    /// With `explain`: predictions that matched nothing.
    pub false_positives: Vec<Explained>,
    /// With `explain`: matched claims attributed to someone else.
    pub misattributed: Vec<Explained>,
}

/// A claim shown for reading.
#[derive(Debug, Clone, Serialize)]
pub struct Explained {
    /// The article.
    pub article_id: String,
    /// The claim text.
    pub text: String,
    /// Who made it (gold claimant, or predicted canonical claimant).
    pub claimant: String,
    /// For misattributions: the other side's claimant; for misses: the gold cue.
    pub other: Option<String>,
    /// The gold quote type, for misses.
    pub quote_type: Option<String>,
    /// The claim's code-point span in the body (predicted, or from the gold file), so that
    /// a reader can be shown its sentence.
    pub span: Option<(u32, u32)>,
}

/// Normalised tokens of a claim text: lower case, no punctuation, no leading `that`.
pub(crate) fn tokens(text: &str) -> Vec<String> {
    let mut out: Vec<String> = text
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(|c| c == '\'' || c == '’').to_owned())
        .filter(|w| !w.is_empty())
        .collect();
    if out.first().is_some_and(|w| w == "that") {
        out.remove(0);
    }
    out
}

/// Token-level F1 of two token lists, as multisets.
pub(crate) fn token_f1(a: &[String], b: &[String]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    let mut counts: BTreeMap<&str, i64> = BTreeMap::new();
    for t in a {
        *counts.entry(t).or_default() += 1;
    }
    let mut common = 0;
    for t in b {
        if let Some(c) = counts.get_mut(t.as_str())
            && *c > 0
        {
            *c -= 1;
            common += 1;
        }
    }
    if common == 0 {
        return 0.0;
    }
    let p = f64::from(common) / b.len() as f64;
    let r = f64::from(common) / a.len() as f64;
    2.0 * p * r / (p + r)
}

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "their", "who",
    "which", "that",
];

fn name_words(name: &str) -> Vec<String> {
    name.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.'))
        .map(|w| w.trim_end_matches("'s").to_owned())
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    w.as_str(),
                    "the" | "a" | "an" | "his" | "her" | "their" | "its" | "s"
                )
        })
        .collect()
}

/// Whether a predicted claimant names the gold claimant, by the rule in the module docs.
/// `None` when the gold claimant cannot be scored.
pub(crate) fn same_claimant(predicted: Option<&str>, gold: &Gold) -> Option<bool> {
    let surface = gold.claimant.as_deref().unwrap_or("").trim();
    let lower = surface.to_lowercase();
    let pronoun = PRONOUNS.contains(&lower.as_str());
    let described = ["the ", "a ", "an "].iter().any(|d| lower.starts_with(d));
    let resolved = gold
        .claimant_resolved_auto
        .as_deref()
        .filter(|r| !r.trim().is_empty());
    // A pronoun is scored against its resolved name only; a description against either.
    let references: Vec<&str> = match (pronoun, described, resolved) {
        (true, _, Some(r)) => vec![r],
        (true, _, None) => return None,
        (false, true, Some(r)) => vec![surface, r],
        (false, _, _) => vec![surface],
    };
    let Some(p) = predicted else {
        return Some(false);
    };
    let pred_words = name_words(p);
    let last = |w: &[String]| w.last().cloned().unwrap_or_default();
    let mut scorable = false;
    for reference in references {
        let gold_words = name_words(reference);
        if gold_words.is_empty() {
            continue;
        }
        scorable = true;
        if !pred_words.is_empty()
            && (pred_words == gold_words
                || gold_words.contains(&last(&pred_words))
                || pred_words.contains(&last(&gold_words)))
        {
            return Some(true);
        }
    }
    scorable.then_some(false)
}

/// Scores predictions against gold claims, article by article. Give only the gold claims of
/// articles that were read: a gold claim of an article not read counts as missed.
pub fn score(gold: &[Gold], predicted: &[ClaimRecord], all: bool, explain: bool) -> Report {
    let mut by_article: BTreeMap<&str, (Vec<&Gold>, Vec<&ClaimRecord>)> = BTreeMap::new();
    for g in gold.iter().filter(|g| !g.in_title) {
        by_article.entry(&g.article_id).or_default().0.push(g);
    }
    for p in predicted {
        by_article.entry(&p.article_id).or_default().1.push(p);
    }
    let mut report = Report::default();
    let (mut n_gold, mut n_pred, mut n_match) = (0, 0, 0);
    // Per quote type: gold, predicted, gold matched, predictions matched.
    let mut type_counts: BTreeMap<String, (usize, usize, usize, usize)> = BTreeMap::new();
    let (mut attr_ok, mut attr_n, mut e2e) = (0usize, 0usize, 0usize);
    for (article, (golds, preds)) in &by_article {
        if !golds.is_empty() {
            report.articles += 1;
        }
        let gt: Vec<Vec<String>> = golds.iter().map(|g| tokens(&g.claim_text)).collect();
        let pt: Vec<Vec<String>> = preds.iter().map(|p| tokens(&p.claim_text)).collect();
        let mut pairs: Vec<(f64, usize, usize)> = Vec::new();
        for (gi, g) in gt.iter().enumerate() {
            for (pi, p) in pt.iter().enumerate() {
                let f = token_f1(g, p);
                if f >= 0.5 {
                    pairs.push((f, gi, pi));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let mut gold_match: Vec<Option<usize>> = vec![None; golds.len()];
        let mut pred_match: Vec<Option<usize>> = vec![None; preds.len()];
        for (_, gi, pi) in pairs {
            if gold_match[gi].is_none() && pred_match[pi].is_none() {
                gold_match[gi] = Some(pi);
                pred_match[pi] = Some(gi);
            }
        }
        for (gi, g) in golds.iter().enumerate() {
            let counted = all || g.is_claim();
            if !counted {
                continue;
            }
            n_gold += 1;
            let t = type_counts.entry(g.quote_type.clone()).or_default();
            t.0 += 1;
            match gold_match[gi] {
                Some(pi) => {
                    n_match += 1;
                    t.2 += 1;
                    let p = preds[pi];
                    match same_claimant(p.claimant.as_deref(), g) {
                        Some(ok) => {
                            attr_n += 1;
                            if ok {
                                attr_ok += 1;
                                e2e += 1;
                            } else if explain {
                                report.misattributed.push(Explained {
                                    article_id: (*article).to_owned(),
                                    text: p.claim_text.clone(),
                                    claimant: p.claimant.clone().unwrap_or_default(),
                                    other: g.claimant.clone(),
                                    quote_type: None,
                                    span: Some((p.span_start, p.span_end)),
                                });
                            }
                        }
                        None => e2e += 1,
                    }
                }
                None => {
                    if explain {
                        report.misses.push(Explained {
                            article_id: (*article).to_owned(),
                            text: g.claim_text.clone(),
                            claimant: g.claimant.clone().unwrap_or_default(),
                            other: g.cue.clone(),
                            quote_type: Some(g.quote_type.clone()),
                            span: g.char_start.zip(g.char_end),
                        });
                    }
                }
            }
        }
        for (pi, p) in preds.iter().enumerate() {
            // A prediction matching a gold claim outside the scored set is neither right nor
            // wrong: the annotation marks it, the policy does not score it.
            let counted = match pred_match[pi] {
                Some(gi) => all || golds[gi].is_claim(),
                None => true,
            };
            if !counted {
                continue;
            }
            n_pred += 1;
            let t = type_counts.entry(quote_type_name(p)).or_default();
            t.1 += 1;
            if pred_match[pi].is_some() {
                t.3 += 1;
            }
            if pred_match[pi].is_none() && explain {
                report.false_positives.push(Explained {
                    article_id: (*article).to_owned(),
                    text: p.claim_text.clone(),
                    claimant: p.claimant.clone().unwrap_or_default(),
                    other: None,
                    quote_type: None,
                    span: Some((p.span_start, p.span_end)),
                });
            }
        }
    }
    report.detection = Scores::new(n_gold, n_pred, n_match);
    report.by_quote_type = type_counts
        .into_iter()
        .map(|(k, (g, p, mg, mp))| {
            let mut s = Scores::new(g, p, mg);
            // Precision of a type is over the predictions of that type.
            s.precision = if p == 0 { 0.0 } else { mp as f64 / p as f64 };
            s.f1 = if s.precision + s.recall == 0.0 {
                0.0
            } else {
                2.0 * s.precision * s.recall / (s.precision + s.recall)
            };
            (k, s)
        })
        .collect();
    report.attribution_scored = attr_n;
    report.attribution = if attr_n == 0 {
        0.0
    } else {
        attr_ok as f64 / attr_n as f64
    };
    report.end_to_end = Scores::new(n_gold, n_pred, e2e);
    report
}

fn quote_type_name(p: &ClaimRecord) -> String {
    serde_json::to_value(p.quote_type)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The sentence (or sentences) around a code-point span of `body`, for reading a claim in
/// its context: from just after the last sentence end or line break before the span to the
/// first sentence end or line break after it, at most 300 bytes each side (cut at a char
/// boundary). `None` when the span lies outside the body.
pub fn sentence_around(body: &str, span: (u32, u32)) -> Option<&str> {
    let byte = |cp: u32| {
        body.char_indices()
            .map(|(b, _)| b)
            .chain(std::iter::once(body.len()))
            .nth(cp as usize)
    };
    let (start, end) = (byte(span.0)?, byte(span.1)?);
    if start > end {
        return None;
    }
    let is_end = |c: char| matches!(c, '.' | '!' | '?' | '\n');
    let floor = |b: usize| {
        (0..=b)
            .rev()
            .find(|&k| body.is_char_boundary(k))
            .unwrap_or(0)
    };
    let limit = floor(start.saturating_sub(300));
    let mut from = limit;
    for (k, c) in body[limit..start].char_indices().rev() {
        let next = body[limit + k + c.len_utf8()..].chars().next();
        if c == '\n' || (is_end(c) && next.is_some_and(char::is_whitespace)) {
            from = limit + k + c.len_utf8();
            break;
        }
    }
    let cap = floor((end + 300).min(body.len()));
    let mut to = cap;
    for (k, c) in body[end..cap].char_indices() {
        let next = body[end + k + c.len_utf8()..].chars().next();
        if c == '\n' {
            to = end + k;
            break;
        }
        if is_end(c) && next.is_none_or(char::is_whitespace) {
            to = end + k + c.len_utf8();
            break;
        }
    }
    Some(body[from..to].trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(claimant: &str, resolved: Option<&str>, text: &str, cue: &str) -> Gold {
        Gold {
            article_id: "a".into(),
            claimant: Some(claimant.into()),
            claimant_resolved_auto: resolved.map(str::to_owned),
            claim_text: text.into(),
            quote_type: "indirect".into(),
            cue: Some(cue.into()),
            in_title: false,
            char_start: None,
            char_end: None,
        }
    }

    #[test]
    fn a_claim_is_shown_in_its_sentence() {
        let body = "Talks stalled. “We will not sign,” the minister said. Crowds gathered.\n\
                    Nobody knew why the plan failed";
        let cp = |needle: &str| body[..body.find(needle).expect("in body")].chars().count() as u32;
        let start = cp("We will");
        let end = start + "We will not sign".chars().count() as u32;
        assert_eq!(
            sentence_around(body, (start, end)),
            Some("“We will not sign,” the minister said.")
        );
        let start = cp("the plan");
        let end = start + "the plan failed".chars().count() as u32;
        assert_eq!(
            sentence_around(body, (start, end)),
            Some("Nobody knew why the plan failed")
        );
        assert_eq!(sentence_around(body, (0, 10_000)), None);
    }

    #[test]
    fn texts_are_compared_as_normalised_token_multisets() {
        assert_eq!(
            tokens("That the U.S. \"won,\" they said."),
            ["the", "u", "s", "won", "they", "said"]
        );
        let a = tokens("the plan would create jobs");
        let b = tokens("that the plan would create 1,200 jobs");
        // "1,200" splits at the comma: 5 of 7 predicted tokens are common, all 5 gold ones.
        assert!((token_f1(&a, &b) - 10.0 / 12.0).abs() < 1e-9);
        assert!(token_f1(&a, &tokens("nothing alike here")).abs() < 1e-9);
    }

    #[test]
    fn claimants_match_by_name_surname_or_resolved_pronoun() {
        let g = gold("Sen. Thomas Whitfield", None, "x", "said");
        assert_eq!(same_claimant(Some("Thomas Whitfield"), &g), Some(true));
        assert_eq!(same_claimant(Some("Maria Delgado"), &g), Some(false));
        assert_eq!(same_claimant(None, &g), Some(false));
        let g = gold("he", Some("Thomas Whitfield"), "x", "said");
        assert_eq!(same_claimant(Some("Whitfield"), &g), Some(true));
        assert_eq!(
            same_claimant(Some("Whitfield"), &gold("he", None, "x", "said")),
            None
        );
        let g = gold("The senator", Some("Thomas Whitfield"), "x", "said");
        assert_eq!(same_claimant(Some("Thomas Whitfield"), &g), Some(true));
        assert_eq!(same_claimant(Some("senator"), &g), Some(true));
    }

    #[test]
    fn matching_is_one_to_one_best_first_and_follows_the_policy() {
        let mk = |text: &str, claimant: &str| {
            let mut r: ClaimRecord = serde_json::from_value(serde_json::json!({
                "claim_id": "c0000000000000000", "claim_text": text, "quote_type": "indirect",
                "claimant": claimant, "claimant_mention": null, "claimant_title": null,
                "claimant_type": "person", "cue": "said", "claim_date": "2020-01-01",
                "claim_date_basis": "article", "claim_date_precision": "day", "article_id": "a",
                "article_title": null, "article_date": "2020-01-01",
                "source_url": "https://example.com/a", "publisher": "example.com",
                "span_start": 0, "span_end": 1, "verification_status": "unverified",
                "verdict_label": null, "reviewed_by": null, "review_url": null,
                "review_date": null, "origin": "extracted"
            }))
            .expect("a record");
            r.claim_text = text.into();
            r
        };
        let golds = vec![
            gold(
                "Smith",
                None,
                "the plan would create jobs in the city",
                "said",
            ),
            gold("Smith", None, "voters want change now", "believes"),
        ];
        let preds = vec![
            mk("the plan would create jobs in the city", "Smith"),
            mk("the plan would create jobs", "Jones"),
            mk("voters want change now", "Smith"),
        ];
        let r = score(&golds, &preds, false, true);
        // One gold claim counts (`believes` is out of policy); the exact text wins it; the
        // near-duplicate is a false positive; the match to the belief is not counted.
        assert_eq!(
            (r.detection.gold, r.detection.predicted, r.detection.matched),
            (1, 2, 1)
        );
        assert_eq!(r.false_positives.len(), 1);
        assert!((r.attribution - 1.0).abs() < 1e-9);
        let all = score(&golds, &preds, true, false);
        assert_eq!(
            (
                all.detection.gold,
                all.detection.predicted,
                all.detection.matched
            ),
            (2, 3, 2)
        );
    }
}
