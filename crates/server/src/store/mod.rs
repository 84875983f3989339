//! Everything Willkommen keeps: the office, its concerns and checklists, counters, accounts
//! and the tickets, in an SQLite file or a PostgreSQL schema (see `backend.rs`). All SQL
//! lives in this module, written once for both databases.

mod accounts;
mod admin_accounts;
mod audit;
mod backend;
mod backup;
mod config;
mod config_tables;
mod display;
mod events;
mod listener;
mod retention;
mod staff;
mod types;

pub use audit::AuditFilter;
pub use backend::Location;
pub use backup::{BackupReport, backup_sqlite};
pub use config::{DraftRecord, config_problems};
pub use events::DISPLAY_PAGE;
pub use retention::RetentionReport;
pub use staff::{RequiredItems, StaffAction};

use std::collections::BTreeMap;
use std::str::FromStr;
use std::sync::Arc;

use anyhow::Context;
use jiff::Timestamp;
use sqlx::{AnyConnection, AnyPool, FromRow};
use willkommen_api as json;
use willkommen_api::LocalizedText;

use crate::error::{AppError, AppResult};
use crate::schedule::{Schedule, rfc3339, service_day};
use crate::seed::Seed;
use crate::ticket_id::random_ticket_id;
use backend::{Announcement, Backend};
use types::{Flag, Json};

/// The database file inside the data folder.
pub const DATABASE_FILE: &str = "willkommen.db";

/// A handle to the database; cheap to clone, shared by all requests.
#[derive(Clone)]
pub struct Store {
    /// For reading (and for the few writes outside [`Store::write_transaction`]).
    pool: AnyPool,
    /// The writers' own connection: a ticket never waits for a connection behind hundreds of
    /// live streams re-reading the queue after each change.
    write_pool: AnyPool,
    backend: Arc<Backend>,
    /// Bumped after every commit that recorded ticket events (here or, on PostgreSQL, by
    /// another instance); see `events.rs`.
    changes: Arc<tokio::sync::watch::Sender<Option<u64>>>,
    /// One writer of this process at a time, first come first served; see
    /// [`Store::write_transaction`].
    writer: Arc<tokio::sync::Mutex<()>>,
    /// The newest published configuration version, for the kiosks' live stream.
    published: Arc<tokio::sync::watch::Sender<i64>>,
    /// Hears other instances' commits (PostgreSQL only); stopped by [`Store::close`].
    listener: Arc<std::sync::Mutex<Option<tokio::task::AbortHandle>>>,
}

/// A write transaction together with this process's writer turn.
pub(crate) struct WriteTransaction {
    tx: sqlx::Transaction<'static, sqlx::Any>,
    _turn: tokio::sync::OwnedMutexGuard<()>,
}

impl WriteTransaction {
    pub(crate) async fn commit(self) -> Result<(), sqlx::Error> {
        self.tx.commit().await
    }
}

impl std::ops::Deref for WriteTransaction {
    type Target = AnyConnection;

    fn deref(&self) -> &AnyConnection {
        &self.tx
    }
}

impl std::ops::DerefMut for WriteTransaction {
    fn deref_mut(&mut self) -> &mut AnyConnection {
        &mut self.tx
    }
}

/// The office's settings.
#[derive(Debug, FromRow)]
pub struct OfficeSettings {
    pub time_zone: String,
    pub languages: Json<Vec<String>>,
    pub opening_hours: Json<json::OpeningHours>,
    pub closed_days: Json<Vec<String>>,
    pub cutoff_minutes: i64,
    pub no_show_after_calls: i64,
    pub retention_days: i64,
}

impl OfficeSettings {
    pub fn schedule(&self) -> anyhow::Result<Schedule> {
        let cutoff = u32::try_from(self.cutoff_minutes).context("cut-off minutes out of range")?;
        Schedule::new(&self.time_zone, &self.opening_hours.0, &self.closed_days.0, cutoff)
            .context("the office's opening hours in the database are invalid")
    }
}

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
    pub office: &'a OfficeSettings,
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
#[derive(Debug, FromRow)]
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
}

