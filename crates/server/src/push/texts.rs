//! What a push says, in the language of the visitor's ticket page: the texts are
//! `locales/<language>/push.ftl`, compiled in, resolved with Fluent (plural rules included).

use std::collections::HashMap;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource};
use willkommen_api::SOURCE_LANGUAGE;

/// Every kiosk language's push texts (`willkommen_api::KIOSK_LANGUAGES`; a test keeps the two
/// lists in step).
const SHIPPED: [(&str, &str); 12] = [
    ("de", include_str!("../../../../locales/de/push.ftl")),
    ("de-x-ls", include_str!("../../../../locales/de-x-ls/push.ftl")),
    ("en", include_str!("../../../../locales/en/push.ftl")),
    ("ar", include_str!("../../../../locales/ar/push.ftl")),
    ("tr", include_str!("../../../../locales/tr/push.ftl")),
    ("uk", include_str!("../../../../locales/uk/push.ftl")),
    ("ru", include_str!("../../../../locales/ru/push.ftl")),
    ("fa", include_str!("../../../../locales/fa/push.ftl")),
    ("kmr", include_str!("../../../../locales/kmr/push.ftl")),
    ("pl", include_str!("../../../../locales/pl/push.ftl")),
    ("ro", include_str!("../../../../locales/ro/push.ftl")),
    ("ti", include_str!("../../../../locales/ti/push.ftl")),
];

/// The languages written right to left, for the notification's `dir`.
const RIGHT_TO_LEFT: [&str; 2] = ["ar", "fa"];

/// What happened that the visitor is told of.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Moment {
    /// Only `ahead` people are ahead now.
    Near {
        ahead: u32,
    },
    Called {
        counter: String,
    },
    Recalled {
        counter: String,
    },
    /// Recalled, and one more unanswered call marks the visitor as not come.
    LastCall {
        counter: String,
    },
}

impl Moment {
    /// The kind as the service worker reads it (`requireInteraction` for calls).
    pub fn kind(&self) -> &'static str {
        match self {
            Self::Near { .. } => "near",
            Self::Called { .. } => "called",
            Self::Recalled { .. } => "recalled",
            Self::LastCall { .. } => "last_call",
        }
    }

    fn message_id(&self) -> &'static str {
        match self {
            Self::Near { .. } => "push-near",
            Self::Called { .. } => "push-called",
            Self::Recalled { .. } => "push-recalled",
            Self::LastCall { .. } => "push-last-call",
        }
    }
}

/// A notification's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wording {
    pub title: String,
    pub body: String,
    /// The language they are in (the one asked for, or German where it has no texts).
    pub language: &'static str,
    pub right_to_left: bool,
}

/// The push texts of every shipped language, parsed once.
pub struct PushTexts {
    bundles: HashMap<&'static str, FluentBundle<FluentResource>>,
}

impl PushTexts {
    pub fn load() -> Self {
        let bundles = SHIPPED
            .iter()
            .map(|(tag, source)| {
                let resource = FluentResource::try_new((*source).to_owned()).unwrap_or_else(|(resource, errors)| {
                    tracing::error!(language = tag, ?errors, "locales/{tag}/push.ftl has syntax errors");
                    resource
                });
                let grammar = match *tag {
                    "de-x-ls" => "de",
                    "kmr" => "ku",
                    tag => tag,
                };
                let locale = grammar.parse().expect("the shipped languages are valid BCP 47 tags");
                let mut bundle = FluentBundle::new_concurrent(vec![locale]);
                // Isolation marks keep a Latin number or counter name in its place inside a
                // right-to-left sentence; elsewhere a notification would show them as boxes on
                // some systems, as tab titles do.
                bundle.set_use_isolating(RIGHT_TO_LEFT.contains(tag));
                bundle.add_resource(resource).unwrap_or_else(|errors| {
                    tracing::error!(language = tag, ?errors, "locales/{tag}/push.ftl repeats a message");
                });
                (*tag, bundle)
            })
            .collect();
        Self { bundles }
    }

