// Offline cache of the display page, so a notice board keeps showing its notices while the
// server is away, also after a reload. Everything is network first: a board online always runs
// the current code and the current images; the cache answers only when the network fails.
// The event bus and the API are never cached.

const CACHE = 'shangliang-display-v2';
const NETWORK_TIMEOUT_MS = 5000;
const PAGE = '/display/';
// Every file the display page loads, also the /common/ modules it imports: keep in step with the
// imports (one missing here is fetched only when online; one that no longer exists fails the install).
const SHELL = [
  PAGE,
  '/display/display.css',
  '/display/notice-card.css',
  '/display/signage.css',
  '/display/progress-board.css',
  '/display/main.js',
  '/display/messages.js',
  '/display/room.js',
  '/display/speaker.js',
  '/display/tally.js',
  '/display/summary.js',
  '/display/fit-text.js',
  '/display/signage.js',
  '/display/notice-card.js',
  '/display/progress-board.js',
  '/display/playlist-cache.js',
  '/common/pairing.js',
  '/display/offline.js',
  '/common/dom.js',
  '/common/i18n.js',
  '/common/token.js',
  '/common/room-session.js',
  '/common/eventbus.js',
  '/common/raw-socket.js',
  '/common/clock.js',
  '/common/snapshot.js',
  '/common/notice.js',
  '/common/kinds.js',
  '/common/error-messages.js',
  '/common/notice-text.js',
  '/webjars/sockjs-client/1.6.1/dist/sockjs.min.js',
];
const SHELL_PREFIXES = ['/display/', '/common/', '/webjars/sockjs-client/'];
const MEDIA_PREFIXES = ['/qr/', '/media/'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((n) => n !== CACHE).map((n) => caches.delete(n))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.pathname === PAGE) {
    // The address may carry ?room= or a one-time ?token=: one copy of the page, kept without them.
    event.respondWith(networkFirst(request, PAGE));
  } else if (SHELL_PREFIXES.some((p) => url.pathname.startsWith(p)) || MEDIA_PREFIXES.some((p) => url.pathname.startsWith(p))) {
    event.respondWith(networkFirst(request, url.pathname));
  }
  // Anything else (/eventbus, /api, …) goes to the network untouched.
});

/** The page asks to keep these QR codes and pictures, and to drop the ones it no longer shows. */
self.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'keep' || !Array.isArray(data.urls)) return;
  event.waitUntil(keep(data.urls.filter((u) => MEDIA_PREFIXES.some((p) => u.startsWith(p))))
    .then(() => event.source && event.source.postMessage({ type: 'kept' })));
});

async function keep(urls) {
  const cache = await caches.open(CACHE);
  const wanted = new Set(urls);
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (MEDIA_PREFIXES.some((p) => path.startsWith(p)) && !wanted.has(path)) await cache.delete(request);
  }
  await Promise.all(urls.map(async (u) => {
    if (await cache.match(u)) return;
    try {
      const response = await fetch(u);
      if (response.ok) await cache.put(u, response);
    } catch {
      // offline now: kept the next time the page asks
    }
  }));
}

async function networkFirst(request, key) {
  const cache = await caches.open(CACHE);
  try {
    const response = await withTimeout(fetch(request), NETWORK_TIMEOUT_MS);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (err) {
    const cached = await cache.match(key);
    if (cached) return cached;
    throw err;
  }
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('network timeout')), ms);
    promise.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
  });
}
