//! Spotting a cut-off HTML file before parsing it: the HTML parser repairs anything, so a
//! download that stopped halfway would otherwise pass as a short article.

use memchr::memmem;

/// Elements whose content is raw text, where `<` does not open a tag.
const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes",
];

/// Why the page looks cut off, or `None` if it looks whole: it ends inside a tag, a comment
/// or a raw-text element, or it opens `<body>` or `<html>` and never closes it.
pub(super) fn truncation(html: &str) -> Option<String> {
    let bytes = html.as_bytes();
    let (mut body, mut root) = (Balance::default(), Balance::default());
    let mut i = 0;
    while let Some(found) = memchr::memchr(b'<', bytes.get(i..)?) {
        let start = i + found;
        let rest = &bytes[start..];
        if rest.starts_with(b"<!--") {
            match memmem::find(&rest[4..], b"-->") {
                Some(end) => i = start + 4 + end + 3,
                None => {
                    return Some(format!(
                        "the file ends inside a comment that starts at byte {start}"
                    ))
                }
            }
            continue;
        }
        match rest.get(1) {
            Some(c) if c.is_ascii_alphabetic() || matches!(c, b'/' | b'!' | b'?') => {}
            // "a < b" is text; a lone "<" at the very end is a cut tag.
            Some(_) => {
                i = start + 1;
                continue;
            }
            None => {
                return Some(format!(
                    "the file ends inside a tag that starts at byte {start}"
                ))
            }
        }
        let Some(end) = tag_end(bytes, start + 1) else {
            return Some(format!(
                "the file ends inside a tag that starts at byte {start}"
            ));
        };
        let closing = rest[1] == b'/';
        let name = tag_name(&bytes[start + 1 + usize::from(closing)..end]);
        i = end + 1;
        match name.as_str() {
            "body" => body.see(closing),
            "html" => root.see(closing),
            raw if !closing && RAW_TEXT.contains(&raw) => match closing_tag(bytes, i, raw) {
                Some(close) => i = close,
                None => return Some(format!("the file ends inside <{raw}>")),
            },
            _ => {}
        }
    }
    if body.unclosed() {
        return Some("<body> is opened but never closed".to_string());
    }
    if root.unclosed() {
        return Some("<html> is opened but never closed".to_string());
    }
    None
}

/// Whether an element was opened and closed explicitly.
#[derive(Default)]
struct Balance {
    opened: bool,
    closed: bool,
}

impl Balance {
    fn see(&mut self, closing: bool) {
        if closing {
            self.closed = true;
        } else {
            self.opened = true;
        }
    }

    fn unclosed(&self) -> bool {
        self.opened && !self.closed
    }
}

/// The offset of the `>` that ends a tag whose content starts at `from`, skipping quoted
/// attribute values (which may hold `>`).
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut after_equals = false;
    let mut k = from;
    while let Some(&c) = bytes.get(k) {
        match c {
            b'>' => return Some(k),
            b'=' => after_equals = true,
            b'"' | b'\'' if after_equals => {
                k += 1 + memchr::memchr(c, bytes.get(k + 1..)?)?;
                after_equals = false;
            }
            c if c.is_ascii_whitespace() => {}
            _ => after_equals = false,
        }
        k += 1;
    }
    None
}

fn tag_name(tag: &[u8]) -> String {
    let name: Vec<u8> = tag
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric() || **c == b'-')
        .map(u8::to_ascii_lowercase)
        .collect();
    String::from_utf8_lossy(&name).into_owned()
}

/// The offset of the `</name` that closes a raw-text element whose content starts at `from`.
fn closing_tag(bytes: &[u8], from: usize, name: &str) -> Option<usize> {
    let mut i = from;
    loop {
        let at = i + memmem::find(bytes.get(i..)?, b"</")?;
        let after = at + 2 + name.len();
        let matches = bytes
            .get(at + 2..after)
            .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name.as_bytes()));
        let ends = matches!(bytes.get(after), Some(b'>' | b'/') | None)
            || bytes.get(after).is_some_and(u8::is_ascii_whitespace);
        if matches && ends {
            return Some(at);
        }
        i = at + 2;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_pages_pass() {
        for page in [
            "<p>Kyiv</p>",
            "<!DOCTYPE html><html><body><p title=\"a>b\">x</p></body></html>\n",
            "<html><body><script>if (a<b && c>d) { s = '</p>'; }</script></body></html>",
            "<p>a < b, 3 <4</p><!-- note <p> -->",
            "Just text, no tags",
        ] {
            assert_eq!(truncation(page), None, "{page}");
        }
    }

    #[test]
    fn cut_pages_are_caught() {
        let cases = [
            (
                "<p>Kyiv</p><a href=\"/x",
                "the file ends inside a tag that starts at byte 11",
            ),
            (
                "<p>Kyiv</p><",
                "the file ends inside a tag that starts at byte 11",
            ),
            (
                "<p>Kyiv</p><!-- note",
                "the file ends inside a comment that starts at byte 11",
            ),
            ("<script>var a = 1;", "the file ends inside <script>"),
            (
                "<html><body><p>Kyiv</p>",
                "<body> is opened but never closed",
            ),
            (
                "<html><body><p>Kyiv</p></body>",
                "<html> is opened but never closed",
            ),
        ];
        for (page, reason) in cases {
            assert_eq!(truncation(page).as_deref(), Some(reason), "{page}");
        }
    }
}
