//! The word lists the extraction rules consult: reporting verbs, titles, places, organisations.
//!
//! Lists are lowercase and matched against [`super::document::Doc::lo`], where the typographic
//! apostrophe is already folded to `'`.

use std::sync::LazyLock;

use rustc_hash::FxHashMap;

/// Defines `fn name(lower: &str) -> bool`, true for the listed words; the set is built on
/// first use. A macro so that the lists stay compact, several words a line.
macro_rules! word_list {
    ($(#[$doc:meta])* $vis:vis fn $name:ident = [$($word:literal),* $(,)?];) => {
        $(#[$doc])*
        $vis fn $name(lower: &str) -> bool {
            static SET: LazyLock<WordSet<()>> =
                LazyLock::new(|| WordSet::new([$(($word, ())),*]));
            SET.get(lower).is_some()
        }
    };
}

/// Words mapped to values, behind two 1,024-bit filters: on (first letter, length) and on
/// (last letter, length). Every token is looked up in many lists and most tokens are in none:
/// the filters turn them away with shifts and masks instead of hashing and comparing.
struct WordSet<V> {
    first: [u64; 16],
    last: [u64; 16],
    /// Words of up to 15 bytes — nearly all — packed with their length into one integer,
    /// so that a lookup hashes and compares integers instead of calling `memcmp`.
    short: FxHashMap<u128, V>,
    long: FxHashMap<&'static str, V>,
}

impl<V: Copy> WordSet<V> {
    fn new(words: impl IntoIterator<Item = (&'static str, V)>) -> Self {
        let mut set = WordSet {
            first: [0; 16],
            last: [0; 16],
            short: FxHashMap::default(),
            long: FxHashMap::default(),
        };
        for (w, v) in words {
            if let Some((f, l)) = Self::slots(w) {
                set.first[f >> 6] |= 1 << (f & 63);
                set.last[l >> 6] |= 1 << (l & 63);
            }
            match packed(w) {
                Some(key) => set.short.insert(key, v),
                None => set.long.insert(w, v),
            };
        }
        set
    }

    /// The filter bits of a word: five bits of its first (or last) byte, so that `a` and `A`
    /// share one, and five of its length (31 for 31 and longer).
    fn slots(w: &str) -> Option<(usize, usize)> {
        let b = w.as_bytes();
        let len = b.len().min(31);
        Some((
            usize::from(b.first()? & 31) << 5 | len,
            usize::from(b[b.len() - 1] & 31) << 5 | len,
        ))
    }

    fn get(&self, w: &str) -> Option<V> {
        let (f, l) = Self::slots(w)?;
        if self.first[f >> 6] >> (f & 63) & 1 == 0 || self.last[l >> 6] >> (l & 63) & 1 == 0 {
            return None;
        }
        match packed(w) {
            Some(key) => self.short.get(&key).copied(),
            None => self.long.get(w).copied(),
        }
    }
}

/// A word of up to 15 bytes as one integer: its bytes, then its length in the top byte, so
/// that two words pack alike only when they are equal.
fn packed(w: &str) -> Option<u128> {
    let b = w.as_bytes();
    let mut key = [0; 16];
    key.get_mut(..b.len())
        .filter(|_| b.len() < 16)?
        .copy_from_slice(b);
    key[15] = b.len() as u8;
    Some(u128::from_le_bytes(key))
}

/// The reporting verb may introduce a clause without `that`: `Putin says the US ignored …`.
pub(crate) const BARE: u16 = 1;
/// The reporting verb may introduce a `that` clause: `she noted that …`.
pub(crate) const THAT: u16 = 2;
/// The verb can frame a quote or a preceding clause: `"…," he added`.
pub(crate) const FRAME: u16 = 4;
/// The verb takes the listener as object before the clause: `told reporters (that) …`.
pub(crate) const OBJ: u16 = 8;
/// `accused X of …`: the claim is the object and its `of` phrase.
pub(crate) const ACCUSE: u16 = 16;
/// A commitment with a `to` infinitive: `pledged to enact judicial reform`. Fact-checkers
/// track promises, so what was promised is the claim.
pub(crate) const INF: u16 = 32;

/// The verb's object is what was said: `denied any wrongdoing`, `announced the end of his
/// campaign`, `predicted a strong quarter`, `warned of a recession`.
pub(crate) const NP: u16 = 128;
/// The verb says what something is: `called the plan a "disaster"`, `described the deal as
/// a betrayal`; the object and what it is called are the claim.
pub(crate) const NAMES: u16 = 256;

/// A particle verb, a cue only with `out` after it: `pointed out that …`.
pub(crate) const OUT: u16 = 64;

/// A reporting verb form.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cue {
    /// The `-ing` form, which attaches to the subject of its sentence: `…, saying …`.
    pub(crate) ing: bool,
    /// The past tense (`said`, `wrote`), which is never a noun: `said of the industry`.
    pub(crate) past: bool,
    pub(crate) flags: u16,
}

impl Cue {
    pub(crate) fn has(self, flag: u16) -> bool {
        self.flags & flag != 0
    }
}

/// Reporting verbs: base, third person, past, `-ing`; then what they allow.
const CUES: &[([&str; 4], u16)] = &[
    (["say", "says", "said", "saying"], BARE | THAT | FRAME),
    (
        ["tell", "tells", "told", "telling"],
        BARE | THAT | FRAME | OBJ,
    ),
    (
        ["claim", "claims", "claimed", "claiming"],
        BARE | THAT | FRAME,
    ),
    (
        ["insist", "insists", "insisted", "insisting"],
        BARE | THAT | FRAME,
    ),
    (
        ["argue", "argues", "argued", "arguing"],
        BARE | THAT | FRAME,
    ),
    (
        ["contend", "contends", "contended", "contending"],
        BARE | THAT | FRAME,
    ),
    (
        ["assert", "asserts", "asserted", "asserting"],
        BARE | THAT | FRAME,
    ),
    (["allege", "alleges", "alleged", "alleging"], THAT | FRAME),
    (
        ["warn", "warns", "warned", "warning"],
        BARE | THAT | FRAME | OBJ | NP,
    ),
    (["write", "writes", "wrote", "writing"], THAT | FRAME),
    (["tweet", "tweets", "tweeted", "tweeting"], THAT | FRAME),
    (["add", "adds", "added", "adding"], THAT | FRAME),
    (["note", "notes", "noted", "noting"], THAT | FRAME),
    (
        ["explain", "explains", "explained", "explaining"],
        THAT | FRAME,
    ),
    (
        ["stress", "stresses", "stressed", "stressing"],
        THAT | FRAME,
    ),
    (
        ["emphasize", "emphasizes", "emphasized", "emphasizing"],
        THAT | FRAME,
    ),
    (
        ["emphasise", "emphasises", "emphasised", "emphasising"],
        THAT | FRAME,
    ),
    (
        ["reiterate", "reiterates", "reiterated", "reiterating"],
        THAT | FRAME,
    ),
    (
        [
            "acknowledge",
            "acknowledges",
            "acknowledged",
            "acknowledging",
        ],
        THAT | FRAME | NP,
    ),
    (
        ["admit", "admits", "admitted", "admitting"],
        THAT | FRAME | NP,
    ),
    (
        ["concede", "concedes", "conceded", "conceding"],
        THAT | FRAME,
    ),
    (
        ["confirm", "confirms", "confirmed", "confirming"],
        THAT | FRAME | NP,
    ),
    (
        ["announce", "announces", "announced", "announcing"],
        THAT | FRAME | NP,
    ),
    (
        ["declare", "declares", "declared", "declaring"],
        THAT | FRAME,
    ),
    // "state" and "states" are nearly always nouns in news ("the former Soviet states").
    (["", "", "stated", "stating"], THAT | FRAME),
    (
        ["maintain", "maintains", "maintained", "maintaining"],
        THAT | FRAME,
    ),
    (
        ["predict", "predicts", "predicted", "predicting"],
        THAT | FRAME | NP,
    ),
    (
        ["suggest", "suggests", "suggested", "suggesting"],
        THAT | FRAME,
    ),
    (["report", "reports", "reported", "reporting"], THAT | FRAME),
    (["reveal", "reveals", "revealed", "revealing"], THAT),
    (["disclose", "discloses", "disclosed", "disclosing"], THAT),
    (["boast", "boasts", "boasted", "boasting"], THAT | FRAME),
    (
        ["complain", "complains", "complained", "complaining"],
        THAT | FRAME,
    ),
    (["charge", "charges", "charged", "charging"], THAT | FRAME),
    (
        ["counter", "counters", "countered", "countering"],
        THAT | FRAME,
    ),
    (["reply", "replies", "replied", "replying"], THAT | FRAME),
    (
        ["respond", "responds", "responded", "responding"],
        THAT | FRAME,
    ),
    (["recall", "recalls", "recalled", "recalling"], THAT | FRAME),
    (
        ["observe", "observes", "observed", "observing"],
        THAT | FRAME,
    ),
    (["remark", "remarks", "remarked", "remarking"], THAT | FRAME),
    (["continue", "continues", "continued", "continuing"], FRAME),
    (
        ["conclude", "concludes", "concluded", "concluding"],
        THAT | FRAME,
    ),
    (["estimate", "estimates", "estimated", "estimating"], THAT),
    (
        ["testify", "testifies", "testified", "testifying"],
        THAT | FRAME,
    ),
    (["agree", "agrees", "agreed", "agreeing"], THAT),
    (["deny", "denies", "denied", "denying"], THAT | FRAME | NP),
    (
        ["caution", "cautions", "cautioned", "cautioning"],
        THAT | FRAME | OBJ,
    ),
    (["quip", "quips", "quipped", "quipping"], FRAME),
    (["joke", "jokes", "joked", "joking"], THAT | FRAME),
    (["vow", "vows", "vowed", "vowing"], THAT | FRAME | INF),
    (
        ["promise", "promises", "promised", "promising"],
        THAT | FRAME | INF | OBJ,
    ),
    (
        ["pledge", "pledges", "pledged", "pledging"],
        THAT | FRAME | INF,
    ),
    (["assure", "assures", "assured", "assuring"], THAT | OBJ),
    (["find", "finds", "found", "finding"], THAT),
    (["show", "shows", "showed", "showing"], THAT),
    (["indicate", "indicates", "indicated", "indicating"], THAT),
    (["accuse", "accuses", "accused", "accusing"], ACCUSE),
    // Naming what someone is: `called the plan a "disaster"`, `described it as …`.
    (["call", "calls", "called", "calling"], NAMES),
    (
        ["describe", "describes", "described", "describing"],
        THAT | NAMES,
    ),
    (["dismiss", "dismisses", "dismissed", "dismissing"], NAMES),
    (["label", "labels", "labeled", "labeling"], NAMES),
    (["brand", "brands", "branded", "branding"], NAMES),
    // Only with its particle: `pointed out that …` (`at one point` is a noun).
    (["", "points", "pointed", "pointing"], THAT | FRAME | OUT),
];

/// Looks a lowercase word up as a reporting verb.
pub(crate) fn cue(word: &str) -> Option<Cue> {
    // Called for most tokens, several times: one hash lookup, not a scan of every form.
    static FORMS: LazyLock<WordSet<Cue>> = LazyLock::new(|| {
        WordSet::new(CUES.iter().flat_map(|(forms, flags)| {
            forms
                .iter()
                .enumerate()
                .filter(|(_, f)| !f.is_empty())
                .map(move |(k, f)| {
                    (
                        *f,
                        Cue {
                            ing: k == 3,
                            past: k == 2,
                            flags: *flags,
                        },
                    )
                })
        }))
    });
    FORMS.get(word)
}

/// Words that shorten with a dot (`Mr.`, `Jan.`, `Calif.`), matched as written because state
/// abbreviations are only abbreviations when capitalised (`Mass.` but not `mass.`).
pub(crate) fn is_abbreviation(word: &str) -> bool {
    word_list! {
        fn any_case = [
            "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "maj",
            "capt", "sgt", "adm", "cmdr", "cpl", "pvt", "st", "jr", "sr", "inc", "corp", "co",
            "ltd", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
            "oct", "nov", "dec", "mt", "ft", "fig", "rev", "hon", "pres", "supt", "gens", "reps",
            "sens", "messrs", "no", "nos", "approx", "dept", "est", "univ", "assn", "bros", "e.g",
            "i.e",
        ];
    }
    word_list! {
        fn capitalised = [
            "Ala", "Ariz", "Ark", "Calif", "Colo", "Conn", "Del", "Fla", "Ga", "Ill", "Ind",
            "Kan", "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb",
            "Nev", "Okla", "Ore", "Pa", "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo",
            "Wisc",
        ];
    }
    // Every abbreviation is short ASCII: lowercase it on the stack.
    let mut buf = [0u8; 6];
    if word.len() > buf.len() || !word.is_ascii() {
        return false;
    }
    if capitalised(word) {
        return true;
    }
    let lower = &mut buf[..word.len()];
    lower.copy_from_slice(word.as_bytes());
    lower.make_ascii_lowercase();
    let lower = std::str::from_utf8(lower).expect("ASCII stays UTF-8");
    if lower == "no" {
        // "No." only as in "No. 5"; a sentence-final "no." is common in quotes.
        return word == "No";
    }
    any_case(lower)
}

word_list! {
    /// Capitalised words that open sentences and are not names.
    pub(crate) fn is_sentence_opener = [
        "the", "a", "an", "but", "and", "he", "she", "it", "they", "we", "i", "in", "this",
        "that", "there", "his", "her", "their", "its", "on", "at", "after", "as", "while", "if",
        "when", "for", "mr.", "mrs.", "ms.",
    ];
}

word_list! {
    pub(crate) fn is_determiner = [
        "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our",
        "my", "your", "one", "two", "three", "four", "five", "six", "several", "some", "many",
        "most", "other", "another", "both", "all", "each", "every", "no", "any", "few",
        "dozens", "hundreds", "thousands",
    ];
}

word_list! {
    /// Determiners that make a description indefinite, hence an unnamed source.
    pub(crate) fn is_indefinite = [
        "a", "an", "one", "two", "three", "four", "five", "six", "several", "some", "many",
        "most", "other", "another", "few", "dozens", "hundreds", "thousands", "both", "all",
        "various", "numerous",
    ];
}

word_list! {
    pub(crate) fn is_auxiliary = [
        "has", "have", "had", "is", "are", "was", "were", "be", "been", "being", "do", "does",
        "did", "'s", "'ve", "'d", "am",
    ];
}

word_list! {
    pub(crate) fn is_modal = [
        "will", "would", "could", "should", "might", "may", "must", "can", "shall", "'ll", "wo",
        "ca",
    ];
}

word_list! {
    pub(crate) fn is_negation = [
        "not", "never", "n't", "didn't", "doesn't", "don't", "hasn't", "haven't", "hadn't",
        "won't", "wouldn't", "cannot", "can't", "neither", "nor",
    ];
}

word_list! {
    /// Adverbs that sit between a speaker and the verb: `Putin also said`.
    pub(crate) fn is_speech_adverb = [
        "also", "again", "later", "previously", "repeatedly", "reportedly", "publicly",
        "privately", "recently", "earlier", "once", "then", "now", "still", "further",
        "separately", "subsequently", "initially", "first", "originally", "often", "frequently",
        "openly", "flatly", "firmly", "strongly", "explicitly", "bluntly", "simply", "just",
        "already", "long", "finally", "similarly", "likewise", "however", "meanwhile",
        "yesterday", "today", "tonight", "angrily", "sharply", "quickly", "immediately",
        "emphatically", "falsely", "wrongly", "correctly", "accurately", "specifically",
        "directly", "personally", "formally", "officially", "initially,", "has", "have", "had",
        "only", "also,", "too", "herself", "himself", "themselves",
        "itself", "indeed", "quietly", "loudly", "confidently", "happily", "proudly",
    ];
}

word_list! {
    /// Words of the page furniture pasted into article text (`READ MORE:`, `FILE PHOTO:`,
    /// `Story continues below advertisement`, `Photo credit:`): a capitalised run of them is
    /// a label, never a name.
    pub(crate) fn is_furniture_word = [
        "read", "more", "related", "file", "photo", "photos", "video", "watch", "listen",
        "advertisement", "story", "continues", "below", "click", "here", "subscribe",
        "credit", "caption", "editor's", "note", "update", "updated", "breaking", "news",
        "sponsored", "content", "share", "comments", "top", "stories",
    ];
}

word_list! {
    /// Lowercase particles inside names: `Bill de Blasio`, `Ludwig van Beethoven`.
    pub(crate) fn is_name_particle = [
        "de", "van", "von", "bin", "al", "da", "del", "la", "le", "du", "der", "den", "di",
    ];
}

word_list! {
    /// Suffixes after a surname: `Jerry Falwell Jr.`, `Henry Ford III`.
    pub(crate) fn is_name_suffix = [
        "jr.", "jr", "sr.", "sr", "ii", "iii", "iv", "v",
    ];
}

word_list! {
    /// Words that open sentences capitalised and never begin a name.
    pub(crate) fn is_opening_word = [
        "besides", "first", "second", "third", "finally", "meanwhile", "however", "still",
        "also", "then", "now", "today", "yesterday", "despite", "although", "though",
        "because", "since", "unlike", "like", "among", "during", "before", "after", "without",
        "overall", "instead", "indeed", "perhaps", "maybe", "yet", "so", "even", "only",
        "just", "next", "last", "earlier", "later", "here", "there", "where", "what", "why",
        "how", "who", "which", "whether", "according", "asked", "told", "read", "watch",
        "related", "file", "photo", "update", "editor's", "advertisement", "story",
    ];
}

word_list! {
    /// Nouns of saying that take a that-clause: `Trump's claims that …`.
    pub(crate) fn is_claim_noun = [
        "claim", "claims", "assertion", "assertions", "allegation", "allegations", "contention",
        "insistence", "argument", "arguments", "warning", "warnings", "promise", "promises",
        "pledge", "statement", "denial", "admission", "boast", "prediction", "charge",
        "accusation", "accusations", "suggestion", "declaration",
    ];
}

word_list! {
    /// Events where claims are made: `at a Wednesday rally`, `in the 2016 debate`.
    pub(crate) fn is_event_noun = [
        "rally", "speech", "interview", "debate", "hearing", "meeting", "conference",
        "briefing", "address", "appearance", "event", "forum", "town", "summit", "session",
        "testimony", "deposition", "broadcast", "podcast", "program", "show", "op-ed",
        "campaign", "convention", "visit", "trip", "panel", "workshop",
    ];
}

word_list! {
    /// Documents that speak for who wrote them: `the statement said`, `the report found`.
    pub(crate) fn is_document_head = [
        "statement", "statements", "report", "reports", "study", "studies", "memo", "memos",
        "letter", "letters", "filing", "filings", "document", "documents", "analysis",
        "complaint", "lawsuit", "suit", "indictment", "release", "email", "emails", "message",
        "post", "tweet", "editorial", "ad", "advertisement", "video", "data", "figures",
        "records", "research", "review", "audit", "poll", "polls", "survey", "surveys",
        "petition", "manifesto", "proposal", "plan", "website", "site", "book", "article",
        "results",
    ];
}

word_list! {
    /// What follows `and` or `&` in a company's name: `Cowen and Co`, `Smith & Sons`.
    pub(crate) fn is_company_suffix = [
        "co", "co.", "company", "sons", "partners", "associates", "co.,", "cos", "brothers",
    ];
}

word_list! {
    /// Verbs and nouns that make the clause after their `that` a demand, not a report:
    /// `demanding that the alliance deny Ukraine membership`.
    pub(crate) fn is_mandative = [
        "demand", "demands", "demanded", "demanding", "propose", "proposes", "proposed",
        "proposing", "ask", "asks", "asked", "asking", "urge", "urges", "urged", "urging",
        "require", "requires", "required", "requiring", "recommend", "recommends",
        "recommended", "recommending", "request", "requests", "requested", "requesting",
        "order", "orders", "ordered", "ordering", "demand", "proposal", "request",
        "requirement", "insistence",
    ];
}

word_list! {
    pub(crate) fn is_preposition = [
        "in", "on", "at", "to", "for", "from", "with", "by", "about", "during", "after",
        "before", "over", "under", "into", "through", "via", "near", "against", "without",
        "within", "amid", "despite", "since", "until", "across", "around", "behind", "upon",
        "toward", "towards", "outside", "inside", "onto", "per", "like", "unlike", "than",
    ];
}

word_list! {
    /// Words that begin a subordinate clause and so end a noun phrase scanned backwards.
    pub(crate) fn is_clause_word = [
        "that", "which", "who", "whom", "whose", "when", "where", "while", "because", "if",
        "although", "though", "whether", "but", "so", "yet", "as", "unless", "whereas", "why",
        "how", "what", "then", "or", "nor", "once", "whereby",
    ];
}

word_list! {
    /// Words that open an embedded question or instruction rather than a claim.
    pub(crate) fn opens_non_claim = [
        "whether", "why", "how", "what", "who", "whom", "when", "where", "which", "to",
        "goodbye", "nothing", "something", "anything", "so", "yes", "no", "hello", "thanks",
        "sorry", "please",
    ];
}

pub(crate) fn subject_pronoun(lower: &str) -> Option<Pronoun> {
    Some(match lower {
        "he" | "she" => Pronoun::Person,
        "it" => Pronoun::Thing,
        "they" => Pronoun::Plural,
        "i" | "we" | "you" => Pronoun::Speaker,
        _ => return None,
    })
}

/// What a subject pronoun can refer to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Pronoun {
    /// he, she
    Person,
    /// it
    Thing,
    /// they
    Plural,
    /// I, we, you: the writer or the reader, never a claimant outside quotes.
    Speaker,
}

word_list! {
    fn title_word_listed = [
        "president", "vice", "prime", "minister", "secretary", "foreign", "defense", "defence",
        "interior", "finance", "treasury", "senator", "sen.", "rep.", "representative", "gov.",
        "governor", "mayor", "chancellor", "king", "queen", "prince", "princess", "pope",
        "general", "gen.", "lt.", "col.", "maj.", "capt.", "sgt.", "adm.", "admiral", "dr.",
        "prof.", "professor", "judge", "justice", "chief", "deputy", "attorney", "speaker",
        "leader", "majority", "minority", "chairman", "chairwoman", "chair", "director",
        "spokesman", "spokeswoman", "spokesperson", "ceo", "founder", "ambassador", "envoy",
        "commissioner", "sheriff", "candidate", "presidential", "former", "nominee", "hopeful",
        "congressman", "congresswoman", "lawmaker", "senior", "adviser", "advisor", "aide",
        "strategist", "manager", "campaign", "press", "republican", "democratic", "democrat",
        "gop", "mr.", "mrs.", "ms.", "miss", "sir", "lord", "lady", "dame", "rev.", "reverend",
        "father", "sheikh", "ayatollah", "emir", "crown", "premier", "officer", "executive",
        "head", "economist", "analyst", "chairperson", "commander", "councilman",
        "councilwoman", "delegate", "assemblyman", "assemblywoman", "state", "house", "senate",
        "white", "national", "security", "homeland", "health", "education", "energy",
        "commerce", "labor", "agriculture", "of", "u.s.", "us", "u.n.", "un", "eu", "nato",
        "then", "acting", "interim", "top", "federal", "district", "supreme", "court",
        "general's", "independent", "libertarian", "green", "labour", "conservative", "liberal",
        "tory", "opposition", "party", "communications", "policy", "political", "legislative",
        "military", "intelligence", "cabinet", "economic", "trade", "special", "counsel",
        "solicitor", "surgeon", "inspector", "comptroller", "auditor", "controller",
        "treasurer", "clerk", "coach", "owner", "co-founder", "editor", "columnist",
        "correspondent", "host", "anchor", "author", "writer", "scientist", "researcher",
        "fellow", "activist", "organizer", "pastor", "rabbi", "imam", "bishop", "cardinal",
        "archbishop", "colonel", "sergeant", "captain", "major", "lieutenant", "private",
        "commandant", "marshal", "superintendent", "provost", "dean", "rector", "regent",
        "trustee", "president-elect", "vice-president", "ex", "ex-president", "first", "lady's",
        "agent", "freshman", "sophomore", "longtime", "veteran", "retired", "onetime",
        "ranking", "whip", "rep", "gov", "sen", "council", "member", "councillor",
        "councilor", "alderman", "alderwoman", "mp", "mla", "mpp", "premier's", "minister's",
        "dr", "mr", "mrs", "ms", "nurse", "constable", "inspector", "detective", "officer's",
        "chancellor's", "principal", "teacher", "pharmacist", "physician", "epidemiologist",
    ];
}

/// Words that make up titles and roles: `Russian President`, `Secretary of State`,
/// `Democratic presidential candidate`, `Spokeswoman`.
pub(crate) fn is_title_word(lower: &str) -> bool {
    // `then-Secretary`, `ex-President`: a title held before is still a title.
    let lower = ["then-", "ex-", "former-"]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .unwrap_or(lower);
    title_word_listed(lower) || is_demonym(lower) || is_us_state(lower)
}

/// Demonyms and country acronyms, which modify titles (`Russian President`, `US Secretary`);
/// plain country names do not, and some are given names (`Jordan Pike`).
pub(crate) fn is_demonym(lower: &str) -> bool {
    country_of(lower).is_some()
        && (["an", "ese", "ish", "ic", "i"]
            .iter()
            .any(|s| lower.ends_with(s))
            || NON_SUFFIX_DEMONYMS.contains(&lower))
        && !NOT_DEMONYMS.contains(&lower)
}

/// Demonyms without a demonym ending.
const NON_SUFFIX_DEMONYMS: &[&str] = &[
    "us", "u.s.", "uk", "u.k.", "eu", "french", "dutch", "greek", "swiss", "thai", "british",
];

/// Country and capital names with a demonym-like ending; some are given names (`Jordan`).
const NOT_DEMONYMS: &[&str] = &[
    "jordan",
    "iran",
    "oman",
    "japan",
    "taiwan",
    "sudan",
    "afghanistan",
    "kazakhstan",
    "pakistan",
    "azerbaijan",
    "bahrain",
    "tehran",
    "tallinn",
    "amman",
    "havana",
    "beirut",
    "berlin",
    "riyadh",
    "islamabad",
    "ankara",
    "kabul",
    "astana",
    "yerevan",
    "muscat",
    "canberra",
    "lisbon",
    "dublin",
    "edinburgh",
    "london",
    "washington",
    "beijing",
    "madrid",
    "tokyo",
    "minsk",
    "manila",
    "hanoi",
    "bern",
    "doha",
    "cairo",
    "tunis",
    "dhaka",
    "baku",
];

word_list! {
    /// Honorifics that mark the following name as a person.
    pub(crate) fn is_honorific = [
        "mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "gen.", "prof.", "president",
        "senator", "governor", "mayor", "judge", "justice", "pope", "king", "queen", "prince",
        "princess", "chancellor", "minister", "secretary", "spokesman", "spokeswoman",
        "spokesperson", "lt.", "col.", "adm.", "capt.", "sgt.", "rev.", "sir", "lady", "lord",
        "dame", "speaker", "sheriff", "ambassador", "commissioner", "director", "candidate",
        "premier", "leader",
    ];
}

/// The head nouns of role descriptions, and the title words each may stand for:
/// `the Russian leader` can be a president or a prime minister.
pub(crate) fn role_titles(head: &str) -> Option<&'static [&'static str]> {
    Some(match head {
        "leader" => &[
            "president",
            "prime minister",
            "premier",
            "chancellor",
            "leader",
            "king",
            "queen",
            "emir",
            "ayatollah",
        ],
        "premier" => &["prime minister", "premier"],
        "president" => &["president"],
        "minister" => &["minister"],
        "secretary" => &["secretary"],
        "diplomat" => &[
            "secretary of state",
            "foreign minister",
            "foreign secretary",
            "ambassador",
            "envoy",
            "diplomat",
        ],
        "envoy" => &["envoy", "ambassador"],
        "ambassador" => &["ambassador"],
        "governor" => &["governor", "gov."],
        "senator" => &["senator", "sen."],
        "lawmaker" | "legislator" => &[
            "senator",
            "sen.",
            "rep.",
            "representative",
            "congressman",
            "congresswoman",
            "lawmaker",
        ],
        "congressman" | "congresswoman" => {
            &["rep.", "representative", "congressman", "congresswoman"]
        }
        "candidate" | "hopeful" | "nominee" => &["candidate", "nominee", "hopeful"],
        "spokesman" | "spokeswoman" | "spokesperson" => {
            &["spokesman", "spokeswoman", "spokesperson"]
        }
        "chancellor" => &["chancellor"],
        "mayor" => &["mayor"],
        "judge" => &["judge", "justice"],
        "general" => &["general", "gen."],
        "chairman" | "chairwoman" | "chair" => &["chairman", "chairwoman", "chair"],
        "director" => &["director"],
        // `the DNC head`, `the agency head`: whoever leads it.
        "head" | "chief" => &[
            "chairman",
            "chairwoman",
            "chair",
            "director",
            "president",
            "ceo",
            "chief",
            "head",
            "commissioner",
            "administrator",
            "secretary",
        ],
        "commander" => &["commander", "general", "gen.", "admiral", "adm."],
        "speaker" => &["speaker"],
        "king" => &["king"],
        "queen" => &["queen"],
        "pope" => &["pope"],
        "prince" => &["prince", "crown prince"],
        "ceo" | "executive" => &["ceo", "executive"],
        "founder" => &["founder", "co-founder"],
        "attorney" | "lawyer" => &["attorney", "lawyer", "counsel"],
        "sheriff" => &["sheriff"],
        "mogul" | "billionaire" | "businessman" | "front-runner" | "frontrunner" => &[
            "candidate",
            "nominee",
            "businessman",
            "billionaire",
            "mogul",
        ],
        _ => return None,
    })
}

