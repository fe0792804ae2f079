//! Where a command's results go: stdout, or a file that appears only when complete
//! ([`AtomicFile`]: written aside and renamed into place, so a failed run never leaves half a
//! file); and JSON Lines, the form of most results.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::Path;

use anyhow::Context;
use claimset::{AtomicFile, Error};

/// Appends `value` to `out` as one line of JSON.
pub(crate) fn json_line<T: serde::Serialize>(out: &mut Vec<u8>, value: &T) {
    serde_json::to_writer(&mut *out, value).expect("records and reports serialize to JSON");
    out.push(b'\n');
}

/// Whether two paths name the same file: the same path, or the same existing file.
pub(crate) fn same_destination(a: &Path, b: &Path) -> bool {
    if a == b {
        return true;
    }
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}

/// A destination: stdout, or a file written aside and renamed into place when
/// complete, so that a failed run never leaves half a file.
pub(crate) struct Output {
    what: String,
    out: BufWriter<Box<dyn Write>>,
    file: Option<AtomicFile>,
}

impl Output {
    pub(crate) fn create(path: Option<&Path>) -> anyhow::Result<Self> {
        match path {
            None => Ok(Output {
                what: "stdout".into(),
                out: BufWriter::with_capacity(1 << 16, Box::new(io::stdout().lock())),
                file: None,
            }),
            Some(p) => {
                let what = format!("`{}`", p.display());
                match std::fs::metadata(p) {
                    // Fail now rather than after the run, when the result could not be moved in.
                    Ok(m) if m.is_dir() => {
                        anyhow::bail!("cannot write to `{}`: it is a directory", p.display());
                    }
                    // A device or a pipe (`-o /dev/null`, a FIFO) has no half-written state to
                    // avoid, and renaming over it would replace the device with a plain file.
                    Ok(m) if !m.is_file() => {
                        let handle = OpenOptions::new()
                            .write(true)
                            .open(p)
                            .with_context(|| format!("cannot open {what} for writing"))?;
                        return Ok(Output {
                            what,
                            out: BufWriter::with_capacity(1 << 16, Box::new(handle)),
                            file: None,
                        });
                    }
                    _ => {}
                }
                // Through a symbolic link, the file it points to is replaced, not the link.
                let dest = if p.is_symlink() {
                    std::fs::canonicalize(p)
                        .with_context(|| format!("cannot follow the link {what}"))?
                } else {
                    p.to_owned()
                };
                if let Some(dir) = dest.parent() {
                    // What killed runs left beside the output, and nothing else.
                    claimset::sweep_unfinished(if dir.as_os_str().is_empty() {
                        Path::new(".")
                    } else {
                        dir
                    });
                }
                let file = AtomicFile::create(&dest)?;
                let handle: File = file.reopen()?;
                Ok(Output {
                    what,
                    out: BufWriter::with_capacity(1 << 16, Box::new(handle)),
                    file: Some(file),
                })
            }
        }
    }

    pub(crate) fn write(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.out.write_all(bytes).map_err(|source| Error::Output {
            what: self.what.clone(),
            source,
        })
    }

    /// Flushes, and moves a file into place. Returns what was written to, for messages.
    pub(crate) fn finish(mut self) -> anyhow::Result<String> {
        self.out
            .flush()
            .with_context(|| format!("cannot write {}", self.what))?;
        drop(self.out);
        if let Some(file) = self.file {
            file.commit()
                .with_context(|| format!("cannot move the finished file to {}", self.what))?;
        }
        Ok(self.what)
    }
}
