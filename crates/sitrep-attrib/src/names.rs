//! Who a source mention is: the document's named people and organisations, its role facts
//! ("Ukrainian President, Volodymyr Zelensky"), and the resolution of a mention (a name, a
//! pronoun, a role description, an unnamed description) to a canonical name.
//!
//! NER mentions are used when the entity layer is filled; without it, names are runs of
//! capitalised words, and a run is a person when it has two to four words, none of them an
//! organisation head or a demonym, or when it is the surname of such a person.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use sitrep_doc::layers::{EntityLabel, TokenKind};
use sitrep_doc::{Document, Span};

use crate::lexicon::Lexicon;

/// A named person or organisation mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Name {
    /// First token of the name (after any title or role words).
    pub first: usize,
    /// One past its last token.
    pub end: usize,
    /// Whether it names a person (else an organisation or a place).
    pub person: bool,
    /// The canonical form: the fullest name the document gives this person.
    pub canonical: String,
}

/// What the latest attributions of a document were resolved to.
#[derive(Clone, Debug, Default)]
pub struct Recent {
    /// The people who spoke, latest last.
    people: Vec<String>,
    /// The latest organisation that spoke.
    pub organisation: Option<String>,
    /// Person → female, learnt from the pronouns resolved to them: after "she added", a
    /// "he" in her words is somebody else.
    female: HashMap<String, bool>,
}

impl Recent {
    /// Records that `entity` (a person when `person`) spoke, through the mention `pronoun`
    /// when that was "he" or "she".
    pub fn spoke(&mut self, entity: &str, person: bool, pronoun: Option<&str>) {
        if !person {
            self.organisation = Some(entity.to_string());
            return;
        }
        if self.people.last().is_none_or(|p| p != entity) {
            self.people.retain(|p| p != entity);
            self.people.push(entity.to_string());
            // A bounded memory keeps each call cheap however many people a document quotes.
            if self.people.len() > 64 {
                self.people.remove(0);
            }
        }
        if let Some(p @ ("he" | "she")) = pronoun {
            self.female.insert(entity.to_string(), p == "she");
        }
    }

    /// Whether a pronoun ("he", "she", "i") can stand for `person`.
    fn agrees(&self, person: &str, pronoun: &str) -> bool {
        match (pronoun, self.female.get(person)) {
            ("he", Some(&female)) => !female,
            ("she", Some(&female)) => female,
            _ => true,
        }
    }
}

/// A role the document gives a person ("president" of "Ukraine" → Volodymyr Zelensky).
#[derive(Clone, Debug, PartialEq, Eq)]
struct RoleFact {
    role: String,
    place: Option<String>,
    name: String,
}

/// The names of one document and what is needed to resolve mentions to them.
#[derive(Debug, Default)]
pub struct NameIndex {
    /// Name mentions in text order.
    pub names: Vec<Name>,
    facts: Vec<RoleFact>,
    /// (head noun, person, byte position) from appositives: "Michal Meisner, a Czech activist".
    descriptions: Vec<(String, String, usize)>,
    /// Canonical name → whether it is a person.
    kinds: HashMap<String, bool>,
    /// Lower-case words of the document's text, to tell names from common words.
    words: HashSet<String>,
    year: Option<i32>,
}

fn is_cap(doc: &Document, i: usize) -> bool {
    let t = &doc.tokens[i];
    t.kind == TokenKind::Word
        && doc
            .slice(t.span)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
}

/// Whether token `i` is written in capitals only ("ADDED", "NATO"; two letters at least).
fn is_shouted(doc: &Document, i: usize) -> bool {
    let t = &doc.tokens[i];
    let text = doc.slice(t.span);
    t.kind == TokenKind::Word
        && text.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && !text.chars().any(char::is_lowercase)
}

