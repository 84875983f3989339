//! One visitor, one ticket, however often the kiosk asks: kiosks with a short timeout take
//! tickets through a proxy that delays requests and answers, so they retry the same key while
//! earlier tries are still on their way or being handled. Some visitors double-tap (two
//! requests with one key at once). Then bursts of identical requests go straight to the
//! server at the same instant, to see how it answers concurrent requests with one key.
//! Afterwards the database must hold exactly one ticket per key.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;
use std::time::{Duration, Instant};

use reqwest::{Client, StatusCode};
use serde::Serialize;
use willkommen_api as wire;

use crate::api::{self, Reply};
use crate::database;
use crate::exactly_once::ExactlyOnce;
use crate::office::Site;
use crate::plan::Plan;
use crate::proxy::DelayProxy;
use crate::random;
use crate::stats::{self, Latency, Tally};

/// Each way, per request: requests and answers are each held this long (uniformly random).
const DELAY: std::ops::Range<Duration> = Duration::ZERO..Duration::from_millis(800);
/// The kiosk's patience per try; far below the delays, so most tries time out.
const CLIENT_TIMEOUT: Duration = Duration::from_millis(500);
/// A kiosk gives a visitor's attempt up after this many tries (counted as unanswered).
const MAX_TRIES: u64 = 60;
/// Every third visitor double-taps.
const DOUBLE_TAP_EVERY: usize = 3;
/// Identical requests per key sent to the server at the same instant, and how many keys.
const BURST_REQUESTS: usize = 8;
const BURST_KEYS: usize = 20;

#[derive(Debug, Serialize)]
pub struct IdempotencyUnderDelay {
    pub kiosks: usize,
    pub visitors: usize,
    pub delay_each_way_ms: [u128; 2],
    pub client_timeout_ms: u128,
    /// One visitor in this many double-taps.
    pub double_tap_every: usize,
    pub double_taps: usize,
    /// Requests sent through the proxy, double taps and retries included.
    pub attempts: u64,
    /// Requests sent again after a try timed out or failed.
    pub retries: u64,
    /// Every answer or failure by kind: `201 new`, `201 replayed`, `timeout`, ...
    pub answers: Tally,
    /// Visitors whose kiosk gave up after the most tries.
    pub visitors_unanswered: usize,
    /// Must be 0: visitors who were shown two different tickets.
    pub visitors_shown_two_tickets: usize,
    /// First try → first ticket shown, per visitor.
    pub time_to_ticket: Latency,
    /// Identical requests sent at one instant straight to the server.
    pub burst: Burst,
    #[serde(flatten)]
    pub check: ExactlyOnce,
}

#[derive(Debug, Serialize)]
pub struct Burst {
    pub keys: usize,
    pub requests_per_key: usize,
    pub answers: Tally,
    /// The longest a request of a burst waited for its answer.
    pub latency: Latency,
}

pub async fn run(site: Site, plan: &Plan) -> anyhow::Result<IdempotencyUnderDelay> {
    let proxy = DelayProxy::start(format!("127.0.0.1:{}", site.server.port), DELAY).await?;
    let visitors = plan.delay_kiosks * plan.visitors_per_delay_kiosk;
    let requests: Arc<Vec<_>> = Arc::new((0..visitors).map(|n| site.visitor(n)).collect());
    progress!(
        "{} kiosks, {visitors} visitors through a proxy delaying {}–{} ms each way, {} ms timeout",
        plan.delay_kiosks,
        DELAY.start.as_millis(),
        DELAY.end.as_millis(),
        CLIENT_TIMEOUT.as_millis()
    );
    let kiosks: Vec<_> = (0..plan.delay_kiosks)
        .map(|kiosk| {
            let mine: Vec<usize> = (kiosk..visitors).step_by(plan.delay_kiosks).collect();
            tokio::spawn(serve_visitors(proxy.url.clone(), requests.clone(), mine))
        })
        .collect();
    let mut outcomes = Vec::new();
    for kiosk in kiosks {
        outcomes.extend(kiosk.await?);
    }
    // Tries still held by the proxy reach the server later; let them, before counting.
    proxy.wait_until_idle(DELAY.end * 2 + Duration::from_secs(1)).await;
    progress!("{BURST_KEYS} bursts of {BURST_REQUESTS} identical requests at one instant");
    let (burst, burst_outcomes) = bursts(site.url(), &site.visitor(0)).await;
    outcomes.extend(burst_outcomes);

    let stored = site.shut_down_and_read().await?;
    Ok(figures(plan, visitors, &outcomes, burst, &stored))
}

/// What happened to one visitor (one key).
struct VisitorOutcome {
    key: String,
    tries: u64,
    answers: Tally,
    /// Every ticket id the kiosk was shown for this key.
    tickets: BTreeSet<String>,
    time_to_ticket: Option<Duration>,
    double_tap: bool,
}

