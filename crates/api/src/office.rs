use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A day of the week, as written in opening hours.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Weekday {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl Weekday {
    pub const ALL: [Self; 7] =
        [Self::Monday, Self::Tuesday, Self::Wednesday, Self::Thursday, Self::Friday, Self::Saturday, Self::Sunday];

    /// 0 for Monday to 6 for Sunday.
    pub fn index_from_monday(self) -> usize {
        self as usize
    }
}

/// A span of local time on one day, `"08:00"` to `"12:30"`; `to` is exclusive.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TimeRange {
    pub from: String,
    pub to: String,
}

/// When tickets are issued, per weekday; a missing or empty day is closed.
///
/// On the wire: `{"monday": [{"from": "08:00", "to": "12:00"}, {"from": "13:00", "to": "16:00"}]}`.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OpeningHours(pub BTreeMap<Weekday, Vec<TimeRange>>);

/// Whether a kiosk can issue tickets now.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum IssuingState {
    Open,
    /// Open, but too close to closing time for a new visitor to be served today.
    CutOff,
    Closed,
}

/// The kiosk's answer to "can I get a ticket now?".
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Issuing {
    pub state: IssuingState,
    /// While open: when the office stops issuing tickets today (RFC 3339, office time zone).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuing_ends_at: Option<String>,
    /// While not open: when tickets are issued again, if within the next weeks.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub next_opening: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opening_hours_are_keyed_by_weekday_name() {
        let hours = OpeningHours(BTreeMap::from([(
            Weekday::Monday,
            vec![TimeRange { from: "08:00".into(), to: "12:00".into() }],
        )]));

        let json = serde_json::to_value(&hours).unwrap();

        assert_eq!(json, serde_json::json!({"monday": [{"from": "08:00", "to": "12:00"}]}));
        assert_eq!(serde_json::from_value::<OpeningHours>(json).unwrap(), hours);
    }

    #[test]
    fn issuing_leaves_out_times_that_do_not_apply() {
        let closed = Issuing { state: IssuingState::Closed, issuing_ends_at: None, next_opening: None };

        assert_eq!(serde_json::to_value(&closed).unwrap(), serde_json::json!({"state": "closed"}));
    }
}
