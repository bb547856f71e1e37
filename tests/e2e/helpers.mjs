// Shared helpers for the browser end-to-end tests (tests/e2e/*.spec.mjs, run by scripts/test.sh
// with `node --test`). Not a spec file itself.
//
//   import { test, before, after } from 'node:test';
//   import assert from 'node:assert/strict';
//   import { launchBrowser, newPhonePage, shot, url } from './helpers.mjs';
//
//   let browser;
//   before(async () => { browser = await launchBrowser(); });
//   after(async () => { await browser?.close(); });
//
//   test('first screen', async () => {
//     const { context, page, errors } = await newPhonePage(browser);
//     await page.goto(url());                      // BASE_URL, always ends with "/"
//     await page.getByRole('heading').first().waitFor();
//     await shot(page, 'first-screen');            // -> target/e2e/first-screen.png
//     assert.deepEqual(errors, []);
//     await context.close();
//   });

import { mkdir, readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

/** Where the site under test is served; set by scripts/test.sh. Always ends with "/". */
export const BASE_URL = (() => {
  const u = process.env.BASE_URL || 'http://127.0.0.1:8080/';
  return u.endsWith('/') ? u : `${u}/`;
})();

/** Resolve a path relative to BASE_URL ("" = the app's index page). Keeps tests sub-path safe. */
export function url(relative = '') {
  return new URL(relative.replace(/^\/+/, ''), BASE_URL).href;
}

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/** Launch Debian's Chromium through playwright-core. Extra launch options are merged in. */
export function launchBrowser(options = {}) {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
    ...options,
  });
}

/** A phone-sized context: 360x740 CSS px, DPR 2, touch, Vietnamese locale. */
export const PHONE = Object.freeze({
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'vi-VN',
  acceptDownloads: true,
});

/**
 * New context + page with the PHONE settings (any `opts` override them, e.g. `{ offline: true }`,
 * `{ locale: 'en-US' }`, `{ viewport: { width: 1280, height: 800 } }`).
 *
 * Returns `{ context, page, errors }`. `errors` collects, as strings, every console message of type
 * "error" and every uncaught page error (panics from Rust show up here), so a test can end with
 * `assert.deepEqual(errors, [])`. Pass `ignore: [/regex/, ...]` to leave out expected messages.
 */
export async function newPhonePage(browser, opts = {}) {
  const { ignore = [], ...contextOptions } = opts;
  const context = await browser.newContext({ ...PHONE, ...contextOptions });
  const page = await context.newPage();
  const errors = [];
  const keep = (text) => !ignore.some((re) => re.test(text));
  page.on('console', (msg) => {
    if (msg.type() !== 'error') return;
    const loc = msg.location();
    const where = loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : '';
    const text = `console.error: ${msg.text()}${where}`;
    if (keep(text)) errors.push(text);
  });
  page.on('pageerror', (err) => {
    const text = `pageerror: ${err && err.stack ? err.stack : String(err)}`;
    if (keep(text)) errors.push(text);
  });
  return { context, page, errors };
}

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SHOT_DIR = path.join(REPO_ROOT, 'target', 'e2e');

/** Screenshot to target/e2e/<name>.png (full page unless `{ fullPage: false }`). Returns the path. */
export async function shot(page, name, options = {}) {
  await mkdir(SHOT_DIR, { recursive: true });
  const file = path.join(SHOT_DIR, `${name.replace(/[^\w.-]+/g, '_')}.png`);
  await page.screenshot({ path: file, fullPage: true, ...options });
  return file;
}

/** Lay out every section of the questionnaire before an axe audit. Off screen a section is
 *  neither styled nor laid out (`content-visibility: auto`, issue 16), so axe would measure its
 *  buttons as 0×0 (target-size) although every one is full size once it scrolls near the
 *  screen, which is the only place it can be tapped. */
export async function layOutAll(page) {
  await page.evaluate(() => {
    if (document.getElementById('e2e-lay-out-all')) return;
    const s = document.createElement('style');
    s.id = 'e2e-lay-out-all';
    s.textContent = '.questionnaire .section, .questionnaire .crit { content-visibility: visible !important; }';
    document.head.append(s);
  });
}

const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];
let axeSource = null;
/** axe-core's WCAG 2.2 A/AA violations on the page, every section laid out first (`layOutAll`),
 *  one line each: "[impact] rule: first targets". */
export async function axeViolations(page) {
  axeSource ??= await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await layOutAll(page);
  await page.evaluate(axeSource);
  const r = await page.evaluate(
    (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] }),
    AXE_TAGS,
  );
  return r.violations.map((v) => `[${v.impact}] ${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}
