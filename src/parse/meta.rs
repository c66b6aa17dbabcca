//! What a report says about itself: symbol, title, issuing body, session number, place,
//! dates and agenda. Everything here is read from the cover (the lines before the first
//! heading or paragraph), from running headers, or from the unit that adopts the agenda.

use std::collections::HashMap;
use std::sync::LazyLock;

use regex::Regex;

use super::layout::{is_furniture, join_lines, Line, Vocabulary};
use super::lexicon;
use super::ordinal::parse_ordinal;

static SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"\b[A-Z][A-Z0-9]*(?:\([0-9A-Za-z]+\))?(?:/[A-Za-z0-9]+(?:\.\s?[A-Za-z0-9]+)*(?:\([0-9A-Za-z]+\))?)+")
        .unwrap()
});

/// A symbol as written, made canonical: `CAT/C/SR. 229` -> `CAT/C/SR.229`.
pub fn normalize_symbol(text: &str) -> String {
    text.trim().replace(". ", ".")
}

/// The document symbol: the one the running headers repeat, else the one on the cover,
/// else `None` (the caller falls back to the file name).
pub fn detect_symbol(lines: &[Line]) -> Option<String> {
    let content: Vec<&str> = lines
        .iter()
        .map(Line::trimmed)
        .filter(|l| !l.is_empty())
        .collect();
    let mut scores: HashMap<String, usize> = HashMap::new();
    for (i, trimmed) in content.iter().enumerate() {
        // Every symbol has a slash: the pattern only runs on lines that do.
        if !trimmed.contains('/') {
            continue;
        }
        for found in SYMBOL.find_iter(trimmed) {
            let symbol = normalize_symbol(found.as_str());
            if !symbol.contains('/') || !symbol.chars().any(|c| c.is_ascii_digit()) {
                continue;
            }
            let rest = format!("{}{}", &trimmed[..found.start()], &trimmed[found.end()..]);
            let alone = rest
                .split_whitespace()
                .all(|t| t.chars().all(|c| c.is_ascii_digit()));
            // A running header stands alone on its line, next to a page or job number.
            let neighbours = &content[i.saturating_sub(2)..(i + 3).min(content.len())];
            let furniture: Vec<&&str> = neighbours
                .iter()
                .filter(|l| **l != *trimmed && is_furniture(l, None))
                .collect();
            let near_job_number = furniture
                .iter()
                .any(|l| l.chars().any(|c| c.is_ascii_alphabetic()));
            let score = match (alone, near_job_number, !furniture.is_empty(), i < 12) {
                (true, true, _, _) => 8,
                (true, false, true, _) => 4,
                (true, false, false, _) | (false, _, _, true) => 2,
                _ => 0,
            };
            *scores.entry(symbol).or_default() += score;
        }
    }
    scores
        .into_iter()
        .filter(|(_, score)| *score >= 2)
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(&a.0)))
        .map(|(symbol, _)| symbol)
}

/// The first line of a title ("Report of …", "Compte rendu analytique …").
pub static TITLE_START: LazyLock<Regex> =
    LazyLock::new(|| lexicon::starts_with_any(&lexicon::all(|w| w.report_title)));
static HELD_AT_LINE: LazyLock<Regex> =
    LazyLock::new(|| lexicon::starts_with_any(&lexicon::all(|w| w.held_at)));
static BODY_IN_TITLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Draft report|Projet de rapport|Report|Rapport|Informe|Proyecto de informe)\s+(?:of the|of|du|de la|de l’|de l'|des|del|de)\s+(.+?)(?:\s+(?:sur (?:les travaux de )?sa|on (?:the work of )?its|à sa|at its|sobre (?:la labor realizada en )?su|en su)\b.*)?$").unwrap()
});

