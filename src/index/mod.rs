//! The tantivy index of units: its schema ([`schema`]), building it from a corpus
//! ([`writer`]) and opening it for search ([`reader`]). The analyzers are registered
//! every time an index is opened or created.

pub mod reader;
pub mod schema;
pub mod writer;

pub use reader::IndexHandle;
