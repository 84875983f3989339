//! Appointments through the real API: booking them as a booking system does, checking in at
//! the kiosk (once, however often it is tried), the check-in window, the brake on guessing
//! references, and the call order with walk-ins.
//!
//! Each test moves the office into a time zone where it is around noon now, so that windows
//! of a few hours never cross midnight whenever the suite runs; the windows across midnight
//! and daylight-saving changes are unit tests of `appointment_window.rs`.

use std::collections::BTreeSet;

use jiff::{SignedDuration, Timestamp};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use willkommen_api as wire;

use crate::helpers::{Answer, Clerk, TestServer, assert_refused, assert_staff_ticket, id, slot_in};

const API: &str = "/api/v1";

/// An office that takes appointments, with the server's admin signed in.
struct Office {
    server: TestServer,
    admin: Clerk,
}

/// A fresh server whose office is at about noon now, takes appointments with `rules`.
async fn office_with(edit: impl FnOnce(&mut wire::AppointmentRules)) -> Office {
    let server = TestServer::fresh();
    let admin = server.admin().await;
    admin.take_appointments_at_noon(edit).await;
    Office { server, admin }
}

async fn office() -> Office {
    office_with(|_| {}).await
}

/// The demo office as it is (Europe/Berlin), taking appointments: for the import files, whose
/// times are Berlin's whenever the suite runs.
async fn office_in_berlin() -> Office {
    let server = TestServer::fresh();
    let admin = server.admin().await;
    admin.edit_and_publish(|office| office.appointments.enabled = true).await;
    Office { server, admin }
}

impl Office {
    async fn book(&self, reference: &str, minutes: i64, concern: &str) -> Answer {
        let body = json!({"slot": slot_in(minutes), "concern": concern});
        self.admin.send(Method::PUT, &format!("{API}/admin/appointments/{reference}"), Some(&body)).await
    }

    async fn booked(&self, reference: &str, minutes: i64, concern: &str) -> Value {
        let answer = self.book(reference, minutes, concern).await;
        assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
        answer.parse::<wire::Appointment>();
        answer.body
    }

    async fn look_up(&self, reference: &str) -> Answer {
        let kiosk = self.server.browser();
        kiosk.get(&format!("{API}/appointments/{reference}")).await
    }

    async fn check_in(&self, reference: &str) -> Answer {
        let kiosk = self.server.browser();
        kiosk.post(&format!("{API}/appointments/{reference}/check-in"), &json!({"language": "ar"})).await
    }

    async fn checked_in(&self, reference: &str) -> Value {
        let answer = self.check_in(reference).await;
        assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
        answer.parse::<wire::Ticket>();
        answer.body
    }

    async fn day(&self) -> Vec<wire::Appointment> {
        self.admin.get_as(&format!("{API}/admin/appointments")).await
    }
}

#[tokio::test]
async fn a_booking_system_creates_changes_and_cancels_appointments() {
    let office = office().await;

    let created = office.booked("B-1234", 60, "address-change").await;
    assert_eq!(created["reference"], "B-1234");
    assert_eq!(created["state"], "expected");
    assert_eq!(created["source"], "api");

    let again = office.book("B-1234", 60, "address-change").await;
    assert_eq!(again.status, StatusCode::OK, "the same booking again changes nothing: {}", again.body);
    let moved = office.book("b 1234", 90, "neue Adresse auf der Aufenthaltskarte").await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.body);
    assert_eq!(moved.body["concern"], "address-change", "a concern's German name is understood");
    assert_ne!(moved.body["slot"], created["slot"]);

    let day = office.day().await;
    assert_eq!(day.len(), 1, "a reference is one appointment per day: {day:?}");
    assert_eq!(day[0].slot, moved.body["slot"].as_str().unwrap());

    let date = &day[0].slot[..10];
    let cancelled =
        office.admin.send(Method::DELETE, &format!("{API}/admin/appointments/B1234?day={date}"), None).await;
    assert_eq!(cancelled.status, StatusCode::OK, "{}", cancelled.body);
    assert_eq!(cancelled.body["state"], "cancelled");
    let lookup = office.look_up("B-1234").await;
    assert_eq!(lookup.body["check_in"]["state"], "cancelled", "{}", lookup.body);
    assert_refused(&office.check_in("B-1234").await, StatusCode::CONFLICT, "appointment_closed");
}

