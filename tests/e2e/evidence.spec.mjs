// Issue 14's "done when", at 360x740: a producer photographs the papers for three criteria
// OFFLINE, downloads the filing copy (.docx) whose annex shows them in order — opened by
// LibreOffice to PDF, the pictures counted and the annex page rasterised for a look — and the
// package (.zip); the package imported in a fresh browser brings the draft and its three files
// back; the share dialog says a link cannot carry the files and offers the package.
// Screenshots and pages: target/e2e/evidence-*.png.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdir, rm, readdir } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { launchBrowser, newPhonePage, shot, url } from './helpers.mjs';
import { openSet, REPO_ROOT } from './site-helpers.mjs';
import { fileCount } from './store-helpers.mjs';

const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures', 'evidence');
const OUT = path.join(REPO_ROOT, 'target', 'e2e', 'evidence');
const fixture = (name) => path.join(FIXTURES, name);

let browser;
before(async () => {
  browser = await launchBrowser();
  await rm(OUT, { recursive: true, force: true });
  await mkdir(OUT, { recursive: true });
});
after(async () => {
  await browser?.close();
});


const have = (cmd) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

test('three papers photographed offline; the filing copy shows them in order; the package moves the draft to another phone', async () => {
  const { context, page, errors } = await newPhonePage(browser, { acceptDownloads: true });
  await page.goto(url());
  await openSet(page, 'nuoc mam');
  // The offline copy is ready once the worker controls the page.
  await page.waitForFunction(() => navigator.serviceWorker?.controller, null, { timeout: 30000 });
  await context.setOffline(true);

  const codes = await page.$$eval('fieldset.crit', (fs) => fs.map((f) => f.id));
  const [a, b, c] = [codes[0], codes[2], codes[5]];
  await page.setInputFiles(`#${a}-attach-camera`, fixture('certificate.jpg'));
  await page.locator(`#${a}-attach .attach-item`).waitFor();
  await page.setInputFiles(`#${b}-attach-pick`, fixture('label.png'));
  await page.locator(`#${b}-attach .attach-item`).waitFor();
  await page.setInputFiles(`#${c}-attach-pick`, fixture('contract-rotated.jpg'));
  await page.locator(`#${c}-attach .attach-item`).waitFor();
  await page.locator(`#${a}-attach`).scrollIntoViewIfNeeded();
  await shot(page, 'evidence-01-attached-offline', { fullPage: false });
  assert.equal(await fileCount(page), 3);

  // The share dialog: a link cannot carry files; the package is offered.
  await page.click('#open-share');
  await page.locator('#share-no-files').waitFor();
  assert.match(await page.locator('#share-no-files').textContent(), /không mang theo được ảnh/);
  assert.equal(await page.locator('#share-package').count(), 1, 'the package offered');
  await page.locator('#share-no-files').scrollIntoViewIfNeeded();
  await shot(page, 'evidence-02-share-no-files', { fullPage: false });
  await page.locator('#share-close').click();

  // The dossier screen: the filing copy (.docx) with the annex's pictures, still offline.
  await page.locator('#open-details').click();
  await page.locator('#dl-docx').waitFor();
  const [docx] = await Promise.all([page.waitForEvent('download'), page.click('#dl-docx')]);
  const docxPath = path.join(OUT, 'filing.docx');
  await docx.saveAs(docxPath);
  const listing = execFileSync('unzip', ['-l', docxPath]).toString();
  const media = listing.split('\n').filter((l) => /word\/media\/image\d+\.(jpe?g|png)/.test(l));
  assert.equal(media.length, 3, listing);
  const xml = execFileSync('unzip', ['-p', docxPath, 'word/document.xml']).toString();
  const n1 = xml.indexOf('Minh chứng số 1');
  const n3 = xml.indexOf('Minh chứng số 3');
  assert.ok(n1 > 0 && n3 > n1, 'numbered in order');

  const [zip] = await Promise.all([page.waitForEvent('download'), page.click('#dl-package')]);
  const zipPath = path.join(OUT, 'package.zip');
  await zip.saveAs(zipPath);
  const entries = execFileSync('unzip', ['-Z1', zipPath]).toString().trim().split('\n');
  assert.equal(entries[0], 'manifest.json');
  assert.equal(entries.filter((e) => e.startsWith('files/')).length, 3, entries.join(' '));
  await context.setOffline(false);
  assert.deepEqual(errors, []);
  await context.close();

  // LibreOffice prints the pictures.
  if (have('soffice') && have('pdfimages') && have('pdftoppm')) {
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', OUT, docxPath], { stdio: 'ignore', timeout: 180000 });
    const pdf = path.join(OUT, 'filing.pdf');
    assert.ok(existsSync(pdf), 'LibreOffice made a PDF');
    const images = execFileSync('pdfimages', ['-list', pdf]).toString().split('\n').filter((l) => /^\s*\d+\s+\d+\s+image/.test(l));
    assert.ok(images.length >= 3, `pictures in the PDF: ${images.length}`);
    const pageOf = images[0].trim().split(/\s+/)[0];
    execFileSync('pdftoppm', ['-png', '-r', '50', '-f', pageOf, '-l', pageOf, pdf, path.join(REPO_ROOT, 'target', 'e2e', 'evidence-03-annex-page')]);
  } else {
    console.log('# LibreOffice/poppler missing: the PDF check is skipped');
  }

  // Another phone: a fresh browser context imports the package.
  const other = await newPhonePage(browser);
  await other.page.goto(url('?view=drafts'));
  await other.page.locator('#import-file').waitFor({ state: 'attached' });
  await other.page.setInputFiles('#import-file', zipPath);
  await other.page.locator('.questionnaire[data-complete="true"]').waitFor();
  for (const id of [a, b, c]) {
    await other.page.locator(`#${id}-attach .attach-item`).waitFor();
  }
  assert.equal(await fileCount(other.page), 3);
  await other.page.locator(`#${a}-attach`).scrollIntoViewIfNeeded();
  await shot(other.page, 'evidence-04-imported', { fullPage: false });

  // The same package again: offered as an update of the draft now here, or a copy.
  await other.page.locator('#open-details').click();
  await other.page.setInputFiles('#import-file', zipPath);
  await other.page.locator('#import-choose').waitFor();
  await other.page.locator('#import-choose').scrollIntoViewIfNeeded();
  await shot(other.page, 'evidence-05-update-or-copy', { fullPage: false });
  await other.page.click('#import-copy');
  await other.page.locator('.questionnaire[data-complete="true"]').waitFor();
  await other.page.waitForFunction(() => true);
  assert.equal(await fileCount(other.page), 6, 'the copy has its own files');
  assert.deepEqual(other.errors, []);
  await other.context.close();
});

test('a package that is not one: a message naming what is wrong, nothing added', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await page.goto(url('?view=drafts'));
  await page.locator('#import-file').waitFor({ state: 'attached' });
  const bad = path.join(OUT, 'not-a-package.zip');
  execFileSync('sh', ['-c', `cd "${FIXTURES}" && rm -f "${bad}" && zip -q "${bad}" certificate.jpg`]);
  await page.setInputFiles('#import-file', bad);
  const alert = page.locator('#import-error');
  await alert.waitFor();
  assert.match(await alert.textContent(), /manifest\.json/);
  assert.equal(await page.locator('.drafts li').count(), 0);
  await shot(page, 'evidence-06-bad-package', { fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});
