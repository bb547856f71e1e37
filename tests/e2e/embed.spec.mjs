// Embedding (issue 5): static/embed-example.html served from a SECOND origin (another localhost
// port) puts the app (BASE_URL) in an iframe with ?lang&set&theme&header=0&origin=…; the host gets
// the content height and a result message (scores and stars only) after every change. Inside a
// third-party frame whose storage throws, the app keeps working in memory and says so.
// Issue 13: the height is the content's (it shrinks after the questionnaire), the live score is
// in the host's viewport while the user reads the middle of the questionnaire (from the host's
// viewport messages, or worked out by the frame without them), and a missing or malformed
// `origin` is named in the console.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPhonePage, shot, url } from './helpers.mjs';
import { startServer } from './site-helpers.mjs';

let browser;
let host;
before(async () => {
  browser = await launchBrowser();
  host = await startServer();
});
after(async () => {
  await browser?.close();
  await host?.stop();
});

const hostPage = () => `${host.url}static/embed-example.html?app=${encodeURIComponent(url('index.html'))}`;

const messages = (page) => page.evaluate(() => window.ocopMessages || []);

async function waitForMessage(page, predicate, what) {
  const fn = new Function('m', `return (${predicate})(m);`);
  for (let i = 0; i < 100; i += 1) {
    const all = await messages(page);
    const hit = all.filter((m) => fn(m));
    if (hit.length) return hit[hit.length - 1];
    await page.waitForTimeout(100);
  }
  assert.fail(`no ${what} message; got ${JSON.stringify(await messages(page))}`);
}

