// Appointments made as a booking system makes them (the admin API) and checked in as the kiosk
// does, for the end-to-end tests of the screens that show them. The office's appointment rules
// are the defaults (check-in from 30 minutes before the slot until 10 minutes after).
import assert from 'node:assert/strict';

/**
 * Moves the office into a time zone where it is about noon now, so that a slot minutes away
 * or twenty minutes ago is on the office's today whenever the tests run (as the server's own
 * appointment tests do). Returns the zone.
 */
export async function officeAtNoon(server) {
  const cookie = await adminCookie(server);
  const offset = Math.min(14, Math.max(-12, 12 - new Date().getUTCHours()));
  // The Etc zones' signs are POSIX's, the other way round: Etc/GMT-3 is three hours ahead.
  const zone = offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
  const admin = (method, path, body) => fetch(`${server.url}/api/v1/admin/${path}`, {
    method,
    headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body && JSON.stringify(body),
  });
  const draft = await (await admin('GET', 'draft')).json();
  const saved = await admin('PUT', 'draft', { revision: draft.revision, document: { ...draft.document, time_zone: zone }, basis: draft.basis });
  assert.equal(saved.status, 200, await saved.clone().text());
  const published = await admin('POST', 'publish', { revision: (await saved.json()).revision, note: 'noon' });
  assert.equal(published.status, 200, await published.clone().text());
  return zone;
}

/** The date in `zone` `days` from now, `YYYY-MM-DD`. */
export function officeDay(zone, days = 0) {
  const moment = new Date(Date.now() + days * 24 * 3600 * 1000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .format(moment);
}

/** An admin session cookie, as a booking system's account would hold. */
export async function adminCookie(server) {
  const response = await fetch(`${server.url}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'willkommen-admin' }),
  });
  assert.equal(response.status, 200);
  return response.headers.get('set-cookie').split(';')[0];
}

/**
 * Books `reference` through the admin API; `slot` is RFC 3339 or the office's local time
 * (`2026-12-07T10:30`). Returns the appointment as the API answers it.
 */
export async function book(server, reference, { slot, concern = 'address-change', language } = {}) {
  const response = await fetch(`${server.url}/api/v1/admin/appointments/${encodeURIComponent(reference)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', cookie: await adminCookie(server) },
    body: JSON.stringify({ slot, concern, ...(language ? { language } : {}) }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return response.json();
}

/** Checks `reference` in as the kiosk does; returns the ticket. */
export async function checkIn(server, reference, { language = 'de', checklist = {} } = {}) {
  const response = await fetch(`${server.url}/api/v1/appointments/${encodeURIComponent(reference)}/check-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ language, checklist }),
  });
  assert.equal(response.status, 201, await response.clone().text());
  return response.json();
}

/**
 * An appointment `minutes` from now, checked in: `{ appointment, ticket, time }`, `time` being
 * the slot's office time as every screen shows it ("10:30").
 */
export async function checkedInAppointment(server, reference, { minutes = 5, concern, language = 'de' } = {}) {
  const slot = new Date(Date.now() + minutes * 60_000).toISOString().replace(/\.\d+Z$/, 'Z');
  const appointment = await book(server, reference, { slot, concern, language });
  const ticket = await checkIn(server, reference, { language });
  assert.equal(ticket.appointment?.slot, appointment.slot, 'the ticket carries the appointment');
  return { appointment, ticket, time: appointment.slot.slice(11, 16) };
}
