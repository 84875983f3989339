//! The visitor's tickets: issuing one exactly once per idempotency key, following it with its
//! place in the queue, giving it back; and reading tickets for everything else.

use std::collections::BTreeMap;
use std::str::FromStr;

use anyhow::Context;
use jiff::Timestamp;
use sqlx::{AnyConnection, FromRow};
use willkommen_api::{self as json, LocalizedText, TicketAction, TicketStatus};

use super::Store;
use super::office::{OfficeRules, office_rules};
use super::statistics::note_quota_run_out;
use super::types::{Flag, Json};
use crate::error::{AppError, AppResult};
use crate::schedule::{Schedule, rfc3339, service_day};
use crate::ticket_id::random_ticket_id;

/// A concern as ticket issuing needs it.
#[derive(Debug)]
pub struct ConcernForIssuing {
    pub prefix: String,
    pub active: bool,
    pub daily_quota: Option<u32>,
    pub checklist_ids: Vec<String>,
}

/// What the issuing rules decide on; see [`Store::issue_ticket`].
pub struct IssueContext<'a> {
    pub office: &'a OfficeRules,
    pub schedule: &'a Schedule,
    /// `None` when the concern does not exist.
    pub concern: Option<&'a ConcernForIssuing>,
    /// Tickets of this concern issued so far today.
    pub issued_today: u32,
}

/// The answer to a `POST /tickets`, as first given for its idempotency key.
#[derive(Debug)]
pub struct IssuedTicket {
    pub status: u16,
    pub body: String,
    /// Whether this is a retry answered from the stored first response.
    pub replayed: bool,
}

/// A stored ticket.
#[derive(Clone, Debug, PartialEq, FromRow)]
pub struct TicketRecord {
    pub id: String,
    pub concern_id: String,
    pub prefix: String,
    pub sequence: i64,
    pub service_day: String,
    pub language: String,
    pub checklist: Json<BTreeMap<String, bool>>,
    pub status: String,
    pub issued_at: String,
    pub queued_at: i64,
    pub priority: i64,
    pub counter_id: Option<String>,
    pub counter_name: Option<String>,
    pub call_count: i64,
    pub served_by_name: Option<String>,
    pub concern_name: Option<Json<LocalizedText>>,
    /// From the appointment the ticket was checked in for: its slot (RFC 3339) ...
    pub appointment: Option<String>,
    /// ... and whether the visitor came after the window (then it waits as a walk-in).
    pub appointment_late: Option<Flag>,
    /// The slot that orders the call (milliseconds); `None` for walk-ins and late arrivals.
    pub appointment_slot: Option<i64>,
}

impl TicketRecord {
    /// The printed number, e.g. `A 017`.
    pub fn number(&self) -> anyhow::Result<json::TicketNumber> {
        let sequence = u32::try_from(self.sequence).context("ticket sequence out of range")?;
        Ok(json::TicketNumber { prefix: self.prefix.clone(), sequence })
    }

    pub fn status(&self) -> anyhow::Result<TicketStatus> {
        TicketStatus::from_str(&self.status).map_err(anyhow::Error::msg)
    }

    /// The appointment, as the ticket's JSON shows it.
    pub fn appointment(&self) -> Option<json::TicketAppointment> {
        let slot = self.appointment.clone()?;
        Some(json::TicketAppointment { slot, late: self.appointment_late.is_some_and(|Flag(late)| late) })
    }
}

/// A ticket with where it stands in the queue.
#[derive(Clone, Debug, PartialEq)]
pub struct TicketView {
    pub record: TicketRecord,
    pub people_ahead: Option<u32>,
    pub estimated_wait: Option<json::WaitEstimate>,
}

/// A ticket row with its counter's, clerk's and concern's names: `SELECT {TICKET_SELECT} WHERE ...`.
pub(super) const TICKET_SELECT: &str =
    "t.id, t.concern_id, t.prefix, t.sequence, t.service_day, t.language, t.checklist,
     t.status, t.issued_at, t.queued_at, t.priority, t.counter_id, c.name AS counter_name, t.call_count,
     a.display_name AS served_by_name, k.name AS concern_name,
     ap.slot AS appointment, ap.late AS appointment_late, t.appointment_slot
     FROM tickets t LEFT JOIN counters c ON c.id = t.counter_id LEFT JOIN accounts a ON a.id = t.served_by
     LEFT JOIN concerns k ON k.id = t.concern_id LEFT JOIN appointments ap ON ap.ticket_id = t.id";

