//! Every failure of the HTTP API as JSON `{"message", "code"}` with a 4xx or 5xx status:
//! the message says what was wrong and what to do, the code is stable for programs.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

use crate::error::Error;

/// An API error.
#[derive(Debug)]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// A stable code: `bad_query`, `unknown_country`, `not_found`, …
    pub code: &'static str,
    /// What went wrong, for people.
    pub message: String,
}

impl ApiError {
    /// A request that cannot be answered as asked (400).
    pub fn bad_request(code: &'static str, message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            code,
            message: message.into(),
        }
    }

    /// A request larger than the API reads (413).
    pub fn too_large(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::PAYLOAD_TOO_LARGE,
            code: "too_large",
            message: message.into(),
        }
    }

    /// Nothing at this address (404).
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::NOT_FOUND,
            code: "not_found",
            message: message.into(),
        }
    }

    /// No or a wrong token (401).
    pub fn unauthorized() -> ApiError {
        ApiError {
            status: StatusCode::UNAUTHORIZED,
            code: "unauthorized",
            message: "this server needs its token: send `Authorization: Bearer TOKEN`, or sign in on the page".to_string(),
        }
    }

    /// A search that ran past its time (503).
    pub fn timed_out(seconds: u64) -> ApiError {
        ApiError {
            status: StatusCode::SERVICE_UNAVAILABLE,
            code: "timeout",
            message: format!("the request took more than {seconds} s: narrow the query"),
        }
    }

    /// Something on the server's side (500).
    pub fn internal(message: impl Into<String>) -> ApiError {
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            code: "internal",
            message: message.into(),
        }
    }
}

impl From<Error> for ApiError {
    fn from(error: Error) -> ApiError {
        let message = error.to_string();
        match error {
            Error::Query(_) => ApiError::bad_request("bad_query", message),
            Error::Filter(_) => ApiError::bad_request("bad_filter", message),
            Error::Reference(_) => ApiError::bad_request("bad_ref", message),
            Error::UnknownCountry { .. } => ApiError::bad_request("unknown_country", message),
            Error::Index { .. } => ApiError {
                status: StatusCode::SERVICE_UNAVAILABLE,
                code: "index_unavailable",
                message,
            },
            _ => ApiError::internal(message),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = Json(json!({"message": self.message, "code": self.code}));
        (self.status, body).into_response()
    }
}
