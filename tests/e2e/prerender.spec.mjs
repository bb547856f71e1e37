// Issue 16: on a first visit's deep link (?set=QD26-NN) static/boot.js shows the set's
// questionnaire prerendered at build time (static/pre/, the app's own components through Yew's
// SSR) while the module loads; the app renders its own copy behind it, invisible, takes over what was done on
// the prerendered page and swaps the two at the same place (src/ui/prerender.rs). The module is
// held back here (a route that waits) so the taps surely land on the prerendered page.
// Screenshots: target/e2e/prerender-*.png.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPhonePage, shot, url, axeViolations } from './helpers.mjs';

const axe = axeViolations;

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Hold the full app's module until `release()` is called. */
async function holdApp(page) {
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route(/ocop-self-check_bg\.wasm/, async (route) => {
    await gate;
    await route.continue();
  });
  return release;
}

/** Installed before the page: records whether a prerendered page was ever shown. */
function watchPre() {
  window.__preSeen = false;
  new MutationObserver(() => {
    if (document.getElementById('pre')) window.__preSeen = true;
  }).observe(document, { childList: true, subtree: true });
}

const appComplete = (page) => page.locator('#app .questionnaire[data-complete="true"]').waitFor();

test('the prerendered questionnaire is answerable before the app, and the app takes over every answer', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  const release = await holdApp(page);
  await page.goto(url('?set=QD26-09'));
  const pre = page.locator('#pre');
  await pre.locator('label[for="c-1-1-l2"]').waitFor();
  assert.equal(await page.locator('#app').isHidden(), true, 'the app is hidden behind it');
  assert.equal(await page.locator('#boot').isVisible(), false, 'no "Loading…" line under it');
  assert.equal(await pre.locator('.questionnaire').getAttribute('data-complete'), 'false');
  await shot(page, 'prerender-01-before-the-app', { fullPage: false });
  // Shown in two pieces (the first section, then the rest a task later): all of it is there.
  await pre.locator('#c-11').waitFor({ state: 'attached' }); // the last criterion of set 9
  assert.equal(await pre.locator('template').count(), 0, 'both places filled');
  const preCriteria = await pre.locator('fieldset.crit').count();

  // A name, a knock-out answer, two criteria (one "none of the levels"), the index opened.
  await pre.locator('#draft-title').fill('Nước mắm Cô Ba');
  const ko = pre.locator('fieldset.ko').first();
  const koName = await ko.locator('input[type=radio]').first().getAttribute('name');
  await ko.locator('label.opt').nth(1).click();
  await pre.locator('label[for="c-1-1-l2"]').click();
  await pre.locator('label[for="c-1-2-none"]').click();
  await pre.locator('#toc-summary').click();
  // Scrolled to criterion 2.1: it must stay where it is on screen through the swap.
  await pre.locator('#c-2-1').evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => window.scrollBy(0, -120));
  const was = await pre.locator('#c-2-1').evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(await page.evaluate(() => window.scrollY) > 500);

  release();
  await appComplete(page);
  await page.locator('#pre').waitFor({ state: 'detached' });
  assert.equal(await page.locator('#app').isVisible(), true);
  const now = await page.locator('#c-2-1').evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(Math.abs(now - was) <= 2, `criterion 2.1 stays at ${was} px from the top (now ${now})`);
  assert.equal(await page.locator('[id="c-1-1-l2"]').count(), 1, 'one copy of each control');
  assert.equal(await page.locator('fieldset.crit').count(), preCriteria, 'the same criteria as the prerendered page');
  assert.equal(await page.locator('#c-1-1-l2').isChecked(), true);
  assert.equal(await page.locator('#c-1-2-none').isChecked(), true);
  assert.equal(await page.locator(`input[name="${koName}"][value="no"]`).isChecked(), true);
  assert.equal(await page.inputValue('#draft-title'), 'Nước mắm Cô Ba');
  assert.equal(await page.locator('#toc').evaluate((d) => d.open), true, 'the index stays open');
  assert.match(await page.locator('.progress-text').first().textContent(), /Đã trả lời 2\/31/);
  assert.notEqual((await page.locator('.bar-total .num').textContent()).trim(), '0');
  await shot(page, 'prerender-02-taken-over', { fullPage: false });
  assert.deepEqual(await axe(page), [], 'axe after the swap');

  // Saved: a reload (the app from the start, no prerendered page: there is a draft now) has it.
  await page.unroute(/ocop-self-check_bg\.wasm/);
  await page.addInitScript(watchPre);
  await page.reload();
  await appComplete(page);
  assert.equal(await page.evaluate(() => window.__preSeen), false, 'no prerendered page once a draft is saved');
  assert.equal(await page.locator('#c-1-1-l2').isChecked(), true);
  assert.equal(await page.locator('#c-1-2-none').isChecked(), true);
  assert.equal(await page.inputValue('#draft-title'), 'Nước mắm Cô Ba');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a button pressed on the prerendered page is pressed on the app once it is there', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  const release = await holdApp(page);
  await page.goto(url('?set=QD26-07'));
  const help = page.locator('#pre fieldset.crit').first().locator('.help-btn');
  await help.click();
  assert.equal(await help.getAttribute('aria-busy'), 'true', 'the button says it is waiting');
  release();
  await appComplete(page);
  await page.locator('#pre').waitFor({ state: 'detached' });
  await page.locator('fieldset.crit').first().locator('.help-btn[aria-expanded="true"]').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('an answer tapped while the app swaps in is not lost (no hold, 4× CPU)', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  await page.goto(url('?set=QD26-13'));
  // Tap as soon as a level can be tapped, on whichever copy is on screen then.
  await page.locator('label[for="c-1-1-l1"]:visible').click();
  await appComplete(page);
  await page.locator('#pre').waitFor({ state: 'detached' });
  assert.equal(await page.locator('#c-1-1-l1').isChecked(), true);
  assert.match(await page.locator('.progress-text').first().textContent(), /Đã trả lời 1\//);
  assert.deepEqual(errors, []);
  await context.close();
});

