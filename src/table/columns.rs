//! The columns of a release's two tables, in one place, derived from the records' JSON
//! Schemas so that the tables cannot drift from the records: a `date` string is a Parquet
//! DATE, an integer is int32, an enum is a plain string, a nullable field is a nullable
//! column. An enum column lists its allowed values in its field metadata; descriptions live
//! in the data dictionary, so that editing a description never changes a release's bytes.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, LazyLock};

use arrow_schema::{DataType, Field, Schema, SchemaRef};
use serde_json::Value;

/// The type a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// UTF-8 text (plain strings, enums included).
    Text,
    /// A calendar day (Parquet DATE).
    Date,
    /// A 32-bit signed integer.
    Int,
}

impl Kind {
    pub(super) fn data_type(self) -> DataType {
        match self {
            Kind::Text => DataType::Utf8,
            Kind::Date => DataType::Date32,
            Kind::Int => DataType::Int32,
        }
    }
}

/// One column of a table.
#[derive(Debug, Clone)]
pub struct Column {
    /// `snake_case` name, as in the JSON record.
    pub name: String,
    /// What it holds.
    pub kind: Kind,
    /// Whether it may be null.
    pub nullable: bool,
    /// What it means.
    pub description: String,
    /// For an enum, its values.
    pub allowed: Vec<String>,
}

/// The columns of `claims.parquet`, derived from the claim record's JSON Schema.
pub fn claim_columns() -> &'static [Column] {
    static COLUMNS: LazyLock<Vec<Column>> = LazyLock::new(|| {
        let schema: Value = serde_json::from_str(&crate::schema::claim_schema())
            .expect("the generated schema is JSON");
        columns_from_json_schema(&schema)
    });
    &COLUMNS
}

/// Columns of `claims.parquet` added after its first schema, with the record schema version
/// that added them. A release made before lacks them; reading it gives them as nulls, which
/// is what they would have held (no verdict came from a review then).
pub const ADDED_CLAIM_COLUMNS: &[(&str, &str)] =
    &[("review_id", "1.1.0"), ("verdict_source", "1.1.0")];

/// The columns of [`ADDED_CLAIM_COLUMNS`] added after record schema `version` (a table that
/// says it was written with that version lacks them rightly); none when `version` is not a
/// version.
pub(crate) fn added_after(version: &str) -> Vec<&'static str> {
    let Ok(v) = semver::Version::parse(version) else {
        return Vec::new();
    };
    ADDED_CLAIM_COLUMNS
        .iter()
        .filter(|(_, since)| semver::Version::parse(since).is_ok_and(|s| v < s))
        .map(|(c, _)| *c)
        .collect()
}

/// The issues of reading a claims table (from [`super::read_rows`]) that matter: all but the
/// columns an older release lacks because they were added after it ([`ADDED_CLAIM_COLUMNS`]).
pub(crate) fn claim_issues(issues: Vec<String>) -> Vec<String> {
    issues
        .into_iter()
        .filter(|i| {
            !ADDED_CLAIM_COLUMNS
                .iter()
                .any(|(c, _)| *i == format!("column `{c}` is missing"))
        })
        .collect()
}

/// The columns of `articles.parquet`, derived from the article row's JSON Schema.
pub fn article_columns() -> &'static [Column] {
    static COLUMNS: LazyLock<Vec<Column>> = LazyLock::new(|| {
        let schema: Value = serde_json::from_str(&crate::schema::article_schema())
            .expect("the generated schema is JSON");
        columns_from_json_schema(&schema)
    });
    &COLUMNS
}

/// The Arrow schema of a table's columns; enum columns list their allowed values in the
/// field metadata.
pub fn arrow_schema(columns: &[Column]) -> SchemaRef {
    let fields: Vec<Field> = columns
        .iter()
        .map(|c| {
            let mut meta = HashMap::new();
            if !c.allowed.is_empty() {
                meta.insert("allowed_values".to_owned(), c.allowed.join(", "));
            }
            Field::new(&c.name, c.kind.data_type(), c.nullable).with_metadata(meta)
        })
        .collect();
    Arc::new(Schema::new(fields))
}

