//! `rapporteur parse FILE`: the parser's view of one report, as an outline or JSON.

use std::io::Write;

use anyhow::{Context, Result};

use crate::cli::ParseArgs;
use rapporteur::{corpus, parse, render};

pub fn run(args: &ParseArgs, out: &mut dyn Write) -> Result<()> {
    let text = corpus::read_text(&args.file, &corpus::CorpusOptions::default())?;
    if args.text {
        out.write_all(text.as_bytes())?;
        return Ok(());
    }
    let name = args
        .file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut report = parse::parse_report(&text, &name);
    if let Ok(modified) = std::fs::metadata(&args.file).and_then(|m| m.modified()) {
        parse::refuse_future_year(&mut report, modified);
    }
    for warning in &report.warnings {
        eprintln!("rapporteur: {}: {warning}", args.file.display());
    }
    if args.json {
        serde_json::to_writer(&mut *out, &report).context("writing JSON")?;
        writeln!(out)?;
    } else {
        render::outline::write_outline(&report, out)?;
    }
    Ok(())
}
