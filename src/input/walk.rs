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
use super::text::read_text_file;
use super::{Input, Item};

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
            Input::Path(p) => Some(walk(p, true)),
        })
        .sum()
}

pub(super) enum Pending {
    Stdin,
    /// A path, and whether the user named it (named files are read whatever their name).
    Path(PathBuf, bool),
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
