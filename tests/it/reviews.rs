//! Published fact-checks: import of every form with snapshots of the records, one test per
//! rejection, the review schema, the verdict table's canonical form and coverage, matching
//! with its decoys and the gold set of links in news, the re-ranker's inputs, and the
//! commands: import, match, and the ClaimReview export.

use std::path::{Path, PathBuf};

use claimset::VerificationStatus as S;
use claimset::{
    ClaimQuery, Claimants, Imported, MatchOptions, ReviewForm as Form, ReviewRecord, VerdictTable,
    import_reviews as import_file, import_reviews_str as import_str, normalise_verdict,
};
use serde_json::Value;

use crate::common;

fn reviews_fixture(name: &str) -> PathBuf {
    common::fixture("reviews").join(name)
}

fn import_fixture(name: &str) -> Imported {
    import_file(&reviews_fixture(name)).expect("the fixture reads")
}

/// Records as snapshots show them: one JSON object each.
fn records_json(imported: &Imported) -> Vec<Value> {
    imported
        .reviews
        .iter()
        .map(|r| serde_json::to_value(r).expect("records serialize"))
        .collect()
}

fn form_of(imported: &Imported) -> Option<Form> {
    imported.forms.first().and_then(|(_, f)| *f)
}

// ---------------------------------------------------------------------------------------
// Import: every form, snapshot of the records.

#[test]
fn imports_one_claimreview_object() {
    let i = import_fixture("claimreview-object.jsonld");
    assert!(i.rejections.is_empty(), "{:?}", i.rejections);
    assert_eq!(form_of(&i), Some(Form::JsonLd));
    insta::assert_json_snapshot!(records_json(&i));
}

#[test]
fn imports_an_array_with_authors_as_list_and_name_and_creative_work_items() {
    let i = import_fixture("claimreview-array.jsonld");
    assert!(i.rejections.is_empty(), "{:?}", i.rejections);
    insta::assert_json_snapshot!(records_json(&i));
}

#[test]
fn imports_a_graph_with_prefixed_and_iri_property_names() {
    let i = import_fixture("claimreview-graph.jsonld");
    assert!(i.rejections.is_empty(), "{:?}", i.rejections);
    assert_eq!(
        i.reviews.len(),
        2,
        "the graph's page and organisation are not reviews"
    );
    insta::assert_json_snapshot!(records_json(&i));
}

#[test]
fn imports_the_json_ld_of_an_html_page() {
    let i = import_fixture("page.html");
    assert!(i.rejections.is_empty(), "{:?}", i.rejections);
    assert_eq!(form_of(&i), Some(Form::JsonLd));
    insta::assert_json_snapshot!(records_json(&i));
}

#[test]
fn imports_a_data_commons_feed_line_by_line() {
    let i = import_fixture("datacommons.jsonl");
    assert!(i.rejections.is_empty(), "{:?}", i.rejections);
    assert_eq!(form_of(&i), Some(Form::DataCommons));
    assert_eq!(i.reviews.len(), 3);
    insta::assert_json_snapshot!(records_json(&i));
}

#[test]
fn imports_a_google_claims_search_response() {
    let i = import_fixture("google-claims-search.json");
    assert!(i.rejections.is_empty(), "{:?}", i.rejections);
    assert_eq!(form_of(&i), Some(Form::Google));
    assert_eq!(i.reviews.len(), 3);
    insta::assert_json_snapshot!(records_json(&i));
}

fn all_fixture_reviews() -> Vec<ReviewRecord> {
    let mut all = Imported::default();
    for f in [
        "claimreview-object.jsonld",
        "claimreview-array.jsonld",
        "claimreview-graph.jsonld",
        "page.html",
        "datacommons.jsonl",
        "google-claims-search.json",
    ] {
        all.add_file(&reviews_fixture(f))
            .expect("the fixture reads");
    }
    assert!(all.rejections.is_empty(), "{:?}", all.rejections);
    all.reviews
}

#[test]
fn records_round_trip_through_json_lines() {
    let reviews = all_fixture_reviews();
    let mut text = String::new();
    for r in &reviews {
        text.push_str(&r.to_json_line());
        text.push('\n');
    }
    let again = import_str("reviews.jsonl", &text);
    assert!(again.rejections.is_empty(), "{:?}", again.rejections);
    assert_eq!(form_of(&again), Some(Form::Records));
    assert_eq!(again.reviews, reviews);
}

// ---------------------------------------------------------------------------------------
// Rejections: one test each; every one names its file and line or pointer.

