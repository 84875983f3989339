//! Choosing the concern: the office's services with pictogram, name and one line of
//! explanation, and "I am not sure", which leads to a ticket for the information desk; first,
//! where the office takes appointments, "I have an appointment".

use crate::i18n::Args;
use leptos::prelude::*;
use willkommen_api as json;

use super::focused_heading;
use super::issue::information_desk_ticket;
use super::issuing_notice::IssuingNotice;
use super::visit::{Step, Visit};
use crate::components::Icon;
use crate::i18n::I18n;

#[component]
pub fn ConcernScreen() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let visit = expect_context::<Visit>();
    let heading = focused_heading();
    // Borrowed, not cloned: the office's data carries every concern in every language.
    let notice = move || {
        visit.office.with(|office| {
            office.as_ref().map(|office| {
                let (issuing, time_zone) = (office.issuing.clone(), office.time_zone.clone());
                view! { <IssuingNotice issuing time_zone/> }
            })
        })
    };
    let concerns = move || {
        visit.office.with(|office| {
            office
                .as_ref()
                .map(|office| {
                    let information = office.information_concern.as_ref();
                    office.concerns.iter().filter(|concern| Some(&concern.id) != information).cloned().collect()
                })
                .unwrap_or_else(Vec::new)
        })
    };
    let has_information =
        move || visit.office.with(|office| office.as_ref().is_some_and(|o| o.information_concern.is_some()));
    view! {
        <section class="concerns" aria-labelledby="concerns-heading">
            <h1 id="concerns-heading" tabindex="-1" node_ref=heading data-speak>{move || i18n.t("kiosk-choose-concern")}</h1>
            <p class="lead" data-speak>{move || i18n.t("kiosk-choose-concern-hint")}</p>
            {notice}
            {move || visit.takes_appointments().then(|| view! {
                <button type="button" class="appointment-choice" on:click=move |_| visit.go(Step::Reference) data-speak>
                    <Icon name="calendar"/>
                    <span class="concern-text">
                        <span class="concern-name">{move || i18n.t("appointment-have")}</span>
                        <span class="concern-description">{move || i18n.t("appointment-have-description")}</span>
                    </span>
                </button>
            })}
            <ul class="concern-list">
                <For each=concerns key=|concern| concern.id.clone() let:concern>
                    <li><ConcernButton concern/></li>
                </For>
                {move || has_information().then(|| view! {
                    <li>
                        <button type="button" class="concern-button not-sure" on:click=move |_| information_desk_ticket(visit, i18n) data-speak>
                            <Icon name="info"/>
                            <span class="concern-text">
                                <span class="concern-name">{move || i18n.t("concern-not-sure")}</span>
                                <span class="concern-description">{move || i18n.t("concern-not-sure-description")}</span>
                            </span>
                        </button>
                    </li>
                })}
            </ul>
        </section>
    }
}

#[component]
fn ConcernButton(concern: json::Concern) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let visit = expect_context::<Visit>();
    let documents = concern.checklist.len();
    let count = move || {
        let mut args = Args::new();
        args.set("count", documents);
        i18n.t_args("kiosk-documents-count", &args)
    };
    let quota_reached = concern.quota_reached;
    let name = concern.name.clone();
    let description = concern.description.clone();
    let icon = concern.icon.clone();
    let choose = move |_| visit.choose_concern(concern.clone());
    view! {
        <button type="button" class="concern-button" on:click=choose data-speak>
            <Icon name=icon/>
            <span class="concern-text">
                <span class="concern-name" dir="auto">{move || i18n.pick(&name)}</span>
                <span class="concern-description" dir="auto">{move || i18n.pick(&description)}</span>
                <span class="concern-documents">{count}</span>
                {quota_reached.then(|| view! {
                    <span class="concern-unavailable">{move || i18n.t("kiosk-quota-reached")}</span>
                })}
            </span>
        </button>
    }
}
