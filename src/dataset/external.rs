//! Inputs kept outside the repository: a corpus that cannot be redistributed, declared in
//! `dataset.toml` by where to find it (a path relative to the dataset, or an environment
//! variable), its SHA-256, and optionally the slice of it the dataset takes. A release reads
//! it only when it is there and is the declared file; corrections and search need only the
//! committed release.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::input::Selection;

/// One input declared in `dataset.toml` as `[[inputs]]`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExternalInput {
    /// What releases call it: its articles' locations are `<name>:<line>`, wherever the
    /// file is.
    pub name: String,
    /// Where it is, relative to the dataset folder.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// An environment variable holding where it is; when set, it wins over `path`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub env: Option<String>,
    /// SHA-256 of the file, lowercase hex: a release reads no other file.
    pub sha256: String,
    /// Which of its articles the dataset takes; all when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub select: Option<Selection>,
}

/// Where an external input is, or where it was looked for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Located {
    /// The file is there.
    Found(PathBuf),
    /// Not found: the places it was looked for, for the message.
    Missing(Vec<String>),
}

impl ExternalInput {
    /// Problems of the declaration itself, for `dataset.toml`'s error message.
    pub(super) fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        if !super::is_safe_name(&self.name) {
            out.push(format!(
                "input `{}`: a name is letters, digits, `.`, `_` and `-`",
                self.name
            ));
        }
        if self.path.is_none() && self.env.is_none() {
            out.push(format!(
                "input `{}`: say where it is with path = \"…\" (relative to the dataset) or \
                 env = \"VARIABLE\"",
                self.name
            ));
        }
        if self
            .path
            .as_deref()
            .is_some_and(|p| Path::new(p).is_absolute())
        {
            out.push(format!(
                "input `{}`: path must be relative to the dataset folder, so that the dataset \
                 works wherever it is cloned; use env = \"VARIABLE\" for a path of this machine",
                self.name
            ));
        }
        let hex = self.sha256.len() == 64
            && self
                .sha256
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if !hex {
            out.push(format!(
                "input `{}`: sha256 must be 64 lowercase hex digits (`sha256sum FILE`)",
                self.name
            ));
        }
        out
    }

    /// Where the file is: the environment variable's path when it is set (and not empty),
    /// else `path` under the dataset folder. A variable set to a path with no file there is
    /// a mistake to report, not a reason to read another file.
    pub fn locate(&self, root: &Path) -> Located {
        let mut tried = Vec::new();
        if let Some(var) = &self.env {
            match std::env::var_os(var) {
                Some(p) if p.is_empty() => tried.push(format!("${var} (empty)")),
                Some(p) if Path::new(&p).is_file() => return Located::Found(PathBuf::from(p)),
                Some(p) => {
                    tried.push(format!("${var} = `{}`", Path::new(&p).display()));
                    return Located::Missing(tried);
                }
                None => tried.push(format!("${var} (not set)")),
            }
        }
        if let Some(rel) = &self.path {
            let p = root.join(rel);
            if p.is_file() {
                return Located::Found(p);
            }
            tried.push(format!("`{}`", p.display()));
        }
        Located::Missing(tried)
    }

    /// The line that stands for this input in the articles fingerprint: its declared hash
    /// and selection, so that the fingerprint is known without the file.
    pub(super) fn fingerprint_entry(&self) -> super::InputFile {
        use sha2::Digest;
        let select = self
            .select
            .as_ref()
            .map(|s| serde_json::to_string(s).expect("selections serialize"))
            .unwrap_or_default();
        super::InputFile {
            path: format!("{} (external)", self.name),
            sha256: crate::digest::hex(&sha2::Sha256::digest(
                format!("{}\t{select}", self.sha256).as_bytes(),
            )),
        }
    }
}

/// The external inputs found, each checked against its declared SHA-256, as (input, path).
/// Fails, saying what is missing and where it was looked for, when any is absent; and when
/// any is not the declared file.
pub(super) fn locate_all(
    root: &Path,
    inputs: &[ExternalInput],
) -> Result<Vec<(ExternalInput, PathBuf)>, Error> {
    let mut found = Vec::new();
    let mut missing = Vec::new();
    for i in inputs {
        match i.locate(root) {
            Located::Found(p) => found.push((i.clone(), p)),
            Located::Missing(tried) => {
                missing.push(format!(
                    "`{}`: looked for {}",
                    i.name,
                    tried.join(", then ")
                ));
            }
        }
    }
    if !missing.is_empty() {
        return Err(Error::InputsAbsent {
            dataset: root.to_path_buf(),
            missing,
        });
    }
    for (i, p) in &found {
        let actual = crate::digest::sha256_file(p)?;
        if actual != i.sha256 {
            return Err(Error::Dataset {
                path: p.clone(),
                message: format!(
                    "input `{}` has SHA-256 {actual}, but dataset.toml declares {}: this is not \
                     the file the dataset is built from; point to that file, or (when the \
                     corpus was meant to change) update sha256 and cut a new release",
                    i.name, i.sha256
                ),
            });
        }
    }
    Ok(found)
}