/// A ticket with where it stands in the queue.
#[derive(Debug)]
pub struct TicketView {
    pub record: TicketRecord,
    pub people_ahead: Option<u32>,
    pub estimated_wait: Option<json::WaitEstimate>,
}

/// A ticket row with its counter's name: `SELECT {TICKET_SELECT} WHERE ...`.
const TICKET_SELECT: &str = "t.id, t.concern_id, t.prefix, t.sequence, t.service_day, t.language, t.checklist,
     t.status, t.issued_at, t.queued_at, t.priority, t.counter_id, c.name AS counter_name, t.call_count,
     a.display_name AS served_by_name, k.name AS concern_name
     FROM tickets t LEFT JOIN counters c ON c.id = t.counter_id LEFT JOIN accounts a ON a.id = t.served_by
     LEFT JOIN concerns k ON k.id = t.concern_id";

impl Store {
    /// Opens (creating if needed) the database and brings its schema up to date.
    pub async fn open(location: &Location) -> anyhow::Result<Self> {
        let backend::Pools { read: pool, write: write_pool, backend } = backend::open(location).await?;
        let (changes, _) = tokio::sync::watch::channel(Some(0));
        let newest: i64 =
            sqlx::query_scalar("SELECT COALESCE(MAX(version), 0) FROM config_versions").fetch_one(&pool).await?;
        let (published, _) = tokio::sync::watch::channel(newest);
        let store = Self {
            pool,
            write_pool,
            backend: Arc::new(backend),
            changes: Arc::new(changes),
            writer: Arc::new(tokio::sync::Mutex::new(())),
            published: Arc::new(published),
            listener: Arc::default(),
        };
        store.listen_to_other_instances().await?;
        Ok(store)
    }

    /// Stores the demo office (as configuration version 1) and the demo accounts unless an
    /// office exists already. Returns whether it did.
    pub async fn seed_if_empty(&self, seed: &Seed) -> anyhow::Result<bool> {
        let mut tx = self.write_transaction().await?;
        let offices: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM office").fetch_one(&mut *tx).await?;
        if offices > 0 {
            return Ok(false);
        }
        self.seed_config(&mut tx, &seed.office).await?;
        for account in &seed.demo_accounts {
            accounts::insert_account(
                &mut tx,
                &account.username,
                &account.display_name,
                account.role,
                &crate::auth::hash_password(&account.password)?,
            )
            .await?;
        }
        tx.commit().await?;
        self.published.send_replace(1);
        Ok(true)
    }

    /// What a kiosk shows at `now`: the office, whether it issues tickets, and its active
    /// concerns with their checklists and whether today's quota is used up.
    pub async fn kiosk(&self, now: Timestamp) -> AppResult<json::Kiosk> {
        // One read transaction: a configuration published meanwhile is seen whole or not at all.
        let mut tx = self.pool.begin().await?;
        let (office, schedule, today) = office_today(&mut tx, now).await?;
        let issued: Vec<(String, i64)> =
            sqlx::query_as("SELECT concern_id, last_sequence FROM ticket_counters WHERE service_day = $1")
                .bind(&today)
                .fetch_all(&mut *tx)
                .await?;
        let issued: BTreeMap<String, i64> = issued.into_iter().collect();
        Ok(kiosk_view(&office, schedule.issuing_at(now), |concern| {
            let today = issued.get(concern.id.as_str()).copied().unwrap_or(0);
            concern.daily_quota.is_some_and(|quota| today >= i64::from(quota))
        }))
    }

