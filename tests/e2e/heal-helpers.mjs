// Helpers for tests/e2e/sw-heal.spec.mjs (the offline copy heals itself). Not a spec file.
//
// `startSiteServer(dir)` serves a directory on 127.0.0.1 (a free port) like a plain static web
// server (Content-Type by extension, Last-Modified / ETag and "304 Not Modified", Cache-Control:
// no-cache), and lets the test change how it answers while it runs:
//   server.portal(true)             every URL answers "200 OK" + a login page, like public Wi-Fi
//                                   before you log in (`{ except: /sw\.js$/ }` lets the worker
//                                   script through: the portal appeared while an update installed)
//   server.failNext(/re/, n)        the next n requests whose path matches answer 503
//   server.down(true)               every connection is dropped (a network error: no Wi-Fi)
//   server.log                      every request as "GET /path status"
//   server.stop()
// `startSiteServer(dir, { prefix: '/apps/ocop' })` serves the site under that sub-path instead.
// `/other-app/sw.js` is always there: a second app's worker on the same origin (repair must leave
// it alone).

import http from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { freePort } from './site-helpers.mjs';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export const PORTAL_PAGE =
  '<!doctype html><html><head><title>Đăng nhập Wi-Fi</title></head><body>' +
  '<h1>Chào mừng đến Wi-Fi miễn phí</h1><form><input name="phone"><button>Đăng nhập</button></form></body></html>';

export async function startSiteServer(dir, { prefix = '' } = {}) {
  const root = path.resolve(dir);
  const sub = prefix.replace(/\/+$/, '');
  const port = await freePort();
  const state = { portal: false, portalExcept: null, failures: [], down: false };
  const log = [];
  const server = http.createServer(async (req, res) => {
    const done = (status, headers, body) => {
      log.push(`${req.method} ${req.url} ${status}`);
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : body);
    };
    if (state.down) {
      log.push(`${req.method} ${req.url} dropped`);
      req.socket.destroy();
      return;
    }
    try {
      let p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
      if (p === '/other-app/sw.js') {
        return done(200, { 'Content-Type': 'text/javascript' }, 'self.addEventListener("fetch", () => {});');
      }
      if (sub) {
        if (!p.startsWith(`${sub}/`)) return done(404, { 'Content-Type': 'text/plain' }, 'not found');
        p = p.slice(sub.length);
      }
      if (state.portal && !(state.portalExcept && state.portalExcept.test(p))) {
        done(200, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' }, PORTAL_PAGE);
        return;
      }
      const fail = state.failures.find((f) => f.n > 0 && f.re.test(p));
      if (fail) {
        fail.n -= 1;
        done(503, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-store' }, 'try later');
        return;
      }
      const file = path.join(root, p.endsWith('/') ? `${p}index.html` : p);
      if (!file.startsWith(root)) return done(403, {}, '');
      const st = await stat(file).catch(() => null);
      if (!st || !st.isFile()) return done(404, { 'Content-Type': 'text/plain' }, 'not found');
      const body = await readFile(file);
      const etag = `"${st.size.toString(16)}-${Math.floor(st.mtimeMs).toString(16)}"`;
      const headers = {
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Cache-Control': 'no-cache',
        ETag: etag,
        'Last-Modified': st.mtime.toUTCString(),
      };
      if (req.headers['if-none-match'] === etag) return done(304, headers, '');
      done(200, { ...headers, 'Content-Length': body.length }, body);
    } catch (e) {
      done(500, { 'Content-Type': 'text/plain' }, String(e));
    }
  });
  server.keepAliveTimeout = 1000;
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  let stopped = false;
  return {
    url: `http://127.0.0.1:${port}${sub}/`,
    port,
    log,
    portal(on, { except = null } = {}) {
      state.portal = on;
      state.portalExcept = except;
    },
    down(on) {
      state.down = on;
      if (on) server.closeAllConnections();
    },
    failNext(re, n) {
      state.failures.push({ re, n });
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Ask the page's service worker something (see static/sw.js, "messages"); resolves to its answer. */
export function askWorker(page, message) {
  return page.evaluate(
    (m) =>
      new Promise((resolve, reject) => {
        const w = navigator.serviceWorker.controller;
        if (!w) return reject(new Error('no controller'));
        const ch = new MessageChannel();
        ch.port1.onmessage = (e) => resolve(e.data);
        w.postMessage(m, [ch.port2]);
      }),
    message,
  );
}

/** Replace the cached copy of `file` (relative to the app) in every ocop-self-check-* cache. */
export function corruptCached(page, file, body, type = 'application/octet-stream') {
  return page.evaluate(
    async ([f, b, t]) => {
      const target = new URL(f, location.href).href;
      let n = 0;
      for (const name of await caches.keys()) {
        if (!name.startsWith('ocop-self-check-')) continue;
        const cache = await caches.open(name);
        if (!(await cache.match(target))) continue;
        await cache.put(target, new Response(b, { headers: { 'Content-Type': t } }));
        n += 1;
      }
      return n;
    },
    [file, body, type],
  );
}

/** The names of the caches of the page's origin. */
export function cacheNames(page) {
  return page.evaluate(() => caches.keys());
}

