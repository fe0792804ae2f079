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

/// The records of one fixture article.
fn fixture_records(name: &str) -> Vec<claimset::ClaimRecord> {
    crate::common::extract_paths(&[crate::common::fixture(&format!("articles/{name}"))])
}

fn claim_with<'a>(records: &'a [claimset::ClaimRecord], needle: &str) -> &'a claimset::ClaimRecord {
    records
        .iter()
        .find(|r| r.claim_text.contains(needle))
        .unwrap_or_else(|| panic!("no claim contains {needle:?}"))
}

/// The constructions news in other house styles uses, one sentence each: quotation marks that
/// do not pair as typed, follow-on and introduced quotes, long appositives, interrupting
/// frames, long end-attributed reports, a listener and a day before `that`, descriptions
/// before a name, and accusations.
#[test]
fn constructions_of_other_house_styles_find_the_claim_and_its_speaker() {
    let records = fixture_records("school-meals-overhaul.txt");
    let speaker = |needle: &str| claim_with(&records, needle).claimant.clone();
    // A curly opening mark closed by a straight one; quotes nested in quotes.
    assert_eq!(
        speaker("how schools buy food").as_deref(),
        Some("Carla Duarte")
    );
    assert_eq!(
        speaker("here we go again").as_deref(),
        Some("Renée Marchand")
    );
    // A follow-on quote joins its speaker's claim; a quote introduced by a colon sentence
    // after another speaker's claim is the introduced person's.
    let r = claim_with(&records, "We need a second contract");
    assert!(
        r.claim_text.contains("This time the schools know"),
        "{}",
        r.claim_text
    );
    assert_eq!(
        speaker("cold lunches is not the end").as_deref(),
        Some("Carla Duarte")
    );
    // Long appositives before and after the cue.
    assert_eq!(
        speaker("children who skip lunch").as_deref(),
        Some("Lena Park")
    );
    let r = claim_with(&records, "The cost is not the issue");
    assert_eq!(r.claimant.as_deref(), Some("Tom Reyes"));
    assert_eq!(
        r.claimant_title.as_deref(),
        Some("senior economist for public services at a Toronto bank")
    );
    // A frame that interrupts the claim; a long report attributed at its end.
    let r = claim_with(&records, "met the nutrition rules on paper");
    assert!(
        r.claim_text.contains("thrown away uneaten"),
        "{}",
        r.claim_text
    );
    assert_eq!(r.claimant.as_deref(), Some("Lena Park"));
    assert_eq!(
        speaker("two weeks of snow").as_deref(),
        Some("Renée Marchand")
    );
    // A listener and a day between the cue and `that`: neither is in the claim; the day
    // dates it.
    let r = claim_with(&records, "open its own kitchens");
    assert_eq!(
        r.claim_text,
        "the district would open its own kitchens by the fall"
    );
    assert_eq!(r.claim_date.to_string(), "2023-03-12");
    // A description before the name, and an age before it, are not the name.
    assert_eq!(
        speaker("never told the contract").as_deref(),
        Some("Jamie Lowe")
    );
    assert_eq!(speaker("Half my class").as_deref(), Some("Priya Nair"));
    // An accusation is what the accused is said to have done; critics are no one's name.
    let r = claim_with(&records, "ignoring the complaints");
    assert_eq!(r.claim_text, "ignoring the complaints for a year");
    assert_eq!(r.claimant, None);
    assert_eq!(r.claimant_title.as_deref(), Some("Critics"));
}

