//! The changelog: one entry per release, listing the claims added, removed and changed, and
//! the verdicts gained, changed and lost. The entry is part of publishing: it is written aside
//! before the release is renamed into place, and put in place right after (the release is
//! taken back if it cannot be), so that no release is published without its entry; a release
//! found without one gets it on the next run.

use std::io::Write as _;

use crate::atomic::AtomicFile;
use crate::count;
use crate::dataset::Dataset;
use crate::error::Error;

use super::Release;

/// The heading of a version's entry.
fn heading(version: &semver::Version) -> String {
    format!("## {version}\n")
}

/// Whether `CHANGELOG.md` has an entry for `version`.
pub(super) fn has_entry(dataset: &Dataset, version: &semver::Version) -> Result<bool, Error> {
    Ok(read(dataset)?
        .lines()
        .any(|l| format!("{l}\n") == heading(version)))
}

fn read(dataset: &Dataset) -> Result<String, Error> {
    let path = dataset.changelog_path();
    crate::dataset::check_own(&path, true)?;
    match std::fs::read_to_string(&path) {
        Ok(t) => Ok(t),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(String::new()),
        Err(source) => Err(Error::Read { path, source }),
    }
}

/// `CHANGELOG.md` with the release's entry added at the top, written aside and not yet in
/// place: [`AtomicFile::commit`] puts it there.
pub(super) fn prepare(dataset: &Dataset, release: &Release) -> Result<AtomicFile, Error> {
    let path = dataset.changelog_path();
    let existing = read(dataset)?;
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
    let mut file = AtomicFile::create(&path)?;
    file.file()
        .write_all(out.as_bytes())
        .and_then(|()| file.file().sync_all())
        .map_err(|source| Error::Write { path, source })?;
    Ok(file)
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
        "{}\n{what} {} from {} ({} rejected); {} corrected, {} added, {} rejected by \
         corrections.{reviews}\n\n{}",
        heading(&release.version),
        count(m.counts.claims, "claim"),
        count(m.counts.articles, "article"),
        m.counts.articles_rejected,
        m.counts.claims_corrected,
        m.counts.claims_added,
        m.counts.claims_rejected,
        release.diff.to_markdown()
    )
}
