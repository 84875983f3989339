//! Web Push to the visitors' phones: the office's key, the subscription a phone hands over,
//! and what reaches a push service (a receiver on 127.0.0.1 that decrypts each push with the
//! phone's keys and checks its VAPID signature): the right texts in the page's language, at
//! the right moments, once each; expired subscriptions dropped; busy services tried again;
//! a hanging one delays no call.

use std::time::{Duration, Instant};

use reqwest::{Method, StatusCode};
use serde_json::{Value, json};

use crate::helpers::{Answering, PushReceiver, TestServer, assert_refused, connect_database, id};

const KEY: &str = "/api/v1/push/key";
/// How long a push may take to arrive.
const PATIENCE: Duration = Duration::from_secs(10);
/// How long to listen for a push that must not come.
const SETTLE: Duration = Duration::from_millis(1500);

async fn public_key(server: &TestServer) -> String {
    let answer = server.get_json(KEY).await;
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    answer.body["application_server_key"].as_str().expect("a key").to_owned()
}

/// A server that may push to the receiver on this machine.
fn pushing_server(data: &std::path::Path) -> TestServer {
    TestServer::options(data).arg("--push-private-endpoints=true").start()
}

async fn subscribe(server: &TestServer, ticket: &Value, subscription: &Value) -> crate::helpers::Answer {
    let url = server.at(&format!("/api/v1/tickets/{}/push", id(ticket)));
    crate::helpers::Answer::of(server.client().put(url).json(subscription).send().await.unwrap()).await
}

async fn subscribed(server: &TestServer, ticket: &Value, subscription: &Value) {
    let answer = subscribe(server, ticket, subscription).await;
    assert_eq!(answer.status, StatusCode::NO_CONTENT, "{}", answer.body);
}

async fn subscriptions_stored(data: &std::path::Path) -> i64 {
    let mut db = connect_database(data).await;
    sqlx::query_scalar("SELECT COUNT(*) FROM push_subscriptions").fetch_one(&mut db).await.unwrap()
}

fn number(ticket: &Value) -> String {
    ticket["number"].as_str().expect("the number as printed").to_owned()
}

fn kinds(received: &[crate::helpers::Received]) -> Vec<&str> {
    received.iter().map(|push| push.message["kind"].as_str().unwrap()).collect()
}

#[tokio::test]
async fn the_office_keeps_one_push_key_across_restarts() {
    let data = tempfile::tempdir().unwrap();
    let server = TestServer::start(data.path());
    let key = public_key(&server).await;
    // An uncompressed P-256 point: 65 bytes starting with 4, in base64url without padding.
    assert_eq!(key.len(), 87, "{key}");
    assert!(key.starts_with('B'), "an uncompressed point's first byte is 4: {key}");
    assert!(key.bytes().all(|byte| byte.is_ascii_alphanumeric() || byte == b'-' || byte == b'_'), "{key}");
    assert_eq!(public_key(&server).await, key);
    assert_eq!(server.get_json(KEY).await.body["notify_ahead"], 3, "the default");
    server.stop();

    // Phones that subscribed before a restart must still be reachable after it.
    let server = TestServer::start(data.path());
    assert_eq!(public_key(&server).await, key);

    // Another office has its own.
    let other = tempfile::tempdir().unwrap();
    assert_ne!(public_key(&TestServer::start(other.path())).await, key);
}

