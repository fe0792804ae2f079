//! Version policy: what kind of release the inputs call for (patch for corrections or
//! published fact-checks only, minor for new articles, better extraction or a new table format
//! such as fields added to the records, major for a record schema that breaks), and the
//! version a release gets.

use semver::Version;

use crate::dataset::Fingerprints;
use crate::error::Error;
use crate::record::SCHEMA_VERSION;

use super::manifest::Manifest;

/// Which part of the version a release bumps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Bump {
    /// Corrections or published fact-checks (verdicts) only.
    Patch,
    /// New articles, or better extraction.
    Minor,
    /// A change to the record schema.
    Major,
}

impl Bump {
    pub(super) fn apply(self, v: &Version) -> Version {
        match self {
            Bump::Patch => Version::new(v.major, v.minor, v.patch + 1),
            Bump::Minor => Version::new(v.major, v.minor + 1, 0),
            Bump::Major => Version::new(v.major + 1, 0, 0),
        }
    }

    /// What this kind of release means.
    pub fn describe(self) -> &'static str {
        match self {
            Bump::Patch => "corrections or fact-checks only (patch)",
            Bump::Minor => "new articles, better extraction, or a new table format (minor)",
            Bump::Major => "a change to the record schema (major)",
        }
    }
}

pub(super) fn bump_name(b: Bump) -> &'static str {
    match b {
        Bump::Patch => "patch",
        Bump::Minor => "minor",
        Bump::Major => "major",
    }
}

/// What kind of release the inputs call for; `None` when nothing changed. `links` is the
/// digest of the verdicts linked from reviews (`None` without reviews): a change of reviews,
/// or of what they link to, changes verdicts only, as corrections do.
pub(super) fn infer(
    previous: Option<&Manifest>,
    inputs: &Fingerprints,
    extraction: &str,
    links: Option<&str>,
) -> Option<Bump> {
    kind(
        previous?,
        (SCHEMA_VERSION, &crate::table::format_fingerprint()),
        inputs,
        (extraction, links),
    )
}

/// What kind of release `newer` was after `older`, from their manifests.
pub(super) fn between(older: &Manifest, newer: &Manifest) -> Option<Bump> {
    kind(
        older,
        (&newer.schema_version, &newer.format),
        &newer.inputs,
        (&newer.extraction, newer.links.as_deref()),
    )
}

fn kind(
    p: &Manifest,
    (schema, format): (&str, &str),
    inputs: &Fingerprints,
    (extraction, links): (&str, Option<&str>),
) -> Option<Bump> {
    let major = |v: &str| v.split('.').next().unwrap_or("").to_owned();
    if major(&p.schema_version) != major(schema) {
        Some(Bump::Major)
    } else if p.inputs.articles != inputs.articles
        || p.extraction != extraction
        || p.format != format
    {
        Some(Bump::Minor)
    } else if p.inputs.corrections != inputs.corrections
        || p.inputs.reviews != inputs.reviews
        || p.links.as_deref() != links
    {
        Some(Bump::Patch)
    } else {
        None
    }
}

/// The version a release takes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Choice {
    /// Build this version.
    Build(Version),
    /// Nothing changed since this version: publish nothing.
    UpToDate(Version),
}

/// Chooses the version: `forced` (to rebuild a published one), 1.0.0 for a first release, the
/// `bump` asked for (refused when it would mislabel the change, or when nothing changed),
/// else the inferred `kind`.
/// Unchanged inputs are up to date when publishing; a preview rebuilds the latest version.
pub(super) fn choose(
    forced: Option<&Version>,
    previous: Option<&Version>,
    kind: Option<Bump>,
    bump: Option<Bump>,
    publishing: bool,
) -> Result<Choice, Error> {
    Ok(Choice::Build(match (forced, previous, kind, bump) {
        (Some(v), ..) => v.clone(),
        (None, None, _, _) => Version::new(1, 0, 0),
        (None, Some(p), None, None) => {
            if publishing {
                return Ok(Choice::UpToDate(p.clone()));
            }
            p.clone()
        }
        (None, Some(p), None, Some(b)) => {
            return Err(Error::Version(format!(
                "nothing changed since release {p} (the same articles, corrections, reviews, \
                 extraction and table format): --bump {} would publish a copy of it; change an input first",
                bump_name(b)
            )));
        }
        (None, Some(p), Some(k), Some(b)) => {
            if b < k {
                return Err(Error::Version(format!(
                    "this release is {}; --bump {} would mislabel it",
                    k.describe(),
                    bump_name(b)
                )));
            }
            b.apply(p)
        }
        (None, Some(p), Some(k), None) => k.apply(p),
    }))
}
