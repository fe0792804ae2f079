//! A dataset's published fact-checks in its release: the files of `reviews/` imported (every
//! rejection kept, with its file and line, never blocking the release), linked to the
//! release's claims once every claim is known, verdicts written into the records with their
//! provenance, and the links not applied written to `proposed-links.jsonl` for reviewers.
//!
//! Matching needs every claim before it can rank any (word rarity is counted over all of
//! them), so the claims of a dataset with reviews are spooled to a temporary file as they
//! stream by — only their text, claimant and date stay in memory — and read back in order to
//! be written with their verdicts.

use std::io::{BufRead, BufReader, BufWriter, Seek, Write};
use std::path::Path;

use rustc_hash::FxHashMap;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::curate::correction::LinkDecisions;
use crate::curate::{Corrections, Problem, RecordValidator};
use crate::dataset::Dataset;
use crate::error::Error;
use crate::record::{ClaimRecord, Origin, VerdictSource};
use crate::review::{ClaimQuery, Imported, Links, MatchOptions, Proposal, Rejection, ReviewRecord};

/// The file of a release that lists the links proposed but not applied.
pub const PROPOSED_LINKS: &str = "proposed-links.jsonl";

/// The reviews of a dataset, imported.
#[derive(Debug)]
pub(super) struct Reviews {
    imported: Imported,
}

impl Reviews {
    /// Imports every file of the dataset's `reviews/` in path order, named relative to the
    /// dataset. `None` when the folder holds no file and no correction decides on a link:
    /// such a release has no review, and no `proposed-links.jsonl`.
    pub(super) fn load(
        dataset: &Dataset,
        corrections: &Corrections,
    ) -> Result<Option<Self>, Error> {
        if dataset.review_files()?.is_empty() && corrections.link_decisions().is_empty() {
            return Ok(None);
        }
        Ok(Some(Reviews {
            imported: crate::review::import_dataset(dataset)?,
        }))
    }
}

/// The claims of a release on their way to the table, held back until they are linked.
pub(super) struct Spool {
    file: BufWriter<std::fs::File>,
    claims: Vec<ClaimQuery>,
    by_hand: Vec<bool>,
}

fn spool_error(source: std::io::Error) -> Error {
    Error::Write {
        path: std::env::temp_dir(),
        source,
    }
}

impl Spool {
    pub(super) fn new() -> Result<Self, Error> {
        Ok(Spool {
            file: BufWriter::new(tempfile::tempfile().map_err(spool_error)?),
            claims: Vec::new(),
            by_hand: Vec::new(),
        })
    }

    /// Holds one claim row back, noting what matching needs of it.
    pub(super) fn push(&mut self, row: &Map<String, Value>) -> Result<(), Error> {
        let text = |k: &str| row.get(k).and_then(Value::as_str).map(str::to_owned);
        self.claims.push(ClaimQuery {
            claim_id: text("claim_id").unwrap_or_default(),
            claim_text: text("claim_text").unwrap_or_default(),
            claimant: ClaimQuery::source(text("claimant"), text("claimant_title")),
            claim_date: text("claim_date")
                .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
        });
        self.by_hand
            .push(row.get("verdict_source").and_then(Value::as_str) == Some("correction"));
        serde_json::to_writer(&mut self.file, row).expect("rows serialize");
        self.file.write_all(b"\n").map_err(spool_error)
    }
}

/// What linking gave the release.
#[derive(Debug, Default)]
pub(super) struct Linked {
    /// Reviews imported.
    pub(super) reviews: u64,
    /// Reviews (or pieces of review files) that could not be imported.
    pub(super) rejected: Vec<Rejection>,
    /// Claims given a verdict by an automatic link.
    pub(super) automatic: u64,
    /// Claims given a verdict by a confirmed link.
    pub(super) confirmed: u64,
    /// Links proposed but not applied.
    pub(super) proposed: u64,
    /// Claims that became `corrected` by a confirmed link.
    pub(super) newly_corrected: u64,
    /// Problems of the corrections that decide on links.
    pub(super) problems: Vec<Problem>,
    /// SHA-256 over what was linked and proposed: tells a change of verdicts when the inputs
    /// did not change (a new verdict table or matcher).
    pub(super) digest: String,
}

/// The maintainers' decisions on links, checked: a decision naming a review the dataset does
/// not hold is a problem, and so is a confirmation that cannot be the claim's verdict (a
/// review published before the claim, or one without a whole verdict), which is then left
/// out. `claim_date` gives the date of a claim of the release by id (`None` for a claim the
/// release does not hold, whose correction is reported as unused elsewhere).
pub(super) fn checked_decisions(
    corrections: &Corrections,
    reviews: &[ReviewRecord],
    claim_date: impl Fn(&str) -> Option<Option<chrono::NaiveDate>>,
) -> (LinkDecisions, Vec<Problem>) {
    let index: FxHashMap<&str, usize> = reviews
        .iter()
        .enumerate()
        .map(|(k, r)| (r.review_id.as_str(), k))
        .collect();
    let mut problems = Vec::new();
    let mut decisions = corrections.link_decisions();
    for (k, review) in &decisions.named {
        if !index.contains_key(review.as_str()) {
            problems.push(corrections.unknown_review(*k));
        }
    }
    decisions.confirmed.retain(|claim, (review, k)| {
        let (Some(&r), Some(date)) = (index.get(review.as_str()), claim_date(claim)) else {
            return false;
        };
        let refused =
            date.and_then(|d| corrections.refuse_confirmation(*k, d, &reviews[r].facts()));
        match refused {
            Some(p) => {
                problems.push(p);
                false
            }
            None => true,
        }
    });
    (decisions, problems)
}

