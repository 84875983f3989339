//! The office's statistics (`docs/statistics.md`): each ticket's visit measured from its
//! event log (`visits`), a day summed (`sums`), a range added up (`figures`), its tables
//! (`report`) and their exports (`export`). The SQL is in `store/statistics.rs`.

mod export;
mod figures;
mod report;
mod sums;
mod visits;

pub use export::{csv, xlsx};
pub use figures::{Figures, QuotaRunOut};
pub use report::report;
pub use sums::{DaySums, Histogram, Measure, Sums};
pub use visits::{Booking, Event, TicketFacts, Visit};
