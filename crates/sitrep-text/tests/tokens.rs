//! The tokenizer and splitter on hand-built cases: what a reader of news expects.

use sitrep_doc::{Document, Meta};
use sitrep_text::TextProcessor;

fn tokens(text: &str) -> Vec<String> {
    let mut doc = Document::new(text, Meta::default());
    TextProcessor::new().annotate(&mut doc);
    doc.tokens
        .iter()
        .map(|t| doc.slice(t.span).to_string())
        .collect()
}

fn sentences(text: &str) -> Vec<String> {
    let mut doc = Document::new(text, Meta::default());
    TextProcessor::new().annotate(&mut doc);
    doc.sentences
        .iter()
        .map(|s| doc.slice(s.span).to_string())
        .collect()
}

#[track_caller]
fn assert_tokens(text: &str, expected: &[&str]) {
    assert_eq!(tokens(text), expected, "tokens of {text:?}");
}

#[test]
fn punctuation_is_split_off() {
    assert_tokens("Kursk, Russia.", &["Kursk", ",", "Russia", "."]);
    assert_tokens("(Efe)", &["(", "Efe", ")"]);
    assert_tokens("\"No!\"", &["\"", "No", "!", "\""]);
    assert_tokens("wait...", &["wait", "..."]);
    assert_tokens(
        "civilians (…), who",
        &["civilians", "(", "…", ")", ",", "who"],
    );
}

#[test]
fn clitics_split_like_the_treebank() {
    assert_tokens("Russia's army", &["Russia", "'s", "army"]);
    assert_tokens("Ukraine’s", &["Ukraine", "’s"]);
    assert_tokens("don't", &["do", "n't"]);
    assert_tokens("can't", &["ca", "n't"]);
    assert_tokens(
        "we'll they're I'm",
        &["we", "'ll", "they", "'re", "I", "'m"],
    );
    assert_tokens("cannot", &["can", "not"]);
    assert_tokens("soldiers' families", &["soldiers", "'", "families"]);
    assert_tokens("O'Brien", &["O'Brien"]);
}

#[test]
fn numbers_stay_whole() {
    assert_tokens("120,000 people", &["120,000", "people"]);
    assert_tokens("2.5 and 1,000.", &["2.5", "and", "1,000", "."]);
    assert_tokens("the 1990s and 20th", &["the", "1990s", "and", "20th"]);
    assert_tokens("$9.1bn", &["$", "9.1bn"]);
    assert_tokens("aged 8–10 years", &["aged", "8", "–", "10", "years"]);
    assert_tokens(
        "overload/create and/or b/c",
        &["overload", "/", "create", "and", "/", "or", "b/c"],
    );
    assert_tokens("Really?! Yes!!", &["Really", "?!", "Yes", "!!"]);
    assert_tokens("don`t", &["do", "n`t"]);
    assert_tokens("50%", &["50", "%"]);
    assert_tokens("at 10:30", &["at", "10:30"]);
    assert_tokens("a 20-year-old", &["a", "20-year-old"]);
    // An apostrophe before two digits shortens a year, but opens a quote before a number.
    assert_tokens("the '90s and '11", &["the", "'90s", "and", "'11"]);
    assert_tokens(
        "‘‘11.6 million left’’",
        &["‘", "‘", "11.6", "million", "left", "’", "’"],
    );
}

#[test]
fn abbreviations_and_initials_keep_their_stop() {
    assert_tokens("the U.S. and U.N.", &["the", "U.S.", "and", "U.N."]);
    assert_tokens("Gen. Syrskyi", &["Gen.", "Syrskyi"]);
    assert_tokens("Jan. 6", &["Jan.", "6"]);
    assert_tokens("Vladimir V. Putin", &["Vladimir", "V.", "Putin"]);
    assert_tokens("e.g. this", &["e.g.", "this"]);
    assert_tokens(
        "Rep. Andy Biggs, R-Ariz., said",
        &["Rep.", "Andy", "Biggs", ",", "R-Ariz.", ",", "said"],
    );
}

