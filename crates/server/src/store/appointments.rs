//! Appointments booked elsewhere: stored one by one (the admin API) or a file at a time (the
//! import), listed per day with where each stands, and the booking systems' service names
//! remembered as concerns. Checking in is `check_in.rs`.
//!
//! An appointment is its reference on its day (`UNIQUE (reference_key, service_day)`): ZMS
//! hands out its numbers per day, so the same number on another day is another visitor.

use std::collections::{BTreeMap, BTreeSet};

use jiff::{Timestamp, ZonedDateTime};
use sqlx::{AnyConnection, FromRow};
use willkommen_api::{self as json, AppointmentRules, AppointmentState, TicketStatus};

use super::Store;
use super::office::office_rules;
use super::types::{Flag, Json};
use crate::appointment_window::closes_at;
use crate::error::{AppError, AppResult};
use crate::schedule::rfc3339;

/// An appointment to store, its service already resolved to a concern.
#[derive(Clone, Debug)]
pub struct AppointmentEntry {
    /// As the booking system wrote it.
    pub reference: String,
    /// [`json::normalize_reference`] of it.
    pub reference_key: String,
    pub slot: ZonedDateTime,
    pub concern: String,
    pub language: Option<String>,
    pub cancelled: bool,
}

impl AppointmentEntry {
    fn service_day(&self) -> String {
        self.slot.date().to_string()
    }
}

/// The office as the appointment routes see it; see [`Store::appointment_office`].
pub struct AppointmentOffice {
    pub rules: AppointmentRules,
    pub zone: jiff::tz::TimeZone,
    pub languages: Vec<String>,
}

/// Where an appointment came from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Source {
    Api,
    Import,
}

impl Source {
    fn as_str(self) -> &'static str {
        match self {
            Self::Api => "api",
            Self::Import => "import",
        }
    }
}

/// A stored appointment with its ticket, if the visitor checked in.
#[derive(Debug, FromRow)]
pub struct AppointmentRecord {
    pub id: i64,
    pub reference: String,
    pub reference_key: String,
    pub service_day: String,
    pub slot: String,
    pub slot_at: i64,
    pub concern_id: String,
    pub language: Option<String>,
    pub cancelled: Flag,
    pub source: String,
    pub ticket_id: Option<String>,
    pub checked_in_at: Option<String>,
    pub late: Flag,
    pub ticket_status: Option<String>,
    pub ticket_prefix: Option<String>,
    pub ticket_sequence: Option<i64>,
}

pub(super) const APPOINTMENT_SELECT: &str = "ap.id, ap.reference, ap.reference_key, ap.service_day, ap.slot,
     ap.slot_at, ap.concern_id, ap.language, ap.cancelled, ap.source, ap.ticket_id, ap.checked_in_at, ap.late,
     t.status AS ticket_status, t.prefix AS ticket_prefix, t.sequence AS ticket_sequence
     FROM appointments ap LEFT JOIN tickets t ON t.id = ap.ticket_id";

impl AppointmentRecord {
    pub fn slot_at(&self) -> Timestamp {
        Timestamp::from_millisecond(self.slot_at).unwrap_or(Timestamp::UNIX_EPOCH)
    }

    /// Where the appointment stands at `now`.
    pub fn state(&self, now: Timestamp, rules: &AppointmentRules) -> AppointmentState {
        if self.cancelled.0 {
            return AppointmentState::Cancelled;
        }
        let Some(status) = self.ticket_status.as_deref() else {
            return if now > closes_at(self.slot_at(), rules) {
                AppointmentState::Missed
            } else {
                AppointmentState::Expected
            };
        };
        match status.parse::<TicketStatus>() {
            Ok(TicketStatus::Waiting | TicketStatus::Parked) => AppointmentState::CheckedIn,
            Ok(TicketStatus::Called) => AppointmentState::Called,
            Ok(TicketStatus::Serving | TicketStatus::Finished) => AppointmentState::Served,
            Ok(TicketStatus::NoShow) => AppointmentState::Missed,
            Ok(TicketStatus::Cancelled) | Err(_) => AppointmentState::Cancelled,
        }
    }

    pub fn to_json(&self, now: Timestamp, rules: &AppointmentRules) -> json::Appointment {
        let ticket = match (&self.ticket_prefix, self.ticket_sequence) {
            (Some(prefix), Some(sequence)) => {
                Some(json::TicketNumber { prefix: prefix.clone(), sequence: u32::try_from(sequence).unwrap_or(0) })
            }
            _ => None,
        };
        json::Appointment {
            reference: self.reference.clone(),
            slot: self.slot.clone(),
            concern: json::ConcernId(self.concern_id.clone()),
            language: self.language.clone(),
            state: self.state(now, rules),
            ticket,
            checked_in_at: self.checked_in_at.clone(),
            late: self.late.0,
            source: self.source.clone(),
        }
    }

