//! One concern: ticket prefix, daily quota, target wait, pictogram, and its texts and document checklist,
//! German source next to the language being translated, with the kiosk preview beside.

use crate::i18n::Args;
use leptos::prelude::*;
use willkommen_api::{
    CONCERN_ICONS, ChecklistItem, ConcernConfig, ConcernId, KIOSK_LANGUAGES, LocalizedText, SOURCE_LANGUAGE,
};

use super::concerns::display_name;
use super::console::Console;
use super::fields::{Status, TextInput, TextRef, status};
use super::preview::Preview;
use crate::components::Icon;
use crate::i18n::{I18n, language_info};

#[component]
pub fn ConcernEditor(concern: ConcernId) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let id = StoredValue::new(concern);
    let current = move || {
        console.document.with(|document| document.as_ref()?.concerns.iter().find(|c| c.id == id.get_value()).cloned())
    };
    let change = move |update: Box<dyn FnOnce(&mut ConcernConfig)>| {
        console.edit(|document| {
            if let Some(concern) = document.concerns.iter_mut().find(|c| c.id == id.get_value()) {
                update(concern);
            }
        });
    };
    let heading = move || {
        let mut args = Args::new();
        args.set("name", current().map(|c| display_name(&c)).unwrap_or_default());
        i18n.t_args("admin-concern-heading", &args)
    };
    let item_ids =
        move || current().map(|c| c.checklist.iter().map(|i| i.id.clone()).collect::<Vec<_>>()).unwrap_or_default();
    let add_item = move |_| {
        change(Box::new(|concern| {
            let id = (1..)
                .map(|n| format!("dokument-{n}"))
                .find(|id| concern.checklist.iter().all(|item| &item.id != id))
                .expect("an unused id");
            concern.checklist.push(ChecklistItem {
                id,
                text: LocalizedText::default(),
                hint: LocalizedText::default(),
                required: true,
            });
        }))
    };
    let prefix = move |event: leptos::ev::Event| {
        let value = event_target_value(&event).trim().to_uppercase();
        change(Box::new(move |concern| concern.prefix = value));
    };
    let quota = move |event: leptos::ev::Event| {
        let value = event_target_value(&event).trim().parse::<u32>().ok();
        change(Box::new(move |concern| concern.daily_quota = value));
    };
    // Empty (or anything but a number) is no target; OfficeConfig::problems() says when a
    // number is out of range, as for the quota.
    let target = move |event: leptos::ev::Event| {
        let value = event_target_value(&event).trim().parse::<u32>().ok();
        change(Box::new(move |concern| concern.target_wait_minutes = value));
    };
    let language = console.language;
    view! {
        <section class="admin-editor" aria-labelledby="editor-heading">
            <button type="button" on:click=move |_| console.editing.set(None)>{move || i18n.t("admin-back-to-concerns")}</button>
            <h1 id="editor-heading" dir="auto">{heading}</h1>
            <LanguageChoice/>
            <div class="admin-editor-columns">
                <div class="admin-editor-form">
                    <fieldset class="admin-group">
                        <legend>{move || i18n.t("admin-concern-settings")}</legend>
                        <div class="admin-field">
                            <label for="concern-prefix">{move || i18n.t("admin-concern-prefix")}</label>
                            <input id="concern-prefix" maxlength="3" autocomplete="off" prop:value=move || current().map(|c| c.prefix).unwrap_or_default() on:change=prefix/>
                        </div>
                        <div class="admin-field">
                            <label for="concern-quota">{move || i18n.t("admin-concern-quota")}</label>
                            <input id="concern-quota" type="number" min="0" max="10000" inputmode="numeric"
                                prop:value=move || current().and_then(|c| c.daily_quota).map(|q| q.to_string()).unwrap_or_default()
                                on:change=quota/>
                        </div>
                        <div class="admin-field">
                            <label for="concern-target">{move || i18n.t("admin-concern-target-wait")}</label>
                            <input id="concern-target" type="number" min="1" max="1440" inputmode="numeric" aria-describedby="concern-target-help"
                                prop:value=move || current().and_then(|c| c.target_wait_minutes).map(|t| t.to_string()).unwrap_or_default()
                                on:change=target/>
                            <p class="admin-help" id="concern-target-help">{move || i18n.t("admin-concern-target-wait-help")}</p>
                        </div>
                        <IconChoice current=Signal::derive(move || current().map(|c| c.icon).unwrap_or_default()) choose=Callback::new(move |icon: String| change(Box::new(move |concern| concern.icon = icon)))/>
                    </fieldset>
                    <fieldset class="admin-group">
                        <legend>{move || i18n.t("admin-concern-texts")}</legend>
                        <TranslationPair text=TextRef::ConcernName(id.get_value()) label="admin-concern-name"/>
                        <TranslationPair text=TextRef::ConcernDescription(id.get_value()) label="admin-concern-description" multiline=true/>
                    </fieldset>
                    <h2>{move || i18n.t("admin-checklist")}</h2>
                    <ol class="admin-items">
                        <For each=item_ids key=|item| item.clone() let:item>
                            <ItemEditor concern=id.get_value() item/>
                        </For>
                    </ol>
                    <button type="button" on:click=add_item>{move || i18n.t("admin-item-add")}</button>
                </div>
                <Preview concern=id.get_value() language=language/>
            </div>
        </section>
    }
}

