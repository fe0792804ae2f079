//! Loading a dataset's corrections and checking each one: every problem at once, with its
//! file and line and what to do.
//!
//! A file is first read leniently ([`Draft`]: every table optional), so that a correction
//! with the wrong table or a missing claim gets a precise message at its line rather than a
//! parser's; only a file with no problem becomes a [`Correction`] to apply.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::dataset::Dataset;
use crate::error::Error;
use crate::record::VerificationStatus;

use super::super::Problem;
use super::link_rules::rule;
use super::{Correction, NewClaim, SetFields, Verdict, article_part, is_claim_id};

/// A correction file read leniently, for diagnostics.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct Draft {
    action: DraftAction,
    #[serde(default)]
    claim: Option<String>,
    #[serde(default)]
    review: Option<String>,
    reason: String,
    #[serde(default)]
    set: Option<SetFields>,
    #[serde(default)]
    verdict: Option<Verdict>,
    #[serde(default)]
    add: Option<NewClaim>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
enum DraftAction {
    Set,
    Reject,
    Verdict,
    ConfirmReview,
    RejectReview,
    Add,
}

impl DraftAction {
    fn name(self) -> &'static str {
        match self {
            DraftAction::Set => "set",
            DraftAction::Reject => "reject",
            DraftAction::Verdict => "verdict",
            DraftAction::ConfirmReview => "confirm_review",
            DraftAction::RejectReview => "reject_review",
            DraftAction::Add => "add",
        }
    }

    /// Whether the action is a decision on a link to a review, which names the review.
    fn names_review(self) -> bool {
        matches!(self, DraftAction::ConfirmReview | DraftAction::RejectReview)
    }
}

impl Draft {
    /// The typed correction, when the draft has exactly what its action needs.
    fn typed(&self) -> Option<Correction> {
        let reason = self.reason.clone();
        Some(match self.action {
            DraftAction::Set => Correction::Set {
                claim: self.claim.clone()?,
                reason,
                set: self.set.clone()?,
            },
            DraftAction::Reject => Correction::Reject {
                claim: self.claim.clone()?,
                reason,
            },
            DraftAction::Verdict => Correction::Verdict {
                claim: self.claim.clone()?,
                reason,
                verdict: self.verdict.clone()?,
            },
            DraftAction::ConfirmReview => Correction::ConfirmReview {
                claim: self.claim.clone()?,
                review: self.review.clone()?,
                reason,
            },
            DraftAction::RejectReview => Correction::RejectReview {
                claim: self.claim.clone()?,
                review: self.review.clone()?,
                reason,
            },
            DraftAction::Add => Correction::Add {
                reason,
                add: self.add.clone()?,
            },
        })
    }
}

/// A correction as loaded: its file, its text (for line numbers) and its content.
#[derive(Debug, Clone)]
pub struct Loaded {
    /// The file, relative to the dataset folder.
    pub file: String,
    text: String,
    /// What it says.
    pub correction: Correction,
    /// The file has problems: it is checked against the dataset but never applied, so that
    /// no file is ever half-applied.
    pub faulty: bool,
}

impl Loaded {
    /// The 1-based line where `key = …` is written (in `table` if given), for messages.
    pub(super) fn line_of(&self, table: Option<&str>, key: &str) -> Option<u64> {
        line_of(&self.text, table, key)
    }

    pub(super) fn problem(
        &self,
        line: Option<u64>,
        rule: &str,
        message: String,
        fix: &str,
    ) -> Problem {
        problem(
            &self.file,
            self.correction.claim().map(str::to_owned),
            line,
            rule,
            message,
            fix,
        )
    }
}

