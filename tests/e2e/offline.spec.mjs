// Installable and offline (issue 5): after one online visit the service worker has cached the app
// and all 26 scoring sheets, so with the server gone and the network off a reload works and a
// product set never opened online can be assessed. A new version waits until the user taps
// "Reload", and the drafts saved by the previous version open in the new one.
//
// Each test runs its own server (python3 -m http.server over dist/ or a copy of it) so it can stop
// it or change files without disturbing the other specs.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser, newPhonePage, shot } from './helpers.mjs';
import {
  copyDist,
  openSet,
  serviceWorkerVersion,
  startServer,
  total,
  waitForServiceWorker,
} from './site-helpers.mjs';

import { deviceDump, waitForStored } from './store-helpers.mjs';
let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

test('offline after one visit: reload, then assess a set never opened online', async () => {
  const server = await startServer();
  const { context, page, errors } = await newPhonePage(browser, {
    // Requests that fail while offline are expected in the log of the browser, not from the app.
    ignore: [/net::ERR_INTERNET_DISCONNECTED/, /Failed to load resource/],
  });
  try {
    await page.goto(server.url);
    await page.locator('#set-search').waitFor();
    // The manifest and the icons are linked for installation.
    assert.equal(await page.getAttribute('link[rel=manifest]', 'href'), './static/manifest.webmanifest');
    const manifest = JSON.parse(await (await fetch(new URL('static/manifest.webmanifest', server.url))).text());
    assert.equal(manifest.lang, 'vi');
    assert.match(manifest.name, /OCOP/);
    assert.ok(manifest.icons.some((i) => i.sizes === '512x512'));
    await waitForServiceWorker(page);

    // One set opened online.
    await openSet(page, 'nuoc mam');
    await page.locator('label[for="c-1-1-l3"]').click();
    const online = await total(page);

    // Server gone and network off.
    await server.stop();
    await context.setOffline(true);
    await page.reload();
    await page.locator('.questionnaire[data-complete="true"]').waitFor();
    assert.equal(await total(page), online, 'the draft is back, scored, offline');

    // A set never opened online: honey (bộ mật ong).
    const sheet = page.waitForResponse((r) => /static\/rubric\/QD26-\d\d\.json$/.test(r.url()));
    await page.getByRole('button', { name: /Tạo bản nháp mới/ }).first().click();
    await openSet(page, 'mat ong');
    const resp = await sheet;
    assert.ok(resp.fromServiceWorker(), `${resp.url()} came from the service worker`);
    assert.notEqual(new URL(resp.url()).pathname.endsWith('QD26-09.json'), true);
    await page.locator('label[for="c-1-1-l2"]').click();
    await page.waitForFunction(() => Number(document.querySelector('.bar-total .num')?.textContent) > 0);
    assert.ok((await total(page)) > 0);
    await page.evaluate(() => window.scrollTo(0, 0));
    await shot(page, 'offline-new-set', { fullPage: false });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.stop();
  }
});

test('a new version waits for the user; drafts saved by the old version still open', async () => {
  const copy = await copyDist();
  const server = await startServer(copy.dir);
  const { context, page, errors } = await newPhonePage(browser);
  try {
    await page.goto(server.url);
    await page.locator('#set-search').waitFor();
    await waitForServiceWorker(page);
    const v1 = await serviceWorkerVersion(page);
    await openSet(page, 'nuoc mam');
    await page.locator('label[for="c-1-1-l3"]').click();
    await page.locator('label[for="c-1-2-l2"]').click();
    await page.fill('#draft-title', 'Nước mắm trước cập nhật');
    const before = await total(page);
    await waitForStored(page, (ds) => ds.length === 1 && ds[0].title === 'Nước mắm trước cập nhật');
    const stored = await deviceDump(page);

    // Deploy a "new version": another service-worker version over the same files.
    const swPath = path.join(copy.dir, 'sw.js');
    const sw = await readFile(swPath, 'utf8');
    await writeFile(swPath, sw.replace(/const VERSION = "([0-9a-f]+)"/, 'const VERSION = "$1-next"'));
    await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r && r.update()));

    // The notice, and the old version still in charge until the user decides.
    const notice = page.locator('#update-notice');
    await notice.waitFor({ timeout: 30_000 });
    assert.match(await notice.textContent(), /phiên bản mới/);
    assert.equal(await serviceWorkerVersion(page), v1);
    assert.equal(await total(page), before, 'nothing reloaded by itself');
    await shot(page, 'update-notice', { fullPage: false });

    await Promise.all([page.waitForEvent('load'), page.click('#update-reload')]);
    await page.locator('.questionnaire[data-complete="true"]').waitFor();
    assert.equal(await serviceWorkerVersion(page), `${v1}-next`);
    assert.equal(await page.locator('#update-notice').count(), 0);
    assert.equal(await total(page), before, 'the draft saved by the old version opens');
    assert.equal(await page.inputValue('#draft-title'), 'Nước mắm trước cập nhật');
    assert.deepEqual(await deviceDump(page), stored);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.stop();
    await copy.remove();
  }
});
