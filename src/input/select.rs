//! A selection of a corpus: the articles of a date range and of some publishers, so that a
//! dataset can be a slice of a corpus too large (or not ours) to commit.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// Which articles of an input to keep; every field left out keeps all.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Selection {
    /// The first publication day kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<NaiveDate>,
    /// The last publication day kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<NaiveDate>,
    /// Publishers kept, as hosts (`foxnews.com` keeps `foxnews.com` and `video.foxnews.com`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub publishers: Vec<String>,
}

impl Selection {
    /// Whether an article of this day is kept.
    pub fn has_date(&self, day: NaiveDate) -> bool {
        self.from.is_none_or(|f| day >= f) && self.to.is_none_or(|t| day <= t)
    }

    /// Whether an article of this publisher is kept.
    pub fn has_publisher(&self, publisher: &str) -> bool {
        self.publishers.is_empty()
            || self.publishers.iter().any(|p| {
                let p = p.strip_prefix("www.").unwrap_or(p);
                publisher == p
                    || publisher
                        .strip_suffix(p)
                        .is_some_and(|sub| sub.ends_with('.'))
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_selection_keeps_its_days_and_its_publishers_with_their_subdomains() {
        let s = Selection {
            from: NaiveDate::from_ymd_opt(2020, 1, 1),
            to: NaiveDate::from_ymd_opt(2020, 12, 31),
            publishers: vec!["www.foxnews.com".into()],
        };
        assert!(s.has_date(NaiveDate::from_ymd_opt(2020, 12, 31).expect("day")));
        assert!(!s.has_date(NaiveDate::from_ymd_opt(2021, 1, 1).expect("day")));
        assert!(s.has_publisher("foxnews.com"));
        assert!(s.has_publisher("video.foxnews.com"));
        assert!(!s.has_publisher("notfoxnews.com"));
        assert!(Selection::default().has_publisher("anything.org"));
    }
}
