//! Integrity of releases: the same bytes wherever the dataset sits and however its path is
//! typed; `verify` checks every file on disk against the manifest, then rebuilds; the
//! changelog entry is part of publishing.

use std::path::{Path, PathBuf};

use claimset::Dataset;
use claimset::{ReleaseOptions as Options, ReleaseOutcome as Outcome, Target};

pub(crate) fn options(target: Target) -> Options {
    Options {
        bump: None,
        target,
        jobs: 1,
        meter: None,
    }
}

pub(crate) fn publish(root: &Path) -> Box<claimset::Release> {
    match claimset::release(
        &Dataset::open(root).expect("dataset"),
        &options(Target::Publish),
    )
    .expect("release runs")
    {
        Outcome::Released(r) => r,
        other => panic!("expected a release, got {other:?}"),
    }
}

/// A copy of the shipped dataset's inputs with a duplicate article, whose rejection names
/// where the first was read.
fn copy_with_duplicate(parent: &Path, folder: &str) -> PathBuf {
    let src = crate::common::dataset_articles();
    let root = parent.join(folder);
    std::fs::create_dir_all(root.join("articles")).expect("mkdir");
    std::fs::copy(
        src.parent().expect("dataset").join("dataset.toml"),
        root.join("dataset.toml"),
    )
    .expect("copy");
    let article = std::fs::read_to_string(src.join("000_e3ac15cbcb69a53b.txt")).expect("read");
    std::fs::write(root.join("articles/000_e3ac15cbcb69a53b.txt"), &article).expect("write");
    std::fs::create_dir_all(root.join("articles/again")).expect("mkdir");
    std::fs::write(
        root.join("articles/again/000_e3ac15cbcb69a53b.txt"),
        &article,
    )
    .expect("write");
    root
}

/// A rejection once quoted the dataset's path as typed (`already read at /home/…`), and the
/// dataset's name came from its folder: both changed a release's bytes.
#[test]
fn a_release_is_the_same_bytes_wherever_the_dataset_is_and_whatever_its_folder_is_called() {
    let tmp = tempfile::tempdir().expect("temp");
    let a = copy_with_duplicate(tmp.path(), "ukraine-crisis-2022");
    let b = copy_with_duplicate(&tmp.path().join("elsewhere/deeper"), "renamed-copy");
    let out = tmp.path().join("out");
    let run_a = crate::common::claimset(
        tmp.path(),
        &["release", "ukraine-crisis-2022", "-o", "out/a", "-q"],
        b"",
    );
    assert_eq!(run_a.code, 0, "{}", run_a.stderr);
    let b_abs = b.display().to_string();
    let run_b = crate::common::claimset(
        &b,
        &[
            "release",
            &b_abs,
            "-o",
            out.join("b").to_str().expect("utf-8"),
            "-q",
        ],
        b"",
    );
    assert_eq!(run_b.code, 0, "{}", run_b.stderr);
    for f in ["claims.parquet", "articles.parquet", "manifest.json"] {
        let x = std::fs::read(out.join("a/1.0.0").join(f)).expect("a");
        let y = std::fs::read(out.join("b/1.0.0").join(f)).expect("b");
        assert!(x == y, "{f} differs between the two places");
    }
    let r = publish(&a);
    let reasons: Vec<String> = r.rejected_inputs.iter().map(ToString::to_string).collect();
    assert_eq!(
        reasons,
        [
            "articles/again/000_e3ac15cbcb69a53b.txt: article `000_e3ac15cbcb69a53b`: the same \
          article id was already read at articles/000_e3ac15cbcb69a53b.txt: give every article \
          a unique id"
        ]
    );
    assert_eq!(r.manifest.dataset, "ukraine-crisis-2022");
}

#[test]
fn a_dataset_without_a_name_says_what_to_add() {
    let (_tmp, root) = crate::common::dataset_copy();
    let toml = std::fs::read_to_string(root.join("dataset.toml")).expect("read");
    let without: Vec<&str> = toml.lines().filter(|l| !l.starts_with("name =")).collect();
    let without = without.join("\n");
    std::fs::write(root.join("dataset.toml"), without).expect("write");
    let err = Dataset::open(&root).expect_err("refused");
    assert!(
        err.to_string()
            .contains("missing field `name`: add name = \"…\""),
        "{err}"
    );
}
