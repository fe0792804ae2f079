//! Verdict normalisation: a fact-checker's own words (`Pants on Fire`, `Four Pinocchios`,
//! `Mixture`) to claimset's status scale, by a table kept as data in
//! `src/review/verdicts.toml`, keyed by fact-checker and label.
//!
//! # The table
//!
//! Each `[[checker]]` has a display `name`, the names and hosts it `matches` (compared
//! lowercased with the review's `reviewed_by` and its URL's host), and its `labels`: folded
//! label → status. The checker named `*` holds the words any fact-checker may use, chiefly
//! the PolitiFact-style six-point scale (true, mostly true, half true, mostly false, false,
//! pants on fire); a checker's own entry wins over it. Labels are folded before lookup:
//! lowercase, curly quotes straightened, hyphens and runs of spaces made one space, trailing
//! `.` and `!` and surrounding quotes dropped.
//!
//! A label the table does not know becomes `other`, with the fact-checker's words kept in
//! `verdict_label`: never a guess. Only a review with no label at all falls back on its
//! numbers: `ratingValue` placed between `worstRating` and `bestRating` on five equal
//! bands, false → mostly false → mixed → mostly true → true.
//!
//! The table is kept in one canonical form (checkers by name, labels by key), checked and
//! rewritten by a test, so a pull request adding labels shows only the labels added.
//!
//! # Choices, and where other projects differ
//!
//! - **Mostly false is `mostly_false`**, its own step. ClaimsKG folds PolitiFact's "Mostly
//!   False" into its MIXTURE class (with "Half True"); MisinfoMe counts it as not credible,
//!   with "False". Both lose the distinction the fact-checker made; claimset keeps it.
//! - **Half true and Snopes' Mixture are `mixed`** (ClaimsKG: MIXTURE; MisinfoMe: mixed
//!   credibility); AFP's and Reuters' "Partly false" too, where MisinfoMe reads not credible.
//! - **Pants on Fire is `false`**: the degree of falsity is in `verdict_label`.
//! - **Missing context, Miscaptioned, out-of-context media are `misleading`**: the facts may
//!   be right but the impression is not. ClaimsKG has no such class and files them under
//!   OTHER; MisinfoMe under not credible.
//! - **Pinocchios**: one → mostly true, two → mixed, three → mostly false, four and the
//!   Bottomless Pinocchio → false, the Geppetto Checkmark → true, the Upside-Down Pinocchio (a
//!   change of position, not a falsehood) → other.
//! - **Flip-O-Meter ratings** (Full Flop, Half Flip, No Flip) judge consistency, not truth:
//!   `other`.
//! - **Full Fact** publishes prose conclusions, not a scale: only its recurring short
//!   verdicts are listed; the rest become `other` with the words kept.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use super::Rating;
use crate::record::VerificationStatus;

/// The committed table.
pub(crate) const VERDICTS_TOML: &str = include_str!("verdicts.toml");

/// Where the table lives, relative to the crate root.
pub const VERDICTS_PATH: &str = "src/review/verdicts.toml";

/// The name of the checker whose labels apply to every fact-checker.
pub const ANY_CHECKER: &str = "*";

static DEFAULT: LazyLock<VerdictTable> = LazyLock::new(|| {
    VerdictTable::parse(VERDICTS_TOML).expect("the committed verdict table parses")
});

/// The verdict table: fact-checkers and their labels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VerdictTable {
    /// The fact-checkers, by name.
    pub checker: Vec<Checker>,
}

/// One fact-checker's labels.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Checker {
    /// Display name; `*` for labels any fact-checker may use.
    pub name: String,
    /// Lowercase names and URL hosts that identify the fact-checker.
    pub matches: Vec<String>,
    /// Folded label → status.
    pub labels: BTreeMap<String, VerificationStatus>,
}

/// The committed table.
pub fn default_table() -> &'static VerdictTable {
    &DEFAULT
}

/// The status the committed table gives a review's verdict.
pub fn normalise_verdict(
    reviewed_by: Option<&str>,
    review_url: Option<&str>,
    label: Option<&str>,
    rating: Option<&Rating>,
) -> VerificationStatus {
    DEFAULT.status(reviewed_by, review_url, label, rating)
}

/// A label as the table keys it.
pub(crate) fn fold_label(label: &str) -> String {
    let s: String = label
        .chars()
        .map(|c| match c {
            '’' | '‘' => '\'',
            '“' | '”' => '"',
            '-' | '–' | '—' | '_' => ' ',
            c => c,
        })
        .collect::<String>()
        .to_lowercase();
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    s.trim_matches(|c: char| matches!(c, '.' | '!' | '"' | '\'') || c.is_whitespace())
        .to_owned()
}

impl VerdictTable {
    /// Reads a table; the message says where TOML or the structure is wrong.
    pub fn parse(text: &str) -> Result<Self, String> {
        toml::from_str(text).map_err(|e| e.to_string())
    }

    /// The canonical text of the table: checkers by name (`*` first), matches sorted, labels
    /// by key.
    pub fn to_canonical(&self) -> String {
        let mut t = self.clone();
        t.checker.sort_by(|a, b| a.name.cmp(&b.name));
        for c in &mut t.checker {
            c.matches.sort();
            c.matches.dedup();
        }
        toml::to_string(&t).expect("the table serializes")
    }

