//! `rapporteur index`: bring the index in step with the corpus, with a progress bar on a
//! terminal, a summary, Ctrl-C stopping cleanly at the next commit, and `--watch` to keep
//! doing it as reports land.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::time::Duration;

use anyhow::{Context, Result};
use indicatif::{ProgressBar, ProgressStyle};

use crate::cli::IndexArgs;
use rapporteur::corpus::CorpusOptions;
use rapporteur::index::writer::{self, Progress, UpdateOptions, UpdateSummary};

/// How often `--watch` looks at the corpus, and how long a file must stay the same size
/// and age before it is read (so a file still being copied is not read half-written).
const WATCH_POLL: Duration = Duration::from_millis(1000);

pub fn run(args: &IndexArgs, out: &mut dyn Write) -> Result<()> {
    let interrupted = Arc::new(AtomicBool::new(false));
    let flag = Arc::clone(&interrupted);
    // Ctrl-C: commit what was indexed, stop. A second Ctrl-C kills.
    let _ = ctrlc::set_handler(move || {
        if flag.swap(true, Ordering::SeqCst) {
            std::process::exit(130);
        }
    });
    let locations = &args.locations;
    let options = Settings {
        rebuild: args.rebuild,
        wait: args.wait,
        interrupted: Some(Arc::clone(&interrupted)),
        corpus: CorpusOptions {
            follow_links: args.follow_links,
            pdf_timeout: args.pdf_timeout,
            max_pdf_bytes: args.max_pdf_mb.saturating_mul(1024 * 1024),
        },
    };
    // What the first run will see; files landing while it runs are picked up by --watch
    // (without it, listing the corpus twice would only cost time: a third of an `index`
    // with nothing to do on 196,000 files).
    let before = args
        .watch
        .then(|| snapshot(&locations.corpus, args.follow_links));
    let summary = update_once(
        &locations.corpus,
        &locations.index,
        args.quiet,
        &options,
        out,
    )?;
    if summary.interrupted {
        anyhow::bail!("interrupted: the index holds what was committed; run `rapporteur index` again to finish");
    }
    if let Some(before) = before {
        watch(
            &locations.corpus,
            &locations.index,
            args.quiet,
            &options,
            before,
            out,
        )?;
    }
    Ok(())
}

/// Keeps the index in step with the corpus until the process ends, quietly, as
/// `index --watch` does (for `serve --watch`): an update now, then one whenever the
/// corpus has changed and settled.
pub fn keep_in_step(corpus: &Path, index: &Path) -> Result<()> {
    let settings = Settings {
        interrupted: Some(Arc::new(AtomicBool::new(false))),
        ..Settings::default()
    };
    let before = snapshot(corpus, settings.corpus.follow_links);
    update_once(corpus, index, true, &settings, &mut std::io::sink())?;
    watch(corpus, index, true, &settings, before, &mut std::io::sink())
}

/// Options of one run, owned (the library's borrow them).
#[derive(Default)]
pub struct Settings {
    rebuild: bool,
    wait: bool,
    interrupted: Option<Arc<AtomicBool>>,
    corpus: CorpusOptions,
}

