//! Latency summaries and tallies of outcomes, the two kinds of figure every section reports.

use std::collections::BTreeMap;
use std::time::Duration;

use serde::Serialize;

/// Percentiles of a set of latencies, in milliseconds.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Latency {
    pub samples: usize,
    pub p50_ms: f64,
    pub p90_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
}

impl Latency {
    /// Nearest-rank percentiles; all zero when there are no samples.
    pub fn of(durations: &[Duration]) -> Self {
        let mut ms: Vec<f64> = durations.iter().map(|d| d.as_secs_f64() * 1000.0).collect();
        ms.sort_by(f64::total_cmp);
        let Some(&max_ms) = ms.last() else { return Self::default() };
        let at = |p: f64| ms[((ms.len() as f64 * p).ceil() as usize).clamp(1, ms.len()) - 1];
        Self {
            samples: ms.len(),
            p50_ms: round2(at(0.50)),
            p90_ms: round2(at(0.90)),
            p99_ms: round2(at(0.99)),
            max_ms: round2(max_ms),
        }
    }
}

/// Two decimals are plenty for milliseconds and keep the JSON readable.
pub fn round2(value: f64) -> f64 {
    (value * 100.0).round() / 100.0
}

/// How often each kind of outcome happened, e.g. `{"409 quota_reached": 3, "timeout": 1}`.
pub type Tally = BTreeMap<String, u64>;

pub fn count(tally: &mut Tally, kind: impl Into<String>) {
    *tally.entry(kind.into()).or_default() += 1;
}

/// The tally as one short line for the markdown tables: `409 quota_reached × 3, timeout × 1`.
pub fn describe(tally: &Tally) -> String {
    if tally.is_empty() {
        return "none".into();
    }
    tally.iter().map(|(kind, n)| format!("{kind} × {n}")).collect::<Vec<_>>().join(", ")
}
