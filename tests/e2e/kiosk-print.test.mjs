// End to end: what the kiosk prints on 80 mm thermal paper, printed to PDF by headless Chromium
// (the same print path as a kiosk with --kiosk-printing): paper width, a QR code a phone can
// read from the printed page, the visitor's right-to-left language with German for the clerk.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import jsQR from 'jsqr';
import { PNG } from 'pngjs';

import { browserPerFile, expectCount, expectEvaluated, expectText, startServer, tempDir } from './harness.mjs';
import {
  answerChecklist, chooseConcern, chooseLanguage, continueToSummary, message, openKiosk, start, takeTicket,
} from './kiosk-steps.mjs';

const chromium = browserPerFile();

const MM_IN_POINTS = 72 / 25.4;

/** Prints the page to PDF as Chromium's print would, honouring the page's @page size. */
async function printToPdf(page) {
  const file = path.join(tempDir('print'), 'printout.pdf');
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }));
  return file;
}

/**
 * Counts the page's calls of `window.print()` instead of printing: a machine with a printer
 * (CUPS) would otherwise print on paper, and a print in progress blocks `page.pdf`. The app
 * has sized the paper before it calls print, so `printToPdf` afterwards shows what it prints.
 */
async function recordPrints(page) {
  await page.evaluate(() => {
    window.printed = 0;
    window.print = () => { window.printed += 1; };
  });
}

/** [width, height] in mm of each page of `pdf`. */
function pageSizes(pdf) {
  const text = readFileSync(pdf, 'latin1');
  return [...text.matchAll(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/g)]
    .map(([, width, height]) => [Number(width) / MM_IN_POINTS, Number(height) / MM_IN_POINTS]);
}

/**
 * The QR code on the printed page, read from a 300 dpi rendering (poppler's pdftoppm), which
 * is kept in tests/e2e/artifacts/ as `name`.png for people to look at.
 */
function qrOnPaper(pdf, name) {
  const prefix = pdf.replace(/\.pdf$/, '');
  execFileSync('pdftoppm', ['-png', '-r', '300', '-singlefile', pdf, prefix]);
  const artifacts = path.join(path.dirname(fileURLToPath(import.meta.url)), 'artifacts');
  mkdirSync(artifacts, { recursive: true });
  copyFileSync(`${prefix}.png`, path.join(artifacts, `${name}.png`));
  const png = PNG.sync.read(readFileSync(`${prefix}.png`));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

function textOnPaper(pdf) {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, '-'], { encoding: 'utf8' });
}

test('the ticket prints on one 80 mm page in Arabic and German, with a readable QR code', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await openKiosk(chromium.browser, server);
  await start(page);
  await chooseLanguage(page, 'ar');
  await chooseConcern(page, 'تمديد تصريح الإقامة');
  await answerChecklist(page, (index) => index !== 0); // no passport
  await continueToSummary(page);
  await takeTicket(page);
  await expectText(page, '.ticket-number', 'A 001');

  await recordPrints(page);
  await page.getByRole('button', { name: message('ar', 'ticket-print') }).click();
  await expectText(page, '.ticket [role=status]', message('ar', 'ticket-printing'));
  await expectEvaluated(page, () => window.printed, 1);
  const pdf = await printToPdf(page);

  const sizes = pageSizes(pdf);
  assert.equal(sizes.length, 1, `one page, not ${sizes.length}`);
  const [width, height] = sizes[0];
  assert.ok(Math.abs(width - 80) < 0.5, `80 mm wide, not ${width.toFixed(1)} mm`);
  assert.ok(height > 80 && height < 300, `as long as the ticket: ${height.toFixed(1)} mm`);
  const qr = qrOnPaper(pdf, 'ar-printed-ticket');
  assert.match(qr ?? '', new RegExp(`^${server.url}/t/[A-Za-z0-9_-]{22}$`), `printed QR code holds ${qr}`);
  const text = textOnPaper(pdf);
  assert.match(text, /A 001/);
  assert.match(text, /Reisepass/, 'the missing passport, in German for the clerk');
  assert.match(text, /Aufenthaltserlaubnis verlängern/, 'the concern, in German for the clerk');
  assert.match(text, /جواز السفر/, 'the missing passport, in Arabic for the visitor');
  assert.doesNotMatch(text, new RegExp(message('ar', 'settings-read-aloud')), 'nothing of the screen around it');
});

test('the document list prints in the visitor\'s language to take home, without taking a ticket', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const page = await openKiosk(chromium.browser, server);
  await start(page);
  await chooseLanguage(page, 'tr');
  await chooseConcern(page, 'Mavi Kart');
  await answerChecklist(page, (index) => index < 3);
  await continueToSummary(page);

  await recordPrints(page);
  await page.getByRole('button', { name: message('tr', 'summary-print-checklist') }).click();
  await expectEvaluated(page, () => window.printed, 1);
  const pdf = await printToPdf(page);

  const [[width]] = pageSizes(pdf);
  assert.ok(Math.abs(width - 80) < 0.5, `80 mm wide, not ${width.toFixed(1)} mm`);
  const text = textOnPaper(pdf);
  assert.match(text, /Blaue Karte EU/, 'the German name for the clerk');
  assert.equal((text.match(/☑/g) ?? []).length, 3, 'three documents at hand');
  const next = await fetch(`${server.url}/api/v1/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': 'print-check' },
    body: JSON.stringify({ concern: 'eu-blue-card', language: 'tr' }),
  });
  assert.equal((await next.json()).number, 'B 001', 'printing the list took no ticket');
});

test('a kiosk started with ?printer=auto prints every ticket at once; ?printer=none shows no print buttons', async () => {
  const server = await startServer({ dataDir: tempDir('data') });
  const auto = await openKiosk(chromium.browser, server, { query: '?printer=auto' });
  await recordPrints(auto);
  await start(auto);
  await chooseLanguage(auto, 'en');
  await chooseConcern(auto, 'Address change');
  await answerChecklist(auto, () => true);
  await continueToSummary(auto);
  await takeTicket(auto);
  await expectEvaluated(auto, () => window.printed, 1);

  const none = await openKiosk(chromium.browser, server, { query: '?printer=none' });
  await start(none);
  await chooseLanguage(none, 'en');
  await chooseConcern(none, 'Address change');
  await answerChecklist(none, () => true);
  await continueToSummary(none);
  await expectCount(none, '.secondary-button', 0, { message: 'no print button without a printer' });
  await takeTicket(none);
  await expectCount(none.getByRole('button', { name: 'Print ticket' }), 0);
});
