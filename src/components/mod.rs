//! Pieces shared by several screens.

mod icon;
mod language_switch;
mod qr_code;
mod queue_position;

pub use icon::Icon;
pub use language_switch::LanguageSwitch;
pub use qr_code::{QrCode, qr_svg};
pub use queue_position::QueuePosition;