    /// Whether storing `entry` would change anything.
    fn differs_from(&self, entry: &AppointmentEntry) -> bool {
        self.slot_at != entry.slot.timestamp().as_millisecond()
            || self.concern_id != entry.concern
            || self.language != entry.language
            || self.cancelled.0 != entry.cancelled
            || self.reference != entry.reference
    }
}

/// What one stored entry did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stored {
    Created,
    Updated,
    Unchanged,
}

impl Stored {
    /// What storing `entry` over `existing` does.
    fn by(existing: Option<&AppointmentRecord>, entry: &AppointmentEntry) -> Self {
        match existing {
            None => Self::Created,
            Some(record) if record.differs_from(entry) => Self::Updated,
            Some(_) => Self::Unchanged,
        }
    }
}

impl Store {
    /// What the appointment routes need of the office: its appointment rules, time zone and
    /// kiosk languages, read at once.
    pub async fn appointment_office(&self) -> AppResult<AppointmentOffice> {
        let mut conn = self.pool.acquire().await?;
        let office = office_rules(&mut conn).await?;
        Ok(AppointmentOffice {
            zone: office.time_zone()?,
            rules: office.appointment_rules.0,
            languages: office.languages.0,
        })
    }

    /// The appointments of `day` (`YYYY-MM-DD`), by slot.
    pub async fn appointments_on(&self, day: &str) -> AppResult<Vec<AppointmentRecord>> {
        Ok(sqlx::query_as(&format!(
            "SELECT {APPOINTMENT_SELECT} WHERE ap.service_day = $1 ORDER BY ap.slot_at, ap.reference_key"
        ))
        .bind(day)
        .fetch_all(&self.pool)
        .await?)
    }

    /// Creates or changes the appointment `entry` names (its reference on its day).
    pub async fn store_appointment(
        &self,
        entry: &AppointmentEntry,
        source: Source,
        now: Timestamp,
    ) -> AppResult<(Stored, AppointmentRecord)> {
        let mut tx = self.write_transaction().await?;
        let existing = find(&mut tx, &entry.reference_key, &entry.service_day()).await?;
        let stored = store_entry(&mut tx, entry, existing.as_ref(), source, now).await?;
        let record = find(&mut tx, &entry.reference_key, &entry.service_day())
            .await?
            .ok_or_else(|| anyhow::anyhow!("the stored appointment is not readable"))?;
        tx.commit().await?;
        Ok((stored, record))
    }

    /// Cancels the appointment with this reference on `day`. A visitor who has checked in
    /// keeps their ticket.
    pub async fn cancel_appointment(
        &self,
        reference_key: &str,
        day: &str,
        now: Timestamp,
    ) -> AppResult<AppointmentRecord> {
        let mut tx = self.write_transaction().await?;
        let no_such = || AppError::UnknownAppointment(format!("there is no appointment with this reference on {day}"));
        find(&mut tx, reference_key, day).await?.ok_or_else(no_such)?;
        sqlx::query(
            "UPDATE appointments SET cancelled = 1, updated_at = $1 WHERE reference_key = $2 AND service_day = $3",
        )
        .bind(now.to_string())
        .bind(reference_key)
        .bind(day)
        .execute(&mut *tx)
        .await?;
        let record = find(&mut tx, reference_key, day).await?.ok_or_else(no_such)?;
        tx.commit().await?;
        Ok(record)
    }