/// Checks the decisions on links against the dataset's reviews and the claims of its latest
/// release (`claims.parquet` in `release_dir`): what `validate` reports when the articles
/// are not at hand.
pub(super) fn check_against_release(
    dataset: &Dataset,
    corrections: &Corrections,
    release_dir: &Path,
) -> Result<Vec<Problem>, Error> {
    if corrections.link_decisions().is_empty() {
        return Ok(Vec::new());
    }
    let reviews = crate::review::import_dataset(dataset)?;
    let mut dates: FxHashMap<String, Option<chrono::NaiveDate>> = FxHashMap::default();
    crate::table::read_rows(
        &release_dir.join("claims.parquet"),
        crate::table::claim_columns(),
        |_, r| {
            let text = |k: &str| r.get(k).and_then(Value::as_str);
            if let Some(id) = text("claim_id") {
                let date = text("claim_date")
                    .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
                dates.insert(id.to_owned(), date);
            }
            Ok(())
        },
    )?;
    Ok(checked_decisions(corrections, &reviews.reviews, |id| dates.get(id).copied()).1)
}

/// Links the spooled claims to the reviews and hands every row, verdict applied, to `each`
/// in order; writes `proposed-links.jsonl` into `dir` when given.
pub(super) fn finish(
    spool: Spool,
    reviews: Reviews,
    corrections: &Corrections,
    validator: &RecordValidator,
    jobs: usize,
    dir: Option<&Path>,
    mut each: impl FnMut(Map<String, Value>) -> Result<(), Error>,
) -> Result<Linked, Error> {
    let Spool {
        file,
        claims,
        by_hand,
    } = spool;
    let reviews = reviews.imported;
    let mut out = Linked {
        reviews: reviews.reviews.len() as u64,
        rejected: reviews.rejections.clone(),
        ..Linked::default()
    };
    let position: FxHashMap<&str, usize> = claims
        .iter()
        .enumerate()
        .map(|(i, c)| (c.claim_id.as_str(), i))
        .collect();

    // A person's decisions, each checked against the reviews and its claim first.
    let (decisions, problems) = checked_decisions(corrections, &reviews.reviews, |id| {
        position.get(id).map(|&i| claims[i].claim_date)
    });
    out.problems = problems;

    let options = MatchOptions {
        jobs,
        ..MatchOptions::default()
    };
    let Links {
        applied,
        mut proposals,
    } = crate::review::link(&claims, &by_hand, &reviews.reviews, &decisions, &options);

    let mut digest = Sha256::new();
    let mut file = file.into_inner().map_err(|e| spool_error(e.into_error()))?;
    file.rewind().map_err(spool_error)?;
    let mut lines = BufReader::new(file).lines();
    for applied in applied {
        let line = lines
            .next()
            .unwrap_or_else(|| Ok(String::new()))
            .map_err(spool_error)?;
        let mut row: Map<String, Value> =
            serde_json::from_str(&line).expect("the spool holds the rows written to it");
        if let Some(a) = applied {
            let review = &reviews.reviews[a.review];
            let mut record: ClaimRecord = serde_json::from_value(Value::Object(row.clone()))
                .expect("spooled rows are records");
            let before = record.origin;
            review.apply_verdict(&mut record, a.source);
            let value = serde_json::to_value(&record).expect("records serialize");
            let violations = validator.check_value(&value);
            if violations.is_empty() {
                match a.source {
                    VerdictSource::Confirmed => out.confirmed += 1,
                    _ => out.automatic += 1,
                }
                if before == Origin::Extracted && record.origin == Origin::Corrected {
                    out.newly_corrected += 1;
                }
                digest.update(format!(
                    "{}\t{}\t{:?}\n",
                    record.claim_id, review.review_id, a.source
                ));
                let Value::Object(o) = value else {
                    unreachable!("a record is an object")
                };
                row = o;
            } else if let Some(p) = a.fallback {
                // A review the checks let through that still makes an invalid record: the
                // claim stays unverified, and the link is proposed with why.
                proposals.push(p);
            } else if let Some((_, k)) = decisions.confirmed.get(&record.claim_id) {
                let l = &corrections.loaded[*k];
                for v in violations {
                    out.problems.push(Problem::from_violation(
                        &l.file,
                        None,
                        Some(record.claim_id.clone()),
                        v,
                    ));
                }
            }
        }
        each(row)?;
    }
    proposals.sort_by_key(|p| (p.claim_index, p.rank));
    out.proposed = proposals.len() as u64;
    let text: String = proposals.iter().map(Proposal::to_json_line).collect();
    digest.update(text.as_bytes());
    out.digest = crate::digest::hex(&digest.finalize());
    if let Some(d) = dir {
        let path = d.join(PROPOSED_LINKS);
        std::fs::write(&path, text).map_err(|source| Error::Write { path, source })?;
    }
    Ok(out)
}
