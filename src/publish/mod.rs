//! Stage 3, dataset → release: extract every article, keep claim ids stable across
//! releases, apply corrections, validate every record, and write a versioned, immutable,
//! byte-reproducible release folder: `claims.parquet`, `articles.parquet`, `manifest.json`.
//!
//! A release is built in a temporary folder beside its destination and renamed into place,
//! so an interrupted run leaves nothing behind; an existing version is never overwritten.

pub mod arrow;
pub mod parquet;
pub mod manifest;
pub mod diff;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use semver::Version;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::curate::Problem;
use crate::curate::correction::Corrections;
use crate::curate::validate::RecordValidator;
use crate::dataset::{Dataset, Fingerprints};
use crate::error::Error;
use crate::extract::stream::{self, Meter, Options as StreamOptions, extract_guarded};
use crate::extract::{Input, Item, Rejection};
use crate::record::{ClaimRecord, Origin, SCHEMA_VERSION};

use self::arrow::{ArticleRow, article_columns, claim_columns};
use self::diff::{Diff, DiffBuilder, Previous};
use self::manifest::{Counts, Generator, Manifest, file_entry};
use self::parquet::TableWriter;

/// Which part of the version a release bumps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Bump {
    /// Corrections only.
    Patch,
    /// New articles, or better extraction.
    Minor,
    /// A change to the record schema.
    Major,
}

impl Bump {
    fn apply(self, v: &Version) -> Version {
        match self {
            Bump::Patch => Version::new(v.major, v.minor, v.patch + 1),
            Bump::Minor => Version::new(v.major, v.minor + 1, 0),
            Bump::Major => Version::new(v.major + 1, 0, 0),
        }
    }

    /// What this kind of release means.
    pub fn describe(self) -> &'static str {
        match self {
            Bump::Patch => "corrections only (patch)",
            Bump::Minor => "new articles or better extraction (minor)",
            Bump::Major => "a change to the record schema (major)",
        }
    }
}

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

/// Builds a release of `dataset`.
pub fn release(dataset: &Dataset, options: &Options) -> Result<Outcome, Error> {
    let versions = dataset.releases()?;
    let previous = versions.last().cloned();
    build_release(dataset, options, previous, None)
}

/// Checks a dataset without writing anything: corrections, and every record it would
/// release. Returns every problem found.
pub fn check(dataset: &Dataset, jobs: usize) -> Result<(Vec<Problem>, Vec<Rejection>), Error> {
    let (corrections, mut problems) = Corrections::load(dataset)?;
    let previous = match dataset.releases()?.last() {
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
    )?;
    problems.extend(built.problems);
    Ok((problems, built.rejected_inputs))
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
        return Ok(Outcome::Problems(problems));
    }

    // Build beside the destination, so that the final rename stays on one filesystem.
    let parent = match &options.target {
        Target::Publish => dataset.releases_dir(),
        Target::Directory(d) => d.clone(),
        Target::DryRun => std::env::temp_dir(),
    };
    std::fs::create_dir_all(&parent).map_err(|source| Error::Write {
        path: parent.clone(),
        source,
    })?;
    let tmp = tempfile::Builder::new()
        .prefix(".building-")
        .tempdir_in(&parent)
        .map_err(|source| Error::Write {
            path: parent.clone(),
            source,
        })?;
    let built = build(
        dataset,
        &corrections,
        prev_index.as_ref(),
        Some(tmp.path()),
        &stream_options(options),
    )?;
    if !built.problems.is_empty() {
        return Ok(Outcome::Problems(built.problems));
    }

    let kind = infer(prev_manifest.as_ref(), &fingerprints, &built.extraction);
    let version = match (&forced, &previous, kind, options.bump) {
        (Some(v), ..) => (*v).clone(),
        (None, None, _, _) => Version::new(1, 0, 0),
        (None, Some(p), None, None) => {
            if options.target == Target::Publish {
                return Ok(Outcome::UpToDate(p.clone()));
            }
            // A preview of unchanged inputs rebuilds the latest release.
            p.clone()
        }
        (None, Some(p), inferred, Some(b)) => {
            if let Some(k) = inferred
                && b < k
            {
                return Err(Error::Version(format!(
                    "this release is {}; --bump {} would mislabel it",
                    k.describe(),
                    bump_name(b)
                )));
            }
            b.apply(p)
        }
        (None, Some(p), Some(k), None) => k.apply(p),
    };

    let built = built.finish(dataset, &version, tmp.path())?;
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
        format: arrow::format_fingerprint(),
        counts: built.counts.clone(),
        files: vec![
            file_entry(tmp.path(), "articles.parquet")?,
            file_entry(tmp.path(), "claims.parquet")?,
        ],
    };
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
                };
                if options.target == Target::Publish {
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
            let built_dir = tmp.keep();
            std::fs::rename(&built_dir, &dest).map_err(|source| {
                let _ = std::fs::remove_dir_all(&built_dir);
                Error::Write {
                    path: dest.clone(),
                    source,
                }
            })?;
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
    };
    if options.target == Target::Publish {
        write_changelog(dataset, &release)?;
    }
    Ok(Outcome::Released(Box::new(release)))
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
            .all(|f| crate::dataset::sha256_file(&dir.join(&f.name)).is_ok_and(|h| h == f.sha256))
}

