//! Time zones for tests that need the office at a certain hour, whenever the suite runs.

use jiff::Timestamp;

/// A fixed-offset zone in which it is now about noon (within the hour), so that opening hours,
/// check-in windows and "today" hold whatever the time of the run.
pub fn zone_where_it_is_noon() -> String {
    let utc_hour = i64::from(Timestamp::now().to_zoned_datetime(jiff::tz::TimeZone::UTC).hour());
    // The Etc zones' signs are POSIX's, the other way round: Etc/GMT-3 is three hours ahead.
    match (12 - utc_hour).clamp(-12, 14) {
        0 => "Etc/GMT".to_owned(),
        ahead if ahead > 0 => format!("Etc/GMT-{ahead}"),
        behind => format!("Etc/GMT+{}", -behind),
    }
}
