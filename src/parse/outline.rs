//! The outline stage: what each line of the running text is — a part ("Part One",
//! "Première partie"), a chapter with its number ("II. …", "Chapter II"), a section
//! ("A. …"), an annex heading, an unnumbered heading, a heading's wrapped continuation, a
//! decision ("Décision 3"), an adopted text listed by its own number ("28/1", "PRST/28/1")
//! under a chapter of resolutions, decisions or statements, a meeting's opening or closing
//! line, or plain text. Numbered paragraphs are left to [`super::units`].
//!
//! Headings are known by their numbering in sequence (chapters I, II, III restart in each
//! part and annex; sections A, B, C restart in each chapter), so "M. Bassiri" is not
//! section M and "C." continues A, B. Contents lists were marked by the layout stage and
//! are skipped here like page furniture. The words come from [`super::lexicon`].

use std::sync::LazyLock;

use aho_corasick::AhoCorasick;
use regex::Regex;

use super::layout::Line;
use super::lexicon::{self, ActKind};
use super::meta::continues_heading;
use super::ordinal::{parse_rank, roman_value};

/// What a line is.
#[derive(Debug, Clone, PartialEq)]
pub enum Role {
    /// An empty line.
    Blank,
    /// Page furniture or a contents list: not part of the text.
    Furniture,
    /// Running text (or a paragraph's first line, once [`super::units`] has chosen).
    Text,
    /// "Part One": its number.
    Part(u32),
    /// "Annex II": its numeral.
    Annex(String),
    /// "IV. Title": its number.
    Chapter(u32),
    /// "B. Title".
    Section,
    /// An unnumbered heading.
    Heading,
    /// A later line of the heading above.
    HeadingContinued,
    /// "Décision 3": its number.
    Decision(u32),
    /// An adopted text under a chapter that lists them: kind, act ("28/1"), number.
    Act(ActKind, String, u32),
    /// The first line of a numbered paragraph.
    Paragraph(u32),
    /// "The meeting was called to order at…", "La séance est levée à…": its own unit.
    MeetingMark,
    /// A meeting record's speaker heading: the index of its turn (see [`super::turns`]).
    Turn(usize),
    /// A labelled paragraph of the turn above ("12.2").
    TurnPart,
}

impl Role {
    /// Any kind of heading line.
    pub fn is_heading(&self) -> bool {
        matches!(
            self,
            Role::Part(_)
                | Role::Annex(_)
                | Role::Chapter(_)
                | Role::Section
                | Role::Heading
                | Role::HeadingContinued
        )
    }

    /// A line that starts a unit.
    pub fn starts_unit(&self) -> bool {
        matches!(
            self,
            Role::Decision(_)
                | Role::Act(..)
                | Role::Paragraph(_)
                | Role::MeetingMark
                | Role::Turn(_)
                | Role::TurnPart
        )
    }

    /// A heading whose title is on the next line when the line holds only its number.
    fn titled_below(&self) -> bool {
        matches!(self, Role::Part(_) | Role::Annex(_) | Role::Chapter(_))
    }
}

/// Headings of more than this many lines are running text that happens to follow one.
const MAX_HEADING_LINES: usize = 5;
/// Unnumbered headings are short: longer lines are a sentence.
const MAX_UNNUMBERED_HEADING_CHARS: usize = 90;
/// …and have few words.
const MAX_UNNUMBERED_HEADING_WORDS: usize = 12;
/// A heading wrapped over lines ("Consideration of reports submitted by States parties
/// under article 19 of the Convention (continued)") has more words, but not a
/// paragraph's worth.
const MAX_WRAPPED_HEADING_WORDS: usize = 40;
/// A chapter may skip one number (a chapter lost to extraction) but not jump ahead.
const MAX_CHAPTER_STEP: u32 = 2;

