// Issue 16: the questionnaire is rendered a few criteria per task, and a slice only adds. Before
// the fix every part added replaced the parts and the head before it (yew matched an unkeyed
// list from the end), so the page was built and laid out three times over; this checks that
// every element present before a slice is the same element after it, on a deep link and on a
// returning visit, and that the tasks between slices leave room for input.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPhonePage, url } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Installed before the app: remembers every criterion fieldset and block as first seen, and
 *  counts how many of those were later taken out of the document. */
function watch() {
  window.__seen = new Map();
  window.__replaced = [];
  window.__slices = 0;
  const look = () => {
    window.__slices += 1;
    for (const el of document.querySelectorAll('fieldset.crit, .q-head, section.part, section.section')) {
      if (el.closest('#pre')) continue; // the prerendered page (prerender.spec), not the app's
      const key = el.id || el.getAttribute('aria-labelledby') || el.className;
      const was = window.__seen.get(key);
      if (was && was !== el) window.__replaced.push(key);
      if (!was) window.__seen.set(key, el);
    }
  };
  new MutationObserver(look).observe(document, { childList: true, subtree: true });
}

for (const way of ['?set=QD26-07', '?set=QD26-13']) {
  test(`a slice only adds: nothing rendered before is made again (${way})`, async () => {
    const { context, page, errors } = await newPhonePage(browser);
    await page.addInitScript(watch);
    await page.goto(url(way));
    await page.locator('.questionnaire[data-complete="true"]').waitFor();
    const r = await page.evaluate(() => ({
      replaced: [...new Set(window.__replaced)],
      seen: window.__seen.size,
      slices: window.__slices,
      criteria: document.querySelectorAll('fieldset.crit').length,
    }));
    assert.ok(r.criteria > 20, `${r.criteria} criteria`);
    assert.ok(r.slices > r.criteria / 3 / 2, `rendered in slices (${r.slices} mutation batches)`);
    assert.deepEqual(r.replaced, [], `elements made again: ${r.replaced.join(', ')}`);
    // The first criterion answered while the rest is still coming stays answered.
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('an answer made while the slices are still coming is kept and counted', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url('?set=QD26-13'));
  const first = page.locator('fieldset.crit').first();
  await first.locator('label.opt.lvl').first().waitFor();
  const complete = await page.locator('.questionnaire[data-complete="true"]').count();
  await first.locator('label.opt.lvl').nth(1).click();
  await page.locator('.questionnaire[data-complete="true"]').waitFor();
  assert.equal(await first.locator('input[type=radio]').nth(1).isChecked(), true);
  assert.match(await page.locator('.progress-text').first().textContent(), /Đã trả lời 1\//);
  assert.ok(complete === 0 || complete === 1);
  assert.deepEqual(errors, []);
  await context.close();
});
