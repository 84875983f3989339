//! The web app's components in a real browser (headless Chromium via wasm-bindgen-test).
//! Run by `cargo xtask test`; by hand: `CHROMEDRIVER=/usr/bin/chromedriver cargo test
//! -p willkommen --target wasm32-unknown-unknown` with the pinned wasm-bindgen-cli on PATH.
#![cfg(target_arch = "wasm32")]

use leptos::mount::mount_to;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::HtmlElement;
use willkommen::components::QrCode;
use willkommen::i18n::I18n;

wasm_bindgen_test_configure!(run_in_browser);

/// A fresh element in the page to mount a component into.
fn container() -> HtmlElement {
    let document = document();
    let element: HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&element).unwrap();
    element
}

fn find(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector).unwrap().unwrap_or_else(|| panic!("no {selector}")).unchecked_into()
}

#[wasm_bindgen_test]
fn a_qr_code_is_an_svg_image_with_a_spoken_label() {
    let root = container();

    let _mounted = mount_to(root.clone(), || {
        view! { <QrCode text="http://127.0.0.1:8080/t/q0fO8b6u3J3p1yQ2xW9aZg" label="QR code for your ticket A 001"/> }
    });

    let qr = find(&root, ".qr-code");
    assert_eq!(qr.get_attribute("role").as_deref(), Some("img"));
    assert_eq!(qr.get_attribute("aria-label").as_deref(), Some("QR code for your ticket A 001"));
    let svg = find(&qr, "svg");
    assert!(svg.get_bounding_client_rect().width() > 100.0, "the QR code is too small to scan");
}

#[wasm_bindgen_test]
async fn choosing_arabic_turns_the_whole_page_right_to_left_and_back() {
    let root = container();
    // The language context lives in the mounted app's reactive owner; keep a copy of it.
    let slot = std::rc::Rc::new(std::cell::Cell::new(None));
    let _mounted = mount_to(root.clone(), {
        let slot = slot.clone();
        move || {
            slot.set(Some(I18n::new()));
            view! { <p>"page"</p> }
        }
    });
    let i18n: I18n = slot.get().unwrap();
    let html = document().document_element().unwrap();

    i18n.set_language("ar");
    leptos::task::tick().await;
    assert_eq!(html.get_attribute("lang").as_deref(), Some("ar"));
    assert_eq!(html.get_attribute("dir").as_deref(), Some("rtl"));

    i18n.set_language("en");
    leptos::task::tick().await;
    assert_eq!(html.get_attribute("lang").as_deref(), Some("en"));
    assert_eq!(html.get_attribute("dir").as_deref(), Some("ltr"));
}

#[wasm_bindgen_test]
fn api_answers_are_read_with_the_browsers_json_parser() {
    use willkommen::api_client::{decode, to_json};
    use willkommen_api as json;

    let ticket: json::Ticket = decode(
        r#"{"id":"q0fO8b6u3J3p1yQ2xW9aZg","number":"A 017","concern":"address-change","language":"ar",
            "status":"waiting","issued_at":"2026-11-24T09:15:00+01:00","checklist":{"passport":true},
            "status_url":"http://x/t/q0fO8b6u3J3p1yQ2xW9aZg","people_ahead":3,
            "estimated_wait":{"min_minutes":10,"max_minutes":20},"counter":null}"#,
    )
    .unwrap();
    let error: json::ApiError = decode(r#"{"code":"a_code_from_the_future","message":"m"}"#).unwrap();
    let request = json::NewTicket {
        concern: json::ConcernId("address-change".into()),
        language: "de".into(),
        checklist: [("passport".to_owned(), true)].into(),
    };

    assert_eq!(ticket.number.to_string(), "A 017");
    assert_eq!(ticket.people_ahead, Some(3));
    assert_eq!(ticket.checklist.get("passport"), Some(&true));
    assert_eq!(error.code, json::ErrorCode::Unknown);
    assert_eq!(
        to_json(&request).unwrap(),
        r#"{"concern":"address-change","language":"de","checklist":{"passport":true}}"#
    );
    assert!(decode::<json::Ticket>("not json").is_err());
}