static ANNEX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?i:{})(?:\s+([IVXLC]+|\d{{1,2}}|[A-Z]))?\s*\*?(?:[.:]?\s*$|[.:–—-]\s+(\S.*)$)",
        lexicon::pattern(|w| w.annex)
    ))
    .expect("valid annex pattern")
});
static PART: LazyLock<Regex> = LazyLock::new(|| {
    let before = lexicon::all(|w| w.part_before);
    let after = lexicon::all(|w| w.part_after);
    let after = if after.is_empty() {
        String::new()
    } else {
        format!(r"|(\p{{L}}+|\d+)\s+(?:{})", lexicon::alternation(&after))
    };
    Regex::new(&format!(
        r"(?i)^(?:(?:{})\s+(\p{{L}}+|\d+){after})\s*(?:[.:–—-]\s*(.*))?$",
        lexicon::alternation(&before)
    ))
    .expect("valid part pattern")
});
static CHAPTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:(?i:{})\s+([IVXLC]{{1,6}}|[0-9]{{1,2}})(?-u:\b)\.?\s*(.*)|([IVXLC]{{1,6}})\.\s+(\S.*))$",
        lexicon::pattern(|w| w.chapter)
    ))
    .expect("valid chapter pattern")
});
static SECTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([A-Z])\.\s+(\p{Lu}.*)$").expect("valid section pattern"));
/// "Décision 3", "Decision 12/3: title".
pub static DECISION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?i:{})\s+(?:\d{{1,3}}/)?(\d{{1,3}})\s*(?:[:.–—-]\s*(.*))?$",
        lexicon::pattern(|w| w.decision)
    ))
    .expect("valid decision pattern")
});
/// "28/1", "14/101.", "PRST/28/1", "S-13/1" at the start of a line, then maybe a title.
pub static ACT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^((?:PRST/)?(?:S-)?(\d{1,4})/(\d{1,3}))\.?(?:\s+(\S.*))?$")
        .expect("valid act pattern")
});
static MEETING_MARK: LazyLock<Regex> = LazyLock::new(|| {
    let opened = lexicon::all(|w| w.meeting_opened);
    let rose = lexicon::all(|w| w.meeting_rose);
    let words: Vec<&str> = opened.into_iter().chain(rose).collect();
    lexicon::starts_with_any(&words)
});

/// The role of every line of `lines`.
pub fn classify(lines: &[Line], blank_separates: bool) -> Vec<Role> {
    let mut roles = classify_markers(lines);
    mark_heading_continuations(lines, &mut roles, blank_separates);
    roles
}

/// The heading's number and title when a line is a chapter: `(number, title)`.
pub fn chapter_parts(text: &str) -> Option<(u32, &str)> {
    let c = CHAPTER.captures(text)?;
    let numeral = c.get(1).or_else(|| c.get(3))?.as_str();
    let title = c.get(2).or_else(|| c.get(4)).map_or("", |m| m.as_str());
    let number = numeral.parse().ok().or_else(|| roman_value(numeral))?;
    Some((number, title))
}

/// The heading without its numbering ("II. Title" -> "Title", "Part Two: Title" ->
/// "Title", "B. Title" -> "Title").
pub fn heading_title(text: &str) -> &str {
    if let Some((_, title)) = chapter_parts(text) {
        return title;
    }
    if let Some(c) = SECTION.captures(text) {
        return c.get(2).map_or(text, |m| m.as_str());
    }
    if let Some(c) = PART.captures(text) {
        return c.get(3).map_or("", |m| m.as_str());
    }
    text
}

