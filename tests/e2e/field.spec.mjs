// Field-ready (issue 13, items 6–8) at phone size: the header and tabs on one row at 360 and
// 320 px, the questionnaire's index jumping to a late section with its answered counts, the
// "ready to use offline" notice once (not on the next load), the offline indicator, the draft's
// name carried over to the product name, a date written year first rewritten, and 3.2 against
// the representative's details. Each test runs its own server over dist/ (a fresh origin each
// time, so the service worker and local storage start empty).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPhonePage, shot } from './helpers.mjs';
import { startServer } from './site-helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const OFFLINE_KEY = 'ocop-self-check/offline-ready';

async function openFishSauce(page, base) {
  await page.goto(`${base}?set=QD26-09`);
  await page.locator('.questionnaire[data-complete="true"]').waitFor();
}

test('the header and its tabs take one row at 360 and 320 px', async () => {
  const server = await startServer();
  try {
    for (const [width, height, locale] of [
      [360, 740, 'vi-VN'],
      [320, 640, 'vi-VN'],
      [320, 640, 'en-US'],
    ]) {
      const { context, page, errors } = await newPhonePage(browser, { viewport: { width, height }, locale });
      await openFishSauce(page, server.url);
      if (locale === 'en-US') {
        await page.getByRole('button', { name: /English/ }).click();
        await page.locator('html[lang="en"]').waitFor();
      }
      // The brand row and the tabs (the once-only "ready offline" notice may sit under them).
      const header = await page.locator('header.top').evaluate((h) => {
        const net = h.querySelector('.net');
        return { height: h.getBoundingClientRect().height - (net ? net.getBoundingClientRect().height : 0) };
      });
      const tabs = await page.locator('header.top nav li').evaluateAll((lis) =>
        lis.map((li) => {
          const r = li.getBoundingClientRect();
          return { top: Math.round(r.top), height: Math.round(r.height), right: Math.round(r.right) };
        }),
      );
      assert.equal(tabs.length, 4, 'questionnaire, dossier, drafts, new');
      assert.equal(new Set(tabs.map((t) => t.top)).size, 1, `${width} px ${locale}: one row ${JSON.stringify(tabs)}`);
      for (const t of tabs) {
        assert.ok(t.height >= 44, 'touch target');
        assert.ok(t.right <= width, `${width} px: inside the screen ${JSON.stringify(tabs)}`);
      }
      assert.ok(header.height <= 110, `${width} px ${locale}: header ${header.height} px`);
      assert.equal(await page.evaluate(() => document.documentElement.scrollWidth), width, 'no sideways scroll');
      // The short tab is named in full.
      const name = locale === 'en-US' ? 'New draft' : 'Tạo bản nháp mới';
      await page.getByRole('button', { name, exact: true }).first().waitFor();
      console.log(`# header at ${width} px (${locale}): ${header.height} px`);
      await shot(page, `field-header-${width}-${locale}`, { fullPage: false });
      assert.deepEqual(errors, []);
      await context.close();
    }
  } finally {
    await server.stop();
  }
});

test('at 320 px the bar reads "… sao ước tính" whole with a two-digit total', async () => {
  const server = await startServer();
  const { context, page, errors } = await newPhonePage(browser, { viewport: { width: 320, height: 640 } });
  try {
    await openFishSauce(page, server.url);
    // Answer the highest level of every criterion until the total has two digits.
    const crits = await page.locator('fieldset.crit').evaluateAll((fs) => fs.map((f) => f.id));
    for (const id of crits.slice(0, 12)) {
      await page.locator(`#${id} label.lvl:not(.none)`).last().click();
    }
    assert.ok(Number(await page.locator('.bar-total .num').textContent()) >= 10);
    const cut = await page.locator('.bar-stars > span').evaluateAll((spans) =>
      spans.map((s) => ({ text: s.textContent, cut: s.scrollWidth > s.clientWidth })),
    );
    assert.ok(cut.every((s) => !s.cut), JSON.stringify(cut));
    await shot(page, 'field-bar-320', { fullPage: false });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.stop();
  }
});

test('the index jumps to a late section, focuses its heading and counts the answers', async () => {
  const server = await startServer();
  const { context, page, errors } = await newPhonePage(browser);
  try {
    // Open the index as soon as it is there (the sections are still being added).
    await page.goto(`${server.url}?set=QD26-09`);
    await page.locator('#toc-summary').click();
    const last = page.locator('.toc-link').last();
    assert.match(await last.textContent(), /^11\. CƠ HỘI THỊ TRƯỜNG TOÀN CẦU\s*0\/1$/);
    await shot(page, 'field-index-open', { fullPage: false });
    await last.click();
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'sec-11');
    const box = await page.locator('#sec-11').boundingBox();
    assert.ok(box.y >= 0 && box.y < 200, `the heading is at the top: ${box.y}`);
    await shot(page, 'field-index-jumped', { fullPage: false });
    // Answer 11 and come back: the index counts it.
    await page.locator('label[for="c-11-l1"]').click();
    await page.getByRole('button', { name: /Về mục lục/ }).last().click();
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'toc-summary');
    assert.match(await page.locator('.toc-link').last().textContent(), /1\/1/);
    // A part: its heading.
    await page.locator('.toc-part').nth(1).click();
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'part-B');
    // Criteria 7–11: the title once (the section heading), the card's legend for screen readers.
    assert.equal(await page.locator('#c-7 > legend').evaluate((l) => l.getBoundingClientRect().width <= 1), true);
    const where = await page.evaluate(() => {
      const out = [];
      const walk = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
      while (walk.nextNode()) {
        const n = walk.currentNode;
        if (!n.data.includes('TÍNH ĐỘC ĐÁO (Chất lượng')) continue;
        const at = n.parentElement.closest('h3, details, legend');
        out.push(at.tagName + (at.classList.contains('sr-only') ? '.sr-only' : ''));
      }
      return out.sort();
    });
    assert.deepEqual(where, ['DETAILS', 'H3', 'LEGEND.sr-only'], 'shown by the heading (and the index); the card\'s legend for screen readers');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.stop();
  }
});

