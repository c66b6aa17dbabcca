//! The text as a PDF extractor leaves it: lines, page furniture, blank lines, wrapped and
//! hyphenated words. This module turns raw text into [`Line`]s marked as furniture or
//! content, and joins content lines back into clean running text.

use std::sync::LazyLock;

use regex::Regex;
use rustc_hash::FxHashSet;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

/// One line of the source, with what the layout pass decided about it.
#[derive(Debug, Clone)]
pub struct Line<'t> {
    /// The line without its trailing white space, in the normalised text.
    pub text: &'t str,
    /// Where the text starts past the indentation (every stage asks for the line trimmed,
    /// several times over).
    indent: usize,
    /// Page header, footer, job number, rule… : never part of a unit.
    pub furniture: bool,
    /// A line of a contents list (see [`super::contents`]): never a heading or a unit.
    pub contents: bool,
}

impl<'t> Line<'t> {
    /// The line without leading or trailing white space.
    pub fn trimmed(&self) -> &'t str {
        &self.text[self.indent..]
    }

    /// A line with nothing on it.
    pub fn is_blank(&self) -> bool {
        self.indent == self.text.len()
    }

    /// Whether the line belongs to the report's running text (neither furniture nor a
    /// contents list).
    pub fn is_text(&self) -> bool {
        !self.furniture && !self.contents
    }
}

/// What [`normalize`] replaces, and with what: one kind of line break (a CR before an LF
/// goes, a lone CR or a form feed becomes one), one kind of space (tab, no-break, narrow
/// and thin spaces), no soft hyphens or byte-order marks.
const REPLACED: [(&str, &str); 9] = [
    ("\r\n", "\n"),
    ("\r", "\n"),
    ("\u{c}", "\n"),
    ("\t", " "),
    ("\u{a0}", " "),
    ("\u{202f}", " "),
    ("\u{2009}", " "),
    ("\u{ad}", ""),
    ("\u{feff}", ""),
];

/// The searcher for [`REPLACED`]: a vectorised scan, so the text between two
/// replacements (nearly all of it) costs a fraction of a byte test per byte.
static REPLACEMENTS: LazyLock<aho_corasick::AhoCorasick> = LazyLock::new(|| {
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .build(REPLACED.map(|(from, _)| from))
        .expect("the replacements build an automaton")
});

/// Unicode NFC (extractors emit decomposed accents), one kind of line break and of space,
/// no soft hyphens or bidirectional marks, form feeds as line breaks.
pub fn normalize(text: &str) -> String {
    let composed: String;
    let text = if is_nfc(text) {
        text
    } else {
        composed = text.nfc().collect();
        &composed
    };
    let replaced = REPLACEMENTS.replace_all(text, &REPLACED.map(|(_, to)| to));
    without_bidi_controls(replaced)
}

/// The bidirectional marks, embeddings and isolates a text layer puts around
/// right-to-left runs: invisible, and in the way of every pattern.
const BIDI_CONTROLS: [char; 9] = [
    '\u{200e}', '\u{200f}', '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}',
    '\u{2069}',
];

/// `text` without [`BIDI_CONTROLS`]. A control between two letters or digits ends one
/// directional run and starts the next (`لليونسكو\u{202c}UIS`, `الأهداف\u{202c}٢٠١٥`): the
/// runs are words of their own, so it becomes a space; elsewhere it goes. Looked for
/// first, one control at a time with a vectorised search (most texts have none; in the
/// replacements' automaton they cost a quarter of the parse, as their first bytes are
/// those of ’ and «).
fn without_bidi_controls(text: String) -> String {
    let present = BIDI_CONTROLS.iter().any(|c| {
        let mut buffer = [0; 4];
        memchr::memmem::find(text.as_bytes(), c.encode_utf8(&mut buffer).as_bytes()).is_some()
    });
    if !present {
        return text;
    }
    let mut kept = String::with_capacity(text.len());
    let mut run_ended = false;
    for c in text.chars() {
        if BIDI_CONTROLS.contains(&c) {
            run_ended = true;
            continue;
        }
        if run_ended
            && c.is_alphanumeric()
            && kept.chars().next_back().is_some_and(char::is_alphanumeric)
        {
            kept.push(' ');
        }
        run_ended = false;
        kept.push(c);
    }
    kept
}

