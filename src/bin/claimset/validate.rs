//! `claimset validate`: check claim records, or a whole dataset, and report every problem.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use claimset::curate::Problem;
use claimset::curate::validate::{FileReport, RecordValidator, validate_file};
use claimset::dataset::Dataset;

use crate::Outcome;

/// Check claim records against the published JSON Schema and the record rules, or check a
/// dataset (its corrections, and every record its next release would hold).
///
/// Files may be JSON Lines, a JSON array, or Parquet (a release's claims.parquet), told apart
/// by their content. Every problem is reported with its file, line (or row), JSON pointer,
/// rule and value. Exits 1 if any problem was found, 0 if none, 2 if it could not run.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// Record files, or dataset folders (datasets/<name>).
    #[arg(required_unless_present = "rules", value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Print the record rules checked after the schema: what, why, an example, the fix.
    #[arg(long)]
    rules: bool,
    /// How to print the report.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    format: ReportFormat,
    #[command(flatten)]
    jobs: crate::Jobs,
}

#[derive(Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum ReportFormat {
    /// One line per problem, then a summary (stderr).
    Text,
    /// One JSON object on stdout: files, problems and totals.
    Json,
}

#[derive(serde::Serialize)]
struct Report {
    files: Vec<FileReport>,
    problems: Vec<Problem>,
    records: u64,
    invalid: u64,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<Outcome> {
    if args.rules {
        for r in claimset::curate::validate::RULES {
            println!(
                "{}\n  what:    {}\n  why:     {}\n  example: {}\n  fix:     {}\n",
                r.name, r.what, r.why, r.example, r.fix
            );
        }
        return Ok(Outcome::Ok);
    }
    let validator = RecordValidator::new();
    let mut report = Report {
        files: Vec::new(),
        problems: Vec::new(),
        records: 0,
        invalid: 0,
    };
    let text = args.format == ReportFormat::Text;
    let mut problem_count = 0u64;
    let mut emit = |p: Problem, report: &mut Vec<Problem>| {
        problem_count += 1;
        if text {
            eprintln!("{p}");
        } else {
            report.push(p);
        }
    };
    for path in &args.paths {
        if path.join("dataset.toml").is_file() {
            let dataset = Dataset::open(path)?;
            let (problems, rejected) = claimset::publish::check(&dataset, args.jobs.n)?;
            for r in rejected {
                if text {
                    eprintln!("rejected: {r}");
                }
            }
            for p in problems {
                emit(p, &mut report.problems);
            }
            if let Some(v) = dataset.releases()?.last() {
                let claims = dataset.release_dir(v).join("claims.parquet");
                let mut found = Vec::new();
                let f = validate_file(&claims, &validator, &mut |p| found.push(p))?;
                for p in found {
                    emit(p, &mut report.problems);
                }
                report.records += f.records;
                report.invalid += f.invalid;
                report.files.push(f);
            }
        } else {
            let mut found = Vec::new();
            let f = validate_file(path, &validator, &mut |p| found.push(p))
                .with_context(|| format!("cannot validate `{}`", path.display()))?;
            for p in found {
                emit(p, &mut report.problems);
            }
            report.records += f.records;
            report.invalid += f.invalid;
            report.files.push(f);
        }
    }
    if text {
        eprintln!(
            "claimset: {} checked in {}: {} invalid; {} problems",
            claimset::publish::count(report.records, "record"),
            claimset::publish::count(args.paths.len() as u64, "path"),
            report.invalid,
            problem_count
        );
    } else {
        let mut out = std::io::stdout().lock();
        serde_json::to_writer_pretty(&mut out, &report).context("cannot write the report")?;
        writeln!(out).context("cannot write the report")?;
    }
    Ok(if problem_count > 0 {
        Outcome::Problems
    } else {
        Outcome::Ok
    })
}
