//! Contents lists, found in the layout stage: a "Contents" / "Table des matières" /
//! "Índice" / "Содержание" heading and the entries after it (dot leaders, a page number or
//! a paragraph range, "Paragraphs Page" column heads, entries wrapped over several lines),
//! or a run of dot-leader entries with no heading. A contents list repeats the report's
//! headings ("I. Organizational matters ........ 7", "Annex") without being them, so its
//! lines are marked and no later stage reads them as a heading, an annex or a unit.

use std::sync::LazyLock;

use regex::Regex;

use super::layout::Line;
use super::lexicon;

/// How many lines of one entry may come before the line that carries its leader and
/// page number: a title wrapped over three lines is common, more is running text.
const MAX_WRAPPED_LINES: usize = 3;
/// Dot-leader lines in a row that make a contents list even without a heading; two could
/// be a table of figures, three is a list.
const MIN_ENTRIES_WITHOUT_HEADING: usize = 3;

/// A dot leader (". . . ." or "......" or "…") and what may follow it: page number,
/// paragraph range, both.
static LEADER_ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:\.\s?){4,}|…{2,}|(?:\s\.){3,}").expect("valid leader pattern")
});
/// An entry laid out in columns without leaders: text, then a page number or a
/// paragraph range and a page number, far to the right; or, where the extractor closed
/// the columns up, text then a paragraph range and a page ("Other matters 10–11 4"), or
/// a title then its page ("List of documents 5").
static COLUMN_ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\p{L}.*(?:\S\s{2,}\d{1,4}(?:\s*[–-]\s*\d{1,4})?(?:\s{2,}\d{1,4})?|\s\d{1,4}\s*[–-]\s*\d{1,4}\s+\d{1,4}|[\p{L})]\s\d{1,3})$",
    )
    .expect("valid column pattern")
});
static HEADING: LazyLock<Regex> = LazyLock::new(|| {
    let headings = lexicon::all(|w| w.contents);
    let columns = lexicon::all(|w| w.contents_columns);
    Regex::new(&format!(
        r"(?i)^(?:{})(?:\s+(?:{}))*\s*$",
        lexicon::alternation(&headings),
        lexicon::alternation(&columns)
    ))
    .expect("valid contents heading pattern")
});
static COLUMN_HEADS: LazyLock<Regex> = LazyLock::new(|| {
    let columns = lexicon::all(|w| w.contents_columns);
    Regex::new(&format!(
        r"(?i)^(?:(?:{})\s*)+$",
        lexicon::alternation(&columns)
    ))
    .expect("valid column heads pattern")
});

/// "Table of contents  Paragraphs  Page" is the longest heading line worth a pattern.
const MAX_HEADING_BYTES: usize = 80;

/// Whether a line has a dot leader; the pattern runs only where dots ("..", ". .") or an
/// ellipsis are.
pub fn has_leader(text: &str) -> bool {
    const ELLIPSIS: &[u8] = "…".as_bytes();
    let bytes = text.as_bytes();
    // One vectorised pass for dots and the ellipsis's first byte.
    let cue = memchr::memchr2_iter(b'.', ELLIPSIS[0], bytes).any(|at| {
        let here = &bytes[at..];
        here.starts_with(b"..") || here.starts_with(b". .") || here.starts_with(ELLIPSIS)
    });
    cue && LEADER_ENTRY.is_match(text)
}

/// Marks the lines of every contents list in `lines` (furniture already marked).
pub fn mark_contents(lines: &mut [Line]) {
    let mut i = 0;
    while i < lines.len() {
        if lines[i].furniture || lines[i].is_blank() {
            i += 1;
            continue;
        }
        let text = lines[i].trimmed();
        let with_heading = text.len() <= MAX_HEADING_BYTES && HEADING.is_match(text);
        if with_heading || has_leader(text) {
            let from = if with_heading { i + 1 } else { i };
            let (mut last, entries) = extent(lines, from, with_heading);
            if with_heading && entries == 0 {
                // A summary record's "Contents": the titles of the items taken up, with
                // neither leaders nor pages, one block up to the blank line.
                last = titles_block(lines, from).unwrap_or(last);
            }
            let enough = if with_heading {
                last > i
            } else {
                entries >= MIN_ENTRIES_WITHOUT_HEADING
            };
            if enough {
                for line in &mut lines[i..=last] {
                    line.contents = !line.furniture && !line.is_blank();
                }
                i = last + 1;
                continue;
            }
        }
        i += 1;
    }
}

