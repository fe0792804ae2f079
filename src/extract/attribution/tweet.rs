//! Embedded tweets, as news pages paste them: the tweet's text, then its signature line
//! `— Name (@handle) Month D, YYYY`. The named account said the text, on that day.

use std::ops::Range;

use super::super::constructions::Construction;
use super::super::document::Doc;
use super::super::lexicon;
use super::filters::{is_claim, trim};
use super::{Attribution, MadeBy, Speaker};

/// Every tweet with its signature in the document.
pub(crate) fn tweets(doc: &Doc<'_>) -> Vec<Attribution> {
    let mut out = Vec::new();
    for dash in 0..doc.toks.len() {
        if !(doc.is_punct(dash, "—") || doc.is_punct(dash, "--") || doc.is_punct(dash, "–")) {
            continue;
        }
        let Some((name, end)) = signature(doc, dash + 1) else {
            continue;
        };
        let para = doc.toks[dash].para;
        let mut start = dash;
        while start > 0 && doc.toks[start - 1].para == para {
            start -= 1;
        }
        // A tweet of several paragraphs: its text starts in the paragraph before when this
        // one holds too little of it.
        if doc.words_in(start..dash) < 4 && start > 0 {
            let prev = doc.toks[start - 1].para;
            while start > 0 && doc.toks[start - 1].para == prev {
                start -= 1;
            }
        }
        let text_end = without_links(doc, start, dash);
        let Some(content) = trim(doc, start..text_end) else {
            continue;
        };
        if !is_claim(doc, std::slice::from_ref(&content)) {
            continue;
        }
        out.push(Attribution {
            speaker: Speaker::Mention {
                np: name,
                appositive: None,
            },
            cue: dash..dash + 1,
            parts: vec![content],
            verbatim: true,
            frame: dash..end,
            participle: false,
            rule: MadeBy::new(Construction::TweetSignature, Construction::TweetSignature),
        });
    }
    out
}

/// The signature after a dash: a name (one to five capitalised words), `(@handle)`, then a
/// date `Month D, YYYY`. Returns the name's tokens and the end of the signature.
fn signature(doc: &Doc<'_>, from: usize) -> Option<(Range<usize>, usize)> {
    let mut k = from;
    while k < doc.toks.len() && k - from < 5 && doc.is_word(k) && doc.cap(k) {
        k += 1;
    }
    let name = from..k;
    if name.is_empty() || !doc.is_punct(k, "(") || !doc.is_punct(k + 1, "@") {
        return None;
    }
    if !doc.is_word(k + 2) || !doc.is_punct(k + 3, ")") {
        return None;
    }
    let d = k + 4;
    lexicon::month(doc.lo(d))?;
    let day = doc.lo(d + 1);
    let year = doc.lo(d + 3);
    let dated = day.len() <= 2
        && day.bytes().all(|b| b.is_ascii_digit())
        && doc.is_punct(d + 2, ",")
        && year.len() == 4
        && year.bytes().all(|b| b.is_ascii_digit());
    dated.then_some((name, d + 4))
}

/// Where a tweet's text ends before its links (`https://t.co/…`, `pic.twitter.com/…`).
fn without_links(doc: &Doc<'_>, start: usize, end: usize) -> usize {
    let link = (start..end).find(|&k| {
        let w = doc.lo(k);
        doc.is_word(k)
            && (w == "https"
                || w == "http"
                || w.starts_with("pic.twitter")
                || (w == "pic" && doc.is_punct(k + 1, ".") && doc.lo(k + 2) == "twitter"))
    });
    link.unwrap_or(end)
}
