// The offline copy heals itself (issue 11, item 6; review finding F2). The service worker checks
// every file against the build's size + SHA-256 list before caching it and before serving it, so:
// a captive portal during an update never activates a broken version; a damaged cached file is
// replaced from the network; a file that fails to load is repaired and loaded once more; and when
// nothing can help (offline with a damaged copy), the start-up failure screen offers the drafts'
// download and a repair that deletes only the app's caches.
//
// Each test runs its own server (tests/e2e/heal-helpers.mjs: 127.0.0.1 only) over dist/ or a copy,
// so it can turn into a captive portal, fail requests or drop the network.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { launchBrowser, newPhonePage, shot } from './helpers.mjs';
import {
  DIST,
  REPO_ROOT,
  copyDist,
  localStorageDump,
  serviceWorkerVersion,
  waitForServiceWorker,
} from './site-helpers.mjs';
import {
  PORTAL_PAGE,
  askWorker,
  cacheNames,
  corruptCached,
  startSiteServer,
} from './heal-helpers.mjs';
import { deleteDatabase, storedDrafts, storedRecords } from './store-helpers.mjs';

const AXE = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const STORE = 'ocop-self-check/store';
const FROZEN = await readFile(path.join(REPO_ROOT, 'tests', 'data', 'store-v1.json'), 'utf8');
// The frozen store's drafts as the database keeps them: moved unchanged, but with the one field
// added since that store was written (src/draft/details.rs) filled in as empty.
const FROZEN_DRAFTS = JSON.parse(FROZEN).drafts.map((d) =>
  d.producer ? { ...d, producer: { representative_disability: '', ...d.producer } } : d);
// What the page's console may say when files fail on purpose.
const EXPECTED = [/Failed to load resource/, /net::ERR_/, /ERR_INTERNET_DISCONNECTED/, /Failed to fetch/];

const ready = (page) => page.locator('.questionnaire[data-complete="true"]').waitFor();
// The drafts the app keeps (in the database since issue 11), in id order like the frozen store.
const drafts = async (page) => sortById(await storedDrafts(page));
const sortById = (list) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
const verify = (page, repair = true) => askWorker(page, { type: 'ocop-self-check:verify', repair });

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** A first visit (the worker installs), then the frozen v1 store is saved and the app reopened
 * (it moves the drafts into its database). */
async function visitWithDrafts(server, opts = {}) {
  const { context, page, errors } = await newPhonePage(browser, { ignore: EXPECTED, ...opts });
  await page.goto(server.url);
  await page.locator('#set-search').waitFor();
  await waitForServiceWorker(page);
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORE, FROZEN]);
  await page.reload();
  await ready(page);
  return { context, page, errors };
}

/** A "new version" in `dir`: app.css changed (with its new size and hash in sw.js), new VERSION. */
async function deployNewVersion(dir) {
  const cssPath = path.join(dir, 'static', 'app.css');
  const css = `${await readFile(cssPath, 'utf8')}\n/* next version */\n`;
  await writeFile(cssPath, css);
  const bytes = Buffer.from(css);
  const sha = createHash('sha256').update(bytes).digest('hex');
  const swPath = path.join(dir, 'sw.js');
  const sw = await readFile(swPath, 'utf8');
  const next = sw
    .replace(
      /\{"url": "static\/app\.css", "size": \d+, "sha256": "[0-9a-f]+"\}/,
      `{"url": "static/app.css", "size": ${bytes.length}, "sha256": "${sha}"}`,
    )
    .replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1-next"');
  assert.notEqual(next, sw);
  assert.ok(next.includes(sha), 'the new hash is in the list');
  await writeFile(swPath, next);
}

/** reg.update(), then what became of the new worker: "installed" or "redundant". */
function updateOutcome(page) {
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        navigator.serviceWorker.getRegistration().then((reg) => {
          const t0 = performance.now();
          reg.addEventListener(
            'updatefound',
            () => {
              const w = reg.installing;
              w.addEventListener('statechange', () => {
                if (w.state === 'installed' || w.state === 'redundant') {
                  resolve({ state: w.state, ms: Math.round(performance.now() - t0) });
                }
              });
            },
            { once: true },
          );
          reg.update().catch((e) => resolve({ state: `update() failed: ${e}` }));
        });
      }),
  );
}

