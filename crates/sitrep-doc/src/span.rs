//! Byte spans into a document's original text.

use std::fmt;
use std::ops::Range;

/// A half-open range `[start, end)` of **byte** offsets into a document's original text.
///
/// Inside Rust every annotation is a byte span, because that is what `str` slicing uses;
/// offsets become Unicode-scalar (character) offsets only when a record is written
/// (see [`crate::record`]). The invariant `start <= end` is checked on construction.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    ///
    /// # Panics
    /// If `start > end`: that is a bug in the stage that built it, not bad input.
    #[inline]
    pub fn new(start: usize, end: usize) -> Span {
        assert!(start <= end, "span start {start} is after its end {end}");
        Span { start, end }
    }

    /// Length in bytes.
    #[inline]
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers nothing.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// Whether the two spans share at least one byte.
    #[inline]
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// Whether `other` lies wholly inside this span.
    #[inline]
    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    #[inline]
    pub fn cover(&self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The part of `text` the span covers.
    ///
    /// # Panics
    /// If the span is out of bounds or not on character boundaries of `text`.
    #[inline]
    pub fn slice<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }

    /// The span as a `Range`, for slicing.
    #[inline]
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

impl fmt::Display for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slices_str() {
        let text = "Kyiv and Kursk";
        assert_eq!(Span::new(9, 14).slice(text), "Kursk");
    }

    #[test]
    #[should_panic(expected = "is after its end")]
    fn rejects_reversed_span() {
        let _ = Span::new(3, 2);
    }

    #[test]
    fn overlap_and_cover() {
        let a = Span::new(0, 4);
        let b = Span::new(3, 8);
        assert!(a.overlaps(b));
        assert!(!a.overlaps(Span::new(4, 5)));
        assert_eq!(a.cover(b), Span::new(0, 8));
        assert!(b.contains(Span::new(4, 8)));
    }
}
