//! Stage 2, claims → a curated dataset: human corrections applied, every record validated.
//!
//! Problems found here are data ([`Problem`]): a run reports all of them at once, each with
//! its file and line (or claim id), and what to do.

mod problem;
mod rules;
mod json;
mod files;
pub(crate) mod correction;

pub(crate) use correction::Corrections;
pub use files::{FileReport, Format, MAX_RECORD_BYTES, validate_file};
pub use problem::Problem;
pub use rules::{RULES, RecordValidator, Rule, Violation};
