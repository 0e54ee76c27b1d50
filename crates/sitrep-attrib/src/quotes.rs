//! Finding direct quotations: pairing quotation marks in one linear pass over the tokens.
//!
//! Marks are read from the original text, so a curly or angle mark gives its direction; a
//! straight `"` takes it from the characters around it. A quote that reaches the end of its
//! paragraph unclosed ends there: that is the news convention for a quotation running over
//! several paragraphs (each new paragraph reopens it), and the sensible reading of a mark
//! that never closes. Single quotes inside a double quote are nested quotes and stay part of
//! it. A stray closing mark is ignored. Every mark is looked at once: linear time.

use sitrep_doc::{Document, Span};

/// A pair of quotation marks and what lies between them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawQuote {
    /// From the opening mark to the closing mark (or to the paragraph's end), marks included.
    pub span: Span,
    /// Index of the opening mark's token.
    pub first_token: usize,
    /// Index of the last token (the closing mark, or the paragraph's last token).
    pub last_token: usize,
    /// Whether the quote reached its paragraph's end without a closing mark.
    pub unclosed: bool,
    /// The paragraph the quote is in.
    pub paragraph: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Open,
    Close,
    /// A straight `"`: direction from context.
    Either,
    /// The low opening mark „, closed by “ or ”.
    LowOpen,
}

fn mark_of(text: &str, span: Span) -> Option<Mark> {
    let s = span.slice(text);
    let mut chars = s.chars();
    let c = chars.next()?;
    if chars.next().is_some() {
        return None;
    }
    Some(match c {
        '\u{201C}' | '\u{00AB}' => Mark::Open,
        '\u{201D}' | '\u{00BB}' => Mark::Close,
        '\u{201E}' => Mark::LowOpen,
        '"' => Mark::Either,
        _ => return None,
    })
}

/// Direction of a straight `"` from the characters around it.
fn straight_direction(text: &str, span: Span, open: bool) -> Mark {
    let before = text[..span.start].chars().next_back();
    let after = text[span.end..].chars().next();
    let space_before = before.is_none_or(|c| c.is_whitespace() || "([{-\u{2014}".contains(c));
    let space_after = after.is_none_or(|c| c.is_whitespace() || ".,;:!?)]}".contains(c));
    match (space_before, space_after) {
        (true, false) => Mark::Open,
        (false, true) => Mark::Close,
        _ if open => Mark::Close,
        _ => Mark::Open,
    }
}

/// The quotations of a document whose tokens and sentences are filled, in text order.
pub fn find_quotes(doc: &Document) -> Vec<RawQuote> {
    let paragraph = token_paragraphs(doc);
    let mut para_last = Vec::new();
    for (i, &p) in paragraph.iter().enumerate() {
        if para_last.len() <= p {
            para_last.resize(p + 1, i);
        }
        para_last[p] = i;
    }
    let mut quotes = Vec::new();
    // (token, low opening mark) of the quote now open.
    let mut open: Option<(usize, bool)> = None;
    // The opening single mark now open, outside double quotes.
    let mut single: Option<usize> = None;
    let close_at_paragraph_end = |first: usize, quotes: &mut Vec<RawQuote>| {
        let p = paragraph[first];
        let last = para_last[p];
        quotes.push(RawQuote {
            span: Span::new(doc.tokens[first].span.start, doc.tokens[last].span.end),
            first_token: first,
            last_token: last,
            unclosed: true,
            paragraph: p,
        });
    };
    let mut i = 0;
    while i < doc.tokens.len() {
        let token = doc.tokens[i];
        let mut span = token.span;
        let mut mark = mark_of(&doc.text, span);
        // Doubled single marks, two tokens: ''…'', ``…'' (the New York Times), ‘‘…’’.
        if mark.is_none() {
            let single = |s: &str| matches!(s, "'" | "`" | "\u{2018}" | "\u{2019}");
            let s = span.slice(&doc.text);
            let next = doc.tokens.get(i + 1).filter(|n| n.span.start == span.end);
            if let (true, Some(n)) = (single(s), next) {
                if single(n.span.slice(&doc.text)) {
                    span = Span::new(span.start, n.span.end);
                    mark = Some(match s {
                        "`" | "\u{2018}" => Mark::Open,
                        "\u{2019}" => Mark::Close,
                        _ => Mark::Either,
                    });
                }
            }
        }
        let Some(mark) = mark else {
            // A single quotation mark outside double quotes: 'LARGEST EVER', ‘Yes’.
            let s = span.slice(&doc.text);
            if open.is_none() && matches!(s, "'" | "\u{2018}" | "\u{2019}") {
                if single.is_some_and(|f| paragraph[f] != paragraph[i]) {
                    single = None;
                }
                match (
                    straight_direction(&doc.text, span, single.is_some()),
                    single,
                ) {
                    (Mark::Close, Some(first)) if s != "\u{2018}" => {
                        quotes.push(RawQuote {
                            span: Span::new(doc.tokens[first].span.start, span.end),
                            first_token: first,
                            last_token: i,
                            unclosed: false,
                            paragraph: paragraph[first],
                        });
                        single = None;
                    }
                    (Mark::Open, _) if s != "\u{2019}" && opens_word(&doc.text, span) => {
                        single = Some(i)
                    }
                    _ => {}
                }
            }
            i += 1;
            continue;
        };
        single = None;
        let last = if span.end > token.span.end { i + 1 } else { i };
        if let Some((first, _)) = open {
            if paragraph[first] != paragraph[i] {
                close_at_paragraph_end(first, &mut quotes);
                open = None;
            }
        }
        let mark = match mark {
            Mark::Either => straight_direction(&doc.text, span, open.is_some()),
            Mark::Open if open.is_some_and(|(_, low)| low) => Mark::Close,
            m => m,
        };
        match (mark, open) {
            (Mark::Open | Mark::LowOpen, _) => open = Some((i, mark == Mark::LowOpen)),
            (Mark::Close, Some((first, _))) => {
                quotes.push(RawQuote {
                    span: Span::new(doc.tokens[first].span.start, span.end),
                    first_token: first,
                    last_token: last,
                    unclosed: false,
                    paragraph: paragraph[first],
                });
                open = None;
            }
            _ => {}
        }
        i = last + 1;
    }
    if let Some((first, _)) = open {
        close_at_paragraph_end(first, &mut quotes);
    }
    quotes
}

