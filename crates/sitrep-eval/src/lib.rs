//! Gold-standard readers and scorers for sitrep's `eval` commands.
//!
//! Each module reads one standard format and scores system output the way the field does,
//! printing the counts beside precision, recall and F1 ([`prf::Counts`]).
//!
//! ```
//! use sitrep_eval::prf::Counts;
//! let c = Counts::new(100, 98, 98);
//! assert!(c.f1() > 0.98);
//! ```
#![deny(missing_docs)]

pub mod attribution;
pub mod conll;
pub mod conllu;
pub mod entity_mentions;
pub mod gum_entities;
pub mod meantime;
pub mod polnear;
pub mod prf;
pub mod segmentation;
pub mod timeml;
