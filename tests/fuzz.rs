//! Property tests: arbitrary bytes through the reader and the parser, arbitrary strings
//! through the query parser and the analyzers. Nothing may panic or hang. For longer runs:
//! `PROPTEST_CASES=100000 cargo test --release --test fuzz`.

use proptest::prelude::*;
use rapporteur::analyze::{language, terms, LANGUAGES};
use rapporteur::corpus::decode;
use rapporteur::parse::parse_report;
use rapporteur::query::parser::parse_query;

/// Text shaped like reports: numbers, dots, headings, apostrophes, page furniture.
fn report_like() -> impl Strategy<Value = String> {
    let pieces = prop::collection::vec(
        prop_oneof![
            Just("\n".to_string()),
            Just("\n\n".to_string()),
            Just("12. ".to_string()),
            Just("1. ".to_string()),
            Just("II. ".to_string()),
            Just("A. ".to_string()),
            Just("Annexe II\n".to_string()),
            Just("Décision 3\n".to_string()),
            Just("(point 3 de l’ordre du jour)".to_string()),
            Just("La représentante de la Chine, de la Fédération de Russie et de ".to_string()),
            Just("M. X (Danemark) ".to_string()),
            Just("APCTT/GC(20)/4\n4 B24-00459\n".to_string()),
            Just("dévelop-\n".to_string()),
            Just("l’hydrogène vert ".to_string()),
            "[a-zA-Zéèà’ ,.:;()-]{0,40}",
            "\\PC{0,20}",
        ],
        0..60,
    );
    pieces.prop_map(|p| p.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic_the_reader_or_the_parser(bytes in prop::collection::vec(any::<u8>(), 0..4000)) {
        if let Ok(text) = decode(&bytes) {
            let _ = parse_report(&text, "fuzz.txt");
        }
    }

    #[test]
    fn report_shaped_text_never_panics_the_parser(text in report_like()) {
        let report = parse_report(&text, "fuzz.txt");
        for unit in &report.paragraphs {
            prop_assert!(!unit.text.contains('\n'));
        }
    }

    #[test]
    fn arbitrary_queries_parse_or_are_refused(query in "\\PC{0,80}") {
        let _ = parse_query(&query);
    }

    #[test]
    fn arbitrary_text_analyses_in_every_language(text in "\\PC{0,200}") {
        for spec in LANGUAGES {
            let _ = terms(spec, &text);
        }
        let _ = terms(language("fr"), &text);
    }

    #[test]
    fn arbitrary_pdf_like_bytes_are_refused_not_panicked(tail in prop::collection::vec(any::<u8>(), 0..2000)) {
        let mut bytes = b"%PDF-1.7\n".to_vec();
        bytes.extend(tail);
        // A damaged PDF is an error with a reason, never a panic.
        if let Err(reason) = decode(&bytes) {
            prop_assert!(!reason.is_empty());
        }
    }
}
