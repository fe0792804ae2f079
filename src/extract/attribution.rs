//! Detection rules: which words make a claim, who is said to have made it, and with what cue.
//!
//! The rules work on tokens, sentences and quote spans from [`super::sentence`]. Every
//! reporting verb outside quotation marks is a candidate *frame*: a speaker, a cue and
//! the claim's content, found either to the right of the cue (`Putin says the US …`,
//! `told Lavrov that …`, `accused Russia of …`) or to its left (`…, Johnson said on
//! Twitter`, `"…," the Russian leader said`). Participles (`…, saying …`) take the speaker
//! of their sentence; quotes with no frame continue the previous speaker's quote.

use std::ops::Range;

use super::lexicon::{self, ACCUSE, BARE, Cue, FRAME, INF, OBJ, Pronoun, THAT};
use super::sentence::{Doc, Kind};

/// Who made a claim, as far as this stage can tell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Speaker {
    /// The tokens that name the speaker, and an appositive describing them, if any.
    Mention {
        np: Range<usize>,
        appositive: Option<Range<usize>>,
    },
    /// A quote with no attribution of its own, continuing the quotes of this speaker.
    Continues(Box<Speaker>),
}

/// One attributed claim, in token coordinates.
#[derive(Debug, Clone)]
pub(crate) struct Attribution {
    pub(crate) speaker: Speaker,
    /// The cue tokens (`according to` is two).
    pub(crate) cue: Range<usize>,
    /// The claim's content; several parts when a frame interrupts it.
    pub(crate) parts: Vec<Range<usize>>,
    /// Word for word without quotation marks: a turn in an interview transcript.
    pub(crate) verbatim: bool,
    /// The attribution's own words: speaker, cue, listener and trailing phrases, without the
    /// content. Claim dates are read here (`Putin told reporters on Tuesday`).
    pub(crate) frame: Range<usize>,
    /// A participle (`…, saying …`), whose time is its sentence's: dates are also read in
    /// the words before it.
    pub(crate) participle: bool,
}

impl Attribution {
    fn start(&self) -> usize {
        self.parts[0].start
    }

    fn end(&self) -> usize {
        self.parts[self.parts.len() - 1].end
    }
}

/// A reporting frame before its content is settled.
#[derive(Debug, Clone)]
struct Frame {
    speaker: Option<Speaker>,
    cue: Range<usize>,
    /// First token of the frame (speaker or cue) and one past its last (cue, listener,
    /// trailing phrases up to a comma or the end of the sentence).
    extent: Range<usize>,
    /// Content to the right of the cue.
    right: Option<Range<usize>>,
    /// `-ing` forms take their speaker from the sentence.
    participle: bool,
    /// Whether the frame can take the clause to its left: `"…," he added`.
    trailing_ok: bool,
    /// `said Putin`: the speaker after the cue, and any appositive after it; such frames
    /// are not interrupting ones, so only a quote continues their content.
    inverted: bool,
}

/// Finds every attributed claim in the document, ordered by position.
pub(crate) fn find(doc: &Doc<'_>) -> Vec<Attribution> {
    let mut out: Vec<Attribution> = Vec::new();
    for s in 0..doc.sents.len() {
        let sent = doc.sents[s].clone();
        let mut frames = frames_in(doc, sent.clone());
        cut_at_next_frames(doc, &mut frames);
        let frame_starts: Vec<usize> = frames.iter().map(|f| f.extent.start).collect();
        let mut main_speaker: Option<Speaker> = None;
        for f in &frames {
            let speaker = match (&f.speaker, f.participle) {
                (Some(sp), _) => sp.clone(),
                (None, true) => match main_speaker.clone().or_else(|| subject(doc, sent.clone())) {
                    Some(sp) => sp,
                    None => continue,
                },
                (None, false) => continue,
            };
            if !f.participle {
                main_speaker = Some(speaker.clone());
            }
            let right = f
                .right
                .clone()
                .map(|r| end_of_subordinate(doc, f, r))
                .map(|r| end_of_opening_clause(doc, sent.clone(), f, r))
                .or_else(|| as_noted(doc, sent.clone(), f));
            let parts = match &right {
                Some(r) => match interrupted_left(doc, sent.clone(), f, r, &frame_starts) {
                    Some(l) => vec![l, r.clone()],
                    None => vec![r.clone()],
                },
                None if f.trailing_ok => match left_content(doc, sent.clone(), f, &frame_starts) {
                    Some(p) => p,
                    None => continue,
                },
                None => continue,
            };
            let parts: Vec<Range<usize>> = parts.into_iter().filter_map(|p| trim(doc, p)).collect();
            // Questions are dropped only after continuations join (`"…?" said Murphy.
            // "…."`), in `find`'s last step.
            if parts.is_empty() || !may_be_claim(doc, &parts) {
                continue;
            }
            // A frame with its content before it owns the rest of the sentence up to the next
            // frame: `"…," said Grant Woods, his former chief of staff, during a memorial
            // service Thursday.`
            let frame_end = match &right {
                Some(r) if r.start > f.extent.start => r.start,
                Some(_) => f.extent.end,
                None => frame_starts
                    .iter()
                    .copied()
                    .filter(|&x| x > f.cue.end)
                    .min()
                    .unwrap_or(sent.end),
            };
            out.push(Attribution {
                speaker,
                cue: f.cue.clone(),
                parts,
                verbatim: false,
                frame: f.extent.start..frame_end.max(f.cue.end),
                participle: f.participle,
            });
        }
    }
    out.extend(transcript_turns(doc));
    drop_nested(&mut out);
    out.sort_by_key(|a| (a.start(), a.end()));
    out.dedup_by(|b, a| a.start() == b.start() && a.end() == b.end());
    attach_unattributed_quotes(doc, &mut out);
    out.retain(|a| !only_questions(doc, &a.parts));
    out.sort_by_key(|a| (a.start(), a.end()));
    out
}

/// Interview transcripts: a paragraph that opens with a speaker's name in capitals and a
/// colon (`FALLIN: Well, I think …`) is that speaker's turn. The name must appear elsewhere
/// in the article in ordinary case (`Gov. Mary Fallin`), which keeps out labels such as
/// `UPDATE:` and datelines.
fn transcript_turns(doc: &Doc<'_>) -> Vec<Attribution> {
    let mut out = Vec::new();
    let n = doc.toks.len();
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
        let label = i..colon;
        if colon > i && doc.is_punct(colon, ":") && colon + 1 < end {
            let last = doc.lo(colon - 1);
            let named_elsewhere = last.len() > 2
                && (0..n)
                    .any(|k| !label.contains(&k) && doc.lo(k) == last && !is_upper_word(doc.s(k)));
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
                });
            }
        }
        i = end;
    }
    out
}

fn is_upper_word(w: &str) -> bool {
    w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
}

/// All candidate frames of one sentence, left to right.
fn frames_in(doc: &Doc<'_>, sent: Range<usize>) -> Vec<Frame> {
    let mut frames = Vec::new();
    let mut i = sent.start;
    while i < sent.end {
        if doc.toks[i].kind != Kind::Word || doc.inside_quote(i) {
            i += 1;
            continue;
        }
        if let Some(f) = as_reported_by(doc, sent.clone(), i) {
            i = f.extent.end;
            frames.push(f);
            continue;
        }
        if doc.lo(i) == "according" && i + 1 < sent.end && doc.lo(i + 1) == "to" {
            if let Some(f) = according_to(doc, sent.clone(), i) {
                i = f.extent.end.max(i + 2);
                frames.push(f);
                continue;
            }
        } else if let Some(cue) = lexicon::cue(doc.lo(i))
            && let Some(f) = verb_frame(doc, sent.clone(), i, cue)
        {
            frames.push(f);
        }
        i += 1;
    }
    frames
}

/// Ends a frame's right-hand content where a later frame of the sentence begins after a
/// comma: `When Sanders accused Clinton of being reliant on Wall Street, she said …`.
fn cut_at_next_frames(doc: &Doc<'_>, frames: &mut [Frame]) {
    let starts: Vec<usize> = frames.iter().map(|f| f.extent.start).collect();
    for f in frames.iter_mut() {
        let Some(r) = f.right.clone() else { continue };
        // Where the content ends if a later frame starts at `s`: before its comma, or
        // before `, and` / `, but` / `, while`.
        let cut = |s: usize| -> Option<usize> {
            if s <= r.start + 1 || s >= r.end {
                return None;
            }
            if is_aside_mark(doc, s - 1) {
                return Some(s - 1);
            }
            // `… at "less advanced schools," Trump said`: the comma sits inside the quote.
            if s >= r.start + 3
                && doc.is_punct(s - 2, ",")
                && doc
                    .quote_at_mark(s - 1)
                    .is_some_and(|q| q.closed && q.close == s - 1)
            {
                return Some(s);
            }
            let joined = matches!(doc.lo(s - 1), "and" | "but" | "while");
            (joined && s >= r.start + 3 && doc.is_punct(s - 2, ",")).then_some(s - 2)
        };
        if let Some(c) = starts.iter().filter_map(|&s| cut(s)).min() {
            f.right = Some(r.start..c);
        }
    }
}

/// `As reported by Western Journalism, last year Seattle became …`, `as first reported by
/// the Post, …`: the agent of the passive is the speaker; the content follows the comma.
fn as_reported_by(doc: &Doc<'_>, sent: Range<usize>, i: usize) -> Option<Frame> {
    if doc.lo(i) != "as" || !at_clause_start(doc, sent.start, i) {
        return None;
    }
    let mut c = i + 1;
    if matches!(doc.lo(c), "first" | "previously" | "earlier" | "originally") {
        c += 1;
    }
    let cue = lexicon::cue(doc.lo(c))?;
    if cue.ing || doc.lo(c + 1) != "by" {
        return None;
    }
    let np = np_after(doc, c + 2, sent.end, true)?;
    let comma = (np.end..sent.end.min(np.end + 8)).find(|&k| doc.is_punct(k, ","))?;
    let right = clause(doc, comma + 1, sent)?;
    Some(Frame {
        speaker: Some(Speaker::Mention {
            np,
            appositive: None,
        }),
        cue: c..c + 1,
        extent: i..comma,
        right: Some(right),
        participle: false,
        trailing_ok: false,
        inverted: false,
    })
}

