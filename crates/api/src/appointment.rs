//! Appointments: what a visitor booked elsewhere (ZMS, TEVIS, the office's own system) and
//! checks in for at the kiosk. An appointment is a booking reference, a slot, a concern and
//! at most the visitor's language: nothing personal.

use serde::{Deserialize, Serialize};

use crate::{ConcernId, TicketId, TicketNumber};

/// A reference has at least this many letters and digits once normalised.
pub const REFERENCE_MIN_CHARS: usize = 4;
/// ... and at most this many.
pub const REFERENCE_MAX_CHARS: usize = 40;

/// The form a booking reference is compared in: capital letters and digits only, with the
/// letters people and scanners confuse with digits read as those digits (`O` as `0`, `I`
/// and `L` as `1`). Spaces, dashes, dots, slashes and underscores are left out, so
/// `b-12 34`, `B1234` and `b 1234` are the same reference. `None` when what remains is not
/// a reference (too short, too long, or other characters).
///
/// An office whose references use both `O` and `0` as different characters would see two
/// of them read the same: the import refuses such a pair rather than mix them up.
pub fn normalize_reference(text: &str) -> Option<String> {
    let mut key = String::with_capacity(text.len());
    for c in text.trim().chars() {
        match c {
            ' ' | '-' | '–' | '.' | '/' | '_' | '\u{a0}' => {}
            'o' | 'O' => key.push('0'),
            'i' | 'I' | 'l' | 'L' => key.push('1'),
            c if c.is_ascii_alphanumeric() => key.push(c.to_ascii_uppercase()),
            _ => return None,
        }
    }
    (REFERENCE_MIN_CHARS..=REFERENCE_MAX_CHARS).contains(&key.chars().count()).then_some(key)
}

/// The reference in what a scanner read from a booking confirmation's QR code: the text
/// itself, or in a link (a confirmation's "manage your booking" address) the value of its
/// first query parameter named like a reference (`reference`, `ref`, `booking`, `process`,
/// `termin`, `terminnummer`, `code`, `id`), else its last path segment. Normalised as by
/// [`normalize_reference`].
pub fn reference_in_scan(scanned: &str) -> Option<String> {
    let scanned = scanned.trim();
    let Some((_, rest)) = scanned.split_once("://") else { return normalize_reference(scanned) };
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let query = query.split('#').next().unwrap_or_default();
    const NAMES: [&str; 8] = ["reference", "ref", "booking", "process", "termin", "terminnummer", "code", "id"];
    let parameters: Vec<(&str, &str)> = query.split('&').filter_map(|pair| pair.split_once('=')).collect();
    for name in NAMES {
        if let Some((_, value)) = parameters.iter().find(|(key, _)| key.eq_ignore_ascii_case(name)) {
            return normalize_reference(&value.replace("%20", " ").replace('+', " "));
        }
    }
    let path = path.split('#').next().unwrap_or_default();
    let segments: Vec<&str> = path.split('/').skip(1).filter(|segment| !segment.is_empty()).collect();
    segments.last().and_then(|segment| normalize_reference(segment))
}

/// The office's rules for appointments, part of [`crate::OfficeConfig`].
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct AppointmentRules {
    /// The kiosk offers "I have an appointment" on its welcome screen.
    pub enabled: bool,
    /// Check-in opens this many minutes before the slot.
    pub check_in_opens_minutes: u32,
    /// Check-in is accepted up to this many minutes after the slot; later arrivals get
    /// what `late_arrival` says.
    pub check_in_closes_minutes: u32,
    pub late_arrival: LateArrival,
    /// A checked-in appointment is called ahead of walk-ins from this many minutes before its
    /// slot.
    pub call_ahead_minutes: u32,
    /// While appointments are due, every this-many-th call goes to a walk-in (3: two
    /// appointments, then a walk-in). `null`: appointments that are due always go first.
    pub walk_in_every: Option<u32>,
}

impl Default for AppointmentRules {
    fn default() -> Self {
        Self {
            enabled: false,
            check_in_opens_minutes: 30,
            check_in_closes_minutes: 10,
            late_arrival: LateArrival::WalkIn,
            call_ahead_minutes: 2,
            walk_in_every: None,
        }
    }
}

/// What a visitor who comes after the check-in window gets.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LateArrival {
    /// A walk-in ticket for the booked concern, in the walk-in queue.
    #[default]
    WalkIn,
    /// A ticket for the information desk (the office's `information_concern`).
    InformationDesk,
}

