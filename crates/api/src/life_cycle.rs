//! A ticket's life cycle, once for the server (which enforces it) and the staff desk and phone
//! page (which offer exactly what it allows): the actions, the statuses each is allowed from,
//! where each leads, its route and the id of its label.
//!
//! - waiting → *call* → called → *start* → serving → *finish* → finished
//! - called → *recall* → called (past the office's number of calls: no_show); called → *no-show* → no_show
//! - called or serving → *park* → parked → *return* → waiting (ahead of the others), or *call*
//! - called or serving → *transfer* → waiting in another concern's queue
//! - waiting, called or parked → *cancel* (by the visitor) → cancelled

use crate::TicketStatus;

/// Something done to an issued ticket: by a clerk, or (cancel) by the visitor on their phone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TicketAction {
    /// The visitor arrived at the counter.
    Start,
    Finish,
    /// A parked ticket goes back into the queue, ahead of the others.
    Return,
    /// Call this ticket to a counter now (a scanned or parked one).
    Call,
    /// Call again; after the office's number of calls it becomes a no-show instead.
    Recall,
    NoShow,
    /// Set aside (e.g. the visitor fetches a document); the counter is free again.
    Park,
    /// Into another concern's queue, keeping the number and the time of arrival.
    Transfer,
    /// The visitor gives up their place.
    Cancel,
}

impl TicketAction {
    /// Every action, in the order the staff desk shows them.
    pub const ALL: [Self; 9] = [
        Self::Start,
        Self::Finish,
        Self::Return,
        Self::Call,
        Self::Recall,
        Self::NoShow,
        Self::Park,
        Self::Transfer,
        Self::Cancel,
    ];

    /// The statuses a ticket may have for this action; the server refuses it in any other
    /// (`409 invalid_transition`).
    pub fn allowed_from(self) -> &'static [TicketStatus] {
        use TicketStatus::{Called, Parked, Serving, Waiting};
        match self {
            Self::Start | Self::Recall | Self::NoShow => &[Called],
            Self::Finish => &[Serving],
            Self::Return => &[Parked],
            Self::Call => &[Waiting, Parked],
            Self::Park | Self::Transfer => &[Called, Serving],
            Self::Cancel => &[Waiting, Called, Parked],
        }
    }

    pub fn is_allowed_from(self, status: TicketStatus) -> bool {
        self.allowed_from().contains(&status)
    }

    /// The status the ticket has afterwards. A recall past the office's limit of calls leads
    /// to [`TicketStatus::NoShow`] instead.
    pub fn leads_to(self) -> TicketStatus {
        match self {
            Self::Start => TicketStatus::Serving,
            Self::Finish => TicketStatus::Finished,
            Self::Return | Self::Transfer => TicketStatus::Waiting,
            Self::Call | Self::Recall => TicketStatus::Called,
            Self::NoShow => TicketStatus::NoShow,
            Self::Park => TicketStatus::Parked,
            Self::Cancel => TicketStatus::Cancelled,
        }
    }

    /// Whether counter staff do it (all but the visitor's cancel).
    pub fn by_staff(self) -> bool {
        self != Self::Cancel
    }

    /// Its route: `POST /api/v1/tickets/{id}/{path}`. Call and transfer take a body naming
    /// the counter or the concern.
    pub fn path(self) -> &'static str {
        match self {
            Self::Start => "start",
            Self::Finish => "finish",
            Self::Return => "return",
            Self::Call => "call",
            Self::Recall => "recall",
            Self::NoShow => "no-show",
            Self::Park => "park",
            Self::Transfer => "transfer",
            Self::Cancel => "cancel",
        }
    }

    /// The action whose route ends in `path`.
    pub fn from_path(path: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|action| action.path() == path)
    }

    /// The Fluent message id of its label: the staff desk's button, or for cancel the phone
    /// page's "I am leaving".
    pub fn label_id(self) -> &'static str {
        match self {
            Self::Start => "staff-action-start",
            Self::Finish => "staff-action-finish",
            Self::Return => "staff-action-return",
            Self::Call => "staff-action-call-now",
            Self::Recall => "staff-action-recall",
            Self::NoShow => "staff-action-no-show",
            Self::Park => "staff-action-park",
            Self::Transfer => "staff-action-transfer",
            Self::Cancel => "status-leave",
        }
    }
}

impl TicketStatus {
    /// What counter staff may do with a ticket in this status, in the desk's order.
    pub fn staff_actions(self) -> impl Iterator<Item = TicketAction> {
        TicketAction::ALL.into_iter().filter(move |action| action.by_staff() && action.is_allowed_from(self))
    }

    /// Whether the visitor can still give the ticket back.
    pub fn can_be_cancelled(self) -> bool {
        TicketAction::Cancel.is_allowed_from(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn routes_name_each_action_once() {
        for action in TicketAction::ALL {
            assert_eq!(TicketAction::from_path(action.path()), Some(action));
        }
        assert_eq!(TicketAction::from_path("delete"), None);
    }

    #[test]
    fn closed_tickets_allow_nothing() {
        for status in [TicketStatus::Finished, TicketStatus::NoShow, TicketStatus::Cancelled] {
            assert_eq!(status.staff_actions().count(), 0, "{status:?}");
            assert!(!status.can_be_cancelled(), "{status:?}");
        }
    }

    /// The life cycle as docs/api.md describes it, written out by hand as the specification.
    #[test]
    fn each_status_allows_the_actions_docs_api_md_describes() {
        use TicketAction::*;
        let expected: [(TicketStatus, &[TicketAction]); 7] = [
            (TicketStatus::Waiting, &[Call, Cancel]),
            (TicketStatus::Called, &[Start, Recall, NoShow, Park, Transfer, Cancel]),
            (TicketStatus::Serving, &[Finish, Park, Transfer]),
            (TicketStatus::Parked, &[Return, Call, Cancel]),
            (TicketStatus::Finished, &[]),
            (TicketStatus::NoShow, &[]),
            (TicketStatus::Cancelled, &[]),
        ];
        for (status, actions) in expected {
            let allowed: Vec<_> =
                TicketAction::ALL.into_iter().filter(|action| action.is_allowed_from(status)).collect();
            assert_eq!(allowed, actions, "{status:?}");
        }
    }

    #[test]
    fn no_action_leads_back_to_where_it_is_allowed_from_except_a_recall() {
        for action in TicketAction::ALL {
            let stays = action.is_allowed_from(action.leads_to());
            assert_eq!(stays, action == TicketAction::Recall, "{action:?}");
        }
    }
}