/// `according to X`: X is the speaker; the content is the rest of the sentence.
fn according_to(doc: &Doc<'_>, sent: Range<usize>, i: usize) -> Option<Frame> {
    let mut np = np_after(doc, i + 2, sent.end, true)?;
    // Opening a sentence, the source runs to the comma: `According to USA TODAY contributor
    // and monetary historian David Marsh, …`, `According to their friends and advisers, …`.
    if at_clause_start(doc, sent.start, i)
        && let Some(comma) = (np.end..sent.end.min(i + 20)).find(|&k| doc.is_punct(k, ","))
        && (np.end..comma).all(|k| doc.is_word(k) || doc.is_punct(k, "-"))
    {
        np = np.start..comma;
    }
    let end = np.end;
    let right = if at_clause_start(doc, sent.start, i) && doc.is_punct(end, ",") {
        clause(doc, end + 1, sent.clone())
    } else {
        None
    };
    Some(Frame {
        speaker: Some(Speaker::Mention {
            np,
            appositive: None,
        }),
        cue: i..i + 2,
        extent: i..end,
        right,
        participle: false,
        trailing_ok: true,
        inverted: false,
    })
}

/// `while he said he'd hold a hearing, it's unlikely …`: a frame opened by a subordinating
/// word ends its content at the first comma, where the main clause resumes.
fn end_of_subordinate(doc: &Doc<'_>, f: &Frame, r: Range<usize>) -> Range<usize> {
    let opener = f.extent.start.checked_sub(1).map(|k| doc.lo(k));
    let subordinate = opener.is_some_and(|w| {
        matches!(
            w,
            "while"
                | "although"
                | "though"
                | "when"
                | "if"
                | "because"
                | "since"
                | "whereas"
                | "unless"
        )
    });
    if !subordinate {
        return r;
    }
    // The main clause resumes with its own subject: `…, it's unlikely`, not `…, or ISIS,`.
    let resumes = |k: usize| {
        doc.is_punct(k, ",") && !doc.inside_quote(k) && {
            // `it's`, `they're`: the pronoun without its contracted verb.
            let w = doc.lo(k + 1);
            let w = w.split('\'').next().unwrap_or(w);
            lexicon::subject_pronoun(w).is_some() || w == "there"
        }
    };
    match r.clone().find(|&k| resumes(k)) {
        Some(c) if c > r.start => r.start..c,
        _ => r,
    }
}

/// `As another Pew study noted, the average age …`: the content follows the frame's comma.
fn as_noted(doc: &Doc<'_>, sent: Range<usize>, f: &Frame) -> Option<Range<usize>> {
    let Some(Speaker::Mention { np, .. }) = &f.speaker else {
        return None;
    };
    let before = np.start.checked_sub(1)?;
    if doc.lo(before) == "as"
        && at_clause_start(doc, sent.start, before)
        && doc.is_punct(f.extent.end, ",")
    {
        clause(doc, f.extent.end + 1, sent)
    } else {
        None
    }
}

/// Whether only discourse words (`But`, `And`) stand between the sentence start and `i`.
fn at_clause_start(doc: &Doc<'_>, start: usize, i: usize) -> bool {
    (start..i).all(|k| {
        matches!(
            doc.lo(k),
            "but" | "and" | "yet" | "still" | "so" | "now" | "however" | ","
        ) || doc.is_quote(k)
    })
}

fn verb_frame(doc: &Doc<'_>, sent: Range<usize>, i: usize, cue: Cue) -> Option<Frame> {
    // Right after the cue: `claims of`, `reports of` are nouns; `continued to`, `claimed
    // to have` are not reports, but `wrote to the senator that …` is.
    if i + 1 < sent.end && doc.lo(i + 1) == "of" && !cue.past {
        return None;
    }
    if i + 1 < sent.end && doc.lo(i + 1) == "to" {
        // After its quote, `to` names the listener: `"…," Sanders wrote to his colleagues`;
        // so it does before a that-clause or a colon (`wrote to Roffman: "…"`), and a
        // promise takes an infinitive.
        let says_something = (i + 2..sent.end.min(i + 10)).any(|k| doc.lo(k) == "that")
            || (i + 3..sent.end.min(i + 8)).any(|k| doc.is_punct(k, ":"))
            || after_quote(doc, sent.start, i)
            || (cue.has(INF) && infinitive_at(doc, i + 1, sent.end));
        if !says_something {
            return None;
        }
    }
    // Walk back over adverbs and auxiliaries to where the speaker must end.
    let mut k = i;
    let mut aux: Option<&str> = None;
    while k > sent.start {
        let p = doc.lo(k - 1);
        if let Some(n) = temporal_before(doc, sent.start, k) {
            k -= n;
            continue;
        }
        if doc.cap(k - 1) && k - 1 > sent.start {
            // A capitalised word inside a sentence is a name: `Will wrote`.
            break;
        }
        if p == "as" && k >= sent.start + 2 && doc.lo(k - 2) == "quoted" {
            // `Braynard is quoted as saying`.
            k -= 2;
            continue;
        }
        if p == "to"
            && k >= sent.start + 3
            && doc.lo(k - 2) == "on"
            && matches!(doc.lo(k - 3), "went" | "goes" | "go" | "going" | "gone")
        {
            // `went on to say`: a report, unlike `declined to say`.
            k -= 3;
            continue;
        }
        if lexicon::is_negation(p) || lexicon::is_modal(p) || p == "to" {
            // `did not say`, `would say`, `declined to say`: no claim was made.
            return None;
        }
        if lexicon::is_auxiliary(p) {
            aux.get_or_insert(p);
            k -= 1;
        } else if lexicon::is_speech_adverb(p) || p.ends_with("ly") && doc.is_word(k - 1) {
            k -= 1;
        } else {
            break;
        }
    }
    if let Some(a) = aux
        && matches!(
            a,
            "is" | "are" | "was" | "were" | "be" | "been" | "being" | "am"
        )
        && !cue.ing
    {
        // Passive: `he was told`, `it is said`.
        return None;
    }
    if k > sent.start && is_noun_marker(doc.lo(k - 1)) && k == i && !cue.past {
        // `his claims that`, `the report that`: a noun, not a verb.
        return None;
    }
    let after_cue = i + 1;
    let before = if k > sent.start { Some(k - 1) } else { None };
    let boundary_before = before.is_none_or(|b| {
        doc.is_punct(b, ",")
            || is_dash(doc, b)
            || doc.is_punct(b, ":")
            || doc
                .quote_at_mark(b)
                .is_some_and(|q| q.closed && q.close == b)
    });

    // Participles take the speaker of their sentence, or of a quoting frame:
    // `cited Blinken as telling …`.
    let mut participle = false;
    let mut speaker = None;
    let mut extent_start = k;
    if cue.ing && aux.is_none() {
        if before.is_some_and(|b| doc.lo(b) == "as")
            && let Some(np) = np_before(doc, sent.start, k - 1)
            && np.start > sent.start
            && matches!(
                doc.lo(np.start - 1),
                "cited" | "quoted" | "quoting" | "citing" | "cites" | "quotes"
            )
        {
            speaker = Some(Speaker::Mention {
                np: np.clone(),
                appositive: None,
            });
            extent_start = np.start;
        } else if let Some(np) = np_before(doc, sent.start, k)
            && np.start > sent.start
            && doc.lo(np.start - 1) == "with"
            && valid_head(doc, np_head(doc, np.clone()))
            && lexicon::subject_pronoun(doc.lo(np.start)).is_none()
        {
            // `…, with the campaign of the former senator saying Cruz was …`: the participle
            // has its own subject.
            speaker = Some(Speaker::Mention {
                np: np.clone(),
                appositive: None,
            });
            extent_start = np.start;
        } else if before.is_some()
            && (boundary_before
                || before.is_some_and(|b| matches!(doc.lo(b), "and" | "but"))
                || doc.is_punct(after_cue, ":")
                    && doc
                        .quote_at_mark(after_cue + 1)
                        .is_some_and(|q| q.open == after_cue + 1))
        {
            // `… sent a text message to supporters saying: "…"` takes the subject too.
            participle = true;
        } else {
            return None;
        }
    } else if before.is_some_and(|b| matches!(doc.lo(b), "and" | "but")) && k == i {
        // `Reid caucused on Saturday and says he voted …`: the subject's second verb.
        participle = true;
    } else if let Some((np, appositive)) = speaker_before(doc, sent.clone(), k) {
        extent_start = np.start;
        speaker = Some(Speaker::Mention { np, appositive });
    } else if boundary_before && !cue.has(OBJ) {
        // Inverted: `"…," said Putin`. Never a pronoun (`said she was …` is a clause), and
        // never after `told`, whose object is the listener (`…, told clients`).
        let np = np_after(doc, after_cue, sent.end, false)?;
        if !valid_head(doc, np_head(doc, np.clone()))
            || lexicon::subject_pronoun(doc.lo(np.start)).is_some()
        {
            return None;
        }
        let next = np.end;
        // `said a party member who supports Trump`: a relative clause may follow.
        if doc.is_word(next)
            && !doc.cap(next)
            && !lexicon::is_preposition(doc.lo(next))
            && doc.lo(next) != "who"
        {
            return None;
        }
        let (np, appositive) = with_appositive_after(doc, np, sent.end);
        let mut f = finish_frame(
            doc,
            sent.clone(),
            i,
            cue,
            np.end.max(appositive.clone().map_or(0, |a| a.end)),
        );
        f.speaker = Some(Speaker::Mention { np, appositive });
        f.extent.start = i;
        f.inverted = true;
        return Some(f);
    } else {
        return None;
    }
    if let Some(Speaker::Mention { np, .. }) = &speaker
        && let Some(Pronoun::Speaker) = lexicon::subject_pronoun(doc.lo(np.end - 1))
        && np.len() == 1
    {
        // The writer's own "I said" is not an attributed claim.
        return None;
    }
    let mut f = finish_frame(doc, sent, i, cue, after_cue);
    f.speaker = speaker;
    f.participle = participle;
    f.extent.start = extent_start;
    Some(f)
}

