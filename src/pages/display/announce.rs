//! Spoken calls, in German and then English: "Nummer A 017, bitte zu Schalter 3." Switched on
//! per display with `?speech=on` in its address (not every lobby wants it).

use crate::i18n::Args;
use willkommen_api::{DisplayCall, SOURCE_LANGUAGE};

use crate::i18n::I18n;

pub fn enabled_by_address() -> bool {
    let search = leptos::prelude::window().location().search().unwrap_or_default();
    web_sys::UrlSearchParams::new_with_str(&search).ok().and_then(|params| params.get("speech")).as_deref()
        == Some("on")
}

pub fn call(call: &DisplayCall, i18n: I18n) {
    let Some(synthesis) = leptos::prelude::window().speech_synthesis().ok() else { return };
    let key = if call.recall { "display-announce-again" } else { "display-announce" };
    // "A 017" is read letter by letter and as a number: "A 17".
    let number = format!("{} {}", call.number.prefix, call.number.sequence);
    for (language, voice_language) in [(SOURCE_LANGUAGE, "de-DE"), ("en", "en-GB")] {
        let mut args = Args::new();
        args.set("number", number.clone());
        args.set("counter", call.counter.clone());
        let Some(text) = i18n.t_in_args(language, key, &args) else { continue };
        // Fluent marks placeables for bidirectional text; a voice must not read the marks.
        let text: String = text.chars().filter(|c| !matches!(c, '\u{2068}' | '\u{2069}')).collect();
        if let Ok(utterance) = web_sys::SpeechSynthesisUtterance::new_with_text(&text) {
            utterance.set_lang(voice_language);
            synthesis.speak(&utterance);
        }
    }
}