/// One update with progress and summary; messages about single files go to stderr.
pub fn update_once(
    corpus: &Path,
    index: &Path,
    quiet: bool,
    settings: &Settings,
    out: &mut dyn Write,
) -> Result<UpdateSummary> {
    let bar = (!quiet && std::io::stderr().is_terminal()).then(|| {
        let bar = ProgressBar::new(0);
        bar.set_style(
            ProgressStyle::with_template(
                "{spinner} {msg} [{bar:30}] {binary_bytes_per_sec} ETA {eta}",
            )
            .expect("the template is valid")
            .progress_chars("=> "),
        );
        bar
    });
    let report_progress = |p: Progress| {
        if let Some(bar) = &bar {
            bar.set_length(p.bytes_total);
            bar.set_position(p.bytes_done);
            bar.set_message(format!("{}/{} files", p.files_done, p.files_total));
        }
    };
    let options = UpdateOptions {
        rebuild: settings.rebuild,
        wait: settings.wait,
        interrupted: settings.interrupted.as_deref(),
        progress: Some(&report_progress),
        corpus: settings.corpus,
    };
    let result = writer::update(corpus, index, &options);
    if let Some(bar) = &bar {
        bar.finish_and_clear();
    }
    let summary = result
        .with_context(|| format!("indexing {} into {}", corpus.display(), index.display()))?;
    for (file, original) in &summary.duplicates {
        eprintln!(
            "rapporteur: {file} has the same content as {original}: indexed once, as {original}"
        );
    }
    for (file, indexed, symbol) in &summary.same_reports {
        eprintln!(
            "rapporteur: {file} and {indexed} hold the same report ({symbol}): indexed once, from {indexed}"
        );
    }
    for (file, reason) in &summary.skipped {
        eprintln!("rapporteur: skipped {file}: {reason}");
    }
    if let Some(reason) = &summary.not_compacted {
        eprintln!(
            "rapporteur: the index is complete, but its segments could not be merged ({reason}); searches work, a little slower, until the next large `rapporteur index` run"
        );
    }
    if let Some(reason) = &summary.no_ordinals {
        eprintln!(
            "rapporteur: the index is complete, but its document ordinals could not be written ({reason}); searches work, a little slower, until the next `rapporteur index` run"
        );
    }
    if !quiet {
        for (file, warning) in &summary.warnings {
            eprintln!("rapporteur: {file}: {warning}");
        }
        write_summary(&summary, out)?;
    }
    Ok(summary)
}

fn write_summary(summary: &UpdateSummary, out: &mut dyn Write) -> Result<()> {
    let seconds = summary.elapsed.as_secs_f64();
    let megabytes = summary.bytes as f64 / 1e6;
    let mut reasons: Vec<&str> = summary.skipped.iter().map(|(_, r)| r.as_str()).collect();
    reasons.sort_unstable();
    reasons.dedup();
    writeln!(
        out,
        "{}{} added, {} updated, {} removed, {} unchanged; {} units from {:.1} MB in {:.2} s ({:.1} MB/s); {} duplicates, {} files skipped{}",
        if summary.rebuilt { "new index: " } else { "" },
        summary.added,
        summary.updated,
        summary.removed.len(),
        summary.unchanged,
        summary.units,
        megabytes,
        seconds,
        megabytes / seconds.max(1e-9),
        summary.duplicates.len() + summary.same_reports.len(),
        summary.skipped.len(),
        if reasons.is_empty() { String::new() } else { format!(" ({})", reasons.join("; ")) }
    )?;
    Ok(())
}

/// Polls the corpus; when what it finds has changed and then stayed the same for one poll
/// (files done being copied), runs an update.
fn watch(
    corpus: &Path,
    index: &Path,
    quiet: bool,
    settings: &Settings,
    indexed: Snapshot,
    out: &mut dyn Write,
) -> Result<()> {
    let Some(interrupted) = &settings.interrupted else {
        return Ok(());
    };
    if !quiet {
        eprintln!("rapporteur: watching {} (Ctrl-C to stop)", corpus.display());
    }
    let mut indexed = indexed;
    let mut last_seen = indexed.clone();
    while !interrupted.load(Ordering::SeqCst) {
        std::thread::sleep(WATCH_POLL);
        let now = snapshot(corpus, settings.corpus.follow_links);
        let settled = now == last_seen;
        if settled && now != indexed {
            let settings = Settings {
                rebuild: false,
                wait: settings.wait,
                interrupted: Some(Arc::clone(interrupted)),
                corpus: settings.corpus,
            };
            update_once(corpus, index, quiet, &settings, out)?;
            out.flush()?;
            indexed = now.clone();
        }
        last_seen = now;
    }
    Ok(())
}

/// Path, size and modification time of every report file.
type Snapshot = Vec<(std::path::PathBuf, u64, Option<std::time::SystemTime>)>;

/// The snapshot of every report file under `corpus`.
fn snapshot(corpus: &Path, follow_links: bool) -> Snapshot {
    rapporteur::corpus::report_files(corpus, follow_links)
        .unwrap_or_default()
        .into_iter()
        .map(|path| {
            let metadata = std::fs::metadata(&path).ok();
            let size = metadata.as_ref().map_or(0, |m| m.len());
            let modified = metadata.and_then(|m| m.modified().ok());
            (path, size, modified)
        })
        .collect()
}
