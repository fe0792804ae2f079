//! Text as matching sees it: social-media debris cleaned off a claim, words folded, stop
//! words dropped and stems taken, character n-grams, numbers.
//!
//! A claim quoted from a post carries what a fact-check's summary never does: links,
//! `@handles`, `#hashtags`, and a signature line (`— Name (@handle) Month D, YYYY`). Links
//! are noise; handles and hashtags are often the very names and topics the review names, so
//! they are kept as words, split where their capitals are (`#StateOfTheUnion` → `State Of
//! The Union`); a signature's name is kept, its date dropped.

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashSet;

/// English function words: they match everything and say nothing about which claim.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "me",
    "more",
    "most",
    "my",
    "myself",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "ought",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "would",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
    "s",
    "t",
    "don",
    "won",
    "ll",
    "re",
    "ve",
    "d",
    "m",
];

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::English));
static STOP: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| STOP_WORDS.iter().copied().collect());

fn is_stop(w: &str) -> bool {
    STOP.contains(w)
}

/// A claim's text made ready for matching: its words without links and signatures, and the
/// names found in signatures (who posted it).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Cleaned {
    /// The text, links and signature lines removed, handles and hashtags as words.
    pub(crate) text: String,
    /// Names from signature lines, each with its handle split into words.
    pub(crate) signers: Vec<String>,
}

/// Cleans social-media debris off a claim's text; plain news text passes unchanged.
#[cfg(test)]
pub(crate) fn clean(text: &str) -> Cleaned {
    clean_with(text, &|_| false)
}

/// [`clean`], with the words a tag written in one case (`#cornflakes`, `#CROOKEDHILLARY`) may
/// be split into: `known` says whether a lowercase word is one the reviews use.
pub(crate) fn clean_with(text: &str, known: &dyn Fn(&str) -> bool) -> Cleaned {
    let mut out = Cleaned::default();
    let mut rest = text;
    let mut kept = String::with_capacity(text.len());
    // A signature is `— Name (@handle) Month D, YYYY`; a quoted post brings its own.
    while let Some((start, end, name, handle)) = find_signature(rest) {
        kept.push_str(&rest[..start]);
        kept.push(' ');
        let mut signer = name.trim().to_owned();
        let handle = split_tag(handle, known);
        if !handle.is_empty() {
            if !signer.is_empty() {
                signer.push(' ');
            }
            signer.push_str(&handle);
        }
        if !signer.is_empty() {
            out.signers.push(signer);
        }
        rest = &rest[end..];
    }
    kept.push_str(rest);
    let mut words = String::with_capacity(kept.len());
    for token in kept.split_whitespace() {
        let t = before_link(token);
        if t.contains(['@', '#']) {
            words.push_str(&split_tags(t, known));
        } else {
            words.push_str(t);
        }
        words.push(' ');
    }
    out.text = words.split_whitespace().collect::<Vec<_>>().join(" ");
    out
}

/// The part of a whitespace-free token before any link (`http…`, `pic.twitter.com/…`, a
/// leading `www.`): links are often glued to the word before them, and run to the token's
/// end.
fn before_link(token: &str) -> &str {
    if token.starts_with("www.") {
        return "";
    }
    let at = ["https://", "http://", "pic.twitter.com/"]
        .iter()
        .filter_map(|p| token.find(p))
        .min();
    at.map_or(token, |k| &token[..k])
}

