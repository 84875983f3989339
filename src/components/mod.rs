//! Pieces shared by several screens.

mod icon;
mod qr_code;
mod queue_position;
mod sign_in;

pub use icon::Icon;
pub use qr_code::{QrCode, qr_svg};
pub use queue_position::QueuePosition;
pub use sign_in::SignIn;
