//! Taking tickets as the real server enforces it: idempotency keys, opening hours, daily
//! quotas, a visitor's place in the queue and giving it up.

use std::collections::HashSet;

use reqwest::StatusCode;
use serde_json::{Value, json};
use tokio::task::JoinSet;

use crate::helpers::{Answer, TestServer, assert_refused, data_folder_with, edit_database, id, new_key};

const TICKETS: &str = "/api/v1/tickets";

fn address_change() -> Value {
    json!({"concern": "address-change", "language": "en", "checklist": {"passport": true}})
}

/// A kiosk's attempt with the `Idempotency-Key` `key` (none if `None`), read as JSON.
async fn attempt(server: &TestServer, key: Option<&str>, body: &Value) -> Answer {
    Answer::of(server.post_ticket(key, body).await).await
}

/// A server whose demo office was changed by `statements` before it started.
async fn office_with(statements: &[&str]) -> (TestServer, tempfile::TempDir) {
    let data = data_folder_with(statements).await;
    (TestServer::start(data.path()), data)
}

// ---------------------------------------------------------------------------------------------
// Idempotency-Key

#[tokio::test]
async fn a_retry_with_the_same_key_gets_the_same_ticket_and_no_second_one() {
    let server = TestServer::fresh();
    let key = new_key();

    let first = attempt(&server, Some(&key), &address_change()).await;
    let retry = server.post_ticket(Some(&key), &address_change()).await;
    let replayed = retry.headers().get("idempotent-replayed").map(|v| v.to_str().unwrap().to_owned());
    let again = Answer::of(retry).await;
    let next = server.issue_ticket_with(&address_change()).await;

    assert_eq!(first.status, StatusCode::CREATED);
    assert_eq!(again.status, StatusCode::CREATED);
    assert_eq!(again.body, first.body, "a retry must get exactly the first answer");
    assert_eq!(replayed.as_deref(), Some("true"));
    assert_eq!(next["number"], "H 002", "the retry took no number");
}

#[tokio::test]
async fn the_same_key_for_a_different_request_is_refused() {
    let server = TestServer::fresh();
    let key = new_key();
    take_with(&server, &key, &address_change()).await;

    let other = json!({"concern": "address-change", "language": "de"});
    let refused = attempt(&server, Some(&key), &other).await;

    assert_refused(&refused, StatusCode::UNPROCESSABLE_ENTITY, "idempotency_key_reused");
}

/// Takes a ticket with the `Idempotency-Key` `key`; fails unless the server created it.
async fn take_with(server: &TestServer, key: &str, body: &Value) -> Value {
    let answer = attempt(server, Some(key), body).await;
    assert_eq!(answer.status, StatusCode::CREATED, "{}", answer.body);
    answer.body
}

