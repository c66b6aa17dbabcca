//! The token: with `--token`, every API request carries it, as `Authorization: Bearer T`
//! or as the cookie the page's sign-in form sets (`POST /login`). The page itself, its
//! assets and `/health` are open: they hold no data. Tokens are compared in constant time.

use std::sync::Arc;

use axum::extract::{Request, State};
use axum::http::header::{AUTHORIZATION, COOKIE, SET_COOKIE};
use axum::http::{HeaderMap, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use super::error::ApiError;
use super::AppState;

/// The cookie that carries the token for the page.
pub const COOKIE_NAME: &str = "rapporteur_token";

/// Paths anyone may fetch.
const OPEN_PATHS: [&str; 6] = [
    "/",
    "/app.js",
    "/style.css",
    "/health",
    "/login",
    "/favicon.ico",
];

/// Lets a request through when the server has no token, the path is open, or the request
/// carries the token; answers 401 otherwise.
pub async fn require_token(
    State(state): State<Arc<AppState>>,
    request: Request,
    next: Next,
) -> Response {
    match &state.token {
        Some(token) if !OPEN_PATHS.contains(&request.uri().path()) => {
            if presented(request.headers()).is_some_and(|given| same(&given, token)) {
                next.run(request).await
            } else {
                ApiError::unauthorized().into_response()
            }
        }
        _ => next.run(request).await,
    }
}

/// The token a request presents, by header or cookie.
fn presented(headers: &HeaderMap) -> Option<String> {
    let bearer = headers
        .get(AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(|t| t.trim().to_string());
    bearer.or_else(|| {
        headers
            .get_all(COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == COOKIE_NAME)
            .map(|(_, value)| value.to_string())
    })
}

/// Equality that takes as long whatever the first differing byte.
fn same(given: &str, token: &str) -> bool {
    let (a, b) = (given.as_bytes(), token.as_bytes());
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// `POST /login` with the token as the body (`token=…`, form-encoded, or bare): sets the
/// cookie and answers 204, or 401.
pub async fn login(State(state): State<Arc<AppState>>, body: axum::body::Bytes) -> Response {
    let Some(token) = &state.token else {
        return StatusCode::NO_CONTENT.into_response();
    };
    let text = String::from_utf8_lossy(&body);
    let given = text.strip_prefix("token=").unwrap_or(&text);
    let given = super::params::decode(given, "the token").unwrap_or_default();
    if !same(given.trim(), token) {
        return ApiError::unauthorized().into_response();
    }
    let cookie = format!("{COOKIE_NAME}={token}; Path=/; HttpOnly; SameSite=Strict");
    (StatusCode::NO_CONTENT, [(SET_COOKIE, cookie)]).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_token_is_read_from_the_header_or_the_cookie() {
        let mut headers = HeaderMap::new();
        headers.insert(AUTHORIZATION, "Bearer s3cret".parse().unwrap());
        assert_eq!(presented(&headers).as_deref(), Some("s3cret"));
        let mut headers = HeaderMap::new();
        headers.insert(COOKIE, "a=1; rapporteur_token=s3cret".parse().unwrap());
        assert_eq!(presented(&headers).as_deref(), Some("s3cret"));
        assert!(same("s3cret", "s3cret") && !same("s3creT", "s3cret") && !same("s3", "s3cret"));
    }
}
