//! Gold claims (the layout of the converted `PolNeAR` gold.jsonl, and of `eval/`'s own sets,
//! which add canonical claimants and claim dates) and the fixed policy of which annotations
//! are scored.
//!
//! **Which gold claims count.** Annotations such as `PolNeAR`'s mark more than fact-check
//! claims: beliefs, intentions, wishes ("Obama believes …", "Trump wants …"). By default
//! only gold claims cued by a speech act are scored: a cue holding one of [`SPEECH_CUES`]
//! (say, tell and the other verbs of saying, writing, declaring, accusing, praising,
//! criticising, promising), `according to`, a colon or a dash. Beliefs, wishes, plans, and
//! what polls or studies "show" or "found" are left out. The list is the scorer's own and
//! fixed: it does not follow the extractor's lexicon, so that teaching the extractor a new
//! verb cannot change what it is scored on.

use std::path::Path;

use serde::Deserialize;

/// One gold claim.
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    /// The article's id.
    pub article_id: String,
    /// The claimant as written (often a pronoun).
    #[serde(default)]
    pub claimant: Option<String>,
    /// An automatic resolution of a pronoun claimant, if the file has one (`PolNeAR`).
    #[serde(default)]
    pub claimant_resolved_auto: Option<String>,
    /// The claimant's canonical full name as a person resolved it; `null` for an unnamed
    /// source. Present in hand-made sets; when absent, strict attribution falls back on the
    /// written claimant or its automatic resolution.
    #[serde(default, deserialize_with = "canonical_if_present")]
    pub claimant_canonical: Option<Canonical>,
    /// The claim's text.
    pub claim_text: String,
    /// `direct`, `indirect` or `mixed`.
    pub quote_type: String,
    /// The cue, when annotated.
    #[serde(default)]
    pub cue: Option<String>,
    /// Whether the claim is in the headline.
    #[serde(default)]
    pub in_title: bool,
    /// Where the claim starts in the body, in code points, when the file says.
    #[serde(default)]
    pub char_start: Option<u32>,
    /// Where the claim ends in the body, in code points, when the file says.
    #[serde(default)]
    pub char_end: Option<u32>,
    /// The day the claim was made (`YYYY-MM-DD`), in sets that annotate it.
    #[serde(default)]
    pub claim_date: Option<String>,
    /// `text` or `article`: whether `claim_date` came from a date expression. Only claims
    /// with a basis have their date scored.
    #[serde(default)]
    pub claim_date_basis: Option<String>,
}

/// Who a hand-made set says made a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Canonical {
    /// The article never names the source.
    Unnamed,
    /// The fullest name the article gives.
    Named(String),
}

/// `null` is an unnamed source, a string a name; a field left out is `None`.
fn canonical_if_present<'de, D: serde::Deserializer<'de>>(
    d: D,
) -> Result<Option<Canonical>, D::Error> {
    Option::<String>::deserialize(d).map(|c| Some(c.map_or(Canonical::Unnamed, Canonical::Named)))
}

