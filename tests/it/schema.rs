//! The committed JSON Schema is exactly what the record type generates, and every record
//! the extractor writes validates against it.

use std::path::Path;

use serde_json::Value;

fn committed_schema() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(claimset::CLAIM_SCHEMA_PATH);
    let text = std::fs::read_to_string(&path).expect("schema/claim.schema.json is committed");
    serde_json::from_str(&text).expect("the committed schema is JSON")
}

/// Every published schema is exactly what its type generates: (path, generated).
fn published() -> [(&'static str, String); 4] {
    [
        (claimset::CLAIM_SCHEMA_PATH, claimset::claim_schema()),
        (claimset::ARTICLE_SCHEMA_PATH, claimset::article_schema()),
        (
            claimset::CORRECTION_SCHEMA_PATH,
            claimset::correction_schema(),
        ),
        (claimset::REVIEW_SCHEMA_PATH, claimset::review_schema()),
    ]
}

#[test]
fn committed_schemas_are_fresh() {
    for (rel, generated) in published() {
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(rel);
        if std::env::var_os("CLAIMSET_BLESS").is_some() {
            std::fs::write(&path, &generated).expect("write the schema");
            continue;
        }
        let committed = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            committed == generated,
            "{rel} is stale: regenerate it with `CLAIMSET_BLESS=1 cargo test --test it \
             schema::` and commit the result"
        );
    }
}

#[test]
fn every_extracted_record_validates_against_the_committed_schema() {
    let validator = jsonschema::validator_for(&committed_schema()).expect("the schema compiles");
    let records = crate::common::extract_paths(&[
        crate::common::fixture("articles"),
        crate::common::fixture("jsonl"),
        crate::common::dataset_articles(),
    ]);
    assert!(records.len() > 40, "fixtures give claims to validate");
    for r in &records {
        let value = serde_json::to_value(r).expect("records serialize");
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(
            errors.is_empty(),
            "record {} fails the schema: {errors:?}",
            r.claim_id
        );
    }
}

#[test]
fn schema_rejects_records_that_break_the_contract() {
    let validator = jsonschema::validator_for(&committed_schema()).expect("the schema compiles");
    let records = crate::common::extract_paths(&[crate::common::dataset_articles()]);
    let good = serde_json::to_value(&records[0]).expect("records serialize");
    assert!(validator.is_valid(&good));

    let mut bad_status = good.clone();
    bad_status["verification_status"] = "probably".into();
    assert!(
        !validator.is_valid(&bad_status),
        "unknown verdicts are rejected"
    );

    let mut missing = good.clone();
    missing.as_object_mut().expect("object").remove("claimant");
    assert!(
        !validator.is_valid(&missing),
        "every field must be present, null if unknown"
    );

    let mut bad_id = good.clone();
    bad_id["claim_id"] = "12345".into();
    assert!(!validator.is_valid(&bad_id), "claim ids have one shape");

    let mut extra = good;
    extra["confidence"] = 0.9.into();
    assert!(!validator.is_valid(&extra), "unknown fields are rejected");
}

#[test]
fn the_claim_schema_id_names_its_version() {
    let schema = committed_schema();
    assert_eq!(schema["$id"], claimset::CLAIM_SCHEMA_ID);
    assert_eq!(
        schema["$comment"],
        format!(
            "claimset claim schema, version {}",
            claimset::SCHEMA_VERSION
        )
    );
    assert!(
        claimset::CLAIM_SCHEMA_ID.ends_with(claimset::SCHEMA_VERSION),
        "the $id carries the version"
    );
}

/// ajv, in its default strict mode, refuses a schema with a keyword or a format it does not
/// know; every published schema keeps to what ajv (with ajv-formats), Python's jsonschema and
/// the Rust jsonschema crate all know. CI runs ajv itself on them.
#[test]
fn published_schemas_use_only_what_every_validator_knows() {
    fn walk(v: &Value, at: &str, found: &mut Vec<String>) {
        match v {
            Value::Object(map) => {
                for (k, child) in map {
                    if k.starts_with("x-") {
                        found.push(format!("{at}/{k}: a vendor keyword"));
                    }
                    if k == "format"
                        && let Some(f) = child.as_str()
                        && !["date", "uri"].contains(&f)
                    {
                        found.push(format!("{at}/format: {f}"));
                    }
                    // `properties` and `$defs` hold names, not keywords.
                    if k == "properties" || k == "$defs" {
                        for (name, sub) in child.as_object().into_iter().flatten() {
                            walk(sub, &format!("{at}/{k}/{name}"), found);
                        }
                    } else {
                        walk(child, &format!("{at}/{k}"), found);
                    }
                }
            }
            Value::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    walk(item, &format!("{at}/{i}"), found);
                }
            }
            _ => {}
        }
    }
    for (rel, generated) in published() {
        let schema: Value = serde_json::from_str(&generated).expect("JSON");
        let mut found = Vec::new();
        walk(&schema, "", &mut found);
        assert!(found.is_empty(), "{rel}: {found:#?}");
        jsonschema::draft202012::meta::validate(&schema)
            .unwrap_or_else(|e| panic!("{rel} is not a valid Draft 2020-12 schema: {e}"));
    }
}
