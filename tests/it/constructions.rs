//! One-sentence cases of every construction (`tests/constructions/*.txt`), snapshot-tested
//! with the constructions that made each claim: a new rule adds its lines, and the review
//! sees what it changed on every other line.

use std::fmt::Write as _;

use claimset::{Article, Location, claims_explained, parse_date};

fn render(line: &str) -> String {
    let body = line.replace("\\n", "\n");
    let article = Article {
        id: "case".into(),
        title: None,
        date: parse_date("20220201").expect("date"),
        url: "https://example.com/case".into(),
        publisher: "example.com".into(),
        body,
        location: Location {
            file: "case.txt".into(),
            line: None,
        },
    };
    let mut out = format!("{line}\n");
    let found = claims_explained(&article);
    if found.is_empty() {
        out.push_str("  (no claim)\n");
    }
    for (c, made) in found {
        let _ = writeln!(
            out,
            "  {} + {}{}: {} — {}",
            made.frame.name(),
            made.content.name(),
            if made.joined { " + joined" } else { "" },
            c.claimant_mention
                .as_deref()
                .or(c.claimant.as_deref())
                .unwrap_or("?"),
            c.claim_text
        );
    }
    out
}

#[test]
fn one_sentence_cases() {
    insta::glob!("../constructions", "*.txt", |path| {
        let text = std::fs::read_to_string(path).expect("cases");
        let out: String = text
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .map(render)
            .collect();
        insta::assert_snapshot!(out);
    });
}
