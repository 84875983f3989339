// scratch (not committed): trace of a cold kiosk start, 4x throttle; main-thread time by event.
import { readFileSync } from 'node:fs';
import { launchBrowser, startServer, tempDir } from '../e2e/harness.mjs';
import { devtools } from './common.mjs';
const dist = process.argv[2];
const runs = Number(process.argv[3] ?? 3);
const urlPath = process.argv[4] ?? '/';
const server = await startServer({ dataDir: tempDir('data'), dist });
const browser = await launchBrowser();
const totals = new Map();
for (let run = 0; run < runs + 1; run += 1) {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const session = await devtools(page, { cpuThrottle: 4 });
  await session.send('Network.enable');
  await session.send('Network.setCacheDisabled', { cacheDisabled: true });
  const file = `/tmp/prof/trace-${run}.json`;
  await browser.startTracing(page, { path: file, categories: ['devtools.timeline', 'v8', 'v8.wasm', 'blink', 'loading', 'disabled-by-default-devtools.timeline'] });
  const t0 = Date.now();
  await page.goto(server.url + urlPath);
  await page.locator('.start-button:not([disabled]), button').first().waitFor();
  await page.waitForTimeout(50);
  await browser.stopTracing();
  await context.close();
  if (run === 0) continue;
  const events = JSON.parse(readFileSync(file, 'utf8')).traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const nav = events.filter((e) => e.pid === main.pid && e.name === 'navigationStart').map((e) => e.ts).sort()[0];
  const ready = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
  // top-level only: events not nested within another X event on the same thread
  ready.sort((a, b) => a.ts - b.ts);
  let end = 0;
  for (const e of ready) {
    const within = e.ts < end;
    if (!within) end = e.ts + (e.dur ?? 0);
    const key = (within ? '  ' : '') + e.name + (e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'v8.compile' ? '' : '');
    if (!within || ['ParseHTML','UpdateLayoutTree','Layout','Paint','v8.wasm.compiledModule','v8.wasm.streamFromResponseCallback','wasm.SyncInstantiate','v8.wasm.finishedStreaming','EventDispatch','v8.compile','CompileScript','v8.wasm.compileConsume','wasm.InstantiateWasm', 'V8.GCScavenger','MajorGC','MinorGC','V8.GC_MC_BACKGROUND_MARKING'].includes(e.name)) totals.set(key, (totals.get(key) ?? 0) + (e.dur ?? 0) / 1000 / runs);
  }
}
for (const [k, v] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(v.toFixed(1).padStart(8), k);
await browser.close();
await server.stop();
process.exit(0);
