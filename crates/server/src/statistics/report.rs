//! The report's tables, read from a range's [`Figures`] (`docs/statistics.md` defines each
//! column).

use std::collections::BTreeMap;

use jiff::civil::Date;
use willkommen_api::{self as json, Cell, ColumnKind, StatisticsColumn, StatisticsTable};

use super::figures::{Figures, percentile};
use super::sums::{ALL_CONCERNS, Histogram, Measure, Sums};
use super::visits::Booking;

/// Answers to "How was your visit?" are shown for a group of at least this many: with fewer,
/// one answer could be told from the others, and with it how one visit (and so perhaps one
/// clerk's work) was rated. Only their number is shown then.
pub const FEEDBACK_SHOWN_FROM: i64 = 5;

/// The wait distribution's buckets: from (included) and to (excluded) minutes.
const WAIT_BUCKETS: [(i64, Option<i64>); 10] = [
    (0, Some(5)),
    (5, Some(10)),
    (10, Some(15)),
    (15, Some(20)),
    (20, Some(30)),
    (30, Some(45)),
    (45, Some(60)),
    (60, Some(90)),
    (90, Some(120)),
    (120, None),
];

/// Everything a report says about the office's days `from` to `to`.
pub fn report(
    figures: &Figures,
    office: &json::OfficeConfig,
    from: Date,
    to: Date,
    generated_at: String,
) -> json::StatisticsReport {
    let has_appointments = figures.has_appointments();
    let names = ConcernNames::of(office);
    let sums = figures.by_concern();
    let waits = figures.histograms(Measure::Wait);
    json::StatisticsReport {
        office: office.office_name.get(json::SOURCE_LANGUAGE).unwrap_or_default().to_owned(),
        from: from.to_string(),
        to: to.to_string(),
        time_zone: office.time_zone.clone(),
        generated_at,
        has_appointments,
        tables: vec![
            visitors(figures, &sums, &names, has_appointments),
            waiting(figures, &sums, &waits, &names, has_appointments),
            days(figures, from, to),
            hours(figures, &names),
            wait_distribution(&waits),
            languages(figures, &names),
            documents(figures, office, &names),
            quotas(figures, &names),
            turned_away(figures, &names),
            feedback(figures, &names),
        ],
    }
}

/// A table under construction.
struct Table {
    table: StatisticsTable,
}

impl Table {
    fn new(id: &str, columns: &[(&str, ColumnKind)]) -> Self {
        let columns = columns.iter().map(|(id, kind)| StatisticsColumn { id: (*id).to_owned(), kind: *kind }).collect();
        Self { table: StatisticsTable { id: id.to_owned(), columns, rows: Vec::new() } }
    }

    fn row(&mut self, cells: Vec<Cell>) {
        debug_assert_eq!(cells.len(), self.table.columns.len());
        self.table.rows.push(cells);
    }
}

/// The concerns' German names, in the office's order (removed ones last, by id).
struct ConcernNames {
    order: Vec<String>,
    names: BTreeMap<String, String>,
}

impl ConcernNames {
    fn of(office: &json::OfficeConfig) -> Self {
        Self {
            order: office.concerns.iter().map(|concern| concern.id.as_str().to_owned()).collect(),
            names: office
                .concerns
                .iter()
                .map(|concern| {
                    let name = concern.name.get(json::SOURCE_LANGUAGE).unwrap_or(concern.id.as_str()).to_owned();
                    (concern.id.as_str().to_owned(), name)
                })
                .collect(),
        }
    }

    fn name(&self, concern: &str) -> Cell {
        if concern == ALL_CONCERNS {
            return text("Alle Anliegen");
        }
        text(self.names.get(concern).map_or(concern, String::as_str))
    }

    /// `*` first, then the configured concerns, then any others that `present` holds.
    fn sorted<'a>(&self, present: impl IntoIterator<Item = &'a String>) -> Vec<String> {
        let present: std::collections::BTreeSet<&String> = present.into_iter().collect();
        let mut sorted = vec![ALL_CONCERNS.to_owned()];
        sorted.extend(self.order.iter().filter(|concern| present.contains(concern)).cloned());
        sorted.extend(
            present
                .into_iter()
                .filter(|concern| concern.as_str() != ALL_CONCERNS && !self.order.contains(concern))
                .cloned(),
        );
        sorted
    }
}

