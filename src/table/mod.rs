//! The table layer shared by release, validation and diff: the columns of `claims.parquet`
//! and `articles.parquet`, their Arrow form, and the deterministic Parquet writer and its
//! read-back.

mod columns;
mod arrow;
mod parquet;

pub use columns::{
    ADDED_CLAIM_COLUMNS, Column, Kind, arrow_schema, article_columns, claim_columns, dictionary,
};
pub(crate) use columns::{added_after, claim_issues};
pub use parquet::{ROW_GROUP_ROWS, TableWriter, key_value_metadata, read_rows};
pub(crate) use parquet::{column_issues, format_fingerprint};
