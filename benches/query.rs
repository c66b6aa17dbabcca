//! Query latency in-process, and the generic-engine peer, for `bench/run.py`.
//!
//!     BENCH_INDEX=target/bench/index-50 BENCH_CORPUS=target/bench/corpus-50 cargo bench --bench query
//!
//! Prints, per query of the mix, p50 and p99 of `query::search` (limit 10, with facet
//! counts, index opened once). Then, in the same run, the peer: a bare tantivy harness
//! with French stemming over the same paragraphs, split beforehand and read as JSON Lines
//! (as in `../shared/NOTES.md`), built on 2 threads, and its query latency for the same
//! words. Lines starting with `result ` are for `bench/run.py`.

use std::fs::File;
use std::io::{BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rapporteur::analyze::stem::SnowballFilter;
use rapporteur::index::IndexHandle;
use rapporteur::parse::parse_report;
use rapporteur::query::{self, SearchRequest};
use rayon::prelude::*;
use rust_stemmers::Algorithm;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::{LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer};
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
    // What a `rapporteur search` process pays: opening the index, then a first query on
    // it (term dictionaries, fast-field columns and stored blocks read for the first
    // time by this handle; the files themselves are in the page cache).
    // As `rapporteur search` asks by default: ten hits, counts over all hits, the values
    // its footer shows.
    let facet_values = Some(rapporteur::render::human::FOOTER_VALUES);
    let first = SearchRequest {
        query: MIX[0].1.to_string(),
        limit: 10,
        facet_values,
        ..SearchRequest::default()
    };
    let (open_p50, open_p99) = time_runs(|| {
        let _ = IndexHandle::open(Path::new(&index)).expect("the index opens");
    });
    let (cold_p50, cold_p99) = time_runs(|| {
        let handle = IndexHandle::open(Path::new(&index)).expect("the index opens");
        let _ = query::search(&handle, &first);
    });
    println!(
        "result rapporteur open: p50 {open_p50:.3} ms, p99 {open_p99:.3} ms; open and a first {} query: p50 {cold_p50:.3} ms, p99 {cold_p99:.3} ms",
        MIX[0].0
    );
    let handle = IndexHandle::open(Path::new(&index)).expect("the index opens");
    println!(
        "index of {} segments; in-process query latency over {RUNS} runs (index opened once):",
        handle.searcher().segment_readers().len()
    );
    for (name, text, country) in MIX {
        let request = SearchRequest {
            query: text.to_string(),
            speaker_countries: country.iter().map(|c| c.to_string()).collect(),
            limit: 10,
            facet_values,
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

    // The peer: a bare tantivy harness over the same paragraphs, split beforehand (by
    // rapporteur's parser, not timed) and read back as JSON Lines: French stemming by
    // rust-stemmers after a plain tokenizer and lower-casing (every word stemmed as it
    // comes, as tantivy's own `Stemmer` filter does), text indexed with positions and
    // stored, 2 indexing threads. Its MB/s is over the corpus bytes, like ours.
    let corpus = PathBuf::from(corpus);
    let (lines, corpus_bytes) = paragraphs_as_json_lines(&corpus);
    let started = Instant::now();
    let mut builder = Schema::builder();
    let indexing = TextFieldIndexing::default()
        .set_tokenizer("french")
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let text_field = builder.add_text_field(
        "text",
        TextOptions::default()
            .set_indexing_options(indexing)
            .set_stored(),
    );
    let peer_dir = tempfile::tempdir().expect("a scratch folder");
    let peer = Index::create_in_dir(peer_dir.path(), builder.build()).expect("the peer index");
    peer.tokenizers().register("french", french_analyzer());
    let mut writer = peer
        .writer_with_num_threads(2, 120_000_000)
        .expect("a writer");
    let reader = BufReader::new(File::open(&lines).expect("the paragraphs"));
    let mut paragraph_bytes = 0;
    for line in reader.lines() {
        let text: String = serde_json::from_str(&line.expect("a line")).expect("a paragraph");
        paragraph_bytes += text.len();
        writer
            .add_document(doc!(text_field => text))
            .expect("a document");
    }
    writer.commit().expect("commit");
    writer.wait_merging_threads().expect("merges");
    let seconds = started.elapsed().as_secs_f64();
    println!(
        "result peer build: {:.1} MB/s over the corpus bytes ({:.1} MB of corpus, {:.1} MB of paragraphs, in {:.2} s)",
        corpus_bytes as f64 / 1e6 / seconds,
        corpus_bytes as f64 / 1e6,
        paragraph_bytes as f64 / 1e6,
        seconds
    );
    let searcher = peer.reader().expect("a reader").searcher();
    let mut analyzer = french_analyzer();
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

/// The peer's analyzer: words, lower case, French Snowball stems.
fn french_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(SnowballFilter::new(Algorithm::French))
        .build()
}

/// The corpus's paragraphs, one JSON string per line, in a file beside the corpus
/// (written once), and the corpus size in bytes.
fn paragraphs_as_json_lines(corpus: &Path) -> (PathBuf, u64) {
    let files: Vec<PathBuf> = rapporteur::corpus::report_files(corpus, false).expect("the corpus");
    let corpus_bytes = files
        .iter()
        .map(|f| std::fs::metadata(f).map_or(0, |m| m.len()))
        .sum();
    let lines = corpus.with_extension("paragraphs.jsonl");
    if !lines.exists() {
        let scratch = lines.with_extension("tmp");
        let out = Mutex::new(BufWriter::new(
            File::create(&scratch).expect("a scratch file"),
        ));
        files.par_iter().for_each(|path| {
            let text =
                rapporteur::corpus::read_text(path, &rapporteur::corpus::CorpusOptions::default())
                    .unwrap_or_default();
            let mut block = String::new();
            for unit in parse_report(&text, "peer.txt").paragraphs {
                block.push_str(&serde_json::to_string(&unit.text).expect("JSON"));
                block.push('\n');
            }
            out.lock()
                .expect("no panics while holding the lock")
                .write_all(block.as_bytes())
                .expect("written");
        });
        out.into_inner()
            .expect("no panics while holding the lock")
            .flush()
            .expect("written");
        std::fs::rename(&scratch, &lines).expect("renamed");
    }
    (lines, corpus_bytes)
}