/// Per token: whether it is part of a headline set in capitals ("OTHERS ADDED TO RUSSIA"),
/// a run of two or more capitals-only words of which one is a word the document also writes
/// in lower case. Such a run holds no name: taking it for one makes "Russia" the surname of
/// a person.
fn headline_words(doc: &Document, words: &HashSet<String>) -> Vec<bool> {
    let mut out = vec![false; doc.tokens.len()];
    let mut i = 0;
    while i < doc.tokens.len() {
        if !is_shouted(doc, i) {
            i += 1;
            continue;
        }
        let mut e = i + 1;
        while e < doc.tokens.len() && is_shouted(doc, e) {
            e += 1;
        }
        if e - i >= 2 && (i..e).any(|k| words.contains(&lower(doc, k))) {
            out[i..e].fill(true);
        }
        i = e;
    }
    out
}

fn lower(doc: &Document, i: usize) -> String {
    doc.token_norm(&doc.tokens[i]).to_lowercase()
}

/// The text of tokens `[a, b)` with normalised quotes and single spaces.
pub fn tokens_text(doc: &Document, a: usize, b: usize) -> String {
    let mut s = String::new();
    for i in a..b {
        let t = &doc.tokens[i];
        if i > a && doc.tokens[i - 1].span.end < t.span.start {
            s.push(' ');
        }
        s.push_str(doc.token_norm(t));
    }
    s
}

impl NameIndex {
    /// Indexes the names of `doc` (tokens and sentences filled).
    pub fn build(doc: &Document, lex: &Lexicon) -> NameIndex {
        let mut index = NameIndex {
            year: doc.meta.published.map(|p| i32::from(p.date.year())),
            ..NameIndex::default()
        };
        for (i, t) in doc.tokens.iter().enumerate() {
            if t.kind == TokenKind::Word && !is_cap(doc, i) {
                index.words.insert(doc.token_norm(t).to_string());
            }
        }
        let runs = capitalised_runs(doc, lex, &index.words);
        let role_word = |w: &str| {
            lex.is("title", w) || lex.role_nouns.iter().any(|r| r.split(' ').any(|p| p == w))
        };
        let mut surnames: HashMap<String, String> = HashMap::default();
        let mut pending_role: Option<(String, Option<String>, usize)> = None;
        let mut found = Vec::new();
        for &(a, b) in &runs {
            let mut first = a;
            let mut role = Vec::new();
            let mut place = None;
            let run_is_org = (a..b).any(|i| lex.is("org_head", &lower(doc, i)));
            while first < b && !run_is_org {
                let w = lower(doc, first);
                if let Some(p) = lex.demonyms.get(&w) {
                    place = Some(p.clone());
                } else if role_word(&w) {
                    role.push(w);
                } else {
                    break;
                }
                first += 1;
            }
            let role = (!role.is_empty()).then(|| role.join(" "));
            if first == b {
                // Only role words: "Ukrainian President, Volodymyr Zelensky".
                if let Some(role) = role {
                    pending_role = Some((role, place, b));
                }
                continue;
            }
            let words: Vec<String> = (first..b).map(|i| lower(doc, i)).collect();
            let org = lex.demonyms.contains_key(&words.join(" "))
                || words.iter().any(|w| {
                    lex.is("org_head", w) || lex.is("nonperson", w) || lex.demonyms.contains_key(w)
                });
            let person = !org && ((2..=4).contains(&words.len()) || role.is_some());
            let canonical = tokens_text(doc, first, b);
            if person && words.len() >= 2 {
                surnames
                    .entry(words[words.len() - 1].clone())
                    .or_insert_with(|| canonical.clone());
            }
            let role = role.or_else(|| match &pending_role {
                Some((r, _, end)) if a <= end + 2 => Some(r.clone()),
                _ => None,
            });
            if let (Some(r), true) = (role, person) {
                let place = place.or_else(|| pending_role.as_ref().and_then(|p| p.1.clone()));
                found.push((r, place, first, b));
            }
            pending_role = None;
            index.names.push(Name {
                first,
                end: b,
                person,
                canonical,
            });
        }
        // Second pass: single surnames and full names get the fullest form.
        for name in &mut index.names {
            let last = lower(doc, name.end - 1);
            if let Some(full) = surnames.get(&last) {
                if name.end - name.first <= full.split(' ').count() {
                    name.person = true;
                    name.canonical = full.clone();
                }
            }
        }
        // "Treasury" for "U.S. Treasury Department": a word before the head of a longer name.
        let longer: Vec<(usize, usize, String)> = index
            .names
            .iter()
            .filter(|n| !n.person && n.end - n.first > 1)
            .map(|n| (n.first, n.end, n.canonical.clone()))
            .collect();
        for name in &mut index.names {
            if name.person {
                continue;
            }
            let words: Vec<String> = (name.first..name.end).map(|i| lower(doc, i)).collect();
            let expansion = longer.iter().find(|(a, b, _)| {
                b - a > words.len()
                    && (*a..*b - words.len()).any(|i| {
                        (0..words.len()).all(|k| lower(doc, i + k) == words[k])
                            && (i == *a
                                || !matches!(lower(doc, i - 1).as_str(), "in" | "of" | "for"))
                    })
            });
            if let Some((_, _, canonical)) = expansion {
                name.canonical = canonical.clone();
            }
        }
        index.descriptions = appositive_heads(doc, &index.names);
        for n in &index.names {
            let kind = index.kinds.entry(n.canonical.clone()).or_insert(n.person);
            *kind |= n.person;
        }
        for (role, place, a, _) in found {
            if let Some(n) = index.names.iter().find(|n| n.first == a) {
                index.facts.push(RoleFact {
                    role,
                    place,
                    name: n.canonical.clone(),
                });
            }
        }
        index.add_entities(doc);
        index
    }

