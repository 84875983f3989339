//! The app's screens and their paths, in one place.

/// A screen of the app that has a path of its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Screen {
    Kiosk,
    Staff,
    Admin,
    Display,
}

impl Screen {
    pub fn path(self) -> &'static str {
        match self {
            Self::Kiosk => "/",
            Self::Staff => "/staff",
            Self::Admin => "/admin",
            Self::Display => "/display",
        }
    }

    /// The Fluent message id of the screen's name.
    pub fn title_key(self) -> &'static str {
        match self {
            Self::Kiosk => "screen-kiosk",
            Self::Staff => "screen-staff",
            Self::Admin => "screen-admin",
            Self::Display => "screen-display",
        }
    }
}

/// The path of a visitor's ticket page; see [`willkommen_api::ticket_status_path`].
pub fn ticket_path(id: &willkommen_api::TicketId) -> String {
    willkommen_api::ticket_status_path(id)
}
