//! What to read: a file or stdin, and the format to read it in.

use std::path::{Path, PathBuf};

use crate::Format;

/// One input to read: a file, or stdin.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Source {
    /// The file; `-` is stdin.
    pub path: PathBuf,
    /// How to read it; `None` sniffs the format from the first bytes when it is read.
    pub format: Option<Format>,
}

impl Source {
    /// A file (or `-` for stdin), its format named by its extension or else sniffed.
    pub fn new(path: impl Into<PathBuf>) -> Source {
        let path = path.into();
        let format = Format::from_path(&path);
        Source { path, format }
    }

    /// Stdin, its format sniffed.
    pub fn stdin() -> Source {
        Source {
            path: PathBuf::from("-"),
            format: None,
        }
    }

    /// Whether this source is stdin.
    pub fn is_stdin(&self) -> bool {
        is_stdin(&self.path)
    }

    /// The base of the ids of its documents: the file stem (`kursk` for `news/kursk.txt`),
    /// or `stdin`.
    pub fn stem(&self) -> String {
        stem(&self.path)
    }
}

/// The size of a source in bytes, for a progress bar; `None` for stdin or an unreadable path.
pub fn file_size(source: &Source) -> Option<u64> {
    if source.is_stdin() {
        return None;
    }
    std::fs::metadata(&source.path).ok().map(|meta| meta.len())
}

/// The command line's name for stdin.
pub(crate) fn is_stdin(path: &Path) -> bool {
    path.as_os_str() == "-"
}

pub(crate) fn stem(path: &Path) -> String {
    if is_stdin(path) {
        return "stdin".to_string();
    }
    match path.file_stem() {
        Some(stem) => stem.to_string_lossy().into_owned(),
        None => path.to_string_lossy().into_owned(),
    }
}