/// The title: the cover's "Report of …" / "Rapport du …" lines, else its first line.
pub fn detect_title(
    cover: &[&str],
    blank_separates: bool,
    vocabulary: &Vocabulary,
) -> Option<String> {
    let start = cover.iter().position(|l| TITLE_START.is_match(l.trim()))?;
    let mut parts = vec![cover[start]];
    for line in &cover[start + 1..] {
        let line = line.trim();
        if line.is_empty() {
            if blank_separates {
                break;
            }
            continue;
        }
        // "Vice-President and Rapporteur: Mr. X (Egypt)" is a label and its value, not
        // more of the title.
        let labelled = line
            .split_once(": ")
            .is_some_and(|(label, _)| label.split_whitespace().count() <= 4);
        if labelled || HELD_AT_LINE.is_match(line) {
            break;
        }
        let last = parts.last().map_or("", |l| l.trim());
        if parts.len() >= 5 || !(blank_separates || continues_heading(last, line)) {
            break;
        }
        parts.push(line);
    }
    let title = join_lines(parts, vocabulary);
    Some(title.trim_end_matches(['*', ' ']).to_string())
}

/// Function words of every language that leave a heading line unfinished.
static OPEN_ENDINGS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::all(|w| w.open_endings));

/// Whether `next` continues a heading or title whose last line is `last`: the heading
/// is visibly unfinished (open parenthesis, trailing article or preposition, comma), or
/// the next line starts in lower case.
pub fn continues_heading(last: &str, next: &str) -> bool {
    let opens = last.matches('(').count() > last.matches(')').count();
    let last_word = last
        .rsplit(' ')
        .next()
        .unwrap_or("")
        .to_lowercase()
        .replace('\'', "’");
    let trailing_apostrophe = last.ends_with('’') || last.ends_with('\'');
    opens
        || trailing_apostrophe
        || OPEN_ENDINGS.contains(&last_word.as_str())
        || last.ends_with(',')
        || last.ends_with('-')
        || next.starts_with(|c: char| c.is_lowercase() || c == '(')
}

static SESSION_WORD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b(?:{})\b", lexicon::pattern(|w| w.session)))
        .expect("valid session pattern")
});

/// The session number: an ordinal before "session" in the title or on the cover.
pub fn detect_session(texts: &[&str]) -> Option<u32> {
    const SKIPPED: [&str; 6] = [
        "ordinary", "regular", "special", "resumed", "annual", "plenary",
    ];
    for text in texts {
        for found in SESSION_WORD.find_iter(text) {
            let before: Vec<&str> = text[..found.start()]
                .split_whitespace()
                .rev()
                .skip_while(|w| SKIPPED.contains(&w.to_lowercase().as_str()))
                .take(6)
                .collect();
            // The longest run of words right before "session" that reads as an ordinal.
            for n in (1..=before.len()).rev() {
                let phrase: Vec<&str> = before[..n].iter().rev().copied().collect();
                let phrase = phrase.join(" ");
                let phrase = phrase.trim_start_matches(|c: char| !c.is_alphanumeric());
                if let Some(number) = parse_ordinal(phrase) {
                    return Some(number);
                }
            }
        }
    }
    None
}

/// The issuing body: the cover line above the session line ("Human Rights Council" above
/// "Forty-third session"), else what the title names ("Rapport du Conseil …").
pub fn detect_body(cover: &[&str], title: Option<&str>) -> Option<String> {
    let content: Vec<&str> = cover
        .iter()
        .map(|l| l.trim())
        .filter(|l| !l.is_empty())
        .collect();
    for (i, line) in content.iter().enumerate().skip(1) {
        let is_session_line =
            line.split_whitespace().count() <= 6 && detect_session(&[line]).is_some();
        if is_session_line && !TITLE_START.is_match(line) {
            let above = content[i - 1];
            if above.split_whitespace().count() <= 8 && !above.chars().any(|c| c.is_ascii_digit()) {
                return Some(above.to_string());
            }
        }
    }
    let captures = BODY_IN_TITLE.captures(title?)?;
    Some(captures[1].trim().to_string())
}

