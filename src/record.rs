//! The claim record and its enums: the one data contract every stage reads and writes.
//!
//! The JSON Schema in `schema/claim.schema.json` is generated from these types, so the doc
//! comments here are what tool builders read as field descriptions.

use chrono::{Datelike, NaiveDate};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::input::Article;

/// Version of the record schema. Major = a breaking change to the record (a field removed,
/// renamed or retyped); minor = fields added (1.1.0: `review_id` and `verdict_source`, where a
/// verdict came from).
pub const SCHEMA_VERSION: &str = "1.1.0";

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
    /// The published fact-check the verdict comes from: the `review_id` of a review record
    /// imported from the dataset's `reviews/` folder. Null when the verdict was recorded by
    /// hand, or when there is no verdict.
    #[schemars(example = &"r5d3c0f1e2a4b6978")]
    #[schemars(regex(pattern = r"^r[0-9a-f]{16}$"))]
    pub review_id: Option<String>,
    /// Where the verdict comes from: a review linked automatically, a link a person
    /// confirmed, or a verdict a person recorded; null when there is no verdict.
    #[schemars(example = VerdictSource::Linked)]
    pub verdict_source: Option<VerdictSource>,
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

/// Where a claim's verdict comes from.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum VerdictSource {
    /// A published fact-check (`review_id`) that the matcher linked to the claim on its own:
    /// the best match, confident enough, by the same claimant, published after the claim.
    Linked,
    /// A published fact-check (`review_id`) whose link to the claim a person confirmed in a
    /// correction.
    Confirmed,
    /// A verdict a person recorded in a correction; it overrides any fact-check link.
    Correction,
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

/// What became of one input article: a row of a release's `articles.parquet`, and a line of
/// `claimset extract --articles`. Every input is one row: read, with its claim count, or
/// rejected, with why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "claimset article")]
pub struct ArticleRow {
    /// The article's id; null when the input was rejected before it had one.
    pub article_id: Option<String>,
    /// Whether the article was read (`extracted`) or rejected.
    pub status: ArticleStatus,
    /// How many claims the release holds from this article, corrections included.
    pub claims: i32,
    /// The headline.
    pub article_title: Option<String>,
    /// The publication date.
    pub article_date: Option<NaiveDate>,
    /// The article's URL.
    pub source_url: Option<String>,
    /// The URL's host without `www.`.
    pub publisher: Option<String>,
    /// SHA-256 of the article body (UTF-8), lowercase hex.
    pub text_sha256: Option<String>,
    /// The input file, relative to the dataset folder.
    pub source_file: String,
    /// The line in a JSON Lines file, or the line at fault in a rejected text file.
    pub source_line: Option<i32>,
    /// Why the article was rejected: a stable code.
    pub reason_code: Option<String>,
    /// Why the article was rejected, and what to do.
    pub reason: Option<String>,
}

/// Whether an input article was read.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum ArticleStatus {
    /// Read, and its claims extracted (possibly none).
    Extracted,
    /// Not an article that could be read: see `reason`.
    Rejected,
}

/// Where a claim lies in its article body: code-point offsets, and the source text between
/// them (which, with the article id, makes the claim's id).
#[derive(Debug, Clone, Copy)]
pub struct Span<'a> {
    /// Start, in Unicode code points.
    pub start: u32,
    /// End, in Unicode code points.
    pub end: u32,
    /// The body's text between them.
    pub source: &'a str,
}

/// What a claim says, who said it and when: the fields a record does not take from its
/// article.
#[derive(Debug, Clone)]
pub struct ClaimFields {
    /// See [`ClaimRecord::claim_text`].
    pub claim_text: String,
    /// See [`ClaimRecord::quote_type`].
    pub quote_type: QuoteType,
    /// See [`ClaimRecord::claimant`].
    pub claimant: Option<String>,
    /// See [`ClaimRecord::claimant_mention`].
    pub claimant_mention: Option<String>,
    /// See [`ClaimRecord::claimant_title`].
    pub claimant_title: Option<String>,
    /// See [`ClaimRecord::claimant_type`].
    pub claimant_type: ClaimantType,
    /// See [`ClaimRecord::cue`].
    pub cue: String,
    /// See [`ClaimRecord::claim_date`].
    pub claim_date: NaiveDate,
    /// See [`ClaimRecord::claim_date_basis`].
    pub claim_date_basis: DateBasis,
    /// See [`ClaimRecord::claim_date_precision`].
    pub claim_date_precision: DatePrecision,
}

