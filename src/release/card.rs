//! The dataset card: `datasets/<name>/README.md` in the form Hugging Face reads (a YAML header
//! whose `configs` point at the latest release's tables), a body a person reads in a minute,
//! its chart `claims-per-month.svg`, the Croissant description `croissant.json`, and the
//! `releases/latest` pointer — all written by `release` and computed from the latest release
//! alone, so that they cannot drift from the data and need no article at hand.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use semver::Version;
use serde_json::Value;

use crate::dataset::Dataset;
use crate::error::Error;
use crate::table::{article_columns, claim_columns, read_rows};

use super::chart::{Bar, bar_chart, thousands};
use super::croissant::{croissant, fold};
use super::manifest::{Manifest, file_entry};

/// The card, in the dataset folder.
pub const CARD_FILE: &str = "README.md";
/// The card's chart, beside it.
pub const CHART_FILE: &str = "claims-per-month.svg";
/// The Croissant description of the latest release, beside the card.
pub const CROISSANT_FILE: &str = "croissant.json";
/// `releases/latest`: a symbolic link to the latest release's folder (on a system or a
/// checkout without symbolic links, a one-line file naming its version).
pub const LATEST: &str = "latest";

/// The extractor's measured quality, as every card quotes it: the figures of the README's
/// "Extraction quality" table, from `claimset eval` ([`QUALITY_COMMAND`]). Whoever changes the
/// extractor and measures it again updates this with that table; the committed cards then
/// follow (`CLAIMSET_BLESS=1 cargo test --test it card::`).
pub const MEASURED_QUALITY: &str = "On 12 news articles of 2012–2020 from AllSides that the \
    rules were never tuned on (144 claims annotated by people), 88.2% of the claims cued by \
    speech are found and 93.7% of what is found is a claim (detection F1 86.3%), 79.2% are \
    found with the right claimant, and 92.3% of claim dates are right. On the training split of \
    PolNeAR (840 political news articles, the style the rules were developed on): detection \
    precision 93.6%, recall 72.4% (F1 81.7%; direct quotes 94.3%, partial quotes 85.7%, \
    reported speech 69.3%), end to end F1 70.7%.";

/// The command that measures [`MEASURED_QUALITY`], from the repository's root.
pub const QUALITY_COMMAND: &str = "cargo build --release\n\
    scripts/eval_all.sh";

/// How many claimants and publishers the card lists by name.
const TOP: usize = 10;
/// How far before the first article's month the chart reaches back: far enough for a claim
/// made days before its article (`on Saturday`). Claims dated earlier are mostly dated by
/// year or month alone (`in 2016`, `last year`), which a monthly bar would misplace: they are
/// counted in the figures, not drawn.
const MONTHS_BEFORE_ARTICLES: i32 = 1;
/// Tags the card and the Croissant description give every claimset dataset.
const TAGS: [&str; 5] = [
    "claims",
    "fact-checking",
    "quotations",
    "attribution",
    "news",
];

/// The files that present a dataset's latest release.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Card {
    /// The release they present.
    pub version: Version,
    /// `README.md`: the dataset card.
    pub readme: String,
    /// `claims-per-month.svg`.
    pub chart: String,
    /// `croissant.json`.
    pub croissant: String,
}

impl Card {
    /// Writes the card, its chart and the Croissant description into the dataset folder, and
    /// points `releases/latest` at the release; returns the paths written.
    pub fn write(&self, dataset: &Dataset) -> Result<Vec<PathBuf>, Error> {
        let mut written = Vec::new();
        for (name, text) in [
            (CARD_FILE, &self.readme),
            (CHART_FILE, &self.chart),
            (CROISSANT_FILE, &self.croissant),
        ] {
            let path = dataset.root.join(name);
            crate::atomic::write(&path, text.as_bytes())?;
            written.push(path);
        }
        written.push(point_latest(
            &dataset.releases_dir(),
            &self.version.to_string(),
        )?);
        Ok(written)
    }
}

