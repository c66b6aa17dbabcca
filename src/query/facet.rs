//! Facet counts over all hits, read from fast fields: per segment, a count per term
//! ordinal (a dense vector), turned into values only for the ordinals that were hit;
//! numbers (agenda items) count in a dense vector too while they are small. A column
//! with exactly one value per unit (symbol, language) is read without its index. A
//! segment's counts come out sorted by value (its dictionary is), so the segments'
//! counts are merged by a k-way merge of sorted lists, not by hashing every value.
//! The document symbols, thousands of values, skip even that when the index has their
//! global ordinals ([`crate::index::ordinals`]): each segment's counts are moved to
//! global ordinals and added up in one dense vector, and only the symbols hit are read,
//! already in text order. (tantivy's `FacetCollector` converts ordinals through the term
//! dictionary and cost more than the search itself on a corpus of thousands of
//! documents.)

use rustc_hash::FxHashMap as HashMap;

use std::cmp::Reverse;
use std::collections::BinaryHeap;
use std::sync::Arc;
use tantivy::collector::{Collector, SegmentCollector};

use tantivy::columnar::{Cardinality, Column, StrColumn};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader, TantivyError};

use crate::index::ordinals::{self, GlobalOrdinals, SegmentOrdinals};

/// Counts, per value of a fast field (string or number), the hits that carry it.
pub struct ValueCounts {
    field: &'static str,
    numeric: bool,
    ordinals: Option<Arc<GlobalOrdinals>>,
}

impl ValueCounts {
    /// Counts over a string fast field (multi-valued allowed).
    pub fn strings(field: &'static str) -> Self {
        ValueCounts {
            field,
            numeric: false,
            ordinals: None,
        }
    }

    /// Counts over the document symbols, through their global ordinals if there are.
    pub fn symbols(ordinals: Option<Arc<GlobalOrdinals>>) -> Self {
        ValueCounts {
            field: ordinals::FIELD,
            numeric: false,
            ordinals,
        }
    }

    /// Counts over a u64 fast field.
    pub fn numbers(field: &'static str) -> Self {
        ValueCounts {
            field,
            numeric: true,
            ordinals: None,
        }
    }
}

/// Numbers below this count in a vector indexed by the number (agenda items do); larger
/// ones in a map.
const DENSE_NUMBERS: u64 = 1024;

/// A segment's place in the global ordinals.
type SegmentGlobal = Option<(Arc<GlobalOrdinals>, SegmentOrdinals)>;

/// One segment's counting.
pub enum SegmentValueCounts {
    /// Over a string column: a count per ordinal.
    Strings(Option<StrColumn>, Vec<u64>, SegmentGlobal),
    /// Over a string column with one value for every unit: a count per ordinal.
    SingleStrings(StrColumn, Vec<u64>, SegmentGlobal),
    /// Over a number column: small numbers by index, the others in a map.
    Numbers(Option<Column<u64>>, Vec<u64>, HashMap<u64, u64>),
}

/// Counts per value, sorted by value.
pub type SortedCounts = Vec<(String, u64)>;

/// Counts, of one segment or of all of them.
pub enum Counted {
    /// Per value, sorted by value.
    Values(SortedCounts),
    /// Per global ordinal of the document symbols, those hit only, in ordinal order
    /// (which is the symbols' text order): a symbol's text is read when it is shown.
    Symbols(Arc<GlobalOrdinals>, Vec<(u32, u64)>),
}

impl Counted {
    /// Every value with its count, sorted by value.
    pub fn into_sorted(self) -> tantivy::Result<SortedCounts> {
        match self {
            Counted::Values(counts) => Ok(counts),
            Counted::Symbols(ordinals, counts) => with_text(&ordinals, counts),
        }
    }
}

