// End to end: the release web app, served by the real server binary with a temporary SQLite
// database, driven in headless Chromium as a visitor would use it.
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';

import {
  axeViolations, decodeQr, keepScreenshot, launchBrowser, startServer, stopAllServers, tempDir, textOf, waitForText,
} from './harness.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
afterEach(stopAllServers);
after(async () => { await browser?.close(); });

async function kioskPage(server) {
  const page = await browser.newPage({ viewport: { width: 1080, height: 1920 } });
  await page.goto(`${server.url}/`);
  await waitForText(page, 'h1', 'Worum geht es bei Ihnen?');
  return page;
}

test('a visitor gets a ticket whose QR code opens its status page, which survives a server restart', async () => {
  const dataDir = tempDir('data');
  let server = await startServer({ dataDir });
  const page = await kioskPage(server);
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  assert.ok(await page.locator('.concern-button').count() >= 8, 'at least 8 concerns');
  await keepScreenshot(page, 'kiosk-concerns-de');

  await page.getByRole('button', { name: 'English' }).click();
  await waitForText(page, 'h1', 'What can we help you with?');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.getByRole('button', { name: /Address change/ }).click();

  const number = await textOf(page, '.ticket-number');
  assert.match(number, /^H \d{3}$/);
  assert.equal(await textOf(page, '.ticket h1'), 'Your ticket number');
  assert.equal(await textOf(page, '.people-ahead'), 'You are next.');
  assert.equal(await textOf(page, '.estimated-wait'), 'We cannot estimate the wait yet.', 'no service yet: no estimate');
  await keepScreenshot(page, 'kiosk-ticket-en');
  const statusUrl = await decodeQr(page.locator('.qr-code svg'));
  assert.match(statusUrl ?? '', new RegExp(`^${server.url}/t/[A-Za-z0-9_-]{22}$`), `QR code holds ${statusUrl}`);
  const id = statusUrl.split('/t/')[1];

  await server.stop();
  server = await startServer({ dataDir });
  await page.goto(`${server.url}/t/${id}`);

  assert.equal(await textOf(page, '.ticket-number'), number);
  assert.equal(await textOf(page, '.ticket-state'), 'You are in the queue.');
  assert.equal(await textOf(page, '.people-ahead'), 'You are next.');
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the status page speaks the ticket\'s language');
  await server.stop();
});

test('"Done" on the ticket screen brings the next visitor back to the concerns', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await kioskPage(server);

  await page.getByRole('button', { name: /Aufenthaltserlaubnis verlängern/ }).click();
  assert.equal(await textOf(page, '.ticket-number'), 'A 001');
  await page.getByRole('button', { name: 'Fertig' }).click();
  await page.getByRole('button', { name: /Aufenthaltserlaubnis verlängern/ }).click();

  assert.equal(await textOf(page, '.ticket-number'), 'A 002');
  assert.equal(await textOf(page, '.people-ahead'), 'Vor Ihnen ist noch 1 Person.');
  await server.stop();
});

test('the kiosk works by keyboard alone', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await kioskPage(server);

  // Tab past the language buttons to the first concern, then take a ticket with Enter.
  let focused = '';
  for (let presses = 0; presses < 10 && !focused.includes('concern-button'); presses += 1) {
    await page.keyboard.press('Tab');
    focused = await page.evaluate(() => document.activeElement?.className ?? '');
  }
  assert.ok(focused.includes('concern-button'), 'a concern button can be reached with Tab');
  await page.keyboard.press('Enter');

  assert.match(await textOf(page, '.ticket-number'), /^[A-Z] \d{3}$/);
  const focusedHeading = await page.evaluate(() => document.activeElement?.id);
  assert.equal(focusedHeading, 'ticket-heading', 'focus moves to the ticket so a screen reader reads it');
  await server.stop();
});

test('when the server is unreachable the kiosk says so in the visitor\'s language and "Try again" gets the ticket', async () => {
  const dataDir = tempDir('data');
  let server = await startServer({ dataDir });
  const page = await kioskPage(server);
  await page.getByRole('button', { name: 'English' }).click();
  await server.stop();

  await page.getByRole('button', { name: /Address change/ }).click();

  const alert = await textOf(page, '[role=alert]');
  assert.match(alert, /cannot be reached/);
  await keepScreenshot(page, 'kiosk-unreachable-en');
  server = await startServer({ dataDir, port: server.port });
  await page.getByRole('button', { name: 'Try again' }).click();
  assert.equal(await textOf(page, '.ticket-number'), 'H 001', 'the failed attempt took no number');
  await server.stop();
});

test('a request whose answer was lost is retried with the same key and yields one ticket', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await kioskPage(server);
  // The first answer to POST /tickets never reaches the kiosk (a network hiccup after the
  // server stored the ticket); the kiosk shows the failure and the visitor taps "Noch einmal".
  let dropped = 0;
  const keys = [];
  await page.route('**/api/v1/tickets', async (route) => {
    keys.push(route.request().headers()['idempotency-key']);
    if (dropped === 0) {
      dropped += 1;
      await route.fetch();
      await route.abort('connectionreset');
    } else {
      await route.continue();
    }
  });

  await page.getByRole('button', { name: /Adressänderung|Neue Adresse/ }).click();
  await textOf(page, '[role=alert]');
  await page.getByRole('button', { name: 'Noch einmal versuchen' }).click();

  assert.equal(await textOf(page, '.ticket-number'), 'H 001');
  assert.equal(keys.length, 2);
  assert.equal(keys[0], keys[1], 'the retry reuses the idempotency key');
  assert.match(keys[0], /^[0-9a-f]{32}$/);
  const next = await fetch(`${server.url}/api/v1/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': 'e2e-check' },
    body: JSON.stringify({ concern: 'address-change', language: 'de' }),
  });
  assert.equal((await next.json()).number, 'H 002', 'the lost answer did not cost a second ticket');
  await server.stop();
});

test('deep links load the app, and an unknown ticket gets a friendly page', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await browser.newPage();
  for (const [path, heading] of [['/staff', 'Sachbearbeitung'], ['/admin', 'Verwaltung'], ['/display', 'Aufrufanzeige']]) {
    const response = await page.goto(`${server.url}${path}`);
    assert.equal(response.status(), 200, path);
    await waitForText(page, 'h1', heading);
  }

  await page.goto(`${server.url}/t/AAAAAAAAAAAAAAAAAAAAAA`);

  await waitForText(page, 'h1', 'Wartenummer nicht gefunden');
  await server.stop();
});

test('axe-core finds no accessibility violations on the kiosk and ticket screens', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await kioskPage(server);
  assert.deepEqual(await axeViolations(page), [], 'concern list (de)');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: /Address change/ }).click();
  await textOf(page, '.ticket-number');
  assert.deepEqual(await axeViolations(page), [], 'ticket screen (en)');

  const statusUrl = await decodeQr(page.locator('.qr-code svg'));
  await page.goto(statusUrl);
  await textOf(page, '.ticket-state');
  assert.deepEqual(await axeViolations(page), [], 'ticket status page');

  await page.goto(`${server.url}/staff`);
  await waitForText(page, 'h1', 'Sachbearbeitung');
  assert.deepEqual(await axeViolations(page), [], 'staff placeholder');
  await server.stop();
});
