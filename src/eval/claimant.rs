//! Whether a predicted claimant is the gold claimant: leniently (a shared surname, a
//! pronoun left out when nothing resolves it), and strictly (the canonical full name, an
//! unresolved pronoun wrong).

use super::gold::{Canonical, Gold};

const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "his", "their", "who",
    "which", "that",
];

/// Words dropped before names are compared strictly: honorifics and the titles news copy
/// puts before names, so that `Sen. Elizabeth Warren` and `Elizabeth Warren` are one name.
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "mx",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "rev",
    "the",
    "president",
    "vice",
    "sen",
    "senator",
    "rep",
    "representative",
    "gov",
    "governor",
    "mayor",
    "secretary",
    "gen",
    "general",
    "col",
    "capt",
    "lt",
    "sgt",
    "judge",
    "justice",
    "chief",
    "minister",
    "prime",
    "speaker",
    "leader",
    "former",
    "attorney",
    "ambassador",
    "rabbi",
    "father",
    "pope",
    "king",
    "queen",
    "prince",
    "princess",
    "lord",
    "lady",
    "cardinal",
];

fn name_words(name: &str) -> Vec<String> {
    name.to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.'))
        .map(|w| w.trim_end_matches("'s").to_owned())
        .filter(|w| {
            !w.is_empty()
                && !matches!(
                    w.as_str(),
                    "the" | "a" | "an" | "his" | "her" | "their" | "its" | "s"
                )
        })
        .collect()
}

/// Whether a predicted claimant names the gold claimant leniently: the same name once
/// determiners and possessives are dropped, or the same last word (a surname) on either
/// side. Where the gold claimant is a pronoun, the gold file's resolved name stands in for
/// it; if there is none, the claim is left out (`None`). Where it is a description (`the
/// senator`), either the description or the resolved name may match.
pub(crate) fn same_claimant(predicted: Option<&str>, gold: &Gold) -> Option<bool> {
    let surface = gold.claimant.as_deref().unwrap_or("").trim();
    let lower = surface.to_lowercase();
    let pronoun = PRONOUNS.contains(&lower.as_str());
    let described = ["the ", "a ", "an "].iter().any(|d| lower.starts_with(d));
    let named = match &gold.claimant_canonical {
        Some(Canonical::Named(n)) => Some(n.clone()),
        _ => None,
    };
    let resolved = named
        .or_else(|| gold.claimant_resolved_auto.clone())
        .filter(|r| !r.trim().is_empty());
    let references: Vec<String> = match (pronoun, described, resolved) {
        (true, _, Some(r)) => vec![r],
        (true, _, None) => return None,
        (false, true, Some(r)) => vec![surface.to_owned(), r],
        (false, _, _) => vec![surface.to_owned()],
    };
    let Some(p) = predicted else {
        return Some(false);
    };
    let pred_words = name_words(p);
    let last = |w: &[String]| w.last().cloned().unwrap_or_default();
    let mut scorable = false;
    for reference in references {
        let gold_words = name_words(&reference);
        if gold_words.is_empty() {
            continue;
        }
        scorable = true;
        if !pred_words.is_empty()
            && (pred_words == gold_words
                || gold_words.contains(&last(&pred_words))
                || pred_words.contains(&last(&gold_words)))
        {
            return Some(true);
        }
    }
    scorable.then_some(false)
}

/// A name as strict attribution compares it: lower case, letters and digits only, words
/// joined by single spaces, honorifics dropped.
pub(crate) fn canonical(name: &str) -> String {
    name.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !HONORIFICS.contains(w))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The gold claimant's canonical name for strict attribution: the set's own canonical name
