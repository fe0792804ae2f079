//! Line-based input, as the Data Commons fact-check feed publishes it: one page's JSON-LD a
//! line, bare or inside a `<script type="application/ld+json">` element; and HTML pages'
//! JSON-LD script elements.
//!
//! The same reader takes JSON Lines of `claims:search` responses or of review records, told
//! apart line by line.

use serde_json::Value;

use super::{Form, Found, RejectionReason, Site, one_document};

/// Reads every line of a file that is not one JSON document.
pub(super) fn lines(name: &str, text: &str) -> (Option<Form>, Found) {
    let mut form = None;
    let mut found = Vec::new();
    for (k, line) in text.lines().enumerate() {
        let site = Site {
            file: name.to_owned(),
            line: Some(k as u64 + 1),
            pointer: String::new(),
        };
        let t = line.trim();
        if t.is_empty() {
            continue;
        }
        if contains_script(t) {
            form.get_or_insert(Form::DataCommons);
            found.extend(scripts(&site, t, k as u64 + 1));
            continue;
        }
        match serde_json::from_str::<Value>(t) {
            Ok(v) => {
                let (f, got) = one_document(&site, &v);
                let f = match f {
                    Some(Form::JsonLd) => Some(Form::DataCommons),
                    other => other,
                };
                if form.is_none() {
                    form = f;
                }
                found.extend(got);
            }
            Err(e) => found.push(Err(site.reject(
                RejectionReason::MalformedJson,
                format!(
                    "malformed JSON: {e}: each line must be one JSON-LD document, \
                     script element, claims:search response or review record"
                ),
            ))),
        }
    }
    (form, found)
}

fn contains_script(s: &str) -> bool {
    s.to_ascii_lowercase().contains("<script")
}

/// Reads the JSON-LD script elements of `text`, whose first line is `first_line`. Other
/// script elements (JavaScript) are not reviews and are passed over.
pub(super) fn scripts(site: &Site, text: &str, first_line: u64) -> Found {
    let lower = text.to_ascii_lowercase();
    let mut found = Vec::new();
    let mut from = 0;
    let mut any = false;
    while let Some(k) = lower[from..].find("<script") {
        let open = from + k;
        let Some(gt) = lower[open..].find('>') else {
            break;
        };
        let tag = &lower[open..open + gt];
        let body_start = open + gt + 1;
        let body_end = lower[body_start..]
            .find("</script")
            .map_or(text.len(), |e| body_start + e);
        from = body_end;
        if !tag.contains("application/ld+json") {
            continue;
        }
        any = true;
        let line = first_line + text[..open].matches('\n').count() as u64;
        let here = Site {
            file: site.file.clone(),
            line: Some(line),
            pointer: String::new(),
        };
        match serde_json::from_str::<Value>(text[body_start..body_end].trim()) {
            Ok(v) => found.extend(super::jsonld::read(&here, &v)),
            Err(e) => found.push(Err(here.reject(
                RejectionReason::MalformedJson,
                format!("malformed JSON in a JSON-LD script element: {e}"),
            ))),
        }
    }
    if !any {
        found.push(Err(site.reject(
            RejectionReason::NoReview,
            "no <script type=\"application/ld+json\"> element: nothing to import",
        )));
    }
    found
}
