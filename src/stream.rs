//! The streaming runner: extraction over a corpus: read on one thread, parse and extract on all cores,
//! hand results on in input order, holding only a few batches of articles at a time.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::{Mutex, mpsc};

use serde::Serialize;
use sha2::{Digest, Sha256};

use crate::error::Error;
use crate::record::{ArticleRow, ArticleStatus, ClaimRecord};

use crate::input::{Article, Input, Item, Location, Meter, Raw, Reader, Reason, Rejection};

/// How to run.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Worker threads; 0 uses every core.
    pub jobs: usize,
    /// Where to count progress, for a caller that shows it.
    pub meter: Option<Arc<Meter>>,
}

/// What became of one input, in input order.
#[derive(Debug)]
pub enum Outcome {
    /// A valid article and its claims (possibly none).
    Extracted {
        /// The article, body included, for a caller that describes it.
        article: Article,
        /// Its claims, in body order.
        claims: Vec<ClaimRecord>,
    },
    /// An input rejected with a reason.
    Rejected(Rejection),
    /// A file in a directory that is not named like an article file.
    Skipped(PathBuf),
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

    fn add(&mut self, t: Tally) {
        match t {
            Tally::Extracted { claims: 0 } => self.without_claims += 1,
            Tally::Extracted { claims } => {
                self.with_claims += 1;
                self.claims += claims as u64;
            }
            Tally::Rejected(code) => *self.rejected.entry(code).or_default() += 1,
            Tally::Skipped(p) => self.skipped.push(p),
        }
    }
}

/// What an outcome adds to the [`Summary`], taken before the outcome is handed on.
enum Tally {
    Extracted { claims: usize },
    Rejected(&'static str),
    Skipped(PathBuf),
}

impl Tally {
    fn of(o: &Outcome) -> Self {
        match o {
            Outcome::Extracted { claims, .. } => Tally::Extracted {
                claims: claims.len(),
            },
            Outcome::Rejected(r) => Tally::Rejected(r.reason.code()),
            Outcome::Skipped(p) => Tally::Skipped(p.clone()),
        }
    }
}

/// Articles per batch handed to the workers, and body bytes at which a batch is cut early.
const BATCH_ITEMS: usize = 64;
const BATCH_BYTES: usize = 16 << 20;

/// Reads `inputs`, extracts claims from every article, and hands each outcome to `deliver`
/// in input order, after `prepare` has made it ready on a worker thread. `prepare` is where
/// per-article work that does not depend on order belongs — serialising the claims, say —
/// so that it is spread over every core rather than left to the one thread that delivers.
/// Fails only when it cannot run: an input that does not exist, threads that cannot start,
/// or `deliver` failing.
pub fn run<P: Send>(
    inputs: &[Input],
    options: &Options,
    prepare: impl Fn(Outcome) -> P + Sync,
    mut deliver: impl FnMut(P) -> Result<(), Error>,
) -> Result<Summary, Error> {
    let mut summary = Summary::default();
    for_each_ordered(
        inputs,
        options,
        |item| {
            let o = outcome(item);
            (Tally::of(&o), prepare(o))
        },
        |(tally, prepared)| {
            summary.add(tally);
            deliver(prepared)
        },
    )?;
    Ok(summary)
}

/// The engine under every corpus run: reads `inputs` on one thread, parses every input and
/// applies `process` to it on `options.jobs` worker threads, and hands the results to
/// `deliver` in input order, holding only a few batches at a time. Output therefore never
/// depends on the number of threads.
///
/// The reading thread only opens, decompresses and splits; everything that costs per
/// article happens on the workers, so that more cores keep paying off. Batches are
/// independent jobs, not rounds: a worker that finishes one batch takes the next while
/// another finishes its own, and results wait in a small reorder buffer for their turn.
/// Reading, processing and delivery (writing, compressing) overlap. A fixed number of
/// batches is in flight at once, which bounds memory. Workers are plain threads that sleep
/// on a channel when there is nothing to do: on a machine with as many workers as cores,
/// a pool whose idle threads spin would take the cores the reader and the writer need.
///
/// Duplicate ids are caught at delivery, where every earlier article is known: the result
/// for a duplicate is dropped and `process` is given its rejection instead.
pub fn for_each_ordered<T: Send>(
    inputs: &[Input],
    options: &Options,
    process: impl Fn(Item) -> T + Sync,
    mut deliver: impl FnMut(T) -> Result<(), Error>,
) -> Result<(), Error> {
    let meter = options.meter.clone();
    let (source, mut seen) = Reader::new(inputs)?.metered(meter.clone()).into_parts();
    let workers = match options.jobs {
        0 => std::thread::available_parallelism().map_or(1, usize::from),
        n => n,
    };
    // Batches read, being processed, or processed and waiting for their turn: enough that a
    // worker always finds one, few enough to keep memory flat.
    let in_flight = 2 * workers + 2;
    let (batches, read) = mpsc::sync_channel::<(usize, Vec<Raw>)>(in_flight);
    let read = Mutex::new(read);
    // Each result batch travels with its sequence number and, for the meter, how many
    // inputs it held and their bytes of body text.
    let (results, processed) = mpsc::channel::<(usize, Vec<Processed<T>>, usize, usize)>();
    // One token per batch in flight: taken to read a batch, given back once it is delivered.
    let (free, slots) = mpsc::sync_channel::<()>(in_flight);
    for _ in 0..in_flight {
        free.send(()).expect("the token channel holds every token");
    }
    std::thread::scope(|scope| {
        std::thread::Builder::new()
            .name("claimset-read".into())
            .spawn_scoped(scope, move || {
                let mut source = source.peekable();
                for seq in 0.. {
                    // No token: delivery stopped. Returning drops `batches`, which stops
                    // the workers.
                    if source.peek().is_none() || slots.recv().is_err() {
                        return;
                    }
                    let mut batch = Vec::with_capacity(BATCH_ITEMS);
                    let mut bytes = 0;
                    for raw in source.by_ref() {
                        bytes += raw.len();
                        batch.push(raw);
                        if batch.len() >= BATCH_ITEMS || bytes >= BATCH_BYTES {
                            break;
                        }
                    }
                    if batches.send((seq, batch)).is_err() {
                        return;
                    }
                }
            })
            .map_err(Error::Spawn)?;
        for w in 0..workers {
            let (read, results, process) = (&read, results.clone(), &process);
            std::thread::Builder::new()
                .name(format!("claimset-extract-{w}"))
                .spawn_scoped(scope, move || {
                    loop {
                        // The lock is held only to take a batch off the channel.
                        let next = read
                            .lock()
                            .unwrap_or_else(std::sync::PoisonError::into_inner)
                            .recv();
                        let Ok((seq, batch)) = next else {
                            return;
                        };
                        let (mut inputs, mut text) = (0, 0);
                        let out: Vec<Processed<T>> = batch
                            .into_iter()
                            .map(|raw| {
                                let item = raw.parse();
                                let id = match &item {
                                    Item::Article(a) => {
                                        text += a.body.len();
                                        Some((a.id.clone(), a.location.clone()))
                                    }
                                    Item::Rejected(_) | Item::Skipped(_) => None,
                                };
                                inputs += usize::from(!matches!(item, Item::Skipped(_)));
                                Processed {
                                    id,
                                    result: process(item),
                                }
                            })
                            .collect();
                        // A closed channel means delivery failed; the result is moot.
                        if results.send((seq, out, inputs, text)).is_err() {
                            return;
                        }
                    }
                })
                .map_err(Error::Spawn)?;
        }
        drop(results);
        // Owned here, so that an early return (delivery failed) drops them before the scope
        // joins the threads: the reader then finds no token and the workers no batch.
        let (free, processed) = (free, processed);
        let mut waiting = BTreeMap::new();
        let mut next = 0;
        for (seq, out, inputs, text) in processed {
            waiting.insert(seq, (out, inputs, text));
            while let Some((out, inputs, text)) = waiting.remove(&next) {
                for Processed { id, result } in out {
                    let result = match id {
                        Some((id, location)) => match seen.first(&id, &location) {
                            Some(first) => process(Item::Rejected(Rejection {
                                location,
                                article_id: Some(id),
                                reason: Reason::DuplicateId { first },
                            })),
                            None => result,
                        },
                        None => result,
                    };
                    // Returning drops `processed` and `free`, which stops the stages before
                    // at their next send or token; the scope then waits for them.
                    deliver(result)?;
                }
                if let Some(m) = &meter {
                    m.done(inputs, text);
                }
                next += 1;
                // Fails only once the reader has ended, when no token is needed.
                let _ = free.send(());
            }
        }
        Ok(())
    })
}

/// A worker's result for one input, with the article's id and location for the duplicate
/// check at delivery.
struct Processed<T> {
    id: Option<(String, Location)>,
    result: T,
}

/// The claims of one article, or the reason extraction failed on it. A bug on one article
/// must not end a run over a million: a panic becomes an `internal_error` rejection.
pub fn extract_guarded(article: &crate::input::Article) -> Result<Vec<ClaimRecord>, Reason> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        crate::extract::claims(article)
    }))
    .map_err(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_owned());
        Reason::Internal(message)
    })
}

