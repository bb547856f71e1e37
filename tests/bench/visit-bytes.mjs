// Data used by a whole first visit: the first screen, then the service worker caching the site
// for offline use. Counts every network response of a fresh Chromium context (page and worker)
// until the worker controls the page, plus 1.5 s. Serve dist/ with `python3 -m http.server`
// (no compression: raw bytes) or tests/bench/serve.mjs (brotli), then:
//
//   node tests/bench/visit-bytes.mjs http://127.0.0.1:8080/
import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu"] });
const context = await browser.newContext({ viewport: { width: 360, height: 740 } });
const rows = [];
context.on('response', async (r) => {
  const h = await r.allHeaders();
  rows.push({ f: r.url().split('/').pop(), status: r.status(), len: Number(h['content-length'] || 0), sw: !!r.request().serviceWorker?.() , fromSW: r.fromServiceWorker() });
});
const page = await context.newPage();
await page.goto(process.argv[2]);
await page.locator('#set-search').waitFor();
await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 60000 });
await page.waitForTimeout(1500);
const net = rows.filter((r) => !r.fromSW);
const by = {};
for (const r of net) { const k = r.f.match(/wasm|\.js$/) ? r.f : (r.f.endsWith('.json') ? 'json' : 'other'); by[k] = (by[k] || 0) + r.len; }
console.log('network responses', net.length, 'bytes', net.reduce((s, r) => s + r.len, 0), JSON.stringify(by));
console.log('304s', net.filter((r) => r.status === 304).length);
await browser.close();
