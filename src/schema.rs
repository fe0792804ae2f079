//! The JSON Schemas published in `schema/`, generated from the record types so that they
//! cannot drift from what the pipeline writes.

use schemars::generate::SchemaSettings;

use crate::record::ClaimRecord;

/// Where the claim record schema is published, relative to the crate root.
pub const CLAIM_SCHEMA_PATH: &str = "schema/claim.schema.json";

/// The claim record schema as pretty-printed JSON with a trailing newline, exactly as
/// committed in [`CLAIM_SCHEMA_PATH`].
pub fn claim_schema() -> String {
    let generator = SchemaSettings::draft2020_12().into_generator();
    let schema = generator.into_root_schema_for::<ClaimRecord>();
    let mut out = serde_json::to_string_pretty(&schema).expect("a schema always serializes");
    out.push('\n');
    out
}
