//! Human corrections: one TOML file per fix under `datasets/<name>/corrections/`, loaded,
//! checked (every problem at once, with file and line) and applied to an article's claims at
//! release time, so that fixes survive re-extraction.
//!
//! A file is applied whole or not at all: a release with any problem in any correction is not
//! written.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::dataset::Dataset;
use crate::extract::Article;
use crate::record::{
    ClaimRecord, ClaimantType, DateBasis, DatePrecision, Origin, QuoteType, VerificationStatus,
};

use super::Problem;

/// Version of the correction file format.
pub const CORRECTION_VERSION: &str = "1.0.0";

/// One correction file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
#[schemars(title = "claimset correction")]
pub struct Correction {
    /// What the correction does.
    pub action: Action,
    /// The claim corrected (for `set`, `reject` and `verdict`): its id in the latest release.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(regex(pattern = r"^c[0-9a-f]{16}$"))]
    pub claim: Option<String>,
    /// Why: what was wrong, or where the verdict comes from. Reviewers read it.
    #[schemars(length(min = 1))]
    pub reason: String,
    /// The fields to set (`action = "set"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub set: Option<SetFields>,
    /// The verdict to record (`action = "verdict"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verdict: Option<Verdict>,
    /// The claim to add (`action = "add"`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub add: Option<NewClaim>,
}

/// What a correction does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Action {
    /// Change fields of a claim.
    Set,
    /// Take a record out of the dataset: not a claim, or a duplicate.
    Reject,
    /// Record a fact-check verdict.
    Verdict,
    /// Add a claim the extractor missed.
    Add,
}

/// Fields a correction may set. Fields left out keep their values; `clear` empties optional
/// ones.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SetFields {
    /// The claim as a readable statement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_text: Option<String>,
    /// direct, indirect or mixed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote_type: Option<QuoteType>,
    /// Canonical name of who made the claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimant: Option<String>,
    /// The words the article uses for the claimant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimant_mention: Option<String>,
    /// The claimant's title or role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimant_title: Option<String>,
    /// person, organization, government, anonymous or unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimant_type: Option<ClaimantType>,
    /// The reporting verb or phrase.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// The day the claim was made (its basis becomes `text`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_date: Option<NaiveDate>,
    /// How precise `claim_date` is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_date_precision: Option<DatePrecision>,
    /// Optional fields to set to null: `claimant`, `claimant_mention`, `claimant_title`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clear: Vec<Clearable>,
}

/// Optional fields a correction may empty.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Clearable {
    /// `claimant`
    Claimant,
    /// `claimant_mention`
    ClaimantMention,
    /// `claimant_title`
    ClaimantTitle,
}

/// A fact-check verdict.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Verdict {
    /// The verdict on the fixed scale (not `unverified`).
    pub status: VerificationStatus,
    /// The reviewer's own wording (`Pants on Fire`).
    #[schemars(length(min = 1))]
    pub label: String,
    /// Who reviewed the claim.
    #[schemars(length(min = 1))]
    pub reviewed_by: String,
    /// The fact-check article.
    #[schemars(url)]
    pub url: String,
    /// When the fact-check was published.
    pub date: NaiveDate,
}

/// A claim the extractor missed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NewClaim {
    /// The article's id.
    #[schemars(length(min = 1))]
    pub article: String,
    /// The claim's source text exactly as it appears in the article body; its span is
    /// computed from it.
    #[schemars(length(min = 1))]
    pub text: String,
    /// Which appearance of `text` (1 for the first), when it appears more than once.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(range(min = 1))]
    pub occurrence: Option<u32>,
    /// The claim as a readable statement, if it differs from `text`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_text: Option<String>,
    /// direct, indirect or mixed.
    pub quote_type: QuoteType,
    /// Canonical name of who made the claim.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimant: Option<String>,
    /// The words the article uses for the claimant.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimant_mention: Option<String>,
    /// The claimant's title or role.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claimant_title: Option<String>,
    /// person, organization, government, anonymous or unknown.
    pub claimant_type: ClaimantType,
    /// The reporting verb or phrase.
    #[schemars(length(min = 1))]
    pub cue: String,
    /// The day the claim was made; the article's date when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_date: Option<NaiveDate>,
    /// How precise `claim_date` is (day when left out).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim_date_precision: Option<DatePrecision>,
}

