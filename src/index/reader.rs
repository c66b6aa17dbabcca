//! Opening an index for search: the current generation, analyzers registered, schema
//! version checked against the manifest, a reader with manual reloading (a CLI process
//! sees the index as it was when it opened it), segments searched on every core.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use tantivy::{Index, IndexReader, ReloadPolicy, Searcher};

use super::manifest::{CommitNote, Manifest};
use super::ordinals::GlobalOrdinals;
use super::schema::{Fields, SCHEMA_VERSION};
use super::store;
use super::writer::open_generation_files;
use crate::analyze;
use crate::error::{Error, Result};

/// An open index.
pub struct IndexHandle {
    /// The tantivy index.
    pub index: Index,
    /// Its fields.
    pub fields: Fields,
    /// The index folder.
    pub path: PathBuf,
    /// The generation folder in use.
    pub generation: PathBuf,
    /// What the last commit says of itself.
    pub note: CommitNote,
    /// A reader on the last commit, opened once.
    reader: IndexReader,
    /// The document symbols' global ordinals, if the generation has them.
    ordinals: Option<Arc<GlobalOrdinals>>,
}

impl IndexHandle {
    /// Opens the index at `path` for search.
    pub fn open(path: &Path) -> Result<IndexHandle> {
        let outdated = |found: u32| {
            Error::Index {
            path: path.to_path_buf(),
            reason: format!(
                "written by an older rapporteur (schema version {found}, this one reads {SCHEMA_VERSION}): run `rapporteur index` to rebuild it"
            ),
        }
        };
        if store::is_legacy(path) {
            return Err(outdated(1));
        }
        let Some(generation) = store::current(path) else {
            return Err(Error::Index {
                path: path.to_path_buf(),
                reason: "no index here: run `rapporteur index` to build it".to_string(),
            });
        };
        let mut index = open_generation_files(&generation)?;
        analyze::register_for_search(index.tokenizers());
        let metas = index.load_metas()?;
        // Segments are searched in parallel, one thread per core: a query that hits a
        // third of the units spends most of its time scoring and counting facets.
        let cores = std::thread::available_parallelism().map_or(1, usize::from);
        let threads = cores.min(metas.segments.len());
        if threads > 1 {
            index.set_multithread_executor(threads)?;
        }
        let note = CommitNote::from_payload(metas.payload.as_deref()).ok_or_else(|| outdated(0))?;
        if note.schema_version != SCHEMA_VERSION {
            return Err(outdated(note.schema_version));
        }
        let fields = Fields::from_schema(&index.schema())?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            // No cache of decompressed stored blocks: a process shows a handful of hits,
            // and each cached block was fresh memory to fault in.
            .doc_store_cache_num_blocks(0)
            .try_into()?;
        let ordinals = GlobalOrdinals::open(&generation).map(Arc::new);
        Ok(IndexHandle {
            index,
            fields,
            path: path.to_path_buf(),
            generation,
            ordinals,
            note,
            reader,
        })
    }

    /// A searcher on the last commit as it was when the index was opened.
    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// The document symbols' global ordinals, if the generation has them.
    pub fn symbol_ordinals(&self) -> Option<Arc<GlobalOrdinals>> {
        self.ordinals.clone()
    }

    /// The report languages the index holds (from the commit, without a search).
    pub fn languages(&self) -> Vec<String> {
        self.note.languages.clone()
    }

    /// The manifest of the last commit (read from its file).
    pub fn manifest(&self) -> Result<Manifest> {
        self.note
            .load_manifest(&self.generation)
            .ok_or_else(|| Error::Index {
                path: self.path.clone(),
                reason: format!(
                    "the manifest {} is missing or damaged: run `rapporteur index --rebuild`",
                    self.note.manifest
                ),
            })
    }
}

/// Whether `path` holds an index of any version (so `search` should not build one).
pub fn exists(path: &Path) -> bool {
    store::current(path).is_some() || store::is_legacy(path)
}
