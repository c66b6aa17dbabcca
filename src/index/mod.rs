//! The tantivy index of units: its schema ([`schema`]), the folder that holds its
//! generations and lock ([`store`]), the manifest of indexed files carried by every commit
//! ([`manifest`]), keeping it in step with a corpus ([`writer`]) with bounded merges
//! ([`merge`], compacting through [`released_maps`]) and a bounded allocator ([`allocator`]), opening it for search
//! ([`reader`]) and describing it ([`stats`]); a report's text in a few numbers, to tell
//! two files of one report from two reports under one symbol ([`signature`]). The analyzers are registered every time an
//! index is opened or created.

pub mod allocator;
pub mod manifest;
pub mod merge;
pub mod ordinals;
pub mod reader;
pub mod released_maps;
pub mod schema;
pub mod signature;
pub mod stats;
pub mod store;
pub mod writer;

pub use reader::IndexHandle;
