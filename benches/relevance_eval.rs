//! The relevance evaluation, shared by the `relevance` bench (which prints the figures)
//! and `tests/it/relevance.rs` (which asserts on them): the judged queries of
//! `eval/judgments.json` over the shipped report, scored as recall@10, MRR and nDCG@10 for
//! rapporteur and for two baselines run on the same units: exact substring match (what
//! grep gives), and tantivy's default tokenizer with no French analysis (what a generic
//! search engine gives).

#![allow(dead_code)]

use std::path::Path;

use rapporteur::countries::Countries;
use rapporteur::index::writer::{self, UpdateOptions};
use rapporteur::index::IndexHandle;
use rapporteur::model::{Report, Unit, UnitKind};
use rapporteur::parse::parse_report;
use rapporteur::query::{self, SearchRequest};
use serde::Deserialize;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, PhraseQuery, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, Schema, Value, STORED, TEXT};
use tantivy::{doc, Index, TantivyDocument, Term};

/// One judged query.
#[derive(Debug, Deserialize)]
pub struct Judgment {
    /// As a user types it.
    pub query: String,
    /// `--country`, if any.
    pub country: Option<String>,
    /// `--agenda`, if any, as typed.
    pub agenda: Option<String>,
    /// Units that answer it: `12`, `d3`, `II.13`.
    pub relevant: Vec<String>,
    /// Why.
    pub reason: String,
}

/// Scores of one system over all judgments.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scores {
    /// Mean recall in the top 10.
    pub recall_at_10: f64,
    /// Mean reciprocal rank of the first relevant unit.
    pub mrr: f64,
    /// Mean nDCG over the top 10 (binary gains).
    pub ndcg_at_10: f64,
}

/// The judgments.
pub fn judgments(root: &Path) -> Vec<Judgment> {
    let text =
        std::fs::read_to_string(root.join("eval/judgments.json")).expect("eval/judgments.json");
    serde_json::from_str(&text).expect("judgments are valid JSON")
}

fn unit_key(annex: Option<&str>, kind: UnitKind, number: u32) -> String {
    match (annex, kind) {
        (_, UnitKind::Decision) => format!("d{number}"),
        (Some(annex), _) => format!("{annex}.{number}"),
        (None, _) => number.to_string(),
    }
}

fn score(ranked: &[String], relevant: &[String]) -> Scores {
    let top: Vec<&String> = ranked.iter().take(10).collect();
    let found = relevant.iter().filter(|r| top.contains(r)).count();
    let first = ranked.iter().position(|k| relevant.contains(k));
    let dcg: f64 = top
        .iter()
        .enumerate()
        .filter(|(_, k)| relevant.contains(k))
        .map(|(i, _)| 1.0 / (i as f64 + 2.0).log2())
        .sum();
    let ideal: f64 = (0..relevant.len().min(10))
        .map(|i| 1.0 / (i as f64 + 2.0).log2())
        .sum();
    Scores {
        recall_at_10: found as f64 / relevant.len() as f64,
        mrr: first.map_or(0.0, |i| 1.0 / (i as f64 + 1.0)),
        ndcg_at_10: if ideal > 0.0 { dcg / ideal } else { 0.0 },
    }
}

fn mean(all: &[Scores]) -> Scores {
    let n = all.len().max(1) as f64;
    Scores {
        recall_at_10: all.iter().map(|s| s.recall_at_10).sum::<f64>() / n,
        mrr: all.iter().map(|s| s.mrr).sum::<f64>() / n,
        ndcg_at_10: all.iter().map(|s| s.ndcg_at_10).sum::<f64>() / n,
    }
}

/// Whether a unit passes the judgment's filters (for the baselines, which have none).
fn passes_filters(unit: &Unit, judgment: &Judgment) -> bool {
    let country_ok = judgment.country.as_deref().is_none_or(|c| {
        let code = Countries::get()
            .lookup(c)
            .map(|c| c.alpha3.clone())
            .unwrap_or_default();
        unit.speaker_countries().contains(&code.as_str())
    });
    country_ok
        && judgment
            .agenda
            .as_ref()
            .is_none_or(|a| unit.agenda_item.as_ref() == Some(a))
}

fn shipped_report(root: &Path) -> Report {
    let text = std::fs::read_to_string(root.join("corpus/APCTT-GC-20-4.fr.txt"))
        .expect("the shipped report");
    parse_report(&text, "APCTT-GC-20-4.fr.txt")
}