#[tokio::test]
async fn every_bad_booking_is_refused_precisely_and_changes_nothing() {
    let office = office().await;
    let put = |reference: &str, body: Value| {
        let path = format!("{API}/admin/appointments/{reference}");
        let admin = office.admin.clone();
        async move { admin.send(Method::PUT, &path, Some(&body)).await }
    };

    let cases = [
        ("B1", json!({"slot": slot_in(10), "concern": "address-change"}), "invalid_field", "reference"),
        ("B1234", json!({"slot": "tomorrow", "concern": "address-change"}), "invalid_field", "slot"),
        ("B1234", json!({"slot": "2026-12-07", "concern": "address-change"}), "invalid_field", "start time"),
        ("B1234", json!({"slot": slot_in(10), "concern": "visa-for-mars"}), "unknown_concern", "visa-for-mars"),
        (
            "B1234",
            json!({"slot": slot_in(10), "concern": "address-change", "language": "xx"}),
            "invalid_field",
            "language",
        ),
        ("B1234", json!({"slot": slot_in(10), "concern": "address-change", "name": "Jane"}), "invalid_body", "name"),
    ];
    for (reference, body, code, mentions) in cases {
        let answer = put(reference, body.clone()).await;
        let status = if code == "invalid_body" { StatusCode::UNPROCESSABLE_ENTITY } else { answer.status };
        let refusal = assert_refused(&answer, status, code);
        assert!(refusal["message"].as_str().unwrap().contains(mentions), "{body} -> {refusal}");
        assert!(answer.status.is_client_error(), "{body} -> {}", answer.status);
    }
    assert!(office.day().await.is_empty(), "a refused booking stored nothing");

    let kiosk = office.server.browser();
    let anonymous = kiosk.send(Method::PUT, &format!("{API}/admin/appointments/B1234"), Some(&json!({}))).await;
    assert_refused(&anonymous, StatusCode::UNAUTHORIZED, "not_signed_in");
}

#[tokio::test]
async fn checking_in_gives_one_appointment_ticket_however_often_and_from_however_many_kiosks() {
    let office = office().await;
    office.booked("T-0815", 5, "address-change").await;

    let lookup = office.look_up("t0815").await;
    assert_eq!(lookup.status, StatusCode::OK, "{}", lookup.body);
    let lookup: wire::AppointmentLookup = lookup.parse();
    assert_eq!((lookup.reference.as_str(), lookup.check_in), ("T-0815", wire::CheckInState::Open));

    // Ten kiosks (or ten taps) at once.
    let path = format!("{API}/appointments/T 0815/check-in");
    let kiosks: Vec<_> = (0..10)
        .map(|_| {
            let (kiosk, path) = (office.server.browser(), path.clone());
            tokio::spawn(async move { kiosk.post(&path, &json!({"language": "ar"})).await })
        })
        .collect();
    let mut answers = Vec::new();
    for kiosk in kiosks {
        answers.push(kiosk.await.unwrap());
    }
    let created = answers.iter().filter(|answer| answer.status == StatusCode::CREATED).count();
    let ids: BTreeSet<&str> = answers.iter().map(|answer| id(&answer.body)).collect();
    assert_eq!((created, ids.len()), (1, 1), "{answers:?}");
    let ticket: wire::Ticket = answers[0].parse();
    assert_eq!(ticket.concern.0, "address-change");
    assert_eq!(ticket.language, "ar");
    assert_eq!(ticket.appointment.as_ref().map(|appointment| appointment.late), Some(false));

    let later = office.check_in("T-0815").await;
    assert_eq!((later.status, id(&later.body)), (StatusCode::OK, ticket.id.0.as_str()));
    let lookup: wire::AppointmentLookup = office.look_up("T-0815").await.parse();
    assert_eq!(lookup.check_in, wire::CheckInState::CheckedIn { ticket: ticket.id.clone() });
    let day = office.day().await;
    assert_eq!(day[0].state, wire::AppointmentState::CheckedIn);
    assert_eq!(day[0].ticket.as_ref(), Some(&ticket.number));

    let clerk = office.server.clerk().await;
    let queue = clerk.queue().await;
    assert_eq!(queue["waiting"].as_array().unwrap().len(), 1, "one ticket in the queue: {queue}");
    assert!(queue["waiting"][0]["appointment"]["slot"].is_string(), "staff see it is an appointment: {queue}");
}

