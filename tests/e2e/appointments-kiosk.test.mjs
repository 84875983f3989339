// End to end: a visitor with an appointment checks in at the kiosk, against the real server
// binary with a temporary SQLite database, in headless Chromium. Appointments are booked
// through the admin API as a booking system would. By the keypad in Arabic, ending with the
// appointment's ticket; by a hand scanner's burst of a confirmation's link; too early in
// Ukrainian (typed on a keyboard); too late; an unknown reference, the information desk, and
// the slow-down after repeated unknown references; checking in twice; axe-core with zero
// violations on every new screen in German, Arabic and Leichte Sprache.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  axeViolations, browserPerFile, expectAttribute, expectCount, expectEvaluated, expectState, expectText,
  keepScreenshot, startServer, tempDir,
} from './harness.mjs';
import {
  answerChecklist, checkScreen, chooseLanguage, continueToSummary, expectHeading, message, openKiosk, tabTo,
  takeTicket,
} from './kiosk-steps.mjs';
import { adminCookie, book, officeAtNoon } from './appointment-steps.mjs';

const chromium = browserPerFile();

/** A slot `minutes` from now, RFC 3339 in UTC: the server writes it back in the office's offset. */
const inMinutes = (minutes) => new Date(Date.now() + minutes * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');

/** "10:30" of an RFC 3339 time with the office's offset, as the kiosk shows it. */
const clock = (rfc3339) => rfc3339.slice(11, 16);

/** Books `reference` for `minutes` from now, as a booking system does; returns the appointment. */
const bookIn = (server, reference, minutes, concern) => book(server, reference, { slot: inMinutes(minutes), concern });

/** Cancels the appointment, as a booking system does. */
async function cancel(server, appointment) {
  const day = appointment.slot.slice(0, 10);
  const response = await fetch(`${server.url}/api/v1/admin/appointments/${appointment.reference}?day=${day}`, {
    method: 'DELETE',
    headers: { cookie: await adminCookie(server) },
  });
  assert.equal(response.status, 200, await response.clone().text());
}

/** Welcome -> (language) -> reference screen, by the welcome screen's "I have an appointment". */
async function toReference(page, tag) {
  await page.locator('.appointment-button').click();
  await page.locator(`.language-button[lang="${tag}"]`).click();
  await page.locator('.reference h1').waitFor();
  await expectAttribute(page, 'html', 'lang', tag);
}

/** Types `reference` on the on-screen keypad, one tap per character. */
async function tapReference(page, reference) {
  for (const key of reference) {
    await page.locator('.keypad .key', { hasText: new RegExp(`^${key}$`) }).click();
  }
  await expectText(page, '.reference-typed', (typed) => typed.replace(/\n/g, '').endsWith(reference), {
    message: 'each character typed, in its box',
  });
}

/** Reference screen -> appointment screen, by the "find my appointment" button. */
async function findAppointment(page) {
  await page.locator('.keypad-actions .primary-button').click();
  await page.locator('.appointment h1').waitFor();
}

test('Arabic, by the keypad: the appointment, its checklist, and a ticket that says it is the appointment at its time', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  await officeAtNoon(server); // the slot is today: the kiosk shows its time alone
  const booked = await bookIn(server, 'K-2741', 10);
  const page = await openKiosk(chromium.browser, server);
  await expectText(page, '.appointment-button', message('de', 'appointment-have'));
  await keepScreenshot(page, 'appointment-de-1-welcome');

  await toReference(page, 'ar');
  await expectHeading(page, message('ar', 'reference-heading'));
  await expectAttribute(page, 'html', 'dir', 'rtl');
  await expectAttribute(page, '.keypad', 'dir', 'ltr', { message: 'digits and Latin letters in their own order' });
  await expectEvaluated(page.locator('.keypad .key').first(), (key) => key.textContent, '1', { message: 'digits first' });
  await tapReference(page, 'K27');
  await expectState(page, '.keypad-actions .primary-button', 'disabled', { message: 'three characters are no reference' });
  await tapReference(page, '4');
  await expectText(page, '.reference-typed', 'K\n2\n7\n4');
  await page.locator('.keypad .key', { hasText: /^9$/ }).click();
  await page.getByRole('button', { name: message('ar', 'reference-delete') }).click();
  await tapReference(page, '1');
  await expectText(page, '.reference-typed', 'K\n2\n7\n4\n1', { message: 'the wrong 9 was deleted' });
  await keepScreenshot(page, 'appointment-ar-2-reference');

  await findAppointment(page);
  await expectHeading(page, message('ar', 'appointment-heading'));
  await expectText(page, '.appointment-when', (when) => when.includes(clock(booked.slot)));
  await expectText(page, '.appointment-concern', 'تغيير العنوان على بطاقة الإقامة');
  await expectText(page, '.appointment-reference', message('ar', 'appointment-reference').replace('{ $reference }', 'K-2741'));
  await expectText(page, '.appointment-state', message('ar', 'appointment-open'));
  await keepScreenshot(page, 'appointment-ar-3-open');
  await page.getByRole('button', { name: message('ar', 'checklist-continue') }).click();
  await expectHeading(page, message('ar', 'checklist-heading'));
  await answerChecklist(page, (index) => index !== 1);
  await continueToSummary(page);
  await takeTicket(page);

  await expectText(page, '.ticket-number', 'H 001');
  const slotLine = message('ar', 'ticket-appointment').replace('{ $time }', clock(booked.slot));
  await expectText(page, '.ticket-appointment', slotLine);
  await expectText(page, '.ticket-concern', 'تغيير العنوان على بطاقة الإقامة');
  await keepScreenshot(page, 'appointment-ar-4-ticket');
  // Without the marks with which Fluent isolates the time inside right-to-left text.
  const printout = () => (document.querySelector('.printout')?.textContent ?? '').replace(/[\u2068\u2069]/g, '');
  await expectEvaluated(page, printout, (text) => text.includes(slotLine), { message: 'the printout says it in Arabic' });
  await expectEvaluated(page, printout, (text) => text.includes(`Termin ${clock(booked.slot)}`), {
    message: 'and in German for the clerk',
  });
  const reference = await (await fetch(`${server.url}/api/v1/appointments/k2741`)).json();
  assert.equal(reference.check_in.state, 'checked_in');
  const ticket = await (await fetch(`${server.url}/api/v1/tickets/${reference.check_in.ticket}`)).json();
  assert.deepEqual(ticket.appointment, { slot: booked.slot, late: false });
  assert.equal(ticket.language, 'ar');
  const office = await (await fetch(`${server.url}/api/v1/kiosk`)).json();
  const second = office.concerns.find((concern) => concern.id === 'address-change').checklist[1].id;
  assert.equal(ticket.checklist[second], false, 'the clerk will see the missing document');
});

