//! What the index holds, file by file: the manifest. Each commit writes the manifest of
//! what it holds to a file of its own (`manifest-<n>.json`, written and synced before the
//! commit) and names that file in the commit's payload, with the few facts a search needs
//! ([`CommitNote`]). So the manifest always describes exactly the committed documents (a
//! killed indexer leaves the previous commit naming the previous manifest, and the next
//! run picks up from there), while a search reads a payload of a few bytes.

use std::collections::BTreeMap;

use super::signature::TextSignature;
use serde::{Deserialize, Serialize};

use crate::model::{Report, UnitKind};

/// The index's record of the corpus.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Manifest {
    /// Schema version that wrote the index.
    pub schema_version: u32,
    /// Seconds since 1970 of the last commit.
    pub updated_unix: u64,
    /// Per file, by path relative to the corpus (with `/` separators). Records are boxed:
    /// files arrive in path order, and a B-tree filled in order leaves its nodes about half
    /// full, so a record held in the node cost twice its size.
    pub files: BTreeMap<String, Box<FileRecord>>,
}

/// One corpus file as last indexed.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct FileRecord {
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since 1970.
    pub modified_ns: u64,
    /// Content fingerprint.
    pub hash: Fingerprint,
    /// What became of it.
    pub outcome: Outcome,
}

/// A file's content identity: BLAKE3 over its bytes (a collision would drop a report as a
/// duplicate, so the hash is a cryptographic one; it runs at GB/s) and its length, or why
/// it could not be read. Written as text (`<hex>-<length>`, `unreadable:<why>`); held as
/// bytes, because a large run holds one per file twice (its job and its record), and as
/// text each was a 72-byte allocation.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String", from = "String")]
pub enum Fingerprint {
    /// The file's content.
    Content {
        /// BLAKE3 of the bytes.
        blake3: [u8; 32],
        /// Length in bytes.
        length: u64,
    },
    /// The file could not be read, and why.
    Unreadable(Box<str>),
}

impl Fingerprint {
    /// The fingerprint of `bytes`.
    pub fn of(bytes: &[u8]) -> Fingerprint {
        Fingerprint::Content {
            blake3: *blake3::hash(bytes).as_bytes(),
            length: bytes.len() as u64,
        }
    }
}

const UNREADABLE: &str = "unreadable:";

impl From<Fingerprint> for String {
    fn from(fingerprint: Fingerprint) -> String {
        match fingerprint {
            Fingerprint::Content { blake3, length } => {
                format!("{}-{length}", blake3::Hash::from_bytes(blake3).to_hex())
            }
            Fingerprint::Unreadable(why) => format!("{UNREADABLE}{why}"),
        }
    }
}

impl From<String> for Fingerprint {
    /// Text not of either form (a damaged manifest) reads as unreadable: it matches no
    /// content, so the file is indexed again.
    fn from(text: String) -> Fingerprint {
        let content = text.rsplit_once('-').and_then(|(hex, length)| {
            Some(Fingerprint::Content {
                blake3: *blake3::Hash::from_hex(hex).ok()?.as_bytes(),
                length: length.parse().ok()?,
            })
        });
        content.unwrap_or_else(|| {
            let why = text.strip_prefix(UNREADABLE).unwrap_or(&text);
            Fingerprint::Unreadable(why.into())
        })
    }
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
        /// Languages its units are in besides the report's (a record's speeches).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        unit_languages: Vec<String>,
        /// Its text's signature, to tell a file with the same report from one that only
        /// claims its symbol (empty in an index made before it was kept).
        #[serde(default)]
        signature: TextSignature,
    },
    /// Same content as another file, indexed once under that file.
    Duplicate {
        /// The file whose units stand for this one.
        of: String,
    },
    /// The same report (symbol and language) as another file, e.g. its PDF and its text
    /// extraction: indexed once, under the file that [`crate::index::writer`] prefers.
    #[serde(rename = "same-report")]
    SameReport {
        /// Document symbol.
        symbol: String,
        /// Report language.
        language: String,
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
    /// Resolutions.
    #[serde(default)]
    pub resolution: usize,
    /// President's statements.
    #[serde(default)]
    pub statement: usize,
    /// Blocks.
    pub block: usize,
    /// Cover and contents units.
    #[serde(default)]
    pub cover: usize,
    /// The words of the report's text, page furniture aside.
    #[serde(default)]
    pub words: usize,
    /// How many of them are in its units or their headings.
    #[serde(default)]
    pub words_in_units: usize,
    /// Units that are printed translations of another unit of the report (counted among
    /// the units above too).
    #[serde(default)]
    pub translations: usize,
}

