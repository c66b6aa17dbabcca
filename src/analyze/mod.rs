//! Text analysis: how report text and queries become index terms, per language.
//!
//! Every language runs the same chain: [`tokenizer`] (words, NFC, elision) -> lower case
//! -> Snowball stemming ([`stem`], rust-stemmers) -> accent folding (é -> e, œ -> oe).
//! Stemming comes before folding because the Snowball rules match accented suffixes.
//! [`chain`] runs everything after the words once per distinct word ([`cache`]).
//! No stop words are removed: "pollution de l’air" must stay a phrase, and BM25 already
//! gives little weight to "de". The same analyzer serves indexing and querying; it is
//! registered on the index every time the index is opened (tantivy does not persist it).
//!
//! Adding a language is one entry in [`LANGUAGES`]. Chinese, Japanese and Korean text is
//! cut into bigrams by the tokenizer, whatever the report's language.

pub mod cache;
pub mod chain;
pub mod elision;
pub mod stem;
pub mod tokenizer;

use rust_stemmers::Algorithm;
use tantivy::tokenizer::{
    AsciiFoldingFilter, LowerCaser, RawTokenizer, RemoveLongFilter, TextAnalyzer, TokenizerManager,
};

use chain::{CacheSlot, ChainTokenizer};
use stem::SnowballFilter;
use tokenizer::WordTokenizer;

/// One language rapporteur analyses.
#[derive(Debug)]
pub struct LanguageSpec {
    /// ISO 639-1 code as the parser reports it, or `other`.
    pub code: &'static str,
    /// Snowball algorithm, if any.
    pub stemmer: Option<Algorithm>,
    /// Words elided before an apostrophe.
    pub elisions: &'static [&'static str],
    /// Words dropped after an apostrophe.
    pub clitics: &'static [&'static str],
}

impl LanguageSpec {
    /// Name of this language's analyzer in tantivy's tokenizer manager.
    pub fn analyzer_name(&self) -> String {
        format!("rapporteur_{}", self.code)
    }

    /// Builds the analyzer, for indexing (with a megabyte of term cache).
    pub fn analyzer(&self) -> TextAnalyzer {
        self.chain(false)
    }

    /// The same analysis with a small term cache, for searching: a query and the text of
    /// the hits shown (see [`cache::SEARCH_SLOTS`]).
    pub fn search_analyzer(&self) -> TextAnalyzer {
        self.chain(true)
    }

    fn chain(&self, for_search: bool) -> TextAnalyzer {
        let words = WordTokenizer::new(self.elisions, self.clitics);
        let builder = TextAnalyzer::builder(RawTokenizer::default())
            .filter(RemoveLongFilter::limit(60))
            .filter(LowerCaser);
        let per_word = match self.stemmer {
            Some(algorithm) => builder
                .filter(SnowballFilter::new(algorithm))
                .filter(AsciiFoldingFilter)
                .build(),
            None => builder.filter(AsciiFoldingFilter).build(),
        };
        let language = LANGUAGES
            .iter()
            .position(|l| l.code == self.code)
            .unwrap_or(LANGUAGES.len());
        // Indexing and searching keep tables of their own, one per language.
        let cache = if for_search {
            CacheSlot {
                number: LANGUAGES.len() + 1 + language,
                slots: cache::SEARCH_SLOTS,
            }
        } else {
            CacheSlot {
                number: language,
                slots: cache::INDEXING_SLOTS,
            }
        };
        TextAnalyzer::from(ChainTokenizer::new(words, per_word, cache))
    }
}

/// The analysed languages; the last one, `other`, takes every language not listed.
pub static LANGUAGES: &[LanguageSpec] = &[
    LanguageSpec {
        code: "fr",
        stemmer: Some(Algorithm::French),
        elisions: elision::FRENCH,
        clitics: &[],
    },
    LanguageSpec {
        code: "en",
        stemmer: Some(Algorithm::English),
        elisions: &[],
        clitics: elision::ENGLISH_CLITICS,
    },
    LanguageSpec {
        code: "es",
        stemmer: Some(Algorithm::Spanish),
        elisions: &[],
        clitics: &[],
    },
    LanguageSpec {
        code: "ru",
        stemmer: Some(Algorithm::Russian),
        elisions: &[],
        clitics: &[],
    },
    LanguageSpec {
        code: "ar",
        stemmer: Some(Algorithm::Arabic),
        elisions: &[],
        clitics: &[],
    },
    LanguageSpec {
        code: "zh",
        stemmer: None,
        elisions: &[],
        clitics: &[],
    },
    LanguageSpec {
        code: "other",
        stemmer: None,
        elisions: &[],
        clitics: &[],
    },
];

