// The terms panel of the standalone page in real headless Chromium: concordance and highlights,
// the CSV download, sorting, the part-of-speech and single-character filters, and user words.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start } from './harness.mjs';
import { openPage, parseCsv, reanalysed, tableTerms } from './page-helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** The table row of `term`: its count and its spread cell's label. */
const rowOf = (page, term) =>
  page.$eval(`#terms tbody button.term[data-term="${term}"]`, (b) => {
    const cells = b.closest('tr').querySelectorAll('td');
    return { count: Number(cells[1].textContent), spread: cells[4].getAttribute('aria-label') };
  });

test('clicking a term shows its concordance lines and highlights every occurrence in the text', async () => {
  const { page, errors } = await openPage(env);
  const term = '县域不经济';
  const { count } = await rowOf(page, term);
  assert.ok(count >= 2, `${term} occurs ${count} times`);
  await page.click(`#terms button.term[data-term="${term}"]`);
  await page.waitForSelector('#kwic table.kwic tr');
  assert.equal(await page.isVisible('#kwic-box'), true);
  const hits = await page.$$eval('#kwic td.hit', (tds) => tds.map((td) => td.textContent));
  assert.deepEqual(hits, Array(count).fill(term));
  assert.match(await page.textContent('#kwic .kwic-title'), new RegExp(`${term}.*${count}`));
  const lefts = await page.$$eval('#kwic td.left', (tds) => tds.map((td) => td.textContent));
  assert.ok(lefts.every((l) => l.length > 0), 'each line has left context');

  // Every occurrence is marked in the text view, and the first is scrolled into its view.
  const marks = await page.$$eval('#text mark.hl-term-start', (ms) => ms.map((m) => m.textContent));
  assert.equal(marks.length, count);
  const joined = await page.$$eval('#text mark.hl-term', (ms) => ms.map((m) => m.textContent).join(''));
  assert.equal(joined, term.repeat(count));
  const inView = (selector) =>
    page.$eval(selector, (m) => {
      const view = document.querySelector('speech-lens').shadowRoot.getElementById('text').getBoundingClientRect();
      const r = m.getBoundingClientRect();
      return r.top >= view.top && r.bottom <= view.bottom;
    });
  assert.equal(await inView('#text mark.hl-term'), true);
  // The term is marked as the active one wherever it is listed.
  assert.ok(await page.$eval(`#terms button.term[data-term="${term}"]`, (b) => b.classList.contains('active')));

  // A concordance line takes the reader to that occurrence, by mouse or by keyboard.
  await page.click('#kwic tr:last-child td.right');
  assert.equal(await page.textContent('#text mark.hl-current'), term);
  assert.equal(await inView('#text mark.hl-current'), true);
  const starts = await page.$$eval('#kwic button.hit', (b) => b.map((x) => Number(x.dataset.start)));
  await page.focus('#kwic tr:first-child button.hit');
  await page.keyboard.press('Enter');
  assert.equal(await page.$eval('#text mark.hl-current', (m) => Number(m.dataset.start)), starts[0]);

  // Closing the concordance removes the highlights.
  await page.click('#kwic-close');
  assert.equal(await page.isVisible('#kwic-box'), false);
  assert.equal(await page.$$eval('#text mark.hl-term', (ms) => ms.length), 0);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the chart and the cloud show the top terms and open their concordance too', async () => {
  const { page, errors } = await openPage(env);
  const top = (await tableTerms(page)).slice(0, 20);
  const bars = await page.$$eval('#chart ol.bars button.term', (b) => b.map((x) => x.textContent));
  assert.deepEqual(bars, top);
  const widths = await page.$$eval('#chart .fill', (f) => f.map((x) => x.getBoundingClientRect().width));
  assert.ok(widths.every((w, i) => i === 0 || w <= widths[i - 1] + 0.5), 'bars shrink with the count');
  const cloud = await page.$$eval('#cloud .word', (w) => w.map((x) => [x.textContent, parseFloat(getComputedStyle(x).fontSize)]));
  assert.equal(cloud.length, 60);
  const size = Object.fromEntries(cloud);
  assert.ok(size[top[0]] > size[cloud.map(([w]) => w).find((w) => !top.slice(0, 20).includes(w))], 'frequent words are bigger');
  assert.match(await page.getAttribute('#cloud .cloud', 'aria-label'), new RegExp(top[0]));
  await page.click(`#cloud .word[data-term="${top[1]}"]`);
  await page.waitForSelector('#kwic table.kwic tr');
  assert.equal(await page.textContent('#kwic .kwic-term'), top[1]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the CSV download has a BOM, a header and the rows of the table', async () => {
  const { page, errors } = await openPage(env);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
  // Named after the speech's title (the sample's, as the analysis finds it).
  const title = await page.evaluate(() => document.querySelector('speech-lens').result.outline.title.text);
  assert.equal(title, '相关领导在政府党组中心组“新质生产力”专题研讨会上交流发言');
  assert.equal(download.suggestedFilename(), `${title}-terms.csv`);
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
  const rows = parseCsv(bytes.toString('utf8').slice(1));
  const [header, ...body] = rows;
  assert.deepEqual(header.slice(0, 5), ['term', 'count', 'perTenK', 'pos', 'firstAt']);
  assert.deepEqual(header.slice(5), ['section1', 'section2', 'section3']);
  // The term cell holds the term's button and, for a lexicon term, its category.
  // The part of speech shows in words; its jieba code, which the CSV holds, is on hover.
  const table = await page.$$eval('#terms tbody tr', (trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.querySelector('button')?.textContent ?? (td.title || td.textContent))));
  assert.equal(table.length, Math.min(100, body.length));
  const tag = (term) => page.textContent(`#terms tbody tr:has(button.term:text-is("${term}")) span.lexicon`);
  assert.equal(await tag('县域经济'), '经济 · 话题', 'a topic of the lexicon');
  assert.equal(await tag('新质生产力'), '经济 · 提法', 'a formulation of the lexicon');
  for (const [i, [term, count, perTenK, pos]] of table.entries()) {
    const csv = body[i];
    assert.deepEqual([csv[0], csv[1], csv[3]], [term, count, pos], `row ${i}`);
    assert.ok(Math.abs(Number(csv[2]) - Number(perTenK)) <= 0.051, `row ${i}: ${csv[2]} vs ${perTenK}`);
  }
  // The spread drawn in the table is the CSV's per-section counts.
  const { spread } = await rowOf(page, body[0][0]);
  assert.equal(spread.match(/\d+$|\d+(?= ·)/g).join(','), body[0].slice(5).join(','));

  const [json] = await Promise.all([page.waitForEvent('download'), page.click('#json')]);
  assert.equal(json.suggestedFilename(), `${title}.json`);
  const result = JSON.parse(readFileSync(await json.path(), 'utf8'));
  assert.equal(result.title, title, 'the result says what it describes');
  assert.equal(result.name, undefined, 'a pasted text has no file name');
  assert.equal(result.terms[0].term, body[0][0]);
  assert.ok(Array.isArray(result.slogans) && result.outline.sections.length === 3);
  assert.deepEqual(errors, []);
  await page.close();
});

