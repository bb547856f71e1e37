// Issue #17 at 360x740: what happens next after the result (the steps of Điều 7 in plain words
// and the next filing day from today's date), read-aloud with the device's voices (the speech
// API stubbed: a Vietnamese local voice, none, or no API at all), nothing sent anywhere.
// Screenshots: target/e2e/understand-*.png.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launchBrowser, newPhonePage, shot, url, axeViolations } from './helpers.mjs';

const axe = axeViolations;

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

test('a criterion explained in plain words, its terms looked up in the glossary, Back returns', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await page.goto(url('?set=QD26-09'));
  await ready(page);
  const crit = page.locator('fieldset.crit').first();
  const btn = crit.locator('.help-btn');
  await btn.click();
  const panel = crit.locator('.help-panel');
  await panel.locator('.help-asks').waitFor();
  assert.ok((await panel.locator('.help-asks').textContent()).length > 20, 'the help in words');
  assert.match(await panel.textContent(), /không phải văn bản của Quyết định/);
  await crit.scrollIntoViewIfNeeded();
  await shot(page, 'understand-04-help', { fullPage: false });
  assert.deepEqual(await axe(page), [], 'axe with the help open');

  // Some criterion of the set uses a term: open the first term link there is.
  const withTerm = page.locator('fieldset.crit').filter({ hasText: /HACCP|TCVN|ISO|tiêu chuẩn/ }).first();
  await withTerm.locator('.help-btn').click();
  const link = withTerm.locator('.term-link').first();
  await link.waitFor();
  const name = (await link.textContent()).trim();
  await link.click();
  await page.locator('.glossary').waitFor();
  assert.match(page.url(), /view=glossary/);
  const focused = await page.evaluate(() => document.activeElement?.textContent || '');
  assert.ok(focused.includes(name), `the term ${name} focused (${focused})`);
  const inView = await page.evaluate(() => {
    const r = document.activeElement.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= window.innerHeight;
  });
  assert.ok(inView, 'the term in view');
  await shot(page, 'understand-05-glossary-term', { fullPage: false });
  assert.deepEqual(await axe(page), [], 'axe on the glossary');

  // Search without diacritics and by abbreviation.
  await page.fill('#glossary-search', 'cong bo chat luong');
  await page.waitForFunction(() => document.querySelectorAll('.glossary-list dt').length < 20);
  assert.match(await page.locator('.glossary-list dt').first().textContent(), /công bố chất lượng/i);
  await page.fill('#glossary-search', 'haccp');
  await page.waitForFunction(() => /HACCP/.test(document.querySelector('.glossary-list dt')?.textContent || ''));
  await shot(page, 'understand-06-glossary-search', { fullPage: false });

  await page.goBack();
  await ready(page);
  assert.doesNotMatch(page.url(), /view=glossary/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('read-aloud on a criterion reads its name, levels and help in Vietnamese; offline the help still opens', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await page.addInitScript(speechStub(), { voices: [{ name: 'Giọng máy', lang: 'vi-VN', localService: true }] });
  await page.goto(url('?set=QD26-09'));
  await ready(page);
  const crit = page.locator('fieldset.crit').first();
  // Wait until the help has arrived, so the reading includes it.
  await crit.locator('.help-btn').click();
  await crit.locator('.help-asks').waitFor();
  await crit.locator('.read-aloud-btn').click();
  await page.waitForFunction(() => window.__spoken.length === 1);
  const [spoken] = await page.evaluate(() => window.__spoken);
  assert.equal(spoken.lang, 'vi-VN');
  assert.match(spoken.text, /^Tiêu chí 1 chấm 1\./);
  assert.match(spoken.text, /Mức 1: .*điểm\./);
  assert.match(spoken.text, /Giải thích: /);
  assert.doesNotMatch(spoken.text, /[★≈]/);

  // The help file is kept for offline use: reload offline and open it again.
  await page.waitForFunction(async () => (await caches.keys()).length > 0 && !!(await caches.match('static/help/criteria.json')), null, { timeout: 20000 }).catch(() => {});
  await context.setOffline(true);
  await page.reload();
  await ready(page);
  const again = page.locator('fieldset.crit').first();
  await again.locator('.help-btn').click();
  await again.locator('.help-asks').waitFor({ timeout: 10000 });
  await context.setOffline(false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a term in a criterion\'s title opens the glossary; Back returns to that criterion; the levels stay plain answers', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await page.goto(url('?set=QD26-09'));
  await ready(page);
  // The glossary arrives after the questionnaire: the terms become links in the titles.
  const inTitle = page.locator('fieldset.crit legend .crit-text a.term-in').first();
  await inTitle.waitFor();
  // A level's label is the answer's tap target: no link inside any of them.
  assert.equal(await page.locator('label.opt.lvl a').count(), 0, 'no link inside a level');
  const crit = page.locator('fieldset.crit').filter({ has: page.locator('legend .crit-text a.term-in') }).first();
  const code = await crit.getAttribute('id');
  const link = crit.locator('legend .crit-text a.term-in').first();
  const name = (await link.textContent()).trim();
  await link.scrollIntoViewIfNeeded();
  await shot(page, 'understand-08-term-in-title', { fullPage: false });
  assert.deepEqual(await axe(page), [], 'axe with the terms linked');
  await link.tap();
  await page.locator('.glossary').waitFor();
  assert.match(page.url(), /view=glossary/);
  const focused = await page.evaluate(() => document.activeElement?.textContent || '');
  assert.ok(focused.toLowerCase().includes(name.toLowerCase()), `the term ${name} focused (${focused})`);
  await page.goBack();
  await ready(page);
  // Back at the criterion the term was in, its first answer focused, nothing chosen.
  await page.waitForFunction((id) => document.activeElement?.closest('fieldset')?.id === id, code);
  assert.equal(await crit.locator('input[type=radio]:checked').count(), 0, 'the tap chose no level');
  const inView = await page.evaluate((id) => {
    const r = document.getElementById(id).getBoundingClientRect();
    return r.top < window.innerHeight && r.bottom > 0;
  }, code);
  assert.ok(inView, `${code} in view after Back`);
  // A tap in the middle of a level chooses it.
  const level = crit.locator('label.opt.lvl').first();
  await level.tap();
  assert.equal(await level.locator('input[type=radio]').isChecked(), true);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the result bar says what "ước tính" means where it shows', async () => {
  const { context, page, errors } = await newPhonePage(browser);
  await page.goto(url('?set=QD26-09'));
  await ready(page);
  await answerSome(page);
  const tag = page.locator('.bar .tag-btn');
  assert.match(await tag.textContent(), /ước tính/);
  await tag.tap();
  await page.locator('.result.open #estimate-why').waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'estimate-why');
  assert.match(await page.locator('#estimate-why').textContent(), /Hội đồng mới là nơi chấm chính thức/);
  await shot(page, 'understand-09-estimate-why', { fullPage: false });
  assert.deepEqual(await axe(page), [], 'axe with the explanation open');
  assert.deepEqual(errors, []);
  await context.close();
});
