// Start-up: from navigation to a welcome screen that accepts a tap (the start button shown and
// enabled, which it is once the app runs and has the office's data), with the CPU slowed 4x.
// Cold loads are first visits: a fresh browser context each, the HTTP cache off and the
// service worker blocked. The floor is the kiosk's welcome screen as a static page (its elements
// and stylesheet, no script), and a bare page with a heading and a button is a second line, both
// from the same server; warm loads are a kiosk restarting with its service worker and caches in place.
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import { COMMAND, devtools, percentile, say, summarizeMs } from './common.mjs';

export const CPU_THROTTLE = 4;
const VIEWPORT = { width: 1080, height: 1920 };
/** The welcome screen's start button; the floor page's button has the same class. */
const START_BUTTON = '.start-button';

/**
 * Runs in the page before any of its scripts. Marks (ms since navigation start) when the wasm
 * app has started and the first frame in which `selector` is there and enabled: a mutation
 * observer notices the button (no polling), the next animation frame is the one that shows it.
 */
function markReady(selector) {
  const marks = {};
  window.benchStartup = marks;
  addEventListener('TrunkApplicationStarted', () => { marks.wasm_started_ms = performance.now(); });
  // The kiosk's later screens are a wasm chunk fetched once it is ready: marked when compiled
  // and linked, i.e. when a tap on "start" finds them there.
  const instantiate = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = function instantiateAndMark(source, imports) {
    const instance = instantiate.call(this, source, imports);
    Promise.resolve(source).then((response) => {
      if (response.url.includes('/split_')) instance.then(() => { marks.later_screens_ms = performance.now(); });
    }).catch(() => {});
    return instance;
  };
  const ready = () => {
    const button = document.querySelector(selector);
    return button !== null && !button.disabled;
  };
  const observer = new MutationObserver(() => {
    if (!ready()) return;
    observer.disconnect();
    marks.enabled_ms = performance.now();
    requestAnimationFrame(() => { marks.ready_frame_ms = performance.now(); });
  });
  observer.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['disabled'] });
}

/** Counts requests and the bytes that came over the wire (headers and compressed bodies). */
function countTransfer(session) {
  const transfer = { requests: 0, encoded_bytes: 0 };
  session.on('Network.loadingFinished', (event) => {
    transfer.requests += 1;
    transfer.encoded_bytes += event.encodedDataLength;
  });
  return transfer;
}

/** One measured navigation of `page` to `url`; `cold` turns the HTTP cache off first. */
async function measureLoad(page, url, { cold, later = false }) {
  const session = await devtools(page, { cpuThrottle: CPU_THROTTLE });
  await session.send('Network.enable');
  if (cold) await session.send('Network.setCacheDisabled', { cacheDisabled: true });
  const transfer = countTransfer(session);
  await page.goto(url);
  await page.waitForFunction(() => window.benchStartup?.ready_frame_ms !== undefined, null, { timeout: 60_000 });
  // A build with its later screens split off preloads the chunk's loader.
  const split = later && await page.evaluate(() => document.querySelector('link[href*="/__wasm_split"]') !== null);
  if (split) await page.waitForFunction(() => window.benchStartup.later_screens_ms !== undefined, null, { timeout: 60_000 });
  const marks = await page.evaluate(() => {
    const [navigation] = performance.getEntriesByType('navigation');
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      ...window.benchStartup,
      response_end_ms: navigation.responseEnd,
      dom_content_loaded_ms: navigation.domContentLoadedEventEnd,
      first_contentful_paint_ms: paint?.startTime ?? null,
    };
  });
  await session.detach();
  return { ...marks, ...transfer };
}

/**
 * `count` first visits of `path`, each in a fresh context, after one that is not counted: the
 * browser's first navigation to a server also starts its network service and a renderer.
 */
async function coldLoads(browser, server, { path, count, label, later = false }) {
  const loads = [];
  for (let run = -1; run < count; run += 1) {
    const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
    await context.addInitScript(markReady, START_BUTTON);
    const page = await context.newPage();
    const load = await measureLoad(page, `${server.url}${path}`, { cold: true, later });
    await context.close();
    if (run < 0) continue;
    loads.push(load);
    say(`start-up ${label} ${run + 1}/${count}: ${load.ready_frame_ms.toFixed(0)} ms`);
  }
  return loads;
}

