//! The staff routes: counters, the queue, calling and serving visitors. All need a session.

use axum::extract::{Path, State};
use jiff::Timestamp;
use serde::Deserialize;
use willkommen_api::{self as json, TicketAction};

use crate::AppState;
use crate::auth::CounterStaff;
use crate::error::{AppError, AppResult, Json, Query};
use crate::scan::ticket_id_candidates;
use crate::store::TicketRecord;
use crate::ticket_id::looks_like_ticket_id;

/// `GET /api/v1/counters`
#[utoipa::path(get, path = "/api/v1/counters", tag = "staff", security(("session" = [])),
    responses((status = 200, body = Vec<json::Counter>), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn counters_list(_: CounterStaff, State(state): State<AppState>) -> AppResult<Json<Vec<json::Counter>>> {
    Ok(Json(state.store.counters().await?))
}

/// `GET /api/v1/queue`
#[utoipa::path(get, path = "/api/v1/queue", tag = "staff", security(("session" = [])),
    responses((status = 200, body = json::QueueView), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn queue_show(_: CounterStaff, State(state): State<AppState>) -> AppResult<Json<json::QueueView>> {
    let now = state.store.now();
    let (waiting, active) = state.store.queue(now).await?;
    let counters = state.store.counters().await?;
    let convert = StaffView::new(&state, now).await?;
    let waiting: Vec<json::StaffTicket> = waiting.into_iter().map(|t| convert.ticket(t)).collect::<AppResult<_>>()?;
    let over_target = over_target(&waiting, &state.store.wait_targets().await?);
    Ok(Json(json::QueueView {
        waiting,
        active: active.into_iter().map(|t| convert.ticket(t)).collect::<AppResult<_>>()?,
        counters,
        over_target,
    }))
}

/// The concerns whose longest-waiting visitor waits longer than the concern's target.
fn over_target(waiting: &[json::StaffTicket], targets: &[(json::ConcernId, u32)]) -> Vec<json::OverTarget> {
    targets
        .iter()
        .filter_map(|(concern, target)| {
            let longest = waiting
                .iter()
                .filter(|ticket| &ticket.concern == concern && ticket.status == json::TicketStatus::Waiting)
                .map(|ticket| ticket.waited_minutes)
                .max()?;
            (json::TargetLevel::of(longest, Some(*target)) == json::TargetLevel::Red).then(|| json::OverTarget {
                concern: concern.clone(),
                longest_wait_minutes: longest,
                target_wait_minutes: *target,
            })
        })
        .collect()
}

/// `POST /api/v1/counters/{counter}/call-next`, optionally naming the concerns to call for.
#[utoipa::path(post, path = "/api/v1/counters/{counter}/call-next", tag = "staff", security(("session" = [])),
    params(("counter" = String, Path)), request_body(content = Option<json::CallNext>),
    responses((status = 200, body = json::StaffTicket), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn counters_call_next(
    CounterStaff(me): CounterStaff,
    State(state): State<AppState>,
    Path(counter): Path<String>,
    body: Option<Json<json::CallNext>>,
) -> AppResult<Json<json::StaffTicket>> {
    let started = std::time::Instant::now();
    let answer = async {
        let now = state.store.now();
        let concerns = body.map(|Json(body)| body.concerns);
        let record = state.store.call_next(&json::CounterId(counter), concerns.as_deref(), me.account_id, now).await?;
        state.metrics.visitor_called_after(now.as_millisecond() - record.queued_at);
        StaffView::new(&state, now).await?.respond(record)
    }
    .await;
    // Refusals too: "nobody is waiting" is an answer the clerk waits for like any other.
    state.metrics.call_next_took(started.elapsed());
    answer
}

/// `POST /api/v1/tickets/{id}/call`
#[utoipa::path(post, path = "/api/v1/tickets/{id}/call", tag = "staff", security(("session" = [])),
    params(("id" = String, Path)), request_body = json::CallTo,
    responses((status = 200, body = json::StaffTicket), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn tickets_call(
    CounterStaff(me): CounterStaff,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Json(call): Json<json::CallTo>,
) -> AppResult<Json<json::StaffTicket>> {
    let now = state.store.now();
    let record = state.store.call_ticket(checked_id(&id)?, &call.counter, me.account_id, now).await.map_err(
        |error| match error {
            AppError::UnknownCounter(message) => AppError::UnknownCounterInBody(message),
            other => other,
        },
    )?;
    StaffView::new(&state, now).await?.respond(record)
}

/// `POST /api/v1/tickets/{id}/transfer`
#[utoipa::path(post, path = "/api/v1/tickets/{id}/transfer", tag = "staff", security(("session" = [])),
    params(("id" = String, Path)), request_body = json::TransferTo,
    responses((status = 200, body = json::StaffTicket), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn tickets_transfer(
    CounterStaff(me): CounterStaff,
    State(state): State<AppState>,
    Path(id): Path<String>,
    Json(transfer): Json<json::TransferTo>,
) -> AppResult<Json<json::StaffTicket>> {
    let now = state.store.now();
    let record = state.store.transfer(checked_id(&id)?, &transfer.concern, me.account_id, now).await?;
    StaffView::new(&state, now).await?.respond(record)
}

/// `POST /api/v1/tickets/{id}/{recall|start|finish|no-show|park|return}`
#[utoipa::path(post, path = "/api/v1/tickets/{id}/{action}", tag = "staff", security(("session" = [])),
    params(("id" = String, Path), ("action" = String, Path, description = "recall, start, finish, no-show, park or return")),
    responses((status = 200, body = json::StaffTicket), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn tickets_act(
    CounterStaff(me): CounterStaff,
    State(state): State<AppState>,
    Path((id, action)): Path<(String, String)>,
) -> AppResult<Json<json::StaffTicket>> {
    // Call and transfer have routes of their own (they take a body); cancel is the visitor's.
    let action = TicketAction::from_path(&action)
        .filter(|action| !matches!(action, TicketAction::Call | TicketAction::Transfer | TicketAction::Cancel))
        .ok_or_else(|| AppError::NotFound("no such API route".into()))?;
    let now = state.store.now();
    let record = state.store.act(checked_id(&id)?, action, me.account_id, now).await?;
    StaffView::new(&state, now).await?.respond(record)
}

#[derive(Deserialize)]
pub struct LookupQuery {
    code: String,
}

/// `GET /api/v1/lookup?code=...`: the ticket behind a scanned QR code (the status URL or the
/// bare id, as a hand scanner types it).
#[utoipa::path(get, path = "/api/v1/lookup", tag = "staff", security(("session" = [])),
    params(("code" = String, Query, description = "What the scanner typed: the status URL or the ticket id")),
    responses((status = 200, body = json::StaffTicket), (status = "4XX", body = json::ApiError), (status = 500, body = json::ApiError)))]
pub async fn lookup(
    _: CounterStaff,
    State(state): State<AppState>,
    Query(query): Query<LookupQuery>,
) -> AppResult<Json<json::StaffTicket>> {
    for candidate in ticket_id_candidates(&query.code) {
        if let Some(record) = state.store.staff_ticket(&candidate).await? {
            return StaffView::new(&state, state.store.now()).await?.respond(record);
        }
    }
    Err(AppError::NotFound("this code is not a ticket of this office".into()))
}

fn checked_id(id: &str) -> AppResult<&str> {
    if looks_like_ticket_id(id) { Ok(id) } else { Err(AppError::NotFound("no such ticket".into())) }
}

/// Turns stored tickets into what staff see.
struct StaffView {
    required: crate::store::RequiredItems,
    now: Timestamp,
}

impl StaffView {
    async fn new(state: &AppState, now: Timestamp) -> AppResult<Self> {
        Ok(Self { required: state.store.required_items().await?, now })
    }

    fn respond(&self, record: TicketRecord) -> AppResult<Json<json::StaffTicket>> {
        Ok(Json(self.ticket(record)?))
    }

    fn ticket(&self, record: TicketRecord) -> AppResult<json::StaffTicket> {
        let missing_required = self
            .required
            .get(&record.concern_id)
            .into_iter()
            .flatten()
            .filter(|item| record.checklist.0.get(*item) != Some(&true))
            .cloned()
            .collect();
        let waited_ms = (self.now.as_millisecond() - record.queued_at).max(0);
        let (number, status) = (record.number()?, record.status()?);
        let at_counter = matches!(status, json::TicketStatus::Called | json::TicketStatus::Serving);
        Ok(json::StaffTicket {
            appointment: record.appointment(),
            id: json::TicketId(record.id),
            number,
            concern: json::ConcernId(record.concern_id),
            language: record.language,
            status,
            issued_at: record.issued_at,
            waited_minutes: u32::try_from(waited_ms / 60_000).unwrap_or(u32::MAX),
            call_count: u32::try_from(record.call_count).unwrap_or(0),
            counter: record.counter_id.filter(|_| at_counter).map(json::CounterId),
            served_by: record.served_by_name.filter(|_| at_counter),
            checklist: record.checklist.0,
            missing_required,
        })
    }
}