impl Store {
    /// Issues a ticket for `request`, at most once per idempotency `key`.
    ///
    /// Everything happens in one write transaction: the key is claimed first, so SQLite takes
    /// its write lock before anything is read, and concurrent requests (another kiosk, or a
    /// retry of this one) wait their turn. A retry with the same key and body gets the stored
    /// first answer; with another body it is refused. `check` applies the office's rules to
    /// what is stored now; a refusal rolls everything back, so the key stays unused and no
    /// number is consumed. `answer` writes the response body for the new ticket, which is
    /// stored with the key for retries.
    pub async fn issue_ticket(
        &self,
        key: &str,
        request: &json::NewTicket,
        now: Timestamp,
        check: impl FnOnce(&IssueContext) -> AppResult<()>,
        answer: impl FnOnce(TicketView) -> AppResult<String>,
    ) -> AppResult<IssuedTicket> {
        let fingerprint = serde_json::to_string(request).context("cannot serialise the request")?;
        let mut tx = self.write_transaction().await?;
        let claimed = sqlx::query(
            "INSERT INTO idempotency_keys (key, fingerprint, response_status, response_body, created_at)
             VALUES ($1, $2, 0, '', $3) ON CONFLICT (key) DO NOTHING",
        )
        .bind(key)
        .bind(&fingerprint)
        .bind(now.to_string())
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        if !claimed {
            let (first_fingerprint, status, body): (String, i64, String) = sqlx::query_as(
                "SELECT fingerprint, response_status, response_body FROM idempotency_keys WHERE key = $1",
            )
            .bind(key)
            .fetch_one(&mut *tx)
            .await?;
            if first_fingerprint != fingerprint {
                return Err(AppError::IdempotencyKeyReused(
                    "this Idempotency-Key was used for a different request; use a new key for a new ticket".into(),
                ));
            }
            let status = u16::try_from(status).context("stored status out of range")?;
            return Ok(IssuedTicket { status, body, replayed: true });
        }

        let office = office_rules(&mut tx).await?;
        let schedule = office.schedule()?;
        let today = service_day(now, schedule.time_zone());
        let concern = concern_for_issuing(&mut tx, &request.concern).await?;
        let issued_today: i64 =
            sqlx::query_scalar("SELECT last_sequence FROM ticket_counters WHERE concern_id = $1 AND service_day = $2")
                .bind(request.concern.as_str())
                .bind(&today)
                .fetch_optional(&mut *tx)
                .await?
                .unwrap_or(0);
        check(&IssueContext {
            office: &office,
            schedule: &schedule,
            concern: concern.as_ref(),
            issued_today: u32::try_from(issued_today).unwrap_or(u32::MAX),
        })?;
        let concern = concern.ok_or_else(|| AppError::UnknownConcern("no such concern".into()))?;

        let id = insert_ticket(
            &mut tx,
            NewTicketRow {
                concern: request.concern.as_str(),
                prefix: &concern.prefix,
                language: &request.language,
                checklist: &request.checklist,
                appointment_slot: None,
            },
            &today,
            schedule.time_zone(),
            now,
        )
        .await?;
        let view = ticket_view(&mut tx, &id, now).await?.context("the new ticket is not readable")?;
        note_estimate(&mut tx, &id, view.estimated_wait.as_ref()).await?;
        if let Some(quota) = concern.daily_quota.filter(|quota| i64::from(*quota) == issued_today + 1) {
            let at = now.to_zoned_datetime(schedule.time_zone().clone());
            note_quota_run_out(&mut tx, request.concern.as_str(), quota, &today, &at).await?;
        }
        let body = answer(view)?;
        sqlx::query("UPDATE idempotency_keys SET response_status = 201, response_body = $1 WHERE key = $2")
            .bind(&body)
            .bind(key)
            .execute(&mut *tx)
            .await?;
        self.commit_events(tx).await?;
        Ok(IssuedTicket { status: 201, body, replayed: false })
    }

    /// The language a ticket was taken in, and nothing else (the phone page's preloads, on
    /// every load of a ticket page: no queue position computed for it).
    pub async fn ticket_language(&self, id: &str) -> AppResult<Option<String>> {
        Ok(sqlx::query_scalar("SELECT language FROM tickets WHERE id = $1").bind(id).fetch_optional(&self.pool).await?)
    }

