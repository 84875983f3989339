//! Which service of the booking system is which concern: the list the server remembers for
//! every import and API call, viewed and changed here. A change is saved at once (the whole
//! list, as the API takes it).

use leptos::prelude::*;
use willkommen_api::{self as json, ConcernId};

use super::{Agenda, concern_name, concern_options};
use crate::api_client::{ApiFailure, admin};
use crate::i18n::I18n;
use crate::pages::admin::console::{Console, Notice};

/// Adds `additions` to the server's list (replacing a service's earlier concern) and saves it;
/// the list is read fresh first, so a colleague's change made meanwhile is kept.
pub async fn add_mappings(agenda: Agenda, additions: Vec<json::ServiceMapping>) -> Result<(), ApiFailure> {
    let mut list = admin::fetch_service_mappings().await?;
    for addition in additions {
        match list.iter_mut().find(|mapping| mapping.service == addition.service) {
            Some(mapping) => mapping.concern = addition.concern,
            None => list.push(addition),
        }
    }
    agenda.services.set(Some(admin::save_service_mappings(&list).await?));
    Ok(())
}

/// The list as the server last said, changed by `change`; `None` while it is not loaded.
fn edited(agenda: Agenda, change: impl FnOnce(&mut Vec<json::ServiceMapping>)) -> Option<Vec<json::ServiceMapping>> {
    let mut list = agenda.services.get_untracked()?;
    change(&mut list);
    Some(list)
}

#[component]
pub fn ServiceMappings() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let agenda = expect_context::<Agenda>();
    let open = RwSignal::new(false);
    let message = RwSignal::new(None::<Notice>);
    let toggle = move |_| {
        let opening = !open.get_untracked();
        open.set(opening);
        if opening {
            message.set(None);
            leptos::task::spawn_local(async move {
                match admin::fetch_service_mappings().await {
                    Ok(list) => agenda.services.set(Some(list)),
                    Err(failure) => message.set(console.describe(failure, i18n).map(Notice::Failed)),
                }
            });
        }
    };
    view! {
        <section class="admin-group admin-services" aria-labelledby="services-heading">
            <h2 id="services-heading">{move || i18n.t("admin-services")}</h2>
            <p>{move || i18n.t("admin-services-hint")}</p>
            <button type="button" aria-expanded=move || open.get().to_string() aria-controls="services-list" on:click=toggle>
                {move || i18n.t(if open.get() { "admin-services-hide" } else { "admin-services-show" })}
            </button>
            <div id="services-list" hidden=move || !open.get()>
                <Show when=move || open.get()>
                    <MappingTable message/>
                </Show>
                {move || message.get().map(|notice| match notice {
                    Notice::Done(text) => view! { <p class="admin-done" role="status">{text}</p> }.into_any(),
                    Notice::Failed(text) => view! { <p class="failure" role="alert">{text}</p> }.into_any(),
                })}
            </div>
        </section>
    }
}

/// The remembered mappings, each changeable and removable, and a form to add one.
#[component]
fn MappingTable(message: RwSignal<Option<Notice>>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let agenda = expect_context::<Agenda>();
    let save = move |list: Option<Vec<json::ServiceMapping>>| {
        let Some(list) = list else { return };
        console.run(async move {
            match admin::save_service_mappings(&list).await {
                Ok(saved) => {
                    agenda.services.set(Some(saved));
                    message.set(Some(Notice::Done(i18n.t("admin-services-saved"))));
                }
                Err(failure) => message.set(console.describe(failure, i18n).map(Notice::Failed)),
            }
        })
    };
    let rows = move || {
        let list = agenda.services.get()?;
        Some(
            list.into_iter()
                .enumerate()
                .map(|(at, mapping)| {
                    let select_id = format!("service-concern-{at}");
                    let service = mapping.service.clone();
                    let choose = move |event: leptos::ev::Event| {
                        let concern = ConcernId(event_target_value(&event));
                        let service = service.clone();
                        save(edited(agenda, |list| {
                            if let Some(mapping) = list.iter_mut().find(|m| m.service == service) {
                                mapping.concern = concern;
                            }
                        }))
                    };
                    let service = mapping.service.clone();
                    let remove = move |_| {
                        let service = service.clone();
                        save(edited(agenda, |list| list.retain(|m| m.service != service)))
                    };
                    let label = {
                        let service = mapping.service.clone();
                        move || {
                            let mut args = crate::i18n::Args::new();
                            args.set("service", service.clone());
                            i18n.t_args("admin-service-concern-for", &args)
                        }
                    };
                    // A concern the draft no longer has still shows, by its id.
                    let unknown = console.document.with_untracked(|d| d.as_ref().is_some_and(|d| d.concern(&mapping.concern).is_none()));
                    let unknown = unknown.then(|| {
                        view! { <option value=mapping.concern.0.clone() selected>{concern_name(console, &mapping.concern)}</option> }
                    });
                    view! {
                        <tr>
                            <th scope="row" dir="auto">{mapping.service.clone()}</th>
                            <td>
                                <label class="visually-hidden" for=select_id.clone()>{label}</label>
                                <select id=select_id on:change=choose>
                                    {unknown}
                                    {concern_options(console, Some(mapping.concern.clone()))}
                                </select>
                            </td>
                            <td>
                                <button type="button" on:click=remove>
                                    {i18n.t("admin-remove")}<span class="visually-hidden">" "{mapping.service.clone()}</span>
                                </button>
                            </td>
                        </tr>
                    }
                })
                .collect_view(),
        )
    };
    let (service, concern) = (RwSignal::new(String::new()), RwSignal::new(String::new()));
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let name = service.get_untracked().trim().to_owned();
        let chosen = concern.get_untracked();
        if name.is_empty() || chosen.is_empty() {
            return;
        }
        service.set(String::new());
        save(edited(agenda, |list| match list.iter_mut().find(|m| m.service == name) {
            Some(mapping) => mapping.concern = ConcernId(chosen),
            None => list.push(json::ServiceMapping { service: name, concern: ConcernId(chosen) }),
        }))
    };
    view! {
        {move || match agenda.services.with(|list| list.as_ref().map(Vec::is_empty)) {
            None => view! { <p role="status">{i18n.t("kiosk-loading")}</p> }.into_any(),
            Some(true) => view! { <p>{i18n.t("admin-services-none")}</p> }.into_any(),
            Some(false) => view! {
                <table class="admin-table admin-service-table">
                    <caption>{move || i18n.t("admin-services-caption")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{move || i18n.t("admin-service-name")}</th>
                            <th scope="col">{move || i18n.t("admin-appointment-concern")}</th>
                            <th scope="col"><span class="visually-hidden">{move || i18n.t("admin-actions")}</span></th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            }
            .into_any(),
        }}
        <form class="admin-inline-form" on:submit=add>
            <div class="admin-field">
                <label for="new-service">{move || i18n.t("admin-service-name")}</label>
                <input id="new-service" required maxlength="200" bind:value=service/>
            </div>
            <div class="admin-field">
                <label for="new-service-concern">{move || i18n.t("admin-appointment-concern")}</label>
                <select id="new-service-concern" required prop:value=move || concern.get() on:change=move |event| concern.set(event_target_value(&event))>
                    <option value="">{move || i18n.t("admin-choose-concern")}</option>
                    {concern_options(console, None)}
                </select>
            </div>
            <button type="submit" disabled=move || console.busy.get() || agenda.services.with(Option::is_none)>
                {move || i18n.t("admin-service-add")}
            </button>
        </form>
    }
}
