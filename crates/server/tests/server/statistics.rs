//! The statistics (docs/statistics.md): a simulated office day with known outcomes, run
//! through the real server on a clock the test moves (libfaketime, in strides the office
//! clock follows), then every figure read back from the report, the CSV and the XLSX: the
//! same day, after it was summed, and after its tickets were deleted.

use std::io::Cursor;

use calamine::{Data, DataType, Reader, Xlsx};
use jiff::{SignedDuration, Timestamp};
use reqwest::StatusCode;
use serde_json::{Value, json};
use willkommen_api as wire;

use crate::clock::FakeClock;
use crate::helpers::{TestServer, assert_refused, data_folder_with, id};

const DAY: &str = "2026-03-10";

/// `HH:MM` or `HH:MM:SS` on the simulated day, Berlin time. The script's durations end half
/// a minute past the minute, so that the fake clock's second of jitter cannot change their
/// whole minutes.
fn at(time: &str) -> Timestamp {
    let seconds = if time.len() == 5 { ":00" } else { "" };
    format!("{DAY}T{time}{seconds}+01:00").parse().unwrap()
}

/// The clock of one server, moved forward in strides of at most 100 s with a request in
/// between, which the office clock follows as NTP slews instead of holding them as steps.
struct Simulation {
    clock: FakeClock,
    now: Timestamp,
}

impl Simulation {
    async fn until(&mut self, server: &TestServer, time: &str) {
        self.until_moment(server, at(time)).await;
    }

    async fn until_moment(&mut self, server: &TestServer, target: Timestamp) {
        while self.now < target {
            self.now = (self.now + SignedDuration::from_secs(100)).min(target);
            self.clock.set(self.now);
            assert_eq!(server.get_json("/api/v1/kiosk").await.status, StatusCode::OK);
        }
    }
}

fn ticket(concern: &str, language: &str, missing: &[&str], items: &[&str]) -> Value {
    let checklist: serde_json::Map<String, Value> =
        items.iter().map(|item| ((*item).to_owned(), json!(!missing.contains(item)))).collect();
    json!({"concern": concern, "language": language, "checklist": checklist})
}

const ADDRESS_ITEMS: [&str; 3] = ["residence-card", "passport", "registration-certificate"];
const CARD_ITEMS: [&str; 3] = ["police-report", "passport", "biometric-photo"];

/// One figure: the cell in `column` of the row whose cells match `key`.
pub fn figure(report: &wire::StatisticsReport, table: &str, key: &[(&str, &str)], column: &str) -> wire::Cell {
    let table = report.table(table).unwrap_or_else(|| panic!("no table {table}"));
    let row = table
        .rows
        .iter()
        .find(|row| key.iter().all(|(name, value)| table.cell(row, name).and_then(wire::Cell::as_text) == Some(*value)))
        .unwrap_or_else(|| panic!("no row {key:?} in {}: {:?}", table.id, table.rows));
    table.cell(row, column).unwrap_or_else(|| panic!("no column {column} in {}", table.id)).clone()
}

fn number(cell: wire::Cell) -> f64 {
    cell.as_f64().unwrap_or_else(|| panic!("not a number: {cell:?}"))
}