/// The card of `dataset`'s latest release; `None` before its first release.
pub fn card(dataset: &Dataset) -> Result<Option<Card>, Error> {
    let Some(version) = dataset.releases()?.pop() else {
        return Ok(None);
    };
    let dir = dataset.release_dir(&version);
    let manifest = Manifest::read(&dir)?;
    let figures = Figures::read(&dir)?;
    let citation = citation(dataset, &manifest);
    let croissant = croissant(
        dataset,
        &manifest,
        &file_entry(&dir, "manifest.json")?,
        &citation,
        &TAGS,
        figures.claim_dates.as_ref(),
    );
    let chart = bar_chart(
        "Claims per month (by the date each claim was made)",
        &figures.bars(),
    );
    let readme = readme(dataset, &manifest, &figures, &citation);
    Ok(Some(Card {
        version,
        readme,
        chart,
        croissant,
    }))
}

/// What the card says about a release, read from its two tables.
#[derive(Debug, Default)]
struct Figures {
    claims: u64,
    /// Claims per named claimant, and per claimant type of that name.
    claimants: BTreeMap<String, (u64, BTreeMap<String, u64>)>,
    unnamed: u64,
    quote_types: BTreeMap<String, u64>,
    statuses: BTreeMap<String, u64>,
    /// Claims per publisher.
    publishers: BTreeMap<String, u64>,
    /// Claims per month (`year * 12 + month - 1`) of their `claim_date`.
    months: BTreeMap<i32, u64>,
    claim_dates: Option<(String, String)>,
    article_dates: Option<(String, String)>,
    articles_with_claims: u64,
}

impl Figures {
    fn read(dir: &Path) -> Result<Self, Error> {
        let mut f = Figures::default();
        let text = |row: &serde_json::Map<String, Value>, k: &str| {
            row.get(k).and_then(Value::as_str).map(str::to_owned)
        };
        read_rows(&dir.join("claims.parquet"), claim_columns(), |_, row| {
            f.claims += 1;
            match text(&row, "claimant") {
                Some(name) => {
                    let entry = f.claimants.entry(name).or_default();
                    entry.0 += 1;
                    let kind = text(&row, "claimant_type").unwrap_or_default();
                    *entry.1.entry(kind).or_default() += 1;
                }
                None => f.unnamed += 1,
            }
            for (key, counts) in [
                ("quote_type", &mut f.quote_types),
                ("verification_status", &mut f.statuses),
                ("publisher", &mut f.publishers),
            ] {
                *counts
                    .entry(text(&row, key).unwrap_or_default())
                    .or_default() += 1;
            }
            if let Some(d) = text(&row, "claim_date") {
                if let Some(m) = month(&d) {
                    *f.months.entry(m).or_default() += 1;
                }
                widen(&mut f.claim_dates, d);
            }
            Ok(())
        })?;
        read_rows(
            &dir.join("articles.parquet"),
            article_columns(),
            |_, row| {
                if row.get("claims").and_then(Value::as_i64).unwrap_or(0) > 0 {
                    f.articles_with_claims += 1;
                }
                if let Some(d) = text(&row, "article_date") {
                    widen(&mut f.article_dates, d);
                }
                Ok(())
            },
        )?;
        Ok(f)
    }

