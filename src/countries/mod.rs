//! Country names: every UN member and observer state in French (with its article) and
//! English (with UN forms such as "Iran (Islamic Republic of)"), ISO 3166-1 codes and
//! nationality adjectives, from one data file (`countries.tsv`; no maintained crate
//! carries French names with their articles).
//!
//! Two uses: [`Countries::find_in`] finds countries named in running text (longest match
//! wins, so "République démocratique du Congo" is not "Congo"), and
//! [`Countries::lookup`] resolves what a user types after `--country` ("Chine", "china",
//! "CHN", "thailande"), suggesting close names when it fails.

use aho_corasick::{automaton::Automaton, Anchored};
use rustc_hash::FxHashMap as HashMap;
use std::sync::{LazyLock, OnceLock};

use crate::error::{Error, Result};

const DATA: &str = include_str!("countries.tsv");

/// In [`ASCII_FOLDED`], an ASCII byte that separates words.
const SEPARATOR: u8 = 0;

/// What each ASCII byte folds to: a letter or digit to itself in lower case, anything
/// else to [`SEPARATOR`].
const ASCII_FOLDED: [u8; 128] = {
    let mut table = [SEPARATOR; 128];
    let mut byte = 0;
    while byte < 128 {
        if (byte as u8).is_ascii_alphanumeric() {
            table[byte] = (byte as u8).to_ascii_lowercase();
        }
        byte += 1;
    }
    table
};

/// A place in a text read as the country names are folded: lower-case ASCII, one space
/// between words, a space at each end (the leading one taken as read). The text is never
/// folded whole: [`Countries::find_in`] walks the automaton from each word on a copy of
/// the cursor, and most words leave the automaton within a letter or two.
#[derive(Clone, Copy)]
struct FoldCursor<'t> {
    text: &'t str,
    /// The next byte of `text` to read.
    at: usize,
    /// The folded form of the last character of several bytes, and how much of it is
    /// still to be given out.
    form: &'static [u8],
    form_next: usize,
    /// Where that character starts and ends in the text.
    form_start: usize,
    form_end: usize,
    /// Whether a word is open: begun, and no space given out after it yet.
    open: bool,
    /// Where the open (or the last) word starts in `text`.
    word_start: usize,
    /// Where the last closed word ends in `text`.
    word_end: usize,
}

/// Whether `byte` is an ASCII letter or digit: part of a word as the names are folded.
#[inline(always)]
fn is_ascii_word_byte(byte: u8) -> bool {
    byte.is_ascii() && ASCII_FOLDED[usize::from(byte)] != SEPARATOR
}

/// Where the run of ASCII letters and digits at `at` in `bytes` ends.
#[inline(always)]
fn ascii_word_end(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(|&b| is_ascii_word_byte(b)) {
        at += 1;
    }
    at
}

/// What [`FoldCursor::skip_word_starting_no_phrase`] read.
enum Skipped {
    Nothing,
    /// A word and the space after it.
    Word,
    /// The rest of the text.
    ToTheEnd,
}

/// The folded form of a letter that has no ASCII form: no country's name has it, so any
/// byte outside ASCII stands for it.
const NO_ASCII_FORM: &[u8] = b"\xff";

