//! The plain words of a query — each required, each scored by BM25 as a term query
//! scores it — and their proximity boost ([`super::proximity`]) in one scorer.
//!
//! As two clauses (the words' intersection, and the proximity clause beside it), every
//! unit holding all the words had its positions decoded and matched: on a two-word
//! search of the 500 MB bench corpus, positions and matching were a quarter of the time
//! (`perf`), for ten hits shown out of ten thousand. Here the words' BM25 comes first,
//! and the boost only for a unit that could still be shown: when a [`ScoreFloor`] is
//! given (the words are then the query's only scored clause), a unit whose BM25 plus the
//! most its boost could add stays below the floor keeps its BM25 alone. It cannot be
//! shown either way; every unit that can is scored in full (see [`super::floor`]). The
//! bound is tight: the words of a unit stand close no more often than its rarest word
//! occurs, and most units hold each word once.

use std::sync::Arc;

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{Bm25Weight, EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, TantivyError, Term, TERMINATED};

use super::floor::ScoreFloor;
use super::proximity::{first_in_all_from, ProximityQuery, ProximityScorer, ProximityWeight};

/// Units holding every word of `words`, scored by the words' BM25 plus `proximity`.
#[derive(Clone, Debug)]
pub struct WordsQuery {
    words: Vec<Term>,
    proximity: ProximityQuery,
    floor: Option<Arc<ScoreFloor>>,
}

impl WordsQuery {
    /// `words` (one or more, of the field of `proximity`) are all required. With a
    /// `floor`, the score of a unit that cannot be shown may lack its boost: give one only
    /// when this query's score is the whole score of the search it is part of.
    pub fn new(
        words: Vec<Term>,
        proximity: ProximityQuery,
        floor: Option<Arc<ScoreFloor>>,
    ) -> Self {
        debug_assert!(!words.is_empty());
        WordsQuery {
            words,
            proximity,
            floor,
        }
    }
}

impl Query for WordsQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let similarities = match enable_scoring {
            EnableScoring::Enabled {
                statistics_provider,
                ..
            } => Some(
                self.words
                    .iter()
                    .map(|word| {
                        Bm25Weight::for_terms(statistics_provider, std::slice::from_ref(word))
                    })
                    .collect::<tantivy::Result<Vec<_>>>()?,
            ),
            EnableScoring::Disabled { .. } => None,
        };
        // Where each word of the proximity stands among the required words, if all do.
        let proximity_words = self
            .proximity
            .terms()
            .map(|term| self.words.iter().position(|word| word == term))
            .collect();
        Ok(Box::new(WordsWeight {
            words: self.words.clone(),
            similarities,
            proximity: self.proximity.proximity_weight(enable_scoring)?,
            proximity_words,
            floor: self.floor.clone(),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for word in &self.words {
            visitor(word, false);
        }
        self.proximity.query_terms(visitor);
    }
}

struct WordsWeight {
    words: Vec<Term>,
    /// Each word's BM25, when scoring.
    similarities: Option<Vec<Bm25Weight>>,
    proximity: ProximityWeight,
    /// For each word of the proximity, its place in `words`; `None` for one that is not
    /// required (its count is then not known before its positions are read).
    proximity_words: Option<Vec<usize>>,
    floor: Option<Arc<ScoreFloor>>,
}

impl WordsWeight {
    fn words_scorer(
        &self,
        reader: &SegmentReader,
        boost: Score,
    ) -> tantivy::Result<Option<WordsScorer>> {
        let field = self.words[0].field();
        let inverted_index = reader.inverted_index(field)?;
        let mut words = Vec::with_capacity(self.words.len());
        for (i, word) in self.words.iter().enumerate() {
            let Some(postings) =
                inverted_index.read_postings(word, IndexRecordOption::WithFreqs)?
            else {
                return Ok(None);
            };
            let similarity = self
                .similarities
                .as_ref()
                .map(|similarities| similarities[i].boost_by(boost));
            words.push(Word {
                postings,
                similarity,
            });
        }
        let Some(proximity) = self.proximity.proximity_scorer(reader, boost)? else {
            // A proximity word is missing from the segment: no unit stands close.
            return Ok(Some(WordsScorer::new(
                words,
                None,
                None,
                self.fieldnorms(reader, field)?,
            )));
        };
        Ok(Some(WordsScorer::new(
            words,
            Some((proximity, self.proximity_words.clone())),
            self.floor.clone(),
            self.fieldnorms(reader, field)?,
        )))
    }

    fn fieldnorms(
        &self,
        reader: &SegmentReader,
        field: tantivy::schema::Field,
    ) -> tantivy::Result<FieldNormReader> {
        Ok(match self.similarities {
            Some(_) => reader.fieldnorms_readers().get_field(field)?,
            None => None,
        }
        .unwrap_or_else(|| FieldNormReader::constant(reader.max_doc(), 1)))
    }
}

impl Weight for WordsWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(match self.words_scorer(reader, boost)? {
            Some(scorer) => Box::new(scorer),
            None => Box::new(EmptyScorer),
        })
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let missing = || TantivyError::InvalidArgument(format!("document {doc} lacks a word"));
        let mut scorer = self.words_scorer(reader, 1.0)?.ok_or_else(missing)?;
        // Explained in full, whatever the floor.
        scorer.floor = None;
        if scorer.seek(doc) != doc {
            return Err(missing());
        }
        let fieldnorm_id = scorer.fieldnorms.fieldnorm_id(doc);
        let mut explanation = Explanation::new("Words and their proximity", scorer.score());
        for word in &scorer.words {
            if let Some(similarity) = &word.similarity {
                explanation.add_detail(similarity.explain(fieldnorm_id, word.postings.term_freq()));
            }
        }
        if let Ok(proximity) = self.proximity.explain(reader, doc) {
            explanation.add_detail(proximity);
        }
        Ok(explanation)
    }
}

