//! Query latency in-process, and the generic-engine peer, for `bench/run.py`.
//!
//!     BENCH_INDEX=target/bench/index-50 BENCH_CORPUS=target/bench/corpus-50 cargo bench --bench query
//!
//! Prints, per query of the mix, p50 and p99 of `query::search` (limit 10, with facet
//! counts, index opened once). Then, in the same run, the peer: tantivy with its default
//! analyzer (split, lower-case; no elision, stemming or folding) over the same units,
//! built on 2 threads, and its query latency for the same words. Lines starting with
//! `result ` are for `bench/run.py`.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use rapporteur::index::IndexHandle;
use rapporteur::parse::parse_report;
use rapporteur::query::{self, SearchRequest};
use rayon::prelude::*;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Schema, TEXT};
use tantivy::{doc, Index, Term};

/// (name, query, speaking country)
const MIX: [(&str, &str, Option<&str>); 5] = [
    ("one word", "hydrogène", None),
    ("two words", "hydrogène vert", None),
    ("phrase", "\"pollution de l’air\"", None),
    ("with --country", "coopération", Some("CHN")),
    ("broad, facets over many hits", "technologie", None),
];
const RUNS: usize = 200;

fn percentiles(mut samples: Vec<Duration>) -> (f64, f64) {
    samples.sort();
    let at =
        |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize].as_secs_f64() * 1e3;
    (at(0.5), at(0.99))
}

fn time_runs(mut run: impl FnMut()) -> (f64, f64) {
    for _ in 0..5 {
        run();
    }
    let samples = (0..RUNS)
        .map(|_| {
            let started = Instant::now();
            run();
            started.elapsed()
        })
        .collect();
    percentiles(samples)
}

fn main() {
    let (Some(index), Some(corpus)) = (
        std::env::var_os("BENCH_INDEX"),
        std::env::var_os("BENCH_CORPUS"),
    ) else {
        eprintln!("set BENCH_INDEX and BENCH_CORPUS (see bench/run.py)");
        return;
    };
    let handle = IndexHandle::open(Path::new(&index)).expect("the index opens");
    println!("in-process query latency over {RUNS} runs (index opened once):");
    for (name, text, country) in MIX {
        let request = SearchRequest {
            query: text.to_string(),
            speaker_countries: country.iter().map(|c| c.to_string()).collect(),
            limit: 10,
            ..SearchRequest::default()
        };
        let total = query::search(&handle, &request)
            .map(|r| r.total)
            .unwrap_or(0);
        let (p50, p99) = time_runs(|| {
            let _ = query::search(&handle, &request);
        });
        println!("result rapporteur {name}: p50 {p50:.3} ms, p99 {p99:.3} ms, {total} hits");
    }

    // The peer: the same units in a plain tantivy index with the default analyzer.
    let files: Vec<PathBuf> =
        rapporteur::corpus::report_files(Path::new(&corpus), false).expect("the corpus");
    let started = Instant::now();
    let mut builder = Schema::builder();
    let text_field = builder.add_text_field("text", TEXT | tantivy::schema::STORED);
    let peer_dir = tempfile::tempdir().expect("a scratch folder");
    let peer = Index::create_in_dir(peer_dir.path(), builder.build()).expect("the peer index");
    let writer = peer
        .writer_with_num_threads(2, 120_000_000)
        .expect("a writer");
    let bytes: u64 = files
        .par_iter()
        .map(|path| {
            let text =
                rapporteur::corpus::read_text(path, &rapporteur::corpus::CorpusOptions::default())
                    .unwrap_or_default();
            for unit in parse_report(&text, "peer.txt").paragraphs {
                writer
                    .add_document(doc!(text_field => unit.text))
                    .expect("a document");
            }
            text.len() as u64
        })
        .sum();
    let mut writer = writer;
    writer.commit().expect("commit");
    writer.wait_merging_threads().expect("merges");
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "result peer build: {:.1} MB/s ({:.1} MB in {:.2} s, parsing by rapporteur included)",
        bytes as f64 / 1e6 / seconds,
        bytes as f64 / 1e6,
        seconds
    );
    let searcher = peer.reader().expect("a reader").searcher();
    let mut analyzer = peer
        .tokenizers()
        .get("default")
        .expect("the default analyzer");
    for (name, text, _) in MIX {
        let mut stream = analyzer.token_stream(text.trim_matches('"'));
        let mut terms = Vec::new();
        while stream.advance() {
            terms.push(Term::from_field_text(text_field, &stream.token().text));
        }
        let query: Box<dyn Query> = if text.starts_with('"') {
            Box::new(PhraseQuery::new(terms))
        } else {
            Box::new(BooleanQuery::new(
                terms
                    .into_iter()
                    .map(|t| {
                        (
                            Occur::Must,
                            Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs))
                                as Box<dyn Query>,
                        )
                    })
                    .collect(),
            ))
        };
        let collector = (TopDocs::with_limit(10).order_by_score(), Count);
        let total = searcher
            .search(&query, &collector)
            .map(|(_, n)| n)
            .unwrap_or(0);
        let (p50, p99) = time_runs(|| {
            let _ = searcher.search(&query, &collector);
        });
        println!("result peer {name}: p50 {p50:.3} ms, p99 {p99:.3} ms, {total} hits");
    }
}
