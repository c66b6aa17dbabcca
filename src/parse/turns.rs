//! Meeting records: the speaker headings that open turns, the labels that number a turn's
//! paragraphs, and who speaks in each turn.
//!
//! A turn opens at a speaker heading, in any language the lexicon knows: an optional
//! printed label (`12.`, `12.1`, `(12.1)` for a translation, Arabic-Indic `١٢,١`), then
//! a person (honorific, name, the State or organisation in parentheses: "Mr Herman (Czech
//! Republic)", "M. Sok (Cambodge)", "施女士（中国）"), a presiding officer ("The
//! President", "Mr President", "Le Président", "The Moderator (Mr Cole)") or a bare State
//! ("Netherlands"), optional notes on the speech's language ("(spoke in French)",
//! "(traduit de l'espagnol)"), and a colon (`:`, ` :`, `：`), the speech possibly
//! following on the same line. A labelled heading may leave out the colon. Every
//! paragraph up to the next heading (or section heading) is the turn's: its sub-labels
//! (`12.2`, `(12.2)`) open new units of the same turn.
//!
//! A text is a meeting record when it has at least [`MIN_TURNS`] speaker headings; a
//! report with one "The President:" line is not cut into turns.
//!
//! Who speaks: a presiding officer, a chair speaking as such ("(Chairperson of the
//! Credentials Committee)"), the Secretariat, IGOs and NGOs have no State; a person's
//! State is the first parenthesis that names one ("(Déléguée permanente de la Grèce)");
//! a translation printed after its original names the original's speaker, and lends the
//! original its State where the original's heading is in a script the country table
//! cannot read; each unit of such a translation is paired with the unit it translates
//! ([`pair_translations`]), so that a search shows one of them.

use std::sync::LazyLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

use super::layout::Line;
use super::lexicon;
use super::outline::Role;
use super::words::more_words_than;
use crate::countries::Countries;
use crate::model::{Speaker, Unit};

/// Speaker headings a text needs to be read as a meeting record.
pub const MIN_TURNS: usize = 3;

/// The words a heading's speaker may run to before its colon ("Mr Bhatnagar (World
/// Federation of UNESCO Clubs, Centres and Associations – WFUCA)").
const MAX_SPEAKER_WORDS: usize = 24;

/// The words of a State's name, at most ("United Kingdom of Great Britain and Northern
/// Ireland").
const MAX_STATE_NAME_WORDS: usize = 9;

/// The words of a labelled heading without a colon, at most ("30.1 Mr Hase (Japan)",
/// "1.1 The President").
const MAX_UNCOLONED_WORDS: usize = 10;

/// The words of an Arabic speaker heading, at most (an organisation's name in full).
const MAX_ARABIC_HEADING_WORDS: usize = 12;

/// The lines a section heading between two turns runs to, at most (six languages, some
/// wrapped).
const MAX_SECTION_LINES: usize = 16;
/// A roster line's label ("President", "Vice-President", "Acting President") has at most
/// this many words.
const MAX_ROSTER_LABEL_WORDS: usize = 4;

/// One turn of a meeting record.
#[derive(Debug, Clone, PartialEq)]
pub struct Turn {
    /// The label as printed, Western digits, without a final period: `12.1`, `(12.1)`.
    pub label: Option<String>,
    /// Who speaks.
    pub speaker: Option<Speaker>,
    /// Printed as a translation (a label in parentheses or a note).
    pub translation: bool,
    /// The turn it translates, when the record prints that original before it.
    pub original: Option<usize>,
}

/// A speaker heading read from a line (or a line and the next, where the extractor
/// wrapped it).
#[derive(Debug, PartialEq)]
struct SpeakerHeading {
    /// Western digits, `.` between turn and paragraph, parentheses kept: `(2.1)`.
    label: Option<String>,
    /// The speaker, as printed.
    speaker: String,
    /// Marked as a translation by a note or by a label in parentheses.
    translation: bool,
}

/// Where each turn starts and how each line of a record is read: speaker headings get
/// [`Role::Turn`], sub-labels [`Role::TurnPart`], and the lines between a speech's last
/// sentence and the next heading that close no sentence become a section heading (a
/// record prints its item headings there, often in several languages). Returns the
/// turns, indexed by [`Role::Turn`]; none (and `roles` untouched) for a text that is not
/// a meeting record.
pub fn mark(
    lines: &[Line],
    roles: &mut [Role],
    countries: &Countries,
    body_start: usize,
) -> Vec<Turn> {
    let readable = |i: usize| {
        matches!(
            roles[i],
            Role::Text | Role::Heading | Role::HeadingContinued
        )
    };
    let headings: Vec<(usize, SpeakerHeading)> = (0..lines.len())
        .filter(|&i| readable(i))
        .filter_map(|i| {
            let line = lines[i].trimmed();
            let next = lines
                .get(i + 1)
                .filter(|_| readable(i + 1))
                .map(Line::trimmed);
            speaker_heading(line, countries)
                .or_else(|| wrapped_speaker_heading(line, next?, countries))
                .map(|h| (i, h))
        })
        .collect();
    if headings.len() < MIN_TURNS {
        return Vec::new();
    }
    // "18.2 Señor Presidente: hoy, …" inside turn 18.1 addresses the chair: it is the
    // turn's next paragraph, not a new turn.
    let mut previous_label: Option<String> = None;
    let headings: Vec<(usize, SpeakerHeading)> = headings
        .into_iter()
        .filter(|(_, heading)| {
            let continues = heading
                .label
                .as_deref()
                .zip(previous_label.as_deref())
                .is_some_and(|(label, previous)| continues_turn(label, previous));
            if !continues {
                previous_label = heading.label.clone();
            }
            !continues
        })
        .collect();
    if headings.len() < MIN_TURNS {
        return Vec::new();
    }
    let headings = with_unread_openings(lines, headings, readable);
    let mut turns: Vec<Turn> = Vec::with_capacity(headings.len());
    for (index, (i, heading)) in headings.iter().enumerate() {
        roles[*i] = Role::Turn(index);
        let speaker = speaker_of(&heading.speaker, countries);
        turns.push(Turn {
            label: heading.label.clone(),
            speaker,
            translation: heading.translation,
            original: None,
        });
    }
    link_translations(&mut turns);
    let starts: Vec<usize> = headings.iter().map(|(i, _)| *i).collect();
    mark_turn_parts(lines, roles, &starts, &turns);
    // An item's heading may also come inside a turn, before its next labelled paragraph.
    let paragraph_starts: Vec<usize> = (0..lines.len())
        .filter(|&i| matches!(roles[i], Role::Turn(_) | Role::TurnPart))
        .collect();
    mark_section_headings(lines, roles, &paragraph_starts, body_start);
    turns
}

