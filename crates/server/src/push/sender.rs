//! Sending pushes to the phones' push services, off every request's path: each delivery is a
//! task of its own, so a push service that is slow or hangs delays nobody's call, only its
//! own push. What a push service answers decides what happens next (RFC 8030 §5, §6.2):
//! - 2xx: delivered;
//! - 404, 410: the subscription is gone (the visitor turned notifications off, or the browser
//!   renewed it): it is forgotten;
//! - 429, 5xx, no answer: tried again after the `Retry-After` it asked for, else after 1, 4,
//!   16 and 64 s (a quarter either way, so many pushes do not return at once), as long as the
//!   message is still worth delivering (its time to live);
//! - any other answer (400, 401, 403, 413): refused for good, logged.

use std::sync::Arc;
use std::time::Duration;

use axum::http::{StatusCode, header};
use tokio::sync::{OnceCell, Semaphore};
use tokio::time::Instant;

use super::endpoints::{PublicAddressesOnly, Reach};
use super::{Subscription, Urgency, VapidKey, push_request};
use crate::metrics::Metrics;
use crate::store::{PushSubscriptionRecord, Store};

/// Pushes on their way at once; more wait for their turn (each holds a connection).
const IN_FLIGHT_AT_MOST: usize = 64;

/// The pauses before the second, third, ... try.
const BACK_OFF: [Duration; 4] =
    [Duration::from_secs(1), Duration::from_secs(4), Duration::from_secs(16), Duration::from_secs(64)];

/// The longest `Retry-After` honoured; a longer one is as good as giving up on a call.
const RETRY_AFTER_AT_MOST: Duration = Duration::from_secs(300);

/// One message for one phone.
#[derive(Clone, Debug)]
pub struct Delivery {
    pub ticket: String,
    pub subscription: PushSubscriptionRecord,
    pub payload: Vec<u8>,
    /// How long the push service should keep it for a phone that is off; the sender gives up
    /// after as long.
    pub ttl: Duration,
    pub urgency: Urgency,
}

/// The instance's push sender; cheap to clone.
#[derive(Clone)]
pub struct PushSender {
    inner: Arc<Inner>,
}

struct Inner {
    client: reqwest::Client,
    store: Store,
    metrics: Arc<Metrics>,
    key: OnceCell<VapidKey>,
    /// The VAPID `sub`: who to write to about this server's pushes.
    contact: String,
    in_flight: Semaphore,
}

/// What one try came to.
enum Attempt {
    Delivered,
    Gone,
    Refused(String),
    /// Worth another try, after the pause the push service asked for, if it did.
    Later(Option<Duration>, String),
}

impl PushSender {
    pub fn new(store: Store, metrics: Arc<Metrics>, contact: String, reach: Reach) -> anyhow::Result<Self> {
        let mut client = reqwest::Client::builder()
            .use_rustls_tls()
            .user_agent(concat!("willkommen/", env!("CARGO_PKG_VERSION")))
            .connect_timeout(Duration::from_secs(10))
            .timeout(Duration::from_secs(30))
            // A redirect would lead past the address check.
            .redirect(reqwest::redirect::Policy::none());
        if reach == Reach::PublicOnly {
            client = client.https_only(true);
            // Behind the office's outgoing proxy (HTTPS_PROXY, read by reqwest), the proxy
            // resolves the push service's name, and the name resolved here is the proxy's own,
            // usually a private address: the check of each address is then the proxy's job
            // (docs/deployment.md); the endpoint's form is still checked on subscribing.
            if behind_proxy() {
                tracing::info!("pushes go through the proxy in HTTPS_PROXY or ALL_PROXY");
            } else {
                client = client.dns_resolver(Arc::new(PublicAddressesOnly));
            }
        }
        let inner = Inner {
            client: client.build()?,
            store,
            metrics,
            key: OnceCell::new(),
            contact,
            in_flight: Semaphore::new(IN_FLIGHT_AT_MOST),
        };
        Ok(Self { inner: Arc::new(inner) })
    }

    /// Sends `delivery` in the background.
    pub fn send(&self, delivery: Delivery) {
        let inner = Arc::clone(&self.inner);
        tokio::spawn(async move { inner.deliver(delivery).await });
    }
}

