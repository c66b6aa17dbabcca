//! What users actually have: PDFs, text in any encoding, junk in the corpus folder,
//! reports in several languages and in parallel language versions.

use crate::common;

use std::path::Path;

use common::{fixture, index_into, rapporteur, root, shared, stderr, stdout};
use rapporteur::model::{Report, UnitKind};

fn parse_json(path: &Path) -> Report {
    let output = rapporteur(["parse".as_ref(), path.as_os_str(), "--json".as_ref()]);
    assert!(output.status.success(), "parse failed: {}", stderr(&output));
    serde_json::from_slice(&output.stdout).expect("one Report object")
}

fn body(report: &Report) -> Vec<(u32, Vec<String>)> {
    report
        .paragraphs
        .iter()
        .filter(|u| u.annex.is_none() && u.kind == UnitKind::Paragraph)
        .map(|u| {
            (
                u.number,
                u.speaker_countries()
                    .into_iter()
                    .map(String::from)
                    .collect(),
            )
        })
        .collect()
}

#[test]
fn the_real_pdf_gives_the_same_units_and_speakers_as_its_text_extraction() {
    let from_pdf = parse_json(&shared("samples/A-HRC-43-15.en.pdf"));
    let from_text = parse_json(&shared("samples/A-HRC-43-15.en.txt"));
    assert_eq!(from_pdf.symbol, "A/HRC/43/15");
    let pdf_body = body(&from_pdf);
    assert_eq!(
        pdf_body.iter().map(|(n, _)| *n).collect::<Vec<_>>(),
        (1..=123).collect::<Vec<_>>()
    );
    assert_eq!(
        pdf_body,
        body(&from_text),
        "same paragraph numbers and speakers"
    );
    for unit in &from_pdf.paragraphs {
        assert!(
            !unit.text.contains("GE.19-21936"),
            "page furniture in {:?}",
            unit.reference()
        );
    }
}

fn search_hits(index: &Path, query: &str) -> Vec<serde_json::Value> {
    let output = rapporteur([
        "search".as_ref(),
        query.as_ref(),
        "--json".as_ref(),
        "--index".as_ref(),
        index.as_os_str(),
    ]);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        stderr(&output)
    );
    stdout(&output)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v["type"] == "hit")
        .collect()
}

fn french_report(symbol: &str, words: &str) -> String {
    format!(
        "{symbol}\n\nRapport du Comité sur les travaux de sa deuxième session\n\n\
         1. La représentante de la Thaïlande présente {words} à la réunion.\n\n\
         2. Le Comité adopte le présent rapport.\n"
    )
}

#[test]
fn encodings_bad_files_and_good_reports_side_by_side() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    // Windows-1252, as old converters leave it (é = 0xE9, ’ = 0x92).
    let cp1252_text = french_report("T/CP1252/1", "l’électricité géothermique");
    let (cp1252, _, _) = encoding_rs::WINDOWS_1252.encode(&cp1252_text);
    std::fs::write(corpus.join("cp1252.txt"), &cp1252).unwrap();
    // UTF-16 with BOM, little and big endian, as Word saves it.
    let utf16 = french_report("T/UTF16LE/1", "la téléphonie rurale");
    let mut le = vec![0xFF, 0xFE];
    le.extend(utf16.encode_utf16().flat_map(u16::to_le_bytes));
    std::fs::write(corpus.join("utf16le.txt"), le).unwrap();
    let utf16be = french_report("T/UTF16BE/1", "la pêche côtière");
    let mut be = vec![0xFE, 0xFF];
    be.extend(utf16be.encode_utf16().flat_map(u16::to_be_bytes));
    std::fs::write(corpus.join("utf16be.txt"), be).unwrap();
    // Decomposed accents (NFD), as some PDF extractors emit them.
    let nfd = french_report("T/NFD/1", "la re\u{301}silience e\u{301}nerge\u{301}tique");
    std::fs::write(corpus.join("nfd.txt"), nfd).unwrap();
    // Junk.
    std::fs::write(
        corpus.join("binary.txt"),
        [0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 3, 0, 0],
    )
    .unwrap();
    std::fs::write(corpus.join("empty.txt"), "").unwrap();
    let pdf = std::fs::read(shared("samples/A-HRC-43-15.en.pdf")).unwrap();
    std::fs::write(corpus.join("truncated.pdf"), &pdf[..pdf.len() / 2]).unwrap();
    std::fs::write(corpus.join("one-line.txt"), "x".repeat(20_000_000)).unwrap();
    std::fs::write(corpus.join("minutes.docx"), b"PK\x03\x04 not a report").unwrap();
    std::fs::copy(
        root().join("corpus/APCTT-GC-20-4.fr.txt"),
        corpus.join("good.txt"),
    )
    .unwrap();

    let index = dir.path().join("index");
    let output = index_into(&corpus, &index, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let messages = stderr(&output);
    for (file, reason) in [
        ("binary.txt", "binary"),
        ("empty.txt", "empty"),
        ("truncated.pdf", "PDF"),
        ("one-line.txt", "line longer"),
        ("minutes.docx", "not a report file"),
    ] {
        let line = messages
            .lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("no message for {file}: {messages}"));
        assert!(line.contains(reason), "{line}");
        assert_eq!(
            messages.lines().filter(|l| l.contains(file)).count(),
            1,
            "one message for {file}"
        );
    }
    assert!(
        stdout(&output).contains("5 files skipped"),
        "{}",
        stdout(&output)
    );
    assert!(stdout(&output).contains("5 added"), "{}", stdout(&output));
    for (query, symbol) in [
        ("électricité géothermique", "T/CP1252/1"),
        ("téléphonie", "T/UTF16LE/1"),
        ("pêche côtière", "T/UTF16BE/1"),
        ("\"résilience énergétique\"", "T/NFD/1"),
        ("dessalement", "APCTT/GC(20)/4"),
    ] {
        let hits = search_hits(&index, query);
        assert_eq!(hits.len(), 1, "{query}");
        assert_eq!(hits[0]["doc"], symbol, "{query}");
        let first_word = query.trim_matches('"').split(' ').next().unwrap();
        assert!(
            hits[0]["text"].as_str().unwrap().contains(first_word),
            "text is NFC and decoded"
        );
    }
}

