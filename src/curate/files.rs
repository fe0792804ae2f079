//! Validating files of claim records — JSON Lines, a JSON array or Parquet, told apart by
//! their content — streaming each problem out as it is found, so that memory stays bounded
//! whatever the file's size.

use serde_json::Value;

use super::Problem;
use super::rules::RecordValidator;

/// The largest record read from JSON; a larger one is reported, not read.
pub const MAX_RECORD_BYTES: usize = 16 << 20;

/// The formats records are read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    /// One JSON object a line.
    JsonLines,
    /// A JSON array of objects.
    JsonArray,
    /// A Parquet file with the claims table's columns.
    Parquet,
}

/// What validating one file found.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct FileReport {
    /// The file as named.
    pub file: String,
    /// Its format, when it could be told.
    pub format: Option<Format>,
    /// Records read.
    pub records: u64,
    /// Records with at least one problem.
    pub invalid: u64,
    /// Problems with the file itself (unreadable, wrong columns).
    pub file_problems: u64,
}

/// Sends one file's problems on, and counts.
struct Checker<'a> {
    name: String,
    validator: &'a RecordValidator,
    report: &'a mut dyn FnMut(Problem),
    out: FileReport,
}

impl Checker<'_> {
    fn file_problem(&mut self, line: Option<u64>, rule: &str, message: String, fix: &str) {
        self.out.file_problems += 1;
        (self.report)(Problem {
            file: self.name.clone(),
            line,
            claim_id: None,
            pointer: String::new(),
            rule: format!("file/{rule}"),
            message,
            value: None,
            fix: fix.to_owned(),
        });
    }

    /// Checks one record whose keys `dups` appear more than once: only the last value of
    /// each could be checked, so each is a problem of its own.
    fn record_with(&mut self, line: u64, value: &Value, dups: &[String]) {
        let id = value
            .get("claim_id")
            .and_then(Value::as_str)
            .map(str::to_owned);
        for d in dups {
            (self.report)(Problem {
                file: self.name.clone(),
                line: Some(line),
                claim_id: id.clone(),
                pointer: d.clone(),
                rule: "json/duplicate-key".into(),
                message: format!(
                    "the key `{}` appears more than once; only its last value was checked",
                    d.rsplit('/').next().unwrap_or(d)
                ),
                value: None,
                fix: "give each field once".into(),
            });
        }
        let before = self.out.invalid;
        self.record(line, value, &[]);
        if !dups.is_empty() && self.out.invalid == before {
            self.out.invalid += 1;
        }
    }

    /// Checks one record; `skip` names columns already reported missing for the whole file.
    fn record(&mut self, line: u64, value: &Value, skip: &[String]) {
        self.out.records += 1;
        let id = value
            .get("claim_id")
            .and_then(Value::as_str)
            .map(str::to_owned);
        let mut bad = false;
        for v in self.validator.check_value(value) {
            let about_skipped = skip
                .iter()
                .any(|c| v.pointer == format!("/{c}") || v.message.contains(&format!("\"{c}\"")));
            if about_skipped {
                continue;
            }
            bad = true;
            (self.report)(Problem::from_violation(
                &self.name,
                Some(line),
                id.clone(),
                v,
            ));
        }
        if bad {
            self.out.invalid += 1;
        }
    }
}