test('captive portal during an update: the old version keeps serving; once the portal is gone the update installs', async () => {
  const copy = await copyDist();
  const server = await startSiteServer(copy.dir);
  const { context, page, errors } = await visitWithDrafts(server);
  try {
    const v1 = await serviceWorkerVersion(page);
    const before = await drafts(page);
    await deployNewVersion(copy.dir);

    // Public Wi-Fi before login: every URL is "200 OK" + its login page, except the worker script
    // (the portal appeared while the update was installing).
    server.portal(true, { except: /\/sw\.js$/ });
    const mark = server.log.length;
    const outcome = await updateOutcome(page);
    assert.equal(outcome.state, 'redundant', 'the new version was not installed');
    const portalLog = server.log.slice(mark).filter((l) => !/\/sw\.js/.test(l));
    assert.ok(portalLog.some((l) => / 200$/.test(l)), 'the portal answered');
    console.log(`# under the portal the install made ${portalLog.length} requests before giving up (42 files)`);
    assert.equal(await page.locator('#update-notice').count(), 0, 'no update offered');
    assert.deepEqual(await cacheNames(page), [`ocop-self-check-${v1}`], 'no cache of the broken version');

    // The user reloads three times, the portal still there: the old version serves everything.
    for (let i = 0; i < 3; i += 1) {
      await page.reload();
      await ready(page);
      assert.equal(await serviceWorkerVersion(page), v1);
      assert.deepEqual(await drafts(page), before);
    }
    await shot(page, 'sw-heal-portal-old-version-serves', { fullPage: false });

    // The portal is gone: the update installs, is offered, and takes over on "Reload".
    server.portal(false);
    const ok = await updateOutcome(page);
    assert.equal(ok.state, 'installed');
    const files = (await verify(page, false)).files;
    console.log(`# update installed (${files} files downloaded or revalidated, each checked) in ${ok.ms} ms`);
    await page.locator('#update-notice').waitFor({ timeout: 30_000 });
    await Promise.all([page.waitForEvent('load'), page.click('#update-reload')]);
    await ready(page);
    assert.equal(await serviceWorkerVersion(page), `${v1}-next`);
    const css = await page.evaluate(() => fetch('static/app.css').then((r) => r.text()));
    assert.ok(css.includes('/* next version */'), 'the new file is served');
    assert.deepEqual(await drafts(page), before, 'the drafts are all there');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.stop();
    await copy.remove();
  }
});

test('a damaged cached file never reaches the app: glue and sheets replaced before they are served, a wasm module\'s load aborted, repaired and retried (full app, start module, dossier); drafts stay', async () => {
  const server = await startSiteServer(DIST);
  const { context, page, errors } = await newPhonePage(browser, { ignore: EXPECTED });
  try {
    await page.goto(server.url);
    await page.locator('#set-search').waitFor();
    await waitForServiceWorker(page);
    const wasm = await readFile(path.join(DIST, 'ocop-self-check_bg.wasm'));
    const sheet10 = await readFile(path.join(DIST, 'static', 'rubric', 'QD26-10.json'), 'utf8');

    // The start module (a first visit: nothing saved).
    assert.equal(await corruptCached(page, 'ocop-start_bg.wasm', 'garbage', 'application/wasm'), 1);
    await page.reload();
    await page.locator('#start #set-search').waitFor();
    assert.deepEqual((await verify(page, false)).bad, [], 'the cache holds the right file again');

    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORE, FROZEN]);
    const variants = [
      ['full-app wasm = garbage', 'ocop-self-check_bg.wasm', 'not wasm at all', 'application/wasm'],
      ['full-app wasm truncated to half', 'ocop-self-check_bg.wasm', wasm.subarray(0, wasm.length >> 1), 'application/wasm'],
      ['JS glue that throws', 'ocop-self-check.js', 'throw new Error("damaged glue");', 'text/javascript'],
      ['JS glue empty', 'ocop-self-check.js', '', 'text/javascript'],
    ];
    for (const [what, file, body, type] of variants) {
      assert.equal(await corruptCached(page, file, body, type), 1, what);
      const mark = server.log.length;
      await page.reload();
      await ready(page);
      // Fetched again: revalidated ("304": the HTTP cache had the right bytes) or downloaded.
      assert.ok(server.log.slice(mark).some((l) => new RegExp(`/${file} (200|304)$`).test(l)), `${what}: fetched again`);
      assert.deepEqual((await verify(page, false)).bad, [], `${what}: repaired in the cache`);
    }

    // Scoring sheets: invalid JSON, and the sheet of another set under QD26-09's name.
    for (const [what, body] of [['invalid JSON', '{"format": "ocop-self-check/rub'], ['holds QD26-10', sheet10]]) {
      assert.equal(await corruptCached(page, 'static/rubric/QD26-09.json', body, 'application/json'), 1);
      await page.goto(`${server.url}?set=QD26-09`);
      await ready(page);
      assert.equal(await page.inputValue('#draft-title'), 'Nước mắm <Cô Ba> & "nhãn"', `sheet ${what}`);
      assert.equal(await page.locator('[role=alert]').count(), 0, `sheet ${what}: no error`);
    }

    // The dossier writer: the .docx is made at the first attempt.
    assert.equal(await corruptCached(page, 'ocop-dossier_bg.wasm', 'garbage', 'application/wasm'), 1);
    await page.click('#open-details');
    await page.locator('#f-producer-name').waitFor();
    const [docx] = await Promise.all([page.waitForEvent('download'), page.click('#dl-docx')]);
    assert.match(docx.suggestedFilename(), /\.docx$/);

    assert.deepEqual((await verify(page, false)).bad, []);
    assert.deepEqual(await drafts(page), FROZEN_DRAFTS, 'the drafts are untouched');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.stop();
  }
});

