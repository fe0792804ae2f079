//! The JSON Schemas published in `schema/`, generated from the record types so that they
//! cannot drift from what the pipeline writes.

use schemars::generate::SchemaSettings;

use crate::curate::correction::Correction;
use crate::record::ClaimRecord;

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
    let schema = generator.into_root_schema_for::<Correction>();
    let mut out = serde_json::to_string_pretty(&schema).expect("a schema always serializes");
    out.push('\n');
    out
}
