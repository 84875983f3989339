// End to end: a kiosk never hands out two tickets and never shows a dead screen. A double tap,
// a lost answer, a server that stops and starts again, a kiosk that restarts while the server is
// down, and a new release arriving while it runs.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { cpSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import {
  browserPerFile, distDir, expectAttribute, expectEvaluated, expectState, expectText, startServer, tempDir,
} from './harness.mjs';
import {
  answerChecklist, chooseConcern, chooseLanguage, continueToSummary, message, openKiosk, start, takeTicket,
} from './kiosk-steps.mjs';

const chromium = browserPerFile();

/** Welcome -> summary for an address change in `tag`, every document at hand. */
async function toSummary(page, tag) {
  await start(page);
  await chooseLanguage(page, tag);
  await chooseConcern(page, tag === 'de' ? 'Neue Adresse' : 'Address change');
  await answerChecklist(page, () => true);
  await continueToSummary(page);
}

/** The next number the server gives for an address change, asked directly. */
async function nextAddressChangeNumber(server) {
  const response = await fetch(`${server.url}/api/v1/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `e2e-${Date.now()}` },
    body: JSON.stringify({ concern: 'address-change', language: 'de' }),
  });
  return (await response.json()).number;
}

test('a double tap on "take a ticket" sends one request and yields one ticket', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await openKiosk(chromium.browser, server);
  await toSummary(page, 'en');
  const keys = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/v1/tickets')) keys.push(request.headers()['idempotency-key']);
  });

  await page.locator('.summary-actions .primary-button').dblclick();

  await expectText(page, '.ticket-number', 'H 001');
  assert.equal(keys.length, 1, `requests: ${keys.length}`);
  assert.equal(await nextAddressChangeNumber(server), 'H 002', 'no second ticket was issued');
});

test('a request whose answer was lost is retried with the same key and yields one ticket', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await openKiosk(chromium.browser, server);
  await toSummary(page, 'de');
  // The first answer never reaches the kiosk (a network hiccup after the server stored the
  // ticket); the kiosk retries by itself with the same key.
  const keys = [];
  await page.route('**/api/v1/tickets', async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    if (keys.length === 1) {
      await route.fetch();
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });

  await page.locator('.summary-actions .primary-button').click();

  await expectText(page, '.ticket-number', 'H 001');
  assert.equal(keys.length, 2);
  assert.equal(keys[0], keys[1], 'the retry reuses the idempotency key');
  assert.match(keys[0], /^[0-9a-f]{32}$/);
  assert.equal(await nextAddressChangeNumber(server), 'H 002', 'the lost answer did not cost a second ticket');
});

test('while the server is down the visitor is told so in their language, and the ticket comes once it is back', async () => {
  const dataDir = tempDir('data');
  let server = await startServer({ dataDir });
  const page = await openKiosk(chromium.browser, server);
  await toSummary(page, 'en');
  await server.stop();

  await page.locator('.summary-actions .primary-button').click();

  await expectText(page, '.failure', new RegExp(message('en', 'error-unreachable').slice(0, 30)));
  await expectText(page, '.failure', /We keep trying automatically/);
  await expectState(page, '.summary-actions .primary-button', 'disabled', { message: 'no second request meanwhile' });
  server = await startServer({ dataDir, port: server.port });
  // No tap needed: the kiosk retries in the background with the same key.
  await expectText(page, '.ticket-number', 'H 001');
});

test('while another program holds the database lock the visitor is told so, and the ticket comes with the same key once it is released', async () => {
  const dataDir = tempDir('data');
  const server = await startServer({ dataDir });
  const page = await openKiosk(chromium.browser, server);
  await toSummary(page, 'en');
  const keys = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/v1/tickets')) keys.push(request.headers()['idempotency-key']);
  });
  // An administrator's sqlite3 shell left inside a transaction: the server answers
  // 503 storage_unavailable after waiting five seconds for the lock, then at once.
  const shell = spawn('python3', ['-c', [
    'import sqlite3, sys',
    `db = sqlite3.connect(${JSON.stringify(path.join(dataDir, 'willkommen.db'))}, isolation_level=None)`,
    "db.execute('BEGIN IMMEDIATE')",
    "print('locked', flush=True)",
    'sys.stdin.readline()',
    "db.execute('ROLLBACK')",
  ].join('\n')], { stdio: ['pipe', 'pipe', 'inherit'] });
  await once(shell.stdout, 'data');

  await page.locator('.summary-actions .primary-button').click();

  await expectText(page, '.failure', new RegExp(message('en', 'error-unreachable').slice(0, 30)), { timeout: 15_000 });
  await expectText(page, '.failure', /We keep trying automatically/);
  shell.stdin.end('\n');
  await once(shell, 'exit');
  await expectText(page, '.ticket-number', 'H 001', { timeout: 20_000 });
  assert.ok(keys.length >= 2, `requests: ${keys.length}`);
  assert.equal(new Set(keys).size, 1, 'every retry reuses the idempotency key');
  assert.equal(await nextAddressChangeNumber(server), 'H 002', 'no second ticket was issued');
});

test('a kiosk restarting while the server is down shows its own message, and recovers without a reload', async () => {
  const dataDir = tempDir('data');
  let server = await startServer({ dataDir });
  const page = await openKiosk(chromium.browser, server);
  // The service worker has kept the app once it controls the page.
  await expectEvaluated(page, () => navigator.serviceWorker.controller !== null, true);
  await server.stop();

  await page.reload();

  await expectText(page, '.notice-title', message('de', 'welcome-unavailable'));
  await expectState(page, '.start-button', 'disabled');
  await page.evaluate(() => { window.sameDocument = true; });
  server = await startServer({ dataDir, port: server.port });
  await page.locator('.start-button:not([disabled])').waitFor({ timeout: 30_000 });
  await expectText(page, '.welcome-status', 'Wartenummern gibt es jetzt.');
  await expectEvaluated(page, () => window.sameDocument, true, { message: 'recovered without reloading' });
});

test('if the screens after the welcome screen cannot be fetched, the visitor is told so and can try again', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  // The release build fetches them as a chunk of their own once the kiosk is ready
  // (src/pages/kiosk/later_screens.rs); here the network loses it until the test lets it through.
  const chunk = readdirSync(distDir).find((file) => /^split_later_screens-.*\.wasm$/.test(file));
  assert.ok(chunk, `the release build in ${distDir} has the later screens as a chunk`);
  const context = await chromium.browser.newContext({ viewport: { width: 1080, height: 1920 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  page.on('pageerror', (error) => { throw error; });
  let reachable = false;
  let attempts = 0;
  await page.route(`**/${chunk}`, (route) => {
    attempts += 1;
    return reachable ? route.continue() : route.abort('connectionrefused');
  });
  await page.goto(server.url);
  await page.locator('.start-button:not([disabled])').waitFor({ timeout: 15_000 });

  await page.locator('.start-button').click();

  await expectText(page, '#kiosk-screen .failure p', message('de', 'error-unreachable'));
  assert.ok(attempts >= 1, 'the chunk was asked for');
  reachable = true;
  await page.locator('#kiosk-screen .failure button').click();
  await page.locator('.language-grid').waitFor();
  await chooseLanguage(page, 'ar');
  await expectAttribute(page, 'html', 'dir', 'rtl');
  await context.close();
});

test('an idle kiosk says within seconds that no tickets can be had while the server is down, and invites visitors again once it is back', async () => {
  const dataDir = tempDir('data');
  let server = await startServer({ dataDir });
  const page = await openKiosk(chromium.browser, server);
  await page.waitForTimeout(500); // let the live stream connect
  await server.stop();

  // Far sooner than the half-minute check: the broken live stream makes the kiosk look at once.
  await expectText(page, '.welcome .notice-title', message('de', 'welcome-unavailable'), { timeout: 5_000 });
  await expectState(page, '.start-button', 'disabled', { message: 'nobody is invited in for a ticket that cannot come' });
  server = await startServer({ dataDir, port: server.port });
  await page.locator('.start-button:not([disabled])').waitFor({ timeout: 10_000 });
  await expectText(page, '.welcome-status', 'Wartenummern gibt es jetzt.');
});

test('a new release is taken between two visitors, whole: new texts from a new worker, old cache gone', async () => {
  const dist = tempDir('dist');
  cpSync(distDir, dist, { recursive: true });
  const server = await startServer({ dataDir: tempDir('data'), dist });
  const page = await openKiosk(chromium.browser, server);
  await expectEvaluated(page, () => navigator.serviceWorker.controller !== null, true);
  const before = await page.evaluate(() => caches.keys());
  await page.evaluate(() => { window.sameDocument = true; });

  // Release a new version: changed English texts, and so a new worker version.
  const replace = (file, from, to) => {
    const text = readFileSync(path.join(dist, file), 'utf8');
    assert.ok(text.includes(from), `${file} contains ${from}`);
    writeFileSync(path.join(dist, file), text.replace(from, to));
    // HTTP dates have whole seconds: a file changed within the second it was copied would look
    // unchanged to the browser's If-Modified-Since. A real release comes later than that.
    const later = new Date(Date.now() + 5_000);
    utimesSync(path.join(dist, file), later, later);
    // The server prefers the precompressed copies; this release has none for these files.
    for (const compressed of ['.br', '.gz']) rmSync(path.join(dist, file + compressed), { force: true });
  };
  replace('sw.js', 'const VERSION = "', 'const VERSION = "next-');
  replace('locales/en/main.ftl', 'welcome-greeting = Welcome', 'welcome-greeting = Welcome again');

  // While nobody uses it, the kiosk looks for a new release every 30 s and reloads once.
  await expectEvaluated(page, () => window.sameDocument, undefined, { timeout: 90_000, message: 'the kiosk reloaded itself' });
  await page.locator('.start-button:not([disabled])').waitFor();

  const after = await expectEvaluated(page, () => caches.keys(), (keys) => keys.length === 1 && /^willkommen-next-/.test(keys[0]), {
    message: 'one release in the cache, the new one',
  });
  assert.notDeepEqual(after, before);
  const english = await page.evaluate(async () => (await fetch('/locales/en/main.ftl')).text());
  assert.match(english, /welcome-greeting = Welcome again/, 'the new release\'s texts');
});
