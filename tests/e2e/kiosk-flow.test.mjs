// End to end: the kiosk's whole welcome flow in the release web app, served by the real server
// binary with a temporary SQLite database, in headless Chromium: German, Arabic (right to
// left) and Ukrainian/Polish, the keyboard alone, "I am not sure", back and start over.
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';

import {
  decodeQr, keepScreenshot, launchBrowser, startServer, stopAllServers, tempDir, textOf, waitForText,
} from './harness.mjs';
import {
  answerChecklist, chooseConcern, chooseLanguage, continueToSummary, heading, message, openKiosk, start, tabTo,
  takeTicket, ticketFor,
} from './kiosk-steps.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
afterEach(stopAllServers);
after(async () => { await browser?.close(); });

test('German: the answers reach the ticket, whose QR code opens a status page that survives a restart', async () => {
  const dataDir = tempDir('data');
  let server = await startServer({ dataDir });
  const page = await openKiosk(browser, server);
  assert.equal(await heading(page), 'Willkommen');
  assert.equal(await textOf(page, '.welcome-status'), 'Wartenummern gibt es jetzt.');
  await keepScreenshot(page, 'de-1-welcome');

  await start(page);
  assert.equal(await heading(page), 'Wählen Sie Ihre Sprache');
  assert.ok(await page.locator('.language-button').count() >= 12, 'twelve languages');
  assert.equal(await page.locator('.language-button[lang=ar]').innerText(), 'العربية');
  assert.equal(await page.locator('.language-button[lang=ar]').getAttribute('dir'), 'rtl');
  await keepScreenshot(page, 'de-2-language');
  await chooseLanguage(page, 'de');
  assert.equal(await heading(page), 'Worum geht es bei Ihnen?');
  await keepScreenshot(page, 'de-3-concerns');

  await chooseConcern(page, 'Aufenthaltserlaubnis verlängern');
  assert.equal(await heading(page), 'Welche Unterlagen haben Sie dabei?');
  const documents = await answerChecklist(page, (index) => index !== 0); // no passport
  assert.equal(await textOf(page, '.checklist-progress'), `${documents} von ${documents} beantwortet`);
  const first = page.locator('.checklist-item').first();
  assert.equal(await first.locator('.document-name').innerText(), 'Reisepass');
  assert.equal(await first.locator('.document-kind').innerText(), 'Muss dabei sein', 'required is said in words');
  assert.equal(await first.locator('.answer-button.missing').getAttribute('aria-pressed'), 'true');
  await keepScreenshot(page, 'de-4-checklist');

  await continueToSummary(page);
  assert.equal(await heading(page), 'Ihre Übersicht');
  assert.match(await textOf(page, '.verdict'), /^1 nötige Unterlage fehlt\. Sie können trotzdem eine Wartenummer nehmen/);
  assert.match(await textOf(page, '.document-list.missing'), /Reisepass/);
  await keepScreenshot(page, 'de-5-summary');

  const number = await takeTicket(page);
  assert.equal(number, 'A 001');
  assert.equal(await textOf(page, '.ticket-concern'), 'Aufenthaltserlaubnis verlängern');
  assert.equal(await textOf(page, '.people-ahead'), 'Sie sind als Nächstes dran.');
  assert.match(await textOf(page, '.ticket-missing'), /Reisepass/, 'the ticket lists what is missing');
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
  assert.equal(await textOf(page, '.ticket-number'), number);
  assert.equal(await textOf(page, '.ticket-state'), 'Sie sind in der Warteschlange.');
});

test('Arabic: the whole kiosk turns right to left, in Arabic texts with Arabic plurals', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await openKiosk(browser, server);
  await start(page);
  await chooseLanguage(page, 'ar');

  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await heading(page), message('ar', 'kiosk-choose-concern'));
  const backIcon = page.locator('.kiosk-nav .icon-directional').first();
  assert.match(await backIcon.evaluate((icon) => getComputedStyle(icon).transform), /^matrix\(-1/, 'the back arrow points right');
  const navBox = await page.locator('.kiosk-nav').boundingBox();
  assert.ok(navBox.x < 540, 'back and start over sit on the left, the end side in Arabic');
  assert.equal(await textOf(page, '.concern-button .concern-name'), 'تمديد تصريح الإقامة', 'concern names come in Arabic');
  await keepScreenshot(page, 'ar-3-concerns');

  await chooseConcern(page, 'تمديد تصريح الإقامة');
  assert.equal(await heading(page), message('ar', 'checklist-heading'));
  await answerChecklist(page, (index) => index > 1);
  await keepScreenshot(page, 'ar-4-checklist');
  await continueToSummary(page);
  await keepScreenshot(page, 'ar-5-summary');
  const verdict = await textOf(page, '.verdict');
  assert.doesNotMatch(verdict, /[A-Za-z]{3}/, `the summary is Arabic: ${verdict}`);

  assert.equal(await takeTicket(page), 'A 001');
  assert.equal(await page.locator('.ticket-number').getAttribute('dir'), 'ltr', 'the number reads the same in every script');
  const ahead = await textOf(page, '.people-ahead');
  assert.doesNotMatch(ahead, /[A-Za-z]/, ahead);
  await keepScreenshot(page, 'ar-6-ticket');

  // The next visitor's ticket says "1 person before you" in the Arabic singular, not a plural.
  const second = await openKiosk(browser, server);
  assert.equal(await ticketFor(second, { tag: 'ar', concern: 'تمديد تصريح الإقامة' }), 'A 002');
  const oneAhead = await textOf(second, '.people-ahead');
  assert.notEqual(oneAhead, ahead);
  assert.ok(oneAhead.length > 3, oneAhead);
});

