//! One JSON article record to a document: the field names of the common news datasets
//! (NewsAPI, news-please, GDELT, Common Crawl news, Hugging Face dumps) mapped onto [`Meta`].

use std::path::Path;

use jiff::tz::Offset;
use jiff::Timestamp;
use serde_json::{Map, Number, Value};
use sitrep_doc::{Document, Meta, Published};

use crate::{InputError, MetaDefaults};

/// Field names read as the document id; a number is written as a string.
pub const ID_FIELDS: &[&str] = &["id", "_id", "doc_id", "article_id", "uuid"];
/// Field names read as the article's URL.
pub const URL_FIELDS: &[&str] = &["url", "link", "source_url", "uri"];
/// Field names read as the headline.
pub const TITLE_FIELDS: &[&str] = &["title", "headline"];
/// Field names read as the publisher; an object (NewsAPI's `{"id": …, "name": …}`) gives its
/// `name`.
pub const SOURCE_FIELDS: &[&str] = &[
    "source",
    "publisher",
    "source_name",
    "site_name",
    "outlet",
    "domain",
];
/// Field names read as the publication date: a string in a form [`Published`] parses, or a
/// number (Unix seconds or milliseconds, or a GDELT `20240818` / `20240818093000`).
pub const PUBLISHED_FIELDS: &[&str] = &[
    "published",
    "date",
    "published_at",
    "publishedAt",
    "pubDate",
    "date_publish",
    "datetime",
    "seendate",
    "timestamp",
];
/// Field names read as the article text; a record needs one of them.
pub const TEXT_FIELDS: &[&str] = &[
    "text",
    "content",
    "body",
    "maintext",
    "article",
    "full_text",
];
/// Field names read as the language.
pub const LANGUAGE_FIELDS: &[&str] = &["language", "lang"];

/// Every [`Meta`] field (and `text`) with the record field names read for it, in order of
/// preference: the first one present and not `null` is taken.
pub const FIELD_ALIASES: &[(&str, &[&str])] = &[
    ("id", ID_FIELDS),
    ("url", URL_FIELDS),
    ("title", TITLE_FIELDS),
    ("source", SOURCE_FIELDS),
    ("published", PUBLISHED_FIELDS),
    ("text", TEXT_FIELDS),
    ("language", LANGUAGE_FIELDS),
];

/// Where a record is, for its errors and its fallback id.
pub(crate) struct Location<'a> {
    pub path: &'a Path,
    /// The 1-based line where the record starts.
    pub line: u64,
    /// The id when the record has none (`kursk:12`).
    pub fallback_id: String,
}

/// Builds a document from one parsed record. The record's fields win over the defaults.
pub(crate) fn document(
    value: Value,
    at: Location<'_>,
    defaults: &MetaDefaults,
) -> Result<Document, InputError> {
    let mut record = match value {
        Value::Object(record) => record,
        other => {
            return Err(InputError::NotAnObject {
                path: at.path.to_path_buf(),
                line: at.line,
                found: kind(&other),
            })
        }
    };
    let text = text(&mut record, &at)?;
    let published = match take(&mut record, PUBLISHED_FIELDS) {
        Some((field, value)) => published(field, &value, &at)?,
        None => None,
    };
    let meta = Meta {
        id: Some(id(&mut record, &at)?.unwrap_or(at.fallback_id.clone())),
        title: string(&mut record, TITLE_FIELDS, &at)?.or_else(|| defaults.title.clone()),
        url: string(&mut record, URL_FIELDS, &at)?.or_else(|| defaults.url.clone()),
        source: source(&mut record, &at)?.or_else(|| defaults.source.clone()),
        published: published.or(defaults.published),
        language: string(&mut record, LANGUAGE_FIELDS, &at)?
            .map(|lang| language_code(&lang))
            .or_else(|| defaults.language.clone()),
    };
    Ok(Document::new(text, meta))
}

