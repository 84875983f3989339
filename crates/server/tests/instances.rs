//! Several server instances on one PostgreSQL database, as a city runs Willkommen when a
//! restart must not stop the lobby: numbers stay unique, idempotency keys hold across
//! instances, no visitor is called twice, live streams hear about changes made at the other
//! instance, and the lobby goes on while one instance is killed.
//!
//! These need PostgreSQL: `cargo xtask test` runs them in its PostgreSQL pass. Against
//! SQLite (one file, one process) they are skipped with a note.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use common::sse::SseReader;
use common::{TestServer, new_key};
use futures_util::future::join_all;
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};

const TICKETS: &str = "/api/v1/tickets";

fn postgres_available() -> bool {
    let available = common::postgres_url().is_some();
    if !available {
        eprintln!(
            "skipped: several instances need PostgreSQL (WILLKOMMEN_TEST_DATABASE_URL; cargo xtask test sets it)"
        );
    }
    available
}

/// Two instances serving the same office (the same schema).
fn two_instances(data: &tempfile::TempDir) -> (TestServer, TestServer) {
    (TestServer::start(data.path()), TestServer::start(data.path()))
}

/// `POST /tickets` for the information desk (no daily quota) with `key`.
async fn issue(client: &Client, base: &str, key: &str) -> Result<Value, String> {
    let response = client
        .post(format!("{base}{TICKETS}"))
        .header("Idempotency-Key", key)
        .json(&json!({"concern": "information", "language": "en"}))
        .timeout(Duration::from_secs(10))
        .send()
        .await
        .map_err(|error| error.to_string())?;
    match response.status() {
        StatusCode::CREATED => response.json().await.map_err(|error| error.to_string()),
        status => Err(format!("{status}: {}", response.text().await.unwrap_or_default())),
    }
}

async fn post(client: &Client, url: String) -> (StatusCode, Value) {
    let response = client.post(url).send().await.unwrap();
    let status = response.status();
    (status, response.json().await.unwrap_or(Value::Null))
}

