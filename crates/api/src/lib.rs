//! `willkommen-api`: the JSON contract between the Willkommen web app and its queue server.
//!
//! Both sides depend on this crate (the server imports it as `json`), so a change to the wire
//! format is a compile error on the other side instead of a silent mismatch. It only uses serde
//! and compiles for `wasm32-unknown-unknown` as well as natively. `cargo test -p willkommen-api`
//! runs its round-trip tests.

mod admin;
mod config;
mod error;
mod kiosk;
mod office;
mod staff;
mod text;
mod ticket;

pub use admin::{
    Account, AccountChange, AuditEntry, AuditKind, Draft, MIN_PASSWORD_CHARS, NewAccount, NewPassword, Publish,
    SaveDraft, TranslationBasis, Version, VersionInfo,
};
pub use config::{
    CONCERN_ICONS, ConcernConfig, CounterConfig, KIOSK_LANGUAGES, OfficeConfig, Problem, ProblemKind, limits,
};
pub use error::{ApiError, ErrorCode};
pub use kiosk::{ChecklistItem, Concern, ConcernId, DisplayBoard, DisplayCall, DisplayConcern, Inactivity, Kiosk};
pub use office::{Issuing, IssuingState, OpeningHours, TimeRange, Weekday};
pub use staff::{CallNext, CallTo, Counter, CounterId, Login, Me, QueueView, Role, StaffTicket, TransferTo};
pub use text::{LocalizedText, SOURCE_LANGUAGE};
pub use ticket::{NewTicket, ParseTicketNumberError, Ticket, TicketId, TicketNumber, TicketStatus, WaitEstimate};

/// The request header that makes `POST /api/v1/tickets` safe to retry.
pub const IDEMPOTENCY_KEY_HEADER: &str = "Idempotency-Key";

/// The prefix of every route of the queue API.
pub const API_PREFIX: &str = "/api/v1";

/// The path of the visitor's ticket status page, the target of the ticket's QR code.
pub fn ticket_status_path(id: &TicketId) -> String {
    format!("/t/{}", id.as_str())
}
