//! Hostile corpora and flags, through the real binary: a folder that is not ours given as
//! the index, links that loop, names that are not UTF-8, a huge `--limit`, a PDF past its
//! budget, a manifest that cannot be written, ties past the ranking margin.

use crate::common;

use std::collections::BTreeMap;
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

use common::{
    generate_short_reports, index_into, rapporteur, root, shared, shipped_index, stderr, stdout,
};

fn search_json(index: &Path, query: &str, extra: &[&str]) -> (Vec<serde_json::Value>, i32) {
    let mut args: Vec<&std::ffi::OsStr> = vec![
        "search".as_ref(),
        query.as_ref(),
        "--json".as_ref(),
        "--index".as_ref(),
        index.as_os_str(),
    ];
    args.extend(extra.iter().map(std::ffi::OsStr::new));
    let output = rapporteur(args);
    let hits = stdout(&output)
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap())
        .filter(|v| v["type"] == "hit")
        .collect();
    (hits, output.status.code().unwrap_or(-1))
}

fn snapshot(dir: &Path) -> BTreeMap<std::path::PathBuf, Vec<u8>> {
    walk(dir)
        .into_iter()
        .map(|p| {
            let bytes = std::fs::read(&p).unwrap();
            (p, bytes)
        })
        .collect()
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            files.extend(walk(&path));
        } else {
            files.push(path);
        }
    }
    files
}

#[test]
fn a_folder_that_is_not_an_index_is_refused_and_left_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let foreign = dir.path().join("my-folder");
    std::fs::create_dir_all(foreign.join("notes")).unwrap();
    std::fs::write(foreign.join("meta.json"), b"{\"mine\": true}").unwrap();
    std::fs::write(
        foreign.join("0123456789abcdef0123456789abcdef.idx"),
        b"looks like a segment, is mine",
    )
    .unwrap();
    std::fs::write(
        foreign.join("a-long-name-with-a-dot-that-is-mine.txt"),
        b"keep me",
    )
    .unwrap();
    std::fs::write(foreign.join("notes/todo.txt"), b"keep me too").unwrap();
    let before = snapshot(&foreign);

    let corpus = root().join("corpus");
    let output = index_into(&corpus, &foreign, &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("not a rapporteur index"),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).contains("meta.json"), "{}", stderr(&output));
    assert_eq!(snapshot(&foreign), before);

    for extra in [&[][..], &["--rebuild"][..]] {
        let output = index_into(&corpus, &foreign, extra);
        assert_eq!(output.status.code(), Some(2));
    }
    let output = rapporteur([
        "search".as_ref(),
        "hydrogène".as_ref(),
        "--index".as_ref(),
        foreign.as_os_str(),
        "--corpus".as_ref(),
        corpus.as_os_str(),
    ]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("not a rapporteur index"),
        "{}",
        stderr(&output)
    );
    assert_eq!(
        snapshot(&foreign),
        before,
        "nothing written, nothing deleted"
    );

    // An empty folder (or one with only .gitkeep) is made an index.
    let empty = dir.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    std::fs::write(empty.join(".gitkeep"), b"").unwrap();
    let output = index_into(&corpus, &empty, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(empty.join(".gitkeep").exists());
}

