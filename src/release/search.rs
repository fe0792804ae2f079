//! Finding claims in a dataset's latest release by their text, claimant or article: what a
//! contributor does first to correct a claim, with no corpus at hand.

use semver::Version;
use serde::Serialize;
use serde_json::Value;

use crate::dataset::Dataset;
use crate::error::Error;
use crate::table::{claim_columns, read_rows};

/// A claim found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Hit {
    /// Its id, for a correction.
    pub claim_id: String,
    /// Its article.
    pub article_id: String,
    /// Who made it, when known.
    pub claimant: Option<String>,
    /// What was claimed.
    pub claim_text: String,
}

/// The claims of the latest release whose text or claimant contains `query` (case does not
/// matter; empty matches all), from `article` when given, in release order.
pub fn search(
    dataset: &Dataset,
    query: &str,
    article: Option<&str>,
) -> Result<(Version, Vec<Hit>), Error> {
    let Some(v) = dataset.releases()?.pop() else {
        return Err(Error::Dataset {
            path: dataset.root.clone(),
            message: format!(
                "{} has no release yet: run `claimset release` first",
                dataset.name
            ),
        });
    };
    let query = query.to_lowercase();
    let mut hits = Vec::new();
    read_rows(
        &dataset.release_dir(&v).join("claims.parquet"),
        claim_columns(),
        |_, row| {
            let s = |k: &str| row.get(k).and_then(Value::as_str).map(str::to_owned);
            let text = s("claim_text").unwrap_or_default();
            let claimant = s("claimant");
            let article_id = s("article_id").unwrap_or_default();
            let matches = (text.to_lowercase().contains(&query)
                || claimant
                    .as_deref()
                    .is_some_and(|c| c.to_lowercase().contains(&query)))
                && article.is_none_or(|a| a == article_id);
            if matches {
                hits.push(Hit {
                    claim_id: s("claim_id").unwrap_or_default(),
                    article_id,
                    claimant,
                    claim_text: text,
                });
            }
            Ok(())
        },
    )?;
    Ok((v, hits))
}
