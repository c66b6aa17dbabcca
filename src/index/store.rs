//! The index folder: generations and the lock.
//!
//! `index/CURRENT` names the generation searches use (`index/gen-7/`, a tantivy index).
//! Incremental runs commit into the current generation. A rebuild (or a schema upgrade)
//! fills a new generation beside it and switches `CURRENT` (written to a temporary file,
//! then renamed: atomic) only when complete; the generation it replaces is kept one more
//! round so that a search that just read `CURRENT` can still open it.
//! `index/.lock` is held (an OS advisory lock, released when the process dies) by the one
//! indexer allowed at a time.

use std::fs::File;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

const CURRENT: &str = "CURRENT";
const LOCK: &str = ".lock";
const PREFIX: &str = "gen-";

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> Error + '_ {
    move |source| Error::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The generation folder searches use, if there is one.
pub fn current(root: &Path) -> Option<PathBuf> {
    let name = std::fs::read_to_string(root.join(CURRENT)).ok()?;
    let name = name.trim();
    (name.starts_with(PREFIX) && !name.contains(['/', '\\'])).then(|| root.join(name))
}

/// Whether `root` holds an index written before generations existed (schema 1).
pub fn is_legacy(root: &Path) -> bool {
    root.join("meta.json").exists() && current(root).is_none()
}

/// A new, empty generation folder.
pub fn new_generation(root: &Path) -> Result<PathBuf> {
    std::fs::create_dir_all(root).map_err(io(root))?;
    let next = generations(root)?
        .into_iter()
        .map(|(n, _)| n)
        .max()
        .map_or(1, |n| n + 1);
    let path = root.join(format!("{PREFIX}{next}"));
    std::fs::create_dir(&path).map_err(io(&path))?;
    Ok(path)
}

/// Makes `generation` the one searches use, and removes generations older than the one it
/// replaces (and any left half-built by an interrupted rebuild).
pub fn publish(root: &Path, generation: &Path) -> Result<()> {
    let previous = current(root);
    let name = generation
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temporary = root.join(format!("{CURRENT}.tmp"));
    std::fs::write(&temporary, &name).map_err(io(&temporary))?;
    std::fs::rename(&temporary, root.join(CURRENT)).map_err(io(root))?;
    for (_, path) in generations(root)? {
        if path != generation && Some(&path) != previous.as_ref() {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
    Ok(())
}

/// Removes generations left half-built by an interrupted rebuild: all but the current
/// one, the one it replaced, and `keep`.
pub fn remove_stale(root: &Path, keep: Option<&Path>) -> Result<()> {
    let current = current(root);
    let current_number = current.as_deref().and_then(generation_number);
    let all = generations(root)?;
    let previous = all
        .iter()
        .map(|(n, _)| *n)
        .filter(|n| current_number.is_some_and(|c| *n < c))
        .max();
    for (n, path) in all {
        let wanted =
            Some(&path) == current.as_ref() || Some(n) == previous || Some(path.as_path()) == keep;
        if !wanted {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
    Ok(())
}

fn generation_number(path: &Path) -> Option<u64> {
    path.file_name()?
        .to_str()?
        .strip_prefix(PREFIX)?
        .parse()
        .ok()
}

fn generations(root: &Path) -> Result<Vec<(u64, PathBuf)>> {
    let entries = match std::fs::read_dir(root) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(io(root)(e)),
    };
    Ok(entries
        .flatten()
        .map(|e| e.path())
        .filter_map(|p| generation_number(&p).map(|n| (n, p)))
        .collect())
}

/// Removes the files of a schema-1 index (tantivy's files directly in `root`), keeping
/// anything that is not an index file (like `.gitkeep`).
pub fn remove_legacy(root: &Path) -> Result<()> {
    for entry in std::fs::read_dir(root).map_err(io(root))?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let legacy = matches!(
            name.as_str(),
            "meta.json"
                | ".managed.json"
                | ".tantivy-meta.lock"
                | ".tantivy-writer.lock"
                | "rapporteur.json"
        ) || (name.len() > 32 && name.contains('.') && entry.path().is_file());
        if legacy {
            std::fs::remove_file(entry.path()).map_err(io(&entry.path()))?;
        }
    }
    Ok(())
}

/// The indexer's lock on `root`: at most one indexer at a time.
pub struct IndexLock {
    _file: File,
}

impl IndexLock {
    /// Takes the lock, or fails at once (`wait == false`) or waits for it.
    pub fn acquire(root: &Path, wait: bool) -> Result<IndexLock> {
        std::fs::create_dir_all(root).map_err(io(root))?;
        let path = root.join(LOCK);
        let file = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&path)
            .map_err(io(&path))?;
        if wait {
            file.lock().map_err(io(&path))?;
        } else if let Err(e) = file.try_lock() {
            return Err(match e {
                std::fs::TryLockError::WouldBlock => Error::Index {
                    path: root.to_path_buf(),
                    reason: "another `rapporteur index` is updating this index: wait for it, or pass --wait".to_string(),
                },
                std::fs::TryLockError::Error(source) => Error::Io { path, source },
            });
        }
        Ok(IndexLock { _file: file })
    }
}
