//! claimset turns news articles into a dataset of fact-check claims.
//!
//! The pipeline, one module per stage in the order data flows, each depending only on the
//! ones above it:
//!
//! 1. `input` — paths, formats and compression → [`Article`]s, or [`Rejection`]s that say
//!    what is wrong with an input and where.
//! 2. `extract` — one article → its claims ([`claims`]): the language rules only, no I/O.
//! 3. `stream` — a corpus run: read on one thread, extract on every core, deliver in input
//!    order ([`run`], [`for_each_ordered`]).
//! 4. `curate` — claims → curated records: human [`Correction`]s applied, every record
//!    checked against the schema and the [`RULES`] a schema cannot express ([`Problem`]s).
//! 5. `table` — the two tables of a release: their columns, Arrow and Parquet.
//! 6. `review` — published fact-checks (schema.org `ClaimReview`) → [`ReviewRecord`]s with
//!    normalised verdicts ([`normalise_verdict`]), ranked and linked to the claims they judge
//!    ([`match_claims`]); a release's verdicts exported back as `ClaimReview` JSON-LD.
//! 7. `release` — a dataset → a versioned, byte-reproducible release ([`release()`],
//!    [`verify`], [`diff_files`]), and the dataset's [`card`] that presents the latest one.
//!
//! Beside them: [`ClaimRecord`], the one data contract every stage reads and writes, whose
//! JSON Schema [`claim_schema`] generates; [`Dataset`], the folder the stages read and write;
//! `eval`, which scores extraction against human annotations. Errors that stop a run are
//! [`Error`]s; bad inputs are data. The library never prints.
//!
//! ```
//! use claimset::{Article, Location, claims};
//!
//! let article = Article {
//!     id: "a1".into(),
//!     title: None,
//!     date: claimset::parse_date("20220201").unwrap(),
//!     url: "https://example.com/a1".into(),
//!     publisher: "example.com".into(),
//!     body: "The bridge will reopen in May, Mayor Ana Ruiz said on Saturday.".into(),
//!     location: Location { file: "a1.txt".into(), line: None },
//! };
//! let found = claims(&article);
//! assert_eq!(found[0].claim_text, "The bridge will reopen in May");
//! assert_eq!(found[0].claimant.as_deref(), Some("Ana Ruiz"));
//! assert_eq!(found[0].claim_date.to_string(), "2022-01-29");
//! ```

mod error;
mod digest;
mod atomic;
mod input;
mod record;
mod schema;
mod extract;
mod stream;
mod dataset;
mod table;
mod curate;
mod review;
mod release;
mod eval;

pub use atomic::{AtomicFile, remove_unfinished, sweep as sweep_unfinished};
pub use curate::correction::{
    Applied, CORRECTION_VERSION, Clearable, Correction, Corrections, LINK_RULES, LinkDecisions,
    Loaded, NewClaim, Refused, Request, RequestAction, ReviewFacts, SetFields, Verdict,
    correction_schema, is_claim_id, is_review_id, is_safe_article_id, write_new,
};
pub use curate::{FileReport, Format, MAX_RECORD_BYTES, Problem, RULES, RecordValidator, Rule};
pub use curate::{Violation, validate_file};
pub use dataset::{Dataset, ExternalInput, Fingerprints, InputFile, Located, Metadata};
pub use error::Error;
pub use eval::{
    Canonical, Coverage, Explained, Gold, Options as EvalOptions, Prediction, Predictions, Report,
    SPEECH_CUES, Scores, Share, predict, read_gold, read_predictions, score, sentence_around,
};
pub use extract::{
    CONSTRUCTIONS, Construction, Example, MadeBy, Part, Spec, claims, claims_explained,
};
pub use input::{
    Article, DATE_YEARS, Input, Item, Location, MAX_ARTICLE_BYTES, Meter, Reader, Reason,
    Rejection, Selection, input_size, parse_date, publisher,
};
pub use record::{
    ArticleRow, ArticleStatus, ClaimFields, ClaimRecord, ClaimantType, DateBasis, DatePrecision,
    Origin, QuoteType, SCHEMA_VERSION, Span, VerdictSource, VerificationStatus, claim_id,
};
pub use release::{
    Bump, Change, Checked, Counts, Diff, FileCheck, FileEntry, Generator, Manifest,
    Options as ReleaseOptions, Outcome as ReleaseOutcome, PROPOSED_LINKS, Release, Reproduction,
    ReviewCounts, SearchHit, Target, VerdictChange, VerdictSummary, Verification, changelog_entry,
    check, diff_files, inherit_ids, release, search, verify, verify_all,
};
pub use release::{
    CARD_FILE, CHART_FILE, CROISSANT_FILE, Card, LATEST, MEASURED_QUALITY, QUALITY_COMMAND, card,
};
pub use review::{
    ANY_CHECKER, CLAIMSET_VOCAB, Checker, ClaimProblem, ClaimQuery, Claimants, DATE_WINDOW_DAYS,
    Example as RerankerExample, FEATURES as RERANKER_FEATURES, Form as ReviewForm, Imported,
    LINK_THRESHOLD, Links, MAX_FILE_BYTES as MAX_REVIEW_FILE_BYTES, Match, MatchOptions, Matcher,
    Model as Reranker, NotApplied, PROPOSAL_FLOOR, Proposal as ProposedLink, RERANKER_PATH,
    REVIEW_SCHEMA_VERSION, Rating, Rejection as ReviewRejection,
    RejectionReason as ReviewRejectionReason, ReviewRecord, TrainOptions, VERDICTS_PATH,
    VerdictTable, claim_review, dataset_review_facts, default_table as verdict_table,
    document as claimreview_document, examples as reranker_examples,
    import_dataset as import_dataset_reviews, import_file as import_reviews,
    import_str as import_reviews_str, link as link_reviews, match_claims, normalise_verdict,
    read_claims as read_claim_queries, read_pairs as read_training_pairs, release_claims,
    review_schema, train as train_reranker,
};
pub use schema::{
    ARTICLE_SCHEMA_PATH, CLAIM_SCHEMA_ID, CLAIM_SCHEMA_PATH, CORRECTION_SCHEMA_PATH,
    REVIEW_SCHEMA_PATH, article_schema, claim_schema,
};
pub use stream::{
    Options as RunOptions, Outcome as ArticleOutcome, Summary, extract_guarded, for_each_ordered,
    run,
};
pub use table::{
    ADDED_CLAIM_COLUMNS, Column, Kind, ROW_GROUP_ROWS, TableWriter, arrow_schema, article_columns,
    claim_columns, dictionary, key_value_metadata, read_rows,
};

/// `1 claim`, `2 claims`, `3 entries`: a count and its noun, for messages.
pub fn count(n: u64, noun: &str) -> String {
    let consonant_y =
        noun.ends_with('y') && !["ay", "ey", "oy", "uy"].iter().any(|v| noun.ends_with(v));
    match n {
        1 => format!("1 {noun}"),
        _ if consonant_y => format!("{n} {}ies", &noun[..noun.len() - 1]),
        _ => format!("{n} {noun}s"),
    }
}
