//! Record rules: the published JSON Schema, then the rules a schema cannot express, each
//! documented for the people who break it. Every violation is returned as data.

use chrono::NaiveDate;
use serde_json::Value;

use crate::record::ClaimRecord;

/// A rule beyond the JSON Schema, documented for the people who break it.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// The rule's name, as reports show it.
    pub name: &'static str,
    /// What it checks.
    pub what: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// A record that breaks it.
    pub example: &'static str,
    /// How to fix a record that breaks it.
    pub fix: &'static str,
}

/// The record rules checked after the schema, in the order they are checked.
pub const RULES: &[Rule] = &[
    Rule {
        name: "span-order",
        what: "span_end is greater than span_start",
        why: "the span is the claim's source text; an empty or reversed span points at nothing",
        example: r#"{"span_start": 120, "span_end": 120}"#,
        fix: "set span_end to the offset just after the claim's last character (code points)",
    },
    Rule {
        name: "claim-date-not-after-article",
        what: "claim_date is on or before article_date",
        why: "an article reports claims made before it was published",
        example: r#"{"claim_date": "2022-02-03", "article_date": "2022-02-01"}"#,
        fix: "use the day the claim was made; a weekday in the article means the latest such day \
              on or before the article date",
    },
    Rule {
        name: "claim-text-blank",
        what: "claim_text has visible characters",
        why: "a claim with no words cannot be checked or read",
        example: r#"{"claim_text": "   "}"#,
        fix: "give the claim's words, or reject the claim with a correction",
    },
    Rule {
        name: "publisher-matches-url",
        what: "publisher is source_url's host without `www.`",
        why: "users group claims by publisher; a publisher that disagrees with the URL splits them",
        example: r#"{"source_url": "https://www.presstv.ir/x", "publisher": "Press TV"}"#,
        fix: "set publisher to the URL's host (`presstv.ir`)",
    },
    Rule {
        name: "verdict-complete",
        what: "a verdict (verification_status other than unverified) has reviewed_by, \
               review_url and review_date",
        why: "a verdict without its source cannot be checked or cited",
        example: r#"{"verification_status": "false", "reviewed_by": null}"#,
        fix: "add who reviewed the claim, the fact-check URL and its date",
    },
    Rule {
        name: "review-without-verdict",
        what: "an unverified claim has no verdict_label, reviewed_by, review_url, review_date, \
               review_id or verdict_source",
        why: "review fields without a verdict say a review happened but not what it found",
        example: r#"{"verification_status": "unverified", "verdict_label": "Pants on Fire"}"#,
        fix: "set verification_status to the verdict, or remove the review fields",
    },
    Rule {
        name: "verdict-source",
        what: "a verdict says where it came from in verdict_source, and review_id names the \
               published fact-check exactly when verdict_source is linked or confirmed",
        why: "a verdict is only as good as its source: users tell a fact-checker's verdict \
              linked by the matcher from one a person confirmed or recorded by hand",
        example: r#"{"verification_status": "false", "verdict_source": "linked", "review_id": null}"#,
        fix: "set verdict_source (`correction` for a verdict recorded by hand, with review_id \
              null; `linked` or `confirmed` with the review's review_id)",
    },
    Rule {
        name: "review-after-claim",
        what: "review_date is on or after claim_date",
        why: "a claim is reviewed after it is made",
        example: r#"{"claim_date": "2022-02-01", "review_date": "2021-12-01"}"#,
        fix: "use the date the fact-check was published",
    },
];

/// One violation: where in the record, which rule, what is wrong, and the offending value.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    /// JSON pointer into the record (`/claim_date`; empty for the whole record).
    pub pointer: String,
    /// `schema/<keyword>` for schema violations, else a rule name from [`RULES`].
    pub rule: String,
    /// What is wrong.
    pub message: String,
    /// The offending value, if one field is at fault.
    pub value: Option<Value>,
}

/// Checks records against the claim schema and [`RULES`].
pub struct RecordValidator {
    schema: jsonschema::Validator,
}

impl Default for RecordValidator {
    fn default() -> Self {
        Self::new()
    }
}

impl RecordValidator {
    /// Compiles the claim schema, with format checking (`date`, `uri`).
    pub fn new() -> Self {
        let schema: Value = serde_json::from_str(&crate::schema::claim_schema())
            .expect("the generated schema is JSON");
        let schema = jsonschema::draft202012::options()
            .should_validate_formats(true)
            .build(&schema)
            .expect("the generated schema compiles");
        RecordValidator { schema }
    }

    /// Every violation of one record given as JSON.
    pub fn check_value(&self, record: &Value) -> Vec<Violation> {
        let mut out = Vec::new();
        // Almost every record is valid, and a yes/no answer costs a fraction of collecting
        // errors: collect only for the records that fail.
        if !self.schema.is_valid(record) {
            out = self.schema_violations(record);
        }
        // The rules read typed fields; a record the schema rejects may not have them.
        if let Value::Object(o) = record {
            check_rules(o, &mut out);
        }
        out
    }

