// Storage faults (issue 6): local storage that throws on write (quota) or on read (blocked, as in
// a third-party iframe). In both cases: a visible translated notice, the app keeps working in
// memory, and nothing already saved is lost or overwritten.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPhonePage, shot, url } from './helpers.mjs';

const KEY = 'ocop-self-check/store';
let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const ready = (page) => page.locator('.questionnaire[data-complete="true"]').waitFor();
const total = async (page) => Number(await page.locator('.bar-total .num').textContent());

/** Save one real draft (QD26-09, two answers) and return the stored text. */
async function saveADraft(page) {
  await page.goto(url());
  await page.fill('#set-search', 'nuoc mam');
  await page.locator('.results li.set button').first().click();
  await ready(page);
  await page.locator('label[for="c-1-1-l3"]').click();
  await page.locator('label[for="c-1-2-l2"]').click();
  await page.waitForFunction((k) => (localStorage.getItem(k) || '').includes('"1.2"'), KEY);
  return page.evaluate((k) => localStorage.getItem(k), KEY);
}

test('storage full on write: notice, still scoring, the saved store is untouched', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  const saved = await saveADraft(page);
  assert.ok(saved.includes('QD26-09'));

  // A second tab of the same origin whose writes fail (quota exceeded).
  const faulty = await context.newPage();
  await faulty.addInitScript(() => {
    Storage.prototype.setItem = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await faulty.goto(url());
  await ready(faulty);
  const before = await total(faulty);
  await faulty.locator('label[for="c-2-1-l2"], label[for="c-1-3-l2"]').first().click();
  await faulty.locator('#storage-warning').waitFor();
  assert.match(await faulty.locator('#storage-warning').textContent(), /đầy|full/i);
  assert.notEqual(await total(faulty), before, 'the answer still counts');
  await shot(faulty, 'storage-quota', { fullPage: false });

  // What was saved before is still there, byte for byte.
  const after = await page.evaluate((k) => localStorage.getItem(k), KEY);
  assert.equal(after, saved);
  assert.deepEqual(errors, []);
  await context.close();
});

test('storage blocked on read: notice, works in memory, saved drafts survive', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  const saved = await saveADraft(page);

  const blocked = await context.newPage();
  await blocked.addInitScript(() => {
    // As in a sandboxed or third-party frame with storage blocked: touching it throws.
    Object.defineProperty(window, 'localStorage', {
      configurable: true,
      get() {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      },
    });
  });
  await blocked.goto(url());
  await blocked.locator('#set-search, .questionnaire').first().waitFor();
  await blocked.locator('#storage-warning').waitFor();
  const notice = await blocked.locator('#storage-warning').textContent();
  assert.ok(notice.trim().length > 10, notice);
  // Still usable: choose a set and answer.
  const search = blocked.locator('#set-search');
  if (!(await search.count())) {
    await blocked.getByRole('button', { name: /Sản phẩm mới|New product/ }).first().click();
  }
  await blocked.fill('#set-search', 'che');
  await blocked.locator('.results li.set button').first().click();
  await ready(blocked);
  await blocked.locator('label[for="c-1-1-l2"]').click();
  assert.ok((await total(blocked)) > 0);
  await shot(blocked, 'storage-blocked', { fullPage: false });

  // The real storage was never written by the blocked tab.
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), saved);
  // And a normal reload still opens the saved draft.
  await page.reload();
  await ready(page);
  assert.ok((await total(page)) > 0);
  assert.deepEqual(errors, []);
  await context.close();
});
