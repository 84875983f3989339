//! The staff side of the queue: counters, calling, and moving tickets through their life.
//!
//! Which action a ticket allows is [`TicketAction::allowed_from`], shared with the staff
//! desk. Every operation is one [`Store::write_transaction`] (SQLite's `BEGIN IMMEDIATE`, or
//! PostgreSQL's advisory lock of the office), so two counters pressing "call next" at the same
//! instant are served one after the other: each gets a different ticket and no waiting ticket
//! is skipped. The unique index `one_active_ticket_per_counter` backs this up.

use std::collections::BTreeMap;

use jiff::Timestamp;
use sqlx::AnyConnection;
use willkommen_api::{self as json, TicketAction, TicketStatus};

use super::Store;
use super::office::office_rules;
use super::tickets::{TICKET_SELECT, TicketRecord, existing_ticket, find_ticket, invalid_transition, record_event};
use super::types::Flag;
use crate::appointment_window::due_until;
use crate::error::{AppError, AppResult};
use crate::schedule::service_day;

/// What staff need to see a ticket: the required checklist items per concern.
pub type RequiredItems = BTreeMap<String, Vec<String>>;

impl Store {
    pub async fn counters(&self) -> AppResult<Vec<json::Counter>> {
        let mut conn = self.pool.acquire().await?;
        counters(&mut conn).await
    }

    /// Calls the next ticket for `counter` among today's waiting tickets of the counter's
    /// concerns (or of `concerns`, when the clerk chose them), in the order of
    /// [`next_in_call_order`].
    pub async fn call_next(
        &self,
        counter: &json::CounterId,
        concerns: Option<&[json::ConcernId]>,
        by: i64,
        now: Timestamp,
    ) -> AppResult<TicketRecord> {
        let mut tx = self.write_transaction().await?;
        ensure_counter_free(&mut tx, counter).await?;
        let concerns = match concerns {
            Some(chosen) => known_concerns(&mut tx, chosen).await?,
            None => counter_concerns(&mut tx, counter).await?,
        };
        let office = office_rules(&mut tx).await?;
        let (today, rules) = (service_day(now, &office.time_zone()?), office.appointment_rules.0);
        let concerns = serde_json::to_string(&concerns).map_err(anyhow::Error::from)?;
        let next = next_in_call_order(&mut tx, &today, &concerns, &rules, now).await?;
        let id = next.ok_or_else(|| AppError::QueueEmpty("nobody is waiting for these concerns".into()))?;
        let record = call(&mut tx, &id, counter, by, now).await?;
        self.commit_events(tx).await?;
        Ok(record)
    }

    /// Calls one waiting or parked ticket to `counter`.
    pub async fn call_ticket(
        &self,
        id: &str,
        counter: &json::CounterId,
        by: i64,
        now: Timestamp,
    ) -> AppResult<TicketRecord> {
        let mut tx = self.write_transaction().await?;
        let ticket = existing_ticket(&mut tx, id).await?;
        allowed(TicketAction::Call, &ticket)?;
        ensure_counter_free(&mut tx, counter).await?;
        let record = call(&mut tx, id, counter, by, now).await?;
        self.commit_events(tx).await?;
        Ok(record)
    }

