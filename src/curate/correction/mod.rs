//! Human corrections: one TOML file per fix under `datasets/<name>/corrections/`, loaded and
//! checked ([`load`]: every problem at once, with file and line), applied to an article's
//! claims at release time ([`apply`]) so that fixes survive re-extraction, and written by
//! `claimset correct` ([`request`]) in the one canonical form. Decisions on links to
//! published fact-checks ([`link`]) are applied by the release, once every claim is known.
//!
//! A file is applied whole or not at all: a release with any problem in any correction is not
//! written.

mod link_rules;
mod load;
mod apply;
mod link;
mod request;

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::record::{ClaimantType, DatePrecision, QuoteType, VerificationStatus};

pub use apply::Applied;
pub use link::{LinkDecisions, ReviewFacts};
pub use link_rules::LINK_RULES;
pub use load::{Corrections, Loaded};
pub use request::{Refused, Request, RequestAction, write_new};

/// Version of the correction file format.
pub const CORRECTION_VERSION: &str = "1.0.0";

/// The schema of a correction file (TOML, read as JSON by any JSON Schema validator), as
/// committed in `schema/correction.schema.json`.
pub fn correction_schema() -> String {
    crate::schema::generate::<Correction>("correction", CORRECTION_VERSION, false)
}

/// One correction file: what it does (`action`), to which claim, why, and the action's table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(tag = "action", rename_all = "snake_case", deny_unknown_fields)]
#[schemars(title = "claimset correction")]
pub enum Correction {
    /// Change fields of a claim.
    Set {
        /// The claim corrected: its id in the latest release.
        #[schemars(regex(pattern = r"^c[0-9a-f]{16}$"))]
        claim: String,
        /// Why: what was wrong. Reviewers read it.
        #[schemars(length(min = 1))]
        reason: String,
        /// The fields to set.
        set: SetFields,
    },
    /// Take a record out of the dataset: not a claim, or a duplicate.
    Reject {
        /// The claim taken out: its id in the latest release.
        #[schemars(regex(pattern = r"^c[0-9a-f]{16}$"))]
        claim: String,
        /// Why it is not a claim. Reviewers read it.
        #[schemars(length(min = 1))]
        reason: String,
    },
    /// Record a fact-check verdict.
    Verdict {
        /// The claim judged: its id in the latest release.
        #[schemars(regex(pattern = r"^c[0-9a-f]{16}$"))]
        claim: String,
        /// Where the verdict comes from. Reviewers read it.
        #[schemars(length(min = 1))]
        reason: String,
        /// The verdict.
        verdict: Verdict,
    },
    /// Confirm that a published fact-check of the dataset's `reviews/` judges the claim: its
    /// verdict becomes the claim's, even when the matcher was not sure enough to link it.
    ConfirmReview {
        /// The claim judged: its id in the latest release.
        #[schemars(regex(pattern = r"^c[0-9a-f]{16}$"))]
        claim: String,
        /// The review: its `review_id`, as `proposed-links.jsonl` or `claimset reviews import`
        /// give it.
        #[schemars(regex(pattern = r"^r[0-9a-f]{16}$"))]
        review: String,
        /// Why the review judges this very statement. Reviewers read it.
        #[schemars(length(min = 1))]
        reason: String,
    },
    /// Say that a published fact-check does not judge the claim: the matcher's link, or its
    /// proposal, is never applied to it.
    RejectReview {
        /// The claim: its id in the latest release.
        #[schemars(regex(pattern = r"^c[0-9a-f]{16}$"))]
        claim: String,
        /// The review: its `review_id`.
        #[schemars(regex(pattern = r"^r[0-9a-f]{16}$"))]
        review: String,
        /// Why the review judges another statement. Reviewers read it.
        #[schemars(length(min = 1))]
        reason: String,
    },
    /// Add a claim the extractor missed.
    Add {
        /// Why it is a claim. Reviewers read it.
        #[schemars(length(min = 1))]
        reason: String,
        /// The claim.
        add: NewClaim,
    },
}

/// Fields a correction may set. Fields left out keep their values; `clear` empties optional
/// ones.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SetFields {
    /// The claim as a readable statement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_text: Option<String>,
    /// direct, indirect or mixed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_type: Option<QuoteType>,
    /// Canonical name of who made the claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimant: Option<String>,
    /// The words the article uses for the claimant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimant_mention: Option<String>,
    /// The claimant's title or role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimant_title: Option<String>,
    /// person, organization, government, anonymous or unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimant_type: Option<ClaimantType>,
    /// The reporting verb or phrase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// The day the claim was made (its basis becomes `text`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_date: Option<NaiveDate>,
    /// How precise `claim_date` is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_date_precision: Option<DatePrecision>,
    /// Optional fields to set to null: `claimant`, `claimant_mention`, `claimant_title`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clear: Vec<Clearable>,
}

/// Optional fields a correction may empty.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Clearable {
    /// `claimant`
    Claimant,
    /// `claimant_mention`
    ClaimantMention,
    /// `claimant_title`
    ClaimantTitle,
}

