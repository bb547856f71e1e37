// The questionnaire's speed on every way in (issue 16), in one run, against the issue's targets.
// Run through scripts/speed.sh, which builds dist/ and the static floor, serves both with brotli
// (tests/bench/serve.mjs) and installs Lighthouse under target/tools/.
//
//   APP_URL=http://127.0.0.1:8097/ FLOOR_URL=http://127.0.0.1:8098/ RUNS=15 node tests/bench/speed.mjs
//
// Phases (all by default; ONLY=lighthouse,tasks,usable,answer,bytes,memory runs some of them):
//  lighthouse  Lighthouse 13.5 mobile (simulated slow 4G, 4x CPU), LH_RUNS (3) runs each, medians:
//              the deep link ?set=QD26-07, ?demo=1, a returning visit (50 drafts saved in the
//              browser profile, files in the service worker's cache; Lighthouse on the same
//              Chromium through --port with --disable-storage-reset) and the first visit /.
//  tasks       4x CPU (CDP Emulation.setCPUThrottlingRate), ?set=QD26-07, cold: every main-thread
//              task from first paint until .questionnaire[data-complete="true"] (Chrome trace,
//              RunTask events, and the page's PerformanceObserver 'longtask' entries); then
//              answers (click a level, wait for .bar-total .num to change, then the next
//              animation frame): the longest task during each.
//  usable      ?set=QD26-07 against the static floor (the same components rendered to HTML by
//              examples/static_questionnaire.rs): criterion 1.1's level radios in the DOM,
//              visible and enabled, then the next frame; RUNS cold runs each, interleaved, at 1x
//              and 4x.
//  answer      answer -> total -> next frame, the app against the floor page with its ~20 lines
//              of JavaScript, RUNS answers each, interleaved, at 1x and 4x.
//  bytes       every response finished (CDP Network.loadingFinished encodedDataLength, brotli
//              server) before criterion 1.1 became answerable on the deep link, and before the
//              first visit's first screen was usable.
//  memory      the largest set (most criteria in static/rubric/) open with 50 drafts saved: the
//              JS heap (CDP Runtime.getHeapUsage after a GC), the wasm memories (their
//              buffer.byteLength, found with CDP Runtime.queryObjects on WebAssembly.Memory),
//              DOM counters.
// Writes OUT_DIR/speed.json and OUT_DIR/speed.md (OUT_DIR = target/bench); the trace of the
// first deep link at 4x is kept as OUT_DIR/trace-deep-link-4x.json.gz (load it in DevTools).

import { chromium } from 'playwright-core';
import { spawn } from 'node:child_process';
import { readFile, writeFile, mkdir, mkdtemp, rm, readdir } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';

const APP = (process.env.APP_URL || 'http://127.0.0.1:8097/').replace(/\/?$/, '/');
const FLOOR = (process.env.FLOOR_URL || 'http://127.0.0.1:8098/').replace(/\/?$/, '/');
const RUNS = Number(process.env.RUNS || 15);
const LH_RUNS = Number(process.env.LH_RUNS || 3);
const TASK_RUNS = Number(process.env.TASK_RUNS || 3);
const DRAFTS = Number(process.env.DRAFTS || 50);
const SET = process.env.SET || 'QD26-07';
const OUT = process.env.OUT_DIR || 'target/bench';
const RUBRICS = process.env.RUBRICS || 'static/rubric';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const LH_BIN = process.env.LH_BIN || 'target/tools/lighthouse/node_modules/.bin/lighthouse';
const ONLY = new Set((process.env.ONLY || 'lighthouse,tasks,usable,answer,bytes,memory').split(',').map((s) => s.trim()));
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
const PHONE = { viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' };
const DEEP = `${APP}?set=${SET}`;
const FLOOR_PAGE = `${FLOOR}floor.html`;
const FLOOR_JS_PAGE = `${FLOOR}floor-js.html`;

// Targets of issue 16.
const T = { perf: 95, tbt: 200, cls: 0, a11y: 100, firstPerf: 98, firstKB: 120, setupTask: 200, answerTask: 50, ratio: 1.5, usableKB: 150 };

const log = (...a) => console.error('[speed]', ...a);
const median = (xs) => { const s = xs.filter(Number.isFinite).sort((a, b) => a - b); const n = s.length; return n ? (n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2) : NaN; };
const r1 = (x) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : null);
const stats = (xs) => { const v = xs.filter(Number.isFinite); return { median: r1(median(v)), min: r1(Math.min(...v)), max: r1(Math.max(...v)), runs: v.length, all: v.map(r1) }; };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([promise, new Promise((_, rej) => { timer = setTimeout(() => rej(new Error(`timeout after ${ms} ms: ${what}`)), ms); })])
    .finally(() => clearTimeout(timer));
}

// Every process this script starts (Lighthouse, Chromium with a debugging port), killed on exit.
const children = new Set();
function killTree(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  try { process.kill(-child.pid, 'SIGKILL'); } catch { try { child.kill('SIGKILL'); } catch { /* gone */ } }
}
function killAll() { for (const c of children) killTree(c); children.clear(); }
process.on('exit', killAll);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(sig, () => { killAll(); process.exit(130); });

function run(cmd, args, { timeout = 240000, env = {} } = {}) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true, env: { ...process.env, ...env } });
    children.add(child);
    let err = '';
    child.stderr.on('data', (d) => { err = (err + d).slice(-4000); });
    const timer = setTimeout(() => { err += `\n[speed] killed after ${timeout} ms`; killTree(child); }, timeout);
    child.on('close', (code) => { clearTimeout(timer); children.delete(child); resolve({ code, err }); });
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => resolve(port)); });
  });
}

