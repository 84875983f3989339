//! The office's statistics: reports for a range of days (`GET /api/v1/statistics`), their
//! exports, and the live board (`GET /api/v1/statistics/live`). `docs/statistics.md` defines
//! every figure.
//!
//! A report is a list of tables, each with typed columns, so the admin console, the CSV and
//! XLSX exports and the tests read the same figures the same way. A column's id names its
//! heading (`statistics-column-{id}` in the web app's messages); its kind says how to show a
//! cell. Nothing in a report is about one visitor or one clerk.

use serde::{Deserialize, Serialize};

use crate::ConcernId;

/// The tables of a report, in the order the console shows them.
pub const STATISTICS_TABLES: [&str; 10] = [
    "visitors",
    "waiting",
    "days",
    "hours",
    "wait_distribution",
    "languages",
    "documents",
    "quotas",
    "turned_away",
    "feedback",
];

/// The longest range one report may cover, in days (three years and a leap day).
pub const STATISTICS_MAX_DAYS: u32 = 1097;

/// `GET /api/v1/statistics?from=YYYY-MM-DD&to=YYYY-MM-DD`: the figures of these office days
/// (both included).
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatisticsReport {
    /// The office's name in German, for headings and file names.
    pub office: String,
    pub from: String,
    pub to: String,
    pub time_zone: String,
    /// RFC 3339, when the figures were read.
    pub generated_at: String,
    /// Whether any visitor of the range came with an appointment: then the `visitors` and
    /// `waiting` tables split each concern into `walk_in` and `appointment` rows.
    pub has_appointments: bool,
    pub tables: Vec<StatisticsTable>,
}

impl StatisticsReport {
    /// The table with this id.
    pub fn table(&self, id: &str) -> Option<&StatisticsTable> {
        self.tables.iter().find(|table| table.id == id)
    }
}

/// One table of a report; every row has one cell per column.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StatisticsTable {
    /// One of [`STATISTICS_TABLES`].
    pub id: String,
    pub columns: Vec<StatisticsColumn>,
    #[cfg_attr(feature = "openapi", schema(schema_with = cell_rows))]
    pub rows: Vec<Vec<Cell>>,
}

/// The rows' schema: arrays of cells, each `null`, a number or a text. (`anyOf`, since a
/// whole number is an integer and a number both, which `oneOf` would refuse.)
#[cfg(feature = "openapi")]
fn cell_rows() -> utoipa::openapi::schema::Array {
    use utoipa::openapi::schema::{AnyOfBuilder, ArrayBuilder, ObjectBuilder, Type};
    let cell = AnyOfBuilder::new()
        .item(ObjectBuilder::new().schema_type(Type::Null))
        .item(ObjectBuilder::new().schema_type(Type::Number))
        .item(ObjectBuilder::new().schema_type(Type::String))
        .description(Some("A cell: a number, a text, or null for no such figure"));
    ArrayBuilder::new().items(ArrayBuilder::new().items(cell)).build()
}

impl StatisticsTable {
    /// The position of the column with this id.
    pub fn column(&self, id: &str) -> Option<usize> {
        self.columns.iter().position(|column| column.id == id)
    }

    /// The cell in column `id` of `row`.
    pub fn cell<'a>(&self, row: &'a [Cell], id: &str) -> Option<&'a Cell> {
        row.get(self.column(id)?)
    }
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StatisticsColumn {
    pub id: String,
    pub kind: ColumnKind,
}

/// What a column's cells hold.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColumnKind {
    /// An id or a name (a concern's, a language's, a checklist item's).
    Text,
    /// An office day, `YYYY-MM-DD`.
    Date,
    /// An hour of the office's day, 0 to 23 (from that hour to the next).
    Hour,
    /// A time of day on the office's clock, `HH:MM`.
    Time,
    /// A number of visitors.
    Count,
    /// A duration in minutes, to one decimal.
    Minutes,
    /// A share from 0 to 1, to three decimals.
    Share,
    /// A mean of ratings from 1 (very bad) to 5 (very good), to one decimal.
    Rating,
}

/// A cell: a whole number, a decimal, a text, or empty (no such figure: a mean of nobody).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Cell {
    Empty,
    Integer(i64),
    Decimal(f64),
    Text(String),
}

