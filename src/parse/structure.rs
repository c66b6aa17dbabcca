//! The skeleton of a report: annexes, chapter and section headings (with headings that
//! wrap over several lines), decisions, and numbered paragraphs.
//!
//! A number at the start of a line starts a paragraph only when it continues the
//! numbering; lists inside a paragraph (`1.`…`7.` of an agenda, `a)`, `121.1`) stay inside
//! it. Because a list can run ahead of the real numbering ("3. … the following agenda:"
//! then items up to "10."), the numbering is chosen as the best-scoring chain 1, 2, 3… over all
//! candidates of a part (the body, or one annex), where a candidate that follows the end
//! of a sentence scores higher than one that follows a colon or a wrapped line.

use std::sync::LazyLock;

use regex::Regex;

use super::layout::{join_lines, Line, Vocabulary};
use super::meta::continues_heading;
use crate::model::UnitKind;

static ANNEX: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:ANNEXE|ANNEX|ANEXO|Annexe|Annex|Anexo)(?:\s+([IVXLC]+|\d{1,2}|[A-Z]))?\s*\*?$")
        .unwrap()
});
static CHAPTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:Chapter|Chapitre|Capítulo|CHAPTER|CHAPITRE|CAPÍTULO)\s+([IVXLC]{1,6}|\d{1,2})\b\.?\s*(.*)|([IVXLC]{1,6})\.\s+(\S.*))$").unwrap()
});
/// A chapter line with its number only ("Chapter I"): the title is on the next line.
static BARE_CHAPTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:Chapter|Chapitre|Capítulo|CHAPTER|CHAPITRE|CAPÍTULO)\s+(?:[IVXLC]{1,6}|\d{1,2})\.?$",
    )
    .unwrap()
});
static SECTION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^([A-Z])\.\s+(\p{Lu}.*)$").unwrap());
static DECISION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Décision|Decision|Decisión|DÉCISION|DECISION)\s+(?:\d{1,3}/)?(\d{1,3})\s*(?:[:.–—-]\s*(.*))?$").unwrap()
});
static PARAGRAPH: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(\d{1,4})\.(?:\s+(\S.*))?$").unwrap());
static AGENDA_MARK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)(?:\bpoints?\s+(\d{1,3})(?:\s*[a-z]\))?(?:\s*(?:,|et)\s*\d{1,3}(?:\s*[a-z]\))?)*\s+de\s+l[’']ordre\s+du\s+jour|\bagenda\s+items?\s+(\d{1,3})|\btemas?\s+(\d{1,3})\s+del\s+programa)").unwrap()
});

/// A unit before its text is cleaned and its speakers found.
#[derive(Debug, Clone)]
pub struct RawUnit {
    /// Annex numeral, `None` in the body.
    pub annex: Option<String>,
    /// Kind.
    pub kind: UnitKind,
    /// Number within its part.
    pub number: u32,
    /// Enclosing headings, outermost first.
    pub section: Vec<String>,
    /// Agenda item of the innermost heading that names one.
    pub agenda_item: Option<u32>,
    /// Its lines, the leading number removed.
    pub lines: Vec<String>,
}

/// The report cut into parts.
pub struct Skeleton {
    /// Lines before the first heading, paragraph or decision.
    pub cover: Vec<String>,
    /// Units in document order.
    pub units: Vec<RawUnit>,
}

#[derive(Debug, Clone, PartialEq)]
enum Role {
    Blank,
    Furniture,
    Text,
    Annex(String),
    Chapter,
    Section,
    Heading,
    HeadingContinued,
    Decision(u32),
    Paragraph(u32),
}

impl Role {
    fn is_heading(&self) -> bool {
        matches!(
            self,
            Role::Annex(_) | Role::Chapter | Role::Section | Role::Heading | Role::HeadingContinued
        )
    }

    fn starts_unit(&self) -> bool {
        matches!(self, Role::Decision(_) | Role::Paragraph(_))
    }
}

