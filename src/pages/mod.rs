//! The app's routed screens.

mod admin;
mod kiosk;
mod not_found;
mod planned;
mod staff;
mod ticket_status;

pub use admin::AdminPage;
pub use kiosk::KioskPage;
pub use not_found::NotFoundPage;
pub use planned::PlannedPage;
pub use staff::StaffPage;
pub use ticket_status::TicketStatusPage;