    /// Claims per month, from a year before the first article's month (or the first claim's,
    /// if later) to the last claim's, months without claims included.
    fn bars(&self) -> Vec<Bar> {
        let (Some((&first, _)), Some((&last, _))) =
            (self.months.first_key_value(), self.months.last_key_value())
        else {
            return Vec::new();
        };
        let start = first.max(self.chart_start().unwrap_or(first));
        (start..=last)
            .map(|m| Bar {
                label: format!("{}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1),
                count: self.months.get(&m).copied().unwrap_or(0),
            })
            .collect()
    }

    /// The first month the chart shows, when the articles' dates set it.
    fn chart_start(&self) -> Option<i32> {
        let (first_article, _) = self.article_dates.as_ref()?;
        Some(month(first_article)? - MONTHS_BEFORE_ARTICLES)
    }

    /// Claims dated before the chart's first month.
    fn before_chart(&self) -> u64 {
        match self.chart_start() {
            Some(start) => self.months.range(..start).map(|(_, n)| n).sum(),
            None => 0,
        }
    }

    /// Named claimants, most claims first, then by name.
    fn top_claimants(&self) -> Vec<(&str, u64, &str)> {
        let mut top: Vec<(&str, u64, &str)> = self
            .claimants
            .iter()
            .map(|(name, (n, kinds))| {
                // The type the claimant is given most often; the first by name on a tie.
                let kind = kinds
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                    .map_or("", |(k, _)| k.as_str());
                (name.as_str(), *n, kind)
            })
            .collect();
        top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        top
    }
}

/// `year * 12 + month - 1` of a `YYYY-MM-DD` date.
fn month(date: &str) -> Option<i32> {
    let year: i32 = date.get(..4)?.parse().ok()?;
    let month: i32 = date.get(5..7)?.parse().ok()?;
    Some(year * 12 + month - 1)
}

/// Widens a (first, last) range of `YYYY-MM-DD` dates, which sort as text.
fn widen(range: &mut Option<(String, String)>, date: String) {
    match range {
        None => *range = Some((date.clone(), date)),
        Some((first, last)) => {
            if date < *first {
                first.clone_from(&date);
            }
            if date > *last {
                *last = date;
            }
        }
    }
}

/// `1 claim`, `12,345 claims`.
fn counted(n: u64, noun: &str) -> String {
    let words = crate::count(n, noun);
    match words.split_once(' ') {
        Some((_, rest)) => format!("{} {rest}", thousands(n)),
        None => words,
    }
}

/// `12.5%` of `total`.
fn share(n: u64, total: u64) -> String {
    if total == 0 {
        return "–".to_owned();
    }
    format!("{:.1}%", 100.0 * n as f64 / total as f64)
}

/// Hugging Face's size category for a number of rows.
fn size_category(n: u64) -> &'static str {
    match n {
        0..1_000 => "n<1K",
        1_000..10_000 => "1K<n<10K",
        10_000..100_000 => "10K<n<100K",
        100_000..1_000_000 => "100K<n<1M",
        1_000_000..10_000_000 => "1M<n<10M",
        _ => "10M<n<100M",
    }
}

/// A YAML scalar: JSON's double-quoted string, which YAML reads as the same text.
fn yaml(s: &str) -> String {
    serde_json::to_string(s).expect("strings serialize")
}

/// Text safe in a Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|")
}

/// The BibTeX entry the card and the Croissant description give.
fn citation(dataset: &Dataset, manifest: &Manifest) -> String {
    let bib = |s: &str| {
        let mut out = String::new();
        for c in fold(s).chars() {
            if matches!(c, '&' | '%' | '#' | '_' | '$') {
                out.push('\\');
            }
            out.push(c);
        }
        out
    };
    format!(
        "@misc{{{key},\n  title   = {{{{{title}}}: claims attributed in the news}},\n  \
         note    = {{claimset dataset {name}, release {version}, built with {generator} \
         {generator_version}}},\n  version = {{{version}}}\n}}",
        key = manifest.dataset.replace(['-', '.'], "_"),
        title = bib(&dataset.metadata.title),
        name = bib(&manifest.dataset),
        version = manifest.version,
        generator = manifest.generator.name,
        generator_version = manifest.generator.version,
    )
}

