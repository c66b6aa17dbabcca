//! Keeping the index in step with the corpus.
//!
//! Each run compares the corpus (recursively) with the manifest of the last commit (per
//! file: size, modification time, content hash), parses only new and changed files on all
//! cores, removes the units of deleted files, and indexes a content seen under two names
//! once. Parsing and indexing overlap: one thread parses batches of files on every core
//! while tantivy's indexing threads take the documents of the batch before. Work is
//! committed in whole files: a file's old units are deleted and its new ones added in the
//! same commit, and the commit names the manifest of what it holds (see
//! [`super::manifest`]). So a search never sees a report half-updated, a killed run leaves
//! an index at its last commit, and the next run finishes the work (see [`commit_every`]
//! for how often). Memory stays bounded whatever the corpus size: a few batches of
//! [`BATCH_BYTES`] are in flight, tantivy's writer has a fixed budget, and its merges
//! do not keep the segments they read mapped (see [`super::released_maps`]).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

use rayon::prelude::*;
use tantivy::directory::MmapDirectory;
use tantivy::indexer::IndexWriterOptions;
use tantivy::{Index, IndexWriter, TantivyDocument, Term};

use super::manifest::{CommitNote, FileRecord, Fingerprint, Manifest, Outcome, UnitCounts};
use super::merge::{self, BoundedMergePolicy};
use super::ordinals;
use super::released_maps::ReleasingDirectory;
use super::schema::{build_schema, translation_pair, unit_id, Fields, SCHEMA_VERSION};
use super::signature::TextSignature;
use super::store::{self, IndexLock};
use crate::analyze;
use crate::corpus::{self, CorpusOptions};
use crate::error::{Error, Result};
use crate::model::Report;
use crate::parse::parse_report;

/// Memory tantivy's writer may use, whatever the corpus size. 120 → 64 MB took a 500 MB
/// build's peak from 507 to 390 MB; with bounded merges and the allocator settings,
/// 64 → 48 MB took it from 255 to 249 MB, at the same speed. Once merges no longer kept
/// the segments they read mapped (see [`super::released_maps`]), the peak fell to 151 MB
/// and 48 → 96 MB bought a 500 MB build 37.0 → 32.0 s for a 172 MB peak (fewer, larger
/// flushed segments; 150 MB bought nothing more).
const WRITER_MEMORY: usize = 96_000_000;
/// tantivy's indexing threads (parsing runs beside them on every core).
const INDEXING_THREADS: usize = 2;
/// Below this much new text, an update does not merge segments.
const SMALL_UPDATE_BYTES: u64 = 32_000_000;
/// Text parsed together on every core before its documents go to the writer.
const BATCH_BYTES: u64 = 2_000_000;
/// Parsed batches waiting for the writer, at most (memory for parsed text stays bounded).
const BATCHES_IN_FLIGHT: usize = 2;
/// A commit after this much new text at least…
const FIRST_COMMIT_BYTES: u64 = 8_000_000;
/// …and at most this much: between the two, a quarter of what the run has committed.
const LARGEST_COMMIT_BYTES: u64 = 256_000_000;

/// How much new text to index before the next commit, `committed` bytes into the run. A
/// commit saves the work a kill would lose, but each one flushes small segments that
/// later merges rewrite: commits are frequent at first and then grow with the run, so
/// a kill loses at most a quarter of what was done (and at most 256 MB), and a 500 MB
/// build commits about twenty times instead of sixty.
fn commit_every(committed: u64) -> u64 {
    (committed / 4).clamp(FIRST_COMMIT_BYTES, LARGEST_COMMIT_BYTES)
}

/// How to run an update.
#[derive(Default)]
pub struct UpdateOptions<'a> {
    /// Build a fresh index beside the current one and switch to it when complete.
    pub rebuild: bool,
    /// Wait for another indexer to finish instead of failing.
    pub wait: bool,
    /// Set from outside (Ctrl-C) to stop at the next commit.
    pub interrupted: Option<&'a AtomicBool>,
    /// Told after each file: (files done, files to do, bytes done, bytes to do).
    pub progress: Option<&'a (dyn Fn(Progress) + Sync)>,
    /// How the corpus is walked and read (links, PDF limits).
    pub corpus: CorpusOptions,
}

/// Progress of the files being parsed.
#[derive(Debug, Clone, Copy)]
pub struct Progress {
    /// Files parsed so far.
    pub files_done: usize,
    /// Files to parse in all.
    pub files_total: usize,
    /// Bytes parsed so far.
    pub bytes_done: u64,
    /// Bytes to parse in all.
    pub bytes_total: u64,
}

