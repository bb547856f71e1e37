// The self-check in a real browser at phone size (360x740): find a set by a diacritic-free search,
// answer, watch the total and stars change, reload, switch language, manage drafts; plus the
// storage-blocked warning, the panic screen, the wide layout and 200 % zoom.
// Run by scripts/test.sh (BASE_URL set); screenshots go to target/e2e/.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launchBrowser, newPhonePage, shot, url } from './helpers.mjs';
import { waitForStored } from './store-helpers.mjs';
import { startHooksServer } from './site-helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** The questionnaire is fully rendered (parts after the first arrive one task later). */
const ready = (page) => page.locator('.questionnaire[data-complete="true"]').waitFor();
const total = async (page) => Number(await page.locator('.bar-total .num').textContent());
const starsText = (page) => page.locator('.bar-stars').textContent();

/** Choose the highest level of every criterion inside `scope` (a CSS selector). */
async function answerBest(page, scope = 'fieldset.crit') {
  await page.$$eval(scope, (sets) => {
    for (const fs of sets) {
      const radios = [...fs.querySelectorAll('input[type=radio]')].filter((r) => r.value !== 'none');
      const last = radios[radios.length - 1];
      if (last && !last.checked) last.click();
    }
  });
}

/** Every visible interactive element is at least 44x44 CSS px (inline text links excepted). */
async function smallTargets(page) {
  return page.$$eval('button, .opt, input[type=text], input[type=search], textarea, summary, a.btn', (els) =>
    els
      .filter((e) => e.offsetParent !== null && !e.classList.contains('link'))
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.height < 43.5 || r.width < 43.5))
      .map(({ e, r }) => `${e.tagName}.${e.className} ${Math.round(r.width)}x${Math.round(r.height)}`),
  );
}

