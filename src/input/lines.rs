//! Reading one line at a time with a bound on its length, so that a runaway line (or a
//! stream that never ends one) cannot exhaust memory or time.

use std::io::{self, BufRead};

/// How far past a line's limit the reader looks for its end before it gives up on the
/// stream: a longer line is no article, and `/dev/zero` never ends one.
pub(crate) const MAX_SKIP_BYTES: usize = 64 << 20;

pub(crate) enum LineRead {
    Eof,
    Line,
    /// Longer than the limit; skipped to its end.
    TooLong,
    /// Longer than the limit and no end within [`MAX_SKIP_BYTES`] more: nothing after it
    /// can be read as lines.
    Runaway,
}

/// Reads one line (without its `\n`) into `buf`; a line longer than `limit` is skipped to
/// its end and reported, so one runaway line cannot exhaust memory; a line with no end in
/// sight stops the reading, so that an endless stream cannot hold the run for ever.
pub(crate) fn read_line(
    r: &mut Box<dyn BufRead + Send>,
    buf: &mut Vec<u8>,
    limit: usize,
) -> io::Result<LineRead> {
    let mut any = false;
    let mut too_long = false;
    let mut skipped = 0usize;
    loop {
        let chunk = match r.fill_buf() {
            Ok(c) => c,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if chunk.is_empty() {
            return Ok(match (any, too_long) {
                (false, _) => LineRead::Eof,
                (true, true) => LineRead::TooLong,
                (true, false) => LineRead::Line,
            });
        }
        any = true;
        let (take, found) = match memchr::memchr(b'\n', chunk) {
            Some(k) => (k, true),
            None => (chunk.len(), false),
        };
        if too_long {
            skipped += take;
        } else if buf.len() + take > limit {
            too_long = true;
            skipped = buf.len() + take;
            buf.clear();
        } else {
            buf.extend_from_slice(&chunk[..take]);
        }
        r.consume(if found { take + 1 } else { take });
        if found {
            if buf.last() == Some(&b'\r') {
                buf.pop();
            }
            return Ok(if too_long {
                LineRead::TooLong
            } else {
                LineRead::Line
            });
        }
        if too_long && skipped > limit.saturating_add(MAX_SKIP_BYTES) {
            return Ok(LineRead::Runaway);
        }
    }
}