/// What an update did.
#[derive(Debug, Default)]
pub struct UpdateSummary {
    /// Files indexed for the first time (a count: names of a whole corpus would be
    /// memory held to the end of a run for one number).
    pub added: usize,
    /// Files whose content changed.
    pub updated: usize,
    /// Files gone from the corpus.
    pub removed: Vec<String>,
    /// Files as they were.
    pub unchanged: usize,
    /// Files with the same content as another: (file, the other), newly seen this run.
    pub duplicates: Vec<(String, String)>,
    /// Files holding the same report (symbol and language) as another, newly seen this
    /// run: (file not indexed, file indexed, symbol).
    pub same_reports: Vec<(String, String, String)>,
    /// Files not indexed, and why (all of them, not only new ones).
    pub skipped: Vec<(String, String)>,
    /// Parser warnings of the files parsed this run.
    pub warnings: Vec<(String, String)>,
    /// Why the segments were not merged down after a large run, if they were not (the
    /// index is whole and searchable, a little slower until the next large run).
    pub not_compacted: Option<String>,
    /// Why the document ordinals file could not be written, if it could not (searches
    /// count hits per document the slower way until the next run writes it).
    pub no_ordinals: Option<String>,
    /// Units added this run.
    pub units: usize,
    /// Bytes parsed this run.
    pub bytes: u64,
    /// Whether a fresh index was built.
    pub rebuilt: bool,
    /// Whether the run stopped early (Ctrl-C); the index holds what was committed.
    pub interrupted: bool,
    /// Wall time.
    pub elapsed: Duration,
}

/// A corpus file as found on disk.
#[derive(Clone)]
struct Found {
    relative: String,
    /// The file's path where `relative` does not spell it (a name with `%` or not
    /// UTF-8, escaped in `relative`); otherwise it is the corpus folder joined with
    /// `relative`, and not kept: a large run holds every file's `Found` at once.
    unusual_path: Option<Box<Path>>,
    size: u64,
    modified_ns: u64,
}

impl Found {
    /// The file's path.
    fn path(&self, corpus_dir: &Path) -> PathBuf {
        match &self.unusual_path {
            Some(path) => path.to_path_buf(),
            None => corpus_dir.join(&self.relative),
        }
    }
}

/// A file to (re)index.
struct Job {
    found: Found,
    hash: Fingerprint,
    /// Boxed: most jobs of a large run are new files, and all jobs are planned at once.
    previously: Option<Box<Outcome>>,
}

