//! The tense around a time expression, from cue words in its sentence (`data/time/tense.txt`).
//!
//! No part-of-speech tagger: the nearest cue word to the left wins, else the nearest to the
//! right. A word in -ed counts as past unless an auxiliary just before it says otherwise
//! ("will be held" is future, "is expected" present).

use crate::grammar::Ctx;
use crate::lexicon::{Class, Tense};
use crate::scan::Kind;

/// How far to look for a cue, in tokens.
const REACH: usize = 10;

/// A word that says the tense of its clause.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Cue {
    /// The tense it says.
    pub tense: Tense,
    /// A simple past form from the word list, not an -ed word or a perfect.
    firm: bool,
    /// A main verb in the simple past with no auxiliary before it.
    event: bool,
}

impl Cue {
    /// Whether the clause is in the simple past by a verb form the word list knows ("died",
    /// "was", "said"): firmer than an -ed word, which may be an adjective or a headline's
    /// present ("Albright headed Tuesday to Africa"), or a perfect ("has given").
    pub(crate) fn firm_past(self) -> bool {
        self.tense == Tense::Past && self.firm
    }

    /// Whether the cue is a main verb in the simple past, with no auxiliary before it
    /// ("died", "changed"): with "in December" after it, December is when the thing
    /// happened. "was expected", "said" and "has" name no such event.
    pub(crate) fn past_event(self) -> bool {
        self.tense == Tense::Past && self.event
    }
}

/// The nearest cue around tokens `[start, end)`, if any.
pub(crate) fn cue_at(ctx: &Ctx<'_>, start: usize, end: usize) -> Option<Cue> {
    // Only asked at a quotation mark: most times have none near them.
    let quoted = || inside_quote(ctx, start);
    let mut i = start;
    let mut steps = 0;
    // A condition with no tense of its own looks ahead: "promised reform if he and Clinton
    // take office in January" is the coming January, whatever "promised" says.
    let mut condition = false;
    while i > 0 && steps < REACH {
        i -= 1;
        steps += 1;
        if matches!(ctx.word(i), Some("if" | "unless")) {
            condition = true;
            break;
        }
        // A quotation has its own tense: "I feel very good about chances in November,"
        // Tester said.
        if ctx.sentence_ends_before(i + 1) || ctx.is_quote_mark(i) && quoted() {
            break;
        }
        // "ahead of" looks forward only to the time it governs ("ahead of Friday's vote",
        // "ahead of the vote on Friday"); "ahead of his fourth event of the day on Monday",
        // seven words on, says nothing of Monday.
        if ctx.is(i, "ahead") && start - i > 6 {
            continue;
        }
        if let Some(c) = cue(ctx, i) {
            return Some(c);
        }
    }
    // A time that opens its sentence ("In January, a week after the anniversary of Roe vs.
    // Wade, a bombing killed …") belongs to the main clause, whose verb may be far off.
    let fronted = start <= 1 || (0..=1).any(|k| ctx.sentence_ends_before(start - k));
    let reach = if fronted { 4 * REACH } else { REACH };
    let mut i = end;
    while i < ctx.toks.len() && i < end + reach {
        // A clause that follows is reported, not the time's own: "wrote after his visit on
        // Friday, that allies should prepare" says nothing of when Friday was.
        if ctx.sentence_ends_before(i) || ctx.is(i, "that") || ctx.is_quote_mark(i) && quoted() {
            break;
        }
        // So is one after a reporting participle: "the minister's remarks on Monday to
        // reporters, saying the deal might be signed" say nothing of when Monday was.
        if ctx.is(i, ",")
            && matches!(
                ctx.word(i + 1),
                Some(
                    "saying"
                        | "adding"
                        | "noting"
                        | "arguing"
                        | "claiming"
                        | "warning"
                        | "insisting"
                        | "explaining"
                        | "suggesting"
                )
            )
        {
            break;
        }
        // A relative clause set off by commas or dashes has its own verb: "On Monday,
        // Graham—who had previously endorsed Bush—will headline a fundraiser".
        if matches!(ctx.word(i), Some("who" | "which")) && i > end && aside_mark(ctx, i - 1) {
            let close = (i + 1..ctx.toks.len())
                .take_while(|&k| !ctx.sentence_ends_before(k))
                .find(|&k| aside_mark(ctx, k));
            match close {
                Some(k) => {
                    i = k + 1;
                    continue;
                }
                None => break,
            }
        }
        if let Some(c) = cue(ctx, i) {
            return Some(c);
        }
        i += 1;
    }
    condition.then_some(Cue {
        tense: Tense::Future,
        firm: false,
        event: false,
    })
}