/// Which language is translated next to German.
#[component]
pub fn LanguageChoice() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let options = KIOSK_LANGUAGES
        .into_iter()
        .filter(|tag| *tag != SOURCE_LANGUAGE)
        .map(|tag| {
            let info = language_info(tag);
            let name = info.map_or_else(|| tag.to_owned(), |info| format!("{} · {}", info.endonym, info.german_name));
            view! { <option value=tag selected=move || console.language.get() == tag>{name}</option> }
        })
        .collect_view();
    view! {
        <div class="admin-field admin-language">
            <label for="translate-into">{move || i18n.t("admin-translate-into")}</label>
            <select id="translate-into" on:change=move |event| console.language.set(event_target_value(&event))>{options}</select>
        </div>
    }
}

/// A text in German and in the language being translated, with the translation's state.
#[component]
pub fn TranslationPair(text: TextRef, label: &'static str, #[prop(optional)] multiline: bool) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let text = StoredValue::new(text);
    let language = console.language;
    let language_name =
        move || language_info(&language.get()).map_or_else(|| language.get(), |info| info.german_name.to_owned());
    let german_label =
        move || format!("{} ({})", i18n.t(label), language_info(SOURCE_LANGUAGE).map_or("Deutsch", |i| i.german_name));
    let translated_label = move || format!("{} ({})", i18n.t(label), language_name());
    let state = move || {
        console.document.with(|document| {
            let document = document.as_ref()?;
            console.basis.with(|basis| Some(text.with_value(|text| status(document, basis, text, &language.get()))))
        })
    };
    let still_fits = move |_| {
        let german = console.document.with_untracked(|document| {
            document.as_ref().and_then(|d| text.with_value(|t| t.get(d)?.get(SOURCE_LANGUAGE).map(str::to_owned)))
        });
        if let Some(german) = german {
            text.with_value(|text| console.mark_current(&text.path(), &language.get_untracked(), german));
        }
    };
    view! {
        <div class="admin-pair">
            <TextInput text=text.get_value() language=SOURCE_LANGUAGE.to_owned() label=Signal::derive(german_label) multiline/>
            <div>
                <TextInput text=text.get_value() language=language label=Signal::derive(translated_label) multiline/>
                {move || match state() {
                    Some(Status::Missing) => Some(view! { <p class="admin-status missing">{i18n.t("admin-status-missing")}</p> }.into_any()),
                    Some(Status::Outdated) => Some(view! {
                        <p class="admin-status outdated">
                            {i18n.t("admin-status-outdated")}" "
                            <button type="button" on:click=still_fits>{i18n.t("admin-still-fits")}</button>
                        </p>
                    }.into_any()),
                    _ => None,
                }}
            </div>
        </div>
    }
}

/// A change to a checklist, given the position of the document it is about.
type ItemChange = dyn FnOnce(&mut Vec<ChecklistItem>, usize);