test('no prerendered page where the app shows something else, and none in the offline copy', async () => {
  for (const address of ['?demo=1', '?set=QD26-09#c-2-1', '?view=drafts', '?set=QD26-99']) {
    // No set 99: its sheet (and its page, asked for before the app says so) are not found.
    const { context, page, errors } = await newPhonePage(browser, { ignore: [/QD26-99\.(vi\.html|json).*404|404.*QD26-99/] });
    await page.addInitScript(watchPre);
    await page.goto(url(address));
    await page.locator('#app main').first().waitFor();
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__preSeen), false, address);
    assert.equal(await page.locator('#app').isVisible(), true, address);
    assert.deepEqual(errors, [], address);
    await context.close();
  }
  // In a frame (an agency's page): the app as before.
  {
    const { context, page, errors } = await newPhonePage(browser);
    await page.goto(url('static/embed-example.html'));
    const frame = page.frameLocator('iframe').first();
    await frame.locator('.questionnaire[data-complete="true"], #set-search').first().waitFor();
    assert.equal(await frame.locator('#pre').count(), 0);
    assert.deepEqual(errors, []);
    await context.close();
  }
  const { context, page } = await newPhonePage(browser);
  const sw = await (await page.request.get(url('sw.js'))).text();
  const list = sw.slice(sw.indexOf('const PRECACHE'), sw.indexOf('const FALLBACK'));
  assert.ok(list.includes('"url": "static/rubric/QD26-09.json"'), 'the precache list is where it was looked for');
  assert.ok(!list.includes('static/pre/'), 'the prerendered pages are not in the offline copy');
  const file = await page.request.get(url('static/pre/QD26-09.vi.html'));
  assert.equal(file.status(), 200);
  assert.match(await file.text(), /data-complete="false"/);
  await context.close();
});
