//! SHA-256 in the forms the crate writes: lowercase hex, the 16-digit prefix ids use, and
//! the digest of a file streamed from disk.

use std::fmt::Write as _;
use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

use crate::error::Error;

/// The first 16 lowercase hex digits of a digest.
pub(crate) fn hex16(digest: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::with_capacity(17);
    for b in &digest[..8] {
        s.push(char::from(HEX[usize::from(b >> 4)]));
        s.push(char::from(HEX[usize::from(b & 15)]));
    }
    s
}

/// SHA-256 of a file's bytes, lowercase hex.
pub(crate) fn sha256_file(path: &Path) -> Result<String, Error> {
    let mut file = std::fs::File::open(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    let mut h = Sha256::new();
    let mut buf = vec![0; 1 << 16];
    loop {
        let n = file.read(&mut buf).map_err(|source| Error::Read {
            path: path.to_path_buf(),
            source,
        })?;
        if n == 0 {
            break;
        }
        h.update(&buf[..n]);
    }
    Ok(hex(&h.finalize()))
}

/// Lowercase hex of bytes.
pub(crate) fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex16_is_the_first_eight_bytes_in_lowercase_hex() {
        let digest: Vec<u8> = (0u8..32)
            .map(|k| k.wrapping_mul(37).wrapping_add(11))
            .collect();
        let expected: Vec<String> = digest[..8].iter().map(|b| format!("{b:02x}")).collect();
        let expected = expected.concat();
        assert_eq!(hex16(&digest), expected);
        assert_eq!(
            hex16(&[0xff, 0, 0xa0, 0x0b, 1, 2, 3, 4, 5]),
            "ff00a00b01020304"
        );
        assert_eq!(hex(&digest[..8]), expected);
    }
}
