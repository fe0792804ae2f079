//! Whether a claim and a review name the same claimant: the one rule that keeps a verdict
//! on one person's words from landing on another's.
//!
//! Names are compared as people write them: case, punctuation and titles (`President`,
//! `Sen.`) aside; a surname alone matches the full name (`Putin`, `Vladimir Putin`); an
//! initial matches the first name it begins (`D. Trump`). Anything else is a different
//! claimant, so an unknown spelling can cost a link but never make a wrong one.

use serde::Serialize;

/// How a claim's claimant compares with a review's.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Claimants {
    /// Both are known and name the same claimant.
    Same,
    /// Both are known and differ.
    Different,
    /// One or both are unknown.
    Unknown,
}

/// Titles and honorifics that come before a name.
const TITLES: &[&str] = &[
    "president",
    "vice",
    "prime",
    "minister",
    "secretary",
    "senator",
    "sen",
    "rep",
    "representative",
    "gov",
    "governor",
    "mayor",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "dame",
    "lord",
    "former",
    "us",
    "u",
    "s",
    "the",
    "chancellor",
    "general",
    "gen",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "foreign",
    "defense",
    "defence",
    "congressman",
    "congresswoman",
    "sheriff",
    "judge",
    "justice",
    "state",
    "attorney",
];

fn tokens(name: &str) -> Vec<String> {
    let folded: Vec<String> = super::text::words(name);
    let mut out: Vec<String> = folded
        .into_iter()
        .skip_while(|w| TITLES.contains(&w.as_str()))
        .collect();
    // Suffixes say nothing about who.
    while out
        .last()
        .is_some_and(|w| matches!(w.as_str(), "jr" | "sr" | "ii" | "iii"))
    {
        out.pop();
    }
    out
}

/// Compares a claim's claimant with a review's.
pub(crate) fn compare(claim: Option<&str>, review: Option<&str>) -> Claimants {
    let (Some(a), Some(b)) = (claim, review) else {
        return Claimants::Unknown;
    };
    let (a, b) = (tokens(a), tokens(b));
    if a.is_empty() || b.is_empty() {
        return Claimants::Unknown;
    }
    if a == b {
        return Claimants::Same;
    }
    let (sa, sb) = (a.last(), b.last());
    if sa != sb {
        return Claimants::Different;
    }
    // Same surname: the given names, where both have one, must agree (an initial agrees with
    // a name it begins).
    let (fa, fb) = (a.first(), b.first());
    let given_agree = a.len() == 1
        || b.len() == 1
        || fa.zip(fb).is_some_and(|(x, y)| {
            x == y
                || (x.len() == 1 && y.starts_with(x.as_str()))
                || (y.len() == 1 && x.starts_with(y.as_str()))
        });
    if given_agree {
        Claimants::Same
    } else {
        Claimants::Different
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_compare_as_people_write_them() {
        let c = |a, b| compare(Some(a), Some(b));
        assert_eq!(c("Vladimir Putin", "Putin"), Claimants::Same);
        assert_eq!(c("President Joe Biden", "Joe Biden"), Claimants::Same);
        assert_eq!(c("Donald J. Trump", "Donald Trump"), Claimants::Same);
        assert_eq!(c("D. Trump", "Donald Trump"), Claimants::Same);
        assert_eq!(c("Donald Trump", "Eric Trump"), Claimants::Different);
        assert_eq!(c("Boris Johnson", "Vladimir Putin"), Claimants::Different);
        assert_eq!(compare(None, Some("Putin")), Claimants::Unknown);
        assert_eq!(c("Sen.", "Putin"), Claimants::Unknown);
    }
}
