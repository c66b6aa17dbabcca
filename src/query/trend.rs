//! Trends: how many units match a query per year (or session) of their reports, optionally
//! split by speaking country or agenda item. Counted over every hit from fast fields, in
//! the same search that counts the total, so a trend's buckets add up to what `search`
//! reports for the same query and filters.
//!
//! A unit whose report has no year (or no session, with `by: Session`) is counted in the
//! bucket with no key ("undated"). Split by country, a unit with several speaking
//! countries counts once for each, and a unit with none counts under `none`; split by
//! agenda item, a unit under no item counts under `none`. Series past the `top` largest
//! are added up as `others`, with `none`, which takes no place among the top.

use std::collections::BTreeMap;

use rustc_hash::FxHashMap as HashMap;
use tantivy::collector::{Collector, Count, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocId, Score, SegmentOrdinal, SegmentReader};

use super::{build, compile, SearchRequest};
use crate::error::Result;
use crate::index::IndexHandle;

/// What a bar counts over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Period {
    /// The year of the report's session.
    Year,
    /// The report's session number.
    Session,
}

/// What splits a bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Split {
    /// Speaking country.
    Country,
    /// Agenda item.
    Agenda,
}

/// The series of units with no speaking country (or no agenda item), added up in `others`.
pub const NONE: &str = "none";
/// The series past the `top` largest, added up.
pub const OTHERS: &str = "others";

/// A trend to count.
#[derive(Debug, Clone)]
pub struct TrendRequest {
    /// Query and filters (its limit and order are not used).
    pub search: SearchRequest,
    /// Per year or per session.
    pub by: Period,
    /// Split each bar, or not.
    pub split: Option<Split>,
    /// Series shown when split; the rest are `others`.
    pub top: usize,
}

/// One bar, or one series of a bar.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bucket {
    /// The year or session; `None` for units whose report has none.
    pub key: Option<u64>,
    /// The series (country code, agenda item, `none`, `others`), `None` when not split.
    pub series: Option<String>,
    /// Matching units.
    pub count: u64,
}

/// The counted trend.
#[derive(Debug, Clone, Default)]
pub struct Trend {
    /// Bars in key order (undated last), series by size within each.
    pub buckets: Vec<Bucket>,
    /// The series shown, largest first (`others` last).
    pub series: Vec<String>,
    /// Matching units, as `search` counts them.
    pub total: usize,
    /// What the query parser repaired.
    pub notes: Vec<String>,
}

/// Counts `request` on the index.
pub fn trend(handle: &IndexHandle, request: &TrendRequest) -> Result<Trend> {
    // Counts need no score: the floor, never raised, stays 0.
    let (build::Built { query, .. }, notes) = compile(&request.search, handle)?;
    let searcher = handle.searcher();
    let collector = PeriodCounts {
        period: match request.by {
            Period::Year => "year",
            Period::Session => "session",
        },
        split: request.split,
    };
    let (counts, total) = searcher.search(&query, &(collector, Count))?;
    let (buckets, series) = shape(counts, request.split.is_some(), request.top);
    Ok(Trend {
        buckets,
        series,
        total,
        notes,
    })
}

/// Counts per (period, series) into bars: the `top` series by total kept, the rest
/// added up as `others`.
fn shape(
    counts: HashMap<(Option<u64>, Option<String>), u64>,
    split: bool,
    top: usize,
) -> (Vec<Bucket>, Vec<String>) {
    let mut by_series: HashMap<String, u64> = HashMap::default();
    for ((_, series), n) in &counts {
        if let Some(series) = series {
            *by_series.entry(series.clone()).or_insert(0) += n;
        }
    }
    // `none` (no speaking country, no agenda item) takes no place among the top series:
    // it is added up with the rest as `others`.
    let has_none = by_series.remove(NONE).is_some();
    let mut ranked: Vec<(String, u64)> = by_series.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    let kept: Vec<String> = ranked.iter().take(top).map(|(s, _)| s.clone()).collect();
    let mut shown = kept.clone();
    if split && (ranked.len() > top || has_none) {
        shown.push(OTHERS.to_string());
    }
    // Undated last: keys as (is undated, key).
    let mut bars: BTreeMap<(bool, u64), HashMap<Option<String>, u64>> = BTreeMap::new();
    for ((key, series), n) in counts {
        let series = series.map(|s| {
            if kept.contains(&s) {
                s
            } else {
                OTHERS.to_string()
            }
        });
        *bars
            .entry((key.is_none(), key.unwrap_or(0)))
            .or_default()
            .entry(series)
            .or_insert(0) += n;
    }
    let position = |series: &Option<String>| {
        series
            .as_ref()
            .and_then(|s| shown.iter().position(|x| x == s))
            .unwrap_or(0)
    };
    let mut buckets = Vec::new();
    for ((undated, key), series) in bars {
        let mut series: Vec<(Option<String>, u64)> = series.into_iter().collect();
        series.sort_by_key(|(s, _)| position(s));
        for (series, count) in series {
            buckets.push(Bucket {
                key: (!undated).then_some(key),
                series,
                count,
            });
        }
    }
    (buckets, shown)
}

