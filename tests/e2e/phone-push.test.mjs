// End to end: "wait outside, we will call you" on the visitor's phone page, against the real
// server in headless Chromium.
//
// Headless Chromium reaches no push service from here (`pushManager.subscribe()` fails with
// "AbortError: Registration failed - permission denied"), so the tests stand in for that one
// browser call with a subscription whose keys they made, at a push service of their own (a
// receiver that decrypts and verifies what the server sends). Everything around it is real:
// the page's button and the permission, the office's key handed to `subscribe`, the
// subscription stored through the API, the server's encrypted and signed pushes, and the
// service worker's notification for each (delivered to it over the DevTools protocol).
//
// Also: what a browser that cannot or will not is told, sound and vibration after the tap,
// and the feedback after the visit; axe-core on each state, in Arabic and German.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import {
  axeViolations, browserPerFile, expectAttribute, expectEvaluated, expectEventually, expectState, expectText,
  keepScreenshot,
  startServer, tempDir,
} from './harness.mjs';
import { startPushReceiver } from './push-receiver.mjs';

const chromium = browserPerFile();

/** Waits until `check(read())` holds; `what` names it in the failure. */
const waitUntil = (read, check, what, options) =>
  expectEventually(read, check, { subject: what, wanted: 'to come', shown: (value) => JSON.stringify(value) }, options);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A one-line message of `locales/<tag>/main.ftl`, as the page shows it. */
function message(tag, id) {
  const line = readFileSync(path.join(root, 'locales', tag, 'main.ftl'), 'utf8').split('\n')
    .find((text) => text.startsWith(`${id} = `));
  assert.ok(line, `${tag}: ${id}`);
  return line.slice(id.length + 3);
}