fn text(value: &str) -> Cell {
    Cell::Text(value.to_owned())
}

fn count(value: i64) -> Cell {
    Cell::Integer(value)
}

/// Seconds as minutes to one decimal.
fn minutes(seconds: i64) -> Cell {
    #[allow(clippy::cast_precision_loss)]
    Cell::Decimal((seconds as f64 / 6.0).round() / 10.0)
}

/// A mean of seconds in minutes; empty for nobody.
fn mean_minutes(seconds: i64, of: i64) -> Cell {
    if of == 0 {
        return Cell::Empty;
    }
    #[allow(clippy::cast_precision_loss)]
    let mean = seconds as f64 / of as f64 / 60.0;
    Cell::Decimal((mean * 10.0).round() / 10.0)
}

fn share(part: i64, of: i64) -> Cell {
    if of == 0 {
        return Cell::Empty;
    }
    #[allow(clippy::cast_precision_loss)]
    let share = part as f64 / of as f64;
    Cell::Decimal((share * 1000.0).round() / 1000.0)
}

fn whole_minutes(value: Option<i64>) -> Cell {
    value.map_or(Cell::Empty, |minutes| Cell::Decimal(minutes as f64))
}

/// The (concern, booking) rows of the two per-concern tables: `all` always, the two
/// bookings when the range has appointments.
fn concern_rows(figures: &Figures, names: &ConcernNames, has_appointments: bool) -> Vec<(String, Option<Booking>)> {
    let concerns = figures.hours.keys().map(|(_, concern, _)| concern);
    let mut rows = Vec::new();
    for concern in names.sorted(concerns) {
        rows.push((concern.clone(), None));
        if has_appointments {
            rows.push((concern.clone(), Some(Booking::WalkIn)));
            rows.push((concern, Some(Booking::Appointment)));
        }
    }
    rows
}

fn booking_cell(booking: Option<Booking>) -> Cell {
    text(booking.map_or("all", Booking::as_str))
}

/// Sums or histograms per concern (and `*`) and booking (`None`: both), as [`Figures`] adds
/// them up.
type PerConcern<T> = BTreeMap<(String, Option<Booking>), T>;

fn visitors(
    figures: &Figures,
    sums: &PerConcern<Sums>,
    names: &ConcernNames,
    has_appointments: bool,
) -> StatisticsTable {
    use ColumnKind::{Count, Share, Text};
    let mut table = Table::new(
        "visitors",
        &[
            ("concern", Text),
            ("concern_name", Text),
            ("booking", Text),
            ("issued", Count),
            ("served", Count),
            ("no_show", Count),
            ("cancelled", Count),
            ("transferred", Count),
            ("unserved", Count),
            ("turned_away", Count),
            ("complete_documents", Share),
        ],
    );
    let mut turned_away: BTreeMap<&str, i64> = BTreeMap::new();
    for ((concern, _), visitors) in &figures.turned_away {
        *turned_away.entry(concern).or_default() += visitors;
        *turned_away.entry(ALL_CONCERNS).or_default() += visitors;
    }
    for (concern, booking) in concern_rows(figures, names, has_appointments) {
        let s = sums.get(&(concern.clone(), booking)).copied().unwrap_or_default();
        let away = match booking {
            Some(Booking::Appointment) => 0,
            _ => turned_away.get(concern.as_str()).copied().unwrap_or(0),
        };
        table.row(vec![
            text(&concern),
            names.name(&concern),
            booking_cell(booking),
            count(s.issued),
            count(s.served),
            count(s.no_show),
            count(s.cancelled),
            count(s.transferred),
            count(s.issued - s.served - s.no_show - s.cancelled),
            count(away),
            share(s.complete_checklists, s.checklists),
        ]);
    }
    table.table
}

