//! Extraction throughput: `cargo bench --bench extract`.
//!
//! Uses the first articles of `../shared/data/allsides.jsonl.zst` when that development
//! corpus is present (set `CLAIMSET_BENCH_CORPUS` to another JSON Lines file, `.zst` or
//! not), else the project's own fixtures repeated, and says which. Prints medians over
//! several runs, for extraction alone on one thread and for the whole pipeline (read,
//! decompress, extract, serialize) at 1 and 2 threads, with their ratio.

#![allow(clippy::print_stdout, clippy::cast_precision_loss)]

use std::io::Write;
use std::path::{Path, PathBuf};
mod common;

use std::time::Duration;

use claimset::{Article, ArticleOutcome as Outcome, Input, Item, Reader, RunOptions as Options};

// The allocator `claimset` itself uses, so that the figures are the command's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const RUNS: usize = 7;
const ARTICLES: usize = 3000;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (corpus, label) = corpus(root);
    let articles = load(&corpus);
    let bytes: usize = articles.iter().map(|a| a.body.len()).sum();
    println!(
        "corpus: {label}: {} articles, {:.1} MB of body text",
        articles.len(),
        bytes as f64 / 1e6
    );

    // Extraction alone, one thread, articles already in memory.
    let mut claims = 0;
    let extract = common::median(RUNS, || {
        claims = articles.iter().map(|a| claimset::claims(a).len()).sum();
    });
    report("extract only, 1 thread", extract, articles.len(), bytes);
    println!("  claims: {claims}");

    // The whole pipeline from a compressed file, as `claimset extract` runs it.
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("bench.jsonl.zst");
    write_corpus(&file, &articles);
    let one = common::median(RUNS, || pipeline(&file, 1));
    report("pipeline, 1 thread", one, articles.len(), bytes);
    let two = common::median(RUNS, || pipeline(&file, 2));
    report("pipeline, 2 threads", two, articles.len(), bytes);
    println!(
        "  2 threads / 1 thread speed-up: {:.2}x",
        one.as_secs_f64() / two.as_secs_f64()
    );
}

fn corpus(root: &Path) -> (PathBuf, String) {
    if let Some(p) = std::env::var_os("CLAIMSET_BENCH_CORPUS") {
        let p = PathBuf::from(p);
        let label = format!("{} (CLAIMSET_BENCH_CORPUS)", p.display());
        return (p, label);
    }
    let allsides = root.join("../shared/data/allsides.jsonl.zst");
    if allsides.exists() {
        return (allsides, format!("AllSides, first {ARTICLES} articles"));
    }
    (
        root.join("tests/fixtures"),
        "project fixtures repeated (../shared/data/allsides.jsonl.zst not found)".into(),
    )
}

/// Up to `ARTICLES` articles; fixtures are repeated (with fresh ids) to reach that many.
fn load(corpus: &Path) -> Vec<Article> {
    let read = |p: &Path| -> Vec<Article> {
        Reader::new(&[Input::Path(p.to_path_buf())])
            .expect("the corpus exists")
            .filter_map(|item| match item {
                Item::Article(a) => Some(a),
                _ => None,
            })
            .take(ARTICLES)
            .collect()
    };
    let mut articles = read(corpus);
    assert!(!articles.is_empty(), "no articles in {}", corpus.display());
    let base = articles.clone();
    let mut k = 0;
    while articles.len() < ARTICLES {
        let mut a = base[k % base.len()].clone();
        a.id = format!("{}-{k}", a.id);
        articles.push(a);
        k += 1;
    }
    articles
}

fn write_corpus(path: &Path, articles: &[Article]) {
    let file = std::fs::File::create(path).expect("create bench corpus");
    let mut z = zstd::Encoder::new(file, 3).expect("zstd").auto_finish();
    for a in articles {
        let line = serde_json::json!({
            "id": a.id, "title": a.title, "date": a.date.to_string(), "url": a.url, "text": a.body,
        });
        writeln!(z, "{line}").expect("write bench corpus");
    }
}

/// The whole pipeline, claims serialised on the workers as `claimset extract` does.
fn pipeline(file: &Path, jobs: usize) {
    claimset::run(
        &[Input::Path(file.to_path_buf())],
        &Options { jobs, meter: None },
        |o| {
            let mut out = Vec::new();
            if let Outcome::Extracted { claims, .. } = &o {
                for c in claims {
                    c.write_json_line(&mut out);
                }
            }
            out
        },
        |out| {
            std::hint::black_box(out);
            Ok(())
        },
    )
    .expect("the pipeline runs");
}

fn report(what: &str, t: Duration, articles: usize, bytes: usize) {
    let s = t.as_secs_f64();
    println!(
        "{what}: median {:.3} s over {RUNS} runs = {:.0} articles/s, {:.1} MB/s",
        s,
        articles as f64 / s,
        bytes as f64 / 1e6 / s
    );
}