/// (`Some(None)` for an unnamed source); else, for sets that only give the claimant as
/// written, that claimant (or its automatic resolution, for a pronoun or a description)
/// expanded to the fullest form of the name in the article body (`Trump` → `Donald Trump`).
/// `None` when none is usable.
pub(crate) fn gold_canonical(gold: &Gold, body: Option<&str>) -> Option<Canonical> {
    if let Some(c) = &gold.claimant_canonical {
        return Some(c.clone());
    }
    let surface = gold.claimant.as_deref().unwrap_or("").trim();
    let lower = surface.to_lowercase();
    let pronoun = PRONOUNS.contains(&lower.as_str());
    let described = ["the ", "a ", "an "].iter().any(|d| lower.starts_with(d))
        || surface.chars().next().is_some_and(char::is_lowercase);
    let name = if !surface.is_empty() && !pronoun && !described {
        name_in(surface).unwrap_or_else(|| surface.to_owned())
    } else if let Some(n) = name_in(surface).filter(|_| !pronoun) {
        // `spokeswoman Haley Morris`, `Melanne Verveer, who served as …`: annotated spans
        // hold titles and appositives around the name.
        n
    } else {
        gold.claimant_resolved_auto
            .clone()
            .filter(|r| r.chars().next().is_some_and(char::is_uppercase))?
    };
    Some(Canonical::Named(match body {
        Some(b) => fullest_form(&name, b),
        None => name,
    }))
}

/// The name in an annotated claimant span: the first run of capitalised words (with name
/// particles and suffixes) that is not only honorifics and titles, cut at a comma or a
/// bracket. `None` when the span holds no such run.
fn name_in(surface: &str) -> Option<String> {
    let head = surface
        .split([',', '(', '—', '–'])
        .next()
        .unwrap_or(surface);
    let words: Vec<&str> = head.split_whitespace().collect();
    let is_cap = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let particle = |w: &str| matches!(w, "de" | "van" | "von" | "bin" | "al" | "da" | "del" | "la");
    let mut k = 0;
    while k < words.len() {
        if is_cap(words[k]) && !HONORIFICS.contains(&canonical(words[k]).as_str()) {
            let mut e = k;
            while e < words.len() && (is_cap(words[e]) || particle(words[e])) {
                e += 1;
            }
            return Some(words[k..e].join(" "));
        }
        k += 1;
    }
    None
}

/// The longest run of capitalised words in `body` that ends with `name`'s last word and
/// holds all of `name`'s words: the fullest form the article gives. A sentence's first word
/// is part of the run only when the article never writes it in lower case (`Nate Cohn
/// said`, not `Yesterday Cohn said`).
fn fullest_form(name: &str, body: &str) -> String {
    let words = canonical(name);
    let Some(last) = words.split(' ').next_back().filter(|w| !w.is_empty()) else {
        return name.to_owned();
    };
    let lower: std::collections::BTreeSet<&str> = body
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect();
    // Words, with whether a sentence or a line ends right before them.
    let mut toks: Vec<(&str, bool)> = Vec::new();
    for line in body.lines() {
        let mut after_end = true;
        for raw in line.split_whitespace() {
            let w = raw.trim_matches(|c: char| !c.is_alphanumeric());
            if !w.is_empty() {
                toks.push((w, after_end));
            }
            after_end = raw.ends_with(['.', '!', '?', ':', '"', '”']);
        }
    }
    let mut best = words.clone();
    for (k, (t, _)) in toks.iter().enumerate() {
        if canonical(t) != last {
            continue;
        }
        let mut start = k;
        while start > 0
            && k - start < 4
            && !toks[start].1
            && toks[start - 1]
                .0
                .chars()
                .next()
                .is_some_and(char::is_uppercase)
        {
            start -= 1;
        }
        if start < k && toks[start].1 && lower.contains(toks[start].0.to_lowercase().as_str()) {
            start += 1;
        }
        let run: Vec<&str> = toks[start..=k].iter().map(|(w, _)| *w).collect();
        let run = canonical(&run.join(" "));
        let holds = words.split(' ').all(|w| run.split(' ').any(|r| r == w));
        if holds && run.len() > best.len() {
            best = run;
        }
    }
    best
}

/// Whether a predicted claimant is the gold one strictly: the same canonical full name, or
/// no name where the source is unnamed. `None` when the gold gives no usable claimant.
pub(crate) fn same_claimant_strict(
    predicted: Option<&str>,
    gold: &Gold,
    body: Option<&str>,
) -> Option<bool> {
    let want = gold_canonical(gold, body)?;
    Some(match (want, predicted) {
        (Canonical::Unnamed, None) => true,
        (Canonical::Unnamed, Some(_)) | (Canonical::Named(_), None) => false,
        (Canonical::Named(w), Some(p)) => {
            let (w, p) = (canonical(&w), canonical(p));
            !w.is_empty() && w == p
        }
    })
}
