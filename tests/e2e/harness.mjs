// Shared pieces of the end-to-end tests: the real server binary on a free port with a
// temporary database, Debian's Chromium driven by playwright-core, axe-core and a QR decoder.
import { AssertionError } from 'node:assert';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect, isDeepStrictEqual } from 'node:util';

import { after, afterEach, before } from 'node:test';

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

/** The release web app the tests serve: WILLKOMMEN_DIST_DIR, or dist/ of this checkout. */
export const distDir = process.env.WILLKOMMEN_DIST_DIR ?? path.join(root, 'dist');

const running = new Set();

/** Stops every server still running, e.g. after a test failed half-way. */
export async function stopAllServers() {
  await Promise.all([...running].map((server) => server.stop()));
}

/**
 * Starts the real willkommen-server on 127.0.0.1 with `dataDir`. It stops by itself when this
 * process ends (--stop-on-stdin-eof), even if a test crashes.
 */
export async function startServer({ dataDir, port = 0, dist = distDir, args = [], env = {} }) {
  const bin = process.env.WILLKOMMEN_SERVER_BIN ?? path.join(root, 'target/debug/willkommen-server');
  const child = spawn(
    bin,
    ['--bind', '127.0.0.1', '--port', String(port), '--data-dir', dataDir, '--dist-dir', dist, '--stop-on-stdin-eof', ...args],
    { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, RUST_LOG: 'warn', ...env } },
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

/**
 * What every test file needs: one headless Chromium for the file's tests (started before the
 * first, closed after the last) and every server stopped after each test, even a failed one.
 * `const chromium = browserPerFile();`, then `chromium.browser.newPage()` in the tests.
 */
export function browserPerFile() {
  const shared = { browser: undefined };
  before(async () => { shared.browser = await launchBrowser(); });
  afterEach(stopAllServers);
  after(async () => { await shared.browser?.close(); });
  return shared;
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

// Assertions on the page wait until it shows what they expect, as Playwright's
// `expect(locator).toHaveText(...)` does: Leptos patches the page in a microtask, after fetches
// and live-stream events, so a page read right after a click or a key press can still show the
// state from before it. Each `expect*` helper below polls through `expectEventually`, returns
// the value that satisfied it, and after `timeout` ms throws an AssertionError saying what was
// expected of which element and what the page showed last.
//
// `expected` is a value (strings compare exactly, other values deeply), a RegExp the value
// must match, or a function that must return true for it. `options` are `{ message, timeout }`:
// the message (what the assertion means) starts the error; the timeout defaults to 15 s.

const TIMEOUT = 15_000;
const INTERVAL = 50;

/** How a helper reports an element it could not read. */
class Absent {
  constructor(why) { this.why = why; }
}

function matches(expected, value) {
  if (value instanceof Absent) return false;
  if (expected instanceof RegExp) return typeof value === 'string' && expected.test(value);
  if (typeof expected === 'function') return Boolean(expected(value));
  return isDeepStrictEqual(value, expected);
}

/** `expected` in words; `noun` names what a RegExp or a function is a condition on. */
function show(expected, noun) {
  if (expected instanceof RegExp) return `${noun} matching ${expected}`;
  if (typeof expected === 'function') return `${noun} for which ${expected} holds`;
  return inspect(expected);
}

/**
 * The polling core of every `expect*` helper: calls `read()` every 50 ms until `check(value)`
 * holds and returns that value. A read that throws (an element replaced mid-read, a page
 * navigating) counts as not yet. After `timeout` ms it throws an AssertionError:
 * "<message>: expected <describe.subject> <describe.wanted> within <timeout>, but <describe.shown(last value)>".
 */
export async function expectEventually(read, check, describe, { message, timeout = TIMEOUT } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = { value: await read() };
      if (check(last.value)) return last.value;
    } catch (error) {
      if (/has been closed/.test(error.message)) throw error;
      last = { error };
    }
    if (Date.now() >= deadline) break;
    await new Promise((resolve) => { setTimeout(resolve, INTERVAL); });
  }
  const shown = 'error' in last
    ? `reading it failed: ${last.error.message.split('\n')[0]}`
    : last.value instanceof Absent ? last.value.why : describe.shown(last.value);
  throw new AssertionError({
    message: `${message ? `${message}: ` : ''}expected ${describe.subject} ${describe.wanted} within ${timeout / 1000} s, but ${shown}`,
    actual: 'error' in last ? last.error : last.value instanceof Absent ? last.value.why : last.value,
    expected: describe.wanted,
    operator: 'expectEventually',
  });
}

