// Memory over uptime: a kiosk and a lobby display run for weeks without a reload, so what they
// keep per visitor or per call must not grow. The kiosk serves 1,000 complete visitors in one
// page (each takes a real ticket); the display shows 5,000 calls made through the API by two
// clerks. Every so often, at rest (kiosk on its welcome screen, display showing the last
// call), a full garbage collection, then: JS heap in use, wasm memory, DOM nodes, event
// listeners (and, on the display, Web Audio nodes alive).
import { openKiosk } from '../e2e/kiosk-steps.mjs';
import { COMMAND, devtools, memorySample, say } from './common.mjs';
import { clerk, issueTicket, kioskData, liftQuotas } from './office-api.mjs';
import { visitFast, visitorPlan } from './visitor.mjs';

/** The figures whose growth is judged, in the order the report shows them. */
export const METRICS = ['js_heap_used_bytes', 'wasm_memory_bytes', 'dom_nodes', 'js_event_listeners'];

/** Least-squares slope of `y` over `x`. */
function slope(points, x, y) {
  const n = points.length;
  const meanX = points.reduce((sum, p) => sum + p[x], 0) / n;
  const meanY = points.reduce((sum, p) => sum + p[y], 0) / n;
  const covariance = points.reduce((sum, p) => sum + (p[x] - meanX) * (p[y] - meanY), 0);
  const variance = points.reduce((sum, p) => sum + (p[x] - meanX) ** 2, 0);
  return variance === 0 ? 0 : covariance / variance;
}

/**
 * Growth after warm-up (the first `warmup` units, in which texts, concerns and caches are
 * loaded once): from the first sample at or after `warmup` to the last, in per cent and per
 * unit, and the least-squares slope per unit over those samples (less at the mercy of one
 * sample's noise).
 */
function growth(series, unit, warmup) {
  const settled = series.filter((sample) => sample[unit] >= warmup);
  if (settled.length < 2) return null;
  const [first, last] = [settled[0], settled.at(-1)];
  const units = last[unit] - first[unit];
  return {
    from: first[unit],
    to: last[unit],
    ...Object.fromEntries(METRICS.map((metric) => [metric, {
      first: first[metric],
      last: last[metric],
      growth_pct: first[metric] ? Math.round(((last[metric] - first[metric]) / first[metric]) * 1000) / 10 : null,
      growth_per_unit: Math.round(((last[metric] - first[metric]) / units) * 100) / 100,
      slope_per_unit: Math.round(slope(settled, unit, metric) * 100) / 100,
    }])),
  };
}

export async function kioskMemory(browser, server, { flows, every, warmup }) {
  await liftQuotas(server);
  const kiosk = await kioskData(server);
  const page = await openKiosk(browser, server);
  const session = await devtools(page);
  const started = Date.now();
  // Visits that slow down over uptime would show here: each sample says how long the visits
  // since the previous one took on average.
  let previous = { flows: 0, at: started };
  const sample = async (done) => {
    const now = Date.now();
    const msPerFlow = done > previous.flows ? Math.round((now - previous.at) / (done - previous.flows)) : null;
    previous = { flows: done, at: now };
    const figures = {
      flows: done,
      elapsed_s: Math.round((now - started) / 1000),
      window_ms_per_flow: msPerFlow,
      ...(await memorySample(page, session)),
    };
    say(`kiosk memory after ${done} flows: heap ${figures.js_heap_used_bytes} B, wasm ${figures.wasm_memory_bytes} B, `
      + `${figures.dom_nodes} nodes, ${figures.js_event_listeners} listeners`);
    return figures;
  };
  const series = [await sample(0)];
  let lastNumber;
  for (let flow = 0; flow < flows; flow += 1) {
    lastNumber = await visitFast(page, visitorPlan(kiosk, flow));
    if ((flow + 1) % every === 0 || flow + 1 === flows) series.push(await sample(flow + 1));
  }
  const seconds = (Date.now() - started) / 1000;
  await session.detach();
  await page.context().close();
  return {
    command: COMMAND,
    cpu_throttle: 1,
    flows,
    sample_every_flows: every,
    warmup_flows: warmup,
    last_ticket: lastNumber,
    ms_per_flow: Math.round((seconds * 1000) / flows),
    wall_seconds: Math.round(seconds),
    series,
    growth_after_warmup: growth(series, 'flows', warmup),
  };
}

