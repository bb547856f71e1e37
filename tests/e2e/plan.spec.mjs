// Issue #13 items 4 and 6 at 360x740: the advice as ONE plan (criterion names and level words,
// a step jumps to its criterion), a knocked-out draft told only the knock-out, a fresh draft
// with no stars, the one-page summary (fits a 360 px screen and one A4 page), and sharing
// through navigator.share when the phone has it, copying when it has not.
// Screenshots: target/e2e/plan-*.png.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPhonePage, shot, url } from './helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const ready = (page) => page.locator('.questionnaire[data-complete="true"]').waitFor();
const total = async (page) => Number(await page.locator('.bar-total .num').textContent());
const barStars = (page) => page.locator('.bar-stars').textContent();

async function openSet(page, id = 'QD26-09') {
  await page.goto(url(`?set=${id}`));
  await ready(page);
}

/** "Không" on every knock-out question. */
async function knockOutsNo(page) {
  const no = page.locator('fieldset.ko label[for$="-no"]');
  for (let i = 0; i < (await no.count()); i += 1) await no.nth(i).click();
}

/** Every criterion at its printed position `n` (or its last when shorter): a middling draft. */
async function answerAt(page, n) {
  await page.$$eval(
    'fieldset.crit',
    (sets, n) => {
      for (const fs of sets) {
        const radios = [...fs.querySelectorAll('input[type=radio]')].filter((r) => r.value !== 'none');
        const r = radios[Math.min(n, radios.length) - 1];
        if (r && !r.checked) r.click();
      }
    },
    n,
  );
}

async function openSheet(page) {
  await page.locator('.bar .toggle').click();
  await page.locator('.result.open #result-detail').waitFor();
}

