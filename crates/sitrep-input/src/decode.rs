//! Opening an input and turning its bytes into text: the size limit, the binary-file check,
//! UTF-8 validation with a position, and the BOM.

use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

use crate::{is_stdin, InputError};

/// The UTF-8 byte order mark some editors put at the start of a file.
pub(crate) const BOM: &[u8] = b"\xEF\xBB\xBF";

/// How much of an input is looked at to sniff its format and to spot a binary file.
const HEAD_BYTES: u64 = 8 * 1024;

/// An input with its first bytes already read, so the format can be sniffed (stdin cannot be
/// rewound) and a binary file refused before anything is parsed.
pub(crate) struct Opened {
    /// Up to the first 8 KiB.
    pub head: Vec<u8>,
    rest: Box<dyn Read + Send>,
    /// The file's size; `None` for stdin.
    pub size: Option<u64>,
}

impl Opened {
    /// Reads the head of an input of the given size (`None`: unknown, as for stdin).
    pub fn new(mut rest: Box<dyn Read + Send>, size: Option<u64>) -> io::Result<Opened> {
        let mut head = Vec::new();
        rest.by_ref().take(HEAD_BYTES).read_to_end(&mut head)?;
        Ok(Opened { head, rest, size })
    }

    /// The whole input again, head first.
    pub fn into_reader(self) -> impl Read + Send {
        io::Cursor::new(self.head).chain(self.rest)
    }

    /// Whether the head looks like a binary file rather than text.
    pub fn looks_binary(&self) -> bool {
        looks_binary(&self.head)
    }
}

/// Opens a file, or stdin for `-`, and reads its head.
pub(crate) fn open(path: &Path) -> Result<Opened, InputError> {
    let io_error = |source| InputError::Io {
        path: path.to_path_buf(),
        source,
    };
    if is_stdin(path) {
        return Opened::new(Box::new(io::stdin()), None).map_err(io_error);
    }
    let file = File::open(path).map_err(io_error)?;
    let size = file.metadata().map_err(io_error)?.len();
    Opened::new(Box::new(file), Some(size)).map_err(io_error)
}

/// Reads a whole input into a string, refusing it when it is larger than `max_bytes`, binary,
/// not UTF-8, or empty. A leading BOM is dropped; nothing else is changed.
pub(crate) fn read_whole(
    opened: Opened,
    path: &Path,
    max_bytes: u64,
) -> Result<String, InputError> {
    let too_large = |size| InputError::TooLarge {
        path: path.to_path_buf(),
        line: None,
        size,
        limit: max_bytes,
    };
    if let Some(size) = opened.size.filter(|&size| size > max_bytes) {
        return Err(too_large(Some(size)));
    }
    if opened.looks_binary() {
        return Err(InputError::Binary {
            path: path.to_path_buf(),
        });
    }
    let mut bytes = Vec::new();
    // One byte over the limit is enough to know it is over; stdin and growing files have no
    // trustworthy size, so the read itself is bounded.
    opened
        .into_reader()
        .take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|source| InputError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    if bytes.len() as u64 > max_bytes {
        return Err(too_large(None));
    }
    decode(bytes, path)
}

/// Validates UTF-8 and drops a BOM; whitespace-only text is [`InputError::Empty`].
fn decode(bytes: Vec<u8>, path: &Path) -> Result<String, InputError> {
    let mut text = String::from_utf8(bytes).map_err(|err| {
        let valid = err.utf8_error().valid_up_to();
        InputError::InvalidUtf8 {
            path: path.to_path_buf(),
            line: line_of(err.as_bytes(), valid),
            byte: valid as u64,
        }
    })?;
    if text.starts_with('\u{FEFF}') {
        text.drain(..'\u{FEFF}'.len_utf8());
    }
    if text.trim().is_empty() {
        return Err(InputError::Empty {
            path: path.to_path_buf(),
            line: None,
        });
    }
    Ok(text)
}

/// The 1-based line holding byte `offset`.
pub(crate) fn line_of(bytes: &[u8], offset: usize) -> u64 {
    let before = bytes.get(..offset).unwrap_or(bytes);
    memchr::memchr_iter(b'\n', before).count() as u64 + 1
}

/// A NUL byte never occurs in text; failing that, invalid UTF-8 among many control characters
/// (more than one byte in ten) is a compressed or executable file, not a mis-encoded article.
fn looks_binary(head: &[u8]) -> bool {
    if memchr::memchr(0, head).is_some() {
        return true;
    }
    match std::str::from_utf8(head) {
        Ok(_) => false,
        // The head may end in the middle of a character.
        Err(err) if err.error_len().is_none() => false,
        Err(_) => {
            let control = head
                .iter()
                .filter(|&&b| (b < 0x20 && !b"\t\n\r\x0C".contains(&b)) || b == 0x7F)
                .count();
            control * 10 > head.len()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_needs_nul_or_invalid_utf8_with_controls() {
        assert!(looks_binary(b"text\0more"));
        assert!(looks_binary(b"\x1F\x8B\x08\x01\x02\x03\xFF\xFE\x04"));
        assert!(!looks_binary("Kyiv – Kursk\n".as_bytes()));
        // Latin-1 prose is mis-encoded text, not binary: it gets the invalid UTF-8 error.
        assert!(!looks_binary(b"Caf\xE9 in Kyiv, 18 ao\xFBt"));
        // A head cut inside a multi-byte character is still text.
        assert!(!looks_binary(&"Kyiv – Kursk".as_bytes()[..6]));
    }

    #[test]
    fn decode_keeps_text_and_drops_only_the_bom() {
        let text = decode(b"\xEF\xBB\xBF  Kyiv\r\n\n".to_vec(), Path::new("a.txt")).unwrap();
        assert_eq!(text, "  Kyiv\r\n\n");
    }

    #[test]
    fn line_of_counts_newlines_before_the_offset() {
        assert_eq!(line_of(b"a\nb\nc", 0), 1);
        assert_eq!(line_of(b"a\nb\nc", 2), 2);
        assert_eq!(line_of(b"a\nb\nc", 4), 3);
    }
}
