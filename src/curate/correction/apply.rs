//! Applying corrections to one article's extracted claims at release time: fields set,
//! verdicts recorded, records rejected, and missed claims added at the span their text gives.

use crate::input::Article;
use crate::record::{ClaimRecord, DateBasis, DatePrecision, Origin, VerdictSource};

use super::super::Problem;
use super::load::{Corrections, Loaded};
use super::{Clearable, Correction, NewClaim, SetFields};

/// What applying corrections did to one article's claims.
#[derive(Debug, Default)]
pub struct Applied {
    /// The article's claims after corrections, in body order.
    pub claims: Vec<ClaimRecord>,
    /// Indices (into [`Corrections::loaded`]) of the corrections used.
    pub used: Vec<usize>,
    /// Claims taken out, with the reason.
    pub rejected: Vec<(String, String)>,
    /// Problems found while applying.
    pub problems: Vec<Problem>,
    /// Which correction (index into [`Corrections::loaded`]) changed or added which claim.
    pub by: Vec<(String, usize)>,
}

impl Corrections {
    /// Applies the corrections that concern `article` to its extracted claims.
    pub fn apply(&self, article: &Article, mut claims: Vec<ClaimRecord>) -> Applied {
        let mut applied = Applied::default();
        if self.is_empty() {
            applied.claims = claims;
            return applied;
        }
        let mut keep = vec![true; claims.len()];
        for (i, claim) in claims.iter_mut().enumerate() {
            let Some(ks) = self.by_claim.get(&claim.claim_id) else {
                continue;
            };
            for &k in ks {
                applied.used.push(k);
                if self.loaded[k].faulty {
                    continue;
                }
                applied.by.push((claim.claim_id.clone(), k));
                match &self.loaded[k].correction {
                    Correction::Set { set, .. } => set_fields(claim, set),
                    Correction::Verdict { verdict, .. } => {
                        claim.verification_status = verdict.status;
                        claim.verdict_label = Some(verdict.label.clone());
                        claim.reviewed_by = Some(verdict.reviewed_by.clone());
                        claim.review_url = Some(verdict.url.clone());
                        claim.review_date = Some(verdict.date);
                        claim.review_id = None;
                        claim.verdict_source = Some(VerdictSource::Correction);
                        claim.origin = Origin::Corrected;
                    }
                    Correction::Reject { reason, .. } => {
                        keep[i] = false;
                        applied
                            .rejected
                            .push((claim.claim_id.clone(), reason.clone()));
                    }
                    // Links are decided once every claim is known, by the release.
                    Correction::Add { .. }
                    | Correction::ConfirmReview { .. }
                    | Correction::RejectReview { .. } => {}
                }
            }
        }
        let mut out: Vec<ClaimRecord> = claims
            .into_iter()
            .zip(keep)
            .filter_map(|(c, k)| k.then_some(c))
            .collect();
        if let Some(ks) = self.by_article.get(&article.id) {
            for &k in ks {
                applied.used.push(k);
                let l = &self.loaded[k];
                let Correction::Add { add, .. } = &l.correction else {
                    continue;
                };
                match new_claim(article, l, add) {
                    Ok(_) if l.faulty => {}
                    Ok(rec) => {
                        if let Some(existing) = out
                            .iter()
                            .find(|c| c.span_start == rec.span_start && c.span_end == rec.span_end)
                        {
                            applied.problems.push(l.problem(
                                l.line_of(Some("add"), "text"),
                                "already-extracted",
                                format!("this span is already claim {}", existing.claim_id),
                                "correct that claim with action = \"set\" instead",
                            ));
                        } else {
                            applied.by.push((rec.claim_id.clone(), k));
                            out.push(rec);
                        }
                    }
                    Err(p) => applied.problems.push(*p),
                }
            }
        }
        out.sort_by_key(|c| (c.span_start, c.span_end));
        applied.claims = out;
        applied
    }
}