#[tokio::test]
async fn a_phone_is_told_nearly_its_turn_and_each_call_once_in_its_language() {
    let data = tempfile::tempdir().unwrap();
    let server = pushing_server(data.path());
    let receiver = PushReceiver::start().await;
    let clerk = server.clerk().await;
    let mut tickets = Vec::new();
    for language in ["de", "de", "tr", "de", "de", "ar"] {
        tickets.push(server.issue_ticket("address-change", language).await);
    }
    let (third, sixth) = (&tickets[2], &tickets[5]);
    // The sixth in line follows in the ticket's language (Arabic); the third's visitor
    // switched the page to English.
    subscribed(&server, sixth, &receiver.subscribe("sixth", Answering::Created, None)).await;
    subscribed(&server, third, &receiver.subscribe("third", Answering::Created, Some("en"))).await;

    // Two ahead of the third already: told at once.
    let pushes = receiver.wait_for("third", 1, PATIENCE).await;
    let near = &pushes[0];
    assert_eq!(near.message["kind"], "near");
    assert_eq!(near.message["lang"], "en");
    assert_eq!(near.message["dir"], "ltr");
    assert_eq!(near.message["title"], format!("{}: Your turn is coming soon", number(third)));
    assert_eq!(near.message["body"], "Only 2 people are ahead of you. Please come to the waiting area now.");
    assert_eq!(near.message["url"], format!("/t/{}", id(third)));
    // Signed for this push service (its origin, port included), by the office's key.
    assert_eq!(near.claims["aud"], format!("http://{}", receiver.address));
    let expires = near.claims["exp"].as_i64().unwrap();
    let now = jiff::Timestamp::now().as_second();
    assert!(expires > now && expires <= now + 24 * 3600, "exp {expires}, now {now}");
    assert_eq!(near.k, public_key(&server).await);
    assert_eq!(near.urgency.as_deref(), Some("high"));
    assert_eq!(near.ttl, Some(15 * 60));

    // Five ahead of the sixth: nothing until only three are.
    assert_eq!(clerk.called_next("counter-1").await["id"], tickets[0]["id"]);
    clerk.done(id(&tickets[0]), "start").await;
    clerk.done(id(&tickets[0]), "finish").await;
    tokio::time::sleep(SETTLE).await;
    assert!(receiver.received("sixth").is_empty(), "{:?}", receiver.received("sixth"));
    assert_eq!(clerk.called_next("counter-1").await["id"], tickets[1]["id"]);
    let near = &receiver.wait_for("sixth", 1, PATIENCE).await[0];
    assert_eq!(
        (&near.message["kind"], &near.message["lang"], &near.message["dir"]),
        (&json!("near"), &json!("ar"), &json!("rtl"))
    );
    assert!(near.message["body"].as_str().unwrap().contains('3'), "{}", near.message);
    assert!(near.message["title"].as_str().unwrap().contains(&number(sixth)), "{}", near.message);

    // The third is called, recalled, and recalled a last time before counting as not come
    // (the demo office: after three calls).
    clerk.done(id(&tickets[1]), "no-show").await;
    assert_eq!(clerk.called_next("counter-1").await["id"], third["id"]);
    let called = &receiver.wait_for("third", 2, PATIENCE).await[1];
    assert_eq!(called.message["kind"], "called");
    assert_eq!(called.message["title"], format!("{}: It is your turn", number(third)));
    assert_eq!(called.message["body"], "Please come to Schalter 1 now.");
    assert_eq!(called.ttl, Some(5 * 60));
    clerk.done(id(third), "recall").await;
    assert_eq!(receiver.wait_for("third", 3, PATIENCE).await[2].message["kind"], "recalled");
    clerk.done(id(third), "recall").await;
    let last = &receiver.wait_for("third", 4, PATIENCE).await[3];
    assert_eq!(last.message["kind"], "last_call");
    assert!(last.message["body"].as_str().unwrap().contains("Schalter 1"), "{}", last.message);
    assert_eq!(clerk.done(id(third), "recall").await["status"], "no_show");

    // Once each: nothing more came, and the third's address is forgotten with its ticket
    // done; the sixth, now two ahead, is not told "nearly" again.
    let until = Instant::now() + PATIENCE;
    while subscriptions_stored(data.path()).await != 1 {
        assert!(Instant::now() < until, "the no-show's subscription is still stored");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    tokio::time::sleep(SETTLE).await;
    assert_eq!(kinds(&receiver.received("third")), ["near", "called", "recalled", "last_call"]);
    assert_eq!(kinds(&receiver.received("sixth")), ["near"]);
}

#[tokio::test]
async fn an_expired_subscription_is_forgotten_and_a_busy_push_service_is_tried_again() {
    let data = tempfile::tempdir().unwrap();
    let server = pushing_server(data.path());
    let receiver = PushReceiver::start().await;
    let first = server.issue_ticket("address-change", "de").await;
    let second = server.issue_ticket("address-change", "de").await;

    // 410 Gone: the browser dropped the subscription; the server drops it too.
    subscribed(&server, &first, &receiver.subscribe("gone", Answering::Gone, None)).await;
    receiver.wait_for_tries("gone", 1, PATIENCE).await;
    let until = Instant::now() + PATIENCE;
    while subscriptions_stored(data.path()).await != 0 {
        assert!(Instant::now() < until, "a subscription its push service called gone is still stored");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // 503 with Retry-After twice, then taken: delivered once, after the pauses asked for.
    subscribed(&server, &second, &receiver.subscribe("busy", Answering::BusyTimes(2), Some("de"))).await;
    let pushes = receiver.wait_for("busy", 1, PATIENCE).await;
    assert_eq!(pushes[0].message["kind"], "near");
    let tries = receiver.tries("busy");
    assert_eq!(tries.len(), 3, "two busy answers and the one that took it");
    for pause in tries.windows(2).map(|pair| pair[1] - pair[0]) {
        assert!(pause >= Duration::from_millis(900), "tried again after {pause:?}, though asked to wait 1 s");
    }
    let metrics = server.get("/metrics").await.text().await.unwrap();
    for line in ["willkommen_pushes_total{outcome=\"gone\"} 1", "willkommen_pushes_total{outcome=\"delivered\"} 1"] {
        assert!(metrics.lines().any(|metric| metric == line), "no {line} in\n{metrics}");
    }
    tokio::time::sleep(SETTLE).await;
    assert_eq!(receiver.tries("gone").len(), 1, "a gone subscription is not tried again");
}

#[tokio::test]
async fn a_push_service_that_hangs_delays_no_call() {
    let data = tempfile::tempdir().unwrap();
    let server = pushing_server(data.path());
    let receiver = PushReceiver::start().await;
    let clerk = server.clerk().await;
    let mut tickets = Vec::new();
    for phone in ["a", "b", "c"] {
        let ticket = server.issue_ticket("address-change", "de").await;
        subscribed(&server, &ticket, &receiver.subscribe(phone, Answering::Hang, None)).await;
        tickets.push(ticket);
    }
    // Each "nearly your turn" now waits for an answer that does not come.
    for phone in ["a", "b", "c"] {
        receiver.wait_for_tries(phone, 1, PATIENCE).await;
    }
    for (ticket, phone) in tickets.iter().zip(["a", "b", "c"]) {
        assert_eq!(clerk.called_next("counter-1").await["id"], ticket["id"]);
        // Its call is on its way too (a push for a visitor already served is not sent).
        receiver.wait_for_tries(phone, 2, PATIENCE).await;
        clerk.done(id(ticket), "start").await;
        clerk.done(id(ticket), "finish").await;
    }
    // Every call was answered while the pushes still hung.
    assert!(["a", "b", "c"].iter().all(|phone| receiver.received(phone).is_empty()));
    receiver.release();
    for phone in ["a", "b", "c"] {
        assert_eq!(kinds(&receiver.wait_for(phone, 2, PATIENCE).await), ["near", "called"]);
    }
}

#[tokio::test]
async fn only_a_subscription_a_browser_makes_for_a_ticket_in_the_queue_is_kept() {
    let data = tempfile::tempdir().unwrap();
    let server = pushing_server(data.path());
    let receiver = PushReceiver::start().await;
    let ticket = server.issue_ticket("address-change", "de").await;
    let good = receiver.subscribe("phone", Answering::Created, None);

    let mut bad_key = good.clone();
    bad_key["keys"]["p256dh"] = json!("AAAA");
    let answer = subscribe(&server, &ticket, &bad_key).await;
    assert!(
        assert_refused(&answer, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field")["message"]
            .as_str()
            .unwrap()
            .contains("p256dh")
    );
    let mut short_auth = good.clone();
    short_auth["keys"]["auth"] = json!("AAAAAAAA");
    assert_refused(&subscribe(&server, &ticket, &short_auth).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field");
    let mut no_endpoint = good.clone();
    no_endpoint["endpoint"] = json!("not a url");
    assert_refused(&subscribe(&server, &ticket, &no_endpoint).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field");
    let mut klingon = good.clone();
    klingon["language"] = json!("tlh");
    assert_refused(&subscribe(&server, &ticket, &klingon).await, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field");
    let mut no_keys = good.clone();
    no_keys.as_object_mut().unwrap().remove("keys");
    assert_eq!(subscribe(&server, &ticket, &no_keys).await.status, StatusCode::UNPROCESSABLE_ENTITY);

    // An id that is no ticket, and a ticket that is done.
    let unknown = json!({"id": "AAAAAAAAAAAAAAAAAAAAAA"});
    assert_refused(&subscribe(&server, &unknown, &good).await, StatusCode::NOT_FOUND, "not_found");
    let gone = server.issue_ticket("address-change", "de").await;
    server.cancel(id(&gone)).await;
    assert_refused(&subscribe(&server, &gone, &good).await, StatusCode::CONFLICT, "invalid_transition");
    assert_eq!(subscriptions_stored(data.path()).await, 0);

    // Turned off: forgotten, and its call is not pushed.
    let behind = server.issue_ticket("address-change", "de").await;
    subscribed(&server, &behind, &receiver.subscribe("late", Answering::Created, None)).await;
    assert_eq!(kinds(&receiver.wait_for("late", 1, PATIENCE).await), ["near"], "one ahead");
    let off = server.client().request(Method::DELETE, server.at(&format!("/api/v1/tickets/{}/push", id(&behind))));
    assert_eq!(off.send().await.unwrap().status(), StatusCode::NO_CONTENT);
    assert_eq!(subscriptions_stored(data.path()).await, 0);
    let clerk = server.clerk().await;
    assert_eq!(clerk.called_next("counter-1").await["id"], ticket["id"]);
    clerk.done(id(&ticket), "start").await;
    clerk.done(id(&ticket), "finish").await;
    assert_eq!(clerk.called_next("counter-1").await["id"], behind["id"]);
    tokio::time::sleep(SETTLE).await;
    assert_eq!(kinds(&receiver.received("late")), ["near"]);
}

#[tokio::test]
async fn pushes_go_only_to_push_services_on_the_internet() {
    let data = tempfile::tempdir().unwrap();
    // Without the tests' setting: a visitor cannot make the server send into its own network.
    let server = TestServer::start(data.path());
    let receiver = PushReceiver::start().await;
    let ticket = server.issue_ticket("address-change", "de").await;
    let mut subscription = receiver.subscribe("phone", Answering::Created, None);
    for endpoint in [
        format!("http://{}/push/phone", receiver.address),
        format!("https://{}/push/phone", receiver.address),
        "https://localhost/push".to_owned(),
        "https://10.0.0.7/push".to_owned(),
        "https://[::1]/push".to_owned(),
    ] {
        subscription["endpoint"] = json!(endpoint);
        let answer = subscribe(&server, &ticket, &subscription).await;
        assert_refused(&answer, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field");
    }
    assert_eq!(subscriptions_stored(data.path()).await, 0);
    assert!(receiver.tries("phone").is_empty());
}
