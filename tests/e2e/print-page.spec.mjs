// The printable dossier page on a 360x740 phone, as the command line writes it (`ocop dossier
// DRAFT --html …`) and a producer opens it from a downloaded file: no header cell and no word of
// the forms is broken inside (each word measured with a Range: one line box), the page itself
// does not scroll sideways (a wide table scrolls in its own wrapper), and the "In / Print" button
// is there on screen, hidden in print, and calls window.print() (stubbed) under the page's own
// Content-Security-Policy, which allows that one inline handler by its hash and nothing else.
// The draft: every criterion of set QD26-13 (codes 6.1.1 …) answered and described, every detail
// filled, one detail a 300-character word. Vietnamese and English pages, filing copy, working
// copy and Mẫu 03.
// Run by scripts/test.sh (the site is not needed: the pages are files); screenshots go to
// target/e2e/print-page-*.png.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { launchBrowser, newPhonePage, shot } from './helpers.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = promisify(execFile);

let browser;
let dir;
const pages = {};

/** A draft answering every criterion of `set` at its top level, with every detail filled. */
function fullDraft(rubric) {
  const criteria = rubric.parts.flatMap((p) => p.sections.flatMap((s) => s.criteria));
  const answers = {};
  const evidence = {};
  for (const c of criteria) {
    answers[c.code] = c.levels.length;
    evidence[c.code] = `Mô tả tiêu chí ${c.code}: hợp đồng, hóa đơn, ảnh (phụ lục).`;
  }
  return {
    format: 'ocop-self-check/draft',
    version: 1,
    rubric: 'QD26-2026',
    product_set: rubric.id,
    answers,
    evidence,
    producer: {
      name: 'Hợp tác xã Chè Suối Giàng',
      organisation_type: 'Hợp tác xã',
      address: 'Thôn Giàng A, xã Suối Giàng, tỉnh Lào Cai',
      phone: '0912 345 678',
      email: 'htxsuoigiang@gmail.com',
      representative_name: 'Giàng A Páo',
      representative_title: 'Giám đốc',
      representative_gender: 'Nam',
      representative_ethnicity: 'Mông',
      representative_disability: 'Không',
      representative_address: 'Thôn Giàng A, xã Suối Giàng, tỉnh Lào Cai',
      registration_number: '5300123456',
      registration_date: '15/03/2019',
    },
    product: {
      name: 'Chè Shan tuyết Suối Giàng',
      registration_type: 'upgrade',
      specification: 'Hộp 100 g, 200 g',
      standard: 'TCCS 01:2024/HTXSG',
      certificates: `Giấy chứng nhận ATTP số 12/2024 ${'Ư'.repeat(300)} hết.`,
      intellectual_property: 'Chỉ dẫn địa lý “Suối Giàng”',
    },
  };
}

before(async () => {
  browser = await launchBrowser();
  dir = await mkdtemp(path.join(tmpdir(), 'ocop-print-page-'));
  const rubric = JSON.parse(await readFile(path.join(ROOT, 'static/rubric/QD26-13.json'), 'utf8'));
  const draft = path.join(dir, 'draft.json');
  await writeFile(draft, JSON.stringify(fullDraft(rubric)));
  for (const lang of ['vi', 'en']) {
    const out = (doc) => path.join(dir, `${lang}-${doc}.html`);
    await run(
      'cargo',
      ['run', '--quiet', '--locked', '--bin', 'ocop', '--', 'dossier', draft, '--lang', lang,
        '--date', '29/11/2026', '--html', out('filing'), '--working-html', out('working'),
        '--mau03-html', out('mau03')],
      { cwd: ROOT, maxBuffer: 1 << 20 },
    );
    for (const doc of ['filing', 'working', 'mau03']) pages[`${lang}-${doc}`] = out(doc);
  }
});

