//! The visitors' phones follow their tickets through one reader per server (see the server's
//! `api/ticket_feed.rs`): what each phone's stream shows must stay exactly what
//! `GET /tickets/{id}` shows, whatever happens in the queue.

use std::time::{Duration, Instant};

use jiff::{SignedDuration, Timestamp};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{SseReader, TestServer, id};

const API: &str = "/api/v1";

/// How long a phone's stream stays silent before it counts as having said all.
const QUIET: Duration = Duration::from_millis(300);
/// How long a phone may take to show what the API shows.
const PATIENCE: Duration = Duration::from_secs(5);

/// One phone following its ticket, with the last ticket its stream showed.
struct Phone {
    ticket: String,
    stream: SseReader,
    shown: Option<Value>,
}

impl Phone {
    async fn open(server: &TestServer, ticket: &Value) -> Self {
        let stream = server.open_stream(&format!("{API}/tickets/{}/events", id(ticket)), None).await;
        Self { ticket: id(ticket).to_owned(), stream, shown: None }
    }

    /// Reads every event until the stream has been quiet for a while; then the last one must
    /// be what `GET /tickets/{id}` shows (a phone shows the last ticket it was sent). A slow
    /// server gets more quiet spells, up to the patience; a wrong last word fails.
    async fn shows_what_the_api_shows(&mut self, server: &TestServer) {
        let started = Instant::now();
        loop {
            while let Some(event) = self.stream.next_within(QUIET).await {
                assert_eq!(event.event, "ticket");
                self.shown = Some(serde_json::from_str(&event.data).expect("a ticket's JSON"));
            }
            let api = server.visitor_view(&json!({"id": self.ticket})).await;
            if self.shown.as_ref() == Some(&api) {
                return;
            }
            assert!(
                started.elapsed() < PATIENCE,
                "the phone of {} shows {:#?}\nbut GET /tickets/{} shows {api:#?}",
                self.ticket,
                self.shown,
                self.ticket
            );
        }
    }
}

/// A moment `minutes` from now, as a booking system sends it.
fn slot_in(minutes: i64) -> String {
    (Timestamp::now() + SignedDuration::from_mins(minutes)).round(jiff::Unit::Second).unwrap().to_string()
}

