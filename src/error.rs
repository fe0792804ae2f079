//! Errors that stop a run. Bad articles are not errors: they are
//! [`Rejection`](crate::extract::Rejection)s, reported and counted while the run goes on.

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
    /// The worker pool cannot start.
    #[error("cannot start worker threads")]
    Threads(#[source] rayon::ThreadPoolBuildError),
    /// The reading thread cannot start.
    #[error("cannot start the reading thread")]
    Spawn(#[source] io::Error),
}