    /// Stores a whole file's appointments, or with `dry_run` only counts what it would do.
    /// Appointments of the file's `days` that an earlier import brought and this file no
    /// longer lists are cancelled, unless the visitor has checked in already.
    pub async fn import_appointments(
        &self,
        entries: &[AppointmentEntry],
        days: &BTreeSet<String>,
        dry_run: bool,
        now: Timestamp,
    ) -> AppResult<json::ImportReport> {
        let mut tx = self.write_transaction().await?;
        let mut report = json::ImportReport { days: days.iter().cloned().collect(), dry_run, ..Default::default() };
        let mut listed: BTreeSet<(String, String)> = BTreeSet::new();
        for entry in entries {
            listed.insert((entry.reference_key.clone(), entry.service_day()));
            let existing = find(&mut tx, &entry.reference_key, &entry.service_day()).await?;
            let outcome = Stored::by(existing.as_ref(), entry);
            match outcome {
                Stored::Created if entry.cancelled => report.unchanged += 1,
                Stored::Created => report.created += 1,
                Stored::Updated if entry.cancelled && existing.as_ref().is_some_and(|r| !r.cancelled.0) => {
                    report.cancelled += 1
                }
                Stored::Updated => report.updated += 1,
                Stored::Unchanged => report.unchanged += 1,
            }
            // A cancellation of an appointment never seen before is noted, not stored.
            let never_seen_cancellation = outcome == Stored::Created && entry.cancelled;
            if !dry_run && !never_seen_cancellation {
                store_entry(&mut tx, entry, existing.as_ref(), Source::Import, now).await?;
            }
        }
        for day in days {
            let earlier: Vec<(String, Option<String>)> = sqlx::query_as(
                "SELECT reference_key, ticket_id FROM appointments
                 WHERE service_day = $1 AND source = 'import' AND cancelled = 0",
            )
            .bind(day)
            .fetch_all(&mut *tx)
            .await?;
            for (reference_key, ticket) in earlier {
                if listed.contains(&(reference_key.clone(), day.clone())) {
                    continue;
                }
                if ticket.is_some() {
                    report.kept_checked_in += 1;
                    continue;
                }
                report.cancelled += 1;
                if !dry_run {
                    sqlx::query(
                        "UPDATE appointments SET cancelled = 1, updated_at = $1
                         WHERE reference_key = $2 AND service_day = $3",
                    )
                    .bind(now.to_string())
                    .bind(&reference_key)
                    .bind(day)
                    .execute(&mut *tx)
                    .await?;
                }
            }
        }
        if dry_run {
            tx.discard().await;
        } else {
            tx.commit().await?;
        }
        Ok(report)
    }

    /// Books demo appointments for today unless today has appointments: every 20 minutes
    /// from half an hour ago to three hours ahead, references `DEMO-01`, `DEMO-02`, ..., for
    /// the office's first concerns in turn. Returns how many.
    pub async fn book_demo_appointments(&self, now: Timestamp) -> AppResult<u32> {
        let zone = self.appointment_office().await?.zone;
        let today = crate::schedule::service_day(now, &zone);
        if !self.appointments_on(&today).await?.is_empty() {
            return Ok(0);
        }
        let concerns: Vec<String> = sqlx::query_scalar(
            "SELECT id FROM concerns WHERE removed = 0 AND active = 1 AND id NOT IN
                 (SELECT information_concern FROM office WHERE information_concern IS NOT NULL)
             ORDER BY position LIMIT 4",
        )
        .fetch_all(&self.pool)
        .await?;
        let start = now.to_zoned_datetime(zone.clone()).round(jiff::Unit::Minute).map_err(anyhow::Error::from)?;
        let mut booked = 0;
        for (number, minutes) in (-30..=180).step_by(20).enumerate() {
            let slot = start.checked_add(jiff::SignedDuration::from_mins(minutes)).map_err(anyhow::Error::from)?;
            if slot.date().to_string() != today || concerns.is_empty() {
                continue;
            }
            let reference = format!("DEMO-{:02}", number + 1);
            let entry = AppointmentEntry {
                reference_key: json::normalize_reference(&reference).unwrap_or_default(),
                reference,
                slot,
                concern: concerns[number % concerns.len()].clone(),
                language: None,
                cancelled: false,
            };
            self.store_appointment(&entry, Source::Api, now).await?;
            booked += 1;
        }
        Ok(booked)
    }

    /// The remembered service names, by name.
    pub async fn service_mappings(&self) -> AppResult<Vec<json::ServiceMapping>> {
        let rows: Vec<(String, String)> =
            sqlx::query_as("SELECT name, concern_id FROM booking_services ORDER BY service")
                .fetch_all(&self.pool)
                .await?;
        Ok(rows
            .into_iter()
            .map(|(service, concern)| json::ServiceMapping { service, concern: json::ConcernId(concern) })
            .collect())
    }

