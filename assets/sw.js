// The service worker: after a first visit, the app opens and works with no connection.
//
// `scripts/sw.mjs` writes dist/sw.js from this file at build time, filling in VERSION (a hash
// of every built file, so that any change makes a new worker) and SHELL (what a participant's
// phone loads first: the app, its styles, the day's questions, the manifest and icons).
//
// - install: the shell goes into a cache named after the version. Files whose names carry a
//   content hash may come from the browser's HTTP cache (the page just loaded them: no second
//   download over 3G); the others are asked for afresh.
// - activate: caches of other versions are deleted; the worker takes over open pages.
// - fetch (same origin, GET): a page (navigation) is served from the cache, whatever its query
//   or fragment; any other file from the cache, else from the network, and kept for next time
//   (the results page's files are cached this way, only on the devices that open it).
//   Requests to other origins are left alone (the app makes none).
//
// A new version is picked up on the next visit: the browser fetches sw.js again, the new
// worker caches the new shell and takes over, and the visit after that runs it. Answers live
// in localStorage and IndexedDB, which no cache change touches.

const VERSION = '__VERSION__';
const SHELL = __SHELL__;
const CACHE = `dialogue-kit-${VERSION}`;
const HASHED = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css)$/;

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await cache.addAll(
        SHELL.map((path) => new Request(path, { cache: HASHED.test(path) ? 'force-cache' : 'no-cache' })),
      );
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (name.startsWith('dialogue-kit-') && name !== CACHE) await caches.delete(name);
      }
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(answer(request, url));
});

async function answer(request, url) {
  // Looked up without opening the cache, which would make it again once a newer worker has
  // deleted it.
  const navigate = request.mode === 'navigate';
  // The folder itself is the participant app; a page is the same whatever its query.
  const page = url.pathname.endsWith('/') ? new URL('index.html', url).href : url.href.split(/[?#]/)[0];
  const hit = await caches.match(navigate ? page : request, { cacheName: CACHE, ignoreSearch: navigate });
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok && response.type === 'basic' && (await caches.has(CACHE))) {
    await (await caches.open(CACHE)).put(navigate ? page : request, response.clone());
  }
  return response;
}