fn rejected(name: &str, text: &str) -> String {
    let i = import_str(name, text);
    assert!(!i.rejections.is_empty(), "nothing rejected in {name}");
    i.rejections
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn rejects_a_malformed_line_and_keeps_the_others() {
    let text = format!(
        "{}\n{{\"@type\": \"ClaimReview\", \"claimReviewed\": \n",
        r#"{"@type":"ClaimReview","claimReviewed":"A","url":"https://a.example/1"}"#
    );
    let i = import_str("feed.jsonl", &text);
    assert_eq!(i.reviews.len(), 1);
    insta::assert_snapshot!(rejected("feed.jsonl", &text));
}

#[test]
fn rejects_json_ld_without_a_claimreview() {
    insta::assert_snapshot!(rejected(
        "page.jsonld",
        r#"{"@context":"https://schema.org","@type":"NewsArticle","headline":"Hi"}"#
    ));
}

#[test]
fn rejects_a_claimreview_without_the_claim_it_reviews() {
    insta::assert_snapshot!(rejected(
        "reviews.jsonld",
        r#"{"@graph":[{"@type":"ClaimReview","url":"https://a.example/1","claimReviewed":"A"},
                      {"@type":"ClaimReview","url":"https://a.example/2","reviewRating":{"alternateName":"False"}}]}"#
    ));
}

#[test]
fn rejects_a_google_claim_without_text() {
    insta::assert_snapshot!(rejected(
        "search.json",
        r#"{"claims":[{"claimant":"X","claimReview":[{"url":"https://a.example/1","textualRating":"False"}]}]}"#
    ));
}

#[test]
fn rejects_a_google_claim_without_reviews() {
    insta::assert_snapshot!(rejected(
        "search.json",
        r#"{"claims":[{"text":"A claim","claimReview":[]}]}"#
    ));
}

#[test]
fn rejects_a_record_that_breaks_the_schema() {
    insta::assert_snapshot!(rejected(
        "reviews.jsonl",
        "{\"review_id\":\"r123\",\"claim_reviewed\":\"A\"}\n"
    ));
}

#[test]
fn rejects_a_record_with_a_bad_id() {
    let reviews = all_fixture_reviews();
    let mut v = serde_json::to_value(&reviews[0]).expect("serializes");
    v["review_id"] = "R0000000000000000".into();
    insta::assert_snapshot!(rejected("reviews.jsonl", &format!("{v}\n")));
}

#[test]
fn rejects_a_second_review_with_the_same_id() {
    let one = r#"{"@type":"ClaimReview","claimReviewed":"A","url":"https://a.example/1"}"#;
    let i = import_str("feed.jsonl", &format!("{one}\n{one}\n"));
    assert_eq!(i.reviews.len(), 1, "the first is kept");
    insta::assert_snapshot!(rejected("feed.jsonl", &format!("{one}\n{one}\n")));
}

#[test]
fn rejects_an_empty_file() {
    insta::assert_snapshot!(rejected("empty.json", "  \n"));
}

#[test]
fn rejects_an_html_page_without_json_ld() {
    insta::assert_snapshot!(rejected(
        "page.html",
        "<html><script>var x = 1;</script><body>no data</body></html>"
    ));
}

#[test]
fn rejects_invalid_utf8_with_its_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("latin1.jsonl");
    std::fs::write(&path, b"{\"a\": 1}\n{\"claimReviewed\": \"caf\xe9\"}\n").expect("write");
    let i = import_file(&path).expect("reads");
    assert_eq!(i.rejections.len(), 1);
    assert_eq!(i.rejections[0].line, Some(2));
}

// ---------------------------------------------------------------------------------------
// The review schema (kept fresh with the others in `schema::`): every record validates.

#[test]
fn every_imported_record_validates_against_the_committed_review_schema() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(claimset::REVIEW_SCHEMA_PATH);
    let text = std::fs::read_to_string(path).expect("schema/review.schema.json is committed");
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("the schema compiles");
    for r in all_fixture_reviews() {
        let v = serde_json::to_value(&r).expect("serializes");
        let errors: Vec<String> = validator.iter_errors(&v).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{}: {errors:?}", r.review_id);
    }
    let mut missing = serde_json::to_value(&all_fixture_reviews()[0]).expect("serializes");
    missing.as_object_mut().expect("object").remove("claimant");
    assert!(
        !validator.is_valid(&missing),
        "every field is present, null if unknown"
    );
}

// ---------------------------------------------------------------------------------------
// The verdict table: valid, canonical, and covering the fact-checkers it promises.

