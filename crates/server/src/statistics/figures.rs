//! A range's figures, added up from its days: the summed days as the database groups them,
//! and the days not summed yet (today) as [`DaySums`]. The report's tables are read from here.

use std::collections::BTreeMap;

use super::sums::{ALL_CONCERNS, DaySums, Histogram, Measure, Sums, add_histogram};
use super::visits::Booking;

/// A concern's daily quota and when it ran out.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuotaRunOut {
    pub day: String,
    pub concern: String,
    pub quota: i64,
    /// RFC 3339 with the office's offset.
    pub ran_out_at: String,
}

#[derive(Debug, Default)]
pub struct Figures {
    /// Per hour (-1: a day summed before hours were kept), concern and booking.
    pub hours: BTreeMap<(i64, String, Booking), Sums>,
    /// Per office day, everything together.
    pub days: BTreeMap<String, Sums>,
    pub durations: BTreeMap<(String, Booking, Measure), Histogram>,
    /// (concern, language) → visitors.
    pub languages: BTreeMap<(String, String), i64>,
    /// (concern, item) → (asked, missing).
    pub documents: BTreeMap<(String, String), (i64, i64)>,
    /// (hour, concern or `*`) → the most waiting at once on any day.
    pub peaks: BTreeMap<(i64, String), i64>,
    /// (concern, reason) → visitors.
    pub turned_away: BTreeMap<(String, String), i64>,
    /// (concern, language, rating) → answers, then how many ticked each reason in
    /// `FeedbackReason::ALL`'s order.
    pub feedback: BTreeMap<(String, String, i64), [i64; 6]>,
    pub quotas: Vec<QuotaRunOut>,
}

impl Figures {
    /// Adds a day that is not summed in the tables yet.
    pub fn add_day(&mut self, day: &str, sums: &DaySums) {
        for ((hour, concern, booking), hour_sums) in &sums.hours {
            self.hours.entry((*hour, concern.clone(), *booking)).or_default().add(hour_sums);
            self.days.entry(day.to_owned()).or_default().add(hour_sums);
        }
        for (key, histogram) in &sums.durations {
            add_histogram(self.durations.entry(key.clone()).or_default(), histogram);
        }
        for ((concern, _, language), visitors) in &sums.languages {
            *self.languages.entry((concern.clone(), language.clone())).or_default() += visitors;
        }
        for (key, (asked, missing)) in &sums.documents {
            let entry = self.documents.entry(key.clone()).or_default();
            entry.0 += asked;
            entry.1 += missing;
        }
        for (key, peak) in &sums.peaks {
            let entry = self.peaks.entry(key.clone()).or_default();
            *entry = (*entry).max(*peak);
        }
    }

    /// Whether any visitor of the range came with an appointment.
    pub fn has_appointments(&self) -> bool {
        self.hours.iter().any(|((_, _, booking), sums)| *booking == Booking::Appointment && sums.issued > 0)
    }

    /// The sums per concern (and [`ALL_CONCERNS`]) and booking (`None`: both).
    pub fn by_concern(&self) -> BTreeMap<(String, Option<Booking>), Sums> {
        let mut sums: BTreeMap<(String, Option<Booking>), Sums> = BTreeMap::new();
        for ((_, concern, booking), hour_sums) in &self.hours {
            for concern in [concern.as_str(), ALL_CONCERNS] {
                for booking in [None, Some(*booking)] {
                    sums.entry((concern.to_owned(), booking)).or_default().add(hour_sums);
                }
            }
        }
        sums
    }

    /// The histogram of `measure` per concern (and [`ALL_CONCERNS`]) and booking (`None`: both).
    pub fn histograms(&self, measure: Measure) -> BTreeMap<(String, Option<Booking>), Histogram> {
        let mut histograms: BTreeMap<(String, Option<Booking>), Histogram> = BTreeMap::new();
        for ((concern, booking, of), histogram) in &self.durations {
            if *of != measure {
                continue;
            }
            for concern in [concern.as_str(), ALL_CONCERNS] {
                for booking in [None, Some(*booking)] {
                    add_histogram(histograms.entry((concern.to_owned(), booking)).or_default(), histogram);
                }
            }
        }
        histograms
    }
}

/// The nearest-rank percentile (0 < `percent` ≤ 100) of a histogram: the smallest value that
/// at least `percent` % of the counted visitors did not exceed.
pub fn percentile(histogram: &Histogram, percent: i64) -> Option<i64> {
    let total: i64 = histogram.values().sum();
    if total == 0 {
        return None;
    }
    // ceil(total × percent / 100), in whole numbers.
    let rank = (total * percent + 99) / 100;
    let mut seen = 0;
    histogram.iter().find_map(|(value, count)| {
        seen += count;
        (seen >= rank).then_some(*value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentiles_take_the_nearest_rank() {
        let histogram = Histogram::from([(3, 1), (5, 2), (9, 1), (40, 1)]);
        assert_eq!(percentile(&histogram, 50), Some(5)); // rank 3 of 5
        assert_eq!(percentile(&histogram, 90), Some(40)); // rank 5 of 5
        assert_eq!(percentile(&Histogram::from([(7, 10)]), 90), Some(7));
        assert_eq!(percentile(&Histogram::from([(1, 1), (2, 1)]), 50), Some(1));
        assert_eq!(percentile(&Histogram::new(), 50), None);
    }
}
