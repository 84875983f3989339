// End to end: the kiosk's whole welcome flow in the release web app, served by the real server
// binary with a temporary SQLite database, in headless Chromium: German, Arabic (right to
// left) and Ukrainian/Polish, the keyboard alone, "I am not sure", back and start over.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  browserPerFile, decodeQr, expectAttribute, expectCount, expectEvaluated, expectState, expectText, keepScreenshot,
  startServer, tempDir,
} from './harness.mjs';
import {
  answerChecklist, chooseConcern, chooseLanguage, continueToSummary, expectHeading, message, openKiosk, start, tabTo,
  takeTicket, ticketFor,
} from './kiosk-steps.mjs';

const chromium = browserPerFile();

test('German: the answers reach the ticket, whose QR code opens a status page that survives a restart', async () => {
  const dataDir = tempDir('data');
  let server = await startServer({ dataDir });
  const page = await openKiosk(chromium.browser, server);
  await expectHeading(page, 'Willkommen');
  await expectText(page, '.welcome-status', 'Wartenummern gibt es jetzt.');
  await keepScreenshot(page, 'de-1-welcome');

  await start(page);
  await expectHeading(page, 'Wählen Sie Ihre Sprache');
  await expectCount(page, '.language-button', (count) => count >= 12, { message: 'twelve languages' });
  await expectText(page, '.language-button[lang=ar]', 'العربية');
  await expectAttribute(page, '.language-button[lang=ar]', 'dir', 'rtl');
  await keepScreenshot(page, 'de-2-language');
  await chooseLanguage(page, 'de');
  await expectHeading(page, 'Worum geht es bei Ihnen?');
  await keepScreenshot(page, 'de-3-concerns');

  await chooseConcern(page, 'Aufenthaltserlaubnis verlängern');
  await expectHeading(page, 'Welche Unterlagen haben Sie dabei?');
  const documents = await answerChecklist(page, (index) => index !== 0); // no passport
  await expectText(page, '.checklist-progress', `${documents} von ${documents} beantwortet`);
  const first = page.locator('.checklist-item').first();
  await expectText(first, '.document-name', 'Reisepass');
  await expectText(first, '.document-kind', 'Muss dabei sein', { message: 'required is said in words' });
  await expectAttribute(first, '.answer-button.missing', 'aria-pressed', 'true');
  await keepScreenshot(page, 'de-4-checklist');

  await continueToSummary(page);
  await expectHeading(page, 'Ihre Übersicht');
  await expectText(page, '.verdict', /^1 nötige Unterlage fehlt\. Sie können trotzdem eine Wartenummer nehmen/);
  await expectText(page, '.document-list.missing', /Reisepass/);
  await keepScreenshot(page, 'de-5-summary');

  await takeTicket(page);
  const number = await expectText(page, '.ticket-number', 'A 001');
  await expectText(page, '.ticket-concern', 'Aufenthaltserlaubnis verlängern');
  await expectText(page, '.people-ahead', 'Sie sind als Nächstes dran.');
  await expectText(page, '.ticket-missing', /Reisepass/, { message: 'the ticket lists what is missing' });
  await keepScreenshot(page, 'de-6-ticket');
  const statusUrl = await decodeQr(page.locator('.ticket-qr .qr-code svg'));
  assert.match(statusUrl ?? '', new RegExp(`^${server.url}/t/[A-Za-z0-9_-]{22}$`), `QR code holds ${statusUrl}`);

  const stored = await (await fetch(statusUrl.replace('/t/', '/api/v1/tickets/'))).json();
  assert.equal(stored.checklist.passport, false, 'the clerk will see the missing passport');
  assert.equal(stored.checklist['biometric-photo'], true);
  assert.equal(stored.language, 'de');

  await server.stop();
  server = await startServer({ dataDir });
  await page.goto(statusUrl.replace(/^http:\/\/127\.0\.0\.1:\d+/, server.url));
  await expectText(page, '.ticket-number', number);
  await expectText(page, '.ticket-state', 'Sie sind in der Warteschlange.');
});

