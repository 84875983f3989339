//! The public API as kiosks and visitors' phones use it, against the real server: the kiosk
//! data, taking and following tickets, refusals in the one error shape, many kiosks at once,
//! durability, and the headers every answer carries.

use std::collections::HashSet;

use reqwest::header::{CONTENT_TYPE, LOCATION};
use reqwest::{Method, Response, StatusCode};
use serde_json::{Value, json};
use tokio::task::JoinSet;
use willkommen_api as wire;

use crate::helpers::{Answer, TestServer, assert_refused, connect_database, data_folder_with, edit_database, new_key};

// ---------------------------------------------------------------------------------------------
// Helpers

const TICKETS: &str = "/api/v1/tickets";

/// What a kiosk sends for a visitor who wants to extend a residence permit.
fn extend_residence_permit() -> Value {
    json!({"concern": "extend-residence-permit", "language": "en", "checklist": {"passport": true}})
}

/// A request a kiosk could get wrong, sent as raw bytes.
struct BadRequest {
    method: &'static str,
    path: &'static str,
    content_type: Option<&'static str>,
    body: &'static str,
}

impl BadRequest {
    async fn send(&self, server: &TestServer) -> Response {
        let method = Method::from_bytes(self.method.as_bytes()).unwrap();
        let mut request = server.client().request(method, server.at(self.path)).body(self.body);
        if self.method == "POST" {
            request = request.header("Idempotency-Key", new_key());
        }
        if let Some(content_type) = self.content_type {
            request = request.header(CONTENT_TYPE, content_type);
        }
        request.send().await.expect("the server did not answer")
    }

    async fn answer(&self, server: &TestServer) -> Answer {
        Answer::of(self.send(server).await).await
    }
}

const JSON: Option<&str> = Some("application/json");

