//! Live streams (server-sent events) of the real server: what the call display, a visitor's
//! phone and the staff desk receive, and how they catch up after a reconnect or restart.

use std::time::Duration;

use reqwest::StatusCode;
use serde_json::Value;

use crate::helpers::{TestServer, assert_refused, edit_database, id};

#[tokio::test]
async fn the_display_hears_each_call_and_recall_with_number_and_counter() {
    let server = TestServer::fresh();
    let clerk = server.clerk().await;
    let ticket = server.issue_ticket("address-change", "en").await;
    let mut display = server.open_stream("/api/v1/display/events", None).await;

    clerk.called_next("counter-2").await;
    let first = display.next().await.expect("no call event");
    clerk.done(id(&ticket), "recall").await;
    let second = display.next().await.expect("no recall event");

    assert_eq!(first.event, "call");
    let first: Value = serde_json::from_str(&first.data).unwrap();
    assert_eq!((first["number"].as_str(), first["counter"].as_str()), (Some("H 001"), Some("Schalter 2")));
    assert_eq!(first["recall"], false);
    let second: Value = serde_json::from_str(&second.data).unwrap();
    assert_eq!(second["recall"], true);
    assert!(first.get("id").is_none(), "the public display must not learn ticket ids");
}

#[tokio::test]
async fn a_display_that_reconnects_after_a_restart_gets_what_it_missed_and_nothing_twice() {
    let data = tempfile::tempdir().unwrap();
    let server = TestServer::start(data.path());
    let clerk = server.clerk().await;
    server.issue_ticket("address-change", "en").await;
    server.issue_ticket("lost-or-stolen-card", "en").await;
    let mut display = server.open_stream("/api/v1/display/events", None).await;
    clerk.called_next("counter-1").await;
    let seen = display.next().await.expect("no call event");
    drop(display);
    clerk.called_next("counter-2").await; // while the display is away
    server.stop();

    let server = TestServer::start(data.path());
    let mut display = server.open_stream("/api/v1/display/events", Some(&seen.id)).await;
    let missed = display.next().await.expect("the missed call was not replayed");
    let nothing_more = display.next_within(Duration::from_millis(500)).await;

    let missed_call: Value = serde_json::from_str(&missed.data).unwrap();
    assert_eq!(missed_call["number"], "K 001");
    assert_eq!(missed_call["counter"], "Schalter 2");
    assert!(nothing_more.is_none(), "replayed more than was missed: {nothing_more:?}");
}

#[tokio::test]
async fn a_visitors_phone_gets_the_ticket_at_once_and_again_when_it_is_called() {
    let server = TestServer::fresh();
    let clerk = server.clerk().await;
    let first = server.issue_ticket("address-change", "en").await;
    let mine = server.issue_ticket("address-change", "en").await;
    let mut phone = server.open_stream(&format!("/api/v1/tickets/{}/events", id(&mine)), None).await;

    let now: Value = serde_json::from_str(&phone.next().await.expect("no initial state").data).unwrap();
    clerk.called_next("counter-1").await; // calls the first ticket: one fewer ahead
    let moved: Value = serde_json::from_str(&phone.next().await.expect("no update").data).unwrap();
    clerk.done(id(&first), "start").await;
    clerk.done(id(&first), "finish").await;
    clerk.called_next("counter-1").await;
    let called: Value = loop {
        let update: Value = serde_json::from_str(&phone.next().await.expect("no call").data).unwrap();
        if update["status"] == "called" {
            break update;
        }
    };

    assert_eq!((now["status"].as_str(), now["people_ahead"].as_u64()), (Some("waiting"), Some(1)));
    assert_eq!(moved["people_ahead"], 0);
    assert_eq!(called["counter"], "Schalter 1");
}

