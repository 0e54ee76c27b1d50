//! Frames around a reporting verb: where its source, addressee and content stand.

use sitrep_doc::layers::Stance;

use crate::frames::{content_end, make, source_right, Frame};
use crate::lexicon::CueForm;
use crate::units::{tok_range, Ctx, El};

/// Where the words after a cue stand: (index after the addressee/medium, addressee).
fn after_cue(ctx: &Ctx, els: &[El], ce: usize, form: &CueForm) -> (usize, Option<(usize, usize)>) {
    let hi = els.len();
    let mut r = ce;
    let mut addressee = None;
    let takes_object = matches!(
        form.lemma.as_str(),
        "tell" | "inform" | "assure" | "remind" | "warn" | "urge" | "ask"
    );
    if takes_object && r < hi && !ctx.is(els[r], "that") && !ctx.is_punct(els[r]) {
        let w = ctx.word(els[r]).unwrap_or("");
        if !ctx.lex.is("adjunct", w) || w == "this" {
            let mut e = ctx.np_right(els, r, hi);
            if ctx.lex.is("takes_to", &form.lemma) {
                // "urged voters to back him": the object ends where the infinitive starts.
                e = (r + 1..e).find(|&n| ctx.is(els[n], "to")).unwrap_or(e);
            }
            if e > r {
                addressee = tok_range(els, r, e);
                r = e;
            }
        }
    }
    // "in an interview with The New York Times", "in a statement", "during a speech".
    if r + 1 < hi
        && ctx
            .word(els[r])
            .is_some_and(|w| ctx.lex.is("addressee_prep", w))
    {
        let e = ctx.np_right(els, r + 1, hi);
        let has_medium =
            (r + 1..e).any(|n| ctx.word(els[n]).is_some_and(|w| ctx.lex.is("medium", w)));
        if has_medium {
            let mut medium = (r + 1, e);
            if let Some(w) = (r + 1..e).find(|&n| ctx.is(els[n], "with")) {
                medium = (w + 1, e);
            }
            if addressee.is_none() {
                addressee = tok_range(els, medium.0, medium.1);
            }
            r = e;
        } else if ctx.is(els[r], "on") && ctx.is_cap(els[r + 1]) && addressee.is_none() {
            addressee = tok_range(els, r + 1, e);
            r = e;
        } else if ctx.is(els[r], "to")
            && addressee.is_none()
            && e > r + 1
            && !ctx.lex.is("takes_to", &form.lemma)
        {
            // "wrote to his 20,000 Twitter followers, “…”"
            addressee = tok_range(els, r + 1, e);
            r = e;
        }
    }
    (r, addressee)
}

/// Whether the words before a source (`[0, end)`) can be its content: a quotation, or a
/// clause of five words or more, unless the cue hedges ("After the war, Kyiv seems …").
fn before_is_statement(ctx: &Ctx, els: &[El], end: usize, form: &CueForm) -> bool {
    if els[..end].iter().any(|e| matches!(e, El::Quote(_))) {
        return true;
    }
    let words = els[..end].iter().filter(|&&e| !ctx.is_punct(e)).count();
    words >= 5 && form.stance != Stance::Hedge
}