/// One kiosk serving `visitors` (indexes into `requests`) in turn.
async fn serve_visitors(url: String, requests: Arc<Vec<wire::NewTicket>>, visitors: Vec<usize>) -> Vec<VisitorOutcome> {
    // One connection per try, closed after the answer: the proxy delays each on its own.
    let client = Client::builder().pool_max_idle_per_host(0).build().expect("an HTTP client");
    let mut outcomes = Vec::new();
    for visitor in visitors {
        let key = random::idempotency_key();
        let request = &requests[visitor];
        let double_tap = visitor.is_multiple_of(DOUBLE_TAP_EVERY);
        let started = Instant::now();
        let mut outcome = VisitorOutcome {
            key: key.clone(),
            tries: 0,
            answers: Tally::new(),
            tickets: BTreeSet::new(),
            time_to_ticket: None,
            double_tap,
        };
        while outcome.tickets.is_empty() && outcome.tries < MAX_TRIES {
            let at_once = if double_tap && outcome.tries == 0 { 2 } else { 1 };
            let tries = (0..at_once).map(|_| {
                let sent = api::take_ticket(&client, &url, &key, request)
                    .header(reqwest::header::CONNECTION, "close")
                    .timeout(CLIENT_TIMEOUT);
                api::send(sent)
            });
            for answer in futures_util::future::join_all(tries).await {
                outcome.tries += 1;
                note_answer(&mut outcome.answers, &mut outcome.tickets, answer);
            }
            if !outcome.tickets.is_empty() {
                outcome.time_to_ticket = Some(started.elapsed());
            }
        }
        outcomes.push(outcome);
    }
    outcomes
}

/// Tallies an answer; a ticket's id joins `tickets`.
fn note_answer(answers: &mut Tally, tickets: &mut BTreeSet<String>, answer: Result<Reply, String>) {
    let kind = match &answer {
        Ok(reply) if reply.status == StatusCode::CREATED => {
            if let Ok(ticket) = reply.json::<wire::Ticket>() {
                tickets.insert(ticket.id.0);
            }
            if reply.replayed { "201 replayed".to_owned() } else { "201 new".to_owned() }
        }
        Ok(reply) => reply.kind(),
        Err(failure) => failure.clone(),
    };
    stats::count(answers, kind);
}

/// `BURST_KEYS` times: `BURST_REQUESTS` identical requests with one new key, sent at once
/// straight to the server.
async fn bursts(url: &str, request: &wire::NewTicket) -> (Burst, Vec<VisitorOutcome>) {
    let client = api::client();
    let mut answers = Tally::new();
    let mut latencies = Vec::new();
    let mut outcomes = Vec::new();
    for _ in 0..BURST_KEYS {
        let key = random::idempotency_key();
        let started = Instant::now();
        let sent = (0..BURST_REQUESTS).map(|_| async {
            let answer = api::send(api::take_ticket(&client, url, &key, request)).await;
            (answer, started.elapsed())
        });
        let mut outcome = VisitorOutcome {
            key: key.clone(),
            tries: BURST_REQUESTS as u64,
            answers: Tally::new(),
            tickets: BTreeSet::new(),
            time_to_ticket: None,
            double_tap: false,
        };
        for (answer, latency) in futures_util::future::join_all(sent).await {
            latencies.push(latency);
            note_answer(&mut outcome.answers, &mut outcome.tickets, answer);
        }
        for (kind, n) in &outcome.answers {
            *answers.entry(kind.clone()).or_default() += n;
        }
        outcomes.push(outcome);
    }
    let burst = Burst { keys: BURST_KEYS, requests_per_key: BURST_REQUESTS, answers, latency: Latency::of(&latencies) };
    (burst, outcomes)
}

fn figures(
    plan: &Plan,
    visitors: usize,
    outcomes: &[VisitorOutcome],
    burst: Burst,
    stored: &database::Stored,
) -> IdempotencyUnderDelay {
    let through_proxy = &outcomes[..visitors];
    let mut answers = Tally::new();
    for outcome in through_proxy {
        for (kind, n) in &outcome.answers {
            *answers.entry(kind.clone()).or_default() += n;
        }
    }
    let attempts: u64 = through_proxy.iter().map(|outcome| outcome.tries).sum();
    let double_taps = through_proxy.iter().filter(|outcome| outcome.double_tap).count();
    let acknowledged: BTreeMap<String, String> = outcomes
        .iter()
        .filter_map(|outcome| outcome.tickets.first().map(|id| (outcome.key.clone(), id.clone())))
        .collect();
    let waits: Vec<Duration> = through_proxy.iter().filter_map(|outcome| outcome.time_to_ticket).collect();
    IdempotencyUnderDelay {
        kiosks: plan.delay_kiosks,
        visitors,
        delay_each_way_ms: [DELAY.start.as_millis(), DELAY.end.as_millis()],
        client_timeout_ms: CLIENT_TIMEOUT.as_millis(),
        double_tap_every: DOUBLE_TAP_EVERY,
        double_taps,
        attempts,
        // A double tap's second request is not a retry.
        retries: attempts - (visitors + double_taps) as u64,
        answers,
        visitors_unanswered: through_proxy.iter().filter(|outcome| outcome.tickets.is_empty()).count(),
        visitors_shown_two_tickets: outcomes.iter().filter(|outcome| outcome.tickets.len() > 1).count(),
        time_to_ticket: Latency::of(&waits),
        burst,
        check: ExactlyOnce::check(&acknowledged, stored),
    }
}
