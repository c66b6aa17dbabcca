//! Nothing a report says is lost: every line of its text is in a unit (or a heading, the
//! cover, the contents list), and every report is kept under its own symbols. On reports
//! written for the cases that lost text or whole reports: letters with no numbered
//! paragraphs, joint GA/SC symbols, symbols cited in titles, reports in parts, two files
//! claiming one symbol, a contents list ending right before paragraph 1, a layout the
//! parser does not know.

use crate::common;

use std::path::Path;

use common::{fixture, index_into, rapporteur, stderr, stdout};
use rapporteur::model::{Report, UnitKind};
use serde_json::Value;

fn parse(path: &Path) -> (Report, String) {
    let output = rapporteur(["parse".as_ref(), path.as_os_str(), "--json".as_ref()]);
    assert!(output.status.success(), "parse failed: {}", stderr(&output));
    let report = serde_json::from_slice(&output.stdout).expect("parse --json prints a Report");
    (report, stderr(&output))
}

fn genre(name: &str) -> (Report, String) {
    parse(&fixture(&format!("genres/{name}")))
}

/// Every run of words of every line of `path` (its furniture aside) is in one unit's
/// text, a heading, the cover or the contents list.
fn assert_every_line_kept(report: &Report, lines: &[&str]) {
    let kept: Vec<String> = report
        .paragraphs
        .iter()
        .flat_map(|u| std::iter::once(&u.text).chain(&u.section))
        .map(|t| t.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect();
    for line in lines {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(
            kept.iter().any(|k| k.contains(&line)),
            "{line:?} is in no unit of {}",
            report.symbol
        );
    }
}

/// `search --json` over `index`: the hits' (doc, citation) and the summary.
fn search(corpus: &Path, index: &Path, args: &[&str]) -> (Vec<(String, String)>, Value) {
    let mut all = vec!["search", "--json", "--limit", "50", "--corpus"];
    all.push(corpus.to_str().unwrap());
    all.push("--index");
    all.push(index.to_str().unwrap());
    all.extend(args);
    let output = rapporteur(all);
    let mut hits = Vec::new();
    let mut summary = Value::Null;
    for line in stdout(&output).lines() {
        let value: Value = serde_json::from_str(line).expect("JSON Lines");
        match value["type"].as_str() {
            Some("hit") => hits.push((
                value["doc"].as_str().unwrap().to_string(),
                value["citation"].as_str().unwrap().to_string(),
            )),
            _ => summary = value,
        }
    }
    (hits, summary)
}

fn corpus_of(dir: &Path, files: &[(&str, String)]) -> std::path::PathBuf {
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).unwrap();
    for (name, text) in files {
        std::fs::write(corpus.join(name), text).unwrap();
    }
    corpus
}

fn read_fixture(name: &str) -> String {
    std::fs::read_to_string(fixture(&format!("genres/{name}"))).unwrap()
}

#[test]
fn a_joint_letter_keeps_its_text_and_both_symbols_and_its_masthead_date() {
    let (report, _) = genre("letter-joint.en.txt");
    assert_eq!(report.symbols, ["A/81/402", "S/2026/615"]);
    assert_eq!(report.symbol, "A/81/402");
    // The masthead's date, never "the 2030 Agenda" or "2050" of the text.
    assert_eq!(report.year, Some(2026));
    assert_eq!(report.coverage, 1.0);
    let cover = &report.paragraphs[0];
    assert_eq!(cover.kind, UnitKind::Cover);
    assert!(cover.text.contains("Eighty-first session"));
    assert!(cover.text.contains("Letter dated 1 September 2026"));
    assert_every_line_kept(
        &report,
        &[
            "I have the honour to transmit herewith the statement of my Government on the",
            "welcomes the cooperation of neighbouring States in the surveillance of shared waters.",
            "(Signed) Kari Nordmann",
            "Statement of the Government of Norway",
            "It stands ready to host a technical meeting of coastal States in Tromsø.",
        ],
    );
    // A symbol cited in the text is not the report's.
    assert!(!report.symbols.iter().any(|s| s == "S/2026/112"));

    // Either symbol finds it, in a search and in `show`.
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_of(
        dir.path(),
        &[("letter.txt", read_fixture("letter-joint.en.txt"))],
    );
    let index = dir.path().join("index");
    assert!(index_into(&corpus, &index, &[]).status.success());
    for symbol in ["A/81/402", "S/2026/615"] {
        let (hits, _) = search(
            &corpus,
            &index,
            &["surveillance of shared waters", "--doc", symbol],
        );
        assert_eq!(hits.len(), 1, "--doc {symbol}");
        assert_eq!(hits[0].0, "A/81/402");
    }
    let output = rapporteur([
        "show",
        "S/2026/615",
        "b1",
        "--index",
        index.to_str().unwrap(),
    ]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("I have the honour"));
    let (hits, _) = search(&corpus, &index, &["Eighty-first session"]);
    assert!(
        hits.iter()
            .any(|(_, citation)| citation == "A/81/402, cover"),
        "{hits:?}"
    );
}