test('Arabic: the whole kiosk turns right to left, in Arabic texts with Arabic plurals', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await openKiosk(chromium.browser, server);
  await start(page);
  await chooseLanguage(page, 'ar');

  await expectAttribute(page, 'html', 'dir', 'rtl');
  await expectHeading(page, message('ar', 'kiosk-choose-concern'));
  const backIcon = page.locator('.kiosk-nav .icon-directional').first();
  await expectEvaluated(backIcon, (icon) => getComputedStyle(icon).transform, /^matrix\(-1/, { message: 'the back arrow points right' });
  await expectEvaluated(page.locator('.kiosk-nav'), (nav) => nav.getBoundingClientRect().x, (x) => x < 540, {
    message: 'back and start over sit on the left, the end side in Arabic',
  });
  await expectText(page, '.concern-button .concern-name', 'تمديد تصريح الإقامة', { message: 'concern names come in Arabic' });
  await keepScreenshot(page, 'ar-3-concerns');

  await chooseConcern(page, 'تمديد تصريح الإقامة');
  await expectHeading(page, message('ar', 'checklist-heading'));
  await answerChecklist(page, (index) => index > 1);
  await keepScreenshot(page, 'ar-4-checklist');
  await continueToSummary(page);
  await keepScreenshot(page, 'ar-5-summary');
  await expectText(page, '.verdict', (verdict) => verdict !== '' && !/[A-Za-z]{3}/.test(verdict), { message: 'the summary is Arabic' });

  await takeTicket(page);
  await expectText(page, '.ticket-number', 'A 001');
  await expectAttribute(page, '.ticket-number', 'dir', 'ltr', { message: 'the number reads the same in every script' });
  const ahead = await expectText(page, '.people-ahead', (text) => text !== '' && !/[A-Za-z]/.test(text));
  await keepScreenshot(page, 'ar-6-ticket');

  // The next visitor's ticket says "1 person before you" in the Arabic singular, not a plural.
  const second = await openKiosk(chromium.browser, server);
  await ticketFor(second, { tag: 'ar', concern: 'تمديد تصريح الإقامة' });
  await expectText(second, '.ticket-number', 'A 002');
  await expectText(second, '.people-ahead', (oneAhead) => oneAhead !== ahead && oneAhead.length > 3);
});

test('Ukrainian, then Polish mid-way: changing the language keeps the answers and returns to the same screen', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await openKiosk(chromium.browser, server);
  await start(page);
  await chooseLanguage(page, 'uk');
  await expectHeading(page, message('uk', 'kiosk-choose-concern'));
  await chooseConcern(page, 'Нова адреса');
  await answerChecklist(page, () => true);
  await keepScreenshot(page, 'uk-4-checklist');

  await page.locator('.settings-bar .setting-button').first().click();
  await page.locator('.language-grid').waitFor();
  await page.locator('.language-button[lang=pl]').click();

  await page.locator('.checklist h1').waitFor();
  await expectHeading(page, message('pl', 'checklist-heading'));
  await expectAttribute(page, 'html', 'lang', 'pl');
  await expectEvaluated(page, () => [
    document.querySelectorAll('.answer-button.have[aria-pressed=true]').length,
    document.querySelectorAll('.checklist-item').length,
  ], ([pressed, items]) => items > 0 && pressed === items, { message: 'every answer is still there' });
  await continueToSummary(page);
  await expectText(page, '.verdict', message('pl', 'summary-complete'));
  await takeTicket(page);
  await expectText(page, '.ticket-number', 'H 001');
});

test('"I am not sure" gives a ticket for the information desk', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await openKiosk(chromium.browser, server);
  await start(page);
  await chooseLanguage(page, 'en');

  await page.getByRole('button', { name: /I am not sure/ }).click();

  await expectText(page, '.ticket-number', 'I 001');
  await expectText(page, '.ticket-concern', 'Information / Not sure');
});

