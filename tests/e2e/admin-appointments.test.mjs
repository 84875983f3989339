// End to end: appointments in the admin console (/admin, section "Termine") against the real
// server in headless Chromium. The day's list with states and counts; fixing a time, cancelling
// one, adding one; the office's appointment rules in the settings; importing a booking
// system's file: refused whole with every problem and its line, then a good CSV and an ICS,
// and an unknown service mapped right there. axe-core on every new screen.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import {
  axeViolations, browserPerFile, expectAttribute, expectCount, expectEvaluated, expectState, expectText, keepScreenshot,
  startServer, tempDir,
} from './harness.mjs';
import { adminConsole } from './admin-steps.mjs';
import { adminCookie, book, checkedInAppointment, officeAtNoon, officeDay } from './appointment-steps.mjs';

const chromium = browserPerFile();

/** German Excel's export with eight problems, one a line (the server's own test file). */
const withProblems = readFileSync(new URL('../../crates/server/tests/fixtures/appointments/with-problems.csv', import.meta.url));

/** `minutes` from now as the office's clock in `zone` shows it, "HH:MM". */
function officeTime(zone, minutes) {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    .format(new Date(Date.now() + minutes * 60_000));
}

/** Chooses `contents` as the file to import, named `name`, and checks it. */
async function checkFile(page, name, contents) {
  await page.getByLabel('Termindatei (.csv oder .ics)').setInputFiles({ name, mimeType: 'text/plain', buffer: Buffer.from(contents) });
  await page.getByRole('button', { name: 'Datei prüfen' }).click();
}

/** What the last check or import says it did, each count a line. */
async function expectReport(page, expected) {
  const read = () => [...document.querySelectorAll('.admin-import-report p, .admin-import-counts li')]
    .map((item) => item.innerText.replace(/[\u2068\u2069]/g, '').trim());
  await expectEvaluated(page, read, expected);
}

/** The admin console, signed in as the demo admin, on the appointments of the office's today. */
async function appointments(server, { viewport = { width: 1920, height: 1080 } } = {}) {
  const page = await adminConsole(chromium, server, { viewport });
  await page.locator('.admin-nav').getByRole('button', { name: 'Termine', exact: true }).click();
  await expectText(page, '.admin-section h1', 'Termine');
  return page;
}

/** The table's row of `reference`. */
function row(page, reference) {
  return page.locator('.admin-appointment-table tbody tr', { has: page.locator('th', { hasText: reference }) });
}

/**
 * The cells of `reference`'s row as shown: time, reference, concern, language, state, ticket,
 * checked in, late; each expected cell a text or a RegExp.
 */
async function expectRow(page, reference, expected) {
  const read = (tr) => [...tr.children].slice(0, 8).map((cell) => cell.innerText.replace(/[\u2068\u2069]/g, '').trim());
  const fits = (cells) => cells.length === expected.length
    && expected.every((want, at) => (want instanceof RegExp ? want.test(cells[at]) : want === cells[at]));
  await expectEvaluated(row(page, reference), read, fits, { message: `the row of ${reference} shows ${expected.join(' | ')}` });
}

/** The counts per state, as the filter's buttons say them. */
async function expectCounts(page, expected) {
  await expectEvaluated(page, () => [...document.querySelectorAll('.admin-state-count')].map((b) => b.innerText.trim()), expected);
}

