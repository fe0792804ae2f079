//! Stage 3, dataset → release: a versioned, immutable, byte-reproducible release folder
//! (`claims.parquet`, `articles.parquet`, `manifest.json`) and its changelog entry.
//!
//! In the order a release is made: [`plan`] decides the version, [`build`] makes one pass over
//! the articles (extraction, [`ids`] kept stable, corrections, validation, tables) and
//! [`links`] the dataset's published fact-checks to the claims (`proposed-links.jsonl`),
//! [`manifest`] describes the result, [`changelog`] and [`diff`] say what changed, and
//! [`verify`] rebuilds a published release to check it; [`card`] (with [`chart`] and
//! [`croissant`]) presents the latest release beside the release folders, which it never
//! touches. A release is built in a temporary folder beside its destination and renamed into
//! place, so an interrupted run leaves nothing behind; an existing version is never
//! overwritten.

mod plan;
mod build;
mod links;
mod ids;
mod manifest;
mod changelog;
mod diff;
mod integrity;
mod verify;
mod search;
mod chart;
mod croissant;
mod card;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use semver::Version;

use crate::curate::{Corrections, Problem};
use crate::dataset::Dataset;
use crate::error::Error;
use crate::input::{Meter, Rejection};
use crate::record::SCHEMA_VERSION;
use crate::stream::Options as StreamOptions;

pub use card::{
    CARD_FILE, CHART_FILE, CROISSANT_FILE, Card, LATEST, MEASURED_QUALITY, QUALITY_COMMAND, card,
};
pub use changelog::changelog_entry;
pub use diff::{Change, Diff, VerdictChange, VerdictSummary, diff_files};
pub use ids::inherit_ids;
pub use integrity::FileCheck;
pub use links::PROPOSED_LINKS;
pub use manifest::{Counts, FileEntry, Generator, Manifest, ReviewCounts};
pub use plan::Bump;
pub use search::{Hit as SearchHit, search};
pub use verify::{Reproduction, Verification, verify, verify_all};

use build::build;
use diff::Previous;
use manifest::file_entry;
use plan::{Choice, infer};

/// Where a release goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// `datasets/<name>/releases/<version>/`, with a changelog entry.
    Publish,
    /// `<dir>/<version>/`, nothing else touched: a preview outside `datasets/`.
    Directory(PathBuf),
    /// Built in a temporary folder and deleted: everything checked, nothing kept.
    DryRun,
}

/// How to release.
#[derive(Debug, Clone)]
pub struct Options {
    /// The version part to bump; inferred from what changed when not given.
    pub bump: Option<Bump>,
    /// Where the release goes.
    pub target: Target,
    /// Worker threads; 0 uses every core.
    pub jobs: usize,
    /// Where to count progress over the articles, for a caller that shows it.
    pub meter: Option<Arc<Meter>>,
}

/// A release built.
#[derive(Debug)]
pub struct Release {
    /// Its version.
    pub version: Version,
    /// Where it is, unless it was a dry run.
    pub path: Option<PathBuf>,
    /// Its manifest.
    pub manifest: Manifest,
    /// What changed since the previous release (everything is added for a first release).
    pub diff: Diff,
    /// The version it follows.
    pub previous: Option<Version>,
    /// What kind of change it is, as inferred from its inputs.
    pub kind: Option<Bump>,
    /// Input articles that could not be read; they are listed in `articles.parquet`.
    pub rejected_inputs: Vec<Rejection>,
    /// Reviews in `reviews/` that could not be imported; they are counted in the manifest.
    pub rejected_reviews: Vec<crate::review::Rejection>,
}

/// What `release` did.
#[derive(Debug)]
pub enum Outcome {
    /// A release was built (and, unless a dry run, kept).
    Released(Box<Release>),
    /// Problems in corrections or records: nothing was written.
    Problems(Vec<Problem>),
    /// Nothing changed since this version: nothing was written.
    UpToDate(Version),
}

