//! A browser of the office's staff: it keeps its session cookie as the staff web app does,
//! and makes the requests of a clerk at a counter and of an administrator.

use std::any::type_name;

use reqwest::{Client, Method, Response, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::{Value, json};
use willkommen_api as wire;

use super::Answer;
use super::sse::SseReader;

const API: &str = "/api/v1";

/// A staff member's browser (a clerk's or an admin's), signed in or not; see
/// [`super::TestServer::signed_in`]. Clones share the session.
#[derive(Clone)]
pub struct Clerk {
    client: Client,
    base: String,
}

/// Fails unless `answer` is a 200 with a ticket as staff see it (the web app's wire type);
/// returns the ticket.
#[track_caller]
pub fn assert_staff_ticket(answer: &Answer) -> &Value {
    assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
    answer.parse::<wire::StaffTicket>();
    &answer.body
}

impl Clerk {
    /// A browser at the server at `base` that has not signed in yet.
    pub(super) fn new(base: &str) -> Self {
        let client = Client::builder().cookie_store(true).build().expect("a client");
        Self { client, base: base.to_owned() }
    }

    /// The browser's client with its cookies, for a request the methods here do not make.
    pub fn client(&self) -> &Client {
        &self.client
    }

    /// `method path` with a JSON `body` if given; the answer read as JSON.
    pub async fn send(&self, method: Method, path: &str, body: Option<&Value>) -> Answer {
        let mut request = self.client.request(method, format!("{}{path}", self.base));
        if let Some(body) = body {
            request = request.json(body);
        }
        Answer::of(request.send().await.expect("the server did not answer")).await
    }

    pub async fn get(&self, path: &str) -> Answer {
        self.send(Method::GET, path, None).await
    }

    pub async fn post(&self, path: &str, body: &Value) -> Answer {
        self.send(Method::POST, path, Some(body)).await
    }

    /// `GET path`; fails unless the answer is a 200, and returns its body.
    pub async fn get_ok(&self, path: &str) -> Value {
        let answer = self.get(path).await;
        assert_eq!(answer.status, StatusCode::OK, "GET {path}: {}", answer.body);
        answer.body
    }

    /// `GET path`; fails unless the answer is a 200 that the web app reads as `T`.
    pub async fn get_as<T: DeserializeOwned>(&self, path: &str) -> T {
        let body = self.get_ok(path).await;
        serde_json::from_value(body).unwrap_or_else(|error| panic!("GET {path}: not a {}: {error}", type_name::<T>()))
    }

    pub async fn sign_in(&self, username: &str, password: &str) -> Answer {
        Answer::of(self.sign_in_response(username, password).await).await
    }

    /// Signs in as `username`: the response as it came, for its `Set-Cookie` header.
    pub async fn sign_in_response(&self, username: &str, password: &str) -> Response {
        let request = self.client.post(format!("{}{API}/session", self.base));
        request
            .json(&json!({"username": username, "password": password}))
            .send()
            .await
            .expect("the server did not answer")
    }

    /// Opens the live stream at `path` with this browser's session.
    pub async fn open_stream(&self, path: &str) -> SseReader {
        SseReader::open(&self.client, &format!("{}{path}", self.base), None).await
    }

    // -----------------------------------------------------------------------------------------
    // At a counter

    /// The queue as the staff desk shows it; fails unless the web app can read it.
    pub async fn queue(&self) -> Value {
        let answer = self.get(&format!("{API}/queue")).await;
        assert_eq!(answer.status, StatusCode::OK, "{}", answer.body);
        answer.parse::<wire::QueueView>();
        answer.body
    }

    pub async fn call_next(&self, counter: &str) -> Answer {
        self.send(Method::POST, &format!("{API}/counters/{counter}/call-next"), None).await
    }

    /// Calls the next visitor to `counter`; fails unless someone was called.
    pub async fn called_next(&self, counter: &str) -> Value {
        let answer = self.call_next(counter).await;
        assert_staff_ticket(&answer);
        answer.body
    }

    /// `POST /tickets/{id}/{action}` without a body: start, finish, recall, no-show, ...
    pub async fn act(&self, ticket_id: &str, action: &str) -> Answer {
        self.send(Method::POST, &format!("{API}/tickets/{ticket_id}/{action}"), None).await
    }

    /// Does `action` to the ticket; fails unless the server accepted it.
    pub async fn done(&self, ticket_id: &str, action: &str) -> Value {
        let answer = self.act(ticket_id, action).await;
        assert_staff_ticket(&answer);
        answer.body
    }

    /// Calls the ticket with this id to `counter`.
    pub async fn call(&self, ticket_id: &str, counter: &str) -> Answer {
        self.post(&format!("{API}/tickets/{ticket_id}/call"), &json!({"counter": counter})).await
    }

    pub async fn transfer(&self, ticket_id: &str, concern: &str) -> Answer {
        self.post(&format!("{API}/tickets/{ticket_id}/transfer"), &json!({"concern": concern})).await
    }

    /// What the scanner at the desk finds for a scanned `code`.
    pub async fn lookup(&self, code: &str) -> Answer {
        let request = self.client.get(format!("{}{API}/lookup", self.base)).query(&[("code", code)]);
        Answer::of(request.send().await.expect("the server did not answer")).await
    }

    /// The ticket as staff see it now (through the scanner lookup).
    pub async fn ticket(&self, ticket_id: &str) -> Value {
        let answer = self.lookup(ticket_id).await;
        assert_staff_ticket(&answer);
        answer.body
    }

    /// Works at `counter` as fast as it can, calling, starting and finishing visitors until
    /// nobody is waiting; returns the ids of the tickets it served, in order. Fails if a call
    /// answers anything but a ticket at this counter, or if the counter calls more than
    /// `at_most` visitors.
    pub async fn serve_until_queue_empty(&self, counter: &str, at_most: usize) -> Vec<String> {
        let mut called = Vec::new();
        loop {
            let answer = self.call_next(counter).await;
            if answer.status == StatusCode::CONFLICT && answer.body["code"] == "queue_empty" {
                return called;
            }
            let ticket = assert_staff_ticket(&answer);
            assert_eq!(ticket["counter"], counter, "{ticket}");
            let ticket_id = super::id(ticket).to_owned();
            self.done(&ticket_id, "start").await;
            self.done(&ticket_id, "finish").await;
            called.push(ticket_id);
            assert!(called.len() <= at_most, "{counter} called more visitors than there are");
        }
    }

    // -----------------------------------------------------------------------------------------
    // The office configuration (admins)

    /// The draft of the office configuration; fails unless the admin console can read it.
    pub async fn draft(&self) -> wire::Draft {
        self.get_as(&format!("{API}/admin/draft")).await
    }

    /// Saves `draft` as the next revision of the draft.
    pub async fn save(&self, draft: &wire::Draft) -> Answer {
        let body = json!({"revision": draft.revision, "document": draft.document, "basis": draft.basis});
        self.send(Method::PUT, &format!("{API}/admin/draft"), Some(&body)).await
    }

    /// Publishes the draft's `revision`.
    pub async fn publish(&self, revision: u64) -> Answer {
        self.post(&format!("{API}/admin/publish"), &json!({"revision": revision, "note": "test"})).await
    }

    /// Saves `edit` applied to the draft and publishes it; returns the new version.
    pub async fn edit_and_publish(&self, edit: impl FnOnce(&mut wire::OfficeConfig)) -> u64 {
        let mut draft = self.draft().await;
        edit(&mut draft.document);
        let saved = self.save(&draft).await;
        assert_eq!(saved.status, StatusCode::OK, "{}", saved.body);
        let saved: wire::Draft = saved.parse();
        let version = self.publish(saved.revision).await;
        assert_eq!(version.status, StatusCode::OK, "{}", version.body);
        version.body["version"].as_u64().unwrap()
    }
}
