//! Output for people and for programs: the outline of a parsed report, search hits with
//! highlighted snippets (colour on a terminal), JSON Lines, and the formats to paste
//! into a draft (CSV, Markdown, citations). Everything writes to a
//! `dyn Write` so it can be tested against a `Vec<u8>`.

pub mod formats;
pub mod human;
pub mod json;
pub mod outline;
pub mod plot;
pub mod trend;