/// Annexes, parts, chapters (in sequence), sections (in sequence within a chapter),
/// decisions, acts under a chapter of acts, meeting marks.
fn classify_markers(lines: &[Line]) -> Vec<Role> {
    let mut roles = Vec::with_capacity(lines.len());
    let mut last_chapter = 0;
    let mut last_section: Option<u8> = None;
    let mut acts: Option<ActKind> = None;
    let mut last_act: Option<(String, u32)> = None;
    for line in lines {
        let text = line.trimmed();
        let role = if !line.is_text() {
            Role::Furniture
        } else if text.is_empty() {
            Role::Blank
        } else if !may_be_marker(text) {
            Role::Text
        } else if let Some(c) = ANNEX.captures(text) {
            last_chapter = 0;
            last_section = None;
            acts = None;
            Role::Annex(c.get(1).map_or("I", |m| m.as_str()).to_uppercase())
        } else if let Some(number) = PART
            .captures(text)
            .and_then(|c| c.get(1).or_else(|| c.get(2)))
            .and_then(|m| parse_rank(m.as_str()))
        {
            last_chapter = 0;
            last_section = None;
            acts = None;
            Role::Part(number)
        } else if let Some((n, title)) = chapter_parts(text)
            .filter(|&(n, _)| n > last_chapter && n <= last_chapter + MAX_CHAPTER_STEP)
        {
            last_chapter = n;
            last_section = None;
            acts = lexicon::act_kind(title);
            last_act = None;
            Role::Chapter(n)
        } else if let Some(letter) = SECTION.captures(text).map(|c| c[1].as_bytes()[0]) {
            // "C." and "D." are roman numerals too; a letter continues the sections.
            let expected = last_section.map_or(b'A', |s| s + 1);
            if letter == expected || letter == expected + 1 {
                last_section = Some(letter);
                Role::Section
            } else {
                Role::Text
            }
        } else if let Some(c) = DECISION.captures(text) {
            Role::Decision(c[1].parse().unwrap_or(0))
        } else if let Some(role) = acts.and_then(|kind| act(text, kind, &mut last_act)) {
            role
        } else if MEETING_MARK.is_match(text) {
            Role::MeetingMark
        } else {
            Role::Text
        };
        roles.push(role);
    }
    roles
}

/// First words of the markers that start with a word ("Annex", "Part", "Chapter",
/// "Decision"), in lower case.
static MARKER_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let fields: [fn(&lexicon::Words) -> &'static [&'static str]; 4] = [
        |w| w.annex,
        |w| w.part_before,
        |w| w.chapter,
        |w| w.decision,
    ];
    fields
        .into_iter()
        .flat_map(lexicon::all)
        .filter_map(|w| w.split_whitespace().next())
        .map(str::to_lowercase)
        .collect()
});
/// Meeting marks and "partie" in "Première partie": words a marker holds past its start.
/// As written in the lexicon and in capitals ("DEUXIÈME PARTIE"), in one automaton (a
/// line is read once, not once per phrase).
static MARKER_PHRASES: LazyLock<AhoCorasick> = LazyLock::new(|| {
    let fields: [fn(&lexicon::Words) -> &'static [&'static str]; 3] =
        [|w| w.meeting_opened, |w| w.meeting_rose, |w| w.part_after];
    let phrases: Vec<String> = fields
        .into_iter()
        .flat_map(lexicon::all)
        .flat_map(|p| [p.to_string(), p.to_uppercase()])
        .collect();
    AhoCorasick::new(phrases).expect("the lexicon's marker phrases make an automaton")
});

/// A cheap test, before any pattern runs, of whether a line can be a marker at all: a
/// numbering full stop near its start ("IV. ", "A. ", "28/101."), an act's number
/// ("28/1"), or a marker's word.
fn may_be_marker(text: &str) -> bool {
    /// "XVIII. " is the longest numbering before its full stop.
    const NUMBERING_BYTES: usize = 8;
    let head = &text.as_bytes()[..text.len().min(NUMBERING_BYTES)];
    if text.starts_with(|c: char| c.is_ascii_digit()) {
        // "12. …" is a paragraph, left to the units stage; "28/1" may be an act.
        return head.contains(&b'/');
    }
    if !text.starts_with(char::is_uppercase) {
        return false;
    }
    if head.contains(&b'.') {
        return true;
    }
    if head.starts_with(b"PRST/") {
        return true;
    }
    let first = text.split_whitespace().next().unwrap_or("").to_lowercase();
    MARKER_WORDS.contains(&first) || MARKER_PHRASES.is_match(text)
}

