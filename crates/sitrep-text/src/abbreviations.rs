//! The abbreviation list and sentence openers, loaded from `data/text/`.

use std::collections::HashMap;

const ABBREVIATIONS: &str = include_str!("../../../data/text/abbreviations.tsv");
const SENTENCE_STARTERS: &str = include_str!("../../../data/text/sentence-starters.txt");

/// How an abbreviation behaves at a possible sentence end.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AbbreviationClass {
    /// Precedes a name or number and never ends a sentence ("Gen.", "Jan.").
    Title,
    /// May end a sentence ("U.S.", "Inc.", "etc.").
    Plain,
}

/// Known abbreviations, dotted initials, and the words that open sentences.
#[derive(Debug, Clone)]
pub struct Abbreviations {
    exact: HashMap<String, AbbreviationClass>,
    lower: HashMap<String, AbbreviationClass>,
    starters: std::collections::HashSet<String>,
}

impl Default for Abbreviations {
    fn default() -> Self {
        Abbreviations::builtin()
    }
}

impl Abbreviations {
    /// The lists compiled into the binary from `data/text/`.
    pub fn builtin() -> Abbreviations {
        let mut exact = HashMap::new();
        let mut lower = HashMap::new();
        for line in data_lines(ABBREVIATIONS) {
            let mut fields = line.split('\t');
            let (Some(abbr), Some(class)) = (fields.next(), fields.next()) else {
                continue;
            };
            let class = match class.trim() {
                "title" => AbbreviationClass::Title,
                _ => AbbreviationClass::Plain,
            };
            if abbr.chars().next().is_some_and(char::is_lowercase) {
                lower.insert(abbr.to_string(), class);
            }
            exact.insert(abbr.to_string(), class);
        }
        let starters = data_lines(SENTENCE_STARTERS).map(str::to_string).collect();
        Abbreviations {
            exact,
            lower,
            starters,
        }
    }

    /// The class of `word` (ending in a full stop) if it is an abbreviation: a listed one, a
    /// single-letter initial ("V."), or a dotted letter sequence ("U.N.", "a.m.").
    pub fn classify(&self, word: &str) -> Option<AbbreviationClass> {
        if !word.ends_with('.') || word.len() < 2 {
            return None;
        }
        if let Some(class) = self.exact.get(word) {
            return Some(*class);
        }
        if word.chars().next().is_some_and(char::is_uppercase) && word.is_ascii() {
            if let Some(class) = self.lower.get(&word.to_ascii_lowercase()) {
                return Some(*class);
            }
        }
        let stem = &word[..word.len() - 1];
        let mut chars = stem.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            // "V." as in "Vladimir V. Putin".
            return c.is_alphabetic().then_some(AbbreviationClass::Title);
        }
        if is_dotted_letters(word) {
            return Some(AbbreviationClass::Plain);
        }
        // Hyphenated forms such as "R-Ariz." take the class of their last part.
        let last = word.rsplit('-').next().unwrap_or(word);
        if last.len() < word.len() {
            return self.classify(last).filter(|_| last.len() > 2);
        }
        None
    }

    /// Whether `word` typically opens a sentence.
    pub fn is_sentence_starter(&self, word: &str) -> bool {
        self.starters.contains(word)
    }
}

/// "U.S.", "e.g.", "a.m.": letters each followed by a full stop, at least two of them.
fn is_dotted_letters(word: &str) -> bool {
    let mut count = 0;
    let mut expect_letter = true;
    for c in word.chars() {
        if expect_letter {
            if !c.is_alphabetic() {
                return false;
            }
            count += 1;
        } else if c != '.' {
            return false;
        }
        expect_letter = !expect_letter;
    }
    expect_letter && count >= 2
}

fn data_lines(data: &str) -> impl Iterator<Item = &str> {
    data.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        let a = Abbreviations::builtin();
        assert_eq!(a.classify("Gen."), Some(AbbreviationClass::Title));
        assert_eq!(a.classify("U.S."), Some(AbbreviationClass::Plain));
        assert_eq!(a.classify("V."), Some(AbbreviationClass::Title));
        assert_eq!(a.classify("Etc."), Some(AbbreviationClass::Plain));
        assert_eq!(a.classify("R-Ariz."), Some(AbbreviationClass::Plain));
        assert_eq!(a.classify("injured."), None);
        assert_eq!(a.classify("Kursk."), None);
        assert_eq!(a.classify("U.S"), None);
    }

    #[test]
    fn starters() {
        let a = Abbreviations::builtin();
        assert!(a.is_sentence_starter("The"));
        assert!(!a.is_sentence_starter("President"));
    }
}
