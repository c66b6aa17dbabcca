//! Filters as a person types them (country names in French or English, symbols as
//! printed, agenda items as printed) checked into a [`SearchRequest`]: the one way the
//! command line and the HTTP API turn what they were given into a search, so the same
//! words give the same hits through either.

use super::{SearchRequest, SortOrder};
use crate::countries::Countries;
use crate::error::{Error, Result};
use crate::parse::lexicon::{item_label, ITEM_LABEL};
use crate::parse::meta::normalize_symbol;

/// What narrows a search, as typed. Every filter takes several values (any of them).
#[derive(Debug, Clone, Default)]
pub struct TypedFilters {
    /// Speaking delegations: names or ISO codes.
    pub country: Vec<String>,
    /// Countries the unit names.
    pub mentions: Vec<String>,
    /// Agenda items as printed: `3`, `3.1`, `4 (a)`.
    pub agenda: Vec<String>,
    /// Document symbols.
    pub doc: Vec<String>,
    /// Session numbers.
    pub session: Vec<u32>,
    /// Years of the reports.
    pub year: Vec<u32>,
    /// Language codes (`fr`, `en`).
    pub lang: Vec<String>,
}

/// The checked request for `query` and `filters`: an unknown country is an error that
/// suggests close names, an agenda item not written as printed is an error that shows
/// how. Limit 1, relevance order, every facet value: the caller sets what it shows.
pub fn checked(query: &str, filters: &TypedFilters) -> Result<SearchRequest> {
    // The country table is built on first use: a search without a country filter does
    // not pay for it.
    let codes = |names: &[String]| -> Result<Vec<String>> {
        names
            .iter()
            .map(|n| Ok(Countries::get().lookup(n)?.alpha3.clone()))
            .collect()
    };
    Ok(SearchRequest {
        query: query.to_string(),
        speaker_countries: codes(&filters.country)?,
        mentioned_countries: codes(&filters.mentions)?,
        agenda_items: filters
            .agenda
            .iter()
            .map(|item| agenda_label(item))
            .collect::<Result<_>>()?,
        documents: filters.doc.iter().map(|d| normalize_symbol(d)).collect(),
        sessions: filters.session.clone(),
        years: filters.year.clone(),
        languages: filters
            .lang
            .iter()
            .map(|l| l.trim().to_lowercase())
            .collect(),
        limit: 1,
        offset: 0,
        sort: SortOrder::Relevance,
        facet_values: None,
        calendar_facets: false,
        with_translations: false,
    })
}

/// An agenda item as the index keeps it, from the way it is printed (`3`, `3.1`,
/// `4 (a)`, `4(a)`).
pub fn agenda_label(text: &str) -> Result<String> {
    static LABEL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(&format!("^(?:{ITEM_LABEL})$")).expect("valid item label pattern")
    });
    let text = text.trim();
    if LABEL.is_match(text) {
        Ok(item_label(text))
    } else {
        Err(Error::Filter(format!(
            "{text:?} is not an agenda item: write it as printed, e.g. 3, 3.1 or \"4 (a)\""
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_filters_become_codes_labels_and_symbols() {
        let filters = TypedFilters {
            country: vec!["Chine".into(), "india".into()],
            agenda: vec!["4(a)".into(), " 3.1 ".into()],
            doc: vec![" APCTT/GC(20)/4 ".into()],
            lang: vec![" FR".into()],
            ..TypedFilters::default()
        };
        let request = checked("hydrogène", &filters).unwrap();
        assert_eq!(request.speaker_countries, ["CHN", "IND"]);
        assert_eq!(request.agenda_items, ["4 (a)", "3.1"]);
        assert_eq!(request.documents, ["APCTT/GC(20)/4"]);
        assert_eq!(request.languages, ["fr"]);
    }

    #[test]
    fn a_bad_filter_says_which_word_and_how_to_write_it() {
        let bad_item = TypedFilters {
            agenda: vec!["three".into()],
            ..TypedFilters::default()
        };
        let message = checked("x", &bad_item).unwrap_err().to_string();
        assert!(
            message.contains("\"three\"") && message.contains("3.1"),
            "{message}"
        );
        let bad_country = TypedFilters {
            country: vec!["Chin".into()],
            ..TypedFilters::default()
        };
        let message = checked("x", &bad_country).unwrap_err().to_string();
        assert!(message.contains("Chine"), "{message}");
    }
}
