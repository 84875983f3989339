// Willkommen's service worker: keeps this release's app shell and interface texts, so that a
// kiosk that restarts while the network or the server is down still opens the app (which then
// explains the outage and keeps retrying) instead of a browser error page.
//
// `cargo xtask` writes the release's VERSION and FILES into the built copy (dist/sw.js); a new
// release therefore is a new worker. It waits until the page, between two visitors, asks it
// to take over ("skip-waiting") and then reloads, so old and new files are never mixed.
// The API is never cached: tickets and queue positions always come from the server.

const VERSION = "development";
const FILES = [];

const CACHE = `willkommen-${VERSION}`;

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(FILES)));
});

self.addEventListener("activate", (event) => {
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
  if (request.method !== "GET" || !ours || url.pathname.startsWith("/api/") || FILES.length === 0) return;
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