fn id(ticket: &Value) -> &str {
    ticket["id"].as_str().unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_hand_out_unique_numbers_and_honour_each_others_idempotency_keys() {
    if !postgres_available() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let (a, b) = two_instances(&data);
    let (a_url, b_url) = (a.url().to_owned(), b.url().to_owned());

    // Eight kiosks; every attempt goes to both instances at once with the same key, as a
    // kiosk retrying through the load balancer after a lost answer would.
    let kiosks = (0..8).map(|_| {
        let (a_url, b_url) = (a_url.clone(), b_url.clone());
        tokio::spawn(async move {
            let client = Client::new();
            let mut answers = Vec::new();
            for _ in 0..15 {
                let key = new_key();
                let (at_a, at_b) = tokio::join!(issue(&client, &a_url, &key), issue(&client, &b_url, &key));
                answers.push((key, at_a.unwrap(), at_b.unwrap()));
            }
            answers
        })
    });
    let answers: Vec<(String, Value, Value)> =
        join_all(kiosks).await.into_iter().flat_map(|kiosk| kiosk.unwrap()).collect();

    for (key, at_a, at_b) in &answers {
        assert_eq!(id(at_a), id(at_b), "key {key} got two different tickets");
    }
    let numbers: BTreeSet<String> = answers.iter().map(|(_, ticket, _)| ticket["number"].to_string()).collect();
    let expected: BTreeSet<String> = (1..=answers.len()).map(|n| format!("\"I {n:03}\"")).collect();
    assert_eq!(numbers, expected, "every number once, none skipped");
    let mut db = common::connect_database(data.path()).await;
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM tickets").fetch_one(&mut db).await.unwrap();
    assert_eq!(stored, answers.len() as i64, "one ticket per key");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn clerks_at_two_instances_never_call_the_same_visitor() {
    if !postgres_available() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let (a, b) = two_instances(&data);
    let client = Client::new();
    let mut issued = BTreeSet::new();
    for n in 0..30 {
        let base = if n % 2 == 0 { a.url() } else { b.url() };
        issued.insert(id(&issue(&client, base, &new_key()).await.unwrap()).to_owned());
    }

    // Three counters, each at either instance, call, start and finish as fast as they can.
    let clerks =
        [(a.url(), "schalter1", "willkommen-1", "counter-1"), (b.url(), "schalter2", "willkommen-2", "counter-2")]
            .into_iter()
            .chain([(b.url(), "admin", "willkommen-admin", "counter-3")])
            .map(|(base, username, password, counter)| {
                let (base, username, password, counter) =
                    (base.to_owned(), username.to_owned(), password.to_owned(), counter.to_owned());
                tokio::spawn(async move {
                    let clerk = common::signed_in(&base, &username, &password).await;
                    let mut called = Vec::new();
                    loop {
                        let (status, ticket) =
                            post(&clerk, format!("{base}/api/v1/counters/{counter}/call-next")).await;
                        match status {
                            StatusCode::OK => {}
                            StatusCode::CONFLICT if ticket["code"] == "queue_empty" => return called,
                            other => panic!("call-next at {counter}: {other} {ticket}"),
                        }
                        let ticket_id = id(&ticket).to_owned();
                        for action in ["start", "finish"] {
                            let (status, answer) = post(&clerk, format!("{base}{TICKETS}/{ticket_id}/{action}")).await;
                            assert_eq!(status, StatusCode::OK, "{action} {ticket_id}: {answer}");
                        }
                        called.push(ticket_id);
                    }
                })
            });
    let called: Vec<Vec<String>> = join_all(clerks).await.into_iter().map(Result::unwrap).collect();

    let all: Vec<&String> = called.iter().flatten().collect();
    let distinct: BTreeSet<String> = all.iter().map(|id| (*id).clone()).collect();
    assert_eq!(all.len(), distinct.len(), "a visitor was called twice: {called:?}");
    assert_eq!(distinct, issued, "everybody waiting was called once");
    assert!(called.iter().filter(|calls| !calls.is_empty()).count() >= 2, "both instances called: {called:?}");
}

#[tokio::test]
async fn a_phone_following_at_one_instance_hears_the_call_made_at_the_other() {
    if !postgres_available() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let (a, b) = two_instances(&data);
    let ticket = issue(&Client::new(), a.url(), &new_key()).await.unwrap();
    let mut phone = SseReader::open(&Client::new(), &b.at(&format!("{TICKETS}/{}/events", id(&ticket))), None).await;
    let mut display = SseReader::open(&Client::new(), &b.at("/api/v1/display/events"), None).await;
    let waiting: Value = serde_json::from_str(&phone.next().await.expect("no initial state").data).unwrap();

    let clerk = common::signed_in(a.url(), "schalter1", "willkommen-1").await;
    let (status, _) = post(&clerk, a.at("/api/v1/counters/counter-1/call-next")).await;

    assert_eq!(status, StatusCode::OK);
    assert_eq!(waiting["status"], "waiting");
    let called: Value =
        serde_json::from_str(&phone.next().await.expect("the call did not reach the phone").data).unwrap();
    assert_eq!(called["status"], "called");
    assert_eq!(called["counter"], "Schalter 1");
    let mut shown = None;
    while let Some(event) = display.next().await {
        if event.event == "call" {
            shown = Some(event);
            break;
        }
    }
    let shown: Value = serde_json::from_str(&shown.expect("the call did not reach the display").data).unwrap();
    assert_eq!(shown["number"], ticket["number"]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_lobby_goes_on_while_one_instance_is_killed() {
    if !postgres_available() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let (a, b) = two_instances(&data);
    // The load balancer: kiosks try the first instance, and the other when it does not answer.
    let instances = Arc::new(RwLock::new([a.url().to_owned(), b.url().to_owned()]));
    let followed = issue(&Client::new(), b.url(), &new_key()).await.unwrap();
    let mut phone = SseReader::open(&Client::new(), &b.at(&format!("{TICKETS}/{}/events", id(&followed))), None).await;
    phone.next().await.expect("no initial state");
    let running = Arc::new(std::sync::atomic::AtomicBool::new(true));
    let kiosks: Vec<_> = (0..4)
        .map(|kiosk| {
            let (instances, running) = (instances.clone(), running.clone());
            tokio::spawn(async move {
                let client = Client::new();
                let mut acknowledged = BTreeMap::new();
                let mut attempt = kiosk;
                while running.load(std::sync::atomic::Ordering::Relaxed) {
                    let key = new_key();
                    // Retried with the same key until some instance answers.
                    loop {
                        let base = instances.read().unwrap()[attempt % 2].clone();
                        attempt += 1;
                        if let Ok(ticket) = issue(&client, &base, &key).await {
                            acknowledged.insert(key, id(&ticket).to_owned());
                            break;
                        }
                        tokio::time::sleep(Duration::from_millis(20)).await;
                    }
                }
                acknowledged
            })
        })
        .collect();

    tokio::time::sleep(Duration::from_millis(400)).await;
    a.kill();
    tokio::time::sleep(Duration::from_millis(400)).await;
    // While `a` is down, a clerk at `b` calls the followed visitor.
    let clerk = common::signed_in(b.url(), "schalter1", "willkommen-1").await;
    let (status, called) = post(&clerk, b.at("/api/v1/counters/counter-1/call-next")).await;
    let restarted = TestServer::start(data.path());
    instances.write().unwrap()[0] = restarted.url().to_owned();
    tokio::time::sleep(Duration::from_millis(400)).await;
    running.store(false, std::sync::atomic::Ordering::Relaxed);
    let mut acknowledged = BTreeMap::new();
    for kiosk in kiosks {
        acknowledged.extend(kiosk.await.unwrap());
    }

    assert_eq!((status, id(&called)), (StatusCode::OK, id(&followed)), "{called}");
    let update: Value = serde_json::from_str(&phone.next().await.expect("the phone lost the call").data).unwrap();
    assert_eq!(update["status"], "called");
    assert!(acknowledged.len() > 20, "too few tickets to prove anything: {}", acknowledged.len());
    let mut db = common::connect_database(data.path()).await;
    let stored: Vec<(String, String, i64)> =
        sqlx::query_as("SELECT id, prefix, sequence FROM tickets").fetch_all(&mut db).await.unwrap();
    let stored_ids: BTreeSet<&str> = stored.iter().map(|(id, _, _)| id.as_str()).collect();
    for (key, ticket) in &acknowledged {
        assert!(stored_ids.contains(ticket.as_str()), "acknowledged ticket {ticket} (key {key}) was lost");
    }
    assert_eq!(stored.len(), acknowledged.len() + 1, "one ticket per key (plus the followed one)");
    let numbers: BTreeSet<(&str, i64)> =
        stored.iter().map(|(_, prefix, sequence)| (prefix.as_str(), *sequence)).collect();
    assert_eq!(numbers.len(), stored.len(), "two tickets share a number");
    let after = issue(&Client::new(), restarted.url(), &new_key()).await;
    assert!(after.is_ok(), "the restarted instance serves again: {after:?}");
}

#[tokio::test]
async fn offices_in_one_database_keep_their_own_queue_and_staff() {
    if !postgres_available() {
        return;
    }
    // Two offices: two schemas of the one database.
    let (mitte, nord) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (at_mitte, at_nord) = (TestServer::start(mitte.path()), TestServer::start(nord.path()));
    let client = Client::new();

    let first_mitte = issue(&client, at_mitte.url(), &new_key()).await.unwrap();
    let first_nord = issue(&client, at_nord.url(), &new_key()).await.unwrap();
    let mitte_ticket_at_nord = client.get(at_nord.at(&format!("{TICKETS}/{}", id(&first_mitte)))).send().await.unwrap();
    let admin_mitte = common::signed_in(at_mitte.url(), "admin", "willkommen-admin").await;
    let created = admin_mitte
        .post(at_mitte.at("/api/v1/admin/accounts"))
        .json(&json!({"username": "nur-mitte", "display_name": "Nur Mitte", "role": "staff", "password": "nur-mitte-passwort"}))
        .send()
        .await
        .unwrap();
    let sign_in = |base: String| async move { common::sign_in_status(&base, "nur-mitte", "nur-mitte-passwort").await };

    assert_eq!(first_mitte["number"], "I 001");
    assert_eq!(first_nord["number"], "I 001", "each office counts its own numbers");
    assert_eq!(mitte_ticket_at_nord.status(), StatusCode::NOT_FOUND, "one office's tickets are not the other's");
    assert_eq!(created.status(), StatusCode::CREATED, "{}", created.text().await.unwrap());
    assert_eq!(sign_in(at_mitte.url().to_owned()).await, StatusCode::OK);
    assert_eq!(sign_in(at_nord.url().to_owned()).await, StatusCode::UNAUTHORIZED, "staff belong to their office");
}

#[tokio::test]
async fn kiosks_at_one_instance_hear_of_a_configuration_published_at_the_other() {
    if !postgres_available() {
        return;
    }
    let data = tempfile::tempdir().unwrap();
    let (a, b) = two_instances(&data);
    let mut kiosk = SseReader::open(&Client::new(), &b.at("/api/v1/kiosk/events"), None).await;
    let admin = common::signed_in(a.url(), "admin", "willkommen-admin").await;
    let draft: Value = admin.get(a.at("/api/v1/admin/draft")).send().await.unwrap().json().await.unwrap();

    let published = admin
        .post(a.at("/api/v1/admin/publish"))
        .json(&json!({"revision": draft["revision"], "note": "published at instance a"}))
        .send()
        .await
        .unwrap();

    assert_eq!(published.status(), StatusCode::OK, "{}", published.text().await.unwrap());
    let heard = kiosk.next().await.expect("the kiosk at the other instance did not hear of it");
    assert_eq!((heard.event.as_str(), heard.data.as_str()), ("published", "2"));
}
