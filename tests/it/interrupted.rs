//! Interrupted runs leave nothing: a signal removes what the run was writing aside, and the
//! next run sweeps what a killed one left, but never what another live run is writing.

use std::path::Path;
use std::process::{Command, Stdio};

/// A dataset whose release takes long enough to be interrupted: the shipped article, many
/// times over, as JSON Lines.
fn big_dataset(parent: &Path) -> std::path::PathBuf {
    let shipped = crate::common::dataset_articles();
    let root = parent.join("big");
    std::fs::create_dir_all(root.join("articles")).expect("mkdir");
    std::fs::copy(
        shipped.parent().expect("dataset").join("dataset.toml"),
        root.join("dataset.toml"),
    )
    .expect("copy");
    let text = std::fs::read_to_string(shipped.join("000_e3ac15cbcb69a53b.txt")).expect("read");
    let body = text.splitn(4, '\n').nth(3).expect("body");
    let mut lines = String::new();
    for k in 0..4000 {
        let line = serde_json::json!({"id": format!("a{k}"), "title": "T", "date": "2022-02-01",
            "url": format!("https://news.example.com/{k}"), "text": body});
        lines.push_str(&line.to_string());
        lines.push('\n');
    }
    std::fs::write(root.join("articles/corpus.jsonl"), lines).expect("write");
    root
}

fn hidden_in(dir: &Path, prefix: &str) -> Vec<String> {
    std::fs::read_dir(dir)
        .map(|es| {
            es.filter_map(Result::ok)
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.starts_with(prefix))
                .collect()
        })
        .unwrap_or_default()
}

/// Starts `claimset ARGS` in `dir`, waits until `watch` holds an entry starting with
/// `prefix`, then sends SIGTERM; returns the exit code.
fn interrupt_when(dir: &Path, args: &[&str], watch: &Path, prefix: &str) -> i32 {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimset"))
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("starts");
    loop {
        if !hidden_in(watch, prefix).is_empty() {
            break;
        }
        if let Some(status) = child.try_wait().expect("wait") {
            panic!("finished before it could be interrupted: {status}");
        }
        std::thread::yield_now();
    }
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());
    let out = child.wait_with_output().expect("exits");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(stderr.contains("interrupted"), "{stderr}");
    out.status.code().expect("exits, not killed")
}

/// A release killed while building once left `releases/.building-*` with partial Parquet
/// files, which no later run cleaned and git did not ignore.
#[test]
fn a_release_interrupted_by_a_signal_leaves_no_build_folder() {
    let tmp = tempfile::tempdir().expect("temp");
    let root = big_dataset(tmp.path());
    let releases = root.join("releases");
    let code = interrupt_when(
        tmp.path(),
        &["release", "big", "-q"],
        &releases,
        ".building-",
    );
    assert_eq!(code, 2);
    assert!(hidden_in(&releases, ".building-").is_empty());
    assert!(!releases.join("1.0.0").exists());
}

#[test]
fn extract_interrupted_by_a_signal_leaves_no_temporary_file() {
    let tmp = tempfile::tempdir().expect("temp");
    big_dataset(tmp.path());
    let code = interrupt_when(
        tmp.path(),
        &[
            "extract",
            "-q",
            "-j",
            "1",
            "big/articles",
            "-o",
            "claims.jsonl",
        ],
        tmp.path(),
        ".claimset-tmp-",
    );
    assert_eq!(code, 2);
    assert!(hidden_in(tmp.path(), ".claimset-tmp-").is_empty());
    assert!(!tmp.path().join("claims.jsonl").exists());
}

/// What a killed run left (SIGKILL cannot be caught) is swept by the next run; what a live
/// run holds is not.
#[test]
fn the_next_release_sweeps_what_a_killed_run_left_and_nothing_live() {
    let (_tmp, root) = crate::common::dataset_copy();
    let releases = root.join("releases");
    std::fs::create_dir_all(releases.join(".building-dead/")).expect("mkdir");
    std::fs::write(releases.join(".building-dead/claims.parquet"), b"PAR1").expect("write");
    std::fs::create_dir_all(releases.join(".building-live")).expect("mkdir");
    let live = std::fs::File::open(releases.join(".building-live")).expect("open");
    live.lock().expect("held as a live run holds it");
    std::fs::write(root.join(".claimset-tmp-dead"), b"half a changelog").expect("write");
    crate::integrity::publish(&root);
    assert_eq!(hidden_in(&releases, ".building-"), [".building-live"]);
    assert!(hidden_in(&root, ".claimset-tmp-").is_empty());
    drop(live);
}

#[test]
fn git_ignores_build_folders_and_temporary_files() {
    let ignore = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(".gitignore"))
        .expect(".gitignore");
    for pattern in [".building-*", ".claimset-tmp-*"] {
        assert!(ignore.lines().any(|l| l == pattern), "{pattern}");
    }
}