/// The card's Markdown.
fn readme(dataset: &Dataset, m: &Manifest, f: &Figures, citation: &str) -> String {
    let bars = f.bars();
    let folder = format!("datasets/{}", m.dataset);
    let counts = &m.counts;
    let mut s = String::new();

    // The header Hugging Face reads: `configs` make `load_dataset("<folder>")` load the
    // latest release's claims, and its articles by the config's name.
    let _ = write!(
        s,
        "---\nlicense: other\nlanguage:\n- {language}\npretty_name: {pretty}\nsize_categories:\n- \
         {size}\ntask_categories:\n- text-classification\n- token-classification\ntask_ids:\n- \
         fact-checking\ntags:\n{tags}configs:\n- config_name: claims\n  default: true\n  \
         data_files:\n  - split: train\n    path: releases/{v}/claims.parquet\n- config_name: \
         articles\n  data_files:\n  - split: train\n    path: releases/{v}/articles.parquet\n\
         ---\n\n",
        language = yaml(&dataset.metadata.language),
        pretty = yaml(&fold(&dataset.metadata.title)),
        size = size_category(counts.claims),
        tags = TAGS.iter().fold(String::new(), |mut t, tag| {
            let _ = writeln!(t, "- {tag}");
            t
        }),
        v = m.version,
    );
    let _ = write!(
        s,
        "<!-- Written by `claimset release` from release {v}: edit dataset.toml, not this file. \
         -->\n\n# {title}\n\n{description}\n\n**Release {v}**: {claims} from {articles} \
         ({rejected} rejected), made by {claimants}. [Changelog](CHANGELOG.md) · \
         [Croissant](croissant.json) · [data dictionary](../README.md)\n\n",
        v = m.version,
        title = fold(&dataset.metadata.title),
        description = fold(&dataset.metadata.description),
        claims = counted(counts.claims, "claim"),
        articles = counted(counts.articles, "article"),
        rejected = thousands(counts.articles_rejected),
        claimants = counted(f.claimants.len() as u64, "named claimant"),
    );

    let _ = write!(
        s,
        "## Load it\n\nFrom the root of a clone of this repository; `releases/latest` is always \
         the latest release.\n\n<!-- recipe: card-python -->\n```python\nfrom datasets import load_dataset\nclaims = \
         load_dataset(\"{folder}\", split=\"train\")                  # the claims\narticles = \
         load_dataset(\"{folder}\", \"articles\", split=\"train\")\n\nimport pandas as pd\nclaims \
         = pd.read_parquet(\"{folder}/releases/latest/claims.parquet\", \
         dtype_backend=\"pyarrow\")\n```\n\n<!-- recipe: r -->\n```r\nclaims <- \
         nanoparquet::read_parquet(\"{folder}/releases/latest/claims.parquet\")\n```\n\n\
         polars, DuckDB and the other ways are in the [repository's README](../../README.md#\
         loading-a-release).\n\n"
    );

    let _ = write!(s, "## The data\n\n| | |\n| --- | --- |\n");
    let mut row = |k: &str, v: String| {
        let _ = writeln!(s, "| {k} | {v} |");
    };
    row("claims", thousands(counts.claims));
    row(
        "articles",
        format!(
            "{} ({} with claims, {} rejected)",
            thousands(counts.articles),
            thousands(f.articles_with_claims),
            thousands(counts.articles_rejected)
        ),
    );
    row(
        "claimants",
        format!(
            "{} named; {} without a named claimant",
            thousands(f.claimants.len() as u64),
            counted(f.unnamed, "claim"),
        ),
    );
    row("publishers", publishers_cell(f));
    let span = |(first, last): &(String, String)| {
        if first == last {
            first.clone()
        } else {
            format!("{first} to {last}")
        }
    };
    if let Some(dates) = &f.article_dates {
        row("articles published", span(dates));
    }
    if let Some(dates) = &f.claim_dates {
        row("claims made", span(dates));
    }
    row(
        "corrections applied",
        format!(
            "{} changed, {} added, {} taken out, from {}",
            thousands(counts.claims_corrected),
            thousands(counts.claims_added),
            thousands(counts.claims_rejected),
            counted(m.inputs.correction_files as u64, "correction file")
        ),
    );
    if let Some(r) = &counts.reviews {
        row(
            "published fact-checks",
            format!(
                "{} imported ({} rejected): {} verdicts linked automatically, {} confirmed by a \
                 person, {} links proposed",
                thousands(r.imported),
                thousands(r.rejected),
                thousands(r.claims_linked),
                thousands(r.claims_confirmed),
                thousands(r.links_proposed)
            ),
        );
    }
    s.push('\n');

    for (title, column, tally) in [
        ("quote type", "quote_type", &f.quote_types),
        ("verification status", "verification_status", &f.statuses),
    ] {
        let _ = write!(s, "| {title} | claims | share |\n| --- | ---: | ---: |\n");
        let allowed = &claim_columns()
            .iter()
            .find(|col| col.name == column)
            .expect("the claims table has the column")
            .allowed;
        for value in allowed {
            let found = tally.get(value).copied().unwrap_or(0);
            if found > 0 || column == "quote_type" {
                let _ = writeln!(
                    s,
                    "| `{value}` | {} | {} |",
                    thousands(found),
                    share(found, f.claims)
                );
            }
        }
        if column == "verification_status" {
            let _ = write!(
                s,
                "\nA claim is `unverified` until a fact-check verdict is recorded for it by a \
                 correction; the other statuses are listed in the data dictionary.\n"
            );
        }
        s.push('\n');
    }

    let top = f.top_claimants();
    if !top.is_empty() {
        let _ = write!(
            s,
            "### Top claimants\n\n| claimant | type | claims | share |\n| --- | --- | ---: | \
             ---: |\n"
        );
        for (who, n, kind) in top.iter().take(TOP) {
            let _ = writeln!(
                s,
                "| {} | {kind} | {} | {} |",
                cell(who),
                thousands(*n),
                share(*n, f.claims)
            );
        }
        s.push('\n');
    }
    if f.publishers.len() > 1 {
        let mut top: Vec<(&String, &u64)> = f.publishers.iter().collect();
        top.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        let _ = write!(
            s,
            "### Top publishers\n\n| publisher | claims | share |\n| --- | ---: | ---: |\n"
        );
        for (who, n) in top.iter().take(TOP) {
            let _ = writeln!(
                s,
                "| {} | {} | {} |",
                cell(who),
                thousands(**n),
                share(**n, f.claims)
            );
        }
        s.push('\n');
    }

    let _ = write!(
        s,
        "### Claims per month\n\n![Claims per month, by the date each claim was made]({CHART_FILE})\n\n"
    );
    let earlier = f.before_chart();
    if let (true, Some(first)) = (earlier > 0, bars.first()) {
        let _ = write!(
            s,
            "{} made before {} (most are dated by year or month alone: `in 2016`, `last year`) \
             are counted in the figures above but not drawn.\n\n",
            counted(earlier, "claim"),
            first.label
        );
    }

    let _ = write!(
        s,
        "## Where it comes from\n\n{source}\n\n`articles.parquet` lists every input article \
         with its title, date, URL and the SHA-256 of its text, so that each claim can be traced \
         to its article.\n\n## How it was made\n\n{generator} {gv} split each article into \
         sentences, found the statements it attributes to someone (direct quotes, reported \
         speech, partial quotes), named the claimant within the article and dated the claim; \
         corrections written by people were then applied by claim id, and every record was \
         validated against the published JSON Schema (`schema/claim.schema.json`, version \
         {schema}). The rules are for English news; what counts as a claim is in the \
         repository's README.\n\n{quality} Measure it with:\n\n```sh\n{command}\n```\n\nThe \
         release rebuilds byte for byte from its inputs: `claimset verify {folder}`.\n\n",
        source = fold(&dataset.metadata.source),
        generator = m.generator.name,
        gv = m.generator.version,
        schema = m.schema_version,
        quality = MEASURED_QUALITY,
        command = QUALITY_COMMAND,
    );

    let _ = write!(
        s,
        "## Columns\n\n`claims.parquet` has one row per claim ({} columns), `articles.parquet` \
         one row per input article ({} columns). Every column, its type, its allowed values and \
         its meaning are in the [data dictionary](../README.md). Dates are Parquet DATEs, \
         offsets and counts int32, enums plain strings.\n\n",
        claim_columns().len(),
        article_columns().len()
    );

    let _ = write!(
        s,
        "## Licence\n\n{}\n\n## How to cite\n\n```bibtex\n{citation}\n```\n\nand cite the \
         source named above.\n\n## Correct a claim\n\nA wrong claimant, a statement that is not \
         a claim, a missed claim, or a fact-check verdict to record: find the claim, write a \
         correction, and open a pull request with it. No article text is needed.\n\n```sh\n\
         cargo run --release -- search {folder} \"words of the claim\"\ncargo run --release -- \
         correct {folder} CLAIM_ID --set \"claimant=…\" --reason \"what was wrong\"\n```\n\n\
         The steps, with every kind of correction, are in \
         [CONTRIBUTING.md](../../CONTRIBUTING.md#recipe-1-fix-a-claim).\n",
        fold(&dataset.metadata.licence)
    );
    s
}