struct Candidate {
    line: usize,
    number: u32,
    part: usize,
    quality: f64,
}

/// Cuts `lines` into cover and units.
pub fn build(lines: &[Line], blank_separates: bool, vocabulary: &Vocabulary) -> Skeleton {
    let mut roles = classify_markers(lines);
    let candidates = paragraph_candidates(lines, &roles, blank_separates);
    for candidate in choose_numbering(&candidates) {
        roles[candidate.line] = Role::Paragraph(candidate.number);
    }
    mark_heading_continuations(lines, &mut roles, blank_separates);
    mark_unnumbered_headings(lines, &mut roles, blank_separates);
    assemble(lines, &roles, blank_separates, vocabulary)
}

/// First pass: annexes, chapters (I., II., … in sequence), sections (A., B., … in
/// sequence within a chapter) and decisions.
fn classify_markers(lines: &[Line]) -> Vec<Role> {
    let mut roles = Vec::with_capacity(lines.len());
    let mut last_chapter = 0;
    let mut last_section: Option<u8> = None;
    for line in lines {
        let text = line.trimmed();
        // Every marker starts with a capital letter; the heading markers have a full stop
        // second or third ("A. ", "IV. ") or start with "An"/"AN" (annexes) or "D" (decisions).
        let may_be_marker = text.starts_with(char::is_uppercase)
            && (text.get(1..4).is_some_and(|head| head.contains('.'))
                || text.starts_with("An")
                || text.starts_with("AN")
                || text.starts_with("Cap")
                || text.starts_with("Chap")
                || text.starts_with("CHAP")
                || text.starts_with("CAP")
                || text.starts_with('D'));
        let role = if line.furniture {
            Role::Furniture
        } else if text.is_empty() {
            Role::Blank
        } else if !may_be_marker {
            Role::Text
        } else if let Some(c) = ANNEX.captures(text) {
            last_chapter = 0;
            last_section = None;
            Role::Annex(c.get(1).map_or("I", |m| m.as_str()).to_string())
        } else if let Some(n) = CHAPTER
            .captures(text)
            .and_then(|c| {
                let numeral = c.get(1).or_else(|| c.get(3))?.as_str();
                numeral.parse().ok().or_else(|| roman_value(numeral))
            })
            .filter(|&n| n > last_chapter && n <= last_chapter + 2)
        {
            last_chapter = n;
            last_section = None;
            Role::Chapter
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
        } else {
            Role::Text
        };
        roles.push(role);
    }
    roles
}

fn roman_value(numeral: &str) -> Option<u32> {
    let value = |c| match c {
        'I' => Some(1),
        'V' => Some(5),
        'X' => Some(10),
        'L' => Some(50),
        'C' => Some(100),
        _ => None,
    };
    let digits: Vec<u32> = numeral.chars().map(value).collect::<Option<_>>()?;
    let mut total = 0;
    for (i, d) in digits.iter().enumerate() {
        if digits.get(i + 1).is_some_and(|next| next > d) {
            total -= *d as i64;
        } else {
            total += *d as i64;
        }
    }
    u32::try_from(total).ok().filter(|&t| t > 0)
}

/// Lines that could start a numbered paragraph, each with the part (body, annex) it is
/// in and how much its surroundings look like a paragraph start.
fn paragraph_candidates(lines: &[Line], roles: &[Role], blank_separates: bool) -> Vec<Candidate> {
    let mut candidates = Vec::new();
    let mut part = 0;
    let mut previous: Option<usize> = None;
    let mut blank_before = false;
    for (i, line) in lines.iter().enumerate() {
        match &roles[i] {
            Role::Furniture => continue,
            Role::Blank => {
                blank_before = true;
                continue;
            }
            Role::Annex(_) => part += 1,
            Role::Text => {
                if let Some(c) = PARAGRAPH.captures(line.trimmed()) {
                    if let Ok(number) = c[1].parse::<u32>() {
                        let rest = c.get(2).map_or("", |m| m.as_str());
                        let after = previous.map(|p| (lines[p].trimmed(), &roles[p]));
                        let quality = start_quality(after, rest, blank_before && blank_separates);
                        candidates.push(Candidate {
                            line: i,
                            number,
                            part,
                            quality,
                        });
                    }
                }
            }
            _ => {}
        }
        previous = Some(i);
        blank_before = false;
    }
    candidates
}

