//! The office's time of day ("14:05") and date, whatever time zone the PC showing it is set
//! to: the lobby display's clock, which visitors compare with the times on their tickets, and
//! the day whose appointments the admin console shows first; and an appointment's time.

use wasm_bindgen::prelude::*;
use web_sys::js_sys::{Array, Date, Intl, Object, Reflect};

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

    /// `Intl.DateTimeFormat` again, for the parts of a date (year, month, day).
    #[wasm_bindgen(js_namespace = Intl, js_name = DateTimeFormat)]
    type DateParts;

    #[wasm_bindgen(constructor, js_namespace = Intl, js_class = "DateTimeFormat", catch)]
    fn new(locale: &str, options: &Object) -> Result<DateParts, JsValue>;

    #[wasm_bindgen(method, js_name = formatToParts)]
    fn format_to_parts(this: &DateParts, date: &Date) -> Array;
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

/// `now`'s date in `time_zone` as `YYYY-MM-DD`, or the PC's own date if the browser does not
/// know the zone.
pub fn office_date(now: &Date, time_zone: &str) -> String {
    let options = Intl::DateTimeFormatOptions::new();
    options.set_time_zone(time_zone);
    options.set_year(Intl::YearFormat::Numeric);
    options.set_month(Intl::MonthFormat::TwoDigit);
    options.set_day(Intl::DayFormat::TwoDigit);
    let parts = DateParts::new("en-US", &options).map(|format| format.format_to_parts(now));
    let part = |parts: &Array, kind: &str| {
        parts.iter().find_map(|part| {
            let is_kind = Reflect::get(&part, &"type".into()).ok()?.as_string()? == kind;
            is_kind.then(|| Reflect::get(&part, &"value".into()).ok()?.as_string()).flatten()
        })
    };
    if let Ok(parts) = parts
        && let (Some(year), Some(month), Some(day)) = (part(&parts, "year"), part(&parts, "month"), part(&parts, "day"))
    {
        return format!("{year}-{month}-{day}");
    }
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

/// The time of an appointment's slot as the office reads it ("10:30"). Slots are written in
/// the office's own offset (`2026-12-07T10:30:00+01:00`), so the clock time in them is the
/// office's, whatever the PC or phone showing it is set to. `None` for what is not a slot.
pub fn slot_time(slot: &str) -> Option<&str> {
    let bytes = slot.as_bytes();
    let time = slot.get(11..16)?;
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    let well_formed = matches!(bytes[10], b'T' | b't' | b' ') && bytes[13] == b':' && digits(11..13) && digits(14..16);
    well_formed.then_some(time)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::slot_time;

    #[test]
    fn a_slot_shows_the_offices_clock_time_written_in_it() {
        assert_eq!(slot_time("2026-12-07T10:30:00+01:00"), Some("10:30"));
        assert_eq!(slot_time("2026-03-29T03:05:00+02:00"), Some("03:05"), "after the change to summer time");
        assert_eq!(slot_time("2026-12-07 09:00"), Some("09:00"));
        assert_eq!(slot_time("2026-12-07"), None);
        assert_eq!(slot_time("2026-12-07T1x:30:00Z"), None);
        assert_eq!(slot_time(""), None);
    }
}
