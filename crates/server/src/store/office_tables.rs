//! The tables the queue works with (office, concerns, checklist items, counters), written from
//! a configuration document and read back into one.

use std::collections::BTreeMap;

use sqlx::AnyConnection;
use willkommen_api::{self as json, ConcernConfig, CounterConfig, LocalizedText, OfficeConfig};

use super::types::{Flag, Json};
use crate::error::AppResult;

/// Makes the tables say what `office` says. Concerns and counters no longer in it are deleted,
/// or, while tickets still refer to them, kept as removed (not offered, not listed).
pub async fn write_config(conn: &mut AnyConnection, office: &OfficeConfig) -> AppResult<()> {
    sqlx::query(
        "INSERT INTO office (id, name, time_zone, languages, opening_hours, closed_days, cutoff_minutes,
                             no_show_after_calls, retention_days, kiosk_idle_seconds, kiosk_warning_seconds,
                             information_concern, public_base_url, display_info, appointment_rules, notify_ahead)
         VALUES (1, $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, NULL, $11, $12, $13, $14)
         ON CONFLICT (id) DO UPDATE SET name = excluded.name, time_zone = excluded.time_zone,
             languages = excluded.languages, opening_hours = excluded.opening_hours,
             closed_days = excluded.closed_days, cutoff_minutes = excluded.cutoff_minutes,
             no_show_after_calls = excluded.no_show_after_calls, retention_days = excluded.retention_days,
             kiosk_idle_seconds = excluded.kiosk_idle_seconds,
             kiosk_warning_seconds = excluded.kiosk_warning_seconds,
             information_concern = NULL, public_base_url = excluded.public_base_url,
             display_info = excluded.display_info, appointment_rules = excluded.appointment_rules,
             notify_ahead = excluded.notify_ahead",
    )
    .bind(Json(&office.office_name))
    .bind(&office.time_zone)
    .bind(Json(&office.languages))
    .bind(Json(&office.opening_hours))
    .bind(Json(&office.closed_days))
    .bind(i64::from(office.cutoff_minutes))
    .bind(i64::from(office.no_show_after_calls))
    .bind(i64::from(office.retention_days))
    .bind(i64::from(office.inactivity.idle_seconds))
    .bind(i64::from(office.inactivity.warning_seconds))
    .bind(office.public_base_url.as_deref())
    .bind(Json(&office.display_info))
    .bind(Json(&office.appointments))
    .bind(i64::from(office.notify_ahead))
    .execute(&mut *conn)
    .await?;
    write_concerns(conn, &office.concerns).await?;
    write_counters(conn, &office.counters).await?;
    sqlx::query("UPDATE office SET information_concern = $1 WHERE id = 1")
        .bind(office.information_concern.as_ref().map(json::ConcernId::as_str))
        .execute(&mut *conn)
        .await?;
    Ok(())
}

async fn write_concerns(conn: &mut AnyConnection, concerns: &[ConcernConfig]) -> AppResult<()> {
    // Prefixes are unique: park every old one first, so two concerns can swap theirs.
    sqlx::query("UPDATE concerns SET removed = 1, active = 0, prefix = '~' || id, position = 100000 + position")
        .execute(&mut *conn)
        .await?;
    sqlx::query("DELETE FROM checklist_items").execute(&mut *conn).await?;
    for (position, concern) in concerns.iter().enumerate() {
        sqlx::query(
            "INSERT INTO concerns (id, position, prefix, icon, active, daily_quota, name, description, removed,
                                   target_wait_minutes)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 0, $9)
             ON CONFLICT (id) DO UPDATE SET position = excluded.position, prefix = excluded.prefix,
                 icon = excluded.icon, active = excluded.active, daily_quota = excluded.daily_quota,
                 name = excluded.name, description = excluded.description, removed = 0,
                 target_wait_minutes = excluded.target_wait_minutes",
        )
        .bind(concern.id.as_str())
        .bind(position as i64)
        .bind(&concern.prefix)
        .bind(&concern.icon)
        .bind(Flag(concern.active))
        .bind(concern.daily_quota.map(i64::from))
        .bind(Json(&concern.name))
        .bind(Json(&concern.description))
        .bind(concern.target_wait_minutes.map(i64::from))
        .execute(&mut *conn)
        .await?;
        for (position, item) in concern.checklist.iter().enumerate() {
            sqlx::query(
                "INSERT INTO checklist_items (concern_id, id, position, required, text, hint) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(concern.id.as_str())
            .bind(&item.id)
            .bind(position as i64)
            .bind(Flag(item.required))
            .bind(Json(&item.text))
            .bind(Json(&item.hint))
            .execute(&mut *conn)
            .await?;
        }
    }
    sqlx::query("DELETE FROM counter_concerns WHERE concern_id IN (SELECT id FROM concerns WHERE removed = 1)")
        .execute(&mut *conn)
        .await?;
    sqlx::query(
        "DELETE FROM concerns WHERE removed = 1
           AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.concern_id = concerns.id)
           AND NOT EXISTS (SELECT 1 FROM ticket_counters n WHERE n.concern_id = concerns.id)",
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

