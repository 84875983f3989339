use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::{ConcernId, TicketId, TicketNumber, TicketStatus};

/// `POST /api/v1/session`: sign in.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Login {
    pub username: String,
    pub password: String,
}

/// What an account may do.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Counter staff: call and serve visitors.
    Staff,
    /// Everything staff can do, plus the office's settings and accounts.
    Admin,
    /// Reads the statistics and the live board, nothing else: for a head of office who needs
    /// no admin rights and calls no visitors.
    Statistics,
}

impl Role {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Staff => "staff",
            Self::Admin => "admin",
            Self::Statistics => "statistics",
        }
    }

    /// The role stored as `text` (`staff` for anything unknown: the least a clerk can do).
    pub fn from_stored(text: &str) -> Self {
        match text {
            "admin" => Self::Admin,
            "statistics" => Self::Statistics,
            _ => Self::Staff,
        }
    }

    /// Whether this role calls and serves visitors at a counter.
    pub fn serves_visitors(self) -> bool {
        matches!(self, Self::Staff | Self::Admin)
    }

    /// Whether this role reads the statistics and the live board.
    pub fn reads_statistics(self) -> bool {
        matches!(self, Self::Admin | Self::Statistics)
    }
}

/// `GET /api/v1/session`: who is signed in.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Me {
    pub username: String,
    pub display_name: String,
    pub role: Role,
}

/// The stable id of a counter (desk), e.g. `counter-1`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CounterId(pub String);

impl CounterId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// A counter (desk) where visitors are served.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counter {
    pub id: CounterId,
    /// As shown on the call display, e.g. "Schalter 3".
    pub name: String,
    /// The concerns served here.
    pub concerns: Vec<ConcernId>,
}

/// A ticket as staff see it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffTicket {
    pub id: TicketId,
    pub number: TicketNumber,
    pub concern: ConcernId,
    /// The visitor's language (BCP 47), so the clerk can fetch an interpreter.
    pub language: String,
    pub status: TicketStatus,
    pub issued_at: String,
    /// Minutes since the visitor took the ticket (a transfer or return keeps that time).
    pub waited_minutes: u32,
    /// How often the ticket has been called.
    pub call_count: u32,
    /// The counter that called it, while called or served.
    pub counter: Option<CounterId>,
    /// The display name of the clerk who called it, while called or served.
    #[serde(default)]
    pub served_by: Option<String>,
    /// The visitor's answers: checklist item id -> "I have it with me".
    pub checklist: BTreeMap<String, bool>,
    /// Required documents the visitor said they do not have with them.
    pub missing_required: Vec<String>,
    /// A ticket from an appointment: its slot, shown as "Termin 10:30".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appointment: Option<crate::TicketAppointment>,
}

/// `POST /api/v1/counters/{counter}/call-next` (the body is optional): call the next visitor of
/// these concerns instead of those the counter is set up for, e.g. because the clerk at this
/// desk today serves only some of them, or helps out with another.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallNext {
    /// One or more concern ids of this office.
    pub concerns: Vec<ConcernId>,
}

/// `POST /api/v1/tickets/{id}/call`: call a specific ticket to a counter.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CallTo {
    pub counter: CounterId,
}

/// `POST /api/v1/tickets/{id}/transfer`: hand the visitor to another concern's queue,
/// keeping their place by arrival time.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransferTo {
    pub concern: ConcernId,
}

/// `GET /api/v1/queue`: what staff see of the queue.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct QueueView {
    /// Waiting and parked tickets in the order they will be called.
    pub waiting: Vec<StaffTicket>,
    /// Tickets called or being served now.
    pub active: Vec<StaffTicket>,
    pub counters: Vec<Counter>,
    /// Concerns whose longest wait is over the target an admin set for them.
    #[serde(default)]
    pub over_target: Vec<crate::OverTarget>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_staff_ticket_round_trips_through_json() {
        let ticket = StaffTicket {
            id: TicketId("q0fO8b6u3J3p1yQ2xW9aZg".into()),
            number: TicketNumber { prefix: "A".into(), sequence: 7 },
            concern: ConcernId("extend-residence-permit".into()),
            language: "uk".into(),
            status: TicketStatus::Called,
            issued_at: "2026-11-24T09:15:00+01:00".into(),
            waited_minutes: 12,
            call_count: 2,
            counter: Some(CounterId("counter-1".into())),
            served_by: Some("Anna Schmidt".into()),
            checklist: BTreeMap::from([("passport".into(), true), ("payslips".into(), false)]),
            missing_required: vec!["payslips".into()],
            appointment: None,
        };

        let json = serde_json::to_value(&ticket).unwrap();

        assert_eq!(json["counter"], "counter-1");
        assert_eq!(serde_json::from_value::<StaffTicket>(json).unwrap(), ticket);
    }

    #[test]
    fn roles_are_snake_case() {
        assert_eq!(serde_json::to_value(Role::Admin).unwrap(), "admin");
        assert_eq!(Role::Staff.as_str(), "staff");
    }
}

/// `GET /api/v1/session/methods`: how staff can sign in here, for the sign-in screen.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignInMethods {
    /// The office's identity provider, if sign-in through it is set up.
    pub office: Option<OfficeSignIn>,
    /// Who may sign in with a Willkommen password: `everyone`, or only `admins` (the way in
    /// while the provider is down).
    pub local: LocalSignIn,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfficeSignIn {
    /// What the button calls the provider; `None`: "your office account".
    pub label: Option<String>,
    /// Where the browser goes to sign in at the staff desk (`/api/v1/session/oidc/start?page=staff`).
    pub staff_start: String,
    /// ... and at the admin console.
    pub admin_start: String,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LocalSignIn {
    Everyone,
    Admins,
}

/// `DELETE /api/v1/session` of a session signed in through the office's identity provider,
/// when the provider offers signing out there too: where the browser goes for that.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SignedOut {
    pub provider_sign_out: String,
}
