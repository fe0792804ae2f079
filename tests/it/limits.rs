//! Values at their limits: extreme dates in Parquet files, article dates outside the years
//! news has, and integers at the edges of their types. Each gives a clear problem or
//! rejection, never a panic, and one bad article costs one article.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use arrow_array::{ArrayRef, Date64Array, RecordBatch};
use arrow_schema::{DataType, Field, Schema};
use claimset::{Dataset, RecordValidator, validate_file};
use claimset::{ReleaseOptions as Options, ReleaseOutcome as Outcome, Target};

/// The committed release's first claims, as a record batch.
fn committed_batch() -> RecordBatch {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("datasets/ukraine-crisis-2022/releases/1.0.0/claims.parquet");
    let file = std::fs::File::open(path).expect("committed release");
    let mut reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(file)
        .expect("parquet")
        .build()
        .expect("reader");
    reader.next().expect("a batch").expect("readable")
}

/// A claims table whose `column` is replaced by `array` (one value a row; rows beyond the
/// array's length are dropped), written to `dir/name`.
pub(crate) fn claims_with(dir: &Path, name: &str, column: &str, array: &ArrayRef) -> PathBuf {
    let batch = committed_batch();
    let batch = batch.slice(0, array.len().min(batch.num_rows()));
    let array = array.slice(0, batch.num_rows());
    let mut fields = Vec::new();
    let mut columns = Vec::new();
    for (f, c) in batch.schema().fields().iter().zip(batch.columns()) {
        if f.name() == column {
            fields.push(Field::new(f.name(), array.data_type().clone(), true));
            columns.push(array.clone());
        } else {
            fields.push(f.as_ref().clone());
            columns.push(c.clone());
        }
    }
    let schema = Arc::new(Schema::new(fields));
    let batch = RecordBatch::try_new(schema.clone(), columns).expect("batch");
    let path = dir.join(name);
    let file = std::fs::File::create(&path).expect("create");
    let mut w = parquet::arrow::ArrowWriter::try_new(file, schema, None).expect("writer");
    w.write(&batch).expect("write");
    w.close().expect("close");
    path
}

/// Every problem `validate` reports for a file, as text.
pub(crate) fn problems(path: &Path) -> Vec<String> {
    let mut out = Vec::new();
    validate_file(path, &RecordValidator::new(), &mut |p| {
        out.push(p.to_string());
    })
    .expect("the file opens");
    out
}

/// A Date64 of `i64::MIN` once overflowed chrono's day count and panicked `validate` and
/// `diff`; it is no date, reported as such.
#[test]
fn a_date64_at_the_limits_of_i64_is_a_problem_not_a_panic() {
    let dir = tempfile::tempdir().expect("temp");
    let days: Vec<Option<i64>> = vec![Some(i64::MIN), Some(i64::MAX), Some(-1), Some(0)];
    let array: ArrayRef = Arc::new(Date64Array::from(days));
    assert_eq!(array.data_type(), &DataType::Date64);
    let path = claims_with(dir.path(), "extreme.parquet", "article_date", &array);
    let found = problems(&path);
    assert!(
        found
            .iter()
            .any(|p| p.contains(":1: ") && p.contains("/article_date")),
        "{found:#?}"
    );
    let diff = claimset::diff_files(&path, &path).expect("diff runs");
    assert_eq!(
        diff.added_total + diff.removed_total + diff.changed_total,
        0
    );
}

fn release_of(root: &Path) -> Outcome {
    let options = Options {
        bump: None,
        target: Target::Publish,
        jobs: 1,
        meter: None,
    };
    claimset::release(&Dataset::open(root).expect("dataset"), &options).expect("runs")
}

/// An article dated `-999-01-01` or `00000101` is rejected when read, like any other bad
/// article; it once passed extraction and blocked the whole release at validation.
#[test]
fn an_article_dated_outside_the_years_of_news_costs_one_article() {
    let (_tmp, root) = crate::common::dataset_copy();
    let articles = root.join("articles");
    std::fs::write(
        articles.join("zero.txt"),
        "Minister resigns\n00000101\nhttps://news.example.com/a\n\
         \"I have lost the confidence of my colleagues,\" the minister told reporters.\n",
    )
    .expect("write");
    let line = serde_json::json!({"id": "bc", "title": "T", "date": "-999-01-01",
        "url": "https://news.example.com/b",
        "text": "\"We will win,\" the general said on Monday."});
    std::fs::write(articles.join("feed.jsonl"), format!("{line}\n")).expect("write");
    let r = match release_of(&root) {
        Outcome::Released(r) => r,
        other => panic!("expected a release, got {other:?}"),
    };
    let reasons: Vec<String> = r.rejected_inputs.iter().map(ToString::to_string).collect();
    insta::assert_snapshot!(reasons.join("\n"), @r"
    articles/feed.jsonl:1: article `bc`: the date -0999-01-01 is outside the years 1800–2200 an article may have: write the day it was published as YYYYMMDD (text) or YYYY-MM-DD (JSON)
    articles/zero.txt:2: article `zero`: the date 0000-01-01 is outside the years 1800–2200 an article may have: write the day it was published as YYYYMMDD (text) or YYYY-MM-DD (JSON)
    ");
    assert_eq!(r.manifest.counts.articles_rejected, 2);
    assert_eq!(
        r.manifest.counts.claims, 14,
        "the good article's claims are released"
    );
}

/// `--bump` on unchanged inputs once published a copy of the latest release as a new version.
#[test]
fn a_bump_with_nothing_changed_is_refused() {
    let (_tmp, root) = crate::common::dataset_copy();
    assert!(matches!(release_of(&root), Outcome::Released(_)));
    let options = Options {
        bump: Some(claimset::Bump::Major),
        target: Target::Publish,
        jobs: 1,
        meter: None,
    };
    let err =
        claimset::release(&Dataset::open(&root).expect("dataset"), &options).expect_err("refused");
    assert!(
        err.to_string()
            .starts_with("nothing changed since release 1.0.0"),
        "{err}"
    );
    assert!(!root.join("releases/2.0.0").exists());
}

/// Found by fuzzing: corrupt metadata (a column chunk at a negative offset) made the
/// Parquet reader assert; it is a problem of the file, not a panic of the run.
#[test]
fn a_parquet_file_with_corrupt_metadata_is_a_problem_not_a_panic() {
    let path = crate::common::fixture("parquet/negative-column-start.parquet");
    let found = problems(&path);
    assert!(
        found.iter().any(|p| p.contains("[file/parquet]")),
        "{found:#?}"
    );
    assert!(claimset::diff_files(&path, &path).is_err());
}
