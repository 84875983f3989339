// End to end: the lobby call display (/display) and the visitor's phone page (/t/<id>)
// against the real server in headless Chromium: a call reaches both live, the display
// survives a server restart without showing a call twice and keeps a fixed number of calls,
// its clock shows the office's time on a PC set to UTC, "I am leaving" gives the ticket back
// and the staff queue follows, axe-core on both pages.
import assert from 'node:assert/strict';
import http from 'node:http';
import { test } from 'node:test';

import {
  axeViolations, browserPerFile, expectAttribute, expectCount, expectEvaluated, expectEventually, expectText,
  keepScreenshot, startServer, tempDir,
} from './harness.mjs';
import { checkedInAppointment, officeAtNoon } from './appointment-steps.mjs';

const chromium = browserPerFile();

async function issue(server, { concern = 'address-change', language = 'de' } = {}) {
  const response = await fetch(`${server.url}/api/v1/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `display-e2e-${Math.random()}` },
    body: JSON.stringify({ concern, language, checklist: {} }),
  });
  assert.equal(response.status, 201);
  return response.json();
}

/** A clerk's session cookie, for calling through the API as the desk does. */
async function clerk(server) {
  const response = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'schalter1', password: 'willkommen-1' }),
  });
  assert.equal(response.status, 200);
  const cookie = response.headers.get('set-cookie').split(';')[0];
  return {
    callNext: async (counter = 'counter-1') => {
      const called = await fetch(`${server.url}/api/v1/counters/${counter}/call-next`, { method: 'POST', headers: { cookie } });
      assert.equal(called.status, 200);
      return called.json();
    },
    act: async (id, action) => {
      const done = await fetch(`${server.url}/api/v1/tickets/${id}/${action}`, { method: 'POST', headers: { cookie } });
      assert.equal(done.status, 200);
    },
  };
}

async function openDisplay(server) {
  const page = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } });
  page.on('pageerror', (error) => { throw error; });
  await page.goto(`${server.url}/display`);
  await page.locator('.display-waiting h2').waitFor();
  await page.waitForTimeout(300); // the live stream connects
  return page;
}

async function openPhone(server, ticket) {
  const context = await chromium.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  page.on('pageerror', (error) => { throw error; });
  await page.goto(`${server.url}/t/${ticket.id}`);
  await page.locator('.ticket-status .ticket-number').waitFor();
  await page.waitForTimeout(300);
  return page;
}

test('the phone page opens in the ticket\'s language at once: never German first, nothing jumps', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const ticket = await issue(server, { language: 'ar' });
  const context = await chromium.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  // Before the page's own scripts: every heading the page ever shows, and every layout shift.
  await context.addInitScript(() => {
    window.seen = { headings: [], shift: 0 };
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.seen.shift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
    new MutationObserver(() => {
      const heading = document.querySelector('.ticket-status h1')?.textContent;
      if (heading && window.seen.headings.at(-1) !== heading) window.seen.headings.push(heading);
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
  const page = await context.newPage();
  page.on('pageerror', (error) => { throw error; });

  await page.goto(`${server.url}/t/${ticket.id}`);

  await expectText(page, '.ticket-status h1', 'رقم انتظارك');
  await expectText(page, '.ticket-status .ticket-number', 'H 001');
  await expectAttribute(page, 'html', 'dir', 'rtl');
  const seen = await page.evaluate(() => window.seen);
  assert.deepEqual(seen.headings, ['رقم انتظارك'], 'the ticket was shown in Arabic only');
  assert.ok(seen.shift < 0.01, `layout shift ${seen.shift}`);
  await context.close();
});

test('a call appears on the lobby display and on the visitor\'s phone at once, in Arabic right to left', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const ticket = await issue(server, { language: 'ar' });
  const display = await openDisplay(server);
  const phone = await openPhone(server, ticket);
  await expectAttribute(phone, 'html', 'dir', 'rtl', { message: 'the ticket\'s language, right to left' });
  await expectText(phone, '.ticket-status .ticket-number', 'H 001');
  assert.deepEqual(await axeViolations(phone), [], 'phone page in Arabic, waiting');
  assert.deepEqual(await axeViolations(display), [], 'display, nobody called yet');

  const started = Date.now();
  await (await clerk(server)).callNext();
  await expectText(display, '.display-call.newest', /H 001/, { timeout: 5_000 });
  const onDisplay = Date.now() - started;
  await phone.locator('.status-your-turn').waitFor({ timeout: 5_000 });
  const onPhone = Date.now() - started;
  console.log(`# call shown on the display after ${onDisplay} ms, on the phone after ${onPhone} ms`);

  await expectText(display, '.display-call.newest', /H 001\s*→\s*Schalter 1/);
  await expectText(phone, '.status-your-turn', /Schalter 1/);
  await expectEvaluated(phone, () => document.title, 'H 001 → Schalter 1', { message: 'the tab says it too' });
  assert.deepEqual(await axeViolations(phone), [], 'phone page in Arabic, called');
  assert.deepEqual(await axeViolations(display), [], 'display with a call');
  await keepScreenshot(display, 'display');
  await keepScreenshot(phone, 'phone-ar-called');

  // German on request, and a recall shows as such on the display.
  await phone.getByLabel('لغة هذه الصفحة').selectOption('de');
  await expectAttribute(phone, 'html', 'lang', 'de');
  await expectText(phone, '.status-your-turn', /Sie sind dran: Schalter 1/);
  assert.deepEqual(await axeViolations(phone), [], 'phone page in German, called');
  await (await clerk(server)).act(ticket.id, 'recall');
  await display.locator('.display-call.newest .display-again').waitFor({ timeout: 5_000 });
});

