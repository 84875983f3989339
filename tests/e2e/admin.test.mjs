// End to end: the admin console (/admin) against the real server in headless Chromium. An
// Arabic checklist edit goes from the editor through the preview and publishing to a kiosk
// that is already open; a file with three errors is refused whole; markup stays text; every
// screen passes axe-core and works by keyboard.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

import {
  axeViolations, browserPerFile, expectAttribute, expectCount, expectEvaluated, expectText, keepScreenshot,
  startServer, tempDir,
} from './harness.mjs';
import { adminConsole } from './admin-steps.mjs';
import { answerChecklist, chooseConcern, chooseLanguage, continueToSummary, openKiosk, start, takeTicket } from './kiosk-steps.mjs';

const demo = JSON.parse(readFileSync(new URL('../../crates/server/seed/demo_office.json', import.meta.url), 'utf8'));
const addressChange = demo.concerns.find((concern) => concern.id === 'address-change');

const chromium = browserPerFile();


/** Opens the section `name` and waits for its heading (which is the section's name). */
async function openSection(page, name) {
  await page.locator('.admin-nav').getByRole('button', { name, exact: true }).click();
  await expectText(page, '.admin-nav [aria-current=page]', name);
  await expectText(page, '.admin-section h1', name);
}

/** The draft bar comes to say `expected` (it is rendered just after the action). */
async function expectDraftState(page, expected) {
  await expectText(page, '.admin-draft-state', expected);
}

test('an Arabic checklist edit is previewed, published, and shown by a running kiosk without reload, markup as text', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const kiosk = await openKiosk(chromium.browser, server);
  let alerted = false;
  kiosk.on('dialog', async (dialog) => { alerted = true; await dialog.dismiss(); });
  await start(kiosk);
  await chooseLanguage(kiosk, 'ar');
  await chooseConcern(kiosk, addressChange.name.ar);
  const firstItem = kiosk.locator('.checklist-item .document-name').first();
  await expectText(firstItem, addressChange.checklist[0].text.ar);

  const page = await adminConsole(chromium, server);
  await page.locator('.admin-concern', { hasText: addressChange.name.de }).getByRole('button', { name: /Bearbeiten/ }).click();
  await page.getByLabel('Übersetzen in').selectOption('ar');
  const edited = 'بطاقة الإقامة الجديدة <script>alert(1)</script>';
  const arabic = page.getByLabel('Unterlage (Arabisch)').first();
  await expectAttribute(arabic, 'dir', 'rtl', { message: 'Arabic is typed right to left' });
  await arabic.fill(edited);
  await expectDraftState(page, 'Änderungen noch nicht gespeichert');

  // The preview is the kiosk itself, showing the saved draft.
  await page.getByRole('button', { name: 'Speichern und in der Vorschau zeigen' }).click();
  const preview = page.frameLocator('.admin-preview iframe');
  await expectText(preview, '.checklist-item .document-name', edited);
  await expectAttribute(preview, 'html', 'dir', 'rtl');
  await expectText(firstItem, addressChange.checklist[0].text.ar, { message: 'the running kiosk still shows the published text' });
  assert.deepEqual(await axeViolations(page), [], 'concern editor with preview');
  await keepScreenshot(page, 'admin-editor-ar');

  await page.getByLabel('Was sich ändert (für die Versionsliste)').fill('Arabischer Text der Aufenthaltskarte');
  await page.getByRole('button', { name: 'Veröffentlichen' }).click();
  await expectText(page, '.admin-done', /Version .?2.? ist veröffentlicht/);

  // The kiosk shows it within seconds, without a reload, exactly as typed.
  await expectText(firstItem, edited, { timeout: 10_000 });
  await answerChecklist(kiosk, (index) => index !== 0);
  await continueToSummary(kiosk);
  await takeTicket(kiosk);
  await expectEvaluated(kiosk.locator('.printout'), (printout) => printout.textContent, (printed) => printed.includes(edited), {
    message: `the printed ticket lists the missing document as typed (${edited})`,
  });
  assert.equal(alerted, false, 'no script ran');
  await expectCount(kiosk, 'script:not([src])', 0);
});

