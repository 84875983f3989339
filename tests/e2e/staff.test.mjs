// End to end: the staff desk (/staff) against the real server in headless Chromium. Signing
// in, choosing the counter, calling visitors with the mouse or F-keys, two clerks calling at
// the same moment, a hand scanner's keystrokes, a lapsed session, axe-core.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { PNG } from 'pngjs';

import {
  axeViolations, browserPerFile, expectAttribute, expectCount, expectEvaluated, expectText, keepScreenshot,
  launchBrowser, startServer, tempDir,
} from './harness.mjs';
import { checkedInAppointment, officeAtNoon } from './appointment-steps.mjs';
import { openKiosk, ticketFor } from './kiosk-steps.mjs';

const chromium = browserPerFile();

/** A ticket taken as a kiosk would, with the visitor's checklist answers. */
async function issue(server, { concern = 'extend-residence-permit', language = 'ar', checklist = { passport: false } } = {}) {
  const response = await fetch(`${server.url}/api/v1/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `staff-e2e-${Math.random()}` },
    body: JSON.stringify({ concern, language, checklist }),
  });
  assert.equal(response.status, 201);
  return response.json();
}

/** A desk PC: signs `username` in and sits at `counter`. */
async function desk(server, { username = 'schalter1', password = 'willkommen-1', counter = 'Schalter 1', browserWithCamera } = {}) {
  const context = await (browserWithCamera ?? chromium.browser).newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => { throw error; });
  await page.goto(`${server.url}/staff`);
  await page.getByLabel('Benutzername').fill(username);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('button', { name: new RegExp(counter) }).click();
  await page.getByRole('button', { name: 'Arbeit beginnen' }).click();
  await page.locator('.call-next').waitFor();
  return page;
}

test('a clerk signs in, calls the next visitor by F2 and sees concern, language and missing documents', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const context = await chromium.browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  await page.goto(`${server.url}/staff`);
  await page.getByRole('heading', { name: 'Anmelden' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'sign-in screen');
  await page.getByLabel('Benutzername').fill('schalter1');
  await page.getByLabel('Passwort').fill('falsch-falsch');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expectText(page, '[role=alert]', 'Benutzername oder Passwort stimmt nicht.');
  await page.getByLabel('Passwort').fill('willkommen-1');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('heading', { name: 'An welchem Schalter sitzen Sie?' }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'counter choice');
  await page.getByRole('button', { name: /Schalter 1/ }).click();
  await page.getByRole('heading', { name: /Schalter 1.: Welche Anliegen bearbeiten Sie\?/ }).waitFor();
  assert.deepEqual(await axeViolations(page), [], 'concern choice');
  // The counter's own concerns are ticked; Enter starts work with them.
  await expectCount(page.getByRole('checkbox', { checked: true }), 11);
  await page.keyboard.press('Enter');
  await page.locator('.call-next').waitFor();

  await page.keyboard.press('F2');
  await expectText(page, '[role=alert]', 'Niemand wartet auf Ihre Anliegen.');
  await issue(server, {
    concern: 'address-change',
    checklist: { 'residence-card': true, passport: false, 'registration-certificate': true },
  });
  await page.keyboard.press('F2');

  const card = page.locator('.staff-work > .staff-ticket');
  await expectText(page, '.staff-work > .staff-ticket .staff-ticket-number', 'H 001');
  await expectText(card, '.staff-ticket-status', 'aufgerufen');
  await expectText(card, '.staff-ticket-concern', 'Neue Adresse auf der Aufenthaltskarte');
  await expectText(card, '.staff-ticket-language', /العربية · Arabisch/);
  await expectText(card, '.staff-missing', '1 nötige Unterlage fehlt');
  await expectText(card, '.document-missing', /^fehlt Reisepass/);
  await expectCount(card, '.document-have', 2);
  assert.deepEqual(await axeViolations(page), [], 'desk with a ticket in hand');
  await keepScreenshot(page, 'staff-desk-de');

  await page.keyboard.press('F6');
  await page.locator('.staff-work > .staff-ticket [data-status=serving]').waitFor();
  await expectCount(card.getByRole('button', { name: /Erneut aufrufen/ }), 0, { message: 'no recall while serving' });
  await page.keyboard.press('F7');
  await page.locator('.staff-empty').waitFor();
});

test('two clerks calling at the same moment get two different visitors', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const first = await desk(server);
  const second = await desk(server, { username: 'schalter2', password: 'willkommen-2', counter: 'Schalter 2' });
  await issue(server);
  await issue(server);

  await Promise.all([first.locator('.call-next').click(), second.locator('.call-next').click()]);

  // Each desk shows the ticket it called; then the two must differ.
  const numbers = [
    await expectText(first, '.staff-work > .staff-ticket .staff-ticket-number', /^A 00[12]$/),
    await expectText(second, '.staff-work > .staff-ticket .staff-ticket-number', /^A 00[12]$/),
  ].sort();
  assert.deepEqual(numbers, ['A 001', 'A 002']);
});

test('a clerk who serves only some concerns is called only their visitors, and the PC remembers the choice', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const colleague = await desk(server, { username: 'schalter2', password: 'willkommen-2', counter: 'Schalter 2' });
  await issue(server, { concern: 'address-change' });
  await issue(server, { concern: 'lost-or-stolen-card' });
  await issue(server, { concern: 'address-change' });
  await colleague.keyboard.press('F2');
  await expectText(colleague, '.staff-work > .staff-ticket .staff-ticket-number', 'H 001');

  const page = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await page.goto(`${server.url}/staff`);
  await page.getByLabel('Benutzername').fill('schalter1');
  await page.getByLabel('Passwort').fill('willkommen-1');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  // The counter list says who is busy where, so nobody sits down at a colleague's counter.
  await page.getByRole('button', { name: /Schalter 2/ }).filter({ hasText: /bedient .?H 001.? · .?\S/ }).waitFor();
  await page.getByRole('button', { name: /Schalter 1/ }).click();
  for (const box of await page.getByRole('checkbox').all()) await box.uncheck();
  await page.getByRole('button', { name: 'Arbeit beginnen' }).click();
  await expectText(page, '[role=alert]', 'Bitte wählen Sie mindestens ein Anliegen.');
  await page.getByLabel('Karte verloren oder gestohlen').check();
  await page.getByRole('button', { name: 'Arbeit beginnen' }).click();

  await expectText(page, '.staff-serving', '1 Anliegen');
  await expectText(page, '.staff-waiting-for-you', '1 Person wartet auf Ihre Anliegen.');
  await page.keyboard.press('F2');
  await expectText(page, '.staff-work > .staff-ticket .staff-ticket-number', 'K 001', { message: 'the older H 002 is not this clerk\'s' });
  // The colleague's overview shows, live, who serves whom where.
  await colleague.locator('.queue-counters li', { hasText: 'Schalter 1: K 001 · Demo Schalter 1' }).waitFor();
  await page.keyboard.press('F6');
  await page.locator('.staff-work > .staff-ticket [data-status=serving]').waitFor();
  await page.keyboard.press('F7');
  await page.locator('.staff-empty').waitFor();
  await page.keyboard.press('F2');
  await expectText(page, '[role=alert]', 'Niemand wartet auf Ihre Anliegen.');

  await page.reload();
  await page.locator('.call-next').waitFor();
  await expectText(page, '.staff-serving', '1 Anliegen', { message: 'remembered on this PC' });
  await page.getByRole('button', { name: 'Schalter oder Anliegen wechseln' }).click();
  await expectCount(page.getByRole('checkbox', { checked: true }), 1);
  await page.getByRole('button', { name: 'Alle Anliegen dieses Schalters' }).click();
  await page.getByRole('button', { name: 'Arbeit beginnen' }).click();
  await expectText(page, '.staff-serving', '11 Anliegen');
  await page.keyboard.press('F2');
  await expectText(page, '.staff-work > .staff-ticket .staff-ticket-number', 'H 002');
});

test('a hand scanner\'s keystrokes open the ticket; a person typing does not; an unknown code is said so', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await desk(server);
  const ticket = await issue(server, { language: 'uk' });

  await page.keyboard.type('q0fO8b6u3J3p1yQ2xW9aZg', { delay: 150 });
  await page.keyboard.press('Enter');
  await expectCount(page, '.staff-scanned', 0, { message: 'slow typing is not a scan' });

  await page.keyboard.type(ticket.status_url, { delay: 5 });
  await page.keyboard.press('Enter');
  await expectText(page, '.staff-scanned .staff-ticket-number', 'A 001');
  await expectText(page, '.staff-scanned .staff-ticket-status', 'wartet');
  assert.deepEqual(await axeViolations(page), [], 'desk with a scanned ticket');
  await page.locator('.staff-scanned').getByRole('button', { name: /Jetzt aufrufen/ }).click();
  await expectText(page, '.staff-work > .staff-ticket .staff-ticket-number', 'A 001');
  await expectCount(page, '.staff-scanned', 0, { message: 'the called ticket moved into the hand' });

  await page.keyboard.type(`${server.url}/t/AAAAAAAAAAAAAAAAAAAAAA`, { delay: 5 });
  await page.keyboard.press('Enter');
  await expectText(page, '.staff-scanned [role=alert]', 'Dieser Code gehört zu keiner Wartenummer dieses Amts.');
});

test('a lapsed session asks to sign in again and keeps the counter and the ticket in hand', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await desk(server);
  await issue(server);
  await page.keyboard.press('F2');
  await expectText(page, '.staff-work > .staff-ticket .staff-ticket-number', 'A 001');

  await page.context().clearCookies();
  await page.keyboard.press('F6');

  await expectText(page, '.staff-sign-in [role=status]', 'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich wieder an.');
  await page.getByLabel('Benutzername').fill('schalter1');
  await page.getByLabel('Passwort').fill('willkommen-1');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expectText(page, '.staff-work > .staff-ticket .staff-ticket-number', 'A 001', { message: 'still in hand' });
  await expectText(page, '.staff-counter-name', /Schalter 1/);
});

test('each clerk chooses German or English, and the desk remembers it', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await desk(server);

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByRole('button', { name: /Call next number/ }).waitFor();
  await page.reload();
  await page.getByRole('button', { name: /Call next number/ }).waitFor();
  await expectAttribute(page.getByRole('button', { name: 'English' }), 'aria-pressed', 'true');
  assert.deepEqual(await axeViolations(page), [], 'desk in English');
});

test('the queue follows changes live, and the desk reconnects by itself after a server restart', async () => {
  const dataDir = tempDir('data');
  let server = await startServer({ dataDir });
  const page = await desk(server);
  await page.locator('.queue-counters').waitFor();
  await page.waitForTimeout(500); // let the live stream connect

  await issue(server, { concern: 'address-change' });
  // Faster than the 20 s fallback refresh: only the live stream can bring it this soon.
  await page.locator('.queue-numbers', { hasText: 'H 001' }).waitFor({ timeout: 5_000 });

  await server.stop();
  await expectText(page, '.staff-offline', 'Keine Verbindung zum Server. Die Seite versucht es weiter.');
  server = await startServer({ dataDir, port: server.port });
  await page.locator('.staff-offline').waitFor({ state: 'detached', timeout: 20_000 });
  await issue(server, { concern: 'address-change' });
  await page.locator('.queue-numbers', { hasText: 'H 002' }).waitFor({ timeout: 5_000 });
});

test('a transfer sends the visitor to another concern\'s queue; calling again past the limit ends in no-show', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await desk(server);
  await issue(server, { concern: 'address-change' });
  await issue(server, { concern: 'address-change' });

  await page.keyboard.press('F2');
  await expectText(page, '.staff-work > .staff-ticket .staff-ticket-number', 'H 001');
  // Alt+T takes the clerk to the choice of concern; the browser's own Alt+T does not happen.
  await page.keyboard.press('Alt+T');
  await expectEvaluated(page, () => document.activeElement.closest('.staff-transfer') !== null, true);
  await page.getByLabel('Weiterleiten an').selectOption({ label: 'Karte verloren oder gestohlen' });
  await page.locator('.staff-transfer').getByRole('button', { name: 'Weiterleiten an' }).click();
  await page.locator('.staff-empty').waitFor();
  await page.locator('.queue-concern', { hasText: 'Karte verloren oder gestohlen' }).waitFor();

  await page.keyboard.press('F2');
  await page.locator('.staff-work > .staff-ticket').waitFor();
  // Each F4 calls again (the count goes up) until the office's limit makes it a no-show.
  for (let calls = 1; ; calls += 1) {
    assert.ok(calls <= 5, 'the limit ends the calling');
    const shown = await expectEvaluated(page, (count) => {
      const times = document.querySelector('.staff-work > .staff-ticket .staff-ticket-times');
      if (!times) return 'gone';
      const text = times.textContent.replace(/[\u2068\u2069]/g, '');
      return text.includes(`${count}-mal aufgerufen`) ? 'called' : text;
    }, /^(called|gone)$/, { arg: calls, message: `called ${calls} times, or a no-show` });
    if (shown === 'gone') break;
    await page.keyboard.press('F4');
  }
  await page.locator('.staff-empty').waitFor();
  const queue = await page.evaluate(async () => (await fetch('/api/v1/queue')).json());
  assert.equal(queue.active.length, 0, 'after the office\'s limit of calls the visitor counts as not come');
});

/**
 * A Y4M video (what Chromium's fake camera plays) of `png` centred on white, 640 × 480: a
 * ticket's QR code held in front of the desk's webcam.
 */
function webcamVideoOf(png, file) {
  const [width, height] = [640, 480];
  const luma = Buffer.alloc(width * height, 255);
  const scale = Math.max(1, Math.floor(Math.min(width / png.width, height / png.height) * 0.8));
  const [left, top] = [(width - png.width * scale) >> 1, (height - png.height * scale) >> 1];
  for (let y = 0; y < png.height * scale; y += 1) {
    for (let x = 0; x < png.width * scale; x += 1) {
      const at = (Math.floor(y / scale) * png.width + Math.floor(x / scale)) * 4;
      luma[(top + y) * width + left + x] = Math.round(0.299 * png.data[at] + 0.587 * png.data[at + 1] + 0.114 * png.data[at + 2]);
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  writeFileSync(file, Buffer.concat([Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`), frame, frame]));
}

