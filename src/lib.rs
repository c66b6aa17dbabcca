//! rapporteur: full-text search over intergovernmental session reports, by citable unit.
#![warn(missing_docs)]

pub mod analyze;
pub mod countries;
pub mod error;
pub mod index;
pub mod model;
pub mod parse;
pub mod pdf;
pub mod query;

pub use error::{Error, Result};
pub mod corpus;
pub mod render;