#[tokio::test]
async fn an_unknown_ticket_has_no_stream_and_the_staff_stream_needs_a_session() {
    let server = TestServer::fresh();

    let unknown = server.get("/api/v1/tickets/AAAAAAAAAAAAAAAAAAAAAA/events").await;
    let anonymous = server.get("/api/v1/queue/events").await;

    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    assert_eq!(anonymous.status(), StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn the_staff_stream_says_when_the_queue_changed() {
    let server = TestServer::fresh();
    let clerk = server.clerk().await;
    let mut queue = clerk.open_stream("/api/v1/queue/events").await;

    server.issue_ticket("address-change", "en").await;

    assert_eq!(queue.next().await.expect("no change event").event, "changed");
}

#[tokio::test]
async fn open_streams_do_not_keep_the_server_from_stopping() {
    let server = TestServer::fresh();
    let _display = server.open_stream("/api/v1/display/events", None).await;

    let started = std::time::Instant::now();
    server.stop();

    assert!(started.elapsed() < Duration::from_secs(5), "stopping took {:?}", started.elapsed());
}

#[tokio::test]
async fn a_display_that_missed_more_than_a_page_of_calls_gets_every_one() {
    let data = tempfile::tempdir().unwrap();
    let server = TestServer::start(data.path());
    server.issue_ticket("address-change", "en").await;
    server.stop();
    // 250 calls while the display was away: more than one page (200) of the feed.
    edit_database(
        data.path(),
        &["WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 250)
           INSERT INTO ticket_events (ticket_id, at, kind, detail)
           SELECT (SELECT id FROM tickets), '2026-11-24T10:00:00Z', 'called', '{\"counter\": \"counter-1\"}' FROM n"],
    )
    .await;
    let server = TestServer::start(data.path());

    let mut display = server.open_stream("/api/v1/display/events", Some("1")).await;
    let mut received = 0;
    while let Some(event) = display.next_within(Duration::from_millis(1500)).await {
        assert_eq!(event.event, "call");
        received += 1;
    }

    assert_eq!(received, 250);
}

#[tokio::test]
async fn the_display_board_shows_waiting_counts_and_recent_calls_and_the_stream_continues_after_it() {
    let server = TestServer::fresh();
    let clerk = server.clerk().await;
    server.issue_ticket("address-change", "en").await;
    server.issue_ticket("address-change", "en").await;
    server.issue_ticket("lost-or-stolen-card", "en").await;
    clerk.called_next("counter-1").await;

    let board: Value = server.get("/api/v1/display").await.json().await.unwrap();
    serde_json::from_value::<willkommen_api::DisplayBoard>(board.clone()).expect("the display cannot read the board");
    let waiting =
        |id: &str| board["concerns"].as_array().unwrap().iter().find(|c| c["id"] == id).unwrap()["waiting"].clone();
    assert_eq!(waiting("address-change"), 1, "one called, one still waiting");
    assert_eq!(waiting("lost-or-stolen-card"), 1);
    assert_eq!(board["recent_calls"][0]["number"], "H 001");
    assert_eq!(board["recent_calls"][0]["counter"], "Schalter 1");
    assert_eq!(board["info"]["en"], "Please have your passport or ID card ready.");
    assert!(board["recent_calls"][0].get("id").is_none(), "the public display must not learn ticket ids");

    // The stream continues after the board: the call already shown does not come again.
    let after = board["last_event"].as_i64().unwrap();
    let mut display = server.open_stream(&format!("/api/v1/display/events?after={after}"), None).await;
    clerk.called_next("counter-2").await;
    let next: Value = serde_json::from_str(&display.next().await.expect("no call event").data).unwrap();
    assert_eq!(next["number"], "H 002");
}

/// The web app opens a new stream itself when its browser gave up (an HTTP error from a proxy
/// while the server restarts); it cannot send `Last-Event-ID` then, so it says `?after=`.
#[tokio::test]
async fn a_stream_opened_with_after_continues_there_as_with_last_event_id() {
    let server = TestServer::fresh();
    let admin = server.admin().await;
    let mut queue = admin.open_stream("/api/v1/queue/events").await;
    server.issue_ticket("address-change", "en").await;
    let seen = queue.next().await.expect("no change event");
    drop(queue);
    server.issue_ticket("address-change", "en").await; // while the desk is away
    let version = admin.edit_and_publish(|office| office.cutoff_minutes += 1).await;

    let mut resumed_queue = admin.open_stream(&format!("/api/v1/queue/events?after={}", seen.id)).await;
    let mut resumed_kiosk = server.open_stream(&format!("/api/v1/kiosk/events?after={}", version - 1), None).await;
    let mut current_kiosk = server.open_stream("/api/v1/kiosk/events", None).await;
    let after_the_newest = format!("/api/v1/kiosk/events?after={}", version - 1);
    let mut header_wins = server.open_stream(&after_the_newest, Some(&version.to_string())).await;

    let missed_change = resumed_queue.next().await.expect("the missed change was not sent");
    assert_eq!(missed_change.event, "changed");
    assert!(missed_change.id.parse::<i64>().unwrap() > seen.id.parse::<i64>().unwrap(), "{missed_change:?}");
    let missed_version = resumed_kiosk.next().await.expect("the missed version was not sent");
    assert_eq!((missed_version.event.as_str(), missed_version.id), ("published", version.to_string()));
    assert!(current_kiosk.next_within(Duration::from_millis(500)).await.is_none(), "a new kiosk heard an old version");
    assert!(
        header_wins.next_within(Duration::from_millis(500)).await.is_none(),
        "Last-Event-ID did not win over ?after="
    );
}

#[tokio::test]
async fn a_malformed_after_is_refused_in_the_api_error_shape() {
    let server = TestServer::fresh();

    let answer = server.get_json("/api/v1/kiosk/events?after=yesterday").await;

    assert_refused(&answer, StatusCode::BAD_REQUEST, "invalid_query");
}

/// Kiosks and the display reload at once when a configuration is published. A stream woken
/// for the publish must never read the version from before it (a race in which one did failed
/// an end-to-end test about one run in six): many kiosks, many publishes, every one heard.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn every_publish_reaches_every_kiosk_stream_at_once() {
    let server = TestServer::fresh();
    let admin = server.admin().await;
    let mut kiosks = Vec::new();
    for _ in 0..30 {
        kiosks.push(server.open_stream("/api/v1/kiosk/events", None).await);
    }

    for round in 1..=20 {
        let version = admin.edit_and_publish(|office| office.cutoff_minutes = round).await;

        for (kiosk, stream) in kiosks.iter_mut().enumerate() {
            let heard = stream.next_within(Duration::from_secs(5)).await;
            let heard = heard.unwrap_or_else(|| panic!("kiosk {kiosk} did not hear of version {version}"));
            assert_eq!((heard.event.as_str(), heard.id), ("published", version.to_string()), "kiosk {kiosk}");
        }
    }
}