/// Every figure the simulated day must show.
fn assert_the_day(report: &wire::StatisticsReport, when: &str) {
    let all = [("concern", "*"), ("booking", "all")];
    let address = [("concern", "address-change"), ("booking", "all")];
    let card = [("concern", "lost-or-stolen-card"), ("booking", "all")];
    let count = |table, key: &[(&str, &str)], column| number(figure(report, table, key, column));
    assert!(!report.has_appointments, "{when}");
    for (column, expected) in [
        ("issued", 4.0),
        ("served", 2.0),
        ("no_show", 1.0),
        ("cancelled", 1.0),
        ("transferred", 1.0),
        ("unserved", 0.0),
    ] {
        assert_eq!(count("visitors", &all, column), expected, "{when}: all {column}");
    }
    assert_eq!(count("visitors", &address, "issued"), 3.0, "{when}");
    assert_eq!(count("visitors", &address, "transferred"), 1.0, "{when}");
    assert_eq!(count("visitors", &card, "cancelled"), 1.0, "{when}");
    assert_eq!(count("visitors", &card, "turned_away"), 1.0, "{when}");
    // B said the registration certificate was missing: 2 of 3 had everything at hand.
    assert_eq!(count("visitors", &address, "complete_documents"), 0.667, "{when}");

    // Waits 20.5, 30.5 and 5.5 minutes; walks 1.5 and 0.5; services 10.5 and 24.5 (D's
    // from its first start to its last finish).
    let minutes = |column| count("waiting", &address, column);
    assert_eq!(minutes("waited"), 3.0, "{when}");
    assert!((minutes("wait_mean") - 18.8).abs() <= 0.1, "{when}: wait_mean {}", minutes("wait_mean"));
    assert_eq!((minutes("wait_median"), minutes("wait_p90")), (20.0, 30.0), "{when}");
    assert!((minutes("wait_max") - 30.5).abs() <= 0.1, "{when}");
    assert!((minutes("walk_mean") - 1.0).abs() <= 0.1, "{when}: walk {}", minutes("walk_mean"));
    assert_eq!(minutes("served_timed"), 2.0, "{when}");
    assert!((minutes("service_mean") - 17.5).abs() <= 0.1, "{when}");
    assert_eq!(minutes("service_median"), 10.0, "{when}");

    let hour = |concern: &str, hour: &str, column| {
        let hours = report.table("hours").unwrap();
        let row = hours
            .rows
            .iter()
            .find(|row| {
                hours.cell(row, "concern").and_then(wire::Cell::as_text) == Some(concern)
                    && hours.cell(row, "hour").and_then(wire::Cell::as_f64) == hour.parse().ok()
            })
            .unwrap_or_else(|| panic!("{when}: no hour {hour} of {concern}: {:?}", hours.rows));
        number(hours.cell(row, column).unwrap().clone())
    };
    assert_eq!((hour("*", "8", "arrivals"), hour("*", "8", "most_waiting")), (3.0, 3.0), "{when}");
    assert_eq!((hour("*", "9", "arrivals"), hour("*", "9", "most_waiting")), (1.0, 1.0), "{when}");

    let language = |language: &str| count("languages", &[("concern", "*"), ("language", language)], "visitors");
    assert_eq!((language("uk"), language("ar"), language("de")), (2.0, 1.0, 1.0), "{when}");
    let document =
        |column| count("documents", &[("concern", "address-change"), ("item", "registration-certificate")], column);
    assert_eq!((document("asked"), document("missing")), (3.0, 1.0), "{when}");
    assert_eq!(
        figure(report, "quotas", &[("concern", "lost-or-stolen-card")], "ran_out_at"),
        wire::Cell::Text("08:10".into()),
        "{when}"
    );
    assert_eq!(count("turned_away", &[("concern", "lost-or-stolen-card"), ("reason", "quota")], "visitors"), 1.0);
    let under_five = count("wait_distribution", &[], "visitors");
    assert_eq!(under_five, 0.0, "{when}: nobody waited under 5 whole minutes (D waited 5)");
    let days = report.table("days").unwrap();
    assert_eq!(days.rows.len(), 1, "{when}");
}

async fn report_of(server: &TestServer) -> wire::StatisticsReport {
    server.admin().await.get_as(&format!("/api/v1/statistics?from={DAY}&to={DAY}")).await
}

