//! The app's routed screens.

mod admin;
mod display;
mod kiosk;
mod not_found;
mod staff;
mod ticket_status;

pub use admin::AdminPage;
pub use display::DisplayPage;
pub use kiosk::KioskPage;
pub use not_found::NotFoundPage;
pub use staff::StaffPage;
pub use ticket_status::TicketStatusPage;