impl Correction {
    /// The canonical text of this correction: what `claimset correct` writes and what every
    /// correction file must be byte for byte.
    pub fn to_canonical(&self) -> String {
        toml::to_string(self).expect("corrections serialize to TOML")
    }

    /// The file name a correction should have: `<claim>-<action>.toml`, or
    /// `add-<article>-<8 hex of the text's hash>.toml`.
    pub fn file_name(&self) -> String {
        match (&self.claim, &self.add) {
            (Some(c), _) => format!("{c}-{}.toml", action_name(self.action)),
            (None, Some(a)) => {
                use sha2::Digest;
                let h = sha2::Sha256::digest(a.text.as_bytes());
                format!("add-{}-{}.toml", a.article, &crate::dataset::hex(&h)[..8])
            }
            (None, None) => format!("{}.toml", action_name(self.action)),
        }
    }
}

fn action_name(a: Action) -> &'static str {
    match a {
        Action::Set => "set",
        Action::Reject => "reject",
        Action::Verdict => "verdict",
        Action::Add => "add",
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
    fn line_of(&self, table: Option<&str>, key: &str) -> Option<u64> {
        let mut in_table = table.is_none();
        for (k, line) in self.text.lines().enumerate() {
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

    fn problem(&self, line: Option<u64>, rule: &str, message: String, fix: &str) -> Problem {
        Problem {
            file: self.file.clone(),
            line,
            claim_id: self.correction.claim.clone(),
            pointer: String::new(),
            rule: format!("correction/{rule}"),
            message,
            value: None,
            fix: fix.to_owned(),
        }
    }
}

/// All corrections of a dataset, indexed for applying.
#[derive(Debug, Default)]
pub struct Corrections {
    /// Every correction, in file-name order.
    pub loaded: Vec<Loaded>,
    by_claim: BTreeMap<String, Vec<usize>>,
    by_article: BTreeMap<String, Vec<usize>>,
}

/// What applying corrections did to one article's claims.
#[derive(Debug, Default)]
pub struct Applied {
    /// The article's claims after corrections, in body order.
    pub claims: Vec<ClaimRecord>,
    /// Indices (into [`Corrections::loaded`]) of the corrections used.
    pub used: Vec<usize>,
    /// Claims taken out, with the reason.
    pub rejected: Vec<(String, String)>,
    /// Problems found while applying.
    pub problems: Vec<Problem>,
}

impl Corrections {
    /// Loads and checks every `*.toml` under the dataset's `corrections/`. Returns the
    /// corrections that could be read and every problem found.
    pub fn load(dataset: &Dataset) -> Result<(Self, Vec<Problem>), crate::Error> {
        Self::load_dir(&dataset.root, &dataset.corrections_dir())
    }

    /// Loads corrections from `dir`, naming files relative to `root`.
    pub fn load_dir(root: &Path, dir: &Path) -> Result<(Self, Vec<Problem>), crate::Error> {
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
                return Err(crate::Error::Read {
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
                problems.push(Problem {
                    file,
                    line: None,
                    claim_id: None,
                    pointer: String::new(),
                    rule: "correction/file-type".into(),
                    message: "corrections are TOML files".into(),
                    value: None,
                    fix: "name it <claim-id>-<action>.toml, or move it out of corrections/".into(),
                });
                continue;
            }
            let text = std::fs::read_to_string(&path).map_err(|source| crate::Error::Read {
                path: path.clone(),
                source,
            })?;
            match toml::from_str::<Correction>(&text) {
                Ok(correction) => {
                    let l = Loaded {
                        file,
                        text,
                        correction,
                        faulty: false,
                    };
                    problems.extend(check_one(&l));
                    loaded.push(l);
                }
                Err(e) => {
                    let line = e
                        .span()
                        .map(|s| 1 + text[..s.start.min(text.len())].matches('\n').count() as u64);
                    problems.push(Problem {
                        file,
                        line,
                        claim_id: None,
                        pointer: String::new(),
                        rule: "correction/syntax".into(),
                        message: explain_toml_error(e.message().trim()),
                        value: None,
                        fix: "see schema/correction.schema.json, or start from `claimset correct`"
                            .into(),
                    });
                }
            }
        }
        let mut c = Corrections {
            loaded,
            ..Corrections::default()
        };
        for (k, l) in c.loaded.iter().enumerate() {
            if let Some(id) = &l.correction.claim {
                c.by_claim.entry(id.clone()).or_default().push(k);
            }
            if let Some(a) = &l.correction.add {
                c.by_article.entry(a.article.clone()).or_default().push(k);
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
    /// that both reject or give a verdict on it.
    fn check_conflicts(&self) -> Vec<Problem> {
        let mut out = Vec::new();
        for (id, ks) in &self.by_claim {
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

    /// Corrections never used, for claims no longer in the dataset.
    pub fn unused(&self, used: &[bool]) -> Vec<Problem> {
        self.loaded
            .iter()
            .zip(used)
            .filter(|(_, u)| !**u)
            .map(|(l, _)| match (&l.correction.claim, &l.correction.add) {
                (Some(id), _) => l.problem(
                    l.line_of(None, "claim"),
                    "unknown-claim",
                    format!("no claim {id} in this dataset; the extractor may have changed it"),
                    "find the claim's current id with `claimset search`, or remove the correction",
                ),
                (None, Some(a)) => l.problem(
                    l.line_of(Some("add"), "article"),
                    "unknown-article",
                    format!("no article `{}` in this dataset", a.article),
                    "use the article id from the articles table",
                ),
                (None, None) => l.problem(None, "unused", "correction was not applied".into(), ""),
            })
            .collect()
    }

    /// Applies the corrections that concern `article` to its extracted claims.
    pub fn apply(&self, article: &Article, mut claims: Vec<ClaimRecord>) -> Applied {
        let mut applied = Applied::default();
        if self.is_empty() {
            applied.claims = claims;
            return applied;
        }
        let mut keep = vec![true; claims.len()];
        for (i, claim) in claims.iter_mut().enumerate() {
            let Some(ks) = self.by_claim.get(&claim.claim_id) else {
                continue;
            };
            for &k in ks {
                applied.used.push(k);
                if self.loaded[k].faulty {
                    continue;
                }
                let c = &self.loaded[k].correction;
                match c.action {
                    Action::Set => {
                        if let Some(s) = &c.set {
                            set_fields(claim, s);
                        }
                    }
                    Action::Verdict => {
                        if let Some(v) = &c.verdict {
                            claim.verification_status = v.status;
                            claim.verdict_label = Some(v.label.clone());
                            claim.reviewed_by = Some(v.reviewed_by.clone());
                            claim.review_url = Some(v.url.clone());
                            claim.review_date = Some(v.date);
                            claim.origin = Origin::Corrected;
                        }
                    }
                    Action::Reject => {
                        keep[i] = false;
                        applied
                            .rejected
                            .push((claim.claim_id.clone(), c.reason.clone()));
                    }
                    Action::Add => {}
                }
            }
        }
        let mut out: Vec<ClaimRecord> = claims
            .into_iter()
            .zip(keep)
            .filter_map(|(c, k)| k.then_some(c))
            .collect();
        if let Some(ks) = self.by_article.get(&article.id) {
            for &k in ks {
                applied.used.push(k);
                let l = &self.loaded[k];
                match new_claim(article, l) {
                    Ok(_) if l.faulty => {}
                    Ok(rec) => {
                        if let Some(existing) = out
                            .iter()
                            .find(|c| c.span_start == rec.span_start && c.span_end == rec.span_end)
                        {
                            applied.problems.push(l.problem(
                                l.line_of(Some("add"), "text"),
                                "already-extracted",
                                format!("this span is already claim {}", existing.claim_id),
                                "correct that claim with action = \"set\" instead",
                            ));
                        } else {
                            out.push(rec);
                        }
                    }
                    Err(p) => applied.problems.push(*p),
                }
            }
        }
        out.sort_by_key(|c| (c.span_start, c.span_end));
        applied.claims = out;
        applied
    }
}

/// Deserialization messages, with what a valid value looks like where the parser's own words
/// do not say (chrono's date errors).
fn explain_toml_error(message: &str) -> String {
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
    match c.action {
        Action::Reject => out.push(("(rejected)", String::from("rejected"))),
        Action::Verdict => {
            if let Some(v) = &c.verdict {
                out.push(("verification_status", format!("{:?}", v.status)));
                out.push(("verdict_label", format!("{:?}", v.label)));
            }
        }
        Action::Set => {
            if let Some(s) = &c.set {
                let json = serde_json::to_value(s).expect("fields serialize");
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
        }
        Action::Add => {}
    }
    out
}

fn set_fields(claim: &mut ClaimRecord, s: &SetFields) {
    if let Some(v) = &s.claim_text {
        claim.claim_text.clone_from(v);
    }
    if let Some(v) = s.quote_type {
        claim.quote_type = v;
    }
    if let Some(v) = &s.claimant {
        claim.claimant = Some(v.clone());
    }
    if let Some(v) = &s.claimant_mention {
        claim.claimant_mention = Some(v.clone());
    }
    if let Some(v) = &s.claimant_title {
        claim.claimant_title = Some(v.clone());
    }
    if let Some(v) = s.claimant_type {
        claim.claimant_type = v;
    }
    if let Some(v) = &s.cue {
        claim.cue.clone_from(v);
    }
    if let Some(v) = s.claim_date {
        claim.claim_date = v;
        claim.claim_date_basis = DateBasis::Text;
        claim.claim_date_precision = s.claim_date_precision.unwrap_or(DatePrecision::Day);
    } else if let Some(p) = s.claim_date_precision {
        claim.claim_date_precision = p;
    }
    for c in &s.clear {
        match c {
            Clearable::Claimant => claim.claimant = None,
            Clearable::ClaimantMention => claim.claimant_mention = None,
            Clearable::ClaimantTitle => claim.claimant_title = None,
        }
    }
    claim.origin = Origin::Corrected;
}

/// The record of an added claim: its span found from its text in the article body.
fn new_claim(article: &Article, l: &Loaded) -> Result<ClaimRecord, Box<Problem>> {
    let a = l
        .correction
        .add
        .as_ref()
        .expect("add corrections have [add]");
    let starts: Vec<usize> = article
        .body
        .match_indices(&a.text)
        .map(|(k, _)| k)
        .collect();
    let line = l.line_of(Some("add"), "text");
    let at = match (starts.len(), a.occurrence) {
        (0, _) => {
            return Err(Box::new(l.problem(
                line,
                "text-not-found",
                format!("`{}` does not appear in article `{}`", a.text, a.article),
                "copy the text exactly from the article body (same spelling, quotes and spaces)",
            )));
        }
        (1, None | Some(1)) => starts[0],
        (n, None) => {
            return Err(Box::new(l.problem(
                line,
                "text-ambiguous",
                format!("the text appears {n} times in article `{}`", a.article),
                "add occurrence = N to say which (1 for the first)",
            )));
        }
        (n, Some(k)) if k as usize > n => {
            return Err(Box::new(l.problem(
                l.line_of(Some("add"), "occurrence"),
                "occurrence-out-of-range",
                format!("occurrence {k}, but the text appears {n} times"),
                "use an occurrence between 1 and the number of times the text appears",
            )));
        }
        (_, Some(k)) => starts[k as usize - 1],
    };
    let end = at + a.text.len();
    let span_start = article.body[..at].chars().count() as u32;
    let span_end = span_start + a.text.chars().count() as u32;
    let claim_id =
        crate::extract::claim_id(&article.id, span_start, span_end, &article.body[at..end]);
    Ok(ClaimRecord {
        claim_id,
        claim_text: a
            .claim_text
            .clone()
            .unwrap_or_else(|| a.text.split_whitespace().collect::<Vec<_>>().join(" ")),
        quote_type: a.quote_type,
        claimant: a.claimant.clone(),
        claimant_mention: a.claimant_mention.clone(),
        claimant_title: a.claimant_title.clone(),
        claimant_type: a.claimant_type,
        cue: a.cue.clone(),
        claim_date: a.claim_date.unwrap_or(article.date),
        claim_date_basis: if a.claim_date.is_some() {
            DateBasis::Text
        } else {
            DateBasis::Article
        },
        claim_date_precision: a.claim_date_precision.unwrap_or(DatePrecision::Day),
        article_id: article.id.clone(),
        article_title: article.title.clone(),
        article_date: article.date,
        source_url: article.url.clone(),
        publisher: article.publisher.clone(),
        span_start,
        span_end,
        verification_status: VerificationStatus::Unverified,
        verdict_label: None,
        reviewed_by: None,
        review_url: None,
        review_date: None,
        origin: Origin::Added,
    })
}

/// Problems within one file: the action's table present (and only it), the claim named when
/// it must be, a real verdict, a web address for the review, a canonical form and name.
fn check_one(l: &Loaded) -> Vec<Problem> {
    let c = &l.correction;
    let mut out = Vec::new();
    let action_line = l.line_of(None, "action");
    let needs_claim = c.action != Action::Add;
    match (&c.claim, needs_claim) {
        (None, true) => out.push(l.problem(
            action_line,
            "missing-claim",
            format!(
                "a `{}` correction names the claim it corrects",
                action_name(c.action)
            ),
            "add claim = \"c…\" with the claim's id",
        )),
        (Some(_), false) => out.push(l.problem(
            l.line_of(None, "claim"),
            "claim-with-add",
            "an `add` correction creates a claim; it does not name one".into(),
            "remove claim = …; the new claim's id is computed from its span",
        )),
        _ => {}
    }
    let tables = [
        ("set", c.set.is_some(), Action::Set),
        ("verdict", c.verdict.is_some(), Action::Verdict),
        ("add", c.add.is_some(), Action::Add),
    ];
    for (name, present, action) in tables {
        if present && c.action != action {
            out.push(
                l.problem(
                    l.text
                        .lines()
                        .position(|x| x.trim() == format!("[{name}]"))
                        .map(|k| k as u64 + 1),
                    "table-mismatch",
                    format!(
                        "[{name}] does not belong to a `{}` correction",
                        action_name(c.action)
                    ),
                    "keep only the table of the correction's action",
                ),
            );
        }
        if !present && c.action == action {
            out.push(l.problem(
                action_line,
                "missing-table",
                format!("a `{name}` correction needs a [{name}] table"),
                "add the table with the values to apply (see schema/correction.schema.json)",
            ));
        }
    }
    if c.reason.trim().is_empty() {
        out.push(l.problem(
            l.line_of(None, "reason"),
            "missing-reason",
            "the reason is empty".into(),
            "say what was wrong, so reviewers can check the fix",
        ));
    }
    if let Some(id) = &c.claim
        && !(id.len() == 17
            && id.starts_with('c')
            && id[1..]
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b)))
    {
        out.push(l.problem(
            l.line_of(None, "claim"),
            "claim-id-format",
            format!("`{id}` is not a claim id"),
            "claim ids are `c` and 16 lowercase hex digits, as in the release",
        ));
    }
    if let Some(s) = &c.set
        && *s == SetFields::default()
    {
        out.push(
            l.problem(
                l.text
                    .lines()
                    .position(|x| x.trim() == "[set]")
                    .map(|k| k as u64 + 1),
                "empty-set",
                "[set] changes nothing".into(),
                "give at least one field to set",
            ),
        );
    }
    if let Some(v) = &c.verdict {
        if v.status == VerificationStatus::Unverified {
            out.push(l.problem(
                l.line_of(Some("verdict"), "status"),
                "verdict-unverified",
                "a verdict cannot be `unverified`".into(),
                "use the reviewer's verdict on the fixed scale (true … false, misleading, …)",
            ));
        }
        if crate::extract::article::publisher(&v.url).is_none() {
            out.push(l.problem(
                l.line_of(Some("verdict"), "url"),
                "verdict-url",
                format!("`{}` is not an absolute http(s) URL", v.url),
                "give the address of the fact-check article",
            ));
        }
    }
    let canonical = c.to_canonical();
    if l.text != canonical {
        out.push(l.problem(
            None,
            "canonical-form",
            "the file is not in canonical form".into(),
            "rewrite it with `claimset correct --canonical FILE` (field order, quoting, no comments)",
        ));
    }
    // `<claim>-<action>.toml`, or `<claim>-<action>-<anything>.toml` for a second one;
    // `add-<article>-….toml` for an added claim.
    let expected = c.file_name();
    let actual = l.file.rsplit('/').next().unwrap_or(&l.file);
    let prefix = match (&c.claim, &c.add) {
        (Some(id), _) => format!("{id}-{}", action_name(c.action)),
        (None, Some(a)) => format!("add-{}", a.article),
        (None, None) => action_name(c.action).to_owned(),
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