impl UnitCounts {
    /// Counts the units of `report`.
    pub fn of(report: &Report) -> UnitCounts {
        let mut counts = UnitCounts::default();
        for unit in &report.paragraphs {
            match unit.kind {
                UnitKind::Paragraph => counts.paragraph += 1,
                UnitKind::Decision => counts.decision += 1,
                UnitKind::Resolution => counts.resolution += 1,
                UnitKind::Statement => counts.statement += 1,
                UnitKind::Block => counts.block += 1,
                UnitKind::Cover | UnitKind::Contents => counts.cover += 1,
            }
        }
        counts.translations = report
            .paragraphs
            .iter()
            .filter(|u| u.translation_of.is_some())
            .count();
        counts.words = report.words;
        counts.words_in_units = (report.coverage * report.words as f64).round() as usize;
        counts
    }

    /// All units.
    pub fn total(&self) -> usize {
        self.paragraph + self.decision + self.resolution + self.statement + self.block + self.cover
    }

    /// The share of the words in units; 1.0 for a report of no words (or one indexed
    /// before the figure was kept).
    pub fn coverage(&self) -> f64 {
        if self.words == 0 {
            1.0
        } else {
            self.words_in_units as f64 / self.words as f64
        }
    }
}

/// The payload of a commit: what a search needs, and where the full manifest is.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct CommitNote {
    /// Schema version that wrote the index.
    pub schema_version: u32,
    /// Seconds since 1970 of the commit.
    pub updated_unix: u64,
    /// Languages of the indexed text: the reports' and their units'.
    pub languages: Vec<String>,
    /// File name of the manifest, in the generation folder.
    pub manifest: String,
    /// Whether some indexed report prints translations of its units (then a search
    /// looks for originals and translations that both match).
    #[serde(default)]
    pub translations: bool,
}

impl CommitNote {
    /// Reads a commit payload; `None` if absent or not ours.
    pub fn from_payload(payload: Option<&str>) -> Option<CommitNote> {
        serde_json::from_str(payload?).ok()
    }

    /// The manifest this commit names.
    pub fn load_manifest(&self, generation: &std::path::Path) -> Option<Manifest> {
        let text = std::fs::read(generation.join(&self.manifest)).ok()?;
        serde_json::from_slice(&text).ok()
    }
}

impl Manifest {
    /// Languages of the indexed text, sorted: the reports' and their units' (a record's
    /// speeches in other languages).
    pub fn languages(&self) -> Vec<String> {
        let mut languages: Vec<String> = self
            .files
            .values()
            .flat_map(|r| match &r.outcome {
                Outcome::Indexed {
                    language,
                    unit_languages,
                    ..
                } => std::iter::once(language)
                    .chain(unit_languages)
                    .cloned()
                    .collect(),
                _ => Vec::new(),
            })
            .collect();
        languages.sort();
        languages.dedup();
        languages
    }

    /// Whether an indexed report prints translations of its units.
    pub fn has_translations(&self) -> bool {
        self.files.values().any(|r| match &r.outcome {
            Outcome::Indexed { units, .. } => units.translations > 0,
            _ => false,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_written_as_before_and_read_back() {
        let content = Fingerprint::of(b"hydrogene vert");
        let text = String::from(content.clone());
        let expected = format!("{}-14", blake3::hash(b"hydrogene vert").to_hex());
        assert_eq!(text, expected, "the manifest's text form is unchanged");
        assert_eq!(Fingerprint::from(text), content);
        let unreadable = Fingerprint::Unreadable("permission denied".into());
        assert_eq!(
            String::from(unreadable.clone()),
            "unreadable:permission denied"
        );
        assert_eq!(
            Fingerprint::from("unreadable:permission denied".to_string()),
            unreadable
        );
        let damaged = Fingerprint::from("not-a-hash".to_string());
        assert!(matches!(damaged, Fingerprint::Unreadable(_)));
        assert_ne!(damaged, content);
    }
}
