// The two-module start-up (ARCHITECTURE.md, "Start module"): a first visit downloads only the small
// start module (header, chooser, examples entry); the full app arrives when the user asks for more,
// takes over with what they asked for (set, language, drafts list, examples), and a failed load
// (offline before anything was cached) says so and can be retried without losing anything.
// Run by scripts/test.sh (BASE_URL set); screenshots go to target/e2e/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPhonePage, shot, url } from './helpers.mjs';
import { deviceDump, storedDrafts, waitForStored } from './store-helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const LANG_KEY = 'ocop-self-check/lang';
const ready = (page) => page.locator('.questionnaire[data-complete="true"]').waitFor();
const file = (u) => new URL(u).pathname.split('/').pop();

/** Record the names of the files the page requests. */
function requests(page) {
  const seen = [];
  page.on('request', (r) => seen.push(file(r.url())));
  return seen;
}

test('a first visit loads only the start module; choosing a set opens the full app in the chosen language', async () => {
  const { context, page, errors } = await newPhonePage(browser, { serviceWorkers: 'block' });
  const seen = requests(page);
  await page.goto(url());
  await page.getByRole('heading', { level: 1, name: 'Chọn bộ sản phẩm' }).waitFor();
  assert.ok(seen.includes('ocop-start_bg.wasm'), seen.join(' '));
  assert.ok(!seen.includes('ocop-self-check_bg.wasm'), 'the full app is not part of the first screen');
  assert.ok(!seen.some((f) => /^QD26-\d\d\.json$/.test(f)), 'no scoring sheet before a set is chosen');
  assert.equal(await page.locator('#start .app').count(), 1);

  // Language switched on the start screen: saved on its own key (no drafts, no database yet),
  // kept over a reload.
  await page.getByRole('button', { name: /English/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Choose the product set' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  const saved = await deviceDump(page);
  assert.deepEqual(saved.local, { [LANG_KEY]: 'en' });
  assert.equal(saved.drafts, null, 'the start module creates no database');
  await page.reload();
  await page.getByRole('heading', { level: 1, name: 'Choose the product set' }).waitFor();
  assert.ok(!seen.includes('ocop-self-check_bg.wasm'), 'still only the start module');

  // Search without diacritics, choose: the full app opens that set, in English, and saves it.
  await page.fill('#set-search', 'nuoc mam');
  await page.locator('.results li.set[data-set="QD26-09"] button').click();
  await ready(page);
  assert.ok(seen.includes('ocop-self-check_bg.wasm'));
  assert.equal(await page.locator('#start').count(), 0, 'the start screen is gone');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.locator('.questionnaire').textContent(), /Criterion|criteria/i);
  assert.equal(await page.evaluate(() => document.activeElement && document.activeElement.id), 'main',
    'focus follows to the new screen');
  // Looking makes no draft; the first answer does.
  await page.waitForTimeout(300);
  assert.equal((await storedDrafts(page)).length, 0, 'no draft from choosing alone');
  await page.locator('label[for="c-1-1-l1"]').click();
  const drafts = await waitForStored(page, (ds) => ds.length === 1);
  assert.equal(drafts[0].product_set, 'QD26-09');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), LANG_KEY), 'en');
  await shot(page, 'start-01-handed-over', { fullPage: false });

  // With a draft saved, the next visit starts in the full app directly.
  const before = seen.length;
  await page.reload();
  await ready(page);
  assert.ok(!seen.slice(before).includes('ocop-start_bg.wasm'), 'returning with drafts: the full app only');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the drafts tab and the examples entry of the start screen open those screens of the full app', async () => {
  const { context, page, errors } = await newPhonePage(browser, { serviceWorkers: 'block' });
  await page.goto(url());
  await page.locator('#set-search').waitFor();
  await page.getByRole('button', { name: /^Bản nháp/ }).click();
  await page.getByRole('heading', { level: 1, name: /Bản nháp/ }).waitFor();
  assert.equal(await page.locator('#start').count(), 0);
  assert.equal(await page.locator('nav [aria-current="page"]').textContent(), 'Bản nháp');
  await context.close();

  const second = await newPhonePage(browser, { serviceWorkers: 'block' });
  await second.page.goto(url());
  await second.page.locator('#open-demo').click();
  await second.page.locator('#demo-banner').waitFor();
  assert.deepEqual([...errors, ...second.errors], []);
  await second.context.close();
});

