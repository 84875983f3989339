//! The one error type of the API and the one JSON shape every refusal has.

use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{FromRequest, FromRequestParts};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use willkommen_api as json;
use willkommen_api::ErrorCode;

use crate::store::StorageFault;

/// How many seconds a client waits before trying again after `storage_unavailable`: the
/// server probes the database every second, so a cleared fault is noticed by then.
const RETRY_AFTER_SECONDS: &str = "2";
/// When a refused live stream is worth opening again: streams close as visitors are served.
const STREAM_RETRY_AFTER_SECONDS: u64 = 15;

/// Why a request failed. Every variant becomes `{"code": ..., "message": ...}`; internal
/// failures are logged in full and answered with a generic message.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    UnknownConcern(String),
    #[error("{0}")]
    InvalidField(String),
    #[error("{0}")]
    IdempotencyKeyMissing(String),
    #[error("{0}")]
    IdempotencyKeyReused(String),
    #[error("{0}")]
    OfficeClosed(String),
    #[error("{0}")]
    CutOffPassed(String),
    #[error("{0}")]
    QuotaReached(String),
    #[error("{0}")]
    InvalidTransition(String),
    #[error("{0}")]
    NotSignedIn(String),
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    InvalidCredentials(String),
    #[error("{0}")]
    TooManyAttempts(String),
    #[error("{0}")]
    QueueEmpty(String),
    #[error("{0}")]
    CounterBusy(String),
    /// A counter named in the path that does not exist.
    #[error("{0}")]
    UnknownCounter(String),
    /// A counter named in the body that does not exist: the request, not the resource, is wrong.
    #[error("{0}")]
    UnknownCounterInBody(String),
    #[error("{0}")]
    DraftConflict(String),
    /// A configuration that cannot be published or imported, with every problem found.
    #[error("the configuration has {} problem(s)", .0.len())]
    InvalidConfig(Vec<json::Problem>),
    /// No appointment with this reference today or later.
    #[error("{0}")]
    UnknownAppointment(String),
    #[error("{0}")]
    CheckInTooEarly(String),
    #[error("{0}")]
    AppointmentClosed(String),
    /// An appointment file that cannot be imported, with every problem found.
    #[error("the file has {} problem(s)", .0.len())]
    InvalidImport(Vec<json::ImportProblem>),
    /// Too many tries (of booking references at one kiosk): wait `retry_after` seconds.
    #[error("{message}")]
    Throttled { message: String, retry_after: u64 },
    #[error("{0}")]
    LastAdmin(String),
    #[error("{0}")]
    UsernameTaken(String),
    #[error("{message}")]
    BadBody { status: StatusCode, code: ErrorCode, message: String },
    #[error("{0}")]
    MethodNotAllowed(String),
    /// As many live streams are open as the open-file limit leaves room for (`open_files.rs`).
    #[error("the server follows as many live streams as it can just now; try again shortly")]
    TooManyStreams,
    /// The database cannot take writes just now (see `store/faults.rs`); nothing was changed.
    #[error("the database is unavailable: {0}")]
    StorageUnavailable(StorageFault),
    #[error("database: {0}")]
    Database(sqlx::Error),
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

pub type AppResult<T> = Result<T, AppError>;

