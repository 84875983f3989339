// The admin console's shared steps: signing in as the demo admin.

/** The admin console, signed in as the demo admin, on the concern list. */
export async function adminConsole(chromium, server, { viewport = { width: 1920, height: 1080 } } = {}) {
  const context = await chromium.browser.newContext({ viewport });
  const page = await context.newPage();
  page.on('pageerror', (error) => { throw error; });
  await page.goto(`${server.url}/admin`);
  await page.getByLabel('Benutzername').fill('admin');
  await page.getByLabel('Passwort').fill('willkommen-admin');
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.locator('.admin-concern').first().waitFor();
  return page;
}
