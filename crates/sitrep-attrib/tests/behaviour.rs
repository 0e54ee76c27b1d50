//! Attribution on small fixtures: the patterns, broken quotation marks, size, and offsets.

mod util;

use std::time::Instant;

use sitrep_attrib::Attributor;
use sitrep_doc::layers::{QuoteKind, Stance};
use sitrep_doc::{Document, Meta, Stage};

/// A claim as (content, source entity, cue, stance).
type ClaimParts = (String, Option<String>, Option<String>, Option<Stance>);

fn claims(text: &str) -> Vec<ClaimParts> {
    let doc = util::attribute(text);
    doc.claims
        .iter()
        .map(|c| {
            (
                doc.slice(c.span).to_string(),
                c.source_entity.clone(),
                c.cue.map(|s| doc.slice(s).to_string()),
                c.stance,
            )
        })
        .collect()
}

fn one(text: &str) -> (String, String, String, Stance) {
    let mut all = claims(text);
    assert_eq!(all.len(), 1, "{all:?}");
    let (content, source, cue, stance) = all.remove(0);
    (
        content,
        source.unwrap_or_default(),
        cue.unwrap_or_default(),
        stance.unwrap(),
    )
}

#[test]
fn indirect_speech_patterns() {
    assert_eq!(
        one("According to Russian authorities, 12 civilians were injured."),
        (
            "12 civilians were injured".into(),
            "Russian authorities".into(),
            "According to".into(),
            Stance::Claim
        )
    );
    assert_eq!(
        one("Twelve civilians were injured on Sunday, according to the regional governor."),
        (
            "Twelve civilians were injured on Sunday".into(),
            "the regional governor".into(),
            "according to".into(),
            Stance::Claim
        )
    );
    assert_eq!(
        one("The ministry said that the bridge was destroyed."),
        (
            "the bridge was destroyed".into(),
            "The ministry".into(),
            "said".into(),
            Stance::Assert
        )
    );
    assert_eq!(
        one("Moscow denied that its troops had crossed the border."),
        (
            "its troops had crossed the border".into(),
            "Moscow".into(),
            "denied".into(),
            Stance::Deny
        )
    );
    assert_eq!(
        one("The president insists that peace is only possible after a withdrawal."),
        (
            "peace is only possible after a withdrawal".into(),
            "The president".into(),
            "insists".into(),
            Stance::Claim
        )
    );
    assert_eq!(
        one("Officials warned that more strikes would follow."),
        (
            "more strikes would follow".into(),
            "Officials".into(),
            "warned".into(),
            Stance::Warn
        )
    );
}

#[test]
fn writer_sentences_stay_unattributed() {
    assert!(
        claims("This is a huge gamble, as troops are needed in the east. The front is long.")
            .is_empty()
    );
}

#[test]
fn direct_quote_frames() {
    let doc = util::attribute(
        "Olena Mikula, a resident of Lviv, told Efe: “We are tired.”\n\n\
         “We will win,” said Volodymyr Zelensky. “Soon.”\n\n\
         Belarusian President Alexander Lukashenko spoke on Friday. “Enough,” the president said.",
    );
    let got: Vec<(&str, Option<&str>)> = doc
        .quotes
        .iter()
        .map(|q| (doc.slice(q.span), q.speaker_entity.as_deref()))
        .collect();
    assert_eq!(
        got,
        [
            ("“We are tired.”", Some("Olena Mikula")),
            ("“We will win,”", Some("Volodymyr Zelensky")),
            ("“Soon.”", Some("Volodymyr Zelensky")),
            ("“Enough,”", Some("Alexander Lukashenko")),
        ]
    );
    assert_eq!(doc.slice(doc.quotes[0].addressee.unwrap()), "Efe");
    assert_eq!(
        doc.slice(doc.quotes[0].speaker_description.unwrap()),
        "a resident of Lviv"
    );
}

#[test]
fn quote_reopened_at_each_paragraph_keeps_its_speaker() {
    let doc = util::attribute(
        "“The first part runs on,” Theodore Kahn said. “And it does not close here.\n\n“It reopens in the next paragraph.”",
    );
    assert_eq!(doc.quotes.len(), 3);
    assert!(doc.quotes[1].span.end < doc.quotes[2].span.start);
    assert!(doc
        .quotes
        .iter()
        .all(|q| q.speaker_entity.as_deref() == Some("Theodore Kahn")));
}