    /// Issues a ticket for `request`, at most once per idempotency `key`.
    ///
    /// Everything happens in one write transaction: the key is claimed first, so SQLite takes
    /// its write lock before anything is read, and concurrent requests (another kiosk, or a
    /// retry of this one) wait their turn. A retry with the same key and body gets the stored
    /// first answer; with another body it is refused. `check` applies the office's rules to
    /// what is stored now; a refusal rolls everything back, so the key stays unused and no
    /// number is consumed.
    pub async fn issue_ticket(
        &self,
        key: &str,
        request: &json::NewTicket,
        now: Timestamp,
        public_url: &str,
        check: impl FnOnce(&IssueContext) -> AppResult<()>,
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

        let office = office_settings(&mut tx).await?;
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

        let sequence: i64 = sqlx::query_scalar(
            "INSERT INTO ticket_counters (concern_id, service_day, last_sequence) VALUES ($1, $2, 1)
             ON CONFLICT (concern_id, service_day) DO UPDATE SET last_sequence = ticket_counters.last_sequence + 1
             RETURNING last_sequence",
        )
        .bind(request.concern.as_str())
        .bind(&today)
        .fetch_one(&mut *tx)
        .await?;
        let issued_at = rfc3339(&now.to_zoned_datetime(schedule.time_zone().clone()));
        let id = random_ticket_id()?;
        sqlx::query(
            "INSERT INTO tickets (id, concern_id, prefix, sequence, service_day, language, checklist, status,
                                  issued_at, queued_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, 'waiting', $8, $9)",
        )
        .bind(id.as_str())
        .bind(request.concern.as_str())
        .bind(&concern.prefix)
        .bind(sequence)
        .bind(&today)
        .bind(&request.language)
        .bind(Json(&request.checklist))
        .bind(&issued_at)
        .bind(now.as_millisecond())
        .execute(&mut *tx)
        .await?;
        record_event(&mut tx, id.as_str(), now, "issued", serde_json::json!({})).await?;
        let record = find_ticket(&mut tx, id.as_str()).await?.context("the new ticket is not readable")?;

