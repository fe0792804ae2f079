//! Corrections: each action applied at release time, every problem reported at once with
//! its file and line, nothing half-applied, fixes that survive an extractor change, and one
//! canonical form for every committed correction file.

use std::path::{Path, PathBuf};

use claimset::Dataset;
use claimset::claim_columns;
use claimset::{ClaimantType, QuoteType, VerificationStatus};
use claimset::{Correction, Corrections, NewClaim, SetFields, Verdict};
use claimset::{ReleaseOptions as Options, ReleaseOutcome as Outcome, Target};
use claimset::{TableWriter, read_rows};
use serde_json::{Map, Value};

const ARTICLE: &str = "000_e3ac15cbcb69a53b";

/// A copy of the shipped dataset's inputs with its first release built, and that release's
/// claims.
fn released_copy() -> (tempfile::TempDir, PathBuf, Vec<Map<String, Value>>) {
    let (tmp, root) = crate::common::dataset_copy();
    let dataset = Dataset::open(&root).expect("dataset");
    release(&dataset);
    let claims = rows(&root.join("releases/1.0.0/claims.parquet"));
    (tmp, root, claims)
}

fn release(dataset: &Dataset) -> Box<claimset::Release> {
    let options = Options {
        bump: None,
        target: Target::Publish,
        jobs: 0,
        meter: None,
    };
    match claimset::release(dataset, &options).expect("release runs") {
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
    read_rows(path, claim_columns(), |_, r| {
        out.push(r);
        Ok(())
    })
    .expect("readable");
    out
}

fn write(root: &Path, c: &Correction) {
    let dir = root.join("corrections");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join(c.file_name()), c.to_canonical()).expect("write correction");
}

fn id_of(claims: &[Map<String, Value>], needle: &str) -> String {
    claims
        .iter()
        .find(|r| r["claim_text"].as_str().is_some_and(|t| t.contains(needle)))
        .and_then(|r| r["claim_id"].as_str())
        .unwrap_or_else(|| panic!("no claim with {needle:?}"))
        .to_owned()
}

#[test]
fn each_action_is_applied_and_the_changelog_says_so() {
    let (_tmp, root, before) = released_copy();
    let blinken = id_of(&before, "If President Putin truly");
    let equation = id_of(&before, "one part of the security equation");
    let putin = id_of(&before, "ignored Moscows key concerns");

    let set = Correction::Set {
        claim: blinken.clone(),
        reason: "the Secretary spoke on Tuesday".into(),
        set: SetFields {
            claim_date: "2022-02-01".parse().ok(),
            claimant_title: Some("US Secretary of State".into()),
            ..SetFields::default()
        },
    };
    write(&root, &set);
    write(
        &root,
        &Correction::Reject {
            claim: equation.clone(),
            reason: "a test of rejection".into(),
        },
    );
    let verdict = Correction::Verdict {
        claim: putin.clone(),
        reason: "a test of a verdict".into(),
        verdict: Verdict {
            status: VerificationStatus::Misleading,
            label: "Needs context".into(),
            reviewed_by: "Example Fact Check".into(),
            url: "https://factcheck.example.org/2022/02/03/putin".into(),
            date: "2022-02-03".parse().expect("date"),
        },
    };
    write(&root, &verdict);
    let add = Correction::Add {
        reason: "a missed rejection".into(),
        add: NewClaim {
            article: ARTICLE.into(),
            text: "Washington rejected the proposals as non-starters.".into(),
            occurrence: None,
            claim_text: Some("the proposals are non-starters".into()),
            quote_type: QuoteType::Indirect,
            claimant: Some("United States".into()),
            claimant_mention: Some("Washington".into()),
            claimant_title: None,
            claimant_type: ClaimantType::Government,
            cue: "rejected".into(),
            claim_date: None,
            claim_date_precision: None,
        },
    };
    write(&root, &add);

    let r = release(&Dataset::open(&root).expect("dataset"));
    assert_eq!(r.version.to_string(), "1.0.1", "corrections only: a patch");
    assert_eq!(
        (
            r.manifest.counts.claims_corrected,
            r.manifest.counts.claims_added,
            r.manifest.counts.claims_rejected
        ),
        (2, 1, 1)
    );
    let after = rows(&root.join("releases/1.0.1/claims.parquet"));
    let get = |id: &str| after.iter().find(|r| r["claim_id"] == id).cloned();
    let b = get(&blinken).expect("kept");
    assert_eq!(
        (b["origin"].as_str(), b["claimant_title"].as_str()),
        (Some("corrected"), Some("US Secretary of State"))
    );
    assert_eq!(b["claim_date_basis"], "text");
    assert!(
        get(&equation).is_none(),
        "rejected claims leave the release"
    );
    let p = get(&putin).expect("kept");
    assert_eq!(
        (
            p["verification_status"].as_str(),
            p["verdict_label"].as_str()
        ),
        (Some("misleading"), Some("Needs context"))
    );
    let added = after
        .iter()
        .find(|r| r["origin"] == "added")
        .expect("added");
    let body = std::fs::read_to_string(root.join("articles").join(format!("{ARTICLE}.txt")))
        .expect("article")
        .splitn(4, '\n')
        .nth(3)
        .expect("body")
        .to_owned();
    let span: String = body
        .chars()
        .skip(added["span_start"].as_u64().expect("start") as usize)
        .take(
            (added["span_end"].as_u64().expect("end")
                - added["span_start"].as_u64().expect("start")) as usize,
        )
        .collect();
    assert_eq!(span, "Washington rejected the proposals as non-starters.");
    let changelog = std::fs::read_to_string(root.join("CHANGELOG.md")).expect("changelog");
    assert!(
        changelog.contains(&format!("- `{equation}`: a test of rejection")),
        "{changelog}"
    );
}

