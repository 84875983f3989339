//! Choosing the counter this PC stands at and the concerns served there today. Both are
//! remembered on the PC; a choice equal to the counter's setup is not stored, so the desk
//! follows the setup when an administrator changes it.

use crate::i18n::Args;
use leptos::prelude::*;
use willkommen_api as json;

use super::StaffDesk;
use crate::i18n::I18n;
use crate::storage;

#[component]
pub fn CounterChoice() -> impl IntoView {
    let desk = expect_context::<StaffDesk>();
    // Changing from the desk starts at the concerns of the counter this PC is at.
    let picked = RwSignal::new(storage::get(storage::COUNTER_KEY).map(json::CounterId));
    move || {
        let counter = picked
            .get()
            .and_then(|id| desk.counters.with(|counters| counters.iter().find(|counter| counter.id == id).cloned()));
        match counter {
            Some(counter) => view! { <ConcernChoice counter picked/> }.into_any(),
            None => view! { <CounterList picked/> }.into_any(),
        }
    }
}

#[component]
fn CounterList(picked: RwSignal<Option<json::CounterId>>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let desk = expect_context::<StaffDesk>();
    view! {
        <section class="staff-counters" aria-labelledby="counter-heading">
            <h1 id="counter-heading">{move || i18n.t("staff-choose-counter")}</h1>
            <ul class="counter-grid">
                <For each=move || desk.counters.get() key=|counter| counter.id.clone() let:counter>
                    {
                        let serves = counter.concerns.len();
                        let id = counter.id.clone();
                        let occupied = {
                            let id = id.clone();
                            move || desk.queue.with(|queue| {
                                let ticket = queue.as_ref()?.active.iter().find(|ticket| ticket.counter.as_ref() == Some(&id))?;
                                let mut args = Args::new();
                                args.set("number", ticket.number.to_string());
                                args.set("name", ticket.served_by.clone().unwrap_or_default());
                                Some(view! { <span class="counter-occupied">{i18n.t_args("staff-counter-occupied", &args)}</span> })
                            })
                        };
                        view! {
                            <li>
                                <button type="button" class="counter-button" on:click=move |_| picked.set(Some(id.clone()))>
                                    <span class="counter-name">{counter.name.clone()}</span>
                                    <span>{move || {
                                        let mut args = Args::new();
                                        args.set("count", serves);
                                        i18n.t_args("staff-counter-serves", &args)
                                    }}</span>
                                    {occupied}
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
        </section>
    }
}

/// The office's concerns as checkboxes, ticked as last chosen at this counter or as it is set up.
#[component]
fn ConcernChoice(counter: json::Counter, picked: RwSignal<Option<json::CounterId>>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let desk = expect_context::<StaffDesk>();
    let set_up = counter.concerns.clone();
    let chosen = RwSignal::new(storage::chosen_concerns(&counter.id).unwrap_or_else(|| set_up.clone()));
    let nothing_chosen = RwSignal::new(false);
    let concerns = move || {
        desk.office.with(|office| {
            office.as_ref().map(|office| {
                office
                    .concerns
                    .iter()
                    .map(|concern| (concern.id.clone(), desk.concern_name(&concern.id)))
                    .collect::<Vec<_>>()
            })
        })
    };
    let boxes = move || {
        concerns()
            .unwrap_or_default()
            .into_iter()
            .map(|(id, name)| {
                let box_id = format!("serve-{}", id.as_str());
                let ticked = {
                    let id = id.clone();
                    move || chosen.with(|chosen| chosen.contains(&id))
                };
                let toggle = move |_| {
                    nothing_chosen.set(false);
                    chosen.update(|chosen| match chosen.iter().position(|c| *c == id) {
                        Some(at) => {
                            chosen.remove(at);
                        }
                        None => chosen.push(id.clone()),
                    });
                };
                view! {
                    <li>
                        <input type="checkbox" id=box_id.clone() prop:checked=ticked on:change=toggle/>
                        <label for=box_id>{name}</label>
                    </li>
                }
            })
            .collect_view()
    };
    let start = {
        let set_up = set_up.clone();
        let id = counter.id.clone();
        move |event: leptos::ev::SubmitEvent| {
            event.prevent_default();
            let choice = chosen.get_untracked();
            if choice.is_empty() {
                nothing_chosen.set(true);
                return;
            }
            desk.start_at(id.clone(), choice, &set_up, i18n);
        }
    };
    // Enter starts work with the ticked concerns: one key after choosing the counter.
    let start_button = NodeRef::<leptos::html::Button>::new();
    start_button.on_load(|button| {
        let _ = button.focus();
    });
    let heading = {
        let name = counter.name.clone();
        move || {
            let mut args = Args::new();
            args.set("counter", name.clone());
            i18n.t_args("staff-choose-concerns", &args)
        }
    };
    view! {
        <form class="staff-concern-choice" on:submit=start>
            <h1 id="concerns-heading">{heading}</h1>
            <fieldset aria-labelledby="concerns-heading">
                <ul class="concern-boxes">{boxes}</ul>
            </fieldset>
            {move || nothing_chosen.get().then(|| view! { <p class="failure" role="alert">{i18n.t("staff-choose-at-least-one")}</p> })}
            <div class="staff-choice-buttons">
                <button type="submit" class="primary-button" node_ref=start_button>{move || i18n.t("staff-start-work")}</button>
                <button type="button" on:click=move |_| { nothing_chosen.set(false); chosen.set(set_up.clone()) }>
                    {move || i18n.t("staff-concerns-all")}
                </button>
                <button type="button" on:click=move |_| picked.set(None)>{move || i18n.t("staff-other-counter")}</button>
            </div>
        </form>
    }
}
