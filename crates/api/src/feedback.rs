//! "How was your visit?": the anonymous answer a visitor gives on the phone page once their
//! ticket is finished. Counted per concern and language for the statistics; never stored
//! with the ticket.

use serde::{Deserialize, Serialize};

/// `POST /api/v1/tickets/{id}/feedback`: five faces and a few reasons to tick, no free text.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feedback {
    /// 1 (very bad) to 5 (very good).
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5))]
    pub rating: u8,
    /// Each at most once.
    #[serde(default)]
    pub reasons: Vec<FeedbackReason>,
}

/// A reason the visitor can tick, besides the rating.
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackReason {
    WaitedLong,
    ExplainedWell,
    KnewDocuments,
    Understood,
    Friendly,
}

impl FeedbackReason {
    /// Every reason, in the order the phone page lists them.
    pub const ALL: [Self; 5] =
        [Self::WaitedLong, Self::ExplainedWell, Self::KnewDocuments, Self::Understood, Self::Friendly];

    /// As on the wire, and the statistics' column.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::WaitedLong => "waited_long",
            Self::ExplainedWell => "explained_well",
            Self::KnewDocuments => "knew_documents",
            Self::Understood => "understood",
            Self::Friendly => "friendly",
        }
    }

    /// The phone page's words for it (`locales/*/main.ftl`).
    pub fn message_key(self) -> &'static str {
        match self {
            Self::WaitedLong => "feedback-reason-waited-long",
            Self::ExplainedWell => "feedback-reason-explained-well",
            Self::KnewDocuments => "feedback-reason-knew-documents",
            Self::Understood => "feedback-reason-understood",
            Self::Friendly => "feedback-reason-friendly",
        }
    }
}

impl Feedback {
    /// What is wrong with the answer, if anything.
    pub fn problem(&self) -> Option<String> {
        if !(1..=5).contains(&self.rating) {
            return Some(format!("rating: {} is not between 1 and 5", self.rating));
        }
        let mut reasons = self.reasons.clone();
        reasons.sort();
        reasons.dedup();
        (reasons.len() != self.reasons.len()).then(|| "reasons: each reason at most once".to_owned())
    }
}
