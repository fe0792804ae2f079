//! The plain-text article format: line 1 title, line 2 date `YYYYMMDD`, line 3 source URL,
//! then the body — everything after the third line, with line endings read the way Python's
//! `open()` reads them (`\r\n` and `\r` become `\n`), so that code-point offsets into it
//! slice the same text in Python and R.

use std::borrow::Cow;
use std::io::{BufRead, Read};
use std::sync::Arc;

use super::article::Fields;
use super::raw::Raw;
use super::rejection::unreadable;
use super::select::Selection;
use super::{Item, Location, MAX_ARTICLE_BYTES, Reason, Rejection};

/// Reads the bytes of one whole text article; parsing them is [`text_article`]'s.
pub(super) fn read_text_file(
    file: Arc<str>,
    id: String,
    reader: Box<dyn BufRead + Send>,
    select: Option<Arc<Selection>>,
) -> Raw {
    let mut bytes = Vec::new();
    let limit = MAX_ARTICLE_BYTES as u64 + 1;
    if let Err(e) = reader.take(limit).read_to_end(&mut bytes) {
        return Raw::Done(unreadable(&file, &e));
    }
    if bytes.len() > MAX_ARTICLE_BYTES {
        return Raw::Done(Item::Rejected(Rejection {
            location: Location::file(&file),
            article_id: Some(id),
            reason: Reason::TooLarge,
        }));
    }
    Raw::Text {
        file,
        id,
        bytes,
        select,
    }
}

/// One text article from its bytes; `Skipped` when it falls outside `select`.
pub(super) fn text_article(
    file: &Arc<str>,
    id: &str,
    bytes: Vec<u8>,
    select: Option<&Selection>,
) -> Item {
    let reject = |location: Location, reason: Reason| {
        Item::Rejected(Rejection {
            location,
            article_id: Some(id.to_owned()),
            reason,
        })
    };
    if is_utf16(&bytes) {
        return reject(Location::file(file), Reason::Utf16);
    }
    if has_nul(&bytes) {
        return reject(Location::file(file), Reason::Binary);
    }
    let text = match String::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let offset = e.utf8_error().valid_up_to();
            let line = 1 + bytecount(&e.as_bytes()[..offset], b'\n');
            return reject(Location::at(file, line), Reason::InvalidUtf8 { offset });
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    let text = universal_newlines(text);
    let mut lines = text.splitn(4, '\n');
    let (Some(title), Some(date), Some(url)) = (lines.next(), lines.next(), lines.next()) else {
        return reject(Location::file(file), Reason::MissingHeader);
    };
    let body = lines.next().unwrap_or("");
    let fields = Fields {
        title: Some(title),
        date: Some(date),
        url: Some(url),
        body: Some(Cow::Borrowed(body)),
    };
    match fields.validate(id.to_owned(), select) {
        Ok(Some(mut a)) => {
            a.location = Location::file(file);
            Item::Article(a)
        }
        Ok(None) => Item::Skipped(file.to_string().into()),
        Err(reason) => {
            let line = match reason {
                Reason::MissingDate | Reason::InvalidDate(_) | Reason::DateOutOfRange(_) => Some(2),
                Reason::MissingUrl | Reason::InvalidUrl(_) => Some(3),
                Reason::EmptyBody => Some(4),
                _ => None,
            };
            let location = Location {
                file: file.clone(),
                line,
            };
            reject(location, reason)
        }
    }
}

pub(super) fn bytecount(bytes: &[u8], byte: u8) -> u64 {
    bytes.iter().fold(0, |n, &b| n + u64::from(b == byte))
}

pub(super) fn is_utf16(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff])
}

pub(super) fn has_nul(bytes: &[u8]) -> bool {
    bytes.contains(&0)
}

/// `\r\n` and lone `\r` to `\n`, as Python's `open()` reads text.
pub(super) fn universal_newlines(text: &str) -> Cow<'_, str> {
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    }
}
