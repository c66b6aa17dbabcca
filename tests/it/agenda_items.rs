//! Agenda items as printed, on reports written for it: a commission's chapters that say
//! which item they took up ("the Commission considered agenda item 5", whatever the
//! chapter's own number), in English and French; decimal items and sub-items ("Item 9.1:",
//! "6 (a)"); and `--agenda` through the command line (an item finds its sub-items, a
//! sub-item only itself, a label that is no item is refused).

use crate::common;

use std::path::Path;

use common::{index_into, rapporteur, stderr, stdout};
use rapporteur::model::{Report, Unit};
use rapporteur::parse::parse_report;

const COMMISSION: &str = "\
E/CN.99/2025/10

Commission on Testing
Report on the twelfth session (10-14 March 2025)

I. Matters calling for action by the Council

1. The Commission recommends to the Council the adoption of the following draft resolution.

II. Follow-up to the World Summit

2. At its 4th and 5th meetings, on 12 and 13 March 2025, the Commission considered agenda
item 5. It had before it the report of the Secretary-General on desalination.

3. The representative of Japan welcomed the report on desalination.

III. Programme questions

4. At its 6th meeting, on 14 March, the Commission considered agenda item 6 (a).

5. The representative of Chile made a statement on desalination.
";

const COMMISSION_FR: &str = "\
E/CN.99/2025/11

Commission des essais
Rapport sur la douzième session

I. Suivi du Sommet mondial

1. À ses 4e et 5e séances, le 12 mars 2025, la Commission a examiné le point 5 de son ordre
du jour. Elle était saisie du rapport du Secrétaire général.

2. La représentante de la Chine a salué le rapport.
";

const ASSEMBLY: &str = "\
WHA/TEST/2025/3

Report of Committee A

The Committee held its first meeting on 20 May 2025.

Item 9.1: Programme budget

1. The Committee considered the proposed programme budget and desalination.

2. The delegate of France supported the proposal on desalination.

Item 9.2: Financing

3. The Committee noted the report on financing of desalination.
";

fn item(report: &Report, number: u32) -> (Option<&str>, Option<&str>) {
    let unit: &Unit = report
        .paragraphs
        .iter()
        .find(|u| u.kind == rapporteur::model::UnitKind::Paragraph && u.number == number)
        .unwrap_or_else(|| panic!("no paragraph {number}"));
    (unit.agenda_item.as_deref(), unit.agenda_rule.as_deref())
}

#[test]
fn a_chapter_takes_the_item_its_first_paragraph_says_it_considered() {
    let report = parse_report(COMMISSION, "E-CN.99-2025-10.txt");
    assert_eq!(item(&report, 1), (None, None));
    for n in [2, 3] {
        assert_eq!(
            item(&report, n),
            (Some("5"), Some("chapter sentence")),
            "¶{n}"
        );
    }
    for n in [4, 5] {
        assert_eq!(
            item(&report, n),
            (Some("6 (a)"), Some("chapter sentence")),
            "¶{n}"
        );
    }
    let french = parse_report(COMMISSION_FR, "E-CN.99-2025-11.txt");
    for n in [1, 2] {
        assert_eq!(item(&french, n).0, Some("5"), "¶{n}");
    }
}

/// A French commission report whose chapter takes up two sub-items in turn ("le point 3
/// a) de l'ordre du jour", then "le point 3 b)"), under a heading titled as item 3, and
/// whose agenda, adopted in a paragraph of its last chapter, lists sub-items "a)" and "b)".
const SUB_ITEMS_FR: &str = "\
Nations Unies                                                           E/CN.5/2025/9
Conseil économique et social
Distr. générale
20 février 2025
Français
Original : anglais

Commission du développement social
Rapport sur les travaux de la soixante-troisième session
(11 février 2024 et 10-14 février 2025)

Chapitre I
Questions appelant une décision du Conseil économique et social ou portées à son attention

1. La Commission recommande au Conseil d'adopter le projet de résolution suivant.

Chapitre II
Suite donnée au Sommet mondial pour le développement social

2. À ses 2e à 5e séances, du 10 au 12 février 2025, la Commission a examiné le point 3 a) de
l'ordre du jour, intitulé « Thème prioritaire : promouvoir la justice sociale ».
3. À sa 2e séance, le 10 février, la Commission a entendu une déclaration liminaire du
Secrétaire général adjoint aux affaires économiques et sociales.
4. Le représentant du Brésil, parlant au nom du Groupe des 77 et de la Chine, a fait une
déclaration.
5. À sa 6e séance, le 13 février, la Commission a examiné le point 3 b) de l'ordre du jour,
intitulé « Examen des plans et programmes d'action pertinents des Nations Unies ».
6. La représentante du Mexique a présenté le projet de résolution E/CN.5/2025/L.3.

Chapitre III
Questions d'organisation