test('the camera scan reads a real ticket\'s QR code from the webcam and opens the ticket', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  // A visitor's ticket at the kiosk, its QR code as shown there.
  const kiosk = await openKiosk(chromium.browser, server);
  const number = await ticketFor(kiosk, { tag: 'en', concern: 'Address change' });
  const qr = PNG.sync.read(await kiosk.locator('.ticket-qr .qr-code svg').screenshot());
  const video = path.join(tempDir('camera'), 'ticket.y4m');
  webcamVideoOf(qr, video);
  const cameraBrowser = await launchBrowser({
    args: ['--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', `--use-file-for-fake-video-capture=${video}`],
  });
  try {
    const page = await desk(server, { browserWithCamera: cameraBrowser });
    await page.getByRole('button', { name: 'Mit Kamera scannen' }).click();

    await expectText(page, '.staff-scanned .staff-ticket-number', number);
    await expectCount(page, '.staff-camera', 0, { message: 'the camera is switched off again' });
  } finally {
    await cameraBrowser.close();
  }
});

test('without a usable camera the desk says so instead of showing a dead picture', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await desk(server); // this browser has no camera at all

  await page.getByRole('button', { name: 'Mit Kamera scannen' }).click();

  await expectText(page, '.staff-camera [role=alert]', 'Keine Kamera gefunden, oder der Zugriff auf die Kamera ist nicht erlaubt.');
  assert.deepEqual(await axeViolations(page), [], 'camera panel');
  await page.locator('.staff-camera').getByRole('button', { name: 'Schließen' }).click();
  await expectCount(page, '.staff-camera', 0);
});

