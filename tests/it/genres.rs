//! The genres of intergovernmental reports, each on variants written for it (other
//! bodies, other years, French and English) and on the real files we have: session
//! reports with contents lists, parts, adopted texts and chapters that are agenda items;
//! single-spaced commission reports; UPR working-group reports; summary records; short
//! decision documents.

use crate::common;

use std::path::Path;

use common::{fixture, rapporteur, shared, stderr};
use rapporteur::model::{Report, Unit, UnitKind};

fn parse(path: &Path) -> Report {
    let output = rapporteur(["parse".as_ref(), path.as_os_str(), "--json".as_ref()]);
    assert!(output.status.success(), "parse failed: {}", stderr(&output));
    serde_json::from_slice(&output.stdout).expect("parse --json prints one Report object")
}

fn genre(name: &str) -> Report {
    parse(&fixture(&format!("genres/{name}")))
}

fn body_paragraphs(report: &Report) -> Vec<&Unit> {
    report
        .paragraphs
        .iter()
        .filter(|u| u.annex.is_none() && u.kind == UnitKind::Paragraph)
        .collect()
}

/// The units of the report's text: its cover and contents list aside.
fn running_units(report: &Report) -> Vec<&Unit> {
    report
        .paragraphs
        .iter()
        .filter(|u| u.kind.is_running_text())
        .collect()
}

fn paragraph(report: &Report, number: u32) -> &Unit {
    body_paragraphs(report)
        .into_iter()
        .find(|u| u.number == number)
        .unwrap_or_else(|| panic!("no body paragraph {number}"))
}

/// Each body paragraph's number, agenda item (these reports number their items `1`,
/// `2`…) and the rule that placed it.
fn items(report: &Report) -> Vec<(u32, Option<u32>, Option<&str>)> {
    body_paragraphs(report)
        .into_iter()
        .map(|u| {
            let item = u
                .agenda_item
                .as_deref()
                .map(|l| l.parse().expect("a whole number"));
            (u.number, item, u.agenda_rule.as_deref())
        })
        .collect()
}

#[test]
fn french_session_report_contents_parts_resolutions_and_chapters_that_are_items() {
    let report = genre("hrc-session.fr.txt");
    assert_eq!(report.symbol, "A/HRC/31/2");
    assert_eq!(report.language, "fr");
    assert_eq!(report.session, Some(31));
    // The contents list names chapters and both annexes: none of it is a heading or unit.
    for unit in &report.paragraphs {
        assert!(
            unit.section.iter().all(|s| !s.contains("....")),
            "{:?}",
            unit.section
        );
    }
    let annexes: Vec<&str> = report
        .paragraphs
        .iter()
        .filter_map(|u| u.annex.as_deref())
        .collect();
    assert!(annexes.iter().all(|a| *a == "I" || *a == "II"));
    assert_eq!(
        body_paragraphs(&report)
            .iter()
            .map(|u| u.number)
            .collect::<Vec<_>>(),
        (1..=14).collect::<Vec<_>>()
    );
    // Part One: adopted texts citable by their own numbers, their operative paragraphs inside.
    let acts: Vec<(UnitKind, Option<&str>, Option<u32>)> = report
        .paragraphs
        .iter()
        .filter(|u| u.act.is_some())
        .map(|u| (u.kind, u.act.as_deref(), u.part))
        .collect();
    assert_eq!(
        acts,
        [
            (UnitKind::Resolution, Some("31/1"), Some(1)),
            (UnitKind::Resolution, Some("31/2"), Some(1)),
            (UnitKind::Decision, Some("31/101"), Some(1)),
        ]
    );
    let first = running_units(&report)[0];
    assert!(first.text.contains("Réaffirme que la faim"));
    assert_eq!(first.label("fr"), "résolution 31/1");
    // Part Two: chapters are items, by the agenda in annex II, whose titles wrap
    // differently; a chapter resumed "(suite)" keeps its item.
    assert_eq!(report.agenda.len(), 3);
    assert_eq!(
        report.agenda[1].title,
        "Rapport annuel du Haut-Commissaire des Nations Unies aux droits de l’homme et rapports du Haut-Commissariat et du Secrétaire général"
    );
    let want: Vec<(u32, Option<u32>, Option<&str>)> = (1..=14)
        .map(|n| {
            let item = match n {
                1..=5 => 1,
                6..=9 => 2,
                _ => 3,
            };
            (n, Some(item), Some("heading title"))
        })
        .collect();
    assert_eq!(items(&report), want);
    assert_eq!(paragraph(&report, 8).part, Some(2));
    assert!(paragraph(&report, 8)
        .section
        .last()
        .unwrap()
        .ends_with("(suite)"));
    // Who speaks.
    let p4 = paragraph(&report, 4);
    assert_eq!(p4.speaker_countries(), ["PAK"]);
    assert_eq!(
        p4.speakers[0].on_behalf_of.as_deref(),
        Some("Organisation de la coopération islamique")
    );
    assert_eq!(paragraph(&report, 5).speaker_countries(), ["CZE"]);
    assert_eq!(
        paragraph(&report, 7).speaker_countries(),
        ["DZA", "CHN", "TUR"]
    );
    assert_eq!(paragraph(&report, 8).speaker_countries(), ["PSE"]);
    assert_eq!(paragraph(&report, 9).speaker_countries(), ["VAT"]);
    assert_eq!(
        paragraph(&report, 12).speaker_countries(),
        ["CHN", "VNM", "CZE"]
    );
    let eu = &paragraph(&report, 13).speakers;
    assert_eq!(eu.len(), 1);
    assert_eq!(eu[0].country, None);
    assert_eq!(eu[0].organization.as_deref(), Some("Union européenne"));
}

