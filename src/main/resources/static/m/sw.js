// Service worker of the grid workers' app: keeps the app's own files so it opens without a network.
// It never touches /api (those requests go to the network from the page, and the outbox in
// IndexedDB holds what could not be sent) nor a party's confirmation link /m/{token}.
const VERSION = 'huian-field-1';
const SHELL = ['/m/', '/m/index.html', '/m/app.css', '/m/app.js', '/m/store.js', '/m/manifest.json', '/m/icon-192.png'];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(VERSION).then((cache) => cache.addAll(SHELL)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k !== VERSION).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin || !SHELL.includes(url.pathname)) {
    return; // the network, as without a service worker
  }
  // stale-while-revalidate: answer from the cache at once, refresh it for the next start
  event.respondWith(caches.open(VERSION).then(async (cache) => {
    const cached = await cache.match(url.pathname);
    const fresh = fetch(event.request).then((res) => {
      if (res.ok) cache.put(url.pathname, res.clone());
      return res;
    });
    if (cached) {
      event.waitUntil(fresh.catch(() => undefined));
      return cached;
    }
    return fresh;
  }));
});
