//! Attribution frames: a reporting cue with its source on one side and its content on the
//! other, found with patterns over a sentence's tokens in which every quotation is one element.
//!
//! The patterns, for a cue verb V, a source noun phrase X and content S or a quotation Q:
//! `X V (that) S`, `X V: Q`, `Q, X V`, `Q, V X`, `S, X V`, `X, a description, V S`,
//! `…, V-ing S` (the source of the sentence's subject), and for *according to*:
//! `According to X, S` and `S, according to X`. A unit is a sentence, or the sentences a
//! quotation runs over, so "“The war has come. All …,” one woman told reporters" is one unit.

use sitrep_doc::layers::{EntityLabel, Stance};
use sitrep_doc::Span;

use crate::lexicon::CueForm;
pub use crate::units::{tok_range, units, Ctx, El};
use crate::verbs::verb_frame;

/// An attribution found in a unit, in token indices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frame {
    /// The source mention's tokens `[a, b)` (the name, without its appositive).
    pub source: Option<(usize, usize)>,
    /// The description from an appositive or pre-modifier, as tokens `[a, b)`.
    pub description: Option<(usize, usize)>,
    /// The cue's tokens `[a, b)`.
    pub cue: (usize, usize),
    /// The cue's stance.
    pub stance: Stance,
    /// The addressee or medium, as tokens `[a, b)`.
    pub addressee: Option<(usize, usize)>,
    /// The content, as a byte span of the original text.
    pub content: Span,
    /// The quotations inside the content.
    pub quotes: Vec<usize>,
    /// Whether the content is nothing but quotations (a direct quote, not a claim).
    pub only_quotes: bool,
    /// The colon after the cue announces a quotation in the next unit (`X said:`).
    pub announces_quote: bool,
    /// The cue is "according to" (the writer's paraphrase, not someone's words).
    pub according_to: bool,
}

/// The frames of one unit, in the order of their cues.
pub fn frames(ctx: &Ctx, els: &[El]) -> Vec<Frame> {
    let mut out: Vec<Frame> = headline_frame(ctx, els).into_iter().collect();
    let mut used = vec![false; els.len()];
    let hi = els.len();
    let mut k = 0;
    while k < hi {
        let Some((form, ce)) = (!used[k]).then(|| ctx.cue_at(els, k)).flatten() else {
            k += 1;
            continue;
        };
        let frame = if form.lemma == "according_to" {
            according_to(ctx, els, k, ce, form)
        } else {
            verb_frame(ctx, els, k, ce, form, out.last())
        };
        if let Some(f) = frame {
            for (n, e) in els.iter().enumerate() {
                if let El::Tok(t) = e {
                    let inside =
                        |r: Option<(usize, usize)>| r.is_some_and(|(a, b)| a <= *t && *t < b);
                    if inside(f.source) || inside(f.description) || inside(f.addressee) {
                        used[n] = true;
                    }
                }
            }
            out.push(f);
        }
        k = ce;
    }
    cut_at_later_sources(ctx, &mut out);
    out
}

/// "While X said A, he said B": A ends before the comma that opens the later attribution.
fn cut_at_later_sources(ctx: &Ctx, frames: &mut [Frame]) {
    let toks = &ctx.doc.tokens;
    for n in 1..frames.len() {
        let Some((src, _)) = frames[n].source else {
            continue;
        };
        if src < 2 || ctx.lower[src - 1] != "," {
            continue;
        }
        let comma = toks[src - 1].span;
        let cue_after = frames[n].cue.0 > src;
        let prev = &mut frames[n - 1];
        if cue_after
            && prev.content.contains(comma)
            && prev.content.start < toks[src - 2].span.start
        {
            prev.content = Span::new(prev.content.start, toks[src - 2].span.end);
        }
    }
}

