//! Errors of the attribution stage: only its language data can be wrong.

/// What can go wrong when loading the attribution data.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A line of a data file does not follow the format described at the file's top.
    #[error("{file}:{line}: {reason}")]
    BadData {
        /// The data file (`cues.tsv`, `roles.tsv`, …).
        file: &'static str,
        /// The 1-based line number.
        line: usize,
        /// Why the line was refused.
        reason: String,
    },
}
