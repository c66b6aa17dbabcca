//! Search hits and units for people: a header line per hit (symbol, unit, agenda item,
//! speakers), the snippet with matched words highlighted, and a footer with the total and
//! the facet counts. Colour only when asked (the caller decides from the terminal,
//! `NO_COLOR` and `--color`).

use std::io::{self, Write};

use anstyle::{AnsiColor, Style};

use crate::countries::Countries;
use crate::model::Speaker;
use crate::query::{FacetCount, SearchResults, Snippet, StoredUnit};

const HEADER: Style = Style::new().bold();
const SYMBOL: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Cyan)));
const MATCH: Style = Style::new()
    .bold()
    .fg_color(Some(anstyle::Color::Ansi(AnsiColor::Yellow)));
const DIM: Style = Style::new().dimmed();

/// Paint `text` in `style` when colour is on.
fn paint(style: Style, text: &str, color: bool) -> String {
    if color {
        format!("{}{text}{}", style.render(), style.render_reset())
    } else {
        text.to_string()
    }
}

/// "Chine (CHN)" in a French report, "China (CHN)" in others; roles, names and
/// organisations as given; the group spoken for after it ("Egypt (EGY) for the Group of
/// Arab States").
pub fn speaker_label(speaker: &Speaker, language: &str) -> String {
    let label = speaker_name(speaker, language);
    match &speaker.on_behalf_of {
        Some(group) if language == "fr" => format!("{label} au nom de {group}"),
        Some(group) => format!("{label} for {group}"),
        None => label,
    }
}

fn speaker_name(speaker: &Speaker, language: &str) -> String {
    if let Some(code) = &speaker.country {
        let name = Countries::get()
            .by_code(code)
            .map(|c| {
                if language == "fr" {
                    c.french_name()
                } else {
                    c.english_name()
                }
            })
            .unwrap_or(code);
        return format!("{name} ({code})");
    }
    let parts: Vec<&str> = [
        speaker.name.as_deref(),
        speaker.organization.as_deref(),
        speaker.role.as_deref(),
    ]
    .into_iter()
    .flatten()
    .collect();
    parts.first().copied().unwrap_or("").to_string()
}

fn agenda_label(unit: &StoredUnit) -> Option<String> {
    let item = unit.agenda_item.as_deref()?;
    let word = if unit.language == "fr" {
        "point"
    } else {
        "item"
    };
    Some(match &unit.agenda_title {
        Some(title) => format!("{word} {item} : {title}")
            .replace(" : ", if unit.language == "fr" { " : " } else { ": " }),
        None => format!("{word} {item}"),
    })
}

fn header(unit: &StoredUnit, color: bool) -> String {
    // The citation leads, ready to paste: "APCTT/GC(20)/4, par. 12".
    let cited = match unit.citation.strip_prefix(unit.doc.as_str()) {
        Some(rest) => format!(
            "{}{}",
            paint(SYMBOL, &unit.doc, color),
            paint(HEADER, rest, color)
        ),
        None => paint(HEADER, &unit.citation, color),
    };
    let mut parts = vec![cited];
    if let Some(agenda) = agenda_label(unit) {
        parts.push(agenda);
    }
    let speakers: Vec<String> = unit
        .speakers
        .iter()
        .map(|s| speaker_label(s, &unit.language))
        .filter(|s| !s.is_empty())
        .collect();
    if !speakers.is_empty() {
        parts.push(speakers.join(", "));
    }
    if !unit.versions.is_empty() {
        parts.push(format!("also in {}", unit.versions.join(", ")));
    }
    if let Some(translation) = &unit.translated_as {
        parts.push(format!("translated as {translation}"));
    }
    if let Some(original) = &unit.translation_of {
        parts.push(format!("translation of {original}"));
    }
    parts.join(&paint(DIM, " · ", color))
}

fn highlighted(snippet: &Snippet, color: bool) -> String {
    let mut out = String::new();
    let mut at = 0;
    for [start, end] in &snippet.highlights {
        let (start, end) = (*start, *end);
        if start < at
            || end > snippet.text.len()
            || !snippet.text.is_char_boundary(start)
            || !snippet.text.is_char_boundary(end)
        {
            continue;
        }
        out.push_str(&snippet.text[at..start]);
        out.push_str(&paint(MATCH, &snippet.text[start..end], color));
        at = end;
    }
    out.push_str(&snippet.text[at..]);
    out
}