// Bounds on runs of letters are checked in code, not written in the patterns: a bounded
// repeat of a Unicode class (`[\p{L} ]{0,60}`) compiles to that many copies of the class,
// and these two cost 27 ms of every process that parses.
/// The most characters of the ordinal in "held its twenty-ninth session".
const ORDINAL_CHARS_AT_MOST: usize = 60;
/// The most characters of a place on a cover line ("Bangkok, 27–29 novembre 2024").
const PLACE_CHARS_AT_MOST: usize = 41;

static HELD_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:a tenu|held|celebró)\s+(?:sa|its|su)\s+(?P<ordinal>[\p{L}\- ]*?)(?:session|período de sesiones)\s+(?:à|au|en|at|in)\s+(?P<place>[^,.;]+?),?\s+(?:les?|du|from|on|del?|los días)\s+(?P<dates>[^.;]*?\d{4})").unwrap()
});
static DATE_RANGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\d{1,2}(?:er)?(?:\s+\p{L}+)?(?:\s+\d{4})?\s*[–-]\s*\d{1,2}(?:er)?\s+\p{L}+\s+\d{4}$",
    )
    .unwrap()
});
static PLACE_AND_DATES: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(\p{Lu}[\p{L} \-]+),\s+(\d{1,2}(?:er)?(?:\s*[–-]\s*\d{1,2}(?:er)?)?\s.*\d{4})$")
        .unwrap()
});
static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(19[5-9]\d|20\d\d)\b").unwrap());

/// Place and dates of the session, where the report states them.
pub fn detect_place_and_dates(cover: &[&str], full_text: &str) -> (Option<String>, Option<String>) {
    let held = HELD_AT
        .captures_iter(full_text)
        .find(|c| c["ordinal"].chars().count() <= ORDINAL_CHARS_AT_MOST);
    if let Some(c) = held {
        return (
            Some(c["place"].trim().to_string()),
            Some(c["dates"].trim().to_string()),
        );
    }
    for line in cover.iter().map(|l| l.trim()) {
        if let Some(c) = PLACE_AND_DATES.captures(line) {
            if c[1].chars().count() <= PLACE_CHARS_AT_MOST {
                return (Some(c[1].to_string()), Some(c[2].to_string()));
            }
        }
        if DATE_RANGE.is_match(line) {
            return (None, Some(line.to_string()));
        }
    }
    (None, None)
}

/// The session's year: from its dates, else the latest year on the cover.
pub fn detect_year(dates: Option<&str>, cover: &[&str]) -> Option<i32> {
    let year_in = |text: &str| {
        YEAR.find_iter(text)
            .filter_map(|m| m.as_str().parse().ok())
            .max()
    };
    dates
        .and_then(year_in)
        .or_else(|| cover.iter().filter_map(|l| year_in(l)).max())
}

static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b(?:{})\b", lexicon::pattern(|w| w.meeting)))
        .expect("valid meeting pattern")
});