test('a specific visitor can be called from the queue, out of turn', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await desk(server);
  await issue(server, { concern: 'address-change' });
  await issue(server, { concern: 'address-change', checklist: {} });

  const second = page.locator('.queue-ticket', { hasText: 'H 002' });
  await expectAttribute(second, 'aria-label', /^H 002, Unterlagen fehlen, Jetzt aufrufen$/);
  await second.click();

  await expectText(page, '.staff-work > .staff-ticket .staff-ticket-number', 'H 002');
  await page.locator('.queue-ticket', { hasText: 'H 002' }).waitFor({ state: 'detached' });
  await expectCount(page, '.queue-ticket', 1, { message: 'H 001 still waits' });
});

test('an appointment ticket says so with its time at the desk and in the queue, a late one that it is late', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  await officeAtNoon(server);
  await issue(server, { concern: 'address-change', checklist: {} });
  // Due within the two minutes before its slot, it goes ahead of the walk-in who came first.
  const due = await checkedInAppointment(server, 'T-1001', { minutes: 1, concern: 'address-change', language: 'ar' });
  // Twenty minutes late: past the ten the office accepts, so a walk-in's ticket, marked late.
  const late = await checkedInAppointment(server, 'T-1002', { minutes: -20, concern: 'address-change' });
  assert.equal(late.ticket.appointment.late, true);
  const page = await desk(server);

  await expectCount(page, '.queue-ticket', 3);
  assert.deepEqual([due.ticket.number, late.ticket.number], ['H 002', 'H 003']);
  const dueButton = page.locator('.queue-ticket', { hasText: 'H 002' });
  await expectText(dueButton.locator('.queue-appointment'), `Termin ${due.time}`);
  await expectAttribute(dueButton, 'aria-label', `H 002, Termin ${due.time}, Unterlagen fehlen, Jetzt aufrufen`);
  await expectText(page.locator('.queue-ticket', { hasText: 'H 003' }).locator('.queue-appointment'), `Termin ${late.time} · verspätet`);
  await expectCount(page.locator('.queue-ticket', { hasText: 'H 001' }).locator('.queue-appointment'), 0, { message: 'a walk-in has no appointment label' });

  await page.keyboard.press('F2');
  const card = page.locator('.staff-work > .staff-ticket');
  await expectText(card, '.staff-ticket-number', 'H 002');
  await expectText(card, '.staff-ticket-appointment', `Termin ${due.time}`);
  await expectText(card, '.staff-ticket-language', /العربية · Arabisch/);
  assert.deepEqual(await axeViolations(page), [], 'desk with an appointment ticket in hand');
  await keepScreenshot(page, 'staff-desk-appointment');

  // The late visitor waits with the walk-ins: the one who came first is next.
  const serveAndFinish = async () => {
    await page.keyboard.press('F6');
    await page.locator('.staff-work > .staff-ticket [data-status=serving]').waitFor();
    await page.keyboard.press('F7');
    await page.locator('.staff-empty').waitFor();
  };
  await serveAndFinish();
  await page.keyboard.press('F2');
  await expectText(card, '.staff-ticket-number', 'H 001');
  await expectCount(card.locator('.staff-ticket-appointment'), 0);
  await serveAndFinish();
  await page.keyboard.press('F2');
  await expectText(card, '.staff-ticket-number', 'H 003');
  await expectText(card, '.staff-ticket-appointment', `Termin ${late.time} · verspätet`);
});

