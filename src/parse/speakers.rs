//! Who speaks in a unit. Reports attribute statements in a few fixed ways, all in the
//! unit's first sentence:
//! - a delegation: "La représentante de la Chine", "Les représentantes de la Chine, de la
//!   Fédération de Russie et de la République de Corée", "The representative of China",
//!   "The observer for Palestine", "the head of the delegation of Slovenia";
//! - a person with a country: "M. X (Danemark)";
//! - a country as subject (universal periodic review style): "Rwanda commended Slovenia";
//! - an official: "La Directrice du Centre", "the Chair", "The Executive Secretary".
//!
//! The earliest of these in the sentence is the subject. A sentence whose subject is the
//! body itself ("Le Conseil d’administration remercie le représentant de …") has none.
//!
//! A summary record reports one speaker's words per paragraph, over as many paragraphs
//! as the statement takes: [`statement_opening`] reads a speaker only at a paragraph's
//! start, and [`continue_statements`] carries it to the paragraphs after it that name
//! none, up to the next speaker, heading or piece of the record's own narration.

use std::sync::LazyLock;

use regex::Regex;

use super::lexicon::{self, at_word_starts};
use super::words::more_words_than;
use crate::countries::{Countries, CountryMention};
use crate::model::{Speaker, Unit};

// DELEGATION and PERSON_WITH_COUNTRY must start a word, which [`at_word_starts`] checks:
// written `\b` in the pattern, a Unicode word boundary, regex's fast engines give up at
// the first accented letter of a sentence and search it again with a backtracker (the
// two took 3.6 % of the parse bench's instructions that way, 0.2 % now).
static DELEGATION: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)(?:{})\s*({})\s+(?:(?:{})\s+)?({})\s+",
        lexicon::pattern(|w| w.articles),
        lexicon::pattern(|w| w.delegates),
        lexicon::pattern(|w| w.delegate_qualifiers),
        lexicon::pattern(|w| w.delegate_of),
    ))
    .expect("valid delegation pattern")
});
static HONORIFIC: LazyLock<String> = LazyLock::new(|| lexicon::pattern(|w| w.honorifics));
/// The most characters of a name before its bracket ("M. Ahmad Al-Kaabi (Qatar)"),
/// checked in code: written as a bounded repeat of a Unicode class, the pattern took
/// 13 ms to compile in every process that parses.
const NAME_CHARS_AT_MOST: usize = 61;
static PERSON_WITH_COUNTRY: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?:{})\s+([\p{{Lu}}][\p{{L}}.\-’' ]*?)\s*\(((?:[^()]|\([^()]*\)){{2,60}})\)",
        *HONORIFIC
    ))
    .expect("valid person pattern")
});
/// A delegate's role at the start of a person's bracket: "Observer for", "Observateur
/// de la".
static DELEGATE_IN_BRACKET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^({})\s+(?:(?:{})\s+)?({})\s*",
        lexicon::pattern(|w| w.delegates),
        lexicon::pattern(|w| w.delegate_qualifiers),
        lexicon::pattern(|w| w.delegate_of),
    ))
    .expect("valid delegate pattern")
});
static PERSON_AT_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:{})\s+((?:[\p{{Lu}}][\p{{L}}\-’']+\s*){{1,4}}?)\s+\p{{Ll}}",
        *HONORIFIC
    ))
    .expect("valid person pattern")
});
static OFFICIAL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^\s*(?i:{articles})\s*((?i:(?:{prefixes})\s*)?(?i:{officials})(?i:\s+(?:{suffixes}))*)(\s+(?:{of})\s*(?:(?i:{articles})\s+)?(?:[\p{{Lu}}][\p{{L}}\-]*)(?:\s+[\p{{Lu}}][\p{{L}}\-]*)*)?",
        articles = lexicon::pattern(|w| w.articles),
        prefixes = lexicon::pattern(|w| w.official_prefixes),
        officials = lexicon::pattern(|w| w.officials),
        suffixes = lexicon::pattern(|w| w.official_suffixes),
        of = lexicon::pattern(|w| w.delegate_of),
    ))
    .expect("valid official pattern")
});
static BODY_SUBJECT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(r"^(?:{})\b", lexicon::pattern(|w| w.bodies))).expect("valid body pattern")
});

