//! The allocator policy of a build. glibc's allocator keeps what a thread freed in that
//! thread's arena (one per thread, up to eight per core) and serves allocations above a
//! threshold it raises as it goes from those arenas too: the indexer, a dozen threads
//! allocating and freeing tantivy's buffers, held 314 MB of heap on a 500 MB build where
//! heaptrack saw under 100 MB in use. Two arenas, large blocks always mapped (and so
//! returned when freed) and the heap trimmed past 1 MB took that to 187 MB
//! (BENCHMARKS.md). A search has the opposite policy: there, every block mapped afresh
//! is memory the kernel must zero and fault in, so nothing is mapped or trimmed and what
//! it frees is reused.

use std::sync::Once;

/// Applies the policy to the process, once; later calls do nothing.
pub fn bound_retention_for_build() {
    static APPLIED: Once = Once::new();
    APPLIED.call_once(|| {
        #[cfg(all(target_os = "linux", target_env = "gnu"))]
        {
            const ARENAS: i32 = 2;
            const MAPPED_FROM_BYTES: i32 = 256 * 1024;
            const TRIMMED_PAST_BYTES: i32 = 1024 * 1024;
            // SAFETY: mallopt only sets allocator parameters, under glibc's own lock;
            // `Once` keeps two threads from making the first call together.
            unsafe {
                libc::mallopt(libc::M_ARENA_MAX, ARENAS);
                libc::mallopt(libc::M_MMAP_THRESHOLD, MAPPED_FROM_BYTES);
                libc::mallopt(libc::M_TRIM_THRESHOLD, TRIMMED_PAST_BYTES);
            }
        }
    });
}

/// Returns to the system the heap pages freed so far (glibc keeps freed memory inside its
/// heap; its pages stay resident until reused or trimmed). Once, where a build has freed
/// much at once: after every batch it cost a tenth of the build's speed.
pub fn release_freed() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    // SAFETY: malloc_trim walks the allocator's free lists under its own locks.
    unsafe {
        libc::malloc_trim(0);
    }
}

/// The policy of a search: nothing mapped afresh, nothing trimmed. A search allocates and
/// frees the same few blocks (a stored block to decompress and zstd's workspace, per hit
/// shown); from the heap, each is reused, where each fresh mapping was memory the kernel
/// zeroed and faulted in again.
pub fn reuse_freed_for_search() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        const MAPPED_FROM_BYTES: i32 = 64 * 1024 * 1024;
        const TRIMMED_PAST_BYTES: i32 = 256 * 1024 * 1024;
        // SAFETY: mallopt only sets allocator parameters, under glibc's own lock.
        unsafe {
            libc::mallopt(libc::M_MMAP_THRESHOLD, MAPPED_FROM_BYTES);
            libc::mallopt(libc::M_TRIM_THRESHOLD, TRIMMED_PAST_BYTES);
        }
    }
}
