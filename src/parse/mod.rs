//! Text as PDF extractors leave it -> a [`Report`] of citable, attributed units.
//!
//! The stages, in the order the data flows, each in its own module and each taking the
//! previous one's result:
//! 1. [`layout`]: lines, page furniture, blank lines, hyphenation; [`contents`] marks the
//!    contents list so no later stage mistakes it for headings;
//! 2. [`meta`]: symbol (which also marks the running headers), title, body, session,
//!    meeting, place, dates;
//! 3. [`outline`]: parts, chapters with their numbers, sections, annexes, decisions,
//!    adopted texts, meeting marks;
//! 4. [`units`]: the numbering of paragraphs chosen, lines gathered into units under
//!    their heading path;
//! 5. [`agenda`]: the agenda found and each unit's item given, with the rule that did;
//! 6. [`speakers`]: who speaks in each unit; in a meeting record, [`turns`] (marked
//!    before the units are cut) says it for every unit of a turn.
//!
//! The words of the genre in each language are data, in [`lexicon`]; [`ordinal`] reads
//! numbers written in words. The parser is written for the genre, not for one report.

pub mod agenda;
pub mod contents;
pub mod layout;
pub mod lexicon;
pub mod meta;
pub mod ordinal;
pub mod outline;
pub mod speakers;
pub mod turns;
pub mod units;
pub mod words;

use crate::countries::Countries;
use crate::model::{Report, Unit, UnitKind};
use layout::{blank_lines_separate_blocks, join_lines, normalize, split_lines, Vocabulary};
use units::RawUnit;