/// The lower-case stems (first few letters) of a lexicon field's entries, without
/// repeats, for cheap "could this match" checks: "représent" stands for "représentant",
/// "représentantes"…
fn lowered(field: fn(&lexicon::Words) -> &'static [&'static str]) -> Vec<String> {
    /// Long enough to tell the entries apart from common words, short enough to merge
    /// the forms of one word.
    const STEM_CHARS: usize = 6;
    let mut stems: Vec<String> = lexicon::all(field)
        .into_iter()
        .map(|w| {
            w.to_lowercase()
                .replace('\'', "’")
                .chars()
                .take(STEM_CHARS)
                .collect()
        })
        .collect();
    stems.sort();
    stems.dedup();
    stems
}

/// Which kinds of speaker words a sentence holds, found in one pass over it.
struct Cues {
    honorific: bool,
    delegate: bool,
    official: bool,
}

/// The stems of [`HONORIFIC_WORDS`], [`DELEGATE_WORDS`] and [`OFFICIAL_WORDS`] in one
/// automaton, each pattern with the kinds it stands for. The automaton folds ASCII case;
/// letters outside ASCII are matched as written in lower case, capitalised or upper case
/// ("délégation", "État", "DÉLÉGATION"), so no sentence is lower-cased first.
static CUE_WORDS: LazyLock<(aho_corasick::AhoCorasick, Vec<[bool; 3]>)> = LazyLock::new(|| {
    let mut kinds: std::collections::BTreeMap<String, [bool; 3]> = Default::default();
    for (kind, words) in [&*HONORIFIC_WORDS, &*DELEGATE_WORDS, &*OFFICIAL_WORDS]
        .into_iter()
        .enumerate()
    {
        for word in words {
            for written in [word.clone(), capitalised(word), word.to_uppercase()] {
                kinds.entry(written).or_default()[kind] = true;
            }
        }
    }
    let automaton = aho_corasick::AhoCorasick::builder()
        .ascii_case_insensitive(true)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(kinds.keys())
        .expect("cue words build");
    (automaton, kinds.into_values().collect())
});

/// `word` with its first letter in upper case.
fn capitalised(word: &str) -> String {
    let mut letters = word.chars();
    letters
        .next()
        .map(|first| first.to_uppercase().chain(letters).collect())
        .unwrap_or_default()
}

impl Cues {
    fn of(sentence: &str) -> Cues {
        let (automaton, kinds) = &*CUE_WORDS;
        let mut found = [false; 3];
        for hit in automaton.find_overlapping_iter(sentence) {
            for (seen, is) in found.iter_mut().zip(kinds[hit.pattern().as_usize()]) {
                *seen |= is;
            }
            if found == [true; 3] {
                break;
            }
        }
        let [honorific, delegate, official] = found;
        Cues {
            honorific,
            delegate,
            official,
        }
    }
}

/// Officials' titles and their prefixes, in lower case.
static OFFICIAL_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    let mut words = lowered(|w| w.officials);
    words.extend(lowered(|w| w.official_prefixes));
    words
});
/// Delegates' roles, in lower case.
static DELEGATE_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| lowered(|w| w.delegates));
/// Honorifics, in lower case.
static HONORIFIC_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| lowered(|w| w.honorifics));
/// Verbs that end an organisation's name written in lower case ("Union européenne a …").
static SPEAKER_VERBS: LazyLock<Vec<&'static str>> =
    LazyLock::new(|| lexicon::all(|w| w.speaker_verbs));
/// Words allowed between two countries of one list: "de la Chine, de la Fédération de
/// Russie et de la République de Corée", "China, India and the Philippines".
static LIST_GLUE: LazyLock<Vec<String>> = LazyLock::new(|| lowered(|w| w.list_glue));

/// The speakers of a unit whose text is `text`.
pub fn find_speakers(text: &str, countries: &Countries) -> Vec<Speaker> {
    find_speakers_with(text, &countries.find_in(text), countries)
}

/// [`find_speakers`] when the countries named in `text` are already known.
pub fn find_speakers_with(
    text: &str,
    mentions_in_text: &[CountryMention],
    countries: &Countries,
) -> Vec<Speaker> {
    first_speakers(text, mentions_in_text, countries, Genre::Report)
        .map(|(_, speakers)| speakers)
        .unwrap_or_default()
}

/// Words at most in the clause before a summary record's speaker: "Replying to the
/// questions raised by members of the Committee, Mr. X (Y) said…".
const MAX_OPENING_CLAUSE_WORDS: usize = 14;