#[test]
fn single_spaced_commission_report_with_a_contents_list_in_closed_up_columns() {
    let report = genre("council-single-spaced.en.txt");
    assert_eq!(report.symbol, "ESCWA/GB(7)/5");
    assert_eq!(
        report.title.as_deref(),
        Some("Report of the Governing Board of the Centre on its seventh session")
    );
    assert_eq!(report.place.as_deref(), Some("Beirut"));
    // "Annex" in the contents list opens no annex: the body stays the body.
    assert!(report
        .paragraphs
        .iter()
        .all(|u| u.annex.is_none() || u.text.contains("Provisional agenda")));
    // The agenda list inside ¶4 ends "5. Adoption of the report." on its own line, with no
    // blank line after: it takes none of the paragraph numbers.
    assert_eq!(
        body_paragraphs(&report)
            .iter()
            .map(|u| u.number)
            .collect::<Vec<_>>(),
        (1..=11).collect::<Vec<_>>()
    );
    assert!(paragraph(&report, 4).text.contains("4. Other matters."));
    assert!(paragraph(&report, 5)
        .text
        .starts_with("The representative of Jordan"));
    assert_eq!(report.agenda.len(), 5);
    let got = items(&report);
    assert_eq!(
        got[6],
        (7, Some(3), Some("heading title")),
        "wrapped chapter title"
    );
    assert_eq!(got[9], (10, Some(4), Some("chapter item")), "IV. Item 4: …");
    assert_eq!(
        got[0],
        (1, None, None),
        "a chapter that is no item gets none"
    );
    let jordan = &paragraph(&report, 5).speakers;
    assert_eq!(jordan.len(), 1);
    assert_eq!(jordan[0].on_behalf_of.as_deref(), Some("Lebanon and Oman"));
    assert!(paragraph(&report, 7).text.contains("commended by all"));
}

#[test]
fn upr_report_whose_contents_list_names_the_annex() {
    let report = genre("upr-2014.en.txt");
    assert_eq!(report.symbol, "A/HRC/27/9");
    let body = body_paragraphs(&report);
    assert_eq!(
        body.iter().map(|u| u.number).collect::<Vec<_>>(),
        (1..=12).collect::<Vec<_>>()
    );
    // Recommendations numbered 11.1, 11.2 stay inside ¶11.
    assert!(paragraph(&report, 11)
        .text
        .contains("11.3 Adopt a national action plan"));
    // The only annex is the real one at the end.
    let annexed: Vec<&Unit> = report
        .paragraphs
        .iter()
        .filter(|u| u.annex.is_some())
        .collect();
    assert_eq!(annexed.len(), 1);
    assert!(annexed[0].text.contains("headed by the Attorney General"));
    // No headings of its own name an item: the cover's item places the whole report.
    assert!(body.iter().all(
        |u| u.agenda_item.as_deref() == Some("6") && u.agenda_rule.as_deref() == Some("cover")
    ));
    assert_eq!(paragraph(&report, 8).speaker_countries(), ["CZE"]);
    assert_eq!(paragraph(&report, 9).speaker_countries(), ["TUR"]);
    assert_eq!(paragraph(&report, 10).speaker_countries(), ["VAT"]);
}

