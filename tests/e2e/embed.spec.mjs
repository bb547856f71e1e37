// Embedding (issue 5): static/embed-example.html served from a SECOND origin (another localhost
// port) puts the app (BASE_URL) in an iframe with ?lang&set&theme&header=0&origin=…; the host gets
// the content height and a result message (scores and stars only) after every change. Inside a
// third-party frame whose storage throws, the app keeps working in memory and says so.

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
  assert.equal(frameHeight, Math.max(400, Math.min(last.height, 20000)));
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
