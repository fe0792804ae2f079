//! `claimset validate`: check claim records, or a whole dataset, and report every problem.

use std::path::PathBuf;

use anyhow::Context;
use claimset::{Dataset, FileReport, Problem, RecordValidator, Rejection, count, validate_file};

use crate::{Format, Outcome, print_json};

/// Check claim records against the published JSON Schema and the record rules, or check a
/// dataset (its corrections, and every record its next release would hold).
///
/// Files may be JSON Lines, a JSON array, or Parquet (a release's claims.parquet), told apart
/// by their content. Every problem is reported on stdout with its file, line (or row), JSON
/// pointer, rule and value; the summary goes to stderr. Exits 1 if any problem was found, 0
/// if none, 2 if it could not run.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// Record files, or dataset folders (datasets/<name>).
    #[arg(required_unless_present = "rules", value_name = "PATH")]
    paths: Vec<PathBuf>,
    /// Print the record rules checked after the schema, and the rules of decisions on links
    /// to published fact-checks in corrections: what, why, an example, the fix.
    #[arg(long)]
    rules: bool,
    /// How to print the report: one line per problem, or one JSON object (files, problems,
    /// rejected articles, totals).
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    #[command(flatten)]
    jobs: crate::Jobs,
}

/// The JSON report: everything found, for other tools.
#[derive(serde::Serialize)]
struct Report {
    files: Vec<FileReport>,
    problems: Vec<Problem>,
    rejected_articles: Vec<RejectedArticle>,
    records: u64,
    invalid: u64,
}

/// An article a dataset's next release would list as rejected.
#[derive(serde::Serialize)]
struct RejectedArticle {
    file: String,
    line: Option<u64>,
    article_id: Option<String>,
    reason_code: &'static str,
    reason: String,
}

impl From<&Rejection> for RejectedArticle {
    fn from(r: &Rejection) -> Self {
        RejectedArticle {
            file: r.location.file.to_string(),
            line: r.location.line,
            article_id: r.article_id.clone(),
            reason_code: r.reason.code(),
            reason: r.reason.to_string(),
        }
    }
}

pub(crate) fn run(args: &Args, quiet: bool) -> anyhow::Result<Outcome> {
    if args.rules {
        let print = |prefix: &str, r: &claimset::Rule| {
            println!(
                "{prefix}{}\n  what:    {}\n  why:     {}\n  example: {}\n  fix:     {}\n",
                r.name, r.what, r.why, r.example, r.fix
            );
        };
        for r in claimset::RULES {
            print("", r);
        }
        // Decisions on links to published fact-checks, in corrections.
        for r in claimset::LINK_RULES {
            print("correction/", r);
        }
        return Ok(Outcome::Ok);
    }
    let validator = RecordValidator::new();
    let mut report = Report {
        files: Vec::new(),
        problems: Vec::new(),
        rejected_articles: Vec::new(),
        records: 0,
        invalid: 0,
    };
    let text = args.format == Format::Text;
    let mut problem_count = 0u64;
    // In text mode each problem is printed as it is found, so that memory stays flat however
    // many a file has; the JSON report is one object and must hold them.
    let mut emit = |p: Problem, report: &mut Vec<Problem>| {
        problem_count += 1;
        if text {
            println!("{p}");
        } else {
            report.push(p);
        }
    };
    for path in &args.paths {
        if path.is_dir() {
            let dataset = Dataset::open(path)?;
            let (problems, rejected) = claimset::check(&dataset, args.jobs.get())?;
            for r in &rejected {
                if text && !quiet {
                    eprintln!("rejected: {r}");
                }
                report.rejected_articles.push(r.into());
            }
            for p in problems {
                emit(p, &mut report.problems);
            }
            if let Some(v) = dataset.releases()?.last() {
                check_file(
                    &dataset.release_dir(v).join("claims.parquet"),
                    &validator,
                    &mut report,
                    &mut emit,
                )?;
            }
        } else {
            check_file(path, &validator, &mut report, &mut emit)?;
        }
    }
    if text {
        eprintln!(
            "claimset: {} checked in {}: {} invalid; {}{}",
            count(report.records, "record"),
            count(args.paths.len() as u64, "path"),
            report.invalid,
            count(problem_count, "problem"),
            if report.rejected_articles.is_empty() {
                String::new()
            } else {
                format!(
                    "; {} a release would list as rejected",
                    count(report.rejected_articles.len() as u64, "article")
                )
            }
        );
    } else {
        print_json(&report).context("cannot write the report")?;
    }
    Ok(if problem_count > 0 {
        Outcome::Problems
    } else {
        Outcome::Ok
    })
}

/// Validates one file of records into `report`, handing each problem to `emit`.
fn check_file(
    path: &std::path::Path,
    validator: &RecordValidator,
    report: &mut Report,
    emit: &mut impl FnMut(Problem, &mut Vec<Problem>),
) -> anyhow::Result<()> {
    let problems = &mut report.problems;
    let f = validate_file(path, validator, &mut |p| emit(p, problems))
        .with_context(|| format!("cannot validate `{}`", path.display()))?;
    report.records += f.records;
    report.invalid += f.invalid;
    report.files.push(f);
    Ok(())
}