#[test]
fn summary_records_in_english_and_french() {
    for (name, meeting, opened, rose, speaker) in [
        (
            "summary-record.en.txt",
            1234,
            "The meeting was called to order",
            "The meeting rose at 1 p.m.",
            ("Kamara", "SLE"),
        ),
        (
            "compte-rendu.fr.txt",
            3050,
            "La séance est ouverte",
            "La séance est levée à 18 heures.",
            ("Ouédraogo", "BFA"),
        ),
    ] {
        let report = genre(name);
        assert_eq!(report.meeting, Some(meeting), "{name}");
        let first = running_units(&report)[0];
        assert!(first.text.starts_with(opened), "{name}: {}", first.text);
        let last = report.paragraphs.last().unwrap();
        assert_eq!(last.text, rose, "{name}: the closing line is its own unit");
        assert_eq!(last.kind, UnitKind::Block);
        let body = body_paragraphs(&report);
        assert!(body.iter().all(|u| !u.text.contains(rose)), "{name}");
        assert!(
            body.iter().all(|u| u.section.len() == 1
                && (u.section[0].contains("(continued)") || u.section[0].contains("(suite)"))),
            "{name}: {:?}",
            body[0].section
        );
        let p2 = &body[1].speakers[0];
        assert_eq!(
            (p2.name.as_deref(), p2.country.as_deref()),
            (Some(speaker.0), Some(speaker.1)),
            "{name}"
        );
        // Members and officials speak without a country.
        assert!(
            body[2].speakers.iter().all(|s| s.country.is_none()),
            "{name}"
        );
        assert!(!body[2].speakers.is_empty(), "{name}");
        assert!(body.last().unwrap().speakers[0].role.is_some(), "{name}");
    }
}

#[test]
fn a_short_decision_document_keeps_its_symbol_and_is_cut_into_blocks() {
    let report = genre("decision.en.txt");
    assert_eq!(report.symbol, "A/HRC/DEC/43/112");
    assert_eq!(report.session, Some(43));
    // The masthead and title are the cover, the text under them blocks.
    let cover = &report.paragraphs[0];
    assert_eq!(cover.kind, UnitKind::Cover);
    assert!(cover.text.contains("Decision adopted by"), "{}", cover.text);
    let text = running_units(&report);
    assert!(text.iter().all(|u| u.kind == UnitKind::Block));
    assert!(text
        .iter()
        .any(|u| u.text.contains("Decides to adopt the outcome")));
    assert!(text.iter().all(|u| !u.text.contains("Distr.")));
}

#[test]
fn real_session_reports_text_and_pdf_give_every_part_two_paragraph_its_chapters_item() {
    for file in [
        "samples/A-HRC-28-2.en.txt",
        "samples/A-HRC-28-2.en.pdf",
        "samples/A-HRC-14-37.en.txt",
    ] {
        let report = parse(&shared(file));
        let body = body_paragraphs(&report);
        assert!(body.len() > 700, "{file}: {}", body.len());
        assert!(body.iter().all(|u| u.agenda_item.is_some()), "{file}");
        assert!(
            body.iter()
                .all(|u| u.section.iter().all(|s| !s.contains("....."))),
            "{file}: a contents line became a heading"
        );
        assert_eq!(
            paragraph(&report, 1).agenda_item.as_deref(),
            Some("1"),
            "{file}"
        );
        assert_eq!(report.agenda.len(), 10, "{file}");
        assert!(
            report.agenda.iter().all(|a| !a.title.contains("GE.")),
            "{file}: page furniture in an agenda title"
        );
        // Annexes: attendance, agenda, documents, mandate holders, not the contents list.
        let annexes: std::collections::BTreeSet<&str> = report
            .paragraphs
            .iter()
            .filter_map(|u| u.annex.as_deref())
            .collect();
        assert!(annexes.len() >= 4, "{file}: {annexes:?}");
        assert!(report
            .paragraphs
            .iter()
            .any(|u| u.kind == UnitKind::Decision
                && u.act.as_deref().is_some_and(|c| c.ends_with("/101"))));
    }
}
