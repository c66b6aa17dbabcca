//! A parsed query and the filters -> one tantivy query. Each analysed language has its own
//! text field, so the words are analysed once per language and the per-language queries
//! are OR-ed (a unit's text lives in one of them). Ranking is BM25 plus an optional
//! proximity clause over the plain words ([`super::proximity`]): side by side (boost 2)
//! and within a few words (boost 1), so "hydrogène vert" ranks the phrase above
//! scattered words.
//! Filters are constant-score clauses: they narrow, they do not rank. When the plain
//! words are the query's only scored clause, they share a [`ScoreFloor`] that the search
//! raises as it collects, so that the proximity of a unit that cannot be shown is not
//! worked out ([`super::words`]).

use std::ops::Bound;
use std::sync::Arc;

use tantivy::query::{
    BooleanQuery, ConstScoreQuery, Occur, PhraseQuery, Query, RangeQuery, TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::Term as IndexTerm;

use super::floor::ScoreFloor;
use super::parser::{QueryAst, Term};
use super::proximity::ProximityQuery;
use super::words::WordsQuery;
use super::SearchRequest;
use crate::analyze::{self, LanguageSpec, LANGUAGES};
use crate::index::schema::Fields;

/// Words within this distance count as "close" for the proximity boost.
const CLOSE_SLOP: u32 = 6;
const ADJACENT_BOOST: f32 = 2.0;
const CLOSE_BOOST: f32 = 1.0;

/// A query ready to run.
pub struct Built {
    /// The tantivy query.
    pub query: Box<dyn Query>,
    /// The floor its words share, if they are its only scored clause: a search ranked by
    /// relevance raises it as it collects ([`super::floor::FloorKeeper`]).
    pub floor: Option<Arc<ScoreFloor>>,
}

/// The tantivy query for `request`, or `None` when no language can match its words.
/// Only the text fields of `indexed` languages (the report languages the index holds;
/// every language when the list is empty) are searched: a field with no text would still
/// cost a term-dictionary opening per segment.
pub fn build_query(
    ast: &QueryAst,
    request: &SearchRequest,
    fields: &Fields,
    indexed: &[String],
) -> Option<Built> {
    let mut languages: Vec<&LanguageSpec> = match request.languages.as_slice() {
        [] if indexed.is_empty() => LANGUAGES.iter().collect(),
        [] => LANGUAGES
            .iter()
            .filter(|spec| {
                indexed
                    .iter()
                    .any(|code| analyze::language(code).code == spec.code)
            })
            .collect(),
        asked => asked.iter().map(|code| analyze::language(code)).collect(),
    };
    languages.dedup_by_key(|spec| spec.code);
    // A unit's text is in one language's field only, so its score is that language's.
    let floor = Arc::new(ScoreFloor::default());
    let mut floor_used = false;
    let per_language: Vec<(Occur, Box<dyn Query>)> = languages
        .into_iter()
        .filter_map(|spec| {
            let (query, uses_floor) = text_query(ast, spec, fields.text_for(spec.code), &floor)?;
            floor_used |= uses_floor;
            Some((Occur::Should, query))
        })
        .collect();
    if per_language.is_empty() {
        return None;
    }
    let mut clauses: Vec<(Occur, Box<dyn Query>)> =
        vec![(Occur::Must, Box::new(BooleanQuery::new(per_language)))];
    // Filters score nothing (0), so they leave the words the whole score.
    for filter in filters(request, fields) {
        clauses.push((Occur::Must, Box::new(ConstScoreQuery::new(filter, 0.0))));
    }
    Some(Built {
        query: Box::new(BooleanQuery::new(clauses)),
        floor: floor_used.then_some(floor),
    })
}

/// The query over one language's text field, and whether it uses `floor`.
fn text_query(
    ast: &QueryAst,
    spec: &LanguageSpec,
    field: Field,
    floor: &Arc<ScoreFloor>,
) -> Option<(Box<dyn Query>, bool)> {
    let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    // The required words that are one term each: scored together with their proximity.
    let mut words: Vec<IndexTerm> = Vec::new();
    // The terms of every plain required word, in order: the proximity's.
    let mut plain_words: Vec<String> = Vec::new();
    for group in &ast.required {
        if let [Term::Word(word)] = group.as_slice() {
            let terms = analyze::terms(spec, word);
            plain_words.extend(terms.iter().map(|(_, term)| term.clone()));
            if let [(_, term)] = terms.as_slice() {
                words.push(IndexTerm::from_field_text(field, term));
                continue;
            }
        }
        let alternatives: Vec<Box<dyn Query>> = group
            .iter()
            .filter_map(|t| term_query(t, spec, field))
            .collect();
        match alternatives.len() {
            0 => {}
            1 => clauses.extend(alternatives.into_iter().map(|q| (Occur::Must, q))),
            _ => {
                let any = alternatives
                    .into_iter()
                    .map(|q| (Occur::Should, q))
                    .collect();
                clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
            }
        }
    }
    let proximity = (plain_words.len() >= 2).then(|| {
        let terms: Vec<(usize, IndexTerm)> = plain_words
            .iter()
            .enumerate()
            .map(|(i, w)| (i, IndexTerm::from_field_text(field, w)))
            .collect();
        ProximityQuery::new(terms, CLOSE_SLOP, ADJACENT_BOOST, CLOSE_BOOST)
    });
    let mut uses_floor = false;
    match proximity {
        Some(proximity) if !words.is_empty() => {
            // The floor holds when nothing else scores: no phrase, no alternatives.
            uses_floor = clauses.is_empty();
            let floor = uses_floor.then(|| Arc::clone(floor));
            let query = WordsQuery::new(words, proximity, floor);
            clauses.push((Occur::Must, Box::new(query)));
        }
        proximity => {
            for word in words {
                let query = TermQuery::new(word, IndexRecordOption::WithFreqs);
                clauses.push((Occur::Must, Box::new(query)));
            }
            if let Some(proximity) = proximity {
                clauses.push((Occur::Should, Box::new(proximity)));
            }
        }
    }
    if !clauses.iter().any(|(occur, _)| *occur == Occur::Must) {
        return None;
    }
    for term in &ast.excluded {
        if let Some(q) = term_query(term, spec, field) {
            clauses.push((Occur::MustNot, q));
        }
    }
    Some((Box::new(BooleanQuery::new(clauses)), uses_floor))
}

/// A word or phrase as analysed for one language: a term, a phrase, or nothing (a word
/// that analyses to no token, such as a lone "l’").
fn term_query(term: &Term, spec: &LanguageSpec, field: Field) -> Option<Box<dyn Query>> {
    let mut tokens = analyze::terms(spec, term.text());
    match tokens.len() {
        0 => None,
        1 => {
            let (_, text) = tokens.remove(0);
            let term = IndexTerm::from_field_text(field, &text);
            Some(Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs)))
        }
        _ => {
            let first = tokens[0].0;
            let terms = tokens
                .into_iter()
                .map(|(position, text)| {
                    (position - first, IndexTerm::from_field_text(field, &text))
                })
                .collect();
            Some(Box::new(PhraseQuery::new_with_offset(terms)))
        }
    }
}

