//! `claimset release`, `claimset verify` and `claimset diff`: versioned releases of a dataset.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use claimset::dataset::Dataset;
use claimset::extract::Input;
use claimset::extract::stream::Meter;
use claimset::publish::{self, Bump, Options, Outcome as ReleaseOutcome, Target};

use crate::Outcome;
use crate::progress::Progress;

/// Build a versioned release of a dataset: extract, correct, validate, write Parquet.
///
/// Writes datasets/<name>/releases/<version>/ (claims.parquet, articles.parquet,
/// manifest.json) and a CHANGELOG.md entry. The version is inferred from what changed (schema
/// → major, articles or extraction → minor, corrections → patch) unless --bump says.
/// Published releases are never overwritten.
#[derive(clap::Args)]
pub(crate) struct ReleaseArgs {
    /// The dataset folder (datasets/<name>).
    dataset: PathBuf,
    /// Which part of the version to bump.
    #[arg(long, value_enum)]
    bump: Option<BumpArg>,
    /// Write the release to DIR/<version>/ instead of publishing it in the dataset.
    #[arg(long, value_name = "DIR", conflicts_with = "dry_run")]
    out: Option<PathBuf>,
    /// Build and check everything, then delete it: nothing is published.
    #[arg(long)]
    dry_run: bool,
    /// No progress bar.
    #[arg(short, long)]
    quiet: bool,
    #[command(flatten)]
    jobs: crate::Jobs,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum BumpArg {
    Patch,
    Minor,
    Major,
}

pub(crate) fn release(args: &ReleaseArgs) -> anyhow::Result<Outcome> {
    let dataset = Dataset::open(&args.dataset)?;
    let meter = Arc::new(Meter::default());
    let options = Options {
        bump: args.bump.map(|b| match b {
            BumpArg::Patch => Bump::Patch,
            BumpArg::Minor => Bump::Minor,
            BumpArg::Major => Bump::Major,
        }),
        target: match (&args.out, args.dry_run) {
            (Some(dir), _) => Target::Directory(dir.clone()),
            (None, true) => Target::DryRun,
            (None, false) => Target::Publish,
        },
        jobs: args.jobs.n,
        meter: Some(Arc::clone(&meter)),
    };
    let progress = Progress::start(&[Input::Path(dataset.articles_dir())], &meter, args.quiet);
    let outcome = publish::release(&dataset, &options);
    progress.finish();
    match outcome? {
        ReleaseOutcome::Problems(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            eprintln!(
                "claimset: {} problems; nothing was released",
                problems.len()
            );
            Ok(Outcome::Problems)
        }
        ReleaseOutcome::UpToDate(v) => {
            eprintln!(
                "claimset: {} is up to date: its inputs and extraction are those of release {v}; \
                 nothing was released",
                dataset.name
            );
            Ok(Outcome::Ok)
        }
        ReleaseOutcome::Released(r) => {
            for rej in &r.rejected_inputs {
                eprintln!("rejected: {rej}");
            }
            let m = &r.manifest;
            let place = match &r.path {
                Some(p) => format!("written to `{}`", p.display()),
                None => "dry run: nothing kept".to_owned(),
            };
            eprintln!(
                "claimset: {} {}: {} from {} ({} rejected); {}",
                dataset.name,
                r.version,
                publish::count(m.counts.claims, "claim"),
                publish::count(m.counts.articles, "article"),
                m.counts.articles_rejected,
                place
            );
            print!("{}", publish::changelog_entry(&r));
            Ok(Outcome::Ok)
        }
    }
}

/// Rebuild a published release from its inputs and check it is byte-identical.
#[derive(clap::Args)]
pub(crate) struct VerifyArgs {
    /// The dataset folder (datasets/<name>).
    dataset: PathBuf,
    /// The release to verify, by version [default: the latest]. Not `--version`, which
    /// prints claimset's own.
    #[arg(long, value_name = "VERSION")]
    release: Option<semver::Version>,
    #[command(flatten)]
    jobs: crate::Jobs,
}

pub(crate) fn verify(args: &VerifyArgs) -> anyhow::Result<Outcome> {
    let dataset = Dataset::open(&args.dataset)?;
    let v = publish::verify(&dataset, args.release.clone(), args.jobs.n)?;
    if let Some(g) = &v.other_generator {
        eprintln!(
            "release {} was built by {g}, this is claimset {}: cut a new release to publish this \
             version's output",
            v.version,
            env!("CARGO_PKG_VERSION")
        );
    }
    if !v.inputs_match {
        eprintln!(
            "the articles or corrections changed since release {}: cut a new release",
            v.version
        );
    }
    for (name, published, rebuilt) in &v.files {
        let mark = if published == rebuilt {
            "ok"
        } else {
            "DIFFERS"
        };
        eprintln!("{mark:>7}  {name}  {published}");
        if published != rebuilt {
            eprintln!("         rebuilt  {rebuilt}");
        }
    }
    if v.reproduces() {
        eprintln!("claimset: release {} reproduces byte for byte", v.version);
        Ok(Outcome::Ok)
    } else {
        eprintln!(
            "claimset: release {} does not reproduce from the current code and inputs",
            v.version
        );
        Ok(Outcome::Problems)
    }
}

/// Compare two releases: claims added, removed and changed.
#[derive(clap::Args)]
pub(crate) struct DiffArgs {
    /// The older release folder (or its claims.parquet).
    older: PathBuf,
    /// The newer release folder (or its claims.parquet).
    newer: PathBuf,
}

pub(crate) fn diff(args: &DiffArgs) -> anyhow::Result<Outcome> {
    let claims = |p: &PathBuf| {
        if p.is_dir() {
            p.join("claims.parquet")
        } else {
            p.clone()
        }
    };
    let d = claimset::publish::diff::diff_files(&claims(&args.older), &claims(&args.newer))
        .context("cannot compare the releases")?;
    print!("{}", d.to_markdown());
    Ok(Outcome::Ok)
}
