//! The text as a PDF extractor leaves it: lines, page furniture, blank lines, wrapped and
//! hyphenated words. This module turns raw text into [`Line`]s marked as furniture or
//! content, and joins content lines back into clean running text.

use std::collections::HashSet;
use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

/// One line of the source, with what the layout pass decided about it.
#[derive(Debug, Clone)]
pub struct Line {
    /// The line without its trailing white space.
    pub text: String,
    /// Page header, footer, job number, rule… : never part of a unit.
    pub furniture: bool,
}

impl Line {
    /// The line without leading or trailing white space.
    pub fn trimmed(&self) -> &str {
        self.text.trim()
    }

    /// A line with nothing on it.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// Unicode NFC (extractors emit decomposed accents), one kind of line break and of space,
/// no soft hyphens, form feeds as line breaks.
pub fn normalize(text: &str) -> String {
    let text: String = text.nfc().collect();
    text.replace("\r\n", "\n")
        .replace(['\r', '\u{c}'], "\n")
        .replace('\u{ad}', "")
        .replace(['\u{a0}', '\u{202f}', '\u{2009}', '\t'], " ")
        .replace('\u{feff}', "")
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
pub fn split_lines(text: &str, symbol: Option<&str>) -> Vec<Line> {
    text.lines()
        .map(|raw| {
            let text = raw.trim_end().to_string();
            let furniture = is_furniture(text.trim(), symbol);
            Line { text, furniture }
        })
        .collect()
}

/// Whether a trimmed line is page furniture; with `symbol`, running headers count too.
pub fn is_furniture(line: &str, symbol: Option<&str>) -> bool {
    if line.is_empty() {
        return false;
    }
    if RULE.is_match(line)
        || MASTHEAD.is_match(line)
        || PAGE_WORD.is_match(line)
        || DASHED_PAGE.is_match(line)
    {
        return true;
    }
    let compact = super::meta::normalize_symbol(line);
    if symbol.is_some_and(|s| compact == s) {
        return true;
    }
    // A line made only of page numbers, job numbers, barcodes, print dates and the symbol.
    let tokens: Vec<&str> = split_furniture_tokens(line);
    let mut has_marker = false;
    let mut numbers = 0;
    for token in &tokens {
        let is_symbol = symbol.is_some_and(|s| super::meta::normalize_symbol(token) == s);
        if JOB_NUMBER.is_match(token) || BARCODE.is_match(token) || is_symbol {
            has_marker = true;
        } else if token.len() <= 6 && token.chars().all(|c| c.is_ascii_digit()) {
            numbers += 1;
        } else {
            return false;
        }
    }
    has_marker || (numbers == 1 && tokens.len() == 1 && line.len() <= 3)
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

/// Words of a document, for deciding how to rejoin a word hyphenated across lines.
#[derive(Default)]
pub struct Vocabulary {
    words: HashSet<String>,
    hyphenated: HashSet<String>,
}

impl Vocabulary {
    /// Collects the words of `lines`, lower-cased.
    pub fn from_lines<'a>(lines: impl Iterator<Item = &'a str>) -> Vocabulary {
        let mut vocabulary = Vocabulary::default();
        let mut after_break = false;
        for line in lines {
            let tokens: Vec<&str> = line.split_whitespace().collect();
            let breaks = tokens.last().is_some_and(|t| t.ends_with('-'));
            // The halves of a word broken across lines are not words of the document.
            let first = usize::from(after_break && !tokens.is_empty());
            let last = tokens.len() - usize::from(breaks && tokens.len() > first);
            for token in &tokens[first..last] {
                vocabulary.add(token);
            }
            if !tokens.is_empty() {
                after_break = breaks;
            }
        }
        vocabulary
    }

    fn add(&mut self, token: &str) {
        let token = token.trim_matches(|c: char| !c.is_alphanumeric());
        if token.is_empty() {
            return;
        }
        let lower = token.to_lowercase();
        for word in lower
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            self.words.insert(word.to_string());
        }
        if lower.contains('-') {
            self.hyphenated.insert(lower);
        }
    }

    /// How to join `left-` at a line end with `right` at the start of the next line:
    /// true keeps the hyphen (a compound: "recherche-développement", "non-refoulement"),
    /// false removes it (a word broken by the typesetter: "develop-ment").
    fn keeps_hyphen(&self, left: &str, right: &str) -> bool {
        if right.chars().next().is_some_and(char::is_uppercase) {
            return true;
        }
        const ALWAYS_HYPHENATED: [&str; 9] = [
            "non", "self", "quasi", "ex", "cross", "sous", "vice", "demi", "mi",
        ];
        let left = left.to_lowercase();
        let right = right.to_lowercase();
        if ALWAYS_HYPHENATED.contains(&left.as_str()) {
            return true;
        }
        if self.words.contains(&format!("{left}{right}")) {
            return false;
        }
        if self.hyphenated.contains(&format!("{left}-{right}")) {
            return true;
        }
        self.words.contains(&left) && self.words.contains(&right) && left.chars().count() > 1
    }
}

/// Joins content lines into running text: one space between lines, runs of spaces
/// collapsed, words hyphenated across a line end repaired.
pub fn join_lines<'a>(lines: impl IntoIterator<Item = &'a str>, vocabulary: &Vocabulary) -> String {
    let mut out = String::new();
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if out.is_empty() {
            out.push_str(line);
            continue;
        }
        let ends_with_hyphen =
            out.ends_with('-') && out[..out.len() - 1].ends_with(char::is_alphabetic);
        if ends_with_hyphen {
            let left_start = out[..out.len() - 1]
                .rfind(|c: char| !c.is_alphanumeric())
                .map_or(0, |i| i + out[i..].chars().next().map_or(1, char::len_utf8));
            let left = out[left_start..out.len() - 1].to_string();
            let right: String = line.chars().take_while(|c| c.is_alphanumeric()).collect();
            if !right.is_empty() && !vocabulary.keeps_hyphen(&left, &right) {
                out.pop();
            }
        } else {
            out.push(' ');
        }
        out.push_str(line);
    }
    collapse_spaces(&out)
}

fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut previous_space = false;
    for ch in text.chars() {
        if ch == ' ' {
            if !previous_space {
                out.push(ch);
            }
            previous_space = true;
        } else {
            out.push(ch);
            previous_space = false;
        }
    }
    out
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
        let vocabulary = Vocabulary::from_lines(
            [
                "development is key",
                "the recherche-développement plan",
                "non-refoulement",
            ]
            .into_iter(),
        );
        assert_eq!(
            join_lines(["sustainable develop-", "ment goals"], &vocabulary),
            "sustainable development goals"
        );
        assert_eq!(
            join_lines(["la recherche-", "développement"], &vocabulary),
            "la recherche-développement"
        );
        assert_eq!(
            join_lines(["of non-", "refoulement"], &vocabulary),
            "of non-refoulement"
        );
        assert_eq!(
            join_lines(["Asie-", "Pacifique"], &vocabulary),
            "Asie-Pacifique"
        );
        assert_eq!(join_lines(["informa-", "tion"], &vocabulary), "information");
        assert_eq!(
            join_lines(["two   spaces ", "  here"], &vocabulary),
            "two spaces here"
        );
    }

    #[test]
    fn decomposed_accents_and_odd_spaces_are_normalised() {
        assert_eq!(
            normalize("hydroge\u{300}ne\u{a0}vert\r\n"),
            "hydrogène vert\n"
        );
    }

    #[test]
    fn double_spaced_extractions_are_told_apart_from_layout_text() {
        let double: Vec<Line> = split_lines("a\n\nb\n\nc\n\nd\n\ne\n", None);
        assert!(!blank_lines_separate_blocks(&double));
        let layout: Vec<Line> = split_lines("a\nb\nc\n\nd\ne\nf\n", None);
        assert!(blank_lines_separate_blocks(&layout));
    }
}
