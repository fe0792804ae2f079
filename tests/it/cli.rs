//! The `claimset extract` command as users run it: input formats, output files, exit codes,
//! and one test per kind of bad input, with the message it prints.

use std::io::Write;
use std::path::Path;

use crate::common::{Run, claimset};

const GOOD: &str = "Minister resigns\n20230301\nhttps://news.example.com/a\n\
                    \"I have lost the confidence of my colleagues,\" the minister told reporters.\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).expect("write fixture");
}

/// One JSON line per article, as crawlers write them.
fn json_line(id: &str, date: &str, url: &str, text: &str) -> String {
    serde_json::json!({"id": id, "title": "Minister resigns", "date": date, "url": url, "text": text})
        .to_string()
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(bytes).expect("gzip");
    e.finish().expect("gzip")
}

/// Runs `claimset extract` on one bad file and returns what it printed to stderr, after
/// checking that it rejected the input with exit code 1 and wrote no claims.
fn rejected(name: &str, bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), name, bytes);
    let run = claimset(dir.path(), &["extract", name], b"");
    assert_eq!(run.code, 1, "stderr: {}", run.stderr);
    assert_eq!(run.stdout, "");
    run.stderr
}

#[test]
fn rejects_an_article_without_a_date() {
    let stderr = rejected(
        "a.txt",
        b"Title\n\nhttps://news.example.com/a\nBody text here.\n",
    );
    insta::assert_snapshot!(stderr);
}

#[test]
fn rejects_an_impossible_date() {
    let stderr = rejected(
        "a.txt",
        b"Title\n20230230\nhttps://news.example.com/a\nBody.\n",
    );
    insta::assert_snapshot!(stderr);
}

#[test]
fn rejects_an_article_without_a_url() {
    let stderr = rejected("a.txt", b"Title\n20230301\n\nBody text here.\n");
    insta::assert_snapshot!(stderr);
}

#[test]
fn rejects_a_url_that_is_not_absolute_http() {
    let stderr = rejected("a.txt", b"Title\n20230301\nnews.example.com/a\nBody.\n");
    insta::assert_snapshot!(stderr);
}

#[test]
fn rejects_a_url_the_claim_schema_would_refuse() {
    // Seen in the AllSides corpus: a second `#` inside the fragment is not RFC 3986, so the
    // article is rejected on reading rather than its claims failing validation at release.
    let stderr = rejected(
        "a.txt",
        b"Title\n20230301\nhttps://news.example.com/a/#https://news.example.com/a/#\nBody.\n",
    );
    insta::assert_snapshot!(stderr);
}

#[test]
fn rejects_an_empty_body() {
    let stderr = rejected(
        "a.txt",
        b"Title\n20230301\nhttps://news.example.com/a\n\n  \n",
    );
    insta::assert_snapshot!(stderr);
}

#[test]
fn rejects_a_text_file_too_short_for_the_header() {
    let stderr = rejected("a.txt", b"Just a title\n");
    insta::assert_snapshot!(stderr);
}

#[test]
fn rejects_invalid_utf8_with_its_line() {
    let stderr = rejected(
        "latin1.txt",
        b"Title\n20230301\nhttps://news.example.com/a\nCaf\xe9 owners said prices rose.\n",
    );
    insta::assert_snapshot!(stderr);
}

#[test]
fn rejects_a_binary_file() {
    let stderr = rejected("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR");
    insta::assert_snapshot!(stderr);
}

#[test]
fn rejects_a_malformed_json_line_and_goes_on() {
    let dir = tempfile::tempdir().expect("temp dir");
    let good = json_line(
        "g1",
        "2023-03-01",
        "https://news.example.com/g",
        GOOD.lines().nth(3).expect("body"),
    );
    let lines = format!(
        "{good}\n{{\"id\": \"b1\", \"title\": \"T\",\n{}\n",
        json_line(
            "g2",
            "2023-03-02",
            "https://news.example.com/h",
            "No claims here."
        )
    );
    write(dir.path(), "feed.jsonl", lines.as_bytes());
    let run = claimset(dir.path(), &["extract", "feed.jsonl"], b"");
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout.lines().count(),
        1,
        "the good article's claim is written"
    );
    insta::assert_snapshot!(run.stderr);
}

#[test]
fn rejects_a_json_field_of_the_wrong_type() {
    let line = r#"{"id": "x", "title": "T", "date": 20230301, "url": "https://news.example.com/a", "text": "Body."}"#;
    let stderr = rejected("feed.jsonl", format!("{line}\n").as_bytes());
    insta::assert_snapshot!(stderr);
}

#[test]
fn rejects_a_json_line_that_is_not_an_object() {
    let stderr = rejected("feed.jsonl", b"[\"not\", \"an\", \"article\"]\n");
    insta::assert_snapshot!(stderr);
}

