//! The one error type of the readers: every variant names the input (and the line, where the
//! input has lines), so a run over thousands of files can report the bad ones and go on.

use std::io;
use std::path::{Path, PathBuf};

/// What can go wrong reading an input. Every variant carries the path (`-` for stdin, shown as
/// `<stdin>`) and, for JSON lines and JSON array items, the 1-based line.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum InputError {
    /// The path could not be opened, inspected or read.
    #[error("{}: cannot read: {source}", shown(path))]
    Io {
        /// The input.
        path: PathBuf,
        /// The operating system's reason.
        source: io::Error,
    },
    /// A directory given as an argument could not be listed.
    #[error("{}: cannot walk directory: {source}", shown(path))]
    Walk {
        /// The directory (or the entry inside it) that failed.
        path: PathBuf,
        /// The operating system's reason.
        source: io::Error,
    },
    /// The bytes are not UTF-8.
    #[error("{}: invalid UTF-8 at byte {byte} (line {line})", shown(path))]
    InvalidUtf8 {
        /// The input.
        path: PathBuf,
        /// The 1-based line holding the bad byte.
        line: u64,
        /// The offset of the first bad byte from the start of the input.
        byte: u64,
    },
    /// The input (or a record's text) holds nothing but whitespace.
    #[error("{}: empty", at(path, *line))]
    Empty {
        /// The input.
        path: PathBuf,
        /// The record's line, for JSON lines and JSON.
        line: Option<u64>,
    },
    /// The input looks like a binary file (a NUL byte, or invalid UTF-8 among many control
    /// characters, in its first 8 KiB).
    #[error("{}: binary file", shown(path))]
    Binary {
        /// The input.
        path: PathBuf,
    },
    /// The input (or, for JSON lines, one line) is larger than [`crate::Options::max_bytes`].
    #[error("{}: {}", at(path, *line), too_large(path, *line, *size, *limit))]
    TooLarge {
        /// The input.
        path: PathBuf,
        /// The over-long line, for JSON lines.
        line: Option<u64>,
        /// The size in bytes, where it is known (stdin is not read to its end).
        size: Option<u64>,
        /// The limit in bytes.
        limit: u64,
    },
    /// A JSON line or JSON file that does not parse.
    #[error("{}:{line}: malformed JSON: {reason} at column {column}", shown(path))]
    MalformedJson {
        /// The input.
        path: PathBuf,
        /// The 1-based line of the error.
        line: u64,
        /// The 1-based column (in bytes) of the error.
        column: u64,
        /// What the JSON parser expected.
        reason: String,
    },
    /// A JSON value where an article object was expected.
    #[error("{}:{line}: expected a JSON object, found {found}", shown(path))]
    NotAnObject {
        /// The input.
        path: PathBuf,
        /// The 1-based line where the value starts.
        line: u64,
        /// The JSON type found ("an array", "a string", …).
        found: &'static str,
    },
    /// A JSON record with none of the field names that hold the article text.
    #[error(
        "{}:{line}: no text field (expected one of: {})",
        shown(path),
        crate::TEXT_FIELDS.join(", ")
    )]
    MissingText {
        /// The input.
        path: PathBuf,
        /// The 1-based line where the record starts.
        line: u64,
    },
    /// A JSON record field of the wrong type, e.g. a text that is a number.
    #[error(
        "{}:{line}: field {field:?} is {found}, expected {expected}",
        shown(path)
    )]
    WrongType {
        /// The input.
        path: PathBuf,
        /// The 1-based line where the record starts.
        line: u64,
        /// The field name as written in the record.
        field: String,
        /// What the field should hold.
        expected: &'static str,
        /// The JSON type found ("a number", "an object", …).
        found: &'static str,
    },
    /// A publication date that does not parse; the record is not read.
    #[error("{}: bad publication date {value:?}: {reason}", at(path, *line))]
    BadDate {
        /// The input.
        path: PathBuf,
        /// The record's line, for JSON lines and JSON.
        line: Option<u64>,
        /// The date as written.
        value: String,
        /// Why it was refused.
        reason: String,
    },
    /// HTML that stops before its end: inside a tag or comment, or without closing a `<body>`
    /// or `<html>` that it opened.
    #[error("{}: truncated HTML: {reason}", shown(path))]
    TruncatedHtml {
        /// The input.
        path: PathBuf,
        /// Where the file stops.
        reason: String,
    },
}

impl InputError {
    /// The input the error is about (`-` for stdin).
    pub fn path(&self) -> &Path {
        match self {
            InputError::Io { path, .. }
            | InputError::Walk { path, .. }
            | InputError::InvalidUtf8 { path, .. }
            | InputError::Empty { path, .. }
            | InputError::Binary { path }
            | InputError::TooLarge { path, .. }
            | InputError::MalformedJson { path, .. }
            | InputError::NotAnObject { path, .. }
            | InputError::MissingText { path, .. }
            | InputError::WrongType { path, .. }
            | InputError::BadDate { path, .. }
            | InputError::TruncatedHtml { path, .. } => path,
        }
    }

    /// A bad date, with the value and reason taken from the core type's error.
    pub(crate) fn bad_date(
        path: &Path,
        line: Option<u64>,
        value: &str,
        err: sitrep_doc::Error,
    ) -> InputError {
        let reason = match err {
            sitrep_doc::Error::BadDate { reason, .. } => reason,
            other => other.to_string(),
        };
        InputError::BadDate {
            path: path.to_path_buf(),
            line,
            value: value.to_string(),
            reason,
        }
    }
}

/// `-` is how the command line names stdin; `<stdin>` reads better in a message.
pub(crate) fn shown(path: &Path) -> String {
    if crate::is_stdin(path) {
        "<stdin>".to_string()
    } else {
        path.display().to_string()
    }
}

fn at(path: &Path, line: Option<u64>) -> String {
    match line {
        Some(line) => format!("{}:{line}", shown(path)),
        None => shown(path),
    }
}

/// "file of 70000000 bytes exceeds …"; stdin is not read to its end, so its size is unknown.
fn too_large(path: &Path, line: Option<u64>, size: Option<u64>, limit: u64) -> String {
    let what = match line {
        Some(_) => "line",
        None if crate::is_stdin(path) => "input",
        None => "file",
    };
    match size {
        Some(size) => format!("{what} of {size} bytes exceeds the limit of {limit} bytes"),
        None => format!("{what} exceeds the limit of {limit} bytes"),
    }
}