#[test]
fn parts_of_one_report_are_each_kept_and_found_under_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_of(
        dir.path(),
        &[
            ("A-81-15-part-1.txt", read_fixture("part-one.en.txt")),
            ("A-81-15-part-2.txt", read_fixture("part-two.en.txt")),
        ],
    );
    let index = dir.path().join("index");
    let output = index_into(&corpus, &index, &[]);
    assert!(stdout(&output).contains("2 added"), "{}", stdout(&output));
    assert!(
        !stderr(&output).contains("same report"),
        "{}",
        stderr(&output)
    );
    // The session openings of both parts, each cited under its part.
    let (hits, summary) = search(
        &corpus,
        &index,
        &["\"session was opened\"", "--doc", "A/81/15"],
    );
    let citations: Vec<&str> = hits.iter().map(|(_, c)| c.as_str()).collect();
    assert!(
        citations.contains(&"A/81/15 (Part I), para. 3"),
        "{citations:?}"
    );
    assert!(
        citations.contains(&"A/81/15 (Part II), para. 3"),
        "{citations:?}"
    );
    assert_eq!(summary["total"], 2);
    let (hits, _) = search(
        &corpus,
        &index,
        &["critical minerals", "--doc", "A/81/15 (Part II)"],
    );
    assert_eq!(hits.len(), 1);
    let (hits, _) = search(
        &corpus,
        &index,
        &["critical minerals", "--doc", "A/81/15 (Part I)"],
    );
    assert!(hits.is_empty());
}

/// A letter of the Security Council that cites `cited` in its title and text.
fn amendment(symbol: &str, cited: &str, words: &str) -> String {
    format!(
        "  United Nations    {symbol}\n\nSecurity Council    Distr.: General\n12 May 2026\n\nOriginal: English\n\n\
         \n    Amendment to draft resolution {cited}\n\n\
         \n  In operative paragraph 4 of draft resolution {cited}, after the words \"calls upon\",\n\
         insert the words \"{words}\".\n"
    )
}

#[test]
fn reports_that_cite_one_symbol_are_each_indexed_under_their_own() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = corpus_of(
        dir.path(),
        &[
            (
                "S-2026-114.txt",
                amendment("S/2026/114", "S/2026/112", "all riparian States"),
            ),
            (
                "S-2026-115.txt",
                amendment("S/2026/115", "S/2026/112", "the humanitarian coordinator"),
            ),
            (
                "S-2026-116.txt",
                amendment("S/2026/116", "S/2026/112", "regional fisheries bodies"),
            ),
        ],
    );
    let index = dir.path().join("index");
    let output = index_into(&corpus, &index, &[]);
    assert!(stdout(&output).contains("3 added"), "{}", stdout(&output));
    for (symbol, words) in [
        ("S/2026/114", "all riparian States"),
        ("S/2026/115", "the humanitarian coordinator"),
        ("S/2026/116", "regional fisheries bodies"),
    ] {
        let (hits, _) = search(&corpus, &index, &[&format!("\"{words}\"")]);
        let docs: Vec<&str> = hits.iter().map(|(d, _)| d.as_str()).collect();
        assert_eq!(docs, [symbol]);
    }
}

