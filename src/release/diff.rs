//! What changed between two releases: claims added, removed and changed (by claim id, with
//! the fields that changed), and verdicts gained, changed and lost (by claim id, with the
//! verdict and who gave it), for the changelog and for `claimset diff`.
//!
//! The older release is indexed by claim id with a hash of each record, so the newer one
//! can be compared as it streams by; full records are kept only for the claims listed.

use std::fmt::Write as _;
use std::path::Path;

use rustc_hash::{FxHashMap, FxHashSet};
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::error::Error;

use crate::table::{claim_columns, claim_issues, read_rows};

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
    /// The verdicts of the claims that have one (few, in any dataset).
    verdicts: FxHashMap<String, VerdictSummary>,
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
            if let Some(v) = VerdictSummary::of(&row) {
                p.verdicts.insert(id.clone(), v);
            }
            p.order.push(id);
            Ok(())
        })?;
        let issues = claim_issues(issues);
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

/// A claim's verdict, as the changelog names it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct VerdictSummary {
    /// `verification_status`.
    pub status: String,
    /// `verdict_label`: the reviewer's words.
    pub label: Option<String>,
    /// `reviewed_by`.
    pub reviewed_by: Option<String>,
    /// `review_id`: the published fact-check it comes from, if any.
    pub review_id: Option<String>,
    /// `verdict_source`: linked, confirmed or correction (none in releases made before it).
    pub source: Option<String>,
}

impl VerdictSummary {
    /// The verdict of a record, if it has one.
    fn of(row: &Map<String, Value>) -> Option<Self> {
        let t = |k: &str| row.get(k).and_then(Value::as_str).map(str::to_owned);
        let status = t("verification_status").filter(|s| s != "unverified")?;
        Some(VerdictSummary {
            status,
            label: t("verdict_label"),
            reviewed_by: t("reviewed_by"),
            review_id: t("review_id"),
            source: t("verdict_source"),
        })
    }

    /// `false ("Pants on Fire", PolitiFact; review r…, linked)`.
    fn describe(&self) -> String {
        let mut parts = Vec::new();
        if let Some(l) = &self.label {
            parts.push(format!("\"{}\"", one_line(l)));
        }
        if let Some(r) = &self.reviewed_by {
            parts.push(one_line(r));
        }
        let how = match (self.source.as_deref(), &self.review_id) {
            (Some("linked"), Some(r)) => Some(format!("review {r}, linked automatically")),
            (Some("confirmed"), Some(r)) => Some(format!("review {r}, confirmed")),
            (Some("correction"), _) => Some("recorded by hand".to_owned()),
            (_, Some(r)) => Some(format!("review {r}")),
            _ => None,
        };
        let mut s = self.status.clone();
        if !parts.is_empty() || how.is_some() {
            s.push_str(" (");
            s.push_str(&parts.join(", "));
            if let Some(h) = how {
                if !parts.is_empty() {
                    s.push_str("; ");
                }
                s.push_str(&h);
            }
            s.push(')');
        }
        s
    }
}

/// A claim whose verdict was gained, changed or lost between two releases.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct VerdictChange {
    /// The claim's id.
    pub claim_id: String,
    /// Its verdict in the older release.
    pub before: Option<VerdictSummary>,
    /// Its verdict in the newer release (none for a claim removed).
    pub after: Option<VerdictSummary>,
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
    /// Claims with a verdict in the newer release only (new claims included; the first
    /// [`LIST_LIMIT`]).
    pub verdicts_gained: Vec<VerdictChange>,
    /// Claims whose verdict, reviewer or review differ (the first [`LIST_LIMIT`]).
    pub verdicts_changed: Vec<VerdictChange>,
    /// Claims with a verdict in the older release only (removed claims included; the first
    /// [`LIST_LIMIT`]).
    pub verdicts_lost: Vec<VerdictChange>,
    /// Totals.
    pub verdicts_gained_total: usize,
    /// Totals.
    pub verdicts_changed_total: usize,
    /// Totals.
    pub verdicts_lost_total: usize,
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
    /// Notes a verdict gained, changed or lost.
    fn verdict(
        &mut self,
        id: &str,
        before: Option<&VerdictSummary>,
        after: Option<VerdictSummary>,
    ) {
        let (list, total) = match (before, &after) {
            (None, Some(_)) => (
                &mut self.diff.verdicts_gained,
                &mut self.diff.verdicts_gained_total,
            ),
            (Some(_), None) => (
                &mut self.diff.verdicts_lost,
                &mut self.diff.verdicts_lost_total,
            ),
            (Some(a), Some(b)) if a != b => (
                &mut self.diff.verdicts_changed,
                &mut self.diff.verdicts_changed_total,
            ),
            _ => return,
        };
        *total += 1;
        if list.len() < LIST_LIMIT {
            list.push(VerdictChange {
                claim_id: id.to_owned(),
                before: before.cloned(),
                after,
            });
        }
    }

    /// Compares one row of the newer release with the older one.
    pub(super) fn observe(&mut self, previous: &Previous, row: &Map<String, Value>) {
        let id = text(row, "claim_id");
        self.verdict(id, previous.verdicts.get(id), VerdictSummary::of(row));
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
        for id in &removed {
            let before = previous.verdicts.get(id.as_str());
            self.verdict(id, before, None);
        }
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
    let issues = claim_issues(read_rows(newer, claim_columns(), |_, row| {
        b.observe(&previous, &row);
        Ok(())
    })?);
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
        let verdicts =
            self.verdicts_gained_total + self.verdicts_changed_total + self.verdicts_lost_total;
        let mut s = format!(
            "{} added, {} removed, {} changed, {} unchanged{}.\n",
            self.added_total,
            self.removed_total,
            self.changed_total,
            self.unchanged,
            if verdicts > 0 {
                format!(
                    "; verdicts: {} gained, {} changed, {} lost",
                    self.verdicts_gained_total,
                    self.verdicts_changed_total,
                    self.verdicts_lost_total
                )
            } else {
                String::new()
            }
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
        for (title, list, total) in [
            (
                "Verdicts gained",
                &self.verdicts_gained,
                self.verdicts_gained_total,
            ),
            (
                "Verdicts changed",
                &self.verdicts_changed,
                self.verdicts_changed_total,
            ),
            (
                "Verdicts lost",
                &self.verdicts_lost,
                self.verdicts_lost_total,
            ),
        ] {
            if list.is_empty() {
                continue;
            }
            let _ = write!(s, "\n### {title}\n\n");
            for v in list {
                let line = match (&v.before, &v.after) {
                    (None, Some(a)) => a.describe(),
                    (Some(b), None) => format!("was {}", b.describe()),
                    (Some(b), Some(a)) => format!("{} → {}", b.describe(), a.describe()),
                    (None, None) => continue,
                };
                let _ = writeln!(s, "- `{}`: {line}", v.claim_id);
            }
            s.extend(more(total, list.len()));
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