fn publishers_cell(f: &Figures) -> String {
    match f.publishers.len() {
        1 => f
            .publishers
            .keys()
            .next()
            .map_or_else(String::new, |p| format!("1 ({})", cell(p))),
        n => thousands(n as u64),
    }
}

/// Points `releases/latest` at `version`: a relative symbolic link, replaced atomically.
#[cfg(unix)]
fn point_latest(releases: &Path, version: &str) -> Result<PathBuf, Error> {
    let link = releases.join(LATEST);
    if std::fs::read_link(&link).is_ok_and(|t| t == Path::new(version)) {
        return Ok(link);
    }
    let write_err = |source| Error::Write {
        path: link.clone(),
        source,
    };
    let tmp = releases.join(format!("{}{LATEST}", crate::atomic::PREFIX));
    let _ = std::fs::remove_file(&tmp);
    std::os::unix::fs::symlink(version, &tmp).map_err(write_err)?;
    std::fs::rename(&tmp, &link).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        write_err(e)
    })?;
    Ok(link)
}

/// Writes `releases/latest` as a one-line file naming `version`, as git checks a symbolic
/// link out where there are none.
#[cfg(not(unix))]
fn point_latest(releases: &Path, version: &str) -> Result<PathBuf, Error> {
    let link = releases.join(LATEST);
    crate::atomic::write(&link, version.as_bytes())?;
    Ok(link)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_people_write_them() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1_000), "1,000");
        assert_eq!(thousands(42_137), "42,137");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(counted(1, "claim"), "1 claim");
        assert_eq!(counted(42_125, "claim"), "42,125 claims");
        assert_eq!(share(1, 3), "33.3%");
        assert_eq!(share(0, 0), "–");
        assert_eq!(size_category(999), "n<1K");
        assert_eq!(size_category(42_000), "10K<n<100K");
    }

    #[test]
    fn months_count_from_year_zero() {
        assert_eq!(month("2022-01-29"), Some(2022 * 12));
        assert_eq!(month("2022-12-01"), Some(2022 * 12 + 11));
        assert_eq!(month("bad"), None);
        let f = Figures {
            months: BTreeMap::from([(month("2019-01-01").expect("m"), 2), (2022 * 12 + 1, 5)]),
            article_dates: Some(("2022-02-01".into(), "2022-02-01".into())),
            ..Figures::default()
        };
        let bars = f.bars();
        assert_eq!(bars.first().map(|b| b.label.as_str()), Some("2022-01"));
        assert_eq!(
            bars.last().map(|b| (b.label.as_str(), b.count)),
            Some(("2022-02", 5))
        );
        assert_eq!(bars.len(), 2, "from the month before the first article's");
        assert_eq!(f.before_chart(), 2);
    }

    #[test]
    fn yaml_scalars_are_quoted() {
        assert_eq!(
            yaml("Russia–Ukraine: \"crisis\""),
            "\"Russia–Ukraine: \\\"crisis\\\"\""
        );
    }
}
