//! The agenda stage: find the session's agenda wherever the report keeps it, then give
//! each unit its item and say which rule decided.
//!
//! Where the agenda is, in order: the paragraph that adopts it ("the Council adopted the
//! following agenda:" with the list below), an annex or heading titled Agenda / Ordre du
//! jour / Programa ("Item 1. Organizational and procedural matters."), and the cover's
//! "Agenda item 6" (the item the whole report is submitted under).
//!
//! Which item a unit is under, by the first rule that applies ([`AgendaRule`]):
//! 1. a mark in its heading path, innermost first: "(point 3 de l'ordre du jour)",
//!    "General debate on agenda item 3", "(agenda items 4 and 5)" (the first item);
//! 2. a heading whose title is an item's title, normalised (case, accents, wrapping,
//!    final period, numbering, "(continued)"); a title cut short by the extractor still
//!    matches when it is the start of one item's title;
//! 3. a heading that says "Item 3" (after its number, if it has one): "III. Item 2:
//!    Programme of work", "Item 9.1: Budget";
//! 4. a chapter's paragraph that says which item the body took up: "At its 4th and 5th
//!    meetings, the Commission considered agenda item 5" (whatever the chapter's own
//!    number; the words in each language are the lexicon's `item_considered`), from that
//!    paragraph to the next that says so ("… considered item 3 (b)"); it also wins over
//!    rules 1-3 when it names a sub-item of theirs ("3 (a)" in a chapter titled as item 3);
//! 5. when no unit of the report is placed by the rules above, the cover's item.
//!
//! Items are labels as printed (`3`, `3.1`, `4 (a)`), ordered by [`crate::model::agenda_order`].

use std::sync::LazyLock;

use regex::Regex;

use super::layout::{join_lines, Line, Vocabulary};
use super::lexicon;
use super::outline::{heading_title, Role};
use super::units::{Heading, HeadingKind, RawUnit, SUB_ITEM};
use crate::model::{AgendaItem, Unit};

/// Which rule gave a unit its agenda item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgendaRule {
    /// A mark such as "(agenda item 3)" in a heading.
    HeadingMark,
    /// A heading whose title is the item's title.
    HeadingTitle,
    /// A heading that says "Item 3".
    ChapterItem,
    /// A chapter whose first paragraph says "the Commission considered agenda item 5".
    ChapterSentence,
    /// The cover's "Agenda item 6", for a report with no other marks.
    Cover,
}

impl AgendaRule {
    /// The name used in `parse --json` (`agenda_rule`).
    pub fn as_str(self) -> &'static str {
        match self {
            AgendaRule::HeadingMark => "heading mark",
            AgendaRule::HeadingTitle => "heading title",
            AgendaRule::ChapterItem => "chapter item",
            AgendaRule::ChapterSentence => "chapter sentence",
            AgendaRule::Cover => "cover",
        }
    }
}

/// A title shorter than this many words must match an item's title whole; a longer one
/// may be the start of it (a heading whose last lines the extractor split off).
const MIN_PREFIX_WORDS: usize = 3;

static ADOPTED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!("(?i){}", lexicon::pattern(|w| w.agenda_adopted)))
        .expect("valid agenda-adoption pattern")
});
static ENTRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:(?:{})\s+)?(\d{{1,2}}(?:\.\d{{1,2}})?)\s*[.:]\s*(\S.*)$",
        lexicon::pattern(|w| w.item_word)
    ))
    .expect("valid agenda entry pattern")
});
static CHAPTER_ITEM: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^(?:agenda\s+)?(?:{})\s+({})(?:\b|$)",
        lexicon::pattern(|w| w.item_word),
        lexicon::ITEM_LABEL
    ))
    .expect("valid chapter item pattern")
});
static AGENDA_HEADING: LazyLock<Vec<String>> = LazyLock::new(|| {
    lexicon::all(|w| w.agenda_heading)
        .into_iter()
        .map(|h| normalized_words(h).join(" "))
        .collect()
});
static CONTINUED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)\(\s*(?:{})\s*\)",
        lexicon::pattern(|w| w.continued)
    ))
    .expect("valid continued pattern")
});