/// Brings the index at `root` in step with the reports under `corpus_dir`.
pub fn update(corpus_dir: &Path, root: &Path, options: &UpdateOptions) -> Result<UpdateSummary> {
    let started = Instant::now();
    super::allocator::bound_retention_for_build();
    if !corpus_dir.is_dir() {
        return Err(Error::Index {
            path: corpus_dir.to_path_buf(),
            reason: "the corpus folder does not exist: put reports there or pass --corpus DIR"
                .to_string(),
        });
    }
    let _lock = IndexLock::acquire(root, options.wait)?;
    let mut summary = UpdateSummary::default();

    let existing = store::current(root).and_then(|generation| {
        let (index, directory) = open_generation(&generation).ok()?;
        let note = CommitNote::from_payload(index.load_metas().ok()?.payload.as_deref())?;
        let manifest = note.load_manifest(&generation)?;
        (manifest.schema_version == SCHEMA_VERSION)
            .then_some((generation, index, directory, manifest))
    });
    let (generation, index, directory, mut manifest, publish_at_end) = match existing {
        Some((generation, index, directory, manifest)) if !options.rebuild => {
            (generation, index, directory, manifest, false)
        }
        _ => {
            summary.rebuilt = true;
            if store::is_legacy(root) {
                store::remove_legacy(root)?;
            }
            store::remove_stale(root, None)?;
            let generation = store::new_generation(root)?;
            let (index, directory) = create_generation(&generation)?;
            let manifest = Manifest {
                schema_version: SCHEMA_VERSION,
                ..Manifest::default()
            };
            // With no index to answer searches yet, publish the empty one at once, so that
            // each commit of this first build is searchable and a killed build resumes.
            let publish_now = store::current(root).is_none();
            if publish_now {
                commit_manifest(&index, &generation, &manifest)?;
                store::publish(root, &generation)?;
            }
            (generation, index, directory, manifest, !publish_now)
        }
    };
    // Merges read segments through memory maps: their pages are released as they go,
    // to the end of the run (the last merges and the ordinals included).
    let _releasing = directory.releasing();
    let fields = Fields::from_schema(&index.schema())?;

    let found = scan(corpus_dir, options.corpus.follow_links, &mut summary)?;
    let (jobs, removed, touched) = plan(corpus_dir, &found, &manifest, &mut summary)?;
    summary.removed = removed.clone();

    let mut writer: IndexWriter = index.writer_with_options(
        IndexWriterOptions::builder()
            .num_worker_threads(INDEXING_THREADS)
            .memory_budget_per_thread(WRITER_MEMORY / INDEXING_THREADS)
            .num_merge_threads(merge::merges_at_once())
            .build(),
    )?;
    let new_bytes: u64 = jobs.iter().map(|j| j.found.size).sum();
    let small_update = !summary.rebuilt && new_bytes < SMALL_UPDATE_BYTES;
    if small_update {
        // A few new reports: no merge now (merging would rewrite large segments and cost
        // seconds); the next large run merges.
        writer.set_merge_policy(Box::new(tantivy::indexer::NoMergePolicy));
    } else {
        writer.set_merge_policy(Box::new(BoundedMergePolicy));
    }
    // Whether the manifest holds something no commit has recorded yet.
    let mut uncommitted = !removed.is_empty() || !touched.is_empty();
    for relative in &removed {
        writer.delete_term(Term::from_field_text(fields.file, relative));
        manifest.files.remove(relative);
    }
    manifest.files.extend(touched);
    let (mut jobs, units_to_delete, duplicates_recorded) =
        settle_duplicates(jobs, &mut manifest, &mut summary, &found);
    uncommitted |= duplicates_recorded || !units_to_delete.is_empty();
    requeue_same_reports(&mut jobs, &manifest, &found);
    drop(found);
    // Planning made and dropped several entries per file (the listing, sets and maps of
    // names and hashes): their pages go back now, not held through the run.
    super::allocator::release_freed();
    // Who holds each report matters only to files parsed this run.
    let mut holders = if jobs.is_empty() {
        ReportHolders::default()
    } else {
        report_holders(&manifest, &jobs)
    };
    for relative in units_to_delete {
        writer.delete_term(Term::from_field_text(fields.file, &relative));
    }
    let bytes_total: u64 = jobs.iter().map(|j| j.found.size).sum();
    let files_total = jobs.len();
    let done = Mutex::new((0usize, 0u64));
    let parse_one = |job: Job| -> (Job, Parsed) {
        let outcome = read_and_parse(&job.found.path(corpus_dir), &options.corpus).map(|report| {
            let documents = unit_documents(&report, &fields, &job.found.relative);
            let signature = TextSignature::of(&report);
            (report, documents, signature)
        });
        if let Some(progress) = options.progress {
            let mut done = done.lock().expect("no panics while holding the lock");
            done.0 += 1;
            done.1 += job.found.size;
            progress(Progress {
                files_done: done.0,
                files_total,
                bytes_done: done.1,
                bytes_total,
            });
        }
        (job, outcome)
    };
    // Parsing and indexing overlap: a thread parses batches of files on every core (in
    // order) while this one hands the documents to tantivy's indexing threads and commits.
    let (parsed_batches, received) = std::sync::mpsc::sync_channel(BATCHES_IN_FLIGHT);
    let mut since_commit = 0u64;
    let mut indexed_bytes = 0u64;
    std::thread::scope(|scope| -> Result<()> {
        // Batches made at once, so that each batch's jobs are freed when it is parsed.
        let mut batches: Vec<Vec<Job>> = Vec::new();
        let mut batch_bytes = 0;
        for job in jobs {
            let size = job.found.size;
            match batches.last_mut() {
                Some(batch) if batch_bytes < BATCH_BYTES => batch.push(job),
                _ => {
                    batches.push(vec![job]);
                    batch_bytes = 0;
                }
            }
            batch_bytes += size;
        }
        scope.spawn(move || {
            for batch in batches {
                let parsed: Vec<(Job, Parsed)> = batch.into_par_iter().map(parse_one).collect();
                if parsed_batches.send(parsed).is_err() {
                    break; // the indexing side stopped (an error, or Ctrl-C)
                }
            }
        });
        for batch in received {
            for (job, outcome) in batch {
                uncommitted = true;
                since_commit += job.found.size;
                let relative = job.found.relative.clone();
                if job.previously.is_some() {
                    writer.delete_term(Term::from_field_text(fields.file, &relative));
                }
                let claim = match &outcome {
                    Ok((report, documents, signature)) => holders.claim(
                        report,
                        *signature,
                        &relative,
                        documents.len(),
                        &mut manifest,
                    ),
                    Err(_) => Claim::Holds,
                };
                let outcome = match outcome {
                    Ok((report, ..)) if matches!(claim, Claim::SameReportAs(_)) => {
                        let Claim::SameReportAs(of) = claim else {
                            unreachable!("matched just above")
                        };
                        let already_known = matches!(job.previously.as_deref(),
                            Some(Outcome::SameReport { of: known, .. }) if *known == of);
                        if !already_known {
                            summary.same_reports.push((
                                relative.clone(),
                                of.clone(),
                                report.symbol.clone(),
                            ));
                        }
                        Outcome::SameReport {
                            symbol: report.symbol,
                            language: report.language,
                            of,
                        }
                    }
                    Ok((report, documents, signature)) => {
                        if let Some(displaced) = holders.displaced.take() {
                            writer.delete_term(Term::from_field_text(fields.file, &displaced.file));
                            summary.units -= displaced.units_this_run;
                            summary.same_reports.push((
                                displaced.file.into(),
                                relative.clone(),
                                report.symbol.clone(),
                            ));
                        }
                        summary.units += documents.len();
                        summary.bytes += job.found.size;
                        for document in documents {
                            writer.add_document(document)?;
                        }
                        for warning in &report.warnings {
                            summary.warnings.push((relative.clone(), warning.clone()));
                        }
                        if let Claim::OtherText(other) = claim {
                            summary.warnings.push((
                                relative.clone(),
                                format!(
                                    "claims the symbol {} of {other} with a different text: both are indexed",
                                    report.symbol
                                ),
                            ));
                        }
                        Outcome::Indexed {
                            symbol: report.symbol.clone(),
                            language: report.language.clone(),
                            units: UnitCounts::of(&report),
                            unit_languages: report.unit_languages(),
                            signature,
                        }
                    }
                    Err(reason) => {
                        summary.skipped.push((relative.clone(), reason.clone()));
                        Outcome::Skipped { reason }
                    }
                };
                match (job.previously.as_deref(), &outcome) {
                    (_, Outcome::Skipped { .. }) => {}
                    (None, _) => summary.added += 1,
                    (Some(_), _) => summary.updated += 1,
                }
                manifest.files.insert(
                    relative,
                    Box::new(FileRecord {
                        size: job.found.size,
                        modified_ns: job.found.modified_ns,
                        hash: job.hash,
                        outcome,
                    }),
                );
            }
            let interrupted = options
                .interrupted
                .is_some_and(|flag| flag.load(Ordering::SeqCst));
            if interrupted || since_commit >= commit_every(indexed_bytes) {
                indexed_bytes += since_commit;
                since_commit = 0;
                commit(&mut writer, &generation, &mut manifest)?;
                uncommitted = false;
            }
            if interrupted {
                summary.interrupted = indexed_bytes < bytes_total;
                break;
            }
        }
        Ok(())
    })?;
    if uncommitted {
        commit(&mut writer, &generation, &mut manifest)?;
    }
    report_skipped(&manifest, &mut summary);
    // What the run kept per file (the manifest, who holds each report) is written and
    // done with: released before the last merges, which then run without it.
    drop(holders);
    drop(manifest);
    super::allocator::release_freed();
    writer.wait_merging_threads()?;
    if !small_update && !summary.interrupted {
        // Compaction only makes searching cheaper: the commit above is whole without it,
        // so a failure (a full disk, say) is reported and the run goes on to publish.
        if let Err(e) = merge::compact(&index) {
            summary.not_compacted = Some(e.to_string());
        }
    }
    if let Err(e) = ordinals::refresh(&index, &generation) {
        summary.no_ordinals = Some(e.to_string());
    }
    if publish_at_end && !summary.interrupted {
        store::publish(root, &generation)?;
    }
    summary.elapsed = started.elapsed();
    Ok(summary)
}

