// Hostile text (issue 6) in the free-text fields of the questionnaire — the draft's name and an
// evidence note: script tags, attribute breakers, right-to-left and zero-width characters and a
// 10,000-character string stay inert (nothing runs, no element is injected) and come back intact
// after a reload. The dossier's fields, print page and .docx are covered by dossier.spec.mjs;
// and here through a share link into another browser.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPhonePage, shot, url } from './helpers.mjs';

const HOSTILE = [
  '<script>window.__pwned=1</script>',
  '"><img src=x onerror="window.__pwned=2">',
  "'; window.__pwned=3; '",
  'Nước mắm & "cá cơm" <b>đặc biệt</b>',
  'RTL \u202Eabc\u202C zero\u200Bwidth',
];
const LONG = 'ệ'.repeat(10_000);

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Open a criterion's evidence/note panel unless it is already open (it opens itself when a
 * note exists). */
async function openNote(page, crit) {
  if (!(await page.locator(`#${crit}-note`).isVisible().catch(() => false))) {
    await page.locator(`#${crit} .ev-btn`).click();
  }
  await page.locator(`#${crit}-note`).waitFor();
}

const ready = (page) => page.locator('.questionnaire[data-complete="true"]').waitFor();

test('hostile text in the draft name and an evidence note is inert and intact', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await page.goto(url());
  await page.fill('#set-search', 'nuoc mam');
  await page.locator('.results li.set button').first().click();
  await ready(page);
  const title = HOSTILE.join(' | ');
  await page.fill('#draft-title', title);
  await openNote(page, 'c-1-1');
  const note = HOSTILE.join('\n');
  await page.fill('#c-1-1-note', note);
  // A 10,000-character note (the longest a field keeps) on the next criterion.
  await openNote(page, 'c-1-2');
  await page.fill('#c-1-2-note', LONG);
  await page.locator('label[for="c-1-1-l2"]').click();

  const check = async () => {
    assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no script ran');
    assert.equal(await page.locator('img[src="x"]').count(), 0, 'no image injected');
    assert.equal(await page.locator('b', { hasText: /^đặc biệt$/ }).count(), 0, 'no markup injected');
    assert.equal(await page.locator('#app script').count(), 0, 'no script element injected');
    assert.equal(await page.inputValue('#draft-title'), title);
    assert.equal(await page.inputValue('#c-1-1-note'), note);
    assert.equal(await page.inputValue('#c-1-2-note'), LONG);
    assert.ok((await page.locator('h1').first().textContent()).includes('<script>'), 'shown as text');
  };
  await check();
  await shot(page, 'hostile-text', { fullPage: false });

  await page.reload();
  await ready(page);
  await openNote(page, 'c-1-1');
  await openNote(page, 'c-1-2');
  await check();

  // The drafts list shows the same name as text.
  await page.getByRole('button', { name: /Bản nháp|Drafts/ }).first().click();
  const item = page.locator('li.draft h2').first();
  assert.ok((await item.textContent()).includes('onerror="window.__pwned=2"'));
  assert.equal(await page.evaluate(() => window.__pwned), undefined);

  // Through a share link: another browser shows and imports the same text, still inert.
  await page.locator('li.draft').first().getByRole('button', { name: /^(Mở|Open)$/ }).click().catch(() => {});
  await ready(page);
  await page.click('#open-share');
  await page.locator('#share-panel').waitFor();
  const link = await page.inputValue('#share-link');
  const other = await newPhonePage(browser);
  await other.page.goto(link);
  await other.page.locator('#incoming-share').waitFor();
  assert.ok((await other.page.textContent('#incoming-product')).includes('<script>'), 'preview shows the text');
  await other.page.click('#import-confirm');
  await ready(other.page);
  assert.equal(await other.page.inputValue('#draft-title'), title);
  await openNote(other.page, 'c-1-1');
  assert.equal(await other.page.inputValue('#c-1-1-note'), note);
  await openNote(other.page, 'c-1-2');
  assert.equal(await other.page.inputValue('#c-1-2-note'), LONG);
  assert.equal(await other.page.evaluate(() => window.__pwned), undefined);
  assert.equal(await other.page.locator('img[src="x"]').count(), 0);
  assert.deepEqual(other.errors, []);
  await other.context.close();

  assert.deepEqual(errors, []);
  await context.close();
});
