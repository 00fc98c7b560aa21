// Every tab in turn, as a reader works: with the tab open, the text is edited and the language
// switched, and what the page shows follows (the terms, the comparison, the corpus), in the
// language chosen, with no error.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './harness.mjs';
import { drop, openPage } from './page-helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** A short speech of `year` for the corpus, dated in its own line. */
const speech = (year) => `在${year}年县域经济工作会议上的讲话（${year}年3月5日）\n同志们：\n一、要抓好县域经济\n推动县域经济高质量发展。\n二、要抓好科技创新\n壮大县域产业。\n谢谢大家！\n`;

/** Each tab, and a word the text gains while it is open: a quoted coinage, so it is a formulation too. */
const TABS = [['terms', '低空经济'], ['slogans', '银发经济'], ['outline', '冰雪经济'], ['compare', '首发经济'], ['corpus', '赛事经济']];

const status = (page) => page.$eval('#status', (s) => ({ text: s.textContent, error: s.classList.contains('error') }));
const texts = (page, selector) => page.$$eval(selector, (els) => els.map((x) => x.textContent));

test('with each tab open, an edit of the text and a switch of language: the results follow', async () => {
  const { page, errors } = await openPage(env);
  const sample = await page.inputValue('#input');
  // A comparison and a corpus on screen, as a reader would have them before moving between tabs.
  await page.click('#tab-compare');
  await page.fill('#compare-input', sample);
  await page.click('#compare-run');
  await page.waitForSelector('#comparison ul.formulations, #comparison h3');
  await drop(page, '#panel-corpus', [{ name: 'a.txt', text: speech(2023) }, { name: 'b.txt', text: speech(2024) }]);
  await page.waitForFunction(() => document.querySelector('speech-lens').shadowRoot.querySelectorAll('#corpus td.name').length === 2);

  let text = sample;
  for (const [tab, word] of TABS) {
    await page.click(`#tab-${tab}`);
    text = text.replace('  发言完毕', `  要抓好“${word}”，“${word}”大有可为。\n\n  发言完毕`);
    assert.ok(text.includes(word), 'the sample ends with 发言完毕');
    await page.fill('#input', text);
    await page.waitForFunction((w) => document.querySelector('speech-lens').result?.terms.some((t) => t.term === w), word, { timeout: 30_000 });
    await page.waitForFunction(() => /完成/.test(document.querySelector('speech-lens').shadowRoot.getElementById('status').textContent));
    assert.deepEqual((await status(page)).error, false, `${tab}: ${(await status(page)).text}`);
    assert.equal(await page.$eval('#tab-' + tab, (t) => t.getAttribute('aria-selected')), 'true', `${tab} stays open`);
    // Every single-text panel is drawn from the new result, the one open and the others.
    assert.ok((await texts(page, '#slogans button.slogan')).includes(word), `${tab}: slogans follow`);
    assert.ok((await texts(page, '#text')).join('').includes(word), `${tab}: the text view follows`);

    await page.click('#lang');
    await page.waitForFunction(() => document.querySelector('speech-lens').shadowRoot.getElementById('tab-terms').textContent === 'Terms');
    assert.equal(await page.$eval(`#tab-${tab}`, (t) => t.getAttribute('aria-selected')), 'true', `${tab} stays open in English`);
    assert.match((await status(page)).text, /^[\x20-\x7e’…]+$/, `${tab}: the status line in English`);
    const panel = await page.$eval(`#panel-${tab}`, (p) => p.innerText);
    const english = { terms: 'Term', slogans: 'Quoted', outline: 'Title', compare: 'The two texts side by side', corpus: 'Document' }[tab];
    assert.ok(panel.includes(english), `${tab} in English: ${panel.slice(0, 300)}`);
    await page.click('#lang');
    await page.waitForFunction(() => document.querySelector('speech-lens').shadowRoot.getElementById('tab-terms').textContent === '词频');
    const chinese = { terms: '词', slogans: '引号', outline: '标题', compare: '两文对照', corpus: '文件' }[tab];
    assert.ok((await page.$eval(`#panel-${tab}`, (p) => p.innerText)).includes(chinese), `${tab} back in Chinese`);
    assert.equal((await status(page)).error, false);
  }
  assert.deepEqual(errors, []);
  await page.close();
});