    /// Replaces the remembered service names. Each must name a concern of the office.
    pub async fn replace_service_mappings(&self, mappings: &[json::ServiceMapping]) -> AppResult<()> {
        let mut tx = self.write_transaction().await?;
        let concerns: Vec<String> =
            sqlx::query_scalar("SELECT id FROM concerns WHERE removed = 0").fetch_all(&mut *tx).await?;
        let mut seen = BTreeSet::new();
        for (index, mapping) in mappings.iter().enumerate() {
            let service = mapping.service.trim();
            if service.is_empty() || service.chars().count() > 200 {
                return Err(AppError::InvalidField(format!("[{index}].service: 1 to 200 characters")));
            }
            if !seen.insert(service.to_lowercase()) {
                return Err(AppError::InvalidField(format!("[{index}].service: {service:?} is listed twice")));
            }
            if !concerns.contains(&mapping.concern.0) {
                return Err(AppError::UnknownConcern(format!(
                    "[{index}].concern: {:?} is not a concern of this office",
                    mapping.concern.0
                )));
            }
        }
        sqlx::query("DELETE FROM booking_services").execute(&mut *tx).await?;
        for mapping in mappings {
            sqlx::query("INSERT INTO booking_services (service, name, concern_id) VALUES ($1, $2, $3)")
                .bind(mapping.service.trim().to_lowercase())
                .bind(mapping.service.trim())
                .bind(mapping.concern.as_str())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// What each name a booking system may use for a service means: a concern's id, its
    /// German name, or a remembered mapping (all compared in lower case).
    pub async fn service_names(&self) -> AppResult<ServiceNames> {
        let mut conn = self.pool.acquire().await?;
        let concerns: Vec<(String, Json<json::LocalizedText>)> =
            sqlx::query_as("SELECT id, name FROM concerns WHERE removed = 0").fetch_all(&mut *conn).await?;
        let mut names = BTreeMap::new();
        for (id, name) in concerns {
            if let Some(german) = name.0.get(json::SOURCE_LANGUAGE) {
                names.insert(german.trim().to_lowercase(), id.clone());
            }
            names.insert(id.to_lowercase(), id);
        }
        let mapped: Vec<(String, String)> =
            sqlx::query_as("SELECT service, concern_id FROM booking_services").fetch_all(&mut *conn).await?;
        names.extend(mapped);
        Ok(ServiceNames(names))
    }
}

/// Service names and the concerns they mean; see [`Store::service_names`].
pub struct ServiceNames(BTreeMap<String, String>);

impl ServiceNames {
    pub fn concern(&self, service: &str) -> Option<&str> {
        self.0.get(&service.trim().to_lowercase()).map(String::as_str)
    }
}

pub(super) async fn appointment_rules(conn: &mut AnyConnection) -> AppResult<AppointmentRules> {
    let rules: Json<AppointmentRules> =
        sqlx::query_scalar("SELECT appointment_rules FROM office WHERE id = 1").fetch_one(conn).await?;
    Ok(rules.0)
}

pub(super) async fn find(
    conn: &mut AnyConnection,
    reference_key: &str,
    day: &str,
) -> AppResult<Option<AppointmentRecord>> {
    Ok(sqlx::query_as(&format!("SELECT {APPOINTMENT_SELECT} WHERE ap.reference_key = $1 AND ap.service_day = $2"))
        .bind(reference_key)
        .bind(day)
        .fetch_optional(conn)
        .await?)
}

/// Stores `entry` over `existing`, the appointment stored with its reference on its day.
async fn store_entry(
    conn: &mut AnyConnection,
    entry: &AppointmentEntry,
    existing: Option<&AppointmentRecord>,
    source: Source,
    now: Timestamp,
) -> AppResult<Stored> {
    let day = entry.service_day();
    let stored = Stored::by(existing, entry);
    if stored == Stored::Unchanged {
        return Ok(stored);
    }
    sqlx::query(
        "INSERT INTO appointments (reference, reference_key, service_day, slot, slot_at, concern_id, language,
                                   cancelled, source, updated_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
         ON CONFLICT (reference_key, service_day) DO UPDATE SET reference = excluded.reference,
             slot = excluded.slot, slot_at = excluded.slot_at, concern_id = excluded.concern_id,
             language = excluded.language, cancelled = excluded.cancelled, source = excluded.source,
             updated_at = excluded.updated_at",
    )
    .bind(&entry.reference)
    .bind(&entry.reference_key)
    .bind(&day)
    .bind(rfc3339(&entry.slot))
    .bind(entry.slot.timestamp().as_millisecond())
    .bind(&entry.concern)
    .bind(entry.language.as_deref())
    .bind(Flag(entry.cancelled))
    .bind(source.as_str())
    .bind(now.to_string())
    .execute(&mut *conn)
    .await?;
    // A checked-in visitor whose slot moved is called at the new time.
    if let Some(ticket) = existing.and_then(|record| record.ticket_id.as_ref()).filter(|_| stored == Stored::Updated) {
        sqlx::query("UPDATE tickets SET appointment_slot = $1 WHERE id = $2 AND appointment_slot IS NOT NULL")
            .bind(entry.slot.timestamp().as_millisecond())
            .bind(ticket)
            .execute(conn)
            .await?;
    }
    Ok(stored)
}
