//! Property tests: arbitrary text never panics, every span slices the text on character
//! boundaries, spans are ordered and disjoint, and a prefix shifts every span by its length.

use proptest::prelude::*;
use sitrep_time::{Mode, TimeTagger};

/// Text made of time words, numbers, punctuation and multi-byte characters, so that the
/// grammar is exercised rather than skipped.
fn timeish() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "August",
        "Aug.",
        "6",
        "30",
        "February",
        "1998",
        "'90s",
        "1990s",
        "a",
        "week",
        "ago",
        "two",
        "and",
        "half",
        "years",
        "early",
        "mid",
        "-",
        "the",
        "end",
        "of",
        "this",
        "last",
        "next",
        "Friday",
        "night",
        "10:30",
        "a.m.",
        "p.m.",
        "every",
        "twice",
        "quarter",
        "third",
        "fiscal",
        "year",
        "'s",
        "now",
        "recently",
        "coming",
        "days",
        "more",
        "than",
        "nearly",
        "nineteen",
        "ninety",
        "Christmas",
        "since",
        "in",
        ",",
        ".",
        "\n",
        "–",
        "’",
        "«",
        "é",
        "日本",
        "🙂",
        "\u{301}",
        "00:99",
        "99:00",
        "0th",
        "32",
        "2200",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| {
        let mut s = String::new();
        for (k, p) in v.iter().enumerate() {
            if k % 3 != 2 {
                s.push(' ');
            }
            s.push_str(p);
        }
        s
    })
}

fn check(tagger: &TimeTagger, text: &str, anchor: Option<sitrep_doc::Published>, mode: Mode) {
    let times = tagger.tag(text, anchor, mode);
    let mut last_end = 0;
    for t in &times {
        assert!(t.span.start < t.span.end, "empty span {t:?}");
        assert!(t.span.start >= last_end, "overlapping spans in {text:?}");
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        assert!(!t.value.is_empty());
        last_end = t.span.end;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_text_never_panics(text in any::<String>()) {
        let tagger = TimeTagger::new();
        check(&tagger, &text, "2024-08-18".parse().ok(), Mode::News);
        check(&tagger, &text, None, Mode::Narrative);
    }

    #[test]
    fn time_words_never_panic(text in timeish(), year in 1i16..9999, month in 1i8..=12, day in 1i8..=28) {
        let tagger = TimeTagger::new();
        let anchor = jiff::civil::Date::new(year, month, day).ok().map(sitrep_doc::Published::from_date);
        check(&tagger, &text, anchor, Mode::News);
        check(&tagger, &text, anchor, Mode::Narrative);
        check(&tagger, &text, None, Mode::News);
    }

    #[test]
    // The prefix holds no time word, so it cannot join an expression of the text ("a" +
    // "week" would).
    fn a_prefix_shifts_every_span(text in timeish(), prefix in "[xzqé日 ]{0,8}[.!?]?\n") {
        let tagger = TimeTagger::new();
        let anchor = "2024-08-18".parse().ok();
        let alone = tagger.tag(&text, anchor, Mode::News);
        let shifted = tagger.tag(&format!("{prefix}{text}"), anchor, Mode::News);
        let moved: Vec<_> = alone.iter().map(|t| (t.span.start + prefix.len(), t.span.end + prefix.len(), &t.value)).collect();
        let got: Vec<_> = shifted.iter().map(|t| (t.span.start, t.span.end, &t.value)).collect();
        prop_assert_eq!(moved, got);
    }
}
