//! Published fact-checks in a dataset: `release` imports `reviews/` (a bad review reported
//! with its file and line, never blocking), links the reviews to the claims, writes verdicts
//! with their provenance and `proposed-links.jsonl`; maintainers confirm or reject links by
//! correction, a verdict by hand beats any link, a review older than its claim never sets a
//! status; the changelog and `claimset diff` list verdicts gained, changed and lost.
//!
//! The dataset is `tests/fixtures/reviewed/`: five fixture articles and fact-checks written
//! for the tests (made up: real reviews never go in `datasets/` unless they are published).

use std::path::{Path, PathBuf};

use claimset::{Correction, Dataset, LinkDecisions, Verdict, VerificationStatus};
use claimset::{ReleaseOptions as Options, ReleaseOutcome as Outcome, Target};
use claimset::{TableWriter, claim_columns, read_rows};
use serde_json::{Map, Value, json};

/// Linked automatically: PolitiFact's review of the bridge repair fund.
const LINKED: &str = "c7743981151e9fdd1";
/// Linked automatically: Snopes' review of the water utility director.
const LINKED_TOO: &str = "c6f333bc8b986cabf";
/// A paraphrase of Paul Okonkwo's claim, reviewed by PolitiFact below the link threshold.
const BELOW: &str = "c587fd896d16a00a0";
const BELOW_REVIEW: &str = "r0564d2aa8b6e0212";
/// The city auditor's overbilling figure: Snopes reviewed the same words from Raj Patel.
const SAME_WORDS: &str = "c6e74cd381027146e";
/// Linda Reyes's veto pledge, reviewed by PolitiFact before she made it again.
const OLDER: &str = "c6d4019c1fc309908";
const OLDER_REVIEW: &str = "r1c4e59bfbc4ee9de";

/// A copy of the fixture dataset in a temp folder.
fn dataset_copy() -> (tempfile::TempDir, PathBuf) {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).expect("mkdir");
        for e in std::fs::read_dir(from).expect("fixture") {
            let e = e.expect("entry");
            let dest = to.join(e.file_name());
            if e.file_type().expect("type").is_dir() {
                copy(&e.path(), &dest);
            } else {
                std::fs::copy(e.path(), dest).expect("copy");
            }
        }
    }
    let tmp = tempfile::tempdir().expect("temp dir");
    let root = tmp.path().join("reviewed");
    copy(&crate::common::fixture("reviewed"), &root);
    (tmp, root)
}

fn publish(root: &Path) -> Outcome {
    let options = Options {
        bump: None,
        target: Target::Publish,
        jobs: 0,
        meter: None,
    };
    claimset::release(&Dataset::open(root).expect("dataset"), &options).expect("release runs")
}

fn released(root: &Path) -> Box<claimset::Release> {
    match publish(root) {
        Outcome::Released(r) => r,
        Outcome::Problems(p) => panic!(
            "{}",
            p.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("\n")
        ),
        Outcome::UpToDate(v) => panic!("up to date with {v}"),
    }
}

fn rows(path: &Path) -> Vec<Map<String, Value>> {
    let mut out = Vec::new();
    let issues = read_rows(path, claim_columns(), |_, r| {
        out.push(r);
        Ok(())
    })
    .expect("readable");
    assert!(issues.is_empty(), "{issues:?}");
    out
}

fn claim<'a>(rows: &'a [Map<String, Value>], id: &str) -> &'a Map<String, Value> {
    rows.iter()
        .find(|r| r["claim_id"] == id)
        .unwrap_or_else(|| panic!("no claim {id}"))
}

/// The verdict fields of a record.
fn verdict(r: &Map<String, Value>) -> Value {
    json!({
        "verification_status": r["verification_status"],
        "verdict_label": r["verdict_label"],
        "reviewed_by": r["reviewed_by"],
        "review_id": r["review_id"],
        "verdict_source": r["verdict_source"],
        "origin": r["origin"],
    })
}

fn proposals(dir: &Path) -> Vec<Value> {
    std::fs::read_to_string(dir.join(claimset::PROPOSED_LINKS))
        .expect("proposed links are written")
        .lines()
        .map(|l| serde_json::from_str(l).expect("a JSON line"))
        .collect()
}

