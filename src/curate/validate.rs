//! Record validation: the published JSON Schema, then the rules a schema cannot express.
//! Every violation is returned as data, never as an error.

use chrono::NaiveDate;
use serde_json::Value;

use crate::record::ClaimRecord;

/// A rule beyond the JSON Schema, documented for the people who break it.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    /// The rule's name, as reports show it.
    pub name: &'static str,
    /// What it checks.
    pub what: &'static str,
    /// Why it matters.
    pub why: &'static str,
    /// A record that breaks it.
    pub example: &'static str,
    /// How to fix a record that breaks it.
    pub fix: &'static str,
}

/// The record rules checked after the schema, in the order they are checked.
pub const RULES: &[Rule] = &[
    Rule {
        name: "span-order",
        what: "span_end is greater than span_start",
        why: "the span is the claim's source text; an empty or reversed span points at nothing",
        example: r#"{"span_start": 120, "span_end": 120}"#,
        fix: "set span_end to the offset just after the claim's last character (code points)",
    },
    Rule {
        name: "claim-date-not-after-article",
        what: "claim_date is on or before article_date",
        why: "an article reports claims made before it was published",
        example: r#"{"claim_date": "2022-02-03", "article_date": "2022-02-01"}"#,
        fix: "use the day the claim was made; a weekday in the article means the latest such day \
              on or before the article date",
    },
    Rule {
        name: "claim-text-blank",
        what: "claim_text has visible characters",
        why: "a claim with no words cannot be checked or read",
        example: r#"{"claim_text": "   "}"#,
        fix: "give the claim's words, or reject the claim with a correction",
    },
    Rule {
        name: "publisher-matches-url",
        what: "publisher is source_url's host without `www.`",
        why: "users group claims by publisher; a publisher that disagrees with the URL splits them",
        example: r#"{"source_url": "https://www.presstv.ir/x", "publisher": "Press TV"}"#,
        fix: "set publisher to the URL's host (`presstv.ir`)",
    },
    Rule {
        name: "verdict-complete",
        what: "a verdict (verification_status other than unverified) has reviewed_by, \
               review_url and review_date",
        why: "a verdict without its source cannot be checked or cited",
        example: r#"{"verification_status": "false", "reviewed_by": null}"#,
        fix: "add who reviewed the claim, the fact-check URL and its date",
    },
    Rule {
        name: "review-without-verdict",
        what: "an unverified claim has no verdict_label, reviewed_by, review_url or review_date",
        why: "review fields without a verdict say a review happened but not what it found",
        example: r#"{"verification_status": "unverified", "verdict_label": "Pants on Fire"}"#,
        fix: "set verification_status to the verdict, or remove the review fields",
    },
    Rule {
        name: "review-after-claim",
        what: "review_date is on or after claim_date",
        why: "a claim is reviewed after it is made",
        example: r#"{"claim_date": "2022-02-01", "review_date": "2021-12-01"}"#,
        fix: "use the date the fact-check was published",
    },
];

/// One violation: where in the record, which rule, what is wrong, and the offending value.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    /// JSON pointer into the record (`/claim_date`; empty for the whole record).
    pub pointer: String,
    /// `schema/<keyword>` for schema violations, else a rule name from [`RULES`].
    pub rule: String,
    /// What is wrong.
    pub message: String,
    /// The offending value, if one field is at fault.
    pub value: Option<Value>,
}

/// Checks records against the claim schema and [`RULES`].
pub struct RecordValidator {
    schema: jsonschema::Validator,
}

impl Default for RecordValidator {
    fn default() -> Self {
        Self::new()
    }
}

impl RecordValidator {
    /// Compiles the claim schema, with format checking (`date`, `uri`).
    pub fn new() -> Self {
        let schema: Value = serde_json::from_str(&crate::schema::claim_schema())
            .expect("the generated schema is JSON");
        let schema = jsonschema::draft202012::options()
            .should_validate_formats(true)
            .build(&schema)
            .expect("the generated schema compiles");
        RecordValidator { schema }
    }

    /// Every violation of one record given as JSON.
    pub fn check_value(&self, record: &Value) -> Vec<Violation> {
        let mut out = Vec::new();
        // Almost every record is valid, and a yes/no answer costs a fraction of collecting
        // errors: collect only for the records that fail.
        if !self.schema.is_valid(record) {
            out = self.schema_violations(record);
        }
        // The rules read typed fields; a record the schema rejects may not have them.
        if let Value::Object(o) = record {
            check_rules(o, &mut out);
        }
        out
    }

    fn schema_violations(&self, record: &Value) -> Vec<Violation> {
        self.schema
            .iter_errors(record)
            .map(|e| {
                let pointer = e.instance_path().to_string();
                let value = (!pointer.is_empty()).then(|| e.instance().clone().into_owned());
                let mut rule = format!("schema/{}", e.kind().keyword());
                let mut message = e.to_string();
                // Enums are documented value by value (`oneOf` of `const`s); say which values
                // are allowed rather than which subschemas failed.
                if rule == "schema/oneOf"
                    && let Some(col) = crate::publish::arrow::claim_columns()
                        .iter()
                        .find(|c| pointer == format!("/{}", c.name) && !c.allowed.is_empty())
                {
                    rule = "schema/enum".into();
                    message = format!(
                        "{} is not one of: {}",
                        value.as_ref().map_or_else(String::new, ToString::to_string),
                        col.allowed.join(", ")
                    );
                }
                Violation {
                    pointer,
                    rule,
                    message,
                    value,
                }
            })
            .collect()
    }