test('a hand scanner\'s burst of a confirmation link on the welcome screen looks its reference up at once', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  await officeAtNoon(server); // the slot is today: the kiosk shows its time alone
  const booked = await bookIn(server, '483920', 5);
  const page = await openKiosk(chromium.browser, server, { query: '?scanner' });

  // A USB scanner types the QR code's text within milliseconds and ends with Enter, while the
  // Start button has the focus (Enter alone would press it).
  await page.keyboard.type('https://termine.example.de/manage?process=483920&authKey=ab12\n');

  await page.locator('.appointment h1').waitFor();
  await expectHeading(page, message('de', 'appointment-heading'));
  await expectText(page, '.appointment-reference', 'Terminnummer: 483920');
  await expectText(page, '.appointment-when', (when) => when.includes(clock(booked.slot)));
  await page.getByRole('button', { name: 'Zurück' }).click();
  await expectHeading(page, message('de', 'reference-heading'));
  await expectText(page, '.reference-typed', '4\n8\n3\n9\n2\n0', { message: 'the scanned reference, without the link around it' });
  await expectText(page, '.reference .lead >> nth=1', message('de', 'reference-scan-hint'), { message: 'a kiosk with a scanner says so' });

  // A code that is no booking confirmation, scanned on the reference screen: said so, and
  // what was typed before is kept.
  await page.keyboard.type('WIFI:S:lobby;;\n');
  await expectText(page, '.failure p:first-child', message('de', 'reference-unknown'));
  await expectText(page, '.reference-typed', '4\n8\n3\n9\n2\n0');
});

