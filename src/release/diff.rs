//! What changed between two releases: claims added, removed and changed (by claim id, with
//! the fields that changed), for the changelog and for `claimset diff`.
//!
//! The older release is indexed by claim id with a hash of each record, so the newer one
//! can be compared as it streams by; full records are kept only for the claims listed.

use std::fmt::Write as _;
use std::path::Path;

use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::error::Error;

use crate::table::{claim_columns, read_rows};

/// How many claims of each kind a diff lists in full; counts are always complete.
pub(super) const LIST_LIMIT: usize = 200;

/// A previous release, indexed: what is needed to keep claim ids stable and to diff.
#[derive(Debug, Default)]
pub(super) struct Previous {
    /// Claim id → hash of its record.
    hashes: FxHashMap<String, [u8; 16]>,
    /// Article id → (`span_start`, `span_end`, claim id) of its claims.
    spans: FxHashMap<String, Vec<(u32, u32, String)>>,
    /// Claim ids in release order, for listing removals in order.
    order: Vec<String>,
}

impl Previous {
    /// Indexes a release's `claims.parquet`.
    pub(super) fn load(claims: &Path) -> Result<Self, Error> {
        let mut p = Previous::default();
        let issues = read_rows(claims, claim_columns(), |_, row| {
            let id = text(&row, "claim_id").to_owned();
            let article = text(&row, "article_id").to_owned();
            let span = |k: &str| row.get(k).and_then(Value::as_u64).unwrap_or(0) as u32;
            p.spans.entry(article).or_default().push((
                span("span_start"),
                span("span_end"),
                id.clone(),
            ));
            p.hashes.insert(id.clone(), record_hash(&row));
            p.order.push(id);
            Ok(())
        })?;
        if !issues.is_empty() {
            return Err(Error::Parquet {
                path: claims.to_path_buf(),
                message: issues.join("; "),
            });
        }
        Ok(p)
    }

    /// The previous claims of an article: (`span_start`, `span_end`, claim id).
    pub(super) fn spans(&self, article_id: &str) -> &[(u32, u32, String)] {
        self.spans.get(article_id).map_or(&[], Vec::as_slice)
    }
}

fn text<'a>(row: &'a Map<String, Value>, k: &str) -> &'a str {
    row.get(k).and_then(Value::as_str).unwrap_or("")
}

/// A hash of a record's values in column order.
pub(super) fn record_hash(row: &Map<String, Value>) -> [u8; 16] {
    let mut h = Sha256::new();
    for c in claim_columns() {
        h.update(c.name.as_bytes());
        h.update([0]);
        h.update(
            row.get(&c.name)
                .unwrap_or(&Value::Null)
                .to_string()
                .as_bytes(),
        );
        h.update([0]);
    }
    let d = h.finalize();
    let mut out = [0; 16];
    out.copy_from_slice(&d[..16]);
    out
}

/// One changed claim: its id and the fields that changed, with old and new values.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Change {
    /// The claim's id.
    pub claim_id: String,
    /// (field, old value, new value).
    pub fields: Vec<(String, Value, Value)>,
}

/// The comparison of two releases.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
pub struct Diff {
    /// Claims only in the newer release (the first [`LIST_LIMIT`]).
    pub added: Vec<Map<String, Value>>,
    /// Claims only in the older release (the first [`LIST_LIMIT`]).
    pub removed: Vec<Map<String, Value>>,
    /// Claims in both whose records differ (the first [`LIST_LIMIT`]).
    pub changed: Vec<Change>,
    /// Claims taken out by a correction, with its reason (newer release only).
    pub rejected: Vec<(String, String)>,
    /// Totals.
    pub added_total: usize,
    /// Totals.
    pub removed_total: usize,
    /// Totals.
    pub changed_total: usize,
    /// Claims identical in both.
    pub unchanged: usize,
}

/// Builds a [`Diff`] while the newer release's rows go by.
#[derive(Default)]
pub(super) struct DiffBuilder {
    seen: FxHashSet<String>,
    /// New rows of changed claims, to pair with their old rows.
    changed_new: Vec<Map<String, Value>>,
    diff: Diff,
}

impl DiffBuilder {
    /// Compares one row of the newer release with the older one.
    pub(super) fn observe(&mut self, previous: &Previous, row: &Map<String, Value>) {
        let id = text(row, "claim_id");
        match previous.hashes.get(id) {
            None => {
                self.diff.added_total += 1;
                if self.diff.added.len() < LIST_LIMIT {
                    self.diff.added.push(row.clone());
                }
            }
            Some(h) => {
                if *h == record_hash(row) {
                    self.diff.unchanged += 1;
                } else {
                    self.diff.changed_total += 1;
                    if self.changed_new.len() < LIST_LIMIT {
                        self.changed_new.push(row.clone());
                    }
                }
                // Only ids of the older release are remembered (to find the removed ones),
                // so memory does not grow with the new claims of a large corpus.
                self.seen.insert(id.to_owned());
            }
        }
    }

    /// The claims rejected by corrections so far.
    pub(super) fn rejected_list(&self) -> &[(String, String)] {
        &self.diff.rejected
    }

    /// Notes claims rejected by corrections.
    pub(super) fn rejected(&mut self, rejected: impl IntoIterator<Item = (String, String)>) {
        self.diff.rejected.extend(rejected);
    }

