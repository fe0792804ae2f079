//! claimset's own review records, one a line: what `claimset reviews import` writes, read
//! back exactly, so that files round-trip.

use serde_json::Value;

use super::super::ReviewRecord;
use super::{RejectionReason, Site};

/// Whether a JSON value is a review record rather than JSON-LD or an API response.
pub(super) fn is_record(v: &Value) -> bool {
    v.as_object()
        .is_some_and(|o| o.contains_key("review_id") && !o.contains_key("@type"))
}

/// One record, checked against what the schema requires.
pub(super) fn read(site: &Site, v: &Value) -> Result<(ReviewRecord, Site), super::Rejection> {
    let r: ReviewRecord = serde_json::from_value(v.clone()).map_err(|e| {
        site.reject(
            RejectionReason::InvalidRecord,
            format!("not a review record: {e}; see schema/review.schema.json"),
        )
    })?;
    let id_ok = r.review_id.len() == 17
        && r.review_id.starts_with('r')
        && r.review_id[1..]
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    if !id_ok {
        return Err(site.at("/review_id").reject(
            RejectionReason::InvalidRecord,
            format!(
                "review_id `{}` is not `r` and 16 lowercase hex digits",
                r.review_id
            ),
        ));
    }
    if r.claim_reviewed.trim().is_empty() {
        return Err(site.at("/claim_reviewed").reject(
            RejectionReason::MissingClaimReviewed,
            "claim_reviewed is empty: the claim this review judges is unknown",
        ));
    }
    Ok((r, site.clone()))
}