test('the preview shows its screen without taking the focus, or the typing, from the form', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await adminConsole(chromium, server);
  await page.locator('.admin-concern', { hasText: addressChange.name.de }).getByRole('button', { name: /Bearbeiten/ }).click();
  const target = page.getByLabel('Ziel-Wartezeit in Minuten');
  await target.focus();
  // The kiosk in the preview moves the focus to each screen's heading; in the preview it must
  // not, or the admin's keys go into the preview's frame.
  await expectText(page.frameLocator('.admin-preview iframe'), '.kiosk-screen h1', 'Which documents do you have with you?');
  await page.keyboard.type('15');
  await expectEvaluated(target, (input) => input.value, '15', { message: 'the keys went into the form' });
  await expectEvaluated(page, () => document.activeElement?.id, 'concern-target');
});

test('a file with three errors reports all three with where they are, and changes nothing', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await adminConsole(chromium, server);
  await openSection(page, 'Versionen und Dateien');
  const broken = structuredClone(demo);
  delete broken.concerns[0].name.de;
  broken.concerns[1].prefix = broken.concerns[2].prefix;
  broken.counters[0].concerns.push('astrologie');

  await page.getByLabel('Zu importierende Konfigurationsdatei').setInputFiles({
    name: 'kaputt.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)),
  });
  await page.getByRole('button', { name: 'Als Entwurf importieren' }).click();

  const problems = page.locator('.admin-import-problems li');
  await expectCount(problems, 3);
  await expectText(problems.nth(0), /^concerns\[0\]\.name\.de: fehlt/);
  await expectText(problems.nth(1), /^concerns\[2\]\.prefix: doppelt vergeben/);
  await expectText(problems.nth(2), /^counters\[0\]\.concerns\[11\]: gibt es nicht/);
  await expectText(page, '.admin-draft .failure', 'Die Konfiguration hat 3 Probleme; nichts wurde geändert.');
  await expectDraftState(page, 'Alles ist veröffentlicht');
  assert.deepEqual(await axeViolations(page), [], 'versions and files with import problems');

  // The same file, fixed, becomes the draft.
  await page.getByLabel('Zu importierende Konfigurationsdatei').setInputFiles({
    name: 'gut.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...demo, cutoff_minutes: 20 })),
  });
  await page.getByRole('button', { name: 'Als Entwurf importieren' }).click();
  await expectText(page, '.admin-done', /Die Datei ist jetzt der Entwurf/);
  await expectDraftState(page, 'Entwurf gespeichert, noch nicht veröffentlicht');
});

test('every admin screen passes axe-core in German and English, and works by keyboard', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await adminConsole(chromium, server);
  assert.deepEqual(await axeViolations(page), [], 'concerns');
  for (const section of ['Übersetzungen', 'Einstellungen', 'Schalter', 'Termine', 'Konten', 'Versionen und Dateien', 'Protokoll']) {
    // Scanned once shown whole: the accounts and versions once their rows have loaded; a new
    // office's audit trail is empty, so it is whole once its answer has come.
    const auditAnswer = section === 'Protokoll'
      && page.waitForResponse((response) => new URL(response.url()).pathname === '/api/v1/admin/audit');
    await openSection(page, section);
    if (section === 'Konten' || section === 'Versionen und Dateien') {
      await expectCount(page, '.admin-table tbody tr', (count) => count > 0);
    }
    // A new office has no appointments: the day is shown whole once it says so.
    if (section === 'Termine') await expectText(page, '.admin-appointments-empty', 'An diesem Tag gibt es keine Termine.');
    await auditAnswer;
    assert.deepEqual(await axeViolations(page), [], section);
  }
  await page.getByRole('button', { name: 'English' }).click();
  await page.locator('.admin-nav button', { hasText: 'Audit trail' }).waitFor();
  for (const section of ['Concerns', 'Translations', 'Settings', 'Appointments']) {
    await openSection(page, section);
    if (section === 'Appointments') await expectText(page, '.admin-appointments-empty', 'There are no appointments on this day.');
    assert.deepEqual(await axeViolations(page), [], `${section} in English`);
  }

  // By keyboard alone: to the settings, change a number, save with Ctrl+S.
  await page.locator('.admin-nav button', { hasText: 'Settings' }).focus();
  await page.keyboard.press('Enter');
  const cutoff = page.getByLabel('No new tickets this many minutes before closing');
  await cutoff.focus();
  await page.keyboard.press('Control+A');
  await page.keyboard.type('25');
  await page.keyboard.press('Tab');
  await expectDraftState(page, 'Changes not saved yet');
  await page.keyboard.press('Control+S');
  await expectText(page, '.admin-done', /Draft saved\./);
  await expectDraftState(page, 'Saved draft, not published yet');
});