        let people_ahead = people_ahead(&mut tx, &record).await?;
        let (average, counters) = wait_basis(&mut tx, &record.concern_id).await?;
        let estimated_wait = people_ahead.and_then(|ahead| crate::wait::estimate(ahead, average, counters));
        let ticket = record.into_json(public_url, people_ahead, estimated_wait)?;
        let body = serde_json::to_string(&ticket).context("cannot serialise the ticket")?;
        sqlx::query("UPDATE idempotency_keys SET response_status = 201, response_body = $1 WHERE key = $2")
            .bind(&body)
            .bind(key)
            .execute(&mut *tx)
            .await?;
        self.commit_events(tx).await?;
        Ok(IssuedTicket { status: 201, body, replayed: false })
    }

    /// A ticket and its place in the queue.
    pub async fn ticket(&self, id: &str) -> AppResult<Option<TicketView>> {
        let mut conn = self.pool.acquire().await?;
        let Some(record) = find_ticket(&mut conn, id).await? else { return Ok(None) };
        let people_ahead = people_ahead(&mut conn, &record).await?;
        let estimated_wait = match people_ahead {
            Some(ahead) => {
                let (average, counters) = wait_basis(&mut conn, &record.concern_id).await?;
                crate::wait::estimate(ahead, average, counters)
            }
            None => None,
        };
        Ok(Some(TicketView { record, people_ahead, estimated_wait }))
    }

    /// The visitor gives up their place. Cancelling twice is harmless; a ticket that is
    /// already being served or closed cannot be cancelled.
    pub async fn cancel_ticket(&self, id: &str, now: Timestamp) -> AppResult<Option<TicketView>> {
        let mut tx = self.write_transaction().await?;
        let cancelled = sqlx::query(
            "UPDATE tickets SET status = 'cancelled' WHERE id = $1 AND status IN ('waiting', 'called', 'parked')",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?
        .rows_affected()
            == 1;
        let Some(record) = find_ticket(&mut tx, id).await? else { return Ok(None) };
        if cancelled {
            record_event(&mut tx, id, now, "cancelled", serde_json::json!({"by": "visitor"})).await?;
        } else if record.status != json::TicketStatus::Cancelled.as_str() {
            return Err(AppError::InvalidTransition(format!(
                "a ticket that is {} cannot be cancelled any more",
                record.status
            )));
        }
        self.commit_events(tx).await?;
        Ok(Some(TicketView { record, people_ahead: None, estimated_wait: None }))
    }

    /// A transaction that holds the office's write lock from its start (SQLite's, or on
    /// PostgreSQL the office's advisory lock, see `backend.rs`), so every rule checked inside
    /// sees the final state.
    ///
    /// Writers of this process first wait their turn on a fair (FIFO) async mutex. SQLite
    /// alone would make them retry with growing sleeps, which under load left some kiosks
    /// waiting over a second while others went ahead; the busy timeout stays as a backstop
    /// for other processes (a backup, say).
    async fn write_transaction(&self) -> AppResult<WriteTransaction> {
        let turn = self.writer.clone().lock_owned().await;
        let mut tx = self.write_pool.begin_with(self.backend.begin_statement()).await?;
        self.backend.take_write_turn(&mut tx).await?;
        Ok(WriteTransaction { tx, _turn: turn })
    }

    /// Commits a write that recorded ticket events and wakes the live streams, on every
    /// instance.
    async fn commit_events(&self, mut tx: WriteTransaction) -> AppResult<()> {
        self.backend.announce(&mut tx, Announcement::Events).await?;
        tx.commit().await?;
        self.changed();
        Ok(())
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> anyhow::Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    /// Waits for pending writes and closes the database cleanly.
    pub async fn close(&self) {
        if let Some(listener) = self.listener.lock().map(|mut listener| listener.take()).ok().flatten() {
            listener.abort();
        }
        self.pool.close().await;
        self.write_pool.close().await;
    }
}

impl TicketRecord {
    /// The printed number, e.g. `A 017`.
    pub fn number(&self) -> anyhow::Result<json::TicketNumber> {
        let sequence = u32::try_from(self.sequence).context("ticket sequence out of range")?;
        Ok(json::TicketNumber { prefix: self.prefix.clone(), sequence })
    }

    pub fn status(&self) -> anyhow::Result<json::TicketStatus> {
        json::TicketStatus::from_str(&self.status).map_err(anyhow::Error::msg)
    }

    /// The ticket as the API shows it; `public_url` is where visitors' phones reach the server.
    pub fn into_json(
        self,
        public_url: &str,
        people_ahead: Option<u32>,
        estimated_wait: Option<json::WaitEstimate>,
    ) -> anyhow::Result<json::Ticket> {
        let (number, status) = (self.number()?, self.status()?);
        let id = json::TicketId(self.id);
        Ok(json::Ticket {
            status_url: format!("{public_url}{}", json::ticket_status_path(&id)),
            id,
            number,
            concern: json::ConcernId(self.concern_id),
            concern_name: self.concern_name.map(|name| name.0).unwrap_or_default(),
            language: self.language,
            status,
            issued_at: self.issued_at,
            checklist: self.checklist.0,
            people_ahead,
            estimated_wait,
            counter: matches!(status, json::TicketStatus::Called | json::TicketStatus::Serving)
                .then_some(self.counter_name)
                .flatten(),
        })
    }
}

async fn office_settings(conn: &mut AnyConnection) -> AppResult<OfficeSettings> {
    Ok(sqlx::query_as(
        "SELECT time_zone, languages, opening_hours, closed_days, cutoff_minutes, no_show_after_calls,
                retention_days
         FROM office WHERE id = 1",
    )
    .fetch_one(conn)
    .await?)
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

async fn find_ticket(conn: &mut AnyConnection, id: &str) -> AppResult<Option<TicketRecord>> {
    Ok(sqlx::query_as(&format!("SELECT {TICKET_SELECT} WHERE t.id = $1")).bind(id).fetch_optional(conn).await?)
}

/// The basis of a wait estimate for `concern`: the average minutes of its last 20 services
/// (start to finish) and the number of counters serving it that called someone in the last
/// half hour.
async fn wait_basis(conn: &mut AnyConnection, concern: &str) -> AppResult<(Option<f64>, u32)> {
    let durations: Vec<Option<f64>> = sqlx::query_scalar(
        "SELECT (julianday(f.at) - julianday((SELECT MAX(s.at) FROM ticket_events s
                                              WHERE s.ticket_id = f.ticket_id AND s.kind = 'started'))) * 1440.0
         FROM ticket_events f JOIN tickets t ON t.id = f.ticket_id
         WHERE f.kind = 'finished' AND t.concern_id = $1
         ORDER BY f.id DESC LIMIT 20",
    )
    .bind(concern)
    .fetch_all(&mut *conn)
    .await?;
    let durations: Vec<f64> = durations.into_iter().flatten().filter(|minutes| *minutes >= 0.0).collect();
    let average = (!durations.is_empty()).then(|| durations.iter().sum::<f64>() / durations.len() as f64);
    let half_an_hour_ago = (Timestamp::now() - jiff::SignedDuration::from_mins(30)).to_string();
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

