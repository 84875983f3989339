//! What docs/data-protection.md says Willkommen forgets, and when, checked in the database
//! itself: rows are aged behind the server's back, the server is started (retention runs at
//! start), and then every text column of every table is searched for what visitors told the
//! kiosk. Runs on SQLite, and on the PostgreSQL schema when `WILLKOMMEN_TEST_DATABASE_URL` is
//! set.

use std::path::Path;

use jiff::{SignedDuration, Timestamp};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tempfile::TempDir;

use crate::helpers::{TestServer, connect_database, edit_database, id, postgres_url};

/// The office's `retention_days` in these tests.
const RETENTION_DAYS: i64 = 3;

/// Three visitors, each with text in the database that only they gave: today's, one from
/// `RETENTION_DAYS + 1` days ago and one from `2 * RETENTION_DAYS + 1` days ago, each with a
/// ticket and a booked appointment.
struct AgedOffice {
    data: TempDir,
    today: Value,
    old: Value,
    older: Value,
}

/// What today's visitor told the kiosk and the booking system, as stored.
const TODAYS_TEXT: [&str; 3] = [r#""residence-card":true"#, r#""language":"en""#, "DPX-7300"];
/// ... the visitor from `RETENTION_DAYS + 1` days ago, and the normalised reference.
const OLD_TEXT: [&str; 4] = [r#""financing-proof":false"#, r#""language":"fa""#, "DPX-7311", "DPX7311"];
/// ... the visitor from `2 * RETENTION_DAYS + 1` days ago.
const OLDER_TEXT: [&str; 4] = [r#""police-report":false"#, r#""language":"ti""#, "DPX-7322", "DPX7322"];

impl AgedOffice {
    async fn new() -> Self {
        let data = tempfile::tempdir().unwrap();
        let server = TestServer::start(data.path());
        let admin = server.admin().await;
        admin
            .edit_and_publish(|office| {
                office.retention_days = RETENTION_DAYS as u32;
                office.appointments.enabled = true;
            })
            .await;
        let ticket = |concern: &str, language: &str, checklist: Value| json!({"concern": concern, "language": language, "checklist": checklist});
        let today = server.issue_ticket_with(&ticket("address-change", "en", json!({"residence-card": true}))).await;
        let old = server.issue_ticket_with(&ticket("student-permit", "fa", json!({"financing-proof": false}))).await;
        let older =
            server.issue_ticket_with(&ticket("lost-or-stolen-card", "ti", json!({"police-report": false}))).await;
        // A clerk serves the oldest visitor: the events name the clerk's account.
        let clerk = server.clerk().await;
        assert_eq!(clerk.call(id(&older), "counter-1").await.status, StatusCode::OK);
        clerk.done(id(&older), "start").await;
        clerk.done(id(&older), "finish").await;
        let slot = (Timestamp::now() + SignedDuration::from_hours(1)).round(jiff::Unit::Second).unwrap();
        for (reference, language) in [("DPX-7300", "ru"), ("DPX-7311", "uk"), ("DPX-7322", "kmr")] {
            let body = json!({"slot": slot.to_string(), "concern": "address-change", "language": language});
            let path = format!("/api/v1/admin/appointments/{reference}");
            let answer = admin.send(Method::PUT, &path, Some(&body)).await;
            assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
        }
        server.stop();
        Self { data, today, old, older }
    }

    fn path(&self) -> &Path {
        self.data.path()
    }

    /// Moves the old visitors' rows to the days they are from: their tickets, their concerns'
    /// counters of the day, their appointments and their tickets' idempotency keys.
    async fn age(&self) {
        let mut statements = Vec::new();
        for (ticket, concern, reference, days) in [
            (&self.old, "student-permit", "DPX-7311", RETENTION_DAYS + 1),
            (&self.older, "lost-or-stolen-card", "DPX-7322", 2 * RETENTION_DAYS + 1),
        ] {
            let (day, ticket) = (day_ago(days), id(ticket));
            statements.extend([
                format!("UPDATE tickets SET service_day = '{day}' WHERE id = '{ticket}'"),
                format!("UPDATE ticket_counters SET service_day = '{day}' WHERE concern_id = '{concern}'"),
                format!("UPDATE appointments SET service_day = '{day}' WHERE reference = '{reference}'"),
                format!(
                    "UPDATE idempotency_keys SET created_at = '{}' WHERE response_body LIKE '%{ticket}%'",
                    Timestamp::now() - SignedDuration::from_hours(24 * days)
                ),
            ]);
        }
        edit_database(self.path(), &statements.iter().map(String::as_str).collect::<Vec<_>>()).await;
    }

    /// Ages the office and runs retention (a server start), then stops the server.
    async fn after_retention(self) -> Self {
        self.age().await;
        TestServer::start(self.path()).stop();
        self
    }
}

/// The office day (Europe/Berlin, the demo office's zone) `days` days before now.
fn day_ago(days: i64) -> String {
    (Timestamp::now() - SignedDuration::from_hours(24 * days)).in_tz("Europe/Berlin").unwrap().date().to_string()
}

/// Every `table.column` of the database that holds `text` in some row.
async fn places_holding(data_dir: &Path, text: &str) -> Vec<String> {
    let mut db = connect_database(data_dir).await;
    let columns = if postgres_url().is_some() {
        "SELECT CAST(table_name AS TEXT), CAST(column_name AS TEXT) FROM information_schema.columns
         WHERE table_schema = current_schema()"
    } else {
        "SELECT m.name, c.name FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table'"
    };
    let columns: Vec<(String, String)> = sqlx::query_as(columns).fetch_all(&mut db).await.unwrap();
    assert!(columns.len() > 50, "not every table's columns: {columns:?}");
    let mut places = Vec::new();
    for (table, column) in columns {
        let holding = format!(r#"SELECT COUNT(*) FROM "{table}" WHERE CAST("{column}" AS TEXT) LIKE $1"#);
        let rows: i64 = sqlx::query_scalar(&holding).bind(format!("%{text}%")).fetch_one(&mut db).await.unwrap();
        if rows > 0 {
            places.push(format!("{table}.{column}"));
        }
    }
    places
}

/// `count` rows found by `query` with its one parameter `value`.
async fn count(data_dir: &Path, query: &str, value: &str) -> i64 {
    let mut db = connect_database(data_dir).await;
    sqlx::query_scalar(query).bind(value).fetch_one(&mut db).await.unwrap()
}

#[tokio::test]
async fn after_the_retention_period_no_table_holds_a_visitors_answers_language_or_reference() {
    let office = AgedOffice::new().await;
    for text in TODAYS_TEXT.iter().chain(&OLD_TEXT[..3]) {
        assert!(!places_holding(office.path(), text).await.is_empty(), "the search does not find {text}");
    }

    let office = office.after_retention().await;

    for text in OLD_TEXT {
        let places = places_holding(office.path(), text).await;
        assert!(places.is_empty(), "{text} is still stored after {RETENTION_DAYS} days, in {places:?}");
    }
    let mut db = connect_database(office.path()).await;
    let (language, checklist): (String, String) =
        sqlx::query_as("SELECT language, checklist FROM tickets WHERE id = $1")
            .bind(id(&office.old))
            .fetch_one(&mut db)
            .await
            .unwrap();
    assert_eq!((language.as_str(), checklist.as_str()), ("", "{}"), "the ticket stays, without answers");
    let (reference, language): (String, Option<String>) =
        sqlx::query_as("SELECT reference, language FROM appointments WHERE service_day = $1")
            .bind(day_ago(RETENTION_DAYS + 1))
            .fetch_one(&mut db)
            .await
            .unwrap();
    assert_eq!((reference.as_str(), language), ("~", None), "the appointment stays, without reference");
    for text in TODAYS_TEXT {
        assert!(!places_holding(office.path(), text).await.is_empty(), "today's {text} was removed");
    }
    // Nor in the SQLite file's free pages: deleted content is overwritten (secure_delete).
    if postgres_url().is_none() {
        let mut bytes = Vec::new();
        for file in std::fs::read_dir(office.path()).unwrap().map(|entry| entry.unwrap().path()) {
            if file.file_name().unwrap().to_string_lossy().starts_with("willkommen.db") {
                bytes.extend(std::fs::read(&file).unwrap());
            }
        }
        for text in OLD_TEXT {
            let found = bytes.windows(text.len()).any(|window| window == text.as_bytes());
            assert!(!found, "{text} is still in the bytes of the database file");
        }
    }
}

#[tokio::test]
async fn after_twice_the_period_the_tickets_events_appointments_and_counters_are_gone() {
    let office = AgedOffice::new().await;
    let older = id(&office.older).to_owned();
    assert_eq!(count(office.path(), "SELECT COUNT(*) FROM ticket_events WHERE ticket_id = $1", &older).await, 4);

    let office = office.after_retention().await;

    let places = places_holding(office.path(), &older).await;
    assert!(places.is_empty(), "the ticket's id is still stored, in {places:?}");
    for text in OLDER_TEXT {
        let places = places_holding(office.path(), text).await;
        assert!(places.is_empty(), "{text} is still stored after {} days, in {places:?}", 2 * RETENTION_DAYS);
    }
    let day = day_ago(2 * RETENTION_DAYS + 1);
    for table in ["tickets", "ticket_counters", "appointments"] {
        let rows = count(office.path(), &format!("SELECT COUNT(*) FROM {table} WHERE service_day = $1"), &day).await;
        assert_eq!(rows, 0, "{table} still has rows of {day}");
    }
    let old = id(&office.old);
    assert_eq!(count(office.path(), "SELECT COUNT(*) FROM tickets WHERE id = $1", old).await, 1, "kept until 2N");
}

#[tokio::test]
async fn expired_sessions_and_idempotency_keys_older_than_two_days_are_gone() {
    let office = AgedOffice::new().await;
    let an_hour_ago = (Timestamp::now() - SignedDuration::from_hours(1)).as_millisecond();
    edit_database(
        office.path(),
        &[&format!(
            "INSERT INTO sessions (token_hash, account_id, expires_at)
             SELECT 'expired-session', id, {an_hour_ago} FROM accounts WHERE username = 'schalter1'"
        )],
    )
    .await;
    let keys = "SELECT COUNT(*) FROM idempotency_keys WHERE response_body LIKE $1";
    let with = |ticket: &Value| format!("%{}%", id(ticket));
    assert_eq!(count(office.path(), keys, &with(&office.old)).await, 1);

    let office = office.after_retention().await;

    assert_eq!(count(office.path(), keys, &with(&office.old)).await, 0, "a key of 4 days is gone");
    assert_eq!(count(office.path(), keys, &with(&office.today)).await, 1, "today's key is kept");
    let (expired, others) =
        ("SELECT COUNT(*) FROM sessions WHERE token_hash = $1", "SELECT COUNT(*) FROM sessions WHERE token_hash != $1");
    assert_eq!(count(office.path(), expired, "expired-session").await, 0, "the expired session is gone");
    assert_eq!(count(office.path(), others, "expired-session").await, 2, "the admin's and the clerk's stay");
}

#[tokio::test]
async fn a_phones_push_address_goes_when_its_ticket_is_done_or_its_day_is_over() {
    let data = tempfile::tempdir().unwrap();
    let server = TestServer::start(data.path());
    let mut tickets = Vec::new();
    for phone in ["yesterday", "today"] {
        let ticket = server.issue_ticket("address-change", "de").await;
        let subscription = json!({
            "endpoint": format!("https://push.example.org/{phone}"),
            "keys": {
                "p256dh": "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4",
                "auth": "BTBZMqHH6r4Tts7J_aSIgg",
            },
        });
        let url = server.at(&format!("/api/v1/tickets/{}/push", id(&ticket)));
        assert_eq!(server.client().put(url).json(&subscription).send().await.unwrap().status(), StatusCode::NO_CONTENT);
        tickets.push(ticket);
    }
    server.stop();
    let subscribed = "SELECT COUNT(*) FROM push_subscriptions WHERE ticket_id = $1";
    // Yesterday's ticket never finished (the office closed on it): its phone's address goes
    // at the first run after its day.
    let yesterday = format!("UPDATE tickets SET service_day = '{}' WHERE id = '{}'", day_ago(1), id(&tickets[0]));
    edit_database(data.path(), &[&yesterday]).await;
    let server = TestServer::start(data.path());
    assert_eq!(count(data.path(), subscribed, id(&tickets[0])).await, 0, "a past day's subscription");
    assert_eq!(count(data.path(), subscribed, id(&tickets[1])).await, 1, "a ticket still in today's queue");
    // Given back: gone at once.
    assert_eq!(server.cancel(id(&tickets[1])).await.status, StatusCode::OK);
    let until = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while count(data.path(), subscribed, id(&tickets[1])).await != 0 {
        assert!(std::time::Instant::now() < until, "the subscription of a ticket given back is still stored");
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
}
