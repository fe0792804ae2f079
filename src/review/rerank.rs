//! The re-ranker: features of a (claim, review) pair, and a logistic regression over them
//! whose weights are data (`src/review/reranker.toml`), learned by `claimset reviews train`
//! from pairs of claims and the reviews that judge them.
//!
//! The features are lexical and cheap: BM25 over each field, the share of the claim's and
//! of the review's term weight that the other covers, shared word pairs, character 4-gram
//! cosine (words the stemmer leaves apart), names and numbers in common and missing. A
//! logistic regression keeps the model small, readable and exactly reproducible: it is
//! fitted by Newton's method from zero, with no randomness, so the same pairs give the same
//! weights on every machine.

use std::path::Path;

use serde::{Deserialize, Serialize};

use super::retrieval::{Doc, Index, Query, dot, overlap};
use crate::error::Error;

/// The committed model.
pub(crate) const RERANKER_TOML: &str = include_str!("reranker.toml");

/// Where the model lives, relative to the crate root.
pub const RERANKER_PATH: &str = "src/review/reranker.toml";

/// The features, in the order the model's weights follow.
pub const FEATURES: [&str; 16] = [
    "bm25",
    "bm25_of_best",
    "bm25_claim",
    "bm25_title",
    "log_rank",
    "query_weight_matched",
    "review_weight_matched",
    "shared_bigrams",
    "char_gram_cosine",
    "names_matched",
    "shared_numbers",
    "review_numbers_missing",
    "log_review_length",
    "shared_capitals",
    "review_capitals_missing",
    "margin_over_next",
];

/// A fitted re-ranker.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Model {
    /// How the weights were made, for people reading the file.
    pub trained_on: String,
    /// Candidates re-ranked per claim: the best of BM25.
    pub candidates: usize,
    /// L2 penalty used in fitting.
    pub l2: f64,
    /// Feature names, as [`FEATURES`].
    pub features: Vec<String>,
    /// Mean of each feature over the training pairs.
    pub mean: Vec<f64>,
    /// Standard deviation of each feature (1 where it was 0).
    pub scale: Vec<f64>,
    /// Weight of each standardised feature.
    pub weights: Vec<f64>,
    /// Intercept.
    pub bias: f64,
}

impl Model {
    /// The committed model.
    pub fn committed() -> Self {
        let m: Model = toml::from_str(RERANKER_TOML).expect("the committed re-ranker parses");
        assert_eq!(m.features, FEATURES, "the committed re-ranker's features");
        m
    }

    /// A model written by `claimset reviews train`; an error names the file and the line
    /// that is not a model's.
    pub fn read(path: &Path) -> Result<Self, Error> {
        let text = std::fs::read_to_string(path).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        let at = |line: usize, message: String| Error::Line {
            path: path.to_path_buf(),
            line: line as u64,
            message,
        };
        let m: Model = toml::from_str(&text).map_err(|e| {
            let line = e.span().map_or(1, |s| {
                1 + text[..s.start.min(text.len())].matches('\n').count()
            });
            at(line, format!("not a re-ranker: {}", e.message()))
        })?;
        if m.features != FEATURES
            || [&m.mean, &m.scale, &m.weights]
                .iter()
                .any(|v| v.len() != FEATURES.len())
        {
            return Err(at(
                1,
                format!(
                    "a re-ranker for other features: this claimset computes {}; refit it with \
                     `claimset reviews train`",
                    FEATURES.join(", ")
                ),
            ));
        }
        Ok(m)
    }

    /// The probability that a candidate judges the claim.
    pub fn probability(&self, x: &[f64; FEATURES.len()]) -> f64 {
        let z = self.bias
            + x.iter()
                .zip(&self.mean)
                .zip(&self.scale)
                .zip(&self.weights)
                .map(|(((x, m), s), w)| w * (x - m) / s)
                .sum::<f64>();
        1.0 / (1.0 + (-z).exp())
    }

    /// The model as committed: TOML, floats written to round-trip exactly.
    pub fn to_toml(&self) -> String {
        toml::to_string(self).expect("the model serializes")
    }
}

/// The features of one candidate: `bm25` holds the three fields' scores, `best` the
/// highest combined score among the claim's candidates, `next` the next lower combined
/// score among them (0 for the lowest), `rank` the candidate's 0-based BM25 rank.
pub(crate) fn features(
    index: &Index,
    q: &Query,
    doc: &Doc,
    bm25: [f64; 3],
    (best, next): (f64, f64),
    rank: usize,
) -> [f64; FEATURES.len()] {
    let matched: f64 = {
        let (mut i, mut j, mut s) = (0, 0, 0.0);
        while i < q.terms.len() && j < doc.terms.len() {
            match q.terms[i].cmp(&doc.terms[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    s += index.idf(q.terms[i]);
                    i += 1;
                    j += 1;
                }
            }
        }
        s
    };
    let doc_weight: f64 = doc.terms.iter().map(|&t| index.idf(t)).sum();
    let ratio = |a: f64, b: f64| if b > 0.0 { a / b } else { 0.0 };
    let shared_numbers = overlap(&q.numbers, &doc.numbers);
    let shared_capitals = overlap(&q.capitals, &doc.capitals);
    // BM25 over the query's own weight: absolute scores grow with the collection's size
    // (idf), and a model fitted on ten thousand reviews must also judge a folder of ten.
    [
        ratio(bm25[0], q.weight),
        ratio(bm25[0], best),
        ratio(bm25[1], q.weight),
        ratio(bm25[2], q.weight),
        (1.0 + rank as f64).ln(),
        ratio(matched, q.weight),
        ratio(matched, doc_weight),
        overlap(&q.bigrams, &doc.bigrams) as f64,
        dot(&q.grams, &doc.grams),
        ratio(
            overlap(&q.name_terms, &doc.terms) as f64,
            q.name_count as f64,
        ),
        shared_numbers as f64,
        (doc.numbers.len() - shared_numbers) as f64,
        (1.0 + doc.length as f64).ln(),
        shared_capitals as f64,
        (doc.capitals.len() - shared_capitals) as f64,
        // A clear winner is more often right than one of several near-equals.
        ratio(bm25[0] - next, q.weight),
    ]
}