word_list! {
    /// Nouns heading a description of an unnamed source.
    pub(crate) fn is_anonymous_head = [
        "official", "officials", "source", "sources", "person", "people", "aide", "aides",
        "insider", "insiders", "analyst", "analysts", "expert", "experts", "critic", "critics",
        "observer", "observers", "witness", "witnesses", "resident", "residents", "officer",
        "officers", "diplomat", "diplomats", "adviser", "advisers", "advisor", "advisors",
        "staffer", "staffers", "supporter", "supporters", "opponent", "opponents", "member",
        "members", "employee", "employees", "worker", "workers", "lawmakers", "legislators",
        "investigators", "prosecutors", "scientists", "researchers", "economists",
        "strategists", "activists", "protesters", "voters", "students", "parents", "doctors",
        "neighbors", "friends", "relatives", "authorities", "spokesman", "spokeswoman",
        "spokesperson", "representative", "representatives", "executive", "executives",
        "leaders", "someone", "somebody", "man", "woman", "men", "women", "caller", "callers",
        "commentator", "commentators", "pollster", "pollsters", "operative", "operatives",
        "donor", "donors", "veteran", "veterans", "survivor", "survivors", "victim", "victims",
        "lawyer", "lawyers", "attorney", "attorneys", "officialdom", "reporters", "journalists",
        "historians", "experts'", "skeptics", "proponents", "advocates", "defenders",
        "detractors", "allies", "some", "many", "others", "most", "several", "few", "delegate",
        "delegates", "side", "sides",
    ];
}

