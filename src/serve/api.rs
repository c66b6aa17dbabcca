//! The routes: `/api/search`, `/api/show`, `/api/trend`, `/api/stats`, `/api/export`,
//! `/health`, the page and `/login`. Every handler reads its query string strictly
//! ([`super::params`]), runs the library on the blocking pool within [`REQUEST_TIMEOUT`],
//! and answers JSON (or the export's text); any failure is `{message, code}`
//! ([`super::error`]). Hits are serialized exactly as `search --json` writes them.

use std::sync::Arc;
use std::time::Duration;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::http::Uri;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde_json::{json, Map, Value};

use super::error::ApiError;
use super::params::{Params, SearchParams, MAX_RANK};
use super::{auth, page, AppState, Served};
use crate::countries::Countries;
use crate::index::stats;
use crate::parse::meta::normalize_symbol;
use crate::query::trend::{self, Period, TrendRequest};
use crate::query::{self, request, FacetCount, SearchRequest, SearchResults, StoredUnit};
use crate::render;

/// Longest a request may run before it is answered 503.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// Largest request body read (a POSTed search), in bytes.
pub const MAX_BODY_BYTES: usize = 64 * 1024;
/// Most hits an export holds.
pub const MAX_EXPORT: usize = 10_000;
/// Most units of context around a shown unit.
const MAX_CONTEXT: usize = 20;
/// Facet values returned unless `facets=N` or `facets=all` asks otherwise.
const DEFAULT_FACET_VALUES: usize = 100;
/// Agenda items whose titles are looked up for the facet panel.
const TITLED_AGENDA_ITEMS: usize = 30;

/// The router over `state`.
pub fn router(state: Arc<AppState>) -> Router {
    Router::new()
        .route("/", get(page::index))
        .route("/app.js", get(page::script))
        .route("/style.css", get(page::style))
        .route("/health", get(health))
        .route("/login", post(auth::login))
        .route("/api/search", get(search_get).post(search_post))
        .route("/api/show", get(show))
        .route("/api/trend", get(trend_route))
        .route("/api/stats", get(stats_route))
        .route("/api/export", get(export))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(axum::middleware::from_fn_with_state(
            Arc::clone(&state),
            auth::require_token,
        ))
        .with_state(state)
}

async fn not_found(uri: Uri) -> ApiError {
    ApiError::not_found(format!(
        "nothing at {}: the API is /api/search, /api/show, /api/trend, /api/stats, /api/export and /health",
        uri.path()
    ))
}

async fn method_not_allowed() -> ApiError {
    ApiError {
        status: axum::http::StatusCode::METHOD_NOT_ALLOWED,
        code: "method_not_allowed",
        message: "use GET (or POST for /api/search and /login)".to_string(),
    }
}

/// Runs `work` on the index on the blocking pool, within [`REQUEST_TIMEOUT`].
async fn on_index<T: Send + 'static>(
    state: &Arc<AppState>,
    work: impl FnOnce(&Served) -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    let served = state.served();
    let task = tokio::task::spawn_blocking(move || work(&served));
    match tokio::time::timeout(REQUEST_TIMEOUT, task).await {
        Err(_) => Err(ApiError::timed_out(REQUEST_TIMEOUT.as_secs())),
        Ok(Err(join)) => Err(ApiError::internal(format!("the search failed: {join}"))),
        Ok(Ok(result)) => result,
    }
}

async fn health(State(state): State<Arc<AppState>>) -> Result<Json<Value>, ApiError> {
    on_index(&state, |handle| {
        Ok(Json(json!({
            "status": "ok",
            "units": handle.searcher().num_docs(),
            "languages": handle.languages(),
            "schema_version": handle.note.schema_version,
        })))
    })
    .await
}

/// The checked library request of a search and what its page is.
fn search_request(params: &Params) -> Result<(SearchRequest, SearchParams), ApiError> {
    let asked = SearchParams::from_params(params)?;
    let mut request = request::checked(&asked.query, &asked.filters)?;
    request.limit = asked.per_page;
    request.offset = (asked.page - 1) * asked.per_page;
    request.sort = asked.sort;
    request.with_translations = asked.with_translations;
    request.calendar_facets = true;
    request.facet_values = match params.one("facets").as_deref() {
        None => Some(DEFAULT_FACET_VALUES),
        Some("all") => None,
        Some(n) => Some(n.parse().map_err(|_| {
            ApiError::bad_request(
                "bad_parameter",
                format!("facets={n:?}: give a number or all"),
            )
        })?),
    };
    Ok((request, asked))
}

async fn search_get(State(state): State<Arc<AppState>>, uri: Uri) -> Result<Response, ApiError> {
    let params = Params::parse(uri.query())?;
    answer_search(&state, params).await
}

