//! Two ways to put load on the server, and the figures of one round of either.
//!
//! **Open loop**: requests are due at fixed intervals whether or not earlier ones have been
//! answered, and each latency is measured from the moment the request was *due*. A slow answer
//! thus delays nobody's send, and the waiting it causes shows in the latencies instead of
//! silently lowering the rate (no coordinated omission). **Closed loop**: a fixed number of
//! clients send back to back, which finds the maximum throughput.

use std::future::Future;
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;
use tokio::task::JoinSet;

use crate::stats::{self, Latency, Tally};

/// The end of the part of an operation that is timed, and how it went. An operation may go
/// on after it (a clerk serves the visitor after the timed call).
pub struct Timed {
    pub done: Instant,
    pub outcome: Result<(), String>,
}

impl Timed {
    pub fn now(outcome: Result<(), String>) -> Self {
        Self { done: Instant::now(), outcome }
    }
}

/// The figures of one round.
#[derive(Clone, Debug, Serialize)]
pub struct Round {
    /// `open` (fixed rate) or `closed` (clients back to back).
    pub mode: &'static str,
    /// Open loop: requests (or calls) per second asked for.
    pub target_rps: Option<f64>,
    /// Closed loop: concurrent clients.
    pub clients: Option<usize>,
    pub requests: usize,
    /// Successful operations per second over the round (or until the last answer, if later).
    pub achieved_rps: f64,
    #[serde(flatten)]
    pub latency: Latency,
    pub errors: u64,
    /// Each kind of failure (`409 queue_empty`, `timeout`, ...) and how often.
    pub error_kinds: Tally,
    /// Open loop: how late the benchmark started requests; part of the latencies, which are
    /// measured from the due moment.
    pub send_lateness: Option<Latency>,
}

/// Starts `operation(n)` for n = 0, 1, 2, ... at `rate` per second for `duration`, each in
/// its own task, and times each from its due moment.
pub async fn open_loop<F, Fut>(rate: f64, duration: Duration, operation: F) -> Round
where
    F: Fn(usize) -> Fut + Send + 'static,
    Fut: Future<Output = Timed> + Send + 'static,
{
    let period = Duration::from_secs_f64(1.0 / rate);
    let count = (rate * duration.as_secs_f64()).round() as usize;
    let runtime = tokio::runtime::Handle::current();
    let start = Instant::now();
    // The schedule runs on a thread of its own: the OS's sleep wakes within tens of
    // microseconds, where tokio's timer rounds up to the next millisecond, which would add
    // over a millisecond to every latency measured from the due moment.
    let schedule = tokio::task::spawn_blocking(move || {
        let mut tasks = Vec::with_capacity(count);
        let mut lateness = Vec::with_capacity(count);
        for n in 0..count {
            // Due times come from the start, not from the previous send: a late wake-up makes
            // the next requests go out at once instead of shifting the whole schedule.
            let due = start + period.mul_f64(n as f64);
            if let Some(wait) = due.checked_duration_since(Instant::now()) {
                std::thread::sleep(wait);
            }
            lateness.push(due.elapsed());
            let operation = operation(n);
            tasks.push(runtime.spawn(async move { (due, operation.await) }));
        }
        (tasks, lateness)
    });
    let (tasks, lateness) = schedule.await.expect("the schedule thread panicked");
    let mut samples = Vec::with_capacity(count);
    for task in tasks {
        samples.push(task.await.expect("a request task panicked"));
    }
    let mut round = Round::of("open", Some(rate), None, start, duration, &samples);
    round.send_lateness = Some(Latency::of(&lateness));
    round
}

/// `clients` tasks each run `operation(client, n)` back to back until `duration` is over.
pub async fn closed_loop<F, Fut>(clients: usize, duration: Duration, operation: F) -> Round
where
    F: Fn(usize, usize) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Timed> + Send + 'static,
{
    let operation = Arc::new(operation);
    let start = Instant::now();
    let deadline = start + duration;
    let mut tasks = JoinSet::new();
    for client in 0..clients {
        let operation = operation.clone();
        tasks.spawn(async move {
            let mut samples = Vec::new();
            for n in 0.. {
                let due = Instant::now();
                if due >= deadline {
                    break;
                }
                samples.push((due, operation(client, n).await));
            }
            samples
        });
    }
    let samples: Vec<_> = tasks.join_all().await.into_iter().flatten().collect();
    Round::of("closed", None, Some(clients), start, duration, &samples)
}

impl Round {
    fn of(
        mode: &'static str,
        target_rps: Option<f64>,
        clients: Option<usize>,
        start: Instant,
        duration: Duration,
        samples: &[(Instant, Timed)],
    ) -> Self {
        let mut error_kinds = Tally::new();
        let mut latencies = Vec::new();
        for (due, timed) in samples {
            match &timed.outcome {
                Ok(()) => latencies.push(timed.done.saturating_duration_since(*due)),
                Err(kind) => stats::count(&mut error_kinds, kind.clone()),
            }
        }
        // The round's length, or longer if answers were still coming in after it.
        let last = samples.iter().map(|(_, timed)| timed.done).max().unwrap_or(start);
        let seconds = last.saturating_duration_since(start).max(duration).as_secs_f64();
        Self {
            mode,
            target_rps,
            clients,
            requests: samples.len(),
            achieved_rps: stats::round2(latencies.len() as f64 / seconds),
            latency: Latency::of(&latencies),
            errors: error_kinds.values().sum(),
            error_kinds,
            send_lateness: None,
        }
    }
}