/// The 1-based line where `key = …` is written in `text` (in `table` if given).
fn line_of(text: &str, table: Option<&str>, key: &str) -> Option<u64> {
    let mut in_table = table.is_none();
    for (k, line) in text.lines().enumerate() {
        let t = line.trim();
        if t.starts_with('[') {
            in_table = table.is_some_and(|tb| t == format!("[{tb}]"));
            continue;
        }
        if in_table
            && let Some(rest) = t.strip_prefix(key)
            && rest.trim_start().starts_with('=')
        {
            return Some(k as u64 + 1);
        }
    }
    None
}

/// The 1-based line of the `[name]` table header.
fn table_line(text: &str, name: &str) -> Option<u64> {
    text.lines()
        .position(|x| x.trim() == format!("[{name}]"))
        .map(|k| k as u64 + 1)
}

fn problem(
    file: &str,
    claim_id: Option<String>,
    line: Option<u64>,
    rule: &str,
    message: String,
    fix: &str,
) -> Problem {
    Problem {
        file: file.to_owned(),
        line,
        claim_id,
        pointer: String::new(),
        rule: format!("correction/{rule}"),
        message,
        value: None,
        fix: fix.to_owned(),
    }
}

/// All corrections of a dataset, indexed for applying.
#[derive(Debug, Default)]
pub struct Corrections {
    /// Every correction that could be read, in file-name order.
    pub loaded: Vec<Loaded>,
    pub(super) by_claim: BTreeMap<String, Vec<usize>>,
    pub(super) by_article: BTreeMap<String, Vec<usize>>,
}

impl Corrections {
    /// Loads and checks every `*.toml` under the dataset's `corrections/`. Returns the
    /// corrections that could be read and every problem found.
    pub fn load(dataset: &Dataset) -> Result<(Self, Vec<Problem>), Error> {
        Self::load_dir(&dataset.root, &dataset.corrections_dir())
    }