/// The meeting a summary record covers: an ordinal before "meeting" / "séance" in its
/// title ("Summary record of the 229th meeting", "Compte rendu analytique de la 12e
/// séance"); `None` unless the report is a summary record.
pub fn detect_meeting(texts: &[&str]) -> Option<u32> {
    let records = lexicon::all(|w| w.summary_record);
    let is_record = texts.iter().any(|t| {
        let lower = t.to_lowercase();
        records.iter().any(|r| lower.contains(&r.to_lowercase()))
    });
    if !is_record {
        return None;
    }
    texts.iter().find_map(|text| {
        let found = MEETING.find(text)?;
        let before = text[..found.start()].split_whitespace().next_back()?;
        let after = text[found.end()..].split_whitespace().next();
        // "229th meeting", or "séance 12" / "meeting No. 12" after the word.
        parse_ordinal(before).or_else(|| {
            after
                .map(|a| a.trim_matches(|c: char| !c.is_ascii_digit()))
                .and_then(|a| a.parse().ok())
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::layout::split_lines;

    #[test]
    fn place_and_dates_from_the_text_or_the_cover_within_their_bounds() {
        let held = "Le Conseil d’administration a tenu sa vingt-neuvième session à Bangkok, les 27 et 28 novembre 2024.";
        assert_eq!(
            detect_place_and_dates(&[], held),
            (
                Some("Bangkok".into()),
                Some("27 et 28 novembre 2024".into())
            )
        );
        // An "ordinal" of a paragraph's length is not one.
        let rambling = format!(
            "It held its {} session in Geneva on 3 May 2020.",
            "very ".repeat(20)
        );
        assert_eq!(detect_place_and_dates(&[], &rambling), (None, None));
        assert_eq!(
            detect_place_and_dates(
                &[
                    "Incheon, République de Corée",
                    "Bangkok, 27–29 novembre 2024"
                ],
                ""
            ),
            (Some("Bangkok".into()), Some("27–29 novembre 2024".into()))
        );
        let long_place = format!(
            "{}, 27–29 novembre 2024",
            "Un lieu au nom démesurément long qui n’en finit pas"
        );
        assert_eq!(
            detect_place_and_dates(&[long_place.as_str()], ""),
            (None, None)
        );
    }

    #[test]
    fn symbols_are_normalised() {
        assert_eq!(normalize_symbol("CAT/C/SR. 229"), "CAT/C/SR.229");
    }

    #[test]
    fn the_symbol_repeated_in_running_headers_wins_over_symbols_cited_in_the_text() {
        let text = "Report of the Committee\n\nThe Committee considered (E/ESCAP/CTI(2)/5) and E/ESCAP/CTI(2)/6.\n\
                    filler\nfiller\nfiller\nfiller\nfiller\nfiller\nfiller\nfiller\nfiller\nfiller\n\
                    E/ESCAP/CTI(2)/7\n3 text\nE/ESCAP/CTI(2)/7\n";
        let lines = split_lines(text);
        assert_eq!(detect_symbol(&lines).as_deref(), Some("E/ESCAP/CTI(2)/7"));
        let spaced = split_lines("CAT/C/SR. 229\nSummary record\n");
        assert_eq!(detect_symbol(&spaced).as_deref(), Some("CAT/C/SR.229"));
        assert_eq!(detect_symbol(&split_lines("no symbol here\n")), None);
    }

    #[test]
    fn session_numbers_in_french_and_english() {
        assert_eq!(
            detect_session(&["travaux de sa vingtième session"]),
            Some(20)
        );
        assert_eq!(detect_session(&["sa vingt et unième session"]), Some(21));
        assert_eq!(detect_session(&["Forty-third session"]), Some(43));
        assert_eq!(detect_session(&["its 20th session"]), Some(20));
        assert_eq!(
            detect_session(&["quatre-vingt-unième session ordinaire"]),
            Some(81)
        );
        assert_eq!(
            detect_session(&["the seventy-eighth regular session"]),
            Some(78)
        );
        assert_eq!(detect_session(&["the session was opened"]), None);
        assert_eq!(
            detect_session(&["Cuadragésimo tercer período de sesiones"]),
            Some(43)
        );
    }

    #[test]
    fn body_from_the_cover_or_the_title() {
        let cover = [
            "United Nations",
            "Human Rights Council",
            "Forty-third session",
            "Report of the Working Group",
        ];
        assert_eq!(
            detect_body(&cover, None).as_deref(),
            Some("Human Rights Council")
        );
        let title =
            "Rapport du Conseil d’administration du Centre sur les travaux de sa vingtième session";
        assert_eq!(
            detect_body(&[title], Some(title)).as_deref(),
            Some("Conseil d’administration du Centre")
        );
    }

    #[test]
    fn meeting_numbers_of_summary_records() {
        assert_eq!(
            detect_meeting(&["Summary record of the 229th meeting"]),
            Some(229)
        );
        assert_eq!(
            detect_meeting(&["Compte rendu analytique de la 12e séance"]),
            Some(12)
        );
        assert_eq!(detect_meeting(&["Report of the 3rd meeting"]), None);
    }
}