/// Builds a release of `dataset`. Publishing (even when up to date) also writes the dataset's
/// card, chart and Croissant description and points `releases/latest` at the latest release.
pub fn release(dataset: &Dataset, options: &Options) -> Result<Outcome, Error> {
    let versions = dataset.releases()?;
    let previous = versions.last().cloned();
    let outcome = build_release(dataset, options, previous, None)?;
    if options.target == Target::Publish
        && !matches!(outcome, Outcome::Problems(_))
        && let Some(card) = card::card(dataset)?
    {
        card.write(dataset)?;
    }
    Ok(outcome)
}

/// What checking a dataset found.
#[derive(Debug, Default)]
pub struct Checked {
    /// Every problem, in corrections and in the records a release would hold.
    pub problems: Vec<Problem>,
    /// Input articles a release would list as rejected.
    pub rejected_inputs: Vec<Rejection>,
    /// Reviews in `reviews/` a release would count as rejected.
    pub rejected_reviews: Vec<crate::review::Rejection>,
    /// External inputs absent from this machine, and where they were looked for: the
    /// corrections were then checked against the latest release only.
    pub absent: Vec<String>,
}

/// Checks a dataset without writing anything: corrections, and every record it would
/// release. Without its external inputs, the corrections are checked against the latest
/// release (the claims and articles they name must be there), so that a contributor needs
/// no corpus to check a correction.
pub fn check(dataset: &Dataset, jobs: usize) -> Result<Checked, Error> {
    let (corrections, mut problems) = Corrections::load(dataset)?;
    let latest = dataset.releases()?.pop();
    let previous = match &latest {
        Some(v) => Some(Previous::load(
            &dataset.release_dir(v).join("claims.parquet"),
        )?),
        None => None,
    };
    let built = build(
        dataset,
        &corrections,
        previous.as_ref(),
        None,
        &StreamOptions { jobs, meter: None },
    );
    let mut checked = Checked::default();
    match built {
        Ok(built) => {
            problems.extend(built.problems);
            checked.rejected_inputs = built.rejected_inputs;
            checked.rejected_reviews = built.links.map(|l| l.rejected).unwrap_or_default();
        }
        Err(Error::InputsAbsent { missing, .. }) => {
            if let Some(v) = &latest {
                problems.extend(against_release(dataset, v, &corrections)?);
            }
            checked.absent = missing;
        }
        Err(e) => return Err(e),
    }
    Corrections::settle(&mut problems);
    checked.problems = problems;
    Ok(checked)
}

/// The corrections naming a claim or an article that release `v` does not hold, and the
/// decisions on links that its claims and the dataset's reviews refuse.
fn against_release(
    dataset: &Dataset,
    v: &Version,
    corrections: &Corrections,
) -> Result<Vec<Problem>, Error> {
    let dir = dataset.release_dir(v);
    let mut claims = rustc_hash::FxHashSet::default();
    crate::table::read_rows(
        &dir.join("claims.parquet"),
        crate::table::claim_columns(),
        |_, r| {
            if let Some(id) = r.get("claim_id").and_then(serde_json::Value::as_str) {
                claims.insert(id.to_owned());
            }
            Ok(())
        },
    )?;
    let mut articles = rustc_hash::FxHashSet::default();
    crate::table::read_rows(
        &dir.join("articles.parquet"),
        crate::table::article_columns(),
        |_, r| {
            if let Some(id) = r.get("article_id").and_then(serde_json::Value::as_str) {
                articles.insert(id.to_owned());
            }
            Ok(())
        },
    )?;
    let used: Vec<bool> = corrections
        .loaded
        .iter()
        .map(|l| match &l.correction {
            crate::curate::correction::Correction::Add { add, .. } => {
                articles.contains(&add.article)
            }
            // The release holds no claim a reject took out: without the articles, a reject
            // of a claim the release lacks cannot be told from a typo, and is harmless (it
            // rejects nothing); `release`, which reads the articles, reports a typo.
            crate::curate::correction::Correction::Reject { .. } => true,
            c => c.claim().is_some_and(|id| claims.contains(id)),
        })
        .collect();
    let mut problems = corrections.unused(&used);
    problems.extend(links::check_against_release(dataset, corrections, &dir)?);
    Ok(problems)
}

