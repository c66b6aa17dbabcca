//! Property tests: arbitrary bytes through the reader and the parser, arbitrary strings
//! through the query parser and the analyzers. Nothing may panic or hang. For longer runs:
//! `PROPTEST_CASES=100000 cargo test --release --test it fuzz::`.

use proptest::prelude::*;
use rapporteur::analyze::{language, terms, LANGUAGES};
use rapporteur::corpus::{decode, list, CorpusOptions};
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
            Just("Contents\n".to_string()),
            Just("I. Organizational matters ........ 1–52   3\n".to_string()),
            Just("Part Two\n".to_string()),
            Just("Annex\n".to_string()),
            Just("I. Resolutions\n28/1\n".to_string()),
            Just("PRST/28/1 ".to_string()),
            Just("Annex II\nAgenda\nItem 1. Opening.\nItem 2. Other matters.\n".to_string()),
            Just("the following agenda:\n1. Opening.\n2. Other matters.\n".to_string()),
            Just("The meeting rose at 1 p.m.\n".to_string()),
            Just("(continued)\n".to_string()),
            Just(
                "The representative of Egypt (on behalf of the Group of Arab States) and "
                    .to_string()
            ),
            Just("(on behalf of (".to_string()),
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
        if let Ok(text) = decode(&bytes, &CorpusOptions::default()) {
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
    fn corpus_walks_with_links_and_odd_names_end_and_list_each_file_once(
        names in prop::collection::vec(prop::collection::vec(any::<u8>(), 1..12), 1..8),
        links in prop::collection::vec((0usize..8, 0usize..8, any::<bool>()), 0..6),
        follow in any::<bool>(),
    ) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("corpus");
        std::fs::create_dir_all(root.join("sub")).unwrap();
        let mut made = Vec::new();
        for (i, raw) in names.iter().enumerate() {
            // Any bytes but '/' and NUL make a Unix file name; some are not UTF-8.
            let mut name: Vec<u8> = raw.iter().copied().filter(|b| *b != b'/' && *b != 0).collect();
            if name.is_empty() || name == b"." || name == b".." {
                continue;
            }
            name.extend_from_slice(format!("-{i}.txt").as_bytes());
            let name = os_name(&name);
            let folder = if i % 2 == 0 { root.clone() } else { root.join("sub") };
            if std::fs::write(folder.join(&name), b"1. Text.\n").is_ok() {
                made.push(folder.join(name));
            }
        }
        // Links to folders above (loops), to siblings, to files, and broken ones.
        for (k, (from, to, to_folder)) in links.iter().enumerate() {
            let base = if from % 2 == 0 { root.clone() } else { root.join("sub") };
            let target = if *to_folder {
                if to % 2 == 0 { root.clone() } else { root.join("sub") }
            } else {
                made.get(*to).cloned().unwrap_or_else(|| root.join("missing.txt"))
            };
            let _ = std::os::unix::fs::symlink(target, base.join(format!("link-{k}")));
        }
        let listing = list(&root, follow).unwrap();
        let mut seen = std::collections::HashSet::new();
        for path in &listing.reports {
            prop_assert!(seen.insert(path.clone()), "listed twice: {}", path.display());
        }
        for path in &made {
            let hidden = path.file_name().unwrap().as_encoded_bytes().starts_with(b".");
            prop_assert!(hidden || listing.reports.contains(path), "missing {}", path.display());
        }
    }

    #[test]
    fn arbitrary_pdf_like_bytes_are_refused_not_panicked(tail in prop::collection::vec(any::<u8>(), 0..2000)) {
        let mut bytes = b"%PDF-1.7\n".to_vec();
        bytes.extend(tail);
        // A damaged PDF is an error with a reason, never a panic.
        if let Err(reason) = decode(&bytes, &CorpusOptions::default()) {
            prop_assert!(!reason.is_empty());
        }
    }
}

/// Bytes as a file name, on the platform these tests run on (Unix).
fn os_name(bytes: &[u8]) -> std::ffi::OsString {
    use std::os::unix::ffi::OsStrExt;
    std::ffi::OsStr::from_bytes(bytes).to_os_string()
}

/// One piece of a generated report, its words marked `qN` (one mark per word, so each
/// can be looked for); the pieces are the genre's structures and its furniture.
fn structured_piece() -> impl Strategy<Value = (u8, u8)> {
    (0u8..14, 1u8..6)
}

/// A report of random structure, and the marked words it holds outside furniture.
fn structured_report(pieces: &[(u8, u8)]) -> (String, Vec<String>) {
    let mut text = String::from("  United Nations    TEST/2026/9\nDistr.: General\n1 May 2026\n\n");
    let mut words = Vec::new();
    let mut next = 0;
    let mut mark = |n: u8| -> String {
        (0..n)
            .map(|_| {
                next += 1;
                let word = format!("q{next}x");
                words.push(word.clone());
                word
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut paragraph = 0;
    for &(kind, n) in pieces {
        let piece = match kind {
            0 => format!("Report of the Board on its {} session\n\n", mark(n)),
            1 => {
                paragraph += 1;
                format!("{paragraph}. The Board {} noted the report.\n\n", mark(n))
            }
            2 => format!("The Board {} heard statements.\n\n", mark(n)),
            3 => format!("II. Matters {}\n\n", mark(n)),
            4 => format!("B. Section {}\n\n", mark(n)),
            5 => format!("Annex II\n\nList {}\n\n", mark(n)),
            6 => format!(
                "Decision 3: Title {}\nThe Board {} decides.\n\n",
                mark(n),
                mark(1)
            ),
            7 => format!(
                "Contents\nI. Matters {} ........ 3\nII. Other ........ 4\n\n",
                mark(n)
            ),
            8 => "26-04411 (E)    230326\n*2604411*\n\nTEST/2026/9\n\n3/9\n\n".to_string(),
            9 => format!(
                "the following agenda:\n1. Opening {}.\n2. Other matters.\n\n",
                mark(n)
            ),
            10 => format!("Mr. Smith (Canada) said that {} was welcome.\n\n", mark(n)),
            11 => format!("Part Two\n\nSummary {}\n\n", mark(n)),
            12 => format!("Introduction {}\n", mark(n)),
            _ => format!("The meeting rose at {} 1 p.m.\n", mark(n)),
        };
        text.push_str(&piece);
    }
    (text, words)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn every_word_of_a_report_of_random_structure_is_in_its_units(
        pieces in prop::collection::vec(structured_piece(), 1..40)
    ) {
        let (text, words) = structured_report(&pieces);
        let report = parse_report(&text, "generated.txt");
        let mut kept = std::collections::HashSet::new();
        for unit in &report.paragraphs {
            for text in std::iter::once(&unit.text).chain(&unit.section) {
                kept.extend(text.split(|c: char| !c.is_alphanumeric()).map(str::to_string));
            }
        }
        for word in &words {
            prop_assert!(kept.contains(word), "{} lost from:\n{}", word, text);
        }
        prop_assert!(report.coverage >= 0.99, "coverage {} of:\n{}", report.coverage, text);
    }
}
