//! Following the tickets whose phones asked to be notified, to push at the right moments:
//! "nearly your turn" once `notify_ahead` people or fewer are ahead, every call and recall
//! with its counter, and the last call before the visitor counts as not come.
//!
//! Each subscribed ticket is followed as a phone follows it (the live feed's news of the
//! ticket, `api/live_feed`), by one small task per ticket. What has been pushed is claimed in
//! the database before it is sent (`store/push_subscriptions.rs`): two instances following the
//! same ticket push each moment once between them. Every instance follows every subscribed
//! ticket: those made through it at once, the others' within [`RESCAN_EVERY`] (and all of them
//! after a restart).

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::task::AbortHandle;
use willkommen_api::{self as json, TicketStatus};

use super::sender::{Delivery, PushSender};
use super::texts::{Moment, PushTexts};
use super::{MAX_PAYLOAD, Urgency};
use crate::api::live_feed::{LiveFeed, NewsKind};
use crate::error::{AppError, AppResult};
use crate::store::{PushRules, PushSubscriptionRecord, Store, TicketView};

/// How often an instance looks for subscriptions made through other instances.
const RESCAN_EVERY: Duration = Duration::from_secs(30);

/// How long a push service keeps "nearly your turn" for a phone that is off or out of reach:
/// after a quarter of an hour it is stale.
const NEAR_KEPT_FOR: Duration = Duration::from_secs(15 * 60);

/// A call is worth delivering for a few minutes: after that the visitor has been recalled or
/// counted as not come, and a later push would mislead.
const CALL_KEPT_FOR: Duration = Duration::from_secs(5 * 60);

/// The instance's watcher of subscribed tickets; cheap to clone.
#[derive(Clone)]
pub struct PushWatcher {
    inner: Arc<Inner>,
}

struct Inner {
    store: Store,
    feed: LiveFeed,
    sender: PushSender,
    texts: PushTexts,
    watched: Mutex<HashMap<String, AbortHandle>>,
    /// The office's push rules, with the configuration version they were read with.
    rules: Mutex<Option<(i64, PushRules)>>,
}

/// What happens to a followed ticket after a change.
enum Next {
    KeepFollowing,
    Done,
}

impl PushWatcher {
    /// Starts following every subscribed ticket, now and every [`RESCAN_EVERY`].
    pub fn start(store: Store, feed: LiveFeed, sender: PushSender) -> Self {
        let inner =
            Inner { store, feed, sender, texts: PushTexts::load(), watched: Mutex::default(), rules: Mutex::default() };
        let watcher = Self { inner: Arc::new(inner) };
        let rescanning = watcher.clone();
        tokio::spawn(async move {
            let mut every = tokio::time::interval(RESCAN_EVERY);
            loop {
                every.tick().await;
                match rescanning.inner.store.push_subscribed_tickets().await {
                    Ok(tickets) => tickets.iter().for_each(|ticket| rescanning.watch(ticket)),
                    Err(error) => tracing::debug!(%error, "cannot look for push subscriptions now"),
                }
            }
        });
        watcher
    }

    /// Follows ticket `id` for its phone's pushes, unless this instance does already.
    pub fn watch(&self, id: &str) {
        let mut watched = self.inner.watched();
        if watched.contains_key(id) {
            return;
        }
        let task = tokio::spawn(Arc::clone(&self.inner).follow(id.to_owned()));
        watched.insert(id.to_owned(), task.abort_handle());
    }

    /// Stops following ticket `id` (its phone turned notifications off).
    pub fn unwatch(&self, id: &str) {
        if let Some(task) = self.inner.watched().remove(id) {
            task.abort();
        }
    }
}