/// The spec that analyses text in `code` (`other` for languages not listed).
pub fn language(code: &str) -> &'static LanguageSpec {
    LANGUAGES
        .iter()
        .find(|l| l.code == code)
        .unwrap_or(&LANGUAGES[LANGUAGES.len() - 1])
}

/// Registers every language's analyzer, for indexing.
pub fn register(manager: &TokenizerManager) {
    for spec in LANGUAGES {
        manager.register(&spec.analyzer_name(), spec.analyzer());
    }
}

/// Registers every language's analyzer, for searching: the same terms, a small term cache.
pub fn register_for_search(manager: &TokenizerManager) {
    for spec in LANGUAGES {
        manager.register(&spec.analyzer_name(), spec.search_analyzer());
    }
}

/// The terms of `text` with their positions, as the index sees them (a query's words:
/// the search analyzer).
pub fn terms(spec: &LanguageSpec, text: &str) -> Vec<(usize, String)> {
    let mut analyzer = spec.search_analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while stream.advance() {
        let token = stream.token();
        out.push((token.position, token.text.clone()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(code: &str, text: &str) -> Vec<String> {
        terms(language(code), text)
            .into_iter()
            .map(|(_, t)| t)
            .collect()
    }

    #[test]
    fn french_table() {
        for (input, expected) in [
            ("hydrogène vert", vec!["hydrogen", "vert"]),
            ("hydrogene verte", vec!["hydrogen", "vert"]),
            ("HYDROGÈNES VERTS", vec!["hydrogen", "vert"]),
            ("l’hydrogène", vec!["hydrogen"]),
            ("l'hydrogène", vec!["hydrogen"]),
            ("L’Hydrogène vertes", vec!["hydrogen", "vert"]),
            ("hydroge\u{300}ne", vec!["hydrogen"]),
            ("énergie", vec!["energ"]),
            ("energie", vec!["energ"]),
            ("mise en œuvre", vec!["mis", "en", "oeuvr"]),
            (
                "qu’il jusqu’à lorsqu’elle puisqu’on quoiqu’il",
                vec!["il", "a", "elle", "on", "il"],
            ),
            (
                "d’infrastructures résilientes",
                vec!["infrastructur", "resilient"],
            ),
            ("Chine-Asie 2025", vec!["chin", "asi", "2025"]),
        ] {
            assert_eq!(words("fr", input), expected, "{input}");
        }
    }

    #[test]
    fn elided_words_take_no_position() {
        let positions: Vec<usize> = terms(language("fr"), "pollution de l’air")
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        assert_eq!(positions, [0, 1, 2]);
    }

    #[test]
    fn english_table() {
        for (input, expected) in [
            ("green hydrogen", vec!["green", "hydrogen"]),
            ("Slovenia’s commitments", vec!["slovenia", "commit"]),
            ("People's Republic", vec!["peopl", "republ"]),
            ("Türkiye", vec!["turkiy"]),
        ] {
            assert_eq!(words("en", input), expected, "{input}");
        }
    }

    #[test]
    fn offsets_point_into_the_original_text() {
        let mut analyzer = language("fr").analyzer();
        let text = "l’hydroge\u{300}ne vert";
        let mut stream = analyzer.token_stream(text);
        assert!(stream.advance());
        let token = stream.token();
        assert_eq!(
            &text[token.offset_from..token.offset_to],
            "hydroge\u{300}ne"
        );
    }

    #[test]
    fn chinese_is_cut_into_bigrams() {
        assert_eq!(words("zh", "绿色氢能"), ["绿色", "色氢", "氢能"]);
        assert_eq!(words("zh", "氢 2025年报告"), ["氢", "2025", "年报", "报告"]);
        let positions: Vec<usize> = terms(language("zh"), "绿色氢能")
            .into_iter()
            .map(|(p, _)| p)
            .collect();
        assert_eq!(positions, [0, 1, 2]);
    }

    #[test]
    fn unknown_languages_are_folded_but_not_stemmed() {
        assert_eq!(
            words("xx", "Développement durable"),
            ["developpement", "durable"]
        );
    }

    #[test]
    fn searching_and_indexing_make_the_same_terms() {
        let report = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/corpus/APCTT-GC-20-4.fr.txt"
        ))
        .expect("the shipped report");
        let run = |mut analyzer: TextAnalyzer| {
            let mut stream = analyzer.token_stream(&report);
            let mut out = Vec::new();
            while stream.advance() {
                let token = stream.token();
                out.push((token.position, token.offset_from, token.text.clone()));
            }
            out
        };
        for spec in LANGUAGES {
            // Twice through the cached chain: the second pass answers from the cache.
            let indexed = run(spec.analyzer());
            assert_eq!(run(spec.analyzer()), indexed, "{}", spec.code);
            assert_eq!(run(spec.search_analyzer()), indexed, "{}", spec.code);
            assert!(indexed.len() > 1000);
        }
    }
}