impl Applied {
    /// Where the value at `pointer` of claim `id` was written, when a correction wrote it:
    /// the correction's file and the line of the key, so that a bad value is reported where
    /// it was typed rather than at the article.
    pub fn blame(
        &self,
        corrections: &Corrections,
        id: &str,
        pointer: &str,
    ) -> Option<(String, Option<u64>)> {
        let field = pointer.strip_prefix('/')?;
        let mut found = None;
        for (_, k) in self.by.iter().filter(|(c, _)| c == id) {
            let l = &corrections.loaded[*k];
            let key = match (&l.correction, field) {
                (Correction::Verdict { .. }, "review_date") => Some(("verdict", "date")),
                (Correction::Verdict { .. }, "review_url") => Some(("verdict", "url")),
                (Correction::Verdict { .. }, "verdict_label") => Some(("verdict", "label")),
                (Correction::Verdict { .. }, "reviewed_by") => Some(("verdict", "reviewed_by")),
                (Correction::Verdict { .. }, "verification_status") => Some(("verdict", "status")),
                (Correction::Set { set, .. }, f) => {
                    let json = serde_json::to_value(set).ok()?;
                    json.get(f).is_some().then_some(("set", field_key(f)))
                }
                (Correction::Add { add, .. }, "claim_text") if add.claim_text.is_none() => {
                    Some(("add", "text"))
                }
                (Correction::Add { .. }, f) => Some(("add", field_key(f))),
                _ => None,
            };
            if let Some((table, key)) = key {
                let line = l
                    .line_of(Some(table), key)
                    .or_else(|| l.line_of(None, "action"));
                // The verdict is blamed before a set for a date the two disagree on.
                if found.is_none() || table == "verdict" {
                    found = Some((l.file.clone(), line));
                }
            }
        }
        found
    }
}

/// A record field as the key that sets it in a correction (the same names).
fn field_key(f: &str) -> &'static str {
    [
        "claim_text",
        "quote_type",
        "claimant",
        "claimant_mention",
        "claimant_title",
        "claimant_type",
        "cue",
        "claim_date",
        "claim_date_precision",
    ]
    .into_iter()
    .find(|k| *k == f)
    .unwrap_or("action")
}

fn set_fields(claim: &mut ClaimRecord, s: &SetFields) {
    if let Some(v) = &s.claim_text {
        claim.claim_text.clone_from(v);
    }
    if let Some(v) = s.quote_type {
        claim.quote_type = v;
    }
    if let Some(v) = &s.claimant {
        claim.claimant = Some(v.clone());
    }
    if let Some(v) = &s.claimant_mention {
        claim.claimant_mention = Some(v.clone());
    }
    if let Some(v) = &s.claimant_title {
        claim.claimant_title = Some(v.clone());
    }
    if let Some(v) = s.claimant_type {
        claim.claimant_type = v;
    }
    if let Some(v) = &s.cue {
        claim.cue.clone_from(v);
    }
    if let Some(v) = s.claim_date {
        claim.claim_date = v;
        claim.claim_date_basis = DateBasis::Text;
        claim.claim_date_precision = s.claim_date_precision.unwrap_or(DatePrecision::Day);
    } else if let Some(p) = s.claim_date_precision {
        claim.claim_date_precision = p;
    }
    for c in &s.clear {
        match c {
            Clearable::Claimant => claim.claimant = None,
            Clearable::ClaimantMention => claim.claimant_mention = None,
            Clearable::ClaimantTitle => claim.claimant_title = None,
        }
    }
    claim.origin = Origin::Corrected;
}