    /// Finishes the diff, reading the older release's rows again for the claims removed and
    /// changed.
    pub(super) fn finish(
        mut self,
        previous: &Previous,
        previous_claims: Option<&Path>,
    ) -> Result<Diff, Error> {
        let removed: Vec<&String> = previous
            .order
            .iter()
            .filter(|id| !self.seen.contains(*id))
            .collect();
        self.diff.removed_total = removed.len();
        let wanted_removed: FxHashSet<&str> = removed
            .iter()
            .take(LIST_LIMIT)
            .map(|s| s.as_str())
            .collect();
        let wanted_changed: FxHashMap<String, usize> = self
            .changed_new
            .iter()
            .enumerate()
            .map(|(k, r)| (text(r, "claim_id").to_owned(), k))
            .collect();
        let mut old_changed: Vec<Option<Map<String, Value>>> = vec![None; self.changed_new.len()];
        if let Some(path) = previous_claims
            && (!wanted_removed.is_empty() || !wanted_changed.is_empty())
        {
            read_rows(path, claim_columns(), |_, row| {
                let id = text(&row, "claim_id");
                if wanted_removed.contains(id) {
                    self.diff.removed.push(row);
                } else if let Some(&k) = wanted_changed.get(id) {
                    old_changed[k] = Some(row);
                }
                Ok(())
            })?;
        }
        for (new, old) in self.changed_new.iter().zip(old_changed) {
            let Some(old) = old else { continue };
            let fields = claim_columns()
                .iter()
                .filter_map(|c| {
                    let a = old.get(&c.name).cloned().unwrap_or(Value::Null);
                    let b = new.get(&c.name).cloned().unwrap_or(Value::Null);
                    (a != b).then(|| (c.name.clone(), a, b))
                })
                .collect();
            self.diff.changed.push(Change {
                claim_id: text(new, "claim_id").to_owned(),
                fields,
            });
        }
        Ok(self.diff)
    }
}

/// Compares two `claims.parquet` files.
pub fn diff_files(older: &Path, newer: &Path) -> Result<Diff, Error> {
    diff_from(Some(older), newer)
}

/// Compares a release's `claims.parquet` with the one before it, or with nothing for a first
/// release (every claim added).
pub(super) fn diff_from(older: Option<&Path>, newer: &Path) -> Result<Diff, Error> {
    let previous = match older {
        Some(p) => Previous::load(p)?,
        None => Previous::default(),
    };
    let mut b = DiffBuilder::default();
    let issues = read_rows(newer, claim_columns(), |_, row| {
        b.observe(&previous, &row);
        Ok(())
    })?;
    if !issues.is_empty() {
        return Err(Error::Parquet {
            path: newer.to_path_buf(),
            message: issues.join("; "),
        });
    }
    b.finish(&previous, older)
}

impl Diff {
    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.added_total == 0
            && self.removed_total == 0
            && self.changed_total == 0
            && self.rejected.is_empty()
    }

    /// The diff as Markdown list sections, for the changelog and for `claimset diff`.
    pub fn to_markdown(&self) -> String {
        let mut s = format!(
            "{} added, {} removed, {} changed, {} unchanged.\n",
            self.added_total, self.removed_total, self.changed_total, self.unchanged
        );
        let more = |n: usize, listed: usize| {
            (n > listed).then(|| {
                format!(
                    "- … and {} more (`claimset diff` lists them all)\n",
                    n - listed
                )
            })
        };
        if !self.added.is_empty() {
            s.push_str("\n### Added\n\n");
            for r in &self.added {
                let _ = writeln!(s, "- `{}` {}", text(r, "claim_id"), summary(r));
            }
            s.extend(more(self.added_total, self.added.len()));
        }
        if !self.removed.is_empty() {
            s.push_str("\n### Removed\n\n");
            for r in &self.removed {
                let _ = writeln!(s, "- `{}` {}", text(r, "claim_id"), summary(r));
            }
            s.extend(more(self.removed_total, self.removed.len()));
        }
        if !self.rejected.is_empty() {
            s.push_str("\n### Rejected by corrections\n\n");
            for (id, reason) in &self.rejected {
                let _ = writeln!(s, "- `{id}`: {}", one_line(reason));
            }
        }
        if !self.changed.is_empty() {
            s.push_str("\n### Changed\n\n");
            for c in &self.changed {
                let fields: Vec<String> = c
                    .fields
                    .iter()
                    .map(|(f, a, b)| {
                        let (a, b) = from_difference(a, b);
                        format!("{f} {} → {}", short(&a), short(&b))
                    })
                    .collect();
                let _ = writeln!(s, "- `{}`: {}", c.claim_id, fields.join("; "));
            }
            s.extend(more(self.changed_total, self.changed.len()));
        }
        s
    }
}

/// Two long strings that share a beginning, shown from a little before where they differ, so
/// that a truncated changelog line still shows the change.
fn from_difference(a: &Value, b: &Value) -> (Value, Value) {
    let (Value::String(x), Value::String(y)) = (a, b) else {
        return (a.clone(), b.clone());
    };
    let common = x.chars().zip(y.chars()).take_while(|(p, q)| p == q).count();
    if common < 60 {
        return (a.clone(), b.clone());
    }
    let skip = common - 30;
    let tail = |s: &str| Value::String(format!("…{}", s.chars().skip(skip).collect::<String>()));
    (tail(x), tail(y))
}

/// `claimant: "claim text…"`.
fn summary(r: &Map<String, Value>) -> String {
    let who = r
        .get("claimant")
        .and_then(Value::as_str)
        .unwrap_or("(unknown claimant)");
    format!(
        "{who}: {}",
        short(r.get("claim_text").unwrap_or(&Value::Null))
    )
}

/// A value in one short line.
fn short(v: &Value) -> String {
    let s = match v {
        Value::String(s) => format!("\"{}\"", one_line(s)),
        other => other.to_string(),
    };
    if s.chars().count() > 90 {
        let cut: String = s.chars().take(87).collect();
        format!("{cut}…\"")
    } else {
        s
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
