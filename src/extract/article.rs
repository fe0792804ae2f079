//! Reading articles: the plain-text article format, JSON Lines, directories of either, gzip
//! and zstd, and stdin — one article at a time, each either valid or rejected with a reason.
//!
//! The plain-text format is line 1 title, line 2 date `YYYYMMDD`, line 3 source URL, then
//! the body. Its body is everything after the third line, with line endings read the way
//! Python's `open()` reads them (`\r\n` and `\r` become `\n`), so that code-point offsets
//! into it slice the same text in Python and R.

use std::borrow::Cow;
use std::fmt;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use chrono::NaiveDate;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::stream::Meter;
use crate::error::Error;

/// The largest article (text file or JSON line) read; larger ones are rejected.
pub const MAX_ARTICLE_BYTES: usize = 32 << 20;

/// One valid article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The JSON `id`; the file name without extensions for a text file; else derived from
    /// the URL (the first 16 hex digits of its SHA-256).
    pub id: String,
    /// The headline, if the input has one.
    pub title: Option<String>,
    /// The publication date.
    pub date: NaiveDate,
    /// The source URL, as given.
    pub url: String,
    /// The URL's host without `www.`.
    pub publisher: String,
    /// The text that claims are extracted from and that spans point into.
    pub body: String,
    /// Where the article was read.
    pub location: Location,
}

/// Where an article came from: a file, and the line for JSON Lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The path as the user gave it (or found under a directory they gave); `<stdin>`.
    pub file: Arc<str>,
    /// The 1-based line for JSON Lines and for problems on one line of a text file.
    pub line: Option<u64>,
}

impl Location {
    fn file(file: &Arc<str>) -> Self {
        Location {
            file: file.clone(),
            line: None,
        }
    }

    fn at(file: &Arc<str>, line: u64) -> Self {
        Location {
            file: file.clone(),
            line: Some(line),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}", self.file),
            None => write!(f, "{}", self.file),
        }
    }
}

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
            Reason::MissingUrl => "missing_url",
            Reason::InvalidUrl(_) => "invalid_url",
            Reason::EmptyBody => "empty_body",
            Reason::InvalidUtf8 { .. } => "invalid_utf8",
            Reason::MalformedJson(_) => "malformed_json",
            Reason::Binary => "binary_file",
            Reason::Utf16 => "utf16",
            Reason::TooLarge => "too_large",
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
                "larger than {} MiB: split it, or check that it is really one article",
                MAX_ARTICLE_BYTES >> 20
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

/// Where to read articles from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Input {
    /// JSON Lines on standard input (gzip or zstd compressed, or not).
    Stdin,
    /// A file or a directory (read recursively, in name order).
    Path(PathBuf),
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

/// Reads articles one at a time from files, directories and stdin; never holds more than
/// one article (or one JSON line) in memory.
pub struct Reader {
    source: Source,
    seen: Seen,
}

/// The part of reading that must go in input order: walking directories, opening and
/// decompressing files, splitting lines. It yields [`Raw`] inputs, which are parsed
/// anywhere, so that a corpus run parses on every core and not on the reading thread.
pub(crate) struct Source {
    /// Inputs still to open, last first.
    pending: Vec<Pending>,
    current: Option<JsonLines>,
    meter: Option<Arc<Meter>>,
}

