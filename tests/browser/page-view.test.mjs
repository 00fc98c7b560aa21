// What a reader expects of the view, in real headless Chromium, in Chinese and English, at desktop
// and phone widths: every term reachable, a search box, CSV of every list, words for parts of
// speech, the concordance beside what it came from, the phone's layout, the language in the URL,
// the user's words remembered on request, plural-correct English, part markers in tooltips and
// English glosses of the lexicon.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start } from './harness.mjs';
import { openPage, parseCsv, reanalysed, shot, tableTerms } from './page-helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const VIEWS = [['zh', 1280], ['en', 1280], ['zh', 390], ['en', 390]];
/** The sample's title, as the analysis finds it: what its downloads are named after. */
const TITLE = '相关领导在政府党组中心组“新质生产力”专题研讨会上交流发言';
const open = (lang, width) => openPage(env, { lang: lang === 'en' ? 'en' : undefined, width, height: width > 600 ? 900 : 844 });
const csvOf = async (page, button) => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  return { name: download.suggestedFilename(), rows: parseCsv(readFileSync(await download.path(), 'utf8').slice(1)) };
};

test('every term is reachable: the table pages through all of them, says how many, and the CSV holds them all', async () => {
  for (const [lang, width] of VIEWS) {
    const { page, errors } = await open(lang, width);
    const { rows } = await csvOf(page, '#csv');
    const total = rows.length - 1;
    assert.ok(total > 200, `the sample has ${total} terms, more than two pages`);
    const shown = await page.textContent('#terms .pager .shown');
    assert.equal(shown, lang === 'en' ? `terms 1–100 of ${total}` : `第 1–100 个，共 ${total} 个词`);
    const first = await tableTerms(page);
    assert.equal(first.length, 100);
    await page.click('#terms .pager button[data-offset="100"]');
    const second = await tableTerms(page);
    assert.deepEqual(second, rows.slice(101, 201).map((r) => r[0]), `${lang} ${width}: the second page is the CSV's next hundred`);
    // The last page holds the last term, and its "next" is disabled.
    const last = Math.floor((total - 1) / 100) * 100;
    await page.$eval('#terms .pager button[data-offset]', (b, at) => { b.dataset.offset = String(at); }, last);
    await page.click('#terms .pager button[data-offset]');
    assert.ok((await tableTerms(page)).includes(rows[total][0]), 'the last term can be clicked');
    assert.equal(await page.$eval('#terms .pager button:last-child', (b) => b.disabled), true);
    if (lang === 'zh' && width === 1280) await shot(page, 'view-terms-page-zh-1280');
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('a search box finds any string, inside longer words too, and highlights it; the concordance downloads as CSV', async () => {
  for (const [lang, width] of VIEWS) {
    const { page, errors } = await open(lang, width);
    const text = await page.inputValue('#input');
    const speechOnly = await page.evaluate(() => document.querySelector('speech-lens').result.body);
    const expected = [...text.slice(speechOnly.start, speechOnly.end).matchAll(/发展/g)].length;
    await page.fill('#search', '发展');
    await page.press('#search', 'Enter');
    await page.waitForSelector('#kwic table.kwic tr');
    const lines = await page.$$eval('#kwic table.kwic tr', (trs) => trs.length);
    assert.equal(lines, expected, `${lang} ${width}: every 发展, 高质量发展's too`);
    assert.equal(await page.$$eval('#text mark.hl-term-start', (m) => m.length), expected);
    const { name, rows } = await csvOf(page, '#kwic-csv');
    assert.equal(name, `${TITLE}-发展.csv`, 'named after the speech and the string');
    assert.deepEqual(rows[0], ['start', 'end', 'left', 'keyword', 'right']);
    assert.equal(rows.length - 1, expected);
    for (const [start, end, , keyword] of rows.slice(1)) assert.equal(text.slice(Number(start), Number(end)), keyword);
    if (width === 390) await shot(page, `view-search-${lang}-390`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('the slogans and the outline download as CSV, each row pointing into the text', async () => {
  for (const [lang, width] of VIEWS) {
    const { page, errors } = await open(lang, width);
    const text = await page.inputValue('#input');
    await page.click('#tab-slogans');
    const slogans = await csvOf(page, '#slogans-csv');
    assert.equal(slogans.name, `${TITLE}-slogans.csv`);
    assert.deepEqual(slogans.rows[0], ['kind', 'text', 'count', 'firstAt', 'expansion', 'frame', 'speaker', 'score']);
    const siLian = slogans.rows.find((r) => r[1] === '四链');
    assert.deepEqual([siLian[0], siLian[4]], ['numbered', '创新链、产业链、资金链、人才链']);
    await page.click('#tab-outline');
    const outline = await csvOf(page, '#outline-csv');
    assert.deepEqual(outline.rows[0], ['level', 'marker', 'heading', 'start', 'end', 'speechChars', 'speakingMinutes', 'topTerms']);
    assert.deepEqual(outline.rows.slice(1).map((r) => [r[0], r[1]]),
      [['1', '第一,'], ['1', '第二,'], ['1', '第四,'], ['2', '一是'], ['2', '二是'], ['2', '三是']]);
    for (const [, marker, , start] of outline.rows.slice(1)) assert.equal(text.slice(Number(start), Number(start) + marker.length), marker);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('the table names parts of speech in words and parts by their markers, and glosses formulations in English', async () => {
  for (const [lang, width] of VIEWS) {
    const { page, errors } = await open(lang, width);
    const row = (term) => page.$eval(`#terms tbody tr:has(button.term[data-term="${term}"])`, (tr) => ({
      pos: tr.querySelector('td.pos').textContent, code: tr.querySelector('td.pos').title,
      lexicon: tr.querySelector('span.lexicon')?.textContent, spread: tr.querySelector('td.spread').title,
    }));
    const term = await row('新质生产力');
    assert.equal(term.code, 'nz');
    assert.equal(term.pos, lang === 'en' ? 'proper noun' : '专名');
    assert.equal(term.spread, '第一 3 · 第二 3 · 第四 2', 'each part by its marker');
    assert.equal(term.lexicon, lang === 'en' ? 'economy · formulation · new quality productive forces' : '经济 · 提法');
    await page.click('#tab-slogans');
    const gloss = await page.$$eval('#slogans section.kind-lexicon li', (lis) => lis.map((li) => li.querySelector('.gloss')?.textContent ?? null));
    if (lang === 'en') assert.ok(gloss.length > 0 && gloss.every(Boolean), 'every known formulation glossed in English');
    else assert.ok(gloss.every((g) => g === null), 'no English in Chinese mode');
    await shot(page, `view-slogans-${lang}-${width}`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('a term clicked in the chart opens its concordance without covering the chart', async () => {
  for (const [lang, width] of VIEWS) {
    const { page, errors } = await open(lang, width);
    const chartTerm = '#chart button.term >> nth=2';
    const term = await page.textContent(chartTerm);
    await page.click(chartTerm);
    await page.waitForSelector('#kwic table.kwic tr');
    const overlap = await page.evaluate((t) => {
      const root = document.querySelector('speech-lens').shadowRoot;
      const a = root.getElementById('kwic-box').getBoundingClientRect();
      const b = root.querySelector(`#chart button.term[data-term="${t}"]`).getBoundingClientRect();
      return a.top < b.bottom && b.top < a.bottom && a.left < b.right && b.left < a.right;
    }, term);
    assert.equal(overlap, false, `${lang} ${width}`);
    await page.click('#kwic-close');
    assert.equal(await page.isHidden('#kwic-box'), true);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('on a phone the results come first and nothing scrolls inside the page', async () => {
  for (const lang of ['zh', 'en']) {
    const { page, errors } = await open(lang, 390);
    // With a concordance open too.
    await page.click('#terms button.term');
    await page.waitForSelector('#kwic table.kwic tr');
    const layout = await page.evaluate(() => {
      const root = document.querySelector('speech-lens').shadowRoot;
      const top = (id) => root.getElementById(id).getBoundingClientRect().top;
      const scrolls = [...root.querySelectorAll('*')].filter((el) => {
        const style = getComputedStyle(el);
        return /auto|scroll/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1 && !el.matches('textarea');
      }).map((el) => el.id || el.className);
      return { results: top('results'), text: top('text'), scrolls, wide: document.documentElement.scrollWidth - innerWidth };
    });
    assert.ok(layout.results < layout.text, 'results above the text');
    assert.deepEqual(layout.scrolls, [], 'no scroller inside the page');
    assert.equal(layout.wide, 0, 'nothing wider than the phone');
    await shot(page, `view-phone-${lang}-390`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('the language is in the URL: switching sets it, a reload keeps it', async () => {
  for (const [lang, width] of VIEWS) {
    const { page, errors } = await open(lang, width);
    const other = lang === 'en' ? 'zh' : 'en';
    await page.click('#lang');
    assert.equal(new URL(page.url()).searchParams.get('lang'), other === 'en' ? 'en' : null);
    await page.reload();
    await page.waitForSelector('#terms table');
    assert.equal(await page.textContent('#tab-terms'), other === 'en' ? 'Terms' : '词频');
    assert.equal(await page.getAttribute('html', 'lang'), other === 'en' ? 'en' : 'zh-CN');
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('with "remember" ticked, the user\'s words come back with the text after a reload; a word never said is refused', async () => {
  for (const [lang, width] of VIEWS) {
    const { page, errors } = await open(lang, width);
    await page.fill('#word-input', '数字化转型');
    await page.press('#word-input', 'Enter');
    assert.match(await page.textContent('#status'), lang === 'en' ? /“数字化转型” does not occur/ : /“数字化转型”在讲话中没有出现/);
    await page.check('#remember');
    await page.fill('#word-input', '现代化产业体系');
    await reanalysed(page, () => page.press('#word-input', 'Enter'));
    await page.reload();
    await page.waitForSelector('#terms table');
    assert.deepEqual(await page.$$eval('#words li .word', (w) => w.map((x) => x.textContent)), ['现代化产业体系']);
    await page.click('#tab-terms');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
    assert.ok(readFileSync(await download.path(), 'utf8').includes('\n现代化产业体系,'), 'counted whole');
    await page.click('#forget');
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('English counts are plural only when they should be', async () => {
  for (const width of [1280, 390]) {
    const { page, errors } = await open('en', width);
    await reanalysed(page, () => page.fill('#input', '要发展。'));
    assert.equal(await page.textContent('#stats'),
      '3 Chinese characters · 2 words · 1 sentence · 1 paragraph · about 0.0 min spoken · 4 characters in all');
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('the word column sorts in pinyin order in either language and width', async () => {
  for (const [lang, width] of VIEWS) {
    const { page, errors } = await open(lang, width);
    await page.click('#terms th button[data-sort^="term"]');
    const terms = await tableTerms(page);
    assert.deepEqual(terms, await page.evaluate((w) => [...w].sort(new Intl.Collator('zh-u-co-pinyin').compare), terms));
    assert.deepEqual(errors, []);
    await page.close();
  }
});
