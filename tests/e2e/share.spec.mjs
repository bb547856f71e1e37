// Share without a server (issue 5): the link carries the draft in its fragment; its QR code decodes
// (jsQR, reading the pixels of the image the app shows) to exactly that link; opened in another
// browser context it shows what it contains and adds a new draft only after confirmation, then
// clears the fragment; a damaged link says why in words; a draft too long for a QR code offers
// the file instead.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import jsQR from 'jsqr';
import { launchBrowser, newPhonePage, shot, url, layOutAll } from './helpers.mjs';
import { openSet, total } from './site-helpers.mjs';
import { deviceDump, storedDrafts } from './store-helpers.mjs';

const require = createRequire(import.meta.url);
const AXE = await readFile(require.resolve('axe-core/axe.min.js'), 'utf8');

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Decode the QR code image `#share-qr` from its pixels (drawn at 4 px per module). */
async function decodeQr(page) {
  const img = await page.evaluate(async () => {
    const el = document.getElementById('share-qr');
    const im = new Image();
    im.src = el.getAttribute('src');
    await im.decode();
    // One module = 4 px: the viewBox counts modules (quiet zone included).
    const src = decodeURIComponent(el.getAttribute('src'));
    const modules = Number((/viewBox="0 0 (\d+) /.exec(src) || [])[1] || 0);
    const w = modules * 4;
    const h = modules * 4;
    const canvas = document.createElement('canvas');
    canvas.width = w;
    canvas.height = h;
    const ctx = canvas.getContext('2d');
    ctx.imageSmoothingEnabled = false;
    ctx.drawImage(im, 0, 0, w, h);
    return { w, h, data: Array.from(ctx.getImageData(0, 0, w, h).data) };
  });
  const code = jsQR(Uint8ClampedArray.from(img.data), img.w, img.h);
  return code ? code.data : null;
}

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

test('a share link made in one context imports in another only after confirmation', async () => {
  const a = await newPhonePage(browser);
  await a.page.goto(url());
  await openSet(a.page, 'nuoc mam');
  await a.page.locator('label[for="c-1-1-l3"]').click();
  await a.page.locator('label[for="c-1-2-l2"]').click();
  await a.page.locator('label[for="c-2-1-l2"]').click();
  await a.page.fill('#draft-title', 'Nước mắm Cô Ba');
  const sent = await total(a.page);

  await a.page.click('#open-share');
  await a.page.locator('#share-panel').waitFor();
  assert.equal(await a.page.getAttribute('#open-share', 'aria-expanded'), 'true');
  const link = await a.page.inputValue('#share-link');
  assert.ok(link.startsWith(`${url('index.html')}#d=1`) || link.startsWith(`${url()}#d=1`), link);
  assert.ok(!link.includes('?'), 'no query parameters travel with the link');
  assert.ok(await a.page.isChecked('#share-leave-out'), 'contact details left out by default');

  // The QR code is our own SVG as an image, and it decodes to exactly the link.
  const src = await a.page.getAttribute('#share-qr', 'src');
  assert.match(src, /^data:image\/svg\+xml,/);
  assert.equal(await decodeQr(a.page), link);
  assert.deepEqual(await axe(a.page), []);
  await a.page.locator('#share-panel').scrollIntoViewIfNeeded();
  await shot(a.page, 'share-panel', { fullPage: false });
  await a.page.locator('#share-qr').scrollIntoViewIfNeeded();
  await shot(a.page, 'share-qr', { fullPage: false });

  // Copy: to the clipboard where allowed.
  await a.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await a.page.click('#copy-link');
  await a.page.locator('#copy-status', { hasText: 'Đã chép' }).waitFor();
  assert.equal(await a.page.evaluate(() => navigator.clipboard.readText()), link);
  assert.deepEqual(a.errors, []);

  // Another browser (a fresh context: no drafts). Nothing is added before confirmation.
  const b = await newPhonePage(browser);
  await b.page.goto(link);
  const box = b.page.locator('#incoming-share');
  await box.waitFor();
  assert.match(await b.page.textContent('#incoming-product'), /Nước mắm Cô Ba/);
  assert.equal(await b.page.getAttribute('#incoming-set', 'data-set'), 'QD26-09');
  // The count reads "3/N câu" once the sheet is loaded (before: "3 câu đã trả lời"): wait for
  // the estimate, which needs the sheet too, before reading it.
  await b.page.locator('#incoming-stars', { hasText: `${sent}/100` }).waitFor();
  assert.match(await b.page.textContent('#incoming-answered'), /^3\/\d+ câu$/);
  // Three answers: the score so far, and no stars until enough is answered (as in the bar).
  assert.match(await b.page.textContent('#incoming-stars'), /Chưa đủ câu trả lời để ước tính/);
  const storeBefore = await deviceDump(b.page);
  assert.ok(!JSON.stringify(storeBefore).includes('Cô Ba'), 'not stored before confirming');
  assert.deepEqual(await axe(b.page), []);
  await shot(b.page, 'share-incoming', { fullPage: false });

  await b.page.click('#import-confirm');
  await b.page.locator('.questionnaire[data-complete="true"]').waitFor();
  assert.equal(await b.page.inputValue('#draft-title'), 'Nước mắm Cô Ba');
  assert.equal(await total(b.page), sent);
  assert.ok(await b.page.isChecked('#c-1-1-l3'));
  assert.equal(await b.page.evaluate(() => location.hash), '', 'fragment cleared');
  assert.equal(await b.page.locator('#incoming-share').count(), 0);
  await b.page.reload();
  await b.page.locator('.questionnaire[data-complete="true"]').waitFor();
  assert.equal(await b.page.locator('#incoming-share').count(), 0, 'a reload does not ask again');
  const stored = await storedDrafts(b.page);
  assert.equal(stored.length, 1);
  assert.equal(stored[0].title, 'Nước mắm Cô Ba');
  assert.deepEqual(b.errors, []);
  await b.context.close();

  // "Don't add": nothing stored, fragment cleared.
  const c = await newPhonePage(browser);
  await c.page.goto(link);
  await c.page.locator('#incoming-share').waitFor();
  await c.page.click('#import-cancel');
  await c.page.locator('#incoming-share').waitFor({ state: 'detached' });
  assert.equal(await c.page.evaluate(() => location.hash), '');
  const cs = await deviceDump(c.page);
  assert.ok(!JSON.stringify(cs).includes('Cô Ba'), JSON.stringify(cs));
  assert.deepEqual(c.errors, []);
  await c.context.close();

  // A link opened while the app is already open (only the fragment changes).
  await a.page.click('#share-close');
  await a.page.evaluate((h) => {
    location.hash = h;
  }, new URL(link).hash);
  await a.page.locator('#incoming-share').waitFor();
  await a.page.click('#import-cancel');
  await a.context.close();
});

test('a damaged link says why, in Vietnamese and English', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await page.goto(url('#d=1bc5LDsIgFIXhvdwxKFCowtg'));
  await page.locator('#incoming-error').waitFor();
  assert.match(await page.textContent('#incoming-error'), /bị hỏng hoặc bị cắt/);
  await shot(page, 'share-damaged', { fullPage: false });
  await page.click('#import-cancel');
  assert.equal(await page.evaluate(() => location.hash), '');
  await page.getByRole('button', { name: /English/ }).first().click();
  await page.goto(url('#d=9abc'));
  await page.reload();
  await page.locator('#incoming-error').waitFor();
  assert.match(await page.textContent('#incoming-error'), /another version of the app/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('too long for a QR code: the reason, and the file instead', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await page.goto(url());
  await openSet(page, 'nuoc mam');
  // Long notes of random text (incompressible) make the link too long for a readable code.
  for (const code of ['1-1', '1-2']) {
    await page.locator(`#c-${code} .ev-btn`).click();
    await page.fill(`#c-${code}-note`, randomBytes(700).toString('base64'));
  }
  await page.click('#open-share');
  const warn = page.locator('#qr-too-long');
  await warn.waitFor();
  const chars = Number(await page.getAttribute('#share-link', 'data-chars'));
  assert.ok(chars > 1800, `${chars}`);
  assert.match(await warn.textContent(), new RegExp(`quá dài để đưa vào mã QR: liên kết dài ${chars} ký tự`));
  assert.equal(await page.locator('#share-qr').count(), 0);
  await warn.scrollIntoViewIfNeeded();
  await shot(page, 'share-too-long', { fullPage: false });
  const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#share-export')]);
  // One name for the JSON export everywhere (the details screen's): an unnamed draft is "ocop-qd26-09-<date>.json".
  assert.match(dl.suggestedFilename(), /^ocop-qd26-09-\d{4}-\d{2}-\d{2}\.json$/);
  const file = JSON.parse(await readFile(await dl.path(), 'utf8'));
  assert.equal(file.format, 'ocop-self-check/draft');
  assert.equal(file.product_set, 'QD26-09');
  assert.equal(Object.keys(file.evidence).length, 2);
  assert.deepEqual(errors, []);
  await context.close();
});