    /// Loads corrections from `dir`, naming files relative to `root`.
    pub fn load_dir(root: &Path, dir: &Path) -> Result<(Self, Vec<Problem>), Error> {
        let mut files: Vec<PathBuf> = match std::fs::read_dir(dir) {
            Ok(entries) => entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| {
                    !p.file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'))
                })
                .collect(),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(source) => {
                return Err(Error::Read {
                    path: dir.to_path_buf(),
                    source,
                });
            }
        };
        files.sort();
        let mut problems = Vec::new();
        let mut loaded = Vec::new();
        for path in files {
            let file = crate::dataset::relative(root, &path);
            if path.extension().is_none_or(|e| e != "toml") {
                problems.push(problem(
                    &file,
                    None,
                    None,
                    "file-type",
                    "corrections are TOML files".into(),
                    "name it <claim-id>-<action>.toml, or move it out of corrections/",
                ));
                continue;
            }
            // Only a regular file is opened: a FIFO would wait for a writer for ever, and a
            // link would apply a file the dataset does not hold.
            let own = std::fs::symlink_metadata(&path).map_err(|source| Error::Read {
                path: path.clone(),
                source,
            })?;
            let what = if own.file_type().is_symlink() {
                Some("a symbolic link: a dataset reads nothing through links")
            } else if own.is_dir() {
                Some("a folder, not a correction file")
            } else if !own.is_file() {
                Some("not a regular file (a FIFO, a device)")
            } else {
                None
            };
            if let Some(what) = what {
                problems.push(problem(
                    &file,
                    None,
                    None,
                    "file-type",
                    format!("is {what}"),
                    "put the correction file itself in corrections/, or move this away",
                ));
                continue;
            }
            let bytes = std::fs::read(&path).map_err(|source| Error::Read {
                path: path.clone(),
                source,
            })?;
            let text = match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(e) => {
                    let at = e.utf8_error().valid_up_to();
                    let line = 1 + memchr::memchr_iter(b'\n', &e.as_bytes()[..at]).count();
                    problems.push(problem(
                        &file,
                        None,
                        Some(line as u64),
                        "utf8",
                        format!("invalid UTF-8 at byte {at}"),
                        "save the file as UTF-8",
                    ));
                    continue;
                }
            };
            let draft = match toml::from_str::<Draft>(&text) {
                Ok(d) => d,
                Err(e) => {
                    let line = e
                        .span()
                        .map(|s| 1 + text[..s.start.min(text.len())].matches('\n').count() as u64);
                    problems.push(problem(
                        &file,
                        None,
                        line,
                        "syntax",
                        explain_toml_error(e.message().trim()),
                        "see schema/correction.schema.json, or start from `claimset correct`",
                    ));
                    continue;
                }
            };
            let found = check_draft(&file, &text, &draft);
            match draft.typed() {
                Some(correction) => {
                    let l = Loaded {
                        file,
                        text,
                        correction,
                        faulty: false,
                    };
                    // A file whose shape is wrong is not compared with its canonical form: the
                    // shape's problem says what to change.
                    problems.extend(check_typed(&l, found.is_empty()));
                    problems.extend(found);
                    loaded.push(l);
                }
                // A correction without what its action needs cannot be applied or matched to
                // a claim; its problems say what is missing.
                None => problems.extend(found),
            }
        }
        let mut c = Corrections {
            loaded,
            ..Corrections::default()
        };
        for (k, l) in c.loaded.iter().enumerate() {
            match &l.correction {
                Correction::Add { add, .. } => {
                    c.by_article.entry(add.article.clone()).or_default().push(k);
                }
                other => {
                    if let Some(id) = other.claim() {
                        c.by_claim.entry(id.to_owned()).or_default().push(k);
                    }
                }
            }
        }
        problems.extend(c.check_conflicts());
        for l in &mut c.loaded {
            l.faulty = problems.iter().any(|p| p.file == l.file);
        }
        Ok((c, problems))
    }

    /// Whether there are no corrections.
    pub fn is_empty(&self) -> bool {
        self.loaded.is_empty()
    }

    /// Two corrections that set the same field of the same claim to different values, or
    /// that both reject or give a verdict on it; a claim rejected and also changed; decisions
    /// on links that contradict each other or a verdict recorded by hand.
    fn check_conflicts(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        for (id, ks) in &self.by_claim {
            out.extend(link_conflicts(self, id, ks));
            let rejecting = ks
                .iter()
                .find(|k| matches!(self.loaded[**k].correction, Correction::Reject { .. }));
            if let Some(&r) = rejecting {
                for &k in ks.iter().filter(|k| **k != r) {
                    let l = &self.loaded[k];
                    // Saying a review does not judge the claim changes nothing in it.
                    if matches!(
                        l.correction,
                        Correction::Reject { .. } | Correction::RejectReview { .. }
                    ) {
                        continue;
                    }
                    out.push(l.problem(
                        l.line_of(None, "action"),
                        "conflict",
                        format!(
                            "changes claim {id}, which {} rejects: a rejected claim leaves the \
                             dataset",
                            self.loaded[r].file
                        ),
                        "keep the rejection or the change, not both",
                    ));
                }
            }
            let mut seen: BTreeMap<&'static str, (usize, String)> = BTreeMap::new();
            for &k in ks {
                let l = &self.loaded[k];
                for (field, value) in touched_fields(&l.correction) {
                    match seen.get(field) {
                        Some((first, v)) if *v != value => {
                            let other = &self.loaded[*first];
                            out.push(l.problem(
                                l.line_of(None, "action"),
                                "conflict",
                                format!(
                                    "sets {field} of claim {id} to {value}, but {} sets it to {v}",
                                    other.file
                                ),
                                "keep one of the two corrections",
                            ));
                        }
                        Some(_) => {}
                        None => {
                            seen.insert(field, (k, value));
                        }
                    }
                }
            }
        }
        out
    }

    /// The problems of a whole check, settled: a correction naming no claim of the dataset
    /// gets that said first, and no advice to rename its file after what may be a typo.
    pub fn settle(problems: &mut Vec<Problem>) {
        let unknown: Vec<String> = problems
            .iter()
            .filter(|p| p.rule == "correction/unknown-claim")
            .map(|p| p.file.clone())
            .collect();
        problems.retain(|p| !(p.rule == "correction/file-name" && unknown.contains(&p.file)));
        // Stable: each file's problems keep their order, the unknown claim first.
        problems
            .sort_by_key(|p| p.rule != "correction/unknown-claim" || !unknown.contains(&p.file));
        let mut order: Vec<String> = Vec::new();
        for p in problems.iter() {
            if !order.contains(&p.file) {
                order.push(p.file.clone());
            }
        }
        problems.sort_by_key(|p| order.iter().position(|f| *f == p.file));
    }

    /// Corrections never used, for claims no longer in the dataset.
    pub fn unused(&self, used: &[bool]) -> Vec<Problem> {
        self.loaded
            .iter()
            .zip(used)
            .filter(|(_, u)| !**u)
            .map(|(l, _)| match &l.correction {
                Correction::Add { add, .. } => l.problem(
                    l.line_of(Some("add"), "article"),
                    "unknown-article",
                    format!("no article `{}` in this dataset", add.article),
                    "use the article id from the articles table",
                ),
                c => l.problem(
                    l.line_of(None, "claim"),
                    "unknown-claim",
                    format!(
                        "no claim has the id {}; find it with `claimset search DATASET WORDS` \
                         (a typo, or the extractor changed the claim)",
                        c.claim().unwrap_or_default()
                    ),
                    "put the claim's id from `claimset search` in claim = …, or remove the \
                     correction",
                ),
            })
            .collect()
    }
}

