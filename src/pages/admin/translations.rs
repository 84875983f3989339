//! Which texts are missing or out of date in which language: a table of the kiosk's texts
//! against its languages, with the kiosk's fallback rules beside it. A cell opens the text in
//! the editor, in that language.

use crate::i18n::Args;
use leptos::prelude::*;
use willkommen_api::SOURCE_LANGUAGE;

use super::console::{Console, Section};
use super::fields::{Status, TextRef, status};
use crate::i18n::{I18n, language_info};

#[component]
pub fn TranslationStatus() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let languages = move || {
        console.document.with(|document| {
            document
                .as_ref()
                .map(|d| d.languages.iter().filter(|tag| *tag != SOURCE_LANGUAGE).cloned().collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let table = move || {
        let languages = languages();
        console.document.with(|document| {
            let document = document.as_ref()?;
            console.basis.with(|basis| {
                let texts: Vec<TextRef> = TextRef::all(document)
                    .into_iter()
                    .filter(|text| text.get(document).is_some_and(|t| t.get(SOURCE_LANGUAGE).is_some()))
                    .collect();
                let totals = languages
                    .iter()
                    .map(|language| {
                        let open = texts
                            .iter()
                            .filter(|text| matches!(status(document, basis, text, language), Status::Missing | Status::Outdated))
                            .count();
                        let mut args = Args::new();
                        args.set("count", open);
                        view! { <td>{i18n.t_args("admin-open-count", &args)}</td> }
                    })
                    .collect_view();
                let rows = texts
                    .iter()
                    .map(|text| {
                        let cells = languages
                            .iter()
                            .map(|language| {
                                let state = status(document, basis, text, language);
                                let (class, key) = match state {
                                    Status::Current => ("current", "admin-status-current"),
                                    Status::Outdated => ("outdated", "admin-status-outdated"),
                                    Status::Missing => ("missing", "admin-status-missing"),
                                    Status::Empty => ("empty", "admin-status-empty"),
                                };
                                let open = open_text(console, text.clone(), language.clone());
                                let cell = if matches!(state, Status::Missing | Status::Outdated) {
                                    view! { <button type="button" class=format!("admin-cell {class}") on:click=move |_| open()>{i18n.t(key)}</button> }.into_any()
                                } else {
                                    view! { <span class=format!("admin-cell {class}")>{i18n.t(key)}</span> }.into_any()
                                };
                                view! { <td>{cell}</td> }
                            })
                            .collect_view();
                        view! { <tr><th scope="row" dir="auto">{describe(document, text, i18n)}</th>{cells}</tr> }
                    })
                    .collect_view();
                let headers = languages
                    .iter()
                    .map(|tag| {
                        let info = language_info(tag);
                        let name = info.map_or_else(|| tag.clone(), |info| info.german_name.to_owned());
                        view! { <th scope="col">{name}</th> }
                    })
                    .collect_view();
                Some(view! {
                    // Scrolls by itself, so it can take the focus and be scrolled by keyboard.
                    <div class="admin-matrix-wrap" tabindex="0" role="region" aria-labelledby="matrix-caption">
                        <table class="admin-matrix">
                            <caption id="matrix-caption">{i18n.t("admin-translations-caption")}</caption>
                            <thead>
                                <tr><th scope="col">{i18n.t("admin-text")}</th>{headers}</tr>
                                <tr><th scope="row">{i18n.t("admin-open")}</th>{totals}</tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                })
            })
        })
    };
    view! {
        <section aria-labelledby="translations-heading">
            <h1 id="translations-heading">{move || i18n.t("admin-section-translations")}</h1>
            <div class="admin-translations">
                {table}
                <aside class="admin-fallback" aria-labelledby="fallback-heading">
                    <h2 id="fallback-heading">{move || i18n.t("admin-fallback-heading")}</h2>
                    <p>{move || i18n.t("admin-fallback-rules")}</p>
                    <p>{move || i18n.t("admin-fallback-outdated")}</p>
                </aside>
            </div>
        </section>
    }
}

/// "„Blaue Karte EU“ › Reisepass › Hinweis" for a text.
fn describe(document: &willkommen_api::OfficeConfig, text: &TextRef, i18n: I18n) -> String {
    let concern = |id: &willkommen_api::ConcernId| {
        document.concerns.iter().find(|c| &c.id == id).map_or_else(|| id.0.clone(), super::concerns::display_name)
    };
    let item = |id: &willkommen_api::ConcernId, item: &str| {
        document
            .concerns
            .iter()
            .find(|c| &c.id == id)
            .and_then(|c| c.checklist.iter().find(|i| i.id == item))
            .and_then(|i| i.text.get(SOURCE_LANGUAGE).map(str::to_owned))
            .unwrap_or_else(|| item.to_owned())
    };
    match text {
        TextRef::OfficeName => i18n.t("admin-office-name"),
        TextRef::DisplayInfo => i18n.t("admin-display-info"),
        TextRef::ConcernName(id) => format!("{} › {}", concern(id), i18n.t("admin-concern-name")),
        TextRef::ConcernDescription(id) => format!("{} › {}", concern(id), i18n.t("admin-concern-description")),
        TextRef::ItemText(id, i) => format!("{} › {}", concern(id), item(id, i)),
        TextRef::ItemHint(id, i) => format!("{} › {} › {}", concern(id), item(id, i), i18n.t("admin-item-hint")),
    }
}

/// Opens the editor where `text` is edited, translating into `language`.
fn open_text(console: Console, text: TextRef, language: String) -> impl Fn() + Clone + 'static {
    move || {
        console.language.set(language.clone());
        match &text {
            TextRef::OfficeName | TextRef::DisplayInfo => console.show(Section::Settings),
            TextRef::ConcernName(id)
            | TextRef::ConcernDescription(id)
            | TextRef::ItemText(id, _)
            | TextRef::ItemHint(id, _) => {
                console.show(Section::Concerns);
                console.editing.set(Some(id.clone()));
            }
        }
    }
}
