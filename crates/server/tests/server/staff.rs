//! The staff side of the queue as clerks at their counters use it, against the real server:
//! signing in and out, calling the next visitor, serving, recalling, parking, returning and
//! transferring tickets, scanning a ticket's code, and what the visitor sees meanwhile.
//!
//! Demo office (seeded on a fresh data folder): `counter-1` "Schalter 1" and `counter-2`
//! "Schalter 2" serve every concern, `counter-3` "Information" only `information`; accounts
//! `admin`, `schalter1`, `schalter2`; a ticket is a no-show after 3 calls.

use std::collections::{BTreeSet, HashSet};
use std::time::Duration;

use reqwest::header::{COOKIE, SET_COOKIE};
use reqwest::{Method, StatusCode};
use serde_json::{Value, json};
use tokio::task::JoinSet;
use willkommen_api as wire;

use crate::helpers::{Answer, TestServer, assert_refused, assert_staff_ticket, data_folder_with, edit_database, id};

// ---------------------------------------------------------------------------------------------
// Helpers

const API: &str = "/api/v1";
const SESSION: &str = "/api/v1/session";
const SESSION_COOKIE: &str = "willkommen_session";
/// A well-formed ticket id that no ticket has.
const UNKNOWN_ID: &str = "AAAAAAAAAAAAAAAAAAAAAA";

/// A visitor takes a ticket at the kiosk. Waits a moment afterwards, so the next visitor
/// arrives measurably later (the queue is ordered by arrival time).
async fn take_with(server: &TestServer, concern: &str, checklist: Value) -> Value {
    let ticket = server.issue_ticket_with(&json!({"concern": concern, "language": "en", "checklist": checklist})).await;
    tokio::time::sleep(Duration::from_millis(5)).await;
    ticket
}

async fn take(server: &TestServer, concern: &str) -> Value {
    take_with(server, concern, json!({})).await
}

/// The numbers of `tickets` (a JSON array), in order.
fn numbers(tickets: &Value) -> Vec<&str> {
    tickets.as_array().unwrap().iter().map(|ticket| ticket["number"].as_str().unwrap()).collect()
}

// ---------------------------------------------------------------------------------------------
// Signing in and out

#[tokio::test]
async fn signing_in_sets_a_strict_http_only_session_cookie_and_tells_who_is_signed_in() {
    let server = TestServer::fresh();
    let clerk = server.browser();

    let response = clerk.sign_in_response("schalter1", "willkommen-1").await;
    let cookie = response.headers().get(SET_COOKIE).map(|value| value.to_str().unwrap().to_owned());
    let me = Answer::of(response).await;
    let session = clerk.get(SESSION).await;

    assert_eq!(me.status, StatusCode::OK, "{}", me.body);
    let expected = json!({"username": "schalter1", "display_name": "Demo Schalter 1", "role": "staff"});
    assert_eq!(me.body, expected);
    me.parse::<wire::Me>();
    let cookie = cookie.expect("no Set-Cookie header");
    let mut parts = cookie.split(';').map(str::trim);
    let pair = parts.next().unwrap();
    let value = pair.strip_prefix(&format!("{SESSION_COOKIE}=")).unwrap_or_else(|| panic!("{cookie}"));
    assert!(value.len() >= 20, "a session token must not be guessable: {cookie}");
    let attributes: HashSet<String> = parts.map(str::to_ascii_lowercase).collect();
    for attribute in ["httponly", "samesite=strict", "path=/"] {
        assert!(attributes.contains(attribute), "{attribute} missing in {cookie}");
    }
    assert_eq!((session.status, session.body), (StatusCode::OK, expected));
}

#[tokio::test]
async fn an_admin_signs_in_with_the_admin_role_and_may_use_the_staff_routes() {
    let server = TestServer::fresh();

    let admin = server.admin().await;
    let me = admin.get(SESSION).await.body;
    let queue_status = admin.get(&format!("{API}/queue")).await.status;

    assert_eq!(me, json!({"username": "admin", "display_name": "Demo Admin", "role": "admin"}));
    assert_eq!(queue_status, StatusCode::OK);
}

#[tokio::test]
async fn without_signing_in_there_is_no_session() {
    let server = TestServer::fresh();

    let answer = server.browser().get(SESSION).await;

    assert_refused(&answer, StatusCode::UNAUTHORIZED, "not_signed_in");
}

#[tokio::test]
async fn signing_out_ends_the_session_on_the_server_too() {
    let server = TestServer::fresh();
    let clerk = server.browser();
    let response = clerk.sign_in_response("schalter2", "willkommen-2").await;
    let cookie = response.headers().get(SET_COOKIE).unwrap().to_str().unwrap().to_owned();
    let pair = cookie.split(';').next().unwrap().to_owned();

    let signed_out = clerk.send(Method::DELETE, SESSION, None).await;
    let after = clerk.get(SESSION).await;
    // Someone who copied the cookie before signing out must not get in with it either.
    let copied = server.client().get(server.at(SESSION)).header(COOKIE, &pair).send().await.unwrap();
    let copied = Answer::of(copied).await;
    let copied_queue = server.client().get(server.at(&format!("{API}/queue"))).header(COOKIE, &pair).send().await;
    let copied_queue = Answer::of(copied_queue.unwrap()).await;

    assert_eq!(signed_out.status, StatusCode::NO_CONTENT);
    assert_refused(&after, StatusCode::UNAUTHORIZED, "not_signed_in");
    assert_refused(&copied, StatusCode::UNAUTHORIZED, "not_signed_in");
    assert_refused(&copied_queue, StatusCode::UNAUTHORIZED, "not_signed_in");
}

