//! `claimset reviews`: import published fact-checks, match them to claims, and fit the
//! matcher's re-ranker.

use std::path::{Path, PathBuf};

use claimset::{
    ClaimProblem, Imported, MatchOptions, Matcher, Reranker, TrainOptions, count,
    read_claim_queries, read_training_pairs, reranker_examples, train_reranker,
};

use crate::Outcome;
use crate::output::{Output, json_line, same_destination};

/// Import fact-checks (schema.org ClaimReview), match them to claims, or fit the matcher.
#[derive(clap::Args)]
pub(crate) struct Args {
    #[command(subcommand)]
    command: Command,
}

#[derive(clap::Subcommand)]
enum Command {
    Import(ImportArgs),
    Match(MatchArgs),
    Train(TrainArgs),
}

/// Normalise fact-checks into review records (JSON Lines).
///
/// Reads schema.org ClaimReview JSON-LD (an object, an array, an @graph, or an HTML page's
/// JSON-LD scripts), the Data Commons feed (one page's JSON-LD a line), Google Fact Check
/// Tools claims:search responses, and review records; the form is told from the content.
/// Every review that cannot be normalised is reported on stderr with its file, line and JSON
/// pointer. Exits 1 if any was rejected.
#[derive(clap::Args)]
pub(crate) struct ImportArgs {
    /// Files of fact-checks, in any accepted form.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Write the records to FILE (atomically, replacing it) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Also write one JSON line per rejected review: file, line, pointer, reason, message.
    #[arg(long, value_name = "FILE")]
    rejections: Option<PathBuf>,
}

/// Rank, for every claim, the reviews that judge the same statement.
///
/// Prints one JSON line per match: the claim and review ids, rank, score and linked. The
/// score is the probability that the review judges the claim; `linked` marks the one match
/// per claim safe to apply automatically (never across two different known claimants, never
/// a review published before the claim was made). Ties go to the review read first: files in
/// the order given, then line by line. Exits 1 if a review or a claim could not be read.
#[derive(clap::Args)]
pub(crate) struct MatchArgs {
    /// Claims: a release's claims.parquet, extract output, or JSON Lines with a claim id and
    /// text (the claimant and claim date are used when present).
    #[arg(long, value_name = "FILE")]
    claims: PathBuf,
    /// Reviews, in any form `reviews import` reads.
    #[arg(long, required = true, num_args = 1.., value_name = "FILE")]
    reviews: Vec<PathBuf>,
    /// Matches kept per claim.
    #[arg(long, default_value_t = 5, value_name = "K")]
    top: usize,
    /// A re-ranker other than the committed one (from `reviews train`).
    #[arg(long, value_name = "FILE")]
    model: Option<PathBuf>,
    /// Write the matches to FILE (atomically, replacing it) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    #[command(flatten)]
    jobs: crate::Jobs,
}

/// Fit the matcher's re-ranker on claims paired with the reviews that judge them.
///
/// Every claim's BM25 candidates become examples, positive when the pair is listed. The fit
/// is deterministic: the same inputs give the same file, byte for byte, whatever -j says.
/// Inputs with problems stop it (exit 2): a model fitted on part of them would be silently
/// worse.
#[derive(clap::Args)]
pub(crate) struct TrainArgs {
    /// Claims, as for `reviews match`.
    #[arg(long, value_name = "FILE")]
    claims: PathBuf,
    /// Reviews, in any form `reviews import` reads.
    #[arg(long, required = true, num_args = 1.., value_name = "FILE")]
    reviews: Vec<PathBuf>,
    /// JSON Lines of pairs, each with a claim id and the id of the review that judges it.
    #[arg(long, value_name = "FILE")]
    pairs: PathBuf,
    /// Candidates per claim, from BM25.
    #[arg(long, default_value_t = 100)]
    candidates: usize,
    /// L2 penalty on the weights.
    #[arg(long, default_value_t = 1.0)]
    l2: f64,
    /// What the model was trained on, recorded in the file.
    #[arg(long, default_value = "")]
    trained_on: String,
    /// Write the model to FILE (atomically, replacing it) instead of stdout.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Also write the examples as JSON Lines (claim, review, label, features), to study
    /// the features with other tools.
    #[arg(long, value_name = "FILE")]
    rows: Option<PathBuf>,
    #[command(flatten)]
    jobs: crate::Jobs,
}

pub(crate) fn run(args: &Args, quiet: bool) -> anyhow::Result<Outcome> {
    match &args.command {
        Command::Import(a) => import(a, quiet),
        Command::Match(a) => run_match(a, quiet),
        Command::Train(a) => train(a),
    }
}

fn import_all(files: &[PathBuf]) -> anyhow::Result<Imported> {
    let mut imported = Imported::default();
    for f in files {
        imported.add_file(f)?;
    }
    Ok(imported)
}

/// One line on stderr per review that could not be imported and per claim that could not be
/// read, unless quiet.
fn report_problems(imported: &Imported, claims: &[ClaimProblem], quiet: bool) {
    if quiet {
        return;
    }
    for r in &imported.rejections {
        eprintln!("rejected: {r}");
    }
    for p in claims {
        eprintln!("rejected: {p}");
    }
}

