//! What the readers' tests share: the office's zone, and a reader's answer as the tests
//! compare it (line, field, message of each problem).

use jiff::tz::TimeZone;

use super::FileAppointment;
use super::problems::Problems;

pub type Found = Vec<(u32, Option<String>, String)>;

pub fn berlin() -> TimeZone {
    TimeZone::get("Europe/Berlin").unwrap()
}

/// What `read` (the CSV or the iCalendar reader) makes of `text` in Berlin.
pub fn read_with(
    read: fn(&str, &TimeZone, &mut Problems) -> Vec<FileAppointment>,
    text: &str,
) -> Result<Vec<FileAppointment>, Found> {
    let mut problems = Problems::default();
    let listed = read(text, &berlin(), &mut problems);
    problems
        .into_result()
        .map_err(|found| found.into_iter().map(|p| (p.line, p.field, p.message)).collect::<Found>())?;
    Ok(listed)
}