impl<'t> FoldCursor<'t> {
    fn new(text: &'t str) -> FoldCursor<'t> {
        FoldCursor {
            text,
            at: 0,
            form: b"",
            form_next: 0,
            form_start: 0,
            form_end: 0,
            open: false,
            word_start: 0,
            word_end: 0,
        }
    }

    /// Gives out `letter` of the open word, opening one at `start` if none is.
    #[inline(always)]
    fn letter(&mut self, letter: u8, start: usize) -> u8 {
        if !self.open {
            self.open = true;
            self.word_start = start;
        }
        letter
    }

    /// Gives out the space that closes the open word, which ends at `end`.
    #[inline(always)]
    fn close(&mut self, end: usize) -> u8 {
        self.open = false;
        self.word_end = end;
        b' '
    }

    /// The next folded byte: a letter, or the one space after a word; `None` at the end.
    #[inline(always)]
    fn next_byte(&mut self) -> Option<u8> {
        loop {
            if self.form_next < self.form.len() {
                let byte = self.form[self.form_next];
                self.form_next += 1;
                if byte != b' ' {
                    return Some(self.letter(byte.to_ascii_lowercase(), self.form_start));
                }
                // `deunicode` writes some characters as several words ("Zhong ").
                if self.open {
                    return Some(self.close(self.form_end));
                }
                continue;
            }
            let Some(&byte) = self.text.as_bytes().get(self.at) else {
                return self.open.then(|| self.close(self.text.len()));
            };
            let at = self.at;
            if byte.is_ascii() {
                self.at += 1;
                match ASCII_FOLDED[usize::from(byte)] {
                    SEPARATOR if self.open => return Some(self.close(at)),
                    SEPARATOR => continue,
                    letter => return Some(self.letter(letter, at)),
                }
            }
            if let Some(letter) = self.wide_character() {
                return Some(letter);
            }
        }
    }

    /// Reads the character of several bytes at the cursor: a separator closes the open
    /// word (given out), a letter's form is set to be given out (nothing given out yet).
    #[inline(never)]
    fn wide_character(&mut self) -> Option<u8> {
        let at = self.at;
        let c = self.text[at..].chars().next().unwrap_or(' ');
        self.at += c.len_utf8();
        if !c.is_alphanumeric() {
            return self.open.then(|| self.close(at));
        }
        self.form = deunicode::deunicode_char(c).map_or(NO_ASCII_FORM, str::as_bytes);
        self.form_next = 0;
        self.form_start = at;
        self.form_end = self.at;
        None
    }

    /// Reads the next word when it is ASCII and leaves `automaton` (walked from `state`,
    /// the state after a space) before its end, up to and including the space after it,
    /// without giving it out: most words of a text, which start no phrase. Nothing is
    /// read when the word does not leave the automaton so, or a character's form is
    /// being given out.
    #[inline(always)]
    fn skip_word_starting_no_phrase(
        &mut self,
        automaton: &aho_corasick::dfa::DFA,
        mut state: aho_corasick::automaton::StateID,
    ) -> Skipped {
        if self.open || self.form_next < self.form.len() {
            return Skipped::Nothing;
        }
        let bytes = self.text.as_bytes();
        // The separators before the word, skipped as `next_byte` skips them.
        while bytes
            .get(self.at)
            .is_some_and(|&b| b.is_ascii() && !is_ascii_word_byte(b))
        {
            self.at += 1;
        }
        let word_start = self.at;
        let mut at = word_start;
        loop {
            match bytes.get(at) {
                Some(&b) if is_ascii_word_byte(b) => {
                    state =
                        automaton.next_state(Anchored::Yes, state, ASCII_FOLDED[usize::from(b)]);
                    at += 1;
                    if automaton.is_dead(state) {
                        break;
                    }
                }
                _ => return Skipped::Nothing,
            }
        }
        at = ascii_word_end(bytes, at);
        self.open = true;
        self.word_start = word_start;
        self.at = at;
        match bytes.get(at) {
            None => Skipped::ToTheEnd,
            Some(&b) if b.is_ascii() => {
                self.at += 1;
                self.close(at);
                Skipped::Word
            }
            // A letter or mark outside ASCII: the word may go on.
            Some(_) if self.skip_word() => Skipped::Word,
            Some(_) => Skipped::ToTheEnd,
        }
    }

    /// Reads up to and including the space after the next word; false at the end.
    fn skip_word(&mut self) -> bool {
        loop {
            // The rest of an ASCII word, most of every text, without giving it out.
            if self.open && self.form_next >= self.form.len() {
                self.at = ascii_word_end(self.text.as_bytes(), self.at);
            }
            match self.next_byte() {
                Some(b' ') => return true,
                Some(_) => {}
                None => return false,
            }
        }
    }
}

/// Whether the word before `at` in `text` is "en" or "in", which make the adjective after
/// them a language ("en russe").
fn after_en_or_in(text: &str, at: usize) -> bool {
    let before = text[..at].trim_end_matches(|c: char| !c.is_alphanumeric());
    let word_start = before.rfind(|c: char| !c.is_alphanumeric()).map_or(0, |i| {
        i + before[i..].chars().next().map_or(1, char::len_utf8)
    });
    matches!(fold(&before[word_start..]).as_str(), "en" | "in")
}

/// One state.
#[derive(Debug, Clone)]
pub struct Country {
    /// ISO 3166-1 alpha-2.
    pub alpha2: String,
    /// ISO 3166-1 alpha-3: the code used everywhere in rapporteur.
    pub alpha3: String,
    /// English names, display name first.
    pub english: Vec<String>,
    /// French names with their article ("la Chine"), display name first.
    pub french: Vec<String>,
    /// Nationality adjectives (French and English).
    pub adjectives: Vec<String>,
}

impl Country {
    /// French display name without its article: "Chine", "Inde", "Philippines".
    pub fn french_name(&self) -> &str {
        strip_article(&self.french[0])
    }