    /// Applies `action` (one that needs nothing but the ticket: start, finish, recall,
    /// no-show, park, return) to a ticket, refusing it unless the ticket's status allows it.
    pub async fn act(&self, id: &str, action: TicketAction, by: i64, now: Timestamp) -> AppResult<TicketRecord> {
        let (event, recalled) = match action {
            TicketAction::Start => ("started", false),
            TicketAction::Finish => ("finished", false),
            TicketAction::Return => ("returned", false),
            TicketAction::Recall => ("recalled", true),
            TicketAction::NoShow => ("no_show", false),
            TicketAction::Park => ("parked", false),
            TicketAction::Call | TicketAction::Transfer | TicketAction::Cancel => {
                return Err(anyhow::anyhow!("{action:?} has a store operation of its own").into());
            }
        };
        let mut tx = self.write_transaction().await?;
        let ticket = existing_ticket(&mut tx, id).await?;
        allowed(action, &ticket)?;
        let (mut to, mut event) = (action.leads_to(), event);
        if recalled && ticket.call_count >= office_rules(&mut tx).await?.no_show_after_calls {
            (to, event) = (TicketStatus::NoShow, "no_show");
        }
        let leaves_counter = matches!(to, TicketStatus::Parked | TicketStatus::Waiting);
        sqlx::query(
            "UPDATE tickets SET status = $1,
                call_count = call_count + $2,
                counter_id = CASE WHEN $3 THEN NULL ELSE counter_id END,
                priority = CASE WHEN $4 THEN 1 ELSE priority END
             WHERE id = $5",
        )
        .bind(to.as_str())
        .bind(i64::from(event == "recalled"))
        .bind(leaves_counter)
        .bind(action == TicketAction::Return)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        record_event(&mut tx, id, now, event, serde_json::json!({"by": by, "counter": ticket.counter_id})).await?;
        let record = existing_ticket(&mut tx, id).await?;
        self.commit_events(tx).await?;
        Ok(record)
    }

    /// Hands a called or served visitor to another concern's queue. They keep their number
    /// and arrival time and go before everyone who is simply waiting.
    pub async fn transfer(
        &self,
        id: &str,
        concern: &json::ConcernId,
        by: i64,
        now: Timestamp,
    ) -> AppResult<TicketRecord> {
        let mut tx = self.write_transaction().await?;
        let ticket = existing_ticket(&mut tx, id).await?;
        allowed(TicketAction::Transfer, &ticket)?;
        let active: Option<Flag> = sqlx::query_scalar("SELECT active FROM concerns WHERE id = $1")
            .bind(concern.as_str())
            .fetch_optional(&mut *tx)
            .await?;
        if active != Some(Flag(true)) {
            return Err(AppError::UnknownConcern(format!("there is no concern {:?}", concern.as_str())));
        }
        sqlx::query(
            "UPDATE tickets SET status = 'waiting', concern_id = $1, counter_id = NULL, priority = 1, call_count = 0
             WHERE id = $2",
        )
        .bind(concern.as_str())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        let detail = serde_json::json!({"by": by, "from": ticket.concern_id, "to": concern.as_str()});
        record_event(&mut tx, id, now, "transferred", detail).await?;
        let record = existing_ticket(&mut tx, id).await?;
        self.commit_events(tx).await?;
        Ok(record)
    }

    /// Today's queue: waiting and parked tickets in call order, and the active ones.
    pub async fn queue(&self, now: Timestamp) -> AppResult<(Vec<TicketRecord>, Vec<TicketRecord>)> {
        let mut conn = self.pool.acquire().await?;
        let office = office_rules(&mut conn).await?;
        let (today, rules) = (service_day(now, &office.time_zone()?), office.appointment_rules.0);
        let due = due_until(now, &rules);
        let waiting = sqlx::query_as(&format!(
            "SELECT {TICKET_SELECT} WHERE t.service_day = $1 AND t.status IN ('waiting', 'parked')
             ORDER BY t.status = 'parked', {order}",
            order = call_order("$2")
        ))
        .bind(&today)
        .bind(due)
        .fetch_all(&mut *conn)
        .await?;
        let active = sqlx::query_as(&format!(
            "SELECT {TICKET_SELECT} WHERE t.status IN ('called', 'serving') ORDER BY c.position, t.queued_at"
        ))
        .fetch_all(&mut *conn)
        .await?;
        Ok((waiting, active))
    }

    /// The required checklist items of every concern, to tell staff what a visitor lacks.
    pub async fn required_items(&self) -> AppResult<RequiredItems> {
        let mut conn = self.pool.acquire().await?;
        required_items(&mut conn).await
    }

    /// A ticket by id, for staff (no queue position needed).
    pub async fn staff_ticket(&self, id: &str) -> AppResult<Option<TicketRecord>> {
        let mut conn = self.pool.acquire().await?;
        find_ticket(&mut conn, id).await
    }
}

