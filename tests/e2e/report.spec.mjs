// Issue 12 in a real browser at phone size (360x740): the rest of Mẫu 02 on the details screen
// (I.8, I.9, Part II with its figures, Part IV) filled and still there after a reload; the
// upgrade and re-evaluation fields appear with their type and hide again keeping their text; the
// "cần bổ sung" count drops as the producer fills, and a blank criterion leads to its place in
// the questionnaire; the three documents download with names that say which and which language
// (the filing copy and Mẫu 03 in Vietnamese also in the English UI, beside an English reading
// copy); set 7's criterion 3.1 says its level may be a misprint.
// Screenshots: target/e2e/report-*.png.

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

const PROSE = 'Năm 2012 tổ hợp tác làm nước mắm theo cách truyền thống của làng; năm 2019 thành lập hợp tác xã với 25 thành viên. ';
const REPORT = {
  'f-report-history': PROSE.repeat(6),
  'f-report-organisation': 'Ban giám đốc 3 người; tổ sản xuất 12 người, tổ bán hàng 4 người.\nKế toán 1 người.',
  'f-report-materials': 'Cá cơm của 12 tàu trong xã, hợp đồng bao tiêu; ủ chượp 12 tháng trong thùng gỗ; đóng chai tại xưởng.',
  'f-report-quality-changes': 'Công bố TCCS 01:2024/HTX; chai thủy tinh mới, nhãn có mã QR truy xuất.',
  'f-report-markets': 'Hải Phòng, Hà Nội; 8 đại lý; sàn thương mại điện tử.',
  'f-report-results': 'Doanh thu tăng khoảng 20 % mỗi năm.',
  'f-report-revenue-prev': '850',
  'f-report-revenue-last': '1.020',
  'f-report-profit-prev': '95',
  'f-report-profit-last': '130',
  'f-report-plan': 'Đạt 4 sao năm 2027; mở thêm 5 đại lý; xuất khẩu thử sang Nhật Bản.',
};

const count = async (page) => {
  const badge = page.locator('#missing-count');
  return (await badge.count()) ? Number(await badge.textContent()) : 0;
};

async function openDetails(page, set = 'QD26-09') {
  await page.goto(url(`?set=${set}`));
  await page.locator('.questionnaire[data-complete="true"]').waitFor();
  await page.click('#open-details');
  await page.locator('#f-report-history').waitFor();
  // The sheet is loaded: the criteria are counted.
  await page.locator('#missing-scores').waitFor();
}

