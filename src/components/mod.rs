//! Pieces shared by several screens.

mod language_switch;
mod qr_code;

pub use language_switch::LanguageSwitch;
pub use qr_code::{QrCode, qr_svg};
