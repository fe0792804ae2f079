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

#[cfg(test)]
mod tests {
    use std::path::PathBuf;
    use std::sync::LazyLock;

    use super::*;
    use crate::record::{
        ClaimRecord, ClaimantType, DateBasis, DatePrecision, Origin, QuoteType, VerdictSource,
        VerificationStatus,
    };
    use crate::table::{ADDED_CLAIM_COLUMNS, Column, TableWriter};
    use chrono::NaiveDate;

    fn claim(id: &str, text: &str) -> ClaimRecord {
        let day = NaiveDate::from_ymd_opt(2022, 2, 1).expect("a real day");
        ClaimRecord {
            claim_id: id.into(),
            claim_text: text.into(),
            quote_type: QuoteType::Indirect,
            claimant: Some("Ana Ruiz".into()),
            claimant_mention: None,
            claimant_title: None,
            claimant_type: ClaimantType::Person,
            cue: "said".into(),
            claim_date: day,
            claim_date_basis: DateBasis::Article,
            claim_date_precision: DatePrecision::Day,
            article_id: "a1".into(),
            article_title: None,
            article_date: day,
            source_url: "https://example.com/a1".into(),
            publisher: "example.com".into(),
            span_start: 0,
            span_end: 10,
            verification_status: VerificationStatus::Unverified,
            verdict_label: None,
            reviewed_by: None,
            review_url: None,
            review_date: None,
            review_id: None,
            verdict_source: None,
            origin: Origin::Extracted,
        }
    }

    fn judged(
        mut c: ClaimRecord,
        status: VerificationStatus,
        label: &str,
        by: &str,
    ) -> ClaimRecord {
        c.verification_status = status;
        c.verdict_label = Some(label.into());
        c.reviewed_by = Some(by.into());
        c.verdict_source = Some(VerdictSource::Correction);
        c
    }

    fn row(c: &ClaimRecord) -> Map<String, Value> {
        match serde_json::to_value(c).expect("records serialize") {
            Value::Object(o) => o,
            other => panic!("a record serializes as an object, not {other}"),
        }
    }

    fn release_of(path: PathBuf, columns: &'static [Column], claims: &[ClaimRecord]) -> PathBuf {
        let mut w = TableWriter::create(&path, columns).expect("writer");
        for c in claims {
            w.push(row(c)).expect("push");
        }
        w.finish(&[]).expect("finish");
        path
    }

    fn release(dir: &tempfile::TempDir, name: &str, claims: &[ClaimRecord]) -> PathBuf {
        release_of(dir.path().join(name), crate::table::claim_columns(), claims)
    }

    fn ids(rows: &[Map<String, Value>]) -> Vec<&str> {
        rows.iter().map(|r| text(r, "claim_id")).collect()
    }

    fn verdict_ids(list: &[VerdictChange]) -> Vec<&str> {
        list.iter().map(|v| v.claim_id.as_str()).collect()
    }

    #[test]
    fn a_claim_whose_text_changed_is_changed_not_removed_and_added() {
        let dir = tempfile::tempdir().expect("temp dir");
        let older = release(
            &dir,
            "old",
            &[claim("c1", "old words"), claim("c2", "same")],
        );
        let newer = release(
            &dir,
            "new",
            &[claim("c1", "new words"), claim("c2", "same")],
        );
        let d = diff_files(&older, &newer).expect("diff");
        assert_eq!(
            (d.added_total, d.removed_total, d.changed_total, d.unchanged),
            (0, 0, 1, 1)
        );
        assert!(d.added.is_empty() && d.removed.is_empty());
        assert_eq!(
            d.changed,
            [Change {
                claim_id: "c1".into(),
                fields: vec![(
                    "claim_text".into(),
                    Value::from("old words"),
                    Value::from("new words")
                )],
            }]
        );
        assert!(!d.is_empty());
        assert!(
            d.to_markdown()
                .contains("- `c1`: claim_text \"old words\" → \"new words\"")
        );
    }

    #[test]
    fn identical_releases_give_an_empty_diff() {
        let dir = tempfile::tempdir().expect("temp dir");
        let claims = [
            claim("c1", "one"),
            judged(
                claim("c2", "two"),
                VerificationStatus::False,
                "Wrong",
                "PolitiFact",
            ),
        ];
        let older = release(&dir, "old", &claims);
        let newer = release(&dir, "new", &claims);
        let d = diff_files(&older, &newer).expect("diff");
        assert!(d.is_empty());
        assert_eq!(
            d,
            Diff {
                unchanged: 2,
                ..Diff::default()
            }
        );
        assert_eq!(
            d.to_markdown(),
            "0 added, 0 removed, 0 changed, 2 unchanged.\n"
        );
    }

