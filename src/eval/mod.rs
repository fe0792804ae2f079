//! Measuring extraction against human annotations: detection, coverage, attribution (lenient
//! and strict), claim dates and end-to-end scores, overall and by quote type.
//!
//! **One-to-one detection.** A predicted claim matches a gold claim of the same article
//! when the token F1 of their texts is at least 0.5. Texts are compared lower-cased, with
//! punctuation removed and a leading "that" dropped; tokens count as a multiset. Matches
//! are one to one, best first: all pairs at or above the threshold are taken in order of
//! falling F1 (ties in text order), skipping claims already matched.
//!
//! **Coverage**, which neither rewards nor punishes how claims are cut: a gold claim is
//! *found* when one predicted claim of its article holds at least half of its words; a
//! prediction is *right* when at least half of its words lie in the article's annotated
//! claims (all of them, scored or not). End to end, a found claim also needs a rightly
//! attributed prediction among those that hold it.
//!
//! **Attribution.** Lenient: the same name once determiners and possessives are dropped, or
//! the same last word (a surname) on either side; a pronoun gold claimant is scored against
//! its resolved name, or left out. Strict: the predicted claimant equals the gold claimant's
//! canonical full name after case, punctuation, honorifics and titles — the set's own
//! canonical name when it has one (an unnamed source must then have no name), else the
//! written name expanded to its fullest form in the article; an unresolved or wrong pronoun
//! is wrong.
//!
//! **Dates.** Where the gold says how its claim date was found (`claim_date_basis`), a
//! matched claim's date is right when it is the gold date.
//!
//! Which gold claims are scored is the fixed policy of [`gold`]; headlines are left out.

mod gold;
mod matching;
mod claimant;

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::extract::MadeBy;
use crate::record::ClaimRecord;

pub use gold::{Canonical, Gold, SPEECH_CUES, read_gold};
use matching::{holds_half, token_f1, tokens};

/// A claim to score, with the constructions that made it when the extractor says.
#[derive(Debug, Clone)]
pub struct Prediction {
    /// The record.
    pub record: ClaimRecord,
    /// The constructions that made it; `None` for records read from a file.
    pub made_by: Option<MadeBy>,
}

/// What to score.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Score every gold claim, beliefs and intentions included.
    pub all: bool,
    /// Keep the misses, false positives and misattributions to read.
    pub explain: bool,
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

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 0.0 } else { a as f64 / b as f64 }
}

fn harmonic(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

impl Scores {
    fn new(gold: usize, predicted: usize, matched: usize) -> Self {
        let precision = ratio(matched, predicted);
        let recall = ratio(matched, gold);
        Scores {
            gold,
            predicted,
            matched,
            precision,
            recall,
            f1: harmonic(precision, recall),
        }
    }
}

/// The segmentation-agnostic scores of the module docs.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Coverage {
    /// Gold claims scored.
    pub gold: usize,
    /// Of which found.
    pub found: usize,
    /// Predictions scored.
    pub predicted: usize,
    /// Of which right.
    pub right: usize,
    /// Gold claims found with the right claimant (lenient).
    pub found_attributed: usize,
    /// found / gold.
    pub recall: f64,
    /// right / predicted.
    pub precision: f64,
    /// found with the right claimant / gold.
    pub end_to_end: f64,
}

/// A share of claims rightly judged.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize)]
pub struct Share {
    /// Claims judged.
    pub scored: usize,
    /// Of which right.
    pub right: usize,
    /// right / scored.
    pub rate: f64,
}

impl Share {
    fn add(&mut self, ok: bool) {
        self.scored += 1;
        self.right += usize::from(ok);
        self.rate = ratio(self.right, self.scored);
    }
}

/// A whole evaluation.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Report {
    /// Articles with gold claims that were read.
    pub articles: usize,
    /// One-to-one detection, all quote types.
    pub detection: Scores,
    /// One-to-one detection recall (and precision of predictions of that type) by gold
    /// quote type.
    pub by_quote_type: BTreeMap<String, Scores>,
    /// Coverage, all quote types.
    pub coverage: Coverage,
    /// Coverage recall by gold quote type: (gold, found).
    pub coverage_by_quote_type: BTreeMap<String, (usize, usize)>,
    /// Of matched claims with a usable gold claimant, the share rightly attributed (lenient).
    pub attribution: f64,
    /// Matched claims the lenient attribution score covers.
    pub attribution_scored: usize,
    /// Strict attribution over matched claims with a usable gold claimant.
    pub strict_attribution: Share,
    /// Claim dates over matched claims whose gold says how its date was found.
    pub dates: Share,
    /// Matched and rightly attributed (lenient), as precision/recall/F1.
    pub end_to_end: Scores,
    /// With `explain`: gold claims no prediction matched.
    pub misses: Vec<Explained>,
    /// With `explain`: predictions that matched nothing.
    pub false_positives: Vec<Explained>,
    /// With `explain`: matched claims attributed to someone else (strictly).
    pub misattributed: Vec<Explained>,
    /// With `explain`: matched claims dated wrong.
    pub misdated: Vec<Explained>,
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
    /// For misattributions and misdates: the gold side; for misses: the gold cue.
    pub other: Option<String>,
    /// The gold quote type, for misses.
    pub quote_type: Option<String>,
    /// The claim's code-point span in the body (predicted, or from the gold file), so that
    /// a reader can be shown its sentence.
    pub span: Option<(u32, u32)>,
    /// The constructions that made the prediction; for a miss, those that made other
    /// claims in its sentence, or none.
    pub constructions: Option<String>,
}