/// Whether a mark is followed by a letter or digit (it opens a word, not a possessive).
fn opens_word(text: &str, span: Span) -> bool {
    text[span.end..]
        .chars()
        .next()
        .is_some_and(char::is_alphanumeric)
        && text[..span.start]
            .chars()
            .next_back()
            .is_none_or(|c| c.is_whitespace() || "([{-\u{2014}:".contains(c))
}

/// The paragraph of every token, from the sentence layer.
pub fn token_paragraphs(doc: &Document) -> Vec<usize> {
    let mut paragraph = vec![0; doc.tokens.len()];
    for s in &doc.sentences {
        for p in &mut paragraph[s.token_start..s.token_end] {
            *p = s.paragraph;
        }
    }
    paragraph
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_doc::Meta;

    fn quotes(text: &str) -> Vec<String> {
        let mut doc = Document::new(text, Meta::default());
        sitrep_text::TextProcessor::new().annotate(&mut doc);
        find_quotes(&doc)
            .iter()
            .map(|q| doc.slice(q.span).to_string())
            .collect()
    }

    #[test]
    fn typewriter_double_quotes() {
        assert_eq!(
            quotes("''I think back,'' Mr. Conant said. ``No'' then."),
            ["''I think back,''", "``No''"]
        );
        assert_eq!(
            quotes("“It rose,’’ she said. ‘‘Yes.’’"),
            ["“It rose,’’", "‘‘Yes.’’"]
        );
    }

    #[test]
    fn single_quotes_outside_double_quotes() {
        assert_eq!(
            quotes("Aid 'LARGEST EVER' now. The soldiers' lives. ‘Yes’ he said. Kyiv's 'open"),
            ["'LARGEST EVER'", "‘Yes’"]
        );
    }

    #[test]
    fn curly_straight_and_angle_quotes() {
        assert_eq!(quotes("He said “no.” Then \"yes\"."), ["“no.”", "\"yes\""]);
        assert_eq!(quotes("Elle a dit « non » hier."), ["« non »"]);
        assert_eq!(quotes("Er sagte „nein“ dann."), ["„nein“"]);
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        assert_eq!(
            quotes("“They told us: ‘You will be thrown out.’ It hurt,” she said."),
            ["“They told us: ‘You will be thrown out.’ It hurt,”"]
        );
    }

    #[test]
    fn quote_reopened_at_new_paragraph() {
        let q = quotes("“First part. More.\n\n“Second part,” he said.");
        assert_eq!(q, ["“First part. More.", "“Second part,”"]);
    }

    #[test]
    fn unbalanced_marks_do_not_panic() {
        assert_eq!(quotes("A ” stray close."), Vec::<String>::new());
        assert_eq!(quotes("He said “never closed"), ["“never closed"]);
        assert_eq!(quotes("“a “b” c"), ["“b”"]);
    }
}
