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

#[cfg(test)]
mod tests {
    use std::path::Path;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    const CLAIM: &str =
        "Finance minister Ana Ruiz said on Monday that prices would fall next year.";
    const NO_CLAIM: &str = "The weather was mild and the market was quiet all week.";

    fn line(id: &str, body: &str) -> String {
        serde_json::json!({
            "id": id,
            "date": "2022-02-01",
            "url": format!("https://example.com/{id}"),
            "text": body,
        })
        .to_string()
    }

    fn corpus(dir: &Path, name: &str, lines: &[String]) -> Input {
        let path = dir.join(name);
        let mut text = lines.join("\n");
        text.push('\n');
        std::fs::write(&path, text).expect("write corpus");
        Input::Path(path)
    }

    fn ids(n: usize) -> Vec<String> {
        (0..n).map(|k| format!("a{k:04}")).collect()
    }

    fn options(jobs: usize) -> Options {
        Options { jobs, meter: None }
    }

    /// An outcome in a word: the article id, the reason code and id, or the skipped file.
    fn label(o: &Outcome) -> String {
        match o {
            Outcome::Extracted { article, .. } => article.id.clone(),
            Outcome::Rejected(r) => format!(
                "{}:{}",
                r.reason.code(),
                r.article_id.as_deref().unwrap_or("-")
            ),
            Outcome::Skipped(p) => format!("skipped:{}", p.display()),
        }
    }

    fn run_all(inputs: &[Input], jobs: usize) -> (Vec<Outcome>, Summary) {
        let mut out = Vec::new();
        let summary = run(
            inputs,
            &options(jobs),
            |o| o,
            |o| {
                out.push(o);
                Ok(())
            },
        )
        .expect("the run completes");
        (out, summary)
    }

    // The first batch is made the slowest, so that with several workers later batches are
    // done first and must wait in the reorder buffer for their turn.
    #[test]
    fn results_come_in_input_order_with_one_and_several_threads() {
        let dir = tempfile::tempdir().expect("temp dir");
        let expected = ids(5 * BATCH_ITEMS + 7);
        let lines: Vec<String> = expected.iter().map(|id| line(id, NO_CLAIM)).collect();
        let inputs = [corpus(dir.path(), "corpus.jsonl", &lines)];
        for jobs in [1, 2, 4] {
            let mut delivered = Vec::new();
            for_each_ordered(
                &inputs,
                &options(jobs),
                |item| match item {
                    Item::Article(a) => {
                        if a.location.line.is_some_and(|l| l <= BATCH_ITEMS as u64) {
                            std::thread::sleep(std::time::Duration::from_millis(1));
                        }
                        a.id
                    }
                    other => panic!("every line is an article, not {other:?}"),
                },
                |id| {
                    delivered.push(id);
                    Ok(())
                },
            )
            .expect("the run completes");
            assert_eq!(delivered, expected, "{jobs} threads");
        }
    }

    #[test]
    fn outcomes_and_summary_do_not_depend_on_the_number_of_threads() {
        let dir = tempfile::tempdir().expect("temp dir");
        let lines: Vec<String> = ids(2 * BATCH_ITEMS + 3)
            .iter()
            .enumerate()
            .map(|(k, id)| match k % 3 {
                0 => line(id, CLAIM),
                1 => line(id, NO_CLAIM),
                _ => line(id, ""),
            })
            .collect();
        let inputs = [corpus(dir.path(), "corpus.jsonl", &lines)];
        let (one, one_summary) = run_all(&inputs, 1);
        let (three, three_summary) = run_all(&inputs, 3);
        let labels = |os: &[Outcome]| os.iter().map(label).collect::<Vec<_>>();
        assert_eq!(labels(&one), labels(&three));
        assert_eq!(one_summary, three_summary);
        let claims = |os: &[Outcome]| -> Vec<Vec<ClaimRecord>> {
            os.iter()
                .map(|o| match o {
                    Outcome::Extracted { claims, .. } => claims.clone(),
                    _ => Vec::new(),
                })
                .collect()
        };
        assert_eq!(claims(&one), claims(&three));
        // The summary counts every outcome in exactly one place.
        let extracted: Vec<usize> = one
            .iter()
            .filter_map(|o| match o {
                Outcome::Extracted { claims, .. } => Some(claims.len()),
                _ => None,
            })
            .collect();
        let s = &one_summary;
        assert_eq!(s.read(), lines.len() as u64);
        assert_eq!(
            s.rejected,
            BTreeMap::from([("empty_body", (lines.len() / 3) as u64)])
        );
        assert_eq!(
            s.with_claims,
            extracted.iter().filter(|&&n| n > 0).count() as u64
        );
        assert_eq!(
            s.without_claims,
            extracted.iter().filter(|&&n| n == 0).count() as u64
        );
        assert_eq!(s.claims, extracted.iter().sum::<usize>() as u64);
        assert!(s.with_claims > 0 && s.without_claims > 0, "{s:?}");
    }

