//! Extraction over fixture articles of real shape: records are snapshot-tested, spans slice
//! the body in code points, ids derive from spans, and output does not depend on threads.

use claimset::ArticleOutcome as Outcome;
use claimset::{DateBasis, Origin, VerificationStatus};

#[test]
fn fixture_articles_snapshot() {
    insta::glob!("../fixtures/articles", "*.txt", |path| {
        insta::assert_json_snapshot!(crate::common::extract_paths(&[path.to_path_buf()]));
    });
}

#[test]
fn fixture_json_lines_snapshot() {
    insta::glob!("../fixtures/jsonl", "*.jsonl", |path| {
        insta::assert_json_snapshot!(crate::common::extract_paths(&[path.to_path_buf()]));
    });
}

/// The records of the dataset shipped in `datasets/`: a change to extraction shows here as
/// a diff in review.
#[test]
fn shipped_dataset_snapshot() {
    insta::assert_json_snapshot!(crate::common::extract_paths(&[
        crate::common::dataset_articles()
    ]));
}

/// The brief's example article: the claims a reader of it expects, checked field by field
/// so that a regression names what broke.
#[test]
fn shipped_dataset_has_the_expected_claimants_and_dates() {
    let records = crate::common::extract_paths(&[crate::common::dataset_articles()]);
    let find = |needle: &str| {
        records
            .iter()
            .find(|r| r.claim_text.contains(needle))
            .unwrap_or_else(|| panic!("no claim contains {needle:?}"))
    };
    let r = find("We did not see adequate consideration");
    assert_eq!(r.claimant.as_deref(), Some("Vladimir Putin"));
    assert_eq!(r.claimant_title.as_deref(), Some("Russian President"));
    let r = find("the UK will continue to uphold");
    assert_eq!(r.claimant.as_deref(), Some("Boris Johnson"));
    assert_eq!(r.cue, "said");
    let r = find("destabilizing the situation around Ukraine");
    assert_eq!(r.claimant_mention.as_deref(), Some("The British premier"));
    assert_eq!(r.claimant.as_deref(), Some("Boris Johnson"));
    assert_eq!(r.claim_date.to_string(), "2022-01-29");
    assert_eq!(r.claim_date_basis, DateBasis::Text);
    let r = find("London was planning");
    assert_eq!(r.quote_type, claimset::QuoteType::Mixed);
    let r = find("If President Putin truly does not intend war");
    assert_eq!(r.claimant.as_deref(), Some("Antony Blinken"));
    assert_eq!(r.claimant_mention.as_deref(), Some("the Secretary"));
    let r = find("the troop build-up is defensive");
    assert_eq!(r.claimant.as_deref(), Some("Russia"));
    assert_eq!(r.claimant_type, claimset::ClaimantType::Government);
    let r = find("now would be the time to pull back");
    assert_eq!(r.claimant.as_deref(), Some("Antony Blinken"));
    assert_eq!(r.claim_date.to_string(), "2022-02-01");
    assert_eq!(r.claim_date_basis, DateBasis::Text);
    let r = find("When ignoring our concerns");
    assert_eq!(r.claimant_mention.as_deref(), Some("the Russian leader"));
    assert_eq!(r.claimant.as_deref(), Some("Vladimir Putin"));
    // Narrative sentences give nothing.
    assert!(
        records
            .iter()
            .all(|r| !r.claim_text.contains("light cavalry squadron"))
    );
    for r in &records {
        assert_eq!(r.verification_status, VerificationStatus::Unverified);
        assert_eq!(r.origin, Origin::Extracted);
    }
}

/// `body[span_start:span_end]` in Python (code points) is the claim's source text: every
/// piece of the claim text appears in it.
#[test]
fn spans_slice_the_source_text_in_code_points() {
    let paths = [
        crate::common::fixture("articles"),
        crate::common::fixture("jsonl"),
        crate::common::dataset_articles(),
    ];
    let articles = crate::common::articles(&paths);
    let records = crate::common::extract_paths(&paths);
    let fold = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    for r in &records {
        let a = articles
            .iter()
            .find(|a| a.id == r.article_id)
            .expect("the record's article");
        let chars: Vec<char> = a.body.chars().collect();
        assert!(r.span_start < r.span_end && (r.span_end as usize) <= chars.len());
        let slice: String = chars[r.span_start as usize..r.span_end as usize]
            .iter()
            .collect();
        let slice = fold(&slice);
        for piece in r.claim_text.split(" … ") {
            assert!(slice.contains(piece), "{piece:?} not in span {slice:?}");
        }
        let expected_id = claimset::claim_id(&r.article_id, r.span_start, r.span_end, &{
            chars[r.span_start as usize..r.span_end as usize]
                .iter()
                .collect::<String>()
        });
        assert_eq!(r.claim_id, expected_id, "ids derive from the span");
    }
}

#[test]
fn non_ascii_bodies_use_code_point_offsets() {
    let dir = tempfile::tempdir().expect("temp dir");
    let body = "Café owners in Malmö expect a hard winter. “Prices will rise again,” said \
                Zoë Ålund, a baker.\n";
    let text = format!("Prices\n20240101\nhttps://example.com/a\n{body}");
    std::fs::write(dir.path().join("cafe.txt"), text).expect("write fixture");
    let records = crate::common::extract_paths(&[dir.path().to_path_buf()]);
    assert_eq!(records.len(), 1);
    let r = &records[0];
    let slice: String = body
        .chars()
        .skip(r.span_start as usize)
        .take((r.span_end - r.span_start) as usize)
        .collect();
    assert_eq!(slice, "Prices will rise again");
    assert_eq!(
        r.span_start, 44,
        "code points, not bytes (the UTF-8 offset is 49)"
    );
    assert_eq!(r.claimant.as_deref(), Some("Zoë Ålund"));
}

