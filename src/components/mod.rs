//! Pieces shared by several screens.

mod icon;
mod qr_code;
mod queue_position;
mod sign_in;
mod staff_header;

pub use icon::Icon;
pub use qr_code::{QrCode, qr_svg};
pub use queue_position::QueuePosition;
pub use sign_in::{SignIn, session_lapsed};
pub use staff_header::{InterfaceLanguage, SignedInAs};