impl Collector for ValueCounts {
    type Fruit = Counted;
    type Child = SegmentValueCounts;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentValueCounts> {
        let global = self.ordinals.as_ref().and_then(|ordinals| {
            let place = ordinals.segment(segment.segment_id())?;
            Some((Arc::clone(ordinals), place))
        });
        let fast = segment.fast_fields();
        Ok(if self.numeric {
            SegmentValueCounts::Numbers(
                fast.column_opt::<u64>(self.field)?,
                Vec::new(),
                HashMap::default(),
            )
        } else {
            let column = fast.str(self.field)?;
            let terms = column.as_ref().map_or(0, |c| c.num_terms());
            match column {
                Some(column) if column.ords().get_cardinality() == Cardinality::Full => {
                    SegmentValueCounts::SingleStrings(column, vec![0; terms], global)
                }
                column => SegmentValueCounts::Strings(column, vec![0; terms], global),
            }
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Counted>) -> tantivy::Result<Counted> {
        if let Some(ordinals) = &self.ordinals {
            if fruits
                .iter()
                .all(|fruit| matches!(fruit, Counted::Symbols(..)))
            {
                return Ok(Counted::Symbols(
                    Arc::clone(ordinals),
                    merge_global(ordinals, fruits),
                ));
            }
        }
        let lists = fruits
            .into_iter()
            .map(Counted::into_sorted)
            .collect::<tantivy::Result<Vec<SortedCounts>>>()?;
        Ok(Counted::Values(merge_sorted(lists)))
    }
}

/// `counts` by global ordinal with each symbol's text, in the same order.
pub fn with_text(
    ordinals: &GlobalOrdinals,
    counts: Vec<(u32, u64)>,
) -> tantivy::Result<SortedCounts> {
    counts
        .into_iter()
        .map(|(global, n)| Ok((symbol_text(ordinals, global)?, n)))
        .collect()
}

/// The text of a global ordinal (the file was checked when opened; an ordinal past its
/// end means it was damaged since).
fn symbol_text(ordinals: &GlobalOrdinals, global: u32) -> tantivy::Result<String> {
    ordinals
        .symbol(global)
        .map(|bytes| String::from_utf8_lossy(bytes).into_owned())
        .ok_or_else(|| {
            TantivyError::InternalError(format!(
                "the document ordinals file ({}) is damaged: run `rapporteur index --rebuild`",
                ordinals::FILE
            ))
        })
}

/// The sum of every segment's counts by global ordinal (one dense vector), the
/// ordinals hit in order.
fn merge_global(ordinals: &GlobalOrdinals, fruits: Vec<Counted>) -> Vec<(u32, u64)> {
    let mut totals = vec![0u64; ordinals.len()];
    for fruit in fruits {
        if let Counted::Symbols(_, counts) = fruit {
            for (global, n) in counts {
                if let Some(total) = totals.get_mut(global as usize) {
                    *total += n;
                }
            }
        }
    }
    totals
        .into_iter()
        .enumerate()
        .filter(|(_, n)| *n > 0)
        .map(|(global, n)| (global as u32, n))
        .collect()
}

/// The sum of sorted count lists, sorted: a k-way merge (a heap of each list's next
/// value), equal values added up.
fn merge_sorted(lists: Vec<SortedCounts>) -> SortedCounts {
    let mut lists: Vec<std::vec::IntoIter<(String, u64)>> =
        lists.into_iter().map(Vec::into_iter).collect();
    if lists.len() == 1 {
        return lists.pop().map(Iterator::collect).unwrap_or_default();
    }
    let mut heads = BinaryHeap::new();
    for (i, list) in lists.iter_mut().enumerate() {
        if let Some((value, n)) = list.next() {
            heads.push(Reverse((value, i, n)));
        }
    }
    let mut merged: SortedCounts = Vec::new();
    while let Some(Reverse((value, i, n))) = heads.pop() {
        match merged.last_mut() {
            Some((last, total)) if *last == value => *total += n,
            _ => merged.push((value, n)),
        }
        if let Some((value, n)) = lists[i].next() {
            heads.push(Reverse((value, i, n)));
        }
    }
    merged
}

impl SegmentCollector for SegmentValueCounts {
    type Fruit = Counted;

    fn collect(&mut self, doc: DocId, _: Score) {
        match self {
            SegmentValueCounts::Strings(Some(column), counts, _) => {
                for ord in column.ords().values_for_doc(doc) {
                    if let Some(count) = counts.get_mut(ord as usize) {
                        *count += 1;
                    }
                }
            }
            SegmentValueCounts::SingleStrings(column, counts, _) => {
                if let Some(count) = counts.get_mut(column.ords().values.get_val(doc) as usize) {
                    *count += 1;
                }
            }
            SegmentValueCounts::Numbers(Some(column), dense, sparse) => {
                for value in column.values_for_doc(doc) {
                    if value < DENSE_NUMBERS {
                        let at = value as usize;
                        if dense.len() <= at {
                            dense.resize(at + 1, 0);
                        }
                        dense[at] += 1;
                    } else {
                        *sparse.entry(value).or_insert(0) += 1;
                    }
                }
            }
            _ => {}
        }
    }

    fn harvest(self) -> Counted {
        match self {
            SegmentValueCounts::Strings(Some(column), counts, global)
            | SegmentValueCounts::SingleStrings(column, counts, global) => {
                if let Some((ordinals, place)) = global {
                    let hit: Option<Vec<(u32, u64)>> = counts
                        .iter()
                        .enumerate()
                        .filter(|(_, n)| **n > 0)
                        .map(|(ord, n)| Some((ordinals.global(place, ord as u64)?, *n)))
                        .collect();
                    if let Some(hit) = hit {
                        return Counted::Symbols(ordinals, hit);
                    }
                }
                // One pass over the dictionary for all the ordinals hit, in order.
                let hit: Vec<(u64, u64)> = counts
                    .into_iter()
                    .enumerate()
                    .filter(|(_, n)| *n > 0)
                    .map(|(ord, n)| (ord as u64, n))
                    .collect();
                let ords: Vec<u64> = hit.iter().map(|(ord, _)| *ord).collect();
                let mut values = Vec::with_capacity(ords.len());
                let _ = column.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
                    values.push(String::from_utf8_lossy(bytes).into_owned())
                });
                Counted::Values(
                    values
                        .into_iter()
                        .zip(hit)
                        .map(|(value, (_, n))| (value, n))
                        .collect(),
                )
            }
            SegmentValueCounts::Numbers(_, dense, sparse) => {
                let mut counts: SortedCounts = dense
                    .into_iter()
                    .enumerate()
                    .filter(|(_, n)| *n > 0)
                    .map(|(v, n)| (v as u64, n))
                    .chain(sparse)
                    .map(|(v, n)| (v.to_string(), n))
                    .collect();
                counts.sort_unstable();
                Counted::Values(counts)
            }
            SegmentValueCounts::Strings(None, ..) => Counted::Values(Vec::new()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn list(pairs: &[(&str, u64)]) -> SortedCounts {
        pairs.iter().map(|(v, n)| (v.to_string(), *n)).collect()
    }

    #[test]
    fn segment_counts_add_up_by_value_and_stay_sorted() {
        let merged = merge_sorted(vec![
            list(&[("A/1", 2), ("B/1", 1), ("D/1", 4)]),
            list(&[("B/1", 3), ("C/1", 1)]),
            list(&[]),
            list(&[("A/1", 1), ("E/1", 5)]),
        ]);
        assert_eq!(
            merged,
            list(&[("A/1", 3), ("B/1", 4), ("C/1", 1), ("D/1", 4), ("E/1", 5)])
        );
    }
}
