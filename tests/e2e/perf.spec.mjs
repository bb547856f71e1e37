// Budget measurements of issue #3 (reported, not asserted): first usable render and
// answer -> updated result, both with 4x CPU throttling in headless Chromium at phone size.
// Skipped unless MEASURE=1:
//
//   MEASURE=1 RUNS=15 BASE_URL=http://127.0.0.1:8080/ node --test tests/e2e/perf.spec.mjs
//
// Prints medians and ranges; writes target/e2e/perf.json.

import { test, before, after } from 'node:test';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser, newPhonePage, url, SHOT_DIR } from './helpers.mjs';

const MEASURE = process.env.MEASURE === '1';
const RUNS = Number(process.env.RUNS || 15);
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

async function throttledPage() {
  const { context, page, errors } = await newPhonePage(browser);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: RATE });
  // Record when a selector first appears (ms since navigation start).
  await context.addInitScript(() => {
    window.__seen = {};
    const watch = ['#set-search', '#c-1-1'];
    new MutationObserver(() => {
      for (const sel of watch) {
        if (!window.__seen[sel] && document.querySelector(sel)) window.__seen[sel] = performance.now();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  return { context, page, errors };
}

test('first usable render and answer latency at 4x CPU throttling', { skip: !MEASURE && 'set MEASURE=1' }, async () => {
  const fresh = [];
  const returning = [];
  const answerDom = [];
  const answerBusy = [];
  const frameWork = [];
  for (let i = 0; i < RUNS; i += 1) {
    // A first visit: the set chooser with its search box.
    let { context, page } = await throttledPage();
    await page.goto(url());
    await page.waitForFunction(() => window.__seen['#set-search'] !== undefined, null, { timeout: 30000 });
    fresh.push(await page.evaluate(() => window.__seen['#set-search']));
    // Make a draft, then measure a returning visit (questionnaire incl. the rubric fetch).
    await page.fill('#set-search', 'nuoc mam');
    await page.locator('.results li.set button').first().click();
    await page.locator('#c-1-1').waitFor();
    const storage = await context.storageState();
    await context.close();

    ({ context, page } = await throttledPage());
    await context.addInitScript((s) => {
      for (const { name, value } of s) localStorage.setItem(name, value);
    }, storage.origins[0]?.localStorage ?? []);
    await page.goto(url());
    await page.waitForFunction(() => window.__seen['#c-1-1'] !== undefined, null, { timeout: 30000 });
    returning.push(await page.evaluate(() => window.__seen['#c-1-1']));

    // Answer -> the total in the result bar changes: time to the DOM mutation, and time until
    // the main thread is free again (all rendering, effects and the save to local storage done).
    if (i < 3) {
      for (let k = 0; k < 10; k += 1) {
        const [dom, busy] = await page.evaluate(
          (pos) =>
            new Promise((resolve) => {
              const num = document.querySelector('.bar-total .num');
              let domAt = null;
              const t0 = performance.now();
              const obs = new MutationObserver(() => {
                obs.disconnect();
                domAt = performance.now() - t0;
              });
              obs.observe(num, { childList: true, characterData: true, subtree: true });
              const ch = new MessageChannel();
              ch.port1.onmessage = () => resolve([domAt, performance.now() - t0]);
              document.getElementById(`c-1-1-l${pos}`).click();
              ch.port2.postMessage(0);
            }),
          (k % 3) + 1,
        );
        answerDom.push(dom);
        answerBusy.push(busy);
      }
    }
    // Main-thread work per answer including style, layout and paint of the next frame
    // (CDP TaskDuration per answer minus the same loop without answering).
    if (i < 3) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Performance.enable');
      const task = async () =>
        (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1000;
      const loop = async (doClick) => {
        const t0 = await task();
        for (let k = 0; k < 20; k += 1) {
          await page.evaluate(
            ([pos, go]) =>
              new Promise((r) => {
                if (go) document.getElementById(`c-1-1-l${pos}`).click();
                requestAnimationFrame(() => setTimeout(r, 0));
              }),
            [(k % 3) + 1, doClick],
          );
        }
        return ((await task()) - t0) / 20;
      };
      const base = await loop(false);
      frameWork.push((await loop(true)) - base);
    }
    await context.close();
  }
  const result = {
    cpu_throttle: RATE,
    first_render_chooser_ms: summary(fresh),
    first_render_questionnaire_ms: summary(returning),
    answer_to_result_dom_ms: summary(answerDom),
    answer_main_thread_busy_ms: summary(answerBusy),
    answer_frame_work_ms: summary(frameWork),
  };
  console.log(JSON.stringify(result, null, 2));
  await mkdir(SHOT_DIR, { recursive: true });
  await writeFile(path.join(SHOT_DIR, 'perf.json'), JSON.stringify(result, null, 2));
});