/// One document of the checklist.
#[component]
fn ItemEditor(concern: ConcernId, item: String) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let key = StoredValue::new((concern.clone(), item.clone()));
    let with_items = move |update: Box<ItemChange>| {
        console.edit(|document| {
            let (concern, item) = key.get_value();
            if let Some(concern) = document.concerns.iter_mut().find(|c| c.id == concern)
                && let Some(at) = concern.checklist.iter().position(|i| i.id == item)
            {
                update(&mut concern.checklist, at);
            }
        });
    };
    let found = move || {
        let (concern, item) = key.get_value();
        console.document.with(|document| {
            let checklist = &document.as_ref()?.concerns.iter().find(|c| c.id == concern)?.checklist;
            let at = checklist.iter().position(|i| i.id == item)?;
            Some((at, checklist.len(), checklist[at].clone()))
        })
    };
    let name = move || {
        found()
            .map(|(at, _, item)| item.text.get(SOURCE_LANGUAGE).map_or_else(|| format!("{}", at + 1), str::to_owned))
            .unwrap_or_default()
    };
    let labelled = move |label: &'static str| {
        move || {
            let mut args = Args::new();
            args.set("name", name());
            i18n.t_args(label, &args)
        }
    };
    let required_id = format!("required-{}-{}", concern.0, item);
    view! {
        <li class="admin-item">
            <div class="admin-item-head">
                <h3 dir="auto">{move || found().map(|(at, ..)| format!("{}. ", at + 1))}{name}</h3>
                <span class="admin-check">
                    <input type="checkbox" id=required_id.clone()
                        prop:checked=move || found().is_some_and(|(_, _, item)| item.required)
                        on:change=move |_| with_items(Box::new(|items, at| items[at].required = !items[at].required))/>
                    <label for=required_id>{move || i18n.t("admin-item-required")}</label>
                </span>
                <button type="button" disabled=move || found().is_none_or(|(at, ..)| at == 0)
                    on:click=move |_| with_items(Box::new(|items, at| items.swap(at, at - 1)))><span aria-hidden="true">"↑"</span><span class="visually-hidden">{labelled("admin-move-up")}</span></button>
                <button type="button" disabled=move || found().is_none_or(|(at, len, _)| at + 1 >= len)
                    on:click=move |_| with_items(Box::new(|items, at| items.swap(at, at + 1)))><span aria-hidden="true">"↓"</span><span class="visually-hidden">{labelled("admin-move-down")}</span></button>
                <button type="button" on:click=move |_| with_items(Box::new(|items, at| {
                    items.remove(at);
                }))><span aria-hidden="true">{move || i18n.t("admin-remove")}</span><span class="visually-hidden">{labelled("admin-remove-named")}</span></button>
            </div>
            <TranslationPair text=TextRef::ItemText(concern.clone(), item.clone()) label="admin-item-text"/>
            <TranslationPair text=TextRef::ItemHint(concern, item) label="admin-item-hint" multiline=true/>
        </li>
    }
}

/// The pictogram, chosen from the built-in set.
#[component]
fn IconChoice(current: Signal<String>, choose: Callback<String>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    view! {
        <fieldset class="admin-icons">
            <legend>{move || i18n.t("admin-concern-icon")}</legend>
            {CONCERN_ICONS.into_iter().map(|icon| {
                let id = format!("icon-{icon}");
                view! {
                    <span class="admin-icon-option">
                        <input type="radio" name="concern-icon" id=id.clone() value=icon
                            prop:checked=move || current.get() == icon
                            on:change=move |_| choose.run(icon.to_owned())/>
                        <label for=id><Icon name=icon/><span>{move || i18n.t(icon_label(icon))}</span></label>
                    </span>
                }
            }).collect_view()}
        </fieldset>
    }
}

fn icon_label(icon: &str) -> &'static str {
    match icon {
        "residence-permit" => "admin-icon-residence-permit",
        "blue-card" => "admin-icon-blue-card",
        "work" => "admin-icon-work",
        "family" => "admin-icon-family",
        "settlement" => "admin-icon-settlement",
        "study" => "admin-icon-study",
        "certificate" => "admin-icon-certificate",
        "home" => "admin-icon-home",
        "lost-card" => "admin-icon-lost-card",
        "pickup" => "admin-icon-pickup",
        "info" => "admin-icon-info",
        _ => "admin-icon-document",
    }
}