    #[test]
    fn verdicts_gained_changed_and_lost_are_told_apart() {
        use VerificationStatus::{False, MostlyTrue, True};
        let dir = tempfile::tempdir().expect("temp dir");
        let older = release(
            &dir,
            "old",
            &[
                claim("c1", "gains one"),
                judged(claim("c2", "changes"), False, "Wrong", "PolitiFact"),
                judged(claim("c3", "loses it"), True, "Right", "PolitiFact"),
                judged(claim("c4", "keeps it"), MostlyTrue, "Close", "Snopes"),
                judged(claim("c5", "removed"), False, "Wrong", "Snopes"),
                claim("c6", "removed, never judged"),
            ],
        );
        let mut kept = judged(claim("c4", "keeps it"), MostlyTrue, "Close", "Snopes");
        kept.cue = "told".into();
        let newer = release(
            &dir,
            "new",
            &[
                judged(claim("c1", "gains one"), False, "Wrong", "AFP"),
                judged(claim("c2", "changes"), False, "Pants on Fire", "PolitiFact"),
                claim("c3", "loses it"),
                kept,
                judged(claim("c7", "new, judged"), True, "Right", "AFP"),
                claim("c8", "new, not judged"),
            ],
        );
        let d = diff_files(&older, &newer).expect("diff");
        assert_eq!(verdict_ids(&d.verdicts_gained), ["c1", "c7"]);
        assert_eq!(verdict_ids(&d.verdicts_changed), ["c2"]);
        assert_eq!(verdict_ids(&d.verdicts_lost), ["c3", "c5"]);
        assert_eq!(
            (
                d.verdicts_gained_total,
                d.verdicts_changed_total,
                d.verdicts_lost_total
            ),
            (2, 1, 2)
        );
        let changed = &d.verdicts_changed[0];
        assert_eq!(
            changed.before.as_ref().and_then(|v| v.label.as_deref()),
            Some("Wrong")
        );
        assert_eq!(
            changed.after.as_ref().and_then(|v| v.label.as_deref()),
            Some("Pants on Fire")
        );
        assert!(d.verdicts_gained.iter().all(|v| v.before.is_none()));
        assert!(d.verdicts_lost.iter().all(|v| v.after.is_none()));
        // A verdict kept while another field changed is a changed claim, not a verdict change.
        assert_eq!(d.changed_total, 4);
        assert_eq!((d.added_total, d.removed_total, d.unchanged), (2, 2, 0));
        let md = d.to_markdown();
        assert!(md.contains("verdicts: 2 gained, 1 changed, 2 lost"), "{md}");
        assert!(
            md.contains(
                "- `c2`: false (\"Wrong\", PolitiFact; recorded by hand) → false (\"Pants on \
                 Fire\", PolitiFact; recorded by hand)"
            ),
            "{md}"
        );
        assert!(
            md.contains("- `c5`: was false (\"Wrong\", Snopes; recorded by hand)"),
            "{md}"
        );
    }

    // Lists follow release order (the older release's for removals, the newer one's for the
    // rest), so the changelog reads in the order of the data and never depends on hashing.
    #[test]
    fn lists_follow_release_order_whatever_the_ids() {
        let dir = tempfile::tempdir().expect("temp dir");
        let older = release(
            &dir,
            "old",
            &[
                claim("c9", "gone"),
                claim("c5", "was"),
                claim("c1", "gone too"),
                claim("c7", "was too"),
                claim("c3", "gone as well"),
            ],
        );
        let newer = release(
            &dir,
            "new",
            &[
                claim("c8", "new"),
                claim("c7", "is too"),
                claim("c2", "new too"),
                claim("c5", "is"),
                claim("c6", "new as well"),
            ],
        );
        let first = diff_files(&older, &newer).expect("diff");
        assert_eq!(ids(&first.added), ["c8", "c2", "c6"]);
        assert_eq!(ids(&first.removed), ["c9", "c1", "c3"]);
        let changed: Vec<&str> = first.changed.iter().map(|c| c.claim_id.as_str()).collect();
        assert_eq!(changed, ["c7", "c5"]);
        assert_eq!(diff_files(&older, &newer).expect("diff again"), first);
        // Removed claims come back whole, as they were.
        assert_eq!(first.removed[0], row(&claim("c9", "gone")));
    }

    #[test]
    fn totals_are_complete_where_lists_stop() {
        let n = LIST_LIMIT + 3;
        let mut b = DiffBuilder::default();
        let previous = Previous::default();
        for k in 0..n {
            let c = judged(
                claim(&format!("c{k:04}"), "new"),
                VerificationStatus::False,
                "Wrong",
                "AFP",
            );
            b.observe(&previous, &row(&c));
        }
        let d = b.finish(&previous, None).expect("nothing to read");
        assert_eq!((d.added.len(), d.added_total), (LIST_LIMIT, n));
        assert_eq!(ids(&d.added)[..2], ["c0000", "c0001"]);
        assert_eq!(
            (d.verdicts_gained.len(), d.verdicts_gained_total),
            (LIST_LIMIT, n)
        );
        let md = d.to_markdown();
        assert_eq!(
            md.matches("- … and 3 more (`claimset diff` lists them all)")
                .count(),
            2,
            "{md}"
        );
    }

