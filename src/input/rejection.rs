//! Why an input is not an article: every rejection names where it is and says what to do.

use std::fmt;
use std::io;
use std::sync::Arc;

use super::{DATE_YEARS, Item, Location, MAX_ARTICLE_BYTES};

/// An input that could not be read as an article, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rejection {
    /// Where the bad input is.
    pub location: Location,
    /// The article's id, when it got far enough to have one.
    pub article_id: Option<String>,
    /// What is wrong.
    pub reason: Reason,
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: ", self.location)?;
        if let Some(id) = &self.article_id {
            write!(f, "article `{id}`: ")?;
        }
        write!(f, "{}", self.reason)
    }
}

/// Why an input was rejected. The message says what is wrong and what to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    /// No date, or an empty one.
    MissingDate,
    /// A date that is not a real `YYYYMMDD` / `YYYY-MM-DD` day.
    InvalidDate(String),
    /// A real day, outside the years [`DATE_YEARS`].
    DateOutOfRange(String),
    /// No source URL.
    MissingUrl,
    /// A URL that is not an absolute http(s) URL.
    InvalidUrl(String),
    /// A body with no text.
    EmptyBody,
    /// Bytes that are not UTF-8.
    InvalidUtf8 {
        /// Byte offset of the first bad byte, within the file or the line.
        offset: usize,
    },
    /// A JSON line that does not parse, or is not an article object.
    MalformedJson(String),
    /// A file with NUL bytes: not text.
    Binary,
    /// Text in UTF-16 (it starts with a UTF-16 byte-order mark).
    Utf16,
    /// Larger than [`MAX_ARTICLE_BYTES`].
    TooLarge,
    /// A line that does not end within [`MAX_ARTICLE_BYTES`] and 64 MiB more: the stream is
    /// not read further.
    Runaway,
    /// Not a regular file in a dataset (a symbolic link, a FIFO, a device): not read.
    NotAFile(&'static str),
    /// A text file with fewer than the three header lines.
    MissingHeader,
    /// An article id already read.
    DuplicateId {
        /// Where the first article with that id was read.
        first: Location,
    },
    /// The file could not be read (permissions, corrupt or truncated compression).
    Unreadable(String),
    /// The extractor failed on this article: a bug, reported rather than ending the run.
    Internal(String),
}

impl Reason {
    /// A stable short name for counting and for machine-readable reports.
    pub fn code(&self) -> &'static str {
        match self {
            Reason::MissingDate => "missing_date",
            Reason::InvalidDate(_) => "invalid_date",
            Reason::DateOutOfRange(_) => "date_out_of_range",
            Reason::MissingUrl => "missing_url",
            Reason::InvalidUrl(_) => "invalid_url",
            Reason::EmptyBody => "empty_body",
            Reason::InvalidUtf8 { .. } => "invalid_utf8",
            Reason::MalformedJson(_) => "malformed_json",
            Reason::Binary => "binary_file",
            Reason::Utf16 => "utf16",
            Reason::TooLarge => "too_large",
            Reason::Runaway => "runaway_line",
            Reason::NotAFile(_) => "not_a_file",
            Reason::MissingHeader => "missing_header",
            Reason::DuplicateId { .. } => "duplicate_id",
            Reason::Unreadable(_) => "unreadable",
            Reason::Internal(_) => "internal_error",
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::MissingDate => f.write_str(
                "no publication date: give it as YYYYMMDD on line 2 of a text article, or as \
                 \"date\": \"YYYY-MM-DD\" in JSON",
            ),
            Reason::InvalidDate(d) => write!(
                f,
                "`{d}` is not a valid date: write a real day as YYYYMMDD (text) or YYYY-MM-DD (JSON)"
            ),
            Reason::DateOutOfRange(d) => write!(
                f,
                "the date {d} is outside the years {}–{} an article may have: write the day it was \
                 published as YYYYMMDD (text) or YYYY-MM-DD (JSON)",
                DATE_YEARS.start(),
                DATE_YEARS.end()
            ),
            Reason::MissingUrl => f.write_str(
                "no source URL: give it on line 3 of a text article, or as \"url\" in JSON",
            ),
            Reason::InvalidUrl(u) => write!(
                f,
                "`{u}` is not an absolute http(s) URL as RFC 3986 writes it: give the address the article was published at (percent-encode characters such as spaces or a second `#`)"
            ),
            Reason::EmptyBody => f.write_str(
                "the article has no body text: put it after line 3 of a text article, or in \
                 \"text\" in JSON",
            ),
            Reason::InvalidUtf8 { offset } => write!(
                f,
                "invalid UTF-8 at byte {offset}: re-encode the file as UTF-8 (e.g. `iconv -f \
                 latin1 -t utf-8`)"
            ),
            Reason::MalformedJson(m) => write!(
                f,
                "malformed JSON: {m}: each line must be one object with \"title\", \"date\", \
                 \"url\" and \"text\""
            ),
            Reason::Binary => f.write_str(
                "binary data (NUL bytes), not an article: pass text or JSON Lines, optionally \
                 .gz or .zst compressed",
            ),
            Reason::Utf16 => f.write_str(
                "UTF-16 text: re-encode the file as UTF-8 (e.g. `iconv -f utf-16 -t utf-8`)",
            ),
            Reason::TooLarge => write!(
                f,
                "larger than {} KiB, the most one article may be (what extraction may cost is \
                 capped): split it, or check that it is really one article",
                MAX_ARTICLE_BYTES >> 10
            ),
            Reason::Runaway => write!(
                f,
                "a line longer than {} KiB with no end in sight: the rest of this input is not \
                 read; pass JSON Lines, one article a line",
                MAX_ARTICLE_BYTES >> 10
            ),
            Reason::NotAFile(kind) => write!(
                f,
                "{kind}, not a regular file: a dataset holds its own files and reads nothing \
                 through links; copy the file in, or declare a file kept elsewhere as an \
                 external input in dataset.toml"
            ),
            Reason::MissingHeader => f.write_str(
                "too short for a text article: line 1 is the title, line 2 the date YYYYMMDD, \
                 line 3 the URL, then the body",
            ),
            Reason::DuplicateId { first } => write!(
                f,
                "the same article id was already read at {first}: give every article a unique id"
            ),
            Reason::Unreadable(e) => write!(f, "could not be read: {e}"),
            Reason::Internal(e) => write!(
                f,
                "the extractor failed on this article ({e}): this is a bug in claimset; please \
                 report it with the article"
            ),
        }
    }
}

pub(super) fn unreadable(file: &Arc<str>, e: &io::Error) -> Item {
    Item::Rejected(Rejection {
        location: Location::file(file),
        article_id: None,
        reason: Reason::Unreadable(e.to_string()),
    })
}