test('phone: search, answer, see the result change, reload, switch language, manage drafts', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await page.goto(url());
  await page.getByRole('heading', { level: 1, name: 'Chọn bộ sản phẩm' }).waitFor();
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  await shot(page, '01-chooser', { fullPage: false });

  // Search without diacritics.
  await page.fill('#set-search', 'nuoc mam');
  const first = page.locator('.results li.set').first();
  await first.waitFor();
  assert.equal(await first.getAttribute('data-set'), 'QD26-09');
  assert.match(await first.textContent(), /Tương, nước mắm, gia vị dạng lỏng khác/);
  assert.match(await first.textContent(), /Ví dụ:/);
  await shot(page, '02-search-nuoc-mam', { fullPage: false });
  await first.locator('button').click();

  // The questionnaire: knock-outs first, then criteria.
  await ready(page);
  const bar = page.locator('.result .bar');
  const barBox = await bar.boundingBox();
  assert.ok(barBox && barBox.y + barBox.height <= 740.5 && barBox.y > 600, `bar at the bottom: ${JSON.stringify(barBox)}`);
  assert.equal(await total(page), 0);
  assert.deepEqual(await smallTargets(page), []);
  await shot(page, '03-questionnaire', { fullPage: false });

  // Knock-out questions: answer "Không" to each.
  const noLabels = page.locator('fieldset.ko label[for$="-no"]');
  for (let i = 0; i < (await noLabels.count()); i += 1) await noLabels.nth(i).click();

  // A few answers change the total; 1.1 level 3 is 5 points in this set.
  await page.locator('label[for="c-1-1-l3"]').click();
  await page.locator('label[for="c-1-2-l2"]').click();
  const t1 = await total(page);
  assert.ok(t1 > 0, `total after two answers: ${t1}`);
  // Two answers are not enough for a star estimate: the bar says so, with the count.
  assert.match(await starsText(page), /Chưa đủ câu trả lời để ước tính · 2\/\d+/);

  // Everything at its best level: 100 points and 5 stars.
  await answerBest(page);
  await page.waitForFunction(() => document.querySelector('.bar-total .num')?.textContent === '100');
  assert.match(await starsText(page), /5 sao/);
  await shot(page, '04-all-best', { fullPage: false });

  // Missing one star minimum caps the stars; the advice says what is required.
  const capped = await page.$eval('body', () => {
    const badges = [...document.querySelectorAll('fieldset.crit .need-3')];
    const last = badges[badges.length - 1];
    return last ? last.closest('fieldset').id : null;
  });
  assert.ok(capped, 'a criterion with a 3★ minimum');
  await page.locator(`label[for="${capped}-none"]`).click();
  await page.waitForFunction(() => document.querySelector('.bar-total .num')?.textContent !== '100');
  const t2 = await total(page);
  assert.ok(t2 < 100 && t2 >= 90, `total ${t2}`);
  assert.match(await starsText(page), /2 sao/, 'a missed 3★ minimum caps the estimate at 2★');
  await page.getByRole('button', { name: /Chi tiết/ }).click();
  const detail = page.locator('#result-detail');
  await detail.waitFor();
  assert.match(await detail.textContent(), /bắt buộc để đạt 3★/);
  assert.match(await detail.textContent(), /không phải kết quả của Hội đồng/);
  await shot(page, '05-result-detail', { fullPage: false });
  await page.getByRole('button', { name: /Thu gọn/ }).click();

  // An evidence note and a draft name.
  await page.locator('#c-1-1 .ev-btn').click();
  await page.fill('#c-1-1-note', 'Hợp đồng mua cá cơm 2025');
  await page.fill('#draft-title', 'Nước mắm Cô Ba');
  await page.locator('h1', { hasText: 'Nước mắm Cô Ba' }).waitFor();

  // Reload: the same answers, note, name and result.
  const before = await total(page);
  await page.reload();
  await ready(page);
  assert.equal(await total(page), before);
  assert.ok(await page.isChecked('#c-1-1-l3'));
  assert.ok(await page.isChecked(`#${capped}-none`));
  assert.equal(await page.inputValue('#c-1-1-note'), 'Hợp đồng mua cá cơm 2025');
  assert.equal(await page.inputValue('#draft-title'), 'Nước mắm Cô Ba');

  // Switch to English; remembered after reload.
  await page.getByRole('button', { name: 'English — chuyển sang tiếng Anh' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await page.locator('nav').textContent(), /Drafts/);
  assert.match(await starsText(page), /2 stars/);
  await page.reload();
  await ready(page);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.locator('.crit-text').first().textContent(), /[a-z]/);
  await shot(page, '06-english', { fullPage: false });

  // A second draft through the drafts list, via browsing the categories.
  await page.getByRole('button', { name: /Drafts/ }).click();
  await page.getByRole('heading', { level: 1, name: 'Your drafts' }).waitFor();
  await page.getByRole('button', { name: '+ New draft', exact: true }).click();
  await page.locator('.cat-btn', { hasText: 'Food' }).first().click();
  await page.locator('li[data-set="QD26-01"] button').click();
  await ready(page);
  await page.locator('label[for="c-1-1-l1"]').click();
  await page.getByRole('button', { name: /Drafts/ }).click();
  const items = page.locator('li.draft');
  assert.equal(await items.count(), 2);
  await shot(page, '07-drafts', { fullPage: false });

  // Rename the fish-sauce draft (rename, duplicate, download and delete sit behind "More actions").
  const more = async (item) => {
    if ((await item.locator('details.more').getAttribute('open')) === null) {
      await item.locator('details.more > summary').click();
    }
  };
  const fish = items.filter({ hasText: 'Nước mắm Cô Ba' });
  await more(fish);
  await fish.getByRole('button', { name: 'Rename' }).click();
  await fish.getByLabel('New name').fill('Nước mắm Cô Ba — lô 2');
  await fish.getByRole('button', { name: 'Save' }).click();
  await page.locator('li.draft h2', { hasText: 'Nước mắm Cô Ba — lô 2' }).waitFor();

  // Duplicate it.
  await more(items.filter({ hasText: 'lô 2' }).first());
  await items.filter({ hasText: 'lô 2' }).first().getByRole('button', { name: 'Duplicate' }).click();
  await page.locator('li.draft h2', { hasText: '(copy)' }).waitFor();
  assert.equal(await items.count(), 3);

  // Delete the copy, with confirmation (cancel first, then confirm).
  const copy = items.filter({ hasText: '(copy)' });
  await more(copy);
  await copy.getByRole('button', { name: 'Delete', exact: true }).click();
  await copy.getByRole('button', { name: 'Cancel' }).click();
  assert.equal(await items.count(), 3);
  await copy.getByRole('button', { name: 'Delete', exact: true }).click();
  await shot(page, '08-delete-confirm', { fullPage: false });
  await copy.getByRole('button', { name: 'Delete for good' }).click();
  await page.waitForFunction(() => document.querySelectorAll('li.draft').length === 2);

  // Everything survives a reload; the copy stays deleted.
  await page.reload();
  await page.getByRole('button', { name: /Drafts/ }).click();
  assert.equal(await page.locator('li.draft').count(), 2);
  assert.equal(await page.locator('li.draft', { hasText: '(copy)' }).count(), 0);
  // Straight from the list to a draft's dossier, then its questionnaire.
  await page.locator('li.draft', { hasText: 'lô 2' }).getByRole('button', { name: 'Dossier' }).click();
  await page.locator('#open-details[aria-current="page"]').waitFor();
  assert.match(await page.locator('main').textContent(), /Nước mắm Cô Ba — lô 2|Mẫu 01/);
  await page.getByRole('button', { name: /Drafts/ }).click();
  await page.locator('li.draft', { hasText: 'lô 2' }).getByRole('button', { name: 'Open' }).click();
  await ready(page);
  assert.equal(await total(page), before);

  // Back to Vietnamese for the last screenshot.
  await page.getByRole('button', { name: 'Tiếng Việt — switch to Vietnamese' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'vi');
  await shot(page, '09-full-page', { fullPage: true });

  assert.deepEqual(errors, []);
  await context.close();
});