/// Reads the record's JSON Schema into columns: `format: date` strings are dates, integers
/// are int32, `$ref`s to enums are text with their allowed values, `["…", "null"]` is
/// nullable.
fn columns_from_json_schema(schema: &Value) -> Vec<Column> {
    let defs = schema.get("$defs").and_then(Value::as_object);
    let props = schema
        .get("properties")
        .and_then(Value::as_object)
        .expect("a record schema has properties");
    props
        .iter()
        .map(|(name, p)| {
            // An optional enum is `anyOf: [{$ref}, {type: null}]`: the enum, nullable.
            let optional_ref = p.get("anyOf").and_then(Value::as_array).and_then(|alts| {
                let r = alts
                    .iter()
                    .find_map(|a| a.get("$ref").and_then(Value::as_str))?;
                let null = alts
                    .iter()
                    .any(|a| a.get("type").and_then(Value::as_str) == Some("null"));
                Some((r, null))
            });
            let reference = p
                .get("$ref")
                .and_then(Value::as_str)
                .map(|r| (r, false))
                .or(optional_ref);
            let (types, target) = match reference {
                Some((r, null)) => {
                    let def = defs
                        .and_then(|d| d.get(r.trim_start_matches("#/$defs/")))
                        .expect("refs point into $defs");
                    let mut types = vec!["string".to_owned()];
                    if null {
                        types.push("null".to_owned());
                    }
                    (types, def)
                }
                None => {
                    let types = match p.get("type") {
                        Some(Value::String(t)) => vec![t.clone()],
                        Some(Value::Array(ts)) => ts
                            .iter()
                            .filter_map(|t| t.as_str().map(str::to_owned))
                            .collect(),
                        _ => vec!["string".to_owned()],
                    };
                    (types, p)
                }
            };
            let nullable = types.iter().any(|t| t == "null");
            let kind = if types.iter().any(|t| t == "integer") {
                Kind::Int
            } else if p.get("format").and_then(Value::as_str) == Some("date") {
                Kind::Date
            } else {
                Kind::Text
            };
            Column {
                name: name.clone(),
                kind,
                nullable,
                description: p
                    .get("description")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .split_whitespace()
                    .collect::<Vec<_>>()
                    .join(" "),
                allowed: enum_values(target),
            }
        })
        .collect()
}