/// Waiting tickets of the same concern and day that will be called before this one.
async fn people_ahead(conn: &mut AnyConnection, ticket: &TicketRecord) -> AppResult<Option<u32>> {
    if ticket.status != json::TicketStatus::Waiting.as_str() {
        return Ok(None);
    }
    let ahead: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM tickets
         WHERE concern_id = $1 AND service_day = $2 AND status = 'waiting'
           AND (priority > $3 OR (priority = $4 AND queued_at < $5))",
    )
    .bind(&ticket.concern_id)
    .bind(&ticket.service_day)
    .bind(ticket.priority)
    .bind(ticket.priority)
    .bind(ticket.queued_at)
    .fetch_one(conn)
    .await?;
    Ok(Some(u32::try_from(ahead).unwrap_or(u32::MAX)))
}

async fn record_event(
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

/// The office as the tables hold it, its opening hours, and the service day `now` falls on.
async fn office_today(conn: &mut AnyConnection, now: Timestamp) -> AppResult<(json::OfficeConfig, Schedule, String)> {
    let office = config_tables::read_config(conn).await?;
    let schedule = Schedule::new(&office.time_zone, &office.opening_hours, &office.closed_days, office.cutoff_minutes)
        .context("the office's opening hours in the database are invalid")?;
    let today = service_day(now, schedule.time_zone());
    Ok((office, schedule, today))
}

/// The kiosk's view of a configuration: its active concerns, in order, with their checklists.
pub fn kiosk_view(
    office: &json::OfficeConfig,
    issuing: json::Issuing,
    quota_reached: impl Fn(&json::ConcernConfig) -> bool,
) -> json::Kiosk {
    json::Kiosk {
        office_name: office.office_name.clone(),
        time_zone: office.time_zone.clone(),
        languages: office.languages.clone(),
        concerns: office
            .concerns
            .iter()
            .filter(|concern| concern.active)
            .map(|concern| json::Concern {
                id: concern.id.clone(),
                prefix: concern.prefix.clone(),
                icon: concern.icon.clone(),
                name: concern.name.clone(),
                description: concern.description.clone(),
                checklist: concern.checklist.clone(),
                quota_reached: quota_reached(concern),
            })
            .collect(),
        issuing,
        information_concern: office.information_concern.clone(),
        inactivity: office.inactivity,
    }
}

/// A moment as stored in the audit trail and version list: UTC to the second, so that text
/// order is time order.
fn utc(moment: Timestamp) -> String {
    moment.strftime("%Y-%m-%dT%H:%M:%SZ").to_string()
}