test('Ukrainian, then Polish mid-way: changing the language keeps the answers and returns to the same screen', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await openKiosk(browser, server);
  await start(page);
  await chooseLanguage(page, 'uk');
  assert.equal(await heading(page), message('uk', 'kiosk-choose-concern'));
  await chooseConcern(page, 'Нова адреса');
  await answerChecklist(page, () => true);
  await keepScreenshot(page, 'uk-4-checklist');

  await page.locator('.settings-bar .setting-button').first().click();
  await page.locator('.language-grid').waitFor();
  await page.locator('.language-button[lang=pl]').click();

  await page.locator('.checklist h1').waitFor();
  assert.equal(await heading(page), message('pl', 'checklist-heading'));
  assert.equal(await page.getAttribute('html', 'lang'), 'pl');
  const pressed = await page.locator('.answer-button.have[aria-pressed=true]').count();
  assert.equal(pressed, await page.locator('.checklist-item').count(), 'every answer is still there');
  await continueToSummary(page);
  assert.equal(await textOf(page, '.verdict'), message('pl', 'summary-complete'));
  assert.equal(await takeTicket(page), 'H 001');
});

test('"I am not sure" gives a ticket for the information desk', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await openKiosk(browser, server);
  await start(page);
  await chooseLanguage(page, 'en');

  await page.getByRole('button', { name: /I am not sure/ }).click();

  assert.equal(await textOf(page, '.ticket-number'), 'I 001');
  assert.equal(await textOf(page, '.ticket-concern'), 'Information / Not sure');
});

test('every screen has "back" and "start over", and "done" brings the next visitor to a clean start', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await openKiosk(browser, server);
  await start(page);
  await chooseLanguage(page, 'en');
  await chooseConcern(page, 'Address change');
  await answerChecklist(page, () => false);
  await continueToSummary(page);

  await page.getByRole('button', { name: 'Back', exact: true }).click();
  assert.equal(await heading(page), 'Which documents do you have with you?');
  assert.equal(await page.locator('.answer-button.missing[aria-pressed=true]').count(), 3, 'back keeps the answers');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  assert.equal(await heading(page), 'What can we help you with?');
  await page.getByRole('button', { name: 'Back', exact: true }).click();
  assert.equal(await heading(page), 'Choose your language');
  await chooseLanguage(page, 'en');
  await page.getByRole('button', { name: 'Start over' }).click();
  assert.equal(await heading(page), 'Willkommen', 'start over returns to the welcome screen in German');

  assert.equal(await ticketFor(page, { tag: 'en', concern: 'Address change' }), 'H 001');
  await page.getByRole('button', { name: 'Done' }).click();
  await page.locator('.start-button').waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'de');
  await start(page);
  await chooseLanguage(page, 'de');
  await chooseConcern(page, 'Neue Adresse');
  assert.equal(await page.locator('.answer-button[aria-pressed=true]').count(), 0, 'nothing of the last visitor is left');
});

test('the whole flow works by keyboard alone, with the focus on each new screen', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await openKiosk(browser, server);

  assert.ok(await page.evaluate(() => document.activeElement?.classList.contains('start-button')), 'Enter starts');
  await page.keyboard.press('Enter');
  await page.locator('.language-grid').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'language-heading');
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

  assert.match(await textOf(page, '.ticket-number'), /^A \d{3}$/);
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'ticket-heading', 'a screen reader reads the ticket');
  // The settings are first in the keyboard order: one Shift+Tab from the top of a screen.
  await page.keyboard.press('Shift+Tab');
  assert.ok(await page.evaluate(() => document.activeElement?.matches('.settings-bar .read-aloud')), 'read aloud');
});

test('when closed, the kiosk says so and from when, and the lists can still be read and printed', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  // The office's state as the API reports it after closing time.
  const page = await openKiosk(browser, server, {
    editOffice: (kiosk) => {
      kiosk.issuing = { state: 'closed', issuing_ends_at: null, next_opening: '2026-12-01T08:00:00+01:00' };
      kiosk.concerns[1].quota_reached = true;
    },
  });

  assert.equal(await textOf(page, '.notice-title'), 'Wir sind gerade geschlossen.');
  assert.match(await textOf(page, '.notice p:nth-child(2)'), /^Wartenummern gibt es wieder: Dienstag, 1\. Dezember um 08:00/);
  await keepScreenshot(page, 'de-welcome-closed');
  await start(page);
  await chooseLanguage(page, 'en');
  assert.match(await textOf(page, '.concerns .notice'), /We are closed right now/);
  assert.match(await page.locator('.concern-button').nth(1).innerText(), /All of today's tickets for this are taken/);
  await chooseConcern(page, 'Address change');
  await answerChecklist(page, () => true);
  await continueToSummary(page);
  assert.equal(await page.getByRole('button', { name: 'Take a ticket' }).isDisabled(), true);
  assert.equal(await page.getByRole('button', { name: /Print the list/ }).isDisabled(), false);
});

test('deep links load the app, and an unknown ticket gets a friendly page', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await browser.newPage();
  for (const [path, title] of [['/staff', 'Anmelden'], ['/admin', 'Anmelden'], ['/display', 'Aufruf · Now calling']]) {
    const response = await page.goto(`${server.url}${path}`);
    assert.equal(response.status(), 200, path);
    await waitForText(page, 'h1', title);
  }

  await page.goto(`${server.url}/t/AAAAAAAAAAAAAAAAAAAAAA`);

  await waitForText(page, 'h1', 'Wartenummer nicht gefunden');
});
