//! `claimset eval`: score extraction against human annotations.

use std::path::PathBuf;

use anyhow::Context;
use claimset::{Explained, Input, Report, Scores, predict, read_gold, score, sentence_around};

use crate::{Format, Outcome, print_json};

/// Score the extractor against annotated claims: detection precision, recall and F1 (overall
/// and by quote type), attribution, and end to end.
///
/// Gold is JSON Lines with `article_id`, `claimant`, `claim_text`, `quote_type` and `cue` (the layout
/// of the converted `PolNeAR` gold.jsonl). A predicted claim matches a gold claim of its article
/// when the token F1 of their texts is at least 0.5, one to one, best first. By default only
/// gold claims cued by a reporting verb, `according to` or a colon are scored (see the eval
/// module's documentation for the policy); --all scores every one.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// The gold claims (JSON Lines).
    #[arg(long, value_name = "GOLD")]
    gold: PathBuf,
    /// The annotated articles (files or directories, as for extract).
    #[arg(required = true, value_name = "ARTICLES")]
    articles: Vec<String>,
    /// Score every gold claim, beliefs and intentions included.
    #[arg(long)]
    all: bool,
    /// Print up to N misses, false positives and misattributions to read, each with its
    /// sentence (the gold file's `char_start`/`char_end` place the misses).
    #[arg(long, value_name = "N", num_args = 0..=1, default_missing_value = "20")]
    explain: Option<usize>,
    /// How to print the report.
    #[arg(long, value_enum, default_value_t)]
    format: Format,
    #[command(flatten)]
    jobs: crate::Jobs,
}

pub(crate) fn run(args: &Args, quiet: bool) -> anyhow::Result<Outcome> {
    let mut gold = read_gold(&args.gold)?;
    let inputs: Vec<Input> = args.articles.iter().map(|a| Input::parse(a)).collect();
    let predicted = predict(&inputs, args.jobs.get(), args.explain.is_some())?;
    let rejected = predicted.rejected.len();
    if !quiet {
        for r in &predicted.rejected {
            eprintln!("warning: {r}");
        }
    }
    let read = &predicted.read;
    let bodies = &predicted.bodies;
    // Gold claims of articles that were not read are not scored; say so rather than let a
    // missing file pass for a miss or vanish from the figures.
    let before = gold.len();
    gold.retain(|g| read.contains(&g.article_id));
    let unscored = before - gold.len();
    if rejected > 0 || unscored > 0 {
        eprintln!(
            "warning: {rejected} article(s) rejected; {unscored} gold claim(s) name an article \
             that was not read and are not scored"
        );
    }
    let report = score(&gold, &predicted.claims, args.all, args.explain.is_some());
    if args.format == Format::Json {
        print_json(&report).context("cannot write the report")?;
    } else {
        print_report(&report, args, bodies);
    }
    Ok(Outcome::Ok)
}

fn print_report(r: &Report, args: &Args, bodies: &std::collections::BTreeMap<String, String>) {
    let row = |name: &str, s: &Scores| {
        println!(
            "{name:<14} P {:>5.1}%  R {:>5.1}%  F1 {:>5.1}%   ({} gold, {} predicted, {} matched)",
            100.0 * s.precision,
            100.0 * s.recall,
            100.0 * s.f1,
            s.gold,
            s.predicted,
            s.matched
        );
    };
    println!(
        "articles with gold claims: {}; gold claims scored: {}",
        r.articles,
        if args.all {
            "all"
        } else {
            "those cued by a reporting verb, `according to` or a colon"
        }
    );
    row("detection", &r.detection);
    for (t, s) in &r.by_quote_type {
        row(&format!("  {t}"), s);
    }
    println!(
        "attribution    {:>5.1}% of {} matched claims with a usable gold claimant",
        100.0 * r.attribution,
        r.attribution_scored
    );
    row("end to end", &r.end_to_end);
    if let Some(n) = args.explain {
        let show = |title: &str, items: &[Explained]| {
            println!(
                "\n{title} ({} in all, {} shown):",
                items.len(),
                n.min(items.len())
            );
            // Evenly spread over the corpus, not the first articles only.
            let step = (items.len() / n.max(1)).max(1);
            for e in items.iter().step_by(step).take(n) {
                let other = e
                    .other
                    .as_deref()
                    .map(|o| format!(" [{o}]"))
                    .unwrap_or_default();
                println!("  {} — {}{other}: {}", e.article_id, e.claimant, e.text);
                let sentence = e
                    .span
                    .and_then(|span| sentence_around(bodies.get(&e.article_id)?, span));
                if let Some(sentence) = sentence.filter(|s| s.trim() != e.text.trim()) {
                    println!("      in: {sentence}");
                }
            }
        };
        show("missed", &r.misses);
        show("false positives", &r.false_positives);
        show("misattributed (predicted [gold])", &r.misattributed);
    }
}
