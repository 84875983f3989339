//! Throughput and latency of the two busiest operations: kiosks taking tickets, and clerks
//! calling the next visitor. Each at fixed rates (open loop), then at full speed (closed loop).

use std::collections::BTreeMap;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use reqwest::{Client, StatusCode};
use serde::Serialize;
use tokio::sync::{Mutex, mpsc};
use willkommen_api::API_PREFIX;

use crate::api::{self, Clerk};
use crate::driver::{self, Round, Timed};
use crate::office::Site;
use crate::plan::Plan;
use crate::random;
use crate::server::ServerBinary;

#[derive(Debug, Serialize)]
pub struct Rates {
    /// `POST /tickets`, each with a new key.
    pub issuing: Vec<Round>,
    /// `POST /counters/{c}/call-next`; each call is followed by start and finish.
    pub call_next: Vec<Round>,
}

pub async fn run(binary: &ServerBinary, plan: &Plan) -> anyhow::Result<Rates> {
    let loads = plan.issuing_rates.iter().map(|&rate| Load::Rate(rate));
    let loads: Vec<_> = loads.chain(plan.issuing_kiosks.iter().map(|&kiosks| Load::Kiosks(kiosks))).collect();
    let mut issuing = Vec::new();
    for load in loads {
        // Each round on a fresh database, so that no round inherits the queue of the one before.
        let site = Site::open(binary, 0).await?;
        let kiosk = Kiosk::new(&site);
        issuing.push(match load {
            Load::Rate(rate) => {
                progress!("issuing at {rate} tickets/s for {} s", plan.round.as_secs_f64());
                driver::open_loop(rate, plan.round, move |_| kiosk.take_ticket()).await
            }
            Load::Kiosks(kiosks) => {
                progress!("issuing as fast as {kiosks} kiosk(s) can for {} s", plan.round.as_secs_f64());
                driver::closed_loop(kiosks, plan.round, move |_, _| kiosk.take_ticket()).await
            }
        });
        site.shut_down().await?;
    }
    let site = Site::open(binary, plan.counters).await?;
    let call_next = calling(&site, plan).await?;
    site.shut_down().await?;
    Ok(Rates { issuing, call_next })
}

/// How hard a round pushes.
enum Load {
    /// Requests per second, open loop.
    Rate(f64),
    /// Clients back to back, closed loop.
    Kiosks(usize),
}

/// The calling rounds, one after the other on one database, each with enough tickets waiting.
pub async fn calling(site: &Site, plan: &Plan) -> anyhow::Result<Vec<Round>> {
    let kiosk = Kiosk::new(site);
    let mut clerks = Vec::new();
    for index in 0..site.counter_count() {
        clerks.push(Arc::new(site.clerk(index).await?));
    }
    let mut call_next = Vec::new();
    for &rate in &plan.calling_rates {
        ensure_waiting(&kiosk, (rate * plan.round.as_secs_f64() * 1.2) as usize + 20).await?;
        progress!("calling at {rate} calls/s with {} counters for {} s", clerks.len(), plan.round.as_secs_f64());
        let counters = FreeCounters::new(&clerks);
        call_next.push(driver::open_loop(rate, plan.round, move |_| counters.clone().call_and_serve()).await);
    }
    // Enough for every counter at a few hundred calls a second.
    ensure_waiting(&kiosk, (400.0 * plan.round.as_secs_f64()) as usize).await?;
    progress!("calling as fast as {} counters can for {} s", clerks.len(), plan.round.as_secs_f64());
    let all_clerks = clerks.clone();
    call_next.push(
        driver::closed_loop(clerks.len(), plan.round, move |counter, _| {
            let clerk = all_clerks[counter].clone();
            async move { call_and_serve(&clerk).await }
        })
        .await,
    );
    Ok(call_next)
}

/// Kiosks taking tickets, each attempt with a new key; clones share the visitors' turn.
#[derive(Clone)]
pub struct Kiosk {
    client: Client,
    url: String,
    visitors: Arc<Vec<willkommen_api::NewTicket>>,
    next_visitor: Arc<AtomicUsize>,
    /// Where a recording kiosk notes each ticket it was given, to check against the database.
    acknowledged: Option<Acknowledged>,
}

/// Idempotency key → the id of the ticket a kiosk was given for it.
pub type Acknowledged = Arc<std::sync::Mutex<BTreeMap<String, String>>>;

/// Just the part of a ticket a recording kiosk keeps.
#[derive(serde::Deserialize)]
struct TicketId {
    id: String,
}

