//! The promise both fault runs check: every ticket a kiosk was given is stored, and no
//! visitor's attempt (one idempotency key) produced two tickets. Each fault run uses a server
//! of its own, so every stored ticket was asked for by one of its kiosks.

use std::collections::{BTreeMap, HashMap, HashSet};

use serde::Serialize;

use crate::database::Stored;

#[derive(Clone, Debug, Default, Serialize)]
pub struct ExactlyOnce {
    /// Keys a kiosk got a ticket for.
    pub acknowledged: usize,
    pub tickets_stored: usize,
    /// Must be 0: tickets a kiosk was given that are not in the database.
    pub lost_acknowledged: usize,
    /// Must be 0: tickets beyond one per key (a ticket no key's answer names, or named twice).
    pub duplicate_tickets: usize,
    /// Must be 0: two stored tickets with the same number on the same day.
    pub shared_numbers: usize,
    /// Must be 0: kiosks told another ticket than the key's stored answer names.
    pub answers_disagreeing: usize,
}

impl ExactlyOnce {
    /// Checks `acknowledged` (key → ticket id the kiosk was given) against the database.
    pub fn check(acknowledged: &BTreeMap<String, String>, stored: &Stored) -> Self {
        let ticket_ids: HashSet<&str> = stored.tickets.iter().map(|ticket| ticket.id.as_str()).collect();
        let key_answers: HashMap<&str, Option<&str>> =
            stored.keys.iter().map(|(key, id)| (key.as_str(), id.as_deref())).collect();
        let mut named = HashSet::new();
        let mut named_twice = 0;
        for id in stored.keys.iter().filter_map(|(_, id)| id.as_deref()) {
            named_twice += usize::from(!named.insert(id));
        }
        let unnamed = ticket_ids.iter().filter(|id| !named.contains(*id)).count();
        let numbers: HashSet<_> =
            stored.tickets.iter().map(|ticket| (&ticket.prefix, ticket.sequence, &ticket.service_day)).collect();
        Self {
            acknowledged: acknowledged.len(),
            tickets_stored: stored.tickets.len(),
            lost_acknowledged: acknowledged.values().filter(|id| !ticket_ids.contains(id.as_str())).count(),
            duplicate_tickets: unnamed + named_twice,
            shared_numbers: stored.tickets.len() - numbers.len(),
            answers_disagreeing: acknowledged
                .iter()
                .filter(|(key, id)| key_answers.get(key.as_str()).copied().flatten() != Some(id.as_str()))
                .count(),
        }
    }

    /// The figures that must be 0, by name, where they are not.
    pub fn violations(&self) -> Vec<String> {
        [
            ("lost acknowledged tickets", self.lost_acknowledged),
            ("duplicate tickets", self.duplicate_tickets),
            ("tickets sharing a number", self.shared_numbers),
            ("answers disagreeing with the database", self.answers_disagreeing),
        ]
        .into_iter()
        .filter(|(_, n)| *n > 0)
        .map(|(what, n)| format!("{n} {what}"))
        .collect()
    }
}