#[test]
fn a_corpus_with_two_link_loops_indexes_and_says_what_it_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, index) = (dir.path().join("corpus"), dir.path().join("index"));
    generate_short_reports(&corpus.join("a"), 3);
    std::fs::create_dir_all(corpus.join("b")).unwrap();
    for n in 10..12 {
        std::fs::write(
            corpus.join(format!("b/short-{n:04}.txt")),
            format!("SHORT/{n}/1\n\n1. La représentante de la Chine parle de l’hydrogène vert numéro{n}.\n"),
        )
        .unwrap();
    }
    std::os::unix::fs::symlink(&corpus, corpus.join("a/back-to-top")).unwrap();
    std::os::unix::fs::symlink(corpus.join("a"), corpus.join("b/to-a")).unwrap();
    std::os::unix::fs::symlink(corpus.join("b/short-0010.txt"), corpus.join("linked.txt")).unwrap();
    let started = std::time::Instant::now();
    let output = index_into(&corpus, &index, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(started.elapsed().as_secs() < 30);
    let messages = stderr(&output);
    assert!(
        messages.contains("a/back-to-top") && messages.contains("not followed"),
        "{messages}"
    );
    assert!(messages.contains("b/to-a"), "{messages}");
    // Five reports, and the linked file read as the file it points to (the same content:
    // indexed once).
    let (hits, _) = search_json(&index, "hydrogène", &["--limit", "100"]);
    assert_eq!(hits.len(), 5);

    // Following links: the loops are detected, not walked forever.
    let output = index_into(&corpus, &index, &["--follow-links"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stderr(&output).contains("loop"), "{}", stderr(&output));
    let (hits, _) = search_json(&index, "hydrogène", &["--limit", "100"]);
    assert_eq!(
        hits.len(),
        5,
        "the same reports reached through links are indexed once"
    );
}

#[test]
fn names_that_are_not_utf8_stay_distinct() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, index) = (dir.path().join("corpus"), dir.path().join("index"));
    std::fs::create_dir_all(&corpus).unwrap();
    let name = |last: u8| {
        std::ffi::OsStr::from_bytes(&[b'r', 0xE9, last, b'.', b't', b'x', b't']).to_os_string()
    };
    for (last, word) in [(0xE8, "dessalement"), (0xE9, "reboisement")] {
        std::fs::write(
            corpus.join(name(last)),
            format!(
                "1. Le Conseil a examiné le {word}.\n\n2. Il a adopté le rapport sur le {word}.\n"
            ),
        )
        .unwrap();
    }
    let output = index_into(&corpus, &index, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let (first, _) = search_json(&index, "dessalement", &[]);
    let (second, _) = search_json(&index, "reboisement", &[]);
    assert_eq!((first.len(), second.len()), (2, 2));
    assert_ne!(first[0]["file"], second[0]["file"]);

    std::fs::remove_file(corpus.join(name(0xE8))).unwrap();
    let output = index_into(&corpus, &index, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let (first, code) = search_json(&index, "dessalement", &[]);
    assert_eq!((first.len(), code), (0, 1));
    let (second, _) = search_json(&index, "reboisement", &[]);
    assert_eq!(second.len(), 2, "deleting one name left the other's units");
}

#[test]
fn the_largest_limit_answers() {
    let (_dir, index) = shipped_index();
    let (hits, code) = search_json(&index, "hydrogène", &["--limit", "18446744073709551615"]);
    assert_eq!(code, 0);
    assert_eq!(hits.len(), 4);
}

#[test]
fn a_pdf_past_its_budget_is_skipped_by_name_and_the_rest_is_indexed() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, index) = (dir.path().join("corpus"), dir.path().join("index"));
    std::fs::create_dir_all(&corpus).unwrap();
    std::fs::copy(
        shared("samples/A-HRC-43-15.en.pdf"),
        corpus.join("slow.pdf"),
    )
    .unwrap();
    std::fs::copy(
        root().join("corpus/APCTT-GC-20-4.fr.txt"),
        corpus.join("seed.fr.txt"),
    )
    .unwrap();
    let output = index_into(&corpus, &index, &["--pdf-timeout", "1ms"]);
    assert!(output.status.success(), "{}", stderr(&output));
    let messages = stderr(&output);
    assert!(
        messages.contains("skipped slow.pdf") && messages.contains("took longer than 1ms"),
        "{messages}"
    );
    let (hits, _) = search_json(&index, "hydrogène", &[]);
    assert_eq!(hits.len(), 4, "the rest is indexed");

    let output = index_into(&corpus, &index, &["--rebuild", "--max-pdf-mb", "0"]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("larger than the limit"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_manifest_that_cannot_be_written_fails_the_run_and_the_last_commit_stays_usable() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, index) = (dir.path().join("corpus"), dir.path().join("index"));
    generate_short_reports(&corpus, 2);
    let output = index_into(&corpus, &index, &[]);
    assert!(output.status.success(), "{}", stderr(&output));

    // A folder stands where the manifest is written.
    let generation = std::fs::read_to_string(index.join("CURRENT")).unwrap();
    let blocker = index.join(generation.trim()).join("manifest.tmp");
    std::fs::create_dir_all(blocker.join("in-the-way")).unwrap();
    generate_short_reports(&dir.path().join("more"), 3);
    std::fs::copy(
        dir.path().join("more/short-0002.txt"),
        corpus.join("short-0002.txt"),
    )
    .unwrap();
    let output = index_into(&corpus, &index, &[]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("manifest.tmp"),
        "{}",
        stderr(&output)
    );
    let (hits, code) = search_json(&index, "hydrogène", &["--limit", "10"]);
    assert_eq!((hits.len(), code), (2, 0), "the last commit answers");

    std::fs::remove_dir_all(&blocker).unwrap();
    let output = index_into(&corpus, &index, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let (hits, _) = search_json(&index, "hydrogène", &["--limit", "10"]);
    assert_eq!(hits.len(), 3);
}

#[test]
fn ties_past_the_ranking_margin_keep_the_documented_order() {
    let dir = tempfile::tempdir().unwrap();
    let (corpus, index) = (dir.path().join("corpus"), dir.path().join("index"));
    // The same paragraph in 200 reports: 200 hits with one score.
    generate_short_reports(&corpus, 200);
    let output = index_into(&corpus, &index, &[]);
    assert!(output.status.success(), "{}", stderr(&output));
    let (hits, _) = search_json(&index, "\"hydrogène vert\"", &["--limit", "60"]);
    let shown: Vec<String> = hits
        .iter()
        .map(|h| h["doc"].as_str().unwrap().to_string())
        .collect();
    let mut all: Vec<String> = (0..200).map(|n| format!("SHORT/{n}/1")).collect();
    all.sort();
    assert_eq!(shown, all[..60]);
}
