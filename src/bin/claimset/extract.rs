//! `claimset extract`: articles in, claim records out as JSON Lines.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use claimset::{ArticleOutcome, Error, Input, Meter, RunOptions as Options, Summary, count};

use crate::Outcome;
use crate::output::{Output, json_line, same_destination};
use crate::progress::Progress;

/// Extract attributed claims from news articles and write them as JSON Lines.
///
/// Reads text articles (title, YYYYMMDD date and URL on lines 1-3, then the body), JSON Lines
/// of articles ({"id", "title", "date", "url", "text"}), directories of either, and .gz or
/// .zst compressed files. Every input article is accounted for: bad ones are reported with
/// their file and line and the run goes on. Exits 1 if any input was rejected.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// Article files or directories; `-` reads JSON Lines from stdin.
    #[arg(required = true, value_name = "PATH")]
    inputs: Vec<String>,
    /// Write the claims to FILE (atomically, replacing it) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Also write one JSON line per input article: how many claims it gave, or why it was
    /// rejected.
    #[arg(long, value_name = "FILE")]
    articles: Option<PathBuf>,
    #[command(flatten)]
    jobs: crate::Jobs,
}

pub(crate) fn run(args: &Args, quiet: bool) -> anyhow::Result<Outcome> {
    let inputs: Vec<Input> = args.inputs.iter().map(|a| Input::parse(a)).collect();
    if let (Some(o), Some(a)) = (&args.output, &args.articles)
        && same_destination(o, a)
    {
        anyhow::bail!(
            "--output and --articles both name `{}`: one stream would overwrite the other; \
             give them different files",
            a.display()
        );
    }
    if args.output.is_none()
        && let Some(a) = &args.articles
        && is_stdout(a)
    {
        anyhow::bail!(
            "--articles names `{}`, which is stdout, where the claims go: give it a file, \
             or send the claims to one with -o",
            a.display()
        );
    }
    let mut claims = Output::create(args.output.as_deref())?;
    let mut articles = match &args.articles {
        Some(p) => Some(Output::create(Some(p))?),
        None => None,
    };
    let meter = Arc::new(Meter::default());
    let progress = Progress::start(&inputs, &meter, quiet);
    let options = Options {
        jobs: args.jobs.get(),
        meter: Some(meter),
    };
    let report_articles = articles.is_some();
    let run = claimset::run(
        &inputs,
        &options,
        |o| Encoded::of(&o, quiet, report_articles),
        |e| e.write(&mut claims, articles.as_mut(), &progress),
    );
    let summary = match run {
        Ok(s) => s,
        Err(Error::Output { source, .. }) if source.kind() == io::ErrorKind::BrokenPipe => {
            // The reader of our stdout has gone (`| head`): stop quietly, like other filters.
            return Ok(Outcome::Ok);
        }
        Err(e) => return Err(e.into()),
    };
    progress.finish();
    let claims_to = claims.finish()?;
    if let Some(a) = articles {
        a.finish()?;
    }
    report(&summary, &claims_to);
    Ok(if summary.rejected_total() > 0 {
        Outcome::Problems
    } else {
        Outcome::Ok
    })
}

fn report(summary: &Summary, claims_to: &str) {
    let rejected = if summary.rejected.is_empty() {
        String::from("0 rejected")
    } else {
        let reasons: Vec<String> = summary
            .rejected
            .iter()
            .map(|(code, n)| format!("{n} {code}"))
            .collect();
        format!(
            "{} rejected ({})",
            summary.rejected_total(),
            reasons.join(", ")
        )
    };
    eprintln!(
        "claimset: read {}: {} with claims, {} without claims, {rejected}; wrote {} to \
         {claims_to}",
        count(summary.read(), "article"),
        summary.with_claims,
        summary.without_claims,
        count(summary.claims, "claim"),
    );
    if !summary.skipped.is_empty() {
        let names: Vec<String> = summary
            .skipped
            .iter()
            .take(3)
            .map(|p| p.display().to_string())
            .collect();
        let more = summary.skipped.len().saturating_sub(3);
        eprintln!(
            "claimset: skipped {} (not named like an article file: *.txt, *.jsonl, *.ndjson, \
             optionally .gz/.zst; a link to a directory; or not a regular file, such as a \
             FIFO or a device): {}{}",
            count(summary.skipped.len() as u64, "entry"),
            names.join(", "),
            if more > 0 {
                format!(" and {more} more")
            } else {
                String::new()
            }
        );
    }
}

/// One outcome made ready to write, on a worker thread: its claims as JSON Lines, its line
/// of the articles report, and the message for a rejection.
struct Encoded {
    claims: Vec<u8>,
    report: Vec<u8>,
    rejected: Option<String>,
}

impl Encoded {
    fn of(outcome: &ArticleOutcome, quiet: bool, report: bool) -> Self {
        let mut e = Encoded {
            claims: Vec::new(),
            report: Vec::new(),
            rejected: None,
        };
        match outcome {
            ArticleOutcome::Extracted { claims, .. } => {
                for c in claims {
                    c.write_json_line(&mut e.claims);
                }
            }
            ArticleOutcome::Rejected(r) if !quiet => e.rejected = Some(r.to_string()),
            ArticleOutcome::Rejected(_) | ArticleOutcome::Skipped(_) => {}
        }
        if let (true, Some(line)) = (report, outcome.row()) {
            json_line(&mut e.report, &line);
        }
        e
    }

    fn write(
        self,
        claims: &mut Output,
        articles: Option<&mut Output>,
        progress: &Progress,
    ) -> Result<(), Error> {
        claims.write(&self.claims)?;
        if let Some(message) = self.rejected {
            progress.suspend(|| eprintln!("rejected: {message}"));
        }
        if let Some(a) = articles {
            a.write(&self.report)?;
        }
        Ok(())
    }
}

/// Whether a path is this process's stdout (`-`, `/dev/stdout`, `/proc/self/fd/1`, or the
/// file or pipe stdout is): the same file by device and inode, so that a pipe counts too.
fn is_stdout(p: &Path) -> bool {
    if ["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"]
        .iter()
        .any(|s| p == Path::new(s))
    {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(p), std::fs::metadata("/dev/stdout")) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    false
}