impl Cell {
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            #[allow(clippy::cast_precision_loss)] // counts stay far below 2^52
            Self::Integer(value) => Some(*value as f64),
            Self::Decimal(value) => Some(*value),
            Self::Empty | Self::Text(_) => None,
        }
    }

    pub fn as_text(&self) -> Option<&str> {
        match self {
            Self::Text(text) => Some(text),
            _ => None,
        }
    }
}

/// Why the kiosk turned a visitor away without a ticket.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TurnedAwayReason {
    /// The concern's tickets for the day were used up.
    Quota,
    /// The office was closed.
    Closed,
    /// Past the day's last ticket (the cut-off before closing).
    CutOff,
}

impl TurnedAwayReason {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Quota => "quota",
            Self::Closed => "closed",
            Self::CutOff => "cut_off",
        }
    }
}

/// `POST /api/v1/kiosk/turned-away`: the kiosk showed a visitor that no ticket can be had
/// now. Counted per concern, reason and hour; nothing else is kept.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TurnedAway {
    pub concern: ConcernId,
    pub reason: TurnedAwayReason,
}

/// How a concern's waits stand against its target.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetLevel {
    /// No target set.
    None,
    /// The longest wait is under three quarters of the target.
    Ok,
    /// The longest wait has reached three quarters of the target.
    Amber,
    /// The longest wait is over the target.
    Red,
}

impl TargetLevel {
    /// The level of a longest wait against a target, both in minutes.
    pub fn of(longest_wait_minutes: u32, target_minutes: Option<u32>) -> Self {
        match target_minutes {
            None => Self::None,
            Some(target) if longest_wait_minutes > target => Self::Red,
            Some(target) if longest_wait_minutes * 4 >= target * 3 => Self::Amber,
            Some(_) => Self::Ok,
        }
    }
}

/// `GET /api/v1/statistics/live`: the office now.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LiveBoard {
    /// RFC 3339, the office's time of these figures.
    pub at: String,
    /// Counters that called a visitor in the last half hour.
    pub counters_open: u32,
    pub waiting: u32,
    pub served_today: u32,
    /// The longest wait of anyone waiting now, in whole minutes.
    pub longest_wait_minutes: u32,
    /// RFC 3339: when today's closing time is (`null` when closed today).
    pub closes_at: Option<String>,
    /// RFC 3339: when the last visitor waiting now is expected to be called, at today's pace
    /// (mean service time of the last services, spread over the open counters); `null`
    /// when nobody waits or there is no pace to go by.
    pub queue_done_at: Option<String>,
    /// Whether everyone waiting now will have been called by closing time at that pace.
    pub done_before_closing: Option<bool>,
    pub concerns: Vec<LiveConcern>,
}

#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LiveConcern {
    pub concern: ConcernId,
    pub waiting: u32,
    pub longest_wait_minutes: u32,
    pub target_wait_minutes: Option<u32>,
    pub level: TargetLevel,
    pub served_today: u32,
}

/// A concern whose longest wait is over its target, as the staff desk shows it in a banner.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OverTarget {
    pub concern: ConcernId,
    pub longest_wait_minutes: u32,
    pub target_wait_minutes: u32,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_plain_json_values() {
        let row = vec![Cell::Text("passport".into()), Cell::Integer(3), Cell::Decimal(12.5), Cell::Empty];
        let json = serde_json::to_string(&row).unwrap();
        assert_eq!(json, r#"["passport",3,12.5,null]"#);
        assert_eq!(serde_json::from_str::<Vec<Cell>>(&json).unwrap(), row);
    }

    #[test]
    fn a_wait_turns_amber_at_three_quarters_of_its_target_and_red_past_it() {
        assert_eq!(TargetLevel::of(10, None), TargetLevel::None);
        assert_eq!(TargetLevel::of(22, Some(30)), TargetLevel::Ok);
        assert_eq!(TargetLevel::of(23, Some(30)), TargetLevel::Amber);
        assert_eq!(TargetLevel::of(30, Some(30)), TargetLevel::Amber);
        assert_eq!(TargetLevel::of(31, Some(30)), TargetLevel::Red);
    }
}
