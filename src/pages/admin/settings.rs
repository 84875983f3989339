//! The office's settings: name per language, kiosk languages and their order, opening hours,
//! closed days, cut-off, inactivity timeout, no-show rule, retention, QR code address, where
//! "I am not sure" leads, and the appointment rules (`appointment_rules.rs`).

use leptos::prelude::*;
use willkommen_api::{ConcernId, KIOSK_LANGUAGES, OfficeConfig, TimeRange, Weekday};

use super::appointment_rules::AppointmentRules;
use super::concern_editor::{LanguageChoice, TranslationPair};
use super::concerns::display_name;
use super::console::Console;
use super::fields::{TextInput, TextRef};
use crate::i18n::{I18n, language_info};

#[component]
pub fn Settings() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let read = move |get: fn(&OfficeConfig) -> String| {
        move || console.document.with(|d| d.as_ref().map(get).unwrap_or_default())
    };
    let time_zone = move |event: leptos::ev::Event| {
        let value = event_target_value(&event).trim().to_owned();
        console.edit(|d| d.time_zone = value);
    };
    let public_url = move |event: leptos::ev::Event| {
        let value = event_target_value(&event).trim().trim_end_matches('/').to_owned();
        console.edit(|d| d.public_base_url = (!value.is_empty()).then_some(value));
    };
    let information = move |event: leptos::ev::Event| {
        let value = event_target_value(&event);
        console.edit(|d| d.information_concern = (!value.is_empty()).then_some(ConcernId(value)));
    };
    let concern_options = move || {
        console.document.with(|d| {
            let d = d.as_ref()?;
            let chosen = d.information_concern.clone();
            Some(
                d.concerns
                    .iter()
                    .map(|c| {
                        let selected = chosen.as_ref() == Some(&c.id);
                        view! { <option value=c.id.0.clone() selected=selected>{display_name(c)}</option> }
                    })
                    .collect_view(),
            )
        })
    };
    view! {
        <section class="admin-settings" aria-labelledby="settings-heading">
            <h1 id="settings-heading">{move || i18n.t("admin-section-settings")}</h1>
            <fieldset class="admin-group">
                <legend>{move || i18n.t("admin-office-name")}</legend>
                <LanguageChoice/>
                <TranslationPair text=TextRef::OfficeName label="admin-office-name"/>
            </fieldset>
            <fieldset class="admin-group">
                <legend>{move || i18n.t("admin-display-info")}</legend>
                <div class="admin-pair">
                    <TextInput text=TextRef::DisplayInfo language="de".to_owned() label=Signal::derive(move || format!("{} ({})", i18n.t("admin-display-info"), german_name("de")))/>
                    <TextInput text=TextRef::DisplayInfo language="en".to_owned() label=Signal::derive(move || format!("{} ({})", i18n.t("admin-display-info"), german_name("en")))/>
                </div>
            </fieldset>
            <KioskLanguages/>
            <fieldset class="admin-group">
                <legend>{move || i18n.t("admin-opening")}</legend>
                <div class="admin-field">
                    <label for="time-zone">{move || i18n.t("admin-time-zone")}</label>
                    <input id="time-zone" prop:value=read(|d| d.time_zone.clone()) on:change=time_zone/>
                </div>
                <OpeningHours/>
                <ClosedDays/>
                <NumberField id="cutoff" label="admin-cutoff" get=|d| d.cutoff_minutes set=|d, v| d.cutoff_minutes = v/>
            </fieldset>
            <fieldset class="admin-group">
                <legend>{move || i18n.t("admin-kiosk-behaviour")}</legend>
                <NumberField id="idle" label="admin-idle-seconds" get=|d| d.inactivity.idle_seconds set=|d, v| d.inactivity.idle_seconds = v/>
                <NumberField id="warning" label="admin-warning-seconds" get=|d| d.inactivity.warning_seconds set=|d, v| d.inactivity.warning_seconds = v/>
                <div class="admin-field">
                    <label for="information-concern">{move || i18n.t("admin-information-concern")}</label>
                    <select id="information-concern" on:change=information>
                        <option value="">{move || i18n.t("admin-none")}</option>
                        {concern_options}
                    </select>
                </div>
            </fieldset>
            <fieldset class="admin-group">
                <legend>{move || i18n.t("admin-queue-rules")}</legend>
                <NumberField id="no-show" label="admin-no-show-after" get=|d| d.no_show_after_calls set=|d, v| d.no_show_after_calls = v/>
                <NumberField id="retention" label="admin-retention-days" get=|d| d.retention_days set=|d, v| d.retention_days = v/>
                <NumberField id="notify-ahead" label="admin-notify-ahead" get=|d| d.notify_ahead set=|d, v| d.notify_ahead = v/>
                <div class="admin-field">
                    <label for="public-url">{move || i18n.t("admin-public-url")}</label>
                    <input id="public-url" type="url" inputmode="url" placeholder="https://termine.example.de"
                        prop:value=read(|d| d.public_base_url.clone().unwrap_or_default()) on:change=public_url/>
                    <p class="admin-help">{move || i18n.t("admin-public-url-help")}</p>
                </div>
            </fieldset>
            <AppointmentRules/>
        </section>
    }
}

