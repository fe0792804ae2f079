//! Linking a dataset's reviews to the claims of a release: which review gives each claim its
//! verdict, and how — a person's decision first, then the matcher's safe link — and the
//! links proposed but not applied, each with why, for reviewers to confirm or reject.
//!
//! The order of authority, highest first:
//!
//! 1. a verdict recorded by hand in a correction: the claim takes no review at all;
//! 2. a review a person confirmed (`confirm_review`): applied even below the link threshold
//!    (the release checks first that it was not published before the claim, and that it
//!    gives a whole verdict);
//! 3. the matcher's link ([`Match::linked`]), unless a person rejected that review for that
//!    claim (`reject_review`): then the next match that is as safe takes its place, if any;
//! 4. nothing: the claim stays unverified.
//!
//! A linked review that cannot give a whole verdict (no label or rating, no reviewer, URL or
//! date) is not applied: a bad review never blocks a release, and it is listed among the
//! proposals with why. So is every other match worth a look: those below the threshold, the
//! ones of another claimant or published before the claim, down to [`PROPOSAL_FLOOR`].

use rustc_hash::FxHashMap;
use serde::Serialize;

use crate::curate::correction::{LinkDecisions, ReviewFacts};
use crate::record::{ClaimRecord, Origin, VerdictSource, VerificationStatus};

use super::claimant::Claimants;
use super::matching::{Match, MatchOptions, Matcher};
use super::{ClaimQuery, ReviewRecord};

/// The lowest score at which a match not applied is proposed to reviewers. Chosen on the gold
/// set of news claims in the tests (96 claims, 14 reviews, the 5 best matches of each claim):
/// every right review scored at least 0.35, linked or not, and 10 of the 157 wrong matches
/// scored 0.3 or more — among them the decoys a reviewer should see (the same words from
/// another claimant, or reviewed before the claim was made).
pub const PROPOSAL_FLOOR: f64 = 0.3;

/// Why a proposed link was not applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum NotApplied {
    /// The review was published before the claim was made: previously fact-checked, which is
    /// never a verdict on the claim, even confirmed by a person.
    PreviouslyFactChecked,
    /// The review names another claimant than the claim's.
    ClaimantsDiffer,
    /// The review dates the claim it judged more than a month from this claim.
    DatesApart,
    /// The matcher is not sure enough: its score is below the link threshold.
    BelowThreshold,
    /// The review would be linked, but cannot give a whole verdict (no label or rating, no
    /// reviewer, URL or date).
    IncompleteReview,
    /// Safe and sure enough, but ranked below the review chosen for the claim.
    LowerRanked,
}

/// A link the matcher proposes that the release did not apply: one line of
/// `proposed-links.jsonl`, with what a reviewer needs to decide on it without another file.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proposal {
    /// The claim's position among the claims linked, to keep proposals in claim order.
    #[serde(skip)]
    pub claim_index: usize,
    /// The claim.
    pub claim_id: String,
    /// The review.
    pub review_id: String,
    /// Its rank among the claim's matches (1 for the best).
    pub rank: usize,
    /// The matcher's probability that the review judges the claim.
    pub score: f64,
    /// Why it was not applied.
    pub reason: NotApplied,
    /// The claim's text.
    pub claim_text: String,
    /// The claim's claimant.
    pub claimant: Option<String>,
    /// When the claim was made.
    pub claim_date: Option<chrono::NaiveDate>,
    /// The claim as the fact-checker summarised it.
    pub claim_reviewed: String,
    /// Who made the claim the review judged.
    pub review_claimant: Option<String>,
    /// The fact-checker.
    pub reviewed_by: Option<String>,
    /// The fact-check.
    pub review_url: Option<String>,
    /// When it was published.
    pub review_date: Option<chrono::NaiveDate>,
    /// The fact-checker's words.
    pub verdict_label: Option<String>,
    /// The verdict on the record's scale.
    pub verification_status: VerificationStatus,
}

impl Proposal {
    /// The proposal as one line of JSON, with a newline.
    pub fn to_json_line(&self) -> String {
        let mut s = serde_json::to_string(self).expect("proposals serialize");
        s.push('\n');
        s
    }
}

/// A review that gives a claim its verdict.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied {
    /// The review: an index into the reviews linked.
    pub review: usize,
    /// How it was linked.
    pub source: VerdictSource,
    /// For an automatic link, the proposal it becomes if the record it makes turns out
    /// invalid: the release then keeps the claim unverified and lists the link instead.
    pub fallback: Option<Proposal>,
}

/// What linking decided for the claims of a release.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Links {
    /// For each claim, in the order given: the review that gives its verdict, if any.
    pub applied: Vec<Option<Applied>>,
    /// The links proposed but not applied, in claim order, then rank.
    pub proposals: Vec<Proposal>,
}

