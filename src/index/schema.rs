//! The index schema: one tantivy document per unit. Text is indexed in one field per
//! analysed language (`text_fr`, `text_en`, …, each with its own analyzer) and stored
//! there too, so a unit's text lives in exactly one field. Filters use raw string and
//! numeric fields; facet counts read fast fields (see `query::facet`). Only what is
//! searched or filtered on is indexed: the rest is stored, or a fast field.

use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, FAST, STORED,
    STRING,
};

use crate::analyze::{self, LanguageSpec, LANGUAGES};

/// The fast field of an original's translation pair (see [`Fields::pair_original`]).
pub const PAIR_ORIGINAL: &str = "pair_original";

/// Bump when the schema, the analysis or what the parser makes of a report changes (13:
/// agenda sub-items, meeting records of other layouts): older indexes are then rebuilt,
/// so unchanged reports are parsed again.
pub const SCHEMA_VERSION: u32 = 13;

/// The fields, resolved once.
#[derive(Clone, Debug)]
pub struct Fields {
    /// Document symbol (exact): the first the report is printed with, the one facets and
    /// unit identities use.
    pub symbol: Field,
    /// Every symbol the report is printed with (joint documents, a part's report), for
    /// `--doc` and `show`.
    pub symbols: Field,
    /// Symbol, language and unit key: the unit's identity (`APCTT/GC(20)/4|fr|body:p:12`).
    pub unit_id: Field,
    /// Unit key (`body:p:12`).
    pub unit_key: Field,
    /// Annex numeral, if any.
    pub annex: Field,
    /// `paragraph`, `decision`, `resolution`, `statement`, `block`.
    pub kind: Field,
    /// Unit number.
    pub number: Field,
    /// How an adopted text is cited (`28/1`), if the unit is one.
    pub act: Field,
    /// Position of the unit in its report, for stable ordering.
    pub order: Field,
    /// Section headings, outermost first (multi-valued).
    pub section: Field,
    /// Agenda item as printed (`3.1`): facets and display.
    pub agenda_item: Field,
    /// The agenda item and the items it is part of (`3.1`, `3`): what `--agenda` filters on.
    pub agenda_within: Field,
    /// The label a meeting record prints for the unit (`12.1`): `show` finds it by it.
    pub printed: Field,
    /// The unit a translation translates, as `show` takes it (stored: display).
    pub translation_of: Field,
    /// The translation of a unit the record prints after it (stored: display).
    pub translated_as: Field,
    /// On an original that has a translation: the pair's key ([`translation_pair`]), a
    /// fast field that a search reads to leave out translations of originals it finds.
    pub pair_original: Field,
    /// On a translation that has its original: the same key, indexed, for that exclusion.
    pub pair_translation: Field,
    /// Agenda item title.
    pub agenda_title: Field,
    /// Speaking countries, alpha-3 (multi-valued).
    pub speaker_country: Field,
    /// Speakers as JSON.
    pub speakers_json: Field,
    /// Countries named in the text (multi-valued).
    pub mentioned_country: Field,
    /// The unit's language code (its report's, or its own in a record that prints
    /// speeches in several): what `--lang` filters.
    pub language: Field,
    /// Its report's language code: which language version of the report it is in (unit
    /// identities, `show --lang`, a unit's context, reading order).
    pub version: Field,
    /// Session number.
    pub session: Field,
    /// Session year.
    pub year: Field,
    /// Report title.
    pub title: Field,
    /// Source file, relative to the corpus.
    pub file: Field,
    /// Text fields, one per entry of [`LANGUAGES`], same order.
    pub text: Vec<Field>,
}

impl Fields {
    /// The text field for a report language.
    pub fn text_for(&self, code: &str) -> Field {
        let spec = analyze::language(code);
        let i = LANGUAGES
            .iter()
            .position(|l| l.code == spec.code)
            .unwrap_or(LANGUAGES.len() - 1);
        self.text[i]
    }