/// Parses the text of one report. `file_name` names the symbol when the text does not.
pub fn parse_report(text: &str, file_name: &str) -> Report {
    let text = normalize(text);
    let mut lines = split_lines(&text);
    let mut symbols = meta::masthead_symbols(&lines);
    if symbols.is_empty() {
        symbols.extend(meta::detect_symbol(&lines));
    }
    for symbol in &symbols {
        layout::mark_running_headers(&mut lines, symbol);
    }
    contents::mark_contents(&mut lines);
    let blank_separates = blank_lines_separate_blocks(&lines);
    let content = || lines.iter().filter(|l| l.is_text()).map(|l| l.text);
    let vocabulary = Vocabulary::from_lines(content());
    let mut roles = outline::classify(&lines, blank_separates);
    let countries = Countries::get();
    let body_start = meta::masthead_end(&lines, blank_separates);
    let turns = turns::mark(&lines, &mut roles, countries, body_start);
    let skeleton = units::build(&lines, &mut roles, blank_separates, &vocabulary, body_start);
    let mut warnings = Vec::new();

    let raw_units = skeleton.units;
    if !raw_units.iter().any(|u| u.kind.is_numbered()) {
        warnings.push(
            "no numbered paragraphs found: the text is cut into blocks at blank lines".to_string(),
        );
    }
    warnings.extend(numbering_gaps(&raw_units));

    let agenda = agenda::find(&lines, &roles, &raw_units, &skeleton.cover, &vocabulary);
    let speeches = if !turns.is_empty() {
        Speeches::Turns(&turns)
    } else if meta::is_summary_record(&skeleton.cover) {
        Speeches::Statements
    } else {
        Speeches::Attributed
    };
    let mut units: Vec<Unit> = raw_units
        .iter()
        .map(|raw| finish_unit(raw, &vocabulary, countries, speeches))
        .collect();
    if matches!(speeches, Speeches::Statements) {
        speakers::continue_statements(&mut units);
    }
    let unit_turns: Vec<Option<usize>> = raw_units.iter().map(|raw| raw.turn).collect();
    turns::pair_translations(&mut units, &unit_turns, &turns);
    agenda::assign(&mut units, &raw_units, &agenda);
    let (words, coverage) = coverage(&lines, &skeleton.places, &units);
    if coverage < MIN_COVERAGE {
        warnings.push(format!(
            "only {:.1} % of the text's words are in units: some of the report cannot be found",
            coverage * 100.0
        ));
    }

    let cover = skeleton.cover;
    let title = meta::detect_title(&cover, blank_separates, &vocabulary);
    let mut session_sources: Vec<&str> = title.iter().map(String::as_str).collect();
    session_sources.extend(&cover);
    let session = meta::detect_session(&session_sources);
    let meeting = if turns.is_empty() {
        meta::detect_meeting(&session_sources, false)
    } else {
        let opening = turns::opening_lines(&lines, &roles, meta::MASTHEAD_LINES);
        meta::detect_meeting(&[session_sources.as_slice(), &opening].concat(), true)
    };
    let body = meta::detect_body(&cover, title.as_deref());
    let full_text: String = units
        .iter()
        .map(|u| u.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let (place, dates) = meta::detect_place_and_dates(&cover, &full_text);
    let masthead_year = meta::masthead_date(&lines).map(|(_, year)| year);
    let year = meta::detect_year(masthead_year, dates.as_deref());
    let language = if turns.is_empty() {
        detect_language(&full_text)
    } else {
        speech_languages(&mut units)
    };

    if symbols.is_empty() {
        let stem = file_name.split('.').next().unwrap_or(file_name).to_string();
        warnings.push(format!(
            "no document symbol in the text: using the file name {stem:?}"
        ));
        symbols.push(stem);
    }
    if let Some(report) = meta::report_of_part(&symbols[0]) {
        if !symbols.contains(&report) {
            symbols.push(report);
        }
    }
    if units.is_empty() {
        warnings.push("no text found in the report".to_string());
    }
    Report {
        symbol: symbols[0].clone(),
        symbols,
        language,
        title,
        body,
        session,
        place,
        dates,
        year,
        meeting,
        agenda: agenda.items,
        paragraphs: units,
        coverage,
        words,
        warnings,
    }
}

/// Below this share of its words in units, a report is said to have lost text.
pub const MIN_COVERAGE: f64 = 0.99;

/// The words on the text's lines (furniture aside), and the share of them that are in
/// the units' texts or their headings, each heading counted where it opens.
fn coverage(lines: &[layout::Line], places: &[units::Place], units: &[Unit]) -> (usize, f64) {
    let on_lines: usize = lines
        .iter()
        .zip(places)
        .filter(|(_, place)| !matches!(place, units::Place::Furniture | units::Place::Blank))
        .map(|(line, place)| {
            let text = line.trimmed();
            // The first half of a word broken at the line's end is counted with its
            // second half, as the joined text has it; a unit's label is its kind and
            // number, not its text.
            let broken = usize::from(text.ends_with('-') && !text.ends_with(" -"));
            let label = match place {
                units::Place::Labelled(label) => words::lettered_words(label),
                _ => 0,
            };
            words::lettered_words(text).saturating_sub(broken + label)
        })
        .sum();
    if on_lines == 0 {
        return (0, 1.0);
    }
    // A heading is counted where it opens: where a unit's heading path parts from the
    // one before it.
    let mut path: &[String] = &[];
    let mut kept = 0;
    for unit in units {
        kept += words::lettered_words(&unit.text);
        let same = path
            .iter()
            .zip(&unit.section)
            .take_while(|(a, b)| a == b)
            .count();
        kept += unit.section[same..]
            .iter()
            .map(|h| words::lettered_words(h))
            .sum::<usize>();
        path = &unit.section;
    }
    (on_lines, (kept as f64 / on_lines as f64).min(1.0))
}

/// Warnings for a paragraph numbering that starts past 1 or skips numbers, per part of
/// the report (body, part, annex).
fn numbering_gaps(units: &[RawUnit]) -> Vec<String> {
    let mut warnings = Vec::new();
    let mut last: Option<(&Option<String>, Option<u32>, u32)> = None;
    for unit in units.iter().filter(|u| u.kind == UnitKind::Paragraph) {
        let place = match &unit.annex {
            Some(annex) => format!("annex {annex}"),
            None => unit
                .part
                .map_or("the body".to_string(), |p| format!("part {p}")),
        };
        let same_part = last.filter(|(annex, part, _)| **annex == unit.annex && *part == unit.part);
        match same_part {
            Some((_, _, number)) if unit.number > number + 1 => warnings.push(format!(
                "paragraph numbering in {place} skips from {number} to {}",
                unit.number
            )),
            Some(_) => {}
            None if unit.number > 1 => warnings.push(format!(
                "paragraph numbering in {place} starts at {}, not 1",
                unit.number
            )),
            None => {}
        }
        last = Some((&unit.annex, unit.part, unit.number));
    }
    warnings
}

/// Refuses a year later than the file's own time as the report's: a report is not dated
/// after it was written. Says so in the report's warnings.
pub fn refuse_future_year(report: &mut Report, modified: std::time::SystemTime) {
    /// Days from 1970 in a year, on average (leap years included).
    const SECONDS_PER_YEAR: u64 = 31_556_952;
    let Ok(since_epoch) = modified.duration_since(std::time::UNIX_EPOCH) else {
        return;
    };
    let file_year = 1970 + (since_epoch.as_secs() / SECONDS_PER_YEAR) as i32;
    if let Some(year) = report.year.filter(|&y| y > file_year) {
        report.year = None;
        report.warnings.push(format!(
            "the report's date says {year}, after the file's own time ({file_year}): no year is kept"
        ));
    }
}

/// How a report says who speaks in it.
#[derive(Clone, Copy)]
enum Speeches<'t> {
    /// A record of speeches: each turn's heading names its speaker.
    Turns(&'t [turns::Turn]),
    /// A summary record: a paragraph's first words name the speaker of a statement
    /// that may go on over the next paragraphs.
    Statements,
    /// A report: each paragraph's first sentence names whoever spoke in it.
    Attributed,
}

fn finish_unit(
    raw: &RawUnit,
    vocabulary: &Vocabulary,
    countries: &Countries,
    speeches: Speeches,
) -> Unit {
    let text = join_lines(raw.lines.iter().copied(), vocabulary);
    let mentions = countries.find_in(&text);
    let speakers = match speeches {
        // In a record of speeches, what is outside every turn is the record's own (its
        // masthead, "In the absence of the President, Mr. Rai (Nepal) … took the
        // Chair"): nobody speaks in it.
        Speeches::Turns(turns) => raw
            .turn
            .and_then(|t| turns.get(t))
            .map(|turn| turn.speaker.iter().cloned().collect())
            .unwrap_or_default(),
        _ if !raw.kind.is_running_text() => Vec::new(),
        Speeches::Statements => speakers::statement_opening(&text, &mentions, countries),
        Speeches::Attributed => speakers::find_speakers_with(&text, &mentions, countries),
    };
    Unit {
        annex: raw.annex.clone(),
        kind: raw.kind,
        number: raw.number,
        act: raw.act.clone(),
        part: raw.part,
        section: raw.headings.iter().map(|h| h.text.clone()).collect(),
        agenda_item: None,
        agenda_title: None,
        agenda_rule: None,
        speakers,
        printed: raw.printed.clone(),
        translation_of: None,
        translated_as: None,
        language: None,
        countries: crate::countries::distinct_codes(&mentions),
        text,
    }
}

/// A meeting record's units each in their own language, and the record's language: the
/// one most of its text is in. A unit too short to tell takes the language of the unit
/// before it (the same speech, mostly).
fn speech_languages(units: &mut [Unit]) -> String {
    /// Fewer characters than this, and whatlang guesses.
    const MIN_DETECTED_CHARS: usize = 120;
    let mut chars_by_language: Vec<(String, usize)> = Vec::new();
    let mut previous: Option<String> = None;
    for unit in units.iter_mut().filter(|u| u.kind.is_running_text()) {
        let chars = unit.text.chars().count();
        let language = if chars >= MIN_DETECTED_CHARS {
            Some(detect_language(&unit.text)).filter(|l| l != "und")
        } else {
            None
        }
        .or_else(|| previous.clone());
        if let Some(language) = &language {
            match chars_by_language.iter_mut().find(|(l, _)| l == language) {
                Some((_, total)) => *total += chars,
                None => chars_by_language.push((language.clone(), chars)),
            }
        }
        unit.language = language.clone();
        previous = language;
    }
    let majority = chars_by_language
        .iter()
        .max_by_key(|(_, chars)| *chars)
        .map_or_else(|| "und".to_string(), |(l, _)| l.clone());
    for unit in units.iter_mut() {
        if unit.language.as_deref() == Some(majority.as_str()) {
            unit.language = None;
        }
    }
    majority
}

/// The languages a report is told apart among: the UN's six and the others the index
/// names (see `analyze::LANGUAGES`). Naming them makes detection several times cheaper
/// than trying whatlang's seventy, and a report in none of them was never going to be
/// analysed as its own language anyway.
const DETECTED_LANGUAGES: [whatlang::Lang; 9] = [
    whatlang::Lang::Fra,
    whatlang::Lang::Eng,
    whatlang::Lang::Spa,
    whatlang::Lang::Rus,
    whatlang::Lang::Ara,
    whatlang::Lang::Cmn,
    whatlang::Lang::Deu,
    whatlang::Lang::Por,
    whatlang::Lang::Ita,
];

/// What whatlang reads of `text`: all of a short text; of a long one, a few windows
/// spread over it, so that what most of it is in decides. A report's first page alone
/// may be a list of names in another language (the French names of the organisations
/// whose reports an English note lists). whatlang needs a few hundred words at most to
/// tell the UN's languages apart, and its cost grows with what it reads.
fn language_sample(text: &str) -> std::borrow::Cow<'_, str> {
    const WINDOWS: usize = 3;
    const WINDOW_CHARS: usize = 300;
    if text.chars().nth(WINDOWS * WINDOW_CHARS).is_none() {
        return text.into();
    }
    let window_at = |start: usize| {
        let mut start = start;
        while !text.is_char_boundary(start) {
            start += 1;
        }
        let rest = &text[start..];
        match rest.char_indices().nth(WINDOW_CHARS) {
            Some((end, _)) => &rest[..end],
            None => rest,
        }
    };
    (0..WINDOWS)
        .map(|k| window_at(text.len() * (2 * k + 1) / (2 * WINDOWS)))
        .collect::<Vec<_>>()
        .join("\n")
        .into()
}