/// Units with any of `terms` (one clause per term, OR-ed).
fn any_term(terms: impl Iterator<Item = IndexTerm>) -> Box<dyn Query> {
    let clauses = terms
        .map(|term| {
            let q: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::Basic));
            (Occur::Should, q)
        })
        .collect();
    Box::new(BooleanQuery::new(clauses))
}

/// Units whose `field` holds any of `values`.
pub(crate) fn any_of(field: Field, values: &[String]) -> Box<dyn Query> {
    any_term(values.iter().map(|v| IndexTerm::from_field_text(field, v)))
}

fn any_number(field: Field, values: &[u32]) -> Box<dyn Query> {
    any_term(
        values
            .iter()
            .map(|&v| IndexTerm::from_field_u64(field, u64::from(v))),
    )
}

/// Units of reports of any of `years` (a fast field, not indexed: a range per year).
fn any_year(field: Field, years: &[u32]) -> Box<dyn Query> {
    let clauses = years
        .iter()
        .map(|&year| {
            let term = IndexTerm::from_field_u64(field, u64::from(year));
            let q: Box<dyn Query> = Box::new(RangeQuery::new(
                Bound::Included(term.clone()),
                Bound::Included(term),
            ));
            (Occur::Should, q)
        })
        .collect();
    Box::new(BooleanQuery::new(clauses))
}

fn filters(request: &SearchRequest, fields: &Fields) -> Vec<Box<dyn Query>> {
    let mut filters = Vec::new();
    if !request.speaker_countries.is_empty() {
        filters.push(any_of(fields.speaker_country, &request.speaker_countries));
    }
    if !request.mentioned_countries.is_empty() {
        filters.push(any_of(
            fields.mentioned_country,
            &request.mentioned_countries,
        ));
    }
    if !request.agenda_items.is_empty() {
        filters.push(any_of(fields.agenda_within, &request.agenda_items));
    }
    if !request.sessions.is_empty() {
        filters.push(any_number(fields.session, &request.sessions));
    }
    if !request.years.is_empty() {
        filters.push(any_year(fields.year, &request.years));
    }
    if !request.documents.is_empty() {
        filters.push(any_of(fields.symbols, &request.documents));
    }
    if !request.languages.is_empty() {
        filters.push(any_of(fields.language, &request.languages));
    }
    filters
}
