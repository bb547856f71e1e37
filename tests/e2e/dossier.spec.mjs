// The dossier screen in a real browser at phone size (360x740): the producer and product details
// form (Vietnamese and hostile text stay inert and intact in the UI, the .docx and the print page),
// validation on blur, the .docx download (read back as a ZIP: word/document.xml holds the details
// and a criterion answer), the print page (new tab, and as a file when the tab is blocked), JSON
// export and re-import (a new draft), refused imports (corrupt, > 1 MB, version 2: a translated
// message and nothing changes), the on-demand dossier module, 200 % zoom.
// Run by scripts/test.sh (BASE_URL set); screenshots go to target/e2e/dossier-*.png.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import path from 'node:path';
import { launchBrowser, newPhonePage, shot, url, SHOT_DIR } from './helpers.mjs';
import { storeSnapshot, waitForStored } from './store-helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const LONG = 'Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm số 123/2024; '.repeat(200).slice(0, 10000);

/** What goes into each field: Vietnamese text and hostile text. */
const VALUES = {
  'f-producer-name': '<script>alert(1)</script> Hợp tác xã Cô Ba',
  'f-producer-organisation-type': 'Hợp tác xã & "Tổ hợp tác" \'Cô Ba\'',
  'f-producer-address': '"><img src=x onerror=alert(1)> Thôn Đông, xã Cát Hải, Hải Phòng',
  'f-producer-phone': '0912 345 678',
  'f-producer-email': 'htx.coba@gmail.com',
  'f-producer-representative-name': 'Nguyễn Thị Ba',
  'f-producer-representative-title': '\u202Egnp.exe Giám đốc',
  'f-producer-representative-gender': 'Nữ',
  'f-producer-representative-ethnicity': 'Kinh\u200B',
  'f-producer-representative-disability': 'Không',
  'f-producer-representative-address': 'Số 5 ngõ 10 <b>phố</b> Huế, Hà Nội',
  'f-producer-registration-number': '0201234567 &amp; &lt;',
  'f-producer-registration-date': '05/03/2021',
  'f-product-name': 'Nước mắm Cô Ba',
  'f-product-specification': 'Chai thủy tinh 500 ml; thùng 12 chai',
  'f-product-standard': 'TCCS 01:2024/HTX',
  'f-product-certificates': LONG,
  'f-product-intellectual-property': 'Nhãn hiệu số 123456 ’“”',
};

/** Every visible interactive element is at least 44x44 CSS px (inline text links excepted). */
async function smallTargets(page) {
  return page.$$eval('button, .opt, input[type=text], input[type=search], textarea, summary, a.btn', (els) =>
    els
      .filter((e) => e.offsetParent !== null && !e.classList.contains('link'))
      .map((e) => ({ e, r: e.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && (r.height < 43.5 || r.width < 43.5))
      .map(({ e, r }) => `${e.tagName}#${e.id}.${e.className} ${Math.round(r.width)}x${Math.round(r.height)}`),
  );
}

/** The entries of a ZIP file (stored or deflated), from its central directory. */
function unzip(buf) {
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 65535); i -= 1) {
    if (buf.readUInt32LE(i) === 0x06054b50) { eocd = i; break; }
  }
  assert.ok(eocd >= 0, 'no end of central directory: not a ZIP');
  const count = buf.readUInt16LE(eocd + 10);
  let p = buf.readUInt32LE(eocd + 16);
  const files = new Map();
  for (let n = 0; n < count; n += 1) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50, 'central directory entry');
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.subarray(p + 46, p + 46 + nameLen).toString('utf8');
    const lName = buf.readUInt16LE(local + 26);
    const lExtra = buf.readUInt16LE(local + 28);
    const start = local + 30 + lName + lExtra;
    const data = buf.subarray(start, start + size);
    files.set(name, method === 8 ? inflateRawSync(data) : Buffer.from(data));
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

const xml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

