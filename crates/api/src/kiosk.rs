use serde::{Deserialize, Serialize};

use crate::{Issuing, LocalizedText};

/// `GET /api/v1/kiosk`: everything a kiosk needs to render its screens.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Kiosk {
    /// The office's name, e.g. "Ausländerbehörde Musterstadt".
    pub office_name: LocalizedText,
    /// The office's IANA time zone: times are shown to visitors in it, whatever the kiosk's
    /// clock is set to.
    pub time_zone: String,
    /// The languages the kiosk offers, as BCP 47 tags, in the order the office chose.
    pub languages: Vec<String>,
    /// The concerns a visitor can take a ticket for, in display order. Only active ones.
    pub concerns: Vec<Concern>,
    /// Whether tickets can be issued now (opening hours, closed days, cut-off).
    pub issuing: Issuing,
    /// The concern for visitors who do not know which one is theirs (the information desk);
    /// the kiosk offers it as "I am not sure". It is also in `concerns`.
    #[serde(default)]
    pub information_concern: Option<ConcernId>,
    /// When the kiosk starts over for the next visitor.
    #[serde(default)]
    pub inactivity: Inactivity,
    /// Whether the office takes appointments: the welcome screen then offers "I have an
    /// appointment".
    #[serde(default)]
    pub appointments: bool,
}

/// After `idle_seconds` without a touch the kiosk asks "Are you still there?" and counts down
/// `warning_seconds` (at least 20) before it starts over and forgets the visitor's answers.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Inactivity {
    pub idle_seconds: u32,
    pub warning_seconds: u32,
}

impl Default for Inactivity {
    fn default() -> Self {
        Self { idle_seconds: 60, warning_seconds: 30 }
    }
}

/// The stable id of a concern (a service of the office), a slug such as `extend-residence-permit`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct ConcernId(pub String);

impl ConcernId {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// What a visitor came for, with the documents to bring.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Concern {
    pub id: ConcernId,
    /// The letter(s) in front of this concern's ticket numbers, e.g. `A` in `A 017`.
    pub prefix: String,
    /// The name of a pictogram from the web app's built-in set, e.g. `passport`.
    pub icon: String,
    pub name: LocalizedText,
    /// One line explaining the concern in everyday words.
    pub description: LocalizedText,
    /// The documents to bring, in the order to show them.
    pub checklist: Vec<ChecklistItem>,
    /// Today's tickets for this concern are all taken.
    #[serde(default)]
    pub quota_reached: bool,
}

/// One document of a concern's checklist.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct ChecklistItem {
    /// Stable within its concern, so answers stay attached when the text is edited.
    pub id: String,
    pub text: LocalizedText,
    /// An optional explanation, e.g. where to get the document.
    #[serde(default, skip_serializing_if = "is_empty")]
    pub hint: LocalizedText,
    /// Whether the office needs it to finish the concern (otherwise: only if it applies).
    pub required: bool,
}

fn is_empty(text: &LocalizedText) -> bool {
    text.0.is_empty()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn passport() -> ChecklistItem {
        ChecklistItem {
            id: "passport".into(),
            text: LocalizedText::from_pairs([("de", "Reisepass"), ("en", "Passport")]),
            hint: LocalizedText::default(),
            required: true,
        }
    }

    #[test]
    fn kiosk_round_trips_through_json() {
        let kiosk = Kiosk {
            office_name: LocalizedText::from_pairs([("de", "Ausländerbehörde"), ("en", "Immigration office")]),
            time_zone: "Europe/Berlin".into(),
            languages: vec!["de".into(), "en".into()],
            concerns: vec![Concern {
                id: ConcernId("address-change".into()),
                prefix: "H".into(),
                icon: "home".into(),
                name: LocalizedText::from_pairs([("de", "Adressänderung"), ("en", "Address change")]),
                description: LocalizedText::from_pairs([("en", "You moved to a new flat.")]),
                checklist: vec![passport()],
                quota_reached: false,
            }],
            issuing: Issuing { state: crate::IssuingState::Open, issuing_ends_at: None, next_opening: None },
            information_concern: None,
            inactivity: Inactivity::default(),
            appointments: true,
        };

        let json = serde_json::to_string(&kiosk).unwrap();

        assert_eq!(serde_json::from_str::<Kiosk>(&json).unwrap(), kiosk);
    }

    #[test]
    fn a_checklist_item_without_hint_leaves_it_out() {
        let json = serde_json::to_value(passport()).unwrap();

        assert_eq!(
            json,
            serde_json::json!({"id": "passport", "text": {"de": "Reisepass", "en": "Passport"}, "required": true})
        );
        assert_eq!(serde_json::from_value::<ChecklistItem>(json).unwrap(), passport());
    }
}

/// One call on the lobby display: "A 017 → Schalter 3".
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisplayCall {
    pub number: crate::TicketNumber,
    /// The counter's name, as the visitor reads it on the display.
    pub counter: String,
    /// A repeated call of a ticket that was called before.
    pub recall: bool,
    /// When it was called (RFC 3339).
    pub at: String,
    /// A ticket from an appointment: its slot (RFC 3339), shown as "Termin 10:30".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub appointment_slot: Option<String>,
}

/// `GET /api/v1/display`: what the lobby display shows besides the calls as they come.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisplayBoard {
    pub office_name: LocalizedText,
    /// The kiosk's languages, in its order (the display rotates a line through them).
    pub languages: Vec<String>,
    pub time_zone: String,
    /// The office's notice for the lobby, e.g. "Please have your passport ready".
    pub info: LocalizedText,
    /// Active concerns with how many wait and how long a new ticket would wait.
    pub concerns: Vec<DisplayConcern>,
    /// Today's latest calls, newest first (at most 10).
    pub recent_calls: Vec<DisplayCall>,
    /// The id of the newest ticket event these figures include: the live stream continues
    /// after it, so no call is shown twice or missed.
    pub last_event: i64,
}

/// A concern on the lobby display.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisplayConcern {
    pub id: ConcernId,
    pub prefix: String,
    pub name: LocalizedText,
    pub waiting: u32,
    #[serde(default)]
    pub estimated_wait: Option<crate::WaitEstimate>,
}
