//! The pipeline's unit: a stage reads the layers it needs and writes its own.

use crate::Document;

/// One step of the pipeline (tokens, sentences, entities, times, …).
///
/// A stage is built once, is immutable and `Send + Sync`, and serves every thread. It never
/// fails on a document: any valid UTF-8 text is an article it must handle, and what it
/// cannot analyse it leaves unannotated. Input errors are caught before, by the readers.
pub trait Stage: Send + Sync {
    /// A short name for logs and benchmarks ("text", "times").
    fn name(&self) -> &'static str;

    /// Fills this stage's layers of `doc`, replacing what was there.
    fn annotate(&self, doc: &mut Document);
}
