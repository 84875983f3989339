//! Every shipped language against the German source and against the code that uses the texts.

use std::collections::BTreeSet;
use std::path::Path;

use fluent_bundle::{FluentArgs, FluentBundle, FluentResource};
use fluent_syntax::ast;
use intl_pluralrules::{PluralCategory, PluralRuleType, PluralRules};

mod code_literals;

use super::*;
use crate::i18n::{LANGUAGES, STAFF_LANGUAGES};
use code_literals::CodeLiterals;

fn repository() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn ftl_source(tag: &str) -> String {
    ftl_part(tag, "main")
}

/// `locales/<tag>/<part>.ftl`.
fn ftl_part(tag: &str, part: &str) -> String {
    let path = repository().join("locales").join(tag).join(format!("{part}.ftl"));
    std::fs::read_to_string(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

fn parse_part(tag: &str, part: &str) -> ast::Resource<String> {
    fluent_syntax::parser::parse(ftl_part(tag, part))
        .unwrap_or_else(|(_, errors)| panic!("locales/{tag}/{part}.ftl has syntax errors: {errors:?}"))
}

/// Every shipped file: each language's `main`, and `staff` for the staff languages.
fn shipped_files() -> Vec<(&'static str, &'static str)> {
    let main = LANGUAGES.iter().map(|language| (language.tag, "main"));
    main.chain(STAFF_LANGUAGES.iter().map(|tag| (*tag, "staff"))).collect()
}

/// Each language's `push`: the server's texts for pushes to a visitor's phone
/// (crates/server/src/push/texts.rs), checked here for syntax, ids and plural forms with the
/// app's.
fn push_files() -> Vec<(&'static str, &'static str)> {
    LANGUAGES.iter().map(|language| (language.tag, "push")).collect()
}

fn messages(resource: &ast::Resource<String>) -> Vec<&ast::Message<String>> {
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            ast::Entry::Message(message) => Some(message),
            _ => None,
        })
        .collect()
}

fn message_ids(tag: &str) -> Vec<String> {
    part_ids(tag, "main")
}

fn part_ids(tag: &str, part: &str) -> Vec<String> {
    messages(&parse_part(tag, part)).iter().map(|message| message.id.name.clone()).collect()
}

fn all_translations() -> Translations {
    let mut translations = Translations::with_source();
    translations.add_staff_source();
    for (tag, part) in shipped_files() {
        if tag != "de" {
            translations.add(tag, ftl_part(tag, part));
        }
    }
    translations
}

#[test]
fn every_shipped_file_parses_without_errors() {
    for (tag, part) in shipped_files().into_iter().chain(push_files()) {
        parse_part(tag, part);
    }
}

#[test]
fn the_staff_texts_have_the_same_messages_in_german_and_english() {
    assert_eq!(part_ids("en", "staff"), part_ids("de", "staff"));
    let visitors: BTreeSet<String> = message_ids("de").into_iter().collect();
    let shared: Vec<_> = part_ids("de", "staff").into_iter().filter(|id| visitors.contains(id)).collect();
    assert!(shared.is_empty(), "ids in both main.ftl and staff.ftl: {shared:?}");
}

#[test]
fn every_language_has_exactly_the_german_messages() {
    let german = message_ids("de");
    for language in LANGUAGES {
        let ids = message_ids(language.tag);
        let missing: Vec<_> = german.iter().filter(|id| !ids.contains(id)).collect();
        let extra: Vec<_> = ids.iter().filter(|id| !german.contains(id)).collect();
        assert!(missing.is_empty(), "locales/{}/main.ftl lacks {missing:?}", language.tag);
        assert!(extra.is_empty(), "locales/{}/main.ftl has ids German does not: {extra:?}", language.tag);
        let unique: BTreeSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), ids.len(), "locales/{}/main.ftl repeats an id", language.tag);
        assert_eq!(part_ids(language.tag, "push"), part_ids("de", "push"), "locales/{}/push.ftl", language.tag);
    }
}