/// "Graham: Trump’s Rhetoric Destroying GOP’s Chance", "Kerry: “By law, …”", a transcript's
/// "PENCE: Well, …" and a vox pop's "Sonya Herridge ― “…”": a short name, a colon or a dash,
/// and what that source says.
fn headline_frame(ctx: &Ctx, els: &[El]) -> Option<Frame> {
    let sep = (1..els.len().min(6)).find(|&n| ctx.is(els[n], ":") || ctx.is(els[n], "--"))?;
    let dash = ctx.is(els[sep], "--");
    // After a dash only a quotation is speech: "KYIV -- Russian forces …" is a dateline.
    if sep + 1 >= els.len()
        || (dash && !matches!(els[sep + 1], El::Quote(_)))
        || !ctx.name_like(els, 0, sep)
        || !(0..sep).all(|n| ctx.np_token(els, n))
    {
        return None;
    }
    // A section label is no source: "RUSSIA-UKRAINE WAR: …", "The Latest: …"; but a name in
    // capitals is a transcript's speaker when the article names that person ("PENCE:").
    let label = (0..sep).any(|n| match els[n] {
        El::Tok(t) => {
            let w = ctx.doc.slice(ctx.doc.tokens[t].span);
            let capitals = w.len() > 1 && !w.chars().any(char::is_lowercase);
            (capitals && !names_a_person(ctx, w))
                || ctx.lex.is("nonperson", &ctx.lower[t])
                || ctx.lex.is("label", &ctx.lower[t])
        }
        El::Quote(_) => true,
    });
    if label || sep == 1 && ctx.lex.is("medium", &ctx.lower[0]) {
        return None;
    }
    let form = CueForm {
        words: vec![if dash { "--" } else { ":" }.to_string()],
        lemma: "colon".to_string(),
        stance: Stance::Assert,
        needs_clause: false,
    };
    let mut f = make(ctx, els, (sep + 1, els.len()), &form, (sep, sep + 1))?;
    f.source = tok_range(els, 0, sep);
    Some(f)
}

/// Whether a word in capitals is a word of a person's name the entity layer found elsewhere
/// in the article ("PENCE" and "Mike Pence").
fn names_a_person(ctx: &Ctx, word: &str) -> bool {
    ctx.doc
        .entities
        .iter()
        .filter(|e| e.label == EntityLabel::Person)
        .any(|e| {
            ctx.doc
                .slice(e.span)
                .split_whitespace()
                .any(|part| part.len() > 1 && part != word && part.eq_ignore_ascii_case(word))
        })
}

/// Trims a content range: leading commas, colons and "that"; trailing punctuation.
fn trim(ctx: &Ctx, els: &[El], mut a: usize, mut b: usize) -> (usize, usize) {
    while a < b && (ctx.is_punct(els[a]) || ctx.is(els[a], "that")) {
        a += 1;
    }
    while a < b && ctx.is_punct(els[b - 1]) {
        b -= 1;
    }
    (a, b)
}

/// The end of a content that starts at `a`: the unit's end, or a clause boundary (", but").
/// Also before a second cue of the same source: "…, telling reporters that …", "… and urged
/// that …", which are attributions of their own.
pub(crate) fn content_end(ctx: &Ctx, els: &[El], a: usize) -> usize {
    let cue_at = |k: usize| {
        let mut k = k;
        while k < els.len() && ctx.skippable(els[k]) {
            k += 1;
        }
        k < els.len()
            && ctx.word(els[k]).is_some_and(|w| ctx.lex.is_cue_word(w))
            && !ctx.is_cap(els[k])
    };
    for k in a..els.len() {
        if ctx.is(els[k], ";") {
            return k;
        }
        let next = els.get(k + 1).and_then(|&e| ctx.word(e));
        if ctx.is(els[k], ",") && matches!(next, Some("but" | "while" | "although" | "though")) {
            return k;
        }
        let participle = next.is_some_and(|w| w.ends_with("ing"));
        let pause = ctx.is(els[k], ",") || ctx.is(els[k], "--");
        if pause && participle && cue_at(k + 1) {
            return k;
        }
        if k > a && matches!(ctx.word(els[k]), Some("and" | "but")) && cue_at(k + 1) {
            return if ctx.is(els[k - 1], ",") { k - 1 } else { k };
        }
    }
    els.len()
}

