//! The office's time: the system clock, but one that does not jump under waiting visitors.
//!
//! NTP corrects a clock in small slews, which this follows as they come. A *step* (a clock set
//! by hand, an NTP correction after a wrong boot time, a PC with a dead battery) would, taken
//! at once, move the service day under the lobby: a step past midnight starts the numbering at
//! 001 again and hides every waiting visitor from the queue. So a step is noticed against the
//! monotonic clock, logged once, and the office's time keeps running steadily from before it;
//! the store takes the system clock's new time as soon as that is harmless: when the step stays
//! within the service day, or when nobody's ticket is open any more (see
//! [`crate::store::Store::take_clock_step_when_harmless`]).

use std::sync::Mutex;
use std::time::Instant;

use jiff::{SignedDuration, Timestamp};

/// A difference from the system clock this small is a correction to follow, not a step.
const TOLERANCE: SignedDuration = SignedDuration::from_mins(2);

/// See the module's comment. Cheap to read: one lock and two clock reads.
#[derive(Debug)]
pub struct OfficeClock {
    state: Mutex<ClockState>,
}

#[derive(Debug)]
struct ClockState {
    /// The office's time at `instant`.
    time: Timestamp,
    instant: Instant,
    /// The system clock's lead over the office's time while a step is held back.
    step: Option<SignedDuration>,
}

impl Default for OfficeClock {
    fn default() -> Self {
        Self { state: Mutex::new(ClockState { time: Timestamp::now(), instant: Instant::now(), step: None }) }
    }
}

impl OfficeClock {
    fn state(&self) -> std::sync::MutexGuard<'_, ClockState> {
        self.state.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
    }

    /// The office's time now.
    pub fn now(&self) -> Timestamp {
        let (system, instant) = (Timestamp::now(), Instant::now());
        let mut state = self.state();
        let elapsed = SignedDuration::try_from(instant - state.instant).unwrap_or(SignedDuration::MAX);
        let steady = state.time.checked_add(elapsed).unwrap_or(system);
        let lead = system.duration_since(steady);
        if lead.abs() <= TOLERANCE {
            if state.step.take().is_some() {
                tracing::info!("the system clock agrees with the office's time again");
            }
            (state.time, state.instant) = (system, instant);
            return system;
        }
        if state.step.is_none() {
            tracing::warn!(
                step_seconds = lead.as_secs(),
                "the system clock jumped {} by {:#}: the office's time goes on from before the jump while \
                 visitors wait, and takes the new time once that cannot confuse the queue; check the server's \
                 time (timedatectl)",
                if lead.is_positive() { "forward" } else { "back" },
                to_the_minute(lead.abs())
            );
        }
        state.step = Some(lead);
        (state.time, state.instant) = (steady, instant);
        steady
    }

    /// How far the system clock is ahead of (or behind) the office's time, while a step is
    /// held back.
    pub fn held_step(&self) -> Option<SignedDuration> {
        self.now();
        self.state().step
    }

    /// Takes the system clock's time.
    pub fn take_step(&self) {
        let mut state = self.state();
        if let Some(step) = state.step.take() {
            tracing::info!(step_seconds = step.as_secs(), "the office's time follows the system clock again");
        }
        (state.time, state.instant) = (Timestamp::now(), Instant::now());
    }
}

/// A step as people say it: "24h", "1h 30m".
fn to_the_minute(step: SignedDuration) -> SignedDuration {
    SignedDuration::from_mins((step.as_secs() + 30).div_euclid(60))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_is_told_to_the_minute() {
        assert_eq!(format!("{:#}", to_the_minute(SignedDuration::from_secs(86_399))), "24h");
        assert_eq!(format!("{:#}", to_the_minute(SignedDuration::from_secs(5_410))), "1h 30m");
    }

    #[test]
    fn follows_the_system_clock_without_a_step() {
        let clock = OfficeClock::default();
        let before = Timestamp::now();
        let now = clock.now();
        assert!(now >= before && now <= Timestamp::now());
        assert_eq!(clock.held_step(), None);
    }

    #[test]
    fn holds_a_step_back_and_runs_on_steadily_until_it_is_taken() {
        let clock = OfficeClock::default();
        // As if the system clock had been an hour behind when the office's time was read last.
        clock.state().time = Timestamp::now() - SignedDuration::from_hours(1);

        let held = clock.now();
        let step = clock.held_step().expect("a step of an hour is held back");

        assert!((step - SignedDuration::from_hours(1)).abs() < SignedDuration::from_secs(1), "{step:?}");
        assert!(Timestamp::now().duration_since(held) > SignedDuration::from_mins(59));
        clock.take_step();
        assert_eq!(clock.held_step(), None);
        assert!(Timestamp::now().duration_since(clock.now()).abs() < SignedDuration::from_secs(1));
    }
}
