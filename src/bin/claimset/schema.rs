//! `claimset schema`: print the claim record's JSON Schema.

use std::io::Write;

use anyhow::Context;

use crate::Outcome;

/// Print the JSON Schema of a claim record (the file committed as schema/claim.schema.json).
#[derive(clap::Args)]
pub(crate) struct Args {}

pub(crate) fn run(_args: &Args) -> anyhow::Result<Outcome> {
    std::io::stdout()
        .write_all(claimset::schema::claim_schema().as_bytes())
        .context("cannot write the schema to stdout")?;
    Ok(Outcome::Ok)
}
