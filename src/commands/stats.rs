//! `rapporteur stats`: the index described, for people or as JSON.

use std::io::Write;
use std::time::{Duration, UNIX_EPOCH};

use anyhow::Result;

use crate::cli::StatsArgs;
use rapporteur::index::{stats, IndexHandle};

pub fn run(args: &StatsArgs, out: &mut dyn Write) -> Result<()> {
    let handle = IndexHandle::open(&args.locations.index)?;
    let figures = stats::gather(&handle)?;
    if args.json {
        serde_json::to_writer(&mut *out, &figures)?;
        writeln!(out)?;
        return Ok(());
    }
    let updated =
        humantime::format_rfc3339_seconds(UNIX_EPOCH + Duration::from_secs(figures.updated_unix));
    let languages: Vec<String> = figures
        .languages
        .iter()
        .map(|(l, n)| format!("{l} {n}"))
        .collect();
    let speakers: Vec<String> = figures
        .top_speakers
        .iter()
        .map(|(c, n)| format!("{c} {n}"))
        .collect();
    writeln!(out, "index:           {}", handle.path.display())?;
    writeln!(out, "reports:         {}", figures.reports)?;
    writeln!(
        out,
        "units:           {} ({} paragraphs, {} decisions, {} adopted texts, {} blocks, {} covers and contents)",
        figures.units.total(),
        figures.units.paragraph,
        figures.units.decision,
        figures.units.resolution + figures.units.statement,
        figures.units.block,
        figures.units.cover
    )?;
    let short = match figures.short_of_text.as_slice() {
        [] => String::new(),
        some => format!(
            "; under {:.0} %: {}",
            rapporteur::parse::MIN_COVERAGE * 100.0,
            some.join(", ")
        ),
    };
    writeln!(
        out,
        "words in units:  {:.2} % of {} (page furniture aside){short}",
        figures.units.coverage() * 100.0,
        figures.units.words
    )?;
    writeln!(out, "languages:       {}", languages.join(", "))?;
    writeln!(out, "top speakers:    {}", speakers.join(", "))?;
    writeln!(out, "duplicates:      {}", figures.duplicates)?;
    writeln!(out, "skipped files:   {}", figures.skipped)?;
    writeln!(
        out,
        "index size:      {:.1} MB",
        figures.index_bytes as f64 / 1e6
    )?;
    writeln!(
        out,
        "corpus size:     {:.1} MB",
        figures.corpus_bytes as f64 / 1e6
    )?;
    writeln!(out, "last update:     {updated}")?;
    writeln!(out, "schema version:  {}", figures.schema_version)?;
    Ok(())
}
