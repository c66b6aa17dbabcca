//! rapporteur: full-text search over intergovernmental session reports, by citable unit.
#![warn(missing_docs)]

pub mod countries;
pub mod error;
pub mod model;
pub mod parse;

pub use error::{Error, Result};
pub mod corpus;
pub mod render;