test('Ukrainian, by keyboard alone: too early is told with the time check-in opens, with the ways on', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  // About noon in the office, so that three hours on is still today, whenever the test runs.
  const zone = await officeAtNoon(server);
  const booked = await bookIn(server, 'UA-5151', 180);
  const opensAt = new Date(new Date(booked.slot).getTime() - 30 * 60_000);
  const page = await openKiosk(chromium.browser, server);

  await tabTo(page, '.appointment-button');
  await page.keyboard.press('Enter');
  await page.locator('.language-grid').waitFor();
  await tabTo(page, '.language-button[lang=uk]');
  await page.keyboard.press('Enter');
  await page.locator('.reference h1').waitFor();
  await expectHeading(page, message('uk', 'reference-heading'));
  // A person typing on a keyboard, with dashes and lower case: the server forgives them.
  await page.keyboard.type('ua-5151', { delay: 120 });
  await expectText(page, '.reference-typed', 'U\nA\n5\n1\n5\n1');
  await page.keyboard.press('Enter');

  await page.locator('.appointment h1').waitFor();
  await expectHeading(page, message('uk', 'appointment-heading'));
  const opens = opensAt.toLocaleString('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  const [early, hint] = message('uk', 'appointment-too-early').split('{ $time }');
  await expectText(page, '.appointment-state p:first-child', (text) => text.startsWith(early) && text.includes(opens) && text.endsWith(hint));
  await expectText(page, '.appointment-state p:nth-child(2)', message('uk', 'appointment-too-early-hint'));
  await expectState(page.getByRole('button', { name: message('uk', 'ticket-done') }), 'visible');
  await expectState(page.getByRole('button', { name: message('uk', 'appointment-information-ticket') }), 'visible');
  await keepScreenshot(page, 'appointment-uk-too-early');

  await tabTo(page, '.appointment .summary-actions .primary-button');
  await expectText(page, '.appointment .summary-actions .primary-button', message('uk', 'ticket-done'));
  await page.keyboard.press('Enter');
  await page.locator('.start-button').waitFor();
  await expectAttribute(page, 'html', 'lang', 'de', { message: 'the next visitor starts afresh' });
});

test('too late: the office\'s walk-in ticket for the same concern, through the same check-in', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  await officeAtNoon(server); // twelve minutes ago is today
  const booked = await bookIn(server, 'L-0007', -12);
  const page = await openKiosk(chromium.browser, server);
  await toReference(page, 'en');
  await tapReference(page, 'L0007');
  await findAppointment(page);

  await expectText(page, '.appointment-state p:first-child', message('en', 'appointment-too-late'));
  await expectText(page, '.appointment-state p:nth-child(2)', message('en', 'appointment-late-walk-in'));
  await page.getByRole('button', { name: 'Continue' }).click();
  await answerChecklist(page, () => true);
  await continueToSummary(page);
  await takeTicket(page);

  await expectText(page, '.ticket-number', 'H 001');
  await expectCount(page, '.ticket-appointment', 0, { message: 'a walk-in ticket is not one for the appointment' });
  const lookup = await (await fetch(`${server.url}/api/v1/appointments/L-0007`)).json();
  const ticket = await (await fetch(`${server.url}/api/v1/tickets/${lookup.check_in.ticket}`)).json();
  assert.deepEqual(ticket.appointment, { slot: booked.slot, late: true });
});