// ---------------------------------------------------------------------------------------------
// What every measured page gets before its own scripts run: long tasks, paint times, the moment
// criterion 1.1 is answerable (its radios in the DOM, enabled, visible; then the next frame) and
// the moment the questionnaire is complete, all in performance.now() milliseconds.
function pageProbe() {
  const s = (window.__speed = { longtasks: [], paints: {}, usableDom: undefined, usable: undefined, complete: undefined });
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) s.longtasks.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: true });
  } catch (e) { s.longtaskError = String(e); }
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) s.paints[e.name] = e.startTime; })
      .observe({ type: 'paint', buffered: true });
  } catch (e) { /* no paint timing */ }
  const answerable = () => {
    const radios = document.querySelectorAll('input[type=radio][name="c-1-1"]');
    if (!radios.length) return false;
    for (const r of radios) {
      if (!r.matches(':enabled')) return false;
      for (const el of [r, r.closest('label') || r]) {
        if (el.checkVisibility && !el.checkVisibility({ checkOpacity: true, checkVisibilityCSS: true })) return false;
        const b = el.getBoundingClientRect();
        if (!(b.width > 0 && b.height > 0)) return false;
      }
    }
    return true;
  };
  let waiting = false;
  const check = () => {
    // Complete: the app's own questionnaire, all of it, on screen (not the prerendered page of
    // static/boot.js, nor the app's copy while it is still behind that page, invisible).
    if (s.complete === undefined && [...document.querySelectorAll('.questionnaire[data-complete="true"]')].some((q) => !q.closest('[hidden], [data-behind]'))) s.complete = performance.now();
    if (s.usableDom !== undefined || waiting || !document.getElementById('c-1-1-l1')) return;
    if (!answerable()) { waiting = true; requestAnimationFrame(() => { waiting = false; check(); }); return; }
    s.usableDom = performance.now();
    requestAnimationFrame(() => { s.usable = performance.now(); });
  };
  const mo = new MutationObserver(check);
  mo.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-complete', 'hidden', 'data-behind'] });
}

async function newPage(browser, rate, { sw = 'block' } = {}) {
  const context = await browser.newContext({ ...PHONE, serviceWorkers: sw });
  await context.addInitScript(pageProbe);
  const page = await context.newPage();
  page.setDefaultTimeout(90000);
  const cdp = await context.newCDPSession(page);
  if (rate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { context, page, cdp };
}

const waitComplete = (page, timeout = 120000) => page.locator('.questionnaire[data-complete="true"]').waitFor({ timeout });
const waitProbe = (page, key, timeout = 90000) => page.waitForFunction((k) => window.__speed && window.__speed[k] !== undefined, key, { timeout, polling: 100 });
const probe = (page) => page.evaluate(() => window.__speed);

// ---------------------------------------------------------------------------------------------
// Drafts saved on the device: open the set's questionnaire, answer some criteria (the app makes
// the draft), then copy it in the database to `n` records (as tests/e2e/perf-store.spec.mjs).
async function seedDrafts(page, set, n) {
  await page.goto(`${APP}?set=${set}`);
  await waitComplete(page);
  const ids = await page.$$eval('.questionnaire fieldset.crit', (fs) => fs.map((f) => f.id));
  for (const id of ids.slice(0, 12)) {
    await page.evaluate((c) => (document.getElementById(`${c}-l2`) || document.getElementById(`${c}-l1`))?.click(), id);
    await sleep(150);
  }
  const readRecords = () => page.evaluate(() => new Promise((resolve) => {
    const req = indexedDB.open('ocop-self-check');
    req.onupgradeneeded = () => req.transaction.abort();
    req.onerror = () => resolve([]);
    req.onsuccess = () => {
      const db = req.result;
      if (!db.objectStoreNames.contains('drafts')) { db.close(); resolve([]); return; }
      const all = db.transaction('drafts').objectStore('drafts').getAll();
      all.onsuccess = () => { db.close(); resolve(all.result); };
      all.onerror = () => { db.close(); resolve([]); };
    };
  }));
  let records = [];
  for (let i = 0; i < 100; i += 1) {
    records = await readRecords();
    if (records.length === 1 && Object.keys(records[0].draft?.answers || {}).length >= Math.min(12, ids.length)) break;
    await sleep(200);
  }
  if (records.length !== 1) throw new Error(`seeding ${set}: ${records.length} records after answering`);
  const [record] = records;
  await page.evaluate(([rec, count, set]) => new Promise((resolve, reject) => {
    const req = indexedDB.open('ocop-self-check');
    req.onsuccess = () => {
      const db = req.result;
      const tx = db.transaction('drafts', 'readwrite');
      for (let i = 1; i < count; i += 1) {
        const id = `copy-${i}`;
        tx.objectStore('drafts').put({ ...rec, id, draft: { ...rec.draft, id, title: `Bản ${i}`, created_ms: rec.draft.created_ms - i } });
      }
      tx.oncomplete = () => { db.close(); localStorage.setItem('ocop-self-check/index', JSON.stringify({ drafts: count, set })); resolve(); };
      tx.onerror = () => reject(tx.error);
    };
    req.onerror = () => reject(req.error);
  }), [record, n, set]);
  const after = await readRecords();
  return { drafts: after.length, current: record.id, answered: Object.keys(record.draft?.answers || {}).length };
}

// ---------------------------------------------------------------------------------------------
// Lighthouse.
function lhSummary(file) {
  return readFile(file, 'utf8').then((text) => {
    const r = JSON.parse(text);
    const sc = (k) => (r.categories[k] && r.categories[k].score !== null ? Math.round(r.categories[k].score * 100) : null);
    const num = (k) => (r.audits[k] && Number.isFinite(r.audits[k].numericValue) ? r.audits[k].numericValue : null);
    return {
      performance: sc('performance'), accessibility: sc('accessibility'),
      tbt: num('total-blocking-time'), lcp: num('largest-contentful-paint'), cls: num('cumulative-layout-shift'),
      fcp: num('first-contentful-paint'), si: num('speed-index'), mainThread: num('mainthread-work-breakdown'),
      bytes: num('total-byte-weight'), finalUrl: r.finalDisplayedUrl || r.finalUrl,
      benchmarkIndex: r.environment ? r.environment.benchmarkIndex : null,
      breakdown: Object.fromEntries((r.audits['mainthread-work-breakdown']?.details?.items || []).map((x) => [x.group, Math.round(x.duration)])),
      a11yFailures: (r.categories.accessibility?.auditRefs || []).map((a) => r.audits[a.id])
        .filter((a) => a && a.score !== null && a.score < 1).map((a) => a.id),
      runtimeError: r.runtimeError ? r.runtimeError.code : undefined,
      warnings: (r.runWarnings || []).slice(0, 3),
    };
  });
}

async function lighthouse(url, name, i, port, keepStorage) {
  const dir = path.join(OUT, 'lighthouse');
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${name}-${i}.json`);
  await rm(file, { force: true });
  const args = [url, '--quiet', '--output=json', `--output-path=${file}`, '--only-categories=performance,accessibility',
    '--max-wait-for-load=90000', `--port=${port}`];
  if (keepStorage) args.push('--disable-storage-reset');
  const t0 = Date.now();
  const res = await run(LH_BIN, args, { timeout: 300000 });
  try {
    const s = await lhSummary(file);
    log(`lighthouse ${name} #${i}: Performance ${s.performance}, TBT ${Math.round(s.tbt)} ms, LCP ${Math.round(s.lcp)} ms, CLS ${s.cls}, Accessibility ${s.accessibility} (${Math.round((Date.now() - t0) / 1000)} s)${s.runtimeError ? ' ERROR ' + s.runtimeError : ''}`);
    return s;
  } catch (e) {
    log(`lighthouse ${name} #${i} failed (exit ${res.code}): ${res.err.split('\n').slice(-5).join(' | ')}`);
    return null;
  }
}

