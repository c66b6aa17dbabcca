//! rapporteur: full-text search over intergovernmental session reports, by citable unit.
//!
//! The pipeline runs one way: [`corpus`] finds report files and reads them to text (PDF,
//! any usual encoding); [`parse`] cuts a report into units (numbered paragraphs,
//! decisions, annex paragraphs) with their section, agenda item, speakers and countries;
//! [`analyze`] turns text into index terms per language (French: elision, lower case,
//! Snowball stemming, accent folding); [`index`] keeps a tantivy index of one document per
//! unit in step with the corpus; [`query`] answers searches with ranked units, snippets
//! and facet counts; [`render`] prints them for people or as JSON Lines.
//!
//! ```
//! use rapporteur::parse::parse_report;
//!
//! let text = "E/ESCAP/CTI(3)/9\n\n\
//!             A. Trade facilitation (agenda item 2)\n\n\
//!             1. The representative of Japan welcomed the work on green hydrogen.\n\n\
//!             2. Rwanda commended the secretariat.\n";
//! let report = parse_report(text, "cti.txt");
//! assert_eq!(report.symbol, "E/ESCAP/CTI(3)/9");
//! let first = &report.paragraphs[0];
//! assert_eq!((first.number, first.agenda_item.as_deref()), (1, Some("2")));
//! assert_eq!(first.speaker_countries(), ["JPN"]);
//! assert_eq!(report.paragraphs[1].speaker_countries(), ["RWA"]);
//! ```
#![warn(missing_docs)]

pub mod analyze;
pub mod corpus;
pub mod countries;
pub mod error;
pub mod index;
pub mod model;
pub mod parse;
pub mod pdf;
pub mod query;
pub mod render;
pub mod serve;

pub use error::{Error, Result};
