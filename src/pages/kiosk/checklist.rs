//! The document checklist: for each document of the concern, "I have it" or "I do not have it",
//! with its hint; required documents and those only needed in some cases are told apart by a
//! word and a pictogram, not by colour alone.

use crate::i18n::Args;
use leptos::prelude::*;
use willkommen_api as json;

use super::focused_heading;
use super::visit::{Step, Visit};
use crate::components::Icon;
use crate::i18n::I18n;

#[component]
pub fn ChecklistScreen() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let visit = expect_context::<Visit>();
    let heading = focused_heading();
    let items = move || visit.concern.with(|concern| concern.as_ref().map(|c| c.checklist.clone()).unwrap_or_default());
    let concern_name =
        move || visit.concern.with(|concern| concern.as_ref().map(|c| i18n.pick(&c.name)).unwrap_or_default());
    let progress = move || {
        let total = items().len();
        let answered =
            visit.answers.with(|answers| items().iter().filter(|item| answers.contains_key(&item.id)).count());
        let mut args = Args::new();
        args.set("answered", answered);
        args.set("total", total);
        i18n.t_args("checklist-progress", &args)
    };
    view! {
        <section class="checklist" aria-labelledby="checklist-heading">
            <p class="screen-context" dir="auto" data-speak>{concern_name}</p>
            <h1 id="checklist-heading" tabindex="-1" node_ref=heading data-speak>{move || i18n.t("checklist-heading")}</h1>
            <p class="lead" data-speak>{move || i18n.t("checklist-hint")}</p>
            <ol class="checklist-items">
                // Keyed by the whole item: a text published while the visitor reads is shown at once.
                <For each=items key=|item| item.clone() let:item>
                    <ChecklistEntry item/>
                </For>
            </ol>
            <p class="checklist-progress" aria-live="polite">{progress}</p>
            <button type="button" class="primary-button" on:click=move |_| visit.go(Step::Summary)>
                <span>{move || i18n.t("checklist-continue")}</span>
                <Icon name="forward"/>
            </button>
        </section>
    }
}

#[component]
fn ChecklistEntry(item: json::ChecklistItem) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let visit = expect_context::<Visit>();
    let name_id = format!("document-{}", item.id);
    let answer = {
        let id = item.id.clone();
        move || visit.answers.with(|answers| answers.get(&id).copied())
    };
    let set = {
        let id = item.id.clone();
        move |have: bool| {
            visit.answers.update(|answers| {
                answers.insert(id.clone(), have);
            })
        }
    };
    let set_missing = set.clone();
    let answer_missing = answer.clone();
    let kind = if item.required { "checklist-required" } else { "checklist-if-applicable" };
    let text = item.text.clone();
    let hint = (!item.hint.0.is_empty()).then_some(item.hint.clone());
    view! {
        <li class="checklist-item" class:required=item.required>
            <p class="document-name" id=name_id.clone() dir="auto">{move || i18n.pick(&text)}</p>
            <p class="document-kind">
                <Icon name=if item.required { "required" } else { "info" }/>
                <span>{move || i18n.t(kind)}</span>
            </p>
            {hint.map(|hint| view! { <p class="document-hint" dir="auto">{move || i18n.pick(&hint)}</p> })}
            <div class="answer-buttons" role="group" aria-labelledby=name_id>
                <button
                    type="button"
                    class="answer-button have"
                    aria-pressed=move || (answer() == Some(true)).to_string()
                    on:click=move |_| set(true)
                >
                    <Icon name="check"/>
                    <span>{move || i18n.t("checklist-have")}</span>
                </button>
                <button
                    type="button"
                    class="answer-button missing"
                    aria-pressed=move || (answer_missing() == Some(false)).to_string()
                    on:click=move |_| set_missing(false)
                >
                    <Icon name="cross"/>
                    <span>{move || i18n.t("checklist-missing")}</span>
                </button>
            </div>
        </li>
    }
}
