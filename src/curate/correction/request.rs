//! Writing a new correction, as `claimset correct` asks for one: the values are checked as
//! `validate` would check the file (so nothing is written that validation refuses), ids are
//! checked against their patterns before any path is built from them, and the file is
//! written aside and renamed into `corrections/`, never over an existing one.

use std::path::PathBuf;

use chrono::NaiveDate;

use crate::dataset::Dataset;
use crate::error::Error;
use crate::record::VerificationStatus;

use super::super::Problem;
use super::load::Corrections;
use super::{
    Correction, NewClaim, ReviewFacts, SetFields, Verdict, is_claim_id, is_safe_article_id,
};

/// What `claimset correct` was asked, as given on the command line.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// The claim's id; none for an added claim.
    pub claim: Option<String>,
    /// Why.
    pub reason: String,
    /// The action and its values.
    pub action: RequestAction,
}

/// The action asked for, with its values as typed.
#[derive(Debug, Clone, Default)]
pub enum RequestAction {
    /// `--set FIELD=VALUE …` and `--clear FIELD …`.
    #[default]
    Set,
    /// `--reject`.
    Reject,
    /// `--verdict STATUS --label … --reviewed-by … --url … --date …`.
    Verdict {
        /// The status on the record's scale.
        status: String,
        /// The reviewer's words.
        label: String,
        /// Who reviewed it.
        reviewed_by: String,
        /// The fact-check's address.
        url: String,
        /// Its publication date, `YYYY-MM-DD`.
        date: String,
    },
    /// `--confirm-review REVIEW_ID`: the review judges the claim.
    ConfirmReview {
        /// The review's id.
        review: String,
    },
    /// `--reject-review REVIEW_ID`: the review does not judge the claim.
    RejectReview {
        /// The review's id.
        review: String,
    },
    /// `--add --article ID --text TEXT`, with the claim's fields given by `--set`.
    Add {
        /// The article's id.
        article: String,
        /// The claim's source text, exactly as in the body.
        text: String,
    },
}

/// Why a request cannot become a correction: every problem, each saying what to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refused(pub Vec<String>);

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0.join("; "))
    }
}

impl Request {
    /// The correction asked for, with `set` pairs (`FIELD=VALUE`) and `clear` fields, or every
    /// reason it cannot be written.
    pub fn correction(&self, set: &[String], clear: &[String]) -> Result<Correction, Refused> {
        let mut refused = Vec::new();
        if self.reason.trim().is_empty() {
            refused.push("give a --reason: what was wrong, so reviewers can check the fix".into());
        }
        let claim = match (&self.claim, &self.action) {
            (Some(_), RequestAction::Add { .. }) => {
                refused.push("an added claim gets its id from its span: give no claim id".into());
                String::new()
            }
            (None, RequestAction::Add { .. }) => String::new(),
            (None, _) => {
                refused.push("name the claim to correct: its id, from `claimset search`".into());
                String::new()
            }
            (Some(id), _) if !is_claim_id(id) => {
                refused.push(format!(
                    "`{id}` is not a claim id: claim ids are `c` and 16 lowercase hex digits; \
                     find it with `claimset search`"
                ));
                String::new()
            }
            (Some(id), _) => id.clone(),
        };
        let mut table = match fields_table(set) {
            Ok(t) => t,
            Err(e) => {
                refused.push(e);
                toml::Table::new()
            }
        };
        let reason = self.reason.clone();
        let review_id = |review: &str, refused: &mut Vec<String>| {
            if !super::is_review_id(review) {
                refused.push(format!(
                    "`{review}` is not a review id: review ids are `r` and 16 lowercase hex \
                     digits; find it in the release's proposed-links.jsonl, or with `claimset \
                     reviews import datasets/<name>/reviews`"
                ));
            }
            review.to_owned()
        };
        let correction = match &self.action {
            RequestAction::Reject => Some(Correction::Reject { claim, reason }),
            RequestAction::ConfirmReview { review } => Some(Correction::ConfirmReview {
                claim,
                review: review_id(review, &mut refused),
                reason,
            }),
            RequestAction::RejectReview { review } => Some(Correction::RejectReview {
                claim,
                review: review_id(review, &mut refused),
                reason,
            }),
            RequestAction::Set => {
                if !clear.is_empty() {
                    table.insert(
                        "clear".into(),
                        toml::Value::Array(clear.iter().map(|c| c.clone().into()).collect()),
                    );
                }
                match from_table::<SetFields>(table) {
                    Ok(s) if s == SetFields::default() => {
                        refused.push("give at least one --set FIELD=VALUE or --clear FIELD".into());
                        None
                    }
                    Ok(set) => Some(Correction::Set { claim, reason, set }),
                    Err(e) => {
                        refused.push(format!("the fields to set are not valid: {e}"));
                        None
                    }
                }
            }
            RequestAction::Verdict {
                status,
                label,
                reviewed_by,
                url,
                date,
            } => verdict(status, label, reviewed_by, url, date, &mut refused).map(|verdict| {
                Correction::Verdict {
                    claim,
                    reason,
                    verdict,
                }
            }),
            RequestAction::Add { article, text } => {
                if !is_safe_article_id(article) {
                    refused.push(format!(
                        "`{article}` is not an article id: ids are letters, digits, `.`, `_` \
                         and `-`; find it in the release's articles table"
                    ));
                }
                table.insert("article".into(), article.clone().into());
                table.insert("text".into(), text.clone().into());
                match from_table::<NewClaim>(table) {
                    Ok(add) => Some(Correction::Add { reason, add }),
                    Err(e) => {
                        refused.push(format!(
                            "an added claim needs quote_type, claimant_type and cue, given with \
                             --set: {e}"
                        ));
                        None
                    }
                }
            }
        };
        match correction {
            Some(c) if refused.is_empty() => Ok(c),
            _ => Err(Refused(refused)),
        }
    }
}

