//! The staff side of the queue: counters, calling, and moving tickets through their life.
//!
//! Every operation is one `BEGIN IMMEDIATE` transaction, so two counters pressing "call next"
//! at the same instant are served one after the other: each gets a different ticket and no
//! waiting ticket is skipped. The unique index `one_active_ticket_per_counter` backs this up.

use std::collections::BTreeMap;

use jiff::Timestamp;
use sqlx::AnyConnection;
use willkommen_api as json;

use super::types::Flag;
use super::{Store, TICKET_SELECT, TicketRecord, find_ticket, office_settings, record_event};
use crate::error::{AppError, AppResult};
use crate::schedule::service_day;

/// A step in a called ticket's life that needs nothing but the ticket.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StaffAction {
    /// Call again (the visitor did not come); after the office's limit it becomes a no-show.
    Recall,
    /// The visitor arrived at the counter.
    Start,
    Finish,
    NoShow,
    /// Set aside (e.g. the visitor fetches a document); the counter is free again.
    Park,
    /// A parked ticket goes back into the queue, ahead of the others.
    Return,
    Cancel,
}

impl StaffAction {
    /// The statuses the action is allowed from, and the status it leads to.
    fn transition(self) -> (&'static [&'static str], &'static str) {
        match self {
            Self::Recall => (&["called"], "called"),
            Self::Start => (&["called"], "serving"),
            Self::Finish => (&["serving"], "finished"),
            Self::NoShow => (&["called"], "no_show"),
            Self::Park => (&["called", "serving"], "parked"),
            Self::Return => (&["parked"], "waiting"),
            Self::Cancel => (&["waiting", "called", "parked"], "cancelled"),
        }
    }

    fn event(self) -> &'static str {
        match self {
            Self::Recall => "recalled",
            Self::Start => "started",
            Self::Finish => "finished",
            Self::NoShow => "no_show",
            Self::Park => "parked",
            Self::Return => "returned",
            Self::Cancel => "cancelled",
        }
    }
}

/// What staff need to see a ticket: the required checklist items per concern.
pub type RequiredItems = BTreeMap<String, Vec<String>>;

impl Store {
    pub async fn counters(&self) -> AppResult<Vec<json::Counter>> {
        let mut conn = self.pool.acquire().await?;
        counters(&mut conn).await
    }

    /// Calls the next ticket for `counter`: today's waiting tickets of the counter's concerns
    /// (or of `concerns`, when the clerk chose them), returned and transferred ones first, then
    /// by arrival.
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
        let today = today(&mut tx, now).await?;
        let next: Option<String> = sqlx::query_scalar(
            "SELECT t.id FROM tickets t
             WHERE t.status = 'waiting' AND t.service_day = $1
               AND t.concern_id IN (SELECT value FROM json_each($2))
             ORDER BY t.priority DESC, t.queued_at ASC LIMIT 1",
        )
        .bind(&today)
        .bind(serde_json::to_string(&concerns).map_err(anyhow::Error::from)?)
        .fetch_optional(&mut *tx)
        .await?;
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
        if !["waiting", "parked"].contains(&ticket.status.as_str()) {
            return Err(invalid_transition("called", &ticket.status));
        }
        ensure_counter_free(&mut tx, counter).await?;
        let record = call(&mut tx, id, counter, by, now).await?;
        self.commit_events(tx).await?;
        Ok(record)
    }

    /// Applies `action` to a ticket, refusing it unless the ticket's status allows it.
    pub async fn act(&self, id: &str, action: StaffAction, by: i64, now: Timestamp) -> AppResult<TicketRecord> {
        let mut tx = self.write_transaction().await?;
        let ticket = existing_ticket(&mut tx, id).await?;
        let (from, mut to) = action.transition();
        if !from.contains(&ticket.status.as_str()) {
            return Err(invalid_transition(action.event(), &ticket.status));
        }
        let mut event = action.event();
        if action == StaffAction::Recall {
            let limit = office_settings(&mut tx).await?.no_show_after_calls;
            if ticket.call_count >= limit {
                (to, event) = ("no_show", "no_show");
            }
        }
        let leaves_counter = matches!(to, "parked" | "waiting");
        sqlx::query(
            "UPDATE tickets SET status = $1,
                call_count = call_count + $2,
                counter_id = CASE WHEN $3 THEN NULL ELSE counter_id END,
                priority = CASE WHEN $4 THEN 1 ELSE priority END
             WHERE id = $5",
        )
        .bind(to)
        .bind(i64::from(event == "recalled"))
        .bind(leaves_counter)
        .bind(action == StaffAction::Return)
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
        if !["called", "serving"].contains(&ticket.status.as_str()) {
            return Err(invalid_transition("transferred", &ticket.status));
        }
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
        let today = today(&mut conn, now).await?;
        let waiting = sqlx::query_as(&format!(
            "SELECT {TICKET_SELECT} WHERE t.service_day = $1 AND t.status IN ('waiting', 'parked')
             ORDER BY t.status = 'parked', t.priority DESC, t.queued_at ASC"
        ))
        .bind(&today)
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
        let rows: Vec<(String, String)> = sqlx::query_as(
            "SELECT concern_id, id FROM checklist_items WHERE required = 1 ORDER BY concern_id, position",
        )
        .fetch_all(&self.pool)
        .await?;
        let mut items = RequiredItems::new();
        for (concern, item) in rows {
            items.entry(concern).or_default().push(item);
        }
        Ok(items)
    }

    /// A ticket by id, for staff (no queue position needed).
    pub async fn staff_ticket(&self, id: &str) -> AppResult<Option<TicketRecord>> {
        let mut conn = self.pool.acquire().await?;
        find_ticket(&mut conn, id).await
    }
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

async fn today(conn: &mut AnyConnection, now: Timestamp) -> AppResult<String> {
    let office = office_settings(conn).await?;
    Ok(service_day(now, office.schedule()?.time_zone()))
}

async fn existing_ticket(conn: &mut AnyConnection, id: &str) -> AppResult<TicketRecord> {
    find_ticket(conn, id).await?.ok_or_else(|| AppError::NotFound("no such ticket".into()))
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

fn invalid_transition(wanted: &str, status: &str) -> AppError {
    AppError::InvalidTransition(format!("a ticket that is {status} cannot be {wanted}"))
}
