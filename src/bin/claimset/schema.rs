//! `claimset schema`: print the claim record's JSON Schema.

use std::io::Write;

use anyhow::Context;

use crate::Outcome;

/// Print a published schema: the claim record's JSON Schema (schema/claim.schema.json) by
/// default.
#[derive(clap::Args)]
pub(crate) struct Args {
    /// Print the correction file schema (schema/correction.schema.json).
    #[arg(long, conflicts_with = "dictionary")]
    correction: bool,
    /// Print the data dictionary of releases (datasets/README.md).
    #[arg(long)]
    dictionary: bool,
}

pub(crate) fn run(args: &Args) -> anyhow::Result<Outcome> {
    let text = if args.dictionary {
        claimset::publish::arrow::dictionary()
    } else if args.correction {
        claimset::schema::correction_schema()
    } else {
        claimset::schema::claim_schema()
    };
    std::io::stdout()
        .write_all(text.as_bytes())
        .context("cannot write to stdout")?;
    Ok(Outcome::Ok)
}
