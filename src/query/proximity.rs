//! The proximity boost of a query of several words: a unit whose words stand within a few
//! positions of each other scores `close_boost` × BM25 of how often they do, and one whose
//! words stand side by side in the query's order scores `adjacent_boost` × BM25 of that
//! count on top, with BM25 taken over the words as one phrase (as tantivy's phrase query
//! takes it). One pass over the words' positions gives both counts.
//!
//! Two tantivy phrase clauses (one with slop, one without) did this before, and each
//! decoded the positions of every unit holding all the words: a third of a two-word
//! search's time (`perf`). tantivy's phrase scorer is not public, so the matching is
//! done here. For two words the scores are the same as the two clauses gave (a test
//! checks); for three or more, closeness is defined here (below) where tantivy's own
//! multi-word slop count is, by its authors' note, approximate.
//!
//! Closeness: each word's positions are shifted by its place in the query, so that words
//! side by side share a value. Occurrences of the first word start chains; each chain is
//! paired with an occurrence of the next word, a chain and an occurrence at most once
//! each, if the distances walked so far stay within the slop; the count is the chains
//! that reach the last word. Side by side is the same with no slop.

use tantivy::fieldnorm::FieldNormReader;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{Bm25Weight, EmptyScorer, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, DocSet, Score, SegmentReader, TantivyError, Term, TERMINATED};

/// Boosts the units where the words of `terms` (each with its position in the query)
/// stand within `slop` positions of each other, more when side by side.
#[derive(Clone, Debug)]
pub struct ProximityQuery {
    terms: Vec<(usize, Term)>,
    slop: u32,
    adjacent_boost: Score,
    close_boost: Score,
}

impl ProximityQuery {
    /// `terms` must be two or more, all of one field indexed with positions.
    pub fn new(
        terms: Vec<(usize, Term)>,
        slop: u32,
        adjacent_boost: Score,
        close_boost: Score,
    ) -> Self {
        debug_assert!(terms.len() >= 2);
        ProximityQuery {
            terms,
            slop,
            adjacent_boost,
            close_boost,
        }
    }
}

impl ProximityQuery {
    /// The weight, as a [`Weight`] or for another scorer to ask ([`ProximityScorer::score_at`]).
    pub(super) fn proximity_weight(
        &self,
        enable_scoring: EnableScoring<'_>,
    ) -> tantivy::Result<ProximityWeight> {
        let terms: Vec<Term> = self.terms.iter().map(|(_, term)| term.clone()).collect();
        // The statistics of the phrase as a whole, as tantivy's phrase query takes them.
        let similarity = match enable_scoring {
            EnableScoring::Enabled {
                statistics_provider,
                ..
            } => Some(Bm25Weight::for_terms(statistics_provider, &terms)?),
            EnableScoring::Disabled { .. } => None,
        };
        Ok(ProximityWeight {
            query: self.clone(),
            similarity,
        })
    }

    /// The words whose closeness is measured.
    pub(super) fn terms(&self) -> impl Iterator<Item = &Term> {
        self.terms.iter().map(|(_, term)| term)
    }
}

impl Query for ProximityQuery {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(self.proximity_weight(enable_scoring)?))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for (_, term) in &self.terms {
            visitor(term, true);
        }
    }
}

pub(super) struct ProximityWeight {
    query: ProximityQuery,
    similarity: Option<Bm25Weight>,
}

impl ProximityWeight {
    /// The scorer over `reader`, or `None` when a word is not in its segment.
    pub(super) fn proximity_scorer(
        &self,
        reader: &SegmentReader,
        boost: Score,
    ) -> tantivy::Result<Option<ProximityScorer>> {
        let field = self.query.terms[0].1.field();
        let inverted_index = reader.inverted_index(field)?;
        let last_offset = self
            .query
            .terms
            .iter()
            .map(|(offset, _)| *offset)
            .max()
            .unwrap_or(0);
        let mut words = Vec::with_capacity(self.query.terms.len());
        for (offset, term) in &self.query.terms {
            let Some(postings) =
                inverted_index.read_postings(term, IndexRecordOption::WithFreqsAndPositions)?
            else {
                return Ok(None);
            };
            let shift = last_offset - offset;
            words.push((postings, shift as u32));
        }
        let fieldnorms = match self.similarity {
            Some(_) => reader.fieldnorms_readers().get_field(field)?,
            None => None,
        }
        .unwrap_or_else(|| FieldNormReader::constant(reader.max_doc(), 1));
        let weighted = |by: Score| {
            self.similarity
                .as_ref()
                .map(|similarity| similarity.boost_by(by * boost))
        };
        let mut scorer = ProximityScorer {
            words,
            slop: self.query.slop,
            close: weighted(self.query.close_boost),
            adjacent: weighted(self.query.adjacent_boost),
            fieldnorms,
            counts: Counts::default(),
            doc: 0,
            buffers: Buffers::default(),
        };
        scorer.doc = scorer.first_match_from(0);
        Ok(Some(scorer))
    }
}

