//! "Read aloud" for visitors who cannot see the screen well (EN 301 549, 5.1.3.14): the
//! browser's speech synthesis speaks each screen's heading and options, the focused control,
//! and the ticket, in the screen's language; it can be stopped and repeated. When the kiosk has
//! no voice for the language, it says so on screen instead of reading with a wrong voice.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

use crate::i18n::language_info;

/// Why nothing can be spoken now.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpeechProblem {
    /// The browser has no speech synthesis at all.
    Unavailable,
    /// No installed voice speaks this language (a BCP 47 tag).
    NoVoice(String),
}

/// The kiosk's read-aloud mode, as app-wide context.
#[derive(Clone, Copy)]
pub struct Speech {
    enabled: RwSignal<bool>,
    problem: RwSignal<Option<SpeechProblem>>,
    /// What was spoken last, for "read again".
    last: StoredValue<Option<(String, String)>>,
}

impl Speech {
    pub fn new() -> Self {
        // Chromium loads its voice list lazily; asking once starts that early.
        if let Some(synthesis) = synthesis() {
            let _ = synthesis.get_voices();
        }
        Self { enabled: RwSignal::new(false), problem: RwSignal::new(None), last: StoredValue::new(None) }
    }

    pub fn enabled(&self) -> bool {
        self.enabled.get()
    }

    pub fn enabled_untracked(&self) -> bool {
        self.enabled.get_untracked()
    }

    pub fn problem(&self) -> Option<SpeechProblem> {
        self.problem.get()
    }

    pub fn set_enabled(&self, on: bool) {
        if !on {
            self.stop();
            self.problem.set(None);
        }
        self.enabled.set(on);
    }

    /// Speaks `text` in `language` if read-aloud is on, interrupting whatever is being read.
    pub fn speak(&self, text: &str, language: &str) {
        // Also asked from an animation frame that may come after its visitor's kiosk is gone.
        if !self.enabled.try_get_untracked().unwrap_or(false) || text.trim().is_empty() {
            return;
        }
        self.last.set_value(Some((text.to_owned(), language.to_owned())));
        let Some(synthesis) = synthesis() else {
            self.problem.set(Some(SpeechProblem::Unavailable));
            return;
        };
        let Some(voice) = voice_for(&synthesis, language) else {
            self.problem.set(Some(SpeechProblem::NoVoice(language.to_owned())));
            return;
        };
        self.problem.set(None);
        synthesis.cancel();
        if let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(text) {
            utterance.set_lang(&voice.lang());
            utterance.set_voice(Some(&voice));
            synthesis.speak(&utterance);
        }
    }

    /// Reads the last text again.
    pub fn repeat(&self) {
        if let Some((text, language)) = self.last.get_value() {
            self.speak(&text, &language);
        }
    }

    pub fn stop(&self) {
        stop_speaking();
    }
}

impl Default for Speech {
    fn default() -> Self {
        Self::new()
    }
}

/// Stops whatever the browser is reading out.
pub fn stop_speaking() {
    if let Some(synthesis) = synthesis() {
        synthesis.cancel();
    }
}

fn synthesis() -> Option<SpeechSynthesis> {
    web_sys::window()?.speech_synthesis().ok()
}

/// An installed voice for `language`: same primary language (Leichte Sprache is read by a
/// German voice, Kurmanji by a Kurdish one).
fn voice_for(synthesis: &SpeechSynthesis, language: &str) -> Option<SpeechSynthesisVoice> {
    let grammar = language_info(language).map_or(language, |info| info.grammar_locale());
    let wanted: Vec<&str> = match grammar {
        "kmr" => vec!["kmr", "ku"],
        "fa" => vec!["fa", "prs"],
        other => vec![other],
    };
    synthesis.get_voices().iter().filter_map(|voice| voice.dyn_into::<SpeechSynthesisVoice>().ok()).find(|voice| {
        let lang = voice.lang().to_ascii_lowercase().replace('_', "-");
        let primary = lang.split('-').next().unwrap_or_default().to_owned();
        wanted.iter().any(|tag| *tag == primary)
    })
}

/// The texts of the screen's elements marked `data-speak`, in page order: its heading, lead and
/// options. Controls are read by their accessible name (`aria-label`) when they have one.
pub fn screen_text(root: &web_sys::Element) -> String {
    let Ok(nodes) = root.query_selector_all("[data-speak]") else { return String::new() };
    (0..nodes.length())
        .filter_map(|index| nodes.item(index)?.dyn_into::<web_sys::Element>().ok())
        .map(|element| spoken_name(&element))
        .filter(|text| !text.is_empty())
        .fold(String::new(), |mut spoken, text| {
            if !spoken.is_empty() {
                // A pause between texts; one full stop is enough when the text has its own.
                let ends_a_sentence = spoken.ends_with(['.', '!', '?', ':', '…', '؟', '።']);
                spoken.push_str(if ends_a_sentence { " " } else { ". " });
            }
            spoken.push_str(&text);
            spoken
        })
}

/// What a screen reader would call `element`: its `aria-label`, else its text.
pub fn spoken_name(element: &web_sys::Element) -> String {
    element
        .get_attribute("aria-label")
        .or_else(|| element.text_content())
        .map(|text| text.split_whitespace().collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}