/// Settles what follows the cue: listener, the content on the right, and the frame's end.
fn finish_frame(doc: &Doc<'_>, sent: Range<usize>, i: usize, cue: Cue, from: usize) -> Frame {
    let mut j = from;
    let mut right = None;
    if cue.has(ACCUSE) {
        // `accused Russia of destabilizing …`: the object and its `of` phrase.
        let obj_start = j;
        // An appositive may sit between the object and `of`: `accused Cruz, the senator
        // from Texas, of being …`.
        let appositive = doc.is_punct(j + 1, ",") || doc.is_punct(j + 2, ",");
        let reach = if appositive { 24 } else { 10 };
        let of = (j..sent.end.min(j + reach)).find(|&k| {
            doc.lo(k) == "of"
                || (doc.is_punct(k, ",") && !appositive)
                || doc.is_punct(k, ";")
                || doc.is_punct(k, ".")
        });
        if let Some(of) = of
            && doc.lo(of) == "of"
            && of > obj_start
        {
            right = clause_from(doc, obj_start, sent.clone());
        }
    } else {
        if cue.has(OBJ)
            && let Some(obj) = listener(doc, j, sent.end)
        {
            j = obj.end;
        }
        // Participles (`"…," he said, adding that …`) take what follows them.
        if !cue.ing && after_quote(doc, sent.start, i) && !doc.is_punct(j, ":") {
            // `"…," the former president told a crowd that …`: the quote is what was said;
            // a `that` here starts a relative clause.
            let end = frame_tail(doc, j, sent.end);
            return Frame {
                speaker: None,
                cue: i..i + 1,
                extent: i..end,
                right: None,
                participle: false,
                trailing_ok: cue.has(FRAME),
                inverted: false,
            };
        }
        let after_obj = j;
        // `said Thursday he would …`, `said on Friday that …`, `declared in the spin room,
        // "…"`: time and place phrases between the cue and what was said.
        let adjuncts = skip_adjuncts(doc, j, sent.end);
        // `said: "…"`, `told reporters, "…"`
        let mut q = j;
        if doc.is_punct(q, ":") || doc.is_punct(q, ",") {
            q += 1;
        } else if adjuncts > j && (doc.is_punct(adjuncts, ":") || doc.is_punct(adjuncts, ",")) {
            q = adjuncts + 1;
        }
        let clause_goes_on = |quote: &super::sentence::QuoteSpan| {
            quote.closed
                && doc.is_word(quote.close + 1)
                && doc.sent_of[quote.close + 1] == doc.sent_of[i]
        };
        if let Some(quote) = doc.quote_at_mark(q)
            && quote.open == q
            && quote.words >= 1
            && clause_goes_on(quote)
            // After `said,` only a quote that stops mid-clause (no punctuation inside its
            // closing mark) runs on: `said, "is a perfect example" of …`, not `said, "We
            // are done," and left`.
            && (q == j || doc.is_punct(j, ",") && q == j + 1 && doc.is_word(quote.close - 1))
        {
            // `saying "on her worst day" she'd be …`: the quote begins a longer clause.
            right = clause(doc, q, sent.clone());
        } else if let Some(quote) = doc.quote_at_mark(q)
            && quote.open == q
            && quote.words >= 1
        {
            right = Some(quote.inner());
            j = if quote.closed {
                quote.close + 1
            } else {
                quote.close
            };
        } else if doc.is_punct(j, ":") && cue.has(FRAME) {
            right = clause(doc, j + 1, sent.clone());
        } else if cue.has(INF) && infinitive_at(doc, adjuncts.max(after_obj), sent.end) {
            // `pledged on Tuesday to enact judicial reform`: what was promised, from its verb
            // (a content opening with `to` is an instruction elsewhere: `told him to …`).
            right = clause(doc, adjuncts.max(after_obj) + 1, sent.clone());
        } else if let Some(that) = find_that(doc, j, sent.end) {
            if cue.has(THAT) || cue.has(BARE) {
                right = clause(doc, that + 1, sent.clone());
            }
        } else if cue.has(BARE) && opens_clause(doc, after_obj, sent.end) {
            right = clause(doc, after_obj, sent.clone());
        } else if cue.has(BARE) && adjuncts > after_obj && opens_clause(doc, adjuncts, sent.end) {
            right = clause(doc, adjuncts, sent.clone());
        } else if cue.has(THAT) && pronoun_clause(doc, adjuncts.max(after_obj)) {
            // `adding he intended to …`, `noted she had …`: a that-verb with its `that`
            // dropped, safe when a subject pronoun and a verb follow.
            right = clause(doc, adjuncts.max(after_obj), sent.clone());
        } else if let Some(quote) = quote_after_colon(doc, after_obj, sent.end) {
            right = Some(quote.inner());
            j = if quote.closed {
                quote.close + 1
            } else {
                quote.close
            };
        }
    }
    let trailing_ok = cue.has(FRAME) && right.is_none() && tail_ok(doc, j, sent.end);
    let end = match &right {
        Some(r) => r.end,
        None => frame_tail(doc, j, sent.end),
    };
    Frame {
        speaker: None,
        cue: i..i + 1,
        extent: i..end,
        right,
        participle: false,
        trailing_ok,
        inverted: false,
    }
}

/// The first token after time and place phrases starting at `j`: `Thursday`, `on Friday`,
/// `last week`, `in a statement`, `in an interview with CNN`, `on Twitter`, `at a rally in
/// Iowa`. Returns `j` when there is none.
fn skip_adjuncts(doc: &Doc<'_>, from: usize, end: usize) -> usize {
    let mut k = from;
    for _ in 0..3 {
        let w = doc.lo(k);
        let next = doc.lo(k + 1);
        let step =
            if lexicon::weekday(w).is_some() || matches!(w, "yesterday" | "today" | "tonight") {
                1 + usize::from(matches!(
                    next,
                    "night" | "morning" | "afternoon" | "evening"
                ))
            } else if matches!(w, "on" | "last" | "this" | "earlier" | "late")
                && (lexicon::weekday(next).is_some()
                    || matches!(
                        next,
                        "week" | "month" | "year" | "night" | "morning" | "afternoon" | "evening"
                    ))
            {
                2
            } else if matches!(w, "in" | "since" | "until")
                && next.len() == 4
                && next.starts_with(['1', '2'])
                && next.bytes().all(|b| b.is_ascii_digit())
            {
                // `found in 2014 that …`
                2
            } else if matches!(w, "in" | "on" | "at" | "during" | "via" | "to") {
                // A short phrase: a determiner or capitalised name, then words up to a clause
                // start, `that`, or punctuation.
                let mut stop = k + 1;
                while stop < end && stop - k <= 7 && doc.is_word(stop) && doc.lo(stop) != "that" {
                    let x = doc.lo(stop);
                    let starts_clause = lexicon::subject_pronoun(x).is_some() && stop > k + 1;
                    if starts_clause {
                        break;
                    }
                    stop += 1;
                }
                let opens = lexicon::is_determiner(next) || doc.cap(k + 1);
                if opens && stop > k + 2 { stop - k } else { 0 }
            } else {
                0
            };
        if step == 0 || k + step > end {
            break;
        }
        k += step;
    }
    k
}

/// A quotation introduced by a colon a few words after the cue: `said flatly: "…"`,
/// `tweeted in response: "…"`, `tweeted this: "…"`. The words between may not start a
/// clause of their own.
fn quote_after_colon<'d>(
    doc: &'d Doc<'_>,
    from: usize,
    end: usize,
) -> Option<&'d super::sentence::QuoteSpan> {
    let mut k = from;
    while k < end && k - from <= 8 && doc.is_word(k) {
        let w = doc.lo(k);
        if matches!(w, "that" | "and" | "but" | "because" | "if" | "when")
            || lexicon::subject_pronoun(w).is_some() && k > from
        {
            return None;
        }
        k += 1;
    }
    if k == from || !doc.is_punct(k, ":") {
        return None;
    }
    doc.quote_at_mark(k + 1)
        .filter(|q| q.open == k + 1 && q.words >= 3)
}

/// A subject pronoun followed by a verb: `he intended`, `she had`, `they would`.
fn pronoun_clause(doc: &Doc<'_>, k: usize) -> bool {
    let p = doc.lo(k);
    let v = doc.lo(k + 1);
    matches!(p, "he" | "she" | "they" | "it" | "we" | "i")
        && doc.is_word(k + 1)
        && (lexicon::is_auxiliary(v)
            || lexicon::is_modal(v)
            || lexicon::is_negation(v)
            || v.ends_with("ed")
            || (v.ends_with('s') && !v.ends_with("ss")))
}

/// What may follow a frame that takes the clause before it: nothing, punctuation, or
/// phrases of place, time and manner (`said on Twitter before landing in Kiev`) — not an
/// object (`Lew acknowledged the agency's …`).
fn tail_ok(doc: &Doc<'_>, j: usize, end: usize) -> bool {
    if j >= end || !doc.is_word(j) {
        return true;
    }
    let w = doc.lo(j);
    lexicon::is_preposition(w)
        || lexicon::is_speech_adverb(w)
        || lexicon::weekday(w).is_some()
        || w.ends_with("ly")
        || matches!(
            w,
            "last" | "this" | "earlier" | "late" | "and" | "while" | "as" | "when"
        )
}

