//! Why no tickets are issued now and when they are again.

use crate::i18n::Args;
use leptos::prelude::*;
use willkommen_api as json;

use crate::i18n::I18n;

/// Nothing while tickets are issued; otherwise closed or past today's cut-off, with the next
/// opening in the visitor's language on the office's clock.
#[component]
pub fn IssuingNotice(issuing: json::Issuing, time_zone: String) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let key = match issuing.state {
        json::IssuingState::Open => return None,
        json::IssuingState::Closed => "kiosk-closed",
        json::IssuingState::CutOff => "kiosk-cut-off",
    };
    let reopens = issuing.next_opening.map(|at| {
        move || {
            let mut args = Args::new();
            args.set("time", local_date_time(&at, &i18n.language(), &time_zone));
            i18n.t_args("kiosk-reopens", &args)
        }
    });
    Some(view! {
        <div class="notice" role="status">
            <p class="notice-title" data-speak>{move || i18n.t(key)}</p>
            {reopens.map(|text| view! { <p data-speak>{text}</p> })}
        </div>
    })
}

/// A moment from the API (RFC 3339) as the visitor's language writes dates and times, on the
/// office's clock (the kiosk's own clock may be set to anything).
pub fn local_date_time(rfc3339: &str, language: &str, time_zone: &str) -> String {
    let date = web_sys::js_sys::Date::new(&rfc3339.into());
    let options = web_sys::js_sys::Object::new();
    let fields = [
        ("weekday", "long"),
        ("day", "numeric"),
        ("month", "long"),
        ("hour", "2-digit"),
        ("minute", "2-digit"),
        ("timeZone", time_zone),
    ];
    for (field, value) in fields {
        let _ = web_sys::js_sys::Reflect::set(&options, &field.into(), &value.into());
    }
    // Leichte Sprache writes dates as German does.
    let locale = crate::i18n::language_info(language).map_or(language, |info| info.grammar_locale());
    date.to_locale_string(locale, &options).into()
}
