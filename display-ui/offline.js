// The page's side of the offline cache (sw.js): registers the service worker and tells it which
// QR codes and pictures the current playlist needs, so a reload without the server still shows them.

let wanted = null;

function ready() {
  return 'serviceWorker' in navigator ? navigator.serviceWorker.ready : new Promise(() => {});
}

/** Registers sw.js for /display/; the page marks itself data-offline-ready once it is cached. */
export function registerOfflineCache() {
  if (!('serviceWorker' in navigator)) return;
  navigator.serviceWorker.register('/display/sw.js', { scope: '/display/' })
    .catch((err) => console.warn('offline cache:', err.message));
  navigator.serviceWorker.addEventListener('message', (event) => {
    if (event.data && event.data.type === 'kept') document.body.dataset.offlineReady = 'true';
  });
  navigator.serviceWorker.startMessages();
  ready().then(send);
}

/** urls: every /qr/ and /media/ address the playlist shows; the cache keeps those and drops the rest. */
export function keepOffline(urls) {
  wanted = urls;
  delete document.body.dataset.offlineReady;
  ready().then(send);
}

function send(registration) {
  if (wanted && registration.active) registration.active.postMessage({ type: 'keep', urls: wanted });
}
