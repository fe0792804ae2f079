//! The changelog: one entry per release, listing the claims added, removed and changed, and
//! the verdicts gained, changed and lost.

use crate::count;
use crate::dataset::Dataset;
use crate::error::Error;

use super::Release;

/// Adds the release's entry at the top of `CHANGELOG.md`, written aside and renamed.
pub(super) fn write_changelog(dataset: &Dataset, release: &Release) -> Result<(), Error> {
    let path = dataset.changelog_path();
    let existing = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(source) => return Err(Error::Read { path, source }),
    };
    let header = format!("# Changelog: {}\n", dataset.name);
    let body = existing
        .strip_prefix(&header)
        .unwrap_or(&existing)
        .trim_start_matches('\n');
    let mut out = header;
    out.push('\n');
    out.push_str(&changelog_entry(release));
    if !body.is_empty() {
        out.push('\n');
        out.push_str(body);
    }
    crate::atomic::write(&path, out.as_bytes())
}

/// One changelog entry: version, kind, counts, and the claims added, removed and changed.
pub fn changelog_entry(release: &Release) -> String {
    let m = &release.manifest;
    let what = match (&release.previous, release.kind) {
        (None, _) => "First release.".to_owned(),
        (Some(p), Some(k)) => format!("Since {p}: {}.", k.describe()),
        (Some(p), None) => format!("Since {p}: rebuilt from unchanged inputs."),
    };
    // Said only for a dataset with reviews, so that entries of datasets without stay as
    // they were.
    let reviews = match &m.counts.reviews {
        Some(r) => format!(
            " {} ({} rejected): {} linked automatically, {} confirmed by a person; {} proposed \
             but not applied, in {}.",
            count(r.imported, "published fact-check"),
            r.rejected,
            count(r.claims_linked, "verdict"),
            r.claims_confirmed,
            count(r.links_proposed, "link"),
            super::PROPOSED_LINKS
        ),
        None => String::new(),
    };
    format!(
        "## {}\n\n{what} {} from {} ({} rejected); {} corrected, {} added, {} rejected by \
         corrections.{reviews}\n\n{}",
        release.version,
        count(m.counts.claims, "claim"),
        count(m.counts.articles, "article"),
        m.counts.articles_rejected,
        m.counts.claims_corrected,
        m.counts.claims_added,
        m.counts.claims_rejected,
        release.diff.to_markdown()
    )
}