/// Every key the code looks up by a literal exists in German, and every German message is
/// held by the code (the web app's and the shared wire crate's, whose ticket actions name their
/// labels) as a literal outside comments and tests: a message only dead code or a comment
/// names is reported as unused.
#[test]
fn the_code_and_the_german_file_use_the_same_messages() {
    let german: BTreeSet<String> = message_ids("de").into_iter().chain(part_ids("de", "staff")).collect();
    let code = CodeLiterals::read(&[repository().join("src"), repository().join("crates/api/src")]);

    for (path, key) in &code.looked_up {
        assert!(german.contains(key), "{} looks up {key:?}, which locales/de lacks", path.display());
    }
    let unused: Vec<_> = german.iter().filter(|id| !code.all.contains(*id)).collect();
    assert!(unused.is_empty(), "messages no code uses: {unused:?}");
    assert!(code.looked_up.len() > 40, "the scan found only {} lookups", code.looked_up.len());
}

/// Arguments as the app passes them, with `n` for every number.
fn realistic_args(n: u32) -> Args {
    let mut args = Args::new();
    for numeric in [
        "count", "seconds", "answered", "total", "min", "max", "minutes", "version", "concerns", "counters", "line",
        "target", "ahead",
    ] {
        args.set(numeric, n);
    }
    args.set("number", "A 017");
    args.set("time", "Montag, 1. Dezember, 08:00");
    args.set("language", "العربية");
    args.set("name", "Anna Schmidt");
    args.set("counter", "Schalter 1");
    args.set("prefix", "A");
    args.set("quota", "40");
    args.set("detail", "the German text is missing");
    args.set("languages", "de, en, ar");
    args.set("key", "F2");
    args.set("reason", "counter_busy");
    args.set("reference", "B-1234");
    args.set("day", "Montag, 7. Dezember 2026");
    args.set("old", "Dienstag, 8. Dezember 2026");
    args.set("field", "time");
    args.set("service", "Aufenthaltstitel verlängern");
    args.set("from", "Mo., 07.12.2026");
    args.set("to", "So., 13.12.2026");
    args.set("title", "Pro Tag");
    args.set("label", "Stadt-Login");
    args.set("closes", "18:00");
    args
}

/// The same arguments for fluent-bundle.
fn reference_args(args: &Args) -> FluentArgs<'static> {
    let mut reference = FluentArgs::new();
    for (name, value) in args.iter() {
        match value {
            crate::i18n::Value::Text(text) => reference.set(name.to_owned(), text.clone()),
            crate::i18n::Value::Number(number) => reference.set(name.to_owned(), *number),
        }
    }
    reference
}

/// Every shipped language as fluent-bundle (Fluent's reference implementation) loads it.
fn reference_bundles() -> Vec<(&'static str, FluentBundle<FluentResource>)> {
    let mut bundles: Vec<(&'static str, FluentBundle<FluentResource>)> = Vec::new();
    for (tag, part) in shipped_files() {
        let resource = FluentResource::try_new(ftl_part(tag, part)).unwrap();
        if let Some((_, bundle)) = bundles.iter_mut().find(|(loaded, _)| *loaded == tag) {
            bundle.add_resource_overriding(resource);
            continue;
        }
        let locale = crate::i18n::language_info(tag).unwrap().grammar_locale().parse().unwrap();
        let mut bundle = FluentBundle::new(vec![locale]);
        bundle.add_resource_overriding(resource);
        bundles.push((tag, bundle));
    }
    bundles
}

/// The app formats texts with its own small resolver (src/i18n/fluent.rs); fluent-bundle must
/// agree with it on every message of every shipped language, for numbers that take every
/// plural form, and without any arguments.
#[test]
fn every_message_reads_as_fluent_bundle_formats_it() {
    let translations = all_translations();
    let mut compared = 0;
    for (tag, bundle) in reference_bundles() {
        for id in part_ids(tag, "main").into_iter().chain(if STAFF_LANGUAGES.contains(&tag) {
            part_ids(tag, "staff")
        } else {
            Vec::new()
        }) {
            let pattern = bundle.get_message(&id).and_then(|message| message.value()).unwrap();
            for n in (0..=30).chain([100, 101, 102, 111, 1000, 1001]) {
                let args = realistic_args(n);
                let mut errors = Vec::new();
                let expected = bundle.format_pattern(pattern, Some(&reference_args(&args)), &mut errors);
                let (text, own_errors) = translations.format_checked(tag, &id, Some(&args)).unwrap();
                assert_eq!(text, expected, "{tag}: {id} with {n}");
                assert_eq!((own_errors, errors.len()), (0, 0), "{tag}: {id} with {n}: {errors:?}");
                compared += 1;
            }
            let (text, own_errors) = translations.format_checked(tag, &id, None).unwrap();
            let mut errors = Vec::new();
            assert_eq!(text, bundle.format_pattern(pattern, None, &mut errors), "{tag}: {id} without arguments");
            assert_eq!(own_errors == 0, errors.is_empty(), "{tag}: {id} without arguments: {errors:?}");
        }
    }
    assert!(compared > 10_000, "only {compared} texts compared");
}

#[test]
fn every_message_formats_without_errors_in_every_language() {
    let translations = all_translations();
    for (tag, part) in shipped_files() {
        for id in part_ids(tag, part) {
            for n in [0, 1, 2, 3, 5, 11, 21, 100, 101] {
                let (text, errors) = translations.format_checked(tag, &id, Some(&realistic_args(n))).unwrap();
                assert_eq!(errors, 0, "{tag}: {id} with {n} formats with errors: {text}");
                assert!(!text.trim().is_empty(), "{tag}: {id} is empty");
            }
        }
    }
}

fn category_name(category: PluralCategory) -> &'static str {
    match category {
        PluralCategory::ZERO => "zero",
        PluralCategory::ONE => "one",
        PluralCategory::TWO => "two",
        PluralCategory::FEW => "few",
        PluralCategory::MANY => "many",
        PluralCategory::OTHER => "other",
    }
}

