//! What matching and training read: claims from a release's `claims.parquet`, `extract`
//! output, or any JSON Lines with `claim_id` and `claim_text` (and, when known, `claimant`
//! and `claim_date`); and the pairs of claim and review a re-ranker is fitted on.

use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::Error;

/// What matching needs of a claim.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClaimQuery {
    /// The claim's id.
    pub claim_id: String,
    /// The claim as a statement.
    pub claim_text: String,
    /// Who made it, when known: see [`ClaimQuery::source`].
    pub claimant: Option<String>,
    /// When it was made, when known.
    pub claim_date: Option<NaiveDate>,
}

impl ClaimQuery {
    /// Who made a claim, for matching: its claimant's name, else the description of its
    /// unnamed source (`city auditor`, from `claimant_title`). A review that names someone
    /// then differs from it, and is never linked: the words of an unnamed auditor are not
    /// Raj Patel's until a person says so.
    pub fn source(claimant: Option<String>, claimant_title: Option<String>) -> Option<String> {
        claimant.or(claimant_title)
    }
}

/// A claim line that could not be read, with where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ClaimProblem {
    /// The file as named.
    pub file: String,
    /// The 1-based line, or row for Parquet.
    pub line: u64,
    /// What is wrong.
    pub message: String,
}

impl std::fmt::Display for ClaimProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}:{}: {}", self.file, self.line, self.message)
    }
}

/// Reads claims from a Parquet file (told by its magic bytes) or JSON Lines.
pub fn read_claims(path: &Path) -> Result<(Vec<ClaimQuery>, Vec<ClaimProblem>), Error> {
    let read_err = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let mut file = std::fs::File::open(path).map_err(read_err)?;
    let mut magic = [0u8; 4];
    let n = file.read(&mut magic).map_err(read_err)?;
    let name = path.display().to_string();
    let mut claims = Vec::new();
    let mut problems = Vec::new();
    if n == 4 && &magic == b"PAR1" {
        let columns = crate::table::claim_columns();
        crate::table::read_rows(path, columns, |row, obj| {
            take(&name, row, &Value::Object(obj), &mut claims, &mut problems);
            Ok(())
        })?;
        return Ok((claims, problems));
    }
    let file = std::fs::File::open(path).map_err(read_err)?;
    for (k, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(read_err)?;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(&line) {
            Ok(v) => take(&name, k as u64 + 1, &v, &mut claims, &mut problems),
            Err(e) => problems.push(ClaimProblem {
                file: name.clone(),
                line: k as u64 + 1,
                message: format!("malformed JSON: {e}"),
            }),
        }
    }
    Ok((claims, problems))
}

fn take(
    file: &str,
    line: u64,
    v: &Value,
    claims: &mut Vec<ClaimQuery>,
    problems: &mut Vec<ClaimProblem>,
) {
    let s = |k: &str| {
        v.get(k)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(str::to_owned)
    };
    match (s("claim_id"), s("claim_text")) {
        (Some(claim_id), Some(claim_text)) => claims.push(ClaimQuery {
            claim_id,
            claim_text,
            claimant: ClaimQuery::source(s("claimant"), s("claimant_title")),
            claim_date: s("claim_date")
                .and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok()),
        }),
        _ => problems.push(ClaimProblem {
            file: file.to_owned(),
            line,
            message: "a claim needs a non-empty `claim_id` and `claim_text`".into(),
        }),
    }
}

/// Reads training pairs: JSON Lines, each with the `claim_id` of a claim and the `review_id`
/// of a review that judges it. A line that is not one is an error naming the file and line:
/// a model fitted on part of its pairs would be silently worse.
pub fn read_pairs(path: &Path) -> Result<Vec<(String, String)>, Error> {
    let read_err = |source| Error::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_err)?;
    let mut pairs = Vec::new();
    for (k, line) in BufReader::new(file).lines().enumerate() {
        let line = line.map_err(read_err)?;
        if line.trim().is_empty() {
            continue;
        }
        let at = |message: String| Error::Line {
            path: path.to_path_buf(),
            line: k as u64 + 1,
            message,
        };
        let v: Value =
            serde_json::from_str(&line).map_err(|e| at(format!("malformed JSON: {e}")))?;
        let field = |f: &str| v.get(f).and_then(Value::as_str).map(str::to_owned);
        let (Some(claim), Some(review)) = (field("claim_id"), field("review_id")) else {
            return Err(at(
                "a pair needs a `claim_id` and a `review_id`, both strings".into(),
            ));
        };
        pairs.push((claim, review));
    }
    Ok(pairs)
}
