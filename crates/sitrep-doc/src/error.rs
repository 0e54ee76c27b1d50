//! Errors of the core types.

/// What can go wrong when building core values from input.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A publication date that does not parse or does not exist.
    #[error("bad date {value:?}: {reason}")]
    BadDate {
        /// The text given as a date.
        value: String,
        /// Why it was refused.
        reason: String,
    },
}