impl ClaimRecord {
    /// The one way a record is made: the article's fields, the claim's span and id, and its
    /// own fields; unverified until a review says otherwise.
    pub fn new(article: &Article, span: Span<'_>, fields: ClaimFields, origin: Origin) -> Self {
        ClaimRecord {
            claim_id: claim_id(&article.id, span.start, span.end, span.source),
            claim_text: fields.claim_text,
            quote_type: fields.quote_type,
            claimant: fields.claimant,
            claimant_mention: fields.claimant_mention,
            claimant_title: fields.claimant_title,
            claimant_type: fields.claimant_type,
            cue: fields.cue,
            claim_date: fields.claim_date,
            claim_date_basis: fields.claim_date_basis,
            claim_date_precision: fields.claim_date_precision,
            article_id: article.id.clone(),
            article_title: article.title.clone(),
            article_date: article.date,
            source_url: article.url.clone(),
            publisher: article.publisher.clone(),
            span_start: span.start,
            span_end: span.end,
            verification_status: VerificationStatus::Unverified,
            verdict_label: None,
            reviewed_by: None,
            review_url: None,
            review_date: None,
            review_id: None,
            verdict_source: None,
            origin,
        }
    }
}

/// A claim's id: `c` and 16 hex digits of the SHA-256 of the article id, the span and the
/// text it covers. It does not depend on anything the extractor decides beyond the span.
pub fn claim_id(article_id: &str, span_start: u32, span_end: u32, source_text: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(article_id.as_bytes());
    h.update([0]);
    h.update(span_start.to_le_bytes());
    h.update(span_end.to_le_bytes());
    h.update(source_text.as_bytes());
    format!("c{}", crate::digest::hex16(&h.finalize()))
}

impl ClaimRecord {
    /// Appends the record as one line of JSON: byte for byte what `serde_json::to_writer`
    /// writes, then `\n`. Most of a record is text, and `serde_json` escapes it a byte at a
    /// time; this checks eight bytes at a step, which matters at hundreds of MB of output.
    /// Values other than text (enums, dates, numbers) still go through serde.
    pub fn write_json_line(&self, out: &mut Vec<u8>) {
        let mut o = Object::start(out);
        o.text("claim_id", &self.claim_id);
        o.text("claim_text", &self.claim_text);
        o.value("quote_type", &self.quote_type);
        o.opt_text("claimant", self.claimant.as_deref());
        o.opt_text("claimant_mention", self.claimant_mention.as_deref());
        o.opt_text("claimant_title", self.claimant_title.as_deref());
        o.value("claimant_type", &self.claimant_type);
        o.text("cue", &self.cue);
        o.date("claim_date", self.claim_date);
        o.value("claim_date_basis", &self.claim_date_basis);
        o.value("claim_date_precision", &self.claim_date_precision);
        o.text("article_id", &self.article_id);
        o.opt_text("article_title", self.article_title.as_deref());
        o.date("article_date", self.article_date);
        o.text("source_url", &self.source_url);
        o.text("publisher", &self.publisher);
        o.value("span_start", &self.span_start);
        o.value("span_end", &self.span_end);
        o.value("verification_status", &self.verification_status);
        o.opt_text("verdict_label", self.verdict_label.as_deref());
        o.opt_text("reviewed_by", self.reviewed_by.as_deref());
        o.opt_text("review_url", self.review_url.as_deref());
        match self.review_date {
            Some(d) => o.date("review_date", d),
            None => o.value("review_date", &None::<NaiveDate>),
        }
        o.opt_text("review_id", self.review_id.as_deref());
        o.value("verdict_source", &self.verdict_source);
        o.value("origin", &self.origin);
        o.out.extend_from_slice(b"}\n");
    }
}

/// A JSON object being written, compact as `serde_json` writes it.
struct Object<'a> {
    out: &'a mut Vec<u8>,
    first: bool,
}

impl<'a> Object<'a> {
    fn start(out: &'a mut Vec<u8>) -> Self {
        out.push(b'{');
        Object { out, first: true }
    }

    /// Field names are plain ASCII: written as they are.
    fn key(&mut self, key: &str) {
        self.out
            .extend_from_slice(if self.first { b"\"" } else { b",\"" });
        self.first = false;
        self.out.extend_from_slice(key.as_bytes());
        self.out.extend_from_slice(b"\":");
    }

    fn text(&mut self, key: &str, s: &str) {
        self.key(key);
        json_string(self.out, s);
    }

    fn opt_text(&mut self, key: &str, s: Option<&str>) {
        self.key(key);
        match s {
            Some(s) => json_string(self.out, s),
            None => self.out.extend_from_slice(b"null"),
        }
    }

    /// A date as chrono's serde writes it, `YYYY-MM-DD`, without going through `fmt`.
    fn date(&mut self, key: &str, d: NaiveDate) {
        let year = d.year();
        if !(0..=9999).contains(&year) {
            // Signed, wider years: rare enough to leave to chrono.
            return self.value(key, &d);
        }
        self.key(key);
        let digits = |n: u32, width: u32| {
            (0..width)
                .rev()
                .map(move |k| b'0' + (n / 10u32.pow(k) % 10) as u8)
        };
        self.out.push(b'"');
        self.out.extend(digits(year.unsigned_abs(), 4));
        self.out.push(b'-');
        self.out.extend(digits(d.month(), 2));
        self.out.push(b'-');
        self.out.extend(digits(d.day(), 2));
        self.out.push(b'"');
    }

