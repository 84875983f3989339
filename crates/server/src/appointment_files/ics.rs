//! iCalendar import files (RFC 5545), as booking systems export a day's or week's bookings:
//! one appointment per `VEVENT` of a `VCALENDAR`.
//!
//! Read: the reference (`X-WILLKOMMEN-REFERENCE`, `X-BOOKING-REFERENCE`, else the `UID`'s part
//! before `@`), `DTSTART`, the service (`X-WILLKOMMEN-SERVICE`, else the first `CATEGORIES`,
//! else `SUMMARY`), `X-WILLKOMMEN-LANGUAGE`, `STATUS`, and the calendar's `METHOD:CANCEL`.
//! `VTIMEZONE` blocks are skipped: jiff's time zone database knows the zones a `TZID` names.
//!
//! Privacy: `ATTENDEE`, `ORGANIZER`, `CONTACT`, `DESCRIPTION`, `LOCATION` and everything else
//! (names, e-mail addresses, notes) are never read or kept, nor anything inside `VALARM`.

mod content_lines;

use jiff::ZonedDateTime;
use jiff::tz::TimeZone;

use super::problems::Problems;
use super::{FileAppointment, Listed, fields, when};
use content_lines::{ContentLine, content_lines};

/// Whether `text` is an iCalendar file rather than CSV.
pub fn is_icalendar(text: &str) -> bool {
    text.trim_start().get(..15).is_some_and(|start| start.eq_ignore_ascii_case("BEGIN:VCALENDAR"))
}

/// The properties of a `VEVENT` this import reads, each given at most once.
const SINGLE: [&str; 8] = [
    "UID",
    "DTSTART",
    "SUMMARY",
    "STATUS",
    "X-WILLKOMMEN-REFERENCE",
    "X-BOOKING-REFERENCE",
    "X-WILLKOMMEN-SERVICE",
    "X-WILLKOMMEN-LANGUAGE",
];

/// The appointments in an iCalendar file; their problems go to `problems`.
pub fn read(text: &str, time_zone: &TimeZone, problems: &mut Problems) -> Vec<Listed> {
    let mut reader = Reader {
        time_zone,
        problems,
        open: Vec::new(),
        cancels: false,
        event: None,
        events: Vec::new(),
        listed: Vec::new(),
        any_event: false,
    };
    for line in content_lines(text) {
        match line {
            Ok(line) => reader.line(line),
            Err((line, message)) => reader.problems.add(line, None, message),
        }
    }
    if let Some((component, begun)) = reader.open.last() {
        let message =
            format!("BEGIN:{component} on line {begun} is never closed by END:{component}: is the file cut off?");
        reader.problems.add(*begun, None, message);
        // What was read is still checked, so that every problem shows at once.
        while !reader.open.is_empty() {
            reader.close();
        }
    }
    if !reader.any_event {
        reader.problems.add(1, None, "the calendar has no VEVENT: it lists no appointments");
    }
    reader.listed
}

/// A `VEVENT` as read: its direct properties (not those of a `VALARM` in it).
struct Event {
    begun: u32,
    properties: Vec<ContentLine>,
}

struct Reader<'a> {
    time_zone: &'a TimeZone,
    problems: &'a mut Problems,
    /// The components begun and not yet ended, with their `BEGIN` line.
    open: Vec<(String, u32)>,
    /// The calendar being read says `METHOD:CANCEL`.
    cancels: bool,
    event: Option<Event>,
    /// The events of the calendar being read (its `METHOD` may come after them).
    events: Vec<Event>,
    listed: Vec<Listed>,
    any_event: bool,
}