/// One input as read, before parsing.
pub(crate) enum Raw {
    /// A JSON line, without its line ending (or a leading byte-order mark).
    Line {
        file: Arc<str>,
        line: u64,
        bytes: Vec<u8>,
    },
    /// The bytes of a whole text article, and the id its file name gives it.
    Text {
        file: Arc<str>,
        id: String,
        bytes: Vec<u8>,
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

    /// The article, or why it is not one. Ids are not checked for duplicates: that needs
    /// every article before, and is [`Seen`]'s job.
    pub(crate) fn parse(self) -> Item {
        match self {
            Raw::Line { file, line, bytes } => json_article(&file, line, &bytes),
            Raw::Text { file, id, bytes } => text_article(&file, &id, bytes),
            Raw::Done(item) => item,
        }
    }
}

/// Article ids read so far, to reject duplicates, with where each was first read.
#[derive(Default)]
pub(crate) struct Seen {
    /// Keyed by the first 128 bits of the id's SHA-256 (two of a billion ids collide with
    /// odds below 1e-20) and holding a file index and a line (`u64::MAX` for none), so a
    /// corpus of millions costs tens of bytes an article rather than its ids and paths.
    ids: FxHashMap<[u8; 16], (usize, u64)>,
    /// The files articles were read from, for `ids`.
    files: Vec<Arc<str>>,
}

impl Seen {
    /// Where an article with this id was read before, if one was; else remembers this one.
    pub(crate) fn first(&mut self, id: &str, at: &Location) -> Option<Location> {
        let digest = Sha256::digest(id.as_bytes());
        let key: [u8; 16] = digest[..16].try_into().expect("16 of 32 bytes");
        if let Some(&(file, line)) = self.ids.get(&key) {
            return Some(Location {
                file: self.files[file].clone(),
                line: (line != u64::MAX).then_some(line),
            });
        }
        if !self.files.last().is_some_and(|f| Arc::ptr_eq(f, &at.file)) {
            self.files.push(at.file.clone());
        }
        self.ids
            .insert(key, (self.files.len() - 1, at.line.unwrap_or(u64::MAX)));
        None
    }

    /// The item, or its rejection when its id was read before.
    fn check(&mut self, item: Item) -> Item {
        match item {
            Item::Article(a) => match self.first(&a.id, &a.location) {
                Some(first) => Item::Rejected(Rejection {
                    location: a.location,
                    article_id: Some(a.id),
                    reason: Reason::DuplicateId { first },
                }),
                None => Item::Article(a),
            },
            other => other,
        }
    }
}

/// Counts the bytes read from an input as stored, for progress.
struct Metered<R> {
    inner: R,
    meter: Arc<Meter>,
}

impl<R: Read> Read for Metered<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.meter.read(n);
        Ok(n)
    }
}

/// The bytes stored in `inputs` (files, and files under directories), for a progress bar's
/// length; `None` when stdin is among them.
pub fn input_size(inputs: &[Input]) -> Option<u64> {
    fn walk(p: &Path, named: bool) -> u64 {
        let Ok(meta) = std::fs::metadata(p) else {
            return 0;
        };
        let linked =
            !named && std::fs::symlink_metadata(p).is_ok_and(|m| m.file_type().is_symlink());
        if meta.is_dir() && !linked {
            sorted_entries(p).map_or(0, |es| es.iter().map(|e| walk(e, false)).sum())
        } else if meta.is_file() && (named || format_of(p).is_some()) {
            meta.len()
        } else {
            0
        }
    }
    inputs
        .iter()
        .map(|i| match i {
            Input::Stdin => None,
            Input::Path(p) => Some(walk(p, true)),
        })
        .sum()
}

enum Pending {
    Stdin,
    /// A path, and whether the user named it (named files are read whatever their name).
    Path(PathBuf, bool),
}

/// The format of one file, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Text,
    JsonLines,
    /// Not known by name: look at the first byte.
    Sniff,
}

impl Reader {
    /// Checks that every named input exists, then reads lazily.
    pub fn new(inputs: &[Input]) -> Result<Self, Error> {
        Ok(Reader {
            source: Source::new(inputs)?,
            seen: Seen::default(),
        })
    }

    /// Counts the bytes read into `meter`.
    #[must_use]
    pub fn metered(mut self, meter: Option<Arc<Meter>>) -> Self {
        self.source.meter = meter;
        self
    }

    /// The reading and the duplicate check, to run apart.
    pub(crate) fn into_parts(self) -> (Source, Seen) {
        (self.source, self.seen)
    }
}

impl Iterator for Reader {
    type Item = Item;

    fn next(&mut self) -> Option<Item> {
        let item = self.source.next()?.parse();
        Some(self.seen.check(item))
    }
}

