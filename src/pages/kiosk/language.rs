//! Choosing the language: one large button per offered language, each named in itself and in
//! its own script and direction, never by a flag.

use leptos::prelude::*;

use super::focused_heading;
use super::visit::Visit;
use crate::i18n::{I18n, language_info};

#[component]
pub fn LanguageScreen() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let visit = expect_context::<Visit>();
    let heading = focused_heading();
    let languages =
        move || visit.office.with(|office| office.as_ref().map(|o| o.languages.clone()).unwrap_or_default());
    // Fetch every offered language's texts now, while the visitor reads the buttons.
    for tag in languages() {
        leptos::task::spawn_local(async move {
            i18n.load(&tag).await;
        });
    }
    let choose = move |tag: String| {
        leptos::task::spawn_local(async move {
            i18n.switch_to(&tag).await;
            // The visitor may have walked away meanwhile.
            if !visit.is_current() {
                return;
            }
            let next = visit.return_to.get_untracked().unwrap_or_else(|| visit.first_step.get_untracked());
            visit.return_to.set(None);
            visit.go(next);
        });
    };
    view! {
        <section class="language-screen" aria-labelledby="language-heading">
            <h1 id="language-heading" tabindex="-1" node_ref=heading data-speak>{move || i18n.t("language-heading")}</h1>
            <p class="lead" data-speak>{move || i18n.t("language-hint")}</p>
            <ul class="language-grid">
                <For each=languages key=|tag| tag.clone() let:tag>
                    {
                        let info = language_info(&tag);
                        let name = info.map_or_else(|| tag.clone(), |info| info.endonym.to_owned());
                        let direction = info.map(|info| info.direction.as_str());
                        let selected = {
                            let tag = tag.clone();
                            move || (i18n.language() == tag).to_string()
                        };
                        let on_click = {
                            let tag = tag.clone();
                            move |_| choose(tag.clone())
                        };
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="language-button"
                                    lang=tag.clone()
                                    dir=direction
                                    aria-pressed=selected
                                    on:click=on_click
                                    data-speak
                                >
                                    {name}
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
        </section>
    }
}
