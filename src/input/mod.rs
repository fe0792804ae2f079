//! Reading articles: the plain-text article format, JSON Lines, directories of either, gzip
//! and zstd, and stdin — one article at a time, each either valid or rejected with a reason.
//!
//! Reading is split in two so that a corpus run parses on every core: `walk` opens,
//! decompresses and splits inputs in order on one thread into `raw` inputs; `parse` (with
//! the `text` and `json` formats) makes each an article anywhere; `seen` rejects duplicate
//! ids in input order.

mod article;
mod rejection;
mod lines;
mod select;
mod raw;
mod text;
mod json;
mod parse;
mod walk;
mod seen;
mod meter;

use std::path::PathBuf;
use std::sync::Arc;

pub use article::{Article, DATE_YEARS, Location, MAX_ARTICLE_BYTES, parse_date, publisher};
pub(crate) use json::json_message;
pub(crate) use lines::{LineRead, read_line};
pub use meter::Meter;
pub(crate) use raw::Raw;
pub use rejection::{Reason, Rejection};
pub use select::Selection;
pub use walk::{Reader, input_size};

/// Where to read articles from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// JSON Lines on standard input (gzip or zstd compressed, or not).
    Stdin,
    /// A file or a directory (read recursively, in name order).
    Path(PathBuf),
    /// A file or a directory of a dataset, named `name` (and `name/…` below it) in every
    /// location and message whatever its path, so that nothing read depends on where the
    /// dataset sits. Inside it, only regular files are read: a symbolic link, a FIFO or a
    /// device is rejected, never followed or opened. Articles outside `select` are left out.
    Named {
        /// Where it is.
        path: PathBuf,
        /// What locations call it.
        name: String,
        /// Which articles to keep.
        select: Option<Arc<Selection>>,
    },
}

impl Input {
    /// `-` is stdin; anything else a path.
    pub fn parse(arg: &str) -> Self {
        if arg == "-" {
            Input::Stdin
        } else {
            Input::Path(PathBuf::from(arg))
        }
    }
}

/// What reading yields, in input order.
#[derive(Debug)]
pub enum Item {
    /// A valid article.
    Article(Article),
    /// An input that is not a valid article.
    Rejected(Rejection),
    /// A file in a directory that is not an article file by its name (`README.md`).
    Skipped(PathBuf),
}
