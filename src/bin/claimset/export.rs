//! `claimset export`: a release's verdicts as schema.org ClaimReview JSON-LD.

use std::path::PathBuf;

use claimset::{claimreview_document, count, release_claims};

use crate::Outcome;
use crate::output::Output;

/// Export every claim of a release that has a verdict as ClaimReview JSON-LD, so a newsroom
/// can publish what its reviewers decided. The export re-imports with `reviews import` to
/// the same verdicts.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// The release folder (datasets/<name>/releases/<version>) whose verdicts to write as
    /// one JSON-LD graph.
    #[arg(long, value_name = "RELEASE_DIR")]
    claimreview: PathBuf,
    /// Write to FILE (atomically, replacing it) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<Outcome> {
    let claims = release_claims(&args.claimreview)?;
    let doc = claimreview_document(&claims);
    let n = doc["@graph"].as_array().map_or(0, Vec::len);
    let mut text = serde_json::to_string_pretty(&doc).expect("JSON-LD serializes");
    text.push('\n');
    let mut out = Output::create(args.output.as_deref())?;
    out.write(text.as_bytes())?;
    let what = out.finish()?;
    eprintln!(
        "claimset: exported {} with a verdict, of {}; wrote {what}",
        count(n as u64, "claim"),
        claims.len()
    );
    Ok(Outcome::Ok)
}
