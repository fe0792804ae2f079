//! `croissant.json`: the `MLCommons` Croissant 1.0 description of a dataset's latest release —
//! its files with their SHA-256, and a record set per table with every column and its type —
//! so that dataset search engines and ML tooling (`mlcroissant`) can read it.
//!
//! It sits in the dataset folder, beside `releases/`, not inside a release: it carries the
//! prose of `dataset.toml` (description, licence), which may be edited after a release without
//! rewriting it, and it reaches the release's files by relative URLs.

use serde_json::{Value, json};

use crate::dataset::Dataset;
use crate::table::{Column, Kind, article_columns, claim_columns};

use super::manifest::{FileEntry, Manifest};

/// The standard Croissant 1.0 JSON-LD context, as the specification publishes it.
fn context() -> Value {
    json!({
        "@language": "en",
        "@vocab": "https://schema.org/",
        "citeAs": "cr:citeAs",
        "column": "cr:column",
        "conformsTo": "dct:conformsTo",
        "cr": "http://mlcommons.org/croissant/",
        "rai": "http://mlcommons.org/croissant/RAI/",
        "data": { "@id": "cr:data", "@type": "@json" },
        "dataType": { "@id": "cr:dataType", "@type": "@vocab" },
        "dct": "http://purl.org/dc/terms/",
        "equivalentProperty": "cr:equivalentProperty",
        "examples": { "@id": "cr:examples", "@type": "@json" },
        "extract": "cr:extract",
        "field": "cr:field",
        "fileProperty": "cr:fileProperty",
        "fileObject": "cr:fileObject",
        "fileSet": "cr:fileSet",
        "format": "cr:format",
        "includes": "cr:includes",
        "isLiveDataset": "cr:isLiveDataset",
        "jsonPath": "cr:jsonPath",
        "key": "cr:key",
        "md5": "cr:md5",
        "parentField": "cr:parentField",
        "path": "cr:path",
        "recordSet": "cr:recordSet",
        "references": "cr:references",
        "regex": "cr:regex",
        "repeated": "cr:repeated",
        "replace": "cr:replace",
        "samplingRate": "cr:samplingRate",
        "sc": "https://schema.org/",
        "separator": "cr:separator",
        "source": "cr:source",
        "subField": "cr:subField",
        "transform": "cr:transform"
    })
}

/// The Croissant description of release `manifest` of `dataset`, as pretty JSON with a
/// trailing newline. `manifest_file` is `manifest.json` itself, which lists every other file;
/// `citation` is the BibTeX the card gives; `keywords` its tags; `dates` the first and last
/// day a claim was made.
pub(super) fn croissant(
    dataset: &Dataset,
    manifest: &Manifest,
    manifest_file: &FileEntry,
    citation: &str,
    keywords: &[&str],
    dates: Option<&(String, String)>,
) -> String {
    let release = format!("releases/{}", manifest.version);
    // Every file of the release: the tables, then the manifest that lists them.
    let mut distribution: Vec<Value> = manifest
        .files
        .iter()
        .map(|f| {
            json!({
                "@type": "cr:FileObject",
                "@id": f.name,
                "name": f.name,
                "description": file_description(&f.name),
                "contentUrl": format!("{release}/{}", f.name),
                "contentSize": format!("{} B", f.bytes),
                "encodingFormat": encoding_format(&f.name),
                "sha256": f.sha256,
            })
        })
        .collect();
    distribution.push(json!({
        "@type": "cr:FileObject",
        "@id": manifest_file.name,
        "name": manifest_file.name,
        "description": file_description(&manifest_file.name),
        "contentUrl": format!("{release}/{}", manifest_file.name),
        "contentSize": format!("{} B", manifest_file.bytes),
        "encodingFormat": "application/json",
        "sha256": manifest_file.sha256,
    }));
    let description = format!(
        "{} Release {} of the claimset dataset `{}`: {} from {}.",
        fold(&dataset.metadata.description),
        manifest.version,
        manifest.dataset,
        crate::count(manifest.counts.claims, "claim"),
        crate::count(manifest.counts.articles, "article"),
    );
    let mut dataset_json = json!({
        "@context": context(),
        "@type": "sc:Dataset",
        "name": fold(&dataset.metadata.title),
        "alternateName": manifest.dataset,
        "description": description,
        "conformsTo": "http://mlcommons.org/croissant/1.0",
        "version": manifest.version,
        "inLanguage": dataset.metadata.language,
        "license": fold(&dataset.metadata.licence),
        "citeAs": citation,
        "isBasedOn": fold(&dataset.metadata.source),
        "keywords": keywords,
    });
    if let Some((first, last)) = dates {
        // ISO 8601 interval: when the claims were made.
        dataset_json["temporalCoverage"] = format!("{first}/{last}").into();
    }
    dataset_json["distribution"] = Value::Array(distribution);
    dataset_json["recordSet"] = json!([
        record_set(
            "claims",
            "One row per claim.",
            "claims.parquet",
            claim_columns(),
            Some("claim_id")
        ),
        record_set(
            "articles",
            "One row per input article, read or rejected.",
            "articles.parquet",
            article_columns(),
            None,
        ),
    ]);
    let mut out = serde_json::to_string_pretty(&dataset_json).expect("JSON values serialize");
    out.push('\n');
    out
}

/// A record set reading every column of `file`.
fn record_set(
    name: &str,
    description: &str,
    file: &str,
    columns: &[Column],
    key: Option<&str>,
) -> Value {
    let fields: Vec<Value> = columns
        .iter()
        .map(|c| {
            let description = if c.allowed.is_empty() {
                c.description.clone()
            } else {
                format!("{} One of: {}.", c.description, c.allowed.join(", "))
            };
            json!({
                "@type": "cr:Field",
                "@id": format!("{name}/{}", c.name),
                "name": c.name,
                "description": description,
                "dataType": data_type(c.kind),
                "source": {
                    "fileObject": { "@id": file },
                    "extract": { "column": c.name },
                },
            })
        })
        .collect();
    let mut set = json!({
        "@type": "cr:RecordSet",
        "@id": name,
        "name": name,
        "description": description,
    });
    if let Some(k) = key {
        set["key"] = json!({ "@id": format!("{name}/{k}") });
    }
    set["field"] = Value::Array(fields);
    set
}

fn data_type(kind: Kind) -> &'static str {
    match kind {
        Kind::Text => "sc:Text",
        Kind::Date => "sc:Date",
        Kind::Int => "sc:Integer",
    }
}

/// The media type of a release file, from its extension.
fn encoding_format(name: &str) -> &'static str {
    match std::path::Path::new(name)
        .extension()
        .and_then(|e| e.to_str())
    {
        Some("jsonl") => "application/jsonlines",
        Some("json") => "application/json",
        _ => "application/x-parquet",
    }
}

fn file_description(name: &str) -> &'static str {
    match name {
        "proposed-links.jsonl" => {
            "Links between claims and published fact-checks that the matcher proposed but the \
             release did not apply, with why: for reviewers to confirm or reject."
        }
        "claims.parquet" => "The claims: one row per claim.",
        "articles.parquet" => "The input articles: one row per article, read or rejected.",
        "manifest.json" => {
            "What the release is: dataset, version, schema and generator versions, fingerprints \
             of the inputs, row counts, and the size and SHA-256 of every other file."
        }
        _ => "A file of the release.",
    }
}

/// Text with its line breaks and runs of spaces folded into single spaces.
pub(super) fn fold(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