impl Source {
    fn new(inputs: &[Input]) -> Result<Self, Error> {
        let mut pending = Vec::with_capacity(inputs.len());
        for input in inputs.iter().rev() {
            match input {
                Input::Stdin => pending.push(Pending::Stdin),
                Input::Path(p) => {
                    std::fs::metadata(p).map_err(|source| Error::Input {
                        path: p.clone(),
                        source,
                    })?;
                    pending.push(Pending::Path(p.clone(), true));
                }
            }
        }
        Ok(Source {
            pending,
            current: None,
            meter: None,
        })
    }

    fn buffered(&self, r: impl Read + Send + 'static) -> Box<dyn BufRead + Send> {
        match &self.meter {
            Some(m) => Box::new(BufReader::with_capacity(
                1 << 16,
                Metered {
                    inner: r,
                    meter: Arc::clone(m),
                },
            )),
            None => Box::new(BufReader::with_capacity(1 << 16, r)),
        }
    }

    /// Opens a path: queues a directory's entries, starts a JSON Lines file, or reads a
    /// whole text article.
    fn open(&mut self, path: PathBuf, named: bool) -> Option<Raw> {
        let file: Arc<str> = Arc::from(path.display().to_string());
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => return Some(Raw::Done(unreadable(&file, &e))),
        };
        // Inside a directory, a link to a directory is not followed: it could lead back up
        // and make the walk endless.
        let linked =
            !named && std::fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
        if meta.is_dir() && linked {
            return Some(Raw::Done(Item::Skipped(path)));
        }
        if meta.is_dir() {
            match sorted_entries(&path) {
                Ok(entries) => {
                    for e in entries.into_iter().rev() {
                        self.pending.push(Pending::Path(e, false));
                    }
                    None
                }
                Err(e) => Some(Raw::Done(unreadable(&file, &e))),
            }
        } else {
            let format = match format_of(&path) {
                Some(f) => f,
                None if named => Format::Sniff,
                None => return Some(Raw::Done(Item::Skipped(path))),
            };
            let reader = match File::open(&path).and_then(|f| decompress(self.buffered(f))) {
                Ok(r) => r,
                Err(e) => return Some(Raw::Done(unreadable(&file, &e))),
            };
            let mut reader = reader;
            let format = match format {
                Format::Sniff => match sniff(&mut reader) {
                    Ok(f) => f,
                    Err(e) => return Some(Raw::Done(unreadable(&file, &e))),
                },
                f => f,
            };
            if format == Format::JsonLines {
                self.current = Some(JsonLines::new(file, reader));
                None
            } else {
                let id = stem(&path);
                Some(read_text_file(file, id, reader))
            }
        }
    }
}

impl Iterator for Source {
    type Item = Raw;

    fn next(&mut self) -> Option<Raw> {
        loop {
            if let Some(cur) = &mut self.current {
                match cur.next() {
                    Some(item) => return Some(item),
                    None => self.current = None,
                }
            }
            let p = self.pending.pop()?;
            match p {
                Pending::Stdin => {
                    let file: Arc<str> = Arc::from("<stdin>");
                    let stdin = self.buffered(io::stdin());
                    match decompress(stdin) {
                        Ok(r) => self.current = Some(JsonLines::new(file, r)),
                        Err(e) => return Some(Raw::Done(unreadable(&file, &e))),
                    }
                }
                Pending::Path(path, named) => {
                    if let Some(item) = self.open(path, named) {
                        return Some(item);
                    }
                }
            }
        }
    }
}

fn unreadable(file: &Arc<str>, e: &io::Error) -> Item {
    Item::Rejected(Rejection {
        location: Location::file(file),
        article_id: None,
        reason: Reason::Unreadable(e.to_string()),
    })
}

/// A directory's entries sorted by name, hidden ones left out.
fn sorted_entries(dir: &Path) -> io::Result<Vec<PathBuf>> {
    let mut entries = Vec::new();
    for e in std::fs::read_dir(dir)? {
        let e = e?;
        if e.file_name().to_string_lossy().starts_with('.') {
            continue;
        }
        entries.push(e.path());
    }
    entries.sort();
    Ok(entries)
}

