//! Country names: every UN member and observer state in French (with its article) and
//! English (with UN forms such as "Iran (Islamic Republic of)"), ISO 3166-1 codes and
//! nationality adjectives, from one data file (`countries.tsv`; no maintained crate
//! carries French names with their articles).
//!
//! Two uses: [`Countries::find_in`] finds countries named in running text (longest match
//! wins, so "République démocratique du Congo" is not "Congo"), and
//! [`Countries::lookup`] resolves what a user types after `--country` ("Chine", "china",
//! "CHN", "thailande"), suggesting close names when it fails.

use rustc_hash::FxHashMap as HashMap;
use std::sync::{LazyLock, OnceLock};

use crate::error::{Error, Result};

const DATA: &str = include_str!("countries.tsv");

thread_local! {
    /// The last text folded on this thread: its buffers are reused, not reallocated
    /// for every paragraph.
    static FOLDED: std::cell::RefCell<FoldedText> = std::cell::RefCell::default();
}

/// Folding buffers kept between texts, at most (a paragraph is a few KB; a whole
/// report a few hundred).
const KEPT_FOLDED_BYTES: usize = 1 << 20;

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

/// A text folded as the country names are: lower-case ASCII, one space between words, a
/// space at each end, with where each word starts and ends in the original text.
/// Patterns carry a space at each end, so a match is always whole words, and the words
/// are all a match needs to be placed in the original.
#[derive(Default)]
struct FoldedText {
    /// ASCII but for letters without an ASCII form, lower-cased as they are.
    folded: Vec<u8>,
    /// The words of `folded`, in order.
    words: Vec<FoldedWord>,
}

/// A word of a [`FoldedText`]: where it starts in the folded text, and the byte range of
/// the characters it was folded from.
#[derive(Clone, Copy)]
struct FoldedWord {
    folded_start: u32,
    start: u32,
    end: u32,
}

impl FoldedText {
    // Kept out of line: inlined into `find_in` it compiled to a slower loop (+80 million
    // instructions for the parse bench, callgrind). One record per word, not an offset
    // per byte: the loop over ASCII is a table lookup and one push.
    #[inline(never)]
    fn fold(&mut self, text: &str) {
        let words = &mut self.words;
        words.clear();
        // Written by index into a buffer kept at least one byte longer than what is left
        // of the text: ASCII never lengthens, so only a character of several bytes (whose
        // ASCII form may be longer) can need it grown.
        let mut out = std::mem::take(&mut self.folded);
        out.clear();
        out.resize(text.len() + 2, b' ');
        let mut len = 1;
        let bytes = text.as_bytes();
        let mut at = 0;
        // Whether the last word is open: its end not yet known, no space after it yet.
        let mut open = false;
        while at < bytes.len() {
            let byte = bytes[at];
            // ASCII, most of every report, by table; the rest char by char.
            if byte.is_ascii() {
                match ASCII_FOLDED[usize::from(byte)] {
                    SEPARATOR => {
                        if open {
                            close_word(words, at);
                            out[len] = b' ';
                            len += 1;
                            open = false;
                        }
                    }
                    letter => {
                        if !open {
                            open_word(words, len, at);
                            open = true;
                        }
                        out[len] = letter;
                        len += 1;
                    }
                }
                at += 1;
                continue;
            }
            let c = text[at..].chars().next().unwrap_or(' ');
            let width = c.len_utf8();
            if c.is_alphanumeric() {
                let mut lower = String::new();
                let form = match deunicode::deunicode_char(c) {
                    Some(ascii) => ascii,
                    None => {
                        lower.extend(c.to_lowercase());
                        lower.as_str()
                    }
                };
                let wanted = len + form.len() + (text.len() - at) + 2;
                if out.len() < wanted {
                    out.resize(wanted, b' ');
                }
                // deunicode writes some characters as several words ("Zhong ").
                for folded_byte in form.bytes() {
                    if folded_byte == b' ' {
                        if open {
                            close_word(words, at + width);
                            out[len] = b' ';
                            len += 1;
                            open = false;
                        }
                        continue;
                    }
                    if !open {
                        open_word(words, len, at);
                        open = true;
                    }
                    out[len] = folded_byte.to_ascii_lowercase();
                    len += 1;
                }
            } else if open {
                close_word(words, at);
                out[len] = b' ';
                len += 1;
                open = false;
            }
            at += width;
        }
        if open {
            close_word(words, text.len());
            out[len] = b' ';
            len += 1;
        }
        out.truncate(len);
        self.folded = out;
    }

