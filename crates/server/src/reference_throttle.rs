//! The brake on guessing booking references: a kiosk (one client address) that asks for
//! several unknown references in a row must wait, longer each time, so nobody can try
//! references in bulk. A visitor who mistypes twice or thrice never notices it. In memory: a
//! restart forgets, which is acceptable for a brake.

use std::collections::HashMap;
use std::net::{IpAddr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;

use crate::error::AppError;

/// Unknown references a client may ask for within [`WINDOW`] before it has to wait.
pub const FREE_TRIES: usize = 5;
/// How long an unknown reference counts against its client.
const WINDOW: Duration = Duration::from_secs(15 * 60);
/// The first wait; each further unknown reference doubles it, up to [`LONGEST_WAIT`].
const FIRST_WAIT: Duration = Duration::from_secs(30);
const LONGEST_WAIT: Duration = Duration::from_secs(15 * 60);

#[derive(Default)]
pub struct ReferenceThrottle {
    failures: Mutex<HashMap<IpAddr, Vec<Instant>>>,
}

impl ReferenceThrottle {
    /// `Err(seconds to wait)` while `client` must wait.
    pub fn check(&self, client: IpAddr, now: Instant) -> Result<(), u64> {
        let mut failures = self.failures.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let recent = failures.entry(client).or_default();
        recent.retain(|at| now.duration_since(*at) < WINDOW);
        let Some(last) = recent.last().copied().filter(|_| recent.len() >= FREE_TRIES) else { return Ok(()) };
        let doublings = u32::try_from(recent.len() - FREE_TRIES).unwrap_or(u32::MAX).min(10);
        let wait = FIRST_WAIT.saturating_mul(1 << doublings).min(LONGEST_WAIT);
        let waited = now.duration_since(last);
        if waited >= wait { Ok(()) } else { Err((wait - waited).as_secs().max(1)) }
    }

    pub fn record_unknown(&self, client: IpAddr, now: Instant) {
        let mut failures = self.failures.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let recent = failures.entry(client).or_default();
        recent.push(now);
        // Forget clients that stopped long ago, so the map cannot grow without end.
        if failures.len() > 10_000 {
            failures.retain(|_, recent| recent.last().is_some_and(|at| now.duration_since(*at) < WINDOW));
        }
    }

    /// The refusal while `client` must wait.
    pub fn refusal(seconds: u64) -> AppError {
        AppError::Throttled {
            message: format!("too many unknown references from this kiosk; try again in {seconds} seconds"),
            retry_after: seconds,
        }
    }
}

/// Who asks: the peer's address, or behind a reverse proxy on the same machine (a loopback
/// peer) the address the proxy appended last to `X-Forwarded-For`.
pub struct ClientAddress(pub IpAddr);

impl<S: Send + Sync> FromRequestParts<S> for ClientAddress {
    type Rejection = std::convert::Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::from([127, 0, 0, 1]), |ConnectInfo(address)| address.ip());
        let forwarded = || {
            parts
                .headers
                .get_all("x-forwarded-for")
                .iter()
                .filter_map(|value| value.to_str().ok())
                .flat_map(|value| value.split(','))
                .next_back()
                .and_then(|address| address.trim().parse().ok())
        };
        Ok(Self(if peer.is_loopback() { forwarded().unwrap_or(peer) } else { peer }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_few_mistakes_are_free_and_then_each_waits_longer() {
        let throttle = ReferenceThrottle::default();
        let kiosk = IpAddr::from([10, 0, 0, 7]);
        let start = Instant::now();
        for _ in 0..FREE_TRIES {
            assert_eq!(throttle.check(kiosk, start), Ok(()));
            throttle.record_unknown(kiosk, start);
        }
        assert_eq!(throttle.check(kiosk, start), Err(30));
        assert_eq!(throttle.check(IpAddr::from([10, 0, 0, 8]), start), Ok(()), "another kiosk is not slowed");
        let later = start + Duration::from_secs(30);
        assert_eq!(throttle.check(kiosk, later), Ok(()));
        throttle.record_unknown(kiosk, later);
        assert_eq!(throttle.check(kiosk, later), Err(60));
        assert_eq!(throttle.check(kiosk, later + WINDOW), Ok(()), "old mistakes are forgotten");
    }
}
