//! Conversion of byte offsets to character (Unicode scalar value) offsets.

/// Converts byte offsets of one text into character offsets, the unit of the output record.
///
/// Python, most NLP tools and the JSON record count characters as Unicode scalar values;
/// Rust slices bytes. The conversion is done once per document when the record is written.
/// Pure-ASCII text (most English news) takes a fast path with no table at all.
#[derive(Debug, Clone)]
pub struct CharOffsets {
    /// `Some(table)` where `table[b]` is the character index of byte `b`; `None` for ASCII.
    table: Option<Vec<u32>>,
}

impl CharOffsets {
    /// Builds the converter for `text`.
    pub fn new(text: &str) -> CharOffsets {
        if text.is_ascii() {
            return CharOffsets { table: None };
        }
        let mut table = Vec::with_capacity(text.len() + 1);
        let mut chars = 0u32;
        for ch in text.chars() {
            for _ in 0..ch.len_utf8() {
                table.push(chars);
            }
            chars += 1;
        }
        table.push(chars);
        CharOffsets { table: Some(table) }
    }

    /// The character offset of byte offset `byte`.
    ///
    /// A byte inside a multi-byte character maps to that character; spans built by sitrep
    /// always lie on character boundaries, which the span tests check.
    #[inline]
    pub fn char_offset(&self, byte: usize) -> usize {
        match &self.table {
            None => byte,
            Some(table) => table[byte] as usize,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ascii_is_identity() {
        let offsets = CharOffsets::new("abc");
        assert_eq!(offsets.char_offset(3), 3);
    }

    #[test]
    fn multibyte_counts_scalar_values() {
        // "é" is 2 bytes, "😀" is 4 bytes and 2 UTF-16 units but one scalar value.
        let text = "é😀x";
        let offsets = CharOffsets::new(text);
        assert_eq!(offsets.char_offset(0), 0);
        assert_eq!(offsets.char_offset(2), 1);
        assert_eq!(offsets.char_offset(6), 2);
        assert_eq!(offsets.char_offset(7), 3);
    }
}