    /// `moment` told of ticket `number` in `language`.
    pub fn wording(&self, language: &str, number: &str, moment: &Moment) -> Wording {
        let (language, bundle) = match self.bundles.get_key_value(language) {
            Some((tag, bundle)) => (*tag, bundle),
            None => self.source(),
        };
        let mut args = FluentArgs::new();
        args.set("number", number.to_owned());
        match moment {
            Moment::Near { ahead } => args.set("ahead", *ahead),
            Moment::Called { counter } | Moment::Recalled { counter } | Moment::LastCall { counter } => {
                args.set("counter", counter.clone())
            }
        }
        let id = moment.message_id();
        let format = |bundle: &FluentBundle<FluentResource>, part: &str| {
            let message = bundle.get_message(&format!("{id}-{part}"))?;
            let mut errors = Vec::new();
            let text = bundle.format_pattern(message.value()?, Some(&args), &mut errors).into_owned();
            errors.is_empty().then_some(text)
        };
        match (format(bundle, "title"), format(bundle, "body")) {
            (Some(title), Some(body)) => {
                Wording { title, body, language, right_to_left: RIGHT_TO_LEFT.contains(&language) }
            }
            _ if language != SOURCE_LANGUAGE => {
                tracing::warn!(language, id, "a push text is missing or broken; sent in German");
                self.wording(SOURCE_LANGUAGE, number, moment)
            }
            _ => unreachable!("the German push texts are tested to format"),
        }
    }

    fn source(&self) -> (&'static str, &FluentBundle<FluentResource>) {
        let (tag, bundle) = self.bundles.get_key_value(SOURCE_LANGUAGE).expect("German is shipped");
        (*tag, bundle)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kiosk_language_has_push_texts() {
        let shipped: Vec<&str> = SHIPPED.iter().map(|(tag, _)| *tag).collect();
        assert_eq!(shipped, willkommen_api::KIOSK_LANGUAGES);
    }

    #[test]
    fn every_moment_formats_in_every_language_with_its_numbers() {
        let texts = PushTexts::load();
        let counter = "Schalter 3".to_owned();
        let moments = [
            Moment::Near { ahead: 0 },
            Moment::Near { ahead: 1 },
            Moment::Near { ahead: 2 },
            Moment::Near { ahead: 3 },
            Moment::Near { ahead: 11 },
            Moment::Called { counter: counter.clone() },
            Moment::Recalled { counter: counter.clone() },
            Moment::LastCall { counter: counter.clone() },
        ];
        for (tag, _) in SHIPPED {
            for moment in &moments {
                let wording = texts.wording(tag, "A 017", moment);
                assert_eq!(wording.language, tag, "{tag} {moment:?} fell back to German");
                assert!(wording.title.contains("A 017"), "{tag} {moment:?}: {wording:?}");
                if let Moment::Near { ahead } = moment
                    && *ahead > 2
                {
                    assert!(wording.body.contains(&ahead.to_string()), "{tag} {moment:?}: {wording:?}");
                } else if !matches!(moment, Moment::Near { .. }) {
                    assert!(wording.body.contains(&counter), "{tag} {moment:?}: {wording:?}");
                }
            }
        }
    }

    #[test]
    fn the_texts_are_in_the_language_asked_for_and_german_otherwise() {
        let texts = PushTexts::load();
        let called = Moment::Called { counter: "Schalter 3".into() };
        let english = texts.wording("en", "A 017", &called);
        assert_eq!(english.body, "Please come to Schalter 3 now.");
        assert!(!english.right_to_left);
        let arabic = texts.wording("ar", "A 017", &called);
        assert!(arabic.right_to_left);
        assert!(arabic.body.contains("\u{2068}Schalter 3\u{2069}"), "isolated in a right-to-left text: {arabic:?}");
        assert_ne!(arabic.body, english.body);
        assert_eq!(texts.wording("xx", "A 017", &called).language, "de");
        let near = texts.wording("de", "A 017", &Moment::Near { ahead: 1 });
        assert!(near.body.starts_with("Nur noch 1 Person"), "{near:?}");
    }
}
