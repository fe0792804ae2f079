//! Verifying a published release: rebuild it from its inputs and compare byte for byte.

use semver::Version;
use sha2::{Digest, Sha256};

use crate::dataset::Dataset;
use crate::error::Error;

use super::manifest::Manifest;
use super::{Options, Outcome, Target, build_release};

/// The result of rebuilding a release and comparing it with the published one.
#[derive(Debug, serde::Serialize)]
pub struct Verification {
    /// The release checked.
    pub version: Version,
    /// Per file: name, published SHA-256, rebuilt SHA-256.
    pub files: Vec<(String, String, String)>,
    /// Whether the current inputs are those the release was built from.
    pub inputs_match: bool,
    /// The generator that built the release, if not this one.
    pub other_generator: Option<String>,
}

impl Verification {
    /// Whether the rebuild is byte-identical.
    pub fn reproduces(&self) -> bool {
        self.inputs_match
            && self.other_generator.is_none()
            && self.files.iter().all(|(_, a, b)| a == b)
    }

    /// The verification as lines for people.
    pub fn to_text(&self) -> String {
        use std::fmt::Write as _;
        let mut s = String::new();
        if let Some(g) = &self.other_generator {
            let _ = writeln!(
                s,
                "release {} was built by {g}, this is claimset {}: cut a new release to publish \
                 this version's output",
                self.version,
                env!("CARGO_PKG_VERSION")
            );
        }
        if !self.inputs_match {
            let _ = writeln!(
                s,
                "the articles or corrections changed since release {}: cut a new release",
                self.version
            );
        }
        for (name, published, rebuilt) in &self.files {
            let mark = if published == rebuilt {
                "ok"
            } else {
                "DIFFERS"
            };
            let _ = writeln!(s, "{mark:>7}  {name}  {published}");
            if published != rebuilt {
                let _ = writeln!(s, "         rebuilt  {rebuilt}");
            }
        }
        if self.reproduces() {
            let _ = writeln!(
                s,
                "claimset: release {} reproduces byte for byte",
                self.version
            );
        } else {
            let _ = writeln!(
                s,
                "claimset: release {} does not reproduce from the current code and inputs",
                self.version
            );
        }
        s
    }
}

/// Rebuilds release `version` (the latest when `None`) from the dataset's inputs and
/// compares every file with the published one.
pub fn verify(
    dataset: &Dataset,
    version: Option<Version>,
    jobs: usize,
) -> Result<Verification, Error> {
    let versions = dataset.releases()?;
    let Some(version) = version.or_else(|| versions.last().cloned()) else {
        return Err(Error::Dataset {
            path: dataset.releases_dir(),
            message: "no release to verify".into(),
        });
    };
    let dir = dataset.release_dir(&version);
    let published = Manifest::read(&dir)?;
    let previous = versions.iter().rev().find(|v| **v < version).cloned();
    let inputs_match = dataset.fingerprints()? == published.inputs;
    let other_generator = (published.generator.version != env!("CARGO_PKG_VERSION")).then(|| {
        format!(
            "{} {}",
            published.generator.name, published.generator.version
        )
    });
    let scratch = tempfile::tempdir().map_err(|source| Error::Write {
        path: std::env::temp_dir(),
        source,
    })?;
    let options = Options {
        bump: None,
        target: Target::Directory(scratch.path().to_path_buf()),
        jobs,
        meter: None,
    };
    let rebuilt = match build_release(dataset, &options, previous, Some(&version))? {
        Outcome::Released(r) => r.manifest,
        Outcome::Problems(p) => {
            return Err(Error::Dataset {
                path: dataset.root.clone(),
                message: format!(
                    "cannot rebuild {version}: {} problems, first: {}",
                    p.len(),
                    p[0]
                ),
            });
        }
        Outcome::UpToDate(_) => unreachable!("a forced version always builds"),
    };
    let mut files: Vec<(String, String, String)> = published
        .files
        .iter()
        .map(|f| {
            let again = rebuilt
                .files
                .iter()
                .find(|g| g.name == f.name)
                .map_or_else(String::new, |g| g.sha256.clone());
            (f.name.clone(), f.sha256.clone(), again)
        })
        .collect();
    files.push((
        "manifest.json".into(),
        crate::digest::sha256_file(&dir.join("manifest.json"))?,
        crate::digest::hex(&Sha256::digest(rebuilt.to_json().as_bytes())),
    ));
    Ok(Verification {
        version,
        files,
        inputs_match,
        other_generator,
    })
}