/// A fact-check verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Verdict {
    /// The verdict on the fixed scale (not `unverified`).
    pub status: VerificationStatus,
    /// The reviewer's own wording (`Pants on Fire`).
    #[schemars(length(min = 1))]
    pub label: String,
    /// Who reviewed the claim.
    #[schemars(length(min = 1))]
    pub reviewed_by: String,
    /// The fact-check article.
    #[schemars(url)]
    pub url: String,
    /// When the fact-check was published.
    pub date: NaiveDate,
}

/// A claim the extractor missed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NewClaim {
    /// The article's id.
    #[schemars(length(min = 1))]
    pub article: String,
    /// The claim's source text exactly as it appears in the article body; its span is
    /// computed from it.
    #[schemars(length(min = 1))]
    pub text: String,
    /// Which appearance of `text` (1 for the first), when it appears more than once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub occurrence: Option<u32>,
    /// The claim as a readable statement, if it differs from `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_text: Option<String>,
    /// direct, indirect or mixed.
    pub quote_type: QuoteType,
    /// Canonical name of who made the claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimant: Option<String>,
    /// The words the article uses for the claimant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimant_mention: Option<String>,
    /// The claimant's title or role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimant_title: Option<String>,
    /// person, organization, government, anonymous or unknown.
    pub claimant_type: ClaimantType,
    /// The reporting verb or phrase.
    #[schemars(length(min = 1))]
    pub cue: String,
    /// The day the claim was made; the article's date when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_date: Option<NaiveDate>,
    /// How precise `claim_date` is (day when left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_date_precision: Option<DatePrecision>,
}

impl Correction {
    /// The canonical text of this correction: what `claimset correct` writes and what every
    /// correction file must be byte for byte.
    pub fn to_canonical(&self) -> String {
        toml::to_string(self).expect("corrections serialize to TOML")
    }

    /// The action's name, as written in the file.
    pub fn action(&self) -> &'static str {
        match self {
            Correction::Set { .. } => "set",
            Correction::Reject { .. } => "reject",
            Correction::Verdict { .. } => "verdict",
            Correction::ConfirmReview { .. } => "confirm_review",
            Correction::RejectReview { .. } => "reject_review",
            Correction::Add { .. } => "add",
        }
    }

    /// The review a link decision names; `None` for other actions.
    pub fn review(&self) -> Option<&str> {
        match self {
            Correction::ConfirmReview { review, .. } | Correction::RejectReview { review, .. } => {
                Some(review)
            }
            _ => None,
        }
    }

    /// The claim corrected; `None` for an added claim.
    pub fn claim(&self) -> Option<&str> {
        match self {
            Correction::Set { claim, .. }
            | Correction::Reject { claim, .. }
            | Correction::Verdict { claim, .. }
            | Correction::ConfirmReview { claim, .. }
            | Correction::RejectReview { claim, .. } => Some(claim),
            Correction::Add { .. } => None,
        }
    }

    /// Why.
    pub fn reason(&self) -> &str {
        match self {
            Correction::Set { reason, .. }
            | Correction::Reject { reason, .. }
            | Correction::Verdict { reason, .. }
            | Correction::ConfirmReview { reason, .. }
            | Correction::RejectReview { reason, .. }
            | Correction::Add { reason, .. } => reason,
        }
    }

    /// The file name a correction should have: `<claim>-<action>.toml`,
    /// `<claim>-<action>-<review>.toml` for a decision on a link (one claim may have several),
    /// or `add-<article>-<8 hex of the text's hash>.toml`. Ids are checked against their
    /// patterns before any name is built from them.
    pub fn file_name(&self) -> String {
        match self {
            Correction::Add { add, .. } => {
                use sha2::Digest;
                let h = sha2::Sha256::digest(add.text.as_bytes());
                format!(
                    "add-{}-{}.toml",
                    article_part(&add.article),
                    &crate::digest::hex(&h)[..8]
                )
            }
            c => match c.review() {
                Some(r) if is_review_id(r) => {
                    format!("{}-{}-{r}.toml", c.claim().unwrap_or_default(), c.action())
                }
                _ => format!("{}-{}.toml", c.claim().unwrap_or_default(), c.action()),
            },
        }
    }
}

/// Whether `id` has the review id's pattern: `r` and 16 lowercase hex digits.
pub fn is_review_id(id: &str) -> bool {
    id.len() == 17
        && id.starts_with('r')
        && id[1..]
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Whether `id` has the claim id's pattern: `c` and 16 lowercase hex digits.
pub fn is_claim_id(id: &str) -> bool {
    id.len() == 17
        && id.starts_with('c')
        && id[1..]
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// Whether `id` can be an article id named in a file name: letters, digits, `.`, `_` and
/// `-`, not starting with `.`, at most 200 bytes. Every path built from an article id is
/// checked against this first, so that `x/../../y` never becomes a path.
pub fn is_safe_article_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 200
        && !id.starts_with('.')
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// An article id as it may appear in a file name: itself when [`is_safe_article_id`], else
/// `x` and the first 16 hex digits of its SHA-256.
pub(crate) fn article_part(article: &str) -> String {
    if is_safe_article_id(article) {
        article.to_owned()
    } else {
        use sha2::Digest;
        format!(
            "x{}",
            crate::digest::hex16(&sha2::Sha256::digest(article.as_bytes()))
        )
    }
}
