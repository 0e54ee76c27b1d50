//! MEANTIME (NewsReader, English Wikinews) entity annotation read as gold named mentions.
//!
//! A MEANTIME file holds `<token t_id sentence>` elements and, under `<Markables>`,
//! `ENTITY_MENTION`s that list their tokens with `<token_anchor t_id>` and carry a
//! `syntactic_type` (NAM, PRE.NAM, NOM, PRO, APP, CONJ, …) and sometimes a `head` string.
//! A mention's type is on the `ENTITY` instance it refers to (`ent_type` PER, ORG, LOC, PRO,
//! FIN, MIX), linked by `REFERS_TO` relations (`source` mention → `target` instance).
//!
//! **Text.** MEANTIME keeps no raw text or offsets, so the text is rebuilt as
//! [`crate::timeml::parse_meantime`] does: tokens joined by a space, one sentence a line, and
//! cut after the last sentence that any markable touches (MEANTIME annotates only the title,
//! the dateline and the first sentences of each article). Timex and entity scores thus run
//! on the same text.
//!
//! **Named mentions.** Kept: `syntactic_type` NAM or PRE.NAM (a name used as a pre-modifier,
//! "*Apple* stores") referring to a typed `ENTITY`. MEANTIME mentions span the whole noun
//! phrase ("the much-anticipated iPhone", "Spokeswoman Sandy Angers"), CoNLL chunks only the
//! name, so the span is cut to the name: the `head` attribute when it spells a run of the
//! mention's tokens, else [`name_tokens`]. Mentions with no or an empty `syntactic_type`
//! (about half of the Airbus sub-corpus), and names without an entity type, become
//! [`GoldMentions::ignored`] stretches.
//!
//! **Types.** PER → PER, ORG → ORG, LOC → LOC; PRO (products), FIN (financial), MIX and any
//! other → MISC.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use sitrep_doc::Span;

use crate::entity_mentions::{one_per_span, EntityMention, GoldMentions, MentionsError};

/// Reads every `.xml` file under `dir` (recursively), sorted by path.
pub fn read_dir(dir: &Path) -> Result<Vec<GoldMentions>, MentionsError> {
    let mut paths = Vec::new();
    collect(dir, &mut paths)?;
    paths.sort();
    paths
        .iter()
        .map(|p| {
            let xml = std::fs::read_to_string(p).map_err(|source| MentionsError::Io {
                path: p.clone(),
                source,
            })?;
            parse(p, &xml)
        })
        .collect()
}

fn collect(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), MentionsError> {
    let io = |source| MentionsError::Io {
        path: dir.to_path_buf(),
        source,
    };
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let p = entry.map_err(io)?.path();
        if p.is_dir() {
            collect(&p, out)?;
        } else if p.extension().is_some_and(|x| x == "xml") {
            out.push(p);
        }
    }
    Ok(())
}

/// The CoNLL type of a MEANTIME `ent_type`.
pub fn conll_type(ent_type: &str) -> &'static str {
    match ent_type {
        "PER" => "PER",
        "ORG" => "ORG",
        "LOC" => "LOC",
        _ => "MISC",
    }
}

/// An `ENTITY_MENTION` as read: id, syntactic type, head string, token ids.
struct RawMention {
    id: String,
    syntactic_type: Option<String>,
    head: String,
    tokens: Vec<String>,
}

/// What one pass over the XML collects.
#[derive(Default)]
struct Parsed {
    text: String,
    /// Token id → (span, sentence id).
    tokens: HashMap<String, (Span, String)>,
    /// Sentence id → end byte.
    sentence_end: HashMap<String, usize>,
    /// End byte of the last sentence any markable touches.
    annotated_end: usize,
    mentions: Vec<RawMention>,
    /// `ENTITY` m_id → ent_type.
    entities: HashMap<String, String>,
    /// Mention m_id → the instances it refers to, in file order.
    refers_to: HashMap<String, Vec<String>>,
}