#[tokio::test]
async fn too_early_says_from_when_and_too_late_gives_what_the_office_chose() {
    let office = office().await;
    office.booked("EARLY-1", 120, "address-change").await;
    office.booked("LATE-1", -20, "address-change").await;

    let early: wire::AppointmentLookup = office.look_up("EARLY-1").await.parse();
    let wire::CheckInState::TooEarly { opens_at } = &early.check_in else { panic!("{early:?}") };
    let opens: Timestamp = opens_at.parse().unwrap();
    let slot: Timestamp = early.slot.parse().unwrap();
    assert_eq!(slot.duration_since(opens), SignedDuration::from_mins(30));
    let too_early = office.check_in("EARLY-1").await;
    let refusal = assert_refused(&too_early, StatusCode::CONFLICT, "check_in_too_early");
    assert!(refusal["message"].as_str().unwrap().contains(&opens_at[..16]), "{refusal}");

    let late: wire::AppointmentLookup = office.look_up("LATE-1").await.parse();
    assert_eq!(late.check_in, wire::CheckInState::TooLate { late_arrival: wire::LateArrival::WalkIn });
    let ticket: wire::Ticket = office.checked_in("LATE-1").await.pipe_parse();
    assert_eq!(ticket.concern.0, "address-change");
    assert_eq!(ticket.appointment.map(|appointment| appointment.late), Some(true));
    let day = office.day().await;
    let late = day.iter().find(|appointment| appointment.reference == "LATE-1").unwrap();
    assert!(late.late && late.state == wire::AppointmentState::CheckedIn, "{late:?}");
}

#[tokio::test]
async fn an_office_can_send_late_arrivals_to_the_information_desk() {
    let office = office_with(|rules| rules.late_arrival = wire::LateArrival::InformationDesk).await;
    office.booked("LATE-2", -30, "address-change").await;

    let ticket: wire::Ticket = office.checked_in("LATE-2").await.pipe_parse();

    assert_eq!(ticket.concern.0, "information");
    assert!(ticket.checklist.is_empty(), "the booked concern's answers do not travel to another concern");
}

