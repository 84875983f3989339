//! The office's rules as the queue reads them from its tables (time zone, languages, opening
//! hours, calls before a no-show, retention), and the service day a moment falls on.

use anyhow::Context;
use jiff::Timestamp;
use sqlx::{AnyConnection, FromRow};
use willkommen_api as json;

use super::office_tables;
use super::types::Json;
use crate::error::AppResult;
use crate::schedule::{Schedule, service_day};

/// What the queue's rules need of the office (the whole configuration is
/// [`json::OfficeConfig`]).
#[derive(Debug, FromRow)]
pub struct OfficeRules {
    pub time_zone: String,
    pub languages: Json<Vec<String>>,
    pub opening_hours: Json<json::OpeningHours>,
    pub closed_days: Json<Vec<String>>,
    pub cutoff_minutes: i64,
    pub no_show_after_calls: i64,
    pub retention_days: i64,
    /// Push "nearly your turn" at this many people ahead (see `push/`).
    pub notify_ahead: i64,
    pub appointment_rules: Json<json::AppointmentRules>,
}

impl OfficeRules {
    pub fn schedule(&self) -> anyhow::Result<Schedule> {
        let cutoff = u32::try_from(self.cutoff_minutes).context("cut-off minutes out of range")?;
        Schedule::new(&self.time_zone, &self.opening_hours.0, &self.closed_days.0, cutoff)
            .context("the office's opening hours in the database are invalid")
    }
}

pub(super) async fn office_rules(conn: &mut AnyConnection) -> AppResult<OfficeRules> {
    Ok(sqlx::query_as(
        "SELECT time_zone, languages, opening_hours, closed_days, cutoff_minutes, no_show_after_calls,
                retention_days, notify_ahead, appointment_rules
         FROM office WHERE id = 1",
    )
    .fetch_one(conn)
    .await?)
}

impl OfficeRules {
    pub fn time_zone(&self) -> AppResult<jiff::tz::TimeZone> {
        Ok(self.schedule()?.time_zone().clone())
    }
}

/// The office as the tables hold it, its opening hours, and the service day `now` falls on.
pub(super) async fn office_today(
    conn: &mut AnyConnection,
    now: Timestamp,
) -> AppResult<(json::OfficeConfig, Schedule, String)> {
    let office = office_tables::read_config(conn).await?;
    let schedule = Schedule::new(&office.time_zone, &office.opening_hours, &office.closed_days, office.cutoff_minutes)
        .context("the office's opening hours in the database are invalid")?;
    let today = service_day(now, schedule.time_zone());
    Ok((office, schedule, today))
}
