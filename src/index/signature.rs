//! A report's text in a few numbers, to tell whether two files that claim one symbol are
//! the same report (a PDF and its text extraction, a re-issue) or two texts (an
//! amendment read under the symbol it cites, two parts of one report).
//!
//! Each unit's text is reduced to its letters and digits, lower-cased (so the spacing,
//! hyphenation and punctuation two extractors disagree on do not count), and hashed;
//! one-permutation MinHash keeps the least hash in each of [`BUCKETS`] buckets. The share
//! of buckets two signatures agree on estimates the share of units the two texts have in
//! common. The cover and contents list are left out: a PDF's masthead and its text
//! extraction's differ most.

use std::fmt;
use std::hash::Hasher;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::model::Report;

/// Buckets of the signature: 16 keeps a manifest's record small (64 hex digits) and
/// still tells "nearly all units equal" from "a few in common".
const BUCKETS: usize = 16;
/// A bucket no unit fell in.
const EMPTY: u16 = u16::MAX;
/// Two texts are one report when they agree on this share of the buckets either fills.
const SAME_REPORT: f64 = 0.75;

/// The signature of one report's units.
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct TextSignature([u16; BUCKETS]);

impl Default for TextSignature {
    fn default() -> Self {
        TextSignature([EMPTY; BUCKETS])
    }
}

impl TextSignature {
    /// The signature of `report`'s running text.
    pub fn of(report: &Report) -> TextSignature {
        let mut signature = TextSignature::default();
        for unit in report
            .paragraphs
            .iter()
            .filter(|u| u.kind.is_running_text())
        {
            let mut hasher = rustc_hash::FxHasher::default();
            let mut letters = 0;
            for c in unit.text.chars() {
                // ASCII, most of every report, without the Unicode tables.
                if c.is_ascii() {
                    if c.is_ascii_alphanumeric() {
                        hasher.write_u32(u32::from(c.to_ascii_lowercase()));
                        letters += 1;
                    }
                } else if c.is_alphanumeric() {
                    for lower in c.to_lowercase() {
                        hasher.write_u32(lower as u32);
                    }
                    letters += 1;
                }
            }
            if letters == 0 {
                continue;
            }
            let hash = mix(hasher.finish());
            let bucket = (hash % BUCKETS as u64) as usize;
            let value = ((hash >> 32) as u16).min(EMPTY - 1);
            signature.0[bucket] = signature.0[bucket].min(value);
        }
        signature
    }

    /// Whether no unit was signed (an index made before signatures were kept, or a
    /// report of covers only): such a signature tells nothing.
    pub fn is_empty(&self) -> bool {
        self.0.iter().all(|&b| b == EMPTY)
    }

    /// Whether the two texts are the same report; signatures that tell nothing are
    /// taken as the same, as files were before signatures were kept.
    pub fn same_report(&self, other: &TextSignature) -> bool {
        if self.is_empty() || other.is_empty() {
            return true;
        }
        let filled = self
            .0
            .iter()
            .zip(&other.0)
            .filter(|(a, b)| **a != EMPTY || **b != EMPTY)
            .count();
        let agreeing = self
            .0
            .iter()
            .zip(&other.0)
            .filter(|(a, b)| **a != EMPTY && a == b)
            .count();
        agreeing as f64 >= SAME_REPORT * filled as f64
    }
}

/// The hash's bits spread (FxHash's low bits are weak): splitmix64's finaliser.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

impl fmt::Debug for TextSignature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "TextSignature({self})")
    }
}

impl fmt::Display for TextSignature {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for bucket in self.0 {
            write!(f, "{bucket:04x}")?;
        }
        Ok(())
    }
}

impl Serialize for TextSignature {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TextSignature {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let mut signature = TextSignature::default();
        if text.len() != BUCKETS * 4 || !text.is_ascii() {
            return Err(serde::de::Error::custom(format!(
                "a text signature is {} hex digits, not {text:?}",
                BUCKETS * 4
            )));
        }
        for (bucket, digits) in signature.0.iter_mut().zip(text.as_bytes().chunks(4)) {
            let digits = std::str::from_utf8(digits).map_err(serde::de::Error::custom)?;
            *bucket = u16::from_str_radix(digits, 16).map_err(serde::de::Error::custom)?;
        }
        Ok(signature)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Unit, UnitKind};

    fn report(texts: &[&str]) -> Report {
        let mut report = crate::parse::parse_report("", "x.txt");
        report.paragraphs = texts
            .iter()
            .zip(1..)
            .map(|(text, number)| Unit {
                annex: None,
                kind: UnitKind::Paragraph,
                number,
                act: None,
                part: None,
                section: Vec::new(),
                agenda_item: None,
                agenda_title: None,
                agenda_rule: None,
                printed: None,
                translation_of: None,
                translated_as: None,
                language: None,
                speakers: Vec::new(),
                countries: Vec::new(),
                text: text.to_string(),
            })
            .collect();
        report
    }

    fn paragraphs(seed: &str, n: usize) -> Vec<String> {
        (0..n)
            .map(|i| format!("{seed} paragraph {i} says something of its own, number {i}."))
            .collect()
    }

    #[test]
    fn a_text_and_its_extraction_with_other_spacing_and_hyphens_are_one_report() {
        let a = paragraphs("The Council", 40);
        let b: Vec<String> = a
            .iter()
            .map(|t| t.replace("something", "some-thing").replace(' ', "  "))
            .collect();
        let sa = TextSignature::of(&report(&a.iter().map(String::as_str).collect::<Vec<_>>()));
        let sb = TextSignature::of(&report(&b.iter().map(String::as_str).collect::<Vec<_>>()));
        assert!(sa.same_report(&sb));
        assert_eq!(sa, sb);
    }

    #[test]
    fn two_texts_under_one_symbol_are_not_one_report() {
        let a = paragraphs("The amendment to draft resolution A", 12);
        let b = paragraphs("The amendment to draft resolution B", 12);
        let sa = TextSignature::of(&report(&a.iter().map(String::as_str).collect::<Vec<_>>()));
        let sb = TextSignature::of(&report(&b.iter().map(String::as_str).collect::<Vec<_>>()));
        assert!(!sa.same_report(&sb));
        // A few units changed of many: still the same report (a corrected re-issue).
        let mut c = a.clone();
        c[3] = "A corrected paragraph.".to_string();
        let sc = TextSignature::of(&report(&c.iter().map(String::as_str).collect::<Vec<_>>()));
        assert!(sa.same_report(&sc));
    }

    #[test]
    fn signatures_round_trip_through_the_manifest() {
        let a = paragraphs("Text", 5);
        let s = TextSignature::of(&report(&a.iter().map(String::as_str).collect::<Vec<_>>()));
        let json = serde_json::to_string(&s).unwrap();
        assert_eq!(json.len(), BUCKETS * 4 + 2);
        assert_eq!(serde_json::from_str::<TextSignature>(&json).unwrap(), s);
        assert!(serde_json::from_str::<TextSignature>("\"12\"").is_err());
    }
}