#[tokio::test]
async fn every_phone_shows_what_the_api_shows_through_calls_appointments_and_several_queues() {
    let server = TestServer::fresh();
    let admin = server.admin().await;
    // Noon at the office, whenever the suite runs, and check-in two hours ahead.
    let utc_hour = i64::from(Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).hour());
    let zone = match (12 - utc_hour).clamp(-12, 14) {
        0 => "Etc/GMT".to_owned(),
        ahead if ahead > 0 => format!("Etc/GMT-{ahead}"),
        behind => format!("Etc/GMT+{}", -behind),
    };
    admin
        .edit_and_publish(|office| {
            office.time_zone = zone;
            office.appointments.enabled = true;
            office.appointments.check_in_opens_minutes = 120;
        })
        .await;
    let clerk = server.clerk().await;
    // Services take time, so waits are estimated and walk-ins count appointments due meanwhile.
    for _ in 0..2 {
        let served = server.issue_ticket("address-change", "de").await;
        let called = clerk.called_next("counter-1").await;
        assert_eq!(called["id"], served["id"]);
        clerk.done(id(&served), "start").await;
        tokio::time::sleep(Duration::from_millis(300)).await;
        clerk.done(id(&served), "finish").await;
    }
    // Appointments: one due now, one later, one booked but not checked in yet.
    let kiosk = server.browser();
    let mut tickets = Vec::new();
    for (reference, minutes) in [("B-NOW", 1), ("B-LATER", 90), ("B-EXPECTED", 30)] {
        let body = json!({"slot": slot_in(minutes), "concern": "address-change"});
        let booked = admin.send(Method::PUT, &format!("{API}/admin/appointments/{reference}"), Some(&body)).await;
        assert_eq!(booked.status, StatusCode::CREATED, "{}", booked.body);
        if reference != "B-EXPECTED" {
            let checked_in =
                kiosk.post(&format!("{API}/appointments/{reference}/check-in"), &json!({"language": "ar"})).await;
            assert_eq!(checked_in.status, StatusCode::CREATED, "{}", checked_in.body);
            tickets.push(checked_in.body);
        }
    }
    // Walk-ins in two queues.
    for (concern, language) in [("address-change", "en"), ("information", "tr"), ("address-change", "uk")] {
        tickets.push(server.issue_ticket(concern, language).await);
    }
    let mut phones = Vec::new();
    for ticket in &tickets {
        phones.push(Phone::open(&server, ticket).await);
    }
    // Each phone's first view is read for it alone; what follows comes from the one reader.
    // These tickets join the ends of their queues, so every phone hears of them.
    for (concern, language) in [("information", "fa"), ("address-change", "de")] {
        let ticket = server.issue_ticket(concern, language).await;
        phones.push(Phone::open(&server, &ticket).await);
        tickets.push(ticket);
    }
    all_agree(&server, &mut phones).await;
    let ahead: Vec<Option<u64>> =
        phones.iter().map(|phone| phone.shown.as_ref().unwrap()["people_ahead"].as_u64()).collect();
    assert!(ahead.iter().any(|ahead| *ahead > Some(1)), "the phones should wait behind others: {ahead:?}");

    // Calls, a recall, a no-show, a cancellation and a ticket taken meanwhile.
    let first = clerk.called_next("counter-1").await;
    all_agree(&server, &mut phones).await;
    clerk.done(id(&first), "recall").await;
    let second = clerk.called_next("counter-2").await;
    all_agree(&server, &mut phones).await;
    clerk.done(id(&second), "no-show").await;
    assert_eq!(server.cancel(id(&tickets[4])).await.status, StatusCode::OK);
    let late_comer = server.issue_ticket("address-change", "ar").await;
    phones.push(Phone::open(&server, &late_comer).await);
    all_agree(&server, &mut phones).await;
    clerk.done(id(&first), "start").await;
    clerk.done(id(&first), "finish").await;
    let third = clerk.called_next("counter-1").await;
    clerk.done(id(&third), "start").await;
    all_agree(&server, &mut phones).await;
}

async fn all_agree(server: &TestServer, phones: &mut [Phone]) {
    for phone in phones {
        phone.shows_what_the_api_shows(server).await;
    }
}

#[tokio::test]
async fn past_the_open_file_limit_new_streams_are_refused_and_kiosks_keep_being_served() {
    // 300 files: the streams may take all but 256 of them (see the server's `open_files.rs`).
    let data = tempfile::tempdir().unwrap();
    let server = TestServer::options(data.path()).open_files(300).start();
    let ticket = server.issue_ticket("address-change", "de").await;
    let mut phones = Vec::new();
    for _ in 0..44 {
        phones.push(server.open_stream(&format!("{API}/tickets/{}/events", id(&ticket)), None).await);
    }

    let refused = server.client().get(server.at(&format!("{API}/display/events"))).send().await.unwrap();
    assert_eq!(refused.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(refused.headers()["retry-after"], "15");
    let body: Value = refused.json().await.unwrap();
    assert_eq!(body["code"], "too_many_streams");
    // The kiosks and the phones already following are still served.
    let next = server.issue_ticket("address-change", "ar").await;
    assert_eq!(server.visitor_view(&next).await["people_ahead"], 1);
    server.clerk().await.called_next("counter-1").await;
    let mut status = Value::Null;
    while status != "called" {
        let event = phones[0].next_within(Duration::from_secs(5)).await.expect("the phone hears of its call");
        status = serde_json::from_str::<Value>(&event.data).unwrap()["status"].clone();
    }
    let log = server.log();
    assert!(log.contains("limit=300") && log.contains("live_streams_at_most=44"), "{log}");
    assert!(log.contains("as many are open as the open-file limit leaves room for"), "{log}");
}
