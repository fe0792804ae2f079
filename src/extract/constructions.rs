//! The constructions the rules recognise, by name: what each anchors on, what it takes, and
//! examples that run as tests (`constructions::tests` replays every one).
//!
//! A claim is made by two of them: a *frame* (who, and the cue: `speaker-cue`,
//! `inverted-speaker`, `according-to`, …) and a *content* (what was said: `that-clause`,
//! `quote-before`, …). `find` tries frames at every cue token in the order of this table —
//! phrase frames (`according-to`, `as-reported-by`) before verb frames — and settles the
//! content of each frame right of its cue first, then around it, then left of it. Frameless
//! quotes come last. `claimset eval --explain` names the pair that made or nearly made each
//! claim.

use serde::Serialize;

/// A named construction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Construction {
    // Frames: who made the claim, and the cue.
    /// `Putin says …`, `the Russian leader told reporters …`.
    SpeakerCue,
    /// `Haley Morris, a spokeswoman for the campaign, said …`.
    AppositiveSpeaker,
    /// `…, Army Capt. Christian Pardo, who said …`.
    RelativeSpeaker,
    /// `"…," said Putin`.
    InvertedSpeaker,
    /// `…, saying …`: the sentence's subject speaks.
    Participle,
    /// `Reid caucused on Saturday and says …`.
    SecondVerb,
    /// `…, with the campaign saying …`.
    WithParticiple,
    /// `cited Blinken as telling …`.
    CitedAs,
    /// `according to X`.
    AccordingTo,
    /// `As reported by X, …`.
    AsReportedBy,
    /// `REYES: …` in an interview transcript.
    TranscriptTurn,
    /// An embedded tweet: its text, then `— Name (@handle) Month D, YYYY`.
    TweetSignature,
    /// A quote with no frame, continuing the speaker of the quote before it.
    FollowOnQuote,
    /// A quote after a sentence that ends in a colon: `His advice is simple: check the
    /// label. "Two drugs …"`.
    IntroducedQuote,
    // Contents: what was said.
    /// `said that …`.
    ThatClause,
    /// `says the United States has …`: a clause with no `that`.
    BareClause,
    /// `noted she had …`: a that-verb whose `that` was dropped before a pronoun.
    DroppedThat,
    /// `said: "…"`, `told reporters, "…"`.
    QuoteAfterCue,
    /// `saying "on her worst day" she'd be …`: a quote opening a longer clause.
    QuoteOpensClause,
    /// `Peskov was blunt: …`.
    ColonClause,
    /// `tweeted in response: "…"`.
    QuoteAfterColon,
    /// `pledged to veto any budget that …`.
    Promise,
    /// `accused Russia of massing troops`.
    Accusation,
    /// `denied any wrongdoing`, `announced the end of his campaign`: the object is what was
    /// said.
    ObjectContent,
    /// `called the plan a "disaster"`, `described the deal as a betrayal`.
    NamesObject,
    /// `"…," he said`.
    QuoteBefore,
    /// `…, Johnson said on Twitter`.
    ClauseBefore,
    /// `"It is over." Putin said.`: the frame is a sentence of its own.
    QuoteSentenceBefore,
    /// `The pills, he says, are meant for …`: the frame interrupts the claim.
    Interrupted,
    /// `As another Pew study noted, the average age …`.
    AsNoted,
    /// `Comey, as he testified before Congress, refused to comply`: an `as` frame inside its
    /// claim.
    AsAside,
    /// `a suspect, who police say was wanted for …`: the speaker inside a relative clause,
    /// the claim the rest of it.
    RelativeGap,
    /// `Trump's claims that …`, `her insistence that …`: a noun of saying with its owner.
    ClaimNoun,
}

/// Whether a construction says who and the cue, or what was said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// Who made the claim, and the cue.
    Frame,
    /// What was said.
    Content,
}

/// One example of a construction: a sentence, and the claim text and speaker mention it
/// gives, or `None` for a sentence that must give no claim.
#[derive(Debug, Clone, Copy)]
pub struct Example {
    /// A sentence (or two) as an article body.
    pub text: &'static str,
    /// The claim text it gives, `None` for none.
    pub claim: Option<&'static str>,
    /// The speaker as written where the claim is attributed.
    pub speaker: Option<&'static str>,
}