    /// The folded text: built from whole characters, so always UTF-8.
    fn text(&self) -> &str {
        std::str::from_utf8(&self.folded).unwrap_or_default()
    }
}

/// Starts a word of a [`FoldedText`], at `folded_start` in the folded text and `at` in
/// the original.
fn open_word(words: &mut Vec<FoldedWord>, folded_start: usize, at: usize) {
    words.push(FoldedWord {
        folded_start: folded_start as u32,
        start: at as u32,
        end: at as u32,
    });
}

/// Ends the open word of a [`FoldedText`] at `end` in the original text.
fn close_word(words: &mut [FoldedWord], end: usize) {
    if let Some(word) = words.last_mut() {
        word.end = end as u32;
    }
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
pub struct CountryMention {
    /// Alpha-3 code.
    pub code: String,
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
    /// Every folded name and adjective phrase, for one leftmost-longest pass over a text;
    /// built on first use (looking a name up does not need it).
    phrases: OnceLock<aho_corasick::AhoCorasick>,
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
    pub fn find_in(&self, text: &str) -> Vec<CountryMention> {
        if u32::try_from(text.len()).is_err() {
            // Offsets are kept in 32 bits; no paragraph comes near 4 GB.
            return Vec::new();
        }
        FOLDED.with(|scratch| {
            let mut scratch = scratch.borrow_mut();
            scratch.fold(text);
            let found = self.find_in_folded(text, &scratch);
            if scratch.folded.capacity() > KEPT_FOLDED_BYTES {
                // A very long text once must not hold its buffers for the thread's life.
                *scratch = FoldedText::default();
            }
            found
        })
    }

    fn find_in_folded(&self, text: &str, scratch: &FoldedText) -> Vec<CountryMention> {
        let folded = scratch.text();
        // The word a folded byte is in: the last one starting at or before it.
        let word_at = |at: usize| {
            let after = scratch
                .words
                .partition_point(|w| w.folded_start as usize <= at);
            after.checked_sub(1).and_then(|i| scratch.words.get(i))
        };
        let mut found = Vec::new();
        let mut from = 0;
        // Matches share their boundary spaces, so search again from each match's last space.
        let phrases = self.phrases.get_or_init(|| {
            aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::LeftmostLongest)
                // A full DFA: the fastest search, for a few MB built once. No prefilter:
                // every pattern starts with a space, so it stopped at every word (the
                // parse bench: 73 million instructions more, 3 % slower).
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .prefilter(false)
                .build(&self.indexes().phrase_patterns)
                .expect("country phrases build an automaton")
        });
        let meaning = &self.indexes().phrase_meaning;
        while let Some(m) = phrases.find(aho_corasick::Input::new(folded).range(from..)) {
            from = m.end() - 1;
            let (start, end) = (m.start() + 1, m.end() - 1);
            let (country, adjective, needs_capital) = meaning[m.pattern().as_usize()];
            let (Some(first), Some(last)) = (word_at(start), word_at(end - 1)) else {
                continue;
            };
            let (original_start, original_end) = (first.start as usize, last.end as usize);
            let capitalised = text[original_start..]
                .chars()
                .next()
                .is_some_and(char::is_uppercase);
            if needs_capital && !capitalised {
                continue;
            }
            if adjective {
                let previous = folded[..start - 1].rsplit(' ').next().unwrap_or("");
                if previous == "en" || previous == "in" {
                    continue;
                }
            }
            found.push(CountryMention {
                code: self.countries[country].alpha3.clone(),
                start: original_start,
                end: original_end,
                adjective,
            });
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
        if !out.contains(&mention.code) {
            out.push(mention.code.clone());
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
