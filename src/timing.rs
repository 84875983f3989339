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
/// `ceiling` ms, so a kiosk recovers quickly from a blip without hammering a server that is down.
#[derive(Clone, Copy, Debug)]
pub struct Backoff {
    next: i32,
    ceiling: i32,
}

impl Backoff {
    pub fn new(ceiling: i32) -> Self {
        Self { next: 1_000, ceiling }
    }

    /// The delay before the next try.
    pub fn next_delay(&mut self) -> i32 {
        let delay = self.next;
        self.next = (self.next * 2).min(self.ceiling);
        delay
    }
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
}
