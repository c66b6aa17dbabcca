//! `trend --plot FILE`: the trend chart as an SVG or PNG image, drawn with plotters:
//! one bar per year or session, stacked by series when split, with a legend. Labels are
//! set in a TrueType font found on the system (DejaVu Sans, Liberation Sans, Noto Sans…);
//! without one the chart is refused with what to install, never drawn without its labels.

use std::path::Path;
use std::sync::OnceLock;

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::query::trend::Trend;

use super::trend::{key_label, TrendLabels};

/// Where Linux and macOS keep a sans-serif font that can label a chart.
const FONT_PATHS: [&str; 6] = [
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/TTF/DejaVuSans.ttf",
    "/usr/share/fonts/dejavu/DejaVuSans.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
    "/Library/Fonts/Arial Unicode.ttf",
];
/// Space between bars, in pixels on each side.
const BAR_GAP: u32 = 12;
/// Image size, in pixels.
const SIZE: (u32, u32) = (900, 500);
/// Series colours, in order (then they repeat).
const COLOURS: [RGBColor; 6] = [
    RGBColor(31, 119, 180),
    RGBColor(255, 127, 14),
    RGBColor(44, 160, 44),
    RGBColor(214, 39, 40),
    RGBColor(148, 103, 189),
    RGBColor(140, 86, 75),
];

/// Registers a system font for the chart's text, once; the error says what to install.
fn font() -> Result<(), String> {
    static REGISTERED: OnceLock<Result<(), String>> = OnceLock::new();
    REGISTERED
        .get_or_init(|| {
            let bytes = FONT_PATHS
                .iter()
                .find_map(|path| std::fs::read(path).ok())
                .ok_or_else(|| {
                    "no font for the chart's labels: install one (Debian: apt-get install fonts-dejavu-core)".to_string()
                })?;
            // The font lives as long as the program: plotters keeps a reference to it.
            let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
            plotters::style::register_font("sans-serif", FontStyle::Normal, bytes)
                .map_err(|_| "the system font could not be read".to_string())
        })
        .clone()
}

/// Draws `trend` into `path` (`.svg` or `.png`).
pub fn write_plot(trend: &Trend, labels: &TrendLabels, path: &Path) -> Result<(), String> {
    font()?;
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "svg" => draw(
            SVGBackend::new(path, SIZE).into_drawing_area(),
            trend,
            labels,
        ),
        "png" => draw(
            BitMapBackend::new(path, SIZE).into_drawing_area(),
            trend,
            labels,
        ),
        _ => Err("the chart is drawn as .svg or .png: name the file so".to_string()),
    }
}

/// The chart as SVG text, for a page to show.
pub fn svg(trend: &Trend, labels: &TrendLabels) -> Result<String, String> {
    font()?;
    let mut text = String::new();
    draw(
        SVGBackend::with_string(&mut text, SIZE).into_drawing_area(),
        trend,
        labels,
    )?;
    Ok(text)
}

fn draw<B: DrawingBackend>(
    area: DrawingArea<B, plotters::coord::Shift>,
    trend: &Trend,
    labels: &TrendLabels,
) -> Result<(), String> {
    let error = |e: DrawingAreaErrorKind<B::ErrorType>| e.to_string();
    area.fill(&WHITE).map_err(error)?;
    let mut keys: Vec<Option<u64>> = Vec::new();
    for bucket in &trend.buckets {
        if !keys.contains(&bucket.key) {
            keys.push(bucket.key);
        }
    }
    let height = keys
        .iter()
        .map(|k| {
            trend
                .buckets
                .iter()
                .filter(|b| b.key == *k)
                .map(|b| b.count)
                .sum::<u64>()
        })
        .max()
        .unwrap_or(0)
        .max(1);
    let split = labels.split.map_or(String::new(), |s| format!(", by {s}"));
    let mut chart = ChartBuilder::on(&area)
        .caption(
            format!(
                "\u{201c}{}\u{201d}: matching units by {}{split}",
                labels.query, labels.by
            ),
            ("sans-serif", 22),
        )
        .margin(16)
        .x_label_area_size(36)
        .y_label_area_size(48)
        .build_cartesian_2d(
            (0u32..u32::try_from(keys.len()).unwrap_or(0).max(1)).into_segmented(),
            0u64..height + height / 10 + 1,
        )
        .map_err(error)?;
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(keys.len().max(1))
        .x_label_formatter(&|value| match value {
            SegmentValue::CenterOf(i) | SegmentValue::Exact(i) => keys
                .get(*i as usize)
                .map_or_else(String::new, |k| key_label(*k)),
            SegmentValue::Last => String::new(),
        })
        .y_desc("units")
        .label_style(("sans-serif", 14))
        .draw()
        .map_err(error)?;
    for (series_index, series) in trend
        .series
        .iter()
        .map(Some)
        .chain(trend.series.is_empty().then_some(None))
        .enumerate()
    {
        let colour = COLOURS[series_index % COLOURS.len()];
        let bars: Vec<Rectangle<(SegmentValue<u32>, u64)>> = keys
            .iter()
            .enumerate()
            .filter_map(|(x, key)| {
                let in_bar: Vec<_> = trend.buckets.iter().filter(|b| b.key == *key).collect();
                let position = in_bar.iter().position(|b| b.series.as_ref() == series)?;
                let below: u64 = in_bar[..position].iter().map(|b| b.count).sum();
                let count = in_bar[position].count;
                let x = u32::try_from(x).ok()?;
                let mut bar = Rectangle::new(
                    [
                        (SegmentValue::Exact(x), below),
                        (SegmentValue::Exact(x + 1), below + count),
                    ],
                    colour.filled(),
                );
                bar.set_margin(0, 0, BAR_GAP, BAR_GAP);
                Some(bar)
            })
            .collect();
        let name = series.cloned().unwrap_or_else(|| "units".to_string());
        chart
            .draw_series(bars)
            .map_err(error)?
            .label(name)
            .legend(move |(x, y)| Rectangle::new([(x, y - 5), (x + 10, y + 5)], colour.filled()));
    }
    // Each bar's total above it: the figures stay readable where bars are thin.
    let totals: Vec<(u32, u64)> = keys
        .iter()
        .enumerate()
        .filter_map(|(x, key)| {
            let total = trend
                .buckets
                .iter()
                .filter(|b| b.key == *key)
                .map(|b| b.count)
                .sum();
            Some((u32::try_from(x).ok()?, total))
        })
        .collect();
    chart
        .draw_series(totals.into_iter().map(|(x, total)| {
            Text::new(
                total.to_string(),
                (SegmentValue::CenterOf(x), total),
                ("sans-serif", 14)
                    .into_text_style(&area)
                    .pos(Pos::new(HPos::Center, VPos::Bottom)),
            )
        }))
        .map_err(error)?;
    if !trend.series.is_empty() {
        chart
            .configure_series_labels()
            .background_style(WHITE.mix(0.8))
            .border_style(BLACK)
            .label_font(("sans-serif", 14))
            .draw()
            .map_err(error)?;
    }
    area.present().map_err(error)
}