// Every Lighthouse run gets a Chromium of our own (so it is always stopped) with a debugging port
// and a fresh profile directory, and the flags Lighthouse's own launcher would add. For the
// returning visit, drafts are seeded into the profile through playwright's connectOverCDP, then
// Lighthouse attaches to the same browser (--port) without resetting storage.
const LAUNCHER_FLAGS = ['--disable-extensions', '--disable-component-extensions-with-background-pages', '--disable-default-apps',
  '--mute-audio', '--no-default-browser-check', '--disable-backgrounding-occluded-windows', '--disable-renderer-backgrounding',
  '--disable-background-timer-throttling', '--disable-ipc-flooding-protection', '--password-store=basic', '--use-mock-keychain',
  '--disable-hang-monitor', '--disable-prompt-on-repost', '--disable-domain-reliability', '--metrics-recording-only'];
async function withDebugChromium(fn) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'speed-profile-'));
  const port = await freePort();
  const child = spawn(CHROMIUM, [...ARGS, ...LAUNCHER_FLAGS, `--remote-debugging-port=${port}`, `--user-data-dir=${dir}`, 'about:blank'], { stdio: 'ignore', detached: true });
  children.add(child);
  try {
    let up = false;
    for (let i = 0; i < 150 && !up; i += 1) {
      try { up = (await fetch(`http://127.0.0.1:${port}/json/version`)).ok; } catch { await sleep(100); }
    }
    if (!up) throw new Error('chromium with --remote-debugging-port did not come up');
    return await fn(port);
  } finally {
    killTree(child);
    children.delete(child);
    await sleep(300);
    await rm(dir, { recursive: true, force: true }).catch(() => {});
  }
}

