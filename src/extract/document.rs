//! Tokens, sentences, paragraphs and quotation spans of an article body, all with byte offsets.
//!
//! Everything downstream works on token indices into [`Doc::toks`]; offsets stay in bytes
//! until a claim record is built, where they become code points.

use std::cell::Cell;
use std::ops::Range;

use super::{furniture, lexicon};

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    /// Letters, digits and the apostrophes, hyphens and dots inside them.
    Word,
    /// A double quotation mark; whether it opens or closes is decided by [`Doc::quotes`].
    Quote,
    /// Any other non-space character (a run of dots is one token).
    Punct,
}

/// One token: its byte range in the body and where its lowercase form lives.
#[derive(Debug, Clone)]
pub(crate) struct Tok {
    pub(crate) start: u32,
    pub(crate) end: u32,
    lower: Range<u32>,
    pub(crate) kind: Kind,
    /// Starts with an uppercase letter.
    pub(crate) cap: bool,
    pub(crate) para: u32,
}

/// A pair of quotation marks (or an opening mark left open to the end of its paragraph).
#[derive(Debug, Clone)]
pub(crate) struct QuoteSpan {
    /// Token index of the opening mark.
    pub(crate) open: usize,
    /// Token index of the closing mark, or the paragraph's end when the quote stays open.
    pub(crate) close: usize,
    /// Whether a closing mark was found.
    pub(crate) closed: bool,
    /// Number of word tokens inside.
    pub(crate) words: usize,
}

impl QuoteSpan {
    /// Token indices strictly inside the marks.
    pub(crate) fn inner(&self) -> Range<usize> {
        self.open + 1..self.close
    }
}

/// The most tokens one sentence may hold; a longer run is cut at a clause mark.
///
/// Rules look around inside a sentence, so a run with no full stop (a transcript without
/// punctuation, or a hostile body) would cost time quadratic in its length. Real sentences
/// rarely come near: splitting the `AllSides` corpus roughly (at full stops, on whitespace)
/// gave 16 runs over 400 words among 1.66 million, most of them page furniture.
pub(crate) const MAX_SENTENCE_TOKENS: usize = 400;

/// An article body split into tokens, sentences, paragraphs and quotes.
pub(crate) struct Doc<'a> {
    pub(crate) text: &'a str,
    pub(crate) toks: Vec<Tok>,
    lower: String,
    /// Token ranges of the sentences, in order.
    pub(crate) sents: Vec<Range<usize>>,
    /// Sentence index of every token.
    pub(crate) sent_of: Vec<u32>,
    /// Quotation spans, in order of their opening marks.
    pub(crate) quotes: Vec<QuoteSpan>,
    /// For every token, the index into `quotes` of the innermost quote containing it (marks
    /// included), if any.
    pub(crate) quote_of: Vec<Option<u32>>,
}

/// The arrays of a finished [`Doc`], kept by each thread for its next article. Every article
/// needs several arrays as long as its text; allocating them afresh for each one spent a
/// tenth of extraction in the allocator. A thread keeps at most one set, as large as the
/// largest article it has seen.
#[derive(Default)]
struct Buffers {
    toks: Vec<Tok>,
    lower: String,
    sents: Vec<Range<usize>>,
    sent_of: Vec<u32>,
    quotes: Vec<QuoteSpan>,
    quote_of: Vec<Option<u32>>,
}

thread_local! {
    static SPARE: Cell<Option<Buffers>> = const { Cell::new(None) };
}