word_list! {
    /// Nouns heading a description of an organisation.
    pub(crate) fn is_organization_head = [
        "campaign", "company", "party", "committee", "newspaper", "paper", "network",
        "magazine", "group", "organization", "organisation", "union", "council", "commission",
        "board", "firm", "bank", "report", "study", "poll", "survey", "analysis", "review",
        "audit", "memo", "letter", "statement", "website", "site", "outlet", "station", "team",
        "club", "league", "association", "institute", "foundation", "university", "college",
        "school", "hospital", "church", "charity", "coalition", "alliance", "corporation",
        "agency", "lawsuit", "complaint", "filing", "indictment", "document", "documents",
        "data", "figures", "research", "book", "article", "editorial", "ad", "advertisement",
        "video", "tweet", "post", "blog", "show", "channel", "program", "programme", "index",
        "think", "tank", "center", "centre", "office", "bureau", "service", "fund", "authority",
        "federation", "association's", "companies", "groups", "parties", "polls", "surveys",
        "studies", "reports", "republicans", "democrats", "conservatives", "liberals",
        "progressives", "campaigns", "organizers", "group's", "platform", "manifesto",
        "petition", "release", "utility", "vendor", "contractor", "manufacturer", "retailer",
        "airline", "insurer", "publisher", "broadcaster", "nonprofit", "email", "emails", "message",
        "suit", "results", "filings", "records", "ads", "letters", "memos", "opposition",
        "family", "families", "delegation", "panel", "jury", "staff", "leadership", "caucus",
        "movement", "unions", "rebels", "crew", "plan", "proposal",
    ];
}

