//! The reader's copy of the waiting queue, kept up to date from the events: after a commit it
//! reads again only the tickets that had events, and the wait figures only when a service
//! started, ended or moved (see `store/waiting_views.rs` for how places are worked out).
//!
//! Some changes come without a ticket event: a new configuration (concern names), a booking
//! moved or cancelled by the booking system, time passing (the half hour of active counters).
//! The copy is therefore read whole after each publication and every [`READ_WHOLE_EVERY`],
//! and the wait figures every [`READ_WAITS_EVERY`].

use std::collections::{BTreeSet, HashMap, HashSet};
use std::sync::Arc;
use std::time::Duration;

use tokio::time::Instant;

use crate::error::AppResult;
use crate::store::{Place, QueueBasis, Store, TicketRecord, places};

/// Every waiting ticket by id, with its record and place.
pub type Waiting = HashMap<Arc<str>, (Arc<TicketRecord>, Place)>;

const READ_WHOLE_EVERY: Duration = Duration::from_secs(10);
const READ_WAITS_EVERY: Duration = Duration::from_secs(5);

/// The waiting tickets and what their places depend on.
#[derive(Default)]
pub struct WaitingQueue {
    records: HashMap<Arc<str>, Arc<TicketRecord>>,
    basis: Option<(QueueBasis, Instant)>,
    /// The configuration read with, and when the whole queue was read.
    read_whole: Option<(i64, Instant)>,
}

impl WaitingQueue {
    /// Brings the copy up to date after the events of `touched` (ticket id and kind).
    pub async fn update(&mut self, store: &Store, touched: &[(String, String)]) -> AppResult<()> {
        let version = store.published_version();
        let whole =
            self.read_whole.is_none_or(|(read_with, at)| read_with != version || at.elapsed() >= READ_WHOLE_EVERY);
        let mut services_changed = whole;
        if whole {
            // Forgotten first: should the read fail, the next one is whole again.
            self.read_whole = None;
            let records = store.ticket_records(None).await?;
            self.records =
                records.into_iter().map(|record| (Arc::from(record.id.as_str()), Arc::new(record))).collect();
            self.read_whole = Some((version, Instant::now()));
        } else if !touched.is_empty() {
            let ids: Vec<String> =
                touched.iter().map(|(id, _)| id.clone()).collect::<HashSet<_>>().into_iter().collect();
            for id in &ids {
                self.records.remove(id.as_str());
            }
            for record in store.ticket_records(Some(&ids)).await? {
                // A checked-in appointment changes which bookings are still to come.
                services_changed |= record.appointment.is_some();
                if record.status == "waiting" {
                    self.records.insert(Arc::from(record.id.as_str()), Arc::new(record));
                }
            }
            // A call, start, end, return or transfer changes averages, counters or bookings.
            services_changed |= touched.iter().any(|(_, kind)| kind != "issued");
        }
        let stale = self.basis.as_ref().is_none_or(|(basis, at)| {
            at.elapsed() >= READ_WAITS_EVERY || !basis.covers(self.records.values().map(|record| &**record))
        });
        if services_changed || stale {
            let queues: BTreeSet<(String, String)> =
                self.records.values().map(|record| (record.concern_id.clone(), record.service_day.clone())).collect();
            self.basis = None;
            self.basis = Some((store.queue_basis(&queues).await?, Instant::now()));
        }
        Ok(())
    }

    /// Every waiting ticket's record and place now.
    pub fn places(&self, store: &Store) -> Arc<Waiting> {
        let Some((basis, _)) = &self.basis else { return Arc::default() };
        let places = places(self.records.values().map(|record| &**record), basis, store.now());
        let waiting = places.into_iter().filter_map(|(id, place)| {
            let (id, record) = self.records.get_key_value(id)?;
            Some((Arc::clone(id), (Arc::clone(record), place)))
        });
        Arc::new(waiting.collect())
    }

    /// Forgets everything, to read it whole next time (after a failed read, say).
    pub fn forget(&mut self) {
        *self = Self::default();
    }
}
