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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::{ArticleRow, ClaimRecord};
    use crate::table::columns::tests::{
        article_full, article_sparse, claim_full, claim_sparse, row,
    };
    use crate::table::columns::{article_columns, claim_columns};
    use arrow_schema::{Field, Schema};

    fn col(name: &str, kind: Kind) -> Column {
        Column {
            name: name.into(),
            kind,
            nullable: true,
            description: String::new(),
            allowed: Vec::new(),
        }
    }

    fn batch(fields: Vec<(&str, ArrayRef)>) -> RecordBatch {
        let schema = Schema::new(
            fields
                .iter()
                .map(|(n, a)| Field::new(*n, a.data_type().clone(), true))
                .collect::<Vec<_>>(),
        );
        RecordBatch::try_new(
            Arc::new(schema),
            fields.into_iter().map(|(_, a)| a).collect(),
        )
        .expect("arrays match the schema")
    }

    #[test]
    fn claim_records_round_trip_through_a_batch() {
        let records = [claim_sparse(), claim_full()];
        let rows: Vec<_> = records.iter().map(row).collect();
        let b = batch_from_rows(claim_columns(), &rows);
        assert_eq!(b.num_rows(), 2);
        assert_eq!(b.schema(), arrow_schema(claim_columns()));
        let (back, issues) = rows_from_batch(claim_columns(), &b);
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(back, rows);
        let again: Vec<ClaimRecord> = back
            .into_iter()
            .map(|r| serde_json::from_value(Value::Object(r)).expect("a claim record"))
            .collect();
        assert_eq!(again, records);
    }

    #[test]
    fn article_rows_round_trip_through_a_batch() {
        let records = [article_full(), article_sparse()];
        let rows: Vec<_> = records.iter().map(row).collect();
        let b = batch_from_rows(article_columns(), &rows);
        let (back, issues) = rows_from_batch(article_columns(), &b);
        assert!(issues.is_empty(), "{issues:?}");
        let again: Vec<ArticleRow> = back
            .into_iter()
            .map(|r| serde_json::from_value(Value::Object(r)).expect("an article row"))
            .collect();
        assert_eq!(again, records);
    }

    // Values are taken by position only while the keys line up with the columns; a row in
    // another order, or with a key left out, must still land every value in its own column.
    #[test]
    fn rows_keyed_in_another_order_give_the_same_batch() {
        let full = row(&claim_full());
        let reversed: Map<String, Value> = full
            .iter()
            .rev()
            .map(|(k, v)| (k.clone(), v.clone()))
            .collect();
        let mut gap = full.clone();
        gap.shift_remove("claimant_mention");
        let b = batch_from_rows(claim_columns(), &[full.clone(), reversed, gap]);
        let (back, _) = rows_from_batch(claim_columns(), &b);
        assert_eq!(back[0], full);
        assert_eq!(back[1], full);
        let mut expected = full;
        expected.insert("claimant_mention".into(), Value::Null);
        assert_eq!(back[2], expected);
    }

    // Rows are validated before they get here, so only a nullable column can be given a value
    // of the wrong shape; it must become a null, not a wrong value.
    #[test]
    fn values_of_the_wrong_shape_become_nulls() {
        let cases = [
            (
                claim_columns(),
                row(&claim_full()),
                vec![
                    ("claimant", Value::from(5)),
                    ("claimant_mention", Value::Array(Vec::new())),
                    ("review_date", Value::from("03/02/2022")),
                ],
            ),
            (
                article_columns(),
                row(&article_full()),
                vec![
                    ("source_line", Value::from(i64::from(i32::MAX) + 1)),
                    ("article_date", Value::from("2022-02-30")),
                    ("publisher", Value::Bool(true)),
                ],
            ),
        ];
        for (columns, mut r, wrong) in cases {
            for (k, v) in &wrong {
                r.insert((*k).to_owned(), v.clone());
            }
            let b = batch_from_rows(columns, std::slice::from_ref(&r));
            let (back, _) = rows_from_batch(columns, &b);
            for (k, _) in &wrong {
                r.insert((*k).to_owned(), Value::Null);
            }
            assert_eq!(back[0], r);
        }
    }

    #[test]
    fn other_encodings_are_read_as_their_kind() {
        let columns = [
            col("t", Kind::Text),
            col("n", Kind::Int),
            col("d", Kind::Date),
        ];
        let wide = batch(vec![
            (
                "t",
                Arc::new(LargeStringArray::from(vec![Some("ä"), None, Some("")])) as ArrayRef,
            ),
            (
                "n",
                Arc::new(Int64Array::from(vec![Some(-3), None, Some(7)])),
            ),
            (
                "d",
                // One millisecond before the epoch is the day before it; i64::MIN is no day.
                Arc::new(Date64Array::from(vec![
                    Some(-1),
                    Some(19_024 * 86_400_000 + 1),
                    Some(i64::MIN),
                ])),
            ),
        ]);
        let (rows, issues) = rows_from_batch(&columns, &wide);
        assert!(issues.is_empty(), "{issues:?}");
        let got: Vec<Vec<Value>> = rows
            .iter()
            .map(|r| vec![r["t"].clone(), r["n"].clone(), r["d"].clone()])
            .collect();
        assert_eq!(
            got,
            [
                vec![Value::from("ä"), Value::from(-3), Value::from("1969-12-31")],
                vec![Value::Null, Value::Null, Value::from("2022-02-01")],
                vec![Value::from(""), Value::from(7), Value::Null],
            ]
        );

        let other = batch(vec![
            (
                "t",
                Arc::new(StringViewArray::from(vec![Some("x"), None])) as ArrayRef,
            ),
            ("n", Arc::new(UInt32Array::from(vec![Some(u32::MAX), None]))),
            ("d", Arc::new(Date32Array::from(vec![None, Some(-719_162)]))),
        ]);
        let (rows, issues) = rows_from_batch(&columns, &other);
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(rows[0]["t"], "x");
        assert_eq!(rows[0]["n"], Value::from(u32::MAX));
        assert_eq!(rows[0]["d"], Value::Null);
        assert_eq!(rows[1]["t"], Value::Null);
        assert_eq!(rows[1]["d"], "0001-01-01");
    }

    // A file of another tool must be reported on, column by column, not make the read fail.
    #[test]
    fn missing_mistyped_and_unknown_columns_are_reported_and_left_out() {
        let columns = [
            col("t", Kind::Text),
            col("n", Kind::Int),
            col("d", Kind::Date),
        ];
        let b = batch(vec![
            ("t", Arc::new(Int32Array::from(vec![1, 2])) as ArrayRef),
            ("d", Arc::new(Date32Array::from(vec![0, 1]))),
            ("x", Arc::new(StringArray::from(vec!["a", "b"]))),
        ]);
        let (rows, issues) = rows_from_batch(&columns, &b);
        assert_eq!(
            issues,
            [
                "column `t` has type Int32, expected Utf8",
                "column `n` is missing",
                "column `x` is not part of the table",
            ]
        );
        assert_eq!(rows.len(), 2);
        for (r, d) in rows.iter().zip(["1970-01-01", "1970-01-02"]) {
            let keys: Vec<&str> = r.keys().map(String::as_str).collect();
            assert_eq!(keys, ["d"]);
            assert_eq!(r["d"], d);
        }
    }

    #[test]
    fn each_kind_reads_its_own_type_and_no_other_kinds() {
        let kinds = [Kind::Text, Kind::Int, Kind::Date];
        for k in kinds {
            assert_eq!(expected_type(k), k.data_type());
            for other in kinds {
                assert_eq!(
                    readable_as(&other.data_type(), k),
                    k == other,
                    "{:?} as {k:?}",
                    other.data_type()
                );
            }
        }
        assert!(readable_as(&DataType::Utf8View, Kind::Text));
        assert!(readable_as(&DataType::UInt32, Kind::Int));
        assert!(!readable_as(&DataType::UInt64, Kind::Int));
        assert!(!readable_as(&DataType::Float64, Kind::Int));
        assert!(!readable_as(
            &DataType::Timestamp(arrow_schema::TimeUnit::Second, None),
            Kind::Date
        ));
    }
}