/// `headings` and, among them, the lines that open a turn by their label when their
/// speaker is not read: "5.1 The Observer for Palestine:" after turn 4 of a record that
/// labels its turns `4.1`, `4.2`. The label is the next turn's first (`5.1`, or `(5.1)`
/// for a translation), a capital follows it and a colon ends the heading; such a line's
/// speech is not the speaker's before it.
fn with_unread_openings(
    lines: &[Line],
    headings: Vec<(usize, SpeakerHeading)>,
    readable: impl Fn(usize) -> bool,
) -> Vec<(usize, SpeakerHeading)> {
    let sub_labelled = |heading: &SpeakerHeading| {
        heading
            .label
            .as_deref()
            .is_some_and(|label| label.contains('.'))
    };
    if !headings.iter().any(|(_, heading)| sub_labelled(heading)) {
        return headings;
    }
    let mut out: Vec<(usize, SpeakerHeading)> = Vec::with_capacity(headings.len());
    let ends: Vec<usize> = headings
        .iter()
        .skip(1)
        .map(|(i, _)| *i)
        .chain([lines.len()])
        .collect();
    for ((start, heading), end) in headings.into_iter().zip(ends) {
        let mut number = heading.label.as_deref().and_then(turn_number);
        out.push((start, heading));
        for (i, line) in lines.iter().enumerate().take(end).skip(start + 1) {
            let Some(previous) = number.filter(|_| readable(i)) else {
                continue;
            };
            let Some(opening) = unread_opening(line.trimmed(), previous + 1) else {
                continue;
            };
            number = Some(previous + 1);
            out.push((i, opening));
        }
    }
    out
}

/// The heading of a line that opens turn `number` by its label ("5.1 The Observer for
/// Palestine: …"), whoever its speaker.
fn unread_opening(line: &str, number: u32) -> Option<SpeakerHeading> {
    let (label, rest) = label_at_start(line)?;
    if label.trim_matches(['(', ')']) != format!("{number}.1") {
        return None;
    }
    if !rest.starts_with(char::is_uppercase) {
        return None;
    }
    let (head, _) = colon_outside_parentheses(rest)?;
    let head = head.trim_end();
    if more_words_than(head, MAX_SPEAKER_WORDS) {
        return None;
    }
    Some(SpeakerHeading {
        translation: label.starts_with('(') || notes_of(head).any(|(_, translation)| translation),
        label: Some(label),
        speaker: head.to_string(),
    })
}

/// The lines of a meeting record above its first speaker heading, at most `max`: where
/// its masthead says which meeting it records ("64th plenary meeting").
pub fn opening_lines<'t>(lines: &[Line<'t>], roles: &[Role], max: usize) -> Vec<&'t str> {
    lines
        .iter()
        .zip(roles)
        .take_while(|(_, role)| !matches!(role, Role::Turn(_)))
        .filter(|(line, _)| line.is_text())
        .map(|(line, _)| line.trimmed())
        .take(max)
        .collect()
}

/// Sub-labels of a turn's paragraphs: `2.2` after `2.1`, `(2.2)` in its translation.
fn mark_turn_parts(lines: &[Line], roles: &mut [Role], starts: &[usize], turns: &[Turn]) {
    for (k, &start) in starts.iter().enumerate() {
        let end = starts.get(k + 1).copied().unwrap_or(lines.len());
        let Some(number) = turns[k].label.as_deref().and_then(turn_number) else {
            continue;
        };
        for i in start + 1..end {
            if roles[i] != Role::Text {
                continue;
            }
            if let Some((label, _)) = label_at_start(lines[i].trimmed()) {
                if label.contains('.') && turn_number(&label) == Some(number) {
                    roles[i] = Role::TurnPart;
                }
            }
        }
    }
}