    /// Every violation of one record.
    pub fn check(&self, record: &ClaimRecord) -> Vec<Violation> {
        let value = serde_json::to_value(record).expect("records serialize");
        self.check_value(&value)
    }
}

fn check_rules(o: &serde_json::Map<String, Value>, out: &mut Vec<Violation>) {
    let int = |k: &str| o.get(k).and_then(Value::as_i64);
    let text = |k: &str| o.get(k).and_then(Value::as_str);
    let date = |k: &str| text(k).and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
    // Typed presence: a value of the wrong type is the schema's to report, not a rule's.
    let present = |k: &str| o.get(k).is_some_and(Value::is_string);
    let mut push = |rule: &str, field: &str, message: String| {
        out.push(Violation {
            pointer: if field.is_empty() {
                String::new()
            } else {
                format!("/{field}")
            },
            rule: rule.to_owned(),
            message,
            value: o.get(field).cloned(),
        });
    };
    if let (Some(a), Some(b)) = (int("span_start"), int("span_end"))
        && b <= a
    {
        push(
            "span-order",
            "span_end",
            format!("span_end {b} is not after span_start {a}"),
        );
    }
    if let (Some(c), Some(a)) = (date("claim_date"), date("article_date"))
        && c > a
    {
        push(
            "claim-date-not-after-article",
            "claim_date",
            format!("claim_date {c} is after the article's date {a}"),
        );
    }
    if let Some(t) = text("claim_text")
        && !t.is_empty()
        && t.trim().is_empty()
    {
        push(
            "claim-text-blank",
            "claim_text",
            "claim_text is only whitespace".into(),
        );
    }
    if let (Some(url), Some(p)) = (text("source_url"), text("publisher"))
        && let Some(host) = crate::extract::article::publisher(url)
        && host != p
    {
        push(
            "publisher-matches-url",
            "publisher",
            format!("publisher `{p}` is not the URL's host `{host}`"),
        );
    }
    let status = text("verification_status");
    let verdicts = crate::publish::arrow::claim_columns()
        .iter()
        .find(|c| c.name == "verification_status")
        .map(|c| c.allowed.clone())
        .unwrap_or_default();
    let is_verdict = status.is_some_and(|s| s != "unverified" && verdicts.iter().any(|v| v == s));
    if is_verdict {
        for field in ["reviewed_by", "review_url", "review_date"] {
            if !present(field) {
                push(
                    "verdict-complete",
                    field,
                    format!("a verdict needs {field}"),
                );
            }
        }
    } else if status == Some("unverified") {
        for field in ["verdict_label", "reviewed_by", "review_url", "review_date"] {
            if present(field) {
                push(
                    "review-without-verdict",
                    field,
                    format!("{field} is set but the claim is unverified"),
                );
            }
        }
    }
    if let (Some(c), Some(r)) = (date("claim_date"), date("review_date"))
        && r < c
    {
        push(
            "review-after-claim",
            "review_date",
            format!("review_date {r} is before claim_date {c}"),
        );
    }
}

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
    report: &'a mut dyn FnMut(super::Problem),
    out: FileReport,
}

impl Checker<'_> {
    fn file_problem(&mut self, line: Option<u64>, rule: &str, message: String, fix: &str) {
        self.out.file_problems += 1;
        (self.report)(super::Problem {
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
            (self.report)(super::Problem::from_violation(
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
    report: &mut dyn FnMut(super::Problem),
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
    let columns = crate::publish::arrow::claim_columns();
    let fix = "write claims with `claimset release`, or with the columns and types of the data \
               dictionary (datasets/README.md)";
    let issues = match crate::publish::parquet::column_issues(path, columns) {
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
    let skip: Vec<String> = issues.iter().map(|(col, _)| col.clone()).collect();
    for (_, issue) in &issues {
        c.file_problem(None, "parquet", issue.clone(), fix);
    }
    let result = crate::publish::parquet::read_rows(path, columns, |row, values| {
        c.record(row, &Value::Object(values), &skip);
        Ok(())
    });
    if let Err(e) = result {
        c.file_problem(None, "parquet", format!("cannot read further: {e}"), fix);
    }
}

fn validate_json_lines(mut reader: Box<dyn std::io::BufRead + Send>, c: &mut Checker<'_>) {
    use crate::extract::article::{LineRead, read_line};
    let mut buf = Vec::new();
    let mut line = 0u64;
    loop {
        buf.clear();
        line += 1;
        match read_line(&mut reader, &mut buf, MAX_RECORD_BYTES) {
            Ok(LineRead::Eof) => break,
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
                    Ok(text) => match serde_json::from_str::<Value>(text) {
                        Ok(v) => c.record(line, &v, &[]),
                        Err(e) => c.file_problem(
                            Some(line),
                            "json",
                            format!(
                                "malformed JSON: {}",
                                crate::extract::article::json_message(&e)
                            ),
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
    let mut on_element = |v: Value| {
        let (lines, _) = state.take_mark();
        c.record(lines + 1, &v, &[]);
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

/// Reads the elements of a JSON array one at a time.
struct Elements<'a>(&'a mut dyn FnMut(Value));

impl<'de> serde::de::Visitor<'de> for Elements<'_> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("an array of claim records")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(v) = seq.next_element::<Value>()? {
            (self.0)(v);
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
