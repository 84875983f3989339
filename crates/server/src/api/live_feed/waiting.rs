//! The reader's copy of the waiting queue, kept up to date from the events: after a commit it
//! reads again only the tickets that had events, and the wait figures only when a service
//! started, ended or moved (see `store/waiting_views.rs` for how places are worked out).
//!
//! Some changes come without a ticket event: a new configuration (concern names), a booking
//! moved or cancelled by the booking system, time passing (the half hour of active counters).
//! The copy is therefore read whole after each publication and every [`READ_WHOLE_EVERY`]
//! (at the next read that tells no call, so that reading thousands of tickets does not hold
//! a call up), and the wait figures every [`READ_WAITS_EVERY`].
//!
//! Working out every place costs time in proportion to the queue, and kiosks can issue
//! hundreds of tickets a second. New tickets rarely move anybody (only one with priority, or
//! an appointment falling due, goes ahead of others), so a commit that only issued tickets
//! waits up to [`ISSUED_TOLD_WITHIN`] for the next: a burst of issuing costs a few place
//! reckonings a second, not one per commit. Every other event (a call, above all) is told at
//! once.

use std::collections::{BTreeSet, HashSet};
use std::sync::Arc;
use std::time::Duration;

use tokio::time::Instant;

use crate::error::AppResult;
use crate::store::{Place, QueueBasis, Store, TicketRecord, places};

/// Every waiting ticket by id, with its record and place.
pub type Waiting = foldhash::HashMap<Arc<str>, (Arc<TicketRecord>, Place)>;

/// Events read: the ticket's id and the event's kind.
pub type Events = Vec<(String, String)>;

const READ_WHOLE_EVERY: Duration = Duration::from_secs(10);
const READ_WAITS_EVERY: Duration = Duration::from_secs(5);

/// The longest a phone hears late of tickets issued ahead of it.
pub const ISSUED_TOLD_WITHIN: Duration = Duration::from_secs(1);

/// The waiting tickets and what their places depend on.
#[derive(Default)]
pub struct WaitingQueue {
    records: foldhash::HashMap<Arc<str>, Arc<TicketRecord>>,
    basis: Option<(QueueBasis, Instant)>,
    /// The configuration read with, and when the whole queue was read.
    read_whole: Option<(i64, Instant)>,
    /// Events of issued tickets not applied yet, and since when the first has waited.
    issued: Events,
    issued_since: Option<Instant>,
}

impl WaitingQueue {
    /// Brings the copy up to date after `events`, or only notes them when they only issued
    /// tickets and may wait (`urgent`: a phone waits for its first copy). Returns the events
    /// applied, `None` when they wait.
    pub async fn update(&mut self, store: &Store, events: Events, urgent: bool) -> AppResult<Option<Events>> {
        let version = store.published_version();
        let only_issued = events.iter().all(|(_, kind)| kind == "issued");
        let whole = match self.read_whole {
            None => true,
            Some((read_with, _)) if read_with != version => true,
            // Not while a call is to be told, unless long overdue: the next read does it.
            Some((_, at)) => at.elapsed() >= READ_WHOLE_EVERY && (only_issued || at.elapsed() >= 2 * READ_WHOLE_EVERY),
        };
        if !events.is_empty() {
            self.issued_since.get_or_insert_with(Instant::now);
        }
        self.issued.extend(events);
        let may_wait = self.issued_since.is_none_or(|since| since.elapsed() < ISSUED_TOLD_WITHIN);
        if !whole && !urgent && only_issued && may_wait && !self.basis_is_stale() {
            return Ok(None);
        }
        let events = std::mem::take(&mut self.issued);
        self.issued_since = None;
        let mut services_changed = whole;
        if whole {
            // Forgotten first: should the read fail, the next one is whole again.
            self.read_whole = None;
            let records = store.ticket_records(None).await?;
            self.records =
                records.into_iter().map(|record| (Arc::from(record.id.as_str()), Arc::new(record))).collect();
            self.read_whole = Some((version, Instant::now()));
        } else if !events.is_empty() {
            let ids: Vec<String> =
                events.iter().map(|(id, _)| id.clone()).collect::<HashSet<_>>().into_iter().collect();
            for id in &ids {
                self.records.remove(id.as_str());
            }
            for record in store.ticket_records(Some(&ids)).await? {
                // A checked-in appointment changes which bookings are still to come, and a
                // ticket of a queue not read yet needs its queue's figures.
                services_changed |= record.appointment.is_some()
                    || self.basis.as_ref().is_some_and(|(basis, _)| !basis.covers(std::iter::once(&record)));
                if record.status == "waiting" {
                    self.records.insert(Arc::from(record.id.as_str()), Arc::new(record));
                }
            }
            // A call, start, end, return or transfer changes averages, counters or bookings.
            services_changed |= events.iter().any(|(_, kind)| kind != "issued");
        }
        if services_changed || self.basis_is_stale() {
            let queues: BTreeSet<(String, String)> =
                self.records.values().map(|record| (record.concern_id.clone(), record.service_day.clone())).collect();
            self.basis = None;
            self.basis = Some((store.queue_basis(&queues).await?, Instant::now()));
        }
        Ok(Some(events))
    }

    /// When the issued tickets noted last must be applied, if any wait.
    pub fn issued_due_at(&self) -> Option<Instant> {
        self.issued_since.map(|since| since + ISSUED_TOLD_WITHIN)
    }

    fn basis_is_stale(&self) -> bool {
        self.basis.as_ref().is_none_or(|(_, at)| at.elapsed() >= READ_WAITS_EVERY)
    }

    /// Every waiting ticket's record and place now.
    pub fn places(&self, store: &Store) -> Arc<Waiting> {
        let Some((basis, _)) = &self.basis else { return Arc::default() };
        let records = self.records.iter().map(|(id, record)| ((id, record), &**record));
        let places = places(records, basis, store.now());
        let mut waiting = Waiting::with_capacity_and_hasher(places.len(), Default::default());
        waiting.extend(places.into_iter().map(|((id, record), place)| (Arc::clone(id), (Arc::clone(record), place))));
        Arc::new(waiting)
    }

    /// Forgets everything, to read it whole next time (after a failed read, say).
    pub fn forget(&mut self) {
        *self = Self::default();
    }
}
