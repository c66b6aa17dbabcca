//! Search: a [`SearchRequest`] (query text and filters, already checked) -> ranked
//! [`SearchResults`] with snippets and facet counts over all hits. Also the lookup of
//! one unit by symbol and reference, for `show`.

pub mod build;
pub mod facet;
pub mod floor;
pub mod order;
pub mod parser;
pub mod proximity;
pub mod request;
pub mod trend;
pub mod words;

pub use order::SortOrder;

use std::collections::HashMap;

use serde::Serialize;
use tantivy::collector::{Count, TopDocs};

use facet::{Counted, ValueCounts};
use tantivy::query::{BooleanQuery, ExistsQuery, Occur, Query, TermQuery, TermSetQuery};
use tantivy::schema::{Field, IndexRecordOption, OwnedValue};
use tantivy::snippet::SnippetGenerator;
use tantivy::{DocAddress, DocSet, Searcher, TantivyDocument, Term as IndexTerm};

use crate::error::{Error, Result};
use crate::index::schema::{unit_id, Fields, PAIR_ORIGINAL};
use crate::index::IndexHandle;
use crate::model::{Speaker, UnitKind, UnitRef};

/// How many characters of text a snippet shows at most.
const SNIPPET_CHARS: usize = 240;

/// A checked search. A filter with several values keeps what matches any of them; the
/// filters together keep what matches all of them.
#[derive(Debug, Clone, Default)]
pub struct SearchRequest {
    /// The query as typed.
    pub query: String,
    /// Only units spoken by one of these countries (alpha-3).
    pub speaker_countries: Vec<String>,
    /// Only units naming one of these countries (alpha-3).
    pub mentioned_countries: Vec<String>,
    /// Only these agenda items and their sub-items, as printed (`3`, `3.1`, `4 (a)`).
    pub agenda_items: Vec<String>,
    /// Only these documents (any symbol a report is printed with).
    pub documents: Vec<String>,
    /// Only these session numbers.
    pub sessions: Vec<u32>,
    /// Only reports of these years.
    pub years: Vec<u32>,
    /// Only units in these languages.
    pub languages: Vec<String>,
    /// How many hits to return.
    pub limit: usize,
    /// How many of the best hits to pass over first (a page past the first).
    pub offset: usize,
    /// How the hits are ordered.
    pub sort: SortOrder,
    /// How many values of each facet to return, largest first (`None`: all of them).
    /// Counts are over all hits either way; fewer values only spare reading them.
    pub facet_values: Option<usize>,
    /// Also count the hits per session and per year (the facets of a search page).
    pub calendar_facets: bool,
    /// List a unit's printed translation beside it when both match (by default a speech
    /// and its translation are one hit, the original).
    pub with_translations: bool,
}

/// A unit as stored in the index.
#[derive(Debug, Clone, Serialize)]
pub struct StoredUnit {
    /// Document symbol.
    pub doc: String,
    /// The unit's language (its report's, or its own in a record that prints speeches in
    /// several).
    pub language: String,
    /// Its report's language: the language version of the report it is in.
    #[serde(skip)]
    pub version: String,
    /// Source file, relative to the corpus.
    pub file: String,
    /// Annex numeral, if any.
    pub annex: Option<String>,
    /// Kind of unit.
    pub kind: UnitKind,
    /// Number.
    pub number: u32,
    /// How an adopted text is cited ("28/1"), if the unit is one.
    pub act: Option<String>,
    /// The reference to paste into a draft: "APCTT/GC(20)/4, par. 12", "resolution 28/1".
    pub citation: String,
    /// How the unit is cited: "¶12", "décision 3", "annexe II ¶13", "resolution 28/1".
    pub label: String,
    /// The reference `show` takes for it: `12`, `d3`, `II.13`, `b2`.
    pub reference: String,
    /// Section headings, outermost first.
    pub section: Vec<String>,
    /// Agenda item, as printed (a number in JSON when it is a whole one).
    #[serde(serialize_with = "crate::model::agenda_json::serialize")]
    pub agenda_item: Option<String>,
    /// The label a meeting record prints for the unit (`12.1`).
    pub printed: Option<String>,
    /// The unit this one is a printed translation of, as `show` takes it (`12.1`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translation_of: Option<String>,
    /// The printed translation of this unit, as `show` takes it (`(12.1)`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub translated_as: Option<String>,
    /// Agenda item title.
    pub agenda_title: Option<String>,
    /// Who speaks.
    pub speakers: Vec<Speaker>,
    /// Countries named.
    pub countries: Vec<String>,
    /// Session number.
    pub session: Option<u32>,
    /// Year of the session.
    pub year: Option<u32>,
    /// Report title.
    pub title: Option<String>,
    /// Full text.
    pub text: String,
    /// Other languages in which the same unit of the same report is indexed.
    pub versions: Vec<String>,
    /// Position in its report.
    #[serde(skip)]
    pub order: u64,
}