/// Whether token `i` is a verb in the simple past from the word list ("said", "was"): with
/// "in March" right after it, March is when it was said or was so.
pub(crate) fn firm_past_at(ctx: &Ctx<'_>, i: usize) -> bool {
    // Not a participle: "talks were expected in December" says nothing of when they were.
    !ctx.ed_form(i)
        && cue(ctx, i)
            .is_some_and(|c| c.firm_past() && !matches!(ctx.word(i), Some("since" | "last")))
}

/// Whether token `i` is a comma or a dash, which open and close an aside.
fn aside_mark(ctx: &Ctx<'_>, i: usize) -> bool {
    matches!(ctx.word(i), Some("," | "—" | "–" | "--" | "-"))
}

/// Whether token `i` stands inside a quotation: more quotation marks open than close before
/// it in its paragraph. A quote reopened in the next paragraph opens again there, so the
/// paragraph is enough. A scare-quoted fragment before the time (`did not "feel safe"
/// during Wednesday's news conference`) is closed again and does not count.
pub(crate) fn inside_quote(ctx: &Ctx<'_>, i: usize) -> bool {
    let (mut straight, mut curly) = (0u32, 0i32);
    let opens = |k: usize| {
        (k == 0 || ctx.toks[k].space_before) && ctx.toks.get(k + 1).is_some_and(|n| !n.space_before)
    };
    let mut k = i;
    while k > 0 && !ctx.toks[k].newline_before {
        k -= 1;
        match ctx.word(k) {
            Some("\"") => straight += 1,
            // Two apostrophes open a quote before a word they touch (''The attack …) and
            // close one after (… today,'' he said; ``like this'').
            Some("''") if opens(k) => curly += 1,
            Some("''") => curly -= 1,
            Some("“" | "``" | "«") => curly += 1,
            Some("”" | "»") => curly -= 1,
            _ => {}
        }
    }
    curly > 0 || straight % 2 == 1
}