test('column headers sort the table and say how with aria-sort', async () => {
  const { page, errors } = await openPage(env);
  const sorted = () => page.$$eval('#terms th[aria-sort]', (ths) => ths.map((th) => [th.textContent.replace(/[▲▼ ]/g, ''), th.getAttribute('aria-sort')]));
  const counts = () => page.$$eval('#terms tbody td:nth-child(2)', (tds) => tds.map((td) => Number(td.textContent)));
  assert.deepEqual(await sorted(), [['次数', 'descending']]);
  const byCount = await counts();
  assert.ok(byCount.every((n, i) => i === 0 || n <= byCount[i - 1]));

  await page.click('#terms th button[data-sort^="term"]');
  assert.deepEqual(await sorted(), [['词语', 'ascending']]);
  // Words sort in pinyin order, as a Chinese index does.
  const pinyin = (words) => page.evaluate((w) => [...w].sort(new Intl.Collator('zh-u-co-pinyin').compare), words);
  const terms = await tableTerms(page);
  assert.deepEqual(terms, await pinyin(terms));
  assert.deepEqual(terms.slice(0, 2), ['安全性', '百舸争流'], 'a, then b');
  // Focus stays on the header just used, so the keyboard can flip it again.
  assert.equal(await page.evaluate(() => (document.activeElement.shadowRoot?.activeElement ?? document.activeElement).dataset.sort), 'term:desc');
  await page.keyboard.press('Enter');
  assert.deepEqual(await sorted(), [['词语', 'descending']]);
  const descending = await tableTerms(page);
  assert.deepEqual(descending, (await pinyin(descending)).reverse());
  assert.equal((await pinyin([descending[0], terms.at(-1)]))[1], descending[0], 'the table shows the other end of the list');

  await page.click('#terms th button[data-sort^="perTenK"]');
  assert.deepEqual(await sorted(), [['每万字', 'descending']]);
  await page.click('#terms th button[data-sort^="count"]');
  await page.click('#terms th button[data-sort^="count"]');
  assert.deepEqual(await sorted(), [['次数', 'ascending']]);
  const ascending = await counts();
  assert.ok(ascending.every((n, i) => i === 0 || n >= ascending[i - 1]));
  assert.deepEqual(errors, []);
  await page.close();
});

