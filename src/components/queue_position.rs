use crate::i18n::Args;
use leptos::prelude::*;
use willkommen_api::WaitEstimate;

use crate::i18n::I18n;

/// "3 people are before you. Expected wait: 10 to 20 minutes." Nothing once the ticket is
/// no longer waiting (the API then sends no position).
#[component]
pub fn QueuePosition(people_ahead: Option<u32>, estimated_wait: Option<WaitEstimate>) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let people_ahead = people_ahead?;
    let ahead = move || {
        let mut args = Args::new();
        args.set("count", people_ahead);
        i18n.t_args("ticket-people-ahead", &args)
    };
    let wait = move || match estimated_wait {
        // Above two hours, minutes stop meaning much: "2 to 3 hours".
        Some(wait) if wait.max_minutes > 120 => {
            let mut args = Args::new();
            args.set("min", (wait.min_minutes / 60).max(1));
            args.set("max", wait.max_minutes.div_ceil(60));
            i18n.t_args("ticket-wait-hours", &args)
        }
        Some(wait) => {
            let mut args = Args::new();
            args.set("min", wait.min_minutes);
            args.set("max", wait.max_minutes);
            i18n.t_args("ticket-wait", &args)
        }
        None => i18n.t("ticket-wait-unknown"),
    };
    Some(view! {
        <div class="queue-position">
            <p class="people-ahead">{ahead}</p>
            <p class="estimated-wait">{wait}</p>
        </div>
    })
}