/// The last line of a block of titles that starts at `from` and ends at a blank line: a
/// few lines, none of them a numbered paragraph or a sentence.
fn titles_block(lines: &[Line], from: usize) -> Option<usize> {
    /// A contents list of titles only is short; a longer block is running text.
    const MAX_TITLE_LINES: usize = 8;
    let first = (from..lines.len()).find(|&j| !lines[j].is_blank() && !lines[j].furniture)?;
    let mut last = None;
    for (j, line) in lines.iter().enumerate().skip(first) {
        if line.is_blank() {
            break;
        }
        let text = line.trimmed();
        let numbered = text
            .split_once('.')
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        if numbered || text.ends_with(['.', ';', ':']) || j - first >= MAX_TITLE_LINES {
            return None;
        }
        last = Some(j);
    }
    last
}

/// The last line of the contents list whose entries start at `from`, and how many
/// entries it has.
fn extent(lines: &[Line], from: usize, with_heading: bool) -> (usize, usize) {
    let mut last = from.saturating_sub(1);
    let mut entries = 0;
    let mut pending = 0;
    for (j, line) in lines.iter().enumerate().skip(from) {
        if line.furniture || line.is_blank() {
            continue;
        }
        let text = line.trimmed();
        let is_entry = has_leader(text) || (with_heading && COLUMN_ENTRY.is_match(text));
        if is_entry || (with_heading && COLUMN_HEADS.is_match(text)) {
            entries += usize::from(is_entry);
            last = j;
            pending = 0;
        } else {
            pending += 1;
            if pending > MAX_WRAPPED_LINES {
                break;
            }
        }
    }
    (last, entries)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::layout::split_lines;

    fn marked(text: &str) -> Vec<bool> {
        let mut lines = split_lines(text);
        mark_contents(&mut lines);
        lines
            .iter()
            .filter(|l| !l.is_blank())
            .map(|l| l.contents)
            .collect()
    }

    #[test]
    fn a_contents_list_with_wrapped_entries_and_an_annex_line_is_marked_to_its_last_entry() {
        let text = "Contents\n                          Paragraphs   Page\n\
            I. Organizational matters ............ 1–52   3\n\
            II. Annual report of the High Commissioner and\n   reports of the Office ........ 53–58   7\n\
            Annex\n   Composition of the delegation ............   20\n\n\
            I. Organizational matters\n1. The Council met.\n";
        assert_eq!(
            marked(text),
            [true, true, true, true, true, true, true, false, false]
        );
    }

    #[test]
    fn a_french_table_des_matieres_in_columns_without_leaders() {
        let text = "Table des matières\nParagraphes Pages\n\
            I. Questions d’organisation     1–10    3\n\
            II. Travaux du Conseil     11–40    5\n\n\
            I. Questions d’organisation\n1. Le Conseil s’est réuni.\n";
        assert_eq!(marked(text), [true, true, true, true, false, false]);
    }

    #[test]
    fn leader_lines_without_a_heading_need_a_run() {
        let three = "I. One ........ 3\nII. Two ........ 5\nIII. Three ....... 9\n1. Text.\n";
        assert_eq!(marked(three), [true, true, true, false]);
        let one = "The total ........ 3\n1. Text.\n";
        assert_eq!(marked(one), [false, false]);
    }

    #[test]
    fn a_summary_records_contents_are_the_titles_up_to_the_blank_line() {
        let text = "Contents\nConsideration of reports submitted by States parties (continued)\n\
            Initial report of Sierra Leone\n\nThe meeting was called to order at 10 a.m.\n";
        assert_eq!(marked(text), [true, true, true, false]);
    }

    #[test]
    fn leaders_of_dots_spaced_dots_and_ellipses_are_all_leaders() {
        for line in [
            "II. Travaux du Conseil ........ 5",
            "II. Travaux du Conseil . . . . . 5",
            "II. Travaux du Conseil ………… 5",
        ] {
            assert!(has_leader(line), "{line}");
        }
        for line in [
            "II. Travaux du Conseil. 5",
            "Le Conseil a pris note... du rapport.",
        ] {
            assert!(!has_leader(line), "{line}");
        }
    }

    #[test]
    fn a_heading_alone_is_not_a_contents_list() {
        assert_eq!(
            marked("Contents\n1. The contents of the report were noted.\n"),
            [false, false]
        );
    }
}