/// Whether the frame around the cue at `i` starts right after a closing quote: `"…,"
/// Putin said`, `"…", said Putin`, `"…," the Russian leader said`.
fn after_quote(doc: &Doc<'_>, floor: usize, i: usize) -> bool {
    // Back over the speaker and adverbs to the mark.
    let mut k = i;
    while k > floor
        && doc.is_word(k - 1)
        && i - k < 12
        && !matches!(doc.lo(k - 1), "and" | "but" | "that")
    {
        k -= 1;
    }
    if quote_ends_at(doc, floor, k) {
        return true;
    }
    // Or over a speaker with an appositive set off by commas: `"…," Thomas Hanify, the
    // president of the union, said of his members`. Not across another cue or a relative
    // clause (`said Pardo, who said he …`), and not when a that-clause follows the cue.
    if doc.lo(i + 1) == "that" {
        return false;
    }
    let mut k = i;
    let mut commas = 0;
    while k > floor + 1 && i - k < 20 {
        let t = k - 1;
        if doc.is_punct(t, ",") && commas < 2 && doc.is_word(t - 1) {
            commas += 1;
        } else if !doc.is_word(t)
            || (t + 1 < i && lexicon::cue(doc.lo(t)).is_some())
            || matches!(
                doc.lo(t),
                "and" | "but" | "that" | "who" | "which" | "by" | "after" | "before" | "as"
            )
        {
            break;
        }
        k -= 1;
    }
    commas > 0 && quote_ends_at(doc, floor, k)
}

/// Whether a quote ends just before token `k` the way a quote before its attribution does:
/// `…,"` or `…",`.
fn quote_ends_at(doc: &Doc<'_>, floor: usize, mut k: usize) -> bool {
    let comma_after = k > floor && doc.is_punct(k - 1, ",");
    if comma_after {
        k -= 1;
    }
    k > floor
        && doc.quote_at_mark(k - 1).is_some_and(|q| {
            q.closed
                && q.close == k - 1
                && q.words >= 3
                && !title_case(doc, q.inner())
                && (comma_after
                    || [",", "!", "?", "—", "--"]
                        .iter()
                        .any(|c| doc.is_punct(k - 2, c)))
        })
}

/// The rest of a frame after its cue, up to a comma or the sentence end: `on Twitter
/// before landing in Kiev`. Participles and `according to` after a comma start new frames.
fn frame_tail(doc: &Doc<'_>, from: usize, end: usize) -> usize {
    let mut j = from;
    while j < end && !doc.is_punct(j, ",") && !doc.is_punct(j, ";") && !doc.is_quote(j) {
        j += 1;
    }
    j
}

/// Number of tokens of a time phrase ending just before `k` (`on Saturday`, `Tuesday`,
/// `last week`, `on Jan. 5`), so that `the British premier on Saturday accused` finds its
/// speaker.
fn temporal_before(doc: &Doc<'_>, floor: usize, k: usize) -> Option<usize> {
    if k <= floor || !doc.is_word(k - 1) {
        return None;
    }
    let w = doc.lo(k - 1);
    let mut n = 0;
    if lexicon::weekday(w).is_some()
        || matches!(
            w,
            "week" | "month" | "year" | "night" | "morning" | "afternoon" | "evening"
        )
    {
        n = 1;
    } else if w.chars().all(|c| c.is_ascii_digit())
        && k >= floor + 2
        && lexicon::month(doc.lo(k - 2)).is_some()
    {
        n = 2;
    } else if matches!(w, "yesterday" | "today" | "tonight") {
        return Some(1);
    }
    if n == 0 {
        return None;
    }
    while k - n > floor
        && matches!(
            doc.lo(k - n - 1),
            "on" | "last"
                | "this"
                | "earlier"
                | "late"
                | "early"
                | "next"
                | "in"
                | "friday"
                | "saturday"
                | "sunday"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
        )
    {
        n += 1;
    }
    Some(n)
}

/// Words that make the following word a noun: `his claims`, `the report`.
fn is_noun_marker(lower: &str) -> bool {
    matches!(
        lower,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "my"
            | "your"
            | "these"
            | "those"
            | "this"
            | "such"
            | "new"
            | "latest"
            | "recent"
            | "earlier"
            | "previous"
            | "false"
            | "repeated"
            | "similar"
            | "no"
            | "any"
            | "of"
            | "in"
            | "for"
            | "with"
            | "by"
            | "on"
            | "about"
            | "after"
            | "before"
            | "into"
    ) || lower.ends_with("'s")
}

/// The speaker ending just before `k`: `the Russian leader`, `Haley Morris, a spokeswoman
/// for the campaign,`, `The US, its NATO allies, and Ukraine`.
fn speaker_before(
    doc: &Doc<'_>,
    sent: Range<usize>,
    k: usize,
) -> Option<(Range<usize>, Option<Range<usize>>)> {
    if k <= sent.start {
        return None;
    }
    // Appositives: `Haley Morris, a spokeswoman for the campaign, said`, `Cory James, 22,
    // of Flint, Mich., said`, `One Republican hopeful, Carly Fiorina, says`, `Jason Sims — a
    // teacher — says`.
    if is_aside_mark(doc, k - 1) {
        return appositive_speaker(doc, sent, k - 1);
    }
    // `Army Capt. Christian Pardo, who said …`: the relative pronoun's antecedent.
    if matches!(doc.lo(k - 1), "who" | "which") && k - 1 > sent.start {
        let mut e = k - 1;
        if doc.is_punct(e - 1, ",") {
            e -= 1;
        }
        let np = np_before(doc, sent.start, e)?;
        return valid_head(doc, np.end - 1).then_some((np, None));
    }
    // `Sen. Bernie Sanders (I-Vt.) said`
    let mut end = k;
    if doc.is_punct(end - 1, ")") {
        let mut o = end - 1;
        while o > sent.start && !doc.is_punct(o, "(") && end - o < 8 {
            o -= 1;
        }
        if doc.is_punct(o, "(") {
            end = o;
        }
    }
    let np = np_before(doc, sent.start, end)?;
    if !valid_head(doc, np_head(doc, np.clone())) {
        return None;
    }
    let np = coordinated(doc, sent.start, np);
    Some((np, None))
}

fn is_aside_mark(doc: &Doc<'_>, k: usize) -> bool {
    doc.is_punct(k, ",") || is_dash(doc, k)
}

fn is_dash(doc: &Doc<'_>, k: usize) -> bool {
    doc.is_punct(k, "—") || doc.is_punct(k, "–") || doc.is_punct(k, "--")
}

/// The speaker of `NAME, APPOSITIVE, said` or `DESCRIPTION, NAME, said`, where `close` is the
/// mark just before the cue. The segments between marks must reach back to the start of the
/// sentence (or of a quote's frame), so that `The plan failed, officials, said` is not read as
/// one.
fn appositive_speaker(
    doc: &Doc<'_>,
    sent: Range<usize>,
    close: usize,
) -> Option<(Range<usize>, Option<Range<usize>>)> {
    // Segments between aside marks, right to left.
    let mut segments: Vec<Range<usize>> = Vec::new();
    let mut end = close;
    let mut k = close;
    let floor = frame_floor(doc, sent.clone(), close);
    while k > floor && segments.len() < 5 && close - k < 36 {
        if is_aside_mark(doc, k - 1) {
            if k < end {
                segments.push(k..end);
            }
            end = k - 1;
        }
        k -= 1;
    }
    if k != floor || end <= floor {
        return None;
    }
    segments.push(floor..end);
    segments.reverse();
    // Opening phrases and sentence adverbs, one after another, are not the speaker: `On
    // Tuesday, Joyce — who is listed as an attorney — told …`, `Speaking later on the same
    // show, Sen. Claire McCaskill, who has endorsed Clinton, said …`, `On Wednesday, however,
    // the director of the F.B.I., James B. Comey, said …`.
    while segments.len() > 2
        && (lexicon::is_preposition(doc.lo(segments[0].start))
            || doc.lo(segments[0].start).ends_with("ing")
            || (segments[0].len() == 1
                && matches!(
                    doc.lo(segments[0].start),
                    "however"
                        | "meanwhile"
                        | "still"
                        | "instead"
                        | "also"
                        | "now"
                        | "then"
                        | "separately"
                        | "similarly"
                        | "likewise"
                        | "later"
                        | "earlier"
                )))
    {
        segments.remove(0);
    }
    // `Sen. Thomas Whitfield (R-Ohio)`: a party and state in brackets close the name.
    for seg in &mut segments {
        if seg.len() > 2
            && doc.is_punct(seg.end - 1, ")")
            && let Some(open) = (seg.start..seg.end).rev().find(|&t| doc.is_punct(t, "("))
            && open > seg.start
        {
            seg.end = open;
        }
    }
    let is_name = |r: &Range<usize>| {
        np_before(doc, r.start, r.end).is_some_and(|np| np.start == r.start)
            && valid_head(doc, np_head(doc, r.clone()))
            && r.clone().all(|t| doc.is_word(t))
            && lexicon::subject_pronoun(doc.lo(r.start)).is_none()
    };
    let describes = |r: &Range<usize>| {
        let w = doc.lo(r.start);
        // `Cory James, 22, of Flint, Mich., said`; `Will Rogers, for example, said`.
        let place = r.len() <= 3 && r.clone().all(|t| doc.cap(t));
        let aside = matches!(
            doc.slice(r.clone()).to_lowercase().as_str(),
            "for example"
                | "for instance"
                | "however"
                | "meanwhile"
                | "too"
                | "though"
                | "in turn"
                | "in particular"
                | "in an interview"
                | "in a statement"
        );
        // `Robert Peck, managing director and analyst at SunTrust, told`: a description
        // starts in lower case.
        let lowercase_description = !doc.cap(r.start) && doc.is_word(r.start) && r.len() <= 14;
        if place || aside || w == "now" || lowercase_description {
            return true;
        }
        lexicon::is_determiner(w)
            || lexicon::is_title_word(w)
            || w.ends_with("'s")
            || w.chars().all(|c| c.is_ascii_digit())
            || matches!(
                w,
                "of" | "who" | "who's" | "whose" | "which" | "from" | "at"
            )
            || is_agent_noun(w)
    };
    if segments.len() < 2 {
        return None;
    }
    let first = &segments[0];
    let proper = |r: &Range<usize>| is_name(r) && r.clone().all(|t| doc.cap(t));
    // `A spokeswoman for the port authority, Karen Li, said`: the name, not the description.
    if segments.len() == 2 && !proper(first) && proper(&segments[1]) && describes(first) {
        return Some((segments[1].clone(), Some(first.clone())));
    }
    if is_name(first) && segments[1..].iter().all(describes) {
        let rest = segments[1].start..segments[segments.len() - 1].end;
        return Some((first.clone(), Some(rest)));
    }
    // `One Republican presidential hopeful, Carly Fiorina, says`
    if segments.len() == 2 && is_name(&segments[1]) && describes(first) {
        return Some((segments[1].clone(), Some(first.clone())));
    }
    None
}