/// Lines right before a speaker heading (or a turn's labelled paragraph, `starts`), after
/// a line that ends a sentence, none of them ending one: a section heading ("General
/// policy debate (continued)", "Agenda item 125", "Report of the APX Commission on item
/// 1.3 …"). Above the first turn, the masthead
/// (up to `body_start`, see [`super::meta::masthead_end`]) is the cover's, not a heading.
fn mark_section_headings(lines: &[Line], roles: &mut [Role], starts: &[usize], body_start: usize) {
    for (k, &start) in starts.iter().enumerate() {
        let floor = if k == 0 {
            body_start.min(start)
        } else {
            starts[k - 1] + 1
        };
        let mut run: Vec<usize> = Vec::new();
        let mut closed_before = false;
        for i in (floor..start).rev() {
            match roles[i] {
                Role::Blank | Role::Furniture => continue,
                Role::Text | Role::Heading | Role::HeadingContinued => {}
                _ => {
                    closed_before = true;
                    break;
                }
            }
            let text = lines[i].trimmed();
            // A sentence's end, or a masthead's roster ("President: Mr. Yang .... (Cameroon)",
            // "Présidente : Mme Alaoui (Maroc)").
            if ends_sentence(text) || super::contents::has_leader(text) || is_roster_line(text) {
                closed_before = true;
                break;
            }
            run.push(i);
            if run.len() > MAX_SECTION_LINES {
                break;
            }
        }
        // Back at the turn before: its heading line closes the run when the speech on it
        // ends there ("6.1 The President: … We now turn to item 4.1.").
        if !closed_before && k > 0 && run.len() <= MAX_SECTION_LINES {
            closed_before = ends_sentence(lines[starts[k - 1]].trimmed());
        }
        // The first turn's speech has nothing before it to close: the text above it is
        // the record's heading when a line ending a sentence is not in the way.
        let first = run.last().copied();
        let opens_with_capital =
            first.is_some_and(|f| lines[f].trimmed().starts_with(char::is_uppercase));
        let after_speech = k == 0 || first.is_some_and(|f| f > starts[k - 1] + 1);
        if run.is_empty() || run.len() > MAX_SECTION_LINES || !opens_with_capital {
            continue;
        }
        if !(closed_before || k == 0) || !after_speech {
            continue;
        }
        run.reverse();
        roles[run[0]] = Role::Heading;
        for &i in &run[1..] {
            roles[i] = Role::HeadingContinued;
        }
    }
}

/// Whether a line ends with a sentence's (or a heading's introducing) mark.
fn ends_sentence(text: &str) -> bool {
    text.ends_with(['.', '!', '?', ':', ';'])
}

/// A masthead's roster line: a short label, a colon, and a person ("President: Ms Alaoui
/// (Morocco)", "Présidente : Mme Alaoui (Maroc)", "主席：Simataa 先生（纳米比亚）"). An item's
/// heading ("Item 3.2: Report of …") names no person.
fn is_roster_line(text: &str) -> bool {
    let Some((label, person)) = text.split_once([':', '：']) else {
        return false;
    };
    if label.trim().is_empty() || more_words_than(label, MAX_ROSTER_LABEL_WORDS) {
        return false;
    }
    let (name, _) = parts(person.trim());
    PERSON.is_match(name) || PERSON_HONORIFIC_AFTER.is_match(name)
}

/// A label at the start of a line: `12.`, `12.1`, `(12.1)`, `(12)`, `١٢,١` (Western
/// digits in the result, `.` between the numbers, parentheses kept, no final period),
/// and the rest of the line: after the white space that ends the label, or at an Arabic
/// letter right after an Arabic-Indic label. `12 Mr X`, with neither a sub-number nor a
/// period nor parentheses, is not a label. Read by hand, as each numbered paragraph of
/// every report comes here: the grammar is a few optional marks around two runs of digits.
fn label_at_start(line: &str) -> Option<(String, &str)> {
    let (open, mut rest) = if let Some(rest) = line.strip_prefix(")(") {
        // ")(16.1": a label in parentheses that a right-to-left embedding mirrored.
        (Some(true), rest)
    } else if let Some(rest) = line.strip_prefix('(') {
        (Some(false), rest)
    } else {
        (None, line)
    };
    let (number, after) = digits_at_start(rest, 3)?;
    rest = after;
    let mut sub = None;
    if let Some(after) = rest.strip_prefix(['.', ',']) {
        if let Some((digits, after)) = digits_at_start(after, 2) {
            sub = Some(digits);
            rest = after;
        }
    }
    let closed = match rest.strip_prefix(')') {
        Some(after) => {
            rest = after;
            true
        }
        None => false,
    };
    let period = match rest.strip_prefix('.') {
        Some(after) => {
            rest = after;
            true
        }
        None => false,
    };
    let after_space = rest.trim_start();
    let ended = after_space.len() < rest.len()
        || rest.is_empty()
        || rest.starts_with(|c: char| is_arabic_letter(c));
    let close = closed || open == Some(true);
    if !ended || open.is_some() != close || (sub.is_none() && !period && open.is_none()) {
        return None;
    }
    let mut label = number;
    if let Some(sub) = sub {
        label.push('.');
        label.push_str(&sub);
    }
    if open.is_some() {
        label = format!("({label})");
    }
    Some((label, after_space))
}

/// One to `max` digits, Western or Arabic-Indic, at the start of `text`: as Western
/// digits, and the rest. More than `max` is no label's number.
fn digits_at_start(text: &str, max: usize) -> Option<(String, &str)> {
    let mut digits = String::new();
    let mut end = 0;
    for c in text.chars() {
        match c {
            '0'..='9' | '٠'..='٩' => digits.push(western_digit(c)),
            _ => break,
        }
        end += c.len_utf8();
    }
    (!digits.is_empty() && digits.len() <= max).then(|| (digits, &text[end..]))
}

/// A heading or sub-labelled line without its label: the unit's first line. An Arabic
/// heading, whose label may be anywhere on the line, is kept whole.
pub fn without_label(line: &str) -> (&str, &str) {
    match label_at_start(line) {
        Some((_, rest)) => (&line[..line.len() - rest.len()], rest),
        None => ("", line),
    }
}

/// The label of a sub-labelled line ("2.2"), as [`label_at_start`] reads it.
pub fn label_of(line: &str) -> Option<String> {
    label_at_start(line).map(|(label, _)| label)
}

/// Arabic-Indic digits as Western ones.
fn western(digits: &str) -> String {
    digits.chars().map(western_digit).collect()
}