impl<'a> Doc<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        let mut b = SPARE.take().unwrap_or_default();
        tokenize(text, &mut b.toks, &mut b.lower);
        drop_link_hovers(text, &mut b.toks);
        b.sents.clear();
        b.quotes.clear();
        let mut doc = Doc {
            text,
            toks: b.toks,
            lower: b.lower,
            sents: b.sents,
            sent_of: b.sent_of,
            quotes: b.quotes,
            quote_of: b.quote_of,
        };
        doc.mark_single_quotes();
        doc.split_sentences();
        doc.pair_quotes();
        doc
    }

    /// The token's text as written; empty past the last token, so that rules can look
    /// ahead without bounds checks.
    pub(crate) fn s(&self, i: usize) -> &'a str {
        match self.toks.get(i) {
            Some(t) => &self.text[t.start as usize..t.end as usize],
            None => "",
        }
    }

    /// The token's text in lowercase; empty past the last token.
    pub(crate) fn lo(&self, i: usize) -> &str {
        match self.toks.get(i) {
            Some(t) => &self.lower[t.lower.start as usize..t.lower.end as usize],
            None => "",
        }
    }

    /// Whether token `i` exists and starts with a capital.
    pub(crate) fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }

    /// Whether token `i` exists and is a word.
    pub(crate) fn is_word(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
    }

    /// Whether token `i` is the punctuation character `c`.
    pub(crate) fn is_punct(&self, i: usize, c: &str) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Punct) && self.s(i) == c
    }

    pub(crate) fn is_quote(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Quote)
    }

    /// The body text from the start of token `a` to the end of token `b - 1`.
    pub(crate) fn slice(&self, r: Range<usize>) -> &'a str {
        if r.is_empty() {
            return "";
        }
        &self.text[self.toks[r.start].start as usize..self.toks[r.end - 1].end as usize]
    }

    /// The byte range covered by tokens `r`.
    pub(crate) fn bytes(&self, r: Range<usize>) -> Range<usize> {
        self.toks[r.start].start as usize..self.toks[r.end - 1].end as usize
    }

    pub(crate) fn sent(&self, i: usize) -> Range<usize> {
        self.sents[self.sent_of[i] as usize].clone()
    }

    /// Number of word tokens in `r`.
    pub(crate) fn words_in(&self, r: Range<usize>) -> usize {
        r.filter(|&i| self.toks[i].kind == Kind::Word).count()
    }

    /// The quote whose opening or closing mark is token `i`.
    pub(crate) fn quote_at_mark(&self, i: usize) -> Option<&QuoteSpan> {
        let q = &self.quotes[(*self.quote_of.get(i)?)? as usize];
        (q.open == i || (q.closed && q.close == i)).then_some(q)
    }

    /// Whether token `i` lies strictly inside quotation marks.
    pub(crate) fn inside_quote(&self, i: usize) -> bool {
        self.quote_of.get(i).copied().flatten().is_some_and(|q| {
            let q = &self.quotes[q as usize];
            q.open < i && i < q.close
        })
    }

    fn split_sentences(&mut self) {
        let n = self.toks.len();
        let mut start = 0;
        let mut i = 0;
        while i < n {
            let mut end = None;
            if i + 1 < n && self.toks[i + 1].para != self.toks[i].para {
                end = Some(i + 1);
            } else if self.ends_sentence(i) {
                // Closing marks and brackets that follow the full stop belong to this sentence.
                let mut j = i + 1;
                while j < n
                    && self.toks[j].para == self.toks[i].para
                    && (self.closes_after_stop(j) || self.is_punct(j, ")"))
                {
                    j += 1;
                }
                if j >= n || self.toks[j].para != self.toks[i].para || self.starts_sentence(j) {
                    end = Some(j);
                }
            }
            if end.is_none() && i + 1 - start >= MAX_SENTENCE_TOKENS {
                let e = self.clause_break(start + MAX_SENTENCE_TOKENS / 2..i + 1);
                self.sents.push(start..e);
                start = e;
                i = e;
                continue;
            }
            if let Some(e) = end {
                let e = e.max(i + 1);
                self.sents.push(start..e);
                start = e;
                i = e;
            } else {
                i += 1;
            }
        }
        if start < n {
            self.sents.push(start..n);
        }
        self.sent_of.clear();
        self.sent_of.resize(n, 0);
        for (k, r) in self.sents.iter().enumerate() {
            for i in r.clone() {
                self.sent_of[i] = k as u32;
            }
        }
    }

    /// Where to cut a run of tokens too long for a sentence: after its last clause mark
    /// within `r`, else at its end.
    fn clause_break(&self, r: Range<usize>) -> usize {
        r.clone()
            .rev()
            .find(|&k| {
                self.toks[k].kind == Kind::Punct && matches!(self.s(k), ";" | ":" | "," | "—" | "–")
            })
            .map_or(r.end, |k| k + 1)
    }

    fn ends_sentence(&self, i: usize) -> bool {
        let t = &self.toks[i];
        match t.kind {
            Kind::Punct => matches!(self.s(i), "." | "!" | "?" | "…" | "..." | "...."),
            // "the U.S. The next day": an acronym's own dot can end a sentence when a
            // typical sentence opener follows.
            Kind::Word => {
                self.s(i).ends_with('.')
                    && self.s(i).len() > 2
                    && self.lo(i).matches('.').count() >= 2
                    && self
                        .toks
                        .get(i + 1)
                        .is_some_and(|_| lexicon::is_sentence_opener(self.lo(i + 1)))
            }
            Kind::Quote => false,
        }
    }

    /// A quotation mark right after a full stop closes a quote when it is followed by space,
    /// punctuation or the end of the paragraph.
    fn closes_after_stop(&self, j: usize) -> bool {
        if self.toks[j].kind != Kind::Quote {
            return false;
        }
        let c = self.s(j);
        if c == "“" || c == "«" || c == "„" {
            return false;
        }
        match self.toks.get(j + 1) {
            None => true,
            Some(next) => next.para != self.toks[j].para || next.start > self.toks[j].end,
        }
    }

    fn starts_sentence(&self, j: usize) -> bool {
        let t = &self.toks[j];
        match t.kind {
            Kind::Word => t.cap || self.s(j).starts_with(|c: char| c.is_ascii_digit()),
            Kind::Quote => true,
            Kind::Punct => matches!(self.s(j), "(" | "[" | "—" | "-" | "–"),
        }
    }

    /// Curly single marks that quote, paragraph by paragraph, made quotation marks: in a
    /// paragraph without double marks (`‘We will win,’ she said`, as British papers quote),
    /// and an opening `‘` that a lone closing `”` answers (`‘You’re seeing …,” Skocpol said`).
    /// An opening mark stands before a word with a space or nothing before it; a closing one
    /// follows the `,` `.` `!` `?` that ends the quote. Apostrophes (`don’t`, `the players’`)
    /// are inside words or after letters, and stay as they are.
    fn mark_single_quotes(&mut self) {
        let bytes = self.text.as_bytes();
        let toks = &mut self.toks;
        let n = toks.len();
        // `‘` and `’` are E2 80 98 and E2 80 99 in UTF-8: compare bytes, not strings, since
        // every token of the text passes here.
        let is_mark = |t: &Tok, last: u8| {
            t.end - t.start == 3 && bytes[t.start as usize..t.end as usize] == [0xE2, 0x80, last]
        };
        let is_stop = |t: &Tok| {
            t.end - t.start == 1 && matches!(bytes[t.start as usize], b',' | b'.' | b'!' | b'?')
        };
        let mut i = 0;
        while i < n {
            let para = toks[i].para;
            let mut end = i;
            let mut first_double = None;
            let mut singles = false;
            while end < n && toks[end].para == para {
                let t = &toks[end];
                if t.kind == Kind::Quote {
                    first_double.get_or_insert(end);
                } else if t.kind == Kind::Punct && (is_mark(t, 0x98) || is_mark(t, 0x99)) {
                    singles = true;
                }
                end += 1;
            }
            if singles {
                let spaced_before = |k: usize| k == i || toks[k - 1].end < toks[k].start;
                let opens = |k: usize| {
                    is_mark(&toks[k], 0x98)
                        && spaced_before(k)
                        && k + 1 < end
                        && toks[k + 1].kind == Kind::Word
                        && toks[k + 1].start == toks[k].end
                };
                let closes = |k: usize| {
                    is_mark(&toks[k], 0x99)
                        && k > i
                        && !spaced_before(k)
                        && is_stop(&toks[k - 1])
                        && (k + 1 >= end || toks[k + 1].start > toks[k].end)
                };
                let mut marked = Vec::new();
                match first_double {
                    None => {
                        let openers: Vec<usize> = (i..end).filter(|&k| opens(k)).collect();
                        let closers: Vec<usize> = (i..end).filter(|&k| closes(k)).collect();
                        if !openers.is_empty() && !closers.is_empty() {
                            marked.extend(openers);
                            marked.extend(closers);
                        }
                    }
                    Some(d) if is_mark(&toks[d], 0x9D) => {
                        // `”` is E2 80 9D: a lone closing double mark.
                        marked.extend((i..d).rev().find(|&k| opens(k)));
                    }
                    Some(_) => {}
                }
                for k in marked {
                    toks[k].kind = Kind::Quote;
                }
            }
            i = end;
        }
    }

    /// Pairs quotation marks paragraph by paragraph. Curly marks say which way they face;
    /// straight marks are judged by the spaces around them, then by alternation.
    fn pair_quotes(&mut self) {
        let n = self.toks.len();
        self.quote_of.clear();
        self.quote_of.resize(n, None);
        let mut i = 0;
        while i < n {
            let para = self.toks[i].para;
            let mut j = i;
            while j < n && self.toks[j].para == para {
                j += 1;
            }
            self.pair_in_paragraph(i..j);
            i = j;
        }
        for (k, q) in self.quotes.iter().enumerate() {
            // An open quote's `close` is the first token after its paragraph.
            let end = if q.closed { q.close + 1 } else { q.close };
            for t in q.open..end {
                self.quote_of[t] = Some(k as u32);
            }
        }
        for q in &mut self.quotes {
            q.words = (q.open + 1..q.close)
                .filter(|&t| self.toks[t].kind == Kind::Word)
                .count();
        }
    }

    fn pair_in_paragraph(&mut self, para: Range<usize>) {
        let mut open: Option<usize> = None;
        for i in para.clone() {
            if self.toks[i].kind != Kind::Quote {
                continue;
            }
            let facing = self.facing(i, &para);
            match (open, facing) {
                (None, Facing::Open | Facing::Either) => open = Some(i),
                (Some(o), Facing::Close | Facing::Either) => {
                    self.quotes.push(QuoteSpan {
                        open: o,
                        close: i,
                        closed: true,
                        words: 0,
                    });
                    open = None;
                }
                // A second opening mark before the first closed: the first was never closed
                // within its sentence run, so restart from here.
                (Some(o), Facing::Open) => {
                    if i > o + 1 {
                        self.quotes.push(QuoteSpan {
                            open: o,
                            close: i,
                            closed: false,
                            words: 0,
                        });
                    }
                    open = Some(i);
                }
                (None, Facing::Close) => {}
            }
        }
        if let Some(o) = open
            && para.end > o + 1
        {
            // Journalistic convention: a quote running into the next paragraph is left open.
            self.quotes.push(QuoteSpan {
                open: o,
                close: para.end,
                closed: false,
                words: 0,
            });
        }
    }

    fn facing(&self, i: usize, para: &Range<usize>) -> Facing {
        let t = &self.toks[i];
        let space_before = i == para.start || self.toks[i - 1].end < t.start;
        let space_after = i + 1 >= para.end || self.toks[i + 1].start > t.end;
        let next_is_punct = i + 1 < para.end && self.toks[i + 1].kind == Kind::Punct;
        // A curly mark typed the wrong way round (`unusual,“ said Noble`, `said ”We`) faces
        // the way its spaces say when they say it plainly: glued to the punctuation that ends
        // a quote, or to the word that opens one.
        let after_stop = i > para.start
            && !space_before
            && self.toks[i - 1].kind == Kind::Punct
            && matches!(self.s(i - 1), "," | "." | "!" | "?");
        match self.s(i) {
            "“" if after_stop && space_after => return Facing::Close,
            "”" if space_before
                && !space_after
                && i + 1 < para.end
                && self.toks[i + 1].kind == Kind::Word
                && self.toks[i + 1].cap =>
            {
                return Facing::Open;
            }
            "“" | "«" | "„" | "``" => return Facing::Open,
            "”" | "»" => return Facing::Close,
            _ => {}
        }
        match (space_before, space_after || next_is_punct) {
            (true, false) => Facing::Open,
            (false, true) => Facing::Close,
            _ => Facing::Either,
        }
    }
}

