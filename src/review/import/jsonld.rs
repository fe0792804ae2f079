//! schema.org `ClaimReview` JSON-LD → review records.
//!
//! Publishers write the same thing many ways, and all of them are read: one object, an
//! array, an `@graph`, a `DataFeed` of items, a review nested in a page's `mainEntity`;
//! `@context` as `https://schema.org`, `http://schema.org/`, an object with `@vocab`, or a
//! list; property names bare, prefixed (`schema:claimReviewed`) or as full IRIs; values bare
//! or as `{"@value": …}`; `itemReviewed` as a `Claim` (with `author`, `datePublished`,
//! `appearance`, `firstAppearance`) or as the `CreativeWork` where the claim appeared;
//! `author` as one object, a list, or a name. A field in a shape that cannot be read (a date
//! that is no date, a URL that is not absolute http(s)) is left empty rather than guessed.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::super::{Rating, ReviewRecord, review_id, verdict};
use super::{Found, RejectionReason, Site};
use crate::record::VerificationStatus;

/// Every `ClaimReview` in a JSON-LD document, each a record or a rejection.
pub(super) fn read(site: &Site, value: &Value) -> Found {
    let mut found = Vec::new();
    walk(site, value, "", &mut found);
    if found.is_empty() {
        found.push(Err(site.reject(
            RejectionReason::NoReview,
            "no ClaimReview in this JSON-LD: nothing to import",
        )));
    }
    found
}

fn walk(site: &Site, value: &Value, pointer: &str, found: &mut Found) {
    match value {
        Value::Object(obj) => {
            if has_type(obj, "ClaimReview") {
                found.push(review(&site.at(pointer), obj));
                return;
            }
            for (k, v) in obj {
                walk(site, v, &format!("{pointer}/{}", escape(k)), found);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                walk(site, v, &format!("{pointer}/{i}"), found);
            }
        }
        _ => {}
    }
}

/// A JSON pointer token (RFC 6901).
fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// A property or type name without its vocabulary: `schema:author`,
/// `http://schema.org/author` → `author`. JSON-LD keywords (`@type`) stay as they are.
fn local(name: &str) -> &str {
    if name.starts_with('@') {
        return name;
    }
    let cut = name.rfind(['/', '#', ':']).map_or(0, |k| k + 1);
    &name[cut..]
}

/// A property by its local name, whatever prefix it was written with.
pub(super) fn get<'a>(obj: &'a Map<String, Value>, name: &str) -> Option<&'a Value> {
    obj.get(name)
        .or_else(|| obj.iter().find(|(k, _)| local(k) == name).map(|(_, v)| v))
        .filter(|v| !v.is_null())
}

fn has_type(obj: &Map<String, Value>, ty: &str) -> bool {
    let Some(t) = obj.get("@type").or_else(|| obj.get("type")) else {
        return false;
    };
    match t {
        Value::String(s) => local(s) == ty,
        Value::Array(a) => a.iter().any(|x| x.as_str().is_some_and(|s| local(s) == ty)),
        _ => false,
    }
}

/// A value as text: a string, a number, `{"@value": …}`, or the first of a list; folded
/// whitespace; `None` when empty.
pub(super) fn text(v: &Value) -> Option<String> {
    let s = match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Object(o) => return o.get("@value").and_then(text),
        Value::Array(a) => return a.iter().find_map(text),
        _ => return None,
    };
    let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
    (!folded.is_empty()).then_some(folded)
}

/// A number, written as a number or as text.
fn number(v: &Value) -> Option<f64> {
    match v {
        Value::Number(n) => n.as_f64(),
        _ => text(v)?.parse().ok(),
    }
}

