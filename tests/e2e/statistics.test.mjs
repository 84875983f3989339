// End to end: the statistics (issue 18) against the real server in headless Chromium. The
// admin console's Statistik section with its tables, charts and downloads; a read-only
// statistics account that sees only Statistik and Live and is refused at the desk; the live
// board and the desk's notice once a wait passes its target (the ticket's issue time moved
// back in the test's SQLite file instead of waiting); the kiosk's turned-away report, in
// Arabic. axe-core on every new screen, screenshots in tests/e2e/artifacts/.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

import {
  axeViolations, browserPerFile, expectAttribute, expectEventually, expectCount, expectEvaluated, expectState, expectText, keepScreenshot,
  startServer, tempDir,
} from './harness.mjs';
import { adminConsole } from './admin-steps.mjs';
import { adminCookie } from './appointment-steps.mjs';
import { chooseConcern, chooseLanguage, continueToSummary, answerChecklist, openKiosk, start } from './kiosk-steps.mjs';

const chromium = browserPerFile();
const artifacts = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');

/** A ticket taken as a kiosk would. */
async function issue(server, concern = 'extend-residence-permit', language = 'de') {
  const response = await fetch(`${server.url}/api/v1/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': `statistics-e2e-${Math.random()}` },
    body: JSON.stringify({ concern, language, checklist: {} }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return response.json();
}

/** A session's requests to the API: `(method, path, body?) => Response`. */
async function session(server, username, password) {
  const response = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  assert.equal(response.status, 200, `${username} signs in`);
  const cookie = response.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
  return (method, route, body) => fetch(`${server.url}/api/v1${route}`, {
    method,
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
}

/** Serves `ticket` at counter 2 from call to finish. */
async function serve(clerk, ticket) {
  for (const [route, body] of [[`/tickets/${ticket.id}/call`, { counter: 'counter-2' }], [`/tickets/${ticket.id}/start`], [`/tickets/${ticket.id}/finish`]]) {
    const response = await clerk('POST', route, body);
    assert.equal(response.status, 200, `${route}: ${await response.clone().text()}`);
  }
}

/** Creates a read-only statistics account through the admin API. */
async function statisticsAccount(server) {
  const admin = await session(server, 'admin', 'willkommen-admin');
  const response = await admin('POST', '/admin/accounts', {
    username: 'leitung', display_name: 'Amtsleitung', role: 'statistics', password: 'nur-zahlen-lesen',
  });
  assert.equal(response.status, 201, await response.clone().text());
}

/** Opens the console's section `name` and waits for its heading. */
async function openSection(page, name) {
  await page.locator('.admin-nav').getByRole('button', { name, exact: true }).click();
  await expectText(page, '.admin-nav [aria-current=page]', name);
  await expectText(page, '.admin-section h1', name);
}

/** The cells of the first row of table `id` whose first cell is `first`, as shown. */
async function expectRow(page, id, first, expected) {
  const read = ([table, name]) => {
    const row = [...document.querySelectorAll(`section[data-table="${table}"] tbody tr`)]
      .find((tr) => tr.cells[0]?.innerText.trim() === name);
    return row ? [...row.cells].map((cell) => cell.innerText.replace(/[\u2068\u2069]/g, '').trim()) : null;
  };
  const fits = (cells) => Array.isArray(cells) && expected.every((want, at) => (want instanceof RegExp ? want.test(cells[at]) : want === cells[at]));
  await expectEvaluated(page, read, fits, { arg: [id, first], message: `table ${id}, row ${first}: ${expected.join(' | ')}` });
}

/** Moves every waiting ticket's issue back by `minutes`, in the server's SQLite file. */
function backdateWaiting(dataDir, minutes) {
  execFileSync('python3', ['-c', [
    'import sqlite3, sys, datetime',
    `db = sqlite3.connect(${JSON.stringify(path.join(dataDir, 'willkommen.db'))})`,
    `shift = datetime.timedelta(minutes=${minutes})`,
    "for id, issued, queued in db.execute(\"SELECT id, issued_at, queued_at FROM tickets WHERE status = 'waiting'\").fetchall():",
    "    earlier = (datetime.datetime.fromisoformat(issued.replace('Z', '+00:00')) - shift).isoformat()",
    "    db.execute('UPDATE tickets SET issued_at = ?, queued_at = ? WHERE id = ?', (earlier, queued - int(shift.total_seconds() * 1000), id))",
    'db.commit()',
  ].join('\n')]);
}

test('Statistik shows the figures as tables and charts, downloads CSV and XLSX, prints on A4 and passes axe', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const clerk = await session(server, 'schalter2', 'willkommen-2');
  const served = await issue(server);
  await issue(server);
  await issue(server, 'address-change', 'uk');
  await serve(clerk, served);
  const rated = await fetch(`${server.url}/api/v1/tickets/${served.id}/feedback`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ rating: 4, reasons: ['friendly'] }),
  });
  assert.equal(rated.status, 204);
  const turnedAway = await fetch(`${server.url}/api/v1/kiosk/turned-away`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ concern: 'address-change', reason: 'quota' }),
  });
  assert.equal(turnedAway.status, 204);

  const page = await adminConsole(chromium, server);
  await openSection(page, 'Statistik');
  await expectAttribute(page.getByRole('button', { name: 'Letzte 30 Tage' }), 'aria-pressed', 'true', { message: 'the last 30 days first' });
  await expectCount(page, '.statistics-table', 10);
  await expectEvaluated(page, () => [...document.querySelectorAll('.statistics-table h2')].map((h) => h.innerText), [
    'Besucher und was aus ihnen wurde', 'Wartezeiten', 'Pro Tag', 'Pro Stunde', 'Verteilung der Wartezeiten',
    'Gewählte Sprachen am Automaten', 'Fehlende Unterlagen', 'Ausgeschöpfte Kontingente', 'Ohne Nummer weggeschickt',
    'Rückmeldungen: „Wie war Ihr Besuch?“ (gezeigt ab 5 Antworten)',
  ]);
  await expectEvaluated(page, () => [...document.querySelectorAll('section[data-table="visitors"] thead th')].map((th) => th.innerText), [
    'Anliegen', 'Termin', 'Ausgegeben', 'Bedient', 'Nicht erschienen', 'Selbst abgemeldet', 'Weitergeleitet', 'Offen geblieben',
    'Weggeschickt', 'Unterlagen vollständig',
  ]);
  // Issued, served, no-show, cancelled, transferred, unserved, turned away.
  await expectRow(page, 'visitors', 'Alle Anliegen', ['Alle Anliegen', 'alle', '3', '1', '0', '0', '0', '2', '1']);
  await expectRow(page, 'visitors', 'Aufenthaltserlaubnis verlängern', ['Aufenthaltserlaubnis verlängern', 'alle', '2', '1', '0', '0', '0', '1', '0']);
  await expectRow(page, 'visitors', 'Neue Adresse auf der Aufenthaltskarte', ['Neue Adresse auf der Aufenthaltskarte', 'alle', '1', '0', '0', '0', '0', '1', '1']);
  await expectRow(page, 'languages', 'Neue Adresse auf der Aufenthaltskarte', ['Neue Adresse auf der Aufenthaltskarte', 'Українська · Ukrainisch', '1', '100,0\u202f%']);
  await expectRow(page, 'turned_away', 'Neue Adresse auf der Aufenthaltskarte', ['Neue Adresse auf der Aufenthaltskarte', 'Kontingent ausgeschöpft', '1']);
  await expectRow(page, 'wait_distribution', '0', ['0', '5', '1', '100,0\u202f%']);
  // One answer alone: counted, what it said not shown.
  await expectRow(page, 'feedback', 'Alle Anliegen', ['Alle Anliegen', 'Alle Sprachen', '1', '–', '–', '–', '–', '–', '–', '–']);

  // Three charts, each an image with a name and a caption, its figures in the table below.
  await expectCount(page, '.statistics-chart svg[role=img]', 3);
  await expectAttribute(page, 'section[data-table="days"] svg', 'aria-label',
    (label) => label?.replace(/[\u2068\u2069]/g, '') === 'Ausgegeben und bedient pro Tag. Die Zahlen stehen in der Tabelle darunter.');
  await expectCount(page, 'section[data-table="days"] svg[role=img] .chart-series-0 rect', 30);
  await expectEvaluated(page, () => [...document.querySelectorAll('section[data-table="days"] .chart-legend li')].map((li) => li.innerText.trim()),
    ['Ausgegeben', 'Bedient'], { message: 'the legend says which bars are which, not colour alone' });
  assert.deepEqual(await axeViolations(page), [], 'statistics');
  await keepScreenshot(page, 'statistics-de');

  // The downloads answer with the file the link promises.
  const xlsx = await page.getByRole('link', { name: 'Alle Tabellen als XLSX' }).getAttribute('href');
  const workbook = await page.request.get(`${server.url}${xlsx}`);
  assert.equal(workbook.status(), 200);
  assert.equal(workbook.headers()['content-type'], 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  assert.match(workbook.headers()['content-disposition'], /^attachment; filename="willkommen-[a-z0-9-]+-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.xlsx"$/);
  assert.equal((await workbook.body()).subarray(0, 2).toString(), 'PK', 'an XLSX is a zip file');
  const csv = await page.getByRole('link', { name: 'CSV Pro Tag' }).getAttribute('href');
  const days = await page.request.get(`${server.url}${csv}`);
  assert.equal(days.status(), 200);
  assert.match(days.headers()['content-type'], /^text\/csv/);
  assert.match(days.headers()['content-disposition'], /filename="willkommen-[a-z0-9-]+-days-\d{4}-\d\d-\d\d-\d{4}-\d\d-\d\d\.csv"$/);
  assert.match(await days.text(), /^\uFEFF?date;issued;served/);

  // Another range: today only, then two dates typed the wrong way round.
  await page.getByRole('button', { name: 'Heute', exact: true }).click();
  await expectAttribute(page.getByRole('button', { name: 'Heute', exact: true }), 'aria-pressed', 'true');
  await expectEvaluated(page, () => document.querySelector('#statistics-from').value === document.querySelector('#statistics-to').value, true);
  await expectRow(page, 'visitors', 'Alle Anliegen', ['Alle Anliegen', 'alle', '3']);
  await expectEvaluated(page, () => [...document.querySelectorAll('section[data-table="days"] .chart-value')].map((t) => t.textContent),
    ['3', '1'], { message: 'today\'s bars say their figures: 3 issued, 1 served' });
  await keepScreenshot(page, 'statistics-today-de');
  await page.getByLabel('Von').fill('2026-12-10');
  await page.getByLabel('Bis (einschließlich)').fill('2026-12-01');
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  await expectText(page, '.statistics-controls [role=alert]', 'Das erste Datum liegt nach dem zweiten.');

  // On paper: no navigation or buttons, the tables and charts on A4.
  await page.getByRole('button', { name: 'Letzte 30 Tage' }).click();
  await expectCount(page, '.statistics-table', 10);
  await page.emulateMedia({ media: 'print' });
  await expectEvaluated(page, () => getComputedStyle(document.querySelector('.admin-nav')).display, 'none');
  await expectEvaluated(page, () => getComputedStyle(document.querySelector('.statistics-controls')).display, 'none');
  writeFileSync(path.join(artifacts, 'statistics-a4.pdf'), await page.pdf({ format: 'A4', printBackground: true }));
  await page.emulateMedia({ media: 'screen' });

  // High contrast (forced colours): the charts are drawn in the text colour, still patterned.
  await page.emulateMedia({ forcedColors: 'active' });
  await keepScreenshot(page, 'statistics-forced-colors');
  await page.emulateMedia({ forcedColors: 'none' });

  // In English.
  await page.getByRole('button', { name: 'English' }).click();
  await expectText(page, '.admin-section h1', 'Statistics');
  await expectRow(page, 'visitors', 'All concerns', ['All concerns', 'all', '3', '1']);
  assert.deepEqual(await axeViolations(page), [], 'statistics in English');
});

test('a statistics account sees only Statistik and Live, and the desk and its API refuse it', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  await statisticsAccount(server);
  await issue(server);

  const context = await chromium.browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => { throw error; });
  await page.goto(`${server.url}/admin`);
  await page.getByLabel('Benutzername').fill('leitung');
  await page.getByLabel('Passwort').fill('nur-zahlen-lesen');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expectText(page, '.admin-section h1', 'Statistik');
  await expectEvaluated(page, () => [...document.querySelectorAll('.admin-nav button')].map((b) => b.innerText), ['Statistik', 'Live']);
  await expectCount(page, '.admin-draft', 0);
  await expectRow(page, 'visitors', 'Aufenthaltserlaubnis verlängern', ['Aufenthaltserlaubnis verlängern', 'alle', '1'],);
  assert.deepEqual(await axeViolations(page), [], 'statistics for the statistics role');
  await openSection(page, 'Live');
  await expectText(page, '.live-figures div:nth-child(2) dd', '1');
  assert.deepEqual(await axeViolations(page), [], 'live board for the statistics role');

  const reader = await session(server, 'leitung', 'nur-zahlen-lesen');
  assert.equal((await reader('GET', '/queue')).status, 403, 'no queue');
  assert.equal((await reader('POST', '/counters/counter-1/call-next')).status, 403, 'no calling');
  assert.equal((await reader('GET', '/admin/draft')).status, 403, 'no settings');
  assert.equal((await reader('GET', '/statistics/live')).status, 200);
  const staff = await session(server, 'schalter1', 'willkommen-1');
  assert.equal((await staff('GET', '/statistics/live')).status, 403, 'staff read no statistics');

  await page.goto(`${server.url}/staff`);
  await expectText(page, '.staff-main [role=alert]', 'Dieses Konto liest nur die Statistik und ruft niemanden auf.');
  await expectCount(page, '.call-next', 0);
  await keepScreenshot(page, 'statistics-account-at-the-desk');
});

test('the default range ends on the office\'s date, also on a PC set to UTC just after midnight in Berlin', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  await statisticsAccount(server);
  await issue(server);
  // The office's date now, and a moment on it at which a PC on UTC still shows the day before.
  const officeDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin' }).format(new Date());
  const justAfterMidnight = new Date(`${officeDay}T00:30:00+01:00`);
  assert.notEqual(justAfterMidnight.toISOString().slice(0, 10), officeDay, 'the PC\'s date is the day before');

  const context = await chromium.browser.newContext({ viewport: { width: 1920, height: 1080 }, timezoneId: 'UTC' });
  const page = await context.newPage();
  page.on('pageerror', (error) => { throw error; });
  await page.clock.install({ time: justAfterMidnight });
  await page.goto(`${server.url}/admin`);
  await page.getByLabel('Benutzername').fill('leitung');
  await page.getByLabel('Passwort').fill('nur-zahlen-lesen');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await expectEvaluated(page.getByLabel('Bis'), (input) => input.value, officeDay, { message: 'the range ends today in the office' });
  await expectRow(page, 'visitors', 'Aufenthaltserlaubnis verlängern', ['Aufenthaltserlaubnis verlängern', 'alle', '1']);
  await expectAttribute(page.getByRole('button', { name: 'Letzte 30 Tage' }), 'aria-pressed', 'true');
  await context.close();
});

test('past its target a concern turns red on the live board and the desks show a notice; the board keeps its figures offline', async () => {
  const dataDir = tempDir('data');
  const server = await startServer({ dataDir });
  const page = await adminConsole(chromium, server);
  // The target, set in the concern editor.
  await page.locator('.admin-concern', { hasText: 'Aufenthaltserlaubnis verlängern' }).getByRole('button', { name: /Bearbeiten/ }).click();
  const target = page.getByLabel('Ziel-Wartezeit in Minuten');
  await target.fill('1441');
  await target.blur();
  await expectText(page, '.admin-problems', /target_wait_minutes|Ziel|1440/);
  await target.fill('1');
  await target.blur();
  await page.getByLabel('Was sich ändert (für die Versionsliste)').fill('Ziel-Wartezeit');
  await page.getByRole('button', { name: 'Veröffentlichen' }).click();
  await expectText(page, '.admin-done', /Version .?2.? ist veröffentlicht/);
  const draft = await (await fetch(`${server.url}/api/v1/admin/draft`, { headers: { cookie: await adminCookie(server) } })).json();
  assert.equal(draft.document.concerns.find((c) => c.id === 'extend-residence-permit').target_wait_minutes, 1);

  await issue(server);
  await issue(server, 'address-change');
  backdateWaiting(dataDir, 5);

  await openSection(page, 'Live');
  const row = page.locator('.live-concerns tbody tr', { has: page.locator('th', { hasText: 'Aufenthaltserlaubnis verlängern' }) });
  await expectAttribute(row, 'data-level', 'red');
  await expectText(row.locator('.live-level'), /über dem Ziel$/);
  await expectText(row.locator('td').nth(1), /^\d+ Min\.$/);
  await expectText(row.locator('td').nth(2), '1 Min.');
  const other = page.locator('.live-concerns tbody tr', { has: page.locator('th', { hasText: 'Neue Adresse auf der Aufenthaltskarte' }) });
  await expectText(other.locator('.live-level'), 'kein Ziel');
  await expectText(page, '.live-figures div:nth-child(2) dd', '2');
  assert.deepEqual(await axeViolations(page), [], 'live board');
  await keepScreenshot(page, 'statistics-live-red');

  // The desk: the notice names the concern, its longest wait and the target.
  const deskContext = await chromium.browser.newContext({ viewport: { width: 1920, height: 1080 } });
  const desk = await deskContext.newPage();
  await desk.goto(`${server.url}/staff`);
  await desk.getByLabel('Benutzername').fill('schalter1');
  await desk.getByLabel('Passwort').fill('willkommen-1');
  await desk.getByRole('button', { name: 'Anmelden' }).click();
  await desk.getByRole('button', { name: /Schalter 1/ }).click();
  await desk.getByRole('button', { name: 'Arbeit beginnen' }).click();
  await expectText(desk, '.staff-over-target .staff-over-target-heading', /Wartezeit über dem Ziel/);
  await expectText(desk, '.staff-over-target li', /^Aufenthaltserlaubnis verlängern: längste Wartezeit \d+ Min\., Ziel 1 Min\.$/);
  await expectCount(desk, '.staff-over-target li', 1);
  await expectAttribute(desk, '.staff-over-target', 'role', 'status');
  assert.deepEqual(await axeViolations(desk), [], 'desk with the notice');
  await keepScreenshot(desk, 'statistics-desk-banner');

  // The server out of reach: the board keeps its last figures and says from when.
  await page.route('**/api/v1/statistics/live', (route) => route.abort('connectionrefused'));
  await issue(server, 'address-change');
  await expectText(page, '.live .staff-offline', /^Der Server ist gerade nicht erreichbar\. Sie sehen die Zahlen von \d\d:\d\d Uhr\.$/);
  await expectText(page, '.live-figures div:nth-child(2) dd', '2');
  await keepScreenshot(page, 'statistics-live-offline');
  await page.unroute('**/api/v1/statistics/live');
  await issue(server, 'address-change');
  await expectCount(page, '.live .staff-offline', 0);
  await expectText(page, '.live-figures div:nth-child(2) dd', '4');
});

test('the kiosk reports a visitor it turns away once per visit, in Arabic too, and not from the preview', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await openKiosk(chromium.browser, server, {
    editOffice(kiosk) {
      kiosk.issuing = { state: 'closed', issuing_ends_at: null, next_opening: '2026-12-01T08:00:00+01:00' };
    },
  });
  const reports = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/v1/kiosk/turned-away')) reports.push(request.postDataJSON());
  });
  await start(page);
  await chooseLanguage(page, 'ar');
  await chooseConcern(page, 'تغيير العنوان على بطاقة الإقامة');
  await answerChecklist(page, () => true);
  await continueToSummary(page);
  await expectState(page, '.summary .notice', 'visible');
  await expectEvaluated(page, () => document.documentElement.dir, 'rtl');
  await expectEventually(() => reports.length, (count) => count === 1, {
    subject: 'the kiosk\'s reports', wanted: 'to be one', shown: (count) => `there were ${count}`,
  });
  assert.deepEqual(reports[0], { concern: 'address-change', reason: 'closed' });
  assert.deepEqual(await axeViolations(page), [], 'turned away, in Arabic');
  await keepScreenshot(page, 'statistics-kiosk-turned-away-ar');

  // Back to the checklist and to the summary again: still the same visit, counted once.
  await page.locator('.kiosk-nav .nav-button').first().click();
  await page.locator('.checklist h1').waitFor();
  await continueToSummary(page);
  await expectState(page, '.summary .notice', 'visible');
  await new Promise((resolve) => { setTimeout(resolve, 500); });
  assert.equal(reports.length, 1, 'one visit, one report');

  const cookie = await adminCookie(server);
  const from = new Date(Date.now() - 2 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const to = new Date(Date.now() + 2 * 24 * 3600 * 1000).toISOString().slice(0, 10);
  const report = await (await fetch(`${server.url}/api/v1/statistics?from=${from}&to=${to}`, { headers: { cookie } })).json();
  const table = report.tables.find((t) => t.id === 'turned_away');
  const at = (id) => table.columns.findIndex((c) => c.id === id);
  assert.deepEqual(table.rows.map((r) => [r[at('concern')], r[at('reason')], r[at('visitors')]]), [['address-change', 'closed', 1]]);
});