/// Who opens a statement in a paragraph of a summary record, as the paragraph's first
/// words say: "Mr. Kim (Republic of Korea) said that…", "The Chair said…", "Replying
/// to questions, Ms. X (Y) said…". Empty for the record's own narration ("At the
/// invitation of the Chair, Mr. X (Y) took a place at the table", "The draft
/// resolution was adopted") and for a paragraph that names its speaker further on or
/// not at all: a summary record reports one speaker's words per paragraph, and a
/// State named inside them ("In that regard, Italy had…") is not a new speaker.
pub fn statement_opening(
    text: &str,
    mentions_in_text: &[CountryMention],
    countries: &Countries,
) -> Vec<Speaker> {
    if is_record_narration(text) {
        return Vec::new();
    }
    first_speakers(text, mentions_in_text, countries, Genre::SummaryRecord)
        .filter(|(start, _)| opens_sentence(&text[..*start]))
        .map(|(_, speakers)| speakers)
        .unwrap_or_default()
}

/// Whether `before` (the text before a speaker) leaves the speaker at the start of the
/// sentence: nothing, or one short introductory clause closed by a comma.
fn opens_sentence(before: &str) -> bool {
    let before = before.trim_end();
    before.is_empty()
        || (before.ends_with(',') && !more_words_than(before, MAX_OPENING_CLAUSE_WORDS))
}

/// A summary record's statements across its paragraphs: a paragraph that opens with no
/// speaker ("His delegation also welcomed…", "The Group called upon…") continues the
/// statement before it, under the same headings, unless it is the record's own
/// narration. Units are given their speakers by [`statement_opening`] first.
pub fn continue_statements(units: &mut [Unit]) {
    let mut statement: Option<(Vec<Speaker>, Vec<String>)> = None;
    for unit in units.iter_mut() {
        if !unit.kind.is_running_text() || is_record_narration(&unit.text) {
            statement = None;
            continue;
        }
        if !unit.speakers.is_empty() {
            statement = Some((unit.speakers.clone(), unit.section.clone()));
            continue;
        }
        match &statement {
            Some((speakers, section)) if *section == unit.section => {
                unit.speakers = speakers.clone();
            }
            _ => statement = None,
        }
    }
}

/// Whether a paragraph is what the record itself says happened: the meeting opened,
/// rose or was suspended, a text adopted, a vote taken, a delegation seated, the body
/// as the subject ("The Committee resumed its consideration…").
fn is_record_narration(text: &str) -> bool {
    static NARRATION: LazyLock<Regex> = LazyLock::new(|| {
        let fields: [lexicon::Field; 4] = [
            |w| w.record_narration,
            |w| w.meeting_opened,
            |w| w.meeting_rose,
            |w| w.bodies,
        ];
        let words: Vec<&str> = fields.into_iter().flat_map(lexicon::all).collect();
        lexicon::starts_with_any(&words)
    });
    NARRATION.is_match(text.trim_start())
}

/// The genre a unit's speakers are read for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Genre {
    /// A session report: "Rwanda commended…", "The representatives of X and Y made
    /// statements".
    Report,
    /// A summary record: speakers are persons with their State, delegates or officials;
    /// a State at a paragraph's start is the subject of a speaker's reported words.
    SummaryRecord,
}

/// The speakers the text names first, and where.
fn first_speakers(
    text: &str,
    mentions_in_text: &[CountryMention],
    countries: &Countries,
    genre: Genre,
) -> Option<(usize, Vec<Speaker>)> {
    let mut end = sentence_end(text, 0);
    // "…les représentants des pays suivants : Inde, Japon et Népal."
    if text[end..].starts_with(':')
        && ["suivant", "following"]
            .iter()
            .any(|w| text[..end].contains(w))
    {
        end = sentence_end(text, end + 1);
    }
    let sentence = &text[..end];
    let names: Vec<&CountryMention> = mentions_in_text
        .iter()
        .filter(|m| !m.adjective && m.end <= end)
        .collect();

    // Cheap word checks first: the patterns are only run where they can match.
    let cues = Cues::of(sentence);
    let titled = cues.honorific;
    let mut candidates: Vec<(usize, Vec<Speaker>)> = Vec::new();
    if cues.delegate {
        candidates.extend(delegations(sentence, &names));
    }
    if titled && sentence.contains('(') {
        candidates.extend(person_with_country(sentence, countries));
    }
    if genre == Genre::Report {
        candidates.extend(country_as_subject(sentence, &names));
    }
    if cues.official {
        candidates.extend(official(sentence));
    }
    if titled {
        candidates.extend(person_at_start(sentence));
    }
    let body_speaks = BODY_SUBJECT.is_match(sentence);
    candidates
        .into_iter()
        .filter(|(start, _)| !body_speaks || *start == 0)
        .min_by_key(|(start, _)| *start)
}