#[tokio::test]
async fn a_wrong_password_and_an_unknown_user_get_the_very_same_refusal() {
    let server = TestServer::fresh();
    let clerk = server.browser();

    let wrong_password = clerk.sign_in("schalter1", "willkommen-2").await;
    let unknown_user = clerk.sign_in("niemand", "willkommen-1").await;
    let session = clerk.get(SESSION).await;

    assert_refused(&wrong_password, StatusCode::UNAUTHORIZED, "invalid_credentials");
    assert_eq!(unknown_user, wrong_password, "the answer must not tell which of the two was wrong");
    assert_refused(&session, StatusCode::UNAUTHORIZED, "not_signed_in");
}

#[tokio::test]
async fn after_five_wrong_passwords_even_the_right_one_is_refused_for_that_username() {
    let server = TestServer::fresh();
    let clerk = server.browser();
    for attempt in 1..=5 {
        let answer = clerk.sign_in("schalter1", &format!("guess-{attempt}")).await;
        assert_eq!(answer.status, StatusCode::UNAUTHORIZED, "attempt {attempt}: {}", answer.body);
        assert_eq!(answer.body["code"], "invalid_credentials", "attempt {attempt}");
    }

    let sixth = clerk.sign_in("schalter1", "willkommen-1").await;
    let session = clerk.get(SESSION).await;
    let colleague = server.browser().sign_in("schalter2", "willkommen-2").await;

    assert_refused(&sixth, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts");
    assert_refused(&session, StatusCode::UNAUTHORIZED, "not_signed_in");
    assert_eq!(colleague.status, StatusCode::OK, "another username is not locked out: {}", colleague.body);
}

#[tokio::test]
async fn staff_routes_refuse_anyone_not_signed_in_and_change_nothing() {
    let server = TestServer::fresh();
    let ticket = take(&server, "address-change").await;
    let ticket_id = id(&ticket);
    let stranger = server.browser();
    let forged = server.client();
    let forged_cookie = format!("{SESSION_COOKIE}=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    let requests: Vec<(Method, String, Option<Value>)> = vec![
        (Method::GET, format!("{API}/counters"), None),
        (Method::GET, format!("{API}/queue"), None),
        (Method::GET, format!("{API}/lookup?code={ticket_id}"), None),
        (Method::POST, format!("{API}/counters/counter-1/call-next"), None),
        (Method::POST, format!("{API}/tickets/{ticket_id}/call"), Some(json!({"counter": "counter-1"}))),
        (Method::POST, format!("{API}/tickets/{ticket_id}/recall"), None),
        (Method::POST, format!("{API}/tickets/{ticket_id}/start"), None),
        (Method::POST, format!("{API}/tickets/{ticket_id}/finish"), None),
        (Method::POST, format!("{API}/tickets/{ticket_id}/no-show"), None),
        (Method::POST, format!("{API}/tickets/{ticket_id}/park"), None),
        (Method::POST, format!("{API}/tickets/{ticket_id}/return"), None),
        (Method::POST, format!("{API}/tickets/{ticket_id}/transfer"), Some(json!({"concern": "information"}))),
    ];

    for (method, path, body) in &requests {
        let answer = stranger.send(method.clone(), path, body.as_ref()).await;
        assert_eq!(answer.body["code"], "not_signed_in", "{method} {path} without a session: {}", answer.body);
        assert_refused(&answer, StatusCode::UNAUTHORIZED, "not_signed_in");

        let mut request = forged.request(method.clone(), server.at(path)).header(COOKIE, &forged_cookie);
        if let Some(body) = body {
            request = request.json(body);
        }
        let answer = Answer::of(request.send().await.unwrap()).await;
        assert_eq!(answer.body["code"], "not_signed_in", "{method} {path} with a made-up cookie: {}", answer.body);
    }

    let after = server.visitor_view(&ticket).await;
    assert_eq!(after["status"], "waiting", "{after}");
}

// ---------------------------------------------------------------------------------------------
// Counters and calling the next visitor

#[tokio::test]
async fn the_counters_are_listed_with_the_concerns_each_serves() {
    let server = TestServer::fresh();
    let clerk = server.clerk().await;

    let answer = clerk.get(&format!("{API}/counters")).await;

    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    answer.parse::<Vec<wire::Counter>>();
    let counters = answer.body.as_array().unwrap();
    let ids: Vec<&str> = counters.iter().map(|counter| counter["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["counter-1", "counter-2", "counter-3"]);
    let names: Vec<&str> = counters.iter().map(|counter| counter["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Schalter 1", "Schalter 2", "Information"]);
    assert_eq!(counters[0]["concerns"].as_array().unwrap().len(), 11, "{}", counters[0]);
    assert_eq!(counters[2]["concerns"], json!(["information"]));
}

#[tokio::test]
async fn calling_next_gives_the_counter_the_visitor_who_has_waited_longest() {
    let server = TestServer::fresh();
    let first = take_with(&server, "address-change", json!({"passport": true})).await;
    let second = take(&server, "lost-or-stolen-card").await;
    take(&server, "address-change").await;
    let clerk = server.clerk().await;

    let called = clerk.called_next("counter-1").await;
    let next = clerk.called_next("counter-2").await;

    assert_eq!(called["id"], first["id"]);
    assert_eq!(called["number"], "H 001");
    assert_eq!(called["concern"], "address-change");
    assert_eq!(called["language"], "en");
    assert_eq!(called["status"], "called");
    assert_eq!(called["call_count"], 1);
    assert_eq!(called["counter"], "counter-1");
    assert_eq!(called["checklist"], json!({"passport": true}));
    assert_eq!(called["issued_at"], first["issued_at"]);
    assert_eq!(called["waited_minutes"], 0);
    assert_eq!((next["id"].clone(), next["counter"].as_str()), (second["id"].clone(), Some("counter-2")));
}

#[tokio::test]
async fn the_information_desk_is_never_given_a_visitor_of_another_concern() {
    let server = TestServer::fresh();
    let address_change = take(&server, "address-change").await;
    let clerk = server.clerk().await;

    let nobody = clerk.call_next("counter-3").await;
    let information = take(&server, "information").await;
    let called = clerk.called_next("counter-3").await;

    assert_refused(&nobody, StatusCode::CONFLICT, "queue_empty");
    assert_eq!(called["id"], information["id"], "the older address-change ticket is not the desk's");
    assert_eq!(server.visitor_view(&address_change).await["status"], "waiting");
}

#[tokio::test]
async fn a_clerk_who_chose_some_concerns_is_given_only_their_visitors() {
    let server = TestServer::fresh();
    let address_change = take(&server, "address-change").await;
    let lost_card = take(&server, "lost-or-stolen-card").await;
    let clerk = server.clerk().await;
    let path = format!("{API}/counters/counter-1/call-next");

    let chosen = clerk.send(Method::POST, &path, Some(&json!({"concerns": ["lost-or-stolen-card"]}))).await;
    clerk.done(id(&chosen.body), "start").await;
    clerk.done(id(&chosen.body), "finish").await;
    let none_left = clerk.send(Method::POST, &path, Some(&json!({"concerns": ["lost-or-stolen-card"]}))).await;
    // The information desk helps out with address changes today.
    let helping = clerk
        .send(
            Method::POST,
            &format!("{API}/counters/counter-3/call-next"),
            Some(&json!({"concerns": ["address-change"]})),
        )
        .await;

    assert_staff_ticket(&chosen);
    assert_eq!(chosen.body["id"], lost_card["id"], "the older address-change ticket is not what the clerk chose");
    assert_refused(&none_left, StatusCode::CONFLICT, "queue_empty");
    assert_staff_ticket(&helping);
    assert_eq!(helping.body["id"], address_change["id"]);
    assert_eq!(helping.body["served_by"], chosen.body["served_by"]);
    assert!(helping.body["served_by"].as_str().is_some_and(|name| !name.is_empty()), "{}", helping.body);
}

#[tokio::test]
async fn a_choice_of_no_concerns_or_of_an_unknown_one_is_refused_and_calls_nobody() {
    let server = TestServer::fresh();
    take(&server, "address-change").await;
    let clerk = server.clerk().await;
    let path = format!("{API}/counters/counter-1/call-next");

    let empty = clerk.send(Method::POST, &path, Some(&json!({"concerns": []}))).await;
    let unknown = clerk.send(Method::POST, &path, Some(&json!({"concerns": ["address-change", "astrology"]}))).await;
    let misspelt = clerk.send(Method::POST, &path, Some(&json!({"concern": ["address-change"]}))).await;

    assert_refused(&empty, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field");
    assert_refused(&unknown, StatusCode::UNPROCESSABLE_ENTITY, "unknown_concern");
    assert!(unknown.body["message"].as_str().unwrap().contains("astrology"), "{}", unknown.body);
    assert_refused(&misspelt, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    assert_eq!(numbers(&clerk.queue().await["waiting"]), ["H 001"], "the refusals called nobody");
}

/// Some HTTP clients send `Content-Type: application/json` with every POST, body or not.
#[tokio::test]
async fn calling_next_with_a_json_content_type_and_no_body_calls_for_the_counters_own_concerns() {
    let server = TestServer::fresh();
    let waiting = take(&server, "address-change").await;
    let clerk = server.clerk().await;

    let response = clerk
        .client()
        .post(server.at(&format!("{API}/counters/counter-1/call-next")))
        .header("content-type", "application/json")
        .send()
        .await
        .unwrap();

    let called = Answer::of(response).await;
    assert_staff_ticket(&called);
    assert_eq!(called.body["id"], waiting["id"]);
}

#[tokio::test]
async fn calling_next_with_nobody_waiting_or_at_an_unknown_counter_is_refused() {
    let server = TestServer::fresh();
    let clerk = server.clerk().await;

    let empty = clerk.call_next("counter-1").await;
    take(&server, "address-change").await;
    let unknown = clerk.call_next("counter-9").await;

    assert_refused(&empty, StatusCode::CONFLICT, "queue_empty");
    assert_refused(&unknown, StatusCode::NOT_FOUND, "unknown_counter");
    assert_eq!(numbers(&clerk.queue().await["waiting"]), ["H 001"], "the refusal called nobody");
}

#[tokio::test]
async fn tickets_left_over_from_yesterday_are_not_called_today() {
    let data = tempfile::tempdir().unwrap();
    let server = TestServer::start(data.path());
    take(&server, "address-change").await;
    server.stop();
    let yesterday = jiff::Timestamp::now().in_tz("Europe/Berlin").unwrap().date().yesterday().unwrap();
    let to_yesterday = format!(
        "UPDATE tickets SET service_day = '{yesterday}', queued_at = queued_at - 86400000, \
         issued_at = '{yesterday}T10:00:00+01:00'"
    );
    edit_database(data.path(), &[&to_yesterday]).await;
    let server = TestServer::start(data.path());
    let clerk = server.clerk().await;

    let answer = clerk.call_next("counter-1").await;

    assert_refused(&answer, StatusCode::CONFLICT, "queue_empty");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_counters_working_at_once_serve_forty_visitors_each_exactly_once() {
    let server = TestServer::fresh();
    let concerns = ["address-change", "lost-or-stolen-card", "information", "extend-residence-permit"];
    let mut issued = HashSet::new();
    for n in 0..40 {
        issued.insert(id(&take(&server, concerns[n % concerns.len()]).await).to_owned());
    }
    let mut desks = JoinSet::new();
    for (counter, username, password) in
        [("counter-1", "schalter1", "willkommen-1"), ("counter-2", "schalter2", "willkommen-2")]
    {
        let clerk = server.signed_in(username, password).await;
        desks.spawn(async move { clerk.serve_until_queue_empty(counter, 40).await });
    }

    let called: Vec<Vec<String>> = desks.join_all().await;

    let all: Vec<&String> = called.iter().flatten().collect();
    let distinct: HashSet<String> = all.iter().map(|id| (*id).clone()).collect();
    assert_eq!(distinct.len(), all.len(), "a visitor was called twice: {called:?}");
    assert_eq!(distinct, issued, "every visitor is called exactly once, nobody is skipped");
    let queue = server.clerk().await.queue().await;
    assert_eq!((queue["waiting"].clone(), queue["active"].clone()), (json!([]), json!([])), "{queue}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn pressing_call_next_many_times_at_once_at_one_counter_calls_one_visitor() {
    let server = TestServer::fresh();
    for _ in 0..5 {
        take(&server, "address-change").await;
    }
    let clerk = server.clerk().await;
    let mut presses = JoinSet::new();
    for _ in 0..8 {
        let clerk = clerk.clone();
        presses.spawn(async move { clerk.call_next("counter-1").await });
    }

    let answers = presses.join_all().await;

    let called: Vec<&Value> =
        answers.iter().filter(|answer| answer.status == StatusCode::OK).map(|answer| &answer.body).collect();
    assert_eq!(called.len(), 1, "{answers:?}");
    for answer in answers.iter().filter(|answer| answer.status != StatusCode::OK) {
        assert_refused(answer, StatusCode::CONFLICT, "counter_busy");
    }
    let queue = clerk.queue().await;
    assert_eq!(numbers(&queue["active"]), ["H 001"]);
    assert_eq!(numbers(&queue["waiting"]), ["H 002", "H 003", "H 004", "H 005"]);
}

#[tokio::test]
async fn a_counter_with_a_visitor_cannot_call_another_until_it_is_finished() {
    let server = TestServer::fresh();
    for _ in 0..3 {
        take(&server, "address-change").await;
    }
    let third = take(&server, "address-change").await;
    let clerk = server.clerk().await;
    let first = clerk.called_next("counter-1").await;

    let while_called = clerk.call_next("counter-1").await;
    let by_id_while_called = clerk.call(id(&third), "counter-1").await;
    clerk.done(id(&first), "start").await;
    let while_serving = clerk.call_next("counter-1").await;
    clerk.done(id(&first), "finish").await;
    let after_finish = clerk.call_next("counter-1").await;

    assert_refused(&while_called, StatusCode::CONFLICT, "counter_busy");
    assert_refused(&by_id_while_called, StatusCode::CONFLICT, "counter_busy");
    assert_refused(&while_serving, StatusCode::CONFLICT, "counter_busy");
    assert_eq!(assert_staff_ticket(&after_finish)["number"], "H 002");
    assert_eq!(server.visitor_view(&third).await["status"], "waiting", "the refused call did not call it");
}

#[tokio::test]
async fn a_clerk_can_call_a_particular_visitor_to_a_particular_counter() {
    let server = TestServer::fresh();
    take(&server, "address-change").await;
    let second = take(&server, "address-change").await;
    let clerk = server.clerk().await;

    let unknown_counter = clerk.call(id(&second), "counter-9").await;
    let unknown_ticket = clerk.call(UNKNOWN_ID, "counter-2").await;
    let called = clerk.call(id(&second), "counter-2").await;
    let again = clerk.call(id(&second), "counter-1").await;

    // The ticket exists; the request names a counter that does not: the request is wrong (422).
    assert_refused(&unknown_counter, StatusCode::UNPROCESSABLE_ENTITY, "unknown_counter");
    assert_refused(&unknown_ticket, StatusCode::NOT_FOUND, "not_found");
    let called = assert_staff_ticket(&called);
    assert_eq!(called["number"], "H 002");
    assert_eq!(called["status"], "called");
    assert_eq!(called["counter"], "counter-2");
    assert_eq!(called["call_count"], 1);
    assert_refused(&again, StatusCode::CONFLICT, "invalid_transition");
}

// ---------------------------------------------------------------------------------------------
// A ticket's life

#[tokio::test]
async fn a_visitor_is_called_served_and_finished_and_the_counter_is_free_again() {
    let server = TestServer::fresh();
    let ticket = take(&server, "address-change").await;
    let clerk = server.clerk().await;

    let called = clerk.called_next("counter-1").await;
    let serving = clerk.done(id(&ticket), "start").await;
    let finished = clerk.done(id(&ticket), "finish").await;
    let queue = clerk.queue().await;

    assert_eq!((called["status"].as_str(), called["counter"].as_str()), (Some("called"), Some("counter-1")));
    assert_eq!((serving["status"].as_str(), serving["counter"].as_str()), (Some("serving"), Some("counter-1")));
    assert_eq!(finished["status"], "finished");
    assert_eq!(finished["number"], "H 001");
    assert_eq!(finished["call_count"], 1);
    assert_eq!((queue["waiting"].clone(), queue["active"].clone()), (json!([]), json!([])), "{queue}");
    assert_refused(&clerk.call_next("counter-1").await, StatusCode::CONFLICT, "queue_empty");
}

#[tokio::test]
async fn every_action_on_an_unknown_ticket_is_not_found() {
    let server = TestServer::fresh();
    let clerk = server.clerk().await;

    for action in ["call", "recall", "start", "finish", "no-show", "park", "return", "transfer", "cancel"] {
        let answer = match action {
            "call" => clerk.call(UNKNOWN_ID, "counter-1").await,
            "transfer" => clerk.transfer(UNKNOWN_ID, "information").await,
            _ => clerk.act(UNKNOWN_ID, action).await,
        };

        assert_eq!(answer.body["code"], "not_found", "{action}: {}", answer.body);
        assert_refused(&answer, StatusCode::NOT_FOUND, "not_found");
    }
}

#[tokio::test]
async fn a_visitor_may_still_cancel_while_called_or_parked_and_the_counter_is_freed() {
    let server = TestServer::fresh();
    let called = take(&server, "address-change").await;
    let parked = take(&server, "address-change").await;
    let next = take(&server, "address-change").await;
    let clerk = server.clerk().await;
    clerk.call(id(&parked), "counter-2").await;
    clerk.done(id(&parked), "park").await;
    clerk.called_next("counter-1").await;

    let cancel_called = server.cancel(id(&called)).await;
    let cancel_parked = server.cancel(id(&parked)).await;
    let after = clerk.call_next("counter-1").await;

    assert_eq!((cancel_called.status, cancel_called.body["status"].as_str()), (StatusCode::OK, Some("cancelled")));
    assert_eq!((cancel_parked.status, cancel_parked.body["status"].as_str()), (StatusCode::OK, Some("cancelled")));
    assert_eq!(cancel_called.body["counter"], Value::Null, "a cancelled visitor is not expected at a counter");
    assert_eq!(assert_staff_ticket(&after)["id"], next["id"], "the counter is free again");
}

#[tokio::test]
async fn recalling_counts_the_calls_and_the_recall_after_the_third_call_is_a_no_show() {
    let server = TestServer::fresh();
    let ticket = take(&server, "address-change").await;
    let clerk = server.clerk().await;
    clerk.called_next("counter-1").await;

    let second = clerk.done(id(&ticket), "recall").await;
    let third = clerk.done(id(&ticket), "recall").await;
    let fourth = clerk.done(id(&ticket), "recall").await;
    let again = clerk.act(id(&ticket), "recall").await;
    let visitor = server.visitor_view(&ticket).await;

    assert_eq!((second["status"].as_str(), second["call_count"].as_u64()), (Some("called"), Some(2)));
    assert_eq!((third["status"].as_str(), third["call_count"].as_u64()), (Some("called"), Some(3)));
    assert_eq!(third["counter"], "counter-1");
    assert_eq!(fourth["status"], "no_show", "{fourth}");
    assert_eq!(fourth["call_count"], 3, "the recall marked it a no-show instead of calling a fourth time");
    assert_eq!(fourth["counter"], Value::Null);
    assert_refused(&again, StatusCode::CONFLICT, "invalid_transition");
    assert_eq!((visitor["status"].as_str(), visitor["counter"].clone()), (Some("no_show"), Value::Null));
    assert_refused(&clerk.call_next("counter-1").await, StatusCode::CONFLICT, "queue_empty");
}

#[tokio::test]
async fn the_number_of_calls_before_a_no_show_is_the_offices_setting() {
    let data = data_folder_with(&["UPDATE office SET no_show_after_calls = 1"]).await;
    let server = TestServer::start(data.path());
    let ticket = take(&server, "address-change").await;
    let clerk = server.clerk().await;
    clerk.called_next("counter-1").await;

    let recalled = clerk.done(id(&ticket), "recall").await;

    assert_eq!(recalled["status"], "no_show", "{recalled}");
}

#[tokio::test]
async fn a_called_visitor_who_does_not_come_is_marked_no_show_and_the_counter_is_free() {
    let server = TestServer::fresh();
    let ticket = take(&server, "address-change").await;
    let next = take(&server, "address-change").await;
    let clerk = server.clerk().await;
    clerk.called_next("counter-1").await;

    let no_show = clerk.done(id(&ticket), "no-show").await;
    let after = clerk.called_next("counter-1").await;

    assert_eq!((no_show["status"].as_str(), no_show["counter"].clone()), (Some("no_show"), Value::Null));
    assert_eq!(after["id"], next["id"]);
}

#[tokio::test]
async fn a_parked_visitor_is_not_called_next_and_once_returned_goes_before_everyone_waiting() {
    let server = TestServer::fresh();
    let oldest = take(&server, "address-change").await;
    take(&server, "lost-or-stolen-card").await;
    let newest = take(&server, "address-change").await;
    let clerk = server.clerk().await;
    clerk.call(id(&newest), "counter-1").await;
    clerk.done(id(&newest), "start").await;

    let parked = clerk.done(id(&newest), "park").await;
    let meanwhile = clerk.called_next("counter-1").await;
    clerk.done(id(&meanwhile), "start").await;
    clerk.done(id(&meanwhile), "finish").await;
    let returned = clerk.done(id(&newest), "return").await;
    let waiting_order = numbers(&clerk.queue().await["waiting"]).join(", ");
    let called_again = clerk.called_next("counter-2").await;

    assert_eq!((parked["status"].as_str(), parked["counter"].clone()), (Some("parked"), Value::Null));
    assert_eq!(meanwhile["id"], oldest["id"], "the parked visitor left the counter free for the next one");
    assert_eq!(returned["status"], "waiting");
    assert_eq!(returned["number"], "H 002");
    assert_eq!(waiting_order, "H 002, K 001");
    assert_eq!(called_again["id"], newest["id"], "returned visitors go first");
    // The visitor came when first called; the count of unanswered calls starts again.
    assert_eq!(called_again["call_count"], 1, "{called_again}");
}

#[tokio::test]
async fn a_parked_visitor_can_be_called_back_by_name_while_call_next_leaves_them_alone() {
    let server = TestServer::fresh();
    let ticket = take(&server, "address-change").await;
    let clerk = server.clerk().await;
    clerk.called_next("counter-1").await;
    clerk.done(id(&ticket), "park").await;

    let call_next = clerk.call_next("counter-1").await;
    let called = clerk.call(id(&ticket), "counter-2").await;

    assert_refused(&call_next, StatusCode::CONFLICT, "queue_empty");
    let called = assert_staff_ticket(&called);
    assert_eq!((called["status"].as_str(), called["counter"].as_str()), (Some("called"), Some("counter-2")));
}

#[tokio::test]
async fn a_transferred_visitor_keeps_the_number_and_goes_ahead_in_the_other_queue() {
    let server = TestServer::fresh();
    let earlier = take(&server, "information").await;
    let ticket = take(&server, "address-change").await;
    let later = take(&server, "information").await;
    let clerk = server.clerk().await;
    clerk.call(id(&ticket), "counter-1").await;
    clerk.done(id(&ticket), "start").await;

    let unknown = clerk.transfer(id(&ticket), "no-such-concern").await;
    let transferred = clerk.transfer(id(&ticket), "information").await;
    let visitor = server.visitor_view(&ticket).await;
    let waiting_order = numbers(&clerk.queue().await["waiting"]).join(", ");
    let at_information = clerk.call_next("counter-3").await;
    let at_counter_1 = clerk.call_next("counter-1").await;

    assert_refused(&unknown, StatusCode::UNPROCESSABLE_ENTITY, "unknown_concern");
    let transferred = assert_staff_ticket(&transferred);
    assert_eq!(transferred["status"], "waiting");
    assert_eq!(transferred["number"], "H 001", "the visitor keeps the number on the paper ticket");
    assert_eq!(transferred["concern"], "information");
    assert_eq!(transferred["counter"], Value::Null);
    assert_eq!((visitor["concern"].as_str(), visitor["people_ahead"].as_u64()), (Some("information"), Some(0)));
    assert_eq!(waiting_order, "H 001, I 001, I 002");
    assert_eq!(assert_staff_ticket(&at_information)["id"], ticket["id"], "ahead of plain waiting visitors");
    let at_counter_1 = assert_staff_ticket(&at_counter_1);
    assert_eq!(at_counter_1["id"], earlier["id"], "counter-1 is free once the visitor was transferred");
    assert_ne!(at_counter_1["id"], later["id"]);
}

#[tokio::test]
async fn the_kiosk_keeps_issuing_tickets_for_a_concern_that_received_a_transferred_visitor() {
    let server = TestServer::fresh();
    let ticket = take(&server, "address-change").await; // H 001
    let clerk = server.clerk().await;
    clerk.called_next("counter-1").await;
    assert_staff_ticket(&clerk.transfer(id(&ticket), "information").await);

    let next = server.issue_ticket("information", "de").await;

    assert_eq!(next["number"], "I 001");
    assert_eq!(next["people_ahead"], 1, "the transferred visitor goes first");
}

#[tokio::test]
async fn a_called_visitor_can_be_transferred_before_being_served() {
    let server = TestServer::fresh();
    let ticket = take(&server, "address-change").await;
    let clerk = server.clerk().await;
    clerk.called_next("counter-1").await;

    let transferred = clerk.transfer(id(&ticket), "lost-or-stolen-card").await;

    let transferred = assert_staff_ticket(&transferred);
    assert_eq!((transferred["status"].as_str(), transferred["number"].as_str()), (Some("waiting"), Some("H 001")));
    assert_eq!(transferred["concern"], "lost-or-stolen-card");
}

// ---------------------------------------------------------------------------------------------
// What the clerk sees of a visitor

#[tokio::test]
async fn missing_documents_are_the_required_ones_answered_no_or_not_answered() {
    let server = TestServer::fresh();
    let partly = take_with(&server, "address-change", json!({"passport": true, "residence-card": false})).await;
    let complete = take_with(
        &server,
        "address-change",
        json!({"passport": true, "residence-card": true, "registration-certificate": true}),
    )
    .await;
    let lost_card = take_with(&server, "lost-or-stolen-card", json!({"passport": true, "biometric-photo": true})).await;
    let information = take(&server, "information").await;
    let clerk = server.clerk().await;

    let partly = clerk.ticket(id(&partly)).await;
    let complete = clerk.ticket(id(&complete)).await;
    let lost_card = clerk.ticket(id(&lost_card)).await;
    let information = clerk.ticket(id(&information)).await;

    let missing = |ticket: &Value| -> BTreeSet<String> {
        ticket["missing_required"].as_array().unwrap().iter().map(|item| item.as_str().unwrap().to_owned()).collect()
    };
    assert_eq!(missing(&partly), BTreeSet::from(["registration-certificate".into(), "residence-card".into()]));
    assert_eq!(partly["checklist"], json!({"passport": true, "residence-card": false}));
    assert_eq!(missing(&complete), BTreeSet::new());
    assert_eq!(missing(&lost_card), BTreeSet::new(), "the police report is not required");
    assert_eq!(missing(&information), BTreeSet::new());
}

#[tokio::test]
async fn a_scanned_code_finds_the_ticket_whatever_the_scanner_adds() {
    let server = TestServer::fresh();
    let ticket = take(&server, "address-change").await;
    let ticket_id = id(&ticket);
    let status_url = ticket["status_url"].as_str().unwrap();
    let clerk = server.clerk().await;

    for code in [
        status_url.to_owned(),
        format!("{status_url}\n"),
        format!("{status_url}\r\n"),
        format!("https://warteschlange.example.de/t/{ticket_id}"),
        ticket_id.to_owned(),
        format!("  {ticket_id}\n"),
        format!("\t{ticket_id} "),
    ] {
        let answer = clerk.lookup(&code).await;

        assert_eq!(answer.status, StatusCode::OK, "{code:?}: {}", answer.body);
        let found = assert_staff_ticket(&answer);
        assert_eq!((found["id"].as_str(), found["number"].as_str()), (Some(ticket_id), Some("H 001")), "{code:?}");
    }
}

#[tokio::test]
async fn a_scanned_code_of_no_ticket_is_not_found() {
    let server = TestServer::fresh();
    take(&server, "address-change").await;
    let clerk = server.clerk().await;

    for code in [
        UNKNOWN_ID.to_owned(),
        server.at(&format!("/t/{UNKNOWN_ID}")),
        "hello".to_owned(),
        "../../etc/passwd".to_owned(),
    ] {
        let answer = clerk.lookup(&code).await;

        assert_eq!(answer.body["code"], "not_found", "{code:?}: {}", answer.body);
        assert_refused(&answer, StatusCode::NOT_FOUND, "not_found");
    }
}

// ---------------------------------------------------------------------------------------------
// What the visitor sees

#[tokio::test]
async fn the_visitor_sees_the_counters_name_while_called_or_served_and_no_place_in_line() {
    let server = TestServer::fresh();
    let ticket = take(&server, "address-change").await;
    let behind = take(&server, "address-change").await;
    let clerk = server.clerk().await;
    let before = server.visitor_view(&ticket).await;
    let behind_before = server.visitor_view(&behind).await;

    clerk.called_next("counter-2").await;
    let called = server.visitor_view(&ticket).await;
    let behind_after = server.visitor_view(&behind).await;
    clerk.done(id(&ticket), "start").await;
    let serving = server.visitor_view(&ticket).await;
    clerk.done(id(&ticket), "finish").await;
    let finished = server.visitor_view(&ticket).await;

    assert_eq!((before["counter"].clone(), before["people_ahead"].as_u64()), (Value::Null, Some(0)));
    assert_eq!(called["status"], "called");
    assert_eq!(called["counter"], "Schalter 2", "the visitor needs the name on the sign, not an id");
    assert_eq!(called["people_ahead"], Value::Null);
    assert_eq!((serving["status"].as_str(), serving["counter"].as_str()), (Some("serving"), Some("Schalter 2")));
    assert_eq!(serving["people_ahead"], Value::Null);
    assert_eq!((finished["status"].as_str(), finished["counter"].clone()), (Some("finished"), Value::Null));
    assert_eq!((behind_before["people_ahead"].as_u64(), behind_after["people_ahead"].as_u64()), (Some(1), Some(0)));
    serde_json::from_value::<wire::Ticket>(called).expect("the web app cannot read the called ticket");
}

#[tokio::test]
async fn the_information_desk_is_shown_to_the_visitor_by_its_name() {
    let server = TestServer::fresh();
    let ticket = take(&server, "information").await;
    let clerk = server.clerk().await;

    clerk.called_next("counter-3").await;

    assert_eq!(server.visitor_view(&ticket).await["counter"], "Information");
}

// ---------------------------------------------------------------------------------------------
// The queue view

#[tokio::test]
async fn the_queue_shows_waiting_visitors_in_call_order_and_who_is_at_which_counter() {
    let server = TestServer::fresh();
    let h1 = take(&server, "address-change").await;
    take(&server, "lost-or-stolen-card").await; // K 001
    let h2 = take(&server, "address-change").await;
    let i1 = take(&server, "information").await;
    let h3 = take(&server, "address-change").await;
    let h4 = take(&server, "address-change").await;
    let clerk = server.clerk().await;
    // H 002 is parked and returned: it goes first.
    clerk.call(id(&h2), "counter-1").await;
    clerk.done(id(&h2), "park").await;
    clerk.called_next("counter-1").await; // H 001
    clerk.done(id(&h1), "start").await;
    clerk.done(id(&h2), "return").await;
    // I 001 is parked (fetching a document).
    clerk.called_next("counter-3").await;
    clerk.done(id(&i1), "park").await;
    // H 003 is called to counter-2; H 004 gave up.
    clerk.call(id(&h3), "counter-2").await;
    server.cancel(id(&h4)).await;

    let queue = clerk.queue().await;

    let waiting = queue["waiting"].as_array().unwrap();
    let in_line: Vec<&str> =
        waiting.iter().filter(|t| t["status"] == "waiting").map(|t| t["number"].as_str().unwrap()).collect();
    assert_eq!(in_line, ["H 002", "K 001"], "returned first, then by arrival; {queue}");
    let parked: Vec<&Value> = waiting.iter().filter(|t| t["status"] == "parked").collect();
    assert_eq!(parked.len(), 1, "{queue}");
    assert_eq!((parked[0]["number"].as_str(), parked[0]["counter"].clone()), (Some("I 001"), Value::Null));
    assert_eq!(waiting.len(), 3, "no finished, cancelled or active tickets in the waiting list: {queue}");
    let active: BTreeSet<(String, String, String)> = queue["active"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| (t["number"].to_string(), t["status"].to_string(), t["counter"].to_string()))
        .collect();
    let expected: BTreeSet<(String, String, String)> = [
        ("\"H 001\"".into(), "\"serving\"".into(), "\"counter-1\"".into()),
        ("\"H 003\"".into(), "\"called\"".into(), "\"counter-2\"".into()),
    ]
    .into();
    assert_eq!(active, expected, "{queue}");
    let counters: Vec<&str> = queue["counters"].as_array().unwrap().iter().map(|c| c["id"].as_str().unwrap()).collect();
    assert_eq!(counters, ["counter-1", "counter-2", "counter-3"]);
}

#[tokio::test]
async fn the_queue_shows_how_long_each_visitor_has_waited() {
    let data = tempfile::tempdir().unwrap();
    let server = TestServer::start(data.path());
    take(&server, "address-change").await;
    server.stop();
    // The visitor arrived half an hour ago.
    let arrived = jiff::Timestamp::now() - jiff::SignedDuration::from_mins(30);
    let issued_at = arrived.in_tz("Europe/Berlin").unwrap().strftime("%Y-%m-%dT%H:%M:%S%:z").to_string();
    let back_in_time =
        format!("UPDATE tickets SET queued_at = {}, issued_at = '{issued_at}'", arrived.as_millisecond());
    edit_database(data.path(), &[&back_in_time]).await;
    let server = TestServer::start(data.path());

    let queue = server.clerk().await.queue().await;

    let waited = queue["waiting"][0]["waited_minutes"].as_u64().unwrap_or_else(|| panic!("{queue}"));
    assert!((30..=31).contains(&waited), "{queue}");
}

// ---------------------------------------------------------------------------------------------
// Waiting-time estimate

#[tokio::test]
async fn the_wait_estimate_comes_from_real_service_times_once_a_counter_works() {
    let data = tempfile::tempdir().unwrap();
    let server = TestServer::start(data.path());
    let first = take(&server, "address-change").await;
    assert_eq!(first["estimated_wait"], Value::Null, "no service yet: no basis for an estimate");
    let clerk = server.clerk().await;
    clerk.called_next("counter-1").await;
    clerk.done(id(&first), "start").await;
    clerk.done(id(&first), "finish").await;
    server.stop();
    // That service took 10 minutes.
    let ten_minutes_ago = (jiff::Timestamp::now() - jiff::SignedDuration::from_mins(10)).strftime("%Y-%m-%dT%H:%M:%SZ");
    edit_database(
        data.path(),
        &[&format!(
            "UPDATE ticket_events SET at = '{ten_minutes_ago}' WHERE ticket_id = '{}' AND kind = 'started'",
            id(&first)
        )],
    )
    .await;
    let server = TestServer::start(data.path());

    take(&server, "address-change").await;
    take(&server, "address-change").await;
    let third = take(&server, "address-change").await;

    // Two ahead, 10 minutes each, one counter: about 20 minutes.
    assert_eq!(third["people_ahead"], 2);
    assert_eq!(third["estimated_wait"], json!({"min_minutes": 15, "max_minutes": 25}));
    assert_eq!(server.visitor_view(&third).await["estimated_wait"], json!({"min_minutes": 15, "max_minutes": 25}));
}
