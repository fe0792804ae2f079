//! `claimset release`, `claimset verify` and `claimset diff`: versioned releases of a dataset.

use std::path::PathBuf;
use std::sync::Arc;

use anyhow::Context;
use claimset::{
    Bump, Dataset, Input, Meter, ReleaseOptions as Options, ReleaseOutcome, Target, count,
};

use crate::progress::Progress;
use crate::{Format, Outcome, print_json};

/// Build a versioned release of a dataset: extract, correct, validate, write Parquet.
///
/// Writes datasets/<name>/releases/<version>/ (claims.parquet, articles.parquet,
/// manifest.json, and proposed-links.jsonl for a dataset with reviews/) and a CHANGELOG.md
/// entry. Published fact-checks in reviews/ are linked to the claims they judge. The version is inferred from what changed (schema
/// → major, articles or extraction → minor, corrections → patch) unless --bump says.
/// Published releases are never overwritten. Publishing also writes the dataset card
/// (README.md, claims-per-month.svg), croissant.json and releases/latest for the latest
/// release, even when nothing new was released.
#[derive(clap::Args)]
pub(crate) struct ReleaseArgs {
    /// The dataset folder (datasets/<name>).
    dataset: PathBuf,
    /// Which part of the version to bump.
    #[arg(long, value_enum)]
    bump: Option<BumpArg>,
    /// Write the release to DIR/<version>/ instead of publishing it in the dataset.
    #[arg(
        short,
        long,
        value_name = "DIR",
        visible_alias = "out",
        conflicts_with = "dry_run"
    )]
    output: Option<PathBuf>,
    /// Build and check everything, then delete it: nothing is published.
    #[arg(long)]
    dry_run: bool,
    #[command(flatten)]
    jobs: crate::Jobs,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum BumpArg {
    Patch,
    Minor,
    Major,
}

pub(crate) fn release(args: &ReleaseArgs, quiet: bool) -> anyhow::Result<Outcome> {
    let dataset = Dataset::open(&args.dataset)?;
    let meter = Arc::new(Meter::default());
    let options = Options {
        bump: args.bump.map(|b| match b {
            BumpArg::Patch => Bump::Patch,
            BumpArg::Minor => Bump::Minor,
            BumpArg::Major => Bump::Major,
        }),
        target: match (&args.output, args.dry_run) {
            (Some(dir), _) => Target::Directory(dir.clone()),
            (None, true) => Target::DryRun,
            (None, false) => Target::Publish,
        },
        jobs: args.jobs.get(),
        meter: Some(Arc::clone(&meter)),
    };
    let publishing = options.target == Target::Publish;
    let progress = Progress::start(&[Input::Path(dataset.articles_dir())], &meter, quiet);
    let outcome = claimset::release(&dataset, &options);
    progress.finish();
    let card = || {
        if publishing {
            println!(
                "claimset: wrote the dataset card ({}, {}, {}) and releases/{} in `{}`",
                claimset::CARD_FILE,
                claimset::CHART_FILE,
                claimset::CROISSANT_FILE,
                claimset::LATEST,
                dataset.root.display()
            );
        }
    };
    match outcome? {
        ReleaseOutcome::Problems(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            eprintln!(
                "claimset: {}; nothing was released",
                count(problems.len() as u64, "problem")
            );
            Ok(Outcome::Problems)
        }
        ReleaseOutcome::UpToDate(v) => {
            println!(
                "claimset: {} is up to date: its inputs and extraction are those of release {v}; \
                 nothing was released",
                dataset.name
            );
            card();
            Ok(Outcome::Ok)
        }
        ReleaseOutcome::Released(r) => {
            if !quiet {
                for rej in &r.rejected_inputs {
                    eprintln!("rejected: {rej}");
                }
                // A review that cannot be read never blocks a release: it is reported here,
                // with its file and line, and counted in the manifest.
                for rej in &r.rejected_reviews {
                    eprintln!("rejected review: {rej}");
                }
            }
            let m = &r.manifest;
            let place = match &r.path {
                Some(p) => format!("written to `{}`", p.display()),
                None => "dry run: nothing kept".to_owned(),
            };
            println!(
                "claimset: {} {}: {} from {} ({} rejected); {}",
                dataset.name,
                r.version,
                count(m.counts.claims, "claim"),
                count(m.counts.articles, "article"),
                m.counts.articles_rejected,
                place
            );
            card();
            println!();
            print!("{}", claimset::changelog_entry(&r));
            Ok(Outcome::Ok)
        }
    }
}

/// Check published releases: every file against its manifest, then a rebuild from the inputs
/// compared byte for byte.
///
/// Integrity is checked for every release named. The latest release is rebuilt from the
/// current code and inputs; an older one is rebuilt when they still make it, and otherwise
/// named with the generator that built it and the commit that reproduces it. Exits 1 if a
/// file is not as its manifest says or a rebuild differs.
#[derive(clap::Args)]
pub(crate) struct VerifyArgs {
    /// The dataset folder (datasets/<name>).
    dataset: PathBuf,
    /// The release to verify, by version [default: the latest].
    #[arg(long, value_name = "VERSION", conflicts_with = "all")]
    release: Option<semver::Version>,
    /// Verify every release: integrity of each, reproduction where it applies (what CI runs).
    #[arg(long)]
    all: bool,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    #[command(flatten)]
    jobs: crate::Jobs,
}

pub(crate) fn verify(args: &VerifyArgs, _quiet: bool) -> anyhow::Result<Outcome> {
    let dataset = Dataset::open(&args.dataset)?;
    let checked = if args.all {
        claimset::verify_all(&dataset, args.jobs.get())?
    } else {
        vec![claimset::verify(
            &dataset,
            args.release.clone(),
            args.jobs.get(),
        )?]
    };
    if args.format == Format::Json {
        print_json(&checked)?;
    } else {
        for (k, v) in checked.iter().enumerate() {
            if k > 0 {
                println!();
            }
            println!("release {} of {}", v.version, dataset.name);
            print!("{}", v.to_text());
        }
    }
    Ok(if checked.iter().all(claimset::Verification::passed) {
        Outcome::Ok
    } else {
        Outcome::Problems
    })
}

/// Compare two releases: claims added, removed and changed.
#[derive(clap::Args)]
pub(crate) struct DiffArgs {
    /// The older release folder (or its claims.parquet).
    older: PathBuf,
    /// The newer release folder (or its claims.parquet).
    newer: PathBuf,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

pub(crate) fn diff(args: &DiffArgs) -> anyhow::Result<Outcome> {
    let claims = |p: &PathBuf| {
        if p.is_dir() {
            p.join("claims.parquet")
        } else {
            p.clone()
        }
    };
    let d = claimset::diff_files(&claims(&args.older), &claims(&args.newer))
        .context("cannot compare the releases")?;
    if args.format == Format::Json {
        print_json(&d)?;
    } else {
        print!("{}", d.to_markdown());
    }
    Ok(Outcome::Ok)
}
