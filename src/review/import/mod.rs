//! Importing fact-checks: which form a file is in, and every review in it either normalised
//! into a [`ReviewRecord`] or rejected with its file, line and JSON pointer.
//!
//! The form is told from the content, not the name: an HTML page (its
//! `<script type="application/ld+json">` elements), one JSON document (schema.org JSON-LD,
//! or a Google Fact Check Tools `claims:search` response), or one JSON value a line
//! (the Data Commons feed, possibly with each line's JSON-LD inside a script element;
//! `claims:search` responses; or claimset's own review records, which round-trip).

mod datacommons;
mod google;
mod jsonl;
mod jsonld;

use std::fmt::{self, Write as _};
use std::path::Path;

use rustc_hash::FxHashMap;
use serde::Serialize;
use serde_json::Value;

use super::ReviewRecord;
use crate::error::Error;

/// The largest file read, whole, into memory; a larger one is rejected unread.
pub const MAX_FILE_BYTES: u64 = 1 << 30;

/// The form a file was published in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Form {
    /// schema.org `ClaimReview` JSON-LD: an object, an array, an `@graph`, or an HTML page's
    /// JSON-LD script elements.
    JsonLd,
    /// One page's JSON-LD a line, as the Data Commons fact-check feed is published.
    DataCommons,
    /// Google Fact Check Tools `claims:search` responses.
    Google,
    /// claimset review records, one a line.
    Records,
}

/// Why a review was not imported.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RejectionReason {
    /// Not JSON, or not valid UTF-8.
    MalformedJson,
    /// JSON with no review in it: no `ClaimReview` node, or a claim without reviews.
    NoReview,
    /// A review that does not say which claim it reviews.
    MissingClaimReviewed,
    /// A review record (claimset's own form) that breaks the review schema.
    InvalidRecord,
    /// A review with the id of one imported before it.
    Duplicate,
    /// A file larger than [`MAX_FILE_BYTES`], which is not read.
    TooLarge,
    /// An entry of a dataset's `reviews/` that is a symbolic link or a special file: a
    /// dataset reads nothing through links, and opens no FIFO.
    NotAFile,
}

/// A review, or a piece of input, that could not be normalised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Rejection {
    /// The file as named.
    pub file: String,
    /// The 1-based line, for line-based forms and HTML script elements.
    pub line: Option<u64>,
    /// JSON pointer to the review within the line's or the file's JSON; empty for all of it.
    pub pointer: String,
    /// Why.
    pub reason: RejectionReason,
    /// What is wrong and what to do.
    pub message: String,
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
        }
        if !self.pointer.is_empty() {
            write!(f, ": {}", self.pointer)?;
        }
        let reason = serde_json::to_value(self.reason)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default();
        write!(f, ": {} [{reason}]", self.message)
    }
}

/// What importing found.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Imported {
    /// The reviews, in input order, each id once.
    pub reviews: Vec<ReviewRecord>,
    /// What could not be imported, in input order.
    pub rejections: Vec<Rejection>,
    /// The form of each file, in the order given (`None` for a file with nothing readable).
    pub forms: Vec<(String, Option<Form>)>,
    /// Where each review was read, by id, to name the first of two duplicates.
    seen: FxHashMap<String, String>,
}

/// Where a review was found, for messages.
#[derive(Debug, Clone)]
pub(crate) struct Site {
    pub(crate) file: String,
    pub(crate) line: Option<u64>,
    pub(crate) pointer: String,
}

impl Site {
    fn reject(&self, reason: RejectionReason, message: impl Into<String>) -> Rejection {
        Rejection {
            file: self.file.clone(),
            line: self.line,
            pointer: self.pointer.clone(),
            reason,
            message: message.into(),
        }
    }

    fn at(&self, pointer: &str) -> Site {
        Site {
            file: self.file.clone(),
            line: self.line,
            pointer: pointer.to_owned(),
        }
    }

    fn describe(&self) -> String {
        let mut s = self.file.clone();
        if let Some(l) = self.line {
            let _ = write!(s, ":{l}");
        }
        if !self.pointer.is_empty() {
            let _ = write!(s, " {}", self.pointer);
        }
        s
    }
}

/// What one unit of input (a file, a line, a script element) gave.
pub(crate) type Found = Vec<Result<(ReviewRecord, Site), Rejection>>;

impl Imported {
    fn add(&mut self, found: Found) {
        for f in found {
            match f {
                Ok((r, site)) => {
                    if let Some(first) = self.seen.get(&r.review_id) {
                        self.rejections.push(site.reject(
                            RejectionReason::Duplicate,
                            format!(
                                "review {} was already imported from {first}; the first is kept",
                                r.review_id
                            ),
                        ));
                    } else {
                        self.seen.insert(r.review_id.clone(), site.describe());
                        self.reviews.push(r);
                    }
                }
                Err(rej) => self.rejections.push(rej),
            }
        }
    }

