//! The JSON Schemas published in `schema/`, generated from the types so that they cannot
//! drift from what the pipeline reads and writes: the claim record, the articles table's
//! row; the correction file's schema is generated with its type, in the corrections.

use schemars::JsonSchema;
use schemars::generate::SchemaSettings;

use crate::record::{ArticleRow, ClaimRecord, SCHEMA_VERSION};

/// The claim schema's `$id`.
pub const CLAIM_SCHEMA_ID: &str = "urn:claimset:schema:claim:1.0.0";

/// Where the claim record schema is published, relative to the crate root.
pub const CLAIM_SCHEMA_PATH: &str = "schema/claim.schema.json";

/// Where the articles table's row schema is published, relative to the crate root.
pub const ARTICLE_SCHEMA_PATH: &str = "schema/article.schema.json";

/// Where the correction file schema is published, relative to the crate root.
pub const CORRECTION_SCHEMA_PATH: &str = "schema/correction.schema.json";

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
/// tell versions apart without a web address) and its version as an annotation.
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
    map.insert("x-schema-version".into(), version.into());
    if let Some(obj) = schema.as_object() {
        for (k, v) in obj {
            if k != "$schema" {
                map.insert(k.clone(), v.clone());
            }
        }
    }
    *schema = schemars::Schema::from(map);
}
