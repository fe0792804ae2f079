//! Inputs kept outside the repository: declared in dataset.toml by path or environment
//! variable, with their SHA-256 and a selection; read only when present and unchanged;
//! corrections and search need only the committed release. Made-up data, no corpus needed.

use std::path::{Path, PathBuf};
use std::process::Command;

use claimset::Dataset;

/// A copy of the fixture dataset and, when `with_corpus`, its corpus beside it where its
/// `path` points.
fn fixture(with_corpus: bool) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp");
    let src = crate::common::fixture("external");
    let root = tmp.path().join("us-slice");
    crate::common::copy_tree(&src.join("us-slice"), &root);
    if with_corpus {
        std::fs::copy(src.join("corpus.jsonl"), tmp.path().join("corpus.jsonl")).expect("copy");
    }
    (tmp, root)
}

/// Runs the binary in `dir` with `CLAIMSET_TEST_CORPUS` set to `corpus` (or unset).
fn run(dir: &Path, args: &[&str], corpus: Option<&Path>) -> crate::common::Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimset"));
    cmd.args(args)
        .current_dir(dir)
        .env_remove("CLAIMSET_TEST_CORPUS");
    if let Some(c) = corpus {
        cmd.env("CLAIMSET_TEST_CORPUS", c);
    }
    let out = cmd.output().expect("runs");
    crate::common::Run {
        code: out.status.code().expect("exits"),
        stdout: String::from_utf8(out.stdout).expect("utf-8"),
        stderr: String::from_utf8(out.stderr).expect("utf-8"),
    }
}

#[test]
fn a_release_reads_the_selected_slice_of_an_external_input() {
    let (_tmp, root) = fixture(true);
    let r = crate::integrity::publish(&root);
    assert_eq!(
        r.manifest.counts.articles, 3,
        "2020, one publisher: a2, a4, a6"
    );
    assert_eq!(r.manifest.counts.articles_rejected, 1);
    let reasons: Vec<String> = r.rejected_inputs.iter().map(ToString::to_string).collect();
    assert_eq!(
        reasons,
        [
            "corpus:6: article `a6`: the article has no body text: put it after line 3 of a text \
          article, or in \"text\" in JSON"
        ]
    );
    let mut ids = Vec::new();
    claimset::read_rows(
        &root.join("releases/1.0.0/articles.parquet"),
        claimset::article_columns(),
        |_, row| {
            ids.push(format!(
                "{} {}",
                row["article_id"].as_str().unwrap_or("-"),
                row["source_file"].as_str().unwrap_or("-")
            ));
            Ok(())
        },
    )
    .expect("rows");
    assert_eq!(ids, ["a2 corpus", "a4 corpus", "a6 corpus"]);
    let v = claimset::verify(&Dataset::open(&root).expect("dataset"), None, 1).expect("verify");
    assert!(v.passed() && v.reproduces(), "{}", v.to_text());
}

#[test]
fn an_environment_variable_points_to_the_input_from_anywhere() {
    let (tmp, root) = fixture(false);
    let elsewhere = tmp.path().join("far/away/allsides.jsonl");
    std::fs::create_dir_all(elsewhere.parent().expect("parent")).expect("mkdir");
    std::fs::copy(crate::common::fixture("external/corpus.jsonl"), &elsewhere).expect("copy");
    let out = run(tmp.path(), &["release", "us-slice", "-q"], Some(&elsewhere));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(root.join("releases/1.0.0/manifest.json").is_file());
}

/// A variable set to a path with no file there is reported, even when the declared path
/// would have found the file: the user meant another one.
#[test]
fn a_variable_naming_no_file_is_reported_not_passed_over() {
    let (tmp, _root) = fixture(true);
    let nowhere = tmp.path().join("no/such/corpus.jsonl");
    let out = run(tmp.path(), &["release", "us-slice"], Some(&nowhere));
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("looked for $CLAIMSET_TEST_CORPUS = `")
            && out.stderr.contains("no/such/corpus.jsonl`; get them"),
        "{}",
        out.stderr
    );
}