/// How the words after the cue continue: a reported clause (its start) or an adjunct.
fn clause_start(ctx: &Ctx, els: &[El], r: usize, form: &CueForm) -> Option<usize> {
    let hi = els.len();
    if r >= hi {
        return None;
    }
    if ctx.is(els[r], "to") && ctx.lex.is("takes_to", &form.lemma) {
        return Some(r); // "seems to …", "claim to control …"
    }
    // "said Thursday that …", "said on Tuesday that …": a short adjunct before "that";
    // "said, among other things, that …": one set off by commas.
    let parenthetical = ctx.is(els[r], ",");
    let window = if parenthetical { 8 } else { 6 };
    for (n, &e) in els.iter().enumerate().take((r + window).min(hi)).skip(r) {
        // "so that", "now that": a conjunction, not the reported clause.
        let conjunction = n > r && matches!(ctx.word(els[n - 1]), Some("so" | "now" | "such"));
        if ctx.is(e, "that") && !conjunction {
            let commas = els[r..n].iter().filter(|&&c| ctx.is(c, ",")).count();
            if commas == 0 || (parenthetical && commas == 2 && ctx.is(els[n - 1], ",")) {
                return Some(n);
            }
            break;
        }
        let comma = parenthetical && ctx.is(e, ",");
        if (ctx.is_punct(e) && !comma) || ctx.word(e).is_some_and(|w| ctx.lex.is_cue_word(w)) {
            break;
        }
    }
    let mut r = r;
    // "said just after midnight", "said Thursday he would", "said on Monday that"
    loop {
        let time = |n: usize| ctx.word(els[n]).is_some_and(|w| ctx.lex.is("time", w));
        if r + 1 < hi && (ctx.skippable(els[r]) || time(r)) {
            r += 1;
        } else if r + 2 < hi
            && matches!(
                ctx.word(els[r]),
                Some("on" | "this" | "last" | "next" | "early" | "late")
            )
            && time(r + 1)
        {
            r += 2;
        } else {
            break;
        }
    }
    let e = els[r];
    if matches!(e, El::Quote(_)) || ctx.is(e, ":") {
        return Some(r);
    }
    if ctx.is(e, ",") {
        return matches!(els.get(r + 1), Some(El::Quote(_))).then_some(r);
    }
    if ctx.is_punct(e) || ctx.word(e).is_some_and(|w| ctx.lex.is("adjunct", w)) {
        return None;
    }
    Some(r)
}