impl Drop for Doc<'_> {
    fn drop(&mut self) {
        SPARE.set(Some(Buffers {
            toks: std::mem::take(&mut self.toks),
            lower: std::mem::take(&mut self.lower),
            sents: std::mem::take(&mut self.sents),
            sent_of: std::mem::take(&mut self.sent_of),
            quotes: std::mem::take(&mut self.quotes),
            quote_of: std::mem::take(&mut self.quote_of),
        }));
    }
}

#[derive(Clone, Copy)]
enum Facing {
    Open,
    Close,
    Either,
}

fn is_double_quote(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '‟' | '«' | '»')
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | 'ʼ')
}

/// `char::is_alphanumeric`, answering at once for the General Punctuation block (U+2000 to
/// U+206F: curly quotes, dashes, ellipses), which news text is full of and which holds no
/// letter or digit; the standard library looks those up in its Unicode tables.
fn is_alnum(c: char) -> bool {
    !('\u{2000}'..='\u{206f}').contains(&c) && c.is_alphanumeric()
}

/// In `'old-school,'''` the single quote closes first, then the double one; a run of three
/// that opens (`'''Tis`) starts with the double one.
fn closes_single_first(text: &str, i: usize) -> bool {
    text[i..].starts_with("'''")
        && text[..i]
            .chars()
            .next_back()
            .is_some_and(|c| !c.is_whitespace())
}