#[test]
fn every_language_is_searched_by_default_and_lang_narrows() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    for name in ["es-informe.txt", "zh-report.txt"] {
        std::fs::copy(fixture(&format!("languages/{name}")), corpus.join(name)).unwrap();
    }
    std::fs::copy(fixture("reports/en-committee.txt"), corpus.join("en.txt")).unwrap();
    let index = dir.path().join("index");
    let output = index_into(&corpus, &index, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let spanish = search_hits(&index, "hidrógeno verde");
    assert_eq!(spanish.len(), 1, "Spanish stemming: hidrógenos verdes");
    assert_eq!(
        (
            spanish[0]["language"].as_str(),
            spanish[0]["number"].as_u64()
        ),
        (Some("es"), Some(1))
    );
    assert_eq!(spanish[0]["speakers"][0]["country"], "MEX");
    let chinese = search_hits(&index, "氢能");
    assert_eq!(chinese.len(), 1, "Chinese bigrams");
    assert_eq!(chinese[0]["language"], "zh");
    let all = search_hits(&index, "hydrogen");
    assert!(all.iter().any(|h| h["language"] == "en"));
    let english_only = rapporteur([
        "search".as_ref(),
        "representative".as_ref(),
        "--lang".as_ref(),
        "en".as_ref(),
        "--json".as_ref(),
        "--index".as_ref(),
        index.as_os_str(),
    ]);
    let english_hits: Vec<String> = stdout(&english_only)
        .lines()
        .filter(|l| l.contains("\"type\":\"hit\""))
        .map(String::from)
        .collect();
    assert!(!english_hits.is_empty());
    assert!(english_hits
        .iter()
        .all(|l| l.contains("\"language\":\"en\"")));
}

#[test]
fn parallel_language_versions_are_linked_and_show_switches_between_them() {
    let dir = tempfile::tempdir().unwrap();
    let index = dir.path().join("index");
    let corpus = fixture("parallel");
    let output = index_into(&corpus, &index, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let hits = search_hits(&index, "hydrogène vert");
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0]["language"], "fr");
    assert_eq!(hits[0]["versions"], serde_json::json!(["en"]));
    let show = |lang: &str| {
        stdout(&rapporteur([
            "show".as_ref(),
            "E/ESCAP/CTI(9)/1".as_ref(),
            "1".as_ref(),
            "--lang".as_ref(),
            lang.as_ref(),
            "--index".as_ref(),
            index.as_os_str(),
        ]))
    };
    let english = show("en");
    assert!(
        english.contains("The representative of Thailand presented")
            && english.contains("also in fr"),
        "{english}"
    );
    let french = show("fr");
    assert!(
        french.contains("La représentante de la Thaïlande"),
        "{french}"
    );
    let missing = rapporteur([
        "show".as_ref(),
        "E/ESCAP/CTI(9)/1".as_ref(),
        "1".as_ref(),
        "--lang".as_ref(),
        "ru".as_ref(),
        "--index".as_ref(),
        index.as_os_str(),
    ]);
    assert_eq!(missing.status.code(), Some(1));
    assert!(stderr(&missing).contains("in language ru"));
}

/// A well-formed PDF of one page with no text on it, as a scanner leaves it (no OCR).
fn pdf_without_text() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << >> >>",
    ];
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{object}\nendobj\n", i + 1).bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).bytes());
    for offset in offsets {
        pdf.extend(format!("{offset:010} 00000 n \n").bytes());
    }
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .bytes(),
    );
    pdf
}

