//! Pieces shared by several screens.

mod language_switch;
mod qr_code;
mod queue_position;

pub use language_switch::LanguageSwitch;
pub use qr_code::{QrCode, qr_svg};
pub use queue_position::QueuePosition;