async function issue(server, language = 'de') {
  const response = await fetch(`${server.url}/api/v1/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `push-e2e-${Math.random()}` },
    body: JSON.stringify({ concern: 'address-change', language, checklist: {} }),
  });
  assert.equal(response.status, 201);
  return response.json();
}

async function clerk(server) {
  const response = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'schalter1', password: 'willkommen-1' }),
  });
  const cookie = response.headers.get('set-cookie').split(';')[0];
  const post = async (url) => {
    const answer = await fetch(`${server.url}/api/v1${url}`, { method: 'POST', headers: { cookie } });
    assert.equal(answer.status, 200, await answer.clone().text());
    return answer.json();
  };
  return {
    callNext: () => post('/counters/counter-1/call-next'),
    serve: async (ticket) => {
      await post(`/tickets/${ticket.id}/start`);
      await post(`/tickets/${ticket.id}/finish`);
    },
  };
}

async function phoneContext(options = {}) {
  return chromium.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, ...options });
}

async function openTicket(context, server, ticket) {
  const page = await context.newPage();
  page.on('pageerror', (error) => { throw error; });
  await page.goto(`${server.url}/t/${ticket.id}`);
  await page.locator('.ticket-status .ticket-number').waitFor();
  return page;
}

test('"Notify me" subscribes with the office\'s key; the server pushes nearly-your-turn and the call, encrypted and signed, and the service worker shows them in Arabic', async () => {
  const receiver = await startPushReceiver();
  const server = await startServer({ dataDir: tempDir('data'), args: ['--push-private-endpoints', 'true'] });
  const first = await issue(server);
  const ticket = await issue(server, 'ar');
  const phone = receiver.phone('ar-phone');
  const context = await phoneContext();
  await context.grantPermissions(['notifications'], { origin: server.url });
  // The one browser call headless Chromium cannot make: it answers with the test's keys, as
  // a browser answers with its own, and keeps the key the page asked with.
  await context.addInitScript((sub) => {
    const subscription = {
      endpoint: sub.endpoint,
      expirationTime: null,
      toJSON: () => ({ endpoint: sub.endpoint, expirationTime: null, keys: { p256dh: sub.p256dh, auth: sub.auth } }),
      unsubscribe: async () => true,
    };
    let current = null;
    PushManager.prototype.getSubscription = async () => current;
    PushManager.prototype.subscribe = async (options) => {
      window.askedWithKey = Array.from(new Uint8Array(options.applicationServerKey));
      window.userVisibleOnly = options.userVisibleOnly;
      current = subscription;
      return subscription;
    };
  }, phone);
  const page = await openTicket(context, server, ticket);
  const cdp = await context.newCDPSession(page);
  const activated = new Map();
  cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
    for (const registration of registrations) {
      if (registration.scopeURL === `${server.url}/t/` && !registration.isDeleted) activated.set('scope', registration.registrationId);
    }
  });
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const version of versions) if (version.status === 'activated') activated.set(version.registrationId, true);
  });
  await cdp.send('ServiceWorker.enable');

  await expectAttribute(page, 'html', 'dir', 'rtl');
  await expectText(page, '#notify-heading', message('ar', 'notify-heading'));
  assert.deepEqual(await axeViolations(page), [], 'the offer in Arabic');
  await keepScreenshot(page, 'phone-ar-notify-offer');
  await page.getByRole('button', { name: message('ar', 'notify-button') }).click();
  await expectText(page, '[data-notify="on"]', message('ar', 'notify-on'));
  assert.deepEqual(await axeViolations(page), [], 'notifications on, in Arabic');
  await keepScreenshot(page, 'phone-ar-notify-on');

  // The page asked with the office's key, for notifications the visitor sees.
  const key = await (await fetch(`${server.url}/api/v1/push/key`)).json();
  await expectEvaluated(page, () => window.askedWithKey, [...Buffer.from(key.application_server_key, 'base64url')]);
  await expectEvaluated(page, () => window.userVisibleOnly, true);

  // One ahead, at most three: "nearly your turn" comes at once, in Arabic, signed by the office.
  await waitUntil(() => receiver.received.length, (n) => n >= 1, 'pushes received', { timeout: 10_000 });
  const near = receiver.received[0];
  assert.deepEqual(receiver.failures, []);
  assert.equal(near.message.kind, 'near');
  assert.equal(near.message.lang, 'ar');
  assert.equal(near.message.dir, 'rtl');
  assert.equal(near.message.url, `/t/${ticket.id}`);
  assert.equal(near.vapid.k, key.application_server_key);
  assert.equal(near.vapid.claims.aud, receiver.url);

  // The service worker shows it, with the page still open or not.
  const registrationId = await waitUntil(
    () => activated.get('scope'),
    (id) => id !== undefined && activated.get(id) === true,
    'the ticket pages\' service worker is active',
  );
  const deliver = (text) => cdp.send('ServiceWorker.deliverPushMessage', { origin: server.url, registrationId, data: text });
  const notifications = () => page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration('/t/');
    return (await registration.getNotifications()).map((n) => ({ title: n.title, body: n.body, lang: n.lang, dir: n.dir, data: n.data, tag: n.tag }));
  });
  await deliver(near.text);
  await waitUntil(notifications, (shown) => shown.length === 1 && shown[0].title === near.message.title, 'the notification');
  const [shown] = await notifications();
  assert.deepEqual(
    { body: shown.body, lang: shown.lang, dir: shown.dir, url: shown.data.url },
    { body: near.message.body, lang: 'ar', dir: 'rtl', url: `/t/${ticket.id}` },
    'tapping it opens the ticket page',
  );

  // The call: pushed with the counter, shown in place of "nearly".
  const desk = await clerk(server);
  assert.equal((await desk.callNext()).id, first.id);
  await desk.serve(first);
  assert.equal((await desk.callNext()).id, ticket.id);
  await waitUntil(() => receiver.received.length, (n) => n >= 2, 'the call pushed', { timeout: 10_000 });
  const called = receiver.received[1];
  assert.equal(called.message.kind, 'called');
  assert.match(called.message.body, /Schalter 1/);
  await deliver(called.text);
  await waitUntil(notifications, (list) => list.length === 1 && list[0].title === called.message.title, 'the call\'s notification replaces the first');
  await expectText(page, '.status-your-turn', /Schalter 1/);
  assert.equal(receiver.received.length, 2, 'each once');
  await context.close();
  await receiver.close();
});

test('a browser that cannot or will not be notified is told so plainly, and the page keeps following the ticket', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const ticket = await issue(server, 'de');

  // Headless Chromium with permission but no push service: subscribing fails.
  let context = await phoneContext();
  await context.grantPermissions(['notifications'], { origin: server.url });
  let page = await openTicket(context, server, ticket);
  await page.getByRole('button', { name: message('de', 'notify-button') }).click();
  await expectText(page, '.status-notify [role="status"]', message('de', 'notify-failed'), { timeout: 10_000 });
  await page.getByRole('button', { name: message('de', 'notify-button') }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'subscribing failed');
  await context.close();

  // The visitor says no.
  context = await phoneContext();
  await context.addInitScript(() => { Notification.requestPermission = async () => 'denied'; });
  page = await openTicket(context, server, ticket);
  await page.getByRole('button', { name: message('de', 'notify-button') }).click();
  await expectText(page, '.status-notify [role="status"]', message('de', 'notify-denied'));
  await keepScreenshot(page, 'phone-de-notify-denied');
  await context.close();

  // No Push API at all; Safari on an iPhone outside the home screen.
  context = await phoneContext();
  await context.addInitScript(() => { delete window.PushManager; });
  page = await openTicket(context, server, ticket);
  await expectText(page, '.status-notify p', message('de', 'notify-unsupported'));
  await context.close();
  context = await phoneContext({
    userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1',
  });
  await context.addInitScript(() => { delete window.PushManager; });
  page = await openTicket(context, server, ticket);
  await expectText(page, '.status-notify p', message('de', 'notify-home-screen'));
  assert.deepEqual(await axeViolations(page), [], 'iPhone outside the home screen');

  // The page itself still follows the ticket.
  await (await clerk(server)).callNext();
  await expectText(page, '.status-your-turn', /Schalter 1/);
  await context.close();
});

test('"sound and vibration here" unlocks both with one tap, and the call then sounds the gong and vibrates', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const ticket = await issue(server, 'ar');
  const context = await phoneContext();
  await context.addInitScript(() => {
    window.alerted = { vibrations: [], tones: 0 };
    navigator.vibrate = (pattern) => { window.alerted.vibrations.push(pattern); return true; };
    const create = AudioContext.prototype.createOscillator;
    AudioContext.prototype.createOscillator = function oscillator() { window.alerted.tones += 1; return create.call(this); };
  });
  const page = await openTicket(context, server, ticket);
  await page.getByRole('button', { name: message('ar', 'alert-button') }).click();
  await expectText(page, '[data-alerts="on"]', message('ar', 'alert-on'));
  const afterTap = await page.evaluate(() => ({ ...window.alerted }));
  assert.equal(afterTap.tones, 2, 'the gong once, so the visitor knows the sound');
  assert.deepEqual(await axeViolations(page), []);

  await (await clerk(server)).callNext();
  await expectText(page, '.status-your-turn', /Schalter 1/);
  await expectEvaluated(page, () => window.alerted.tones, 4, { message: 'the gong on the call' });
  await expectEvaluated(page, () => JSON.stringify(window.alerted.vibrations.at(-1)), '[400,150,400]');
  await context.close();
});

test('after the visit the phone asks "How was your visit?": faces and reasons by keyboard, counted anonymously, asked once', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const ticket = await issue(server, 'ar');
  const context = await phoneContext();
  const page = await openTicket(context, server, ticket);
  const desk = await clerk(server);
  await desk.callNext();
  await desk.serve(ticket);

  await expectText(page, '#feedback-question', message('ar', 'feedback-question'));
  assert.deepEqual(await axeViolations(page), [], 'feedback in Arabic');
  await keepScreenshot(page, 'phone-ar-feedback');
  const send = page.getByRole('button', { name: message('ar', 'feedback-send') });
  await expectState(send, 'disabled', { message: 'a face first' });
  // By keyboard alone: the fourth face, the second reason, send.
  const good = page.getByRole('button', { name: message('ar', 'feedback-rating-4'), exact: true });
  await good.focus();
  await page.keyboard.press('Enter');
  await expectAttribute(good, 'aria-pressed', 'true');
  const explained = page.getByRole('button', { name: message('ar', 'feedback-reason-explained-well') });
  await explained.focus();
  await page.keyboard.press('Space');
  await expectAttribute(explained, 'aria-pressed', 'true');
  await send.focus();
  await page.keyboard.press('Enter');
  await expectText(page, '[data-feedback="given"]', message('ar', 'feedback-thanks'));

  // Counted for the head of office; asked no more on this phone.
  const admin = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'willkommen-admin' }),
  });
  const cookie = admin.headers.get('set-cookie').split(';')[0];
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  const report = await (await fetch(`${server.url}/api/v1/statistics?from=${today}&to=${today}`, { headers: { cookie } })).json();
  const table = report.tables.find((t) => t.id === 'feedback');
  const column = (id) => table.columns.findIndex((c) => c.id === id);
  const row = table.rows.find((r) => r[column('concern')] === '*' && r[column('language')] === 'ar');
  assert.equal(row[column('answers')], 1);
  assert.equal(row[column('rating_mean')], null, 'one answer alone is not shown');
  await page.reload();
  await expectText(page, '[data-feedback="given"]', message('ar', 'feedback-thanks'));

  await page.getByLabel(message('ar', 'status-language')).selectOption('de');
  await expectText(page, '[data-feedback="given"]', message('de', 'feedback-thanks'));
  await context.close();

  // In German, for the screenshot and axe.
  const other = await issue(server, 'de');
  const germanContext = await phoneContext();
  const german = await openTicket(germanContext, server, other);
  await desk.callNext();
  await desk.serve(other);
  await expectText(german, '#feedback-question', message('de', 'feedback-question'));
  await german.getByRole('button', { name: message('de', 'feedback-rating-5'), exact: true }).click();
  assert.deepEqual(await axeViolations(german), [], 'feedback in German');
  await keepScreenshot(german, 'phone-de-feedback');
  await germanContext.close();
});