test('a file that fails to load is repaired by the worker and loaded once more (a flaky network)', async () => {
  const server = await startSiteServer(DIST);
  const { context, page, errors } = await visitWithDrafts(server);
  try {
    const warnings = [];
    page.on('console', (m) => m.type() === 'warning' && warnings.push(m.text()));
    // The cached wasm is damaged and the network fails twice: the worker has no good copy for the
    // first load; boot.js asks it to repair the file and loads the app once more.
    await corruptCached(page, 'ocop-self-check_bg.wasm', 'garbage', 'application/wasm');
    server.failNext(/ocop-self-check_bg\.wasm$/, 2);
    const mark = server.log.length;
    await page.reload();
    await ready(page);
    const wasmLog = server.log.slice(mark).filter((l) => l.includes('ocop-self-check_bg.wasm'));
    assert.deepEqual(wasmLog.map((l) => l.split(' ').pop()), ['503', '503', '200'], wasmLog.join('\n'));
    assert.ok(warnings.some((w) => /ocop-self-check did not load; repairing/.test(w)), warnings.join('\n'));
    assert.deepEqual((await verify(page, false)).bad, []);
    assert.deepEqual(await drafts(page), FROZEN_DRAFTS);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.stop();
  }
});

test('an empty or foreign cached index.html: repaired online; offline the worker\'s own copy opens the app', async () => {
  const server = await startSiteServer(DIST);
  const { context, page, errors } = await visitWithDrafts(server);
  try {
    for (const [what, body] of [['empty', ''], ['a captive portal page', PORTAL_PAGE]]) {
      assert.equal(await corruptCached(page, 'index.html', body, 'text/html'), 1);
      await page.reload();
      await ready(page);
      assert.deepEqual((await verify(page, false)).bad, [], `${what}: repaired`);
    }

    // Offline, damaged index.html: not a blank page; the app opens from the worker's copy.
    await corruptCached(page, 'index.html', '', 'text/html');
    server.down(true);
    await context.setOffline(true);
    await page.reload();
    await ready(page);
    assert.deepEqual(await drafts(page), FROZEN_DRAFTS);
    await shot(page, 'sw-heal-index-offline', { fullPage: false });
    assert.deepEqual((await verify(page, false)).bad, ['index.html'], 'still damaged in the cache (offline)');

    // Back online: the next load repairs it.
    server.down(false);
    await context.setOffline(false);
    await page.reload();
    await ready(page);
    assert.deepEqual((await verify(page, false)).bad, []);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.stop();
  }
});

