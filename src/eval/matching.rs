//! Comparing claim texts: normalised token multisets, the one-to-one token F1 match, and
//! the segmentation-agnostic coverage that neither rewards nor punishes joining a quote
//! its attribution interrupts.

use std::collections::BTreeMap;

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

/// How many tokens of `a` are also in `b`, as multisets.
pub(crate) fn common(a: &[String], b: &[String]) -> usize {
    let mut counts: BTreeMap<&str, i64> = BTreeMap::new();
    for t in b {
        *counts.entry(t).or_default() += 1;
    }
    let mut n = 0;
    for t in a {
        if let Some(c) = counts.get_mut(t.as_str())
            && *c > 0
        {
            *c -= 1;
            n += 1;
        }
    }
    n
}

/// Token-level F1 of two token lists, as multisets.
pub(crate) fn token_f1(gold: &[String], predicted: &[String]) -> f64 {
    if gold.is_empty() || predicted.is_empty() {
        return 0.0;
    }
    let shared = common(gold, predicted);
    if shared == 0 {
        return 0.0;
    }
    let precision = shared as f64 / predicted.len() as f64;
    let recall = shared as f64 / gold.len() as f64;
    2.0 * precision * recall / (precision + recall)
}

/// Whether `holder` holds at least half of `part`'s words: a gold claim is *found* by a
/// prediction that holds half of it, and a prediction is *right* when half of its words lie
/// in the article's annotated claims.
pub(crate) fn holds_half(holder: &[String], part: &[String]) -> bool {
    !part.is_empty() && 2 * common(part, holder) >= part.len()
}
