//! `rapporteur parse` without `--json`: a header (symbols, title, session, year, the
//! share of the text kept in units), then one line per unit with its
//! reference, agenda item, speakers and first words.

use std::io::{self, Write};

use crate::model::Report;

/// Writes the outline of `report`.
pub fn write_outline(report: &Report, out: &mut dyn Write) -> io::Result<()> {
    writeln!(out, "{}  [{}]", report.symbols.join(" — "), report.language)?;
    if let Some(title) = &report.title {
        writeln!(out, "  title:   {title}")?;
    }
    if let Some(body) = &report.body {
        writeln!(out, "  body:    {body}")?;
    }
    let session = report.session.map_or("?".to_string(), |s| s.to_string());
    writeln!(
        out,
        "  session: {session}  place: {}  dates: {}",
        report.place.as_deref().unwrap_or("?"),
        report.dates.as_deref().unwrap_or("?")
    )?;
    if let Some(meeting) = report.meeting {
        writeln!(out, "  meeting: {meeting}")?;
    }
    if let Some(year) = report.year {
        writeln!(out, "  year:    {year}")?;
    }
    writeln!(
        out,
        "  kept:    {:.1} % of {} words in units (page furniture aside)",
        report.coverage * 100.0,
        report.words
    )?;
    for item in &report.agenda {
        writeln!(out, "  agenda {:>4}. {}", item.label, item.title)?;
    }
    writeln!(out)?;
    for unit in &report.paragraphs {
        let agenda = unit
            .agenda_item
            .as_ref()
            .map_or(String::new(), |label| format!("item {label}"));
        let speakers: Vec<String> = unit
            .speakers
            .iter()
            .map(|s| {
                s.country
                    .clone()
                    .or_else(|| s.name.clone())
                    .or_else(|| s.organization.clone())
                    .or_else(|| s.role.clone())
                    .unwrap_or_default()
            })
            .collect();
        let first_words: String = unit.text.chars().take(60).collect();
        writeln!(
            out,
            "{:<16} {:<8} {:<20} {}",
            unit.label(&report.language),
            agenda,
            speakers.join(","),
            first_words
        )?;
    }
    Ok(())
}
