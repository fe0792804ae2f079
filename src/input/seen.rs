//! Duplicate article ids across a whole corpus, kept in tens of bytes an article.

use std::sync::Arc;

use rustc_hash::FxHashMap;
use sha2::{Digest, Sha256};

use super::{Item, Location, Reason, Rejection};

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
    pub(super) fn check(&mut self, item: Item) -> Item {
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
