//! A request's query string read strictly: `key=value` pairs, keys repeatable
//! (`country=CHN&country=IND`), percent-escapes and `+` decoded, and a value that is not
//! UTF-8 once decoded refused with the parameter's name. Then the parameters a search
//! takes ([`SearchParams`]), each checked the way the command line checks its options.

use percent_encoding::percent_decode_str;

use super::error::ApiError;
use crate::query::request::TypedFilters;
use crate::query::SortOrder;

/// Longest query text accepted, in characters (a query is typed, not pasted documents).
pub const MAX_QUERY_CHARS: usize = 1_000;
/// Most hits on one page.
pub const MAX_PER_PAGE: usize = 100;
/// Hits on a page unless asked otherwise.
pub const DEFAULT_PER_PAGE: usize = 10;
/// Deepest page: hits past this rank are not paged to (narrow the query instead).
pub const MAX_RANK: usize = 10_000;

/// The decoded pairs of a query string, in order.
#[derive(Debug, Default)]
pub struct Params(Vec<(String, String)>);

impl Params {
    /// Decodes `raw` (the part of the URI after `?`).
    pub fn parse(raw: Option<&str>) -> Result<Params, ApiError> {
        let mut pairs = Vec::new();
        for pair in raw.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, ""));
            let key = decode(key, "a parameter name")?;
            let value = decode(value, &key)?;
            pairs.push((key, value));
        }
        Ok(Params(pairs))
    }

    /// The pairs of a JSON object: a string or a number is one value, an array of them
    /// several.
    pub fn from_json(
        object: &serde_json::Map<String, serde_json::Value>,
    ) -> Result<Params, ApiError> {
        use serde_json::Value;
        let mut pairs = Vec::new();
        for (key, value) in object {
            let values = match value {
                Value::Array(values) => values.iter().collect(),
                value => vec![value],
            };
            for value in values {
                let text = match value {
                    Value::String(s) => s.clone(),
                    Value::Number(n) => n.to_string(),
                    _ => {
                        return Err(ApiError::bad_request(
                            "bad_parameter",
                            format!("{key}: give a string, a number or a list of them"),
                        ))
                    }
                };
                pairs.push((key.clone(), text));
            }
        }
        Ok(Params(pairs))
    }

    /// Every value of `key`, blank ones left out.
    pub fn all(&self, key: &str) -> Vec<String> {
        self.0
            .iter()
            .filter(|(k, v)| k == key && !v.trim().is_empty())
            .map(|(_, v)| v.trim().to_string())
            .collect()
    }

    /// The last value of `key`, if any is not blank.
    pub fn one(&self, key: &str) -> Option<String> {
        self.all(key).pop()
    }

    /// The value of `key` among `choices` (the first when it is absent); any other value
    /// is a `bad_parameter` error that says `how` to write it.
    pub fn choice<T: Copy>(
        &self,
        key: &str,
        choices: &[(&str, T)],
        how: &str,
    ) -> Result<T, ApiError> {
        let Some(given) = self.one(key) else {
            return Ok(choices[0].1);
        };
        choices
            .iter()
            .find(|(name, _)| *name == given)
            .map(|(_, value)| *value)
            .ok_or_else(|| {
                ApiError::bad_request("bad_parameter", format!("{key}={given:?}: {how}"))
            })
    }

    /// `key` as a number, `default` when absent; an error that names it otherwise.
    pub fn number(&self, key: &str, default: usize) -> Result<usize, ApiError> {
        match self.one(key) {
            None => Ok(default),
            Some(text) => text.parse().map_err(|_| {
                ApiError::bad_request(
                    "bad_parameter",
                    format!("{key}={text:?} is not a whole number"),
                )
            }),
        }
    }

    fn numbers(&self, key: &str) -> Result<Vec<u32>, ApiError> {
        self.all(key)
            .into_iter()
            .map(|text| {
                text.parse().map_err(|_| {
                    ApiError::bad_request(
                        "bad_parameter",
                        format!("{key}={text:?} is not a whole number"),
                    )
                })
            })
            .collect()
    }
}

/// `text` with `+` and percent-escapes decoded; not UTF-8 once decoded is an error
/// naming `what`.
pub fn decode(text: &str, what: &str) -> Result<String, ApiError> {
    let spaced = text.replace('+', " ");
    percent_decode_str(&spaced)
        .decode_utf8()
        .map(|s| s.into_owned())
        .map_err(|_| {
            ApiError::bad_request(
                "bad_encoding",
                format!("{what} is not UTF-8 text once decoded: percent-encode its UTF-8 bytes"),
            )
        })
}

