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

    /// The screen at `path` (a trailing slash is ignored), if it is one of these.
    pub fn at(path: &str) -> Option<Self> {
        let path = match path.trim_end_matches('/') {
            "" => "/",
            trimmed => trimmed,
        };
        [Self::Kiosk, Self::Staff, Self::Admin, Self::Display].into_iter().find(|screen| screen.path() == path)
    }
}

/// The ticket id in a ticket page's path (`/t/<id>`); `None` for any other path.
pub fn ticket_id(path: &str) -> Option<String> {
    let id = path.strip_prefix("/t/")?.trim_end_matches('/');
    (!id.is_empty() && !id.contains('/')).then(|| id.to_owned())
}

/// The path of the page the app was opened at.
pub fn current_path() -> String {
    leptos::prelude::window().location().pathname().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn screens_are_found_by_their_path_with_or_without_a_trailing_slash() {
        assert_eq!(Screen::at("/"), Some(Screen::Kiosk));
        assert_eq!(Screen::at("/staff"), Some(Screen::Staff));
        assert_eq!(Screen::at("/admin/"), Some(Screen::Admin));
        assert_eq!(Screen::at("/staffroom"), None);
        assert_eq!(Screen::at("/t/abc"), None);
    }

    #[test]
    fn a_ticket_page_path_yields_its_id_and_nothing_else_does() {
        assert_eq!(ticket_id("/t/q0fO8b6u3J3p1yQ2xW9aZg").as_deref(), Some("q0fO8b6u3J3p1yQ2xW9aZg"));
        assert_eq!(ticket_id("/t/q0fO8b6u3J3p1yQ2xW9aZg/").as_deref(), Some("q0fO8b6u3J3p1yQ2xW9aZg"));
        assert_eq!(ticket_id("/t/"), None);
        assert_eq!(ticket_id("/t/a/b"), None);
        assert_eq!(ticket_id("/display"), None);
    }
}