test('an appointment\'s ticket shows its time on the phone in the visitor\'s language, and its call on the display says it is one', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  await officeAtNoon(server);
  const { ticket, time } = await checkedInAppointment(server, 'T-2001', { minutes: 1, language: 'ar' });
  const display = await openDisplay(server);
  const phone = await openPhone(server, ticket);

  await expectText(phone, '.status-appointment', `موعدك: ${time}`);
  await expectCount(phone, '.status-appointment-late', 0, { message: 'in time: nothing about being late' });
  assert.deepEqual(await axeViolations(phone), [], 'phone page of an appointment in Arabic');
  await keepScreenshot(phone, 'phone-ar-appointment');

  await (await clerk(server)).callNext();
  await expectText(display, '.display-call.newest', new RegExp(`^H 001\\s*Termin · Appointment ${time}\\s*→\\s*Schalter 1$`), { timeout: 5_000 });
  await expectText(display, '.display-call.newest .display-appointment', `Termin · Appointment ${time}`);
  assert.deepEqual(await axeViolations(display), [], 'display calling an appointment');
  await keepScreenshot(display, 'display-appointment');
  await expectText(phone, '.status-your-turn', /Schalter 1/);

  await phone.getByLabel('لغة هذه الصفحة').selectOption('de');
  await expectText(phone, '.status-appointment', `Ihr Termin: ${time}`);
});

test('the display recovers after a server restart without showing a call twice, and keeps seven calls', async () => {
  const dataDir = tempDir('data');
  let server = await startServer({ dataDir });
  for (let n = 0; n < 12; n += 1) await issue(server);
  const display = await openDisplay(server);
  await (await clerk(server)).callNext();
  await expectText(display, '.display-call.newest', /H 001/, { timeout: 5_000 });

  await server.stop();
  await display.locator('.display-offline').waitFor({ timeout: 10_000 });
  server = await startServer({ dataDir, port: server.port });
  await display.locator('.display-offline').waitFor({ state: 'detached', timeout: 20_000 });
  const desk = await clerk(server);
  await desk.callNext('counter-2');
  await expectText(display, '.display-call.newest', /H 002/, { timeout: 5_000 });
  await expectCount(display.locator('.display-call', { hasText: 'H 001' }), 1, { message: 'H 001 once, not again as new' });

  for (let n = 3; n <= 12; n += 1) {
    const counter = n % 2 ? 'counter-1' : 'counter-2';
    await finishAt(server, counter);
    await desk.callNext(counter);
    await expectText(display, '.display-call.newest', new RegExp(`H ${String(n).padStart(3, '0')}`), { timeout: 5_000 });
  }
  await expectCount(display, '.display-call', 7, { message: 'a fixed number of calls: the page does not grow' });
});

