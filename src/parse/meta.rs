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

/// How many non-blank lines from the top of the text the masthead and title may take.
pub const MASTHEAD_LINES: usize = 40;

/// A symbol as a masthead prints it: parts of capitals and digits (`GEGN.2`, `ES-10`,
/// `CN.4`, `GC(20)`), the suffix words of the series (`Add.1`, `Corr.1`, `Rev.1`, `Sub.2`),
/// then maybe a part or a year in parentheses or a version in brackets:
/// `A/80/15 (Part II)`, `E/ICEF/672(Première partie)`, `S/RES/2771 (2025)`,
/// `A/80/15 (Part I)/Add.1`, `JIU/REP/2025/1 [Expanded report]`.
static MASTHEAD_SYMBOL: LazyLock<Regex> = LazyLock::new(|| {
    let part = r"(?:Add|Corr|Rev|Amend|Sub|Res|Summary|Inf|Misc|Rep|Dec|[A-Z0-9]+)(?:\.\s?[A-Z0-9]+|-[0-9]+)*(?:\([0-9A-Za-z]+\))?";
    let suffix = r"(?:\s?\((?:Part|Partie|Parte)\s+[IVX0-9]+\)|\s?\(\p{L}+\s+partie\)|\s\((?:19|20)[0-9]{2}\)|\s\[[A-Z][a-z ]{1,30}\])";
    Regex::new(&format!(
        r"[A-Z][A-Z0-9]*(?:\.[A-Z0-9]+)*(?:\([0-9A-Za-z]+\))?(?:/{part})+(?:{suffix}(?:/{part})*)?"
    ))
    .expect("valid masthead symbol pattern")
});

/// What may stand beside a symbol on a masthead line: the organisation's name, the
/// words of a symbol's column.
const MASTHEAD_WORDS: [&str; 6] = [
    "United Nations",
    "Nations Unies",
    "Naciones Unidas",
    "Организация Объединенных Наций",
    "UNITED NATIONS",
    "NATIONS UNIES",
];

/// The symbols the masthead prints, in printed order: a symbol standing alone on one of
/// the text's first lines (or beside the organisation's name, a page or job number, or
/// another symbol it is joined to by a dash: `A/79/737-S/2025/43`), and the symbols
/// stacked right under it. Symbols cited in a title or a sentence are not alone on
/// their line, so they never count.
pub fn masthead_symbols(lines: &[Line]) -> Vec<String> {
    let mut symbols: Vec<String> = Vec::new();
    let mut found_at: Option<usize> = None;
    let top = lines.iter().filter(|l| !l.is_blank()).take(MASTHEAD_LINES);
    for (k, line) in top.enumerate() {
        let text = line.trimmed();
        let found = if text.contains('/') {
            symbols_alone_on(text)
        } else {
            Vec::new()
        };
        match found_at {
            _ if found.is_empty() => continue,
            // A symbol further down is a running header's or another page's.
            Some(at) if k > at + 1 => break,
            _ => {}
        }
        found_at = Some(k);
        for symbol in found {
            if !symbols.contains(&symbol) {
                symbols.push(symbol);
            }
        }
    }
    symbols
}

