//! Between JSON rows and Arrow record batches: written from validated rows, read back from
//! files of other tools too (other string, integer and date encodings), reporting what it
//! cannot read instead of failing on it.

use std::sync::Arc;

use arrow_array::builder::{Date32Builder, Int32Builder, StringBuilder};
use arrow_array::{
    Array, ArrayRef, Date32Array, Date64Array, Int32Array, Int64Array, LargeStringArray,
    RecordBatch, StringArray, StringViewArray, UInt32Array,
};
use arrow_schema::DataType;
use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::columns::{Column, Kind, arrow_schema};

const EPOCH: NaiveDate = NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date");

/// Builds a record batch from JSON rows (objects keyed by column name). Values of the wrong
/// shape become nulls; rows are validated before they get here.
pub(super) fn batch_from_rows(columns: &[Column], rows: &[Map<String, Value>]) -> RecordBatch {
    // Rows serialized from one struct list their fields in column order: take each value by
    // position when its key says it is the right one, and look it up by name otherwise.
    let cells: Vec<Vec<Option<&Value>>> = rows
        .iter()
        .map(|r| {
            let mut entries = r.iter();
            columns
                .iter()
                .map(|c| match entries.next() {
                    Some((k, v)) if *k == c.name => Some(v),
                    _ => r.get(&c.name),
                })
                .collect()
        })
        .collect();
    let arrays: Vec<ArrayRef> = columns
        .iter()
        .enumerate()
        .map(|(i, c)| -> ArrayRef {
            let values = cells.iter().map(|r| r[i]);
            match c.kind {
                Kind::Text => {
                    let mut b = StringBuilder::with_capacity(rows.len(), rows.len() * 16);
                    for v in values {
                        b.append_option(v.and_then(Value::as_str));
                    }
                    Arc::new(b.finish())
                }
                Kind::Int => {
                    let mut b = Int32Builder::with_capacity(rows.len());
                    for v in values {
                        b.append_option(
                            v.and_then(Value::as_i64)
                                .and_then(|n| i32::try_from(n).ok()),
                        );
                    }
                    Arc::new(b.finish())
                }
                Kind::Date => {
                    let mut b = Date32Builder::with_capacity(rows.len());
                    for v in values {
                        let day = v
                            .and_then(Value::as_str)
                            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
                            .map(|d| (d - EPOCH).num_days() as i32);
                        b.append_option(day);
                    }
                    Arc::new(b.finish())
                }
            }
        })
        .collect();
    RecordBatch::try_new(arrow_schema(columns), arrays).expect("columns match the schema")
}

/// JSON rows from a record batch, reading each expected column by name. Columns of other
/// string, integer and date encodings (large strings, string views, int64, date64) are read
/// too, so files written by other tools can be checked; a column that is missing, or whose
/// type cannot be read as its kind, is reported once and left out of the rows, where the
/// schema then reports it per row.
pub(super) fn rows_from_batch(
    columns: &[Column],
    batch: &RecordBatch,
) -> (Vec<Map<String, Value>>, Vec<String>) {
    let mut rows = vec![Map::with_capacity(columns.len()); batch.num_rows()];
    let mut issues = Vec::new();
    for c in columns {
        let Some(array) = batch.column_by_name(&c.name) else {
            issues.push(format!("column `{}` is missing", c.name));
            continue;
        };
        let read = read_column(c.kind, array.as_ref());
        match read {
            Some(values) => {
                for (row, v) in rows.iter_mut().zip(values) {
                    row.insert(c.name.clone(), v);
                }
            }
            None => issues.push(format!(
                "column `{}` has type {}, expected {}",
                c.name,
                array.data_type(),
                c.kind.data_type()
            )),
        }
    }
    let known: Vec<&str> = columns.iter().map(|c| c.name.as_str()).collect();
    for f in batch.schema().fields() {
        if !known.contains(&f.name().as_str()) {
            issues.push(format!("column `{}` is not part of the table", f.name()));
        }
    }
    (rows, issues)
}

/// Whether a column of `dt` can be read as `kind`.
pub(super) fn readable_as(dt: &DataType, kind: Kind) -> bool {
    match kind {
        Kind::Text => matches!(
            dt,
            DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View
        ),
        Kind::Int => matches!(dt, DataType::Int32 | DataType::Int64 | DataType::UInt32),
        Kind::Date => matches!(dt, DataType::Date32 | DataType::Date64),
    }
}

/// The type a column of `kind` is written as.
pub(super) fn expected_type(kind: Kind) -> DataType {
    kind.data_type()
}

fn read_column(kind: Kind, a: &dyn Array) -> Option<Vec<Value>> {
    let any = a.as_any();
    let opt = |valid: bool, v: Value| if valid { v } else { Value::Null };
    Some(match kind {
        Kind::Text => {
            if let Some(s) = any.downcast_ref::<StringArray>() {
                (0..s.len())
                    .map(|i| opt(s.is_valid(i), Value::from(s.value(i))))
                    .collect()
            } else if let Some(s) = any.downcast_ref::<LargeStringArray>() {
                (0..s.len())
                    .map(|i| opt(s.is_valid(i), Value::from(s.value(i))))
                    .collect()
            } else if let Some(s) = any.downcast_ref::<StringViewArray>() {
                (0..s.len())
                    .map(|i| opt(s.is_valid(i), Value::from(s.value(i))))
                    .collect()
            } else {
                return None;
            }
        }
        Kind::Int => {
            if let Some(n) = any.downcast_ref::<Int32Array>() {
                (0..n.len())
                    .map(|i| opt(n.is_valid(i), Value::from(n.value(i))))
                    .collect()
            } else if let Some(n) = any.downcast_ref::<Int64Array>() {
                (0..n.len())
                    .map(|i| opt(n.is_valid(i), Value::from(n.value(i))))
                    .collect()
            } else if let Some(n) = any.downcast_ref::<UInt32Array>() {
                (0..n.len())
                    .map(|i| opt(n.is_valid(i), Value::from(n.value(i))))
                    .collect()
            } else {
                return None;
            }
        }
        Kind::Date => {
            // A day count beyond chrono's range (a Date64 of i64::MIN) is no date: null, which
            // the schema then reports, never a panic.
            let day = |d: i64| {
                chrono::TimeDelta::try_days(d)
                    .and_then(|delta| EPOCH.checked_add_signed(delta))
                    .map(|d| Value::from(d.to_string()))
            };
            if let Some(d) = any.downcast_ref::<Date32Array>() {
                (0..d.len())
                    .map(|i| {
                        if d.is_valid(i) {
                            day(i64::from(d.value(i))).unwrap_or(Value::Null)
                        } else {
                            Value::Null
                        }
                    })
                    .collect()
            } else if let Some(d) = any.downcast_ref::<Date64Array>() {
                (0..d.len())
                    .map(|i| {
                        if d.is_valid(i) {
                            day(d.value(i).div_euclid(86_400_000)).unwrap_or(Value::Null)
                        } else {
                            Value::Null
                        }
                    })
                    .collect()
            } else {
                return None;
            }
        }
    })
}
