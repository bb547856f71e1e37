// Drafts you cannot lose: the browser's database as the drafts' home, tabs and windows that
// agree, the move from the version-1 local-storage store, unreadable data kept once, a full disk,
// a database that will not open, and a reload right after the last tap. The F1 and F3 scenarios
// of the adversarial review of 2026-12-01 are reproduced here step by step.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launchBrowser, newPhonePage, shot, url } from './helpers.mjs';
import { openSet, REPO_ROOT } from './site-helpers.mjs';
import { storedBackups, storedDrafts, storedRecords, waitForStored } from './store-helpers.mjs';

const V1_KEY = 'ocop-self-check/store';
let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const ready = (page) => page.locator('.questionnaire[data-complete="true"]').waitFor();
const answer = (page, id) => page.locator(`label[for="${id}"]`).click();

/** A second tab of the same browser (same origin, same database) on the app. */
async function secondTab(context) {
  const page = await context.newPage();
  await page.goto(url());
  await ready(page);
  return page;
}

test('F1.1: two tabs answering different criteria of one draft keep every answer', async () => {
  const { context, page: a, errors } = await newPhonePage(browser);
  await a.goto(url());
  await openSet(a, 'mat ong');
  await answer(a, 'c-1-1-l2');
  await waitForStored(a, (ds) => ds.length === 1 && ds[0].answers['1.1'] === 2);
  const b = await secondTab(context);
  await answer(a, 'c-1-2-l2');
  await answer(b, 'c-1-3-l1');
  const stored = await waitForStored(a, (ds) => ds.length === 1 && Object.keys(ds[0].answers).length === 3);
  assert.deepEqual(Object.keys(stored[0].answers).sort(), ['1.1', '1.2', '1.3']);
  // Each tab shows all three, and so does a fresh one.
  for (const p of [a, b, await secondTab(context)]) {
    await p.waitForFunction(() => document.querySelector('#c-1-2-l2')?.checked && document.querySelector('#c-1-3-l1')?.checked);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('F1.2: a new draft made in one tab survives a tap in a tab opened before it', async () => {
  const { context, page: a } = await newPhonePage(browser);
  await a.goto(url());
  await openSet(a, 'mat ong');
  await answer(a, 'c-1-1-l2');
  await waitForStored(a, (ds) => ds.length === 1);
  const b = await secondTab(context); // opened now; stale from here on
  await a.click('#nav-new, a[href*="view=choose"], button:has-text("Sản phẩm mới")');
  await openSet(a, 'nuoc mam');
  await a.fill('#draft-title', 'Nước mắm mới');
  await answer(a, 'c-1-1-l3');
  await waitForStored(a, (ds) => ds.length === 2);
  await answer(b, 'c-1-2-l2'); // the stale tab taps
  const ds = await waitForStored(a, (x) => x.length === 2 && x.some((d) => d.answers['1.2'] === 2));
  assert.ok(ds.some((d) => d.title === 'Nước mắm mới'), 'the new draft is still there');
  await context.close();
});

/** A share link of a fresh draft of set `query` with one answer, made in its own context. */
async function shareLink(query, title) {
  const { context, page } = await newPhonePage(browser);
  await page.goto(url());
  await openSet(page, query);
  await answer(page, 'c-1-1-l2');
  await page.fill('#draft-title', title);
  await page.click('#open-share');
  const link = await page.inputValue('#share-link');
  await context.close();
  return link;
}

test('F1.3 and F1.4: six share links confirmed in six tabs all survive, and so does a link added while the app is open', async () => {
  const links = [];
  for (let i = 1; i <= 6; i += 1) links.push(await shareLink(i % 2 ? 'mat ong' : 'nuoc mam', `Bản nháp gửi ${i}`));
  const { context, page: first } = await newPhonePage(browser);
  await first.goto(url());
  await openSet(first, 'mat ong');
  await answer(first, 'c-1-1-l1');
  await waitForStored(first, (ds) => ds.length === 1);
  const tabs = [];
  for (const link of links) {
    const t = await context.newPage();
    await t.goto(link);
    await t.locator('#incoming-share').waitFor();
    tabs.push(t);
  }
  for (const t of tabs) {
    await t.click('#import-confirm');
    await ready(t);
  }
  // The tab that was open all along taps an answer afterwards (scenario 4).
  await answer(first, 'c-1-2-l2');
  const ds = await waitForStored(first, (x) => x.length === 7 && x.some((d) => d.answers['1.2'] === 2));
  for (let i = 1; i <= 6; i += 1) assert.ok(ds.some((d) => d.title === `Bản nháp gửi ${i}`), `link ${i}`);
  // The first tab's drafts list shows all seven without a reload.
  await first.goto(url('?view=drafts'));
  await first.locator('.draft-list li.draft').nth(6).waitFor();
  await shot(first, 'storage-seven-drafts', { fullPage: false });
  await context.close();
});

test('the same answer changed in two tabs: the user is told, and both versions are offered', async () => {
  const { context, page: a } = await newPhonePage(browser);
  await a.goto(url());
  await openSet(a, 'mat ong');
  await answer(a, 'c-1-1-l1');
  await waitForStored(a, (ds) => ds.length === 1);
  const b = await secondTab(context);
  // Cut B off from A's messages, so that it writes over a revision it has not seen.
  await b.evaluate(() => {
    window.BroadcastChannel.prototype.postMessage = () => {};
  });
  await a.evaluate(() => {
    window.BroadcastChannel.prototype.postMessage = () => {};
  });
  await answer(a, 'c-1-2-l3');
  await waitForStored(a, (ds) => ds[0].answers['1.2'] === 3);
  await answer(b, 'c-1-2-l1');
  await b.locator('#sync-conflict').waitFor();
  assert.match(await b.textContent('#sync-conflict'), /cửa sổ khác|another tab/i);
  await shot(b, 'storage-conflict', { fullPage: false });
  await b.click('#sync-conflict button.take-theirs');
  await waitForStored(b, (ds) => ds[0].answers['1.2'] === 3);
  await context.close();
});

test('a version-1 store moves into the database once, checked, and the old key goes', async () => {
  const frozen = await readFile(path.join(REPO_ROOT, 'tests', 'data', 'store-v1.json'), 'utf8');
  const { context, page, errors } = await newPhonePage(browser);
  await page.goto(url());
  await page.locator('#set-search').waitFor();
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [V1_KEY, frozen]);
  await page.goto(url('?view=drafts'));
  await page.locator('.draft-list li.draft').nth(2).waitFor();
  const ids = (await storedDrafts(page)).map((d) => d.id).sort();
  assert.equal(ids.length, 3);
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), V1_KEY), null, 'old key retired');
  // Interrupted-and-resumed or simply started again: never duplicated.
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [V1_KEY, frozen]);
  await page.reload();
  await page.locator('.draft-list li.draft').nth(2).waitFor();
  assert.deepEqual((await storedDrafts(page)).map((d) => d.id).sort(), ids);
  assert.equal(await page.locator('.draft-list li.draft').count(), 3);
  assert.deepEqual(errors, []);
  await context.close();
});