#[tokio::test]
async fn a_simulated_day_gives_every_figure_and_keeps_it_after_its_tickets_are_gone() {
    let Some(clock) = FakeClock::at(at("07:59")) else { return };
    // One ticket a day for lost cards, so the first of them uses the quota up.
    let data = data_folder_with(&["UPDATE concerns SET daily_quota = 1 WHERE id = 'lost-or-stolen-card'"]).await;
    let server = clock.start(data.path());
    let mut day = Simulation { clock, now: at("07:59") };
    let clerk = server.clerk().await;

    day.until(&server, "08:00").await;
    let a = server.issue_ticket_with(&ticket("address-change", "uk", &[], &ADDRESS_ITEMS)).await;
    day.until(&server, "08:05").await;
    let b =
        server.issue_ticket_with(&ticket("address-change", "ar", &["registration-certificate"], &ADDRESS_ITEMS)).await;
    day.until(&server, "08:10").await;
    let c = server.issue_ticket_with(&ticket("lost-or-stolen-card", "de", &["police-report"], &CARD_ITEMS)).await;
    day.until(&server, "08:20:30").await;
    assert_eq!(id(&clerk.called_next("counter-1").await), id(&a));
    day.until(&server, "08:22").await;
    clerk.done(id(&a), "start").await;
    day.until(&server, "08:32:30").await;
    clerk.done(id(&a), "finish").await;
    day.until(&server, "08:35:30").await;
    assert_eq!(id(&clerk.called_next("counter-1").await), id(&b));
    day.until(&server, "08:36").await;
    clerk.done(id(&b), "no-show").await;
    day.until(&server, "08:40").await;
    assert_eq!(server.cancel(id(&c)).await.status, StatusCode::OK);
    day.until(&server, "08:45").await;
    let turned_away = json!({"concern": "lost-or-stolen-card", "reason": "quota"});
    assert_eq!(server.browser().post("/api/v1/kiosk/turned-away", &turned_away).await.status, StatusCode::NO_CONTENT);
    day.until(&server, "09:10").await;
    let d = server.issue_ticket_with(&ticket("address-change", "uk", &[], &ADDRESS_ITEMS)).await;
    day.until(&server, "09:15:30").await;
    assert_eq!(id(&clerk.called_next("counter-1").await), id(&d));
    day.until(&server, "09:16").await;
    clerk.done(id(&d), "start").await;
    day.until(&server, "09:20").await;
    assert_eq!(clerk.transfer(id(&d), "lost-or-stolen-card").await.status, StatusCode::OK);
    day.until(&server, "09:25:30").await;
    assert_eq!(id(&clerk.called_next("counter-1").await), id(&d));
    day.until(&server, "09:26").await;
    clerk.done(id(&d), "start").await;
    day.until(&server, "09:40:30").await;
    clerk.done(id(&d), "finish").await;

    assert_the_day(&report_of(&server).await, "the same day, from its tickets");
    let url = format!("{}/api/v1/statistics/export.csv?from={DAY}&to={DAY}&table=waiting", server.url());
    let csv = server.admin().await.client().get(url).send().await.unwrap().text().await.unwrap();
    assert_csv_matches(&csv, report_of(&server).await.table("waiting").unwrap());
    let unknown = server.admin().await.get(&format!("/api/v1/statistics/export.csv?from={DAY}&to={DAY}&table=x")).await;
    assert_refused(&unknown, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field");
    let backwards = server.admin().await.get(&format!("/api/v1/statistics?from={DAY}&to=2026-03-01")).await;
    assert_refused(&backwards, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field");
    let staff = server.clerk().await.get(&format!("/api/v1/statistics?from={DAY}&to={DAY}")).await;
    assert_refused(&staff, StatusCode::FORBIDDEN, "forbidden");
    server.stop();

    // The next morning the day is summed (retention runs at start) ...
    day.clock.set(at("08:00") + SignedDuration::from_hours(24));
    let server = day.clock.start(data.path());
    assert_the_day(&report_of(&server).await, "the next day, summed");
    server.stop();
    // ... and 61 days later its tickets are gone (the demo office keeps them 30 + 30 days,
    // counted back from the newest ticket, so one is issued first).
    day.clock.set(at("08:00") + SignedDuration::from_hours(24 * 61));
    day.clock.start(data.path()).issue_ticket("address-change", "de").await;
    let server = day.clock.start(data.path());
    assert_eq!(server.get_json(&format!("/api/v1/tickets/{}", id(&a))).await.status, StatusCode::NOT_FOUND);
    let report = report_of(&server).await;
    assert_the_day(&report, "after the tickets were deleted");
    // The whole of March, which is over: read from its month's sums, the same figures.
    let march: wire::StatisticsReport =
        server.admin().await.get_as("/api/v1/statistics?from=2026-03-01&to=2026-03-31").await;
    let all = [("concern", "*"), ("booking", "all")];
    for (table, column, expected) in [
        ("visitors", "issued", 4.0),
        ("visitors", "transferred", 1.0),
        ("waiting", "wait_median", 20.0),
        ("waiting", "wait_p90", 30.0),
    ] {
        assert_eq!(number(figure(&march, table, &all, column)), expected, "March: {table}.{column}");
    }
    assert_eq!(number(figure(&march, "languages", &[("concern", "*"), ("language", "uk")], "visitors")), 2.0);
    assert_eq!(march.table("days").unwrap().rows.len(), 31);
    // Around it: the days at either end and March's sums between them, still counted once.
    let part: wire::StatisticsReport =
        server.admin().await.get_as("/api/v1/statistics?from=2026-02-20&to=2026-04-05").await;
    assert_eq!(number(figure(&part, "visitors", &all, "issued")), 4.0);
    let admin = server.admin().await;
    let url = format!("{}/api/v1/statistics/export.xlsx?from={DAY}&to={DAY}", server.url());
    let xlsx = admin.client().get(url).send().await.unwrap();
    assert_eq!(xlsx.status(), StatusCode::OK);
    let disposition = xlsx.headers()["content-disposition"].to_str().unwrap().to_owned();
    assert!(
        disposition.contains("willkommen-auslaenderbehoerde-musterstadt-2026-03-10-2026-03-10.xlsx"),
        "{disposition}"
    );
    assert_spreadsheet_matches(&xlsx.bytes().await.unwrap(), &report);
    server.stop();
}

/// Every sheet of the XLSX has the report's table, cell by cell.
fn assert_spreadsheet_matches(bytes: &[u8], report: &wire::StatisticsReport) {
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    for table in &report.tables {
        let sheet = workbook.worksheet_range(&table.id).unwrap_or_else(|error| panic!("sheet {}: {error}", table.id));
        let mut rows = sheet.rows();
        let headings: Vec<String> = rows.next().unwrap().iter().map(ToString::to_string).collect();
        let expected: Vec<&str> = table.columns.iter().map(|column| column.id.as_str()).collect();
        assert_eq!(headings, expected, "{}", table.id);
        let found: Vec<&[Data]> = rows.collect();
        assert_eq!(found.len(), table.rows.len(), "{}", table.id);
        for (cells, row) in found.iter().zip(&table.rows) {
            for ((cell, expected), column) in cells.iter().zip(row).zip(&table.columns) {
                match (expected, column.kind) {
                    (wire::Cell::Empty, _) => assert_eq!(cell, &Data::Empty, "{}.{}", table.id, column.id),
                    (wire::Cell::Text(text), wire::ColumnKind::Date | wire::ColumnKind::Time) => {
                        let Data::DateTime(serial) = cell else { panic!("{}.{}: {cell:?}", table.id, column.id) };
                        assert_eq!(serial.as_f64(), excel_serial(text), "{}.{}", table.id, column.id);
                    }
                    (wire::Cell::Text(text), _) => assert_eq!(cell.to_string(), *text, "{}.{}", table.id, column.id),
                    (number, _) => assert_eq!(cell.as_f64(), number.as_f64(), "{}.{}", table.id, column.id),
                }
            }
        }
    }
}

/// A date (`YYYY-MM-DD`, days since 1899-12-30) or a time of day (`HH:MM`, a fraction of a
/// day) as a spreadsheet counts it.
fn excel_serial(text: &str) -> f64 {
    if let Some((hour, minute)) = text.split_once(':') {
        return (hour.parse::<f64>().unwrap() * 60.0 + minute.parse::<f64>().unwrap()) / 1440.0;
    }
    let date: jiff::civil::Date = text.parse().unwrap();
    f64::from((date - jiff::civil::date(1899, 12, 30)).get_days())
}

/// The CSV has the table's headings and cells, `;` between them, after a byte-order mark.
fn assert_csv_matches(csv: &str, table: &wire::StatisticsTable) {
    let csv = csv.strip_prefix('\u{feff}').expect("a byte-order mark");
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(csv.as_bytes());
    let headings: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
    assert_eq!(headings, table.columns.iter().map(|column| column.id.clone()).collect::<Vec<_>>());
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), table.rows.len());
    for (record, row) in records.iter().zip(&table.rows) {
        for (field, cell) in record.iter().zip(row) {
            match cell {
                wire::Cell::Empty => assert_eq!(field, ""),
                wire::Cell::Text(text) => assert_eq!(field, text),
                number => assert_eq!(field.parse::<f64>().ok(), number.as_f64()),
            }
        }
    }
}