#[test]
fn the_verdict_table_is_valid_and_canonical() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(claimset::VERDICTS_PATH);
    let text = std::fs::read_to_string(&path).expect("the table is committed");
    let table = VerdictTable::parse(&text).expect("the table parses");
    assert_eq!(table.problems(), Vec::<String>::new());
    let canonical = table.to_canonical();
    if std::env::var_os("CLAIMSET_BLESS").is_some() {
        std::fs::write(&path, &canonical).expect("rewrite the table");
        return;
    }
    assert!(
        text == canonical,
        "src/review/verdicts.toml is not in canonical form: rewrite it with \
         `CLAIMSET_BLESS=1 cargo test --test it reviews::` and commit the result"
    );
}

#[test]
fn the_verdict_table_reports_what_is_wrong() {
    let t = VerdictTable::parse(
        "[[checker]]\nname = \"X\"\nmatches = [\"X\"]\n[checker.labels]\n\"Pants on Fire!\" = \"false\"\n\"none\" = \"unverified\"\n",
    )
    .expect("parses");
    insta::assert_snapshot!(t.problems().join("\n"));
    assert!(VerdictTable::parse("[[checker]]\nname = 1\n").is_err());
}

#[test]
fn the_verdict_table_covers_the_fact_checkers_it_promises() {
    let cases: &[(&str, &str, S)] = &[
        ("PolitiFact", "True", S::True),
        ("PolitiFact", "Mostly True", S::MostlyTrue),
        ("PolitiFact", "Half True", S::Mixed),
        ("PolitiFact", "Mostly False", S::MostlyFalse),
        ("PolitiFact", "False", S::False),
        ("PolitiFact", "Pants on Fire!", S::False),
        ("PolitiFact", "Full Flop", S::Other),
        ("The Washington Post", "Geppetto Checkmark", S::True),
        ("The Washington Post", "One Pinocchio", S::MostlyTrue),
        ("The Washington Post", "Two Pinocchios", S::Mixed),
        ("The Washington Post", "Three Pinocchios", S::MostlyFalse),
        ("The Washington Post", "Four Pinocchios", S::False),
        ("The Washington Post", "Upside-Down Pinocchio", S::Other),
        ("Snopes", "Mixture", S::Mixed),
        ("Snopes", "Miscaptioned", S::Misleading),
        ("Snopes", "Labeled Satire", S::Satire),
        ("Snopes", "Unproven", S::Unproven),
        ("Snopes", "Correct Attribution", S::True),
        ("FactCheck.org", "Distorts the Facts", S::Misleading),
        ("FactCheck.org", "No Evidence", S::Unproven),
        ("AFP Fact Check", "Partly false", S::Mixed),
        ("AFP Fact Check", "Missing context", S::Misleading),
        ("AFP Fact Check", "Altered photo", S::False),
        ("Full Fact", "Incorrect.", S::False),
        ("Full Fact", "Correct", S::True),
        ("Full Fact", "This is misleading", S::Misleading),
        ("Reuters", "Partly false", S::Mixed),
        ("Reuters", "Unsubstantiated", S::Unproven),
        // A PolitiFact-style six-point scale from a fact-checker the table does not list.
        ("Lead Stories Gazette", "Half True", S::Mixed),
        ("Lead Stories Gazette", "Pants on Fire", S::False),
        ("Lead Stories Gazette", "Mostly False", S::MostlyFalse),
        // Words nobody listed: other, never a guess.
        (
            "Full Fact",
            "The list has grown by a fifth, not doubled.",
            S::Other,
        ),
        ("Snopes", "Decontextualized", S::Other),
    ];
    let mut wrong = Vec::new();
    for (by, label, want) in cases {
        let got = normalise_verdict(Some(by), None, Some(label), None);
        if got != *want {
            wrong.push(format!("{by} / {label}: {got:?}, expected {want:?}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
    let names: Vec<&str> = claimset::verdict_table()
        .checker
        .iter()
        .map(|c| c.name.as_str())
        .collect();
    for promised in [
        "PolitiFact",
        "The Washington Post",
        "Snopes",
        "FactCheck.org",
        "AFP",
        "Full Fact",
        "Reuters",
        "*",
    ] {
        assert!(names.contains(&promised), "{promised} is in the table");
    }
}

#[test]
fn an_unknown_label_keeps_its_words() {
    let i = import_fixture("claimreview-graph.jsonld");
    let r = &i.reviews[0];
    assert_eq!(r.verification_status, S::Other);
    assert_eq!(
        r.verdict_label.as_deref(),
        Some("The list has grown by about a fifth, not doubled.")
    );
    let numeric = &i.reviews[1];
    assert_eq!(numeric.verdict_label, None);
    assert_eq!(numeric.verification_status, S::False, "1 on a 1–5 scale");
}

// ---------------------------------------------------------------------------------------
// Matching: the decoys, the gold set of links in news, the command.

fn claim(id: &str, text: &str, claimant: Option<&str>, date: Option<&str>) -> ClaimQuery {
    ClaimQuery {
        claim_id: id.into(),
        claim_text: text.into(),
        claimant: claimant.map(Into::into),
        claim_date: date.map(|d| d.parse().expect("a date")),
    }
}

fn query_of(r: &claimset::ClaimRecord) -> ClaimQuery {
    ClaimQuery {
        claim_id: r.claim_id.clone(),
        claim_text: r.claim_text.clone(),
        claimant: ClaimQuery::source(r.claimant.clone(), r.claimant_title.clone()),
        claim_date: Some(r.claim_date),
    }
}

/// The latest release of the shipped dataset.
fn shipped_release() -> PathBuf {
    let root = common::dataset_articles()
        .parent()
        .expect("dataset")
        .to_path_buf();
    let dataset = claimset::Dataset::open(&root).expect("the dataset opens");
    let latest = dataset
        .releases()
        .expect("releases")
        .pop()
        .expect("a release");
    dataset.release_dir(&latest)
}

/// The gold set's claims: the shipped dataset's latest release and the fixture articles.
fn gold_claims() -> Vec<ClaimQuery> {
    let (mut claims, problems) =
        claimset::read_claim_queries(&shipped_release().join("claims.parquet"))
            .expect("the release reads");
    assert!(problems.is_empty(), "{problems:?}");
    // The articles the gold set was written for, named so that a fixture added for
    // extraction does not change the pool the measured figures came from.
    let articles: Vec<std::path::PathBuf> = [
        "bridge-pledges",
        "city-water-report",
        "convention-floor",
        "council-housing-debate",
        "governor-interview",
        "harbour-festival",
        "senate-budget-vote",
    ]
    .iter()
    .map(|a| common::fixture(&format!("articles/{a}.txt")))
    .collect();
    claims.extend(common::extract_paths(&articles).iter().map(query_of));
    claims
}

/// The gold set's right links, as (claim id, review URL).
fn gold_links() -> Vec<(String, String)> {
    std::fs::read_to_string(reviews_fixture("gold/gold.jsonl"))
        .expect("the gold set is committed")
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("gold lines are JSON");
            (
                v["claim_id"].as_str().expect("claim_id").to_owned(),
                v["review_url"].as_str().expect("review_url").to_owned(),
            )
        })
        .collect()
}

fn gold_reviews() -> Vec<ReviewRecord> {
    let mut i = Imported::default();
    for f in ["gold/ukraine.jsonld", "gold/local-news.jsonl"] {
        i.add_file(&reviews_fixture(f)).expect("the fixture reads");
    }
    assert!(i.rejections.is_empty(), "{:?}", i.rejections);
    i.reviews
}

fn review_url(reviews: &[ReviewRecord], id: &str) -> String {
    reviews
        .iter()
        .find(|r| r.review_id == id)
        .and_then(|r| r.review_url.clone())
        .expect("every gold review has a URL")
}

#[test]
fn linked_is_precise_on_the_gold_set_of_news_claims() {
    let claims = gold_claims();
    let reviews = gold_reviews();
    let matches = claimset::match_claims(&claims, &reviews, &MatchOptions::default());
    let gold = gold_links();
    for (c, _) in &gold {
        assert!(
            claims.iter().any(|q| &q.claim_id == c),
            "gold claim {c} exists"
        );
    }
    let linked: Vec<(String, String)> = matches
        .iter()
        .filter(|m| m.linked)
        .map(|m| (m.claim_id.clone(), review_url(&reviews, &m.review_id)))
        .collect();
    let right = linked.iter().filter(|l| gold.contains(l)).count();
    let wrong: Vec<&(String, String)> = linked.iter().filter(|l| !gold.contains(l)).collect();
    assert!(wrong.is_empty(), "links not in the gold set: {wrong:#?}");
    let missed: Vec<&(String, String)> = gold.iter().filter(|g| !linked.contains(g)).collect();
    let report = format!(
        "claims: {}\nreviews: {}\ngold links: {}\nlinked: {}\nprecision: {:.3}\nrecall: {:.3}\nmissed: {missed:#?}",
        claims.len(),
        reviews.len(),
        gold.len(),
        linked.len(),
        if linked.is_empty() {
            1.0
        } else {
            right as f64 / linked.len() as f64
        },
        right as f64 / gold.len() as f64,
    );
    insta::assert_snapshot!(report);
}

/// The matches of one claim of the gold set, with each review's URL.
fn gold_matches(claim_id: &str) -> Vec<(claimset::Match, String)> {
    let claims: Vec<ClaimQuery> = gold_claims()
        .into_iter()
        .filter(|c| c.claim_id == claim_id)
        .collect();
    assert_eq!(claims.len(), 1, "claim {claim_id} is in the gold set");
    let reviews = gold_reviews();
    claimset::match_claims(&claims, &reviews, &MatchOptions::default())
        .into_iter()
        .map(|m| {
            let url = review_url(&reviews, &m.review_id);
            (m, url)
        })
        .collect()
}

#[test]
fn decoy_the_same_words_from_another_claimant_is_ranked_but_never_linked() {
    let found = gold_matches("c5b17e9b45b1c5a99");
    let blinken = found
        .iter()
        .find(|(_, u)| u.contains("blinken-russia-destabilizing"))
        .expect("the review of the same words is ranked");
    assert!(!blinken.0.linked);
    assert_eq!(blinken.0.claimants, Claimants::Different);
    let overbilled = gold_matches("c6e74cd381027146e");
    assert!(overbilled.iter().all(|(m, _)| !m.linked), "{overbilled:#?}");
}

#[test]
fn decoy_another_claim_by_the_same_claimant_is_never_linked() {
    for (m, url) in gold_claims()
        .iter()
        .filter(|c| c.claimant.as_deref() == Some("Vladimir Putin"))
        .flat_map(|c| gold_matches(&c.claim_id))
    {
        assert!(
            !(m.linked && url.contains("putin-nato-1990-promise")),
            "{} linked to a review of another Putin claim",
            m.claim_id
        );
    }
}

#[test]
fn decoy_a_review_older_than_the_claim_is_previously_fact_checked_not_linked() {
    for (claim_id, fragment) in [
        ("c6d4019c1fc309908", "reyes-veto-fuel-tax-increase"),
        ("c7617573c5a62eadd", "whitfield-most-expensive-stopgap"),
    ] {
        let found = gold_matches(claim_id);
        let (m, _) = found
            .iter()
            .find(|(_, u)| u.contains(fragment))
            .unwrap_or_else(|| panic!("the older review is ranked for {claim_id}: {found:#?}"));
        assert!(m.previously_fact_checked, "{m:?}");
        assert!(!m.linked, "{m:?}");
    }
}

#[test]
fn decoy_a_claim_by_another_government_is_never_linked() {
    let found = gold_matches("c191f8d447cd1e9aa");
    assert!(found.iter().all(|(m, _)| !m.linked), "{found:#?}");
}

#[test]
fn ties_go_to_the_review_read_first() {
    let copy = |n: u32| {
        format!(
            "{{\"@type\":\"ClaimReview\",\"url\":\"https://a.example/{n}\",\
             \"claimReviewed\":\"The bridge will reopen by spring.\"}}\n"
        )
    };
    let claims = vec![claim("c1", "the bridge will reopen by spring", None, None)];
    let options = MatchOptions::default();
    // Two files, one copy each: the file named first wins, whatever the ids.
    let mut files = Imported::default();
    files.add_str("first.jsonl", &copy(2));
    files.add_str("second.jsonl", &copy(1));
    let a = claimset::match_claims(&claims, &files.reviews, &options);
    assert_eq!(
        a,
        claimset::match_claims(&claims, &files.reviews, &options),
        "the same inputs give the same matches"
    );
    assert_eq!(a.len(), 2);
    assert_eq!(a[0].review_id, files.reviews[0].review_id, "{a:#?}");
    assert!(a[0].linked && !a[1].linked, "one link per claim: {a:#?}");
    // One file: the first line wins.
    let lines = import_str("feed.jsonl", &format!("{}{}", copy(1), copy(2))).reviews;
    let b = claimset::match_claims(&claims, &lines, &options);
    assert_eq!(b[0].review_id, lines[0].review_id, "{b:#?}");
    assert_ne!(
        a[0].review_id, b[0].review_id,
        "the order, not the id, decides"
    );
}

#[test]
fn a_hashtag_in_one_case_matches_the_words_a_review_uses() {
    let review = |n: u32, claim: &str| {
        format!(
            "{{\"@type\":\"ClaimReview\",\"url\":\"https://a.example/{n}\",\
             \"claimReviewed\":\"{claim}\"}}\n"
        )
    };
    let feed = format!(
        "{}{}",
        review(1, "Corn flakes were invented to curb appetites."),
        review(2, "A festival in the Bahamas was cancelled.")
    );
    let reviews = import_str("feed.jsonl", &feed).reviews;
    // The post's only words about its subject are one tag, written in one case.
    let claims = vec![claim(
        "c1",
        "you will not believe why they made these #cornflakes pic.twitter.com/abc",
        None,
        None,
    )];
    let m = claimset::match_claims(&claims, &reviews, &MatchOptions::default());
    assert_eq!(m[0].review_id, reviews[0].review_id, "{m:#?}");
    assert!(
        m.iter()
            .all(|x| x.review_id != reviews[1].review_id || x.rank > 1),
        "{m:#?}"
    );
}

#[test]
fn matches_and_a_fitted_model_do_not_depend_on_the_number_of_threads() {
    let claims = gold_claims();
    let reviews = gold_reviews();
    let with = |jobs| MatchOptions {
        jobs,
        ..MatchOptions::default()
    };
    let one = claimset::match_claims(&claims, &reviews, &with(1));
    assert!(one.len() > 20, "{}", one.len());
    assert_eq!(one, claimset::match_claims(&claims, &reviews, &with(3)));
    let gold: Vec<(String, String)> = std::fs::read_to_string(reviews_fixture("gold/gold.jsonl"))
        .expect("the gold set is committed")
        .lines()
        .map(|l| {
            let v: Value = serde_json::from_str(l).expect("gold lines are JSON");
            let url = v["review_url"].as_str().expect("review_url");
            let review = reviews
                .iter()
                .find(|r| r.review_url.as_deref() == Some(url))
                .expect("the gold review is imported");
            (
                v["claim_id"].as_str().expect("claim_id").to_owned(),
                review.review_id.clone(),
            )
        })
        .collect();
    let fit = |jobs| {
        let options = claimset::TrainOptions {
            candidates: 10,
            l2: 1.0,
            trained_on: "the gold set".into(),
            jobs,
        };
        claimset::train_reranker(&claims, &reviews, &gold, &options)
    };
    assert_eq!(fit(1).to_toml(), fit(3).to_toml());
}

#[test]
fn the_match_command_gives_the_same_bytes_whatever_the_threads() {
    let dir = tempfile::tempdir().expect("temp dir");
    let claims = shipped_release().join("claims.parquet");
    let ukraine = reviews_fixture("gold/ukraine.jsonld");
    let run = |jobs: &str| {
        let r = common::claimset(
            dir.path(),
            &[
                "reviews",
                "match",
                "-j",
                jobs,
                "--claims",
                claims.to_str().expect("utf-8 path"),
                "--reviews",
                ukraine.to_str().expect("utf-8 path"),
            ],
            b"",
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        r.stdout
    };
    let one = run("1");
    assert!(!one.is_empty());
    assert_eq!(one, run("4"));
}

// ---------------------------------------------------------------------------------------
// The re-ranker's inputs: a file that is not what it must be names its line.

#[test]
fn a_pair_without_a_review_id_is_an_error_naming_its_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("pairs.jsonl");
    std::fs::write(
        &path,
        "{\"claim_id\":\"t1\",\"review_id\":\"r1\"}\n\n{\"claim_id\":\"t2\"}\n",
    )
    .expect("write");
    let e = claimset::read_training_pairs(&path).expect_err("line 3 has no review_id");
    assert!(matches!(e, claimset::Error::Line { line: 3, .. }), "{e}");
    assert!(e.to_string().contains("pairs.jsonl:3: "), "{e}");
}

#[test]
fn a_model_that_is_not_a_reranker_is_an_error_naming_its_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("model.toml");
    let committed = claimset::Reranker::committed();
    std::fs::write(&path, committed.to_toml()).expect("write");
    assert_eq!(
        claimset::Reranker::read(&path).expect("a model reads back"),
        committed
    );
    std::fs::write(
        &path,
        "trained_on = \"x\"\ncandidates = 100\nl2 = \"one\"\n",
    )
    .expect("write");
    let e = claimset::Reranker::read(&path).expect_err("l2 is no number");
    assert!(matches!(e, claimset::Error::Line { line: 3, .. }), "{e}");
    let mut fewer = committed;
    fewer.features.pop();
    std::fs::write(&path, fewer.to_toml()).expect("write");
    let e = claimset::Reranker::read(&path).expect_err("a model of other features");
    assert!(e.to_string().contains("other features"), "{e}");
}

// ---------------------------------------------------------------------------------------
// The commands: results on stdout or -o, rejections on stderr, exit 0, 1 or 2.

#[test]
fn the_import_command_writes_records_and_reads_them_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let fixtures = common::fixture("reviews");
    let object = fixtures.join("claimreview-object.jsonld");
    let google = fixtures.join("google-claims-search.json");
    let run = common::claimset(
        dir.path(),
        &[
            "reviews",
            "import",
            object.to_str().expect("utf-8 path"),
            google.to_str().expect("utf-8 path"),
            "-o",
            "out.jsonl",
        ],
        b"",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let back = common::claimset(
        dir.path(),
        &["reviews", "import", "out.jsonl", "-o", "again.jsonl"],
        b"",
    );
    assert_eq!(back.code, 0, "{}", back.stderr);
    let a = std::fs::read_to_string(dir.path().join("out.jsonl")).expect("written");
    let b = std::fs::read_to_string(dir.path().join("again.jsonl")).expect("written");
    assert_eq!(a.lines().count(), 4);
    assert_eq!(
        a, b,
        "importing records gives the same records, byte for byte"
    );
}

#[test]
fn the_import_command_exits_1_and_names_each_rejection() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("feed.jsonl"),
        "{\"@type\":\"ClaimReview\",\"url\":\"https://a.example/1\"}\nnot json\n",
    )
    .expect("write");
    let run = common::claimset(dir.path(), &["reviews", "import", "feed.jsonl"], b"");
    assert_eq!(run.code, 1);
    assert_eq!(run.stdout, "");
    insta::assert_snapshot!(run.stderr);
}