/// `GET /api/v1/appointments/{reference}`: what the kiosk shows after the visitor typed or
/// scanned a reference. Unknown references are `404 unknown_appointment`; too many unknown
/// ones from one kiosk are `429 too_many_attempts` with `Retry-After`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AppointmentLookup {
    /// The reference as the office wrote it, e.g. `B-1234`.
    pub reference: String,
    /// The booked time, RFC 3339 with the office's offset.
    pub slot: String,
    pub concern: ConcernId,
    /// Whether and how the visitor can check in now.
    pub check_in: CheckInState,
}

/// Whether an appointment can be checked in now.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case", try_from = "CheckInFields")]
pub enum CheckInState {
    /// Within the window: checking in gives an appointment ticket.
    Open,
    /// Before the window: check-in opens at `opens_at` (RFC 3339, office offset), which may
    /// be another day.
    TooEarly { opens_at: String },
    /// After the window: checking in gives what `late_arrival` says instead.
    TooLate { late_arrival: LateArrival },
    /// Checked in already: checking in again gives this same ticket.
    CheckedIn { ticket: TicketId },
    /// The booking was cancelled.
    Cancelled,
    /// The appointment is over (served, or missed on an earlier day).
    Over,
}

/// [`CheckInState`] as it is read: its fields side by side, without the buffering serde needs
/// to read an internally tagged enum (that machinery alone made the kiosk's download about
/// 5 KB brotli bigger). The wire format is the same.
#[derive(Deserialize)]
struct CheckInFields {
    state: CheckInTag,
    #[serde(default)]
    opens_at: Option<String>,
    #[serde(default)]
    late_arrival: Option<LateArrival>,
    #[serde(default)]
    ticket: Option<TicketId>,
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum CheckInTag {
    Open,
    TooEarly,
    TooLate,
    CheckedIn,
    Cancelled,
    Over,
}

impl TryFrom<CheckInFields> for CheckInState {
    type Error = &'static str;

    fn try_from(fields: CheckInFields) -> Result<Self, Self::Error> {
        Ok(match (fields.state, fields.opens_at, fields.late_arrival, fields.ticket) {
            (CheckInTag::Open, ..) => Self::Open,
            (CheckInTag::TooEarly, Some(opens_at), ..) => Self::TooEarly { opens_at },
            (CheckInTag::TooLate, _, Some(late_arrival), _) => Self::TooLate { late_arrival },
            (CheckInTag::CheckedIn, _, _, Some(ticket)) => Self::CheckedIn { ticket },
            (CheckInTag::Cancelled, ..) => Self::Cancelled,
            (CheckInTag::Over, ..) => Self::Over,
            _ => return Err("the check-in state lacks its opens_at, late_arrival or ticket"),
        })
    }
}

/// `POST /api/v1/appointments/{reference}/check-in`: the visitor's language and checklist
/// answers, as for a walk-in ticket. Answered with the ticket: `201` the first time, `200`
/// with the same ticket after that.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckIn {
    pub language: String,
    #[serde(default)]
    pub checklist: std::collections::BTreeMap<String, bool>,
}

/// On a ticket that came from an appointment: its slot, and whether the visitor came too
/// late for it (then the ticket is a walk-in one, or for the information desk).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TicketAppointment {
    /// RFC 3339 with the office's offset.
    pub slot: String,
    #[serde(default)]
    pub late: bool,
}

/// Where an appointment stands, as the admin console lists it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AppointmentState {
    /// Not checked in yet, and still in time.
    Expected,
    /// Checked in, waiting to be called.
    CheckedIn,
    Called,
    /// Being served, or done.
    Served,
    /// Not checked in within the window, or did not answer the calls.
    Missed,
    Cancelled,
}

/// An appointment as the admin API and console show it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Appointment {
    pub reference: String,
    /// RFC 3339 with the office's offset.
    pub slot: String,
    pub concern: ConcernId,
    #[serde(default)]
    pub language: Option<String>,
    pub state: AppointmentState,
    /// The ticket the visitor got at check-in.
    #[serde(default)]
    pub ticket: Option<TicketNumber>,
    /// When the visitor checked in (RFC 3339).
    #[serde(default)]
    pub checked_in_at: Option<String>,
    /// Checked in after the window.
    #[serde(default)]
    pub late: bool,
    /// Where it came from: `api` (the admin API, which the console uses too) or `import`.
    pub source: String,
}

/// `PUT /api/v1/admin/appointments/{reference}`: creates or changes the appointment with this
/// reference on the slot's day (a reference is unique per day, as ZMS's numbers are).
/// Answered `201` when created, `200` when changed or unchanged.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppointmentInput {
    /// RFC 3339 (`2026-12-07T10:30:00+01:00`) or local office time (`2026-12-07T10:30`).
    pub slot: String,
    /// A concern id, or a booking system's service name mapped to one (see
    /// [`ServiceMapping`]).
    pub concern: String,
    #[serde(default)]
    pub language: Option<String>,
}

