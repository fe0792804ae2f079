//! The claim record and its enums: the one data contract every stage reads and writes.
//!
//! The JSON Schema in `schema/claim.schema.json` is generated from these types, so the doc
//! comments here are what tool builders read as field descriptions.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Version of the record schema. Major = a breaking change to the record.
pub const SCHEMA_VERSION: &str = "1.0.0";

/// One claim: a statement attributed to someone in a news article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "claimset claim record")]
pub struct ClaimRecord {
    /// Stable identifier: `c` and sixteen lowercase hex digits, derived from the article id, the
    /// span and the text it covers when the claim first appears. In a later release, a claim
    /// whose span overlaps a claim of the previous release in the same article keeps that
    /// claim's id, even when the extractor draws its boundaries differently.
    #[schemars(example = &"c35e9fff6cdca91a5")]
    #[schemars(regex(pattern = r"^c[0-9a-f]{16}$"))]
    pub claim_id: String,
    /// The claim as a readable statement: quotation marks around a direct quote removed,
    /// an interrupting attribution (`"…," he said, "…"`) replaced by ` … `, whitespace folded.
    #[schemars(example = &"the United States has ignored Moscows key concerns")]
    #[schemars(length(min = 1))]
    pub claim_text: String,
    /// Whether the claim is quoted word for word, reported, or both.
    #[schemars(example = QuoteType::Indirect)]
    pub quote_type: QuoteType,
    /// Canonical name of who made the claim, resolved within the article (`Vladimir Putin`
    /// for `the Russian leader`); null when nobody can be named.
    #[schemars(example = &"Vladimir Putin")]
    pub claimant: Option<String>,
    /// The words the article uses for the claimant where the claim is attributed (`he`,
    /// `the Russian leader`); null when the article attributes the claim only by context.
    #[schemars(example = &"the Russian leader")]
    pub claimant_mention: Option<String>,
    /// The claimant's title or role as the article gives it (`Russian President`).
    #[schemars(example = &"Russian President")]
    pub claimant_title: Option<String>,
    /// What kind of source the claimant is.
    #[schemars(example = ClaimantType::Person)]
    pub claimant_type: ClaimantType,
    /// The reporting verb or phrase that attributes the claim (`told`, `according to`).
    #[schemars(example = &"told")]
    #[schemars(length(min = 1))]
    pub cue: String,
    /// The day the claim was made (the first day of the week, month or year when the article
    /// is only that precise; see `claim_date_precision`).
    #[schemars(example = &"2022-01-29")]
    pub claim_date: NaiveDate,
    /// Whether `claim_date` comes from a date expression in the text or defaulted to the
    /// article's date.
    #[schemars(example = DateBasis::Text)]
    pub claim_date_basis: DateBasis,
    /// How precise `claim_date` is.
    #[schemars(example = DatePrecision::Day)]
    pub claim_date_precision: DatePrecision,
    /// Identifier of the article the claim comes from.
    #[schemars(example = &"000_e3ac15cbcb69a53b")]
    #[schemars(length(min = 1))]
    pub article_id: String,
    /// The article's headline, null when the input has none.
    #[schemars(example = &"Putin West ignored Russias security concerns")]
    pub article_title: Option<String>,
    /// The article's publication date.
    #[schemars(example = &"2022-02-01")]
    pub article_date: NaiveDate,
    /// The article's URL.
    #[schemars(example = &"https://www.presstv.ir/Detail/2022/02/01/675991/Putin-West-ignored-Russia-security-concerns")]
    #[schemars(url)]
    pub source_url: String,
    /// The site that published the article: the URL's host without `www.`.
    #[schemars(example = &"presstv.ir")]
    #[schemars(length(min = 1))]
    pub publisher: String,
    /// Start of the claim in the article body, in Unicode code points, so that Python's
    /// `body[span_start:span_end]` is the claim's source text.
    #[schemars(example = 2549)]
    pub span_start: u32,
    /// End (exclusive) of the claim in the article body, in Unicode code points.
    #[schemars(example = 2700)]
    pub span_end: u32,
    /// Fact-check verdict; `unverified` until a reviewer records one.
    #[schemars(example = VerificationStatus::Unverified)]
    pub verification_status: VerificationStatus,
    /// The reviewer's own wording of the verdict (`Pants on Fire`, `Missing context`).
    #[schemars(example = &"Mostly False")]
    pub verdict_label: Option<String>,
    /// Who reviewed the claim: a person or a fact-checking organisation.
    #[schemars(example = &"PolitiFact")]
    pub reviewed_by: Option<String>,
    /// The fact-check article that supports the verdict.
    #[schemars(example = &"https://www.politifact.com/factchecks/2022/feb/03/example/")]
    #[schemars(url)]
    pub review_url: Option<String>,
    /// When the verdict was published.
    #[schemars(example = &"2022-02-03")]
    pub review_date: Option<NaiveDate>,
    /// Whether the record came from the extractor, was changed by a correction, or was added
    /// by one.
    #[schemars(example = Origin::Extracted)]
    pub origin: Origin,
}

/// Whether a claim is quoted word for word, reported, or both.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum QuoteType {
    /// Word for word: entirely inside quotation marks, or a speaker's turn in an interview
    /// transcript (`REYES: I will sign …`).
    Direct,
    /// Reported speech, with no quotation marks (including quotes that lost their marks).
    Indirect,
    /// Reported speech that quotes some words (`saying London planned a "major" deployment`).
    Mixed,
}

/// What kind of source made a claim.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ClaimantType {
    /// A named or described individual.
    Person,
    /// A company, party, campaign, news outlet, study or other non-state body.
    Organization,
    /// A state, its capital used as a metonym (`Moscow`), or a government body.
    Government,
    /// An unnamed source (`a senior State Department official`).
    Anonymous,
    /// The article does not say who.
    Unknown,
}

/// Where a claim date comes from.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DateBasis {
    /// A date expression in the attribution (`on Saturday`, `last month`, `Jan. 5`).
    Text,
    /// No date expression: the article's publication date.
    Article,
}

/// How precise a claim date is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum DatePrecision {
    /// The exact day.
    Day,
    /// The week starting on `claim_date` (a Monday): `last week`.
    Week,
    /// The month starting on `claim_date`: `last month`.
    Month,
    /// The year starting on `claim_date`: `in 2015`.
    Year,
}

/// A fact-check verdict.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum VerificationStatus {
    /// Not reviewed yet.
    Unverified,
    /// Accurate.
    True,
    /// Accurate but needs clarification.
    MostlyTrue,
    /// Partly accurate, partly not.
    Mixed,
    /// Contains an element of truth but ignores critical facts.
    MostlyFalse,
    /// Not accurate.
    False,
    /// Accurate facts presented to give a false impression.
    Misleading,
    /// Cannot be proven or disproven with the evidence available.
    Unproven,
    /// Satire or parody, not meant as a factual statement.
    Satire,
    /// A verdict that fits none of the above; see `verdict_label`.
    Other,
}

/// How a record came to be.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// Produced by the extractor, unchanged.
    Extracted,
    /// Produced by the extractor, then changed by a correction.
    Corrected,
    /// Added by a correction: a claim the extractor missed.
    Added,
}