#[wasm_bindgen_test]
fn an_appointment_is_read_with_its_check_in_state_as_the_kiosk_reads_it() {
    use willkommen::api_client::decode;
    use willkommen_api as json;

    let lookup: json::AppointmentLookup = decode(
        r#"{"reference":"B-1234","slot":"2026-12-07T10:30:00+01:00","concern":"address-change",
            "check_in":{"state":"too_early","opens_at":"2026-12-07T10:00:00+01:00"}}"#,
    )
    .unwrap();
    let late: json::CheckInState = decode(r#"{"state":"too_late","late_arrival":"information_desk"}"#).unwrap();
    let again: json::CheckInState = decode(r#"{"state":"checked_in","ticket":"q0fO8b6u3J3p1yQ2xW9aZg"}"#).unwrap();

    assert_eq!(lookup.check_in, json::CheckInState::TooEarly { opens_at: "2026-12-07T10:00:00+01:00".into() });
    assert_eq!(late, json::CheckInState::TooLate { late_arrival: json::LateArrival::InformationDesk });
    assert_eq!(again, json::CheckInState::CheckedIn { ticket: json::TicketId("q0fO8b6u3J3p1yQ2xW9aZg".into()) });
    assert!(decode::<json::CheckInState>(r#"{"state":"too_early"}"#).is_err(), "no opens_at");
}

#[wasm_bindgen_test]
fn read_aloud_reads_a_screens_marked_texts_in_order_using_accessible_names() {
    let root = container();
    root.set_inner_html(
        r#"<h1 data-speak>Ihre Wartenummer</h1>
           <p class="ticket-number" data-speak aria-label="Ihre Wartenummer ist A 017.">A 017</p>
           <p>Nicht vorgelesen</p>
           <button data-speak>  Fertig
           </button>"#,
    );

    let text = willkommen::speech::screen_text(&root);

    assert_eq!(text, "Ihre Wartenummer. Ihre Wartenummer ist A 017. Fertig");
}

/// A stream the server refuses (here a 404: the test server has no such path) is closed for
/// good by the browser; the helper opens it again after 1 s, then 2 s …, until its owner is
/// cleaned up.
#[wasm_bindgen_test]
async fn a_refused_live_stream_is_tried_again_with_growing_pauses_until_its_owner_is_gone() {
    use std::cell::Cell;
    use std::rc::Rc;
    use willkommen::live_stream::{UseEventSourceOptions, use_event_source};
    use willkommen::timing::sleep;

    let errors = Rc::new(Cell::new(0));
    let owner = Owner::new();
    let stream = owner.with(|| {
        let errors = errors.clone();
        use_event_source(
            "/live-stream-test/no-such-stream",
            UseEventSourceOptions::default().on_error(move || errors.set(errors.get() + 1)),
        )
    });

    // Tries at about 0 s and 1 s; the third would come at about 3 s.
    sleep(2_200).await;
    assert_eq!(errors.get(), 2, "refused, then one try after a second");
    assert!(!stream.connected.get_untracked());
    owner.cleanup();
    sleep(2_500).await;
    assert_eq!(errors.get(), 2, "no more tries once the owner is cleaned up");
}

/// Every event reaches its handler, also several in one chunk; events of other names do not.
#[wasm_bindgen_test]
async fn every_event_of_a_live_stream_reaches_its_handler() {
    use std::cell::RefCell;
    use std::rc::Rc;
    use willkommen::live_stream::{UseEventSourceOptions, use_event_source};
    use willkommen::timing::sleep;

    let seen = Rc::new(RefCell::new(Vec::new()));
    let owner = Owner::new();
    // Two calls and something else, in one response (a data: address serves it as a stream).
    let body = "retry: 60000\n\nid: 7\nevent: call\ndata: A 001\n\nid: 8\nevent: call\ndata: A 002\n\nid: 9\nevent: other\ndata: x\n\n";
    let url = format!("data:text/event-stream,{}", web_sys::js_sys::encode_uri_component(body));
    owner.with(|| {
        let seen = seen.clone();
        use_event_source(
            url,
            UseEventSourceOptions::default()
                .on("call", move |event| seen.borrow_mut().push(event.data().as_string().unwrap_or_default())),
        )
    });

    sleep(500).await;
    assert_eq!(*seen.borrow(), ["A 001", "A 002"]);
    owner.cleanup();
}

#[wasm_bindgen_test]
fn the_office_clock_shows_the_offices_time_and_the_pcs_own_for_an_unknown_zone() {
    use web_sys::js_sys::Date;
    use willkommen::clock::OfficeClock;

    let mut clock = OfficeClock::default();
    let winter = Date::new(&"2026-11-24T01:40:00Z".into());
    let summer = Date::new(&"2026-07-01T22:05:00Z".into());
    let pcs_own = format!("{:02}:{:02}", winter.get_hours(), winter.get_minutes());

    assert_eq!(clock.show(&winter, Some("Europe/Berlin")), "02:40");
    assert_eq!(clock.show(&summer, Some("Europe/Berlin")), "00:05", "h23: midnight is 00, not 24");
    assert_eq!(clock.show(&winter, Some("Asia/Kolkata")), "07:10");
    assert_eq!(clock.show(&winter, Some("Mars/Olympus_Mons")), pcs_own, "a zone the browser does not know");
    assert_eq!(clock.show(&winter, None), pcs_own, "before the office's zone is known");
}

#[wasm_bindgen_test]
fn the_offices_date_is_its_own_across_midnight_whatever_the_pcs_zone() {
    use web_sys::js_sys::Date;
    use willkommen::clock::office_date;

    // 23:30 UTC on 6 December is already the 7th in Berlin, and still the 6th in New York.
    let late = Date::new(&"2026-12-06T23:30:00Z".into());
    assert_eq!(office_date(&late, "Europe/Berlin"), "2026-12-07");
    assert_eq!(office_date(&late, "America/New_York"), "2026-12-06");
    // New Year's Eve in Berlin is already the next year in Tokyo.
    let new_year = Date::new(&"2026-12-31T16:00:00Z".into());
    assert_eq!(office_date(&new_year, "Asia/Tokyo"), "2027-01-01");
    let pcs_own = format!("{:04}-{:02}-{:02}", late.get_full_year(), late.get_month() + 1, late.get_date());
    assert_eq!(office_date(&late, "Mars/Olympus_Mons"), pcs_own, "a zone the browser does not know");
}

/// The app picks Fluent's plural variants with the browser's `Intl.PluralRules`. Samples from
/// CLDR's rules for every shipped language, including the hundreds, where fluent-bundle's
/// `intl_pluralrules` 7.0.2 is wrong for Arabic and Romanian (it says "other" for 103).
#[wasm_bindgen_test]
fn the_browser_picks_cldr_plural_forms_for_every_language() {
    use willkommen::i18n::{Args, LANGUAGES, Translations};

    let one_other = "1 one, 0 other, 2 other, 21 other, 101 other";
    let expected = |tag: &str| match tag {
        "de" | "de-x-ls" | "en" | "tr" | "kmr" => one_other,
        "fa" | "ti" => "0 one, 1 one, 2 other, 21 other",
        "ar" => "0 zero, 1 one, 2 two, 3 few, 10 few, 103 few, 11 many, 99 many, 111 many, 100 other, 102 other",
        "pl" => "1 one, 2 few, 4 few, 22 few, 104 few, 0 many, 5 many, 12 many, 14 many, 21 many, 112 many",
        "ru" | "uk" => "1 one, 21 one, 101 one, 2 few, 22 few, 104 few, 0 many, 5 many, 11 many, 111 many",
        "ro" => "1 one, 0 few, 2 few, 19 few, 101 few, 103 few, 20 other, 100 other, 120 other",
        other => panic!("no CLDR samples for {other}: add them here"),
    };
    let source =
        "forms = { $n ->\n [zero] zero\n [one] one\n [two] two\n [few] few\n [many] many\n *[other] other\n}\n";
    let mut translations = Translations::with_source();
    for language in LANGUAGES {
        translations.add(language.tag, source.to_owned());
        for sample in expected(language.tag).split(", ") {
            let (n, category) = sample.split_once(' ').unwrap();
            let mut args = Args::new();
            args.set("n", n.parse::<u32>().unwrap());
            let shown = translations.format_in(language.tag, "forms", Some(&args));
            assert_eq!(shown.as_deref(), Some(category), "{} with {n}", language.tag);
        }
    }
}