/// The name without compression and format extensions: the article id of a text file.
fn stem(path: &Path) -> String {
    let name = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let mut s = name.as_str();
    for ext in [".gz", ".zst", ".zstd"] {
        if let Some(x) = s.strip_suffix(ext) {
            s = x;
            break;
        }
    }
    for ext in [".txt", ".jsonl", ".ndjson"] {
        if let Some(x) = s.strip_suffix(ext) {
            s = x;
            break;
        }
    }
    s.to_owned()
}

fn format_of(path: &Path) -> Option<Format> {
    let mut path = path.to_path_buf();
    let ext = |p: &Path| {
        p.extension()
            .map(|e| e.to_string_lossy().to_ascii_lowercase())
    };
    if matches!(ext(&path).as_deref(), Some("gz" | "zst" | "zstd")) {
        path.set_extension("");
    }
    match ext(&path).as_deref() {
        Some("txt") => Some(Format::Text),
        Some("jsonl" | "ndjson") => Some(Format::JsonLines),
        _ => None,
    }
}

/// JSON Lines when the first non-blank byte opens an object.
fn sniff(reader: &mut Box<dyn BufRead + Send>) -> io::Result<Format> {
    let buf = reader.fill_buf()?;
    let first = buf.iter().find(|b| !b.is_ascii_whitespace());
    Ok(if first == Some(&b'{') {
        Format::JsonLines
    } else {
        Format::Text
    })
}

/// Wraps a reader in a gzip or zstd decoder when its first bytes say so.
fn decompress(mut r: Box<dyn BufRead + Send>) -> io::Result<Box<dyn BufRead + Send>> {
    let head = r.fill_buf()?;
    if head.starts_with(&[0x1f, 0x8b]) {
        Ok(Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::bufread::MultiGzDecoder::new(r),
        )))
    } else if head.starts_with(&[0x28, 0xb5, 0x2f, 0xfd]) {
        Ok(Box::new(BufReader::with_capacity(
            1 << 16,
            zstd::stream::read::Decoder::with_buffer(r)?,
        )))
    } else {
        Ok(r)
    }
}

/// Reads the bytes of one whole text article; parsing them is [`text_article`]'s.
fn read_text_file(file: Arc<str>, id: String, reader: Box<dyn BufRead + Send>) -> Raw {
    let mut bytes = Vec::new();
    let limit = MAX_ARTICLE_BYTES as u64 + 1;
    if let Err(e) = reader.take(limit).read_to_end(&mut bytes) {
        return Raw::Done(unreadable(&file, &e));
    }
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Raw::Done(Item::Rejected(Rejection {
            location: Location::file(&file),
            article_id: Some(id),
            reason: Reason::TooLarge,
        }));
    }
    Raw::Text { file, id, bytes }
}

/// One text article from its bytes.
fn text_article(file: &Arc<str>, id: &str, bytes: Vec<u8>) -> Item {
    let reject = |location: Location, reason: Reason| {
        Item::Rejected(Rejection {
            location,
            article_id: Some(id.to_owned()),
            reason,
        })
    };
    if is_utf16(&bytes) {
        return reject(Location::file(file), Reason::Utf16);
    }
    if has_nul(&bytes) {
        return reject(Location::file(file), Reason::Binary);
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let line = 1 + bytecount(&e.as_bytes()[..offset], b'\n');
            return reject(Location::at(file, line), Reason::InvalidUtf8 { offset });
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let text = universal_newlines(text);
    let mut lines = text.splitn(4, '\n');
    let (Some(title), Some(date), Some(url)) = (lines.next(), lines.next(), lines.next()) else {
        return reject(Location::file(file), Reason::MissingHeader);
    };
    let body = lines.next().unwrap_or("");
    let fields = Fields {
        title: Some(title),
        date: Some(date),
        url: Some(url),
        body: Some(Cow::Borrowed(body)),
    };
    match fields.validate(id.to_owned()) {
        Ok(mut a) => {
            a.location = Location::file(file);
            Item::Article(a)
        }
        Err(reason) => {
            let line = match reason {
                Reason::MissingDate | Reason::InvalidDate(_) => Some(2),
                Reason::MissingUrl | Reason::InvalidUrl(_) => Some(3),
                Reason::EmptyBody => Some(4),
                _ => None,
            };
            let location = Location {
                file: file.clone(),
                line,
            };
            reject(location, reason)
        }
    }
}

fn bytecount(bytes: &[u8], byte: u8) -> u64 {
    bytes.iter().fold(0, |n, &b| n + u64::from(b == byte))
}

fn is_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff])
}

