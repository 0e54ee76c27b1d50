//! JSON lines, streamed: one record per line, read as the iterator is consumed, so a file of
//! any size is read in memory bounded by the longest line allowed. A bad line is an error for
//! that line only; the next line is read as usual.

use std::io::{self, BufRead, BufReader, Read};
use std::iter;
use std::path::{Path, PathBuf};

use sitrep_doc::Document;

use crate::decode::{Opened, BOM};
use crate::record::{self, Location};
use crate::{InputError, MetaDefaults, Options};

/// Reads an opened input as JSON lines.
pub(crate) fn read(
    opened: Opened,
    path: &Path,
    options: &Options,
) -> Box<dyn Iterator<Item = Result<Document, InputError>> + Send> {
    if opened.looks_binary() {
        return Box::new(iter::once(Err(InputError::Binary {
            path: path.to_path_buf(),
        })));
    }
    let reader: Box<dyn Read + Send> = Box::new(opened.into_reader());
    Box::new(JsonLines {
        reader: BufReader::with_capacity(64 * 1024, reader),
        path: path.to_path_buf(),
        stem: crate::stem(path),
        defaults: options.defaults.clone(),
        max_bytes: options.max_bytes,
        line: 0,
        offset: 0,
        buf: Vec::new(),
        seen_record: false,
        done: false,
    })
}

/// The iterator over the records of a JSON lines input.
struct JsonLines {
    reader: BufReader<Box<dyn Read + Send>>,
    path: PathBuf,
    stem: String,
    defaults: MetaDefaults,
    max_bytes: u64,
    /// The 1-based number of the line in `buf`.
    line: u64,
    /// Bytes read so far: where the next line starts.
    offset: u64,
    buf: Vec<u8>,
    /// Whether any non-blank line was seen: a file of blank lines is [`InputError::Empty`].
    seen_record: bool,
    done: bool,
}

/// What reading one line found.
enum Line {
    /// The line is in `buf`, starting at this offset in the input.
    Read {
        start: u64,
    },
    /// The line was longer than the limit and skipped; its length without the newline.
    TooLong {
        size: u64,
    },
    End,
}

impl Iterator for JsonLines {
    type Item = Result<Document, InputError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            let start = match self.read_line() {
                Ok(Line::Read { start }) => start,
                Ok(Line::TooLong { size }) => {
                    self.seen_record = true;
                    return Some(Err(InputError::TooLarge {
                        path: self.path.clone(),
                        line: Some(self.line),
                        size: Some(size),
                        limit: self.max_bytes,
                    }));
                }
                Ok(Line::End) => {
                    self.done = true;
                    return (!self.seen_record).then(|| {
                        Err(InputError::Empty {
                            path: self.path.clone(),
                            line: None,
                        })
                    });
                }
                Err(source) => {
                    // A read error is not tied to one line, and retrying could repeat forever.
                    self.done = true;
                    return Some(Err(InputError::Io {
                        path: self.path.clone(),
                        source,
                    }));
                }
            };
            if let Some(result) = self.parse(start) {
                self.seen_record = true;
                return Some(result);
            }
        }
        None
    }
}

impl JsonLines {
    /// Reads the next line into `buf`, never holding more than `max_bytes` (+ newline) of it.
    fn read_line(&mut self) -> io::Result<Line> {
        self.buf.clear();
        let start = self.offset;
        let n = self
            .reader
            .by_ref()
            .take(self.max_bytes.saturating_add(1))
            .read_until(b'\n', &mut self.buf)? as u64;
        if n == 0 {
            return Ok(Line::End);
        }
        self.line += 1;
        self.offset += n;
        if self.buf.last() == Some(&b'\n') || n <= self.max_bytes {
            return Ok(Line::Read { start });
        }
        self.buf.clear();
        let (rest, newline) = skip_line(&mut self.reader)?;
        self.offset += rest + u64::from(newline);
        Ok(Line::TooLong { size: n + rest })
    }

    /// The document or error for the line in `buf`; `None` for a blank line.
    fn parse(&self, start: u64) -> Option<Result<Document, InputError>> {
        let mut bytes = self.buf.as_slice();
        bytes = bytes.strip_suffix(b"\n").unwrap_or(bytes);
        bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        let mut skipped = 0;
        if self.line == 1 {
            if let Some(rest) = bytes.strip_prefix(BOM) {
                bytes = rest;
                skipped = BOM.len() as u64;
            }
        }
        if bytes.trim_ascii().is_empty() {
            return None;
        }
        let text = match std::str::from_utf8(bytes) {
            Ok(text) => text,
            Err(err) => {
                return Some(Err(InputError::InvalidUtf8 {
                    path: self.path.clone(),
                    line: self.line,
                    byte: start + skipped + err.valid_up_to() as u64,
                }))
            }
        };
        let value = match serde_json::from_str(text) {
            Ok(value) => value,
            Err(err) => return Some(Err(malformed(&self.path, self.line, &err))),
        };
        let at = Location {
            path: &self.path,
            line: self.line,
            fallback_id: format!("{}:{}", self.stem, self.line),
        };
        Some(record::document(value, at, &self.defaults))
    }
}