/// The record of an added claim: its span found from its text in the article body.
fn new_claim(article: &Article, l: &Loaded, a: &NewClaim) -> Result<ClaimRecord, Box<Problem>> {
    let starts: Vec<usize> = article
        .body
        .match_indices(&a.text)
        .map(|(k, _)| k)
        .collect();
    let line = l.line_of(Some("add"), "text");
    let at = match (starts.len(), a.occurrence) {
        (0, _) => {
            return Err(Box::new(l.problem(
                line,
                "text-not-found",
                format!("`{}` does not appear in article `{}`", a.text, a.article),
                "copy the text exactly from the article body (same spelling, quotes and spaces)",
            )));
        }
        (_, Some(0)) => {
            return Err(Box::new(l.problem(
                l.line_of(Some("add"), "occurrence"),
                "occurrence-out-of-range",
                "occurrence 0: the first appearance is 1".into(),
                "use an occurrence between 1 and the number of times the text appears",
            )));
        }
        (1, None | Some(1)) => starts[0],
        (n, None) => {
            return Err(Box::new(l.problem(
                line,
                "text-ambiguous",
                format!("the text appears {n} times in article `{}`", a.article),
                "add occurrence = N to say which (1 for the first)",
            )));
        }
        (n, Some(k)) if k as usize > n => {
            return Err(Box::new(l.problem(
                l.line_of(Some("add"), "occurrence"),
                "occurrence-out-of-range",
                format!("occurrence {k}, but the text appears {n} times"),
                "use an occurrence between 1 and the number of times the text appears",
            )));
        }
        (_, Some(k)) => starts[k as usize - 1],
    };
    let span_start = article.body[..at].chars().count() as u32;
    let span_end = span_start + a.text.chars().count() as u32;
    let date = a.claim_date.unwrap_or(article.date);
    Ok(ClaimRecord::new(
        article,
        crate::record::Span {
            start: span_start,
            end: span_end,
            source: &a.text,
        },
        crate::record::ClaimFields {
            claim_text: a
                .claim_text
                .clone()
                .unwrap_or_else(|| a.text.split_whitespace().collect::<Vec<_>>().join(" ")),
            quote_type: a.quote_type,
            claimant: a.claimant.clone(),
            claimant_mention: a.claimant_mention.clone(),
            claimant_title: a.claimant_title.clone(),
            claimant_type: a.claimant_type,
            cue: a.cue.clone(),
            claim_date: date,
            claim_date_basis: if a.claim_date.is_some() {
                DateBasis::Text
            } else {
                DateBasis::Article
            },
            claim_date_precision: a.claim_date_precision.unwrap_or(DatePrecision::Day),
        },
        Origin::Added,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `occurrence = 0` once indexed before the first appearance and panicked.
    #[test]
    fn occurrence_zero_is_a_problem_not_a_panic() {
        let dir = tempfile::tempdir().expect("temp dir");
        let corrections = dir.path().join("corrections");
        std::fs::create_dir_all(&corrections).expect("mkdir");
        let add = Correction::Add {
            reason: "missed".into(),
            add: NewClaim {
                article: "a1".into(),
                text: "the bridge will open".into(),
                occurrence: Some(0),
                claim_text: None,
                quote_type: crate::record::QuoteType::Indirect,
                claimant: Some("Ana Ruiz".into()),
                claimant_mention: None,
                claimant_title: None,
                claimant_type: crate::record::ClaimantType::Person,
                cue: "said".into(),
                claim_date: None,
                claim_date_precision: None,
            },
        };
        std::fs::write(corrections.join(add.file_name()), add.to_canonical()).expect("write");
        let (c, problems) = Corrections::load_dir(dir.path(), &corrections).expect("load");
        let article = Article {
            id: "a1".into(),
            title: None,
            date: chrono::NaiveDate::from_ymd_opt(2022, 2, 1).expect("date"),
            url: "https://example.com/a1".into(),
            publisher: "example.com".into(),
            body: "Ruiz said the bridge will open.".into(),
            location: crate::input::Location {
                file: std::sync::Arc::from("a1.txt"),
                line: None,
            },
        };
        let applied = c.apply(&article, Vec::new());
        let rules: Vec<&str> = problems
            .iter()
            .chain(&applied.problems)
            .map(|p| p.rule.as_str())
            .collect();
        assert!(
            rules.contains(&"correction/occurrence-out-of-range"),
            "{rules:?}"
        );
        assert!(applied.claims.is_empty());
    }
}