/// An act's marker line under a chapter of acts: numbers in sequence with one prefix (the
/// session), the rest of the line a title, not running text ("12/15 of 1 October 2009").
fn act(text: &str, kind: ActKind, last: &mut Option<(String, u32)>) -> Option<Role> {
    let c = ACT.captures(text)?;
    let prefix = c[2].to_string();
    let number: u32 = c[3].parse().ok()?;
    if c.get(4)
        .is_some_and(|rest| rest.as_str().starts_with(char::is_lowercase))
    {
        return None;
    }
    if let Some((last_prefix, last_number)) = last.as_ref() {
        if *last_prefix != prefix || number <= *last_number {
            return None;
        }
    }
    *last = Some((prefix, number));
    Some(Role::Act(kind, c[1].to_string(), number))
}

/// Headings that wrap: the lines after a heading that visibly continue it (and, after a
/// heading that holds only its number, "Annex II" or "Part One", the title line below).
fn mark_heading_continuations(lines: &[Line], roles: &mut [Role], blank_separates: bool) {
    let mut i = 0;
    while i < lines.len() {
        if !matches!(
            roles[i],
            Role::Annex(_) | Role::Part(_) | Role::Chapter(_) | Role::Section
        ) {
            i += 1;
            continue;
        }
        let text = lines[i].trimmed();
        let bare = roles[i].titled_below() && heading_title(text).trim().is_empty()
            || matches!(roles[i], Role::Annex(_));
        if blank_separates {
            if let Some(end) = block_after_heading(lines, roles, i) {
                for role in &mut roles[i + 1..end] {
                    if *role == Role::Text {
                        *role = Role::HeadingContinued;
                    }
                }
                i = end;
                continue;
            }
        }
        let mut last = text.to_string();
        let mut taken = 0;
        let mut j = i + 1;
        while j < lines.len() && taken < MAX_HEADING_LINES {
            match roles[j] {
                Role::Furniture => {}
                Role::Blank if blank_separates && !(bare && taken == 0) => break,
                Role::Blank => {}
                Role::Text => {
                    let next = lines[j].trimmed();
                    let title_below = bare && taken == 0;
                    if !(title_below || continues_heading(&last, next)) {
                        break;
                    }
                    roles[j] = Role::HeadingContinued;
                    last = next.to_string();
                    taken += 1;
                }
                _ => break,
            }
            j += 1;
        }
        i = j;
    }
}

/// Where blank lines separate blocks, the lines that follow a heading up to the next blank
/// line are the rest of it when they are few, none starts a numbered paragraph and the
/// last does not close a sentence: the end of the block after heading `i`, if so.
fn block_after_heading(lines: &[Line], roles: &[Role], i: usize) -> Option<usize> {
    let mut end = i + 1;
    let mut taken = 0;
    let mut last = None;
    while end < lines.len() && roles[end] != Role::Blank {
        if roles[end] != Role::Furniture {
            let text = lines[end].trimmed();
            let numbered = text.split_once(". ").is_some_and(|(n, _)| {
                !n.is_empty() && n.len() <= 4 && n.chars().all(|c| c.is_ascii_digit())
            });
            if roles[end] != Role::Text || numbered || taken == MAX_HEADING_LINES {
                return None;
            }
            taken += 1;
            last = Some(text);
        }
        end += 1;
    }
    let closed = last?.ends_with(['.', ';', ':', '!', '?']);
    (!closed).then_some(end)
}