/// The session's agenda, and the item the cover names.
#[derive(Debug, Default)]
pub struct Agenda {
    /// The items, in order.
    pub items: Vec<AgendaItem>,
    /// The cover's "Agenda item N" (the item the report is submitted under).
    pub cover_item: Option<String>,
    /// Each item's label and title as [`normalized_words`], for matching headings.
    titles: Vec<(String, Vec<String>)>,
}

impl Agenda {
    /// An agenda of `items`, under the cover's item `cover_item`.
    pub fn new(items: Vec<AgendaItem>, cover_item: Option<String>) -> Agenda {
        let titles = items
            .iter()
            .map(|item| (item.label.clone(), normalized_words(&item.title)))
            .collect();
        Agenda {
            items,
            cover_item,
            titles,
        }
    }
}

/// Finds the agenda: the adoption paragraph's list, else the list under an "Agenda"
/// heading, else the cover's item alone.
pub fn find(
    lines: &[Line],
    roles: &[Role],
    units: &[RawUnit],
    cover: &[&str],
    vocabulary: &Vocabulary,
) -> Agenda {
    let cover_item = cover.iter().enumerate().find_map(|(i, line)| {
        let number = lexicon::agenda_mark(line)?;
        let title = cover[i + 1..].iter().find(|l| !l.trim().is_empty());
        Some((number, title.cloned()))
    });
    // The first paragraph that says it adopts the agenda and lists it: one that only
    // cites "the provisional agenda" lists nothing.
    let adopted = units.iter().find_map(|u| {
        let head: String = u
            .lines
            .iter()
            .take(6)
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        if !ADOPTED.is_match(&head) {
            return None;
        }
        let items = parse_list(u.lines.iter().skip(1).copied(), vocabulary);
        (items.len() >= 2).then_some(items)
    });
    let items = adopted
        .or_else(|| listed_under_heading(lines, roles, vocabulary))
        .or_else(|| {
            let (label, title) = cover_item.clone()?;
            let title = title.filter(|t| lexicon::agenda_mark(t).is_none())?;
            Some(vec![AgendaItem {
                label,
                title: title.trim().trim_end_matches('.').to_string(),
            }])
        })
        .unwrap_or_default();
    Agenda::new(items, cover_item.map(|(label, _)| label))
}

/// The list after a heading titled "Agenda" (an annex's title, or a heading of its own),
/// up to the next annex or part.
fn listed_under_heading(
    lines: &[Line],
    roles: &[Role],
    vocabulary: &Vocabulary,
) -> Option<Vec<AgendaItem>> {
    let start = (0..lines.len()).find(|&i| {
        roles[i].is_heading()
            && AGENDA_HEADING
                .contains(&normalized_words(heading_title(lines[i].trimmed())).join(" "))
    })?;
    let body = lines[start + 1..]
        .iter()
        .zip(&roles[start + 1..])
        .take_while(|(_, role)| !matches!(role, Role::Annex(_) | Role::Part(_)))
        .filter(|(_, role)| matches!(role, Role::Text | Role::Paragraph(_)))
        .map(|(line, _)| line.trimmed());
    let items = parse_list(body, vocabulary);
    (items.len() >= 2).then_some(items)
}

