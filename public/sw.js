// Willkommen's service worker: keeps this release's app shell and interface texts, so that a
// kiosk that restarts while the network or the server is down still opens the app (which then
// explains the outage and keeps retrying) instead of a browser error page.
//
// `cargo xtask` writes the release's VERSION and FILES into the built copy (dist/sw.js); a new
// release therefore is a new worker. It waits until the page, between two visitors, asks it
// to take over ("skip-waiting") and then reloads, so old and new files are never mixed.
// The API is never cached: tickets and queue positions always come from the server.
//
// The visitors' ticket pages register the same worker for their scope, /t/ (src/web_push.rs).
// There it caches nothing: it shows the notifications the server pushes (Web Push, while the
// page is closed and the phone locked) and opens the ticket page when one is tapped.

const VERSION = "development";
const FILES = [];

const CACHE = `willkommen-${VERSION}`;

// The kiosk's worker (scope /) keeps the app shell; the ticket pages' (scope /t/) does not.
const KIOSK = new URL(self.registration.scope).pathname === "/";

self.addEventListener("install", (event) => {
  if (!KIOSK) return;
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener("activate", (event) => {
  if (!KIOSK) {
    event.waitUntil(self.clients.claim());
    return;
  }
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  const ours = url.origin === self.location.origin;
  if (!KIOSK || request.method !== "GET" || !ours || url.pathname.startsWith("/api/") || FILES.length === 0) return;
  if (request.mode === "navigate") {
    // The kiosk's page is this release's shell, so it matches the cached files. Every other
    // page (the phone ticket page, the call display, the office's) is another app's, from
    // the network.
    if (url.pathname !== "/") return;
    event.respondWith(
      caches.match("/index.html", { cacheName: CACHE }).then((shell) => shell || fetch(request)),
    );
    return;
  }
  event.respondWith(
    caches.match(request, { cacheName: CACHE }).then((cached) => cached || fetch(request)),
  );
});

// A push from the server (crates/server/src/push/): the notification, worded in the visitor's
// language already. A push must show one: browsers allow pushes only to a worker that does.
self.addEventListener("push", (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    message = {};
  }
  const call = message.kind === "called" || message.kind === "recalled" || message.kind === "last_call";
  event.waitUntil(
    self.registration.showNotification(message.title || "Willkommen", {
      body: message.body || "",
      lang: message.lang || "",
      dir: message.dir === "rtl" ? "rtl" : "ltr",
      // One notification per ticket, replaced by the newest, which sounds and vibrates anew.
      tag: `ticket-${message.url || ""}`,
      renotify: true,
      requireInteraction: call,
      vibrate: call ? [400, 150, 400, 150, 400] : [200],
      icon: "/favicon.svg",
      data: { url: message.url || "/" },
    }),
  );
});

// Tapping the notification opens the ticket's page, or brings it forward if it is open.
self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const target = new URL(event.notification.data?.url || "/", self.location.origin).href;
  event.waitUntil(
    self.clients.matchAll({ type: "window", includeUncontrolled: true }).then((windows) => {
      const open = windows.find((client) => client.url === target);
      return open ? open.focus() : self.clients.openWindow(target);
    }),
  );
});
