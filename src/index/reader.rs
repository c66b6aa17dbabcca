//! Opening an index for search: analyzers registered, schema version checked, a reader
//! with manual reloading (a CLI process sees the index as it was when it opened it).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::directory::MmapDirectory;
use tantivy::{Index, IndexReader, ReloadPolicy};

use super::schema::{Fields, SCHEMA_VERSION};
use crate::analyze;
use crate::error::{Error, Result};

/// What rapporteur records beside tantivy's files.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct IndexMeta {
    /// Schema version that wrote the index.
    pub schema_version: u32,
}

/// Name of the file holding [`IndexMeta`].
pub const META_FILE: &str = "rapporteur.json";

/// An open index.
pub struct IndexHandle {
    /// The tantivy index.
    pub index: Index,
    /// Its fields.
    pub fields: Fields,
    /// Where it lives.
    pub path: PathBuf,
}

impl IndexHandle {
    /// Opens the index at `path` for search.
    pub fn open(path: &Path) -> Result<IndexHandle> {
        if !exists(path) {
            return Err(Error::Index {
                path: path.to_path_buf(),
                reason: "no index here: run `rapporteur index` to build it".to_string(),
            });
        }
        match read_meta(path) {
            Some(meta) if meta.schema_version == SCHEMA_VERSION => {}
            Some(meta) => {
                return Err(Error::Index {
                    path: path.to_path_buf(),
                    reason: format!(
                        "written by schema version {} but this rapporteur uses {}: run `rapporteur index` to rebuild it",
                        meta.schema_version, SCHEMA_VERSION
                    ),
                })
            }
            None => {
                return Err(Error::Index {
                    path: path.to_path_buf(),
                    reason: format!("{META_FILE} is missing or unreadable: run `rapporteur index` to rebuild it"),
                })
            }
        }
        let directory = MmapDirectory::open(path).map_err(|e| Error::Index {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
        let index = Index::open(directory)?;
        analyze::register(index.tokenizers());
        let fields = Fields::from_schema(&index.schema())?;
        Ok(IndexHandle {
            index,
            fields,
            path: path.to_path_buf(),
        })
    }

    /// A reader on the last commit.
    pub fn reader(&self) -> Result<IndexReader> {
        Ok(self
            .index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?)
    }
}

/// Whether `path` holds a tantivy index.
pub fn exists(path: &Path) -> bool {
    path.join("meta.json").exists()
}

/// The recorded metadata, if readable.
pub fn read_meta(path: &Path) -> Option<IndexMeta> {
    let text = std::fs::read_to_string(path.join(META_FILE)).ok()?;
    serde_json::from_str(&text).ok()
}
