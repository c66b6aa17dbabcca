//! Splits text into words: runs of letters and digits, with combining accents kept inside
//! the word (PDF extractors emit "hydroge\u{301}ne"), the word made NFC, and elided words
//! (see [`super::elision`]) skipped without taking a position, so that the phrase
//! "pollution de l’air" is the three positions pollution, de, air.
//! Offsets point into the original text, for highlighting.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::elision::{is_apostrophe, is_listed};

/// The word tokenizer, configured with a language's elisions.
#[derive(Clone)]
pub struct WordTokenizer {
    elided_before_apostrophe: &'static [&'static str],
    dropped_after_apostrophe: &'static [&'static str],
    token: Token,
}

impl WordTokenizer {
    /// `elided_before_apostrophe`: l’, qu’… ; `dropped_after_apostrophe`: ’s.
    pub fn new(
        elided_before_apostrophe: &'static [&'static str],
        dropped_after_apostrophe: &'static [&'static str],
    ) -> Self {
        WordTokenizer {
            elided_before_apostrophe,
            dropped_after_apostrophe,
            token: Token::default(),
        }
    }
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream<'a> {
        self.token.reset();
        self.token.position = usize::MAX;
        WordTokenStream {
            text,
            cursor: 0,
            elided_before_apostrophe: self.elided_before_apostrophe,
            dropped_after_apostrophe: self.dropped_after_apostrophe,
            token: &mut self.token,
        }
    }
}

/// The stream of words of one text.
pub struct WordTokenStream<'a> {
    text: &'a str,
    cursor: usize,
    elided_before_apostrophe: &'static [&'static str],
    dropped_after_apostrophe: &'static [&'static str],
    token: &'a mut Token,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining_mark(c)
}

impl WordTokenStream<'_> {
    /// The next word's byte range from the cursor on.
    fn next_word(&mut self) -> Option<(usize, usize)> {
        let rest = &self.text[self.cursor..];
        let start = self.cursor + rest.find(is_word_char)?;
        let end = self.text[start..]
            .find(|c: char| !is_word_char(c))
            .map_or(self.text.len(), |i| start + i);
        self.cursor = end;
        Some((start, end))
    }
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        while let Some((start, end)) = self.next_word() {
            let word = &self.text[start..end];
            let apostrophe_after = self.text[end..].chars().next().is_some_and(is_apostrophe);
            let apostrophe_before = self.text[..start]
                .chars()
                .next_back()
                .is_some_and(is_apostrophe);
            if apostrophe_after && is_listed(word, self.elided_before_apostrophe) {
                continue;
            }
            if apostrophe_before && is_listed(word, self.dropped_after_apostrophe) {
                continue;
            }
            self.token.text.clear();
            if word.is_ascii() {
                self.token.text.push_str(word);
            } else {
                self.token.text.extend(word.nfc());
            }
            self.token.offset_from = start;
            self.token.offset_to = end;
            self.token.position = self.token.position.wrapping_add(1);
            self.token.position_length = 1;
            return true;
        }
        false
    }

    fn token(&self) -> &Token {
        self.token
    }

    fn token_mut(&mut self) -> &mut Token {
        self.token
    }
}