test('F3: an unreadable store reloaded six times is kept once, and new work is still saved', async () => {
  const { context, page } = await newPhonePage(browser);
  await page.goto(url('static/manifest.webmanifest'));
  const newer = JSON.stringify({ format: 'ocop-self-check/store', version: 2, drafts: [], pad: 'p'.repeat(1_200_000) });
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [V1_KEY, newer]);
  for (let i = 0; i < 6; i += 1) {
    await page.goto(url());
    await page.locator('#set-search, .questionnaire').first().waitFor();
  }
  const backups = await storedBackups(page);
  assert.equal(backups.length, 1, 'one copy, however often the app starts');
  assert.equal(backups[0].text, newer);
  await page.goto(url('?view=drafts'));
  await page.locator('#kept-data').waitFor();
  assert.match(await page.textContent('#kept-data'), /không đọc được|could not be read/i);
  await shot(page, 'storage-kept-backup', { fullPage: false });
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#kept-data button')]);
  const kept = JSON.parse(await readFile(await dl.path(), 'utf8'));
  assert.equal(kept.length, 1);
  assert.equal(kept[0].text, newer, 'the kept text is downloadable as it was');
  await page.goto(url());
  await openSet(page, 'mat ong');
  await answer(page, 'c-1-1-l2');
  await page.reload();
  await ready(page);
  assert.ok(await page.isChecked('#c-1-1-l2'), 'new work saved beside the kept copy');
  await context.close();
});