impl StoredUnit {
    /// Its address in its report, the same in each of the report's languages.
    pub fn address(&self) -> UnitRef {
        UnitRef {
            annex: self.annex.clone(),
            kind: self.kind,
            number: self.number,
        }
    }
}

/// A snippet: a fragment of the text with the matched words' byte ranges in it.
#[derive(Debug, Clone, Serialize)]
pub struct Snippet {
    /// The fragment.
    pub text: String,
    /// `[start, end)` byte ranges of highlighted words within `text`.
    pub highlights: Vec<[usize; 2]>,
}

/// One ranked unit.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// The unit.
    #[serde(flatten)]
    pub unit: StoredUnit,
    /// Relevance score (BM25 plus proximity).
    pub score: f32,
    /// The best fragment, highlighted.
    pub snippet: Snippet,
}

/// Count of hits per value of a facet, largest first.
#[derive(Debug, Clone, Default, Serialize)]
pub struct FacetCount {
    /// The values with the most hits (all of them unless the request asked for fewer),
    /// each with its count.
    pub values: Vec<(String, u64)>,
    /// How many distinct values the hits have.
    pub distinct: usize,
}

impl FacetCount {
    /// Whether no hit has a value.
    pub fn is_empty(&self) -> bool {
        self.distinct == 0
    }
}

/// Counts over all hits, not just those shown.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facets {
    /// Speaking countries.
    pub country: FacetCount,
    /// Agenda items.
    pub agenda_item: FacetCount,
    /// Documents.
    pub doc: FacetCount,
    /// Languages.
    pub language: FacetCount,
    /// Session numbers (counted when the request asks for calendar facets).
    pub session: FacetCount,
    /// Years (counted when the request asks for calendar facets).
    pub year: FacetCount,
}

/// The outcome of a search.
#[derive(Debug, Clone, Default)]
pub struct SearchResults {
    /// Number of matching units.
    pub total: usize,
    /// The best `limit` of them.
    pub hits: Vec<Hit>,
    /// Facet counts over all matches.
    pub facets: Facets,
    /// What the query parser repaired or ignored.
    pub notes: Vec<String>,
}

/// The query and filters of `request` as one tantivy query over the text fields of the
/// languages the index holds, and what the query parser repaired.
pub(crate) fn compile(
    request: &SearchRequest,
    handle: &IndexHandle,
) -> Result<(build::Built, Vec<String>)> {
    let ast = parser::parse_query(&request.query)?;
    let indexed = handle.languages();
    let Some(built) = build::build_query(&ast, request, &handle.fields, &indexed) else {
        return Err(Error::Query(format!(
            "{:?} has no word to search for once elided articles are removed",
            request.query
        )));
    };
    let mut notes = ast.notes;
    notes.dedup();
    let built = if request.with_translations || !handle.note.translations {
        built
    } else {
        without_found_translations(built, handle)?
    };
    Ok((built, notes))
}

