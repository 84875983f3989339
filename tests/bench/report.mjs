// The benchmarks' figures as a markdown fragment for docs/benchmarks.md: one `##` section per
// benchmark, each naming the command that reproduces it.
import { COMMAND } from './common.mjs';
import { METRICS } from './memory.mjs';

const ms = (value) => (value === null || value === undefined ? '–' : `${Math.round(value)}`);
const kib = (bytes) => (bytes === null || bytes === undefined ? '–' : (bytes / 1024).toFixed(1));
const signed = (value, digits = 1) => (value > 0 ? '+' : '') + value.toFixed(digits);

function table(header, rows, align) {
  return [
    `| ${header.join(' | ')} |`,
    `|${align.map((a) => (a === 'r' ? '---:' : '---')).join('|')}|`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n');
}

function startupSection({ startup }) {
  const row = (label, part) => [
    label,
    part.ready.count,
    ms(part.ready.median_ms),
    ms(part.ready.p95_ms),
    ms(part.ready.min_ms),
    ms(part.ready.max_ms),
    ms(part.wasm_started.median_ms),
    ms(part.first_contentful_paint.median_ms),
    part.later_screens?.count ? ms(part.later_screens.median_ms) : '–',
    part.requests_median,
    kib(part.encoded_bytes_median),
  ];
  return [
    '## Kiosk start-up in the browser',
    '',
    `Command: \`${COMMAND}\` (\`tests/bench/startup.mjs\`). Headless Chromium with the CPU slowed ${startup.cpu_throttle}x `
      + `(DevTools \`Emulation.setCPUThrottlingRate\`; the network is loopback, not slowed), ${startup.viewport.width} × `
      + `${startup.viewport.height}. *Ready* is the first frame in which the welcome screen's start button is shown `
      + 'and enabled, i.e. the app runs and has the office\'s data, measured in the page from the start of '
      + 'the navigation. A *cold* load is a first visit: a fresh browser context, HTTP cache off, service worker '
      + 'blocked. A *warm* load is the kiosk loading again with its service worker in place, as after a restart of '
      + 'the kiosk (without the browser\'s own start): the worker serves the app. The floor is the kiosk\'s '
      + 'welcome screen as a static page: copied from the running kiosk with its texts, its `lang` and `dir` and '
      + 'its stylesheet, without any script (what a server-rendered kiosk would send); the bare floor is a page '
      + 'with a heading and a button. The minimal Leptos app is that heading and button from the smallest '
      + 'Leptos program (`examples/minimal_welcome.rs`), built as the kiosk is: what Leptos and WebAssembly cost '
      + 'before the kiosk does anything of its own. All are served by the same server in the same run.',
    '',
    table(
      ['page', 'loads', 'ready median ms', 'ready p95 ms', 'min ms', 'max ms', 'wasm started ms (median)', 'first paint ms (median)', 'later screens ready ms (median)', 'requests', 'transferred KiB'],
      [
        row('kiosk, cold (first visit)', startup.kiosk_cold),
        row('kiosk, warm (restart, service worker)', startup.kiosk_warm),
        row('floor: the welcome screen as a static page, cold', startup.floor_cold),
        ...(startup.bare_floor_cold ? [row('bare floor: heading and button, cold', startup.bare_floor_cold)] : []),
        ...(startup.minimal_leptos_cold ? [row('minimal Leptos app: heading and button, cold', startup.minimal_leptos_cold)] : []),
      ],
      ['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r'],
    ),
    '',
    `Kiosk cold / floor: **${startup.ratio_kiosk_to_floor_median}x** at the median, ${startup.ratio_kiosk_to_floor_p95}x at p95`
      + (startup.bare_floor_cold
        ? `; kiosk cold / bare floor ${startup.ratio_kiosk_to_bare_floor_median}x, kiosk warm / bare floor **${startup.ratio_warm_to_bare_floor_median}x** (medians). `
        : '. ')
      + (startup.minimal_leptos_cold ? `The minimal Leptos app / floor: ${startup.ratio_minimal_leptos_to_floor_median}x (median). ` : '')
      + 'Transferred is what came over the wire (headers and compressed bodies, DevTools `Network.loadingFinished`); '
      + 'a warm load fetches only the office\'s data and the live stream. CPU throttling slows the page\'s main thread; '
      + 'the wasm compiler\'s background threads are not slowed. *Later screens ready* is when the kiosk\'s '
      + 'screens after the welcome screen, a wasm chunk it fetches once ready, are compiled and linked '
      + '(docs/size.md): a tap on the start button before then waits for them.',
  ].join('\n');
}

function responsivenessSection({ responsiveness: r }) {
  const rows = Object.entries(r.by_tap).map(([tap, s]) => [tap, s.count, ms(s.median_ms), ms(s.p95_ms), ms(s.max_ms)]);
  const under = (value) => (value < r.duration_threshold_ms ? `< ${r.duration_threshold_ms}` : ms(value));
  return [
    '## Kiosk responsiveness',
    '',
    `Command: \`${COMMAND}\` (\`tests/bench/responsiveness.mjs\`). ${r.flows} complete visits (welcome, language, concern, `
      + 'every checklist answer, summary, ticket, done) in one kiosk page, in a different language and concern each, with '
      + `trusted taps (Playwright clicks) and the CPU slowed ${r.cpu_throttle}x. Each tap's duration is measured as for `
      + 'INP: the Event Timing API\'s longest event of the interaction (pointerdown, pointerup, click), from the input to '
      + `the next frame painted after the handlers ran. The browser reports events of ${r.duration_threshold_ms} ms or more.`,
    '',
    `All ${r.taps} taps (${r.interactions_reported} reported): **p50 ${under(r.interaction.p50_ms)} ms, `
      + `p95 ${under(r.interaction.p95_ms)} ms, max ${under(r.interaction.max_ms)} ms.**`,
    '',
    table(['tap', 'taps', 'median ms', 'p95 ms', 'max ms'], rows, ['l', 'r', 'r', 'r', 'r']),
    '',
    `Long tasks (> 50 ms on the main thread) over the ${r.flows} visits: ${r.long_tasks.count} `
      + `(${r.long_tasks.per_flow} per visit), median ${ms(r.long_tasks.median_ms)} ms, longest ${ms(r.long_tasks.max_ms)} ms, `
      + `${ms(r.long_tasks.total_ms)} ms in all.`,
  ].join('\n');
}

const METRIC_NAMES = {
  js_heap_used_bytes: 'JS heap used (KiB)',
  wasm_memory_bytes: 'wasm memory (KiB)',
  dom_nodes: 'DOM nodes',
  js_event_listeners: 'event listeners',
};
const isBytes = (metric) => metric.endsWith('_bytes');

/** Growth after warm-up; `unit` names what is counted: "visit", "call". */
function growthTable(growth, unit) {
  if (!growth) return '(too few samples after warm-up to judge growth)';
  const rows = METRICS.map((metric) => {
    const g = growth[metric];
    const value = (v) => (isBytes(metric) ? kib(v) : `${v}`);
    const perUnit = (v) => (isBytes(metric) ? `${signed(v, 0)} B` : signed(v, 3));
    const pct = g.growth_pct === null ? '–' : `${signed(g.growth_pct)} %`;
    return [METRIC_NAMES[metric], value(g.first), value(g.last), pct, perUnit(g.growth_per_unit), perUnit(g.slope_per_unit)];
  });
  return table(
    ['figure', `after ${growth.from} ${unit}s`, `after ${growth.to} ${unit}s`, 'growth', `per ${unit}`, `slope per ${unit} (least squares)`],
    rows,
    ['l', 'r', 'r', 'r', 'r', 'r'],
  );
}

/** Every sample; `key` is the sample's count ("flows", "calls"), `extra` more [header, key] columns. */
function seriesTable(series, key, label, extra = []) {
  const header = [label, 'JS heap KiB', 'wasm memory KiB', 'DOM nodes', 'elements', 'event listeners', ...extra.map(([name]) => name), 'elapsed s'];
  const rows = series.map((s) => [
    s[key], kib(s.js_heap_used_bytes), kib(s.wasm_memory_bytes), s.dom_nodes, s.dom_elements, s.js_event_listeners,
    ...extra.map(([, column]) => s[column] ?? '–'), s.elapsed_s,
  ]);
  return table(header, rows, header.map(() => 'r'));
}

function kioskMemorySection({ memory: { kiosk } }) {
  return [
    '## Kiosk memory over uptime',
    '',
    `Command: \`${COMMAND}\` (\`tests/bench/memory.mjs\`). ${kiosk.flows} complete visits in one kiosk page without a reload, `
      + 'each taking a real ticket, languages and concerns in turn (the demo office\'s daily quotas lifted), as fast as each '
      + `next screen appears (${kiosk.ms_per_flow} ms a visit, CPU not slowed). Every ${kiosk.sample_every_flows} visits, on the `
      + 'welcome screen: a full garbage collection (DevTools `HeapProfiler.collectGarbage`), then the V8 heap in use, '
      + 'the wasm memory (which never shrinks: its size is the high-water mark of the Rust heap), the renderer\'s DOM '
      + 'nodes and JS event listeners alive (`Memory.getDOMCounters`, attached or not) and the document\'s elements.',
    '',
    `Growth after a warm-up of ${kiosk.warmup_flows} visits (every language's texts loaded):`,
    '',
    growthTable(kiosk.growth_after_warmup, 'visit'),
    '',
    '<details><summary>All samples</summary>',
    '',
    seriesTable(kiosk.series, 'flows', 'visits', [['ms per visit since the last sample', 'window_ms_per_flow']]),
    '',
    '</details>',
  ].join('\n');
}

function displayMemorySection({ memory: { display } }) {
  return [
    '## Call display memory over uptime',
    '',
    `Command: \`${COMMAND}\` (\`tests/bench/memory.mjs\`). The lobby display (\`/display\`, 1920 × 1080) follows `
      + `${display.calls} calls in one page: tickets issued through the API over every concern, two clerks calling, `
      + `starting and finishing them at two counters as fast as the API allows (${display.api_calls_per_second} calls/s `
      + `with the tickets' issuing). Every ${display.sample_every_calls} calls, once the display shows the last one and `
      + 'its gong has faded: the same figures as for the kiosk, and the Web Audio nodes alive (DevTools `WebAudio` '
      + `events; ${display.audio_nodes_created} created in all, audio context ${display.audio_context_state}). `
      + `Calls on screen at the end: ${display.calls_on_screen_at_end}.`,
    '',
    `Growth after a warm-up of ${display.warmup_calls} calls:`,
    '',
    growthTable(display.growth_after_warmup, 'call'),
    '',
    '<details><summary>All samples</summary>',
    '',
    seriesTable(display.series, 'calls', 'calls', [['audio nodes', 'audio_nodes_alive']]),
    '',
    '</details>',
  ].join('\n');
}

function outageSection({ outage }) {
  const idle = outage.idle_welcome;
  const row = (label, part) => [
    label,
    part.runs.map((run) => ms(run.message_shown_after_ms)).join(', '),
    `**${ms(part.median.message_shown_after_ms)}**`,
    part.runs.map((run) => ms(run.usable_after_restart_ms)).join(', '),
    `**${ms(part.median.usable_after_restart_ms)}**`,
  ];
  const idleLine = idle.message_shown_after_ms === null
    ? `**no outage message within ${idle.watched_ms / 1000} s**: the welcome screen kept saying "${idle.welcome_status_during_outage}" `
      + `with the start button ${idle.start_button_enabled_during_outage ? 'enabled, so a visitor learns of the outage only when taking a ticket (below)' : 'disabled'}.`
    : `the outage message after ${ms(idle.message_shown_after_ms)} ms; usable again ${ms(idle.usable_after_restart_ms)} ms after the server was back.`;
  return [
    '## Kiosk during a server outage',
    '',
    `Command: \`${COMMAND}\` (\`tests/bench/outage.mjs\`). The server is stopped (graceful shutdown) and started again `
      + `on the same port and database ${outage.down_ms / 1000} s later; the kiosk retries by itself (after 1 s, then `
      + 'doubling up to 15 s), so how soon it is usable again depends on where its back-off stands when the server returns.',
    '',
    `- **Idle on the welcome screen:** ${idleLine}`,
    '- **Kiosk restarted during the outage** (reloaded; its service worker has the app): the message is timed from the '
      + 'server\'s stop, *usable* is the start button enabled again.',
    '- **Visitor taps "take a ticket" during the outage:** the message is timed from the tap, *usable* is the ticket on '
      + 'screen (the kiosk retries with the same idempotency key).',
    '',
    table(
      ['situation', 'outage message after, ms (each run)', 'median', 'usable again after the server is back, ms (each run)', 'median'],
      [
        row('kiosk restarted during the outage', outage.restart_during_outage),
        row('visitor taps "take a ticket"', outage.ticket_during_outage),
      ],
      ['l', 'r', 'r', 'r', 'r'],
    ),
  ].join('\n');
}

/**
 * The whole fragment. The machine, date and Chromium version head docs/benchmarks.md (written
 * by `cargo xtask bench`) and are in browser.json's `environment`.
 */
export function markdown(results) {
  // A run of some parts (--only) has only their results.
  const sections = [
    results.startup && startupSection,
    results.responsiveness && responsivenessSection,
    results.memory?.kiosk && kioskMemorySection,
    results.memory?.display && displayMemorySection,
    results.outage && outageSection,
  ].filter(Boolean);
  const note = `<!-- Written by \`${COMMAND}\` (tests/bench/browser.mjs) in ${results.run_seconds} s`
    + `${results.quick ? ', a quick run (--quick): counts reduced' : ''}. -->`;
  return `${[note, ...sections.map((section) => section(results))].join('\n\n')}\n`;
}
