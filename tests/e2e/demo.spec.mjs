// Demonstration mode (issue 5): example products from different categories, labelled as examples,
// opened on copies in memory; a banner says the mode is on and how to leave it; "reset" restores
// the examples; the user's own drafts and local storage are untouched throughout. Also entered
// with ?demo=1. Checked with axe (WCAG A/AA) too.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { launchBrowser, newPhonePage, shot, url, layOutAll } from './helpers.mjs';
import { openSet, total } from './site-helpers.mjs';
import { deviceDump, waitForStored } from './store-helpers.mjs';

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

async function axe(page) {
  await layOutAll(page);
  await page.evaluate(AXE);
  const r = await page.evaluate(() =>
    window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'] },
      resultTypes: ['violations'],
    }),
  );
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Nothing in local storage, no draft or setting in the database (it may exist, empty). */
async function nothingStored(page, what) {
  const d = await deviceDump(page);
  assert.deepEqual(d.local, {}, what);
  assert.deepEqual([...(d.drafts ?? []), ...(d.meta ?? []), ...(d.backups ?? [])], [], what);
}

const draftNames = (page) => page.locator('li.draft .draft-name').allTextContents();

test('demo mode works on copies; the user\'s drafts and storage are untouched', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await page.goto(url());
  // The user's own draft.
  await openSet(page, 'nuoc mam');
  await page.locator('label[for="c-1-1-l2"]').click();
  await page.fill('#draft-title', 'Bản nháp của tôi');
  await page.getByRole('button', { name: /^Bản nháp/ }).first().click();
  await page.locator('li.draft').first().waitFor();
  const mine = await draftNames(page);
  await waitForStored(page, (ds) => ds.length === 1 && ds[0].title === 'Bản nháp của tôi');
  const stored = await deviceDump(page);
  assert.ok(JSON.stringify(stored.drafts).includes('Bản nháp của tôi'));

  // Enter from the drafts screen.
  await page.click('#open-demo');
  const banner = page.locator('#demo-banner');
  await banner.waitFor();
  assert.match(await banner.textContent(), /Chế độ trình diễn/);
  const examples = page.locator('li.draft.example');
  assert.ok((await examples.count()) >= 3);
  for (const text of await examples.allTextContents()) assert.match(text, /Ví dụ/);
  assert.ok(!(await draftNames(page)).some((n) => n.includes('Bản nháp của tôi')));
  assert.deepEqual(await axe(page), []);
  await shot(page, 'demo-list', { fullPage: false });

  // Open an example, change it; nothing reaches storage.
  await examples.first().getByRole('button', { name: 'Mở' }).click();
  await page.locator('.questionnaire[data-complete="true"]').waitFor();
  const shipped = await total(page);
  assert.ok(shipped > 0);
  const firstChecked = await page.$eval('fieldset.crit input[type=radio]:checked', (r) => r.id);
  const crit = firstChecked.replace(/-l\d+$/, '');
  await page.locator(`label[for="${crit}-none"]`).click();
  await page.waitForFunction((t) => Number(document.querySelector('.bar-total .num')?.textContent) !== t, shipped);
  assert.ok((await total(page)) < shipped);
  assert.deepEqual(await deviceDump(page), stored);
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'demo-questionnaire', { fullPage: false });

  // One tap resets the examples (the open one included).
  await page.click('#demo-reset');
  await page.waitForFunction((t) => Number(document.querySelector('.bar-total .num')?.textContent) === t, shipped);
  assert.ok(await page.isChecked(`#${firstChecked}`));

  // Leave: the user's drafts exactly as before, storage untouched.
  await page.click('#demo-leave');
  await page.locator('#demo-banner').waitFor({ state: 'detached' });
  await page.getByRole('button', { name: /^Bản nháp/ }).first().click();
  await page.locator('li.draft').first().waitFor();
  assert.deepEqual(await draftNames(page), mine);
  assert.deepEqual(await deviceDump(page), stored);
  await page.reload();
  await page.getByRole('button', { name: /^Bản nháp/ }).first().click();
  await page.locator('li.draft').first().waitFor();
  assert.deepEqual(await draftNames(page), mine);
  assert.deepEqual(errors, []);
  await context.close();
});

test('?demo=1 starts in demonstration mode; leaving drops the parameter', async () => {
  const { context, page, errors } = await newPhonePage(browser, { locale: 'en-US' });
  await page.goto(url('?demo=1'));
  await page.locator('#demo-banner').waitFor();
  await nothingStored(page, 'nothing stored');
  await page.getByRole('button', { name: /English/ }).first().click();
  await page.locator('#demo-banner', { hasText: 'Demonstration mode: the examples' }).waitFor();
  for (const text of await page.locator('li.draft.example').allTextContents()) assert.match(text, /Example/);
  await shot(page, 'demo-list-en', { fullPage: false });
  await nothingStored(page, 'still nothing stored');
  await page.click('#demo-leave');
  await page.locator('#demo-banner').waitFor({ state: 'detached' });
  // The address names the screen shown (the chooser), without the demo parameter.
  assert.equal(new URL(page.url()).search, '?view=new');
  await page.reload();
  await page.locator('#set-search').waitFor();
  assert.equal(await page.locator('#demo-banner').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
