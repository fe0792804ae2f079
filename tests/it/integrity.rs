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

/// The claim ids of a dataset's latest release.
pub(crate) fn publish_ids(root: &Path) -> Vec<String> {
    let dataset = Dataset::open(root).expect("dataset");
    let v = dataset
        .releases()
        .expect("releases")
        .pop()
        .expect("a release");
    let mut ids = Vec::new();
    claimset::read_rows(
        &dataset.release_dir(&v).join("claims.parquet"),
        claimset::claim_columns(),
        |_, r| {
            ids.push(r["claim_id"].as_str().expect("id").to_owned());
            Ok(())
        },
    )
    .expect("rows");
    ids
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

fn verify_text(root: &Path, args: &[&str]) -> (i32, String) {
    let mut all = vec!["verify", "ukraine-crisis-2022"];
    all.extend_from_slice(args);
    let run = crate::common::claimset(root.parent().expect("parent"), &all, b"");
    (run.code, run.stdout)
}

/// `verify` once hashed only manifest.json and trusted the hashes inside it: an older
/// claims.parquet copied over the newest, a byte appended, or a file deleted all verified.
#[test]
fn verify_checks_every_file_on_disk_against_the_manifest() {
    let (_tmp, root) = crate::common::shipped_copy();
    let releases = root.join("releases");
    std::fs::copy(
        releases.join("1.0.0/claims.parquet"),
        releases.join("1.1.0/claims.parquet"),
    )
    .expect("copy");
    let mut bytes = std::fs::read(releases.join("1.0.1/articles.parquet")).expect("read");
    bytes.push(0);
    std::fs::write(releases.join("1.0.1/articles.parquet"), bytes).expect("write");
    std::fs::remove_file(releases.join("1.0.0/articles.parquet")).expect("delete");
    std::fs::write(releases.join("1.0.0/notes.txt"), "x").expect("write");
    let (code, out) = verify_text(&root, &["--all"]);
    assert_eq!(code, 1, "{out}");
    let lines: Vec<&str> = out
        .lines()
        .filter(|l| !l.starts_with("     ok") && !l.contains("To reproduce it"))
        .collect();
    insta::assert_snapshot!(lines.join("\n"));
}

/// A changed input is reported by name, not as a bare DIFFERS.
#[test]
fn verify_names_the_inputs_that_changed_since_the_release() {
    let (_tmp, root) = crate::common::shipped_copy();
    let toml = std::fs::read_to_string(root.join("dataset.toml")).expect("read");
    std::fs::write(
        root.join("dataset.toml"),
        toml.replace("name = \"ukraine-crisis-2022\"", "name = \"renamed\""),
    )
    .expect("write");
    let first = std::fs::read_dir(root.join("corrections"))
        .expect("corrections")
        .next()
        .expect("one")
        .expect("entry")
        .path();
    std::fs::remove_file(first).expect("delete");
    let (code, out) = verify_text(&root, &[]);
    assert_eq!(code, 1, "{out}");
    let changed = out
        .lines()
        .find(|l| l.starts_with("changed since"))
        .unwrap_or_default();
    let latest = Dataset::open(&root)
        .expect("dataset")
        .releases()
        .expect("releases")
        .pop()
        .expect("a release");
    assert_eq!(
        changed,
        format!(
            "changed since release {latest}: name (`ukraine-crisis-2022` in the release, \
             `renamed` in dataset.toml), corrections (6 files then, 5 now); cut a new release \
             (`claimset release`) to publish the change"
        )
    );
}

/// Old releases made by other rules get integrity and a way to reproduce them, not a bare
/// failure; CI runs this.
#[test]
fn verify_all_checks_every_committed_release() {
    let dataset = Dataset::open(crate::common::dataset_articles().parent().expect("dataset"))
        .expect("dataset");
    let all = claimset::verify_all(&dataset, 0).expect("verify");
    let versions: Vec<String> = dataset
        .releases()
        .expect("releases")
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(all.len(), versions.len());
    for v in &all {
        assert!(v.intact(), "{}", v.to_text());
        assert!(v.passed(), "{}", v.to_text());
    }
    assert!(
        all[all.len() - 1].reproduces(),
        "the latest release rebuilds"
    );
    let old = all[0].to_text();
    assert!(
        old.contains("built by claimset 0.1.0") && old.contains("git log --diff-filter=A -1"),
        "{old}"
    );
    // It says what changed since, by name: here the correction files added after 1.0.0.
    assert!(
        old.contains("what changed since: corrections (0 files then,"),
        "{old}"
    );
}

/// The changelog was once written after the release was renamed into place: when it could
/// not be written, the release was published without its entry, for good.
#[test]
fn a_release_whose_changelog_cannot_be_written_is_not_published() {
    let (_tmp, root) = crate::common::dataset_copy();
    // Opened first: a dataset whose CHANGELOG.md is a folder is refused at opening, so the
    // folder appears while the release runs.
    let dataset = Dataset::open(&root).expect("dataset");
    std::fs::create_dir(root.join("CHANGELOG.md")).expect("a folder where the file goes");
    let err = claimset::release(&dataset, &options(Target::Publish));
    let err = err.map(|_| ()).expect_err("refused");
    assert!(err.to_string().contains("CHANGELOG.md"), "{err}");
    let left: Vec<_> = std::fs::read_dir(root.join("releases"))
        .map(|es| es.filter_map(Result::ok).map(|e| e.file_name()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "nothing published or left: {left:?}");
}

#[test]
fn a_release_found_without_its_changelog_entry_gets_it_on_the_next_run() {
    let (_tmp, root) = crate::common::dataset_copy();
    publish(&root);
    std::fs::remove_file(root.join("CHANGELOG.md")).expect("lose the entry");
    let r = publish(&root);
    assert_eq!(r.version.to_string(), "1.0.0");
    let changelog = std::fs::read_to_string(root.join("CHANGELOG.md")).expect("written");
    assert!(
        changelog.starts_with(
            "# Changelog: ukraine-crisis-2022\n\n## 1.0.0\n\nFirst release. 14 claims"
        ),
        "{changelog}"
    );
    match claimset::release(
        &Dataset::open(&root).expect("dataset"),
        &options(Target::Publish),
    )
    .expect("runs")
    {
        Outcome::UpToDate(v) => assert_eq!(v.to_string(), "1.0.0"),
        other => panic!("expected up to date, got {other:?}"),
    }
}

/// Files were once created 0600 whatever the umask, as temporary files are: every file the
/// tool writes (a release's files, the changelog, a correction, extract's output) now has
/// the mode any other tool would give it.
#[test]
fn every_file_written_has_the_mode_a_normal_tool_gives() {
    use std::os::unix::fs::PermissionsExt;
    let (tmp, root) = crate::common::dataset_copy();
    let mode = |p: &Path| {
        std::fs::metadata(p)
            .unwrap_or_else(|e| panic!("{}: {e}", p.display()))
            .permissions()
            .mode()
            & 0o777
    };
    let reference = tmp.path().join("reference");
    std::fs::File::create(&reference).expect("create");
    let expected = mode(&reference);
    let r = publish(&root);
    let id = r.diff.added[0]["claim_id"].as_str().expect("id").to_owned();
    let run = crate::common::claimset(
        tmp.path(),
        &[
            "correct",
            "ukraine-crisis-2022",
            &id,
            "--reject",
            "--reason",
            "a test",
        ],
        b"",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = crate::common::claimset(
        tmp.path(),
        &[
            "extract",
            "ukraine-crisis-2022/articles",
            "-o",
            "claims.jsonl",
        ],
        b"",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    for f in [
        "ukraine-crisis-2022/releases/1.0.0/claims.parquet",
        "ukraine-crisis-2022/releases/1.0.0/articles.parquet",
        "ukraine-crisis-2022/releases/1.0.0/manifest.json",
        "ukraine-crisis-2022/CHANGELOG.md",
        &format!("ukraine-crisis-2022/corrections/{id}-reject.toml"),
        "claims.jsonl",
    ] {
        assert_eq!(mode(&tmp.path().join(f)), expected, "{f}");
    }
}
