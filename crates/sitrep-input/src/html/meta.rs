//! Metadata an HTML page declares about itself.

use std::path::Path;

use scraper::{ElementRef, Html};
use sitrep_doc::Published;

use crate::record::language_code;
use crate::InputError;

/// `<meta>` names and properties that hold the publication date, in order of preference.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "date",
    "pubdate",
    "publishdate",
    "dc.date",
];

/// What a page says about itself.
#[derive(Debug, Default)]
pub(super) struct PageMeta {
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
    pub language: Option<String>,
    /// Publication date candidates as written, best first.
    dates: Vec<String>,
}

impl PageMeta {
    /// The first date candidate that parses; an error naming the first candidate if there are
    /// candidates and none parses.
    pub fn published(&self, path: &Path) -> Result<Option<Published>, InputError> {
        let mut first_error = None;
        for date in &self.dates {
            match date.parse::<Published>() {
                Ok(published) => return Ok(Some(published)),
                Err(err) => {
                    first_error.get_or_insert((date, err));
                }
            }
        }
        match first_error {
            Some((date, err)) => Err(InputError::bad_date(path, None, date, err)),
            None => Ok(None),
        }
    }
}

/// Collects the page's metadata in one pass over its elements.
pub(super) fn page_meta(html: &Html) -> PageMeta {
    let root = html.root_element();
    let mut metas: Vec<(String, String)> = Vec::new();
    let (mut title_tag, mut h1, mut canonical, mut time, mut item_date) =
        (None, None, None, None, None);
    for element in root.descendent_elements() {
        let value = element.value();
        match value.name() {
            "meta" => {
                let key = value
                    .attr("property")
                    .or_else(|| value.attr("name"))
                    .or_else(|| value.attr("itemprop"));
                if let (Some(key), Some(content)) = (key, value.attr("content")) {
                    metas.push((key.trim().to_ascii_lowercase(), content.to_string()));
                }
            }
            "title" if title_tag.is_none() => title_tag = Some(collapsed_text(element)),
            "h1" if h1.is_none() => h1 = Some(collapsed_text(element)),
            "time" if time.is_none() => time = value.attr("datetime").map(str::to_string),
            "link" if canonical.is_none() => {
                let rel = value.attr("rel").unwrap_or_default();
                if rel
                    .split_ascii_whitespace()
                    .any(|r| r.eq_ignore_ascii_case("canonical"))
                {
                    canonical = value.attr("href").map(str::to_string);
                }
            }
            _ => {}
        }
        if item_date.is_none()
            && value.name() != "meta"
            && value
                .attr("itemprop")
                .is_some_and(|prop| prop.eq_ignore_ascii_case("datePublished"))
        {
            item_date = value
                .attr("content")
                .or_else(|| value.attr("datetime"))
                .map(str::to_string);
        }
    }
    let meta = |key: &str| {
        metas
            .iter()
            .find(|(k, content)| k == key && !content.trim().is_empty())
            .map(|(_, content)| content.trim().to_string())
    };
    let mut dates: Vec<String> = DATE_KEYS.iter().filter_map(|key| meta(key)).collect();
    dates.extend(meta("datepublished"));
    dates.extend(item_date);
    dates.extend(time);
    dates.retain(|date| !date.trim().is_empty());
    PageMeta {
        title: meta("og:title")
            .map(|title| collapse(&title))
            .or(title_tag)
            .or(h1)
            .filter(|title| !title.is_empty()),
        url: meta("og:url")
            .or(canonical)
            .filter(|url| !url.trim().is_empty()),
        source: meta("og:site_name").or_else(|| meta("application-name")),
        language: root
            .value()
            .attr("lang")
            .filter(|lang| !lang.trim().is_empty())
            .map(language_code),
        dates,
    }
}

/// An element's text with runs of whitespace made one space, as a browser shows a title.
fn collapsed_text(element: ElementRef<'_>) -> String {
    collapse(&element.text().collect::<String>())
}

fn collapse(text: &str) -> String {
    text.split_ascii_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(html: &str) -> PageMeta {
        page_meta(&Html::parse_document(html))
    }

    #[test]
    fn the_title_falls_back_from_og_title_to_title_to_h1() {
        let og = r#"<meta property="og:title" content=" A "><title>B</title><h1>C</h1>"#;
        assert_eq!(meta(og).title.as_deref(), Some("A"));
        assert_eq!(
            meta("<title>\n  B\n  b </title><h1>C</h1>")
                .title
                .as_deref(),
            Some("B b")
        );
        assert_eq!(
            meta("<h1>C <i>c</i></h1><h1>D</h1>").title.as_deref(),
            Some("C c")
        );
        assert_eq!(meta("<p>x</p>").title, None);
    }

    #[test]
    fn dates_come_in_order_of_preference() {
        let page = r#"<time datetime="2024-08-01">1 Aug</time>
            <meta name="DC.date" content="2024-08-02">
            <meta property="og:published_time" content="2024-08-03">"#;
        let page = meta(page);
        assert_eq!(page.dates, ["2024-08-03", "2024-08-02", "2024-08-01"]);
        let published = page.published(Path::new("p.html")).unwrap().unwrap();
        assert_eq!(published.to_string(), "2024-08-03");
        let item = meta(r#"<span itemprop="datePublished" content="2024-08-04">4 Aug</span>"#);
        assert_eq!(item.dates, ["2024-08-04"]);
    }

    #[test]
    fn a_bad_first_date_gives_way_to_a_good_one() {
        let page = meta(r#"<meta name="pubdate" content="soon"><time datetime="2024-08-01">"#);
        let published = page.published(Path::new("p.html")).unwrap().unwrap();
        assert_eq!(published.to_string(), "2024-08-01");
    }

    #[test]
    fn source_url_and_language() {
        let page = meta(
            r#"<html lang="uk"><link rel="alternate canonical" href="https://e.org/a">
               <meta name="application-name" content="Ukrinform">"#,
        );
        assert_eq!(page.url.as_deref(), Some("https://e.org/a"));
        assert_eq!(page.source.as_deref(), Some("Ukrinform"));
        assert_eq!(page.language.as_deref(), Some("uk"));
        let og = meta(
            r#"<meta property="og:site_name" content="Efe"><meta property="og:url" content="u">
               <link rel="canonical" href="c">"#,
        );
        assert_eq!(og.source.as_deref(), Some("Efe"));
        assert_eq!(og.url.as_deref(), Some("u"));
    }
}