impl Reader<'_> {
    fn line(&mut self, line: ContentLine) {
        match line.name.as_str() {
            "BEGIN" => self.begin(&line),
            "END" => self.end(&line),
            _ => match (self.open.len(), self.open.last().map(|(component, _)| component.as_str())) {
                (0, _) => self.problems.add(
                    line.line,
                    Some(&line.name),
                    "this property is outside BEGIN:VCALENDAR and END:VCALENDAR",
                ),
                (1, _) if line.name == "METHOD" => self.cancels = line.value.trim().eq_ignore_ascii_case("CANCEL"),
                (2, Some("VEVENT")) => {
                    if let Some(event) = self.event.as_mut() {
                        event.properties.push(line);
                    }
                }
                // Calendar properties, VTIMEZONE, VALARM, VTODO...: nothing an appointment needs.
                _ => {}
            },
        }
    }

    fn begin(&mut self, line: &ContentLine) {
        let component = line.value.trim().to_ascii_uppercase();
        match (self.open.len(), component.as_str()) {
            (0, "VCALENDAR") => self.cancels = false,
            (0, _) => self.problems.add(
                line.line,
                None,
                format!("BEGIN:{component} is outside BEGIN:VCALENDAR and END:VCALENDAR"),
            ),
            (1, "VEVENT") => {
                self.event = Some(Event { begun: line.line, properties: Vec::new() });
                self.any_event = true;
            }
            _ => {}
        }
        self.open.push((component, line.line));
    }

    fn end(&mut self, line: &ContentLine) {
        let component = line.value.trim().to_ascii_uppercase();
        let Some(depth) = self.open.iter().rposition(|(open, _)| *open == component) else {
            self.problems.add(line.line, None, format!("END:{component} has no BEGIN:{component} before it"));
            return;
        };
        if let Some((unclosed, begun)) = self.open.get(depth + 1) {
            let message = format!("END:{component} comes before END:{unclosed} for BEGIN:{unclosed} on line {begun}");
            self.problems.add(line.line, None, message);
        }
        while self.open.len() > depth {
            self.close();
        }
    }

    /// Ends the innermost open component: an event joins its calendar's, a calendar's
    /// events become appointments.
    fn close(&mut self) {
        let Some((component, _)) = self.open.pop() else { return };
        match (self.open.len(), component.as_str()) {
            (1, "VEVENT") => self.events.extend(self.event.take()),
            (0, "VCALENDAR") => {
                for event in std::mem::take(&mut self.events) {
                    let appointment = appointment(&event, self.cancels, self.time_zone, self.problems);
                    self.listed.extend(appointment);
                }
            }
            _ => {}
        }
    }
}

/// The appointment an event describes, or `None` with its problems (all of them).
fn appointment(event: &Event, cancels: bool, time_zone: &TimeZone, problems: &mut Problems) -> Option<Listed> {
    let first = |name: &str| event.properties.iter().find(|property| property.name == name);
    for name in SINGLE {
        let mut given = event.properties.iter().filter(|property| property.name == name);
        if let (Some(first), Some(again)) = (given.next(), given.next()) {
            problems.add(
                again.line,
                Some(name),
                format!("{name} is given twice in this VEVENT (also on line {})", first.line),
            );
        }
    }
    for name in ["RRULE", "RDATE"] {
        if let Some(repeats) = first(name) {
            problems.add(
                repeats.line,
                Some(name),
                "a repeating event is not one appointment: export each appointment as its own VEVENT",
            );
        }
    }
    let reference_property =
        first("X-WILLKOMMEN-REFERENCE").or_else(|| first("X-BOOKING-REFERENCE")).or_else(|| first("UID"));
    let reference = reference_property.and_then(|property| {
        let text = property.text();
        if property.name != "UID" {
            return problems.check(property.line, &property.name, fields::reference(&text));
        }
        let before_at = text.split('@').next().unwrap_or_default();
        problems.check(
            property.line,
            &property.name,
            fields::reference(before_at)
                .map_err(|why| format!("the UID's part before \"@\" is the reference, but {why}")),
        )
    });
    let start = first("DTSTART");
    let slot = start.and_then(|start| problems.check(start.line, &start.name, start_time(start, time_zone)));
    let service_property = first("X-WILLKOMMEN-SERVICE").or_else(|| first("CATEGORIES")).or_else(|| first("SUMMARY"));
    let service = service_property.and_then(|property| {
        let name = if property.name == "CATEGORIES" { property.texts().swap_remove(0) } else { property.text() };
        problems.check(property.line, &property.name, fields::service(&name))
    });
    let language = first("X-WILLKOMMEN-LANGUAGE").map_or(Some(None), |property| {
        problems.check(property.line, &property.name, fields::language(&property.text()))
    });
    let cancelled = first("STATUS")
        .map_or(Some(false), |status| problems.check(status.line, &status.name, cancelled(&status.value)));

    if reference_property.is_none() {
        problems.add(
            event.begun,
            Some("UID"),
            "this VEVENT has no booking reference: give it X-WILLKOMMEN-REFERENCE, X-BOOKING-REFERENCE or a UID",
        );
    }
    if start.is_none() {
        problems.add(
            event.begun,
            Some("DTSTART"),
            "this VEVENT has no DTSTART: an appointment needs its date and time",
        );
    }
    if service_property.is_none() {
        problems.add(
            event.begun,
            Some("SUMMARY"),
            "this VEVENT names no service: give it X-WILLKOMMEN-SERVICE, CATEGORIES or SUMMARY",
        );
    }
    let ((reference, reference_key), slot, service, language, cancelled) =
        (reference?, slot?, service?, language?, cancelled?);
    Some(Listed {
        appointment: FileAppointment {
            line: event.begun,
            reference,
            reference_key,
            slot,
            service,
            language,
            cancelled: cancelled || cancels,
        },
        reference_field: reference_property?.name.clone(),
    })
}