/// ISO 639-1 code of the text's language where there is one, else ISO 639-3; `und` when
/// whatlang cannot tell.
pub fn detect_language(text: &str) -> String {
    static DETECTOR: std::sync::OnceLock<whatlang::Detector> = std::sync::OnceLock::new();
    let detector =
        DETECTOR.get_or_init(|| whatlang::Detector::with_allowlist(DETECTED_LANGUAGES.to_vec()));
    let sample = language_sample(text);
    let Some(info) = detector.detect(&sample) else {
        return "und".to_string();
    };
    let code = info.lang().code();
    match code {
        "fra" => "fr",
        "eng" => "en",
        "spa" => "es",
        "rus" => "ru",
        "ara" => "ar",
        "cmn" => "zh",
        "deu" => "de",
        "por" => "pt",
        "ita" => "it",
        other => other,
    }
    .to_string()
}

#[cfg(test)]
mod tests {
    use super::detect_language;

    #[test]
    fn a_long_texts_language_is_what_most_of_it_is_in() {
        // An English note whose first page lists organisations by their French names.
        let names = "Action pour la protection des droits de l’homme en Mauritanie ........ 6 \
                     Agence pour le développement intégré au Congo ........ 12 \
                     Alliance des femmes pour l’égalité et le genre en Guinée ........ 13 ";
        let body = "The organization works to promote the rights of women and children in \
                    rural areas, and it reported on the activities it carried out during the \
                    period under review, in cooperation with the Economic and Social Council. ";
        let note = format!("{}{}", names.repeat(6), body.repeat(30));
        assert_eq!(detect_language(&note), "en");
        assert_eq!(detect_language(&names.repeat(6)), "fr");
        assert_eq!(detect_language(body), "en");
    }
}
