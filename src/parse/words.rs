//! Counting a text's words fast: the runs of characters between white space (as
//! `char::is_whitespace` has it) that hold a letter (`char::is_alphabetic`), which is
//! `text.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count()`.
//! Numbers are left out: the numbers of paragraphs and decisions are the units' own, not
//! their text's.
//!
//! The parser counts every word of every report twice (on its line, in its unit: the
//! coverage figure), a tenth of its time when it went character by character. On x86-64
//! the count reads 64 bytes at a time with SSE2 (in every x86-64 processor) and decodes
//! only the bytes outside ASCII as characters. Each window becomes two bit masks, a bit
//! a byte: `in_word` (not white space) and `letters` (the first byte of a letter).
//! Adding `letters` to `in_word` carries every run of word bytes that holds a letter past
//! its last byte, onto the white space after it: the bits set there, outside `in_word`,
//! are the words. The carry out of a window goes into the next one, so a word may
//! straddle windows. Other machines count character by character.

/// The number of words with a letter in `text`.
pub fn lettered_words(text: &str) -> usize {
    #[cfg(target_arch = "x86_64")]
    return by_windows(text);
    #[cfg(not(target_arch = "x86_64"))]
    return by_characters(text);
}

/// Whether `text` has more than `max` words between white space, with a letter or not:
/// `text.split_whitespace().nth(max).is_some()`, reading no further than it must.
pub fn more_words_than(text: &str, max: usize) -> bool {
    #[cfg(target_arch = "x86_64")]
    return {
        let mut words = 0;
        // Whether the byte before the window is a word's.
        let mut in_word_before = false;
        windows(text).any(|(in_word, _)| {
            let starts = in_word & !(in_word << 1 | u64::from(in_word_before));
            words += starts.count_ones() as usize;
            in_word_before = in_word >> 63 == 1;
            words > max
        })
    };
    #[cfg(not(target_arch = "x86_64"))]
    return text.split_whitespace().nth(max).is_some();
}

/// The count character by character: the definition.
#[cfg(any(test, not(target_arch = "x86_64")))]
fn by_characters(text: &str) -> usize {
    text.split_whitespace()
        .filter(|word| word.chars().any(char::is_alphabetic))
        .count()
}

/// Bytes read at a time: one bit of a `u64` each.
#[cfg(target_arch = "x86_64")]
const WINDOW: usize = 64;

#[cfg(target_arch = "x86_64")]
fn by_windows(text: &str) -> usize {
    let mut words = 0;
    // Whether a word with a letter runs on from the window before.
    let mut carry = false;
    for (in_word, letters) in windows(text) {
        let (sum, carried) = in_word.overflowing_add(letters);
        let (sum, carried_in) = sum.overflowing_add(u64::from(carry));
        words += (sum & !in_word).count_ones() as usize;
        carry = carried || carried_in;
    }
    // A word with a letter that runs to the text's end.
    words + usize::from(carry)
}

/// The `in_word` and `letters` masks of each window of `text`; past the text's end, the
/// last window's bits are white space.
#[cfg(target_arch = "x86_64")]
fn windows(text: &str) -> impl Iterator<Item = (u64, u64)> + '_ {
    let bytes = text.as_bytes();
    (0..bytes.len()).step_by(WINDOW).map(move |start| {
        let mut tail = [0u8; WINDOW];
        let (window, past_the_end): (&[u8; WINDOW], u64) = match bytes.get(start..start + WINDOW) {
            Some(full) => (full.try_into().unwrap_or(&tail), 0),
            None => {
                let len = bytes.len() - start;
                tail[..len].copy_from_slice(&bytes[start..]);
                (&tail, u64::MAX << len)
            }
        };
        // SAFETY: SSE2 is part of x86-64 itself: every x86-64 processor has it.
        let (space, mut letters, wide) = unsafe { ascii_classes(window) };
        let mut in_word = !space & !past_the_end;
        if wide != 0 {
            classify_wide(text, start, wide, &mut in_word, &mut letters);
        }
        (in_word, letters)
    })
}

