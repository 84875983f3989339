use std::fmt;

use serde::{Deserialize, Serialize};

/// The body of every error response of the queue API: `{"code": ..., "message": ...}`.
///
/// `code` is for programs (the kiosk turns it into a sentence in the visitor's language);
/// `message` is for the developer reading a log, in English.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ApiError {
    pub code: ErrorCode,
    pub message: String,
    /// With `invalid_config`: every problem of the document, each with its path.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub problems: Vec<crate::Problem>,
    /// With `invalid_import`: every problem of the file, each with its line.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub import_problems: Vec<crate::ImportProblem>,
}

/// Why the API refused a request.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// The body is not valid JSON.
    MalformedJson,
    /// The body is JSON but does not have the expected fields or types.
    InvalidBody,
    /// The request needs `Content-Type: application/json`.
    UnsupportedMediaType,
    /// The body is larger than the API accepts (64 KiB).
    BodyTooLarge,
    /// A query parameter is missing or malformed.
    InvalidQuery,
    /// A field has a value the office does not accept (e.g. a language the kiosk does not offer).
    InvalidField,
    UnknownConcern,
    /// `POST /tickets` needs an `Idempotency-Key` header (1 to 128 visible ASCII characters).
    IdempotencyKeyMissing,
    /// The `Idempotency-Key` was used before with a different request body.
    IdempotencyKeyReused,
    /// The office is closed now; `GET /kiosk` says when it opens.
    OfficeClosed,
    /// The office is open but no new tickets are issued this close to closing time.
    CutOffPassed,
    /// Today's tickets for this concern are all taken.
    QuotaReached,
    /// The ticket is not in a state that allows this (e.g. cancelling a finished ticket).
    InvalidTransition,
    /// Sign in first (no session, or it expired).
    NotSignedIn,
    /// Signed in, but this needs another role (e.g. admin).
    Forbidden,
    /// Wrong username or password (the answer does not say which).
    InvalidCredentials,
    /// Too many failed sign-ins; wait and try again.
    TooManyAttempts,
    /// Nobody is waiting for the concerns of this counter.
    QueueEmpty,
    /// The counter still has a called or served ticket; finish it first.
    CounterBusy,
    UnknownCounter,
    /// The draft was saved by someone else since it was loaded; load it again.
    DraftConflict,
    /// The configuration has problems (listed in `problems`); nothing was changed.
    InvalidConfig,
    /// No appointment with this reference today or later (`GET`/`POST /appointments/...`).
    UnknownAppointment,
    /// Check-in for this appointment opens later; `GET /appointments/{reference}` says when.
    CheckInTooEarly,
    /// The appointment was cancelled, or is over.
    AppointmentClosed,
    /// The import file has problems (each in `import_problems`, with its line); nothing was
    /// changed.
    InvalidImport,
    /// The last active admin account cannot be deactivated or lose the admin role.
    LastAdmin,
    UsernameTaken,
    /// No such route, ticket or resource.
    NotFound,
    MethodNotAllowed,
    /// The database cannot take writes just now (disk full, locked by another program,
    /// unreachable); nothing was changed. Try again after `Retry-After` seconds, with the same
    /// `Idempotency-Key` for a ticket: the server recovers by itself once the fault clears.
    StorageUnavailable,
    /// A live stream was refused: the server follows as many as its open-file limit leaves
    /// room for. Open it again after `Retry-After` seconds; everything else keeps working.
    TooManyStreams,
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
        let error = ApiError {
            code: ErrorCode::UnknownConcern,
            message: "no concern \"x\"".into(),
            problems: vec![],
            import_problems: vec![],
        };

        let json = serde_json::to_value(&error).unwrap();

        assert_eq!(json, serde_json::json!({"code": "unknown_concern", "message": "no concern \"x\""}));
        assert_eq!(serde_json::from_value::<ApiError>(json).unwrap(), error);
    }

    #[test]
    fn a_code_from_a_newer_server_is_understood_as_unknown() {
        let error: ApiError = serde_json::from_str(r#"{"code":"some_future_code","message":"new"}"#).unwrap();

        assert_eq!(error.code, ErrorCode::Unknown);
    }
}