/// A search as the API is asked it: query, filters, order and page.
#[derive(Debug)]
pub struct SearchParams {
    /// The query text.
    pub query: String,
    /// The filters, as typed.
    pub filters: TypedFilters,
    /// The order of hits.
    pub sort: SortOrder,
    /// 1-based page.
    pub page: usize,
    /// Hits per page.
    pub per_page: usize,
    /// `translations=all`: a unit's printed translation is listed beside it when both
    /// match (by default they are one hit, the original).
    pub with_translations: bool,
}

impl SearchParams {
    /// The search in `params` (`q`, `country`, `mentions`, `agenda`, `doc`, `session`,
    /// `year`, `lang`, `sort`, `page`, `per_page`, `translations`), each value checked.
    pub fn from_params(params: &Params) -> Result<SearchParams, ApiError> {
        let query = params.one("q").ok_or_else(|| {
            ApiError::bad_request(
                "missing_query",
                "give the words to search for as q, e.g. /api/search?q=hydrog%C3%A8ne",
            )
        })?;
        let chars = query.chars().count();
        if chars > MAX_QUERY_CHARS {
            return Err(ApiError::too_large(format!(
                "the query is {chars} characters long; at most {MAX_QUERY_CHARS} are searched"
            )));
        }
        let sort = params.choice(
            "sort",
            &[
                ("relevance", SortOrder::Relevance),
                ("date", SortOrder::Date),
                ("document", SortOrder::Document),
            ],
            "use relevance, date or document",
        )?;
        let with_translations = params.choice(
            "translations",
            &[("originals", false), ("all", true)],
            "use originals (one hit per speech) or all",
        )?;
        let per_page = params.number("per_page", DEFAULT_PER_PAGE)?;
        if per_page == 0 || per_page > MAX_PER_PAGE {
            return Err(ApiError::bad_request(
                "bad_parameter",
                format!("per_page={per_page}: give 1 to {MAX_PER_PAGE}"),
            ));
        }
        let page = params.number("page", 1)?;
        if page == 0 || (page - 1).saturating_mul(per_page) >= MAX_RANK {
            return Err(ApiError::bad_request(
                "bad_parameter",
                format!(
                    "page={page}: pages start at 1 and go as far as hit {MAX_RANK}; narrow the query to see past it"
                ),
            ));
        }
        Ok(SearchParams {
            query,
            filters: TypedFilters {
                country: params.all("country"),
                mentions: params.all("mentions"),
                agenda: params.all("agenda"),
                doc: params.all("doc"),
                session: params.numbers("session")?,
                year: params.numbers("year")?,
                lang: params.all("lang"),
            },
            sort,
            page,
            per_page,
            with_translations,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_decode_and_repeat() {
        let params =
            Params::parse(Some("q=hydrog%C3%A8ne+vert&country=CHN&country=IND&doc=")).unwrap();
        assert_eq!(params.one("q").as_deref(), Some("hydrogène vert"));
        assert_eq!(params.all("country"), ["CHN", "IND"]);
        assert!(params.all("doc").is_empty());
    }

    #[test]
    fn bad_utf8_names_the_parameter() {
        let error = Params::parse(Some("q=%FF%FE")).unwrap_err();
        assert_eq!(error.status.as_u16(), 400);
        assert!(
            error.message.contains("q is not UTF-8"),
            "{}",
            error.message
        );
    }

    #[test]
    fn paging_and_sort_are_checked() {
        let check = |raw: &str| SearchParams::from_params(&Params::parse(Some(raw)).unwrap());
        assert!(check("per_page=5").is_err(), "no query");
        assert!(check("q=x&per_page=0").is_err());
        assert!(check("q=x&per_page=1000").is_err());
        assert!(check("q=x&page=0").is_err());
        assert!(check("q=x&sort=size").is_err());
        let long = format!("q={}", "a".repeat(MAX_QUERY_CHARS + 1));
        assert_eq!(check(&long).unwrap_err().status.as_u16(), 413);
        let ok = check("q=x&page=3&per_page=20&sort=date&session=20").unwrap();
        assert_eq!((ok.page, ok.per_page, ok.sort), (3, 20, SortOrder::Date));
        assert_eq!(ok.filters.session, [20]);
    }
}
