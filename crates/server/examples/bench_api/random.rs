//! Randomness from the operating system: idempotency keys like the kiosk's, and the random
//! moments and delays the fault runs need (so kills and delays land at varied points).

use std::ops::Range;
use std::time::Duration;

/// A uniformly random number below `bound` (which must not be 0).
pub fn below(bound: u64) -> u64 {
    let mut bytes = [0u8; 8];
    getrandom::fill(&mut bytes).expect("the operating system has no randomness");
    u64::from_le_bytes(bytes) % bound
}

/// A random duration in `range`, to the millisecond.
pub fn millis_in(range: Range<Duration>) -> Duration {
    let (start, end) = (range.start.as_millis() as u64, range.end.as_millis() as u64);
    Duration::from_millis(start + below((end - start).max(1)))
}

/// A new `Idempotency-Key` as a kiosk makes one per visitor's attempt: 32 random hex digits.
pub fn idempotency_key() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).expect("the operating system has no randomness");
    bytes.iter().map(|byte| format!("{byte:02x}")).collect()
}
