// OCOP self-check service worker (template: scripts/build.sh fills in the version, the file list
// with each file's size and SHA-256, and last-resort copies of index.html, static/boot.js and
// static/boot-failure.js, and writes it to dist/sw.js, beside index.html, so its scope is the
// app's directory, whatever sub-path the app is served under).
//
// It only ever hands the page bytes it has checked against the build's hash list:
// - install: every file of the site (app shell, the three modules, ALL 26 rubric files) is
//   fetched, its size and SHA-256 checked BEFORE it is cached; a file that does not match (a
//   captive portal's login page, a truncated download, a file of another deploy) is fetched once
//   more bypassing the HTTP cache, and if it still does not match the install fails: a version
//   with a bad or missing file is never activated, and the old version keeps serving;
// - fetch: the site's files are served cache-first, but each cached copy is checked against its
//   hash before it is served (a start-up reads ~0.8 MB: a few ms); a copy that does not match is
//   replaced from the network (checked, cached) and never served while the network can give a
//   good one. The .wasm modules are checked while they stream to the page's compiler, and a
//   mismatch ends the response in an error (never a complete wrong file), which boot.js repairs.
//   With no good copy anywhere, index.html, boot.js and boot-failure.js come from the copies
//   built into this script (so the page is never blank: boot.js shows its failure screen), any
//   other file is answered 503;
// - messages (protocol in README.md, "If the app will not load: repair"): the page asks the
//   worker to repair files that failed to load or compile ("ocop-self-check:repair") or to check
//   every cached file ("ocop-self-check:verify"); the answer comes back on the MessagePort sent
//   along;
// - a new version waits until the page asks it to take over ("skip-waiting" message), so the
//   user chooses when to reload; old caches are removed on activation, then the new cache is
//   checked once in the background.
// Requests the page makes with cache: "no-store" or "reload" (the repair screen's connection check
// and refresh) are left to the network. Nothing outside the worker's scope is touched. No loop:
// every file is fetched at most twice per repair, and the worker never reloads a page.
"use strict";