after(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/**
 * Every word of the forms (not the producer's own text, in <bdi>, nor a dotted leader, class
 * "ld": both may wrap anywhere) that the browser broke inside:
 * a word is its letters up to a space, '/', '-' or '–' (where a line may end), and broken when
 * its Range has boxes on more than one line. Also each header cell whose content overflows it.
 */
function brokenWords() {
  const out = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const el = n.parentElement;
    if (!el || el.closest('bdi, .ld, #print-bar, style')) continue;
    for (const m of n.data.matchAll(/[^\s/\-–]+[/\-–]?/g)) {
      const r = document.createRange();
      r.setStart(n, m.index);
      r.setEnd(n, m.index + m[0].length);
      const tops = new Set([...r.getClientRects()].filter((b) => b.width > 0).map((b) => Math.round(b.top)));
      if (tops.size > 1) out.push(`${m[0]} (in <${el.tagName.toLowerCase()}>)`);
    }
  }
  for (const th of document.querySelectorAll('th')) {
    if (th.scrollWidth > th.clientWidth + 1) out.push(`header overflows: ${th.textContent.trim()}`);
  }
  return out;
}

for (const name of ['vi-filing', 'en-filing', 'vi-working', 'vi-mau03']) {
  test(`printable page ${name} at 360 px: no word broken, the page does not scroll sideways`, async () => {
    const { context, page, errors } = await newPhonePage(browser);
    await page.goto(pathToFileURL(pages[name]).href);
    await page.locator('#print').waitFor();
    assert.deepEqual(await page.evaluate(brokenWords), [], 'words broken inside');
    const sizes = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth,
      scale: window.visualViewport.scale,
      headers: document.querySelectorAll('th').length,
      scrolling: [...document.querySelectorAll('.tw')].filter((w) => w.scrollWidth > w.clientWidth + 1).length,
    }));
    // (A phone widens its layout viewport to what overflows: compare with the 360 px asked for.)
    assert.ok(sizes.page <= 360 && sizes.scale === 1, `the page scrolls sideways: ${JSON.stringify(sizes)}`);
    if (sizes.scrolling) console.log(`# ${name}: ${sizes.scrolling} table(s) scroll sideways in their wrapper`);
    if (name.endsWith('filing')) assert.ok(sizes.headers >= 5, `${sizes.headers} header cells`);
    // Look at the score table, where the headers are longest.
    const score = page.locator('th', { hasText: /^(Mã|Code)$/ }).first();
    if (await score.count()) await score.scrollIntoViewIfNeeded();
    await shot(page, `print-page-${name}-360`, { fullPage: false });
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('the print button is on screen, hidden in print, and calls window.print() under the page CSP', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  const violations = [];
  page.on('console', (m) => { if (/Content Security Policy|Refused/.test(m.text())) violations.push(m.text()); });
  await page.goto(pathToFileURL(pages['vi-filing']).href);
  const button = page.locator('#print');
  assert.equal(await button.textContent(), 'In / Print');
  await shot(page, 'print-page-button-360', { fullPage: false });
  const box = await button.boundingBox();
  assert.ok(box && box.y >= 0 && box.y + box.height <= 740 && box.width >= 44 && box.height >= 44, JSON.stringify(box));
  const info = await page.evaluate(() => ({
    scripts: document.scripts.length,
    csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.content ?? '',
  }));
  assert.equal(info.scripts, 1, 'one script: the print button\'s');
  assert.match(info.csp, /script-src 'sha256-[A-Za-z0-9+/=]+';/);
  assert.doesNotMatch(info.csp, /unsafe-hashes/);
  assert.doesNotMatch(info.csp, /unsafe-inline'[^;]*;[^;]*style-src|script-src[^;]*'unsafe-inline'/);
  await page.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await button.click();
  assert.equal(await page.evaluate(() => window.__printed), 1, 'window.print() was called');
  // Any other inline script is refused: the policy holds.
  await page.evaluate(() => {
    const b = document.createElement('button');
    b.id = 'other';
    b.setAttribute('onclick', 'window.__printed += 10');
    document.body.append(b);
  });
  await page.locator('#other').click();
  assert.equal(await page.evaluate(() => window.__printed), 1, 'another inline handler is refused');
  assert.ok(violations.length >= 1, 'the refusal is reported');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await button.isVisible(), false, 'hidden in print');
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(errors.filter((e) => !/Content Security Policy|Refused/.test(e)), []);
  await context.close();
});