/// A date as published: `2022-02-03`, with or without a time (`…T10:00:00Z`), or spelled
/// out (`February 3, 2022`, `3 February 2022`). The day as written, whatever the zone.
pub(super) fn date(v: &Value) -> Option<NaiveDate> {
    let s = text(v)?;
    if let Some(head) = s.get(..10)
        && let Ok(d) = NaiveDate::parse_from_str(head, "%Y-%m-%d")
    {
        return Some(d);
    }
    ["%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(&s, f).ok())
}

/// An absolute http(s) URL, from a string or a node's `url` or `@id`.
pub(super) fn http_url(v: &Value) -> Option<String> {
    let s = match v {
        Value::Object(o) => return get(o, "url").or_else(|| o.get("@id")).and_then(http_url),
        Value::Array(a) => return a.iter().find_map(http_url),
        v => text(v)?,
    };
    let u = url::Url::parse(&s).ok()?;
    matches!(u.scheme(), "http" | "https")
        .then_some(())
        .and(u.host_str())
        .map(|_| s)
}

/// Every URL of a value that may be one node, a list of them, or plain URLs.
fn urls(v: &Value, out: &mut Vec<String>) {
    match v {
        Value::Array(a) => a.iter().for_each(|x| urls(x, out)),
        v => {
            if let Some(u) = http_url(v)
                && !out.contains(&u)
            {
                out.push(u);
            }
        }
    }
}

/// The name of an author that may be a string, a node, or a list; an organisation is
/// preferred over a person when a list has both (the fact-checker, not its writer).
pub(super) fn author_name(v: &Value) -> Option<String> {
    match v {
        Value::Array(a) => a
            .iter()
            .filter(|x| x.as_object().is_some_and(|o| has_type(o, "Organization")))
            .chain(a.iter())
            .find_map(author_name),
        Value::Object(o) => get(o, "name")
            .and_then(text)
            .or_else(|| get(o, "alternateName").and_then(text)),
        v => text(v),
    }
}

fn language(v: &Value) -> Option<String> {
    match v {
        Value::Object(o) => get(o, "alternateName")
            .or_else(|| get(o, "name"))
            .and_then(text),
        v => text(v),
    }
}

/// One `ClaimReview` node → a record, or why not.
fn review(site: &Site, n: &Map<String, Value>) -> Result<(ReviewRecord, Site), super::Rejection> {
    let item = get(n, "itemReviewed").and_then(|v| match v {
        Value::Array(a) => a.iter().find_map(Value::as_object),
        v => v.as_object(),
    });
    let claim_reviewed = get(n, "claimReviewed")
        .and_then(text)
        .or_else(|| item.and_then(|i| get(i, "text")).and_then(text));
    let Some(claim_reviewed) = claim_reviewed else {
        return Err(site.reject(
            RejectionReason::MissingClaimReviewed,
            "a ClaimReview without claimReviewed (nor itemReviewed.text): \
             the claim it judges is unknown",
        ));
    };
    let mut appearance_urls = Vec::new();
    if let Some(i) = item {
        for key in ["firstAppearance", "appearance"] {
            if let Some(v) = get(i, key) {
                urls(v, &mut appearance_urls);
            }
        }
        if !has_type(i, "Claim")
            && let Some(u) = get(i, "url").and_then(http_url)
            && !appearance_urls.contains(&u)
        {
            appearance_urls.push(u);
        }
    }
    let rating_node = get(n, "reviewRating").and_then(|v| match v {
        Value::Array(a) => a.iter().find_map(Value::as_object),
        v => v.as_object(),
    });
    let rating = rating_node.map(|r| Rating {
        value: get(r, "ratingValue").and_then(number),
        best: get(r, "bestRating").and_then(number),
        worst: get(r, "worstRating").and_then(number),
    });
    let rating = rating.filter(|r| r.value.is_some() || r.best.is_some() || r.worst.is_some());
    let verdict_label = rating_node.and_then(|r| {
        get(r, "alternateName")
            .or_else(|| get(r, "name"))
            .and_then(text)
    });
    let review_url = get(n, "url")
        .and_then(http_url)
        .or_else(|| n.get("@id").and_then(http_url));
    let reviewed_by = get(n, "author")
        .and_then(author_name)
        .or_else(|| get(n, "publisher").and_then(author_name));
    let review_date = get(n, "datePublished").and_then(date);
    // An export by claimset names its status: it wins, so an export re-imports as it was.
    let stated = get(n, "verificationStatus")
        .and_then(|v| serde_json::from_value::<VerificationStatus>(v.clone()).ok());
    let verification_status = stated.unwrap_or_else(|| {
        verdict::normalise_verdict(
            reviewed_by.as_deref(),
            review_url.as_deref(),
            verdict_label.as_deref(),
            rating.as_ref(),
        )
    });
    let record = ReviewRecord {
        review_id: review_id(
            review_url.as_deref(),
            &claim_reviewed,
            reviewed_by.as_deref(),
            review_date,
        ),
        title: get(n, "headline").or_else(|| get(n, "name")).and_then(text),
        claimant: item.and_then(|i| get(i, "author")).and_then(author_name),
        claim_date: item.and_then(|i| get(i, "datePublished")).and_then(date),
        appearance_urls,
        reviewed_by,
        review_url,
        review_date,
        verdict_label,
        rating,
        verification_status,
        language: get(n, "inLanguage").and_then(language),
        claim_reviewed,
    };
    Ok((record, site.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_read_whatever_their_prefix() {
        assert_eq!(local("schema:claimReviewed"), "claimReviewed");
        assert_eq!(local("http://schema.org/ClaimReview"), "ClaimReview");
        assert_eq!(local("@type"), "@type");
    }

    #[test]
    fn dates_in_the_shapes_publishers_write() {
        let d = NaiveDate::from_ymd_opt(2022, 2, 3);
        for s in [
            "2022-02-03",
            "2022-02-03T23:10:00-05:00",
            "February 3, 2022",
            "3 February 2022",
        ] {
            assert_eq!(date(&Value::from(s)), d, "{s}");
        }
        assert_eq!(date(&Value::from("last Tuesday")), None);
    }

    #[test]
    fn only_absolute_web_urls_are_kept() {
        assert!(http_url(&Value::from("https://example.com/a")).is_some());
        assert!(http_url(&Value::from("/relative/path")).is_none());
        assert!(http_url(&Value::from("mailto:x@example.com")).is_none());
    }
}
