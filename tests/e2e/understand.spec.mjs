// Issue #17 at 360x740: what happens next after the result (the steps of Điều 7 in plain words
// and the next filing day from today's date), read-aloud with the device's voices (the speech
// API stubbed: a Vietnamese local voice, none, or no API at all), nothing sent anywhere.
// Screenshots: target/e2e/understand-*.png.

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

const ready = (page) => page.locator('.questionnaire[data-complete="true"]').waitFor();

/** A stub of the Web Speech API: `voices` is the list getVoices returns; every utterance spoken
 *  is recorded in window.__spoken as {text, lang, voice}. `voices === null` removes the API. */
function speechStub(voices) {
  return ({ voices }) => {
    window.__spoken = [];
    if (voices === null) {
      delete window.speechSynthesis;
      delete window.SpeechSynthesisUtterance;
      Object.defineProperty(window, 'speechSynthesis', { value: undefined, configurable: true });
      return;
    }
    class Utterance {
      constructor(text) {
        this.text = text;
      }
    }
    const synth = {
      onvoiceschanged: null,
      getVoices: () => voices,
      cancel() {},
      speak(u) {
        window.__spoken.push({ text: u.text, lang: u.lang, voice: u.voice && u.voice.name });
        setTimeout(() => u.onend && u.onend(), 50);
      },
    };
    Object.defineProperty(window, 'speechSynthesis', { value: synth, configurable: true });
    Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: Utterance, configurable: true });
  };
}

async function answerSome(page) {
  const no = page.locator('fieldset.ko label[for$="-no"]');
  for (let i = 0; i < (await no.count()); i += 1) await no.nth(i).click();
  await page.$$eval('fieldset.crit', (sets) => {
    for (const fs of sets) {
      const radios = [...fs.querySelectorAll('input[type=radio]')].filter((r) => r.value !== 'none');
      const r = radios[Math.min(2, radios.length) - 1];
      if (r && !r.checked) r.click();
    }
  });
  await page.waitForFunction(() => !/Chưa đủ/.test(document.querySelector('.bar-stars')?.textContent || ''));
}

async function openSheet(page) {
  await page.locator('.bar .toggle').click();
  await page.locator('.result.open #result-detail').waitFor();
}

test('after the result: the steps of Điều 7 and the next filing day from today', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await page.clock.setFixedTime(new Date('2026-12-01T09:00:00+07:00'));
  await page.goto(url('?set=QD26-09'));
  await ready(page);
  await answerSome(page);
  await openSheet(page);
  const steps = page.locator('#next-steps');
  await steps.locator('summary').click();
  const text = await steps.textContent();
  for (const needle of [
    'Các bước tiếp theo',
    '01 bộ hồ sơ giấy và 01 bộ hồ sơ điện tử',
    'Nộp tại Ủy ban nhân dân cấp xã',
    '15 ngày làm việc',
    'Mẫu 03',
    'khoảng ngày 09/04/2027',
    'trước 30/06/2027',
    '36 tháng',
    'ước tính',
  ]) {
    assert.ok(text.includes(needle), `${needle} in: ${text}`);
  }
  await steps.scrollIntoViewIfNeeded();
  await shot(page, 'understand-01-next-steps', { fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});

test('read-aloud speaks the plan in Vietnamese with a local voice', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await page.addInitScript(speechStub(), {
    voices: [
      { name: 'Google tiếng Việt', lang: 'vi-VN', localService: false },
      { name: 'Giọng nữ (máy)', lang: 'vi-VN', localService: true },
      { name: 'English', lang: 'en-US', localService: true },
    ],
  });
  await page.goto(url('?set=QD26-09'));
  await ready(page);
  await answerSome(page);
  await openSheet(page);
  const btn = page.locator('.plan .read-aloud-btn');
  await btn.click();
  await page.waitForFunction(() => window.__spoken.length === 1);
  const [spoken] = await page.evaluate(() => window.__spoken);
  assert.equal(spoken.lang, 'vi-VN');
  assert.equal(spoken.voice, 'Giọng nữ (máy)', 'the local voice, not the network one');
  assert.match(spoken.text, /^Kế hoạch nâng hạng/);
  assert.doesNotMatch(spoken.text, /[★≈→]/, 'symbols read as words');
  assert.match(spoken.text, /sao/);
  await shot(page, 'understand-02-read-plan', { fullPage: false });
  assert.deepEqual(errors, []);
  await context.close();
});

test('no Vietnamese voice, or no speech at all: a plain message, nothing spoken', async () => {
  for (const [voices, message] of [
    [[{ name: 'English', lang: 'en-US', localService: true }, { name: 'Google tiếng Việt', lang: 'vi-VN', localService: false }], /chưa có giọng đọc tiếng Việt/],
    [null, /không đọc to được/],
  ]) {
    const { context, page, errors } = await newPhonePage(browser);
    await page.addInitScript(speechStub(), { voices });
    await page.goto(url('?set=QD26-09'));
    await ready(page);
    await answerSome(page);
    await openSheet(page);
    await page.locator('.plan .read-aloud-btn').click();
    const msg = page.locator('.plan .read-aloud-msg');
    await msg.waitFor();
    assert.match(await msg.textContent(), message);
    assert.deepEqual(await page.evaluate(() => window.__spoken), []);
    await shot(page, `understand-03-no-voice-${voices ? 'vi' : 'api'}`, { fullPage: false });
    assert.deepEqual(errors, []);
    await context.close();
  }
});
