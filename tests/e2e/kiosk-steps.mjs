// A visitor's steps at the kiosk, shared by the kiosk's end-to-end tests. Each waits for what
// the visitor would wait for (the next screen's heading), never for a fixed time.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';

import { axeViolations, expectAttribute, expectEvaluated, expectText, keepScreenshot } from './harness.mjs';

/**
 * The kiosk page in portrait (1080 × 1920), on its welcome screen, ready to start.
 * `editOffice(kiosk)` changes the server's real answer to `GET /api/v1/kiosk` on its way to
 * the page, for states a test cannot wait for (closing time, a short idle time); the server's
 * side of those rules is tested in crates/server/tests.
 */
export async function openKiosk(browser, server, { viewport = { width: 1080, height: 1920 }, query = '', editOffice } = {}) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('pageerror', (error) => { throw error; });
  if (editOffice) {
    await page.route('**/api/v1/kiosk', async (route) => {
      try {
        const response = await route.fetch();
        const kiosk = await response.json();
        editOffice(kiosk);
        await route.fulfill({ response, json: kiosk });
      } catch {
        await route.abort('connectionrefused').catch(() => {}); // the server was stopped
      }
    });
  }
  await page.goto(`${server.url}/${query}`);
  await page.locator('.start-button:not([disabled])').waitFor({ timeout: 15_000 });
  return page;
}

/** Waits until the current screen's main heading is `expected` (see `expectText`). */
export async function expectHeading(page, expected, options) {
  return expectText(page, '#kiosk-screen h1', expected, options);
}

/** Welcome -> language screen. */
export async function start(page) {
  await page.locator('.start-button').click();
  await page.locator('.language-grid').waitFor();
}

/** Language screen -> concern screen, in `tag`. */
export async function chooseLanguage(page, tag) {
  await page.locator(`.language-button[lang="${tag}"]`).click();
  await page.locator('.concerns h1').waitFor();
  await expectAttribute(page, 'html', 'lang', tag);
}

/** Concern screen -> checklist (or summary), for the concern whose button matches `name`. */
export async function chooseConcern(page, name) {
  await page.locator('.concern-button', { hasText: name }).first().click();
  await page.locator('.checklist h1, .summary h1').first().waitFor();
}

/** Answers each checklist item, each shown as answered: `have(index)` true for "I have it". */
export async function answerChecklist(page, have) {
  const items = page.locator('.checklist-item');
  const count = await items.count();
  for (let index = 0; index < count; index += 1) {
    const answer = items.nth(index).locator(have(index) ? '.answer-button.have' : '.answer-button.missing');
    await answer.click();
    await expectAttribute(answer, 'aria-pressed', 'true');
  }
  return count;
}

/** Checklist -> summary. */
export async function continueToSummary(page) {
  await page.locator('.checklist .primary-button').click();
  await page.locator('.summary h1').waitFor();
}

/** Summary -> ticket; returns the ticket number once it is shown. */
export async function takeTicket(page) {
  await page.locator('.summary-actions .primary-button').click();
  return expectText(page, '.ticket-number', /\S/);
}

/** The whole way to a ticket in `tag` for `concern`, with every document at hand. */
export async function ticketFor(page, { tag = 'de', concern }) {
  await start(page);
  await chooseLanguage(page, tag);
  await chooseConcern(page, concern);
  if (await page.locator('.checklist').count()) {
    await answerChecklist(page, () => true);
    await continueToSummary(page);
  }
  return takeTicket(page);
}

/**
 * A one-line message from locales/<tag>/main.ftl, as the kiosk shows it, so the tests check the
 * shipped translation without copying it.
 */
export function message(tag, id) {
  const source = readFileSync(new URL(`../../locales/${tag}/main.ftl`, import.meta.url), 'utf8');
  const line = source.split('\n').find((candidate) => candidate.startsWith(`${id} = `));
  if (!line) throw new Error(`locales/${tag}/main.ftl has no one-line message ${id}`);
  return line.slice(id.length + 3).trim();
}

/** Presses Tab (or Shift+Tab) until the focused element matches `selector`. */
export async function tabTo(page, selector, { backwards = false, limit = 40 } = {}) {
  for (let presses = 0; presses < limit; presses += 1) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
  }
  throw new Error(`Tab never reached ${selector}`);
}

const MODES = ['normal', 'large-text', 'high-contrast'];

/** Switches the display mode with the settings bar's buttons, as a visitor would, until it shows. */
export async function setMode(page, mode) {
  for (const [button, wanted] of [['large-text', mode === 'large-text'], ['high-contrast', mode === 'high-contrast']]) {
    const on = await page.evaluate((name) => document.documentElement.classList.contains(name), button);
    if (on !== wanted) {
      const index = button === 'large-text' ? 2 : 3;
      await page.locator(`.settings-buttons .setting-button:nth-child(${index})`).click();
      await expectEvaluated(page, (name) => document.documentElement.classList.contains(name), wanted, { arg: button });
    }
  }
}

/** Waits until every text of the screen is at least 24 px and every button at least 64 × 64 px. */
export async function expectSizesFit(page, message) {
  await expectEvaluated(page, () => {
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
  }, [], { message });
}

/** axe in every mode on the current screen; screenshots of the normal mode. */
export async function checkScreen(page, name) {
  for (const mode of MODES) {
    await setMode(page, mode);
    assert.deepEqual(await axeViolations(page), [], `${name} (${mode})`);
    if (mode === 'normal') await expectSizesFit(page, `${name}: sizes`);
    if (mode !== 'normal') await keepScreenshot(page, `${name}-${mode}`);
  }
  await setMode(page, 'normal');
}