/// Who said it and when, for the error classes a fact-checker meets in real news: pronouns for
/// a pair, for the subject before and past a speaker of the other gender, `it` and `the
/// department` for an organisation named before, names with suffixes, page furniture, and
/// dates from the frame but never from the claim.
#[test]
fn claimants_and_dates_are_the_ones_a_reader_gives() {
    let records = fixture_records("port-authority-dispute.txt");
    let r = |needle: &str| claim_with(&records, needle);
    let who = |needle: &str| r(needle).claimant.clone();
    // `They` after a pair that is the subject; page furniture before it names no one.
    assert_eq!(
        who("create 3,000 jobs").as_deref(),
        Some("Martin Alvarez Jr. and Sandra Okafor")
    );
    assert!(
        records
            .iter()
            .all(|r| r.claimant.as_deref() != Some("MORE"))
    );
    // `he` after `Alvarez turned to Okafor`, and after `Alvarez turned to Malhotra`: the
    // subject, with his suffix, not the person he turned to.
    assert_eq!(
        who("Everybody in this room").as_deref(),
        Some("Martin Alvarez Jr.")
    );
    assert_eq!(
        who("done by the summer").as_deref(),
        Some("Martin Alvarez Jr.")
    );
    // `she` looks past the man who spoke in between.
    assert_eq!(who("roads could wait").as_deref(), Some("Dev Malhotra"));
    assert_eq!(
        who("would not sign without them").as_deref(),
        Some("Sandra Okafor")
    );
    // `It` and `The department` for the organisation named just before.
    assert_eq!(
        who("double truck traffic").as_deref(),
        Some("Port Authority of Lakeview")
    );
    assert_eq!(who("took six months").as_deref(), Some("State Department"));
    // A sentence-opening word is not a name.
    assert_eq!(
        who("$40 million a year").as_deref(),
        Some("Martin Alvarez Jr.")
    );
    // `NAME, a description, who told …`: the name spoke; the description is its title.
    let r2 = r("dredging was unsafe");
    assert_eq!(r2.claimant.as_deref(), Some("Ana Silva"));
    assert_eq!(r2.claimant_title.as_deref(), Some("veteran engineer"));
    // A title held before (`then-Harbour Commissioner`) is a title, not part of the name.
    let r3 = r("never deep enough");
    assert_eq!(r3.claimant.as_deref(), Some("Rosa Vidal"));
    assert_eq!(
        r3.claimant_title.as_deref(),
        Some("then-Harbour Commissioner")
    );
    // Joint claimants stay together.
    assert_eq!(
        who("same shipping lines").as_deref(),
        Some("Louisiana and Georgia")
    );
    // A link's hover text pasted after a name (the full name again, glued to headlines, then
    // `MORE`) is not read: no headline becomes a claim, and the name before it speaks.
    assert_eq!(
        who("match the federal money").as_deref(),
        Some("Tom Brandt")
    );
    assert!(
        records
            .iter()
            .all(|r| !r.claim_text.contains("dredging costs"))
    );
    // Dates: a possessive weekday in the frame, an attributive one, an explicit date; a date
    // inside the claim does not date it.
    assert_eq!(
        r("cargo volumes had risen").claim_date.to_string(),
        "2020-01-19"
    );
    assert_eq!(
        r("dredging permits were ready").claim_date.to_string(),
        "2020-01-22"
    );
    assert_eq!(
        r("dredging permits were ready").claim_text,
        "the dredging permits were ready"
    );
    assert_eq!(r("vote in the spring").claim_date.to_string(), "2020-01-14");
    assert_eq!(r("create 3,000 jobs").claim_date.to_string(), "2020-01-23");
}

/// Frames that once found no speaker, one sentence each, and a quote whose own frame names
/// no one: each claim goes to who the sentence says spoke, never to the speaker before.
#[test]
fn names_in_ly_descriptions_and_scene_setting_adjuncts() {
    let records = fixture_records("theatre-benefit-gala.txt");
    let r = |needle: &str| claim_with(&records, needle);
    let who = |needle: &str| r(needle).claimant.clone();
    // A surname in `-ly` is a name, not an adverb between speaker and verb.
    assert_eq!(who("raised more than").as_deref(), Some("Ann Connolly"));
    // `The actress`: a person noun in `-ess`, and a description, never a name.
    let actress = r("parking garage");
    assert_eq!(actress.claimant, None);
    assert_eq!(actress.claimant_title.as_deref(), Some("actress"));
    assert_eq!(actress.claimant_type, claimset::ClaimantType::Anonymous);
    // The description an appositive gave a name earlier finds that name again.
    assert_eq!(who("love the stage").as_deref(), Some("Jane Doe"));
    // `Each side`: an unnamed source.
    assert_eq!(who("roof go unrepaired"), None);
    assert_eq!(
        r("roof go unrepaired").claimant_title.as_deref(),
        Some("side")
    );
    // One company's chief executive is not another's.
    assert_eq!(who("sell the building").as_deref(), Some("Paul Grant"));
    // A description before a name is the name's title.
    assert_eq!(who("heritage bylaw").as_deref(), Some("Dana Whitfield"));
    assert_eq!(
        r("heritage bylaw").claimant_title.as_deref(),
        Some("national heritage lawyer")
    );
    // `the statement` speaks for who issued it, named with `its statement` before.
    assert_eq!(who("inspectors").as_deref(), Some("Rialto Holdings"));
    // `They` after unnamed critics who just spoke: the same critics.
    assert_eq!(who("wanted the land"), None);
    assert_eq!(
        r("wanted the land").claimant_title.as_deref(),
        Some("Critics")
    );
    assert_eq!(
        r("wanted the land").claimant_type,
        claimset::ClaimantType::Anonymous
    );
    // A year in a relative clause about the speaker does not date the claim.
    assert_eq!(
        r("reopen by Christmas").claim_date.to_string(),
        "2024-05-11"
    );
    // A relative clause that is the frame does.
    assert_eq!(r("buy the theatre").claim_date.to_string(), "2024-04-29");
    // `one longtime subscriber in Eastfield`: a person noun takes its place along.
    assert_eq!(who("show there again"), None);
    assert_eq!(
        r("show there again").claimant_title.as_deref(),
        Some("longtime subscriber in Eastfield")
    );
    // `the Stagecount ticketing firm`: the name, then what the firm is.
    assert_eq!(who("topped 900").as_deref(), Some("Stagecount"));
    // `the EHT`: the body's full name, from its initials.
    assert_eq!(
        who("begin in the autumn").as_deref(),
        Some("Eastfield Heritage Trust")
    );
    // `the group` with two organisations named just before: no guess.
    assert_eq!(who("vote for the theatre"), None);
    // `The letter` is the letter the councillor sent.
    assert_eq!(who("new roof").as_deref(), Some("Ann Connolly"));
    // Quotes in single marks, and a single mark closed by a double one.
    assert_eq!(
        r("fall down").claim_text,
        "We are not going to let it fall down … It is the best room in the city"
    );
    assert_eq!(who("never our job").as_deref(), Some("Paul Grant"));
    // A quote before a speaker with an appositive and a relative clause, `said of`, and
    // the quote that follows it.
    assert_eq!(who("generous night").as_deref(), Some("Ruth Okafor"));
    assert!(
        r("generous night")
            .claim_text
            .ends_with("match every dollar")
    );
    // An opening adjunct before `joked about` is the scene, not a claim.
    assert!(
        records
            .iter()
            .all(|r| !r.claim_text.contains("later interview"))
    );
}