/** Web Audio nodes alive in the page (created and not yet destroyed), from DevTools events. */
async function trackAudio(session) {
  const audio = { nodes_alive: 0, nodes_created: 0, context_state: null };
  session.on('WebAudio.contextCreated', ({ context }) => { audio.context_state = context.contextState; });
  session.on('WebAudio.contextChanged', ({ context }) => { audio.context_state = context.contextState; });
  session.on('WebAudio.audioNodeCreated', () => { audio.nodes_alive += 1; audio.nodes_created += 1; });
  session.on('WebAudio.audioNodeWillBeDestroyed', () => { audio.nodes_alive -= 1; });
  await session.send('WebAudio.enable');
  return audio;
}

/** Runs `task` for each of `items`, at most `concurrency` at a time. */
async function inParallel(items, concurrency, task) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next];
      next += 1;
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** The lobby display as a TV shows it, following calls live. */
async function openDisplay(browser, server) {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => { throw error; });
  const session = await devtools(page);
  const audio = await trackAudio(session);
  await page.goto(`${server.url}/display`);
  await page.locator('.display-waiting h2').waitFor();
  return { page, session, audio };
}

/**
 * Gongs last 1.75 s; the display's board reload after each call must have landed. Both are
 * over when the samples are taken.
 */
const SETTLE_MS = 2_000;

export async function displayMemory(browser, server, { calls, every, warmup }) {
  await liftQuotas(server);
  const concerns = (await kioskData(server)).concerns.map((concern) => concern.id);
  const desks = [
    await clerk(server, { username: 'schalter1', counter: 'counter-1' }),
    await clerk(server, { username: 'schalter2', counter: 'counter-2' }),
  ];
  const { page, session, audio } = await openDisplay(browser, server);
  await page.waitForTimeout(SETTLE_MS); // the live stream connects
  const started = Date.now();
  let apiMs = 0;
  const sample = async (done) => {
    const figures = {
      calls: done,
      elapsed_s: Math.round((Date.now() - started) / 1000),
      ...(await memorySample(page, session)),
      audio_nodes_alive: audio.nodes_alive,
    };
    say(`display memory after ${done} calls: heap ${figures.js_heap_used_bytes} B, wasm ${figures.wasm_memory_bytes} B, `
      + `${figures.dom_nodes} nodes, ${figures.js_event_listeners} listeners, ${figures.audio_nodes_alive} audio nodes`);
    return figures;
  };
  const series = [await sample(0)];
  let issued = 0;
  let called = 0;
  while (called < calls) {
    const batch = Math.min(every, calls - called);
    const apiStarted = Date.now();
    // Tickets for this batch, as kiosks take them, over every concern.
    const tickets = Array.from({ length: batch }, (_, n) => concerns[(issued + n) % concerns.length]);
    await inParallel(tickets, 4, (concern) => issueTicket(server, { concern }));
    issued += batch;
    // Both counters call as fast as they can; the batch's last call comes alone, so it is the
    // newest one the display must show.
    let remaining = batch - 1;
    await Promise.all(desks.map(async (desk) => {
      while (remaining > 0) {
        remaining -= 1;
        await desk.serveNext();
      }
    }));
    const last = await desks[0].serveNext();
    apiMs += Date.now() - apiStarted;
    called += batch;
    await page.locator('.display-call.newest .display-number', { hasText: new RegExp(`^${last}$`) }).waitFor({ timeout: 60_000 });
    await page.waitForTimeout(SETTLE_MS);
    series.push(await sample(called));
  }
  const seconds = (Date.now() - started) / 1000;
  const shown = await page.locator('.display-call').count();
  await session.detach();
  await page.context().close();
  return {
    command: COMMAND,
    calls,
    sample_every_calls: every,
    warmup_calls: warmup,
    calls_on_screen_at_end: shown,
    audio_nodes_created: audio.nodes_created,
    audio_context_state: audio.context_state,
    api_calls_per_second: Math.round(calls / (apiMs / 1000)),
    wall_seconds: Math.round(seconds),
    series,
    growth_after_warmup: growth(series, 'calls', warmup),
  };
}
