//! The overview before the ticket: what the visitor has, what is missing and what that means,
//! then "take a ticket" or "print the list and come back later".

use crate::i18n::Args;
use leptos::prelude::*;
use willkommen_api as json;

use super::failure::FailurePanel;
use super::focused_heading;
use super::issue::take_ticket;
use super::issuing_notice::IssuingNotice;
use super::printout::{ChecklistPrintout, print_now};
use super::visit::{Issuing, Visit};
use crate::api_client::{ApiFailure, report_turned_away};
use crate::components::Icon;
use crate::device::{PrinterMode, printer_mode};
use crate::i18n::I18n;

#[component]
pub fn SummaryScreen() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let visit = expect_context::<Visit>();
    let heading = focused_heading();
    let concern = move || visit.concern.get();
    let answers = move || visit.answers.get();
    let have = move || {
        let answers = answers();
        concern()
            .map(|c| c.checklist.into_iter().filter(|item| answers.get(&item.id) == Some(&true)).collect::<Vec<_>>())
            .unwrap_or_default()
    };
    let missing = move || visit.missing_items();
    let verdict = move || {
        let missing = missing();
        let required = missing.iter().filter(|item| item.required).count();
        if required > 0 {
            let mut args = Args::new();
            args.set("count", required);
            i18n.t_args("summary-missing-required", &args)
        } else if missing.is_empty() {
            i18n.t("summary-complete")
        } else {
            i18n.t("summary-missing-if-applicable")
        }
    };
    // Tickets only while the office issues them and this concern's quota is not used up; the
    // list can be printed whenever. (The office's data is borrowed, not cloned: it is large.)
    let issuing = move || visit.office.with(|office| office.as_ref().map(|o| (o.issuing.clone(), o.time_zone.clone())));
    // An appointment's check-in does not depend on walk-in tickets: the server says if it fails.
    let for_appointment = move || visit.appointment.with(Option::is_some);
    // Shown for a walk-in when no ticket can be had; the first time in a visit it is also
    // counted as turned away (not in the admin console's preview).
    let blocked_notice = move || {
        if for_appointment() {
            return None;
        }
        let (issuing, time_zone) = issuing()?;
        let (concern, quota_reached) = visit.concern.with(|c| c.as_ref().map(|c| (c.id.clone(), c.quota_reached)))?;
        let reason = match issuing.state {
            json::IssuingState::Open if quota_reached => json::TurnedAwayReason::Quota,
            json::IssuingState::Open => return None,
            json::IssuingState::Closed => json::TurnedAwayReason::Closed,
            json::IssuingState::CutOff => json::TurnedAwayReason::CutOff,
        };
        if !visit.preview() && !visit.turned_away.get_value() {
            visit.turned_away.set_value(true);
            leptos::task::spawn_local(async move { report_turned_away(&concern, reason).await });
        }
        if issuing.state != json::IssuingState::Open {
            Some(view! { <IssuingNotice issuing time_zone/> }.into_any())
        } else {
            Some(
                view! { <p class="notice" role="status" data-speak>{move || i18n.t("kiosk-quota-reached")}</p> }
                    .into_any(),
            )
        }
    };
    // The admin console's preview shows the button as visitors see it, but it issues nothing.
    let can_issue = move || {
        !visit.preview()
            && (for_appointment()
                || issuing().is_some_and(|(issuing, _)| issuing.state == json::IssuingState::Open)
                    && visit.concern.with(|concern| concern.as_ref().is_some_and(|concern| !concern.quota_reached)))
    };
    let busy = move || matches!(visit.issuing.get(), Issuing::Pending | Issuing::Retrying);
    let status = move || {
        match visit.issuing.get() {
        Issuing::Pending => Some(view! { <p class="status-message" role="status">{move || i18n.t("kiosk-issuing")}</p> }.into_any()),
        Issuing::Retrying => Some(
            view! { <FailurePanel failure=ApiFailure::Unreachable retrying=true on_retry=move || visit.retry_now.set(true)/> }
                .into_any(),
        ),
        Issuing::Failed(failure) => {
            Some(view! { <FailurePanel failure on_retry=move || visit.forget()/> }.into_any())
        }
        Issuing::NotAsked | Issuing::Issued(_) => None,
    }
    };
    let printing = printer_mode() != PrinterMode::None;
    let print_list = move |_| {
        visit.printed.set(Some("summary-checklist-printed"));
        print_now();
    };
    view! {
        <section class="summary" aria-labelledby="summary-heading">
            <p class="screen-context" dir="auto" data-speak>{move || concern().map(|c| i18n.pick(&c.name))}</p>
            <h1 id="summary-heading" tabindex="-1" node_ref=heading data-speak>{move || i18n.t("summary-heading")}</h1>
            <p class="verdict" data-speak>{verdict}</p>
            <Show when=move || !have().is_empty()>
                <h2 data-speak>{move || i18n.t("summary-have")}</h2>
                <ul class="document-list have">
                    {move || have().into_iter().map(|item| view! { <DocumentLine item have=true/> }).collect_view()}
                </ul>
            </Show>
            <Show when=move || !missing().is_empty()>
                <h2 data-speak>{move || i18n.t("summary-missing")}</h2>
                <ul class="document-list missing">
                    {move || missing().into_iter().map(|item| view! { <DocumentLine item have=false/> }).collect_view()}
                </ul>
            </Show>
            {blocked_notice}
            {status}
            <div class="summary-actions">
                <button
                    type="button"
                    class="primary-button"
                    disabled=move || !can_issue() || busy()
                    on:click=move |_| take_ticket(visit, i18n)
                    data-speak
                >
                    {move || i18n.t("summary-take-ticket")}
                </button>
                {printing.then(|| view! {
                    <button type="button" class="secondary-button" on:click=print_list disabled=busy data-speak>
                        <Icon name="printer"/>
                        <span>{move || i18n.t("summary-print-checklist")}</span>
                    </button>
                })}
            </div>
            {move || visit.printed.get().map(|key| view! { <p class="status-message" role="status">{move || i18n.t(key)}</p> })}
            <ChecklistPrintout/>
        </section>
    }
}

/// One document in the summary: its name, and for a missing one whether it is required.
#[component]
fn DocumentLine(item: json::ChecklistItem, have: bool) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let kind = (!have).then_some(if item.required { "checklist-required" } else { "checklist-if-applicable" });
    view! {
        <li>
            <Icon name=if have { "check" } else { "cross" }/>
            <span class="document-line">
                <span dir="auto">{move || i18n.pick(&item.text)}</span>
                {kind.map(|kind| view! { " " <span class="document-kind-inline">{move || i18n.t(kind)}</span> })}
            </span>
        </li>
    }
}
