//! Waiting in async code without a timer crate: one `setTimeout` behind a promise.

use wasm_bindgen_futures::JsFuture;
use web_sys::js_sys::Promise;

/// Resolves after `milliseconds`.
pub async fn sleep(milliseconds: i32) {
    let promise = Promise::new(&mut |resolve, _reject| {
        let _ = web_sys::window()
            .expect("the app runs in a browser window")
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, milliseconds);
    });
    let _ = JsFuture::from(promise).await;
}

/// Resolves when the browser is idle: after the frames it has to paint and the work it has
/// queued, for work that must not hold those up.
pub async fn idle() {
    let promise = Promise::new(&mut |resolve, _reject| {
        let _ = web_sys::window().expect("the app runs in a browser window").request_idle_callback(&resolve);
    });
    let _ = JsFuture::from(promise).await;
}

/// Doubling delays for retrying a call that could not reach the server: 1 s, 2 s, 4 s … up to
/// `ceiling` ms (each spread over its later half), so a kiosk recovers quickly from a blip
/// without hammering a server that is down.
#[derive(Clone, Copy, Debug)]
pub struct Backoff {
    next: i32,
    ceiling: i32,
}

impl Backoff {
    pub fn new(ceiling: i32) -> Self {
        Self { next: 1_000, ceiling }
    }

    /// The delay before the next try, somewhere in the later half of the doubled step: after a
    /// server restart, thousands of phones then come back spread out instead of all at once
    /// (the server answers a full house with `Retry-After: 15`, which `EventSource` cannot
    /// read; the ceiling is the same 15 s).
    pub fn next_delay(&mut self) -> i32 {
        let delay = self.next;
        self.next = (self.next * 2).min(self.ceiling);
        spread(delay, random())
    }
}

/// `delay` scaled into its later half by `random` (0 to 1).
fn spread(delay: i32, random: f64) -> i32 {
    let half = f64::from(delay) / 2.0;
    (half + half * random.clamp(0.0, 1.0)) as i32
}

#[cfg(target_arch = "wasm32")]
fn random() -> f64 {
    web_sys::js_sys::Math::random()
}

/// Off the browser (the unit tests): the longest delay of each step.
#[cfg(not(target_arch = "wasm32"))]
fn random() -> f64 {
    1.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_double_up_to_the_ceiling() {
        let mut backoff = Backoff::new(15_000);
        let delays: Vec<i32> = (0..6).map(|_| backoff.next_delay()).collect();
        assert_eq!(delays, [1_000, 2_000, 4_000, 8_000, 15_000, 15_000]);
    }

    #[test]
    fn each_delay_falls_in_the_later_half_of_its_step() {
        assert_eq!(spread(8_000, 0.0), 4_000);
        assert_eq!(spread(8_000, 0.5), 6_000);
        assert_eq!(spread(8_000, 1.0), 8_000);
        assert_eq!(spread(8_000, 7.0), 8_000, "a random number past 1 is not trusted");
    }
}