/// The variant keys of every `{ $var -> … }` selector in `pattern`.
fn selectors(pattern: &ast::Pattern<String>) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression: ast::Expression::Select { variants, .. } } = element {
            found.push(
                variants
                    .iter()
                    .map(|variant| match &variant.key {
                        ast::VariantKey::Identifier { name } => name.clone(),
                        ast::VariantKey::NumberLiteral { value } => value.clone(),
                    })
                    .collect(),
            );
            for variant in variants {
                found.extend(selectors(&variant.value));
            }
        }
    }
    found
}

/// Fluent silently takes the default variant when a plural category has none; Arabic would then
/// say "11 persons" where it needs another form. So every category the language uses for
/// 0..=200 must have its own variant (or an exact number for that value).
#[test]
fn every_plural_message_has_a_variant_for_each_plural_category_of_its_language() {
    let supported = PluralRules::get_locales(PluralRuleType::CARDINAL);
    for (tag, part) in shipped_files().into_iter().chain(push_files()) {
        let language = crate::i18n::language_info(tag).unwrap();
        let locale: unic_langid::LanguageIdentifier = language.grammar_locale().parse().unwrap();
        assert!(supported.contains(&locale), "no CLDR plural rules for {locale}: Fluent would use English rules");
        let rules = PluralRules::create(locale, PluralRuleType::CARDINAL).unwrap();
        let resource = parse_part(tag, part);
        for message in messages(&resource) {
            let Some(pattern) = &message.value else { continue };
            for keys in selectors(pattern) {
                for n in 0..=200u32 {
                    let category = category_name(rules.select(n).unwrap());
                    let covered =
                        category == "other" || keys.iter().any(|key| key == category || *key == n.to_string());
                    assert!(
                        covered,
                        "{}: {} has no [{category}] variant (needed for {n}); it has {keys:?}",
                        language.tag, message.id.name
                    );
                }
            }
        }
    }
}

#[test]
fn texts_are_looked_up_in_the_chosen_language_with_fallback() {
    let mut translations = Translations::with_source();
    assert_eq!(translations.format("ar", "ticket-done", None), "Fertig", "only German is built in");

    translations.add("en", ftl_source("en"));
    assert_eq!(translations.format("de", "ticket-done", None), "Fertig");
    assert_eq!(translations.format("en", "ticket-done", None), "Done");
    assert_eq!(translations.format("ar", "ticket-done", None), "Done", "English before German");
    assert_eq!(translations.format("en", "no-such-message", None), "no-such-message");
    assert!(translations.has("en"));
    assert!(!translations.has("ar"));
}

#[test]
fn arabic_counts_people_with_its_own_plural_forms() {
    let translations = all_translations();
    let people = |n: u32| translations.format("ar", "ticket-people-ahead", Some(&realistic_args(n)));

    let forms: BTreeSet<String> = [1, 2, 3, 11, 100].into_iter().map(people).collect();

    assert_eq!(forms.len(), 5, "one, two, few, many and other read differently: {forms:?}");
}