async function seedProfile(port, set, n) {
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`);
  try {
    const context = browser.contexts()[0];
    const page = await context.newPage();
    page.setDefaultTimeout(90000);
    const seeded = await seedDrafts(page, set, n);
    // The returning visit is served by the service worker, as on a phone: wait until it has
    // installed (precached the site) and is active.
    seeded.serviceWorker = await page.evaluate(() => Promise.race([
      navigator.serviceWorker ? navigator.serviceWorker.ready.then((r) => (r.active ? r.active.state : 'none')) : Promise.resolve('unsupported'),
      new Promise((r) => setTimeout(() => r('not ready after 60 s'), 60000)),
    ]));
    await page.goto('about:blank');
    await page.close();
    return seeded;
  } finally {
    await browser.close(); // connected over CDP: disconnects, the browser stays for Lighthouse
  }
}

async function lighthousePhase() {
  const cases = [
    { name: 'deep-link', label: `deep link ?set=${SET}`, url: DEEP },
    { name: 'demo', label: 'examples ?demo=1', url: `${APP}?demo=1` },
    { name: 'returning', label: `returning visit (${DRAFTS} drafts, offline copy)`, url: APP, seed: true },
    { name: 'first-visit', label: 'first visit /', url: APP },
  ];
  const out = {};
  for (const c of cases) out[c.name] = { label: c.label, url: c.url, runs: [] };
  // Interleaved: run i of every case, then run i + 1.
  for (let i = 1; i <= LH_RUNS; i += 1) {
    for (const c of cases) {
      const s = await withDebugChromium(async (port) => {
        if (c.seed) out[c.name].seeded = await withTimeout(seedProfile(port, SET, DRAFTS), 180000, 'seeding drafts');
        return lighthouse(c.url, c.name, i, port, Boolean(c.seed));
      }).catch((e) => { log(`lighthouse ${c.name} run ${i}: ${e.message}`); return null; });
      if (s) out[c.name].runs.push(s);
    }
  }
  for (const c of cases) {
    const runs = out[c.name].runs.filter((r) => !r.runtimeError);
    const m = (k) => median(runs.map((r) => r[k]).filter((x) => x !== null));
    out[c.name].median = { performance: m('performance'), accessibility: m('accessibility'), tbt: m('tbt'), lcp: m('lcp'), cls: m('cls'), fcp: m('fcp'), si: m('si'), mainThread: m('mainThread'), benchmarkIndex: m('benchmarkIndex') };
    out[c.name].a11yFailures = [...new Set(runs.flatMap((r) => r.a11yFailures || []))];
    const groups = [...new Set(runs.flatMap((r) => Object.keys(r.breakdown || {})))];
    out[c.name].median.breakdown = Object.fromEntries(groups.map((g) => [g, median(runs.map((r) => (r.breakdown || {})[g] ?? 0))]));
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Traces: RunTask events of the page's renderer main thread.
// Times are page milliseconds (performance.now()): the base is the document's navigationStart
// (a trace started before the navigation) or a performance.mark whose startTime is known.
function parseTrace(buffer, { urlPart, anchor } = {}) {
  const events = JSON.parse(buffer.toString('utf8')).traceEvents || [];
  const threadNames = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadNames.set(`${e.pid}:${e.tid}`, e.args.name);
  let key; let base;
  if (anchor) {
    const m = events.find((e) => e.name === anchor.name && String(e.cat).includes('blink.user_timing'));
    if (!m) return null;
    key = `${m.pid}:${m.tid}`;
    base = m.ts - anchor.time * 1000;
  } else {
    const navs = events.filter((e) => e.name === 'navigationStart' && threadNames.get(`${e.pid}:${e.tid}`) === 'CrRendererMain'
      && (!urlPart || String(e.args?.data?.documentLoaderURL || '').includes(urlPart)));
    const nav = navs[navs.length - 1];
    if (!nav) return null;
    key = `${nav.pid}:${nav.tid}`;
    base = nav.ts;
  }
  const tasks = events.filter((e) => e.ph === 'X' && e.name === 'RunTask' && `${e.pid}:${e.tid}` === key)
    .map((e) => ({ start: (e.ts - base) / 1000, dur: e.dur / 1000 }))
    .sort((a, b) => a.start - b.start);
  return { tasks };
}

const TRACE_CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading', 'toplevel', 'v8.execute'];
const within = (tasks, from, to) => tasks.filter((t) => t.start + t.dur > from && t.start < to);

async function tasksPhase(browser) {
  const rate = 4;
  const runs = [];
  for (let i = 0; i < TASK_RUNS; i += 1) {
    const { context, page } = await newPage(browser, rate);
    try {
      await browser.startTracing(page, { categories: TRACE_CATEGORIES });
      await page.goto(DEEP);
      await waitComplete(page);
      await sleep(500);
      const buf = await browser.stopTracing();
      if (i === 0) await writeFile(path.join(OUT, 'trace-deep-link-4x.json.gz'), zlib.gzipSync(buf));
      const p = await probe(page);
      const tr = parseTrace(buf, { urlPart: `set=${SET}` });
      const fp = p.paints['first-paint'] ?? p.paints['first-contentful-paint'];
      const traced = tr ? within(tr.tasks, fp, p.complete) : [];
      const observed = p.longtasks.filter(([s, d]) => s + d > fp && s < p.complete);
      const durs = traced.map((t) => t.dur);
      const run = {
        firstPaint: r1(fp), usable: r1(p.usable), complete: r1(p.complete),
        traced: tr !== null, tasks: traced.length,
        longest: r1(Math.max(0, ...durs)), over50: durs.filter((d) => d > 50).length, over200: durs.filter((d) => d > 200).length,
        longTasksTraced: traced.filter((t) => t.dur > 50).map((t) => [r1(t.start), r1(t.dur)]),
        longestObserved: r1(Math.max(0, ...observed.map(([, d]) => d))), over200Observed: observed.filter(([, d]) => d > 200).length,
        longTasksObserved: observed.map(([s, d]) => [r1(s), r1(d)]),
        blockingTime: r1(durs.reduce((a, d) => a + Math.max(0, d - 50), 0)),
      };
      log(`tasks 4x #${i + 1}: first paint ${run.firstPaint} ms, complete ${run.complete} ms, longest task ${run.longest} ms (observer ${run.longestObserved}), ${run.over200} over 200 ms, ${run.over50} over 50 ms`);
      runs.push(run);
    } catch (e) {
      log(`tasks 4x #${i + 1}: ${e.message}`);
      try { await browser.stopTracing(); } catch { /* not tracing */ }
    } finally {
      await context.close();
    }
  }
  const pick = (k) => median(runs.map((r) => r[k]));
  const setup = { rate, runs, longest: pick('longest'), over200: pick('over200'), longestObserved: pick('longestObserved'),
    longestMax: Math.max(0, ...runs.map((r) => r.longest)), complete: pick('complete') };

  // Answers on the same deep link at 4x: the longest task between the click and the next frame.
  const answers = [];
  const { context, page } = await newPage(browser, rate);
  try {
    await page.goto(DEEP);
    await waitComplete(page);
    await sleep(1500);
    const plan = await answerPlan(page, RUNS + 1);
    await browser.startTracing(page, { categories: TRACE_CATEGORIES });
    for (let i = 0; i < plan.length; i += 1) {
      const r = await clickAndWait(page, plan[i], i);
      answers.push(r);
      await sleep(120);
    }
    const buf = await browser.stopTracing();
    const first = answers.find((a) => Number.isFinite(a.t0));
    const tr = first ? parseTrace(buf, { anchor: { name: `speed:answer-start-${answers.indexOf(first)}`, time: first.t0 } }) : null;
    if (!tr) log('answer tasks: no trace to read');
    const p = await probe(page);
    for (const a of answers) {
      if (!Number.isFinite(a.t0)) continue;
      const ts = tr ? within(tr.tasks, a.t0, a.t0 + a.frame) : [];
      a.longestTraced = r1(Math.max(0, ...ts.map((t) => t.dur)));
      a.longestObserved = r1(Math.max(0, ...p.longtasks.filter(([s, d]) => s + d > a.t0 && s < a.t0 + a.frame).map(([, d]) => d)));
    }
  } catch (e) {
    log(`answer tasks: ${e.message}`);
    try { await browser.stopTracing(); } catch { /* not tracing */ }
  } finally {
    await context.close();
  }
  const later = answers.slice(1).filter((a) => Number.isFinite(a.frame));
  const answer = {
    rate, first: answers[0] || null,
    frame: stats(later.map((a) => a.frame)),
    longest: r1(Math.max(0, ...later.map((a) => a.longestTraced ?? 0))),
    longestObserved: r1(Math.max(0, ...later.map((a) => a.longestObserved ?? 0))),
    over50: later.filter((a) => (a.longestTraced ?? 0) > 50).length, answers: later.length,
  };
  log(`answers 4x: longest task ${answer.longest} ms (observer ${answer.longestObserved}), ${answer.over50} of ${answer.answers} answers with a task over 50 ms; first answer (makes the draft) ${r1(answers[0]?.frame)} ms, its longest task ${answers[0]?.longestTraced}`);
  return { setup, answer };
}

// ---------------------------------------------------------------------------------------------
// Answers: criteria without cases, each clicked at its highest-points level, then (next round)
// its lowest, so every click changes the total.
async function answerPlan(page, n) {
  const crits = await page.$$eval('.questionnaire fieldset.crit', (fs) => fs.filter((f) => !f.querySelector('.case')).map((f) => {
    const radios = [...f.querySelectorAll('input[type=radio]')].filter((r) => r.value !== 'none');
    const pts = radios.map((r) => {
      const b = r.closest('label')?.querySelector('.lvl-meta b')?.textContent || '';
      return { id: r.id, points: Number((b.match(/\d+/) || ['0'])[0]) };
    });
    return pts;
  }).filter((p) => p.length >= 2));
  const plan = [];
  for (let i = 0; plan.length < n && i < n * 3; i += 1) {
    const levels = crits[i % crits.length];
    const sorted = [...levels].sort((a, b) => a.points - b.points);
    const high = sorted[sorted.length - 1];
    const low = sorted[0];
    if (high.points === low.points) continue;
    plan.push(Math.floor(i / crits.length) % 2 ? low.id : high.id);
  }
  return plan;
}