/// Whether `text` is in NFC, by the quick check. ASCII is NFC and resets the check's
/// state (a starter with no combining class), so only the runs of other characters
/// between ASCII bytes are checked: the same answer as checking the whole text, without
/// decoding the ASCII that is most of every report.
fn is_nfc(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut at = 0;
    while let Some(offset) = first_non_ascii(&bytes[at..]) {
        let start = at + offset;
        let end = bytes[start..]
            .iter()
            .position(u8::is_ascii)
            .map_or(bytes.len(), |length| start + length);
        if is_nfc_quick(text[start..end].chars()) != IsNormalized::Yes {
            return false;
        }
        at = end;
    }
    true
}

/// Where the first byte outside ASCII is, eight bytes at a time.
fn first_non_ascii(bytes: &[u8]) -> Option<usize> {
    const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
    let words = bytes.chunks_exact(8);
    let tail = words.remainder();
    for (i, word) in words.enumerate() {
        let high = u64::from_le_bytes(word.try_into().unwrap_or_default()) & HIGH_BITS;
        if high != 0 {
            return Some(i * 8 + high.trailing_zeros() as usize / 8);
        }
    }
    let checked = bytes.len() - tail.len();
    tail.iter().position(|b| !b.is_ascii()).map(|i| checked + i)
}

static JOB_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:[A-Z]{1,3}\.?)?\d{2}-\d{4,6}(?:\s*\([A-Z]\))?$").unwrap());
static BARCODE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\*\d{5,}\*$").unwrap());
static RULE: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^[_\-–—=*•.\s]{5,}$").unwrap());
static PAGE_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:page|p\.)\s*\d{1,4}(?:\s*(?:/|of|sur|de)\s*\d{1,4})?$").unwrap()
});
static DASHED_PAGE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[-–]\s*\d{1,4}\s*[-–]$").unwrap());
static MASTHEAD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:distr\.?\s*:?\s*(?:general|générale|generale|limited|limitée|restricted|restreinte|réservée)|original\s*:\s*\p{L}+(?:\s*(?:/|and|et)\s*\p{L}+)*|english only|french only)\s*$").unwrap()
});

/// Splits normalised text into lines and marks the page furniture: running headers with
/// the document symbol, page numbers, job numbers (`B24-00459`, `GE.19-21936(E)`),
/// barcodes, rules of underscores, "Distr.: General" and "Original: English" lines.
pub fn split_lines(text: &str) -> Vec<Line<'_>> {
    lines_of(text)
        .map(|raw| {
            let text = raw.trim_end();
            let indent = text.len() - text.trim_start().len();
            let furniture = is_furniture(&text[indent..], None);
            Line {
                text,
                indent,
                furniture,
                contents: false,
            }
        })
        .collect()
}

/// The lines of `text`, as [`str::lines`] gives them (without their `\n` or `\r\n`, no
/// empty last line), found by a vectorised byte search.
fn lines_of(text: &str) -> impl Iterator<Item = &str> {
    let ends = memchr::memchr_iter(b'\n', text.as_bytes()).chain(std::iter::once(text.len()));
    let mut start = 0;
    ends.filter_map(move |end| {
        // What follows a final line end is no line.
        if start == text.len() && end == text.len() {
            return None;
        }
        let line = &text[start..end];
        start = end + 1;
        // As `str::lines`: a carriage return goes only before a line feed.
        if end < text.len() {
            Some(line.strip_suffix('\r').unwrap_or(line))
        } else {
            Some(line)
        }
    })
}

/// Marks as furniture the lines that are running headers carrying `symbol`, once the
/// symbol is known (the other kinds of furniture do not depend on it).
pub fn mark_running_headers(lines: &mut [Line], symbol: &str) {
    let prefix: String = symbol.chars().take_while(|c| *c != '/').collect();
    let finder = memchr::memmem::Finder::new(prefix.as_bytes());
    for line in lines
        .iter_mut()
        .filter(|l| !l.furniture && finder.find(l.text.as_bytes()).is_some())
    {
        line.furniture = is_furniture(line.trimmed(), Some(symbol));
    }
}