/// `built` without the printed translations whose original it also finds: a speech and
/// its translation are one hit, the original (which names its translation), while a
/// translation whose original does not match (another language's words) is still found.
/// The originals found are read from a fast field, over the units that have a
/// translation only.
fn without_found_translations(built: build::Built, handle: &IndexHandle) -> Result<build::Built> {
    let originals = BooleanQuery::new(vec![
        (Occur::Must, built.query.box_clone()),
        (
            Occur::Must,
            Box::new(ExistsQuery::new(PAIR_ORIGINAL.to_string(), false)),
        ),
    ]);
    let found = handle
        .searcher()
        .search(&originals, &ValueCounts::strings(PAIR_ORIGINAL))?
        .into_sorted()?;
    if found.is_empty() {
        return Ok(built);
    }
    let pairs = found
        .iter()
        .map(|(pair, _)| IndexTerm::from_field_text(handle.fields.pair_translation, pair));
    let query = BooleanQuery::new(vec![
        (Occur::Must, built.query),
        (Occur::MustNot, Box::new(TermSetQuery::new(pairs))),
    ]);
    Ok(build::Built {
        query: Box::new(query),
        floor: built.floor,
    })
}

/// Runs `request` on the index.
pub fn search(handle: &IndexHandle, request: &SearchRequest) -> Result<SearchResults> {
    let fields = &handle.fields;
    let (build::Built { query, floor }, notes) = compile(request, handle)?;
    let searcher = handle.searcher();
    // Never ask for more hits than the index has units (a huge --limit stays cheap).
    let units = usize::try_from(searcher.num_docs())
        .unwrap_or(usize::MAX)
        .max(1);
    let calendar = request.calendar_facets.then(|| {
        (
            ValueCounts::numbers("session"),
            ValueCounts::numbers("year"),
        )
    });
    let (ranked, (total, (countries, agenda), (docs, languages), calendar)) = order::top(
        &searcher,
        &*query,
        request.limit.min(units),
        request.offset.min(units),
        request.sort,
        floor,
        (
            Count,
            (
                FacetKind::Country.counter(handle),
                FacetKind::Agenda.counter(handle),
            ),
            (
                FacetKind::Document.counter(handle),
                FacetKind::Language.counter(handle),
            ),
            calendar,
        ),
    )?;
    // The shown hits are read (each a stored block to decompress) on the search threads.
    let mut scored = searcher
        .index()
        .search_executor()
        .map(
            |(score, address)| Ok(load_unit(&searcher, fields, address).map(|u| (score, u))),
            ranked.into_iter(),
        )?
        .into_iter()
        .collect::<Result<Vec<_>>>()?;
    let mut units: Vec<&mut StoredUnit> = scored.iter_mut().map(|(_, unit)| unit).collect();
    add_versions(&searcher, fields, &mut units, &handle.languages())?;

    let mut generators: HashMap<Field, SnippetGenerator> = HashMap::new();
    let mut hits = Vec::with_capacity(scored.len());
    for (score, unit) in scored {
        let field = fields.text_for(&unit.language);
        if let std::collections::hash_map::Entry::Vacant(slot) = generators.entry(field) {
            let mut generator = SnippetGenerator::create(&searcher, &*query, field)?;
            generator.set_max_num_chars(SNIPPET_CHARS);
            slot.insert(generator);
        }
        let snippet = make_snippet(&generators[&field], &unit.text);
        hits.push(Hit {
            unit,
            score,
            snippet,
        });
    }
    let limit = request.facet_values;
    let mut facets = Facets {
        country: counts(countries, limit)?,
        agenda_item: counts(agenda, limit)?,
        doc: counts(docs, limit)?,
        language: counts(languages, limit)?,
        ..Facets::default()
    };
    if let Some((sessions, years)) = calendar {
        facets.session = counts(sessions, limit)?;
        facets.year = counts(years, limit)?;
    }
    recount_without_own_filter(handle, request, &mut facets)?;
    Ok(SearchResults {
        total,
        hits,
        facets,
        notes,
    })
}