test('a burst of calls reloads the display\'s board one request at a time, and it ends with the counts as they are', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  for (let n = 0; n < 12; n += 1) await issue(server);
  const display = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } });
  display.on('pageerror', (error) => { throw error; });
  // Each board reload takes 300 ms, as on a slow network: calls come faster than it answers.
  const reloads = { sent: 0, inFlight: 0, mostAtOnce: 0 };
  await display.route('**/api/v1/display', async (route) => {
    reloads.sent += 1;
    reloads.inFlight += 1;
    reloads.mostAtOnce = Math.max(reloads.mostAtOnce, reloads.inFlight);
    const response = await route.fetch();
    await new Promise((resolve) => { setTimeout(resolve, 300); });
    reloads.inFlight -= 1;
    await route.fulfill({ response });
  });
  await display.goto(`${server.url}/display`);
  const waiting = display.locator('.display-waiting li', { hasText: 'Neue Adresse' }).locator('.display-count');
  await expectText(waiting, /^12 Personen warten/);
  await display.waitForTimeout(300); // the live stream connects
  const sentBefore = reloads.sent;

  const desk = await clerk(server);
  for (let n = 1; n <= 10; n += 1) {
    const ticket = await desk.callNext(n % 2 ? 'counter-1' : 'counter-2');
    await desk.act(ticket.id, 'start');
    await desk.act(ticket.id, 'finish');
  }
  await expectText(display, '.display-call.newest', /H 010/);
  await expectText(waiting, /^2 Personen warten/, { message: 'the last reload came after the last call' });
  assert.equal(reloads.mostAtOnce, 1, 'one board reload at a time');
  assert.ok(reloads.sent - sentBefore < 10, `fewer reloads than calls (${reloads.sent - sentBefore} for 10)`);
});

/**
 * A reverse proxy in front of `server`, as nginx is in an office, that can be made to answer the
 * live streams with 502 Bad Gateway (what nginx says while the server restarts) and to drop the
 * open ones. A browser gives such a stream up for good: only the web app can bring it back.
 */
async function proxyFor(server) {
  const open = new Set();
  const proxy = {
    failing: false,
    /** The path and query of every live-stream request, in order, with the `Last-Event-ID` a
     * browser reconnecting by itself sends (the server continues from it over `after`). */
    streams: [],
    /** Answers the streams with 502 from now on and cuts the open ones. */
    fail() {
      proxy.failing = true;
      for (const response of open) response.destroy();
    },
  };
  const listener = http.createServer((request, response) => {
    const stream = request.url.includes('/events');
    const record = { url: request.url, lastEventId: request.headers['last-event-id'], refused: proxy.failing };
    if (stream) proxy.streams.push(record);
    if (stream && proxy.failing) {
      response.writeHead(502, { 'content-type': 'text/html' });
      response.end('<h1>502 Bad Gateway</h1>');
      return;
    }
    const upstream = http.request(
      { host: '127.0.0.1', port: server.port, path: request.url, method: request.method, headers: request.headers },
      (answer) => {
        record.answered = true;
        response.writeHead(answer.statusCode, answer.headers);
        answer.pipe(response);
      },
    );
    // The server gone (after the test): what nginx answers then.
    upstream.on('error', () => {
      if (!response.headersSent) response.writeHead(502);
      response.end();
    });
    request.pipe(upstream);
    if (stream) {
      open.add(response);
      response.on('close', () => open.delete(response));
    }
  });
  await new Promise((resolve) => { listener.listen(0, '127.0.0.1', resolve); });
  listener.unref();
  proxy.url = `http://127.0.0.1:${listener.address().port}`;
  proxy.close = () => {
    proxy.fail();
    listener.close();
  };
  return proxy;
}

test('behind a proxy that answers 502 for a while, the display opens its stream again and shows what it missed, once', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  for (let n = 0; n < 3; n += 1) await issue(server);
  const proxy = await proxyFor(server);
  const display = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } });
  display.on('pageerror', (error) => { throw error; });
  await display.goto(`${proxy.url}/display`);
  await display.locator('.display-waiting h2').waitFor();
  // The first call comes once the display's stream is open, so that it hears it there (else
  // its board would show it and the stream start after it).
  const displayStreams = () => proxy.streams.filter((stream) => stream.url.startsWith('/api/v1/display/events'));
  await expectEventually(() => displayStreams().some((stream) => stream.answered), Boolean,
    { subject: "the display's live stream", wanted: 'to be answered', shown: () => 'it was not' });
  const desk = await clerk(server);
  await desk.callNext('counter-1');
  await expectText(display, '.display-call.newest', /H 001/, { timeout: 5_000 });

  proxy.fail();
  await display.locator('.display-offline').waitFor({ timeout: 10_000 });
  await desk.callNext('counter-2'); // while the display cannot hear
  await new Promise((resolve) => { setTimeout(resolve, 2_500); }); // the browser gives up; the app tries again
  proxy.failing = false;

  await display.locator('.display-offline').waitFor({ state: 'detached', timeout: 20_000 });
  await expectText(display, '.display-call.newest', /H 002/, { timeout: 5_000, message: 'the call made while away' });
  await expectCount(display.locator('.display-call', { hasText: 'H 001' }), 1, { message: 'H 001 once, not again as new' });
  const calls = displayStreams();
  assert.ok(calls.some((stream) => stream.refused), `the proxy refused the display's stream: ${JSON.stringify(calls)}`);
  // Where a request continues: its Last-Event-ID when the browser reconnected by itself (which
  // the server prefers), else the `after` the app put in the address when it opened a new one.
  const after = (stream) => Number(stream.lastEventId ?? new URL(stream.url, proxy.url).searchParams.get('after'));
  const [first, resumed] = [calls[0], calls.at(-1)];
  assert.ok(!resumed.refused);
  assert.ok(after(resumed) > after(first), `the stream opened anew continues after the last call it showed: ${JSON.stringify(calls)}`);
  await display.close();
  proxy.close();
});

