// OCOP self-check service worker (template: scripts/build.sh fills in the version and the file
// list and writes it to dist/sw.js, beside index.html, so its scope is the app's directory,
// whatever sub-path the app is served under).
//
// - install: cache the app shell and ALL 26 rubric files, so a set never opened online still
//   works offline;
// - fetch: same-origin GETs are served cache-first (navigations to the app get the cached
//   index.html, query string ignored so embed parameters work offline); nothing else is touched;
// - a new version waits until the page asks it to take over ("skip-waiting" message), so the
//   user chooses when to reload; old caches are removed on activation.
"use strict";

const VERSION = "__VERSION__";
const PRECACHE = __PRECACHE__;
const CACHE = "ocop-self-check-" + VERSION;
const SCOPE = self.registration ? self.registration.scope : self.location.href.replace(/[^/]*$/, "");
const urlOf = (path) => new URL(path, SCOPE).href;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) =>
      // cache: "no-cache" revalidates with the server, so a new version never stores stale
      // files, while what the page has just downloaded (the start module, a sheet) comes back as
      // "304 Not Modified" instead of a second download over slow mobile data.
      Promise.all(
        PRECACHE.map((path) =>
          fetch(new Request(urlOf(path), { cache: "no-cache" })).then((response) => {
            if (!response.ok) throw new Error(path + ": HTTP " + response.status);
            return cache.put(urlOf(path), response);
          })
        )
      )
    )
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith("ocop-self-check-") && k !== CACHE)
            .map((k) => caches.delete(k))
        )
      )
      .then(() => self.clients.claim())
  );
});

self.addEventListener("message", (event) => {
  if (event.data === "skip-waiting") self.skipWaiting();
  if (event.data === "version" && event.source) {
    event.source.postMessage({ type: "ocop-self-check:sw-version", version: VERSION });
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;
  // Navigations to the app (the scope root or index.html, any query string) get the cached
  // index.html; other pages of the site (e.g. static/embed-example.html) their own cached copy.
  const isApp = url.href.split(/[?#]/)[0] === SCOPE || url.href.split(/[?#]/)[0] === urlOf("index.html");
  if (request.mode === "navigate" && isApp) {
    event.respondWith(
      caches
        .match(urlOf("index.html"), { cacheName: CACHE })
        .then((cached) => cached || fetch(request))
        .catch(() => fetch(request))
    );
    return;
  }
  event.respondWith(
    caches.match(request, { cacheName: CACHE, ignoreSearch: true }).then((cached) => {
      if (cached) return cached;
      return fetch(request);
    })
  );
});
