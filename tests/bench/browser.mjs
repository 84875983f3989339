// The browser benchmarks (issue 8, "Benchmarks and budgets"): the kiosk's start-up, its
// responsiveness to taps, the memory of a kiosk and a call display over long uptime, and the
// kiosk through a server outage, in headless Chromium against the real server.
//
//   node tests/bench/browser.mjs --out <dir> [--quick] [--only startup,taps,memory,display,outage]
//
// (`--only` runs some parts, e.g. while working on one; `cargo xtask bench` runs them all.)
// writes <dir>/browser.json and <dir>/browser.md (sections for docs/benchmarks.md). The
// environment is the e2e tests': WILLKOMMEN_SERVER_BIN (a release build is meant),
// WILLKOMMEN_DIST_DIR, CHROMIUM. The benchmarks measure; they fail only when something does
// not work (a visit cannot be completed, a call never reaches the display).
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';

import { launchBrowser, startServer, stopAllServers, tempDir } from '../e2e/harness.mjs';
import { prepareDist, root, say } from './common.mjs';
import { displayMemory, kioskMemory } from './memory.mjs';
import { measureOutage } from './outage.mjs';
import { markdown } from './report.mjs';
import { measureResponsiveness } from './responsiveness.mjs';
import { CPU_THROTTLE, measureStartup } from './startup.mjs';

/** The parts, in the order they run. */
const PARTS = ['startup', 'taps', 'memory', 'display', 'outage'];

const COUNTS = {
  full: {
    loads: 10,
    flows: 10,
    memory: { flows: 1000, every: 50, warmup: 100 },
    display: { calls: 5000, every: 250, warmup: 250 },
    outageRepeats: 3,
  },
  quick: {
    loads: 3,
    flows: 3,
    memory: { flows: 100, every: 50, warmup: 50 },
    display: { calls: 200, every: 100, warmup: 100 },
    outageRepeats: 1,
  },
};

function environment(browser) {
  const git = (...args) => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  };
  const dirty = git('status', '--porcelain', '--untracked-files=no');
  return {
    chromium: browser.version(),
    cpu_throttle: CPU_THROTTLE,
    node: process.version,
    cpus: os.cpus().length,
    cpu_model: os.cpus()[0]?.model.trim() ?? 'unknown',
    memory_gib: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    date: new Date().toISOString().slice(0, 10),
    commit: `${git('rev-parse', '--short', 'HEAD') ?? 'unknown'}${dirty ? ' (with uncommitted changes)' : ''}`,
  };
}

/** Runs `measure` against a fresh server (its own database), stopped afterwards. */
async function withServer(dist, measure) {
  const server = await startServer({ dataDir: tempDir('data'), dist });
  try {
    return await measure(server);
  } finally {
    await server.stop();
  }
}

async function main() {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, quick: { type: 'boolean', default: false }, only: { type: 'string' } },
  });
  if (!values.out) throw new Error('usage: node tests/bench/browser.mjs --out <dir> [--quick] [--only <parts>]');
  const parts = values.only?.split(',') ?? PARTS;
  const unknown = parts.filter((part) => !PARTS.includes(part));
  if (unknown.length) throw new Error(`unknown parts ${unknown.join(', ')}: the parts are ${PARTS.join(', ')}`);
  const wanted = (part) => parts.includes(part);
  const counts = values.quick ? COUNTS.quick : COUNTS.full;
  const began = Date.now();
  const dist = prepareDist();
  // As docs/kiosk-device.md starts Chromium on kiosks and displays: sound without a tap (the
  // display's gong).
  const browser = await launchBrowser({ args: ['--autoplay-policy=no-user-gesture-required'] });
  try {
    say(`Chromium ${browser.version()}, ${values.quick ? 'quick' : 'full'} run`);
    const results = { environment: environment(browser) };
    if (wanted('startup')) {
      results.startup = await withServer(dist, (server) => measureStartup(browser, server, { loads: counts.loads, dist }));
    }
    if (wanted('taps')) {
      results.responsiveness = await withServer(dist, (server) => measureResponsiveness(browser, server, { flows: counts.flows }));
    }
    results.memory = {};
    if (wanted('memory')) results.memory.kiosk = await withServer(dist, (server) => kioskMemory(browser, server, counts.memory));
    if (wanted('display')) results.memory.display = await withServer(dist, (server) => displayMemory(browser, server, counts.display));
    if (wanted('outage')) results.outage = await measureOutage(browser, { dist, repeats: counts.outageRepeats });
    results.quick = values.quick;
    results.run_seconds = Math.round((Date.now() - began) / 1000);

    mkdirSync(values.out, { recursive: true });
    writeFileSync(path.join(values.out, 'browser.json'), `${JSON.stringify(results, null, 2)}\n`);
    writeFileSync(path.join(values.out, 'browser.md'), markdown(results));
    say(`done in ${results.run_seconds} s: ${path.join(values.out, 'browser.json')}, ${path.join(values.out, 'browser.md')}`);
  } finally {
    await browser.close();
    await stopAllServers();
  }
}

main().catch((error) => {
  process.stderr.write(`browser benchmarks failed: ${error.stack ?? error}\n`);
  process.exitCode = 1;
});
