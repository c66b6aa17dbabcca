//! `rapporteur index`: build the index from the corpus and say what was done.

use std::io::Write;
use std::path::Path;

use anyhow::{Context, Result};

use crate::cli::IndexArgs;
use rapporteur::index::writer;

pub fn run(args: &IndexArgs, out: &mut dyn Write) -> Result<()> {
    build(
        &args.locations.corpus,
        &args.locations.index,
        args.quiet,
        out,
    )
}

/// Builds the index and reports on `out` (unless quiet); problems with single files go
/// to stderr and do not stop the run.
pub fn build(corpus: &Path, index: &Path, quiet: bool, out: &mut dyn Write) -> Result<()> {
    if !corpus.is_dir() {
        anyhow::bail!(
            "corpus folder {} not found: put reports there or pass --corpus DIR",
            corpus.display()
        );
    }
    let summary = writer::build(corpus, index)
        .with_context(|| format!("indexing {} into {}", corpus.display(), index.display()))?;
    for (path, reason) in &summary.skipped {
        eprintln!("rapporteur: skipped {}: {reason}", path.display());
    }
    if !quiet {
        for (path, warning) in &summary.warnings {
            eprintln!("rapporteur: {}: {warning}", path.display());
        }
        let seconds = summary.elapsed.as_secs_f64();
        let megabytes = summary.bytes as f64 / 1e6;
        writeln!(
            out,
            "indexed {} reports, {} units ({:.1} MB) in {:.2} s ({:.1} MB/s); {} files skipped",
            summary.files,
            summary.units,
            megabytes,
            seconds,
            megabytes / seconds.max(1e-9),
            summary.skipped.len()
        )?;
    }
    Ok(())
}
