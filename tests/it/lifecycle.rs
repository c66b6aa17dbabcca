//! The index's life: incremental updates, duplicates, deletions, crash safety under
//! SIGKILL and Ctrl-C, one indexer at a time, searches while indexing, schema upgrades,
//! `--rebuild`, `stats`.

use crate::common;

use std::collections::HashMap;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{
    generate_reports, generate_short_reports, index_into, rapporteur, root, stderr, stdout,
};
use rapporteur::index::IndexHandle;
use tantivy::collector::TopDocs;
use tantivy::query::AllQuery;
use tantivy::schema::OwnedValue;
use tantivy::TantivyDocument;

fn spawn_index(corpus: &Path, index: &Path, extra: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_rapporteur"))
        .arg("index")
        .arg("--corpus")
        .arg(corpus)
        .arg("--index")
        .arg(index)
        .args(extra)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the indexer starts")
}

fn search(index: &Path, query: &str) -> std::process::Output {
    rapporteur([
        "search".as_ref(),
        query.as_ref(),
        "--json".as_ref(),
        "--limit".as_ref(),
        "1000".as_ref(),
        "--index".as_ref(),
        index.as_os_str(),
    ])
}

fn hit_count(index: &Path, query: &str) -> usize {
    let output = search(index, query);
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "search failed: {}",
        stderr(&output)
    );
    stdout(&output)
        .lines()
        .filter(|l| l.contains("\"type\":\"hit\""))
        .count()
}

/// Every unit in the index as (symbol, unit key), counted.
fn units_in(index: &Path) -> HashMap<(String, String), usize> {
    let handle = IndexHandle::open(index).expect("the index opens");
    let searcher = handle.searcher();
    let total = searcher.num_docs() as usize;
    let mut units = HashMap::new();
    for (_, address) in searcher
        .search(
            &AllQuery,
            &TopDocs::with_limit(total.max(1)).order_by_score(),
        )
        .unwrap()
    {
        let doc: TantivyDocument = searcher.doc(address).unwrap();
        let text = |field| match doc.get_first(field).map(OwnedValue::from) {
            Some(OwnedValue::Str(s)) => s,
            _ => String::new(),
        };
        *units
            .entry((text(handle.fields.symbol), text(handle.fields.unit_key)))
            .or_insert(0) += 1;
    }
    units
}

fn symbols_in(index: &Path) -> HashMap<String, usize> {
    let mut symbols = HashMap::new();
    for ((symbol, _), n) in units_in(index) {
        *symbols.entry(symbol).or_insert(0) += n;
    }
    symbols
}

#[test]
fn changed_deleted_and_duplicate_files() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let idx = dir.path().join("index");
    let files = generate_short_reports(&corpus.join("sub"), 3);
    let first = index_into(&corpus, &idx, &[]);
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(stdout(&first).contains("3 added"), "{}", stdout(&first));
    assert_eq!(hit_count(&idx, "numéro1"), 1);

    // A changed file: the old text is gone, the new text is found.
    std::fs::write(
        &files[1],
        "SHORT/1/1\n\n1. Le Conseil parle de dessalement.\n\n2. Fin.\n",
    )
    .unwrap();
    let second = index_into(&corpus, &idx, &[]);
    assert!(
        stdout(&second).contains("0 added, 1 updated, 0 removed, 2 unchanged"),
        "{}",
        stdout(&second)
    );
    assert_eq!(hit_count(&idx, "numéro1"), 0);
    assert_eq!(hit_count(&idx, "dessalement"), 1);

    // A deleted file's units are gone.
    std::fs::remove_file(&files[2]).unwrap();
    let third = index_into(&corpus, &idx, &[]);
    assert!(stdout(&third).contains("1 removed"), "{}", stdout(&third));
    assert_eq!(hit_count(&idx, "numéro2"), 0);

    // The same content under another name: indexed once, warned about once.
    std::fs::copy(&files[0], corpus.join("copy-of-short-0.txt")).unwrap();
    let fourth = index_into(&corpus, &idx, &[]);
    let warning = stderr(&fourth);
    assert!(
        warning.contains("copy-of-short-0.txt") && warning.contains("sub/short-0000.txt"),
        "{warning}"
    );
    assert_eq!(hit_count(&idx, "numéro0"), 1);
    let fifth = index_into(&corpus, &idx, &[]);
    assert!(
        !stderr(&fifth).contains("same content"),
        "warned twice: {}",
        stderr(&fifth)
    );
    assert_eq!(hit_count(&idx, "numéro0"), 1);

    // When the original goes, the duplicate takes its place.
    std::fs::remove_file(&files[0]).unwrap();
    index_into(&corpus, &idx, &[]);
    assert_eq!(hit_count(&idx, "numéro0"), 1);
    assert!(units_in(&idx).values().all(|&n| n == 1));
}

