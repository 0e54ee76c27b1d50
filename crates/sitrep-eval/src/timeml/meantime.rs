//! MEANTIME (NewsReader, English Wikinews): its own XML, with tokens and markables that point
//! at them, read into the same [`TimeMlDoc`] as TimeML so the same scorer applies.

use std::collections::HashMap;
use std::path::Path;

use quick_xml::events::Event;
use quick_xml::Reader;
use sitrep_doc::{Published, Span};

use super::{attr, GoldTimex, TimeMlDoc, TimeMlError};

/// Reads every `.xml` file of a MEANTIME folder (and its sub-folders), in path order: the
/// documents read, and the errors of those that could not be (two English MEANTIME files
/// have no creation time). Only a folder that cannot be listed is an error.
pub fn read_meantime_dir(dir: &Path) -> Result<(Vec<TimeMlDoc>, Vec<TimeMlError>), TimeMlError> {
    let mut paths = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d).map_err(|source| TimeMlError::Io {
            path: d.clone(),
            source,
        })?;
        for entry in entries.filter_map(Result::ok) {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "xml") {
                paths.push(p);
            }
        }
    }
    paths.sort();
    let (mut docs, mut errors) = (Vec::new(), Vec::new());
    for p in &paths {
        let read = std::fs::read_to_string(p).map_err(|source| TimeMlError::Io {
            path: p.clone(),
            source,
        });
        match read.and_then(|xml| parse_meantime(p, &xml)) {
            Ok(doc) => docs.push(doc),
            Err(e) => errors.push(e),
        }
    }
    Ok((docs, errors))
}

/// Parses a MEANTIME (NewsReader) document: `<token t_id sentence>` elements, and `TIMEX3`
/// markables that point at tokens with `<token_anchor t_id>`. MEANTIME keeps no spacing, so
/// the text is the tokens joined by spaces, one sentence a line; the creation time is the
/// `TIMEX3` with `functionInDocument="CREATION_TIME"`. Timexes without tokens (implicit
/// ones) are not scored; the creation time's own mention in the dateline is. MEANTIME
/// annotates only the first sentences of each article, so the text ends with the last
/// sentence that has any annotation.
pub fn parse_meantime(path: impl AsRef<Path>, xml: &str) -> Result<TimeMlDoc, TimeMlError> {
    let path = path.as_ref();
    let mut reader = Reader::from_str(xml);
    let mut text = String::new();
    let mut tokens: HashMap<String, Span> = HashMap::new();
    let mut current: Option<String> = None;
    let mut sentence: Option<String> = None;
    let mut timex: Option<(String, String, bool, Vec<String>)> = None;
    let (mut dct_value, mut timexes) = (None, Vec::new());
    let mut anchored: Vec<(Vec<String>, String, String)> = Vec::new();
    // Token → sentence, sentence → end offset, and the last sentence any markable touches.
    let mut token_sentence: HashMap<String, String> = Default::default();
    let mut sentence_end: HashMap<String, usize> = Default::default();
    let mut last_annotated: Option<(usize, String)> = None;
    loop {
        let event = reader.read_event().map_err(|e| TimeMlError::Xml {
            path: path.to_path_buf(),
            position: reader.buffer_position(),
            reason: e.to_string(),
        })?;
        match event {
            Event::Start(e) if e.name().as_ref() == b"token" => {
                let s = attr(&e, b"sentence");
                if !text.is_empty() {
                    text.push(if s != sentence { '\n' } else { ' ' });
                }
                sentence = s;
                current = attr(&e, b"t_id");
                tokens.insert(
                    current.clone().unwrap_or_default(),
                    Span::new(text.len(), text.len()),
                );
            }
            Event::Text(t) if current.is_some() => {
                text.push_str(&t.decode().unwrap_or_default());
            }
            Event::GeneralRef(r) if current.is_some() => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c,
                    _ => match r.as_ref() {
                        b"lt" => '<',
                        b"gt" => '>',
                        b"quot" => '"',
                        b"apos" => '\'',
                        _ => '&',
                    },
                };
                text.push(c);
            }
            Event::End(e) if e.name().as_ref() == b"token" => {
                if let Some(id) = current.take() {
                    if let Some(span) = tokens.get_mut(&id) {
                        *span = Span::new(span.start, text.len());
                    }
                    let s = sentence.clone().unwrap_or_default();
                    sentence_end.insert(s.clone(), text.len());
                    token_sentence.insert(id, s);
                }
            }
            Event::Start(e) if e.name().as_ref() == b"TIMEX3" => {
                let dct = attr(&e, b"functionInDocument").as_deref() == Some("CREATION_TIME");
                let value = attr(&e, b"value").unwrap_or_default();
                if dct {
                    dct_value = Some(value.clone());
                }
                timex = Some((
                    attr(&e, b"type").unwrap_or_default(),
                    value,
                    dct,
                    Vec::new(),
                ));
            }
            Event::Empty(e) if e.name().as_ref() == b"token_anchor" => {
                let id = attr(&e, b"t_id").unwrap_or_default();
                if let Some(s) = token_sentence.get(&id) {
                    let end = sentence_end.get(s).copied().unwrap_or(0);
                    if last_annotated.as_ref().is_none_or(|(e, _)| end > *e) {
                        last_annotated = Some((end, s.clone()));
                    }
                }
                if let Some(t) = timex.as_mut() {
                    t.3.push(id);
                }
            }
            Event::End(e) if e.name().as_ref() == b"TIMEX3" => {
                if let Some((kind, value, _, ids)) = timex.take() {
                    anchored.push((ids, kind, value));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    for (ids, kind, value) in anchored {
        let spans: Vec<Span> = ids
            .iter()
            .filter_map(|id| tokens.get(id).copied())
            .collect();
        let (Some(first), Some(last)) = (
            spans.iter().map(|s| s.start).min(),
            spans.iter().map(|s| s.end).max(),
        ) else {
            continue;
        };
        timexes.push(GoldTimex {
            span: Span::new(first, last),
            kind,
            value,
            modifier: None,
        });
    }
    timexes.sort_by_key(|t| t.span);
    if let Some((end, _)) = last_annotated {
        text.truncate(end);
    }
    let value = dct_value.ok_or_else(|| TimeMlError::NoDct {
        path: path.to_path_buf(),
    })?;
    let dct = value
        .get(..10)
        .and_then(|d| d.parse::<Published>().ok())
        .ok_or_else(|| TimeMlError::BadDct {
            path: path.to_path_buf(),
            value: value.clone(),
        })?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Ok(TimeMlDoc {
        id,
        dct,
        text,
        timexes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_meantime_tokens_and_anchors() {
        let xml = r#"<Document doc_id="1"><token t_id="1" sentence="0">Sales</token>
<token t_id="2" sentence="0">rose</token><token t_id="3" sentence="1">June</token>
<token t_id="4" sentence="1">13</token><Markables>
<TIMEX3 m_id="9" type="DATE" value="2005-06-13" functionInDocument="CREATION_TIME">
<token_anchor t_id="3"/><token_anchor t_id="4"/></TIMEX3>
<TIMEX3 m_id="10" type="DATE" value="2005" functionInDocument="NONE"/></Markables></Document>"#;
        let doc = parse_meantime("m.xml", xml).unwrap();
        assert_eq!(doc.text, "Sales rose\nJune 13");
        assert_eq!(doc.timexes.len(), 1);
        assert_eq!(doc.timexes[0].span.slice(&doc.text), "June 13");
        assert_eq!(doc.dct.to_string(), "2005-06-13");
    }
}