fn bump_name(b: Bump) -> &'static str {
    match b {
        Bump::Patch => "patch",
        Bump::Minor => "minor",
        Bump::Major => "major",
    }
}

/// What kind of release the inputs call for; `None` when nothing changed.
fn infer(previous: Option<&Manifest>, inputs: &Fingerprints, extraction: &str) -> Option<Bump> {
    let p = previous?;
    let major = |v: &str| v.split('.').next().unwrap_or("").to_owned();
    if major(&p.schema_version) != major(SCHEMA_VERSION) {
        Some(Bump::Major)
    } else if p.inputs.articles != inputs.articles
        || p.extraction != extraction
        || p.format != arrow::format_fingerprint()
    {
        Some(Bump::Minor)
    } else if p.inputs.corrections != inputs.corrections {
        Some(Bump::Patch)
    } else {
        None
    }
}

/// Feeds serialized bytes straight into a digest, with no buffer between.
struct HashWriter<'a>(&'a mut Sha256);

impl std::io::Write for HashWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

fn stream_options(options: &Options) -> StreamOptions {
    StreamOptions {
        jobs: options.jobs,
        meter: options.meter.clone(),
    }
}

/// The result of one pass over the articles.
struct Built {
    claims: Option<TableWriter>,
    articles: Option<TableWriter>,
    diff: DiffBuilder,
    extraction: String,
    counts: Counts,
    problems: Vec<Problem>,
    rejected_inputs: Vec<Rejection>,
}

impl Built {
    /// Closes both tables with the release's metadata.
    fn finish(mut self, dataset: &Dataset, version: &Version, dir: &Path) -> Result<Self, Error> {
        let common = |table: &str| {
            vec![
                ("claimset.dataset", dataset.name.clone()),
                ("claimset.version", version.to_string()),
                ("claimset.table", table.to_owned()),
                ("claimset.schema_version", SCHEMA_VERSION.to_owned()),
            ]
        };
        if let Some(w) = self.claims.take() {
            let mut kv = common("claims");
            kv.push((
                "claimset.schema_id",
                crate::schema::CLAIM_SCHEMA_ID.to_owned(),
            ));
            w.finish(&kv)?;
        }
        if let Some(w) = self.articles.take() {
            w.finish(&common("articles"))?;
        }
        let _ = dir;
        Ok(self)
    }
}

/// What one article contributes, computed on a worker.
struct ArticleResult {
    row: ArticleRow,
    rows: Vec<Map<String, Value>>,
    digest: [u8; 32],
    used: Vec<usize>,
    rejected: Vec<(String, String)>,
    problems: Vec<Problem>,
    corrected: u64,
    added: u64,
    rejection: Option<Rejection>,
}