/// A construction's entry in the table.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    /// Its id.
    pub id: Construction,
    /// Frame or content.
    pub part: Part,
    /// The token it fires at.
    pub anchor: &'static str,
    /// What it recognises.
    pub what: &'static str,
    /// Examples, positive and negative.
    pub examples: &'static [Example],
}

const fn yes(text: &'static str, claim: &'static str, speaker: &'static str) -> Example {
    Example {
        text,
        claim: Some(claim),
        speaker: Some(speaker),
    }
}

const fn no(text: &'static str) -> Example {
    Example {
        text,
        claim: None,
        speaker: None,
    }
}

/// Every construction, frames then contents, each in the order the rules try them.
pub const CONSTRUCTIONS: &[Spec] = &[
    Spec {
        id: Construction::AccordingTo,
        part: Part::Frame,
        anchor: "`according` `to`",
        what: "`according to X` anywhere in a sentence: X is the speaker, the rest of the \
               sentence what was said",
        examples: &[
            yes(
                "The talks collapsed over funding, according to two officials.",
                "The talks collapsed over funding",
                "two officials",
            ),
            yes(
                "According to the State Department, Blinken spoke with Lavrov for an hour.",
                "Blinken spoke with Lavrov for an hour",
                "the State Department",
            ),
        ],
    },
    Spec {
        id: Construction::AsReportedBy,
        part: Part::Frame,
        anchor: "`as` + reporting verb + `by`",
        what: "`As reported by X, …`: the agent of the passive is the speaker",
        examples: &[yes(
            "As first reported by the Post, the agency had lost track of the files.",
            "the agency had lost track of the files",
            "the Post",
        )],
    },
    Spec {
        id: Construction::SpeakerCue,
        part: Part::Frame,
        anchor: "a reporting verb",
        what: "a speaker noun phrase right before the cue, past adverbs, auxiliaries and time \
               phrases (`the British premier on Saturday accused`)",
        examples: &[
            yes(
                "Putin says the United States has ignored Russia's key concerns.",
                "the United States has ignored Russia's key concerns",
                "Putin",
            ),
            yes(
                "The mayor told reporters on Tuesday that the bridge would reopen in May.",
                "the bridge would reopen in May",
                "The mayor",
            ),
            no("Putin did not say whether the troops would stay."),
            no("His claims that the vote was rigged were never proven."),
            no("He was told the bridge would reopen in May."),
        ],
    },
    Spec {
        id: Construction::AppositiveSpeaker,
        part: Part::Frame,
        anchor: "a reporting verb after a comma or dash",
        what: "a name and an appositive set off by commas or dashes before the cue, either \
               way round (`A spokeswoman for the port, Karen Li, said`)",
        examples: &[yes(
            "Haley Morris, a spokeswoman for the campaign, said the senator would attend.",
            "the senator would attend",
            "Haley Morris",
        )],
    },
    Spec {
        id: Construction::RelativeSpeaker,
        part: Part::Frame,
        anchor: "a reporting verb after `who`",
        what: "the antecedent of `who` speaks: `…, Army Capt. Christian Pardo, who said …`",
        examples: &[yes(
            "The convoy was led by Capt. Christian Pardo, who said the road was clear.",
            "the road was clear",
            "Capt. Christian Pardo",
        )],
    },
    Spec {
        id: Construction::InvertedSpeaker,
        part: Part::Frame,
        anchor: "a reporting verb after a closing quote or a comma",
        what: "the speaker after the cue (`said Putin`), never a pronoun, never after `told`",
        examples: &[
            yes(
                "\"We will not back down,\" said Ana Ruiz, the council's leader.",
                "We will not back down",
                "Ana Ruiz",
            ),
            no("\"We will not back down,\" said she was told."),
        ],
    },
    Spec {
        id: Construction::Participle,
        part: Part::Frame,
        anchor: "an `-ing` reporting verb after a comma",
        what: "`…, saying …`: the sentence's subject (or its frame's speaker) speaks",
        examples: &[yes(
            "Moscow has rejected the allegation, saying it has no plans to invade.",
            "it has no plans to invade",
            "Moscow",
        )],
    },
    Spec {
        id: Construction::SecondVerb,
        part: Part::Frame,
        anchor: "a reporting verb after `and` or `but`",
        what: "the subject's second verb: `Reid caucused on Saturday and says …`",
        examples: &[yes(
            "Reid caucused on Saturday and says he voted for the plan.",
            "he voted for the plan",
            "Reid",
        )],
    },
    Spec {
        id: Construction::WithParticiple,
        part: Part::Frame,
        anchor: "an `-ing` reporting verb after `with X`",
        what: "a participle with its own subject: `…, with the campaign saying …`",
        examples: &[yes(
            "The rally was cancelled, with the campaign saying the venue was unsafe.",
            "the venue was unsafe",
            "the campaign",
        )],
    },
    Spec {
        id: Construction::CitedAs,
        part: Part::Frame,
        anchor: "an `-ing` reporting verb after `cited X as`",
        what: "`cited Blinken as telling …`: the one cited speaks",
        examples: &[yes(
            "The ministry cited Blinken as telling Lavrov that the talks could go on.",
            "the talks could go on",
            "Blinken",
        )],
    },
    Spec {
        id: Construction::TranscriptTurn,
        part: Part::Frame,
        anchor: "a name in capitals and a colon opening a paragraph",
        what: "an interview transcript's turn, when the name appears in ordinary case elsewhere",
        examples: &[yes(
            "Gov. Mary Fallin spoke to us on Monday.\nFALLIN: Well, I think the budget will \
             pass this spring.",
            "Well, I think the budget will pass this spring",
            "FALLIN",
        )],
    },
    Spec {
        id: Construction::TweetSignature,
        part: Part::Frame,
        anchor: "a dash before `Name (@handle) Month D, YYYY`",
        what: "an embedded tweet: the paragraph's text before its links, said by the account \
               on the signature's day",
        examples: &[yes(
            "Today I'm proud to endorse Elizabeth Warren for president. \
             pic.twitter.com/xDvMEKq — Julian Castro (@JulianCastro) January 6, 2020",
            "Today I'm proud to endorse Elizabeth Warren for president",
            "Julian Castro",
        )],
    },
    Spec {
        id: Construction::FollowOnQuote,
        part: Part::Frame,
        anchor: "a quote opening a sentence, belonging to no claim",
        what: "a quote paragraph after a quoted claim is the same speaker's next claim",
        examples: &[yes(
            "\"We need a second vote,\" said Ana Ruiz.\n\"This time people know what they \
             are voting for.\"",
            "This time people know what they are voting for",
            "Ana Ruiz",
        )],
    },
    Spec {
        id: Construction::IntroducedQuote,
        part: Part::Frame,
        anchor: "a quote after a sentence ending in a colon, with no claim before it",
        what: "the subject of the colon's sentence, or its owner (`His advice`), speaks",
        examples: &[yes(
            "Pharmacist Dev Patel has seen it all. His advice is simple: check the label.\n\
             \"Two drugs that are safe alone can be dangerous together.\"",
            "Two drugs that are safe alone can be dangerous together",
            "His",
        )],
    },
    Spec {
        id: Construction::ThatClause,
        part: Part::Content,
        anchor: "`that` after the cue, past a listener and adjuncts",
        what: "the clause after `that`, to the sentence end or the next clause boundary",
        examples: &[yes(
            "Blinken told Lavrov on Tuesday that the talks could go on.",
            "the talks could go on",
            "Blinken",
        )],
    },
    Spec {
        id: Construction::BareClause,
        part: Part::Content,
        anchor: "a clause right after a say-type cue",
        what: "a clause with no `that` (`says the United States has …`), not a phrase \
               (`said on Twitter`) or an instruction (`told him to leave`)",
        examples: &[
            yes(
                "The senator says the bill will pass.",
                "the bill will pass",
                "The senator",
            ),
            no("The senator told him to leave the room at once."),
        ],
    },
    Spec {
        id: Construction::DroppedThat,
        part: Part::Content,
        anchor: "a subject pronoun and a verb after a that-cue",
        what: "`noted she had …`: a that-verb whose `that` was dropped",
        examples: &[yes(
            "Warren noted she had voted against the bill twice.",
            "she had voted against the bill twice",
            "Warren",
        )],
    },
    Spec {
        id: Construction::QuoteAfterCue,
        part: Part::Content,
        anchor: "an opening quote after the cue, a comma or a colon",
        what: "the quote: `said: \"…\"`, `told reporters, \"…\"`",
        examples: &[yes(
            "Peskov told reporters: \"There is no threat from Russia.\"",
            "There is no threat from Russia",
            "Peskov",
        )],
    },
    Spec {
        id: Construction::QuoteOpensClause,
        part: Part::Content,
        anchor: "an opening quote that stops mid-clause",
        what: "a quote that begins a longer clause: `saying \"on her worst day\" she'd be …`",
        examples: &[yes(
            "Sanders said \"on her worst day\" Clinton would be a better president.",
            "\"on her worst day\" Clinton would be a better president",
            "Sanders",
        )],
    },
    Spec {
        id: Construction::ColonClause,
        part: Part::Content,
        anchor: "a colon after a say-type cue",
        what: "the clause after the colon",
        examples: &[yes(
            "The minister said: the border will stay open through the winter.",
            "the border will stay open through the winter",
            "The minister",
        )],
    },
    Spec {
        id: Construction::QuoteAfterColon,
        part: Part::Content,
        anchor: "a colon a few words after the cue, then a quote",
        what: "`tweeted in response: \"…\"`: the words between start no clause",
        examples: &[yes(
            "Trump tweeted in response: \"The Fake News Media is working overtime.\"",
            "The Fake News Media is working overtime",
            "Trump",
        )],
    },
    Spec {
        id: Construction::Promise,
        part: Part::Content,
        anchor: "`to` + verb after a promise cue",
        what: "what was promised, from its verb: `pledged on Tuesday to enact reform`",
        examples: &[yes(
            "The governor pledged on Tuesday to veto any budget that cuts school funding.",
            "veto any budget that cuts school funding",
            "The governor",
        )],
    },
    Spec {
        id: Construction::Accusation,
        part: Part::Content,
        anchor: "an object and `of` after an accuse-type cue",
        what: "what the accused is said to have done (`accused Russia of massing troops` → \
               `massing troops`); the claim's span keeps the accused",
        examples: &[yes(
            "The British premier accused Russia of massing troops on the border.",
            "massing troops on the border",
            "The British premier",
        )],
    },
    Spec {
        id: Construction::ObjectContent,
        part: Part::Content,
        anchor: "a noun phrase after deny, announce, acknowledge, admit, confirm, predict, \
                 warn of",
        what: "the object, to the first comma outside quotes: `Trump, who denies any \
               relationship with her, has said …`",
        examples: &[
            yes(
                "Walsh announced the end of his campaign on CNN.",
                "the end of his campaign on CNN",
                "Walsh",
            ),
            yes(
                "Economists warned of a long recession after the vote.",
                "a long recession after the vote",
                "Economists",
            ),
            no("She denied it."),
        ],
    },
    Spec {
        id: Construction::NamesObject,
        part: Part::Content,
        anchor: "call, describe, dismiss, label or brand with an object",
        what: "the object and what it is called, when `as`, a quote or a second noun phrase \
               says so; not `called for`, `called on X to`",
        examples: &[
            yes(
                "Schumer called the tax deduction the \"Achilles' heel\" of the bill.",
                "the tax deduction the \"Achilles' heel\" of the bill",
                "Schumer",
            ),
            yes(
                "The minister described the deal as a betrayal of farmers.",
                "the deal as a betrayal of farmers",
                "The minister",
            ),
            no("The senator called for an inquiry into the contracts."),
            no("She called her mother on Sunday."),
        ],
    },
    Spec {
        id: Construction::QuoteBefore,
        part: Part::Content,
        anchor: "a closing quote before a trailing frame",
        what: "`\"…,\" he said`: the quote is the claim",
        examples: &[yes(
            "\"The bridge is safe,\" the engineer said on Monday.",
            "The bridge is safe",
            "the engineer",
        )],
    },
    Spec {
        id: Construction::ClauseBefore,
        part: Part::Content,
        anchor: "a trailing frame after a comma",
        what: "the clause from the sentence start: `As a friend …, Johnson said on Twitter`",
        examples: &[yes(
            "The flooding was caused by a dam failure upstream, Okafor said.",
            "The flooding was caused by a dam failure upstream",
            "Okafor",
        )],
    },
    Spec {
        id: Construction::QuoteSentenceBefore,
        part: Part::Content,
        anchor: "a frame that is a sentence of its own after a quote",
        what: "`\"It is over.\" Putin said.`",
        examples: &[yes(
            "\"It is over for the old rules.\" Putin said.",
            "It is over for the old rules",
            "Putin",
        )],
    },
    Spec {
        id: Construction::Interrupted,
        part: Part::Content,
        anchor: "a frame set off by commas inside its claim",
        what: "the part before the frame and the part after it, as one claim: `The club's \
               investment, Ms. Tanzer said, \"is a perfect example\"`",
        examples: &[yes(
            "The club's investment in its courts, Ms. Tanzer said, \"is a perfect example of \
             our plans.\"",
            "The club's investment in its courts … is a perfect example of our plans",
            "Ms. Tanzer",
        )],
    },
    Spec {
        id: Construction::AsAside,
        part: Part::Content,
        anchor: "a frame after `, as` and before a comma",
        what: "the claim around the aside: the words before `, as` and after the frame",
        examples: &[yes(
            "Comey, as he testified before Congress, refused to comply with that request.",
            "Comey … refused to comply with that request",
            "he",
        )],
    },
    Spec {
        id: Construction::RelativeGap,
        part: Part::Content,
        anchor: "a reporting verb after `who`, `which` or `that` and its speaker, before a verb",
        what: "the rest of the relative clause, to its comma: `who police say was wanted …`",
        examples: &[yes(
            "A male suspect, who police say was wanted for violent crimes, was killed.",
            "was wanted for violent crimes",
            "police",
        )],
    },
    Spec {
        id: Construction::ClaimNoun,
        part: Part::Frame,
        anchor: "claim, assertion, allegation, insistence … after a possessive, before `that`",
        what: "the owner said the that-clause: `fed Trump's claims that the vote was rigged`",
        examples: &[yes(
            "The ad repeated Trump's claims that the election had been stolen from him.",
            "the election had been stolen from him",
            "Trump's",
        )],
    },
    Spec {
        id: Construction::AsNoted,
        part: Part::Content,
        anchor: "`as` opening a frame that ends at a comma",
        what: "`As another Pew study noted, …`: the content follows the comma",
        examples: &[yes(
            "As Senator Warren noted, the average age of farmers keeps rising.",
            "the average age of farmers keeps rising",
            "Senator Warren",
        )],
    },
];