/// Each concern's required checklist items, in checklist order, as configured now.
pub(super) async fn required_items(conn: &mut AnyConnection) -> AppResult<RequiredItems> {
    let rows: Vec<(String, String)> =
        sqlx::query_as("SELECT concern_id, id FROM checklist_items WHERE required = 1 ORDER BY concern_id, position")
            .fetch_all(conn)
            .await?;
    let mut items = RequiredItems::new();
    for (concern, item) in rows {
        items.entry(concern).or_default().push(item);
    }
    Ok(items)
}

pub(super) async fn counters(conn: &mut AnyConnection) -> AppResult<Vec<json::Counter>> {
    let rows: Vec<(String, String, Option<String>)> = sqlx::query_as(
        "SELECT c.id, c.name, cc.concern_id FROM counters c
         LEFT JOIN counter_concerns cc ON cc.counter_id = c.id
         LEFT JOIN concerns k ON k.id = cc.concern_id
         WHERE c.removed = 0
         ORDER BY c.position, k.position",
    )
    .fetch_all(conn)
    .await?;
    let mut counters: Vec<json::Counter> = Vec::new();
    for (id, name, concern) in rows {
        if counters.last().is_none_or(|counter| counter.id.0 != id) {
            counters.push(json::Counter { id: json::CounterId(id), name, concerns: Vec::new() });
        }
        if let (Some(counter), Some(concern)) = (counters.last_mut(), concern) {
            counter.concerns.push(json::ConcernId(concern));
        }
    }
    Ok(counters)
}

async fn ensure_counter_free(conn: &mut AnyConnection, counter: &json::CounterId) -> AppResult<()> {
    let exists: Option<i64> = sqlx::query_scalar("SELECT 1 FROM counters WHERE id = $1 AND removed = 0")
        .bind(counter.as_str())
        .fetch_optional(&mut *conn)
        .await?;
    if exists.is_none() {
        return Err(AppError::UnknownCounter(format!("there is no counter {:?}", counter.as_str())));
    }
    let busy: Option<(String, i64)> = sqlx::query_as(
        "SELECT prefix, sequence FROM tickets
         WHERE counter_id = $1 AND status IN ('called', 'serving')",
    )
    .bind(counter.as_str())
    .fetch_optional(conn)
    .await?;
    match busy {
        Some((prefix, sequence)) => {
            Err(AppError::CounterBusy(format!("this counter still has ticket {prefix} {sequence:03}; finish it first")))
        }
        None => Ok(()),
    }
}

async fn call(
    conn: &mut AnyConnection,
    id: &str,
    counter: &json::CounterId,
    by: i64,
    now: Timestamp,
) -> AppResult<TicketRecord> {
    sqlx::query("UPDATE tickets SET status = 'called', counter_id = $1, call_count = 1, served_by = $2 WHERE id = $3")
        .bind(counter.as_str())
        .bind(by)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    record_event(conn, id, now, "called", serde_json::json!({"by": by, "counter": counter.as_str()})).await?;
    existing_ticket(conn, id).await
}

/// The concerns a counter is set up for.
async fn counter_concerns(conn: &mut AnyConnection, counter: &json::CounterId) -> AppResult<Vec<String>> {
    Ok(sqlx::query_scalar("SELECT concern_id FROM counter_concerns WHERE counter_id = $1")
        .bind(counter.as_str())
        .fetch_all(conn)
        .await?)
}

/// The clerk's choice of concerns, refused unless every one is a concern of this office.
async fn known_concerns(conn: &mut AnyConnection, chosen: &[json::ConcernId]) -> AppResult<Vec<String>> {
    if chosen.is_empty() {
        return Err(AppError::InvalidField("concerns: choose at least one concern".into()));
    }
    let known: Vec<String> =
        sqlx::query_scalar("SELECT id FROM concerns WHERE removed = 0").fetch_all(&mut *conn).await?;
    match chosen.iter().find(|concern| !known.iter().any(|id| id == concern.as_str())) {
        Some(unknown) => {
            Err(AppError::UnknownConcern(format!("concerns: {} is not a concern of this office", unknown.0)))
        }
        None => Ok(chosen.iter().map(|concern| concern.0.clone()).collect()),
    }
}