fn waiting(
    figures: &Figures,
    sums: &PerConcern<Sums>,
    waits: &PerConcern<Histogram>,
    names: &ConcernNames,
    has_appointments: bool,
) -> StatisticsTable {
    use ColumnKind::{Count, Minutes, Share, Text};
    let mut table = Table::new(
        "waiting",
        &[
            ("concern", Text),
            ("concern_name", Text),
            ("booking", Text),
            ("waited", Count),
            ("wait_mean", Minutes),
            ("wait_median", Minutes),
            ("wait_p90", Minutes),
            ("wait_max", Minutes),
            ("walk_mean", Minutes),
            ("served_timed", Count),
            ("service_mean", Minutes),
            ("service_median", Minutes),
            ("estimated", Count),
            ("estimate_within", Share),
            ("estimate_error_mean", Minutes),
        ],
    );
    let services = figures.histograms(Measure::Service);
    let empty = Histogram::new();
    for (concern, booking) in concern_rows(figures, names, has_appointments) {
        let key = (concern.clone(), booking);
        let s: Sums = sums.get(&key).copied().unwrap_or_default();
        let wait = waits.get(&key).unwrap_or(&empty);
        let service = services.get(&key).unwrap_or(&empty);
        table.row(vec![
            text(&concern),
            names.name(&concern),
            booking_cell(booking),
            count(s.waited),
            mean_minutes(s.wait_seconds, s.waited),
            whole_minutes(percentile(wait, 50)),
            whole_minutes(percentile(wait, 90)),
            if s.waited == 0 { Cell::Empty } else { minutes(s.wait_max_seconds) },
            mean_minutes(s.walk_seconds, s.walked),
            count(s.timed),
            mean_minutes(s.service_seconds, s.timed),
            whole_minutes(percentile(service, 50)),
            count(s.estimated),
            share(s.estimate_within, s.estimated),
            mean_minutes(s.estimate_error_seconds, s.estimated),
        ]);
    }
    table.table
}

fn days(figures: &Figures, from: Date, to: Date) -> StatisticsTable {
    use ColumnKind::{Count, Date as Day, Minutes};
    let mut table = Table::new(
        "days",
        &[
            ("date", Day),
            ("issued", Count),
            ("served", Count),
            ("no_show", Count),
            ("cancelled", Count),
            ("wait_mean", Minutes),
            ("wait_max", Minutes),
        ],
    );
    let mut day = from;
    while day <= to {
        let s = figures.days.get(&day.to_string()).copied().unwrap_or_default();
        table.row(vec![
            text(&day.to_string()),
            count(s.issued),
            count(s.served),
            count(s.no_show),
            count(s.cancelled),
            mean_minutes(s.wait_seconds, s.waited),
            if s.waited == 0 { Cell::Empty } else { minutes(s.wait_max_seconds) },
        ]);
        let Ok(next) = day.tomorrow() else { break };
        day = next;
    }
    table.table
}

fn hours(figures: &Figures, names: &ConcernNames) -> StatisticsTable {
    use ColumnKind::{Count, Hour, Minutes, Text};
    let mut table = Table::new(
        "hours",
        &[
            ("concern", Text),
            ("concern_name", Text),
            ("hour", Hour),
            ("arrivals", Count),
            ("arrivals_per_day", Minutes),
            ("most_waiting", Count),
            ("wait_mean", Minutes),
        ],
    );
    let mut per_hour: BTreeMap<(String, i64), Sums> = BTreeMap::new();
    for ((hour, concern, _), sums) in &figures.hours {
        if *hour < 0 {
            continue;
        }
        for concern in [concern.as_str(), ALL_CONCERNS] {
            per_hour.entry((concern.to_owned(), *hour)).or_default().add(sums);
        }
    }
    for (hour, concern) in figures.peaks.keys() {
        per_hour.entry((concern.clone(), *hour)).or_default();
    }
    let days_open = figures.days.values().filter(|sums| sums.issued > 0).count() as i64;
    let concerns = per_hour.keys().map(|(concern, _)| concern);
    for concern in names.sorted(concerns) {
        for ((_, hour), s) in per_hour.range((concern.clone(), i64::MIN)..=(concern.clone(), i64::MAX)) {
            let peak = figures.peaks.get(&(*hour, concern.clone())).copied().unwrap_or(0);
            table.row(vec![
                text(&concern),
                names.name(&concern),
                count(*hour),
                count(s.issued),
                if days_open == 0 { Cell::Empty } else { share_of_days(s.issued, days_open) },
                count(peak),
                mean_minutes(s.wait_seconds, s.waited),
            ]);
        }
    }
    table.table
}