/// Scores predictions against gold claims, article by article. `bodies` (by article id)
/// let strict attribution expand a written gold name to its fullest form in the article,
/// and `--explain` place misses. Give only the gold claims of articles that were read: a
/// gold claim of an article not read counts as missed.
pub fn score(
    gold: &[Gold],
    predicted: &[Prediction],
    bodies: &BTreeMap<String, String>,
    options: Options,
) -> Report {
    let mut by_article: BTreeMap<&str, (Vec<&Gold>, Vec<&Prediction>)> = BTreeMap::new();
    for g in gold.iter().filter(|g| !g.in_title) {
        by_article.entry(&g.article_id).or_default().0.push(g);
    }
    for p in predicted {
        by_article
            .entry(&p.record.article_id)
            .or_default()
            .1
            .push(p);
    }
    let mut report = Report::default();
    let mut tally = Tally::default();
    for (article, (golds, preds)) in &by_article {
        if !golds.is_empty() {
            report.articles += 1;
        }
        let body = bodies.get(*article).map(String::as_str);
        score_article(
            article,
            golds,
            preds,
            body,
            options,
            &mut report,
            &mut tally,
        );
    }
    tally.finish(&mut report);
    report
}

/// Running counts over articles.
#[derive(Default)]
struct Tally {
    gold: usize,
    predicted: usize,
    matched: usize,
    /// Per quote type: gold, predicted, gold matched, predictions matched.
    types: BTreeMap<String, (usize, usize, usize, usize)>,
    attr_ok: usize,
    attr_n: usize,
    end_to_end: usize,
    coverage: Coverage,
}

impl Tally {
    fn finish(self, report: &mut Report) {
        report.detection = Scores::new(self.gold, self.predicted, self.matched);
        report.by_quote_type = self
            .types
            .into_iter()
            .map(|(k, (g, p, mg, mp))| {
                let mut s = Scores::new(g, p, mg);
                // Precision of a type is over the predictions of that type.
                s.precision = ratio(mp, p);
                s.f1 = harmonic(s.precision, s.recall);
                (k, s)
            })
            .collect();
        report.attribution_scored = self.attr_n;
        report.attribution = ratio(self.attr_ok, self.attr_n);
        report.end_to_end = Scores::new(self.gold, self.predicted, self.end_to_end);
        let mut c = self.coverage;
        c.recall = ratio(c.found, c.gold);
        c.precision = ratio(c.right, c.predicted);
        c.end_to_end = ratio(c.found_attributed, c.gold);
        report.coverage = c;
    }
}

fn quote_type_name(p: &ClaimRecord) -> String {
    serde_json::to_value(p.quote_type)
        .ok()
        .and_then(|v| v.as_str().map(str::to_owned))
        .unwrap_or_default()
}

/// The name lenient attribution compares: the claimant, or for a source the article does
/// not name the description that stands in its title (`senior administration official`).
fn lenient_name(r: &ClaimRecord) -> Option<&str> {
    r.claimant.as_deref().or(r.claimant_title.as_deref())
}

fn made_by_name(m: Option<&MadeBy>) -> Option<String> {
    m.map(|m| {
        format!(
            "{} + {}{}",
            m.frame.name(),
            m.content.name(),
            if m.joined { " + joined" } else { "" }
        )
    })
}

