//! The Arrow schemas of a release's tables, in one place, and the conversion between JSON
//! rows and Arrow record batches.
//!
//! The claims table's Arrow schema is derived from the record's JSON Schema, so the two
//! cannot drift: a `date` string is a Parquet DATE, an integer is int32, an enum is a plain
//! string, a nullable field is a nullable column. An enum column lists its allowed values in
//! its field metadata; descriptions live in the data dictionary, so that editing a
//! description never changes a release's bytes.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::sync::{Arc, LazyLock};

use arrow_array::builder::{Date32Builder, Int32Builder, StringBuilder};
use arrow_array::{
    Array, ArrayRef, Date32Array, Date64Array, Int32Array, Int64Array, LargeStringArray,
    RecordBatch, StringArray, StringViewArray, UInt32Array,
};
use arrow_schema::{DataType, Field, Schema, SchemaRef};
use chrono::NaiveDate;
use serde::Serialize;
use serde_json::{Map, Value};

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
    fn data_type(self) -> DataType {
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

/// The columns of `articles.parquet`.
pub fn article_columns() -> &'static [Column] {
    static COLUMNS: LazyLock<Vec<Column>> = LazyLock::new(|| {
        let col = |name: &str, kind, nullable, description: &str, allowed: &[&str]| Column {
            name: name.into(),
            kind,
            nullable,
            description: description.into(),
            allowed: allowed.iter().map(|s| (*s).to_owned()).collect(),
        };
        vec![
            col(
                "article_id",
                Kind::Text,
                true,
                "The article's id; null when the input was rejected before it had one.",
                &[],
            ),
            col(
                "status",
                Kind::Text,
                false,
                "Whether the article was read (`extracted`) or rejected.",
                &["extracted", "rejected"],
            ),
            col(
                "claims",
                Kind::Int,
                false,
                "How many claims the release holds from this article, corrections included.",
                &[],
            ),
            col("article_title", Kind::Text, true, "The headline.", &[]),
            col(
                "article_date",
                Kind::Date,
                true,
                "The publication date.",
                &[],
            ),
            col("source_url", Kind::Text, true, "The article's URL.", &[]),
            col(
                "publisher",
                Kind::Text,
                true,
                "The URL's host without `www.`.",
                &[],
            ),
            col(
                "text_sha256",
                Kind::Text,
                true,
                "SHA-256 of the article body (UTF-8), lowercase hex.",
                &[],
            ),
            col(
                "source_file",
                Kind::Text,
                false,
                "The input file, relative to the dataset folder.",
                &[],
            ),
            col(
                "source_line",
                Kind::Int,
                true,
                "The line in a JSON Lines file, or the line at fault in a rejected text file.",
                &[],
            ),
            col(
                "reason_code",
                Kind::Text,
                true,
                "Why the article was rejected: a stable code.",
                &[],
            ),
            col(
                "reason",
                Kind::Text,
                true,
                "Why the article was rejected, and what to do.",
                &[],
            ),
        ]
    });
    &COLUMNS
}

/// One row of `articles.parquet`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct ArticleRow {
    /// See [`article_columns`] for every field's meaning.
    pub article_id: Option<String>,
    #[allow(missing_docs)]
    pub status: String,
    #[allow(missing_docs)]
    pub claims: i32,
    #[allow(missing_docs)]
    pub article_title: Option<String>,
    #[allow(missing_docs)]
    pub article_date: Option<NaiveDate>,
    #[allow(missing_docs)]
    pub source_url: Option<String>,
    #[allow(missing_docs)]
    pub publisher: Option<String>,
    #[allow(missing_docs)]
    pub text_sha256: Option<String>,
    #[allow(missing_docs)]
    pub source_file: String,
    #[allow(missing_docs)]
    pub source_line: Option<i32>,
    #[allow(missing_docs)]
    pub reason_code: Option<String>,
    #[allow(missing_docs)]
    pub reason: Option<String>,
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

/// Version of the table layout and writer settings; part of [`format_fingerprint`].
const FORMAT_VERSION: &str = "1";