#[tokio::test]
async fn unknown_references_are_answered_kindly_and_guessing_many_is_slowed_down() {
    let office = office().await;
    office.booked("REAL-2024", 0, "address-change").await;

    for guess in ["NOPE-0001", "NOPE-0002", "x", "NOPE-0004", "NOPE-0005"] {
        assert_refused(&office.look_up(guess).await, StatusCode::NOT_FOUND, "unknown_appointment");
    }
    let kiosk = office.server.browser();
    let response = kiosk.client().get(office.server.at(&format!("{API}/appointments/REAL-2024"))).send().await.unwrap();
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS, "even a right reference waits now");
    let wait: u64 = response.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=30).contains(&wait), "Retry-After {wait}");
    assert_refused(&Answer::of(response).await, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts");
    assert_refused(&office.check_in("REAL-2024").await, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts");
}

#[tokio::test]
async fn due_appointments_go_ahead_of_walk_ins_and_early_ones_wait_their_turn() {
    let office = office_with(|rules| rules.check_in_opens_minutes = 120).await;
    let clerk = office.server.clerk().await;
    let walk_in_1 = office.server.issue_ticket("address-change", "de").await;
    office.booked("DUE-1", 1, "address-change").await;
    office.booked("SOON-1", 60, "address-change").await;
    let early = office.checked_in("SOON-1").await;
    let due = office.checked_in("DUE-1").await;
    let walk_in_2 = office.server.issue_ticket("address-change", "de").await;

    let walk_in_view = office.server.visitor_view(&walk_in_2).await;
    assert_eq!(walk_in_view["people_ahead"], 2, "the due appointment and the first walk-in: {walk_in_view}");

    let mut order = Vec::new();
    for _ in 0..4 {
        let called = clerk.called_next("counter-1").await;
        order.push(id(&called).to_owned());
        clerk.done(id(&called), "start").await;
        clerk.done(id(&called), "finish").await;
    }
    assert_eq!(order, [id(&due), id(&walk_in_1), id(&walk_in_2), id(&early)]);
}

#[tokio::test]
async fn with_a_share_every_second_call_is_a_walk_in_while_appointments_are_due() {
    let office = office_with(|rules| rules.walk_in_every = Some(2)).await;
    let clerk = office.server.clerk().await;
    let walk_in = office.server.issue_ticket("address-change", "de").await;
    for reference in ["DUE-1", "DUE-2"] {
        office.booked(reference, 0, "address-change").await;
    }
    let first = office.checked_in("DUE-1").await;
    let second = office.checked_in("DUE-2").await;

    let mut order = Vec::new();
    for _ in 0..3 {
        let called = clerk.called_next("counter-1").await;
        order.push(id(&called).to_owned());
        clerk.done(id(&called), "no-show").await;
    }
    assert_eq!(order, [id(&first), id(&walk_in), id(&second)]);
}

#[tokio::test]
async fn two_counters_calling_at_once_get_different_appointments() {
    let office = office().await;
    for reference in ["PAIR-1", "PAIR-2"] {
        office.booked(reference, 0, "address-change").await;
        office.checked_in(reference).await;
    }
    let (one, two) = (office.server.clerk().await, office.server.clerk().await);

    let (first, second) = tokio::join!(one.call_next("counter-1"), two.call_next("counter-2"));

    let (first, second) = (assert_staff_ticket(&first), assert_staff_ticket(&second));
    assert_ne!(id(first), id(second));
    assert!(first["appointment"].is_object() && second["appointment"].is_object());
}

#[tokio::test]
async fn service_names_of_a_booking_system_are_remembered_as_concerns() {
    let office = office().await;
    let mapping = json!([{"service": "Ummeldung (Wohnsitz)", "concern": "address-change"}]);
    let saved = office.admin.send(Method::PUT, &format!("{API}/admin/appointments/services"), Some(&mapping)).await;
    assert_eq!((saved.status, &saved.body), (StatusCode::OK, &mapping));

    let booked = office.booked("MAP-1", 30, "ummeldung (wohnsitz)").await;
    assert_eq!(booked["concern"], "address-change");

    let wrong = json!([{"service": "X", "concern": "visa-for-mars"}]);
    let refused = office.admin.send(Method::PUT, &format!("{API}/admin/appointments/services"), Some(&wrong)).await;
    assert_refused(&refused, StatusCode::UNPROCESSABLE_ENTITY, "unknown_concern");
    assert_eq!(office.admin.get_ok(&format!("{API}/admin/appointments/services")).await, mapping);
}

/// `value.pipe_parse()`: a JSON body as the web app's wire type.
trait PipeParse {
    fn pipe_parse<T: serde::de::DeserializeOwned>(self) -> T;
}

impl PipeParse for Value {
    fn pipe_parse<T: serde::de::DeserializeOwned>(self) -> T {
        serde_json::from_value(self).expect("the web app reads it")
    }
}

/// An import file from `tests/fixtures/appointments/`.
fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/appointments/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

impl Office {
    async fn import(&self, file: Vec<u8>, dry_run: bool) -> Answer {
        let url = self.server.at(&format!("{API}/admin/appointments/import?dry_run={dry_run}"));
        let request = self.admin.client().post(url).header("content-type", "text/csv").body(file);
        Answer::of(request.send().await.unwrap()).await
    }

    async fn imported(&self, file: Vec<u8>) -> wire::ImportReport {
        let answer = self.import(file, false).await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
        answer.parse()
    }

    async fn on(&self, day: &str) -> Vec<wire::Appointment> {
        self.admin.get_as(&format!("{API}/admin/appointments?day={day}")).await
    }

    async fn everything_booked(&self) -> Vec<wire::Appointment> {
        let mut all = Vec::new();
        for day in 7..=11 {
            all.extend(self.on(&format!("2026-12-{day:02}")).await);
        }
        all
    }
}

/// The services of `week.csv` that are not the demo office's concern names, mapped.
async fn map_the_week_services(office: &Office) {
    let mapping = json!([
        {"service": "Aufenthaltstitel – Verlängerung", "concern": "extend-residence-permit"},
        {"service": "Einbürgerung, Beratung", "concern": "information"},
        {"service": "Verpflichtungserklärung", "concern": "information"},
        {"service": "Übertragung des Aufenthaltstitels", "concern": "extend-residence-permit"},
    ]);
    let saved = office.admin.send(Method::PUT, &format!("{API}/admin/appointments/services"), Some(&mapping)).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
}

#[tokio::test]
async fn a_file_with_problems_is_refused_whole_with_every_problem_and_its_line() {
    let office = office_in_berlin().await;

    let answer = office.import(fixture("with-problems.csv"), false).await;

    let refusal = assert_refused(&answer, StatusCode::UNPROCESSABLE_ENTITY, "invalid_import");
    let problems: Vec<wire::ImportProblem> = serde_json::from_value(refusal["import_problems"].clone()).unwrap();
    let lines: Vec<u32> = problems.iter().map(|problem| problem.line).collect();
    assert_eq!(lines, [3, 4, 5, 6, 7, 8, 9, 10], "{problems:#?}");
    assert!(problems.iter().all(|problem| !problem.message.is_empty()));
    assert!(office.on("2026-12-07").await.is_empty(), "the good line 2 was not imported either");

    let unmapped = office.import(fixture("week.csv"), false).await;
    let refusal = assert_refused(&unmapped, StatusCode::UNPROCESSABLE_ENTITY, "invalid_import");
    let unknown: BTreeSet<&str> = refusal["import_problems"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|problem| problem["unknown_service"].as_str())
        .collect();
    assert_eq!(
        unknown,
        BTreeSet::from([
            "Aufenthaltstitel – Verlängerung",
            "Einbürgerung, Beratung",
            "Verpflichtungserklärung",
            "Übertragung des Aufenthaltstitels"
        ])
    );
    assert!(office.everything_booked().await.is_empty());
}

#[tokio::test]
async fn importing_again_changes_nothing_and_a_later_file_moves_and_cancels() {
    let office = office_in_berlin().await;
    map_the_week_services(&office).await;

    let preview = office.import(fixture("week.csv"), true).await;
    let preview: wire::ImportReport = preview.parse();
    assert_eq!((preview.created, preview.dry_run), (10, true), "{preview:?}");
    assert!(office.everything_booked().await.is_empty(), "a dry run stores nothing");

    let first = office.imported(fixture("week.csv")).await;
    assert_eq!((first.created, first.updated, first.cancelled), (10, 0, 0), "{first:?}");
    assert_eq!(first.days, ["2026-12-07", "2026-12-08", "2026-12-09", "2026-12-10", "2026-12-11"]);
    let booked = office.everything_booked().await;
    assert_eq!(booked.len(), 10, "two cancellations of bookings never seen are not stored: {booked:#?}");
    let b1001: Vec<_> = booked.iter().filter(|appointment| appointment.reference == "B-1001").collect();
    assert_eq!(b1001.len(), 2, "the same reference on two days is two appointments");
    assert!(booked.iter().all(|appointment| appointment.source == "import"));
    assert_eq!(booked[0].language.as_deref(), Some("ar"));

    let again = office.imported(fixture("week.csv")).await;
    assert_eq!((again.created, again.updated, again.cancelled, again.unchanged), (0, 0, 0, 12), "{again:?}");
    let as_calendar = office.imported(fixture("week.ics")).await;
    assert_eq!((as_calendar.created, as_calendar.updated, as_calendar.unchanged), (0, 0, 12), "{as_calendar:?}");

    let week = String::from_utf8(fixture("week.csv")).unwrap();
    let later: String = week
        .lines()
        .filter(|line| !line.starts_with("B-1004,"))
        .map(|line| match line {
            moved if moved.starts_with("B-1002,") => moved.replace("09:00", "09:40"),
            cancelled if cancelled.starts_with("B-1006,") => cancelled.replace("confirmed", "cancelled"),
            other => other.to_owned(),
        })
        .map(|line| line + "\n")
        .collect();
    let changes = office.imported(later.into_bytes()).await;
    assert_eq!((changes.updated, changes.cancelled, changes.created), (1, 2, 0), "{changes:?}");

    let booked = office.everything_booked().await;
    let state_of = |reference: &str| {
        let appointment = booked.iter().find(|appointment| appointment.reference == reference).unwrap();
        (appointment.slot[11..16].to_owned(), appointment.state)
    };
    assert_eq!(state_of("B-1002"), ("09:40".to_owned(), wire::AppointmentState::Expected));
    assert_eq!(state_of("B-1004").1, wire::AppointmentState::Cancelled, "no longer listed for its day");
    assert_eq!(state_of("B-1006").1, wire::AppointmentState::Cancelled);
    assert_eq!(state_of("B-1005").1, wire::AppointmentState::Expected);
}

#[tokio::test]
async fn old_appointments_lose_their_reference_and_later_disappear_as_tickets_do() {
    let data = tempfile::tempdir().unwrap();
    let server = TestServer::start(data.path());
    let admin = server.admin().await;
    admin.edit_and_publish(|office| office.appointments.enabled = true).await;
    let office = Office { server, admin };
    for reference in ["KEEP-1", "OLD-1", "GONE-1"] {
        let body = json!({"slot": slot_in(60), "concern": "address-change", "language": "ar"});
        let answer =
            office.admin.send(Method::PUT, &format!("{API}/admin/appointments/{reference}"), Some(&body)).await;
        assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
    }
    office.server.stop();
    // The demo office keeps 30 days: one appointment is 40 days old, one 70.
    let days_ago = |days: i64| {
        let then = Timestamp::now() - SignedDuration::from_hours(24 * days);
        then.to_zoned_datetime(jiff::tz::TimeZone::get("Europe/Berlin").unwrap()).date().to_string()
    };
    crate::helpers::edit_database(
        data.path(),
        &[
            &format!("UPDATE appointments SET service_day = '{}' WHERE reference = 'OLD-1'", days_ago(40)),
            &format!("UPDATE appointments SET service_day = '{}' WHERE reference = 'GONE-1'", days_ago(70)),
        ],
    )
    .await;

    let server = TestServer::start(data.path()); // retention runs at start
    let admin = server.admin().await;
    let on = |day: String| {
        let admin = admin.clone();
        async move { admin.get_as::<Vec<wire::Appointment>>(&format!("{API}/admin/appointments?day={day}")).await }
    };
    let old = on(days_ago(40)).await;
    let gone = on(days_ago(70)).await;
    let recent = office_today(&admin).await;

    assert_eq!(old.len(), 1);
    assert_eq!((old[0].reference.as_str(), old[0].language.as_deref()), ("~", None), "{old:?}");
    assert!(gone.is_empty(), "{gone:?}");
    assert!(recent.iter().any(|appointment| appointment.reference == "KEEP-1" && appointment.language.is_some()));
}

/// Today's (or, just before midnight, tomorrow's) appointments, wherever the slot fell.
async fn office_today(admin: &Clerk) -> Vec<wire::Appointment> {
    let mut all: Vec<wire::Appointment> = admin.get_as(&format!("{API}/admin/appointments")).await;
    let tomorrow = (Timestamp::now() + SignedDuration::from_hours(24))
        .to_zoned_datetime(jiff::tz::TimeZone::get("Europe/Berlin").unwrap())
        .date();
    all.extend(admin.get_as::<Vec<wire::Appointment>>(&format!("{API}/admin/appointments?day={tomorrow}")).await);
    all
}
