//! One input as the reading thread leaves it: the bytes of a JSON line or a text file, or an
//! input already settled (rejected while reading, or skipped).

use std::sync::Arc;

use super::Item;
use super::select::Selection;

/// One input as read, before parsing.
pub(crate) enum Raw {
    /// A JSON line, without its line ending (or a leading byte-order mark).
    Line {
        file: Arc<str>,
        line: u64,
        bytes: Vec<u8>,
        select: Option<Arc<Selection>>,
    },
    /// The bytes of a whole text article, and the id its file name gives it.
    Text {
        file: Arc<str>,
        id: String,
        bytes: Vec<u8>,
        select: Option<Arc<Selection>>,
    },
    /// An input settled while reading: rejected (unreadable, too large …) or skipped.
    Done(Item),
}

impl Raw {
    /// Bytes to parse, for cutting batches by size.
    pub(crate) fn len(&self) -> usize {
        match self {
            Raw::Line { bytes, .. } | Raw::Text { bytes, .. } => bytes.len(),
            Raw::Done(_) => 0,
        }
    }
}