fn write(root: &Path, c: &Correction) {
    let dir = root.join("corrections");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join(c.file_name()), c.to_canonical()).expect("write correction");
}

fn confirm(claim: &str, review: &str) -> Correction {
    Correction::ConfirmReview {
        claim: claim.into(),
        review: review.into(),
        reason: "the review judges this very statement".into(),
    }
}

/// The entry of `version` in the changelog.
fn entry(root: &Path, version: &str) -> String {
    let changelog = std::fs::read_to_string(root.join("CHANGELOG.md")).expect("changelog");
    let start = changelog
        .find(&format!("## {version}\n"))
        .expect("the entry");
    let rest = &changelog[start..];
    let end = rest[3..].find("\n## ").map_or(rest.len(), |k| k + 4);
    rest[..end].to_owned()
}

#[test]
fn a_release_links_its_reviews_and_proposes_the_rest() {
    let (_tmp, root) = dataset_copy();
    let r = released(&root);
    let dir = root.join("releases/1.0.0");
    let claims = rows(&dir.join("claims.parquet"));
    let with_verdicts: Vec<Value> = claims
        .iter()
        .filter(|r| r["verification_status"] != "unverified")
        .map(|r| json!({"claim_id": r["claim_id"], "review_url": r["review_url"], "review_date": r["review_date"], "verdict": verdict(r)}))
        .collect();
    insta::assert_json_snapshot!("linked_verdicts", with_verdicts);
    insta::assert_json_snapshot!("linked_records", claims);
    insta::assert_json_snapshot!("proposed_links", proposals(&dir));
    let c = r.manifest.counts.reviews.as_ref().expect("review counts");
    assert_eq!(
        (
            c.imported,
            c.rejected,
            c.claims_linked,
            c.claims_confirmed,
            c.links_proposed
        ),
        (10, 2, 4, 0, 10)
    );
    let names: Vec<&str> = r.manifest.files.iter().map(|f| f.name.as_str()).collect();
    assert_eq!(
        names,
        ["articles.parquet", "claims.parquet", "proposed-links.jsonl"],
        "the proposed links are listed and hashed like the other files"
    );
    assert_eq!(r.manifest.inputs.review_files, 3);
    // A review older than the claim: ranked and proposed, never linked.
    let older = proposals(&dir)
        .into_iter()
        .find(|p| p["claim_id"] == OLDER)
        .expect("proposed");
    assert_eq!(older["review_id"], OLDER_REVIEW);
    assert_eq!(older["reason"], "previously_fact_checked");
    assert_eq!(claim(&claims, OLDER)["verification_status"], "unverified");
    // The same words from another claimant: proposed, never linked, however sure the matcher.
    let same = proposals(&dir)
        .into_iter()
        .find(|p| p["claim_id"] == SAME_WORDS)
        .expect("proposed");
    assert_eq!(same["reason"], "claimants_differ");
    assert!(same["score"].as_f64().expect("score") >= claimset::LINK_THRESHOLD);
    assert_eq!(
        claim(&claims, SAME_WORDS)["verification_status"],
        "unverified"
    );
}

