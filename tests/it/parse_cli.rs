//! `rapporteur parse`: the shipped report, the real English sample, and variants written
//! for the genre (English committee report, French commission report, a text with no
//! numbered paragraphs, empty and binary files).

use crate::common;

use common::{fixture, rapporteur, root, shared, stderr, stdout};
use rapporteur::countries::Countries;
use rapporteur::model::{Report, Unit, UnitKind};

fn parse_json(path: &std::path::Path) -> Report {
    let output = rapporteur(["parse".as_ref(), path.as_os_str(), "--json".as_ref()]);
    assert!(output.status.success(), "parse failed: {}", stderr(&output));
    serde_json::from_slice(&output.stdout).expect("parse --json prints one Report object")
}

fn body_paragraph(report: &Report, number: u32) -> &Unit {
    report
        .paragraphs
        .iter()
        .find(|u| u.annex.is_none() && u.kind == UnitKind::Paragraph && u.number == number)
        .unwrap_or_else(|| panic!("no body paragraph {number}"))
}

fn numbers(report: &Report, annex: Option<&str>, kind: UnitKind) -> Vec<u32> {
    report
        .paragraphs
        .iter()
        .filter(|u| u.annex.as_deref() == annex && u.kind == kind)
        .map(|u| u.number)
        .collect()
}

#[test]
fn shipped_report_structure() {
    let report = parse_json(&root().join("corpus/APCTT-GC-20-4.fr.txt"));
    assert_eq!(report.symbol, "APCTT/GC(20)/4");
    assert_eq!(report.language, "fr");
    assert_eq!(report.session, Some(20));
    assert_eq!(report.year, Some(2024));
    assert_eq!(
        numbers(&report, None, UnitKind::Paragraph),
        (1..=39).collect::<Vec<_>>()
    );
    assert_eq!(
        numbers(&report, None, UnitKind::Decision),
        (1..=8).collect::<Vec<_>>()
    );
    assert_eq!(
        numbers(&report, Some("II"), UnitKind::Paragraph),
        (1..=20).collect::<Vec<_>>()
    );
    for n in 8..=18 {
        assert_eq!(
            body_paragraph(&report, n).agenda_item.as_deref(),
            Some("3"),
            "¶{n}"
        );
    }
    assert_eq!(
        body_paragraph(&report, 8).agenda_title.as_deref(),
        Some("Projet de programme de travail pour 2025")
    );
    assert_eq!(body_paragraph(&report, 12).speaker_countries(), ["IRN"]);
    assert_eq!(
        body_paragraph(&report, 4).speaker_countries(),
        ["CHN", "RUS", "KOR"]
    );
    for official in [19, 21, 27, 31, 34, 35] {
        let unit = body_paragraph(&report, official);
        assert!(
            unit.speaker_countries().is_empty(),
            "¶{official} is spoken by an official"
        );
        assert!(
            unit.speakers.iter().any(|s| s.role.is_some()),
            "¶{official} names the official's role"
        );
    }
    let p9 = &body_paragraph(&report, 9).text;
    assert!(
        !p9.contains("B24-00459") && !p9.contains("APCTT/GC(20)/4"),
        "{p9}"
    );
    let p39 = &body_paragraph(&report, 39).text;
    assert!(
        p39.contains("Ouverture de la session") && p39.contains("Adoption du rapport du Conseil")
    );
    let labels: Vec<&str> = report.agenda.iter().map(|a| a.label.as_str()).collect();
    assert_eq!(
        labels,
        ["1", "1 (a)", "1 (b)", "1 (c)", "2", "3", "4", "5", "6", "7"]
    );
    assert!(body_paragraph(&report, 5)
        .countries
        .contains(&"CHN".to_string()));
    assert!(
        body_paragraph(&report, 11)
            .countries
            .contains(&"IND".to_string()),
        "Gouvernement indien"
    );
    assert!(
        body_paragraph(&report, 5).text.contains("l’hydrogène vert"),
        "typography is kept"
    );
}

