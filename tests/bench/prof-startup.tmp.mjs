// scratch (not committed): CPU profile of a cold kiosk start, 4x throttle; top self time.
import { launchBrowser, startServer, tempDir } from '../e2e/harness.mjs';
import { devtools } from './common.mjs';
const dist = process.argv[2];
const runs = Number(process.argv[3] ?? 3);
const server = await startServer({ dataDir: tempDir('data'), dist });
const browser = await launchBrowser();
const totals = new Map();
let total = 0;
for (let run = 0; run < runs; run += 1) {
  const context = await browser.newContext({ viewport: { width: 1080, height: 1920 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const session = await devtools(page, { cpuThrottle: 4 });
  await session.send('Network.enable');
  await session.send('Network.setCacheDisabled', { cacheDisabled: true });
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  await page.goto(server.url);
  await page.locator('.start-button:not([disabled])').waitFor();
  const { profile } = await session.send('Profiler.stop');
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  const self = new Map();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (dt[i] ?? 0)));
  for (const [id, us] of self) {
    const n = byId.get(id);
    const key = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`;
    totals.set(key, (totals.get(key) ?? 0) + us / 1000 / runs);
    total += us / 1000 / runs;
  }
  await context.close();
}
console.log(`total sampled ms per load: ${total.toFixed(0)}`);
for (const [k, v] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 45)) console.log(v.toFixed(1).padStart(8), k);
await browser.close();
await server.stop();
process.exit(0);
