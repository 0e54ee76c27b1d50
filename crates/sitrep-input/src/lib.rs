//! Readers that turn input files into [`sitrep_doc::Document`]s: the article text, exactly as
//! written, and its [`Meta`]data (id, title, url, source, publication date, language).
//!
//! The command line's path arguments become [`Source`]s with [`expand_paths`] (directories
//! are walked, `-` is stdin), and [`read`] turns one source into a stream of documents, one
//! `Result` per article, so one bad line or file is reported and the rest is still read.
//! Four [`Format`]s are read, chosen by extension or sniffed from the content:
//!
//! - plain text (`.txt`, `.text`, `.md`): the whole file is one article; metadata comes from
//!   the caller's [`MetaDefaults`], the id from the file stem;
//! - HTML (`.html`, `.htm`, `.xhtml`): the visible text of the main content (the first
//!   `<article>`, else `<main>`, else `<body>`, without navigation, headers, footers, asides
//!   and scripts), paragraphs separated by a blank line; metadata from Open Graph and other
//!   `<meta>` tags, `<title>`, `<time datetime>`, `<link rel="canonical">` and `<html lang>`;
//! - JSON lines (`.jsonl`, `.ndjson`): one article object per line, streamed in bounded
//!   memory, with the field names of common news datasets ([`FIELD_ALIASES`]);
//! - JSON (`.json`): one article object or an array of them.
//!
//! ```
//! use sitrep_input::{read, Format, Options, Source};
//!
//! let path = std::env::temp_dir().join(format!("sitrep-input-doc-{}.jsonl", std::process::id()));
//! std::fs::write(
//!     &path,
//!     "{\"headline\": \"Kursk\", \"pubDate\": \"2024-08-18\", \"content\": \"Kyiv said…\"}\n\
//!      not json\n\
//!      {\"id\": 7, \"text\": \"Moscow said…\", \"source\": {\"id\": null, \"name\": \"Efe\"}}\n",
//! )?;
//!
//! let source = Source::new(&path);
//! assert_eq!(source.format, Some(Format::JsonLines));
//! let results: Vec<_> = read(&source, &Options::default()).collect();
//! std::fs::remove_file(&path)?;
//!
//! let first = results[0].as_ref().unwrap();
//! assert_eq!(first.text, "Kyiv said…");
//! assert_eq!(first.meta.title.as_deref(), Some("Kursk"));
//! assert_eq!(first.meta.published.unwrap().to_string(), "2024-08-18");
//! assert!(first.meta.id.as_deref().unwrap().ends_with(":1"));
//!
//! let bad = results[1].as_ref().unwrap_err();
//! assert!(bad.to_string().ends_with(".jsonl:2: malformed JSON: expected ident at column 2"));
//!
//! let third = results[2].as_ref().unwrap();
//! assert_eq!(third.meta.id.as_deref(), Some("7"));
//! assert_eq!(third.meta.source.as_deref(), Some("Efe"));
//! # Ok::<(), std::io::Error>(())
//! ```
#![deny(missing_docs)]

mod decode;
mod error;
mod format;
mod html;
mod json;
mod jsonl;
mod paths;
mod read;
mod record;
mod source;

use sitrep_doc::{Meta, Published};

pub use error::InputError;
pub use format::Format;
pub use paths::expand_paths;
pub use read::read;
pub use record::{
    FIELD_ALIASES, ID_FIELDS, LANGUAGE_FIELDS, PUBLISHED_FIELDS, SOURCE_FIELDS, TEXT_FIELDS,
    TITLE_FIELDS, URL_FIELDS,
};
pub use source::{file_size, Source};

pub(crate) use source::{is_stdin, stem};

/// The default for [`Options::max_bytes`]: 64 MiB, far above any article, small enough that a
/// mistaken dump or disk image is refused before it is read into memory.
pub const DEFAULT_MAX_BYTES: u64 = 64 * 1024 * 1024;

/// How inputs are read.
#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// Metadata for what an input does not say itself (all of it, for plain text).
    pub defaults: MetaDefaults,
    /// The largest text, HTML or JSON file read, and the longest JSON line, in bytes. JSON
    /// lines files themselves are streamed and may be of any size.
    pub max_bytes: u64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            defaults: MetaDefaults::default(),
            max_bytes: DEFAULT_MAX_BYTES,
        }
    }
}

/// Metadata supplied by the caller (e.g. from command-line flags). It fills what an input
/// lacks; an input's own metadata wins.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MetaDefaults {
    /// The headline.
    pub title: Option<String>,
    /// Where the article was published.
    pub url: Option<String>,
    /// The publisher or outlet.
    pub source: Option<String>,
    /// When it was published: the anchor for relative dates such as "yesterday".
    pub published: Option<Published>,
    /// The language code.
    pub language: Option<String>,
}

impl MetaDefaults {
    /// The defaults as a document's metadata, with its id.
    pub(crate) fn meta(&self, id: String) -> Meta {
        Meta {
            id: Some(id),
            title: self.title.clone(),
            url: self.url.clone(),
            source: self.source.clone(),
            published: self.published,
            language: self.language.clone(),
        }
    }
}

#[cfg(test)]
mod test_files;
