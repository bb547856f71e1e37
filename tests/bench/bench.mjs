// Benchmark of the release build in headless Chromium (Debian /usr/bin/chromium, playwright-core):
//   - bytes of every file in dist/ (raw, gzip -9, brotli 11) and of everything the first screen
//     actually downloads (measured on the wire from a brotli-serving server);
//   - first usable render (a first visit: the start module's product-set search box is in the DOM; a returning visit with a saved draft: the full app's questionnaire),
//     cold, at 1x and 4x CPU throttle: median / min / max of RUNS fresh browser contexts;
//   - answer -> updated result (click on a level until the total in the result bar changes, and
//     until the next animation frame), at 1x and 4x;
//   - dossier generation (.docx) in the page, at 1x and 4x, when the app exposes it.
// Writes target/bench/report.json and target/bench/report.md. Run through scripts/bench.sh.
//
//   BASE_URL=http://127.0.0.1:8090/ DIST=dist RUNS=15 node tests/bench/bench.mjs
import { chromium } from 'playwright-core';
import { readdir, readFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';
import os from 'node:os';

const BASE = (process.env.BASE_URL || 'http://127.0.0.1:8090/').replace(/\/?$/, '/');
const DIST = process.env.DIST || 'dist';
const RUNS = Number(process.env.RUNS || 15);
const OUT = process.env.OUT_DIR || 'target/bench';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const n = s.length; return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : NaN; };
const stats = (xs) => ({ median: +median(xs).toFixed(1), min: +Math.min(...xs).toFixed(1), max: +Math.max(...xs).toFixed(1), runs: xs.length });

async function walk(dir) {
  const out = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...await walk(p)); else out.push(p);
  }
  return out;
}

