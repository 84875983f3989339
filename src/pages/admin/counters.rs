//! The counters (desks): their names on the call display and the concerns each serves unless
//! the clerk chooses otherwise.

use leptos::prelude::*;
use willkommen_api::{CounterConfig, CounterId};

use super::concerns::display_name;
use super::console::Console;
use crate::i18n::I18n;

#[component]
pub fn Counters() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let ids = move || {
        console.document.with(|d| {
            d.as_ref().map(|d| d.counters.iter().map(|c| c.id.clone()).collect::<Vec<_>>()).unwrap_or_default()
        })
    };
    let add = move |_| {
        console.edit(|d| {
            let n = (1..).find(|n| d.counters.iter().all(|c| c.id.0 != format!("counter-{n}"))).unwrap_or(1);
            d.counters.push(CounterConfig {
                id: CounterId(format!("counter-{n}")),
                name: format!("Schalter {n}"),
                concerns: Vec::new(),
            });
        })
    };
    view! {
        <section aria-labelledby="counters-heading">
            <h1 id="counters-heading">{move || i18n.t("admin-section-counters")}</h1>
            <p>{move || i18n.t("admin-counters-hint")}</p>
            <ul class="admin-counters">
                <For each=ids key=|id| id.clone() let:id>
                    <CounterEditor id/>
                </For>
            </ul>
            <button type="button" class="primary-button" on:click=add>{move || i18n.t("admin-counter-add")}</button>
        </section>
    }
}

#[component]
fn CounterEditor(id: CounterId) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let id = StoredValue::new(id);
    let counter =
        move || console.document.with(|d| d.as_ref()?.counters.iter().find(|c| c.id == id.get_value()).cloned());
    let name_id = format!("counter-name-{}", id.get_value().0);
    let rename = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        console.edit(|d| {
            if let Some(counter) = d.counters.iter_mut().find(|c| c.id == id.get_value()) {
                counter.name = value;
            }
        })
    };
    let remove = move |_| console.edit(|d| d.counters.retain(|c| c.id != id.get_value()));
    let concerns = move || {
        console.document.with(|d| {
            let d = d.as_ref()?;
            let serves = d.counters.iter().find(|c| c.id == id.get_value())?.concerns.clone();
            Some(
                d.concerns
                    .iter()
                    .map(|concern| {
                        let box_id = format!("serves-{}-{}", id.get_value().0, concern.id.0);
                        let concern_id = concern.id.clone();
                        let toggle = move |_| {
                            let concern_id = concern_id.clone();
                            console.edit(move |d| {
                                if let Some(counter) = d.counters.iter_mut().find(|c| c.id == id.get_value()) {
                                    match counter.concerns.iter().position(|c| *c == concern_id) {
                                        Some(at) => {
                                            counter.concerns.remove(at);
                                        }
                                        None => counter.concerns.push(concern_id),
                                    }
                                }
                            })
                        };
                        view! {
                            <li class="admin-check">
                                <input type="checkbox" id=box_id.clone() prop:checked=serves.contains(&concern.id) on:change=toggle/>
                                <label for=box_id>{display_name(concern)}</label>
                            </li>
                        }
                    })
                    .collect_view(),
            )
        })
    };
    let remove_label = move || format!("{} {}", i18n.t("admin-remove"), counter().map(|c| c.name).unwrap_or_default());
    view! {
        <li class="admin-counter">
            <div class="admin-field">
                <label for=name_id.clone()>{move || i18n.t("admin-counter-name")}</label>
                <input id=name_id maxlength="60" prop:value=move || counter().map(|c| c.name).unwrap_or_default() on:input=rename/>
            </div>
            <fieldset>
                <legend>{move || i18n.t("admin-counter-serves")}</legend>
                <ul class="concern-boxes">{concerns}</ul>
            </fieldset>
            <button type="button" aria-label=remove_label on:click=remove>{move || i18n.t("admin-remove")}</button>
        </li>
    }
}