#[allow(clippy::too_many_arguments)]
fn score_article(
    article: &str,
    golds: &[&Gold],
    preds: &[&Prediction],
    body: Option<&str>,
    options: Options,
    report: &mut Report,
    t: &mut Tally,
) {
    let counted = |g: &Gold| options.all || g.is_claim();
    let gt: Vec<Vec<String>> = golds.iter().map(|g| tokens(&g.claim_text)).collect();
    let pt: Vec<Vec<String>> = preds.iter().map(|p| tokens(&p.record.claim_text)).collect();
    // One to one, best first.
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
    let explained = |p: &Prediction, other: Option<String>| Explained {
        article_id: article.to_owned(),
        text: p.record.claim_text.clone(),
        claimant: match (&p.record.claimant, &p.record.claimant_title) {
            (Some(name), _) => name.clone(),
            (None, Some(title)) => format!("(unnamed: {title})"),
            (None, None) => "(unnamed)".into(),
        },
        other,
        quote_type: None,
        span: Some((p.record.span_start, p.record.span_end)),
        constructions: made_by_name(p.made_by.as_ref()),
    };
    // Every annotated word of the article, for coverage precision.
    let annotated: Vec<String> = gt.iter().flatten().cloned().collect();
    for (gi, g) in golds.iter().enumerate() {
        if !counted(g) {
            continue;
        }
        t.gold += 1;
        let ty = t.types.entry(g.quote_type.clone()).or_default();
        ty.0 += 1;
        // Coverage: found by any prediction that holds half of it.
        let holders: Vec<usize> = (0..preds.len())
            .filter(|&pi| holds_half(&pt[pi], &gt[gi]))
            .collect();
        t.coverage.gold += 1;
        let cov = report
            .coverage_by_quote_type
            .entry(g.quote_type.clone())
            .or_default();
        cov.0 += 1;
        if !holders.is_empty() {
            t.coverage.found += 1;
            cov.1 += 1;
            let attributed = holders.iter().any(|&pi| {
                claimant::same_claimant(lenient_name(&preds[pi].record), g).unwrap_or(true)
            });
            t.coverage.found_attributed += usize::from(attributed);
        }
        match gold_match[gi] {
            Some(pi) => {
                t.matched += 1;
                ty.2 += 1;
                let p = preds[pi];
                match claimant::same_claimant(lenient_name(&p.record), g) {
                    Some(ok) => {
                        t.attr_n += 1;
                        if ok {
                            t.attr_ok += 1;
                            t.end_to_end += 1;
                        }
                    }
                    None => t.end_to_end += 1,
                }
                if let Some(ok) =
                    claimant::same_claimant_strict(p.record.claimant.as_deref(), g, body)
                {
                    report.strict_attribution.add(ok);
                    if !ok && options.explain {
                        let want = match claimant::gold_canonical(g, body) {
                            Some(gold::Canonical::Named(n)) => n,
                            _ => "(unnamed)".into(),
                        };
                        report.misattributed.push(explained(p, Some(want)));
                    }
                }
                if let (Some(_), Some(date)) = (&g.claim_date_basis, &g.claim_date) {
                    let ok = p.record.claim_date.to_string() == *date;
                    report.dates.add(ok);
                    if !ok && options.explain {
                        report.misdated.push(explained(
                            p,
                            Some(format!("{date}, not {}", p.record.claim_date)),
                        ));
                    }
                }
            }
            None => {
                if options.explain {
                    let span = g.char_start.zip(g.char_end);
                    report.misses.push(Explained {
                        article_id: article.to_owned(),
                        text: g.claim_text.clone(),
                        claimant: g.claimant.clone().unwrap_or_default(),
                        other: g.cue.clone(),
                        quote_type: Some(g.quote_type.clone()),
                        span,
                        constructions: nearby(span, preds, body),
                    });
                }
            }
        }
    }
    for (pi, p) in preds.iter().enumerate() {
        // A prediction matching a gold claim outside the scored set is neither right nor
        // wrong: the annotation marks it, the policy does not score it.
        let in_policy = match pred_match[pi] {
            Some(gi) => counted(golds[gi]),
            None => true,
        };
        if !in_policy {
            continue;
        }
        t.predicted += 1;
        let ty = t.types.entry(quote_type_name(&p.record)).or_default();
        ty.1 += 1;
        if pred_match[pi].is_some() {
            ty.3 += 1;
        }
        t.coverage.predicted += 1;
        t.coverage.right += usize::from(holds_half(&annotated, &pt[pi]));
        if pred_match[pi].is_none() && options.explain {
            report.false_positives.push(explained(p, None));
        }
    }
}

/// For a missed gold claim at `span`, the constructions of the predictions in the same
/// sentence: what fired nearby, or that nothing did.
fn nearby(span: Option<(u32, u32)>, preds: &[&Prediction], body: Option<&str>) -> Option<String> {
    let (start, end) = span?;
    let body = body?;
    let sentence = sentence_span(body, (start, end))?;
    let names: BTreeSet<String> = preds
        .iter()
        .filter(|p| p.record.span_start < sentence.1 && sentence.0 < p.record.span_end)
        .filter_map(|p| made_by_name(p.made_by.as_ref()))
        .collect();
    Some(if names.is_empty() {
        "no construction fired in this sentence".into()
    } else {
        format!(
            "in this sentence: {}",
            names.into_iter().collect::<Vec<_>>().join("; ")
        )
    })
}

