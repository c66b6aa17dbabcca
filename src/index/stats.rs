//! `rapporteur stats`: what the index holds (reports, units by kind, languages, top
//! speaking countries, duplicates, skipped files, the share of the text in units), its size on disk, the corpus size it
//! stands for, when it was last updated and its schema version.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Serialize;
use tantivy::query::AllQuery;

use super::manifest::{Outcome, UnitCounts};
use super::IndexHandle;
use crate::error::Result;
use crate::query::facet::ValueCounts;

/// The figures.
#[derive(Debug, Serialize)]
pub struct IndexStats {
    /// Reports indexed.
    pub reports: usize,
    /// Units by kind.
    pub units: UnitCounts,
    /// Reports per language.
    pub languages: BTreeMap<String, usize>,
    /// Units per speaking country, most first (at most 10).
    pub top_speakers: Vec<(String, u64)>,
    /// Files indexed once under another name.
    pub duplicates: usize,
    /// Files not indexed.
    pub skipped: usize,
    /// Reports that keep less than [`crate::parse::MIN_COVERAGE`] of their words in units.
    pub short_of_text: Vec<String>,
    /// Bytes of the index on disk (current generation).
    pub index_bytes: u64,
    /// Bytes of the corpus files the manifest records.
    pub corpus_bytes: u64,
    /// Last commit, seconds since 1970.
    pub updated_unix: u64,
    /// Schema version.
    pub schema_version: u32,
}

/// Gathers the figures of an open index.
pub fn gather(handle: &IndexHandle) -> Result<IndexStats> {
    let manifest = &handle.manifest()?;
    let mut stats = IndexStats {
        reports: 0,
        units: UnitCounts::default(),
        languages: BTreeMap::new(),
        top_speakers: Vec::new(),
        duplicates: 0,
        skipped: 0,
        short_of_text: Vec::new(),
        index_bytes: folder_size(&handle.generation),
        corpus_bytes: manifest.files.values().map(|r| r.size).sum(),
        updated_unix: manifest.updated_unix,
        schema_version: manifest.schema_version,
    };
    for record in manifest.files.values() {
        match &record.outcome {
            Outcome::Indexed {
                symbol,
                language,
                units,
                ..
            } => {
                stats.reports += 1;
                stats.units.paragraph += units.paragraph;
                stats.units.decision += units.decision;
                stats.units.block += units.block;
                stats.units.resolution += units.resolution;
                stats.units.statement += units.statement;
                stats.units.cover += units.cover;
                stats.units.words += units.words;
                stats.units.words_in_units += units.words_in_units;
                if units.coverage() < crate::parse::MIN_COVERAGE {
                    stats.short_of_text.push(symbol.clone());
                }
                *stats.languages.entry(language.clone()).or_default() += 1;
            }
            Outcome::Duplicate { .. } | Outcome::SameReport { .. } => stats.duplicates += 1,
            Outcome::Skipped { .. } => stats.skipped += 1,
        }
    }
    let counts = handle
        .searcher()
        .search(&AllQuery, &ValueCounts::strings("speaker_country"))?;
    let mut top: Vec<(String, u64)> = counts.into_sorted()?;
    top.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    top.truncate(10);
    stats.top_speakers = top;
    Ok(stats)
}

fn folder_size(path: &Path) -> u64 {
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| e.metadata().ok())
                .filter(|m| m.is_file())
                .map(|m| m.len())
                .sum()
        })
        .unwrap_or(0)
}
