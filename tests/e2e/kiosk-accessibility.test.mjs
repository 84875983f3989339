// End to end: the kiosk's accessibility rules on every screen. axe-core with zero violations in
// German, Arabic and Leichte Sprache, each in normal, large-text and high-contrast mode; text of
// at least 24 px and touch targets of at least 64 × 64 px; the inactivity warning and reset;
// read-aloud; the landscape layout.
import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  axeViolations, browserPerFile, expectAttribute, expectCount, expectEvaluated, expectState, expectText,
  keepScreenshot, startServer, tempDir,
} from './harness.mjs';
import {
  answerChecklist, checkScreen, chooseConcern, chooseLanguage, continueToSummary, expectHeading, expectSizesFit,
  message, openKiosk, setMode, start, tabTo, takeTicket,
} from './kiosk-steps.mjs';

const chromium = browserPerFile();

for (const tag of ['de', 'ar', 'de-x-ls']) {
  test(`every screen passes axe-core in ${tag}, in normal, large-text and high-contrast mode`, async () => {
    const server = await startServer({ dataDir: tempDir('data') });
    const page = await openKiosk(chromium.browser, server);
    if (tag === 'de') await checkScreen(page, 'welcome');
    await start(page);
    if (tag === 'de') await checkScreen(page, 'language');
    await chooseLanguage(page, tag);
    await checkScreen(page, `${tag}-concerns`);
    await chooseConcern(page, tag === 'ar' ? 'تمديد تصريح الإقامة' : 'Aufenthalts');
    await answerChecklist(page, (index) => index % 2 === 0);
    await checkScreen(page, `${tag}-checklist`);
    await continueToSummary(page);
    await checkScreen(page, `${tag}-summary`);
    await takeTicket(page);
    await checkScreen(page, `${tag}-ticket`);
  });
}

test('large text makes the text bigger, high contrast makes it white on black, and neither outlives the visitor', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await openKiosk(chromium.browser, server);
  const size = () => parseFloat(getComputedStyle(document.querySelector('#kiosk-screen h1')).fontSize);
  const normal = await page.evaluate(size);

  await setMode(page, 'large-text');
  await expectEvaluated(page, size, (px) => px >= normal * 1.3, { message: `large text against ${normal} px` });
  await setMode(page, 'high-contrast');
  await expectEvaluated(
    page,
    () => [getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.querySelector('h1')).color],
    ['rgb(0, 0, 0)', 'rgb(255, 255, 255)'],
  );
  await expectAttribute(page, '.settings-buttons .setting-button:nth-child(3)', 'aria-pressed', 'true');

  await start(page);
  await page.getByRole('button', { name: 'Von vorn beginnen' }).click();
  await page.locator('.start-button').waitFor();
  await expectEvaluated(page, () => document.documentElement.className.trim(), 'kiosk', { message: 'the next visitor starts plain' });
});

test('after the idle time a warning counts down from 20 s; "more time" keeps the answers, silence resets the kiosk', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  // The office's setting, shortened for the test.
  const page = await openKiosk(chromium.browser, server, {
    editOffice: (kiosk) => { kiosk.inactivity = { idle_seconds: 3, warning_seconds: 20 }; },
  });
  await start(page);
  await chooseLanguage(page, 'en');
  await chooseConcern(page, 'Address change');
  await page.locator('.answer-button.have').first().click();

  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor({ timeout: 10_000 });
  await expectText(dialog, 'h2', 'Are you still there?');
  await expectText(page, '#idle-countdown', (text) => /starts over in (19|20|21|22) seconds/.test(text.replace(/\s+/g, ' ')));
  await expectEvaluated(page, () => document.activeElement?.textContent.trim(), 'I need more time', { message: 'one key press away' });
  assert.deepEqual(await axeViolations(page), [], 'warning dialog');
  await keepScreenshot(page, 'en-idle-warning');
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
  await expectCount(page, '.answer-button.have[aria-pressed=true]', 1, { message: 'the answers are kept' });

  await dialog.waitFor({ timeout: 10_000 });
  await page.locator('.start-button').waitFor({ timeout: 30_000 });
  await expectHeading(page, 'Willkommen', { message: 'back at the welcome screen, in German' });
  await start(page);
  await chooseLanguage(page, 'en');
  await chooseConcern(page, 'Address change');
  await expectCount(page, '.answer-button[aria-pressed=true]', 0, { message: 'the answers are forgotten' });
});