    /// Imports one more file's text, named `name` in messages.
    pub fn add_str(&mut self, name: &str, text: &str) {
        let (form, found) = read(name, text);
        self.forms.push((name.to_owned(), form));
        self.add(found);
    }

    /// Imports one more file.
    pub fn add_file(&mut self, path: &Path) -> Result<(), Error> {
        self.add_file_named(path, &path.display().to_string())
    }

    /// Imports one more file, named `name` in messages (a dataset names its review files
    /// relative to its folder, so that what a release reports does not depend on where the
    /// folder is).
    pub fn add_file_named(&mut self, path: &Path, name: &str) -> Result<(), Error> {
        let name = name.to_owned();
        let read_err = |source| Error::Read {
            path: path.to_path_buf(),
            source,
        };
        let size = std::fs::metadata(path).map_err(read_err)?.len();
        if size > MAX_FILE_BYTES {
            self.forms.push((name.clone(), None));
            self.rejections.push(Rejection {
                file: name,
                line: None,
                pointer: String::new(),
                reason: RejectionReason::TooLarge,
                message: format!(
                    "{size} bytes, more than the {MAX_FILE_BYTES} a file may have: split it \
                     into JSON Lines files"
                ),
            });
            return Ok(());
        }
        let bytes = std::fs::read(path).map_err(read_err)?;
        match String::from_utf8(bytes) {
            Ok(text) => self.add_str(&name, &text),
            Err(e) => {
                let offset = e.utf8_error().valid_up_to();
                let line = 1 + memchr::memchr_iter(b'\n', &e.as_bytes()[..offset]).count();
                self.forms.push((name.clone(), None));
                self.rejections.push(Rejection {
                    file: name,
                    line: Some(line as u64),
                    pointer: String::new(),
                    reason: RejectionReason::MalformedJson,
                    message: format!(
                        "invalid UTF-8 at byte {offset}: JSON must be UTF-8; re-encode the file"
                    ),
                });
            }
        }
        Ok(())
    }
}

/// Imports every review of one file.
pub fn import_file(path: &Path) -> Result<Imported, Error> {
    let mut out = Imported::default();
    out.add_file(path)?;
    Ok(out)
}

/// Imports every file of a dataset's `reviews/`, in path order, each named relative to the
/// dataset folder (`reviews/feed.jsonl`), so that what a release reports does not depend on
/// where the folder is.
pub fn import_dataset(dataset: &crate::dataset::Dataset) -> Result<Imported, Error> {
    let mut out = Imported::default();
    for f in dataset.review_files()? {
        let path = dataset.root.join(&f.path);
        let regular = std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_file());
        if !regular {
            out.forms.push((f.path.clone(), None));
            out.rejections.push(Rejection {
                file: f.path,
                line: None,
                pointer: String::new(),
                reason: RejectionReason::NotAFile,
                message: "a symbolic link or special file: a dataset reads nothing through \
                          links; put the review file itself in reviews/"
                    .into(),
            });
            continue;
        }
        out.add_file_named(&path, &f.path)?;
    }
    Ok(out)
}

/// What a decision on a link needs to know of each of a dataset's reviews, for `claimset
/// correct` to check a confirmation before writing it.
pub fn dataset_review_facts(
    dataset: &crate::dataset::Dataset,
) -> Result<Vec<crate::curate::correction::ReviewFacts>, Error> {
    Ok(import_dataset(dataset)?
        .reviews
        .iter()
        .map(ReviewRecord::facts)
        .collect())
}

/// Imports every review of one file's text, named `name` in messages.
pub fn import_str(name: &str, text: &str) -> Imported {
    let mut out = Imported::default();
    out.add_str(name, text);
    out
}

/// Reads one file's text in whichever form it is.
fn read(name: &str, text: &str) -> (Option<Form>, Found) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let whole = Site {
        file: name.to_owned(),
        line: None,
        pointer: String::new(),
    };
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return (
            None,
            vec![Err(whole.reject(
                RejectionReason::NoReview,
                "the file is empty: give ClaimReview JSON-LD, a claims:search response, or review records",
            ))],
        );
    }
    if trimmed.starts_with('<') {
        return (Some(Form::JsonLd), datacommons::scripts(&whole, text, 1));
    }
    if let Ok(value) = serde_json::from_str::<Value>(text) {
        return one_document(&whole, &value);
    }
    datacommons::lines(name, text)
}

/// One JSON document: a `claims:search` response, a review record, or JSON-LD.
fn one_document(site: &Site, value: &Value) -> (Option<Form>, Found) {
    if google::is_response(value) {
        (Some(Form::Google), google::read(site, value))
    } else if jsonl::is_record(value) {
        (Some(Form::Records), vec![jsonl::read(site, value)])
    } else {
        (Some(Form::JsonLd), jsonld::read(site, value))
    }
}