/// Where a speaker's phrase may begin: the sentence start after discourse words, or right
/// after a closing quote or a colon.
fn frame_floor(doc: &Doc<'_>, sent: Range<usize>, before: usize) -> usize {
    let mut floor = sent.start;
    for k in sent.start..before {
        if doc
            .quote_at_mark(k)
            .is_some_and(|q| q.closed && q.close == k)
            || doc.is_punct(k, ":")
        {
            floor = k + 1;
            if doc.is_punct(floor, ",") {
                floor += 1;
            }
        }
    }
    while floor < before && matches!(doc.lo(floor), "but" | "and" | "still" | "yet" | "so") {
        floor += 1;
    }
    floor
}

/// Extends `np` leftwards over a list that fills the whole subject: `The US, its NATO
/// allies, and Ukraine`.
fn coordinated(doc: &Doc<'_>, floor: usize, np: Range<usize>) -> Range<usize> {
    let mut start = np.start;
    let mut k = start;
    let mut joined = false;
    loop {
        if k == floor {
            return if joined { start..np.end } else { np };
        }
        let p = doc.lo(k - 1);
        if p == "and" || p == "or" || p == "," {
            k -= 1;
            if p != "," {
                joined = true;
            }
            continue;
        }
        if k == start {
            // Nothing joins this noun phrase to what precedes it.
            return np;
        }
        match np_before(doc, floor, k) {
            Some(prev) if prev.len() <= 4 && plain_np(doc, prev.clone()) => {
                start = prev.start;
                k = prev.start;
            }
            _ => return np,
        }
    }
}

/// A conjunct of a list of speakers: names, determiners and nouns for people or bodies, so
/// that `Trump won Iowa and Cruz` is not taken for a list.
fn plain_np(doc: &Doc<'_>, r: Range<usize>) -> bool {
    valid_head(doc, r.end - 1)
        && r.clone().all(|k| {
            let w = doc.lo(k);
            doc.cap(k)
                || lexicon::is_determiner(w)
                || lexicon::is_title_word(w)
                || valid_head(doc, k)
        })
}

/// The noun phrase ending just before `end`, scanned backwards.
fn np_before(doc: &Doc<'_>, floor: usize, end: usize) -> Option<Range<usize>> {
    // A pronoun is a whole phrase: `the kind of tone he said` has the speaker `he`.
    if end > floor && doc.is_word(end - 1) && lexicon::subject_pronoun(doc.lo(end - 1)).is_some() {
        return Some(end - 1..end);
    }
    let mut k = end;
    let mut saw_determiner = false;
    while k > floor && end - k < 12 {
        let t = k - 1;
        if !doc.is_word(t) {
            break;
        }
        let w = doc.lo(t);
        if saw_determiner {
            // A determiner starts the phrase unless an `of`, a possessive, or a phrase like
            // `familiar with` precedes it: `a person familiar with the audit`.
            if w == "of" || w.ends_with("'s") {
                saw_determiner = false;
                k -= 1;
                continue;
            }
            if matches!(w, "with" | "to" | "on" | "in")
                && t > floor
                && is_postmodifier(doc.lo(t - 1))
            {
                saw_determiner = false;
                k -= 2;
                continue;
            }
            // `a spokeswoman for the mayor`, `a lawyer for the family`: the person before
            // the preposition is the speaker.
            if matches!(w, "for" | "at" | "with" | "to" | "from" | "in")
                && t > floor
                && is_person_noun(doc.lo(t - 1))
            {
                saw_determiner = false;
                k -= 1;
                continue;
            }
            break;
        }
        // `People with direct knowledge of the work said`: a person noun's phrase.
        if matches!(
            w,
            "with" | "close" | "familiar" | "for" | "at" | "from" | "in"
        ) && t > floor
            && (is_person_noun(doc.lo(t - 1)) || is_postmodifier(doc.lo(t - 1)))
            && k != end
        {
            k -= 1;
            continue;
        }
        if lexicon::is_clause_word(w)
            || lexicon::is_auxiliary(w)
            || lexicon::is_modal(w)
            || lexicon::is_negation(w)
            || (lexicon::is_preposition(w) && w != "of")
            || lexicon::cue(w).is_some() && !doc.cap(t)
            || w == "and"
            || w == "or"
            || w == "according"
        {
            break;
        }
        if !doc.cap(t) && (w.ends_with("ed") || w.ends_with("ing")) && k != end {
            // A participle inside a phrase is an adjective only after a determiner:
            // `an unnamed official`.
            if !(t > floor && lexicon::is_determiner(doc.lo(t - 1))) {
                break;
            }
        }
        if lexicon::is_determiner(w) {
            saw_determiner = true;
        }
        k -= 1;
    }
    let mut start = k;
    // Trim `of` and time words off the front: `of Boris Johnson` is not a phrase.
    while start < end && matches!(doc.lo(start), "of" | "yesterday" | "today" | "meanwhile") {
        start += 1;
    }
    (start < end).then_some(start..end)
}

/// Adjectives that attach a phrase naming what a source knows: `familiar with`, `close to`.
fn is_postmodifier(w: &str) -> bool {
    matches!(
        w,
        "familiar" | "close" | "briefed" | "knowledgeable" | "involved" | "privy" | "working"
    )
}

/// The head of a speaker phrase: the noun a postmodifier hangs from (`person` in `a person
/// familiar with the audit`), else the last word.
pub(crate) fn np_head(doc: &Doc<'_>, np: Range<usize>) -> usize {
    for k in np.start + 1..np.end {
        if is_postmodifier(doc.lo(k)) && matches!(doc.lo(k + 1), "with" | "to" | "on" | "in") {
            return k - 1;
        }
        if k + 1 < np.end
            && is_person_noun(doc.lo(k))
            && matches!(doc.lo(k + 1), "for" | "at" | "with" | "to" | "from" | "in")
        {
            return k;
        }
        // `Robert Antonacci of the New York delegation`: a name, then where it belongs. A
        // capital after `of` is part of a name or title instead (`Secretary of State`).
        if k > np.start
            && doc.lo(k) == "of"
            && doc.cap(k - 1)
            && !lexicon::is_determiner(doc.lo(k - 1))
            && lexicon::is_determiner(doc.lo(k + 1))
        {
            return k - 1;
        }
    }
    np.end - 1
}

/// Nouns for people that take a phrase saying whom they work for: `a spokeswoman for the
/// mayor`, `an aide to the senator`, `a lawyer for the family`.
fn is_person_noun(w: &str) -> bool {
    lexicon::is_anonymous_head(w)
        || matches!(
            w,
            "spokesman"
                | "spokeswoman"
                | "spokesperson"
                | "lawyer"
                | "attorney"
                | "aide"
                | "adviser"
                | "advisor"
                | "official"
                | "director"
                | "manager"
                | "strategist"
                | "consultant"
                | "economist"
                | "analyst"
                | "professor"
                | "expert"
        )
}

/// The noun phrase starting at `from`: `Putin`, `the Russian leader`, and for `according
/// to` longer ones with prepositions: `a senior official at the State Department`.
fn np_after(doc: &Doc<'_>, from: usize, end: usize, long: bool) -> Option<Range<usize>> {
    let mut j = from;
    while j < end && j - from < 14 {
        if !doc.is_word(j) {
            break;
        }
        let w = doc.lo(j);
        let inner_prep = matches!(w, "of" | "at" | "for" | "from" | "in" | "with" | "to");
        if lexicon::is_clause_word(w)
            || lexicon::is_auxiliary(w)
            || lexicon::is_modal(w)
            || (lexicon::is_preposition(w) && !(long && inner_prep) && w != "of")
            || lexicon::cue(w).is_some() && !doc.cap(j)
            || lexicon::weekday(w).is_some()
            || matches!(w, "yesterday" | "today" | "last" | "and" | "or")
        {
            break;
        }
        // A participle ends the phrase (`said officials briefed on …`), unless it is an
        // adjective after a determiner: `said one unaligned Florida Republican strategist`.
        if j > from
            && !doc.cap(j)
            && (w.ends_with("ed") || w.ends_with("ing"))
            && !long
            && !(lexicon::is_determiner(doc.lo(j - 1)) || doc.lo(j - 1) == "one")
        {
            break;
        }
        j += 1;
    }
    // Trailing prepositions, articles and participles are not part of a speaker:
    // `analysts surveyed (by the newspaper)`.
    while j > from + 1
        && (matches!(
            doc.lo(j - 1),
            "of" | "at" | "for" | "from" | "in" | "with" | "the" | "a" | "to"
        ) || (!doc.cap(j - 1)
            && (doc.lo(j - 1).ends_with("ed") || doc.lo(j - 1).ends_with("ing"))))
    {
        j -= 1;
    }
    (j > from).then_some(from..j)
}

/// `says Haley Morris, a spokeswoman for the campaign`: the appositive after an inverted
/// speaker.
fn with_appositive_after(
    doc: &Doc<'_>,
    np: Range<usize>,
    end: usize,
) -> (Range<usize>, Option<Range<usize>>) {
    if doc.cap(np.end - 1) && doc.is_punct(np.end, ",") && np.end + 1 < end {
        let a = np.end + 1;
        if lexicon::is_determiner(doc.lo(a)) || lexicon::is_title_word(doc.lo(a)) {
            let mut j = a;
            while j < end && !doc.is_punct(j, ",") && !doc.is_punct(j, ".") && j - a < 14 {
                j += 1;
            }
            if j > a {
                return (np, Some(a..j));
            }
        }
    }
    (np, None)
}

