// Storage faults (issues 6 and 11), with the drafts in the browser's database: room running low
// (warned before it is full, the figures in the drafts list), a database that refuses writes
// (quota exceeded), and storage blocked altogether (as in a third-party frame). Each time: a
// visible translated notice, the app keeps working in memory, nothing already saved is lost or
// overwritten, and an answer given while writes failed is not lost either.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPhonePage, shot, url } from './helpers.mjs';
import { openSet, total } from './site-helpers.mjs';
import { storedAnswers, storedRecords, waitForStored } from './store-helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const ready = (page) => page.locator('.questionnaire[data-complete="true"]').waitFor();

/** Save one real draft (QD26-09, two answers); returns its stored records. */
async function saveADraft(page) {
  await page.goto(url());
  await openSet(page, 'nuoc mam');
  await page.locator('label[for="c-1-1-l3"]').click();
  await page.locator('label[for="c-1-2-l2"]').click();
  await waitForStored(page, (ds) => ds.length === 1 && ds[0].answers['1.2'] === 2);
  return storedRecords(page);
}

test('room running low: warned in words before it is full, and the drafts list says how much is used and left', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  // The browser's estimate: 295 MB of 300 MB used (5 MB left: under the 20 MB warning line), or
  // what the test puts in sessionStorage "test-usage".
  await context.addInitScript(() => {
    if (navigator.storage) {
      const usage = Number(sessionStorage.getItem('test-usage') || 295e6);
      navigator.storage.estimate = async () => ({ usage, quota: 300e6 });
    }
  });
  await saveADraft(page);
  await page.locator('#storage-warning').waitFor();
  assert.match(await page.textContent('#storage-warning'), /sắp đầy/);
  await page.getByRole('button', { name: /Bản nháp/ }).first().click();
  await page.locator('#storage-space').waitFor();
  const line = await page.textContent('#storage-space');
  assert.match(line, /đang dùng 295 MB; còn trống 5,0 MB/, line);
  await page.locator('#storage-space').scrollIntoViewIfNeeded();
  await shot(page, 'storage-room-low', { fullPage: false });
  // Saving still works while warned.
  assert.equal((await storedRecords(page)).length, 1);

  // Under 1 MB left: the stronger warning.
  await page.evaluate(() => sessionStorage.setItem('test-usage', String(299.5e6)));
  await page.reload();
  await page.locator('#storage-warning', { hasText: 'gần hết' }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('the database refuses writes (quota exceeded): notice, still scoring, the saved draft untouched, the new answer kept for later', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  const saved = await saveADraft(page);

  // A second tab of the same origin whose database writes fail, as when the disk is full.
  const faulty = await context.newPage();
  await faulty.addInitScript(() => {
    const full = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    IDBObjectStore.prototype.put = full;
    IDBObjectStore.prototype.add = full;
  });
  await faulty.goto(url());
  await ready(faulty);
  const before = await total(faulty);
  await faulty.locator('label[for="c-1-3-l2"]').click();
  await faulty.locator('#storage-warning').waitFor();
  assert.match(await faulty.textContent('#storage-warning'), /Bộ nhớ của trình duyệt đã đầy/);
  assert.notEqual(await total(faulty), before, 'the answer still counts');
  assert.ok(await faulty.isChecked('#c-1-3-l2'));
  await shot(faulty, 'storage-quota', { fullPage: false });

  // What was saved before is still there, exactly.
  assert.deepEqual(await storedRecords(page), saved);
  // Once there is room again (the faulty tab is gone), the next start writes that answer: it was
  // kept in the small journal beside the database.
  await faulty.close();
  await page.reload();
  await ready(page);
  await waitForStored(page, (ds) => ds.length === 1 && ds[0].answers['1.3'] === 2);
  assert.deepEqual(await storedAnswers(page), { '1.1': 3, '1.2': 2, '1.3': 2 });
  assert.ok(await page.isChecked('#c-1-3-l2'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('storage blocked (local storage and the database, as in a third-party frame): notice, works in memory, saved drafts survive', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  const saved = await saveADraft(page);

  const blocked = await context.newPage();
  await blocked.addInitScript(() => {
    const denied = () => {
      throw new DOMException('Access is denied for this document.', 'SecurityError');
    };
    Object.defineProperty(window, 'localStorage', { configurable: true, get: denied });
    IDBFactory.prototype.open = denied;
  });
  await blocked.goto(url());
  await blocked.locator('#set-search, .questionnaire').first().waitFor();
  await blocked.locator('#storage-warning').waitFor();
  const notice = await blocked.textContent('#storage-warning');
  assert.match(notice, /không cho lưu|does not allow saving/i, notice);
  // Still usable: choose a set and answer.
  const search = blocked.locator('#set-search');
  if (!(await search.count())) {
    await blocked.getByRole('button', { name: /Tạo bản nháp mới|New draft/ }).first().click();
  }
  await openSet(blocked, 'che');
  await blocked.locator('label[for="c-1-1-l2"]').click();
  assert.ok((await total(blocked)) > 0);
  await shot(blocked, 'storage-blocked', { fullPage: false });

  // The real storage was never written by the blocked tab, and a normal reload still opens the
  // saved draft.
  assert.deepEqual(await storedRecords(page), saved);
  await page.reload();
  await ready(page);
  assert.ok((await total(page)) > 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a persist() request the user never answers (Firefox asks with a prompt) holds up no save', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await context.addInitScript(() => {
    if (navigator.storage) navigator.storage.persist = () => new Promise(() => {});
  });
  await page.goto(url());
  await openSet(page, 'nuoc mam');
  await page.locator('label[for="c-1-1-l3"]').click();
  await waitForStored(page, (ds) => ds.length === 1 && ds[0].answers['1.1'] === 3);
  // The first saved answer asked; the next ones must not wait for the answer.
  await page.locator('label[for="c-1-2-l2"]').click();
  await page.locator('label[for="c-1-3-l2"]').click();
  await waitForStored(page, (ds) => ds.length === 1 && ds[0].answers['1.2'] === 2 && ds[0].answers['1.3'] === 2);
  assert.deepEqual(errors, []);
  await context.close();
});