const VERSION = "__VERSION__";
// [{ url (relative to this script), size (bytes), sha256 (hex) }], one per file of the site.
const PRECACHE = __PRECACHE__;
// { url: { type, body } }: index.html, static/boot.js, static/boot-failure.js as built (the
// files that draw the start-up and its failure screen).
const FALLBACK = __FALLBACK__;
const CACHE = "ocop-self-check-" + VERSION;
const SCOPE = self.registration ? self.registration.scope : self.location.href.replace(/[^/]*$/, "");
const urlOf = (path) => new URL(path, SCOPE).href;
const bare = (href) => href.split(/[?#]/)[0];
const BY_URL = new Map(PRECACHE.map((entry) => [urlOf(entry.url), entry]));
const INDEX_URL = urlOf("index.html");
const INDEX = BY_URL.get(INDEX_URL);
const FALLBACK_WAIT_MS = 6000; // a hung network does not keep a page blank longer than this

async function sha256(bytes) {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  let hex = "";
  for (const b of digest) hex += b.toString(16).padStart(2, "0");
  return hex;
}

// Why `bytes` are not `entry`'s file, or null when they are.
async function problem(bytes, entry) {
  if (bytes.byteLength !== entry.size) return "size " + bytes.byteLength + " instead of " + entry.size;
  if ((await sha256(bytes)) !== entry.sha256) return "SHA-256 differs";
  return null;
}

// A response to cache and serve: the checked bytes, the server's Content-Type.
function stored(bytes, type) {
  const headers = { "Content-Length": String(bytes.byteLength) };
  if (type) headers["Content-Type"] = type;
  return new Response(bytes, { status: 200, statusText: "OK", headers });
}

// Fetch `entry` from the network and check it: first revalidating with the server's HTTP cache
// (cache: "no-cache": what the page has just downloaded comes back as "304 Not Modified" instead of
// a second download over slow mobile data), then, if that is not the right file, once more
// bypassing the HTTP cache. Resolves to a response for the cache, or rejects saying why.
async function fetchChecked(entry, signal) {
  let why = "";
  for (const mode of ["no-cache", "reload"]) {
    if (signal && signal.aborted) break;
    try {
      const response = await fetch(new Request(urlOf(entry.url), { cache: mode, signal }));
      if (!response.ok) throw new Error("HTTP " + response.status);
      const bytes = await response.arrayBuffer();
      const bad = await problem(bytes, entry);
      if (bad) throw new Error(bad);
      return stored(bytes, response.headers.get("Content-Type"));
    } catch (e) {
      why = (e && e.message) || String(e);
    }
  }
  throw new Error(entry.url + ": " + why);
}

// The cached copy of `entry` if it is the right file, else null (missing, or not the right file:
// then it is deleted, so it is never served). The check reads a clone; the response served is the
// cache's own, which streams from disk.
async function cachedChecked(entry) {
  const cached = await caches.match(urlOf(entry.url), { cacheName: CACHE });
  if (!cached) return null;
  try {
    if ((await problem(await cached.clone().arrayBuffer(), entry)) === null) return cached;
  } catch (e) {}
  await forget(entry);
  return null;
}

// Fetch, check and cache `entry` again; one at a time per file (a page asking for the same bad
// file twice shares one download).
const refetching = new Map();
function refetch(entry) {
  let p = refetching.get(entry.url);
  if (!p) {
    p = fetchChecked(entry)
      .then(async (response) => {
        // (Not into a cache the page's "repair" has just deleted: this worker is on its way out.)
        if (await caches.has(CACHE)) await (await caches.open(CACHE)).put(urlOf(entry.url), response.clone());
        return response;
      })
      .finally(() => refetching.delete(entry.url));
    refetching.set(entry.url, p);
  }
  return p.then((response) => response.clone());
}

function fallback(entry) {
  const f = FALLBACK[entry.url];
  return f && new Response(f.body, { status: 200, headers: { "Content-Type": f.type } });
}

function unavailable(entry, why) {
  return new Response(
    "Không có bản đúng của tệp này, cả trên máy lẫn trên mạng. / No good copy of this file, " +
      "neither cached nor from the network.\n" + entry.url + ": " + why + "\n",
    { status: 503, statusText: "Service Unavailable", headers: { "Content-Type": "text/plain; charset=utf-8" } }
  );
}

// The wasm modules (the big files, 0.24–0.72 MB) stream from the cache to the page's compiler
// while they are checked, so verification does not delay the compile: the bytes are passed on as
// they are read and the response ends only once the whole file has matched its hash. A file that
// does not match ends in an error instead (the page never gets a complete wrong file; boot.js
// then asks for the repair, which this also starts at once).
const STREAMED = /\.wasm$/;
function streamChecked(cached, entry) {
  const reader = cached.body.getReader();
  const chunks = [];
  let size = 0;
  const fail = (controller, why) => {
    controller.error(new Error(entry.url + ": " + why));
    reader.cancel().catch(() => {});
    forget(entry).then(() => refetch(entry)).catch(() => {});
  };
  const body = new ReadableStream({
    async pull(controller) {
      let chunk;
      try {
        chunk = await reader.read();
      } catch (e) {
        return fail(controller, "unreadable cached copy");
      }
      if (!chunk.done) {
        size += chunk.value.byteLength;
        if (size > entry.size) return fail(controller, "larger than " + entry.size + " bytes");
        chunks.push(chunk.value);
        controller.enqueue(chunk.value);
        return;
      }
      const bytes = new Uint8Array(size);
      let at = 0;
      for (const c of chunks) {
        bytes.set(c, at);
        at += c.byteLength;
      }
      chunks.length = 0;
      const bad = await problem(bytes, entry);
      if (bad) fail(controller, bad);
      else controller.close();
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return new Response(body, { status: 200, headers: cached.headers });
}

// Remove `entry`'s cached copy (it is not the right file).
async function forget(entry) {
  if (await caches.has(CACHE)) await (await caches.open(CACHE)).delete(urlOf(entry.url));
}

// Serve one of the site's files: the cached copy if it is the right file, else the network's
// (checked, and cached for next time), else the built-in copy (index.html, boot.js,
// boot-failure.js) or a 503.
async function serve(entry, event) {
  if (STREAMED.test(entry.url)) {
    const cached = await caches.match(urlOf(entry.url), { cacheName: CACHE }).catch(() => null);
    if (cached && cached.body) return streamChecked(cached, entry);
  } else {
    const good = await cachedChecked(entry).catch(() => null);
    if (good) return good;
  }
  const fresh = refetch(entry);
  try {
    event.waitUntil(fresh.catch(() => {})); // the repair finishes even if the page stops waiting
  } catch (e) {}
  const last = fallback(entry);
  if (!last) return fresh.catch((e) => unavailable(entry, e.message));
  const timeout = new Promise((resolve) => setTimeout(() => resolve(last), FALLBACK_WAIT_MS));
  return Promise.race([fresh, timeout]).catch(() => last);
}

// Check every cached file (one at a time: a few MB of memory at most); `repair` refetches the bad
// ones. Answers counts, the files found bad and what became of them, and the time taken.
async function verifyAll(repair) {
  const t0 = Date.now();
  const result = { version: VERSION, files: PRECACHE.length, bytes: 0, bad: [], repaired: [], failed: [] };
  for (const entry of PRECACHE) {
    if (await cachedChecked(entry).catch(() => null)) {
      result.bytes += entry.size;
      continue;
    }
    result.bad.push(entry.url);
    if (!repair) continue;
    try {
      await refetch(entry);
      result.repaired.push(entry.url);
    } catch (e) {
      result.failed.push(entry.url);
    }
  }
  result.ms = Date.now() - t0;
  return result;
}

// Repair the files the page names (URLs, absolute or relative to the app, any query string):
// each is "good" (the cached copy matches its hash: nothing to do), "repaired" (fetched again,
// checked, cached), "failed" (no good copy from the network either) or "unknown" (not a file of
// the site).
async function repairFiles(urls) {
  const list = Array.isArray(urls) ? urls.slice(0, 64) : [];
  return Promise.all(
    list.map(async (u) => {
      let entry;
      try {
        entry = BY_URL.get(bare(new URL(String(u), SCOPE).href));
      } catch (e) {}
      if (!entry) return { url: String(u), status: "unknown" };
      if (await cachedChecked(entry).catch(() => null)) return { url: entry.url, status: "good" };
      try {
        await refetch(entry);
        return { url: entry.url, status: "repaired" };
      } catch (e) {
        return { url: entry.url, status: "failed", reason: e.message };
      }
    })
  );
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      // Everything is downloaded and checked before anything is cached: one bad file and the
      // install fails (this version is discarded; the active one, if any, keeps serving).
      // The first file that fails stops the other downloads (the install is lost anyway).
      const abort = new AbortController();
      const responses = await Promise.all(
        PRECACHE.map((entry) =>
          fetchChecked(entry, abort.signal).catch((e) => {
            abort.abort();
            throw e;
          })
        )
      );
      const cache = await caches.open(CACHE);
      try {
        await Promise.all(PRECACHE.map((entry, i) => cache.put(urlOf(entry.url), responses[i])));
      } catch (e) {
        // e.g. the quota: no half-filled cache for this version (the version hash covers this
        // script too, so CACHE is never the cache of the worker in charge).
        await caches.delete(CACHE);
        throw e;
      }
    })()
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
      // One check of the new cache, in the background (it does not hold the page's requests).
      .then(() => {
        verifyAll(true).catch(() => {});
      })
  );
});

self.addEventListener("message", (event) => {
  const data = event.data;
  if (data === "skip-waiting") self.skipWaiting();
  if (data === "version" && event.source) {
    event.source.postMessage({ type: "ocop-self-check:sw-version", version: VERSION });
  }
  if (!data || typeof data !== "object") return;
  const port = event.ports && event.ports[0];
  const reply = (message) => {
    if (port) port.postMessage(message);
    else if (event.source) event.source.postMessage(message);
  };
  if (data.type === "ocop-self-check:repair") {
    event.waitUntil(
      repairFiles(data.urls).then((files) =>
        reply({ type: "ocop-self-check:repair-result", version: VERSION, files })
      )
    );
  } else if (data.type === "ocop-self-check:verify") {
    event.waitUntil(
      verifyAll(data.repair !== false).then((result) =>
        reply(Object.assign({ type: "ocop-self-check:verify-result" }, result))
      )
    );
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || !url.href.startsWith(SCOPE)) return;
  // The page asked for the network itself (the repair screen's connection check and refresh).
  if ((request.cache === "no-store" || request.cache === "reload") && request.mode !== "navigate") return;
  const href = bare(url.href);
  // Navigations to the app (the scope root or index.html, any query string) get index.html; other
  // pages of the site (e.g. static/embed-example.html) their own file.
  if (request.mode === "navigate" && (href === SCOPE || href === INDEX_URL)) {
    event.respondWith(serve(INDEX, event));
    return;
  }
  const entry = BY_URL.get(href);
  if (entry) {
    event.respondWith(serve(entry, event));
    return;
  }
  // Not a file of the site: a copy cached under that address (none today), else the network.
  event.respondWith(
    caches.match(request, { cacheName: CACHE, ignoreSearch: true }).then((cached) => cached || fetch(request))
  );
});
