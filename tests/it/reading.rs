//! For people who write from what they find: trends, citations, formats to paste, orders,
//! completions and the manual, through the real binary on a corpus of generated reports
//! over several years and sessions (and the shipped report).

use crate::common;

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use common::{index_into, rapporteur, root, shipped_index, stderr, stdout};

const ORDINALS: [&str; 6] = ["First", "Second", "Third", "Fourth", "Fifth", "Sixth"];
const SPEAKERS: [&str; 4] = ["China", "India", "Japan", "Nepal"];

/// Six sessions, one a year from 2019, and a report with neither session nor year; each
/// speaks of green hydrogen a different number of times, by different delegations.
fn generated_corpus(dir: &Path) {
    std::fs::create_dir_all(dir).unwrap();
    for (i, ordinal) in ORDINALS.iter().enumerate() {
        let session = i + 1;
        let year = 2019 + i;
        let mut text = format!(
            "TEST/{session}/1\n\nGoverning Council\n{ordinal} session\nBangkok, 3–5 December {year}\n\n\
             Report of the Governing Council on its {} session\n\nI. Proceedings (agenda item 2)\n\n",
            ordinal.to_lowercase()
        );
        let mut n = 0;
        for k in 0..=i {
            n += 1;
            let speaker = SPEAKERS[(k + i) % SPEAKERS.len()];
            text.push_str(&format!(
                "{n}. The representative of {speaker} welcomed green hydrogen projects number{k}.\n\n"
            ));
        }
        text.push_str("II. Other matters (agenda item 3)\n\n");
        n += 1;
        text.push_str(&format!(
            "{n}. The representative of Japan noted desalination.\n\n"
        ));
        text.push_str("Annex\n\nDecision 1\n\nThe Council adopts green hydrogen guidelines.\n");
        std::fs::write(dir.join(format!("test-{session}.en.txt")), text).unwrap();
    }
    std::fs::write(
        dir.join("undated.en.txt"),
        "UNDATED/1\n\nNotes of the secretariat\n\n1. The representative of China welcomed green hydrogen.\n\n\
         2. The representative of Nepal spoke of desalination.\n",
    )
    .unwrap();
}

fn lines(output: &std::process::Output) -> Vec<serde_json::Value> {
    stdout(output)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("{e}: {l}")))
        .collect()
}

fn run(index: &Path, args: &[&str]) -> std::process::Output {
    let mut all: Vec<&std::ffi::OsStr> = args.iter().map(std::ffi::OsStr::new).collect();
    all.extend(["--index".as_ref(), index.as_os_str()]);
    rapporteur(all)
}

fn indexed() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, index) = (dir.path().join("corpus"), dir.path().join("index"));
    generated_corpus(&corpus);
    let output = index_into(&corpus, &index, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    (dir, index)
}

fn search_total(index: &Path, extra: &[&str]) -> u64 {
    let mut args = vec!["search", "green hydrogen", "--json"];
    args.extend(extra);
    let out = lines(&run(index, &args));
    out.last().unwrap()["total"].as_u64().unwrap()
}

