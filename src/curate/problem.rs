//! A problem found in a record or a correction: where (file, line, claim id, JSON pointer),
//! which rule, what is wrong, and what to do.

use std::fmt;

use serde::Serialize;

use super::rules::{RULES, Violation};

/// Something wrong with a record or a correction, and where.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Problem {
    /// The file (a correction, a records file), or `<release>` for records built in memory.
    pub file: String,
    /// The 1-based line, or row for Parquet, when known.
    pub line: Option<u64>,
    /// The claim concerned, when known.
    pub claim_id: Option<String>,
    /// JSON pointer into the record or correction (`/claim_date`); empty for all of it.
    pub pointer: String,
    /// The rule broken: `schema/<keyword>`, a record rule, or a correction rule.
    pub rule: String,
    /// What is wrong.
    pub message: String,
    /// The offending value.
    pub value: Option<serde_json::Value>,
    /// What to do about it.
    pub fix: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.file)?;
        if let Some(l) = self.line {
            write!(f, ":{l}")?;
        }
        f.write_str(": ")?;
        if let Some(id) = &self.claim_id {
            write!(f, "claim {id}: ")?;
        }
        if !self.pointer.is_empty() {
            write!(f, "{}: ", self.pointer)?;
        }
        write!(f, "{} [{}]", self.message, self.rule)?;
        if !self.fix.is_empty() {
            write!(f, " — {}", self.fix)?;
        }
        Ok(())
    }
}

impl Problem {
    /// A record violation found at `file:line`.
    pub fn from_violation(
        file: &str,
        line: Option<u64>,
        claim_id: Option<String>,
        v: Violation,
    ) -> Self {
        let fix = RULES
            .iter()
            .find(|r| r.name == v.rule)
            .map_or_else(|| schema_fix(&v.rule).to_owned(), |r| r.fix.to_owned());
        Problem {
            file: file.to_owned(),
            line,
            claim_id,
            pointer: v.pointer,
            rule: v.rule,
            message: v.message,
            value: v.value,
            fix,
        }
    }
}

/// What to do about a schema violation, by keyword.
fn schema_fix(rule: &str) -> &'static str {
    match rule.strip_prefix("schema/").unwrap_or(rule) {
        "required" => "add the field; use null when the value is unknown",
        "additionalProperties" => "remove the field: records carry exactly the schema's fields",
        "enum" => "use one of the allowed values listed in schema/claim.schema.json",
        "type" => "give the value the type the schema requires",
        "format" => "write dates as YYYY-MM-DD and URLs as absolute http(s) URLs",
        "pattern" => "claim ids are `c` and 16 lowercase hex digits",
        "minLength" => "give a non-empty value",
        "minimum" | "maximum" => "offsets are code points from 0",
        _ => "see schema/claim.schema.json",
    }
}