/// Whether `line` is the symbol `symbol` alone, as a running header prints it. Most
/// lines are told apart by their first letter, before the line is normalised.
fn is_symbol_alone(line: &str, symbol: &str) -> bool {
    let line = line.trim();
    line.len() >= symbol.len()
        && line.as_bytes().first() == symbol.as_bytes().first()
        && super::meta::normalize_symbol(line) == symbol
}

/// Whether a trimmed line is page furniture; with `symbol`, running headers count too.
pub fn is_furniture(line: &str, symbol: Option<&str>) -> bool {
    if line.is_empty() {
        return false;
    }
    // Furniture is short (its parts may stand far apart: "174      GE.12-17781"), and has
    // no lower-case letter but in the masthead words.
    const MAX_FURNITURE_CHARS: usize = 90;
    if line.len() > MAX_FURNITURE_CHARS
        && line.split_whitespace().map(str::len).sum::<usize>() > MAX_FURNITURE_CHARS
    {
        return false;
    }
    // A running header is the symbol alone, which may have lower case ("(Part III)").
    if symbol.is_some_and(|s| is_symbol_alone(line, s)) {
        return true;
    }
    if line.chars().any(char::is_lowercase) {
        let masthead = [
            "Distr", "DISTR", "Original", "ORIGINAL", "Page", "page", "p.", "English", "French",
        ];
        return masthead.iter().any(|m| line.starts_with(m))
            && (MASTHEAD.is_match(line) || PAGE_WORD.is_match(line));
    }
    if RULE.is_match(line)
        || MASTHEAD.is_match(line)
        || PAGE_WORD.is_match(line)
        || DASHED_PAGE.is_match(line)
    {
        return true;
    }
    // A line made only of page numbers, job numbers, barcodes, print dates and the symbol.
    let tokens: Vec<&str> = split_furniture_tokens(line);
    let mut has_marker = false;
    let mut numbers = 0;
    for token in &tokens {
        let is_symbol = token.contains('/')
            && symbol.is_some_and(|s| super::meta::normalize_symbol(token) == s);
        if JOB_NUMBER.is_match(token) || BARCODE.is_match(token) || is_symbol {
            has_marker = true;
        } else if token.len() <= 6 && token.chars().all(|c| c.is_ascii_digit()) || is_page_of(token)
        {
            numbers += 1;
        } else {
            return false;
        }
    }
    has_marker || (numbers == 1 && tokens.len() == 1 && line.len() <= 3)
}

/// A page number out of the pages: "4/10".
fn is_page_of(token: &str) -> bool {
    token.split_once('/').is_some_and(|(page, of)| {
        [page, of]
            .iter()
            .all(|n| (1..=4).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
    })
}

/// Tokens of a furniture candidate; a job number's "(E)" stays with it.
fn split_furniture_tokens(line: &str) -> Vec<&str> {
    let mut tokens: Vec<&str> = Vec::new();
    for token in line.split_whitespace() {
        let language_tag = token.len() == 3 && token.starts_with('(') && token.ends_with(')');
        match tokens.last_mut() {
            Some(last) if language_tag => {
                let start = last.as_ptr() as usize - line.as_ptr() as usize;
                let end = token.as_ptr() as usize - line.as_ptr() as usize + token.len();
                *last = &line[start..end];
            }
            _ => tokens.push(token),
        }
    }
    tokens
}

/// Whether blank lines separate blocks, as in `pdftotext -layout` output, or are noise,
/// as in extractions that put a blank line after every line.
pub fn blank_lines_separate_blocks(lines: &[Line]) -> bool {
    let content: Vec<usize> = (0..lines.len()).filter(|&i| !lines[i].is_blank()).collect();
    if content.len() < 4 {
        return true;
    }
    let adjacent = content.windows(2).filter(|w| w[1] == w[0] + 1).count();
    adjacent * 4 > content.len()
}

/// What a document says about the words broken across its line ends: for each broken
/// word, whether the document elsewhere writes it whole, hyphenated, or as two words.
/// Only those few words are looked up (with one Aho-Corasick pass over the text), and
/// the broken halves themselves do not count as occurrences.
#[derive(Default)]
pub struct Vocabulary {
    known: FxHashSet<String>,
}

/// Words that keep their hyphen before any line end: "non-tariff", "sous-régional".
static ALWAYS_HYPHENATED: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| super::lexicon::all(|w| w.hyphen_prefixes));

