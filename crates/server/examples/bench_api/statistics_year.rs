//! The statistics of a busy office's year (issue 18): 250,000 tickets on the 250 working days
//! before today, with their event logs, written straight into the database (taking them
//! through the API would take hours), then the server started on it, which sums every past
//! day at start; then the year's report asked for again and again, and its XLSX export.

use std::collections::BTreeMap;
use std::time::Instant;

use anyhow::Context;
use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;
use jiff::{SignedDuration, Timestamp};
use reqwest::Method;
use serde::Serialize;
use serde_json::json;
use sqlx::AnyConnection;

use crate::office::{Admin, Site};
use crate::random::below;
use crate::server::ServerBinary;
use crate::stats::{Latency, round2};

const TIME_ZONE: &str = "Europe/Berlin";
/// Working days before today that the year covers, and tickets on each.
const DAYS: usize = 250;
const TICKETS_PER_DAY: usize = 1_000;
/// Reports asked for in a row.
const REPORTS: usize = 20;

#[derive(Debug, Serialize)]
pub struct StatisticsYear {
    pub tickets: usize,
    pub days: usize,
    pub events: usize,
    /// Writing them into the database (not Willkommen's work).
    pub fill_s: f64,
    /// Starting the server on them: it sums every past day before it serves.
    pub start_with_summing_s: f64,
    /// `GET /api/v1/statistics` over the whole range.
    pub year_report: Latency,
    /// `GET /api/v1/statistics/export.xlsx` over the whole range.
    pub year_xlsx: Latency,
    pub xlsx_bytes: usize,
}

pub async fn run(binary: &ServerBinary, quick: bool) -> anyhow::Result<StatisticsYear> {
    let per_day = if quick { TICKETS_PER_DAY / 10 } else { TICKETS_PER_DAY };
    let site = Site::open(binary, 0).await?;
    let concerns: Vec<(String, String, Vec<String>)> = site
        .concerns
        .iter()
        .map(|c| (c.id.as_str().to_owned(), c.prefix.clone(), c.checklist.iter().map(|i| i.id.clone()).collect()))
        .collect();
    let languages = site.languages.clone();
    let data = site.shut_down().await?;

    let zone = TimeZone::get(TIME_ZONE)?;
    let today = Timestamp::now().to_zoned_datetime(zone.clone()).date();
    let days = working_days_before(today, DAYS);
    progress!("writing {} tickets on {} days into the database", per_day * days.len(), days.len());
    let filling = Instant::now();
    let mut db = binary.storage.connect_writable(data.path()).await?;
    // Kept a year, as an office that reports on its year might; the tickets stay while the
    // server sums them (the report reads the sums either way).
    sqlx::query("UPDATE office SET retention_days = 400").execute(&mut db).await?;
    let events = fill(&mut db, &days, per_day, &concerns, &languages, &zone).await?;
    sqlx::Connection::close(db).await?;
    let fill_s = filling.elapsed().as_secs_f64();

    progress!("starting the server on them (it sums every past day first)");
    // Summing a year at once, the first time, takes a while (a minute on PostgreSQL here).
    let server = binary.start_within(data.path(), 0, std::time::Duration::from_secs(600)).await?;
    let start_with_summing_s = server.start_time.as_secs_f64();
    let admin = Admin::sign_in(&server.url).await?;
    let range = format!("from={}&to={today}", days[0]);
    let mut reports = Vec::new();
    for _ in 0..REPORTS {
        let asked = Instant::now();
        let reply = admin.send(Method::GET, &format!("/statistics?{range}"), json!(null)).await?;
        reports.push(asked.elapsed());
        anyhow::ensure!(
            reply.body.contains("\"visitors\""),
            "not a report: {}",
            &reply.body[..200.min(reply.body.len())]
        );
    }
    let mut exports = Vec::new();
    let mut xlsx_bytes = 0;
    for _ in 0..3 {
        let asked = Instant::now();
        let reply = admin.send(Method::GET, &format!("/statistics/export.xlsx?{range}"), json!(null)).await?;
        exports.push(asked.elapsed());
        xlsx_bytes = reply.body.len();
    }
    server.stop().await?;
    Ok(StatisticsYear {
        tickets: per_day * days.len(),
        days: days.len(),
        events,
        fill_s: round2(fill_s),
        start_with_summing_s: round2(start_with_summing_s),
        year_report: Latency::of(&reports),
        year_xlsx: Latency::of(&exports),
        xlsx_bytes,
    })
}

/// The `count` Mondays to Fridays before `today`, oldest first.
fn working_days_before(today: Date, count: usize) -> Vec<Date> {
    let mut days = Vec::new();
    let mut day = today;
    while days.len() < count {
        day = day.yesterday().expect("a date after year 1");
        if !matches!(day.weekday(), Weekday::Saturday | Weekday::Sunday) {
            days.push(day);
        }
    }
    days.reverse();
    days
}

/// Rows are written in batches of this many, in one transaction per day.
const BATCH: usize = 200;

