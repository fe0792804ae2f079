//! `claimset validate` and the record rules: every rule with its exact message, every
//! format, and garbage that must give clear problems, never a panic.

use std::path::Path;

use claimset::Problem;
use claimset::{RULES, RecordValidator, validate_file};
use serde_json::{Value, json};

/// A valid record to break one field at a time.
fn good() -> Value {
    let records = crate::common::extract_paths(&[crate::common::dataset_articles()]);
    serde_json::to_value(&records[0]).expect("records serialize")
}

/// `rule pointer: message` for every violation of `record`.
fn violations(record: &Value) -> String {
    RecordValidator::new()
        .check_value(record)
        .into_iter()
        .map(|v| format!("{} {}: {}", v.rule, v.pointer, v.message))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The record's field names, in order.
fn fields() -> Vec<String> {
    good()
        .as_object()
        .expect("object")
        .keys()
        .cloned()
        .collect()
}

#[test]
fn a_valid_record_has_no_violations() {
    assert_eq!(violations(&good()), "");
}

#[test]
fn each_required_field_missing() {
    let out: Vec<String> = fields()
        .iter()
        .map(|f| {
            let mut r = good();
            r.as_object_mut().expect("object").remove(f);
            violations(&r)
        })
        .collect();
    insta::assert_snapshot!(out.join("\n"), @r#"
    schema/required : "claim_id" is a required property
    schema/required : "claim_text" is a required property
    schema/required : "quote_type" is a required property
    schema/required : "claimant" is a required property
    schema/required : "claimant_mention" is a required property
    schema/required : "claimant_title" is a required property
    schema/required : "claimant_type" is a required property
    schema/required : "cue" is a required property
    schema/required : "claim_date" is a required property
    schema/required : "claim_date_basis" is a required property
    schema/required : "claim_date_precision" is a required property
    schema/required : "article_id" is a required property
    schema/required : "article_title" is a required property
    schema/required : "article_date" is a required property
    schema/required : "source_url" is a required property
    schema/required : "publisher" is a required property
    schema/required : "span_start" is a required property
    schema/required : "span_end" is a required property
    schema/required : "verification_status" is a required property
    schema/required : "verdict_label" is a required property
    schema/required : "reviewed_by" is a required property
    schema/required : "review_url" is a required property
    schema/required : "review_date" is a required property
    schema/required : "review_id" is a required property
    schema/required : "verdict_source" is a required property
    schema/required : "origin" is a required property
    "#);
}

#[test]
fn each_field_of_the_wrong_type() {
    let out: Vec<String> = fields()
        .iter()
        .map(|f| {
            let mut r = good();
            // A boolean is the wrong type for every field of the record.
            r[f.as_str()] = json!(true);
            violations(&r)
        })
        .collect();
    insta::assert_snapshot!(out.join("\n"));
}

#[test]
fn each_enum_violated() {
    let out: Vec<String> = [
        "quote_type",
        "claimant_type",
        "claim_date_basis",
        "claim_date_precision",
        "verification_status",
        "origin",
    ]
    .iter()
    .map(|f| {
        let mut r = good();
        r[*f] = json!("somewhat");
        violations(&r)
    })
    .collect();
    insta::assert_snapshot!(out.join("\n"));
}

#[test]
fn formats_patterns_and_unknown_fields() {
    let mut r = good();
    r["claim_id"] = json!("C-12");
    r["claim_date"] = json!("2022-13-01");
    r["source_url"] = json!("not a url");
    r["claim_text"] = json!("");
    r["span_start"] = json!(-1);
    r["confidence"] = json!(0.9);
    insta::assert_snapshot!(violations(&r));
}

#[test]
fn each_record_rule_broken() {
    let broken = |f: &dyn Fn(&mut Value)| {
        let mut r = good();
        f(&mut r);
        violations(&r)
    };
    let out = [
        broken(&|r| r["span_end"] = r["span_start"].clone()),
        broken(&|r| r["claim_date"] = json!("2022-02-03")),
        broken(&|r| r["claim_text"] = json!("   ")),
        broken(&|r| r["publisher"] = json!("Press TV")),
        broken(&|r| r["verification_status"] = json!("false")),
        broken(&|r| r["verdict_label"] = json!("Pants on Fire")),
        broken(&|r| {
            r["verification_status"] = json!("false");
            r["reviewed_by"] = json!("PolitiFact");
            r["review_url"] = json!("https://www.politifact.com/x");
            r["review_date"] = json!("2021-12-01");
            r["verdict_source"] = json!("correction");
        }),
        // A verdict from a review names the review; one recorded by hand names none.
        broken(&|r| {
            r["verification_status"] = json!("false");
            r["reviewed_by"] = json!("PolitiFact");
            r["review_url"] = json!("https://www.politifact.com/x");
            r["review_date"] = json!("2022-02-03");
            r["verdict_source"] = json!("linked");
        }),
        broken(&|r| {
            r["verification_status"] = json!("false");
            r["reviewed_by"] = json!("PolitiFact");
            r["review_url"] = json!("https://www.politifact.com/x");
            r["review_date"] = json!("2022-02-03");
        }),
        broken(&|r| r["review_id"] = json!("r0123456789abcdef")),
    ];
    insta::assert_snapshot!(out.join("\n"), @"
    span-order /span_end: span_end 119 is not after span_start 119
    claim-date-not-after-article /claim_date: claim_date 2022-02-03 is after the article's date 2022-02-01
    claim-text-blank /claim_text: claim_text is only whitespace
    publisher-matches-url /publisher: publisher `Press TV` is not the URL's host `presstv.ir`
    verdict-complete /reviewed_by: a verdict needs reviewed_by
    verdict-complete /review_url: a verdict needs review_url
    verdict-complete /review_date: a verdict needs review_date
    verdict-source /verdict_source: a verdict needs verdict_source: linked, confirmed or correction
    review-without-verdict /verdict_label: verdict_label is set but the claim is unverified
    review-after-claim /review_date: review_date 2021-12-01 is before claim_date 2022-02-01
    verdict-source /review_id: a linked verdict names the review it comes from in review_id
    verdict-source /verdict_source: a verdict needs verdict_source: linked, confirmed or correction
    review-without-verdict /review_id: review_id is set but the claim is unverified
    ");
    // Every documented rule is exercised above.
    for rule in RULES {
        assert!(out.join("\n").contains(rule.name), "{} untested", rule.name);
    }
}

/// Validates a file, returning the report's problems as text lines and its counts.
fn check_file(path: &Path) -> (Vec<String>, u64, u64) {
    let v = RecordValidator::new();
    let mut problems: Vec<Problem> = Vec::new();
    let r = validate_file(path, &v, &mut |p| problems.push(p)).expect("file opens");
    let dir = path.parent().expect("parent").display().to_string();
    let lines = problems
        .iter()
        .map(|p| p.to_string().replace(&dir, "<dir>"))
        .collect();
    (lines, r.records, r.invalid)
}

/// A broken copy of real records: every problem it holds is reported, with its line.
#[test]
fn a_broken_file_reports_every_problem_with_its_line() {
    let dir = tempfile::tempdir().expect("temp");
    let records = crate::common::extract_paths(&[crate::common::dataset_articles()]);
    let mut lines: Vec<String> = records
        .iter()
        .take(4)
        .map(|r| serde_json::to_string(r).expect("json"))
        .collect();
    let mut second: Value = serde_json::from_str(&lines[1]).expect("json");
    second["quote_type"] = json!("paraphrase");
    second["span_end"] = json!(10);
    lines[1] = second.to_string();
    let mut third: Value = serde_json::from_str(&lines[2]).expect("json");
    third.as_object_mut().expect("object").remove("cue");
    lines[2] = third.to_string();
    lines.insert(3, "{\"claim_id\": ".into());
    let path = dir.path().join("broken.jsonl");
    std::fs::write(&path, lines.join("\n") + "\n").expect("write");
    let (problems, records, invalid) = check_file(&path);
    assert_eq!((records, invalid), (4, 2));
    insta::assert_snapshot!(problems.join("\n"));
}

#[test]
fn json_arrays_are_read_element_by_element() {
    let dir = tempfile::tempdir().expect("temp");
    let mut records: Vec<Value> =
        crate::common::extract_paths(&[crate::common::dataset_articles()])
            .iter()
            .take(3)
            .map(|r| serde_json::to_value(r).expect("json"))
            .collect();
    records[2]["origin"] = json!("imported");
    let path = dir.path().join("records.json");
    std::fs::write(&path, serde_json::to_string_pretty(&records).expect("json")).expect("write");
    let (problems, records, invalid) = check_file(&path);
    assert_eq!((records, invalid), (3, 1));
    assert_eq!(problems.len(), 1, "{problems:?}");
    // The third element ends on line 85 of the pretty-printed array.
    assert!(problems[0].contains(":85: claim c"), "{}", problems[0]);
}

#[test]
fn the_committed_release_validates_clean_as_parquet() {
    let claims = crate::common::dataset_articles()
        .parent()
        .expect("dataset")
        .join("releases/1.0.0/claims.parquet");
    let (problems, records, invalid) = check_file(&claims);
    assert_eq!(
        (problems.len(), records, invalid),
        (0, 14, 0),
        "{problems:?}"
    );
}

#[test]
fn garbage_gets_clear_problems_never_a_panic() {
    let dir = tempfile::tempdir().expect("temp");
    let release = crate::common::dataset_articles()
        .parent()
        .expect("dataset")
        .join("releases/1.0.0");
    let parquet = std::fs::read(release.join("claims.parquet")).expect("parquet");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("truncated.parquet", parquet[..parquet.len() / 2].to_vec()),
        ("binary.jsonl", b"\x00\x01\x02binary".to_vec()),
        ("latin1.jsonl", b"{\"claim_text\": \"caf\xe9\"}\n".to_vec()),
        (
            "nested.jsonl",
            format!("{}{}\n", "[".repeat(10_000), "]".repeat(10_000)).into_bytes(),
        ),
        ("huge.jsonl", {
            let mut v = b"{\"claim_text\": \"".to_vec();
            v.extend(std::iter::repeat_n(b'a', 17 << 20));
            v.extend(b"\"}\n");
            v
        }),
        ("empty.jsonl", Vec::new()),
        ("not-an-array.json", b"[1, 2".to_vec()),
    ];
    let mut out = Vec::new();
    for (name, bytes) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).expect("write");
        let (problems, ..) = check_file(&path);
        assert!(!problems.is_empty(), "{name} gave no problem");
        out.push(problems.join("\n"));
    }
    insta::assert_snapshot!(out.join("\n"));
}

