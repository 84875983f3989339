//! Live streams at scale: hundreds of phones follow their own ticket
//! (`/tickets/{id}/events`) and lobby displays follow the calls (`/display/events`) while a
//! clerk calls visitors. For every call and every client: the time from sending the call to
//! the event's arrival.
//!
//! All phones hold tickets of one concern, behind the tickets being called, so every call
//! moves every phone one place forward: each phone must hear of each call (its
//! `people_ahead` drops), and each display must show it.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, OnceLock};
use std::time::{Duration, Instant};

use reqwest::{Client, StatusCode};
use serde::Serialize;
use tokio::task::JoinSet;
use willkommen_api::{self as wire, API_PREFIX};

use crate::api;
use crate::driver::{self, Round};
use crate::office::Site;
use crate::plan::Plan;
use crate::random;
use crate::rates::{Acknowledged, Kiosk};
use crate::sse::EventReader;
use crate::stats::{Latency, round2};

/// How long a call may take to reach every client before the next call is made anyway.
const DELIVERY_PATIENCE: Duration = Duration::from_secs(10);
/// A pause before each call, so the streams have handled the previous visitor's service
/// (start and finish wake every stream too) and each call is timed on its own.
const SETTLE: Duration = Duration::from_millis(500);

/// How many clients follow, and how many calls are timed.
#[derive(Clone, Copy, Debug)]
pub struct Shape {
    pub phones: usize,
    pub displays: usize,
    pub calls: usize,
}

impl Shape {
    fn clients(&self) -> usize {
        self.phones + self.displays
    }
}

#[derive(Debug, Serialize)]
pub struct Fanout {
    /// Server instances on one database the clients are spread over (PostgreSQL only for
    /// more than one); the clerk calls at the first.
    pub instances: usize,
    pub phones: usize,
    pub displays: usize,
    /// Streams the server accepted; fewer than asked would mean a connection cap.
    pub streams_open: usize,
    /// Streams refused or broken on opening, by kind.
    pub streams_failed: usize,
    /// From the first request to every stream having its first answer.
    pub connect_all_s: f64,
    pub calls: usize,
    /// Call sent → event at the client, over every (client, call).
    pub phone_delay: Latency,
    pub display_delay: Latency,
    /// Call sent → the last client has it, over the calls.
    pub last_client_delay: Latency,
    pub clients_with_every_event: usize,
    /// (client, call) pairs that did not arrive within the patience.
    pub missed_deliveries: usize,
    /// Display events naming another number than the call made.
    pub display_wrong_number: usize,
    /// The server's resident memory (every instance's together) with the tickets taken and no
    /// stream open, and with every stream open (Linux only), in MiB; and, in KiB, what each
    /// stream of the second half to open added.
    pub server_rss_without_streams_mib: Option<f64>,
    pub server_rss_with_streams_mib: Option<f64>,
    pub memory_per_stream_kib: Option<f64>,
    /// Kiosks taking tickets back to back on the same server before any stream opens, and
    /// again while every stream is open.
    pub issuing_without_streams: Option<Round>,
    pub issuing_with_streams_open: Option<Round>,
    /// The same once the streams have closed: with the round before them, the rate without.
    pub issuing_after_streams: Option<Round>,
}