/// Validates every record of a file of claim records, detecting its format from its
/// content. Each problem goes to `report` as it is found; memory stays bounded whatever the
/// file's size. Fails only if the file cannot be opened.
pub fn validate_file(
    path: &std::path::Path,
    validator: &RecordValidator,
    report: &mut dyn FnMut(Problem),
) -> Result<FileReport, crate::Error> {
    use std::io::Read;
    let name = path.display().to_string();
    let read_err = |source| crate::Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let mut file = std::fs::File::open(path).map_err(read_err)?;
    let mut head = [0u8; 4096];
    let mut n = 0;
    while n < head.len() {
        match file.read(&mut head[n..]) {
            Ok(0) => break,
            Ok(k) => n += k,
            Err(source) => return Err(read_err(source)),
        }
    }
    let head = &head[..n];
    let mut c = Checker {
        name: name.clone(),
        validator,
        report,
        out: FileReport {
            file: name,
            format: None,
            records: 0,
            invalid: 0,
            file_problems: 0,
        },
    };
    let text_start = head
        .strip_prefix("\u{feff}".as_bytes())
        .unwrap_or(head)
        .iter()
        .find(|b| !b.is_ascii_whitespace())
        .copied();
    let format = if head.starts_with(b"PAR1") {
        Format::Parquet
    } else if head.contains(&0) {
        c.file_problem(
            None,
            "binary",
            "binary data: not JSON Lines, a JSON array or Parquet".into(),
            "pass claim records as JSON Lines, a JSON array, or a release's claims.parquet",
        );
        return Ok(c.out);
    } else if text_start == Some(b'[') {
        Format::JsonArray
    } else if text_start.is_none() {
        c.file_problem(
            None,
            "empty",
            "the file has no records".into(),
            "give at least one record",
        );
        return Ok(c.out);
    } else {
        Format::JsonLines
    };
    c.out.format = Some(format);
    match format {
        Format::Parquet => validate_parquet(path, &mut c),
        Format::JsonLines => {
            let file = std::fs::File::open(path).map_err(read_err)?;
            validate_json_lines(
                Box::new(std::io::BufReader::with_capacity(1 << 16, file)),
                &mut c,
            );
        }
        Format::JsonArray => {
            let file = std::fs::File::open(path).map_err(read_err)?;
            validate_json_array(std::io::BufReader::with_capacity(1 << 16, file), &mut c);
        }
    }
    Ok(c.out)
}

fn validate_parquet(path: &std::path::Path, c: &mut Checker<'_>) {
    let columns = crate::table::claim_columns();
    let fix = "write claims with `claimset release`, or with the columns and types of the data \
               dictionary (datasets/README.md)";
    let issues = match crate::table::column_issues(path, columns) {
        Ok(issues) => issues,
        Err(e) => {
            c.file_problem(
                None,
                "parquet",
                format!("not a readable Parquet file: {e}"),
                fix,
            );
            return;
        }
    };
    // A release written with an older record schema lacks the columns added since, rightly:
    // they are read as the nulls they would have held.
    let declared = crate::table::key_value_metadata(path)
        .ok()
        .and_then(|kv| kv.into_iter().find(|(k, _)| k == "claimset.schema_version"))
        .map(|(_, v)| crate::table::added_after(&v))
        .unwrap_or_default();
    let mut issues = issues;
    let mut older = Vec::new();
    issues.retain(|(col, issue)| {
        let absent = declared.contains(&col.as_str()) && issue.ends_with("is missing");
        if absent {
            older.push(col.clone());
        }
        !absent
    });
    let skip: Vec<String> = issues.iter().map(|(col, _)| col.clone()).collect();
    for (_, issue) in &issues {
        c.file_problem(None, "parquet", issue.clone(), fix);
    }
    let result = crate::table::read_rows(path, columns, |row, mut values| {
        for col in &older {
            values.insert(col.clone(), Value::Null);
        }
        c.record(row, &Value::Object(values), &skip);
        Ok(())
    });
    if let Err(e) = result {
        c.file_problem(None, "parquet", format!("cannot read further: {e}"), fix);
    }
}

