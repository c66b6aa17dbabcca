//! One language's analysis chain as a single tokenizer: the words of [`WordTokenizer`]
//! (NFC, elision, CJK bigrams), then for each word the term that the rest of the chain
//! — length limit, lower case, Snowball, accent folding — makes of it, asked of the
//! [`TermCache`] first and computed only for a word not seen before. Positions and
//! offsets are the word tokenizer's, so phrases and highlighting are unchanged.
//!
//! The caches belong to the thread, one per language and use (indexing, searching), not
//! to the tokenizer: tantivy gives every new segment a fresh copy of the analyzer, and a
//! cache that started empty with each segment missed one word in six.

use std::cell::RefCell;

use tantivy::tokenizer::{TextAnalyzer, Token, TokenStream, Tokenizer};

use super::cache::TermCache;
use super::tokenizer::{WordTokenStream, WordTokenizer};

/// The chain (see the module documentation).
#[derive(Clone)]
pub struct ChainTokenizer {
    words: WordTokenizer,
    /// The chain after the words, run over one word at a time.
    per_word: TextAnalyzer,
    /// Which of the thread's caches holds this chain's terms.
    cache: CacheSlot,
}

/// One of the thread's term caches: its number (one per distinct chain) and its size.
#[derive(Clone, Copy)]
pub struct CacheSlot {
    /// A number of its own for every distinct chain.
    pub number: usize,
    /// Slots of its table (see [`TermCache::with_slots`]).
    pub slots: usize,
}

thread_local! {
    /// The thread's term caches, by chain.
    static CACHES: RefCell<Vec<Option<TermCache>>> = const { RefCell::new(Vec::new()) };
}

impl ChainTokenizer {
    /// `per_word` must take a whole text as one token (tantivy's `RawTokenizer`) and
    /// give at most one term for it; `cache` names the thread's cache for this chain.
    pub fn new(words: WordTokenizer, per_word: TextAnalyzer, cache: CacheSlot) -> Self {
        ChainTokenizer {
            words,
            per_word,
            cache,
        }
    }
}

/// Runs `f` on this thread's cache `cache`.
fn with_cache<R>(cache: CacheSlot, f: impl FnOnce(&mut TermCache) -> R) -> R {
    CACHES.with(|caches| {
        let mut caches = caches.borrow_mut();
        if caches.len() <= cache.number {
            caches.resize_with(cache.number + 1, || None);
        }
        f(caches[cache.number].get_or_insert_with(|| TermCache::with_slots(cache.slots)))
    })
}

impl Tokenizer for ChainTokenizer {
    type TokenStream<'a> = ChainTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> ChainTokenStream<'a> {
        ChainTokenStream {
            text,
            words: self.words.token_stream(text),
            per_word: &mut self.per_word,
            cache: self.cache,
        }
    }
}

/// The terms of one text.
pub struct ChainTokenStream<'a> {
    text: &'a str,
    words: WordTokenStream<'a>,
    per_word: &'a mut TextAnalyzer,
    cache: CacheSlot,
}

impl TokenStream for ChainTokenStream<'_> {
    fn advance(&mut self) -> bool {
        while self.words.advance() {
            let token = self.words.token_mut();
            let written = &self.text[token.offset_from..token.offset_to];
            let cached = with_cache(self.cache, |cache| {
                cache.get(written).map(|term| {
                    token.text.clear();
                    token.text.push_str(term);
                })
            });
            if cached.is_some() {
                return true;
            }
            let mut terms = self.per_word.token_stream(&token.text);
            if !terms.advance() {
                // The chain dropped the word (too long): its position stays taken.
                continue;
            }
            let term = std::mem::take(&mut terms.token_mut().text);
            drop(terms);
            with_cache(self.cache, |cache| cache.put(written, &term));
            token.text = term;
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        self.words.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.words.token_mut()
    }
}

#[cfg(test)]
mod tests {
    use crate::analyze::{language, terms};

    #[test]
    fn a_word_met_again_gets_the_same_term_and_a_dropped_word_keeps_its_place() {
        let long = "x".repeat(70);
        let text = format!("Hydrogènes verts, {long} HYDROGÈNES l’hydrogène verts");
        let got = terms(language("fr"), &text);
        assert_eq!(
            got,
            [
                (0, "hydrogen".to_string()),
                (1, "vert".to_string()),
                (3, "hydrogen".to_string()),
                (4, "hydrogen".to_string()),
                (5, "vert".to_string()),
            ]
        );
    }
}