#[test]
fn adding_one_report_to_a_thousand_parses_only_that_one() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let idx = dir.path().join("index");
    generate_short_reports(&corpus, 1000);
    assert!(index_into(&corpus, &idx, &[]).status.success());
    std::fs::copy(
        root().join("corpus/APCTT-GC-20-4.fr.txt"),
        corpus.join("new.txt"),
    )
    .unwrap();
    let output = index_into(&corpus, &idx, &[]);
    let summary = stdout(&output);
    assert!(
        summary.contains("1 added, 0 updated, 0 removed, 1000 unchanged"),
        "{summary}"
    );
    assert!(
        summary.contains("69 units"),
        "only the new report's units: {summary}"
    );
    let nothing = stdout(&index_into(&corpus, &idx, &[]));
    assert!(
        nothing.contains("0 added, 0 updated, 0 removed, 1001 unchanged"),
        "{nothing}"
    );
}

/// A tiny deterministic generator for the kill moments.
struct Lcg(u64);

impl Lcg {
    fn next_below(&mut self, bound: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % bound
    }
}

#[test]
fn killed_at_twenty_random_moments_the_index_stays_whole() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let idx = dir.path().join("index");
    // Enough reports for several commits (8 MB each) that a kill lands between two.
    let reports = 600;
    generate_reports(&corpus, reports);
    let expected_units = 69; // the cover and 68 paragraphs, decisions and blocks
    let mut random = Lcg(20261128);
    let mut partial_rounds = 0;
    for round in 0..20 {
        let mut child = spawn_index(&corpus, &idx, &[]);
        std::thread::sleep(Duration::from_millis(random.next_below(900)));
        if round % 4 == 3 {
            // Ctrl-C instead of SIGKILL: a clean stop at the next commit.
            Command::new("kill")
                .arg("-INT")
                .arg(child.id().to_string())
                .status()
                .unwrap();
            let _ = child.wait();
        } else {
            let _ = child.kill();
            let _ = child.wait();
        }
        if !idx.join("CURRENT").exists() {
            continue; // killed before the first (empty) commit was published
        }
        let units = units_in(&idx);
        assert!(
            units.values().all(|&n| n == 1),
            "round {round}: a unit is present twice"
        );
        for query in ["hydrogène vert", "Moscou", "dessalement"] {
            let output = search(&idx, query);
            assert!(
                matches!(output.status.code(), Some(0 | 1)),
                "round {round}: {}",
                stderr(&output)
            );
        }
        // Reports are whole or absent: never half-indexed.
        let symbols = symbols_in(&idx);
        for (symbol, n) in &symbols {
            assert_eq!(
                *n, expected_units,
                "round {round}: {symbol} is half-indexed"
            );
        }
        if !symbols.is_empty() && symbols.len() < reports {
            partial_rounds += 1;
        }
        // Some rounds let the indexer get further than others: modify a few files so
        // that updates, not only additions, are interrupted too.
        if round % 5 == 4 {
            let victim = corpus.join(format!(
                "report-{:04}.txt",
                random.next_below(reports as u64)
            ));
            let text = std::fs::read_to_string(&victim).unwrap();
            std::fs::write(&victim, text.replace("dessalement", "désalinisation")).unwrap();
        }
    }
    assert!(partial_rounds > 0, "no kill landed in the middle of a run");
    let last = index_into(&corpus, &idx, &[]);
    assert!(last.status.success(), "{}", stderr(&last));
    let symbols = symbols_in(&idx);
    assert_eq!(symbols.len(), reports, "every report present");
    assert!(
        symbols.values().all(|&n| n == expected_units),
        "every report exactly once"
    );
}