/// Deserialization messages, with what a valid value looks like where the parser's own words
/// do not say (chrono's date errors).
pub(super) fn explain_toml_error(message: &str) -> String {
    let date_error = [
        "input is out of range",
        "premature end of input",
        "input contains invalid characters",
        "trailing input",
    ];
    if date_error.iter().any(|d| message.contains(d)) {
        format!("{message}: dates are real days written YYYY-MM-DD, in quotes")
    } else {
        message.to_owned()
    }
}

/// The fields a correction touches, with the value it gives each, for conflict checks.
fn touched_fields(c: &Correction) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    match c {
        Correction::Reject { .. } => out.push(("(rejected)", String::from("rejected"))),
        Correction::Verdict { verdict, .. } => {
            out.push(("verification_status", format!("{:?}", verdict.status)));
            out.push(("verdict_label", format!("{:?}", verdict.label)));
        }
        Correction::Set { set, .. } => {
            let json = serde_json::to_value(set).expect("fields serialize");
            if let serde_json::Value::Object(o) = json {
                for (k, v) in o {
                    let name: &'static str = match k.as_str() {
                        "claim_text" => "claim_text",
                        "quote_type" => "quote_type",
                        "claimant" => "claimant",
                        "claimant_mention" => "claimant_mention",
                        "claimant_title" => "claimant_title",
                        "claimant_type" => "claimant_type",
                        "cue" => "cue",
                        "claim_date" => "claim_date",
                        "claim_date_precision" => "claim_date_precision",
                        _ => "clear",
                    };
                    out.push((name, v.to_string()));
                }
            }
        }
        Correction::Add { .. }
        | Correction::ConfirmReview { .. }
        | Correction::RejectReview { .. } => {}
    }
    out
}