test('the day\'s appointments show with their states; one is fixed, one cancelled and one added, and the day can be changed', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const zone = await officeAtNoon(server);
  const today = officeDay(zone);
  const { ticket, time } = await checkedInAppointment(server, 'T-0815', { minutes: 5, language: 'ar' });
  await book(server, 'T-0816', { slot: `${today}T23:30`, concern: 'eu-blue-card' });
  const nextWeek = officeDay(zone, 7);
  await book(server, 'W-1001', { slot: `${nextWeek}T09:00`, concern: 'student-permit', language: 'uk' });

  const page = await appointments(server);
  await expectEvaluated(page.locator('#appointments-day'), (input) => input.value, today, { message: 'today in the office\'s time zone first' });
  await expectCount(page, '.admin-appointment-table tbody tr', 2);
  await expectRow(page, 'T-0815', [
    time, 'T-0815', 'Neue Adresse auf der Aufenthaltskarte', 'العربية · Arabisch', 'eingecheckt',
    ticket.number, /^\d\d:\d\d$/, '–',
  ]);
  await expectRow(page, 'T-0816', ['23:30', 'T-0816', 'Blaue Karte EU', 'keine Angabe', 'erwartet', '–', '–', '–']);
  await expectCounts(page, ['alle: 2', 'erwartet: 1', 'eingecheckt: 1', 'aufgerufen: 0', 'bedient: 0', 'verpasst: 0', 'abgesagt: 0']);
  assert.deepEqual(await axeViolations(page), [], 'appointments of the day');
  await keepScreenshot(page, 'admin-appointments-de');

  // The filter shows one state.
  await page.getByRole('button', { name: 'eingecheckt: 1' }).click();
  await expectAttribute(page.getByRole('button', { name: 'eingecheckt: 1' }), 'aria-pressed', 'true');
  await expectCount(page, '.admin-appointment-table tbody tr', 1);
  await page.getByRole('button', { name: 'alle: 2' }).click();
  await expectCount(page, '.admin-appointment-table tbody tr', 2);

  // Fix a time, by keyboard: the same day, so the same appointment.
  await row(page, 'T-0816').getByRole('button', { name: 'Ändern T-0816' }).click();
  await expectText(page, '.admin-appointment-editor h2', 'Termin T-0816 ändern');
  await expectEvaluated(page, () => document.activeElement?.id, 'appointment-slot', { message: 'the editor takes the focus' });
  await page.getByLabel('Datum und Uhrzeit').fill(`${today}T23:45`);
  await page.getByLabel('Sprache', { exact: true }).selectOption('tr');
  assert.deepEqual(await axeViolations(page), [], 'appointment editor');
  await keepScreenshot(page, 'admin-appointment-editor');
  await page.keyboard.press('Enter');
  await expectText(page, '.admin-appointment-message [role=status]', /^Der Termin T-0816 ist gespeichert: .*, 23:45\.$/);
  await expectRow(page, 'T-0816', ['23:45', 'T-0816', 'Blaue Karte EU', 'Türkçe · Türkisch', 'erwartet', '–', '–', '–']);
  const fixed = await (await fetch(`${server.url}/api/v1/admin/appointments?day=${today}`, { headers: { cookie: await adminCookie(server) } })).json();
  assert.deepEqual(fixed.map((a) => [a.reference, a.slot.slice(11, 16)]), [['T-0815', time], ['T-0816', '23:45']], 'the same appointment, at its new time');

  // Cancel one, after saying no once.
  await row(page, 'T-0816').getByRole('button', { name: 'Absagen T-0816' }).click();
  await expectText(row(page, 'T-0816').locator('.admin-confirm > span'), 'Termin T-0816 um 23:45 absagen?');
  assert.deepEqual(await axeViolations(page), [], 'asking before cancelling');
  await keepScreenshot(page, 'admin-appointment-cancel');
  await row(page, 'T-0816').getByRole('button', { name: 'Nein, behalten' }).click();
  await expectText(row(page, 'T-0816').locator('.admin-appointment-state'), 'erwartet');
  await row(page, 'T-0816').getByRole('button', { name: 'Absagen T-0816' }).click();
  await row(page, 'T-0816').getByRole('button', { name: 'Ja, absagen' }).click();
  await expectText(page, '.admin-appointment-message [role=status]', 'Der Termin T-0816 ist abgesagt.');
  await expectText(row(page, 'T-0816').locator('.admin-appointment-state'), 'abgesagt');
  await expectCounts(page, ['alle: 2', 'erwartet: 0', 'eingecheckt: 1', 'aufgerufen: 0', 'bedient: 0', 'verpasst: 0', 'abgesagt: 1']);

  // A reference that is none is refused before anything is sent; a good one is added.
  await page.getByRole('button', { name: 'Termin hinzufügen' }).click();
  await page.getByLabel('Buchungsnummer').fill('B-1');
  await page.getByLabel('Datum und Uhrzeit').fill(`${today}T22:10`);
  await page.getByLabel('Anliegen', { exact: true }).selectOption('settlement-permit');
  await page.getByRole('button', { name: 'Termin speichern' }).click();
  await expectText(page, '.admin-appointment-editor [role=alert]', 'Die Buchungsnummer braucht 4 bis 40 Buchstaben und Ziffern.');
  await page.getByLabel('Buchungsnummer').fill('B-1234');
  await page.getByRole('button', { name: 'Termin speichern' }).click();
  await expectText(page, '.admin-appointment-message [role=status]', /^Der Termin B-1234 ist gespeichert: .*, 22:10\.$/);
  await expectRow(page, 'B-1234', ['22:10', 'B-1234', 'Niederlassungserlaubnis', 'keine Angabe', 'erwartet', '–', '–', '–']);
  await expectCount(page, '.admin-appointment-table tbody tr', 3);

  // An answer the server refuses is said as it said it.
  await page.getByRole('button', { name: 'Termin hinzufügen' }).click();
  await page.getByLabel('Buchungsnummer').fill('B-9999');
  await page.getByLabel('Datum und Uhrzeit').fill(`${today}T22:20`);
  await page.getByLabel('Anliegen', { exact: true }).selectOption('settlement-permit');
  await page.route('**/api/v1/admin/appointments/B-9999', (route) => route.fulfill({
    status: 422, contentType: 'application/json', body: JSON.stringify({ code: 'invalid_field', message: 'slot: the office is closed then' }),
  }));
  await page.getByRole('button', { name: 'Termin speichern' }).click();
  await expectText(page, '.admin-appointment-editor [role=alert]', 'Das hat nicht geklappt: slot: the office is closed then');
  await page.getByRole('button', { name: 'Schließen, ohne zu speichern' }).click();
  await expectCount(page, '.admin-appointment-editor', 0);

  // Other days: a week ahead by the date field, then back by the buttons.
  await page.getByLabel('Tag', { exact: true }).fill(nextWeek);
  await expectRow(page, 'W-1001', ['09:00', 'W-1001', 'Aufenthaltserlaubnis zum Studium', 'Українська · Ukrainisch', 'erwartet', '–', '–', '–']);
  await expectCount(page, '.admin-appointment-table tbody tr', 1);
  await page.getByRole('button', { name: 'Vorheriger Tag' }).click();
  await expectText(page, '.admin-appointments-empty', 'An diesem Tag gibt es keine Termine.');
  await page.getByRole('button', { name: 'Heute' }).click();
  await expectCount(page, '.admin-appointment-table tbody tr', 3);
  await expectState(page.getByRole('button', { name: 'Heute' }), 'disabled');
});