test('offline with a damaged copy: the failure screen downloads the drafts (local storage + IndexedDB); repair waits for the network, then clears only the app\'s caches', async () => {
  // Under a sub-path, as on an agency's site (the repair unregisters only this app's worker).
  const server = await startSiteServer(DIST, { prefix: '/apps/ocop' });
  const { context, page, errors } = await visitWithDrafts(server, { ignore: [...EXPECTED, /ocop-self-check_bg\.wasm: HTTP 503/] });
  try {
    // Another app's worker on the same origin (repair must leave it alone).
    await page.evaluate(() => navigator.serviceWorker.register('/other-app/sw.js', { scope: '/other-app/' }));
    await corruptCached(page, 'ocop-self-check_bg.wasm', 'garbage', 'application/wasm');
    // The files that draw the screen are damaged too: the worker's built-in copies draw it.
    await corruptCached(page, 'index.html', '', 'text/html');
    await corruptCached(page, 'static/boot.js', 'throw 1', 'text/javascript');
    await corruptCached(page, 'static/boot-failure.js', '', 'text/javascript');
    server.down(true);
    await context.setOffline(true);
    await page.reload();
    const screen = page.locator('#boot-failure');
    await screen.waitFor();
    const text = await screen.textContent();
    assert.match(text, /Không mở được ứng dụng/);
    assert.match(text, /The app could not open/);
    assert.match(text, /Bản nháp của bạn được giữ nguyên/);
    assert.ok(text.indexOf('Tải các bản nháp về máy') < text.indexOf('Download the drafts'), 'Vietnamese first');
    for (const name of [/Tải các bản nháp về máy/, /Sửa ứng dụng/, /Tải lại trang/]) {
      assert.equal(await page.getByRole('button', { name }).count(), 1, String(name));
    }
    assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.tagName), 'H1');
    // WCAG A/AA (axe-core, as in a11y.spec.mjs).
    await page.evaluate(AXE);
    const axe = await page.evaluate(() => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
      resultTypes: ['violations'],
    }));
    assert.deepEqual(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`), []);
    await shot(page, 'sw-heal-failure-offline', { fullPage: false });
    await shot(page, 'sw-heal-failure-offline-full');

    // Download: the drafts of the database (the app moved them there), read by the failure
    // screen itself; looking changes nothing.
    const download = async () => {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#boot-download')]);
      assert.match(dl.suggestedFilename(), /^ocop-ban-nhap-\d{4}-\d\d-\d\d\.json$/);
      return JSON.parse(await readFile(await dl.path(), 'utf8'));
    };
    const records = await storedRecords(page);
    assert.equal(records.length, 3);
    const first = await download();
    assert.equal(first.format, 'ocop-self-check/store');
    assert.equal(first.version, 1);
    assert.deepEqual(sortById(first.drafts), FROZEN_DRAFTS);
    assert.deepEqual(await storedRecords(page), records, 'the database untouched by the download');

    // Drafts an older version left in local storage (it never ran the move) come along too: one
    // per id, the database's copy wins.
    const d1old = { ...FROZEN_DRAFTS[0], title: 'Nước mắm (bản cũ trong bộ nhớ cục bộ)' };
    const d7 = { format: 'ocop-self-check/draft', version: 1, rubric: 'QD26-2026', product_set: 'QD26-07', id: 'd7', answers: { '1.1': 2 } };
    const old = { format: 'ocop-self-check/store', version: 1, lang: 'vi', current: 'd1', drafts: [d1old, d7] };
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [STORE, JSON.stringify(old)]);
    const second = await download();
    const byId = Object.fromEntries(second.drafts.map((d) => [d.id, d]));
    assert.deepEqual(Object.keys(byId).sort(), ['d1', 'd2', 'd3', 'd7']);
    assert.equal(second.drafts.length, 4);
    assert.deepEqual(byId.d1, FROZEN_DRAFTS[0], 'the database copy wins');
    assert.deepEqual(byId.d7, d7);
    assert.deepEqual(byId.d2, FROZEN_DRAFTS[1]);
    await page.evaluate((k) => localStorage.removeItem(k), STORE);

    // Another app's cache on the same origin, and a marker in this app's cache.
    await page.evaluate(async () => {
      await (await caches.open('other-app-v1')).put(new URL('other-marker', location.href), new Response('kept'));
      const mine = (await caches.keys()).find((n) => n.startsWith('ocop-self-check-'));
      await (await caches.open(mine)).put(new URL('ocop-marker', location.href), new Response('gone'));
    });
    const storage = await localStorageDump(page);
    const cachesBefore = await cacheNames(page);

    // Repair offline: it says it needs the network and deletes nothing.
    await page.click('#boot-repair');
    await page.locator('#boot-repair-note', { hasText: 'Cần có kết nối mạng' }).waitFor();
    await page.locator('#boot-repair-note').scrollIntoViewIfNeeded();
    assert.deepEqual(await cacheNames(page), cachesBefore);
    assert.ok(await page.evaluate(() => caches.match(new URL('ocop-marker', location.href))), 'nothing deleted');
    assert.ok(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!r)));
    await shot(page, 'sw-heal-repair-offline', { fullPage: false });

    // Online again: repair deletes this app's caches and worker only, and the app opens.
    server.down(false);
    await context.setOffline(false);
    await Promise.all([page.waitForEvent('load'), page.click('#boot-repair')]);
    await ready(page);
    await waitForServiceWorker(page);
    const after = await page.evaluate(async () => ({
      mine: !!(await caches.match(new URL('ocop-marker', location.href))),
      other: await (await caches.match(new URL('other-marker', location.href)))?.text(),
    }));
    assert.deepEqual(after, { mine: false, other: 'kept' });
    assert.ok(await page.evaluate(() => navigator.serviceWorker.getRegistration('/other-app/').then((r) => !!r)),
      'the other app\'s worker is still registered');
    assert.ok((await cacheNames(page)).includes('other-app-v1'));
    assert.deepEqual((await verify(page, false)).bad, [], 'a fresh, complete copy');
    assert.deepEqual(await localStorageDump(page), storage, 'local storage untouched');
    assert.deepEqual(await storedRecords(page), records, 'the database untouched');
    assert.deepEqual(await drafts(page), FROZEN_DRAFTS);
    await shot(page, 'sw-heal-repaired', { fullPage: false });
    assert.deepEqual(errors.filter((e) => !/did not load|HTTP 503|could not/.test(e)), []);
  } finally {
    await context.close();
    await server.stop();
  }
});

test('a server that keeps failing: a bounded number of tries, then the failure screen (no reload loop)', async () => {
  const server = await startSiteServer(DIST);
  const { context, page } = await visitWithDrafts(server, { ignore: [/./] });
  try {
    await corruptCached(page, 'ocop-self-check_bg.wasm', 'garbage', 'application/wasm');
    server.failNext(/ocop-self-check_bg\.wasm$/, 1000);
    const mark = server.log.length;
    let loads = 0;
    page.on('load', () => { loads += 1; });
    await page.reload();
    await page.locator('#boot-failure').waitFor();
    const wasmTries = () => server.log.slice(mark).filter((l) => l.includes('ocop-self-check_bg.wasm'));
    const atScreen = wasmTries().length;
    await page.waitForTimeout(3000);
    const tries = wasmTries();
    // Each refetch is 2 requests: the worker's, when the damaged stream ends (boot.js's repair
    // shares it or follows it), and the second load's. Then nothing more.
    assert.ok(tries.length >= 4 && tries.length <= 6, tries.join('\n'));
    assert.equal(tries.length, atScreen, 'no request after the failure screen');
    assert.equal(loads, 1, 'the page was not reloaded by itself');
    assert.match(await page.locator('#boot-failure').textContent(), /bị hỏng trên máy và không tải lại được từ mạng/);
    await shot(page, 'sw-heal-failure-online', { fullPage: false });

    // A first visit's start module, nothing saved: the same screen; the download says there is
    // nothing to download.
    await page.evaluate(() => localStorage.clear());
    assert.equal(await deleteDatabase(page), 'deleted');
    await corruptCached(page, 'ocop-start_bg.wasm', 'garbage', 'application/wasm');
    server.failNext(/ocop-start_bg\.wasm$/, 1000);
    await page.reload();
    await page.locator('#boot-failure').waitFor();
    let downloaded = false;
    page.on('download', () => { downloaded = true; });
    await page.click('#boot-download');
    await page.locator('#boot-download-note', { hasText: 'Không có bản nháp nào được lưu trên máy này.' }).waitFor();
    assert.equal(downloaded, false);
  } finally {
    await context.close();
    await server.stop();
  }
});

test('boot.js never arrives (no worker yet): after 30 s the loading line says what to do', async () => {
  const server = await startSiteServer(DIST);
  const { context, page } = await newPhonePage(browser, { serviceWorkers: 'block', ignore: [/./] });
  try {
    await page.route(/static\/boot\.js/, (route) => route.abort());
    const cdp = await context.newCDPSession(page);
    await cdp.send('Animation.enable');
    await cdp.send('Animation.setPlaybackRate', { playbackRate: 100 }); // 30 s in 0.3 s
    await page.goto(server.url);
    const hint = page.locator('#boot .boot-slow');
    await page.waitForFunction(() => getComputedStyle(document.querySelector('#boot .boot-slow')).visibility === 'visible');
    assert.match(await hint.textContent(), /hãy kiểm tra kết nối mạng rồi tải lại trang/);
    await shot(page, 'sw-heal-boot-stuck', { fullPage: false });
  } finally {
    await context.close();
    await server.stop();
  }
});
