//! The attribution stage's language data: reporting cues with their stance, roles and their
//! holders, demonyms and word classes, read from `data/attrib/*.tsv`.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use sitrep_doc::layers::Stance;

use crate::Error;

const CUES: &str = include_str!("../../../data/attrib/cues.tsv");
const ROLES: &str = include_str!("../../../data/attrib/roles.tsv");
const DEMONYMS: &str = include_str!("../../../data/attrib/demonyms.tsv");
const WORDS: &str = include_str!("../../../data/attrib/words.tsv");

/// One reporting-cue form: a word or a phrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CueForm {
    /// The form's words, lower case ("according", "to").
    pub words: Vec<String>,
    /// The lemma it belongs to ("according_to", "say").
    pub lemma: String,
    /// The stance it carries.
    pub stance: Stance,
    /// Matched only when a clause or a quotation follows.
    pub needs_clause: bool,
}

/// A role and who held it when ("president", "Russia", "Vladimir Putin", 2012–).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleHolder {
    /// The role noun ("president", "prime minister").
    pub role: String,
    /// The place the role belongs to, if any ("Russia").
    pub place: Option<String>,
    /// The holder's canonical name.
    pub holder: String,
    /// First year held (inclusive), if known.
    pub from: Option<i32>,
    /// Last year held (inclusive); `None` while held.
    pub to: Option<i32>,
}

/// All the attribution data, parsed once.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    /// Cue forms by their first word, longest phrase first.
    cues: HashMap<String, Vec<CueForm>>,
    /// Role holders.
    pub roles: Vec<RoleHolder>,
    /// Role nouns by their number of words, for matching ("prime minister").
    pub role_nouns: HashSet<String>,
    /// Demonym or place adjective (lower case) → place.
    pub demonyms: HashMap<String, String>,
    classes: HashMap<String, HashSet<String>>,
}

fn bad(file: &'static str, line: usize, reason: impl Into<String>) -> Error {
    Error::BadData {
        file,
        line,
        reason: reason.into(),
    }
}

/// The data lines of a file: (1-based line number, line), without comments and blanks.
fn data_lines(text: &str) -> impl Iterator<Item = (usize, &str)> {
    text.lines()
        .enumerate()
        .map(|(i, l)| (i + 1, l.trim_end()))
        .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'))
}

/// Parses a stance class name as written in the data files and the gold format.
pub fn parse_stance(name: &str) -> Option<Stance> {
    Some(match name {
        "assert" => Stance::Assert,
        "claim" => Stance::Claim,
        "admit" => Stance::Admit,
        "deny" => Stance::Deny,
        "warn" => Stance::Warn,
        "demand" => Stance::Demand,
        "reject" => Stance::Reject,
        "hedge" => Stance::Hedge,
        _ => return None,
    })
}

impl Lexicon {
    /// The data compiled into the crate from `data/attrib/`.
    pub fn builtin() -> Result<Lexicon, Error> {
        Lexicon::parse(CUES, ROLES, DEMONYMS, WORDS)
    }

