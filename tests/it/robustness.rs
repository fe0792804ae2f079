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