fn delegations(sentence: &str, names: &[&CountryMention]) -> Option<(usize, Vec<Speaker>)> {
    let found = at_word_starts(&DELEGATION, sentence).next()?;
    let whole = found.get(0)?;
    let role = found[1].to_lowercase();
    let english = matches!(&found[2], "of" | "for");
    let mut rest_start = whole.end();
    let rest = &sentence[rest_start..];
    // "les représentants des pays suivants : Chine, Inde…"
    if let Some(colon) = rest.find(':').filter(|&i| i < 80) {
        let intro = rest[..colon].to_lowercase();
        if intro.contains("suivant") || intro.contains("following") {
            rest_start += colon + 1;
        }
    }
    let (listed, _) = listed_countries(sentence, rest_start, names);
    let speakers: Vec<Speaker> = if listed.is_empty() {
        let organization = organization_name(&sentence[rest_start..], english)?;
        vec![Speaker {
            country: None,
            role: Some(role),
            name: None,
            organization: Some(organization),
            on_behalf_of: None,
        }]
    } else {
        listed
            .into_iter()
            .map(|(code, group)| Speaker {
                country: Some(code),
                role: Some(role.clone()),
                name: None,
                organization: None,
                on_behalf_of: group,
            })
            .collect()
    };
    Some((whole.start(), speakers))
}

/// "on behalf of", "au nom de"… and what follows it: the group spoken for.
static ON_BEHALF: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?i)^[\s,]*(\()?\s*(?:{})\s+(?:of\s+|de\s+la\s+|de\s+l['’]\s*|du\s+|des\s+|de\s+|d['’]\s*)?",
        lexicon::pattern(|w| w.on_behalf_of)
    ))
    .expect("valid on-behalf-of pattern")
});

/// The group spoken for right after a speaker (at `from`): "(on behalf of the Group of
/// Arab States)", ", also on behalf of Australia and Mexico,"; the group and where it ends.
fn group_spoken_for(sentence: &str, from: usize) -> Option<(String, usize)> {
    let rest = &sentence[from..];
    let found = ON_BEHALF.captures(rest)?;
    let start = found.get(0)?.end();
    let end = if found.get(1).is_some() {
        let mut depth = 1;
        rest[start..]
            .char_indices()
            .find(|&(_, c)| {
                depth += match c {
                    '(' => 1,
                    ')' => -1,
                    _ => 0,
                };
                depth == 0
            })
            .map_or(rest.len(), |(i, _)| start + i)
    } else {
        rest[start..]
            .find([',', ';'])
            .map_or(rest.len(), |i| start + i)
    };
    let group = rest[start..end].trim().trim_end_matches('.').to_string();
    let after = if found.get(1).is_some() {
        (end + 1).min(rest.len())
    } else {
        end
    };
    (!group.is_empty()).then(|| (group, from + after))
}

