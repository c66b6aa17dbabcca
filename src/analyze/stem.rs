//! Snowball stemming by `rust-stemmers`, as a tantivy token filter (tantivy 0.27's own
//! stemmer no longer uses rust-stemmers). Expects lower-case tokens with their accents:
//! the Snowball rules match accented suffixes, so accent folding comes after this filter.
//! It stems every token it sees; the analysis chain ([`super::chain`]) runs it once per
//! distinct word.

use std::sync::Arc;

use rust_stemmers::{Algorithm, Stemmer};
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
        }
    }
}

/// A tokenizer followed by the stemmer.
#[derive(Clone)]
pub struct SnowballTokenizer<T> {
    stemmer: Arc<Stemmer>,
    inner: T,
}

impl<T: Tokenizer> Tokenizer for SnowballTokenizer<T> {
    type TokenStream<'a> = SnowballTokenStream<'a, T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        SnowballTokenStream {
            stemmer: &self.stemmer,
            tail: self.inner.token_stream(text),
        }
    }
}

/// The stemmed stream.
pub struct SnowballTokenStream<'a, S> {
    stemmer: &'a Stemmer,
    tail: S,
}

impl<S: TokenStream> TokenStream for SnowballTokenStream<'_, S> {
    fn advance(&mut self) -> bool {
        if !self.tail.advance() {
            return false;
        }
        let token = self.tail.token_mut();
        if let std::borrow::Cow::Owned(stem) = self.stemmer.stem(&token.text) {
            token.text = stem;
        }
        true
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}