/// Parses one MEANTIME document; `path` names it in errors and gives its id (file stem).
pub fn parse(path: &Path, xml: &str) -> Result<GoldMentions, MentionsError> {
    let p = read_xml(path, xml)?;
    let mut kept: Vec<(EntityMention, usize)> = Vec::new();
    let mut ignored = Vec::new();
    for m in &p.mentions {
        let spans: Vec<(Span, &str)> = m
            .tokens
            .iter()
            .filter_map(|t| p.tokens.get(t))
            .filter(|(s, _)| s.end <= p.annotated_end)
            .map(|(s, _)| (*s, &p.text[s.range()]))
            .collect();
        let (Some(first), Some(last)) = (spans.first(), spans.last()) else {
            continue;
        };
        let extent = first.0.cover(last.0);
        let named = matches!(m.syntactic_type.as_deref(), Some("NAM" | "PRE.NAM"));
        let unclassified = m.syntactic_type.as_deref().is_none_or(str::is_empty);
        let ent_type = p
            .refers_to
            .get(&m.id)
            .and_then(|ts| ts.iter().find_map(|t| p.entities.get(t)));
        match (named, unclassified, ent_type) {
            (true, _, Some(ent_type)) => {
                let forms: Vec<&str> = spans.iter().map(|s| s.1).collect();
                let (a, b) = head_tokens(&forms, &m.head).unwrap_or_else(|| name_tokens(&forms));
                if a < b {
                    let span = spans[a].0.cover(spans[b - 1].0);
                    kept.push((EntityMention::new(span, conll_type(ent_type)), extent.len()));
                } else {
                    ignored.push(extent);
                }
            }
            (true, _, None) | (false, true, _) => ignored.push(extent),
            _ => {}
        }
    }
    // Of nested names cut to the same span, the innermost mention's type wins.
    one_per_span(&mut kept);
    ignored.sort();
    ignored.dedup();
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut text = p.text;
    text.truncate(p.annotated_end);
    Ok(GoldMentions {
        id,
        text,
        mentions: kept.into_iter().map(|(m, _)| m).collect(),
        ignored,
    })
}

