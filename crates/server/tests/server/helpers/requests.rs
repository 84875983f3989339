//! The requests a test makes of a [`TestServer`] without signing in, as a kiosk, a visitor's
//! phone or a display would, and how a test reads the answers.

use reqwest::header::CONTENT_TYPE;
use reqwest::{Response, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use willkommen_api as wire;

use super::sse::SseReader;
use super::{Clerk, TestServer};

/// An answer of the API read in full: its status, content type and JSON body (`null` when
/// it has none, e.g. `204 No Content`). Reading fails the test if the body is not JSON.
#[derive(Debug, PartialEq)]
pub struct Answer {
    pub status: StatusCode,
    pub content_type: Option<String>,
    pub body: Value,
}

impl Answer {
    pub async fn of(response: Response) -> Self {
        let status = response.status();
        let content_type = response.headers().get(CONTENT_TYPE).map(|value| value.to_str().unwrap().to_owned());
        let text = response.text().await.expect("the answer's body");
        let body = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or_else(|_| panic!("not JSON ({status}): {text}"))
        };
        Self { status, content_type, body }
    }

    /// The body as the web app's wire type `T`; fails if the web app could not read it.
    #[track_caller]
    pub fn parse<T: DeserializeOwned>(&self) -> T {
        serde_json::from_value(self.body.clone()).unwrap_or_else(|error| {
            panic!("the web app cannot read this as {}: {error}\n{}", std::any::type_name::<T>(), self.body)
        })
    }
}

/// Fails unless `answer` is a refusal in the API's one error shape: `status`, a JSON body with
/// `code` and a message that says something, readable as the web app's `ApiError`. Returns
/// the body, to check the message.
#[track_caller]
pub fn assert_refused<'a>(answer: &'a Answer, status: StatusCode, code: &str) -> &'a Value {
    let body = &answer.body;
    assert_eq!((answer.status, body["code"].as_str()), (status, Some(code)), "{body}");
    assert_eq!(answer.content_type.as_deref(), Some("application/json"), "not a JSON refusal: {body}");
    let message = body["message"].as_str().unwrap_or_else(|| panic!("no message in {body}"));
    assert!(!message.trim().is_empty(), "empty message in {body}");
    serde_json::from_value::<wire::ApiError>(body.clone()).expect("the web app cannot read the refusal");
    body
}

/// The id of a ticket as the API returns it.
#[track_caller]
pub fn id(ticket: &Value) -> &str {
    ticket["id"].as_str().unwrap_or_else(|| panic!("no id in {ticket}"))
}

/// A new `Idempotency-Key`, as a kiosk makes one per visitor's attempt.
pub fn new_key() -> String {
    static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let count = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap().as_nanos();
    format!("test-{}-{nanos}-{count}", std::process::id())
}

const TICKETS: &str = "/api/v1/tickets";

impl TestServer {
    /// `GET path` without a session: the response as it came, for its headers and for bodies
    /// that are not JSON.
    pub async fn get(&self, path: &str) -> Response {
        self.client().get(self.at(path)).send().await.expect("the server did not answer")
    }

    /// `GET path` without a session, the answer read as JSON.
    pub async fn get_json(&self, path: &str) -> Answer {
        Answer::of(self.get(path).await).await
    }

    /// What a kiosk shows (`GET /api/v1/kiosk`); fails unless the web app can read it.
    pub async fn kiosk(&self) -> wire::Kiosk {
        let answer = self.get_json("/api/v1/kiosk").await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
        answer.parse()
    }

    /// A kiosk's `POST /api/v1/tickets` with `body` and the `Idempotency-Key` `key` (none if
    /// `None`), as sent: the response as it came.
    pub async fn post_ticket(&self, key: Option<&str>, body: &Value) -> Response {
        let mut request = self.client().post(self.at(TICKETS)).json(body);
        if let Some(key) = key {
            request = request.header("Idempotency-Key", key);
        }
        request.send().await.expect("the server did not answer")
    }

    /// Takes a new ticket for a visitor with `concern` and `language` and no checklist
    /// answers; fails the test unless the server created it.
    pub async fn issue_ticket(&self, concern: &str, language: &str) -> Value {
        self.issue_ticket_with(&json!({"concern": concern, "language": language})).await
    }

    /// Takes a new ticket with this request body (with checklist answers, say), under a new
    /// key; fails the test unless the server created it.
    pub async fn issue_ticket_with(&self, body: &Value) -> Value {
        let answer = Answer::of(self.post_ticket(Some(&new_key()), body).await).await;
        assert_eq!(answer.status, StatusCode::CREATED, "ticket for {body} not created: {}", answer.body);
        answer.body
    }

    /// What the visitor's phone shows for `ticket`; fails unless that is a 200.
    pub async fn visitor_view(&self, ticket: &Value) -> Value {
        let answer = self.get_json(&format!("{TICKETS}/{}", id(ticket))).await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
        answer.body
    }

    /// The visitor gives up the ticket with this id (`POST /tickets/{id}/cancel`).
    pub async fn cancel(&self, ticket_id: &str) -> Answer {
        let response = self.client().post(self.at(&format!("{TICKETS}/{ticket_id}/cancel"))).send().await;
        Answer::of(response.expect("the server did not answer")).await
    }

    /// Opens the live stream at `path` without a session, as a display or a phone does,
    /// catching up after `last_event_id` if given.
    pub async fn open_stream(&self, path: &str, last_event_id: Option<&str>) -> SseReader {
        SseReader::open(self.client(), &self.at(path), last_event_id).await
    }

    /// A browser at this server that has not signed in.
    pub fn browser(&self) -> Clerk {
        Clerk::new(self.url())
    }

    /// The status of the answer to signing in as `username`.
    pub async fn sign_in_status(&self, username: &str, password: &str) -> StatusCode {
        self.browser().sign_in(username, password).await.status
    }

    /// A browser signed in as `username`; fails the test if signing in is refused.
    pub async fn signed_in(&self, username: &str, password: &str) -> Clerk {
        let clerk = self.browser();
        let answer = clerk.sign_in(username, password).await;
        assert_eq!(answer.status, StatusCode::OK, "cannot sign in as {username}: {}", answer.body);
        clerk
    }

    /// The demo office's `schalter1`, a member of staff, signed in.
    pub async fn clerk(&self) -> Clerk {
        self.signed_in("schalter1", "willkommen-1").await
    }

    /// The demo office's `admin`, signed in.
    pub async fn admin(&self) -> Clerk {
        self.signed_in("admin", "willkommen-admin").await
    }
}