pub(crate) fn make(
    ctx: &Ctx,
    els: &[El],
    (a, b): (usize, usize),
    form: &CueForm,
    cue: (usize, usize),
) -> Option<Frame> {
    let (a, b) = trim(ctx, els, a, b);
    if a >= b {
        return None;
    }
    let quotes: Vec<usize> = els[a..b]
        .iter()
        .filter_map(|e| match e {
            El::Quote(q) => Some(*q),
            El::Tok(_) => None,
        })
        .collect();
    let only_quotes = els[a..b]
        .iter()
        .all(|&e| matches!(e, El::Quote(_)) || ctx.is_punct(e));
    if form.needs_clause && !only_quotes && quotes.is_empty() {
        let starts_clause = a > 0 && (ctx.is(els[a - 1], "that") || ctx.is(els[a - 1], ":"));
        if !starts_clause {
            return None;
        }
    }
    let content = ctx.span(els[a]).cover(ctx.span(els[b - 1]));
    let cue = tok_range(els, cue.0, cue.1)?;
    Some(Frame {
        source: None,
        description: None,
        cue,
        stance: form.stance,
        addressee: None,
        content,
        quotes,
        only_quotes,
        announces_quote: false,
        according_to: form.lemma == "according_to",
    })
}

/// A source noun phrase after `start` with an optional appositive: (name, description, end).
type SourceNp = ((usize, usize), Option<(usize, usize)>, usize);

pub(crate) fn source_right(ctx: &Ctx, els: &[El], start: usize) -> Option<SourceNp> {
    let hi = els.len();
    let e1 = ctx.np_right(els, start, hi);
    if e1 == start {
        return None;
    }
    let mut name = (start, e1);
    let mut desc = None;
    let mut end = e1;
    if e1 + 1 < hi && ctx.is(els[e1], ",") {
        let mut e2 = ctx.np_right(els, e1 + 1, hi);
        if e2 < hi && matches!(ctx.word(els[e2]), Some("who" | "which" | "whose")) {
            // "a senior analyst at Crisis Group who is closely following …,"
            e2 = (e2..hi.min(e2 + 30))
                .find(|&n| ctx.is(els[n], ","))
                .unwrap_or(e2);
        }
        let closes = e2 >= hi || ctx.is_punct(els[e2]);
        if e2 > e1 + 1 && closes {
            if ctx.description_like(els, e1 + 1, e2) && ctx.name_like(els, start, e1) {
                desc = Some((e1 + 1, e2));
                end = e2;
            } else if ctx.name_like(els, e1 + 1, e2) && !ctx.name_like(els, start, e1) {
                desc = Some(name);
                name = (e1 + 1, e2);
                end = e2;
            }
        }
    }
    Some((name, desc, end))
}

fn according_to(ctx: &Ctx, els: &[El], k: usize, ce: usize, form: &CueForm) -> Option<Frame> {
    let (name, desc, end) = source_right(ctx, els, ce)?;
    let before = trim(ctx, els, 0, k);
    let after = trim(ctx, els, end, els.len());
    let words = |(a, b): (usize, usize)| els[a..b].iter().filter(|&&e| !ctx.is_punct(e)).count();
    let content = if words(before) <= 3 || words(after) > words(before) {
        (after.0, content_end(ctx, els, after.0))
    } else {
        before
    };
    let mut f = make(ctx, els, content, form, (k, ce))?;
    f.source = tok_range(els, name.0, name.1);
    f.description = desc.and_then(|(a, b)| tok_range(els, a, b));
    Some(f)
}
