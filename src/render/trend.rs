//! `rapporteur trend` output: a chart of Unicode block bars for people (colour per series
//! on a terminal), and JSON Lines for programs, in the envelope `search` uses:
//!
//! - one `{"type": "bucket", "key": "2025", "series": "CHN", "count": 7}` per bar and
//!   series (`key` null for units whose report has no year or session, `series` null when
//!   not split);
//! - then `{"type": "summary", "total": N, "by": "year", "split": "country", "series":
//!   […], "notes": […]}`, where N is what `search` reports as its total for the same query
//!   and filters.

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};
use serde_json::json;

use crate::query::trend::Trend;

/// Widest bar, in characters.
const BAR_WIDTH: u64 = 40;
/// Colours of the series, in order (then they repeat).
const PALETTE: [AnsiColor; 6] = [
    AnsiColor::Cyan,
    AnsiColor::Yellow,
    AnsiColor::Magenta,
    AnsiColor::Green,
    AnsiColor::Blue,
    AnsiColor::Red,
];

/// How the trend was asked, for titles and the JSON summary.
pub struct TrendLabels<'a> {
    /// The query as typed.
    pub query: &'a str,
    /// `year` or `session`.
    pub by: &'a str,
    /// `country`, `agenda` or none.
    pub split: Option<&'a str>,
}

/// The bucket key as shown: the year or session, or "undated".
pub fn key_label(key: Option<u64>) -> String {
    key.map_or_else(|| "undated".to_string(), |k| k.to_string())
}

/// Writes the chart: a title, then one line per bar (and series), the count after it.
pub fn write_chart(
    trend: &Trend,
    labels: &TrendLabels,
    out: &mut dyn Write,
    color: bool,
) -> io::Result<()> {
    let split = labels
        .split
        .map_or(String::new(), |s| format!(", split by {s}"));
    writeln!(
        out,
        "{:?}: {} matching units by {}{split}",
        labels.query, trend.total, labels.by
    )?;
    let max = trend
        .buckets
        .iter()
        .map(|b| b.count)
        .max()
        .unwrap_or(0)
        .max(1);
    let key_width = trend
        .buckets
        .iter()
        .map(|b| key_label(b.key).len())
        .max()
        .unwrap_or(4);
    let series_width = trend.series.iter().map(String::len).max().unwrap_or(0);
    let mut previous_key = None;
    for bucket in &trend.buckets {
        let key = if previous_key == Some(bucket.key) {
            String::new()
        } else {
            key_label(bucket.key)
        };
        previous_key = Some(bucket.key);
        let length = (bucket.count * BAR_WIDTH).div_ceil(max);
        let bar = "█".repeat(usize::try_from(length).unwrap_or(0));
        let series_index = bucket
            .series
            .as_ref()
            .and_then(|s| trend.series.iter().position(|x| x == s))
            .unwrap_or(0);
        let bar = if color {
            let style = Style::new().fg_color(Some(PALETTE[series_index % PALETTE.len()].into()));
            format!("{style}{bar}{style:#}")
        } else {
            bar
        };
        match &bucket.series {
            Some(series) => writeln!(
                out,
                "{key:>key_width$}  {series:<series_width$}  {bar} {}",
                bucket.count
            )?,
            None => writeln!(out, "{key:>key_width$}  {bar} {}", bucket.count)?,
        }
    }
    Ok(())
}

/// Writes the buckets and the summary as JSON Lines.
pub fn write_json(trend: &Trend, labels: &TrendLabels, out: &mut dyn Write) -> io::Result<()> {
    for bucket in &trend.buckets {
        let line = json!({
            "type": "bucket",
            "key": bucket.key.map(|k| k.to_string()),
            "series": bucket.series,
            "count": bucket.count,
        });
        serde_json::to_writer(&mut *out, &line).map_err(io::Error::other)?;
        writeln!(out)?;
    }
    let summary = json!({
        "type": "summary",
        "total": trend.total,
        "by": labels.by,
        "split": labels.split,
        "series": trend.series,
        "notes": trend.notes,
    });
    serde_json::to_writer(&mut *out, &summary).map_err(io::Error::other)?;
    writeln!(out)
}
