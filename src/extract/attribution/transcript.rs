//! Interview transcripts and story highlights: a paragraph opening with a speaker's name and
//! a colon (`FALLIN: Well, I think …`, `John Feinblatt: U.S. immigration …`) is what that
//! speaker said.

use rustc_hash::FxHashMap;

use super::super::constructions::Construction;
use super::super::document::Doc;
use super::super::lexicon;
use super::filters::{is_claim, trim};
use super::{Attribution, MadeBy, Speaker};

/// Interview transcripts: a paragraph that opens with a speaker's name in capitals and a
/// colon (`FALLIN: Well, I think …`) is that speaker's turn. The name must appear elsewhere
/// in the article in ordinary case (`Gov. Mary Fallin`), which keeps out labels such as
/// `UPDATE:` and datelines.
pub(crate) fn transcript_turns(doc: &Doc<'_>) -> Vec<Attribution> {
    let mut out = Vec::new();
    let n = doc.toks.len();
    // How often each word is written as a name in ordinary case — with its capital, not all
    // in capitals, not a label before a colon. Counted once for the article, when the first
    // label needs it: searching the whole body for every paragraph's label was quadratic.
    let in_ordinary_case = |k: usize| {
        doc.is_word(k)
            && doc.cap(k)
            && !is_upper_word(doc.s(k))
            && !(k + 1 < n && doc.is_punct(k + 1, ":"))
    };
    let mut names: Option<FxHashMap<&str, usize>> = None;
    let mut i = 0;
    while i < n {
        let para = doc.toks[i].para;
        let mut end = i;
        while end < n && doc.toks[end].para == para {
            end += 1;
        }
        let mut colon = i;
        while colon < end && colon - i < 4 && doc.is_word(colon) && is_upper_word(doc.s(colon)) {
            colon += 1;
        }
        // `John Feinblatt: U.S. immigration …` in story highlights: a name in ordinary case
        // (one to three capitalised words), which must name a person elsewhere in capitals.
        if colon == i {
            while colon < end && colon - i < 3 && doc.is_word(colon) && doc.cap(colon) {
                colon += 1;
            }
        }
        let label = i..colon;
        if colon > i && doc.is_punct(colon, ":") && colon + 1 < end {
            let last = doc.lo(colon - 1);
            // The name must be written elsewhere in ordinary case with its capital — a name,
            // not `READ MORE:` or `Photo:` with `more` and `photo` in running text.
            let mut elsewhere = || {
                let names = names.get_or_insert_with(|| {
                    let mut names = FxHashMap::default();
                    for k in (0..n).filter(|&k| in_ordinary_case(k)) {
                        *names.entry(doc.lo(k)).or_insert(0) += 1;
                    }
                    names
                });
                let in_label = label
                    .clone()
                    .filter(|&k| in_ordinary_case(k) && doc.lo(k) == last)
                    .count();
                names.get(last).copied().unwrap_or(0) > in_label
            };
            let named_elsewhere = last.len() > 2
                && !lexicon::is_title_word(last)
                && !lexicon::is_opening_word(doc.lo(label.start))
                && lexicon::weekday(last).is_none()
                && elsewhere();
            if named_elsewhere
                && let Some(content) = trim(doc, colon + 1..end)
                && is_claim(doc, std::slice::from_ref(&content))
            {
                out.push(Attribution {
                    speaker: Speaker::Mention {
                        np: label.clone(),
                        appositive: None,
                    },
                    cue: colon..colon + 1,
                    parts: vec![content],
                    verbatim: true,
                    frame: label.start..colon + 1,
                    participle: false,
                    rule: MadeBy::new(Construction::TranscriptTurn, Construction::TranscriptTurn),
                });
            }
        }
        i = end;
    }
    out
}

pub(crate) fn is_upper_word(w: &str) -> bool {
    w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
}