/// The predictions for an evaluation: every article of `inputs` extracted with the
/// constructions that made each claim, the bodies kept (to place misses and expand gold
/// names), and the inputs rejected.
#[derive(Debug, Default)]
pub struct Predictions {
    /// Ids of the articles read.
    pub read: BTreeSet<String>,
    /// Every claim extracted, in input order.
    pub claims: Vec<Prediction>,
    /// Article bodies by id.
    pub bodies: BTreeMap<String, String>,
    /// Inputs that could not be read as articles.
    pub rejected: Vec<crate::input::Rejection>,
}

/// Extracts every article of `inputs` for scoring.
pub fn predict(inputs: &[crate::input::Input], jobs: usize) -> Result<Predictions, crate::Error> {
    use crate::input::Item;
    let mut p = Predictions::default();
    crate::stream::for_each_ordered(
        inputs,
        &crate::stream::Options { jobs, meter: None },
        |item| match item {
            Item::Article(a) => {
                let claims = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                    crate::extract::claims_explained(&a)
                }))
                .unwrap_or_default();
                Some(Ok((a.id, claims, a.body)))
            }
            Item::Rejected(r) => Some(Err(r)),
            Item::Skipped(_) => None,
        },
        |r| {
            match r {
                Some(Ok((id, claims, body))) => {
                    p.bodies.insert(id.clone(), body);
                    p.read.insert(id);
                    p.claims
                        .extend(claims.into_iter().map(|(record, made)| Prediction {
                            record,
                            made_by: Some(made),
                        }));
                }
                Some(Err(rejection)) => p.rejected.push(rejection),
                None => {}
            }
            Ok(())
        },
    )?;
    Ok(p)
}

/// Claim records from a JSON Lines file (the output of `claimset extract`, or any system's
/// records in that layout), to score without extracting; a line that is not a record stops
/// the run with its file and line.
pub fn read_predictions(path: &std::path::Path) -> Result<Vec<Prediction>, crate::Error> {
    use std::io::BufRead;
    let read_err = |source| crate::Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_err)?;
    let mut out = Vec::new();
    for (k, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(read_err)?;
        if line.trim().is_empty() {
            continue;
        }
        let record: ClaimRecord = serde_json::from_str(&line).map_err(|e| crate::Error::Line {
            path: path.to_path_buf(),
            line: k as u64 + 1,
            message: format!("not a claim record: {e}"),
        })?;
        out.push(Prediction {
            record,
            made_by: None,
        });
    }
    Ok(out)
}

/// The sentence around a code-point span, as a code-point range.
fn sentence_span(body: &str, span: (u32, u32)) -> Option<(u32, u32)> {
    let (a, b) = sentence_bytes(body, span)?;
    let start = body[..a].chars().count() as u32;
    Some((start, start + body[a..b].chars().count() as u32))
}

/// Byte range of [`sentence_around`].
fn sentence_bytes(body: &str, span: (u32, u32)) -> Option<(usize, usize)> {
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
    let text = &body[from..to];
    let lead = text.len() - text.trim_start().len();
    let trail = text.len() - text.trim_end().len();
    Some((from + lead, to - trail))
}

/// The sentence (or sentences) around a code-point span of `body`, for reading a claim in
/// its context: from just after the last sentence end or line break before the span to the
/// first sentence end or line break after it, at most 300 bytes each side (cut at a char
/// boundary). `None` when the span lies outside the body.
pub fn sentence_around(body: &str, span: (u32, u32)) -> Option<&str> {
    sentence_bytes(body, span).map(|(a, b)| &body[a..b])
}

#[cfg(test)]
mod tests {
    use super::claimant::same_claimant;
    use super::matching::{token_f1, tokens};
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
            claimant_canonical: None,
            claim_date: None,
            claim_date_basis: None,
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
            Prediction {
                record: r,
                made_by: None,
            }
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
        let none = BTreeMap::new();
        let r = score(
            &golds,
            &preds,
            &none,
            Options {
                all: false,
                explain: true,
            },
        );
        // One gold claim counts (`believes` is out of policy); the exact text wins it; the
        // near-duplicate is a false positive; the match to the belief is not counted.
        assert_eq!(
            (r.detection.gold, r.detection.predicted, r.detection.matched),
            (1, 2, 1)
        );
        assert_eq!(r.false_positives.len(), 1);
        assert!((r.attribution - 1.0).abs() < 1e-9);
        let all = score(
            &golds,
            &preds,
            &none,
            Options {
                all: true,
                explain: false,
            },
        );
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
