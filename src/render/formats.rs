//! Hits in the forms people paste into a draft: CSV (RFC 4180, through the `csv` crate:
//! citation, document, language, agenda item and title, speakers, score, text), a
//! Markdown list (citation in bold, then the snippet or the full text), and one citation
//! per line.

use std::io::{self, Write};

use crate::query::{Hit, SearchResults};

use super::human::speaker_label;

/// The CSV columns, in order.
pub const CSV_COLUMNS: [&str; 8] = [
    "citation",
    "document",
    "language",
    "agenda_item",
    "agenda_title",
    "speakers",
    "score",
    "text",
];

/// Writes the hits as CSV with a header row.
pub fn write_csv(results: &SearchResults, out: &mut dyn Write) -> io::Result<()> {
    let mut writer = csv::Writer::from_writer(out);
    writer.write_record(CSV_COLUMNS).map_err(io::Error::other)?;
    for hit in &results.hits {
        let unit = &hit.unit;
        writer
            .write_record([
                unit.citation.as_str(),
                unit.doc.as_str(),
                unit.language.as_str(),
                unit.agenda_item.as_deref().unwrap_or(""),
                unit.agenda_title.as_deref().unwrap_or(""),
                &speakers(hit),
                &format!("{:.3}", hit.score),
                unit.text.as_str(),
            ])
            .map_err(io::Error::other)?;
    }
    writer.flush()
}

/// Writes the hits as a Markdown list: `- **citation** (speakers): text`.
pub fn write_markdown(results: &SearchResults, full: bool, out: &mut dyn Write) -> io::Result<()> {
    for hit in &results.hits {
        let text = if full {
            hit.unit.text.clone()
        } else {
            format!("…{}…", hit.snippet.text.trim())
        };
        let speakers = speakers(hit);
        let who = if speakers.is_empty() {
            String::new()
        } else {
            format!(" ({speakers})")
        };
        writeln!(
            out,
            "- **{}**{who}: {}",
            escape_markdown(&hit.unit.citation),
            escape_markdown(&text)
        )?;
    }
    Ok(())
}

/// Writes one citation per line.
pub fn write_citations(results: &SearchResults, out: &mut dyn Write) -> io::Result<()> {
    for hit in &results.hits {
        writeln!(out, "{}", hit.unit.citation)?;
    }
    Ok(())
}

fn speakers(hit: &Hit) -> String {
    hit.unit
        .speakers
        .iter()
        .map(|s| speaker_label(s, &hit.unit.language))
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

/// Text made literal in Markdown: the characters that would start emphasis, code or a
/// link are escaped.
fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '*' | '_' | '`' | '[' | ']' | '<' | '>' | '\\' | '#') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}
