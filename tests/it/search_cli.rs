//! `rapporteur index`, `search` and `show` run as a user runs them, over the shipped
//! report and a fixture corpus (a French commission report and an English committee
//! report written for these tests).

use crate::common;

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use common::{
    fixture, index_into, indexed_copy, rapporteur, rapporteur_in, root, stderr, stdout, IndexedCopy,
};
use serde::Deserialize;

struct Corpus {
    _dir: IndexedCopy,
    index: PathBuf,
}

/// An index of the shipped report alone.
fn shipped() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| indexed(&[root().join("corpus/APCTT-GC-20-4.fr.txt")]))
}

/// An index of the shipped report and the fixture reports.
fn mixed() -> &'static Corpus {
    static CORPUS: OnceLock<Corpus> = OnceLock::new();
    CORPUS.get_or_init(|| {
        indexed(&[
            root().join("corpus/APCTT-GC-20-4.fr.txt"),
            fixture("reports/en-committee.txt"),
            fixture("reports/fr-commission.txt"),
        ])
    })
}

fn indexed(files: &[PathBuf]) -> Corpus {
    let copy = indexed_copy(files);
    Corpus {
        index: copy.index.clone(),
        _dir: copy,
    }
}

#[derive(Debug, Deserialize)]
struct Hit {
    doc: String,
    annex: Option<String>,
    kind: String,
    number: u32,
    #[serde(default, with = "rapporteur::model::agenda_json")]
    agenda_item: Option<String>,
    speakers: Vec<Speaker>,
    countries: Vec<String>,
    score: f32,
    snippet: Snippet,
    text: String,
    language: String,
}