impl Weight for ProximityWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(match self.proximity_scorer(reader, boost)? {
            Some(scorer) => Box::new(scorer),
            None => Box::new(EmptyScorer),
        })
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let not_close =
            || TantivyError::InvalidArgument(format!("the words are not close in document {doc}"));
        let mut scorer = self.proximity_scorer(reader, 1.0)?.ok_or_else(not_close)?;
        if scorer.seek(doc) != doc {
            return Err(not_close());
        }
        let fieldnorm_id = scorer.fieldnorms.fieldnorm_id(doc);
        let mut explanation = Explanation::new("Proximity", scorer.score());
        if let Some(similarity) = &self.similarity {
            let close = similarity.boost_by(self.query.close_boost);
            explanation.add_detail(close.explain(fieldnorm_id, scorer.counts.close));
            if scorer.counts.adjacent > 0 {
                let adjacent = similarity.boost_by(self.query.adjacent_boost);
                explanation.add_detail(adjacent.explain(fieldnorm_id, scorer.counts.adjacent));
            }
        }
        Ok(explanation)
    }
}

/// How often the words stand close, and side by side, in the current unit.
#[derive(Clone, Copy, Default)]
struct Counts {
    close: u32,
    adjacent: u32,
}

/// Position lists reused from unit to unit.
#[derive(Default)]
struct Buffers {
    /// The current word's positions.
    positions: Vec<u32>,
    /// Close chains so far: where each stands, and the distance it has walked.
    chains: Vec<(u32, u32)>,
    next_chains: Vec<(u32, u32)>,
    /// Side-by-side runs so far: where each stands.
    runs: Vec<u32>,
}

pub(super) struct ProximityScorer {
    /// Each word's postings, and the shift that aligns its positions with the last word's.
    words: Vec<(SegmentPostings, u32)>,
    slop: u32,
    close: Option<Bm25Weight>,
    adjacent: Option<Bm25Weight>,
    fieldnorms: FieldNormReader,
    counts: Counts,
    doc: DocId,
    buffers: Buffers,
}

impl ProximityScorer {
    /// The first unit from `target` on that holds every word close to the others (its
    /// counts in `self.counts`), or [`TERMINATED`].
    fn first_match_from(&mut self, mut target: DocId) -> DocId {
        loop {
            target = self.first_holding_all_from(target);
            if target == TERMINATED {
                return TERMINATED;
            }
            self.counts = count_in_unit(&mut self.words, self.slop, &mut self.buffers);
            if self.counts.close > 0 {
                return target;
            }
            target += 1;
        }
    }

    /// The score of unit `doc`, which no call before has passed: 0 unless it holds every
    /// word close to the others. For a scorer that asks about some units only, where
    /// seeking would look for the next close unit beyond one that is not.
    pub(super) fn score_at(&mut self, doc: DocId) -> Score {
        if self.first_holding_all_from(doc) != doc {
            return 0.0;
        }
        self.doc = doc;
        self.counts = count_in_unit(&mut self.words, self.slop, &mut self.buffers);
        if self.counts.close == 0 {
            return 0.0;
        }
        self.score()
    }

    /// The most unit `doc` can score if its words stand close at most `times` times: its
    /// score when they stand close and side by side that often (BM25 grows with the
    /// count). A unit's words stand close no more often than its rarest word occurs.
    pub(super) fn at_most(&self, doc: DocId, times: u32) -> Score {
        let fieldnorm_id = self.fieldnorms.fieldnorm_id(doc);
        match (&self.adjacent, &self.close) {
            (Some(adjacent), Some(close)) if times > 0 => {
                adjacent.score(fieldnorm_id, times) + close.score(fieldnorm_id, times)
            }
            (Some(_), Some(_)) => 0.0,
            _ => 1.0,
        }
    }

    /// The first unit from `target` on whose text holds every word.
    fn first_holding_all_from(&mut self, target: DocId) -> DocId {
        first_in_all_from(&mut self.words, |(postings, _)| postings, target)
    }
}

/// The first unit from `target` on that every postings list of `lists` holds (each
/// reached through `postings`), or [`TERMINATED`]: each list seeks the candidate in turn,
/// and one that passes it makes its unit the next candidate. Lists already past
/// `target` are not moved back.
pub(super) fn first_in_all_from<T>(
    lists: &mut [T],
    postings: impl Fn(&mut T) -> &mut SegmentPostings,
    mut target: DocId,
) -> DocId {
    'candidates: loop {
        for list in lists.iter_mut() {
            let list = postings(list);
            let doc = if list.doc() < target {
                list.seek(target)
            } else {
                list.doc()
            };
            if doc != target {
                if doc == TERMINATED {
                    return TERMINATED;
                }
                target = doc;
                continue 'candidates;
            }
        }
        return target;
    }
}