#[test]
fn output_does_not_depend_on_the_number_of_threads() {
    let paths = [
        crate::common::fixture("articles"),
        crate::common::fixture("jsonl"),
        crate::common::dataset_articles(),
    ];
    let render = |outcomes: Vec<Outcome>| {
        outcomes
            .iter()
            .map(|o| match o {
                Outcome::Extracted { claims, .. } => serde_json::to_string(claims).expect("json"),
                Outcome::Rejected(r) => r.to_string(),
                Outcome::Skipped(p) => p.display().to_string(),
            })
            .collect::<Vec<_>>()
    };
    let one = render(crate::common::run(&paths, 1));
    let four = render(crate::common::run(&paths, 4));
    assert_eq!(one, four);
}

/// Duplicate ids are caught where every earlier article is known, whichever worker parsed
/// either copy: each later copy is rejected and points at the first, at any thread count.
#[test]
fn duplicates_far_apart_are_rejected_at_any_thread_count() {
    let dir = tempfile::tempdir().expect("temp dir");
    // Line 1 + 3k (k ≥ 100) repeats the id of line 1 + k: hundreds of lines, several
    // batches, apart.
    let corpus = json_corpus(dir.path(), 600, |k| {
        if k >= 300 && k % 3 == 0 { k / 3 } else { k }
    });
    let render = |outcomes: Vec<Outcome>| -> Vec<String> {
        outcomes
            .iter()
            .filter_map(|o| match o {
                Outcome::Rejected(r) => Some(r.to_string()),
                _ => None,
            })
            .collect()
    };
    let one = render(crate::common::run(std::slice::from_ref(&corpus), 1));
    assert_eq!(one.len(), 100);
    let file = corpus.display().to_string();
    assert!(
        one[0].contains(&format!("{file}:301"))
            && one[0].contains(&format!("already read at {file}:101")),
        "{}",
        one[0]
    );
    assert_eq!(one, render(crate::common::run(&[corpus], 3)));
}

#[test]
fn articles_without_claims_are_accounted_for() {
    let outcomes = crate::common::run(&[crate::common::fixture("articles")], 0);
    let empty: Vec<&str> = outcomes
        .iter()
        .filter_map(|o| match o {
            Outcome::Extracted { article, claims } if claims.is_empty() => {
                Some(article.id.as_str())
            }
            _ => None,
        })
        .collect();
    assert_eq!(empty, ["harbour-festival"]);
}

/// A sink that fails (a full disk, a closed pipe) must end the run with its error, however
/// many batches are still being read: the reader waits for tokens that delivery gives back,
/// so a lost wake-up here is a hang, not a slow run.
#[test]
fn a_failing_sink_ends_the_run_instead_of_hanging() {
    use claimset::Input;
    use claimset::RunOptions as Options;

    /// Accepts nine outcomes, then fails as a full disk would.
    fn full_disk(delivered: &mut usize) -> Result<(), claimset::Error> {
        *delivered += 1;
        if *delivered < 10 {
            return Ok(());
        }
        Err(claimset::Error::Write {
            path: "claims.jsonl".into(),
            source: std::io::Error::other("no space left on device"),
        })
    }

    let dir = tempfile::tempdir().expect("temp dir");
    // Far more batches than may be in flight at once.
    let corpus = json_corpus(dir.path(), 3000, |k| k);
    for jobs in [1, 2] {
        let (done, result) = std::sync::mpsc::channel();
        let inputs = vec![Input::Path(corpus.clone())];
        std::thread::spawn(move || {
            let mut delivered = 0;
            let r = claimset::run(
                &inputs,
                &Options { jobs, meter: None },
                |o| o,
                |_| full_disk(&mut delivered),
            );
            let _ = done.send(r.map(|_| ()).map_err(|e| e.to_string()));
        });
        let r = result
            .recv_timeout(std::time::Duration::from_mins(2))
            .unwrap_or_else(|_| panic!("the run hangs after its sink failed (-j {jobs})"));
        assert_eq!(
            r,
            Err("cannot write `claims.jsonl`".to_owned()),
            "-j {jobs}"
        );
    }
}

/// Writes `corpus.jsonl` in `dir`: `n` articles of one quoted claim each, line 1 + k with
/// the id `a{id(k)}` and a URL of its own.
fn json_corpus(dir: &std::path::Path, n: usize, id: impl Fn(usize) -> usize) -> std::path::PathBuf {
    let corpus = dir.join("corpus.jsonl");
    let lines: Vec<String> = (0..n)
        .map(|k| {
            serde_json::json!({
                "id": format!("a{}", id(k)),
                "date": "2023-03-01",
                "url": format!("https://news.example.com/{k}"),
                "text": "\"We will not resign,\" the minister told reporters on Monday.",
            })
            .to_string()
        })
        .collect();
    std::fs::write(&corpus, lines.join("\n")).expect("write corpus");
    corpus
}
