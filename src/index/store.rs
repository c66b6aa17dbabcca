//! The index folder: generations and the lock.
//!
//! `index/CURRENT` names the generation searches use (`index/gen-7/`, a tantivy index).
//! Incremental runs commit into the current generation. A rebuild (or a schema upgrade)
//! fills a new generation beside it and switches `CURRENT` (written to a temporary file,
//! then renamed: atomic) only when complete; the generation it replaces is kept one more
//! round so that a search that just read `CURRENT` can still open it.
//! `index/.lock` is held (an OS advisory lock, released when the process dies) by the one
//! indexer allowed at a time.
//!
//! The folder is rapporteur's only when it says so: `index/RAPPORTEUR-INDEX`, a small text
//! file written when rapporteur makes the folder its own ([`claim`]). A missing or empty
//! folder is claimed; so is a genuine index of an earlier rapporteur (generations named by
//! `CURRENT`, or the schema-1 layout with `rapporteur.json`), which is then migrated. Any
//! other folder (a user's files, another program's tantivy index) is refused before
//! anything is written in it, and nothing is ever deleted there. Inside a claimed folder
//! rapporteur deletes only what it wrote: generations `gen-N/`, `CURRENT.tmp`, and the
//! files of its own schema-1 index.

use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

const CURRENT: &str = "CURRENT";
const LOCK: &str = ".lock";
const PREFIX: &str = "gen-";
/// The file that makes a folder rapporteur's.
pub const MARKER: &str = "RAPPORTEUR-INDEX";
/// What the marker says, for a person who finds it.
const MARKER_TEXT: &str =
    "This folder is a rapporteur index: rapporteur writes and deletes files here \
(CURRENT, gen-N/, .lock, this file). Delete the whole folder to remove the index.\n";
/// The file a schema-1 rapporteur index kept beside tantivy's files.
const LEGACY_META: &str = "rapporteur.json";
/// Files a person may leave in an empty index folder (`index/.gitkeep` is in the project).
const PLACEHOLDERS: [&str; 3] = [".gitkeep", ".keep", ".DS_Store"];

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

/// Whether `root` holds an index written before generations existed (schema 1): tantivy's
/// files beside rapporteur's own `rapporteur.json`.
pub fn is_legacy(root: &Path) -> bool {
    current(root).is_none()
        && root.join("meta.json").is_file()
        && std::fs::read_to_string(root.join(LEGACY_META))
            .ok()
            .is_some_and(|text| text.contains("schema_version"))
}

/// Whether `root` is rapporteur's: it has the marker, or is an index of an earlier
/// rapporteur (which predates the marker).
pub fn is_ours(root: &Path) -> bool {
    root.join(MARKER).is_file()
        || current(root).is_some_and(|g| g.join("meta.json").is_file())
        || is_legacy(root)
}

/// Makes `root` rapporteur's index folder before anything is written in it: a missing or
/// empty folder, or one that is already rapporteur's, gets the marker; any other folder is
/// refused, with what was found there and what to do, and left as it is.
pub fn claim(root: &Path) -> Result<()> {
    if root.join(MARKER).is_file() {
        return Ok(());
    }
    let foreign: Vec<String> = match std::fs::read_dir(root) {
        Ok(entries) => entries
            .map(|entry| entry.map(|e| e.file_name().to_string_lossy().into_owned()))
            .collect::<std::io::Result<Vec<String>>>()
            .map_err(io(root))?
            .into_iter()
            .filter(|name| !PLACEHOLDERS.contains(&name.as_str()))
            .collect(),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory => {
            return Err(Error::Index {
                path: root.to_path_buf(),
                reason: "this is a file, not a folder: pass --index with a folder for the index"
                    .to_string(),
            })
        }
        Err(e) => return Err(io(root)(e)),
    };
    if !foreign.is_empty() && !is_ours(root) {
        let mut shown: Vec<&str> = foreign.iter().map(String::as_str).collect();
        shown.sort_unstable();
        let more = shown.len().saturating_sub(5);
        shown.truncate(5);
        let mut found = shown.join(", ");
        if more > 0 {
            found.push_str(&format!(" and {more} more"));
        }
        return Err(Error::Index {
            path: root.to_path_buf(),
            reason: format!(
                "not a rapporteur index: it holds files rapporteur did not write ({found}), and rapporteur changes nothing in it. Pass --index with a new or empty folder"
            ),
        });
    }
    std::fs::create_dir_all(root).map_err(io(root))?;
    let marker = root.join(MARKER);
    std::fs::write(&marker, MARKER_TEXT).map_err(io(&marker))
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
    write_replacing(&root.join(CURRENT), name.as_bytes())?;
    for (_, path) in generations(root)? {
        if path != generation && Some(&path) != previous.as_ref() {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
    Ok(())
}

/// Writes `bytes` to `path` whole or not at all: to a temporary file beside it
/// (`<name>.tmp`), synced, then renamed over it.
pub fn write_replacing(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(".tmp");
    let temporary = std::path::PathBuf::from(temporary);
    let mut file = File::create(&temporary).map_err(io(&temporary))?;
    file.write_all(bytes).map_err(io(&temporary))?;
    file.sync_all().map_err(io(&temporary))?;
    std::fs::rename(&temporary, path).map_err(io(path))
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

/// Removes the files of rapporteur's own schema-1 index (tantivy's files directly in
/// `root`, and `rapporteur.json`), keeping anything else. Only for a folder that
/// [`is_legacy`].
pub fn remove_legacy(root: &Path) -> Result<()> {
    if !is_legacy(root) {
        return Ok(());
    }
    for entry in std::fs::read_dir(root).map_err(io(root))?.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let legacy = matches!(
            name.as_str(),
            "meta.json"
                | ".managed.json"
                | ".tantivy-meta.lock"
                | ".tantivy-writer.lock"
                | LEGACY_META
        ) || is_segment_file(&name);
        if legacy && entry.path().is_file() {
            std::fs::remove_file(entry.path()).map_err(io(&entry.path()))?;
        }
    }
    Ok(())
}

/// A tantivy segment file: 32 hexadecimal digits (the segment's id), a dot, a component
/// (`idx`, `pos`, `store`, `3.del`…).
fn is_segment_file(name: &str) -> bool {
    name.split_once('.').is_some_and(|(id, component)| {
        id.len() == 32
            && id.bytes().all(|b| b.is_ascii_hexdigit())
            && !component.is_empty()
            && component
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'.')
    })
}

/// The indexer's lock on `root`: at most one indexer at a time.
pub struct IndexLock {
    _file: File,
}

impl IndexLock {
    /// Takes the lock, or fails at once (`wait == false`) or waits for it.
    pub fn acquire(root: &Path, wait: bool) -> Result<IndexLock> {
        claim(root)?;
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
