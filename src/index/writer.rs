//! Building the index from a corpus folder: every report file is read and parsed on all
//! cores, each unit becomes one document, and the whole corpus replaces the index's
//! previous content in a single commit, so a search never sees a half-built index.
//! A file that cannot be read is reported and skipped; the rest is indexed.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use rayon::prelude::*;
use tantivy::directory::MmapDirectory;
use tantivy::{Index, IndexWriter, TantivyDocument};

use super::reader::{exists, read_meta, IndexMeta, META_FILE};
use super::schema::{build_schema, facet, unit_id, Fields, SCHEMA_VERSION};
use crate::analyze;
use crate::corpus;
use crate::error::{Error, Result};
use crate::model::Report;
use crate::parse::parse_report;

/// Memory tantivy's writer may use, whatever the corpus size.
const WRITER_MEMORY: usize = 120_000_000;

/// What an index run did.
#[derive(Debug, Default)]
pub struct BuildSummary {
    /// Reports indexed.
    pub files: usize,
    /// Units indexed.
    pub units: usize,
    /// Bytes of report text read.
    pub bytes: u64,
    /// Files skipped, with why.
    pub skipped: Vec<(PathBuf, String)>,
    /// Warnings from the parser, per file.
    pub warnings: Vec<(PathBuf, String)>,
    /// Wall time.
    pub elapsed: Duration,
}

/// Builds the index at `index_dir` from every report under `corpus_dir`.
pub fn build(corpus_dir: &Path, index_dir: &Path) -> Result<BuildSummary> {
    let started = Instant::now();
    let files = corpus::report_files(corpus_dir)?;
    let index = open_or_create(index_dir)?;
    let fields = Fields::from_schema(&index.schema())?;
    let mut writer: IndexWriter = index.writer_with_num_threads(2, WRITER_MEMORY)?;
    writer.delete_all_documents()?;

    let summary = Mutex::new(BuildSummary::default());
    let failure: Mutex<Option<Error>> = Mutex::new(None);
    files.par_iter().for_each(|path| {
        let relative = path.strip_prefix(corpus_dir).unwrap_or(path);
        match read_and_parse(path) {
            Ok((report, bytes, hash)) => {
                let documents = unit_documents(&report, &fields, relative, &hash);
                let units = documents.len();
                for document in documents {
                    if let Err(e) = writer.add_document(document) {
                        failure
                            .lock()
                            .expect("no panics while holding the lock")
                            .get_or_insert(e.into());
                        return;
                    }
                }
                let mut summary = summary.lock().expect("no panics while holding the lock");
                summary.files += 1;
                summary.units += units;
                summary.bytes += bytes;
                for warning in report.warnings {
                    summary.warnings.push((path.clone(), warning));
                }
            }
            Err(reason) => {
                let mut summary = summary.lock().expect("no panics while holding the lock");
                summary.skipped.push((path.clone(), reason));
            }
        }
    });
    if let Some(error) = failure.into_inner().expect("lock not poisoned") {
        return Err(error);
    }
    writer.commit()?;
    writer.wait_merging_threads()?;
    write_meta(index_dir)?;
    let mut summary = summary.into_inner().expect("lock not poisoned");
    summary.skipped.sort();
    summary.elapsed = started.elapsed();
    Ok(summary)
}

fn read_and_parse(path: &Path) -> std::result::Result<(Report, u64, String), String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    let hash = format!("{:016x}", fnv1a(&bytes));
    let text = corpus::decode(&bytes)?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let report = parse_report(&text, &name);
    if report.paragraphs.is_empty() {
        return Err("no text found in the report".to_string());
    }
    Ok((report, bytes.len() as u64, hash))
}