/// Finds the first signature line: a dash, a name, `(@handle)`, and a `Month D, YYYY` date.
/// Returns its byte range, the name and the handle.
fn find_signature(s: &str) -> Option<(usize, usize, &str, &str)> {
    let mut from = 0;
    while let Some(k) = s[from..].find("(@") {
        let open = from + k;
        from = open + 2;
        let Some(close_rel) = s[open..].find(')') else {
            break;
        };
        let close = open + close_rel;
        let handle = &s[open + 2..close];
        if handle.is_empty() || !handle.chars().all(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let Some(date_len) = date_after(&s[close + 1..]) else {
            continue;
        };
        // The name runs back from the handle to the nearest dash.
        let before = &s[..open];
        let Some(dash) = before.rfind(['—', '–']) else {
            continue;
        };
        let name = &before[dash + before[dash..].chars().next().map_or(1, char::len_utf8)..];
        if name.chars().count() > 60 {
            continue;
        }
        return Some((dash, close + 1 + date_len, name, handle));
    }
    None
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The length of a `Month D, YYYY` date at the start of `s` (after spaces), if there is one.
fn date_after(s: &str) -> Option<usize> {
    let t = s.trim_start();
    let lead = s.len() - t.len();
    let month_end = t.find(' ')?;
    let month = &t[..month_end];
    if !MONTHS.contains(&month) {
        return None;
    }
    let r = &t[month_end + 1..];
    let day_len = r.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&day_len) || !r[day_len..].starts_with(", ") {
        return None;
    }
    let y = &r[day_len + 2..];
    if y.len() < 4 || !y.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(lead + month_end + 1 + day_len + 2 + 4)
}

/// `realDonaldTrump` → `real Donald Trump`; `COVID19` → `COVID 19`.
pub(crate) fn split_camel(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::with_capacity(word.len() + 4);
    for (i, &c) in chars.iter().enumerate() {
        if c == '_' {
            out.push(' ');
            continue;
        }
        if i > 0 {
            let p = chars[i - 1];
            let next_lower = chars.get(i + 1).is_some_and(|n| n.is_lowercase());
            let boundary = (p.is_lowercase() && c.is_uppercase())
                || (p.is_uppercase() && c.is_uppercase() && next_lower)
                || (p.is_alphabetic() && c.is_ascii_digit());
            if boundary {
                out.push(' ');
            }
        }
        out.push(c);
    }
    out
}

/// A token with handles and hashtags (`#MAGA#QAnon`, `via@JoeBiden`): each tag split into
/// words; the text before the first tag is left as written (`McDonald`).
fn split_tags(token: &str, known: &dyn Fn(&str) -> bool) -> String {
    let mut parts = token.split(['@', '#']);
    let mut out = parts.next().unwrap_or("").to_owned();
    for p in parts {
        out.push(' ');
        out.push_str(&split_tag(p, known));
    }
    out
}

/// One tag's words: split at its capitals, and a long run written in one case split into
/// known words (`stonemanshooting` → `stoneman shooting`) when it is not a known word itself.
fn split_tag(tag: &str, known: &dyn Fn(&str) -> bool) -> String {
    let camel = split_camel(tag);
    let mut out = Vec::new();
    for w in camel.split_whitespace() {
        let lower = w.to_lowercase();
        let glued = lower.chars().count() >= 6 && lower.chars().all(char::is_alphabetic);
        match segment(&lower, known).filter(|_| glued && !known(&lower)) {
            Some(parts) => out.extend(parts),
            None => out.push(w.to_owned()),
        }
    }
    out.join(" ")
}

/// The fewest known words a lowercase run splits into, at least two, if it splits at all. A
/// part is a known word of three letters or more, or a stop word of two or more (`stateof
/// theunion`); among splits into as many parts, the one found first (the shortest first
/// part) wins, so the result is the same on every run.
fn segment(word: &str, known: &dyn Fn(&str) -> bool) -> Option<Vec<String>> {
    let bounds: Vec<usize> = word
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(word.len()))
        .collect();
    let n = bounds.len() - 1;
    // best[i]: the fewest parts for the first i characters, and where the last part starts.
    let mut best: Vec<Option<(usize, usize)>> = vec![None; n + 1];
    best[0] = Some((0, 0));
    for i in 1..=n {
        for j in 0..i {
            let Some((parts, _)) = best[j] else { continue };
            let piece = &word[bounds[j]..bounds[i]];
            let len = i - j;
            let ok = (len >= 3 && known(piece)) || (len >= 2 && is_stop(piece));
            if ok && best[i].is_none_or(|(p, _)| parts + 1 < p) {
                best[i] = Some((parts + 1, j));
            }
        }
    }
    let (parts, _) = best[n]?;
    if parts < 2 {
        return None;
    }
    let mut out = Vec::with_capacity(parts);
    let mut i = n;
    while i > 0 {
        let (_, j) = best[i]?;
        out.push(word[bounds[j]..bounds[i]].to_owned());
        i = j;
    }
    out.reverse();
    Some(out)
}