const MALFORMED_JSON: BadRequest =
    BadRequest { method: "POST", path: TICKETS, content_type: JSON, body: r#"{"concern": "address-change", "# };
const WRONG_TYPE: BadRequest =
    BadRequest { method: "POST", path: TICKETS, content_type: JSON, body: r#"{"concern": 5, "language": "en"}"# };
const UNKNOWN_FIELD: BadRequest = BadRequest {
    method: "POST",
    path: TICKETS,
    content_type: JSON,
    body: r#"{"concern": "address-change", "language": "en", "langauge": "de"}"#,
};
const NO_CONTENT_TYPE: BadRequest = BadRequest {
    method: "POST",
    path: TICKETS,
    content_type: None,
    body: r#"{"concern": "address-change", "language": "en"}"#,
};
const UNKNOWN_CONCERN: BadRequest = BadRequest {
    method: "POST",
    path: TICKETS,
    content_type: JSON,
    body: r#"{"concern": "buy-a-castle", "language": "en"}"#,
};
const LANGUAGE_NOT_OFFERED: BadRequest = BadRequest {
    method: "POST",
    path: TICKETS,
    content_type: JSON,
    body: r#"{"concern": "address-change", "language": "xx"}"#,
};
/// `biometric-photo` is on other concerns' checklists, but not on the address change's.
const FOREIGN_CHECKLIST_ITEM: BadRequest = BadRequest {
    method: "POST",
    path: TICKETS,
    content_type: JSON,
    body: r#"{"concern": "address-change", "language": "en", "checklist": {"biometric-photo": true}}"#,
};
const UNKNOWN_ROUTE: BadRequest = BadRequest { method: "GET", path: "/api/v1/nope", content_type: None, body: "" };
const WRONG_METHOD: BadRequest = BadRequest { method: "DELETE", path: "/api/v1/kiosk", content_type: None, body: "" };

// ---------------------------------------------------------------------------------------------
// The kiosk

#[tokio::test]
async fn kiosk_offers_at_least_eight_concerns_named_in_german_and_english() {
    let server = TestServer::fresh();

    let kiosk = server.kiosk().await;

    assert!(kiosk.concerns.len() >= 8, "only {} concerns", kiosk.concerns.len());
    assert!(kiosk.languages.iter().any(|tag| tag == "de"), "{:?}", kiosk.languages);
    assert!(kiosk.languages.iter().any(|tag| tag == "en"), "{:?}", kiosk.languages);
    for concern in &kiosk.concerns {
        assert!(concern.name.get("de").is_some(), "{} has no German name", concern.id.as_str());
        assert!(concern.name.get("en").is_some(), "{} has no English name", concern.id.as_str());
    }
}

#[tokio::test]
async fn the_demo_office_speaks_twelve_languages_with_every_concern_named_in_each() {
    let server = TestServer::fresh();

    let kiosk = server.kiosk().await;

    let expected = ["de", "de-x-ls", "en", "ar", "tr", "uk", "ru", "fa", "kmr", "pl", "ro", "ti"];
    assert_eq!(kiosk.languages, expected);
    for concern in &kiosk.concerns {
        for language in expected {
            assert!(concern.name.get(language).is_some(), "{} has no name in {language}", concern.id.as_str());
            for item in &concern.checklist {
                assert!(item.text.get(language).is_some(), "{}/{} lacks {language}", concern.id.as_str(), item.id);
            }
        }
    }
}

#[tokio::test]
async fn the_kiosk_learns_when_to_start_over_and_where_not_sure_leads() {
    let data = tempfile::tempdir().unwrap();
    let server = TestServer::start(data.path());

    let kiosk = server.kiosk().await;
    assert_eq!(kiosk.inactivity, wire::Inactivity { idle_seconds: 60, warning_seconds: 30 });
    let information = kiosk.information_concern.expect("the demo office has an information desk");
    assert!(kiosk.concerns.iter().any(|concern| concern.id == information));
    server.stop();

    edit_database(data.path(), &["UPDATE office SET kiosk_idle_seconds = 5, kiosk_warning_seconds = 20"]).await;
    let server = TestServer::start(data.path());
    let kiosk = server.kiosk().await;
    assert_eq!(kiosk.inactivity, wire::Inactivity { idle_seconds: 5, warning_seconds: 20 });
}

#[tokio::test]
async fn the_kiosk_data_is_revalidated_by_etag_and_sent_compressed() {
    let server = TestServer::fresh();
    let client = server.client();

    let first = client.get(server.at("/api/v1/kiosk")).header("accept-encoding", "br").send().await.unwrap();
    assert_eq!(first.status(), StatusCode::OK);
    assert_eq!(first.headers()["content-encoding"], "br");
    let etag = first.headers()["etag"].to_str().unwrap().to_owned();
    let compressed = first.bytes().await.unwrap().len();
    let plain = server.get("/api/v1/kiosk").await.bytes().await.unwrap().len();
    assert!(compressed * 3 < plain, "{compressed} bytes compressed against {plain}");

    let again = client.get(server.at("/api/v1/kiosk")).header("if-none-match", &etag).send().await.unwrap();
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
    assert!(again.bytes().await.unwrap().is_empty());

    let stale = client.get(server.at("/api/v1/kiosk")).header("if-none-match", "\"other\"").send().await.unwrap();
    assert_eq!(stale.status(), StatusCode::OK);
}

#[tokio::test]
async fn the_database_refuses_a_warning_shorter_than_twenty_seconds() {
    let data = data_folder_with(&[]).await;
    let mut db = connect_database(data.path()).await;

    let refused = sqlx::query("UPDATE office SET kiosk_warning_seconds = 19").execute(&mut db).await;

    assert!(refused.is_err(), "WCAG 2.2.1 asks for at least 20 seconds to react");
}

// ---------------------------------------------------------------------------------------------
// Taking and following tickets

#[tokio::test]
async fn the_first_ticket_of_a_concern_is_waiting_with_number_001_and_a_status_link() {
    let server = TestServer::fresh();

    let response = server.post_ticket(Some(&new_key()), &extend_residence_permit()).await;

    assert_eq!(response.status(), StatusCode::CREATED);
    let location = response.headers().get(LOCATION).expect("no Location header").to_str().unwrap().to_owned();
    let ticket: Value = response.json().await.unwrap();
    let id = ticket["id"].as_str().expect("no id");
    assert_eq!(id.len(), 22, "{id}");
    assert!(id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'), "{id}");
    assert_eq!(location, format!("/api/v1/tickets/{id}"));
    assert_eq!(ticket["number"], "A 001");
    assert_eq!(ticket["status"], "waiting");
    assert_eq!(ticket["concern"], "extend-residence-permit");
    assert_eq!(ticket["language"], "en");
    assert_eq!(ticket["checklist"], json!({"passport": true}));
    let status_url = ticket["status_url"].as_str().unwrap();
    assert!(status_url.starts_with(server.url()), "{status_url}");
    assert!(status_url.ends_with(&format!("/t/{id}")), "{status_url}");
    serde_json::from_value::<wire::Ticket>(ticket.clone()).expect("the web app cannot read the ticket");
}

#[tokio::test]
async fn the_next_ticket_of_the_same_concern_gets_the_next_number() {
    let server = TestServer::fresh();
    let first = server.issue_ticket_with(&extend_residence_permit()).await;

    let second = server.issue_ticket_with(&extend_residence_permit()).await;

    assert_eq!(first["number"], "A 001");
    assert_eq!(second["number"], "A 002");
    assert_ne!(first["id"], second["id"]);
}

#[tokio::test]
async fn each_concern_counts_its_own_numbers_with_its_own_prefix() {
    let server = TestServer::fresh();
    server.issue_ticket_with(&extend_residence_permit()).await;
    server.issue_ticket_with(&extend_residence_permit()).await;

    let address_change = server.issue_ticket_with(&json!({"concern": "address-change", "language": "de"})).await;

    assert_eq!(address_change["number"], "H 001");
    assert_eq!(address_change["checklist"], json!({}));
}

#[tokio::test]
async fn a_ticket_can_be_followed_by_its_id_and_its_location() {
    let server = TestServer::fresh();
    let created = server.post_ticket(Some(&new_key()), &extend_residence_permit()).await;
    let location = created.headers()[LOCATION].to_str().unwrap().to_owned();
    let ticket: Value = created.json().await.unwrap();
    let id = ticket["id"].as_str().unwrap();

    let by_id = server.get(&format!("/api/v1/tickets/{id}")).await;
    let by_location = server.get(&location).await;

    assert_eq!(by_id.status(), StatusCode::OK);
    assert_eq!(by_id.json::<Value>().await.unwrap(), ticket);
    assert_eq!(by_location.status(), StatusCode::OK);
    assert_eq!(by_location.json::<Value>().await.unwrap(), ticket);
}

#[tokio::test]
async fn an_unknown_ticket_id_is_not_found() {
    let server = TestServer::fresh();
    server.issue_ticket_with(&extend_residence_permit()).await;

    let answer = server.get_json("/api/v1/tickets/AAAAAAAAAAAAAAAAAAAAAA").await;

    assert_refused(&answer, StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn a_malformed_ticket_id_is_not_found_like_an_unknown_one() {
    let server = TestServer::fresh();
    let ticket = server.issue_ticket_with(&extend_residence_permit()).await;
    let number_with_space = ticket["number"].as_str().unwrap().replace(' ', "%20");

    for garbage in ["..%2F..%2Fwillkommen.db", "..%2Fx", &number_with_space, "x", "AAAAAAAAAAAAAAAAAAAAAAA", "%00"] {
        let answer = server.get_json(&format!("/api/v1/tickets/{garbage}")).await;

        let body = assert_refused(&answer, StatusCode::NOT_FOUND, "not_found");
        assert_eq!(body["message"], "no such ticket", "{garbage}");
    }
}

// ---------------------------------------------------------------------------------------------
// Refusals: always 4xx with {"code", "message"}, never a 500

#[tokio::test]
async fn malformed_json_is_refused_with_400_malformed_json() {
    let server = TestServer::fresh();

    let answer = MALFORMED_JSON.answer(&server).await;

    assert_refused(&answer, StatusCode::BAD_REQUEST, "malformed_json");
}

#[tokio::test]
async fn a_field_of_the_wrong_type_is_refused_with_422_invalid_body() {
    let server = TestServer::fresh();

    let answer = WRONG_TYPE.answer(&server).await;

    assert_refused(&answer, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
}

#[tokio::test]
async fn an_unknown_field_is_refused_with_422_invalid_body() {
    let server = TestServer::fresh();

    let answer = UNKNOWN_FIELD.answer(&server).await;

    let body = assert_refused(&answer, StatusCode::UNPROCESSABLE_ENTITY, "invalid_body");
    assert!(body["message"].as_str().unwrap().contains("langauge"), "the message does not name the field: {body}");
}

#[tokio::test]
async fn a_body_without_json_content_type_is_refused_with_415() {
    let server = TestServer::fresh();

    let answer = NO_CONTENT_TYPE.answer(&server).await;

    assert_refused(&answer, StatusCode::UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
}

#[tokio::test]
async fn an_unknown_concern_is_refused_with_422_unknown_concern() {
    let server = TestServer::fresh();

    let answer = UNKNOWN_CONCERN.answer(&server).await;

    let body = assert_refused(&answer, StatusCode::UNPROCESSABLE_ENTITY, "unknown_concern");
    assert!(body["message"].as_str().unwrap().contains("buy-a-castle"), "{body}");
}

#[tokio::test]
async fn a_language_the_office_does_not_offer_is_refused_with_422_invalid_field() {
    let server = TestServer::fresh();

    let answer = LANGUAGE_NOT_OFFERED.answer(&server).await;

    assert_refused(&answer, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field");
}

#[tokio::test]
async fn a_checklist_item_of_another_concern_is_refused_with_422_invalid_field() {
    let server = TestServer::fresh();

    let answer = FOREIGN_CHECKLIST_ITEM.answer(&server).await;

    let body = assert_refused(&answer, StatusCode::UNPROCESSABLE_ENTITY, "invalid_field");
    assert!(body["message"].as_str().unwrap().contains("biometric-photo"), "{body}");
}

#[tokio::test]
async fn an_unknown_api_route_is_a_json_404() {
    let server = TestServer::fresh();

    let answer = UNKNOWN_ROUTE.answer(&server).await;

    assert_refused(&answer, StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn a_wrong_method_on_an_api_route_is_a_json_405() {
    let server = TestServer::fresh();

    let answer = WRONG_METHOD.answer(&server).await;

    assert_refused(&answer, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
}

#[tokio::test]
async fn refused_requests_use_up_no_ticket_numbers() {
    let server = TestServer::fresh();
    let first = server.issue_ticket_with(&json!({"concern": "address-change", "language": "en"})).await;
    let refusals = [
        (&MALFORMED_JSON, 400),
        (&WRONG_TYPE, 422),
        (&UNKNOWN_FIELD, 422),
        (&NO_CONTENT_TYPE, 415),
        (&UNKNOWN_CONCERN, 422),
        (&LANGUAGE_NOT_OFFERED, 422),
        (&FOREIGN_CHECKLIST_ITEM, 422),
        (&UNKNOWN_ROUTE, 404),
        (&WRONG_METHOD, 405),
    ];
    for (request, status) in refusals {
        assert_eq!(request.send(&server).await.status().as_u16(), status, "{} {}", request.method, request.body);
    }

    let next = server.issue_ticket_with(&json!({"concern": "address-change", "language": "en"})).await;

    assert_eq!(first["number"], "H 001");
    assert_eq!(next["number"], "H 002");
}

// ---------------------------------------------------------------------------------------------
// Many kiosks at once

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn thirty_simultaneous_tickets_for_one_concern_get_thirty_different_numbers() {
    let server = TestServer::fresh();
    let client = server.client();
    let url = server.at(TICKETS);
    let mut kiosks = JoinSet::new();
    for _ in 0..30 {
        let request = client.post(&url).header("Idempotency-Key", new_key()).json(&extend_residence_permit());
        kiosks.spawn(async move {
            let response = request.send().await.expect("the server did not answer");
            let status = response.status();
            let text = response.text().await.unwrap();
            assert_eq!(status, StatusCode::CREATED, "{text}");
            serde_json::from_str::<wire::Ticket>(&text).unwrap()
        });
    }

    let tickets: Vec<wire::Ticket> = kiosks.join_all().await;

    let mut sequences: Vec<u32> = tickets.iter().map(|ticket| ticket.number.sequence).collect();
    sequences.sort_unstable();
    assert_eq!(sequences, (1..=30).collect::<Vec<u32>>());
    assert!(tickets.iter().all(|ticket| ticket.number.prefix == "A"));
    let ids: HashSet<&str> = tickets.iter().map(|ticket| ticket.id.as_str()).collect();
    assert_eq!(ids.len(), 30, "two tickets share an id");
}

// ---------------------------------------------------------------------------------------------
// Durability

#[tokio::test]
async fn tickets_and_numbering_survive_a_restart() {
    let data = tempfile::tempdir().unwrap();
    let server = TestServer::start(data.path());
    let ticket = server.issue_ticket_with(&extend_residence_permit()).await;
    let id = ticket["id"].as_str().unwrap();
    let stopped = server.stop();
    assert!(stopped.success(), "the server did not stop cleanly: {stopped}");

    let server = TestServer::start(data.path());
    let after_restart = server.get(&format!("/api/v1/tickets/{id}")).await;
    let next = server.issue_ticket_with(&extend_residence_permit()).await;

    assert_eq!(after_restart.status(), StatusCode::OK);
    let after_restart: Value = after_restart.json().await.unwrap();
    assert_eq!(after_restart["number"], "A 001");
    assert_eq!(after_restart["status"], "waiting");
    assert_eq!(after_restart["checklist"], ticket["checklist"]);
    assert_eq!(after_restart["issued_at"], ticket["issued_at"]);
    assert_eq!(next["number"], "A 002");
}

#[tokio::test]
async fn an_acknowledged_ticket_survives_the_server_being_killed() {
    let data = tempfile::tempdir().unwrap();
    let server = TestServer::start(data.path());
    let ticket = server.issue_ticket_with(&extend_residence_permit()).await;
    let id = ticket["id"].as_str().unwrap();
    server.kill();

    let server = TestServer::start(data.path());
    let after_crash = server.get(&format!("/api/v1/tickets/{id}")).await;
    let next = server.issue_ticket_with(&extend_residence_permit()).await;

    assert_eq!(after_crash.status(), StatusCode::OK);
    let after_crash: Value = after_crash.json().await.unwrap();
    assert_eq!(after_crash["number"], "A 001");
    assert_eq!(after_crash["status"], "waiting");
    assert_eq!(next["number"], "A 002");
}

// ---------------------------------------------------------------------------------------------
// Security headers

#[tokio::test]
async fn every_kind_of_response_forbids_sniffing_and_referrers() {
    let server = TestServer::fresh();
    let created = server.post_ticket(Some(&new_key()), &extend_residence_permit()).await;
    let location = created.headers()[LOCATION].to_str().unwrap().to_owned();

    let responses = [
        ("new ticket", created),
        ("ticket", server.get(&location).await),
        ("kiosk", server.get("/api/v1/kiosk").await),
        ("unknown ticket", server.get("/api/v1/tickets/AAAAAAAAAAAAAAAAAAAAAA").await),
        ("wrong method", WRONG_METHOD.send(&server).await),
        ("refused body", MALFORMED_JSON.send(&server).await),
        ("web app (not built)", server.get("/").await),
        ("missing file", server.get("/missing.js").await),
    ];

    for (what, response) in &responses {
        let header = |name: &str| response.headers().get(name).map(|value| value.to_str().unwrap().to_owned());
        assert_eq!(header("x-content-type-options").as_deref(), Some("nosniff"), "{what}");
        assert_eq!(header("referrer-policy").as_deref(), Some("no-referrer"), "{what}");
    }
}

#[tokio::test]
async fn a_body_over_64_kib_is_refused_with_413_body_too_large() {
    let server = TestServer::fresh();
    let huge = format!(
        r#"{{"concern": "address-change", "language": "en", "checklist": {{"{}": true}}}}"#,
        "x".repeat(70_000)
    );

    let response = server
        .client()
        .post(server.at(TICKETS))
        .header("Idempotency-Key", new_key())
        .header(CONTENT_TYPE, "application/json")
        .body(huge)
        .send()
        .await
        .unwrap();
    let answer = Answer::of(response).await;

    assert_refused(&answer, StatusCode::PAYLOAD_TOO_LARGE, "body_too_large");
}

#[tokio::test]
async fn a_missing_query_parameter_is_refused_in_json() {
    let server = TestServer::fresh();
    let clerk = server.clerk().await;

    let answer = clerk.get("/api/v1/lookup").await;

    assert_refused(&answer, StatusCode::BAD_REQUEST, "invalid_query");
}
