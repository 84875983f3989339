//! The queue API as kiosks and clerks use it: taking a ticket with an idempotency key, signing
//! in, calling the next visitor and serving them. Every answer is a [`Reply`] (or the reason
//! no answer came), so the benchmarks can tally refusals instead of stopping at the first.

use std::time::Duration;

use anyhow::{Context, bail};
use reqwest::{Client, RequestBuilder, StatusCode};
use serde::de::DeserializeOwned;
use serde_json::json;
use willkommen_api::{self as wire, API_PREFIX, IDEMPOTENCY_KEY_HEADER};

/// How long a benchmark request may take before it counts as failed: far above any latency
/// the figures are about, so it only ends requests to a server that is gone.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);

/// An HTTP answer.
#[derive(Debug)]
pub struct Reply {
    pub status: StatusCode,
    /// The server marks a retry answered from the stored first answer (`Idempotent-Replayed`).
    pub replayed: bool,
    pub body: String,
}

impl Reply {
    /// `"201"` for success, `"409 queue_empty"` for a refusal: status and the error's code.
    pub fn kind(&self) -> String {
        let error = serde_json::from_str::<serde_json::Value>(&self.body).unwrap_or_default();
        match error["code"].as_str() {
            Some(code) => format!("{} {code}", self.status.as_u16()),
            None => self.status.as_u16().to_string(),
        }
    }

    pub fn json<T: DeserializeOwned>(&self) -> anyhow::Result<T> {
        serde_json::from_str(&self.body).with_context(|| format!("unexpected answer: {}", self.body))
    }
}

/// Sends `request` and reads the whole answer; `Err` names why no answer came.
pub async fn send(request: RequestBuilder) -> Result<Reply, String> {
    let response = request.send().await.map_err(|error| transport_failure(&error))?;
    let status = response.status();
    let replayed = response.headers().get("idempotent-replayed").is_some_and(|value| value == "true");
    let body = response.text().await.map_err(|error| transport_failure(&error))?;
    Ok(Reply { status, replayed, body })
}

/// A short name for a failed request, for tallies: `timeout`, `connect`, `transport`.
fn transport_failure(error: &reqwest::Error) -> String {
    if error.is_timeout() {
        "timeout".into()
    } else if error.is_connect() {
        "connect".into()
    } else {
        "transport".into()
    }
}

/// `Ok` for the expected status, else the kind of answer or failure, for tallies.
pub fn expect_status(answer: Result<Reply, String>, status: StatusCode) -> Result<Reply, String> {
    match answer {
        Ok(reply) if reply.status == status => Ok(reply),
        Ok(reply) => Err(reply.kind()),
        Err(failure) => Err(failure),
    }
}

/// A plain HTTP client for kiosks and the benchmark's own reads.
pub fn client() -> Client {
    Client::builder().timeout(REQUEST_TIMEOUT).build().expect("cannot build an HTTP client")
}

/// `POST /tickets` as a kiosk sends it, with the visitor attempt's key.
pub fn take_ticket(client: &Client, base: &str, key: &str, request: &wire::NewTicket) -> RequestBuilder {
    client.post(format!("{base}{API_PREFIX}/tickets")).header(IDEMPOTENCY_KEY_HEADER, key).json(request)
}

/// `POST /tickets/{id}/cancel`, as the visitor's phone sends it.
pub fn cancel_ticket(client: &Client, base: &str, id: &str) -> RequestBuilder {
    client.post(format!("{base}{API_PREFIX}/tickets/{id}/cancel"))
}

/// A clerk signed in at one counter, with the session cookie in its own client.
pub struct Clerk {
    client: Client,
    base: String,
    pub counter: String,
}

impl Clerk {
    pub async fn sign_in(base: &str, username: &str, password: &str, counter: &str) -> anyhow::Result<Self> {
        let client = Client::builder().cookie_store(true).timeout(REQUEST_TIMEOUT).build()?;
        let body = json!({"username": username, "password": password});
        let reply = send(client.post(format!("{base}{API_PREFIX}/session")).json(&body)).await;
        if let Err(failure) = expect_status(reply, StatusCode::OK) {
            bail!("cannot sign in as {username}: {failure}");
        }
        Ok(Self { client, base: base.to_owned(), counter: counter.to_owned() })
    }

    /// `POST /counters/{counter}/call-next`, for the counter's concerns or for `concerns`.
    pub async fn call_next(&self, concerns: Option<&[wire::ConcernId]>) -> Result<wire::StaffTicket, String> {
        let mut request = self.client.post(format!("{}{API_PREFIX}/counters/{}/call-next", self.base, self.counter));
        if let Some(concerns) = concerns {
            request = request.json(&json!({"concerns": concerns}));
        }
        let reply = expect_status(send(request).await, StatusCode::OK)?;
        reply.json().map_err(|_| "unreadable ticket".to_owned())
    }

    /// Starts and finishes serving a called ticket, which frees the counter for the next call.
    pub async fn serve(&self, ticket: &wire::TicketId) -> Result<(), String> {
        for action in ["start", "finish"] {
            let url = format!("{}{API_PREFIX}/tickets/{}/{action}", self.base, ticket.as_str());
            expect_status(send(self.client.post(url)).await, StatusCode::OK)?;
        }
        Ok(())
    }
}