/// An Arabic-Indic digit as its Western one; any other character as it is.
fn western_digit(c: char) -> char {
    match c {
        '٠'..='٩' => char::from(b'0' + (c as u32 - '٠' as u32) as u8),
        other => other,
    }
}

/// Whether `label` numbers a later paragraph of the turn labelled `previous`: `18.2` after
/// `18.1`, `(2.3)` after `(2.1)`.
fn continues_turn(label: &str, previous: &str) -> bool {
    let sub =
        |l: &str| -> Option<u32> { l.trim_matches(['(', ')']).split_once('.')?.1.parse().ok() };
    label.starts_with('(') == previous.starts_with('(')
        && turn_number(label) == turn_number(previous)
        && sub(label).is_some_and(|k| k > 1)
}

/// The turn number of a label: 12 for `12`, `12.3`, `(12.1)`.
fn turn_number(label: &str) -> Option<u32> {
    label
        .trim_matches(['(', ')'])
        .split('.')
        .next()?
        .parse()
        .ok()
}

/// A speaker heading the extractor wrapped onto the next line, read from both: "Mr. Al
/// Nahyan (United Arab Emirates) (spoke in" / "Arabic): The United Arab Emirates…", "Ms.
/// Whitfield (United Kingdom of Great Britain and Northern" / "Ireland): …". The line
/// breaks inside the heading's brackets, or before them; the colon is on the next line.
fn wrapped_speaker_heading(
    line: &str,
    next: &str,
    countries: &Countries,
) -> Option<SpeakerHeading> {
    // Most lines end with no bracket open and the next line opens none: the cheap,
    // vectorised test first.
    if !(next.starts_with(['(', '（']) || bracket_open_at_end(line))
        || !has_colon(next)
        || has_colon(line)
        || line.ends_with(['.', ';', ',', '!', '?'])
        || more_words_than(line, MAX_SPEAKER_WORDS)
    {
        return None;
    }
    speaker_heading(&format!("{line} {next}"), countries)
}

/// Whether `text`'s last bracket is an open one: "(United Kingdom of Great Britain and
/// Northern", "(Venezuela (Bolivarian Republic of".
fn bracket_open_at_end(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memrchr(b'(', bytes)
        .is_some_and(|open| memchr::memrchr(b')', bytes).is_none_or(|close| close < open))
}

fn speaker_heading(line: &str, countries: &Countries) -> Option<SpeakerHeading> {
    // Every line of every report comes here: the cheap tests first. A heading has a
    // colon, or a label at its start (a digit or a parenthesis; Arabic-Indic digits are
    // two bytes, 0xD9 0xA0-0xA9).
    let labelled_start = line
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_digit() || b == b'(' || b == b')' || b == 0xD9);
    let colon = has_colon(line);
    if !labelled_start && !colon {
        return None;
    }
    // Without a colon, a heading is its label and the speaker alone (an Arabic one a few
    // words more): the numbered paragraphs of every report end here.
    if !colon && more_words_than(line, MAX_ARABIC_HEADING_WORDS.max(MAX_UNCOLONED_WORDS + 1)) {
        return None;
    }
    if !line.is_ascii() && may_hold_arabic(line) && line.chars().any(is_arabic_letter) {
        return arabic_heading(line);
    }
    let (label, from_speaker) = match label_at_start(line) {
        Some((label, rest)) => (Some(label), rest),
        None => (None, line),
    };
    let colon_at = if colon {
        colon_outside_parentheses(from_speaker)
    } else {
        None
    };
    let (head, speech) = match colon_at {
        Some((head, speech)) => (head.trim_end(), Some(speech.trim())),
        // Without its colon, a heading is the speaker alone: short, no sentence's end.
        None if label.is_some()
            && !more_words_than(from_speaker, MAX_UNCOLONED_WORDS)
            && !from_speaker.trim_end().ends_with(['.', ';', ',', '!', '?']) =>
        {
            (from_speaker.trim_end(), None)
        }
        None => return None,
    };
    if !head.starts_with(char::is_alphabetic) || more_words_than(head, MAX_SPEAKER_WORDS) {
        return None;
    }
    // Without a label, a heading whose speech follows on its line must be a person or an
    // officer: a bare country before a colon in running text is a list's label.
    let state_allowed = label.is_some() || speech.is_none_or(str::is_empty);
    if !is_speaker(head, countries, state_allowed) {
        return None;
    }
    let translation = label.as_deref().is_some_and(|l| l.starts_with('('))
        || notes_of(head).any(|(_, translation)| translation);
    Some(SpeakerHeading {
        label,
        speaker: head.to_string(),
        translation,
    })
}

/// The first colon not inside parentheses: `(head, after)`. By byte: the ASCII marks
/// are never inside a character of several bytes, and the full-width ones are
/// `EF BC 88`, `EF BC 89` and `EF BC 9A`.
fn colon_outside_parentheses(text: &str) -> Option<(&str, &str)> {
    let bytes = text.as_bytes();
    let mut depth = 0i32;
    for (i, &byte) in bytes.iter().enumerate() {
        let (mark, width) = match byte {
            b'(' | b')' | b':' => (byte, 1),
            0xEF if bytes.get(i + 1) == Some(&0xBC) => match bytes.get(i + 2) {
                Some(0x88) => (b'(', 3),
                Some(0x89) => (b')', 3),
                Some(0x9A) => (b':', 3),
                _ => continue,
            },
            _ => continue,
        };
        match mark {
            b'(' => depth += 1,
            b')' => depth -= 1,
            _ if depth == 0 => return Some((&text[..i], &text[i + width..])),
            _ => {}
        }
    }
    None
}