fn start_quality(previous: Option<(&str, &Role)>, rest: &str, blank_before: bool) -> f64 {
    let mut quality = 1.0;
    match previous {
        None => quality += 0.5,
        Some((_, role)) if role.is_heading() => quality += 0.5,
        Some((text, _)) => {
            let last = text.chars().last().unwrap_or(' ');
            quality += match last {
                '.' | '!' | '?' | '»' | '”' | '"' => 0.5,
                ')' => 0.3,
                ':' | ';' => -0.3,
                _ => -0.6,
            };
        }
    }
    if blank_before {
        quality += 0.3;
    }
    if rest.starts_with(char::is_lowercase) {
        quality -= 0.5;
    }
    quality
}

/// The best-scoring chain 1, 2, 3… within each part.
fn choose_numbering(candidates: &[Candidate]) -> Vec<&Candidate> {
    let mut chosen = Vec::new();
    let parts = candidates.iter().map(|c| c.part).max().map_or(0, |p| p + 1);
    for part in 0..parts {
        let in_part: Vec<&Candidate> = candidates.iter().filter(|c| c.part == part).collect();
        chosen.extend(best_chain(&in_part));
    }
    chosen
}

fn best_chain<'a>(candidates: &[&'a Candidate]) -> Vec<&'a Candidate> {
    const LATE_START_PENALTY: f64 = 1.5;
    let mut score = vec![0.0; candidates.len()];
    let mut previous: Vec<Option<usize>> = vec![None; candidates.len()];
    // best chain so far ending at each number: (score, candidate index)
    let mut best_at: std::collections::HashMap<u32, (f64, usize)> =
        std::collections::HashMap::new();
    for (i, c) in candidates.iter().enumerate() {
        let from_previous = c
            .number
            .checked_sub(1)
            .and_then(|n| best_at.get(&n))
            .copied();
        let fresh_start = if c.number == 1 {
            0.0
        } else {
            -LATE_START_PENALTY
        };
        (score[i], previous[i]) = match from_previous {
            Some((s, p)) if s > fresh_start => (s + c.quality, Some(p)),
            _ => (fresh_start + c.quality, None),
        };
        let entry = best_at.entry(c.number).or_insert((f64::MIN, i));
        if score[i] > entry.0 {
            *entry = (score[i], i);
        }
    }
    let Some(mut at) = (0..candidates.len())
        .filter(|&i| score[i] > 0.0)
        .max_by(|&a, &b| score[a].total_cmp(&score[b]).then(b.cmp(&a)))
    else {
        return Vec::new();
    };
    let mut chain = vec![candidates[at]];
    while let Some(p) = previous[at] {
        chain.push(candidates[p]);
        at = p;
    }
    chain.reverse();
    chain
}

