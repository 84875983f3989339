use std::fmt;

use serde::{Deserialize, Serialize};

/// The body of every error response of the queue API: `{"code": ..., "message": ...}`.
///
/// `code` is for programs (the kiosk turns it into a sentence in the visitor's language);
/// `message` is for the developer reading a log, in English.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
}

/// Why the API refused a request.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The body is not valid JSON.
    MalformedJson,
    /// The body is JSON but does not have the expected fields or types.
    InvalidBody,
    /// The request needs `Content-Type: application/json`.
    UnsupportedMediaType,
    /// A field has a value the office does not accept (e.g. a language the kiosk does not offer).
    InvalidField,
    UnknownConcern,
    /// No such route, ticket or resource.
    NotFound,
    MethodNotAllowed,
    /// Something went wrong on the server; details are in its log, not in the response.
    Internal,
    /// A code this version of the client does not know yet (sent by a newer server).
    #[serde(other)]
    Unknown,
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}: {}", self.code, self.message)
    }
}

impl std::error::Error for ApiError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn error_codes_are_snake_case_on_the_wire() {
        let error = ApiError { code: ErrorCode::UnknownConcern, message: "no concern \"x\"".into() };

        let json = serde_json::to_value(&error).unwrap();

        assert_eq!(json, serde_json::json!({"code": "unknown_concern", "message": "no concern \"x\""}));
        assert_eq!(serde_json::from_value::<ApiError>(json).unwrap(), error);
    }

    #[test]
    fn a_code_from_a_newer_server_is_understood_as_unknown() {
        let error: ApiError = serde_json::from_str(r#"{"code":"quota_reached","message":"full"}"#).unwrap();

        assert_eq!(error.code, ErrorCode::Unknown);
    }
}
