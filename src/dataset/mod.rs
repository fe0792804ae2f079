//! A dataset folder: `dataset.toml`, its source articles (in `articles/`, and external inputs
//! it declares), its corrections, the published fact-checks it links to its claims
//! (`reviews/`), its releases and its changelog, and the fingerprints that say whether any
//! input changed.
//!
//! Containment: a dataset reads and writes only its own files. Nothing inside the dataset
//! folder is read or written through a symbolic link — not `dataset.toml`, `articles/`,
//! `corrections/`, `reviews/`, `releases/` or `CHANGELOG.md`, nor any entry below them — so
//! that a release holds exactly what the folder holds and writes nothing elsewhere. The folder
//! itself may be reached through a link, and external inputs may be anywhere: they are
//! pinned by their SHA-256.

mod files;
mod external;

use std::path::{Path, PathBuf};

use semver::Version;
use serde::{Deserialize, Serialize};

use crate::error::Error;

pub use external::{ExternalInput, Located};
pub use files::InputFile;
pub(crate) use files::relative;

/// What `dataset.toml` says about a dataset.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    /// The dataset's name, as its releases carry it: the same wherever the folder is and
    /// whatever it is called.
    pub name: String,
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
    /// Inputs kept outside the repository, read after `articles/`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inputs: Vec<ExternalInput>,
}

/// An opened dataset folder.
#[derive(Debug, Clone)]
pub struct Dataset {
    /// The folder.
    pub root: PathBuf,
    /// The dataset's name, from `dataset.toml`.
    pub name: String,
    /// `dataset.toml`.
    pub metadata: Metadata,
}

/// Fingerprints of a dataset's inputs: SHA-256 over the sorted list of (path, file hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fingerprints {
    /// Over `articles/` and the external inputs (by declared hash and selection).
    pub articles: String,
    /// Over `corrections/`.
    pub corrections: String,
    /// Number of article files, external inputs included.
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

/// Whether `s` can name a dataset or an input: letters, digits, `.`, `_` and `-`, not
/// starting with `.`.
pub(crate) fn is_safe_name(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 200
        && !s.starts_with('.')
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'-'))
}

/// A link where the containment policy allows none.
fn link_error(path: &Path) -> Error {
    Error::Dataset {
        path: path.to_path_buf(),
        message: "is a symbolic link: a dataset reads and writes only its own files, never \
                  through links; put the file or folder itself there (a corpus kept elsewhere \
                  is declared in dataset.toml as an external input)"
            .into(),
    }
}

/// Fails if `path` is a symbolic link (or, when `file`, anything but a regular file); a
/// missing path is fine.
pub(crate) fn check_own(path: &Path, file: bool) -> Result<(), Error> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => Err(link_error(path)),
        Ok(m) if file && !m.is_file() => Err(Error::Dataset {
            path: path.to_path_buf(),
            message: "is not a regular file: move it away, and let claimset write the file".into(),
        }),
        Ok(m) if !file && !m.is_dir() => Err(Error::Dataset {
            path: path.to_path_buf(),
            message: "is not a folder".into(),
        }),
        _ => Ok(()),
    }
}