test('reload right after the last tap: the answer is there', async () => {
  const { context, page } = await newPhonePage(browser);
  await page.goto(url());
  await openSet(page, 'mat ong');
  await answer(page, 'c-1-1-l2');
  await answer(page, 'c-1-2-l3');
  await page.reload(); // no wait for the database
  await ready(page);
  assert.ok(await page.isChecked('#c-1-2-l3'));
  assert.ok(await page.isChecked('#c-1-1-l2'));
  await context.close();
});

test('a database that will not open: a notice, the app works in memory', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await page.addInitScript(() => {
    IDBFactory.prototype.open = function () {
      throw new DOMException('The user denied permission to access the database.', 'SecurityError');
    };
  });
  await page.goto(url());
  await openSet(page, 'mat ong');
  await answer(page, 'c-1-1-l2');
  await page.locator('#storage-warning').waitFor();
  assert.match(await page.textContent('#storage-warning'), /không cho lưu|does not allow saving/i);
  assert.ok(await page.isChecked('#c-1-1-l2'), 'the answer still counts in memory');
  await shot(page, 'storage-db-blocked', { fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});

// A full disk and room running low: tests/e2e/storage.spec.mjs.

test('back up and restore: the drafts\' download restores whole on another device, and again changes nothing', async () => {
  const a = await newPhonePage(browser);
  await a.page.goto(url());
  await openSet(a.page, 'mat ong');
  await answer(a.page, 'c-1-1-l2');
  await a.page.click('#nav-new, button:has-text("Sản phẩm mới")');
  await openSet(a.page, 'nuoc mam');
  await answer(a.page, 'c-1-2-l2');
  const saved = await waitForStored(a.page, (ds) => ds.length === 2 && ds.every((d) => Object.keys(d.answers).length === 1));
  // The drafts list's backup (the start-up failure screen's download gives the same file).
  await a.page.getByRole('button', { name: /^Bản nháp/ }).first().click();
  const [dl] = await Promise.all([a.page.waitForEvent('download'), a.page.click('#backup-all')]);
  assert.match(dl.suggestedFilename(), /^ocop-ban-nhap-\d{4}-\d\d-\d\d\.json$/);
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'ocop-backup-')), dl.suggestedFilename());
  await dl.saveAs(file); // the download goes with its context
  await a.context.close();

  // Another phone with a draft of its own.
  const b = await newPhonePage(browser);
  await b.page.goto(url());
  await openSet(b.page, 'che');
  await answer(b.page, 'c-1-1-l1');
  await waitForStored(b.page, (ds) => ds.length === 1);
  await b.page.getByRole('button', { name: /^Bản nháp/ }).first().click();
  await b.page.setInputFiles('#import-file', file);
  await b.page.locator('#restore-result').waitFor();
  assert.match(await b.page.textContent('#restore-result'), /Đã khôi phục 2 bản nháp\. Không bản nháp nào trên máy bị ghi đè\./);
  const all = await waitForStored(b.page, (ds) => ds.length === 3);
  for (const d of saved) assert.deepEqual(all.find((x) => x.id === d.id), d, d.id);
  assert.equal(await b.page.locator('li.draft').count(), 3);
  await b.page.locator('#restore-result').scrollIntoViewIfNeeded();
  await shot(b.page, 'storage-restored', { fullPage: false });
  // The same file again: nothing new, nothing overwritten.
  await b.page.setInputFiles('#import-file', []);
  await b.page.setInputFiles('#import-file', file);
  await b.page.locator('#restore-result', { hasText: 'Không có bản nháp mới nào trong tệp; 2 bản đã có sẵn trên máy' }).waitFor();
  assert.equal((await storedDrafts(b.page)).length, 3);
  assert.deepEqual(b.errors, []);
  await b.context.close();
});
