//! Matching claims to reviews: for each claim, the reviews that judge the same statement,
//! ranked, and the one link (if any) safe to apply automatically.
//!
//! Ranking: BM25 over each review's claim, headline and claimant picks the candidates; the
//! re-ranker ([`super::rerank`]) orders them by the probability that the review judges the
//! claim.
//!
//! Ties, in BM25 score and in probability, go to the review read first: its position in the
//! reviews given, which `Imported` keeps in input order (files in the order named, then
//! line by line, then document order within a line or a file). Matching is deterministic —
//! the same inputs give the same output — and when a fact-checker's review is published
//! twice (a feed that repeats it, an aggregator's copy), the first published copy wins. A
//! copy shares its original's BM25 score, and so the margin over the next lower score; the
//! BM25 rank among them, one of the re-ranker's features, follows input order too.
//!
//! Linking is stricter than ranking. At most one match per claim is `linked`: the best-ranked
//! whose probability reaches [`LINK_THRESHOLD`] and of which nothing says it judged another
//! utterance:
//!
//! - **claimant**: a review of the same words by someone else is not this claim's verdict,
//!   so two known claimants must agree ([`super::claimant`]);
//! - **review date**: a review published before the claim was made judged an earlier
//!   utterance. The claim is *previously fact-checked* — the review is ranked, useful to a
//!   fact-checker — but facts change, so it is never this claim's verdict;
//! - **claim date**: when the review dates the claim it judged, that date must be within
//!   [`DATE_WINDOW_DAYS`] of this claim's.
//!
//! [`LINK_THRESHOLD`] was chosen on the CLEF `CheckThat!` 2020 task 2 train split (tweets and
//! the Snopes fact-check each repeats) as the lowest probability at which the best-ranked
//! review was the right fact-check, or a word-for-word copy of it, for at least 98% of tweets
//! in 5-fold cross-validation (98.0%, for 57% of them; 98.5%, for half, when ties went to the
//! smaller review id); the README gives the precision it gave on dev and on the gold set of
//! news claims in the tests.

use serde::Serialize;

use super::claimant::{self, Claimants};
use super::rerank::{self, FEATURES, Model};
use super::retrieval::Index;
use super::{ClaimQuery, ReviewRecord};

/// The probability from which a best-ranked match may be linked.
pub const LINK_THRESHOLD: f64 = 0.7;

/// How far apart, in days, a claim's date and the date a review gives its claim may be for a
/// link.
pub const DATE_WINDOW_DAYS: i64 = 31;

/// How to match.
#[derive(Debug, Clone)]
pub struct MatchOptions {
    /// Matches kept per claim.
    pub top: usize,
    /// Probability from which the best match may be linked.
    pub link_threshold: f64,
    /// The re-ranker.
    pub model: Model,
    /// Worker threads; 0 uses every core. The matches do not depend on it.
    pub jobs: usize,
}

impl Default for MatchOptions {
    fn default() -> Self {
        MatchOptions {
            top: 5,
            link_threshold: LINK_THRESHOLD,
            model: Model::committed(),
            jobs: 0,
        }
    }
}

/// How to fit a re-ranker.
#[derive(Debug, Clone)]
pub struct TrainOptions {
    /// Candidates per claim, from BM25: the examples, and what the model will re-rank.
    pub candidates: usize,
    /// L2 penalty on the weights.
    pub l2: f64,
    /// What the model is trained on, recorded in it for people reading the file.
    pub trained_on: String,
    /// Worker threads for the examples; 0 uses every core. The model does not depend on it.
    pub jobs: usize,
}

/// One ranked review for one claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Match {
    /// The claim.
    pub claim_id: String,
    /// The review.
    pub review_id: String,
    /// 1 for the claim's best match.
    pub rank: usize,
    /// Probability that the review judges the claim, from the re-ranker.
    pub score: f64,
    /// Whether the link is safe to apply automatically.
    pub linked: bool,
    /// How the claim's claimant compares with the review's.
    pub claimants: Claimants,
    /// The review was published before the claim was made: previously fact-checked.
    pub previously_fact_checked: bool,
    /// The review dates its claim more than [`DATE_WINDOW_DAYS`] from this claim's date.
    pub dates_apart: bool,
}