fn build_release(
    dataset: &Dataset,
    options: &Options,
    previous: Option<Version>,
    forced: Option<&Version>,
) -> Result<Outcome, Error> {
    let fingerprints = dataset.fingerprints()?;
    let (corrections, mut problems) = Corrections::load(dataset)?;
    let (prev_index, prev_manifest, prev_claims) = match &previous {
        Some(v) => {
            let dir = dataset.release_dir(v);
            let claims = dir.join("claims.parquet");
            (
                Some(Previous::load(&claims)?),
                Some(Manifest::read(&dir)?),
                Some(claims),
            )
        }
        None => (None, None, None),
    };
    if !problems.is_empty() {
        // Still apply what could be read, so that every problem is reported in one run.
        let built = build(
            dataset,
            &corrections,
            prev_index.as_ref(),
            None,
            &stream_options(options),
        )?;
        problems.extend(built.problems);
        Corrections::settle(&mut problems);
        return Ok(Outcome::Problems(problems));
    }

    // Build beside the destination, so that the final rename stays on one filesystem; what
    // killed runs left there goes first.
    let parent = match &options.target {
        Target::Publish => dataset.releases_dir(),
        Target::Directory(d) => d.clone(),
        Target::DryRun => std::env::temp_dir(),
    };
    if options.target != Target::DryRun {
        crate::atomic::sweep(&parent);
    }
    if options.target == Target::Publish {
        crate::atomic::sweep(&dataset.root);
    }
    let tmp = crate::atomic::BuildDir::create(&parent)?;
    let built = build(
        dataset,
        &corrections,
        prev_index.as_ref(),
        Some(tmp.path()),
        &stream_options(options),
    )?;
    if !built.problems.is_empty() {
        let mut problems = built.problems;
        Corrections::settle(&mut problems);
        return Ok(Outcome::Problems(problems));
    }

    let links = built.links.as_ref().map(|l| l.digest.clone());
    let kind = infer(
        prev_manifest.as_ref(),
        &fingerprints,
        &built.extraction,
        links.as_deref(),
    );
    let publishing = options.target == Target::Publish;
    let version = match plan::choose(forced, previous.as_ref(), kind, options.bump, publishing)? {
        Choice::Build(v) => v,
        Choice::UpToDate(v) => {
            if !changelog::has_entry(dataset, &v)? {
                // Published without its entry (by a version of claimset that wrote it after
                // the release, or by hand): write it now.
                let rejected = built.diff.rejected_list().to_vec();
                let rejected_reviews = built.links.map(|l| l.rejected).unwrap_or_default();
                let release = published_release(
                    dataset,
                    &v,
                    rejected,
                    (built.rejected_inputs, rejected_reviews),
                )?;
                changelog::prepare(dataset, &release)?.commit()?;
                return Ok(Outcome::Released(Box::new(release)));
            }
            return Ok(Outcome::UpToDate(v));
        }
    };

    let built = built.finish(dataset, &version)?;
    let manifest = Manifest {
        dataset: dataset.name.clone(),
        version: version.to_string(),
        schema_version: SCHEMA_VERSION.to_owned(),
        generator: Generator {
            name: env!("CARGO_PKG_NAME").to_owned(),
            version: env!("CARGO_PKG_VERSION").to_owned(),
        },
        inputs: fingerprints,
        extraction: built.extraction.clone(),
        format: crate::table::format_fingerprint(),
        links,
        counts: built.counts.clone(),
        files: {
            let mut files = vec![
                file_entry(tmp.path(), "articles.parquet")?,
                file_entry(tmp.path(), "claims.parquet")?,
            ];
            if built.links.is_some() {
                files.push(file_entry(tmp.path(), PROPOSED_LINKS)?);
            }
            files
        },
    };
    let rejected_reviews = built
        .links
        .as_ref()
        .map(|l| l.rejected.clone())
        .unwrap_or_default();
    let manifest_path = tmp.path().join("manifest.json");
    std::fs::write(&manifest_path, manifest.to_json()).map_err(|source| Error::Write {
        path: manifest_path,
        source,
    })?;
    let diff = built.diff.finish(
        prev_index.as_ref().unwrap_or(&Previous::default()),
        prev_claims.as_deref(),
    )?;

    let path = match &options.target {
        Target::DryRun => None,
        Target::Publish | Target::Directory(_) => {
            let dest = parent.join(version.to_string());
            if dest.exists() && identical(&dest, &manifest) {
                // Built again from the same inputs: the files there are these files.
                let release = Release {
                    version,
                    path: Some(dest),
                    manifest,
                    diff,
                    previous,
                    kind,
                    rejected_inputs: built.rejected_inputs,
                    rejected_reviews,
                };
                if publishing {
                    return Ok(Outcome::UpToDate(release.version));
                }
                return Ok(Outcome::Released(Box::new(release)));
            }
            if dest.exists() {
                return Err(Error::ReleaseExists {
                    version: version.to_string(),
                    path: dest,
                });
            }
            // The changelog entry is written aside first: a changelog that cannot be
            // written (a full disk, CHANGELOG.md a folder) stops the run before anything is
            // published.
            let entry = Release {
                version: version.clone(),
                path: None,
                manifest: manifest.clone(),
                diff: diff.clone(),
                previous: previous.clone(),
                kind,
                rejected_inputs: Vec::new(),
                rejected_reviews: Vec::new(),
            };
            let changelog = if publishing {
                Some(changelog::prepare(dataset, &entry)?)
            } else {
                None
            };
            tmp.rename_to(&dest)?;
            if let Some(c) = changelog
                && let Err(e) = c.commit()
            {
                // The release was renamed into place a moment ago by this run, and is
                // taken back: a release is published with its entry or not at all.
                let _ = std::fs::remove_dir_all(&dest);
                return Err(e);
            }
            Some(dest)
        }
    };
    let release = Release {
        version,
        path,
        manifest,
        diff,
        previous,
        kind,
        rejected_inputs: built.rejected_inputs,
        rejected_reviews,
    };
    Ok(Outcome::Released(Box::new(release)))
}

