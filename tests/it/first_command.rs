//! Clear errors at the first command, tried as a new user would: each message names the
//! file and line (or claim), says what is wrong and what to write instead.

use std::path::Path;

use claimset::Dataset;
use claimset::{ReleaseOutcome as Outcome, Target};

use crate::common::{Run, claimset};

fn problems_of(root: &Path) -> Vec<String> {
    let dataset = Dataset::open(root).expect("dataset");
    match claimset::release(&dataset, &crate::integrity::options(Target::DryRun)).expect("runs") {
        Outcome::Problems(p) => p.iter().map(ToString::to_string).collect(),
        other => panic!("expected problems, got {other:?}"),
    }
}

/// The shipped dataset's inputs with their first release, and one claim id of it.
fn released() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let (tmp, root) = crate::common::dataset_copy();
    let r = crate::integrity::publish(&root);
    let id = r.diff.added[0]["claim_id"].as_str().expect("id").to_owned();
    (tmp, root, id)
}

fn correction(root: &Path, name: &str, text: &str) {
    std::fs::create_dir_all(root.join("corrections")).expect("mkdir");
    std::fs::write(root.join("corrections").join(name), text).expect("write");
}

/// A typo in the claim id once got "the file should be named c…c-set.toml … rename it",
/// pushing the user to spread the typo.
#[test]
fn a_typo_in_a_claim_id_leads_with_search_not_rename() {
    let (_tmp, root, id) = released();
    let typo = format!("{}0", &id[..16]);
    correction(
        &root,
        &format!("{id}-set.toml"),
        &format!(
            "action = \"set\"\nclaim = \"{typo}\"\nreason = \"a typo\"\n\n[set]\ncue = \"told\"\n"
        ),
    );
    let found = problems_of(&root);
    assert_eq!(
        found,
        [format!(
            "corrections/{id}-set.toml:2: claim {typo}: no claim has the id {typo}; find it with \
             `claimset search DATASET WORDS` (a typo, or the extractor changed the claim) \
             [correction/unknown-claim] — put the claim's id from `claimset search` in claim = \
             …, or remove the correction"
        )]
    );
}

/// A bad value a correction introduces was once reported at the article file.
#[test]
fn a_bad_value_a_correction_introduces_is_reported_at_its_file_and_line() {
    let (_tmp, root, id) = released();
    let mut ids = crate::integrity::publish_ids(&root);
    ids.retain(|i| *i != id);
    correction(
        &root,
        &format!("{id}-set.toml"),
        &format!(
            "action = \"set\"\nclaim = \"{id}\"\nreason = \"r\"\n\n[set]\nclaim_date = \"2023-01-01\"\n"
        ),
    );
    correction(
        &root,
        &format!("{}-set.toml", ids[0]),
        &format!(
            "action = \"set\"\nclaim = \"{}\"\nreason = \"r\"\n\n[set]\nclaim_text = \"   \"\n",
            ids[0]
        ),
    );
    correction(
        &root,
        &format!("{}-verdict.toml", ids[1]),
        &format!(
            "action = \"verdict\"\nclaim = \"{}\"\nreason = \"r\"\n\n[verdict]\nstatus = \"false\"\n\
             label = \"False\"\nreviewed_by = \"X\"\nurl = \"https://factcheck.example.org/x\"\n\
             date = \"2001-01-01\"\n",
            ids[1]
        ),
    );
    let found = problems_of(&root);
    let at: Vec<String> = found
        .iter()
        .map(|p| {
            let (place, rest) = p.split_once(": claim ").expect("a claim");
            let rule = rest.rsplit_once('[').expect("rule").1;
            format!("{place} [{}", rule.split_once(']').expect("rule").0)
        })
        .collect();
    let mut expected = vec![
        format!("corrections/{id}-set.toml:6 [claim-date-not-after-article"),
        format!("corrections/{}-set.toml:6 [claim-text-blank", ids[0]),
        format!("corrections/{}-verdict.toml:10 [review-after-claim", ids[1]),
    ];
    let mut at = at;
    at.sort();
    expected.sort();
    assert_eq!(at, expected, "{found:#?}");
}

#[test]
fn a_reject_and_a_change_of_the_same_claim_conflict() {
    let (_tmp, root, id) = released();
    correction(
        &root,
        &format!("{id}-reject.toml"),
        &format!("action = \"reject\"\nclaim = \"{id}\"\nreason = \"not a claim\"\n"),
    );
    correction(
        &root,
        &format!("{id}-set.toml"),
        &format!("action = \"set\"\nclaim = \"{id}\"\nreason = \"r\"\n\n[set]\ncue = \"told\"\n"),
    );
    let found = problems_of(&root);
    assert_eq!(
        found,
        [format!(
            "corrections/{id}-set.toml:1: claim {id}: changes claim {id}, which \
             corrections/{id}-reject.toml rejects: a rejected claim leaves the dataset \
             [correction/conflict] — keep the rejection or the change, not both"
        )]
    );
}