test('storage blocked: the start screen warns, and the language chosen there reaches the full app', async () => {
  const { context, page, errors } = await newPhonePage(browser, { serviceWorkers: 'block' });
  await context.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  await page.goto(url());
  await page.locator('#storage-warning').waitFor();
  await page.getByRole('button', { name: /English/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Choose the product set' }).waitFor();
  await page.fill('#set-search', 'honey');
  await page.locator('.results li.set[data-set="QD26-04"] button').click();
  await ready(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.locator('#storage-warning').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('offline before the full app was cached: a clear message, the chooser kept, and a retry that works', async () => {
  const { context, page, errors } = await newPhonePage(browser, {
    serviceWorkers: 'block',
    ignore: [/Failed to load resource|ERR_INTERNET_DISCONNECTED|Failed to fetch|dynamically imported module/],
  });
  await page.goto(url());
  await page.locator('#set-search').waitFor();
  await context.setOffline(true);
  await page.fill('#set-search', 'nuoc mam');
  await page.locator('.results li.set[data-set="QD26-09"] button').click();
  const alert = page.locator('#start-failed');
  await alert.waitFor();
  assert.match(await alert.textContent(), /Không tải được phần còn lại của ứng dụng/);
  assert.ok(await page.locator('#set-search').isVisible(), 'the chooser stays');
  assert.equal(await page.inputValue('#set-search'), 'nuoc mam', 'with the search as it was');
  await shot(page, 'start-02-offline-failed', { fullPage: false });

  await context.setOffline(false);
  await alert.getByRole('button', { name: 'Thử lại' }).click();
  await ready(page);
  await page.locator('label[for="c-1-1-l1"]').click();
  const drafts = await waitForStored(page, (ds) => ds.length === 1);
  assert.equal(drafts[0].product_set, 'QD26-09', 'the set chosen before the failure');
  assert.deepEqual(errors, []);
  await context.close();
});

test('once the service worker has the site, the full app is compiled in the background from its cache', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  const wasm = [];
  page.on('response', (r) => {
    if (file(r.url()) === 'ocop-self-check_bg.wasm') wasm.push(r.fromServiceWorker());
  });
  await page.goto(url());
  await page.locator('#set-search').waitFor();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 30000 });
  await page.waitForFunction((n) => performance.getEntriesByType('resource')
    .some((e) => e.name.endsWith(n)), 'ocop-self-check_bg.wasm', { timeout: 30000 });
  assert.ok(wasm.length >= 1 && wasm.every(Boolean), `fetched from the service worker only: ${wasm}`);
  assert.equal(await page.locator('#start .app').count(), 1, 'still the start screen');

  await page.fill('#set-search', 'mat ong');
  await page.locator('.results li.set[data-set="QD26-04"] button').click();
  await ready(page);
  assert.equal(wasm.length, 1, 'the compiled module is used, not fetched again');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the start screen finds products by name: both sets of măng khô with what decides, nấm not ornamental, odd input', async () => {
  const { context, page, errors } = await newPhonePage(browser, { serviceWorkers: 'block' });
  await page.goto(url());
  await page.locator('#set-search').waitFor();
  const shown = () => page.$$eval('.results li.set', (l) => l.map((e) => e.dataset.set));
  await page.fill('#set-search', 'mang kho');
  await page.locator('.results li.set[data-set="QD26-07"]').waitFor();
  assert.deepEqual((await shown()).slice(0, 2), ['QD26-04', 'QD26-07']);
  assert.match(await page.locator('.results li.set').first().locator('.set-note').textContent(), /bộ 4.*bộ 7/);
  await shot(page, 'start-search-mang-kho', { fullPage: false });
  for (const [q, set] of [['nuoc mam ca com', 'QD26-09'], ['nem chua', 'QD26-08'], ['keo dua', 'QD26-07'],
    ['banh pia', 'QD26-06'], ['thit trau gac bep', 'QD26-08'], ['mango', 'QD26-01']]) {
    await page.fill('#set-search', q);
    await page.waitForFunction((s) => document.querySelector('.results li.set')?.dataset.set === s, set);
  }
  await page.fill('#set-search', 'nam');
  await page.locator('.results li.set[data-set="QD26-04"]').waitFor();
  assert.ok(!(await shown()).includes('QD26-24'), 'not Cây cảnh via "ornamental"');
  for (const q of ['🍜'.repeat(3000), '!!! ???', 'x'.repeat(10000)]) {
    await page.fill('#set-search', q);
    await page.locator('#results-count').waitFor();
    assert.equal(await page.locator('.results li.set').count(), 0, q.slice(0, 8));
  }
  assert.deepEqual(errors, []);
  await context.close();
});