    /// A ticket and its place in the queue.
    pub async fn ticket(&self, id: &str) -> AppResult<Option<TicketView>> {
        let mut conn = self.pool.acquire().await?;
        ticket_view(&mut conn, id, self.now()).await
    }

    /// The visitor gives up their place. Cancelling twice is harmless; a ticket that is
    /// already being served or closed cannot be cancelled.
    pub async fn cancel_ticket(&self, id: &str, now: Timestamp) -> AppResult<Option<TicketView>> {
        let mut tx = self.write_transaction().await?;
        let Some(ticket) = find_ticket(&mut tx, id).await? else { return Ok(None) };
        let status = ticket.status()?;
        if TicketAction::Cancel.is_allowed_from(status) {
            set_status(&mut tx, id, TicketAction::Cancel.leads_to()).await?;
            record_event(&mut tx, id, now, "cancelled", serde_json::json!({"by": "visitor"})).await?;
        } else if status != TicketStatus::Cancelled {
            return Err(invalid_transition(TicketAction::Cancel, status));
        }
        let record = existing_ticket(&mut tx, id).await?;
        self.commit_events(tx).await?;
        Ok(Some(TicketView { record, people_ahead: None, estimated_wait: None }))
    }
}

/// A ticket to insert: for a walk-in, or for an appointment (then `appointment_slot` orders
/// its call).
pub(super) struct NewTicketRow<'a> {
    pub concern: &'a str,
    /// The concern's, before its numbers.
    pub prefix: &'a str,
    pub language: &'a str,
    pub checklist: &'a BTreeMap<String, bool>,
    pub appointment_slot: Option<i64>,
}

/// Keeps the waiting-time range the visitor was shown, which the statistics compare with the
/// real wait.
pub(super) async fn note_estimate(
    conn: &mut AnyConnection,
    id: &str,
    estimate: Option<&json::WaitEstimate>,
) -> AppResult<()> {
    if let Some(estimate) = estimate {
        sqlx::query("UPDATE tickets SET estimate_min = $1, estimate_max = $2 WHERE id = $3")
            .bind(i64::from(estimate.min_minutes))
            .bind(i64::from(estimate.max_minutes))
            .bind(id)
            .execute(conn)
            .await?;
    }
    Ok(())
}

/// Inserts a waiting ticket with the concern's next number of `today`, and its `issued`
/// event. Returns its id.
pub(super) async fn insert_ticket(
    conn: &mut AnyConnection,
    ticket: NewTicketRow<'_>,
    today: &str,
    time_zone: &jiff::tz::TimeZone,
    now: Timestamp,
) -> AppResult<String> {
    let sequence: i64 = sqlx::query_scalar(
        "INSERT INTO ticket_counters (concern_id, service_day, last_sequence) VALUES ($1, $2, 1)
         ON CONFLICT (concern_id, service_day) DO UPDATE SET last_sequence = ticket_counters.last_sequence + 1
         RETURNING last_sequence",
    )
    .bind(ticket.concern)
    .bind(today)
    .fetch_one(&mut *conn)
    .await?;
    let issued_at = rfc3339(&now.to_zoned_datetime(time_zone.clone()));
    let id = random_ticket_id()?;
    sqlx::query(
        "INSERT INTO tickets (id, concern_id, prefix, sequence, service_day, language, checklist, status,
                              issued_at, queued_at, appointment_slot)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'waiting', $8, $9, $10)",
    )
    .bind(id.as_str())
    .bind(ticket.concern)
    .bind(ticket.prefix)
    .bind(sequence)
    .bind(today)
    .bind(ticket.language)
    .bind(Json(ticket.checklist))
    .bind(&issued_at)
    .bind(now.as_millisecond())
    .bind(ticket.appointment_slot)
    .execute(&mut *conn)
    .await?;
    let detail = match ticket.appointment_slot {
        Some(_) => serde_json::json!({"appointment": true}),
        None => serde_json::json!({}),
    };
    record_event(conn, id.as_str(), now, "issued", detail).await?;
    Ok(id.as_str().to_owned())
}

