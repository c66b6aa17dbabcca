//! Snowball stemming by `rust-stemmers`, as a tantivy token filter (tantivy 0.27's own
//! stemmer no longer uses rust-stemmers). Expects lower-case tokens with their accents:
//! the Snowball rules match accented suffixes, so accent folding comes after this filter.
//! The Snowball algorithms cost a few microseconds a word, and a corpus repeats its words
//! (Zipf), so each tokenizer keeps a bounded cache of the stems it has computed.

use std::sync::Arc;

use rust_stemmers::{Algorithm, Stemmer};
use rustc_hash::FxHashMap;
use tantivy::tokenizer::{Token, TokenFilter, TokenStream, Tokenizer};

/// The filter: stems every token with one Snowball algorithm.
#[derive(Clone)]
pub struct SnowballFilter {
    stemmer: Arc<Stemmer>,
}

impl SnowballFilter {
    /// A filter for `algorithm`.
    pub fn new(algorithm: Algorithm) -> Self {
        SnowballFilter {
            stemmer: Arc::new(Stemmer::create(algorithm)),
        }
    }
}

impl TokenFilter for SnowballFilter {
    type Tokenizer<T: Tokenizer> = SnowballTokenizer<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> SnowballTokenizer<T> {
        SnowballTokenizer {
            stemmer: self.stemmer,
            inner: tokenizer,
            cache: FxHashMap::default(),
        }
    }
}

/// Words whose stems a tokenizer remembers, at most (a few MB).
const CACHE_LIMIT: usize = 100_000;

/// A tokenizer followed by the stemmer.
#[derive(Clone)]
pub struct SnowballTokenizer<T> {
    stemmer: Arc<Stemmer>,
    inner: T,
    /// word -> stem
    cache: FxHashMap<String, String>,
}

impl<T: Tokenizer> Tokenizer for SnowballTokenizer<T> {
    type TokenStream<'a> = SnowballTokenStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        if self.cache.len() > CACHE_LIMIT {
            self.cache.clear();
        }
        SnowballTokenStream {
            stemmer: &self.stemmer,
            tail: self.inner.token_stream(text),
            cache: &mut self.cache,
        }
    }
}

/// The stemmed stream.
pub struct SnowballTokenStream<'a, S> {
    stemmer: &'a Stemmer,
    tail: S,
    cache: &'a mut FxHashMap<String, String>,
}

impl<S: TokenStream> TokenStream for SnowballTokenStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let Some(stem) = self.cache.get(token.text.as_str()) {
            token.text.clear();
            token.text.push_str(stem);
            return true;
        }
        let stem = self.stemmer.stem(&token.text).into_owned();
        let word = std::mem::replace(&mut token.text, stem.clone());
        self.cache.insert(word, stem);
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}