/**
 * A kiosk loading the app again (as after the kiosk's nightly restart or a power cut): the
 * service worker installed by a first, unmeasured visit serves the app.
 */
async function warmLoads(browser, server, { count }) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(markReady, START_BUTTON);
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  const loads = [];
  for (let run = 0; run < count; run += 1) {
    loads.push(await measureLoad(page, server.url, { cold: false, later: true }));
    say(`start-up kiosk warm ${run + 1}/${count}: ${loads.at(-1).ready_frame_ms.toFixed(0)} ms`);
  }
  await context.close();
  return loads;
}

const pick = (loads, key) => loads.map((load) => load[key]).filter((value) => value !== null && value !== undefined);

function summarize(loads) {
  return {
    ready: summarizeMs(pick(loads, 'ready_frame_ms')),
    wasm_started: summarizeMs(pick(loads, 'wasm_started_ms')),
    later_screens: summarizeMs(pick(loads, 'later_screens_ms')),
    dom_content_loaded: summarizeMs(pick(loads, 'dom_content_loaded_ms')),
    first_contentful_paint: summarizeMs(pick(loads, 'first_contentful_paint_ms')),
    requests_median: percentile(pick(loads, 'requests'), 50),
    encoded_bytes_median: percentile(pick(loads, 'encoded_bytes'), 50),
    loads,
  };
}

/**
 * The floor the kiosk is held to: its welcome screen as a static page, what a server-rendered
 * kiosk would send. The kiosk's own welcome screen, once ready, is copied as it is (its
 * elements, texts, `lang` and `dir`, its stylesheet and icon) without any script or preload,
 * and served by the same server as `/floor-welcome.html`.
 */
async function writeWelcomeFloor(browser, server, dist) {
  const context = await browser.newContext({ viewport: VIEWPORT, serviceWorkers: 'block' });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.locator(`${START_BUTTON}:not([disabled])`).waitFor();
  const html = await page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true);
    copy.querySelectorAll('script, link[rel=modulepreload], link[rel=preload], noscript').forEach((element) => element.remove());
    return `<!doctype html>${copy.outerHTML}`;
  });
  await context.close();
  writeFileSync(path.join(dist, 'floor-welcome.html'), html);
}

export async function measureStartup(browser, server, { loads, dist }) {
  await writeWelcomeFloor(browser, server, dist);
  const floor = summarize(await coldLoads(browser, server, { path: '/floor-welcome.html', count: loads, label: 'floor (welcome screen)' }));
  const bare = summarize(await coldLoads(browser, server, { path: '/floor.html', count: loads, label: 'bare floor' }));
  // The same heading and button from the smallest Leptos app: what Leptos and WebAssembly
  // cost before the kiosk does anything of its own.
  const minimalLeptos = existsSync(path.join(dist, 'minimal-leptos/index.html'))
    ? summarize(await coldLoads(browser, server, { path: '/minimal-leptos/index.html', count: loads, label: 'minimal Leptos app' }))
    : null;
  if (!minimalLeptos) say('start-up: minimal Leptos app skipped (no WILLKOMMEN_MINIMAL_LEPTOS_DIR; `cargo xtask bench browser` builds it)');
  const kiosk = summarize(await coldLoads(browser, server, { path: '/', count: loads, label: 'kiosk cold', later: true }));
  const warm = summarize(await warmLoads(browser, server, { count: loads }));
  const ratio = (a, b) => Math.round((a / b) * 10) / 10;
  return {
    command: COMMAND,
    cpu_throttle: CPU_THROTTLE,
    viewport: VIEWPORT,
    kiosk_cold: kiosk,
    kiosk_warm: warm,
    floor_cold: floor,
    bare_floor_cold: bare,
    minimal_leptos_cold: minimalLeptos,
    ratio_kiosk_to_floor_median: ratio(kiosk.ready.median_ms, floor.ready.median_ms),
    ratio_kiosk_to_floor_p95: ratio(kiosk.ready.p95_ms, floor.ready.p95_ms),
    ratio_kiosk_to_bare_floor_median: ratio(kiosk.ready.median_ms, bare.ready.median_ms),
    ratio_warm_to_bare_floor_median: ratio(warm.ready.median_ms, bare.ready.median_ms),
    ratio_minimal_leptos_to_floor_median: minimalLeptos && ratio(minimalLeptos.ready.median_ms, floor.ready.median_ms),
  };
}