/// Unnumbered headings ("Introduction", "Composition of the delegation",
/// "Consideration of reports … (continued)" over three lines): a few lines with no closing
/// punctuation, after the end of a sentence (or a blank line, a heading, a meeting
/// mark), right before a heading or a numbered paragraph. Runs once the paragraphs are
/// known; never inside an adopted text.
pub fn mark_unnumbered_headings(lines: &[Line], roles: &mut [Role], blank_separates: bool) {
    let content: Vec<usize> = (0..lines.len())
        .filter(|&i| !matches!(roles[i], Role::Blank | Role::Furniture))
        .collect();
    let mut in_act = false;
    let mut k = 0;
    while k < content.len() {
        let i = content[k];
        match roles[i] {
            Role::Act(..) => in_act = true,
            ref role if role.is_heading() || role.starts_unit() => in_act = false,
            _ => {}
        }
        if roles[i] != Role::Text || in_act {
            k += 1;
            continue;
        }
        let previous_closed = match k.checked_sub(1).map(|p| content[p]) {
            None => false,
            Some(p) if roles[p].is_heading() || roles[p] == Role::MeetingMark => true,
            Some(p) => lines[p].trimmed().ends_with(['.', '!', '?', '»', '”']),
        };
        let blank_before = i > 0 && roles[i - 1] == Role::Blank;
        if !previous_closed || (blank_separates && !blank_before) {
            k += 1;
            continue;
        }
        // The heading's lines: Text lines up to the unit or heading they announce.
        let mut end = k + 1;
        while end < content.len()
            && roles[content[end]] == Role::Text
            && !(blank_separates && roles[content[end] - 1] == Role::Blank)
        {
            end += 1;
        }
        let announces = content.get(end).is_some_and(|&n| {
            (roles[n].starts_unit() && roles[n] != Role::MeetingMark) || roles[n].is_heading()
        });
        let heading: Vec<&str> = content[k..end]
            .iter()
            .map(|&l| lines[l].trimmed())
            .collect();
        if announces && is_unnumbered_heading(&heading) {
            roles[i] = Role::Heading;
            for &l in &content[k + 1..end] {
                roles[l] = Role::HeadingContinued;
            }
        }
        k = end.max(k + 1);
    }
}

/// A heading that opens with an agenda item: "Item 9.1: Budget", "Point 4 : Questions".
static ITEM_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:{})\s+{}\s*[:.]",
        lexicon::pattern(|w| w.item_word),
        lexicon::ITEM_LABEL
    ))
    .expect("valid item heading pattern")
});

/// A heading that opens with an agenda mark: "Agenda item 69: …", "Point 84 de l’ordre
/// du jour : …". Anchored, so a line that does not open with one is read no further.
static AGENDA_MARK_AT_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("^(?:{})", lexicon::AGENDA_MARK.as_str()))
        .expect("valid anchored agenda mark")
});