impl ReviewRecord {
    /// What this review lacks to be a claim's verdict; empty when it has a verdict (a label
    /// or rating the table reads), who published it, an absolute http(s) URL and a date.
    pub fn verdict_gaps(&self) -> Vec<&'static str> {
        let mut gaps = Vec::new();
        if self.verification_status == VerificationStatus::Unverified {
            gaps.push("verdict (neither a label nor a rating)");
        }
        if self
            .reviewed_by
            .as_deref()
            .is_none_or(|s| s.trim().is_empty())
        {
            gaps.push("reviewer");
        }
        if self
            .review_url
            .as_deref()
            .and_then(crate::input::publisher)
            .is_none()
        {
            gaps.push("absolute http(s) URL");
        }
        if self.review_date.is_none() {
            gaps.push("publication date");
        }
        gaps
    }

    /// What a decision on a link needs to know of this review.
    pub fn facts(&self) -> ReviewFacts {
        ReviewFacts {
            review_id: self.review_id.clone(),
            review_date: self.review_date,
            gaps: self.verdict_gaps(),
        }
    }

    /// Gives `record` this review's verdict, saying where it came from. A confirmed link is a
    /// correction of the record, as a verdict recorded by hand is.
    pub fn apply_verdict(&self, record: &mut ClaimRecord, source: VerdictSource) {
        record.verification_status = self.verification_status;
        record.verdict_label.clone_from(&self.verdict_label);
        record.reviewed_by.clone_from(&self.reviewed_by);
        record.review_url.clone_from(&self.review_url);
        record.review_date = self.review_date;
        record.review_id = Some(self.review_id.clone());
        record.verdict_source = Some(source);
        if source == VerdictSource::Confirmed && record.origin == Origin::Extracted {
            record.origin = Origin::Corrected;
        }
    }
}

/// Links `reviews` to `claims`: for every claim, the review that gives its verdict, and the
/// proposals not applied. `by_hand` marks the claims whose verdict a person recorded;
/// `decisions` are the maintainers' confirmations and rejections, each confirmation already
/// checked (its review exists, is not older than its claim, and gives a whole verdict).
/// Deterministic: the same inputs give the same links, whatever `options.jobs`.
pub fn link(
    claims: &[ClaimQuery],
    by_hand: &[bool],
    reviews: &[ReviewRecord],
    decisions: &LinkDecisions,
    options: &MatchOptions,
) -> Links {
    let index: FxHashMap<&str, usize> = reviews
        .iter()
        .enumerate()
        .map(|(k, r)| (r.review_id.as_str(), k))
        .collect();
    let mut links = Links {
        applied: vec![None; claims.len()],
        proposals: Vec::new(),
    };
    // Only the claims the matcher decides for are matched.
    let open: Vec<usize> = (0..claims.len())
        .filter(|&i| !by_hand[i] && !decisions.confirmed.contains_key(&claims[i].claim_id))
        .collect();
    for (i, c) in claims.iter().enumerate() {
        if by_hand[i] {
            continue;
        }
        if let Some((review, _)) = decisions.confirmed.get(&c.claim_id)
            && let Some(&k) = index.get(review.as_str())
        {
            links.applied[i] = Some(Applied {
                review: k,
                source: VerdictSource::Confirmed,
                fallback: None,
            });
        }
    }
    if reviews.is_empty() || open.is_empty() {
        return links;
    }
    let matcher = Matcher::new(reviews, claims);
    let queries: Vec<&ClaimQuery> = open.iter().map(|&i| &claims[i]).collect();
    let matched =
        super::matching::map_ordered(&queries, options.jobs, |c| matcher.match_claim(c, options));
    for (&i, matches) in open.iter().zip(matched) {
        let claim = &claims[i];
        let rejected = |m: &Match| {
            decisions
                .rejected
                .contains(&(m.claim_id.clone(), m.review_id.clone()))
        };
        // The matcher's link stands unless a person rejected it; then the next match that is
        // as safe and as sure takes its place.
        let chosen = match matches.iter().find(|m| m.linked) {
            Some(m) if !rejected(m) => Some(m),
            Some(_) => matches
                .iter()
                .find(|m| !rejected(m) && safe(m) && m.score >= options.link_threshold),
            None => None,
        };
        let mut linked = false;
        if let Some(m) = chosen {
            let k = index[m.review_id.as_str()];
            if reviews[k].verdict_gaps().is_empty() {
                links.applied[i] = Some(Applied {
                    review: k,
                    source: VerdictSource::Linked,
                    fallback: Some(proposal(
                        i,
                        claim,
                        &reviews[k],
                        m,
                        NotApplied::IncompleteReview,
                    )),
                });
                linked = true;
            }
        }
        for m in &matches {
            if m.score < PROPOSAL_FLOOR || rejected(m) {
                continue;
            }
            let is_chosen = chosen.is_some_and(|c| std::ptr::eq(c, m));
            let reason = if m.previously_fact_checked {
                NotApplied::PreviouslyFactChecked
            } else if m.claimants == Claimants::Different {
                NotApplied::ClaimantsDiffer
            } else if m.dates_apart {
                NotApplied::DatesApart
            } else if m.score < options.link_threshold {
                NotApplied::BelowThreshold
            } else if is_chosen && !linked {
                NotApplied::IncompleteReview
            } else if is_chosen {
                continue;
            } else {
                NotApplied::LowerRanked
            };
            let r = &reviews[index[m.review_id.as_str()]];
            links.proposals.push(proposal(i, claim, r, m, reason));
        }
    }
    links
}

/// Whether nothing says the review judged another utterance.
fn safe(m: &Match) -> bool {
    m.claimants != Claimants::Different && !m.previously_fact_checked && !m.dates_apart
}

fn proposal(
    claim_index: usize,
    claim: &ClaimQuery,
    r: &ReviewRecord,
    m: &Match,
    reason: NotApplied,
) -> Proposal {
    Proposal {
        claim_index,
        claim_id: claim.claim_id.clone(),
        review_id: r.review_id.clone(),
        rank: m.rank,
        score: m.score,
        reason,
        claim_text: claim.claim_text.clone(),
        claimant: claim.claimant.clone(),
        claim_date: claim.claim_date,
        claim_reviewed: r.claim_reviewed.clone(),
        review_claimant: r.claimant.clone(),
        reviewed_by: r.reviewed_by.clone(),
        review_url: r.review_url.clone(),
        review_date: r.review_date,
        verdict_label: r.verdict_label.clone(),
        verification_status: r.verification_status,
    }
}