/// A facet, and the filter that picks its values.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FacetKind {
    Country,
    Agenda,
    Document,
    Language,
    Session,
    Year,
}

impl FacetKind {
    const ALL: [FacetKind; 6] = [
        FacetKind::Country,
        FacetKind::Agenda,
        FacetKind::Document,
        FacetKind::Language,
        FacetKind::Session,
        FacetKind::Year,
    ];

    /// The collector that counts this facet's values.
    fn counter(self, handle: &IndexHandle) -> ValueCounts {
        match self {
            FacetKind::Country => ValueCounts::strings("speaker_country"),
            FacetKind::Agenda => ValueCounts::strings("agenda_item"),
            FacetKind::Document => ValueCounts::symbols(handle.symbol_ordinals()),
            FacetKind::Language => ValueCounts::strings("language"),
            FacetKind::Session => ValueCounts::numbers("session"),
            FacetKind::Year => ValueCounts::numbers("year"),
        }
    }

    /// `request` without this facet's filter, if it had one (a request without it is not
    /// copied: this runs for every facet of every search).
    fn without_own_filter(self, request: &SearchRequest) -> Option<SearchRequest> {
        let set = match self {
            FacetKind::Country => !request.speaker_countries.is_empty(),
            FacetKind::Agenda => !request.agenda_items.is_empty(),
            FacetKind::Document => !request.documents.is_empty(),
            FacetKind::Language => !request.languages.is_empty(),
            FacetKind::Session => !request.sessions.is_empty(),
            FacetKind::Year => !request.years.is_empty(),
        };
        if !set {
            return None;
        }
        let mut wider = request.clone();
        match self {
            FacetKind::Country => wider.speaker_countries.clear(),
            FacetKind::Agenda => wider.agenda_items.clear(),
            FacetKind::Document => wider.documents.clear(),
            FacetKind::Language => wider.languages.clear(),
            FacetKind::Session => wider.sessions.clear(),
            FacetKind::Year => wider.years.clear(),
        }
        Some(wider)
    }

    fn slot(self, facets: &mut Facets) -> &mut FacetCount {
        match self {
            FacetKind::Country => &mut facets.country,
            FacetKind::Agenda => &mut facets.agenda_item,
            FacetKind::Document => &mut facets.doc,
            FacetKind::Language => &mut facets.language,
            FacetKind::Session => &mut facets.session,
            FacetKind::Year => &mut facets.year,
        }
    }
}

/// Counts again, without its own filter, each facet whose values the request filters on,
/// so that picking a country keeps the other countries' counts in view: counts are OR
/// within a facet and AND across facets (what a search page's facet panel shows). A
/// facet with no filter set keeps the counts of the main pass.
fn recount_without_own_filter(
    handle: &IndexHandle,
    request: &SearchRequest,
    facets: &mut Facets,
) -> Result<()> {
    let searcher = handle.searcher();
    for kind in FacetKind::ALL {
        let calendar = matches!(kind, FacetKind::Session | FacetKind::Year);
        if calendar && !request.calendar_facets {
            continue;
        }
        let Some(wider) = kind.without_own_filter(request) else {
            continue;
        };
        let (built, _) = compile(&wider, handle)?;
        let counted = searcher.search(&*built.query, &kind.counter(handle))?;
        *kind.slot(facets) = counts(counted, request.facet_values)?;
    }
    Ok(())
}

