//! The office's time of day ("14:05"), whatever time zone the PC showing it is set to: the
//! lobby display's clock, which visitors compare with the times on their tickets.

use wasm_bindgen::prelude::*;
use web_sys::js_sys::{Date, Intl, Object};

#[wasm_bindgen]
extern "C" {
    /// `Intl.DateTimeFormat`, bound here because js-sys's constructor cannot catch the
    /// `RangeError` it throws for a time zone the browser does not know.
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type HoursMinutes;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DateTimeFormat", catch)]
    fn new(locale: &str, options: &Object) -> Result<HoursMinutes, JsValue>;

    #[wasm_bindgen(method)]
    fn format(this: &HoursMinutes, date: &Date) -> String;
}

/// Hours and minutes in a time zone; the formatter is made once per zone.
#[derive(Default)]
pub struct OfficeClock {
    zone: Option<String>,
    format: Option<HoursMinutes>,
}

impl OfficeClock {
    /// `now` as "HH:MM" in `time_zone` (an IANA name such as `Europe/Berlin`), or in the PC's
    /// own time zone while the office's is not known or if the browser does not know it.
    pub fn show(&mut self, now: &Date, time_zone: Option<&str>) -> String {
        if self.zone.as_deref() != time_zone {
            self.zone = time_zone.map(str::to_owned);
            self.format = time_zone.and_then(|zone| {
                let options = Intl::DateTimeFormatOptions::new();
                options.set_time_zone(zone);
                options.set_hour(Intl::NumericFormat::TwoDigit);
                options.set_minute(Intl::NumericFormat::TwoDigit);
                options.set_hour_cycle(Intl::HourCycle::H23);
                HoursMinutes::new("de", &options).ok()
            });
        }
        match &self.format {
            Some(format) => format.format(now),
            None => format!("{:02}:{:02}", now.get_hours(), now.get_minutes()),
        }
    }
}
