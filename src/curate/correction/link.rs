//! Decisions on links to published fact-checks: a maintainer confirms or rejects, by pull
//! request, what the matcher linked or proposed (`confirm_review`, `reject_review`). This file
//! owns the decisions as data for the release, and the checks of a decision against the
//! dataset's reviews and of a confirmation against its claim ([`super::link_rules`] documents
//! the rules).
//!
//! A person's decision always wins over the matcher: a confirmed review is the claim's
//! verdict even below the link threshold, a rejected one never is. One rule holds even
//! against a person: a review published before the claim was made judged an earlier
//! utterance (the claim is *previously fact-checked*), so it is never the claim's verdict.
//! A verdict recorded by hand (`verdict`) beats any automatic link; a claim may not have both
//! a verdict by hand and a confirmed review, which would be two answers to one question.

use std::collections::{BTreeMap, BTreeSet};

use chrono::NaiveDate;

use crate::curate::Problem;

use super::Correction;
use super::link_rules::rule;
use super::load::Corrections;

/// What a decision on a link needs to know of its review (the review records themselves are
/// the next stage's: curation sees only these facts).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReviewFacts {
    /// The review's id.
    pub review_id: String,
    /// When it was published, if it says.
    pub review_date: Option<NaiveDate>,
    /// What it lacks to give a whole verdict (`reviewer`, `publication date`, …); empty
    /// when nothing.
    pub gaps: Vec<&'static str>,
}

/// What maintainers decided about links, from the corrections that have no problem.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LinkDecisions {
    /// Claim id → (review id, index of the correction in [`Corrections::loaded`]).
    pub confirmed: BTreeMap<String, (String, usize)>,
    /// (claim id, review id) pairs a person rejected.
    pub rejected: BTreeSet<(String, String)>,
    /// Index of each decision's correction, with its review id, to check the review exists.
    pub named: Vec<(usize, String)>,
}

impl LinkDecisions {
    /// Whether no decision was made.
    pub fn is_empty(&self) -> bool {
        self.named.is_empty()
    }
}

impl Corrections {
    /// The decisions on links, from the corrections without problems.
    pub fn link_decisions(&self) -> LinkDecisions {
        let mut d = LinkDecisions::default();
        for (k, l) in self.loaded.iter().enumerate() {
            if l.faulty {
                continue;
            }
            match &l.correction {
                Correction::ConfirmReview { claim, review, .. } => {
                    d.confirmed.insert(claim.clone(), (review.clone(), k));
                    d.named.push((k, review.clone()));
                }
                Correction::RejectReview { claim, review, .. } => {
                    d.rejected.insert((claim.clone(), review.clone()));
                    d.named.push((k, review.clone()));
                }
                _ => {}
            }
        }
        d
    }

    /// The problem of correction `k` when its review is not among the dataset's.
    pub(crate) fn unknown_review(&self, k: usize) -> Problem {
        let l = &self.loaded[k];
        let r = rule("unknown-review");
        l.problem(
            l.line_of(None, "review"),
            "unknown-review",
            format!(
                "no review {} among the dataset's reviews/",
                l.correction.review().unwrap_or_default()
            ),
            r.fix,
        )
    }

    /// Why the review confirmed by correction `k` cannot be the verdict of a claim made on
    /// `claim_date`: published before it, or without what a verdict needs.
    pub(crate) fn refuse_confirmation(
        &self,
        k: usize,
        claim_date: NaiveDate,
        review: &ReviewFacts,
    ) -> Option<Problem> {
        let l = &self.loaded[k];
        let line = l.line_of(None, "review");
        if let Some(published) = review.review_date
            && published < claim_date
        {
            return Some(l.problem(
                line,
                "review-before-claim",
                format!(
                    "review {} was published on {published}, before the claim was made on \
                     {claim_date}: it judged an earlier utterance (previously fact-checked), \
                     so it is not this claim's verdict",
                    review.review_id
                ),
                rule("review-before-claim").fix,
            ));
        }
        let gaps = &review.gaps;
        (!gaps.is_empty()).then(|| {
            l.problem(
                line,
                "review-incomplete",
                format!(
                    "review {} cannot give a verdict: it has no {}",
                    review.review_id,
                    gaps.join(", no ")
                ),
                rule("review-incomplete").fix,
            )
        })
    }
}