fn cue(ctx: &Ctx<'_>, i: usize) -> Option<Cue> {
    let w = ctx.word(i)?;
    let perfect = matches!(w, "has" | "have" | "hasn't" | "haven't");
    // "have" before a noun phrase is possession, not the perfect: "Republicans have 24
    // Senate seats up in November" says nothing of when November is.
    if perfect && possessed(ctx, i + 1) {
        return None;
    }
    let simple = |tense: Tense, firm: bool| Cue {
        tense,
        firm,
        event: false,
    };
    // After a modal, "have" with no participle is the main verb, and the modal says the
    // tense: "any impact her server may have in November".
    let modal = i >= 1
        && matches!(
            ctx.word(i - 1),
            Some("may" | "might" | "will" | "would" | "could" | "should" | "can" | "must")
        );
    // "the spoiler that he could have Tuesday" leaves its participle out: a lower-case word
    // must follow.
    let main_verb = ctx
        .toks
        .get(i + 1)
        .is_some_and(|t| t.kind == Kind::Word && !t.capital)
        && !ctx.ed_form(i + 1)
        && !ctx.word(i + 1).is_some_and(|w| {
            w.ends_with("en") || w.ends_with("wn") || matches!(w, "done" | "gone")
        })
        && cue(ctx, i + 1).is_none();
    // So it looks ahead as the modal does: "could have big consequences in November".
    if perfect && modal && main_verb {
        return (!ctx.is(i - 1, "must")).then_some(simple(Tense::Future, false));
    }
    // A refusal to speak is reported, not foretold: "wouldn't say Tuesday how the party
    // would act", "would not comment on Friday".
    let refused = match w {
        "wouldn't" => Some(i + 1),
        "would" if matches!(ctx.word(i + 1), Some("not" | "n't")) => Some(i + 2),
        _ => None,
    };
    if refused.is_some_and(|k| {
        matches!(
            ctx.word(k),
            Some(
                "say"
                    | "comment"
                    | "confirm"
                    | "discuss"
                    | "disclose"
                    | "elaborate"
                    | "specify"
                    | "reveal"
                    | "answer"
            )
        )
    }) {
        return Some(simple(Tense::Past, false));
    }
    // An infinitive after a verb of intent looks ahead, whatever the intent's tense: "he
    // planned to visit the United States before January". Not after "had" ("had planned to
    // visit in March"), a plan given up.
    let intent = |k: usize| {
        matches!(
            ctx.word(k),
            Some(
                "plan"
                    | "plans"
                    | "planned"
                    | "planning"
                    | "intend"
                    | "intends"
                    | "intended"
                    | "expect"
                    | "expects"
                    | "expected"
                    | "hope"
                    | "hopes"
                    | "hoped"
                    | "hoping"
                    | "vowed"
                    | "vows"
                    | "promised"
                    | "promises"
            )
        )
    };
    if w == "to"
        && i >= 1
        && intent(i - 1)
        && !past_perfect_before(ctx, i - 1)
        && ctx
            .toks
            .get(i + 1)
            .is_some_and(|t| t.kind == Kind::Word && !t.capital)
    {
        return Some(simple(Tense::Future, false));
    }
    // The word list leaves "may" out, as the month would match it; in lower case it is the
    // verb: "any impact her server may have in November".
    if w == "may" && !ctx.toks[i].capital {
        return Some(simple(Tense::Future, false));
    }
    // "could" is as often the past of "can", but "could be" before an adjective looks
    // ahead ("a number that could be higher on Saturday"); before a participle it may be
    // either ("could not be located Wednesday"), so it says nothing.
    if w == "could" && ctx.is(i + 1, "be") && !ctx.ed_form(i + 2) {
        return Some(simple(Tense::Future, false));
    }
    let listed = if let Some((_, t)) = ctx.find(i, |c| match c {
        Class::Tense(t) => Some(t),
        _ => None,
    }) {
        // A plan in the past perfect is over: "had been scheduled to expire Friday".
        if t == Tense::Future && past_perfect_before(ctx, i) {
            return Some(simple(Tense::Past, true));
        }
        // A past form may be a participle after an auxiliary: "will be held".
        if t != Tense::Past
            || matches!(
                w,
                "was" | "were" | "had" | "did" | "said" | "ago" | "last" | "since"
            )
        {
            return Some(simple(t, t == Tense::Past && !perfect));
        }
        true
    } else if !ctx.ed_form(i) || after_determiner(ctx, i) {
        return None;
    } else {
        false
    };
    // The auxiliary before a participle decides: "will be held", "has risen", "is expected".
    for k in (i.saturating_sub(3)..i).rev() {
        if let Some((_, t)) = ctx.find(k, |c| match c {
            Class::Tense(t) => Some(t),
            _ => None,
        }) {
            // A past auxiliary makes a passive or a past perfect: "was told", "had met".
            let firm = t == Tense::Past
                && matches!(
                    ctx.word(k),
                    Some("was" | "were" | "had" | "wasn't" | "weren't" | "hadn't")
                );
            return Some(simple(t, firm));
        }
    }
    // An infinitive looks ahead: "to be replaced by Brazile through the November election".
    if i >= 2 && ctx.is(i - 1, "be") && ctx.is(i - 2, "to") {
        return Some(simple(Tense::Future, false));
    }
    // A participle after "be" is no event of its own: "is expected in November".
    let participle = (i.saturating_sub(2)..i).any(|k| {
        matches!(
            ctx.word(k),
            Some("be" | "been" | "being" | "is" | "are" | "am" | "get" | "gets" | "getting")
        )
    });
    let auxiliary = perfect || participle || w.ends_with("n't") || matches!(w, "told" | "earlier");
    Some(Cue {
        tense: Tense::Past,
        firm: listed && !perfect,
        event: !auxiliary,
    })
}