test('the embed example on another origin gets height and result messages', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  assert.notEqual(new URL(host.url).origin, new URL(url()).origin, 'two origins');
  await page.goto(hostPage());
  const frame = page.frameLocator('#ocop');
  await frame.locator('.questionnaire[data-complete="true"]').waitFor();

  const height = await waitForMessage(page, "(m) => m.type === 'ocop-self-check:height'", 'height');
  assert.ok(height.height > 400, JSON.stringify(height));
  const first = await waitForMessage(page, "(m) => m.type === 'ocop-self-check:result'", 'result');
  assert.deepEqual(Object.keys(first).sort(), ['parts', 'set', 'stars', 'total', 'type']);
  assert.equal(first.set, 'QD26-09');
  assert.equal(first.total, 0);

  // The parameters: Vietnamese, preselected set, header hidden, theme colour.
  const app = page.frames().find((f) => f.url().startsWith(url()));
  assert.ok(app, 'the app frame');
  assert.equal(await app.getAttribute('html', 'lang'), 'vi');
  assert.equal(await app.locator('.top-row').count(), 0, 'header hidden');
  assert.equal(await app.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--pri').trim()), '#7a1f1f');

  // Answer in the frame: a new result message with the new total; the host shows it.
  await frame.locator('label[for="c-1-1-l3"]').click();
  const next = await waitForMessage(page, "(m) => m.type === 'ocop-self-check:result' && m.total > 0", 'changed result');
  const shown = Number(await frame.locator('.bar-total .num').textContent());
  assert.equal(next.total, shown);
  assert.equal(next.parts.A + next.parts.B + next.parts.C, next.total);
  assert.match(await page.textContent('#result'), new RegExp(`${shown}/100`));
  // The host sized the iframe from the last height message.
  const last = (await messages(page)).filter((m) => m.type === 'ocop-self-check:height').pop();
  const frameHeight = await page.$eval('#ocop', (f) => parseInt(f.style.height, 10));
  assert.equal(frameHeight, Math.max(200, last.height), 'no upper cap');
  // Only the documented messages, never personal details.
  for (const m of await messages(page)) {
    assert.ok(['ocop-self-check:height', 'ocop-self-check:result'].includes(m.type), JSON.stringify(m));
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, 'embed-example', { fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});

test('embedded without a preselected set: the start module is themed, posts its height, and hands over in the frame', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await page.goto(`${hostPage()}&set=`);
  const frame = page.frameLocator('#ocop');
  await frame.locator('#set-search').waitFor();
  const app = page.frames().find((f) => f.url().startsWith(url()));
  assert.ok(app, 'the app frame');
  assert.ok(!app.url().includes('set='), app.url());
  assert.equal(await app.locator('#start .app').count(), 1, 'the start module');
  assert.equal(await app.locator('.top-row').count(), 0, 'header hidden');
  assert.equal(await app.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--pri').trim()), '#7a1f1f');
  const height = await waitForMessage(page, "(m) => m.type === 'ocop-self-check:height'", 'height');
  assert.ok(height.height > 400, JSON.stringify(height));

  await frame.locator('#set-search').fill('nuoc mam');
  await frame.locator('.results li.set[data-set="QD26-09"] button').click();
  await frame.locator('.questionnaire[data-complete="true"]').waitFor();
  const result = await waitForMessage(page, "(m) => m.type === 'ocop-self-check:result'", 'result');
  assert.equal(result.set, 'QD26-09');
  assert.equal(await app.locator('.top-row').count(), 0, 'header still hidden in the full app');
  assert.deepEqual(errors, []);
  await context.close();
});

test('inside a third-party frame whose storage throws, the app works in memory with a notice', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  // Every frame but the top one: reading localStorage throws, as in a browser blocking
  // third-party storage.
  await context.addInitScript(() => {
    if (window.top !== window) {
      Object.defineProperty(window, 'localStorage', {
        configurable: true,
        get() {
          throw new DOMException('The operation is insecure.', 'SecurityError');
        },
      });
    }
  });
  await page.goto(hostPage());
  const frame = page.frameLocator('#ocop');
  await frame.locator('.questionnaire[data-complete="true"]').waitFor();
  const warning = frame.locator('#storage-warning');
  await warning.waitFor();
  assert.match(await warning.textContent(), /không cho lưu dữ liệu/);
  await frame.locator('label[for="c-1-1-l3"]').click();
  await frame.locator('label[for="c-1-2-l2"]').click();
  const shown = Number(await frame.locator('.bar-total .num').textContent());
  assert.ok(shown > 0);
  await waitForMessage(page, `(m) => m.type === 'ocop-self-check:result' && m.total === ${shown}`, 'result');
  // Still works after moving around in the app (in memory).
  await frame.getByRole('button', { name: /Bản nháp/ }).first().click();
  await frame.locator('li.draft').first().waitFor();
  await shot(page, 'embed-storage-blocked', { fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});

// --- Issue 13: embedding that fits -------------------------------------------------------------

const appFrame = (page) => page.frames().find((f) => f.url().startsWith(url()));

/** Wait until the host's frame height has settled on the frame's content height. */
async function settledFit(page, what) {
  let last = null;
  for (let i = 0; i < 100; i += 1) {
    const app = appFrame(page);
    const frameHeight = await page.$eval('#ocop', (f) => f.clientHeight);
    const content = await app.evaluate(() => {
      const root = document.documentElement.getBoundingClientRect().height;
      const app = document.getElementById('app').getBoundingClientRect().bottom;
      return { root, app };
    });
    const fit = { frameHeight, ...content };
    if (last && JSON.stringify(last) === JSON.stringify(fit) && Math.abs(frameHeight - content.root) <= 3) {
      return fit;
    }
    last = fit;
    await page.waitForTimeout(150);
  }
  assert.fail(`${what}: the frame never fitted its content: ${JSON.stringify(last)}`);
}

test('the frame shrinks to its content after the questionnaire: drafts list, then dossier', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await page.goto(hostPage());
  const frame = page.frameLocator('#ocop');
  await frame.locator('.questionnaire[data-complete="true"]').waitFor();
  const q = await settledFit(page, 'questionnaire');
  assert.ok(q.frameHeight > 10000, `the questionnaire is long: ${JSON.stringify(q)}`);

  // One answer (a draft is kept from its first answer), then the drafts list.
  await frame.locator('label[for="c-1-1-l3"]').click();
  await waitForMessage(page, "(m) => m.type === 'ocop-self-check:result' && m.total > 0", 'result');
  await frame.getByRole('button', { name: /Bản nháp/ }).first().click();
  await frame.locator('li.draft').first().waitFor();
  const drafts = await settledFit(page, 'drafts');
  assert.ok(drafts.frameHeight < 2500, `shrank to the drafts list: ${JSON.stringify(drafts)}`);
  assert.ok(drafts.frameHeight - drafts.app <= 100, `no blank space below: ${JSON.stringify(drafts)}`);
  await shot(page, 'embed-drafts-fits', { fullPage: true });

  await frame.getByRole('button', { name: /^Hồ sơ/ }).first().click();
  await frame.locator('#main h1, #main h2').first().waitFor();
  const details = await settledFit(page, 'details');
  assert.ok(details.frameHeight < q.frameHeight / 2, `shrank to the dossier: ${JSON.stringify(details)}`);
  assert.ok(details.frameHeight - details.app <= 100, `no blank space below: ${JSON.stringify(details)}`);

  // The messages said so: down from the questionnaire's height; never the same twice in a row.
  const heights = (await messages(page)).filter((m) => m.type === 'ocop-self-check:height').map((m) => m.height);
  for (let i = 1; i < heights.length; i += 1) assert.notEqual(heights[i], heights[i - 1], JSON.stringify(heights));
  const tallest = heights.indexOf(Math.max(...heights));
  assert.ok(heights[tallest] > 10000 && heights.slice(tallest).some((h) => h < 2500), JSON.stringify(heights));
  assert.deepEqual(errors, []);
  await context.close();
});

/** The bar's box in the host page's viewport, and the host viewport's height. */
async function barInHost(page) {
  const box = await page.frameLocator('#ocop').locator('.result .bar').boundingBox();
  const vh = await page.evaluate(() => window.innerHeight);
  return { top: box.y, bottom: box.y + box.height, vh };
}

async function waitForBarInView(page, what, near) {
  let b;
  for (let i = 0; i < 60; i += 1) {
    b = await barInHost(page);
    if (b.top >= 0 && b.bottom <= b.vh + 1 && (near === undefined || b.bottom >= b.vh - near)) return b;
    await page.waitForTimeout(100);
  }
  assert.fail(`${what}: the score bar is not in the host's viewport: ${JSON.stringify(b)}`);
}

async function scrollHostToMiddle(page) {
  await page.evaluate(() => {
    const f = document.getElementById('ocop').getBoundingClientRect();
    window.scrollTo(0, window.scrollY + f.top + f.height / 2);
  });
}

/** Answer a criterion whose choice is in the host's viewport (no scrolling needed). */
async function answerInView(page) {
  const app = appFrame(page);
  const id = await app.evaluate(() =>
    // The levels of criteria not answered yet that score points ("Mức 2 · 2 điểm").
    Array.from(document.querySelectorAll('.questionnaire fieldset.crit'))
      .filter((g) => !g.querySelector('input:checked'))
      .flatMap((g) => Array.from(g.querySelectorAll('label.lvl')))
      .filter((l) => parseFloat(l.querySelector('.lvl-meta b')?.textContent ?? '0') > 0)
      .map((l) => l.htmlFor));
  const frame = page.frameLocator('#ocop');
  // The next one below the top of the host's viewport: the user scrolls it to the middle of the
  // screen (as one reads on) and taps it.
  for (const rid of id) {
    const label = frame.locator(`label[for="${rid}"]`);
    const box = await label.boundingBox();
    if (box && box.y > 0) {
      await page.evaluate((dy) => window.scrollBy(0, dy), Math.round(box.y - 300));
      await waitForBarInView(page, 'before the answer', 40);
      const at = await label.boundingBox();
      assert.ok(at.y > 0 && at.y + Math.min(at.height, 100) < 740 - 80, JSON.stringify(at));
      const scrollY = await page.evaluate(() => window.scrollY);
      await label.click();
      return { rid, scrollY };
    }
  }
  assert.fail('no answer below');
}

test('mid-questionnaire, the live score is in the host page\'s viewport and follows the answers', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await page.goto(hostPage());
  const frame = page.frameLocator('#ocop');
  await frame.locator('.questionnaire[data-complete="true"]').waitFor();
  await settledFit(page, 'questionnaire');
  await scrollHostToMiddle(page);
  const scrolled = await page.evaluate(() => window.scrollY);
  assert.ok(scrolled > 5000, `scrolled to the middle: ${scrolled}`);
  // The host's viewport message: the bar's bottom at the bottom of the host's viewport.
  const bar = await waitForBarInView(page, 'with viewport messages', 3);
  const before = Number(await frame.locator('.bar-total .num').textContent());
  const answered = await answerInView(page);
  const result = await waitForMessage(page, `(m) => m.type === 'ocop-self-check:result' && m.total !== ${before}`, 'changed result');
  assert.equal(Number(await frame.locator('.bar-total .num').textContent()), result.total);
  assert.equal(await page.evaluate(() => window.scrollY), answered.scrollY, 'answering did not scroll the host');
  await waitForBarInView(page, 'after the answer', 3);
  // The sheet opens above the bar, inside what the host shows.
  await frame.locator('.result .toggle').click();
  const sheet = await frame.locator('#result-detail').boundingBox();
  assert.ok(sheet.y >= 0 && sheet.y + sheet.height <= bar.bottom + 1, JSON.stringify({ sheet, bar }));
  await frame.locator('.result .toggle').click();
  // Scrolling on: the bar follows.
  await page.evaluate(() => window.scrollBy(0, 3000));
  await waitForBarInView(page, 'after scrolling on', 3);
  await page.evaluate(() => window.scrollBy(0, -3000));
  await waitForBarInView(page, 'after scrolling back', 3);
  await shot(page, 'embed-score-mid-questionnaire', { fullPage: false });
  // The messages the app posts kept their shapes.
  for (const m of await messages(page)) {
    if (m.type === 'ocop-self-check:result') assert.deepEqual(Object.keys(m).sort(), ['parts', 'set', 'stars', 'total', 'type']);
    else assert.deepEqual(Object.keys(m).sort(), ['height', 'type']);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('without viewport messages (an older host snippet), the frame finds the visible part itself', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await page.goto(`${hostPage()}&viewport=0`);
  const frame = page.frameLocator('#ocop');
  await frame.locator('.questionnaire[data-complete="true"]').waitFor();
  await settledFit(page, 'questionnaire');
  await scrollHostToMiddle(page);
  // Worked out from the frame's probe: within a strip's step (25 px) of the host's bottom.
  const b = await waitForBarInView(page, 'without viewport messages', 40);
  await answerInView(page);
  await waitForBarInView(page, 'after an answer', 40);
  await page.evaluate(() => window.scrollBy(0, 2000));
  await waitForBarInView(page, 'after scrolling on', 40);
  await page.evaluate(() => window.scrollBy(0, -2000));
  await waitForBarInView(page, 'after scrolling back', 40);
  await shot(page, 'embed-score-mid-no-viewport-messages', { fullPage: false });
  assert.ok(b.top >= 0);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a host page that forged or garbled the viewport message moves nothing', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await page.goto(`${hostPage()}&viewport=0`);
  const frame = page.frameLocator('#ocop');
  await frame.locator('.questionnaire[data-complete="true"]').waitFor();
  await settledFit(page, 'questionnaire');
  const app = appFrame(page);
  const css = () => app.evaluate(() => document.querySelector('.result').getAttribute('style') ?? '');
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(300);
  const before = await css();
  // Wrong target origin (not delivered), wrong types, non-finite values: ignored.
  await page.evaluate((appOrigin) => {
    const w = document.getElementById('ocop').contentWindow;
    w.postMessage({ type: 'ocop-self-check:viewport', top: 5000, height: 700 }, 'http://example.invalid');
    for (const m of [
      { type: 'ocop-self-check:viewport', top: '5000', height: 700 },
      { type: 'ocop-self-check:viewport', top: 5000 },
      { type: 'ocop-self-check:viewport', top: Infinity, height: 700 },
      { type: 'ocop-self-check:viewport', top: NaN, height: 700 },
      { type: 'ocop-self-check:height', top: 5000, height: 700 },
      '{"type":"ocop-self-check:viewport","top":5000,"height":700}',
      null,
    ]) w.postMessage(m, appOrigin);
  }, new URL(url()).origin);
  await page.waitForTimeout(300);
  assert.equal(await css(), before, 'nothing applied');
  // A valid one is applied, clamped to the frame.
  await page.evaluate((appOrigin) => {
    document.getElementById('ocop').contentWindow.postMessage({ type: 'ocop-self-check:viewport', top: -20, height: 1e12 }, appOrigin);
  }, new URL(url()).origin);
  for (let i = 0; i < 30 && (await css()) === before; i += 1) await page.waitForTimeout(100);
  const frameHeight = await page.$eval('#ocop', (f) => f.clientHeight);
  assert.equal(await css(), `--vp-top:0px;--vp-h:${frameHeight}px`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a frame whose origin parameter is missing or malformed says so once in the console', async () => {
  const cases = [
    { query: '&origin=', expect: /"origin" parameter is missing/ },
    { query: '&origin=ocop.example.gov.vn', expect: /"origin" parameter "ocop\.example\.gov\.vn" is not a valid origin/ },
    { query: '&origin=https%3A%2F%2Focop.example.gov.vn%2Fpath', expect: /is not a valid origin/ },
    // The start module first, then the full app in the same frame: still one warning.
    { query: '&set=&origin=', expect: /"origin" parameter is missing/, choose: true },
  ];
  for (const c of cases) {
    const { context, page, errors } = await newPhonePage(browser);
    const warnings = [];
    page.on('console', (msg) => {
      if (msg.type() === 'warning' && msg.text().includes('OCOP self-check')) warnings.push(msg.text());
    });
    await page.goto(`${hostPage()}${c.query}`);
    const frame = page.frameLocator('#ocop');
    if (c.choose) {
      await frame.locator('#set-search').fill('nuoc mam');
      await frame.locator('.results li.set[data-set="QD26-09"] button').click();
    }
    await frame.locator('.questionnaire[data-complete="true"]').waitFor();
    await page.waitForTimeout(300);
    assert.equal(warnings.length, 1, `${c.query}: ${JSON.stringify(warnings)}`);
    assert.match(warnings[0], c.expect);
    assert.match(warnings[0], /origin=https%3A%2F%2Focop\.example\.gov\.vn/, 'an example of a valid value');
    assert.deepEqual(await messages(page), [], 'and nothing posted');
    assert.deepEqual(errors, []);
    await context.close();
  }
  // Valid origin in a frame, or no frame at all: no warning.
  for (const target of [hostPage(), url('index.html?set=QD26-09')]) {
    const { context, page, errors } = await newPhonePage(browser);
    const warnings = [];
    page.on('console', (msg) => msg.type() === 'warning' && msg.text().includes('OCOP') && warnings.push(msg.text()));
    await page.goto(target);
    const inFrame = target.includes('embed-example');
    const root = inFrame ? page.frameLocator('#ocop') : page;
    await root.locator('.questionnaire[data-complete="true"]').waitFor();
    await page.waitForTimeout(300);
    assert.deepEqual(warnings, [], target);
    assert.deepEqual(errors, []);
    await context.close();
  }
});