/// Countries named one after the other from `from` on, joined only by list glue (and
/// footnote marks), each with the group it speaks for, if the text says so; countries
/// inside that group are not speakers.
/// Also returns where the list ends.
fn listed_countries(
    sentence: &str,
    from: usize,
    names: &[&CountryMention],
) -> (Vec<(String, Option<String>)>, usize) {
    let mut listed: Vec<(String, Option<String>)> = Vec::new();
    let mut position = from;
    for mention in names.iter().filter(|m| m.start >= from) {
        if mention.start < position {
            continue;
        }
        let gap = &sentence[position..mention.start];
        let only_glue = gap
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .all(|w| {
                LIST_GLUE.contains(&w.to_lowercase()) || w.chars().all(|c| c.is_ascii_digit())
            });
        if !only_glue {
            break;
        }
        position = mention.end;
        // A footnote mark glued to the name: "Bahrain2".
        position += sentence[position..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        let group = group_spoken_for(sentence, position).map(|(group, end)| {
            position = end;
            group
        });
        match listed.iter_mut().find(|(code, _)| *code == mention.code) {
            Some(entry) => entry.1 = entry.1.take().or(group),
            None => listed.push((mention.code.to_string(), group)),
        }
    }
    (listed, position)
}

/// The name of an organisation that speaks, from the words after "the representative
/// of": "Centre international pour la coopération Sud-Sud" from "du Centre international
/// pour la coopération Sud-Sud, un centre de…"; in English, where a name is capitalised
/// and the verb is not, "European Union" from "the European Union made a statement".
fn organization_name(rest: &str, english: bool) -> Option<String> {
    let rest = rest.trim_start();
    let rest = ["the ", "la ", "le ", "les ", "l’", "l'"]
        .iter()
        .find_map(|a| rest.strip_prefix(a))
        .unwrap_or(rest);
    if !rest.starts_with(char::is_uppercase) {
        return None;
    }
    let generic = ["États", "Etats", "Member", "States", "pays"];
    if generic.iter().any(|g| rest.starts_with(g)) {
        return None;
    }
    let end = rest.find([',', '(', ';']).unwrap_or(rest.len());
    let mut words: Vec<&str> = rest[..end].split_whitespace().take(12).collect();
    if let Some(verb) = words.iter().position(|w| SPEAKER_VERBS.contains(w)) {
        words.truncate(verb);
    }
    if english {
        const CONNECTORS: [&str; 6] = ["of", "for", "and", "on", "the", "in"];
        let name_length = words
            .iter()
            .position(|w| !w.starts_with(|c: char| c.is_uppercase()) && !CONNECTORS.contains(w))
            .unwrap_or(words.len());
        words.truncate(name_length);
        while words.last().is_some_and(|w| CONNECTORS.contains(w)) {
            words.pop();
        }
    }
    let name = words.join(" ");
    let name = name.trim_end_matches(['.', ':']);
    (!name.is_empty()).then(|| name.to_string())
}

/// "M. X (Danemark)", "Mr. Y (European Union)", "Ms. Z (Country Rapporteur)": a person
/// with the country they speak for, or else their office, or else their organisation.
fn person_with_country(sentence: &str, countries: &Countries) -> Option<(usize, Vec<Speaker>)> {
    for found in at_word_starts(&PERSON_WITH_COUNTRY, sentence) {
        let bracket = found[2].trim();
        if !bracket.starts_with(char::is_uppercase) || found[1].chars().count() > NAME_CHARS_AT_MOST
        {
            continue;
        }
        let (country, role, organization) = match countries.lookup(bracket) {
            Ok(country) => (Some(country.alpha3.clone()), None, None),
            // "(Observer for the State of Palestine)": a delegate's role, then whom for.
            Err(_) => match delegate_in(bracket) {
                Some((role, spoken_for)) => match countries.lookup(&spoken_for) {
                    Ok(country) => (Some(country.alpha3.clone()), Some(role), None),
                    Err(_) => (None, Some(role), Some(spoken_for)),
                },
                None => {
                    let lower = bracket.to_lowercase();
                    if OFFICIAL_WORDS.iter().any(|s| lower.contains(s.as_str())) {
                        (None, Some(bracket.to_string()), None)
                    } else {
                        (None, None, Some(bracket.to_string()))
                    }
                }
            },
        };
        let whole = found.get(0)?;
        let speaker = Speaker {
            country,
            role,
            name: Some(found[1].trim().to_string()),
            organization,
            on_behalf_of: group_spoken_for(sentence, whole.end()).map(|(group, _)| group),
        };
        return Some((whole.start(), vec![speaker]));
    }
    None
}

/// A delegate's role and whom they speak for, from a speaker's bracket: ("Observer",
/// "State of Palestine") from "Observer for the State of Palestine", ("Observateur",
/// "Union africaine") from "Observateur de l'Union africaine".
pub fn delegate_in(bracket: &str) -> Option<(String, String)> {
    let (role, rest, english) = delegate_role(bracket)?;
    Some((role, organization_name(rest, english)?))
}

/// The role at the start of `text` ("Observer for", "représentante de la"), the text
/// after it, and whether the role's words are English.
pub fn delegate_role(text: &str) -> Option<(String, &str, bool)> {
    // Every speaker heading's name is tried: most fail the quick test, without captures.
    if !DELEGATE_IN_BRACKET.is_match(text) {
        return None;
    }
    let found = DELEGATE_IN_BRACKET.captures(text)?;
    let english = matches!(&found[2], "of" | "for");
    Some((found[1].to_string(), &text[found.get(0)?.end()..], english))
}

fn person_at_start(sentence: &str) -> Option<(usize, Vec<Speaker>)> {
    let found = PERSON_AT_START.captures(sentence)?;
    let speaker = Speaker {
        country: None,
        role: None,
        name: Some(found[1].trim().to_string()),
        organization: None,
        on_behalf_of: None,
    };
    Some((0, vec![speaker]))
}

/// "Rwanda commended…", "The United States of America commended…", "China and India
/// welcomed…": countries at the very start, followed by a word in lower case (the verb).
fn country_as_subject(sentence: &str, names: &[&CountryMention]) -> Option<(usize, Vec<Speaker>)> {
    let first = names.first()?;
    let lead = sentence[..first.start].trim();
    if !(lead.is_empty() || ["The", "La", "Le", "Les", "L’", "L'"].contains(&lead)) {
        return None;
    }
    let (listed, last_end) = listed_countries(sentence, first.start, names);
    if listed.is_empty() {
        return None;
    }
    let after = sentence[last_end..].trim_start_matches([')', ' ']);
    let verb_follows = after.starts_with(|c: char| c.is_lowercase())
        && !after.starts_with("et ")
        && !after.starts_with("and ");
    if !verb_follows
        || after.starts_with("de ")
        || after.starts_with("du ")
        || after.starts_with("of ")
    {
        return None;
    }
    let speakers = listed
        .into_iter()
        .map(|(code, group)| Speaker {
            country: Some(code),
            role: Some("delegation".to_string()),
            name: None,
            organization: None,
            on_behalf_of: group,
        })
        .collect();
    Some((0, speakers))
}

/// An official as the subject: at the start of the sentence or right after an
/// introductory clause ("At the same meeting, the Chair …"). The pattern is anchored and
/// tried only there, which is much cheaper than searching the whole sentence.
fn official(sentence: &str) -> Option<(usize, Vec<Speaker>)> {
    let clause_starts = std::iter::once(0).chain(sentence.match_indices(',').map(|(i, _)| i + 1));
    let (offset, found) = clause_starts
        .into_iter()
        .find_map(|at| OFFICIAL.captures(&sentence[at..]).map(|c| (at, c)))?;
    let start = offset
        + found.get(0)?.start()
        + (found.get(0)?.len() - found.get(0)?.as_str().trim_start().len());
    let mut role = found[1].to_string();
    if let Some(of) = found.get(2) {
        role.push_str(of.as_str());
    }
    let speaker = Speaker {
        country: None,
        role: Some(as_written_in_text(role.trim())),
        name: None,
        organization: None,
        on_behalf_of: None,
    };
    Some((start, vec![speaker]))
}

/// A title as running text writes it: "PRESIDENT" as "President", "PRÉSIDENTE" as
/// "Présidente"; a title not all in capitals as it is.
pub fn as_written_in_text(title: &str) -> String {
    if title.chars().any(char::is_lowercase) {
        return title.to_string();
    }
    let mut out = String::with_capacity(title.len());
    let mut word_start = true;
    for c in title.chars() {
        if word_start {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        word_start = !c.is_alphabetic();
    }
    out
}

/// Where the sentence that starts at or before `from` ends (". ", " : ", "; "), not
/// fooled by "M. X".
fn sentence_end(text: &str, from: usize) -> usize {
    const ABBREVIATIONS: [&str; 12] = [
        "M", "Mme", "Mr", "Ms", "Mrs", "Dr", "No", "Nos", "St", "p", "para", "E",
    ];
    let bytes = text.as_bytes();
    // The marks are ASCII, so bytes are searched, not characters decoded.
    let mut at = from;
    while let Some(offset) = bytes[at..]
        .iter()
        .position(|b| matches!(b, b'.' | b';' | b':' | b'?' | b'!'))
    {
        let i = at + offset;
        at = i + 1;
        let next_is_space = bytes.get(i + 1).is_none_or(|b| b.is_ascii_whitespace());
        if !next_is_space {
            continue;
        }
        if bytes[i] == b'.' {
            let word = text[..i]
                .rsplit(|c: char| !c.is_alphanumeric())
                .next()
                .unwrap_or("");
            let single_capital = word.chars().count() == 1 && word.starts_with(char::is_uppercase);
            if ABBREVIATIONS.contains(&word) || single_capital {
                continue;
            }
        }
        return i;
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn countries_of(text: &str) -> Vec<String> {
        find_speakers(text, Countries::get())
            .into_iter()
            .filter_map(|s| s.country)
            .collect()
    }

    fn roles_of(text: &str) -> Vec<String> {
        find_speakers(text, Countries::get())
            .into_iter()
            .filter_map(|s| s.role)
            .collect()
    }

    #[test]
    fn french_delegations() {
        assert_eq!(
            countries_of("La représentante de la Chine salue le nombre d’activités."),
            ["CHN"]
        );
        assert_eq!(
            countries_of("Le représentant de l’Inde dit que son Gouvernement apprécie."),
            ["IND"]
        );
        assert_eq!(
            countries_of("Les représentantes de la Chine, de la Fédération de Russie et de la République de Corée remercient le Centre."),
            ["CHN", "RUS", "KOR"]
        );
        assert_eq!(
            countries_of(
                "Le représentant de la République islamique d’Iran fait part de l’intérêt."
            ),
            ["IRN"]
        );
        assert_eq!(
            countries_of("Le représentant du Danemark a dit que..."),
            ["DNK"]
        );
        assert_eq!(
            countries_of("La représentante des Philippines propose."),
            ["PHL"]
        );
        assert_eq!(
            countries_of("M. Jensen (Danemark) dit que son pays appuie le projet."),
            ["DNK"]
        );
        // Sixty-odd characters between the title and the bracket are not a name.
        let far = format!(
            "M. Jensen {}(Danemark) dit que son pays appuie le projet.",
            "et Dupont ".repeat(7)
        );
        assert!(countries_of(&far).is_empty());
        assert_eq!(
            countries_of("Des déclarations ont été faites par les représentants des pays suivants : Inde, Japon et Népal."),
            ["IND", "JPN", "NPL"]
        );
    }

    #[test]
    fn cue_words_are_found_in_any_case() {
        // The cue automaton folds ASCII case only: a cue word with accented capitals must
        // still let the delegation pattern run.
        assert_eq!(
            countries_of("La DÉLÉGATION de la Chine salue le rapport."),
            ["CHN"]
        );
        assert_eq!(
            countries_of("LA DÉLÉGATION DE LA CHINE SALUE LE RAPPORT."),
            ["CHN"]
        );
    }

    #[test]
    fn english_delegations_and_states_as_subjects() {
        assert_eq!(
            countries_of("The representative of China said that the plan was sound."),
            ["CHN"]
        );
        assert_eq!(
            countries_of("Rwanda commended Slovenia for the steps taken."),
            ["RWA"]
        );
        assert_eq!(
            countries_of(
                "The United Kingdom of Great Britain and Northern Ireland commended Slovenia."
            ),
            ["GBR"]
        );
        assert_eq!(
            countries_of("The Bolivarian Republic of Venezuela recognized the work done."),
            ["VEN"]
        );
        assert_eq!(
            countries_of("At the same meeting, the observer for the State of Palestine spoke."),
            ["PSE"]
        );
        assert_eq!(
            countries_of("China and India welcomed the report."),
            ["CHN", "IND"]
        );
    }

    #[test]
    fn officials_and_organisations_have_no_country() {
        assert_eq!(
            countries_of("La Directrice du Centre informe le Conseil d’administration."),
            Vec::<String>::new()
        );
        assert_eq!(
            roles_of("La Directrice du Centre informe le Conseil."),
            ["Directrice du Centre"]
        );
        assert_eq!(
            roles_of("The Chair thanked the representative of China."),
            ["Chair"]
        );
        assert!(countries_of("The Chair thanked the representative of China.").is_empty());
        assert!(countries_of(
            "Dans son résumé, le Président présente les conclusions (voir annexe II)."
        )
        .is_empty());
        let organisation = find_speakers(
            "La représentante du Centre international pour la coopération Sud-Sud, un centre de l’UNESCO, propose.",
            Countries::get(),
        );
        assert_eq!(
            organisation[0].organization.as_deref(),
            Some("Centre international pour la coopération Sud-Sud")
        );
        assert!(
            countries_of("Le Conseil d’administration remercie le représentant de la Chine.")
                .is_empty()
        );
        assert!(countries_of(
            "Le Conseil a élu le Bureau suivant : Président : M. X (République islamique d’Iran)"
        )
        .is_empty());
        assert!(
            countries_of("Au Népal, l’intégration des données a renforcé la résilience.")
                .is_empty()
        );
    }

    #[test]
    fn observers_entities_and_short_names_old_and_new() {
        for (text, want) in [
            ("The observer for the Holy See made a statement.", "VAT"),
            (
                "The observer for the State of Palestine made a statement.",
                "PSE",
            ),
            (
                "L’observateur de l’État de Palestine fait une déclaration.",
                "PSE",
            ),
            ("The representative of Czechia made a statement.", "CZE"),
            (
                "The representative of the Czech Republic made a statement.",
                "CZE",
            ),
            ("Türkiye commended Viet Nam for its efforts.", "TUR"),
            ("Turkey commended Viet Nam for its efforts.", "TUR"),
            ("Viet Nam welcomed the report.", "VNM"),
            ("La représentante de la Türkiye remercie le Centre.", "TUR"),
        ] {
            assert_eq!(countries_of(text), [want], "{text}");
        }
        let eu = find_speakers(
            "The representative of the European Union made a statement.",
            Countries::get(),
        );
        assert_eq!(eu.len(), 1);
        assert_eq!(eu[0].country, None);
        assert_eq!(eu[0].organization.as_deref(), Some("European Union"));
        let person = find_speakers(
            "Ms. Dupont (European Union) said that the plan was sound.",
            Countries::get(),
        );
        assert_eq!(person[0].organization.as_deref(), Some("European Union"));
        assert_eq!(person[0].name.as_deref(), Some("Dupont"));
    }

    #[test]
    fn patterns_match_only_at_the_start_of_a_word_as_unicode_sees_words() {
        let pattern = Regex::new(r"(?i)la\s+(x)").unwrap();
        let starts = |text: &str| -> Vec<usize> {
            at_word_starts(&pattern, text)
                .map(|c| c.get(0).unwrap().start())
                .collect()
        };
        // Inside "Hala" and after "é" (a letter to Unicode, not to ASCII): skipped.
        assert_eq!(starts("Hala x, la x"), [8]);
        assert_eq!(starts("déla x ; La x"), [10]);
        // After a footnote mark or punctuation: a word starts.
        assert_eq!(starts("¹La x (la x)"), [2, 8]);
        assert!(starts("Malax").is_empty());
    }

    #[test]
    fn an_observers_bracket_gives_the_role_and_whom_they_speak_for() {
        assert_eq!(
            delegate_in("Observer for the State of Palestine"),
            Some(("Observer".to_string(), "State of Palestine".to_string()))
        );
        assert_eq!(
            delegate_in("Observateur de l’Union africaine"),
            Some(("Observateur".to_string(), "Union africaine".to_string()))
        );
        assert_eq!(delegate_in("Country Rapporteur"), None);
    }

    #[test]
    fn a_summary_records_speaker_opens_the_paragraph_or_nobody_does() {
        let opening = |text: &str| {
            let countries = Countries::get();
            statement_opening(text, &countries.find_in(text), countries)
        };
        let kim = opening("Replying to questions, Mr. Kim (Republic of Korea) said that it would.");
        assert_eq!(kim[0].country.as_deref(), Some("KOR"));
        // A State as the subject of reported words, a speaker named further on, and
        // the record's narration open no statement.
        for text in [
            "Italy had also increased funding for education.",
            "His delegation agreed with the representative of France that more was needed.",
            "At the invitation of the Chair, Mr. Kamara (Sierra Leone) took a place at the table.",
            "The draft resolution was adopted without a vote.",
        ] {
            assert!(opening(text).is_empty(), "{text}");
        }
    }

    #[test]
    fn the_group_spoken_for_is_kept_apart_from_the_speakers() {
        let speakers = find_speakers(
            "The representatives of Brazil, Egypt (on behalf of the Group of Arab States) and Czechia made statements.",
            Countries::get(),
        );
        let got: Vec<(Option<&str>, Option<&str>)> = speakers
            .iter()
            .map(|s| (s.country.as_deref(), s.on_behalf_of.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (Some("BRA"), None),
                (Some("EGY"), Some("the Group of Arab States")),
                (Some("CZE"), None)
            ]
        );
        let speakers = find_speakers(
            "The representative of Turkey, also on behalf of Australia and Mexico, made a statement.",
            Countries::get(),
        );
        assert_eq!(speakers.len(), 1);
        assert_eq!(speakers[0].country.as_deref(), Some("TUR"));
        assert_eq!(
            speakers[0].on_behalf_of.as_deref(),
            Some("Australia and Mexico")
        );
        let french = find_speakers(
            "Le représentant du Pakistan (au nom de l’Organisation de la coopération islamique) et la représentante de la Chine prennent la parole.",
            Countries::get(),
        );
        assert_eq!(french[0].country.as_deref(), Some("PAK"));
        assert_eq!(
            french[0].on_behalf_of.as_deref(),
            Some("Organisation de la coopération islamique")
        );
    }
}