/// Writes the tickets and their events; returns how many events.
async fn fill(
    db: &mut AnyConnection,
    days: &[Date],
    per_day: usize,
    concerns: &[(String, String, Vec<String>)],
    languages: &[String],
    zone: &TimeZone,
) -> anyhow::Result<usize> {
    let mut events_written = 0;
    for day in days {
        let opens = day.at(8, 0, 0, 0).to_zoned_datetime(zone.clone())?.timestamp();
        let mut sequences: BTreeMap<&str, i64> = BTreeMap::new();
        let mut tickets = Vec::with_capacity(per_day);
        let mut events = Vec::with_capacity(per_day * 4);
        for n in 0..per_day {
            let (concern, prefix, items) = &concerns[below(concerns.len() as u64) as usize];
            let sequence = sequences.entry(concern).and_modify(|s| *s += 1).or_insert(1);
            // Arrivals over eight hours; waits up to an hour and a half; 2 to 30 minutes at
            // the counter.
            let issued = opens + SignedDuration::from_secs(below(8 * 3600) as i64);
            let waited = SignedDuration::from_secs(60 + below(90 * 60) as i64);
            let called = issued + waited;
            let started = called + SignedDuration::from_secs(20 + below(120) as i64);
            let finished = started + SignedDuration::from_secs(120 + below(28 * 60) as i64);
            let outcome = below(100);
            let status = match outcome {
                0..=6 => "no_show",
                7..=11 => "cancelled",
                _ => "finished",
            };
            let id = format!("y{}{n:06}", day.strftime("%Y%m%d"));
            let checklist: serde_json::Map<String, serde_json::Value> =
                items.iter().map(|item| (item.clone(), json!(below(10) > 0))).collect();
            let low = (waited.as_mins() / 10) * 10;
            tickets.push(format!(
                "('{id}', '{concern}', '{prefix}', {sequence}, '{day}', '{language}', '{checklist}', '{status}', \
                 '{issued_at}', {queued}, {low}, {high})",
                language = languages[below(languages.len() as u64) as usize],
                checklist = serde_json::Value::Object(checklist),
                issued_at = issued,
                queued = issued.as_millisecond(),
                high = low + 15,
            ));
            events.push(format!("('{id}', '{issued}', 'issued', '{{}}')"));
            match status {
                "cancelled" => events.push(format!("('{id}', '{called}', 'cancelled', '{{}}')")),
                "no_show" => {
                    events.push(format!("('{id}', '{called}', 'called', '{{\"counter\": \"counter-1\"}}')"));
                    events.push(format!("('{id}', '{started}', 'no_show', '{{}}')"));
                }
                _ => {
                    events.push(format!("('{id}', '{called}', 'called', '{{\"counter\": \"counter-1\"}}')"));
                    events.push(format!("('{id}', '{started}', 'started', '{{}}')"));
                    events.push(format!("('{id}', '{finished}', 'finished', '{{}}')"));
                }
            }
        }
        let mut tx = sqlx::Connection::begin(&mut *db).await?;
        for batch in tickets.chunks(BATCH) {
            let sql = format!(
                "INSERT INTO tickets (id, concern_id, prefix, sequence, service_day, language, checklist, status,
                                      issued_at, queued_at, estimate_min, estimate_max) VALUES {}",
                batch.join(", ")
            );
            sqlx::query(&sql).execute(&mut *tx).await.context("writing tickets")?;
        }
        for batch in events.chunks(BATCH) {
            let sql = format!("INSERT INTO ticket_events (ticket_id, at, kind, detail) VALUES {}", batch.join(", "));
            sqlx::query(&sql).execute(&mut *tx).await.context("writing events")?;
        }
        tx.commit().await?;
        events_written += events.len();
    }
    Ok(events_written)
}

impl StatisticsYear {
    /// The section of the benchmark report.
    pub fn markdown(&self, command: &str) -> String {
        format!(
            "## Statistics: a year of a busy office\n\n{command}\n\n\
             {tickets} tickets ({per_day} on each of {days} working days before today, {events} events) written \
             into the database in {fill} s; the server started on them in {start} s, summing every past day \
             first. Then the year's report (`GET /api/v1/statistics`, every table) {reports} times, and its XLSX \
             export ({bytes} bytes) 3 times:\n\n\
             | request | p50 ms | p90 ms | max ms |\n|---|---|---|---|\n\
             | year report | {r50} | {r90} | {rmax} |\n| year XLSX | {x50} | {x90} | {xmax} |\n\n\
             Target: the year's report in 200 ms or less.\n",
            tickets = self.tickets,
            per_day = self.tickets / self.days.max(1),
            days = self.days,
            events = self.events,
            fill = self.fill_s,
            start = self.start_with_summing_s,
            reports = self.year_report.samples,
            bytes = self.xlsx_bytes,
            r50 = self.year_report.p50_ms,
            r90 = self.year_report.p90_ms,
            rmax = self.year_report.max_ms,
            x50 = self.year_xlsx.p50_ms,
            x90 = self.year_xlsx.p90_ms,
            xmax = self.year_xlsx.max_ms,
        )
    }
}
