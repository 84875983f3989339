//! What a desk PC remembers between sessions: the counter it stands at and each clerk's
//! interface language. Nothing about visitors is stored in the browser.

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

pub const COUNTER_KEY: &str = "willkommen.staff.counter";

pub fn language_key(username: &str) -> String {
    format!("willkommen.staff.language.{username}")
}
