//! Relevance on the judged queries (`eval/judgments.json`): rapporteur finds at least 95 %
//! of the relevant units in its top 10, and beats both baselines on every measure.

#[path = "../../benches/relevance_eval.rs"]
mod relevance_eval;

use std::path::Path;

use relevance_eval::*;

#[test]
fn rapporteur_recalls_the_judged_units_and_beats_the_baselines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let judgments = judgments(root);
    assert!(judgments.len() >= 30);
    for j in &judgments {
        assert!(
            !j.reason.is_empty() && !j.relevant.is_empty(),
            "{}",
            j.query
        );
    }
    let ours = rapporteur_rankings(root, &judgments);
    let scores = evaluate(&judgments, &ours);
    assert!(
        scores.recall_at_10 >= 0.95,
        "recall@10 {:.3}; misses: {:?}",
        scores.recall_at_10,
        misses(&judgments, &ours)
    );
    for (name, baseline) in [
        (
            "substring",
            evaluate(&judgments, &substring_rankings(root, &judgments)),
        ),
        (
            "default tantivy",
            evaluate(&judgments, &default_tantivy_rankings(root, &judgments)),
        ),
    ] {
        assert!(
            scores.recall_at_10 > baseline.recall_at_10,
            "{name} recall {baseline:?} vs {scores:?}"
        );
        assert!(
            scores.mrr > baseline.mrr,
            "{name} MRR {baseline:?} vs {scores:?}"
        );
        assert!(
            scores.ndcg_at_10 > baseline.ndcg_at_10,
            "{name} nDCG {baseline:?} vs {scores:?}"
        );
    }
}