/// `part / days` to one decimal.
fn share_of_days(part: i64, days: i64) -> Cell {
    #[allow(clippy::cast_precision_loss)]
    Cell::Decimal((part as f64 / days as f64 * 10.0).round() / 10.0)
}

fn wait_distribution(waits: &PerConcern<Histogram>) -> StatisticsTable {
    use ColumnKind::{Count, Share};
    let mut table = Table::new(
        "wait_distribution",
        &[("from_minutes", Count), ("to_minutes", Count), ("visitors", Count), ("share", Share)],
    );
    let all = waits.get(&(ALL_CONCERNS.to_owned(), None)).cloned().unwrap_or_default();
    let total: i64 = all.values().sum();
    for (from, to) in WAIT_BUCKETS {
        let visitors: i64 = all
            .iter()
            .filter(|(minutes, _)| **minutes >= from && to.is_none_or(|to| **minutes < to))
            .map(|(_, n)| n)
            .sum();
        table.row(vec![count(from), to.map_or(Cell::Empty, count), count(visitors), share(visitors, total)]);
    }
    table.table
}

fn languages(figures: &Figures, names: &ConcernNames) -> StatisticsTable {
    use ColumnKind::{Count, Share, Text};
    let mut table = Table::new(
        "languages",
        &[("concern", Text), ("concern_name", Text), ("language", Text), ("visitors", Count), ("share", Share)],
    );
    let mut per_concern: BTreeMap<String, BTreeMap<String, i64>> = BTreeMap::new();
    for ((concern, language), visitors) in &figures.languages {
        for concern in [concern.as_str(), ALL_CONCERNS] {
            *per_concern.entry(concern.to_owned()).or_default().entry(language.clone()).or_default() += visitors;
        }
    }
    for concern in names.sorted(per_concern.keys()) {
        let Some(languages) = per_concern.get(&concern) else { continue };
        let total: i64 = languages.values().sum();
        let mut sorted: Vec<(&String, &i64)> = languages.iter().collect();
        sorted.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        for (language, visitors) in sorted {
            table.row(vec![
                text(&concern),
                names.name(&concern),
                text(language),
                count(*visitors),
                share(*visitors, total),
            ]);
        }
    }
    table.table
}

fn documents(figures: &Figures, office: &json::OfficeConfig, names: &ConcernNames) -> StatisticsTable {
    use ColumnKind::{Count, Share, Text};
    let mut table = Table::new(
        "documents",
        &[
            ("concern", Text),
            ("concern_name", Text),
            ("item", Text),
            ("item_text", Text),
            ("required", Text),
            ("asked", Count),
            ("missing", Count),
            ("missing_share", Share),
        ],
    );
    let configured = |concern: &str, item: &str| {
        office.concerns.iter().find(|c| c.id.as_str() == concern).and_then(|c| {
            c.checklist.iter().position(|i| i.id == item).map(|position| (position, &c.checklist[position]))
        })
    };
    let concerns = figures.documents.keys().map(|(concern, _)| concern);
    for concern in names.sorted(concerns) {
        let mut items: Vec<(&String, &(i64, i64))> =
            figures.documents.iter().filter(|((c, _), _)| *c == concern).map(|((_, item), n)| (item, n)).collect();
        items.sort_by_key(|(item, _)| configured(&concern, item).map_or(usize::MAX, |(position, _)| position));
        for (item, (asked, missing)) in items {
            let found = configured(&concern, item).map(|(_, item)| item);
            table.row(vec![
                text(&concern),
                names.name(&concern),
                text(item),
                text(found.and_then(|item| item.text.get(json::SOURCE_LANGUAGE)).unwrap_or(item)),
                text(match found {
                    Some(item) if item.required => "yes",
                    Some(_) => "no",
                    None => "removed",
                }),
                count(*asked),
                count(*missing),
                share(*missing, *asked),
            ]);
        }
    }
    table.table
}

