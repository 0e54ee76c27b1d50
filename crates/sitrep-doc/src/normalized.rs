//! A normalised view of the original text, with an alignment back to it.
//!
//! Normalising (straight quotes, one kind of dash, plain spaces, no zero-width characters or
//! soft hyphens, `\n` line ends) makes the tokenizer simple, but the output must point into
//! the *original* text. As in Hugging Face `tokenizers`, every normalising step records how
//! normalised bytes align with original bytes. Here the alignment is stored sparsely: only the
//! places that changed are kept as [`Edit`]s; everything between them maps one to one, so
//! clean ASCII text costs nothing.

use crate::Span;

/// One place where the normalised text differs from the original: `orig_len` original bytes
/// at `orig_start` became `norm_len` normalised bytes at `norm_start` (either may be 0).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Edit {
    /// Byte offset of the replacement in the normalised text.
    pub norm_start: usize,
    /// Byte length of the replacement (0 for a deletion).
    pub norm_len: usize,
    /// Byte offset of the replaced text in the original.
    pub orig_start: usize,
    /// Byte length of the replaced text (0 for an insertion).
    pub orig_len: usize,
}

/// The normalised text and its alignment to the original.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Normalized {
    text: String,
    edits: Vec<Edit>,
}

impl Normalized {
    /// A view identical to `original`.
    pub fn identity(original: &str) -> Normalized {
        Normalized {
            text: original.to_owned(),
            edits: Vec::new(),
        }
    }

    /// The normalised text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// The places where the view differs from the original, in text order.
    pub fn edits(&self) -> &[Edit] {
        &self.edits
    }

    /// Whether the view is byte-for-byte the original.
    pub fn is_identity(&self) -> bool {
        self.edits.is_empty()
    }

    /// Maps a span of the normalised text to the span of the original text it came from.
    ///
    /// A span that starts or ends inside an expansion (one original character that became
    /// several normalised bytes, such as `…` → `...`) is widened to the whole original
    /// character, so the result always lies on character boundaries of the original.
    /// Deleted characters (zero-width space, soft hyphen) right before a span's start or right
    /// after its end are left out of it; those inside it stay inside.
    pub fn to_original(&self, span: Span) -> Span {
        let start = self.map_start(span.start);
        if span.is_empty() {
            return Span::new(start, start);
        }
        Span::new(start, self.map_end(span.end).max(start))
    }

    /// The original offset at which a span starting at normalised offset `p` begins.
    pub fn map_start(&self, p: usize) -> usize {
        let i = self.edits.partition_point(|e| e.norm_start <= p);
        if i == 0 {
            return p;
        }
        let e = &self.edits[i - 1];
        if p < e.norm_start + e.norm_len {
            e.orig_start
        } else {
            p - (e.norm_start + e.norm_len) + e.orig_start + e.orig_len
        }
    }

    /// The original offset at which a span ending at normalised offset `p` ends.
    pub fn map_end(&self, p: usize) -> usize {
        let i = self.edits.partition_point(|e| e.norm_start < p);
        if i == 0 {
            return p;
        }
        let e = &self.edits[i - 1];
        if p < e.norm_start + e.norm_len {
            e.orig_start + e.orig_len
        } else {
            p - (e.norm_start + e.norm_len) + e.orig_start + e.orig_len
        }
    }
}

/// Builds a [`Normalized`] view by walking the original text front to back.
///
/// Every original byte must be accounted for exactly once, by [`keep`](Self::keep) or
/// [`replace`](Self::replace); [`finish`](Self::finish) checks this.
#[derive(Debug)]
pub struct NormalizedBuilder {
    text: String,
    edits: Vec<Edit>,
    orig_pos: usize,
}

impl NormalizedBuilder {
    /// A builder for an original text of `len` bytes.
    pub fn with_capacity(len: usize) -> NormalizedBuilder {
        NormalizedBuilder {
            text: String::with_capacity(len),
            edits: Vec::new(),
            orig_pos: 0,
        }
    }

    /// Copies `original` unchanged into the view.
    pub fn keep(&mut self, original: &str) {
        self.text.push_str(original);
        self.orig_pos += original.len();
    }

    /// Replaces `orig_len` original bytes by `replacement` (empty to delete them).
    pub fn replace(&mut self, orig_len: usize, replacement: &str) {
        let edit = Edit {
            norm_start: self.text.len(),
            norm_len: replacement.len(),
            orig_start: self.orig_pos,
            orig_len,
        };
        self.edits.push(edit);
        self.text.push_str(replacement);
        self.orig_pos += orig_len;
    }

    /// The finished view.
    ///
    /// # Panics
    /// If the builder did not consume exactly `original.len()` bytes.
    pub fn finish(self, original: &str) -> Normalized {
        assert_eq!(
            self.orig_pos,
            original.len(),
            "normaliser consumed {} of {} bytes",
            self.orig_pos,
            original.len()
        );
        Normalized {
            text: self.text,
            edits: self.edits,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// "a“b…\u{AD}c" normalised to "a\"b...c".
    fn sample() -> (String, Normalized) {
        let original = "a\u{201C}b\u{2026}\u{AD}c".to_string();
        let mut b = NormalizedBuilder::with_capacity(original.len());
        b.keep("a");
        b.replace(3, "\"");
        b.keep("b");
        b.replace(3, "...");
        b.replace(2, "");
        b.keep("c");
        let n = b.finish(&original);
        (original, n)
    }

    #[test]
    fn whole_alignment_vector() {
        let (original, n) = sample();
        assert_eq!(n.as_str(), "a\"b...c");
        let starts: Vec<usize> = (0..=n.as_str().len()).map(|p| n.map_start(p)).collect();
        let ends: Vec<usize> = (0..=n.as_str().len()).map(|p| n.map_end(p)).collect();
        // normalised: a " b . . . c <end>
        assert_eq!(starts, vec![0, 1, 4, 5, 5, 5, 10, 11]);
        assert_eq!(ends, vec![0, 1, 4, 5, 8, 8, 8, 11]);
        assert_eq!(original.len(), 11);
    }

    #[test]
    fn spans_slice_the_original() {
        let (original, n) = sample();
        let ellipsis = n.to_original(Span::new(3, 6));
        assert_eq!(ellipsis.slice(&original), "\u{2026}");
        let quote = n.to_original(Span::new(1, 2));
        assert_eq!(quote.slice(&original), "\u{201C}");
        let all = n.to_original(Span::new(0, 7));
        assert_eq!(all.slice(&original), original.as_str());
        // The soft hyphen before "c" is left out of a span that starts at "c".
        assert_eq!(n.to_original(Span::new(6, 7)).slice(&original), "c");
    }

    #[test]
    fn identity_maps_to_itself() {
        let n = Normalized::identity("plain text");
        assert!(n.is_identity());
        assert_eq!(n.to_original(Span::new(2, 7)), Span::new(2, 7));
    }

    #[test]
    fn crlf_runs_map_back() {
        let original = "x\r\n\r\ny";
        let mut b = NormalizedBuilder::with_capacity(original.len());
        b.keep("x");
        b.replace(2, "\n");
        b.replace(2, "\n");
        b.keep("y");
        let n = b.finish(original);
        assert_eq!(n.as_str(), "x\n\ny");
        assert_eq!(n.edits().len(), 2);
        assert_eq!(n.to_original(Span::new(3, 4)).slice(original), "y");
    }
}