/// Reads a numbered agenda ("1." or "Item 1.", titles wrapped over lines, lettered
/// sub-items dropped).
pub fn parse_list<'a>(
    lines: impl Iterator<Item = &'a str>,
    vocabulary: &Vocabulary,
) -> Vec<AgendaItem> {
    let mut items: Vec<(String, Vec<&str>)> = Vec::new();
    // Sub-items, each with the number of items before it.
    let mut sub_items: Vec<(usize, String, Vec<&str>)> = Vec::new();
    let mut in_sub_items = false;
    // The item entries read so far (sub-items "3.1" of item 3 included): the next entry
    // is the next item or the next sub-item.
    let mut last: Option<(u32, u32)> = None;
    for line in lines {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        if let Some(c) = ENTRY.captures(line) {
            let (item, sub) = match c[1].split_once('.') {
                Some((item, sub)) => (item.parse().unwrap_or(0), sub.parse().unwrap_or(0)),
                None => (c[1].parse().unwrap_or(0), 0),
            };
            let next = match last {
                None => item == 1 && sub == 0,
                Some((i, s)) => (item == i + 1 && sub == 0) || (item == i && sub == s + 1),
            };
            if next {
                items.push((c[1].to_string(), vec![c.get(2).map_or("", |m| m.as_str())]));
                last = Some((item, sub));
                in_sub_items = false;
                continue;
            }
        }
        if let Some(c) = SUB_ITEM.captures(line) {
            // "(a) Priority theme: …" under item 3 is item "3 (a)".
            in_sub_items = true;
            if let Some((item, _)) = last {
                let label = format!("{item} ({})", &c[1]);
                sub_items.push((
                    items.len(),
                    label,
                    vec![c.get(2).map_or("", |m| m.as_str())],
                ));
            }
            continue;
        }
        match (in_sub_items, sub_items.last_mut(), items.last_mut()) {
            (true, Some((_, _, title)), _) | (false, _, Some((_, title))) => title.push(line),
            _ => {}
        }
    }
    // Each sub-item after its item, in printed order.
    for (at, label, lines) in sub_items.into_iter().rev() {
        items.insert(at, (label, lines));
    }
    items
        .into_iter()
        .map(|(label, lines)| AgendaItem {
            label,
            title: join_lines(lines, vocabulary)
                .trim_end_matches([' ', ':', ';', '.', ','])
                .to_string(),
        })
        .collect()
}

/// An agenda item and the rule that gave it.
pub type Placement = (String, AgendaRule);

/// The item a unit under `headings` falls under, and the rule that decided.
pub fn item_for(headings: &[Heading], agenda: &Agenda) -> Option<Placement> {
    let inner_first = || headings.iter().rev();
    if let Some(n) = inner_first().find_map(|h| lexicon::agenda_mark(&h.text)) {
        return Some((n, AgendaRule::HeadingMark));
    }
    if let Some(n) = inner_first()
        .filter(|h| !matches!(h.kind, HeadingKind::Part(_) | HeadingKind::Annex))
        .find_map(|h| matching_item(&h.text, &agenda.titles))
    {
        return Some((n, AgendaRule::HeadingTitle));
    }
    inner_first()
        .filter(|h| !matches!(h.kind, HeadingKind::Part(_) | HeadingKind::Annex))
        .find_map(|h| {
            let c = CHAPTER_ITEM.captures(heading_title(&h.text).trim())?;
            Some(lexicon::item_label(&c[1]))
        })
        .map(|n| (n, AgendaRule::ChapterItem))
}

static ITEM_CONSIDERED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:{})\s+({})",
        lexicon::pattern(|w| w.item_considered),
        lexicon::ITEM_LABEL
    ))
    .expect("valid item-considered pattern")
});

/// The verb of each of the lexicon's `item_considered` phrases, as running text writes it
/// ("considered", "took", "examiné"; a phrase's first word of more than three letters):
/// every paragraph of a chapter is tried, most hold none of them, and the pattern runs
/// only on those that do.
static ITEM_CONSIDERED_VERBS: LazyLock<Vec<memchr::memmem::Finder<'static>>> =
    LazyLock::new(|| {
        let mut verbs: Vec<&str> = lexicon::all(|w| w.item_considered)
            .into_iter()
            .filter_map(|phrase| phrase.split_whitespace().find(|w| w.chars().count() > 3))
            .collect();
        verbs.sort_unstable();
        verbs.dedup();
        verbs
            .into_iter()
            .map(|verb| memchr::memmem::Finder::new(verb.as_bytes()))
            .collect()
    });