function clickAndWait(page, inputId, i) {
  return page.evaluate(({ inputId, i }) => new Promise((resolve) => {
    const input = document.getElementById(inputId);
    const num = document.querySelector('.bar-total .num');
    if (!input || !num) { resolve({ dom: NaN, frame: NaN, t0: NaN, error: 'no input or total' }); return; }
    const before = num.textContent;
    let tDom;
    let t0;
    const obs = new MutationObserver(() => {
      if (tDom === undefined && num.textContent !== before) {
        tDom = performance.now() - t0;
        obs.disconnect();
        // The next frame: its animation-frame callbacks run, then it is painted; a task
        // queued from there runs once the frame is done.
        requestAnimationFrame(() => {
          const raf = performance.now() - t0;
          setTimeout(() => {
            const frame = performance.now() - t0;
            performance.mark(`speed:answer-end-${i}`);
            resolve({ dom: tDom, raf, frame, t0 });
          }, 0);
        });
      }
    });
    obs.observe(num, { childList: true, characterData: true, subtree: true });
    t0 = performance.mark(`speed:answer-start-${i}`).startTime;
    input.click();
    setTimeout(() => { obs.disconnect(); resolve({ dom: NaN, frame: NaN, t0, error: 'total did not change' }); }, 8000);
  }), { inputId, i });
}

// ---------------------------------------------------------------------------------------------
async function usablePhase(browser) {
  const out = {};
  // One load of each, not counted: the browser's own first-use costs (processes, disk).
  for (const url of [DEEP, FLOOR_PAGE]) {
    const { context, page } = await newPage(browser, 1);
    try { await page.goto(url); await waitProbe(page, 'usable'); } catch (e) { log(`warm-up ${url}: ${e.message}`); } finally { await context.close(); }
  }
  for (const rate of [1, 4]) {
    const app = []; const floor = []; const appComplete = []; const appDom = []; const floorDom = [];
    for (let i = 0; i < RUNS; i += 1) {
      const order = i % 2 ? ['floor', 'app'] : ['app', 'floor'];
      for (const kind of order) {
        const { context, page } = await newPage(browser, rate);
        try {
          await page.goto(kind === 'app' ? DEEP : FLOOR_PAGE);
          await waitProbe(page, 'usable');
          if (kind === 'app') await waitComplete(page);
          const p = await probe(page);
          if (kind === 'app') { app.push(p.usable); appDom.push(p.usableDom); appComplete.push(p.complete); } else { floor.push(p.usable); floorDom.push(p.usableDom); }
        } catch (e) {
          log(`usable ${kind} ${rate}x #${i + 1}: ${e.message}`);
        } finally {
          await context.close();
        }
      }
    }
    out[`x${rate}`] = { app: stats(app), floor: stats(floor), appInDom: stats(appDom), floorInDom: stats(floorDom), appComplete: stats(appComplete), ratio: r1(median(app) / median(floor) * 100) / 100 };
    log(`usable ${rate}x: app ${out[`x${rate}`].app.median} ms, floor ${out[`x${rate}`].floor.median} ms, ratio ${out[`x${rate}`].ratio} (app complete ${out[`x${rate}`].appComplete.median} ms)`);
  }
  return out;
}

