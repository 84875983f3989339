//! What the kiosk prints on 80 mm thermal paper through the browser's print (silently with
//! Chromium's `--kiosk-printing`): the ticket, or the document list to take home. Each in the
//! visitor's language and script, with German below for the clerk. The style sheet shows only
//! `.printout` on paper; on screen it is laid out off-screen so its height can be measured.

use crate::i18n::Args;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use willkommen_api::{self as json, SOURCE_LANGUAGE};

use super::issuing_notice::local_date_time;
use super::visit::Visit;
use crate::clock::slot_time;
use crate::components::qr_svg;
use crate::i18n::{I18n, language_info};

/// Sizes the paper to the printout (80 mm wide, as long as the content) and prints.
pub fn print_now() {
    let document = document();
    if let Some(printout) = document.query_selector(".printout").ok().flatten() {
        let height_px = printout.unchecked_ref::<web_sys::HtmlElement>().offset_height();
        // The 4 mm margins above and below, plus a little for rounding between screen and print.
        let height_mm = (f64::from(height_px) * 25.4 / 96.0).ceil() as u32 + 12;
        set_page_size(&document, &format!("@page {{ size: 80mm {height_mm}mm; margin: 4mm; }}"));
    }
    let _ = window().print();
}

/// Puts `rule` into the app's own style sheet, replacing an earlier `@page` rule. Through the
/// CSS object model, because the Content-Security-Policy allows no inline styles.
fn set_page_size(document: &web_sys::Document, rule: &str) {
    let sheets = document.style_sheets();
    let Some(sheet) = (0..sheets.length())
        .filter_map(|at| sheets.item(at)?.dyn_into::<web_sys::CssStyleSheet>().ok())
        .find(|sheet| sheet.href().ok().flatten().is_some())
    else {
        return;
    };
    let Ok(rules) = sheet.css_rules() else { return };
    for at in (0..rules.length()).rev() {
        if rules.item(at).is_some_and(|rule| rule.type_() == web_sys::CssRule::PAGE_RULE) {
            let _ = sheet.delete_rule(at);
        }
    }
    let _ = sheet.insert_rule_with_index(rule, rules.length());
}

/// `lang` and `dir` for a block in `language`.
fn direction(language: &str) -> &'static str {
    language_info(language).map_or("ltr", |info| info.direction.as_str())
}

#[component]
pub fn TicketPrintout(
    ticket: json::Ticket,
    concern: Option<json::Concern>,
    missing: Vec<json::ChecklistItem>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let visit = expect_context::<Visit>();
    let language = ticket.language.clone();
    let in_german = language != SOURCE_LANGUAGE;
    let office = visit.office.get_untracked();
    let office_name =
        office.as_ref().map(|office| office.office_name.resolve(SOURCE_LANGUAGE).unwrap_or_default().to_owned());
    let time_zone = office.map(|office| office.time_zone).unwrap_or_else(|| "Europe/Berlin".into());
    let issued_at = {
        let mut args = Args::new();
        args.set("time", local_date_time(&ticket.issued_at, &language, &time_zone));
        i18n.t_args("ticket-issued-at", &args)
    };
    // "Termin 10:30" in the visitor's language, and in German for the clerk.
    let appointment = ticket.appointment.as_ref().filter(|appointment| !appointment.late).map(|appointment| {
        let mut args = Args::new();
        args.set("time", slot_time(&appointment.slot).unwrap_or_default().to_owned());
        let german = in_german.then(|| i18n.t_in_german("ticket-appointment", Some(&args)));
        view! {
            <p class="print-concern">{i18n.t_args("ticket-appointment", &args)}</p>
            {german.map(|text| view! { <p class="print-german" lang="de" dir="ltr">{text}</p> })}
        }
    });
    let concern_here = concern.as_ref().map(|c| i18n.pick(&c.name));
    let concern_german = concern.as_ref().and_then(|c| c.name.resolve(SOURCE_LANGUAGE).map(str::to_owned));
    let position = ticket.people_ahead.map(|count| {
        let mut args = Args::new();
        args.set("count", count);
        i18n.t_args("ticket-people-ahead", &args)
    });
    let missing_view = (!missing.is_empty()).then(|| {
        let here: Vec<String> = missing.iter().map(|item| i18n.pick(&item.text)).collect();
        let german: Vec<String> =
            missing.iter().map(|item| item.text.resolve(SOURCE_LANGUAGE).unwrap_or_default().to_owned()).collect();
        view! {
            <div class="print-block" lang=language.clone() dir=direction(&language)>
                <p class="print-heading">{i18n.t("ticket-missing-heading")}</p>
                <ul>{here.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}</ul>
            </div>
            {in_german.then(|| view! {
                <div class="print-block print-german" lang="de" dir="ltr">
                    <p class="print-heading">{i18n.t_in_german("ticket-missing-heading", None)}</p>
                    <ul>{german.into_iter().map(|text| view! { <li>{text}</li> }).collect_view()}</ul>
                </div>
            })}
        }
    });
    view! {
        <div class="printout" lang=language.clone() dir=direction(&language)>
            <p class="print-office" lang="de" dir="ltr">{office_name}</p>
            <p class="print-label">{i18n.t("ticket-heading")}</p>
            <p class="print-number" dir="ltr">{ticket.number.to_string()}</p>
            {appointment}
            <p class="print-concern">{concern_here}</p>
            {in_german.then(|| view! { <p class="print-german" lang="de" dir="ltr">{concern_german}</p> })}
            {position.map(|text| view! { <p>{text}</p> })}
            <div class="print-qr" inner_html=qr_svg(&ticket.status_url).unwrap_or_default()></div>
            <p>{i18n.t("ticket-qr-hint")}</p>
            {missing_view}
            <p class="print-issued">{issued_at}</p>
        </div>
    }
}

/// The concern's document list with what the visitor has and what is missing, to take home.
#[component]
pub fn ChecklistPrintout() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let visit = expect_context::<Visit>();
    move || {
        let concern = visit.concern.get()?;
        let answers = visit.answers.get();
        let language = i18n.language();
        let in_german = language != SOURCE_LANGUAGE;
        let rows = concern
            .checklist
            .iter()
            .map(|item| {
                let mark = if answers.get(&item.id) == Some(&true) { "☑" } else { "☐" };
                let kind = if item.required { "checklist-required" } else { "checklist-if-applicable" };
                let german = in_german.then(|| item.text.resolve(SOURCE_LANGUAGE).unwrap_or_default().to_owned());
                view! {
                    <li>
                        <span aria-hidden="true">{mark}" "</span>
                        <span>{i18n.pick(&item.text)}</span>
                        " ("{i18n.t(kind)}")"
                        {german.map(|text| view! { <span class="print-german" lang="de" dir="ltr">{text}</span> })}
                    </li>
                }
            })
            .collect_view();
        Some(view! {
            <div class="printout" lang=language.clone() dir=direction(&language)>
                <p class="print-concern">{i18n.pick(&concern.name)}</p>
                {in_german.then(|| view! {
                    <p class="print-german" lang="de" dir="ltr">{concern.name.resolve(SOURCE_LANGUAGE).map(str::to_owned)}</p>
                })}
                <ul class="print-checklist">{rows}</ul>
            </div>
        })
    }
}
