//! `willkommen-api`: the JSON contract between the Willkommen web app and its queue server.
//!
//! Both sides depend on this crate (the server imports it as `json`), so a change to the wire
//! format is a compile error on the other side instead of a silent mismatch. The rules both
//! sides apply live here too, so they cannot drift apart: the ticket life cycle
//! ([`TicketAction`]), what makes a valid account ([`account_rules`]), the office
//! configuration's problems ([`OfficeConfig::problems`]) and which app shows which page
//! ([`WebApp`], [`Page`]). It only uses serde
//! and compiles for `wasm32-unknown-unknown` as well as natively. `cargo test -p willkommen-api`
//! runs its round-trip tests.

pub mod account_rules;
mod admin;
mod appointment;
mod error;
mod feedback;
mod kiosk;
mod life_cycle;
mod office;
mod office_config;
mod pages;
mod push;
mod staff;
mod statistics;
mod text;
mod ticket;

pub use admin::{
    Account, AccountChange, AuditEntry, AuditKind, Draft, NewAccount, NewPassword, Publish, SaveDraft,
    TranslationBasis, Version, VersionInfo,
};
pub use appointment::{
    Appointment, AppointmentInput, AppointmentLookup, AppointmentRules, AppointmentState, CheckIn, CheckInState,
    ImportProblem, ImportReport, LateArrival, REFERENCE_MAX_CHARS, REFERENCE_MIN_CHARS, ServiceMapping,
    TicketAppointment, normalize_reference, reference_in_scan,
};
pub use error::{ApiError, ErrorCode};
pub use feedback::{Feedback, FeedbackReason};
pub use kiosk::{ChecklistItem, Concern, ConcernId, DisplayBoard, DisplayCall, DisplayConcern, Inactivity, Kiosk};
pub use life_cycle::TicketAction;
pub use office::{Issuing, IssuingState, OpeningHours, TimeRange, Weekday};
pub use office_config::{
    CONCERN_ICONS, ConcernConfig, CounterConfig, KIOSK_LANGUAGES, OfficeConfig, Problem, ProblemKind,
    default_notify_ahead, limits,
};
pub use pages::{Page, WebApp, locale_url, ticket_id_in, ticket_status_path};
pub use push::{PushKey, PushMessage, PushSubscription, PushSubscriptionKeys};
pub use staff::{
    CallNext, CallTo, Counter, CounterId, LocalSignIn, Login, Me, OfficeSignIn, QueueView, Role, SignInMethods,
    SignedOut, StaffTicket, TransferTo,
};
pub use statistics::{
    Cell, ColumnKind, LiveBoard, LiveConcern, OverTarget, STATISTICS_MAX_DAYS, STATISTICS_TABLES, StatisticsColumn,
    StatisticsReport, StatisticsTable, TargetLevel, TurnedAway, TurnedAwayReason,
};
pub use text::{LocalizedText, SOURCE_LANGUAGE, fallback_texts_language};
pub use ticket::{NewTicket, ParseTicketNumberError, Ticket, TicketId, TicketNumber, TicketStatus, WaitEstimate};

/// The request header that makes `POST /api/v1/tickets` safe to retry.
pub const IDEMPOTENCY_KEY_HEADER: &str = "Idempotency-Key";

/// The prefix of every route of the queue API.
pub const API_PREFIX: &str = "/api/v1";