    /// NER mentions, when the entity layer is filled, override the capitalisation guesses.
    fn add_entities(&mut self, doc: &Document) {
        for e in &doc.entities {
            let person = e.label == EntityLabel::Person;
            for n in &mut self.names {
                let span = Span::new(
                    doc.tokens[n.first].span.start,
                    doc.tokens[n.end - 1].span.end,
                );
                if span.overlaps(e.span) {
                    n.person = person;
                }
            }
        }
    }

    /// Whether `entity` is the canonical name of a person (else an organisation or unknown).
    pub fn kind_of(&self, entity: &str) -> Option<bool> {
        self.kinds.get(entity).copied()
    }

    /// The canonical entity of the mention covering tokens `[a, b)`: a name, a resolved pronoun or
    /// role, else the description itself.
    ///
    /// `recent` is what the document's latest attributions were resolved to: a pronoun ("he",
    /// "she") is the latest person who spoke, unless a person is named earlier in the same
    /// sentence; "it", "the statement" or "the ministry" is the latest organisation that did.
    pub fn resolve(
        &self,
        doc: &Document,
        lex: &Lexicon,
        (a, b): (usize, usize),
        recent: &Recent,
    ) -> Option<String> {
        if a >= b {
            return None;
        }
        let words: Vec<String> = (a..b).map(|i| lower(doc, i)).collect();
        let pos = doc.tokens[a].span.start;
        let sentence = doc.sentences.partition_point(|s| s.token_end <= a);
        let sentence_start = doc.sentences.get(sentence).map_or(0, |s| s.span.start);
        if words.len() == 1 && matches!(words[0].as_str(), "he" | "she" | "i") {
            let pronoun = words[0].as_str();
            let before = self
                .names
                .partition_point(|n| doc.tokens[n.first].span.start < pos);
            // Look back a bounded way: linear time however many names a document has.
            let mut people = self.names[..before]
                .iter()
                .rev()
                .take(500)
                .filter(|n| n.person && recent.agrees(&n.canonical, pronoun));
            let nearest = people.next();
            let here = nearest.filter(|n| doc.tokens[n.first].span.start >= sentence_start);
            if let Some(n) = here {
                return Some(n.canonical.clone());
            }
            if let Some(p) = recent
                .people
                .iter()
                .rev()
                .find(|p| recent.agrees(p, pronoun))
            {
                return Some(p.clone());
            }
            if let Some(n) = nearest {
                return Some(n.canonical.clone());
            }
        }
        let head = words.last().map_or("", String::as_str);
        if (2..=3).contains(&words.len()) && words[0] == "the" && !lex.role_nouns.contains(head) {
            // "the activist": the person the document described so.
            if let Some((_, name, _)) = self
                .descriptions
                .iter()
                .rev()
                .find(|(h, _, p)| h == head && *p < pos)
            {
                return Some(name.clone());
            }
        }
        let definite =
            words.len() <= 3 && matches!(words[0].as_str(), "it" | "the" | "this" | "its");
        if definite && (lex.is("medium", head) || words.len() == 1) {
            if let Some(o) = &recent.organisation {
                return Some(o.clone()); // "the statement said", "it said"
            }
        }
        if definite && lex.is("org_head", head) && words.len() > 1 {
            // "the ministry": the latest organisation named with that head.
            if let Some(n) = self.names.iter().rev().find(|n| {
                !n.person
                    && doc.tokens[n.first].span.start < pos
                    && (n.first..n.end).any(|i| lower(doc, i) == head)
            }) {
                return Some(n.canonical.clone());
            }
        }
        // A name inside the mention: the person first, then an organisation.
        let from = self.names.partition_point(|n| n.first < a);
        let inside: Vec<&Name> = self.names[from..]
            .iter()
            .take_while(|n| n.first < b)
            .filter(|n| n.end <= b)
            .collect();
        // The person heads the mention: "Belarusian President Alexander Lukashenko", not "the
        // Zelensky government".
        if let Some(n) = inside.iter().find(|n| n.person && n.end == b) {
            return Some(n.canonical.clone());
        }
        if let Some(role) = self.role_in(lex, &words) {
            let place = words
                .iter()
                .find_map(|w| lex.demonyms.get(w))
                .cloned()
                .or_else(|| {
                    // "the New York daily": a place name of two words.
                    words
                        .windows(2)
                        .find_map(|w| lex.demonyms.get(&format!("{} {}", w[0], w[1])).cloned())
                });
            if let Some(name) = self.holder(doc, lex, &role, place.as_deref(), pos) {
                return Some(name);
            }
        }
        if let Some(n) = inside.iter().find(|n| !n.person && n.end == b) {
            return Some(n.canonical.clone());
        }
        let text = tokens_text(doc, a, b);
        let text = text.trim_end_matches([',', ' ']);
        let text = text
            .strip_prefix("the ")
            .filter(|rest| rest.starts_with(char::is_uppercase))
            .unwrap_or(text);
        Some(strip_acronym(text).to_string())
    }