    fn value(&mut self, key: &str, v: &impl Serialize) {
        self.key(key);
        serde_json::to_writer(&mut *self.out, v).expect("record values serialize");
    }
}

/// Appends `s` as a JSON string, escaped as `serde_json` escapes: `"`, `\`, and the control
/// characters below U+0020 (as `\n`-style escapes where JSON has one, else `\u00xx`).
fn json_string(out: &mut Vec<u8>, s: &str) {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGHS: u64 = 0x8080_8080_8080_8080;
    // The bit tricks for "some byte below n" and "some byte zero" are exact for a whole
    // word, so a word that passes has nothing to escape.
    let below = |w: u64, n: u8| w.wrapping_sub(u64::from(n) * ONES) & !w & HIGHS != 0;
    let needs_escape = |w: u64| {
        below(w, 0x20)
            || below(w ^ (u64::from(b'"') * ONES), 1)
            || below(w ^ (u64::from(b'\\') * ONES), 1)
    };
    let bytes = s.as_bytes();
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        let (word, n) = match bytes.get(i..i + 8) {
            Some(w) => (u64::from_le_bytes(w.try_into().expect("eight bytes")), 8),
            None => {
                // The tail, padded with spaces, which need no escape.
                let mut padded = [b' '; 8];
                padded[..bytes.len() - i].copy_from_slice(&bytes[i..]);
                (u64::from_le_bytes(padded), bytes.len() - i)
            }
        };
        if needs_escape(word) {
            for k in i..i + n {
                let b = bytes[k];
                let short: &[u8] = match b {
                    b'"' => b"\\\"",
                    b'\\' => b"\\\\",
                    b'\n' => b"\\n",
                    b'\r' => b"\\r",
                    b'\t' => b"\\t",
                    0x08 => b"\\b",
                    0x0c => b"\\f",
                    0x00..=0x1f => b"",
                    _ => continue,
                };
                out.extend_from_slice(&bytes[copied..k]);
                copied = k + 1;
                if short.is_empty() {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    out.extend_from_slice(b"\\u00");
                    out.push(HEX[usize::from(b >> 4)]);
                    out.push(HEX[usize::from(b & 15)]);
                } else {
                    out.extend_from_slice(short);
                }
            }
        }
        i += n;
    }
    out.extend_from_slice(&bytes[copied..]);
    out.push(b'"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn serde_line(r: &ClaimRecord) -> Vec<u8> {
        let mut v = serde_json::to_vec(r).expect("serializes");
        v.push(b'\n');
        v
    }

    fn record(text: String, claimant: Option<String>, title: Option<String>) -> ClaimRecord {
        record_on(text, claimant, title, 19_024)
    }

    /// A record dated `day` days after 1970-01-01.
    fn record_on(
        text: String,
        claimant: Option<String>,
        title: Option<String>,
        day: i32,
    ) -> ClaimRecord {
        let date = NaiveDate::from_epoch_days(day).expect("a date");
        ClaimRecord {
            claim_id: "c35e9fff6cdca91a5".into(),
            claim_text: text.clone(),
            quote_type: QuoteType::Mixed,
            claimant: claimant.clone(),
            claimant_mention: claimant,
            claimant_title: title.clone(),
            claimant_type: ClaimantType::Government,
            cue: text,
            claim_date: date,
            claim_date_basis: DateBasis::Text,
            claim_date_precision: DatePrecision::Week,
            article_id: "a\"1\\".into(),
            article_title: title,
            article_date: date,
            source_url: "https://example.com/a?b=\"c\"".into(),
            publisher: "example.com".into(),
            span_start: 0,
            span_end: u32::MAX,
            verification_status: VerificationStatus::MostlyFalse,
            verdict_label: Some("\u{7f}\u{1f}\u{0}".into()),
            reviewed_by: None,
            review_url: None,
            review_date: Some(date),
            review_id: Some("r\"\\".into()),
            verdict_source: Some(VerdictSource::Confirmed),
            origin: Origin::Corrected,
        }
    }

    #[test]
    fn every_escape_is_written_as_serde_json_writes_it() {
        let all: String = (0u8..=0x7f).map(char::from).collect();
        let r = record(format!("{all}é“—”{all}"), Some(all.clone()), None);
        let mut out = Vec::new();
        r.write_json_line(&mut out);
        assert_eq!(
            String::from_utf8_lossy(&out),
            String::from_utf8_lossy(&serde_line(&r))
        );
    }

    proptest! {
        #[test]
        fn lines_are_serde_json_lines(
            text in "\\PC*|[\"\\\\\\x00-\\x1f a-zé€😀]{0,40}",
            claimant in proptest::option::of("[\"\\\\\\x00-\\x1f a-zé]{0,20}"),
            title in proptest::option::of(any::<String>()),
            // From 20000 BC to 22000 AD: signed and five-digit years too.
            day in -8_000_000..7_300_000i32,
        ) {
            let r = record_on(text, claimant, title, day);
            let mut out = Vec::new();
            r.write_json_line(&mut out);
            prop_assert_eq!(out, serde_line(&r));
        }
    }
}
