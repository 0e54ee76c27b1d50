//! Reading a source: open it, settle its format, and hand it to the reader for that format.

use std::iter;

use sitrep_doc::Document;

use crate::{decode, html, json, jsonl, Format, InputError, Options, Source};

/// Reads one source as a stream of documents, one `Result` per article: a text or HTML file
/// gives one, a JSON file one per object, a JSON lines file one per non-blank line, read as
/// it is consumed. An input that cannot be read at all gives a single error.
pub fn read(
    source: &Source,
    options: &Options,
) -> Box<dyn Iterator<Item = Result<Document, InputError>> + Send> {
    match open_and_read(source, options) {
        Ok(documents) => documents,
        Err(err) => Box::new(iter::once(Err(err))),
    }
}

fn open_and_read(
    source: &Source,
    options: &Options,
) -> Result<Box<dyn Iterator<Item = Result<Document, InputError>> + Send>, InputError> {
    read_opened(decode::open(&source.path)?, source, options)
}

/// Reads an opened input; apart from the opening, stdin and files are read the same way.
fn read_opened(
    opened: decode::Opened,
    source: &Source,
    options: &Options,
) -> Result<Box<dyn Iterator<Item = Result<Document, InputError>> + Send>, InputError> {
    let path = source.path.as_path();
    let format = source.format.unwrap_or_else(|| Format::sniff(&opened.head));
    if format == Format::JsonLines {
        return Ok(jsonl::read(opened, path, options));
    }
    let text = decode::read_whole(opened, path, options.max_bytes)?;
    let id = source.stem();
    Ok(match format {
        Format::Text => Box::new(iter::once(Ok(Document::new(
            text,
            options.defaults.meta(id),
        )))),
        Format::Html => Box::new(iter::once(html::document(
            &text,
            path,
            options.defaults.meta(id),
        ))),
        Format::Json | Format::JsonLines => {
            Box::new(json::documents(&text, path, &options.defaults).into_iter())
        }
    })
}

#[cfg(test)]
#[cfg(test)]
mod tests {
    use super::*;
    use std::path::{Path, PathBuf};

    use crate::test_files::TempDir;
    use crate::{file_size, MetaDefaults};

    #[test]
    fn plain_text_is_kept_exactly_with_defaults_and_stem_id() {
        let dir = TempDir::new("plain");
        let text = "KYIV, Aug 18 (Reuters) -  Ukraine's troops\r\n\n\tadvanced.  \n";
        let path = dir.write("kursk.txt", text.as_bytes());
        let options = Options {
            defaults: MetaDefaults {
                title: Some("Kursk".into()),
                source: Some("Reuters".into()),
                published: Some("2024-08-18".parse().unwrap()),
                ..MetaDefaults::default()
            },
            ..Options::default()
        };
        let docs: Vec<_> = read(&Source::new(&path), &options).collect();
        assert_eq!(docs.len(), 1);
        let doc = docs[0].as_ref().unwrap();
        assert_eq!(doc.text, text);
        assert_eq!(doc.meta.id.as_deref(), Some("kursk"));
        assert_eq!(doc.meta.title.as_deref(), Some("Kursk"));
        assert_eq!(doc.meta.source.as_deref(), Some("Reuters"));
        assert_eq!(doc.meta.published.unwrap().to_string(), "2024-08-18");
    }

    #[test]
    fn a_bom_is_removed_from_plain_text() {
        let dir = TempDir::new("bom");
        let path = dir.write("a.md", b"\xEF\xBB\xBF# Kursk\n");
        let doc = read(&Source::new(&path), &Options::default())
            .next()
            .unwrap();
        assert_eq!(doc.unwrap().text, "# Kursk\n");
    }

    #[test]
    fn unknown_extensions_are_sniffed() {
        let dir = TempDir::new("sniff");
        let html = dir.write(
            "page.dat",
            b"<html><body><p>Kyiv &amp; Kursk</p></body></html>",
        );
        let jsonl = dir.write("rows.dat", b"{\"text\": \"a\"}\n{\"text\": \"b\"}\n");
        let text = dir.write("notes", b"Kyiv said.");
        let texts = |path: &Path| -> Vec<String> {
            read(&Source::new(path), &Options::default())
                .map(|doc| doc.unwrap().text)
                .collect()
        };
        assert_eq!(texts(&html), ["Kyiv & Kursk"]);
        assert_eq!(texts(&jsonl), ["a", "b"]);
        assert_eq!(texts(&text), ["Kyiv said."]);
    }

    #[test]
    fn an_explicit_format_overrides_the_extension() {
        let dir = TempDir::new("override");
        let path = dir.write("page.txt", b"<p>Kyiv</p>");
        let source = Source {
            format: Some(Format::Html),
            ..Source::new(&path)
        };
        let doc = read(&source, &Options::default()).next().unwrap().unwrap();
        assert_eq!(doc.text, "Kyiv");
    }

    #[test]
    fn a_nonexistent_path_is_an_io_error() {
        let dir = TempDir::new("missing");
        let source = Source::new(dir.path().join("missing.txt"));
        let results: Vec<_> = read(&source, &Options::default()).collect();
        assert_eq!(results.len(), 1);
        let err = results[0].as_ref().unwrap_err();
        assert!(matches!(err, InputError::Io { .. }), "{err:?}");
        let message = err.to_string();
        assert!(message.contains("missing.txt: cannot read: "), "{message}");
        assert_eq!(file_size(&source), None);
    }

    #[test]
    fn a_directory_read_as_a_file_is_an_io_error() {
        let dir = TempDir::new("dir-as-file");
        let source = Source {
            path: dir.path().to_path_buf(),
            format: Some(Format::Text),
        };
        let err = read(&source, &Options::default())
            .next()
            .unwrap()
            .unwrap_err();
        assert!(matches!(err, InputError::Io { .. }), "{err:?}");
    }