/// Problems of a draft's shape: the action's table present (and only it), the claim named
/// when it must be and well formed, a reason.
fn check_draft(file: &str, text: &str, d: &Draft) -> Vec<Problem> {
    let claim = d.claim.clone();
    let mut out = Vec::new();
    let mut push = |line: Option<u64>, rule: &str, message: String, fix: &str| {
        out.push(problem(file, claim.clone(), line, rule, message, fix));
    };
    let action_line = line_of(text, None, "action");
    let needs_claim = d.action != DraftAction::Add;
    match (&d.review, d.action.names_review()) {
        (None, true) => push(
            action_line,
            "missing-review",
            format!(
                "a `{}` correction names the review it decides on",
                d.action.name()
            ),
            "add review = \"r…\" with the review's id, from proposed-links.jsonl",
        ),
        (Some(_), false) => push(
            line_of(text, None, "review"),
            "review-with-action",
            format!(
                "a `{}` correction names no review: `review` belongs to confirm_review and \
                 reject_review",
                d.action.name()
            ),
            "remove review = …, or use action = \"confirm_review\" or \"reject_review\"",
        ),
        (Some(r), true) if !super::is_review_id(r) => push(
            line_of(text, None, "review"),
            "review-id-format",
            format!("`{r}` is not a review id"),
            rule("review-id-format").fix,
        ),
        _ => {}
    }
    match (&d.claim, needs_claim) {
        (None, true) => push(
            action_line,
            "missing-claim",
            format!(
                "a `{}` correction names the claim it corrects",
                d.action.name()
            ),
            "add claim = \"c…\" with the claim's id",
        ),
        (Some(_), false) => push(
            line_of(text, None, "claim"),
            "claim-with-add",
            "an `add` correction creates a claim; it does not name one".into(),
            "remove claim = …; the new claim's id is computed from its span",
        ),
        _ => {}
    }
    let tables = [
        ("set", d.set.is_some(), DraftAction::Set),
        ("verdict", d.verdict.is_some(), DraftAction::Verdict),
        ("add", d.add.is_some(), DraftAction::Add),
    ];
    for (name, present, action) in tables {
        if present && d.action != action {
            push(
                table_line(text, name),
                "table-mismatch",
                format!(
                    "[{name}] does not belong to a `{}` correction",
                    d.action.name()
                ),
                "keep only the table of the correction's action",
            );
        }
        if !present && d.action == action {
            push(
                action_line,
                "missing-table",
                format!("a `{name}` correction needs a [{name}] table"),
                "add the table with the values to apply (see schema/correction.schema.json)",
            );
        }
    }
    if d.reason.trim().is_empty() {
        push(
            line_of(text, None, "reason"),
            "missing-reason",
            "the reason is empty".into(),
            "say what was wrong, so reviewers can check the fix",
        );
    }
    if let Some(id) = &d.claim
        && !is_claim_id(id)
    {
        push(
            line_of(text, None, "claim"),
            "claim-id-format",
            format!("`{id}` is not a claim id"),
            "claim ids are `c` and 16 lowercase hex digits, as in the release",
        );
    }
    out
}

