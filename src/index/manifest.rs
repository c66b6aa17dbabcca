//! What the index holds, file by file: the manifest. It travels as the payload of each
//! tantivy commit, so it always describes exactly the committed documents: a killed
//! indexer leaves a manifest that matches the index, and the next run picks up from there.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::model::{Report, UnitKind};

/// The index's record of the corpus.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Manifest {
    /// Schema version that wrote the index.
    pub schema_version: u32,
    /// Seconds since 1970 of the last commit.
    pub updated_unix: u64,
    /// Per file, by path relative to the corpus (with `/` separators).
    pub files: BTreeMap<String, FileRecord>,
}

/// One corpus file as last indexed.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FileRecord {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since 1970.
    pub modified_ns: u64,
    /// Content fingerprint.
    pub hash: String,
    /// What became of it.
    pub outcome: Outcome,
}

/// What became of a file.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "status", rename_all = "lowercase")]
pub enum Outcome {
    /// Its units are in the index.
    Indexed {
        /// Document symbol.
        symbol: String,
        /// Report language.
        language: String,
        /// Units by kind.
        units: UnitCounts,
    },
    /// Same content as another file, indexed once under that file.
    Duplicate {
        /// The file whose units stand for this one.
        of: String,
    },
    /// Not indexed, and why.
    Skipped {
        /// The reason, as told to the user.
        reason: String,
    },
}

/// Units of a report by kind.
#[derive(Debug, Clone, Copy, Default, Serialize, Deserialize, PartialEq, Eq)]
pub struct UnitCounts {
    /// Numbered paragraphs.
    pub paragraph: usize,
    /// Decisions.
    pub decision: usize,
    /// Blocks.
    pub block: usize,
}

impl UnitCounts {
    /// Counts the units of `report`.
    pub fn of(report: &Report) -> UnitCounts {
        let mut counts = UnitCounts::default();
        for unit in &report.paragraphs {
            match unit.kind {
                UnitKind::Paragraph => counts.paragraph += 1,
                UnitKind::Decision => counts.decision += 1,
                UnitKind::Block => counts.block += 1,
            }
        }
        counts
    }

    /// All units.
    pub fn total(&self) -> usize {
        self.paragraph + self.decision + self.block
    }
}

impl Manifest {
    /// The manifest as a commit payload.
    pub fn to_payload(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Reads a commit payload; `None` if absent or not ours.
    pub fn from_payload(payload: Option<&str>) -> Option<Manifest> {
        serde_json::from_str(payload?).ok()
    }
}
