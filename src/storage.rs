//! What a staff PC remembers between sessions: the counter it stands at, the concerns served
//! there, and each clerk's interface language. Nothing about visitors is stored in the browser.

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn get(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

pub fn set(key: &str, value: &str) {
    if let Some(storage) = storage() {
        let _ = storage.set_item(key, value);
    }
}

pub fn remove(key: &str) {
    if let Some(storage) = storage() {
        let _ = storage.remove_item(key);
    }
}

pub const COUNTER_KEY: &str = "willkommen.staff.counter";

/// The concerns chosen at a counter, when they differ from what the counter is set up for.
pub fn concerns_key(counter: &str) -> String {
    format!("willkommen.staff.concerns.{counter}")
}

pub fn language_key(username: &str) -> String {
    format!("willkommen.staff.language.{username}")
}

/// The concerns last chosen at `counter`, if they differ from its setup.
pub fn chosen_concerns(counter: &willkommen_api::CounterId) -> Option<Vec<willkommen_api::ConcernId>> {
    let stored = get(&concerns_key(counter.as_str()))?;
    let concerns: Vec<_> =
        stored.split(',').filter(|id| !id.is_empty()).map(|id| willkommen_api::ConcernId(id.to_owned())).collect();
    (!concerns.is_empty()).then_some(concerns)
}

/// Remembers the concerns chosen at `counter`; a choice equal to its setup is forgotten instead.
pub fn remember_concerns(
    counter: &willkommen_api::CounterId,
    chosen: &[willkommen_api::ConcernId],
    set_up: &[willkommen_api::ConcernId],
) {
    let key = concerns_key(counter.as_str());
    let same = chosen.len() == set_up.len() && chosen.iter().all(|concern| set_up.contains(concern));
    if same {
        remove(&key);
    } else {
        set(&key, &chosen.iter().map(|concern| concern.as_str()).collect::<Vec<_>>().join(","));
    }
}