#[test]
fn the_match_command_prints_one_json_line_per_match() {
    let dir = tempfile::tempdir().expect("temp dir");
    let claims = shipped_release().join("claims.parquet");
    let ukraine = reviews_fixture("gold/ukraine.jsonld");
    let run = common::claimset(
        dir.path(),
        &[
            "reviews",
            "match",
            "--claims",
            claims.to_str().expect("utf-8 path"),
            "--reviews",
            ukraine.to_str().expect("utf-8 path"),
            "--top",
            "2",
        ],
        b"",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let lines: Vec<Value> = run
        .stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON lines"))
        .collect();
    assert!(!lines.is_empty());
    for l in &lines {
        let keys: Vec<&str> = l
            .as_object()
            .expect("object")
            .keys()
            .map(String::as_str)
            .collect();
        assert_eq!(keys, ["claim_id", "review_id", "rank", "score", "linked"]);
    }
    assert!(
        lines
            .iter()
            .all(|l| l["linked"].is_boolean() && l["rank"].as_u64() <= Some(2))
    );
}

#[test]
fn the_import_command_writes_rejections_as_json_lines_and_quiet_silences_them() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(
        dir.path().join("feed.jsonl"),
        "{\"@type\":\"ClaimReview\",\"url\":\"https://a.example/1\"}\nnot json\n",
    )
    .expect("write");
    let run = common::claimset(
        dir.path(),
        &[
            "-q",
            "reviews",
            "import",
            "feed.jsonl",
            "--rejections",
            "rejected.jsonl",
        ],
        b"",
    );
    assert_eq!(run.code, 1);
    assert!(!run.stderr.contains("rejected: "), "{}", run.stderr);
    assert!(
        run.stderr.contains("2 rejected"),
        "the summary stays: {}",
        run.stderr
    );
    let text = std::fs::read_to_string(dir.path().join("rejected.jsonl")).expect("written");
    let lines: Vec<Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON lines"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["reason"], "missing_claim_reviewed");
    assert_eq!(
        (lines[1]["line"].as_u64(), &lines[1]["reason"]),
        (Some(2), &Value::from("malformed_json"))
    );
}