impl Inner {
    fn watched(&self) -> std::sync::MutexGuard<'_, HashMap<String, AbortHandle>> {
        self.watched.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    async fn follow(self: Arc<Self>, id: String) {
        if let Some(mut following) = self.feed.follow_ticket(&id) {
            let mut news = following.current();
            // Once "nearly" is claimed (here or by another instance), the place's later
            // changes need no write to find that out again.
            let mut near_claimed = false;
            loop {
                let view = match &news.kind {
                    NewsKind::Waiting(..) => Ok(news.kind.view()),
                    NewsKind::Unread | NewsKind::Changed => self.store.ticket(&id).await,
                };
                let next = match view {
                    Ok(view) => self.consider(&id, view, &mut near_claimed).await,
                    Err(error) => Err(error),
                };
                match next {
                    Ok(Next::KeepFollowing) => {}
                    Ok(Next::Done) => break,
                    Err(AppError::StorageUnavailable(fault)) => self.store.report_fault(fault),
                    Err(error) => tracing::warn!(%error, "could not decide on a push for a followed ticket"),
                }
                match following.next().await {
                    Some(newer) => news = newer,
                    None => break,
                }
            }
        }
        self.watched().remove(&id);
    }

    /// Pushes what the ticket's change calls for, if it was not pushed yet.
    async fn consider(&self, id: &str, view: Option<TicketView>, near_claimed: &mut bool) -> AppResult<Next> {
        let Some(view) = view else { return Ok(Next::Done) };
        let record = &view.record;
        let status = record.status()?;
        match status {
            TicketStatus::Waiting if !*near_claimed => {
                let rules = self.rules().await?;
                if let Some(ahead) = view.people_ahead.filter(|ahead| *ahead <= rules.notify_ahead) {
                    let claimed = self.store.claim_push_near(id).await?;
                    *near_claimed = true;
                    if let Some(subscription) = claimed {
                        self.push(id, record, subscription, Moment::Near { ahead })?;
                    }
                }
            }
            TicketStatus::Called => {
                // A call counts as "nearly" told (`claim_push_call`).
                *near_claimed = true;
                if let Some(subscription) = self.store.claim_push_call(id).await? {
                    let counter = record.counter_name.clone().unwrap_or_default();
                    let last = i64::from(self.rules().await?.no_show_after_calls);
                    let moment = match record.call_count {
                        ..=1 => Moment::Called { counter },
                        calls if calls >= last => Moment::LastCall { counter },
                        _ => Moment::Recalled { counter },
                    };
                    self.push(id, record, subscription, moment)?;
                }
            }
            TicketStatus::Waiting | TicketStatus::Serving | TicketStatus::Parked => {}
            TicketStatus::Finished | TicketStatus::NoShow | TicketStatus::Cancelled => {
                // Nothing more to tell: the phone's address goes now, not with the ticket.
                self.store.delete_push_subscription(id).await?;
                return Ok(Next::Done);
            }
        }
        Ok(Next::KeepFollowing)
    }

    fn push(
        &self,
        id: &str,
        record: &crate::store::TicketRecord,
        subscription: PushSubscriptionRecord,
        moment: Moment,
    ) -> AppResult<()> {
        let number = record.number()?.to_string();
        let wording = self.texts.wording(&subscription.language, &number, &moment);
        let payload = serde_json::to_vec(&json::PushMessage {
            kind: moment.kind().to_owned(),
            title: wording.title,
            body: wording.body,
            lang: wording.language.to_owned(),
            dir: if wording.right_to_left { "rtl" } else { "ltr" }.to_owned(),
            url: json::ticket_status_path(&json::TicketId(id.to_owned())),
        })
        .map_err(anyhow::Error::from)?;
        if payload.len() > MAX_PAYLOAD {
            return Err(anyhow::anyhow!("a push message of {} bytes is too long", payload.len()).into());
        }
        let ttl = match moment {
            Moment::Near { .. } => NEAR_KEPT_FOR,
            _ => CALL_KEPT_FOR,
        };
        self.sender.send(Delivery { ticket: id.to_owned(), subscription, payload, ttl, urgency: Urgency::High });
        Ok(())
    }

    async fn rules(&self) -> AppResult<PushRules> {
        let version = self.store.published_version();
        let cached = *self.rules.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some((read_with, rules)) = cached
            && read_with == version
        {
            return Ok(rules);
        }
        let rules = self.store.push_rules().await?;
        *self.rules.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some((version, rules));
        Ok(rules)
    }
}
