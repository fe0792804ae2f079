//! Every write a user relies on is atomic: written aside in the destination's folder, synced,
//! then renamed into place, so that a failed or interrupted run never leaves half a file. Files
//! are created with the permissions a normal tool gives (`0666` less the umask), not the
//! private `0600` of a temporary file.

use std::fs::{File, Permissions};
use std::io::Write;
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::error::Error;

/// Where temporary files and folders start their names: hidden, and ignored by git.
pub(crate) const PREFIX: &str = ".claimset-tmp-";

/// A file being written aside, renamed into place by [`AtomicFile::commit`]. Dropped without
/// a commit, it is removed.
#[derive(Debug)]
pub struct AtomicFile {
    tmp: NamedTempFile,
    dest: PathBuf,
}

impl AtomicFile {
    /// Starts writing `dest`: a hidden file beside it, in the same folder (created if
    /// missing), so that the rename stays on one filesystem.
    pub fn create(dest: &Path) -> Result<Self, Error> {
        let dir = match dest.parent() {
            Some(d) if !d.as_os_str().is_empty() => d,
            _ => Path::new("."),
        };
        std::fs::create_dir_all(dir).map_err(|source| Error::Write {
            path: dir.to_path_buf(),
            source,
        })?;
        let tmp = builder()
            .prefix(PREFIX)
            .tempfile_in(dir)
            .map_err(|source| Error::Write {
                path: dest.to_path_buf(),
                source,
            })?;
        Ok(AtomicFile {
            tmp,
            dest: dest.to_path_buf(),
        })
    }

    /// The file to write into.
    pub fn file(&mut self) -> &mut File {
        self.tmp.as_file_mut()
    }

    /// A second handle on the file, for a buffered writer that outlives `self`'s borrow.
    pub fn reopen(&self) -> Result<File, Error> {
        self.tmp.reopen().map_err(|source| Error::Write {
            path: self.dest.clone(),
            source,
        })
    }

    /// Writes `bytes` to `dest` atomically, replacing it: a whole file in one call.
    pub fn write_path(dest: &Path, bytes: &[u8]) -> Result<(), Error> {
        write(dest, bytes)
    }

    /// Syncs and renames the file into place, replacing what was there.
    pub fn commit(self) -> Result<PathBuf, Error> {
        self.finish(true)
    }

    /// Syncs and renames the file into place, failing if something is there already.
    pub fn commit_new(self) -> Result<PathBuf, Error> {
        self.finish(false)
    }

    fn finish(self, replace: bool) -> Result<PathBuf, Error> {
        let write_err = |source| Error::Write {
            path: self.dest.clone(),
            source,
        };
        self.tmp.as_file().sync_all().map_err(write_err)?;
        let dest = self.dest.clone();
        let persisted = if replace {
            self.tmp.persist(&dest)
        } else {
            self.tmp.persist_noclobber(&dest)
        };
        persisted.map_err(|e| Error::Write {
            path: dest.clone(),
            source: e.error,
        })?;
        Ok(dest)
    }
}

/// Writes `bytes` to `dest` atomically, replacing it.
pub(crate) fn write(dest: &Path, bytes: &[u8]) -> Result<(), Error> {
    let mut f = AtomicFile::create(dest)?;
    f.file().write_all(bytes).map_err(|source| Error::Write {
        path: dest.to_path_buf(),
        source,
    })?;
    f.commit().map(drop)
}

/// Writes `bytes` to `dest` atomically, failing if `dest` exists.
pub(crate) fn write_new(dest: &Path, bytes: &[u8]) -> Result<(), Error> {
    let mut f = AtomicFile::create(dest)?;
    f.file().write_all(bytes).map_err(|source| Error::Write {
        path: dest.to_path_buf(),
        source,
    })?;
    f.commit_new().map(drop)
}

/// A temporary-file builder that creates files `0666` less the umask, as any other tool
/// would (a temporary file is otherwise private, `0600`).
pub(crate) fn builder() -> tempfile::Builder<'static, 'static> {
    with_mode(0o666)
}

/// A temporary-folder builder that creates folders `0777` less the umask.
pub(crate) fn dir_builder() -> tempfile::Builder<'static, 'static> {
    with_mode(0o777)
}

#[cfg(unix)]
fn with_mode(mode: u32) -> tempfile::Builder<'static, 'static> {
    use std::os::unix::fs::PermissionsExt;
    let mut b = tempfile::Builder::new();
    b.permissions(Permissions::from_mode(mode));
    b
}

#[cfg(not(unix))]
fn with_mode(_mode: u32) -> tempfile::Builder<'static, 'static> {
    tempfile::Builder::new()
}
