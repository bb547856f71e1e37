// Typing on the details screen: one character into a short field (#f-producer-name), from the
// `input` event to handled (the next task), at 4x CPU throttle; median and p90 of 3 x 20
// keystrokes in one page. LONG=1 first fills four of Mẫu 02's texts with ~10,000 characters each.
// Against a served dist/ (e.g. python3 -m http.server PORT --directory dist):
//
//   BASE_URL=http://127.0.0.1:8712/ [LONG=1] node tests/bench/typing.mjs
import { chromium } from 'playwright-core';

const BASE = (process.env.BASE_URL || 'http://127.0.0.1:8080/').replace(/\/?$/, '/');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true, locale: 'vi-VN' });
const page = await context.newPage();
await page.goto(`${BASE}?set=QD26-09`);
await page.locator('.questionnaire[data-complete="true"]').waitFor();
await page.click('#open-details');
await page.locator('#f-producer-name').waitFor();
if (process.env.LONG) {
  const long = 'Năm 2012 tổ hợp tác làm nước mắm theo cách truyền thống của làng. '.repeat(150).slice(0, 9990);
  for (const id of ['history', 'organisation', 'materials', 'plan']) await page.fill(`#f-report-${id}`, long);
}
await page.waitForTimeout(500);
const cdp = await context.newCDPSession(page);
await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
const all = [];
for (let round = 0; round < 3; round += 1) {
  all.push(...(await page.evaluate(async () => {
    const out = [];
    const el = document.getElementById('f-producer-name');
    for (let i = 0; i < 20; i += 1) {
      const t0 = performance.now();
      el.value += 'x';
      el.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
      out.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 30));
    }
    return out;
  })));
}
all.sort((a, b) => a - b);
const at = (q) => all[Math.min(all.length - 1, Math.floor(all.length * q))].toFixed(1);
console.log(`${process.env.LONG ? 'long texts' : 'empty draft'}: input → handled at 4x: median ${at(0.5)} ms, p90 ${at(0.9)} ms`);
await browser.close();
