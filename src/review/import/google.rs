//! Google Fact Check Tools `claims:search` responses → review records: each
//! `claims[].claimReview[]` is one review of the claim around it.
//!
//! The response's fields: a claim's `text`, `claimant` and `claimDate`; a review's
//! `publisher` (`name`, `site`), `url`, `title`, `reviewDate`, `textualRating` and
//! `languageCode`. The API gives no numeric rating and no appearances.

use serde_json::Value;

use super::super::{ReviewRecord, review_id, verdict};
use super::jsonld::{date, get, http_url, text};
use super::{Found, RejectionReason, Site};

/// Whether a JSON document is a `claims:search` response.
pub(super) fn is_response(v: &Value) -> bool {
    v.as_object()
        .is_some_and(|o| o.get("claims").is_some_and(Value::is_array) && !o.contains_key("@type"))
}

/// Every review of a response.
pub(super) fn read(site: &Site, v: &Value) -> Found {
    let mut found = Vec::new();
    let claims = v.get("claims").and_then(Value::as_array);
    for (i, claim) in claims.into_iter().flatten().enumerate() {
        let here = site.at(&format!("/claims/{i}"));
        let Some(c) = claim.as_object() else {
            found.push(Err(here.reject(
                RejectionReason::NoReview,
                "a claim that is not an object",
            )));
            continue;
        };
        let reviews = get(c, "claimReview").and_then(Value::as_array);
        let Some(reviews) = reviews.filter(|r| !r.is_empty()) else {
            found.push(Err(here.reject(
                RejectionReason::NoReview,
                "a claim without claimReview: there is no verdict to import",
            )));
            continue;
        };
        let claim_text = get(c, "text").and_then(text);
        for (j, r) in reviews.iter().enumerate() {
            let at = site.at(&format!("/claims/{i}/claimReview/{j}"));
            let Some(claim_reviewed) = claim_text.clone() else {
                found.push(Err(at.reject(
                    RejectionReason::MissingClaimReviewed,
                    "the claim has no text: the claim this review judges is unknown",
                )));
                continue;
            };
            let Some(r) = r.as_object() else {
                found.push(Err(at.reject(
                    RejectionReason::NoReview,
                    "a claimReview that is not an object",
                )));
                continue;
            };
            let publisher = get(r, "publisher").and_then(Value::as_object);
            let reviewed_by = publisher
                .and_then(|p| get(p, "name").or_else(|| get(p, "site")))
                .and_then(text);
            let review_url = get(r, "url").and_then(http_url);
            let review_date = get(r, "reviewDate").and_then(date);
            let verdict_label = get(r, "textualRating").and_then(text);
            let verification_status = verdict::normalise_verdict(
                reviewed_by.as_deref(),
                review_url.as_deref(),
                verdict_label.as_deref(),
                None,
            );
            let record = ReviewRecord {
                review_id: review_id(
                    review_url.as_deref(),
                    &claim_reviewed,
                    reviewed_by.as_deref(),
                    review_date,
                ),
                claim_reviewed,
                title: get(r, "title").and_then(text),
                claimant: get(c, "claimant").and_then(text),
                claim_date: get(c, "claimDate").and_then(date),
                appearance_urls: Vec::new(),
                reviewed_by,
                review_url,
                review_date,
                verdict_label,
                rating: None,
                verification_status,
                language: get(r, "languageCode").and_then(text),
            };
            found.push(Ok((record, at)));
        }
    }
    if found.is_empty() {
        found.push(Err(site.reject(
            RejectionReason::NoReview,
            "a claims:search response with no claims: nothing to import",
        )));
    }
    found
}