word_list! {
    /// Nouns heading a description of a government body.
    pub(crate) fn is_government_head = [
        "government", "administration", "ministry", "department", "kremlin", "military", "army",
        "navy", "police", "embassy", "regime", "cabinet", "court", "prosecutor", "prosecutors",
        "pentagon", "governments", "authorities", "junta", "parliament", "congress", "senate",
        "legislature", "state", "states", "country", "countries", "nation", "nations", "city",
        "county", "agency", "agencies", "white", "house", "forces", "ministries",
    ];
}

word_list! {
    /// Capitalised words and acronyms that name organisations.
    pub(crate) fn is_organization_word = [
        "party", "committee", "campaign", "university", "institute", "association", "council",
        "commission", "agency", "corp", "corp.", "inc", "inc.", "company", "co.", "group",
        "foundation", "bank", "center", "centre", "times", "post", "news", "network", "press",
        "reuters", "bureau", "office", "service", "court", "police", "union", "federation",
        "league", "organization", "organisation", "alliance", "fund", "board", "authority",
        "journal", "tribune", "herald", "gazette", "magazine", "review", "daily", "weekly",
        "radio", "television", "tv", "broadcasting", "media", "club", "society", "coalition",
        "project", "trust", "partners", "llc", "ltd", "ltd.", "plc", "holdings", "systems",
        "technologies", "labs", "motors", "airlines", "pharmaceuticals", "energy", "oil",
        "industries", "school", "college", "hospital", "church", "ministries", "gallup", "pew",
        "ap", "afp", "cnn", "msnbc", "bbc", "nbc", "abc", "cbs", "fox", "npr", "pbs", "nyt",
        "bloomberg", "politico", "axios", "breitbart", "twitter", "facebook", "google",
        "amazon", "apple", "microsoft", "nato", "eu", "un", "opec", "who", "imf", "wto", "aclu",
        "naacp", "nra", "gop", "dnc", "rnc", "super", "pac", "foundation's", "quinnipiac",
        "rasmussen", "ipsos", "yougov", "monmouth", "marist", "reuters/ipsos", "interfax",
        "tass", "xinhua", "ria", "novosti", "al", "jazeera", "kremlin.ru", "hamas", "hezbollah",
        "taliban", "isis", "isil", "qaeda", "democrats", "republicans", "conservatives",
        "labour", "tories", "greenpeace", "amnesty", "watch", "planned", "parenthood",
        "chamber",
    ];
}

