//! Progress of a corpus run, counted by the library and shown (or not) by the caller.

use std::sync::atomic::{AtomicU64, Ordering};

/// Progress of a run, updated as it goes and safe to read from another thread: the
/// library counts, the caller decides whether and how to show it.
#[derive(Debug, Default)]
pub struct Meter {
    input_bytes: AtomicU64,
    articles: AtomicU64,
    text_bytes: AtomicU64,
}

impl Meter {
    /// Bytes read from input files and stdin so far, as stored (compressed or not).
    pub fn input_bytes(&self) -> u64 {
        self.input_bytes.load(Ordering::Relaxed)
    }

    /// Inputs done: articles extracted and inputs rejected.
    pub fn articles(&self) -> u64 {
        self.articles.load(Ordering::Relaxed)
    }

    /// Bytes of article body text extracted so far.
    pub fn text_bytes(&self) -> u64 {
        self.text_bytes.load(Ordering::Relaxed)
    }

    pub(crate) fn read(&self, n: usize) {
        self.input_bytes.fetch_add(n as u64, Ordering::Relaxed);
    }

    pub(crate) fn done(&self, items: usize, text: usize) {
        self.articles.fetch_add(items as u64, Ordering::Relaxed);
        self.text_bytes.fetch_add(text as u64, Ordering::Relaxed);
    }
}
