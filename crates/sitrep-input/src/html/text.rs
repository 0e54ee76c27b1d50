//! The visible text of a page's main content, as paragraphs separated by a blank line.
//!
//! The main content is the first `<article>`, else `<main>`, else `<body>`. Inside it,
//! elements a reader does not see as article text (scripts, navigation, headers, footers,
//! asides, forms…) are skipped, block elements end a paragraph, and whitespace inside a
//! paragraph is collapsed to one space as a browser renders it. A no-break space (`&nbsp;`)
//! is not collapsible whitespace in HTML and is kept.

use scraper::{ElementRef, Html};

/// Elements whose content is not article text.
const SKIPPED: &[&str] = &[
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "iframe", "svg", "button", "head", "select", "textarea", "canvas", "audio", "video", "object",
    "embed", "math",
];

/// Elements that start and end a paragraph. Table cells only separate words: a row is the
/// unit a reader takes in.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "blockquote",
    "body",
    "br",
    "caption",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "hgroup",
    "hr",
    "html",
    "li",
    "main",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// The visible text of the page's main content; empty if it has none.
pub(super) fn visible_text(html: &Html) -> String {
    let mut paragraphs = Paragraphs::default();
    let Some(main) = main_content(html) else {
        return String::new();
    };
    // An explicit stack rather than recursion: pages can nest deeper than the call stack.
    let mut stack = vec![Step::Enter(main)];
    while let Some(step) = stack.pop() {
        match step {
            Step::Text(text) => paragraphs.push(text),
            Step::Leave(element) => paragraphs.leave(element),
            Step::Enter(element) => {
                let value = element.value();
                if SKIPPED.contains(&value.name()) || value.attr("hidden").is_some() {
                    continue;
                }
                paragraphs.enter(element);
                stack.push(Step::Leave(element));
                for child in element.children().rev() {
                    if let Some(child) = ElementRef::wrap(child) {
                        stack.push(Step::Enter(child));
                    } else if let Some(text) = child.value().as_text() {
                        stack.push(Step::Text(text));
                    }
                }
            }
        }
    }
    paragraphs.finish()
}

enum Step<'a> {
    Enter(ElementRef<'a>),
    Leave(ElementRef<'a>),
    Text(&'a str),
}

fn main_content(html: &Html) -> Option<ElementRef<'_>> {
    let first = |name: &str| {
        html.root_element()
            .descendent_elements()
            .find(|element| element.value().name() == name)
    };
    first("article")
        .or_else(|| first("main"))
        .or_else(|| first("body"))
}

/// Builds the text: paragraphs joined by "\n\n", no leading or trailing whitespace.
#[derive(Default)]
struct Paragraphs {
    out: String,
    /// The current paragraph has text.
    open: bool,
    /// Whitespace was seen since the last character of the current paragraph.
    space: bool,
    /// Depth inside `<pre>`, where whitespace is kept.
    pre: usize,
}

impl Paragraphs {
    fn enter(&mut self, element: ElementRef<'_>) {
        self.boundary(element.value().name());
        if element.value().name() == "pre" {
            self.pre += 1;
        }
    }

    fn leave(&mut self, element: ElementRef<'_>) {
        if element.value().name() == "pre" {
            self.pre = self.pre.saturating_sub(1);
        }
        self.boundary(element.value().name());
    }

    fn boundary(&mut self, name: &str) {
        if BLOCKS.contains(&name) {
            self.end_paragraph();
        } else if matches!(name, "td" | "th") {
            self.space = true;
        }
    }

    fn end_paragraph(&mut self) {
        if self.open {
            // Inside <pre> the paragraph may end in kept whitespace.
            let end = self.out.trim_end().len();
            self.out.truncate(end);
        }
        self.open = false;
        self.space = false;
    }

    fn push(&mut self, text: &str) {
        for c in text.chars() {
            let collapsible = matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C');
            if collapsible && (self.pre == 0 || !self.open) {
                self.space = true;
                continue;
            }
            if !self.open {
                if !self.out.is_empty() {
                    self.out.push_str("\n\n");
                }
                self.open = true;
            } else if self.space && self.pre == 0 {
                self.out.push(' ');
            }
            self.space = false;
            self.out.push(c);
        }
    }

    fn finish(mut self) -> String {
        self.end_paragraph();
        self.out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(html: &str) -> String {
        visible_text(&Html::parse_document(html))
    }

    #[test]
    fn entities_are_decoded_and_whitespace_collapsed() {
        let html = "<body><p>\n  Kyiv &amp; Moscow&#8217;s\t\ttalks &lt;stalled&gt;\r\n  &quot;again&quot;  </p></body>";
        assert_eq!(text(html), "Kyiv & Moscow’s talks <stalled> \"again\"");
        assert_eq!(
            text("<p>a&nbsp;&nbsp;b &#x41;&#65;</p>"),
            "a\u{a0}\u{a0}b AA"
        );
        assert_eq!(text("<p>x<b>y</b> <i> z </i>w</p>"), "xy z w");
    }

    #[test]
    fn blocks_make_paragraphs_separated_by_one_blank_line() {
        let html =
            "<body>Lead<div><div><p>One</p></div></div>\n\n<ul><li>Two</li><li>Three</li></ul>\
                    Four<br>Five<br><br><h2>Six</h2><blockquote>Seven</blockquote></body>";
        assert_eq!(
            text(html),
            "Lead\n\nOne\n\nTwo\n\nThree\n\nFour\n\nFive\n\nSix\n\nSeven"
        );
        assert_eq!(
            text("<table><tr><td>a</td><td>b</td></tr><tr><th>c</th></tr></table>"),
            "a b\n\nc"
        );
    }

    #[test]
    fn invisible_and_chrome_elements_are_skipped() {
        let html = "<body><nav>Menu</nav><header>Site</header><main><p>Text<script>x()</script>\
                    <style>p{}</style><button>Share</button></p><p hidden>Secret</p>\
                    <form><label>Email</label></form></main><footer>©</footer></body>";
        assert_eq!(text(html), "Text");
    }

    #[test]
    fn the_first_article_then_main_then_body_is_the_content() {
        let html = "<body><p>Teaser</p><main><p>Main</p><article><p>First</p></article>\
                    <article><p>Second</p></article></main></body>";
        assert_eq!(text(html), "First");
        assert_eq!(
            text("<body><p>Side</p><main><p>Main</p></main></body>"),
            "Main"
        );
        assert_eq!(text("<p>Just text</p>"), "Just text");
        assert_eq!(text(""), "");
    }

    #[test]
    fn pre_keeps_its_whitespace() {
        let html = "<p>Code:</p><pre>\nfn main() {\n    go();\n}\n</pre><p>End</p>";
        assert_eq!(text(html), "Code:\n\nfn main() {\n    go();\n}\n\nEnd");
    }

    #[test]
    fn deep_nesting_does_not_overflow_the_stack() {
        let html = format!(
            "{}deep{}",
            "<span>".repeat(50_000),
            "</span>".repeat(50_000)
        );
        assert_eq!(text(&html), "deep");
    }
}