/// Government bodies named by proper nouns, with the state they belong to.
pub(crate) fn government_body(lower_phrase: &str) -> Option<&'static str> {
    Some(match lower_phrase {
        "kremlin" | "the kremlin" => "Russia",
        "white house"
        | "the white house"
        | "pentagon"
        | "the pentagon"
        | "state department"
        | "the state department"
        | "justice department"
        | "the justice department"
        | "fbi"
        | "the fbi"
        | "cia"
        | "the cia"
        | "nsa"
        | "the nsa"
        | "dhs"
        | "doj"
        | "epa"
        | "the epa"
        | "irs"
        | "the irs"
        | "congress"
        | "the senate"
        | "senate"
        | "capitol hill"
        | "treasury"
        | "the treasury"
        | "homeland security"
        | "cdc"
        | "the cdc"
        | "fda"
        | "the fda"
        | "defense department"
        | "the defense department" => "United States",
        "downing street" | "number 10" | "no. 10" | "whitehall" | "foreign office"
        | "the foreign office" | "home office" | "the home office" => "United Kingdom",
        "elysee" | "élysée" | "the elysee" | "the élysée" | "quai d'orsay" => "France",
        "zhongnanhai" => "China",
        _ => return None,
    })
}

/// Country names, demonyms and capitals (used as metonyms: `Moscow rejected …`) mapped to the
/// country's canonical name.
pub(crate) fn country_of(lower: &str) -> Option<&'static str> {
    static SET: LazyLock<WordSet<&'static str>> = LazyLock::new(|| {
        WordSet::new(
            COUNTRIES
                .iter()
                .flat_map(|(country, names)| names.iter().map(move |n| (*n, *country))),
        )
    });
    SET.get(lower)
}

