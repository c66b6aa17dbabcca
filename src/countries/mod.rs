//! Country names: every UN member and observer state in French (with its article) and
//! English (with UN forms such as "Iran (Islamic Republic of)"), ISO 3166-1 codes and
//! nationality adjectives, from one data file (`countries.tsv`; no maintained crate
//! carries French names with their articles).
//!
//! Two uses: [`Countries::find_in`] finds countries named in running text (longest match
//! wins, so "République démocratique du Congo" is not "Congo"), and
//! [`Countries::lookup`] resolves what a user types after `--country` ("Chine", "china",
//! "CHN", "thailande"), suggesting close names when it fails.

use std::collections::HashMap;
use std::sync::LazyLock;

use crate::error::{Error, Result};

const DATA: &str = include_str!("countries.tsv");

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
    /// Folded multi-word name -> country index.
    names: HashMap<String, usize>,
    /// Folded adjective -> (country index, must be capitalised in the text).
    adjectives: HashMap<String, (usize, bool)>,
    /// Folded first word of any name or adjective -> most words a phrase starting with it has.
    first_words: HashMap<String, usize>,
    /// Everything `lookup` accepts: names, codes, adjectives.
    lookup_keys: HashMap<String, usize>,
}

static TABLE: LazyLock<Countries> = LazyLock::new(|| Countries::from_tsv(DATA));

impl Countries {
    /// The built-in table.
    pub fn get() -> &'static Countries {
        &TABLE
    }

    fn from_tsv(data: &str) -> Countries {
        let mut table = Countries {
            countries: Vec::new(),
            names: HashMap::new(),
            adjectives: HashMap::new(),
            first_words: HashMap::new(),
            lookup_keys: HashMap::new(),
        };
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
            table.countries.push(Country {
                alpha2: cols[0].to_string(),
                alpha3: cols[1].to_string(),
                english: list(2),
                french: list(3),
                adjectives: list(4),
            });
        }
        for (i, c) in table.countries.iter().enumerate() {
            for name in c.english.iter().chain(&c.french) {
                let key = fold_words(strip_article(name)).join(" ");
                table.names.insert(key.clone(), i);
                table.lookup_keys.insert(key, i);
            }
            for adj in &c.adjectives {
                let key = fold_words(adj).join(" ");
                let capitalised = adj.chars().next().is_some_and(char::is_uppercase);
                table.adjectives.insert(key.clone(), (i, capitalised));
                table.lookup_keys.insert(key, i);
            }
            table.lookup_keys.insert(c.alpha2.to_lowercase(), i);
            table.lookup_keys.insert(c.alpha3.to_lowercase(), i);
        }
        let phrases: Vec<String> = table
            .names
            .keys()
            .chain(table.adjectives.keys())
            .cloned()
            .collect();
        for phrase in phrases {
            let words: Vec<&str> = phrase.split(' ').collect();
            let longest = table.first_words.entry(words[0].to_string()).or_insert(0);
            *longest = (*longest).max(words.len());
        }
        table
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
        let key = fold_words(strip_article(typed.trim())).join(" ");
        if let Some(&i) = self.lookup_keys.get(&key) {
            return Ok(&self.countries[i]);
        }
        Err(Error::UnknownCountry {
            name: typed.to_string(),
            suggestions: self.suggest(&key),
        })
    }

    fn suggest(&self, key: &str) -> Vec<String> {
        let mut scored: Vec<(f64, usize)> = self
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
        let words = word_spans(text);
        let folded: Vec<String> = words.iter().map(|&(s, e)| fold(&text[s..e])).collect();
        let mut found = Vec::new();
        let mut i = 0;
        while i < words.len() {
            let Some(&longest) = self.first_words.get(&folded[i]) else {
                i += 1;
                continue;
            };
            let mut matched = None;
            for n in (1..=longest.min(words.len() - i)).rev() {
                let key = folded[i..i + n].join(" ");
                let capitalised = text[words[i].0..]
                    .chars()
                    .next()
                    .is_some_and(char::is_uppercase);
                if let Some(&c) = self.names.get(&key) {
                    if capitalised {
                        matched = Some((c, n, false));
                        break;
                    }
                }
                if let Some(&(c, needs_capital)) = self.adjectives.get(&key) {
                    let after_language_preposition =
                        i > 0 && matches!(folded[i - 1].as_str(), "en" | "in");
                    if (capitalised || !needs_capital) && !after_language_preposition {
                        matched = Some((c, n, true));
                        break;
                    }
                }
            }
            match matched {
                Some((c, n, adjective)) => {
                    found.push(CountryMention {
                        code: self.countries[c].alpha3.clone(),
                        start: words[i].0,
                        end: words[i + n - 1].1,
                        adjective,
                    });
                    i += n;
                }
                None => i += 1,
            }
        }
        found
    }

    /// Alpha-3 codes of the countries named in `text`, first mention first, no repeats.
    pub fn codes_in(&self, text: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for m in self.find_in(text) {
            if !out.contains(&m.code) {
                out.push(m.code);
            }
        }
        out
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
    if word.is_ascii() {
        word.to_ascii_lowercase()
    } else {
        deunicode::deunicode(word).to_lowercase()
    }
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

    /// "de la Chine", "du Népal", "des Philippines", "de l’Inde": the forms French
    /// reports use after "représentant".
    fn with_de(name: &str) -> String {
        if let Some(rest) = name.strip_prefix("le ") {
            format!("du {rest}")
        } else if let Some(rest) = name.strip_prefix("les ") {
            format!("des {rest}")
        } else {
            format!("de {name}")
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
