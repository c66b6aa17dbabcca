//! The library's one error type. Every variant carries the context a user needs to act on
//! it: the file, the word, the index directory. The binary wraps these with `anyhow`.

use std::path::PathBuf;

/// Result with the library's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in the library.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A file could not be read.
    #[error("cannot read {path}: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// What the OS said.
        #[source]
        source: std::io::Error,
    },
    /// A file is not a report we can read (binary, empty, wrong encoding…).
    #[error("{path}: {reason}")]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why, and what to do about it.
        reason: String,
    },
    /// A search query that cannot be understood.
    #[error("invalid query: {0}")]
    Query(String),
    /// A filter value that cannot be understood (an agenda item not written as printed).
    #[error("{0}")]
    Filter(String),
    /// A unit reference (`show`'s) that names no kind of unit.
    #[error("{0}")]
    Reference(String),
    /// A country name we do not know.
    #[error("unknown country {name:?}{}", suggestion_text(.suggestions))]
    UnknownCountry {
        /// What the user typed.
        name: String,
        /// Close matches, best first.
        suggestions: Vec<String>,
    },
    /// The index is missing, from another version, or damaged.
    #[error("index at {path}: {reason}")]
    Index {
        /// The index directory.
        path: PathBuf,
        /// What is wrong and what to do.
        reason: String,
    },
    /// An error from tantivy.
    #[error("search engine: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}

fn suggestion_text(suggestions: &[String]) -> String {
    if suggestions.is_empty() {
        "; use a country name in French or English, or an ISO code such as CHN".to_string()
    } else {
        format!("; did you mean {}?", suggestions.join(", "))
    }
}