/// Whether the token can head a speaker: a name, a pronoun, or a noun for people or
/// institutions.
fn valid_head(doc: &Doc<'_>, t: usize) -> bool {
    let w = doc.lo(t);
    let w = w
        .strip_suffix("'s")
        .or_else(|| w.strip_suffix('\''))
        .unwrap_or(w);
    if lexicon::subject_pronoun(w).is_some() || is_age(w) {
        return true;
    }
    if doc.cap(t) {
        return !lexicon::is_capitalised_common(w)
            // `Jun` in `Ai Jun` and `May` in `Theresa May` are names.
            && (lexicon::month(w).is_none() || (t > 0 && doc.cap(t - 1) && doc.is_word(t - 1)))
            && !w.chars().all(|c| c.is_ascii_digit());
    }
    lexicon::subject_pronoun(w).is_some()
        || lexicon::is_anonymous_head(w)
        || lexicon::is_organization_head(w)
        || lexicon::is_government_head(w)
        || lexicon::role_titles(w).is_some()
        || is_agent_noun(w)
        || is_relation_noun(w)
}

/// People named by their relation to someone: `his childhood friend told …`, `her mother
/// said …`.
fn is_relation_noun(w: &str) -> bool {
    if w == "allies" {
        return true;
    }
    let w = w.strip_suffix('s').unwrap_or(w);
    matches!(
        w,
        "friend"
            | "colleague"
            | "neighbor"
            | "neighbour"
            | "classmate"
            | "roommate"
            | "teammate"
            | "relative"
            | "cousin"
            | "wife"
            | "husband"
            | "spouse"
            | "partner"
            | "son"
            | "daughter"
            | "mother"
            | "father"
            | "brother"
            | "sister"
            | "uncle"
            | "aunt"
            | "niece"
            | "nephew"
            | "grandmother"
            | "grandfather"
            | "boss"
            | "coach"
            | "acquaintance"
            | "ally"
    )
}

/// `46-year-old`: a person described by age.
pub(crate) fn is_age(w: &str) -> bool {
    w.strip_suffix("-year-old")
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
}

/// Nouns for people by their endings: `teacher`, `economist`, `historian`, `residents`.
fn is_agent_noun(w: &str) -> bool {
    if (w.ends_with("man") || w.ends_with("men"))
        && w.len() > 5
        && !matches!(w, "human" | "humans" | "specimen" | "abdomen" | "regimen")
    {
        // `chairmen`, `spokeswoman`, `congressman`.
        return true;
    }
    let w = w.strip_suffix('s').unwrap_or(w);
    w.len() > 4
        && ["er", "or", "ist", "ian", "ant", "ent", "ee"]
            .iter()
            .any(|suffix| w.ends_with(suffix))
        && !matches!(
            w,
            "whether"
                | "however"
                | "together"
                | "further"
                | "never"
                | "other"
                | "over"
                | "after"
                | "under"
                | "either"
                | "rather"
                | "order"
                | "matter"
                | "number"
                | "water"
                | "paper"
                | "letter"
                | "center"
                | "error"
                | "factor"
                | "sector"
                | "moment"
                | "statement"
                | "government"
                | "agreement"
                | "comment"
                | "element"
                | "event"
                | "percent"
                | "recent"
                | "present"
                | "current"
                | "different"
                | "independent"
                | "important"
                | "significant"
        )
}

/// The listener after `told`: `reporters`, `Lavrov`, `Foreign Minister Lavrov`, `his Russian
/// counterpart`, `The Associated Press`, `CNN's Jake Tapper`.
fn listener(doc: &Doc<'_>, from: usize, end: usize) -> Option<Range<usize>> {
    let mut j = from;
    if doc.lo(j) == "that" {
        // `warns that …`: a complementiser, not a determiner.
        return None;
    }
    if j < end && lexicon::is_determiner(doc.lo(j)) {
        j += 1;
    }
    let mut last_head = None;
    while j < end && j - from < 7 && doc.is_word(j) {
        let w = doc.lo(j);
        if lexicon::is_clause_word(w) || lexicon::is_preposition(w) && w != "of" {
            break;
        }
        let cap = doc.cap(j);
        let pronoun = matches!(w, "him" | "her" | "them" | "me" | "us" | "you");
        if cap
            || pronoun
            || lexicon::is_anonymous_head(w)
            || is_agent_noun(w)
            || w == "reporters"
            || w == "journalists"
            || w == "counterpart"
            || w == "audience"
            || w == "crowd"
            || lexicon::is_organization_head(w)
            || lexicon::is_government_head(w)
        {
            last_head = Some(j + 1);
            if pronoun {
                break;
            }
        } else if w == "of" {
            // `the head of the agency`
        } else if last_head.is_some() {
            break;
        }
        j += 1;
    }
    last_head.map(|e| from..e)
}

/// `that` opening the content, possibly after a short phrase: `said in a statement that`,
/// `told his counterpart on Tuesday that`.
fn find_that(doc: &Doc<'_>, from: usize, end: usize) -> Option<usize> {
    if from < end && doc.lo(from) == "that" {
        return Some(from);
    }
    // `…, the vice president said, that if …`: an interrupting frame resumes its clause.
    if from + 1 < end && doc.is_punct(from, ",") && doc.lo(from + 1) == "that" {
        return Some(from + 1);
    }
    let first = doc.lo(from);
    let phrase = lexicon::is_preposition(first)
        || lexicon::weekday(first).is_some()
        || lexicon::is_speech_adverb(first)
        // `adding hopefully that …`
        || (first.ends_with("ly") && doc.is_word(from) && !doc.cap(from))
        || matches!(first, "last" | "this" | "earlier" | "late" | "repeatedly");
    if !phrase {
        return None;
    }
    (from..end.min(from + 10))
        .take_while(|&k| doc.is_word(k) || doc.is_punct(k, ",") && doc.lo(k + 1) == "that")
        .find(|&k| doc.lo(k) == "that")
}

/// Whether a bare clause can start at `j`: `says the United States has …`, not `said on
/// Twitter` or `told him to leave`.
fn opens_clause(doc: &Doc<'_>, j: usize, end: usize) -> bool {
    if j >= end || !doc.is_word(j) {
        return doc.is_quote(j);
    }
    let w = doc.lo(j);
    // `an effort that Sanders said would make …`: a verb first means the subject is the
    // relative clause's gap, not a claim.
    !(lexicon::is_preposition(w)
        || lexicon::is_auxiliary(w)
        || lexicon::is_modal(w)
        || lexicon::opens_non_claim(w)
        || lexicon::weekday(w).is_some()
        || lexicon::is_speech_adverb(w)
        || matches!(
            w,
            "and" | "or" | "but" | "as" | "yesterday" | "today" | "last" | "so"
        ))
}

/// The content clause starting at `from`, running to the end of the sentence, a participle
/// (`, adding that`), `according to`, or a semicolon. A quote opened inside runs on across
/// sentences to its closing mark.
fn clause(doc: &Doc<'_>, from: usize, sent: Range<usize>) -> Option<Range<usize>> {
    clause_from(doc, from, sent)
}

fn clause_from(doc: &Doc<'_>, from: usize, sent: Range<usize>) -> Option<Range<usize>> {
    let mut j = from;
    let mut end = sent.end;
    while j < sent.end {
        if doc.is_punct(j, ";") {
            end = j;
            break;
        }
        if j > from && !doc.inside_quote(j) && ends_clause(doc, j, sent.end) {
            end = j;
            break;
        }
        // `he was "encouraged" by the plan — a modest boost for Obama …`: a single dash
        // before an indefinite phrase starts the writer's aside.
        if j > from + 1
            && is_dash(doc, j)
            && !doc.inside_quote(j)
            && matches!(doc.lo(j + 1), "a" | "an")
            && !(j + 1..sent.end).any(|k| is_dash(doc, k))
        {
            end = j;
            break;
        }
        // `that "… working together," suggesting that …`: the comma sits inside the quote,
        // and the clause ends after its closing mark.
        if j > from + 1
            && doc.is_punct(j - 1, ",")
            && doc
                .quote_at_mark(j)
                .is_some_and(|q| q.closed && q.close == j && q.open >= from)
            && comma_ends_clause(doc, j, sent.end)
        {
            end = j + 1;
            break;
        }
        j += 1;
    }
    // A quote opened in the clause and closed in a later sentence belongs to it.
    if let Some(last) = (from..end).rev().find(|&k| doc.is_quote(k))
        && let Some(q) = doc.quote_at_mark(last)
        && q.open == last
        && q.close > end
    {
        end = if q.closed { q.close + 1 } else { q.close };
    }
    (end > from).then_some(from..end)
}

/// Whether a content clause ends before token `j`: at `, adding that`, `, according to`,
/// `and noted that`, `, but he said`, `while insisting`, or `, and he …` (a new clause with
/// its own subject).
fn ends_clause(doc: &Doc<'_>, j: usize, end: usize) -> bool {
    let w = doc.lo(j);
    let is_cue = |k: usize| {
        k < end && doc.is_word(k) && !doc.inside_quote(k) && lexicon::cue(doc.lo(k)).is_some()
    };
    let participle = |k: usize| is_cue(k) && lexicon::cue(doc.lo(k)).is_some_and(|c| c.ing);
    if doc.is_punct(j, ",") {
        return comma_ends_clause(doc, j, end);
    }
    if matches!(w, "and" | "but" | "while") && named_speaker_then_cue(doc, j + 1, end) {
        // `accuses Obama of "leading from behind" and Donald Trump says …`
        return true;
    }
    matches!(w, "and" | "but" | "while" | "before" | "after")
        && (is_cue(j + 1) && (w != "and" && w != "but" || !participle(j + 1)) || participle(j + 1))
}

/// Whether a name (`Donald Trump`, `the White House`) and then a finite reporting verb start
/// at `k`: a new attribution with its own speaker.
fn named_speaker_then_cue(doc: &Doc<'_>, k: usize, end: usize) -> bool {
    let mut j = k;
    if doc.lo(j) == "the" {
        j += 1;
    }
    let name = j;
    while j < end && j - name < 4 && doc.is_word(j) && doc.cap(j) && !doc.inside_quote(j) {
        j += 1;
    }
    j > name && j < end && !doc.inside_quote(j) && lexicon::cue(doc.lo(j)).is_some_and(|c| !c.ing)
}

