//! Language, large text, high contrast and read-aloud, at the same place on every screen and
//! first in the keyboard order, so they can be found without reading the screen first.

use crate::i18n::Args;
use leptos::prelude::*;

use super::visit::{Step, Visit};
use crate::components::Icon;
use crate::i18n::{I18n, language_info};
use crate::speech::{Speech, SpeechProblem};

#[component]
pub fn SettingsBar() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let visit = expect_context::<Visit>();
    let speech = expect_context::<Speech>();
    let change_language = move |_| {
        let step = visit.step.get_untracked();
        if step == Step::Language {
            return;
        }
        visit.return_to.set((step != Step::Welcome).then_some(step));
        visit.go(Step::Language);
    };
    let endonym = move || {
        let tag = i18n.language();
        language_info(&tag).map_or(tag, |info| info.endonym.to_owned())
    };
    let problem = move || {
        let text = match speech.problem()? {
            SpeechProblem::Unavailable => i18n.t("speech-unavailable"),
            SpeechProblem::NoVoice(tag) => {
                let mut args = Args::new();
                args.set("language", language_info(&tag).map_or(tag.clone(), |info| info.endonym.to_owned()));
                i18n.t_args("speech-no-voice", &args)
            }
        };
        Some(view! { <p class="speech-problem" role="alert">{text}</p> })
    };
    view! {
        <aside class="settings-bar" aria-label=move || i18n.t("settings-label")>
            {problem}
            <div class="settings-buttons">
                <button type="button" class="setting-button" on:click=change_language>
                    <Icon name="language"/>
                    <span class="setting-text">
                        <span>{move || i18n.t("settings-language")}</span>
                        <span class="setting-value">{endonym}</span>
                    </span>
                </button>
                <SettingToggle on=visit.large_text icon="large-text" label="settings-large-text"/>
                <SettingToggle on=visit.high_contrast icon="contrast" label="settings-high-contrast"/>
                <button
                    type="button"
                    class="setting-button read-aloud"
                    aria-pressed=move || speech.enabled().to_string()
                    on:click=move |_| speech.set_enabled(!speech.enabled_untracked())
                >
                    <Icon name="speaker"/>
                    <span>{move || i18n.t("settings-read-aloud")}</span>
                </button>
                <Show when=move || speech.enabled()>
                    <button type="button" class="setting-button" on:click=move |_| speech.stop()>
                        <Icon name="stop"/>
                        <span>{move || i18n.t("settings-stop-reading")}</span>
                    </button>
                    <button type="button" class="setting-button" on:click=move |_| speech.repeat()>
                        <Icon name="repeat"/>
                        <span>{move || i18n.t("settings-repeat")}</span>
                    </button>
                </Show>
            </div>
        </aside>
    }
}

/// A display mode the visitor switches on and off; its state is `aria-pressed`, shown by an
/// inverted, underlined button (not by colour alone).
#[component]
fn SettingToggle(on: RwSignal<bool>, icon: &'static str, label: &'static str) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <button
            type="button"
            class="setting-button"
            aria-pressed=move || on.get().to_string()
            on:click=move |_| on.update(|on| *on = !*on)
        >
            <Icon name=icon/>
            <span>{move || i18n.t(label)}</span>
        </button>
    }
}
