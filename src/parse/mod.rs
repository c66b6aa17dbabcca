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
//! 6. [`speakers`]: who speaks in each unit.
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
pub mod units;

use crate::countries::Countries;
use crate::model::{Report, Unit, UnitKind};
use layout::{blank_lines_separate_blocks, join_lines, normalize, split_lines, Vocabulary};
use units::RawUnit;

/// Parses the text of one report. `file_name` names the symbol when the text does not.
pub fn parse_report(text: &str, file_name: &str) -> Report {
    let text = normalize(text);
    let mut lines = split_lines(&text);
    let symbol = meta::detect_symbol(&lines);
    if let Some(symbol) = &symbol {
        layout::mark_running_headers(&mut lines, symbol);
    }
    contents::mark_contents(&mut lines);
    let blank_separates = blank_lines_separate_blocks(&lines);
    let content = || lines.iter().filter(|l| l.is_text()).map(|l| l.text);
    let vocabulary = Vocabulary::from_lines(content());
    let mut roles = outline::classify(&lines, blank_separates);
    let skeleton = units::build(&lines, &mut roles, blank_separates, &vocabulary);
    let mut warnings = Vec::new();

    let numbered = skeleton.units.iter().any(|u| u.kind != UnitKind::Block);
    let raw_units = if numbered {
        skeleton.units
    } else {
        warnings.push(
            "no numbered paragraphs found: the text is cut into blocks at blank lines".to_string(),
        );
        // The masthead (organisation, distribution, session, agenda item) above the
        // title is the cover, not text of the report.
        let all: Vec<&str> = content().collect();
        let title_at = all
            .iter()
            .position(|l| meta::TITLE_START.is_match(l.trim()))
            .unwrap_or(0);
        units::fallback_blocks(&all[title_at..], blank_separates)
    };

    let agenda = agenda::find(&lines, &roles, &raw_units, &skeleton.cover, &vocabulary);
    let countries = Countries::get();
    let mut units: Vec<Unit> = raw_units
        .iter()
        .map(|raw| finish_unit(raw, &vocabulary, countries))
        .collect();
    agenda::assign(&mut units, &raw_units, &agenda);

    let cover = skeleton.cover;
    let title = meta::detect_title(&cover, blank_separates, &vocabulary);
    let mut session_sources: Vec<&str> = title.iter().map(String::as_str).collect();
    session_sources.extend(&cover);
    let session = meta::detect_session(&session_sources);
    let meeting = meta::detect_meeting(&session_sources);
    let body = meta::detect_body(&cover, title.as_deref());
    let full_text: String = units
        .iter()
        .map(|u| u.text.as_str())
        .collect::<Vec<_>>()
        .join("\n");
    let (place, dates) = meta::detect_place_and_dates(&cover, &full_text);
    let year = meta::detect_year(dates.as_deref(), &cover);
    let language = detect_language(&full_text);

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
        meeting,
        agenda: agenda.items,
        paragraphs: units,
        warnings,
    }
}

fn finish_unit(raw: &RawUnit, vocabulary: &Vocabulary, countries: &Countries) -> Unit {
    let text = join_lines(raw.lines.iter().copied(), vocabulary);
    let mentions = countries.find_in(&text);
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
        speakers: speakers::find_speakers_with(&text, &mentions, countries),
        countries: crate::countries::distinct_codes(&mentions),
        text,
    }
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

/// ISO 639-1 code of the text's language where there is one, else ISO 639-3; `und` when
/// whatlang cannot tell.
pub fn detect_language(text: &str) -> String {
    // whatlang needs a few hundred words at most to tell the UN's languages apart.
    const SAMPLE_CHARS: usize = 1_500;
    static DETECTOR: std::sync::OnceLock<whatlang::Detector> = std::sync::OnceLock::new();
    let detector =
        DETECTOR.get_or_init(|| whatlang::Detector::with_allowlist(DETECTED_LANGUAGES.to_vec()));
    let sample = match text.char_indices().nth(SAMPLE_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
    };
    let Some(info) = detector.detect(sample) else {
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