#[test]
fn trend_counts_add_up_to_what_search_counts() {
    let (_dir, index) = indexed();
    let total = search_total(&index, &[]);
    assert_eq!(
        total,
        21 + 6 + 1,
        "21 paragraphs, 6 decisions, 1 undated paragraph"
    );

    let output = run(
        &index,
        &["trend", "green hydrogen", "--by", "session", "--json"],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let out = lines(&output);
    let (summary, buckets) = out.split_last().unwrap();
    assert_eq!(summary["type"], "summary");
    assert_eq!(summary["total"].as_u64(), Some(total));
    let mut by_session: BTreeMap<String, u64> = BTreeMap::new();
    for bucket in buckets {
        assert_eq!(bucket["type"], "bucket");
        assert!(bucket["series"].is_null());
        let key = bucket["key"].as_str().unwrap_or("undated").to_string();
        *by_session.entry(key).or_insert(0) += bucket["count"].as_u64().unwrap();
    }
    for session in 1..=6 {
        let searched = search_total(&index, &["--session", &session.to_string()]);
        assert_eq!(
            by_session[&session.to_string()],
            searched,
            "session {session}"
        );
        assert_eq!(searched, session + 1);
    }
    assert_eq!(by_session["undated"], 1);
    assert_eq!(by_session.values().sum::<u64>(), total);

    // By year: each year's bar is the sum of search's per-document counts for the reports
    // of that year (report n is of 2018 + n), the undated report last.
    let searched = lines(&run(&index, &["search", "green hydrogen", "--json"]));
    let mut per_year: BTreeMap<String, u64> = BTreeMap::new();
    for (doc, n) in searched.last().unwrap()["facets"]["doc"]
        .as_object()
        .unwrap()
    {
        let year = doc
            .strip_prefix("TEST/")
            .and_then(|rest| rest.split('/').next())
            .and_then(|n| n.parse::<u64>().ok())
            .map_or("undated".to_string(), |n| (2018 + n).to_string());
        *per_year.entry(year).or_insert(0) += n.as_u64().unwrap();
    }
    let out = lines(&run(&index, &["trend", "green hydrogen", "--json"]));
    let trended: BTreeMap<String, u64> = out[..out.len() - 1]
        .iter()
        .map(|b| {
            let key = b["key"].as_str().unwrap_or("undated").to_string();
            (key, b["count"].as_u64().unwrap())
        })
        .collect();
    assert_eq!(trended, per_year);
    let keys: Vec<serde_json::Value> = out[..out.len() - 1]
        .iter()
        .map(|b| b["key"].clone())
        .collect();
    assert_eq!(
        keys,
        ["2019", "2020", "2021", "2022", "2023", "2024"]
            .iter()
            .map(|k| serde_json::json!(k))
            .chain([serde_json::Value::Null])
            .collect::<Vec<_>>()
    );

    // The chart on a terminal: a bar per year, the counts after them, no colour piped.
    let chart = stdout(&run(&index, &["trend", "green hydrogen"]));
    assert!(
        chart.contains("2024  ") && chart.contains("undated"),
        "{chart}"
    );
    assert!(chart.contains('█') && !chart.contains('\u{1b}'), "{chart}");
}

#[test]
fn split_by_country_keeps_the_top_series_and_adds_up_the_others() {
    let (_dir, index) = indexed();
    let out = lines(&run(
        &index,
        &[
            "trend",
            "green hydrogen",
            "--split",
            "country",
            "--top",
            "2",
            "--json",
        ],
    ));
    let (summary, buckets) = out.split_last().unwrap();
    let series: Vec<&str> = summary["series"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    assert_eq!(series.len(), 3, "{series:?}");
    assert_eq!(series[2], "others");
    let mut per_series: BTreeMap<&str, u64> = BTreeMap::new();
    for bucket in buckets {
        let name = bucket["series"].as_str().unwrap();
        assert!(series.contains(&name), "{name}");
        *per_series.entry(name).or_insert(0) += bucket["count"].as_u64().unwrap();
    }
    // The two largest series are larger than any one they left out.
    let country_total = |code: &str| search_total(&index, &["--country", code]);
    let kept: Vec<u64> = series[..2].iter().map(|c| per_series[c]).collect();
    for (code, name) in [
        ("CHN", "CHN"),
        ("IND", "IND"),
        ("JPN", "JPN"),
        ("NPL", "NPL"),
    ] {
        if series.contains(&name) {
            assert_eq!(per_series[name], country_total(code), "{code}");
        } else {
            assert!(kept.iter().all(|k| *k >= country_total(code)), "{code}");
        }
    }
}

fn text_elements(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| t.split_once('>').map(|(_, rest)| rest))
        .filter_map(|rest| {
            rest.split_once("</text>")
                .map(|(t, _)| t.trim().to_string())
        })
        .collect()
}

#[test]
fn plots_are_written_as_svg_and_png_carrying_the_counts() {
    let (dir, index) = indexed();
    let svg = dir.path().join("trend.svg");
    let output = run(
        &index,
        &[
            "trend",
            "green hydrogen",
            "--by",
            "session",
            "--plot",
            svg.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let drawn = std::fs::read_to_string(&svg).unwrap();
    assert!(drawn.starts_with("<svg"));
    let texts = text_elements(&drawn);
    for (session, count) in [(1, 2), (2, 3), (3, 4), (4, 5), (5, 6), (6, 7)] {
        assert!(
            texts.contains(&session.to_string()),
            "label {session}: {texts:?}"
        );
        assert!(
            texts.contains(&count.to_string()),
            "count {count}: {texts:?}"
        );
    }
    let png = dir.path().join("trend.png");
    let output = run(
        &index,
        &[
            "trend",
            "green hydrogen",
            "--split",
            "country",
            "--plot",
            png.to_str().unwrap(),
        ],
    );
    assert!(output.status.success(), "{}", stderr(&output));
    let bytes = std::fs::read(&png).unwrap();
    assert!(bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.len() > 1000);
    let output = run(&index, &["trend", "green hydrogen", "--plot", "chart.gif"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(".svg or .png"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn citations_in_french_and_english_for_paragraphs_annexes_and_decisions() {
    let (_dir, index) = indexed();
    let out = lines(&run(
        &index,
        &["search", "green hydrogen", "--doc", "TEST/3/1", "--json"],
    ));
    let citations: Vec<&str> = out[..out.len() - 1]
        .iter()
        .map(|h| h["citation"].as_str().unwrap())
        .collect();
    for want in [
        "TEST/3/1, para. 1",
        "TEST/3/1, para. 3",
        "TEST/3/1, annex I, decision 1",
    ] {
        assert!(citations.contains(&want), "{want}: {citations:?}");
    }
    let (_seed, seed_index) = shipped_index();
    let cited = |query: &str| -> Vec<String> {
        let out = lines(&run(
            &seed_index,
            &["search", query, "--json", "--limit", "100"],
        ));
        out[..out.len() - 1]
            .iter()
            .map(|h| h["citation"].as_str().unwrap().to_string())
            .collect()
    };
    assert!(cited("hydrogène vert").contains(&"APCTT/GC(20)/4, par. 5".to_string()));
    assert!(cited("hydrogène vert").contains(&"APCTT/GC(20)/4, annexe II, par. 13".to_string()));
    assert!(cited("Conseil d’administration")
        .iter()
        .any(|c| c == "APCTT/GC(20)/4, décision 3"));
    // In the human output too, leading each hit.
    let human = stdout(&run(&seed_index, &["search", "hydrogène vert"]));
    assert!(
        human
            .lines()
            .any(|l| l.starts_with("APCTT/GC(20)/4, par. 5 · ")),
        "{human}"
    );
}

#[test]
fn csv_gives_the_same_hits_as_json_and_md_and_cite_match_their_golden_files() {
    let (_dir, index) = shipped_index();
    let json = lines(&run(
        &index,
        &["search", "coopération", "--json", "--limit", "20"],
    ));
    let csv_out = stdout(&run(
        &index,
        &["search", "coopération", "--format", "csv", "--limit", "20"],
    ));
    let mut reader = csv::Reader::from_reader(csv_out.as_bytes());
    let headers = reader.headers().unwrap().clone();
    assert_eq!(
        headers.iter().collect::<Vec<_>>()[..2],
        ["citation", "document"]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    let hits = &json[..json.len() - 1];
    assert_eq!(rows.len(), hits.len());
    for (row, hit) in rows.iter().zip(hits) {
        assert_eq!(&row[0], hit["citation"].as_str().unwrap());
        assert_eq!(&row[1], hit["doc"].as_str().unwrap());
        assert_eq!(&row[7], hit["text"].as_str().unwrap());
        let item = match &hit["agenda_item"] {
            serde_json::Value::Number(n) => n.to_string(),
            serde_json::Value::String(label) => label.clone(),
            _ => String::new(),
        };
        assert_eq!(&row[3], item.as_str());
    }
    for (format, golden) in [("md", "hydrogene-vert.md"), ("cite", "hydrogene-vert.cite")] {
        let got = stdout(&run(
            &index,
            &["search", "hydrogène vert", "--format", format],
        ));
        let want = std::fs::read_to_string(root().join("tests/golden").join(golden)).unwrap();
        assert_eq!(got, want, "{format}");
    }
}

#[test]
fn sort_by_date_or_document_and_the_facets_do_not_change() {
    let (_dir, index) = indexed();
    let mut facets = Vec::new();
    let mut orders = BTreeMap::new();
    for sort in ["relevance", "date", "document"] {
        let out = lines(&run(
            &index,
            &[
                "search",
                "green hydrogen",
                "--json",
                "--limit",
                "100",
                "--sort",
                sort,
            ],
        ));
        let (summary, hits) = out.split_last().unwrap();
        facets.push(summary["facets"].clone());
        orders.insert(sort, hits.to_vec());
    }
    assert!(facets.windows(2).all(|w| w[0] == w[1]));
    let dated: Vec<u64> = orders["date"]
        .iter()
        .map(|h| h["year"].as_u64().unwrap_or(0))
        .collect();
    assert_eq!(dated[0], 2024, "the newest report first");
    assert!(
        dated.windows(2).all(|w| w[0] >= w[1] || w[1] == 0),
        "{dated:?}"
    );
    assert_eq!(orders["date"].last().unwrap()["doc"], "UNDATED/1");
    // Reading order: report by report, and within one, as printed.
    let read: Vec<(String, String)> = orders["document"]
        .iter()
        .map(|h| {
            (
                h["doc"].as_str().unwrap().to_string(),
                h["label"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    let docs: Vec<&String> = read.iter().map(|(d, _)| d).collect();
    let mut sorted_docs = docs.clone();
    sorted_docs.sort();
    assert_eq!(docs, sorted_docs);
    let third: Vec<&str> = read
        .iter()
        .filter(|(d, _)| d == "TEST/3/1")
        .map(|(_, l)| l.as_str())
        .collect();
    assert_eq!(third, ["¶1", "¶2", "¶3", "annex I decision 1"]);
}

#[test]
fn completions_parse_and_the_manual_renders() {
    let output = rapporteur(["completions", "bash"]);
    assert!(output.status.success());
    let script = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(script.path(), &output.stdout).unwrap();
    let check = Command::new("bash")
        .arg("-n")
        .arg(script.path())
        .output()
        .unwrap();
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stderr)
    );
    for shell in ["zsh", "fish", "powershell", "elvish"] {
        let output = rapporteur(["completions", shell]);
        assert!(
            output.status.success() && !output.stdout.is_empty(),
            "{shell}"
        );
    }
    let man = rapporteur(["man"]);
    assert!(man.status.success());
    let page = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(page.path(), &man.stdout).unwrap();
    let rendered = Command::new("groff")
        .args(["-man", "-Tutf8", "-ww", "-z"])
        .arg(page.path())
        .output()
        .expect("groff renders manual pages (Debian: groff-base)");
    assert!(rendered.status.success());
    assert_eq!(
        String::from_utf8_lossy(&rendered.stderr),
        "",
        "groff warnings"
    );
    let text = String::from_utf8_lossy(&man.stdout);
    assert!(text.contains("rapporteur") && text.contains("search"));
    // Every subcommand's help ends with examples.
    for command in ["search", "trend", "index", "show", "parse", "stats"] {
        let help = stdout(&rapporteur([command, "--help"]));
        assert!(help.contains("Examples:\n  rapporteur"), "{command}");
    }
}

#[test]
fn show_with_context_prints_neighbours_in_reading_order() {
    let (_dir, index) = shipped_index();
    let shown = stdout(&run(
        &index,
        &["show", "APCTT/GC(20)/4", "12", "--context", "2"],
    ));
    let headers: Vec<&str> = shown
        .lines()
        .filter(|l| l.contains("APCTT/GC(20)/4, par."))
        .collect();
    assert_eq!(headers.len(), 5, "{shown}");
    for (line, n) in headers.iter().zip(10..=14) {
        assert!(line.contains(&format!("par. {n} ")), "{line}");
    }
    assert!(headers[2].starts_with("▶"), "{}", headers[2]);
}
