//! The call gong of the lobby display and of a phone whose visitor turned sound on: two soft
//! tones made with Web Audio, so no sound file is needed. Browsers allow sound only after a
//! tap on the page, or on a display with the kiosk flag
//! `--autoplay-policy=no-user-gesture-required` (docs/kiosk-device.md); without either the gong
//! is silent and the page still works.

use std::cell::RefCell;

use web_sys::{AudioContext, OscillatorType};

thread_local! {
    /// One audio context for the page's life: browsers limit how many there may be.
    static CONTEXT: RefCell<Option<AudioContext>> = const { RefCell::new(None) };
}

pub fn play() {
    CONTEXT.with(|context| {
        let mut context = context.borrow_mut();
        if context.is_none() {
            *context = AudioContext::new().ok();
        }
        if let Some(audio) = context.as_ref() {
            let _ = audio.resume();
            let start = audio.current_time();
            for (offset, frequency) in [(0.0, 659.25), (0.45, 523.25)] {
                let _ = tone(audio, start + offset, frequency);
            }
        }
    });
}

/// One bell-like tone: a sine that fades out over 1.2 s.
fn tone(audio: &AudioContext, at: f64, frequency: f32) -> Result<(), wasm_bindgen::JsValue> {
    let oscillator = audio.create_oscillator()?;
    oscillator.set_type(OscillatorType::Sine);
    oscillator.frequency().set_value(frequency);
    let gain = audio.create_gain()?;
    gain.gain().set_value_at_time(0.0001, at)?;
    gain.gain().exponential_ramp_to_value_at_time(0.4, at + 0.02)?;
    gain.gain().exponential_ramp_to_value_at_time(0.0001, at + 1.2)?;
    oscillator.connect_with_audio_node(&gain)?;
    gain.connect_with_audio_node(&audio.destination())?;
    oscillator.start_with_when(at)?;
    oscillator.stop_with_when(at + 1.3)?;
    Ok(())
}
