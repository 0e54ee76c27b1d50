//! Conflicting figures: two figures about the same counted thing, in the same unit and for
//! the same date, from different sources, whose values cannot both be true.
//!
//! Figures about the same thing at different dates are updates, not conflicts, and a different
//! counted noun ("civilians" against "people") is a different quantity (DOMAIN.md §3).

use sitrep_doc::layers::{Claim, Conflict, Figure, FigureQualifier, Quote, QuoteKind};
use sitrep_doc::{Document, Span};

/// The interval of values a figure allows; approximate values allow ±20%.
fn interval(f: &Figure) -> Option<(f64, f64)> {
    match (f.value, f.low, f.high) {
        (Some(v), _, _) => Some(match f.qualifier {
            FigureQualifier::Exact => (v, v),
            FigureQualifier::Approximate => (v * 0.8, v * 1.2),
            FigureQualifier::LowerBound => (v, f64::INFINITY),
            FigureQualifier::UpperBound => (0.0, v),
        }),
        (None, Some(lo), hi) => Some((lo, hi.unwrap_or(f64::INFINITY))),
        _ => None,
    }
}

/// The source of the statement a figure sits in; `None` for the writer.
fn source_of(span: Span, quotes: &[Quote], claims: &[Claim]) -> Option<String> {
    quotes
        .iter()
        .filter(|q| q.kind == QuoteKind::Speech)
        .find(|q| q.span.contains(span))
        .and_then(|q| q.speaker_entity.clone())
        .or_else(|| {
            claims
                .iter()
                .filter(|c| c.span.contains(span))
                .min_by_key(|c| c.span.len())
                .and_then(|c| c.source_entity.clone())
        })
}

/// A figure with its counted noun, its source and the interval of values it allows.
type Item<'a> = (&'a Figure, String, Option<String>, (f64, f64));

/// The conflicts among the document's figures.
pub fn find_conflicts(doc: &Document, quotes: &[Quote], claims: &[Claim]) -> Vec<Conflict> {
    let mut items: Vec<Item> = Vec::new();
    for f in &doc.figures {
        let (Some(counted), Some(iv)) = (f.counted.as_ref(), interval(f)) else {
            continue;
        };
        items.push((
            f,
            counted.to_lowercase(),
            source_of(f.span, quotes, claims),
            iv,
        ));
    }
    let mut conflicts = Vec::new();
    for (n, a) in items.iter().enumerate() {
        // Only later figures, and only a bounded number of them: linear time.
        for b in items[n + 1..].iter().take(64) {
            let same_thing = a.1 == b.1 && a.0.unit == b.0.unit && a.0.date == b.0.date;
            let disjoint = a.3 .1 < b.3 .0 || b.3 .1 < a.3 .0;
            if same_thing && a.2 != b.2 && disjoint {
                conflicts.push(Conflict {
                    first: a.0.span,
                    second: b.0.span,
                    first_source: a.2.clone(),
                    second_source: b.2.clone(),
                    counted: a.1.clone(),
                });
            }
        }
    }
    conflicts
}

#[cfg(test)]
mod tests {
    use super::*;
    use sitrep_doc::Meta;

    fn figure(doc: &Document, text: &str, value: f64, qualifier: FigureQualifier) -> Figure {
        let start = doc.text.find(text).expect("figure text in the document");
        Figure {
            span: Span::new(start, start + text.len()),
            value: Some(value),
            qualifier,
            counted: Some("civilians".into()),
            ..Figure::default()
        }
    }

    fn claim(doc: &Document, text: &str, source: &str) -> Claim {
        let start = doc.text.find(text).expect("claim text in the document");
        Claim {
            span: Span::new(start, start + text.len()),
            source_entity: Some(source.into()),
            ..Claim::default()
        }
    }

    #[test]
    fn different_sources_with_incompatible_values_conflict() {
        let text = "Kyiv says 12 civilians died. Moscow says 40 civilians died. Moscow says about 13 civilians died.";
        let mut doc = Document::new(text, Meta::default());
        doc.figures = vec![
            figure(&doc, "12 civilians", 12.0, FigureQualifier::Exact),
            figure(&doc, "40 civilians", 40.0, FigureQualifier::Exact),
            figure(
                &doc,
                "about 13 civilians",
                13.0,
                FigureQualifier::Approximate,
            ),
        ];
        let claims = vec![
            claim(&doc, "12 civilians died", "Kyiv"),
            claim(&doc, "40 civilians died", "Moscow"),
            claim(&doc, "about 13 civilians died", "Moscow"),
        ];
        let conflicts = find_conflicts(&doc, &[], &claims);
        // 12 against 40 conflicts; 12 against "about 13" does not; 40 and 13 share a source.
        assert_eq!(conflicts.len(), 1, "{conflicts:?}");
        assert_eq!(doc.slice(conflicts[0].first), "12 civilians");
        assert_eq!(doc.slice(conflicts[0].second), "40 civilians");
        assert_eq!(conflicts[0].first_source.as_deref(), Some("Kyiv"));
        assert_eq!(conflicts[0].second_source.as_deref(), Some("Moscow"));
    }

    #[test]
    fn updates_at_other_dates_do_not_conflict() {
        let text = "Kyiv says 12 civilians died. Moscow says 40 civilians died.";
        let mut doc = Document::new(text, Meta::default());
        let mut later = figure(&doc, "40 civilians", 40.0, FigureQualifier::Exact);
        later.date = Some("2024-08-20".into());
        doc.figures = vec![
            figure(&doc, "12 civilians", 12.0, FigureQualifier::Exact),
            later,
        ];
        let claims = vec![
            claim(&doc, "12 civilians died", "Kyiv"),
            claim(&doc, "40 civilians died", "Moscow"),
        ];
        assert!(find_conflicts(&doc, &[], &claims).is_empty());
    }
}