#[test]
fn rejects_a_duplicate_article_id() {
    let a = json_line(
        "same",
        "2023-03-01",
        "https://news.example.com/a",
        "Body one.",
    );
    let b = json_line(
        "same",
        "2023-03-02",
        "https://news.example.com/b",
        "Body two.",
    );
    let stderr = rejected("feed.jsonl", format!("{a}\n{b}\n").as_bytes());
    insta::assert_snapshot!(stderr);
}

#[test]
fn rejects_a_truncated_gzip_file() {
    let dir = tempfile::tempdir().expect("temp dir");
    let lines: String = (0..200)
        .map(|k| {
            json_line(
                &format!("a{k}"),
                "2023-03-01",
                "https://news.example.com/a",
                "Body.",
            ) + "\n"
        })
        .collect();
    let gz = gzip(lines.as_bytes());
    write(dir.path(), "feed.jsonl.gz", &gz[..gz.len() / 2]);
    let run = claimset(dir.path(), &["extract", "--quiet", "feed.jsonl.gz"], b"");
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("1 unreadable"), "{}", run.stderr);
}

#[test]
fn a_missing_input_cannot_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = claimset(dir.path(), &["extract", "no-such-dir"], b"");
    assert_eq!(run.code, 2);
    insta::assert_snapshot!(run.stderr);
}

#[test]
fn reads_text_json_lines_gzip_zstd_and_stdin_alike() {
    let dir = tempfile::tempdir().expect("temp dir");
    let body = GOOD.lines().nth(3).expect("body");
    let line = json_line("minister", "2023-03-01", "https://news.example.com/a", body) + "\n";
    write(dir.path(), "minister.txt", GOOD.as_bytes());
    write(dir.path(), "feed.jsonl", line.as_bytes());
    write(dir.path(), "feed.jsonl.gz", &gzip(line.as_bytes()));
    write(
        dir.path(),
        "feed.jsonl.zst",
        &zstd::encode_all(line.as_bytes(), 3).expect("zstd"),
    );
    let outputs: Vec<Run> = [
        claimset(dir.path(), &["extract", "minister.txt"], b""),
        claimset(dir.path(), &["extract", "feed.jsonl"], b""),
        claimset(dir.path(), &["extract", "feed.jsonl.gz"], b""),
        claimset(dir.path(), &["extract", "feed.jsonl.zst"], b""),
        claimset(dir.path(), &["extract", "-"], line.as_bytes()),
        claimset(dir.path(), &["extract", "-"], &gzip(line.as_bytes())),
    ]
    .into_iter()
    .collect();
    for run in &outputs {
        assert_eq!(run.code, 0, "{}", run.stderr);
        assert_eq!(run.stdout.lines().count(), 1);
        assert_eq!(run.stdout, outputs[0].stdout, "same article, same record");
    }
    let record: serde_json::Value = serde_json::from_str(&outputs[0].stdout).expect("JSON record");
    assert_eq!(
        record["claim_text"],
        "I have lost the confidence of my colleagues"
    );
    assert_eq!(record["publisher"], "news.example.com");
}

#[test]
fn output_file_and_articles_report_account_for_every_input() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).expect("mkdir");
    write(&corpus, "a-minister.txt", GOOD.as_bytes());
    write(
        &corpus,
        "b-quiet.txt",
        b"Quiet day\n20230302\nhttps://news.example.com/b\nNothing happened.\n",
    );
    write(
        &corpus,
        "c-broken.txt",
        b"Broken\nyesterday\nhttps://news.example.com/c\nBody.\n",
    );
    write(&corpus, "README.md", b"not an article");
    let run = claimset(
        dir.path(),
        &[
            "extract",
            "corpus",
            "-o",
            "claims.jsonl",
            "--articles",
            "articles.jsonl",
        ],
        b"",
    );
    assert_eq!(run.code, 1, "one input was rejected");
    assert_eq!(run.stdout, "", "claims go to the file");
    let claims = std::fs::read_to_string(dir.path().join("claims.jsonl")).expect("claims file");
    assert_eq!(claims.lines().count(), 1);
    let report = std::fs::read_to_string(dir.path().join("articles.jsonl")).expect("report");
    insta::assert_snapshot!("articles_report", report);
    insta::assert_snapshot!("articles_summary", run.stderr);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".tmp"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no temporary files left: {leftovers:?}"
    );
}

#[test]
fn output_is_byte_identical_across_runs_and_thread_counts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let fixtures = root.join("tests/fixtures");
    let dataset = root.join("datasets");
    let args = |jobs: &'static str| {
        vec![
            "extract".to_owned(),
            "--quiet".to_owned(),
            "-j".to_owned(),
            jobs.to_owned(),
            fixtures.display().to_string(),
            dataset.display().to_string(),
        ]
    };
    let run = |jobs| {
        let a = args(jobs);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        claimset(root, &a, b"").stdout
    };
    let first = run("1");
    assert!(first.lines().count() > 40);
    assert_eq!(first, run("1"));
    assert_eq!(first, run("4"));
}

