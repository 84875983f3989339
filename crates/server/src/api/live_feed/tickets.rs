//! The followed tickets: one watch per ticket that a phone follows, set by the reader only when
//! what the phone shows would change. A call moves every phone behind it, so each of those
//! wakes; a ticket issued at the end of the queue changes nobody's place, so no phone wakes.
//! A watch keeps only the newest news, so a phone that reads slowly gets the ticket as it is
//! now and never falls behind.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, MutexGuard};

use tokio::sync::watch;

use super::waiting::Waiting;
use crate::store::{Place, TicketRecord, TicketView};

/// What the reader last told the phones of one ticket.
#[derive(Clone, Debug, Default)]
pub struct News {
    /// The newest event when it was read: the id of the event sent for it.
    pub newest: i64,
    pub kind: NewsKind,
}

#[derive(Clone, Debug, Default)]
pub enum NewsKind {
    /// Nothing yet: the phone reads its ticket itself when it opens.
    #[default]
    Unread,
    /// The ticket waits, with this record and place: see [`NewsKind::view`].
    Waiting(Arc<TicketRecord>, Place),
    /// The ticket does not wait (any more) and something happened to it: the phone reads it.
    Changed,
}

impl NewsKind {
    /// The ticket as `GET /tickets/{id}` shows it, while it waits.
    pub fn view(&self) -> Option<TicketView> {
        match self {
            Self::Waiting(record, place) => Some(TicketView {
                record: TicketRecord::clone(record),
                people_ahead: Some(place.people_ahead),
                estimated_wait: place.estimated_wait,
            }),
            Self::Unread | Self::Changed => None,
        }
    }
}

/// The tickets phones follow, each with its watch.
#[derive(Clone)]
pub struct FollowedTickets {
    watches: Arc<Mutex<Watches>>,
    /// Wakes the reader when phones start following and it has no copy of the queue yet, so
    /// the phones after the first few take their first state from memory.
    pub(super) wake_reader: Arc<tokio::sync::Notify>,
    /// Whether the reader has a copy of the queue for the phones that follow now.
    has_read: Arc<watch::Sender<bool>>,
}

impl Default for FollowedTickets {
    fn default() -> Self {
        Self { watches: Arc::default(), wake_reader: Arc::default(), has_read: Arc::new(watch::channel(false).0) }
    }
}

#[derive(Default)]
struct Watches {
    by_ticket: HashMap<String, watch::Sender<News>>,
    /// The waiting tickets as the reader last told them (after event `newest`), for phones
    /// that start following.
    newest: i64,
    waiting: Arc<Waiting>,
    /// Set when the server shuts down: every watch is gone, and no new one is made.
    closed: bool,
}

impl FollowedTickets {
    fn lock(&self) -> MutexGuard<'_, Watches> {
        self.watches.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// The news of ticket `id` from now on; `None` once the server is shutting down.
    pub fn follow(&self, id: &str) -> Option<Following> {
        let mut watches = self.lock();
        if watches.closed {
            return None;
        }
        // A ticket the reader saw waiting starts with that; any other is read by its phone.
        let known = match watches.waiting.get(id) {
            Some((record, place)) => News { newest: watches.newest, kind: NewsKind::Waiting(record.clone(), *place) },
            None => News::default(),
        };
        if !*self.has_read.borrow() {
            self.wake_reader.notify_one();
        }
        let sender = watches.by_ticket.entry(id.to_owned()).or_insert_with(|| watch::channel(known).0);
        Some(Following { news: Some(sender.subscribe()), id: id.to_owned(), followed: self.clone() })
    }

    /// Whether the phones that follow have been told from a copy of the queue.
    pub fn has_read(&self) -> bool {
        *self.has_read.borrow()
    }

    pub fn is_empty(&self) -> bool {
        self.lock().by_ticket.is_empty()
    }

    /// Waits until the reader has a copy of the queue (at most `patience`).
    pub async fn first_read(&self, patience: std::time::Duration) {
        let mut has_read = self.has_read.subscribe();
        let _ = tokio::time::timeout(patience, has_read.wait_for(|has_read| *has_read)).await;
    }

    /// Tells each followed ticket's phones what changed: the view of a waiting ticket when it
    /// differs from the last one sent; "read it" to a ticket that stopped waiting or, not
    /// waiting, had an event (`touched`; `None`: any may have had one).
    pub fn tell(&self, newest: i64, waiting: Arc<Waiting>, touched: Option<&HashSet<&str>>) {
        let mut watches = self.lock();
        watches.newest = newest;
        watches.waiting = waiting;
        self.has_read.send_replace(true);
        let watches = &*watches;
        for (id, sender) in &watches.by_ticket {
            sender.send_if_modified(|news| {
                let kind = match (watches.waiting.get(id.as_str()), &news.kind) {
                    (Some((record, place)), NewsKind::Waiting(sent, sent_place))
                        if Arc::ptr_eq(record, sent) && place == sent_place =>
                    {
                        return false;
                    }
                    (Some((record, place)), _) => NewsKind::Waiting(Arc::clone(record), *place),
                    (None, NewsKind::Waiting(..)) => NewsKind::Changed,
                    (None, _) if touched.is_none_or(|touched| touched.contains(id.as_str())) => NewsKind::Changed,
                    (None, _) => return false,
                };
                *news = News { newest, kind };
                true
            });
        }
    }

    /// Ends every phone's stream (on shutdown).
    pub fn close(&self) {
        let mut watches = self.lock();
        watches.closed = true;
        watches.by_ticket.clear();
        watches.waiting = Arc::default();
    }
}

/// One phone's subscription to its ticket's news; the watch goes with the last one.
pub struct Following {
    news: Option<watch::Receiver<News>>,
    id: String,
    followed: FollowedTickets,
}

impl Following {
    /// What the reader last said of the ticket.
    pub fn current(&self) -> News {
        self.news.as_ref().map(|news| news.borrow().clone()).unwrap_or_default()
    }

    /// The next news, `None` once the server is shutting down.
    pub async fn next(&mut self) -> Option<News> {
        let news = self.news.as_mut()?;
        news.changed().await.ok()?;
        Some(news.borrow_and_update().clone())
    }
}

impl Drop for Following {
    fn drop(&mut self) {
        // Unsubscribed first, so the count below no longer includes this phone.
        self.news.take();
        let mut watches = self.followed.lock();
        if watches.by_ticket.get(&self.id).is_some_and(|sender| sender.receiver_count() == 0) {
            watches.by_ticket.remove(&self.id);
        }
        if watches.by_ticket.is_empty() {
            // The reader forgets its copy without phones; the next first phone wakes it.
            watches.waiting = Arc::default();
            self.followed.has_read.send_replace(false);
        }
    }
}
