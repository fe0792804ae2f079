//! JSON Lines of articles (`{"id", "title", "date", "url", "text"}`, or news-please's
//! `date_publish` and `maintext`): split into lines on the reading thread, parsed anywhere.

use std::borrow::Cow;
use std::io::BufRead;
use std::sync::Arc;

use serde::Deserialize;
use sha2::{Digest, Sha256};

use super::article::Fields;
use super::lines::{LineRead, read_line};
use super::raw::Raw;
use super::select::Selection;
use super::text::{has_nul, is_utf16};
use super::{Item, Location, MAX_ARTICLE_BYTES, Reason, Rejection};

/// One JSON Lines source: a file or stdin.
pub(super) struct JsonLines {
    file: Arc<str>,
    reader: Box<dyn BufRead + Send>,
    line: u64,
    buf: Vec<u8>,
    done: bool,
    select: Option<Arc<Selection>>,
}

/// The fields read from a JSON line; other fields are ignored. Aliases take news-please's
/// names (`date_publish`, `maintext`).
#[derive(Deserialize)]
pub(super) struct RawArticle {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<serde_json::Value>,
    #[serde(default, alias = "date_publish")]
    date: Option<serde_json::Value>,
    #[serde(default)]
    url: Option<serde_json::Value>,
    #[serde(default, alias = "maintext")]
    text: Option<serde_json::Value>,
}

impl JsonLines {
    pub(super) fn new(
        file: Arc<str>,
        reader: Box<dyn BufRead + Send>,
        select: Option<Arc<Selection>>,
    ) -> Self {
        JsonLines {
            file,
            reader,
            line: 0,
            buf: Vec::new(),
            done: false,
            select,
        }
    }

    fn reject(&self, reason: Reason) -> Raw {
        Raw::Done(Item::Rejected(Rejection {
            location: Location::at(&self.file, self.line),
            article_id: None,
            reason,
        }))
    }

    /// The next non-blank line, or why it cannot be read. Checks that need no parsing are
    /// made here, where a stream that cannot go on (UTF-16, binary) is known to end.
    pub(super) fn next(&mut self) -> Option<Raw> {
        while !self.done {
            self.buf.clear();
            self.line += 1;
            let read = read_line(&mut self.reader, &mut self.buf, MAX_ARTICLE_BYTES);
            let too_long = match read {
                Ok(LineRead::Eof) => {
                    self.done = true;
                    return None;
                }
                Ok(LineRead::Line) => false,
                Ok(LineRead::TooLong) => true,
                Ok(LineRead::Runaway) => {
                    self.done = true;
                    return Some(self.reject(Reason::Runaway));
                }
                Err(e) => {
                    // A corrupt or truncated stream: nothing after this point can be read.
                    self.done = true;
                    return Some(self.reject(Reason::Unreadable(e.to_string())));
                }
            };
            if too_long {
                return Some(self.reject(Reason::TooLarge));
            }
            if self.line == 1 && is_utf16(&self.buf) {
                self.done = true;
                return Some(self.reject(Reason::Utf16));
            }
            if has_nul(&self.buf) {
                self.done = true;
                return Some(self.reject(Reason::Binary));
            }
            if self.line == 1 && self.buf.starts_with("\u{feff}".as_bytes()) {
                // A byte-order mark some editors put at the start of UTF-8 files.
                self.buf.drain(..3);
            }
            if self.buf.iter().all(u8::is_ascii_whitespace) {
                continue;
            }
            return Some(Raw::Line {
                file: self.file.clone(),
                line: self.line,
                bytes: std::mem::take(&mut self.buf),
                select: self.select.clone(),
            });
        }
        None
    }
}

/// One article from a JSON line; `Skipped` when it falls outside `select`.
pub(super) fn json_article(
    file: &Arc<str>,
    line: u64,
    bytes: &[u8],
    select: Option<&Selection>,
) -> Item {
    let reject = |article_id: Option<String>, reason: Reason| {
        Item::Rejected(Rejection {
            location: Location::at(file, line),
            article_id,
            reason,
        })
    };
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            return reject(
                None,
                Reason::InvalidUtf8 {
                    offset: e.valid_up_to(),
                },
            );
        }
    };
    // serde would map a JSON array onto the fields by position; an article is an object.
    if !text.trim_start().starts_with('{') {
        return reject(
            None,
            Reason::MalformedJson("the line is not a JSON object".into()),
        );
    }
    let mut raw: RawArticle = match serde_json::from_str(text) {
        Ok(r) => r,
        Err(e) => return reject(None, Reason::MalformedJson(json_message(&e))),
    };
    let id = match &raw.id {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Some(serde_json::Value::Number(n)) => Some(n.to_string()),
        Some(_) => {
            return reject(
                None,
                Reason::MalformedJson("field `id` must be a non-empty string or an integer".into()),
            );
        }
    };
    let text = raw.text.take();
    let fields = (|| {
        Ok::<_, Reason>(Fields {
            title: field("title", raw.title.as_ref())?,
            date: field("date", raw.date.as_ref())?,
            url: field("url", raw.url.as_ref())?,
            body: owned_field("text", text)?,
        })
    })();
    let fields = match fields {
        Ok(f) => f,
        Err(reason) => return reject(id, reason),
    };
    let id = match id {
        Some(id) => id,
        None => match fields.url.map(str::trim).filter(|u| !u.is_empty()) {
            Some(url) => url_id(url),
            None => return reject(None, Reason::MissingUrl),
        },
    };
    match fields.validate(id.clone(), select) {
        Ok(Some(mut a)) => {
            a.location = Location::at(file, line);
            Item::Article(a)
        }
        Ok(None) => Item::Skipped(Location::at(file, line).to_string().into()),
        Err(reason) => reject(Some(id), reason),
    }
}

/// A JSON field that must be a string when present.
pub(super) fn field<'v>(
    name: &str,
    v: Option<&'v serde_json::Value>,
) -> Result<Option<&'v str>, Reason> {
    match v {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::String(s)) => Ok(Some(s.as_str())),
        Some(other) => Err(Reason::MalformedJson(format!(
            "field `{name}` must be a string, not {}",
            kind_of(other)
        ))),
    }
}

/// [`field`], taking the string rather than borrowing it.
pub(super) fn owned_field(
    name: &str,
    v: Option<serde_json::Value>,
) -> Result<Option<Cow<'static, str>>, Reason> {
    match v {
        Some(serde_json::Value::String(s)) => Ok(Some(Cow::Owned(s))),
        other => field(name, other.as_ref()).map(|_| None),
    }
}

/// The id of an article that has none: the first 16 hex digits of its URL's SHA-256.
pub(super) fn url_id(url: &str) -> String {
    let digest = Sha256::digest(url.as_bytes());
    crate::digest::hex16(&digest)
}

pub(super) fn kind_of(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "an array",
        serde_json::Value::Object(_) => "an object",
    }
}

/// The JSON parser's message, with its `line 1` dropped: the line is the location's.
pub(crate) fn json_message(e: &serde_json::Error) -> String {
    let msg = e.to_string();
    match msg.rfind(" at line ") {
        Some(k) => format!("{} (column {})", &msg[..k], e.column()),
        None => msg,
    }
}