#[test]
fn frames_with_names_titles_and_asides_find_their_speaker() {
    let records = fixture_records("transit-strike-talks.txt");
    let r = |needle: &str| claim_with(&records, needle);
    let who = |needle: &str| r(needle).claimant.clone();
    // A first name that is also a modal verb.
    assert_eq!(who("moved an inch").as_deref(), Some("Will Doyle"));
    // An adjunct between speaker and verb is not a title.
    assert_eq!(who("more than anyone").as_deref(), Some("Roy Blunt"));
    assert_eq!(
        r("more than anyone").claimant_title.as_deref(),
        Some("Councillor")
    );
    // `one user wrote`: an anonymous source, not the speaker before.
    assert_eq!(who("same offer").as_deref(), None);
    assert_eq!(r("same offer").claimant_title.as_deref(), Some("user"));
    // Inside a quote, `That` is the speaker's word; `of <firm>` follows the name.
    assert_eq!(
        r("buses are still").claim_text,
        "That is why the buses are still in the depot"
    );
    assert_eq!(who("buses are still").as_deref(), Some("Phil Musser"));
    assert_eq!(who("let riders down").as_deref(), Some("Megan Kelly"));
    // A quote after the cue and a clause of time.
    assert_eq!(who("cannot pay for").as_deref(), Some("Grace Ortiz"));
    assert_eq!(r("cannot pay for").claim_date.to_string(), "2024-09-16");
    // A participle inside a title, a party and district in brackets before the comma.
    assert_eq!(
        who("keep the buses running").as_deref(),
        Some("Elijah Cummings")
    );
    assert_eq!(who("way back to the table").as_deref(), Some("John Kasich"));
    // A closing mark typed as an opening one.
    assert_eq!(who("Nobody wins a strike").as_deref(), Some("Larry Noble"));
    // `a visibly frustrated Ortiz`: the name, not a description.
    assert_eq!(who("Stop pretending").as_deref(), Some("Grace Ortiz"));
    // `WHO` before a title is the organisation's acronym.
    assert_eq!(who("costs the region").as_deref(), Some("Anna Berg"));
    // `he` is the man the sentence before names with `who`, not the attorney's appositive,
    // and `a few weeks` describes no one.
    assert_eq!(who("strike pay left").as_deref(), Some("Daniel Osei"));
    // `the authority head` is the chairman named before.
    assert_eq!(who("schedule in question").as_deref(), Some("Tom Perez"));
    // A quote with a frame of its own that names no one is not the speaker before's.
    assert!(
        records
            .iter()
            .all(|r| !r.claim_text.contains("Publish the contract"))
    );
}