#[test]
fn a_pdf_without_a_text_layer_is_skipped_with_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("scanned.pdf");
    std::fs::write(&path, pdf_without_text()).unwrap();
    let output = rapporteur(["parse".as_ref(), path.as_os_str()]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("scanned.pdf") && message.contains("OCR"),
        "{message}"
    );
}

fn search_json(
    index: &Path,
    query: &str,
    limit: &str,
) -> (Vec<serde_json::Value>, serde_json::Value) {
    let output = rapporteur([
        "search".as_ref(),
        query.as_ref(),
        "--json".as_ref(),
        "--limit".as_ref(),
        limit.as_ref(),
        "--index".as_ref(),
        index.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let lines: Vec<serde_json::Value> = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let (summary, hits) = lines.split_last().unwrap();
    (hits.to_vec(), summary.clone())
}

#[test]
fn a_report_as_pdf_and_as_text_is_indexed_once_and_the_pdf_takes_over_when_the_text_goes() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, index) = (dir.path().join("corpus"), dir.path().join("index"));
    std::fs::create_dir_all(&corpus).unwrap();
    for ext in ["pdf", "txt"] {
        let name = format!("A-HRC-43-15.en.{ext}");
        std::fs::copy(shared(&format!("samples/{name}")), corpus.join(name)).unwrap();
    }
    let output = index_into(&corpus, &index, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let messages: Vec<String> = stderr(&output)
        .lines()
        .filter(|l| l.contains("same report"))
        .map(String::from)
        .collect();
    assert_eq!(messages.len(), 1, "{messages:?}");
    assert!(
        messages[0].contains("A-HRC-43-15.en.pdf") && messages[0].contains("A-HRC-43-15.en.txt")
    );
    // The run counts the units of the file the report is indexed from, not of both.
    let count_before = |text: &str, marker: &str| -> u64 {
        let at = text
            .find(marker)
            .unwrap_or_else(|| panic!("{marker:?} in {text}"));
        text[..at]
            .rsplit(|c: char| !c.is_ascii_digit())
            .find(|w| !w.is_empty())
            .and_then(|n| n.parse().ok())
            .unwrap()
    };
    let stats = rapporteur(["stats".as_ref(), "--index".as_ref(), index.as_os_str()]);
    let units_line = stdout(&stats)
        .lines()
        .find(|l| l.starts_with("units:"))
        .map(|l| l.trim_start_matches("units:").trim().to_string())
        .unwrap();
    assert_eq!(
        count_before(&stdout(&output), " units from"),
        count_before(&units_line, " ("),
    );

    let (hits, summary) = search_json(&index, "Slovenia", "1000");
    let mut keys: Vec<String> = hits
        .iter()
        .map(|h| format!("{}|{}", h["doc"], h["label"]))
        .collect();
    let total = keys.len();
    keys.sort();
    keys.dedup();
    assert_eq!(keys.len(), total, "a unit came back twice");
    assert!(hits.iter().all(|h| h["file"] == "A-HRC-43-15.en.txt"));
    assert_eq!(summary["total"].as_u64(), Some(total as u64));
    assert_eq!(
        summary["facets"]["doc"]["A/HRC/43/15"].as_u64(),
        Some(total as u64)
    );
    assert_eq!(summary["facets"]["country"]["SVN"].as_u64(), Some(13));

    // The text file leaves: the PDF takes over, still once.
    std::fs::remove_file(corpus.join("A-HRC-43-15.en.txt")).unwrap();
    let output = index_into(&corpus, &index, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let (hits, summary) = search_json(&index, "Slovenia", "1000");
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h["file"] == "A-HRC-43-15.en.pdf"));
    assert_eq!(summary["total"].as_u64(), Some(hits.len() as u64));
}

#[test]
fn reports_named_after_their_files_are_never_taken_for_one_report() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, index) = (dir.path().join("corpus"), dir.path().join("index"));
    for (year, word) in [("2019", "dessalement"), ("2020", "reboisement")] {
        std::fs::create_dir_all(corpus.join(year)).unwrap();
        std::fs::write(
            corpus.join(year).join("notes.fr.txt"),
            format!(
                "1. Le Conseil a examiné le rapport sur le {word} et l’a adopté.\n\n\
                 2. La représentante de la Chine a fait une déclaration sur le {word}.\n"
            ),
        )
        .unwrap();
    }
    let output = index_into(&corpus, &index, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        !stderr(&output).contains("same report"),
        "{}",
        stderr(&output)
    );
    for word in ["dessalement", "reboisement"] {
        assert_eq!(search_hits(&index, word).len(), 2, "{word}");
    }
}
