//! Verifying published releases, in two parts that say different things. Integrity: every
//! file on disk is what the release's manifest says, for every release, always. Reproduction:
//! the release rebuilt from the inputs and code at hand is byte-identical — for the latest
//! release, and for an older one whenever the current inputs and rules still make it; an
//! older release made by other rules is named with the generator that built it and the
//! commit that reproduces it.

use std::fmt::Write as _;

use semver::Version;
use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::dataset::Dataset;
use crate::error::Error;

use super::integrity::{FileCheck, check_files};
use super::manifest::Manifest;
use super::{Options, Outcome, Target, build_release};

/// What rebuilding a release found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "result")]
pub enum Reproduction {
    /// Rebuilt and compared.
    Rebuilt {
        /// Per file: name, published SHA-256, rebuilt SHA-256.
        files: Vec<(String, String, String)>,
        /// What the rebuild was made from that differs from the release, by name:
        /// `name`, `articles`, `corrections`, `reviews`, `extraction`, `format`, `schema`,
        /// `generator`.
        changed: Vec<String>,
    },
    /// An older release that the current inputs or rules no longer make: not rebuilt here.
    OtherRules {
        /// The generator that built it (`claimset 0.1.0`).
        generator: String,
        /// What differs from the current inputs and rules, by name.
        changed: Vec<String>,
        /// How to reproduce it.
        how: String,
    },
    /// The dataset's external inputs are not on this machine: not rebuilt.
    InputsAbsent {
        /// Each input missing and where it was looked for.
        missing: Vec<String>,
    },
}

/// The verification of one release.
#[derive(Debug, Serialize)]
pub struct Verification {
    /// The release checked.
    pub version: Version,
    /// Whether it is the dataset's latest release.
    pub latest: bool,
    /// Problems of `manifest.json` itself (unreadable, another version's).
    pub manifest_problems: Vec<String>,
    /// Each file against the manifest.
    pub files: Vec<FileCheck>,
    /// The rebuild, when one was made or skipped for a reason.
    pub reproduction: Option<Reproduction>,
}

impl Verification {
    /// Whether every file on disk is what the manifest says.
    pub fn intact(&self) -> bool {
        self.manifest_problems.is_empty() && self.files.iter().all(FileCheck::is_ok)
    }

    /// Whether the release was rebuilt byte for byte.
    pub fn reproduces(&self) -> bool {
        matches!(&self.reproduction, Some(Reproduction::Rebuilt { files, changed })
            if changed.is_empty() && files.iter().all(|(_, a, b)| a == b))
    }

    /// Whether verification passed: the files are intact, and the release reproduces —
    /// unless it is an older release made by other rules, or its external inputs are absent
    /// (both said in the report).
    pub fn passed(&self) -> bool {
        self.intact()
            && match &self.reproduction {
                None => false,
                Some(Reproduction::Rebuilt { .. }) => self.reproduces(),
                Some(Reproduction::OtherRules { .. } | Reproduction::InputsAbsent { .. }) => true,
            }
    }

    /// The verification as lines for people.
    pub fn to_text(&self) -> String {
        let mut s = String::new();
        let v = &self.version;
        for p in &self.manifest_problems {
            let _ = writeln!(s, "PROBLEM  manifest.json: {p}");
        }
        for f in &self.files {
            let _ = writeln!(s, "{}", f.to_line());
        }
        if self.intact() {
            let _ = writeln!(
                s,
                "claimset: release {v}: every file is as its manifest says"
            );
        } else {
            let _ = writeln!(
                s,
                "claimset: release {v}: its files are not those its manifest lists; restore \
                 them from git (`git checkout -- <release folder>`): a published release is \
                 never edited"
            );
        }
        match &self.reproduction {
            None => {}
            Some(Reproduction::Rebuilt { files, changed }) => {
                if !changed.is_empty() {
                    let _ = writeln!(
                        s,
                        "changed since release {v}: {}; {}",
                        changed.join(", "),
                        if self.latest {
                            "cut a new release (`claimset release`) to publish the change"
                        } else {
                            "a later release holds the change"
                        }
                    );
                }
                for (name, published, rebuilt) in files {
                    if published == rebuilt {
                        let _ = writeln!(s, "     ok  rebuilt {name}");
                    } else {
                        let _ = writeln!(
                            s,
                            "DIFFERS  rebuilt {name}: {rebuilt}, published {published}"
                        );
                    }
                }
                if self.reproduces() {
                    let _ = writeln!(
                        s,
                        "claimset: release {v} reproduces: a rebuild from the current code and \
                         inputs gives its manifest's files byte for byte"
                    );
                } else {
                    let _ = writeln!(
                        s,
                        "claimset: release {v} does not reproduce from the current code and \
                         inputs"
                    );
                }
            }
            Some(Reproduction::OtherRules {
                generator,
                changed,
                how,
            }) => {
                let _ = writeln!(
                    s,
                    "claimset: release {v} was built by {generator}; what changed since: {}; \
                     not rebuilt. {how}",
                    changed.join(", ")
                );
            }
            Some(Reproduction::InputsAbsent { missing }) => {
                let _ = writeln!(
                    s,
                    "claimset: release {v} not rebuilt: its inputs are not here ({}); files \
                     checked against the manifest only",
                    missing.join("; ")
                );
            }
        }
        s
    }
}

