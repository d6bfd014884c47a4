// Looplab's service worker: once the app has loaded, it keeps working without a network
// (a classroom whose wifi fails keeps going). index.html copies it to the site's root and
// registers it there, so its scope is the whole app. Only same-origin GETs are handled;
// anything else goes to the network as if there were no service worker.
//
// The rules, and why:
// - The page (the scope's root, or its index.html; routes live in the #fragment): network
//   first, so a new build shows at once; the cached copy when the network fails.
// - Files whose name carries trunk's content hash (looplab-<hash>_bg.wasm, style-<hash>.css,
//   ...): cache first. A hashed name's contents never change, so the copy is never stale.
// - Other files (static/api/ for live runs, the manifest, the icons): the cached copy at
//   once, refreshed from the network behind it, so an edited file shows on the next load.
// Installing caches the page, every file it names and the files of static/api/, so the
// first visit is enough to go offline, live runs' requests included. Each fresh copy of
// the page drops the hashed files of older builds from the cache. Changing CACHE (e.g.
// when these rules change) drops every older cache on activate.

const CACHE = 'looplab-v1';
// trunk's hash: 12 to 16 hex digits before the extension (leading zeros are dropped).
const HASHED = /-[0-9a-f]{12,16}(_bg)?\.[a-z]+$/;
// Every file of static/api/ (offline.test.mjs checks that none is missing).
const API_FILES = ['comments.json', 'posts.json', 'users/1.json', 'jobs/next.json',
  'files/1.bin'];

const ROOT = new URL('./', location).pathname;
const isPage = (url) => url.pathname === ROOT || url.pathname === `${ROOT}index.html`;

// The same-origin hashed files a page's HTML names in href="…" or src="…".
function hashedFilesOf(html, base) {
  return [...html.matchAll(/(?:href|src)="([^"]+)"/g)]
    .map((m) => new URL(m[1], base))
    .filter((url) => url.origin === location.origin && HASHED.test(url.pathname))
    .map((url) => url.href);
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const page = await fetch('./', { cache: 'no-cache' });
      if (!page.ok) throw new Error(`caching the page: HTTP ${page.status}`);
      const named = hashedFilesOf(await page.clone().text(), page.url);
      await cache.addAll([...named, ...API_FILES.map((file) => `api/${file}`)]);
      await cache.put('./', page);
      await self.skipWaiting(); // take over at once: the files are cached
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) if (name !== CACHE) await caches.delete(name);
      await self.clients.claim(); // control the page that registered us, without a reload
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== location.origin) return;
  if (isPage(url)) event.respondWith(networkFirst(event, request));
  else if (HASHED.test(url.pathname)) event.respondWith(cacheFirst(event, request));
  else event.respondWith(staleWhileRevalidate(event, request));
});

// Fetches `request` and, if it answered 200, puts a copy in the cache.
async function fetchAndCache(event, cache, request) {
  const response = await fetch(request);
  if (response.status === 200) event.waitUntil(cache.put(request, response.clone()));
  return response;
}

async function networkFirst(event, request) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.status === 200) {
      // Keep the page, and forget the hashed files older builds named.
      const page = response.clone();
      event.waitUntil(
        (async () => {
          const named = new Set(hashedFilesOf(await page.clone().text(), page.url));
          await cache.put('./', page);
          for (const old of await cache.keys()) {
            const stale = HASHED.test(new URL(old.url).pathname) && !named.has(old.url);
            if (stale) await cache.delete(old);
          }
        })(),
      );
    }
    return response;
  } catch (offline) {
    const cached = await cache.match('./');
    if (cached) return cached;
    throw offline;
  }
}

async function cacheFirst(event, request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(request)) ?? fetchAndCache(event, cache, request);
}

async function staleWhileRevalidate(event, request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  const fresh = fetchAndCache(event, cache, request);
  if (!cached) return fresh;
  event.waitUntil(fresh.catch(() => {})); // offline: the cached copy stands
  return cached;
}
