//! Page furniture that scraping pastes into article text and that must not reach the rules:
//! the hover text of links to a person's page.

use std::ops::Range;

use super::lexicon;

/// How far back from `MORE` a hover block may start, in tokens: the longest seen hold a full
/// legal name and four headlines.
const MAX_HOVER_TOKENS: usize = 150;

/// How far back from the glued token the visible name may end, in tokens.
const MAX_NAME_GAP: usize = 12;

/// The hover blocks of person links that some sites' pages paste into the text, as ranges
/// of token indices to drop; `word(k)` is token `k` as written and `para(k)` its paragraph.
///
/// `Sen. Bernie Sanders Bernie SandersBiden wins West Virginia primary … MORE (I-Vt.) said`
/// is `Sen. Bernie Sanders (I-Vt.) said` on the page: after the visible name come the
/// person's full name again, glued to the first of a few headlines (`SandersBiden`), and
/// `MORE`. Left in, the headlines become claims, their names claimants, and `MORE` a
/// speaker. A block is recognised by its two ends: a `MORE` in capitals, and before it a
/// token that glues a word repeated just before it to a capitalised word, with the rest of
/// the full name between them; everything after the visible name up to `MORE` goes.
pub(crate) fn link_hovers<'t>(
    n: usize,
    word: impl Fn(usize) -> &'t str,
    para: impl Fn(usize) -> u32,
) -> Vec<Range<usize>> {
    let mut drop: Vec<Range<usize>> = Vec::new();
    for m in (0..n).filter(|&m| word(m) == "MORE") {
        let floor = m
            .saturating_sub(MAX_HOVER_TOKENS)
            .max(drop.last().map_or(0, |r| r.end));
        let p = para(m);
        let block = (floor..m)
            .rev()
            .take_while(|&g| para(g) == p)
            .find_map(|g| {
                let glued = word(g);
                glue_points(glued).find_map(|at| {
                    let name = &glued[..at];
                    (g.saturating_sub(MAX_NAME_GAP).max(floor)..g.saturating_sub(1))
                        .rev()
                        .find(|&v| word(v) == name && para(v) == p)
                        .filter(|&v| (v + 1..g).all(|k| is_name_part(word(k))))
                })
            });
        if let Some(visible_end) = block {
            drop.push(visible_end + 1..m + 1);
        }
    }
    drop
}

/// What the repeated full name before the glue is made of: capitalised words, a nickname
/// in brackets (`Addison (Mitch)`), particles (`de`, `van`).
fn is_name_part(w: &str) -> bool {
    w == "(" || w == ")" || w.starts_with(char::is_uppercase) || lexicon::is_name_particle(w)
}

/// Byte offsets inside `w` where a lowercase letter meets an uppercase one (`Sanders|Biden`,
/// `Mc|Connell|Trump`), each a place where two words may have been glued.
fn glue_points(w: &str) -> impl Iterator<Item = usize> + '_ {
    w.char_indices()
        .zip(w.char_indices().skip(1))
        .filter(|((_, a), (_, b))| a.is_lowercase() && b.is_uppercase())
        .map(|(_, (at, _))| at)
}

#[cfg(test)]
mod tests {
    /// The words left when the hover blocks of `text` (split on spaces) are dropped.
    fn kept(text: &str) -> String {
        let words: Vec<&str> = text.split(' ').collect();
        let drop = super::link_hovers(words.len(), |k| words[k], |_| 0);
        let kept: Vec<&str> = (0..words.len())
            .filter(|k| !drop.iter().any(|r| r.contains(k)))
            .map(|k| words[k])
            .collect();
        kept.join(" ")
    }

    #[test]
    fn a_hover_block_goes_and_the_visible_name_stays() {
        assert_eq!(
            kept(
                "Sen. Bernie Sanders Bernie SandersBiden wins West Virginia primary The Hill's \
                 Campaign Report: 'It's primary night' MORE (I-Vt.) said it."
            ),
            "Sen. Bernie Sanders (I-Vt.) said it."
        );
        // A legal name with a nickname, a surname glued at its second capital, a particle.
        assert_eq!(
            kept(
                "Sen. Mitch McConnell Addison ( Mitch ) Mitch McConnellTrump signs bill MORE \
                 (R-Ky.) said so. Sen. Rand Paul Randal ( Rand ) Howard PaulDemocrats object \
                 MORE said no. Mayor Bill de Blasio Bill de BlasioThe mayor speaks MORE said."
            ),
            "Sen. Mitch McConnell (R-Ky.) said so. Sen. Rand Paul said no. Mayor Bill de \
             Blasio said."
        );
    }

    #[test]
    fn names_written_in_camel_case_and_more_in_running_text_stay() {
        for text in [
            "Gov. Ron DeSantis said MORE tests were coming.",
            "McDonald's and YouTube said so. MORE: the next story.",
            "Smith met Smith SmithKline officials, and Jones said MORE was needed.",
        ] {
            assert_eq!(kept(text), text);
        }
    }
}