/// Bit masks of the window's ASCII white space, ASCII letters, and bytes outside ASCII,
/// sixteen bytes at a time.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "sse2")]
fn ascii_classes(window: &[u8; WINDOW]) -> (u64, u64, u64) {
    use std::arch::x86_64::*;
    // Where each byte, read unsigned, is at most `n`.
    let at_most = |v: __m128i, n: u8| _mm_cmpeq_epi8(_mm_min_epu8(v, _mm_set1_epi8(n as i8)), v);
    let minus = |v: __m128i, n: u8| _mm_sub_epi8(v, _mm_set1_epi8(n as i8));
    let (mut space, mut letters, mut wide) = (0u64, 0u64, 0u64);
    for (i, chunk) in window.chunks_exact(16).enumerate() {
        let half = |at: usize| {
            let bytes: [u8; 8] = chunk[at..at + 8].try_into().unwrap_or_default();
            i64::from_le_bytes(bytes)
        };
        let v = _mm_set_epi64x(half(8), half(0));
        let is_space = _mm_or_si128(
            _mm_cmpeq_epi8(v, _mm_set1_epi8(b' ' as i8)),
            at_most(minus(v, b'\t'), b'\r' - b'\t'),
        );
        let is_letter = at_most(
            minus(_mm_or_si128(v, _mm_set1_epi8(0x20)), b'a'),
            b'z' - b'a',
        );
        let shift = 16 * i;
        space |= u64::from(_mm_movemask_epi8(is_space) as u16) << shift;
        letters |= u64::from(_mm_movemask_epi8(is_letter) as u16) << shift;
        wide |= u64::from(_mm_movemask_epi8(v) as u16) << shift;
    }
    (space, letters, wide)
}

/// Sets the bits of the window's characters outside ASCII (at `wide`, the window
/// starting at byte `start` of `text`): a white space character is out of `in_word`, a
/// letter has its `letters` bit at its first byte.
#[cfg(target_arch = "x86_64")]
fn classify_wide(text: &str, start: usize, mut wide: u64, in_word: &mut u64, letters: &mut u64) {
    while wide != 0 {
        let bit = wide.trailing_zeros() as usize;
        let at = start + bit;
        let (width, class) = wide_character(text, at);
        // The character's bytes in this window.
        let own = (u64::MAX >> (64 - width)) << bit;
        match class {
            Class::Space => *in_word &= !own,
            Class::Letter => *letters |= 1 << bit,
            Class::Other => {}
        }
        wide &= !own;
    }
}

/// What a character outside ASCII is, for counting words.
#[cfg(target_arch = "x86_64")]
enum Class {
    Space,
    Letter,
    Other,
}