/// Whether `text` has a colon, ASCII or full-width (`EF BC 9A`), by a vectorised search
/// for the bytes that start either: a colon ends every speaker heading that has no label.
fn has_colon(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr2_iter(b':', 0xEF, bytes)
        .any(|i| bytes[i] == b':' || bytes[i + 1..].starts_with(&[0xBC, 0x9A]))
}

/// Whether `text` has a byte that starts an Arabic letter (U+0600-U+06FF are `D8`-`DB`
/// and a continuation byte, the presentation forms U+FB50-U+FEFF `EF AD`-`EF BB`): a
/// vectorised test that lets the lines of other scripts skip decoding.
fn may_hold_arabic(text: &str) -> bool {
    let bytes = text.as_bytes();
    memchr::memchr3(0xD8, 0xD9, 0xDA, bytes).is_some()
        || memchr::memchr(0xDB, bytes).is_some()
        || memchr::memchr_iter(0xEF, bytes)
            .any(|i| bytes.get(i + 1).is_some_and(|n| matches!(n, 0xAD..=0xBB)))
}

fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0600}'..='\u{06FF}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
        && c.is_alphabetic()
}

/// An Arabic speaker heading, as a text layer leaves it (visual order, presentation
/// forms, mirrored parentheses, the label anywhere on the line): an honorific and an
/// Arabic-Indic label. Its State is read from its translation, when one follows.
fn arabic_heading(line: &str) -> Option<SpeakerHeading> {
    static ARABIC_LABEL: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"([٠-٩]{1,3})(?:,([٠-٩]{1,2}))?").expect("valid Arabic label pattern")
    });
    let letters: String = line.nfkc().collect();
    let honorific = lexicon::LANGUAGES
        .iter()
        .find(|w| w.language == "ar")
        .is_some_and(|w| w.honorifics.iter().any(|h| letters.contains(h)));
    let found = ARABIC_LABEL.captures(line)?;
    // A heading is the speaker alone, their State or organisation in parentheses
    // (mirrored or not); a paragraph that greets "السيدات والسادة" is not one.
    let bracketed = letters.contains('(') && letters.contains(')');
    if !honorific || !bracketed || letters.split_whitespace().count() > MAX_ARABIC_HEADING_WORDS {
        return None;
    }
    let mut label = western(&found[1]);
    if let Some(sub) = found.get(2) {
        label.push('.');
        label.push_str(&western(sub.as_str()));
    }
    let speaker: String = letters
        .chars()
        .filter(|c| !matches!(c, '٠'..='٩' | ':' | ','))
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Some(SpeakerHeading {
        label: Some(label),
        speaker,
        translation: false,
    })
}

/// A presiding officer's heading: "The President", "Le Président par intérim", and in
/// capitals as older records and other bodies print them ("The PRESIDENT", "El
/// PRESIDENTE"); the title is group 1.
static OFFICER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:(?:{addresses})\s+(?:(?i:{articles})\s+)?|(?i:{articles})\s+)(?:(?i:{prefixes})\s*)?((?i:{officials}))(?:\s+(?i:{suffixes}))*$",
        addresses = lexicon::pattern(|w| w.addresses),
        articles = lexicon::pattern(|w| w.articles),
        prefixes = lexicon::pattern(|w| w.official_prefixes),
        officials = lexicon::pattern(|w| w.officials),
        suffixes = lexicon::pattern(|w| w.official_suffixes),
    ))
    .expect("valid officer pattern")
});
static PERSON: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:{})\s+((?:\p{{Ll}}{{1,3}}\s+)?\p{{Lu}}[\p{{L}}.’'\-]*(?:\s+[\p{{L}}.’'\-]+){{0,6}})$",
        lexicon::pattern(|w| w.honorifics)
    ))
    .expect("valid person pattern")
});
static PERSON_HONORIFIC_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^([\p{{L}}\-]+(?:\s+[\p{{L}}\-]+){{0,3}}?)\s*(?:{})$",
        lexicon::pattern(|w| w.honorifics_after)
    ))
    .expect("valid person pattern")
});
static OFFICIAL_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:(?i:{articles})\s+)?(?:(?:{prefixes})\s*)?(?:{officials})\b",
        articles = lexicon::pattern(|w| w.articles),
        prefixes = lexicon::pattern(|w| w.official_prefixes),
        officials = lexicon::pattern(|w| w.officials),
    ))
    .expect("valid official pattern")
});
static NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:{})\b",
        lexicon::pattern(|w| w.speech_notes)
    ))
    .expect("valid note pattern")
});
static TRANSLATION_NOTE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:{})\b",
        lexicon::pattern(|w| w.translation_notes)
    ))
    .expect("valid translation note pattern")
});
static ON_BEHALF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:{})\s+(?:of\s+)?(.+)$",
        lexicon::pattern(|w| w.on_behalf_of)
    ))
    .expect("valid on-behalf-of pattern")
});

/// A heading's speaker cut into the name before its first parenthesis and the
/// parentheses' contents ("Mr El-Shihy (Egypt) translation from the Arabic": the words
/// after the last parenthesis count as one more).
fn parts(head: &str) -> (&str, Vec<&str>) {
    let open = head.find(['(', '（']).unwrap_or(head.len());
    let name = head[..open].trim();
    let mut inside = Vec::new();
    let mut depth = 0;
    let mut start = open;
    let mut last_close = open;
    let from_open = head[open..].char_indices().map(|(i, c)| (open + i, c));
    for (i, c) in from_open {
        match c {
            '(' | '（' => {
                if depth == 0 {
                    start = i + c.len_utf8();
                }
                depth += 1;
            }
            ')' | '）' => {
                depth -= 1;
                if depth == 0 {
                    inside.push(head[start..i].trim());
                    last_close = i + c.len_utf8();
                }
            }
            _ => {}
        }
    }
    let trailing = head.get(last_close..).unwrap_or_default().trim();
    if !trailing.is_empty() && open < head.len() {
        inside.push(trailing);
    }
    (name, inside)
}

