//! `claimset eval`: score extraction against human annotations.

use std::collections::BTreeMap;
use std::path::PathBuf;

use anyhow::Context;
use claimset::{
    EvalOptions, Explained, Input, Report, Scores, predict, read_gold, read_predictions, score,
    sentence_around,
};

use crate::{Format, Outcome, print_json};

/// Score the extractor against annotated claims: detection precision, recall and F1 (overall
/// and by quote type), coverage, lenient and strict attribution, claim dates, and end to end.
///
/// Gold is JSON Lines with `article_id`, `claimant`, `claim_text`, `quote_type` and `cue`
/// (the layout of the converted `PolNeAR` gold.jsonl; `eval/` sets add `claimant_canonical`
/// and `claim_date`). By default only gold claims cued by a speech act are scored (a fixed
/// list: see the eval module's documentation); --all scores every one.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// The gold claims (JSON Lines).
    #[arg(long, value_name = "GOLD")]
    gold: PathBuf,
    /// The annotated articles (files or directories, as for extract).
    #[arg(required = true, value_name = "ARTICLES")]
    articles: Vec<String>,
    /// Score these claim records (JSON Lines, as `extract` writes them) instead of extracting
    /// the articles, which then only give bodies and the articles read.
    #[arg(long, value_name = "FILE")]
    predictions: Option<PathBuf>,
    /// Score every gold claim, beliefs and intentions included.
    #[arg(long)]
    all: bool,
    /// Print up to N misses, false positives, misattributions and misdates to read, each
    /// with its sentence and the constructions that made (or missed) it.
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
    let mut predicted = predict(&inputs, args.jobs.get())?;
    if let Some(file) = &args.predictions {
        let read = &predicted.read;
        predicted.claims = read_predictions(file)?
            .into_iter()
            .filter(|p| read.contains(&p.record.article_id))
            .collect();
    }
    let rejected = predicted.rejected.len();
    if !quiet {
        for r in &predicted.rejected {
            eprintln!("warning: {r}");
        }
    }
    // Gold claims of articles that were not read are not scored; say so rather than let a
    // missing file pass for a miss or vanish from the figures.
    let before = gold.len();
    gold.retain(|g| predicted.read.contains(&g.article_id));
    let unscored = before - gold.len();
    if rejected > 0 || unscored > 0 {
        eprintln!(
            "warning: {rejected} article(s) rejected; {unscored} gold claim(s) name an article \
             that was not read and are not scored"
        );
    }
    let options = EvalOptions {
        all: args.all,
        explain: args.explain.is_some(),
    };
    let report = score(&gold, &predicted.claims, &predicted.bodies, options);
    if args.format == Format::Json {
        print_json(&report).context("cannot write the report")?;
    } else {
        print_report(&report, args, &predicted.bodies);
    }
    Ok(Outcome::Ok)
}

fn print_report(r: &Report, args: &Args, bodies: &BTreeMap<String, String>) {
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
            "those cued by a speech act, `according to`, a colon or a dash"
        }
    );
    row("detection", &r.detection);
    for (t, s) in &r.by_quote_type {
        row(&format!("  {t}"), s);
    }
    let c = &r.coverage;
    println!(
        "coverage       found {:>5.1}% ({} of {})  right {:>5.1}% ({} of {})  found with the \
         right claimant {:>5.1}%",
        100.0 * c.recall,
        c.found,
        c.gold,
        100.0 * c.precision,
        c.right,
        c.predicted,
        100.0 * c.end_to_end
    );
    for (t, (g, f)) in &r.coverage_by_quote_type {
        println!(
            "  {t:<12} found {:>5.1}% ({f} of {g})",
            100.0 * *f as f64 / (*g).max(1) as f64
        );
    }
    println!(
        "attribution    lenient {:>5.1}% of {}; strict {:>5.1}% of {}",
        100.0 * r.attribution,
        r.attribution_scored,
        100.0 * r.strict_attribution.rate,
        r.strict_attribution.scored
    );
    if r.dates.scored > 0 {
        println!(
            "claim dates    {:>5.1}% of {} matched claims with an annotated date",
            100.0 * r.dates.rate,
            r.dates.scored
        );
    }
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
                if let Some(c) = &e.constructions {
                    println!("      by: {c}");
                }
            }
        };
        show("missed", &r.misses);
        show("false positives", &r.false_positives);
        show("misattributed (predicted [gold])", &r.misattributed);
        show("misdated (predicted [gold])", &r.misdated);
    }
}