/// Counts hits per period value and (when split) series value.
struct PeriodCounts {
    period: &'static str,
    split: Option<Split>,
}

enum SeriesColumn {
    None,
    Strings(Option<StrColumn>),
}

struct SegmentPeriodCounts {
    period: Option<Column<u64>>,
    series: SeriesColumn,
    /// Per (period, series ordinal or number): count. `u64::MAX` stands for no series.
    counts: HashMap<(Option<u64>, u64), u64>,
}

impl Collector for PeriodCounts {
    type Fruit = HashMap<(Option<u64>, Option<String>), u64>;
    type Child = SegmentPeriodCounts;

    fn for_segment(
        &self,
        _: SegmentOrdinal,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentPeriodCounts> {
        let fast = segment.fast_fields();
        let series = match self.split {
            None => SeriesColumn::None,
            Some(Split::Country) => SeriesColumn::Strings(fast.str("speaker_country")?),
            Some(Split::Agenda) => SeriesColumn::Strings(fast.str("agenda_item")?),
        };
        Ok(SegmentPeriodCounts {
            period: fast.column_opt::<u64>(self.period)?,
            series,
            counts: HashMap::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut total = HashMap::default();
        for fruit in fruits {
            for (key, n) in fruit {
                *total.entry(key).or_insert(0) += n;
            }
        }
        Ok(total)
    }
}

/// No series value (no speaker, no agenda item).
const NO_SERIES: u64 = u64::MAX;

impl SegmentCollector for SegmentPeriodCounts {
    type Fruit = HashMap<(Option<u64>, Option<String>), u64>;

    fn collect(&mut self, doc: DocId, _: Score) {
        let period = self.period.as_ref().and_then(|c| c.first(doc));
        let mut count = |series: u64| *self.counts.entry((period, series)).or_insert(0) += 1;
        match &self.series {
            SeriesColumn::None => count(NO_SERIES),
            SeriesColumn::Strings(column) => {
                let mut any = false;
                if let Some(column) = column {
                    for ord in column.ords().values_for_doc(doc) {
                        count(ord);
                        any = true;
                    }
                }
                if !any {
                    count(NO_SERIES);
                }
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        let mut text = String::new();
        self.counts
            .into_iter()
            .map(|((period, series), n)| {
                let series = match (&self.series, series) {
                    (SeriesColumn::None, _) => None,
                    (_, NO_SERIES) => Some(NONE.to_string()),
                    (SeriesColumn::Strings(Some(column)), ord) => {
                        text.clear();
                        let _ = column.ord_to_str(ord, &mut text);
                        Some(text.clone())
                    }
                    (SeriesColumn::Strings(None), _) => Some(NONE.to_string()),
                };
                ((period, series), n)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn series_past_the_top_are_added_up_as_others_and_undated_comes_last() {
        let mut counts = HashMap::default();
        for (key, series, n) in [
            (Some(2024), "CHN", 5),
            (Some(2024), "IND", 2),
            (Some(2024), "RUS", 1),
            (Some(2023), "CHN", 1),
            (Some(2023), "NPL", 1),
            (None, "IND", 4),
            (Some(2024), NONE, 9),
        ] {
            counts.insert((key, Some(series.to_string())), n);
        }
        let (buckets, series) = shape(counts, true, 2);
        assert_eq!(series, ["CHN", "IND", "others"]);
        let got: Vec<(Option<u64>, &str, u64)> = buckets
            .iter()
            .map(|b| (b.key, b.series.as_deref().unwrap_or(""), b.count))
            .collect();
        assert_eq!(
            got,
            [
                (Some(2023), "CHN", 1),
                (Some(2023), "others", 1),
                (Some(2024), "CHN", 5),
                (Some(2024), "IND", 2),
                (Some(2024), "others", 10),
                (None, "IND", 4),
            ]
        );
    }
}
