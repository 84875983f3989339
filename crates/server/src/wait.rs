//! The waiting-time estimate a visitor sees: from how long the last visitors of the same
//! concern took at the counter, and how many counters are calling that concern now. Shown as
//! a range, because a single number would promise more than anyone knows.

use willkommen_api::WaitEstimate;

/// Rounding step of the range, in minutes.
const STEP: u32 = 5;

/// The expected wait for a visitor with `people_ahead`, or `None` when there is no basis
/// (no service durations yet, or no counter is calling this concern).
pub fn estimate(people_ahead: u32, average_service_minutes: Option<f64>, active_counters: u32) -> Option<WaitEstimate> {
    let average = average_service_minutes.filter(|minutes| minutes.is_finite() && *minutes > 0.0)?;
    if active_counters == 0 {
        return None;
    }
    // Whole minutes: seconds of difference must not move the range by a step.
    let expected = (f64::from(people_ahead) * average / f64::from(active_counters)).round();
    let round_down = |minutes: f64| (minutes / f64::from(STEP)).floor() as u32 * STEP;
    let round_up = |minutes: f64| (minutes / f64::from(STEP)).ceil() as u32 * STEP;
    let min_minutes = round_down(expected * 0.75);
    let max_minutes = round_up(expected * 1.25).max(min_minutes + STEP);
    Some(WaitEstimate { min_minutes, max_minutes })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_ahead_at_ten_minutes_each_with_two_counters_is_about_twenty_minutes() {
        assert_eq!(estimate(4, Some(10.0), 2), Some(WaitEstimate { min_minutes: 15, max_minutes: 25 }));
    }

    #[test]
    fn the_next_visitor_waits_at_most_a_few_minutes() {
        assert_eq!(estimate(0, Some(12.0), 1), Some(WaitEstimate { min_minutes: 0, max_minutes: 5 }));
    }

    #[test]
    fn no_history_or_no_open_counter_means_no_estimate() {
        assert_eq!(estimate(3, None, 2), None);
        assert_eq!(estimate(3, Some(8.0), 0), None);
        assert_eq!(estimate(3, Some(f64::NAN), 1), None);
    }

    #[test]
    fn more_counters_mean_a_shorter_wait() {
        let one = estimate(10, Some(6.0), 1).unwrap();
        let three = estimate(10, Some(6.0), 3).unwrap();

        assert!(three.max_minutes < one.min_minutes, "{three:?} vs {one:?}");
    }
}