test('an unknown reference is said kindly with the way to the information desk, and repeated ones slow the kiosk down', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await openKiosk(chromium.browser, server);
  await toReference(page, 'de');

  for (let attempt = 1; attempt <= 5; attempt += 1) {
    if (attempt > 1) await page.locator('.keypad-actions button').nth(1).click(); // clear
    await tapReference(page, `ZZ9${attempt}`);
    await page.locator('.keypad-actions .primary-button').click();
    await expectText(page, '.failure p:first-child', message('de', 'reference-unknown'));
    await expectText(page, '.failure p:nth-child(2)', message('de', 'appointment-ask-information'));
  }
  await keepScreenshot(page, 'appointment-de-unknown');
  await tapReference(page, '6');

  await page.locator('.keypad-actions .primary-button').click();

  const first = await expectText(page, '.notice p', /^Hier wurden mehrere unbekannte Nummern eingegeben\. Bitte warten Sie \d+ Sekunden/);
  const seconds = Number(first.match(/(\d+) Sekunden/)[1]);
  assert.ok(seconds > 20 && seconds <= 31, `the server's Retry-After and a second: ${seconds}`);
  await expectState(page, '.keypad-actions .primary-button', 'disabled', { message: 'no lookups while it counts down' });
  await expectText(page, '.notice p', (text) => Number(text.match(/(\d+) Sekunde/)?.[1]) < seconds, { message: 'it counts down' });
  await keepScreenshot(page, 'appointment-de-slow-down');
  await expectState(page, '.keypad-actions .primary-button', 'enabled', { timeout: 35_000, message: 'then it can be tried again' });
  await expectCount(page, '.notice', 0);

  // The way to the information desk: a ticket for it, as "I am not sure" gives.
  await page.locator('.keypad-actions .primary-button').click();
  await expectText(page, '.failure p:first-child', message('de', 'reference-unknown'));
  await page.getByRole('button', { name: message('de', 'appointment-information-ticket') }).click();
  await expectText(page, '.ticket-number', 'I 001');
  await expectCount(page, '.ticket-appointment', 0);
});

test('checking in twice gives the same ticket: a second visit to the kiosk shows it again', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  await bookIn(server, 'T-3030', 0, 'extend-residence-permit');
  const page = await openKiosk(chromium.browser, server);
  await toReference(page, 'de');
  await tapReference(page, 'T3030');
  await findAppointment(page);
  await page.getByRole('button', { name: 'Weiter' }).click();
  await answerChecklist(page, (index) => index > 0);
  await continueToSummary(page);
  const number = await takeTicket(page);
  assert.equal(number, 'A 001');
  await page.getByRole('button', { name: 'Fertig' }).click();
  await page.locator('.start-button:not([disabled])').waitFor();

  // The second time by "I have an appointment" among the concerns.
  await page.locator('.start-button').click();
  await chooseLanguage(page, 'de');
  await page.locator('.appointment-choice').click();
  await tapReference(page, 'T3030');
  await page.locator('.keypad-actions .primary-button').click();

  await expectText(page, '.ticket-number', number);
  await expectText(page, '.ticket .notice', message('de', 'appointment-checked-in-before'));
  await expectText(page, '.ticket-missing', /Reisepass/, { message: 'the answers given the first time' });
  // The check-in itself, repeated (a double tap, a retry after a lost answer): the same ticket.
  const again = await fetch(`${server.url}/api/v1/appointments/t3030/check-in`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ language: 'de', checklist: {} }),
  });
  assert.equal(again.status, 200);
  assert.equal((await again.json()).number, number);
});