#[tokio::test]
async fn a_statistics_account_reads_the_figures_and_the_live_board_but_serves_nobody() {
    let data = tempfile::tempdir().unwrap();
    let server = TestServer::start(data.path());
    let admin = server.admin().await;
    let account = json!({"username": "leitung", "display_name": "Amtsleitung", "role": "statistics",
                         "password": "statistik-lesen"});
    assert_eq!(admin.post("/api/v1/admin/accounts", &account).await.status, StatusCode::CREATED);
    let ticket = server.issue_ticket("address-change", "de").await;
    let head = server.signed_in("leitung", "statistik-lesen").await;

    let today = Timestamp::now().in_tz("Europe/Berlin").unwrap().date();
    let report: wire::StatisticsReport = head.get_as(&format!("/api/v1/statistics?from={today}&to={today}")).await;
    assert_eq!(number(figure(&report, "visitors", &[("concern", "*"), ("booking", "all")], "issued")), 1.0);
    let board: wire::LiveBoard = head.get_as("/api/v1/statistics/live").await;
    assert_eq!(board.waiting, 1);
    assert_refused(&head.get("/api/v1/queue").await, StatusCode::FORBIDDEN, "forbidden");
    assert_refused(&head.call_next("counter-1").await, StatusCode::FORBIDDEN, "forbidden");
    assert_refused(&head.call(id(&ticket), "counter-1").await, StatusCode::FORBIDDEN, "forbidden");
    assert_refused(&head.get("/api/v1/admin/draft").await, StatusCode::FORBIDDEN, "forbidden");
    assert_refused(&server.clerk().await.get("/api/v1/statistics/live").await, StatusCode::FORBIDDEN, "forbidden");
    server.stop();
}