/// Fits a logistic regression with an L2 penalty (not on the intercept) by Newton's method
/// from zero weights: deterministic, and exact to the last iteration's step.
// Linear algebra reads best with its textbook indices.
#[allow(clippy::many_single_char_names, clippy::needless_range_loop)]
pub(crate) fn fit(
    rows: &[[f64; FEATURES.len()]],
    labels: &[bool],
    l2: f64,
) -> (Vec<f64>, Vec<f64>, Vec<f64>, f64) {
    const D: usize = FEATURES.len();
    let n = rows.len().max(1) as f64;
    let mut mean = vec![0.0; D];
    for r in rows {
        for k in 0..D {
            mean[k] += r[k] / n;
        }
    }
    let mut scale = vec![0.0; D];
    for r in rows {
        for k in 0..D {
            scale[k] += (r[k] - mean[k]).powi(2) / n;
        }
    }
    for s in &mut scale {
        *s = if *s > 0.0 { s.sqrt() } else { 1.0 };
    }
    let x: Vec<[f64; D]> = rows
        .iter()
        .map(|r| std::array::from_fn(|k| (r[k] - mean[k]) / scale[k]))
        .collect();
    // w[0..D] weights, w[D] intercept.
    let mut w = vec![0.0; D + 1];
    for _ in 0..50 {
        let mut grad = vec![0.0; D + 1];
        let mut hess = vec![vec![0.0; D + 1]; D + 1];
        for (xi, &yi) in x.iter().zip(labels) {
            let z = w[D] + (0..D).map(|k| w[k] * xi[k]).sum::<f64>();
            let p = 1.0 / (1.0 + (-z).exp());
            let e = p - f64::from(u8::from(yi));
            let h = (p * (1.0 - p)).max(1e-12);
            let xe = |k: usize| if k == D { 1.0 } else { xi[k] };
            for a in 0..=D {
                grad[a] += e * xe(a);
                for b in 0..=a {
                    hess[a][b] += h * xe(a) * xe(b);
                }
            }
        }
        for a in 0..=D {
            for b in 0..a {
                hess[b][a] = hess[a][b];
            }
        }
        for k in 0..D {
            grad[k] += l2 * w[k];
            hess[k][k] += l2;
        }
        let step = solve(hess, grad);
        let size: f64 = step.iter().map(|s| s.abs()).fold(0.0, f64::max);
        for k in 0..=D {
            w[k] -= step[k];
        }
        if size < 1e-10 {
            break;
        }
    }
    let bias = w[D];
    w.truncate(D);
    (mean, scale, w, bias)
}

/// Solves `a x = b` for a symmetric positive definite `a` (Cholesky).
#[allow(clippy::many_single_char_names, clippy::needless_range_loop)]
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Vec<f64> {
    let n = b.len();
    for j in 0..n {
        let mut d = a[j][j];
        for k in 0..j {
            d -= a[j][k] * a[j][k];
        }
        let d = d.max(1e-12).sqrt();
        a[j][j] = d;
        for i in j + 1..n {
            let mut s = a[i][j];
            for k in 0..j {
                s -= a[i][k] * a[j][k];
            }
            a[i][j] = s / d;
        }
    }
    for i in 0..n {
        let mut s = b[i];
        for k in 0..i {
            s -= a[i][k] * b[k];
        }
        b[i] = s / a[i][i];
    }
    for i in (0..n).rev() {
        let mut s = b[i];
        for k in i + 1..n {
            s -= a[k][i] * b[k];
        }
        b[i] = s / a[i][i];
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_model_names_the_features_in_order() {
        let m = Model::committed();
        assert_eq!(m.weights.len(), FEATURES.len());
        assert_eq!(m.mean.len(), FEATURES.len());
        assert!(m.scale.iter().all(|s| *s > 0.0));
    }

    #[test]
    fn fitting_separates_what_the_features_separate() {
        let rows: Vec<[f64; 16]> = (0..40)
            .map(|i| {
                let mut r = [0.0; 16];
                r[0] = f64::from(i % 10);
                r[8] = f64::from(i % 3);
                r
            })
            .collect();
        let labels: Vec<bool> = rows.iter().map(|r| r[0] > 5.0).collect();
        let (mean, scale, w, bias) = fit(&rows, &labels, 1.0);
        assert!(w[0] > 0.0, "the separating feature gets a positive weight");
        let m = Model {
            trained_on: String::new(),
            candidates: 10,
            l2: 1.0,
            features: FEATURES.iter().map(|s| (*s).to_owned()).collect(),
            mean,
            scale,
            weights: w.clone(),
            bias,
        };
        assert!(m.probability(&rows[9]) > 0.5 && m.probability(&rows[1]) < 0.5);
        let again = fit(&rows, &labels, 1.0);
        assert_eq!(again.2, w, "the same rows give the same weights");
    }
}
