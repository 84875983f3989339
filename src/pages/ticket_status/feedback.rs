//! "How was your visit?" once the ticket is finished: five faces and a few reasons to tick,
//! never free text. Anonymous: the server counts the answer per concern and language and
//! keeps nothing of it with the ticket.

use leptos::prelude::*;
use willkommen_api::{self as json, FeedbackReason};

use crate::api_client::ApiFailure;
use crate::api_client::phone::give_feedback;
use crate::i18n::I18n;
use crate::storage;

/// The ratings from very good (5) to very bad (1), listed one below the other so that every
/// word stays whole in every language and at any text size: their words, and the face's
/// mouth (curved up for good, down for bad; written out, so no number is formatted here).
const RATINGS: [(u8, &str, &str); 5] = [
    (5, "feedback-rating-5", "M7.5 15.5 Q12 19.5 16.5 15.5"),
    (4, "feedback-rating-4", "M7.5 15.5 Q12 17.5 16.5 15.5"),
    (3, "feedback-rating-3", "M7.5 15.5 Q12 15.5 16.5 15.5"),
    (2, "feedback-rating-2", "M7.5 15.5 Q12 13.5 16.5 15.5"),
    (1, "feedback-rating-1", "M7.5 15.5 Q12 11.5 16.5 15.5"),
];

/// A face drawn in the text's colour: every phone shows the same five (emoji differ between
/// phones, and some have no glyph for them), in high contrast too.
fn face(mouth: &'static str) -> impl IntoView {
    view! {
        <svg class="feedback-emoji" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
            <circle cx="12" cy="12" r="10.5" fill="none" stroke="currentColor" stroke-width="1.6"/>
            <circle cx="8.5" cy="9.5" r="1.4" fill="currentColor"/>
            <circle cx="15.5" cy="9.5" r="1.4" fill="currentColor"/>
            <path d=mouth fill="none" stroke="currentColor" stroke-width="1.6" stroke-linecap="round"/>
        </svg>
    }
}

/// Where this phone remembers that the visit was rated, so it is not asked again.
fn remembered(ticket: &str) -> String {
    format!("willkommen.feedback.{ticket}")
}

#[component]
pub fn Feedback(ticket: String) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let thanked = RwSignal::new(storage::get(&remembered(&ticket)).is_some());
    let rating = RwSignal::new(None::<u8>);
    let reasons = RwSignal::new(Vec::<FeedbackReason>::new());
    let sending = RwSignal::new(false);
    let failure = RwSignal::new(None::<ApiFailure>);
    let ticket = StoredValue::new(ticket);
    let send = move |_| {
        let Some(rating) = rating.get_untracked() else { return };
        let feedback = json::Feedback { rating, reasons: reasons.get_untracked() };
        sending.set(true);
        failure.set(None);
        let ticket = ticket.get_value();
        leptos::task::spawn_local(async move {
            let answer = give_feedback(&ticket, &feedback).await;
            let _ = sending.try_set(false);
            match answer {
                // Rated already (from another tab): thanked all the same.
                Ok(()) | Err(ApiFailure::Refused(json::ApiError { code: json::ErrorCode::InvalidTransition, .. })) => {
                    storage::set(&remembered(&ticket), "given");
                    let _ = thanked.try_set(true);
                }
                Err(problem) => {
                    let _ = failure.try_set(Some(problem));
                }
            }
        });
    };
    let face_button = move |(value, words, mouth): (u8, &'static str, &'static str)| {
        let pressed = move || (rating.get() == Some(value)).to_string();
        view! {
            <button type="button" class="feedback-face" aria-pressed=pressed on:click=move |_| rating.set(Some(value))>
                {face(mouth)}
                <span>{move || i18n.t(words)}</span>
            </button>
        }
    };
    let reason_button = move |reason: FeedbackReason| {
        let ticked = move || reasons.with(|reasons| reasons.contains(&reason));
        let toggle = move |_| {
            reasons.update(|reasons| match reasons.iter().position(|r| *r == reason) {
                Some(at) => {
                    reasons.remove(at);
                }
                None => reasons.push(reason),
            })
        };
        view! {
            <button type="button" class="feedback-reason" aria-pressed=move || ticked().to_string() on:click=toggle>
                <span aria-hidden="true">{move || if ticked() { "☑" } else { "☐" }}</span>
                " "
                {move || i18n.t(reason.message_key())}
            </button>
        }
    };
    let faces = move || RATINGS.into_iter().map(face_button).collect_view();
    let ticks = move || FeedbackReason::ALL.into_iter().map(reason_button).collect_view();
    let asking = move || {
        view! {
            <div class="feedback-faces" role="group" aria-labelledby="feedback-question">{faces}</div>
            <div class="feedback-reasons" role="group" aria-labelledby="feedback-reasons">
                <p id="feedback-reasons">{move || i18n.t("feedback-reasons")}</p>
                {ticks}
            </div>
            <p class="feedback-anonymous">{move || i18n.t("feedback-anonymous")}</p>
            <button type="button" class="primary-button" on:click=send
                disabled=move || rating.get().is_none() || sending.get()>
                {move || i18n.t("feedback-send")}
            </button>
            {move || failure.get().map(|failure| view! { <p class="failure" role="alert">{i18n.t(failure.message_key())}</p> })}
        }
    };
    view! {
        <section class="status-feedback" aria-labelledby="feedback-question">
            <h2 id="feedback-question">{move || i18n.t("feedback-question")}</h2>
            {move || if thanked.get() {
                view! { <p role="status" data-feedback="given">{i18n.t("feedback-thanks")}</p> }.into_any()
            } else {
                asking().into_any()
            }}
        </section>
    }
}