/// The order of the queue, as SQL over `tickets t` with `$due` the moment (milliseconds) up to
/// which appointment slots are due: returned and transferred tickets first; then appointments
/// that are due, by slot; then walk-ins (and late arrivals) by arrival; then appointments
/// checked in early, by slot: they are called early only when nobody else waits.
pub(super) fn call_order(due: &str) -> String {
    format!("t.priority DESC, {class}, COALESCE(t.appointment_slot, t.queued_at), t.queued_at", class = call_class(due))
}

/// 0 for a due appointment, 1 for a walk-in, 2 for an appointment not yet due.
pub(super) fn call_class(due: &str) -> String {
    format!(
        "CAST(CASE WHEN t.appointment_slot IS NOT NULL AND t.appointment_slot <= {due} THEN 0
                   WHEN t.appointment_slot IS NULL THEN 1 ELSE 2 END AS BIGINT)"
    )
}

/// The next ticket to call among today's waiting tickets of `concerns` (a JSON array), in
/// [`call_order`]; with the office's `walk_in_every` = n, a walk-in instead of a due
/// appointment when the last n - 1 calls of these concerns were all appointments.
async fn next_in_call_order(
    conn: &mut AnyConnection,
    today: &str,
    concerns: &str,
    rules: &json::AppointmentRules,
    now: Timestamp,
) -> AppResult<Option<String>> {
    let due = due_until(now, rules);
    let first = |only_walk_ins: bool| {
        let walk_ins = if only_walk_ins { "AND t.appointment_slot IS NULL" } else { "" };
        format!(
            "SELECT t.id, {class} AS class, t.priority FROM tickets t
             WHERE t.status = 'waiting' AND t.service_day = $1
               AND t.concern_id IN (SELECT value FROM json_each($2)) {walk_ins}
             ORDER BY {order} LIMIT 1",
            class = call_class("$3"),
            order = call_order("$4"),
        )
    };
    let next: Option<(String, i64, i64)> =
        sqlx::query_as(&first(false)).bind(today).bind(concerns).bind(due).bind(due).fetch_optional(&mut *conn).await?;
    let Some((id, class, priority)) = next else { return Ok(None) };
    let Some(every) = rules.walk_in_every.filter(|_| class == 0 && priority == 0) else { return Ok(Some(id)) };
    let recent: Vec<Flag> = sqlx::query_scalar(
        "SELECT t.appointment_slot IS NOT NULL FROM ticket_events e JOIN tickets t ON t.id = e.ticket_id
         WHERE e.kind = 'called' AND t.service_day = $1 AND t.concern_id IN (SELECT value FROM json_each($2))
         ORDER BY e.id DESC LIMIT $3",
    )
    .bind(today)
    .bind(concerns)
    .bind(i64::from(every.saturating_sub(1)))
    .fetch_all(&mut *conn)
    .await?;
    let walk_ins_turn =
        recent.len() as u32 == every.saturating_sub(1) && recent.iter().all(|Flag(appointment)| *appointment);
    if !walk_ins_turn {
        return Ok(Some(id));
    }
    let walk_in: Option<(String, i64, i64)> =
        sqlx::query_as(&first(true)).bind(today).bind(concerns).bind(due).bind(due).fetch_optional(&mut *conn).await?;
    Ok(Some(walk_in.map_or(id, |(walk_in, _, _)| walk_in)))
}

/// Refuses `action` unless the ticket's status allows it.
fn allowed(action: TicketAction, ticket: &TicketRecord) -> AppResult<()> {
    let status = ticket.status()?;
    if action.is_allowed_from(status) { Ok(()) } else { Err(invalid_transition(action, status)) }
}