impl Kiosk {
    pub fn new(site: &Site) -> Self {
        // A few hundred distinct visitors (concerns, languages and answers in turn) are plenty.
        let visitors = Arc::new((0..330).map(|n| site.visitor(n)).collect());
        Self {
            client: api::client(),
            url: site.url().to_owned(),
            visitors,
            next_visitor: Arc::new(AtomicUsize::new(0)),
            acknowledged: None,
        }
    }

    /// The same kiosk, sending to another server instance of the site.
    pub fn at(self, url: &str) -> Self {
        Self { url: url.to_owned(), ..self }
    }

    /// The same kiosk, noting in `acknowledged` every ticket it is given (after the timing).
    pub fn recording(self, acknowledged: &Acknowledged) -> Self {
        Self { acknowledged: Some(acknowledged.clone()), ..self }
    }

    /// Takes the next visitor's ticket; timed until the answer.
    pub fn take_ticket(&self) -> impl Future<Output = Timed> + Send + use<> {
        let n = self.next_visitor.fetch_add(1, Ordering::Relaxed);
        let visitor = self.visitors[n % self.visitors.len()].clone();
        let key = random::idempotency_key();
        let request = api::take_ticket(&self.client, &self.url, &key, &visitor);
        let acknowledged = self.acknowledged.clone();
        async move {
            let answer = api::expect_status(api::send(request).await, StatusCode::CREATED);
            let timed = Timed::now(match &answer {
                // A new key answered from a stored answer would be another visitor's ticket.
                Ok(reply) if reply.replayed => Err("201 replayed for a new key".into()),
                Ok(_) => Ok(()),
                Err(kind) => Err(kind.clone()),
            });
            if let (Some(acknowledged), Ok(reply)) = (acknowledged, answer) {
                let Ok(ticket) = reply.json::<TicketId>() else {
                    return Timed { outcome: Err("201 without a ticket".into()), ..timed };
                };
                acknowledged.lock().unwrap().insert(key, ticket.id);
            }
            timed
        }
    }
}

/// Tops the queue up to `at_least` waiting tickets (untimed), so that calling never runs dry;
/// a run that crosses midnight finds yesterday's tickets no longer callable, and this refills.
async fn ensure_waiting(kiosk: &Kiosk, at_least: usize) -> anyhow::Result<()> {
    let board: willkommen_api::DisplayBoard = api::send(kiosk.client.get(format!("{}{API_PREFIX}/display", kiosk.url)))
        .await
        .map_err(anyhow::Error::msg)?
        .json()?;
    let waiting: usize = board.concerns.iter().map(|concern| concern.waiting as usize).sum();
    let missing = at_least.saturating_sub(waiting);
    if missing == 0 {
        return Ok(());
    }
    progress!("{waiting} waiting; issuing {missing} more tickets to call");
    let left = Arc::new(AtomicUsize::new(missing));
    let fillers: Vec<_> = (0..8)
        .map(|_| {
            let (kiosk, left) = (kiosk.clone(), left.clone());
            tokio::spawn(async move {
                while left.fetch_update(Ordering::Relaxed, Ordering::Relaxed, |n| n.checked_sub(1)).is_ok() {
                    if let Err(kind) = kiosk.take_ticket().await.outcome {
                        anyhow::bail!("cannot fill the queue: {kind}");
                    }
                }
                Ok(())
            })
        })
        .collect();
    for filler in fillers {
        filler.await??;
    }
    Ok(())
}

/// Calls the next visitor (timed), then serves them, which frees the counter.
async fn call_and_serve(clerk: &Clerk) -> Timed {
    let called = clerk.call_next(None).await;
    let timed = Timed::now(called.as_ref().map(|_| ()).map_err(Clone::clone));
    if let Ok(ticket) = called
        && let Err(kind) = clerk.serve(&ticket.id).await
    {
        // The call itself went well; a failure to serve is a failure of the round all the same.
        return Timed { done: timed.done, outcome: Err(format!("serving: {kind}")) };
    }
    timed
}

/// The counters not busy with a visitor, first come first served: at a fixed rate of calls, a
/// call that finds every counter busy waits for one, and that wait is part of its latency.
#[derive(Clone)]
struct FreeCounters {
    free: Arc<Mutex<mpsc::UnboundedReceiver<Arc<Clerk>>>>,
    release: mpsc::UnboundedSender<Arc<Clerk>>,
}

impl FreeCounters {
    fn new(clerks: &[Arc<Clerk>]) -> Self {
        let (release, free) = mpsc::unbounded_channel();
        for clerk in clerks {
            release.send(clerk.clone()).expect("the receiver is here");
        }
        Self { free: Arc::new(Mutex::new(free)), release }
    }

    async fn call_and_serve(self) -> Timed {
        let clerk = self.free.lock().await.recv().await.expect("the sender is here");
        let timed = call_and_serve(&clerk).await;
        let _ = self.release.send(clerk);
        timed
    }
}