/// The counts in the unit every word's postings stand on.
fn count_in_unit(words: &mut [(SegmentPostings, u32)], slop: u32, buffers: &mut Buffers) -> Counts {
    let Buffers {
        positions,
        chains,
        next_chains,
        runs,
    } = buffers;
    let Some(((first, first_shift), others)) = words.split_first_mut() else {
        return Counts::default();
    };
    first.positions_with_offset(*first_shift, positions);
    chains.clear();
    chains.extend(positions.iter().map(|&at| (at, 0)));
    runs.clear();
    runs.extend_from_slice(positions);
    for (postings, shift) in others {
        postings.positions_with_offset(*shift, positions);
        pair_within(chains, positions, slop, next_chains);
        std::mem::swap(chains, next_chains);
        keep_shared(runs, positions);
        if chains.is_empty() {
            // No chain reaches this word, so none side by side either.
            return Counts::default();
        }
    }
    Counts {
        close: chains.len() as u32,
        adjacent: runs.len() as u32,
    }
}

/// Pairs each chain with at most one occurrence in `positions` (both sorted), each
/// occurrence with at most one chain, where the chain's walked distance plus the step
/// stays within `slop`; writes the extended chains to `paired`. Of several chains that
/// can reach an occurrence from before it, the nearest is taken.
fn pair_within(chains: &[(u32, u32)], positions: &[u32], slop: u32, paired: &mut Vec<(u32, u32)>) {
    paired.clear();
    let (mut chain, mut at) = (0, 0);
    while chain < chains.len() && at < positions.len() {
        let (stands, walked) = chains[chain];
        let occurrence = positions[at];
        if walked + stands.abs_diff(occurrence) <= slop {
            let step = |(stands, walked): (u32, u32)| walked + stands.abs_diff(occurrence);
            while chain + 1 < chains.len()
                && chains[chain + 1].0 <= occurrence
                && step(chains[chain + 1]) <= step(chains[chain])
            {
                chain += 1;
            }
            paired.push((occurrence, step(chains[chain])));
            chain += 1;
            at += 1;
        } else if stands < occurrence {
            chain += 1;
        } else {
            at += 1;
        }
    }
}

/// Keeps in `runs` the values `positions` also holds (both sorted).
fn keep_shared(runs: &mut Vec<u32>, positions: &[u32]) {
    let mut at = 0;
    runs.retain(|run| {
        while at < positions.len() && positions[at] < *run {
            at += 1;
        }
        at < positions.len() && positions[at] == *run
    });
}

impl DocSet for ProximityScorer {
    fn advance(&mut self) -> DocId {
        if self.doc != TERMINATED {
            self.doc = self.first_match_from(self.doc + 1);
        }
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc < target {
            self.doc = self.first_match_from(target);
        }
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.words
            .iter()
            .map(|(postings, _)| postings.size_hint())
            .min()
            .unwrap_or(0)
    }
}

impl Scorer for ProximityScorer {
    fn score(&mut self) -> Score {
        let fieldnorm_id = self.fieldnorms.fieldnorm_id(self.doc);
        let weigh = |similarity: &Option<Bm25Weight>, count: u32| match similarity {
            Some(similarity) if count > 0 => similarity.score(fieldnorm_id, count),
            _ => 0.0,
        };
        match &self.close {
            None => 1.0,
            Some(_) => {
                weigh(&self.adjacent, self.counts.adjacent) + weigh(&self.close, self.counts.close)
            }
        }
    }
}

/// An index of texts to score queries over, shared with the tests of [`super::words`].
#[cfg(test)]
pub(super) mod testing {
    use tantivy::query::{EnableScoring, Query};
    use tantivy::schema::{Field, Schema, TEXT};
    use tantivy::{doc, DocId, DocSet, Index, Score, Searcher, TERMINATED};

    /// A searcher over `texts`, one document each, in one field of default analysis.
    pub fn searcher_over(texts: &[impl AsRef<str>]) -> (Searcher, Field) {
        let mut schema = Schema::builder();
        let text = schema.add_text_field("text", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
        for t in texts {
            writer.add_document(doc!(text => t.as_ref())).unwrap();
        }
        writer.commit().unwrap();
        (index.reader().unwrap().searcher(), text)
    }

    /// Every matching document and its score, in document order.
    pub fn scored(searcher: &Searcher, query: &dyn Query) -> Vec<(DocId, Score)> {
        let weight = query
            .weight(EnableScoring::enabled_from_searcher(searcher))
            .unwrap();
        let mut found = Vec::new();
        for reader in searcher.segment_readers() {
            let mut scorer = weight.scorer(reader, 1.0).unwrap();
            while scorer.doc() != TERMINATED {
                found.push((scorer.doc(), scorer.score()));
                scorer.advance();
            }
        }
        found
    }
}

#[cfg(test)]
mod tests {
    use tantivy::query::{BooleanQuery, BoostQuery, Occur, PhraseQuery};