/// A whole number of the document. What is not a number is left as it was.
#[component]
pub fn NumberField(
    id: &'static str,
    label: &'static str,
    get: fn(&OfficeConfig) -> u32,
    set: fn(&mut OfficeConfig, u32),
    /// The largest value the office can use, if the field says so.
    #[prop(optional)]
    max: Option<u32>,
) -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let value = move || console.document.with(|d| d.as_ref().map(|d| get(d).to_string()).unwrap_or_default());
    let change = move |event: leptos::ev::Event| {
        if let Ok(number) = event_target_value(&event).trim().parse::<u32>() {
            console.edit(|d| set(d, number));
        }
    };
    view! {
        <div class="admin-field">
            <label for=id>{move || i18n.t(label)}</label>
            <input id=id type="number" min="0" max=max inputmode="numeric" prop:value=value on:change=change/>
        </div>
    }
}

/// The languages the kiosk offers (ticked), in the order it shows them.
#[component]
fn KioskLanguages() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let rows = move || {
        let offered = console.document.with(|d| d.as_ref().map(|d| d.languages.clone()).unwrap_or_default());
        let others = KIOSK_LANGUAGES.iter().filter(|tag| !offered.iter().any(|o| o == *tag)).map(|tag| tag.to_string());
        let count = offered.len();
        offered
            .clone()
            .into_iter()
            .chain(others)
            .enumerate()
            .map(|(at, tag)| {
                let on = at < count;
                let info = language_info(&tag);
                let name = info.map_or_else(|| tag.clone(), |info| format!("{} · {}", info.endonym, info.german_name));
                let id = format!("offer-{tag}");
                let toggle = {
                    let tag = tag.clone();
                    move |_| {
                        let tag = tag.clone();
                        console.edit(move |d| match d.languages.iter().position(|t| *t == tag) {
                            Some(at) => {
                                d.languages.remove(at);
                            }
                            None => d.languages.push(tag),
                        })
                    }
                };
                let shift = move |by: isize| {
                    console.edit(move |d| {
                        let to = at as isize + by;
                        if (0..d.languages.len() as isize).contains(&to) && at < d.languages.len() {
                            d.languages.swap(at, to as usize);
                        }
                    })
                };
                let up = format!("{} {}", i18n.t("admin-move-up-short"), name);
                let down = format!("{} {}", i18n.t("admin-move-down-short"), name);
                view! {
                    <li>
                        <span class="admin-check">
                            <input type="checkbox" id=id.clone() prop:checked=on on:change=toggle/>
                            <label for=id>{name}</label>
                        </span>
                        {on.then(|| view! {
                            <button type="button" disabled={at == 0} on:click=move |_| shift(-1)>
                                <span aria-hidden="true">"↑"</span><span class="visually-hidden">{up}</span>
                            </button>
                            <button type="button" disabled={at + 1 >= count} on:click=move |_| shift(1)>
                                <span aria-hidden="true">"↓"</span><span class="visually-hidden">{down}</span>
                            </button>
                        })}
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <fieldset class="admin-group">
            <legend>{move || i18n.t("admin-kiosk-languages")}</legend>
            <ul class="admin-language-list">{rows}</ul>
        </fieldset>
    }
}

#[component]
fn OpeningHours() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    Weekday::ALL
        .into_iter()
        .map(|day| {
            let ranges = move || {
                console
                    .document
                    .with(|d| d.as_ref().and_then(|d| d.opening_hours.0.get(&day).cloned()).unwrap_or_default())
            };
            let add = move |_| {
                console.edit(|d| {
                    d.opening_hours
                        .0
                        .entry(day)
                        .or_default()
                        .push(TimeRange { from: "08:00".into(), to: "12:00".into() })
                })
            };
            let day_name = move || i18n.t(weekday_key(day));
            view! {
                <div class="admin-day" role="group" aria-label=day_name>
                    <span class="admin-day-name">{day_name}</span>
                    {move || {
                        let ranges = ranges();
                        if ranges.is_empty() {
                            return view! { <span>{i18n.t("admin-closed")}</span> }.into_any();
                        }
                        ranges.into_iter().enumerate().map(|(at, range)| {
                            let set = move |from: bool| move |event: leptos::ev::Event| {
                                let value = event_target_value(&event);
                                console.edit(|d| {
                                    if let Some(range) = d.opening_hours.0.get_mut(&day).and_then(|r| r.get_mut(at)) {
                                        if from { range.from = value } else { range.to = value }
                                    }
                                })
                            };
                            let remove = move |_| console.edit(|d| {
                                if let Some(ranges) = d.opening_hours.0.get_mut(&day) && at < ranges.len() {
                                    ranges.remove(at);
                                }
                            });
                            let from_label = format!("{} {}", day_name(), i18n.t("admin-from"));
                            let to_label = format!("{} {}", day_name(), i18n.t("admin-to"));
                            view! {
                                <span class="admin-range">
                                    <input type="time" aria-label=from_label prop:value=range.from on:change=set(true)/>
                                    "–"
                                    <input type="time" aria-label=to_label prop:value=range.to on:change=set(false)/>
                                    <button type="button" on:click=remove>{i18n.t("admin-remove")}</button>
                                </span>
                            }
                        }).collect_view().into_any()
                    }}
                    <button type="button" on:click=add>{move || i18n.t("admin-add-hours")}</button>
                </div>
            }
        })
        .collect_view()
}

#[component]
fn ClosedDays() -> impl IntoView {
    let i18n = expect_context::<I18n>();
    let console = expect_context::<Console>();
    let new_day = RwSignal::new(String::new());
    let days = move || console.document.with(|d| d.as_ref().map(|d| d.closed_days.clone()).unwrap_or_default());
    let add = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        let day = new_day.get_untracked();
        if !day.is_empty() {
            console.edit(|d| {
                if !d.closed_days.contains(&day) {
                    d.closed_days.push(day);
                    d.closed_days.sort();
                }
            });
            new_day.set(String::new());
        }
    };
    view! {
        <div class="admin-closed-days">
            <h2>{move || i18n.t("admin-closed-days")}</h2>
            <ul>
                {move || days().into_iter().map(|day| {
                    let label = format!("{} {day}", i18n.t("admin-remove"));
                    let gone = day.clone();
                    view! {
                        <li>{day}" "<button type="button" aria-label=label on:click=move |_| {
                            let gone = gone.clone();
                            console.edit(move |d| d.closed_days.retain(|x| *x != gone))
                        }>{i18n.t("admin-remove")}</button></li>
                    }
                }).collect_view()}
            </ul>
            <form on:submit=add>
                <label for="closed-day">{move || i18n.t("admin-closed-day-add")}</label>
                <input id="closed-day" type="date" bind:value=new_day/>
                <button type="submit">{move || i18n.t("admin-add")}</button>
            </form>
        </div>
    }
}

/// A language's name as the console labels its fields ("Deutsch", "Englisch").
fn german_name(tag: &str) -> &'static str {
    language_info(tag).map_or("", |info| info.german_name)
}

fn weekday_key(day: Weekday) -> &'static str {
    match day {
        Weekday::Monday => "admin-monday",
        Weekday::Tuesday => "admin-tuesday",
        Weekday::Wednesday => "admin-wednesday",
        Weekday::Thursday => "admin-thursday",
        Weekday::Friday => "admin-friday",
        Weekday::Saturday => "admin-saturday",
        Weekday::Sunday => "admin-sunday",
    }
}
