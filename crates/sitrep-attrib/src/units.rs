//! Units and their elements: a sentence (or the sentences a quotation runs over) as a list of
//! tokens in which every quotation is one element, and the noun-phrase helpers the attribution
//! patterns use on it.

use sitrep_doc::layers::TokenKind;
use sitrep_doc::{Document, Span};

use crate::lexicon::{CueForm, Lexicon};
use crate::quotes::RawQuote;

/// One element of a unit: a token, or a whole quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum El {
    /// A token index.
    Tok(usize),
    /// A quotation index.
    Quote(usize),
}

/// What a frame needs of the document.
pub struct Ctx<'a> {
    /// The document.
    pub doc: &'a Document,
    /// The language data.
    pub lex: &'a Lexicon,
    /// The quotations.
    pub quotes: &'a [RawQuote],
    /// Lower-case normalised form of every token.
    pub lower: Vec<String>,
    /// Per token: whether its sentence is a headline in title case ("Ben Carson Slams
    /// Hillary And The Media"), where a capitalised word can still be the cue.
    title_case: Vec<bool>,
}

impl<'a> Ctx<'a> {
    /// The context of a document and its quotations.
    pub fn new(doc: &'a Document, lex: &'a Lexicon, quotes: &'a [RawQuote]) -> Ctx<'a> {
        let lower = doc
            .tokens
            .iter()
            .map(|t| doc.token_norm(t).to_lowercase())
            .collect();
        let mut title_case = vec![false; doc.tokens.len()];
        for s in &doc.sentences {
            let (mut long, mut capitalised, mut lower_case) = (0, true, false);
            for t in &doc.tokens[s.token_start..s.token_end] {
                if t.kind == TokenKind::Word && t.span.len() > 3 {
                    let w = doc.slice(t.span);
                    long += 1;
                    capitalised &= w.starts_with(char::is_uppercase);
                    lower_case |= w.chars().any(char::is_lowercase);
                }
            }
            title_case[s.token_start..s.token_end].fill(long >= 3 && capitalised && lower_case);
        }
        Ctx {
            doc,
            lex,
            quotes,
            lower,
            title_case,
        }
    }

    /// The lower-case form of a token element; `None` for a quotation.
    pub(crate) fn word(&self, e: El) -> Option<&str> {
        match e {
            El::Tok(i) => Some(self.lower[i].as_str()),
            El::Quote(_) => None,
        }
    }

    /// Whether the element is the token `w` (lower case).
    pub(crate) fn is(&self, e: El, w: &str) -> bool {
        self.word(e) == Some(w)
    }

    /// Whether the element is punctuation or a symbol.
    pub(crate) fn is_punct(&self, e: El) -> bool {
        matches!(e, El::Tok(i) if matches!(self.doc.tokens[i].kind, TokenKind::Punct | TokenKind::Symbol))
    }

    /// Whether the element is a capitalised word.
    pub(crate) fn is_cap(&self, e: El) -> bool {
        matches!(e, El::Tok(i) if self.doc.tokens[i].kind == TokenKind::Word
            && self.doc.slice(self.doc.tokens[i].span).starts_with(char::is_uppercase))
    }

    /// The element's span in the original text.
    pub(crate) fn span(&self, e: El) -> Span {
        match e {
            El::Tok(i) => self.doc.tokens[i].span,
            El::Quote(q) => self.quotes[q].span,
        }
    }

    /// An auxiliary or adverb that may stand between a source and its cue.
    pub(crate) fn skippable(&self, e: El) -> bool {
        self.word(e).is_some_and(|w| {
            self.lex.is("skip", w)
                || (w.len() > 4 && w.ends_with("ly") && !self.lex.is("not_adverb", w))
        })
    }

    /// Whether `[a, b)` is a single pronoun.
    pub(crate) fn is_pronoun(&self, els: &[El], a: usize, b: usize) -> bool {
        b == a + 1
            && self.word(els[a]).is_some_and(|w| {
                self.lex.is("pronoun_person", w) || self.lex.is("pronoun_group", w)
            })
    }

    /// Whether the element can be inside a source noun phrase.
    pub(crate) fn np_token(&self, els: &[El], k: usize) -> bool {
        let e = els[k];
        let Some(w) = self.word(e) else { return false };
        if self.is_punct(e) {
            return matches!(w, "(" | ")" | "-" | "&" | "'");
        }
        if w == "and" {
            // Inside a name: "Center for Security and Cooperation".
            return k > 0
                && k + 1 < els.len()
                && self.is_cap(els[k - 1])
                && self.is_cap(els[k + 1]);
        }
        // A cue word in verb form ends the phrase; a noun ("the secretary of state") does not.
        let verb_form = self.lex.is_cue_word(w)
            && (w.ends_with("ed")
                || matches!(
                    w,
                    "said" | "told" | "says" | "wrote" | "thought" | "knew" | "tells"
                ));
        !self.lex.is("boundary", w) && !verb_form
    }

    /// The noun phrase ending at `end` (exclusive), not before `lo`: its start.
    pub(crate) fn np_left(&self, els: &[El], end: usize, lo: usize) -> Option<usize> {
        let mut j = end;
        // A plural noun that is also a cue word can head the source: "Ukrainian reports claim".
        if j > lo
            && self.word(els[j - 1]).is_some_and(|w| {
                self.lex.is_cue_word(w) && w.ends_with('s') && !self.is_cap(els[j - 1])
            })
            && j >= lo + 2
            && self.np_token(els, j - 2)
        {
            j -= 1;
        }
        while j > lo && end - j < 10 && self.np_token(els, j - 1) {
            j -= 1;
            // A determiner opens the phrase, unless a preposition joins it to more:
            // "the head of the office", but not "a stark message the department".
            let opens = self.word(els[j]).is_some_and(|w| {
                matches!(w, "the" | "a" | "an" | "this" | "that" | "these" | "those")
            });
            let joined = j > lo
                && matches!(
                    self.word(els[j - 1]),
                    Some("of" | "at" | "for" | "from" | "with")
                );
            if opens && !joined {
                break;
            }
        }
        // A preposition or adverb that opens the sentence is not part of the source.
        while j < end
            && self
                .word(els[j])
                .is_some_and(|w| self.lex.is("adjunct", w) && j == lo)
        {
            j += 1;
        }
        (j < end).then_some(j)
    }

    /// The noun phrase starting at `start`, not reaching `hi`: its end.
    pub(crate) fn np_right(&self, els: &[El], start: usize, hi: usize) -> usize {
        let mut j = start;
        while j < hi && j - start < 12 {
            // A quoted name inside the phrase: the "Voice of Ukraine" initiative.
            let quoted_name = matches!(els[j], El::Quote(_))
                && j > start
                && els
                    .get(j + 1)
                    .is_some_and(|&e| self.word(e).is_some() && !self.is_punct(e));
            if !self.np_token(els, j) && !quoted_name {
                break;
            }
            j += 1;
        }
        j
    }

    /// Whether tokens `[a, b)` read as a name ("Theodore Kahn", "the Institute … (ISW)"):
    /// capitalised at both ends.
    pub(crate) fn name_like(&self, els: &[El], a: usize, b: usize) -> bool {
        let a = if a < b && self.is(els[a], "the") {
            a + 1
        } else {
            a
        };
        let mut head = b;
        while head > a && self.is_punct(els[head - 1]) {
            head -= 1;
        }
        if self.is(els[b - 1], ")") {
            head = (a..b).find(|&n| self.is(els[n], "(")).unwrap_or(head);
        }
        a < head
            && self.is_cap(els[a])
            && self.is_cap(els[head - 1])
            && !self.is_pronoun(els, a, a + 1)
    }

    /// Whether tokens `[a, b)` read as a description ("a resident of Lviv", "the US
    /// ambassador-at-large for Global Criminal Justice"): it opens with a determiner or a
    /// lower-case word and has a lower-case word that is not a function word.
    pub(crate) fn description_like(&self, els: &[El], a: usize, b: usize) -> bool {
        if a >= b || self.is_punct(els[a]) || self.is_pronoun(els, a, b) {
            return false;
        }
        let mut head = b;
        while head > a + 1 && self.is_punct(els[head - 1]) {
            head -= 1;
        }
        // "a resident of Lviv", "associate director at …", "Bloomberg's pollster"
        let opens = !self.is_cap(els[a])
            || self
                .word(els[a])
                .is_some_and(|w| self.lex.is("determiner", w))
            || !self.is_cap(els[head - 1]);
        let content = (a..b).any(|n| {
            !self.is_cap(els[n])
                && self.word(els[n]).is_some_and(|w| {
                    !self.is_punct(els[n])
                        && !self.lex.is("determiner", w)
                        && !matches!(w, "of" | "for" | "and" | "in" | "at" | "on" | "to" | "de")
                })
        });
        opens && content
    }

    pub(crate) fn cue_at(&self, els: &[El], k: usize) -> Option<(&'a CueForm, usize)> {
        let w = self.word(els[k])?;
        let headline_verb = match els[k] {
            El::Tok(i) => self.title_case[i] && w.len() > 3 && w.ends_with('s'),
            El::Quote(_) => false,
        };
        if k > 0 && self.is_cap(els[k]) && w != "according" && !headline_verb {
            return None; // "the United States", "Says Who"
        }
        'forms: for form in self.lex.cues_starting(w) {
            for (n, fw) in form.words.iter().enumerate().skip(1) {
                match els.get(k + n) {
                    Some(&e) if self.word(e) == Some(fw.as_str()) => {}
                    _ => continue 'forms,
                }
            }
            return Some((form, k + form.words.len()));
        }
        None
    }
}