#[test]
fn one_indexer_at_a_time_and_searches_answer_meanwhile() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let idx = dir.path().join("index");
    generate_short_reports(&corpus, 5);
    assert!(index_into(&corpus, &idx, &[]).status.success());
    generate_reports(&corpus.join("more"), 150);
    let mut running = spawn_index(&corpus, &idx, &[]);
    std::thread::sleep(Duration::from_millis(150));
    let second = index_into(&corpus, &idx, &[]);
    let still_running = running.try_wait().unwrap().is_none();
    if still_running {
        assert_eq!(second.status.code(), Some(2));
        assert!(
            stderr(&second).contains("another `rapporteur index`"),
            "{}",
            stderr(&second)
        );
    }
    let started = Instant::now();
    let mut answered = 0;
    while running.try_wait().unwrap().is_none() && started.elapsed() < Duration::from_secs(60) {
        assert!(hit_count(&idx, "hydrogène vert") >= 5);
        answered += 1;
    }
    assert!(running.wait().unwrap().success());
    assert!(
        answered > 0 || !still_running,
        "no search ran while indexing"
    );
    let waited = index_into(&corpus, &idx, &["--wait"]);
    assert!(waited.status.success());
}

#[test]
fn an_index_from_an_older_schema_is_refused_by_search_and_rebuilt_by_index() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let idx = dir.path().join("index");
    generate_short_reports(&corpus, 2);
    std::fs::create_dir_all(&idx).unwrap();
    // A schema-1 index kept tantivy's files directly in the folder, beside its own
    // rapporteur.json.
    std::fs::write(idx.join("meta.json"), "{}").unwrap();
    std::fs::write(idx.join("rapporteur.json"), r#"{"schema_version":1}"#).unwrap();
    std::fs::write(idx.join("0123456789abcdef0123456789abcdef.idx"), "segment").unwrap();
    let refused = search(&idx, "hydrogène");
    assert_eq!(refused.status.code(), Some(2));
    assert!(
        stderr(&refused).contains("older rapporteur")
            && stderr(&refused).contains("rapporteur index"),
        "{}",
        stderr(&refused)
    );
    let rebuilt = index_into(&corpus, &idx, &[]);
    assert!(
        stdout(&rebuilt).starts_with("new index"),
        "{}",
        stdout(&rebuilt)
    );
    assert_eq!(hit_count(&idx, "hydrogène"), 2);
    for old in [
        "meta.json",
        "rapporteur.json",
        "0123456789abcdef0123456789abcdef.idx",
    ] {
        assert!(!idx.join(old).exists(), "{old} of the old index is left");
    }
}

#[test]
fn rebuild_swaps_in_a_fresh_index_and_stats_describe_it() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let idx = dir.path().join("index");
    generate_short_reports(&corpus, 3);
    std::fs::copy(
        root().join("corpus/APCTT-GC-20-4.fr.txt"),
        corpus.join("apctt.txt"),
    )
    .unwrap();
    std::fs::write(corpus.join("empty.txt"), "").unwrap();
    index_into(&corpus, &idx, &[]);
    let before = std::fs::read_to_string(idx.join("CURRENT")).unwrap();
    let rebuilt = index_into(&corpus, &idx, &["--rebuild"]);
    assert!(
        stdout(&rebuilt).starts_with("new index: 4 added"),
        "{}",
        stdout(&rebuilt)
    );
    let after = std::fs::read_to_string(idx.join("CURRENT")).unwrap();
    assert_ne!(before, after);
    assert_eq!(hit_count(&idx, "hydrogène vert"), 7);
    let stats = rapporteur([
        "stats".as_ref(),
        "--json".as_ref(),
        "--index".as_ref(),
        idx.as_os_str(),
    ]);
    let figures: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    assert_eq!(figures["reports"], 4);
    assert_eq!(figures["units"]["decision"], 8);
    assert_eq!(figures["skipped"], 1);
    assert_eq!(figures["languages"]["fr"], 4);
    assert_eq!(figures["top_speakers"][0][0], "CHN");
    assert_eq!(
        figures["schema_version"],
        rapporteur::index::schema::SCHEMA_VERSION
    );
    let human = stdout(&rapporteur([
        "stats".as_ref(),
        "--index".as_ref(),
        idx.as_os_str(),
    ]));
    assert!(
        human.contains("reports:         4") && human.contains("last update:"),
        "{human}"
    );
}