#[test]
fn a_model_that_is_not_a_reranker_cannot_run_and_names_its_line() {
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("model.toml"), "candidates = 100\nl2 = [\n").expect("write");
    std::fs::write(
        dir.path().join("claims.jsonl"),
        "{\"claim_id\":\"c1\",\"claim_text\":\"The bridge will reopen.\"}\n",
    )
    .expect("write");
    let ukraine = reviews_fixture("gold/ukraine.jsonld");
    let run = common::claimset(
        dir.path(),
        &[
            "reviews",
            "match",
            "--claims",
            "claims.jsonl",
            "--reviews",
            ukraine.to_str().expect("utf-8 path"),
            "--model",
            "model.toml",
        ],
        b"",
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("model.toml:"), "{}", run.stderr);
}

#[test]
fn the_schema_command_prints_the_committed_review_schema() {
    let dir = tempfile::tempdir().expect("temp dir");
    let run = common::claimset(dir.path(), &["schema", "--review"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
    let committed = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join(claimset::REVIEW_SCHEMA_PATH),
    )
    .expect("committed");
    assert_eq!(run.stdout, committed);
}

// ---------------------------------------------------------------------------------------
// Export: a release's verdicts as ClaimReview JSON-LD, re-imported to the same verdicts.

/// The verdict fields of a claim, or of the review it was exported as.
type Verdict = (
    S,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<chrono::NaiveDate>,
);

#[test]
fn an_export_re_imports_to_the_same_verdicts() {
    let (_tmp, root) = common::dataset_copy();
    let corrections = root.join("corrections");
    std::fs::create_dir_all(&corrections).expect("mkdir");
    let verdicts = [
        (
            "c13ae26cb4a5074ac",
            "mixed",
            "Needs context",
            "PolitiFact",
            "https://www.politifact.com/factchecks/2022/feb/03/vladimir-putin/x/",
            "2022-02-03",
        ),
        (
            "c0937e18a0a5b5d1e",
            "misleading",
            "Misleading",
            "AFP Fact Check",
            "https://factcheck.afp.com/doc.afp.com.9XK2LM",
            "2022-02-04",
        ),
    ];
    for (claim, status, label, by, url, date) in verdicts {
        std::fs::write(
            corrections.join(format!("{claim}-verdict.toml")),
            format!(
                "action = \"verdict\"\nclaim = \"{claim}\"\nreason = \"A published fact-check.\"\n\n\
                 [verdict]\nstatus = \"{status}\"\nlabel = \"{label}\"\nreviewed_by = \"{by}\"\n\
                 url = \"{url}\"\ndate = \"{date}\"\n"
            ),
        )
        .expect("write the correction");
    }
    let dataset = claimset::Dataset::open(&root).expect("dataset");
    let out = tempfile::tempdir().expect("out");
    let options = claimset::ReleaseOptions {
        bump: None,
        target: claimset::Target::Directory(out.path().to_path_buf()),
        jobs: 1,
        meter: None,
    };
    match claimset::release(&dataset, &options).expect("release") {
        claimset::ReleaseOutcome::Released(_) => {}
        other => panic!("no release: {other:?}"),
    }
    let release = out.path().join("1.0.0");
    let run = common::claimset(
        out.path(),
        &[
            "export",
            "--claimreview",
            release.to_str().expect("utf-8"),
            "-o",
            "export.jsonld",
        ],
        b"",
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let exported = import_file(&out.path().join("export.jsonld")).expect("reads");
    assert!(exported.rejections.is_empty(), "{:?}", exported.rejections);
    let claims = claimset::release_claims(&release).expect("claims");
    let with_verdict: Vec<Verdict> = claims
        .iter()
        .filter(|c| c.verification_status != S::Unverified)
        .map(|c| {
            (
                c.verification_status,
                c.verdict_label.clone(),
                c.reviewed_by.clone(),
                c.review_url.clone(),
                c.review_date,
            )
        })
        .collect();
    assert_eq!(with_verdict.len(), 2);
    let back: Vec<Verdict> = exported
        .reviews
        .iter()
        .map(|r| {
            (
                r.verification_status,
                r.verdict_label.clone(),
                r.reviewed_by.clone(),
                r.review_url.clone(),
                r.review_date,
            )
        })
        .collect();
    assert_eq!(back, with_verdict);
}

/// The proposal floor keeps every right review of the gold set in `proposed-links.jsonl`, and
/// few wrong ones: the figures of the README's "Matching fact-checks".
#[test]
fn the_proposal_floor_keeps_every_right_review_of_the_gold_set() {
    let claims = gold_claims();
    let reviews = gold_reviews();
    let matches = claimset::match_claims(&claims, &reviews, &MatchOptions::default());
    let gold = gold_links();
    let (right, wrong): (Vec<&claimset::Match>, Vec<&claimset::Match>) = matches
        .iter()
        .partition(|m| gold.contains(&(m.claim_id.clone(), review_url(&reviews, &m.review_id))));
    assert_eq!(
        right.len(),
        gold.len(),
        "every right review is among the best 5"
    );
    let lowest_right = right.iter().map(|m| m.score).fold(1.0, f64::min);
    assert!(lowest_right >= 0.35, "{lowest_right}");
    let wrong_above = wrong
        .iter()
        .filter(|m| m.score >= claimset::PROPOSAL_FLOOR)
        .count();
    assert_eq!((wrong_above, wrong.len()), (10, 159));
}
