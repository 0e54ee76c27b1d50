//! OntoNotes conventions the CoNLL-trained model does not know, applied to its mentions:
//! an organisation's full name ending in a head noun ("the Russian Defense Ministry" is one
//! ORG, not a nationality and two untagged words) and a place adjective with its geographic
//! head ("the Crimean peninsula" is a LOC). The words are data in `data/ner/`.

use std::collections::HashSet;

use sitrep_doc::layers::EntityLabel;

const ORG_HEADS: &str = include_str!("../../../data/ner/org-heads.txt");
const PLACE_HEADS: &str = include_str!("../../../data/ner/place-heads.txt");

/// A mention as token indices within a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TokenMention {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Its type.
    pub label: EntityLabel,
}

/// The head-noun lists.
#[derive(Debug, Clone)]
pub struct Conventions {
    org_heads: HashSet<&'static str>,
    place_heads: HashSet<&'static str>,
}

impl Default for Conventions {
    fn default() -> Self {
        let words = |data: &'static str| {
            data.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .collect()
        };
        Conventions {
            org_heads: words(ORG_HEADS),
            place_heads: words(PLACE_HEADS),
        }
    }
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

impl Conventions {
    /// Applies both conventions to one sentence's mentions (sorted, non-overlapping).
    pub fn apply(&self, words: &[&str], mentions: Vec<TokenMention>) -> Vec<TokenMention> {
        let mentions = self.organisations(words, mentions);
        self.places(words, mentions)
    }

    fn organisations(&self, words: &[&str], mut mentions: Vec<TokenMention>) -> Vec<TokenMention> {
        for (end, word) in words.iter().enumerate() {
            if !self.org_heads.contains(word) {
                continue;
            }
            // Extend left over capitalised words (and "of"/"for"/"and" between them).
            let mut start = end;
            while start > 0 {
                let prev = words[start - 1];
                let connector = matches!(prev, "of" | "for" | "and")
                    && start >= 2
                    && capitalised(words[start - 2]);
                if capitalised(prev) && prev != "The" || connector {
                    start -= 1;
                } else {
                    break;
                }
            }
            if start == end {
                continue;
            }
            let (start, end) = (start, end + 1);
            let overlapping: Vec<&TokenMention> = mentions
                .iter()
                .filter(|m| m.start < end && start < m.end)
                .collect();
            // Only where the model left the name untagged or tagged its parts as ORG or
            // nationality; a PERSON or a place inside means the run is something else.
            let fits = overlapping.iter().all(|m| {
                m.start >= start
                    && m.end <= end
                    && matches!(
                        m.label,
                        EntityLabel::Org | EntityLabel::Norp | EntityLabel::Misc
                    )
            });
            let already = overlapping
                .iter()
                .any(|m| m.start == start && m.end == end && m.label == EntityLabel::Org);
            if fits && !already {
                mentions.retain(|m| !(m.start < end && start < m.end));
                mentions.push(TokenMention {
                    start,
                    end,
                    label: EntityLabel::Org,
                });
                mentions.sort_by_key(|m| m.start);
            }
        }
        mentions
    }

    fn places(&self, words: &[&str], mentions: Vec<TokenMention>) -> Vec<TokenMention> {
        mentions
            .into_iter()
            .map(|m| {
                let adjective = matches!(m.label, EntityLabel::Norp | EntityLabel::Misc);
                match words.get(m.end) {
                    Some(next) if adjective && self.place_heads.contains(next) => TokenMention {
                        start: m.start,
                        end: m.end + 1,
                        label: EntityLabel::Loc,
                    },
                    _ => m,
                }
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(start: usize, end: usize, label: EntityLabel) -> TokenMention {
        TokenMention { start, end, label }
    }

    #[test]
    fn organisation_names_end_in_a_head() {
        let c = Conventions::default();
        let words = ["The", "Russian", "Defense", "Ministry", "said"];
        let out = c.apply(&words, vec![m(1, 2, EntityLabel::Norp)]);
        assert_eq!(out, [m(1, 4, EntityLabel::Org)]);
        // A person before the head is left alone.
        let words = ["Putin", "Ministry"];
        let out = c.apply(&words, vec![m(0, 1, EntityLabel::Person)]);
        assert_eq!(out, [m(0, 1, EntityLabel::Person)]);
        let words = ["Institute", "for", "the", "Study", "of", "War"];
        assert!(c.apply(&words, vec![]).is_empty());
    }

    #[test]
    fn place_adjective_with_its_head() {
        let c = Conventions::default();
        let words = ["the", "Crimean", "peninsula", "that"];
        let out = c.apply(&words, vec![m(1, 2, EntityLabel::Misc)]);
        assert_eq!(out, [m(1, 3, EntityLabel::Loc)]);
    }
}
