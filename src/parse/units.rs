//! The units stage: numbered paragraphs chosen, then the outline's lines gathered into
//! citable units (paragraphs, decisions, adopted texts, blocks), each with its heading
//! path.
//!
//! A number at the start of a line starts a paragraph only when it continues the
//! numbering; lists inside a paragraph (`1.`…`7.` of an agenda, `a)`, `121.1`, the
//! operative paragraphs of a resolution) stay inside it. Because a list can run ahead of
//! the real numbering ("3. … the following agenda:" then items up to "10."), the numbering
//! is chosen as the best-scoring chain 1, 2, 3… over all candidates of a part (the body,
//! a part, or one annex), where a candidate that follows the end of a sentence scores
//! higher than one that follows a colon, a list entry or a wrapped line.

use std::rc::Rc;
use std::sync::LazyLock;

use regex::Regex;

use super::layout::{join_lines, Line, Vocabulary};
use super::lexicon::ActKind;
use super::outline::{self, Role, DECISION};
use crate::model::UnitKind;

/// A lettered sub-item of a list: "a) …", "(b) …".
pub static SUB_ITEM: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\(?([a-z])\)\s+(\S.*)$").expect("valid sub-item pattern"));

/// A line that starts "12. …" (up to four digits, a full stop, then the end of the line
/// or a space): its number and the rest of the line.
fn numbered(line: &str) -> Option<(u32, &str)> {
    /// Paragraph numbers run to the thousands, never further.
    const MAX_DIGITS: usize = 4;
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > MAX_DIGITS {
        return None;
    }
    let after = line[digits..].strip_prefix('.')?;
    if !(after.is_empty() || after.starts_with(char::is_whitespace)) {
        return None;
    }
    Some((line[..digits].parse().ok()?, after.trim_start()))
}

/// Score of a chain that does not start at 1: a chain starting late is taken only when
/// it is clearly better than any chain from 1.
const LATE_START_PENALTY: f64 = 1.5;

/// What kind of heading encloses a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HeadingKind {
    /// "Part Two": its number.
    Part(u32),
    /// "Annex II".
    Annex,
    /// "IV. Title": its number.
    Chapter(u32),
    /// "B. Title".
    Section,
    /// Unnumbered.
    Other,
}

/// One enclosing heading, its lines joined.
#[derive(Debug, Clone, PartialEq)]
pub struct Heading {
    /// Its kind.
    pub kind: HeadingKind,
    /// As printed, lines joined.
    pub text: String,
}

/// A unit before its text is cleaned and its speakers found.
#[derive(Debug, Clone)]
pub struct RawUnit<'t> {
    /// Annex numeral, `None` in the body.
    pub annex: Option<String>,
    /// Kind.
    pub kind: UnitKind,
    /// Number within its part.
    pub number: u32,
    /// How an adopted text is cited ("28/1", "PRST/28/1").
    pub act: Option<String>,
    /// Part number, when the report has parts.
    pub part: Option<u32>,
    /// Enclosing headings, outermost first (shared by the units under them).
    pub headings: Rc<[Heading]>,
    /// Its lines, the leading number removed.
    pub lines: Vec<&'t str>,
    /// The meeting record's turn it is in (an index into the turns of
    /// [`super::turns::mark`]).
    pub turn: Option<usize>,
    /// The label the record prints for it ("12.1").
    pub printed: Option<String>,
}

/// The report cut into parts.
pub struct Skeleton<'t> {
    /// Lines before the first heading, paragraph or decision: where the parser reads the
    /// title, session and dates (their units are the cover's and the first blocks).
    pub cover: Vec<&'t str>,
    /// Units in document order: the cover and contents first, when there are any.
    pub units: Vec<RawUnit<'t>>,
    /// Where each line went, one entry per line.
    pub places: Vec<Place<'t>>,
}

struct Candidate {
    line: usize,
    number: u32,
    part: usize,
    quality: f64,
}