/// Whether token `i` is an article or a possessive: "the", "a", "their", "my".
fn determiner(ctx: &Ctx<'_>, i: usize) -> bool {
    matches!(ctx.word(i), Some("a" | "an" | "the")) || ctx.any_possessive(i)
}

/// Whether a noun phrase starts at token `i`: a number, a determiner or a quantifier.
fn possessed(ctx: &Ctx<'_>, i: usize) -> bool {
    ctx.toks.get(i).is_some_and(|t| t.kind == Kind::Number)
        || determiner(ctx, i)
        || matches!(
            ctx.word(i),
            Some(
                "no" | "some"
                    | "any"
                    | "many"
                    | "more"
                    | "few"
                    | "several"
                    | "enough"
                    | "plenty"
                    | "lots"
            )
        )
}

/// Whether "had" or "had been" comes just before token `i`.
fn past_perfect_before(ctx: &Ctx<'_>, i: usize) -> bool {
    let had = |k: usize| matches!(ctx.word(k), Some("had" | "hadn't"));
    i >= 1 && had(i - 1) || i >= 2 && ctx.is(i - 1, "been") && had(i - 2)
}

/// Whether the -ed word at `i` is an adjective after an article, a possessive or a count: "a
/// still unspecified date", "the revised plan", "their expected sanctions package", "by 271
/// pledged delegates" say nothing about when.
fn after_determiner(ctx: &Ctx<'_>, i: usize) -> bool {
    let article = |k: usize| determiner(ctx, k) || ctx.toks[k].kind == Kind::Number;
    let adverb = |k: usize| {
        ctx.word(k)
            .is_some_and(|w| w.ends_with("ly") || matches!(w, "still" | "yet" | "much"))
    };
    i >= 1 && article(i - 1) || i >= 2 && article(i - 2) && adverb(i - 1)
}

/// The tense of a weekday used as a possessive before a noun ("Wednesday's ruling",
/// "ahead of Friday's vote"): the clause's verb is not the event's, so only a future cue
/// just before it ("ahead of", "next", "will") looks forward; news reports what happened.
pub(crate) fn before_nominal(ctx: &Ctx<'_>, start: usize) -> Tense {
    let future = (start.saturating_sub(3)..start).any(|k| {
        !(k + 1..=start).any(|j| ctx.sentence_ends_before(j))
            && ctx
                .find(k, |c| match c {
                    Class::Tense(Tense::Future) => Some(()),
                    _ => None,
                })
                .is_some()
    });
    if future {
        Tense::Future
    } else {
        Tense::Past
    }
}

/// Whether token `k` names a contest held on a set day: a primary, a debate, a runoff.
pub(crate) fn is_contest(ctx: &Ctx<'_>, k: usize) -> bool {
    matches!(
        ctx.word(k),
        Some(
            "debate"
                | "debates"
                | "primary"
                | "primaries"
                | "caucus"
                | "caucuses"
                | "election"
                | "elections"
                | "runoff"
                | "referendum"
                | "contest"
                | "contests"
        )
    )
}

/// Whether a contest follows the time ending at token `end`, as its noun, at most two
/// words on: "the November election", "the November presidential election".
pub(crate) fn contest_after(ctx: &Ctx<'_>, end: usize) -> bool {
    // The stops of an abbreviation do not count: "the Nov. 8 U.S. presidential election".
    (end..end + 6)
        .take_while(|&k| {
            ctx.toks.get(k).is_some_and(|t| {
                t.kind == Kind::Word
                    || ctx.is(k, ".") && ctx.word(k - 1).is_some_and(|w| w.chars().count() == 1)
            })
        })
        .filter(|&k| ctx.word(k).is_some_and(|w| w.chars().count() > 1))
        .take(3)
        .any(|k| is_contest(ctx, k))
}