/// Headings that wrap: the lines after a heading that visibly continue it (and, for an
/// annex, the title line right after "Annex II").
fn mark_heading_continuations(lines: &[Line], roles: &mut [Role], blank_separates: bool) {
    let mut i = 0;
    while i < lines.len() {
        if !matches!(roles[i], Role::Annex(_) | Role::Chapter | Role::Section) {
            i += 1;
            continue;
        }
        // After "Annex II" or a bare "Chapter I", the next line is the title.
        let is_annex =
            matches!(roles[i], Role::Annex(_)) || BARE_CHAPTER.is_match(lines[i].trimmed());
        let mut last = lines[i].trimmed().to_string();
        let mut taken = 0;
        let mut j = i + 1;
        while j < lines.len() && taken < 5 {
            match roles[j] {
                Role::Furniture => {}
                Role::Blank if blank_separates && !(is_annex && taken == 0) => break,
                Role::Blank => {}
                Role::Text => {
                    let next = lines[j].trimmed();
                    let annex_title = is_annex && taken == 0;
                    if !(annex_title || continues_heading(&last, next)) {
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

/// Unnumbered headings ("Introduction", "Composition of the delegation"): a short line
/// with no closing punctuation, after the end of a sentence, right before a heading or a
/// numbered paragraph.
fn mark_unnumbered_headings(lines: &[Line], roles: &mut [Role], blank_separates: bool) {
    let content: Vec<usize> = (0..lines.len())
        .filter(|&i| !matches!(roles[i], Role::Blank | Role::Furniture))
        .collect();
    for (k, &i) in content.iter().enumerate() {
        if roles[i] != Role::Text {
            continue;
        }
        let text = lines[i].trimmed();
        let short = text.chars().count() <= 90 && text.split_whitespace().count() <= 12;
        let looks_like_title = text.starts_with(char::is_uppercase)
            && !text.ends_with(['.', ',', ';', ':', ')', '-'])
            && !text.contains(": ")
            && !text.contains(" : ");
        let next_starts = content
            .get(k + 1)
            .is_some_and(|&n| roles[n].starts_unit() || roles[n].is_heading());
        let previous_closed = match k.checked_sub(1).map(|p| content[p]) {
            None => false,
            Some(p) if roles[p].is_heading() => true,
            Some(p) => lines[p].trimmed().ends_with(['.', '!', '?', '»', '”']),
        };
        let blank_before = i > 0 && roles[i - 1] == Role::Blank;
        if short
            && looks_like_title
            && next_starts
            && previous_closed
            && (blank_before || !blank_separates)
        {
            roles[i] = Role::Heading;
        }
    }
}

/// A heading being read: its level (annex 0, chapter 1, section 2, other 3) and lines.
struct OpenHeading {
    level: u8,
    lines: Vec<String>,
}

struct Assembler<'v> {
    vocabulary: &'v Vocabulary,
    blank_separates: bool,
    annex: Option<String>,
    headings: Vec<OpenHeading>,
    current: Option<RawUnit>,
    orphan: Vec<String>,
    blocks_in_part: u32,
    units: Vec<RawUnit>,
}

impl Assembler<'_> {
    fn section(&self) -> Vec<String> {
        self.headings
            .iter()
            .map(|h| join_lines(h.lines.iter().map(String::as_str), self.vocabulary))
            .collect()
    }

    fn agenda_item(section: &[String]) -> Option<u32> {
        section.iter().rev().find_map(|heading| {
            let c = AGENDA_MARK.captures(heading)?;
            (1..=3)
                .find_map(|g| c.get(g))
                .and_then(|m| m.as_str().parse().ok())
        })
    }

    fn open_unit(&mut self, kind: UnitKind, number: u32, first_line: Option<String>) {
        self.close();
        let section = self.section();
        self.current = Some(RawUnit {
            annex: self.annex.clone(),
            kind,
            number,
            agenda_item: Self::agenda_item(&section),
            section,
            lines: first_line.into_iter().collect(),
        });
    }

    /// Ends the unit being read, and turns loose text into a block.
    fn close(&mut self) {
        if let Some(unit) = self.current.take() {
            self.units.push(unit);
        }
        if self.orphan.iter().any(|l| !l.trim().is_empty()) {
            self.blocks_in_part += 1;
            let section = self.section();
            self.units.push(RawUnit {
                annex: self.annex.clone(),
                kind: UnitKind::Block,
                number: self.blocks_in_part,
                agenda_item: Self::agenda_item(&section),
                section,
                lines: std::mem::take(&mut self.orphan),
            });
        }
        self.orphan.clear();
    }

    fn open_heading(&mut self, level: u8, line: &str) {
        self.close();
        self.headings.retain(|h| h.level < level);
        self.headings.push(OpenHeading {
            level,
            lines: vec![line.to_string()],
        });
    }
}

fn assemble(
    lines: &[Line],
    roles: &[Role],
    blank_separates: bool,
    vocabulary: &Vocabulary,
) -> Skeleton {
    let mut cover = Vec::new();
    let mut started = false;
    let mut a = Assembler {
        vocabulary,
        blank_separates,
        annex: None,
        headings: Vec::new(),
        current: None,
        orphan: Vec::new(),
        blocks_in_part: 0,
        units: Vec::new(),
    };
    for (line, role) in lines.iter().zip(roles) {
        let text = line.trimmed();
        if !matches!(role, Role::Blank | Role::Furniture | Role::Text) {
            started = true;
        }
        match role {
            Role::Furniture => {}
            Role::Blank => {
                if !started {
                    cover.push(String::new());
                } else if a.current.is_none() && a.blank_separates && !a.orphan.is_empty() {
                    a.close();
                }
            }
            Role::Annex(id) => {
                a.close();
                a.annex = Some(id.clone());
                a.blocks_in_part = 0;
                a.headings.clear();
                a.open_heading(0, text);
            }
            Role::Chapter => a.open_heading(1, text),
            Role::Section => a.open_heading(2, text),
            Role::Heading => a.open_heading(3, text),
            Role::HeadingContinued => {
                if let Some(h) = a.headings.last_mut() {
                    h.lines.push(text.to_string());
                }
            }
            Role::Decision(n) => {
                let rest = DECISION
                    .captures(text)
                    .and_then(|c| c.get(2))
                    .map(|m| m.as_str().to_string());
                a.open_unit(UnitKind::Decision, *n, rest.filter(|r| !r.is_empty()));
            }
            Role::Paragraph(n) => {
                let rest = PARAGRAPH
                    .captures(text)
                    .and_then(|c| c.get(2))
                    .map(|m| m.as_str().to_string());
                a.open_unit(UnitKind::Paragraph, *n, rest);
            }
            Role::Text if !started => cover.push(text.to_string()),
            Role::Text => match a.current.as_mut() {
                Some(unit) => unit.lines.push(text.to_string()),
                None => a.orphan.push(text.to_string()),
            },
        }
    }
    a.close();
    Skeleton {
        cover,
        units: a.units,
    }
}

/// A text with no numbered paragraphs: blocks of lines, split at blank lines where they
/// separate blocks, else at line ends that close a sentence before a capital letter.
pub fn fallback_blocks(lines: &[String], blank_separates: bool) -> Vec<RawUnit> {
    let mut blocks: Vec<Vec<String>> = vec![Vec::new()];
    for (i, line) in lines.iter().enumerate() {
        let current = blocks
            .last_mut()
            .expect("there is always a block being filled");
        if line.trim().is_empty() {
            if blank_separates && !current.is_empty() {
                blocks.push(Vec::new());
            }
            continue;
        }
        current.push(line.clone());
        let next_is_capital = lines[i + 1..]
            .iter()
            .find(|l| !l.trim().is_empty())
            .is_some_and(|l| l.trim().starts_with(char::is_uppercase));
        if !blank_separates && line.trim_end().ends_with(['.', '!', '?']) && next_is_capital {
            blocks.push(Vec::new());
        }
    }
    blocks
        .into_iter()
        .filter(|b| !b.is_empty())
        .enumerate()
        .map(|(i, lines)| RawUnit {
            annex: None,
            kind: UnitKind::Block,
            number: i as u32 + 1,
            section: Vec::new(),
            agenda_item: None,
            lines,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::layout::split_lines;

    fn numbers(text: &str) -> Vec<(Option<String>, UnitKind, u32)> {
        let lines = split_lines(text);
        let skeleton = build(&lines, true, &Vocabulary::default());
        skeleton
            .units
            .iter()
            .map(|u| (u.annex.clone(), u.kind, u.number))
            .collect()
    }

    #[test]
    fn an_agenda_list_that_runs_ahead_of_the_numbering_stays_inside_its_paragraph() {
        let text = "1. The session opened.\n2. Officers were elected.\n3. The Commission adopted the following agenda:\n\
                    1. Opening;\n2. Election;\n3. Agenda;\n4. Policy;\n5. Closing.\n4. The Commission heard statements.\n\
                    5. It adopted the report.\n";
        let got: Vec<u32> = numbers(text).into_iter().map(|(_, _, n)| n).collect();
        assert_eq!(got, [1, 2, 3, 4, 5]);
        let skeleton = build(&split_lines(text), true, &Vocabulary::default());
        assert!(skeleton.units[2].lines.iter().any(|l| l.contains("Policy")));
        assert_eq!(
            skeleton.units[3].lines[0],
            "The Commission heard statements."
        );
    }

    #[test]
    fn annexes_restart_numbering_and_decisions_are_units() {
        let text = "I. Decisions\n1. The Board adopted:\nDecision 1\nThe Board approves.\nDecision 2\nThe Board notes.\n\
                    II. Proceedings\n2. Work went on.\nAnnex II\nSummary of the conference\n1. It met.\n2. It closed.\n";
        assert_eq!(
            numbers(text),
            [
                (None, UnitKind::Paragraph, 1),
                (None, UnitKind::Decision, 1),
                (None, UnitKind::Decision, 2),
                (None, UnitKind::Paragraph, 2),
                (Some("II".to_string()), UnitKind::Paragraph, 1),
                (Some("II".to_string()), UnitKind::Paragraph, 2),
            ]
        );
    }

    #[test]
    fn wrapped_headings_carry_their_agenda_item() {
        let text = "II. Proceedings\nB. Draft programme of work for 2025 (agenda\nitem 3)\n8. The Board considered it.\n";
        let skeleton = build(&split_lines(text), true, &Vocabulary::default());
        let unit = &skeleton.units[0];
        assert_eq!(
            unit.section[1],
            "B. Draft programme of work for 2025 (agenda item 3)"
        );
        assert_eq!(unit.agenda_item, Some(3));
    }

    #[test]
    fn a_name_initial_is_not_a_section_heading() {
        let text = "A. Opening\n1. The Chair spoke and\nM. Bassiri replied.\n2. Then it closed.\n";
        let skeleton = build(&split_lines(text), true, &Vocabulary::default());
        assert_eq!(skeleton.units.len(), 2);
        assert!(skeleton.units[0]
            .lines
            .iter()
            .any(|l| l.starts_with("M. Bassiri")));
    }

    #[test]
    fn chapter_headings_in_words_with_their_title_on_the_next_line() {
        let text =
            "Chapter I\nMatters calling for action\n1. The Commission adopted a resolution.\n\
                    Chapter II\nOrganization of the session (agenda item 5)\n2. It met twice.\n";
        let skeleton = build(&split_lines(text), true, &Vocabulary::default());
        assert_eq!(skeleton.units.len(), 2);
        assert_eq!(
            skeleton.units[0].section,
            ["Chapter I Matters calling for action"]
        );
        assert_eq!(
            skeleton.units[1].section,
            ["Chapter II Organization of the session (agenda item 5)"]
        );
        assert_eq!(skeleton.units[1].agenda_item, Some(5));
    }

    #[test]
    fn roman_numerals() {
        assert_eq!(roman_value("IV"), Some(4));
        assert_eq!(roman_value("XIX"), Some(19));
        assert_eq!(roman_value("Q"), None);
    }
}