7. La Commission a tenu sa soixante-troisième session au Siège de l'Organisation des
Nations Unies du 10 au 14 février 2025. Elle a tenu 9 séances.
8. À sa 1re séance, le 10 février, la Commission a adopté l'ordre du jour provisoire de la
session (E/CN.5/2025/1), qui se lit comme suit :
1. Élection du Bureau.
2. Adoption de l'ordre du jour et autres questions d'organisation.
3. Suite donnée au Sommet mondial pour le développement social :
a) Thème prioritaire : promouvoir la justice sociale ;
b) Examen des plans et programmes d'action pertinents des Nations Unies.
4. Questions relatives aux programmes.
5. Ordre du jour provisoire de la soixante-quatrième session de la Commission.
6. Adoption du rapport de la Commission sur les travaux de sa soixante-troisième session.
9. À sa 9e séance, le 14 février, la Commission a adopté le projet de rapport.
";

#[test]
fn a_chapter_moves_to_the_sub_item_each_paragraph_says_it_considered() {
    let report = parse_report(SUB_ITEMS_FR, "E-CN.5-2025-9.txt");
    let labels: Vec<&str> = report.agenda.iter().map(|a| a.label.as_str()).collect();
    assert_eq!(labels, ["1", "2", "3", "3 (a)", "3 (b)", "4", "5", "6"]);
    assert_eq!(
        report.agenda[3].title,
        "Thème prioritaire : promouvoir la justice sociale"
    );
    for (n, label) in [(2, "3 (a)"), (4, "3 (a)"), (5, "3 (b)"), (6, "3 (b)")] {
        assert_eq!(
            item(&report, n),
            (Some(label), Some("chapter sentence")),
            "¶{n}"
        );
    }
    // The list of items inside paragraph 8 numbers no paragraph.
    assert_eq!(item(&report, 9).0, None);
    assert!(report
        .paragraphs
        .iter()
        .any(|u| u.number == 9 && u.text.contains("adopté le projet de rapport")));
}

#[test]
fn decimal_items_in_headings_and_in_json() {
    let report = parse_report(ASSEMBLY, "WHA-TEST-2025-3.txt");
    assert_eq!(item(&report, 1).0, Some("9.1"));
    assert_eq!(item(&report, 2).0, Some("9.1"));
    assert_eq!(item(&report, 3).0, Some("9.2"));
    let json = serde_json::to_value(&report).unwrap();
    assert_eq!(
        json["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|u| u["agenda_item"] == "9.1")
            .count(),
        2
    );
    let whole = serde_json::to_value(parse_report(COMMISSION_FR, "fr.txt")).unwrap();
    assert!(
        whole["paragraphs"]
            .as_array()
            .unwrap()
            .iter()
            .any(|u| u["agenda_item"] == 5),
        "a whole-number item stays a JSON number"
    );
}

fn search(index: &Path, args: &[&str]) -> (Vec<serde_json::Value>, serde_json::Value, i32) {
    let mut all: Vec<&std::ffi::OsStr> = vec![
        "search".as_ref(),
        "--json".as_ref(),
        "--index".as_ref(),
        index.as_os_str(),
    ];
    all.extend(args.iter().map(std::ffi::OsStr::new));
    let output = rapporteur(all);
    let code = output.status.code().unwrap_or(-1);
    let mut hits = Vec::new();
    let mut summary = serde_json::Value::Null;
    for line in stdout(&output).lines() {
        let value: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        match value["type"].as_str() {
            Some("hit") => hits.push(value),
            _ => summary = value,
        }
    }
    (hits, summary, code)
}

#[test]
fn agenda_filter_takes_items_as_printed_and_finds_their_sub_items() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::write(corpus.join("commission.txt"), COMMISSION).unwrap();
    std::fs::write(corpus.join("assembly.txt"), ASSEMBLY).unwrap();
    let index = dir.path().join("index");
    let built = index_into(&corpus, &index, &[]);
    assert!(built.status.success(), "{}", stderr(&built));

    let items_of = |hits: &[serde_json::Value]| -> Vec<String> {
        let mut items: Vec<String> = hits
            .iter()
            .map(|h| match &h["agenda_item"] {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            })
            .collect();
        items.sort();
        items.dedup();
        items
    };
    let (hits, summary, _) = search(&index, &["desalination", "--agenda", "9"]);
    assert_eq!(items_of(&hits), ["9.1", "9.2"]);
    assert_eq!(summary["facets"]["agenda_item"]["9.1"], 2);
    let (hits, _, _) = search(&index, &["desalination", "--agenda", "9.1"]);
    assert_eq!(items_of(&hits), ["9.1"]);
    let (hits, _, _) = search(&index, &["desalination", "--agenda", "6"]);
    assert_eq!(items_of(&hits), ["6 (a)"]);
    let (hits, _, _) = search(&index, &["desalination", "--agenda", "6(a)"]);
    assert_eq!(hits.len(), 1, "6(a) is typed as 6 (a) is printed");

    let refused = rapporteur([
        "search".as_ref(),
        "desalination".as_ref(),
        "--index".as_ref(),
        index.as_os_str(),
        "--agenda".as_ref(),
        "item five".as_ref(),
    ]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("not an agenda item"),
        "{}",
        stderr(&refused)
    );
}
