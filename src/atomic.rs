//! Every write a user relies on is atomic: written aside in the destination's folder, synced,
//! then renamed into place, so that a failed or interrupted run never leaves half a file. Files
//! are created with the permissions a normal tool gives (`0666` less the umask), not the
//! private `0600` of a temporary file.
//!
//! What is written aside is also accounted for. Each temporary file or build folder is
//! registered while it lives, so that a caller that catches SIGINT or SIGTERM can remove them
//! all ([`remove_unfinished`]) before exiting; and each is locked (`flock`) by the process
//! writing it, so that a later run can tell one left by a killed process (unlocked) from one
//! being written right now, and sweep the first kind ([`sweep`]).

use std::fs::{File, Permissions};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tempfile::{NamedTempFile, TempDir};

use crate::error::Error;

/// Where temporary files start their names: hidden, and ignored by git.
pub(crate) const PREFIX: &str = ".claimset-tmp-";
/// Where release build folders start their names: hidden, and ignored by git.
pub(crate) const BUILDING: &str = ".building-";

/// Temporary files and folders alive in this process, for [`remove_unfinished`].
static LIVE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn live() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    LIVE.lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

fn register(path: &Path) {
    live().push(path.to_path_buf());
}

fn unregister(path: &Path) {
    live().retain(|p| p != path);
}

/// Removes every temporary file and build folder this process is writing, for a caller
/// about to exit on a signal: an interrupted run leaves nothing behind. Returns how many
/// were removed.
pub fn remove_unfinished() -> usize {
    let paths = std::mem::take(&mut *live());
    let mut removed = 0;
    for p in paths {
        let gone = if p.is_dir() {
            // Workers may still be writing into it: try a few times.
            (0..5).any(|_| std::fs::remove_dir_all(&p).is_ok() || !p.exists())
        } else {
            std::fs::remove_file(&p).is_ok()
        };
        removed += usize::from(gone);
    }
    removed
}

/// Removes what killed runs left in `dir`: temporary files and build folders no live
/// process holds a lock on. Those being written by another run are left alone. Returns the
/// names removed.
pub fn sweep(dir: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for e in entries.filter_map(Result::ok) {
        let name = e.file_name().to_string_lossy().into_owned();
        if !(name.starts_with(PREFIX) || name.starts_with(BUILDING)) {
            continue;
        }
        let path = e.path();
        let Ok(kind) = e.file_type() else { continue };
        if kind.is_symlink() {
            continue;
        }
        // Opening a folder read-only is allowed on Unix, and a lock on it is a lock on it.
        let Ok(handle) = File::open(&path) else {
            continue;
        };
        if handle.try_lock().is_err() {
            continue;
        }
        let gone = if kind.is_dir() {
            std::fs::remove_dir_all(&path).is_ok()
        } else {
            std::fs::remove_file(&path).is_ok()
        };
        if gone {
            removed.push(name);
        }
    }
    removed.sort();
    removed
}

/// A file being written aside, renamed into place by [`AtomicFile::commit`]. Dropped without
/// a commit, it is removed.
#[derive(Debug)]
pub struct AtomicFile {
    tmp: Option<NamedTempFile>,
    path: PathBuf,
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
        // Held until the file is renamed or removed: a sweep leaves it alone meanwhile.
        let _ = tmp.as_file().try_lock();
        let path = tmp.path().to_path_buf();
        register(&path);
        Ok(AtomicFile {
            tmp: Some(tmp),
            path,
            dest: dest.to_path_buf(),
        })
    }

    fn tmp(&self) -> &NamedTempFile {
        self.tmp.as_ref().expect("present until committed")
    }

    /// The file to write into.
    pub fn file(&mut self) -> &mut File {
        self.tmp
            .as_mut()
            .expect("present until committed")
            .as_file_mut()
    }

    /// A second handle on the file, for a buffered writer that outlives `self`'s borrow.
    pub fn reopen(&self) -> Result<File, Error> {
        self.tmp().reopen().map_err(|source| Error::Write {
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

    fn finish(mut self, replace: bool) -> Result<PathBuf, Error> {
        let tmp = self.tmp.take().expect("present until committed");
        let write_err = |source| Error::Write {
            path: self.dest.clone(),
            source,
        };
        tmp.as_file().sync_all().map_err(write_err)?;
        let dest = self.dest.clone();
        let persisted = if replace {
            tmp.persist(&dest)
        } else {
            tmp.persist_noclobber(&dest)
        };
        persisted.map_err(|e| Error::Write {
            path: dest.clone(),
            source: e.error,
        })?;
        Ok(dest)
    }
}

impl Drop for AtomicFile {
    fn drop(&mut self) {
        unregister(&self.path);
    }
}

/// A release being built: a hidden folder, locked and registered while it lives, removed
/// when dropped unless [`BuildDir::rename_to`] moved it into place.
#[derive(Debug)]
pub(crate) struct BuildDir {
    dir: Option<TempDir>,
    path: PathBuf,
    _lock: Option<File>,
}

impl BuildDir {
    /// A new build folder in `parent` (created if missing).
    pub(crate) fn create(parent: &Path) -> Result<Self, Error> {
        std::fs::create_dir_all(parent).map_err(|source| Error::Write {
            path: parent.to_path_buf(),
            source,
        })?;
        let dir = dir_builder()
            .prefix(BUILDING)
            .tempdir_in(parent)
            .map_err(|source| Error::Write {
                path: parent.to_path_buf(),
                source,
            })?;
        let path = dir.path().to_path_buf();
        let lock = File::open(&path).ok().filter(|f| f.try_lock().is_ok());
        register(&path);
        Ok(BuildDir {
            dir: Some(dir),
            path,
            _lock: lock,
        })
    }

    /// The folder.
    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// Renames the folder to `dest`, which must not exist.
    pub(crate) fn rename_to(mut self, dest: &Path) -> Result<(), Error> {
        std::fs::rename(&self.path, dest).map_err(|source| Error::Write {
            path: dest.to_path_buf(),
            source,
        })?;
        if let Some(d) = self.dir.take() {
            // Moved: nothing left to remove.
            let _ = d.keep();
        }
        Ok(())
    }
}

impl Drop for BuildDir {
    fn drop(&mut self) {
        unregister(&self.path);
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