test('the appointment rules are settings of the draft, checked before publishing', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await appointments(server);
  await page.locator('.admin-nav').getByRole('button', { name: 'Einstellungen', exact: true }).click();
  await expectText(page, '.admin-section h1', 'Einstellungen');
  // (The kiosk languages' "down" buttons work: their markup once ended at the `>` of `>=`.)
  const languages = page.locator('.admin-language-list li label');
  await page.getByRole('button', { name: 'Nach unten: Deutsch · Deutsch' }).click();
  await expectText(languages.nth(1), 'Deutsch · Deutsch');
  await expectCount(page.getByText(/shift\(1\)/), 0);
  const rules = page.locator('fieldset', { has: page.locator('legend', { hasText: /^Termine$/ }) });
  await rules.getByLabel('Einchecken ab so vielen Minuten vor dem Termin (höchstens 240)').fill('300');
  await rules.getByLabel('Einchecken ab so vielen Minuten vor dem Termin (höchstens 240)').press('Tab');
  await expectText(page, '.admin-problems li', /^appointments › check_in_opens_minutes: nicht möglich/);
  await expectState(page.getByRole('button', { name: 'Veröffentlichen' }), 'disabled');
  await rules.getByLabel('Einchecken ab so vielen Minuten vor dem Termin (höchstens 240)').fill('45');
  await rules.getByLabel('Einchecken ab so vielen Minuten vor dem Termin (höchstens 240)').press('Tab');
  await rules.getByLabel('Wer später kommt, bekommt').selectOption('information_desk');
  await rules.getByLabel(/Jeder wievielte Aufruf/).fill('3');
  await rules.getByLabel(/Jeder wievielte Aufruf/).press('Tab');
  await expectCount(page, '.admin-problems li', 0);
  assert.deepEqual(await axeViolations(page), [], 'settings with the appointment rules');
  await rules.scrollIntoViewIfNeeded();
  await keepScreenshot(page, 'admin-appointment-rules-de');
  await page.getByRole('button', { name: 'Veröffentlichen' }).click();
  await expectText(page, '.admin-done', /ist veröffentlicht/);

  const draft = await (await fetch(`${server.url}/api/v1/admin/draft`, { headers: { cookie: await adminCookie(server) } })).json();
  assert.deepEqual(draft.document.appointments, {
    enabled: true, check_in_opens_minutes: 45, check_in_closes_minutes: 10, late_arrival: 'information_desk', call_ahead_minutes: 2, walk_in_every: 3,
  });
});