async function fileSizes() {
  const rows = [];
  for (const f of (await walk(DIST)).sort()) {
    const raw = await readFile(f);
    rows.push({
      file: path.relative(DIST, f), raw: raw.length,
      gzip: zlib.gzipSync(raw, { level: 9 }).length,
      brotli: zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  return rows;
}

async function newPage(browser, rate, existing) {
  const context = existing || await browser.newContext({
    viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true,
    locale: 'vi-VN', serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  if (!existing) {
    await context.addInitScript(() => {
      // First usable: the set chooser's search box (a first visit) or the questionnaire of the
      // open draft (a returning visit) is in the DOM.
      window.__firstUsable = undefined;
      const check = () => {
        if (window.__firstUsable === undefined && document.querySelector('#set-search, .questionnaire fieldset')) {
          window.__firstUsable = performance.now();
        }
      };
      new MutationObserver(check).observe(document, { childList: true, subtree: true });
    });
  }
  return { context, page, cdp };
}

// Choosing a set on the start module's screen until the full app shows its questionnaire (first
// part rendered / all parts rendered), cold: the full app is fetched and compiled at the click
// (service worker blocked, so no background precompile).
async function handOver(browser, rate) {
  const first = [];
  const complete = [];
  for (let i = 0; i < RUNS; i += 1) {
    const { context, page } = await newPage(browser, rate);
    await page.goto(BASE);
    await page.waitForSelector('#set-search');
    await page.fill('#set-search', 'nuoc mam');
    await page.waitForSelector('.results li.set button');
    const r = await page.evaluate(() => new Promise((resolve) => {
      const t0 = performance.now();
      let tFirst;
      const obs = new MutationObserver(() => {
        if (tFirst === undefined && document.querySelector('.questionnaire fieldset')) tFirst = performance.now() - t0;
        if (document.querySelector('.questionnaire[data-complete="true"]')) {
          obs.disconnect();
          resolve({ first: tFirst, complete: performance.now() - t0 });
        }
      });
      obs.observe(document, { childList: true, subtree: true, attributes: true });
      document.querySelector('.results li.set button').click();
      setTimeout(() => { obs.disconnect(); resolve({ first: NaN, complete: NaN }); }, 30000);
    }));
    if (Number.isFinite(r.complete)) { first.push(r.first); complete.push(r.complete); }
    await context.close();
  }
  return { first: stats(first), complete: stats(complete) };
}

// A returning visit: a draft is saved (so boot.js starts the full app at once) and the files are in
// the browser's cache (the service worker's cache in real use). First usable = questionnaire shown.
async function returning(browser, rate) {
  const times = [];
  for (let i = 0; i < RUNS; i += 1) {
    const { context, page } = await newPage(browser, 1);
    await openSet(page);
    await page.close();
    const again = await newPage(browser, rate, context);
    await again.page.goto(BASE);
    await again.page.waitForFunction(() => window.__firstUsable !== undefined, null, { timeout: 60000, polling: 'raf' });
    times.push(await again.page.evaluate(() => window.__firstUsable));
    await context.close();
  }
  return { times: stats(times) };
}

async function firstRender(browser, rate) {
  const times = [];
  let wire = null;
  for (let i = 0; i < RUNS; i += 1) {
    const { context, page } = await newPage(browser, rate);
    const responses = [];
    page.on('response', (r) => {
      const h = r.headers();
      responses.push({ url: r.url(), bytes: Number(h['content-length'] || 0), enc: h['content-encoding'] || '' });
    });
    await page.goto(BASE);
    await page.waitForFunction(() => window.__firstUsable !== undefined, null, { timeout: 60000, polling: 'raf' });
    const seen = responses.length;
    const t = await page.evaluate(() => window.__firstUsable);
    times.push(t);
    if (i === 0) {
      const before = responses.slice(0, seen);
      wire = { requests: before.map((r) => ({ file: r.url.replace(BASE, ''), bytes: r.bytes, encoding: r.enc })),
        total: before.reduce((s, r) => s + r.bytes, 0) };
    }
    await context.close();
  }
  return { times: stats(times), wire };
}

async function openSet(page, query = '') {
  await page.goto(BASE + query);
  await page.waitForSelector('#set-search');
  await page.fill('#set-search', 'nuoc mam');
  await page.locator('.results li.set button').first().click();
  await page.locator('.questionnaire[data-complete="true"]').waitFor({ timeout: 60000 });
}

async function answerLatency(browser, rate) {
  const { context, page } = await newPage(browser, rate);
  await openSet(page);
  const dom = [];
  const frame = [];
  // Alternate two levels of several criteria so the total changes on every click.
  const ids = await page.$$eval('input[type=radio][id^="c-"][id$="-l1"]', (els) => els.map((e) => e.id.replace(/-l1$/, '')));
  for (let i = 0; i < RUNS; i += 1) {
    const crit = ids[i % ids.length];
    const level = (Math.floor(i / ids.length) % 2) ? 1 : 2;
    const r = await page.evaluate(async ({ crit, level }) => {
      const input = document.getElementById(`${crit}-l${level}`) || document.getElementById(`${crit}-l1`);
      const num = document.querySelector('.bar-total .num');
      const before = num.textContent;
      return await new Promise((resolve) => {
        let tDom;
        const obs = new MutationObserver(() => {
          if (tDom === undefined && num.textContent !== before) {
            tDom = performance.now() - t0;
            obs.disconnect();
            requestAnimationFrame(() => resolve({ dom: tDom, frame: performance.now() - t0 }));
          }
        });
        obs.observe(num, { childList: true, characterData: true, subtree: true });
        const t0 = performance.now();
        input.click();
        setTimeout(() => { obs.disconnect(); resolve({ dom: NaN, frame: NaN }); }, 5000);
      });
    }, { crit, level });
    if (Number.isFinite(r.dom)) { dom.push(r.dom); frame.push(r.frame); }
  }
  await context.close();
  return { dom: stats(dom), frame: stats(frame) };
}

async function dossierTime(browser, rate) {
  const { context, page } = await newPage(browser, rate);
  await openSet(page, '?bench=1'); // the app exposes the hook only with ?bench=1
  const has = await page.evaluate(() => typeof window.__ocopBenchDossier === 'function');
  if (!has) { await context.close(); return null; }
  const xs = [];
  for (let i = 0; i < Math.min(RUNS, 10); i += 1) xs.push(await page.evaluate(() => window.__ocopBenchDossier()));
  await context.close();
  return stats(xs.filter(Number.isFinite));
}

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ARGS });
const report = { date: new Date().toISOString(), runs: RUNS, base: BASE,
  machine: `${os.cpus().length} × ${os.cpus()[0]?.model || '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ${os.platform()} ${os.release()}`,
  chromium: browser.version() };
report.files = await fileSizes();
for (const rate of [1, 4]) {
  report[`x${rate}`] = {
    firstUsable: await firstRender(browser, rate),
    handOver: await handOver(browser, rate),
    returning: await returning(browser, rate),
    answer: await answerLatency(browser, rate),
    dossier: await dossierTime(browser, rate),
  };
}
await browser.close();

await mkdir(OUT, { recursive: true });
await writeFile(path.join(OUT, 'report.json'), JSON.stringify(report, null, 1));
const kb = (b) => (b / 1024).toFixed(1);
const firstScreenFiles = report.x1.firstUsable.wire?.requests || [];
const lines = [];
lines.push(`Date ${report.date}; ${report.machine}; Chromium ${report.chromium}; ${RUNS} cold runs per figure.`);
lines.push('', '| file | raw | gzip -9 | brotli 11 |', '|---|---:|---:|---:|');
for (const r of report.files.filter((r) => !r.file.startsWith('static/rubric/QD26-'))) lines.push(`| ${r.file} | ${r.raw} | ${r.gzip} | ${r.brotli} |`);
const rub = report.files.filter((r) => r.file.startsWith('static/rubric/QD26-'));
if (rub.length) lines.push(`| static/rubric/QD26-*.json (${rub.length} files, each fetched when its set is chosen) | ${rub.reduce((s, r) => s + r.raw, 0)} | ${rub.reduce((s, r) => s + r.gzip, 0)} | ${rub.reduce((s, r) => s + r.brotli, 0)} |`);
lines.push('', `First screen on the wire (brotli server), ${firstScreenFiles.length} requests: **${kb(report.x1.firstUsable.wire?.total || 0)} KB** — ` +
  firstScreenFiles.map((r) => `${r.file || 'index'} ${kb(r.bytes)} KB`).join(', '));
lines.push('', '| measure | 1× CPU median (min–max) | 4× CPU median (min–max) |', '|---|---|---|');
const fmt = (s) => (s ? `${s.median} ms (${s.min}–${s.max})` : 'n/a');
lines.push(`| first usable render (ms since navigation) | ${fmt(report.x1.firstUsable.times)} | ${fmt(report.x4.firstUsable.times)} |`);
lines.push(`| choose a set on the first screen → questionnaire shown (full app fetched + started) | ${fmt(report.x1.handOver.first)} | ${fmt(report.x4.handOver.first)} |`);
lines.push(`| same → every part rendered | ${fmt(report.x1.handOver.complete)} | ${fmt(report.x4.handOver.complete)} |`);
lines.push(`| returning visit (draft saved, files cached) → questionnaire shown | ${fmt(report.x1.returning.times)} | ${fmt(report.x4.returning.times)} |`);
lines.push(`| answer → total updated in the DOM | ${fmt(report.x1.answer.dom)} | ${fmt(report.x4.answer.dom)} |`);
lines.push(`| answer → next animation frame | ${fmt(report.x1.answer.frame)} | ${fmt(report.x4.answer.frame)} |`);
lines.push(`| dossier (.docx) generated in the page | ${fmt(report.x1.dossier)} | ${fmt(report.x4.dossier)} |`);
await writeFile(path.join(OUT, 'report.md'), lines.join('\n') + '\n');
console.log(lines.join('\n'));
