//! Splits text into words: runs of letters and digits, with combining accents kept inside
//! the word (PDF extractors emit "hydroge\u{301}ne"), the word made NFC, and elided words
//! (see [`super::elision`]) skipped without taking a position, so that the phrase
//! "pollution de l’air" is the three positions pollution, de, air. Chinese, Japanese and
//! Korean script has no spaces between words: a run of it becomes overlapping bigrams
//! ("绿色氢能" -> 绿色, 色氢, 氢能), which find words of any length without a dictionary.
//! Offsets point into the original text, for highlighting.

use std::collections::VecDeque;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

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
            pending: VecDeque::new(),
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
    /// Bigrams of a CJK run still to emit.
    pending: VecDeque<(usize, usize)>,
    elided_before_apostrophe: &'static [&'static str],
    dropped_after_apostrophe: &'static [&'static str],
    token: &'a mut Token,
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric() || is_combining_mark(c)
    }
}

/// Han, kana and hangul: scripts written without spaces between words.
fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0x20000..=0x2A6DF)
}

impl WordTokenStream<'_> {
    /// The next word's byte range from the cursor on; a change between CJK and other
    /// script ends a word.
    fn next_word(&mut self) -> Option<(usize, usize)> {
        let rest = &self.text[self.cursor..];
        let start = self.cursor + rest.find(is_word_char)?;
        let cjk = self.text[start..].chars().next().is_some_and(is_cjk);
        let end = self.text[start..]
            .find(|c: char| !is_word_char(c) || is_cjk(c) != cjk)
            .map_or(self.text.len(), |i| start + i);
        self.cursor = end;
        if cjk {
            let bounds: Vec<usize> = self.text[start..end]
                .char_indices()
                .map(|(i, _)| start + i)
                .chain([end])
                .collect();
            if bounds.len() > 3 {
                self.pending
                    .extend(bounds.windows(3).skip(1).map(|w| (w[0], w[2])));
                return Some((bounds[0], bounds[2]));
            }
        }
        Some((start, end))
    }
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        while let Some((start, end)) = self.pending.pop_front().or_else(|| self.next_word()) {
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
            if word.is_ascii() || is_nfc_quick(word.chars()) == IsNormalized::Yes {
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