/// Verbs of speech whose forms make a gold cue count: fixed, and independent of the
/// extractor's lexicon. A cue counts when one of its words is one of these.
pub const SPEECH_CUES: &[&str] = &[
    "say",
    "says",
    "said",
    "saying",
    "tell",
    "tells",
    "told",
    "telling",
    "state",
    "states",
    "stated",
    "stating",
    "add",
    "adds",
    "added",
    "adding",
    "claim",
    "claims",
    "claimed",
    "claiming",
    "argue",
    "argues",
    "argued",
    "arguing",
    "insist",
    "insists",
    "insisted",
    "insisting",
    "warn",
    "warns",
    "warned",
    "warning",
    "deny",
    "denies",
    "denied",
    "denying",
    "announce",
    "announces",
    "announced",
    "announcing",
    "explain",
    "explains",
    "explained",
    "explaining",
    "write",
    "writes",
    "wrote",
    "written",
    "writing",
    "tweet",
    "tweets",
    "tweeted",
    "tweeting",
    "post",
    "posts",
    "posted",
    "note",
    "notes",
    "noted",
    "noting",
    "report",
    "reports",
    "reported",
    "reporting",
    "testify",
    "testifies",
    "testified",
    "testifying",
    "confirm",
    "confirms",
    "confirmed",
    "confirming",
    "acknowledge",
    "acknowledges",
    "acknowledged",
    "acknowledging",
    "admit",
    "admits",
    "admitted",
    "admitting",
    "agree",
    "agrees",
    "agreed",
    "agreeing",
    "declare",
    "declares",
    "declared",
    "declaring",
    "respond",
    "responds",
    "responded",
    "responding",
    "reply",
    "replies",
    "replied",
    "replying",
    "predict",
    "predicts",
    "predicted",
    "predicting",
    "allege",
    "alleges",
    "alleged",
    "alleging",
    "accuse",
    "accuses",
    "accused",
    "accusing",
    "criticize",
    "criticizes",
    "criticized",
    "criticizing",
    "criticise",
    "criticises",
    "criticised",
    "criticising",
    "praise",
    "praises",
    "praised",
    "praising",
    "describe",
    "describes",
    "described",
    "describing",
    "question",
    "questions",
    "questioned",
    "questioning",
    "call",
    "calls",
    "called",
    "calling",
    "promise",
    "promises",
    "promised",
    "promising",
    "pledge",
    "pledges",
    "pledged",
    "pledging",
    "vow",
    "vows",
    "vowed",
    "vowing",
    "assert",
    "asserts",
    "asserted",
    "asserting",
    "contend",
    "contends",
    "contended",
    "contending",
    "maintain",
    "maintains",
    "maintained",
    "maintaining",
    "suggest",
    "suggests",
    "suggested",
    "suggesting",
    "recall",
    "recalls",
    "recalled",
    "recalling",
    "concede",
    "concedes",
    "conceded",
    "conceding",
    "complain",
    "complains",
    "complained",
    "complaining",
    "charge",
    "charges",
    "charged",
    "charging",
    "blame",
    "blames",
    "blamed",
    "blaming",
    "dismiss",
    "dismisses",
    "dismissed",
    "dismissing",
    "reject",
    "rejects",
    "rejected",
    "rejecting",
    "point",
    "points",
    "pointed",
    "pointing",
    "speak",
    "speaks",
    "spoke",
    "spoken",
    "speaking",
    "remark",
    "remarks",
    "remarked",
    "stress",
    "stresses",
    "stressed",
    "stressing",
    "emphasize",
    "emphasizes",
    "emphasized",
    "emphasizing",
    "boast",
    "boasts",
    "boasted",
    "boasting",
    "quip",
    "quips",
    "quipped",
    "joke",
    "jokes",
    "joked",
    "joking",
];

impl Gold {
    /// Whether this gold claim is scored by the policy in the module docs.
    pub fn is_claim(&self) -> bool {
        let cue = self.cue.as_deref().unwrap_or("").trim().to_lowercase();
        let words: Vec<&str> = cue
            .split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .filter(|w| !w.is_empty())
            .collect();
        cue == ":"
            || cue.starts_with('—')
            || cue.starts_with('–')
            || cue.starts_with("--")
            || cue.contains("according to")
            || words.iter().any(|w| SPEECH_CUES.contains(w))
    }
}

/// Reads gold claims from JSON Lines; a line that is not a gold claim stops the run with its
/// file and line.
pub fn read_gold(path: &Path) -> Result<Vec<Gold>, crate::Error> {
    use std::io::BufRead;
    let read_err = |source| crate::Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_err)?;
    let mut gold = Vec::new();
    for (k, line) in std::io::BufReader::new(file).lines().enumerate() {
        let line = line.map_err(read_err)?;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str(&line) {
            Ok(g) => gold.push(g),
            Err(e) => {
                return Err(crate::Error::Line {
                    path: path.to_path_buf(),
                    line: k as u64 + 1,
                    message: format!(
                        "not a gold claim: {e}: each line is one object with article_id, \
                         claim_text and quote_type"
                    ),
                });
            }
        }
    }
    Ok(gold)
}