    /// English display name.
    pub fn english_name(&self) -> &str {
        &self.english[0]
    }

    /// "Chine / China (CHN)": how suggestions and listings name a country.
    pub fn describe(&self) -> String {
        if self.french_name() == self.english_name() {
            format!("{} ({})", self.french_name(), self.alpha3)
        } else {
            format!(
                "{} / {} ({})",
                self.french_name(),
                self.english_name(),
                self.alpha3
            )
        }
    }
}

/// A country found in text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CountryMention<'c> {
    /// Alpha-3 code.
    pub code: &'c str,
    /// Byte range in the text.
    pub start: usize,
    /// End of the byte range.
    pub end: usize,
    /// Found through an adjective ("experts chinois") rather than a name.
    pub adjective: bool,
}

/// The country table with its indexes.
pub struct Countries {
    countries: Vec<Country>,
    /// The folded names, adjectives and codes; built on first use (resolving `--country`
    /// and naming a country by its code do not need them, and a search process that
    /// built them spent a sixth of its instructions there).
    indexes: OnceLock<Indexes>,
    /// Every folded name and adjective phrase, walked from each word of a text (the
    /// longest phrase from there wins); built on first use (looking a name up does not
    /// need it).
    phrases: OnceLock<aho_corasick::dfa::DFA>,
}

/// The table's folded forms.
struct Indexes {
    /// The patterns of `Countries::phrases`.
    phrase_patterns: Vec<String>,
    /// What each pattern of `Countries::phrases` is: (country index, adjective, must be
    /// capitalised).
    phrase_meaning: Vec<(usize, bool, bool)>,
    /// Everything `lookup` accepts: names, codes, adjectives.
    lookup_keys: HashMap<String, usize>,
}

impl Indexes {
    fn of(countries: &[Country]) -> Indexes {
        // Folded multi-word name -> country index.
        let mut names: HashMap<String, usize> = HashMap::default();
        // Folded adjective -> (country index, must be capitalised in the text).
        let mut adjectives: HashMap<String, (usize, bool)> = HashMap::default();
        let mut lookup_keys: HashMap<String, usize> = HashMap::default();
        for (i, c) in countries.iter().enumerate() {
            for name in c.english.iter().chain(&c.french) {
                names.insert(name_key(name), i);
            }
            for adj in &c.adjectives {
                let capitalised = adj.chars().next().is_some_and(char::is_uppercase);
                adjectives.insert(phrase_key(adj), (i, capitalised));
            }
            lookup_keys.extend(c.keys().map(|key| (key, i)));
        }
        let mut phrase_patterns = Vec::new();
        let mut phrase_meaning = Vec::new();
        for (key, &c) in &names {
            phrase_patterns.push(format!(" {key} "));
            phrase_meaning.push((c, false, true));
        }
        for (key, &(c, needs_capital)) in &adjectives {
            if names.contains_key(key) {
                continue;
            }
            phrase_patterns.push(format!(" {key} "));
            phrase_meaning.push((c, true, needs_capital));
        }
        Indexes {
            phrase_patterns,
            phrase_meaning,
            lookup_keys,
        }
    }
}