/// FNV-1a: a fast content fingerprint (not for security) for telling files apart.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &b| {
        (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// One document per unit of `report`.
pub fn unit_documents(
    report: &Report,
    fields: &Fields,
    file: &Path,
    hash: &str,
) -> Vec<TantivyDocument> {
    let text_field = fields.text_for(&report.language);
    let file = file.to_string_lossy();
    report
        .paragraphs
        .iter()
        .enumerate()
        .map(|(order, unit)| {
            let key = unit.reference().key();
            let mut doc = TantivyDocument::default();
            doc.add_text(fields.symbol, &report.symbol);
            doc.add_text(
                fields.unit_id,
                unit_id(&report.symbol, &report.language, &key),
            );
            doc.add_text(fields.unit_key, &key);
            if let Some(annex) = &unit.annex {
                doc.add_text(fields.annex, annex);
            }
            doc.add_text(fields.kind, unit.kind.as_str());
            doc.add_u64(fields.number, u64::from(unit.number));
            doc.add_u64(fields.order, order as u64);
            for heading in &unit.section {
                doc.add_text(fields.section, heading);
            }
            if let Some(item) = unit.agenda_item {
                doc.add_u64(fields.agenda_item, u64::from(item));
                doc.add_facet(fields.facet_agenda, facet(&item.to_string()));
            }
            if let Some(title) = &unit.agenda_title {
                doc.add_text(fields.agenda_title, title);
            }
            for code in unit.speaker_countries() {
                doc.add_text(fields.speaker_country, code);
                doc.add_facet(fields.facet_country, facet(code));
            }
            doc.add_text(
                fields.speakers_json,
                serde_json::to_string(&unit.speakers).unwrap_or_default(),
            );
            for code in &unit.countries {
                doc.add_text(fields.mentioned_country, code);
            }
            doc.add_text(fields.language, &report.language);
            doc.add_facet(fields.facet_language, facet(&report.language));
            doc.add_facet(fields.facet_doc, facet(&report.symbol));
            if let Some(session) = report.session {
                doc.add_u64(fields.session, u64::from(session));
            }
            if let Some(year) = report.year.and_then(|y| u64::try_from(y).ok()) {
                doc.add_u64(fields.year, year);
            }
            if let Some(title) = &report.title {
                doc.add_text(fields.title, title);
            }
            doc.add_text(fields.file, &file);
            doc.add_text(fields.file_hash, hash);
            doc.add_text(text_field, &unit.text);
            doc
        })
        .collect()
}

/// Opens the index at `path` for writing, creating it (or recreating it, when an older
/// schema wrote it) as needed.
fn open_or_create(path: &Path) -> Result<Index> {
    let io_error = |source| Error::Io {
        path: path.to_path_buf(),
        source,
    };
    std::fs::create_dir_all(path).map_err(io_error)?;
    let current =
        exists(path) && read_meta(path).is_some_and(|m| m.schema_version == SCHEMA_VERSION);
    if exists(path) && !current {
        clear_index_dir(path)?;
    }
    let directory = MmapDirectory::open(path).map_err(|e| Error::Index {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    let index = if current {
        Index::open(directory)?
    } else {
        Index::create(directory, build_schema(), tantivy::IndexSettings::default())?
    };
    analyze::register(index.tokenizers());
    Ok(index)
}

/// Removes an outdated index's files, leaving anything that is not ours (like .gitkeep).
fn clear_index_dir(path: &Path) -> Result<()> {
    let entries = std::fs::read_dir(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = name == "meta.json"
            || name == ".managed.json"
            || name == ".tantivy-meta.lock"
            || name == ".tantivy-writer.lock"
            || name == META_FILE
            || name.contains('.') && name.len() > 32;
        if ours {
            std::fs::remove_file(entry.path()).map_err(|source| Error::Io {
                path: entry.path(),
                source,
            })?;
        }
    }
    Ok(())
}

fn write_meta(path: &Path) -> Result<()> {
    let meta = IndexMeta {
        schema_version: SCHEMA_VERSION,
    };
    let temporary = path.join(format!("{META_FILE}.tmp"));
    let io_error = |source| Error::Io {
        path: path.join(META_FILE),
        source,
    };
    std::fs::write(
        &temporary,
        serde_json::to_vec_pretty(&meta).unwrap_or_default(),
    )
    .map_err(io_error)?;
    std::fs::rename(&temporary, path.join(META_FILE)).map_err(io_error)
}
