//! Formatting Fluent messages: the part of Fluent the interface texts use, without
//! `fluent-bundle`.
//!
//! The files are parsed by Fluent's own parser (`fluent-syntax`). What is resolved here is
//! text, variables (`{ $count }`) and selectors on a variable, by its plural category or an
//! exact number (`[one]`, `[0]`, `*[other]`), with each variable in bidi isolation marks, as
//! `fluent-bundle` does. Plural categories come from the browser's `Intl.PluralRules` (CLDR,
//! from ICU), instead of the rules `fluent-bundle` compiles in for 200 locales; those
//! (`intl_pluralrules` 7.0.2) are wrong for Arabic and Romanian from 100 on: "other" for
//! 103 people, where CLDR says "few" (`tests/web.rs` checks the browser's).
//!
//! Why not `fluent-bundle` itself: it was 35 KB of the kiosk's 212 KB (brotli), paid by every
//! kiosk and phone at start-up, for a resolver of terms, functions, attributes and number
//! options no text uses. The tests format every message of every shipped language with both
//! and require the same text (`translations/tests.rs`), and reject any file that uses more
//! of Fluent than this resolves.

use std::collections::BTreeMap;
use std::fmt::Write;

use fluent_syntax::ast;

/// A variable's value: a text or a whole number (counts, seconds, minutes).
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Text(String),
    Number(i64),
}

impl From<String> for Value {
    fn from(text: String) -> Self {
        Value::Text(text)
    }
}

impl From<&str> for Value {
    fn from(text: &str) -> Self {
        Value::Text(text.to_owned())
    }
}

impl From<&String> for Value {
    fn from(text: &String) -> Self {
        Value::Text(text.clone())
    }
}

macro_rules! number_values {
    ($($number:ty),*) => {$(
        impl From<$number> for Value {
            fn from(number: $number) -> Self {
                Value::Number(i64::try_from(number).unwrap_or(i64::MAX))
            }
        }
    )*};
}
number_values!(u8, u16, u32, u64, usize, i32, i64);

/// The variables of one message, as in `FluentArgs`: `args.set("count", 3)`.
#[derive(Clone, Debug, Default)]
pub struct Args(Vec<(String, Value)>);

impl Args {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn set(&mut self, name: impl Into<String>, value: impl Into<Value>) {
        let name = name.into();
        let value = value.into();
        match self.0.iter_mut().find(|(set, _)| *set == name) {
            Some((_, old)) => *old = value,
            None => self.0.push((name, value)),
        }
    }

    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.iter().find(|(set, _)| set == name).map(|(_, value)| value)
    }

    /// Every variable set, in the order set.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &Value)> {
        self.0.iter().map(|(name, value)| (name.as_str(), value))
    }
}

/// One language's messages: what its files define, later files overriding earlier ones.
pub struct Messages {
    /// The locale whose plural rules apply (`de` for Leichte Sprache).
    locale: String,
    patterns: BTreeMap<String, ast::Pattern<String>>,
    plural_rules: std::cell::OnceCell<plural::Rules>,
}

impl Messages {
    pub fn new(locale: &str) -> Self {
        Self { locale: locale.to_owned(), patterns: BTreeMap::new(), plural_rules: std::cell::OnceCell::new() }
    }

    /// Adds a file's messages. A file with syntax errors still contributes the messages that
    /// parsed; the tests keep shipped files free of errors.
    pub fn add(&mut self, source: String) {
        let resource = fluent_syntax::parser::parse_runtime(source).unwrap_or_else(|(resource, _errors)| resource);
        for entry in resource.body {
            if let ast::Entry::Message(ast::Message { id, value: Some(pattern), .. }) = entry {
                self.patterns.insert(id.name, pattern);
            }
        }
    }

    /// The message `id` with `args`, and how many of its parts could not be resolved (a
    /// missing variable, a part of Fluent this does not resolve); `None` if there is no such
    /// message.
    pub fn format(&self, id: &str, args: Option<&Args>) -> Option<(String, usize)> {
        let pattern = self.patterns.get(id)?;
        let mut formatting = Formatting { messages: self, args, text: String::new(), errors: 0 };
        formatting.pattern(pattern);
        Some((formatting.text, formatting.errors))
    }

    fn plural_category(&self, number: i64) -> &'static str {
        self.plural_rules.get_or_init(|| plural::Rules::new(&self.locale)).category(number)
    }
}

struct Formatting<'a> {
    messages: &'a Messages,
    args: Option<&'a Args>,
    text: String,
    errors: usize,
}

impl<'a> Formatting<'a> {
    fn pattern(&mut self, pattern: &ast::Pattern<String>) {
        // A variable among text is isolated, so that an Arabic name in a German sentence (or
        // a ticket number in an Arabic one) cannot reorder the text around it.
        let isolate = pattern.elements.len() > 1;
        for element in &pattern.elements {
            match element {
                ast::PatternElement::TextElement { value } => self.text.push_str(value),
                ast::PatternElement::Placeable { expression } => {
                    if isolate {
                        self.text.push('\u{2068}');
                    }
                    self.expression(expression);
                    if isolate {
                        self.text.push('\u{2069}');
                    }
                }
            }
        }
    }

