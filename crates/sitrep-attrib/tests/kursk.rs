//! End-to-end attribution on the canonical example, `../shared/examples/kursk.txt` (read from
//! `$SITREP_SHARED` or `<workspace>/../shared`; the tests print SKIPPED without it).

mod util;

use sitrep_doc::layers::{QuoteKind, Stance};
use sitrep_doc::Document;

fn kursk() -> Option<Document> {
    let Some(shared) = util::shared() else {
        println!("SKIPPED: no shared folder (set SITREP_SHARED)");
        return None;
    };
    let text = std::fs::read_to_string(shared.join("examples/kursk.txt")).ok()?;
    Some(util::attribute(&text))
}

/// (speaker mention, speaker entity, cue) of the quote that starts with `opening`.
fn quote_of<'d>(
    doc: &'d Document,
    opening: &str,
) -> (Option<&'d str>, Option<&'d str>, Option<&'d str>) {
    let q = doc
        .quotes
        .iter()
        .find(|q| doc.slice(q.span).starts_with(opening))
        .unwrap_or_else(|| panic!("no quote opening with {opening:?}"));
    (
        q.speaker.map(|s| doc.slice(s)),
        q.speaker_entity.as_deref(),
        q.cue.map(|s| doc.slice(s)),
    )
}

#[test]
fn every_quote_has_its_speaker() {
    let Some(doc) = kursk() else { return };
    let expected = [
        ("“shift the war", "He", "Volodymyr Zelensky", "admitted"),
        ("“The war has come", "one woman", "one woman", "told"),
        (
            "“to enter into fair",
            "Mikhail Podoliak",
            "Mikhail Podoliak",
            "according to",
        ),
        (
            "“Russia’s ability",
            "Theodore Kahn",
            "Theodore Kahn",
            "told",
        ),
        (
            "“After all, Russia",
            "Serhii Kuzan",
            "Serhii Kuzan",
            "acknowledged",
        ),
        (
            "“But what negotiations",
            "the Russian president",
            "Vladimir Putin",
            "asked",
        ),
        (
            "“neither the Ukrainian",
            "Belarusian President Alexander Lukashenko",
            "Alexander Lukashenko",
            "calling",
        ),
        (
            "“Let’s sit down",
            "Lukashenko",
            "Alexander Lukashenko",
            "said",
        ),
        (
            "“Ukrainians and Russians",
            "Lukashenko",
            "Alexander Lukashenko",
            "accusing",
        ),
        (
            "“Our morale has been bad",
            "Olena Mikula",
            "Olena Mikula",
            "told",
        ),
        (
            "“The Ukrainians may",
            "the New York daily",
            "The New York Times",
            "wrote",
        ),
        (
            "“Ukraine’s substantial",
            "the Institute for the Study of War (ISW)",
            "Institute for the Study of War",
            "wrote",
        ),
    ];
    for (opening, speaker, entity, cue) in expected {
        assert_eq!(
            quote_of(&doc, opening),
            (Some(speaker), Some(entity), Some(cue)),
            "{opening}"
        );
    }
    let speech = doc
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Speech)
        .count();
    assert_eq!(speech, expected.len());
}

#[test]
fn scare_quotes_have_no_speaker() {
    let Some(doc) = kursk() else { return };
    let scare: Vec<&str> = doc
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Scare)
        .map(|q| doc.slice(q.span))
        .collect();
    assert_eq!(scare, ["“occupy”", "“persuade”", "“trial by fire”"]);
    assert!(doc
        .quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Scare)
        .all(|q| q.speaker.is_none()));
}

#[test]
fn descriptions_and_addressees() {
    let Some(doc) = kursk() else { return };
    let q = |opening: &str| {
        doc.quotes
            .iter()
            .find(|q| doc.slice(q.span).starts_with(opening))
            .unwrap()
    };
    let kahn = q("“Russia’s ability");
    assert_eq!(
        doc.slice(kahn.speaker_description.unwrap()),
        "associate director at Control Risks"
    );
    assert_eq!(doc.slice(kahn.addressee.unwrap()), "this newspaper");
    let mikula = q("“Our morale has been bad");
    assert_eq!(
        doc.slice(mikula.speaker_description.unwrap()),
        "a resident of Lviv"
    );
    assert_eq!(doc.slice(mikula.addressee.unwrap()), "Efe");
    assert_eq!(
        doc.slice(q("“The war has come").addressee.unwrap()),
        "reporters"
    );
    assert_eq!(
        doc.slice(q("“After all").addressee.unwrap()),
        "The New York Times"
    );
}

#[test]
fn claims_of_authorities_and_reports() {
    let Some(doc) = kursk() else { return };
    let claim = |source: &str| {
        doc.claims
            .iter()
            .find(|c| c.source_entity.as_deref() == Some(source))
            .unwrap_or_else(|| panic!("no claim of {source}"))
    };
    let authorities = claim("Russian authorities");
    assert_eq!(
        doc.slice(authorities.span),
        "at least 100,000 people have already died during this time"
    );
    assert_eq!(doc.slice(authorities.cue.unwrap()), "According to");
    assert_eq!(authorities.stance, Some(Stance::Claim));
    let reports = claim("Ukrainian reports");
    assert_eq!(
        doc.slice(reports.span),
        "to control more than 1,000 square kilometres of territory and some 82 Russian towns"
    );
    assert_eq!(doc.slice(reports.cue.unwrap()), "claim");
    let admitted = claim("Volodymyr Zelensky");
    assert_eq!(doc.slice(admitted.source.unwrap()), "He");
    assert_eq!(admitted.stance, Some(Stance::Admit));
    assert!(claim("Russian military bloggers").span.len() > 50);
    assert!(claim("Lucian Kim").span.len() > 10);
    // The writer's own sentences are nobody's claim.
    assert!(!doc
        .claims
        .iter()
        .any(|c| doc.slice(c.span).contains("This is a huge gamble")));
}

#[test]
fn the_mikula_quote_is_linked_to_its_other_translation() {
    let Some(doc) = kursk() else { return };
    let link = doc
        .repeats
        .iter()
        .find(|r| doc.slice(r.first).starts_with("“Our morale has been bad"))
        .expect("the two wordings are linked");
    assert!(doc
        .slice(link.second)
        .starts_with("Our morale got worse last year."));
    assert!(!link.second_is_quote);
    assert!(link.similarity > 0.7, "{}", link.similarity);
    assert_eq!(doc.repeats.len(), 1);
}

#[test]
#[ignore]
fn dump_stdin_file() {
    // DUMP=/path/to/file cargo test -p sitrep-attrib --test kursk dump -- --ignored --nocapture
    let path = std::env::var("DUMP").expect("set DUMP to a text file");
    let text = std::fs::read_to_string(path).expect("readable file");
    util::dump(&util::attribute(&text));
}