fn validate_json_lines(mut reader: Box<dyn std::io::BufRead + Send>, c: &mut Checker<'_>) {
    use crate::input::{LineRead, read_line};
    let mut buf = Vec::new();
    let mut line = 0u64;
    loop {
        buf.clear();
        line += 1;
        match read_line(&mut reader, &mut buf, MAX_RECORD_BYTES) {
            Ok(LineRead::Eof) => break,
            Ok(LineRead::Runaway) => {
                c.file_problem(
                    Some(line),
                    "too-large",
                    format!(
                        "a line longer than {} MiB with no end in sight: the rest of the file \
                         is not read",
                        MAX_RECORD_BYTES >> 20
                    ),
                    "one record a line; a claim record is a few kilobytes",
                );
                break;
            }
            Ok(LineRead::TooLong) => c.file_problem(
                Some(line),
                "too-large",
                format!("the line is longer than {} MiB", MAX_RECORD_BYTES >> 20),
                "one record a line; a claim record is a few kilobytes",
            ),
            Ok(LineRead::Line) => {
                let bytes = if line == 1 {
                    buf.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&buf)
                } else {
                    &buf[..]
                };
                if bytes.iter().all(u8::is_ascii_whitespace) {
                    continue;
                }
                match std::str::from_utf8(bytes) {
                    Err(e) => c.file_problem(
                        Some(line),
                        "utf8",
                        format!("invalid UTF-8 at byte {}", e.valid_up_to()),
                        "write records as UTF-8",
                    ),
                    Ok(text) => match super::json::parse(text) {
                        Ok((v, dups)) => c.record_with(line, &v, &dups),
                        Err(e) => c.file_problem(
                            Some(line),
                            "json",
                            format!("malformed JSON: {}", crate::input::json_message(&e)),
                            "each line must be one JSON object",
                        ),
                    },
                }
            }
            Err(e) => {
                c.file_problem(Some(line), "read", format!("cannot read further: {e}"), "");
                break;
            }
        }
    }
}

fn validate_json_array(reader: impl std::io::Read, c: &mut Checker<'_>) {
    let counter = Counting::new(reader);
    let state = counter.state.clone();
    let mut de = serde_json::Deserializer::from_reader(counter);
    let mut on_element = |v: Value, dups: Vec<String>| {
        let (lines, _) = state.take_mark();
        c.record_with(lines + 1, &v, &dups);
    };
    let result = serde::Deserializer::deserialize_seq(&mut de, Elements(&mut on_element));
    if let Err(e) = result.and_then(|()| de.end()) {
        let (lines, _) = state.take_mark();
        c.file_problem(
            Some(lines + 1),
            "json",
            format!("malformed JSON array: {e}"),
            "the file must be one JSON array of record objects",
        );
    }
}

/// Reads the elements of a JSON array one at a time, with their repeated keys.
struct Elements<'a>(&'a mut dyn FnMut(Value, Vec<String>));

impl<'de> serde::de::Visitor<'de> for Elements<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an array of claim records")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        loop {
            let mut dups = Vec::new();
            let seed = super::json::Checked {
                dups: &mut dups,
                at: String::new(),
            };
            match seq.next_element_seed(seed)? {
                Some(v) => (self.0)(v, dups),
                None => break,
            }
        }
        Ok(())
    }
}

/// Counts lines read, and refuses a single element larger than [`MAX_RECORD_BYTES`].
struct Counting<R> {
    inner: R,
    state: std::sync::Arc<CountState>,
}

#[derive(Default)]
struct CountState {
    lines: std::sync::atomic::AtomicU64,
    since_mark: std::sync::atomic::AtomicUsize,
}

impl CountState {
    /// Lines so far, and bytes since the last element; starts a new element.
    fn take_mark(&self) -> (u64, usize) {
        use std::sync::atomic::Ordering::Relaxed;
        (self.lines.load(Relaxed), self.since_mark.swap(0, Relaxed))
    }
}

impl<R> Counting<R> {
    fn new(inner: R) -> Self {
        Counting {
            inner,
            state: std::sync::Arc::default(),
        }
    }
}

impl<R: std::io::Read> std::io::Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        use std::sync::atomic::Ordering::Relaxed;
        let n = self.inner.read(buf)?;
        let newlines = buf[..n]
            .iter()
            .fold(0u64, |k, &b| k + u64::from(b == b'\n'));
        self.state.lines.fetch_add(newlines, Relaxed);
        let since = self.state.since_mark.fetch_add(n, Relaxed) + n;
        if since > MAX_RECORD_BYTES {
            return Err(std::io::Error::other(format!(
                "a record is longer than {} MiB",
                MAX_RECORD_BYTES >> 20
            )));
        }
        Ok(n)
    }
}