/// A fingerprint of what decides a release's bytes besides its data: the columns of both
/// tables (names, types, nullability, allowed values) and the writer settings. A release
/// whose format differs from the previous one is a minor release.
pub fn format_fingerprint() -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(FORMAT_VERSION.as_bytes());
    h.update(format!("zstd3 rows{} stats-chunk", super::parquet::ROW_GROUP_ROWS).as_bytes());
    for columns in [claim_columns(), article_columns()] {
        for c in columns {
            h.update(
                format!(
                    "\n{}:{:?}:{}:{}",
                    c.name,
                    c.kind,
                    c.nullable,
                    c.allowed.join(",")
                )
                .as_bytes(),
            );
        }
    }
    crate::dataset::hex(&h.finalize())
}

/// Reads the record's JSON Schema into columns: `format: date` strings are dates, integers
/// are int32, `$ref`s to enums are text with their allowed values, `["…", "null"]` is
/// nullable.
fn columns_from_json_schema(schema: &Value) -> Vec<Column> {
    let defs = schema.get("$defs").and_then(Value::as_object);
    let props = schema
        .get("properties")
        .and_then(Value::as_object)
        .expect("the claim schema has properties");
    props
        .iter()
        .map(|(name, p)| {
            let (types, target) = match p.get("$ref").and_then(Value::as_str) {
                Some(r) => {
                    let def = defs
                        .and_then(|d| d.get(r.trim_start_matches("#/$defs/")))
                        .expect("refs point into $defs");
                    (vec!["string".to_owned()], def)
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

const EPOCH: NaiveDate = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");

/// Builds a record batch from JSON rows (objects keyed by column name). Values of the wrong
/// shape become nulls; rows are validated before they get here.
pub fn batch_from_rows(columns: &[Column], rows: &[Map<String, Value>]) -> RecordBatch {
    // Rows serialized from one struct list their fields in column order: take each value by
    // position when its key says it is the right one, and look it up by name otherwise.
    let cells: Vec<Vec<Option<&Value>>> = rows
        .iter()
        .map(|r| {
            let mut entries = r.iter();
            columns
                .iter()
                .map(|c| match entries.next() {
                    Some((k, v)) if *k == c.name => Some(v),
                    _ => r.get(&c.name),
                })
                .collect()
        })
        .collect();
    let arrays: Vec<ArrayRef> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| -> ArrayRef {
            let values = cells.iter().map(|r| r[i]);
            match c.kind {
                Kind::Text => {
                    let mut b = StringBuilder::with_capacity(rows.len(), rows.len() * 16);
                    for v in values {
                        b.append_option(v.and_then(Value::as_str));
                    }
                    Arc::new(b.finish())
                }
                Kind::Int => {
                    let mut b = Int32Builder::with_capacity(rows.len());
                    for v in values {
                        b.append_option(
                            v.and_then(Value::as_i64)
                                .and_then(|n| i32::try_from(n).ok()),
                        );
                    }
                    Arc::new(b.finish())
                }
                Kind::Date => {
                    let mut b = Date32Builder::with_capacity(rows.len());
                    for v in values {
                        let day = v
                            .and_then(Value::as_str)
                            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                            .map(|d| (d - EPOCH).num_days() as i32);
                        b.append_option(day);
                    }
                    Arc::new(b.finish())
                }
            }
        })
        .collect();
    RecordBatch::try_new(arrow_schema(columns), arrays).expect("columns match the schema")
}

/// JSON rows from a record batch, reading each expected column by name. Columns of other
/// string, integer and date encodings (large strings, string views, int64, date64) are read
/// too, so files written by other tools can be checked; a column that is missing, or whose
/// type cannot be read as its kind, is reported once and left out of the rows, where the
/// schema then reports it per row.
pub fn rows_from_batch(
    columns: &[Column],
    batch: &RecordBatch,
) -> (Vec<Map<String, Value>>, Vec<String>) {
    let mut rows = vec![Map::with_capacity(columns.len()); batch.num_rows()];
    let mut issues = Vec::new();
    for c in columns {
        let Some(array) = batch.column_by_name(&c.name) else {
            issues.push(format!("column `{}` is missing", c.name));
            continue;
        };
        let read = read_column(c.kind, array.as_ref());
        match read {
            Some(values) => {
                for (row, v) in rows.iter_mut().zip(values) {
                    row.insert(c.name.clone(), v);
                }
            }
            None => issues.push(format!(
                "column `{}` has type {}, expected {}",
                c.name,
                array.data_type(),
                c.kind.data_type()
            )),
        }
    }
    let known: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
    for f in batch.schema().fields() {
        if !known.contains(&f.name().as_str()) {
            issues.push(format!("column `{}` is not part of the table", f.name()));
        }
    }
    (rows, issues)
}

/// Whether a column of `dt` can be read as `kind`.
pub fn readable_as(dt: &DataType, kind: Kind) -> bool {
    match kind {
        Kind::Text => matches!(
            dt,
            DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View
        ),
        Kind::Int => matches!(dt, DataType::Int32 | DataType::Int64 | DataType::UInt32),
        Kind::Date => matches!(dt, DataType::Date32 | DataType::Date64),
    }
}

/// The type a column of `kind` is written as.
pub fn expected_type(kind: Kind) -> DataType {
    kind.data_type()
}

fn read_column(kind: Kind, a: &dyn Array) -> Option<Vec<Value>> {
    let any = a.as_any();
    let opt = |valid: bool, v: Value| if valid { v } else { Value::Null };
    Some(match kind {
        Kind::Text => {
            if let Some(s) = any.downcast_ref::<StringArray>() {
                (0..s.len())
                    .map(|i| opt(s.is_valid(i), Value::from(s.value(i))))
                    .collect()
            } else if let Some(s) = any.downcast_ref::<LargeStringArray>() {
                (0..s.len())
                    .map(|i| opt(s.is_valid(i), Value::from(s.value(i))))
                    .collect()
            } else if let Some(s) = any.downcast_ref::<StringViewArray>() {
                (0..s.len())
                    .map(|i| opt(s.is_valid(i), Value::from(s.value(i))))
                    .collect()
            } else {
                return None;
            }
        }
        Kind::Int => {
            if let Some(n) = any.downcast_ref::<Int32Array>() {
                (0..n.len())
                    .map(|i| opt(n.is_valid(i), Value::from(n.value(i))))
                    .collect()
            } else if let Some(n) = any.downcast_ref::<Int64Array>() {
                (0..n.len())
                    .map(|i| opt(n.is_valid(i), Value::from(n.value(i))))
                    .collect()
            } else if let Some(n) = any.downcast_ref::<UInt32Array>() {
                (0..n.len())
                    .map(|i| opt(n.is_valid(i), Value::from(n.value(i))))
                    .collect()
            } else {
                return None;
            }
        }
        Kind::Date => {
            let day = |d: i64| {
                EPOCH
                    .checked_add_signed(chrono::Duration::days(d))
                    .map(|d| Value::from(d.to_string()))
            };
            if let Some(d) = any.downcast_ref::<Date32Array>() {
                (0..d.len())
                    .map(|i| {
                        if d.is_valid(i) {
                            day(i64::from(d.value(i))).unwrap_or(Value::Null)
                        } else {
                            Value::Null
                        }
                    })
                    .collect()
            } else if let Some(d) = any.downcast_ref::<Date64Array>() {
                (0..d.len())
                    .map(|i| {
                        if d.is_valid(i) {
                            day(d.value(i).div_euclid(86_400_000)).unwrap_or(Value::Null)
                        } else {
                            Value::Null
                        }
                    })
                    .collect()
            } else {
                return None;
            }
        }
    })
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
         file each), `releases/<version>/` and `CHANGELOG.md`.\n\n\
         ## Releases\n\n\
         A release folder holds `claims.parquet` (one row per claim), `articles.parquet` (one \
         row per input article, read or rejected) and `manifest.json` (dataset, version, schema \
         and generator versions, fingerprints of the inputs, row counts, and the size and \
         SHA-256 of every file). Parquet files are zstd-compressed, with row groups of at most \
         16,384 rows, dates as DATE, offsets and counts as int32, enums as plain strings, and \
         the dataset, version and record schema in their key-value metadata.\n\n\
         A published release is never rewritten, and `claimset verify` rebuilds it from its \
         inputs byte for byte. Versions are semantic:\n\n\
         - **patch** (1.0.1): corrections only;\n\
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
