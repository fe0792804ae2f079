//! Published fact-checks: the review record, importing it from the forms fact-checkers
//! publish, normalising verdicts, matching reviews to claims, and exporting verdicts back.
//!
//! A fact-checker publishes a verdict as schema.org `ClaimReview`; aggregators (Google's
//! Fact Check Tools, the Data Commons feed) pass it on in their own envelopes. `import`
//! reads every form into one [`ReviewRecord`], whose JSON Schema [`review_schema`] generates
//! (`schema/review.schema.json`). A review that cannot be normalised is a [`Rejection`] with
//! its file and line or JSON pointer, never dropped.
//!
//! `verdict` maps the fact-checker's words to the record's [`VerificationStatus`] scale with
//! a table kept as data (`src/review/verdicts.toml`). `matching` ranks, for each claim, the
//! reviews that judge the same statement and decides which links are safe to apply; it
//! never links across two different known claimants, nor to a review older than the claim.
//! `link` decides, for the claims of a release, which review gives each its verdict (a
//! person's decision first, then the matcher's safe link) and which proposals are left for
//! reviewers. `export` writes a release's verdicts as `ClaimReview` JSON-LD.
//!
//! This stage reads claim records (from `extract`, or a release's `claims.parquet`) and
//! produces verdicts; it comes after curation and before the release that will carry them.

mod text;
mod verdict;
mod import;
mod claims;
mod claimant;
mod retrieval;
mod rerank;
mod matching;
mod link;
mod export;

use std::fmt;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::record::VerificationStatus;

pub use claimant::Claimants;
pub use claims::{ClaimProblem, ClaimQuery, read_claims, read_pairs};
pub use export::{CLAIMSET_VOCAB, claim_review, document, release_claims};
pub use import::{
    Form, Imported, MAX_FILE_BYTES, Rejection, RejectionReason, dataset_review_facts,
    import_dataset, import_file, import_str,
};
pub use link::{Links, NotApplied, PROPOSAL_FLOOR, Proposal, link};
pub use matching::{
    DATE_WINDOW_DAYS, Example, LINK_THRESHOLD, Match, MatchOptions, Matcher, TrainOptions,
    examples, match_claims, train,
};
pub use rerank::{FEATURES, Model, RERANKER_PATH};
pub use verdict::{
    ANY_CHECKER, Checker, VERDICTS_PATH, VerdictTable, default_table, normalise_verdict,
};

/// Version of the review record schema.
pub const REVIEW_SCHEMA_VERSION: &str = "1.0.0";

/// The review record schema, as committed in `schema/review.schema.json`. Like the claim
/// schema, every property is required, with `null` where a value is unknown.
pub fn review_schema() -> String {
    crate::schema::generate::<ReviewRecord>("review", REVIEW_SCHEMA_VERSION, true)
}

/// One published fact-check of one claim, normalised from whatever form it was published in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "claimset review record")]
pub struct ReviewRecord {
    /// Stable identifier: `r` and sixteen lowercase hex digits of the SHA-256 of the review's
    /// URL (scheme and host lowercased, `www.` and any `#fragment` dropped) and the claim it
    /// reviews, so that a page reviewing several claims gives one id per claim and a review
    /// keeps its id whichever feed it came through. A review without a URL gets an id from
    /// its reviewer, claim and date.
    #[schemars(example = &"r5d3c0f1e2a4b6978")]
    #[schemars(regex(pattern = r"^r[0-9a-f]{16}$"))]
    pub review_id: String,
    /// The claim as the fact-checker summarised it (`claimReviewed`).
    #[schemars(example = &"Russia has no plans to invade Ukraine")]
    #[schemars(length(min = 1))]
    pub claim_reviewed: String,
    /// The fact-check's headline, when given.
    #[schemars(example = &"Did Russia say it had no plans to invade Ukraine?")]
    pub title: Option<String>,
    /// Who made the claim, as the fact-checker names them.
    #[schemars(example = &"Sergei Lavrov")]
    pub claimant: Option<String>,
    /// When the claim was made (`itemReviewed.datePublished`).
    #[schemars(example = &"2022-01-29")]
    pub claim_date: Option<NaiveDate>,
    /// Where the claim appeared: `firstAppearance` first, then each `appearance`, without
    /// repeats.
    #[schemars(example = &["https://example.com/interview"])]
    pub appearance_urls: Vec<String>,
    /// The fact-checking organisation (or person) that published the review.
    #[schemars(example = &"PolitiFact")]
    pub reviewed_by: Option<String>,
    /// The fact-check article.
    #[schemars(example = &"https://www.politifact.com/factchecks/2022/feb/03/example/")]
    #[schemars(url)]
    pub review_url: Option<String>,
    /// When the review was published.
    #[schemars(example = &"2022-02-03")]
    pub review_date: Option<NaiveDate>,
    /// The fact-checker's own words for the verdict (`reviewRating.alternateName`).
    #[schemars(example = &"Pants on Fire")]
    pub verdict_label: Option<String>,
    /// The numeric rating, when the review gives one.
    pub rating: Option<Rating>,
    /// The verdict on claimset's scale, from the verdict table (`other` when the label is
    /// not in it; `unverified` when the review gives neither a label nor a usable rating).
    #[schemars(example = VerificationStatus::False)]
    pub verification_status: VerificationStatus,
    /// The review's language (BCP 47), when given.
    #[schemars(example = &"en")]
    pub language: Option<String>,
}

