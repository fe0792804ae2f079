//! claimset turns news articles into a dataset of fact-check claims.
//!
//! The pipeline, one module per stage in the order data flows:
//!
//! 1. [`extract`] — article files → claim records: read the inputs, split sentences, find
//!    attributed statements (quotes, reported speech, `according to`), resolve each claimant
//!    to one canonical entity within its article, and date each claim.
//! 2. [`curate`] — claim records → a curated dataset: human corrections applied, every record
//!    validated against the schema and the rules a schema cannot express.
//! 3. [`publish`] — a curated dataset → a versioned, byte-reproducible Parquet release with a
//!    manifest and a changelog entry.
//!
//! [`dataset`] is the folder those stages read and write; [`eval`] measures extraction
//! against human annotations.
//!
//! Every stage reads and writes [`record::ClaimRecord`], the one data contract, whose JSON
//! Schema [`schema`] generates. Errors that stop a run are [`Error`]s; bad input articles are
//! not errors but [`extract::Rejection`]s, returned as data so that every input is accounted
//! for. The library never prints: the `claimset` binary decides how to show things.

pub mod error;
pub mod record;
pub mod dataset;
pub mod extract;
pub mod curate;
pub mod publish;
pub mod schema;
pub mod eval;

pub use error::Error;