/// Problems of a well-shaped correction's values, its canonical form and its file name.
fn check_typed(l: &Loaded, well_shaped: bool) -> Vec<Problem> {
    let mut out = Vec::new();
    // Dates in the years an article may have: a typo'd year (20222, 0202) is caught here,
    // at its line, rather than as a record the schema refuses.
    let dates = match &l.correction {
        Correction::Set { set, .. } => vec![("set", "claim_date", set.claim_date)],
        Correction::Verdict { verdict, .. } => vec![("verdict", "date", Some(verdict.date))],
        Correction::Add { add, .. } => vec![("add", "claim_date", add.claim_date)],
        Correction::Reject { .. }
        | Correction::ConfirmReview { .. }
        | Correction::RejectReview { .. } => Vec::new(),
    };
    for (table, key, date) in dates {
        if let Some(d) = date
            && !crate::input::DATE_YEARS.contains(&chrono::Datelike::year(&d))
        {
            out.push(l.problem(
                l.line_of(Some(table), key),
                "date-out-of-range",
                format!(
                    "{key} {d} is outside the years {}–{}",
                    crate::input::DATE_YEARS.start(),
                    crate::input::DATE_YEARS.end()
                ),
                "write the real day as YYYY-MM-DD",
            ));
        }
    }
    match &l.correction {
        Correction::Set { set, .. } if *set == SetFields::default() => out.push(l.problem(
            table_line(&l.text, "set"),
            "empty-set",
            "[set] changes nothing".into(),
            "give at least one field to set",
        )),
        Correction::Verdict { verdict, .. } => {
            if verdict.status == VerificationStatus::Unverified {
                out.push(l.problem(
                    l.line_of(Some("verdict"), "status"),
                    "verdict-unverified",
                    "a verdict cannot be `unverified`".into(),
                    "use the reviewer's verdict on the fixed scale (true … false, misleading, …)",
                ));
            }
            if crate::input::publisher(&verdict.url).is_none() {
                out.push(l.problem(
                    l.line_of(Some("verdict"), "url"),
                    "verdict-url",
                    format!("`{}` is not an absolute http(s) URL", verdict.url),
                    "give the address of the fact-check article",
                ));
            }
        }
        _ => {}
    }
    if well_shaped && l.text != l.correction.to_canonical() {
        out.push(l.problem(
            None,
            "canonical-form",
            "the file is not in canonical form".into(),
            "rewrite it with `claimset correct --canonical FILE` (field order, quoting, no comments)",
        ));
    }
    // `<claim>-<action>.toml`, or `<claim>-<action>-<anything>.toml` for a second one;
    // `add-<article>-….toml` for an added claim. A malformed claim id is reported on its own
    // line: asking to rename the file after a typo would spread the typo.
    if l.correction.claim().is_some_and(|id| !is_claim_id(id)) {
        return out;
    }
    let expected = l.correction.file_name();
    let actual = l.file.rsplit('/').next().unwrap_or(&l.file);
    let prefix = match &l.correction {
        Correction::Add { add, .. } => format!("add-{}", article_part(&add.article)),
        c => format!("{}-{}", c.claim().unwrap_or_default(), c.action()),
    };
    let named = actual
        .strip_suffix(".toml")
        .and_then(|stem| stem.strip_prefix(&prefix))
        .is_some_and(|rest| rest.is_empty() || rest.starts_with('-'));
    if !named {
        out.push(l.problem(
            None,
            "file-name",
            format!("the file should be named `{expected}` (or `{prefix}-<more>.toml`)"),
            "rename it, so that a claim's corrections are found by its id",
        ));
    }
    out
}

/// The link decisions on claim `id` (corrections `ks`) that contradict each other or a
/// verdict recorded by hand.
fn link_conflicts(c: &Corrections, id: &str, ks: &[usize]) -> Vec<Problem> {
    let mut out = Vec::new();
    let fix = rule("link-conflict").fix;
    let verdict = ks
        .iter()
        .find(|&&k| matches!(c.loaded[k].correction, Correction::Verdict { .. }));
    let mut confirmed: Option<(usize, &str)> = None;
    for &k in ks {
        let l = &c.loaded[k];
        let Correction::ConfirmReview { review, .. } = &l.correction else {
            continue;
        };
        let line = l.line_of(None, "review");
        if let Some(&v) = verdict {
            out.push(l.problem(
                line,
                "link-conflict",
                format!(
                    "confirms review {review} for claim {id}, but {} records a verdict by hand \
                     (which would win over the review)",
                    c.loaded[v].file
                ),
                fix,
            ));
        }
        match confirmed {
            Some((first, r)) if r != review => out.push(l.problem(
                line,
                "link-conflict",
                format!(
                    "confirms review {review} for claim {id}, but {} confirms review {r}",
                    c.loaded[first].file
                ),
                fix,
            )),
            Some(_) => {}
            None => confirmed = Some((k, review)),
        }
        if let Some(&j) = ks.iter().find(|&&j| {
            matches!(&c.loaded[j].correction, Correction::RejectReview { review: r, .. } if r == review)
        }) {
            out.push(l.problem(
                line,
                "link-conflict",
                format!(
                    "confirms review {review} for claim {id}, which {} rejects",
                    c.loaded[j].file
                ),
                fix,
            ));
        }
    }
    out
}
