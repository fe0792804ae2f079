//! Extraction time against article length on hostile bodies: `cargo bench --bench adversarial`.
//!
//! Each body repeats one construction (a frame, a quote, a transcript turn, a run with no full
//! stop …) up to sizes from 64 KiB to 2 MiB — past the 512 KiB an article may have, to show the
//! trend — and prints the median time of one-thread extraction at each size and the slope of
//! log(time) against log(size): 1 is linear, 2 quadratic. Rules that rescan the body or the
//! sentence for every token show up here as a slope near 2.

#![allow(clippy::print_stdout, clippy::cast_precision_loss)]

mod common;

use std::time::Duration;

use claimset::{Article, Location};

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const RUNS: usize = 5;
const SIZES: [usize; 6] = [64 << 10, 128 << 10, 256 << 10, 512 << 10, 1 << 20, 2 << 20];

/// One construction each, repeated: what a long transcript, a scraped page with no
/// punctuation, or a deliberately hostile contributor might send.
const BODIES: [(&str, &str); 16] = [
    ("short claims", "He said it is fine. "),
    ("one claim a paragraph", "He said it is fine.\n"),
    ("quote then frame, no full stop", "\"Yes,\" he said, "),
    ("frames with no full stop", "Smith said that "),
    ("according to, no full stop", "According to officials, "),
    ("quotation marks only", "\""),
    ("frameless quotes", "\"Yes.\" "),
    ("transcript turns", "SMITH: It is fine.\n"),
    (
        "names and appositives",
        "Mr. John Smith, the president of Acme, said ",
    ),
    (
        "full names then surnames",
        "John Smith said it is fine. Smith said it is good. ",
    ),
    ("dated frames", "On Monday, he said it is fine. "),
    (
        "relative clauses",
        "Gov. Smith, who said it is fine, said that we will win. ",
    ),
    ("joint speakers", "It is fine, he and she said. "),
    ("nested frames", "Smith told Jones that Brown said "),
    (
        "pronouns after pairs",
        "John Smith and Mary Jones met. She said it is fine. They said it is good. ",
    ),
    (
        "descriptions",
        "A senior official said it is fine. The spokesman said it is good. ",
    ),
];

fn main() {
    println!(
        "median of {RUNS} runs, one thread; slope = d log(time) / d log(size) from 64 KiB to 2 MiB"
    );
    let header: Vec<String> = SIZES.iter().map(|s| format!("{:>8}", kib(*s))).collect();
    println!(
        "{:<32} {}   slope  claims at 512 KiB",
        "body",
        header.join(" ")
    );
    for (name, unit) in BODIES {
        let mut times = Vec::new();
        let mut claims_at_cap = 0;
        for size in SIZES {
            let article = article(unit, size);
            let mut found = 0;
            times.push(common::median(RUNS, || {
                found = claimset::claims(&article).len();
            }));
            if size == claimset::MAX_ARTICLE_BYTES {
                claims_at_cap = found;
            }
        }
        let cells: Vec<String> = times.iter().map(|t| format!("{:>8}", ms(*t))).collect();
        println!(
            "{name:<32} {}   {:>5.2}  {claims_at_cap}",
            cells.join(" "),
            slope(&times)
        );
    }
}

fn article(unit: &str, size: usize) -> Article {
    let mut body = unit.repeat(size / unit.len() + 1);
    let mut end = size;
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    body.truncate(end);
    Article {
        id: "adversarial".into(),
        title: None,
        date: claimset::parse_date("20220301").expect("a date"),
        url: "https://example.com/adversarial".into(),
        publisher: "example.com".into(),
        body,
        location: Location {
            file: "adversarial".into(),
            line: None,
        },
    }
}

/// Least-squares slope of log(time) on log(size).
fn slope(times: &[Duration]) -> f64 {
    let points: Vec<(f64, f64)> = SIZES
        .iter()
        .zip(times)
        .map(|(s, t)| ((*s as f64).ln(), t.as_secs_f64().max(1e-6).ln()))
        .collect();
    let n = points.len() as f64;
    let (mx, my) = (
        points.iter().map(|p| p.0).sum::<f64>() / n,
        points.iter().map(|p| p.1).sum::<f64>() / n,
    );
    let cov: f64 = points.iter().map(|p| (p.0 - mx) * (p.1 - my)).sum();
    let var: f64 = points.iter().map(|p| (p.0 - mx).powi(2)).sum();
    cov / var
}

fn kib(bytes: usize) -> String {
    if bytes >= 1 << 20 {
        format!("{} MiB", bytes >> 20)
    } else {
        format!("{} KiB", bytes >> 10)
    }
}

fn ms(t: Duration) -> String {
    format!("{:.1} ms", t.as_secs_f64() * 1e3)
}