#[test]
fn real_english_report_attributes_each_state_that_speaks() {
    let report = parse_json(&shared("samples/A-HRC-43-15.en.txt"));
    assert_eq!(report.symbol, "A/HRC/43/15");
    assert_eq!(report.language, "en");
    assert_eq!(report.session, Some(43));
    assert_eq!(
        numbers(&report, None, UnitKind::Paragraph),
        (1..=123).collect::<Vec<_>>()
    );
    let verbs = [
        "commended",
        "welcomed",
        "noted",
        "recognized",
        "congratulated",
        "acknowledged",
        "appreciated",
        "was ",
    ];
    let mut checked = 0;
    for unit in report.paragraphs.iter().filter(|u| u.annex.is_none()) {
        let first_words: String = unit
            .text
            .split_whitespace()
            .take(12)
            .collect::<Vec<_>>()
            .join(" ");
        let Some(verb_at) = verbs.iter().filter_map(|v| first_words.find(v)).min() else {
            continue;
        };
        let subject = first_words[..verb_at].trim().trim_start_matches("The ");
        let Ok(country) = Countries::get().lookup(subject) else {
            continue;
        };
        checked += 1;
        assert_eq!(
            unit.speaker_countries(),
            [country.alpha3.as_str()],
            "¶{}: {first_words}",
            unit.number
        );
    }
    assert!(checked >= 80, "only {checked} state statements found");
    let p121 = &body_paragraph(&report, 121).text;
    assert!(
        p121.contains("121.1") && p121.contains("121.37"),
        "sub-numbered recommendations stay inside ¶121"
    );
    for unit in &report.paragraphs {
        assert!(
            !unit.text.contains("GE.19-21936"),
            "job number left in {:?}",
            unit.reference()
        );
    }
}

#[test]
fn english_committee_report_with_headers_hyphenation_decisions_and_annexes() {
    let report = parse_json(&fixture("reports/en-committee.txt"));
    assert_eq!(report.symbol, "E/ESCAP/CTI(3)/9");
    assert_eq!(report.session, Some(3));
    assert_eq!(
        report.body.as_deref(),
        Some("Committee on Trade and Investment")
    );
    assert_eq!(report.place.as_deref(), Some("Bangkok"));
    assert_eq!(report.year, Some(2023));
    assert_eq!(
        numbers(&report, None, UnitKind::Paragraph),
        (1..=10).collect::<Vec<_>>()
    );
    assert_eq!(numbers(&report, None, UnitKind::Decision), [1, 2]);
    assert_eq!(numbers(&report, Some("II"), UnitKind::Paragraph), [1, 2]);
    assert_eq!(
        numbers(&report, Some("I"), UnitKind::Block),
        [1],
        "a list of documents is a block"
    );
    let p3 = body_paragraph(&report, 3);
    assert!(
        p3.text.contains("development of cross-border"),
        "{}",
        p3.text
    );
    assert!(p3.text.contains("facilitation of paperless"), "{}", p3.text);
    assert!(
        p3.text.contains("non-tariff") && p3.text.contains("recherche-développement"),
        "{}",
        p3.text
    );
    assert_eq!(
        p3.agenda_item.as_deref(),
        Some("2"),
        "wrapped heading (agenda / item 2)"
    );
    assert_eq!(
        p3.agenda_title.as_deref(),
        Some("Trade facilitation and paperless trade in the region")
    );
    assert_eq!(p3.speaker_countries(), ["JPN"]);
    assert_eq!(
        body_paragraph(&report, 4).speaker_countries(),
        ["BGD", "IND", "PHL"]
    );
    let p5 = body_paragraph(&report, 5);
    assert_eq!(p5.speaker_countries(), ["DNK"]);
    assert!(!p5.text.contains("B23-01234") && !p5.text.contains("E/ESCAP/CTI(3)/9"));
    assert_eq!(
        body_paragraph(&report, 6).speakers[0].role.as_deref(),
        Some("Chair")
    );
    assert_eq!(body_paragraph(&report, 7).speaker_countries(), ["KOR"]);
    assert_eq!(body_paragraph(&report, 8).speaker_countries(), ["VNM"]);
    assert!(
        body_paragraph(&report, 9)
            .text
            .contains("4. Adoption of the report"),
        "agenda list stays in ¶9"
    );
    let labels: Vec<&str> = report.agenda.iter().map(|a| a.label.as_str()).collect();
    assert_eq!(labels, ["1", "1 (a)", "1 (b)", "2", "3", "4"]);
}

