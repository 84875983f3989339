// A complete visitor at the kiosk, welcome to ticket and back to the welcome screen, in two
// speeds. `visitWithSteps` taps with Playwright's locator clicks (the e2e tests' steps, which
// wait until a button is stable and hit before tapping); `visitFast` taps the same buttons
// with trusted mouse events as soon as each next screen is there, for the thousand visitors
// of the memory benchmark: the locator clicks' checks cost ~60 ms a tap, and a visit has about
// a dozen taps.
import { answerChecklist, chooseLanguage, continueToSummary, start, takeTicket } from '../e2e/kiosk-steps.mjs';

/**
 * The `index`-th visitor of a run, from the office's kiosk data: the languages in turn, the
 * concerns in turn ("I am not sure" included, as the last concern button), and a different
 * mix of "I have it" / "I do not have it" each time. Twelve languages and eleven concern
 * buttons repeat together only every 132 visitors.
 */
export function visitorPlan(kiosk, index) {
  const listed = kiosk.concerns.filter((concern) => concern.id !== kiosk.information_concern);
  const slot = index % (listed.length + 1);
  const notSure = slot === listed.length;
  return {
    tag: kiosk.languages[index % kiosk.languages.length],
    concern: slot,
    notSure,
    documents: notSure ? 0 : listed[slot].checklist.length,
    have: (item) => (item + index) % 3 !== 0,
  };
}

/** Taps a visit takes: start, language, concern, each answer, continue, take a ticket, done. */
export function tapsOf(plan) {
  return 3 + plan.documents + (plan.documents > 0 ? 1 : 0) + (plan.notSure ? 0 : 1) + 1;
}

const TICKET_NUMBER = /^[A-Z] \d{3,}$/;

/** The ticket number, once the ticket screen shows it. */
async function shownTicketNumber(page) {
  const number = page.locator('.ticket-number').first();
  await number.waitFor({ state: 'visible' });
  return (await number.innerText()).trim();
}

function checkNumber(number, plan) {
  if (!TICKET_NUMBER.test(number)) throw new Error(`no ticket for ${JSON.stringify(plan)}: "${number}"`);
  return number;
}

/** The visit with the e2e tests' steps; returns the ticket number. */
export async function visitWithSteps(page, plan) {
  await start(page);
  await chooseLanguage(page, plan.tag);
  let number;
  if (plan.notSure) {
    await page.locator('.concern-button.not-sure').click();
    number = await shownTicketNumber(page);
  } else {
    await page.locator('.concern-button:not(.not-sure)').nth(plan.concern).click();
    await page.locator('.checklist h1, .summary h1').first().waitFor();
    if (plan.documents > 0) {
      await answerChecklist(page, plan.have);
      await continueToSummary(page);
    }
    number = await takeTicket(page);
  }
  await page.locator('.ticket-actions .primary-button').click();
  await page.locator('.start-button:not([disabled])').waitFor();
  return checkNumber(number, plan);
}

/**
 * Waits in the page until the `nth` element matching `selector` is there (a DOM change is
 * awaited, not polled), brings it into view and returns its centre; fails if something else
 * would receive a tap there.
 */
function findTarget([selector, nth, timeoutMs]) {
  const locate = () => {
    const element = document.querySelectorAll(selector)[nth];
    if (!element) return null;
    element.scrollIntoView({ block: 'center', inline: 'center' });
    const box = element.getBoundingClientRect();
    const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    const hit = document.elementFromPoint(point.x, point.y);
    if (!element.contains(hit)) throw new Error(`${selector} [${nth}] is covered by ${hit?.outerHTML.slice(0, 120)}`);
    return { ...point, text: element.innerText };
  };
  return new Promise((resolve, reject) => {
    const found = locate();
    if (found) return resolve(found);
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`${selector} [${nth}] did not appear`));
    }, timeoutMs);
    const observer = new MutationObserver(() => {
      try {
        const target = locate();
        if (!target) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve(target);
      } catch (error) {
        observer.disconnect();
        clearTimeout(timer);
        reject(error);
      }
    });
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/** Waits for `selector`'s `nth` match; returns its centre and text. */
function waitInPage(page, selector, nth = 0, timeoutMs = 15_000) {
  return page.evaluate(findTarget, [selector, nth, timeoutMs]);
}

/** A trusted tap (mouse move, press, release) on `selector`'s `nth` match once it is there. */
async function tap(page, selector, nth = 0) {
  const { x, y } = await waitInPage(page, selector, nth);
  await page.mouse.click(x, y);
}

/** The visit as fast as each next screen appears; returns the ticket number. */
export async function visitFast(page, plan) {
  await tap(page, '.start-button:not([disabled])');
  await tap(page, `.language-button[lang="${plan.tag}"]`);
  // The concern screen comes once the language's texts are there.
  await waitInPage(page, `html[lang="${plan.tag}"] .concerns h1`);
  if (plan.notSure) {
    await tap(page, '.concern-button.not-sure');
  } else {
    await tap(page, '.concern-button:not(.not-sure)', plan.concern);
    for (let item = 0; item < plan.documents; item += 1) {
      await tap(page, `.checklist-item .answer-button.${plan.have(item) ? 'have' : 'missing'}`, item);
    }
    if (plan.documents > 0) await tap(page, '.checklist .primary-button');
    await tap(page, '.summary-actions .primary-button:not([disabled])');
  }
  const { text } = await waitInPage(page, '.ticket-number');
  await tap(page, '.ticket-actions .primary-button');
  await waitInPage(page, '.welcome .start-button:not([disabled])');
  return checkNumber(text.replace(/[\u2068\u2069]/g, '').trim(), plan);
}