/// Whether what follows a comma at `j` (or a closing quote right after one) starts a new
/// clause: `, adding that`, `, according to`, `, but he said`, `, and he …`.
fn comma_ends_clause(doc: &Doc<'_>, j: usize, end: usize) -> bool {
    let next = if j + 1 < end { doc.lo(j + 1) } else { "" };
    let is_cue = |k: usize| {
        k < end && doc.is_word(k) && !doc.inside_quote(k) && lexicon::cue(doc.lo(k)).is_some()
    };
    let participle = |k: usize| is_cue(k) && lexicon::cue(doc.lo(k)).is_some_and(|c| c.ing);
    participle(j + 1)
        || next == "according"
        || (matches!(next, "and" | "but")
            && (is_cue(j + 2)
                || lexicon::subject_pronoun(doc.lo(j + 2)).is_some() && is_cue(j + 3)))
        || (matches!(next, "and" | "but")
            && j + 2 < end
            && matches!(doc.lo(j + 2), "he" | "she" | "they" | "i" | "we"))
        || (matches!(next, "before" | "after" | "while") && participle(j + 2))
}

/// The start of a claim that a frame interrupts, set off by commas on both sides:
/// `The club's investment in its facilities, Ms. Tanzer said, "is a perfect example …"`,
/// `The documents indicate, he said, that …`. Not an opening phrase of place, time or
/// manner (`In a statement, the ministry said, "…"`, `Asked about it, he said, "…"`).
fn interrupted_left(
    doc: &Doc<'_>,
    sent: Range<usize>,
    f: &Frame,
    right: &Range<usize>,
    frame_starts: &[usize],
) -> Option<Range<usize>> {
    if f.participle || right.start < f.cue.end {
        return None;
    }
    let start = f.extent.start;
    if start < sent.start + 2 || !doc.is_punct(start - 1, ",") {
        return None;
    }
    // The content resumes right after a comma: `said, "…"` or `said, that …`.
    let resumes = doc.is_punct(right.start - 1, ",")
        || ((doc.is_quote(right.start - 1) || doc.lo(right.start - 1) == "that")
            && doc.is_punct(right.start - 2, ","));
    if !resumes || frame_starts.iter().any(|&x| x >= sent.start && x < start) {
        return None;
    }
    let left = sent.start..start - 1;
    let first = doc.lo(left.start);
    let opening_phrase = lexicon::is_preposition(first)
        || lexicon::is_clause_word(first)
        || first.ends_with("ing")
        || first.ends_with("ed")
        || (left.clone()).any(|k| doc.is_punct(k, ","));
    (!opening_phrase && doc.words_in(left.clone()) >= 1).then_some(left)
}

/// In a sentence that opens with a subordinate clause holding the frame (`When Comey said
/// on Tuesday that …, experts agreed`), the content ends at the clause's last comma, where
/// the main clause begins.
fn end_of_opening_clause(
    doc: &Doc<'_>,
    sent: Range<usize>,
    f: &Frame,
    r: Range<usize>,
) -> Range<usize> {
    let opens = matches!(
        doc.lo(sent.start),
        "when"
            | "after"
            | "before"
            | "as"
            | "since"
            | "because"
            | "while"
            | "although"
            | "though"
            | "if"
            | "once"
            | "until"
    );
    if !opens || f.extent.start <= sent.start || r.end != sent.end {
        return r;
    }
    let comma = (r.start + 1..r.end).rev().find_map(|k| {
        if doc.inside_quote(k) || !doc.is_word(k + 1) {
            return None;
        }
        if doc.is_punct(k, ",") {
            Some(k)
        } else if doc.is_punct(k - 1, ",")
            && doc
                .quote_at_mark(k)
                .is_some_and(|q| q.closed && q.close == k)
        {
            Some(k + 1)
        } else {
            None
        }
    });
    match comma {
        Some(c) if c > r.start + 1 => r.start..c,
        _ => r,
    }
}

/// Whether a `to` infinitive with its object starts at `k`: `to enact reform`, `to “bring
/// our revolution”`; not a `to` phrase (`to the voters`, `to Congress`).
fn infinitive_at(doc: &Doc<'_>, k: usize, end: usize) -> bool {
    let verb = if doc.is_quote(k + 1) { k + 2 } else { k + 1 };
    doc.lo(k) == "to"
        && verb < end
        && doc.is_word(verb)
        && !doc.cap(verb)
        && !lexicon::is_determiner(doc.lo(verb))
        && lexicon::subject_pronoun(doc.lo(verb)).is_none()
        && !matches!(doc.lo(verb), "him" | "her" | "them" | "me" | "us" | "you" | "his" | "its")
        // `the divides he promised to bridge have grown`: the object was moved away, and
        // what follows belongs to the main clause.
        && !lexicon::is_auxiliary(doc.lo(verb + 1))
}

/// The content to the left of a trailing frame: the quote just before it, or the clause
/// from the sentence start; plus a continuation to the right when the frame interrupts
/// the claim (`If …, the Secretary told Lavrov, then …`).
fn left_content(
    doc: &Doc<'_>,
    sent: Range<usize>,
    frame: &Frame,
    frame_starts: &[usize],
) -> Option<Vec<Range<usize>>> {
    let f = frame;
    let s = f.extent.start;
    let mut parts = Vec::new();
    let mut b = s;
    if b > sent.start && (doc.is_punct(b - 1, ",") || is_dash(doc, b - 1)) {
        b -= 1;
    }
    if b > sent.start
        && let Some(q) = doc.quote_at_mark(b - 1)
        && q.closed
        && q.close == b - 1
    {
        // `"…," he said`: the quote is the claim when it opens the sentence, or when it
        // began in an earlier sentence.
        let opens_clause = q.open <= sent.start
            || (sent.start..q.open).all(|k| !doc.is_word(k))
            || doc.is_punct(q.open - 1, ":");
        if opens_clause {
            parts.push(q.inner());
        } else {
            parts.push(sent.start..b);
        }
    } else if b > sent.start && (b < s || doc.lo(f.cue.start) == "according") {
        parts.push(sent.start..b);
    } else if b == sent.start {
        // A frame that is a sentence of its own: `"It is over." Putin said.`
        let prev = doc.sent_of[sent.start] as usize;
        if prev > 0 {
            let p = doc.sents[prev - 1].clone();
            let last = p.end - 1;
            if let Some(q) = doc.quote_at_mark(last)
                && q.closed
                && q.close == last
                && doc.toks[last].para == doc.toks[s].para
            {
                parts.push(q.inner());
            }
        }
        if parts.is_empty() {
            return None;
        }
    } else {
        return None;
    }
    // Continuation after the frame: `, then this is the time …` or `, "…"`. After a quote
    // only another quote continues; after an inverted frame or an appositive, what follows
    // the comma describes the speaker.
    let quoted_left = parts
        .iter()
        .all(|p| p.clone().all(|k| !doc.is_word(k) || doc.inside_quote(k)));
    let has_appositive = matches!(
        &f.speaker,
        Some(Speaker::Mention {
            appositive: Some(_),
            ..
        })
    );
    let after = f.extent.end;
    if doc.is_punct(after, ",") && after + 1 < sent.end {
        let from = after + 1;
        let next_frame = frame_starts.iter().copied().filter(|&x| x > from).min();
        let mut end = next_frame.unwrap_or(sent.end);
        // Stop before the comma that introduces the next frame.
        while end > from && (doc.is_punct(end - 1, ",") || is_dash(doc, end - 1)) {
            end -= 1;
        }
        if let Some(q) = doc.quote_at_mark(from)
            && q.open == from
        {
            parts.push(q.inner());
        } else if !quoted_left && !f.inverted && !has_appositive {
            let w = doc.lo(from);
            let starts_frame = lexicon::cue(w).is_some() || w == "according";
            // `…, the AP declared on Thursday, two days after the vote`: an adjunct of the
            // frame, not more of the claim.
            let adjunct = (lexicon::is_preposition(w) && w != "to")
                || lexicon::is_clause_word(w) && w != "then"
                || w.chars().all(|c| c.is_ascii_digit())
                || matches!(
                    w,
                    "one"
                        | "two"
                        | "three"
                        | "four"
                        | "five"
                        | "six"
                        | "several"
                        | "just"
                        | "only"
                        | "hours"
                        | "days"
                        | "weeks"
                        | "months"
                        | "years"
                );
            if !starts_frame
                && !adjunct
                && doc.words_in(from..end) >= 3
                && !matches!(w, "and" | "but")
            {
                parts.push(from..end);
            }
        }
    }
    Some(parts)
}

/// The subject of a sentence, for participles with no other frame: `Moscow has rejected
/// the allegation, saying …`; after an introductory phrase if the start gives none (`Even
/// before the pope's remarks, Mr. Trump had criticized him and accused him of …`).
fn subject(doc: &Doc<'_>, sent: Range<usize>) -> Option<Speaker> {
    subject_at(doc, sent.clone()).or_else(|| {
        let comma = (sent.start..sent.end.min(sent.start + 16)).find(|&k| doc.is_punct(k, ","))?;
        subject_at(doc, comma + 1..sent.end)
    })
}

