//! Languages: the visitor's current language as app-wide context, the interface texts in
//! Fluent (`locales/<language>/main.ftl`, fetched on demand), and the page's `lang` and `dir`
//! kept in step.

mod fluent;
mod languages;
mod translations;

pub use fluent::{Args, Value};
pub use languages::{Direction, LANGUAGES, LanguageInfo, language_info};
pub use translations::{STAFF_LANGUAGES, Translations, locale_url};

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;
use willkommen_api::SOURCE_LANGUAGE;

/// The language the app speaks now. Provided once by each app ([`crate::KioskApp`], ...); read with
/// `expect_context::<I18n>()`.
#[derive(Clone, Copy)]
pub struct I18n {
    language: RwSignal<String>,
    /// Bumped whenever a language's texts arrive, so texts shown in a fallback re-render.
    loaded: RwSignal<u32>,
}

thread_local! {
    static TRANSLATIONS: RefCell<Translations> = RefCell::new(Translations::with_source());
    /// Languages whose staff texts have been added (German is built in).
    static STAFF_LOADED: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
}

impl I18n {
    /// Starts in German, the office's language, and keeps `<html lang dir>` in step.
    pub fn new() -> Self {
        Self::new_in(SOURCE_LANGUAGE)
    }

    /// Starts in `tag` (fetching its texts unless they are here), and keeps `<html lang dir>`
    /// in step.
    pub fn new_in(tag: &str) -> Self {
        let language = RwSignal::new(tag.to_owned());
        Effect::new(move || apply_to_document(&language.get()));
        let i18n = Self { language, loaded: RwSignal::new(0) };
        if !Self::is_loaded(tag) {
            let tag = tag.to_owned();
            leptos::task::spawn_local(async move {
                i18n.load(&tag).await;
            });
        }
        i18n
    }

    /// Like [`I18n::new`], with the staff screens' German texts: the office's app.
    pub fn for_office() -> Self {
        TRANSLATIONS.with(|translations| translations.borrow_mut().add_staff_source());
        Self::new()
    }

    /// The current language's BCP 47 tag (reactive).
    pub fn language(&self) -> String {
        self.language.get()
    }

    /// The current language, without subscribing the caller to changes.
    pub fn language_untracked(&self) -> String {
        self.language.get_untracked()
    }

    /// Switches at once; texts not loaded yet show in English or German until they arrive.
    pub fn set_language(&self, tag: &str) {
        self.language.set(tag.to_owned());
        let this = *self;
        let tag = tag.to_owned();
        leptos::task::spawn_local(async move {
            this.load(&tag).await;
        });
    }

    /// Loads `tag`'s texts (and English, the first fallback) first, then switches, so the
    /// next screen appears complete in the new language. Without the network it switches
    /// anyway and falls back.
    pub async fn switch_to(&self, tag: &str) {
        self.load(tag).await;
        self.language.set(tag.to_owned());
    }

    /// Fetches `tag`'s texts unless they are here already. Returns whether they are. The
    /// language and its fallback come over the network side by side, not one after the other.
    pub async fn load(&self, tag: &str) -> bool {
        // German, the source, is built in and complete: it needs no fallback.
        let fallback = willkommen_api::fallback_texts_language(tag);
        let mut missing: Vec<&str> = std::iter::once(tag)
            .chain(fallback)
            .filter(|needed| !Self::is_loaded(needed) && language_info(needed).is_some())
            .collect();
        missing.dedup();
        // Every request leaves now; then their answers are read in turn.
        let requests: Vec<_> = missing.iter().map(|needed| fetch_ftl(needed, "main")).collect();
        let mut complete = true;
        for (needed, request) in missing.into_iter().zip(requests) {
            match request.await {
                Some(source) => {
                    TRANSLATIONS.with(|translations| translations.borrow_mut().add(needed, source));
                    self.loaded.update(|count| *count += 1);
                }
                None => complete = false,
            }
        }
        complete && Self::is_loaded(tag)
    }

    /// Loads the staff screens' English texts (German is built in), then switches.
    pub async fn switch_staff_language(&self, tag: &str) {
        let tag = if STAFF_LANGUAGES.contains(&tag) { tag } else { SOURCE_LANGUAGE };
        let loaded = STAFF_LOADED.with(|loaded| loaded.borrow().contains(&tag.to_owned()));
        if tag != SOURCE_LANGUAGE && !loaded {
            self.load(tag).await;
            if let Some(source) = fetch_ftl(tag, "staff").await {
                TRANSLATIONS.with(|translations| translations.borrow_mut().add(tag, source));
                STAFF_LOADED.with(|loaded| loaded.borrow_mut().push(tag.to_owned()));
                self.loaded.update(|count| *count += 1);
            }
        }
        self.language.set(tag.to_owned());
    }

    pub fn is_loaded(tag: &str) -> bool {
        TRANSLATIONS.with(|translations| translations.borrow().has(tag))
    }

    /// The interface text `key` in the current language (reactive).
    pub fn t(&self, key: &str) -> String {
        self.loaded.track();
        let language = self.language.get();
        TRANSLATIONS.with(|translations| translations.borrow().format(&language, key, None))
    }

    /// Like [`I18n::t`], with Fluent arguments such as `{ $number }`.
    pub fn t_args(&self, key: &str, args: &Args) -> String {
        self.loaded.track();
        let language = self.language.get();
        TRANSLATIONS.with(|translations| translations.borrow().format(&language, key, Some(args)))
    }

    /// `key` in exactly `language`, if its texts are loaded (reactive to loading).
    pub fn t_in(&self, language: &str, key: &str) -> Option<String> {
        self.loaded.track();
        TRANSLATIONS.with(|translations| translations.borrow().format_in(language, key, None))
    }

    /// Like [`I18n::t_in`], with Fluent arguments.
    pub fn t_in_args(&self, language: &str, key: &str, args: &Args) -> Option<String> {
        self.loaded.track();
        TRANSLATIONS.with(|translations| translations.borrow().format_in(language, key, Some(args)))
    }

    /// `key` in German, for the part of a printout the clerk reads.
    pub fn t_in_german(&self, key: &str, args: Option<&Args>) -> String {
        TRANSLATIONS.with(|translations| translations.borrow().format(SOURCE_LANGUAGE, key, args))
    }

    /// A text from the office's data (concern names, documents) in the current language.
    pub fn pick(&self, text: &willkommen_api::LocalizedText) -> String {
        text.resolve(&self.language.get()).unwrap_or_default().to_owned()
    }
}

impl Default for I18n {
    fn default() -> Self {
        Self::new()
    }
}

/// The request leaves when this is called ([`crate::api_client::get_now`]), so several can be
/// under way at once.
fn fetch_ftl(tag: &str, part: &str) -> impl Future<Output = Option<String>> + use<> {
    let sent = crate::api_client::get_now(&locale_url(tag, part));
    async move {
        let response = sent.await?;
        if !response.ok() {
            return None;
        }
        JsFuture::from(response.text().ok()?).await.ok()?.as_string()
    }
}

fn apply_to_document(language: &str) {
    let Some(root) = document().document_element() else { return };
    let direction = language_info(language).map_or(Direction::Ltr, |info| info.direction);
    let _ = root.set_attribute("lang", language);
    let _ = root.set_attribute("dir", direction.as_str());
}
