//! Power cuts while kiosks issue: the server is killed with SIGKILL again and again and started
//! again on the same port and data, while kiosks keep taking tickets and retry each visitor's
//! attempt with its key until some server instance answers it (as the real kiosk does).
//! `tests/crash.rs` checks the same promise as a test; this measures it, with the outages.

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use reqwest::{Client, StatusCode};
use serde::Serialize;
use willkommen_api as wire;

use crate::api;
use crate::environment::DatabaseSetUp;
use crate::exactly_once::ExactlyOnce;
use crate::office::Site;
use crate::plan::Plan;
use crate::random;
use crate::server::ServerBinary;
use crate::stats::{self, Latency, Tally};

/// A kiosk's pause before retrying when the server did not answer. The real kiosk waits 1 s
/// and longer; a short pause measures the server's recovery rather than the kiosk's patience.
const RETRY_PAUSE: Duration = Duration::from_millis(20);
/// How long the server runs between kills.
const UPTIME: std::ops::Range<Duration> = Duration::from_millis(300)..Duration::from_millis(1200);

#[derive(Debug, Serialize)]
pub struct Sigkill {
    pub kills: usize,
    pub kiosks: usize,
    /// Requests sent, retries included.
    pub attempts: u64,
    /// Retries answered with the stored first answer: the ticket had been committed, but the
    /// answer was lost with the killed process.
    pub replayed_answers: u64,
    /// Answers other than 201, by kind (retried unless a refusal).
    pub other_answers: Tally,
    /// From spawning the server again to its listening.
    pub restart: Latency,
    /// From the kill to the first ticket issued by the next server instance.
    pub outage: Latency,
    #[serde(flatten)]
    pub check: ExactlyOnce,
}

/// The figures, and how the database the run wrote was set up.
pub async fn run(mut site: Site, binary: &ServerBinary, plan: &Plan) -> anyhow::Result<(Sigkill, DatabaseSetUp)> {
    // The same address throughout, as a kiosk has it configured.
    let url = site.url().to_owned();
    let port = site.server.port;
    let visitors: Arc<Vec<_>> = Arc::new((0..100).map(|n| site.visitor(n)).collect());
    let running = Arc::new(AtomicBool::new(true));
    let kiosks: Vec<_> =
        (0..plan.crash_kiosks).map(|_| tokio::spawn(kiosk(url.clone(), visitors.clone(), running.clone()))).collect();

    let (mut kills, mut restarts) = (Vec::new(), Vec::new());
    for kill in 0..plan.kills {
        tokio::time::sleep(random::millis_in(UPTIME)).await;
        progress!("SIGKILL {}/{}", kill + 1, plan.kills);
        kills.push(Instant::now());
        site.server.kill()?;
        site.server = binary.start(site.data.path(), port).await?;
        restarts.push(site.server.start_time);
    }
    tokio::time::sleep(Duration::from_millis(500)).await;
    running.store(false, Ordering::Relaxed);
    let mut log = KioskLog::default();
    for kiosk in kiosks {
        log.merge(kiosk.await?);
    }
    let stored = site.shut_down_and_read().await?;

    let outages: Vec<Duration> = kills
        .iter()
        .filter_map(|&killed| {
            let recovered =
                log.successes.iter().filter(|(sent, _)| *sent > killed).map(|(_, answered)| *answered).min();
            recovered.map(|answered| answered - killed)
        })
        .collect();
    let figures = Sigkill {
        kills: plan.kills,
        kiosks: plan.crash_kiosks,
        attempts: log.attempts,
        replayed_answers: log.replayed,
        other_answers: log.other_answers,
        restart: Latency::of(&restarts),
        outage: Latency::of(&outages),
        check: ExactlyOnce::check(&log.acknowledged, &stored),
    };
    Ok((figures, stored.set_up))
}

#[derive(Default)]
struct KioskLog {
    /// key → the ticket id the kiosk was given.
    acknowledged: BTreeMap<String, String>,
    /// (sent, answered) of every request answered with a ticket.
    successes: Vec<(Instant, Instant)>,
    attempts: u64,
    replayed: u64,
    other_answers: Tally,
}

impl KioskLog {
    fn merge(&mut self, other: KioskLog) {
        self.acknowledged.extend(other.acknowledged);
        self.successes.extend(other.successes);
        self.attempts += other.attempts;
        self.replayed += other.replayed;
        for (kind, n) in other.other_answers {
            *self.other_answers.entry(kind).or_default() += n;
        }
    }
}

/// One kiosk: visitor after visitor until told to stop; each attempt is retried with its key
/// until answered.
async fn kiosk(url: String, visitors: Arc<Vec<wire::NewTicket>>, running: Arc<AtomicBool>) -> KioskLog {
    let client = Client::builder().timeout(Duration::from_secs(2)).build().expect("an HTTP client");
    let mut log = KioskLog::default();
    for visitor in visitors.iter().cycle() {
        if !running.load(Ordering::Relaxed) {
            break;
        }
        let key = random::idempotency_key();
        loop {
            let sent = Instant::now();
            log.attempts += 1;
            match api::send(api::take_ticket(&client, &url, &key, visitor)).await {
                Ok(reply) if reply.status == StatusCode::CREATED => {
                    let Ok(ticket) = reply.json::<wire::Ticket>() else {
                        stats::count(&mut log.other_answers, "201 without a ticket");
                        break;
                    };
                    log.acknowledged.insert(key.clone(), ticket.id.0);
                    log.successes.push((sent, Instant::now()));
                    log.replayed += u64::from(reply.replayed);
                    break;
                }
                Ok(reply) => {
                    stats::count(&mut log.other_answers, reply.kind());
                    if reply.status.is_client_error() {
                        break; // a refusal stores nothing: this attempt is over
                    }
                }
                Err(_) => {} // the server is down: retry
            }
            tokio::time::sleep(RETRY_PAUSE).await;
        }
    }
    log
}