    // A release made before `review_id` and `verdict_source` existed lacks those columns; its
    // claims read as null there, as the newer release writes them, and are unchanged.
    #[test]
    fn a_release_older_than_the_added_columns_diffs_as_unchanged() {
        static OLD_COLUMNS: LazyLock<Vec<Column>> = LazyLock::new(|| {
            crate::table::claim_columns()
                .iter()
                .filter(|c| !ADDED_CLAIM_COLUMNS.iter().any(|(a, _)| *a == c.name))
                .cloned()
                .collect()
        });
        let dir = tempfile::tempdir().expect("temp dir");
        let claims = [claim("c1", "one"), claim("c2", "two")];
        let older = release_of(dir.path().join("old"), OLD_COLUMNS.as_slice(), &claims);
        let newer = release(&dir, "new", &claims);
        let d = diff_files(&older, &newer).expect("an older release diffs");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(d.unchanged, 2);
    }

    #[test]
    fn a_table_missing_a_column_is_an_error_naming_it() {
        static SHORT: LazyLock<Vec<Column>> = LazyLock::new(|| {
            crate::table::claim_columns()
                .iter()
                .filter(|c| c.name != "claim_text")
                .cloned()
                .collect()
        });
        let dir = tempfile::tempdir().expect("temp dir");
        let good = release(&dir, "good", &[claim("c1", "one")]);
        let short = release_of(
            dir.path().join("short"),
            SHORT.as_slice(),
            &[claim("c1", "one")],
        );
        for (older, newer) in [(&good, &short), (&short, &good)] {
            match diff_files(older, newer) {
                Err(Error::Parquet { path, message }) => {
                    assert_eq!(path, short);
                    assert_eq!(message, "column `claim_text` is missing");
                }
                other => panic!("expected a Parquet error, got {other:?}"),
            }
        }
    }

    #[test]
    fn a_first_release_adds_every_claim() {
        let dir = tempfile::tempdir().expect("temp dir");
        let newer = release(
            &dir,
            "new",
            &[
                claim("c2", "two"),
                judged(claim("c1", "one"), VerificationStatus::True, "Right", "AFP"),
            ],
        );
        let d = diff_from(None, &newer).expect("diff");
        assert_eq!(ids(&d.added), ["c2", "c1"]);
        assert_eq!((d.removed_total, d.changed_total, d.unchanged), (0, 0, 0));
        assert_eq!(verdict_ids(&d.verdicts_gained), ["c1"]);
    }

    // Claim ids stay stable because the next release looks up an article's previous spans.
    #[test]
    fn previous_indexes_spans_by_article_in_release_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut a = claim("c1", "one");
        (a.span_start, a.span_end) = (40, 55);
        let mut b = claim("c2", "two");
        (b.span_start, b.span_end) = (3, 9);
        let mut c = claim("c3", "three");
        c.article_id = "a2".into();
        let p = Previous::load(&release(&dir, "old", &[a, b, c])).expect("loads");
        assert_eq!(
            p.spans("a1"),
            [(40, 55, "c1".to_owned()), (3, 9, "c2".to_owned())]
        );
        assert_eq!(p.spans("a2"), [(0, 10, "c3".to_owned())]);
        assert!(p.spans("a3").is_empty());
        assert_eq!(p.order, ["c1", "c2", "c3"]);
    }

    #[test]
    fn a_verdict_is_described_by_where_it_comes_from() {
        let v =
            |label: Option<&str>, by: Option<&str>, review: Option<&str>, source: Option<&str>| {
                VerdictSummary {
                    status: "false".into(),
                    label: label.map(str::to_owned),
                    reviewed_by: by.map(str::to_owned),
                    review_id: review.map(str::to_owned),
                    source: source.map(str::to_owned),
                }
                .describe()
            };
        assert_eq!(
            v(
                Some("Pants\non  Fire"),
                Some("PolitiFact"),
                Some("r1"),
                Some("linked")
            ),
            "false (\"Pants on Fire\", PolitiFact; review r1, linked automatically)"
        );
        assert_eq!(
            v(None, None, Some("r1"), Some("confirmed")),
            "false (review r1, confirmed)"
        );
        assert_eq!(
            v(None, Some("AFP"), Some("r1"), Some("correction")),
            "false (AFP; recorded by hand)"
        );
        assert_eq!(v(None, None, Some("r1"), None), "false (review r1)");
        assert_eq!(v(Some("Wrong"), None, None, None), "false (\"Wrong\")");
        assert_eq!(v(None, None, None, None), "false");
        let unverified = row(&claim("c1", "one"));
        assert_eq!(VerdictSummary::of(&unverified), None);
    }

    // A changelog line is cut at 90 characters; a change deep in a long text must still show.
    #[test]
    fn a_change_late_in_a_long_text_stays_visible() {
        let prefix = "word ".repeat(30);
        let before = Value::from(format!("{prefix}before the end"));
        let after = Value::from(format!("{prefix}after the end"));
        let (old, new) = from_difference(&before, &after);
        assert!(short(&old).contains("before the end"), "{}", short(&old));
        assert!(short(&new).contains("after the end"), "{}", short(&new));
        assert!(short(&before).ends_with("…\"") && !short(&before).contains("before"));
        let (old, new) = from_difference(&Value::from("short a"), &Value::from("short b"));
        assert_eq!(
            (old.as_str(), new.as_str()),
            (Some("short a"), Some("short b"))
        );
    }
}
