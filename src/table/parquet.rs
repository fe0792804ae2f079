//! Writing and reading a release's Parquet tables: deterministic writer settings, bounded
//! row groups, and read-back that reports what it cannot read instead of failing on it.

use std::fs::File;
use std::path::{Path, PathBuf};

use arrow_array::RecordBatch;
use parquet::arrow::ArrowWriter;
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use parquet::basic::{Compression, ZstdLevel};
use parquet::file::metadata::KeyValue;
use parquet::file::properties::{EnabledStatistics, WriterProperties};
use serde_json::{Map, Value};

use crate::error::Error;

use super::arrow::{batch_from_rows, expected_type, readable_as, rows_from_batch};
use super::columns::{Column, arrow_schema, article_columns, claim_columns};

/// Rows per record batch handed to the writer.
const BATCH_ROWS: usize = 1024;
/// Rows per row group: what a reader holds in memory at once, kept small for large corpora.
pub const ROW_GROUP_ROWS: usize = 16_384;

/// Writes one table, a batch at a time.
pub struct TableWriter {
    writer: ArrowWriter<File>,
    columns: &'static [Column],
    rows: Vec<Map<String, Value>>,
    path: PathBuf,
    written: u64,
}

fn parquet_error(path: &Path, e: &impl std::fmt::Display) -> Error {
    Error::Parquet {
        path: path.to_path_buf(),
        message: e.to_string(),
    }
}

impl TableWriter {
    /// Creates `path` for a table of `columns`. The file records `claimset <version>` as its
    /// writer and nothing that varies between runs (no clock, no host).
    pub fn create(path: &Path, columns: &'static [Column]) -> Result<Self, Error> {
        let file = File::create(path).map_err(|source| Error::Write {
            path: path.to_path_buf(),
            source,
        })?;
        let props = WriterProperties::builder()
            .set_compression(Compression::ZSTD(
                ZstdLevel::try_new(3).expect("3 is a valid zstd level"),
            ))
            .set_max_row_group_row_count(Some(ROW_GROUP_ROWS))
            .set_statistics_enabled(EnabledStatistics::Chunk)
            .set_created_by(format!("claimset {}", env!("CARGO_PKG_VERSION")))
            .build();
        let writer = ArrowWriter::try_new(file, arrow_schema(columns), Some(props))
            .map_err(|e| parquet_error(path, &e))?;
        Ok(TableWriter {
            writer,
            columns,
            rows: Vec::with_capacity(BATCH_ROWS),
            path: path.to_path_buf(),
            written: 0,
        })
    }

    /// Adds one row (a JSON object keyed by column name).
    pub fn push(&mut self, row: Map<String, Value>) -> Result<(), Error> {
        self.rows.push(row);
        if self.rows.len() >= BATCH_ROWS {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), Error> {
        if self.rows.is_empty() {
            return Ok(());
        }
        let batch = batch_from_rows(self.columns, &self.rows);
        self.writer
            .write(&batch)
            .map_err(|e| parquet_error(&self.path, &e))?;
        self.written += self.rows.len() as u64;
        self.rows.clear();
        Ok(())
    }

    /// Writes the remaining rows, the key-value metadata, and the footer. Returns the rows
    /// written.
    pub fn finish(mut self, metadata: &[(&str, String)]) -> Result<u64, Error> {
        self.flush()?;
        for (k, v) in metadata {
            self.writer
                .append_key_value_metadata(KeyValue::new((*k).to_owned(), v.clone()));
        }
        self.writer
            .close()
            .map_err(|e| parquet_error(&self.path, &e))?;
        Ok(self.written)
    }
}

/// Reads a table's rows as JSON objects, one row group at a time, handing each to `each`
/// with its 1-based row number. Returns what could not be read as the table's columns
/// (missing columns, unreadable types, unknown columns), once per file.
pub fn read_rows(
    path: &Path,
    columns: &[Column],
    mut each: impl FnMut(u64, Map<String, Value>) -> Result<(), Error>,
) -> Result<Vec<String>, Error> {
    let reader = open(path)?
        .with_batch_size(BATCH_ROWS)
        .build()
        .map_err(|e| parquet_error(path, &e))?;
    let mut issues: Vec<String> = Vec::new();
    let mut row = 0u64;
    let mut reader = reader;
    loop {
        let Some(batch) = guarded(path, || reader.next())? else {
            break;
        };
        let batch: RecordBatch = batch.map_err(|e| parquet_error(path, &e))?;
        let (rows, found) = rows_from_batch(columns, &batch);
        for issue in found {
            if !issues.contains(&issue) {
                issues.push(issue);
            }
        }
        for r in rows {
            row += 1;
            each(row, r)?;
        }
    }
    Ok(issues)
}

/// Opens a Parquet file and reads its footer.
fn open(path: &Path) -> Result<ParquetRecordBatchReaderBuilder<File>, Error> {
    let file = File::open(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    guarded(path, || ParquetRecordBatchReaderBuilder::try_new(file))?
        .map_err(|e| parquet_error(path, &e))
}

/// Runs a step of the Parquet reader, turning a panic into an error. The reader asserts
/// on some corrupt metadata (a column chunk at a negative offset) rather than returning an
/// error, and a file from anywhere must not end the run.
fn guarded<T>(path: &Path, step: impl FnOnce() -> T) -> Result<T, Error> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(step)).map_err(|panic| {
        let why = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "the reader failed".to_owned());
        Error::Parquet {
            path: path.to_path_buf(),
            message: format!("corrupt file: {why}"),
        }
    })
}

