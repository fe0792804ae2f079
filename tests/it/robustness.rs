//! Extraction never panics and always returns well-formed spans, whatever the text.

use std::sync::Arc;

use chrono::NaiveDate;
use claimset::{Article, Location, claims};
use proptest::prelude::*;

fn article(body: String) -> Article {
    Article {
        id: "prop".into(),
        title: None,
        date: NaiveDate::from_ymd_opt(2022, 2, 1).expect("valid date"),
        url: "https://example.com/a".into(),
        publisher: "example.com".into(),
        body,
        location: Location {
            file: Arc::from("prop.txt"),
            line: None,
        },
    }
}

fn check(body: String) {
    let a = article(body);
    let n = a.body.chars().count() as u32;
    for r in claims(&a) {
        assert!(
            r.span_start < r.span_end && r.span_end <= n,
            "bad span in {:?}",
            a.body
        );
        assert!(!r.claim_text.is_empty());
        assert!(!r.cue.is_empty());
    }
}

/// Words and marks the rules react to, so that random text exercises them.
const VOCAB: &[&str] = &[
    "said",
    "says",
    "told",
    "according",
    "to",
    "that",
    "accused",
    "of",
    "saying",
    "adding",
    "he",
    "she",
    "they",
    "it",
    "the",
    "a",
    "Putin",
    "Mr.",
    "Sen.",
    "Johnson",
    "Russian",
    "President",
    "leader",
    "official",
    "officials",
    "Moscow",
    "on",
    "Tuesday",
    "last",
    "month",
    "Jan.",
    "5",
    "2020",
    "\"",
    "“",
    "”",
    "''",
    "``",
    ",",
    ".",
    "?",
    ":",
    ";",
    "—",
    "--",
    "(",
    ")",
    "\n",
    "who",
    "and",
    "but",
    "not",
    "was",
    "is",
    "Zoë",
    "é",
    "😀",
    "U.S.",
    "as",
    "cited",
    "telling",
    "familiar",
    "with",
    "’s",
    "'",
    "‘",
];

proptest! {
    // 512 cases by default; PROPTEST_CASES=100000 for a deeper local run.
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(512)
    ))]

    #[test]
    fn vocabulary_soup_never_panics(words in prop::collection::vec(prop::sample::select(VOCAB), 0..80),
                                    spaces in prop::collection::vec(any::<bool>(), 0..80)) {
        let mut body = String::new();
        for (k, w) in words.iter().enumerate() {
            body.push_str(w);
            if spaces.get(k).copied().unwrap_or(true) {
                body.push(' ');
            }
        }
        check(body);
    }

    #[test]
    fn arbitrary_text_never_panics(body in any::<String>()) {
        check(body);
    }
}

/// Integers at the limits of their types, and anything between.
fn edge_i64() -> impl Strategy<Value = i64> {
    prop_oneof![
        prop::sample::select(vec![
            i64::MIN,
            i64::MIN + 1,
            -86_400_000 * 400_000,
            i64::from(i32::MIN) - 1,
            i64::from(i32::MIN),
            -1,
            0,
            1,
            i64::from(i32::MAX),
            i64::from(i32::MAX) + 1,
            i64::from(u32::MAX) + 1,
            i64::MAX - 1,
            i64::MAX,
        ]),
        any::<i64>(),
    ]
}

/// Dates as people and programs mistype them.
fn edge_date() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "-999-01-01".to_owned(),
            "0000-01-01".to_owned(),
            "00000101".to_owned(),
            "1799-12-31".to_owned(),
            "2201-01-01".to_owned(),
            "+262143-12-31".to_owned(),
            "-262144-01-01".to_owned(),
            "9999-12-31".to_owned(),
            "2022-02-29".to_owned(),
            "20220230".to_owned(),
            "2022-02-01T25:00:00Z".to_owned(),
        ]),
        (any::<i32>(), 0u32..14, 0u32..33).prop_map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}")),
        "[0-9+-]{0,12}",
    ]
}