pub fn tok_range(els: &[El], a: usize, b: usize) -> Option<(usize, usize)> {
    match (els.get(a), b.checked_sub(1).and_then(|l| els.get(l))) {
        (Some(El::Tok(x)), Some(El::Tok(y))) if a < b => Some((*x, *y + 1)),
        _ => None,
    }
}

/// The units of a document: sentences, merged while a quotation runs across their boundary.
pub fn units(ctx: &Ctx) -> Vec<Vec<El>> {
    let doc = ctx.doc;
    let mut quote_of = vec![None; doc.tokens.len()];
    for (q, rq) in ctx.quotes.iter().enumerate() {
        for slot in &mut quote_of[rq.first_token..=rq.last_token] {
            *slot = Some(q);
        }
    }
    let mut units = Vec::new();
    let mut current: Vec<El> = Vec::new();
    let mut i = 0;
    for (n, s) in doc.sentences.iter().enumerate() {
        while i < s.token_end {
            match quote_of[i] {
                Some(q) => {
                    current.push(El::Quote(q));
                    i = ctx.quotes[q].last_token + 1;
                }
                None => {
                    current.push(El::Tok(i));
                    i += 1;
                }
            }
        }
        let next = doc.sentences.get(n + 1);
        let next_start = next.map(|s| s.token_start);
        // "“…?” Sanders said.": the short sentence after a quotation is its frame.
        let asks = |q: usize| {
            let last = ctx.quotes[q].last_token;
            last > 0 && matches!(ctx.lower[last - 1].as_str(), "?" | "!")
        };
        let frame_follows = matches!(current.last(), Some(&El::Quote(q)) if asks(q))
            && next.is_some_and(|ns| {
                ns.paragraph == s.paragraph
                    && ns.token_end - ns.token_start <= 15
                    && quote_of[ns.token_start].is_none()
                    && (ns.token_start..ns.token_end).any(|t| ctx.lex.is_cue_word(&ctx.lower[t]))
            });
        if next_start.is_none_or(|ns| i <= ns) && !current.is_empty() && !frame_follows {
            units.push(std::mem::take(&mut current));
        }
    }
    if !current.is_empty() {
        units.push(current);
    }
    units
}
