// Screens with addresses (issue 13, item 2) and drafts that stay tidy (item 5): each screen has
// its own history entry and address; the phone's Back button goes to the previous screen inside
// the app and closes an open sheet first; a reload returns to the same screen; a frame adds
// entries to the host's history only for a change of screen. Looking at a set makes no draft
// (the first answer does); the drafts list shows stars, score, answered/total and the date; a
// share link for a draft already here offers "update this draft" or "add as a copy".

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPhonePage, shot, url } from './helpers.mjs';
import { openSet, total } from './site-helpers.mjs';
import { storedDrafts, waitForStored } from './store-helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const query = (page) => new URL(page.url()).search;
const screen = (page) =>
  page.evaluate(() => {
    if (document.querySelector('.questionnaire')) return 'questionnaire';
    if (document.querySelector('.drafts')) return 'drafts';
    if (document.querySelector('#details-title, .details')) return 'details';
    if (document.querySelector('#set-search')) return 'choose';
    return 'other';
  });
const sheetOpen = (page) => page.locator('aside.result.open').count().then((n) => n > 0);
const shareOpen = (page) => page.locator('#share-panel').count().then((n) => n > 0);

async function back(page) {
  const before = page.url();
  await page.goBack({ waitUntil: 'commit' }).catch(() => {});
  await page.waitForFunction((u) => location.href !== u, before, { timeout: 5000 }).catch(() => {});
  await page.waitForTimeout(150);
}

async function answer(page, code, level) {
  await page.locator(`label[for="c-${code.replace('.', '-')}-l${level}"]`).click();
}

test('looking at a set makes no draft; the first answer does, in place', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await page.goto(url());
  await openSet(page, 'nuoc mam');
  assert.match(query(page), /[?&]new=QD26-09\b/);
  assert.equal(await page.locator('nav .tab .count').count(), 0, 'no draft counted');
  // A reload keeps looking at the same set, still without a draft.
  await page.reload();
  await page.locator('.questionnaire[data-complete="true"]').waitFor();
  assert.match(query(page), /new=QD26-09/);
  assert.equal((await storedDrafts(page)).length, 0);
  // The result bar does not claim stars for nothing answered... (the estimate rule is the plan's)
  const entries = await page.evaluate(() => history.length);
  await answer(page, '1.1', 2);
  await waitForStored(page, (ds) => ds.length === 1);
  await page.waitForFunction(() => /[?&]draft=/.test(location.search));
  assert.equal(await page.evaluate(() => history.length), entries, 'renamed in place, no new entry');
  assert.doesNotMatch(query(page), /new=/);
  await page.click('nav .tab:has-text("Bản nháp")');
  await page.locator('.drafts').waitFor();
  assert.equal(await page.locator('.draft-list > li').count(), 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the first answer survives a reload straight after the tap', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await page.goto(url());
  await openSet(page, 'mat ong');
  await answer(page, '1.1', 2);
  await page.reload();
  await page.locator('.questionnaire[data-complete="true"]').waitFor();
  assert.equal(await page.isChecked('#c-1-1-l2'), true, 'the answer is there');
  assert.match(query(page), /[?&]draft=/, 'the address names the draft');
  await waitForStored(page, (ds) => ds.length === 1);
  assert.deepEqual(errors, []);
  await context.close();
});

test('Back goes to the previous screen inside the app, closing sheets first; reload stays', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await page.goto(url());
  await openSet(page, 'nuoc mam');
  await answer(page, '1.1', 3);
  await answer(page, '1.2', 2);
  await page.waitForFunction(() => /[?&]draft=/.test(location.search));
  const draft = new URLSearchParams(query(page)).get('draft');

  // The result sheet: its own entry; Back closes it and stays on the questionnaire.
  await page.click('.result .toggle');
  await page.locator('aside.result.open').waitFor();
  assert.match(query(page), /sheet=result/);
  await shot(page, 'nav-result-sheet-open', { fullPage: false });
  // A reload opens it again.
  await page.reload();
  await page.locator('aside.result.open').waitFor();
  await back(page);
  assert.equal(await sheetOpen(page), false, 'Back closed the sheet');
  assert.equal(await screen(page), 'questionnaire');
  assert.equal(new URLSearchParams(query(page)).get('draft'), draft);

  // The share dialog likewise; closing it with its own button consumes its entry.
  await page.click('#open-share');
  await page.locator('#share-panel').waitFor();
  assert.match(query(page), /sheet=share/);
  await page.reload();
  await page.locator('#share-panel').waitFor();
  await back(page);
  assert.equal(await shareOpen(page), false);
  await page.click('#open-share');
  await page.locator('#share-panel').waitFor();
  const n = await page.evaluate(() => history.length);
  await page.click('#share-close');
  await page.waitForFunction(() => !/sheet=/.test(location.search));
  assert.equal(await screen(page), 'questionnaire');

  // Details, then drafts; Back walks back through them.
  await page.click('#open-details');
  await page.waitForFunction(() => /view=details/.test(location.search));
  await page.reload();
  await page.waitForFunction(() => document.querySelector('#open-details[aria-current="page"]'));
  await page.click('nav .tab:has-text("Bản nháp")');
  await page.locator('.drafts').waitFor();
  assert.match(query(page), /view=drafts/);
  await page.reload();
  await page.locator('.drafts').waitFor();
  await back(page);
  await page.waitForFunction(() => document.querySelector('#open-details[aria-current="page"]'));
  await back(page);
  assert.equal(await screen(page), 'questionnaire');
  assert.equal(await sheetOpen(page), false, 'the closed sheet does not come back');
  assert.ok((await page.evaluate(() => history.length)) >= n);
  // Back again: the chooser the set was chosen on (still inside the app).
  await back(page);
  assert.equal(await screen(page), 'choose');
  assert.ok(page.url().startsWith(url()), page.url());
  await page.reload();
  await page.locator('#set-search').waitFor();
  assert.equal(await screen(page), 'choose');
  // Forward returns to the draft.
  await page.goForward();
  await page.locator('.questionnaire').waitFor();
  assert.equal(new URLSearchParams(query(page)).get('draft'), draft);
  assert.deepEqual(errors, []);
  await context.close();
});