/// Without the corpus, `release` says what is missing and where it looked, and builds
/// nothing; `verify` checks the files and says it did not rebuild.
#[test]
fn without_its_input_a_release_builds_nothing_and_says_where_it_looked() {
    let (tmp, root) = fixture(true);
    crate::integrity::publish(&root);
    std::fs::remove_file(tmp.path().join("corpus.jsonl")).expect("rm");
    let out = run(
        tmp.path(),
        &["release", "us-slice", "--bump", "minor"],
        None,
    );
    assert_eq!(out.code, 2);
    assert_eq!(
        out.stderr.trim_end(),
        "error: `us-slice` reads inputs that are not here: `corpus`: looked for \
         $CLAIMSET_TEST_CORPUS (not set), then `us-slice/../corpus.jsonl`; get them, or set the \
         variable named, and run again (corrections and `claimset search` need only the \
         committed release)"
    );
    let left: Vec<_> = std::fs::read_dir(root.join("releases"))
        .expect("releases")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .filter(|name| name != claimset::LATEST)
        .collect();
    assert_eq!(left.len(), 1, "{left:?}");
    let out = run(tmp.path(), &["verify", "us-slice"], None);
    assert_eq!(out.code, 0, "{}", out.stdout);
    assert!(
        out.stdout.contains("every file is as its manifest says")
            && out.stdout.contains("not rebuilt: its inputs are not here"),
        "{}",
        out.stdout
    );
}

#[test]
fn an_input_that_is_not_the_declared_file_is_refused() {
    let (tmp, root) = fixture(true);
    let corpus = tmp.path().join("corpus.jsonl");
    let mut text = std::fs::read_to_string(&corpus).expect("read");
    text.push('\n');
    std::fs::write(&corpus, text).expect("write");
    let err = claimset::release(
        &Dataset::open(&root).expect("dataset"),
        &crate::integrity::options(claimset::Target::DryRun),
    )
    .expect_err("refused");
    assert!(
        err.to_string()
            .contains("but dataset.toml declares cd02c618fec036446f3c1ea73c5cd601a3da212ba0d76093f1862e43b04205e5"),
        "{err}"
    );
}

/// A contributor with no corpus finds a claim, writes a correction and checks it against
/// the committed release.
#[test]
fn corrections_and_search_need_only_the_committed_release() {
    let (tmp, root) = fixture(true);
    crate::integrity::publish(&root);
    std::fs::remove_file(tmp.path().join("corpus.jsonl")).expect("rm");
    let found = run(tmp.path(), &["search", "us-slice", "roads"], None);
    assert_eq!(found.code, 0, "{}", found.stderr);
    let id = found
        .stdout
        .split_whitespace()
        .next()
        .expect("an id")
        .to_owned();
    let out = run(
        tmp.path(),
        &[
            "correct",
            "us-slice",
            &id,
            "--set",
            "claimant_title=Governor",
            "--reason",
            "r",
        ],
        None,
    );
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = run(tmp.path(), &["validate", "us-slice"], None);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert!(
        out.stderr
            .contains("corrections were checked against the latest release"),
        "{}",
        out.stderr
    );
    // A reject names a claim the release does not hold — that is what it did — so without
    // the articles it cannot be told from a typo and is no problem; a change of a claim the
    // release lacks is one.
    std::fs::write(
        root.join("corrections/c0000000000000009-reject.toml"),
        "action = \"reject\"\nclaim = \"c0000000000000009\"\nreason = \"r\"\n",
    )
    .expect("write");
    let out = run(tmp.path(), &["validate", "us-slice"], None);
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    std::fs::write(
        root.join("corrections/c0000000000000008-set.toml"),
        "action = \"set\"\nclaim = \"c0000000000000008\"\nreason = \"r\"\n\n[set]\nclaimant_title = \"Governor\"\n",
    )
    .expect("write");
    let out = run(tmp.path(), &["validate", "us-slice"], None);
    assert_eq!(out.code, 1);
    assert!(
        out.stdout.contains("no claim has the id c0000000000000008"),
        "{}",
        out.stdout
    );
}

#[test]
fn a_declaration_that_cannot_work_is_refused_with_what_to_write() {
    let (_tmp, root) = fixture(true);
    let toml = std::fs::read_to_string(root.join("dataset.toml")).expect("read");
    let bad = toml
        .replace(
            "path = \"../corpus.jsonl\"",
            "path = \"/home/me/corpus.jsonl\"",
        )
        .replace("sha256 = \"cd02", "sha256 = \"CD02");
    std::fs::write(root.join("dataset.toml"), bad).expect("write");
    let err = Dataset::open(&root).expect_err("refused");
    insta::assert_snapshot!(err.to_string().rsplit("dataset.toml`: ").next().unwrap_or_default(), @"input `corpus`: path must be relative to the dataset folder, so that the dataset works wherever it is cloned; use env = \"VARIABLE\" for a path of this machine; input `corpus`: sha256 must be 64 lowercase hex digits (`sha256sum FILE`)");
}