/// One pass over the dataset's articles: extraction, stable ids, corrections, validation,
/// and (when `dir` is given) the two tables written into it.
fn build(
    dataset: &Dataset,
    corrections: &Corrections,
    previous: Option<&Previous>,
    dir: Option<&Path>,
    run: &StreamOptions,
) -> Result<Built, Error> {
    let validator = RecordValidator::new();
    let empty = Previous::default();
    let previous = previous.unwrap_or(&empty);
    let mut built = Built {
        claims: match dir {
            Some(d) => Some(TableWriter::create(
                &d.join("claims.parquet"),
                claim_columns(),
            )?),
            None => None,
        },
        articles: match dir {
            Some(d) => Some(TableWriter::create(
                &d.join("articles.parquet"),
                article_columns(),
            )?),
            None => None,
        },
        diff: DiffBuilder::default(),
        extraction: String::new(),
        counts: Counts::default(),
        problems: Vec::new(),
        rejected_inputs: Vec::new(),
    };
    let root = dataset.root.clone();
    let process = |item: Item| -> Option<ArticleResult> {
        match item {
            Item::Article(a) => {
                let file = relative_location(&root, &a.location.file);
                let mut row = ArticleRow {
                    article_id: Some(a.id.clone()),
                    status: "extracted".into(),
                    claims: 0,
                    article_title: a.title.clone(),
                    article_date: Some(a.date),
                    source_url: Some(a.url.clone()),
                    publisher: Some(a.publisher.clone()),
                    text_sha256: Some(crate::dataset::hex(&Sha256::digest(a.body.as_bytes()))),
                    source_file: file.clone(),
                    source_line: a.location.line.map(|l| l as i32),
                    reason_code: None,
                    reason: None,
                };
                let mut claims = match extract_guarded(&a) {
                    Ok(c) => c,
                    Err(reason) => {
                        let r = Rejection {
                            location: a.location.clone(),
                            article_id: Some(a.id.clone()),
                            reason,
                        };
                        return Some(rejected_result(&root, r));
                    }
                };
                inherit_ids(&mut claims, previous.spans(&a.id));
                let mut h = Sha256::new();
                for c in &claims {
                    serde_json::to_writer(HashWriter(&mut h), c).expect("records serialize");
                    h.update(b"\n");
                }
                let digest: [u8; 32] = h.finalize().into();
                let applied = corrections.apply(&a, claims);
                let mut problems = applied.problems;
                let mut rows = Vec::with_capacity(applied.claims.len());
                let (mut corrected, mut added) = (0, 0);
                for c in &applied.claims {
                    match c.origin {
                        Origin::Corrected => corrected += 1,
                        Origin::Added => added += 1,
                        Origin::Extracted => {}
                    }
                    let value = serde_json::to_value(c).expect("records serialize");
                    for v in validator.check_value(&value) {
                        problems.push(Problem::from_violation(
                            &file,
                            None,
                            Some(c.claim_id.clone()),
                            v,
                        ));
                    }
                    if let Value::Object(o) = value {
                        rows.push(o);
                    }
                }
                row.claims = i32::try_from(rows.len()).unwrap_or(i32::MAX);
                Some(ArticleResult {
                    row,
                    rows,
                    digest,
                    used: applied.used,
                    rejected: applied.rejected,
                    problems,
                    corrected,
                    added,
                    rejection: None,
                })
            }
            Item::Rejected(r) => Some(rejected_result(&root, r)),
            // A file in articles/ not named like an article (a README) is not an input.
            Item::Skipped(_) => None,
        }
    };
    let mut used = vec![false; corrections.loaded.len()];
    let mut extraction = Sha256::new();
    let inputs = [Input::Path(dataset.articles_dir())];
    stream::for_each_ordered(&inputs, run, process, |r| {
        let Some(r) = r else { return Ok(()) };
        built.counts.articles += 1;
        if let Some(rej) = r.rejection {
            built.counts.articles_rejected += 1;
            built.rejected_inputs.push(rej);
        }
        extraction.update(r.digest);
        for k in r.used {
            used[k] = true;
        }
        built.counts.claims += r.rows.len() as u64;
        built.counts.claims_corrected += r.corrected;
        built.counts.claims_added += r.added;
        built.counts.claims_rejected += r.rejected.len() as u64;
        built.diff.rejected(r.rejected);
        built.problems.extend(r.problems);
        if let Some(w) = &mut built.articles {
            let Value::Object(o) = serde_json::to_value(&r.row).expect("rows serialize") else {
                unreachable!("an article row is an object")
            };
            w.push(o)?;
        }
        for row in r.rows {
            built.diff.observe(previous, &row);
            if let Some(w) = &mut built.claims {
                w.push(row)?;
            }
        }
        Ok(())
    })?;
    built.problems.extend(corrections.unused(&used));
    built.extraction = crate::dataset::hex(&extraction.finalize());
    Ok(built)
}

fn rejected_result(root: &Path, r: Rejection) -> ArticleResult {
    let row = ArticleRow {
        article_id: r.article_id.clone(),
        status: "rejected".into(),
        claims: 0,
        article_title: None,
        article_date: None,
        source_url: None,
        publisher: None,
        text_sha256: None,
        source_file: relative_location(root, &r.location.file),
        source_line: r.location.line.map(|l| l as i32),
        reason_code: Some(r.reason.code().to_owned()),
        reason: Some(r.reason.to_string()),
    };
    ArticleResult {
        row,
        rows: Vec::new(),
        digest: [0; 32],
        used: Vec::new(),
        rejected: Vec::new(),
        problems: Vec::new(),
        corrected: 0,
        added: 0,
        rejection: Some(r),
    }
}