/// A published release described again, for an entry its changelog lacks: its manifest, and
/// its claims compared with the release before it.
fn published_release(
    dataset: &Dataset,
    version: &Version,
    rejected: Vec<(String, String)>,
    (rejected_inputs, rejected_reviews): (Vec<Rejection>, Vec<crate::review::Rejection>),
) -> Result<Release, Error> {
    let dir = dataset.release_dir(version);
    let manifest = Manifest::read(&dir)?;
    let previous = dataset.releases()?.into_iter().rev().find(|v| v < version);
    let (before, kind) = match &previous {
        Some(p) => {
            let m = Manifest::read(&dataset.release_dir(p))?;
            let kind = plan::between(&m, &manifest);
            (Some(dataset.release_dir(p).join("claims.parquet")), kind)
        }
        None => (None, None),
    };
    let mut diff = diff::diff_from(before.as_deref(), &dir.join("claims.parquet"))?;
    diff.rejected = rejected;
    Ok(Release {
        version: version.clone(),
        path: Some(dir),
        manifest,
        diff,
        previous,
        kind,
        rejected_inputs,
        rejected_reviews,
    })
}

/// Whether the release folder `dir` holds exactly the files `manifest` describes.
fn identical(dir: &Path, manifest: &Manifest) -> bool {
    let Ok(existing) = std::fs::read_to_string(dir.join("manifest.json")) else {
        return false;
    };
    existing == manifest.to_json()
        && manifest
            .files
            .iter()
            .all(|f| crate::digest::sha256_file(&dir.join(&f.name)).is_ok_and(|h| h == f.sha256))
}

fn stream_options(options: &Options) -> StreamOptions {
    StreamOptions {
        jobs: options.jobs,
        meter: options.meter.clone(),
    }
}