fn has_nul(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

/// `\r\n` and lone `\r` to `\n`, as Python's `open()` reads text.
fn universal_newlines(text: &str) -> Cow<'_, str> {
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

/// The fields of an article before validation.
struct Fields<'a> {
    title: Option<&'a str>,
    date: Option<&'a str>,
    url: Option<&'a str>,
    /// Owned when parsing already made a copy, so that it is moved, not copied again.
    body: Option<Cow<'a, str>>,
}

impl Fields<'_> {
    fn validate(self, id: String) -> Result<Article, Reason> {
        let date = match self.date.map(str::trim) {
            None | Some("") => return Err(Reason::MissingDate),
            Some(d) => parse_date(d).ok_or_else(|| Reason::InvalidDate(d.to_owned()))?,
        };
        let url = match self.url.map(str::trim) {
            None | Some("") => return Err(Reason::MissingUrl),
            Some(u) => u,
        };
        let publisher = publisher(url).ok_or_else(|| Reason::InvalidUrl(url.to_owned()))?;
        let body = self.body.unwrap_or_default();
        if body.trim().is_empty() {
            return Err(Reason::EmptyBody);
        }
        let title = self
            .title
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned);
        Ok(Article {
            id,
            title,
            date,
            url: url.to_owned(),
            publisher,
            body: body.into_owned(),
            location: Location {
                file: Arc::from(""),
                line: None,
            },
        })
    }
}

/// `YYYYMMDD`, `YYYY-MM-DD`, or an ISO date-time whose date part is one of those.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let day = match s.as_bytes().get(10) {
        Some(b'T' | b't' | b' ') => &s[..10],
        _ => s,
    };
    if day.len() == 8 && day.bytes().all(|b| b.is_ascii_digit()) {
        NaiveDate::parse_from_str(day, "%Y%m%d").ok()
    } else if day.len() == 10 {
        NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
    } else {
        None
    }
}

/// The site of an absolute http(s) URL: its host without `www.`. The URL must also be a
/// `uri` as the claim schema checks it (RFC 3986: `…/#a#b` is not), so that an article's
/// claims never fail validation for their `source_url`.
pub fn publisher(url: &str) -> Option<String> {
    static URI: std::sync::LazyLock<jsonschema::Validator> = std::sync::LazyLock::new(|| {
        jsonschema::draft202012::options()
            .should_validate_formats(true)
            .build(&serde_json::json!({"type": "string", "format": "uri"}))
            .expect("the uri schema compiles")
    });
    if !URI.is_valid(&serde_json::Value::from(url)) {
        return None;
    }
    let parsed = url::Url::parse(url).ok()?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return None;
    }
    let host = parsed.host_str()?;
    Some(host.strip_prefix("www.").unwrap_or(host).to_owned())
}

/// One JSON Lines source: a file or stdin.
struct JsonLines {
    file: Arc<str>,
    reader: Box<dyn BufRead + Send>,
    line: u64,
    buf: Vec<u8>,
    done: bool,
}

/// The fields read from a JSON line; other fields are ignored. Aliases take news-please's
/// names (`date_publish`, `maintext`).
#[derive(Deserialize)]
struct RawArticle {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<serde_json::Value>,
    #[serde(default, alias = "date_publish")]
    date: Option<serde_json::Value>,
    #[serde(default)]
    url: Option<serde_json::Value>,
    #[serde(default, alias = "maintext")]
    text: Option<serde_json::Value>,
}