impl Vocabulary {
    /// Collects, from `lines`, what is needed to repair the words they break.
    pub fn from_lines<'a>(lines: impl Iterator<Item = &'a str>) -> Vocabulary {
        let lines: Vec<&str> = lines.map(str::trim).filter(|l| !l.is_empty()).collect();
        if !lines.iter().any(|l| broken_tail(l).is_some()) {
            return Vocabulary::default();
        }
        // The lines are searched as they are, ASCII case folded by the automaton: lower-
        // casing every line of a report first cost more than the rest of this.
        // (line, byte range) of each half of a broken word, and the words to look up.
        let mut halves: FxHashSet<(usize, usize, usize)> = FxHashSet::default();
        let mut wanted: FxHashSet<String> = FxHashSet::default();
        for i in 0..lines.len().saturating_sub(1) {
            let Some((left_start, left_word)) = broken_tail(lines[i]) else {
                continue;
            };
            let right_len: usize = lines[i + 1]
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .map(char::len_utf8)
                .sum();
            if right_len == 0 {
                continue;
            }
            halves.insert((i, left_start, left_start + left_word.len()));
            let left = left_word.to_lowercase();
            let right = lines[i + 1][..right_len].to_lowercase();
            halves.insert((i + 1, 0, right_len));
            wanted.extend([
                format!("{left}{right}"),
                format!("{left}-{right}"),
                left,
                right,
            ]);
        }
        let mut vocabulary = Vocabulary::default();
        if wanted.is_empty() {
            return vocabulary;
        }
        let patterns: Vec<&String> = wanted.iter().collect();
        let Ok(automaton) = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(&patterns)
        else {
            return vocabulary;
        };
        for (i, line) in lines.iter().enumerate() {
            for found in automaton.find_overlapping_iter(*line) {
                let (start, end) = (found.start(), found.end());
                let before = line[..start].chars().next_back();
                let after = line[end..].chars().next();
                let bounded = !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric);
                if bounded && !halves.contains(&(i, start, end)) {
                    vocabulary
                        .known
                        .insert(patterns[found.pattern().as_usize()].clone());
                }
            }
        }
        vocabulary
    }

    /// How to join `left-` at a line end with `right` at the start of the next line:
    /// true keeps the hyphen (a compound: "recherche-développement", "non-refoulement"),
    /// false removes it (a word broken by the typesetter: "develop-ment").
    fn keeps_hyphen(&self, left: &str, right: &str) -> bool {
        if right.chars().next().is_some_and(char::is_uppercase) {
            return true;
        }
        let left = left.to_lowercase();
        let right = right.to_lowercase();
        if ALWAYS_HYPHENATED.contains(&left.as_str()) {
            return true;
        }
        if self.known.contains(&format!("{left}{right}")) {
            return false;
        }
        if self.known.contains(&format!("{left}-{right}")) {
            return true;
        }
        self.known.contains(&left) && self.known.contains(&right) && left.chars().count() > 1
    }
}

/// The word a line ends with when it ends "word-": its start and text.
fn broken_tail(line: &str) -> Option<(usize, &str)> {
    let body = line.strip_suffix('-')?;
    let start = body.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
        i + body[i..].chars().next().map_or(1, char::len_utf8)
    });
    let word = &body[start..];
    (!word.is_empty() && word.chars().all(char::is_alphabetic)).then_some((start, word))
}

/// Joins content lines into running text: one space between lines, runs of spaces
/// collapsed, words hyphenated across a line end repaired.
pub fn join_lines<'a>(lines: impl IntoIterator<Item = &'a str>, vocabulary: &Vocabulary) -> String {
    let lines = lines.into_iter();
    let mut out = String::with_capacity(lines.size_hint().0 * 80);
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            let broken = broken_tail(&out).map(|(start, word)| (start, word.len()));
            match broken {
                Some((start, len)) => {
                    let right: String = line.chars().take_while(|c| c.is_alphanumeric()).collect();
                    let left = out[start..start + len].to_string();
                    if !right.is_empty() && !vocabulary.keeps_hyphen(&left, &right) {
                        out.pop();
                    }
                }
                None => out.push(' '),
            }
        }
        push_collapsing_spaces(&mut out, line);
    }
    out
}

