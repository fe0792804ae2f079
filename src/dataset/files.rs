//! A dataset's input files and their fingerprints: every entry of `articles/`, `corrections/`
//! and `reviews/` hashed, links and special files included by what they are (never followed
//! or opened), so that any change to what a release reads changes its fingerprint.

use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::error::Error;

/// One input file, by path relative to the dataset folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InputFile {
    /// `articles/…`, `corrections/…` or `reviews/…`, with `/` separators.
    pub path: String,
    /// SHA-256 of its bytes, lowercase hex; for an entry that is not a regular file (which no
    /// release reads), of what it is (`symlink:<target>`, `fifo`).
    pub sha256: String,
}

/// SHA-256 over `path \t sha256 \n` lines.
pub(super) fn fingerprint(files: &[InputFile]) -> String {
    let mut h = Sha256::new();
    for f in files {
        h.update(f.path.as_bytes());
        h.update(b"\t");
        h.update(f.sha256.as_bytes());
        h.update(b"\n");
    }
    crate::digest::hex(&h.finalize())
}

/// Every entry under `dir` (recursively, hidden ones left out), hashed, with paths relative
/// to `root`. A missing folder has no files. Links are not followed and special files not
/// opened: each counts by what it is, so that the release that rejects it is a new one.
pub(super) fn hash_tree(root: &Path, dir: &Path) -> Result<Vec<InputFile>, Error> {
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
            let sha256 = if kind.is_dir() {
                stack.push(path);
                continue;
            } else if kind.is_file() {
                crate::digest::sha256_file(&path)?
            } else {
                let what = if kind.is_symlink() {
                    let target = std::fs::read_link(&path).unwrap_or_default();
                    format!("symlink:{}", target.display())
                } else {
                    "special".to_owned()
                };
                crate::digest::hex(&Sha256::digest(what.as_bytes()))
            };
            out.push(InputFile {
                path: relative(root, &path),
                sha256,
            });
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