async fn write_counters(conn: &mut AnyConnection, counters: &[CounterConfig]) -> AppResult<()> {
    sqlx::query("UPDATE counters SET removed = 1, position = 100000 + position").execute(&mut *conn).await?;
    sqlx::query("DELETE FROM counter_concerns").execute(&mut *conn).await?;
    for (position, counter) in counters.iter().enumerate() {
        sqlx::query(
            "INSERT INTO counters (id, name, position, removed) VALUES ($1, $2, $3, 0)
             ON CONFLICT (id) DO UPDATE SET name = excluded.name, position = excluded.position, removed = 0",
        )
        .bind(counter.id.as_str())
        .bind(&counter.name)
        .bind(position as i64)
        .execute(&mut *conn)
        .await?;
        for concern in &counter.concerns {
            sqlx::query("INSERT INTO counter_concerns (counter_id, concern_id) VALUES ($1, $2)")
                .bind(counter.id.as_str())
                .bind(concern.as_str())
                .execute(&mut *conn)
                .await?;
        }
    }
    sqlx::query(
        "DELETE FROM counters WHERE removed = 1 AND NOT EXISTS (SELECT 1 FROM tickets t WHERE t.counter_id = counters.id)",
    )
    .execute(&mut *conn)
    .await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct OfficeRow {
    name: Json<LocalizedText>,
    time_zone: String,
    languages: Json<Vec<String>>,
    opening_hours: Json<json::OpeningHours>,
    closed_days: Json<Vec<String>>,
    #[sqlx(try_from = "i64")]
    cutoff_minutes: u32,
    #[sqlx(try_from = "i64")]
    no_show_after_calls: u32,
    #[sqlx(try_from = "i64")]
    retention_days: u32,
    #[sqlx(try_from = "i64")]
    notify_ahead: u32,
    #[sqlx(try_from = "i64")]
    kiosk_idle_seconds: u32,
    #[sqlx(try_from = "i64")]
    kiosk_warning_seconds: u32,
    information_concern: Option<String>,
    public_base_url: Option<String>,
    display_info: Json<LocalizedText>,
    appointment_rules: Json<json::AppointmentRules>,
}

#[derive(sqlx::FromRow)]
struct ConcernRow {
    id: String,
    prefix: String,
    icon: String,
    active: Flag,
    daily_quota: Option<i64>,
    target_wait_minutes: Option<i64>,
    name: Json<LocalizedText>,
    description: Json<LocalizedText>,
}

#[derive(sqlx::FromRow)]
struct ItemRow {
    concern_id: String,
    id: String,
    required: Flag,
    text: Json<LocalizedText>,
    hint: Json<LocalizedText>,
}

/// The configuration the tables hold (for a database from before versions existed).
pub async fn read_config(conn: &mut AnyConnection) -> AppResult<OfficeConfig> {
    let office: OfficeRow = sqlx::query_as(
        "SELECT name, time_zone, languages, opening_hours, closed_days, cutoff_minutes, no_show_after_calls,
                retention_days, kiosk_idle_seconds, kiosk_warning_seconds, information_concern, public_base_url,
                display_info, appointment_rules, notify_ahead
         FROM office WHERE id = 1",
    )
    .fetch_one(&mut *conn)
    .await?;
    let concerns: Vec<ConcernRow> = sqlx::query_as(
        "SELECT id, prefix, icon, active, daily_quota, target_wait_minutes, name, description FROM concerns
         WHERE removed = 0 ORDER BY position",
    )
    .fetch_all(&mut *conn)
    .await?;
    let items: Vec<ItemRow> = sqlx::query_as(
        "SELECT concern_id, id, required, text, hint FROM checklist_items ORDER BY concern_id, position",
    )
    .fetch_all(&mut *conn)
    .await?;
    let mut checklists: BTreeMap<String, Vec<json::ChecklistItem>> = BTreeMap::new();
    for item in items {
        checklists.entry(item.concern_id).or_default().push(json::ChecklistItem {
            id: item.id,
            text: item.text.0,
            hint: item.hint.0,
            required: item.required.into(),
        });
    }
    let counters = super::staff::counters(conn).await?;
    Ok(OfficeConfig {
        office_name: office.name.0,
        time_zone: office.time_zone,
        languages: office.languages.0,
        opening_hours: office.opening_hours.0,
        closed_days: office.closed_days.0,
        cutoff_minutes: office.cutoff_minutes,
        no_show_after_calls: office.no_show_after_calls,
        retention_days: office.retention_days,
        notify_ahead: office.notify_ahead,
        inactivity: json::Inactivity {
            idle_seconds: office.kiosk_idle_seconds,
            warning_seconds: office.kiosk_warning_seconds,
        },
        public_base_url: office.public_base_url,
        information_concern: office.information_concern.map(json::ConcernId),
        display_info: office.display_info.0,
        appointments: office.appointment_rules.0,
        concerns: concerns
            .into_iter()
            .map(|row| ConcernConfig {
                checklist: checklists.remove(&row.id).unwrap_or_default(),
                id: json::ConcernId(row.id),
                prefix: row.prefix,
                icon: row.icon,
                active: row.active.into(),
                daily_quota: row.daily_quota.and_then(|quota| u32::try_from(quota).ok()),
                target_wait_minutes: row.target_wait_minutes.and_then(|target| u32::try_from(target).ok()),
                name: row.name.0,
                description: row.description.0,
            })
            .collect(),
        counters: counters
            .into_iter()
            .map(|counter| CounterConfig { id: counter.id, name: counter.name, concerns: counter.concerns })
            .collect(),
    })
}
