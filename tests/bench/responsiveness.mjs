// Responsiveness: complete visitor flows with real (trusted) taps at 4x CPU slowdown, measured
// by the browser's Event Timing API as INP is: each tap is one interaction (pointerdown,
// pointerup, click), its duration the longest of its events, from the input to the next
// frame painted after the handlers ran. The browser reports only events of 16 ms or more;
// the taps it does not report were quicker than that. Long tasks (> 50 ms) on the main thread
// are counted over the same flows.
import { openKiosk } from '../e2e/kiosk-steps.mjs';
import { COMMAND, devtools, percentile, say, summarizeMs } from './common.mjs';
import { kioskData } from './office-api.mjs';
import { CPU_THROTTLE } from './startup.mjs';
import { tapsOf, visitorPlan, visitWithSteps } from './visitor.mjs';

/**
 * Runs in the page: collects every reported interaction event and every long task. The
 * button each input went to is noted when the input arrives (keyed by event type and time
 * stamp, which the Event Timing entry repeats), because a tap that changes the screen has
 * removed its button by the time the entry is reported.
 */
function observeInteractions(tapKinds) {
  const seen = { events: [], longTasks: [] };
  window.benchInteractions = seen;
  const buttons = new Map();
  const kindOf = (element) => tapKinds.find(([selector]) => element.closest?.(selector))?.[1] ?? 'other';
  for (const type of ['pointerdown', 'pointerup', 'click']) {
    addEventListener(type, (event) => buttons.set(`${type} ${event.timeStamp}`, kindOf(event.target)), { capture: true });
  }
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (!entry.interactionId) continue;
      seen.events.push({
        interaction: entry.interactionId,
        type: entry.name,
        duration_ms: entry.duration,
        input_delay_ms: entry.processingStart - entry.startTime,
        processing_ms: entry.processingEnd - entry.processingStart,
        tap: buttons.get(`${entry.name} ${entry.startTime}`) ?? null,
      });
    }
  }).observe({ type: 'event', durationThreshold: 16, buffered: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) seen.longTasks.push({ start_ms: entry.startTime, duration_ms: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
}

/** The taps of a visit, by the button tapped (the first selector that matches names it). */
const TAP_KINDS = [
  ['.start-button', 'start'],
  ['.language-button', 'language'],
  ['.concern-button.not-sure', 'I am not sure (to the ticket)'],
  ['.concern-button', 'concern'],
  ['.answer-button', 'checklist answer'],
  ['.checklist .primary-button', 'continue to the summary'],
  ['.summary .primary-button', 'take a ticket'],
  ['.ticket .primary-button', 'done (to the welcome screen)'],
];

/** One interaction per id, with the longest of its events (the INP rule) and its button. */
function interactionsOf(events) {
  const byId = new Map();
  for (const event of events) {
    const known = byId.get(event.interaction);
    const tap = known?.tap ?? event.tap;
    if (!known || event.duration_ms > known.duration_ms) byId.set(event.interaction, { ...event, tap });
    else known.tap = tap;
  }
  return [...byId.values()];
}

export async function measureResponsiveness(browser, server, { flows }) {
  const kiosk = await kioskData(server);
  const page = await openKiosk(browser, server);
  const session = await devtools(page, { cpuThrottle: CPU_THROTTLE });
  await page.evaluate(observeInteractions, TAP_KINDS);
  let taps = 0;
  const started = Date.now();
  for (let flow = 0; flow < flows; flow += 1) {
    const plan = visitorPlan(kiosk, flow);
    const number = await visitWithSteps(page, plan);
    taps += tapsOf(plan);
    say(`responsiveness flow ${flow + 1}/${flows}: ${plan.tag}, ticket ${number}`);
  }
  const seconds = (Date.now() - started) / 1000;
  const { events, longTasks } = await page.evaluate(() => window.benchInteractions);
  await session.detach();
  await page.context().close();

  const reported = interactionsOf(events);
  // Taps the browser did not report took less than 16 ms; they count as 0 in the percentiles,
  // which is right as long as a percentile lands on a reported tap (the report says "< 16").
  const durations = [...reported.map((i) => i.duration_ms), ...Array(Math.max(0, taps - reported.length)).fill(0)];
  const byTap = {};
  for (const interaction of reported) (byTap[interaction.tap ?? 'other'] ??= []).push(interaction.duration_ms);
  const slowest = [...reported].sort((a, b) => b.duration_ms - a.duration_ms).slice(0, 5);
  return {
    command: COMMAND,
    cpu_throttle: CPU_THROTTLE,
    flows,
    taps,
    interactions_reported: reported.length,
    duration_threshold_ms: 16,
    interaction: {
      p50_ms: percentile(durations, 50),
      p95_ms: percentile(durations, 95),
      max_ms: durations.length ? Math.max(...durations) : null,
    },
    by_tap: Object.fromEntries(Object.entries(byTap).map(([tap, values]) => [tap, summarizeMs(values)])),
    slowest,
    long_tasks: {
      ...summarizeMs(longTasks.map((task) => task.duration_ms)),
      per_flow: Math.round((longTasks.length / flows) * 10) / 10,
      total_ms: Math.round(longTasks.reduce((sum, task) => sum + task.duration_ms, 0)),
    },
    wall_seconds: Math.round(seconds),
  };
}