test('"I am leaving" gives the ticket back after asking, and the staff queue follows', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  await issue(server);
  const ticket = await issue(server);
  const phone = await openPhone(server, ticket);
  const staff = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await staff.goto(`${server.url}/staff`);
  await staff.getByLabel('Benutzername').fill('schalter1');
  await staff.getByLabel('Passwort').fill('willkommen-1');
  await staff.getByRole('button', { name: 'Anmelden' }).click();
  await staff.getByRole('button', { name: /Schalter 1/ }).click();
  await staff.getByRole('button', { name: 'Arbeit beginnen' }).click();
  await staff.locator('.queue-numbers', { hasText: 'H 002' }).waitFor();

  await phone.getByRole('button', { name: 'Ich gehe' }).click();
  await expectText(phone, '#leave-question', 'Möchten Sie Ihre Nummer zurückgeben? Ihr Platz in der Warteschlange ist dann weg.');
  await expectEvaluated(phone, () => document.activeElement.textContent.trim(), 'Nein, Platz behalten', { message: 'the safe choice has the focus' });
  assert.deepEqual(await axeViolations(phone), [], 'phone page asking');
  await phone.getByRole('button', { name: 'Ja, Nummer zurückgeben' }).click();

  await phone.locator('.ticket-state[data-status=cancelled]').waitFor();
  await expectCount(phone.getByRole('button', { name: 'Ich gehe' }), 0);
  await staff.locator('.queue-numbers', { hasText: 'H 002' }).waitFor({ state: 'detached', timeout: 5_000 });
  await expectText(staff, '.queue-numbers', /H 001/);
});

test('the display\'s clock shows the office\'s time, also on a PC set to another time zone', async () => {
  const server = await startServer({ dataDir: tempDir('data') }); // the demo office is in Europe/Berlin
  const context = await chromium.browser.newContext({ timezoneId: 'UTC', viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => { throw error; });
  const hoursMinutes = (timeZone, at) => new Intl.DateTimeFormat('de-DE', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  const now = Date.now();
  // This minute in Berlin, or the next one if it turns during the test.
  const berlin = [now, now + 60_000].map((at) => hoursMinutes('Europe/Berlin', at));
  assert.notEqual(hoursMinutes('UTC', now), berlin[0], 'Berlin is never on UTC');

  await page.goto(`${server.url}/display`);
  await page.locator('.display-waiting h2').waitFor();
  await expectText(page, '.display-clock time', (shown) => berlin.includes(shown), {
    timeout: 10_000,
    message: `the clock shows Berlin's time (${berlin.join(' or ')})`,
  });
  assert.equal(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone), 'UTC', 'the browser itself is on UTC');
  await context.close();
});

/** Finishes the ticket at `counter`, if it has one, so it can call the next. */
async function finishAt(server, counter) {
  const response = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'schalter2', password: 'willkommen-2' }),
  });
  const cookie = response.headers.get('set-cookie').split(';')[0];
  const queue = await (await fetch(`${server.url}/api/v1/queue`, { headers: { cookie } })).json();
  const here = queue.active.find((ticket) => ticket.counter === counter);
  if (!here) return;
  for (const action of here.status === 'called' ? ['start', 'finish'] : ['finish']) {
    await fetch(`${server.url}/api/v1/tickets/${here.id}/${action}`, { method: 'POST', headers: { cookie } });
  }
}