test('an account made in the console can sign in at the desk, and the audit trail says who made it', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await adminConsole(chromium, server);
  await openSection(page, 'Konten');
  await page.getByLabel('Benutzername', { exact: true }).fill('a.nowak');
  await page.getByLabel('Name', { exact: true }).last().fill('Anna Nowak');
  await page.getByLabel('Passwort', { exact: true }).fill('sicheres-passwort-1');
  await page.getByRole('button', { name: 'Konto anlegen' }).click();
  await page.locator('.admin-table th', { hasText: 'a.nowak' }).waitFor();

  // The last admin cannot lose the role.
  await page.locator('tr', { has: page.locator('th', { hasText: /^admin$/ }) }).getByLabel('Rolle').selectOption('staff');
  await expectText(page, '.admin-draft .failure', 'Das ist das letzte aktive Admin-Konto; machen Sie zuerst ein anderes Konto zum Admin.');

  await openSection(page, 'Protokoll');
  const entry = page.locator('.admin-audit tbody tr').first();
  await expectText(entry, /Demo Admin \(admin\)/);
  await expectText(entry, /Konto angelegt/);
  await expectText(entry, /a\.nowak/);

  const desk = await chromium.browser.newPage();
  await desk.goto(`${server.url}/staff`);
  await desk.getByLabel('Benutzername').fill('a.nowak');
  await desk.getByLabel('Passwort').fill('sicheres-passwort-1');
  await desk.getByRole('button', { name: 'Anmelden' }).click();
  await desk.getByRole('heading', { name: 'An welchem Schalter sitzen Sie?' }).waitFor();

  // A staff account is shown the door at /admin.
  await desk.goto(`${server.url}/admin`);
  await expectText(desk, '[role=alert]', 'Die Verwaltung ist für Admin-Konten. Bitte melden Sie sich mit einem an.');
});

test('edits survive a lapsed session: sign in again and save them', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await adminConsole(chromium, server);
  await openSection(page, 'Einstellungen');
  const cutoff = page.getByLabel('Keine neuen Nummern so viele Minuten vor Schluss');
  await cutoff.fill('35');
  await cutoff.press('Tab');

  await page.context().clearCookies();
  await page.getByRole('button', { name: /Entwurf speichern/ }).click();
  await expectText(page, '.staff-sign-in [role=status]', 'Ihre Anmeldung ist abgelaufen. Bitte melden Sie sich wieder an.');
  await page.getByLabel('Benutzername').fill('admin');
  await page.getByLabel('Passwort').fill('willkommen-admin');
  await page.getByRole('button', { name: 'Anmelden' }).click();

  await expectDraftState(page, 'Änderungen noch nicht gespeichert');
  await page.getByRole('button', { name: /Entwurf speichern/ }).click();
  await expectText(page, '.admin-done', /Entwurf gespeichert\./);
  const draft = await page.evaluate(async () => (await fetch('/api/v1/admin/draft')).json());
  assert.equal(draft.document.cutoff_minutes, 35, 'the edit made before the session lapsed was saved');
});

test('the notice for the call display is set in the console and shown on the display once published', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const display = await chromium.browser.newPage({ viewport: { width: 1920, height: 1080 } });
  await display.goto(`${server.url}/display`);
  await expectText(display, '.display-info', /Bitte halten Sie Ihren Pass/);

  const page = await adminConsole(chromium, server);
  await openSection(page, 'Einstellungen');
  await page.getByLabel('Hinweis auf der Aufrufanzeige (Deutsch)').fill('Heute schließt die Behörde um 12 Uhr.');
  await page.getByLabel('Hinweis auf der Aufrufanzeige (Englisch)').fill('Today the office closes at noon.');
  await page.getByRole('button', { name: 'Veröffentlichen' }).click();
  await expectText(page, '.admin-done', /ist veröffentlicht/);

  // Published means shown: the display hears of it on the same live stream as the kiosks.
  await expectText(display, '.display-info', 'Heute schließt die Behörde um 12 Uhr. · Today the office closes at noon.', { timeout: 5_000 });
});