/// Splits the body into tokens and builds the lowercase buffer they point into.
/// Drops the tokens of link hover text pasted into the body ([`furniture::link_hovers`]);
/// the tokens left keep their offsets, so spans still slice the body as written.
fn drop_link_hovers(text: &str, toks: &mut Vec<Tok>) {
    // Nearly every article has no hover block: one substring search rules it out.
    if !text.contains("MORE") {
        return;
    }
    let drop = furniture::link_hovers(
        toks.len(),
        |k| &text[toks[k].start as usize..toks[k].end as usize],
        |k| toks[k].para,
    );
    if drop.is_empty() {
        return;
    }
    let mut k = 0;
    let mut blocks = drop.iter().peekable();
    toks.retain(|_| {
        while blocks.peek().is_some_and(|r| r.end <= k) {
            blocks.next();
        }
        let keep = blocks.peek().is_none_or(|r| !r.contains(&k));
        k += 1;
        keep
    });
}

fn tokenize(text: &str, toks: &mut Vec<Tok>, lower: &mut String) {
    let bytes = text.as_bytes();
    toks.clear();
    toks.reserve(text.len() / 5);
    // One pass lowercases every ASCII token in place; the few tokens with other letters get
    // their folded form appended after the text.
    lower.clear();
    lower.push_str(text);
    lower.make_ascii_lowercase();
    let mut para = 0u32;
    let mut pending_para = false;
    let mut i = 0usize;
    let n = text.len();
    let char_at = |i: usize| text[i..].chars().next();
    while i < n {
        let lead = bytes[i];
        // ASCII spaces and tabs are most of the bytes between tokens: no decoding for them.
        if lead == b' ' || lead == b'\t' || lead == b'\r' {
            i += 1;
            continue;
        }
        let c = if lead.is_ascii() {
            char::from(lead)
        } else {
            let Some(c) = char_at(i) else { break };
            c
        };
        let cl = c.len_utf8();
        if c == '\n' {
            pending_para = true;
            i += cl;
            continue;
        }
        if c.is_whitespace() {
            i += cl;
            continue;
        }
        if pending_para && !toks.is_empty() {
            para += 1;
        }
        pending_para = false;
        let start = i;
        let kind;
        if is_alnum(c) {
            kind = Kind::Word;
            i += cl;
            let mut seg_len = 1usize;
            while i < n {
                // Most text is ASCII: step over its letters and digits without decoding, and
                // end the word at once on the ASCII characters that never join two parts.
                let byte = bytes[i];
                if byte.is_ascii_alphanumeric() {
                    i += 1;
                    seg_len += 1;
                    continue;
                }
                if byte.is_ascii() && !matches!(byte, b'\'' | b'-' | b'&' | b'.' | b',') {
                    break;
                }
                let Some(d) = char_at(i) else { break };
                if is_alnum(d) {
                    i += d.len_utf8();
                    seg_len += 1;
                    continue;
                }
                if !is_apostrophe(d) && !matches!(d, '-' | '&' | '.' | ',') {
                    break;
                }
                let next = char_at(i + d.len_utf8());
                let next_alnum = next.is_some_and(is_alnum);
                let prev = text[..i].chars().next_back();
                let joins = match d {
                    _ if is_apostrophe(d) => next_alnum,
                    '-' | '&' => next_alnum,
                    '.' => {
                        let digits = prev.is_some_and(|p| p.is_ascii_digit())
                            && next.is_some_and(|c| c.is_ascii_digit());
                        // "U.S", "a.m": single-letter segments joined by dots.
                        let initials = seg_len == 1 && next.is_some_and(char::is_alphabetic) && {
                            let after = char_at(i + 1 + next.map_or(0, char::len_utf8));
                            !after.is_some_and(is_alnum)
                        };
                        digits || initials
                    }
                    ',' => {
                        // Thousands separators: 3,200.
                        prev.is_some_and(|p| p.is_ascii_digit())
                            && text[i + 1..].len() >= 3
                            && text.as_bytes()[i + 1..i + 4].iter().all(u8::is_ascii_digit)
                            && !text[i + 4..].starts_with(|c: char| c.is_ascii_digit())
                    }
                    _ => false,
                };
                if !joins {
                    break;
                }
                i += d.len_utf8();
                seg_len = 0;
            }
            // `developers'` (a plural possessive): the apostrophe is part of the word.
            if i < n
                && text[start..i].ends_with(['s', 'S'])
                && let Some(a) = char_at(i)
                && is_apostrophe(a)
                && !char_at(i + a.len_utf8()).is_some_and(is_alnum)
                && !(a == '\'' && bytes.get(i + 1) == Some(&b'\''))
            {
                i += a.len_utf8();
            }
            // A trailing dot belongs to abbreviations, initials and dotted acronyms.
            if i < n && bytes[i] == b'.' {
                let word = &text[start..i];
                let abbreviation = word.contains('.')
                    || (word.chars().count() == 1 && word.starts_with(char::is_uppercase))
                    || lexicon::is_abbreviation(word);
                if abbreviation {
                    i += 1;
                }
            }
        } else if is_double_quote(c) {
            kind = Kind::Quote;
            i += cl;
        } else if (c == '\'' && bytes.get(i + 1) == Some(&b'\'') && !closes_single_first(text, i))
            || (c == '`' && bytes.get(i + 1) == Some(&b'`'))
        {
            // Typewriter-era double quotes: ''like this'' and ``like this''.
            kind = Kind::Quote;
            i += 2;
        } else if c == '.' {
            kind = Kind::Punct;
            while i < n && bytes[i] == b'.' {
                i += 1;
            }
        } else if c == '-' && bytes.get(i + 1) == Some(&b'-') {
            // `--` is a typewriter dash.
            kind = Kind::Punct;
            while i < n && bytes[i] == b'-' {
                i += 1;
            }
        } else {
            kind = Kind::Punct;
            i += cl;
        }
        let word = &text[start..i];
        let lo = if word.is_ascii() {
            start as u32..i as u32
        } else {
            let lo_start = lower.len() as u32;
            for ch in word.chars() {
                // Fold the typographic apostrophe so lexicon lookups need one spelling.
                if ch == '’' || ch == 'ʼ' {
                    lower.push('\'');
                } else {
                    lower.extend(ch.to_lowercase());
                }
            }
            lo_start..lower.len() as u32
        };
        toks.push(Tok {
            start: start as u32,
            end: i as u32,
            lower: lo,
            kind,
            cap: c.is_uppercase(),
            para,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_curly_marks_quote_where_they_pair_and_stay_apostrophes_elsewhere() {
        let quotes = |text: &str| {
            let doc = Doc::new(text);
            doc.quotes
                .iter()
                .map(|q| words(&doc, q.open + 1..q.close).join(" "))
                .collect::<Vec<_>>()
        };
        assert_eq!(quotes("‘We will win,’ she said."), vec!["We will win ,"]);
        // A single mark opening what a double one closes.
        assert_eq!(quotes("‘We will win,” she said."), vec!["We will win ,"]);
        // Apostrophes are no quotes: `players’`, `didn’t`.
        assert!(quotes("The players’ union said it didn’t agree.").is_empty());
        // Inside double marks, single ones are a quote within the quote, left as they are.
        assert_eq!(
            quotes("“I thought, ‘Well, here we go,’” he said."),
            vec!["I thought , ‘ Well , here we go , ’"]
        );
    }

    #[test]
    fn general_punctuation_has_no_letters_or_digits() {
        for c in '\u{2000}'..='\u{206f}' {
            assert!(!c.is_alphanumeric(), "{c:?} (U+{:04X})", u32::from(c));
        }
        for c in ['a', 'Z', '7', 'é', 'ß', 'Ж', '中', '٣', 'ⁱ'] {
            assert_eq!(is_alnum(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    fn words(doc: &Doc<'_>, r: Range<usize>) -> Vec<String> {
        r.map(|i| doc.s(i).to_owned()).collect()
    }

    #[test]
    fn abbreviations_and_acronyms_stay_whole() {
        let doc = Doc::new("Mr. Rahami met U.S. officials at 3.2 p.m. in D.C. on Jan. 5.");
        assert_eq!(
            words(&doc, 0..doc.toks.len()),
            [
                "Mr.",
                "Rahami",
                "met",
                "U.S.",
                "officials",
                "at",
                "3.2",
                "p.m.",
                "in",
                "D.C.",
                "on",
                "Jan.",
                "5",
                "."
            ]
        );
        assert_eq!(doc.sents.len(), 1);
    }

    #[test]
    fn a_run_without_full_stops_is_cut_at_clause_marks() {
        let body = "Smith said that it rained, ".repeat(200);
        let doc = Doc::new(&body);
        assert!(doc.sents.len() > 1);
        for r in &doc.sents {
            assert!(r.len() <= MAX_SENTENCE_TOKENS);
            // Every cut falls after a comma, where a clause ends.
            assert!(r.end == doc.toks.len() || doc.is_punct(r.end - 1, ","));
        }
        let plain = "word ".repeat(1000);
        let doc = Doc::new(&plain);
        assert_eq!(doc.sents[0].len(), MAX_SENTENCE_TOKENS);
    }

    #[test]
    fn sentences_split_after_quotes_and_on_paragraphs() {
        let doc = Doc::new("\"It is over.\" Putin said. He left\nNew paragraph here");
        let sents: Vec<_> = doc.sents.iter().map(|r| doc.slice(r.clone())).collect();
        assert_eq!(
            sents,
            [
                "\"It is over.\"",
                "Putin said.",
                "He left",
                "New paragraph here"
            ]
        );
    }

    #[test]
    fn quotes_pair_across_sentences_and_stay_open_at_paragraph_end() {
        let doc = Doc::new("He said: “One. Two.” Then “three\n“four.”");
        assert_eq!(doc.quotes.len(), 3);
        assert_eq!(doc.slice(doc.quotes[0].inner()), "One. Two.");
        assert!(!doc.quotes[1].closed);
        assert_eq!(doc.slice(doc.quotes[1].inner()), "three");
        assert_eq!(doc.slice(doc.quotes[2].inner()), "four.");
    }

    #[test]
    fn straight_quotes_are_judged_by_spacing() {
        let doc = Doc::new(r#"A "major" deployment, "we will go," he said."#);
        let inner: Vec<_> = doc.quotes.iter().map(|q| doc.slice(q.inner())).collect();
        assert_eq!(inner, ["major", "we will go,"]);
    }

    /// A thread reuses its arrays from one article to the next: nothing of a longer article
    /// read before may show in a shorter one read after.
    #[test]
    fn a_document_does_not_depend_on_the_one_before() {
        let short = "“Short.” He said. Ünïcode Wörds, too.";
        let fresh = std::thread::spawn(move || {
            let d = Doc::new(short);
            let toks: Vec<_> = (0..d.toks.len())
                .map(|i| (d.s(i), d.lo(i).to_owned()))
                .collect();
            (toks, d.sents.clone(), d.quote_of.clone(), d.sent_of.clone())
        })
        .join()
        .expect("thread");
        let long =
            "“Lots of words, ÀÉÎ, in quotes,” said the first. Then more.\nAnd more. ".repeat(50);
        drop(Doc::new(&long));
        let d = Doc::new(short);
        let toks: Vec<_> = (0..d.toks.len())
            .map(|i| (d.s(i), d.lo(i).to_owned()))
            .collect();
        assert_eq!(
            (toks, d.sents.clone(), d.quote_of.clone(), d.sent_of.clone()),
            fresh
        );
        assert_eq!(d.lo(4), "he");
        assert_eq!(d.lo(7), "ünïcode");
    }

    #[test]
    fn possessives_and_apostrophes_are_part_of_words() {
        let doc = Doc::new("O’Malley’s campaign didn't say");
        assert_eq!(doc.s(0), "O’Malley’s");
        assert_eq!(doc.lo(0), "o'malley's");
        assert_eq!(doc.s(2), "didn't");
    }
}