/// Lowercase words of letters and digits, apostrophes dropped inside words (`Russia's` →
/// `russias`, as the articles' lost apostrophes write it).
pub(crate) fn words(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    for c in text.chars() {
        if c.is_alphanumeric() {
            cur.extend(c.to_lowercase());
        } else if matches!(c, '\'' | '’' | '‘') {
            // Inside a word an apostrophe joins; elsewhere it is a quotation mark.
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// The terms matching counts: words without stop words, stemmed.
pub(crate) fn terms(text: &str) -> Vec<String> {
    words(text)
        .into_iter()
        .filter(|w| !is_stop(w))
        .map(|w| STEMMER.stem(&w).into_owned())
        .collect()
}

/// Text folded for ids: lowercase, whitespace folded.
pub(crate) fn fold_for_id(text: &str) -> String {
    text.split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

/// Character 4-grams of the folded words (`" russ"`, `"ussi"`…), hashed to 32 bits; they
/// match words the stemmer leaves apart (`cornflakes` / `corn flakes`).
pub(crate) fn char_grams(text: &str) -> Vec<u32> {
    let joined: Vec<char> = std::iter::once(' ')
        .chain(words(text).join(" ").chars())
        .chain(std::iter::once(' '))
        .collect();
    joined
        .windows(4)
        .map(|w| {
            // FNV-1a: stable across platforms and releases, unlike the std hasher.
            let mut h: u32 = 0x811c_9dc5;
            for c in w {
                for b in (*c as u32).to_le_bytes() {
                    h ^= u32::from(b);
                    h = h.wrapping_mul(0x0100_0193);
                }
            }
            h
        })
        .collect()
}

/// The numbers written in a text (`1,000`, `3.5`, `2019`), commas dropped.
pub(crate) fn numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let inner_sep = matches!(c, ',' | '.')
            && !cur.is_empty()
            && chars.get(i + 1).is_some_and(char::is_ascii_digit);
        if c.is_ascii_digit() {
            cur.push(c);
        } else if inner_sep {
            if c == '.' {
                cur.push('.');
            }
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_post_loses_links_and_signature_and_keeps_names() {
        let c = clean(
            "Big news #StateOfTheUnion via @JoeBiden https://t.co/xyz pic.twitter.com/abc \
             — Jane Roe (@jane_roe) January 6, 2020",
        );
        assert_eq!(c.text, "Big news State Of The Union via Joe Biden");
        assert_eq!(c.signers, vec!["Jane Roe jane roe".to_owned()]);
    }

    #[test]
    fn only_tags_are_split_at_their_capitals() {
        assert_eq!(
            clean("McDonald said #NoMore@JoeBiden").text,
            "McDonald said No More Joe Biden"
        );
    }

    #[test]
    fn tags_in_one_case_split_into_known_words() {
        let known =
            |w: &str| ["corn", "flakes", "crooked", "hillary", "state", "union"].contains(&w);
        assert_eq!(
            clean_with("#cornflakes #CROOKEDHILLARY #stateoftheunion", &known).text,
            "corn flakes crooked hillary state of the union"
        );
        // Short runs, known words and runs that do not split whole stay as written.
        assert_eq!(
            clean_with("#corn #hillary2016 #cornfalkes", &known).text,
            "corn hillary 2016 cornfalkes"
        );
        // Words outside tags are never split.
        assert_eq!(clean_with("cornflakes", &known).text, "cornflakes");
    }

    #[test]
    fn news_text_is_unchanged() {
        let t = "Putin said the West ignored Russia’s concerns — a claim NATO rejects.";
        assert_eq!(clean(t).text, t);
        assert!(clean(t).signers.is_empty());
    }

    #[test]
    fn glued_links_are_cut_off() {
        assert_eq!(clean("wow!pic.twitter.com/abc").text, "wow!");
        assert_eq!(clean("#TickTockpic.twitter.com/x").text, "Tick Tock");
    }

    #[test]
    fn terms_are_stemmed_without_stop_words() {
        assert_eq!(
            terms("The protesters were shooting"),
            vec!["protest", "shoot"]
        );
        assert_eq!(
            words("Russia’s 1,000 troops"),
            vec!["russias", "1", "000", "troops"]
        );
        assert_eq!(
            numbers("1,000 troops in 2019 and 3.5%"),
            vec!["1000", "2019", "3.5"]
        );
    }
}
