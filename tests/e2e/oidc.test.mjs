// End to end: staff sign in with the office's identity provider, a real one: oidc-provider
// (certified, tests/e2e/oidc-provider.mjs) on localhost, so that the provider is another site
// than Willkommen on 127.0.0.1, as in an office. Through the real redirects in Chromium: a
// clerk and an administrator sign in and get their role and name; someone without a
// Willkommen group is told so and can sign in as someone else; signing out also signs out at
// the provider; with the provider down the page says so and an administrator signs in with
// the Willkommen password. axe-core on the sign-in page's states.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

import {
  axeViolations, browserPerFile, expectEvaluated, expectText, keepScreenshot, startServer, tempDir,
} from './harness.mjs';

const chromium = browserPerFile();
const here = path.dirname(fileURLToPath(import.meta.url));
const CLIENT_SECRET = 'test-client-secret-0123456789';

async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The provider, for Willkommen at `willkommen`; stops when this process ends. */
async function startProvider(willkommen) {
  const child = spawn(process.execPath, [path.join(here, 'oidc-provider.mjs'), '0', willkommen, 'localhost'], {
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let log = '';
  child.stderr.on('data', (chunk) => { log += chunk; });
  const issuer = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`the provider did not start: ${log}`)), 20_000);
    child.stdout.on('data', (chunk) => {
      out += chunk;
      const found = out.match(/oidc provider at (\S+)/);
      if (found) {
        clearTimeout(timer);
        resolve(found[1]);
      }
    });
  });
  child.unref();
  for (const stream of [child.stdin, child.stdout, child.stderr]) stream.unref?.();
  return { issuer, stop: () => child.kill('SIGKILL') };
}

/** Willkommen with the provider, and the provider. */
async function office(extra = []) {
  const port = await freePort();
  const provider = await startProvider(`http://127.0.0.1:${port}`);
  const server = await startServer({
    dataDir: tempDir('data'),
    port,
    args: [
      '--oidc-issuer', provider.issuer, '--oidc-client-id', 'willkommen', '--oidc-scopes', 'profile groups',
      '--oidc-staff-groups', 'willkommen-staff', '--oidc-admin-groups', 'willkommen-admins', ...extra,
    ],
    env: { WILLKOMMEN_OIDC_CLIENT_SECRET: CLIENT_SECRET },
  });
  return { server, provider };
}

/** Who the page's session is, as the API says. */
async function signedIn() {
  const me = await (await fetch('/api/v1/session')).json();
  return { name: me.display_name, role: me.role };
}

async function atProviderSignIn(page, username, password) {
  await page.locator('#username').waitFor();
  await page.locator('#username').fill(username);
  await page.locator('#password').fill(password);
  await page.locator('#sign-in').click();
}

test('a clerk signs in with the office account through the provider, and signing out signs out there too', async () => {
  const { server } = await office();
  const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => { throw error; });
  await page.goto(`${server.url}/staff`);
  const button = page.getByRole('link', { name: 'Mit dem Dienstkonto anmelden' });
  await button.waitFor();
  assert.deepEqual(await axeViolations(page), [], 'sign-in with the office account offered');
  await keepScreenshot(page, 'oidc-sign-in-de');
  await button.click();
  await page.waitForURL(/^http:\/\/localhost:\d+\/interaction\//); // at the provider, another site
  await atProviderSignIn(page, 'anna', 'anna-passwort');
  await expectText(page, '.staff h1, main h1', 'An welchem Schalter sitzen Sie?', { timeout: 15_000 });
  await expectEvaluated(page, signedIn, { name: 'Anna Schmidt', role: 'staff' });

  // At the counter, her name in the header; signing out goes on to the provider's sign-out, and back.
  await page.getByRole('button', { name: /Schalter 1/ }).click();
  await page.getByRole('button', { name: 'Arbeit beginnen' }).click();
  await page.locator('.call-next').waitFor();
  await expectText(page, '.staff-header', /Anna Schmidt/);
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await page.locator('#logout-yes').click();
  await page.getByRole('link', { name: 'Mit dem Dienstkonto anmelden' }).waitFor({ timeout: 15_000 });
  await expectEvaluated(page, () => location.pathname, '/staff');
  // The provider asks for the password again: its session ended too.
  await page.getByRole('link', { name: 'Mit dem Dienstkonto anmelden' }).click();
  await page.locator('#username').waitFor();
  await context.close();
});

test('an administrator gets the console; someone without a Willkommen group is told so and can sign in as someone else', async () => {
  const { server } = await office();
  const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => { throw error; });
  await page.goto(`${server.url}/admin`);
  await page.getByRole('link', { name: 'Mit dem Dienstkonto anmelden' }).click();
  await atProviderSignIn(page, 'carl', 'carl-passwort');
  await expectText(page, '.staff-sign-in [role=alert]', /keine Rolle in Willkommen/, { timeout: 15_000 });
  await expectEvaluated(page, () => location.search, '', { message: 'the reason is taken off the address' });
  assert.deepEqual(await axeViolations(page), [], 'refused for want of a role');
  await keepScreenshot(page, 'oidc-no-role-de');

  await page.getByRole('link', { name: 'Als jemand anderes anmelden' }).click();
  await atProviderSignIn(page, 'ben', 'ben-passwort');
  await page.locator('.admin-concern').first().waitFor({ timeout: 15_000 });
  await expectEvaluated(page, signedIn, { name: 'Ben Meyer', role: 'admin' });
  await context.close();
});

test('with the provider down the page says so, and an administrator signs in with the Willkommen password', async () => {
  const { server, provider } = await office(['--local-sign-in', 'admins']);
  provider.stop();
  const context = await chromium.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => { throw error; });
  await page.goto(`${server.url}/admin`);
  await page.getByRole('link', { name: 'Mit dem Dienstkonto anmelden' }).click();
  await expectText(page, '.staff-sign-in [role=alert]', /antwortet gerade nicht/, { timeout: 15_000 });
  await page.getByText('Administratorkonto (nur für den Notfall)').click();
  assert.deepEqual(await axeViolations(page), [], 'provider down, the emergency sign-in open');
  await keepScreenshot(page, 'oidc-provider-down-de');
  await page.getByLabel('Benutzername').fill('admin');
  await page.getByLabel('Passwort').fill('willkommen-admin');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.locator('.admin-concern').first().waitFor();
  await context.close();
});
