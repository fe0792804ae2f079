//! `claimset correct` and `claimset search`: write a correction file to start from, and find
//! the claim to correct.

use std::path::PathBuf;

use anyhow::{Context, bail};
use claimset::{Correction, Dataset, Request, RequestAction, count};

use crate::{Format, Outcome, print_json};

/// Write a correction file in canonical form, ready to edit and commit.
///
/// One of --set, --reject, --verdict, --confirm-review, --reject-review or --add. The file
/// goes to datasets/<name>/corrections/, named after the claim (or the article, for --add);
/// check it with `claimset validate datasets/<name>`.
#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("action").required(true).multiple(true).args(["set", "clear", "reject", "verdict", "confirm_review", "reject_review", "add", "canonical"])))]
pub(crate) struct Args {
    /// The dataset folder (datasets/<name>); with --canonical, correction files to rewrite.
    #[arg(value_name = "DATASET")]
    dataset: PathBuf,
    /// The claim's id (see `claimset search`); not with --add.
    #[arg(value_name = "CLAIM_ID", required_unless_present_any = ["add", "canonical"])]
    claim: Option<String>,
    /// Why: what was wrong, or where the verdict comes from.
    #[arg(long, required_unless_present = "canonical")]
    reason: Option<String>,
    /// Set a field: --set claimant="Antony Blinken" (repeatable).
    #[arg(long, value_name = "FIELD=VALUE")]
    set: Vec<String>,
    /// Set an optional field to null: `claimant`, `claimant_mention` or `claimant_title`.
    #[arg(long, value_name = "FIELD")]
    clear: Vec<String>,
    /// Take the claim out of the dataset (not a claim, or a duplicate).
    #[arg(long)]
    reject: bool,
    /// Record a verdict: `true`, `mostly_true`, `mixed`, `mostly_false`, `false`,
    /// `misleading`, `unproven`, `satire` or `other`.
    #[arg(long, value_name = "STATUS", requires_all = ["label", "reviewed_by", "url", "date"])]
    verdict: Option<String>,
    /// The reviewer's own label for the verdict.
    #[arg(long)]
    label: Option<String>,
    /// Who reviewed the claim.
    #[arg(long)]
    reviewed_by: Option<String>,
    /// The fact-check's URL.
    #[arg(long)]
    url: Option<String>,
    /// The fact-check's date (YYYY-MM-DD).
    #[arg(long)]
    date: Option<String>,
    /// Confirm that a published fact-check of the dataset's reviews/ judges the claim (its
    /// review id, from the release's proposed-links.jsonl): its verdict becomes the claim's.
    #[arg(long, value_name = "REVIEW_ID")]
    confirm_review: Option<String>,
    /// Say that a published fact-check does not judge the claim: never link them.
    #[arg(long, value_name = "REVIEW_ID")]
    reject_review: Option<String>,
    /// Add a missed claim: give --article, --text, and the claim's fields with --set.
    #[arg(long, requires_all = ["article", "text"])]
    add: bool,
    /// The article of an added claim.
    #[arg(long)]
    article: Option<String>,
    /// The added claim's source text, exactly as in the article body.
    #[arg(long)]
    text: Option<String>,
    /// Rewrite the named correction files in canonical form instead.
    #[arg(long)]
    canonical: bool,
    /// More correction files to rewrite, with --canonical.
    #[arg(value_name = "FILES", requires = "canonical")]
    more: Vec<PathBuf>,
}