/// Chooses the numbered paragraphs in `roles` (from [`outline::classify`]) and finds the
/// unnumbered headings, marking both in `roles`, then cuts `lines` into units: the lines
/// before `body_start` (the masthead and title, see [`super::meta::masthead_end`]) that
/// come before any structure are the cover; every other line is in a unit or a heading.
/// A text with no numbered paragraph, decision or adopted text keeps its unnumbered
/// headings as text (a letter's title is a block to find, not a heading).
pub fn build<'t>(
    lines: &[Line<'t>],
    roles: &mut [Role],
    blank_separates: bool,
    vocabulary: &Vocabulary,
    body_start: usize,
) -> Skeleton<'t> {
    // A meeting record's units are its turns' paragraphs, and its section headings are
    // the turns' (see `turns::mark`): a list inside a speech is never the numbering.
    let record = roles.iter().any(|r| matches!(r, Role::Turn(_)));
    if !record {
        let candidates = paragraph_candidates(lines, roles, blank_separates);
        let numbering = choose_numbering(&candidates);
        let numbered = !numbering.is_empty()
            || roles
                .iter()
                .any(|r| matches!(r, Role::Decision(_) | Role::Act(..)));
        for candidate in numbering {
            roles[candidate.line] = Role::Paragraph(candidate.number);
        }
        if numbered {
            outline::mark_unnumbered_headings(lines, roles, blank_separates);
        }
    }
    assemble(lines, roles, blank_separates, vocabulary, body_start)
}