/// Verifies release `version` (the latest when `None`): its files against its manifest, then
/// a rebuild where the current code and inputs can make it.
pub fn verify(
    dataset: &Dataset,
    version: Option<Version>,
    jobs: usize,
) -> Result<Verification, Error> {
    let versions = dataset.releases()?;
    let Some(version) = version.or_else(|| versions.last().cloned()) else {
        return Err(Error::Dataset {
            path: dataset.releases_dir(),
            message: "no release to verify: run `claimset release` first".into(),
        });
    };
    if !versions.contains(&version) {
        return Err(Error::Dataset {
            path: dataset.release_dir(&version),
            message: format!(
                "no release {version}: the releases are {}",
                versions
                    .iter()
                    .map(ToString::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        });
    }
    verify_one(dataset, &versions, &version, jobs)
}

/// Verifies every release of the dataset, oldest first: what CI runs.
pub fn verify_all(dataset: &Dataset, jobs: usize) -> Result<Vec<Verification>, Error> {
    let versions = dataset.releases()?;
    if versions.is_empty() {
        return Err(Error::Dataset {
            path: dataset.releases_dir(),
            message: "no release to verify: run `claimset release` first".into(),
        });
    }
    versions
        .iter()
        .map(|v| verify_one(dataset, &versions, v, jobs))
        .collect()
}

fn verify_one(
    dataset: &Dataset,
    versions: &[Version],
    version: &Version,
    jobs: usize,
) -> Result<Verification, Error> {
    let dir = dataset.release_dir(version);
    let latest = versions.last() == Some(version);
    let mut out = Verification {
        version: version.clone(),
        latest,
        manifest_problems: Vec::new(),
        files: Vec::new(),
        reproduction: None,
    };
    let manifest_path = dir.join("manifest.json");
    if std::fs::symlink_metadata(&manifest_path).is_ok_and(|m| !m.is_file()) {
        out.manifest_problems
            .push("a link or special file, not read".into());
        return Ok(out);
    }
    let published = match Manifest::read(&dir) {
        Ok(m) => m,
        Err(e) => {
            out.manifest_problems.push(e.to_string());
            return Ok(out);
        }
    };
    if published.version != version.to_string() {
        out.manifest_problems.push(format!(
            "says version {}, in the folder of {version}",
            published.version
        ));
    }
    out.files = check_files(&dir, &published);
    let manifest_sha = crate::digest::sha256_file(&manifest_path)?;
    out.reproduction = Some(reproduce(
        dataset,
        versions,
        version,
        (&published, &manifest_sha),
        jobs,
    )?);
    Ok(out)
}

/// What differs between the release's manifest and the current dataset, by name, as far
/// as it is known without building.
fn changed_inputs(dataset: &Dataset, published: &Manifest) -> Result<Vec<String>, Error> {
    let now = dataset.fingerprints()?;
    let mut changed = Vec::new();
    if published.dataset != dataset.name {
        changed.push(format!(
            "name (`{}` in the release, `{}` in dataset.toml)",
            published.dataset, dataset.name
        ));
    }
    if published.inputs.articles != now.articles {
        changed.push(format!(
            "articles ({} files then, {} now)",
            published.inputs.article_files, now.article_files
        ));
    }
    if published.inputs.corrections != now.corrections {
        changed.push(format!(
            "corrections ({} files then, {} now)",
            published.inputs.correction_files, now.correction_files
        ));
    }
    if published.inputs.reviews != now.reviews {
        changed.push(format!(
            "reviews ({} files then, {} now)",
            published.inputs.review_files, now.review_files
        ));
    }
    if published.format != crate::table::format_fingerprint() {
        changed.push("format (the table layout or writer settings)".into());
    }
    if published.schema_version != crate::record::SCHEMA_VERSION {
        changed.push(format!(
            "schema ({} then, {} now)",
            published.schema_version,
            crate::record::SCHEMA_VERSION
        ));
    }
    Ok(changed)
}

fn reproduce(
    dataset: &Dataset,
    versions: &[Version],
    version: &Version,
    (published, manifest_sha): (&Manifest, &str),
    jobs: usize,
) -> Result<Reproduction, Error> {
    let latest = versions.last() == Some(version);
    let mut changed = changed_inputs(dataset, published)?;
    let generator = format!(
        "{} {}",
        published.generator.name, published.generator.version
    );
    let how = format!(
        "To reproduce it, build the commit that added it — `git log --diff-filter=A -1 \
         --format=%H -- {}/manifest.json` — and run `claimset verify {} --release {version}` \
         there",
        dataset.release_dir(version).display(),
        dataset.root.display()
    );
    if !latest && !changed.is_empty() {
        return Ok(Reproduction::OtherRules {
            generator,
            changed,
            how,
        });
    }
    let scratch = crate::atomic::BuildDir::create(&std::env::temp_dir())?;
    let options = Options {
        bump: None,
        target: Target::Directory(scratch.path().to_path_buf()),
        jobs,
        meter: None,
    };
    let previous = versions.iter().rev().find(|v| *v < version).cloned();
    let rebuilt = match build_release(dataset, &options, previous, Some(version)) {
        Ok(Outcome::Released(r)) => r.manifest,
        Ok(Outcome::Problems(p)) => {
            return Err(Error::Dataset {
                path: dataset.root.clone(),
                message: format!(
                    "cannot rebuild {version}: {} problems, first: {}",
                    p.len(),
                    p[0]
                ),
            });
        }
        Ok(Outcome::UpToDate(_)) => unreachable!("a forced version always builds"),
        Err(Error::InputsAbsent { missing, .. }) => {
            return Ok(Reproduction::InputsAbsent { missing });
        }
        Err(e) => return Err(e),
    };
    if published.extraction != rebuilt.extraction {
        if !latest {
            return Ok(Reproduction::OtherRules {
                generator,
                changed: vec!["extraction rules".into()],
                how,
            });
        }
        changed.push("extraction (the rules find other claims in the same articles)".into());
    }
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
        manifest_sha.to_owned(),
        crate::digest::hex(&Sha256::digest(rebuilt.to_json().as_bytes())),
    ));
    Ok(Reproduction::Rebuilt { files, changed })
}
