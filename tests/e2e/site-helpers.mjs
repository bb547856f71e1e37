// Helpers for the specs that serve the site themselves or look inside it (offline, share, embed,
// demo, privacy): servers on free ports, a copy of dist/, storage and service-worker probes. Not a
// spec file.

import { spawn } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = path.join(REPO_ROOT, 'dist');

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Serve `dir` with `python3 -m http.server` on a free port (a second origin, or a server the test
 * may stop to go offline). Returns `{ url, port, stop }`; `url` ends with "/".
 */
export async function startServer(dir = DIST) {
  const port = await freePort();
  const child = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '--directory', dir], {
    stdio: 'ignore',
  });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 100; i += 1) {
    try {
      const r = await fetch(url);
      if (r.ok) break;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    child.kill('SIGTERM');
    await new Promise((r) => (child.exitCode !== null ? r() : child.once('exit', r)));
  };
  return { url, port, stop };
}

/** A private copy of dist/ (for tests that change files, e.g. a new service-worker version). */
export async function copyDist() {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ocop-dist-copy-'));
  await cp(DIST, dir, { recursive: true });
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

/** Choose the first product set found by `query` and wait for its questionnaire. */
export async function openSet(page, query) {
  await page.fill('#set-search', query);
  await page.locator('.results li.set button').first().click();
  await page.locator('.questionnaire[data-complete="true"]').waitFor();
}

/** The total shown in the result bar. */
export async function total(page) {
  return Number(await page.locator('.bar-total .num').textContent());
}

/** Every local-storage key and value of the page's origin. */
export function localStorageDump(page) {
  return page.evaluate(() => {
    const out = {};
    for (let i = 0; i < localStorage.length; i += 1) {
      const k = localStorage.key(i);
      out[k] = localStorage.getItem(k);
    }
    return out;
  });
}

/** Wait until a service worker controls the page (it precached the whole app before that). */
export async function waitForServiceWorker(page) {
  await page.waitForFunction(() => navigator.serviceWorker && navigator.serviceWorker.controller !== null, null, {
    timeout: 30_000,
  });
}

/** The version of the controlling service worker (asks it with a "version" message). */
export function serviceWorkerVersion(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const c = navigator.serviceWorker.controller;
        if (!c) return resolve(null);
        const onMessage = (e) => {
          if (e.data && e.data.type === 'ocop-self-check:sw-version') {
            navigator.serviceWorker.removeEventListener('message', onMessage);
            resolve(e.data.version);
          }
        };
        navigator.serviceWorker.addEventListener('message', onMessage);
        c.postMessage('version');
      }),
  );
}

/** The site built with the error screen's test hook (`scripts/build.sh --test-hooks`, run by
 * scripts/test.sh); dist/ ignores #test-panic. */
export const HOOKS_DIST = path.join(REPO_ROOT, 'target', 'dist-test-hooks');

/** A server over HOOKS_DIST; fails, saying how to build it, when it is missing. */
export async function startHooksServer() {
  const { existsSync } = await import('node:fs');
  if (!existsSync(path.join(HOOKS_DIST, 'index.html'))) {
    throw new Error(`${HOOKS_DIST} is missing: run scripts/build.sh --test-hooks (scripts/test.sh does)`);
  }
  return startServer(HOOKS_DIST);
}
