//! JSON files: one article object, an array of them, or (as many `.json` dumps really are)
//! objects one after another. The whole file is in memory, bounded by the size limit.

use std::path::Path;

use serde_json::value::RawValue;
use serde_json::Value;
use sitrep_doc::Document;

use crate::decode::line_of;
use crate::jsonl::malformed;
use crate::record::{self, Location};
use crate::{InputError, MetaDefaults};

/// The documents of a JSON file, one result per article. A syntax error ends the file (the
/// parser cannot find the next value), after the articles before it.
pub(crate) fn documents(
    text: &str,
    path: &Path,
    defaults: &MetaDefaults,
) -> Vec<Result<Document, InputError>> {
    let stem = crate::stem(path);
    let mut values = Vec::new();
    let mut syntax_error = None;
    for value in serde_json::Deserializer::from_str(text).into_iter::<&RawValue>() {
        match value {
            Ok(value) => values.push(value),
            Err(err) => {
                syntax_error = Some(malformed(path, err.line() as u64, &err));
                break;
            }
        }
    }
    let single = values.len() == 1 && syntax_error.is_none();
    let mut lines = Lines::new(text);
    let mut out = Vec::new();
    for raw in values {
        let line = lines.line_of(raw);
        if raw.get().starts_with('[') {
            // A valid array (the stream checked it) always parses as a list of raw values.
            let items: Vec<&RawValue> = serde_json::from_str(raw.get()).unwrap_or_default();
            for (index, item) in items.into_iter().enumerate() {
                let at = Location {
                    path,
                    line: lines.line_of(item),
                    fallback_id: format!("{stem}:{}", index + 1),
                };
                out.push(parse(item, at, defaults));
            }
        } else {
            let fallback_id = if single {
                stem.clone()
            } else {
                format!("{stem}:{line}")
            };
            out.push(parse(
                raw,
                Location {
                    path,
                    line,
                    fallback_id,
                },
                defaults,
            ));
        }
    }
    out.extend(syntax_error.map(Err));
    out
}

fn parse(
    raw: &RawValue,
    at: Location<'_>,
    defaults: &MetaDefaults,
) -> Result<Document, InputError> {
    match serde_json::from_str::<Value>(raw.get()) {
        Ok(value) => record::document(value, at, defaults),
        // Unreachable for text the stream has validated, but an error is the safe answer.
        Err(err) => Err(malformed(at.path, at.line, &err)),
    }
}

/// Line numbers of values borrowed from the text, counted incrementally as values come in
/// text order (a large array is not rescanned from the start for each item).
struct Lines<'a> {
    text: &'a str,
    offset: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    fn new(text: &'a str) -> Lines<'a> {
        Lines {
            text,
            offset: 0,
            line: 1,
        }
    }

    /// The line where `raw` starts; `raw` must be a slice of the text.
    fn line_of(&mut self, raw: &RawValue) -> u64 {
        let start = (raw.get().as_ptr() as usize).saturating_sub(self.text.as_ptr() as usize);
        if start < self.offset {
            return line_of(self.text.as_bytes(), start);
        }
        let between = self
            .text
            .as_bytes()
            .get(self.offset..start)
            .unwrap_or_default();
        self.line += memchr::memchr_iter(b'\n', between).count() as u64;
        self.offset = start;
        self.line
    }
}

#[cfg(test)]
mod tests {
    use crate::test_files::TempDir;
    use crate::{read, Options, Source};

    fn results(bytes: &[u8]) -> Vec<Result<String, String>> {
        let dir = TempDir::new("json");
        let path = dir.write("news.json", bytes);
        read(&Source::new(&path), &Options::default())
            .map(|result| match result {
                Ok(doc) => Ok(format!("{}={}", doc.meta.id.unwrap_or_default(), doc.text)),
                Err(err) => Err(err.to_string().rsplit('/').next().unwrap().to_string()),
            })
            .collect()
    }

    #[test]
    fn one_object_is_one_article_named_after_the_file() {
        let got = results(b"{\n  \"title\": \"Kursk\",\n  \"text\": \"Kyiv said.\"\n}\n");
        assert_eq!(got, [Ok("news=Kyiv said.".to_string())]);
    }

    #[test]
    fn an_array_gives_one_result_per_item_with_its_line() {
        let got = results(
            b"[\n  {\"text\": \"a\"},\n  {\"title\": \"no text\"},\n  3,\n  {\"id\": 9, \"text\": \"b\"}\n]",
        );
        assert_eq!(
            got,
            [
                Ok("news:1=a".to_string()),
                Err(
                    "news.json:3: no text field (expected one of: text, content, body, \
                     maintext, article, full_text)"
                        .to_string()
                ),
                Err("news.json:4: expected a JSON object, found a number".to_string()),
                Ok("9=b".to_string()),
            ]
        );
    }

    #[test]
    fn objects_one_after_another_are_read_like_json_lines() {
        let got = results(b"{\"text\": \"a\"}\n{\"text\": \"b\"}\n");
        assert_eq!(
            got,
            [Ok("news:1=a".to_string()), Ok("news:2=b".to_string())]
        );
    }

    #[test]
    fn a_syntax_error_keeps_what_came_before() {
        let got = results(b"{\"text\": \"a\"}\n{\"text\": \"b\",,}\n");
        assert_eq!(got[0], Ok("news:1=a".to_string()));
        assert_eq!(
            got[1],
            Err("news.json:2: malformed JSON: key must be a string at column 14".to_string())
        );
    }
}