/// Adds to the summary the files the manifest records as skipped (in earlier runs too),
/// sorted.
fn report_skipped(manifest: &Manifest, summary: &mut UpdateSummary) {
    for (relative, record) in &manifest.files {
        if let Outcome::Skipped { reason } = &record.outcome {
            if !summary.skipped.iter().any(|(r, _)| r == relative) {
                summary.skipped.push((relative.clone(), reason.clone()));
            }
        }
    }
    summary.skipped.sort();
}

/// Every report file under `corpus_dir` with its size and modification time, and the
/// other files (skipped, with why).
fn scan(corpus_dir: &Path, follow_links: bool, summary: &mut UpdateSummary) -> Result<Vec<Found>> {
    let listing = corpus::list(corpus_dir, follow_links)?;
    for other in &listing.others {
        summary.skipped.push((
            relative_path(corpus_dir, other),
            corpus::not_a_report_reason(other),
        ));
    }
    for (path, reason) in listing.problems {
        summary
            .skipped
            .push((relative_path(corpus_dir, &path), reason));
    }
    listing
        .reports
        .into_iter()
        .map(|path| {
            let metadata = std::fs::metadata(&path).map_err(|source| Error::Io {
                path: path.clone(),
                source,
            })?;
            let modified_ns = metadata
                .modified()
                .ok()
                .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
                .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX));
            let relative = relative_path(corpus_dir, &path);
            let unusual_path = (corpus_dir.join(&relative) != path).then(|| path.into_boxed_path());
            Ok(Found {
                relative,
                unusual_path,
                size: metadata.len(),
                modified_ns,
            })
        })
        .collect()
}