#[derive(Debug, Deserialize)]
struct Speaker {
    country: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Snippet {
    text: String,
    highlights: Vec<[usize; 2]>,
}

#[derive(Debug, Deserialize)]
struct Summary {
    total: usize,
    facets: Facets,
}

#[derive(Debug, Deserialize)]
struct Facets {
    country: std::collections::BTreeMap<String, usize>,
    agenda_item: std::collections::BTreeMap<String, usize>,
    doc: std::collections::BTreeMap<String, usize>,
}

impl Hit {
    fn key(&self) -> String {
        match (&self.annex, self.kind.as_str()) {
            (_, "decision") => format!("d{}", self.number),
            (Some(annex), _) => format!("{annex}.{}", self.number),
            (None, _) => self.number.to_string(),
        }
    }
}

/// Runs `search --json` and reads its JSON Lines.
fn search_json(index: &Path, args: &[&str]) -> (Vec<Hit>, Summary, i32) {
    let mut all: Vec<&std::ffi::OsStr> = vec![
        "search".as_ref(),
        "--json".as_ref(),
        "--index".as_ref(),
        index.as_os_str(),
    ];
    all.extend(args.iter().map(std::ffi::OsStr::new));
    let output = rapporteur(all);
    let code = output.status.code().unwrap_or(-1);
    assert!(code == 0 || code == 1, "exit {code}: {}", stderr(&output));
    let mut hits = Vec::new();
    let mut summary = None;
    for line in stdout(&output).lines() {
        let value: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        match value["type"].as_str() {
            Some("hit") => hits.push(serde_json::from_value(value).expect("a hit object")),
            Some("summary") => {
                summary = Some(serde_json::from_value(value).expect("a summary object"))
            }
            other => panic!("unexpected line type {other:?}"),
        }
    }
    (hits, summary.expect("a summary line"), code)
}

fn keys(hits: &[Hit]) -> Vec<String> {
    hits.iter().map(Hit::key).collect()
}

#[test]
fn green_hydrogen_top_four_in_every_spelling() {
    let index = &shipped().index;
    let expected = ["11", "5", "7", "II.13"];
    for query in [
        "hydrogène vert",
        "hydrogene vert",
        "HYDROGÈNE VERTE",
        "l’hydrogène vert",
        "l'hydrogène vert",
        "hydroge\u{300}ne verts",
    ] {
        let (hits, _, code) = search_json(index, &[query]);
        assert_eq!(code, 0);
        let mut top: Vec<String> = keys(&hits).into_iter().take(4).collect();
        top.sort();
        assert_eq!(top, expected, "{query}");
    }
}

#[test]
fn country_filter_accepts_names_codes_and_any_case() {
    let index = &shipped().index;
    for country in ["Chine", "CHN", "china", "chine", "la Chine"] {
        let (hits, summary, _) = search_json(index, &["hydrogène vert", "--country", country]);
        assert_eq!(keys(&hits), ["5"], "--country {country}");
        assert_eq!(summary.total, 1);
    }
    let (hits, _, _) = search_json(index, &["pollution", "--country", "thailande"]);
    assert_eq!(keys(&hits), ["17"]);
    let (hits, _, _) = search_json(index, &["Centre", "--country", "Inde", "--country", "IRN"]);
    assert!(!hits.is_empty());
    for hit in &hits {
        let codes: Vec<_> = hit
            .speakers
            .iter()
            .filter_map(|s| s.country.as_deref())
            .collect();
        assert!(
            codes.contains(&"IND") || codes.contains(&"IRN"),
            "{codes:?}"
        );
    }
}

#[test]
fn unknown_country_exits_2_with_suggestions() {
    let output = rapporteur([
        "search",
        "hydrogène",
        "--country",
        "Chin",
        "--index",
        shipped().index.to_str().unwrap(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    let message = stderr(&output);
    assert!(
        message.contains("Chin") && message.contains("Chine"),
        "{message}"
    );
}

#[test]
fn phrases_elision_and_names() {
    let index = &shipped().index;
    let (hits, _, _) = search_json(index, &["pollution de l'air"]);
    let found = keys(&hits);
    assert!(
        found.contains(&"11".to_string()) && found.contains(&"15".to_string()),
        "{found:?}"
    );
    let (hits, _, _) = search_json(index, &["\"pollution de l’air\""]);
    let mut phrase = keys(&hits);
    phrase.sort();
    assert_eq!(
        phrase,
        ["11", "15"],
        "¶17 has pollution and air, not the phrase"
    );
    let (hits, _, _) = search_json(index, &["Moscou"]);
    let mut found = keys(&hits);
    found.sort();
    assert_eq!(found, ["20", "d8"]);
}

#[test]
fn or_and_exclusion() {
    let index = &shipped().index;
    let (hits, _, _) = search_json(index, &["dessalement OR Moscou"]);
    let mut found = keys(&hits);
    found.sort();
    assert_eq!(found, ["12", "20", "d8"]);
    let (hits, _, _) = search_json(index, &["hydrogène vert -Chine"]);
    assert!(!keys(&hits).contains(&"5".to_string()));
    assert!(keys(&hits).contains(&"7".to_string()));
}

#[test]
fn json_summary_is_consistent_with_hits_and_filters() {
    let index = &shipped().index;
    let (hits, summary, code) = search_json(index, &["dessalement", "--agenda", "3"]);
    assert_eq!(code, 0);
    assert_eq!(summary.total, hits.len());
    assert_eq!(
        summary.facets.agenda_item.values().sum::<usize>(),
        summary.total
    );
    assert_eq!(summary.facets.agenda_item.get("3"), Some(&summary.total));
    let hit = &hits[0];
    assert_eq!(
        (
            hit.doc.as_str(),
            hit.agenda_item.as_deref(),
            hit.language.as_str()
        ),
        ("APCTT/GC(20)/4", Some("3"), "fr")
    );
    assert!(hit.score > 0.0 && hit.text.contains("dessalement"));
    assert!(!hit.snippet.highlights.is_empty());
    for [start, end] in &hit.snippet.highlights {
        assert_eq!(
            &hit.snippet.text[*start..*end].to_lowercase(),
            "dessalement"
        );
    }
    let (_, summary, _) = search_json(index, &["technologie", "--limit", "3"]);
    let speaking: usize = summary.facets.country.values().sum();
    assert!(
        summary.total > 3 && speaking > 3,
        "facets count all hits, not the 3 shown"
    );
}

#[test]
fn ranking_prefers_words_together_and_breaks_ties_by_document_order() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    let filler =
        "le Centre a présenté ses travaux sur les questions régionales et la coopération. "
            .repeat(2);
    let report = |symbol: &str| {
        format!(
            "{symbol}\n\n1. L’hydrogène est utile ; {filler} les espaces sont restés vert pâle.\n\n\
             2. Le représentant parle de l’hydrogène vert pour {filler}\n\n3. Rien à voir.\n\n4. L’hydrogène vert encore.\n"
        )
    };
    std::fs::write(corpus.join("a.txt"), report("TEST/B/1")).unwrap();
    std::fs::write(corpus.join("b.txt"), report("TEST/A/1")).unwrap();
    let index = dir.path().join("index");
    let output = index_into(&corpus, &index, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let (hits, _, _) = search_json(&index, &["hydrogène vert"]);
    let order: Vec<String> = hits
        .iter()
        .map(|h| format!("{} {}", h.doc, h.number))
        .collect();
    assert_eq!(order.len(), 6);
    assert!(
        order[4..].iter().all(|o| o.ends_with(" 1")),
        "scattered words rank last: {order:?}"
    );
    let first_pair = [&order[0], &order[1]];
    assert_eq!(
        first_pair,
        ["TEST/A/1 4", "TEST/B/1 4"],
        "equal scores: document, then paragraph order"
    );
}

/// Fewer hits asked for are the first ones of the longer list, with the same scores,
/// totals and counts: a search showing few hits skips working out the proximity of
/// units that cannot be among them, and must never drop one that could.
#[test]
fn a_shorter_list_is_the_head_of_a_longer_one() {
    let index = &mixed().index;
    for query in [
        "coopération régionale",
        "transfert de technologie",
        "centre technologie développement",
        "hydrogène vert",
        "pays membres",
    ] {
        let (all, summary, _) = search_json(index, &[query, "--limit", "500"]);
        assert!(all.len() >= 4, "{query}: {} hits", all.len());
        for limit in [1, 2, 3, 10] {
            let (head, head_summary, _) =
                search_json(index, &[query, "--limit", &limit.to_string()]);
            let expected: Vec<(String, String, f32)> = all
                .iter()
                .take(limit)
                .map(|h| (h.doc.clone(), h.key(), h.score))
                .collect();
            let got: Vec<(String, String, f32)> = head
                .iter()
                .map(|h| (h.doc.clone(), h.key(), h.score))
                .collect();
            assert_eq!(got, expected, "{query}, --limit {limit}");
            assert_eq!(head_summary.total, summary.total, "{query}");
            assert_eq!(head_summary.facets.doc, summary.facets.doc, "{query}");
        }
    }
}

#[test]
fn exit_codes_and_malformed_queries() {
    let index = shipped().index.to_str().unwrap().to_string();
    let none = rapporteur(["search", "zzzyzzy", "--index", &index]);
    assert_eq!(none.status.code(), Some(1));
    assert!(stdout(&none).contains("0 hits"));
    let unbalanced = rapporteur(["search", "hydrogène \"vert", "--index", &index]);
    assert_eq!(unbalanced.status.code(), Some(0));
    assert!(stderr(&unbalanced).contains("unbalanced quote"));
    let only_excluded = rapporteur(["search", "-vert", "--index", &index]);
    assert_eq!(only_excluded.status.code(), Some(2));
    assert!(stderr(&only_excluded).contains("only excludes"));
    for query in ["OR", "\"", "- -", "l’", "((("] {
        let output = rapporteur(["search", query, "--index", &index]);
        assert!(matches!(output.status.code(), Some(1) | Some(2)), "{query}");
        assert!(!stderr(&output).contains("panicked"), "{query}");
    }
}

#[test]
fn a_closed_pipe_is_a_normal_exit() {
    let command = format!(
        "'{}' search technologie --limit 50 --index '{}' | head -c 1 >/dev/null; exit ${{PIPESTATUS[0]}}",
        env!("CARGO_BIN_EXE_rapporteur"),
        shipped().index.display()
    );
    let status = std::process::Command::new("bash")
        .arg("-c")
        .arg(command)
        .status()
        .unwrap();
    assert_eq!(status.code(), Some(0));
}

#[test]
fn human_output_colour_only_when_asked() {
    let index = shipped().index.to_str().unwrap().to_string();
    let plain = stdout(&rapporteur(["search", "dessalement", "--index", &index]));
    assert!(!plain.contains('\u{1b}'));
    let header = plain.lines().next().unwrap();
    assert!(header.starts_with("APCTT/GC(20)/4, par. 12"), "{header}");
    assert!(
        header.contains("point 3 : Projet de programme de travail pour 2025"),
        "{header}"
    );
    assert!(
        header.contains("République islamique d’Iran (IRN)"),
        "{header}"
    );
    assert!(
        plain.contains("1 hit · speakers: IRN ×1 · agenda items: point 3 Projet de programme de travail pour 2025 ×1"),
        "{plain}"
    );
    let coloured = stdout(&rapporteur([
        "search",
        "dessalement",
        "--color",
        "always",
        "--index",
        &index,
    ]));
    assert!(coloured.contains("\u{1b}["));
}

#[test]
fn filters_by_mention_session_language_and_document() {
    let index = &mixed().index;
    let (hits, _, _) = search_json(index, &["Gouvernement", "--mentions", "Inde"]);
    assert!(!hits.is_empty());
    assert!(hits
        .iter()
        .all(|h| h.countries.contains(&"IND".to_string())));
    let (hits, summary, _) = search_json(index, &["hydrogène"]);
    assert_eq!(
        summary.facets.doc.len(),
        3,
        "one query finds French and English reports: {:?}",
        summary.facets.doc
    );
    assert!(hits.iter().any(|h| h.language == "en"));
    let (hits, _, _) = search_json(index, &["hydrogène", "--lang", "en"]);
    assert!(!hits.is_empty() && hits.iter().all(|h| h.language == "en"));
    let (hits, _, _) = search_json(index, &["hydrogène", "--session", "81"]);
    assert!(!hits.is_empty() && hits.iter().all(|h| h.doc == "E/ESCAP/81/27"));
    let (hits, _, _) = search_json(
        index,
        &["hydrogen", "--doc", "E/ESCAP/CTI(3)/9", "--country", "KOR"],
    );
    assert_eq!(keys(&hits), ["7"]);
}

#[test]
fn show_prints_a_unit_in_full() {
    let index = shipped().index.to_str().unwrap().to_string();
    let output = rapporteur(["show", "APCTT/GC(20)/4", "12", "--index", &index]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(
        text.contains("B. Projet de programme de travail pour 2025 (point 3 de l’ordre du jour)")
    );
    assert!(text.contains("République islamique d’Iran (IRN)"));
    assert!(
        text.contains("séparation et la purification des terres rares"),
        "the whole text, not a snippet"
    );
    let decision = stdout(&rapporteur([
        "show",
        "APCTT/GC(20)/4",
        "d8",
        "--index",
        &index,
    ]));
    assert!(decision.contains("décision 8") && decision.contains("Moscou"));
    let annex = stdout(&rapporteur([
        "show",
        "APCTT/GC(20)/4",
        "II.13",
        "--index",
        &index,
    ]));
    assert!(
        annex.contains("APCTT/GC(20)/4, annexe II, par. 13")
            && annex.contains("mission nationale pour l’hydrogène vert")
    );
    let missing = rapporteur(["show", "APCTT/GC(20)/4", "99", "--index", &index]);
    assert_eq!(missing.status.code(), Some(1));
    let unknown = rapporteur(["show", "APCTT/GC(20)/5", "1", "--index", &index]);
    assert_eq!(unknown.status.code(), Some(1));
    assert!(
        stderr(&unknown).contains("closest: APCTT/GC(20)/4"),
        "{}",
        stderr(&unknown)
    );
    let malformed = rapporteur([
        "show",
        "APCTT/GC(20)/4",
        "paragraph twelve",
        "--index",
        &index,
    ]);
    assert_eq!(malformed.status.code(), Some(2));
    assert!(stderr(&malformed).contains("II.13"));
}

#[test]
fn search_builds_the_index_when_there_is_none() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("corpus")).unwrap();
    std::fs::copy(
        root().join("corpus/APCTT-GC-20-4.fr.txt"),
        dir.path().join("corpus/report.txt"),
    )
    .unwrap();
    let output = rapporteur_in(dir.path(), ["search", "dessalement"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stderr(&output).contains("building it"));
    assert!(dir.path().join("index/CURRENT").exists());
    let again = rapporteur_in(dir.path(), ["search", "dessalement"]);
    assert!(!stderr(&again).contains("building it"));
}

#[test]
fn bad_files_are_skipped_with_a_message_and_the_rest_is_indexed() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::copy(
        root().join("corpus/APCTT-GC-20-4.fr.txt"),
        corpus.join("good.txt"),
    )
    .unwrap();
    std::fs::write(corpus.join("empty.txt"), "").unwrap();
    std::fs::write(corpus.join("binary.txt"), [0u8, 159, 146, 150, 0, 1, 2]).unwrap();
    let index = dir.path().join("index");
    let output = index_into(&corpus, &index, &[]);
    assert!(output.status.success());
    let messages = stderr(&output);
    assert!(
        messages.contains("empty.txt") && messages.contains("empty"),
        "{messages}"
    );
    assert!(
        messages.contains("binary.txt") && messages.contains("binary"),
        "{messages}"
    );
    assert!(stdout(&output).contains("2 files skipped"));
    let (hits, _, _) = search_json(&index, &["dessalement"]);
    assert_eq!(keys(&hits), ["12"]);
}
