//! `claimset validate`: check claim records, or a whole dataset, and report every problem.

use std::io::Write;
use std::path::PathBuf;

use anyhow::Context;
use claimset::{Dataset, FileReport, Problem, RecordValidator, Rejection, count, validate_file};

use crate::{Format, Outcome};

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

/// The JSON report's fields after its problems: everything but the problems, which are
/// streamed out as they are found.
#[derive(serde::Serialize)]
struct Report {
    files: Vec<FileReport>,
    rejected_articles: Vec<RejectedArticle>,
    /// Reviews in the datasets' `reviews/` that a release would count as rejected.
    rejected_reviews: Vec<claimset::ReviewRejection>,
    records: u64,
    invalid: u64,
}

/// The JSON report written as it goes: `{"problems": [` first, each problem on its own line
/// as it is found, then the other fields and the counts. Memory stays flat however many
/// problems a file has; the output is still one JSON object.
struct JsonStream<W: Write> {
    out: W,
    count: u64,
}

impl<W: Write> JsonStream<W> {
    fn start(mut out: W) -> std::io::Result<Self> {
        out.write_all(b"{\n  \"problems\": [")?;
        Ok(JsonStream { out, count: 0 })
    }

    fn problem(&mut self, p: &Problem) -> std::io::Result<()> {
        self.out.write_all(if self.count == 0 {
            b"\n    "
        } else {
            b",\n    "
        })?;
        serde_json::to_writer(&mut self.out, p)?;
        self.count += 1;
        // Flushed per problem, so that a reader sees them as they are found.
        self.out.flush()
    }

    fn finish(mut self, report: &Report) -> std::io::Result<W> {
        self.out.write_all(if self.count == 0 {
            b"],\n"
        } else {
            b"\n  ],\n"
        })?;
        let rest = serde_json::to_string_pretty(report)?;
        // The rest of the object, without its opening brace.
        self.out.write_all(
            rest.strip_prefix('{')
                .unwrap_or(&rest)
                .trim_start_matches('\n')
                .as_bytes(),
        )?;
        self.out.write_all(b"\n")?;
        self.out.flush()?;
        Ok(self.out)
    }
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
        rejected_articles: Vec::new(),
        rejected_reviews: Vec::new(),
        records: 0,
        invalid: 0,
    };
    let text = args.format == Format::Text;
    let mut stream = if text {
        None
    } else {
        Some(JsonStream::start(std::io::stdout().lock()).context("cannot write the report")?)
    };
    let mut problem_count = 0u64;
    // Each problem is written as it is found, in either format, so that memory stays flat
    // however many a file has.
    let mut emit = |p: &Problem| -> std::io::Result<()> {
        problem_count += 1;
        match &mut stream {
            None => writeln!(std::io::stdout().lock(), "{p}"),
            Some(s) => s.problem(p),
        }
    };
    for path in &args.paths {
        if path.is_dir() {
            let dataset = Dataset::open(path)?;
            let checked = claimset::check(&dataset, args.jobs.get())?;
            if !checked.absent.is_empty() && !quiet {
                eprintln!(
                    "claimset: {}: the articles were not read, their inputs are not here ({}); \
                     corrections were checked against the latest release",
                    dataset.name,
                    checked.absent.join("; ")
                );
            }
            let (problems, rejected) = (checked.problems, checked.rejected_inputs);
            for r in &rejected {
                if text && !quiet {
                    eprintln!("rejected: {r}");
                }
                report.rejected_articles.push(r.into());
            }
            // Never a problem: a release goes on without them, and counts them.
            for r in checked.rejected_reviews {
                if text && !quiet {
                    eprintln!("rejected review: {r}");
                }
                report.rejected_reviews.push(r);
            }
            for p in &problems {
                emit(p).context("cannot write the report")?;
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
    match stream {
        None => eprintln!(
            "claimset: {} checked in {}: {} invalid; {}{}{}",
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
            },
            if report.rejected_reviews.is_empty() {
                String::new()
            } else {
                format!(
                    "; {} a release would count as rejected",
                    count(report.rejected_reviews.len() as u64, "review")
                )
            }
        ),
        Some(s) => {
            drop(s.finish(&report).context("cannot write the report")?);
        }
    }
    Ok(if problem_count > 0 {
        Outcome::Problems
    } else {
        Outcome::Ok
    })
}

/// Validates one file of records into `report`, handing each problem to `emit` as found.
fn check_file(
    path: &std::path::Path,
    validator: &RecordValidator,
    report: &mut Report,
    emit: &mut impl FnMut(&Problem) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    let mut failed = None;
    let f = validate_file(path, validator, &mut |p| {
        if failed.is_none()
            && let Err(e) = emit(&p)
        {
            failed = Some(e);
        }
    })
    .with_context(|| format!("cannot validate `{}`", path.display()))?;
    if let Some(e) = failed {
        return Err(anyhow::Error::new(e).context("cannot write the report"));
    }
    report.records += f.records;
    report.invalid += f.invalid;
    report.files.push(f);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The JSON report is written as problems are found, not held until the end.
    #[test]
    fn the_json_report_streams_its_problems_and_ends_as_one_object() {
        let problem = |k: u64| Problem {
            file: "a.jsonl".into(),
            line: Some(k),
            claim_id: None,
            pointer: "/origin".into(),
            rule: "schema/enum".into(),
            message: "no".into(),
            value: None,
            fix: String::new(),
        };
        let mut s = JsonStream::start(Vec::new()).expect("start");
        let mut sizes = Vec::new();
        for k in 1..=3 {
            s.problem(&problem(k)).expect("write");
            sizes.push(s.out.len());
        }
        assert!(
            sizes.windows(2).all(|w| w[0] < w[1]),
            "each problem is out as found"
        );
        let report = Report {
            files: Vec::new(),
            rejected_articles: Vec::new(),
            rejected_reviews: Vec::new(),
            records: 3,
            invalid: 3,
        };
        let out = s.finish(&report).expect("finish");
        let v: serde_json::Value = serde_json::from_slice(&out).expect("one JSON object");
        assert_eq!(v["problems"].as_array().map(Vec::len), Some(3));
        assert_eq!(v["problems"][2]["line"], 3);
        assert_eq!(
            (v["records"].as_u64(), v["invalid"].as_u64()),
            (Some(3), Some(3))
        );
        let empty = JsonStream::start(Vec::new())
            .expect("start")
            .finish(&report)
            .expect("finish");
        let v: serde_json::Value = serde_json::from_slice(&empty).expect("one JSON object");
        assert_eq!(v["problems"], serde_json::json!([]));
    }
}