fn subject_at(doc: &Doc<'_>, sent: Range<usize>) -> Option<Speaker> {
    let mut j = sent.start;
    while j < sent.end
        && matches!(
            doc.lo(j),
            "but" | "and" | "however" | "meanwhile" | "still" | "yet"
        )
    {
        j += 1;
    }
    if doc.is_punct(j, ",") {
        j += 1;
    }
    // An opening phrase set off by a comma: `On Tuesday, Moscow …`, `In a statement, …`.
    if j < sent.end && (lexicon::is_preposition(doc.lo(j)) || lexicon::is_clause_word(doc.lo(j))) {
        let comma = (j..sent.end).find(|&k| doc.is_punct(k, ","))?;
        j = comma + 1;
    }
    let from = j;
    while j < sent.end && j - from < 10 && doc.is_word(j) {
        let w = doc.lo(j);
        // A pronoun or a name is the whole subject once a lowercase word follows it:
        // `He went further …`, `Trump went fully on the attack …`.
        let prev = if j > from { doc.lo(j - 1) } else { "" };
        let after_head = j > from
            && (lexicon::subject_pronoun(prev).is_some()
                || (doc.cap(j - 1)
                    && !lexicon::is_determiner(prev)
                    && !lexicon::is_title_word(prev)))
            && !doc.cap(j)
            && !lexicon::is_title_word(w)
            && !is_description_noun(w);
        // So is a noun for people once a word that could not extend it follows: `The
        // president spoke warmly, saying …` (an irregular past tense shows nothing itself).
        let after_noun = j > from + 1
            && !doc.cap(j - 1)
            && !doc.cap(j)
            && valid_head(doc, j - 1)
            && !valid_head(doc, j)
            && !lexicon::is_title_word(w)
            && !is_description_noun(w)
            && !matches!(w, "of" | "and" | "or");
        if after_head || after_noun {
            break;
        }
        if j > from
            && (lexicon::is_auxiliary(w)
                || lexicon::is_modal(w)
                || lexicon::is_negation(w)
                || lexicon::is_speech_adverb(w)
                || (w.ends_with("ly") && !doc.cap(j))
                || lexicon::is_preposition(w) && w != "of"
                || lexicon::is_clause_word(w)
                || (!doc.cap(j) && (w.ends_with("ed") || w.ends_with("ing")))
                || (!doc.cap(j)
                    && w.ends_with('s')
                    && !w.ends_with("ss")
                    && !lexicon::is_anonymous_head(w)
                    && !lexicon::is_organization_head(w)
                    && !lexicon::is_government_head(w)))
        {
            break;
        }
        j += 1;
    }
    if j == from || !plain_np(doc, from..j) {
        return None;
    }
    Some(Speaker::Mention {
        np: from..j,
        appositive: None,
    })
}

fn is_description_noun(w: &str) -> bool {
    lexicon::is_anonymous_head(w)
        || lexicon::is_organization_head(w)
        || lexicon::is_government_head(w)
        || lexicon::role_titles(w).is_some()
}

/// Trims punctuation and `that` from a content part's edges; `None` when nothing is left.
fn trim(doc: &Doc<'_>, r: Range<usize>) -> Option<Range<usize>> {
    let (mut a, mut b) = (r.start, r.end);
    while a < b && (doc.toks[a].kind == Kind::Punct || doc.lo(a) == "that" && a == r.start) {
        a += 1;
    }
    while a < b && doc.toks[b - 1].kind == Kind::Punct {
        b -= 1;
    }
    // Content that is one whole quote, marks included (`stressed that "…,"`): its inside.
    if a + 2 < b
        && doc
            .quote_at_mark(a)
            .is_some_and(|q| q.open == a && q.closed && q.close == b - 1)
    {
        a += 1;
        b -= 1;
        while a < b && doc.toks[b - 1].kind == Kind::Punct {
            b -= 1;
        }
        return (a < b).then_some(a..b);
    }
    // A lone quotation mark at either edge that does not pair with one inside.
    if a < b && doc.is_quote(a) && doc.quote_at_mark(a).is_none_or(|q| q.close >= b) {
        a += 1;
    }
    if a < b && doc.is_quote(b - 1) && doc.quote_at_mark(b - 1).is_none_or(|q| q.open < a) {
        b -= 1;
        while a < b && doc.toks[b - 1].kind == Kind::Punct {
            b -= 1;
        }
    }
    (a < b).then_some(a..b)
}

/// Whether content parts make a claim: enough words, not a question or an instruction.
fn is_claim(doc: &Doc<'_>, parts: &[Range<usize>]) -> bool {
    may_be_claim(doc, parts) && !only_questions(doc, parts)
}

/// Long enough and not opened by a word that starts something other than a statement.
fn may_be_claim(doc: &Doc<'_>, parts: &[Range<usize>]) -> bool {
    let words: usize = parts.iter().map(|p| doc.words_in(p.clone())).sum();
    if words < 3 {
        return false;
    }
    let first = parts[0].start;
    // After an explicit `that`, `when …` and `what …` open content clauses (`said that when
    // Warren railed …, she spoke for all of us`), not questions.
    !lexicon::opens_non_claim(doc.lo(first))
        || doc.inside_quote(first)
        // A name that opens with such a word: `No Child Left Behind was …`.
        || (doc.cap(first) && doc.is_word(first + 1) && doc.cap(first + 1))
        || (first > 0 && doc.lo(first - 1) == "that" && doc.lo(first) != "to")
}

/// Whether the content only asks: `"Where is Eric's campaign manager?"`.
fn only_questions(doc: &Doc<'_>, parts: &[Range<usize>]) -> bool {
    let last = parts[parts.len() - 1].end;
    // A question is not a claim; look at the punctuation right after the content. A quote of
    // several sentences that ends in a question still states things before it.
    let mut k = last;
    while k < doc.toks.len() && doc.is_quote(k) {
        k += 1;
    }
    let question = doc.is_punct(k, "?") || doc.is_punct(last - 1, "?");
    let statements_before = parts.iter().any(|p| {
        p.clone()
            .any(|t| t + 1 < p.end && (doc.is_punct(t, ".") || doc.is_punct(t, "!")))
    });
    // A part ending in a statement: `"Who is the real con man here?" said Murphy. "He
    // voted for it."` states something in its second part.
    let part_states = parts.iter().rev().skip(1).any(|p| {
        let mut k = p.end;
        while k < doc.toks.len() && doc.is_quote(k) {
            k += 1;
        }
        !doc.is_punct(k, "?") && !doc.is_punct(p.end - 1, "?")
    });
    question && !statements_before && !part_states
}

/// Drops a claim whose content holds another claim's cue: the inner attribution names the
/// real claimant (`Blinken told Lavrov that …, according to the State Department`).
fn drop_nested(claims: &mut Vec<Attribution>) {
    let cues: Vec<usize> = claims.iter().map(|c| c.cue.start).collect();
    let mut keep = vec![true; claims.len()];
    for (k, c) in claims.iter().enumerate() {
        let holds_cue = cues
            .iter()
            .enumerate()
            .any(|(o, &q)| o != k && c.parts.iter().any(|p| p.contains(&q)));
        if holds_cue {
            keep[k] = false;
        }
    }
    let mut k = 0;
    claims.retain(|_| {
        k += 1;
        keep[k - 1]
    });
}

/// Quotes that open a sentence and belong to no claim continue the previous speaker:
/// `"A," he said. "B."` joins B to A; a quote paragraph after a quoted claim is that
/// speaker's next claim.
fn attach_unattributed_quotes(doc: &Doc<'_>, claims: &mut Vec<Attribution>) {
    let mut added = Vec::new();
    for q in &doc.quotes {
        if q.words < 3 || title_case(doc, q.inner()) {
            continue;
        }
        let s = doc.sent(q.open);
        // `…, Calif. "The reality is …"`: an abbreviation hid the sentence end.
        let after_abbreviation = q.open > 0
            && doc.is_word(q.open - 1)
            && doc.s(q.open - 1).ends_with('.')
            && doc.cap(q.open + 1);
        let opens_sentence = (s.start..q.open).all(|k| !doc.is_word(k)) || after_abbreviation;
        // `"…," said Sherman, speaking of politicians, "and leave …"`: the quote resumes
        // within its frame's sentence; it may only join the claim before.
        let resumes = !opens_sentence && q.open > 0 && doc.is_punct(q.open - 1, ",");
        if !opens_sentence && !resumes {
            continue;
        }
        let inner = q.inner();
        let covered = claims.iter().any(|c| {
            c.parts
                .iter()
                .any(|p| p.start < inner.end && inner.start < p.end)
        });
        if covered {
            continue;
        }
        let Some(inner) = trim(doc, inner) else {
            continue;
        };
        let para = doc.toks[q.open].para;
        // The last claim before this quote, in this paragraph or the one before.
        let Some(prev) = claims.iter().rposition(|c| {
            c.end() <= q.open && para.saturating_sub(doc.toks[c.cue.start].para) <= 1
        }) else {
            continue;
        };
        let p = &claims[prev];
        if !quoted(doc, p) {
            continue;
        }
        let frame_sent = doc.sent_of[p.cue.start] as usize;
        let same_para = doc.toks[p.cue.start].para == para;
        let right_after = same_para
            && doc.sent_of[q.open] as usize <= frame_sent + 1
            && p.cue.start < q.open
            && ((p.cue.end..q.open)
                .all(|k| !doc.is_word(k) || doc.sent_of[k] as usize == frame_sent));
        if right_after && p.end() < p.cue.start {
            claims[prev].parts.push(inner);
        } else if !resumes && is_claim(doc, std::slice::from_ref(&inner)) {
            // A resumed quote that could not join stays out, as does a question on its own:
            // neither becomes a claim of the speaker before.
            let speaker = match &p.speaker {
                Speaker::Continues(s) => Speaker::Continues(s.clone()),
                s @ Speaker::Mention { .. } => Speaker::Continues(Box::new(s.clone())),
            };
            added.push(Attribution {
                speaker,
                cue: p.cue.clone(),
                parts: vec![inner],
                verbatim: false,
                frame: p.frame.clone(),
                participle: p.participle,
            });
        }
    }
    claims.extend(added);
}

/// Whether a claim quotes words: a continuation only follows a quoted claim.
fn quoted(doc: &Doc<'_>, c: &Attribution) -> bool {
    c.parts
        .iter()
        .any(|p| p.clone().any(|k| doc.inside_quote(k)))
}

/// `"The Art of the Deal"`: every word capitalised, so a title, not a quote.
fn title_case(doc: &Doc<'_>, r: Range<usize>) -> bool {
    let mut words = 0;
    for k in r {
        if doc.is_word(k) {
            words += 1;
            if !doc.cap(k)
                && !matches!(
                    doc.lo(k),
                    "of" | "the" | "a" | "and" | "in" | "for" | "to" | "on"
                )
            {
                return false;
            }
        }
    }
    words > 0
}