/// Whether these lines read as one heading: few and short, starting with a capital, no
/// line closing a sentence, the first line not a "label: value" pair.
fn is_unnumbered_heading(heading: &[&str]) -> bool {
    let Some(first) = heading.first() else {
        return false;
    };
    let words: usize = heading.iter().map(|l| l.split_whitespace().count()).sum();
    let one_line = heading.len() == 1;
    // "Item 9.1: Budget", "Agenda item 69: Rights of indigenous peoples": an item's
    // heading, as long as the item's title. Read only for one line: a regex per line.
    let opens_item = || ITEM_HEADING.is_match(first) || AGENDA_MARK_AT_START.is_match(first);
    let short = if one_line {
        (first.chars().count() <= MAX_UNNUMBERED_HEADING_CHARS
            && words <= MAX_UNNUMBERED_HEADING_WORDS)
            || (words <= MAX_WRAPPED_HEADING_WORDS && opens_item())
    } else {
        heading.len() <= MAX_HEADING_LINES && words <= MAX_WRAPPED_HEADING_WORDS
    };
    let closes_sentence = heading
        .iter()
        .any(|l| l.ends_with(['.', ';', ':', '!', '?']));
    // "Chair: Mr. X" is a label and its value.
    let label = one_line && (first.contains(": ") || first.contains(" : ")) && !opens_item();
    short
        && first.starts_with(char::is_uppercase)
        && !closes_sentence
        && !heading.last().is_some_and(|l| l.ends_with([',', '-']))
        && !label
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::layout::split_lines;

    fn roles(text: &str) -> Vec<Role> {
        classify(&split_lines(text), true)
            .into_iter()
            .filter(|r| *r != Role::Blank)
            .collect()
    }

    #[test]
    fn an_items_heading_is_a_heading_but_a_label_and_its_value_is_not() {
        for heading in [
            "Item 9.1: Budget",
            "Agenda item 69: Rights of indigenous peoples",
            "Point 69 de l’ordre du jour : Droits des peuples autochtones",
            "Point 84 de l’ordre du jour : État de droit aux niveaux national et international",
        ] {
            assert!(is_unnumbered_heading(&[heading]), "{heading}");
        }
        for label in ["Chair: Mr. Grossman", "Présidente : Mme Abdo Rocholl"] {
            assert!(!is_unnumbered_heading(&[label]), "{label}");
        }
    }

    #[test]
    fn parts_restart_chapters_and_keep_their_numbers() {
        let text = "Part One\nResolutions adopted\nI. Resolutions\nII. Decisions\n\
                    Part Two: Summary of proceedings\nI. Organizational matters\nII. Annual report\n\
                    Deuxième partie\nI. Questions\n";
        assert_eq!(
            roles(text),
            [
                Role::Part(1),
                Role::HeadingContinued,
                Role::Chapter(1),
                Role::Chapter(2),
                Role::Part(2),
                Role::Chapter(1),
                Role::Chapter(2),
                Role::Part(2),
                Role::Chapter(1),
            ]
        );
        assert_eq!(roles("TROISIÈME PARTIE\n"), [Role::Part(3)]);
    }

    #[test]
    fn acts_are_read_under_a_chapter_of_acts_only_and_in_sequence() {
        let text = "I. Resolutions\n14/1\nThe grave attacks\nThe Council,\n1. Condemns the attack;\n\
                    12/15 of 1 October 2009 on regional arrangements\n14/2\nTrafficking in persons\n\
                    II. Decisions\n14/101. Outcome of the review: Qatar\nIII. Proceedings\n14/3 was adopted.\n";
        let got: Vec<Role> = roles(text)
            .into_iter()
            .filter(|r| matches!(r, Role::Act(..) | Role::Chapter(_)))
            .collect();
        assert_eq!(
            got,
            [
                Role::Chapter(1),
                Role::Act(ActKind::Resolution, "14/1".into(), 1),
                Role::Act(ActKind::Resolution, "14/2".into(), 2),
                Role::Chapter(2),
                Role::Act(ActKind::Decision, "14/101".into(), 101),
                Role::Chapter(3),
            ]
        );
    }

    #[test]
    fn annex_headings_and_meeting_marks() {
        assert_eq!(
            roles("Annex II\nAgenda\nANNEXE\nThe meeting rose at 6 p.m.\nLa séance est levée à 18 heures.\n"),
            [
                Role::Annex("II".into()),
                Role::HeadingContinued,
                Role::Annex("I".into()),
                Role::MeetingMark,
                Role::MeetingMark,
            ]
        );
        assert_eq!(roles("Annex to the report of the session\n"), [Role::Text]);
    }

    #[test]
    fn a_heading_runs_to_the_blank_line_that_ends_its_block() {
        let text = "II. Annual report of the United Nations High Commissioner for\n\
                    Human Rights and reports of the Office of the High\n\
                    Commissioner and the Secretary-General\n\n\
                    A. Opening of the session\n1. The Council met.\n\n\
                    B. Attendance\nThe session was attended by many.\n\n";
        assert_eq!(
            roles(text),
            [
                Role::Chapter(2),
                Role::HeadingContinued,
                Role::HeadingContinued,
                Role::Section,
                Role::Text,
                Role::Section,
                Role::Text,
            ]
        );
    }

    #[test]
    fn a_name_initial_is_not_a_section() {
        assert_eq!(
            roles("A. Opening\nM. Bassiri replied.\nB. Closing\n"),
            [Role::Section, Role::Text, Role::Section]
        );
    }
}