test('"ready to use offline" shows once the worker has cached everything, with the next screen, and not on the next load', async () => {
  const server = await startServer();
  const { context, page, errors } = await newPhonePage(browser);
  try {
    await openFishSauce(page, server.url);
    const notice = page.locator('#offline-ready');
    // Not inserted under the header of the page being read (it pushed it down: a layout
    // shift, issue 16), but with the next screen.
    await page.waitForFunction(() => navigator.serviceWorker.getRegistration().then((r) => !!(r && r.active)), null, { timeout: 60_000 });
    await page.waitForTimeout(1500);
    assert.equal(await notice.count(), 0, 'not while the questionnaire is read');
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), OFFLINE_KEY), null, 'not remembered before it is seen');
    await page.click('#open-details');
    await notice.waitFor({ timeout: 10_000 });
    assert.match(await notice.textContent(), /sẵn sàng dùng khi không có mạng/);
    // Only once the worker is active (it activates after caching every file).
    assert.ok(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => !!(r && r.active))));
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), OFFLINE_KEY), '1');
    await shot(page, 'field-offline-ready', { fullPage: false });
    await page.click('#offline-ready-ok');
    await notice.waitFor({ state: 'detached' });

    await openFishSauce(page, server.url);
    await page.click('#open-details');
    await page.locator('#main').waitFor();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForTimeout(1000);
    assert.equal(await notice.count(), 0, 'not again on the next load');
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.stop();
  }
});

test('the header says so while the device is offline', async () => {
  const server = await startServer();
  const { context, page, errors } = await newPhonePage(browser, {
    ignore: [/net::ERR_INTERNET_DISCONNECTED/, /Failed to load resource/],
  });
  try {
    await openFishSauce(page, server.url);
    assert.equal(await page.locator('#offline-indicator').count(), 0);
    await context.setOffline(true);
    const indicator = page.locator('header.top [role="status"] #offline-indicator');
    await indicator.waitFor();
    assert.match(await indicator.textContent(), /Không có mạng/);
    // A strip under the tabs, only while offline.
    if (await page.locator('#offline-ready').count()) await page.click('#offline-ready-ok');
    const header = await page.locator('header.top').boundingBox();
    assert.ok(header.height <= 130, `header ${header.height} px`);
    console.log(`# header while offline: ${header.height} px`);
    await shot(page, 'field-offline-indicator', { fullPage: false });
    await context.setOffline(false);
    await indicator.waitFor({ state: 'detached' });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.stop();
  }
});

test('the dossier: the draft name carries over, a year-first date is rewritten, 3.2 is checked', async () => {
  const server = await startServer();
  const { context, page, errors } = await newPhonePage(browser);
  try {
    await openFishSauce(page, server.url);
    await page.fill('#draft-title', 'Nước mắm cá cơm Cô Ba');
    await page.locator('label[for="c-3-2-l2"]').click();
    await page.locator('#open-details').click();
    const product = page.locator('#f-product-name');
    await page.waitForFunction(() => document.querySelector('#f-product-name')?.value === 'Nước mắm cá cơm Cô Ba');
    assert.match(await page.locator('#f-product-name-from-title').textContent(), /tên bản nháp/);
    await product.fill('Nước mắm cá cơm Cô Ba 35 độ đạm');
    assert.equal(await page.locator('#f-product-name-from-title').count(), 0, 'changed by the user');

    await page.fill('#f-producer-registration-date', '2019-03-05');
    await page.locator('#f-producer-phone').focus();
    await page.waitForFunction(() => document.querySelector('#f-producer-registration-date').value === '05/03/2019');

    await page.fill('#f-producer-phone', '12345');
    await page.locator('#f-producer-email').focus();
    assert.match(await page.locator('#f-producer-phone-err').textContent(), /^⚠?\s*Số điện thoại/);

    await page.fill('#f-producer-representative-gender', 'Nam');
    await page.fill('#f-producer-representative-ethnicity', 'Kinh');
    await page.fill('#f-producer-representative-disability', 'Không');
    const warning = page.locator('#rep-ground-warning');
    await warning.waitFor();
    assert.match(await warning.textContent(), /Tiêu chí 3\.2/);
    await warning.scrollIntoViewIfNeeded();
    await shot(page, 'field-details-3-2', { fullPage: false });
    await page.getByRole('button', { name: 'Bảng hỏi', exact: true }).click();
    await page.locator('#c-3-2-warning').waitFor();
    await page.locator('#c-3-2').scrollIntoViewIfNeeded();
    await shot(page, 'field-questionnaire-3-2', { fullPage: false });
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
    await server.stop();
  }
});