impl Inner {
    async fn deliver(&self, delivery: Delivery) {
        let stored = &delivery.subscription;
        let subscription = match Subscription::parse(&stored.endpoint, &stored.p256dh, &stored.auth) {
            Ok(subscription) => subscription,
            Err(error) => return self.ended("refused", &delivery, &error.to_string()),
        };
        let key = match self.key.get_or_try_init(|| self.store.vapid_key()).await {
            Ok(key) => key,
            Err(error) => return self.ended("failed", &delivery, &format!("no VAPID key: {error}")),
        };
        let give_up_at = Instant::now() + delivery.ttl;
        for pause in BACK_OFF.iter().map(Some).chain([None]) {
            let attempt = {
                let _turn = self.in_flight.acquire().await;
                // What is left of it, in whole seconds rounded up (the header has no fractions).
                let left = give_up_at.saturating_duration_since(Instant::now());
                let ttl = Duration::from_secs(left.as_secs() + u64::from(left.subsec_nanos() > 0));
                self.try_once(&subscription, &delivery, key, ttl).await
            };
            let (asked, why) = match attempt {
                Attempt::Delivered => return self.metrics.push_ended("delivered"),
                Attempt::Gone => {
                    let forgotten = self.store.delete_gone_push_subscription(&delivery.ticket, &stored.endpoint);
                    if let Err(error) = forgotten.await {
                        tracing::warn!(%error, "could not forget a push subscription its push service called gone");
                    }
                    return self.ended("gone", &delivery, "the push service no longer knows the subscription");
                }
                Attempt::Refused(why) => return self.ended("refused", &delivery, &why),
                Attempt::Later(asked, why) => (asked, why),
            };
            let Some(pause) = asked.or(pause.copied().map(jittered)) else {
                return self.ended("failed", &delivery, &format!("{why}; gave up after {} tries", BACK_OFF.len() + 1));
            };
            if Instant::now() + pause >= give_up_at {
                return self.ended("failed", &delivery, &format!("{why}; its time to live is over"));
            }
            self.metrics.push_ended("retried");
            tokio::time::sleep(pause).await;
        }
    }

    async fn try_once(
        &self,
        subscription: &Subscription,
        delivery: &Delivery,
        key: &VapidKey,
        ttl: Duration,
    ) -> Attempt {
        let now = self.store.now();
        let request =
            match push_request(subscription, &delivery.payload, ttl, delivery.urgency, key, &self.contact, now) {
                Ok(request) => request,
                Err(error) => return Attempt::Refused(error.to_string()),
            };
        let request = match reqwest::Request::try_from(request) {
            Ok(request) => request,
            Err(error) => return Attempt::Refused(format!("not a request reqwest can send: {error}")),
        };
        let response = match self.client.execute(request).await {
            Ok(response) => response,
            Err(error) => return Attempt::Later(None, format!("no answer: {error}")),
        };
        let status = response.status();
        match status {
            _ if status.is_success() => Attempt::Delivered,
            StatusCode::NOT_FOUND | StatusCode::GONE => Attempt::Gone,
            StatusCode::TOO_MANY_REQUESTS => Attempt::Later(retry_after(&response), format!("answered {status}")),
            _ if status.is_server_error() => Attempt::Later(retry_after(&response), format!("answered {status}")),
            _ => Attempt::Refused(format!("answered {status}")),
        }
    }

    fn ended(&self, outcome: &'static str, delivery: &Delivery, why: &str) {
        self.metrics.push_ended(outcome);
        // The endpoint is the phone's address at its push service: only its host is logged.
        let service = url::Url::parse(&delivery.subscription.endpoint)
            .ok()
            .and_then(|url| url.host_str().map(str::to_owned))
            .unwrap_or_default();
        match outcome {
            "gone" => tracing::info!(service, "push subscription gone, forgotten"),
            _ => tracing::warn!(service, outcome, why, "a push to a visitor's phone was not delivered"),
        }
    }
}

/// Whether an outgoing proxy is set for https, as reqwest reads it from the environment.
fn behind_proxy() -> bool {
    ["HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"]
        .iter()
        .any(|name| std::env::var_os(name).is_some_and(|value| !value.is_empty()))
}

/// `Retry-After` in seconds (push services do not send dates), at most [`RETRY_AFTER_AT_MOST`].
fn retry_after(response: &reqwest::Response) -> Option<Duration> {
    let seconds: u64 = response.headers().get(header::RETRY_AFTER)?.to_str().ok()?.trim().parse().ok()?;
    Some(Duration::from_secs(seconds).min(RETRY_AFTER_AT_MOST))
}

/// `pause` moved by up to a quarter either way.
fn jittered(pause: Duration) -> Duration {
    let mut bytes = [0u8; 2];
    let random = match getrandom::fill(&mut bytes) {
        Ok(()) => f64::from(u16::from_le_bytes(bytes)) / f64::from(u16::MAX),
        Err(_) => 0.5,
    };
    pause.mul_f64(0.75 + random / 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pauses_move_by_at_most_a_quarter() {
        for _ in 0..1000 {
            let pause = jittered(Duration::from_secs(4));
            assert!((Duration::from_secs(3)..=Duration::from_secs(5)).contains(&pause), "{pause:?}");
        }
    }
}