fn make_snippet(generator: &SnippetGenerator, text: &str) -> Snippet {
    let snippet = generator.snippet(text);
    if snippet.fragment().is_empty() {
        let end = text
            .char_indices()
            .nth(SNIPPET_CHARS)
            .map_or(text.len(), |(i, _)| i);
        return Snippet {
            text: text[..end].to_string(),
            highlights: Vec::new(),
        };
    }
    Snippet {
        text: snippet.fragment().to_string(),
        highlights: snippet
            .highlighted()
            .iter()
            .map(|r| [r.start, r.end])
            .collect(),
    }
}

/// The `limit` values with the most hits, largest first; among equals, numbers in
/// numeric order ("2" before "10"), then text. Document symbols counted by global
/// ordinal are ordered by count, then text, and only the symbols kept are read.
fn counts(counted: Counted, limit: Option<usize>) -> Result<FacetCount> {
    Ok(match counted {
        Counted::Values(mut values) => {
            // The values come sorted as text and this sort is stable, so equals stay in
            // text order without a string compared.
            let distinct = values.len();
            values.sort_by_cached_key(|(value, count)| {
                (
                    std::cmp::Reverse(*count),
                    value.parse::<u64>().unwrap_or(u64::MAX),
                )
            });
            values.truncate(limit.unwrap_or(distinct));
            FacetCount { values, distinct }
        }
        Counted::Symbols(ordinals, mut ranked) => {
            let distinct = ranked.len();
            let keep = limit.unwrap_or(distinct).min(distinct);
            // Ordinals are unique: an unstable sort on (count, ordinal) is a total order.
            let key = |(global, count): &(u32, u64)| (std::cmp::Reverse(*count), *global);
            if keep < distinct {
                if keep > 0 {
                    ranked.select_nth_unstable_by_key(keep - 1, key);
                }
                ranked.truncate(keep);
            }
            ranked.sort_unstable_by_key(key);
            FacetCount {
                values: facet::with_text(&ordinals, ranked)?,
                distinct,
            }
        }
    })
}

/// The symbol a report's units are indexed under, for any symbol it is printed with
/// (`S/2025/43` for the joint `A/79/737-S/2025/43`): `symbol` itself when it is the
/// first, `None` when no report has it.
pub fn leading_symbol(handle: &IndexHandle, symbol: &str) -> Result<Option<String>> {
    let searcher = handle.searcher();
    let fields = &handle.fields;
    let term = IndexTerm::from_field_text(fields.symbols, symbol);
    let query = TermQuery::new(term, IndexRecordOption::Basic);
    let found = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
    let Some((_, address)) = found.first() else {
        return Ok(None);
    };
    let document: TantivyDocument = searcher.doc(*address)?;
    Ok(stored_text(&document, fields.symbol))
}

/// The title an agenda item is printed with, from one unit under it (in one of
/// `documents`, when given): what a facet of agenda items shows beside each label.
pub fn agenda_title(
    handle: &IndexHandle,
    label: &str,
    documents: &[String],
) -> Result<Option<String>> {
    let fields = &handle.fields;
    let mut clauses = vec![(Occur::Must, text_term(fields.agenda_item, label))];
    if !documents.is_empty() {
        clauses.push((Occur::Must, build::any_of(fields.symbols, documents)));
    }
    let searcher = handle.searcher();
    let found = searcher.search(
        &BooleanQuery::new(clauses),
        &TopDocs::with_limit(1).order_by_score(),
    )?;
    let Some((_, address)) = found.first() else {
        return Ok(None);
    };
    let document: TantivyDocument = searcher.doc(*address)?;
    Ok(stored_text(&document, fields.agenda_title))
}

/// The unit `reference` of the report `symbol` (any of the symbols it is printed with);
/// with `language`, in that language's version; else in the first language found.
pub fn find_unit(
    handle: &IndexHandle,
    symbol: &str,
    reference: &UnitRef,
    language: Option<&str>,
) -> Result<Option<StoredUnit>> {
    match leading_symbol(handle, symbol)? {
        Some(symbol) => unit_at(handle, &symbol, reference, language),
        None => Ok(None),
    }
}