    #[test]
    fn a_failing_sink_stops_the_run_and_its_error_is_returned() {
        let dir = tempfile::tempdir().expect("temp dir");
        let lines: Vec<String> = ids(20 * BATCH_ITEMS)
            .iter()
            .map(|id| line(id, NO_CLAIM))
            .collect();
        let inputs = [corpus(dir.path(), "corpus.jsonl", &lines)];
        let jobs = 2;
        let processed = AtomicUsize::new(0);
        let mut delivered = Vec::new();
        let result = for_each_ordered(
            &inputs,
            &options(jobs),
            |item| {
                processed.fetch_add(1, Ordering::Relaxed);
                match item {
                    Item::Article(a) => a.id,
                    other => panic!("every line is an article, not {other:?}"),
                }
            },
            |id| {
                if delivered.len() == 10 {
                    return Err(Error::Version("the sink is full".into()));
                }
                delivered.push(id);
                Ok(())
            },
        );
        assert!(
            matches!(&result, Err(Error::Version(m)) if m == "the sink is full"),
            "{result:?}"
        );
        assert_eq!(delivered, ids(10));
        // No batch is delivered once the sink fails, so no token comes back: the reader stops
        // after the batches in flight instead of reading the whole corpus.
        let in_flight = 2 * jobs + 2;
        assert!(processed.into_inner() <= in_flight * BATCH_ITEMS);
    }

    #[test]
    fn run_returns_the_sink_error_too() {
        let dir = tempfile::tempdir().expect("temp dir");
        let lines: Vec<String> = ids(3).iter().map(|id| line(id, NO_CLAIM)).collect();
        let inputs = [corpus(dir.path(), "corpus.jsonl", &lines)];
        let mut calls = 0;
        let result = run(
            &inputs,
            &options(2),
            |o| label(&o),
            |_| {
                calls += 1;
                Err(Error::Version("no".into()))
            },
        );
        assert!(matches!(result, Err(Error::Version(_))), "{result:?}");
        assert_eq!(calls, 1);
    }

    #[test]
    fn empty_inputs_give_nothing_and_no_error() {
        let dir = tempfile::tempdir().expect("temp dir");
        let empty_file = corpus(dir.path(), "empty.jsonl", &[]);
        let empty_dir = dir.path().join("nothing");
        std::fs::create_dir(&empty_dir).expect("mkdir");
        for inputs in [
            vec![empty_file.clone()],
            vec![Input::Path(empty_dir), empty_file],
        ] {
            for jobs in [1, 3] {
                let mut calls = 0;
                let summary = run(
                    &inputs,
                    &options(jobs),
                    |o| o,
                    |_| {
                        calls += 1;
                        Ok(())
                    },
                )
                .expect("an empty run completes");
                assert_eq!(calls, 0);
                assert_eq!(summary, Summary::default());
            }
        }
    }

    #[test]
    fn a_missing_input_fails_before_anything_is_delivered() {
        let dir = tempfile::tempdir().expect("temp dir");
        let good = corpus(dir.path(), "good.jsonl", &[line("a1", NO_CLAIM)]);
        let missing = dir.path().join("missing.jsonl");
        let mut calls = 0;
        let result = run(
            &[good, Input::Path(missing.clone())],
            &options(1),
            |o| o,
            |_| {
                calls += 1;
                Ok(())
            },
        );
        assert!(matches!(&result, Err(Error::Input { path, .. }) if *path == missing));
        assert_eq!(calls, 0);
    }

    #[test]
    fn rejected_inputs_are_delivered_in_their_place() {
        let dir = tempfile::tempdir().expect("temp dir");
        let no_url = serde_json::json!({"id": "b", "date": "2022-02-01", "text": NO_CLAIM});
        let lines = [
            line("a1", CLAIM),
            no_url.to_string(),
            "{not json".to_owned(),
            line("a3", NO_CLAIM),
            line("a1", NO_CLAIM),
        ];
        let inputs = [corpus(dir.path(), "corpus.jsonl", &lines)];
        let (out, summary) = run_all(&inputs, 2);
        let labels: Vec<String> = out.iter().map(label).collect();
        assert_eq!(
            labels,
            [
                "a1",
                "missing_url:b",
                "malformed_json:-",
                "a3",
                "duplicate_id:a1"
            ]
        );
        let Outcome::Rejected(dup) = &out[4] else {
            unreachable!("checked above")
        };
        assert!(matches!(&dup.reason, Reason::DuplicateId { first } if first.line == Some(1)));
        assert_eq!(dup.location.line, Some(5));
        let row = out[4].row().expect("a rejection has a row");
        assert_eq!(row.status, ArticleStatus::Rejected);
        assert_eq!(row.article_id.as_deref(), Some("a1"));
        assert_eq!(row.reason_code.as_deref(), Some("duplicate_id"));
        assert_eq!(row.source_line, Some(5));
        assert_eq!(row.claims, 0);
        assert_eq!(summary.read(), 5);
        assert_eq!(summary.rejected_total(), 3);
        assert_eq!(
            summary.rejected,
            BTreeMap::from([
                ("duplicate_id", 1),
                ("malformed_json", 1),
                ("missing_url", 1)
            ])
        );
    }