async function openSet(page) {
  await page.goto(url());
  await page.fill('#set-search', 'nuoc mam');
  await page.locator('.results li.set button').first().click();
  await page.locator('.questionnaire[data-complete="true"]').waitFor();
}

async function openDetails(page) {
  await page.click('#open-details');
  await page.locator('#f-producer-name').waitFor();
}

// What the database holds (drafts and the open one), as text; the writes are asynchronous, so a
// check that something was saved waits for it (waitForStored).
const store = (page) => storeSnapshot(page);
const draftsOf = (text) => JSON.parse(text).drafts;

async function tmpFile(name, content) {
  await mkdir(SHOT_DIR, { recursive: true });
  const file = path.join(SHOT_DIR, name);
  await writeFile(file, content);
  return file;
}

test('details form, downloads, export and import at phone size', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  const dialogs = [];
  page.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));

  await openSet(page);
  await page.locator('label[for="c-1-1-l2"]').click();
  assert.ok(!requests.some((u) => /ocop-dossier/.test(u)), 'the dossier module is not in the first download');
  await openDetails(page);
  assert.equal(await page.getAttribute('#open-details', 'aria-current'), 'page');
  await page.getByRole('heading', { level: 1, name: 'Hồ sơ đăng ký OCOP' }).waitFor();
  assert.match(await page.locator('#rep-note').textContent(), /tiêu chí 3\.2/);
  // Every detail of a first evaluation is blank (26 of the filing copy's blanks), then every
  // criterion: not yet self-assessed, no "mô tả, chứng minh" (all of them but 1.1, answered).
  await page.locator('#missing-scores').waitFor();
  assert.equal(await page.locator('#missing-details li').count(), 26, 'every detail is still blank');
  const criteria = await page.locator('#missing-descriptions .crit-link').count();
  assert.equal(await page.locator('#missing-scores .crit-link').count(), criteria - 1, '1.1 is answered');
  assert.equal(Number(await page.textContent('#missing-count')), 26 + 2 * criteria - 1);
  assert.deepEqual(await smallTargets(page), []);
  await shot(page, 'dossier-01-empty', { fullPage: false });

  // Validation on blur: nothing while typing a new value, a message after leaving the field,
  // live while fixing it.
  await page.fill('#f-producer-phone', '12345');
  assert.equal(await page.locator('#f-producer-phone-err').count(), 0, 'no error while typing');
  await page.locator('#f-producer-phone').press('Tab');
  const phoneErr = page.locator('#f-producer-phone-err');
  await phoneErr.waitFor();
  assert.match(await phoneErr.textContent(), /Số điện thoại Việt Nam bắt đầu bằng 0 hoặc \+84/);
  assert.equal(await page.getAttribute('#f-producer-phone', 'aria-invalid'), 'true');
  await page.fill('#f-producer-email', 'htx.coba@gmail');
  await page.fill('#f-producer-registration-date', '31/02/2021');
  await page.locator('#f-producer-registration-date').press('Tab');
  assert.match(await page.locator('#f-producer-email-err').textContent(), /tenmien\.vn/);
  assert.match(await page.locator('#f-producer-registration-date-err').textContent(), /Ngày không tồn tại/);
  await page.locator('#f-producer-phone').scrollIntoViewIfNeeded();
  await shot(page, 'dossier-02-validation', { fullPage: false });
  await page.fill('#f-producer-phone', '0912 345 678');
  assert.equal(await page.locator('#f-producer-phone-err').count(), 0, 'fixed: the message goes at once');

  // Fill every field (Vietnamese and hostile text), and the registration type.
  for (const [id, value] of Object.entries(VALUES)) await page.fill(`#${id}`, value);
  await page.locator('label[for="reg-upgrade"]').click();
  await page.locator('#f-product-intellectual-property').press('Tab');
  // Part I's details are all there; Mẫu 02's texts and the upgrade's are what is left.
  await page.locator('#reg-extra').waitFor();
  assert.equal(await page.locator('#missing-details li').count(), 14, 'I.8–IV (11) and the upgrade (3)');
  assert.equal(await page.locator('.field-error').count(), 0);
  assert.equal(await page.locator('img[src="x"], #main script, #main b').count(), 0, 'hostile text stays text');

  // Saved at once: a reload brings every value back, intact.
  await page.reload();
  await page.locator('#open-details').waitFor();
  await openDetails(page);
  for (const [id, value] of Object.entries(VALUES)) {
    assert.equal(await page.inputValue(`#${id}`), value, id);
  }
  assert.equal((await page.inputValue('#f-product-certificates')).length, 10000);
  assert.ok(await page.isChecked('#reg-upgrade'));
  await shot(page, 'dossier-03-filled', { fullPage: false });
  const before = await store(page);

  // .docx: the module is fetched now, not before.
  assert.ok(!requests.some((u) => /ocop-dossier/.test(u)), 'not loaded before a download');
  const [docx] = await Promise.all([page.waitForEvent('download'), page.click('#dl-docx')]);
  assert.match(docx.suggestedFilename(), /^ho-so-nop-nuoc-mam-co-ba-\d{4}-\d{2}-\d{2}\.docx$/);
  assert.ok(requests.some((u) => /ocop-dossier_bg\.wasm$/.test(u)), 'module loaded on demand');
  const zip = unzip(await readFile(await docx.path()));
  const doc = zip.get('word/document.xml')?.toString('utf8');
  assert.ok(doc, `word/document.xml in ${[...zip.keys()]}`);
  assert.ok(doc.includes(xml(VALUES['f-producer-name'])), 'producer name, escaped');
  assert.ok(doc.includes('Nước mắm Cô Ba'));
  assert.ok(doc.includes(xml(VALUES['f-producer-address'])));
  assert.ok(doc.includes(xml('0201234567 &amp; &lt;')));
  assert.ok(doc.includes('gnp.exe Giám đốc'));
  // The declared certificates tick Mẫu 02's boxes; the working copy shows the declaration whole.
  const [working] = await Promise.all([page.waitForEvent('download'), page.click('#dl-working-docx')]);
  const wdoc = unzip(await readFile(await working.path())).get('word/document.xml')?.toString('utf8') ?? '';
  assert.ok(wdoc.includes(LONG), 'the 10,000-character text is whole');
  assert.ok(!/<script|<img/.test(doc), 'no markup from the user');
  // The criterion answered (1.1, second level) with its level text.
  const rubric = JSON.parse(await (await page.request.get(url('static/rubric/QD26-09.json'))).text());
  const c11 = rubric.parts.flatMap((p) => p.sections.flatMap((s) => s.criteria)).find((c) => c.code === '1.1');
  const level2 = c11.levels[1].text.vi;
  // The forms print the level's words and points, not the app's own "Mức N" index (the decision
  // numbers no levels).
  assert.ok(!doc.includes('Mức 2'), 'no level index in the forms');
  assert.ok(doc.includes(xml(level2).slice(0, 30)), `level text of 1.1: ${level2}`);
  await page.getByText(/Đã tạo tệp:/).waitFor();

  // Print page in a new tab: the same text, inert.
  const [popup] = await Promise.all([context.waitForEvent('page'), page.click('#dl-print')]);
  popup.on('dialog', async (d) => { dialogs.push(d.message()); await d.dismiss(); });
  await popup.waitForLoadState();
  const printed = await popup.evaluate(() => ({
    text: document.body.innerText,
    scripts: document.scripts.length,
    images: document.images.length,
    bold: [...document.querySelectorAll('b')].map((b) => b.textContent),
  }));
  // The one script is the print button's (src/dossier/html.rs); none from the user.
  assert.equal(printed.scripts, 1);
  assert.equal(printed.images, 0);
  for (const id of ['f-producer-name', 'f-producer-address', 'f-producer-organisation-type', 'f-product-name']) {
    assert.ok(printed.text.includes(VALUES[id]), `print page shows ${id} as text`);
  }
  assert.ok(!printed.text.includes('Mức 2'), 'no level index in the printed forms');
  assert.ok(printed.text.includes(level2.slice(0, 30)), 'the printed forms show the level text of 1.1');
  assert.ok(!printed.bold.includes('phố'), 'user <b> is not markup');
  await shot(popup, 'dossier-04-print-page', { fullPage: false });
  await popup.close();

  // When the browser blocks the tab, the print page comes as a file instead.
  await page.evaluate(() => { window.open = () => null; });
  const [html] = await Promise.all([page.waitForEvent('download'), page.click('#dl-print')]);
  assert.match(html.suggestedFilename(), /^ho-so-nop-nuoc-mam-co-ba-\d{4}-\d{2}-\d{2}\.html$/);
  const page2 = await readFile(await html.path(), 'utf8');
  assert.ok(page2.includes('&lt;script&gt;alert(1)&lt;/script&gt; Hợp tác xã Cô Ba'));
  // Only the print button's script; the user's "<script>" is text.
  assert.equal((page2.match(/<script/gi) || []).length, 1);
  assert.ok(!/<script>alert/i.test(page2));
  await page.getByText(/chặn mở thẻ mới/).waitFor();

  // JSON export: named after the product and the date, interchange v1, values intact.
  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#dl-json')]);
  assert.match(json.suggestedFilename(), /^nuoc-mam-co-ba-\d{4}-\d{2}-\d{2}\.json$/);
  const exported = JSON.parse(await readFile(await json.path(), 'utf8'));
  assert.equal(exported.format, 'ocop-self-check/draft');
  assert.equal(exported.version, 1);
  assert.equal(exported.producer.name, VALUES['f-producer-name']);
  assert.equal(exported.product.certificates, LONG);
  assert.equal(exported.product.registration_type, 'upgrade');
  assert.equal(exported.answers['1.1'], 2);
  await shot(page, 'dossier-05-downloads', { fullPage: false });
  assert.equal(await store(page), before, 'downloads change nothing');

  // Refused imports: a translated message, nothing changes.
  const corrupt = await tmpFile('dossier-corrupt.json', '{"format": "ocop-self-check/draft", "version": 1, ');
  await page.setInputFiles('#import-file', corrupt);
  await page.locator('#import-error').waitFor();
  assert.match(await page.locator('#import-error').textContent(), /^Không nhập được tệp\. Tệp không phải JSON \(dòng \d+, cột \d+\)\.$/);
  await page.locator('#import-error').scrollIntoViewIfNeeded();
  await shot(page, 'dossier-06-import-corrupt', { fullPage: false });
  const big = await tmpFile('dossier-big.json', JSON.stringify({ ...exported, padding: 'x'.repeat(1_100_000) }));
  await page.setInputFiles('#import-file', big);
  await page.getByText(/Tệp quá lớn/).waitFor();
  const v2 = await tmpFile('dossier-v2.json', JSON.stringify({ ...exported, version: 2 }));
  await page.setInputFiles('#import-file', v2);
  await page.getByText('Không nhập được tệp. Phiên bản 2 của tệp chưa được hỗ trợ.').waitFor();
  const notUtf8 = await tmpFile('dossier-latin1.json', Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x7d]));
  await page.setInputFiles('#import-file', notUtf8);
  await page.getByText(/không phải văn bản UTF-8/).waitFor();
  assert.equal(await store(page), before, 'refused imports change nothing');
  assert.ok(await page.locator('#f-producer-name').isVisible(), 'still on the dossier screen');

  // Re-import the export: a new draft (new id), opened, nothing overwritten.
  const exportedFile = await tmpFile('dossier-export.json', JSON.stringify(exported));
  await page.setInputFiles('#import-file', exportedFile);
  await page.locator('.questionnaire[data-complete="true"]').waitFor();
  const old = JSON.parse(before);
  await waitForStored(page, (ds) => ds.length === old.drafts.length + 1);
  let after = JSON.parse(await store(page));
  for (let i = 0; i < 50 && after.current === old.current; i += 1) {
    await page.waitForTimeout(100); // the open draft is written just after the draft itself
    after = JSON.parse(await store(page));
  }
  assert.equal(after.drafts.length, old.drafts.length + 1);
  assert.notEqual(after.current, old.current);
  assert.deepEqual(after.drafts[0], old.drafts[0], 'the original draft is untouched');
  const added = after.drafts.find((d) => d.id === after.current);
  assert.equal(added.producer.name, VALUES['f-producer-name']);
  assert.equal(added.product.certificates, LONG);
  await openDetails(page);
  assert.equal(await page.inputValue('#f-producer-address'), VALUES['f-producer-address']);

  // In English, from the drafts list: the message is English.
  await page.getByRole('button', { name: /English/ }).first().click();
  await page.getByRole('button', { name: /^Drafts/ }).click();
  await page.locator('li.draft').first().waitFor();
  const beforeEn = await store(page);
  await page.setInputFiles('#import-file', v2);
  await page.getByText('The file could not be imported. Version 2 of the file is not supported.').waitFor();
  assert.equal(draftsOf(await store(page)).length, draftsOf(beforeEn).length);
  await shot(page, 'dossier-07-import-en', { fullPage: false });

  assert.deepEqual(dialogs, [], 'no script ran');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the dossier screen at 200 % zoom (180x370 CSS px) and wide', async () => {
  const { context, page, errors } = await newPhonePage(browser, {
    viewport: { width: 180, height: 370 },
    deviceScaleFactor: 4,
  });
  await openSet(page);
  await openDetails(page);
  await page.fill('#f-producer-phone', '12');
  await page.locator('#f-producer-phone').press('Tab');
  await page.fill('#f-producer-name', 'Hợp tác xã Nông nghiệp và Dịch vụ Tổng hợp Cát Hải – Nước mắm truyền thống');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `horizontal overflow ${overflow}px`);
  await page.locator('#f-producer-phone').scrollIntoViewIfNeeded();
  await shot(page, 'dossier-08-zoom-200', { fullPage: false });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.locator('#dl-docx').scrollIntoViewIfNeeded();
  await shot(page, 'dossier-09-wide', { fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the dossier module works offline once the service worker has the site', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await page.goto(url());
  const hasSw = await page.evaluate(() => 'serviceWorker' in navigator);
  if (!hasSw) { await context.close(); return; }
  // Wait until the worker controls the page (first visit installs and precaches).
  await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise((resolve) => {
        navigator.serviceWorker.addEventListener('controllerchange', resolve, { once: true });
        setTimeout(resolve, 5000);
      });
    }
    return !!reg.active;
  });
  const cached = await page.evaluate(async () => {
    const names = await caches.keys();
    const out = [];
    for (const n of names) {
      const c = await caches.open(n);
      for (const r of await c.keys()) out.push(new URL(r.url).pathname);
    }
    return out;
  });
  assert.ok(cached.some((p) => p.endsWith('/ocop-dossier_bg.wasm')), `precached: ${cached.filter((p) => /dossier|snippets/.test(p))}`);
  assert.ok(cached.some((p) => p.endsWith('/ocop-dossier.js')));
  await page.reload();
  await page.fill('#set-search', 'nuoc mam');
  await page.locator('.results li.set button').first().click();
  await page.locator('.questionnaire[data-complete="true"]').waitFor();
  await context.setOffline(true);
  await openDetails(page);
  await page.fill('#f-product-name', 'Nước mắm ngoại tuyến');
  const [docx] = await Promise.all([page.waitForEvent('download'), page.click('#dl-docx')]);
  assert.match(docx.suggestedFilename(), /^ho-so-nop-nuoc-mam-ngoai-tuyen-.*\.docx$/);
  const doc = unzip(await readFile(await docx.path())).get('word/document.xml').toString('utf8');
  assert.ok(doc.includes('Nước mắm ngoại tuyến'));
  await context.setOffline(false);
  assert.deepEqual(errors.filter((e) => !/ERR_INTERNET_DISCONNECTED|Failed to fetch/.test(e)), []);
  await context.close();
});