impl JsonLines {
    fn new(file: Arc<str>, reader: Box<dyn BufRead + Send>) -> Self {
        JsonLines {
            file,
            reader,
            line: 0,
            buf: Vec::new(),
            done: false,
        }
    }

    fn reject(&self, reason: Reason) -> Raw {
        Raw::Done(Item::Rejected(Rejection {
            location: Location::at(&self.file, self.line),
            article_id: None,
            reason,
        }))
    }

    /// The next non-blank line, or why it cannot be read. Checks that need no parsing are
    /// made here, where a stream that cannot go on (UTF-16, binary) is known to end.
    fn next(&mut self) -> Option<Raw> {
        while !self.done {
            self.buf.clear();
            self.line += 1;
            let read = read_line(&mut self.reader, &mut self.buf, MAX_ARTICLE_BYTES);
            let too_long = match read {
                Ok(LineRead::Eof) => {
                    self.done = true;
                    return None;
                }
                Ok(LineRead::Line) => false,
                Ok(LineRead::TooLong) => true,
                Err(e) => {
                    // A corrupt or truncated stream: nothing after this point can be read.
                    self.done = true;
                    return Some(self.reject(Reason::Unreadable(e.to_string())));
                }
            };
            if too_long {
                return Some(self.reject(Reason::TooLarge));
            }
            if self.line == 1 && is_utf16(&self.buf) {
                self.done = true;
                return Some(self.reject(Reason::Utf16));
            }
            if has_nul(&self.buf) {
                self.done = true;
                return Some(self.reject(Reason::Binary));
            }
            if self.line == 1 && self.buf.starts_with("\u{feff}".as_bytes()) {
                // A byte-order mark some editors put at the start of UTF-8 files.
                self.buf.drain(..3);
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(Raw::Line {
                file: self.file.clone(),
                line: self.line,
                bytes: std::mem::take(&mut self.buf),
            });
        }
        None
    }
}

/// One article from a JSON line.
fn json_article(file: &Arc<str>, line: u64, bytes: &[u8]) -> Item {
    let reject = |article_id: Option<String>, reason: Reason| {
        Item::Rejected(Rejection {
            location: Location::at(file, line),
            article_id,
            reason,
        })
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            return reject(
                None,
                Reason::InvalidUtf8 {
                    offset: e.valid_up_to(),
                },
            );
        }
    };
    // serde would map a JSON array onto the fields by position; an article is an object.
    if !text.trim_start().starts_with('{') {
        return reject(
            None,
            Reason::MalformedJson("the line is not a JSON object".into()),
        );
    }
    let mut raw: RawArticle = match serde_json::from_str(text) {
        Ok(r) => r,
        Err(e) => return reject(None, Reason::MalformedJson(json_message(&e))),
    };
    let id = match &raw.id {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        Some(_) => {
            return reject(
                None,
                Reason::MalformedJson("field `id` must be a non-empty string or an integer".into()),
            );
        }
    };
    let text = raw.text.take();
    let fields = (|| {
        Ok::<_, Reason>(Fields {
            title: field("title", raw.title.as_ref())?,
            date: field("date", raw.date.as_ref())?,
            url: field("url", raw.url.as_ref())?,
            body: owned_field("text", text)?,
        })
    })();
    let fields = match fields {
        Ok(f) => f,
        Err(reason) => return reject(id, reason),
    };
    let id = match id {
        Some(id) => id,
        None => match fields.url.map(str::trim).filter(|u| !u.is_empty()) {
            Some(url) => url_id(url),
            None => return reject(None, Reason::MissingUrl),
        },
    };
    match fields.validate(id.clone()) {
        Ok(mut a) => {
            a.location = Location::at(file, line);
            Item::Article(a)
        }
        Err(reason) => reject(Some(id), reason),
    }
}

/// A JSON field that must be a string when present.
fn field<'v>(name: &str, v: Option<&'v serde_json::Value>) -> Result<Option<&'v str>, Reason> {
    match v {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::String(s)) => Ok(Some(s.as_str())),
        Some(other) => Err(Reason::MalformedJson(format!(
            "field `{name}` must be a string, not {}",
            kind_of(other)
        ))),
    }
}