/// The language notes among a heading's parentheses, each with whether it marks a
/// translation.
fn notes_of(head: &str) -> impl Iterator<Item = (&str, bool)> {
    parts(head)
        .1
        .into_iter()
        .filter(|p| NOTE.is_match(p))
        .map(|p| (p, TRANSLATION_NOTE.is_match(p)))
}

/// Whether `head` names a speaker: a presiding officer ("The President", "Mr President",
/// "The Moderator (Mr Cole)"), a person ("Mr Herman (Czech Republic)", "施女士（中国）")
/// or, when `state_allowed`, a bare State ("Gambia").
fn is_speaker(head: &str, countries: &Countries, state_allowed: bool) -> bool {
    let (name, inside) = parts(head);
    if name.is_empty() || !name.starts_with(char::is_alphabetic) {
        return false;
    }
    if OFFICER.is_match(name)
        || PERSON.is_match(name)
        || PERSON_HONORIFIC_AFTER.is_match(name)
        || delegate_heading(name).is_some()
    {
        return true;
    }
    let whole_state = state_allowed
        && !more_words_than(name, MAX_STATE_NAME_WORDS)
        && inside.iter().all(|p| NOTE.is_match(p))
        && is_state_name(name, countries);
    whole_state
}

/// A heading that names a delegate by role, not by name: ("Observer", "Palestine") from
/// "The Observer for Palestine", ("représentant", "Japon") from "Le représentant du Japon".
/// Whom they speak for is a name and nothing more: "La représentante de la Malaisie
/// félicite le Centre" is a sentence.
fn delegate_heading(name: &str) -> Option<(String, String)> {
    let article = ARTICLES.iter().find_map(|article| {
        // The articles are ASCII letters and an apostrophe: compared without lower-casing.
        if !name.get(..article.len())?.eq_ignore_ascii_case(article) {
            return None;
        }
        let rest = &name[article.len()..];
        let spaced = rest.len() - rest.trim_start().len();
        (spaced > 0 || article.ends_with(['’', '\''])).then(|| article.len() + spaced)
    });
    let bare = &name[article.unwrap_or(0)..];
    let (_, spoken_for, _) = super::speakers::delegate_role(bare)?;
    if more_words_than(spoken_for, MAX_STATE_NAME_WORDS) || !capitalised_words(spoken_for) {
        return None;
    }
    super::speakers::delegate_in(bare)
}

/// The articles of every language, in lower case, longest first ("les" before "le"); an
/// elided one with either apostrophe ("l’", "l'").
static ARTICLES: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut articles: Vec<String> = lexicon::all(|w| w.articles)
        .into_iter()
        .flat_map(|a| [a.to_string(), a.replace('’', "'")])
        .collect();
    articles.sort_by_key(|a| std::cmp::Reverse(a.len()));
    articles.dedup();
    articles
});

/// The words a State's name writes in lower case: "Trinidad and Tobago", "Côte
/// d’Ivoire", "República de Moldova".
const PARTICLES: [&str; 12] = [
    "of",
    "and",
    "the",
    "de",
    "du",
    "des",
    "la",
    "le",
    "et",
    "y",
    "del",
    "d’ivoire",
];

/// Whether every word of `text` is capitalised but for a name's particles: a name, not a
/// sentence.
fn capitalised_words(text: &str) -> bool {
    text.split_whitespace().all(|w| {
        w.starts_with(|c: char| !c.is_lowercase()) || PARTICLES.contains(&w.to_lowercase().as_str())
    })
}

/// Whether `text` is a State's name and nothing more.
fn is_state_name(text: &str, countries: &Countries) -> bool {
    // A name's words are capitalised: a sentence before a colon is not looked up.
    if !capitalised_words(text) {
        return false;
    }
    let found = countries.find_in(text);
    found.len() == 1
        && !found[0].adjective
        && text[..found[0].start].trim().is_empty()
        && text[found[0].end..].trim().is_empty()
}

/// Who speaks under a heading.
pub fn speaker_of(head: &str, countries: &Countries) -> Option<Speaker> {
    let (name, inside) = parts(head);
    let inside: Vec<&str> = inside.into_iter().filter(|p| !NOTE.is_match(p)).collect();
    if let Some(officer) = OFFICER.captures(name) {
        let person = inside
            .iter()
            .find_map(|p| PERSON.captures(p).map(|c| c[1].to_string()));
        return Some(Speaker {
            country: None,
            role: Some(super::speakers::as_written_in_text(&officer[1])),
            name: person,
            organization: None,
            on_behalf_of: None,
        });
    }
    let person = PERSON
        .captures(name)
        .or_else(|| PERSON_HONORIFIC_AFTER.captures(name))
        .map(|c| c[1].to_string());
    if let (None, Some((role, spoken_for))) = (&person, delegate_heading(name)) {
        let state = countries
            .find_in(&spoken_for)
            .into_iter()
            .find(|m| !m.adjective);
        return Some(Speaker {
            country: state.as_ref().map(|m| m.code.to_string()),
            role: Some(role),
            name: None,
            organization: state.is_none().then_some(spoken_for),
            on_behalf_of: None,
        });
    }
    let Some(person) = person else {
        return is_state_name(name, countries).then(|| Speaker {
            country: countries.find_in(name).first().map(|m| m.code.to_string()),
            role: None,
            name: None,
            organization: None,
            on_behalf_of: None,
        });
    };
    let mut speaker = Speaker {
        country: None,
        role: None,
        name: Some(person),
        organization: None,
        on_behalf_of: None,
    };
    let as_such = inside.iter().find(|p| OFFICIAL_START.is_match(p));
    for p in &inside {
        if let Some(group) = ON_BEHALF.captures(p) {
            speaker.on_behalf_of = Some(group[1].to_string());
        }
    }
    match as_such {
        // A chair speaking as such speaks for no State, whichever it comes from.
        Some(role) => speaker.role = Some(role.to_string()),
        None => {
            let state = inside
                .iter()
                .filter(|p| !ON_BEHALF.is_match(p))
                .find_map(|p| countries.find_in(p).into_iter().find(|m| !m.adjective));
            // "(Observer for the African Union)": the observer's role and organisation.
            let delegate = inside.first().and_then(|p| super::speakers::delegate_in(p));
            if let Some((role, _)) = &delegate {
                speaker.role = Some(role.clone());
            }
            match (state, delegate) {
                (Some(mention), _) => speaker.country = Some(mention.code.to_string()),
                (None, Some((_, organization))) => speaker.organization = Some(organization),
                (None, None) => speaker.organization = inside.first().map(|p| p.to_string()),
            }
        }
    }
    Some(speaker)
}