impl Dataset {
    /// Opens `root`, reading and checking `dataset.toml` and the containment policy of its
    /// folders.
    pub fn open(root: &Path) -> Result<Self, Error> {
        if !root.is_dir() {
            return Err(Error::Dataset {
                path: root.to_path_buf(),
                message: if root.exists() {
                    "is not a dataset folder: give the folder that holds dataset.toml".into()
                } else {
                    "no such folder: give a dataset folder (datasets/<name>)".into()
                },
            });
        }
        let toml_path = root.join("dataset.toml");
        if !toml_path.exists() && std::fs::symlink_metadata(&toml_path).is_err() {
            return Err(Error::Dataset {
                path: root.to_path_buf(),
                message: "is not a dataset: it has no dataset.toml. A dataset folder holds \
                          dataset.toml (name, title, description, language, source, licence), \
                          articles/ and corrections/; datasets/ukraine-crisis-2022 is one"
                    .into(),
            });
        }
        check_own(&toml_path, true)?;
        let text = std::fs::read_to_string(&toml_path).map_err(|source| Error::Read {
            path: toml_path.clone(),
            source,
        })?;
        let metadata: Metadata = toml::from_str(&text).map_err(|e| Error::Dataset {
            path: toml_path.clone(),
            message: metadata_message(&text, &e),
        })?;
        let mut problems = Vec::new();
        if !is_safe_name(&metadata.name) {
            problems.push(format!(
                "name `{}`: a dataset's name is letters, digits, `.`, `_` and `-`",
                metadata.name
            ));
        }
        for (k, i) in metadata.inputs.iter().enumerate() {
            problems.extend(i.problems());
            if metadata.inputs[..k].iter().any(|j| j.name == i.name) {
                problems.push(format!("input `{}` is declared twice", i.name));
            }
        }
        if !problems.is_empty() {
            return Err(Error::Dataset {
                path: toml_path,
                message: problems.join("; "),
            });
        }
        let dataset = Dataset {
            root: root.to_path_buf(),
            name: metadata.name.clone(),
            metadata,
        };
        for dir in [
            dataset.articles_dir(),
            dataset.corrections_dir(),
            dataset.reviews_dir(),
            dataset.releases_dir(),
        ] {
            check_own(&dir, false)?;
        }
        check_own(&dataset.changelog_path(), true)?;
        Ok(dataset)
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
    /// release being written) are ignored; a version that is a link is refused.
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
            let Ok(v) = Version::parse(&entry.file_name().to_string_lossy()) else {
                continue;
            };
            check_own(&entry.path(), false)?;
            if entry.path().join("manifest.json").is_file() {
                versions.push(v);
            }
        }
        versions.sort();
        Ok(versions)
    }

    /// The input files, sorted by path, with their hashes.
    pub fn input_files(&self) -> Result<(Vec<InputFile>, Vec<InputFile>), Error> {
        let articles = files::hash_tree(&self.root, &self.articles_dir())?;
        let corrections = files::hash_tree(&self.root, &self.corrections_dir())?;
        Ok((articles, corrections))
    }

    /// The entries of `reviews/`, sorted by path, with their hashes (a link or special file
    /// by what it is: it is never read).
    pub fn review_files(&self) -> Result<Vec<InputFile>, Error> {
        files::hash_tree(&self.root, &self.reviews_dir())
    }

    /// Fingerprints of the current inputs. External inputs count by their declared hash and
    /// selection, so that the fingerprints are known without them.
    pub fn fingerprints(&self) -> Result<Fingerprints, Error> {
        let (mut articles, corrections) = self.input_files()?;
        let reviews = self.review_files()?;
        articles.extend(
            self.metadata
                .inputs
                .iter()
                .map(ExternalInput::fingerprint_entry),
        );
        Ok(Fingerprints {
            articles: files::fingerprint(&articles),
            corrections: files::fingerprint(&corrections),
            article_files: articles.len(),
            correction_files: corrections.len(),
            reviews: (!reviews.is_empty()).then(|| files::fingerprint(&reviews)),
            review_files: reviews.len(),
        })
    }

    /// The external inputs, each found and checked against its declared SHA-256, with where
    /// it is. Fails with [`Error::InputsAbsent`] when any is missing.
    pub fn external_inputs(&self) -> Result<Vec<(ExternalInput, PathBuf)>, Error> {
        external::locate_all(&self.root, &self.metadata.inputs)
    }
}

/// `dataset.toml`'s parse error with its line, and what to add for a field it lacks.
fn metadata_message(text: &str, e: &toml::de::Error) -> String {
    let m = toml_message(text, e);
    if e.message().contains("missing field `name`") {
        format!(
            "{m}: add name = \"…\", the dataset's name as its releases carry it (its folder's \
             name, usually)"
        )
    } else {
        m
    }
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