#[test]
fn a_bad_review_file_is_reported_with_file_and_line_and_the_release_goes_on() {
    let (_tmp, root) = dataset_copy();
    let r = released(&root);
    let rejected: Vec<String> = r.rejected_reviews.iter().map(ToString::to_string).collect();
    insta::assert_snapshot!(rejected.join("\n"), @"
    reviews/broken.jsonl:1: a ClaimReview without claimReviewed (nor itemReviewed.text): the claim it judges is unknown [missing_claim_reviewed]
    reviews/broken.jsonl:2: malformed JSON: EOF while parsing a string at line 1 column 96: each line must be one JSON-LD document, script element, claims:search response or review record [malformed_json]
    ");
    assert_eq!(
        r.manifest.counts.reviews.as_ref().map(|c| c.rejected),
        Some(2)
    );

    // The command says so on stderr, and publishes all the same.
    let (_tmp, root) = dataset_copy();
    let run = crate::common::claimset(&root, &["release", "."], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("rejected review: reviews/broken.jsonl:2: malformed JSON"),
        "{}",
        run.stderr
    );
    assert!(root.join("releases/1.0.0/claims.parquet").is_file());
    // `validate` says so too, and finds no problem in it.
    let run = crate::common::claimset(&root, &["validate", "."], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains(
            "rejected review: reviews/broken.jsonl:1: a ClaimReview without claimReviewed"
        ) && run
            .stderr
            .contains("2 reviews a release would count as rejected"),
        "{}",
        run.stderr
    );
}

/// A confirmed link applies below the threshold, a rejected one never applies, a verdict by
/// hand beats an automatic link; the changelog lists the verdicts gained, changed and lost.
#[test]
fn people_decide_and_the_changelog_lists_the_verdicts() {
    let (_tmp, root) = dataset_copy();
    released(&root);
    write(&root, &confirm(BELOW, BELOW_REVIEW));
    let linked = rows(&root.join("releases/1.0.0/claims.parquet"));
    let rejected_review = claim(&linked, LINKED_TOO)["review_id"]
        .as_str()
        .expect("linked")
        .to_owned();
    write(
        &root,
        &Correction::RejectReview {
            claim: LINKED_TOO.into(),
            review: rejected_review.clone(),
            reason: "the director spoke of another overcharge".into(),
        },
    );
    write(
        &root,
        &Correction::Verdict {
            claim: LINKED.into(),
            reason: "our own reporting".into(),
            verdict: Verdict {
                status: VerificationStatus::Mixed,
                label: "Partly right".into(),
                reviewed_by: "Metro Desk".into(),
                url: "https://metro.example.org/factcheck/bridge-fund".into(),
                date: "2023-03-20".parse().expect("date"),
            },
        },
    );
    let r = released(&root);
    assert_eq!(
        r.version.to_string(),
        "1.0.1",
        "decisions on links: a patch"
    );
    let claims = rows(&root.join("releases/1.0.1/claims.parquet"));
    // The promises themselves, whatever the snapshot says.
    assert_eq!(claim(&claims, BELOW)["verdict_source"], "confirmed");
    assert_eq!(claim(&claims, LINKED)["verdict_source"], "correction");
    assert_eq!(claim(&claims, LINKED)["reviewed_by"], "Metro Desk");
    assert_ne!(
        claim(&claims, LINKED_TOO)["review_id"],
        rejected_review.as_str()
    );
    insta::assert_json_snapshot!(
        "decided_verdicts",
        [BELOW, LINKED_TOO, LINKED]
            .map(|id| json!({"claim_id": id, "verdict": verdict(claim(&claims, id))}))
    );
    assert_eq!(
        r.manifest
            .counts
            .reviews
            .as_ref()
            .map(|c| c.claims_confirmed),
        Some(1)
    );
    assert!(
        !proposals(&root.join("releases/1.0.1"))
            .iter()
            .any(|p| p["claim_id"] == LINKED_TOO && p["review_id"] == rejected_review.as_str()),
        "a rejected link is not proposed again"
    );
    insta::assert_snapshot!("decided_changelog", entry(&root, "1.0.1"));

    // `claimset diff` says the same.
    let run = crate::common::claimset(&root, &["diff", "releases/1.0.0", "releases/1.0.1"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    for section in [
        "### Verdicts gained",
        "### Verdicts changed",
        "### Verdicts lost",
    ] {
        assert!(run.stdout.contains(section), "{}", run.stdout);
    }
    let run = crate::common::claimset(
        &root,
        &[
            "diff",
            "releases/1.0.0",
            "releases/1.0.1",
            "--format",
            "json",
        ],
        b"",
    );
    let diff: Value = serde_json::from_str(&run.stdout).expect("JSON");
    assert_eq!(diff["verdicts_gained"][0]["claim_id"], BELOW);
    assert_eq!(diff["verdicts_lost"][0]["claim_id"], LINKED_TOO);
    assert_eq!(diff["verdicts_changed"][0]["claim_id"], LINKED);
}

#[test]
fn a_review_older_than_the_claim_never_sets_its_status_even_confirmed() {
    let (_tmp, root) = dataset_copy();
    released(&root);
    // `claimset correct` refuses to write the confirmation, and says why.
    let run = crate::common::claimset(
        &root,
        &[
            "correct",
            ".",
            OLDER,
            "--confirm-review",
            OLDER_REVIEW,
            "--reason",
            "the same pledge",
        ],
        b"",
    );
    assert_ne!(run.code, 0);
    assert!(
        run.stderr
            .contains("before the claim was made on 2021-06-10")
            && run.stderr.contains("[correction/review-before-claim]"),
        "{}",
        run.stderr
    );
    assert!(!root.join("corrections").exists());

    // Written by hand, it is a problem of the correction: nothing is released.
    write(&root, &confirm(OLDER, OLDER_REVIEW));
    let Outcome::Problems(problems) = publish(&root) else {
        panic!("a confirmation of an older review is refused")
    };
    insta::assert_snapshot!(
        problems
            .iter()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
            .join("\n"),
        @"corrections/c6d4019c1fc309908-confirm_review-r1c4e59bfbc4ee9de.toml:3: claim c6d4019c1fc309908: review r1c4e59bfbc4ee9de was published on 2021-05-03, before the claim was made on 2021-06-10: it judged an earlier utterance (previously fact-checked), so it is not this claim's verdict [correction/review-before-claim] — remove the confirmation; if a fact-checker judged this claim anew, add that review, or record the verdict with `claimset correct DATASET CLAIM --verdict …`"
    );
}

#[test]
fn decisions_on_links_are_checked_like_every_correction() {
    let (_tmp, root) = dataset_copy();
    released(&root);
    let dir = root.join("corrections");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let files = [
        // A review the dataset does not hold.
        (
            format!("{BELOW}-confirm_review-r0000000000000000.toml"),
            format!(
                "action = \"confirm_review\"\nclaim = \"{BELOW}\"\nreview = \"r0000000000000000\"\nreason = \"x\"\n"
            ),
        ),
        // Not a review id.
        (
            format!("{OLDER}-reject_review-x.toml"),
            format!(
                "action = \"reject_review\"\nclaim = \"{OLDER}\"\nreview = \"politifact-1\"\nreason = \"x\"\n"
            ),
        ),
        // No review named.
        (
            format!("{LINKED_TOO}-reject_review.toml"),
            format!("action = \"reject_review\"\nclaim = \"{LINKED_TOO}\"\nreason = \"x\"\n"),
        ),
        // A review named where none belongs.
        (
            format!("{LINKED_TOO}-reject.toml"),
            format!(
                "action = \"reject\"\nclaim = \"{LINKED_TOO}\"\nreview = \"{BELOW_REVIEW}\"\nreason = \"x\"\n"
            ),
        ),
    ];
    for (name, text) in &files {
        std::fs::write(dir.join(name), text).expect("write");
    }
    // A confirmed review and a verdict by hand for one claim.
    write(&root, &confirm(LINKED, BELOW_REVIEW));
    write(
        &root,
        &Correction::Verdict {
            claim: LINKED.into(),
            reason: "by hand".into(),
            verdict: Verdict {
                status: VerificationStatus::False,
                label: "Wrong".into(),
                reviewed_by: "Metro Desk".into(),
                url: "https://metro.example.org/factcheck/1".into(),
                date: "2023-03-20".parse().expect("date"),
            },
        },
    );
    let Outcome::Problems(problems) = publish(&root) else {
        panic!("problems expected")
    };
    let mut lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
    lines.sort();
    insta::assert_snapshot!(lines.join("\n"));
    // Each documented link rule is met above (or in the tests of older reviews).
    for rule in claimset::LINK_RULES {
        let tested = ["review-before-claim", "review-incomplete"].contains(&rule.name)
            || lines
                .iter()
                .any(|l| l.contains(&format!("[correction/{}]", rule.name)));
        assert!(tested, "{} untested", rule.name);
    }
}

#[test]
fn an_incomplete_review_is_proposed_and_its_confirmation_refused() {
    let (_tmp, root) = dataset_copy();
    released(&root);
    let incomplete = proposals(&root.join("releases/1.0.0"))
        .into_iter()
        .find(|p| p["reason"] == "incomplete_review")
        .expect("the review without a date is proposed");
    let claim_id = incomplete["claim_id"].as_str().expect("id");
    let review = incomplete["review_id"].as_str().expect("id");
    // `claimset correct` refuses to write the confirmation, and says why.
    let run = crate::common::claimset(
        &root,
        &[
            "correct",
            ".",
            claim_id,
            "--confirm-review",
            review,
            "--reason",
            "x",
        ],
        b"",
    );
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("[correction/review-incomplete]"),
        "{}",
        run.stderr
    );
    assert!(!root.join("corrections").exists());
    write(&root, &confirm(claim_id, review));
    let Outcome::Problems(problems) = publish(&root) else {
        panic!("a review without a date cannot be confirmed")
    };
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert_eq!(problems[0].rule, "correction/review-incomplete");
    assert!(
        problems[0].message.contains("no publication date"),
        "{}",
        problems[0]
    );
}

#[test]
fn the_command_writes_a_confirmation_in_canonical_form() {
    let (_tmp, root) = dataset_copy();
    released(&root);
    let run = crate::common::claimset(
        &root,
        &[
            "correct",
            ".",
            BELOW,
            "--confirm-review",
            BELOW_REVIEW,
            "--reason",
            "PolitiFact paraphrases Okonkwo's warning",
        ],
        b"",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let path = root
        .join("corrections")
        .join(format!("{BELOW}-confirm_review-{BELOW_REVIEW}.toml"));
    insta::assert_snapshot!(std::fs::read_to_string(path).expect("written"), @r#"
    action = "confirm_review"
    claim = "c587fd896d16a00a0"
    review = "r0564d2aa8b6e0212"
    reason = "PolitiFact paraphrases Okonkwo's warning"
    "#);
    let run = crate::common::claimset(
        &root,
        &[
            "correct",
            ".",
            BELOW,
            "--reject-review",
            "r0000000000000000",
            "--reason",
            "x",
        ],
        b"",
    );
    assert_ne!(run.code, 0);
    assert!(
        run.stderr.contains("[correction/unknown-review]"),
        "{}",
        run.stderr
    );
}

/// The review files are inputs: changing them is a release (a patch), and the manifest
/// records them.
#[test]
fn reviews_are_release_inputs() {
    let (_tmp, root) = dataset_copy();
    let first = released(&root);
    assert!(matches!(publish(&root), Outcome::UpToDate(_)));
    std::fs::remove_file(root.join("reviews/more.jsonld")).expect("remove");
    let second = released(&root);
    assert_eq!(second.version.to_string(), "1.0.1");
    assert_eq!(second.kind, Some(claimset::Bump::Patch));
    assert_ne!(
        first.manifest.inputs.reviews,
        second.manifest.inputs.reviews
    );
    assert_eq!(second.manifest.inputs.review_files, 2);
    // The latest release is intact and reproduces, proposed links included.
    let verify =
        || claimset::verify(&Dataset::open(&root).expect("dataset"), None, 0).expect("verify");
    let v = verify();
    assert!(v.passed() && v.reproduces(), "{}", v.to_text());
    assert!(
        v.files.iter().any(
            |f| matches!(f, claimset::FileCheck::Ok { name } if name == "proposed-links.jsonl")
        ),
        "{}",
        v.to_text()
    );
    // proposed-links.jsonl edited by hand: verify says so.
    let links = root.join("releases/1.0.1/proposed-links.jsonl");
    let published = std::fs::read(&links).expect("published");
    std::fs::write(&links, b"{}\n").expect("tamper");
    let v = verify();
    assert!(!v.intact(), "{}", v.to_text());
    assert!(
        v.to_text().contains("CHANGED  proposed-links.jsonl"),
        "{}",
        v.to_text()
    );
    std::fs::write(&links, published).expect("restore");
    // A review changed after the release: the rebuild names it.
    std::fs::remove_file(root.join("reviews/broken.jsonl")).expect("remove");
    let v = verify();
    assert!(!v.passed(), "{}", v.to_text());
    assert!(
        v.to_text().contains("reviews (2 files then, 1 now)"),
        "{}",
        v.to_text()
    );
}

#[test]
fn the_same_inputs_give_the_same_links_whatever_the_threads() {
    let (_tmp, root) = dataset_copy();
    let dataset = Dataset::open(&root).expect("dataset");
    let out = tempfile::tempdir().expect("out");
    let mut files = Vec::new();
    for jobs in [1, 3] {
        let target = out.path().join(jobs.to_string());
        let options = Options {
            bump: None,
            target: Target::Directory(target.clone()),
            jobs,
            meter: None,
        };
        claimset::release(&dataset, &options).expect("release");
        files.push(
            ["claims.parquet", "proposed-links.jsonl", "manifest.json"]
                .map(|f| std::fs::read(target.join("1.0.0").join(f)).expect("file")),
        );
    }
    assert!(files[0] == files[1], "two builds differ");
}

#[test]
fn the_new_columns_round_trip_through_parquet() {
    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("claims.parquet");
    let (_tmp, root) = dataset_copy();
    released(&root);
    let original = rows(&root.join("releases/1.0.0/claims.parquet"));
    let mut w = TableWriter::create(&path, claim_columns()).expect("writer");
    for (k, mut row) in original.iter().take(3).cloned().enumerate() {
        if k == 1 {
            row.insert("verification_status".into(), json!("false"));
            row.insert("review_id".into(), json!("r0123456789abcdef"));
            row.insert("verdict_source".into(), json!("confirmed"));
        }
        w.push(row).expect("push");
    }
    w.finish(&[]).expect("finish");
    let back = rows(&path);
    assert_eq!(back[0]["review_id"], Value::Null);
    assert_eq!(back[0]["verdict_source"], Value::Null);
    assert_eq!(back[1]["review_id"], "r0123456789abcdef");
    assert_eq!(back[1]["verdict_source"], "confirmed");
    let schema = claimset::arrow_schema(claim_columns());
    for name in ["review_id", "verdict_source"] {
        let f = schema.field_with_name(name).expect("a column");
        assert_eq!(f.data_type(), &arrow_schema::DataType::Utf8, "{name}");
        assert!(f.is_nullable(), "{name}");
    }
    assert_eq!(
        schema
            .field_with_name("verdict_source")
            .expect("column")
            .metadata()
            .get("allowed_values")
            .map(String::as_str),
        Some("linked, confirmed, correction")
    );
    // A release written before the columns existed reads them as nulls.
    let shipped = crate::common::dataset_articles()
        .parent()
        .expect("dataset")
        .join("releases/1.0.0/claims.parquet");
    let d = claimset::diff_files(&shipped, &shipped).expect("an older release compares");
    assert_eq!(d.changed_total, 0);
}

/// Without the articles at hand (an external corpus absent), `validate` checks decisions on
/// links against the latest release and the dataset's reviews, as it checks the claims named.
#[test]
fn decisions_are_checked_against_the_release_when_the_articles_are_elsewhere() {
    let (_tmp, root) = dataset_copy();
    released(&root);
    let mut toml = std::fs::read_to_string(root.join("dataset.toml")).expect("read");
    toml.push_str("\n[[inputs]]\nname = \"corpus\"\npath = \"../absent.jsonl\"\nsha256 = \"");
    toml.push_str(&"0".repeat(64));
    toml.push_str("\"\n");
    std::fs::write(root.join("dataset.toml"), toml).expect("write");
    write(&root, &confirm(OLDER, OLDER_REVIEW));
    write(&root, &confirm(BELOW, "r0000000000000000"));
    let checked = claimset::check(&Dataset::open(&root).expect("dataset"), 0).expect("check");
    assert!(!checked.absent.is_empty(), "the corpus is absent");
    let rules: Vec<&str> = checked.problems.iter().map(|p| p.rule.as_str()).collect();
    assert_eq!(
        rules,
        [
            "correction/unknown-review",
            "correction/review-before-claim"
        ],
        "{:#?}",
        checked.problems
    );
}

/// A rejected link is not applied; the next match as safe and as sure takes its place. The
/// matcher rarely rates two reviews of one claim that high (the second pays for its rank), so
/// the threshold is lowered here to bring the director's two fact-checks over it.
#[test]
fn a_rejected_link_gives_way_to_the_next_safe_match() {
    let (_tmp, root) = dataset_copy();
    // A second fact-check of the director's words, by another fact-checker.
    std::fs::write(
        root.join("reviews/second.jsonl"),
        r#"{"@context":"https://schema.org","@type":"ClaimReview","url":"https://www.factcheck.org/2019/07/water-utility-never-knowingly-overcharged/","claimReviewed":"Utility director Ellen Marsh said the water utility had never knowingly overcharged anyone.","headline":"Did the water utility never knowingly overcharge customers?","datePublished":"2019-07-15","author":{"@type":"Organization","name":"FactCheck.org"},"itemReviewed":{"@type":"Claim","author":{"@type":"Person","name":"Ellen Marsh"},"datePublished":"2019-07-08"},"reviewRating":{"@type":"Rating","alternateName":"False"}}
"#,
    )
    .expect("write");
    released(&root);
    let (claims, problems) =
        claimset::read_claim_queries(&root.join("releases/1.0.0/claims.parquet")).expect("reads");
    assert!(problems.is_empty(), "{problems:?}");
    let reviews =
        claimset::import_dataset_reviews(&Dataset::open(&root).expect("dataset")).expect("reads");
    let options = claimset::MatchOptions {
        link_threshold: 0.6,
        ..Default::default()
    };
    let at = claims
        .iter()
        .position(|c| c.claim_id == LINKED_TOO)
        .expect("the claim");
    let by_hand = vec![false; claims.len()];
    let reviewer = |links: &claimset::Links| {
        let applied = links.applied[at].as_ref().expect("a review is applied");
        reviews.reviews[applied.review].reviewed_by.clone()
    };
    let mut decisions = LinkDecisions::default();
    let links = claimset::link_reviews(&claims, &by_hand, &reviews.reviews, &decisions, &options);
    assert_eq!(reviewer(&links).as_deref(), Some("Snopes"));
    let next = links
        .proposals
        .iter()
        .find(|p| p.claim_id == LINKED_TOO)
        .expect("the other fact-check is proposed");
    assert_eq!(next.reason, claimset::NotApplied::LowerRanked);
    assert!(next.score >= options.link_threshold, "{next:?}");
    let snopes = &reviews.reviews[links.applied[at].as_ref().expect("applied").review];
    decisions
        .rejected
        .insert((LINKED_TOO.into(), snopes.review_id.clone()));
    let links = claimset::link_reviews(&claims, &by_hand, &reviews.reviews, &decisions, &options);
    assert_eq!(reviewer(&links).as_deref(), Some("FactCheck.org"));
    assert!(
        !links
            .proposals
            .iter()
            .any(|p| p.claim_id == LINKED_TOO && p.review_id == snopes.review_id),
        "the rejected link is neither applied nor proposed"
    );
}

/// `claimset export --claimreview` of a release with verdicts linked, confirmed and recorded
/// by hand re-imports to the same verdicts.
#[test]
fn an_export_of_a_release_with_links_re_imports_to_the_same_verdicts() {
    let (_tmp, root) = dataset_copy();
    write(&root, &confirm(BELOW, BELOW_REVIEW));
    write(
        &root,
        &Correction::Verdict {
            claim: LINKED.into(),
            reason: "our own reporting".into(),
            verdict: Verdict {
                status: VerificationStatus::Mixed,
                label: "Partly right".into(),
                reviewed_by: "Metro Desk".into(),
                url: "https://metro.example.org/factcheck/bridge-fund".into(),
                date: "2023-03-20".parse().expect("date"),
            },
        },
    );
    released(&root);
    let release = root.join("releases/1.0.0");
    let claims = rows(&release.join("claims.parquet"));
    let sources: Vec<&Value> = claims.iter().map(|c| &c["verdict_source"]).collect();
    for source in ["linked", "confirmed", "correction"] {
        assert!(sources.contains(&&json!(source)), "no {source} verdict");
    }
    let run = crate::common::claimset(
        &root,
        &[
            "export",
            "--claimreview",
            "releases/1.0.0",
            "-o",
            "export.jsonld",
        ],
        b"",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let back = claimset::import_reviews(&root.join("export.jsonld")).expect("reads");
    assert!(back.rejections.is_empty(), "{:?}", back.rejections);
    let expected: Vec<Value> = claims
        .iter()
        .filter(|c| c["verification_status"] != "unverified")
        .map(|c| {
            json!([
                c["verification_status"],
                c["verdict_label"],
                c["reviewed_by"],
                c["review_url"],
                c["review_date"],
                c["claim_text"]
            ])
        })
        .collect();
    let got: Vec<Value> = back
        .reviews
        .iter()
        .map(|r| {
            json!([
                r.verification_status,
                r.verdict_label,
                r.reviewed_by,
                r.review_url,
                r.review_date,
                r.claim_reviewed
            ])
        })
        .collect();
    assert_eq!(expected.len(), 5, "{expected:#?}");
    assert_eq!(got, expected);
}