/// A required word: its postings and its BM25 (when scoring).
struct Word {
    postings: SegmentPostings,
    similarity: Option<Bm25Weight>,
}

struct WordsScorer {
    /// The words, rarest first (the intersection leaps by the rarest).
    words: Vec<Word>,
    /// The proximity, and where its words stand in `words` (see [`WordsWeight`]).
    proximity: Option<(ProximityScorer, Option<Vec<usize>>)>,
    floor: Option<Arc<ScoreFloor>>,
    fieldnorms: FieldNormReader,
    doc: DocId,
}

impl WordsScorer {
    fn new(
        words: Vec<Word>,
        proximity: Option<(ProximityScorer, Option<Vec<usize>>)>,
        floor: Option<Arc<ScoreFloor>>,
        fieldnorms: FieldNormReader,
    ) -> Self {
        // Rarest first, the proximity's places following their words.
        let mut order: Vec<usize> = (0..words.len()).collect();
        order.sort_by_key(|&i| words[i].postings.size_hint());
        let mut slots: Vec<Option<Word>> = words.into_iter().map(Some).collect();
        let words: Vec<Word> = order.iter().filter_map(|&i| slots[i].take()).collect();
        let proximity = proximity.map(|(scorer, places)| {
            let places = places.map(|places| {
                places
                    .into_iter()
                    .filter_map(|place| order.iter().position(|&i| i == place))
                    .collect()
            });
            (scorer, places)
        });
        let mut scorer = WordsScorer {
            words,
            proximity,
            floor,
            fieldnorms,
            doc: 0,
        };
        scorer.doc = scorer.first_holding_all_from(0);
        scorer
    }

    /// The first unit from `target` on that holds every word, or [`TERMINATED`].
    fn first_holding_all_from(&mut self, target: DocId) -> DocId {
        first_in_all_from(&mut self.words, |word| &mut word.postings, target)
    }

    /// How often the proximity's words could stand close in the current unit at most: as
    /// often as the rarest of them occurs, when all are required words.
    fn closeness_at_most(&self, places: &Option<Vec<usize>>) -> u32 {
        match places {
            Some(places) => places
                .iter()
                .map(|&place| self.words[place].postings.term_freq())
                .min()
                .unwrap_or(0),
            None => u32::MAX,
        }
    }
}

impl DocSet for WordsScorer {
    fn advance(&mut self) -> DocId {
        if self.doc != TERMINATED {
            self.doc = self.first_holding_all_from(self.doc + 1);
        }
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc < target {
            self.doc = self.first_holding_all_from(target);
        }
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.words
            .first()
            .map_or(0, |word| word.postings.size_hint())
    }
}

impl Scorer for WordsScorer {
    fn score(&mut self) -> Score {
        let fieldnorm_id = self.fieldnorms.fieldnorm_id(self.doc);
        let mut score: Score = 0.0;
        for word in &self.words {
            match &word.similarity {
                Some(similarity) => {
                    score += similarity.score(fieldnorm_id, word.postings.term_freq())
                }
                None => return 1.0,
            }
        }
        let doc = self.doc;
        let floor = self.floor.as_ref().map_or(0.0, |floor| floor.get());
        let at_most = match &self.proximity {
            Some((proximity, places)) => proximity.at_most(doc, self.closeness_at_most(places)),
            None => return score,
        };
        if score + at_most < floor {
            return score;
        }
        if let Some((proximity, _)) = &mut self.proximity {
            score += proximity.score_at(doc);
        }
        score
    }
}