    /// The longest role noun the mention's words contain ("prime minister").
    /// Only a definite description or a title counts: "the Russian president", "Ukrainian
    /// President", not "this newspaper" or "analysts consulted by this newspaper".
    fn role_in(&self, lex: &Lexicon, words: &[String]) -> Option<String> {
        let first = words.first()?;
        let definite =
            first == "the" || lex.demonyms.contains_key(first) || lex.role_nouns.contains(first);
        if !definite {
            return None;
        }
        let joined = words.join(" ");
        lex.role_nouns
            .iter()
            .filter(|r| joined == **r || joined.ends_with(&format!(" {r}")))
            .max_by_key(|r| r.len())
            .cloned()
    }

    /// Who holds `role` (of `place`) in this document: its own role facts first, then the
    /// role data, as long as the document names the holder; the latest mentioned wins.
    fn holder(
        &self,
        doc: &Document,
        lex: &Lexicon,
        role: &str,
        place: Option<&str>,
        pos: usize,
    ) -> Option<String> {
        // "the leader", "the head of state": any role the document gives someone.
        let wildcard = lex.is("any_role", role);
        let mut candidates: Vec<String> = self
            .facts
            .iter()
            .filter(|f| {
                (wildcard || f.role.ends_with(role))
                    && (place.is_none() || f.place.as_deref() == place)
            })
            .map(|f| f.name.clone())
            .collect();
        for r in &lex.roles {
            let in_time = match self.year {
                Some(y) => r.from.is_none_or(|f| f <= y) && r.to.is_none_or(|t| y <= t),
                None => r.to.is_none(),
            };
            let role_ok = r.role == role || (wildcard && place.is_some());
            if role_ok && in_time && (place.is_none() || r.place.as_deref() == place) {
                candidates.push(r.holder.clone());
            }
        }
        // The candidate named last before the mention (or first after it).
        let mut best: Option<(usize, String)> = None;
        for c in candidates {
            let surname = c.rsplit(' ').next().unwrap_or(&c).to_lowercase();
            let mut last_seen = None;
            for n in &self.names {
                if lower(doc, n.end - 1) == surname || n.canonical == c {
                    let start = doc.tokens[n.first].span.start;
                    let rank = if start < pos {
                        pos - start
                    } else {
                        usize::MAX / 2 + start
                    };
                    last_seen = Some(last_seen.map_or(rank, |r: usize| r.min(rank)));
                }
            }
            if let Some(rank) = last_seen {
                if best.as_ref().is_none_or(|(r, _)| rank < *r) {
                    best = Some((rank, c));
                }
            }
        }
        best.map(|(_, c)| c)
    }
}