fn read_xml(path: &Path, xml: &str) -> Result<Parsed, MentionsError> {
    let mut reader = Reader::from_str(xml);
    let mut p = Parsed::default();
    let mut token: Option<(String, String, usize)> = None; // id, sentence, start
    let mut sentence: Option<String> = None;
    let mut mention: Option<RawMention> = None;
    let mut in_refers_to = false;
    let mut sources: Vec<String> = Vec::new();
    loop {
        let event = reader.read_event().map_err(|e| MentionsError::Xml {
            path: path.to_path_buf(),
            position: reader.buffer_position(),
            reason: e.to_string(),
        })?;
        match event {
            Event::Start(e) if e.name().as_ref() == b"token" => {
                let s = attr(&e, b"sentence").unwrap_or_default();
                if !p.text.is_empty() {
                    p.text.push(if sentence.as_ref() != Some(&s) {
                        '\n'
                    } else {
                        ' '
                    });
                }
                sentence = Some(s.clone());
                let id = attr(&e, b"t_id").unwrap_or_default();
                token = Some((id, s, p.text.len()));
            }
            Event::Text(t) if token.is_some() => {
                p.text.push_str(&t.decode().unwrap_or_default());
            }
            Event::GeneralRef(r) if token.is_some() => {
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
                p.text.push(c);
            }
            Event::End(e) if e.name().as_ref() == b"token" => {
                if let Some((id, s, start)) = token.take() {
                    let span = Span::new(start, p.text.len());
                    p.sentence_end.insert(s.clone(), span.end);
                    p.tokens.insert(id, (span, s));
                }
            }
            Event::Start(e) if e.name().as_ref() == b"ENTITY_MENTION" => {
                mention = Some(RawMention {
                    id: attr(&e, b"m_id").unwrap_or_default(),
                    syntactic_type: attr(&e, b"syntactic_type"),
                    head: attr(&e, b"head").unwrap_or_default(),
                    tokens: Vec::new(),
                });
            }
            Event::End(e) if e.name().as_ref() == b"ENTITY_MENTION" => {
                p.mentions.extend(mention.take());
            }
            Event::Empty(e) if e.name().as_ref() == b"token_anchor" => {
                let id = attr(&e, b"t_id").unwrap_or_default();
                let Some((_, s)) = p.tokens.get(&id) else {
                    return Err(MentionsError::Malformed {
                        path: path.to_path_buf(),
                        line: 0,
                        reason: format!("token_anchor t_id={id:?} names no token"),
                    });
                };
                let end = p.sentence_end.get(s).copied().unwrap_or(0);
                p.annotated_end = p.annotated_end.max(end);
                if let Some(m) = mention.as_mut() {
                    m.tokens.push(id);
                }
            }
            Event::Empty(e) if e.name().as_ref() == b"ENTITY" => {
                if let (Some(id), Some(t)) = (attr(&e, b"m_id"), attr(&e, b"ent_type")) {
                    p.entities.insert(id, t);
                }
            }
            Event::Start(e) if e.name().as_ref() == b"REFERS_TO" => {
                in_refers_to = true;
                sources.clear();
            }
            Event::End(e) if e.name().as_ref() == b"REFERS_TO" => in_refers_to = false,
            // Sources precede their target; a few relations hold two source…target groups,
            // so each target takes the sources read since the previous target.
            Event::Empty(e) if in_refers_to && e.name().as_ref() == b"source" => {
                sources.extend(attr(&e, b"m_id"));
            }
            Event::Empty(e) if in_refers_to && e.name().as_ref() == b"target" => {
                let target = attr(&e, b"m_id").unwrap_or_default();
                for s in sources.drain(..) {
                    p.refers_to.entry(s).or_default().push(target.clone());
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(p)
}

fn attr(e: &BytesStart<'_>, name: &[u8]) -> Option<String> {
    let a = e.try_get_attribute(name).ok()??;
    a.unescape_value().ok().map(|v| v.into_owned())
}

/// The token range `[a, b)` of `forms` that spells `head` (whitespace-insensitive), if any.
fn head_tokens(forms: &[&str], head: &str) -> Option<(usize, usize)> {
    let words: Vec<&str> = head.split_whitespace().collect();
    if words.is_empty() || words.len() > forms.len() {
        return None;
    }
    (0..=forms.len() - words.len())
        .find(|&a| forms[a..a + words.len()] == words[..])
        .map(|a| (a, a + words.len()))
}

/// The name inside a mention with no usable `head`, as a token range `[a, b)` of `forms`:
/// the mention is cut before its first separator (`,` `(` `;` `:` `--`, an apposition or a
/// "City, State" pair, which CoNLL splits), and the name is the last run of capitalised
/// tokens (an upper-case letter or a digit) joined only by name-internal words (of, and, &,
/// a spaced hyphen as in "Wal - Mart", for, de, the, …). A leading "The"/"A"/"An" is not capitalised for this purpose, so
/// "Aircraft manufacturer Boeing" → "Boeing", "the United Kingdom 's Royal Air Force" →
/// "Royal Air Force", "the new iOS 4" → "iOS 4". Titles ("Spokeswoman Sandy Angers") stay.
pub fn name_tokens(forms: &[&str]) -> (usize, usize) {
    let cut = forms
        .iter()
        .skip(1)
        .position(|f| matches!(*f, "," | "(" | ";" | ":" | "--" | "-LRB-"))
        .map_or(forms.len(), |i| i + 1);
    let capitalised = |f: &str| {
        !matches!(f, "The" | "A" | "An")
            && f.chars().any(|c| c.is_uppercase() || c.is_ascii_digit())
    };
    let connector = |f: &str| {
        matches!(
            f,
            "of" | "and"
                | "&"
                | "-"
                | "for"
                | "de"
                | "del"
                | "du"
                | "la"
                | "von"
                | "van"
                | "der"
                | "the"
        )
    };
    let mut best = (0, 0);
    let mut i = 0;
    while i < cut {
        if !capitalised(forms[i]) {
            i += 1;
            continue;
        }
        let start = i;
        let mut end = i + 1;
        let mut j = end;
        while j < cut && (capitalised(forms[j]) || connector(forms[j])) {
            j += 1;
            if capitalised(forms[j - 1]) {
                end = j;
            }
        }
        best = (start, end);
        i = j.max(end);
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"<?xml version="1.0" ?><Document doc_id="1" lang="en">
<token number="0" sentence="0" t_id="1">Cisco</token>
<token number="1" sentence="0" t_id="2">sues</token>
<token number="2" sentence="0" t_id="3">Apple</token>
<token number="3" sentence="1" t_id="4">The</token>
<token number="4" sentence="1" t_id="5">new</token>
<token number="5" sentence="1" t_id="6">iPhone</token>
<token number="6" sentence="1" t_id="7">of</token>
<token number="7" sentence="1" t_id="8">Apple</token>
<token number="8" sentence="1" t_id="9">Inc.</token>
<token number="9" sentence="1" t_id="10">is</token>
<token number="10" sentence="1" t_id="11">sold</token>
<token number="11" sentence="1" t_id="12">in</token>
<token number="12" sentence="1" t_id="13">Mobile</token>
<token number="13" sentence="1" t_id="14">,</token>
<token number="14" sentence="1" t_id="15">Alabama</token>
<token number="15" sentence="2" t_id="16">Unannotated</token>
<token number="16" sentence="2" t_id="17">Sentence</token>
<Markables>
<ENTITY_MENTION head="Cisco" m_id="1" syntactic_type="NAM"><token_anchor t_id="1"/></ENTITY_MENTION>
<ENTITY_MENTION head="" m_id="2" syntactic_type="NAM"><token_anchor t_id="3"/></ENTITY_MENTION>
<ENTITY_MENTION head="iPhone" m_id="3" syntactic_type="NAM"><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/></ENTITY_MENTION>
<ENTITY_MENTION head="" m_id="4" syntactic_type="NAM"><token_anchor t_id="8"/><token_anchor t_id="9"/></ENTITY_MENTION>
<ENTITY_MENTION head="" m_id="5" syntactic_type="NAM"><token_anchor t_id="13"/><token_anchor t_id="14"/><token_anchor t_id="15"/></ENTITY_MENTION>
<ENTITY_MENTION head="" m_id="6" syntactic_type=""><token_anchor t_id="4"/><token_anchor t_id="5"/><token_anchor t_id="6"/><token_anchor t_id="7"/><token_anchor t_id="8"/><token_anchor t_id="9"/></ENTITY_MENTION>
<ENTITY_MENTION head="it" m_id="7" syntactic_type="PRO"><token_anchor t_id="10"/></ENTITY_MENTION>
<ENTITY TAG_DESCRIPTOR="Cisco" ent_type="ORG" m_id="20"/>
<ENTITY TAG_DESCRIPTOR="Apple" ent_type="ORG" m_id="21"/>
<ENTITY TAG_DESCRIPTOR="iPhone" ent_type="PRO" m_id="22"/>
<ENTITY TAG_DESCRIPTOR="Mobile" ent_type="LOC" m_id="23"/>
</Markables>
<Relations>
<REFERS_TO r_id="1"><source m_id="1"/><target m_id="20"/></REFERS_TO>
<REFERS_TO r_id="2"><source m_id="2"/><source m_id="4"/><target m_id="21"/><source m_id="3"/><target m_id="22"/></REFERS_TO>
<REFERS_TO r_id="3"><source m_id="5"/><target m_id="23"/></REFERS_TO>
</Relations></Document>"#;

    fn read() -> GoldMentions {
        parse(Path::new("dir/1_Cisco.xml"), DOC).unwrap()
    }

    #[test]
    fn text_is_tokens_by_sentence_cut_after_the_annotated_ones() {
        let d = read();
        assert_eq!(d.id, "1_Cisco");
        assert_eq!(
            d.text,
            "Cisco sues Apple\nThe new iPhone of Apple Inc. is sold in Mobile , Alabama"
        );
    }

    #[test]
    fn named_mentions_cut_to_the_name_and_typed_through_refers_to() {
        let d = read();
        let got: Vec<(&str, &str)> = d
            .mentions
            .iter()
            .map(|m| (&d.text[m.span.range()], m.kind.as_str()))
            .collect();
        assert_eq!(
            got,
            [
                ("Cisco", "ORG"),
                ("Apple", "ORG"),
                ("iPhone", "MISC"),
                ("Apple Inc.", "ORG"),
                ("Mobile", "LOC"),
            ]
        );
        let ignored: Vec<&str> = d.ignored.iter().map(|s| &d.text[s.range()]).collect();
        assert_eq!(ignored, ["The new iPhone of Apple Inc."]);
    }

    #[test]
    fn name_rule() {
        let run = |s: &str| {
            let f: Vec<&str> = s.split(' ').collect();
            let (a, b) = name_tokens(&f);
            f[a..b].join(" ")
        };
        assert_eq!(run("Aircraft manufacturer Boeing"), "Boeing");
        assert_eq!(
            run("the United Kingdom 's Royal Air Force ( RAF"),
            "Royal Air Force"
        );
        assert_eq!(run("the new iOS 4"), "iOS 4");
        assert_eq!(run("The Beatles"), "Beatles");
        assert_eq!(
            run("European Aeronautic Defence and Space Company EADS N.V."),
            "European Aeronautic Defence and Space Company EADS N.V."
        );
        assert_eq!(run("the iPod nano"), "iPod");
        assert_eq!(run("Wal - Mart"), "Wal - Mart");
        assert_eq!(run("the company"), "");
    }

    #[test]
    fn malformed_xml_names_the_file() {
        let err = parse(Path::new("bad.xml"), "<Document><token t_id='1'>x</tok>").unwrap_err();
        assert!(
            err.to_string().starts_with("bad.xml: malformed XML"),
            "{err}"
        );
        let err = parse(
            Path::new("bad.xml"),
            "<Document><ENTITY_MENTION m_id='1'><token_anchor t_id='9'/></ENTITY_MENTION></Document>",
        )
        .unwrap_err();
        assert!(err.to_string().contains("names no token"), "{err}");
    }

    /// Reads the real corpus from `../shared/data` beside the workspace, when it is there.
    #[test]
    fn reads_the_real_corpus() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/data/meantime/intra-doc_annotation");
        if !dir.is_dir() {
            println!("SKIPPED: {} not found", dir.display());
            return;
        }
        let docs = read_dir(&dir).unwrap();
        let mentions: usize = docs.iter().map(|d| d.mentions.len()).sum();
        let ignored: usize = docs.iter().map(|d| d.ignored.len()).sum();
        let mut by_type = std::collections::BTreeMap::new();
        for d in &docs {
            for m in &d.mentions {
                assert!(d
                    .text
                    .get(m.span.range())
                    .is_some_and(|t| !t.trim().is_empty()));
                *by_type.entry(m.kind.as_str()).or_insert(0) += 1;
            }
        }
        println!("meantime: {} documents, {mentions} named mentions {by_type:?}, {ignored} ignored stretches", docs.len());
        if std::env::var_os("DUMP_MENTIONS").is_some() {
            for d in &docs {
                for m in &d.mentions {
                    println!("M\t{}\t{}\t{}", d.id, m.kind, &d.text[m.span.range()]);
                }
                for s in &d.ignored {
                    println!("I\t{}\t{}", d.id, &d.text[s.range()]);
                }
            }
        }
        assert!(docs.len() >= 20, "{} documents", docs.len());
        assert!(mentions >= 10 * docs.len(), "{mentions} mentions");
    }
}
