//! The core types of sitrep: a [`Document`] holding an article's original text, its
//! [`Meta`]data and stand-off annotation layers, and the versioned output [`Record`].
//!
//! Every annotation is a [`Span`] of byte offsets into the original text, which is never
//! rewritten; stages that need a cleaner text work on the [`Normalized`] view and map their
//! spans back. The record converts spans to character offsets once, when it is written.
//!
//! ```
//! use sitrep_doc::{Document, Meta, Record, Span};
//!
//! let doc = Document::new("Kyiv – Kursk", Meta::default());
//! assert_eq!(doc.slice(Span::new(9, 14)), "Kursk");
//! let record = Record::new(&doc);
//! assert_eq!(record.schema, "sitrep/1");
//! ```
#![deny(missing_docs)]

mod document;
mod error;
pub mod layers;
mod meta;
mod normalized;
mod offsets;
pub mod record;
mod span;
mod stage;

pub use document::Document;
pub use error::Error;
pub use meta::{Meta, Published};
pub use normalized::{Edit, Normalized, NormalizedBuilder};
pub use offsets::CharOffsets;
pub use record::{json_schema, Record, SCHEMA_VERSION};
pub use span::Span;
pub use stage::Stage;