#[test]
fn broken_quotation_marks_do_not_panic() {
    for text in [
        "”",
        "“",
        "He said “never closed and the text ends",
        "A ” stray closing mark, then “a real one,” he said.",
        "“One “two” three” four",
        "\"\"\"\"",
        "'' `` ‘‘ ’’ « » „",
        "",
        "   \n\n  ",
    ] {
        let doc = util::attribute(text);
        for q in &doc.quotes {
            assert!(q.span.end <= doc.text.len());
            let _ = doc.slice(q.span);
        }
    }
    // A document the text stage has not seen: nothing to attribute, no panic.
    let mut bare = Document::new("“No tokens,” he said.", Meta::default());
    Attributor::new().annotate(&mut bare);
    assert!(bare.quotes.is_empty());
}

#[test]
fn ten_thousand_quotes_in_linear_time() {
    let unit = "“We will hold the line,” the commander said. ";
    let small = unit.repeat(1_000);
    let large = unit.repeat(10_000);
    let time = |text: &str| {
        let start = Instant::now();
        let doc = util::attribute(text);
        (start.elapsed(), doc)
    };
    let (t_small, d_small) = time(&small);
    let (t_large, d_large) = time(&large);
    assert_eq!(d_small.quotes.len(), 1_000);
    assert_eq!(d_large.quotes.len(), 10_000);
    assert!(d_large
        .quotes
        .iter()
        .all(|q| q.kind == QuoteKind::Speech && q.speaker.is_some()));
    // Ten times the text, well under a hundred times the time.
    assert!(
        t_large < t_small * 30 + std::time::Duration::from_millis(200),
        "{t_small:?} for 1,000 quotes, {t_large:?} for 10,000"
    );
}

#[test]
fn spans_shift_with_a_prefix() {
    let text = "“Enough,” said Alexander Lukashenko. According to Kyiv, ten drones were downed.";
    let base = util::attribute(text);
    let prefix = "Прелюдия. ";
    let shifted = util::attribute(&format!("{prefix}{text}"));
    let n = prefix.len();
    assert_eq!(base.quotes.len(), shifted.quotes.len());
    for (a, b) in base.quotes.iter().zip(&shifted.quotes) {
        assert_eq!(
            (a.span.start + n, a.span.end + n),
            (b.span.start, b.span.end)
        );
        assert_eq!(a.speaker.map(|s| s.start + n), b.speaker.map(|s| s.start));
    }
    for (a, b) in base.claims.iter().zip(&shifted.claims) {
        assert_eq!(
            (a.span.start + n, a.span.end + n),
            (b.span.start, b.span.end)
        );
    }
}

#[test]
fn figures_take_the_source_of_their_claim() {
    let mut doc = Document::new(
        "According to Russian authorities, 12 civilians were injured. Kyiv reported 40 civilians were injured.",
        Meta::default(),
    );
    sitrep_text::TextProcessor::new().annotate(&mut doc);
    for (text, value) in [("12 civilians", 12.0), ("40 civilians", 40.0)] {
        let start = doc.text.find(text).unwrap();
        doc.figures.push(sitrep_doc::layers::Figure {
            span: sitrep_doc::Span::new(start, start + text.len()),
            value: Some(value),
            counted: Some("civilians".into()),
            ..Default::default()
        });
    }
    Attributor::new().annotate(&mut doc);
    let sourced: Vec<(&str, Option<&str>)> = doc
        .claims
        .iter()
        .flat_map(|c| {
            c.figures
                .iter()
                .map(move |f| (f, c.source_entity.as_deref()))
        })
        .map(|(f, s)| (doc.slice(*f), s))
        .collect();
    assert_eq!(
        sourced,
        [
            ("12 civilians", Some("Russian authorities")),
            ("40 civilians", Some("Kyiv"))
        ]
    );
    assert_eq!(doc.conflicts.len(), 1);
    assert_eq!(doc.conflicts[0].counted, "civilians");
}