test('a check-in whose answer was lost is tried again by itself and gives one ticket', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  await bookIn(server, 'N-4040', 5);
  const page = await openKiosk(chromium.browser, server);
  await toReference(page, 'en');
  await tapReference(page, 'N4040');
  await findAppointment(page);
  await page.getByRole('button', { name: 'Continue' }).click();
  await answerChecklist(page, () => true);
  await continueToSummary(page);
  // The first answer never reaches the kiosk (a network hiccup after the server checked the
  // visitor in); then the server is out of reach for a moment.
  let tries = 0;
  await page.route('**/api/v1/appointments/*/check-in', async (route) => {
    tries += 1;
    if (tries === 1) {
      await route.fetch();
      await route.abort('connectionreset');
    } else if (tries === 2) {
      await route.abort('connectionrefused');
    } else {
      await route.continue();
    }
  });

  await page.locator('.summary-actions .primary-button').click();

  await expectText(page, '.failure', new RegExp(message('en', 'error-unreachable').slice(0, 30)));
  await expectText(page, '.ticket-number', 'H 001', { timeout: 20_000 });
  await expectState(page, '.ticket-appointment', 'visible');
  assert.ok(tries >= 3, `tries: ${tries}`);
  const walkIn = await fetch(`${server.url}/api/v1/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `e2e-${Date.now()}` },
    body: JSON.stringify({ concern: 'address-change', language: 'en' }),
  });
  assert.equal((await walkIn.json()).number, 'H 002', 'the retries did not cost a second ticket');
});

test('the inactivity reset works on the reference screen and forgets what was typed', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  // The office's setting, shortened for the test.
  const page = await openKiosk(chromium.browser, server, {
    editOffice: (kiosk) => { kiosk.inactivity = { idle_seconds: 3, warning_seconds: 20 }; },
  });
  await toReference(page, 'en');
  await tapReference(page, 'B123');

  await page.getByRole('alertdialog').waitFor({ timeout: 10_000 });
  await page.locator('.start-button').waitFor({ timeout: 30_000 });

  await page.locator('.appointment-button').click();
  await page.locator('.language-button[lang=en]').click();
  await page.locator('.reference h1').waitFor();
  await expectText(page, '.reference-typed', '', { message: 'the next visitor finds nothing of the last one' });
});

for (const tag of ['de', 'ar', 'de-x-ls']) {
  test(`every appointment screen passes axe-core in ${tag}, in normal, large-text and high-contrast mode`, async () => {
    const server = await startServer({ dataDir: tempDir('data') });
    await officeAtNoon(server); // every one of them today
    await bookIn(server, 'OPEN-1', 5);
    await bookIn(server, 'EARLY-1', 240);
    await bookIn(server, 'LATE-1', -12);
    await cancel(server, await bookIn(server, 'GONE-1', 20));
    const page = await openKiosk(chromium.browser, server);
    if (tag === 'de') await checkScreen(page, 'appointment-welcome');

    await toReference(page, tag);
    await checkScreen(page, `appointment-${tag}-reference-empty`);
    await tapReference(page, 'NONE1');
    await page.locator('.keypad-actions .primary-button').click();
    await page.locator('.failure').waitFor();
    await checkScreen(page, `appointment-${tag}-reference-unknown`);
    await keepScreenshot(page, `appointment-${tag}-reference-unknown`);

    for (const reference of ['EARLY1', 'LATE1', 'GONE1', 'OPEN1']) {
      await page.locator('.keypad-actions button').nth(1).click(); // clear
      await tapReference(page, reference);
      await findAppointment(page);
      await checkScreen(page, `appointment-${tag}-${reference.toLowerCase()}`);
      await keepScreenshot(page, `appointment-${tag}-${reference.toLowerCase()}`);
      if (reference !== 'OPEN1') await page.locator('.kiosk-nav button').first().click(); // back
    }
    await page.locator('.appointment .primary-button').click();
    await answerChecklist(page, () => true);
    await continueToSummary(page);
    await takeTicket(page);
    await expectState(page, '.ticket-appointment', 'visible');
    await checkScreen(page, `appointment-${tag}-ticket`);
    await keepScreenshot(page, `appointment-${tag}-ticket`);
    assert.deepEqual(await axeViolations(page), []);
  });
}