async fn concern_for_issuing(conn: &mut AnyConnection, id: &json::ConcernId) -> AppResult<Option<ConcernForIssuing>> {
    let Some((prefix, Flag(active), daily_quota)): Option<(String, Flag, Option<i64>)> =
        sqlx::query_as("SELECT prefix, active, daily_quota FROM concerns WHERE id = $1")
            .bind(id.as_str())
            .fetch_optional(&mut *conn)
            .await?
    else {
        return Ok(None);
    };
    let checklist_ids = sqlx::query_scalar("SELECT id FROM checklist_items WHERE concern_id = $1")
        .bind(id.as_str())
        .fetch_all(conn)
        .await?;
    let daily_quota = daily_quota.map(|quota| u32::try_from(quota).unwrap_or(u32::MAX));
    Ok(Some(ConcernForIssuing { prefix, active, daily_quota, checklist_ids }))
}

pub(super) async fn find_ticket(conn: &mut AnyConnection, id: &str) -> AppResult<Option<TicketRecord>> {
    Ok(sqlx::query_as(&format!("SELECT {TICKET_SELECT} WHERE t.id = $1")).bind(id).fetch_optional(conn).await?)
}

/// A ticket that must exist: `404 not_found` otherwise.
pub(super) async fn existing_ticket(conn: &mut AnyConnection, id: &str) -> AppResult<TicketRecord> {
    find_ticket(conn, id).await?.ok_or_else(|| AppError::NotFound("no such ticket".into()))
}

/// A ticket with its place in the queue and the expected wait, while it waits.
pub(super) async fn ticket_view(conn: &mut AnyConnection, id: &str, now: Timestamp) -> AppResult<Option<TicketView>> {
    let Some(record) = find_ticket(conn, id).await? else { return Ok(None) };
    // Only a waiting ticket has a place: the others need no queue figures at all.
    if record.status != TicketStatus::Waiting.as_str() {
        return Ok(Some(TicketView { record, people_ahead: None, estimated_wait: None }));
    }
    let rules = super::appointments::appointment_rules(conn).await?;
    let due = crate::appointment_window::due_until(now, &rules);
    let mut ahead = people_ahead(conn, &record, due).await?;
    let (average, counters) = wait_basis(conn, &record.concern_id, now).await?;
    let mut estimated_wait = crate::wait::estimate(ahead, average, counters);
    // A walk-in also waits for the appointments that fall due while they wait.
    if let (1, Some(wait)) = (call_class_of(&record, due), estimated_wait) {
        let booked = appointments_due_within(conn, &record, due, wait.max_minutes).await?;
        if booked > 0 {
            ahead += booked;
            estimated_wait = crate::wait::estimate(ahead, average, counters);
        }
    }
    Ok(Some(TicketView { record, people_ahead: Some(ahead), estimated_wait }))
}

pub(super) async fn set_status(conn: &mut AnyConnection, id: &str, status: TicketStatus) -> AppResult<()> {
    sqlx::query("UPDATE tickets SET status = $1 WHERE id = $2").bind(status.as_str()).bind(id).execute(conn).await?;
    Ok(())
}

/// The refusal of `action` on a ticket that is `status`, saying when it would be allowed.
pub(super) fn invalid_transition(action: TicketAction, status: TicketStatus) -> AppError {
    let allowed: Vec<&str> = action.allowed_from().iter().map(|status| status.as_str()).collect();
    AppError::InvalidTransition(format!(
        "{} is not allowed while the ticket is {}, only while it is {}",
        action.path(),
        status.as_str(),
        allowed.join(" or ")
    ))
}

/// The minutes from a `finished` event `f` back to its ticket's last `started`: one service.
pub(super) const SERVICE_MINUTES: &str = "(julianday(f.at) - julianday((SELECT MAX(s.at) FROM ticket_events s
     WHERE s.ticket_id = f.ticket_id AND s.kind = 'started'))) * 1440.0";

