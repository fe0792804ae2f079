//! The documented rules of decisions on links to published fact-checks (`confirm_review`,
//! `reject_review`): what, why, an example, the fix, as `claimset validate --rules` prints
//! them and as problems quote their fix.

use crate::curate::Rule;

/// The rules a decision on a link is checked against, beyond the shape every correction has:
/// what, why, an example, the fix. `claimset validate --rules` prints them.
pub const LINK_RULES: &[Rule] = &[
    Rule {
        name: "review-id-format",
        what: "`review` is a review id: `r` and 16 lowercase hex digits",
        why: "a decision names one review of the dataset by its stable id, which stays the same \
              whichever feed the fact-check came through",
        example: r#"review = "politifact-2022-02-03""#,
        fix: "copy the review_id from the release's proposed-links.jsonl, or from `claimset \
              reviews import datasets/<name>/reviews`",
    },
    Rule {
        name: "unknown-review",
        what: "the review is one of the dataset's reviews: imported from a file in its reviews/ \
               folder",
        why: "the verdict is taken from the review record; a review the dataset does not hold \
              has no verdict to give, and a rejection of it decides nothing",
        example: r#"review = "r0000000000000000" (no file in reviews/ holds it)"#,
        fix: "add the fact-check to reviews/ (any form `claimset reviews import` reads), correct \
              the id, or remove the correction",
    },
    Rule {
        name: "review-before-claim",
        what: "a confirmed review was published on or after the day the claim was made",
        why: "a review published before the claim judged an earlier utterance: the claim is \
              previously fact-checked, which is not a verdict on it (facts change)",
        example: "claim_date 2022-02-01, the review's datePublished 2021-11-03",
        fix: "remove the confirmation; if a fact-checker judged this claim anew, add that review, \
              or record the verdict with `claimset correct DATASET CLAIM --verdict …`",
    },
    Rule {
        name: "review-incomplete",
        what: "a confirmed review gives a verdict (a label or a rating), who published it, an \
               absolute http(s) URL and a publication date",
        why: "a verdict without its source cannot be checked or cited, and the record would \
              break the verdict-complete rule",
        example: "a ClaimReview without datePublished, or without reviewRating",
        fix: "complete the review in reviews/ from the fact-check's page, or record the verdict \
              by hand with `claimset correct DATASET CLAIM --verdict …`",
    },
    Rule {
        name: "link-conflict",
        what: "a claim has at most one confirmed review, not also a verdict recorded by hand, and \
               no review both confirmed and rejected",
        why: "two answers to one question: a release must not pick one of them silently",
        example: "c…-confirm_review-r1.toml and c…-verdict.toml for the same claim",
        fix: "keep one of the corrections",
    },
];

/// The documented link rule called `name`.
pub(crate) fn rule(name: &str) -> &'static Rule {
    LINK_RULES
        .iter()
        .find(|r| r.name == name)
        .expect("a documented link rule")
}
