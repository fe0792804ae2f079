//! `manifest.json`: what a release is — dataset, version, schema and generator, the inputs it
//! was built from, row counts, and the size and SHA-256 of every file.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::dataset::Fingerprints;
use crate::error::Error;

/// The manifest of one release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// The dataset's name (its folder's).
    pub dataset: String,
    /// The release's version.
    pub version: String,
    /// The claim record schema's version.
    pub schema_version: String,
    /// What built it.
    pub generator: Generator,
    /// Fingerprints of the articles, corrections and reviews it was built from.
    pub inputs: Fingerprints,
    /// SHA-256 over the extracted records before corrections: tells a better extraction (a
    /// minor release) from corrections alone (a patch).
    pub extraction: String,
    /// Fingerprint of the table layout and writer settings.
    pub format: String,
    /// SHA-256 over the verdicts linked from the dataset's reviews and the links proposed:
    /// tells a change of verdicts (a patch) when the inputs did not change. Absent for a
    /// dataset without reviews.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<String>,
    /// Row counts.
    pub counts: Counts,
    /// Every other file of the release, by name.
    pub files: Vec<FileEntry>,
}

/// The program that built a release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Generator {
    /// `claimset`.
    pub name: String,
    /// Its version.
    pub version: String,
}

/// How many of each.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Counts {
    /// Input articles (rows of articles.parquet).
    pub articles: u64,
    /// Of which rejected.
    pub articles_rejected: u64,
    /// Claims in the release (rows of claims.parquet).
    pub claims: u64,
    /// Claims changed by a correction.
    pub claims_corrected: u64,
    /// Claims added by a correction.
    pub claims_added: u64,
    /// Extracted claims taken out by a correction.
    pub claims_rejected: u64,
    /// What became of the dataset's published fact-checks; absent for a dataset without
    /// reviews.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviews: Option<ReviewCounts>,
}

/// How many of the dataset's published fact-checks were read, and what they gave.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ReviewCounts {
    /// Reviews imported from `reviews/`.
    pub imported: u64,
    /// Reviews, or pieces of review files, that could not be imported (each reported with
    /// its file and line when the release was built).
    pub rejected: u64,
    /// Claims whose verdict comes from a review linked automatically.
    pub claims_linked: u64,
    /// Claims whose verdict comes from a review a person confirmed.
    pub claims_confirmed: u64,
    /// Links proposed but not applied: the lines of `proposed-links.jsonl`.
    pub links_proposed: u64,
}

/// One file of a release.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileEntry {
    /// Its name in the release folder.
    pub name: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// SHA-256 of its bytes, lowercase hex.
    pub sha256: String,
}

impl Manifest {
    /// Reads `manifest.json` from a release folder.
    pub fn read(release_dir: &Path) -> Result<Self, Error> {
        let path = release_dir.join("manifest.json");
        let text = std::fs::read_to_string(&path).map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?;
        serde_json::from_str(&text).map_err(|e| Error::Dataset {
            path,
            message: format!("not a claimset manifest: {e}"),
        })
    }

    /// The manifest as written: pretty JSON with a trailing newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("manifests serialize");
        s.push('\n');
        s
    }
}

/// Size and SHA-256 of a file in a release folder.
pub(super) fn file_entry(dir: &Path, name: &str) -> Result<FileEntry, Error> {
    let path = dir.join(name);
    let bytes = std::fs::metadata(&path)
        .map_err(|source| Error::Read {
            path: path.clone(),
            source,
        })?
        .len();
    Ok(FileEntry {
        name: name.to_owned(),
        bytes,
        sha256: crate::digest::sha256_file(&path)?,
    })
}