    #[test]
    fn invalid_utf8_names_byte_and_line() {
        let dir = TempDir::new("utf8");
        let path = dir.write("notes.txt", b"line one\nline two\nCaf\xE9\n");
        let err = read(&Source::new(&path), &Options::default())
            .next()
            .unwrap()
            .unwrap_err();
        assert!(
            matches!(
                err,
                InputError::InvalidUtf8 {
                    line: 3,
                    byte: 21,
                    ..
                }
            ),
            "{err:?}"
        );
        assert!(err
            .to_string()
            .ends_with("notes.txt: invalid UTF-8 at byte 21 (line 3)"));
    }

    #[test]
    fn zero_bytes_and_whitespace_only_are_empty() {
        let dir = TempDir::new("empty");
        for (name, bytes) in [
            ("a.txt", &b""[..]),
            ("b.html", b" \n\t\r\n"),
            ("c.json", b"\n"),
        ] {
            let path = dir.write(name, bytes);
            let err = read(&Source::new(&path), &Options::default())
                .next()
                .unwrap()
                .unwrap_err();
            assert!(
                matches!(err, InputError::Empty { line: None, .. }),
                "{name}: {err:?}"
            );
            assert!(
                err.to_string().ends_with(&format!("{name}: empty")),
                "{err}"
            );
        }
    }

    #[test]
    fn nul_bytes_mean_a_binary_file() {
        let dir = TempDir::new("binary");
        let path = dir.write("image.txt", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        let err = read(&Source::new(&path), &Options::default())
            .next()
            .unwrap()
            .unwrap_err();
        assert!(matches!(err, InputError::Binary { .. }), "{err:?}");
        assert!(err.to_string().ends_with("image.txt: binary file"));
        let jsonl = dir.write("image.jsonl", b"{\"text\": \"a\"}\n\0\0");
        let results: Vec<_> = read(&Source::new(&jsonl), &Options::default()).collect();
        assert!(
            matches!(results[..], [Err(InputError::Binary { .. })]),
            "{results:?}"
        );
    }

    #[test]
    fn files_over_the_limit_name_size_and_limit() {
        let dir = TempDir::new("large");
        let path = dir.write("big.html", &[b'a'; 100]);
        let options = Options {
            max_bytes: 64,
            ..Options::default()
        };
        assert_eq!(file_size(&Source::new(&path)), Some(100));
        let err = read(&Source::new(&path), &options)
            .next()
            .unwrap()
            .unwrap_err();
        assert!(matches!(
            err,
            InputError::TooLarge {
                size: Some(100),
                limit: 64,
                line: None,
                ..
            }
        ));
        let message = err.to_string();
        assert!(message.ends_with("big.html: file of 100 bytes exceeds the limit of 64 bytes"));
    }

    /// Reads bytes as stdin would be read: no known size, format sniffed unless given.
    fn read_as_stdin(bytes: &[u8], options: &Options) -> Vec<Result<Document, InputError>> {
        let reader = Box::new(std::io::Cursor::new(bytes.to_vec()));
        let opened = decode::Opened::new(reader, None).unwrap();
        match read_opened(opened, &Source::stdin(), options) {
            Ok(documents) => documents.collect(),
            Err(err) => vec![Err(err)],
        }
    }

    #[test]
    fn stdin_is_sniffed_and_read_fully_or_streamed() {
        let options = Options::default();
        let docs = read_as_stdin(b"Kyiv said.\n", &options);
        let doc = docs[0].as_ref().unwrap();
        assert_eq!(
            (doc.text.as_str(), doc.meta.id.as_deref()),
            ("Kyiv said.\n", Some("stdin"))
        );
        let docs = read_as_stdin(b"<p>Kyiv</p>", &options);
        assert_eq!(docs[0].as_ref().unwrap().text, "Kyiv");
        let docs = read_as_stdin(b"{\"text\": \"a\"}\nnope\n{\"text\": \"b\"}", &options);
        let ids: Vec<_> = docs
            .iter()
            .map(|d| d.as_ref().ok().and_then(|d| d.meta.id.clone()))
            .collect();
        assert_eq!(ids, [Some("stdin:1".into()), None, Some("stdin:3".into())]);
        let message = docs[1].as_ref().unwrap_err().to_string();
        assert_eq!(
            message,
            "<stdin>:2: malformed JSON: expected ident at column 2"
        );
        let docs = read_as_stdin(b"[{\"text\": \"a\"}, {\"text\": \"b\"}]", &options);
        assert_eq!(docs.len(), 2);
    }

    #[test]
    fn stdin_over_the_limit_is_too_large_without_a_size() {
        let options = Options {
            max_bytes: 10,
            ..Options::default()
        };
        let docs = read_as_stdin(&[b'a'; 20_000], &options);
        let err = docs[0].as_ref().unwrap_err();
        assert!(
            matches!(
                err,
                InputError::TooLarge {
                    size: None,
                    limit: 10,
                    ..
                }
            ),
            "{err:?}"
        );
        assert_eq!(
            err.to_string(),
            "<stdin>: input exceeds the limit of 10 bytes"
        );
    }

    #[test]
    fn stdin_is_named_in_messages_and_ids() {
        assert_eq!(Source::stdin().stem(), "stdin");
        assert!(Source::new("-").is_stdin());
        assert_eq!(Source::new("-").format, None);
        assert_eq!(file_size(&Source::stdin()), None);
        let err = InputError::Empty {
            path: PathBuf::from("-"),
            line: Some(3),
        };
        assert_eq!(err.to_string(), "<stdin>:3: empty");
    }
}
