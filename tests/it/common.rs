//! Helpers shared by the integration tests: fixture paths, library extraction over paths,
//! and running the `claimset` binary.

#![allow(dead_code)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use claimset::ClaimRecord;
use claimset::{ArticleOutcome as Outcome, RunOptions as Options};
use claimset::{Input, Item};

pub(crate) fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

pub(crate) fn dataset_articles() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets/ukraine-crisis-2022/articles")
}

/// A copy of the shipped dataset's inputs (no releases, no corrections) in a temp folder.
pub(crate) fn dataset_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path().join("ukraine-crisis-2022");
    let src = dataset_articles();
    std::fs::create_dir_all(root.join("articles")).expect("mkdir");
    std::fs::copy(
        src.parent().expect("dataset").join("dataset.toml"),
        root.join("dataset.toml"),
    )
    .expect("copy metadata");
    for e in std::fs::read_dir(&src).expect("articles") {
        let e = e.expect("entry");
        std::fs::copy(e.path(), root.join("articles").join(e.file_name())).expect("copy article");
    }
    (tmp, root)
}

/// Every outcome of a run, in order.
/// Runs the library over `paths` with `jobs` threads.
pub(crate) fn run(paths: &[PathBuf], jobs: usize) -> Vec<Outcome> {
    let inputs: Vec<Input> = paths.iter().cloned().map(Input::Path).collect();
    let mut outcomes = Vec::new();
    claimset::run(
        &inputs,
        &Options { jobs, meter: None },
        |o| o,
        |o| {
            outcomes.push(o);
            Ok(())
        },
    )
    .expect("the run completes");
    outcomes
}

/// The claims extracted from `paths`, in output order.
pub(crate) fn extract_paths(paths: &[PathBuf]) -> Vec<ClaimRecord> {
    run(paths, 0)
        .into_iter()
        .flat_map(|o| match o {
            Outcome::Extracted { claims, .. } => claims,
            _ => Vec::new(),
        })
        .collect()
}

/// The articles (with bodies) read from `paths`.
pub(crate) fn articles(paths: &[PathBuf]) -> Vec<claimset::Article> {
    let inputs: Vec<Input> = paths.iter().cloned().map(Input::Path).collect();
    claimset::Reader::new(&inputs)
        .expect("inputs exist")
        .filter_map(|item| match item {
            Item::Article(a) => Some(a),
            _ => None,
        })
        .collect()
}

/// What a run of the binary gave.
pub(crate) struct Run {
    pub(crate) code: i32,
    pub(crate) stdout: String,
    pub(crate) stderr: String,
}

/// Runs `claimset ARGS` in `dir`, feeding `stdin`.
pub(crate) fn claimset(dir: &Path, args: &[&str], stdin: &[u8]) -> Run {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimset"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    child
        .stdin
        .take()
        .expect("stdin is piped")
        .write_all(stdin)
        .expect("stdin accepts input");
    let out = child.wait_with_output().expect("the binary finishes");
    Run {
        code: out.status.code().expect("the binary exits, not killed"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// Copies a folder recursively; symbolic links (`releases/latest`) are copied as links.
pub(crate) fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for e in std::fs::read_dir(from).expect("read dir") {
        let e = e.expect("entry");
        let dest = to.join(e.file_name());
        let kind = e.file_type().expect("type");
        if kind.is_symlink() {
            let target = std::fs::read_link(e.path()).expect("read link");
            std::os::unix::fs::symlink(target, &dest).expect("link");
        } else if kind.is_dir() {
            copy_tree(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), &dest).expect("copy");
        }
    }
}

/// A copy of the whole shipped dataset (releases, corrections, changelog) in a temp folder.
pub(crate) fn shipped_copy() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path().join("ukraine-crisis-2022");
    copy_tree(dataset_articles().parent().expect("dataset"), &root);
    (tmp, root)
}