/// A Parquet file written by another tool with a column missing and another of the wrong
/// type: each is reported once for the file, not once per row.
#[test]
fn parquet_with_wrong_columns_is_reported_once_per_column() {
    use std::sync::Arc;

    use arrow_array::{Int64Array, RecordBatch, StringArray};
    use arrow_schema::{DataType, Field, Schema};

    let dir = tempfile::tempdir().expect("temp");
    let path = dir.path().join("other-tool.parquet");
    let schema = Arc::new(Schema::new(vec![
        Field::new("claim_id", DataType::Utf8, false),
        Field::new("claim_date", DataType::Int64, false),
    ]));
    let batch = RecordBatch::try_new(
        schema.clone(),
        vec![
            Arc::new(StringArray::from(vec![
                "c0000000000000001",
                "c0000000000000002",
            ])),
            Arc::new(Int64Array::from(vec![19000, 19001])),
        ],
    )
    .expect("batch");
    let file = std::fs::File::create(&path).expect("create");
    let mut w = parquet::arrow::ArrowWriter::try_new(file, schema, None).expect("writer");
    w.write(&batch).expect("write");
    w.close().expect("close");
    let (problems, records, _) = check_file(&path);
    assert_eq!(records, 2);
    let file_level: Vec<&String> = problems
        .iter()
        .filter(|p| p.contains("[file/parquet]"))
        .collect();
    assert_eq!(
        file_level.len(),
        25,
        "24 missing columns and one of the wrong type"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("column `claim_date` has type Int64, expected Date32")),
        "{problems:#?}"
    );
    assert!(
        !problems
            .iter()
            .any(|p| p.contains("is a required property")),
        "missing columns are not reported again per row"
    );
}

