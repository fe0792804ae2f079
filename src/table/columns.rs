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