/// The unit of the report `symbol` that `typed` names, as a person copies it from a
/// citation: the label a meeting record prints for it (`12.1`, `(12.1)`, `12`) first, then
/// a reference (`12`, `d3`, `II.13`, `b2`, `r28/1`). `None` when the report has no such
/// unit; an error when `typed` is neither.
pub fn find_typed(
    handle: &IndexHandle,
    symbol: &str,
    typed: &str,
    language: Option<&str>,
) -> Result<Option<StoredUnit>> {
    let Some(symbol) = leading_symbol(handle, symbol)? else {
        return Ok(None);
    };
    if let Some(unit) = unit_printed(handle, &symbol, typed.trim(), language)? {
        return Ok(Some(unit));
    }
    let reference = UnitRef::parse(typed).ok_or_else(|| {
        Error::Reference(format!(
            "cannot read the reference {typed:?}: use 12 (paragraph), d3 (decision), II.13 (annex II, paragraph 13), b2 (block), r28/1 (resolution 28/1) or the label a meeting record prints (12.1)"
        ))
    })?;
    unit_at(handle, &symbol, &reference, language)
}

/// The unit `reference` of the report whose leading symbol is `symbol`.
fn unit_at(
    handle: &IndexHandle,
    symbol: &str,
    reference: &UnitRef,
    language: Option<&str>,
) -> Result<Option<StoredUnit>> {
    let searcher = handle.searcher();
    let key = reference.key();
    let languages: Vec<String> = match language {
        Some(code) => vec![code.to_string()],
        None => handle.languages(),
    };
    for code in languages {
        let query = text_term(handle.fields.unit_id, &unit_id(symbol, &code, &key));
        let found = searcher.search(&query, &TopDocs::with_limit(1).order_by_score())?;
        if let Some((_, address)) = found.first() {
            return shown_unit(handle, &searcher, *address).map(Some);
        }
    }
    Ok(None)
}

/// The first unit, in reading order, of the report whose leading symbol is `symbol` and
/// whose printed label is `printed` (in `language`'s version, when given).
fn unit_printed(
    handle: &IndexHandle,
    symbol: &str,
    printed: &str,
    language: Option<&str>,
) -> Result<Option<StoredUnit>> {
    let fields = &handle.fields;
    let mut clauses = vec![
        (Occur::Must, text_term(fields.symbol, symbol)),
        (Occur::Must, text_term(fields.printed, printed)),
    ];
    if let Some(code) = language {
        clauses.push((Occur::Must, text_term(fields.version, code)));
    }
    let searcher = handle.searcher();
    let found = searcher.search(
        &BooleanQuery::new(clauses),
        &TopDocs::with_limit(1).order_by_u64_field("order", tantivy::Order::Asc),
    )?;
    match found.first() {
        Some((_, address)) => shown_unit(handle, &searcher, *address).map(Some),
        None => Ok(None),
    }
}

/// The unit at `address`, with the other languages it is indexed in.
fn shown_unit(
    handle: &IndexHandle,
    searcher: &Searcher,
    address: DocAddress,
) -> Result<StoredUnit> {
    let mut unit = load_unit(searcher, &handle.fields, address)?;
    add_versions(
        searcher,
        &handle.fields,
        &mut [&mut unit],
        &handle.languages(),
    )?;
    Ok(unit)
}