/// The values of an enum definition (`enum` or `oneOf` of `const`s).
fn enum_values(def: &Value) -> Vec<String> {
    if let Some(vals) = def.get("enum").and_then(Value::as_array) {
        return vals
            .iter()
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect();
    }
    def.get("oneOf")
        .and_then(Value::as_array)
        .map(|alts| {
            alts.iter()
                .filter_map(|a| a.get("const").and_then(Value::as_str).map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// The data dictionary of a release, as Markdown: every column of both tables with its type,
/// whether it may be null, its allowed values and its meaning. Committed as
/// `datasets/README.md`, and kept fresh by a test.
pub fn dictionary() -> String {
    let mut s = String::from(
        "# Datasets\n\n\
         <!-- Generated by `claimset schema --dictionary`; a test keeps it fresh. -->\n\n\
         Each folder here is a dataset: `dataset.toml` (title, description, language, source, \
         licence), `articles/` (its source articles), `corrections/` (human fixes, one TOML \
         file each), optionally `reviews/` (published fact-checks to link to its claims), \
         `releases/<version>/` and `CHANGELOG.md`.\n\n\
         ## Releases\n\n\
         A release folder holds `claims.parquet` (one row per claim), `articles.parquet` (one \
         row per input article, read or rejected) and `manifest.json` (dataset, version, schema \
         and generator versions, fingerprints of the inputs, row counts, and the size and \
         SHA-256 of every file). A dataset with `reviews/` also gets `proposed-links.jsonl`: \
         one JSON line per link between a claim and a published fact-check that the matcher \
         proposed but the release did not apply (`claim_id`, `review_id`, `rank`, `score`, \
         `reason`: `previously_fact_checked`, `claimants_differ`, `dates_apart`, \
         `below_threshold`, `incomplete_review` or `lower_ranked`; then the claim's and the \
         review's fields a reviewer needs to decide), in claim order, then rank. Parquet files are zstd-compressed, with row groups of at most \
         16,384 rows, dates as DATE, offsets and counts as int32, enums as plain strings, and \
         the dataset, version and record schema in their key-value metadata.\n\n\
         A published release is never rewritten, and `claimset verify` rebuilds it from its \
         inputs byte for byte. Versions are semantic:\n\n\
         - **patch** (1.0.1): corrections or published fact-checks only;\n\
         - **minor** (1.1.0): new articles, or better extraction;\n\
         - **major** (2.0.0): a change to the record schema.\n\n\
         Claim ids stay stable across releases: a claim whose span overlaps a claim of the \
         previous release in the same article keeps that claim's id.\n",
    );
    for (title, columns) in [
        ("claims.parquet", claim_columns()),
        ("articles.parquet", article_columns()),
    ] {
        let _ = write!(
            s,
            "\n## {title}\n\n| column | type | null | values | meaning |\n| --- | --- | --- | --- | --- |\n"
        );
        for c in columns {
            let kind = match c.kind {
                Kind::Text => "string",
                Kind::Date => "date",
                Kind::Int => "int32",
            };
            let values = if c.allowed.is_empty() {
                String::new()
            } else {
                c.allowed
                    .iter()
                    .map(|v| format!("`{v}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            };
            let _ = writeln!(
                s,
                "| `{}` | {kind} | {} | {values} | {} |",
                c.name,
                if c.nullable { "yes" } else { "no" },
                c.description.replace('|', "\\|")
            );
        }
    }
    s
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;
    use crate::record::{
        ArticleRow, ArticleStatus, ClaimRecord, ClaimantType, DateBasis, DatePrecision, Origin,
        QuoteType, VerdictSource, VerificationStatus,
    };
    use chrono::NaiveDate;
    use serde_json::Map;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("a real day")
    }

    /// A claim with every optional field null.
    pub(in crate::table) fn claim_sparse() -> ClaimRecord {
        ClaimRecord {
            claim_id: "c0123456789abcdef".into(),
            claim_text: "the bridge will open next year".into(),
            quote_type: QuoteType::Indirect,
            claimant: None,
            claimant_mention: None,
            claimant_title: None,
            claimant_type: ClaimantType::Unknown,
            cue: "said".into(),
            claim_date: day(2022, 2, 1),
            claim_date_basis: DateBasis::Article,
            claim_date_precision: DatePrecision::Day,
            article_id: "a1".into(),
            article_title: None,
            article_date: day(2022, 2, 1),
            source_url: "https://example.com/a1".into(),
            publisher: "example.com".into(),
            span_start: 0,
            span_end: 31,
            verification_status: VerificationStatus::Unverified,
            verdict_label: None,
            reviewed_by: None,
            review_url: None,
            review_date: None,
            review_id: None,
            verdict_source: None,
            origin: Origin::Extracted,
        }
    }

    /// A claim with every field set, with text that is not ASCII and a date before 1970.
    pub(in crate::table) fn claim_full() -> ClaimRecord {
        ClaimRecord {
            claim_id: "cfedcba9876543210".into(),
            claim_text: "Prices in Malmö will rise again — «soon»".into(),
            quote_type: QuoteType::Mixed,
            claimant: Some("Ana Ruiz".into()),
            claimant_mention: Some("the minister".into()),
            claimant_title: Some("Finance Minister".into()),
            claimant_type: ClaimantType::Person,
            cue: "according to".into(),
            claim_date: day(1969, 12, 31),
            claim_date_basis: DateBasis::Text,
            claim_date_precision: DatePrecision::Month,
            article_id: "000_e3ac15cbcb69a53b".into(),
            article_title: Some("Café owners expect a hard winter".into()),
            article_date: day(2022, 2, 1),
            source_url: "https://example.com/2022/cafe".into(),
            publisher: "example.com".into(),
            span_start: 2549,
            span_end: u32::try_from(i32::MAX).expect("fits"),
            verification_status: VerificationStatus::MostlyFalse,
            verdict_label: Some("Pants on Fire".into()),
            reviewed_by: Some("PolitiFact".into()),
            review_url: Some("https://www.politifact.com/factchecks/2022/feb/03/x/".into()),
            review_date: Some(day(2022, 2, 3)),
            review_id: Some("r5d3c0f1e2a4b6978".into()),
            verdict_source: Some(VerdictSource::Confirmed),
            origin: Origin::Corrected,
        }
    }

    /// The row of an input rejected before it had an id: every optional field null.
    pub(in crate::table) fn article_sparse() -> ArticleRow {
        ArticleRow {
            article_id: None,
            status: ArticleStatus::Rejected,
            claims: 0,
            article_title: None,
            article_date: None,
            source_url: None,
            publisher: None,
            text_sha256: None,
            source_file: "articles/bad.txt".into(),
            source_line: None,
            reason_code: None,
            reason: None,
        }
    }

    /// A row with every field set.
    pub(in crate::table) fn article_full() -> ArticleRow {
        ArticleRow {
            article_id: Some("a1".into()),
            status: ArticleStatus::Extracted,
            claims: 3,
            article_title: Some("Café owners expect a hard winter".into()),
            article_date: Some(day(2022, 2, 1)),
            source_url: Some("https://example.com/a1".into()),
            publisher: Some("example.com".into()),
            text_sha256: Some("ab".repeat(32)),
            source_file: "articles/corpus.jsonl".into(),
            source_line: Some(7),
            reason_code: Some("duplicate_id".into()),
            reason: Some("an article id already read".into()),
        }
    }

    /// A record as the JSON row the table layer takes.
    pub(in crate::table) fn row(record: &impl serde::Serialize) -> Map<String, Value> {
        match serde_json::to_value(record).expect("records serialize") {
            Value::Object(o) => o,
            other => panic!("a record serializes as an object, not {other}"),
        }
    }

    fn names(columns: &[Column]) -> Vec<&str> {
        columns.iter().map(|c| c.name.as_str()).collect()
    }

    fn column<'a>(columns: &'a [Column], name: &str) -> &'a Column {
        columns
            .iter()
            .find(|c| c.name == name)
            .unwrap_or_else(|| panic!("no column `{name}`"))
    }

    // The writer takes a row's values by position when the keys line up, so the columns
    // must follow the record's fields in order, and be nullable exactly where they may be
    // null.
    /// The columns are the keys of a row with every optional field empty, in order, and
    /// nullable exactly where that row holds null.
    fn assert_columns_follow(columns: &[Column], sparse: &serde_json::Map<String, Value>) {
        let keys: Vec<&str> = sparse.keys().map(String::as_str).collect();
        assert_eq!(names(columns), keys);
        for c in columns {
            assert_eq!(
                c.nullable,
                sparse[&c.name].is_null(),
                "nullability of `{}`",
                c.name
            );
        }
    }

    #[test]
    fn claim_columns_follow_the_record_fields() {
        assert_columns_follow(claim_columns(), &row(&claim_sparse()));
    }

    #[test]
    fn article_columns_follow_the_row_fields() {
        assert_columns_follow(article_columns(), &row(&article_sparse()));
    }

    #[test]
    fn claim_column_kinds_and_enum_values_come_from_the_record_types() {
        let cols = claim_columns();
        let kinds: Vec<(&str, Kind)> = cols
            .iter()
            .filter(|c| c.kind != Kind::Text)
            .map(|c| (c.name.as_str(), c.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                ("claim_date", Kind::Date),
                ("article_date", Kind::Date),
                ("span_start", Kind::Int),
                ("span_end", Kind::Int),
                ("review_date", Kind::Date),
            ]
        );
        assert_eq!(
            column(cols, "verification_status").allowed,
            [
                "unverified",
                "true",
                "mostly_true",
                "mixed",
                "mostly_false",
                "false",
                "misleading",
                "unproven",
                "satire",
                "other"
            ]
        );
        // An optional enum is still an enum: nullable, with its values listed.
        let source = column(cols, "verdict_source");
        assert!(source.nullable);
        assert_eq!(source.allowed, ["linked", "confirmed", "correction"]);
        assert!(column(cols, "claim_text").allowed.is_empty());
        assert!(!column(cols, "claim_text").description.is_empty());
    }

    #[test]
    fn arrow_schema_has_one_field_per_column_in_order() {
        for columns in [claim_columns(), article_columns()] {
            let schema = arrow_schema(columns);
            assert_eq!(schema.fields().len(), columns.len());
            for (f, c) in schema.fields().iter().zip(columns) {
                assert_eq!(f.name(), &c.name);
                assert_eq!(f.data_type(), &c.kind.data_type(), "type of `{}`", c.name);
                assert_eq!(f.is_nullable(), c.nullable, "nullability of `{}`", c.name);
                // Descriptions stay out of the file, so that rewording one never changes a
                // release's bytes; only enum values go in.
                let expected: HashMap<String, String> = if c.allowed.is_empty() {
                    HashMap::new()
                } else {
                    HashMap::from([("allowed_values".to_owned(), c.allowed.join(", "))])
                };
                assert_eq!(f.metadata(), &expected, "metadata of `{}`", c.name);
            }
        }
    }

    #[test]
    fn json_schema_rules_give_kinds_nullability_and_values() {
        let schema = serde_json::json!({
            "properties": {
                "name": {"type": "string", "description": "Who,\n   in  full."},
                "count": {"type": ["integer", "null"]},
                "day": {"type": "string", "format": "date"},
                "maybe_day": {"type": ["string", "null"], "format": "date"},
                "colour": {"$ref": "#/$defs/Colour"},
                "shape": {"anyOf": [{"$ref": "#/$defs/Shape"}, {"type": "null"}]},
                "untyped": {}
            },
            "$defs": {
                "Colour": {"enum": ["red", "green"]},
                "Shape": {"oneOf": [{"const": "round"}, {"const": "square"}]}
            }
        });
        let cols = columns_from_json_schema(&schema);
        let summary: Vec<(&str, Kind, bool, Vec<&str>)> = cols
            .iter()
            .map(|c| {
                (
                    c.name.as_str(),
                    c.kind,
                    c.nullable,
                    c.allowed.iter().map(String::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            [
                ("name", Kind::Text, false, vec![]),
                ("count", Kind::Int, true, vec![]),
                ("day", Kind::Date, false, vec![]),
                ("maybe_day", Kind::Date, true, vec![]),
                ("colour", Kind::Text, false, vec!["red", "green"]),
                ("shape", Kind::Text, true, vec!["round", "square"]),
                ("untyped", Kind::Text, false, vec![]),
            ]
        );
        assert_eq!(cols[0].description, "Who, in full.");
    }

    #[test]
    fn columns_added_after_a_version_are_those_of_later_versions() {
        assert_eq!(added_after("1.0.0"), ["review_id", "verdict_source"]);
        assert_eq!(added_after("1.0.9"), ["review_id", "verdict_source"]);
        assert!(added_after("1.1.0").is_empty());
        assert!(added_after("2.0.0").is_empty());
        assert!(added_after("not a version").is_empty());
        for (c, _) in ADDED_CLAIM_COLUMNS {
            assert!(
                claim_columns().iter().any(|k| k.name == *c && k.nullable),
                "`{c}` is a nullable claim column"
            );
        }
    }

    // Only the absence of a column added later is forgiven; the same column of a wrong type,
    // or any other column missing, is still an issue.
    #[test]
    fn claim_issues_forgive_only_missing_added_columns() {
        let issues = vec![
            "column `review_id` is missing".to_owned(),
            "column `verdict_source` is missing".to_owned(),
            "column `review_id` has type Int32, expected Utf8".to_owned(),
            "column `claim_text` is missing".to_owned(),
            "column `extra` is not part of the table".to_owned(),
        ];
        assert_eq!(
            claim_issues(issues),
            [
                "column `review_id` has type Int32, expected Utf8",
                "column `claim_text` is missing",
                "column `extra` is not part of the table",
            ]
        );
    }

    #[test]
    fn dictionary_lists_every_column_of_both_tables() {
        let d = dictionary();
        let claims = d.find("## claims.parquet").expect("claims section");
        let articles = d.find("## articles.parquet").expect("articles section");
        assert!(claims < articles);
        for (section, columns) in [
            (&d[claims..articles], claim_columns()),
            (&d[articles..], article_columns()),
        ] {
            for c in columns {
                assert!(
                    section.contains(&format!("| `{}` |", c.name)),
                    "`{}` is listed",
                    c.name
                );
            }
        }
        assert!(d.contains("| `review_date` | date | yes |"));
        assert!(d.contains("| `span_start` | int32 | no |"));
        assert!(d.contains("`linked`, `confirmed`, `correction`"));
    }
}
