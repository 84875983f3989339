//! A small bar chart in plain inline SVG: one group of bars per category, one bar per series.
//! No chart library: the office's download stays lean, and the few shapes are easy to make
//! accessible. Bars are drawn in `currentColor` (the theme's colours, also in high contrast
//! and forced colours) and each series has its own fill pattern and a legend in words, so
//! colour is never the only difference. The figures themselves are in the table beside it.

use leptos::prelude::*;

use super::format::{Numbers, scale_top};

/// How a series' bars are filled.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fill {
    Solid,
    Hatched,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub label: String,
    pub fill: Fill,
    pub values: Vec<f64>,
}

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 240.0;
const LEFT: f64 = 48.0;
const RIGHT: f64 = 8.0;
const TOP: f64 = 12.0;
const BOTTOM: f64 = 28.0;
/// At most this many category labels under the bars; every n-th is written when more.
const MAX_LABELS: usize = 16;
/// Bars up to this many carry their value above them.
const MAX_VALUE_LABELS: usize = 40;
/// The widest a bar gets, in the chart's units.
const MAX_BAR: f64 = 36.0;

/// A bar chart in a `<figure>`: `id` makes its pattern ids unique on the page, `caption` says
/// what it shows (also its accessible name, with a pointer to the table).
#[component]
pub fn BarChart(
    id: &'static str,
    caption: String,
    label: String,
    categories: Vec<String>,
    series: Vec<Series>,
    numbers: Numbers,
) -> impl IntoView {
    let max = series.iter().flat_map(|s| s.values.iter().copied()).fold(0.0, f64::max);
    let top = scale_top(max);
    let plot_width = WIDTH - LEFT - RIGHT;
    let plot_height = HEIGHT - TOP - BOTTOM;
    let band = plot_width / categories.len().max(1) as f64;
    // A few categories still get slim bars, centred in their band.
    let bar = (band * 0.8 / series.len().max(1) as f64).min(MAX_BAR);
    let inset = (band - bar * series.len() as f64) / 2.0;
    let y = move |value: f64| TOP + plot_height * (1.0 - value / top);
    let show_values = categories.len() * series.len() <= MAX_VALUE_LABELS;
    let every = categories.len().div_ceil(MAX_LABELS).max(1);
    let hatch = format!("{id}-hatch");
    // The middle line only where it is a round figure (not 2.5 people).
    let middle = (top / 2.0).fract() == 0.0 || max.fract() != 0.0;
    let ticks = [Some(0.0), middle.then_some(top / 2.0), Some(top)]
        .into_iter()
        .flatten()
        .map(|value| {
            let at = y(value);
            let text = if top >= 10.0 || value.fract() == 0.0 {
                #[allow(clippy::cast_possible_truncation)]
                numbers.whole(value as i64)
            } else {
                numbers.one_decimal(value)
            };
            view! {
                <line class="chart-grid" x1=LEFT x2=WIDTH - RIGHT y1=at y2=at/>
                <text class="chart-tick" x=LEFT - 6.0 y=at + 4.0 text-anchor="end">{text}</text>
            }
        })
        .collect_view();
    let bars = series
        .iter()
        .enumerate()
        .map(|(index, series)| {
            let fill = match series.fill {
                Fill::Solid => "currentColor".to_owned(),
                Fill::Hatched => format!("url(#{hatch})"),
            };
            let rects = series
                .values
                .iter()
                .enumerate()
                .map(|(at, value)| {
                    let x = LEFT + band * at as f64 + inset + bar * index as f64;
                    let value_label = (show_values && *value > 0.0).then(|| {
                        let text =
                            if value.fract() == 0.0 { numbers.whole(*value as i64) } else { numbers.one_decimal(*value) };
                        view! { <text class="chart-value" x=x + bar / 2.0 y=y(*value) - 3.0 text-anchor="middle">{text}</text> }
                    });
                    view! {
                        <rect x=x y=y(*value) width=(bar - 1.0).max(0.5) height=(plot_height - (y(*value) - TOP)).max(0.0) fill=fill.clone()/>
                        {value_label}
                    }
                })
                .collect_view();
            view! { <g class=format!("chart-series chart-series-{index}")>{rects}</g> }
        })
        .collect_view();
    let labels = categories
        .iter()
        .enumerate()
        .filter(|(at, _)| at % every == 0)
        .map(|(at, text)| {
            let x = LEFT + band * at as f64 + band / 2.0;
            view! { <text class="chart-label" x=x y=HEIGHT - BOTTOM + 16.0 text-anchor="middle">{text.clone()}</text> }
        })
        .collect_view();
    let legend = series
        .iter()
        .enumerate()
        .map(|(index, series)| {
            let fill = match series.fill {
                Fill::Solid => "currentColor".to_owned(),
                Fill::Hatched => format!("url(#{hatch})"),
            };
            view! {
                <li>
                    <svg class=format!("chart-swatch chart-series-{index}") viewBox="0 0 16 16" aria-hidden="true"><rect x="1" y="1" width="14" height="14" fill=fill/></svg>
                    <span>{series.label.clone()}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <figure class="statistics-chart">
            <svg viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="img" aria-label=label dir="ltr" preserveAspectRatio="xMidYMid meet">
                <defs>
                    <pattern id=hatch.clone() patternUnits="userSpaceOnUse" width="6" height="6" patternTransform="rotate(45)">
                        <rect width="6" height="6" class="chart-hatch-ground"/>
                        <line x1="0" y1="0" x2="0" y2="6" stroke="currentColor" stroke-width="3"/>
                    </pattern>
                </defs>
                {ticks}
                {bars}
                <line class="chart-axis" x1=LEFT x2=WIDTH - RIGHT y1=TOP + plot_height y2=TOP + plot_height/>
                {labels}
            </svg>
            <figcaption>
                <span class="chart-caption">{caption}</span>
                <ul class="chart-legend">{legend}</ul>
            </figcaption>
        </figure>
    }
}
