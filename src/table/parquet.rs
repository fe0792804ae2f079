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