test('the part-of-speech filter and the single-character toggle re-analyse the terms', async () => {
  const { page, errors } = await openPage(env);
  const posColumn = () => page.$$eval('#terms tbody td.pos', (tds) => tds.map((td) => td.title));
  const all = await posColumn();
  assert.ok(all.some((p) => p.startsWith('v')) && all.some((p) => p.startsWith('n')));
  const named = await page.$$eval('#terms tbody td.pos', (tds) => Object.fromEntries(tds.map((td) => [td.title, td.textContent])));
  assert.deepEqual([named.n, named.v, named.vn], ['名词', '动词', '名动词'], 'parts of speech in words');

  await reanalysed(page, () => page.selectOption('#pos', 'verbs'));
  const verbs = await posColumn();
  assert.ok(verbs.length > 0 && verbs.every((p) => p.startsWith('v')), verbs.join(' '));
  await reanalysed(page, () => page.selectOption('#pos', 'nouns'));
  const nouns = await posColumn();
  assert.ok(nouns.length > 0 && nouns.every((p) => p.startsWith('n') || p === 'vn'), nouns.join(' '));
  assert.ok(!(await tableTerms(page)).includes('提供'), 'a verb is gone from the nouns');

  await reanalysed(page, () => page.selectOption('#pos', 'all'));
  assert.ok((await tableTerms(page)).every((t) => [...t].length >= 2), 'no single characters by default');
  await reanalysed(page, () => page.check('#singles'));
  assert.ok((await tableTerms(page)).some((t) => [...t].length === 1), 'single characters when asked');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a word selected in the text or typed in becomes one term, and can be taken back', async () => {
  const { page, errors } = await openPage(env);
  const word = '科技创新资源';
  assert.ok(!(await tableTerms(page)).includes(word));
  // Select the word in the text view as a reader would.
  await page.evaluate((w) => {
    const view = document.querySelector('speech-lens').shadowRoot.getElementById('text');
    const walker = document.createTreeWalker(view, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.data.indexOf(w);
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + w.length);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
      return;
    }
    throw new Error(`${w} not in the text view`);
  }, word);
  await page.waitForFunction(() => !document.querySelector('speech-lens').shadowRoot.getElementById('add-selection').disabled);
  assert.equal(await page.textContent('#selection'), `「${word}」`);
  await reanalysed(page, () => page.click('#add-selection'));
  assert.ok((await tableTerms(page)).includes(word), 'the selected word is counted whole');
  assert.deepEqual(await page.$$eval('#words li .word', (w) => w.map((x) => x.textContent)), [word]);

  // Typed in, with the same effect; a bad entry is refused with a message.
  await page.fill('#word-input', '有 空格');
  await page.press('#word-input', 'Enter');
  assert.match(await page.textContent('#status'), /不含空格/);
  // A word the speech never says is refused, with a message: it would count nothing.
  await page.fill('#word-input', '数字化转型');
  await page.press('#word-input', 'Enter');
  assert.match(await page.textContent('#status'), /“数字化转型”在讲话中没有出现/);
  await page.fill('#word-input', '现代化产业体系');
  await reanalysed(page, () => page.press('#word-input', 'Enter'));
  assert.deepEqual(await page.$$eval('#words li .word', (w) => w.map((x) => x.textContent)), [word, '现代化产业体系']);

  await reanalysed(page, () => page.click(`#words button[data-word="${word}"]`));
  assert.ok(!(await tableTerms(page)).includes(word), 'removed again');
  assert.deepEqual(errors, []);
  await page.close();
});

test('on a phone, going to an occurrence brings the text view on screen', async () => {
  const { page, errors } = await openPage(env, { width: 390, height: 844 });
  const onScreen = (selector) => page.$eval(selector, (el) => {
    const r = el.getBoundingClientRect();
    return r.top >= -1 && r.bottom <= innerHeight + 1; // a pixel's rounding either way
  });
  await page.$eval('#results', (el) => el.scrollIntoView());
  await page.click('#terms button.term');
  await page.waitForSelector('#kwic table.kwic tr');
  assert.equal(await onScreen('#kwic-box'), true, 'the concordance shows in the panel, which stays in view');
  await page.click('#kwic tr:first-child button.hit');
  assert.equal(await onScreen('#text mark.hl-current'), true);
  assert.deepEqual(errors, []);
  await page.close();
});