/// A numeric rating as published: `ratingValue` on a scale from `worstRating` to
/// `bestRating`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    /// `ratingValue`.
    pub value: Option<f64>,
    /// `bestRating`.
    pub best: Option<f64>,
    /// `worstRating`.
    pub worst: Option<f64>,
}

impl ReviewRecord {
    /// The record as one line of JSON (no newline).
    pub fn to_json_line(&self) -> String {
        serde_json::to_string(self).expect("review records serialize")
    }
}

/// The id of a review: from its URL and claim when it has a URL, else from its reviewer,
/// claim and date.
pub(crate) fn review_id(
    url: Option<&str>,
    claim_reviewed: &str,
    reviewed_by: Option<&str>,
    review_date: Option<NaiveDate>,
) -> String {
    let claim = text::fold_for_id(claim_reviewed);
    let mut h = Sha256::new();
    match url {
        Some(u) => {
            h.update(b"url\0");
            h.update(normalise_url(u).as_bytes());
        }
        None => {
            h.update(b"content\0");
            h.update(reviewed_by.map(str::to_lowercase).unwrap_or_default());
            h.update([0]);
            h.update(review_date.map(|d| d.to_string()).unwrap_or_default());
        }
    }
    h.update([0]);
    h.update(claim.as_bytes());
    format!("r{}", crate::digest::hex16(&h.finalize()))
}

/// A URL as it identifies a page: scheme and host lowercased, `www.`, default ports, a
/// trailing `/` and the fragment dropped. Text that is not a URL is used as it is.
pub(crate) fn normalise_url(u: &str) -> String {
    let Ok(mut url) = url::Url::parse(u.trim()) else {
        return u.trim().to_owned();
    };
    url.set_fragment(None);
    let host = url
        .host_str()
        .map(|h| h.strip_prefix("www.").unwrap_or(h).to_owned());
    if let Some(h) = host {
        // Setting a host that was parsed from a URL cannot fail.
        let _ = url.set_host(Some(&h));
    }
    let mut s = url.to_string();
    if url.query().is_none() && s.ends_with('/') && url.path() != "/" {
        s.pop();
    }
    s
}

/// The host of a URL without `www.`, lowercased.
pub(crate) fn url_host(u: &str) -> Option<String> {
    let url = url::Url::parse(u.trim()).ok()?;
    let h = url.host_str()?.to_lowercase();
    Some(h.strip_prefix("www.").unwrap_or(&h).to_owned())
}

impl fmt::Display for ReviewRecord {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.review_id, self.claim_reviewed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_page_gives_the_same_id_however_its_url_is_written() {
        let a = review_id(
            Some("https://www.Example.com/fc/1/#top"),
            "X  said Y",
            None,
            None,
        );
        let b = review_id(Some("https://example.com/fc/1"), "x said y", None, None);
        assert_eq!(a, b);
        let other_claim = review_id(Some("https://example.com/fc/1"), "x said z", None, None);
        assert_ne!(a, other_claim);
        assert!(a.starts_with('r') && a.len() == 17);
    }

    #[test]
    fn a_review_without_url_gets_an_id_from_its_content() {
        let d = NaiveDate::from_ymd_opt(2022, 2, 3);
        let a = review_id(None, "claim", Some("PolitiFact"), d);
        let b = review_id(None, "claim", Some("politifact"), d);
        assert_eq!(a, b);
        assert_ne!(a, review_id(None, "claim", Some("Snopes"), d));
    }
}