#[test]
fn watch_indexes_reports_as_they_land() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let idx = dir.path().join("index");
    generate_short_reports(&corpus, 1);
    let mut watcher = spawn_index(&corpus, &idx, &["--watch", "--quiet"]);
    let deadline = Instant::now() + Duration::from_secs(30);
    while !idx.join("CURRENT").exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    std::fs::copy(
        root().join("corpus/APCTT-GC-20-4.fr.txt"),
        corpus.join("landed.txt"),
    )
    .unwrap();
    let mut found = false;
    while !found && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(300));
        found = hit_count(&idx, "dessalement") == 1;
    }
    let _ = watcher.kill();
    let _ = watcher.wait();
    assert!(found, "the landed report was not indexed");
}

/// The JSON summary's document counts and the human footer of `query`.
fn document_counts(index: &Path, query: &str) -> (serde_json::Value, String) {
    let output = search(index, query);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let summary = stdout(&output)
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .find(|v| v["type"] == "summary")
        .expect("a summary line");
    let human = rapporteur([
        "search".as_ref(),
        query.as_ref(),
        "--index".as_ref(),
        index.as_os_str(),
    ]);
    let footer = stdout(&human)
        .lines()
        .last()
        .unwrap_or_default()
        .to_string();
    (summary["facets"]["doc"].clone(), footer)
}

#[test]
fn document_counts_agree_with_and_without_the_ordinals_file_across_updates() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let index = dir.path().join("index");
    let reports = generate_reports(&corpus, 24);
    assert!(index_into(&corpus, &index, &[]).status.success());
    let generation = index.join(
        std::fs::read_to_string(index.join("CURRENT"))
            .unwrap()
            .trim(),
    );
    let ordinals = generation.join("symbols.ords");
    let first_file = std::fs::read(&ordinals).expect("index writes the document ordinals");

    // An update: two reports gone, five new ones (a new segment the first file does not
    // describe), one changed.
    std::fs::remove_file(&reports[3]).unwrap();
    std::fs::remove_file(&reports[7]).unwrap();
    let more = dir.path().join("more");
    generate_reports(&more, 29)[24..]
        .iter()
        .for_each(|p| std::fs::rename(p, corpus.join(p.file_name().unwrap())).unwrap());
    let changed = std::fs::read_to_string(&reports[0]).unwrap();
    std::fs::write(&reports[0], changed.replace("hydrogène", "hydrogène vert")).unwrap();
    assert!(index_into(&corpus, &index, &[]).status.success());
    assert_ne!(
        std::fs::read(&ordinals).unwrap(),
        first_file,
        "rewritten for the new segments"
    );

    let query = "rapport";
    let (with_file, footer) = document_counts(&index, query);
    let counted = with_file.as_object().expect("document counts");
    assert_eq!(counted.len(), 27, "24 - 2 + 5 reports: {counted:?}");
    assert!(!counted.contains_key("TEST/GC(3)/4") && counted.contains_key("TEST/GC(28)/4"));
    assert!(
        footer.contains("documents: ") && footer.contains("+19 more"),
        "{footer}"
    );

    // The same counts by the slower path: a stale file (describing the segments before
    // the update), a damaged one, none.
    std::fs::write(&ordinals, &first_file).unwrap();
    assert_eq!(
        document_counts(&index, query),
        (with_file.clone(), footer.clone())
    );
    std::fs::write(&ordinals, &first_file[..first_file.len() / 2]).unwrap();
    assert_eq!(
        document_counts(&index, query),
        (with_file.clone(), footer.clone())
    );
    std::fs::remove_file(&ordinals).unwrap();
    assert_eq!(document_counts(&index, query), (with_file, footer));

    // `index` with nothing to do puts the missing file back.
    assert!(index_into(&corpus, &index, &[]).status.success());
    assert!(ordinals.exists());
}