test('storage blocked or full: a translated warning, and the app keeps working in memory', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  // The database refuses every write, as when the disk is full.
  await context.addInitScript(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('full', 'QuotaExceededError');
    };
  });
  await page.goto(url());
  await page.fill('#set-search', 'mat ong');
  await page.locator('.results li.set button').first().click();
  await ready(page);
  await page.locator('label[for="c-1-1-l2"]').click();
  await page.locator('#storage-warning').waitFor();
  assert.match(await page.locator('#storage-warning').textContent(), /Bộ nhớ của trình duyệt đã đầy/);
  assert.ok((await total(page)) > 0, 'still scoring');
  await shot(page, '10-storage-full', { fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});

test('a panic shows an error screen that still exports the saved drafts', async () => {
  // The build with the test hook (#test-panic); the deployed one ignores it (hardening.spec).
  const hooks = await startHooksServer();
  const url = (q = '') => hooks.url + q;
  const { context, page, errors } = await newPhonePage(browser);
  await page.goto(url());
  await page.fill('#set-search', 'che');
  await page.locator('.results li.set button').first().click();
  await ready(page);
  await page.locator('label[for="c-1-1-l1"]').click();
  const saved = await waitForStored(page, (ds) => ds.length === 1 && ds[0].answers['1.1'] === 1);

  await page.goto(url('#test-panic'));
  await page.reload();
  await page.locator('#fatal').waitFor();
  assert.match(await page.locator('#fatal h1').textContent(), /Đã xảy ra lỗi/);
  await shot(page, '11-panic-screen', { fullPage: false });
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#fatal-download')]);
  // The drafts as they are in the database (the failure screen's file: a store with every draft).
  assert.match(download.suggestedFilename(), /^ocop-ban-nhap-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(await readFile(await download.path(), 'utf8'));
  assert.deepEqual(file.drafts, saved);
  // The panic itself is reported on the console; nothing else may be.
  assert.ok(errors.every((e) => /test panic requested|unreachable|RuntimeError/.test(e)), errors.join('\n'));
  await context.close();
  await hooks.stop();
});

test('wide screen: the result sits in a side panel', async () => {
  const { context, page, errors } = await newPhonePage(browser, {
    viewport: { width: 1280, height: 800 },
    isMobile: false,
    hasTouch: false,
    deviceScaleFactor: 1,
  });
  await page.goto(url());
  await page.fill('#set-search', 'homestay');
  await page.locator('.results li.set button').first().click();
  await ready(page);
  await answerBest(page);
  const panel = page.locator('aside.result');
  const box = await panel.boundingBox();
  assert.ok(box && box.x > 700, `side panel on the right: ${JSON.stringify(box)}`);
  assert.ok(await page.locator('#result-detail').isVisible());
  assert.match(await panel.textContent(), /100\/100/);
  await shot(page, '12-wide', { fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});

test('200 % zoom (180x370 CSS px): no sideways scrolling, the bar stays usable', async () => {
  const { context, page, errors } = await newPhonePage(browser, {
    viewport: { width: 180, height: 370 },
    deviceScaleFactor: 4,
  });
  await page.goto(url());
  await page.fill('#set-search', 'nuoc mam');
  await page.locator('.results li.set button').first().click();
  await ready(page);
  await page.locator('label[for="c-1-1-l2"]').click();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
  const bar = await page.locator('.result .bar').boundingBox();
  assert.ok(bar && bar.height < 100, `bar height ${bar && bar.height}`);
  await shot(page, '13-zoom-200', { fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});
