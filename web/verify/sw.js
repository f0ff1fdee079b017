// Offline once loaded: the page, its script, the WebAssembly and the trust lists are cached on
// first visit and served from the cache (refreshed in the background when online). The payload
// is in the URL fragment, which never reaches a request.
const CACHE = 'egov-verify-v2';
const FILES = ['./', 'index.html', 'app.js', 'style.css', 'config.json', 'trust-list.json',
  'pkg/egov_wasm.js', 'pkg/egov_wasm_bg.wasm'];
self.addEventListener('install', (e) => {
  e.waitUntil(caches.open(CACHE).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});
self.addEventListener('activate', (e) => { e.waitUntil(self.clients.claim()); });
self.addEventListener('fetch', (e) => {
  if (e.request.method !== 'GET') return;
  e.respondWith(caches.open(CACHE).then(async (c) => {
    const hit = await c.match(e.request, { ignoreSearch: true });
    const net = fetch(e.request).then((r) => { if (r.ok) c.put(e.request, r.clone()); return r; });
    return hit || net;
  }));
});
