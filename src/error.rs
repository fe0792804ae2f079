//! Errors that stop a run. Bad articles are not errors: they are
//! [`Rejection`](crate::Rejection)s, and problems found in records or corrections are
//! [`Problem`](crate::Problem)s — both reported while the run goes on.

use std::io;
use std::path::PathBuf;

/// Something that keeps the run from going on.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A path named as input cannot be found or read.
    #[error("cannot read input `{}`", path.display())]
    Input {
        /// The path as given.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// Output cannot be written.
    #[error("cannot write {what}")]
    Output {
        /// What was being written (`claims to stdout`, a path).
        what: String,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// A file or folder cannot be read.
    #[error("cannot read `{}`", path.display())]
    Read {
        /// The path.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// A file or folder cannot be written.
    #[error("cannot write `{}`", path.display())]
    Write {
        /// The path.
        path: PathBuf,
        /// Why.
        #[source]
        source: io::Error,
    },
    /// A dataset folder or its metadata is not usable.
    #[error("`{}`: {message}", path.display())]
    Dataset {
        /// The folder or file.
        path: PathBuf,
        /// What is wrong and what to do.
        message: String,
    },
    /// External inputs a dataset declares are not on this machine: nothing was built.
    #[error(
        "`{}` reads inputs that are not here: {}; get them, or set the variable named, and run \
         again (corrections and `claimset search` need only the committed release)",
        dataset.display(),
        missing.join("; ")
    )]
    InputsAbsent {
        /// The dataset folder.
        dataset: PathBuf,
        /// Each input missing and where it was looked for.
        missing: Vec<String>,
    },
    /// A line of a file is not what the file must hold.
    #[error("{}:{line}: {message}", path.display())]
    Line {
        /// The file.
        path: PathBuf,
        /// The 1-based line.
        line: u64,
        /// What is wrong and what to do.
        message: String,
    },
    /// A Parquet file is not a readable claimset table.
    #[error("`{}`: {message}", path.display())]
    Parquet {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// A release would overwrite a published one.
    #[error(
        "release {version} already exists at `{}`: published releases are never rewritten; \
         bump the version instead",
        path.display()
    )]
    ReleaseExists {
        /// The version asked for.
        version: String,
        /// Where it is.
        path: PathBuf,
    },
    /// The version asked for does not fit what changed.
    #[error("{0}")]
    Version(String),
    /// The reading or a worker thread cannot start.
    #[error("cannot start a thread")]
    Spawn(#[source] io::Error),
}
