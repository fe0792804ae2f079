//! Walking the inputs in order: files, directories (recursively, in name order), stdin, and
//! gzip or zstd compression detected from the content. Yields raw inputs for parsing
//! elsewhere, so that a corpus run parses on every core and not on the reading thread.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::error::Error;

use super::json::JsonLines;
use super::meter::Meter;
use super::raw::Raw;
use super::rejection::unreadable;
use super::seen::Seen;
use super::select::Selection;
use super::text::read_text_file;
use super::{Input, Item, Location, Reason, Rejection};

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

/// Counts the bytes read from an input as stored, for progress.
pub(super) struct Metered<R> {
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
            Input::Path(p) | Input::Named { path: p, .. } => Some(walk(p, true)),
        })
        .sum()
}

pub(super) enum Pending {
    Stdin,
    /// A path, whether the user named it (named files are read whatever their name), and
    /// the dataset input it belongs to.
    Path(PathBuf, bool, Option<Arc<Scope>>),
}

/// A dataset's input being walked: what its paths are called, and what is kept.
pub(super) struct Scope {
    root: PathBuf,
    name: String,
    select: Option<Arc<Selection>>,
}

impl Scope {
    /// `name`, or `name/<path below root>` with `/` separators.
    fn display(&self, path: &Path) -> String {
        let rel = path.strip_prefix(&self.root).unwrap_or(path);
        let mut out = self.name.clone();
        for c in rel.components() {
            out.push('/');
            out.push_str(&c.as_os_str().to_string_lossy());
        }
        out
    }
}

/// What kind of special file a file type is, for messages; `None` for a regular file, a
/// folder or a link.
fn special_kind(t: std::fs::FileType) -> Option<&'static str> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a FIFO");
        }
        if t.is_socket() {
            return Some("a socket");
        }
        if t.is_block_device() || t.is_char_device() {
            return Some("a device");
        }
    }
    (!t.is_file() && !t.is_dir() && !t.is_symlink()).then_some("a special file")
}

/// Opens a file to read. A FIFO is opened without waiting for a writer (a FIFO nobody writes
/// to then reads as empty, where a plain open would wait for ever), then read as usual.
fn open_file(path: &Path, meta: &std::fs::Metadata) -> io::Result<File> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::{FileTypeExt, OpenOptionsExt};
        if meta.file_type().is_fifo() {
            use rustix::fs::OFlags;
            let f = std::fs::OpenOptions::new()
                .read(true)
                .custom_flags(OFlags::NONBLOCK.bits().cast_signed())
                .open(path)?;
            let flags = rustix::fs::fcntl_getfl(&f)?;
            rustix::fs::fcntl_setfl(&f, flags - OFlags::NONBLOCK)?;
            return Ok(f);
        }
    }
    let _ = meta;
    File::open(path)
}

/// The format of one file, from its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Format {
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
                    pending.push(Pending::Path(p.clone(), true, None));
                }
                Input::Named { path, name, select } => {
                    std::fs::metadata(path).map_err(|source| Error::Input {
                        path: path.clone(),
                        source,
                    })?;
                    let scope = Scope {
                        root: path.clone(),
                        name: name.clone(),
                        select: select.clone(),
                    };
                    pending.push(Pending::Path(path.clone(), true, Some(Arc::new(scope))));
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
    /// whole text article. Inside a directory only regular files are read: a FIFO or a device
    /// could stall the run for ever, and is skipped (rejected in a dataset); a link to a
    /// directory is not followed (it could lead back up); a dataset follows no link at all.
    fn open(&mut self, path: PathBuf, named: bool, scope: Option<&Arc<Scope>>) -> Option<Raw> {
        let file: Arc<str> = Arc::from(match scope {
            Some(s) => s.display(&path),
            None => path.display().to_string(),
        });
        let refuse = |kind: &'static str| {
            Some(Raw::Done(Item::Rejected(Rejection {
                location: Location::file(&file),
                article_id: None,
                reason: Reason::NotAFile(kind),
            })))
        };
        let own = match std::fs::symlink_metadata(&path) {
            Ok(m) => m,
            Err(e) => return Some(Raw::Done(unreadable(&file, &e))),
        };
        if !named {
            if own.file_type().is_symlink() && scope.is_some() {
                return refuse("a symbolic link");
            }
            if let Some(kind) = special_kind(own.file_type()) {
                return match scope {
                    Some(_) => refuse(kind),
                    None => Some(Raw::Done(Item::Skipped(path))),
                };
            }
        }
        let meta = match std::fs::metadata(&path) {
            Ok(m) => m,
            Err(e) => return Some(Raw::Done(unreadable(&file, &e))),
        };
        let linked = !named && own.file_type().is_symlink();
        if !named && (meta.is_dir() && linked || special_kind(meta.file_type()).is_some()) {
            return Some(Raw::Done(Item::Skipped(path)));
        }
        if meta.is_dir() {
            match sorted_entries(&path) {
                Ok(entries) => {
                    for e in entries.into_iter().rev() {
                        self.pending.push(Pending::Path(e, false, scope.cloned()));
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
            let opened = open_file(&path, &meta).and_then(|f| decompress(self.buffered(f)));
            let mut reader = match opened {
                Ok(r) => r,
                Err(e) => return Some(Raw::Done(unreadable(&file, &e))),
            };
            let format = match format {
                Format::Sniff => match sniff(&mut reader) {
                    Ok(f) => f,
                    Err(e) => return Some(Raw::Done(unreadable(&file, &e))),
                },
                f => f,
            };
            let select = scope.and_then(|s| s.select.clone());
            if format == Format::JsonLines {
                self.current = Some(JsonLines::new(file, reader, select));
                None
            } else {
                let id = stem(&path);
                Some(read_text_file(file, id, reader, select))
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
                        Ok(r) => self.current = Some(JsonLines::new(file, r, None)),
                        Err(e) => return Some(Raw::Done(unreadable(&file, &e))),
                    }
                }
                Pending::Path(path, named, scope) => {
                    if let Some(item) = self.open(path, named, scope.as_ref()) {
                        return Some(item);
                    }
                }
            }
        }
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stems_drop_format_and_compression_extensions() {
        assert_eq!(stem(Path::new("a/b/000_e3ac.txt.gz")), "000_e3ac");
        assert_eq!(stem(Path::new("corpus.jsonl.zst")), "corpus");
    }
}