/// The key-value metadata of a Parquet file.
pub fn key_value_metadata(path: &Path) -> Result<Vec<(String, String)>, Error> {
    let builder = open(path)?;
    Ok(builder
        .metadata()
        .file_metadata()
        .key_value_metadata()
        .map(|kv| {
            kv.iter()
                .map(|k| (k.key.clone(), k.value.clone().unwrap_or_default()))
                .collect()
        })
        .unwrap_or_default())
}

/// What keeps a Parquet file from being read as a table of `columns`, from its footer alone:
/// (column, problem) for each column missing or of a type that cannot be read as its kind,
/// and for each column that is not part of the table.
pub(crate) fn column_issues(
    path: &Path,
    columns: &[Column],
) -> Result<Vec<(String, String)>, Error> {
    let builder = open(path)?;
    let schema = builder.schema();
    let mut out = Vec::new();
    for c in columns {
        match schema.field_with_name(&c.name) {
            Err(_) => out.push((c.name.clone(), format!("column `{}` is missing", c.name))),
            Ok(f) if !readable_as(f.data_type(), c.kind) => out.push((
                c.name.clone(),
                format!(
                    "column `{}` has type {}, expected {}",
                    c.name,
                    f.data_type(),
                    expected_type(c.kind)
                ),
            )),
            Ok(_) => {}
        }
    }
    for f in schema.fields() {
        if !columns.iter().any(|c| &c.name == f.name()) {
            out.push((
                f.name().clone(),
                format!("column `{}` is not part of the table", f.name()),
            ));
        }
    }
    Ok(out)
}

/// Version of the table layout and writer settings; part of [`format_fingerprint`].
const FORMAT_VERSION: &str = "1";