fn temp_dir() -> tempfile::TempDir {
    tempfile::tempdir().expect("temp")
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(64)
    ))]

    /// Date64 and Date32 days, and int64 offsets, at their limits in a claims table: every
    /// reader (validate, diff, the rows reader) reports, none panics.
    #[test]
    fn extreme_numbers_in_parquet_never_panic(days in prop::collection::vec(edge_i64(), 1..4),
                                              offsets in prop::collection::vec(edge_i64(), 1..4)) {
        use std::sync::Arc;
        use arrow_array::{ArrayRef, Date32Array, Date64Array, Int64Array};
        let dir = temp_dir();
        let d64: ArrayRef = Arc::new(Date64Array::from(days.clone()));
        let d32: ArrayRef = Arc::new(Date32Array::from(
            days.iter().map(|d| *d as i32).collect::<Vec<_>>(),
        ));
        let ints: ArrayRef = Arc::new(Int64Array::from(offsets));
        for (k, (column, array)) in [
            ("article_date", &d64),
            ("claim_date", &d32),
            ("review_date", &d64),
            ("span_start", &ints),
            ("span_end", &ints),
        ]
        .into_iter()
        .enumerate()
        {
            let path = crate::limits::claims_with(dir.path(), &format!("{k}.parquet"), column, array);
            let _ = crate::limits::problems(&path);
            let _ = claimset::diff_files(&path, &path);
        }
    }

    /// Every integer and date field of a correction, at its limits: loading and applying
    /// report problems, never panic.
    #[test]
    fn corrections_with_extreme_numbers_and_dates_never_panic(occurrence in edge_i64(),
                                                              date in edge_date(),
                                                              review in edge_date()) {
        let dir = temp_dir();
        let corrections = dir.path().join("corrections");
        std::fs::create_dir_all(&corrections).expect("mkdir");
        let files = [
            ("add-a1-00000000.toml", format!(
                "action = \"add\"\nreason = \"r\"\n\n[add]\narticle = \"a1\"\ntext = \"the bridge\"\n\
                 occurrence = {occurrence}\nquote_type = \"indirect\"\nclaimant_type = \"person\"\n\
                 cue = \"said\"\nclaim_date = \"{date}\"\n")),
            ("c0000000000000001-set.toml", format!(
                "action = \"set\"\nclaim = \"c0000000000000001\"\nreason = \"r\"\n\n[set]\n\
                 claim_date = \"{date}\"\n")),
            ("c0000000000000001-verdict.toml", format!(
                "action = \"verdict\"\nclaim = \"c0000000000000001\"\nreason = \"r\"\n\n[verdict]\n\
                 status = \"false\"\nlabel = \"l\"\nreviewed_by = \"x\"\n\
                 url = \"https://example.com/f\"\ndate = \"{review}\"\n")),
        ];
        for (name, text) in &files {
            std::fs::write(corrections.join(name), text).expect("write");
        }
        let (loaded, _) = claimset::Corrections::load_dir(dir.path(), &corrections).expect("load");
        let mut a = article("Ruiz said the bridge will open. Then the bridge fell.".into());
        a.id = "a1".into();
        let claims = claims(&a);
        let _ = loaded.apply(&a, claims);
    }

    /// Article dates at their limits, in text and JSON: read as an article only within
    /// the years news has, rejected otherwise, never a panic.
    #[test]
    fn article_dates_at_their_limits_are_read_or_rejected(date in edge_date()) {
        let dir = temp_dir();
        std::fs::write(dir.path().join("a.txt"),
            format!("T\n{date}\nhttps://example.com/a\n\"Yes,\" she said.\n")).expect("write");
        let line = serde_json::json!({"id": "j", "date": date, "url": "https://example.com/j",
            "text": "\"Yes,\" she said."});
        std::fs::write(dir.path().join("b.jsonl"), format!("{line}\n")).expect("write");
        let inputs = [claimset::Input::Path(dir.path().to_path_buf())];
        for item in claimset::Reader::new(&inputs).expect("reads") {
            if let claimset::Item::Article(a) = item {
                prop_assert!(claimset::DATE_YEARS.contains(&chrono::Datelike::year(&a.date)));
            }
        }
    }

    /// Numbers at their limits in JSON records: problems, never a panic.
    #[test]
    fn json_records_with_extreme_numbers_never_panic(a in edge_i64(), b in edge_i64(),
                                                     f in any::<f64>()) {
        let mut r = serde_json::json!({"claim_id": "c0000000000000001", "span_start": a,
            "span_end": b, "claim_date": "2022-02-01", "article_date": "2022-02-01"});
        if f.is_finite() {
            r["span_end"] = serde_json::json!(f);
        }
        r["review_date"] = serde_json::json!(u64::MAX);
        let _ = claimset::RecordValidator::new().check_value(&r);
    }
}
