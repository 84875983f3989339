//! Pushes to visitors' phones (issue 21): calling the next visitor while a thousand waiting
//! tickets have phones subscribed, how soon the call's push reaches the push service, and
//! calling while the push service holds every push unanswered. The push service is a receiver
//! in this process on 127.0.0.1 (the server runs with `--push-private-endpoints true`); it
//! tells a call's push from a "nearly" by its shorter TTL and does not decrypt.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use anyhow::Context;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as BASE64URL;
use p256::elliptic_curve::sec1::ToEncodedPoint as _;
use serde::Serialize;
use tokio::sync::watch;
use willkommen_api::{self as wire, API_PREFIX};

use crate::api;
use crate::office::Site;
use crate::plan::Plan;
use crate::stats::Latency;

/// A call's push is kept 5 minutes by the push service, a "nearly" 15.
const CALL_TTL: u64 = 5 * 60;

/// How long a call's push may take before the benchmark stops waiting for it.
const PATIENCE: Duration = Duration::from_secs(10);

#[derive(Debug, Serialize)]
pub struct Pushes {
    /// Waiting tickets whose phones asked to be notified.
    pub phones: usize,
    /// Calls timed in each round.
    pub calls: usize,
    /// `PUT /tickets/{id}/push`, one phone after the other.
    pub subscribe: Latency,
    /// Call-next (the request alone) before any phone subscribed.
    pub call_next_without_phones: Latency,
    /// ... with the phones subscribed and the push service answering at once.
    pub call_next_with_phones: Latency,
    /// From call-next's answer to the call's push arriving at the push service.
    pub call_to_push: Latency,
    /// Calls whose push did not arrive within 10 s.
    pub pushes_missing: usize,
    /// Call-next while the push service holds every push unanswered.
    pub call_next_push_service_hanging: Latency,
    /// Pushes the push service held at the end of that round.
    pub pushes_held: usize,
}

/// The receiver: when each phone's pushes came, and whether to answer them.
#[derive(Clone)]
struct Receiver {
    /// Per phone: arrival of each call's push.
    calls: Arc<Mutex<HashMap<usize, Vec<Instant>>>>,
    held: Arc<Mutex<usize>>,
    answering: watch::Sender<bool>,
}

async fn take(State(receiver): State<Receiver>, Path(phone): Path<usize>, headers: HeaderMap) -> StatusCode {
    let ttl: u64 = headers.get("ttl").and_then(|ttl| ttl.to_str().ok()?.parse().ok()).unwrap_or(0);
    if ttl <= CALL_TTL {
        receiver.calls.lock().unwrap().entry(phone).or_default().push(Instant::now());
    }
    let mut answering = receiver.answering.subscribe();
    if !*answering.borrow() {
        *receiver.held.lock().unwrap() += 1;
        let _ = answering.wait_for(|answering| *answering).await;
        *receiver.held.lock().unwrap() -= 1;
    }
    StatusCode::CREATED
}

pub async fn run(site: &Site, plan: &Plan) -> anyhow::Result<Pushes> {
    let (phones, calls) = (plan.push_phones, plan.push_calls);
    anyhow::ensure!(phones >= 2 * calls, "the plan needs a waiting phone for every timed call");
    let receiver = Receiver { calls: Arc::default(), held: Arc::default(), answering: watch::channel(true).0 };
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let push_service = format!("http://{}", listener.local_addr()?);
    let app = axum::Router::new().route("/push/{phone}", axum::routing::post(take)).with_state(receiver.clone());
    let serving = tokio::spawn(async move { axum::serve(listener, app).await });

    let client = api::client();
    let clerk = site.clerk(0).await?;
    let issue = |n: usize| {
        let key = format!("bench-push-{n}");
        api::send(api::take_ticket(&client, site.url(), &key, &site.visitor(n)))
    };
    let call = || async {
        let asked = Instant::now();
        let ticket = clerk.call_next(None).await.map_err(anyhow::Error::msg)?;
        Ok::<_, anyhow::Error>((ticket, asked.elapsed()))
    };

    // Without phones.
    for n in 0..calls {
        api::expect_status(issue(n).await, StatusCode::CREATED).map_err(anyhow::Error::msg)?;
    }
    let mut without = Vec::new();
    for _ in 0..calls {
        let (ticket, took) = call().await?;
        without.push(took);
        clerk.serve(&ticket.id).await.map_err(anyhow::Error::msg)?;
    }
    progress!("pushes: {calls} calls without phones, p50 {:.1} ms", Latency::of(&without).p50_ms);

    // A thousand waiting tickets, each with a phone subscribed.
    let phone_key = p256::SecretKey::from_slice(&[7; 32]).context("a phone key")?;
    let p256dh = BASE64URL.encode(phone_key.public_key().to_encoded_point(false).as_bytes());
    let auth = BASE64URL.encode([9u8; 16]);
    let mut phone_of = HashMap::new();
    let mut subscribing = Vec::new();
    for phone in 0..phones {
        let reply = api::expect_status(issue(calls + phone).await, StatusCode::CREATED).map_err(anyhow::Error::msg)?;
        let ticket: wire::Ticket = reply.json()?;
        let body = serde_json::json!({
            "endpoint": format!("{push_service}/push/{phone}"),
            "keys": {"p256dh": p256dh, "auth": auth},
        });
        let url = format!("{}{API_PREFIX}/tickets/{}/push", site.url(), ticket.id.as_str());
        let asked = Instant::now();
        api::expect_status(api::send(client.put(url).json(&body)).await, StatusCode::NO_CONTENT)
            .map_err(anyhow::Error::msg)?;
        subscribing.push(asked.elapsed());
        phone_of.insert(ticket.id.as_str().to_owned(), phone);
    }
    progress!("pushes: {phones} phones subscribed");

    // Calls with the phones, the push service answering.
    let (mut with, mut to_push, mut missing) = (Vec::new(), Vec::new(), 0);
    for _ in 0..calls {
        let (ticket, took) = call().await?;
        let answered = Instant::now();
        with.push(took);
        let phone = *phone_of.get(ticket.id.as_str()).context("a called ticket without a phone")?;
        let arrived = loop {
            let arrival = receiver.calls.lock().unwrap().get(&phone).and_then(|calls| calls.first().copied());
            if arrival.is_some() || answered.elapsed() > PATIENCE {
                break arrival;
            }
            tokio::time::sleep(Duration::from_millis(1)).await;
        };
        match arrived {
            Some(at) => to_push.push(at.saturating_duration_since(answered)),
            None => missing += 1,
        }
        clerk.serve(&ticket.id).await.map_err(anyhow::Error::msg)?;
    }
    progress!("pushes: {calls} calls with phones, push p50 {:.1} ms", Latency::of(&to_push).p50_ms);

    // The push service stops answering: calls go on.
    receiver.answering.send_replace(false);
    let mut hanging = Vec::new();
    for _ in 0..calls {
        let (ticket, took) = call().await?;
        hanging.push(took);
        clerk.serve(&ticket.id).await.map_err(anyhow::Error::msg)?;
    }
    let pushes_held = *receiver.held.lock().unwrap();
    receiver.answering.send_replace(true);
    progress!("pushes: {calls} calls with the push service hanging ({pushes_held} pushes held)");
    serving.abort();

    Ok(Pushes {
        phones,
        calls,
        subscribe: Latency::of(&subscribing),
        call_next_without_phones: Latency::of(&without),
        call_next_with_phones: Latency::of(&with),
        call_to_push: Latency::of(&to_push),
        pushes_missing: missing,
        call_next_push_service_hanging: Latency::of(&hanging),
        pushes_held,
    })
}