/// A report parsed into its index documents and its text's signature, or why it could
/// not be.
type Parsed = std::result::Result<(Report, Vec<TantivyDocument>, TextSignature), String>;

/// `path` relative to the corpus, with `/` separators, as the manifest keys files. Names
/// are kept whole: a byte that is not UTF-8 is written `%XX` (and `%` itself `%25`), so
/// two names that differ in any byte stay two names.
fn relative_path(corpus_dir: &Path, path: &Path) -> String {
    path.strip_prefix(corpus_dir)
        .unwrap_or(path)
        .components()
        .map(|c| escape_name(c.as_os_str()))
        .collect::<Vec<_>>()
        .join("/")
}

/// A file name as text, losslessly (see [`relative_path`]).
fn escape_name(name: &std::ffi::OsStr) -> String {
    let bytes = name.as_encoded_bytes();
    let mut out = String::with_capacity(bytes.len());
    for chunk in bytes.utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '%' {
                out.push_str("%25");
            } else {
                out.push(c);
            }
        }
        for byte in chunk.invalid() {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

type Plan = (Vec<Job>, Vec<String>, Vec<(String, Box<FileRecord>)>);

/// Sorts the found files into jobs (new or changed content), removed files, and files
/// whose content is the same though their time changed (`touched`).
fn plan(
    corpus_dir: &Path,
    found: &[Found],
    manifest: &Manifest,
    summary: &mut UpdateSummary,
) -> Result<Plan> {
    let mut jobs = Vec::new();
    let mut touched = Vec::new();
    for file in found {
        let previous = manifest.files.get(&file.relative);
        if previous.is_some_and(|p| p.size == file.size && p.modified_ns == file.modified_ns) {
            summary.unchanged += 1;
            continue;
        }
        let hash = match std::fs::read(file.path(corpus_dir)) {
            Ok(bytes) => Fingerprint::of(&bytes),
            Err(e) => Fingerprint::Unreadable(e.to_string().into()),
        };
        match previous {
            Some(p) if p.hash == hash => {
                summary.unchanged += 1;
                touched.push((
                    file.relative.clone(),
                    Box::new(FileRecord {
                        size: file.size,
                        modified_ns: file.modified_ns,
                        ..(**p).clone()
                    }),
                ));
            }
            _ => jobs.push(Job {
                found: file.clone(),
                hash,
                previously: previous.map(|p| Box::new(p.outcome.clone())),
            }),
        }
    }
    let present: HashSet<&str> = found.iter().map(|f| f.relative.as_str()).collect();
    let removed = manifest
        .files
        .keys()
        .filter(|k| !present.contains(k.as_str()))
        .cloned()
        .collect();
    Ok((jobs, removed, touched))
}

/// A content already indexed under another name is recorded as a duplicate instead of
/// being indexed again (warned about once, when first seen); a duplicate whose original
/// is gone or changed is indexed in its place. Returns the files to index and the files
/// whose units must go because they turned out to be duplicates, and whether a record of
/// the manifest changed.
fn settle_duplicates(
    mut jobs: Vec<Job>,
    manifest: &mut Manifest,
    summary: &mut UpdateSummary,
    found: &[Found],
) -> (Vec<Job>, Vec<String>, bool) {
    let mut recorded = false;
    let reprocessed: HashSet<String> = jobs.iter().map(|j| j.found.relative.clone()).collect();
    let mut owner: HashMap<Fingerprint, String> = manifest
        .files
        .iter()
        .filter(|(relative, record)| {
            matches!(record.outcome, Outcome::Indexed { .. }) && !reprocessed.contains(*relative)
        })
        .map(|(relative, record)| (record.hash.clone(), relative.clone()))
        .collect();
    let orphans: Vec<(String, Box<FileRecord>)> = manifest
        .files
        .iter()
        .filter(|(relative, record)| {
            matches!(record.outcome, Outcome::Duplicate { .. })
                && !owner.contains_key(&record.hash)
                && !reprocessed.contains(*relative)
        })
        .map(|(relative, record)| (relative.clone(), record.clone()))
        .collect();
    for (relative, record) in orphans {
        if let Some(file) = found.iter().find(|f| f.relative == relative) {
            jobs.push(Job {
                found: file.clone(),
                hash: record.hash,
                previously: Some(Box::new(record.outcome)),
            });
        }
    }
    jobs.sort_by(|a, b| a.found.relative.cmp(&b.found.relative));
    let mut to_index = Vec::new();
    let mut units_to_delete = Vec::new();
    for job in jobs {
        let original = owner
            .get(&job.hash)
            .filter(|o| **o != job.found.relative)
            .cloned();
        match original {
            Some(original) if matches!(job.hash, Fingerprint::Content { .. }) => {
                let already_known = matches!(job.previously.as_deref(), Some(Outcome::Duplicate { of }) if *of == original);
                if !already_known {
                    summary
                        .duplicates
                        .push((job.found.relative.clone(), original.clone()));
                }
                if matches!(job.previously.as_deref(), Some(Outcome::Indexed { .. })) {
                    units_to_delete.push(job.found.relative.clone());
                }
                let record = Box::new(FileRecord {
                    size: job.found.size,
                    modified_ns: job.found.modified_ns,
                    hash: job.hash,
                    outcome: Outcome::Duplicate { of: original },
                });
                let before = manifest
                    .files
                    .insert(job.found.relative.clone(), record.clone());
                recorded |= before.as_ref() != Some(&record);
            }
            _ => {
                owner.insert(job.hash.clone(), job.found.relative.clone());
                to_index.push(job);
            }
        }
    }
    (to_index, units_to_delete, recorded)
}

/// The file a report is indexed from, and the units it added this run (none if it was
/// indexed before), which leave the run's count if another file takes the report.
#[derive(Clone)]
struct Holder {
    file: Box<str>,
    units_this_run: usize,
    signature: TextSignature,
}

/// What [`ReportHolders::claim`] found of a file's report.
enum Claim {
    /// The file is the one to index the report from.
    Holds,
    /// Another file holds the same report, and is preferred: this one is recorded as
    /// holding it too.
    SameReportAs(String),
    /// Another file claims the symbol with a different text: both are indexed.
    OtherText(String),
}

/// A report's identity in [`ReportHolders`]: its symbol and language hashed to 128 bits
/// (BLAKE3, so two reports never meet by chance), where a key of two owned strings was
/// a tenth of what a large run held per file.
type ReportKey = [u8; 16];

fn report_key(symbol: &str, language: &str) -> ReportKey {
    let mut hasher = blake3::Hasher::new();
    hasher.update(symbol.as_bytes());
    hasher.update(&[0]);
    hasher.update(language.as_bytes());
    let mut key = [0; 16];
    key.copy_from_slice(&hasher.finalize().as_bytes()[..16]);
    key
}

/// Which file holds each report (symbol, language) in the index, so that a report in two
/// files (its PDF and its text extraction, or a re-issue) is indexed once.
#[derive(Default)]
struct ReportHolders {
    /// The file indexed for each (symbol, language).
    by_report: HashMap<ReportKey, Holder>,
    /// The file that the last [`ReportHolders::claim`] took its report from.
    displaced: Option<Holder>,
}

/// The files holding a report already, leaving out those about to be parsed again.
fn report_holders(manifest: &Manifest, jobs: &[Job]) -> ReportHolders {
    let reparsed: HashSet<&str> = jobs.iter().map(|j| j.found.relative.as_str()).collect();
    let held = manifest
        .files
        .iter()
        .filter(|(relative, _)| !reparsed.contains(relative.as_str()))
        .filter_map(|(relative, record)| match &record.outcome {
            Outcome::Indexed {
                symbol,
                language,
                signature,
                ..
            } => Some((
                report_key(symbol, language),
                Holder {
                    file: relative.as_str().into(),
                    units_this_run: 0,
                    signature: *signature,
                },
            )),
            _ => None,
        })
        .collect();
    ReportHolders {
        by_report: held,
        displaced: None,
    }
}

impl ReportHolders {
    /// Whether `relative`, which holds `report`, is the file to index it from. Two files
    /// are one report when they claim one symbol and language *and* their texts agree
    /// ([`TextSignature::same_report`]); files that claim one symbol with different
    /// texts are both indexed. When `relative` takes the report from another file, that
    /// file is recorded as holding the same report and named in `self.displaced` (its
    /// units are to be deleted). `units`: how many `relative` adds to the index if it
    /// holds the report.
    fn claim(
        &mut self,
        report: &Report,
        signature: TextSignature,
        relative: &str,
        units: usize,
        manifest: &mut Manifest,
    ) -> Claim {
        // A symbol taken from a file name (the text had none) has no slash, and two such
        // files ("2019/report.txt", "2020/report.txt") are not known to be one report.
        if !report.symbol.contains('/') {
            return Claim::Holds;
        }
        let key = report_key(&report.symbol, &report.language);
        let claimant = Holder {
            file: relative.into(),
            units_this_run: units,
            signature,
        };
        let holder = match self.by_report.get(&key) {
            Some(holder) if &*holder.file != relative => holder.clone(),
            _ => {
                self.by_report.insert(key, claimant);
                return Claim::Holds;
            }
        };
        if !holder.signature.same_report(&claimant.signature) {
            return Claim::OtherText(holder.file.to_string());
        }
        if preferred(&holder.file, relative) == &*holder.file {
            return Claim::SameReportAs(holder.file.to_string());
        }
        if let Some(record) = manifest.files.get_mut(&*holder.file) {
            record.outcome = Outcome::SameReport {
                symbol: report.symbol.clone(),
                language: report.language.clone(),
                of: relative.to_string(),
            };
        }
        self.by_report.insert(key, claimant);
        self.displaced = Some(holder);
        Claim::Holds
    }
}

/// Of two files holding the same report, the one indexed: a text file over a PDF (a text
/// extraction someone chose to keep, usually `pdftotext -layout`, keeps the layout the
/// parser reads best), then the first by path.
fn preferred<'a>(a: &'a str, b: &'a str) -> &'a str {
    let is_pdf = |f: &str| f.to_lowercase().ends_with(".pdf");
    match (is_pdf(a), is_pdf(b)) {
        (true, false) => b,
        (false, true) => a,
        _ => a.min(b),
    }
}

/// Files recorded as holding the same report as another are parsed again when that other
/// file is gone, changed, or parsed again this run: one of them takes over.
fn requeue_same_reports(jobs: &mut Vec<Job>, manifest: &Manifest, found: &[Found]) {
    let reparsed: HashSet<String> = jobs.iter().map(|j| j.found.relative.clone()).collect();
    for (relative, record) in &manifest.files {
        let Outcome::SameReport { of, .. } = &record.outcome else {
            continue;
        };
        let holder_stands = !reparsed.contains(of)
            && manifest
                .files
                .get(of)
                .is_some_and(|r| matches!(r.outcome, Outcome::Indexed { .. }));
        if holder_stands || reparsed.contains(relative) {
            continue;
        }
        if let Some(file) = found.iter().find(|f| f.relative == *relative) {
            jobs.push(Job {
                found: file.clone(),
                hash: record.hash.clone(),
                previously: Some(Box::new(record.outcome.clone())),
            });
        }
    }
    jobs.sort_by(|a, b| a.found.relative.cmp(&b.found.relative));
}

fn read_and_parse(path: &Path, options: &CorpusOptions) -> std::result::Result<Report, String> {
    let text = corpus::read_text(path, options).map_err(|e| match e {
        Error::Unreadable { reason, .. } => reason,
        other => other.to_string(),
    })?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut report = parse_report(&text, &name);
    if let Ok(modified) = std::fs::metadata(path).and_then(|m| m.modified()) {
        crate::parse::refuse_future_year(&mut report, modified);
    }
    if report.paragraphs.is_empty() {
        return Err("no text found in the report".to_string());
    }
    Ok(report)
}

/// Where a manifest is written before it is renamed to its own name.
const MANIFEST_TEMPORARY: &str = "manifest.tmp";

/// Commits: writes and syncs the manifest to a file of its own, commits with a payload
/// naming it, then removes the manifests of earlier commits.
fn commit(writer: &mut IndexWriter, generation: &Path, manifest: &mut Manifest) -> Result<()> {
    let now = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap_or_default();
    manifest.updated_unix = now.as_secs();
    let name = format!("manifest-{}.json", now.as_nanos());
    let path = generation.join(&name);
    // Written whole to a temporary file, synced, then renamed: a manifest is either all
    // there or not there, and a failure here fails the run before the commit names it.
    let temporary = generation.join(MANIFEST_TEMPORARY);
    let io_error = |path: &Path| {
        let path = path.to_path_buf();
        move |source| Error::Io { path, source }
    };
    {
        // Streamed to the file: a copy of the whole manifest in memory would grow with
        // the corpus (25 MB at 100,000 files).
        let file = std::fs::File::create(&temporary).map_err(io_error(&temporary))?;
        let mut out = std::io::BufWriter::new(file);
        serde_json::to_writer(&mut out, manifest).map_err(|e| Error::Index {
            path: temporary.clone(),
            reason: format!("the manifest could not be written ({e}); nothing was committed"),
        })?;
        let file = out
            .into_inner()
            .map_err(|e| io_error(&temporary)(e.into_error()))?;
        file.sync_all().map_err(io_error(&temporary))?;
    }
    std::fs::rename(&temporary, &path).map_err(io_error(&path))?;
    let note = CommitNote {
        schema_version: manifest.schema_version,
        updated_unix: manifest.updated_unix,
        languages: manifest.languages(),
        manifest: name.clone(),
        translations: manifest.has_translations(),
    };
    let mut prepared = writer.prepare_commit()?;
    let payload = serde_json::to_string(&note).map_err(|e| Error::Index {
        path: generation.to_path_buf(),
        reason: format!("the commit note could not be written ({e}); nothing was committed"),
    })?;
    prepared.set_payload(&payload);
    prepared.commit()?;
    if let Ok(entries) = std::fs::read_dir(generation) {
        for entry in entries.flatten() {
            let other = entry.file_name().to_string_lossy().into_owned();
            if other.starts_with("manifest-") && other != name {
                let _ = std::fs::remove_file(entry.path());
            }
        }
    }
    Ok(())
}

fn commit_manifest(index: &Index, generation: &Path, manifest: &Manifest) -> Result<()> {
    let mut writer: IndexWriter = index.writer_with_num_threads(1, 15_000_000)?;
    let mut manifest = manifest.clone();
    commit(&mut writer, generation, &mut manifest)?;
    writer.wait_merging_threads()?;
    Ok(())
}

/// Opens an existing generation, no analyzer registered.
pub fn open_generation_files(path: &Path) -> Result<Index> {
    let directory = MmapDirectory::open(path).map_err(|e| Error::Index {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    Ok(Index::open(directory)?)
}

/// Opens the generation at `path` for the writer, through a directory that can release
/// its mapped pages (see [`super::released_maps`]).
fn open_generation(path: &Path) -> Result<(Index, ReleasingDirectory)> {
    let directory = ReleasingDirectory::open(path)?;
    let index = Index::open(directory.clone())?;
    analyze::register(index.tokenizers());
    Ok((index, directory))
}

fn create_generation(path: &Path) -> Result<(Index, ReleasingDirectory)> {
    let directory = ReleasingDirectory::open(path)?;
    // zstd over 16 KB blocks: stored text is most of the index, and zstd halves it
    // against lz4; a search reads only the handful of documents it shows, each a block
    // to decompress (64 KB blocks: a quarter of a one-word search's instructions, and
    // 0.3-0.8 ms more per search end to end, for an index 10 % smaller). Level 1: a
    // tenth of the build's CPU went to level 3, for an index 3 % smaller.
    let settings = tantivy::IndexSettings {
        docstore_compression: tantivy::store::Compressor::Zstd(tantivy::store::ZstdCompressor {
            compression_level: Some(1),
        }),
        docstore_blocksize: 16 * 1024,
        ..tantivy::IndexSettings::default()
    };
    let index = Index::create(directory.clone(), build_schema(), settings)?;
    analyze::register(index.tokenizers());
    Ok((index, directory))
}

/// One document per unit of `report`.
pub fn unit_documents(report: &Report, fields: &Fields, file: &str) -> Vec<TantivyDocument> {
    report
        .paragraphs
        .iter()
        .enumerate()
        .map(|(order, unit)| {
            let key = unit.reference().key();
            let mut doc = TantivyDocument::default();
            doc.add_text(fields.symbol, &report.symbol);
            for symbol in std::iter::once(&report.symbol).chain(&report.symbols) {
                doc.add_text(fields.symbols, symbol);
            }
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
            if let Some(act) = &unit.act {
                doc.add_text(fields.act, act);
            }
            doc.add_u64(fields.order, order as u64);
            for heading in &unit.section {
                doc.add_text(fields.section, heading);
            }
            if let Some(item) = &unit.agenda_item {
                doc.add_text(fields.agenda_item, item);
                for within in crate::model::agenda_ancestors(item) {
                    doc.add_text(fields.agenda_within, &within);
                }
            }
            if let Some(printed) = &unit.printed {
                doc.add_text(fields.printed, printed);
            }
            if unit.translation_of.is_some() || unit.translated_as.is_some() {
                let own = unit.cited_reference();
                let pair = |original: &str, translation: &str| {
                    translation_pair(&report.symbol, &report.language, original, translation)
                };
                if let Some(original) = &unit.translation_of {
                    doc.add_text(fields.translation_of, original);
                    doc.add_text(fields.pair_translation, pair(original, &own));
                }
                if let Some(translation) = &unit.translated_as {
                    doc.add_text(fields.translated_as, translation);
                    doc.add_text(fields.pair_original, pair(&own, translation));
                }
            }
            if let Some(title) = &unit.agenda_title {
                doc.add_text(fields.agenda_title, title);
            }
            for code in unit.speaker_countries() {
                doc.add_text(fields.speaker_country, code);
            }
            doc.add_text(
                fields.speakers_json,
                serde_json::to_string(&unit.speakers).unwrap_or_default(),
            );
            for code in &unit.countries {
                doc.add_text(fields.mentioned_country, code);
            }
            let language = unit.language.as_deref().unwrap_or(&report.language);
            doc.add_text(fields.language, language);
            doc.add_text(fields.version, &report.language);
            if let Some(session) = report.session {
                doc.add_u64(fields.session, u64::from(session));
            }
            if let Some(year) = report.year.and_then(|y| u64::try_from(y).ok()) {
                doc.add_u64(fields.year, year);
            }
            if let Some(title) = &report.title {
                doc.add_text(fields.title, title);
            }
            doc.add_text(fields.file, file);
            doc.add_text(fields.text_for(language), &unit.text);
            doc
        })
        .collect()
}