/**
 * The locator the helper's arguments name, and the arguments after it: a page, frame locator
 * or locator with a selector inside it (`page, '.ticket-number', expected`), or a locator alone
 * (`locator, expected`). `after` is how many arguments the helper takes after the element.
 */
function element(args, after) {
  const [scope, ...rest] = args;
  const last = rest[after];
  const withSelector = rest.length > after && !(typeof last === 'object' && last !== null && !(last instanceof RegExp));
  const locator = withSelector ? scope.locator(rest.shift()) : scope;
  return [locator, ...rest];
}

/** `read(element)` for the first element of `locator` now, or Absent when there is none. */
async function ofFirst(locator, read) {
  const first = locator.first();
  return (await first.count()) === 0 ? new Absent('there was no such element') : read(first);
}

/**
 * The text the first element of `locator` shows now, trimmed and without the invisible marks
 * (U+2068, U+2069) with which Fluent isolates numbers and names inside right-to-left text.
 */
function shownText(locator) {
  return ofFirst(locator, async (first) => ((await first.isVisible())
    ? (await first.innerText({ timeout: 1_000 })).replace(/[\u2068\u2069]/g, '').trim()
    : new Absent('it was not visible')));
}

/**
 * `expectText(page, selector, expected, options?)` or `expectText(locator, expected, options?)`:
 * waits until the first matching element is visible and its text (trimmed, without U+2068 and
 * U+2069) is `expected`; returns that text.
 */
export async function expectText(...args) {
  const [locator, expected, options] = element(args, 1);
  return expectEventually(() => shownText(locator), (text) => matches(expected, text), {
    subject: String(locator),
    wanted: `to show ${show(expected, 'a text')}`,
    shown: (text) => `it showed ${inspect(text)}`,
  }, options);
}

/** `expectCount(page, selector, expected, options?)` or `expectCount(locator, ...)`: how many elements match. */
export async function expectCount(...args) {
  const [locator, expected, options] = element(args, 1);
  return expectEventually(() => locator.count(), (count) => matches(expected, count), {
    subject: String(locator),
    wanted: `to match ${typeof expected === 'number' ? `${expected} element(s)` : show(expected, 'a number of elements')}`,
    shown: (count) => `it matched ${count}`,
  }, options);
}

/**
 * `expectAttribute(page, selector, name, expected, options?)` or `expectAttribute(locator, name,
 * ...)`: the attribute `name` of the first matching element (null when it has none).
 */
export async function expectAttribute(...args) {
  const [locator, name, expected, options] = element(args, 2);
  const read = () => ofFirst(locator, (first) => first.getAttribute(name, { timeout: 1_000 }));
  return expectEventually(read, (value) => matches(expected, value), {
    subject: String(locator),
    wanted: `to have ${name} ${show(expected, 'a value')}`,
    shown: (value) => (value === null ? `it had no ${name}` : `it had ${name} ${inspect(value)}`),
  }, options);
}

/**
 * `expectState(page, selector, state, options?)` or `expectState(locator, state, options?)`:
 * the first matching element is 'visible', 'enabled' or 'disabled'.
 */
export async function expectState(...args) {
  const [locator, state, options] = element(args, 1);
  const read = () => ofFirst(locator, async (first) => {
    if (state === 'visible') return (await first.isVisible()) ? 'visible' : 'hidden';
    return (await first.isEnabled({ timeout: 1_000 })) ? 'enabled' : 'disabled';
  });
  return expectEventually(read, (value) => value === state, {
    subject: String(locator),
    wanted: `to be ${state}`,
    shown: (value) => `it was ${value}`,
  }, options);
}

/**
 * `expectEvaluated(page, fn, expected, { arg, message, timeout })`: what `fn(arg)` returns in
 * the page; with a locator instead of the page, `fn(element, arg)` for its element.
 */
export async function expectEvaluated(scope, fn, expected, { arg, ...options } = {}) {
  const onElement = typeof scope.count === 'function';
  const read = () => (onElement ? scope.evaluate(fn, arg, { timeout: 1_000 }) : scope.evaluate(fn, arg));
  return expectEventually(read, (value) => matches(expected, value), {
    subject: onElement ? `${scope}.evaluate(${fn})` : String(fn),
    wanted: `to return ${show(expected, 'a value')}`,
    shown: (value) => `it returned ${inspect(value)}`,
  }, options);
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
