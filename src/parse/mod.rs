//! Text as PDF extractors leave it -> a [`Report`] of citable, attributed units.
//!
//! The stages, each in its own module: [`layout`] (lines, page furniture, rejoining
//! wrapped and hyphenated lines), [`meta`] (symbol, title, body, session, agenda),
//! [`structure`] (annexes, headings, decisions, the numbering of paragraphs),
//! [`speakers`] (who speaks in each unit) and [`ordinal`] (session numbers in words).
//! The parser is written for the genre, not for one report: see each module's rules.

pub mod layout;
pub mod meta;
pub mod ordinal;
pub mod speakers;
pub mod structure;

use crate::countries::Countries;
use crate::model::{Report, Unit, UnitKind};
use layout::{blank_lines_separate_blocks, join_lines, normalize, split_lines, Vocabulary};
use structure::RawUnit;

/// Parses the text of one report. `file_name` names the symbol when the text does not.
pub fn parse_report(text: &str, file_name: &str) -> Report {
    let text = normalize(text);
    let mut lines = split_lines(&text);
    let symbol = meta::detect_symbol(&lines);
    if let Some(symbol) = &symbol {
        layout::mark_running_headers(&mut lines, symbol);
    }
    let blank_separates = blank_lines_separate_blocks(&lines);
    let content = || {
        lines
            .iter()
            .filter(|l| !l.furniture)
            .map(|l| l.text.as_str())
    };
    let vocabulary = Vocabulary::from_lines(content());
    let skeleton = structure::build(&lines, blank_separates, &vocabulary);
    let mut warnings = Vec::new();

    let numbered = skeleton.units.iter().any(|u| u.kind != UnitKind::Block);
    let raw_units = if numbered {
        skeleton.units
    } else {
        warnings.push(
            "no numbered paragraphs found: the text is cut into blocks at blank lines".to_string(),
        );
        let all: Vec<String> = content().map(String::from).collect();
        structure::fallback_blocks(&all, blank_separates)
    };

    let countries = Countries::get();
    let mut units: Vec<Unit> = raw_units
        .iter()
        .map(|raw| finish_unit(raw, &vocabulary, countries))
        .collect();

    let cover: Vec<&str> = skeleton.cover.iter().map(String::as_str).collect();
    let title = meta::detect_title(&cover, blank_separates, &vocabulary);
    let mut session_sources: Vec<&str> = title.iter().map(String::as_str).collect();
    session_sources.extend(&cover);
    let session = meta::detect_session(&session_sources);
    let body = meta::detect_body(&cover, title.as_deref());
    let full_text: String = units
        .iter()
        .map(|u| u.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let (place, dates) = meta::detect_place_and_dates(&cover, &full_text);
    let year = meta::detect_year(dates.as_deref(), &cover);
    let language = detect_language(&full_text);

    let agenda = raw_units
        .iter()
        .zip(&units)
        .find(|(_, unit)| {
            meta::introduces_agenda(
                unit.text
                    .get(..unit.text.len().min(400))
                    .unwrap_or(&unit.text),
            )
        })
        .map(|(raw, _)| {
            let lines: Vec<&str> = raw.lines.iter().skip(1).map(String::as_str).collect();
            meta::parse_agenda(&lines, &vocabulary)
        })
        .unwrap_or_default();
    for unit in &mut units {
        unit.agenda_title = unit
            .agenda_item
            .and_then(|n| agenda.iter().find(|a| a.number == n))
            .map(|a| a.title.clone());
    }

    let symbol = symbol.unwrap_or_else(|| {
        let stem = file_name.split('.').next().unwrap_or(file_name).to_string();
        warnings.push(format!(
            "no document symbol in the text: using the file name {stem:?}"
        ));
        stem
    });
    if units.is_empty() {
        warnings.push("no text found in the report".to_string());
    }
    Report {
        symbol,
        language,
        title,
        body,
        session,
        place,
        dates,
        year,
        agenda,
        paragraphs: units,
        warnings,
    }
}

fn finish_unit(raw: &RawUnit, vocabulary: &Vocabulary, countries: &Countries) -> Unit {
    let text = join_lines(raw.lines.iter().map(String::as_str), vocabulary);
    let mentions = countries.find_in(&text);
    Unit {
        annex: raw.annex.clone(),
        kind: raw.kind,
        number: raw.number,
        section: raw.section.clone(),
        agenda_item: raw.agenda_item,
        agenda_title: None,
        speakers: speakers::find_speakers_with(&text, &mentions, countries),
        countries: crate::countries::distinct_codes(&mentions),
        text,
    }
}

/// ISO 639-1 code of the text's language where there is one, else ISO 639-3; `und` when
/// whatlang cannot tell.
pub fn detect_language(text: &str) -> String {
    let sample = match text.char_indices().nth(3_000) {
        Some((end, _)) => &text[..end],
        None => text,
    };
    let Some(info) = whatlang::detect(sample) else {
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
        other => other,
    }
    .to_string()
}