/// The symbols of a line that holds nothing but symbols (joined by dashes or spaces),
/// the organisation's name, and numbers.
fn symbols_alone_on(text: &str) -> Vec<String> {
    let mut rest = text.to_string();
    for words in MASTHEAD_WORDS {
        rest = rest.replace(words, " ");
    }
    let mut symbols = Vec::new();
    let mut leftover = String::new();
    let mut at = 0;
    for found in MASTHEAD_SYMBOL.find_iter(&rest) {
        let before = rest[..found.start()].chars().next_back();
        if before.is_some_and(|c| c.is_alphanumeric() || c == '/') {
            continue;
        }
        // A word glued to the symbol's end ("222EnglishPage"): the capitals before the
        // lower case are that word's, not the symbol's.
        let mut symbol = found.as_str();
        if rest[found.end()..].starts_with(char::is_lowercase) {
            symbol = symbol.trim_end_matches(|c: char| c.is_ascii_uppercase());
        }
        if !symbol.contains('/') || !symbol.chars().any(|c| c.is_ascii_digit()) {
            continue;
        }
        // A session's number before the series, as UNESCO prints them: "40 C/VR.3",
        // "219 EX/SR.2" (never before a UN series, whose session follows the slash).
        let start = match SESSION_BEFORE.find(&rest[..found.start()]) {
            Some(session) if SERIES_THEN_WORD.is_match(symbol) => session.start(),
            _ => found.start(),
        };
        leftover.push_str(&rest[at..start]);
        at = found.start() + symbol.len();
        symbols.push(normalize_symbol(&rest[start..at]));
    }
    leftover.push_str(&rest[at..]);
    let alone = leftover
        .split(|c: char| c.is_whitespace() || matches!(c, '-' | '–' | '—'))
        .filter(|t| !t.is_empty())
        .all(|t| JOB_OR_PAGE.is_match(t));
    if alone {
        symbols
    } else {
        Vec::new()
    }
}

/// A session's number right before a symbol, alone as a word: the "40 " of "40 C/VR.3".
static SESSION_BEFORE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\s)[1-9][0-9]{0,2} $").expect("valid session pattern"));

/// A series whose first part after the slash is a word, not a session: "C/VR.3",
/// "EX/SR.2", "C/INF.5" (not "A/80/15").
static SERIES_THEN_WORD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^[A-Z]{1,4}/[A-Z]").expect("valid series pattern"));

/// A token that may stand beside a masthead's symbol: a job number, a page number, a
/// barcode, a print date, a language tag.
static JOB_OR_PAGE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:\*?[0-9][0-9()A-Z.\-]*\*?|\([A-Z]\)|[A-Z]{1,2}\.[0-9\-]+)$")
        .expect("valid job number pattern")
});

/// The symbol of a report in parts without its part: `A/80/15` for `A/80/15 (Part II)`,
/// `E/ICEF/672` for `E/ICEF/672(Première partie)`; `None` when `symbol` names no part.
pub fn report_of_part(symbol: &str) -> Option<String> {
    static PART_SUFFIX: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"\s?\((?:Part|Partie|Parte)\s+[IVX0-9]+\)|\s?\(\p{L}+\s+partie\)")
            .expect("valid part suffix pattern")
    });
    let found = PART_SUFFIX.find(symbol)?;
    Some(format!(
        "{}{}",
        &symbol[..found.start()],
        &symbol[found.end()..]
    ))
}

/// Where the report's own text starts under its masthead and title: after the title
/// ("Report of …", "Letter dated …", "Summary record of …" on the first page) and the
/// lines that go with it (wrapped title lines, "Held at …", "Chair: …", the place and
/// dates); with no title, after the masthead's job number and barcode; with neither, at
/// the top. Lines above it, before any heading or paragraph, are the cover.
pub fn masthead_end(lines: &[Line], blank_separates: bool) -> usize {
    /// The masthead's job number and barcode come within these lines.
    const JOB_NUMBER_LINES: usize = 15;
    let top: Vec<usize> = (0..lines.len())
        .filter(|&i| !lines[i].is_blank())
        .take(MASTHEAD_LINES)
        .collect();
    let title = top
        .iter()
        .position(|&i| lines[i].is_text() && is_title_start(lines[i].trimmed()));
    if let Some(k) = title {
        let mut end = top[k] + 1;
        let mut last = lines[top[k]].trimmed();
        for (i, line) in lines.iter().enumerate().skip(top[k] + 1) {
            if line.furniture {
                continue;
            }
            if line.is_blank() {
                if blank_separates {
                    // A blank line ends the title's block; what labels it may follow.
                    last = "";
                }
                continue;
            }
            if !line.is_text() {
                break;
            }
            let text = line.trimmed();
            let labelled = text
                .split_once(": ")
                .is_some_and(|(label, _)| label.split_whitespace().count() <= 4);
            let goes_with = labelled
                || HELD_AT_LINE.is_match(text)
                || PLACE_AND_DATES.is_match(text)
                || DATE_RANGE.is_match(text);
            let wraps = !last.is_empty() && (blank_separates || continues_heading(last, text));
            if !(goes_with || wraps) {
                break;
            }
            end = i + 1;
            last = text;
        }
        return end;
    }
    let job_number =
        top.iter().take(JOB_NUMBER_LINES).rev().find(|&&i| {
            lines[i].furniture && lines[i].trimmed().chars().any(|c| c.is_ascii_digit())
        });
    match job_number {
        Some(&i) => i + 1,
        None => top.first().copied().unwrap_or(0),
    }
}