test('a file with problems is refused whole with every problem and its line, and nothing changes', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await appointments(server);

  await checkFile(page, 'Termine KW 50.csv', withProblems);

  await expectText(page, '.admin-appointment-import [role=alert]', 'Die Datei hat 8 Probleme; nichts wurde geändert.');
  const problems = page.locator('.admin-import-problems li');
  await expectCount(problems, 8);
  const lines = await problems.evaluateAll((items) => items.map((item) => item.querySelector('.problem-place').innerText.replace(/[\u2068\u2069]/g, '')));
  assert.deepEqual(lines.map((place) => Number(place.match(/^Zeile (\d+)/)?.[1])), [3, 4, 5, 6, 7, 8, 9, 10], lines.join(' / '));
  await expectText(problems.nth(0), /^Zeile 3, Terminnummer: .*B#2002/);
  await expectText(problems.nth(7), /^Zeile 10, Terminnummer: .*B-2001/);
  await expectCount(page.getByRole('button', { name: 'Importieren' }), 0, { message: 'nothing to import' });
  assert.deepEqual(await axeViolations(page), [], 'import with problems');
  await keepScreenshot(page, 'admin-appointments-import-problems');

  const cookie = await adminCookie(server);
  const listed = await (await fetch(`${server.url}/api/v1/admin/appointments?day=2026-12-07`, { headers: { cookie } })).json();
  assert.deepEqual(listed, [], 'not even the good lines were imported');
});