#[test]
fn french_commission_report_with_other_headers_and_speakers() {
    let report = parse_json(&fixture("reports/fr-commission.txt"));
    assert_eq!(report.symbol, "E/ESCAP/81/27");
    assert_eq!(report.session, Some(81));
    assert_eq!(
        numbers(&report, None, UnitKind::Paragraph),
        (1..=6).collect::<Vec<_>>()
    );
    assert!(body_paragraph(&report, 1)
        .text
        .contains("développement durable"));
    assert_eq!(body_paragraph(&report, 2).speaker_countries(), ["DNK"]);
    assert_eq!(
        body_paragraph(&report, 3).speaker_countries(),
        ["GNB", "SSD"]
    );
    let p4 = body_paragraph(&report, 4);
    assert_eq!(p4.speaker_countries(), ["DNK"]);
    assert_eq!(p4.countries, ["DNK", "CHN", "IND"]);
    assert!(!p4.text.contains("GE.25-01234"));
    assert_eq!(
        body_paragraph(&report, 5).agenda_item.as_deref(),
        Some("4"),
        "points 4 et 5 de l’ordre du jour"
    );
    assert!(body_paragraph(&report, 5).speaker_countries().is_empty());
    assert_eq!(report.place.as_deref(), Some("Bangkok"));
}

#[test]
fn a_text_without_numbered_paragraphs_falls_back_to_blocks_with_a_warning() {
    let output = rapporteur([
        "parse".as_ref(),
        fixture("reports/charter.txt").as_os_str(),
        "--json".as_ref(),
    ]);
    assert!(output.status.success());
    let report: Report = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(numbers(&report, None, UnitKind::Block), [1, 2, 3, 4]);
    assert!(
        stderr(&output).contains("no numbered paragraphs"),
        "{}",
        stderr(&output)
    );
    assert_eq!(report.symbol, "charter");
}

#[test]
fn empty_and_binary_files_get_a_clear_error_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty.txt");
    std::fs::write(&empty, "").unwrap();
    let binary = dir.path().join("image.txt");
    std::fs::write(&binary, [0x89, b'P', b'N', b'G', 0, 0, 0, 13, 0xff, 0xd8]).unwrap();
    let missing = dir.path().join("missing.txt");
    for (path, word) in [
        (&empty, "empty"),
        (&binary, "binary"),
        (&missing, "cannot read"),
    ] {
        let output = rapporteur(["parse".as_ref(), path.as_os_str()]);
        assert_eq!(output.status.code(), Some(2));
        let message = stderr(&output);
        assert!(
            message.contains(word) && message.contains(&*path.to_string_lossy()),
            "{message}"
        );
        assert!(!message.contains("panicked"));
    }
}

#[test]
fn outline_has_a_line_per_unit() {
    let output = rapporteur(["parse", "corpus/APCTT-GC-20-4.fr.txt"]);
    let text = stdout(&output);
    assert!(text.starts_with("APCTT/GC(20)/4"));
    let line = text
        .lines()
        .find(|l| l.starts_with("¶12 "))
        .expect("a line for ¶12");
    assert!(line.contains("item 3") && line.contains("IRN"), "{line}");
    assert!(text.lines().any(|l| l.starts_with("annexe II ¶13")));
}