test('every screen has "back" and "start over", and "done" brings the next visitor to a clean start', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await openKiosk(chromium.browser, server);
  await start(page);
  await chooseLanguage(page, 'en');
  await chooseConcern(page, 'Address change');
  await answerChecklist(page, () => false);
  await continueToSummary(page);

  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expectHeading(page, 'Which documents do you have with you?');
  await expectCount(page, '.answer-button.missing[aria-pressed=true]', 3, { message: 'back keeps the answers' });
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expectHeading(page, 'What can we help you with?');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  await expectHeading(page, 'Choose your language');
  await chooseLanguage(page, 'en');
  await page.getByRole('button', { name: 'Start over' }).click();
  await expectHeading(page, 'Willkommen', { message: 'start over returns to the welcome screen in German' });

  await ticketFor(page, { tag: 'en', concern: 'Address change' });
  await expectText(page, '.ticket-number', 'H 001');
  await page.getByRole('button', { name: 'Done' }).click();
  await page.locator('.start-button').waitFor();
  await expectAttribute(page, 'html', 'lang', 'de');
  await start(page);
  await chooseLanguage(page, 'de');
  await chooseConcern(page, 'Neue Adresse');
  await expectCount(page, '.answer-button[aria-pressed=true]', 0, { message: 'nothing of the last visitor is left' });
});

test('the whole flow works by keyboard alone, with the focus on each new screen', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await openKiosk(chromium.browser, server);

  await expectEvaluated(page, () => document.activeElement?.classList.contains('start-button'), true, { message: 'Enter starts' });
  await page.keyboard.press('Enter');
  await page.locator('.language-grid').waitFor();
  await expectEvaluated(page, () => document.activeElement?.id, 'language-heading');
  await tabTo(page, '.language-button[lang=en]');
  await page.keyboard.press('Enter');
  await page.locator('.concerns h1').waitFor();
  await tabTo(page, '.concern-button:not(.not-sure)');
  await page.keyboard.press('Enter');
  await page.locator('.checklist h1').waitFor();
  const items = await page.locator('.checklist-item').count();
  for (let index = 0; index < items; index += 1) {
    await tabTo(page, `.checklist-item:nth-child(${index + 1}) .answer-button.have`);
    await page.keyboard.press('Enter');
  }
  await tabTo(page, '.checklist .primary-button');
  await page.keyboard.press('Enter');
  await page.locator('.summary h1').waitFor();
  await tabTo(page, '.summary-actions .primary-button');
  await page.keyboard.press('Space');

  await expectText(page, '.ticket-number', /^A \d{3}$/);
  await expectEvaluated(page, () => document.activeElement?.id, 'ticket-heading', { message: 'a screen reader reads the ticket' });
  // The settings are first in the keyboard order: one Shift+Tab from the top of a screen.
  await page.keyboard.press('Shift+Tab');
  await expectEvaluated(page, () => document.activeElement?.matches('.settings-bar .read-aloud'), true, { message: 'read aloud' });
});

test('when closed, the kiosk says so and from when, and the lists can still be read and printed', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  // The office's state as the API reports it after closing time.
  const page = await openKiosk(chromium.browser, server, {
    editOffice: (kiosk) => {
      kiosk.issuing = { state: 'closed', issuing_ends_at: null, next_opening: '2026-12-01T08:00:00+01:00' };
      kiosk.concerns[1].quota_reached = true;
    },
  });

  await expectText(page, '.notice-title', 'Wir sind gerade geschlossen.');
  await expectText(page, '.notice p:nth-child(2)', /^Wartenummern gibt es wieder: Dienstag, 1\. Dezember um 08:00/);
  await keepScreenshot(page, 'de-welcome-closed');
  await start(page);
  await chooseLanguage(page, 'en');
  await expectText(page, '.concerns .notice', /We are closed right now/);
  await expectText(page.locator('.concern-button').nth(1), /All of today's tickets for this are taken/);
  await chooseConcern(page, 'Address change');
  await answerChecklist(page, () => true);
  await continueToSummary(page);
  await expectState(page.getByRole('button', { name: 'Take a ticket' }), 'disabled');
  await expectState(page.getByRole('button', { name: /Print the list/ }), 'enabled');
});

test('deep links load the app, and an unknown ticket gets a friendly page', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await chromium.browser.newPage();
  for (const [path, title] of [['/staff', 'Anmelden'], ['/admin', 'Anmelden'], ['/display', 'Aufruf · Now calling']]) {
    const response = await page.goto(`${server.url}${path}`);
    assert.equal(response.status(), 200, path);
    await expectText(page, 'h1', title);
  }

  await page.goto(`${server.url}/t/AAAAAAAAAAAAAAAAAAAAAA`);

  await expectText(page, 'h1', 'Wartenummer nicht gefunden');
});
