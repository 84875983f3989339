// End to end: the kiosk's accessibility rules on every screen. axe-core with zero violations in
// German, Arabic and Leichte Sprache, each in normal, large-text and high-contrast mode; text of
// at least 24 px and touch targets of at least 64 × 64 px; the inactivity warning and reset;
// read-aloud; the landscape layout.
import assert from 'node:assert/strict';
import { after, afterEach, before, test } from 'node:test';

import { axeViolations, keepScreenshot, launchBrowser, startServer, stopAllServers, tempDir, textOf } from './harness.mjs';
import {
  answerChecklist, chooseConcern, chooseLanguage, continueToSummary, heading, message, openKiosk, start, tabTo,
  takeTicket,
} from './kiosk-steps.mjs';

let browser;
before(async () => { browser = await launchBrowser(); });
afterEach(stopAllServers);
after(async () => { await browser?.close(); });

const MODES = ['normal', 'large-text', 'high-contrast'];

/** Switches the display mode with the settings bar's buttons, as a visitor would. */
async function setMode(page, mode) {
  for (const [button, wanted] of [['large-text', mode === 'large-text'], ['high-contrast', mode === 'high-contrast']]) {
    const on = await page.evaluate((name) => document.documentElement.classList.contains(name), button);
    if (on !== wanted) {
      const index = button === 'large-text' ? 2 : 3;
      await page.locator(`.settings-buttons .setting-button:nth-child(${index})`).click();
    }
  }
}

/** Every text of the screen at least 24 px and every button at least 64 × 64 px. */
async function sizeProblems(page) {
  return page.evaluate(() => {
    const problems = [];
    const visible = (element) => {
      const box = element.getBoundingClientRect();
      return box.width > 0 && box.height > 0 && !element.closest('.printout, [hidden], .hidden');
    };
    for (const element of document.querySelectorAll('.kiosk *')) {
      const hasText = [...element.childNodes].some((node) => node.nodeType === 3 && node.textContent.trim());
      if (hasText && visible(element) && parseFloat(getComputedStyle(element).fontSize) < 24) {
        problems.push(`text "${element.textContent.trim().slice(0, 30)}" is ${getComputedStyle(element).fontSize}`);
      }
    }
    for (const button of document.querySelectorAll('.kiosk button')) {
      const box = button.getBoundingClientRect();
      if (visible(button) && (box.width < 64 || box.height < 64)) {
        problems.push(`button "${button.textContent.trim().slice(0, 30)}" is ${box.width}×${box.height}`);
      }
    }
    return problems;
  });
}

/** axe in every mode on the current screen; screenshots of the normal mode. */
async function checkScreen(page, name) {
  for (const mode of MODES) {
    await setMode(page, mode);
    assert.deepEqual(await axeViolations(page), [], `${name} (${mode})`);
    if (mode === 'normal') assert.deepEqual(await sizeProblems(page), [], `${name}: sizes`);
    if (mode !== 'normal') await keepScreenshot(page, `${name}-${mode}`);
  }
  await setMode(page, 'normal');
}

for (const tag of ['de', 'ar', 'de-x-ls']) {
  test(`every screen passes axe-core in ${tag}, in normal, large-text and high-contrast mode`, async () => {
    const server = await startServer({ dataDir: tempDir('data') });
    const page = await openKiosk(browser, server);
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
  const page = await openKiosk(browser, server);
  const size = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('#kiosk-screen h1')).fontSize));
  const normal = await size();

  await setMode(page, 'large-text');
  assert.ok(await size() >= normal * 1.3, `large text: ${await size()} px against ${normal} px`);
  await setMode(page, 'high-contrast');
  const colours = await page.evaluate(() => [getComputedStyle(document.documentElement).backgroundColor, getComputedStyle(document.querySelector('h1')).color]);
  assert.deepEqual(colours, ['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  assert.equal(await page.locator('.settings-buttons .setting-button:nth-child(3)').getAttribute('aria-pressed'), 'true');

  await start(page);
  await page.getByRole('button', { name: 'Von vorn beginnen' }).click();
  await page.locator('.start-button').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.className.trim()), 'kiosk', 'the next visitor starts plain');
});