test('a ticket put on hold waits apart and goes back into the queue from there', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await desk(server);
  await issue(server, { concern: 'address-change' });
  await page.keyboard.press('F2');
  await page.locator('.staff-work > .staff-ticket [data-status=called]').waitFor();
  await page.keyboard.press('F6');
  await page.locator('.staff-work > .staff-ticket [data-status=serving]').waitFor();

  await page.keyboard.press('F9');
  await page.locator('.staff-empty').waitFor();
  await page.locator('.staff-queue').getByRole('heading', { name: 'Zurückgestellt' }).waitFor();
  await page.locator('.staff-queue .queue-ticket', { hasText: 'H 001' }).click();
  await expectText(page, '.staff-scanned .staff-ticket-status', 'zurückgestellt');
  await page.locator('.staff-scanned').getByRole('button', { name: /Zurück in die Warteschlange/ }).click();

  await page.locator('.staff-scanned [data-status=waiting]').waitFor();
  await expectText(page, '.staff-scanned .staff-ticket-status', 'wartet');
  await page.locator('.staff-queue').getByRole('heading', { name: 'Zurückgestellt' }).waitFor({ state: 'detached' });
});

/** A clerk's session for the API itself (the test's own requests beside the desk's). */
async function apiClerk(server, username = 'schalter2', password = 'willkommen-2') {
  const response = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  assert.equal(response.status, 200);
  const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  return (path, body) => fetch(`${server.url}/api/v1${path}`, {
    method: 'POST',
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
}

/** The API route of each staff action, as the desk's buttons name them by function key. */
const ACTION_KEYS = { call: 'F2', recall: 'F4', start: 'F6', finish: 'F7', 'no-show': 'F8', park: 'F9', return: 'F10' };
const STATUSES = ['waiting', 'called', 'serving', 'parked', 'finished', 'no_show', 'cancelled'];
/** The API's steps that bring a new ticket to each status (at counter-2, not the desk's). */
const STEPS = {
  waiting: [], called: ['call'], serving: ['call', 'start'], parked: ['call', 'start', 'park'],
  finished: ['call', 'start', 'finish'], no_show: ['call', 'no-show'], cancelled: ['cancel'],
};

test('for a ticket in every status the desk offers exactly the actions the server accepts', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await desk(server);
  const post = await apiClerk(server);
  const act = (ticket, action) => {
    if (action === 'call') return post(`/tickets/${ticket.id}/call`, { counter: 'counter-2' });
    if (action === 'transfer') return post(`/tickets/${ticket.id}/transfer`, { concern: 'address-change' });
    return post(`/tickets/${ticket.id}/${action}`);
  };
  const ticketIn = async (status) => {
    const ticket = await issue(server, { concern: 'information', checklist: {} });
    for (const step of STEPS[status]) {
      const response = await act(ticket, step);
      assert.equal(response.status, 200, `${step} on the way to ${status}`);
    }
    return ticket;
  };
  /** Frees counter-2 again after an action left a ticket there. */
  const finishAtCounter = async (ticket) => {
    await act(ticket, 'start');
    await act(ticket, 'finish');
  };

  for (const status of STATUSES) {
    // What the server accepts for a ticket in this status, each tried on a ticket of its own.
    const accepted = [];
    for (const action of [...Object.keys(ACTION_KEYS), 'transfer']) {
      const ticket = await ticketIn(status);
      if ((await act(ticket, action)).status === 200) accepted.push(action);
      await finishAtCounter(ticket);
    }
    // What the desk offers for such a ticket, opened with the hand scanner.
    const ticket = await ticketIn(status);
    await page.keyboard.type(ticket.status_url, { delay: 5 });
    await page.keyboard.press('Enter');
    const card = page.locator('.staff-scanned .staff-ticket');
    await expectAttribute(card, '.staff-ticket-status', 'data-status', status);
    await expectText(card, '.staff-ticket-number', ticket.number);

    const offered = await expectEvaluated(card, (element) => [
      ...[...element.querySelectorAll('.staff-actions > .staff-action')].map((button) => button.getAttribute('aria-keyshortcuts')),
      ...(element.querySelector('.staff-transfer') ? ['transfer'] : []),
    ], (keys) => Array.isArray(keys));

    const expected = accepted.map((action) => ACTION_KEYS[action] ?? action);
    assert.deepEqual([...offered].sort(), [...expected].sort(), `a ${status} ticket: the desk offers ${offered}, the server accepts ${accepted}`);
    await finishAtCounter(ticket);
    await page.locator('.staff-scanned').getByRole('button', { name: 'Schließen', exact: true }).click();
    await expectCount(page, '.staff-scanned', 0);
  }
});