/// `unit` with up to `context` units before and after it in its report (same symbol and
/// language version), in reading order.
pub fn with_context(
    handle: &IndexHandle,
    unit: StoredUnit,
    context: usize,
) -> Result<Vec<StoredUnit>> {
    if context == 0 {
        return Ok(vec![unit]);
    }
    let searcher = handle.searcher();
    let fields = &handle.fields;
    let term = |field, text: &str| (Occur::Must, text_term(field, text));
    let report = BooleanQuery::new(vec![
        term(fields.symbol, &unit.doc),
        term(fields.version, &unit.version),
    ]);
    let units = usize::try_from(searcher.num_docs())
        .unwrap_or(usize::MAX)
        .max(1);
    let (in_order, _) = order::top(
        &searcher,
        &report,
        units,
        0,
        SortOrder::Document,
        None,
        Count,
    )?;
    let key = unit.address().key();
    let target =
        IndexTerm::from_field_text(fields.unit_id, &unit_id(&unit.doc, &unit.version, &key));
    let found = searcher.search(
        &TermQuery::new(target, IndexRecordOption::Basic),
        &TopDocs::with_limit(1).order_by_score(),
    )?;
    let Some(at) = found
        .first()
        .and_then(|(_, address)| in_order.iter().position(|(_, a)| a == address))
    else {
        return Ok(vec![unit]);
    };
    let from = at.saturating_sub(context);
    let to = at
        .saturating_add(context)
        .saturating_add(1)
        .min(in_order.len());
    let mut shown = Vec::with_capacity(to - from);
    let mut asked = Some(unit);
    for (i, (_, address)) in in_order[from..to].iter().enumerate() {
        match (from + i == at).then(|| asked.take()).flatten() {
            Some(unit) => shown.push(unit),
            None => shown.push(load_unit(&searcher, fields, *address)?),
        }
    }
    Ok(shown)
}

/// Sets each unit's `versions`: the languages, other than its own, in which the same unit
/// of the same report is indexed. One pass over the segments for all the units: each
/// identity is a term of `unit_id`, looked up in the term dictionary (no query, no
/// scoring), a deleted document not counting.
fn add_versions(
    searcher: &Searcher,
    fields: &Fields,
    units: &mut [&mut StoredUnit],
    languages: &[String],
) -> Result<()> {
    if languages.len() < 2 {
        return Ok(());
    }
    let mut wanted: Vec<(usize, &String, IndexTerm)> = Vec::new();
    for (i, unit) in units.iter().enumerate() {
        let key = unit.address().key();
        for language in languages.iter().filter(|l| **l != unit.version) {
            let id = unit_id(&unit.doc, language, &key);
            wanted.push((i, language, IndexTerm::from_field_text(fields.unit_id, &id)));
        }
    }
    let mut found = vec![false; wanted.len()];
    for segment in searcher.segment_readers() {
        let identities = segment.inverted_index(fields.unit_id)?;
        for (slot, (_, _, term)) in found.iter_mut().zip(&wanted) {
            if *slot {
                continue;
            }
            if let Some(mut postings) = identities
                .read_postings(term, IndexRecordOption::Basic)
                .map_err(tantivy::TantivyError::from)?
            {
                let mut doc = postings.doc();
                while doc != tantivy::TERMINATED && segment.is_deleted(doc) {
                    doc = postings.advance();
                }
                *slot = doc != tantivy::TERMINATED;
            }
        }
    }
    for ((i, language, _), present) in wanted.into_iter().zip(found) {
        if present {
            units[i].versions.push(language.clone());
        }
    }
    Ok(())
}

/// Document symbols in the index, sorted, for suggestions.
pub fn documents(handle: &IndexHandle) -> Result<Vec<String>> {
    let searcher = handle.searcher();
    let counts = searcher.search(
        &tantivy::query::AllQuery,
        &ValueCounts::symbols(handle.symbol_ordinals()),
    )?;
    let symbols: Vec<String> = counts
        .into_sorted()?
        .into_iter()
        .map(|(symbol, _)| symbol)
        .collect();
    Ok(symbols)
}

/// Units whose `field` holds `text` exactly.
fn text_term(field: Field, text: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        IndexTerm::from_field_text(field, text),
        IndexRecordOption::Basic,
    ))
}

/// The first text stored in `field` of `document`.
fn stored_text(document: &TantivyDocument, field: Field) -> Option<String> {
    document
        .get_first(field)
        .and_then(|v| match OwnedValue::from(v) {
            OwnedValue::Str(s) => Some(s),
            _ => None,
        })
}

