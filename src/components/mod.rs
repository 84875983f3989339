//! Pieces shared by several screens.

mod icon;
mod qr_code;
mod queue_position;

pub use icon::Icon;
pub use qr_code::{QrCode, qr_svg};
pub use queue_position::QueuePosition;
