//! Releases: versioned, immutable, atomic, byte-reproducible, with stable claim ids, and
//! Parquet that notebooks read with the right types.

use std::path::Path;

use arrow_schema::DataType;
use claimset::Dataset;
use claimset::{Bump, ReleaseOptions as Options, ReleaseOutcome as Outcome, Target};
use claimset::{TableWriter, key_value_metadata, read_rows};
use claimset::{arrow_schema, article_columns, claim_columns};
use serde_json::{Map, Value};

fn options(target: Target) -> Options {
    Options {
        bump: None,
        target,
        jobs: 0,
        meter: None,
    }
}

fn released(outcome: Outcome) -> Box<claimset::Release> {
    match outcome {
        Outcome::Released(r) => r,
        Outcome::Problems(p) => panic!("problems: {p:#?}"),
        Outcome::UpToDate(v) => panic!("up to date with {v}"),
    }
}

fn rows(path: &Path) -> Vec<Map<String, Value>> {
    let mut out = Vec::new();
    let issues = read_rows(path, claim_columns(), |_, r| {
        out.push(r);
        Ok(())
    })
    .expect("readable");
    assert!(issues.is_empty(), "{issues:?}");
    out
}

fn leftovers(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|es| {
            es.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with(".building-"))
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn first_release_then_up_to_date_then_explicit_bump() {
    let (_tmp, root) = crate::common::dataset_copy();
    let dataset = Dataset::open(&root).expect("dataset");
    let r = released(claimset::release(&dataset, &options(Target::Publish)).expect("release"));
    assert_eq!(r.version.to_string(), "1.0.0");
    let dir = root.join("releases/1.0.0");
    for f in ["claims.parquet", "articles.parquet", "manifest.json"] {
        assert!(dir.join(f).is_file(), "{f}");
    }
    assert_eq!(r.manifest.counts.claims, 14);
    assert_eq!(r.manifest.counts.articles, 1);
    assert_eq!(r.diff.added_total, 14);
    let changelog = std::fs::read_to_string(root.join("CHANGELOG.md")).expect("changelog");
    assert!(
        changelog.starts_with("# Changelog: ukraine-crisis-2022\n\n## 1.0.0\n\nFirst release.")
    );
    assert!(leftovers(&root.join("releases")).is_empty());

    match claimset::release(&dataset, &options(Target::Publish)).expect("release") {
        Outcome::UpToDate(v) => assert_eq!(v.to_string(), "1.0.0"),
        other => panic!("expected up to date, got {other:?}"),
    }

    let mut o = options(Target::Publish);
    o.bump = Some(Bump::Patch);
    claimset::release(&dataset, &o).expect_err("a bump with nothing changed is refused");

    // A new correction is a change: the bump asked for is taken.
    let claims = rows(&root.join("releases/1.0.0/claims.parquet"));
    let id = claims[0]["claim_id"].as_str().expect("id");
    let c = claimset::Correction::Reject {
        claim: id.to_owned(),
        reason: "a test".into(),
    };
    std::fs::create_dir_all(root.join("corrections")).expect("mkdir");
    std::fs::write(
        root.join("corrections").join(c.file_name()),
        c.to_canonical(),
    )
    .expect("write");
    o.bump = Some(Bump::Minor);
    let r = released(claimset::release(&dataset, &o).expect("release"));
    assert_eq!(r.version.to_string(), "1.1.0");
    assert_eq!(r.diff.unchanged, 13);
    let changelog = std::fs::read_to_string(root.join("CHANGELOG.md")).expect("changelog");
    let first = changelog.find("## 1.1.0").expect("new entry");
    let second = changelog.find("## 1.0.0").expect("old entry");
    assert!(first < second, "newest entry first");
}

#[test]
fn the_same_inputs_give_byte_identical_files_whatever_the_threads() {
    let (_tmp, root) = crate::common::dataset_copy();
    let dataset = Dataset::open(&root).expect("dataset");
    let out = tempfile::tempdir().expect("out");
    let mut files = Vec::new();
    for (k, jobs) in [1, 4].into_iter().enumerate() {
        let target = out.path().join(k.to_string());
        let mut o = options(Target::Directory(target.clone()));
        o.jobs = jobs;
        released(claimset::release(&dataset, &o).expect("release"));
        let dir = target.join("1.0.0");
        files.push(
            ["claims.parquet", "articles.parquet", "manifest.json"]
                .map(|f| std::fs::read(dir.join(f)).expect("file")),
        );
    }
    assert!(files[0] == files[1], "two builds differ");
}

#[test]
fn a_published_release_is_never_overwritten_and_failures_leave_nothing() {
    let (_tmp, root) = crate::common::dataset_copy();
    let dataset = Dataset::open(&root).expect("dataset");
    let out = tempfile::tempdir().expect("out");
    std::fs::create_dir_all(out.path().join("1.0.0")).expect("mkdir");
    std::fs::write(out.path().join("1.0.0/claims.parquet"), b"published").expect("write");
    let err = claimset::release(
        &dataset,
        &options(Target::Directory(out.path().to_path_buf())),
    )
    .expect_err("refuses to overwrite");
    assert!(
        matches!(err, claimset::Error::ReleaseExists { .. }),
        "{err}"
    );
    assert_eq!(
        std::fs::read(out.path().join("1.0.0/claims.parquet")).expect("kept"),
        b"published"
    );
    assert!(
        leftovers(out.path()).is_empty(),
        "{:?}",
        leftovers(out.path())
    );
}

/// An extractor that drew boundaries differently made the previous release; the claims it
/// found keep their ids.
#[test]
fn claim_ids_survive_an_extractor_that_moves_boundaries() {
    let (_tmp, root) = crate::common::dataset_copy();
    let dataset = Dataset::open(&root).expect("dataset");
    released(claimset::release(&dataset, &options(Target::Publish)).expect("release"));
    let published = root.join("releases/1.0.0/claims.parquet");
    let original = rows(&published);
    // Rewrite 1.0.0 as an older extractor would have: spans two characters wider on the
    // left, ids of its own.
    let mut old_ids = Vec::new();
    let mut w = TableWriter::create(&published, claim_columns()).expect("writer");
    for (k, mut row) in original.clone().into_iter().enumerate() {
        let id = format!("c{k:016x}");
        let start = row["span_start"].as_i64().expect("span");
        row.insert("span_start".into(), Value::from((start - 2).max(0)));
        row.insert("claim_id".into(), Value::from(id.clone()));
        old_ids.push(id);
        w.push(row).expect("push");
    }
    w.finish(&[]).expect("finish");

    let r = released(claimset::release(&dataset, &options(Target::Publish)).expect("release"));
    assert_eq!(
        r.version.to_string(),
        "1.1.0",
        "ids changed: a minor release"
    );
    let new = rows(&root.join("releases/1.1.0/claims.parquet"));
    let new_ids: Vec<&str> = new
        .iter()
        .map(|r| r["claim_id"].as_str().expect("id"))
        .collect();
    assert_eq!(
        new_ids, old_ids,
        "every claim kept the id of the claim it overlaps"
    );
    assert_eq!(r.diff.changed_total, 14, "their spans changed");
    assert_eq!(r.diff.added_total + r.diff.removed_total, 0);
}

#[test]
fn tables_follow_the_rules_notebooks_need() {
    let json: Value = serde_json::from_str(&claimset::claim_schema()).expect("schema");
    for (columns, is_claims) in [(claim_columns(), true), (article_columns(), false)] {
        let schema = arrow_schema(columns);
        for f in schema.fields() {
            let name = f.name();
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{name} is snake_case"
            );
            assert!(
                !matches!(
                    f.data_type(),
                    DataType::UInt8
                        | DataType::UInt16
                        | DataType::UInt32
                        | DataType::UInt64
                        | DataType::Int64
                ),
                "{name}: no unsigned or 64-bit integers"
            );
            if name.ends_with("_date") {
                assert_eq!(f.data_type(), &DataType::Date32, "{name} is a DATE");
            }
            let dictionary = claimset::dictionary();
            assert!(
                dictionary.contains(&format!("| `{name}` |")),
                "{name} is in the data dictionary"
            );
            if is_claims {
                let prop = &json["properties"][name];
                // An optional enum is `anyOf: [{$ref}, {type: null}]`.
                let alternatives = prop["anyOf"].as_array();
                let nullable_in_json = prop["type"]
                    .as_array()
                    .is_some_and(|ts| ts.iter().any(|t| t == "null"))
                    || alternatives.is_some_and(|a| a.iter().any(|t| t["type"] == "null"));
                assert_eq!(f.is_nullable(), nullable_in_json, "{name} nullability");
                let is_enum = prop.get("$ref").is_some()
                    || alternatives.is_some_and(|a| a.iter().any(|t| t.get("$ref").is_some()));
                if is_enum {
                    assert!(
                        f.metadata().contains_key("allowed_values"),
                        "{name} lists its values"
                    );
                    assert_eq!(
                        f.data_type(),
                        &DataType::Utf8,
                        "{name}: enums are plain strings"
                    );
                }
            }
        }
    }
}