/// The width and class of the character at `at`, or of its last bytes when `at` is
/// inside one (at a window's start, after a character the window before began: white
/// space or not as the character is, never a letter's first byte). What a report mostly
/// has outside ASCII is told by its first bytes: Latin letters with diacritics
/// (U+00C0-U+017F), the signs and spaces of Latin-1, and general punctuation; the rest
/// by the standard library's tables.
#[cfg(target_arch = "x86_64")]
#[inline(always)]
fn wide_character(text: &str, at: usize) -> (usize, Class) {
    let bytes = text.as_bytes();
    match (bytes[at], bytes.get(at + 1).copied().unwrap_or_default()) {
        // U+0080-U+00BF: the spaces U+0085 and U+00A0, the letters ª, µ and º.
        (0xC2, 0x85 | 0xA0) => (2, Class::Space),
        (0xC2, 0xAA | 0xB5 | 0xBA) => (2, Class::Letter),
        (0xC2, _) => (2, Class::Other),
        // U+00C0-U+00FF but the signs × and ÷; U+0100-U+017F.
        (0xC3, 0x97 | 0xB7) => (2, Class::Other),
        (0xC3..=0xC5, _) => (2, Class::Letter),
        // U+2000-U+203F: spaces (U+2000-U+200A, U+2028, U+2029, U+202F) and
        // punctuation (’ “ ” – —), no letter.
        (0xE2, 0x80) => match bytes.get(at + 2) {
            Some(0x80..=0x8A | 0xA8 | 0xA9 | 0xAF) => (3, Class::Space),
            _ => (3, Class::Other),
        },
        _ => {
            let lead = (at.saturating_sub(3)..=at)
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or_default();
            match text[lead..].chars().next() {
                Some(c) if c.is_whitespace() => (lead + c.len_utf8() - at, Class::Space),
                Some(c) if lead == at && c.is_alphabetic() => (c.len_utf8(), Class::Letter),
                Some(c) => (lead + c.len_utf8() - at, Class::Other),
                None => (1, Class::Other),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{by_characters as reference, lettered_words, more_words_than};

    #[test]
    fn words_are_runs_between_white_space_that_hold_a_letter() {
        assert_eq!(lettered_words("12. Le Conseil a pris note"), 5);
        assert_eq!(lettered_words("  réunion\u{a0}du\tComité\n(2025) 3.1 "), 3);
        assert_eq!(lettered_words("施女士（中国）： l’Assemblée"), 2);
        assert_eq!(lettered_words("2030 – 45 %"), 0);
        assert_eq!(lettered_words(""), 0);
        assert_eq!(lettered_words("a"), 1);
        assert_eq!(lettered_words("\u{3000}Été\u{202f}:"), 1);
    }

    #[test]
    fn words_and_characters_across_windows_are_counted_once() {
        // Every place of a word, a wide letter, a wide space and a wide mark against
        // the 64-byte windows.
        for pieces in [
            ["é", " "],
            ["x", "\u{a0}"],
            ["中", "\u{3000}"],
            ["1", " "],
            ["ab", "\u{202f}"],
            ["–", " "],
        ] {
            for lead in 0..70 {
                let text = format!("{}{}{}{}", "9".repeat(lead), pieces[0], pieces[1], "b c");
                assert_eq!(lettered_words(&text), reference(&text), "{text:?}");
                let text = format!("{}{}{}", " ".repeat(lead), pieces[0].repeat(40), pieces[1]);
                assert_eq!(lettered_words(&text), reference(&text), "{text:?}");
            }
        }
    }

    #[cfg(target_arch = "x86_64")]
    #[test]
    fn characters_told_by_their_first_bytes_are_what_the_standard_library_says() {
        use super::{wide_character, Class};
        for c in ('\u{80}'..='\u{24F}').chain('\u{2000}'..='\u{20CF}') {
            let text = format!("{c}x");
            let (width, class) = wide_character(&text, 0);
            assert_eq!(width, c.len_utf8(), "{c:?}");
            let expected = if c.is_whitespace() {
                "space"
            } else if c.is_alphabetic() {
                "letter"
            } else {
                "other"
            };
            let told = match class {
                Class::Space => "space",
                Class::Letter => "letter",
                Class::Other => "other",
            };
            assert_eq!(told, expected, "{c:?}");
        }
    }

    #[test]
    fn words_are_counted_between_any_white_space_up_to_a_bound() {
        for text in [
            "Mr Sok (Cambodia)",
            "  Le\u{a0}Président\u{3000}de la  Conférence ",
            "施女士（中国）",
            "",
        ] {
            let words = text.split_whitespace().count();
            for max in 0..6 {
                assert_eq!(more_words_than(text, max), words > max, "{text:?} {max}");
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn the_count_is_split_whitespace_with_a_letter(
            text in "[a-zé9 \u{a0}\u{3000}\u{85}\u{2028}\n\t–中’.x×µ]{0,300}"
        ) {
            proptest::prop_assert_eq!(lettered_words(&text), reference(&text));
            let words = text.split_whitespace().count();
            for max in [0, 1, 5, 12, 40] {
                proptest::prop_assert_eq!(more_words_than(&text, max), words > max);
            }
        }
    }
}
