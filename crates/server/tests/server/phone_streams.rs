//! The visitors' phones follow their tickets through one reader per server (see the server's
//! `api/ticket_feed.rs`): what each phone's stream shows must stay exactly what
//! `GET /tickets/{id}` shows, whatever happens in the queue.

use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{SseReader, TestServer, id, slot_in};

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

#[tokio::test]
async fn every_phone_shows_what_the_api_shows_through_calls_appointments_and_several_queues() {
    let data = tempfile::tempdir().unwrap();
    let server = TestServer::start(data.path());
    let admin = server.admin().await;
    // Noon at the office, whenever the suite runs, and check-in two hours ahead.
    admin.take_appointments_at_noon(|rules| rules.check_in_opens_minutes = 120).await;
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
    // Twenty minutes a service: walk-ins far back then wait long enough for a booked
    // appointment to fall due meanwhile, which puts it ahead of them too.
    crate::helpers::edit_database(
        data.path(),
        &[
            "UPDATE ticket_events SET at = '2026-12-01T09:00:00Z' WHERE kind = 'started'",
            "UPDATE ticket_events SET at = '2026-12-01T09:20:00Z' WHERE kind = 'finished'",
        ],
    )
    .await;
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

    // A walk-in goes ahead of the appointment checked in early. Nothing happens after it, and
    // tickets only issued are told together a moment later: the phone still hears of it.
    let early = &mut phones[1];
    assert_eq!(early.ticket, id(&tickets[1]), "B-LATER's phone");
    let ahead = |phone: &Phone| phone.shown.as_ref().unwrap()["people_ahead"].as_u64().unwrap();
    let before = ahead(early);
    server.issue_ticket("address-change", "en").await;
    early.shows_what_the_api_shows(&server).await;
    assert_eq!(ahead(early), before + 1, "the walk-in goes ahead of an early appointment");
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

/// A display that stops reading (a frozen browser, a dead network) while the lobby keeps
/// calling: the other displays hear every call at once, and the frozen one, once it reads
/// again, gets every call it missed, once each, in order.
#[tokio::test]
async fn a_stalled_display_delays_nobody_and_gets_every_call_once_it_reads_again() {
    const INSERTED: usize = 30_000;
    const CALLED: usize = 100;
    let data = tempfile::tempdir().unwrap();
    let server = TestServer::start(data.path());
    // Across concerns, each within its daily quota.
    let concerns = ["address-change", "extend-residence-permit", "eu-blue-card", "settlement-permit", "student-permit"];
    for concern in concerns.iter().cycle().take(CALLED) {
        server.issue_ticket(concern, "de").await;
    }
    let mut stalled = StalledClient::open(&server, "/api/v1/display/events").await;
    let mut display = server.open_stream("/api/v1/display/events", None).await;
    // Far more than the sockets' buffers hold: the stalled display's stream cannot write on.
    crate::helpers::edit_database(
        data.path(),
        &[&format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {INSERTED})
             INSERT INTO ticket_events (ticket_id, at, kind, detail)
             SELECT (SELECT MIN(id) FROM tickets), '2026-11-24T10:00:00Z', 'called', '{{\"counter\": \"counter-1\"}}' FROM n"
        )],
    )
    .await;
    // Calls spaced wider than the server's reads (at most one per 40 ms): each makes a
    // snapshot of its own, more than a stream may fall behind (64).
    let clerk = server.clerk().await;
    let mut last_call = Instant::now();
    for _ in 0..CALLED {
        let called = clerk.called_next("counter-1").await;
        last_call = Instant::now();
        clerk.done(id(&called), "start").await;
        clerk.done(id(&called), "finish").await;
        tokio::time::sleep(Duration::from_millis(45)).await;
    }

    let mut heard = Vec::new();
    while heard.len() < INSERTED + CALLED {
        let Some(event) = display.next_within(Duration::from_secs(10)).await else { break };
        heard.push(event.id.parse::<i64>().unwrap());
    }
    let last_heard_after = last_call.elapsed();
    assert_eq!(heard.len(), INSERTED + CALLED, "the display that reads missed calls");
    // It also worked through the 30,000 calls meanwhile; a stream waiting for the stalled
    // one would never have got there.
    assert!(last_heard_after < Duration::from_secs(10), "the last call took {last_heard_after:?} to be heard");

    let missed = stalled.read_call_ids(INSERTED + CALLED, Duration::from_secs(30)).await;
    assert_eq!(missed.len(), INSERTED + CALLED, "the stalled display did not get every call");
    assert!(missed.windows(2).all(|pair| pair[0] < pair[1]), "calls twice or out of order");
    assert_eq!(missed, heard);
}

/// A client that asks for a live stream and then does not read: its receive buffer is made
/// small, so the server's writes soon block.
struct StalledClient {
    socket: tokio::net::TcpStream,
}

impl StalledClient {
    async fn open(server: &TestServer, path: &str) -> Self {
        use tokio::io::AsyncWriteExt;
        let address: std::net::SocketAddr = server.url().trim_start_matches("http://").parse().unwrap();
        let socket = tokio::net::TcpSocket::new_v4().unwrap();
        socket.set_recv_buffer_size(4_096).unwrap();
        let mut socket = socket.connect(address).await.unwrap();
        let request = format!("GET {path} HTTP/1.1\r\nHost: {address}\r\nAccept: text/event-stream\r\n\r\n");
        socket.write_all(request.as_bytes()).await.unwrap();
        Self { socket }
    }

    /// Reads on until `count` calls have come (or `patience` is over): their ids, in order.
    async fn read_call_ids(&mut self, count: usize, patience: Duration) -> Vec<i64> {
        use tokio::io::AsyncReadExt;
        const CALL: &[u8] = b"event: call";
        let mut raw = Vec::new();
        let mut calls = 0;
        let _ = tokio::time::timeout(patience, async {
            let mut buffer = vec![0; 64 * 1024];
            while calls < count {
                let read = self.socket.read(&mut buffer).await.unwrap();
                assert!(read > 0, "the server closed the stalled display's stream");
                // Only the new bytes are searched (each event is one chunk of its own).
                let from = raw.len().saturating_sub(CALL.len() - 1);
                raw.extend_from_slice(&buffer[..read]);
                calls += raw[from..].windows(CALL.len()).filter(|window| *window == CALL).count();
            }
        })
        .await;
        call_ids(&dechunk(&raw))
    }
}

/// The body of an HTTP/1.1 response with `Transfer-Encoding: chunked`, as far as it came.
fn dechunk(raw: &[u8]) -> String {
    let text = String::from_utf8_lossy(raw);
    let Some((_, mut rest)) = text.split_once("\r\n\r\n") else { return String::new() };
    let mut body = String::new();
    while let Some((size, after)) = rest.split_once("\r\n") {
        let Ok(size) = usize::from_str_radix(size.trim(), 16) else { break };
        if size == 0 || after.len() < size {
            break;
        }
        body.push_str(&after[..size]);
        rest = after[size..].trim_start_matches("\r\n");
    }
    body
}

fn call_ids(body: &str) -> Vec<i64> {
    body.split("\n\n")
        .filter(|block| block.lines().any(|line| line == "event: call"))
        .filter_map(|block| block.lines().find_map(|line| line.strip_prefix("id: "))?.parse().ok())
        .collect()
}
