//! The integration tests, one test binary: each module exercises the real `rapporteur`
//! binary (or the library) on one capability. One binary rather than one per file because
//! every test binary is a separate thin-LTO link of tantivy and the server stack, which
//! made a clean CI build several minutes longer; modules share `common` as before. Run one
//! module with `cargo test --release --test it lifecycle::`.

mod common;

mod agenda_items;
mod fuzz;
mod genres;
mod hostile;
mod ingest;
mod lifecycle;
mod meeting_records;
mod nothing_lost;
mod parse_cli;
mod reading;
mod relevance;
mod search_cli;
mod serve_api;
mod serve_browser;
mod summary_records;
