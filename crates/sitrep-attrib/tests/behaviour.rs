//! Attribution on small fixtures: the patterns, broken quotation marks, size, and offsets.

mod util;

use sitrep_attrib::Attributor;
use sitrep_doc::layers::{Entity, EntityLabel, QuoteKind, Stance};
use sitrep_doc::{Document, Meta, Span, Stage};

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
fn a_quote_that_opens_the_sentence_is_the_content_despite_an_adjunct() {
    let doc = util::attribute(
        "Melanie Hill left the clinic in May.\n\n\
         “It never crossed my mind that I’m losing it,” she said several months after her \
         release, and a big reason was the campaign.",
    );
    assert_eq!(doc.quotes.len(), 1);
    let q = &doc.quotes[0];
    assert_eq!(doc.slice(q.speaker.unwrap()), "she");
    assert_eq!(doc.slice(q.cue.unwrap()), "said");
    // The adjunct after the cue is no reported clause.
    assert!(doc
        .claims
        .iter()
        .all(|c| !doc.slice(c.span).starts_with("several")));
}

#[test]
fn a_quote_signed_with_a_dash_is_its_signers() {
    let doc = util::attribute(
        "Readers answered.\n\n“He represents our greatest shame.” ― Sonya Herridge\n\
         “Maybe we can build a wall around him.” — Steve Quinlan\n\n\
         “Not a quote signed by anyone.” ― and then the text goes on in lower case.",
    );
    let got: Vec<(&str, Option<&str>)> = doc
        .quotes
        .iter()
        .map(|q| (doc.slice(q.span), q.speaker.map(|s| doc.slice(s))))
        .collect();
    assert_eq!(
        got,
        [
            (
                "“He represents our greatest shame.”",
                Some("Sonya Herridge")
            ),
            (
                "“Maybe we can build a wall around him.”",
                Some("Steve Quinlan")
            ),
            ("“Not a quote signed by anyone.”", None),
        ]
    );
}

#[test]
fn a_transcript_speaker_in_capitals_is_a_source_when_the_article_names_them() {
    let text = "Mike Pence spoke to Chris Wallace.\n\nPENCE: Gennifer Flowers will not attend.\n\n\
                ANALYSIS: The debate is on Monday.";
    let mut doc = Document::new(text, Meta::default());
    sitrep_text::TextProcessor::new().annotate(&mut doc);
    doc.entities.push(Entity {
        span: Span::new(0, "Mike Pence".len()),
        label: EntityLabel::Person,
    });
    Attributor::new().annotate(&mut doc);
    let got: Vec<(&str, &str)> = doc
        .claims
        .iter()
        .map(|c| (doc.slice(c.source.unwrap()), doc.slice(c.span)))
        .collect();
    assert_eq!(got, [("PENCE", "Gennifer Flowers will not attend")]);
}

#[test]
fn verbs_of_support_and_publication_take_a_noun_phrase() {
    assert_eq!(
        one("The Dallas Morning News backed Clinton for the first time."),
        (
            "Clinton for the first time".into(),
            "Dallas Morning News".into(),
            "backed".into(),
            Stance::Assert
        )
    );
}

#[test]
fn an_object_before_an_infinitive_is_the_addressee() {
    let (content, source, cue, stance) = one("Trump urged voters to back him in November.");
    assert_eq!(
        (content.as_str(), source.as_str(), cue.as_str(), stance),
        ("to back him in November", "Trump", "urged", Stance::Demand)
    );
}

#[test]
fn a_reported_clause_after_a_parenthetical() {
    let (content, source, ..) =
        one("Mr. Trump said, among other things, that Amazon has a huge antitrust problem.");
    assert_eq!(content, "Amazon has a huge antitrust problem");
    assert_eq!(source, "Trump");
}

#[test]
fn title_case_headlines_and_section_labels() {
    let (content, source, cue, _) = one("Ben Carson Slams Hillary And The Media");
    assert_eq!(
        (content.as_str(), source.as_str(), cue.as_str()),
        ("Hillary And The Media", "Ben Carson", "Slams")
    );
    // A section label before a colon is nobody's statement.
    assert!(claims("The Latest: Sanders wins Minnesota caucuses").is_empty());
}

#[test]
fn a_pronoun_keeps_to_the_gender_it_was_resolved_with() {
    let doc = util::attribute(
        "Beth Van Schaack said the report was damning. She added she did not think Vladimir \
         Putin would travel if he feared an arrest. “He is reckless,” she said.",
    );
    let quote = &doc.quotes[0];
    assert_eq!(quote.speaker_entity.as_deref(), Some("Beth Van Schaack"));
}

#[test]
fn a_headline_in_capitals_is_no_person() {
    let doc = util::attribute(
        "OTHERS ADDED TO RUSSIA\n\nRussia plans to expand the list. “We will answer,” he said.",
    );
    for c in &doc.claims {
        assert_ne!(c.source_entity.as_deref(), Some("OTHERS ADDED TO RUSSIA"));
    }
    // No person is named, so the pronoun stays as written.
    assert_eq!(doc.quotes[0].speaker_entity.as_deref(), Some("he"));
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

/// Size is handled, not timed here: `cargo bench -p sitrep-attrib` measures 1,000 against
/// 10,000 quotes.
#[test]
fn ten_thousand_quotes_all_get_their_speaker() {
    let unit = "“We will hold the line,” the commander said. ";
    let doc = util::attribute(&unit.repeat(10_000));
    assert_eq!(doc.quotes.len(), 10_000);
    assert!(doc
        .quotes
        .iter()
        .all(|q| q.kind == QuoteKind::Speech && q.speaker.is_some()));
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