    /// Parses the four data files (in the formats their headers describe).
    pub fn parse(cues: &str, roles: &str, demonyms: &str, words: &str) -> Result<Lexicon, Error> {
        let mut lex = Lexicon::default();
        for (n, line) in data_lines(cues) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [lemma, stance, forms] = cols[..] else {
                return Err(bad("cues.tsv", n, "expected 3 TAB-separated columns"));
            };
            let stance = parse_stance(stance)
                .ok_or_else(|| bad("cues.tsv", n, format!("unknown stance {stance:?}")))?;
            for form in forms.split_whitespace() {
                let (form, needs_clause) = match form.strip_suffix('+') {
                    Some(f) => (f, true),
                    None => (form, false),
                };
                let words: Vec<String> = form.split('_').map(str::to_lowercase).collect();
                lex.cues.entry(words[0].clone()).or_default().push(CueForm {
                    words,
                    lemma: lemma.to_string(),
                    stance,
                    needs_clause,
                });
            }
        }
        for forms in lex.cues.values_mut() {
            forms.sort_by_key(|f| std::cmp::Reverse(f.words.len()));
        }
        for (n, line) in data_lines(roles) {
            let cols: Vec<&str> = line.split('\t').collect();
            let [role, place, holder, from, to] = cols[..] else {
                return Err(bad("roles.tsv", n, "expected 5 TAB-separated columns"));
            };
            let year = |s: &str| -> Result<Option<i32>, Error> {
                if s == "-" {
                    return Ok(None);
                }
                s.parse()
                    .map(Some)
                    .map_err(|_| bad("roles.tsv", n, format!("bad year {s:?}")))
            };
            lex.role_nouns.insert(role.to_string());
            if holder == "-" {
                continue;
            }
            lex.roles.push(RoleHolder {
                role: role.to_string(),
                place: (place != "-").then(|| place.to_string()),
                holder: holder.to_string(),
                from: year(from)?,
                to: year(to)?,
            });
        }
        for (n, line) in data_lines(demonyms) {
            let Some((adj, place)) = line.split_once('\t') else {
                return Err(bad("demonyms.tsv", n, "expected 2 TAB-separated columns"));
            };
            lex.demonyms.insert(adj.to_lowercase(), place.to_string());
        }
        for (n, line) in data_lines(words) {
            let Some((class, list)) = line.split_once('\t') else {
                return Err(bad("words.tsv", n, "expected class<TAB>words"));
            };
            let set = lex.classes.entry(class.to_string()).or_default();
            set.extend(list.split_whitespace().map(|w| w.replace('_', " ")));
        }
        for class in [
            "pronoun_person",
            "pronoun_group",
            "skip",
            "boundary",
            "addressee_prep",
            "medium",
            "org_head",
            "unnamed_head",
            "determiner",
            "nonperson",
            "label",
            "adjunct",
            "not_adverb",
            "discourse",
            "takes_to",
            "title",
            "any_role",
            "name_particle",
            "time",
        ] {
            if !lex.classes.contains_key(class) {
                return Err(bad("words.tsv", 0, format!("missing class {class}")));
            }
        }
        Ok(lex)
    }

    /// Whether `word` (lower case) is in the word class `class` of `words.tsv`.
    pub fn is(&self, class: &str, word: &str) -> bool {
        self.classes.get(class).is_some_and(|s| s.contains(word))
    }

    /// The cue forms that start with `word` (lower case), longest first.
    pub fn cues_starting(&self, word: &str) -> &[CueForm] {
        self.cues.get(word).map(Vec::as_slice).unwrap_or(&[])
    }

    /// Whether `word` (lower case) is any cue form's first word.
    pub fn is_cue_word(&self, word: &str) -> bool {
        self.cues.contains_key(word)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_data_parses() {
        let lex = Lexicon::builtin().expect("builtin data");
        let according = lex.cues_starting("according");
        assert_eq!(according[0].words, ["according", "to"]);
        assert_eq!(according[0].stance, Stance::Claim);
        assert!(lex.cues_starting("admitted")[0].stance == Stance::Admit);
        assert_eq!(lex.demonyms["russian"], "Russia");
        assert!(lex.is("pronoun_person", "he"));
        assert!(lex.is("medium", "press conference"));
        assert!(lex.roles.iter().any(|r| r.holder == "Vladimir Putin"));
    }

    #[test]
    fn plus_marks_a_form_that_needs_a_clause() {
        let lex =
            Lexicon::parse("hope\thedge\thope+ hopes\n", ROLES, DEMONYMS, WORDS).expect("parses");
        assert!(lex.cues_starting("hope")[0].needs_clause);
        assert!(!lex.cues_starting("hopes")[0].needs_clause);
    }

    #[test]
    fn bad_line_names_file_and_line() {
        let err = Lexicon::parse("# c\nsay\tassert\n", "", "", "").unwrap_err();
        assert_eq!(
            err.to_string(),
            "cues.tsv:2: expected 3 TAB-separated columns"
        );
        let err = Lexicon::parse("say\tshout\tsaid\n", "", "", "").unwrap_err();
        assert!(err.to_string().contains("unknown stance"));
    }
}
