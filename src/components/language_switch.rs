use leptos::prelude::*;

use crate::i18n::{I18n, language_info};

/// One button per offered language, each named in its own language and script.
#[component]
pub fn LanguageSwitch(#[prop(into)] languages: Signal<Vec<String>>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <nav class="language-switch" aria-label=move || i18n.t("language-label")>
            <ul>
                <For each=move || languages.get() key=|tag| tag.clone() let:tag>
                    {
                        let info = language_info(&tag);
                        let name = info.map_or_else(|| tag.clone(), |info| info.endonym.to_owned());
                        let direction = info.map(|info| info.direction.as_str());
                        let selected = {
                            let tag = tag.clone();
                            move || i18n.language() == tag
                        };
                        let choose = {
                            let tag = tag.clone();
                            move |_| i18n.set_language(&tag)
                        };
                        view! {
                            <li>
                                <button
                                    type="button"
                                    class="language-button"
                                    lang=tag.clone()
                                    dir=direction
                                    aria-pressed=move || selected().to_string()
                                    on:click=choose
                                >
                                    {name}
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
        </nav>
    }
}
