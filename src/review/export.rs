//! Exporting verdicts as schema.org `ClaimReview` JSON-LD: every claim of a release with a
//! verdict becomes one review, so a newsroom can publish what its reviewers decided.
//!
//! The document is one `@graph` of `ClaimReview` nodes, in release order. Each carries the
//! claim (`claimReviewed`), its claimant and date (`itemReviewed`, a `Claim`), the article
//! it appeared in (`appearance`), the reviewer, the review's URL and date, and the
//! reviewer's label (`reviewRating.alternateName`). The status on claimset's scale goes in
//! `claimset:verificationStatus`, so that an export re-imports to the same verdicts whatever
//! the verdict table says of the label.

use std::path::Path;

use serde_json::{Map, Value, json};

use crate::error::Error;
use crate::record::{ClaimRecord, ClaimantType, VerificationStatus};

/// The vocabulary claimset's own properties live in.
pub const CLAIMSET_VOCAB: &str = "urn:claimset:vocab:";

/// The `ClaimReview` node of a claim with a verdict; `None` for an unverified claim.
pub fn claim_review(c: &ClaimRecord) -> Option<Value> {
    if c.verification_status == VerificationStatus::Unverified {
        return None;
    }
    let mut item = Map::new();
    item.insert("@type".into(), "Claim".into());
    if let Some(name) = &c.claimant {
        let ty = match c.claimant_type {
            ClaimantType::Person => "Person",
            _ => "Organization",
        };
        item.insert("author".into(), json!({"@type": ty, "name": name}));
    }
    item.insert("datePublished".into(), c.claim_date.to_string().into());
    let mut appearance = json!({"@type": "NewsArticle", "url": c.source_url,
        "datePublished": c.article_date.to_string()});
    if let Some(t) = &c.article_title {
        appearance["headline"] = t.clone().into();
    }
    item.insert("appearance".into(), Value::Array(vec![appearance]));
    let mut review = Map::new();
    review.insert("@type".into(), "ClaimReview".into());
    if let Some(u) = &c.review_url {
        review.insert("url".into(), u.clone().into());
    }
    review.insert("claimReviewed".into(), c.claim_text.clone().into());
    review.insert("itemReviewed".into(), Value::Object(item));
    if let Some(by) = &c.reviewed_by {
        review.insert(
            "author".into(),
            json!({"@type": "Organization", "name": by}),
        );
    }
    if let Some(d) = c.review_date {
        review.insert("datePublished".into(), d.to_string().into());
    }
    let mut rating = json!({"@type": "Rating"});
    if let Some(l) = &c.verdict_label {
        rating["alternateName"] = l.clone().into();
    }
    review.insert("reviewRating".into(), rating);
    review.insert(
        "claimset:verificationStatus".into(),
        serde_json::to_value(c.verification_status).expect("statuses serialize"),
    );
    review.insert("identifier".into(), c.claim_id.clone().into());
    Some(Value::Object(review))
}

/// The JSON-LD document of every claim with a verdict.
pub fn document(claims: &[ClaimRecord]) -> Value {
    let graph: Vec<Value> = claims.iter().filter_map(claim_review).collect();
    json!({
        "@context": ["https://schema.org", {"claimset": CLAIMSET_VOCAB}],
        "@graph": graph,
    })
}

/// Every claim of a release folder's `claims.parquet`, in release order.
pub fn release_claims(release_dir: &Path) -> Result<Vec<ClaimRecord>, Error> {
    let path = release_dir.join("claims.parquet");
    let mut out = Vec::new();
    let issues = crate::table::read_rows(&path, crate::table::claim_columns(), |row, obj| {
        let r: ClaimRecord =
            serde_json::from_value(Value::Object(obj)).map_err(|e| Error::Parquet {
                path: path.clone(),
                message: format!("row {row} is not a claim record: {e}"),
            })?;
        out.push(r);
        Ok(())
    })?;
    let issues = crate::table::claim_issues(issues);
    if !issues.is_empty() {
        return Err(Error::Parquet {
            path,
            message: issues.join("; "),
        });
    }
    Ok(out)
}