/// A booking system's name for a service, and the concern it means. Imports and the API
/// accept a concern's id and its German name without a mapping.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ServiceMapping {
    pub service: String,
    pub concern: ConcernId,
}

/// `POST /api/v1/admin/appointments/import`: what an import did (or, with `dry_run`, would
/// do). A file with any problem is refused whole: `422 invalid_import` with every problem in
/// `import_problems`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportReport {
    /// The days the file covers (`YYYY-MM-DD`): appointments of these days that an earlier
    /// file brought and this one no longer lists are cancelled.
    pub days: Vec<String>,
    pub created: u32,
    pub updated: u32,
    pub cancelled: u32,
    pub unchanged: u32,
    /// Not cancelled although the file no longer lists them: the visitor has checked in.
    pub kept_checked_in: u32,
    pub dry_run: bool,
}

/// One problem of an import file: its line (1 is the first) and what is wrong, in English.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportProblem {
    pub line: u32,
    /// The column or property, e.g. `time` or `DTSTART`, when the problem is in one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    pub message: String,
    /// With an unknown service: its name, so the console can offer to map it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unknown_service: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_forgive_case_spacing_dashes_and_look_alike_letters() {
        assert_eq!(normalize_reference("b-12 34").as_deref(), Some("B1234"));
        assert_eq!(normalize_reference(" B1234 ").as_deref(), Some("B1234"));
        assert_eq!(normalize_reference("BO-I234").as_deref(), Some("B01234"));
        assert_eq!(normalize_reference("b0-1234"), normalize_reference("BO-l234"));
        assert_eq!(normalize_reference("7f3a.9c0e/12"), Some("7F3A9C0E12".into()));
    }

    #[test]
    fn what_is_not_a_reference_is_refused() {
        for bad in ["", "   ", "B1", "B-1-2", "B12;4", "B12ä4", &"X".repeat(41), "https://x.de/B1234"] {
            assert_eq!(normalize_reference(bad), None, "{bad:?} was accepted");
        }
        assert!(normalize_reference(&"X".repeat(40)).is_some());
    }

    #[test]
    fn a_scanned_link_gives_the_reference_in_it() {
        assert_eq!(reference_in_scan("B-1234").as_deref(), Some("B1234"));
        assert_eq!(
            reference_in_scan("https://termine.example.de/manage?process=123456&authKey=ab12").as_deref(),
            Some("123456")
        );
        assert_eq!(reference_in_scan("https://termine.example.de/t/B-1234/").as_deref(), Some("B1234"));
        assert_eq!(reference_in_scan("https://termine.example.de/?Termin=b%2012%2034").as_deref(), Some("B1234"));
        assert_eq!(reference_in_scan("https://termine.example.de/?Termin=b+12+34").as_deref(), Some("B1234"));
        assert_eq!(reference_in_scan("https://termine.example.de/"), None);
    }

    #[test]
    fn check_in_states_are_tagged_on_the_wire() {
        let early = CheckInState::TooEarly { opens_at: "2026-12-07T10:00:00+01:00".into() };
        assert_eq!(
            serde_json::to_value(&early).unwrap(),
            serde_json::json!({"state": "too_early", "opens_at": "2026-12-07T10:00:00+01:00"})
        );
        let late: CheckInState =
            serde_json::from_str(r#"{"state":"too_late","late_arrival":"information_desk"}"#).unwrap();
        assert_eq!(late, CheckInState::TooLate { late_arrival: LateArrival::InformationDesk });
        for state in [
            CheckInState::Open,
            early,
            CheckInState::CheckedIn { ticket: TicketId("q0fO8b6u3J3p1yQ2xW9aZg".into()) },
            CheckInState::Cancelled,
            CheckInState::Over,
        ] {
            let json = serde_json::to_value(&state).unwrap();
            assert_eq!(serde_json::from_value::<CheckInState>(json).unwrap(), state);
        }
        assert!(serde_json::from_str::<CheckInState>(r#"{"state":"too_early"}"#).is_err(), "no opens_at");
        assert!(serde_json::from_str::<CheckInState>(r#"{"state":"later"}"#).is_err());
    }

    #[test]
    fn rules_default_to_thirty_minutes_before_and_ten_after() {
        let rules: AppointmentRules = serde_json::from_str("{}").unwrap();
        assert_eq!(rules, AppointmentRules::default());
        assert_eq!((rules.check_in_opens_minutes, rules.check_in_closes_minutes), (30, 10));
        assert!(serde_json::from_str::<AppointmentRules>(r#"{"opens":1}"#).is_err());
    }
}