test('read aloud is reachable by keyboard and says clearly when the kiosk has no voice for the language', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await openKiosk(chromium.browser, server);
  await start(page);
  await chooseLanguage(page, 'ar');
  const voices = await page.evaluate(() => speechSynthesis.getVoices().length);

  // The settings bar comes first in the keyboard order, right before "back" and "start over".
  await tabTo(page, '.read-aloud', { backwards: true, limit: 4 });
  await page.keyboard.press('Enter');

  await expectAttribute(page, '.read-aloud', 'aria-pressed', 'true');
  await expectState(page.getByRole('button', { name: message('ar', 'settings-stop-reading') }), 'visible', { message: 'stop' });
  await expectState(page.getByRole('button', { name: message('ar', 'settings-repeat') }), 'visible', { message: 'read again' });
  if (voices === 0) {
    // This test machine has no speech voices: the visitor is told so, in Arabic, naming Arabic.
    const notice = await expectText(page, '.speech-problem', /العربية/);
    assert.equal(notice, message('ar', 'speech-no-voice').replace('{ $language }', 'العربية'));
  }
  await keepScreenshot(page, 'ar-read-aloud');
  await page.locator('.read-aloud').click();
  await expectAttribute(page, '.read-aloud', 'aria-pressed', 'false');
  await expectCount(page, '.speech-problem', 0, { message: 'off again: no notice' });
});

test('the kiosk also works in landscape (1920 × 1080)', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await openKiosk(chromium.browser, server, { viewport: { width: 1920, height: 1080 } });
  await start(page);
  await chooseLanguage(page, 'fa');
  await chooseConcern(page, 'تمدید');
  await answerChecklist(page, () => true);
  await continueToSummary(page);
  await takeTicket(page);
  await keepScreenshot(page, 'fa-ticket-landscape');
  await expectSizesFit(page);
  await expectEvaluated(page, () => document.documentElement.scrollWidth - window.innerWidth, 0, { message: 'no sideways scrolling' });
});

for (const viewport of [{ width: 1080, height: 1920 }, { width: 412, height: 823 }]) {
  test(`the welcome screen does not jump when the office's data comes (${viewport.width} × ${viewport.height})`, async () => {
    const server = await startServer({ dataDir: tempDir('data') });
    const context = await chromium.browser.newContext({ viewport, serviceWorkers: 'block' });
    // Every layout shift from the first paint on, as the browser reports them.
    await context.addInitScript(() => {
      window.shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.shift += entry.value;
      }).observe({ type: 'layout-shift', buffered: true });
    });
    const page = await context.newPage();
    page.on('pageerror', (error) => { throw error; });
    // The office's data comes late, as from a busy server.
    await page.route('**/api/v1/kiosk', async (route) => {
      await new Promise((resolve) => { setTimeout(resolve, 800); });
      await route.continue();
    });

    await page.goto(server.url);

    await page.locator('.start-button:not([disabled])').waitFor({ timeout: 15_000 });
    await expectText(page, '.welcome-office', 'Ausländerbehörde Musterstadt');
    await page.waitForTimeout(300); // a shift would be reported after the frame that shows it
    const shift = await page.evaluate(() => window.shift);
    assert.ok(shift < 0.01, `layout shift ${shift}`);
    await context.close();
  });
}

test('the greeting in other languages never repeats the heading: Leichte Sprache is not another language', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const context = await chromium.browser.newContext({ viewport: { width: 1080, height: 1920 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  page.on('pageerror', (error) => { throw error; });
  await page.clock.install(); // the greeting changes every 4 s: the test moves the clock on
  await page.goto(server.url);
  await page.locator('.start-button:not([disabled])').waitFor({ timeout: 15_000 });
  const greetings = new Set();
  for (let turn = 0; turn < 24; turn += 1) {
    await page.clock.runFor(4_000);
    // Each language's texts are fetched on its first turn.
    await page.waitForTimeout(100);
    greetings.add(await page.locator('.greeting-cycle').textContent());
  }
  assert.ok(greetings.has('Welcome') && greetings.has('أهلًا وسهلًا'), `greetings: ${[...greetings]}`);
  assert.ok(!greetings.has('Willkommen'), `greetings: ${[...greetings]}`);
  await context.close();
});