async function answerPhase(browser) {
  const out = {};
  for (const rate of [1, 4]) {
    const a = await newPage(browser, rate);
    const f = await newPage(browser, rate);
    try {
      await a.page.goto(DEEP);
      await waitComplete(a.page);
      await f.page.goto(FLOOR_JS_PAGE);
      await f.page.waitForLoadState('load');
      await sleep(1500);
      const plan = await answerPlan(f.page, RUNS + 1);
      const app = []; const floor = [];
      for (let i = 0; i < plan.length; i += 1) {
        const order = i % 2 ? [[f, floor], [a, app]] : [[a, app], [f, floor]];
        for (const [x, xs] of order) { xs.push(await clickAndWait(x.page, plan[i], i)); await sleep(100); }
      }
      const later = (xs) => xs.slice(1);
      out[`x${rate}`] = {
        app: stats(later(app).map((r) => r.frame)), floor: stats(later(floor).map((r) => r.frame)),
        appDom: stats(later(app).map((r) => r.dom)), floorDom: stats(later(floor).map((r) => r.dom)),
        appRaf: stats(later(app).map((r) => r.raf)), floorRaf: stats(later(floor).map((r) => r.raf)),
        appFirst: r1(app[0]?.frame), floorFirst: r1(floor[0]?.frame),
        errors: [...app, ...floor].filter((r) => r.error).length,
      };
      out[`x${rate}`].ratio = r1(out[`x${rate}`].app.median / out[`x${rate}`].floor.median * 100) / 100;
      out[`x${rate}`].rafRatio = r1(out[`x${rate}`].appRaf.median / out[`x${rate}`].floorRaf.median * 100) / 100;
      log(`answer ${rate}x: app ${out[`x${rate}`].app.median} ms, floor ${out[`x${rate}`].floor.median} ms to the next frame, ratio ${out[`x${rate}`].ratio}; first answer ${out[`x${rate}`].appFirst} ms`);
    } catch (e) {
      log(`answer ${rate}x: ${e.message}`);
    } finally {
      await a.context.close();
      await f.context.close();
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Bytes on the wire, from CDP Network events: what finished before the page's `key` moment.
async function wireUntil(browser, url, key, extraWait) {
  const { context, page, cdp } = await newPage(browser, 1);
  const reqs = new Map();
  try {
    await cdp.send('Network.enable');
    cdp.on('Network.requestWillBeSent', (e) => { if (!reqs.has(e.requestId)) reqs.set(e.requestId, { url: e.request.url, sent: e.timestamp, wall: e.wallTime, type: e.type }); });
    cdp.on('Network.responseReceived', (e) => { const r = reqs.get(e.requestId); if (r) { r.status = e.response.status; r.encoding = e.response.headers['content-encoding'] || e.response.headers['Content-Encoding'] || ''; } });
    cdp.on('Network.loadingFinished', (e) => { const r = reqs.get(e.requestId); if (r) { r.done = e.timestamp; r.bytes = e.encodedDataLength; } });
    cdp.on('Network.loadingFailed', (e) => { const r = reqs.get(e.requestId); if (r) { r.failed = e.errorText; r.done = e.timestamp; } });
    await page.goto(url);
    await extraWait(page);
    await sleep(1500);
    const at = await page.evaluate((k) => ({ t: typeof k === 'string' ? window.__speed[k] : null, origin: performance.timeOrigin }), key);
    const all = [...reqs.values()].sort((x, y) => x.sent - y.sent);
    const doc = all.find((r) => r.type === 'Document');
    // Monotonic time of the page's time origin: the document request's wall time against
    // performance.timeOrigin says how long after the origin the request went out.
    const origin = doc.sent - (doc.wall * 1000 - at.origin) / 1000;
    const ms = (ts) => (ts - origin) * 1000;
    const files = all.map((r) => ({ file: r.url.replace(APP, '') || '(index)', bytes: r.bytes ?? 0, encoding: r.encoding, status: r.status, sent: r1(ms(r.sent)), done: r.done ? r1(ms(r.done)) : null, failed: r.failed }));
    return { until: r1(at.t), files };
  } finally {
    await context.close();
  }
}

async function bytesPhase(browser) {
  const deep = [];
  for (let i = 0; i < 3; i += 1) {
    const w = await wireUntil(browser, DEEP, 'usable', (p) => waitProbe(p, 'usable'));
    const before = w.files.filter((f) => f.done !== null && f.done <= w.until && !f.failed);
    deep.push({ until: w.until, total: before.reduce((s, f) => s + f.bytes, 0), files: before, later: w.files.filter((f) => !before.includes(f)) });
  }
  deep.sort((x, y) => x.total - y.total);
  const deepMedian = deep[1] || deep[0];
  // The first visit's first screen: everything finished once the product-set search box is shown
  // (and the next frame), as scripts/bench.sh counts it.
  const first = await wireUntil(browser, APP, 'firstScreen', async (p) => {
    await p.waitForSelector('#set-search', { timeout: 90000 });
    await p.evaluate(() => new Promise((r) => requestAnimationFrame(() => { window.__speed.firstScreen = performance.now(); r(); })));
  });
  const firstFiles = first.files.filter((f) => f.done !== null && f.done <= first.until && !f.failed);
  const firstLater = first.files.filter((f) => !firstFiles.includes(f));
  log(`bytes: deep link ${deepMedian.total} B before usable at ${deepMedian.until} ms (${deepMedian.files.length} files); first visit ${firstFiles.reduce((s, f) => s + f.bytes, 0)} B`);
  return {
    deepLink: { total: deepMedian.total, until: deepMedian.until, files: deepMedian.files, later: deepMedian.later, totals: deep.map((d) => d.total) },
    firstVisit: { total: firstFiles.reduce((s, f) => s + f.bytes, 0), until: first.until, files: firstFiles, later: firstLater },
  };
}

// ---------------------------------------------------------------------------------------------
async function largestSet() {
  let best = null;
  for (const f of (await readdir(RUBRICS)).filter((x) => /^QD26-\d\d\.json$/.test(x)).sort()) {
    const j = JSON.parse(await readFile(path.join(RUBRICS, f), 'utf8'));
    let criteria = 0; let levels = 0;
    const add = (cs) => { for (const c of cs || []) { criteria += 1; levels += (c.levels || []).length; } };
    for (const p of j.parts || []) for (const s of p.sections || []) { add(s.criteria); for (const g of s.groups || []) add(g.criteria); }
    if (!best || criteria > best.criteria || (criteria === best.criteria && levels > best.levels)) best = { id: j.id, criteria, levels };
  }
  return best;
}

async function memoryPhase(browser) {
  const big = await largestSet();
  const { context, page } = await newPage(browser, 1);
  try {
    const seeded = await seedDrafts(page, big.id, DRAFTS);
    await page.close();
    const p2 = await context.newPage();
    const cdp = await context.newCDPSession(p2);
    await p2.goto(APP);
    await waitComplete(p2);
    await sleep(3000);
    const shown = await p2.evaluate(() => ({ fieldsets: document.querySelectorAll('.questionnaire fieldset.crit').length, elements: document.getElementsByTagName('*').length, url: location.search }));
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    await sleep(500);
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters').catch(() => null);
    const proto = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
    const found = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
    const sizes = await cdp.send('Runtime.callFunctionOn', { objectId: found.objects.objectId, functionDeclaration: 'function () { return this.map((m) => m.buffer.byteLength); }', returnByValue: true });
    const wasm = sizes.result.value || [];
    const perfMemory = await p2.evaluate(() => (performance.memory ? { used: performance.memory.usedJSHeapSize, total: performance.memory.totalJSHeapSize } : null));
    const res = {
      set: big, drafts: seeded.drafts, questionnaire: shown,
      jsHeapUsed: heap.usedSize, jsHeapTotal: heap.totalSize, embedderHeapUsed: heap.embedderHeapUsedSize ?? null, backingStorage: heap.backingStorageSize ?? null,
      wasmMemories: wasm, wasmTotal: wasm.reduce((a, b) => a + b, 0), dom, perfMemory,
    };
    res.total = res.jsHeapUsed + res.wasmTotal;
    log(`memory: ${big.id} (${big.criteria} criteria) open, ${seeded.drafts} drafts: JS heap ${(res.jsHeapUsed / 2 ** 20).toFixed(1)} MiB used, wasm ${wasm.map((b) => (b / 2 ** 20).toFixed(1) + ' MiB').join(' + ')}`);
    return res;
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
const REPORT_ONLY = process.env.REPORT_ONLY === '1'; // write speed.md again from speed.json
const report = REPORT_ONLY ? JSON.parse(await readFile(path.join(OUT, 'speed.json'), 'utf8')) : {
  date: new Date().toISOString(), runs: RUNS, lighthouseRuns: LH_RUNS, set: SET, drafts: DRAFTS,
  machine: { nproc: os.availableParallelism ? os.availableParallelism() : os.cpus().length, cpu: os.cpus()[0]?.model, memGiB: Math.round(os.totalmem() / 2 ** 30), kernel: os.release(), loadStart: os.loadavg().map((x) => x.toFixed(2)) },
  build: { commit: process.env.BUILD_COMMIT || null, note: process.env.BUILD_NOTE || null, swVersion: process.env.SW_VERSION || null },
};
if (!REPORT_ONLY) await measure();

async function measure() {
  await mkdir(OUT, { recursive: true });
  const t0 = Date.now();
  const phase = async (name, fn) => {
    if (!ONLY.has(name)) return;
    const t = Date.now();
    log(`${name}…`);
    try { report[name] = await fn(); } catch (e) { log(`${name} failed: ${e.stack || e}`); report[name] = { error: String(e.message || e) }; }
    report.timing = { ...(report.timing || {}), [name]: Math.round((Date.now() - t) / 1000) };
    await writeFile(path.join(OUT, 'speed.json'), JSON.stringify(report, null, 1));
  };

  await phase('lighthouse', lighthousePhase);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  try {
    report.chromium = browser.version();
    await phase('tasks', () => tasksPhase(browser));
    await phase('usable', () => usablePhase(browser));
    await phase('answer', () => answerPhase(browser));
    await phase('bytes', () => bytesPhase(browser));
    await phase('memory', () => memoryPhase(browser));
  } finally {
    await browser.close().catch(() => {});
  }
  report.machine.loadEnd = os.loadavg().map((x) => x.toFixed(2));
  report.seconds = Math.round((Date.now() - t0) / 1000);
  await writeFile(path.join(OUT, 'speed.json'), JSON.stringify(report, null, 1));
}

// ---------------------------------------------------------------------------------------------
// The table.
const ms = (x) => (x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : `${Math.round(x)} ms`);
const kb = (b) => (Number.isFinite(b) ? `${(b / 1024).toFixed(1)} KB` : 'n/a');
const x2 = (r) => (Number.isFinite(r) ? r.toFixed(2) : 'n/a');
const verdict = (ok) => (ok === null || ok === undefined ? 'n/a' : ok ? 'PASS' : 'MISS');
const L = [];
L.push(`# Speed of the questionnaire on every way in (issue 16)`, '');
L.push(`Date ${report.date}; machine: nproc ${report.machine.nproc} (${report.machine.cpu}), ${report.machine.memGiB} GiB, linux ${report.machine.kernel}; load average ${report.machine.loadStart.join(' ')} at start, ${report.machine.loadEnd.join(' ')} at end; Chromium ${report.chromium || '?'}; ${report.seconds} s.`);
L.push(`Build: ${report.build.commit || 'unknown commit'}${report.build.note ? ` (${report.build.note})` : ''}; service worker version ${report.build.swVersion || '?'}. ${report.runs} runs per browser figure, ${report.lighthouseRuns} per Lighthouse figure; phone 360×740, DPR 2; brotli server.`, '');
L.push('| target | measured | status |', '|---|---|---|');
const lh = report.lighthouse;
if (lh && !lh.error) {
  for (const k of ['deep-link', 'demo', 'returning']) {
    const m = lh[k]?.median;
    if (!m) continue;
    const n = lh[k].runs.length;
    L.push(`| Lighthouse ${lh[k].label}: Performance ≥ ${T.perf} | ${m.performance ?? 'n/a'} (median of ${n}: ${lh[k].runs.map((r) => r.performance).join(', ')}) | ${verdict(n ? m.performance >= T.perf : null)} |`);
    L.push(`| … TBT ≤ ${T.tbt} ms | ${ms(m.tbt)} (${lh[k].runs.map((r) => Math.round(r.tbt)).join(', ')}) | ${verdict(n ? m.tbt <= T.tbt : null)} |`);
    L.push(`| … CLS 0 | ${m.cls !== null && Number.isFinite(m.cls) ? m.cls.toFixed(3) : 'n/a'} | ${verdict(n ? m.cls <= 0.001 : null)} |`);
    L.push(`| … Accessibility 100 | ${m.accessibility ?? 'n/a'}${(lh[k].a11yFailures || []).length ? ` (failing: ${lh[k].a11yFailures.join(', ')})` : ''} | ${verdict(n ? m.accessibility >= T.a11y : null)} |`);
    L.push(`| … LCP (reported) | ${ms(m.lcp)} (FCP ${ms(m.fcp)}, main-thread work ${ms(m.mainThread)}; Lighthouse benchmarkIndex ${Math.round(m.benchmarkIndex)}) | – |`);
  }
  const f = lh['first-visit'];
  if (f?.median) L.push(`| Lighthouse first visit /: Performance ≥ ${T.firstPerf} | ${f.median.performance ?? 'n/a'} (${f.runs.map((r) => r.performance).join(', ')}; TBT ${ms(f.median.tbt)}, LCP ${ms(f.median.lcp)}, CLS ${f.median.cls}, Accessibility ${f.median.accessibility}; benchmarkIndex ${Math.round(f.median.benchmarkIndex)}) | ${verdict(f.runs.length ? f.median.performance >= T.firstPerf : null)} |`);
} else if (lh) L.push(`| Lighthouse | failed: ${lh.error} | n/a |`);
const by = report.bytes;
if (by && !by.error) {
  L.push(`| first visit: first screen ≤ ${T.firstKB} KB brotli | ${kb(by.firstVisit.total)} (${by.firstVisit.files.length} files) | ${verdict(by.firstVisit.total <= T.firstKB * 1024)} |`);
  L.push(`| deep link: bytes until usable ≤ ${T.usableKB} KB brotli | ${kb(by.deepLink.total)} (${by.deepLink.files.length} files, usable at ${ms(by.deepLink.until)} at 1×) | ${verdict(by.deepLink.total <= T.usableKB * 1024)} |`);
}
const tk = report.tasks;
if (tk && !tk.error) {
  L.push(`| 4×: no task over ${T.setupTask} ms from first paint to complete | longest ${ms(tk.setup.longest)} (median of ${tk.setup.runs.length}; max ${ms(tk.setup.longestMax)}; observer ${ms(tk.setup.longestObserved)}), ${tk.setup.over200} over 200 ms (median); complete at ${ms(tk.setup.complete)} | ${verdict(tk.setup.runs.length ? tk.setup.longest <= T.setupTask : null)} |`);
  L.push(`| 4×: no task over ${T.answerTask} ms for an answer (total + next frame) | longest ${ms(tk.answer.longest)} over ${tk.answer.answers} answers (observer ${ms(tk.answer.longestObserved)}); answer → frame median ${ms(tk.answer.frame.median)} | ${verdict(tk.answer.answers ? tk.answer.longest <= T.answerTask : null)} |`);
}
const us = report.usable;
if (us && !us.error) {
  for (const r of ['x1', 'x4']) {
    const u = us[r];
    L.push(`| usable on the deep link ≤ ${T.ratio}× the static floor, ${r.slice(1)}× CPU | app ${ms(u.app.median)} (${ms(u.app.min)}–${ms(u.app.max)}), floor ${ms(u.floor.median)} (${ms(u.floor.min)}–${ms(u.floor.max)}): **${x2(u.ratio)}×** | ${verdict(Number.isFinite(u.ratio) ? u.ratio <= T.ratio : null)} |`);
  }
}
const an = report.answer;
if (an && !an.error) {
  for (const r of ['x1', 'x4']) {
    const a = an[r];
    if (!a) continue;
    L.push(`| answer → total + frame ≤ ${T.ratio}× the hand-written page, ${r.slice(1)}× CPU | app ${ms(a.app.median)} (${ms(a.app.min)}–${ms(a.app.max)}), page ${ms(a.floor.median)} (${ms(a.floor.min)}–${ms(a.floor.max)}): **${x2(a.ratio)}×** | ${verdict(Number.isFinite(a.ratio) ? a.ratio <= T.ratio : null)} |`);
  }
}
const me = report.memory;
if (me && !me.error) {
  L.push(`| memory, ${me.set.id} (${me.set.criteria} criteria) open, ${me.drafts} drafts: recorded | JS heap ${(me.jsHeapUsed / 2 ** 20).toFixed(1)} MiB used (${(me.jsHeapTotal / 2 ** 20).toFixed(1)} MiB allocated) + wasm ${me.wasmMemories.map((b) => (b / 2 ** 20).toFixed(1)).join(' + ')} MiB = **${(me.total / 2 ** 20).toFixed(1)} MiB**; ${me.dom ? `${me.dom.nodes} DOM nodes, ${me.dom.jsEventListeners} listeners` : ''} | recorded |`);
}
L.push('');
if (us && !us.error) {
  L.push('Deep link, more figures (median, min–max):', '', '| | 1× | 4× |', '|---|---|---|');
  const row = (label, f) => L.push(`| ${label} | ${f(us.x1)} | ${f(us.x4)} |`);
  row('app: radios of 1.1 in the DOM', (u) => `${ms(u.appInDom.median)} (${ms(u.appInDom.min)}–${ms(u.appInDom.max)})`);
  row('app: usable (next frame)', (u) => `${ms(u.app.median)} (${ms(u.app.min)}–${ms(u.app.max)})`);
  row('app: questionnaire complete', (u) => `${ms(u.appComplete.median)} (${ms(u.appComplete.min)}–${ms(u.appComplete.max)})`);
  row('floor: in the DOM', (u) => `${ms(u.floorInDom.median)}`);
  row('floor: usable (next frame)', (u) => `${ms(u.floor.median)} (${ms(u.floor.min)}–${ms(u.floor.max)})`);
  if (an && !an.error && an.x1 && an.x4) {
    L.push(`| app: answer → total in the DOM | ${ms(an.x1.appDom.median)} | ${ms(an.x4.appDom.median)} |`);
    L.push(`| app: answer → next animation frame (rAF; ratio to the page) | ${ms(an.x1.appRaf.median)} (${x2(an.x1.rafRatio)}×) | ${ms(an.x4.appRaf.median)} (${x2(an.x4.rafRatio)}×) |`);
    L.push(`| app: answer → frame painted, main thread free (the target's figure) | ${ms(an.x1.app.median)} | ${ms(an.x4.app.median)} |`);
    L.push(`| app: first answer (makes the draft) → frame | ${ms(an.x1.appFirst)} | ${ms(an.x4.appFirst)} |`);
    L.push(`| page: answer → total in the DOM / rAF / painted | ${ms(an.x1.floorDom.median)} / ${ms(an.x1.floorRaf.median)} / ${ms(an.x1.floor.median)} | ${ms(an.x4.floorDom.median)} / ${ms(an.x4.floorRaf.median)} / ${ms(an.x4.floor.median)} |`);
  }
  L.push('');
}
if (lh && !lh.error) {
  L.push('Lighthouse main-thread work (median ms per group of mainthread-work-breakdown):', '');
  for (const c of Object.values(lh)) {
    const b = c.median?.breakdown;
    if (b && Object.keys(b).length) L.push(`- ${c.label}: ${Object.entries(b).sort((x, y) => y[1] - x[1]).map(([g, d]) => `${g} ${Math.round(d)}`).join(', ')}`);
  }
  L.push('');
}
if (tk && !tk.error) {
  L.push('Long tasks at 4× on the deep link, from first paint to complete (trace; [start ms, duration ms]):', '');
  for (const [i, r] of tk.setup.runs.entries()) L.push(`- run ${i + 1}: first paint ${ms(r.firstPaint)}, complete ${ms(r.complete)}, ${r.tasks} tasks, blocking ${ms(r.blockingTime)}: ${r.longTasksTraced.map(([s, d]) => `[${Math.round(s)}, ${Math.round(d)}]`).join(' ') || 'none over 50 ms'}`);
  L.push(`- first answer (makes the draft): ${ms(tk.answer.first?.frame)} to the frame, longest task ${ms(tk.answer.first?.longestTraced)}`, '');
}
if (by && !by.error) {
  L.push(`Deep link, files finished before criterion 1.1 was answerable (1×, run with the median total of 3: ${by.deepLink.totals.join(', ')} B):`, '', '| file | bytes on the wire | encoding | done at |', '|---|---:|---|---:|');
  for (const f of by.deepLink.files) L.push(`| ${f.file} | ${f.bytes} | ${f.encoding || '–'} | ${ms(f.done)} |`);
  if (by.deepLink.later.length) L.push(`| *after usable:* ${by.deepLink.later.map((f) => `${f.file} (${f.bytes} B${f.done === null ? ', unfinished' : ''})`).join(', ')} | | | |`);
  L.push('', `First visit, files of the first screen: ${by.firstVisit.files.map((f) => `${f.file} ${f.bytes} B`).join(', ')}.`, '');
}
if (me && !me.error) {
  L.push(`Memory: ${me.set.id} open (${me.questionnaire.fieldsets} criteria shown, ${me.questionnaire.elements} elements) with ${me.drafts} drafts in the database. JS heap from CDP Runtime.getHeapUsage after HeapProfiler.collectGarbage: ${me.jsHeapUsed} B used of ${me.jsHeapTotal} B${me.backingStorage !== null ? `; array buffer backing stores ${me.backingStorage} B` : ''}${me.embedderHeapUsed !== null ? `; Blink's own heap (DOM objects, embedderHeapUsedSize) ${me.embedderHeapUsed} B` : ''}. Wasm: every live WebAssembly.Memory (CDP Runtime.queryObjects on its prototype), buffer.byteLength: ${me.wasmMemories.join(', ')} B. DOM counters (CDP Memory.getDOMCounters): ${me.dom ? JSON.stringify(me.dom) : 'n/a'}.`, '');
}
L.push(`Raw figures: ${path.join(OUT, 'speed.json')}; Lighthouse reports: ${path.join(OUT, 'lighthouse')}/; trace: ${path.join(OUT, 'trace-deep-link-4x.json.gz')}. Phase times (s): ${JSON.stringify(report.timing || {})}.`);
await writeFile(path.join(OUT, 'speed.md'), L.join('\n') + '\n');
console.log(L.join('\n'));