    use super::testing::{scored, searcher_over};
    use super::*;

    const SLOP: u32 = 6;

    fn terms(field: tantivy::schema::Field, words: &[&str]) -> Vec<(usize, Term)> {
        words
            .iter()
            .enumerate()
            .map(|(i, w)| (i, Term::from_field_text(field, w)))
            .collect()
    }

    #[test]
    fn two_words_score_as_the_two_phrase_clauses_did() {
        let texts = [
            "hydrogene vert pour tous",
            "vert hydrogene",
            "hydrogene est plus vert",
            "hydrogene a b c d e f g vert",
            "hydrogene a b c d e vert",
            "hydrogene hydrogene vert vert hydrogene x vert",
            "vert a hydrogene vert b c hydrogene d e f g h i j k vert",
            "hydrogene seul",
            "vert seul",
            "hydrogene vert hydrogene vert hydrogene vert",
        ];
        let (searcher, field) = searcher_over(&texts);
        let words = terms(field, &["hydrogene", "vert"]);
        let phrase_clauses = BooleanQuery::new(vec![
            (
                Occur::Should,
                Box::new(BoostQuery::new(
                    Box::new(PhraseQuery::new_with_offset(words.clone())),
                    2.0,
                )) as Box<dyn Query>,
            ),
            (
                Occur::Should,
                Box::new(BoostQuery::new(
                    Box::new(PhraseQuery::new_with_offset_and_slop(words.clone(), SLOP)),
                    1.0,
                )),
            ),
        ]);
        let before = scored(&searcher, &phrase_clauses);
        let now = scored(&searcher, &ProximityQuery::new(words, SLOP, 2.0, 1.0));
        assert_eq!(now, before);
        // Far apart (doc 3: seven words between) and single words do not match.
        let docs: Vec<DocId> = now.iter().map(|(doc, _)| *doc).collect();
        assert_eq!(docs, [0, 1, 2, 4, 5, 6, 9]);
    }

    #[test]
    fn side_by_side_ranks_above_close_and_close_above_apart() {
        let texts = [
            "pollution de l air en ville",
            "pollution de ville et de l air",
            "air pollution de l",
            "pollution a b c d e f g h i j air",
        ];
        let (searcher, field) = searcher_over(&texts);
        let query = ProximityQuery::new(terms(field, &["pollution", "de", "air"]), SLOP, 2.0, 1.0);
        let found = scored(&searcher, &query);
        let score = |doc: DocId| found.iter().find(|(d, _)| *d == doc).map(|(_, s)| *s);
        // "pollution de l air": "air" is one word further than in the query, so close, not
        // side by side; the query "pollution de air" is side by side nowhere.
        assert!(score(0).is_some() && score(1).is_some() && score(2).is_some());
        assert_eq!(score(3), None, "eleven words apart is not close");
        let adjacent = ProximityQuery::new(
            terms(field, &["pollution", "de", "l", "air"]),
            SLOP,
            2.0,
            1.0,
        );
        let found = scored(&searcher, &adjacent);
        let score = |doc: DocId| found.iter().find(|(d, _)| *d == doc).map(|(_, s)| *s);
        let (side_by_side, close) = (score(0).unwrap(), score(1).unwrap());
        assert!(side_by_side > close, "{side_by_side} <= {close}");
    }

    #[test]
    fn pairing_takes_each_occurrence_once_and_the_nearest_chain() {
        let mut paired = Vec::new();
        // Two chains before one occurrence: the nearer (at 3) takes it.
        pair_within(&[(1, 0), (3, 0)], &[4], 6, &mut paired);
        assert_eq!(paired, [(4, 1)]);
        // A chain that has walked 5 can step 1 more, not 2.
        pair_within(&[(10, 5)], &[11], 6, &mut paired);
        assert_eq!(paired, [(11, 6)]);
        pair_within(&[(10, 5)], &[12], 6, &mut paired);
        assert!(paired.is_empty());
        // Occurrences before the chain count too (closeness is in either order).
        pair_within(&[(10, 0), (20, 0)], &[8, 19, 40], 6, &mut paired);
        assert_eq!(paired, [(8, 2), (19, 1)]);
        let mut runs = vec![1, 5, 9];
        keep_shared(&mut runs, &[2, 5, 9, 12]);
        assert_eq!(runs, [5, 9]);
    }
}