impl AppError {
    fn status_and_code(&self) -> (StatusCode, ErrorCode) {
        match self {
            Self::NotFound(_) => (StatusCode::NOT_FOUND, ErrorCode::NotFound),
            Self::UnknownConcern(_) => (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::UnknownConcern),
            Self::InvalidField(_) => (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::InvalidField),
            Self::IdempotencyKeyMissing(_) => (StatusCode::BAD_REQUEST, ErrorCode::IdempotencyKeyMissing),
            Self::IdempotencyKeyReused(_) => (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::IdempotencyKeyReused),
            Self::OfficeClosed(_) => (StatusCode::CONFLICT, ErrorCode::OfficeClosed),
            Self::CutOffPassed(_) => (StatusCode::CONFLICT, ErrorCode::CutOffPassed),
            Self::QuotaReached(_) => (StatusCode::CONFLICT, ErrorCode::QuotaReached),
            Self::InvalidTransition(_) => (StatusCode::CONFLICT, ErrorCode::InvalidTransition),
            Self::NotSignedIn(_) => (StatusCode::UNAUTHORIZED, ErrorCode::NotSignedIn),
            Self::Forbidden(_) => (StatusCode::FORBIDDEN, ErrorCode::Forbidden),
            Self::InvalidCredentials(_) => (StatusCode::UNAUTHORIZED, ErrorCode::InvalidCredentials),
            Self::TooManyAttempts(_) => (StatusCode::TOO_MANY_REQUESTS, ErrorCode::TooManyAttempts),
            Self::QueueEmpty(_) => (StatusCode::CONFLICT, ErrorCode::QueueEmpty),
            Self::CounterBusy(_) => (StatusCode::CONFLICT, ErrorCode::CounterBusy),
            Self::UnknownCounter(_) => (StatusCode::NOT_FOUND, ErrorCode::UnknownCounter),
            Self::UnknownCounterInBody(_) => (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::UnknownCounter),
            Self::DraftConflict(_) => (StatusCode::CONFLICT, ErrorCode::DraftConflict),
            Self::InvalidConfig(_) => (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::InvalidConfig),
            Self::UnknownAppointment(_) => (StatusCode::NOT_FOUND, ErrorCode::UnknownAppointment),
            Self::CheckInTooEarly(_) => (StatusCode::CONFLICT, ErrorCode::CheckInTooEarly),
            Self::AppointmentClosed(_) => (StatusCode::CONFLICT, ErrorCode::AppointmentClosed),
            Self::InvalidImport(_) => (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::InvalidImport),
            Self::Throttled { .. } => (StatusCode::TOO_MANY_REQUESTS, ErrorCode::TooManyAttempts),
            Self::LastAdmin(_) => (StatusCode::CONFLICT, ErrorCode::LastAdmin),
            Self::UsernameTaken(_) => (StatusCode::CONFLICT, ErrorCode::UsernameTaken),
            Self::BadBody { status, code, .. } => (*status, *code),
            Self::MethodNotAllowed(_) => (StatusCode::METHOD_NOT_ALLOWED, ErrorCode::MethodNotAllowed),
            Self::StorageUnavailable(_) => (StatusCode::SERVICE_UNAVAILABLE, ErrorCode::StorageUnavailable),
            Self::TooManyStreams => (StatusCode::SERVICE_UNAVAILABLE, ErrorCode::TooManyStreams),
            Self::Database(_) | Self::Internal(_) => (StatusCode::INTERNAL_SERVER_ERROR, ErrorCode::Internal),
        }
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, code) = self.status_and_code();
        let message = match &self {
            // Logged once per fault by the store, not once per request.
            Self::StorageUnavailable(_) => {
                "The database cannot take changes just now; nothing was changed. Please try again in a moment."
                    .to_owned()
            }
            // Logged once a minute by `open_files::StreamSlots`, not once per request.
            Self::TooManyStreams => self.to_string(),
            _ if status.is_server_error() => {
                tracing::error!(error = %self, "request failed");
                "Something went wrong on the server. Please try again.".to_owned()
            }
            _ => self.to_string(),
        };
        let retry_after = match &self {
            Self::Throttled { retry_after, .. } => Some(*retry_after),
            Self::TooManyStreams => Some(STREAM_RETRY_AFTER_SECONDS),
            _ => None,
        };
        let (problems, import_problems, fault) = match self {
            Self::InvalidConfig(problems) => (problems, Vec::new(), None),
            Self::InvalidImport(problems) => (Vec::new(), problems, None),
            Self::StorageUnavailable(fault) => (Vec::new(), Vec::new(), Some(fault)),
            _ => (Vec::new(), Vec::new(), None),
        };
        let mut response =
            (status, axum::Json(json::ApiError { code, message, problems, import_problems })).into_response();
        // For the error counter of `/metrics` (see `metrics::count_responses`).
        response.extensions_mut().insert(code);
        if let Some(seconds) = retry_after {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from(seconds));
        }
        if let Some(fault) = fault {
            response.headers_mut().insert(header::RETRY_AFTER, HeaderValue::from_static(RETRY_AFTER_SECONDS));
            // For the store's health (see `report_storage_faults` in `lib.rs`).
            response.extensions_mut().insert(fault);
        }
        response
    }
}

