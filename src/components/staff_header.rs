//! Shared by the staff desk's and the admin console's headers: who is signed in, and the
//! interface language (German or English), remembered per person on the PC.

use leptos::prelude::*;
use willkommen_api as json;

use crate::i18n::{I18n, STAFF_LANGUAGES, language_info};
use crate::storage;

#[component]
pub fn SignedInAs(me: RwSignal<Option<json::Me>>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let text = move || {
        let me = me.get()?;
        let mut args = crate::i18n::Args::new();
        args.set("name", me.display_name);
        Some(i18n.t_args("staff-signed-in-as", &args))
    };
    view! { <p>{text}</p> }
}

#[component]
pub fn InterfaceLanguage(me: RwSignal<Option<json::Me>>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let choose = move |tag: &'static str| {
        move |_| {
            if let Some(me) = me.get_untracked() {
                storage::set(&storage::language_key(&me.username), tag);
            }
            leptos::task::spawn_local(async move { i18n.switch_staff_language(tag).await });
        }
    };
    view! {
        <div class="staff-languages" role="group" aria-label=move || i18n.t("staff-interface-language")>
            {STAFF_LANGUAGES.iter().map(|&tag| view! {
                <button type="button" lang=tag aria-pressed=move || (i18n.language() == tag).to_string() on:click=choose(tag)>
                    {language_info(tag).map(|info| info.endonym)}
                </button>
            }).collect_view()}
        </div>
    }
}