pub(crate) fn verb_frame(
    ctx: &Ctx,
    els: &[El],
    k: usize,
    ce: usize,
    form: &CueForm,
    previous: Option<&Frame>,
) -> Option<Frame> {
    let hi = els.len();
    let mut j = k;
    while j > 0 && ctx.skippable(els[j - 1]) {
        j -= 1;
    }
    let participle = ctx.word(els[k]).is_some_and(|w| w.ends_with("ing"));
    if participle {
        // "a creative writing professor" is no cue; "…, saying", "are now reporting" are.
        let progressive = (j..k).any(|n| {
            matches!(
                ctx.word(els[n]),
                Some("is" | "are" | "was" | "were" | "been" | "be")
            )
        });
        let opener = j == 0
            || ctx.is(els[j - 1], ",")
            || matches!(els[j - 1], El::Quote(_))
            || ctx.word(els[j - 1]).is_some_and(|w| {
                matches!(
                    w,
                    "and" | "by" | "while" | "after" | "before" | "without" | "when"
                )
            });
        // "voters saying they want …": after a noun phrase, only before a clause.
        let clause_next = els.get(ce).is_some_and(|&e| {
            matches!(e, El::Quote(_))
                || ctx.is_cap(e)
                || ctx.word(e).is_some_and(|w| {
                    matches!(
                        w,
                        "that"
                            | ":"
                            | "he"
                            | "she"
                            | "they"
                            | "it"
                            | "we"
                            | "i"
                            | "the"
                            | "his"
                            | "her"
                            | "their"
                            | "there"
                    )
                })
        });
        if !progressive && !opener && !clause_next {
            return None;
        }
    }
    if ce < hi && ctx.cue_at(els, ce).is_some() && !participle {
        return None; // "Ukrainian reports claim …": the noun is the source.
    }
    let (r, addressee) = after_cue(ctx, els, ce, form);
    let clause = clause_start(ctx, els, r, form);
    if j > 0
        && ((participle && ctx.is(els[j - 1], ","))
            || matches!(ctx.word(els[j - 1]), Some("and" | "but")))
    {
        return subject_frame(ctx, els, (j, k, ce, r), clause, addressee, form, previous);
    }
    let mut left = ctx.np_left(els, j, 0);
    let mut appositive = None;
    if left.is_none() && j >= 2 && ctx.is(els[j - 1], "who") {
        // "business leaders who say …": the relative pronoun with its antecedent.
        left = ctx.np_left(els, j - 1, 0).or(Some(j - 1));
    }
    if left.is_none() && j >= 2 && ctx.is(els[j - 1], ",") {
        // "Sen. Jack Reed (D-R.I.), said": a stray comma after a name opening the sentence.
        if let Some(n) = ctx.np_left(els, j - 1, 0).filter(|&n| n == 0) {
            if ctx.name_like(els, n, j - 1) {
                left = Some(n);
            }
        }
    }
    if left.is_none() && j >= 2 && ctx.is(els[j - 1], ",") {
        // "X, a description (with, commas), V …": try the nearest commas before.
        let commas = (j.saturating_sub(32)..j - 1)
            .rev()
            .filter(|&p| ctx.is(els[p], ","))
            .take(3);
        for p in commas {
            let d = p + 1;
            let Some(n) = ctx.np_left(els, p, 0) else {
                continue;
            };
            let inside_ok = els[d..j - 1]
                .iter()
                .all(|&e| !matches!(e, El::Quote(_)) && !ctx.is(e, ";"));
            let opener = ctx.word(els[n]).is_some_and(|w| ctx.lex.is("discourse", w));
            if inside_ok
                && !opener
                && ctx.name_like(els, n, p)
                && ctx.description_like(els, d, j - 1)
            {
                left = Some(n);
                appositive = Some(((n, p), (d, j - 1)));
                break;
            }
            // "The head of the UN office, Matilda Bogner, said"
            if inside_ok
                && !opener
                && ctx.description_like(els, n, p)
                && ctx.name_like(els, d, j - 1)
            {
                left = Some(n);
                appositive = Some(((d, j - 1), (n, p)));
                break;
            }
            // "The complaint, which was filed in Washington, alleged": a relative clause.
            if inside_ok && !opener && matches!(ctx.word(els[d]), Some("which" | "who")) {
                left = Some(n);
                appositive = Some(((n, p), (d, j - 1)));
                break;
            }
        }
    }
    let function_word_end = left.is_some_and(|a| {
        let w = ctx.word(els[j - 1]).unwrap_or("");
        appositive.is_none()
            && (ctx.lex.is("adjunct", w) || ctx.lex.is("determiner", w))
            && a + 1 < j
    });
    let expletive = left.is_some_and(|a| {
        a + 1 == j
            && matches!(ctx.word(els[a]), Some("it" | "this" | "that" | "there"))
            && (form.stance == Stance::Hedge || form.needs_clause)
    });
    if function_word_end || expletive {
        return None;
    }
    if let Some(a) = left {
        // X V …: the source is on the left.
        let (mut name, mut desc, mut full_start) = ((a, j), None, a);
        if let Some((n, d)) = appositive {
            name = n;
            desc = Some(d);
        } else if a >= 2 && ctx.is(els[a - 1], ",") && ctx.description_like(els, a, j) {
            // Not "According to Ukrinform, the ministry said": a name after a preposition
            // is no appositive's anchor.
            let is_name = |&n: &usize| {
                ctx.name_like(els, n, a - 1)
                    && !ctx.word(els[n]).is_some_and(|w| ctx.lex.is("discourse", w))
                    && !(n > 0
                        && ctx
                            .word(els[n - 1])
                            .is_some_and(|w| ctx.lex.is("adjunct", w)))
            };
            if let Some(n) = ctx.np_left(els, a - 1, 0).filter(is_name) {
                desc = Some((a, j));
                name = (n, a - 1);
                full_start = n;
            }
        }
        let before_ok = full_start > 0
            && (ctx.is(els[full_start - 1], ",") || matches!(els[full_start - 1], El::Quote(_)))
            && (els[..full_start].iter().any(|e| matches!(e, El::Quote(_)))
                || els[..full_start]
                    .iter()
                    .filter(|&&e| !ctx.is_punct(e))
                    .count()
                    >= 3);
        // "“Q,” she said several months later, …": a quotation that opens the unit is the
        // content, unless a clause or another quotation is announced after the cue.
        let quote_first = before_ok
            && els[..full_start]
                .iter()
                .all(|&e| matches!(e, El::Quote(_)) || ctx.is_punct(e));
        let announced = |c: usize| {
            ctx.is(els[c], "that")
                || ctx.is(els[c], ":")
                || matches!(els[c], El::Quote(_))
                || (ctx.is(els[c], ",") && matches!(els.get(c + 1), Some(El::Quote(_))))
        };
        let mut f = match clause {
            Some(c) if quote_first && !announced(c) => {
                make(ctx, els, (0, full_start), form, (k, ce))?
            }
            Some(c) => {
                let announces = ctx.is(els[c], ":") && c + 1 >= hi;
                let mut f = if announces {
                    let cue = tok_range(els, k, ce)?;
                    Some(Frame {
                        source: None,
                        description: None,
                        cue,
                        stance: form.stance,
                        addressee: None,
                        content: ctx.span(els[c]),
                        quotes: Vec::new(),
                        only_quotes: true,
                        announces_quote: true,
                        according_to: false,
                    })
                } else {
                    make(ctx, els, (c, content_end(ctx, els, c)), form, (k, ce))
                };
                if f.is_none() && before_ok && before_is_statement(ctx, els, full_start, form) {
                    f = make(ctx, els, (0, full_start), form, (k, ce));
                }
                f?
            }
            None if before_ok && before_is_statement(ctx, els, full_start, form) => {
                make(ctx, els, (0, full_start), form, (k, ce))?
            }
            // "The outreach, they said, raised new worries": the longer side.
            None if full_start >= 2
                && ctx.is(els[full_start - 1], ",")
                && r + 1 < hi
                && ctx.is(els[r], ",") =>
            {
                let after = (r + 1, content_end(ctx, els, r + 1));
                if after.1 - after.0 >= full_start {
                    make(ctx, els, after, form, (k, ce))?
                } else {
                    make(ctx, els, (0, full_start), form, (k, ce))?
                }
            }
            None => return None,
        };
        f.source = tok_range(els, name.0, name.1);
        f.description = desc.and_then(|(a, b)| tok_range(els, a, b));
        f.addressee = addressee;
        return Some(f);
    }
    let opens =
        j == 0 || (j == 1 && matches!(ctx.word(els[0]), Some("when" | "if" | "after" | "once")));
    if opens {
        // "(When) asked whether …, Clinton said …": a sourceless question.
        if (form.lemma == "ask" || participle) && clause.is_some() {
            let c = clause.unwrap_or(r);
            return make(ctx, els, (c, content_end(ctx, els, c)), form, (k, ce));
        }
        return None;
    }
    // "Q, said X" / "S, wrote the Institute …": the source follows the cue.
    if ctx.is(els[j - 1], ",") || matches!(els[j - 1], El::Quote(_)) {
        let (name, desc, _) = source_right(ctx, els, ce)?;
        let mut f = make(ctx, els, (0, j), form, (k, ce))?;
        f.source = tok_range(els, name.0, name.1);
        f.description = desc.and_then(|(a, b)| tok_range(els, a, b));
        return Some(f);
    }
    None
}