/// Appends a trimmed line with its runs of spaces made one: whole stretches between
/// runs are copied at once (most lines have no run at all).
fn push_collapsing_spaces(out: &mut String, trimmed: &str) {
    let mut rest = trimmed;
    while let Some(run) = rest.as_bytes().windows(2).position(|pair| pair == b"  ") {
        out.push_str(&rest[..=run]);
        rest = rest[run..].trim_start_matches(' ');
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn furniture(line: &str) -> bool {
        is_furniture(line, Some("APCTT/GC(20)/4"))
    }

    #[test]
    fn page_furniture_is_recognised() {
        for line in [
            "APCTT/GC(20)/4",
            "4 B24-00459",
            "B24-00459 4",
            "GE.19-21936(E)",
            "GE.19-21936 (E) 160120 170120",
            "174                                                                                                    GE.12-17781",
            "*1921936*",
            "_________________",
            "12",
            "Distr.: General",
            "Distr. générale",
            "Original: English",
            "Original : anglais",
            "Page 3",
            "- 7 -",
        ] {
            assert!(furniture(line), "{line}");
        }
    }

    #[test]
    fn content_is_not_furniture() {
        for line in [
            "12. Le représentant de l’Inde",
            "du 6 au 8 décembre 2024 à Tengchong (Chine).",
            "2025",
            "(APCTT/GC(20)/2).",
            "Annexe II",
            "1. Ouverture de la session :",
        ] {
            assert!(!furniture(line), "{line}");
        }
    }

    #[test]
    fn hyphenated_line_ends_are_repaired_by_what_the_document_says() {
        let document = [
            "development is key; the recherche-développement plan and non-refoulement",
            "sustainable develop-",
            "ment goals, la recherche-",
            "développement, of non-",
            "refoulement and Asie-",
            "Pacifique, informa-",
            "tion, two   spaces",
        ];
        let vocabulary = Vocabulary::from_lines(document.into_iter());
        assert_eq!(
            join_lines(document[1..].iter().copied(), &vocabulary),
            "sustainable development goals, la recherche-développement, of non-refoulement and Asie-Pacifique, information, two spaces"
        );
    }

    #[test]
    fn the_halves_of_a_broken_word_do_not_vouch_for_themselves() {
        let document = ["le dévelop-", "pement durable"];
        let vocabulary = Vocabulary::from_lines(document.into_iter());
        assert_eq!(
            join_lines(document, &vocabulary),
            "le développement durable"
        );
    }

    #[test]
    fn lines_are_cut_as_the_standard_library_cuts_them() {
        for text in [
            "",
            "a",
            "a\n",
            "a\n\n",
            "\n",
            "a\r\nb",
            "a\rb\r",
            "é\n\nà\r\n",
        ] {
            assert_eq!(
                lines_of(text).collect::<Vec<_>>(),
                text.lines().collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn decomposed_accents_and_odd_spaces_are_normalised() {
        assert_eq!(
            normalize("hydroge\u{300}ne\u{a0}vert\r\n"),
            "hydrogène vert\n"
        );
        assert_eq!(
            normalize("a\tb\rc\u{c}d\u{ad}e\u{feff}f\u{202f}g\u{2009}h – é ’"),
            "a b\nc\nde\u{0}f g h – é ’".replace('\u{0}', "")
        );
        // A combining accent after a letter outside ASCII, and composed text left as is.
        assert_eq!(normalize("\u{3b1}\u{301} ά été"), "\u{3ac} ά été");
        assert_eq!(normalize("x\u{3b1}y\u{301}"), "x\u{3b1}\u{fd}");
    }

    #[test]
    fn directional_runs_that_touch_stay_separate_words() {
        assert_eq!(
            normalize("\u{202b}( للیونسكو\u{202c}UIS) \u{202b}لعام\u{202c}\u{202c}٢٠١٥ \u{202b}ab\u{202c}."),
            "( للیونسكو UIS) لعام ٢٠١٥ ab."
        );
    }

    #[test]
    fn double_spaced_extractions_are_told_apart_from_layout_text() {
        let double: Vec<Line> = split_lines("a\n\nb\n\nc\n\nd\n\ne\n");
        assert!(!blank_lines_separate_blocks(&double));
        let layout: Vec<Line> = split_lines("a\nb\nc\n\nd\ne\nf\n");
        assert!(blank_lines_separate_blocks(&layout));
    }
}