/// The feature rows of each claim's candidates, and which review each row is.
pub(crate) struct Candidates {
    pub(crate) reviews: Vec<usize>,
    pub(crate) rows: Vec<[f64; FEATURES.len()]>,
}

/// Reviews indexed once, to match many claims against.
pub struct Matcher<'a> {
    reviews: &'a [ReviewRecord],
    index: Index,
}

impl<'a> Matcher<'a> {
    /// Indexes the reviews, counting word rarity over them and the claims to be matched.
    /// Their order is the order ties are broken in: give them as they were read.
    pub fn new(reviews: &'a [ReviewRecord], claims: &[ClaimQuery]) -> Self {
        let background: Vec<&str> = claims.iter().map(|c| c.claim_text.as_str()).collect();
        Matcher {
            reviews,
            index: Index::build(reviews, &background),
        }
    }

    /// The `k` best candidates of a claim by BM25, with their features.
    pub(crate) fn candidates(&self, claim: &ClaimQuery, k: usize) -> Candidates {
        let names: Vec<String> = claim.claimant.iter().cloned().collect();
        let q = self.index.query(&claim.claim_text, &names);
        let scores = self.index.scores(&q);
        let mut order: Vec<usize> = (0..self.index.len())
            .filter(|&d| scores[0][d] > 0.0)
            .collect();
        // Ties go to the review read first (see the module's documentation).
        order.sort_by(|&a, &b| scores[0][b].total_cmp(&scores[0][a]).then(a.cmp(&b)));
        order.truncate(k);
        let best = order.first().map_or(0.0, |&d| scores[0][d]);
        let rows = order
            .iter()
            .enumerate()
            .map(|(rank, &d)| {
                let bm = [scores[0][d], scores[1][d], scores[2][d]];
                // The next lower score: copies of one review share it, so they stay tied.
                let next = order[rank..]
                    .iter()
                    .map(|&n| scores[0][n])
                    .find(|&x| x < scores[0][d])
                    .unwrap_or(0.0);
                rerank::features(&self.index, &q, &self.index.docs[d], bm, (best, next), rank)
            })
            .collect();
        Candidates {
            reviews: order,
            rows,
        }
    }

    /// The ranked matches of every claim, in claim order, found on `options.jobs` threads.
    pub fn match_all(&self, claims: &[ClaimQuery], options: &MatchOptions) -> Vec<Vec<Match>> {
        map_ordered(claims, options.jobs, |c| self.match_claim(c, options))
    }

    /// The ranked matches of one claim.
    pub fn match_claim(&self, claim: &ClaimQuery, options: &MatchOptions) -> Vec<Match> {
        let c = self.candidates(claim, options.model.candidates);
        let mut scored: Vec<(f64, usize)> = c
            .rows
            .iter()
            .zip(&c.reviews)
            .map(|(x, &d)| (options.model.probability(x), d))
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.truncate(options.top);
        let mut linked_one = false;
        scored
            .into_iter()
            .enumerate()
            .map(|(k, (p, d))| {
                let r = &self.reviews[d];
                let claimants = claimant::compare(claim.claimant.as_deref(), r.claimant.as_deref());
                let previously_fact_checked = matches!(
                    (r.review_date, claim.claim_date),
                    (Some(rd), Some(cd)) if rd < cd
                );
                let dates_apart = matches!(
                    (r.claim_date, claim.claim_date),
                    (Some(a), Some(b)) if (a - b).num_days().abs() > DATE_WINDOW_DAYS
                );
                // The best match that is not another utterance: a review of the same words by
                // someone else may rank above the right one, and must not hide it.
                let linked = !linked_one
                    && p >= options.link_threshold
                    && claimants != Claimants::Different
                    && !previously_fact_checked
                    && !dates_apart;
                linked_one |= linked;
                Match {
                    claim_id: claim.claim_id.clone(),
                    review_id: r.review_id.clone(),
                    rank: k + 1,
                    score: (p * 1e6).round() / 1e6,
                    linked,
                    claimants,
                    previously_fact_checked,
                    dates_apart,
                }
            })
            .collect()
    }
}