#[test]
fn the_command_exits_1_on_problems_and_prints_json_when_asked() {
    let dir = tempfile::tempdir().expect("temp");
    let mut r = good();
    r["origin"] = json!("imported");
    std::fs::write(dir.path().join("one.jsonl"), format!("{r}\n")).expect("write");
    let run = crate::common::claimset(
        dir.path(),
        &["validate", "one.jsonl", "--format", "json"],
        b"",
    );
    assert_eq!(run.code, 1);
    let report: Value = serde_json::from_str(&run.stdout).expect("JSON report");
    assert_eq!(report["records"], 1);
    assert_eq!(report["invalid"], 1);
    assert_eq!(report["problems"][0]["rule"], "schema/enum");
    assert_eq!(report["problems"][0]["pointer"], "/origin");
    assert_eq!(report["problems"][0]["line"], 1);
    assert_eq!(report["problems"][0]["value"], "imported");

    let run = crate::common::claimset(dir.path(), &["validate", "missing.jsonl"], b"");
    assert_eq!(run.code, 2, "a file that cannot be opened: could not run");

    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let run = crate::common::claimset(root, &["validate", "datasets/ukraine-crisis-2022"], b"");
    assert_eq!(run.code, 0, "{}", run.stderr);
}

/// Two values for one key were once checked on the last value only, silently.
#[test]
fn a_key_given_twice_in_a_record_is_a_problem() {
    let dir = tempfile::tempdir().expect("temp");
    let r = good().to_string();
    let twice = r.replacen('{', "{\"claim_date\": \"2999-01-01\", ", 1);
    std::fs::write(dir.path().join("twice.jsonl"), format!("{twice}\n")).expect("write");
    std::fs::write(
        dir.path().join("twice.json"),
        format!("[\n{r},\n{twice}\n]\n"),
    )
    .expect("write");
    for (name, line) in [("twice.jsonl", 1), ("twice.json", 3)] {
        let (problems, records, invalid) = check_file(&dir.path().join(name));
        assert_eq!(
            (records, invalid),
            (1 + u64::from(name == "twice.json"), 1),
            "{name}"
        );
        assert_eq!(
            problems,
            [format!(
                "<dir>/{name}:{line}: claim {}: /claim_date: the key `claim_date` appears more \
                 than once; only its last value was checked [json/duplicate-key] — give each \
                 field once",
                good()["claim_id"].as_str().expect("id")
            )],
            "{name}"
        );
    }
}
