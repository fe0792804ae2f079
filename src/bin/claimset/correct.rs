//! `claimset correct` and `claimset search`: write a correction file to start from, and find
//! the claim to correct.

use std::path::PathBuf;

use anyhow::{Context, bail};
use claimset::curate::correction::{Action, Correction, NewClaim, SetFields, Verdict};
use claimset::dataset::Dataset;
use claimset::publish::arrow::claim_columns;
use claimset::publish::parquet::read_rows;
use serde_json::Value;

use crate::Outcome;

/// Write a correction file in canonical form, ready to edit and commit.
///
/// One of --set, --reject, --verdict or --add. The file goes to
/// datasets/<name>/corrections/, named after the claim (or the article, for --add); check it
/// with `claimset validate datasets/<name>`.
#[derive(clap::Args)]
#[command(group(clap::ArgGroup::new("action").required(true).multiple(true).args(["set", "clear", "reject", "verdict", "add", "canonical"])))]
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

pub(crate) fn run(args: &Args) -> anyhow::Result<Outcome> {
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
            std::fs::write(f, c.to_canonical())
                .with_context(|| format!("cannot write `{}`", f.display()))?;
            eprintln!("claimset: rewrote `{}` in canonical form", f.display());
        }
        return Ok(Outcome::Ok);
    }
    let actions = [args.reject, args.verdict.is_some(), args.add];
    if actions.iter().filter(|a| **a).count() > 1
        || ((args.reject || args.verdict.is_some())
            && !(args.set.is_empty() && args.clear.is_empty()))
    {
        bail!(
            "one correction, one action: --set/--clear, --reject, --verdict, or --add (whose \
             fields are given with --set)"
        );
    }
    let dataset = Dataset::open(&args.dataset)?;
    let reason = args.reason.clone().unwrap_or_default();
    let correction = if args.add {
        let mut fields = fields_table(&args.set)?;
        fields.insert(
            "article".into(),
            args.article.clone().unwrap_or_default().into(),
        );
        fields.insert("text".into(), args.text.clone().unwrap_or_default().into());
        let add: NewClaim = fields
            .try_into()
            .context("an added claim needs quote_type, claimant_type and cue, given with --set")?;
        Correction {
            action: Action::Add,
            claim: None,
            reason,
            set: None,
            verdict: None,
            add: Some(add),
        }
    } else {
        let claim = args.claim.clone();
        if let Some(id) = &claim {
            check_claim_exists(&dataset, id)?;
        }
        if args.reject {
            Correction {
                action: Action::Reject,
                claim,
                reason,
                set: None,
                verdict: None,
                add: None,
            }
        } else if let Some(status) = &args.verdict {
            let mut t = toml::Table::new();
            t.insert("status".into(), status.clone().into());
            t.insert(
                "label".into(),
                args.label.clone().unwrap_or_default().into(),
            );
            t.insert(
                "reviewed_by".into(),
                args.reviewed_by.clone().unwrap_or_default().into(),
            );
            t.insert("url".into(), args.url.clone().unwrap_or_default().into());
            t.insert("date".into(), args.date.clone().unwrap_or_default().into());
            let verdict: Verdict = t.try_into().context("the verdict is not valid")?;
            Correction {
                action: Action::Verdict,
                claim,
                reason,
                set: None,
                verdict: Some(verdict),
                add: None,
            }
        } else {
            let mut t = fields_table(&args.set)?;
            if !args.clear.is_empty() {
                t.insert(
                    "clear".into(),
                    toml::Value::Array(args.clear.iter().map(|c| c.clone().into()).collect()),
                );
            }
            let set: SetFields = t.try_into().context("the fields to set are not valid")?;
            Correction {
                action: Action::Set,
                claim,
                reason,
                set: Some(set),
                verdict: None,
                add: None,
            }
        }
    };
    let dir = dataset.corrections_dir();
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create `{}`", dir.display()))?;
    let path = dir.join(correction.file_name());
    if path.exists() {
        bail!(
            "`{}` already exists: edit it, or remove it first",
            path.display()
        );
    }
    std::fs::write(&path, correction.to_canonical())
        .with_context(|| format!("cannot write `{}`", path.display()))?;
    eprintln!(
        "claimset: wrote `{}`; check it with `claimset validate {}`",
        path.display(),
        args.dataset.display()
    );
    Ok(Outcome::Ok)
}

/// `field=value` pairs as a TOML table, values typed by what they look like.
fn fields_table(pairs: &[String]) -> anyhow::Result<toml::Table> {
    let mut t = toml::Table::new();
    for p in pairs {
        let Some((k, v)) = p.split_once('=') else {
            bail!("`{p}` is not FIELD=VALUE");
        };
        let value = match v.parse::<i64>() {
            Ok(n) if k == "occurrence" => toml::Value::Integer(n),
            _ => toml::Value::String(v.to_owned()),
        };
        t.insert(k.trim().to_owned(), value);
    }
    Ok(t)
}

/// A claim id the latest release does not hold is refused, with a hint.
fn check_claim_exists(dataset: &Dataset, id: &str) -> anyhow::Result<()> {
    let Some(v) = dataset.releases()?.pop() else {
        return Ok(());
    };
    let mut found = false;
    read_rows(
        &dataset.release_dir(&v).join("claims.parquet"),
        claim_columns(),
        |_, row| {
            found |= row.get("claim_id").and_then(Value::as_str) == Some(id);
            Ok(())
        },
    )?;
    if !found {
        bail!("release {v} has no claim {id}: find its id with `claimset search`");
    }
    Ok(())
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
}

pub(crate) fn search(args: &SearchArgs) -> anyhow::Result<Outcome> {
    let dataset = Dataset::open(&args.dataset)?;
    let Some(v) = dataset.releases()?.pop() else {
        bail!(
            "{} has no release yet: run `claimset release` first",
            dataset.name
        );
    };
    let query = args.query.as_deref().unwrap_or("").to_lowercase();
    let mut hits = 0;
    read_rows(
        &dataset.release_dir(&v).join("claims.parquet"),
        claim_columns(),
        |_, row| {
            let s = |k: &str| row.get(k).and_then(Value::as_str).unwrap_or("").to_owned();
            let matches = (s("claim_text").to_lowercase().contains(&query)
                || s("claimant").to_lowercase().contains(&query))
                && args.article.as_ref().is_none_or(|a| *a == s("article_id"));
            if matches {
                hits += 1;
                println!(
                    "{}  {}  {}: {}",
                    s("claim_id"),
                    s("article_id"),
                    if s("claimant").is_empty() {
                        "(unknown)".into()
                    } else {
                        s("claimant")
                    },
                    s("claim_text")
                );
            }
            Ok(())
        },
    )?;
    eprintln!(
        "claimset: {} in release {v}",
        claimset::publish::count(hits, "claim")
    );
    Ok(Outcome::Ok)
}
