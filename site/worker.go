package site

// appWorkerJS is the service worker template (go-app's ServiceWorkerTemplate,
// text/template with .Version and .ResourcesToCache). It differs from
// go-app's default in what it answers from the cache:
//   - a page load of any prerendered route (/, /check, /batch, /ready) is
//     served from the cache whatever its query, so every route works offline;
//   - requests to other origins are never touched (the page makes none);
//   - the cache is named after the build's Version, and installing a new
//     version drops the old cache once it activates.
//
// It keeps no push-notification code: the page sends none.
const appWorkerJS = `const cacheName = "app-" + "{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(cacheName)
      .then((cache) => cache.addAll(resourcesToCache))
      .then(() => self.skipWaiting())
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k !== cacheName).map((k) => caches.delete(k)))
      )
      .then(() => self.clients.claim())
  );
});

function pageKey(url) {
  const path = url.pathname.replace(/\.html$/, "");
  return path === "/index" ? "/" : path;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  const key = request.mode === "navigate" ? pageKey(url) : request;
  event.respondWith(
    caches
      .open(cacheName)
      .then((cache) => cache.match(key, { ignoreSearch: true }))
      .then((response) => response || fetch(request))
  );
});
`
