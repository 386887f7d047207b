/*
 * BlueVitaal's service worker (scope /). It keeps the app shell (styles, scripts, icons, the offline page) so the app
 * opens like an app on a phone. It never keeps a case page or an API answer: those hold personal data and must
 * always be asked of the server, with its access checks. A check-in filled in while offline is kept by the page
 * itself (js/checkin.js, localStorage) and sent when the phone is back online.
 */
const SHELL = 'bluevitaal-shell-v1';
const SHELL_FILES = [
  '/offline.html',
  '/css/tokens.css',
  '/css/app.css',
  '/css/checkin.css',
  '/vendor/utrecht/index.css',
  '/vendor/htmx/htmx.min.js',
  '/js/app.js',
  '/js/pwa.js',
  '/js/checkin.js',
  '/vendor/chartjs/chart.umd.min.js',
  '/icons/icon-192.png',
  '/icons/icon-512.png',
  '/manifest.webmanifest'
];
const SHELL_PREFIXES = ['/css/', '/js/', '/vendor/', '/icons/'];

self.addEventListener('install', event => {
  event.waitUntil(caches.open(SHELL).then(cache => cache.addAll(SHELL_FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', event => {
  event.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(key => key !== SHELL).map(key => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', event => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  if (SHELL_PREFIXES.some(prefix => url.pathname.startsWith(prefix)) || SHELL_FILES.includes(url.pathname)) {
    // The shell: from the network when it answers (a new release), else the kept copy.
    event.respondWith(fetch(request).then(response => {
      if (response.ok) {
        const copy = response.clone();
        caches.open(SHELL).then(cache => cache.put(request, copy));
      }
      return response;
    }).catch(() => caches.match(request)));
    return;
  }
  if (request.mode === 'navigate') {
    // A page: always the network; offline, the offline page (never a kept copy of a case page).
    event.respondWith(fetch(request).catch(() => caches.match('/offline.html')));
  }
});