/// Removes and returns the first of `fields` that is present and not `null`.
fn take(record: &mut Map<String, Value>, fields: &[&'static str]) -> Option<(&'static str, Value)> {
    fields.iter().find_map(|&field| match record.remove(field) {
        None | Some(Value::Null) => None,
        Some(value) => Some((field, value)),
    })
}

fn text(record: &mut Map<String, Value>, at: &Location<'_>) -> Result<String, InputError> {
    match take(record, TEXT_FIELDS) {
        Some((_, Value::String(text))) if text.trim().is_empty() => Err(InputError::Empty {
            path: at.path.to_path_buf(),
            line: Some(at.line),
        }),
        Some((_, Value::String(text))) => Ok(text),
        Some((field, other)) => Err(wrong_type(at, field, "a string", &other)),
        None => Err(InputError::MissingText {
            path: at.path.to_path_buf(),
            line: at.line,
        }),
    }
}

/// Ids are strings or numbers; MongoDB exports write `{"$oid": "…"}`.
fn id(record: &mut Map<String, Value>, at: &Location<'_>) -> Result<Option<String>, InputError> {
    match take(record, ID_FIELDS) {
        None => Ok(None),
        Some((_, Value::String(id))) => Ok(non_blank(id)),
        Some((_, Value::Number(id))) => Ok(Some(id.to_string())),
        Some((_, Value::Object(object))) if object.get("$oid").is_some_and(Value::is_string) => {
            Ok(object
                .get("$oid")
                .and_then(Value::as_str)
                .map(str::to_string))
        }
        Some((field, other)) => Err(wrong_type(at, field, "a string or a number", &other)),
    }
}

fn string(
    record: &mut Map<String, Value>,
    fields: &[&'static str],
    at: &Location<'_>,
) -> Result<Option<String>, InputError> {
    match take(record, fields) {
        None => Ok(None),
        Some((_, Value::String(value))) => Ok(non_blank(value)),
        Some((field, other)) => Err(wrong_type(at, field, "a string", &other)),
    }
}

/// A string, or an object with a `name` (NewsAPI's `{"id": "bbc-news", "name": "BBC News"}`).
fn source(
    record: &mut Map<String, Value>,
    at: &Location<'_>,
) -> Result<Option<String>, InputError> {
    match take(record, SOURCE_FIELDS) {
        None => Ok(None),
        Some((_, Value::String(source))) => Ok(non_blank(source)),
        Some((field, Value::Object(mut object))) => match object.remove("name") {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(name)) => Ok(non_blank(name)),
            Some(other) => Err(wrong_type(at, &format!("{field}.name"), "a string", &other)),
        },
        Some((field, other)) => Err(wrong_type(
            at,
            field,
            "a string or an object with a name",
            &other,
        )),
    }
}

fn published(
    field: &str,
    value: &Value,
    at: &Location<'_>,
) -> Result<Option<Published>, InputError> {
    let bad = |value: &str, err| InputError::bad_date(at.path, Some(at.line), value, err);
    match value {
        Value::String(date) if date.trim().is_empty() => Ok(None),
        Value::String(date) => date.parse().map(Some).map_err(|err| bad(date, err)),
        Value::Number(number) => match from_number(number) {
            Some(date) => Ok(Some(date)),
            None => Err(InputError::BadDate {
                path: at.path.to_path_buf(),
                line: Some(at.line),
                value: number.to_string(),
                reason: "not a Unix time in seconds or milliseconds, nor a date as 20240818"
                    .to_string(),
            }),
        },
        other => Err(wrong_type(at, field, "a date string or a number", other)),
    }
}

/// GDELT writes dates as numbers (`20240818`, `20240818093000`); feeds and APIs write Unix
/// time, in seconds or (JavaScript) milliseconds. Eight and fourteen digits are never a
/// plausible Unix time for news, so they are read as dates first.
fn from_number(number: &Number) -> Option<Published> {
    let n = match number.as_i64() {
        Some(n) => n,
        None => number.as_f64().filter(|f| f.is_finite())?.trunc() as i64,
    };
    if n > 0 && matches!(n.to_string().len(), 8 | 14) {
        if let Ok(date) = n.to_string().parse::<Published>() {
            return Some(date);
        }
    }
    let timestamp = if n.unsigned_abs() >= 100_000_000_000 {
        Timestamp::from_millisecond(n).ok()?
    } else {
        Timestamp::from_second(n).ok()?
    };
    let utc = Offset::UTC.to_datetime(timestamp);
    Some(Published {
        date: utc.date(),
        time: Some(utc.time()),
        offset: Some(Offset::UTC),
    })
}

/// [`Meta::language`] holds an ISO 639 code: `en-GB` and `pt_BR` become `en` and `pt`; a value
/// that is not a tag (`English`) is kept as written.
pub(crate) fn language_code(lang: &str) -> String {
    let lang = lang.trim();
    let primary = lang.split(['-', '_']).next().unwrap_or(lang);
    if (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic()) {
        primary.to_ascii_lowercase()
    } else {
        lang.to_string()
    }
}

/// An empty metadata field says nothing, so the caller's default may fill it.
fn non_blank(value: String) -> Option<String> {
    (!value.trim().is_empty()).then_some(value)
}

fn wrong_type(at: &Location<'_>, field: &str, expected: &'static str, found: &Value) -> InputError {
    InputError::WrongType {
        path: at.path.to_path_buf(),
        line: at.line,
        field: field.to_string(),
        expected,
        found: kind(found),
    }
}

/// The JSON type of a value, as a message names it.
pub(crate) fn kind(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn at() -> Location<'static> {
        Location {
            path: Path::new("data.jsonl"),
            line: 4,
            fallback_id: "data:4".to_string(),
        }
    }

    fn doc(value: Value) -> Result<Document, InputError> {
        document(value, at(), &MetaDefaults::default())
    }

    #[test]
    fn every_alias_is_read() {
        for &(meta, fields) in FIELD_ALIASES {
            for &field in fields {
                let value = match meta {
                    "published" => json!("2024-08-18"),
                    "language" => json!("uk"),
                    _ => json!("X"),
                };
                let mut record = if meta == "text" {
                    json!({})
                } else {
                    json!({ "text": "Kyiv" })
                };
                record[field] = value;
                let doc = doc(record).unwrap_or_else(|err| panic!("{field}: {err}"));
                let m = &doc.meta;
                let got = match meta {
                    "id" => m.id.clone(),
                    "url" => m.url.clone(),
                    "title" => m.title.clone(),
                    "source" => m.source.clone(),
                    "published" => m.published.map(|p| p.to_string()),
                    "text" => Some(doc.text.clone()),
                    "language" => m.language.clone(),
                    _ => unreachable!("{meta}"),
                };
                let want = match meta {
                    "published" => "2024-08-18",
                    "language" => "uk",
                    _ => "X",
                };
                assert_eq!(got.as_deref(), Some(want), "{field}");
            }
        }
    }

    #[test]
    fn record_fields_win_and_defaults_fill_the_rest() {
        let defaults = MetaDefaults {
            title: Some("Default".into()),
            source: Some("Reuters".into()),
            published: Some("2020-01-01".parse().unwrap()),
            url: Some("https://example.org".into()),
            language: Some("en".into()),
        };
        let record = json!({"text": "Kyiv", "headline": "Kursk", "date": "", "url": null});
        let doc = document(record, at(), &defaults).unwrap();
        assert_eq!(doc.meta.id.as_deref(), Some("data:4"));
        assert_eq!(doc.meta.title.as_deref(), Some("Kursk"));
        assert_eq!(doc.meta.source.as_deref(), Some("Reuters"));
        assert_eq!(doc.meta.published.unwrap().to_string(), "2020-01-01");
        assert_eq!(doc.meta.url.as_deref(), Some("https://example.org"));
        assert_eq!(doc.meta.language.as_deref(), Some("en"));
    }

    #[test]
    fn ids_sources_and_dates_in_other_shapes() {
        let doc = doc(json!({
            "_id": {"$oid": "66c1"}, "content": "Kyiv", "lang": "en-GB",
            "source": {"id": null, "name": "BBC News"}, "seendate": "20240818T093000Z",
        }))
        .unwrap();
        assert_eq!(doc.meta.id.as_deref(), Some("66c1"));
        assert_eq!(doc.meta.source.as_deref(), Some("BBC News"));
        assert_eq!(doc.meta.language.as_deref(), Some("en"));
        assert_eq!(
            doc.meta.published.unwrap().to_string(),
            "2024-08-18T09:30:00Z"
        );
        let date = |value: Value| {
            let doc = super::tests::doc(json!({"text": "a", "timestamp": value})).unwrap();
            doc.meta.published.unwrap().to_string()
        };
        assert_eq!(date(json!(1723973400)), "2024-08-18T09:30:00Z");
        assert_eq!(date(json!(1723973400000_i64)), "2024-08-18T09:30:00Z");
        assert_eq!(date(json!(20240818)), "2024-08-18");
        assert_eq!(date(json!(20240818093000_i64)), "2024-08-18T09:30:00");
        assert_eq!(doc_id(json!(12345)), "12345");
    }

    fn doc_id(id: Value) -> String {
        doc(json!({"text": "a", "article_id": id}))
            .unwrap()
            .meta
            .id
            .unwrap()
    }

    #[test]
    fn a_record_without_text_names_the_accepted_fields() {
        let err = doc(json!({"title": "Kursk", "description": "…"})).unwrap_err();
        assert!(matches!(err, InputError::MissingText { line: 4, .. }));
        assert_eq!(
            err.to_string(),
            "data.jsonl:4: no text field (expected one of: text, content, body, maintext, \
             article, full_text)"
        );
    }

    #[test]
    fn a_text_that_is_not_a_string_is_refused() {
        let err = doc(json!({"body": ["Kyiv", "said"]})).unwrap_err();
        assert_eq!(
            err.to_string(),
            "data.jsonl:4: field \"body\" is an array, expected a string"
        );
        let err = doc(json!({"text": "a", "title": 3})).unwrap_err();
        assert!(matches!(err, InputError::WrongType { .. }), "{err:?}");
    }

    #[test]
    fn a_blank_text_is_empty() {
        let err = doc(json!({"text": " \n"})).unwrap_err();
        assert_eq!(err.to_string(), "data.jsonl:4: empty");
    }

    #[test]
    fn a_bad_date_makes_the_record_an_error() {
        let err = doc(json!({"text": "a", "pubDate": "yesterday"})).unwrap_err();
        assert!(
            matches!(&err, InputError::BadDate { value, line: Some(4), .. } if value == "yesterday")
        );
        let message = err.to_string();
        assert!(
            message
                .starts_with("data.jsonl:4: bad publication date \"yesterday\": expected ISO 8601"),
            "{message}"
        );
        let err = doc(json!({"text": "a", "date": true})).unwrap_err();
        assert!(matches!(err, InputError::WrongType { .. }), "{err:?}");
    }

    #[test]
    fn a_value_that_is_not_an_object_is_refused() {
        let err = doc(json!([1, 2])).unwrap_err();
        assert_eq!(
            err.to_string(),
            "data.jsonl:4: expected a JSON object, found an array"
        );
    }
}
