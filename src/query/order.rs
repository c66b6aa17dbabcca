//! The orders hits are shown in, as tantivy sort keys computed while the hits are
//! collected: `relevance` (best score first; equal scores by the report's symbol and
//! language, then the unit's place in it), `date` (newest report first: year, then
//! session, then reading order) and `document` (reading order: symbol, language, place in
//! the report). Keys come from fast fields, and only for hits that can still enter the
//! top `limit` (tantivy compares the score first and reads the other keys only on a
//! tie), so a query matching a third of the corpus costs one pass, not a sort of all its
//! hits. Within a segment strings compare by ordinal; across segments by their text.

use std::sync::Arc;

use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue, SortByString};
use tantivy::collector::TopDocs;
use tantivy::query::Query;
use tantivy::{DocAddress, Order, Score, Searcher};

use super::floor::{FloorKeeper, ScoreFloor};
use crate::error::Result;

/// How hits are ordered.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum SortOrder {
    /// Best match first (ties by document, then position).
    #[default]
    Relevance,
    /// Newest report first, then reading order.
    Date,
    /// Reading order: by document, then position in it.
    Document,
}

/// Hits, each with its score, in the order asked for.
pub type Ranked = Vec<(Score, DocAddress)>;

/// The keys of the reading order.
type ReadingOrder = (
    (SortByString, Order),
    (SortByString, Order),
    (SortByStaticFastValue<u64>, Order),
);

/// Reading order: symbol, language version, place in the report.
fn reading_order() -> ReadingOrder {
    (
        (SortByString::for_field("symbol"), Order::Asc),
        (SortByString::for_field("version"), Order::Asc),
        (SortByStaticFastValue::for_field("order"), Order::Asc),
    )
}

/// The `limit` hits of `query` after the first `offset` in `order`, each with its score,
/// and the number of hits, with `also` collected in the same pass (facet counts). The query's score
/// `floor`, if it has one, is raised as hits are collected by relevance (see
/// [`super::floor`]); in other orders every score is worked out in full.
pub fn top<C: tantivy::collector::Collector>(
    searcher: &Searcher,
    query: &dyn Query,
    limit: usize,
    offset: usize,
    order: SortOrder,
    floor: Option<Arc<ScoreFloor>>,
    also: C,
) -> Result<(Ranked, C::Fruit)> {
    let limit = limit.max(1);
    let top = TopDocs::with_limit(limit).and_offset(offset);
    Ok(match order {
        SortOrder::Relevance => {
            let by_score = top.order_by(((SortBySimilarityScore, Order::Desc), reading_order()));
            let (ranked, fruit) = match floor {
                Some(floor) => {
                    let keeper = FloorKeeper::new(floor, limit + offset);
                    let (ranked, fruit, ()) = searcher.search(query, &(by_score, also, keeper))?;
                    (ranked, fruit)
                }
                None => searcher.search(query, &(by_score, also))?,
            };
            (keep_score(ranked, |(score, _)| *score), fruit)
        }
        SortOrder::Document => {
            let (ranked, fruit) = searcher.search(
                query,
                &(
                    top.order_by((reading_order(), (SortBySimilarityScore, Order::Desc))),
                    also,
                ),
            )?;
            (keep_score(ranked, |(_, score)| *score), fruit)
        }
        SortOrder::Date => {
            // Newest first; a report without a year or session after every dated one.
            let newest = (
                (SortByStaticFastValue::<u64>::for_field("year"), Order::Desc),
                (
                    SortByStaticFastValue::<u64>::for_field("session"),
                    Order::Desc,
                ),
            );
            let (ranked, fruit) = searcher.search(
                query,
                &(
                    top.order_by((
                        newest,
                        reading_order(),
                        (SortBySimilarityScore, Order::Desc),
                    )),
                    also,
                ),
            )?;
            (keep_score(ranked, |(_, _, score)| *score), fruit)
        }
    })
}

fn keep_score<K>(ranked: Vec<(K, DocAddress)>, score: impl Fn(&K) -> Score) -> Ranked {
    ranked
        .into_iter()
        .map(|(key, address)| (score(&key), address))
        .collect()
}