#[tokio::test]
async fn a_request_without_a_key_or_with_a_bad_key_is_refused() {
    let server = TestServer::fresh();

    let missing = attempt(&server, None, &address_change()).await;
    let too_long = "k".repeat(129);
    let long = attempt(&server, Some(&too_long), &address_change()).await;
    let space = attempt(&server, Some("a key"), &address_change()).await;

    assert_refused(&missing, StatusCode::BAD_REQUEST, "idempotency_key_missing");
    assert_refused(&long, StatusCode::BAD_REQUEST, "idempotency_key_missing");
    assert_eq!(space.status, StatusCode::BAD_REQUEST);
    assert_eq!(server.issue_ticket_with(&address_change()).await["number"], "H 001", "refusals took no number");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_simultaneous_retries_with_one_key_make_exactly_one_ticket() {
    let server = TestServer::fresh();
    let key = new_key();
    let mut retries = JoinSet::new();
    for _ in 0..20 {
        let request = server.client().post(server.at(TICKETS)).header("Idempotency-Key", &key).json(&address_change());
        retries.spawn(async move { Answer::of(request.send().await.unwrap()).await });
    }

    let answers = retries.join_all().await;

    assert!(answers.iter().all(|answer| answer.status == StatusCode::CREATED), "{answers:?}");
    let ids: HashSet<&str> = answers.iter().map(|answer| id(&answer.body)).collect();
    assert_eq!(ids.len(), 1, "one key must give one ticket");
    assert_eq!(server.issue_ticket_with(&address_change()).await["number"], "H 002");
}

#[tokio::test]
async fn a_refused_attempt_leaves_its_key_free_for_a_later_success() {
    let (server, data) = office_with(&["UPDATE concerns SET daily_quota = 0 WHERE id = 'address-change'"]).await;
    let key = new_key();
    let refused = attempt(&server, Some(&key), &address_change()).await;
    assert_eq!(refused.status, StatusCode::CONFLICT);
    server.stop();
    edit_database(data.path(), &["UPDATE concerns SET daily_quota = NULL WHERE id = 'address-change'"]).await;
    let server = TestServer::start(data.path());

    let ticket = take_with(&server, &key, &address_change()).await;

    assert_eq!(ticket["number"], "H 001");
}

// ---------------------------------------------------------------------------------------------
// Opening hours and quotas

#[tokio::test]
async fn a_closed_office_issues_no_tickets_and_the_kiosk_knows_it() {
    let (server, _data) = office_with(&["UPDATE office SET opening_hours = '{}'"]).await;

    let kiosk = server.get_json("/api/v1/kiosk").await.body;
    let refusal = attempt(&server, Some(&new_key()), &address_change()).await;

    assert_eq!(kiosk["issuing"], json!({"state": "closed"}), "no hours at all: closed, no next opening");
    assert_refused(&refusal, StatusCode::CONFLICT, "office_closed");
}

#[tokio::test]
async fn a_closed_day_points_the_kiosk_to_the_next_opening() {
    // Open around the clock, but closed today and tomorrow (office time, Europe/Berlin).
    let today = jiff::Timestamp::now().in_tz("Europe/Berlin").unwrap().date();
    let tomorrow = today.tomorrow().unwrap();
    let closed = format!("UPDATE office SET closed_days = '[\"{today}\", \"{tomorrow}\"]'");
    let (server, _data) = office_with(&[&closed]).await;

    let kiosk = server.get_json("/api/v1/kiosk").await.body;
    let refusal = attempt(&server, Some(&new_key()), &address_change()).await;

    assert_eq!(kiosk["issuing"]["state"], "closed");
    let next = kiosk["issuing"]["next_opening"].as_str().unwrap();
    assert!(next.starts_with(&format!("{}T00:00:00", tomorrow.tomorrow().unwrap())), "{next}");
    assert_refused(&refusal, StatusCode::CONFLICT, "office_closed");
}

#[tokio::test]
async fn the_daily_quota_ends_issuing_for_that_concern_only() {
    let (server, _data) = office_with(&["UPDATE concerns SET daily_quota = 2 WHERE id = 'address-change'"]).await;
    server.issue_ticket_with(&address_change()).await;
    server.issue_ticket_with(&address_change()).await;

    let refusal = attempt(&server, Some(&new_key()), &address_change()).await;
    let kiosk = server.get_json("/api/v1/kiosk").await.body;
    let other = server.issue_ticket("lost-or-stolen-card", "de").await;

    assert_refused(&refusal, StatusCode::CONFLICT, "quota_reached");
    let quota_of = |id: &str| {
        kiosk["concerns"].as_array().unwrap().iter().find(|c| c["id"] == id).unwrap()["quota_reached"].clone()
    };
    assert_eq!(quota_of("address-change"), json!(true));
    assert_eq!(quota_of("lost-or-stolen-card"), json!(false));
    assert_eq!(other["number"], "K 001");
}

// ---------------------------------------------------------------------------------------------
// A visitor's place

#[tokio::test]
async fn a_ticket_knows_how_many_people_are_ahead_and_cancelling_moves_the_queue() {
    let server = TestServer::fresh();
    let first = server.issue_ticket_with(&address_change()).await;
    server.issue_ticket_with(&address_change()).await;
    let third = server.issue_ticket_with(&address_change()).await;
    let other_concern = server.issue_ticket("lost-or-stolen-card", "de").await;
    assert_eq!(first["people_ahead"], 0);
    assert_eq!(third["people_ahead"], 2);
    assert_eq!(other_concern["people_ahead"], 0, "other concerns are other queues");

    let cancelled = server.cancel(id(&first)).await;
    let third_now = server.get_json(&format!("{TICKETS}/{}", id(&third))).await.body;

    assert_eq!(cancelled.status, StatusCode::OK);
    assert_eq!(cancelled.body["status"], "cancelled");
    assert_eq!(cancelled.body["people_ahead"], Value::Null);
    assert_eq!(third_now["people_ahead"], 1);
}

#[tokio::test]
async fn cancelling_twice_is_harmless_and_an_unknown_ticket_cannot_be_cancelled() {
    let server = TestServer::fresh();
    let ticket = server.issue_ticket_with(&address_change()).await;
    server.cancel(id(&ticket)).await;

    let again = server.cancel(id(&ticket)).await;
    let unknown = server.cancel("AAAAAAAAAAAAAAAAAAAAAA").await;

    assert_eq!((again.status, again.body["status"].as_str()), (StatusCode::OK, Some("cancelled")));
    assert_refused(&unknown, StatusCode::NOT_FOUND, "not_found");
}

// ---------------------------------------------------------------------------------------------
// Retention

#[tokio::test]
async fn old_tickets_lose_their_answers_and_later_disappear_leaving_only_counts() {
    let data = tempfile::tempdir().unwrap();
    let server = TestServer::start(data.path());
    let recent = server.issue_ticket_with(&address_change()).await;
    let old = server.issue_ticket_with(&address_change()).await;
    let ancient = server.issue_ticket_with(&address_change()).await;
    server.stop();
    // The demo office keeps tickets 30 days: one ticket is 40 days old, one 70.
    let days_ago = |days: i64| {
        let then = jiff::Timestamp::now() - jiff::SignedDuration::from_hours(24 * days);
        then.in_tz("Europe/Berlin").unwrap().date().to_string()
    };
    let queued = jiff::Timestamp::now() - jiff::SignedDuration::from_hours(24 * 70);
    let after = |minutes: i64| (queued + jiff::SignedDuration::from_mins(minutes)).strftime("%Y-%m-%dT%H:%M:%SZ");
    edit_database(
        data.path(),
        &[
            &format!("UPDATE tickets SET service_day = '{}' WHERE id = '{}'", days_ago(40), id(&old)),
            &format!(
                "UPDATE tickets SET service_day = '{}', status = 'finished', queued_at = {} WHERE id = '{}'",
                days_ago(70),
                queued.as_millisecond(),
                id(&ancient)
            ),
            // Its visitor waited 12 minutes for the call and was served for 10.
            &format!("UPDATE ticket_events SET at = '{}' WHERE ticket_id = '{}'", after(0), id(&ancient)),
            &format!(
                "INSERT INTO ticket_events (ticket_id, at, kind)
                 VALUES ('{id}', '{}', 'called'), ('{id}', '{}', 'started'), ('{id}', '{}', 'finished')",
                after(12),
                after(13),
                after(23),
                id = id(&ancient)
            ),
        ],
    )
    .await;

    let server = TestServer::start(data.path()); // retention runs at start
    let ticket = |ticket: &Value| format!("{TICKETS}/{}", id(ticket));
    let recent_now = server.get_json(&ticket(&recent)).await.body;
    let old_now = server.get_json(&ticket(&old)).await.body;
    let ancient_status = server.get_json(&ticket(&ancient)).await.status;
    let day = days_ago(70);
    let report: willkommen_api::StatisticsReport =
        server.admin().await.get_as(&format!("/api/v1/statistics?from={day}&to={day}")).await;
    server.stop();

    assert_eq!(recent_now["checklist"], json!({"passport": true}), "recent tickets keep their answers");
    assert_eq!(old_now["checklist"], json!({}), "after 30 days the answers are gone");
    assert_eq!(ancient_status, StatusCode::NOT_FOUND, "after 60 days the ticket is gone");
    // What is left of that day: its sums (docs/statistics.md).
    let all = [("concern", "*"), ("booking", "all")];
    let figure = |table, column| crate::statistics::figure(&report, table, &all, column).as_f64();
    assert_eq!((figure("visitors", "issued"), figure("visitors", "served")), (Some(1.0), Some(1.0)));
    assert_eq!((figure("waiting", "wait_mean"), figure("waiting", "service_mean")), (Some(12.0), Some(10.0)));
}

#[tokio::test]
async fn no_browser_or_proxy_keeps_a_copy_of_a_ticket() {
    let data = tempfile::tempdir().unwrap();
    let server = TestServer::start(data.path());
    let ticket = server.issue_ticket("address-change", "de").await;

    let answer = server.get(&format!("{TICKETS}/{}", id(&ticket))).await;
    let kiosk = server.get("/api/v1/kiosk").await;

    assert_eq!(answer.headers()["cache-control"], "no-store");
    // The office's data is revalidated by its ETag, so a kiosk starts offline with it.
    assert_eq!(kiosk.headers()["cache-control"], "no-cache");
    server.stop();
}
