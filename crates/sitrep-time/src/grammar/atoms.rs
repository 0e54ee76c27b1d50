//! The tokens with their lexicon hits, and the small pieces every pattern is made of: a
//! year, a day of the month, an amount, a unit, a clock time.

use crate::expr::{Amount, Expr, YearPart};
use crate::lexicon::{Class, Hit, Lexicon, Unit};
use crate::scan::{Kind, Scanned, Suffix, Token};
use sitrep_text::{AbbreviationClass, Abbreviations};

use super::P;

/// Tokens with their lexicon hits, and the parsing patterns over them.
pub(crate) struct Ctx<'a> {
    pub toks: &'a [Token],
    pub norm: &'a str,
    hits: Vec<Hit>,
    /// Per token, the range of its hits in `hits`.
    ranges: Vec<(u32, u32)>,
    /// The abbreviations that end no sentence ("vs.", "Gen.", "Sept.").
    abbreviations: &'a Abbreviations,
}

impl<'a> Ctx<'a> {
    /// Looks every token up in the lexicon once.
    pub(crate) fn new(scanned: &'a Scanned, lexicon: &'a Lexicon) -> Ctx<'a> {
        let toks = &scanned.tokens[..];
        let norm = &scanned.norm[..];
        let mut hits = Vec::new();
        let mut ranges = Vec::with_capacity(toks.len());
        let mut buf = Vec::new();
        for i in 0..toks.len() {
            let from = hits.len() as u32;
            // Numbers are looked up too: a day in history is named by its digits ("9/11").
            lexicon.lookup(toks, norm, i, &mut buf);
            hits.extend(buf.iter().copied());
            ranges.push((from, hits.len() as u32));
        }
        Ctx {
            toks,
            norm,
            hits,
            ranges,
            abbreviations: &lexicon.abbreviations,
        }
    }

    /// Whether a sentence may end at token `i`: a full stop (or ! ? ;) that closes no title
    /// abbreviation. Asked only by the tense and holiday searches near a match, so the
    /// abbreviation is looked up here rather than for every full stop of the text.
    pub(crate) fn is_stop(&self, i: usize) -> bool {
        match self.word(i) {
            Some("!" | "?" | ";") => true,
            Some(".") => !self.closes_title(i),
            _ => false,
        }
    }

    /// Whether a sentence ends just before token `i`.
    pub(crate) fn sentence_ends_before(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else {
            return true;
        };
        if t.newline_before {
            return true;
        }
        let end = |k: usize| self.is_stop(k);
        // A closing quote after the full stop belongs to the sentence it closes, spaced or not:
        // `will fail."On Thursday`.
        let quote = |k: usize| matches!(self.word(k), Some("\"" | "”" | "''" | "’" | "»"));
        i > 0 && t.space_before && end(i - 1) || i > 1 && quote(i - 1) && end(i - 2)
    }

    /// Whether token `i` is a possessive determiner: "her March comment", "their expected
    /// sanctions package".
    pub(crate) fn possessive(&self, i: usize) -> bool {
        matches!(self.word(i), Some("his" | "her" | "its" | "their" | "our"))
    }

    /// Whether token `i` is a possessive determiner of any person, the speaker's and the
    /// hearer's too: "my early 20s", "your expected refund".
    pub(crate) fn any_possessive(&self, i: usize) -> bool {
        self.possessive(i) || matches!(self.word(i), Some("my" | "your"))
    }

    /// Whether token `i` is a double quotation mark, opening or closing.
    pub(crate) fn is_quote_mark(&self, i: usize) -> bool {
        matches!(
            self.word(i),
            Some("\"" | "“" | "”" | "''" | "``" | "«" | "»")
        )
    }

    /// Whether the full stop at `i` is glued to a title abbreviation before it ("vs.").
    fn closes_title(&self, i: usize) -> bool {
        let (Some(prev), Some(stop)) = (i.checked_sub(1).map(|k| &self.toks[k]), self.toks.get(i))
        else {
            return false;
        };
        if stop.space_before || prev.kind != Kind::Word {
            return false;
        }
        // The lower-cased word with its capital back: "gen" → "Gen.".
        let w = prev.norm(self.norm);
        let mut abbr = String::with_capacity(w.len() + 1);
        let mut chars = w.chars();
        match chars.next() {
            Some(c) if prev.capital => abbr.extend(c.to_uppercase()),
            Some(c) => abbr.push(c),
            None => return false,
        }
        abbr.push_str(chars.as_str());
        abbr.push('.');
        self.abbreviations.classify(&abbr) == Some(AbbreviationClass::Title)
    }

    pub(crate) fn word(&self, i: usize) -> Option<&'a str> {
        self.toks.get(i).map(|t| t.norm(self.norm))
    }
}