/// A storage fault is told apart from a bug here, once for every query of every handler.
impl From<sqlx::Error> for AppError {
    fn from(error: sqlx::Error) -> Self {
        match StorageFault::of(&error) {
            Some(fault) => Self::StorageUnavailable(fault),
            None => Self::Database(error),
        }
    }
}

impl From<JsonRejection> for AppError {
    fn from(rejection: JsonRejection) -> Self {
        let (status, code) = match &rejection {
            JsonRejection::JsonSyntaxError(_) => (StatusCode::BAD_REQUEST, ErrorCode::MalformedJson),
            JsonRejection::JsonDataError(_) => (StatusCode::UNPROCESSABLE_ENTITY, ErrorCode::InvalidBody),
            JsonRejection::MissingJsonContentType(_) => {
                (StatusCode::UNSUPPORTED_MEDIA_TYPE, ErrorCode::UnsupportedMediaType)
            }
            _ if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                (StatusCode::PAYLOAD_TOO_LARGE, ErrorCode::BodyTooLarge)
            }
            _ => (rejection.status(), ErrorCode::InvalidBody),
        };
        Self::BadBody { status, code, message: rejection.body_text() }
    }
}

impl From<QueryRejection> for AppError {
    fn from(rejection: QueryRejection) -> Self {
        Self::BadBody { status: StatusCode::BAD_REQUEST, code: ErrorCode::InvalidQuery, message: rejection.body_text() }
    }
}

/// `axum::extract::Query`, but a bad query string is refused in the API's JSON error shape.
#[derive(FromRequestParts)]
#[from_request(via(axum::extract::Query), rejection(AppError))]
pub struct Query<T>(pub T);

/// `axum::Json`, but a body it cannot read is refused in the API's JSON error shape.
#[derive(FromRequest)]
#[from_request(via(axum::Json), rejection(AppError))]
pub struct Json<T>(pub T);

/// An optional JSON body: a request without a JSON `Content-Type`, or with an empty body, has
/// none; anything else must be valid. (axum's own refuses an empty body sent with
/// `Content-Type: application/json`, which some HTTP clients add to every POST.)
impl<T, S> axum::extract::OptionalFromRequest<S> for Json<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = AppError;

    async fn from_request(request: axum::extract::Request, state: &S) -> Result<Option<Self>, AppError> {
        let declares_json = request
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .and_then(|value| value.split(';').next())
            .map(|mime| mime.trim().to_ascii_lowercase())
            .is_some_and(|mime| mime == "application/json" || mime.ends_with("+json"));
        if !declares_json {
            return Ok(None);
        }
        let body = axum::body::Bytes::from_request(request, state).await.map_err(|rejection| AppError::BadBody {
            status: rejection.status(),
            code: if rejection.status() == StatusCode::PAYLOAD_TOO_LARGE {
                ErrorCode::BodyTooLarge
            } else {
                ErrorCode::InvalidBody
            },
            message: rejection.body_text(),
        })?;
        if body.is_empty() {
            return Ok(None);
        }
        let axum::Json(value) = axum::Json::<T>::from_bytes(&body)?;
        Ok(Some(Self(value)))
    }
}

impl<T: serde::Serialize> IntoResponse for Json<T> {
    fn into_response(self) -> Response {
        axum::Json(self.0).into_response()
    }
}
