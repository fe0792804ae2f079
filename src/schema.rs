//! The JSON Schemas published in `schema/`, generated from the types so that they cannot
//! drift from what the pipeline reads and writes: the claim record, the articles table's
//! row; the correction file's and the review record's schemas are generated with their
//! types, in the corrections and the reviews.

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;

use crate::record::{ArticleRow, ClaimRecord, SCHEMA_VERSION};

/// The claim schema's `$id`.
pub const CLAIM_SCHEMA_ID: &str = "urn:claimset:schema:claim:1.1.0";

/// Where the claim record schema is published, relative to the crate root.
pub const CLAIM_SCHEMA_PATH: &str = "schema/claim.schema.json";

/// Where the articles table's row schema is published, relative to the crate root.
pub const ARTICLE_SCHEMA_PATH: &str = "schema/article.schema.json";

/// Where the correction file schema is published, relative to the crate root.
pub const CORRECTION_SCHEMA_PATH: &str = "schema/correction.schema.json";

/// Where the review record schema is published, relative to the crate root.
pub const REVIEW_SCHEMA_PATH: &str = "schema/review.schema.json";

/// The claim record schema as pretty-printed JSON with a trailing newline, exactly as
/// committed in [`CLAIM_SCHEMA_PATH`].
///
/// Every property is required: a record always carries every field, with `null` where a
/// value is unknown, so that tables built from records have the same columns everywhere.
pub fn claim_schema() -> String {
    generate::<ClaimRecord>("claim", SCHEMA_VERSION, true)
}

/// The schema of one row of `articles.parquet` (and of a line of `extract --articles`), as
/// committed in [`ARTICLE_SCHEMA_PATH`]; every property is required, as for claims.
pub fn article_schema() -> String {
    generate::<ArticleRow>("article", SCHEMA_VERSION, true)
}

/// The Draft 2020-12 schema of `T` as pretty JSON with a trailing newline, identified by
/// `name` and `version`; with `require_all`, every property is required.
pub(crate) fn generate<T: JsonSchema>(name: &str, version: &str, require_all: bool) -> String {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let mut schema = generator.into_root_schema_for::<T>();
    identify(&mut schema, name, version);
    if require_all {
        let names: Vec<serde_json::Value> = schema
            .get("properties")
            .and_then(serde_json::Value::as_object)
            .map(|p| p.keys().cloned().map(serde_json::Value::String).collect())
            .unwrap_or_default();
        schema.insert("required".into(), serde_json::Value::Array(names));
    }
    let mut out = serde_json::to_string_pretty(&schema).expect("a schema always serializes");
    out.push('\n');
    out
}

/// Gives a schema its `$id` (a URN naming the schema and its version, so that validators can
/// tell versions apart without a web address) and says its version again in `$comment`, the
/// one place for notes that every validator knows: ajv's strict mode refuses keywords it does
/// not know, such as an `x-` annotation.
fn identify(schema: &mut schemars::Schema, name: &str, version: &str) {
    let mut map = serde_json::Map::new();
    map.insert(
        "$schema".into(),
        schema.get("$schema").cloned().unwrap_or_default(),
    );
    map.insert(
        "$id".into(),
        format!("urn:claimset:schema:{name}:{version}").into(),
    );
    map.insert(
        "$comment".into(),
        format!("claimset {name} schema, version {version}").into(),
    );
    if let Some(obj) = schema.as_object() {
        for (k, v) in obj {
            if k != "$schema" {
                map.insert(k.clone(), v.clone());
            }
        }
    }
    let mut value = serde_json::Value::Object(map);
    portable_numbers(&mut value);
    *schema = schemars::Schema::try_from(value).expect("a schema stays an object");
}

/// Replaces the integer formats schemars writes for Rust integer types (`uint32`, `int32`, …),
/// which only some validators know (ajv refuses `uint32` in strict mode), by the `minimum` and
/// `maximum` they stand for, which every validator checks; and drops the `double` and `float`
/// of floating-point types, which say no more than `number` does. What a value may be is
/// unchanged.
fn portable_numbers(value: &mut serde_json::Value) {
    match value {
        serde_json::Value::Object(map) => {
            let format = map.get("format").and_then(serde_json::Value::as_str);
            if matches!(format, Some("double" | "float")) {
                map.remove("format");
            }
            let bounds = map
                .get("format")
                .and_then(serde_json::Value::as_str)
                .and_then(integer_bounds);
            if let Some((min, max)) = bounds {
                map.remove("format");
                let tighter = |old: Option<i64>, new: i64, keep_max: bool| match old {
                    Some(o) if keep_max => o.max(new),
                    Some(o) => o.min(new),
                    None => new,
                };
                let old_min = map.get("minimum").and_then(serde_json::Value::as_i64);
                let old_max = map.get("maximum").and_then(serde_json::Value::as_i64);
                map.insert("minimum".into(), tighter(old_min, min, true).into());
                map.insert("maximum".into(), tighter(old_max, max, false).into());
            }
            map.values_mut().for_each(portable_numbers);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(portable_numbers),
        _ => {}
    }
}

/// The range of one of schemars' integer formats; `None` for any other format.
fn integer_bounds(format: &str) -> Option<(i64, i64)> {
    Some(match format {
        "int8" => (i8::MIN.into(), i8::MAX.into()),
        "int16" => (i16::MIN.into(), i16::MAX.into()),
        "int32" => (i32::MIN.into(), i32::MAX.into()),
        "uint8" => (0, u8::MAX.into()),
        "uint16" => (0, u16::MAX.into()),
        "uint32" => (0, u32::MAX.into()),
        _ => return None,
    })
}