impl Ctx<'_> {
    /// Whether token `i` is an ordinary word: no lexicon entry starts there, it is no number,
    /// and no pattern keys on it. Most tokens are; the tagger skips them at once.
    pub(crate) fn plain(&self, i: usize) -> bool {
        let (a, b) = self.ranges[i];
        a == b && !self.keys_a_pattern(i)
    }

    /// A number, or a word a pattern starts on without a lexicon entry ("the", "fiscal").
    fn keys_a_pattern(&self, i: usize) -> bool {
        self.toks[i].kind == Kind::Number
            || matches!(self.word(i), Some("the" | "fiscal"))
            || self.is(i, "all") && self.unit(i + 1).is_some()
    }

    /// Tense cues, meridiems, "ago" and the like only follow or surround an expression, so
    /// the common words among them ("in the morning", "as soon as", "had") start no parse.
    pub(crate) fn may_start(&self, i: usize) -> bool {
        let starts = self.hits(i).iter().any(|h| {
            !matches!(
                h.class,
                Class::Tense(_)
                    | Class::Meridiem(_)
                    | Class::OClock
                    | Class::Zone(_)
                    | Class::PostMod(_)
                    | Class::Ago(_)
                    | Class::More
                    | Class::Idiom
                    | Class::Country(_)
            )
        });
        starts || self.keys_a_pattern(i)
    }

    /// The token after an idiom that starts at `i` ("high noon"), which is no time.
    pub(crate) fn idiom(&self, i: usize) -> Option<usize> {
        self.find(i, |c| matches!(c, Class::Idiom).then_some(()))
            .map(|(end, ())| end)
            .or_else(|| self.all_the_time(i))
            .or_else(|| self.named_today(i))
            .or_else(|| self.quoted_title(i))
    }

    /// The token after a title in quotation marks, all its words capitalised: ABC's ''This
    /// Week,'' the ''Today'' show, ESPN's "Sunday Night Baseball" (none tagged in our golds).
    /// Not a quotation that goes on ("Today, we …"), nor a named day in scare quotes ("the
    /// "Super Tuesday" primary", tagged).
    fn quoted_title(&self, i: usize) -> Option<usize> {
        if i == 0
            || !self.is_quote_mark(i - 1)
            || self
                .find(i, |c| matches!(c, Class::Holiday(..)).then_some(()))
                .is_some()
        {
            return None;
        }
        let mut k = i;
        while k < i + 5
            && self
                .toks
                .get(k)
                .is_some_and(|t| t.kind == Kind::Word && t.capital)
        {
            k += 1;
        }
        let close = if matches!(self.word(k), Some("." | ",")) {
            k + 1
        } else {
            k
        };
        (k > i && self.is_quote_mark(close)).then_some(k)
    }

    /// The token after a capitalised "Today" or "Tonight" that ends a name: "USA Today",
    /// "VOA Today", "Russia Today". Inside a line of words in capitals (a headline, "Talks
    /// Resume Today") it is a time still, so the word after it must not be capitalised.
    fn named_today(&self, i: usize) -> Option<usize> {
        if !matches!(self.word(i), Some("today" | "tonight")) || i == 0 {
            return None;
        }
        let (prev, cur) = (&self.toks[i - 1], &self.toks[i]);
        // "USA Today's poll" is the paper's; "At Tonight's Debate", in a headline, is tonight.
        let possessive_tonight = self.is(i, "tonight") && self.is(i + 1, "'s");
        let next_lower = self
            .toks
            .get(i + 1)
            .is_some_and(|n| !n.capital && !n.newline_before)
            && !possessive_tonight;
        // "USA TODAY" is the paper whatever follows it.
        let usa = self.is(i - 1, "usa") && self.is(i, "today");
        let name = cur.capital
            && !cur.newline_before
            && prev.kind == Kind::Word
            && prev.capital
            && (next_lower || usa);
        name.then_some(i + 1)
    }

    /// The token after "24 hours a day", "seven days a week", "12 months a year": a whole
    /// unit per unit, which says "all the time", neither a length nor a frequency.
    fn all_the_time(&self, i: usize) -> Option<usize> {
        let (e, Amount::Num(n)) = self.amount(i)? else {
            return None;
        };
        let (e, small) = self.unit(e)?;
        if !matches!(self.word(e), Some("a" | "per" | "each" | "every")) {
            return None;
        }
        let (end, big) = self.unit(e + 1)?;
        let whole = match (small, big) {
            (Unit::Hour, Unit::Day) => 24.0,
            (Unit::Day, Unit::Week) => 7.0,
            (Unit::Day, Unit::Year) => 365.0,
            (Unit::Week, Unit::Year) => 52.0,
            (Unit::Month, Unit::Year) => 12.0,
            (Unit::Minute, Unit::Hour) | (Unit::Second, Unit::Minute) => 60.0,
            _ => return None,
        };
        (n == whole).then_some(end)
    }

    pub(crate) fn is(&self, i: usize, w: &str) -> bool {
        self.word(i) == Some(w)
    }

    pub(crate) fn hits(&self, i: usize) -> &[Hit] {
        match self.ranges.get(i) {
            Some(&(a, b)) => &self.hits[a as usize..b as usize],
            None => &[],
        }
    }

    /// Every country the text names, once per mention, in text order.
    pub(crate) fn countries(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.hits.iter().filter_map(|h| match h.class {
            Class::Country(c) => Some(c),
            _ => None,
        })
    }

    /// The tokens before `i`, nearest first, at most `reach` of them and none before the
    /// sentence's last full stop (or ! ? ;).
    pub(crate) fn back_in_sentence(
        &self,
        i: usize,
        reach: usize,
    ) -> impl Iterator<Item = usize> + '_ {
        (i.saturating_sub(reach)..i)
            .rev()
            .take_while(|&k| !self.is_stop(k))
    }

    /// The tokens from `i` on, at most `reach` of them, up to the sentence's next full stop
    /// (or ! ? ;): [`Self::back_in_sentence`] the other way.
    pub(crate) fn ahead_in_sentence(
        &self,
        i: usize,
        reach: usize,
    ) -> impl Iterator<Item = usize> + '_ {
        (i..(i + reach).min(self.toks.len())).take_while(|&k| !self.is_stop(k))
    }

    /// Whether token `i` starts a lexicon phrase of time (a country's name is none).
    pub(crate) fn has_time_hit(&self, i: usize) -> bool {
        self.hits(i)
            .iter()
            .any(|h| !matches!(h.class, Class::Country(_)))
    }

    /// The class of token `i`'s hits (longest first) that `f` accepts.
    pub(crate) fn find<T>(&self, i: usize, f: impl Fn(Class) -> Option<T>) -> P<T> {
        self.hits(i).iter().find_map(|h| {
            // A name of several words in capitals ("Election Day") is no common word: its
            // capitals are cue enough, wherever it stands ("as Election Day nears").
            let name = matches!(h.class, Class::Holiday(..))
                && h.end > i + 1
                && (i..h.end).all(|k| self.toks[k].capital);
            if h.strict && !name && !self.strict_ok(i, h.end) {
                return None;
            }
            // English capitalises month names, not seasons: "last fall", but "at this march"
            // is a protest. Only a day number before it makes a lower-case one a month.
            if h.strict
                && matches!(h.class, Class::Month(_))
                && !self.toks[i].capital
                && !self.lower_case_month_ok(i, h.end)
            {
                return None;
            }
            f(h.class).map(|v| (h.end, v))
        })
    }

    /// A word that is also an ordinary English word (May, march, fall) counts only when
    /// capitalised (or after last/this/next) and next to a cue: a number, a preposition or
    /// modifier before it, or another month it is coordinated with.
    pub(crate) fn strict_ok(&self, i: usize, end: usize) -> bool {
        let t = &self.toks[i];
        let shifted = i > 0
            && self.hits(i - 1).iter().any(|h| {
                matches!(
                    h.class,
                    Class::Shift(_) | Class::Anaphor(_) | Class::Nearest(_)
                )
            });
        // "in the fall", "heading into the fall", "during the fall of 2008": the season after a
        // preposition of time and "the" ("the fall of Kabul" is turned away below, by its
        // "of").
        let season_in = self.is(i, "fall")
            && i >= 2
            && self.is(i - 1, "the")
            && matches!(
                self.word(i - 2),
                Some(
                    "in" | "during"
                        | "by"
                        | "until"
                        | "through"
                        | "since"
                        | "over"
                        | "into"
                        | "to"
                        | "for"
                )
            );
        if !(t.capital || shifted || season_in || self.lower_case_month_ok(i, end)) {
            return false;
        }
        // "told POLITICO last fall that he'd wait": the clause it dates follows.
        let that_clause =
            self.is(end, "that") && i > 0 && matches!(self.word(i - 1), Some("last" | "next"));
        // "this fall, the", "last fall he won", "said last fall that", but not "this may have",
        // "this march toward":
        // lower case after last/this/next only before punctuation, a function word or a
        // subject pronoun.
        if !t.capital
            && self.toks.get(end).is_some_and(|n| n.kind == Kind::Word)
            && !matches!(
                self.word(end),
                Some(
                    "and"
                        | "or"
                        | "in"
                        | "when"
                        | "as"
                        | "of"
                        | "to"
                        | "for"
                        | "the"
                        | "a"
                        | "an"
                        | "with"
                        | "while"
                        | "after"
                        | "before"
                        | "until"
                        | "at"
                        | "on"
                        | "by"
                        | "'s"
                        | "he"
                        | "she"
                        | "they"
                        | "we"
                        | "i"
                        | "you"
                        | "it"
                )
            )
            && !that_clause
        {
            return false;
        }
        // "this fall in prices", "last fall in oil output": a drop, not autumn ("this fall in
        // Iowa" is).
        if self.is(i, "fall")
            && !t.capital
            && self.is(end, "in")
            && self.toks.get(end + 1).is_some_and(|n| {
                n.kind == Kind::Word
                    && !n.capital
                    && !self.possessive(end + 1)
                    && !matches!(
                        self.word(end + 1),
                        Some("the" | "a" | "an" | "this" | "that")
                    )
            })
        {
            return false;
        }
        let next_number = self.toks.get(end).is_some_and(|n| n.kind == Kind::Number)
            || (self.is(end, ",")
                && self
                    .toks
                    .get(end + 1)
                    .is_some_and(|n| n.kind == Kind::Number));
        let prev_cue = i > 0
            && (shifted
                || matches!(
                    self.word(i - 1),
                    Some(
                        "in" | "of"
                            | "on"
                            | "since"
                            | "until"
                            | "by"
                            | "during"
                            | "from"
                            | "through"
                            | "to"
                            | "the"
                            | "before"
                            | "after"
                            | "this"
                            | "early"
                            | "late"
                            | "mid"
                            | "-"
                            | "between"
                    )
                )
                || self.possessive(i - 1)
                // "before Florida's March presidential primary": a name's month before its
                // contest. Not "the Women's March".
                || t.capital && self.is(i - 1, "'s") && crate::tense::contest_after(self, end)
                // "a March speech": an article before a capitalised month used as an
                // adjective.
                || t.capital
                    && matches!(self.word(i - 1), Some("a" | "an"))
                    && self
                        .toks
                        .get(end)
                        .is_some_and(|n| n.kind == Kind::Word && !n.capital)
                // "between now and March": the second bound of a span.
                || t.capital
                    && self.is(i - 1, "and")
                    && self.back_in_sentence(i - 1, 4).any(|k| self.is(k, "between"))
                // "compared with March": a capitalised month compared.
                || t.capital
                    && i >= 2
                    && self.is(i - 1, "with")
                    && self.is(i - 2, "compared")
                // A capitalised month as the object of a verb of phases: "began March
                // with $8 million", "spent May in Kyiv". "march" is never their object.
                || t.capital
                    && matches!(
                        self.word(i - 1),
                        Some(
                            "began"
                                | "begin"
                                | "begins"
                                | "start"
                                | "started"
                                | "starts"
                                | "ended"
                                | "ends"
                                | "closed"
                                | "entered"
                                | "enters"
                                | "spent"
                                | "spend"
                                | "finished"
                        )
                    ));
        // "March of 1998" and "March of last year" are dates; "the March of time" is not.
        let of_year = self.shift(end + 1).is_some_and(|(e, _)| self.is(e, "year"));
        if self.is(end, "of")
            && !of_year
            && !self
                .toks
                .get(end + 1)
                .is_some_and(|n| n.kind == Kind::Number)
        {
            return next_number;
        }
        // "on 6 May": a day number before it; "in February and March": a month before the
        // conjunction.
        let prev_day = self.day_before(i);
        let prev_month = i > 1
            && matches!(self.word(i - 1), Some("and" | "or" | "to"))
            && self.hits(i - 2).iter().any(|h| {
                matches!(h.class, Class::Month(_)) && h.end == i - 1 && self.toks[i - 2].capital
            });
        next_number || prev_cue || prev_day || prev_month
    }

    /// Whether a plain day number comes just before token `i` ("6 May").
    fn day_before(&self, i: usize) -> bool {
        i > 0
            && self
                .number(i - 1)
                .is_some_and(|n| n.plain && n.digits <= 2 && (1.0..=31.0).contains(&n.value))
    }

    /// Machine translation drops capitals ("told the media on 6 may."): after a day number
    /// and before punctuation, "may" or "march" at `[i, end)` can only be the month.
    fn lower_case_month_ok(&self, i: usize, end: usize) -> bool {
        self.day_before(i) && self.toks.get(end).is_none_or(|n| n.kind != Kind::Word)
    }

    /// Skips a hyphen glued between two words ("third-quarter", "two-year").
    pub(crate) fn skip_hyphen(&self, i: usize) -> usize {
        // Glued on one side at least: "two-day", and "two -day" of machine translation.
        let glued_after = self.toks.get(i + 1).is_some_and(|t| !t.space_before);
        match self.toks.get(i) {
            Some(t)
                if t.kind == Kind::Punct
                    && t.norm(self.norm) == "-"
                    && (!t.space_before || glued_after) =>
            {
                i + 1
            }
            _ => i,
        }
    }

    pub(crate) fn skip(&self, i: usize, w: &str) -> usize {
        if self.is(i, w) {
            i + 1
        } else {
            i
        }
    }

    pub(crate) fn number(&self, i: usize) -> Option<crate::scan::Number> {
        self.toks.get(i).and_then(|t| t.number)
    }

    /// A four-digit year, or `'98`.
    pub(crate) fn year(&self, i: usize) -> P<i32> {
        let n = self.number(i)?;
        if n.suffix != Suffix::None || !n.plain {
            return None;
        }
        let v = n.value as i32;
        if n.apostrophe {
            // An opening quote before a count: CBS's '60 Minutes'.
            if self.unit(i + 1).is_some() {
                return None;
            }
            return (n.digits == 2).then_some((i + 1, if v < 30 { 2000 + v } else { 1900 + v }));
        }
        if n.digits == 2 {
            return self.short_range_end(i, v);
        }
        if n.digits != 4 || !(1000..=2199).contains(&v) {
            return None;
        }
        let prev = i.checked_sub(1).and_then(|p| self.word(p));
        // A sum, a number, or a handle or hashtag ("@1031ent", "#2016"): not a year.
        if matches!(prev, Some("$" | "£" | "€" | "#" | "@" | "no" | "+")) || self.is(i + 1, "%")
        {
            return None;
        }
        // A rounded count: "the total to nearly 1000". No one writes "nearly 1990".
        if matches!(
            prev,
            Some("nearly" | "almost" | "roughly" | "approximately")
        ) {
            return None;
        }
        // A year before 1800 is rare in news, a count of that size common: "1128 were for
        // Cruz" after a comma is a count; "in 1492", "(1066)" stay years.
        if v < 1800
            && matches!(prev, Some("," | ";" | ":" | "and" | "but"))
            && self
                .toks
                .get(i + 1)
                .is_some_and(|t| t.kind == Kind::Word && !t.capital)
        {
            return None;
        }
        // Glued to a word, a name or a hashtag: "#Trump2016", "Windows2000"; not "FY2016".
        if i > 0
            && !self.toks[i].space_before
            && self.toks[i - 1].kind == Kind::Word
            && !self.is(i - 1, "fy")
        {
            return None;
        }
        // A numbered part or thing: "Section 1001", "Resolution 2334", "Flight 1549".
        if matches!(
            prev,
            Some(
                "section"
                    | "article"
                    | "paragraph"
                    | "chapter"
                    | "clause"
                    | "resolution"
                    | "amendment"
                    | "flight"
                    | "route"
                    | "room"
                    | "page"
                    | "form"
                    | "bill"
                    | "hb"
                    | "sb"
                    | "hr"
                    | "proposition"
                    | "measure"
                    | "ordinance"
                    | "interstate"
                    | "highway"
                    | "suite"
                    | "exit"
            )
        ) {
            return None;
        }
        // A street address: "1600 Pennsylvania Avenue", "1211 Avenue of the Americas".
        let street = |k: usize| {
            matches!(
                self.word(k),
                Some(
                    "avenue"
                        | "ave"
                        | "street"
                        | "st"
                        | "road"
                        | "rd"
                        | "boulevard"
                        | "blvd"
                        | "drive"
                        | "lane"
                        | "place"
                        | "parkway"
                        | "way"
                )
            )
        };
        let time_preposition = matches!(
            prev,
            Some("in" | "since" | "by" | "from" | "until" | "during" | "of" | "after" | "before")
        );
        if !time_preposition
            && self.toks.get(i + 1).is_some_and(|t| t.capital)
            && (i + 1..i + 4).any(street)
        {
            return None;
        }
        // A docket or serial number: "No. 14-1418", "case 15-2020".
        let glued = |k: usize| self.toks.get(k).is_some_and(|t| !t.space_before);
        if i >= 2
            && self.is(i - 1, "-")
            && glued(i - 1)
            && glued(i)
            && self.number(i - 2).is_some_and(|n| n.digits < 4)
        {
            return None;
        }
        // "1989,000" or "2021.5" is a number; "December 2021, 2 months before" is a year.
        if self.toks.get(i + 1).is_some_and(|t| {
            !t.space_before && t.kind == Kind::Punct && matches!(t.norm(self.norm), "," | ".")
        }) && self.number(i + 2).is_some()
            && self.toks.get(i + 2).is_some_and(|t| !t.space_before)
        {
            return None;
        }
        Some((i + 1, v))
    }

    /// The end of a year range written short, "33" in "1932-33": the next years of the same
    /// century, glued to the hyphen on both sides.
    fn short_range_end(&self, i: usize, v: i32) -> P<i32> {
        let glued = |k: usize| self.toks.get(k).is_some_and(|t| !t.space_before);
        if i < 2 || !self.is(i - 1, "-") || !glued(i - 1) || !glued(i) {
            return None;
        }
        let start = self
            .number(i - 2)
            .filter(|n| n.digits == 4 && n.plain)?
            .value as i32;
        if !(1000..=2199).contains(&start) {
            return None;
        }
        let century = start - start % 100;
        let end = if v > start % 100 {
            century + v
        } else {
            century + 100 + v
        };
        // "1999-00" ends a century; "1932-45" is a range too long to write short.
        (end > start && end - start <= 10).then_some((i + 1, end))
    }

    /// A day of the month: 1-31, optionally `6th`.
    pub(crate) fn day(&self, i: usize) -> P<u8> {
        if let Some(n) = self.number(i) {
            let ok = n.plain && !n.apostrophe && n.digits <= 2 && (1.0..=31.0).contains(&n.value);
            // "6:30" and "6.30" are clock times; "Jan. 6: the court ruled" is a day.
            let glued = self
                .toks
                .get(i + 2)
                .is_some_and(|t| t.number.is_some() && !t.space_before);
            let clock = (self.is(i + 1, ":") || self.is(i + 1, ".")) && glued;
            if ok && n.suffix != Suffix::Plural && !clock {
                return Some((i + 1, n.value as u8));
            }
            return None;
        }
        self.find(i, |c| match c {
            Class::Ordinal(n) if (1..=31).contains(&n) => Some(n as u8),
            _ => None,
        })
    }

    /// "a quarter-century", "a quarter century": the token of "century", where "quarter" is a
    /// fraction and not the unit.
    fn quarter_of_a_century(&self, i: usize) -> Option<usize> {
        let j = self.skip(i, "a");
        if !self.is(j, "quarter") {
            return None;
        }
        let k = self.skip_hyphen(j + 1);
        self.is(k, "century").then_some(k)
    }

    /// A number of units: digits, number words ("twenty four", "two hundred"), "a", "several",
    /// with "and a half" after it. A range before a unit ("12 to 18 months", "40 or 50 years
    /// ago", "between 12 and 20 years") is a vague amount: TIMEX3 has no value for a range,
    /// and TimeBank writes "the next 12 to 18 months" as PXM.
    pub(crate) fn amount(&self, i: usize) -> P<Amount> {
        let (end, amount) = self.single_amount(i)?;
        let between = i > 0 && self.is(i - 1, "between");
        if let Amount::Num(low) = amount {
            // "between two to six days", a slip of speech, TimeBank reads as two lengths.
            let joined = if between {
                self.is(end, "and")
            } else {
                self.is(end, "to") || self.is(end, "or")
            };
            if joined {
                if let Some((e, Amount::Num(high))) = self.single_amount(end + 1) {
                    if high > low && self.unit(self.skip_hyphen(e)).is_some() {
                        return Some((e, Amount::Vague));
                    }
                }
            }
        }
        Some((end, amount))
    }

    /// One number of units, as [`Self::amount`] reads it, without ranges.
    fn single_amount(&self, i: usize) -> P<Amount> {
        let (mut end, mut value) = if let Some(n) = self.number(i) {
            if n.suffix != Suffix::None || n.apostrophe {
                return None;
            }
            // "5 1/2"
            let fraction = match (self.number(i + 1), self.is(i + 2, "/"), self.number(i + 3)) {
                (Some(a), true, Some(b)) if b.value > a.value && b.value > 0.0 => {
                    Some(a.value / b.value)
                }
                _ => None,
            };
            match fraction {
                Some(f) => (i + 4, n.value + f),
                None => (i + 1, n.value),
            }
        } else if let Some((end, ())) = self.find(i, |c| matches!(c, Class::Vague).then_some(())) {
            return Some((end, Amount::Vague));
        } else if let Some(k) = self.quarter_of_a_century(i) {
            return Some((k, Amount::Num(0.25)));
        } else if let Some((end, ())) = self.find(i, |c| matches!(c, Class::Half).then_some(())) {
            // "half a year", "half an hour"
            let after = self.skip(self.skip(end, "a"), "an");
            return Some((after.max(end), Amount::Num(0.5)));
        } else {
            let (end, v) = self.find(i, |c| match c {
                Class::Cardinal(v) => Some(v),
                _ => None,
            })?;
            let mut end = end;
            let mut v = v;
            // "twenty four", "twenty-four"
            if (20.0..100.0).contains(&v) && v % 10.0 == 0.0 {
                let j = self.skip_hyphen(end);
                if let Some((e, u)) = self.find(j, |c| match c {
                    Class::Cardinal(u) if (1.0..10.0).contains(&u) => Some(u),
                    _ => None,
                }) {
                    if !self.is(j, "a") && !self.is(j, "an") {
                        v += u;
                        end = e;
                    }
                }
            }
            (end, v)
        };
        if let Some((e, m)) = self.find(end, |c| match c {
            Class::Multiplier(m) => Some(m),
            _ => None,
        }) {
            value *= m;
            end = e;
        }
        // "two and a half", "one-and-a-half"
        let and = self.skip_hyphen(end);
        if self.is(and, "and") {
            let half = self.skip_hyphen(and + 1);
            if let Some((e, ())) = self.find(half, |c| matches!(c, Class::Half).then_some(())) {
                value += 0.5;
                end = e;
            }
        }
        // "two more weeks", "an additional year": the length is still the amount.
        if let Some((e, ())) = self.find(end, |c| matches!(c, Class::More).then_some(())) {
            if self.unit(self.skip_hyphen(e)).is_some() {
                end = e;
            }
        }
        Some((end, Amount::Num(value)))
    }

    pub(crate) fn unit(&self, i: usize) -> P<Unit> {
        let (end, unit) = self.find(i, |c| match c {
            Class::Unit(u) => Some(u),
            _ => None,
        })?;
        // "that second round", "a second term": the ordinal before its noun, not a second.
        // Counted, it is the unit: "a 30-second spot", "the 60 second ad".
        let counted = || i > 0 && (self.toks[i - 1].kind == Kind::Number || self.is(i - 1, "-"));
        let ordinal = unit == Unit::Second
            && self.is(i, "second")
            && !counted()
            && self.toks.get(end).is_some_and(|t| {
                t.kind == Kind::Word
                    && !t.capital
                    && !matches!(
                        self.word(end),
                        Some(
                            "ago" | "later" | "earlier" | "before" | "after" | "of" | "and" | "or"
                        )
                    )
            });
        (!ordinal).then_some((end, unit))
    }

    /// Whether token `i` is a word in -ed of five letters or more: a past form or a
    /// participle ("died", "registered"), not "red" or "bed"; or an irregular participle,
    /// which the past list lacks as it is no simple past ("a poll taken Wednesday").
    pub(crate) fn ed_form(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.kind == Kind::Word)
            && self.word(i).is_some_and(|w| {
                w.len() > 4 && w.ends_with("ed")
                    || matches!(
                        w,
                        "taken"
                            | "given"
                            | "written"
                            | "chosen"
                            | "spoken"
                            | "broken"
                            | "stolen"
                            | "shown"
                            | "drawn"
                            | "sworn"
                            | "begun"
                    )
            })
    }

    /// The unit of a year or month named just before token `i`, with a comma after it, that
    /// what follows stands in apposition to: "in 2010, the year …", "in 2008, his last year".
    pub(crate) fn named_before(&self, i: usize) -> Option<Unit> {
        if i < 2 || !self.is(i - 1, ",") {
            return None;
        }
        if self.year(i - 2).is_some_and(|(e, _)| e == i - 1) {
            Some(Unit::Year)
        } else if self.month(i - 2).is_some_and(|(e, _)| e == i - 1) {
            Some(Unit::Month)
        } else if (i.saturating_sub(6)..i - 1).any(|k| {
            self.calendar(k).is_some_and(|(e, d)| {
                e == i - 1 && matches!(d, Expr::Calendar { day: Some(_), .. })
            })
        }) {
            // "On May 18, the day the deal was announced"
            Some(Unit::Day)
        } else {
            None
        }
    }

    pub(crate) fn month(&self, i: usize) -> P<u8> {
        self.find(i, |c| match c {
            Class::Month(m) => Some(m),
            _ => None,
        })
    }

    pub(crate) fn weekday(&self, i: usize) -> P<u8> {
        self.find(i, |c| match c {
            Class::Weekday(d) => Some(d),
            _ => None,
        })
    }

    pub(crate) fn shift(&self, i: usize) -> P<i8> {
        self.find(i, |c| match c {
            Class::Shift(s) | Class::Anaphor(s) | Class::Nearest(s) => Some(s),
            _ => None,
        })
    }

    /// Whether the shift at `i` means the nearest one ("this past", "this coming").
    pub(crate) fn nearest(&self, i: usize) -> bool {
        self.find(i, |c| matches!(c, Class::Nearest(_)).then_some(()))
            .is_some()
    }

    /// A shift from the time last mentioned ("the following", "that").
    pub(crate) fn anaphor(&self, i: usize) -> P<i8> {
        self.find(i, |c| match c {
            Class::Anaphor(s) => Some(s),
            _ => None,
        })
    }

    pub(crate) fn ordinal(&self, i: usize) -> P<u32> {
        if let Some(n) = self.number(i) {
            return (n.suffix == Suffix::Ordinal).then_some((i + 1, n.value as u32));
        }
        self.find(i, |c| match c {
            Class::Ordinal(n) => Some(n),
            _ => None,
        })
    }

    pub(crate) fn part_of_day(&self, i: usize) -> P<&'static str> {
        self.find(i, |c| match c {
            Class::PartOfDay(p) => Some(p),
            _ => None,
        })
    }

    /// Whether a capitalised word with no time meaning stands just before token `i`.
    fn after_plain_name(&self, i: usize) -> bool {
        i > 0
            && self.toks[i - 1].kind == Kind::Word
            && self.toks[i - 1].capital
            && self.hits(i - 1).is_empty()
            && !self.sentence_ends_before(i - 1)
    }

    /// A clock time in minutes since midnight.
    pub(crate) fn clock(&self, i: usize) -> P<u16> {
        if let Some((end, m)) = self.find(i, |c| match c {
            Class::Clock(m) => Some(m),
            _ => None,
        }) {
            return Some((end, m));
        }
        let n = self.number(i)?;
        if let Some(m) = self.dotted_clock(i) {
            return Some((i + 1, m));
        }
        if !n.plain || n.suffix != Suffix::None || n.digits > 2 {
            return None;
        }
        let hour = n.value as u16;
        let mut end = i + 1;
        let mut minute = 0;
        let mut has_minutes = false;
        if (self.is(end, ":") || self.is(end, "."))
            && !self.toks.get(end + 1).is_some_and(|t| t.space_before)
        {
            let m = self.number(end + 1)?;
            if m.digits != 2 || !m.plain || m.value >= 60.0 {
                return None;
            }
            minute = m.value as u16;
            end += 2;
            has_minutes = true;
        }
        // "5 o'clock", "at 17 o'clock" (the 24-hour clock of translated text).
        let o_clock = if has_minutes {
            None
        } else {
            self.find(end, |c| (c == Class::OClock).then_some(()))
        };
        if let Some((e, ())) = o_clock {
            end = e;
        }
        let meridiem = self.find(end, |c| match c {
            Class::Meridiem(pm) => Some(pm),
            _ => None,
        });
        match meridiem {
            Some((e, pm)) if (1..=12).contains(&hour) => {
                let h = match (hour, pm) {
                    (12, false) => 0,
                    (12, true) => 12,
                    (h, true) => h + 12,
                    (h, false) => h,
                };
                Some((e, h * 60 + minute))
            }
            // "Romans 8:31", "John 3:16": chapter and verse after a book's name, which no
            // time word is.
            None if has_minutes
                && hour <= 24
                && self.toks[end - 2].kind == Kind::Punct
                && self.is(end - 2, ":")
                && !self.after_plain_name(i) =>
            {
                Some((end, hour * 60 + minute))
            }
            None if o_clock.is_some() && (1..=24).contains(&hour) => Some((end, hour * 60)),
            _ => None,
        }
    }

    /// A European clock time written with a full stop, "at 12.30", "after 14.00": only after
    /// a preposition of time and before no amount word, since "at 2.46 billion" and "rose
    /// to 12.30" are numbers.
    fn dotted_clock(&self, i: usize) -> Option<u16> {
        let text = self.word(i)?;
        let (h, m) = text.split_once('.')?;
        if !(1..=2).contains(&h.len()) || m.len() != 2 {
            return None;
        }
        let (hour, minute) = (h.parse::<u16>().ok()?, m.parse::<u16>().ok()?);
        let before = i.checked_sub(1).and_then(|k| self.word(k));
        let preposition = matches!(
            before,
            Some("at" | "after" | "before" | "until" | "till" | "from" | "since")
        );
        // "Shares closed at 12.30" is a price.
        let price = i >= 2
            && matches!(
                self.word(i - 2),
                Some(
                    "closed"
                        | "opened"
                        | "traded"
                        | "priced"
                        | "valued"
                        | "stood"
                        | "fell"
                        | "rose"
                        | "settled"
                        | "finished"
                        | "quoted"
                        | "trading"
                )
            );
        let next_ok = match self.toks.get(i + 1) {
            None => true,
            Some(t) if t.kind == Kind::Punct => !matches!(self.word(i + 1), Some("%" | "-")),
            Some(_) => self
                .word(i + 1)
                .is_some_and(|w| matches!(w, "there" | "on" | "in" | "local" | "today" | "the")),
        };
        (preposition && !price && next_ok && hour < 24 && minute < 60).then_some(hour * 60 + minute)
    }

    /// Whether the unit word `[i, end)` is a plural ("years").
    pub(crate) fn is_plural(&self, i: usize, end: usize) -> bool {
        end == i + 1
            && self
                .word(i)
                .is_some_and(|w| w.ends_with('s') && w != "hrs" || w == "centuries")
    }

    /// A season named once: "summer", not "summers" (a set, see `set`).
    pub(crate) fn season_word(&self, i: usize) -> P<YearPart> {
        self.find(i, |c| match c {
            Class::Season(s) => Some(YearPart::Season(s)),
            _ => None,
        })
        .filter(|&(end, _)| !self.is_plural(i, end))
    }

    /// A year after a month or day: "August 1998", "Aug. 6, 1998", "August of 1998".
    pub(crate) fn year_after(&self, end: usize) -> (usize, Option<i32>) {
        for j in [end, self.skip(end, ","), self.skip(end, "of")] {
            if let Some((e, y)) = self.year(j) {
                return (e, Some(y));
            }
            // "January nineteen ninety-seven"
            if let Some((e, crate::expr::Expr::Calendar { year: Some(y), .. })) =
                self.spelled_year(j)
            {
                if !self.is(j, "the") {
                    return (e, Some(y));
                }
            }
        }
        (end, None)
    }
}