#[test]
fn hyphens_dashes_and_glued_words() {
    assert_tokens("pro-Russian separatists", &["pro-Russian", "separatists"]);
    assert_tokens("war--again", &["war", "--", "again"]);
    assert_tokens("war—again", &["war", "—", "again"]);
    assert_tokens("1939–1945", &["1939", "–", "1945"]);
    assert_tokens(
        "injured.Meanwhile, Ukrainian",
        &["injured", ".", "Meanwhile", ",", "Ukrainian"],
    );
    assert_tokens("Kyiv,Moscow", &["Kyiv", ",", "Moscow"]);
}

#[test]
fn web_forms_stay_whole() {
    assert_tokens(
        "See https://example.org/a_(b)?x=1.",
        &["See", "https://example.org/a_(b)?x=1", "."],
    );
    assert_tokens("(www.example.com)", &["(", "www.example.com", ")"]);
    assert_tokens(
        "mail press@example.org,",
        &["mail", "press@example.org", ","],
    );
    assert_tokens(
        "#StandWithUkraine @ZelenskyyUa:",
        &["#StandWithUkraine", "@ZelenskyyUa", ":"],
    );
    assert_tokens("nytimes.com reported", &["nytimes.com", "reported"]);
}

#[test]
fn sentence_ends_at_quotes_that_close_it() {
    assert_eq!(
        sentences("\"It is hard,\" she said. \"We stay.\" Then he left."),
        ["\"It is hard,\" she said.", "\"We stay.\"", "Then he left."]
    );
    assert_eq!(
        sentences("“Can we talk now?” the Russian president asked during a speech."),
        ["“Can we talk now?” the Russian president asked during a speech."]
    );
}

#[test]
fn sentence_splitting_respects_abbreviations_and_decimals() {
    assert_eq!(
        sentences("Gen. M. K. Dorn met U.S. officials. They spoke for 2.5 hours."),
        [
            "Gen. M. K. Dorn met U.S. officials.",
            "They spoke for 2.5 hours."
        ]
    );
    assert_eq!(
        sentences("Troops came from the U.S. The talks failed."),
        ["Troops came from the U.S.", "The talks failed."]
    );
    assert_eq!(
        sentences("Acme Inc. Chief Jane Doe spoke."),
        ["Acme Inc. Chief Jane Doe spoke."]
    );
}

#[test]
fn sentence_splitting_handles_glue_ellipses_and_parentheses() {
    assert_eq!(
        sentences("121 others were injured.Meanwhile, Kyiv advanced."),
        ["121 others were injured.", "Meanwhile, Kyiv advanced."]
    );
    assert_eq!(
        sentences("With people who bomb civilians (…), who seek threats? Nobody."),
        [
            "With people who bomb civilians (…), who seek threats?",
            "Nobody."
        ]
    );
    assert_eq!(
        sentences("He paused... Then he spoke. (This was new.) It ended."),
        [
            "He paused...",
            "Then he spoke.",
            "(This was new.)",
            "It ended."
        ]
    );
}

#[test]
fn blank_lines_are_paragraph_breaks() {
    let text = "A headline without a stop\n\n1. How much will it cost?\n\nThe answer is unclear";
    assert_eq!(
        sentences(text),
        [
            "A headline without a stop",
            "1. How much will it cost?",
            "The answer is unclear"
        ]
    );
    let mut doc = Document::new(text, Meta::default());
    TextProcessor::new().annotate(&mut doc);
    let paragraphs: Vec<usize> = doc.sentences.iter().map(|s| s.paragraph).collect();
    assert_eq!(paragraphs, [0, 1, 2]);
}

#[test]
fn crlf_and_exotic_spaces() {
    assert_eq!(
        sentences("One.\r\n\r\nTwo\u{00A0}words."),
        ["One.", "Two\u{00A0}words."]
    );
    assert_tokens("soft\u{00AD}hyphen", &["soft\u{00AD}hyphen"]);
    assert_tokens("zero\u{200B} width", &["zero", "width"]);
}

#[test]
fn norms_are_normalised() {
    let mut doc = Document::new("“Kyiv’s”—yes…", Meta::default());
    TextProcessor::new().annotate(&mut doc);
    let norms: Vec<&str> = doc.tokens.iter().map(|t| doc.token_norm(t)).collect();
    assert_eq!(norms, ["\"", "Kyiv", "'s", "\"", "--", "yes", "..."]);
}