/// A translation names its original's speaker; an original whose heading gave no State
/// (a script the country table cannot read: "(Беларусь)") takes the translation's.
fn link_translations(turns: &mut [Turn]) {
    for t in 0..turns.len() {
        if !turns[t].translation {
            continue;
        }
        let label = turns[t].label.as_deref().unwrap_or_default();
        let original = label.trim_matches(['(', ')']);
        let Some(o) = (0..t)
            .rev()
            .find(|&o| !turns[o].translation && turns[o].label.as_deref() == Some(original))
        else {
            continue;
        };
        turns[t].original = Some(o);
        let translated = turns[t].speaker.clone();
        let original_speaker = &mut turns[o].speaker;
        let unread = original_speaker
            .as_ref()
            .is_none_or(|s| s.country.is_none() && s.role.is_none());
        if unread {
            if let Some(translated) = translated {
                let name = original_speaker.as_ref().and_then(|s| s.name.clone());
                *original_speaker = Some(Speaker {
                    name: name.or(translated.name.clone()),
                    ..translated
                });
            }
        }
    }
}

/// Pairs each unit of a translation printed after its original with the unit it
/// translates, and marks both ([`Unit::translation_of`], [`Unit::translated_as`]): the
/// original's unit with the same label out of parentheses (`12.2` for `(12.2)`), or,
/// for a unit the translation does not label, the one at the same place in the
/// original when both print as many units. `unit_turns` gives each unit's turn.
pub fn pair_translations(units: &mut [Unit], unit_turns: &[Option<usize>], turns: &[Turn]) {
    let mut units_of: Vec<Vec<usize>> = vec![Vec::new(); turns.len()];
    for (unit, turn) in unit_turns.iter().enumerate() {
        if let Some(list) = turn.and_then(|t| units_of.get_mut(t)) {
            list.push(unit);
        }
    }
    for (t, turn) in turns.iter().enumerate() {
        let Some(o) = turn.original else {
            continue;
        };
        let (translated, original) = (&units_of[t], &units_of[o]);
        for (place, &u) in translated.iter().enumerate() {
            let by_label = units[u].printed.as_deref().and_then(|printed| {
                let label = printed.trim_matches(['(', ')']);
                original
                    .iter()
                    .copied()
                    .find(|&v| units[v].printed.as_deref() == Some(label))
            });
            let same_place = || (translated.len() == original.len()).then(|| original[place]);
            let Some(v) = by_label.or_else(same_place) else {
                continue;
            };
            if units[v].translated_as.is_some() {
                continue;
            }
            units[u].translation_of = Some(units[v].cited_reference());
            units[v].translated_as = Some(units[u].cited_reference());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn heading(line: &str) -> Option<(Option<String>, String, bool)> {
        speaker_heading(line, Countries::get()).map(|h| (h.label, h.speaker, h.translation))
    }

    fn country(head: &str) -> Option<String> {
        speaker_of(head, Countries::get()).and_then(|s| s.country)
    }

    #[test]
    fn officers_in_capitals_and_delegates_named_by_role_open_turns() {
        let role = |head: &str| speaker_of(head, Countries::get()).and_then(|s| s.role);
        assert!(heading("1.1 The PRESIDENT: I call the meeting to order.").is_some());
        assert_eq!(role("The PRESIDENT").as_deref(), Some("President"));
        assert_eq!(role("El PRESIDENTE").as_deref(), Some("Presidente"));
        assert_eq!(
            role("Le Président par intérim").as_deref(),
            Some("Président")
        );
        assert!(heading("3.1 The Observer for Palestine: Madam President, we thank").is_some());
        assert_eq!(
            country("The Observer for Palestine").as_deref(),
            Some("PSE")
        );
        assert_eq!(country("Le représentant du Japon").as_deref(), Some("JPN"));
        assert_eq!(
            country("L'Observateur de la Palestine").as_deref(),
            Some("PSE")
        );
        // A report's numbered paragraph that opens with a delegate is a sentence.
        assert_eq!(
            heading("12. La représentante de la Malaisie félicite le Centre : il a"),
            None
        );
    }

    #[test]
    fn a_mastheads_roster_names_a_person_after_its_label() {
        for (line, roster) in [
            ("President: Ms Zohour Alaoui (Morocco)", true),
            ("Présidente : Mme Zohour Alaoui (Maroc)", true),
            ("Acting President: Mr. Kabba (Sierra Leone)", true),
            ("Item 3.2: Report of the Director-General", false),
            ("Agenda item 125 (continued)", false),
        ] {
            assert_eq!(is_roster_line(line), roster, "{line}");
        }
    }

    #[test]
    fn labels_are_read_with_their_marks_and_nothing_else_is_one() {
        let read = |line| label_at_start(line).map(|(label, rest)| (label, rest.to_string()));
        let label = |l: &str, rest: &str| Some((l.to_string(), rest.to_string()));
        assert_eq!(
            read("12. Mr Sok (Cambodia):"),
            label("12", "Mr Sok (Cambodia):")
        );
        assert_eq!(read("12.1   It is"), label("12.1", "It is"));
        assert_eq!(read("(12.1) Mme X"), label("(12.1)", "Mme X"));
        assert_eq!(read("(12) Mme X"), label("(12)", "Mme X"));
        assert_eq!(read(")(16.1 Mme X"), label("(16.1)", "Mme X"));
        assert_eq!(read("١٢,١ السيد"), label("12.1", "السيد"));
        assert_eq!(read("١٢,١السيد"), label("12.1", "السيد"));
        assert_eq!(read("7."), label("7", ""));
        // A number alone, a year, a decimal, an unclosed parenthesis: no label.
        assert_eq!(read("12 Mr X"), None);
        assert_eq!(read("2025. The year"), None);
        assert_eq!(read("12.5x"), None);
        assert_eq!(read("(12 Mr X"), None);
        assert_eq!(read("12) Mr X"), None);
        assert_eq!(read("Mr X: 12."), None);
    }

    #[test]
    fn headings_in_each_language_with_and_without_labels() {
        for (line, label, speaker) in [
            (
                "2.1        Sra. Lafuente (Paraguay):",
                Some("2.1"),
                "Sra. Lafuente (Paraguay)",
            ),
            ("12.   M. Sok (Cambodge) :", Some("12"), "M. Sok (Cambodge)"),
            (
                "42.1     Г-жа Купчина (Беларусь):",
                Some("42.1"),
                "Г-жа Купчина (Беларусь)",
            ),
            ("施女士（中国）：", None, "施女士（中国）"),
            ("64.       Gambia:", Some("64"), "Gambia"),
            ("Netherlands:", None, "Netherlands"),
            ("1.1        The President", Some("1.1"), "The President"),
            (
                "The Acting President: I now give the floor",
                None,
                "The Acting President",
            ),
            ("Le Président : Je donne la parole", None, "Le Président"),
            ("El Presidente: Tiene la palabra", None, "El Presidente"),
            ("5.   Mr President:", Some("5"), "Mr President"),
            ("٣,١ Mr X (Egypt):", Some("3.1"), "Mr X (Egypt)"),
        ] {
            let (got_label, got_speaker, _) = heading(line).unwrap_or_else(|| panic!("{line}"));
            assert_eq!(got_label.as_deref(), label, "{line}");
            assert_eq!(got_speaker, speaker, "{line}");
        }
        let (_, speaker, _) =
            heading("Mr. Maes (Luxembourg) (spoke in French): On behalf of Luxembourg, I").unwrap();
        assert_eq!(speaker, "Mr. Maes (Luxembourg) (spoke in French)");
    }

    #[test]
    fn running_text_is_not_a_heading() {
        for line in [
            "President: Mr Simataa (Namibia)",
            "later: Ms Lazaro (Philippines)",
            "The Council adopted the following agenda:",
            "3. The representative of China said that the following:",
            "Bangladesh: 12 projects were approved",
            "12 Mr X (France):",
        ] {
            assert_eq!(heading(line), None, "{line}");
        }
    }

    #[test]
    fn translations_are_marked_by_their_label_or_their_note() {
        let (label, _, translation) =
            heading("(2.1)     Mme Lafuente (Paraguay) (traduit de l’espagnol) :").unwrap();
        assert_eq!((label.as_deref(), translation), (Some("(2.1)"), true));
        let (label, _, translation) =
            heading("38.1  Mr Ramirez Aldana (Honduras) (translation from the Spanish):").unwrap();
        assert_eq!((label.as_deref(), translation), (Some("38.1"), true));
        let (_, _, translation) = heading("Mr. Maes (Luxembourg) (spoke in French):").unwrap();
        assert!(
            !translation,
            "an interpreted speech is not a printed translation"
        );
    }

    #[test]
    fn states_of_speakers_and_speakers_without_one() {
        for (head, want) in [
            ("Sra. Lafuente (Paraguay)", Some("PRY")),
            (
                "Mme Daskalaki (Déléguée permanente de la Grèce)",
                Some("GRC"),
            ),
            (
                "M. Mpinda Simão (Ministre de l’éducation de l’Angola)",
                Some("AGO"),
            ),
            (
                "Mr El-Shihy (Egypt) translation from the Arabic",
                Some("EGY"),
            ),
            ("Gambia", Some("GMB")),
            ("The President", None),
            ("The Moderator (Mr Cole)", None),
            ("M. Tharoor (Modérateur)", None),
            ("Ms Lazaro (Chairperson of the Group of 77 and China)", None),
            (
                "Ms Katagum (Nigeria) (Chairperson of the Credentials Committee)",
                None,
            ),
            ("Mr Leffler (European Union)", None),
            ("Ms Mlambo-Ngcuka (Executive Director of UN WOMEN)", None),
        ] {
            assert_eq!(country(head).as_deref(), want, "{head}");
        }
        let moderator = speaker_of("The Moderator (Mr Cole)", Countries::get()).unwrap();
        assert_eq!(
            (moderator.role.as_deref(), moderator.name.as_deref()),
            (Some("Moderator"), Some("Cole"))
        );
    }
}
