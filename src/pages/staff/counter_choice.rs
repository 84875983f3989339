//! Choosing the counter this PC stands at (remembered on the PC).

use fluent_bundle::FluentArgs;
use leptos::prelude::*;

use super::{StaffDesk, storage};
use crate::i18n::I18n;

#[component]
pub fn CounterChoice() -> impl IntoView {
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
                        let choose = move |_| {
                            storage::set(storage::COUNTER_KEY, id.as_str());
                            desk.current.set(None);
                            desk.adopt_from_queue.set(true);
                            desk.counter.set(Some(id.clone()));
                            leptos::task::spawn_local(async move { desk.refresh_queue(i18n).await });
                        };
                        view! {
                            <li>
                                <button type="button" class="counter-button" on:click=choose>
                                    <span class="counter-name">{counter.name.clone()}</span>
                                    <span>{move || {
                                        let mut args = FluentArgs::new();
                                        args.set("count", serves);
                                        i18n.t_args("staff-counter-serves", &args)
                                    }}</span>
                                </button>
                            </li>
                        }
                    }
                </For>
            </ul>
        </section>
    }
}
