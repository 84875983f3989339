// The kiosk during a server outage: how soon it tells the visitor, and how soon after the
// server is back it is usable again (it retries by itself: after 1 s, then doubling up to
// 15 s). The server is stopped as an operator would (graceful shutdown) and started again on
// the same port with the same database. Three situations:
//  - idle: the kiosk waits on its welcome screen;
//  - restart: the kiosk restarts (reload) while the server is down, as after a power cut of
//    the kiosk alone; its service worker has the app;
//  - ticket: a visitor taps "take a ticket" while the server is down.
import { startServer, tempDir } from '../e2e/harness.mjs';
import {
  answerChecklist, chooseConcern, chooseLanguage, continueToSummary, message, openKiosk, start,
} from '../e2e/kiosk-steps.mjs';
import { COMMAND, percentile, say } from './common.mjs';

/** How long the server stays away in each repetition (from the stop to the new start). */
const DOWN_MS = 10_000;
/** How long the idle kiosk is watched: past its half-minute check of the office's data. */
const IDLE_WATCH_MS = 35_000;

const elapsed = (since) => Date.now() - since;

/** A server that can be stopped and started again on the same port and database. */
async function restartableServer(dist) {
  const dataDir = tempDir('data');
  let server = await startServer({ dataDir, dist });
  const { port } = server;
  return {
    get url() { return server.url; },
    stop: () => server.stop(),
    async restart() { server = await startServer({ dataDir, dist, port }); },
  };
}

/** Waits out the rest of the outage that began at `stoppedAt`. */
async function restOfOutage(page, stoppedAt) {
  const left = DOWN_MS - elapsed(stoppedAt);
  if (left > 0) await page.waitForTimeout(left);
}

/**
 * The kiosk on its welcome screen, server gone: does it say so within `IDLE_WATCH_MS`? It
 * reloads the office's data every 30 s, so a failure is noticed by then at the latest.
 */
async function idleWelcome(browser, server) {
  const page = await openKiosk(browser, server);
  await server.stop();
  const stoppedAt = Date.now();
  const alert = page.locator('.welcome [role=alert]', { hasText: message('de', 'welcome-unavailable') });
  const shown = await alert.waitFor({ timeout: IDLE_WATCH_MS }).then(() => elapsed(stoppedAt), () => null);
  const startEnabled = await page.locator('.start-button').isEnabled();
  const status = (await page.locator('.welcome-status, .welcome .notice').first().innerText()).trim();
  await server.restart();
  const backAt = Date.now();
  await page.locator('.start-button:not([disabled])').waitFor({ timeout: 30_000 });
  // Only a kiosk that stopped offering tickets has something to recover from.
  const usable = startEnabled ? null : elapsed(backAt);
  await page.context().close();
  say(`outage idle: message ${shown === null ? `not shown within ${IDLE_WATCH_MS} ms` : `after ${shown} ms`}, start button enabled: ${startEnabled}`);
  return {
    watched_ms: IDLE_WATCH_MS,
    message_shown_after_ms: shown,
    start_button_enabled_during_outage: startEnabled,
    welcome_status_during_outage: status,
    usable_after_restart_ms: usable,
  };
}

/** The kiosk reloads while the server is down, then the server comes back. */
async function restartDuringOutage(browser, server, { repeats }) {
  const page = await openKiosk(browser, server);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30_000 });
  const runs = [];
  for (let run = 0; run < repeats; run += 1) {
    await server.stop();
    const stoppedAt = Date.now();
    await page.reload();
    await page.locator('.notice-title', { hasText: message('de', 'welcome-unavailable') }).waitFor({ timeout: 30_000 });
    const shown = elapsed(stoppedAt);
    await restOfOutage(page, stoppedAt);
    await server.restart();
    const backAt = Date.now();
    await page.locator('.start-button:not([disabled])').waitFor({ timeout: 30_000 });
    runs.push({ message_shown_after_ms: shown, usable_after_restart_ms: elapsed(backAt) });
    say(`outage restart ${run + 1}/${repeats}: message after ${shown} ms, usable ${runs.at(-1).usable_after_restart_ms} ms after the server was back`);
  }
  await page.context().close();
  return runs;
}

/** A visitor taps "take a ticket" while the server is down; the ticket comes once it is back. */
async function ticketDuringOutage(browser, server, { repeats }) {
  const page = await openKiosk(browser, server);
  const runs = [];
  for (let run = 0; run < repeats; run += 1) {
    await start(page);
    await chooseLanguage(page, 'de');
    await chooseConcern(page, 'Neue Adresse');
    await answerChecklist(page, () => true);
    await continueToSummary(page);
    await server.stop();
    const stoppedAt = Date.now();
    await page.locator('.summary-actions .primary-button').click();
    const tappedAt = Date.now();
    await page.locator('.failure').waitFor({ timeout: 30_000 });
    const shown = elapsed(tappedAt);
    await restOfOutage(page, stoppedAt);
    await server.restart();
    const backAt = Date.now();
    await page.locator('.ticket-number').waitFor({ timeout: 30_000 });
    runs.push({ message_shown_after_ms: shown, usable_after_restart_ms: elapsed(backAt) });
    say(`outage ticket ${run + 1}/${repeats}: message ${shown} ms after the tap, ticket ${runs.at(-1).usable_after_restart_ms} ms after the server was back`);
    await page.locator('.ticket-actions .primary-button').click();
    await page.locator('.start-button:not([disabled])').waitFor();
  }
  await page.context().close();
  return runs;
}

function medians(runs) {
  const of = (key) => percentile(runs.map((run) => run[key]), 50);
  return { message_shown_after_ms: of('message_shown_after_ms'), usable_after_restart_ms: of('usable_after_restart_ms') };
}

export async function measureOutage(browser, { dist, repeats }) {
  const server = await restartableServer(dist);
  try {
    const idle = await idleWelcome(browser, server);
    const restart = await restartDuringOutage(browser, server, { repeats });
    const ticket = await ticketDuringOutage(browser, server, { repeats });
    return {
      command: COMMAND,
      down_ms: DOWN_MS,
      idle_welcome: idle,
      restart_during_outage: { runs: restart, median: medians(restart) },
      ticket_during_outage: { runs: ticket, median: medians(ticket) },
    };
  } finally {
    await server.stop();
  }
}