test('in a frame only a change of screen adds a history entry', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await page.goto(url('static/embed-example.html'));
  const frame = await (await page.waitForSelector('#ocop')).contentFrame();
  await frame.locator('.questionnaire[data-complete="true"]').waitFor();
  const len = () => page.evaluate(() => history.length);
  const start = await len();
  await frame.locator('label[for="c-1-1-l2"]').click();
  // (Clicked from script: where the bar sits in a tall frame is the embedding's matter.)
  const toggle = () => frame.evaluate(() => document.querySelector('.result .toggle').click());
  await toggle();
  await frame.locator('aside.result.open').waitFor();
  assert.equal(await len(), start, 'the sheet adds no entry to the host');
  await toggle();
  await frame.evaluate(() => document.querySelector('#open-details').click());
  await frame.waitForFunction(() => /view=details/.test(location.search));
  assert.equal(await len(), start + 1, 'a change of screen: one entry');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the drafts list tells drafts apart: stars, score, answered of all, date', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await page.goto(url());
  await openSet(page, 'nuoc mam');
  await page.fill('#draft-title', 'Nước mắm Cô Ba');
  await answer(page, '1.1', 3);
  const score = await total(page);
  await page.click('nav .tab:has-text("Bản nháp")');
  const card = page.locator('.draft-list > li').first();
  await card.locator('.card-score').waitFor();
  const text = await card.innerText();
  assert.match(text, /Nước mắm Cô Ba/);
  assert.match(text, new RegExp(`${score}/100 điểm`));
  assert.match(text, /\d+\/\d+ câu/);
  assert.match(text, /Sửa \d\d\/\d\d\/\d{4}/);
  // Fewer buttons: open and dossier, the rest behind "Thao tác khác".
  assert.equal(await card.locator(':scope > .actions button').count(), 2);
  await card.locator('.more > summary').click();
  await card.locator('.more button:has-text("Xóa")').first().waitFor();
  const box = await card.boundingBox();
  assert.ok(box.height < 400, `card height ${box.height}`);
  await shot(page, 'nav-drafts-cards', { fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a share link for a draft already here offers update or copy; nothing overwritten unasked', async () => {
  const a = await newPhonePage(browser);
  await a.page.goto(url());
  await openSet(a.page, 'nuoc mam');
  await a.page.fill('#draft-title', 'Nước mắm Cô Ba');
  await answer(a.page, '1.1', 2);
  const linkOf = async () => {
    await a.page.click('#open-share');
    await a.page.locator('#share-panel').waitFor();
    const link = await a.page.inputValue('#share-link');
    await a.page.click('#share-close');
    return link;
  };
  const first = await linkOf();

  const b = await newPhonePage(browser);
  await b.page.goto(first);
  await b.page.locator('#incoming-share').waitFor();
  await b.page.locator('#import-confirm:not([disabled])').click();
  await b.page.locator('.questionnaire').waitFor();
  // B adds a note of its own the link never had.
  await waitForStored(b.page, (ds) => ds.length === 1);

  // A corrects an answer and sends again.
  await answer(a.page, '1.1', 3);
  await answer(a.page, '1.2', 1);
  const second = await linkOf();
  await b.page.goto(second);
  await b.page.locator('#incoming-known').waitFor();
  const known = await b.page.innerText('#incoming-known');
  assert.match(known, /Trên máy này đã có bản nháp này: “Nước mắm Cô Ba”/);
  assert.equal(await b.page.locator('#import-update').count(), 1);
  await shot(b.page, 'nav-incoming-update', { fullPage: false });
  await b.page.locator('#import-update:not([disabled])').click();
  await b.page.locator('.questionnaire').waitFor();
  await waitForStored(b.page, (ds) => ds.length === 1 && ds[0].answers?.['1.2'] === 1);
  assert.equal((await storedDrafts(b.page)).length, 1, 'updated, not added');
  assert.equal(await b.page.isChecked('#c-1-1-l3'), true);

  // The same link again: nothing to update, open it.
  await b.page.goto(second);
  await b.page.locator('#incoming-same').waitFor();
  assert.equal(await b.page.locator('#import-update').count(), 0);
  // Add as a copy: a second draft, told apart by its name.
  await b.page.locator('#import-confirm:not([disabled])').click();
  await waitForStored(b.page, (ds) => ds.length === 2);
  const titles = (await storedDrafts(b.page)).map((d) => d.title).sort();
  assert.deepEqual(titles, ['Nước mắm Cô Ba', 'Nước mắm Cô Ba (bản sao)']);
  assert.deepEqual(a.errors, []);
  assert.deepEqual(b.errors, []);
  await a.context.close();
  await b.context.close();
});
