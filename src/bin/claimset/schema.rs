//! `claimset schema`: print a published schema, or the data dictionary.

use std::io::Write;

use anyhow::Context;

use crate::Outcome;

/// Print a published schema: the claim record's JSON Schema (schema/claim.schema.json) by
/// default.
#[derive(clap::Args)]
#[command(group(
    clap::ArgGroup::new("which").args(["correction", "article", "review", "dictionary"])
))]
// Flags of one group, at most one given: clap's own form of a choice among several.
#[allow(clippy::struct_excessive_bools)]
pub(crate) struct Args {
    /// Print the correction file schema (schema/correction.schema.json).
    #[arg(long)]
    correction: bool,
    /// Print the articles table's row schema (schema/article.schema.json).
    #[arg(long)]
    article: bool,
    /// Print the review record schema (schema/review.schema.json).
    #[arg(long)]
    review: bool,
    /// Print the data dictionary of releases (datasets/README.md).
    #[arg(long)]
    dictionary: bool,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<Outcome> {
    let text = if args.dictionary {
        claimset::dictionary()
    } else if args.correction {
        claimset::correction_schema()
    } else if args.article {
        claimset::article_schema()
    } else if args.review {
        claimset::review_schema()
    } else {
        claimset::claim_schema()
    };
    std::io::stdout()
        .write_all(text.as_bytes())
        .context("cannot write to stdout")?;
    Ok(Outcome::Ok)
}
