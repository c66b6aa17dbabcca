//! Output for people and for programs: the outline of a parsed report, search hits with
//! highlighted snippets (colour on a terminal), and JSON Lines. Everything writes to a
//! `dyn Write` so it can be tested against a `Vec<u8>`.

pub mod human;
pub mod json;
pub mod outline;