/// Every problem in every correction file, at once, with its file and line; and the release
/// with them writes nothing.
#[test]
fn every_problem_is_reported_at_once_and_nothing_is_written() {
    let (_tmp, root, before) = released_copy();
    let blinken = id_of(&before, "If President Putin truly");
    let dir = root.join("corrections");
    std::fs::create_dir_all(&dir).expect("mkdir");
    let files: Vec<(String, String)> = vec![
        ("c0123456789abcdef-set.toml".into(),
         "action = \"set\"\nclaim = \"c0123456789abcdef\"\nreason = \"no such claim\"\n\n[set]\ncue = \"said\"\n".into()),
        (format!("{blinken}-set.toml"),
         format!("action = \"set\"\nclaim = \"{blinken}\"\nreason = \"an unknown field\"\n\n[set]\nspeaker = \"Blinken\"\n")),
        ("c1111111111111111-set.toml".into(),
         "action = \"set\"\nclaim = \"c1111111111111111\"\nreason = \"an enum\"\n\n[set]\nquote_type = \"paraphrase\"\n".into()),
        ("c2222222222222222-set.toml".into(),
         "action = \"set\"\nclaim = \"c2222222222222222\"\nreason = \"a date\"\n\n[set]\nclaim_date = \"2022-02-30\"\n".into()),
        (format!("{blinken}-verdict.toml"),
         format!("action = \"verdict\"\nclaim = \"{blinken}\"\nreason = \"a bad URL and status\"\n\n[verdict]\nstatus = \"unverified\"\nlabel = \"x\"\nreviewed_by = \"y\"\nurl = \"politifact\"\ndate = \"2022-02-03\"\n")),
        ("c3333333333333333-reject.toml".into(),
         "action = \"reject\"\nclaim = \"c3333333333333333\"\n".into()),
        (format!("{blinken}-set-again.toml"),
         format!("action = \"set\"\nclaim = \"{blinken}\"\nreason = \"conflicts\"\n\n[set]\ncue = \"told\"\n")),
        ("conflict.toml".into(),
         format!("action = \"set\"\nclaim = \"{blinken}\"\nreason = \"conflicts\"\n\n[set]\ncue = \"warned\"\n")),
        (format!("add-{ARTICLE}-00000000.toml"),
         format!("action = \"add\"\nreason = \"text not there\"\n\n[add]\narticle = \"{ARTICLE}\"\ntext = \"Putin never said this.\"\nquote_type = \"indirect\"\nclaimant_type = \"person\"\ncue = \"said\"\n")),
        (format!("add-{ARTICLE}-11111111.toml"),
         format!("action = \"add\"\nreason = \"ambiguous\"\n\n[add]\narticle = \"{ARTICLE}\"\ntext = \"Ukraine\"\nquote_type = \"indirect\"\nclaimant_type = \"person\"\ncue = \"said\"\n")),
        ("c4444444444444444-reject.toml".into(),
         "action = \"reject\"\nclaim = \"c4444444444444444\"\nreason = \"a table that does not belong\"\n\n[set]\ncue = \"said\"\n".into()),
        ("c5555555555555555-reject.toml".into(),
         "# a comment\naction   = \"reject\"\nclaim = \"c5555555555555555\"\nreason = \"not canonical\"\n".into()),
        ("syntax.toml".into(), "action = \"set\nclaim = \n".into()),
        ("notes.txt".into(), "not a correction".into()),
    ];
    for (name, text) in &files {
        std::fs::write(dir.join(name), text).expect("write");
    }
    let dataset = Dataset::open(&root).expect("dataset");
    let options = Options {
        bump: None,
        target: Target::Publish,
        jobs: 0,
        meter: None,
    };
    let problems = match claimset::release(&dataset, &options).expect("runs") {
        Outcome::Problems(p) => p,
        other => panic!("expected problems, got {other:?}"),
    };
    assert!(!root.join("releases/1.0.1").exists(), "nothing released");
    let changelog = std::fs::read_to_string(root.join("CHANGELOG.md")).expect("changelog");
    assert!(!changelog.contains("1.0.1"));
    insta::assert_snapshot!(
        "load_problems",
        problems
            .iter()
            .map(|p| p.to_string().replace(&blinken, "<claim>"))
            .collect::<Vec<_>>()
            .join("\n")
    );
    let checked = claimset::check(&dataset, 0).expect("check runs").problems;
    assert_eq!(
        checked.iter().map(ToString::to_string).collect::<Vec<_>>(),
        problems.iter().map(ToString::to_string).collect::<Vec<_>>(),
        "validate reports what release reports"
    );
}