#[test]
fn parquet_files_name_their_dataset_version_and_schema() {
    let (_tmp, root) = crate::common::dataset_copy();
    let dataset = Dataset::open(&root).expect("dataset");
    released(claimset::release(&dataset, &options(Target::Publish)).expect("release"));
    let kv = key_value_metadata(&root.join("releases/1.0.0/claims.parquet")).expect("metadata");
    let get = |k: &str| kv.iter().find(|(key, _)| key == k).map(|(_, v)| v.as_str());
    assert_eq!(get("claimset.dataset"), Some("ukraine-crisis-2022"));
    assert_eq!(get("claimset.version"), Some("1.0.0"));
    assert_eq!(
        get("claimset.schema_version"),
        Some(claimset::SCHEMA_VERSION)
    );
    assert_eq!(get("claimset.schema_id"), Some(claimset::CLAIM_SCHEMA_ID));
}

/// The committed release's records, as text: any change to the published data shows here.
#[test]
fn committed_release_snapshot() {
    let dataset = Dataset::open(crate::common::dataset_articles().parent().expect("dataset"))
        .expect("dataset");
    let latest = dataset
        .releases()
        .expect("releases")
        .pop()
        .expect("a committed release");
    let dir = dataset.release_dir(&latest);
    insta::assert_json_snapshot!("committed_claims", rows(&dir.join("claims.parquet")));
    let mut articles = Vec::new();
    read_rows(&dir.join("articles.parquet"), article_columns(), |_, r| {
        articles.push(r);
        Ok(())
    })
    .expect("articles");
    insta::assert_json_snapshot!("committed_articles", articles);
}