fn cancelled(status: &str) -> Result<bool, String> {
    match status.trim().to_ascii_uppercase().as_str() {
        "CANCELLED" => Ok(true),
        "CONFIRMED" | "TENTATIVE" => Ok(false),
        other => Err(format!("{other:?} is not an event's status: TENTATIVE, CONFIRMED or CANCELLED")),
    }
}

/// `DTSTART` in the office's time zone: a local time in its `TZID`, in UTC (`Z`), or floating
/// (no zone: the office's).
fn start_time(start: &ContentLine, time_zone: &TimeZone) -> Result<ZonedDateTime, String> {
    let value = start.value.trim();
    let all_day = || format!("{value:?} is a date without a time (an all-day event): an appointment needs its time");
    match start.param("VALUE").map(str::to_ascii_uppercase).as_deref() {
        None | Some("DATE-TIME") => {}
        Some("DATE") => return Err(all_day()),
        Some(other) => return Err(format!("VALUE={other} is not a date and time")),
    }
    if value.len() == 8 && when::digits(&value[..4]).is_some() && when::digits(&value[4..]).is_some() {
        return Err(all_day());
    }
    let (local, utc) = match value.strip_suffix(['Z', 'z']) {
        Some(local) => (local, true),
        None => (value, false),
    };
    let expected =
        || format!("{value:?} is not an iCalendar date and time: write it 20261207T103000, in UTC 20261207T093000Z");
    let number = |range: std::ops::Range<usize>| local.get(range).and_then(when::digits).ok_or_else(expected);
    if local.len() != 15 || !local[8..9].eq_ignore_ascii_case("T") {
        return Err(expected());
    }
    let date = when::date_of(value, number(0..4)?, number(4..6)?, number(6..8)?)?;
    let time = when::time_of(value, number(9..11)?, number(11..13)?, number(13..15)?)?;
    let local = date.to_datetime(time);
    if utc {
        return Ok(when::zoned(local, &TimeZone::UTC)?.with_time_zone(time_zone.clone()));
    }
    match start.param("TZID") {
        Some(zone) => Ok(when::zoned(local, &named_zone(zone)?)?.with_time_zone(time_zone.clone())),
        None => when::zoned(local, time_zone),
    }
}

/// The zone a `TZID` names: an IANA name, also with a prefix as some calendar programs write
/// them (`/mozilla.org/20050126_1/Europe/Berlin`).
fn named_zone(tzid: &str) -> Result<TimeZone, String> {
    let tzid = tzid.trim();
    std::iter::once(tzid)
        .chain(tzid.match_indices('/').map(|(at, _)| &tzid[at + 1..]))
        .find_map(|name| TimeZone::get(name).ok())
        .ok_or_else(|| {
            format!("TZID={tzid:?} is not a time zone this server knows: use an IANA name such as Europe/Berlin")
        })
}
