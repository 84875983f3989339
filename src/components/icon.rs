//! The app's pictograms: simple line drawings (24 × 24, drawn with the text colour, so they
//! follow high-contrast mode). Always next to a text label; never the only way to tell.

use leptos::prelude::*;

/// Pictograms that point somewhere; mirrored in right-to-left languages.
const DIRECTIONAL: &[&str] = &["back", "forward"];

const DOCUMENT: &str = r#"<path d="M6 3h9l4 4v14H6zM14 3v5h5M9 12h6M9 16h6"/>"#;

fn drawing(name: &str) -> &'static str {
    match name {
        "back" => r#"<path d="M15 5l-7 7 7 7"/>"#,
        "forward" => r#"<path d="M9 5l7 7-7 7"/>"#,
        "start-over" | "home" => r#"<path d="M3 11l9-8 9 8M5 10v10h14V10"/>"#,
        "language" => {
            r#"<circle cx="12" cy="12" r="9"/><path d="M3 12h18M12 3a14 14 0 0 1 0 18M12 3a14 14 0 0 0 0 18"/>"#
        }
        "large-text" => r#"<path d="M3 18L8 6l5 12M5 14h6M14 18l3.5-8 3.5 8M15.3 15h4.4"/>"#,
        "contrast" => r#"<circle cx="12" cy="12" r="9"/><path d="M12 3a9 9 0 0 1 0 18z" fill="currentColor"/>"#,
        "speaker" => r#"<path d="M4 9h4l5-4v14l-5-4H4zM16 9a4 4 0 0 1 0 6M19 6a8 8 0 0 1 0 12"/>"#,
        "stop" => r#"<rect x="6" y="6" width="12" height="12" fill="currentColor"/>"#,
        "repeat" => r#"<path d="M4 12a8 8 0 0 1 14-5.3M18 3v4h-4M20 12a8 8 0 0 1-14 5.3M6 21v-4h4"/>"#,
        "printer" => r#"<path d="M7 9V3h10v6M7 17H4V9h16v8h-3M7 14h10v7H7z"/>"#,
        "check" => r#"<path d="M5 12l5 5 9-10"/>"#,
        "cross" => r#"<path d="M6 6l12 12M18 6L6 18"/>"#,
        "required" => r#"<circle cx="12" cy="12" r="9"/><path d="M12 7v6M12 16.5v.5"/>"#,
        "residence-permit" => {
            r#"<rect x="3" y="5" width="18" height="14" rx="2"/><circle cx="9" cy="11" r="2"/><path d="M6 16c1-2 5-2 6 0M14 10h4M14 14h4"/>"#
        }
        "blue-card" => {
            r#"<rect x="3" y="5" width="18" height="14" rx="2"/><circle cx="12" cy="12" r="3.5" stroke-dasharray="1.6 1.6"/>"#
        }
        "work" => r#"<rect x="3" y="7" width="18" height="13" rx="2"/><path d="M9 7V4h6v3M3 13h18"/>"#,
        "family" => {
            r#"<circle cx="8" cy="6" r="2.5"/><circle cx="16" cy="6" r="2.5"/><path d="M4 20v-6a4 4 0 0 1 8 0v6M12 20v-6a4 4 0 0 1 8 0v6"/>"#
        }
        "settlement" => r#"<path d="M3 11l9-8 9 8M5 10v10h14V10M12 17l-3-3a2 2 0 0 1 3-3 2 2 0 0 1 3 3z"/>"#,
        "study" => r#"<path d="M2 9l10-5 10 5-10 5zM6 11v5c3 2 9 2 12 0v-5M22 9v6"/>"#,
        "certificate" => {
            r#"<path d="M6 3h9l4 4v14H6zM14 3v5h5"/><circle cx="12" cy="14" r="2.5"/><path d="M11 16.5L10 20l2-1 2 1-1-3.5"/>"#
        }
        "lost-card" => {
            r#"<rect x="3" y="5" width="18" height="14" rx="2"/><path d="M10 10a2 2 0 1 1 3 1.7c-.7.4-1 .8-1 1.8M12 16.3v.4"/>"#
        }
        "pickup" => r#"<path d="M4 8l8-4 8 4v9l-8 4-8-4zM4 8l8 4 8-4M12 12v9"/>"#,
        "calendar" => {
            r#"<rect x="3" y="5" width="18" height="16" rx="2"/><path d="M3 10h18M8 3v4M16 3v4M9 15.5l2 2 4-4"/>"#
        }
        "backspace" => r#"<path d="M9 5h11v14H9l-6-7zM12 9l5 6M17 9l-5 6"/>"#,
        "info" => r#"<circle cx="12" cy="12" r="9"/><path d="M12 11v6M12 7.5v.5"/>"#,
        // A document: the concern pictogram to choose when none fits, and what an unknown name draws.
        _ => DOCUMENT,
    }
}

/// A pictogram by name, hidden from screen readers (its button or label says what it means).
#[component]
pub fn Icon(#[prop(into)] name: String) -> impl IntoView {
    let class = if DIRECTIONAL.contains(&name.as_str()) { "icon icon-directional" } else { "icon" };
    view! {
        <svg
            class=class
            viewBox="0 0 24 24"
            aria-hidden="true"
            focusable="false"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
            stroke-linecap="round"
            stroke-linejoin="round"
            inner_html=drawing(&name)
        ></svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pictogram_an_administrator_can_choose_has_its_own_drawing() {
        for name in willkommen_api::CONCERN_ICONS.into_iter().filter(|name| *name != "document") {
            assert_ne!(drawing(name), DOCUMENT, "{name} has no drawing");
        }
    }
}