    fn expression(&mut self, expression: &ast::Expression<String>) {
        match expression {
            ast::Expression::Inline(inline) => match self.variable(inline) {
                Ok(Value::Text(text)) => self.text.push_str(text),
                Ok(Value::Number(number)) => {
                    let _ = write!(self.text, "{number}");
                }
                Err(shown) => {
                    self.errors += 1;
                    let _ = write!(self.text, "{{{shown}}}");
                }
            },
            ast::Expression::Select { selector, variants } => {
                let selector = self.variable(selector);
                if selector.is_err() {
                    self.errors += 1;
                }
                let chosen = selector
                    .ok()
                    .and_then(|value| variants.iter().find(|variant| self.matches(&variant.key, value)))
                    .or_else(|| variants.iter().find(|variant| variant.default));
                match chosen {
                    Some(variant) => self.pattern(&variant.value),
                    None => self.errors += 1,
                }
            }
        }
    }

    /// The value of a variable reference; otherwise what to show in its place.
    fn variable(&self, inline: &ast::InlineExpression<String>) -> Result<&'a Value, String> {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                self.args.and_then(|args| args.get(&id.name)).ok_or_else(|| format!("${}", id.name))
            }
            _ => Err("???".to_owned()),
        }
    }

    fn matches(&self, key: &ast::VariantKey<String>, value: &Value) -> bool {
        match (key, value) {
            (ast::VariantKey::Identifier { name }, Value::Text(text)) => name == text,
            (ast::VariantKey::Identifier { name }, Value::Number(number)) => {
                name == self.messages.plural_category(*number)
            }
            (ast::VariantKey::NumberLiteral { value: key }, Value::Number(number)) => {
                key.parse::<i64>().is_ok_and(|key| key == *number)
            }
            (ast::VariantKey::NumberLiteral { .. }, Value::Text(_)) => false,
        }
    }
}

/// Plural categories (CLDR): the browser's `Intl.PluralRules` in the app; in native tests, the
/// `intl_pluralrules` crate, so that they compare like with like against `fluent-bundle`.
#[cfg(target_arch = "wasm32")]
mod plural {
    pub struct Rules(web_sys::js_sys::Intl::PluralRules);

    impl Rules {
        pub fn new(locale: &str) -> Self {
            let locales = web_sys::js_sys::Array::of1(&locale.into());
            Self(web_sys::js_sys::Intl::PluralRules::new(&locales, &web_sys::js_sys::Object::new()))
        }

        pub fn category(&self, number: i64) -> &'static str {
            let category = self.0.select(number as f64);
            super::CATEGORIES.into_iter().find(|name| category == *name).unwrap_or("other")
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod plural {
    use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};

    pub struct Rules(Option<PluralRules>);

    impl Rules {
        pub fn new(locale: &str) -> Self {
            let rules = locale
                .parse::<unic_langid::LanguageIdentifier>()
                .ok()
                .and_then(|locale| PluralRules::create(locale, PluralRuleType::CARDINAL).ok());
            Self(rules)
        }

        pub fn category(&self, number: i64) -> &'static str {
            let category = self.0.as_ref().and_then(|rules| rules.select(number).ok());
            match category {
                Some(PluralCategory::ZERO) => "zero",
                Some(PluralCategory::ONE) => "one",
                Some(PluralCategory::TWO) => "two",
                Some(PluralCategory::FEW) => "few",
                Some(PluralCategory::MANY) => "many",
                _ => "other",
            }
        }
    }
}

#[cfg(target_arch = "wasm32")]
const CATEGORIES: [&str; 6] = ["zero", "one", "two", "few", "many", "other"];

#[cfg(test)]
mod tests {
    use super::*;

    fn messages(locale: &str, source: &str) -> Messages {
        let mut messages = Messages::new(locale);
        messages.add(source.to_owned());
        messages
    }

    fn count(n: i64) -> Args {
        let mut args = Args::new();
        args.set("count", n);
        args
    }

    #[test]
    fn variables_are_isolated_among_text_and_plain_alone() {
        let messages = messages("de", "ahead = Vor Ihnen: { $count }\nalone = { $count }\n");
        assert_eq!(messages.format("ahead", Some(&count(3))), Some(("Vor Ihnen: \u{2068}3\u{2069}".into(), 0)));
        assert_eq!(messages.format("alone", Some(&count(3))), Some(("3".into(), 0)));
    }

    #[test]
    fn an_exact_number_wins_over_the_plural_category() {
        let source =
            "people = { $count ->\n    [0] niemand\n    [one] eine Person\n   *[other] { $count } Personen\n}\n";
        let messages = messages("de", source);
        let text = |n| messages.format("people", Some(&count(n))).unwrap().0;
        assert_eq!(text(0), "niemand");
        assert_eq!(text(1), "eine Person");
        assert_eq!(text(7), "\u{2068}7\u{2069} Personen");
    }

    #[test]
    fn a_missing_variable_shows_its_name_and_counts_as_an_error() {
        let messages = messages("de", "wait = Noch { $minutes } Minuten\n");
        assert_eq!(messages.format("wait", None), Some(("Noch \u{2068}{$minutes}\u{2069} Minuten".into(), 1)));
        assert_eq!(messages.format("no-such-message", None), None);
    }

    #[test]
    fn a_later_file_overrides_a_message() {
        let mut messages = messages("de", "done = Fertig\n");
        messages.add("done = Erledigt\n".to_owned());
        assert_eq!(messages.format("done", None), Some(("Erledigt".into(), 0)));
    }
}