/// The masthead's date: the first date ("14 April 2025", "23 mai 1980") on the text's
/// top lines, page furniture included (`Distr.: General 14 April 2025`).
pub fn masthead_date(lines: &[Line]) -> Option<(u32, i32)> {
    static DATE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)(?:^|\s)([0-9]{{1,2}})(?:er|º)?\s+(?:de\s+)?({})\s+(?:de\s+)?((?:19|20)[0-9]{{2}})(?-u:\b)",
            lexicon::pattern(|w| w.months)
        ))
        .expect("valid masthead date pattern")
    });
    lines
        .iter()
        .filter(|l| !l.is_blank())
        .take(MASTHEAD_LINES / 2)
        .find_map(|l| {
            let c = DATE.captures(l.trimmed())?;
            Some((c[1].parse().ok()?, c[3].parse().ok()?))
        })
}

/// The words a title starts with ("Report of …", "Compte rendu analytique …"), in any
/// case; see [`is_title_start`].
static TITLE_START: LazyLock<Regex> =
    LazyLock::new(|| lexicon::starts_with_any(&lexicon::all(|w| w.report_title)));

/// Whether `line` can open a title: its words, and a capital first ("Report of …",
/// "REPORT OF …"). A line starting "rapport sur …" carries on a sentence.
fn is_title_start(line: &str) -> bool {
    line.starts_with(char::is_uppercase) && TITLE_START.is_match(line)
}
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
    // The title is on the first page: a "Report …" further down is a sentence's.
    let start = cover
        .iter()
        .take(MASTHEAD_LINES)
        .position(|l| is_title_start(l.trim()))?;
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
        if is_session_line && !is_title_start(line) {
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
    Regex::new(r"(?i)(?:a tenu|held|celebró)\s+(?:sa|its|su)\s+(?P<ordinal>[\p{L}\- ]*?)(?:session|período de sesiones)\s+(?:à|au|en|at|in)\s+(?P<place>[^,.;]+?),?\s+(?:les?|du|from|on|del?|los días)\s+(?P<dates>(?:\p{L}+,?\s+)?\d[^.;]*?\d{4})").unwrap()
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
static YEAR: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?-u:\b)(19[5-9][0-9]|20[0-9][0-9])(?-u:\b)").unwrap());

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

/// The report's year: its masthead's date, else its session's dates. Years cited in the
/// text ("the 2030 Agenda", "by 2050") are never the report's.
pub fn detect_year(masthead_year: Option<i32>, dates: Option<&str>) -> Option<i32> {
    masthead_year.or_else(|| {
        dates.and_then(|text| {
            YEAR.find_iter(text)
                .filter_map(|m| m.as_str().parse().ok())
                .max()
        })
    })
}

static MEETING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"(?i)\b(?:{})\b", lexicon::pattern(|w| w.meeting)))
        .expect("valid meeting pattern")
});

/// Whether the cover's lines (or the title) say the report is a summary record:
/// "Summary record of the 12th meeting", "Compte rendu analytique de la 4e séance", or a
/// line that is a record's title and its meeting and nothing before them ("Record of the
/// Third Meeting"; a "Provisional verbatim record of the 40th meeting" is not one).
pub fn is_summary_record(texts: &[&str]) -> bool {
    static SUMMARY_RECORD: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(&format!(
            r"(?i)(?:{})|^\s*(?:{})\s+\S+\s+(?:(?:{})\s+)?(?:{})\b",
            lexicon::pattern(|w| w.summary_record),
            lexicon::pattern(|w| w.record_title),
            lexicon::pattern(|w| w.meeting_qualifiers),
            lexicon::pattern(|w| w.meeting),
        ))
        .expect("valid summary record pattern")
    });
    texts.iter().any(|t| SUMMARY_RECORD.is_match(t))
}