/// Ranks, for every claim, the reviews that judge the same statement, best first, in claim
/// order.
pub fn match_claims(
    claims: &[ClaimQuery],
    reviews: &[ReviewRecord],
    options: &MatchOptions,
) -> Vec<Match> {
    Matcher::new(reviews, claims)
        .match_all(claims, options)
        .into_iter()
        .flatten()
        .collect()
}

/// `f` over `items` on `jobs` threads (0: one per core), the results in input order. Each
/// thread takes one contiguous share, so the output never depends on the number of threads.
pub(super) fn map_ordered<T: Sync, R: Send>(
    items: &[T],
    jobs: usize,
    f: impl Fn(&T) -> R + Sync,
) -> Vec<R> {
    let threads = match jobs {
        0 => std::thread::available_parallelism().map_or(1, usize::from),
        n => n,
    }
    .min(items.len())
    .max(1);
    if threads == 1 {
        return items.iter().map(f).collect();
    }
    let share = items.len().div_ceil(threads);
    let f = &f;
    std::thread::scope(|s| {
        let shares: Vec<_> = items
            .chunks(share)
            .map(|chunk| s.spawn(move || chunk.iter().map(f).collect::<Vec<R>>()))
            .collect();
        shares
            .into_iter()
            .flat_map(|h| h.join().expect("a matching thread does not panic"))
            .collect()
    })
}

/// Fits a re-ranker on claims paired with the reviews that judge them: every claim's BM25
/// candidates are rows, labelled by whether the pair is listed. The fit is deterministic:
/// the same inputs give the same model, whatever the number of threads.
pub fn train(
    claims: &[ClaimQuery],
    reviews: &[ReviewRecord],
    pairs: &[(String, String)],
    options: &TrainOptions,
) -> Model {
    let (rows, labels): (Vec<_>, Vec<_>) =
        examples(claims, reviews, pairs, options.candidates, options.jobs)
            .into_iter()
            .map(|(_, _, row, label)| (row, label))
            .unzip();
    let (mean, scale, weights, bias) = rerank::fit(&rows, &labels, options.l2);
    Model {
        trained_on: options.trained_on.clone(),
        candidates: options.candidates,
        l2: options.l2,
        features: FEATURES.iter().map(|s| (*s).to_owned()).collect(),
        mean,
        scale,
        weights,
        bias,
    }
}

/// One example for the re-ranker: a claim and a candidate review (indices into the inputs),
/// the pair's features, and whether the pair is listed.
pub type Example = (usize, usize, [f64; FEATURES.len()], bool);

/// The re-ranker's examples: every claim's BM25 candidates, in claim order, then BM25 order,
/// found on `jobs` threads (0: one per core).
pub fn examples(
    claims: &[ClaimQuery],
    reviews: &[ReviewRecord],
    pairs: &[(String, String)],
    candidates: usize,
    jobs: usize,
) -> Vec<Example> {
    let m = Matcher::new(reviews, claims);
    let mut gold: Vec<(&str, &str)> = pairs
        .iter()
        .map(|(c, r)| (c.as_str(), r.as_str()))
        .collect();
    gold.sort_unstable();
    let indexed: Vec<(usize, &ClaimQuery)> = claims.iter().enumerate().collect();
    map_ordered(&indexed, jobs, |&(k, claim)| {
        let c = m.candidates(claim, candidates);
        c.rows
            .into_iter()
            .zip(c.reviews)
            .map(|(row, d)| {
                let key = (claim.claim_id.as_str(), reviews[d].review_id.as_str());
                (k, d, row, gold.binary_search(&key).is_ok())
            })
            .collect::<Vec<Example>>()
    })
    .into_iter()
    .flatten()
    .collect()
}