/// A correction that is not UTF-8, a folder named `x.toml`, a FIFO and a link once stopped
/// `validate` with no location (or hung), hiding every other problem.
#[test]
fn unreadable_correction_files_are_reported_with_the_others() {
    let (_tmp, root, id) = released();
    correction(
        &root,
        "c0000000000000001-reject.toml",
        "action = \"reject\"\nclaim = \"c0000000000000001\"\nreason = \"caf\u{e9}\"\n",
    );
    let mut latin1 = b"action = \"reject\"\nclaim = \"".to_vec();
    latin1.extend_from_slice(id.as_bytes());
    latin1.extend_from_slice(b"\"\nreason = \"caf\xe9\"\n");
    std::fs::write(root.join("corrections/latin1.toml"), latin1).expect("write");
    std::fs::create_dir(root.join("corrections/folder.toml")).expect("mkdir");
    let made = std::process::Command::new("mkfifo")
        .arg(root.join("corrections/fifo.toml"))
        .status()
        .expect("mkfifo");
    assert!(made.success());
    std::os::unix::fs::symlink("/etc/hostname", root.join("corrections/link.toml"))
        .expect("symlink");
    let run = claimset(
        root.parent().expect("parent"),
        &["validate", "ukraine-crisis-2022"],
        b"",
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    insta::assert_snapshot!(run.stdout);
}

#[test]
fn a_folder_without_dataset_toml_says_what_a_dataset_is() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::create_dir(dir.path().join("DS")).expect("mkdir");
    for args in [
        &["validate", "DS"][..],
        &["release", "DS"],
        &["verify", "DS"],
        &["search", "DS", "x"],
    ] {
        let run = claimset(dir.path(), args, b"");
        assert_eq!(run.code, 2, "{args:?}");
        assert_eq!(
            run.stderr,
            "error: `DS`: is not a dataset: it has no dataset.toml. A dataset folder holds \
             dataset.toml (name, title, description, language, source, licence), articles/ and \
             corrections/; datasets/ukraine-crisis-2022 is one\n",
            "{args:?}"
        );
    }
}

/// No subcommand accepts `--version` as a way to do nothing and succeed.
#[test]
fn subcommands_refuse_version_and_absurd_thread_counts() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = claimset(
        root,
        &[
            "verify",
            "datasets/ukraine-crisis-2022",
            "--version",
            "1.0.0",
        ],
        b"",
    );
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr.contains("unexpected argument '--version'"),
        "{}",
        run.stderr
    );
    let run = claimset(root, &["extract", "-j", "1000000", "datasets"], b"");
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("1000000 is not in 0..=256"),
        "{}",
        run.stderr
    );
}

/// `--articles /dev/stdout` without `-o` once lost the claims silently.
#[test]
fn extract_refuses_one_destination_for_both_streams() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().expect("temp");
    let articles = root.join("datasets/ukraine-crisis-2022/articles");
    let a = articles.to_str().expect("utf-8");
    let run: Run = claimset(
        dir.path(),
        &["extract", a, "-o", "x.jsonl", "--articles", "x.jsonl"],
        b"",
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("both name `x.jsonl`"), "{}", run.stderr);
    let run = claimset(
        dir.path(),
        &["extract", a, "--articles", "/dev/stdout"],
        b"",
    );
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("which is stdout"), "{}", run.stderr);
}

/// With no release yet, an id once went into a file name unchecked: `../../../../x` wrote
/// outside `corrections/`.
#[test]
fn correct_checks_ids_before_any_path_is_built_from_them() {
    let (tmp, root) = crate::common::dataset_copy();
    let run = claimset(
        tmp.path(),
        &[
            "correct",
            "ukraine-crisis-2022",
            "../../../../x",
            "--reject",
            "--reason",
            "r",
        ],
        b"",
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("`../../../../x` is not a claim id"),
        "{}",
        run.stderr
    );
    let run = claimset(
        tmp.path(),
        &[
            "correct",
            "ukraine-crisis-2022",
            "--add",
            "--article",
            "x/../../y",
            "--text",
            "t",
            "--set",
            "quote_type=direct",
            "--set",
            "claimant_type=person",
            "--set",
            "cue=said",
            "--reason",
            "r",
        ],
        b"",
    );
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("`x/../../y` is not an article id"),
        "{}",
        run.stderr
    );
    assert!(!root.join("corrections").exists(), "nothing written");
    let stray: Vec<_> = std::fs::read_dir(tmp.path())
        .expect("list")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .collect();
    assert_eq!(stray.len(), 1, "{stray:?}");
}

/// `correct` once wrote a verdict whose URL only `validate` refused, and answered a
/// `--date 02/03/2022` with "invalid characters".
#[test]
fn correct_refuses_what_validate_would_and_says_what_to_write() {
    let (tmp, _root, id) = released();
    let run = claimset(
        tmp.path(),
        &[
            "correct",
            "ukraine-crisis-2022",
            &id,
            "--verdict",
            "false",
            "--label",
            "False",
            "--reviewed-by",
            "PolitiFact",
            "--url",
            "www.politifact.com/x",
            "--date",
            "02/03/2022",
            "--reason",
            "r",
        ],
        b"",
    );
    assert_eq!(run.code, 2);
    insta::assert_snapshot!(run.stderr, @r"
    refused: `www.politifact.com/x` is not an absolute http(s) URL: give the fact-check's full address, starting with https://
    refused: `02/03/2022` is not a date: write the day the fact-check was published as YYYY-MM-DD (2022-02-03)
    error: no correction written: fix the 2 problems above
    ");
}
