// scratch: phases of a cold kiosk start, 4x throttle
import { launchBrowser, startServer, tempDir } from '../e2e/harness.mjs';
import { devtools } from './common.mjs';
const dist = process.argv[2];
const runs = Number(process.argv[3] ?? 5);
const server = await startServer({ dataDir: tempDir('data'), dist });
const browser = await launchBrowser();
function hooks() {
  const m = (window.phases = {});
  const parse = JSON.parse;
  JSON.parse = function (text, ...rest) {
    const t = performance.now();
    const r = parse.call(this, text, ...rest);
    if (text.length > 50000) { m.parse_start = t; m.parse_end = performance.now(); }
    return r;
  };
  m.long = [];
  new PerformanceObserver((l) => { for (const e of l.getEntries()) m.long.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: 'longtask', buffered: true });
  const inst = WebAssembly.instantiateStreaming;
  WebAssembly.instantiateStreaming = function (src, imp) { const t = performance.now(); const p = inst.call(this, src, imp); Promise.resolve(src).then((r) => { if (r.url.includes('split_')) { m.chunk_start = t; p.then(() => { m.chunk_done = performance.now(); }); } }); return p; };
  addEventListener('TrunkApplicationStarted', () => { m.wasm_started = performance.now(); });
  const ob = new MutationObserver(() => {
    if (!m.first_dom && document.querySelector('.kiosk')) m.first_dom = performance.now();
    const b = document.querySelector('.start-button');
    if (b && !b.disabled && !m.enabled) { m.enabled = performance.now(); requestAnimationFrame(() => { m.ready = performance.now(); }); }
  });
  ob.observe(document, { subtree: true, childList: true, attributes: true });
}
const rows = [];
for (let run = 0; run <= runs; run += 1) {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, serviceWorkers: 'block' });
  await context.addInitScript(hooks);
  const page = await context.newPage();
  const session = await devtools(page, { cpuThrottle: 4 });
  await session.send('Network.enable');
  await session.send('Network.setCacheDisabled', { cacheDisabled: true });
  await page.goto(server.url);
  await page.waitForFunction(() => window.phases.ready !== undefined);
  await page.waitForTimeout(1500);
  const p = await page.evaluate(() => {
    const res = performance.getEntriesByType('resource').map((e) => [e.name.split('/').pop(), Math.round(e.startTime), Math.round(e.responseEnd)]);
    return { ...window.phases, res };
  });
  await context.close();
  if (run) rows.push(p);
}
for (const p of rows) console.log(['wasm_started', 'first_dom', 'parse_start', 'parse_end', 'enabled', 'ready', 'chunk_start', 'chunk_done'].map((k) => `${k}=${p[k]?.toFixed(0)}`).join(' ') + ' long=' + JSON.stringify(p.long));
console.log(JSON.stringify(rows[0].res));
await browser.close(); await server.stop(); process.exit(0);