/// "Institute for the Study of War (ISW)" → "Institute for the Study of War".
fn strip_acronym(text: &str) -> &str {
    match text.rfind(" (") {
        Some(i) if text.ends_with(')') => &text[..i],
        _ => text,
    }
}

/// Runs of capitalised words within a sentence, bridging "of", "for", "the", "and" inside
/// organisation names; a sentence-initial word that the document also writes in lower case
/// is not part of a name.
fn capitalised_runs(doc: &Document, lex: &Lexicon, words: &HashSet<String>) -> Vec<(usize, usize)> {
    let headline = headline_words(doc, words);
    let mut runs = Vec::new();
    for s in &doc.sentences {
        let mut i = s.token_start;
        let is_cap = |i: usize| is_cap(doc, i) && !headline[i];
        while i < s.token_end {
            if !is_cap(i) {
                i += 1;
                continue;
            }
            let mut a = i;
            let mut b = i + 1;
            let mut org = lex.is("org_head", &lower(doc, i));
            loop {
                if b < s.token_end && is_cap(b) {
                    org |= lex.is("org_head", &lower(doc, b));
                    b += 1;
                } else if b + 1 < s.token_end
                    && lex.is("name_particle", &lower(doc, b))
                    && (is_cap(b + 1)
                        || (b + 2 < s.token_end
                            && lex.is("name_particle", &lower(doc, b + 1))
                            && is_cap(b + 2)))
                {
                    b += 1; // "Ursula von der Leyen"
                } else if b + 1 < s.token_end
                    && org
                    && matches!(lower(doc, b).as_str(), "of" | "for" | "the" | "and" | "in")
                    && (is_cap(b + 1)
                        || (b + 2 < s.token_end && lower(doc, b + 1) == "the" && is_cap(b + 2)))
                {
                    b += 1;
                } else {
                    break;
                }
            }
            while a == s.token_start && a < b && {
                let w = lower(doc, a);
                words.contains(&w) || lex.is("determiner", &w) || lex.is("boundary", &w)
            } {
                a += 1;
            }
            if a < b {
                runs.push((a, b));
            }
            i = b;
        }
    }
    runs
}

/// The head nouns of person appositives: "Michal Meisner, a Czech activist," → ("activist",
/// "Michal Meisner"); "X, the leader of the group," → ("leader", X).
fn appositive_heads(doc: &Document, names: &[Name]) -> Vec<(String, String, usize)> {
    let mut out = Vec::new();
    for n in names.iter().filter(|n| n.person) {
        let t = n.end;
        if t + 2 >= doc.tokens.len() || lower(doc, t) != "," {
            continue;
        }
        if !matches!(lower(doc, t + 1).as_str(), "a" | "an" | "the") {
            continue;
        }
        let mut e = t + 2;
        while e < doc.tokens.len()
            && e < t + 10
            && doc.tokens[e].kind == TokenKind::Word
            && !matches!(
                lower(doc, e).as_str(),
                "of" | "at" | "for" | "with" | "who" | "in" | "from"
            )
        {
            e += 1;
        }
        if e > t + 2 {
            out.push((
                lower(doc, e - 1),
                n.canonical.clone(),
                doc.tokens[n.first].span.start,
            ));
        }
    }
    out
}