/// The item a chapter's paragraph says the body took up, if it does.
fn item_considered(paragraph: &str) -> Option<String> {
    /// The sentence is the paragraph's first or second; further on it cites another item.
    const SEARCHED_BYTES: usize = 400;
    let mut end = paragraph.len().min(SEARCHED_BYTES);
    while !paragraph.is_char_boundary(end) {
        end -= 1;
    }
    let start = &paragraph[..end];
    if !ITEM_CONSIDERED_VERBS
        .iter()
        .any(|verb| verb.find(start.as_bytes()).is_some())
    {
        return None;
    }
    lexicon::at_word_starts(&ITEM_CONSIDERED, start)
        .next()
        .map(|c| lexicon::item_label(&c[1]))
}

/// Each unit's agenda item by the rules of [`item_for`]; the cover's item for
/// every unit when no heading placed any.
pub fn assign(units: &mut [Unit], raw_units: &[RawUnit], agenda: &Agenda) {
    let mut placed = false;
    // Units under one heading path share its item: decide once per path.
    let mut last: Option<(&[Heading], Option<Placement>)> = None;
    // The chapter whose first paragraph was read, and the item it says it took up.
    let mut chapter: Option<(&Heading, Option<String>)> = None;
    for (unit, raw) in units.iter_mut().zip(raw_units) {
        let decided = match &last {
            Some((headings, decided)) if *headings == &raw.headings[..] => decided.clone(),
            _ => item_for(&raw.headings, agenda),
        };
        last = Some((&raw.headings[..], decided.clone()));
        let enclosing = raw
            .headings
            .iter()
            .rev()
            .find(|h| matches!(h.kind, HeadingKind::Chapter(_)));
        if let Some(heading) = enclosing {
            // A chapter's paragraph that says the body took up an item ("At its 6th
            // meeting, the Commission considered agenda item 3 (b)") starts that item,
            // its first paragraph or a later one.
            let considered = item_considered(&unit.text);
            if chapter.as_ref().is_none_or(|(c, _)| *c != heading) {
                chapter = Some((heading, considered));
            } else if let (Some(item), Some((_, current))) = (considered, chapter.as_mut()) {
                *current = Some(item);
            }
        }
        let considered = chapter
            .as_ref()
            .filter(|_| enclosing.is_some())
            .and_then(|(_, item)| item.clone());
        // The chapter's sentence places a unit its headings do not, or names the
        // sub-item of theirs it took up ("3 (a)" under a chapter titled as item 3).
        let decided = match (decided, considered) {
            (Some((item, _)), Some(sub)) if is_sub_item_of(&sub, &item) => {
                Some((sub, AgendaRule::ChapterSentence))
            }
            (None, Some(item)) => Some((item, AgendaRule::ChapterSentence)),
            (decided, _) => decided,
        };
        if let Some((item, rule)) = decided {
            unit.agenda_item = Some(item);
            unit.agenda_rule = Some(rule.as_str().to_string());
            placed = true;
        }
    }
    if let (false, Some(item)) = (placed, &agenda.cover_item) {
        for unit in units.iter_mut() {
            unit.agenda_item = Some(item.clone());
            unit.agenda_rule = Some(AgendaRule::Cover.as_str().to_string());
        }
    }
    for unit in units.iter_mut() {
        unit.agenda_title = unit
            .agenda_item
            .as_deref()
            .and_then(|label| agenda.items.iter().find(|a| a.label == label))
            .map(|a| a.title.clone());
    }
}

/// Whether `label` is a sub-item of `item`: "3 (a)" and "3.1" of "3".
fn is_sub_item_of(label: &str, item: &str) -> bool {
    label != item
        && crate::model::agenda_ancestors(label)
            .iter()
            .any(|a| a == item)
}

