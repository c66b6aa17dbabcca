//! A directory whose mapped files do not stay resident, for the index writer. tantivy
//! reads segments through memory maps, and every page a merge reads stays mapped, so
//! counted in the process's resident memory, until the merge ends: merging a 500 MB
//! corpus's index into two segments held 254 MB of mapped files for 15 MB of heap. The
//! pages are the kernel's file cache either way; here they are unmapped from the process
//! every [`RELEASE_EVERY`] while a [`Releasing`] guard lives (`madvise(MADV_DONTNEED)`,
//! which for a read-only file mapping only drops the page table entries: a page read
//! again is mapped again from the cache), so what merges hold no longer grows with the
//! segments they make.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::Duration;

use tantivy::directory::error::{DeleteError, OpenReadError, OpenWriteError};
use tantivy::directory::{
    Directory, DirectoryLock, FileHandle, Lock, MmapDirectory, OwnedBytes, WatchCallback,
    WatchHandle, WritePtr,
};

use crate::error::{Error, Result};

/// How often the mapped pages are released while a [`Releasing`] guard lives.
const RELEASE_EVERY: Duration = Duration::from_millis(100);

/// A [`MmapDirectory`] that remembers the files it maps, to release their pages.
#[derive(Clone, Debug)]
pub struct ReleasingDirectory {
    inner: MmapDirectory,
    /// Every file mapped for reading and not deleted since, held so that its mapping
    /// outlives the release calls (the address range of a mapping no longer held could be
    /// reused by anything). A deleted file's entry goes, so its space is freed.
    mapped: Arc<Mutex<HashMap<PathBuf, OwnedBytes>>>,
}

impl ReleasingDirectory {
    /// The directory at `path`.
    pub fn open(path: &Path) -> Result<ReleasingDirectory> {
        let inner = MmapDirectory::open(path).map_err(|e| Error::Index {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
        Ok(ReleasingDirectory {
            inner,
            mapped: Arc::default(),
        })
    }

    /// Unmaps from this process the pages of every file mapped so far.
    fn release(&self) {
        let page = page_size();
        let mapped = self.mapped.lock().unwrap_or_else(|e| e.into_inner());
        for bytes in mapped.values() {
            let start = bytes.as_slice().as_ptr();
            if bytes.is_empty() || !(start as usize).is_multiple_of(page) {
                continue;
            }
            // SAFETY: the range is a whole read-only file mapping that `mapped` keeps
            // alive. MADV_DONTNEED on a file mapping drops the page table entries only:
            // the contents stay in the file cache and are mapped again when next read.
            #[cfg(unix)]
            unsafe {
                libc::madvise(start as *mut libc::c_void, bytes.len(), libc::MADV_DONTNEED);
            }
        }
    }

    /// Releases the mapped pages every [`RELEASE_EVERY`] until the guard is dropped.
    pub fn releasing(&self) -> Releasing {
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (directory, stop) = (self.clone(), Arc::clone(&stop));
            std::thread::Builder::new()
                .name("release-maps".to_string())
                .spawn(move || {
                    while !stop.load(Ordering::Relaxed) {
                        std::thread::park_timeout(RELEASE_EVERY);
                        directory.release();
                    }
                })
                .ok()
        };
        Releasing { stop, thread }
    }
}

/// While it lives, a thread releases a [`ReleasingDirectory`]'s mapped pages.
pub struct Releasing {
    stop: Arc<AtomicBool>,
    /// `None` if the thread could not be started: the pages then stay mapped, as they
    /// would with a plain memory-mapped directory.
    thread: Option<JoinHandle<()>>,
}

impl Drop for Releasing {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(thread) = self.thread.take() {
            thread.thread().unpark();
            let _ = thread.join();
        }
    }
}

fn page_size() -> usize {
    // SAFETY: sysconf only reads a system constant.
    #[cfg(unix)]
    let size = unsafe { libc::sysconf(libc::_SC_PAGESIZE) };
    #[cfg(not(unix))]
    let size = 4096;
    usize::try_from(size).unwrap_or(4096).max(1)
}

impl Directory for ReleasingDirectory {
    fn get_file_handle(
        &self,
        path: &Path,
    ) -> std::result::Result<Arc<dyn FileHandle>, OpenReadError> {
        let handle = self.inner.get_file_handle(path)?;
        let whole = handle
            .read_bytes(0..handle.len())
            .map_err(|error| OpenReadError::wrap_io_error(error, path.to_path_buf()))?;
        self.mapped
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(path.to_path_buf(), whole);
        Ok(handle)
    }

    fn delete(&self, path: &Path) -> std::result::Result<(), DeleteError> {
        self.mapped
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .remove(path);
        self.inner.delete(path)
    }

    fn exists(&self, path: &Path) -> std::result::Result<bool, OpenReadError> {
        self.inner.exists(path)
    }

    fn open_write(&self, path: &Path) -> std::result::Result<WritePtr, OpenWriteError> {
        self.inner.open_write(path)
    }

    fn atomic_read(&self, path: &Path) -> std::result::Result<Vec<u8>, OpenReadError> {
        self.inner.atomic_read(path)
    }

    fn atomic_write(&self, path: &Path, data: &[u8]) -> std::io::Result<()> {
        self.inner.atomic_write(path, data)
    }

    fn sync_directory(&self) -> std::io::Result<()> {
        self.inner.sync_directory()
    }

    fn acquire_lock(
        &self,
        lock: &Lock,
    ) -> std::result::Result<DirectoryLock, tantivy::directory::error::LockError> {
        self.inner.acquire_lock(lock)
    }

    fn watch(&self, watch_callback: WatchCallback) -> tantivy::Result<WatchHandle> {
        self.inner.watch(watch_callback)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn released_files_read_the_same_and_deleted_ones_are_let_go() {
        let folder = tempfile::tempdir().unwrap();
        let contents: Vec<u8> = (0..200_000u32).flat_map(|i| i.to_le_bytes()).collect();
        let mut file = std::fs::File::create(folder.path().join("a.bin")).unwrap();
        file.write_all(&contents).unwrap();
        drop(file);
        let directory = ReleasingDirectory::open(folder.path()).unwrap();
        let handle = directory.get_file_handle(Path::new("a.bin")).unwrap();
        assert_eq!(
            handle.read_bytes(0..contents.len()).unwrap().as_slice(),
            contents
        );
        {
            let _releasing = directory.releasing();
            std::thread::sleep(RELEASE_EVERY * 3);
        }
        directory.release();
        // The pages were dropped from the process, not the file: read again, they are
        // mapped again from the file cache, unchanged.
        assert_eq!(
            handle.read_bytes(0..contents.len()).unwrap().as_slice(),
            contents
        );
        directory.delete(Path::new("a.bin")).unwrap();
        assert!(directory.mapped.lock().unwrap().is_empty());
        assert!(!folder.path().join("a.bin").exists());
    }
}