/// The extractor draws a claim's boundaries differently than the release the correction was
/// written against: the claim keeps its id, and the correction still applies.
#[test]
fn a_correction_survives_an_extractor_that_moves_boundaries() {
    let (_tmp, root, before) = released_copy();
    // Rewrite 1.0.0 as an older extractor would have made it: wider spans, other ids.
    let published = root.join("releases/1.0.0/claims.parquet");
    let mut w = TableWriter::create(&published, claim_columns()).expect("writer");
    let mut target = String::new();
    for (k, mut row) in before.into_iter().enumerate() {
        let id = format!("c{k:016x}");
        if row["claim_text"]
            .as_str()
            .is_some_and(|t| t.contains("ignored Moscows key concerns"))
        {
            target.clone_from(&id);
        }
        let start = row["span_start"].as_i64().expect("span");
        row.insert("span_start".into(), Value::from((start - 5).max(0)));
        row.insert("claim_id".into(), Value::from(id));
        w.push(row).expect("push");
    }
    w.finish(&[]).expect("finish");
    let set = Correction::Set {
        claim: target.clone(),
        reason: "written against the older release".into(),
        set: SetFields {
            claimant_title: Some("President of Russia".into()),
            ..SetFields::default()
        },
    };
    write(&root, &set);
    let r = release(&Dataset::open(&root).expect("dataset"));
    let after = rows(&root.join(format!("releases/{}/claims.parquet", r.version)));
    let fixed = after
        .iter()
        .find(|r| r["claim_id"] == target.as_str())
        .expect("id kept");
    assert_eq!(fixed["claimant_title"], "President of Russia");
    assert_eq!(fixed["origin"], "corrected");
}

/// Every committed correction file is in canonical form: reviews never argue about
/// formatting. `claimset correct --canonical FILE` rewrites one.
#[test]
fn committed_corrections_are_canonical() {
    let datasets = Path::new(env!("CARGO_MANIFEST_DIR")).join("datasets");
    let mut seen = 0;
    for d in std::fs::read_dir(&datasets).expect("datasets") {
        let dir = d.expect("entry").path().join("corrections");
        let Ok(files) = std::fs::read_dir(&dir) else {
            continue;
        };
        for f in files {
            let path = f.expect("entry").path();
            let text = std::fs::read_to_string(&path).expect("read");
            let c: Correction =
                toml::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            assert_eq!(
                text,
                c.to_canonical(),
                "{} is not canonical",
                path.display()
            );
            assert_eq!(
                path.file_name().expect("name").to_string_lossy(),
                c.file_name(),
                "{} is misnamed",
                path.display()
            );
            seen += 1;
        }
    }
    assert!(seen > 0, "the shipped dataset carries corrections");
}

#[test]
fn the_shipped_corrections_load_without_problems() {
    let root = crate::common::dataset_articles()
        .parent()
        .expect("dataset")
        .to_path_buf();
    let (c, problems) = Corrections::load_dir(&root, &root.join("corrections")).expect("load");
    assert!(problems.is_empty(), "{problems:#?}");
    assert!(c.loaded.len() >= 2);
}

#[test]
fn correct_writes_a_canonical_file_and_search_finds_claims() {
    let (_tmp, root, before) = released_copy();
    let id = id_of(&before, "one part of the security equation");
    let dir = root.parent().expect("parent");
    let run = crate::common::claimset(
        dir,
        &["search", "ukraine-crisis-2022", "security equation"],
        b"",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.starts_with(&id), "{}", run.stdout);

    let run = crate::common::claimset(
        dir,
        &[
            "correct",
            "ukraine-crisis-2022",
            &id,
            "--set",
            "claimant_type=person",
            "--set",
            "cue=added",
            "--reason",
            "a test",
        ],
        b"",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let path = root.join("corrections").join(format!("{id}-set.toml"));
    let text = std::fs::read_to_string(&path).expect("written");
    insta::assert_snapshot!(text.replace(&id, "<claim>"), @r#"
    action = "set"
    claim = "<claim>"
    reason = "a test"

    [set]
    claimant_type = "person"
    cue = "added"
    "#);
    let run = crate::common::claimset(dir, &["validate", "ukraine-crisis-2022"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);

    let run = crate::common::claimset(
        dir,
        &[
            "correct",
            "ukraine-crisis-2022",
            "c0000000000000000",
            "--reject",
            "--reason",
            "x",
        ],
        b"",
    );
    assert_eq!(run.code, 2, "an unknown claim id is refused");
    assert!(run.stderr.contains("claimset search"), "{}", run.stderr);
}
