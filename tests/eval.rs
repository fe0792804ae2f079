//! The scorer as a regression guard that needs no `../shared`: the fixture articles carry
//! hand-annotated gold claims (tests/fixtures/gold.jsonl), and extraction must not fall below
//! the floors asserted here.

mod common;

use std::io::BufRead;

use claimset::eval::{Gold, score};

#[test]
fn fixture_articles_score_above_the_floor() {
    let gold: Vec<Gold> =
        std::io::BufReader::new(std::fs::File::open(common::fixture("gold.jsonl")).expect("gold"))
            .lines()
            .map(|l| serde_json::from_str(&l.expect("line")).expect("gold claim"))
            .collect();
    let predicted = common::extract_paths(&[common::fixture("articles"), common::fixture("jsonl")]);
    let r = score(&gold, &predicted, false, true);
    let summary = format!(
        "detection P {:.3} R {:.3} F1 {:.3} ({} gold, {} predicted)\nattribution {:.3} of {}\nend to end F1 {:.3}",
        r.detection.precision,
        r.detection.recall,
        r.detection.f1,
        r.detection.gold,
        r.detection.predicted,
        r.attribution,
        r.attribution_scored,
        r.end_to_end.f1
    );
    assert!(
        r.detection.f1 >= 0.95,
        "detection fell: {summary}\nmisses: {:#?}\nfalse: {:#?}",
        r.misses,
        r.false_positives
    );
    assert!(
        r.attribution >= 0.95,
        "attribution fell: {summary}\n{:#?}",
        r.misattributed
    );
    insta::assert_snapshot!(summary);
}