/// [`field`], taking the string rather than borrowing it.
fn owned_field(
    name: &str,
    v: Option<serde_json::Value>,
) -> Result<Option<Cow<'static, str>>, Reason> {
    match v {
        Some(serde_json::Value::String(s)) => Ok(Some(Cow::Owned(s))),
        other => field(name, other.as_ref()).map(|_| None),
    }
}

/// The id of an article that has none: the first 16 hex digits of its URL's SHA-256.
fn url_id(url: &str) -> String {
    let digest = Sha256::digest(url.as_bytes());
    hex16(&digest)
}

/// The first 16 lowercase hex digits of a digest.
pub(crate) fn hex16(digest: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(17);
    for b in &digest[..8] {
        s.push(char::from(HEX[usize::from(b >> 4)]));
        s.push(char::from(HEX[usize::from(b & 15)]));
    }
    s
}

fn kind_of(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// The JSON parser's message, with its `line 1` dropped: the line is the location's.
pub(crate) fn json_message(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(k) => format!("{} (column {})", &msg[..k], e.column()),
        None => msg,
    }
}

pub(crate) enum LineRead {
    Eof,
    Line,
    TooLong,
}

/// Reads one line (without its `\n`) into `buf`; a line longer than `limit` is skipped to
/// its end and reported, so one runaway line cannot exhaust memory.
pub(crate) fn read_line(
    r: &mut Box<dyn BufRead + Send>,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<LineRead> {
    let mut any = false;
    let mut too_long = false;
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(match (any, too_long) {
                (false, _) => LineRead::Eof,
                (true, true) => LineRead::TooLong,
                (true, false) => LineRead::Line,
            });
        }
        any = true;
        let (take, found) = match memchr::memchr(b'\n', chunk) {
            Some(k) => (k, true),
            None => (chunk.len(), false),
        };
        if !too_long {
            if buf.len() + take > limit {
                too_long = true;
                buf.clear();
            } else {
                buf.extend_from_slice(&chunk[..take]);
            }
        }
        r.consume(if found { take + 1 } else { take });
        if found {
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
            return Ok(if too_long {
                LineRead::TooLong
            } else {
                LineRead::Line
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex16_is_the_first_eight_bytes_in_lowercase_hex() {
        let digest: Vec<u8> = (0u8..32)
            .map(|k| k.wrapping_mul(37).wrapping_add(11))
            .collect();
        let expected: Vec<String> = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        let expected = expected.concat();
        assert_eq!(hex16(&digest), expected);
        assert_eq!(
            hex16(&[0xff, 0, 0xa0, 0x0b, 1, 2, 3, 4, 5]),
            "ff00a00b01020304"
        );
    }

    #[test]
    fn dates_in_the_accepted_forms() {
        let d = NaiveDate::from_ymd_opt(2022, 2, 1);
        assert_eq!(parse_date("20220201"), d);
        assert_eq!(parse_date("2022-02-01"), d);
        assert_eq!(parse_date("2022-02-01 10:22:00"), d);
        assert_eq!(parse_date("2022-02-01T10:22:00Z"), d);
        assert_eq!(parse_date("20220230"), None);
        assert_eq!(parse_date("01/02/2022"), None);
    }

    #[test]
    fn publisher_is_the_host_without_www() {
        assert_eq!(
            publisher("https://www.presstv.ir/Detail/2022/02/01/675991/x").as_deref(),
            Some("presstv.ir")
        );
        assert_eq!(publisher("ftp://example.com/x"), None);
        assert_eq!(publisher("www.example.com/x"), None);
    }

    #[test]
    fn stems_drop_format_and_compression_extensions() {
        assert_eq!(stem(Path::new("a/b/000_e3ac.txt.gz")), "000_e3ac");
        assert_eq!(stem(Path::new("corpus.jsonl.zst")), "corpus");
    }
}
