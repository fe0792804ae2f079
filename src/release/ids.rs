//! Stable claim ids across releases: a claim keeps the id of the previous release's claim
//! whose span it overlaps most, even when the extractor draws boundaries differently.

use crate::record::ClaimRecord;

/// Gives each claim the id of the previous release's claim of the same article whose span
/// it overlaps most, one to one, so that ids survive an extractor that draws boundaries
/// differently. Claims keeping their exact span keep their id anyway.
pub fn inherit_ids(claims: &mut [ClaimRecord], previous: &[(u32, u32, String)]) {
    if previous.is_empty() || claims.is_empty() {
        return;
    }
    let mut taken = vec![false; previous.len()];
    let mut done = vec![false; claims.len()];
    for (ci, c) in claims.iter().enumerate() {
        if let Some(pi) = previous.iter().position(|p| p.2 == c.claim_id) {
            taken[pi] = true;
            done[ci] = true;
        }
    }
    let mut pairs: Vec<(u32, usize, usize)> = Vec::new();
    for (ci, c) in claims.iter().enumerate() {
        if done[ci] {
            continue;
        }
        for (pi, p) in previous.iter().enumerate() {
            let overlap = c.span_end.min(p.1).saturating_sub(c.span_start.max(p.0));
            if overlap > 0 && !taken[pi] {
                pairs.push((overlap, ci, pi));
            }
        }
    }
    // Largest overlap first; ties in body order, so the result never depends on hashing.
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, ci, pi) in pairs {
        if !done[ci] && !taken[pi] {
            claims[ci].claim_id.clone_from(&previous[pi].2);
            done[ci] = true;
            taken[pi] = true;
        }
    }
}
