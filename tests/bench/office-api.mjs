// The queue API as the benchmarks drive it from Node: signing in, lifting the demo office's
// daily quotas, issuing tickets as kiosks do and calling them as clerks do. Node's fetch keeps
// its connections alive, so thousands of requests cost no new connections.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';

import { root } from './common.mjs';

const API = '/api/v1';

/** Fails with the answer's status and body unless it is `expected`. */
async function expectStatus(response, expected, what) {
  if (response.status !== expected) {
    throw new Error(`${what}: ${response.status} ${await response.text()}`);
  }
  return response.status === 204 ? null : response.json();
}

/** A session cookie for one of the demo accounts (crates/server/seed/demo_accounts.json). */
async function signIn(server, username) {
  const accounts = JSON.parse(readFileSync(`${root}/crates/server/seed/demo_accounts.json`, 'utf8'));
  const { password } = accounts.find((account) => account.username === username);
  const response = await fetch(`${server.url}${API}/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  await expectStatus(response, 200, `sign-in as ${username}`);
  return response.headers.get('set-cookie').split(';')[0];
}

/**
 * Takes away every concern's daily quota, as an administrator would in the admin console, so
 * that thousands of tickets in one service day are allowed (the demo office allows 40 to 150
 * per concern; "information" has none).
 */
export async function liftQuotas(server) {
  const cookie = await signIn(server, 'admin');
  const send = (method, route, body) => fetch(`${server.url}${API}${route}`, {
    method,
    headers: { cookie, 'content-type': 'application/json' },
    body: body && JSON.stringify(body),
  });
  const draft = await expectStatus(await send('GET', '/admin/draft'), 200, 'draft');
  for (const concern of draft.document.concerns) concern.daily_quota = null;
  const saved = await expectStatus(
    await send('PUT', '/admin/draft', { revision: draft.revision, document: draft.document, basis: draft.basis }),
    200,
    'save draft',
  );
  await expectStatus(await send('POST', '/admin/publish', { revision: saved.revision, note: 'benchmark: no quotas' }), 200, 'publish');
}

/** The office's concerns as the kiosk gets them (ids, checklists). */
export async function kioskData(server) {
  return expectStatus(await fetch(`${server.url}${API}/kiosk`), 200, 'kiosk');
}

/** A ticket as a kiosk takes it: one request with a fresh idempotency key. */
export async function issueTicket(server, { concern, language = 'de', checklist = {} }) {
  const response = await fetch(`${server.url}${API}/tickets`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'idempotency-key': randomBytes(16).toString('hex') },
    body: JSON.stringify({ concern, language, checklist }),
  });
  return expectStatus(response, 201, `ticket for ${concern}`);
}

/**
 * A clerk at `counter`: `serveNext()` calls the next ticket (the call the lobby display
 * shows), starts serving it and finishes it, so the counter is free for the next call.
 * Returns the called ticket's number; someone must be waiting.
 */
export async function clerk(server, { username, counter }) {
  const cookie = await signIn(server, username);
  const post = (route) => fetch(`${server.url}${API}${route}`, { method: 'POST', headers: { cookie } });
  return {
    counter,
    async serveNext() {
      const ticket = await expectStatus(await post(`/counters/${counter}/call-next`), 200, `call-next at ${counter}`);
      await expectStatus(await post(`/tickets/${ticket.id}/start`), 200, `start ${ticket.number}`);
      await expectStatus(await post(`/tickets/${ticket.id}/finish`), 200, `finish ${ticket.number}`);
      return ticket.number;
    },
  };
}
