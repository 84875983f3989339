use std::collections::BTreeMap;
use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::ConcernId;

/// The opaque, random id of a ticket (at least 128 bits, URL-safe).
///
/// It is the visitor's capability: whoever holds it can follow (and later cancel) the ticket,
/// so it is never derived from anything guessable and never listed publicly.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct TicketId(pub String);

impl TicketId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// The number printed on a ticket and called on the display: the concern's prefix and a
/// running number per concern and day, shown as `A 017`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct TicketNumber {
    pub prefix: String,
    pub sequence: u32,
}

impl fmt::Display for TicketNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {:03}", self.prefix, self.sequence)
    }
}

/// Why a text is not a ticket number such as `A 017`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParseTicketNumberError(String);

impl fmt::Display for ParseTicketNumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} is not a ticket number like \"A 017\"", self.0)
    }
}

impl std::error::Error for ParseTicketNumberError {}

impl FromStr for TicketNumber {
    type Err = ParseTicketNumberError;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = || ParseTicketNumberError(text.to_owned());
        let (prefix, sequence) = text.split_once(' ').ok_or_else(error)?;
        if prefix.is_empty() || !prefix.chars().all(|c| c.is_ascii_uppercase()) {
            return Err(error());
        }
        let sequence = sequence.parse().map_err(|_| error())?;
        Ok(Self { prefix: prefix.to_owned(), sequence })
    }
}

impl Serialize for TicketNumber {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for TicketNumber {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(feature = "openapi")]
impl utoipa::PartialSchema for TicketNumber {
    fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
        utoipa::openapi::ObjectBuilder::new()
            .schema_type(utoipa::openapi::schema::Type::String)
            .pattern(Some("^[A-Z]+ [0-9]{3,}$"))
            .examples(["A 017"])
            .into()
    }
}

#[cfg(feature = "openapi")]
impl utoipa::ToSchema for TicketNumber {}

/// Where a ticket is in its life.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TicketStatus {
    /// In the queue, not yet called.
    Waiting,
    /// Called to a counter, the visitor is on the way.
    Called,
    /// A clerk is working on the visitor's concern.
    Serving,
    /// Set aside by a clerk (e.g. the visitor fetches a document) and will be called again.
    Parked,
    Finished,
    /// Did not answer the calls.
    NoShow,
    /// Withdrawn by the visitor.
    Cancelled,
}

impl TicketStatus {
    /// Every status, in the order of a ticket's life.
    pub const ALL: [Self; 7] =
        [Self::Waiting, Self::Called, Self::Serving, Self::Parked, Self::Finished, Self::NoShow, Self::Cancelled];

    /// The status as it is written on the wire and in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Waiting => "waiting",
            Self::Called => "called",
            Self::Serving => "serving",
            Self::Parked => "parked",
            Self::Finished => "finished",
            Self::NoShow => "no_show",
            Self::Cancelled => "cancelled",
        }
    }
}

impl FromStr for TicketStatus {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|status| status.as_str() == text)
            .ok_or_else(|| format!("unknown ticket status {text:?}"))
    }
}

/// `POST /api/v1/tickets`: a visitor asks for a ticket.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewTicket {
    pub concern: ConcernId,
    /// The language the visitor chose at the kiosk (BCP 47 tag), so staff can prepare.
    pub language: String,
    /// The visitor's answers: checklist item id -> "I have it with me".
    #[serde(default)]
    pub checklist: BTreeMap<String, bool>,
}

/// A ticket as the visitor and staff see it.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Ticket {
    pub id: TicketId,
    pub number: TicketNumber,
    pub concern: ConcernId,
    /// The concern's name in every language, for the visitor's phone page (which loads
    /// nothing else).
    #[serde(default)]
    pub concern_name: crate::LocalizedText,
    pub language: String,
    pub status: TicketStatus,
    /// When the ticket was issued, RFC 3339 with offset (office time zone).
    pub issued_at: String,
    /// The visitor's answers to the concern's checklist.
    pub checklist: BTreeMap<String, bool>,
    /// The absolute URL of the ticket's status page, encoded in the ticket's QR code.
    pub status_url: String,
    /// While waiting: how many tickets of the same concern will be called first.
    #[serde(default)]
    pub people_ahead: Option<u32>,
    /// While waiting: the expected wait in minutes, `null` when there is no basis yet.
    #[serde(default)]
    pub estimated_wait: Option<WaitEstimate>,
    /// When called or being served: the counter's name.
    #[serde(default)]
    pub counter: Option<String>,
    /// A ticket from an appointment: its slot (printed and shown as "Termin 10:30").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appointment: Option<crate::TicketAppointment>,
}

/// An expected wait as a range of minutes, e.g. 10 to 20.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WaitEstimate {
    pub min_minutes: u32,
    pub max_minutes: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticket_numbers_show_three_digits_after_the_prefix() {
        let number = TicketNumber { prefix: "A".into(), sequence: 17 };

        assert_eq!(number.to_string(), "A 017");
        assert_eq!(TicketNumber { prefix: "BK".into(), sequence: 1234 }.to_string(), "BK 1234");
    }

    #[test]
    fn ticket_numbers_parse_back_and_reject_garbage() {
        assert_eq!("A 017".parse(), Ok(TicketNumber { prefix: "A".into(), sequence: 17 }));
        for bad in ["", "A", "A017", "a 017", " 017", "A x", "A -1"] {
            assert!(bad.parse::<TicketNumber>().is_err(), "{bad:?} was accepted");
        }
    }

    #[test]
    fn statuses_are_written_as_serde_writes_them() {
        for status in TicketStatus::ALL {
            assert_eq!(serde_json::to_value(status).unwrap(), status.as_str());
            assert_eq!(status.as_str().parse(), Ok(status));
        }
        assert!("lost".parse::<TicketStatus>().is_err());
    }

    #[test]
    fn ticket_round_trips_through_json() {
        let ticket = Ticket {
            id: TicketId("q0fO8b6u3J3p1yQ2xW9aZg".into()),
            number: TicketNumber { prefix: "A".into(), sequence: 1 },
            concern: ConcernId("extend-residence-permit".into()),
            concern_name: crate::LocalizedText::from_pairs([("de", "Adresse ändern")]),
            language: "ar".into(),
            status: TicketStatus::Waiting,
            issued_at: "2026-11-24T09:15:00+01:00".into(),
            checklist: BTreeMap::from([("passport".into(), true), ("photo".into(), false)]),
            status_url: "http://127.0.0.1:8080/t/q0fO8b6u3J3p1yQ2xW9aZg".into(),
            people_ahead: Some(4),
            estimated_wait: Some(WaitEstimate { min_minutes: 10, max_minutes: 20 }),
            counter: None,
            appointment: None,
        };

        let json = serde_json::to_value(&ticket).unwrap();

        assert_eq!(json["number"], "A 001");
        assert_eq!(json["status"], "waiting");
        assert_eq!(serde_json::from_value::<Ticket>(json).unwrap(), ticket);
    }

    #[test]
    fn new_ticket_rejects_unknown_fields_and_defaults_the_checklist() {
        let minimal: NewTicket = serde_json::from_str(r#"{"concern":"x","language":"de"}"#).unwrap();
        assert!(minimal.checklist.is_empty());

        let typo = serde_json::from_str::<NewTicket>(r#"{"concern":"x","langauge":"de"}"#);
        assert!(typo.is_err());
    }
}
