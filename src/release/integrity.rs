//! Integrity of a published release: every file on disk against its manifest — missing,
//! changed, extra, or a link where a file should be — without rebuilding anything.

use std::path::Path;

use serde::Serialize;

use super::manifest::Manifest;

/// What one file of a release folder is, against its manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum FileCheck {
    /// Its size and SHA-256 are the manifest's.
    Ok {
        /// Its name.
        name: String,
    },
    /// Listed in the manifest, not on disk.
    Missing {
        /// Its name.
        name: String,
    },
    /// On disk with other bytes than the manifest says.
    Changed {
        /// Its name.
        name: String,
        /// The manifest's SHA-256.
        expected: String,
        /// The file's.
        actual: String,
    },
    /// On disk, not listed in the manifest.
    Extra {
        /// Its name.
        name: String,
    },
    /// A symbolic link or a special file where a release file should be: not read.
    NotAFile {
        /// Its name.
        name: String,
    },
}

impl FileCheck {
    /// Whether the file is as the manifest says.
    pub fn is_ok(&self) -> bool {
        matches!(self, FileCheck::Ok { .. })
    }

    /// One line for people.
    pub fn to_line(&self) -> String {
        match self {
            FileCheck::Ok { name } => format!("     ok  {name}"),
            FileCheck::Missing { name } => {
                format!("MISSING  {name}: listed in manifest.json, not on disk")
            }
            FileCheck::Changed {
                name,
                expected,
                actual,
            } => format!("CHANGED  {name}: SHA-256 {actual}, manifest.json says {expected}"),
            FileCheck::Extra { name } => {
                format!("  EXTRA  {name}: not listed in manifest.json")
            }
            FileCheck::NotAFile { name } => {
                format!("NOTFILE  {name}: a link or special file, not read")
            }
        }
    }
}

/// Checks the files of the release folder `dir` against `manifest`, in name order.
pub(super) fn check_files(dir: &Path, manifest: &Manifest) -> Vec<FileCheck> {
    let mut out = Vec::new();
    for f in &manifest.files {
        let path = dir.join(&f.name);
        let name = f.name.clone();
        out.push(match std::fs::symlink_metadata(&path) {
            Err(_) => FileCheck::Missing { name },
            Ok(m) if !m.is_file() => FileCheck::NotAFile { name },
            Ok(_) => match crate::digest::sha256_file(&path) {
                Ok(h) if h == f.sha256 => FileCheck::Ok { name },
                Ok(actual) => FileCheck::Changed {
                    name,
                    expected: f.sha256.clone(),
                    actual,
                },
                Err(_) => FileCheck::Missing { name },
            },
        });
    }
    if let Ok(entries) = std::fs::read_dir(dir) {
        let mut extra: Vec<String> = entries
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n != "manifest.json" && !manifest.files.iter().any(|f| &f.name == n))
            .collect();
        extra.sort();
        out.extend(extra.into_iter().map(|name| FileCheck::Extra { name }));
    }
    out
}