/// "…, arguing that S", "… and said S": the source is the sentence's earlier source or its
/// subject, the content follows the cue.
#[allow(clippy::too_many_arguments)]
fn subject_frame(
    ctx: &Ctx,
    els: &[El],
    (j, k, ce, r): (usize, usize, usize, usize),
    clause: Option<usize>,
    addressee: Option<(usize, usize)>,
    form: &CueForm,
    previous: Option<&Frame>,
) -> Option<Frame> {
    let hi = els.len();
    let c = clause.unwrap_or(r);
    if c >= hi {
        return None;
    }
    let mut f = make(ctx, els, (c, content_end(ctx, els, c)), form, (k, ce))?;
    match previous {
        Some(p) if p.source.is_some() => {
            f.source = p.source;
            f.description = p.description;
        }
        _ => {
            // The subject: the first noun phrase, up to an auxiliary ("McConnell was …").
            let mut a = 0;
            while a < j
                && (ctx.is(els[a], ",")
                    || ctx
                        .word(els[a])
                        .is_some_and(|w| ctx.lex.is("discourse", w) || ctx.lex.is("adjunct", w)))
            {
                a += 1;
            }
            let mut e = a;
            while e < j && ctx.is_cap(els[e]) {
                e += 1; // a name opens the sentence: "Zelenskyy championed … and said"
            }
            if e == a {
                while e < j && ctx.np_token(els, e) && !ctx.skippable(els[e]) && e - a < 8 {
                    e += 1;
                }
            }
            f.source = (e > a && (ctx.name_like(els, a, e) || e - a <= 4))
                .then(|| tok_range(els, a, e))
                .flatten();
        }
    }
    f.addressee = addressee;
    Some(f)
}
