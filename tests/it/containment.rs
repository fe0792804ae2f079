//! Containment: a dataset reads and writes only its own files. No symbolic link inside it is
//! followed — in articles/, corrections/, releases/, or as CHANGELOG.md or dataset.toml —
//! and no FIFO or device is opened; each is reported where it is.

use std::os::unix::fs::symlink;
use std::path::Path;

use claimset::Dataset;

fn mkfifo(path: &Path) {
    let made = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .expect("mkfifo");
    assert!(made.success());
}

/// A link in articles/ to a file outside the dataset was once read (its lines quoted in
/// articles.parquet) while the manifest did not count it; a FIFO there hung the release.
#[test]
fn links_and_fifos_in_articles_are_rejected_never_read() {
    let (tmp, root) = crate::common::dataset_copy();
    let outside = tmp.path().join("secret.txt");
    std::fs::write(
        &outside,
        "Secret\n20220201\nhttps://example.com/s\nThe password is hunter2, she said.\n",
    )
    .expect("write");
    symlink(&outside, root.join("articles/linked.txt")).expect("symlink");
    mkfifo(&root.join("articles/pipe.txt"));
    let before = Dataset::open(&root)
        .expect("dataset")
        .fingerprints()
        .expect("fingerprints");
    let r = crate::integrity::publish(&root);
    let reasons: Vec<String> = r.rejected_inputs.iter().map(ToString::to_string).collect();
    insta::assert_snapshot!(reasons.join("\n"), @r"
    articles/linked.txt: a symbolic link, not a regular file: a dataset holds its own files and reads nothing through links; copy the file in, or declare a file kept elsewhere as an external input in dataset.toml
    articles/pipe.txt: a FIFO, not a regular file: a dataset holds its own files and reads nothing through links; copy the file in, or declare a file kept elsewhere as an external input in dataset.toml
    ");
    assert_eq!(r.manifest.counts.claims, 14, "nothing read from the link");
    assert_eq!(
        before.article_files, 3,
        "the fingerprint counts what is there"
    );
}

#[test]
fn a_linked_changelog_releases_folder_or_dataset_toml_is_refused() {
    let (tmp, root) = crate::common::dataset_copy();
    let elsewhere = tmp.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).expect("mkdir");
    std::fs::write(elsewhere.join("notes.md"), "private notes\n").expect("write");
    symlink(elsewhere.join("notes.md"), root.join("CHANGELOG.md")).expect("symlink");
    let err = Dataset::open(&root).expect_err("refused");
    assert!(
        err.to_string().ends_with(
            "CHANGELOG.md`: is a symbolic link: a dataset reads and writes only its own files, \
             never through links; put the file or folder itself there (a corpus kept elsewhere \
             is declared in dataset.toml as an external input)"
        ),
        "{err}"
    );
    std::fs::remove_file(root.join("CHANGELOG.md")).expect("rm");
    symlink(&elsewhere, root.join("releases")).expect("symlink");
    let err = Dataset::open(&root).expect_err("refused");
    assert!(
        err.to_string().contains("releases`: is a symbolic link"),
        "{err}"
    );
    std::fs::remove_file(root.join("releases")).expect("rm");
    crate::integrity::publish(&root);
    std::fs::rename(root.join("releases/1.0.0"), elsewhere.join("1.0.0")).expect("mv");
    symlink(elsewhere.join("1.0.0"), root.join("releases/1.0.0")).expect("symlink");
    let err = Dataset::open(&root)
        .expect("opens")
        .releases()
        .expect_err("refused");
    assert!(
        err.to_string().contains("1.0.0`: is a symbolic link"),
        "{err}"
    );
    let toml = root.join("dataset.toml");
    std::fs::rename(&toml, elsewhere.join("dataset.toml")).expect("mv");
    symlink(elsewhere.join("dataset.toml"), &toml).expect("symlink");
    let err = Dataset::open(&root).expect_err("refused");
    assert!(
        err.to_string()
            .contains("dataset.toml`: is a symbolic link"),
        "{err}"
    );
    assert_eq!(
        std::fs::read_to_string(elsewhere.join("notes.md")).expect("read"),
        "private notes\n",
        "nothing written through a link"
    );
}

/// A FIFO named on the command line, with no writer, once waited for ever.
#[test]
fn a_fifo_named_on_the_command_line_does_not_hang() {
    let dir = tempfile::tempdir().expect("temp");
    mkfifo(&dir.path().join("a.txt"));
    let run = crate::common::claimset(dir.path(), &["extract", "a.txt"], b"");
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("a.txt: article `a`: too short"),
        "{}",
        run.stderr
    );
}

/// In a directory walk, a FIFO is skipped and said to be, not opened.
#[test]
fn extract_skips_and_reports_a_fifo_in_a_directory() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::create_dir(dir.path().join("corpus")).expect("mkdir");
    mkfifo(&dir.path().join("corpus/a.txt"));
    let run = crate::common::claimset(dir.path(), &["extract", "corpus"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("skipped 1 entry"), "{}", run.stderr);
    assert!(run.stderr.contains("not a regular file"), "{}", run.stderr);
}