/// An input path relative to the dataset folder, so that releases do not depend on where
/// the dataset was when they were built.
fn relative_location(root: &Path, file: &str) -> String {
    crate::dataset::relative(root, Path::new(file))
}

/// Gives each claim the id of the previous release's claim of the same article whose span
/// it overlaps most, one to one, so that ids survive an extractor that draws boundaries
/// differently. Claims keeping their exact span keep their id anyway.
pub fn inherit_ids(claims: &mut [ClaimRecord], previous: &[(u32, u32, String)]) {
    if previous.is_empty() || claims.is_empty() {
        return;
    }
    let mut taken = vec![false; previous.len()];
    let mut done = vec![false; claims.len()];
    for (ci, c) in claims.iter().enumerate() {
        if let Some(pi) = previous.iter().position(|p| p.2 == c.claim_id) {
            taken[pi] = true;
            done[ci] = true;
        }
    }
    let mut pairs: Vec<(u32, usize, usize)> = Vec::new();
    for (ci, c) in claims.iter().enumerate() {
        if done[ci] {
            continue;
        }
        for (pi, p) in previous.iter().enumerate() {
            let overlap = c.span_end.min(p.1).saturating_sub(c.span_start.max(p.0));
            if overlap > 0 && !taken[pi] {
                pairs.push((overlap, ci, pi));
            }
        }
    }
    // Largest overlap first; ties in body order, so the result never depends on hashing.
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, ci, pi) in pairs {
        if !done[ci] && !taken[pi] {
            claims[ci].claim_id.clone_from(&previous[pi].2);
            done[ci] = true;
            taken[pi] = true;
        }
    }
}

/// Adds the release's entry at the top of `CHANGELOG.md`, written aside and renamed.
fn write_changelog(dataset: &Dataset, release: &Release) -> Result<(), Error> {
    let path = dataset.changelog_path();
    let existing = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(source) => return Err(Error::Read { path, source }),
    };
    let header = format!("# Changelog: {}\n", dataset.name);
    let body = existing
        .strip_prefix(&header)
        .unwrap_or(&existing)
        .trim_start_matches('\n');
    let mut out = header;
    out.push('\n');
    out.push_str(&changelog_entry(release));
    if !body.is_empty() {
        out.push('\n');
        out.push_str(body);
    }
    let mut tmp =
        tempfile::NamedTempFile::new_in(&dataset.root).map_err(|source| Error::Write {
            path: path.clone(),
            source,
        })?;
    std::io::Write::write_all(&mut tmp, out.as_bytes()).map_err(|source| Error::Write {
        path: path.clone(),
        source,
    })?;
    tmp.persist(&path).map_err(|e| Error::Write {
        path: path.clone(),
        source: e.error,
    })?;
    Ok(())
}

/// One changelog entry: version, kind, counts, and the claims added, removed and changed.
pub fn changelog_entry(release: &Release) -> String {
    let m = &release.manifest;
    let what = match (&release.previous, release.kind) {
        (None, _) => "First release.".to_owned(),
        (Some(p), Some(k)) => format!("Since {p}: {}.", k.describe()),
        (Some(p), None) => format!("Since {p}: rebuilt from unchanged inputs."),
    };
    format!(
        "## {}\n\n{what} {} from {} ({} rejected); {} corrected, {} added, {} rejected by \
         corrections.\n\n{}",
        release.version,
        count(m.counts.claims, "claim"),
        count(m.counts.articles, "article"),
        m.counts.articles_rejected,
        m.counts.claims_corrected,
        m.counts.claims_added,
        m.counts.claims_rejected,
        release.diff.to_markdown()
    )
}

/// `1 claim`, `2 claims`.
pub fn count(n: u64, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// The result of rebuilding a release and comparing it with the published one.
#[derive(Debug)]
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
        crate::dataset::sha256_file(&dir.join("manifest.json"))?,
        crate::dataset::hex(&Sha256::digest(rebuilt.to_json().as_bytes())),
    ));
    Ok(Verification {
        version,
        files,
        inputs_match,
        other_generator,
    })
}