impl Construction {
    /// Its name, as `eval --explain` shows it.
    pub fn name(self) -> String {
        serde_json::to_value(self)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::{Article, Location};

    fn article(body: &str) -> Article {
        Article {
            id: "example".into(),
            title: None,
            date: chrono::NaiveDate::from_ymd_opt(2022, 2, 1).expect("date"),
            url: "https://example.com/a".into(),
            publisher: "example.com".into(),
            body: body.into(),
            location: Location {
                file: "example.txt".into(),
                line: None,
            },
        }
    }

    #[test]
    fn every_construction_is_in_the_table_once() {
        let mut ids: Vec<Construction> = CONSTRUCTIONS.iter().map(|s| s.id).collect();
        let n = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), n, "no construction listed twice");
        for s in CONSTRUCTIONS {
            assert!(!s.examples.is_empty(), "{:?} has examples", s.id);
            assert!(
                s.examples.iter().any(|e| e.claim.is_some()),
                "{:?} has a positive example",
                s.id
            );
        }
    }

    /// Every example of every construction, replayed: a positive one gives its claim, with
    /// its speaker, made by that construction; a negative one gives no claim at all.
    #[test]
    fn every_example_of_every_construction() {
        let mut failures = Vec::new();
        for s in CONSTRUCTIONS {
            for e in s.examples {
                let found = super::super::claims_explained(&article(e.text));
                match e.claim {
                    None => {
                        if let Some((c, _)) = found.first() {
                            failures
                                .push(format!("{:?}: {:?} gave {:?}", s.id, e.text, c.claim_text));
                        }
                    }
                    Some(claim) => {
                        let hit = found.iter().find(|(c, _)| c.claim_text == claim);
                        match hit {
                            None => failures.push(format!(
                                "{:?}: {:?} gave {:?}, not {claim:?}",
                                s.id,
                                e.text,
                                found
                                    .iter()
                                    .map(|(c, r)| (c.claim_text.clone(), r.frame, r.content))
                                    .collect::<Vec<_>>()
                            )),
                            Some((c, r)) => {
                                if !r.has(s.id) {
                                    failures.push(format!(
                                        "{:?}: {:?} was made by {:?} + {:?}",
                                        s.id, e.text, r.frame, r.content
                                    ));
                                }
                                if c.claimant_mention.as_deref() != e.speaker
                                    && c.claimant.as_deref() != e.speaker
                                {
                                    failures.push(format!(
                                        "{:?}: {:?} gave the speaker {:?}, not {:?}",
                                        s.id, e.text, c.claimant_mention, e.speaker
                                    ));
                                }
                            }
                        }
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }
}