#[cfg(test)]
mod tests {
    use tantivy::collector::TopDocs;
    use tantivy::query::{BooleanQuery, Occur, TermQuery};

    use super::super::floor::FloorKeeper;
    use super::super::proximity::testing::{scored, searcher_over};
    use super::*;

    const SLOP: u32 = 6;

    fn proximity(field: tantivy::schema::Field, words: &[&str]) -> ProximityQuery {
        let terms = words
            .iter()
            .enumerate()
            .map(|(i, w)| (i, Term::from_field_text(field, w)))
            .collect();
        ProximityQuery::new(terms, SLOP, 2.0, 1.0)
    }

    fn words(field: tantivy::schema::Field, words: &[&str]) -> Vec<Term> {
        words
            .iter()
            .map(|w| Term::from_field_text(field, w))
            .collect()
    }

    /// Texts where the words stand side by side, close, far apart, or not all present,
    /// at various lengths.
    fn texts() -> Vec<String> {
        let mut texts = Vec::new();
        for i in 0..300 {
            let filler = "mot ".repeat(i % 17);
            texts.push(match i % 6 {
                0 => format!("hydrogene vert {filler}"),
                1 => format!("{filler} hydrogene a b vert"),
                2 => format!("hydrogene {filler} a b c d e f g h vert {filler}"),
                3 => format!("vert {filler} seul"),
                4 => format!("hydrogene vert hydrogene vert {filler} hydrogene"),
                _ => format!("{filler} vert hydrogene {filler}"),
            });
        }
        texts
    }

    #[test]
    fn scores_as_the_words_and_the_proximity_clause_did() {
        let (searcher, field) = searcher_over(&texts());
        let words = words(field, &["hydrogene", "vert"]);
        let proximity = proximity(field, &["hydrogene", "vert"]);
        let as_clauses = BooleanQuery::new(vec![
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    words[0].clone(),
                    IndexRecordOption::WithFreqs,
                )) as Box<dyn Query>,
            ),
            (
                Occur::Must,
                Box::new(TermQuery::new(
                    words[1].clone(),
                    IndexRecordOption::WithFreqs,
                )),
            ),
            (Occur::Should, Box::new(proximity.clone())),
        ]);
        let before = scored(&searcher, &as_clauses);
        let now = scored(&searcher, &WordsQuery::new(words, proximity, None));
        assert_eq!(now.len(), before.len());
        assert_eq!(now.len(), 250, "five texts in six hold both words");
        for ((doc, score), (doc_before, score_before)) in now.iter().zip(&before) {
            assert_eq!(doc, doc_before);
            assert!(
                (score - score_before).abs() <= 1e-5 * score_before,
                "{doc}: {score} vs {score_before}"
            );
        }
    }

    #[test]
    fn the_floor_spares_work_on_units_not_shown_and_changes_no_hit_shown() {
        let (searcher, field) = searcher_over(&texts());
        let query = |floor| {
            WordsQuery::new(
                words(field, &["vert", "hydrogene"]),
                proximity(field, &["vert", "hydrogene"]),
                floor,
            )
        };
        for limit in [1, 3, 10, 40] {
            let exact = searcher
                .search(&query(None), &TopDocs::with_limit(limit).order_by_score())
                .unwrap();
            let floor = Arc::new(ScoreFloor::default());
            let (pruned, ()) = searcher
                .search(
                    &query(Some(Arc::clone(&floor))),
                    &(
                        TopDocs::with_limit(limit).order_by_score(),
                        FloorKeeper::new(Arc::clone(&floor), limit),
                    ),
                )
                .unwrap();
            assert_eq!(pruned, exact, "limit {limit}");
            assert!(floor.get() > 0.0);
            // Some unit below the floor was left without its boost.
            let all_exact = scored(&searcher, &query(None));
            let all_pruned = scored(&searcher, &query(Some(Arc::clone(&floor))));
            assert!(
                all_pruned
                    .iter()
                    .zip(&all_exact)
                    .any(|((_, p), (_, e))| p < e),
                "limit {limit}"
            );
        }
    }
}