/// A verdict from its typed parts, each checked as `validate` checks a correction file.
fn verdict(
    status: &str,
    label: &str,
    reviewed_by: &str,
    url: &str,
    date: &str,
    refused: &mut Vec<String>,
) -> Option<Verdict> {
    let before = refused.len();
    let status = match serde_json::from_value::<VerificationStatus>(status.into()) {
        Ok(VerificationStatus::Unverified) => {
            refused.push(
                "a verdict cannot be `unverified`: use the reviewer's verdict on the scale".into(),
            );
            None
        }
        Ok(s) => Some(s),
        Err(_) => {
            refused.push(format!(
                "`{status}` is not a verdict: use one of true, mostly_true, mixed, \
                 mostly_false, false, misleading, unproven, satire, other"
            ));
            None
        }
    };
    if label.trim().is_empty() {
        refused.push("give the reviewer's own words with --label (`Pants on Fire`)".into());
    }
    if reviewed_by.trim().is_empty() {
        refused.push("say who reviewed the claim with --reviewed-by".into());
    }
    if crate::input::publisher(url).is_none() {
        refused.push(format!(
            "`{url}` is not an absolute http(s) URL: give the fact-check's full address, \
             starting with https://"
        ));
    }
    let date = match NaiveDate::parse_from_str(date, "%Y-%m-%d") {
        Ok(d) => Some(d),
        Err(_) => {
            refused.push(format!(
                "`{date}` is not a date: write the day the fact-check was published as \
                 YYYY-MM-DD (2022-02-03)"
            ));
            None
        }
    };
    (refused.len() == before).then(|| Verdict {
        status: status.expect("checked"),
        label: label.to_owned(),
        reviewed_by: reviewed_by.to_owned(),
        url: url.to_owned(),
        date: date.expect("checked"),
    })
}

/// `field=value` pairs as a TOML table, values typed by what they look like.
fn fields_table(pairs: &[String]) -> Result<toml::Table, String> {
    let mut t = toml::Table::new();
    for p in pairs {
        let Some((k, v)) = p.split_once('=') else {
            return Err(format!("`{p}` is not FIELD=VALUE"));
        };
        let value = match v.parse::<i64>() {
            Ok(n) if k.trim() == "occurrence" => toml::Value::Integer(n),
            _ => toml::Value::String(v.to_owned()),
        };
        t.insert(k.trim().to_owned(), value);
    }
    Ok(t)
}

/// A typed value from a table of flags, or the parser's message made readable.
fn from_table<T: serde::de::DeserializeOwned>(t: toml::Table) -> Result<T, String> {
    t.try_into()
        .map_err(|e: toml::de::Error| super::load::explain_toml_error(e.message().trim()))
}