test('a CSV with an unknown service is mapped right there, checked, imported and listed with states; then an ICS', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const zone = await officeAtNoon(server);
  const [today, tomorrow] = [officeDay(zone), officeDay(zone, 1)];
  const soon = officeTime(zone, 5);
  const csv = [
    'Terminnummer;Name;Datum;Uhrzeit;Dienstleistung;Sprache;Status',
    `R-1001;Max Mustermann;${today};${soon};Aufenthaltstitel – Verlängerung (ZMS);fa;bestätigt`,
    `R-1002;Erika Musterfrau;${today};23:00;Blaue Karte EU;;bestätigt`,
    `R-1003;Anna Beispiel;${today};23:15;Aufenthaltstitel – Verlängerung (ZMS);uk;storniert`,
  ].join('\r\n');
  const page = await appointments(server);

  // The first check names the service nobody mapped yet, and offers to map it.
  await checkFile(page, 'heute.csv', csv);
  await expectText(page, '.admin-appointment-import [role=alert]', 'Die Datei hat 2 Probleme; nichts wurde geändert.');
  await expectText(page.locator('.admin-import-problems li').first(), /^Zeile 2, Dienstleistung: .*Aufenthaltstitel – Verlängerung \(ZMS\)/);
  const mapping = page.locator('.admin-map-services');
  await expectCount(mapping.locator('select'), 1, { message: 'one choice for the one unknown name, though it is on two lines' });
  assert.deepEqual(await axeViolations(page), [], 'mapping unknown services');
  await mapping.getByLabel('Aufenthaltstitel – Verlängerung (ZMS)').selectOption('extend-residence-permit');
  await mapping.getByRole('button', { name: 'Zuordnung speichern und Datei erneut prüfen' }).click();

  // Checked again: what importing would do (a booking cancelled before it was ever imported is
  // nothing to import), and nothing done yet.
  await expectReport(page, ['Geprüft. Der Import würde Folgendes ändern:', '2 Termine neu', '0 Termine geändert',
    '0 Termine abgesagt, weil die Datei sie nicht mehr enthält', '1 Termin unverändert',
    '0 Termine bleiben, obwohl die Datei sie nicht mehr enthält: schon eingecheckt']);
  await expectCount(page, '.admin-appointment-table tbody tr', 0);
  assert.deepEqual(await axeViolations(page), [], 'a checked file');
  await keepScreenshot(page, 'admin-appointments-import-checked');
  await page.getByRole('button', { name: 'Importieren' }).click();
  await expectText(page, '.admin-import-report p', 'Importiert:');
  await expectCount(page, '.admin-appointment-table tbody tr', 2);

  // A visitor checks in; the list shows it once loaded again.
  const checkIn = await fetch(`${server.url}/api/v1/appointments/R-1001/check-in`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ language: 'fa', checklist: {} }),
  });
  assert.equal(checkIn.status, 201);
  await page.getByRole('button', { name: 'Neu laden' }).click();
  await expectRow(page, 'R-1001', [soon, 'R-1001', 'Aufenthaltserlaubnis verlängern', 'فارسی / دری · Persisch (Farsi/Dari)', 'eingecheckt', 'A 001', /^\d\d:\d\d$/, '–']);
  await expectRow(page, 'R-1002', ['23:00', 'R-1002', 'Blaue Karte EU', 'keine Angabe', 'erwartet', '–', '–', '–']);

  // The same file again changes nothing.
  await checkFile(page, 'heute.csv', csv);
  await expectReport(page, ['Geprüft. Der Import würde Folgendes ändern:', '0 Termine neu', '0 Termine geändert',
    '0 Termine abgesagt, weil die Datei sie nicht mehr enthält', '3 Termine unverändert',
    '0 Termine bleiben, obwohl die Datei sie nicht mehr enthält: schon eingecheckt']);

  // A later file for the day: what it no longer lists is cancelled, unless its visitor is here.
  const later = [
    'Terminnummer;Name;Datum;Uhrzeit;Dienstleistung;Sprache;Status',
    `R-1003;Anna Beispiel;${today};23:15;Aufenthaltstitel – Verlängerung (ZMS);uk;storniert`,
    `R-1004;Jonas Muster;${today};23:30;Niederlassungserlaubnis;;bestätigt`,
  ].join('\r\n');
  await checkFile(page, 'heute-neu.csv', later);
  await expectReport(page, ['Geprüft. Der Import würde Folgendes ändern:', '1 Termin neu', '0 Termine geändert',
    '1 Termin abgesagt, weil die Datei ihn nicht mehr enthält', '1 Termin unverändert',
    '1 Termin bleibt, obwohl die Datei ihn nicht mehr enthält: schon eingecheckt']);
  await page.getByRole('button', { name: 'Importieren' }).click();
  await expectText(page, '.admin-import-report p', 'Importiert:');
  await expectRow(page, 'R-1002', ['23:00', 'R-1002', 'Blaue Karte EU', 'keine Angabe', 'abgesagt', '–', '–', '–']);
  await expectRow(page, 'R-1004', ['23:30', 'R-1004', 'Niederlassungserlaubnis', 'keine Angabe', 'erwartet', '–', '–', '–']);
  await expectText(row(page, 'R-1001').locator('.admin-appointment-state'), 'eingecheckt');
  await expectCounts(page, ['alle: 3', 'erwartet: 1', 'eingecheckt: 1', 'aufgerufen: 0', 'bedient: 0', 'verpasst: 0', 'abgesagt: 1']);

  // An iCalendar file for tomorrow; its day is a way to its list.
  const ics = [
    'BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Stadt Beispielstadt//Terminvergabe//DE', 'METHOD:PUBLISH',
    'BEGIN:VEVENT', 'UID:R-2001@termine.example', 'DTSTAMP:20261204T170000Z', `DTSTART:${tomorrow.replaceAll('-', '')}T093000`,
    'SUMMARY:Termin Max Mustermann', 'CATEGORIES:Aufenthaltstitel – Verlängerung (ZMS)', 'X-WILLKOMMEN-LANGUAGE:ar', 'STATUS:CONFIRMED', 'END:VEVENT',
    'BEGIN:VEVENT', 'UID:R-2002@termine.example', 'DTSTAMP:20261204T170000Z', `DTSTART:${tomorrow.replaceAll('-', '')}T100000`,
    'CATEGORIES:Niederlassungserlaubnis', 'END:VEVENT',
    'END:VCALENDAR',
  ].join('\r\n');
  await checkFile(page, 'morgen.ics', ics);
  await expectText(page, '.admin-import-counts li', '2 Termine neu');
  await page.getByRole('button', { name: 'Importieren' }).click();
  await expectText(page, '.admin-import-report p', 'Importiert:');
  await page.locator('.admin-import-days').getByRole('button').click();
  await expectEvaluated(page.locator('#appointments-day'), (input) => input.value, tomorrow);
  await expectRow(page, 'R-2001', ['09:30', 'R-2001', 'Aufenthaltserlaubnis verlängern', 'العربية · Arabisch', 'erwartet', '–', '–', '–']);
  await expectRow(page, 'R-2002', ['10:00', 'R-2002', 'Niederlassungserlaubnis', 'keine Angabe', 'erwartet', '–', '–', '–']);

  // The remembered mapping, in the list of them.
  await page.getByRole('button', { name: 'Zuordnungen zeigen' }).click();
  const remembered = page.locator('.admin-service-table tbody tr');
  await expectCount(remembered, 1);
  await expectText(remembered.locator('th'), 'Aufenthaltstitel – Verlängerung (ZMS)');
  await expectEvaluated(remembered.locator('select'), (select) => select.value, 'extend-residence-permit');
  assert.deepEqual(await axeViolations(page), [], 'the remembered mappings');
  await keepScreenshot(page, 'admin-appointments-services');
});