impl Country {
    /// Everything that names this country as `lookup` compares it: its names (by
    /// [`name_key`]), adjectives (by [`phrase_key`]) and codes, in lower case.
    fn keys(&self) -> impl Iterator<Item = String> + '_ {
        let names = self.english.iter().chain(&self.french).map(|n| name_key(n));
        let adjectives = self.adjectives.iter().map(|a| phrase_key(a));
        let codes = [self.alpha2.to_lowercase(), self.alpha3.to_lowercase()];
        names.chain(adjectives).chain(codes)
    }

    /// Whether `key` (made by [`name_key`]) names this country.
    fn answers_to(&self, key: &str) -> bool {
        self.keys().any(|own| own == key)
    }
}

static TABLE: LazyLock<Countries> = LazyLock::new(|| Countries::from_tsv(DATA));

impl Countries {
    /// The built-in table.
    pub fn get() -> &'static Countries {
        &TABLE
    }

    fn from_tsv(data: &str) -> Countries {
        let mut countries = Vec::new();
        for line in data
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        {
            let cols: Vec<&str> = line.split('\t').collect();
            let list = |i: usize| -> Vec<String> {
                cols.get(i)
                    .map(|c| {
                        c.split('|')
                            .map(str::trim)
                            .filter(|s| !s.is_empty())
                            .map(String::from)
                            .collect()
                    })
                    .unwrap_or_default()
            };
            countries.push(Country {
                alpha2: cols[0].to_string(),
                alpha3: cols[1].to_string(),
                english: list(2),
                french: list(3),
                adjectives: list(4),
            });
        }
        Countries {
            countries,
            indexes: OnceLock::new(),
            phrases: OnceLock::new(),
        }
    }

    fn indexes(&self) -> &Indexes {
        self.indexes.get_or_init(|| Indexes::of(&self.countries))
    }

    /// Every country, in table order.
    pub fn all(&self) -> &[Country] {
        &self.countries
    }

    /// The country with this alpha-3 code.
    pub fn by_code(&self, alpha3: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.alpha3 == alpha3)
    }

    /// Resolves a name as a user types it: French or English, any case, accents optional,
    /// with or without article, ISO alpha-2 or alpha-3.
    pub fn lookup(&self, typed: &str) -> Result<&Country> {
        let key = name_key(typed.trim());
        // Once the indexes are built (text was searched for countries, as a parse does),
        // one map lookup; before, a single lookup reads the table in order rather than
        // building them. Each key names one country only (a test checks it), so the first
        // country that answers is the one.
        let found = match self.indexes.get() {
            Some(indexes) => indexes.lookup_keys.get(&key).map(|&i| &self.countries[i]),
            None => self.countries.iter().find(|c| c.answers_to(&key)),
        };
        if let Some(country) = found {
            return Ok(country);
        }
        Err(Error::UnknownCountry {
            name: typed.to_string(),
            suggestions: self.suggest(&key),
        })
    }

    fn suggest(&self, key: &str) -> Vec<String> {
        let mut scored: Vec<(f64, usize)> = self
            .indexes()
            .lookup_keys
            .iter()
            .filter(|(name, _)| name.len() > 3)
            .map(|(name, &i)| {
                let mut score = strsim::jaro_winkler(key, name);
                if !key.is_empty() && name.starts_with(key) {
                    score += 0.5;
                }
                (score, i)
            })
            .filter(|(score, _)| *score >= 0.85)
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut out: Vec<usize> = Vec::new();
        for (_, i) in scored {
            if !out.contains(&i) {
                out.push(i);
            }
        }
        out.into_iter()
            .take(4)
            .map(|i| self.countries[i].describe())
            .collect()
    }

    /// Countries named in `text`, in order, longest match first at each place. Names must
    /// start with a capital letter (so "turkey" or "chad" in lower case are not countries);
    /// adjectives right after "en"/"in" are languages ("en russe"), not countries.
    pub fn find_in(&self, text: &str) -> Vec<CountryMention<'_>> {
        let automaton = self.phrases.get_or_init(|| {
            // A full DFA, searched anchored at each word: every pattern starts with the
            // space before its first word.
            aho_corasick::dfa::DFA::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                .start_kind(aho_corasick::StartKind::Anchored)
                .build(&self.indexes().phrase_patterns)
                .expect("country phrases build an automaton")
        });
        let Ok(start) = automaton.start_state(Anchored::Yes) else {
            return Vec::new();
        };
        let after_space = automaton.next_state(Anchored::Yes, start, b' ');
        let meaning = &self.indexes().phrase_meaning;
        let mut found = Vec::new();
        let mut cursor = FoldCursor::new(text);
        loop {
            // Most words are ASCII and leave the automaton within a letter or two.
            match cursor.skip_word_starting_no_phrase(automaton, after_space) {
                Skipped::Word => continue,
                Skipped::ToTheEnd => break,
                Skipped::Nothing => {}
            }
            // The cursor has just read a space: find the longest phrase from there.
            let mut walk = cursor;
            let mut state = after_space;
            let mut read = 1;
            let mut longest = None;
            let mut first_word_start = None;
            // The walk just after the space that ends the first word.
            let mut after_first_word = None;
            while let Some(byte) = walk.next_byte() {
                read += 1;
                first_word_start.get_or_insert(walk.word_start);
                if byte == b' ' && after_first_word.is_none() {
                    after_first_word = Some(walk);
                }
                state = automaton.next_state(Anchored::Yes, state, byte);
                if automaton.is_special(state) {
                    if automaton.is_dead(state) {
                        break;
                    }
                    let pattern = (0..automaton.match_len(state))
                        .map(|i| automaton.match_pattern(state, i))
                        .find(|&pattern| automaton.pattern_len(pattern) == read);
                    if let Some(pattern) = pattern {
                        longest = Some((pattern, walk));
                    }
                }
            }
            let Some((pattern, after)) = longest else {
                // No phrase starts at this word: the next search starts after it.
                match after_first_word {
                    Some(after) => cursor = after,
                    None => {
                        // The automaton left within the first word: read on from there.
                        cursor = walk;
                        if !cursor.skip_word() {
                            break;
                        }
                    }
                }
                continue;
            };
            let (country, adjective, needs_capital) = meaning[pattern.as_usize()];
            let (start_at, end_at) = (first_word_start.unwrap_or_default(), after.word_end);
            let capitalised = text[start_at..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            if !(needs_capital && !capitalised || adjective && after_en_or_in(text, start_at)) {
                found.push(CountryMention {
                    code: &self.countries[country].alpha3,
                    start: start_at,
                    end: end_at,
                    adjective,
                });
            }
            cursor = after;
        }
        found
    }

    /// Alpha-3 codes of the countries named in `text`, first mention first, no repeats.
    pub fn codes_in(&self, text: &str) -> Vec<String> {
        distinct_codes(&self.find_in(text))
    }
}