pub async fn run(site: &Site, plan: &Plan, shape: Shape) -> anyhow::Result<Fanout> {
    let issuer = api::client();
    let concern = site.information.clone();
    // The tickets to be called first, then the phones' tickets behind them.
    for n in 0..shape.calls + 2 {
        take_ticket(&issuer, site, &concern, n).await?;
    }
    tokio::time::sleep(Duration::from_millis(5)).await; // phones strictly behind: a later millisecond
    let mut phone_tickets = Vec::new();
    for n in 0..shape.phones {
        phone_tickets.push(take_ticket(&issuer, site, &concern, n).await?);
    }
    // What issuing achieves on this server with no stream open: the same round as below, from
    // the same queue, vacuumed alike.
    let urls = site.urls();
    let issuing_without_streams = issuing_round(site, plan, "before the streams open").await?;
    let rss_without_streams = site.resident_bytes();

    progress!("opening {} phone and {} display streams", shape.phones, shape.displays);
    let log = Arc::new(DeliveryLog::new(shape.clients(), shape.calls));
    // No overall timeout: a stream's answer never ends.
    let streams = Client::builder().connect_timeout(Duration::from_secs(10)).build()?;
    let mut followers = Vec::new();
    for (index, ticket) in phone_tickets.iter().enumerate() {
        let url = format!("{}{API_PREFIX}/tickets/{}/events", urls[index % urls.len()], ticket.as_str());
        followers.push((url, Follower::Phone, index));
    }
    for display in 0..shape.displays {
        let url = format!("{}{API_PREFIX}/display/events", urls[display % urls.len()]);
        followers.push((url, Follower::Display, shape.phones + display));
    }
    // In two halves, phones and displays alike: what the second half adds is what a stream
    // costs, apart from what the first ones took once (the reader's copy, memory the
    // allocator had kept from the issuing before).
    let (first_half, second_half): (Vec<_>, Vec<_>) =
        followers.into_iter().enumerate().partition(|(position, _)| position % 2 == 0);
    let mut clients = JoinSet::new();
    let mut connect_all = Duration::ZERO;
    let mut rss_half = None;
    let mut open_half = 0;
    for (half, followers) in [first_half, second_half].into_iter().enumerate() {
        let opening = Instant::now();
        for (_, (url, kind, index)) in followers {
            clients.spawn(follow(streams.clone(), url, kind, index, log.clone()));
        }
        let expected = if half == 0 { shape.clients().div_ceil(2) } else { shape.clients() };
        while log.answered.load(Ordering::Relaxed) < expected && opening.elapsed() < Duration::from_secs(60) {
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        connect_all += opening.elapsed();
        tokio::time::sleep(SETTLE).await;
        if half == 0 {
            rss_half = site.resident_bytes();
            open_half = log.answered.load(Ordering::Relaxed) - log.failed.load(Ordering::Relaxed);
        }
    }
    let streams_failed = log.failed.load(Ordering::Relaxed);
    let streams_open = log.answered.load(Ordering::Relaxed) - streams_failed;
    progress!("{streams_open} streams open after {:.2} s, {streams_failed} failed", connect_all.as_secs_f64());
    let rss_with_streams = site.resident_bytes();

    let clerk = site.clerk(0).await?;
    let only = [concern];
    let mut called_numbers = Vec::new();
    for call in 0..shape.calls {
        tokio::time::sleep(SETTLE).await;
        let sent = Instant::now();
        let ticket = clerk.call_next(Some(&only)).await.map_err(|kind| anyhow::anyhow!("call-next: {kind}"))?;
        log.calls_sent[call].set(sent).expect("each call is sent once");
        called_numbers.push(ticket.number.to_string());
        while log.arrived[call].load(Ordering::Relaxed) < streams_open && sent.elapsed() < DELIVERY_PATIENCE {
            tokio::time::sleep(Duration::from_millis(2)).await;
        }
        progress!(
            "call {}/{}: {} of {streams_open} clients informed after {:.0} ms",
            call + 1,
            shape.calls,
            log.arrived[call].load(Ordering::Relaxed),
            sent.elapsed().as_secs_f64() * 1000.0
        );
        clerk.serve(&ticket.id).await.map_err(|kind| anyhow::anyhow!("serving: {kind}"))?;
    }
    // Every commit is read by the instance's one reader, which tells the streams what concerns
    // them: what that costs the kiosks.
    let issuing = issuing_round(site, plan, "with the streams open").await?;
    clients.abort_all();
    tokio::time::sleep(SETTLE).await;
    let issuing_after_streams = issuing_round(site, plan, "after the streams closed").await?;
    let mut figures = log.figures(shape, &called_numbers, streams_open, streams_failed, connect_all);
    figures.instances = urls.len();
    figures.issuing_without_streams = Some(issuing_without_streams);
    figures.issuing_with_streams_open = Some(issuing);
    figures.issuing_after_streams = Some(issuing_after_streams);
    let mib = |bytes: u64| round2(bytes as f64 / (1024.0 * 1024.0));
    figures.server_rss_without_streams_mib = rss_without_streams.map(mib);
    figures.server_rss_with_streams_mib = rss_with_streams.map(mib);
    if let (Some(half), Some(all)) = (rss_half, rss_with_streams)
        && streams_open > open_half
    {
        let added = all.saturating_sub(half) as f64 / 1024.0;
        figures.memory_per_stream_kib = Some(round2(added / (streams_open - open_half) as f64));
    }
    Ok(figures)
}

/// Kiosks taking tickets back to back at every instance for a round. Afterwards the round's
/// tickets are cancelled and the table vacuumed: issuing takes longer the longer the queue (a
/// new ticket counts the people ahead of it), so every round starts from the same queue.
async fn issuing_round(site: &Site, plan: &Plan, when: &str) -> anyhow::Result<Round> {
    let kiosks = plan.issuing_kiosks.last().copied().unwrap_or(1);
    site.vacuum().await?;
    progress!("issuing as fast as {kiosks} kiosks can for {} s {when}", plan.round.as_secs_f64());
    let issued = Acknowledged::default();
    let kiosk = kiosks_at_every_instance(site, &issued);
    let round =
        driver::closed_loop(kiosks, plan.round, move |client, _| kiosk[client % kiosk.len()].take_ticket()).await;
    let issued: Vec<String> = std::mem::take(&mut *issued.lock().unwrap()).into_values().collect();
    progress!("cancelling the {} tickets issued, so the next round starts from the same queue", issued.len());
    cancel_all(site, issued).await?;
    site.vacuum().await?;
    tokio::time::sleep(SETTLE).await;
    Ok(round)
}

/// A kiosk at each instance of the site, noting the tickets given in `issued`.
fn kiosks_at_every_instance(site: &Site, issued: &Acknowledged) -> Vec<Kiosk> {
    site.urls().iter().map(|url| Kiosk::new(site).at(url).recording(issued)).collect()
}

/// Cancels the tickets `ids` as their visitors would, a few at a time.
async fn cancel_all(site: &Site, ids: Vec<String>) -> anyhow::Result<()> {
    let ids = Arc::new(Mutex::new(ids));
    let mut cancellers = JoinSet::<anyhow::Result<()>>::new();
    for _ in 0..8 {
        let (ids, client, url) = (ids.clone(), api::client(), site.url().to_owned());
        cancellers.spawn(async move {
            loop {
                let Some(id) = ids.lock().unwrap().pop() else { return Ok(()) };
                let answer = api::send(api::cancel_ticket(&client, &url, &id)).await;
                api::expect_status(answer, StatusCode::OK)
                    .map_err(|kind| anyhow::anyhow!("cancelling {id}: {kind}"))?;
            }
        });
    }
    while let Some(done) = cancellers.join_next().await {
        done??;
    }
    Ok(())
}

async fn take_ticket(
    client: &Client,
    site: &Site,
    concern: &wire::ConcernId,
    n: usize,
) -> anyhow::Result<wire::TicketId> {
    let request = api::take_ticket(client, site.url(), &random::idempotency_key(), &site.visitor_for(concern, n));
    let reply = api::expect_status(api::send(request).await, StatusCode::CREATED).map_err(anyhow::Error::msg)?;
    Ok(reply.json::<wire::Ticket>()?.id)
}

#[derive(Clone, Copy, PartialEq)]
enum Follower {
    Phone,
    Display,
}

/// When a client heard of a call, and (displays) the number it was shown.
type Heard = (Instant, Option<String>);

/// When each client heard of each call.
struct DeliveryLog {
    /// Clients whose stream answered (or failed to).
    answered: AtomicUsize,
    failed: AtomicUsize,
    calls_sent: Vec<OnceLock<Instant>>,
    /// How many clients have heard of each call so far.
    arrived: Vec<AtomicUsize>,
    /// Per client: per call, when it arrived and (displays) the number shown.
    clients: Vec<Mutex<Vec<Option<Heard>>>>,
    kinds: Vec<OnceLock<Follower>>,
}

impl DeliveryLog {
    fn new(clients: usize, calls: usize) -> Self {
        Self {
            answered: AtomicUsize::new(0),
            failed: AtomicUsize::new(0),
            calls_sent: (0..calls).map(|_| OnceLock::new()).collect(),
            arrived: (0..calls).map(|_| AtomicUsize::new(0)).collect(),
            clients: (0..clients).map(|_| Mutex::new(vec![None; calls])).collect(),
            kinds: (0..clients).map(|_| OnceLock::new()).collect(),
        }
    }

    /// Notes that `client` has heard of calls up to (not including) `calls_seen`.
    fn heard(&self, client: usize, calls_seen: usize, number: Option<String>) {
        let now = Instant::now();
        let mut calls = self.clients[client].lock().unwrap();
        for call in 0..calls_seen.min(calls.len()) {
            if calls[call].is_none() {
                calls[call] = Some((now, number.clone()));
                self.arrived[call].fetch_add(1, Ordering::Relaxed);
            }
        }
    }

    fn figures(
        &self,
        shape: Shape,
        called_numbers: &[String],
        streams_open: usize,
        streams_failed: usize,
        connect_all: Duration,
    ) -> Fanout {
        let (mut phone, mut display) = (Vec::new(), Vec::new());
        let mut last_client = vec![Duration::ZERO; called_numbers.len()];
        let (mut complete, mut missed, mut wrong) = (0, 0, 0);
        for (client, calls) in self.clients.iter().enumerate() {
            let calls = calls.lock().unwrap();
            let kind = self.kinds[client].get().copied();
            let mut heard_all = kind.is_some();
            for (call, number) in called_numbers.iter().enumerate() {
                let Some((arrival, shown)) = &calls[call] else {
                    heard_all = false;
                    missed += usize::from(kind.is_some());
                    continue;
                };
                let delay = arrival.saturating_duration_since(*self.calls_sent[call].get().expect("sent"));
                last_client[call] = last_client[call].max(delay);
                match kind {
                    Some(Follower::Phone) => phone.push(delay),
                    _ => display.push(delay),
                }
                wrong += usize::from(shown.as_ref().is_some_and(|shown| shown != number));
            }
            complete += usize::from(heard_all);
        }
        Fanout {
            instances: 1,
            phones: shape.phones,
            displays: shape.displays,
            streams_open,
            streams_failed,
            connect_all_s: round2(connect_all.as_secs_f64()),
            calls: called_numbers.len(),
            phone_delay: Latency::of(&phone),
            display_delay: Latency::of(&display),
            last_client_delay: Latency::of(&last_client),
            clients_with_every_event: complete,
            missed_deliveries: missed,
            display_wrong_number: wrong,
            server_rss_without_streams_mib: None,
            server_rss_with_streams_mib: None,
            memory_per_stream_kib: None,
            issuing_without_streams: None,
            issuing_with_streams_open: None,
            issuing_after_streams: None,
        }
    }
}

/// One client: opens its stream and notes each call it hears of until aborted.
async fn follow(client: Client, url: String, kind: Follower, index: usize, log: Arc<DeliveryLog>) {
    let failed = || {
        log.failed.fetch_add(1, Ordering::Relaxed);
        log.answered.fetch_add(1, Ordering::Relaxed);
    };
    let response = match client.get(&url).send().await {
        Ok(response) if response.status() == StatusCode::OK => response,
        _ => return failed(),
    };
    let mut events = EventReader::new(response);
    // A phone counts as connected with its ticket's first state (sent at once); a display
    // with the answer's headers (its stream is subscribed before they are sent).
    let mut first_place = None;
    if kind == Follower::Phone {
        match events.next().await.and_then(|event| serde_json::from_str::<wire::Ticket>(&event.data).ok()) {
            Some(ticket) => first_place = ticket.people_ahead,
            None => return failed(),
        }
    }
    log.kinds[index].set(kind).ok();
    log.answered.fetch_add(1, Ordering::Relaxed);
    let mut calls_seen = 0;
    while let Some(event) = events.next().await {
        match kind {
            Follower::Phone => {
                let Ok(ticket) = serde_json::from_str::<wire::Ticket>(&event.data) else { continue };
                // Other changes (a new wait estimate after a service) leave the place as it is.
                let (Some(first), Some(now)) = (first_place, ticket.people_ahead) else { continue };
                calls_seen = first.saturating_sub(now) as usize;
                log.heard(index, calls_seen, None);
            }
            Follower::Display if event.name == "call" => {
                let number = serde_json::from_str::<wire::DisplayCall>(&event.data).ok().map(|c| c.number.to_string());
                calls_seen += 1;
                log.heard(index, calls_seen, number);
            }
            Follower::Display => {}
        }
    }
}