    /// Everything wrong with the table, one line each.
    pub fn problems(&self) -> Vec<String> {
        let mut out = Vec::new();
        let mut owners: BTreeMap<&str, &str> = BTreeMap::new();
        for (k, c) in self.checker.iter().enumerate() {
            if self.checker[..k].iter().any(|o| o.name == c.name) {
                out.push(format!("checker `{}` is listed twice", c.name));
            }
            for m in &c.matches {
                if *m != m.to_lowercase() || m.trim() != m || m.is_empty() {
                    out.push(format!(
                        "checker `{}`: match `{m}` must be lowercase, trimmed",
                        c.name
                    ));
                }
                if let Some(other) = owners.insert(m, &c.name) {
                    out.push(format!(
                        "match `{m}` is claimed by `{other}` and `{}`",
                        c.name
                    ));
                }
            }
            for (label, status) in &c.labels {
                if fold_label(label) != *label {
                    out.push(format!(
                        "checker `{}`: label `{label}` is not folded: write `{}`",
                        c.name,
                        fold_label(label)
                    ));
                }
                if *status == VerificationStatus::Unverified {
                    out.push(format!(
                        "checker `{}`: label `{label}` maps to unverified, which is no verdict",
                        c.name
                    ));
                }
            }
        }
        if !self.checker.iter().any(|c| c.name == ANY_CHECKER) {
            out.push(format!(
                "no `{ANY_CHECKER}` checker for labels any fact-checker uses"
            ));
        }
        out
    }

    /// The fact-checker a review comes from, by its name or its URL's host.
    pub fn checker(&self, reviewed_by: Option<&str>, review_url: Option<&str>) -> Option<&Checker> {
        let name = reviewed_by.map(|n| n.trim().to_lowercase());
        let host = review_url.and_then(super::url_host);
        self.checker.iter().find(|c| {
            c.name != ANY_CHECKER
                && c.matches.iter().any(|m| {
                    Some(m) == name.as_ref()
                        || host
                            .as_deref()
                            .is_some_and(|h| h == m || h.ends_with(&format!(".{m}")))
                })
        })
    }

    /// The status of a verdict: its label by the checker's own labels, then by the labels
    /// any checker uses; `other` for a label in neither; with no label, the rating's place on
    /// its scale; `unverified` with neither.
    pub fn status(
        &self,
        reviewed_by: Option<&str>,
        review_url: Option<&str>,
        label: Option<&str>,
        rating: Option<&Rating>,
    ) -> VerificationStatus {
        let label = label.map(fold_label).filter(|l| !l.is_empty());
        if let Some(l) = &label {
            let own = self
                .checker(reviewed_by, review_url)
                .and_then(|c| c.labels.get(l));
            let any = || {
                self.checker
                    .iter()
                    .find(|c| c.name == ANY_CHECKER)
                    .and_then(|c| c.labels.get(l))
            };
            return own
                .or_else(any)
                .copied()
                .unwrap_or(VerificationStatus::Other);
        }
        rating
            .and_then(numeric_status)
            .unwrap_or(VerificationStatus::Unverified)
    }
}

/// A rating's status from its place between worst and best, on five equal bands.
pub(crate) fn numeric_status(r: &Rating) -> Option<VerificationStatus> {
    let (v, best, worst) = (r.value?, r.best?, r.worst?);
    if !(v.is_finite() && best.is_finite() && worst.is_finite())
        || (best - worst).abs() < f64::EPSILON
    {
        return None;
    }
    let p = (v - worst) / (best - worst);
    if !(0.0..=1.0).contains(&p) {
        return None;
    }
    Some(match p {
        p if p < 0.2 => VerificationStatus::False,
        p if p < 0.4 => VerificationStatus::MostlyFalse,
        p if p < 0.6 => VerificationStatus::Mixed,
        p if p < 0.8 => VerificationStatus::MostlyTrue,
        _ => VerificationStatus::True,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use VerificationStatus as S;

    fn rating(v: f64, best: f64, worst: f64) -> Rating {
        Rating {
            value: Some(v),
            best: Some(best),
            worst: Some(worst),
        }
    }

    #[test]
    fn labels_are_folded_before_lookup() {
        assert_eq!(fold_label("  Pants on  Fire! "), "pants on fire");
        assert_eq!(fold_label("“Half-True.”"), "half true");
        assert_eq!(
            normalise_verdict(Some("PolitiFact"), None, Some("Pants on Fire!"), None),
            S::False
        );
    }

    #[test]
    fn the_checker_is_found_by_name_or_host() {
        let t = default_table();
        let by_host = t.checker(None, Some("https://www.washingtonpost.com/politics/x/"));
        assert_eq!(
            by_host.map(|c| c.name.as_str()),
            Some("The Washington Post")
        );
        let by_name = t.checker(Some("Snopes.com"), None);
        assert_eq!(by_name.map(|c| c.name.as_str()), Some("Snopes"));
        assert!(
            t.checker(Some("Nobody"), Some("https://example.com/"))
                .is_none()
        );
    }

    #[test]
    fn an_unknown_label_is_other_never_a_guess() {
        let r = rating(1.0, 5.0, 1.0);
        assert_eq!(
            normalise_verdict(Some("Snopes"), None, Some("Sort of, maybe"), Some(&r)),
            S::Other
        );
    }

    #[test]
    fn without_a_label_the_rating_decides() {
        let s = |v| normalise_verdict(None, None, None, Some(&rating(v, 5.0, 1.0)));
        assert_eq!(
            [s(1.0), s(2.0), s(3.0), s(4.0), s(5.0)],
            [S::False, S::MostlyFalse, S::Mixed, S::MostlyTrue, S::True]
        );
        assert_eq!(s(7.0), S::Unverified, "a value off its scale is no verdict");
        assert_eq!(normalise_verdict(None, None, None, None), S::Unverified);
        let reversed = rating(1.0, 1.0, 6.0);
        assert_eq!(
            numeric_status(&reversed),
            Some(S::True),
            "best may be the low end"
        );
    }
}