fn import(args: &ImportArgs, quiet: bool) -> anyhow::Result<Outcome> {
    if let (Some(o), Some(r)) = (&args.output, &args.rejections)
        && same_destination(o, r)
    {
        anyhow::bail!(
            "--output and --rejections both name `{}`: one would overwrite the other; give \
             them different files",
            r.display()
        );
    }
    let imported = import_all(&args.files)?;
    let mut out = Output::create(args.output.as_deref())?;
    let mut line = Vec::new();
    for r in &imported.reviews {
        line.clear();
        json_line(&mut line, r);
        out.write(&line)?;
    }
    let rejections = match &args.rejections {
        Some(path) => {
            let mut file = Output::create(Some(path))?;
            for r in &imported.rejections {
                line.clear();
                json_line(&mut line, r);
                file.write(&line)?;
            }
            Some(file)
        }
        None => None,
    };
    let what = out.finish()?;
    if let Some(file) = rejections {
        file.finish()?;
    }
    report_problems(&imported, &[], quiet);
    eprintln!(
        "claimset: imported {} from {}; {} rejected; wrote {what}",
        count(imported.reviews.len() as u64, "review"),
        count(args.files.len() as u64, "file"),
        imported.rejections.len(),
    );
    Ok(if imported.rejections.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Problems
    })
}

/// One line of `reviews match`: what the issue promised, and no more.
#[derive(serde::Serialize)]
struct Line<'a> {
    claim_id: &'a str,
    review_id: &'a str,
    rank: usize,
    score: f64,
    linked: bool,
}

fn load_model(path: Option<&Path>) -> anyhow::Result<Reranker> {
    Ok(match path {
        Some(p) => Reranker::read(p)?,
        None => Reranker::committed(),
    })
}

/// Claims matched at a time: the matches of one batch are held, then written.
const BATCH: usize = 4096;

fn run_match(args: &MatchArgs, quiet: bool) -> anyhow::Result<Outcome> {
    let imported = import_all(&args.reviews)?;
    let (claims, problems) = read_claim_queries(&args.claims)?;
    let options = MatchOptions {
        top: args.top,
        model: load_model(args.model.as_deref())?,
        jobs: args.jobs.get(),
        ..MatchOptions::default()
    };
    let matcher = Matcher::new(&imported.reviews, &claims);
    let mut out = Output::create(args.output.as_deref())?;
    let (mut matched, mut linked) = (0u64, 0u64);
    let mut bytes = Vec::new();
    for batch in claims.chunks(BATCH) {
        bytes.clear();
        for found in matcher.match_all(batch, &options) {
            matched += u64::from(!found.is_empty());
            for m in &found {
                linked += u64::from(m.linked);
                let line = Line {
                    claim_id: &m.claim_id,
                    review_id: &m.review_id,
                    rank: m.rank,
                    score: m.score,
                    linked: m.linked,
                };
                json_line(&mut bytes, &line);
            }
        }
        out.write(&bytes)?;
    }
    let what = out.finish()?;
    report_problems(&imported, &problems, quiet);
    eprintln!(
        "claimset: {} matched against {}: {matched} with a match, {linked} linked; {} \
         rejected; wrote {what}",
        count(claims.len() as u64, "claim"),
        count(imported.reviews.len() as u64, "review"),
        imported.rejections.len() + problems.len(),
    );
    Ok(if imported.rejections.is_empty() && problems.is_empty() {
        Outcome::Ok
    } else {
        Outcome::Problems
    })
}

fn train(args: &TrainArgs) -> anyhow::Result<Outcome> {
    let imported = import_all(&args.reviews)?;
    let (claims, problems) = read_claim_queries(&args.claims)?;
    let pairs = read_training_pairs(&args.pairs)?;
    if !imported.rejections.is_empty() || !problems.is_empty() {
        report_problems(&imported, &problems, false);
        anyhow::bail!(
            "the training inputs have problems ({} rejected, {} unreadable): fix \
             them first",
            count(imported.rejections.len() as u64, "review"),
            count(problems.len() as u64, "claim"),
        );
    }
    if let Some(path) = &args.rows {
        let examples = reranker_examples(
            &claims,
            &imported.reviews,
            &pairs,
            args.candidates,
            args.jobs.get(),
        );
        let mut out = Output::create(Some(path))?;
        let mut line = Vec::new();
        for (c, r, row, label) in &examples {
            line.clear();
            let example = serde_json::json!({
                "claim_id": claims[*c].claim_id,
                "review_id": imported.reviews[*r].review_id,
                "label": label,
                "features": row,
            });
            json_line(&mut line, &example);
            out.write(&line)?;
        }
        out.finish()?;
    }
    let options = TrainOptions {
        candidates: args.candidates,
        l2: args.l2,
        trained_on: args.trained_on.clone(),
        jobs: args.jobs.get(),
    };
    let model = train_reranker(&claims, &imported.reviews, &pairs, &options);
    let mut out = Output::create(args.output.as_deref())?;
    out.write(model.to_toml().as_bytes())?;
    let what = out.finish()?;
    eprintln!(
        "claimset: fitted on {} and {}; wrote {what}",
        count(claims.len() as u64, "claim"),
        count(pairs.len() as u64, "pair"),
    );
    Ok(Outcome::Ok)
}