/// Writes ranked hits and the footer.
pub fn write_results(results: &SearchResults, out: &mut dyn Write, color: bool) -> io::Result<()> {
    for hit in &results.hits {
        writeln!(out, "{}", header(&hit.unit, color))?;
        writeln!(out, "    {}", highlighted(&hit.snippet, color))?;
        writeln!(out)?;
    }
    let shown = results.hits.len();
    let noun = if results.total == 1 { "hit" } else { "hits" };
    let mut footer = format!("{} {noun}", results.total);
    if shown < results.total {
        footer.push_str(&format!(" (showing {shown}; --limit for more)"));
    }
    if !results.facets.country.is_empty() {
        footer.push_str(&format!(
            " · speakers: {}",
            top(&results.facets.country, |v| v.to_string())
        ));
    }
    if !results.facets.agenda_item.is_empty() {
        let titles = agenda_titles(results);
        let french = results
            .hits
            .first()
            .is_some_and(|h| h.unit.language == "fr");
        let word = if french { "point" } else { "item" };
        footer.push_str(&format!(
            " · agenda items: {}",
            top(&results.facets.agenda_item, |item| match titles.get(item) {
                Some(title) => format!("{word} {item} {title}"),
                None => format!("{word} {item}"),
            })
        ));
    }
    if results.facets.doc.distinct > 1 {
        footer.push_str(&format!(
            " · documents: {}",
            top(&results.facets.doc, |v| v.to_string())
        ));
    }
    writeln!(out, "{}", paint(DIM, &footer, color))
}

/// Items shown in a footer, at most.
pub const FOOTER_VALUES: usize = 8;
/// An agenda title in the footer is cut to this many characters.
const FOOTER_TITLE_CHARS: usize = 40;

/// The title of each agenda item among the hits shown, where they agree on one (item 3
/// may be another title in another report's agenda), cut to fit the footer.
fn agenda_titles(results: &SearchResults) -> std::collections::HashMap<String, String> {
    let mut titles: std::collections::HashMap<String, Option<String>> = Default::default();
    for hit in &results.hits {
        if let (Some(item), Some(title)) = (&hit.unit.agenda_item, &hit.unit.agenda_title) {
            let entry = titles
                .entry(item.to_string())
                .or_insert(Some(title.clone()));
            if entry.as_deref() != Some(title.as_str()) {
                *entry = None;
            }
        }
    }
    titles
        .into_iter()
        .filter_map(|(item, title)| {
            let title = title?;
            let short: String = title.chars().take(FOOTER_TITLE_CHARS).collect();
            let cut = short.len() < title.len();
            Some((
                item,
                if cut {
                    format!("{}…", short.trim_end())
                } else {
                    short
                },
            ))
        })
        .collect()
}

/// "CHN ×3, IND ×1, +4 more": the largest counts, each value named by `name`.
fn top(counts: &FacetCount, name: impl Fn(&str) -> String) -> String {
    let mut parts: Vec<String> = counts
        .values
        .iter()
        .take(FOOTER_VALUES)
        .map(|(value, n)| format!("{} ×{n}", name(value)))
        .collect();
    if counts.distinct > parts.len() {
        parts.push(format!("+{} more", counts.distinct - parts.len()));
    }
    parts.join(", ")
}

/// Writes one unit in full, for `show`.
pub fn write_unit(unit: &StoredUnit, out: &mut dyn Write, color: bool) -> io::Result<()> {
    writeln!(out, "{}", header(unit, color))?;
    if let Some(title) = &unit.title {
        writeln!(out, "{}", paint(DIM, title, color))?;
    }
    for (depth, heading) in unit.section.iter().enumerate() {
        writeln!(out, "{}{}", "  ".repeat(depth), heading)?;
    }
    writeln!(out)?;
    writeln!(out, "{}", unit.text)
}

/// Writes units in reading order, for `show --context`: the asked one (by its `order`)
/// marked with `▶` and printed with its headings, the others with their header and text.
pub fn write_in_context(
    units: &[StoredUnit],
    asked: u64,
    out: &mut dyn Write,
    color: bool,
) -> io::Result<()> {
    for unit in units {
        if unit.order == asked {
            writeln!(out, "{} {}", paint(MATCH, "▶", color), header(unit, color))?;
            for (depth, heading) in unit.section.iter().enumerate() {
                writeln!(
                    out,
                    "  {}{}",
                    "  ".repeat(depth),
                    paint(DIM, heading, color)
                )?;
            }
        } else {
            writeln!(out, "  {}", header(unit, color))?;
        }
        writeln!(out, "  {}", unit.text)?;
        writeln!(out)?;
    }
    Ok(())
}