/// Each country's canonical name, then the lowercase names, demonyms and capitals for it.
const COUNTRIES: &[(&str, &[&str])] = &[
    (
        "Russia",
        &[
            "russia", "russian", "russians", "moscow", "russia's", "russias",
        ],
    ),
    (
        "United States",
        &[
            "us",
            "u.s.",
            "u.s",
            "usa",
            "u.s.a.",
            "america",
            "american",
            "americans",
            "washington",
            "united states",
            "the united states",
            "the us",
            "the u.s.",
            "america's",
            "washington's",
            "washingtons",
        ],
    ),
    (
        "United Kingdom",
        &[
            "uk",
            "u.k.",
            "britain",
            "british",
            "london",
            "united kingdom",
            "england",
            "english",
            "britain's",
            "the uk",
            "the u.k.",
        ],
    ),
    (
        "Ukraine",
        &[
            "ukraine",
            "ukrainian",
            "ukrainians",
            "kiev",
            "kyiv",
            "ukraine's",
            "ukraines",
        ],
    ),
    ("China", &["china", "chinese", "beijing", "china's"]),
    ("France", &["france", "french", "paris"]),
    ("Germany", &["germany", "german", "germans", "berlin"]),
    ("Iran", &["iran", "iranian", "iranians", "tehran", "iran's"]),
    ("Israel", &["israel", "israeli", "israelis", "israel's"]),
    ("Japan", &["japan", "japanese", "tokyo"]),
    ("India", &["india", "indian", "new delhi"]),
    ("Pakistan", &["pakistan", "pakistani", "islamabad"]),
    ("Turkey", &["turkey", "turkish", "ankara"]),
    ("Syria", &["syria", "syrian", "damascus"]),
    ("Iraq", &["iraq", "iraqi", "baghdad"]),
    ("Afghanistan", &["afghanistan", "afghan", "kabul"]),
    ("Saudi Arabia", &["saudi", "saudi arabia", "riyadh"]),
    ("North Korea", &["north korea", "north korean", "pyongyang"]),
    ("South Korea", &["south korea", "south korean", "seoul"]),
    ("Canada", &["canada", "canadian", "ottawa"]),
    ("Mexico", &["mexico", "mexican"]),
    ("Brazil", &["brazil", "brazilian", "brasilia"]),
    ("Italy", &["italy", "italian", "rome"]),
    ("Spain", &["spain", "spanish", "madrid"]),
    ("Poland", &["poland", "polish", "warsaw"]),
    ("Hungary", &["hungary", "hungarian", "budapest"]),
    ("Belarus", &["belarus", "belarusian", "minsk"]),
    ("Estonia", &["estonia", "estonian", "tallinn"]),
    ("Latvia", &["latvia", "latvian", "riga"]),
    ("Lithuania", &["lithuania", "lithuanian", "vilnius"]),
    ("Egypt", &["egypt", "egyptian", "cairo"]),
    ("Cuba", &["cuba", "cuban", "havana"]),
    ("Venezuela", &["venezuela", "venezuelan", "caracas"]),
    ("Australia", &["australia", "australian", "canberra"]),
    ("Greece", &["greece", "greek", "athens"]),
    ("Qatar", &["qatar", "qatari", "doha"]),
    ("Yemen", &["yemen", "yemeni", "sanaa"]),
    ("Libya", &["libya", "libyan", "tripoli"]),
    ("Lebanon", &["lebanon", "lebanese", "beirut"]),
    ("Jordan", &["jordan", "jordanian", "amman"]),
    (
        "Palestine",
        &["palestinian", "palestinians", "palestine", "ramallah"],
    ),
    ("Sweden", &["sweden", "swedish", "stockholm"]),
    ("Norway", &["norway", "norwegian", "oslo"]),
    ("Finland", &["finland", "finnish", "helsinki"]),
    ("Denmark", &["denmark", "danish", "copenhagen"]),
    (
        "Netherlands",
        &["netherlands", "dutch", "the hague", "amsterdam"],
    ),
    ("Belgium", &["belgium", "belgian"]),
    ("Austria", &["austria", "austrian", "vienna"]),
    ("Switzerland", &["switzerland", "swiss", "bern"]),
    ("Ireland", &["ireland", "irish", "dublin"]),
    ("Scotland", &["scotland", "scottish", "edinburgh"]),
    ("Portugal", &["portugal", "portuguese", "lisbon"]),
    ("Romania", &["romania", "romanian", "bucharest"]),
    ("Bulgaria", &["bulgaria", "bulgarian", "sofia"]),
    ("Serbia", &["serbia", "serbian", "belgrade"]),
    ("Croatia", &["croatia", "croatian", "zagreb"]),
    ("Georgia", &["georgia's", "tbilisi"]),
    ("Armenia", &["armenia", "armenian", "yerevan"]),
    ("Azerbaijan", &["azerbaijan", "azerbaijani", "baku"]),
    ("Kazakhstan", &["kazakhstan", "kazakh", "astana"]),
    ("Moldova", &["moldova", "moldovan", "chisinau"]),
    ("Vietnam", &["vietnam", "vietnamese", "hanoi"]),
    ("Thailand", &["thailand", "thai", "bangkok"]),
    ("Indonesia", &["indonesia", "indonesian", "jakarta"]),
    (
        "Philippines",
        &["philippines", "philippine", "filipino", "manila"],
    ),
    ("Malaysia", &["malaysia", "malaysian", "kuala lumpur"]),
    ("Singapore", &["singapore", "singaporean"]),
    ("Taiwan", &["taiwan", "taiwanese", "taipei"]),
    ("Nigeria", &["nigeria", "nigerian", "abuja"]),
    ("Kenya", &["kenya", "kenyan", "nairobi"]),
    ("Ethiopia", &["ethiopia", "ethiopian", "addis ababa"]),
    (
        "South Africa",
        &["south africa", "south african", "pretoria"],
    ),
    (
        "Argentina",
        &["argentina", "argentine", "argentinian", "buenos aires"],
    ),
    ("Chile", &["chile", "chilean", "santiago"]),
    ("Colombia", &["colombia", "colombian", "bogota"]),
    ("Peru", &["peru", "peruvian", "lima"]),
    ("New Zealand", &["new zealand", "wellington"]),
    ("Sudan", &["sudan", "sudanese", "khartoum"]),
    ("Somalia", &["somalia", "somali", "mogadishu"]),
    ("Algeria", &["algeria", "algerian", "algiers"]),
    ("Morocco", &["morocco", "moroccan", "rabat"]),
    ("Tunisia", &["tunisia", "tunisian", "tunis"]),
    ("United Arab Emirates", &["uae", "emirati", "abu dhabi"]),
    ("Bahrain", &["bahrain", "bahraini"]),
    ("Kuwait", &["kuwait", "kuwaiti"]),
    ("Oman", &["oman", "omani", "muscat"]),
    ("Bangladesh", &["bangladesh", "bangladeshi", "dhaka"]),
    ("Myanmar", &["myanmar", "burmese", "naypyitaw"]),
    ("Nepal", &["nepal", "nepalese", "kathmandu"]),
    ("Sri Lanka", &["sri lanka", "sri lankan", "colombo"]),
    (
        "European Union",
        &["eu", "european union", "the eu", "brussels"],
    ),
];

