//! The JSON Schemas published in `schema/`, generated from the record types so that they
//! cannot drift from what the pipeline writes.

use schemars::generate::SchemaSettings;

use crate::curate::correction::Correction;
use crate::record::ClaimRecord;

/// The claim schema's `$id`.
pub const CLAIM_SCHEMA_ID: &str = "urn:claimset:schema:claim:1.0.0";

/// Where the claim record schema is published, relative to the crate root.
pub const CLAIM_SCHEMA_PATH: &str = "schema/claim.schema.json";

/// The claim record schema as pretty-printed JSON with a trailing newline, exactly as
/// committed in [`CLAIM_SCHEMA_PATH`].
///
/// Every property is required: a record always carries every field, with `null` where a
/// value is unknown, so that tables built from records have the same columns everywhere.
pub fn claim_schema() -> String {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let mut schema = generator.into_root_schema_for::<ClaimRecord>();
    identify(&mut schema, "claim", crate::record::SCHEMA_VERSION);
    let names: Vec<serde_json::Value> = schema
        .get("properties")
        .and_then(serde_json::Value::as_object)
        .map(|p| p.keys().cloned().map(serde_json::Value::String).collect())
        .unwrap_or_default();
    schema.insert("required".into(), serde_json::Value::Array(names));
    let mut out = serde_json::to_string_pretty(&schema).expect("a schema always serializes");
    out.push('\n');
    out
}

/// Where the correction file schema is published, relative to the crate root.
pub const CORRECTION_SCHEMA_PATH: &str = "schema/correction.schema.json";

/// The schema of a correction file (TOML, read as JSON by any JSON Schema validator), as
/// committed in [`CORRECTION_SCHEMA_PATH`].
pub fn correction_schema() -> String {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let mut schema = generator.into_root_schema_for::<Correction>();
    identify(
        &mut schema,
        "correction",
        crate::curate::correction::CORRECTION_VERSION,
    );
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