/// The codes of `mentions`, first mention first, no repeats.
pub fn distinct_codes(mentions: &[CountryMention]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for mention in mentions {
        if !out.iter().any(|code| code == mention.code) {
            out.push(mention.code.to_string());
        }
    }
    out
}

/// A French name with its article after "de", contracted: "de la Chine", "du Népal",
/// "des Philippines", "de l’Inde": the forms French reports use after "représentant".
pub fn with_de(name: &str) -> String {
    if let Some(rest) = name.strip_prefix("le ") {
        format!("du {rest}")
    } else if let Some(rest) = name.strip_prefix("les ") {
        format!("des {rest}")
    } else {
        format!("de {name}")
    }
}

/// Drops a leading French or English article: "la Chine" -> "Chine", "l’Inde" -> "Inde".
fn strip_article(name: &str) -> &str {
    for article in [
        "la ", "le ", "les ", "l’", "l'", "the ", "The ", "La ", "Le ", "Les ", "L’", "L'",
    ] {
        if let Some(rest) = name.strip_prefix(article) {
            return rest;
        }
    }
    name
}

/// Byte spans of the words of `text` (runs of letters and digits).
fn word_spans(text: &str) -> Vec<(usize, usize)> {
    let mut spans = Vec::new();
    let mut start = None;
    for (i, ch) in text.char_indices() {
        match (ch.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                spans.push((s, i));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        spans.push((s, text.len()));
    }
    spans
}

/// A word as compared: lower case, accents and ligatures folded to ASCII.
fn fold(word: &str) -> String {
    let mut out = String::new();
    fold_into(word, &mut out);
    out
}

/// [`fold`] into a reused buffer.
fn fold_into(word: &str, out: &mut String) {
    out.clear();
    if word.is_ascii() {
        out.push_str(word);
        out.make_ascii_lowercase();
        return;
    }
    for c in word.chars() {
        match deunicode::deunicode_char(c) {
            Some(ascii) => out.extend(ascii.chars().map(|a| a.to_ascii_lowercase())),
            None => out.extend(c.to_lowercase()),
        }
    }
}

/// A name as compared: without its article, its words folded and joined by single spaces.
fn name_key(name: &str) -> String {
    phrase_key(strip_article(name))
}

/// Words folded and joined by single spaces.
fn phrase_key(text: &str) -> String {
    fold_words(text).join(" ")
}

fn fold_words(text: &str) -> Vec<String> {
    word_spans(text)
        .into_iter()
        .map(|(s, e)| fold(&text[s..e]))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn codes(text: &str) -> Vec<String> {
        Countries::get().codes_in(text)
    }

    use super::with_de;

    #[test]
    fn every_name_adjective_and_code_names_one_country_only() {
        // `lookup` takes the first country that answers to a key: that is only right if
        // no key answers for two.
        let table = Countries::get();
        let mut owners: std::collections::HashMap<String, &str> = Default::default();
        for c in table.all() {
            for key in c.keys() {
                let owner = owners.entry(key.clone()).or_insert(&c.alpha3);
                assert_eq!(*owner, c.alpha3, "{key:?} names two countries");
            }
        }
    }

    #[test]
    fn every_entry_is_found_by_each_of_its_names_and_codes() {
        let table = Countries::get();
        assert!(
            table.all().len() >= 195,
            "193 members and 2 observers at least"
        );
        let mut seen = std::collections::HashSet::new();
        for c in table.all() {
            assert_eq!(c.alpha2.len(), 2, "{}", c.alpha3);
            assert_eq!(c.alpha3.len(), 3, "{}", c.alpha2);
            assert!(seen.insert(c.alpha3.clone()), "{} twice", c.alpha3);
            assert!(
                !c.english.is_empty() && !c.french.is_empty(),
                "{} lacks a name",
                c.alpha3
            );
            for name in c.english.iter().chain(&c.french) {
                assert_eq!(
                    table.lookup(name).unwrap().alpha3,
                    c.alpha3,
                    "lookup {name}"
                );
                let sentence = format!("Le représentant {} a pris la parole.", with_de(name));
                assert_eq!(
                    codes(&sentence),
                    vec![c.alpha3.clone()],
                    "in text: {sentence}"
                );
                let english = format!("The representative of {name} spoke.");
                assert_eq!(
                    codes(&english),
                    vec![c.alpha3.clone()],
                    "in text: {english}"
                );
            }
            for code in [&c.alpha2, &c.alpha3] {
                assert_eq!(table.lookup(&code.to_lowercase()).unwrap().alpha3, c.alpha3);
            }
        }
    }

    #[test]
    fn longest_name_wins() {
        for (text, code) in [
            ("la République populaire démocratique de Corée", "PRK"),
            ("la République de Corée", "KOR"),
            ("la Guinée-Bissau", "GNB"),
            ("la Guinée équatoriale", "GNQ"),
            ("la Papouasie-Nouvelle-Guinée", "PNG"),
            ("la Guinée", "GIN"),
            ("le Niger", "NER"),
            ("le Nigéria", "NGA"),
            ("le Soudan du Sud", "SSD"),
            ("le Soudan", "SDN"),
            ("la Dominique", "DMA"),
            ("la République dominicaine", "DOM"),
            ("la République démocratique du Congo", "COD"),
            ("le Congo", "COG"),
            ("Iran (Islamic Republic of)", "IRN"),
            ("la République islamique d’Iran", "IRN"),
            ("Iran (République islamique d’)", "IRN"),
            ("the Democratic People’s Republic of Korea", "PRK"),
        ] {
            assert_eq!(codes(text), vec![code.to_string()], "{text}");
        }
    }

    #[test]
    fn mentions_span_the_names_as_written_whatever_precedes_them() {
        let table = Countries::get();
        for (text, written) in [
            ("Le Sénégal.", "Sénégal"),
            ("œuvre ;  ... la Côte d’Ivoire, puis", "Côte d’Ivoire"),
            ("Straße — 北京 the Republic of Korea", "Republic of Korea"),
            (
                "«   l’Iran (République islamique d’) »",
                "Iran (République islamique d",
            ),
            ("ÉTATS : Türkiye", "Türkiye"),
            (
                "la République démocratique du Congo",
                "République démocratique du Congo",
            ),
        ] {
            let found = table.find_in(text);
            let spans: Vec<&str> = found.iter().map(|m| &text[m.start..m.end]).collect();
            assert_eq!(spans, [written], "{text}");
        }
    }

    #[test]
    fn names_are_read_across_line_breaks_marks_and_letters_of_any_script() {
        let table = Countries::get();
        for (text, written, code) in [
            (
                "the United\n   States of America,",
                "United\n   States of America",
                "USA",
            ),
            ("« Chile »", "Chile", "CHL"),
            ("Chile", "Chile", "CHL"),
            ("中国 and Chile", "Chile", "CHL"),
            ("Straße, Türkiye.", "Türkiye", "TUR"),
            // Words that start no name, ending in letters, marks or separators of
            // other scripts, before and after one.
            ("Xqzé–Chile", "Chile", "CHL"),
            ("Xqz\u{301}, Chile xq", "Chile", "CHL"),
            ("Chile xqé", "Chile", "CHL"),
            ("ÉTATS-UNIS D'AMÉRIQUE", "ÉTATS-UNIS D'AMÉRIQUE", "USA"),
            (
                "Saint-Vincent-et-les Grenadines",
                "Saint-Vincent-et-les Grenadines",
                "VCT",
            ),
        ] {
            let found = table.find_in(text);
            let spans: Vec<(&str, &str)> = found
                .iter()
                .map(|m| (&text[m.start..m.end], m.code))
                .collect();
            assert_eq!(spans, [(written, code)], "{text}");
        }
        // Two names side by side are two mentions; a name cut short is none.
        assert_eq!(codes("Chile Peru"), ["CHL", "PER"]);
        assert!(codes("the United States Of").contains(&"USA".to_string()));
        assert!(codes("Guinée-").contains(&"GIN".to_string()));
        assert!(codes("Ch").is_empty());
    }

    #[test]
    fn adjectives_count_as_mentions_but_languages_do_not() {
        assert_eq!(
            codes("le Gouvernement indien et des experts chinois"),
            vec!["IND", "CHN"]
        );
        assert!(codes("un texte publié en russe").is_empty());
        assert!(codes("we had turkey and polish sausages in chad").is_empty());
    }

    #[test]
    fn lookup_accepts_what_users_type_and_suggests_on_failure() {
        let table = Countries::get();
        for typed in ["Chine", "china", "CHN", "chine", "la Chine", "cn"] {
            assert_eq!(table.lookup(typed).unwrap().alpha3, "CHN", "{typed}");
        }
        assert_eq!(table.lookup("thailande").unwrap().alpha3, "THA");
        assert_eq!(table.lookup("Turkey").unwrap().alpha3, "TUR");
        match table.lookup("Chin") {
            Err(Error::UnknownCountry { suggestions, .. }) => {
                assert!(suggestions[0].starts_with("Chine"), "{suggestions:?}")
            }
            other => panic!("expected an unknown country, got {other:?}"),
        }
    }
}
