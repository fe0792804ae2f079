//! One pass over a dataset's articles: extraction, stable ids, corrections, validation, and
//! (when a folder is given) the two tables written into it — per article on the workers, in
//! input order at delivery. A dataset with reviews holds its claims back until all are known,
//! then links them ([`super::links`]) before they are written.

use std::path::Path;

use semver::Version;
use serde_json::{Map, Value};
use sha2::{Digest, Sha256};

use crate::curate::{Corrections, Problem, RecordValidator};
use crate::dataset::Dataset;
use crate::error::Error;
use crate::input::{Input, Item, Rejection};
use crate::record::{ArticleRow, Origin, SCHEMA_VERSION};
use crate::stream::{self, Options as StreamOptions, extract_guarded};
use crate::table::{TableWriter, article_columns, claim_columns};

use super::diff::{DiffBuilder, Previous};
use super::ids::inherit_ids;
use super::links::{Linked, Reviews, Spool};
use super::manifest::Counts;

/// Feeds serialized bytes straight into a digest, with no buffer between.
struct HashWriter<'a>(&'a mut Sha256);

impl std::io::Write for HashWriter<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.update(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The result of one pass over the articles.
pub(super) struct Built {
    pub(super) claims: Option<TableWriter>,
    pub(super) articles: Option<TableWriter>,
    pub(super) diff: DiffBuilder,
    pub(super) extraction: String,
    pub(super) counts: Counts,
    pub(super) problems: Vec<Problem>,
    pub(super) rejected_inputs: Vec<Rejection>,
    /// What linking the dataset's reviews gave; `None` for a dataset without reviews.
    pub(super) links: Option<Linked>,
}

impl Built {
    /// Closes both tables with the release's metadata.
    pub(super) fn finish(mut self, dataset: &Dataset, version: &Version) -> Result<Self, Error> {
        let common = |table: &str| {
            vec![
                ("claimset.dataset", dataset.name.clone()),
                ("claimset.version", version.to_string()),
                ("claimset.table", table.to_owned()),
                ("claimset.schema_version", SCHEMA_VERSION.to_owned()),
            ]
        };
        if let Some(w) = self.claims.take() {
            let mut kv = common("claims");
            kv.push((
                "claimset.schema_id",
                crate::schema::CLAIM_SCHEMA_ID.to_owned(),
            ));
            w.finish(&kv)?;
        }
        if let Some(w) = self.articles.take() {
            w.finish(&common("articles"))?;
        }
        Ok(self)
    }
}

/// What one article contributes, computed on a worker.
struct ArticleResult {
    row: ArticleRow,
    rows: Vec<Map<String, Value>>,
    digest: [u8; 32],
    used: Vec<usize>,
    rejected: Vec<(String, String)>,
    pub(super) problems: Vec<Problem>,
    corrected: u64,
    added: u64,
    rejection: Option<Rejection>,
}

/// One pass over the dataset's articles: extraction, stable ids, corrections, validation,
/// and (when `dir` is given) the two tables written into it.
pub(super) fn build(
    dataset: &Dataset,
    corrections: &Corrections,
    previous: Option<&Previous>,
    dir: Option<&Path>,
    run: &StreamOptions,
) -> Result<Built, Error> {
    let validator = RecordValidator::new();
    let empty = Previous::default();
    let previous = previous.unwrap_or(&empty);
    let mut built = Built {
        claims: match dir {
            Some(d) => Some(TableWriter::create(
                &d.join("claims.parquet"),
                claim_columns(),
            )?),
            None => None,
        },
        articles: match dir {
            Some(d) => Some(TableWriter::create(
                &d.join("articles.parquet"),
                article_columns(),
            )?),
            None => None,
        },
        diff: DiffBuilder::default(),
        extraction: String::new(),
        counts: Counts::default(),
        problems: Vec::new(),
        rejected_inputs: Vec::new(),
        links: None,
    };
    let reviews = Reviews::load(dataset, corrections)?;
    let mut spool = match reviews {
        Some(_) => Some(Spool::new()?),
        None => None,
    };
    // Located before anything is built: a missing or changed corpus stops the run here.
    // articles/ may be absent from a dataset whose articles are all external.
    let mut inputs = Vec::new();
    if dataset.articles_dir().exists() || dataset.metadata.inputs.is_empty() {
        inputs.push(Input::Named {
            path: dataset.articles_dir(),
            name: "articles".into(),
            select: None,
        });
    }
    for (input, path) in dataset.external_inputs()? {
        inputs.push(Input::Named {
            path,
            name: input.name.clone(),
            select: input.select.map(std::sync::Arc::new),
        });
    }
    let process = |item: Item| -> Option<ArticleResult> {
        match item {
            Item::Article(a) => {
                // Named relative to the dataset by the reader, wherever the dataset is.
                let file = a.location.file.to_string();
                let mut row = ArticleRow::read(&a, 0, file.clone());
                let mut claims = match extract_guarded(&a) {
                    Ok(c) => c,
                    Err(reason) => {
                        let r = Rejection {
                            location: a.location.clone(),
                            article_id: Some(a.id.clone()),
                            reason,
                        };
                        return Some(rejected_result(r));
                    }
                };
                inherit_ids(&mut claims, previous.spans(&a.id));
                let mut h = Sha256::new();
                for c in &claims {
                    serde_json::to_writer(HashWriter(&mut h), c).expect("records serialize");
                    h.update(b"\n");
                }
                let digest: [u8; 32] = h.finalize().into();
                let mut applied = corrections.apply(&a, claims);
                let mut problems = std::mem::take(&mut applied.problems);
                let mut rows = Vec::with_capacity(applied.claims.len());
                let (mut corrected, mut added) = (0, 0);
                for c in &applied.claims {
                    match c.origin {
                        Origin::Corrected => corrected += 1,
                        Origin::Added => added += 1,
                        Origin::Extracted => {}
                    }
                    let value = serde_json::to_value(c).expect("records serialize");
                    for v in validator.check_value(&value) {
                        // A value a correction wrote is reported where it was written.
                        let (at, line) = applied
                            .blame(corrections, &c.claim_id, &v.pointer)
                            .unwrap_or_else(|| (file.clone(), None));
                        problems.push(Problem::from_violation(
                            &at,
                            line,
                            Some(c.claim_id.clone()),
                            v,
                        ));
                    }
                    if let Value::Object(o) = value {
                        rows.push(o);
                    }
                }
                row.claims = i32::try_from(rows.len()).unwrap_or(i32::MAX);
                Some(ArticleResult {
                    row,
                    rows,
                    digest,
                    used: applied.used,
                    rejected: applied.rejected,
                    problems,
                    corrected,
                    added,
                    rejection: None,
                })
            }
            Item::Rejected(r) => Some(rejected_result(r)),
            // A file in articles/ not named like an article (a README) is not an input.
            Item::Skipped(_) => None,
        }
    };
    let mut used = vec![false; corrections.loaded.len()];
    let mut extraction = Sha256::new();
    stream::for_each_ordered(&inputs, run, process, |r| {
        let Some(r) = r else { return Ok(()) };
        built.counts.articles += 1;
        if let Some(rej) = r.rejection {
            built.counts.articles_rejected += 1;
            built.rejected_inputs.push(rej);
        }
        extraction.update(r.digest);
        for k in r.used {
            used[k] = true;
        }
        built.counts.claims += r.rows.len() as u64;
        built.counts.claims_corrected += r.corrected;
        built.counts.claims_added += r.added;
        built.counts.claims_rejected += r.rejected.len() as u64;
        built.diff.rejected(r.rejected);
        built.problems.extend(r.problems);
        if let Some(w) = &mut built.articles {
            let Value::Object(o) = serde_json::to_value(&r.row).expect("rows serialize") else {
                unreachable!("an article row is an object")
            };
            w.push(o)?;
        }
        for row in r.rows {
            if let Some(s) = &mut spool {
                s.push(&row)?;
                continue;
            }
            built.diff.observe(previous, &row);
            if let Some(w) = &mut built.claims {
                w.push(row)?;
            }
        }
        Ok(())
    })?;
    if let (Some(spool), Some(reviews)) = (spool, reviews) {
        let diff = &mut built.diff;
        let claims = &mut built.claims;
        let mut linked = super::links::finish(
            spool,
            reviews,
            corrections,
            &validator,
            run.jobs,
            dir,
            |row| {
                diff.observe(previous, &row);
                match claims {
                    Some(w) => w.push(row),
                    None => Ok(()),
                }
            },
        )?;
        built.counts.reviews = Some(super::manifest::ReviewCounts {
            imported: linked.reviews,
            rejected: linked.rejected.len() as u64,
            claims_linked: linked.automatic,
            claims_confirmed: linked.confirmed,
            links_proposed: linked.proposed,
        });
        built.counts.claims_corrected += linked.newly_corrected;
        built.problems.append(&mut linked.problems);
        built.links = Some(linked);
    }
    built.problems.extend(corrections.unused(&used));
    built.extraction = crate::digest::hex(&extraction.finalize());
    Ok(built)
}

fn rejected_result(r: Rejection) -> ArticleResult {
    let row = ArticleRow::rejected(&r, r.location.file.to_string());
    ArticleResult {
        row,
        rows: Vec::new(),
        digest: [0; 32],
        used: Vec::new(),
        rejected: Vec::new(),
        problems: Vec::new(),
        corrected: 0,
        added: 0,
        rejection: Some(r),
    }
}