/// A fingerprint of what decides a release's bytes besides its data: the columns of both
/// tables (names, types, nullability, allowed values) and the writer settings. A release
/// whose format differs from the previous one is a minor release.
pub(crate) fn format_fingerprint() -> String {
    use sha2::{Digest, Sha256};
    let mut h = Sha256::new();
    h.update(FORMAT_VERSION.as_bytes());
    h.update(format!("zstd3 rows{ROW_GROUP_ROWS} stats-chunk").as_bytes());
    for columns in [claim_columns(), article_columns()] {
        for c in columns {
            h.update(
                format!(
                    "\n{}:{:?}:{}:{}",
                    c.name,
                    c.kind,
                    c.nullable,
                    c.allowed.join(",")
                )
                .as_bytes(),
            );
        }
    }
    crate::digest::hex(&h.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::table::columns::Kind;
    use crate::table::columns::tests::{
        article_full, article_sparse, claim_full, claim_sparse, row,
    };
    use arrow_array::{ArrayRef, Date32Array, Int32Array, StringArray};
    use arrow_schema::{Field, Schema};
    use std::sync::Arc;

    fn write(path: &Path, columns: &'static [Column], rows: &[Map<String, Value>]) -> u64 {
        let mut w = TableWriter::create(path, columns).expect("writer");
        for r in rows {
            w.push(r.clone()).expect("push");
        }
        w.finish(&[
            ("dataset", "demo".to_owned()),
            ("version", "1.2.3".to_owned()),
        ])
        .expect("finish")
    }

    /// Rows read, with their row numbers.
    type Numbered = Vec<(u64, Map<String, Value>)>;

    fn read(path: &Path, columns: &[Column]) -> (Numbered, Vec<String>) {
        let mut rows = Vec::new();
        let issues = read_rows(path, columns, |n, r| {
            rows.push((n, r));
            Ok(())
        })
        .expect("the file reads");
        (rows, issues)
    }

    fn col(name: &str, kind: Kind) -> Column {
        Column {
            name: name.into(),
            kind,
            nullable: true,
            description: String::new(),
            allowed: Vec::new(),
        }
    }

    /// A file of columns `t` (written as int32 where text is expected), `d` and `x` (not
    /// part of the table), with `rows` rows; `n` is missing.
    fn foreign_file(path: &Path, rows: usize) {
        let rows = i32::try_from(rows).expect("a small file");
        let t: ArrayRef = Arc::new(Int32Array::from_iter_values(0..rows));
        let d: ArrayRef = Arc::new(Date32Array::from_iter_values(0..rows));
        let x: ArrayRef = Arc::new(StringArray::from_iter_values(
            (0..rows).map(|k| k.to_string()),
        ));
        let schema = Arc::new(Schema::new(vec![
            Field::new("t", t.data_type().clone(), false),
            Field::new("d", d.data_type().clone(), false),
            Field::new("x", x.data_type().clone(), false),
        ]));
        let batch = RecordBatch::try_new(schema.clone(), vec![t, d, x]).expect("batch");
        let mut w = ArrowWriter::try_new(File::create(path).expect("create"), schema, None)
            .expect("writer");
        w.write(&batch).expect("write");
        w.close().expect("close");
    }

    #[test]
    fn claim_rows_round_trip_through_a_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("claims.parquet");
        let rows = vec![row(&claim_full()), row(&claim_sparse())];
        assert_eq!(write(&path, claim_columns(), &rows), 2);
        let (back, issues) = read(&path, claim_columns());
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(back, vec![(1, rows[0].clone()), (2, rows[1].clone())]);
    }

    #[test]
    fn article_rows_round_trip_through_a_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("articles.parquet");
        let rows = vec![row(&article_sparse()), row(&article_full())];
        write(&path, article_columns(), &rows);
        let (back, issues) = read(&path, article_columns());
        assert!(issues.is_empty(), "{issues:?}");
        let back: Vec<_> = back.into_iter().map(|(_, r)| r).collect();
        assert_eq!(back, rows);
    }

    // `claimset verify` rebuilds a release byte for byte: nothing in a file may depend on
    // when or where it was written.
    #[test]
    fn the_same_rows_give_the_same_bytes() {
        let dir = tempfile::tempdir().expect("temp dir");
        let rows: Vec<_> = (0..3)
            .flat_map(|_| [row(&claim_full()), row(&claim_sparse())])
            .collect();
        let (a, b) = (dir.path().join("a.parquet"), dir.path().join("b.parquet"));
        write(&a, claim_columns(), &rows);
        write(&b, claim_columns(), &rows);
        let bytes = std::fs::read(&a).expect("read a");
        assert!(bytes.starts_with(b"PAR1"));
        assert_eq!(bytes, std::fs::read(&b).expect("read b"));
    }

    #[test]
    fn row_groups_are_bounded_and_rows_keep_their_order() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("articles.parquet");
        let n = ROW_GROUP_ROWS + BATCH_ROWS + 1;
        let rows: Vec<_> = (0..n)
            .map(|k| {
                let mut r = row(&article_sparse());
                r.insert("source_file".into(), Value::from(format!("f{k}")));
                r
            })
            .collect();
        assert_eq!(write(&path, article_columns(), &rows), n as u64);
        let meta = open(&path).expect("open").metadata().clone();
        let groups: Vec<usize> = meta
            .row_groups()
            .iter()
            .map(|g| usize::try_from(g.num_rows()).expect("a row count"))
            .collect();
        assert_eq!(groups, [ROW_GROUP_ROWS, BATCH_ROWS + 1]);
        let (back, issues) = read(&path, article_columns());
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(back.len(), n);
        for (k, (number, r)) in back.iter().enumerate() {
            assert_eq!(*number, k as u64 + 1);
            assert_eq!(r["source_file"], format!("f{k}").as_str());
        }
    }

    #[test]
    fn metadata_and_writer_name_are_what_was_asked() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("claims.parquet");
        write(&path, claim_columns(), &[]);
        // The Arrow writer adds its own `ARROW:schema` entry; what was asked follows in order.
        let kv = key_value_metadata(&path).expect("metadata");
        let ours: Vec<_> = kv
            .into_iter()
            .filter(|(k, _)| !k.starts_with("ARROW:"))
            .collect();
        assert_eq!(
            ours,
            [
                ("dataset".to_owned(), "demo".to_owned()),
                ("version".to_owned(), "1.2.3".to_owned()),
            ]
        );
        let builder = open(&path).expect("open");
        assert_eq!(
            builder.metadata().file_metadata().created_by(),
            Some(concat!("claimset ", env!("CARGO_PKG_VERSION")))
        );
        assert_eq!(builder.schema().fields().len(), claim_columns().len());
        let (rows, issues) = read(&path, claim_columns());
        assert!(rows.is_empty() && issues.is_empty());
    }

    #[test]
    fn column_issues_name_each_column_at_fault() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("foreign.parquet");
        foreign_file(&path, 3);
        let columns = [
            col("t", Kind::Text),
            col("n", Kind::Int),
            col("d", Kind::Date),
        ];
        let issues = column_issues(&path, &columns).expect("the footer reads");
        let expected = [
            ("t", "column `t` has type Int32, expected Utf8"),
            ("n", "column `n` is missing"),
            ("x", "column `x` is not part of the table"),
        ];
        assert_eq!(
            issues,
            expected.map(|(c, m)| (c.to_owned(), m.to_owned())).to_vec()
        );
        let written = dir.path().join("claims.parquet");
        write(&written, claim_columns(), &[row(&claim_full())]);
        assert!(
            column_issues(&written, claim_columns())
                .expect("reads")
                .is_empty()
        );
        assert_eq!(
            column_issues(&written, article_columns())
                .expect("reads")
                .iter()
                .filter(|(c, _)| c == "claim_id")
                .count(),
            1
        );
    }

    // Issues are per file, not per batch: a file of several batches reports each once, and
    // the rows it can read still come through.
    #[test]
    fn read_rows_reports_each_issue_once_and_reads_what_it_can() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("foreign.parquet");
        let n = 2 * BATCH_ROWS + 5;
        foreign_file(&path, n);
        let columns = [
            col("t", Kind::Text),
            col("n", Kind::Int),
            col("d", Kind::Date),
        ];
        let (rows, issues) = read(&path, &columns);
        assert_eq!(
            issues,
            [
                "column `t` has type Int32, expected Utf8",
                "column `n` is missing",
                "column `x` is not part of the table",
            ]
        );
        assert_eq!(rows.len(), n);
        assert_eq!(rows[1].1["d"], "1970-01-02");
        assert!(rows.iter().all(|(_, r)| r.len() == 1));
    }

    #[test]
    fn an_error_from_the_callback_stops_the_read() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("claims.parquet");
        let rows = vec![row(&claim_full()); 5];
        write(&path, claim_columns(), &rows);
        let mut calls = 0;
        let result = read_rows(&path, claim_columns(), |n, _| {
            calls += 1;
            if n == 2 {
                Err(Error::Version("stop here".into()))
            } else {
                Ok(())
            }
        });
        assert!(matches!(result, Err(Error::Version(m)) if m == "stop here"));
        assert_eq!(calls, 2);
    }

    #[test]
    fn unreadable_files_are_errors_that_name_the_file() {
        let dir = tempfile::tempdir().expect("temp dir");
        let missing = dir.path().join("missing.parquet");
        assert!(matches!(
            read_rows(&missing, claim_columns(), |_, _| Ok(())),
            Err(Error::Read { path, .. }) if path == missing
        ));

        let text = dir.path().join("text.parquet");
        std::fs::write(&text, "claim_id,claim_text\nc1,hello\n").expect("write");
        let good = dir.path().join("good.parquet");
        write(&good, claim_columns(), &[row(&claim_full())]);
        let bytes = std::fs::read(&good).expect("read");
        let truncated = dir.path().join("truncated.parquet");
        std::fs::write(&truncated, &bytes[..bytes.len() / 2]).expect("write");
        for bad in [text, truncated] {
            let mut called = false;
            let result = read_rows(&bad, claim_columns(), |_, _| {
                called = true;
                Ok(())
            });
            assert!(
                matches!(&result, Err(Error::Parquet { path, .. }) if *path == bad),
                "{}: {result:?}",
                bad.display()
            );
            assert!(!called);
            assert!(matches!(
                key_value_metadata(&bad),
                Err(Error::Parquet { .. })
            ));
            assert!(matches!(
                column_issues(&bad, claim_columns()),
                Err(Error::Parquet { .. })
            ));
        }
    }

    #[test]
    fn the_writer_refuses_a_path_it_cannot_create() {
        let dir = tempfile::tempdir().expect("temp dir");
        let path = dir.path().join("no-such-folder").join("claims.parquet");
        assert!(matches!(
            TableWriter::create(&path, claim_columns()),
            Err(Error::Write { path: p, .. }) if p == path
        ));
    }
}