word_list! {
    /// Whether a country word is a demonym or name usable as a title modifier (not a capital).
    pub(crate) fn is_capital_metonym = [
        "moscow", "washington", "london", "kiev", "kyiv", "beijing", "paris", "berlin",
        "tehran", "tokyo", "new delhi", "islamabad", "ankara", "damascus", "baghdad", "kabul",
        "riyadh", "pyongyang", "seoul", "ottawa", "brasilia", "rome", "madrid", "warsaw",
        "budapest", "minsk", "tallinn", "riga", "vilnius", "cairo", "havana", "caracas",
        "canberra", "athens", "doha", "brussels", "taipei", "hanoi", "manila", "jakarta",
        "bangkok",
    ];
}

word_list! {
    pub(crate) fn is_us_state = [
        "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut",
        "delaware", "florida", "georgia", "hawaii", "idaho", "illinois", "indiana", "iowa",
        "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts", "michigan",
        "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "ohio",
        "oklahoma", "oregon", "pennsylvania", "tennessee", "texas", "utah", "vermont",
        "virginia", "wisconsin", "wyoming", "carolina", "dakota", "jersey", "hampshire",
        "mexico's", "york",
    ];
}

pub(crate) fn weekday(lower: &str) -> Option<chrono::Weekday> {
    use chrono::Weekday::{Fri, Mon, Sat, Sun, Thu, Tue, Wed};
    Some(match lower {
        "monday" => Mon,
        "tuesday" => Tue,
        "wednesday" => Wed,
        "thursday" => Thu,
        "friday" => Fri,
        "saturday" => Sat,
        "sunday" => Sun,
        _ => return None,
    })
}

pub(crate) fn month(lower: &str) -> Option<u32> {
    Some(match lower.trim_end_matches('.') {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    })
}

/// Capitalised words that are not names even inside a run of capitals.
pub(crate) fn is_capitalised_common(lower: &str) -> bool {
    is_sentence_opener(lower)
        || weekday(lower).is_some()
        || matches!(
            lower,
            "mr" | "if"
                | "as"
                | "so"
                | "yet"
                | "not"
                | "no"
                | "yes"
                | "our"
                | "my"
                | "we"
                | "you"
                | "they"
                | "i"
                | "is"
                | "was"
                | "are"
                | "were"
                | "be"
                | "will"
                | "would"
                | "then"
                | "now"
                | "today"
                | "yesterday"
                | "tomorrow"
                | "meanwhile"
                | "however"
                | "also"
                | "still"
                | "even"
                | "only"
                | "just"
                | "some"
                | "many"
                | "most"
                | "all"
                | "both"
                | "each"
                | "every"
                | "one"
                | "two"
                | "three"
                | "what"
                | "who"
                | "why"
                | "how"
                | "where"
                | "which"
                | "these"
                | "those"
                | "although"
                | "though"
                | "because"
                | "since"
                | "until"
                | "unless"
                | "or"
                | "nor"
                | "from"
                | "by"
                | "with"
                | "of"
                | "to"
                | "according"
                | "instead"
                | "despite"
                | "during"
                | "before"
                | "under"
                | "over"
                | "about"
                | "last"
                | "next"
                | "earlier"
                | "later"
                | "asked"
                | "said"
                | "says"
                | "speaking"
                | "here"
                | "according to"
        )
}