/// Whether the words before a month at `start` head for it as a contest still to come: "win
/// in November", "his chances of victory in November", "going into November", "marching
/// toward November", "the party's convention in July". Only forms that are not the simple
/// past ("won in November" is over), and only while the month is still ahead (the caller
/// checks).
pub(crate) fn heading_for(ctx: &Ctx<'_>, start: usize) -> bool {
    // "lasted into October" is a past stretch: only going or heading into looks ahead.
    let into = start >= 2
        && ctx.is(start - 1, "into")
        && matches!(
            ctx.word(start - 2),
            Some("going" | "heading" | "head" | "heads")
        );
    let toward = into || start >= 1 && matches!(ctx.word(start - 1), Some("toward" | "towards"));
    let win = start >= 2
        && ctx.is(start - 1, "in")
        && matches!(
            ctx.word(start - 2),
            Some("win" | "wins" | "winning" | "victory" | "lose" | "loses" | "losing" | "vote")
        );
    // "the party's convention (in Philadelphia) in July": a convention is held on set days
    // announced long before; all five such in our golds are the coming one.
    let convention = start >= 2
        && ctx.is(start - 1, "in")
        && (start.saturating_sub(5)..start - 1).any(|k| {
            ctx.is(k, "convention") && !(k + 1..start).any(|j| ctx.sentence_ends_before(j))
        });
    toward || win || convention
}

/// Whether a contest held on a set day (a primary, a debate, a runoff) is named in the clause
/// around tokens `[start, end)`.
pub(crate) fn contest_near(ctx: &Ctx<'_>, start: usize, end: usize) -> bool {
    near_in_sentence(ctx, (start, end), (REACH, REACH), |k| is_contest(ctx, k))
}

/// Whether `hit` holds at a token of the sentence around `[start, end)`, at most `back`
/// tokens before it or `ahead` tokens after it.
fn near_in_sentence(
    ctx: &Ctx<'_>,
    (start, end): (usize, usize),
    (back, ahead): (usize, usize),
    hit: impl Fn(usize) -> bool,
) -> bool {
    let before = (start.saturating_sub(back)..start)
        .rev()
        .take_while(|&k| !ctx.sentence_ends_before(k + 1))
        .any(&hit);
    before
        || (end..(end + ahead).min(ctx.toks.len()))
            .take_while(|&k| !ctx.sentence_ends_before(k))
            .any(&hit)
}

/// Whether a contest's result is named right by the time at `[start, end)`, as a thing
/// over: "his Tuesday wins", "the win Tuesday", "his victory in the Indiana primary
/// Tuesday", one told as its owner's or as the one. Not one still sought ("badly needs a win
/// in Tuesday's primary"), nor more of them ("reel off a few more victories on Saturday").
pub(crate) fn result_near(ctx: &Ctx<'_>, start: usize, end: usize) -> bool {
    let result = |k: usize| {
        matches!(
            ctx.word(k),
            Some("win" | "wins" | "victory" | "victories" | "romp" | "sweep" | "defeat" | "loss")
        ) && (k.saturating_sub(4)..k)
            .any(|j| matches!(ctx.word(j), Some("his" | "her" | "their" | "its" | "the")))
            && !(k.saturating_sub(3)..k).any(|j| {
                matches!(
                    ctx.word(j),
                    Some(
                        "need"
                            | "needs"
                            | "needed"
                            | "seek"
                            | "seeks"
                            | "hope"
                            | "hopes"
                            | "want"
                            | "wants"
                    )
                )
            })
    };
    near_in_sentence(ctx, (start, end), (6, 2), result)
}
