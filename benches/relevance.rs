//! Relevance evaluation: prints recall@10, MRR and nDCG@10 over the judged queries of
//! `eval/judgments.json` for rapporteur and, in the same run, for two baselines.
//!
//!     cargo bench --bench relevance

#[path = "relevance_eval.rs"]
mod relevance_eval;

use std::path::Path;

use relevance_eval::*;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let judgments = judgments(root);
    println!("{} judged queries over the shipped report", judgments.len());
    println!(
        "{:<42} {:>10} {:>8} {:>9}",
        "system", "recall@10", "MRR", "nDCG@10"
    );
    let systems: [(&str, Vec<Vec<String>>); 3] = [
        (
            "rapporteur (French analysis, proximity)",
            rapporteur_rankings(root, &judgments),
        ),
        (
            "exact substring match",
            substring_rankings(root, &judgments),
        ),
        (
            "tantivy default tokenizer",
            default_tantivy_rankings(root, &judgments),
        ),
    ];
    for (name, rankings) in &systems {
        let s = evaluate(&judgments, rankings);
        println!(
            "{name:<42} {:>10.3} {:>8.3} {:>9.3}",
            s.recall_at_10, s.mrr, s.ndcg_at_10
        );
    }
    for (query, recall) in misses(&judgments, &systems[0].1) {
        println!("rapporteur misses part of {query:?}: recall@10 {recall:.2}");
    }
}
