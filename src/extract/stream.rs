//! Running extraction over a corpus: read on one thread, extract on all cores, hand results
//! to a [`Sink`] in input order, holding only a few batches of articles at a time.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::mpsc;

use rayon::prelude::*;
use serde::Serialize;

use crate::error::Error;
use crate::record::ClaimRecord;

use super::article::{Input, Item, Location, Reader, Reason, Rejection};

/// How to run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Worker threads; 0 uses every core.
    pub jobs: usize,
}

/// What became of one input, in input order.
#[derive(Debug)]
pub enum Outcome {
    /// A valid article and its claims (possibly none).
    Extracted {
        /// The article's id.
        article_id: String,
        /// Where it was read.
        location: Location,
        /// Its claims, in body order.
        claims: Vec<ClaimRecord>,
    },
    /// An input rejected with a reason.
    Rejected(Rejection),
    /// A file in a directory that is not named like an article file.
    Skipped(PathBuf),
}

/// Receives outcomes in input order; the caller decides how to show and store them.
pub trait Sink {
    /// Called once per outcome, in input order. An error stops the run.
    fn outcome(&mut self, outcome: &Outcome) -> Result<(), Error>;
}

/// Counts for a run: every input article is in exactly one of `with_claims`,
/// `without_claims` or `rejected`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Valid articles that gave at least one claim.
    pub with_claims: u64,
    /// Valid articles that gave none.
    pub without_claims: u64,
    /// Rejected inputs by reason code.
    pub rejected: BTreeMap<&'static str, u64>,
    /// Claims written.
    pub claims: u64,
    /// Files in directories left alone because of their names.
    pub skipped: Vec<PathBuf>,
}

impl Summary {
    /// Inputs read: valid articles and rejected ones.
    pub fn read(&self) -> u64 {
        self.with_claims + self.without_claims + self.rejected_total()
    }

    /// All rejected inputs.
    pub fn rejected_total(&self) -> u64 {
        self.rejected.values().sum()
    }

    fn add(&mut self, o: &Outcome) {
        match o {
            Outcome::Extracted { claims, .. } => {
                if claims.is_empty() {
                    self.without_claims += 1;
                } else {
                    self.with_claims += 1;
                }
                self.claims += claims.len() as u64;
            }
            Outcome::Rejected(r) => *self.rejected.entry(r.reason.code()).or_default() += 1,
            Outcome::Skipped(p) => self.skipped.push(p.clone()),
        }
    }
}

/// Articles per batch handed to the workers, and body bytes at which a batch is cut early.
const BATCH_ITEMS: usize = 256;
const BATCH_BYTES: usize = 16 << 20;

/// Reads `inputs`, extracts claims from every article, and passes each outcome to `sink`
/// in input order. Fails only when it cannot run: an input that does not exist, threads
/// that cannot start, or a sink that fails.
pub fn run(inputs: &[Input], options: Options, sink: &mut dyn Sink) -> Result<Summary, Error> {
    let mut summary = Summary::default();
    for_each_ordered(inputs, options, outcome, |o| {
        summary.add(&o);
        sink.outcome(&o)
    })?;
    Ok(summary)
}

/// The engine under every corpus run: reads `inputs` on one thread, applies `process` to
/// every item on all cores, and hands the results to `deliver` in input order, holding
/// only a few batches at a time. Output therefore never depends on the number of threads.
pub fn for_each_ordered<T: Send>(
    inputs: &[Input],
    options: Options,
    process: impl Fn(Item) -> T + Sync,
    mut deliver: impl FnMut(T) -> Result<(), Error>,
) -> Result<(), Error> {
    let reader = Reader::new(inputs)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs)
        .thread_name(|i| format!("claimset-extract-{i}"))
        .build()
        .map_err(Error::Threads)?;
    // Two batches in flight: one being processed, one being read.
    let (tx, rx) = mpsc::sync_channel::<Vec<Item>>(2);
    let reading = std::thread::Builder::new()
        .name("claimset-read".into())
        .spawn(move || {
            let mut batch = Vec::with_capacity(BATCH_ITEMS);
            let mut bytes = 0;
            for item in reader {
                if let Item::Article(a) = &item {
                    bytes += a.body.len();
                }
                batch.push(item);
                if batch.len() >= BATCH_ITEMS || bytes >= BATCH_BYTES {
                    if tx.send(std::mem::take(&mut batch)).is_err() {
                        return;
                    }
                    bytes = 0;
                }
            }
            if !batch.is_empty() {
                let _ = tx.send(batch);
            }
        })
        .map_err(Error::Spawn)?;

    let mut result = Ok(());
    'batches: for batch in &rx {
        let results: Vec<T> = pool.install(|| batch.into_par_iter().map(&process).collect());
        for r in results {
            if let Err(e) = deliver(r) {
                result = Err(e);
                break 'batches;
            }
        }
    }
    // Dropping the receiver stops the reader at its next send.
    drop(rx);
    let _ = reading.join();
    result
}

/// The claims of one article, or the reason extraction failed on it. A bug on one article
/// must not end a run over a million: a panic becomes an `internal_error` rejection.
pub fn extract_guarded(article: &super::Article) -> Result<Vec<ClaimRecord>, Reason> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| super::claims(article))).map_err(
        |panic| {
            let message = panic
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "unknown panic".to_owned());
            Reason::Internal(message)
        },
    )
}

fn outcome(item: Item) -> Outcome {
    match item {
        Item::Article(a) => match extract_guarded(&a) {
            Ok(claims) => Outcome::Extracted {
                claims,
                article_id: a.id,
                location: a.location,
            },
            Err(reason) => Outcome::Rejected(Rejection {
                location: a.location,
                article_id: Some(a.id),
                reason,
            }),
        },
        Item::Rejected(r) => Outcome::Rejected(r),
        Item::Skipped(p) => Outcome::Skipped(p),
    }
}

/// One line of the articles report: what became of an input article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ArticleReport<'a> {
    /// The article's id; null when the input was rejected before it had one.
    pub article_id: Option<&'a str>,
    /// The file it was read from.
    pub file: &'a str,
    /// Its line, for JSON Lines.
    pub line: Option<u64>,
    /// `extracted` or `rejected`.
    pub status: &'static str,
    /// How many claims it gave.
    pub claims: usize,
    /// Why it was rejected: a stable code.
    pub reason_code: Option<&'static str>,
    /// Why it was rejected, and what to do.
    pub reason: Option<String>,
}

impl Outcome {
    /// The report line for an article outcome; `None` for a skipped file.
    pub fn report(&self) -> Option<ArticleReport<'_>> {
        match self {
            Outcome::Extracted {
                article_id,
                location,
                claims,
            } => Some(ArticleReport {
                article_id: Some(article_id),
                file: &location.file,
                line: location.line,
                status: "extracted",
                claims: claims.len(),
                reason_code: None,
                reason: None,
            }),
            Outcome::Rejected(r) => Some(ArticleReport {
                article_id: r.article_id.as_deref(),
                file: &r.location.file,
                line: r.location.line,
                status: "rejected",
                claims: 0,
                reason_code: Some(r.reason.code()),
                reason: Some(r.reason.to_string()),
            }),
            Outcome::Skipped(_) => None,
        }
    }
}
