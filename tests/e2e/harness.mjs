// Shared pieces of the end-to-end tests: the real server binary on a free port with a
// temporary database, Debian's Chromium driven by playwright-core, axe-core and a QR decoder.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import jsQR from 'jsqr';
import { chromium } from 'playwright-core';
import { PNG } from 'pngjs';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A temporary folder, removed when the test process exits. */
export function tempDir(prefix) {
  const dir = mkdtempSync(path.join(tmpdir(), `willkommen-${prefix}-`));
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const running = new Set();

/** Stops every server still running, e.g. after a test failed half-way. */
export async function stopAllServers() {
  await Promise.all([...running].map((server) => server.stop()));
}

/**
 * Starts the real willkommen-server on 127.0.0.1 with `dataDir`. It stops by itself when this
 * process ends (--stop-on-stdin-eof), even if a test crashes.
 */
export async function startServer({ dataDir, port = 0, dist = process.env.WILLKOMMEN_DIST_DIR ?? path.join(root, 'dist') }) {
  const bin = process.env.WILLKOMMEN_SERVER_BIN ?? path.join(root, 'target/debug/willkommen-server');
  const child = spawn(
    bin,
    ['--bind', '127.0.0.1', '--port', String(port), '--data-dir', dataDir, '--dist-dir', dist, '--stop-on-stdin-eof'],
    { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, RUST_LOG: 'warn' } },
  );
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const url = await new Promise((resolve, reject) => {
    let stdout = '';
    const timer = setTimeout(() => reject(new Error(`server did not start: ${stderr}`)), 20_000);
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      const match = stdout.match(/running on (http:\/\/127\.0\.0\.1:\d+)/);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => reject(new Error(`server exited (${code}): ${stderr}`)));
  });
  // Neither the server nor its pipes may keep this process alive; when it ends, the closed
  // stdin stops the server.
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) stream.unref?.();
  const server = {
    url,
    port: Number(new URL(url).port),
    /** Graceful stop, as an operator's Ctrl+C. */
    async stop() {
      running.delete(server);
      child.stdin.end();
      const timeout = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timeout);
    },
  };
  running.add(server);
  return server;
}

/** Headless Chromium from Debian, kept off the (closed) network; `args` adds switches. */
export async function launchBrowser({ args = [] } = {}) {
  const home = tempDir('chromium-home');
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...args,
    ],
    env: { ...process.env, HOME: home },
  });
}

/**
 * Waits for `selector` to be visible and returns its text, without the invisible marks
 * (U+2068, U+2069) with which Fluent isolates numbers and names inside right-to-left text.
 */
export async function textOf(page, selector) {
  const locator = page.locator(selector).first();
  await locator.waitFor({ state: 'visible', timeout: 15_000 });
  return (await locator.innerText()).replace(/[\u2068\u2069]/g, '').trim();
}

/**
 * The text of `selector` (as `textOf` reads it) once it equals `expected`, or whatever it is
 * after 15 s: for a state the app renders after an action. Leptos patches the page in a
 * microtask, so text read right after a keystroke or a click can still be the one before.
 */
export async function settledText(page, selector, expected) {
  const deadline = Date.now() + 15_000;
  let text = await textOf(page, selector);
  while (text !== expected && Date.now() < deadline) {
    await page.waitForTimeout(50);
    text = await textOf(page, selector);
  }
  return text;
}

/** Waits until the page's first `selector` element has exactly `text`. */
export async function waitForText(page, selector, text) {
  await page.locator(selector, { hasText: text }).first().waitFor({ state: 'visible', timeout: 15_000 });
}

let axeScript;
function axeSource() {
  axeScript ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return axeScript;
}

/** axe-core's WCAG 2.x A/AA rules (and best practices); returns readable violations. */
export async function axeViolations(page) {
  // Evaluated through the DevTools protocol: the app's Content-Security-Policy (rightly)
  // refuses an injected <script> element.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axeSource());
  const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
}

/** Decodes the QR code shown in `locator` from a screenshot, as a phone camera would. */
export async function decodeQr(locator) {
  const png = PNG.sync.read(await locator.screenshot());
  const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
  return code?.data ?? null;
}

/** Saves a screenshot to tests/e2e/artifacts/ for people to look at. */
export async function keepScreenshot(page, name) {
  const dir = path.join(root, 'tests/e2e/artifacts');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}