/// The basis of a wait estimate for `concern`: the average minutes of its last 20 services
/// (start to finish) and the number of counters serving it that called someone in the last
/// half hour.
pub(super) async fn wait_basis(
    conn: &mut AnyConnection,
    concern: &str,
    now: Timestamp,
) -> AppResult<(Option<f64>, u32)> {
    let durations: Vec<Option<f64>> = sqlx::query_scalar(&format!(
        "SELECT {SERVICE_MINUTES} FROM ticket_events f JOIN tickets t ON t.id = f.ticket_id
         WHERE f.kind = 'finished' AND t.concern_id = $1
         ORDER BY f.id DESC LIMIT 20"
    ))
    .bind(concern)
    .fetch_all(&mut *conn)
    .await?;
    let durations: Vec<f64> = durations.into_iter().flatten().filter(|minutes| *minutes >= 0.0).collect();
    let average = (!durations.is_empty()).then(|| durations.iter().sum::<f64>() / durations.len() as f64);
    let half_an_hour_ago = (now - jiff::SignedDuration::from_mins(30)).to_string();
    let counters: i64 = sqlx::query_scalar(
        "SELECT COUNT(DISTINCT cc.counter_id) FROM ticket_events e
         JOIN counter_concerns cc ON cc.counter_id = json_extract(e.detail, '$.counter') AND cc.concern_id = $1
         WHERE e.kind = 'called' AND e.at > $2",
    )
    .bind(concern)
    .bind(half_an_hour_ago)
    .fetch_one(conn)
    .await?;
    Ok((average, u32::try_from(counters).unwrap_or(0)))
}

/// Waiting tickets of the same concern and day that will be called before this one, in the
/// queue's order at `now` (see `staff::call_order`).
async fn people_ahead(conn: &mut AnyConnection, ticket: &TicketRecord, due: i64) -> AppResult<u32> {
    let ahead: i64 = sqlx::query_scalar(&format!(
        "SELECT COUNT(*) FROM (
             SELECT t.priority AS priority, {class} AS class, COALESCE(t.appointment_slot, t.queued_at) AS k,
                    t.queued_at AS queued_at
             FROM tickets t WHERE t.concern_id = $2 AND t.service_day = $3 AND t.status = 'waiting' AND t.id != $4
         ) x
         WHERE x.priority > $5 OR (x.priority = $5 AND (x.class < $6 OR (x.class = $6 AND
               (x.k < $7 OR (x.k = $7 AND x.queued_at < $8)))))",
        class = super::staff::call_class("$1")
    ))
    .bind(due)
    .bind(&ticket.concern_id)
    .bind(&ticket.service_day)
    .bind(&ticket.id)
    .bind(ticket.priority)
    .bind(call_class_of(ticket, due))
    .bind(ticket.appointment_slot.unwrap_or(ticket.queued_at))
    .bind(ticket.queued_at)
    .fetch_one(conn)
    .await?;
    Ok(u32::try_from(ahead).unwrap_or(u32::MAX))
}

/// The ticket's class in the call order: 0 a due appointment, 1 a walk-in, 2 an appointment
/// not yet due (the same as `staff::call_class` computes in SQL).
pub(super) fn call_class_of(ticket: &TicketRecord, due: i64) -> i64 {
    match ticket.appointment_slot {
        Some(slot) if slot <= due => 0,
        None => 1,
        Some(_) => 2,
    }
}

/// Booked appointments of the concern today that are not due yet but will be within
/// `minutes`, and will go ahead of a walk-in then: checked in early or still expected.
async fn appointments_due_within(
    conn: &mut AnyConnection,
    ticket: &TicketRecord,
    due: i64,
    minutes: u32,
) -> AppResult<u32> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM appointments ap LEFT JOIN tickets t ON t.id = ap.ticket_id
         WHERE ap.concern_id = $1 AND ap.service_day = $2 AND ap.cancelled = 0
           AND ap.slot_at > $3 AND ap.slot_at <= $4
           AND (ap.ticket_id IS NULL OR (t.status = 'waiting' AND t.appointment_slot IS NOT NULL))",
    )
    .bind(&ticket.concern_id)
    .bind(&ticket.service_day)
    .bind(due)
    .bind(due + i64::from(minutes) * 60_000)
    .fetch_one(conn)
    .await?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

/// Adds to the ticket's event log, which the live streams, statistics and wait estimates read.
pub(super) async fn record_event(
    conn: &mut AnyConnection,
    ticket_id: &str,
    at: Timestamp,
    kind: &str,
    detail: serde_json::Value,
) -> AppResult<()> {
    sqlx::query("INSERT INTO ticket_events (ticket_id, at, kind, detail) VALUES ($1, $2, $3, $4)")
        .bind(ticket_id)
        .bind(at.to_string())
        .bind(kind)
        .bind(Json(detail))
        .execute(conn)
        .await?;
    Ok(())
}