/// What CI runs: the committed release rebuilds byte for byte from the committed inputs.
#[test]
fn committed_release_reproduces() {
    let dataset = Dataset::open(crate::common::dataset_articles().parent().expect("dataset"))
        .expect("dataset");
    let v = claimset::verify(&dataset, None, 0).expect("verify");
    assert!(v.reproduces() && v.passed(), "{v:#?}");
}

#[test]
fn data_dictionary_is_fresh() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/README.md");
    let generated = claimset::dictionary();
    if std::env::var_os("CLAIMSET_BLESS").is_some() {
        std::fs::write(&path, &generated).expect("write");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "datasets/README.md is stale: regenerate it with `CLAIMSET_BLESS=1 cargo test --test \
         release data_dictionary` and commit the result"
    );
}

/// Releases made before record schema 1.1.0 lack its columns: they read as nulls, so they
/// still compare with later releases and export.
#[test]
fn releases_made_before_the_new_fields_still_compare() {
    let releases = crate::common::dataset_articles()
        .parent()
        .expect("dataset")
        .join("releases");
    let d = claimset::diff_files(
        &releases.join("1.3.0/claims.parquet"),
        &releases.join("1.4.0/claims.parquet"),
    )
    .expect("an older release compares with a newer one");
    assert_eq!(
        (d.changed_total, d.unchanged),
        (0, 16),
        "only columns were added"
    );
    let old = claimset::release_claims(&releases.join("1.3.0")).expect("an older release reads");
    assert!(
        old.iter()
            .all(|c| c.review_id.is_none() && c.verdict_source.is_none())
    );
}
