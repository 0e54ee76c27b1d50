//! HTML pages: the visible text of the main content and the metadata pages declare in
//! `<meta>` tags (Open Graph, Dublin Core, schema.org), `<title>`, `<time>` and `<html lang>`.
//!
//! What the page says wins over the caller's defaults. The publication date is the first of
//! `article:published_time`, `og:published_time`, `date`, `pubdate`, `publishdate`, `dc.date`,
//! `itemprop="datePublished"` and the first `<time datetime>` that parses; when some are given
//! but none parses, the page is an [`InputError::BadDate`] naming the first.

mod meta;
mod text;
mod truncated;

use std::path::Path;

use scraper::Html;
use sitrep_doc::{Document, Meta};

use crate::InputError;

/// Reads one HTML page; `meta` holds the caller's defaults and the id.
pub(crate) fn document(source: &str, path: &Path, mut meta: Meta) -> Result<Document, InputError> {
    if let Some(reason) = truncated::truncation(source) {
        return Err(InputError::TruncatedHtml {
            path: path.to_path_buf(),
            reason,
        });
    }
    let html = Html::parse_document(source);
    let page = meta::page_meta(&html);
    if let Some(published) = page.published(path)? {
        meta.published = Some(published);
    }
    meta.title = page.title.or(meta.title);
    meta.url = page.url.or(meta.url);
    meta.source = page.source.or(meta.source);
    meta.language = page.language.or(meta.language);
    let text = text::visible_text(&html);
    if text.is_empty() {
        return Err(InputError::Empty {
            path: path.to_path_buf(),
            line: None,
        });
    }
    Ok(Document::new(text, meta))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_files::TempDir;
    use crate::{read, MetaDefaults, Options, Source};

    const PAGE: &str = r#"<!DOCTYPE html>
<html lang="en-GB">
<head>
  <title>Kursk incursion | Example News</title>
  <meta property="og:title" content="Ukraine presses on in Kursk">
  <meta property="og:site_name" content="Example News">
  <meta property="og:url" content="https://example.org/kursk">
  <meta property="article:published_time" content="2024-08-18T09:30:00+02:00">
  <script>var x = "<p>not text</p>";</script>
</head>
<body>
  <header><nav><a href="/">Home</a></nav></header>
  <article>
    <h1>Ukraine presses on</h1>
    <p>KYIV, Aug 18 &mdash; Ukraine&#39;s   troops
       advanced <b>1&nbsp;km</b>, officials said.</p>
    <aside>Read more</aside>
    <p>“We hold 82 settlements,” Syrskyi said.<br>Russia denied it.</p>
  </article>
  <footer>© Example</footer>
</body>
</html>"#;

    #[test]
    fn a_page_gives_its_text_and_metadata() {
        let dir = TempDir::new("html");
        let path = dir.write("kursk.html", PAGE.as_bytes());
        let options = Options {
            defaults: MetaDefaults {
                title: Some("Default title".into()),
                source: Some("Default source".into()),
                ..MetaDefaults::default()
            },
            ..Options::default()
        };
        let doc = read(&Source::new(&path), &options).next().unwrap().unwrap();
        assert_eq!(
            doc.text,
            "Ukraine presses on\n\n\
             KYIV, Aug 18 — Ukraine's troops advanced 1\u{a0}km, officials said.\n\n\
             “We hold 82 settlements,” Syrskyi said.\n\n\
             Russia denied it."
        );
        let meta = &doc.meta;
        assert_eq!(meta.id.as_deref(), Some("kursk"));
        assert_eq!(meta.title.as_deref(), Some("Ukraine presses on in Kursk"));
        assert_eq!(meta.source.as_deref(), Some("Example News"));
        assert_eq!(meta.url.as_deref(), Some("https://example.org/kursk"));
        assert_eq!(meta.language.as_deref(), Some("en"));
        assert_eq!(
            meta.published.unwrap().to_string(),
            "2024-08-18T09:30:00+02:00"
        );
    }

    #[test]
    fn defaults_fill_what_the_page_lacks() {
        let mut defaults = Meta {
            id: Some("p".into()),
            source: Some("Reuters".into()),
            published: Some("2024-01-01".parse().unwrap()),
            ..Meta::default()
        };
        defaults.title = Some("Default".into());
        let doc = document("<p>Kyiv</p>", Path::new("p.html"), defaults).unwrap();
        assert_eq!(doc.text, "Kyiv");
        assert_eq!(doc.meta.title.as_deref(), Some("Default"));
        assert_eq!(doc.meta.source.as_deref(), Some("Reuters"));
        assert_eq!(doc.meta.published.unwrap().to_string(), "2024-01-01");
    }

    #[test]
    fn truncated_html_is_an_error() {
        let dir = TempDir::new("truncated");
        let path = dir.write("cut.html", b"<html><body><p>Kyiv said</p><p class=\"lea");
        let err = read(&Source::new(&path), &Options::default())
            .next()
            .unwrap()
            .unwrap_err();
        assert!(matches!(err, InputError::TruncatedHtml { .. }), "{err:?}");
        let message = err.to_string();
        assert!(
            message.ends_with(
                "cut.html: truncated HTML: the file ends inside a tag that starts at byte 28"
            ),
            "{message}"
        );
    }

    #[test]
    fn a_bad_date_in_the_page_is_an_error() {
        let page = r#"<meta name="date" content="18 Augustus"><p>Kyiv</p>"#;
        let err = document(page, Path::new("p.html"), Meta::default()).unwrap_err();
        let message = err.to_string();
        assert!(
            message.starts_with("p.html: bad publication date \"18 Augustus\": "),
            "{message}"
        );
    }

    #[test]
    fn a_page_without_visible_text_is_empty() {
        let page = "<html><body><script>x()</script><nav>Home</nav></body></html>";
        let err = document(page, Path::new("p.html"), Meta::default()).unwrap_err();
        assert_eq!(err.to_string(), "p.html: empty");
    }
}