#[test]
fn one_symbol_with_two_texts_is_indexed_twice_with_a_warning_and_one_text_once() {
    let dir = tempfile::tempdir().unwrap();
    let first = amendment("S/2026/200", "S/2026/190", "all riparian States");
    let other = amendment("S/2026/200", "S/2026/190", "a different delegation").replace(
        "In operative paragraph 4",
        "In the fourth preambular paragraph and in operative paragraph 9",
    );
    // The same text as `first`, as another extractor leaves it: other spacing.
    let respaced = first.replace("  In operative", "In  operative");
    let corpus = corpus_of(
        dir.path(),
        &[("a.txt", first), ("b.txt", other), ("c.txt", respaced)],
    );
    let index = dir.path().join("index");
    let output = index_into(&corpus, &index, &[]);
    let said = stderr(&output);
    assert!(
        said.contains("b.txt") && said.contains("with a different text") && said.contains("a.txt"),
        "{said}"
    );
    let (hits, _) = search(&corpus, &index, &["\"a different delegation\""]);
    assert_eq!(hits.len(), 1);
    let (hits, _) = search(&corpus, &index, &["\"all riparian States\""]);
    assert_eq!(
        hits.len(),
        1,
        "the respaced copy is the same report, indexed once"
    );
}

#[test]
fn a_contents_list_ending_right_before_paragraph_one_keeps_it() {
    let (report, said) = genre("upr-contents.en.txt");
    let body: Vec<u32> = report
        .paragraphs
        .iter()
        .filter(|u| u.kind == UnitKind::Paragraph)
        .map(|u| u.number)
        .collect();
    assert_eq!(body, [1, 2, 3]);
    assert!(!said.contains("numbering"), "{said}");
    let contents: Vec<_> = report
        .paragraphs
        .iter()
        .filter(|u| u.kind == UnitKind::Contents)
        .collect();
    assert_eq!(contents.len(), 1);
    assert!(contents[0].text.contains("Composition of the delegation"));
    assert_every_line_kept(
        &report,
        &["session from 3 to 14 November 2025. The review of Ruritania was held at the"],
    );
}

#[test]
fn a_layout_the_parser_does_not_know_is_kept_whole_in_blocks() {
    let (report, said) = genre("unrecognised.en.txt");
    assert!(said.contains("no numbered paragraphs"), "{said}");
    assert_eq!(report.coverage, 1.0);
    let text = read_fixture("unrecognised.en.txt");
    // The masthead's "Original: English" is page furniture, as "Distr.: General" is.
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.trim().starts_with("Original:"))
        .collect();
    assert_every_line_kept(&report, &lines);
}

#[test]
fn a_numbering_that_starts_late_is_warned_and_a_future_year_refused() {
    let dir = tempfile::tempdir().unwrap();
    let text = "  United Nations    E/2026/77\n\nEconomic and Social Council    Distr.: General\n\
                3 March 2099\n\n    Report of the Committee on its third session\n\n\
                2.  The Committee met twice and heard the secretariat.\n\n\
                3.  The Committee adopted its programme of work for 2030.\n\n\
                4.  The Committee adopted the present report.\n";
    let corpus = corpus_of(dir.path(), &[("late.txt", text.to_string())]);
    let output = rapporteur([
        "parse".as_ref(),
        corpus.join("late.txt").as_os_str(),
        "--json".as_ref(),
    ]);
    let report: Report = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        report.year, None,
        "a date after the file's own time is refused"
    );
    let said = stderr(&output);
    assert!(
        said.contains("late.txt") && said.contains("starts at 2"),
        "{said}"
    );
    assert!(said.contains("2099"), "{said}");
    let index = dir.path().join("index");
    let output = index_into(&corpus, &index, &[]);
    assert!(stderr(&output).contains("late.txt: paragraph numbering in the body starts at 2"));
}