/// Whether the dataset's latest release holds claim `id`; true when there is no release yet
/// (the id's pattern is all that can be checked then).
pub(crate) fn claim_exists(dataset: &Dataset, id: &str) -> Result<bool, Error> {
    let Some(v) = dataset.releases()?.pop() else {
        return Ok(true);
    };
    let mut found = false;
    crate::table::read_rows(
        &dataset.release_dir(&v).join("claims.parquet"),
        crate::table::claim_columns(),
        |_, row| {
            found |= row.get("claim_id").and_then(serde_json::Value::as_str) == Some(id);
            Ok(())
        },
    )?;
    Ok(found)
}

/// The date of claim `id` in the dataset's latest release, when there is one and it holds the
/// claim.
fn claim_date(dataset: &Dataset, id: &str) -> Result<Option<NaiveDate>, Error> {
    let Some(v) = dataset.releases()?.pop() else {
        return Ok(None);
    };
    let mut found = None;
    crate::table::read_rows(
        &dataset.release_dir(&v).join("claims.parquet"),
        crate::table::claim_columns(),
        |_, row| {
            if row.get("claim_id").and_then(serde_json::Value::as_str) == Some(id) {
                found = row
                    .get("claim_date")
                    .and_then(serde_json::Value::as_str)
                    .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            }
            Ok(())
        },
    )?;
    Ok(found)
}

/// Writes `correction` into the dataset's `corrections/` (written aside, then renamed; never
/// over an existing file) after checking it as `validate` would, against the latest release
/// when there is one: the claim must exist there. A decision on a link is checked against
/// `reviews`, the dataset's reviews: the review must be one of them, and a confirmed one must
/// be able to be the claim's verdict. Returns the file written, or the problems that kept it
/// from being written.
pub fn write_new(
    dataset: &Dataset,
    correction: &Correction,
    reviews: &[ReviewFacts],
) -> Result<Result<PathBuf, Vec<Problem>>, Error> {
    let dir = dataset.corrections_dir();
    let name = correction.file_name();
    let mut problems = Vec::new();
    // The same checks as a file already in place, on the file as it would be written.
    let staged = tempfile::tempdir().map_err(|source| Error::Write {
        path: std::env::temp_dir(),
        source,
    })?;
    let staged_dir = staged.path().join("corrections");
    std::fs::create_dir_all(&staged_dir).map_err(|source| Error::Write {
        path: staged_dir.clone(),
        source,
    })?;
    std::fs::write(staged_dir.join(&name), correction.to_canonical()).map_err(|source| {
        Error::Write {
            path: staged_dir.join(&name),
            source,
        }
    })?;
    let (staged_corrections, found) = Corrections::load_dir(staged.path(), &staged_dir)?;
    problems.extend(found);
    // A decision on a link names a review the dataset holds; a confirmed one must be able to
    // be the claim's verdict (published on or after the claim, with a whole verdict).
    if problems.is_empty()
        && let Some(review) = correction.review()
    {
        match reviews.iter().find(|r| r.review_id == review) {
            None => problems.push(staged_corrections.unknown_review(0)),
            Some(r) if matches!(correction, Correction::ConfirmReview { .. }) => {
                let claim = correction.claim().unwrap_or_default();
                if let Some(date) = claim_date(dataset, claim)? {
                    problems.extend(staged_corrections.refuse_confirmation(0, date, r));
                }
            }
            Some(_) => {}
        }
    }
    if let Some(id) = correction.claim()
        && !claim_exists(dataset, id)?
    {
        problems.push(Problem {
            file: format!("corrections/{name}"),
            line: Some(2),
            claim_id: Some(id.to_owned()),
            pointer: String::new(),
            rule: "correction/unknown-claim".into(),
            message: format!("no claim has the id {id} in the latest release"),
            value: None,
            fix: "find the claim's id with `claimset search DATASET WORDS`".into(),
        });
    }
    if !problems.is_empty() {
        return Ok(Err(problems));
    }
    let path = dir.join(&name);
    crate::atomic::sweep(&dir);
    crate::atomic::write_new(&path, correction.to_canonical().as_bytes())?;
    Ok(Ok(path))
}
