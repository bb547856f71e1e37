// What the drafts' database costs (issue 11), reported, not asserted, with 4x CPU throttling in
// headless Chromium at phone size. Skipped unless MEASURE=1:
//
//   MEASURE=1 RUNS=9 BASE_URL=http://127.0.0.1:8080/ node --test tests/e2e/perf-store.spec.mjs
//
// - open: navigation -> the open draft's questionnaire complete, with 1 draft and with 50 saved
//   drafts (each a filled QD26-09 draft), in alternating runs so the ratio is side by side;
// - save: an answer tapped -> its record written in the database and announced to other tabs
//   (the BroadcastChannel message the store posts after the write), the same with 50 drafts.
// Prints medians and ranges; writes target/e2e/perf-store.json.

import { test, before, after } from 'node:test';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser, newPhonePage, url, SHOT_DIR } from './helpers.mjs';
import { openSet } from './site-helpers.mjs';
import { storedRecords, waitForStored } from './store-helpers.mjs';

const MEASURE = process.env.MEASURE === '1';
const RUNS = Number(process.env.RUNS || 9);
const RATE = Number(process.env.CPU_RATE || 4);

let browser;
before(async () => {
  if (MEASURE) browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const summary = (xs) => ({
  median: Math.round(median(xs)),
  min: Math.round(Math.min(...xs)),
  max: Math.round(Math.max(...xs)),
  runs: xs.length,
});

/** A browser context holding one filled draft, or that draft and 49 copies (other ids). */
async function deviceWith(n) {
  const { context, page } = await newPhonePage(browser);
  await page.goto(url());
  await openSet(page, 'nuoc mam');
  for (const [c, l] of [['1-1', 3], ['1-2', 2], ['1-3', 2], ['2-1', 2], ['2-2', 1]]) {
    await page.locator(`label[for="c-${c}-l${l}"]`).click();
  }
  await page.click('#open-details');
  await page.fill('#f-producer-name', 'Hợp tác xã Nước mắm Cô Ba');
  await page.fill('#f-producer-address', 'Thôn 3, xã Dương Tơ, Phú Quốc, Kiên Giang');
  await page.fill('#f-product-name', 'Nước mắm nhĩ cá cơm 40 độ đạm');
  await waitForStored(page, (ds) => ds.length === 1 && ds[0].producer?.address?.includes('Kiên Giang'));
  const [record] = await storedRecords(page);
  if (n > 1) {
    await page.evaluate(
      ([rec, count]) =>
        new Promise((resolve, reject) => {
          const req = indexedDB.open('ocop-self-check');
          req.onsuccess = () => {
            const db = req.result;
            const tx = db.transaction('drafts', 'readwrite');
            for (let i = 1; i < count; i += 1) {
              const id = `copy-${i}`;
              tx.objectStore('drafts').put({ ...rec, id, draft: { ...rec.draft, id, title: `Bản ${i}`, created_ms: rec.draft.created_ms - i } });
            }
            tx.oncomplete = () => { db.close(); resolve(); };
            tx.onerror = () => reject(tx.error);
          };
        }),
      [record, n],
    );
    await page.evaluate((count) => localStorage.setItem('ocop-self-check/index', JSON.stringify({ drafts: count, set: 'QD26-09' })), n);
  }
  await page.goto('about:blank');
  return { context, page };
}

async function throttle(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
}

/** Open the app; ms from navigation start to the questionnaire complete. */
async function openMs(page) {
  await page.goto(url());
  await page.locator('.questionnaire[data-complete="true"]').waitFor({ timeout: 60000 });
  return page.evaluate(() => performance.now());
}

/** Tap an answer; ms until the store announces the written record. */
function saveMs(page, pos) {
  return page.evaluate(
    (p) =>
      new Promise((resolve) => {
        const ch = new BroadcastChannel('ocop-self-check');
        const t0 = performance.now();
        ch.onmessage = () => {
          ch.close();
          resolve(performance.now() - t0);
        };
        document.getElementById(`c-1-4-l${p}`).click();
      }),
    pos,
  );
}

test('the drafts database: open with 1 and with 50 drafts, and save an answer, at 4x CPU throttling', { skip: !MEASURE && 'set MEASURE=1' }, async () => {
  const one = await deviceWith(1);
  const fifty = await deviceWith(50);
  const open = { 1: [], 50: [] };
  const save = { 1: [], 50: [] };
  for (let i = 0; i < RUNS; i += 1) {
    for (const [n, dev] of [[1, one], [50, fifty]]) {
      const page = await dev.context.newPage();
      await throttle(dev.context, page);
      open[n].push(await openMs(page));
      await page.waitForTimeout(300);
      for (let k = 0; k < 3; k += 1) save[n].push(await saveMs(page, ((i + k) % 3) + 1));
      await page.close();
    }
  }
  const out = {
    cpu_rate: RATE,
    open_1: summary(open[1]),
    open_50: summary(open[50]),
    open_ratio_50_to_1: Number((median(open[50]) / median(open[1])).toFixed(2)),
    save_1: summary(save[1]),
    save_50: summary(save[50]),
    save_ratio_50_to_1: Number((median(save[50]) / median(save[1])).toFixed(2)),
    stored_50: (await storedRecords(await fifty.context.newPage().then(async (p) => { await p.goto(url()); return p; }))).length,
  };
  console.log(JSON.stringify(out, null, 2));
  await mkdir(SHOT_DIR, { recursive: true });
  await writeFile(path.join(SHOT_DIR, 'perf-store.json'), JSON.stringify(out, null, 2));
  await one.context.close();
  await fifty.context.close();
});
