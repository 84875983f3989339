//! The web app's pages and the four downloads ("apps") that show them, in one table for the
//! server (which app's page answers a path), the web app (which screen a path shows) and
//! `cargo xtask` (which app is built into which folder of `dist/`). See docs/size.md for why
//! there are four.

use crate::TicketId;

/// One of the web app's downloads; each device loads only its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum WebApp {
    /// The kiosk (`/`): every kiosk downloads it at start-up, so it carries nothing else.
    Kiosk,
    /// The visitor's ticket page (`/t/<ticket>`) and the friendly page for any unknown path.
    Phone,
    /// The lobby call display (`/display`).
    Display,
    /// The office's PCs: the staff desk (`/staff`) and the admin console (`/admin`).
    Office,
}

impl WebApp {
    /// The kiosk first: its build empties `dist/`.
    pub const ALL: [Self; 4] = [Self::Kiosk, Self::Phone, Self::Display, Self::Office];

    /// Its short name (`cargo xtask dev office`, the size report).
    pub fn name(self) -> &'static str {
        match self {
            Self::Kiosk => "kiosk",
            Self::Phone => "phone",
            Self::Display => "display",
            Self::Office => "office",
        }
    }

    /// Its folder inside the built `dist/`, which is also the URL prefix of its files; empty
    /// for the kiosk's, which live at the root.
    pub fn folder(self) -> &'static str {
        match self {
            Self::Kiosk => "",
            other => other.name(),
        }
    }

    /// The app whose page answers `path`: a page's app for the page and anything below it
    /// (`/staff/...` gets the office's app, which says "not found" itself), the phone page
    /// for everything else, above all `/t/<ticket>`.
    pub fn for_path(path: &str) -> Self {
        let under = |page: Page| {
            let prefix = page.path();
            path == prefix || (prefix != "/" && path.strip_prefix(prefix).is_some_and(|rest| rest.starts_with('/')))
        };
        Page::ALL.into_iter().find(|page| under(*page)).map_or(Self::Phone, Page::app)
    }
}

/// A page with a fixed path of its own (the ticket pages have one per ticket:
/// [`ticket_status_path`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Page {
    Kiosk,
    Staff,
    Admin,
    Display,
}

impl Page {
    pub const ALL: [Self; 4] = [Self::Kiosk, Self::Staff, Self::Admin, Self::Display];

    pub fn path(self) -> &'static str {
        match self {
            Self::Kiosk => "/",
            Self::Staff => "/staff",
            Self::Admin => "/admin",
            Self::Display => "/display",
        }
    }

    /// The download that shows it.
    pub fn app(self) -> WebApp {
        match self {
            Self::Kiosk => WebApp::Kiosk,
            Self::Staff | Self::Admin => WebApp::Office,
            Self::Display => WebApp::Display,
        }
    }

    /// The page at exactly `path` (a trailing slash is ignored).
    pub fn at(path: &str) -> Option<Self> {
        let path = match path.trim_end_matches('/') {
            "" => "/",
            trimmed => trimmed,
        };
        Self::ALL.into_iter().find(|page| page.path() == path)
    }
}

/// The path of the visitor's ticket status page, the target of the ticket's QR code.
pub fn ticket_status_path(id: &TicketId) -> String {
    format!("/t/{}", id.as_str())
}

/// Where the web app fetches a part of a language's interface texts (`main` or `staff`): the
/// build copies `locales/` there, and the server preloads a ticket's texts from there.
pub fn locale_url(tag: &str, part: &str) -> String {
    format!("/locales/{tag}/{part}.ftl")
}

/// The ticket id in a ticket page's path (`/t/<id>`); `None` for any other path.
pub fn ticket_id_in(path: &str) -> Option<&str> {
    let id = path.strip_prefix("/t/")?.trim_end_matches('/');
    (!id.is_empty() && !id.contains('/')).then_some(id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_path_is_answered_by_its_apps_page() {
        assert_eq!(WebApp::for_path("/"), WebApp::Kiosk);
        assert_eq!(WebApp::for_path("/staff"), WebApp::Office);
        assert_eq!(WebApp::for_path("/admin/anything"), WebApp::Office);
        assert_eq!(WebApp::for_path("/display"), WebApp::Display);
        assert_eq!(WebApp::for_path("/t/q0fO8b6u3J3p1yQ2xW9aZg"), WebApp::Phone);
        assert_eq!(WebApp::for_path("/staffroom"), WebApp::Phone, "not below /staff");
        assert_eq!(WebApp::for_path("/no/such/page"), WebApp::Phone);
    }

    #[test]
    fn pages_are_found_by_their_path_with_or_without_a_trailing_slash() {
        assert_eq!(Page::at("/"), Some(Page::Kiosk));
        assert_eq!(Page::at("/staff"), Some(Page::Staff));
        assert_eq!(Page::at("/admin/"), Some(Page::Admin));
        assert_eq!(Page::at("/staffroom"), None);
        assert_eq!(Page::at("/t/abc"), None);
    }

    #[test]
    fn a_ticket_page_path_yields_its_id_and_nothing_else_does() {
        let id = TicketId("q0fO8b6u3J3p1yQ2xW9aZg".into());
        assert_eq!(ticket_id_in(&ticket_status_path(&id)), Some(id.as_str()));
        assert_eq!(ticket_id_in("/t/q0fO8b6u3J3p1yQ2xW9aZg/"), Some("q0fO8b6u3J3p1yQ2xW9aZg"));
        assert_eq!(ticket_id_in("/t/"), None);
        assert_eq!(ticket_id_in("/t/a/b"), None);
        assert_eq!(ticket_id_in("/display"), None);
    }

    #[test]
    fn app_folders_are_distinct_and_only_the_kiosk_is_at_the_root() {
        let folders: std::collections::BTreeSet<_> = WebApp::ALL.into_iter().map(WebApp::folder).collect();
        assert_eq!(folders.len(), WebApp::ALL.len());
        assert_eq!(WebApp::Kiosk.folder(), "");
    }
}