fn quotas(figures: &Figures, names: &ConcernNames) -> StatisticsTable {
    use ColumnKind::{Count, Date, Text, Time};
    let mut table = Table::new(
        "quotas",
        &[("date", Date), ("concern", Text), ("concern_name", Text), ("quota", Count), ("ran_out_at", Time)],
    );
    for quota in &figures.quotas {
        // RFC 3339 with the office's offset: the clock time is characters 11 to 16.
        let time = quota.ran_out_at.get(11..16).unwrap_or_default();
        table.row(vec![
            text(&quota.day),
            text(&quota.concern),
            names.name(&quota.concern),
            count(quota.quota),
            text(time),
        ]);
    }
    table.table
}

fn turned_away(figures: &Figures, names: &ConcernNames) -> StatisticsTable {
    use ColumnKind::{Count, Text};
    let mut table =
        Table::new("turned_away", &[("concern", Text), ("concern_name", Text), ("reason", Text), ("visitors", Count)]);
    let concerns = figures.turned_away.keys().map(|(concern, _)| concern);
    for concern in names.sorted(concerns) {
        for ((_, reason), visitors) in figures.turned_away.iter().filter(|((c, _), _)| *c == concern) {
            table.row(vec![text(&concern), names.name(&concern), text(reason), count(*visitors)]);
        }
    }
    table.table
}

fn feedback(figures: &Figures, names: &ConcernNames) -> StatisticsTable {
    use ColumnKind::{Count, Rating, Text};
    let mut columns = vec![("concern", Text), ("concern_name", Text), ("language", Text), ("answers", Count)];
    columns.push(("rating_mean", Rating));
    columns.extend([("rating_1", Count), ("rating_2", Count), ("rating_3", Count), ("rating_4", Count)]);
    columns.push(("rating_5", Count));
    columns.extend(json::FeedbackReason::ALL.map(|reason| (reason.as_str(), Count)));
    let mut table = Table::new("feedback", &columns);
    // (concern or `*`) → (language or `*`) → per rating: answers and each reason's ticks.
    let mut groups: BTreeMap<String, BTreeMap<String, [[i64; 6]; 5]>> = BTreeMap::new();
    for ((concern, language, rating), counts) in &figures.feedback {
        let Some(at) = usize::try_from(*rating - 1).ok().filter(|at| *at < 5) else { continue };
        for concern in [concern.as_str(), ALL_CONCERNS] {
            for language in [language.as_str(), ALL_CONCERNS] {
                let group = groups.entry(concern.to_owned()).or_default().entry(language.to_owned()).or_default();
                group[at].iter_mut().zip(counts).for_each(|(sum, count)| *sum += count);
            }
        }
    }
    for concern in names.sorted(groups.keys()) {
        let Some(languages) = groups.get(&concern) else { continue };
        let answers = |ratings: &[[i64; 6]; 5]| ratings.iter().map(|counts| counts[0]).sum::<i64>();
        let mut sorted: Vec<(&String, &[[i64; 6]; 5])> = languages.iter().collect();
        sorted.sort_by(|a, b| {
            (b.0 == ALL_CONCERNS).cmp(&(a.0 == ALL_CONCERNS)).then(answers(b.1).cmp(&answers(a.1))).then(a.0.cmp(b.0))
        });
        for (language, ratings) in sorted {
            let total = answers(ratings);
            let mut row = vec![text(&concern), names.name(&concern), text(language), count(total)];
            if total < FEEDBACK_SHOWN_FROM {
                row.resize(table.table.columns.len(), Cell::Empty);
            } else {
                let points: i64 = ratings.iter().zip(1..).map(|(counts, rating)| counts[0] * rating).sum();
                #[allow(clippy::cast_precision_loss)]
                row.push(Cell::Decimal((points as f64 / total as f64 * 10.0).round() / 10.0));
                row.extend(ratings.iter().map(|counts| count(counts[0])));
                row.extend((1..6).map(|reason| count(ratings.iter().map(|counts| counts[reason]).sum())));
            }
            table.row(row);
        }
    }
    table.table
}