#[tokio::test]
async fn the_desks_see_a_concern_over_its_target_wait() {
    let data = data_folder_with(&[
        "UPDATE concerns SET target_wait_minutes = 30 WHERE id = 'address-change'",
        "UPDATE concerns SET target_wait_minutes = 30 WHERE id = 'lost-or-stolen-card'",
    ])
    .await;
    let server = TestServer::start(data.path());
    let waiting_long = server.issue_ticket("address-change", "de").await;
    server.issue_ticket("lost-or-stolen-card", "de").await;
    server.stop();
    // The first visitor has waited 31 minutes, the second just arrived.
    let long_ago = Timestamp::now() - SignedDuration::from_mins(31);
    crate::helpers::edit_database(
        data.path(),
        &[&format!("UPDATE tickets SET queued_at = {} WHERE id = '{}'", long_ago.as_millisecond(), id(&waiting_long))],
    )
    .await;
    let server = TestServer::start(data.path());

    let queue = server.clerk().await.queue().await;
    assert_eq!(
        queue["over_target"],
        json!([{"concern": "address-change", "longest_wait_minutes": 31, "target_wait_minutes": 30}])
    );
    let board: wire::LiveBoard = server.admin().await.get_as("/api/v1/statistics/live").await;
    let level = |concern: &str| board.concerns.iter().find(|c| c.concern.as_str() == concern).unwrap().level;
    assert_eq!(
        (level("address-change"), level("lost-or-stolen-card")),
        (wire::TargetLevel::Red, wire::TargetLevel::Ok)
    );
    assert_eq!(board.longest_wait_minutes, 31);
    server.stop();
}

