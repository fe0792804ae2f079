//! One article: its fields, where it was read, and the checks every article passes before
//! extraction (a real date, an absolute http(s) URL, a body).

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use chrono::NaiveDate;

use super::Reason;
use super::select::Selection;

/// The largest article (text file or JSON line) read; larger ones are rejected unread.
///
/// A guard against what is not an article (a book, a database dump pasted into one line)
/// rather than a limit of the extractor: 512 KiB is over six times the largest of the 33,148
/// articles of the `AllSides` corpus (77 KB) and fifteen times `PolNeAR`'s (34 KB).
/// Extraction grows near-linearly with length, also on hostile bodies (`cargo bench --bench
/// adversarial`), but its memory grows with the claims found, and up to 2 × threads + 2
/// articles are in flight at once.
pub const MAX_ARTICLE_BYTES: usize = 512 << 10;

/// The years an article's date may fall in. Dates outside (`0000-01-01`, `-999-01-01`, a
/// typo'd `20222-…`) are typing errors, not news, and records dated there fail the schema's
/// four-digit years or the rules; the range is fixed, not read from a clock, so that the same
/// input is accepted on any day.
pub const DATE_YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;

/// One valid article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Article {
    /// The JSON `id`; the file name without extensions for a text file; else derived from
    /// the URL (the first 16 hex digits of its SHA-256).
    pub id: String,
    /// The headline, if the input has one.
    pub title: Option<String>,
    /// The publication date.
    pub date: NaiveDate,
    /// The source URL, as given.
    pub url: String,
    /// The URL's host without `www.`.
    pub publisher: String,
    /// The text that claims are extracted from and that spans point into.
    pub body: String,
    /// Where the article was read.
    pub location: Location,
}

/// Where an article came from: a file, and the line for JSON Lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The path as the user gave it (or found under a directory they gave); `<stdin>`.
    pub file: Arc<str>,
    /// The 1-based line for JSON Lines and for problems on one line of a text file.
    pub line: Option<u64>,
}

impl Location {
    pub(super) fn file(file: &Arc<str>) -> Self {
        Location {
            file: file.clone(),
            line: None,
        }
    }

    pub(super) fn at(file: &Arc<str>, line: u64) -> Self {
        Location {
            file: file.clone(),
            line: Some(line),
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{l}", self.file),
            None => write!(f, "{}", self.file),
        }
    }
}

/// The fields of an article before validation.
pub(super) struct Fields<'a> {
    pub(super) title: Option<&'a str>,
    pub(super) date: Option<&'a str>,
    pub(super) url: Option<&'a str>,
    /// Owned when parsing already made a copy, so that it is moved, not copied again.
    pub(super) body: Option<Cow<'a, str>>,
}

impl Fields<'_> {
    /// The article, `None` when it falls outside `select`, or why it is not one. A date or
    /// publisher outside the selection leaves the input out as soon as it is read, so that a
    /// slice of a corpus does not list the rest of the corpus's bad inputs.
    pub(super) fn validate(
        self,
        id: String,
        select: Option<&Selection>,
    ) -> Result<Option<Article>, Reason> {
        let date = match self.date.map(str::trim) {
            None | Some("") => return Err(Reason::MissingDate),
            Some(d) => parse_date(d).ok_or_else(|| Reason::InvalidDate(d.to_owned()))?,
        };
        if select.is_some_and(|s| !s.has_date(date)) {
            return Ok(None);
        }
        if !DATE_YEARS.contains(&chrono::Datelike::year(&date)) {
            return Err(Reason::DateOutOfRange(date.to_string()));
        }
        let url = match self.url.map(str::trim) {
            None | Some("") => return Err(Reason::MissingUrl),
            Some(u) => u,
        };
        let publisher = publisher(url).ok_or_else(|| Reason::InvalidUrl(url.to_owned()))?;
        if select.is_some_and(|s| !s.has_publisher(&publisher)) {
            return Ok(None);
        }
        let body = self.body.unwrap_or_default();
        if body.trim().is_empty() {
            return Err(Reason::EmptyBody);
        }
        let title = self
            .title
            .map(str::trim)
            .filter(|t| !t.is_empty())
            .map(str::to_owned);
        Ok(Some(Article {
            id,
            title,
            date,
            url: url.to_owned(),
            publisher,
            body: body.into_owned(),
            location: Location {
                file: Arc::from(""),
                line: None,
            },
        }))
    }
}

/// `YYYYMMDD`, `YYYY-MM-DD`, or an ISO date-time whose date part is one of those.
pub fn parse_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    let day = match s.as_bytes().get(10) {
        Some(b'T' | b't' | b' ') => &s[..10],
        _ => s,
    };
    if day.len() == 8 && day.bytes().all(|b| b.is_ascii_digit()) {
        NaiveDate::parse_from_str(day, "%Y%m%d").ok()
    } else if day.len() == 10 {
        NaiveDate::parse_from_str(day, "%Y-%m-%d").ok()
    } else {
        None
    }
}

/// The site of an absolute http(s) URL: its host without `www.`. The URL must also be a
/// `uri` as the claim schema checks it (RFC 3986: `…/#a#b` is not), so that an article's
/// claims never fail validation for their `source_url`.
pub fn publisher(url: &str) -> Option<String> {
    static URI: std::sync::LazyLock<jsonschema::Validator> = std::sync::LazyLock::new(|| {
        jsonschema::draft202012::options()
            .should_validate_formats(true)
            .build(&serde_json::json!({"type": "string", "format": "uri"}))
            .expect("the uri schema compiles")
    });
    if !URI.is_valid(&serde_json::Value::from(url)) {
        return None;
    }
    let parsed = url::Url::parse(url).ok()?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return None;
    }
    let host = parsed.host_str()?;
    Some(host.strip_prefix("www.").unwrap_or(host).to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_accepted_forms() {
        let d = NaiveDate::from_ymd_opt(2022, 2, 1);
        assert_eq!(parse_date("20220201"), d);
        assert_eq!(parse_date("2022-02-01"), d);
        assert_eq!(parse_date("2022-02-01 10:22:00"), d);
        assert_eq!(parse_date("2022-02-01T10:22:00Z"), d);
        assert_eq!(parse_date("20220230"), None);
        assert_eq!(parse_date("01/02/2022"), None);
    }

    #[test]
    fn publisher_is_the_host_without_www() {
        assert_eq!(
            publisher("https://www.presstv.ir/Detail/2022/02/01/675991/x").as_deref(),
            Some("presstv.ir")
        );
        assert_eq!(publisher("ftp://example.com/x"), None);
        assert_eq!(publisher("www.example.com/x"), None);
    }
}