    /// Resolves the fields of `schema` (built by [`build_schema`]).
    pub fn from_schema(schema: &Schema) -> tantivy::Result<Fields> {
        let get = |name: &str| schema.get_field(name);
        Ok(Fields {
            symbol: get("symbol")?,
            symbols: get("symbols")?,
            unit_id: get("unit_id")?,
            unit_key: get("unit_key")?,
            annex: get("annex")?,
            kind: get("kind")?,
            number: get("number")?,
            act: get("act")?,
            order: get("order")?,
            section: get("section")?,
            agenda_item: get("agenda_item")?,
            agenda_within: get("agenda_within")?,
            printed: get("printed")?,
            translation_of: get("translation_of")?,
            translated_as: get("translated_as")?,
            pair_original: get(PAIR_ORIGINAL)?,
            pair_translation: get("pair_translation")?,
            agenda_title: get("agenda_title")?,
            speaker_country: get("speaker_country")?,
            speakers_json: get("speakers_json")?,
            mentioned_country: get("mentioned_country")?,
            language: get("language")?,
            version: get("version")?,
            session: get("session")?,
            year: get("year")?,
            title: get("title")?,
            file: get("file")?,
            text: LANGUAGES
                .iter()
                .map(|l| get(&text_field_name(l)))
                .collect::<tantivy::Result<_>>()?,
        })
    }
}

fn text_field_name(spec: &LanguageSpec) -> String {
    format!("text_{}", spec.code)
}

/// The schema.
pub fn build_schema() -> Schema {
    let mut builder = Schema::builder();
    let stored_string = STRING | STORED;
    let number = NumericOptions::default()
        .set_indexed()
        .set_stored()
        .set_fast();
    builder.add_text_field("symbol", stored_string.clone() | FAST);
    builder.add_text_field("symbols", STRING);
    builder.add_text_field("unit_id", STRING);
    builder.add_text_field("unit_key", STORED);
    builder.add_text_field("annex", STORED);
    builder.add_text_field("kind", STORED);
    builder.add_u64_field("number", NumericOptions::default().set_stored());
    builder.add_text_field("act", STORED);
    builder.add_u64_field("order", NumericOptions::default().set_stored().set_fast());
    builder.add_text_field("section", STORED);
    builder.add_text_field("agenda_item", stored_string.clone() | FAST);
    builder.add_text_field("agenda_within", STRING);
    builder.add_text_field("printed", STRING | STORED);
    builder.add_text_field("translation_of", STORED);
    builder.add_text_field("translated_as", STORED);
    builder.add_text_field(PAIR_ORIGINAL, FAST);
    builder.add_text_field("pair_translation", STRING);
    builder.add_text_field("agenda_title", STORED);
    builder.add_text_field("speaker_country", stored_string.clone() | FAST);
    builder.add_text_field("speakers_json", STORED);
    builder.add_text_field("mentioned_country", stored_string.clone());
    builder.add_text_field("language", stored_string.clone() | FAST);
    builder.add_text_field("version", stored_string.clone() | FAST);
    builder.add_u64_field("session", number);
    builder.add_u64_field("year", NumericOptions::default().set_stored().set_fast());
    builder.add_text_field("title", STORED);
    builder.add_text_field("file", stored_string);
    for spec in LANGUAGES {
        let indexing = TextFieldIndexing::default()
            .set_tokenizer(&spec.analyzer_name())
            .set_index_option(IndexRecordOption::WithFreqsAndPositions);
        let options = TextOptions::default()
            .set_indexing_options(indexing)
            .set_stored();
        builder.add_text_field(&text_field_name(spec), options);
    }
    builder.build()
}

/// The identity of a unit in the index.
pub fn unit_id(symbol: &str, language: &str, unit_key: &str) -> String {
    format!("{symbol}|{language}|{unit_key}")
}

/// The key an original unit and its printed translation share: the report, its language,
/// and both units as `show` takes them.
pub fn translation_pair(symbol: &str, language: &str, original: &str, translation: &str) -> String {
    format!("{symbol}|{language}|{original}|{translation}")
}