/// rapporteur's ranking for each judgment.
pub fn rapporteur_rankings(root: &Path, judgments: &[Judgment]) -> Vec<Vec<String>> {
    let dir = tempfile::tempdir().expect("a scratch folder");
    let corpus = dir.path().join("corpus");
    std::fs::create_dir(&corpus).unwrap();
    std::fs::copy(
        root.join("corpus/APCTT-GC-20-4.fr.txt"),
        corpus.join("report.txt"),
    )
    .unwrap();
    let index = dir.path().join("index");
    writer::update(&corpus, &index, &UpdateOptions::default()).expect("the index builds");
    let handle = IndexHandle::open(&index).expect("the index opens");
    judgments
        .iter()
        .map(|j| {
            let request = SearchRequest {
                query: j.query.clone(),
                speaker_countries: j
                    .country
                    .iter()
                    .map(|c| Countries::get().lookup(c).unwrap().alpha3.clone())
                    .collect(),
                agenda_items: j.agenda.iter().cloned().collect(),
                limit: 10,
                ..SearchRequest::default()
            };
            query::search(&handle, &request)
                .map(|results| {
                    results
                        .hits
                        .iter()
                        .map(|h| unit_key(h.unit.annex.as_deref(), h.unit.kind, h.unit.number))
                        .collect()
                })
                .unwrap_or_default()
        })
        .collect()
}

/// Exact substring baseline: units containing the query text (quotes removed, case
/// ignored), in document order.
pub fn substring_rankings(root: &Path, judgments: &[Judgment]) -> Vec<Vec<String>> {
    let report = shipped_report(root);
    judgments
        .iter()
        .map(|j| {
            let needle = j.query.trim_matches('"').to_lowercase();
            report
                .paragraphs
                .iter()
                .filter(|u| passes_filters(u, j) && u.text.to_lowercase().contains(&needle))
                .map(|u| unit_key(u.annex.as_deref(), u.kind, u.number))
                .collect()
        })
        .collect()
}

/// Generic engine baseline: tantivy's default tokenizer (split, lower-case; no elision,
/// stemming or accent folding), every word required, BM25.
pub fn default_tantivy_rankings(root: &Path, judgments: &[Judgment]) -> Vec<Vec<String>> {
    let report = shipped_report(root);
    let mut builder = Schema::builder();
    let text = builder.add_text_field("text", TEXT);
    let key = builder.add_text_field("key", STORED);
    let index = Index::create_in_ram(builder.build());
    let mut writer = index.writer(15_000_000).expect("a writer");
    for unit in &report.paragraphs {
        writer
            .add_document(doc!(text => unit.text.clone(), key => unit_key(unit.annex.as_deref(), unit.kind, unit.number)))
            .unwrap();
    }
    writer.commit().unwrap();
    let searcher = index.reader().unwrap().searcher();
    let mut analyzer = index
        .tokenizers()
        .get("default")
        .expect("the default tokenizer");
    judgments
        .iter()
        .map(|j| {
            let mut stream = analyzer.token_stream(j.query.trim_matches('"'));
            let mut tokens = Vec::new();
            while stream.advance() {
                tokens.push(Term::from_field_text(text, &stream.token().text));
            }
            let query: Box<dyn Query> = if j.query.starts_with('"') && tokens.len() > 1 {
                Box::new(PhraseQuery::new(tokens))
            } else {
                let clauses = tokens
                    .into_iter()
                    .map(|t| {
                        (
                            Occur::Must,
                            Box::new(TermQuery::new(t, IndexRecordOption::WithFreqs))
                                as Box<dyn Query>,
                        )
                    })
                    .collect();
                Box::new(BooleanQuery::new(clauses))
            };
            let top = searcher
                .search(&query, &TopDocs::with_limit(100).order_by_score())
                .unwrap_or_default();
            top.into_iter()
                .filter_map(|(_, address)| {
                    let document: TantivyDocument = searcher.doc(address).ok()?;
                    let k = document.get_first(key)?.as_str()?.to_string();
                    let unit = report
                        .paragraphs
                        .iter()
                        .find(|u| unit_key(u.annex.as_deref(), u.kind, u.number) == k)?;
                    passes_filters(unit, j).then_some(k)
                })
                .collect()
        })
        .collect()
}

/// Mean scores of `rankings` against the judgments.
pub fn evaluate(judgments: &[Judgment], rankings: &[Vec<String>]) -> Scores {
    let all: Vec<Scores> = judgments
        .iter()
        .zip(rankings)
        .map(|(j, r)| score(r, &j.relevant))
        .collect();
    mean(&all)
}

/// Per-query recall@10, for finding what a system misses.
pub fn misses(judgments: &[Judgment], rankings: &[Vec<String>]) -> Vec<(String, f64)> {
    judgments
        .iter()
        .zip(rankings)
        .map(|(j, r)| (j.query.clone(), score(r, &j.relevant).recall_at_10))
        .filter(|(_, recall)| *recall < 1.0)
        .collect()
}