test('after the idle time a warning counts down from 20 s; "more time" keeps the answers, silence resets the kiosk', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  // The office's setting, shortened for the test.
  const page = await openKiosk(browser, server, {
    editOffice: (kiosk) => { kiosk.inactivity = { idle_seconds: 3, warning_seconds: 20 }; },
  });
  await start(page);
  await chooseLanguage(page, 'en');
  await chooseConcern(page, 'Address change');
  await page.locator('.answer-button.have').first().click();

  const dialog = page.getByRole('alertdialog');
  await dialog.waitFor({ timeout: 10_000 });
  assert.equal(await dialog.locator('h2').innerText(), 'Are you still there?');
  assert.match((await textOf(page, '#idle-countdown')).replace(/\s+/g, ' '), /starts over in (19|20|21|22) seconds/);
  assert.equal(await page.evaluate(() => document.activeElement?.textContent.trim()), 'I need more time', 'one key press away');
  assert.deepEqual(await axeViolations(page), [], 'warning dialog');
  await keepScreenshot(page, 'en-idle-warning');
  await page.keyboard.press('Enter');
  await dialog.waitFor({ state: 'hidden' });
  assert.equal(await page.locator('.answer-button.have[aria-pressed=true]').count(), 1, 'the answers are kept');

  await dialog.waitFor({ timeout: 10_000 });
  await page.locator('.start-button').waitFor({ timeout: 30_000 });
  assert.equal(await heading(page), 'Willkommen', 'back at the welcome screen, in German');
  await start(page);
  await chooseLanguage(page, 'en');
  await chooseConcern(page, 'Address change');
  assert.equal(await page.locator('.answer-button[aria-pressed=true]').count(), 0, 'the answers are forgotten');
});

test('read aloud is reachable by keyboard and says clearly when the kiosk has no voice for the language', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await openKiosk(browser, server);
  await start(page);
  await chooseLanguage(page, 'ar');
  const voices = await page.evaluate(() => speechSynthesis.getVoices().length);

  // The settings bar comes first in the keyboard order, right before "back" and "start over".
  await tabTo(page, '.read-aloud', { backwards: true, limit: 4 });
  await page.keyboard.press('Enter');

  assert.equal(await page.locator('.read-aloud').getAttribute('aria-pressed'), 'true');
  assert.ok(await page.getByRole('button', { name: message('ar', 'settings-stop-reading') }).isVisible(), 'stop');
  assert.ok(await page.getByRole('button', { name: message('ar', 'settings-repeat') }).isVisible(), 'read again');
  if (voices === 0) {
    // This test machine has no speech voices: the visitor is told so, in Arabic, naming Arabic.
    const notice = await textOf(page, '.speech-problem');
    assert.match(notice, /العربية/);
    assert.equal(notice, message('ar', 'speech-no-voice').replace('{ $language }', 'العربية'));
  }
  await keepScreenshot(page, 'ar-read-aloud');
  await page.locator('.read-aloud').click();
  assert.equal(await page.locator('.speech-problem').count(), 0, 'off again: no notice');
});

test('the kiosk also works in landscape (1920 × 1080)', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await openKiosk(browser, server, { viewport: { width: 1920, height: 1080 } });
  await start(page);
  await chooseLanguage(page, 'fa');
  await chooseConcern(page, 'تمدید');
  await answerChecklist(page, () => true);
  await continueToSummary(page);
  await takeTicket(page);
  await keepScreenshot(page, 'fa-ticket-landscape');
  assert.deepEqual(await sizeProblems(page), []);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.equal(overflow, 0, 'no sideways scrolling');
});
