// The ways in, held to one rule (issue 15; adversarial review 2026-12-01, F8 and F9):
// - a share link is added only once checked against its scoring sheet; while the sheet cannot be
//   loaded the prompt says so and offers to try again (it used to add the draft unchecked);
// - a stored draft holding items its set does not have opens with them listed, counted for
//   nothing, and one tap removes them (they used to load silently and stay);
// - the deployed build ignores #test-panic (it used to show the error screen from any link).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { deflateRawSync } from 'node:zlib';
import { launchBrowser, newPhonePage, shot, url } from './helpers.mjs';
import { openSet } from './site-helpers.mjs';
import { storedRecords, waitForStored } from './store-helpers.mjs';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

const ready = (page) => page.locator('.questionnaire[data-complete="true"]').waitFor();

/** A share link's fragment carrying `draft` (the app's own encoding: raw DEFLATE, base64url). */
function fragmentOf(draft) {
  const packed = deflateRawSync(Buffer.from(JSON.stringify(draft)), { level: 9 });
  return `#d=1${packed.toString('base64url')}`;
}

const head = { format: 'ocop-self-check/draft', version: 1, rubric: 'QD26-2026', product_set: 'QD26-09' };

test('F8: a share link is added only once checked against its sheet; without the sheet it waits and says why', async () => {
  for (const [what, answers, outcome] of [
    ['a level the sheet does not print', { '1.1': 200 }, 'refused'],
    ['a sound draft', { '1.1': 2 }, 'added'],
  ]) {
    const { context, page, errors } = await newPhonePage(browser, {
      serviceWorkers: 'block',
      ignore: [/Failed to load resource|net::ERR_FAILED|QD26-09/],
    });
    // The scoring sheet cannot be had (offline, never cached).
    await page.route(/rubric\/QD26-09\.json/, (route) => route.abort());
    await page.goto(url(fragmentOf({ ...head, title: `Liên kết: ${what}`, answers })));
    await page.locator('#incoming-share').waitFor();
    await page.locator('#incoming-unchecked').waitFor();
    assert.match(await page.textContent('#incoming-unchecked'), /Chưa kiểm tra được bản nháp này/);
    assert.ok(await page.isDisabled('#import-confirm'), `${what}: not addable unchecked`);
    if (outcome === 'refused') await shot(page, 'hardening-link-unchecked', { fullPage: false });

    // The sheet is back: try again.
    await page.unroute(/rubric\/QD26-09\.json/);
    await page.click('#incoming-retry');
    if (outcome === 'refused') {
      await page.locator('#incoming-error').waitFor();
      assert.match(await page.textContent('#incoming-error'), /Tiêu chí 1\.1 có các mức 1–\d, không có mức 200/);
      assert.equal(await page.locator('#import-confirm').count(), 0);
    } else {
      await page.locator('#import-confirm:not([disabled])').waitFor();
      await page.click('#import-confirm');
      await ready(page);
      await waitForStored(page, (ds) => ds.length === 1 && ds[0].answers['1.1'] === 2);
    }
    assert.deepEqual(errors.filter((e) => !/rubric|QD26-09/.test(e)), [], what);
    await context.close();
  }
});

test('F8: a stored draft with items its set does not have opens with them listed, and one tap removes them', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await page.goto(url());
  await openSet(page, 'nuoc mam');
  await page.locator('label[for="c-1-2-l2"]').click();
  const [record] = await waitForStored(page, (ds) => ds.length === 1).then(() => storedRecords(page));
  // As an old or damaged record would be: a level the criterion does not print, an unknown
  // code, an unknown knock-out question, a note on an unknown criterion.
  const bad = {
    ...record,
    rev: record.rev + 1,
    draft: {
      ...record.draft,
      answers: { ...record.draft.answers, '1.1': 200, '99.99': 7 },
      knock_outs: { evil: true },
      evidence: { nope: 'ghi chú' },
    },
  };
  await page.evaluate(
    (rec) =>
      new Promise((resolve, reject) => {
        const req = indexedDB.open('ocop-self-check');
        req.onsuccess = () => {
          const tx = req.result.transaction('drafts', 'readwrite');
          tx.objectStore('drafts').put(rec);
          tx.oncomplete = () => { req.result.close(); resolve(); };
          tx.onerror = () => reject(tx.error);
        };
      }),
    bad,
  );
  await page.reload();
  await ready(page);
  const notice = page.locator('#draft-misfits');
  await notice.waitFor();
  assert.equal(await notice.locator('li').count(), 4);
  const text = await notice.textContent();
  assert.match(text, /có 4 mục không khớp phiếu chấm/);
  assert.match(text, /Tiêu chí 1\.1 có các mức 1–\d, không có mức 200/);
  assert.match(text, /không có tiêu chí 99\.99/);
  await shot(page, 'hardening-store-misfits', { fullPage: false });
  // Kept until the user decides (not dropped silently by the load).
  assert.equal((await storedRecords(page))[0].draft.answers['99.99'], 7);

  await page.click('#drop-misfits');
  await notice.waitFor({ state: 'detached' });
  const [after] = await waitForStored(page, (ds) => ds.length === 1 && !('99.99' in ds[0].answers) && !('1.1' in ds[0].answers));
  assert.deepEqual(after.answers, { '1.2': 2 }, 'the sound answer stays');
  assert.deepEqual(after.knock_outs ?? {}, {});
  assert.deepEqual(after.evidence ?? {}, {});
  assert.deepEqual(errors, []);
  await context.close();
});

test('F9: the deployed build ignores #test-panic', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  for (const address of ['#test-panic', '?set=QD26-09#test-panic']) {
    await page.goto(url(address));
    await page.locator('#set-search, .questionnaire[data-complete="true"]').first().waitFor();
    await page.waitForTimeout(500);
    assert.equal(await page.locator('#fatal').count(), 0, address);
  }
  assert.deepEqual(errors, []);
  await context.close();
});

test('N7: a text longer than 10,000 characters is cut on import, and the screen says which field', async () => {
  const { mkdtemp, writeFile } = await import('node:fs/promises');
  const os = await import('node:os');
  const path = await import('node:path');
  const { context, page, errors } = await newPhonePage(browser);
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ocop-long-'));
  const file = path.join(dir, 'dai.json');
  await writeFile(file, JSON.stringify({ ...head, title: 'Nước mắm '.repeat(1500), answers: { '1.1': 2 } }));
  await page.goto(url('?view=drafts'));
  await page.locator('#import-file').waitFor({ state: 'attached' });
  await page.setInputFiles('#import-file', file);
  await ready(page);
  await page.locator('#import-clipped').waitFor();
  assert.match(await page.textContent('#import-clipped'), /tối đa 10\.000 ký tự.*\(tên bản nháp\)/);
  assert.equal((await page.inputValue('#draft-title')).length, 10000);
  assert.equal(await page.getAttribute('#draft-title', 'maxlength'), '10000', 'typing stops there too');
  assert.deepEqual(errors, []);
  await context.close();
});