/// Lines that could start a numbered paragraph, each with the part (body, part, annex) it
/// is in and how much its surroundings look like a paragraph start. Lines inside an
/// adopted text are its own numbering, not the report's.
fn paragraph_candidates(lines: &[Line], roles: &[Role], blank_separates: bool) -> Vec<Candidate> {
    let mut candidates = Vec::new();
    let mut part = 0;
    let mut previous: Option<usize> = None;
    let mut blank_before = false;
    let mut in_act = false;
    for (i, line) in lines.iter().enumerate() {
        match &roles[i] {
            Role::Furniture => continue,
            Role::Blank => {
                blank_before = true;
                continue;
            }
            Role::Annex(_) | Role::Part(_) => {
                part += 1;
                in_act = false;
            }
            Role::Act(..) => in_act = true,
            Role::Chapter(_) | Role::Section => in_act = false,
            Role::Text if !in_act => {
                if let Some((number, rest)) = numbered(line.trimmed()) {
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
            _ => {}
        }
        previous = Some(i);
        blank_before = false;
    }
    lower_introduced_lists(lines, roles, &mut candidates);
    candidates
}

/// Lowers the candidates of a list that a sentence introduces ("… the following
/// agenda:" then "1. Opening.", "2. Other matters."): a run 1, 2, 3… that starts right
/// after a line ending in a colon, each entry a few lines after the one before. Such a
/// list restarts at 1 inside a paragraph; its entries are taken as the report's numbering
/// only where nothing else continues it (even when every entry ends with a full stop and
/// no blank line sets the list apart).
fn lower_introduced_lists(lines: &[Line], roles: &[Role], candidates: &mut [Candidate]) {
    /// Lines an entry may wrap over (lettered sub-items aside) before the next entry.
    const MAX_ENTRY_LINES: usize = 3;
    /// Enough to lose against any ordinary candidate with the same number.
    const LIST_ENTRY_PENALTY: f64 = 2.0;
    let mut start = 0;
    while start < candidates.len() {
        let line = candidates[start].line;
        let introduced = candidates[start].number == 1
            && (0..line)
                .rev()
                .find(|&p| roles[p] == Role::Text || roles[p].is_heading())
                .is_some_and(|p| roles[p] == Role::Text && lines[p].trimmed().ends_with(':'));
        if !introduced {
            start += 1;
            continue;
        }
        let mut end = start + 1;
        while end < candidates.len() {
            let (last, next) = (&candidates[end - 1], &candidates[end]);
            let between = (last.line + 1..next.line)
                .filter(|&l| roles[l] == Role::Text && !SUB_ITEM.is_match(lines[l].trimmed()))
                .count();
            if next.number != last.number + 1 || between >= MAX_ENTRY_LINES {
                break;
            }
            end += 1;
        }
        if end - start >= 2 {
            for candidate in &mut candidates[start..end] {
                candidate.quality -= LIST_ENTRY_PENALTY;
            }
        }
        start = end;
    }
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
    let mut score = vec![0.0; candidates.len()];
    let mut previous: Vec<Option<usize>> = vec![None; candidates.len()];
    // best chain so far ending at each number: (score, candidate index)
    let mut best_at: rustc_hash::FxHashMap<u32, (f64, usize)> = Default::default();
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

/// A heading being read: its kind, level (part and annex 0, chapter 1, section 2, other
/// 3), lines, and whether a unit stands under it yet.
struct OpenHeading<'t> {
    kind: HeadingKind,
    level: u8,
    lines: Vec<&'t str>,
    used: bool,
}

/// Where a line of the text ends up. Every line gets exactly one place, and no place
/// drops it: page furniture is the only text that is not in a unit or a heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place<'t> {
    /// Running header, page or job number, barcode: not the report's words.
    Furniture,
    /// An empty line.
    Blank,
    /// The masthead and title: the cover unit.
    Cover,
    /// An entry of the contents list: the contents unit.
    Contents,
    /// A heading's line, kept on the units under it (a heading with no unit under it
    /// becomes a block of its own).
    Heading,
    /// A line of a paragraph, decision, adopted text, meeting mark or block.
    Unit,
    /// The first line of a paragraph, decision or adopted text, whose label ("12.",
    /// "Decision 3:", "28/1") the unit keeps as its kind and number: the label.
    Labelled(&'t str),
}

/// What `rest` leaves of `line` in front of it: the line's label.
fn label_before<'t>(line: &'t str, rest: Option<&'t str>) -> &'t str {
    &line[..line.len() - rest.map_or(0, str::len)]
}

struct Assembler<'v, 't> {
    vocabulary: &'v Vocabulary,
    blank_separates: bool,
    annex: Option<String>,
    part: Option<u32>,
    headings: Vec<OpenHeading<'t>>,
    /// `headings` joined, until they change.
    path: Option<Rc<[Heading]>>,
    current: Option<RawUnit<'t>>,
    orphan: Vec<&'t str>,
    blocks_in_part: u32,
    units: Vec<RawUnit<'t>>,
    /// The meeting record's turn being read.
    turn: Option<usize>,
    /// The last turn opened: an item's heading inside a turn ends no speech, so the
    /// turn's next labelled paragraph ("6.2" after "6.1") is still its speaker's.
    last_turn: Option<usize>,
    /// The units of the record's turns so far: the number of the next one.
    turn_units: u32,
}

impl<'t> Assembler<'_, 't> {
    /// The heading path, joined once for all the units under it; the headings count as
    /// used.
    fn headings(&mut self) -> Rc<[Heading]> {
        for heading in &mut self.headings {
            heading.used = true;
        }
        if self.path.is_none() {
            self.path = Some(self.joined(&self.headings));
        }
        self.path.clone().unwrap_or_default()
    }

    fn joined(&self, headings: &[OpenHeading<'t>]) -> Rc<[Heading]> {
        headings
            .iter()
            .map(|h| Heading {
                kind: h.kind,
                text: join_lines(h.lines.iter().copied(), self.vocabulary),
            })
            .collect()
    }

    fn open_unit(
        &mut self,
        kind: UnitKind,
        number: u32,
        act: Option<String>,
        first_line: Option<&'t str>,
    ) {
        self.close();
        self.current = Some(RawUnit {
            annex: self.annex.clone(),
            kind,
            number,
            act,
            part: self.part,
            headings: self.headings(),
            lines: first_line.into_iter().collect(),
            turn: None,
            printed: None,
        });
    }

    /// Opens the next unit of the turn being read, with the label printed for it.
    fn open_turn_unit(&mut self, printed: Option<String>, first_line: &'t str) {
        // A record's section heading is a unit of its own too, so its words are found
        // ("Report of the Commission on item 1.3 …", printed in six languages).
        if let Some(heading) = self.headings.last().filter(|h| !h.used) {
            let lines = heading.lines.clone();
            self.close();
            self.push_block(lines);
        }
        self.turn_units += 1;
        self.open_unit(UnitKind::Paragraph, self.turn_units, None, Some(first_line));
        if let Some(unit) = self.current.as_mut() {
            unit.turn = self.turn;
            unit.printed = printed;
        }
    }

    /// A line of text outside any unit: a block's. Where blank lines do not separate
    /// blocks, a block also ends at a sentence's end before a capital letter.
    fn loose_line(&mut self, text: &'t str) {
        if let Some(unit) = self.current.as_mut() {
            unit.lines.push(text);
            return;
        }
        if self.turn.is_some() {
            // A turn's paragraph the record does not label (after a blank line).
            self.open_turn_unit(None, text);
            return;
        }
        let sentence_ended = self
            .orphan
            .last()
            .is_some_and(|l| l.trim_end().ends_with(['.', '!', '?']));
        if !self.blank_separates && sentence_ended && text.starts_with(char::is_uppercase) {
            self.close();
        }
        self.orphan.push(text);
    }

    /// Ends the unit being read, and turns loose text into a block.
    fn close(&mut self) {
        if let Some(unit) = self.current.take() {
            self.units.push(unit);
        }
        if self.orphan.iter().any(|l| !l.trim().is_empty()) {
            let lines = std::mem::take(&mut self.orphan);
            self.push_block(lines);
        }
        self.orphan.clear();
    }

    fn push_block(&mut self, lines: Vec<&'t str>) {
        self.blocks_in_part += 1;
        let headings = self.headings();
        self.units.push(RawUnit {
            annex: self.annex.clone(),
            kind: UnitKind::Block,
            number: self.blocks_in_part,
            act: None,
            part: self.part,
            headings,
            lines,
            turn: None,
            printed: None,
        });
    }

    /// Closes the headings from `level` down; one that no unit stood under becomes a
    /// block of its own lines, under the headings above it, so its words stay in the
    /// report.
    fn close_headings(&mut self, level: u8) {
        while self.headings.last().is_some_and(|h| h.level >= level) {
            let Some(heading) = self.headings.pop() else {
                break;
            };
            if !heading.used {
                self.path = None;
                self.push_block(heading.lines);
            }
        }
        self.path = None;
    }

    fn open_heading(&mut self, kind: HeadingKind, level: u8, line: &'t str) {
        self.close();
        self.turn = None;
        self.close_headings(level);
        self.headings.push(OpenHeading {
            kind,
            level,
            lines: vec![line],
            used: false,
        });
    }
}

fn assemble<'t>(
    lines: &[Line<'t>],
    roles: &[Role],
    blank_separates: bool,
    vocabulary: &Vocabulary,
    body_start: usize,
) -> Skeleton<'t> {
    let mut cover = Vec::new();
    let mut cover_unit = Vec::new();
    let mut contents_unit = Vec::new();
    let mut places = Vec::with_capacity(lines.len());
    let mut started = false;
    let mut a = Assembler {
        vocabulary,
        blank_separates,
        annex: None,
        part: None,
        headings: Vec::new(),
        path: None,
        current: None,
        orphan: Vec::new(),
        blocks_in_part: 0,
        units: Vec::new(),
        turn: None,
        last_turn: None,
        turn_units: 0,
    };
    for (i, (line, role)) in lines.iter().zip(roles).enumerate() {
        let text = line.trimmed();
        if !matches!(role, Role::Blank | Role::Furniture | Role::Text) {
            started = true;
        }
        let in_masthead = !started && i < body_start;
        let place = match role {
            Role::Furniture if line.contents => {
                contents_unit.push(text);
                Place::Contents
            }
            Role::Furniture => Place::Furniture,
            Role::Blank => {
                if !started {
                    cover.push("");
                }
                if !in_masthead && a.current.is_none() && a.blank_separates && !a.orphan.is_empty()
                {
                    a.close();
                }
                // In a turn, a blank line after a sentence's end ends a paragraph (one
                // after a broken sentence is a page break).
                let sentence_ended = a.current.as_ref().is_some_and(|u| {
                    u.lines
                        .last()
                        .is_some_and(|l| l.trim_end().ends_with(['.', '!', '?', '»', '”', '"']))
                });
                if a.turn.is_some() && a.blank_separates && sentence_ended {
                    a.close();
                }
                Place::Blank
            }
            Role::Annex(id) => {
                a.close();
                a.close_headings(0);
                a.annex = Some(id.clone());
                a.blocks_in_part = 0;
                a.open_heading(HeadingKind::Annex, 0, text);
                Place::Heading
            }
            Role::Part(n) => {
                a.close();
                a.close_headings(0);
                a.part = Some(*n);
                a.annex = None;
                a.open_heading(HeadingKind::Part(*n), 0, text);
                Place::Heading
            }
            Role::Chapter(n) => {
                a.open_heading(HeadingKind::Chapter(*n), 1, text);
                Place::Heading
            }
            Role::Section => {
                a.open_heading(HeadingKind::Section, 2, text);
                Place::Heading
            }
            Role::Heading => {
                a.open_heading(HeadingKind::Other, 3, text);
                Place::Heading
            }
            Role::HeadingContinued => match a.headings.last_mut() {
                Some(h) => {
                    h.lines.push(text);
                    a.path = None;
                    Place::Heading
                }
                None => {
                    a.loose_line(text);
                    Place::Unit
                }
            },
            Role::Decision(n) => {
                let rest = DECISION
                    .captures(text)
                    .and_then(|c| c.get(2))
                    .map(|m| m.as_str());
                a.open_unit(UnitKind::Decision, *n, None, rest.filter(|r| !r.is_empty()));
                Place::Labelled(label_before(text, rest))
            }
            Role::Act(kind, act, n) => {
                let kind = match kind {
                    ActKind::Resolution => UnitKind::Resolution,
                    ActKind::Decision => UnitKind::Decision,
                    ActKind::Statement => UnitKind::Statement,
                };
                let rest = outline::ACT
                    .captures(text)
                    .and_then(|c| c.get(4))
                    .map(|m| m.as_str());
                a.open_unit(kind, *n, Some(act.clone()), rest);
                Place::Labelled(label_before(text, rest))
            }
            Role::Paragraph(n) => {
                let rest = numbered(text)
                    .map(|(_, rest)| rest)
                    .filter(|rest| !rest.is_empty());
                a.open_unit(UnitKind::Paragraph, *n, None, rest);
                Place::Labelled(label_before(text, rest))
            }
            Role::MeetingMark => {
                a.close();
                a.turn = None;
                a.last_turn = None;
                a.orphan.push(text);
                a.close();
                Place::Unit
            }
            Role::Turn(index) => {
                a.close();
                a.turn = Some(*index);
                a.last_turn = a.turn;
                let (label, from_speaker) = super::turns::without_label(text);
                a.open_turn_unit(super::turns::label_of(text), from_speaker);
                Place::Labelled(label)
            }
            Role::TurnPart => {
                a.close();
                a.turn = a.last_turn;
                let (label, rest) = super::turns::without_label(text);
                a.open_turn_unit(super::turns::label_of(text), rest);
                Place::Labelled(label)
            }
            Role::Text if in_masthead => {
                cover.push(text);
                cover_unit.push(text);
                Place::Cover
            }
            Role::Text => {
                if !started {
                    cover.push(text);
                }
                a.loose_line(text);
                Place::Unit
            }
        };
        places.push(place);
    }
    a.close();
    a.close_headings(0);
    let mut units = Vec::with_capacity(a.units.len() + 2);
    for (kind, lines) in [
        (UnitKind::Cover, cover_unit),
        (UnitKind::Contents, contents_unit),
    ] {
        if !lines.is_empty() {
            units.push(RawUnit {
                annex: None,
                kind,
                number: 1,
                act: None,
                part: None,
                headings: Rc::from([]),
                lines,
                turn: None,
                printed: None,
            });
        }
    }
    units.append(&mut a.units);
    Skeleton {
        cover,
        units,
        places,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::layout::split_lines;

    fn skeleton(text: &str, blank_separates: bool) -> Skeleton<'_> {
        let lines = split_lines(text);
        let mut roles = outline::classify(&lines, blank_separates);
        build(
            &lines,
            &mut roles,
            blank_separates,
            &Vocabulary::default(),
            0,
        )
    }

    fn numbers(text: &str) -> Vec<(Option<String>, UnitKind, u32)> {
        skeleton(text, true)
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
        let s = skeleton(text, true);
        assert!(s.units[2].lines.iter().any(|l| l.contains("Policy")));
        assert_eq!(s.units[3].lines[0], "The Commission heard statements.");
    }

    #[test]
    fn single_spaced_agenda_list_ending_with_a_full_stop_keeps_the_next_paragraph() {
        // Every entry ends in "." and no blank line separates anything: "3. Other
        // matters." must not become paragraph 3.
        let text = "1. The session opened.\n2. The Board adopted the following agenda:\n\
                    1. Opening of the session.\n2. Adoption of the agenda.\n3. Other matters.\n\
                    3. The Board heard the Director.\n4. It closed.\n";
        let s = skeleton(text, false);
        let got: Vec<(u32, &str)> = s.units.iter().map(|u| (u.number, u.lines[0])).collect();
        assert_eq!(
            got,
            [
                (1, "The session opened."),
                (2, "The Board adopted the following agenda:"),
                (3, "The Board heard the Director."),
                (4, "It closed."),
            ]
        );
        assert!(s.units[1].lines.iter().any(|l| l.contains("Other matters")));
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
    fn resolutions_are_units_and_their_operative_paragraphs_stay_inside() {
        let text = "Part One\nResolutions adopted\nI. Resolutions\n14/1\nThe grave attacks\n\
                    The Council,\n1. Condemns the attack;\n2. Decides to remain seized.\n\
                    Part Two\nSummary\nI. Organizational matters\n1. The Council met.\n2. It closed.\n";
        let s = skeleton(text, true);
        let got: Vec<(UnitKind, u32, Option<String>)> = s
            .units
            .iter()
            .map(|u| (u.kind, u.number, u.act.clone()))
            .collect();
        assert_eq!(
            got,
            [
                (UnitKind::Resolution, 1, Some("14/1".to_string())),
                (UnitKind::Paragraph, 1, None),
                (UnitKind::Paragraph, 2, None),
            ]
        );
        assert!(s.units[0].lines.iter().any(|l| l.contains("Condemns")));
        assert_eq!(s.units[1].part, Some(2));
        assert_eq!(
            s.units[1].headings[1],
            Heading {
                kind: HeadingKind::Chapter(1),
                text: "I. Organizational matters".to_string()
            }
        );
    }

    #[test]
    fn the_meeting_rose_is_never_glued_to_the_last_paragraph() {
        let text = "The meeting was called to order at 10 a.m.\nA. Opening\n1. The Chair opened.\n\
                    2. Mr. Smith (Canada) spoke.\nThe meeting rose at 1 p.m.\n";
        let s = skeleton(text, false);
        let last = s.units.last().unwrap();
        assert_eq!(last.kind, UnitKind::Block);
        assert_eq!(last.lines, ["The meeting rose at 1 p.m."]);
        assert_eq!(
            s.units[0].lines,
            ["The meeting was called to order at 10 a.m."]
        );
        assert!(s
            .units
            .iter()
            .all(|u| !u.lines.iter().any(|l| l.contains("rose")) || u.kind == UnitKind::Block));
    }

    #[test]
    fn chapter_headings_in_words_with_their_title_on_the_next_line() {
        let text =
            "Chapter I\nMatters calling for action\n1. The Commission adopted a resolution.\n\
                    Chapter II\nOrganization of the session (agenda item 5)\n2. It met twice.\n";
        let s = skeleton(text, true);
        assert_eq!(s.units.len(), 2);
        assert_eq!(
            s.units[0].headings[0].text,
            "Chapter I Matters calling for action"
        );
        assert_eq!(s.units[1].headings[0].kind, HeadingKind::Chapter(2));
    }
}
