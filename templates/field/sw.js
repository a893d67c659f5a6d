// caravan's service worker: keeps the tablet app's shell so that /field/app opens with no network.
// Rendered by the server with the precache list and a version hash over those files; a new version
// installs a new cache and deletes the old ones. Data never goes through this cache: the app keeps
// its records and the pulled event data in IndexedDB, and the sync API is always fetched live.
const VERSION = "{{ version }}";
const CACHE = "caravan-shell-" + VERSION;
const PRECACHE = {{ precache|safe }};
const SHELL = {{ shell|safe }};

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // cache: "reload" skips the HTTP cache, so a new version never precaches a stale file.
    await cache.addAll(PRECACHE.map((url) => new Request(url, { cache: "reload" })));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const key of await caches.keys()) {
      if (key.startsWith("caravan-shell-") && key !== CACHE) await caches.delete(key);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || url.pathname.startsWith("/api/")) return;
  // The shell (with any query string) and the precached files come from the cache first: the stall
  // often has no signal, and a new worker version brings new files.
  const isShell = url.pathname === SHELL || url.pathname === SHELL + "/";
  if (!isShell && !PRECACHE.includes(url.pathname)) return;
  event.respondWith((async () => {
    const cache = await caches.open(CACHE);
    // ignoreVary: the shell varies by language cookie, but the app applies the tablet's own language.
    const hit = await cache.match(isShell ? SHELL : url.pathname, { ignoreVary: true });
    if (hit) return hit;
    return fetch(request);
  })());
});