pub(crate) fn run(args: &Args, _quiet: bool) -> anyhow::Result<Outcome> {
    if args.canonical {
        // With --canonical the positional arguments are all files.
        let claim_as_file = args.claim.as_ref().map(PathBuf::from);
        let files = std::iter::once(&args.dataset)
            .chain(claim_as_file.as_ref())
            .chain(&args.more);
        for f in files {
            let text = std::fs::read_to_string(f)
                .with_context(|| format!("cannot read `{}`", f.display()))?;
            let c: Correction = toml::from_str(&text)
                .with_context(|| format!("`{}` is not a correction", f.display()))?;
            claimset::AtomicFile::write_path(f, c.to_canonical().as_bytes())?;
            println!("claimset: rewrote `{}` in canonical form", f.display());
        }
        return Ok(Outcome::Ok);
    }
    let actions = [
        args.reject,
        args.verdict.is_some(),
        args.confirm_review.is_some(),
        args.reject_review.is_some(),
        args.add,
    ];
    if actions.iter().filter(|a| **a).count() > 1
        || (actions[..4].iter().any(|a| *a) && !(args.set.is_empty() && args.clear.is_empty()))
    {
        bail!(
            "one correction, one action: --set/--clear, --reject, --verdict, --confirm-review, \
             --reject-review, or --add (whose fields are given with --set)"
        );
    }
    let dataset = Dataset::open(&args.dataset)?;
    let text = |o: &Option<String>| o.clone().unwrap_or_default();
    let request = Request {
        claim: args.claim.clone(),
        reason: text(&args.reason),
        action: if args.add {
            RequestAction::Add {
                article: text(&args.article),
                text: text(&args.text),
            }
        } else if args.reject {
            RequestAction::Reject
        } else if let Some(review) = &args.confirm_review {
            RequestAction::ConfirmReview {
                review: review.clone(),
            }
        } else if let Some(review) = &args.reject_review {
            RequestAction::RejectReview {
                review: review.clone(),
            }
        } else if let Some(status) = &args.verdict {
            RequestAction::Verdict {
                status: status.clone(),
                label: text(&args.label),
                reviewed_by: text(&args.reviewed_by),
                url: text(&args.url),
                date: text(&args.date),
            }
        } else {
            RequestAction::Set
        },
    };
    let correction = match request.correction(&args.set, &args.clear) {
        Ok(c) => c,
        Err(refused) => {
            for reason in &refused.0 {
                eprintln!("refused: {reason}");
            }
            bail!(
                "no correction written: fix the {} above",
                count(refused.0.len() as u64, "problem")
            );
        }
    };
    // Only a decision on a link needs the dataset's reviews.
    let reviews = match correction.review() {
        Some(_) => claimset::dataset_review_facts(&dataset)?,
        None => Vec::new(),
    };
    match claimset::write_new(&dataset, &correction, &reviews)? {
        Ok(path) => {
            println!(
                "claimset: wrote `{}`; check it with `claimset validate {}`",
                path.display(),
                args.dataset.display()
            );
            Ok(Outcome::Ok)
        }
        Err(problems) => {
            for p in &problems {
                eprintln!("{p}");
            }
            bail!(
                "no correction written: fix the {} above",
                count(problems.len() as u64, "problem")
            );
        }
    }
}

/// Find claims in a dataset's latest release by their text, claimant or article.
#[derive(clap::Args)]
pub(crate) struct SearchArgs {
    /// The dataset folder (datasets/<name>).
    dataset: PathBuf,
    /// Words to find in the claim text or the claimant (case does not matter).
    query: Option<String>,
    /// Only claims from this article.
    #[arg(long)]
    article: Option<String>,
    #[arg(long, value_enum, default_value_t)]
    format: Format,
}

pub(crate) fn search(args: &SearchArgs, _quiet: bool) -> anyhow::Result<Outcome> {
    let dataset = Dataset::open(&args.dataset)?;
    let (v, hits) = claimset::search(
        &dataset,
        args.query.as_deref().unwrap_or(""),
        args.article.as_deref(),
    )?;
    if args.format == Format::Json {
        print_json(&hits)?;
    } else {
        for h in &hits {
            println!(
                "{}  {}  {}: {}",
                h.claim_id,
                h.article_id,
                h.claimant.as_deref().unwrap_or("(unknown)"),
                h.claim_text
            );
        }
    }
    eprintln!(
        "claimset: {} in release {v}",
        count(hits.len() as u64, "claim")
    );
    Ok(Outcome::Ok)
}
