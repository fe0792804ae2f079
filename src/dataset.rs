//! A dataset folder: `dataset.toml`, its source articles, its corrections, the published
//! fact-checks it links to its claims (`reviews/`), its releases and its changelog, and the
//! fingerprints that say whether any input changed.

use std::path::{Path, PathBuf};

use semver::Version;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::Error;

/// What `dataset.toml` says about a dataset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    /// A human title.
    pub title: String,
    /// What the dataset holds.
    pub description: String,
    /// The language of its articles (`en`).
    pub language: String,
    /// Where the articles come from.
    pub source: String,
    /// Under what terms the articles and records may be reused.
    pub licence: String,
}

/// An opened dataset folder.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// The folder.
    pub root: PathBuf,
    /// The folder's name: the dataset's name in releases.
    pub name: String,
    /// `dataset.toml`.
    pub metadata: Metadata,
}

/// One input file, by path relative to the dataset folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputFile {
    /// `articles/…`, `corrections/…` or `reviews/…`, with `/` separators.
    pub path: String,
    /// SHA-256 of its bytes, lowercase hex.
    pub sha256: String,
}

/// Fingerprints of a dataset's inputs: SHA-256 over the sorted list of (path, file hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprints {
    /// Over `articles/`.
    pub articles: String,
    /// Over `corrections/`.
    pub corrections: String,
    /// Number of article files.
    pub article_files: usize,
    /// Number of correction files.
    pub correction_files: usize,
    /// Over `reviews/`; absent when the folder holds no file (as in every release made before
    /// reviews were read), so that a dataset without reviews has the fingerprints it had.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviews: Option<String>,
    /// Number of review files; absent when none.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub review_files: usize,
}

#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde's skip_serializing_if passes a reference"
)]
fn is_zero(n: &usize) -> bool {
    *n == 0
}

impl Dataset {
    /// Opens `root`, reading and checking `dataset.toml`.
    pub fn open(root: &Path) -> Result<Self, Error> {
        let toml_path = root.join("dataset.toml");
        let text = std::fs::read_to_string(&toml_path).map_err(|source| Error::Read {
            path: toml_path.clone(),
            source,
        })?;
        let metadata: Metadata = toml::from_str(&text).map_err(|e| Error::Dataset {
            path: toml_path.clone(),
            message: toml_message(&text, &e),
        })?;
        let name = root
            .canonicalize()
            .ok()
            .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
            .or_else(|| root.file_name().map(|n| n.to_string_lossy().into_owned()))
            .unwrap_or_default();
        if name.is_empty() {
            return Err(Error::Dataset {
                path: root.to_path_buf(),
                message: "a dataset folder needs a name".into(),
            });
        }
        Ok(Dataset {
            root: root.to_path_buf(),
            name,
            metadata,
        })
    }

    /// `articles/`: the source articles.
    pub fn articles_dir(&self) -> PathBuf {
        self.root.join("articles")
    }

    /// `corrections/`: one TOML file per correction.
    pub fn corrections_dir(&self) -> PathBuf {
        self.root.join("corrections")
    }

    /// `reviews/`: published fact-checks, in any form `claimset reviews import` reads, linked
    /// to the claims at release time.
    pub fn reviews_dir(&self) -> PathBuf {
        self.root.join("reviews")
    }

    /// `releases/`: one folder per published version.
    pub fn releases_dir(&self) -> PathBuf {
        self.root.join("releases")
    }

    /// `releases/<version>/`.
    pub fn release_dir(&self, version: &Version) -> PathBuf {
        self.releases_dir().join(version.to_string())
    }

    /// `CHANGELOG.md`.
    pub fn changelog_path(&self) -> PathBuf {
        self.root.join("CHANGELOG.md")
    }

    /// Published versions, oldest first. Folders whose names are not versions (such as a
    /// release being written) are ignored.
    pub fn releases(&self) -> Result<Vec<Version>, Error> {
        let dir = self.releases_dir();
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(source) => return Err(Error::Read { path: dir, source }),
        };
        let mut versions = Vec::new();
        for entry in entries {
            let entry = entry.map_err(|source| Error::Read {
                path: dir.clone(),
                source,
            })?;
            if let Ok(v) = Version::parse(&entry.file_name().to_string_lossy())
                && entry.path().join("manifest.json").is_file()
            {
                versions.push(v);
            }
        }
        versions.sort();
        Ok(versions)
    }

    /// The input files, sorted by path, with their hashes.
    pub fn input_files(&self) -> Result<(Vec<InputFile>, Vec<InputFile>), Error> {
        let articles = hash_tree(&self.root, &self.articles_dir())?;
        let corrections = hash_tree(&self.root, &self.corrections_dir())?;
        Ok((articles, corrections))
    }

    /// The review files, sorted by path, with their hashes.
    pub fn review_files(&self) -> Result<Vec<InputFile>, Error> {
        hash_tree(&self.root, &self.reviews_dir())
    }

    /// Fingerprints of the current inputs.
    pub fn fingerprints(&self) -> Result<Fingerprints, Error> {
        let (articles, corrections) = self.input_files()?;
        let reviews = self.review_files()?;
        Ok(Fingerprints {
            articles: fingerprint(&articles),
            corrections: fingerprint(&corrections),
            article_files: articles.len(),
            correction_files: corrections.len(),
            reviews: (!reviews.is_empty()).then(|| fingerprint(&reviews)),
            review_files: reviews.len(),
        })
    }
}

/// SHA-256 over `path \t sha256 \n` lines.
fn fingerprint(files: &[InputFile]) -> String {
    let mut h = Sha256::new();
    for f in files {
        h.update(f.path.as_bytes());
        h.update(b"\t");
        h.update(f.sha256.as_bytes());
        h.update(b"\n");
    }
    crate::digest::hex(&h.finalize())
}

/// Every file under `dir` (recursively, hidden ones left out), hashed, with paths relative
/// to `root`. A missing folder has no files.
fn hash_tree(root: &Path, dir: &Path) -> Result<Vec<InputFile>, Error> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = match std::fs::read_dir(&d) {
            Ok(e) => e,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound && d == dir => continue,
            Err(source) => return Err(Error::Read { path: d, source }),
        };
        for entry in entries {
            let entry = entry.map_err(|source| Error::Read {
                path: d.clone(),
                source,
            })?;
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            let kind = entry.file_type().map_err(|source| Error::Read {
                path: path.clone(),
                source,
            })?;
            if kind.is_dir() {
                stack.push(path);
            } else if kind.is_file() {
                out.push(InputFile {
                    path: relative(root, &path),
                    sha256: crate::digest::sha256_file(&path)?,
                });
            }
        }
    }
    out.sort_by(|a, b| a.path.cmp(&b.path));
    Ok(out)
}

/// `path` relative to `root`, with `/` separators whatever the platform.
pub(crate) fn relative(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// A TOML error message with its line, for people editing the file.
pub(crate) fn toml_message(text: &str, e: &toml::de::Error) -> String {
    match e.span() {
        Some(span) => {
            let line = 1 + text[..span.start.min(text.len())].matches('\n').count();
            format!("line {line}: {}", e.message())
        }
        None => e.message().to_owned(),
    }
}
