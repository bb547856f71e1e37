// Privacy (issue 5): during a full run through every screen — questionnaire, result, share panel
// with its QR code, a share link opened, drafts, file download, dossier downloads and print,
// demonstration mode, language switch, reload under the service worker — every request goes to the
// app's own origin (logged to target/e2e/requests.log), and the Content-Security-Policy of
// index.html (only 'self' + 'wasm-unsafe-eval'; data: images) reports no violation.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { launchBrowser, newPhonePage, shot, url, SHOT_DIR } from './helpers.mjs';
import { openSet, waitForServiceWorker } from './site-helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Record CSP violations in every document of the context (injected via DevTools, not subject to the CSP). */
function recordViolations(context) {
  return context.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile || ''}:${e.lineNumber || ''}`);
    });
  });
}

test('a full run requests nothing but the app\'s own origin, with no CSP violation', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  const origin = new URL(url()).origin;
  const requests = [];
  context.on('request', (r) => requests.push(`${r.method()} ${r.resourceType()} ${r.url()}`));
  const cspConsole = [];
  const watchConsole = (p) =>
    p.on('console', (m) => {
      if (/Content[- ]Security[- ]Policy|Refused to/i.test(m.text())) cspConsole.push(m.text());
    });
  watchConsole(page);
  context.on('page', watchConsole);
  await recordViolations(context);
  const violations = [];
  const collect = async (p) => violations.push(...(await p.evaluate(() => window.__csp || [])));

  await page.goto(url());
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /default-src 'self'/);
  // The one hash is the printable dossier page's print-button script (src/dossier/html.rs).
  assert.match(csp, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/]+=*';/);
  assert.doesNotMatch(csp, /unsafe-hashes/);
  assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/);
  assert.match(csp, /connect-src 'self'/);
  assert.equal(await page.locator('script:not([src])').count(), 0, 'no inline script');
  await waitForServiceWorker(page);

  // Questionnaire, result detail.
  await openSet(page, 'nuoc mam');
  await page.locator('label[for="c-1-1-l3"]').click();
  await page.locator('label[for="c-1-2-l2"]').click();
  const progress = await page.$eval('.progress .fill', (e) => getComputedStyle(e).width);
  assert.notEqual(progress, '0px', 'style attributes (progress bar) still apply under the CSP');
  await page.getByRole('button', { name: /Chi tiết/ }).click();
  await page.getByRole('button', { name: /Thu gọn/ }).click();

  // Share panel with its QR code; the link opened in the same context.
  await page.click('#open-share');
  await page.locator('#share-qr').waitFor();
  assert.ok(await page.$eval('#share-qr', (i) => i.complete && i.naturalWidth > 0), 'QR image shown');
  const link = await page.inputValue('#share-link');
  await page.click('#share-close');
  const other = await context.newPage();
  await other.goto(link);
  await other.locator('#incoming-share').waitFor();
  await other.click('#import-confirm');
  await other.locator('.questionnaire[data-complete="true"]').waitFor();
  await collect(other);
  await other.close();

  // Dossier screen: downloads and print (when this build has them).
  const details = page.getByRole('button', { name: /^Hồ sơ/ }).first();
  if (await details.count()) {
    await details.click();
    const docx = page.locator('#dl-docx');
    if (await docx.count()) {
      const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 30_000 }), docx.click()]);
      assert.match(dl.suggestedFilename(), /\.docx$/);
      const print = page.locator('#dl-print');
      if (await print.count()) {
        const [popup] = await Promise.all([context.waitForEvent('page', { timeout: 30_000 }), print.click()]);
        await popup.waitForLoadState();
        // The printable page's own styles apply (not blocked by the app's policy it inherits).
        const styled = await popup.evaluate(() => document.styleSheets.length);
        assert.ok(styled > 0, `printable page has its stylesheet; CSP: ${await popup.evaluate(() => JSON.stringify(window.__csp))}`);
        await collect(popup).catch(() => {});
        await popup.close();
      }
    }
  }

  // Drafts, file download, demonstration mode, language.
  await page.getByRole('button', { name: /^Bản nháp/ }).first().click();
  await page.locator('li.draft').first().waitFor();
  await page.locator('li.draft').first().locator('details.more > summary').click();
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('li.draft').first().getByRole('button', { name: /Tải tệp \.json/ }).click(),
  ]);
  assert.match(json.suggestedFilename(), /\.json$/);
  await page.click('#open-demo');
  await page.locator('#demo-banner').waitFor();
  await page.locator('li.draft.example').first().getByRole('button', { name: 'Mở' }).click();
  await page.locator('.questionnaire[data-complete="true"]').waitFor();
  await page.click('#demo-leave');
  await page.getByRole('button', { name: /English/ }).first().click();
  await page.reload();
  await page.locator('#app *').first().waitFor();
  await page.waitForTimeout(300);
  await collect(page);
  await shot(page, 'privacy-end', { fullPage: false });

  await mkdir(SHOT_DIR, { recursive: true });
  await writeFile(path.join(SHOT_DIR, 'requests.log'), `${requests.join('\n')}\n`);
  const foreign = requests.filter((line) => {
    const u = line.split(' ').slice(2).join(' ');
    return !(u.startsWith('data:') || u.startsWith('blob:') || new URL(u).origin === origin);
  });
  assert.deepEqual(foreign, [], 'requests to other origins');
  assert.ok(requests.length > 10, `${requests.length} requests logged`);
  assert.deepEqual(violations, [], 'CSP violations');
  assert.deepEqual(cspConsole, [], 'CSP messages in the console');
  assert.deepEqual(errors, []);
  await context.close();
});
