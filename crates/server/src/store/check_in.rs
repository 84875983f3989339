//! A visitor with a booking checks in at the kiosk: finding the appointment by its reference,
//! and turning it into a ticket exactly once, however often and from however many kiosks the
//! visitor tries.

use jiff::Timestamp;
use willkommen_api::{self as json, AppointmentRules, CheckInState, LateArrival};

use super::Store;
use super::appointments::{APPOINTMENT_SELECT, AppointmentRecord};
use super::office::office_rules;
use super::tickets::{NewTicketRow, TicketView, insert_ticket, note_estimate, ticket_view};
use crate::appointment_window::{Window, window_at};
use crate::error::{AppError, AppResult};
use crate::schedule::{rfc3339, service_day};

/// What the kiosk learns about a reference: the appointment and whether it can check in.
pub struct Lookup {
    pub record: AppointmentRecord,
    pub check_in: CheckInState,
}

/// A check-in's ticket, and whether this call made it.
pub struct CheckedIn {
    pub view: TicketView,
    pub created: bool,
}

impl Store {
    /// The appointment a visitor's reference means at `now`: today's, else the next one, else
    /// the most recent one (to say that it is over). `None` when there is none.
    pub async fn look_up_appointment(&self, reference_key: &str, now: Timestamp) -> AppResult<Option<Lookup>> {
        let mut conn = self.pool.acquire().await?;
        let office = office_rules(&mut conn).await?;
        let (rules, zone) = (office.appointment_rules.0, office.time_zone()?);
        let today = service_day(now, &zone);
        let Some(record) = nearest(&mut conn, reference_key, &today).await? else { return Ok(None) };
        let check_in = check_in_state(&record, now, &rules, &zone);
        Ok(Some(Lookup { record, check_in }))
    }

    /// Checks a visitor in: the appointment's ticket, created the first time (an appointment
    /// ticket in the window, a walk-in or information-desk ticket after it, as the office
    /// set), the same ticket every later time. One write transaction, so two kiosks checking
    /// in the same reference at once get one ticket.
    pub async fn check_in(
        &self,
        reference_key: &str,
        request: &json::CheckIn,
        now: Timestamp,
        check: impl FnOnce(&CheckInContext) -> AppResult<()>,
    ) -> AppResult<CheckedIn> {
        let mut tx = self.write_transaction().await?;
        let office = office_rules(&mut tx).await?;
        let (rules, zone) = (office.appointment_rules.0, office.time_zone()?);
        let today = service_day(now, &zone);
        let unknown = || AppError::UnknownAppointment("there is no appointment with this reference".into());
        let record = nearest(&mut tx, reference_key, &today).await?.ok_or_else(unknown)?;
        let (concern, late) = match check_in_state(&record, now, &rules, &zone) {
            CheckInState::CheckedIn { ticket } => {
                let view = ticket_view(&mut tx, &ticket.0, now).await?.ok_or_else(unknown)?;
                tx.discard().await;
                return Ok(CheckedIn { view, created: false });
            }
            CheckInState::TooEarly { opens_at } => {
                return Err(AppError::CheckInTooEarly(format!("check-in for this appointment opens at {opens_at}")));
            }
            CheckInState::Cancelled => {
                return Err(AppError::AppointmentClosed("this appointment was cancelled".into()));
            }
            CheckInState::Over => return Err(AppError::AppointmentClosed("this appointment is over".into())),
            CheckInState::Open => (record.concern_id.clone(), false),
            CheckInState::TooLate { late_arrival: LateArrival::WalkIn } => (record.concern_id.clone(), true),
            CheckInState::TooLate { late_arrival: LateArrival::InformationDesk } => {
                let information: Option<String> =
                    sqlx::query_scalar("SELECT information_concern FROM office WHERE id = 1")
                        .fetch_one(&mut *tx)
                        .await?;
                (information.unwrap_or_else(|| record.concern_id.clone()), true)
            }
        };
        // The visitor answered the booked concern's checklist; a ticket for the information
        // desk carries no answers (they are about another concern's documents).
        let checklist_ids: Vec<String> = sqlx::query_scalar("SELECT id FROM checklist_items WHERE concern_id = $1")
            .bind(&record.concern_id)
            .fetch_all(&mut *tx)
            .await?;
        check(&CheckInContext {
            languages: &office.languages.0,
            concern: &record.concern_id,
            checklist_ids: &checklist_ids,
        })?;
        let no_answers = std::collections::BTreeMap::new();
        let checklist = if concern == record.concern_id { &request.checklist } else { &no_answers };
        let prefix: String = sqlx::query_scalar("SELECT prefix FROM concerns WHERE id = $1")
            .bind(&concern)
            .fetch_optional(&mut *tx)
            .await?
            .ok_or_else(|| AppError::UnknownConcern(format!("there is no concern {concern:?}")))?;
        let slot = record.slot_at();
        let id = insert_ticket(
            &mut tx,
            NewTicketRow {
                concern: &concern,
                prefix: &prefix,
                language: &request.language,
                checklist,
                appointment_slot: (!late).then(|| slot.as_millisecond()),
            },
            &today,
            &zone,
            now,
        )
        .await?;
        sqlx::query("UPDATE appointments SET ticket_id = $1, checked_in_at = $2, late = $3 WHERE id = $4")
            .bind(&id)
            .bind(rfc3339(&now.to_zoned_datetime(zone.clone())))
            .bind(super::types::Flag(late))
            .bind(record.id)
            .execute(&mut *tx)
            .await?;
        let view = ticket_view(&mut tx, &id, now).await?.ok_or_else(unknown)?;
        note_estimate(&mut tx, &id, view.estimated_wait.as_ref()).await?;
        self.commit_events(tx).await?;
        Ok(CheckedIn { view, created: true })
    }
}

/// What the route's rules check a check-in against.
pub struct CheckInContext<'a> {
    pub languages: &'a [String],
    pub concern: &'a str,
    pub checklist_ids: &'a [String],
}

/// Today's appointment with this reference, else the next one, else the latest before.
async fn nearest(
    conn: &mut sqlx::AnyConnection,
    reference_key: &str,
    today: &str,
) -> AppResult<Option<AppointmentRecord>> {
    Ok(sqlx::query_as(&format!(
        "SELECT {APPOINTMENT_SELECT} WHERE ap.reference_key = $1
         ORDER BY CASE WHEN ap.service_day = $2 THEN 0 WHEN ap.service_day > $3 THEN 1 ELSE 2 END,
                  CASE WHEN ap.service_day > $4 THEN ap.service_day END ASC, ap.service_day DESC
         LIMIT 1"
    ))
    .bind(reference_key)
    .bind(today)
    .bind(today)
    .bind(today)
    .fetch_optional(conn)
    .await?)
}

fn check_in_state(
    record: &AppointmentRecord,
    now: Timestamp,
    rules: &AppointmentRules,
    zone: &jiff::tz::TimeZone,
) -> CheckInState {
    if let Some(ticket) = &record.ticket_id {
        return CheckInState::CheckedIn { ticket: json::TicketId(ticket.clone()) };
    }
    if record.cancelled.0 {
        return CheckInState::Cancelled;
    }
    let today = service_day(now, zone);
    if record.service_day < today {
        return CheckInState::Over;
    }
    match window_at(record.slot_at(), now, rules, zone) {
        Window::TooEarly { opens_at } => CheckInState::TooEarly { opens_at: rfc3339(&opens_at) },
        Window::Open => CheckInState::Open,
        Window::TooLate => CheckInState::TooLate { late_arrival: rules.late_arrival },
    }
}
