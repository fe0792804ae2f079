//! Bounded work: what one input may cost is capped, with a clear rejection, and a stream
//! that never ends a line is not read for ever.

use std::process::Command;

/// `extract -` on an endless stream without a line end once never finished.
#[test]
fn a_stream_that_never_ends_a_line_is_bounded() {
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "tr '\\000' a < /dev/zero | '{}' extract -",
            env!("CARGO_BIN_EXE_claimset")
        ))
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("<stdin>:1: a line longer than") && stderr.contains("no end in sight"),
        "{stderr}"
    );
}

/// An article over the cap is rejected with the cap in the message, and the run goes on.
#[test]
fn an_article_over_the_size_cap_costs_one_article() {
    let dir = tempfile::tempdir().expect("temp");
    let mut big = String::from("Title\n20230301\nhttps://news.example.com/a\n");
    while big.len() <= claimset::MAX_ARTICLE_BYTES {
        big.push_str("\"Yes,\" he said, ");
    }
    std::fs::write(dir.path().join("big.txt"), big).expect("write");
    std::fs::write(
        dir.path().join("small.txt"),
        "Title\n20230301\nhttps://news.example.com/b\n\"We will win,\" the general said.\n",
    )
    .expect("write");
    let line = serde_json::json!({"id": "j", "date": "2023-03-01", "url": "https://news.example.com/c",
        "text": "x".repeat(claimset::MAX_ARTICLE_BYTES)});
    std::fs::write(dir.path().join("feed.jsonl"), format!("{line}\n")).expect("write");
    let run = crate::common::claimset(
        dir.path(),
        &["extract", "big.txt", "feed.jsonl", "small.txt"],
        b"",
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 1, "the small article's claim");
    assert!(
        run.stderr.contains(
            "rejected: big.txt: article `big`: larger than 512 KiB, the most one article may \
             be (what extraction may cost is capped): split it, or check"
        ) && run
            .stderr
            .contains("rejected: feed.jsonl:1: larger than 512 KiB"),
        "{}",
        run.stderr
    );
}
