//! The term cache: a word as written (`Hydrogènes`) and the index term the analysis
//! chain makes of it (`hydrogen`), remembered so that the chain — lower case, Snowball,
//! folding — runs once per distinct word instead of once per occurrence. A report repeats
//! its words (Zipf): most lookups hit.
//!
//! Direct-mapped, like a CPU cache: a word's hash picks one slot, which holds the word
//! and its term inline in one 64-byte line, so a lookup is one hash and one memory read
//! with no pointer to follow (a `HashMap<String, String>` costs two more, and measured
//! as a tenth of the build's CPU). A collision overwrites the slot. Words or terms longer
//! than a slot holds are not cached. The table is allocated on first use: the tokenizer
//! manager keeps one analyzer per language, and most are never used in a run.

use std::hash::Hasher;

use rustc_hash::FxHasher;

/// Bytes of a slot: one cache line.
const SLOT_BYTES: usize = 64;
/// Where a slot's word starts: after the word's and the term's lengths.
const WORD_AT: usize = 2;
/// Bytes of a word a slot holds.
const WORD_BYTES: usize = 30;
/// Where a slot's term starts.
const TERM_AT: usize = WORD_AT + WORD_BYTES;
/// Bytes of a term a slot holds.
const TERM_BYTES: usize = SLOT_BYTES - TERM_AT;
/// Slots in an indexing table (a power of two): 1 MB.
pub const INDEXING_SLOTS: usize = 1 << 14;
/// Slots in a search's table: 16 KB, four pages. A search analyses a query and the text
/// of the hits it shows, a few hundred distinct words, where a megabyte would be pages
/// faulted in for one word each.
pub const SEARCH_SLOTS: usize = 1 << 8;

/// Words and their terms (see the module documentation). A slot is the word's length,
/// the term's length, the word, the term; a zero word length marks an empty slot, so a
/// new table is zeroed memory, which the system gives untouched until used (a query
/// analyses a handful of words and must not pay for writing a megabyte).
#[derive(Clone)]
pub struct TermCache {
    slots: Vec<u8>,
    slot_count: usize,
}

impl Default for TermCache {
    fn default() -> Self {
        TermCache::with_slots(INDEXING_SLOTS)
    }
}

impl TermCache {
    /// An empty table of `slot_count` slots (a power of two), allocated on first use.
    pub fn with_slots(slot_count: usize) -> Self {
        debug_assert!(slot_count.is_power_of_two());
        TermCache {
            slots: Vec::new(),
            slot_count,
        }
    }

    /// Where `word`'s slot starts in the table.
    fn slot_of(&self, word: &str) -> usize {
        let mut hasher = FxHasher::default();
        hasher.write(word.as_bytes());
        ((hasher.finish() >> 32) as usize & (self.slot_count - 1)) * SLOT_BYTES
    }

    /// The term remembered for `word`, if any.
    pub fn get(&self, word: &str) -> Option<&str> {
        if word.is_empty() || word.len() > WORD_BYTES || self.slots.is_empty() {
            return None;
        }
        let at = self.slot_of(word);
        let slot = &self.slots[at..at + SLOT_BYTES];
        let word_len = usize::from(slot[0]);
        if slot[WORD_AT..WORD_AT + word_len] != *word.as_bytes() {
            return None;
        }
        // Only whole `&str`s are stored, so the bytes are UTF-8.
        std::str::from_utf8(&slot[TERM_AT..TERM_AT + usize::from(slot[1])]).ok()
    }

    /// Remembers `term` for `word`, replacing what the slot held.
    pub fn put(&mut self, word: &str, term: &str) {
        if word.is_empty() || word.len() > WORD_BYTES || term.len() > TERM_BYTES {
            return;
        }
        if self.slots.is_empty() {
            self.slots = vec![0; self.slot_count * SLOT_BYTES];
        }
        let at = self.slot_of(word);
        let slot = &mut self.slots[at..at + SLOT_BYTES];
        slot[0] = word.len() as u8;
        slot[1] = term.len() as u8;
        slot[WORD_AT..WORD_AT + word.len()].copy_from_slice(word.as_bytes());
        slot[TERM_AT..TERM_AT + term.len()].copy_from_slice(term.as_bytes());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remembers_words_and_forgets_what_does_not_fit() {
        let mut cache = TermCache::default();
        assert_eq!(cache.get("Hydrogènes"), None);
        cache.put("Hydrogènes", "hydrogen");
        cache.put("vertes", "vert");
        assert_eq!(cache.get("Hydrogènes"), Some("hydrogen"));
        assert_eq!(cache.get("vertes"), Some("vert"));
        assert_eq!(cache.get("Hydrogène"), None);
        let long = "anticonstitutionnellementissimement";
        cache.put(long, "anticonstitutionnel");
        assert_eq!(cache.get(long), None);
        cache.put("", "");
        assert_eq!(cache.get(""), None);
    }

    #[test]
    fn a_colliding_word_replaces_the_slot_and_never_answers_for_another() {
        for slots in [INDEXING_SLOTS, SEARCH_SLOTS] {
            let mut cache = TermCache::with_slots(slots);
            let words: Vec<String> = (0..3 * slots).map(|i| format!("w{i}")).collect();
            for word in &words {
                cache.put(word, &word.to_uppercase());
            }
            for word in &words {
                if let Some(term) = cache.get(word) {
                    assert_eq!(term, word.to_uppercase());
                }
            }
            let remembered = words.iter().filter(|w| cache.get(w).is_some()).count();
            assert!(
                remembered <= slots && remembered > 0,
                "{remembered} of {slots}"
            );
        }
    }
}