    fn schema_violations(&self, record: &Value) -> Vec<Violation> {
        self.schema
            .iter_errors(record)
            .map(|e| {
                let pointer = e.instance_path().to_string();
                let value = (!pointer.is_empty()).then(|| e.instance().clone().into_owned());
                let mut rule = format!("schema/{}", e.kind().keyword());
                let mut message = e.to_string();
                // Enums are documented value by value (`oneOf` of `const`s); say which values
                // are allowed rather than which subschemas failed.
                if (rule == "schema/oneOf" || rule == "schema/anyOf")
                    && let Some(col) = crate::table::claim_columns()
                        .iter()
                        .find(|c| pointer == format!("/{}", c.name) && !c.allowed.is_empty())
                {
                    rule = "schema/enum".into();
                    message = format!(
                        "{} is not one of: {}",
                        value.as_ref().map_or_else(String::new, ToString::to_string),
                        col.allowed.join(", ")
                    );
                }
                Violation {
                    pointer,
                    rule,
                    message,
                    value,
                }
            })
            .collect()
    }

    /// Every violation of one record.
    pub fn check(&self, record: &ClaimRecord) -> Vec<Violation> {
        let value = serde_json::to_value(record).expect("records serialize");
        self.check_value(&value)
    }
}

fn check_rules(o: &serde_json::Map<String, Value>, out: &mut Vec<Violation>) {
    let int = |k: &str| o.get(k).and_then(Value::as_i64);
    let text = |k: &str| o.get(k).and_then(Value::as_str);
    let date = |k: &str| text(k).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    // Typed presence: a value of the wrong type is the schema's to report, not a rule's.
    let present = |k: &str| o.get(k).is_some_and(Value::is_string);
    let mut push = |rule: &str, field: &str, message: String| {
        out.push(Violation {
            pointer: if field.is_empty() {
                String::new()
            } else {
                format!("/{field}")
            },
            rule: rule.to_owned(),
            message,
            value: o.get(field).cloned(),
        });
    };
    if let (Some(a), Some(b)) = (int("span_start"), int("span_end"))
        && b <= a
    {
        push(
            "span-order",
            "span_end",
            format!("span_end {b} is not after span_start {a}"),
        );
    }
    if let (Some(c), Some(a)) = (date("claim_date"), date("article_date"))
        && c > a
    {
        push(
            "claim-date-not-after-article",
            "claim_date",
            format!("claim_date {c} is after the article's date {a}"),
        );
    }
    if let Some(t) = text("claim_text")
        && !t.is_empty()
        && t.trim().is_empty()
    {
        push(
            "claim-text-blank",
            "claim_text",
            "claim_text is only whitespace".into(),
        );
    }
    if let (Some(url), Some(p)) = (text("source_url"), text("publisher"))
        && let Some(host) = crate::input::publisher(url)
        && host != p
    {
        push(
            "publisher-matches-url",
            "publisher",
            format!("publisher `{p}` is not the URL's host `{host}`"),
        );
    }
    let status = text("verification_status");
    let verdicts = crate::table::claim_columns()
        .iter()
        .find(|c| c.name == "verification_status")
        .map(|c| c.allowed.clone())
        .unwrap_or_default();
    let is_verdict = status.is_some_and(|s| s != "unverified" && verdicts.iter().any(|v| v == s));
    if is_verdict {
        for field in ["reviewed_by", "review_url", "review_date"] {
            if !present(field) {
                push(
                    "verdict-complete",
                    field,
                    format!("a verdict needs {field}"),
                );
            }
        }
        let source = text("verdict_source");
        if !present("verdict_source") {
            push(
                "verdict-source",
                "verdict_source",
                "a verdict needs verdict_source: linked, confirmed or correction".into(),
            );
        } else if matches!(source, Some("linked" | "confirmed")) && !present("review_id") {
            push(
                "verdict-source",
                "review_id",
                format!(
                    "a {} verdict names the review it comes from in review_id",
                    source.unwrap_or_default()
                ),
            );
        } else if source == Some("correction") && present("review_id") {
            push(
                "verdict-source",
                "review_id",
                "a verdict recorded by hand comes from no review: review_id is null".into(),
            );
        }
    } else if status == Some("unverified") {
        for field in [
            "verdict_label",
            "reviewed_by",
            "review_url",
            "review_date",
            "review_id",
            "verdict_source",
        ] {
            if present(field) {
                push(
                    "review-without-verdict",
                    field,
                    format!("{field} is set but the claim is unverified"),
                );
            }
        }
    }
    if let (Some(c), Some(r)) = (date("claim_date"), date("review_date"))
        && r < c
    {
        push(
            "review-after-claim",
            "review_date",
            format!("review_date {r} is before claim_date {c}"),
        );
    }
}