    // Duplicates are caught at delivery, where every earlier article is known, even when the
    // first one was processed in another batch on another thread.
    #[test]
    fn a_duplicate_in_a_later_batch_replaces_its_result_with_a_rejection() {
        let dir = tempfile::tempdir().expect("temp dir");
        let mut expected = ids(3 * BATCH_ITEMS);
        let mut lines: Vec<String> = expected.iter().map(|id| line(id, NO_CLAIM)).collect();
        lines.push(line("a0001", NO_CLAIM));
        expected.push("rejected a0001 (duplicate_id, first at line 2)".to_owned());
        for jobs in [1, 3] {
            let inputs = [corpus(dir.path(), "corpus.jsonl", &lines)];
            let mut delivered = Vec::new();
            for_each_ordered(
                &inputs,
                &options(jobs),
                |item| match item {
                    Item::Article(a) => a.id,
                    Item::Rejected(Rejection {
                        article_id: Some(id),
                        reason:
                            Reason::DuplicateId {
                                first: Location { line, .. },
                            },
                        ..
                    }) => format!(
                        "rejected {id} (duplicate_id, first at line {})",
                        line.unwrap_or(0)
                    ),
                    other => panic!("unexpected {other:?}"),
                },
                |s| {
                    delivered.push(s);
                    Ok(())
                },
            )
            .expect("the run completes");
            assert_eq!(delivered, expected, "{jobs} threads");
        }
    }

    #[test]
    fn skipped_files_are_delivered_and_counted_apart() {
        let dir = tempfile::tempdir().expect("temp dir");
        let articles = dir.path().join("articles");
        std::fs::create_dir(&articles).expect("mkdir");
        corpus(
            &articles,
            "b.jsonl",
            &[line("b1", NO_CLAIM), line("b2", NO_CLAIM)],
        );
        std::fs::write(articles.join("notes.md"), "not an article").expect("write");
        let (out, summary) = run_all(&[Input::Path(articles.clone())], 2);
        let notes = articles.join("notes.md");
        let labels: Vec<String> = out.iter().map(label).collect();
        assert_eq!(
            labels,
            [
                "b1".to_owned(),
                "b2".to_owned(),
                format!("skipped:{}", notes.display())
            ]
        );
        assert!(out[2].row().is_none());
        assert_eq!(summary.skipped, [notes]);
        assert_eq!(summary.read(), 2);
    }

    #[test]
    fn an_article_row_describes_the_article_read() {
        let article = Article {
            id: "a1".into(),
            title: Some("A title".into()),
            date: chrono::NaiveDate::from_ymd_opt(2022, 2, 1).expect("a real day"),
            url: "https://example.com/a1".into(),
            publisher: "example.com".into(),
            body: "abc".into(),
            location: Location {
                file: Arc::from("corpus.jsonl"),
                line: Some(u64::from(u32::MAX) + 1),
            },
        };
        let row = ArticleRow::read(&article, usize::MAX, "articles/corpus.jsonl".into());
        assert_eq!(row.status, ArticleStatus::Extracted);
        assert_eq!(row.article_id.as_deref(), Some("a1"));
        assert_eq!(
            row.text_sha256.as_deref(),
            Some("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        );
        // Counts and lines beyond int32 are capped, not wrapped to negative numbers.
        assert_eq!(row.claims, i32::MAX);
        assert_eq!(row.source_line, Some(i32::MAX));
        assert_eq!(row.source_file, "articles/corpus.jsonl");
        assert_eq!((row.reason_code, row.reason), (None, None));
        let outcome = Outcome::Extracted {
            article,
            claims: Vec::new(),
        };
        let from_outcome = outcome.row().expect("an article has a row");
        assert_eq!(from_outcome.source_file, "corpus.jsonl");
        assert_eq!(from_outcome.claims, 0);
    }
}