/// The two days a year whose clocks jump: a wait is the time that passed, not the difference
/// of the clock readings, and the hours are the office's clock.
#[tokio::test]
async fn the_days_the_clocks_change_count_real_minutes() {
    // 29 March 2026: 02:00 CET becomes 03:00 CEST. 25 October 2026: 03:00 CEST becomes 02:00 CET.
    let spring = ("2026-03-29", "2026-03-29T01:50:00+01:00", "2026-03-29T03:10:30+02:00", [1, 3]);
    let autumn = ("2026-10-25", "2026-10-25T02:50:00+02:00", "2026-10-25T02:10:30+01:00", [2, 2]);
    for (day, issue, call, [arrival_hour, call_hour]) in [spring, autumn] {
        let (issue, call): (Timestamp, Timestamp) = (issue.parse().unwrap(), call.parse().unwrap());
        let Some(clock) = FakeClock::at(issue - SignedDuration::from_mins(1)) else { return };
        let data = tempfile::tempdir().unwrap();
        let server = clock.start(data.path());
        let mut simulation = Simulation { clock, now: issue - SignedDuration::from_mins(1) };
        simulation.until_moment(&server, issue).await;
        let ticket = server.issue_ticket("address-change", "de").await;
        simulation.until_moment(&server, call).await;
        assert_eq!(id(&server.clerk().await.called_next("counter-1").await), id(&ticket));

        let report: wire::StatisticsReport =
            server.admin().await.get_as(&format!("/api/v1/statistics?from={day}&to={day}")).await;
        let all = [("concern", "*"), ("booking", "all")];
        let wait = number(figure(&report, "waiting", &all, "wait_mean"));
        assert!((wait - 20.5).abs() <= 0.1, "{day}: waited {wait} minutes");
        let hours = report.table("hours").unwrap();
        let rows: Vec<(f64, f64, f64)> = hours
            .rows
            .iter()
            .filter(|row| hours.cell(row, "concern").and_then(wire::Cell::as_text) == Some("*"))
            .map(|row| {
                let cell = |column| hours.cell(row, column).and_then(wire::Cell::as_f64).unwrap();
                (cell("hour"), cell("arrivals"), cell("most_waiting"))
            })
            .collect();
        let expected: Vec<(f64, f64, f64)> = if arrival_hour == call_hour {
            vec![(f64::from(arrival_hour), 1.0, 1.0)]
        } else {
            // Spring: the hour from 2 to 3 does not exist that day.
            vec![(f64::from(arrival_hour), 1.0, 1.0), (f64::from(call_hour), 0.0, 1.0)]
        };
        assert_eq!(rows, expected, "{day}");
        server.stop();
    }
}

/// A visitor with an appointment is counted apart from the walk-ins, and waits from the
/// slot when they came early.
#[tokio::test]
async fn appointments_are_reported_apart_and_wait_from_their_slot() {
    let Some(clock) = FakeClock::at(at("09:00")) else { return };
    let data = tempfile::tempdir().unwrap();
    let server = clock.start(data.path());
    let mut day = Simulation { clock, now: at("09:00") };
    let admin = server.admin().await;
    admin.edit_and_publish(|office| office.appointments.enabled = true).await;
    let slot = json!({"slot": "2026-03-10T09:30:00+01:00", "concern": "address-change"});
    assert_eq!(
        admin.send(reqwest::Method::PUT, "/api/v1/admin/appointments/T-4711", Some(&slot)).await.status,
        StatusCode::CREATED
    );
    let walk_in = server.issue_ticket_with(&ticket("address-change", "tr", &[], &ADDRESS_ITEMS)).await;
    day.until(&server, "09:10").await;
    let check_in = server.browser().post("/api/v1/appointments/T-4711/check-in", &json!({"language": "ar"})).await;
    assert_eq!(check_in.status, StatusCode::CREATED, "{}", check_in.body);
    let clerk = server.clerk().await;
    day.until(&server, "09:20:30").await;
    assert_eq!(id(&clerk.called_next("counter-1").await), id(&walk_in));
    day.until(&server, "09:40:30").await;
    assert_eq!(id(&clerk.called_next("counter-2").await), id(&check_in.body));

    let report = report_of(&server).await;
    assert!(report.has_appointments);
    let rows = |booking: &str| {
        let key = [("concern", "address-change"), ("booking", booking)];
        (number(figure(&report, "visitors", &key, "issued")), number(figure(&report, "waiting", &key, "wait_median")))
    };
    // The walk-in waited 20 minutes from 09:00; the appointment 10 from its slot, not 30
    // from its check-in.
    assert_eq!((rows("walk_in"), rows("appointment"), rows("all")), ((1.0, 20.0), (1.0, 10.0), (2.0, 10.0)));
    server.stop();
}