#[test]
fn schema_command_prints_the_committed_schema() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = claimset(root, &["schema"], b"");
    assert_eq!(run.code, 0);
    let committed = std::fs::read_to_string(root.join("schema/claim.schema.json")).expect("schema");
    assert_eq!(run.stdout, committed);
}

#[test]
fn a_link_back_up_a_directory_is_not_followed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).expect("mkdir");
    write(&corpus, "a.txt", GOOD.as_bytes());
    std::os::unix::fs::symlink("..", corpus.join("loop")).expect("symlink");
    let run = claimset(dir.path(), &["extract", "corpus"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 1);
    assert!(run.stderr.contains("skipped 1 entry"), "{}", run.stderr);
}

#[test]
fn an_output_path_that_is_a_directory_cannot_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "a.txt", GOOD.as_bytes());
    std::fs::create_dir(dir.path().join("out")).expect("mkdir");
    let run = claimset(dir.path(), &["extract", "a.txt", "-o", "out"], b"");
    assert_eq!(run.code, 2);
    insta::assert_snapshot!(run.stderr);
}

/// `-o /dev/null` once renamed a plain file over the device (as root); a pipe stands in for
/// any path that is not a regular file, and must still be a pipe afterwards.
#[test]
fn an_output_that_is_a_pipe_is_written_in_place_not_replaced() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "a.txt", GOOD.as_bytes());
    let fifo = dir.path().join("pipe");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("run mkfifo");
    assert!(made.success());
    let reader = {
        let fifo = fifo.clone();
        std::thread::spawn(move || std::fs::read_to_string(fifo).expect("read the pipe"))
    };
    let run = claimset(dir.path(), &["extract", "a.txt", "-o", "pipe"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    // Checked before joining: a replaced pipe would leave the reader waiting for ever.
    let kind = std::fs::symlink_metadata(&fifo).expect("stat").file_type();
    assert!(
        std::os::unix::fs::FileTypeExt::is_fifo(&kind),
        "still a pipe"
    );
    let read = reader.join().expect("reader thread");
    assert_eq!(read.lines().count(), 1, "the claim went through the pipe");
}

#[test]
fn an_output_through_a_link_replaces_the_file_and_keeps_the_link() {
    let dir = tempfile::tempdir().expect("temp dir");
    write(dir.path(), "a.txt", GOOD.as_bytes());
    std::fs::create_dir(dir.path().join("store")).expect("mkdir");
    write(&dir.path().join("store"), "claims.jsonl", b"old\n");
    std::os::unix::fs::symlink("store/claims.jsonl", dir.path().join("latest.jsonl"))
        .expect("symlink");
    let run = claimset(dir.path(), &["extract", "a.txt", "-o", "latest.jsonl"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let link = dir.path().join("latest.jsonl");
    assert!(link.is_symlink(), "the link is kept");
    let written = std::fs::read_to_string(dir.path().join("store/claims.jsonl")).expect("read");
    assert!(written.contains("lost the confidence"), "{written}");
}

#[test]
fn rejects_utf16_text_with_what_to_do() {
    let mut bytes = vec![0xff, 0xfe];
    for unit in "Title\n20230301\nhttps://news.example.com/a\nBody.\n".encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let stderr = rejected("utf16.txt", &bytes);
    insta::assert_snapshot!(stderr);
}

#[test]
fn reads_json_lines_that_start_with_a_byte_order_mark() {
    let dir = tempfile::tempdir().expect("temp dir");
    let body = GOOD.lines().nth(3).expect("body");
    let line = json_line("m", "2023-03-01", "https://news.example.com/a", body);
    write(
        dir.path(),
        "feed.jsonl",
        format!("\u{feff}{line}\n").as_bytes(),
    );
    let run = claimset(dir.path(), &["extract", "feed.jsonl"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout.lines().count(), 1);
}

#[test]
fn release_dry_run_prints_the_changelog_entry_and_keeps_nothing() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let before = std::fs::read_dir(root.join("datasets/ukraine-crisis-2022/releases"))
        .expect("releases")
        .count();
    let run = claimset(
        root,
        &["release", "datasets/ukraine-crisis-2022", "--dry-run"],
        b"",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (summary, entry) = run.stdout.split_once("\n\n").expect("summary, then entry");
    assert!(summary.contains("dry run: nothing kept"), "{summary}");
    assert!(entry.starts_with("## "), "{entry}");
    let after = std::fs::read_dir(root.join("datasets/ukraine-crisis-2022/releases"))
        .expect("releases")
        .count();
    assert_eq!(before, after);
}

#[test]
fn diff_of_a_release_with_itself_changes_nothing() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let r = "datasets/ukraine-crisis-2022/releases/1.0.0";
    let run = claimset(root, &["diff", r, r], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "0 added, 0 removed, 0 changed, 14 unchanged.\n");
}