/// Consumes the rest of an over-long line without keeping it: its length, and whether it
/// ended in a newline (rather than at the end of the input).
fn skip_line(reader: &mut impl BufRead) -> io::Result<(u64, bool)> {
    let mut skipped = 0;
    loop {
        let available = match reader.fill_buf() {
            Ok(available) => available,
            Err(err) if err.kind() == io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        if available.is_empty() {
            return Ok((skipped, false));
        }
        match memchr::memchr(b'\n', available) {
            Some(i) => {
                reader.consume(i + 1);
                return Ok((skipped + i as u64, true));
            }
            None => {
                let n = available.len();
                reader.consume(n);
                skipped += n as u64;
            }
        }
    }
}

/// serde_json ends its messages with "at line L column C"; within one line the column is
/// what helps, and `line` is the input's line, not the parser's.
pub(crate) fn malformed(path: &Path, line: u64, err: &serde_json::Error) -> InputError {
    let message = err.to_string();
    let position = format!(" at line {} column {}", err.line(), err.column());
    let reason = message.strip_suffix(&position).unwrap_or(&message);
    InputError::MalformedJson {
        path: path.to_path_buf(),
        line,
        column: err.column() as u64,
        reason: reason.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::test_files::TempDir;
    use crate::{read, Options, Source};

    fn lines(name: &str, bytes: &[u8], options: &Options) -> Vec<Result<String, String>> {
        let dir = TempDir::new("jsonl");
        let path = dir.write(name, bytes);
        read(&Source::new(&path), options)
            .map(|result| match result {
                Ok(doc) => Ok(format!("{}={}", doc.meta.id.unwrap_or_default(), doc.text)),
                Err(err) => Err(err.to_string()),
            })
            .collect()
    }

    #[test]
    fn a_bad_line_in_the_middle_does_not_stop_the_others() {
        let input = b"{\"id\": \"a\", \"text\": \"one\"}\n\
            {\"text\": \"two\"\n\
            \n\
            {\"text\": \"three\"}\r\n\
            {\"title\": \"no text\"}\n\
            {\"text\": \"Caf\xE9\"}\n\
            {\"text\": \"four\"}";
        let got = lines("data.jsonl", input, &Options::default());
        assert_eq!(got.len(), 6, "{got:?}");
        assert_eq!(got[0], Ok("a=one".to_string()));
        let err = got[1].as_ref().unwrap_err();
        assert!(
            err.ends_with("data.jsonl:2: malformed JSON: EOF while parsing an object at column 14"),
            "{err}"
        );
        assert_eq!(got[2], Ok("data:4=three".to_string()));
        assert!(got[3]
            .as_ref()
            .unwrap_err()
            .contains("data.jsonl:5: no text field"));
        let err = got[4].as_ref().unwrap_err();
        assert!(
            err.ends_with("data.jsonl: invalid UTF-8 at byte 96 (line 6)"),
            "{err}"
        );
        assert_eq!(got[5], Ok("data:7=four".to_string()));
    }

    #[test]
    fn an_over_long_line_is_skipped_and_reported() {
        let long = format!("{{\"text\": \"{}\"}}", "x".repeat(100));
        let input = format!("{{\"text\": \"a\"}}\n{long}\n{{\"text\": \"b\"}}\n{long}");
        let options = Options {
            max_bytes: 40,
            ..Options::default()
        };
        let got = lines("d.ndjson", input.as_bytes(), &options);
        assert_eq!(got.len(), 4, "{got:?}");
        assert_eq!(got[0], Ok("d:1=a".to_string()));
        let err = got[1].as_ref().unwrap_err();
        assert!(err.ends_with("d.ndjson:2: line of 112 bytes exceeds the limit of 40 bytes"));
        assert_eq!(got[2], Ok("d:3=b".to_string()));
        assert!(got[3]
            .as_ref()
            .unwrap_err()
            .contains("d.ndjson:4: line of 112 bytes"));
    }

    #[test]
    fn a_line_exactly_at_the_limit_is_read() {
        let line = b"{\"text\": \"abc\"}";
        let options = Options {
            max_bytes: line.len() as u64,
            ..Options::default()
        };
        let input = [&line[..], b"\n", line].concat();
        let got = lines("d.jsonl", &input, &options);
        assert_eq!(got, [Ok("d:1=abc".to_string()), Ok("d:2=abc".to_string())]);
    }

    #[test]
    fn a_bom_on_the_first_line_is_skipped() {
        let got = lines(
            "d.jsonl",
            b"\xEF\xBB\xBF{\"text\": \"a\"}\n",
            &Options::default(),
        );
        assert_eq!(got, [Ok("d:1=a".to_string())]);
    }

    #[test]
    fn blank_lines_only_is_empty() {
        let got = lines("d.jsonl", b"\n  \n\r\n", &Options::default());
        assert_eq!(got.len(), 1);
        assert!(got[0].as_ref().unwrap_err().ends_with("d.jsonl: empty"));
    }

    #[test]
    fn the_stream_reads_lazily() {
        let dir = TempDir::new("lazy");
        let mut input = Vec::new();
        for i in 0..10_000 {
            input.extend_from_slice(format!("{{\"text\": \"article {i}\"}}\n").as_bytes());
        }
        let path = dir.write("many.jsonl", &input);
        let mut docs = read(&Source::new(&path), &Options::default());
        let first = docs.next().unwrap().unwrap();
        assert_eq!(first.text, "article 0");
        assert_eq!(docs.count(), 9_999);
    }

    #[test]
    fn a_malformed_line_names_line_and_column() {
        let got = lines(
            "data.jsonl",
            b"{\"text\": \"a\"}\n{\"text\": ?}\n",
            &Options::default(),
        );
        assert_eq!(
            got[1].as_ref().unwrap_err().rsplit('/').next(),
            Some("data.jsonl:2: malformed JSON: expected value at column 10")
        );
    }
}