fn outcome(item: Item) -> Outcome {
    match item {
        Item::Article(a) => match extract_guarded(&a) {
            Ok(claims) => Outcome::Extracted { article: a, claims },
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

impl Outcome {
    /// The articles-table row of an article outcome, naming its file as read; `None` for a
    /// skipped file.
    pub fn row(&self) -> Option<ArticleRow> {
        match self {
            Outcome::Extracted { article, claims } => Some(ArticleRow::read(
                article,
                claims.len(),
                article.location.file.to_string(),
            )),
            Outcome::Rejected(r) => Some(ArticleRow::rejected(r, r.location.file.to_string())),
            Outcome::Skipped(_) => None,
        }
    }
}

impl ArticleRow {
    /// The row of an article read, with `claims` claims, from `source_file`.
    pub fn read(article: &Article, claims: usize, source_file: String) -> Self {
        ArticleRow {
            article_id: Some(article.id.clone()),
            status: ArticleStatus::Extracted,
            claims: i32::try_from(claims).unwrap_or(i32::MAX),
            article_title: article.title.clone(),
            article_date: Some(article.date),
            source_url: Some(article.url.clone()),
            publisher: Some(article.publisher.clone()),
            text_sha256: Some(crate::digest::hex(&Sha256::digest(article.body.as_bytes()))),
            source_file,
            source_line: article.location.line.map(line_number),
            reason_code: None,
            reason: None,
        }
    }

    /// The row of an input rejected, read from `source_file`.
    pub fn rejected(r: &Rejection, source_file: String) -> Self {
        ArticleRow {
            article_id: r.article_id.clone(),
            status: ArticleStatus::Rejected,
            claims: 0,
            article_title: None,
            article_date: None,
            source_url: None,
            publisher: None,
            text_sha256: None,
            source_file,
            source_line: r.location.line.map(line_number),
            reason_code: Some(r.reason.code().to_owned()),
            reason: Some(r.reason.to_string()),
        }
    }
}

/// A line number as the table's int32, which R and pandas read without loss.
fn line_number(line: u64) -> i32 {
    i32::try_from(line).unwrap_or(i32::MAX)
}