fn load_unit(searcher: &Searcher, fields: &Fields, address: DocAddress) -> Result<StoredUnit> {
    let doc: TantivyDocument = searcher.doc(address)?;
    let text_of = |field: Field| stored_text(&doc, field);
    let number_of = |field: Field| -> Option<u64> {
        doc.get_first(field)
            .and_then(|v| match OwnedValue::from(v) {
                OwnedValue::U64(n) => Some(n),
                _ => None,
            })
    };
    let all_text = |field: Field| -> Vec<String> {
        doc.get_all(field)
            .filter_map(|v| match OwnedValue::from(v) {
                OwnedValue::Str(s) => Some(s),
                _ => None,
            })
            .collect()
    };
    let language = text_of(fields.language).unwrap_or_default();
    // Labels and citations are in the style of the report's language, not the unit's (a
    // Spanish speech in an English record is cited "para. 18.3").
    let version = text_of(fields.version).unwrap_or_else(|| language.clone());
    let key = text_of(fields.unit_key).unwrap_or_default();
    let reference = UnitRef::from_key(&key).unwrap_or(UnitRef {
        annex: None,
        kind: UnitKind::Block,
        number: 0,
    });
    let act = text_of(fields.act);
    let speakers = text_of(fields.speakers_json)
        .and_then(|json| serde_json::from_str(&json).ok())
        .unwrap_or_default();
    let doc = text_of(fields.symbol).unwrap_or_default();
    let printed = text_of(fields.printed);
    Ok(StoredUnit {
        doc: doc.clone(),
        file: text_of(fields.file).unwrap_or_default(),
        label: match &printed {
            Some(printed) => crate::model::printed_label(printed),
            None => reference.label(&version, act.as_deref()),
        },
        citation: match &printed {
            Some(printed) => crate::model::printed_citation(&doc, &version, printed),
            None => reference.citation(&doc, &version, act.as_deref()),
        },
        act,
        reference: reference.typed(),
        annex: reference.annex,
        kind: reference.kind,
        number: reference.number,
        section: all_text(fields.section),
        agenda_item: text_of(fields.agenda_item),
        printed,
        translation_of: text_of(fields.translation_of),
        translated_as: text_of(fields.translated_as),
        agenda_title: text_of(fields.agenda_title),
        speakers,
        countries: all_text(fields.mentioned_country),
        session: number_of(fields.session).and_then(|n| u32::try_from(n).ok()),
        year: number_of(fields.year).and_then(|n| u32::try_from(n).ok()),
        title: text_of(fields.title),
        text: text_of(fields.text_for(&language)).unwrap_or_default(),
        order: number_of(fields.order).unwrap_or(0),
        versions: Vec::new(),
        version,
        language,
    })
}

#[cfg(test)]
mod tests {
    use super::{counts, Counted};

    #[test]
    fn facet_values_come_largest_first_then_numbers_in_order_then_text() {
        let sorted_as_text: Vec<(String, u64)> = [
            ("10", 2),
            ("2", 2),
            ("3", 5),
            ("A/HRC/1", 1),
            ("A/HRC/2", 2),
            ("E/ESCAP/1", 1),
        ]
        .iter()
        .map(|(v, n)| (v.to_string(), *n))
        .collect();
        let counted = counts(Counted::Values(sorted_as_text.clone()), None).unwrap();
        let order: Vec<&str> = counted.values.iter().map(|(v, _)| v.as_str()).collect();
        assert_eq!(order, ["3", "2", "10", "A/HRC/2", "A/HRC/1", "E/ESCAP/1"]);
        let first_two = counts(Counted::Values(sorted_as_text), Some(2)).unwrap();
        assert_eq!(first_two.values.len(), 2);
        assert_eq!(first_two.distinct, 6);
    }
}