test('a middling draft gets one plan with names and level words; a step jumps to its criterion', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await openSet(page);
  // A fresh draft: no stars, the answered count instead.
  assert.match(await barStars(page), /Chưa đủ câu trả lời để ước tính · 0\/31/);
  assert.equal(await page.locator('.bar .glyphs').count(), 0, 'no star glyphs');
  await shot(page, 'plan-01-fresh-bar', { fullPage: false });
  await openSheet(page);
  const detail = page.locator('#result-detail');
  assert.match(await detail.textContent(), /Chưa đủ câu trả lời để ước tính hạng sao: đã trả lời 0\/31 tiêu chí/);
  assert.match(await detail.textContent(), /từ 1★ lên đến 5★/);
  assert.equal(await page.locator('.plan-steps').count(), 0, 'no plan without an estimate');
  assert.doesNotMatch(await detail.textContent(), /1 sao/);
  await shot(page, 'plan-02-fresh-sheet', { fullPage: false });
  await page.locator('.bar .toggle').click();

  await knockOutsNo(page);
  await answerAt(page, 2);
  await page.waitForFunction(() => !/Chưa đủ/.test(document.querySelector('.bar-stars')?.textContent || ''));
  const t = await total(page);
  assert.ok(t > 0 && t < 100, `total ${t}`);
  assert.match(await barStars(page), /\d sao/);

  await openSheet(page);
  const text = await detail.textContent();
  assert.match(text, /Vì sao chưa cao hơn/);
  assert.match(text, /Kế hoạch nâng hạng/);
  assert.doesNotMatch(text, /Nên cải thiện gì trước/, 'one list, not two');
  assert.match(text, /ước tính của công cụ/);
  const steps = page.locator('.plan-steps li button.step');
  const n = await steps.count();
  assert.ok(n >= 1, 'at least one step');
  const first = await steps.first().textContent();
  assert.match(first, /tiêu chí \d+(\.\d+)* “[^”]+” (lên mức|và đạt mức): “[^”]+”/, first);
  assert.match(first, /\+\d+ điểm/);
  // Each criterion appears once in the plan.
  const targets = await steps.evaluateAll((bs) => bs.map((b) => b.dataset.target));
  assert.equal(new Set(targets).size, targets.length, JSON.stringify(targets));
  const end = await page.locator('#plan-end').textContent();
  assert.match(end, /^Làm đủ các việc trên → khoảng \d+ điểm, [1-5]★ \(ước tính\)\.$/, end);
  assert.ok(
    (await detail.evaluate((d) => d.scrollWidth <= d.clientWidth + 1)),
    'the sheet does not overflow sideways',
  );
  await shot(page, 'plan-03-sheet-plan', { fullPage: false });
  await page.locator('.plan').scrollIntoViewIfNeeded();
  await shot(page, 'plan-04-sheet-plan-steps', { fullPage: false });

  // Tap the last step: the sheet closes and the criterion is on screen, focused.
  const target = targets[targets.length - 1];
  await steps.last().click();
  await page.waitForFunction(() => !document.querySelector('.result')?.classList.contains('open'));
  await page.waitForFunction((id) => document.getElementById(id)?.contains(document.activeElement), target);
  const box = await page.locator(`#${target}`).boundingBox();
  assert.ok(box && box.y < 740 && box.y + box.height > 0, `criterion ${target} on screen: ${JSON.stringify(box)}`);
  await shot(page, 'plan-05-after-step-tap', { fullPage: false });

  // Better answers: a longer plan, still one list, minimums first.
  await answerAt(page, 3);
  await openSheet(page);
  await page.locator('.plan').scrollIntoViewIfNeeded();
  await shot(page, 'plan-05b-longer-plan', { fullPage: false });
  const kinds = await page.locator('.plan-steps li button.step .step-text').allTextContents();
  const firstGain = kinds.findIndex((t) => !/bắt buộc để đạt/.test(t));
  assert.ok(firstGain === -1 || kinds.slice(firstGain).every((t) => !/bắt buộc để đạt/.test(t)), JSON.stringify(kinds));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a knocked-out draft is told only what removes the knock-out', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await openSet(page);
  await knockOutsNo(page);
  await answerAt(page, 1);
  const yes = page.locator('fieldset.ko label[for$="-yes"]').first();
  const koId = await yes.evaluate((l) => l.closest('fieldset').id);
  await yes.click();
  await page.locator('.bar-stars .rejected').waitFor();
  await openSheet(page);
  const detail = page.locator('#result-detail');
  const text = await detail.textContent();
  assert.match(text, /Việc cần làm trước tiên/);
  const steps = page.locator('.plan-steps li button.step');
  assert.equal(await steps.count(), 1);
  assert.match(await steps.first().textContent(), /đổi câu trả lời thành “Không”/);
  assert.doesNotMatch(text, /\+\d+ điểm/, 'no point advice');
  assert.doesNotMatch(text, /Để đạt \d★/, 'no next-star sentence');
  await shot(page, 'plan-06-knock-out', { fullPage: false });
  await steps.first().click();
  await page.waitForFunction((id) => document.getElementById(id)?.contains(document.activeElement), koId);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the one-page summary opens, reads at 360 px and prints on one A4 page', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await openSet(page);
  await knockOutsNo(page);
  await answerAt(page, 2);
  await page.fill('#draft-title', 'Nước mắm cá cơm Cô Ba');
  await page.waitForFunction(() => !/Chưa đủ/.test(document.querySelector('.bar-stars')?.textContent || ''));
  await openSheet(page);
  const [popup] = await Promise.all([context.waitForEvent('page'), page.locator('#open-summary').click()]);
  await popup.waitForLoadState();
  await popup.locator('#s-stars').waitFor();
  assert.match(await popup.locator('#s-product').textContent(), /Nước mắm cá cơm Cô Ba/);
  assert.match(await popup.locator('#s-set').textContent(), /Bộ số 9/);
  assert.match(await popup.locator('#s-stars').textContent(), /\d sao \(ước tính\)/);
  assert.equal(await popup.locator('#s-parts tr').count(), 4, 'A, B, C and the total');
  assert.ok((await popup.locator('#s-plan li').count()) >= 1);
  assert.match(await popup.locator('#s-end').textContent(), /Làm đủ các việc trên →/);
  assert.ok(await popup.evaluate(() => document.documentElement.scrollWidth <= 361), 'no sideways scroll at 360 px');
  assert.ok(await popup.locator('#print').isVisible(), 'a print button on screen');
  // The button's one script runs under both policies (the page's and the app's, for a blob:).
  await popup.evaluate(() => {
    window.__printed = 0;
    window.print = () => {
      window.__printed += 1;
    };
  });
  await popup.locator('#print').click();
  assert.equal(await popup.evaluate(() => window.__printed), 1, 'the print button calls window.print()');
  await shot(popup, 'plan-07-summary-360');
  const pdf = await popup.pdf({ format: 'A4', printBackground: true });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.equal(pages, 1, `the summary prints on ${pages} A4 page(s)`);
  await popup.close();
  assert.deepEqual(errors, []);
  await context.close();
});

