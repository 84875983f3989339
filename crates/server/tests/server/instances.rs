//! Several server instances on one PostgreSQL database, as a city runs Willkommen when a
//! restart must not stop the lobby: numbers stay unique, idempotency keys hold across
//! instances, no visitor is called twice, live streams hear about changes made at the other
//! instance, and the lobby goes on while one instance is killed.
//!
//! These need PostgreSQL, so they are `#[ignore]`d with that reason: a plain `cargo test`
//! lists them as ignored, and `cargo xtask test` runs them in its PostgreSQL pass
//! (`-- --include-ignored`). Run without a database, each fails at its first line instead of
//! passing.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, RwLock};
use std::time::Duration;

use futures_util::future::join_all;
use reqwest::{Client, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{TestServer, check_acknowledged_tickets, connect_database, id, needs_postgres, new_key};

const TICKETS: &str = "/api/v1/tickets";

/// Two instances serving the same office (the same schema of the PostgreSQL database).
fn two_instances(data: &tempfile::TempDir) -> (TestServer, TestServer) {
    (TestServer::start(data.path()), TestServer::start(data.path()))
}

/// `POST /tickets` for the information desk (no daily quota) with `key` at the instance at
/// `base`, as a kiosk behind a load balancer sends it: an error if it is not answered in
/// time or not with a new ticket.
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

#[ignore = "needs PostgreSQL: cargo xtask test runs it (WILLKOMMEN_TEST_DATABASE_URL)"]
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_instances_hand_out_unique_numbers_and_honour_each_others_idempotency_keys() {
    needs_postgres();
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
    let mut db = connect_database(data.path()).await;
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM tickets").fetch_one(&mut db).await.unwrap();
    assert_eq!(stored, answers.len() as i64, "one ticket per key");
}

#[ignore = "needs PostgreSQL: cargo xtask test runs it (WILLKOMMEN_TEST_DATABASE_URL)"]
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn clerks_at_two_instances_never_call_the_same_visitor() {
    needs_postgres();
    let data = tempfile::tempdir().unwrap();
    let (a, b) = two_instances(&data);
    let client = Client::new();
    let mut issued = BTreeSet::new();
    for n in 0..30 {
        let base = if n % 2 == 0 { a.url() } else { b.url() };
        issued.insert(id(&issue(&client, base, &new_key()).await.unwrap()).to_owned());
    }

    // Three counters, each at either instance, call, start and finish as fast as they can.
    let desks = [(&a, "schalter1", "willkommen-1", "counter-1"), (&b, "schalter2", "willkommen-2", "counter-2")]
        .into_iter()
        .chain([(&b, "admin", "willkommen-admin", "counter-3")]);
    let mut clerks = Vec::new();
    for (instance, username, password, counter) in desks {
        let clerk = instance.signed_in(username, password).await;
        clerks.push(tokio::spawn(async move { clerk.serve_until_queue_empty(counter, 30).await }));
    }
    let called: Vec<Vec<String>> = join_all(clerks).await.into_iter().map(Result::unwrap).collect();

    let all: Vec<&String> = called.iter().flatten().collect();
    let distinct: BTreeSet<String> = all.iter().map(|id| (*id).clone()).collect();
    assert_eq!(all.len(), distinct.len(), "a visitor was called twice: {called:?}");
    assert_eq!(distinct, issued, "everybody waiting was called once");
    assert!(called.iter().filter(|calls| !calls.is_empty()).count() >= 2, "both instances called: {called:?}");
}

#[ignore = "needs PostgreSQL: cargo xtask test runs it (WILLKOMMEN_TEST_DATABASE_URL)"]
#[tokio::test]
async fn a_phone_following_at_one_instance_hears_the_call_made_at_the_other() {
    needs_postgres();
    let data = tempfile::tempdir().unwrap();
    let (a, b) = two_instances(&data);
    let ticket = issue(&Client::new(), a.url(), &new_key()).await.unwrap();
    let mut phone = b.open_stream(&format!("{TICKETS}/{}/events", id(&ticket)), None).await;
    let mut display = b.open_stream("/api/v1/display/events", None).await;
    let waiting: Value = serde_json::from_str(&phone.next().await.expect("no initial state").data).unwrap();

    let clerk = a.clerk().await;
    let call = clerk.call_next("counter-1").await;

    assert_eq!(call.status, StatusCode::OK, "{}", call.body);
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

#[ignore = "needs PostgreSQL: cargo xtask test runs it (WILLKOMMEN_TEST_DATABASE_URL)"]
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_lobby_goes_on_while_one_instance_is_killed() {
    needs_postgres();
    let data = tempfile::tempdir().unwrap();
    let (a, b) = two_instances(&data);
    // The load balancer: kiosks try the first instance, and the other when it does not answer.
    let instances = Arc::new(RwLock::new([a.url().to_owned(), b.url().to_owned()]));
    let followed = issue(&Client::new(), b.url(), &new_key()).await.unwrap();
    let mut phone = b.open_stream(&format!("{TICKETS}/{}/events", id(&followed)), None).await;
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
    let called = b.clerk().await.call_next("counter-1").await;
    let restarted = TestServer::start(data.path());
    instances.write().unwrap()[0] = restarted.url().to_owned();
    tokio::time::sleep(Duration::from_millis(400)).await;
    running.store(false, std::sync::atomic::Ordering::Relaxed);
    let mut acknowledged = BTreeMap::new();
    for kiosk in kiosks {
        acknowledged.extend(kiosk.await.unwrap());
    }

    assert_eq!((called.status, id(&called.body)), (StatusCode::OK, id(&followed)), "{}", called.body);
    let update: Value = serde_json::from_str(&phone.next().await.expect("the phone lost the call").data).unwrap();
    assert_eq!(update["status"], "called");
    assert!(acknowledged.len() > 20, "too few tickets to prove anything: {}", acknowledged.len());
    let stored = check_acknowledged_tickets(data.path(), &acknowledged).await;
    assert_eq!(stored, acknowledged.len() + 1, "one ticket per key (plus the followed one)");
    let after = issue(&Client::new(), restarted.url(), &new_key()).await;
    assert!(after.is_ok(), "the restarted instance serves again: {after:?}");
}

#[ignore = "needs PostgreSQL: cargo xtask test runs it (WILLKOMMEN_TEST_DATABASE_URL)"]
#[tokio::test]
async fn offices_in_one_database_keep_their_own_queue_and_staff() {
    needs_postgres();
    // Two offices: two schemas of the one database.
    let (mitte, nord) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let (at_mitte, at_nord) = (TestServer::start(mitte.path()), TestServer::start(nord.path()));
    let client = Client::new();

    let first_mitte = issue(&client, at_mitte.url(), &new_key()).await.unwrap();
    let first_nord = issue(&client, at_nord.url(), &new_key()).await.unwrap();
    let mitte_ticket_at_nord = at_nord.get(&format!("{TICKETS}/{}", id(&first_mitte))).await;
    let account = json!({"username": "nur-mitte", "display_name": "Nur Mitte", "role": "staff", "password": "nur-mitte-passwort"});
    let created = at_mitte.admin().await.post("/api/v1/admin/accounts", &account).await;

    assert_eq!(first_mitte["number"], "I 001");
    assert_eq!(first_nord["number"], "I 001", "each office counts its own numbers");
    assert_eq!(mitte_ticket_at_nord.status(), StatusCode::NOT_FOUND, "one office's tickets are not the other's");
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.body);
    assert_eq!(at_mitte.sign_in_status("nur-mitte", "nur-mitte-passwort").await, StatusCode::OK);
    let at_the_other = at_nord.sign_in_status("nur-mitte", "nur-mitte-passwort").await;
    assert_eq!(at_the_other, StatusCode::UNAUTHORIZED, "staff belong to their office");
}

#[ignore = "needs PostgreSQL: cargo xtask test runs it (WILLKOMMEN_TEST_DATABASE_URL)"]
#[tokio::test]
async fn kiosks_at_one_instance_hear_of_a_configuration_published_at_the_other() {
    needs_postgres();
    let data = tempfile::tempdir().unwrap();
    let (a, b) = two_instances(&data);
    let mut kiosk = b.open_stream("/api/v1/kiosk/events", None).await;
    let admin = a.admin().await;
    let draft = admin.draft().await;

    let published = admin.publish(draft.revision).await;

    assert_eq!(published.status, StatusCode::OK, "{}", published.body);
    let heard = kiosk.next().await.expect("the kiosk at the other instance did not hear of it");
    assert_eq!((heard.event.as_str(), heard.data.as_str()), ("published", "2"));
}

#[tokio::test]
#[ignore = "needs PostgreSQL: cargo xtask test runs it (WILLKOMMEN_TEST_DATABASE_URL)"]
async fn both_instances_give_phones_the_one_push_key_made_at_whichever_came_first() {
    needs_postgres();
    let data = tempfile::tempdir().unwrap();
    let (first, second) = two_instances(&data);
    // Asked at both at once, before there is a key: both make one, one is stored.
    let (at_first, at_second) = tokio::join!(first.get_json("/api/v1/push/key"), second.get_json("/api/v1/push/key"));
    assert_eq!(at_first.status, StatusCode::OK, "{}", at_first.body);
    assert_eq!(at_second.status, StatusCode::OK, "{}", at_second.body);
    assert_eq!(at_first.body["application_server_key"], at_second.body["application_server_key"]);
    assert_eq!(second.get_json("/api/v1/push/key").await.body, at_first.body);
}

#[tokio::test]
#[ignore = "needs PostgreSQL: cargo xtask test runs it (WILLKOMMEN_TEST_DATABASE_URL)"]
async fn two_instances_following_one_phone_push_each_moment_once() {
    needs_postgres();
    let data = tempfile::tempdir().unwrap();
    let start = || TestServer::options(data.path()).arg("--push-private-endpoints=true").start();
    let (a, b) = (start(), start());
    let receiver = crate::helpers::PushReceiver::start().await;
    let first = a.issue_ticket("address-change", "de").await;
    let ticket = a.issue_ticket("address-change", "uk").await;
    // Handed to both, as a phone behind a load balancer may: each instance then follows it.
    let subscription = receiver.subscribe("phone", crate::helpers::Answering::Created, None);
    for server in [&a, &b] {
        let url = server.at(&format!("/api/v1/tickets/{}/push", id(&ticket)));
        let answer = server.client().put(url).json(&subscription).send().await.unwrap();
        assert_eq!(answer.status(), StatusCode::NO_CONTENT);
    }
    let patience = Duration::from_secs(10);
    assert_eq!(receiver.wait_for("phone", 1, patience).await[0].message["kind"], "near");
    let (at_a, at_b) = (a.clerk().await, b.clerk().await);
    assert_eq!(at_b.called_next("counter-1").await["id"], first["id"]);
    at_b.done(id(&first), "start").await;
    at_b.done(id(&first), "finish").await;
    assert_eq!(at_a.called_next("counter-2").await["id"], ticket["id"]);
    assert_eq!(receiver.wait_for("phone", 2, patience).await[1].message["kind"], "called");
    at_b.done(id(&ticket), "recall").await;
    assert_eq!(receiver.wait_for("phone", 3, patience).await[2].message["kind"], "recalled");
    assert_eq!(receiver.received("phone")[2].message["lang"], "uk");
    tokio::time::sleep(Duration::from_millis(1500)).await;
    assert_eq!(receiver.received("phone").len(), 3, "each moment once between the two instances");
}
