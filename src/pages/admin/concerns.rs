//! The concerns in the order the kiosk shows them: open one to edit it, move it, switch it
//! on or off at the kiosk, remove it, or add a new one.

use crate::i18n::Args;
use leptos::prelude::*;
use willkommen_api::{ConcernConfig, ConcernId, LocalizedText, SOURCE_LANGUAGE};

use super::console::Console;
use crate::components::Icon;
use crate::i18n::I18n;

#[component]
pub fn ConcernList() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let ids = move || {
        console.document.with(|document| {
            document.as_ref().map(|d| d.concerns.iter().map(|c| c.id.clone()).collect::<Vec<_>>()).unwrap_or_default()
        })
    };
    let add = move |_| {
        let mut created = None;
        console.edit(|document| {
            let concern = new_concern(document);
            created = Some(concern.id.clone());
            document.concerns.push(concern);
        });
        console.editing.set(created);
    };
    view! {
        <section aria-labelledby="concerns-heading">
            <h1 id="concerns-heading">{move || i18n.t("admin-section-concerns")}</h1>
            <p>{move || i18n.t("admin-concerns-hint")}</p>
            <ol class="admin-concerns">
                <For each=ids key=|id| id.clone() let:id>
                    <ConcernRow id/>
                </For>
            </ol>
            <button type="button" class="primary-button" on:click=add>{move || i18n.t("admin-concern-add")}</button>
        </section>
    }
}

#[component]
fn ConcernRow(id: ConcernId) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let id = StoredValue::new(id);
    let concern = move || {
        console.document.with(|document| document.as_ref()?.concerns.iter().find(|c| c.id == id.get_value()).cloned())
    };
    let name = move || concern().map(|c| display_name(&c)).unwrap_or_default();
    let facts = move || {
        let concern = concern()?;
        let mut args = Args::new();
        args.set("prefix", concern.prefix.clone());
        args.set("count", concern.checklist.len());
        args.set("quota", concern.daily_quota.map_or_else(|| "–".to_owned(), |quota| quota.to_string()));
        Some(i18n.t_args("admin-concern-facts", &args))
    };
    let active = move || concern().is_some_and(|c| c.active);
    let position = move || {
        console.document.with(|document| {
            let concerns = &document.as_ref()?.concerns;
            Some((concerns.iter().position(|c| c.id == id.get_value())?, concerns.len()))
        })
    };
    let shift = move |by: isize| {
        console.edit(|document| {
            let Some(at) = document.concerns.iter().position(|c| c.id == id.get_value()) else { return };
            let to = at as isize + by;
            if (0..document.concerns.len() as isize).contains(&to) {
                document.concerns.swap(at, to as usize);
            }
        });
    };
    let toggle = move |_| {
        console.edit(|document| {
            if let Some(concern) = document.concerns.iter_mut().find(|c| c.id == id.get_value()) {
                concern.active = !concern.active;
            }
        })
    };
    let remove = move |_| {
        console.edit(|document| {
            let gone = id.get_value();
            document.concerns.retain(|c| c.id != gone);
            for counter in &mut document.counters {
                counter.concerns.retain(|c| *c != gone);
            }
            if document.information_concern.as_ref() == Some(&gone) {
                document.information_concern = None;
            }
        })
    };
    let labelled = move |key: &'static str| {
        move || {
            let mut args = Args::new();
            args.set("name", name());
            i18n.t_args(key, &args)
        }
    };
    let active_id = move || format!("active-{}", id.get_value().0);
    view! {
        <li class="admin-concern" class:inactive=move || !active()>
            <Icon name=concern().map(|c| c.icon).unwrap_or_default()/>
            <div class="admin-concern-text">
                <h2 class="admin-concern-name" dir="auto">{name}</h2>
                <p>{facts}</p>
            </div>
            <div class="admin-concern-actions">
                <button type="button" class="primary-button" on:click=move |_| console.editing.set(Some(id.get_value()))>
                    {move || i18n.t("admin-edit")}<span class="visually-hidden">" "{name}</span>
                </button>
                <button type="button" disabled=move || position().is_none_or(|(at, _)| at == 0) on:click=move |_| shift(-1)><span aria-hidden="true">"↑"</span><span class="visually-hidden">{labelled("admin-move-up")}</span></button>
                <button type="button" disabled=move || position().is_none_or(|(at, len)| at + 1 >= len) on:click=move |_| shift(1)><span aria-hidden="true">"↓"</span><span class="visually-hidden">{labelled("admin-move-down")}</span></button>
                <span class="admin-check">
                    <input type="checkbox" id=active_id prop:checked=active on:change=toggle/>
                    <label for=active_id>{move || i18n.t("admin-concern-active")}</label>
                </span>
                <button type="button" on:click=remove><span aria-hidden="true">{move || i18n.t("admin-remove")}</span><span class="visually-hidden">{labelled("admin-remove-named")}</span></button>
            </div>
        </li>
    }
}

/// The German name, or the id while it has none.
pub fn display_name(concern: &ConcernConfig) -> String {
    concern.name.get(SOURCE_LANGUAGE).map_or_else(|| concern.id.0.clone(), str::to_owned)
}

/// A new concern with an unused id and ticket prefix, to be named in the editor.
fn new_concern(document: &willkommen_api::OfficeConfig) -> ConcernConfig {
    let id = (1..)
        .map(|n| ConcernId(format!("anliegen-{n}")))
        .find(|id| document.concerns.iter().all(|c| &c.id != id))
        .expect("an unused id");
    let prefix = ('A'..='Z')
        .map(String::from)
        .chain(('A'..='Z').flat_map(|a| ('A'..='Z').map(move |b| format!("{a}{b}"))))
        .find(|prefix| document.concerns.iter().all(|c| &c.prefix != prefix))
        .expect("an unused prefix");
    ConcernConfig {
        id,
        prefix,
        icon: "document".into(),
        active: true,
        daily_quota: None,
        target_wait_minutes: None,
        name: LocalizedText::default(),
        description: LocalizedText::default(),
        checklist: Vec::new(),
    }
}