const overflow = (page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test('Mẫu 02 filled on a phone, kept after a reload, the count dropping', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await openDetails(page);
  const start = await count(page);
  assert.ok(start > 60, `an empty draft of set 9 leaves ${start} blanks`);
  // The figures' labels name the two years before this year, as the filing copy's table.
  const year = new Date().getFullYear();
  assert.equal(await page.textContent('label[for="f-report-revenue-prev"]'), `Doanh thu năm ${year - 2} (triệu đồng)`);
  assert.equal(await page.textContent('label[for="f-report-profit-last"]'), `Lợi nhuận năm ${year - 1} (triệu đồng)`);
  assert.equal(await page.getAttribute('#f-report-revenue-last', 'inputmode'), 'decimal');
  await page.locator('#report-history').scrollIntoViewIfNeeded();
  await shot(page, 'report-01-empty', { fullPage: false });
  await page.locator('#to-complete').scrollIntoViewIfNeeded();
  await page.locator('#missing-scores summary').click();
  await page.locator('#missing-scores summary').scrollIntoViewIfNeeded();
  await shot(page, 'report-01b-to-complete', { fullPage: false });
  await page.locator('#missing-scores summary').click();

  let n = start;
  for (const [id, value] of Object.entries(REPORT)) {
    await page.fill(`#${id}`, value);
    const now = await count(page);
    assert.equal(now, n - 1, `${id}: the count drops by one (${n} → ${now})`);
    n = now;
  }
  assert.ok((await overflow(page)) <= 0, 'no horizontal scroll');
  // A long text grows its area (rows follow the text).
  const rows = Number(await page.getAttribute('#f-report-history', 'rows'));
  assert.ok(rows >= 10, `rows ${rows}`);
  const box = await page.locator('#f-report-history').boundingBox();
  assert.ok(box.width <= 360 && box.height > 200, JSON.stringify(box));
  await page.locator('#report-part-2').scrollIntoViewIfNeeded();
  await shot(page, 'report-02-part-2', { fullPage: false });
  await page.locator('.figures').scrollIntoViewIfNeeded();
  await shot(page, 'report-03-figures', { fullPage: false });

  // Saved at once: a reload brings every value back, intact.
  await page.reload();
  await page.click('#open-details');
  await page.locator('#missing-scores').waitFor();
  for (const [id, value] of Object.entries(REPORT)) {
    assert.equal(await page.inputValue(`#${id}`), value, id);
  }
  assert.equal(await count(page), n);
  const listed = await page.textContent('#missing-details');
  for (const words of ['Lịch sử hình thành', 'Kế hoạch sản xuất', 'Doanh thu năm']) {
    assert.ok(!listed.includes(words), `${words} is no longer listed`);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('upgrade and re-evaluation fields come with their type and keep their text', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await openDetails(page);
  assert.equal(await page.locator('#reg-extra').count(), 0, 'first evaluation: nothing extra');
  const first = await count(page);
  await page.locator('label[for="reg-upgrade"]').click();
  await page.locator('#reg-extra').waitFor();
  assert.match(await page.textContent('#reg-extra'), /Điều 6 khoản 1 điểm b/);
  for (const id of ['f-report-recognition', 'f-report-recognition-date', 'f-report-changes']) {
    assert.ok(await page.locator(`#${id}`).isVisible(), id);
  }
  assert.equal(await page.locator('#f-report-updates').count(), 0);
  assert.equal(await count(page), first + 3, 'the upgrade asks three more');
  await page.fill('#f-report-recognition', 'Quyết định số 45/QĐ-UBND, sản phẩm OCOP 3 sao');
  await page.fill('#f-report-recognition-date', '12/08/2023');
  await page.fill('#f-report-changes', 'Đổi sang chai thủy tinh 500 ml; đạt chứng nhận HACCP năm 2025.');
  assert.equal(await count(page), first);
  await page.locator('#reg-extra').scrollIntoViewIfNeeded();
  await shot(page, 'report-04-upgrade', { fullPage: false });

  await page.locator('label[for="reg-reevaluation"]').click();
  await page.locator('#f-report-updates').waitFor();
  assert.match(await page.textContent('#reg-extra'), /Điều 6 khoản 1 điểm c/);
  assert.equal(await page.locator('#f-report-changes').count(), 0);
  assert.equal(await page.inputValue('#f-report-recognition'), 'Quyết định số 45/QĐ-UBND, sản phẩm OCOP 3 sao');
  assert.ok(await page.locator('#f-report-expiring-papers').isVisible());
  assert.ok(await page.locator('#reg-extra-kept').isVisible(), 'the upgrade text is said to be kept');

  await page.locator('label[for="reg-first"]').click();
  await page.locator('#reg-extra').waitFor({ state: 'detached' });
  assert.equal(await count(page), first);
  await page.locator('label[for="reg-upgrade"]').click();
  await page.locator('#f-report-changes').waitFor();
  assert.equal(await page.inputValue('#f-report-changes'), 'Đổi sang chai thủy tinh 500 ml; đạt chứng nhận HACCP năm 2025.');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a blank criterion leads to its description in the questionnaire', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await openDetails(page);
  const before = await count(page);
  const group = page.locator('#missing-descriptions');
  if ((await group.getAttribute('open')) === null) await group.locator('summary').click();
  const link = group.locator('.crit-link').nth(5);
  const code = await link.textContent();
  await link.click();
  const note = page.locator(`#c-${code.replace(/\W/g, '-')}-note`);
  await note.waitFor();
  await page.waitForFunction((id) => document.activeElement && document.activeElement.id === id, `c-${code.replace(/\W/g, '-')}-note`);
  const top = await note.evaluate((el) => el.getBoundingClientRect().top);
  assert.ok(top >= 0 && top < 740, `in view: ${top}`);
  await shot(page, 'report-05-to-description', { fullPage: false });
  await note.fill('Hợp đồng mua cá với 12 tàu (phụ lục, mục 3).');
  await page.click('#open-details');
  await page.locator('#missing-scores').waitFor();
  assert.equal(await count(page), before - 1);
  // A criterion not yet self-assessed leads to its levels.
  const scores = page.locator('#missing-scores');
  if ((await scores.getAttribute('open')) === null) await scores.locator('summary').click();
  const s = scores.locator('.crit-link').first();
  const c2 = (await s.textContent()).replace(/\W/g, '-');
  await s.click();
  await page.waitForFunction((id) => document.activeElement && document.activeElement.id === id, `c-${c2}-l1`);
  assert.deepEqual(errors, []);
  await context.close();
});

test('three documents, named for what they are and their language', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await openDetails(page);
  await page.fill('#f-product-name', 'Nước mắm Cô Ba');
  const blanks = await count(page);
  assert.match(await page.textContent('#dl-blanks'), new RegExp(`còn ${blanks} chỗ trống`));
  await page.locator('#dl-filing').scrollIntoViewIfNeeded();
  await shot(page, 'report-06-downloads', { fullPage: false });
  const download = async (id) => {
    const [d] = await Promise.all([page.waitForEvent('download'), page.click(`#${id}`)]);
    return d.suggestedFilename();
  };
  const stem = 'nuoc-mam-co-ba-\\d{4}-\\d{2}-\\d{2}';
  assert.match(await download('dl-docx'), new RegExp(`^ho-so-nop-${stem}\\.docx$`));
  assert.match(await download('dl-working-docx'), new RegExp(`^ban-lam-viec-${stem}\\.docx$`));
  assert.match(await download('dl-mau03-docx'), new RegExp(`^mau-03-${stem}\\.docx$`));
  // The print pages open in a tab; blocked, each comes as its file.
  const [popup] = await Promise.all([context.waitForEvent('page'), page.click('#dl-mau03-print')]);
  const refused = [];
  popup.on('console', (m) => { if (/Content Security Policy|Refused/.test(m.text())) refused.push(m.text()); });
  await popup.waitForLoadState();
  // The page's one script wires its print button; it runs under the app's own policy too (a
  // blob: page inherits it: index.html lists the script's hash).
  assert.equal(await popup.evaluate(() => document.scripts.length), 1);
  await popup.evaluate(() => { window.__printed = 0; window.print = () => { window.__printed += 1; }; });
  await popup.click('#print');
  assert.equal(await popup.evaluate(() => window.__printed), 1, 'the print button works in the app\'s tab');
  assert.deepEqual(refused, []);
  await popup.close();
  await page.evaluate(() => { window.open = () => null; });
  assert.match(await download('dl-print'), new RegExp(`^ho-so-nop-${stem}\\.html$`));
  assert.match(await download('dl-working-print'), new RegExp(`^ban-lam-viec-${stem}\\.html$`));
  assert.match(await download('dl-mau03-print'), new RegExp(`^mau-03-${stem}\\.html$`));
  await page.locator('#dl-mau03-status').scrollIntoViewIfNeeded();
  await shot(page, 'report-07-downloaded', { fullPage: false });

  // In English: the forms to file stay Vietnamese; the English reading copy is named as such.
  await page.getByRole('button', { name: /English/ }).first().click();
  await page.locator('#dl-en-docx').waitFor();
  assert.match(await page.textContent('#dl-docx'), /in Vietnamese/);
  assert.match(await download('dl-docx'), new RegExp(`^ho-so-nop-${stem}\\.docx$`));
  assert.match(await download('dl-en-docx'), new RegExp(`^english-reading-copy-filing-${stem}\\.docx$`));
  assert.match(await download('dl-working-docx'), new RegExp(`^english-reading-copy-working-${stem}\\.docx$`));
  assert.match(await download('dl-mau03-docx'), new RegExp(`^mau-03-${stem}\\.docx$`));
  assert.match(await page.textContent('#dl-blanks'), new RegExp(`still has ${blanks} blanks`));
  await page.locator('#dl-filing').scrollIntoViewIfNeeded();
  await shot(page, 'report-08-downloads-en', { fullPage: false });
  assert.ok((await overflow(page)) <= 0, 'no horizontal scroll');
  assert.deepEqual(errors, []);
  await context.close();
});

test('set 7, criterion 3.1: the printed value, and a note that it may be a misprint', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await page.goto(url('?set=QD26-07'));
  await page.locator('.questionnaire[data-complete="true"]').waitFor();
  const note = page.locator('#c-3-1-l2-misprint');
  assert.match(await note.textContent(), /có thể là lỗi in/);
  assert.equal(await page.getAttribute('#c-3-1-l2', 'aria-describedby'), 'c-3-1-l2-misprint');
  assert.equal(await page.locator('.misprint').count(), 1);
  await page.locator('#c-3-1').scrollIntoViewIfNeeded();
  await shot(page, 'report-09-misprint', { fullPage: false });
  await page.goto(url('?set=QD26-09'));
  await page.locator('.questionnaire[data-complete="true"]').waitFor();
  assert.equal(await page.locator('.misprint').count(), 0);
  assert.deepEqual(errors, []);
  await context.close();
});
