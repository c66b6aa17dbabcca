//! Orders of hits other than relevance: `date` (newest report first: year, then session,
//! then the report's symbol and the unit's place in it) and `document` (reading order:
//! symbol, language, place in the report). Keys are read from fast fields for every hit,
//! so the order is exact however many hits there are; facet counts do not depend on it.

use std::cmp::Reverse;

use tantivy::{DocAddress, Score, Searcher};

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

/// A hit's place in a non-relevance order.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
struct Key {
    /// Newest first; a report without a year or session sorts after every dated one.
    newest: Reverse<(Option<u64>, Option<u64>)>,
    symbol: String,
    language: String,
    order: u64,
}

/// `hits` (every hit, with its score) put in `order` (not [`SortOrder::Relevance`]).
pub fn sort(
    searcher: &Searcher,
    hits: Vec<(Score, DocAddress)>,
    order: SortOrder,
) -> Result<Vec<(Score, DocAddress)>> {
    let mut keyed: Vec<(Key, Score, DocAddress)> = Vec::with_capacity(hits.len());
    let mut by_segment: Vec<Vec<(Score, DocAddress)>> =
        vec![Vec::new(); searcher.segment_readers().len()];
    for hit in hits {
        if let Some(segment) = by_segment.get_mut(hit.1.segment_ord as usize) {
            segment.push(hit);
        }
    }
    let mut text = String::new();
    for (segment_ord, segment_hits) in by_segment.into_iter().enumerate() {
        let Some(reader) = searcher.segment_readers().get(segment_ord) else {
            continue;
        };
        let fast = reader.fast_fields();
        let year = fast.column_opt::<u64>("year")?;
        let session = fast.column_opt::<u64>("session")?;
        let position = fast.column_opt::<u64>("order")?;
        let symbol = fast.str("symbol")?;
        let language = fast.str("language")?;
        let mut string_of = |column: &Option<tantivy::columnar::StrColumn>, doc| -> String {
            text.clear();
            if let Some(column) = column {
                if let Some(ord) = column.term_ords(doc).next() {
                    let _ = column.ord_to_str(ord, &mut text);
                }
            }
            text.clone()
        };
        for (score, address) in segment_hits {
            let doc = address.doc_id;
            let first = |column: &Option<tantivy::columnar::Column<u64>>| {
                column.as_ref().and_then(|c| c.first(doc))
            };
            let newest = match order {
                SortOrder::Date => (first(&year), first(&session)),
                _ => (None, None),
            };
            keyed.push((
                Key {
                    newest: Reverse(newest),
                    symbol: string_of(&symbol, doc),
                    language: string_of(&language, doc),
                    order: first(&position).unwrap_or(0),
                },
                score,
                address,
            ));
        }
    }
    keyed.sort_by(|a, b| a.0.cmp(&b.0));
    Ok(keyed
        .into_iter()
        .map(|(_, score, address)| (score, address))
        .collect())
}
