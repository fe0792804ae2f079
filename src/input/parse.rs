//! Parsing a raw input into an article or a rejection, on whichever thread has the time.

use super::Item;
use super::json::json_article;
use super::raw::Raw;
use super::text::text_article;

impl Raw {
    /// The article, or why it is not one. Ids are not checked for duplicates: that needs
    /// every article before, and is `Seen`'s job.
    pub(crate) fn parse(self) -> Item {
        match self {
            Raw::Line {
                file,
                line,
                bytes,
                select,
            } => json_article(&file, line, &bytes, select.as_deref()),
            Raw::Text {
                file,
                id,
                bytes,
                select,
            } => text_article(&file, &id, bytes, select.as_deref()),
            Raw::Done(item) => item,
        }
    }
}