/// The same search as a JSON object body (`{"q": "…", "country": ["CHN"], "page": 2}`), for
/// clients whose queries would make a long address.
async fn search_post(
    State(state): State<Arc<AppState>>,
    request: Request,
) -> Result<Response, ApiError> {
    let body = axum::body::to_bytes(request.into_body(), MAX_BODY_BYTES)
        .await
        .map_err(|_| {
            ApiError::too_large(format!(
                "the request body is larger than {MAX_BODY_BYTES} bytes: a search is a few words and filters"
            ))
        })?;
    let object: Map<String, Value> = serde_json::from_slice(&body).map_err(|e| {
        ApiError::bad_request("bad_json", format!("the body is not a JSON object: {e}"))
    })?;
    answer_search(&state, Params::from_json(&object)?).await
}

async fn answer_search(state: &Arc<AppState>, params: Params) -> Result<Response, ApiError> {
    let (request, asked) = search_request(&params)?;
    on_index(state, move |handle| {
        let results = query::search(handle, &request)?;
        Ok(Json(search_json(handle, &request, &asked, &results)?).into_response())
    })
    .await
}

fn search_json(
    served: &Served,
    request: &SearchRequest,
    asked: &SearchParams,
    results: &SearchResults,
) -> Result<Value, ApiError> {
    let reachable = results.total.min(MAX_RANK);
    let hits = results
        .hits
        .iter()
        .map(|hit| serde_json::to_value(hit).map_err(|e| ApiError::internal(e.to_string())))
        .collect::<Result<Vec<Value>, ApiError>>()?;
    let facets = &results.facets;
    let french = facets
        .language
        .values
        .first()
        .is_some_and(|(l, _)| l == "fr");
    let countries = Countries::get();
    let country = facet_json(&facets.country, |code| {
        let name = countries.by_code(code).map(|c| {
            if french {
                c.french_name().to_string()
            } else {
                c.english_name().to_string()
            }
        });
        json!({"name": name})
    });
    let mut titles = Map::new();
    for (label, _) in facets.agenda_item.values.iter().take(TITLED_AGENDA_ITEMS) {
        let title = served.agenda_title(label, &request.documents)?;
        titles.insert(label.clone(), json!(title));
    }
    let agenda = facet_json(
        &facets.agenda_item,
        |label| json!({"title": titles.get(label).cloned().unwrap_or(Value::Null)}),
    );
    let plain = |counts: &FacetCount| facet_json(counts, |_| json!({}));
    Ok(json!({
        "query": asked.query,
        "total": results.total,
        "page": asked.page,
        "per_page": asked.per_page,
        "pages": reachable.div_ceil(asked.per_page),
        "hits": hits,
        "facets": {
            "country": country,
            "agenda_item": agenda,
            "doc": plain(&facets.doc),
            "language": plain(&facets.language),
            "session": plain(&facets.session),
            "year": plain(&facets.year),
        },
        "notes": results.notes,
    }))
}

/// `{"distinct": n, "values": [{"value", "count", …extra}]}`, largest first.
fn facet_json(counts: &FacetCount, extra: impl Fn(&str) -> Value) -> Value {
    let values: Vec<Value> = counts
        .values
        .iter()
        .map(|(value, count)| {
            let mut object = Map::new();
            object.insert("value".into(), json!(value));
            object.insert("count".into(), json!(count));
            if let Value::Object(more) = extra(value) {
                object.extend(more);
            }
            Value::Object(object)
        })
        .collect();
    json!({"distinct": counts.distinct, "values": values})
}

async fn show(State(state): State<Arc<AppState>>, uri: Uri) -> Result<Json<Value>, ApiError> {
    let params = Params::parse(uri.query())?;
    let symbol = params.one("doc").ok_or_else(|| {
        ApiError::bad_request(
            "missing_doc",
            "give the document symbol as doc, e.g. doc=APCTT/GC(20)/4",
        )
    })?;
    let typed = params.one("ref").ok_or_else(|| {
        ApiError::bad_request(
            "missing_ref",
            "give the unit as ref: 12, d3, II.13, b2, r28/1 or a printed label (12.1)",
        )
    })?;
    let language = params.one("lang").map(|l| l.to_lowercase());
    let context = params.number("context", 0)?.min(MAX_CONTEXT);
    let symbol = normalize_symbol(&symbol);
    on_index(&state, move |handle| {
        let Some(unit) = query::find_typed(handle, &symbol, &typed, language.as_deref())? else {
            return Err(ApiError::not_found(format!(
                "{symbol} has no unit {typed} in the index"
            )));
        };
        let reference = unit.address();
        let mut versions = Vec::new();
        for code in &unit.versions {
            if let Some(version) = query::find_unit(handle, &unit.doc, &reference, Some(code))? {
                versions.push(unit_json(&version)?);
            }
        }
        let asked = unit.order;
        let around = query::with_context(handle, unit.clone(), context)?;
        let around = around
            .iter()
            .map(|u| {
                let mut value = unit_json(u)?;
                value["asked"] = json!(u.order == asked);
                Ok(value)
            })
            .collect::<Result<Vec<Value>, ApiError>>()?;
        Ok(Json(json!({
            "unit": unit_json(&unit)?,
            "context": around,
            "versions": versions,
        })))
    })
    .await
}

