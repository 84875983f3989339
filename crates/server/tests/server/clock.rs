//! The system clock stepping under a running server (an NTP correction after a wrong boot
//! time, a clock set by hand), injected into one server process with libfaketime, which
//! `cargo xtask test` installs; without it these tests say they were skipped.
//!
//! A step past midnight must not restart the numbering or hide waiting visitors: the office's
//! time holds it back until nobody waits, then takes it. A step within the day is taken at
//! once. A clock set far ahead must not make retention delete today's tickets.

use std::path::Path;
use std::time::{Duration, Instant};

use jiff::{SignedDuration, Timestamp, ToSpan};
use serde_json::{Value, json};

use crate::helpers::{TestServer, id, postgres_url};

const LIBFAKETIME: &str = "/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1";
const OFFICE_TIME_ZONE: &str = "Europe/Berlin";

/// The server's clock, as an offset from the real one that a test can change while it runs.
pub struct FakeClock {
    file: tempfile::NamedTempFile,
}

impl FakeClock {
    /// `None` (and a "skipped" line) without libfaketime.
    pub fn at(start: Timestamp) -> Option<Self> {
        if !Path::new(LIBFAKETIME).exists() {
            eprintln!("skipped: libfaketime is not installed (`cargo xtask test` installs it)");
            return None;
        }
        let clock = Self { file: tempfile::NamedTempFile::new().unwrap() };
        clock.set(start);
        Some(clock)
    }

    /// From now on the server's system clock shows `time` (and runs on from there).
    pub fn set(&self, time: Timestamp) {
        let offset = time.duration_since(Timestamp::now()).as_secs();
        std::fs::write(self.file.path(), format!("{offset:+}\n")).unwrap();
    }

    pub fn start(&self, data_dir: &Path) -> TestServer {
        TestServer::options(data_dir)
            .env("LD_PRELOAD", LIBFAKETIME)
            .env("FAKETIME_TIMESTAMP_FILE", self.file.path())
            .env("FAKETIME_NO_CACHE", "1")
            // Timers and the office clock's yardstick keep the real monotonic time.
            .env("DONT_FAKE_MONOTONIC", "1")
            .start()
    }
}

/// Today at `hour`:00 in the office's time zone.
fn today_at(hour: i8) -> Timestamp {
    let now = Timestamp::now().in_tz(OFFICE_TIME_ZONE).unwrap();
    now.date().at(hour, 0, 0, 0).in_tz(OFFICE_TIME_ZONE).unwrap().timestamp()
}

/// The date (office time) and running number of a ticket.
fn day_and_number(ticket: &Value) -> (String, u64) {
    let issued = ticket["issued_at"].as_str().unwrap();
    (issued[..10].to_owned(), ticket["number"]["sequence"].as_u64().or_else(|| sequence_in(ticket)).unwrap())
}

/// "H 003" -> 3, for a number sent as text.
fn sequence_in(ticket: &Value) -> Option<u64> {
    ticket["number"].as_str()?.rsplit(' ').next()?.parse().ok()
}

fn address_change() -> Value {
    json!({"concern": "address-change", "language": "de"})
}

/// Waits until the server's log has `line`.
fn await_log(server: &TestServer, line: &str, patience: Duration) {
    let deadline = Instant::now() + patience;
    while !server.log().contains(line) {
        assert!(Instant::now() < deadline, "the log never said {line:?}:\n{}", server.log());
        std::thread::sleep(Duration::from_millis(100));
    }
}

fn sqlite_only() -> bool {
    if postgres_url().is_some() {
        eprintln!("skipped: the clock tests run once, on SQLite (the clock is the server's, not the database's)");
        return false;
    }
    true
}

#[tokio::test]
async fn a_step_past_midnight_is_held_while_visitors_wait_and_taken_once_none_does() {
    let Some(clock) = FakeClock::at(today_at(12)).filter(|_| sqlite_only()) else { return };
    let data = tempfile::tempdir().unwrap();
    let server = clock.start(data.path());
    let first = server.issue_ticket_with(&address_change()).await;
    let second = server.issue_ticket_with(&address_change()).await;
    let (today, _) = day_and_number(&first);

    clock.set(today_at(12) + SignedDuration::from_hours(24));
    let third = server.issue_ticket_with(&address_change()).await;

    assert_eq!(day_and_number(&third), (today.clone(), 3), "numbering goes on while visitors wait: {third}");
    let clerk = server.clerk().await;
    let queue = clerk.queue().await;
    let waiting: Vec<&str> = queue["waiting"].as_array().unwrap().iter().filter_map(|t| t["id"].as_str()).collect();
    for ticket in [&first, &second, &third] {
        assert!(waiting.contains(&id(ticket)), "{} left the queue: {queue}", id(ticket));
    }
    await_log(&server, "the system clock jumped forward by 24h", Duration::from_secs(5));

    let served = clerk.serve_until_queue_empty("counter-1", 10).await;
    assert_eq!(served.len(), 3);
    await_log(&server, "the office's time follows the system clock again", Duration::from_secs(10));
    let next_day = server.issue_ticket_with(&address_change()).await;
    let tomorrow = (today_at(12) + SignedDuration::from_hours(24)).in_tz(OFFICE_TIME_ZONE).unwrap().date().to_string();
    assert_eq!(day_and_number(&next_day), (tomorrow, 1), "the new day's numbering: {next_day}");
    assert_eq!(server.log().matches("the system clock jumped").count(), 1, "{}", server.log());
    server.stop();
}

#[tokio::test]
async fn a_step_back_within_the_day_is_taken_at_once_and_the_numbering_goes_on() {
    let Some(clock) = FakeClock::at(today_at(12)).filter(|_| sqlite_only()) else { return };
    let data = tempfile::tempdir().unwrap();
    let server = clock.start(data.path());
    let first = server.issue_ticket_with(&address_change()).await;

    clock.set(today_at(11));
    await_log(&server, "the office's time follows the system clock again", Duration::from_secs(10));
    let second = server.issue_ticket_with(&address_change()).await;

    let (day, number) = day_and_number(&second);
    assert_eq!((day, number), (day_and_number(&first).0, 2), "{second}");
    let issued: Timestamp = second["issued_at"].as_str().unwrap().parse().unwrap();
    assert!(issued < today_at(12) - 50.minutes(), "the ticket has the corrected time: {second}");
    assert!(server.log().contains("the system clock jumped back by 1h:"), "{}", server.log());
    server.stop();
}

#[tokio::test]
async fn a_clock_set_far_ahead_does_not_make_retention_forget_todays_tickets() {
    let Some(clock) = FakeClock::at(Timestamp::now()).filter(|_| sqlite_only()) else { return };
    let data = tempfile::tempdir().unwrap();
    let server = TestServer::start(data.path());
    let body = json!({"concern": "address-change", "language": "de", "checklist": {"passport": true}});
    let ticket = server.issue_ticket_with(&body).await;
    server.stop();

    // The PC boots 70 days ahead; the demo office forgets answers after 30 days and tickets
    // after 60, at start and every hour.
    clock.set(Timestamp::now() + SignedDuration::from_hours(24 * 70));
    let server = clock.start(data.path());
    let kept = server.visitor_view(&ticket).await;

    assert_eq!(kept["checklist"], json!({"passport": true}), "{kept}");
    server.stop();
}