test('share: navigator.share when the phone has it, copy when it has not', async () => {
  // A phone with Web Share (stubbed: it records what it was given).
  {
    const { context, page, errors } = await newPhonePage(browser);
    await context.addInitScript(() => {
      window.__shared = [];
      Object.defineProperty(Navigator.prototype, 'share', {
        configurable: true,
        value: function (data) {
          window.__shared.push(data);
          return Promise.resolve();
        },
      });
      Object.defineProperty(Navigator.prototype, 'canShare', { configurable: true, value: () => true });
    });
    await openSet(page);
    await knockOutsNo(page);
    await page.locator('#open-share').click();
    await page.locator('#share-via').waitFor();
    assert.match(await page.locator('#share-via').textContent(), /Gửi qua Zalo \/ ứng dụng khác/);
    await shot(page, 'plan-08-share-dialog-web-share', { fullPage: false });
    await page.locator('#share-via').click();
    await page.waitForFunction(() => window.__shared.length === 1);
    const sent = await page.evaluate(() => window.__shared[0]);
    assert.match(sent.url, /#d=/, JSON.stringify(sent));
    assert.match(sent.text, /Bản nháp tự đánh giá OCOP/);
    assert.equal(await page.locator('#copy-status').textContent(), '', 'shared: nothing to say');
    // The summary goes the same way.
    await page.locator('#share-close').click();
    await answerAt(page, 2);
    await openSheet(page);
    await page.locator('#send-summary').click();
    await page.waitForFunction(() => window.__shared.length === 2);
    const summary = await page.evaluate(() => window.__shared[1]);
    assert.match(summary.text, /^Tóm tắt tự đánh giá OCOP\n/);
    assert.match(summary.text, /Làm đủ các việc trên →/);
    assert.deepEqual(errors, []);
    await context.close();
  }
  // Closing the share sheet (AbortError) says nothing.
  {
    const { context, page, errors } = await newPhonePage(browser);
    await context.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'share', {
        configurable: true,
        value: () => Promise.reject(new DOMException('cancelled', 'AbortError')),
      });
    });
    await openSet(page);
    await page.locator('#open-share').click();
    await page.locator('#share-via').click();
    await page.waitForTimeout(300);
    assert.equal(await page.locator('#copy-status').textContent(), '');
    assert.deepEqual(errors, []);
    await context.close();
  }
  // No Web Share: the button is not there; copying works, and the summary is copied.
  {
    const { context, page, errors } = await newPhonePage(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url()).origin });
    await context.addInitScript(() => {
      delete Navigator.prototype.share;
      delete Navigator.prototype.canShare;
    });
    await openSet(page);
    await knockOutsNo(page);
    await page.locator('#open-share').click();
    await page.locator('#copy-link').waitFor();
    assert.equal(await page.locator('#share-via').count(), 0);
    await page.locator('#copy-link').click();
    await page.locator('#copy-status', { hasText: 'Đã chép liên kết.' }).waitFor();
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), /#d=/);
    await shot(page, 'plan-09-share-dialog-copy', { fullPage: false });
    await page.locator('#share-close').click();
    await answerAt(page, 2);
    await openSheet(page);
    await page.locator('#send-summary').click();
    await page.locator('#summary-status', { hasText: 'Đã chép bản tóm tắt.' }).waitFor();
    assert.match(await page.evaluate(() => navigator.clipboard.readText()), /^Tóm tắt tự đánh giá OCOP/);
    await shot(page, 'plan-10-summary-copied', { fullPage: false });
    assert.deepEqual(errors, []);
    await context.close();
  }
});