/// A person's grammatical gender as the article's pronouns would show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Gender {
    Male,
    Female,
}

word_list! {
    /// Common given names read as male; names used for both are left out.
    fn male_first_name = [
        "aaron", "abraham", "adam", "adrian", "al", "alan", "albert", "alexander", "alfred",
        "andrew", "andy", "anthony", "antony", "antonio", "arnold", "arthur", "barack", "barry",
        "ben", "benjamin", "bernard", "bernie", "bill", "billy", "bob", "bobby", "boris",
        "brad", "bradley", "brandon", "brett", "brian", "bruce", "bryan", "carl", "carlos",
        "charles", "charlie", "chuck", "clarence", "cory", "craig", "dan", "daniel", "darrell",
        "dave", "david", "dennis", "dick", "dmitry", "don", "donald", "doug", "douglas", "duncan",
        "dwight", "ed", "eddie", "edward", "elijah", "elon", "emmanuel", "eric", "ernest",
        "eugene", "frank", "franklin", "fred", "gary", "george", "gerald", "glenn", "gordon",
        "greg", "gregory", "hank", "harold", "harry", "henry", "herbert", "howard", "hunter",
        "ian", "isaac", "jack", "jacob", "jake", "james", "jared", "jason", "jay", "jeb",
        "jeff", "jeffrey", "jeremy", "jerry", "jim", "jimmy", "joe", "joel", "john", "johnny",
        "jon", "jonathan", "jose", "joseph", "josh", "joshua", "juan", "justin", "keith",
        "ken", "kenneth", "kevin", "kurt", "larry", "lawrence", "lee", "leon", "lindsey",
        "louis", "luis", "luke", "marco", "mark", "martin", "matt", "matthew", "max",
        "michael", "mick", "mike", "mitch", "mitt", "mohammed", "muhammad", "nathan", "neil",
        "newt", "nicholas", "nick", "oliver", "orrin", "oscar", "patrick", "paul", "pete",
        "peter", "phil", "philip", "ralph", "rand", "randy", "ray", "raymond", "reince", "rex",
        "richard", "rick", "rob", "robert", "roger", "ron", "ronald", "roy", "rudy", "rush",
        "russell", "ryan", "sam", "samuel", "scott", "sean", "sergey", "sergei", "seth",
        "stephen", "steve", "steven", "stuart", "ted", "terry", "thomas", "tim", "timothy",
        "todd", "tom", "tommy", "tony", "travis", "trey", "victor", "viktor", "vince", "vladimir",
        "volodymyr", "walter", "warren", "wayne", "william", "willie", "xavier", "zachary",
    ];
}

word_list! {
    /// Common given names read as female; names used for both are left out.
    fn female_first_name = [
        "abigail", "alexandria", "alice", "alicia", "amanda", "amy", "andrea", "angela",
        "angelina", "ann", "anna", "anne", "annie", "ashley", "barbara", "betsy", "betty",
        "beverly", "brenda", "carly", "carol", "caroline", "catherine", "cathy", "charlotte",
        "cheryl", "christina", "christine", "claire", "condoleezza", "cynthia", "deborah",
        "debbie", "denise", "diana", "diane", "donna", "doris", "dorothy", "elaine",
        "elisabeth", "elise", "elizabeth", "ella", "ellen", "emily", "emma", "eva", "evelyn",
        "frances", "gina", "gloria", "grace", "hannah", "heather", "heidi", "helen", "hillary",
        "hope", "ilhan", "irene", "ivanka", "jacqueline", "jane", "janet", "janice", "jeanne",
        "jennifer", "jessica", "jill", "joan", "joanne", "joni", "josephine", "joyce", "judith",
        "judy", "julia", "julie", "kamala", "karen", "kate", "katherine", "kathleen", "kathy",
        "katie", "kayleigh", "kellyanne", "kim", "kimberly", "kirsten", "kristen", "laura",
        "lauren", "linda", "lisa", "liz", "loretta", "lori", "louise", "lucy", "lynn",
        "madeleine", "margaret", "maria", "marie", "marine", "marsha", "martha", "mary",
        "maxine", "megan", "melania", "melissa", "michele", "michelle", "mitzi", "monica",
        "nancy", "natalie", "nicola", "nicole", "nikki", "olivia", "pamela", "patricia",
        "paula", "peggy", "rachel", "rashida", "rebecca", "rosa", "rose", "ruth", "sally",
        "samantha", "sandra", "sara", "sarah", "sharon", "sheila", "shirley", "sonia",
        "sophia", "stephanie", "susan", "susana", "suzanne", "sylvia", "tammy", "teresa",
        "theresa", "tina", "tulsi", "ursula", "valerie", "victoria", "virginia", "wendy",
    ];
}

/// Gender from a given name (`Hillary`), an honorific (`Mrs.`) or a gendered title
/// (`spokeswoman`).
pub(crate) fn gender_of(lower: &str) -> Option<Gender> {
    if male_first_name(lower)
        || matches!(
            lower,
            "mr."
                | "mr"
                | "sir"
                | "lord"
                | "king"
                | "prince"
                | "spokesman"
                | "congressman"
                | "councilman"
                | "assemblyman"
                | "businessman"
                | "chairman"
                | "father"
                | "son"
                | "husband"
                | "brother"
                | "man"
                | "boy"
                | "uncle"
                | "grandfather"
        )
    {
        Some(Gender::Male)
    } else if female_first_name(lower)
        || matches!(
            lower,
            "mrs."
                | "mrs"
                | "ms."
                | "ms"
                | "miss"
                | "lady"
                | "dame"
                | "queen"
                | "princess"
                | "spokeswoman"
                | "congresswoman"
                | "councilwoman"
                | "assemblywoman"
                | "businesswoman"
                | "chairwoman"
                | "mother"
                | "daughter"
                | "wife"
                | "sister"
                | "woman"
                | "girl"
                | "aunt"
                | "grandmother"
                | "actress"
        )
    {
        Some(Gender::Female)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_sets_find_exactly_their_words_short_and_long() {
        let words = [
            "say",
            "a",
            "fifteen-letters",
            "sixteen-letters!",
            "spokesperson-in-chief",
        ];
        let set = WordSet::new(words.iter().enumerate().map(|(k, w)| (*w, k)));
        for (k, w) in words.iter().enumerate() {
            assert_eq!(set.get(w), Some(k), "{w}");
        }
        // Prefixes, extensions, a trailing NUL, and the wrong case are other words.
        for w in [
            "sa",
            "says",
            "say\0",
            "Say",
            "",
            "fifteen-letter",
            "sixteen-letters",
            "b",
        ] {
            assert_eq!(set.get(w), None, "{w:?}");
        }
    }
}