fn unit_json(unit: &StoredUnit) -> Result<Value, ApiError> {
    serde_json::to_value(unit).map_err(|e| ApiError::internal(e.to_string()))
}

async fn trend_route(State(state): State<Arc<AppState>>, uri: Uri) -> Result<Response, ApiError> {
    let params = Params::parse(uri.query())?;
    let asked = SearchParams::from_params(&params)?;
    let by = match params.one("by").as_deref() {
        None | Some("year") => Period::Year,
        Some("session") => Period::Session,
        Some(other) => {
            return Err(ApiError::bad_request(
                "bad_parameter",
                format!("by={other:?}: use year or session"),
            ))
        }
    };
    let split = match params.one("split").as_deref() {
        None | Some("none") => None,
        Some("country") => Some(trend::Split::Country),
        Some("agenda") => Some(trend::Split::Agenda),
        Some(other) => {
            return Err(ApiError::bad_request(
                "bad_parameter",
                format!("split={other:?}: use country or agenda"),
            ))
        }
    };
    let top = params.number("top", 5)?.clamp(1, 50);
    let svg = match params.one("format").as_deref() {
        None | Some("json") => false,
        Some("svg") => true,
        Some(other) => {
            return Err(ApiError::bad_request(
                "bad_parameter",
                format!("format={other:?}: use json or svg"),
            ))
        }
    };
    let request = TrendRequest {
        search: request::checked(&asked.query, &asked.filters)?,
        by,
        split,
        top,
    };
    on_index(&state, move |handle| {
        let counted = trend::trend(handle, &request)?;
        let labels = render::trend::TrendLabels {
            query: &request.search.query,
            by: if by == Period::Year {
                "year"
            } else {
                "session"
            },
            split: split.map(|s| match s {
                trend::Split::Country => "country",
                trend::Split::Agenda => "agenda",
            }),
        };
        if svg {
            let chart = render::plot::svg(&counted, &labels).map_err(ApiError::internal)?;
            return Ok(([(CONTENT_TYPE, "image/svg+xml")], chart).into_response());
        }
        let buckets: Vec<Value> = counted
            .buckets
            .iter()
            .map(|b| json!({"key": b.key, "series": b.series, "count": b.count}))
            .collect();
        Ok(Json(json!({
            "buckets": buckets,
            "series": counted.series,
            "total": counted.total,
            "by": labels.by,
            "split": labels.split,
            "notes": counted.notes,
        }))
        .into_response())
    })
    .await
}

async fn stats_route(State(state): State<Arc<AppState>>) -> Result<Json<Value>, ApiError> {
    on_index(&state, |handle| {
        let figures = stats::gather(handle)?;
        serde_json::to_value(figures)
            .map(Json)
            .map_err(|e| ApiError::internal(e.to_string()))
    })
    .await
}

/// The current query's hits as CSV, Markdown or citations (`format=csv|md|cite`), best
/// first, at most `limit` (default and most: [`MAX_EXPORT`]).
async fn export(State(state): State<Arc<AppState>>, uri: Uri) -> Result<Response, ApiError> {
    let params = Params::parse(uri.query())?;
    let asked = SearchParams::from_params(&params)?;
    let format = params.one("format").unwrap_or_else(|| "csv".to_string());
    let (content_type, extension) = match format.as_str() {
        "csv" => ("text/csv; charset=utf-8", "csv"),
        "md" => ("text/markdown; charset=utf-8", "md"),
        "cite" => ("text/plain; charset=utf-8", "txt"),
        other => {
            return Err(ApiError::bad_request(
                "bad_parameter",
                format!("format={other:?}: use csv, md or cite"),
            ))
        }
    };
    let mut request = request::checked(&asked.query, &asked.filters)?;
    request.limit = params.number("limit", MAX_EXPORT)?.clamp(1, MAX_EXPORT);
    request.sort = asked.sort;
    request.with_translations = asked.with_translations;
    request.facet_values = Some(0);
    on_index(&state, move |handle| {
        let results = query::search(handle, &request)?;
        let mut out = Vec::new();
        let written = match format.as_str() {
            "csv" => render::formats::write_csv(&results, &mut out),
            "md" => render::formats::write_markdown(&results, false, &mut out),
            _ => render::formats::write_citations(&results, &mut out),
        };
        written.map_err(|e| ApiError::internal(e.to_string()))?;
        let disposition = format!("attachment; filename=\"rapporteur.{extension}\"");
        Ok((
            [
                (CONTENT_TYPE, content_type.to_string()),
                (CONTENT_DISPOSITION, disposition),
            ],
            Body::from(out),
        )
            .into_response())
    })
    .await
}