/// The meeting a record covers: an ordinal before "meeting" / "séance" in its title
/// ("Summary record of the 229th meeting", "Compte rendu analytique de la 12e séance",
/// "64th plenary meeting", "Quatrième séance plénière"). `None` unless the report is a
/// summary record or, as `meeting_record` says, a record of speeches.
pub fn detect_meeting(texts: &[&str], meeting_record: bool) -> Option<u32> {
    if !meeting_record && !is_summary_record(texts) {
        return None;
    }
    let qualifiers = lexicon::all(|w| w.meeting_qualifiers);
    texts.iter().find_map(|text| {
        let found = MEETING.find(text)?;
        let before = text[..found.start()]
            .split_whitespace()
            .rev()
            .find(|word| !qualifiers.iter().any(|q| word.eq_ignore_ascii_case(q)));
        let after = text[found.end()..].split_whitespace().next();
        // "229th meeting", or "séance 12" / "meeting No. 12" after the word.
        before.and_then(parse_ordinal).or_else(|| {
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
        // A place's own "de" does not start its dates.
        let headquarters = "La Commission a tenu sa soixante-troisième session au Siège de l'Organisation des Nations Unies du 10 au 14 février 2025.";
        assert_eq!(
            detect_place_and_dates(&[], headquarters),
            (
                Some("Siège de l'Organisation des Nations Unies".into()),
                Some("10 au 14 février 2025".into())
            )
        );
        let weekday = "The Committee held its second session in Geneva from Monday, 4 to Friday, 8 March 2024.";
        assert_eq!(
            detect_place_and_dates(&[], weekday),
            (
                Some("Geneva".into()),
                Some("Monday, 4 to Friday, 8 March 2024".into())
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
    fn a_masthead_symbol_keeps_the_session_number_a_unesco_series_prints_before_it() {
        for (line, symbols) in [
            ("40 C/VR.3", vec!["40 C/VR.3"]),
            ("   219 EX/SR.2   ", vec!["219 EX/SR.2"]),
            ("Paris, 2019 40 C/VR.3", vec![]),
            // A page number before a UN symbol is not its session: the session follows
            // a UN series' slash.
            ("2 A/80/15", vec!["A/80/15"]),
            ("A/79/737-S/2025/43", vec!["A/79/737", "S/2025/43"]),
        ] {
            assert_eq!(symbols_alone_on(line), symbols, "{line}");
        }
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
    fn meeting_numbers_of_summary_and_verbatim_records() {
        assert_eq!(
            detect_meeting(&["Summary record of the 229th meeting"], false),
            Some(229)
        );
        assert_eq!(
            detect_meeting(&["Compte rendu analytique de la 12e séance"], false),
            Some(12)
        );
        assert_eq!(detect_meeting(&["Report of the 3rd meeting"], false), None);
        // A record's title with its meeting, without "summary": the IAEA's records.
        assert_eq!(
            detect_meeting(&["Record of the Third Meeting"], false),
            Some(3)
        );
        assert_eq!(
            detect_meeting(&["Compte rendu de la troisième séance"], false),
            Some(3)
        );
        assert!(!is_summary_record(&[
            "PROVISIONAL VERBATIM RECORD OF THE 40th MEETING"
        ]));
        assert!(!is_summary_record(&[
            "Official Records of the General Assembly"
        ]));
        // A record of speeches says which meeting in its masthead, as a verbatim record.
        let top = [
            "General Assembly",
            "Seventy-ninth session",
            "64th plenary meeting",
        ];
        assert_eq!(detect_meeting(&top, true), Some(64));
        assert_eq!(detect_meeting(&["Fourth plenary meeting"], true), Some(4));
        assert_eq!(
            detect_meeting(&["Quatrième séance plénière"], true),
            Some(4)
        );
        assert_eq!(detect_meeting(&["9800th meeting"], true), Some(9800));
        assert_eq!(detect_meeting(&["Plenary meetings"], true), None);
    }
}