/// The item whose title the heading's title is (or, for a long enough title, starts).
fn matching_item(heading: &str, titles: &[(String, Vec<String>)]) -> Option<String> {
    let title = CONTINUED.replace_all(heading_title(heading), " ");
    let words = normalized_words(&title);
    if words.is_empty() {
        return None;
    }
    let mut best: Option<(usize, &String)> = None;
    for (label, item_words) in titles {
        let common = words
            .iter()
            .zip(item_words)
            .take_while(|(a, b)| a == b)
            .count();
        let whole = common == words.len() && common == item_words.len();
        let prefix = common == words.len().min(item_words.len()) && common >= MIN_PREFIX_WORDS;
        if (whole || prefix) && best.is_none_or(|(c, _)| common > c) {
            best = Some((common, label));
        }
    }
    best.map(|(_, label)| label.clone())
}

/// Lower-case words without accents or punctuation: what two spellings of one title share.
fn normalized_words(text: &str) -> Vec<String> {
    deunicode::deunicode(text)
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn agenda(titles: &[&str]) -> Agenda {
        let items = titles
            .iter()
            .zip(1..)
            .map(|(t, number): (&&str, u32)| AgendaItem {
                label: number.to_string(),
                title: t.to_string(),
            })
            .collect();
        Agenda::new(items, None)
    }

    fn chapter(text: &str) -> Heading {
        Heading {
            kind: HeadingKind::Chapter(1),
            text: text.to_string(),
        }
    }

    #[test]
    fn chapters_match_item_titles_however_they_wrap_and_whatever_their_case() {
        let a = agenda(&[
            "Organizational and procedural matters",
            "Annual report of the United Nations High Commissioner for Human Rights and reports of the Office of the High Commissioner and the Secretary-General",
            "Questions diverses",
        ]);
        assert_eq!(
            item_for(&[chapter("I. ORGANIZATIONAL AND PROCEDURAL MATTERS.")], &a),
            Some(("1".to_string(), AgendaRule::HeadingTitle))
        );
        let cut = chapter("II. Annual report of the United Nations High Commissioner for Human Rights and reports of the Office of the High");
        assert_eq!(
            item_for(&[cut], &a),
            Some(("2".to_string(), AgendaRule::HeadingTitle))
        );
        assert_eq!(
            item_for(&[chapter("III. Questions diverses (suite)")], &a),
            Some(("3".to_string(), AgendaRule::HeadingTitle))
        );
        assert_eq!(item_for(&[chapter("IV. Questions")], &a), None);
    }

    #[test]
    fn an_explicit_mark_wins_and_the_innermost_heading_speaks_first() {
        let a = agenda(&["Opening", "Programme of work"]);
        let path = [
            chapter("II. Programme of work"),
            Heading {
                kind: HeadingKind::Section,
                text: "C. General debate on agenda item 1".to_string(),
            },
        ];
        assert_eq!(
            item_for(&path, &a),
            Some(("1".to_string(), AgendaRule::HeadingMark))
        );
        assert_eq!(
            item_for(
                &[chapter("III. Item 2: Programme of work for 2025")],
                &Agenda::default()
            ),
            Some(("2".to_string(), AgendaRule::ChapterItem))
        );
    }

    #[test]
    fn agenda_lists_with_wrapped_titles_and_sub_items() {
        let lines = [
            "1. Ouverture de la session :",
            "a) Allocutions d’ouverture ;",
            "b) Élection du Bureau.",
            "2. Activités du Centre pendant la période allant de décembre 2023 à",
            "novembre 2024.",
            "Item 3. Questions diverses.",
        ];
        let items = parse_list(lines.into_iter(), &Vocabulary::default());
        let listed: Vec<(&str, &str)> = items
            .iter()
            .map(|a| (a.label.as_str(), a.title.as_str()))
            .collect();
        assert_eq!(
            listed,
            [
                ("1", "Ouverture de la session"),
                ("1 (a)", "Allocutions d’ouverture"),
                ("1 (b)", "Élection du Bureau"),
                (
                    "2",
                    "Activités du Centre pendant la période allant de décembre 2023 à novembre 2024"
                ),
                ("3", "Questions diverses")
            ]
        );
    }
}
