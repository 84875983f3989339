//! Above every section: whether there are unsaved or unpublished changes, what stands in the
//! way of publishing (every problem, with where it is), and Save, Publish, Discard.

use crate::i18n::Args;
use leptos::prelude::*;
use willkommen_api::{OfficeConfig, Problem, ProblemKind, SOURCE_LANGUAGE};

use super::console::{Console, Notice};
use crate::api_client::admin;
use crate::i18n::I18n;

#[component]
pub fn DraftBar() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let note = RwSignal::new(String::new());
    let problems = Memo::new(move |_| {
        console.document.with(|document| document.as_ref().map(OfficeConfig::problems).unwrap_or_default())
    });
    let state = move || {
        let unpublished = console.saved.with(|saved| saved.as_ref().is_some_and(|draft| draft.unpublished));
        if console.dirty() {
            i18n.t("admin-state-unsaved")
        } else if unpublished {
            i18n.t("admin-state-unpublished")
        } else {
            i18n.t("admin-state-published")
        }
    };
    let save = move |_| {
        console.run(async move {
            if console.save(i18n).await {
                console.notice.set(Some(Notice::Done(i18n.t("admin-saved"))));
            }
        })
    };
    let publish = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let text = note.get_untracked();
        console.run(async move {
            console.publish(text, i18n).await;
            note.set(String::new());
        });
    };
    let discard = move |_| {
        console.run(async move {
            match admin::discard_draft().await {
                Ok(draft) => {
                    console.take(draft);
                    console.notice.set(Some(Notice::Done(i18n.t("admin-discarded"))));
                }
                Err(failure) => console.report(failure, i18n),
            }
        })
    };
    // Ctrl+S saves, as in every editor.
    let keys = window_event_listener(leptos::ev::keydown, move |event| {
        if (event.ctrl_key() || event.meta_key()) && event.key().eq_ignore_ascii_case("s") {
            event.prevent_default();
            console.run(async move {
                if console.save(i18n).await {
                    console.notice.set(Some(Notice::Done(i18n.t("admin-saved"))));
                }
            });
        }
    });
    // Leaving the page (or reloading it) with unsaved edits asks first.
    let leaving = window_event_listener(leptos::ev::beforeunload, move |event| {
        if console.dirty() {
            event.prevent_default();
            event.set_return_value("unsaved");
        }
    });
    on_cleanup(move || {
        keys.remove();
        leaving.remove();
    });
    let can_publish = move || problems.with(Vec::is_empty) && !console.busy.get();
    let problem_list = move || {
        let found = problems.get();
        (!found.is_empty()).then(|| {
            let mut args = Args::new();
            args.set("count", found.len());
            let items = found
                .into_iter()
                .map(|problem| {
                    let place = console.document.with_untracked(|document| {
                        document.as_ref().map(|document| describe_place(document, &problem.path)).unwrap_or_default()
                    });
                    view! { <li><span class="problem-place">{place}</span>": "{move || problem_text(i18n, &problem)}</li> }
                })
                .collect_view();
            view! {
                <details class="admin-problems" open>
                    <summary>{i18n.t_args("admin-problems", &args)}</summary>
                    <ul>{items}</ul>
                </details>
            }
        })
    };
    view! {
        <section class="admin-draft" aria-labelledby="draft-heading">
            <h2 id="draft-heading" class="admin-draft-state">{state}</h2>
            <div class="admin-draft-actions">
                <button type="button" on:click=save disabled=move || !console.dirty() || console.busy.get() aria-keyshortcuts="Control+S">
                    {move || i18n.t("admin-save")}" "<kbd>"Ctrl+S"</kbd>
                </button>
                <form class="admin-publish" on:submit=publish>
                    <label for="publish-note">{move || i18n.t("admin-publish-note")}</label>
                    <input id="publish-note" maxlength="200" bind:value=note/>
                    <button type="submit" class="primary-button" disabled=move || !can_publish()>{move || i18n.t("admin-publish")}</button>
                </form>
                <button type="button" on:click=discard disabled=move || console.busy.get()>{move || i18n.t("admin-discard")}</button>
            </div>
            {problem_list}
            {move || console.notice.get().map(|notice| match notice {
                Notice::Done(text) => view! { <p class="admin-done" role="status">{text}</p> }.into_any(),
                Notice::Failed(text) => view! { <p class="failure" role="alert">{text}</p> }.into_any(),
            })}
        </section>
    }
}

/// The problem in the admin's language.
pub fn problem_text(i18n: I18n, problem: &Problem) -> String {
    let key = match problem.kind {
        ProblemKind::Missing => "admin-problem-missing",
        ProblemKind::TooLong => "admin-problem-too-long",
        ProblemKind::TooMany => "admin-problem-too-many",
        ProblemKind::OutOfRange => "admin-problem-out-of-range",
        ProblemKind::InvalidFormat => "admin-problem-invalid-format",
        ProblemKind::Duplicate => "admin-problem-duplicate",
        ProblemKind::UnknownReference => "admin-problem-unknown-reference",
        ProblemKind::UnknownField => "admin-problem-unknown-field",
        ProblemKind::Unreadable | ProblemKind::Other => "admin-problem-unreadable",
    };
    let mut args = Args::new();
    args.set("detail", problem.message.clone());
    i18n.t_args(key, &args)
}

/// `concerns[2].checklist[0].text.ar` as an admin reads it: the concern's and the document's
/// German names instead of positions, then the field, e.g. `„Blaue Karte EU" › „Reisepass" › text.ar`.
pub fn describe_place(document: &OfficeConfig, path: &str) -> String {
    let mut parts = Vec::new();
    let mut concern = None;
    for segment in path.split('.') {
        if let Some(at) = index_of(segment, "concerns") {
            concern = document.concerns.get(at);
            parts.push(concern.map_or_else(|| segment.to_owned(), |c| quoted(c.name.get(SOURCE_LANGUAGE), &c.id.0)));
            continue;
        }
        if let (Some(at), Some(concern)) = (index_of(segment, "checklist"), concern) {
            let item = concern.checklist.get(at);
            parts
                .push(item.map_or_else(|| segment.to_owned(), |item| quoted(item.text.get(SOURCE_LANGUAGE), &item.id)));
            continue;
        }
        if let Some(at) = index_of(segment, "counters") {
            parts
                .push(document.counters.get(at).map_or_else(|| segment.to_owned(), |c| quoted(Some(&c.name), &c.id.0)));
            continue;
        }
        parts.push(segment.to_owned());
    }
    parts.join(" › ")
}

fn index_of(segment: &str, list: &str) -> Option<usize> {
    segment.strip_prefix(list)?.strip_prefix('[')?.strip_suffix(']')?.parse().ok()
}

fn quoted(name: Option<&str>, id: &str) -> String {
    match name.filter(|name| !name.trim().is_empty()) {
        Some(name) => format!("„{name}“"),
        None => id.to_owned(),
    }
}
