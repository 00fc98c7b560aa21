// The corpus view in real headless Chromium: twenty speeches dropped on the page become a table
// of documents in date order and a trend of terms across them; a document opens in the
// single-text view; zh and en at 1280 and 390 px.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './harness.mjs';
import { readFileSync } from 'node:fs';
import { drop, openPage, parseCsv, settled, shot, tableTerms } from './page-helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const VIEWS = [['zh', 1280], ['en', 1280], ['zh', 390], ['en', 390]];
const YEARS = Array.from({ length: 20 }, (_, i) => 2001 + i);

/**
 * The speech of `year`: a dated title, a salutation, parts 一、二、(四、 without 三、 in 2010), and
 * 新质生产力 said more each year; a photo credit run into it names the term too, and counts for nothing.
 */
function speech(year) {
  const rising = '要加快发展新质生产力，'.repeat(year - 2000);
  const parts = year === 2010 ? ['一', '二', '四'] : ['一', '二', '三'];
  return `在${year}年县域经济工作会议上的讲话（${year}年3月5日）\n同志们：\n` +
    parts.map((p) => `${p}、要抓好第${p}项工作\n${rising}推动县域经济高质量发展，壮大县域产业，巩固拓展脱贫攻坚成果。\n`).join('') +
    '3月5日，新质生产力研讨会在北京举行。 新华社记者 张三/摄\n谢谢大家！\n';
}

const documentNames = (page) => page.$$eval('#corpus table.documents td.name button', (b) => b.map((x) => x.textContent));

test('twenty files dropped: the documents in date order, a trend across them, one opened to read', async () => {
  // Shuffled names, so the order shown is the texts' dates, not the files'.
  const files = YEARS.map((year) => ({ name: `speech-${(year * 7919) % 97}.txt`, text: speech(year) }));
  for (const [lang, width] of VIEWS) {
    const { page, errors } = await openPage(env, { lang: lang === 'en' ? 'en' : undefined, width, height: width > 600 ? 900 : 844 });
    await drop(page, 'speech-lens', files);
    await page.waitForSelector('#panel-corpus:not([hidden])');
    await page.waitForFunction(() => /已分析 20 篇|20 documents analysed/.test(document.querySelector('speech-lens').shadowRoot.getElementById('status').textContent),
      null, { timeout: 60_000 });
    const dates = await page.$$eval('#corpus table.documents td.date', (d) => d.map((x) => x.textContent));
    assert.deepEqual(dates, YEARS.map((y) => `${y}-03-05`), `${lang} ${width}: in date order`);
    const names = await documentNames(page);
    assert.deepEqual(names, YEARS.map((year) => `speech-${(year * 7919) % 97}.txt`));
    const alarms = await page.$$eval('#corpus table.documents tr', (rows) => rows.slice(1).map((r) => r.querySelector('td.alarm') !== null));
    assert.deepEqual(alarms.map((a, i) => (a ? YEARS[i] : null)).filter(Boolean), [2010], 'the missing 三、 is the one alarm');

    // The trend of one term: a line rising from 2001 to 2020.
    await page.fill('#trend-input', '新质生产力');
    await page.click('#trend-form button[type=submit]');
    await page.waitForFunction(() => document.querySelector('speech-lens').shadowRoot.querySelectorAll('#trend svg path.line').length === 1);
    const points = await page.$$eval('#trend svg circle.point', (c) => c.map((x) => Number(x.getAttribute('cy'))));
    assert.equal(points.length, 20);
    assert.ok(points.every((y, i) => i === 0 || y < points[i - 1]), `rising (smaller y is higher): ${points}`);
    assert.deepEqual(await page.$$eval('#trend ul.legend li', (l) => l.map((x) => x.textContent)), ['新质生产力']);
    // Two terms at once.
    await page.fill('#trend-input', '新质生产力 脱贫攻坚');
    await page.click('#trend-form button[type=submit]');
    await page.waitForFunction(() => document.querySelector('speech-lens').shadowRoot.querySelectorAll('#trend svg path.line').length === 2);
    // The table and the trend as CSV: a row per document, a column per term followed.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#corpus-csv')]);
    const rows = parseCsv(readFileSync(await download.path(), 'utf8').slice(1));
    assert.deepEqual(rows[0].slice(-3), ['warnings', 'per10k:新质生产力', 'per10k:脱贫攻坚']);
    assert.deepEqual(rows.slice(1).map((r) => r[1]), dates);
    const rates = rows.slice(1).map((r) => Number(r.at(-2)));
    // Said three times a year more each year, the photo credit's one left out: (year − 2000) × 3 per hanChars.
    assert.deepEqual(rates, rows.slice(1).map((r, i) => Number((((i + 1) * 3 * 10_000) / Number(r[2])).toFixed(2))));
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.equal(wide, 0, `${lang} ${width}: nothing wider than the window`);
    // The corpus view takes the element's whole width; the text view is folded away below it.
    const [results, lens] = await page.$$eval('#results, #container', (els) => els.map((e) => e.getBoundingClientRect().width));
    assert.ok(results > lens * 0.9, `${lang} ${width}: the corpus panel is ${results} of ${lens} px wide`);
    assert.equal(await page.$eval('#text', (t) => t.offsetParent === null), true, 'the text view is folded');
    const headers = await page.$$eval('#corpus table.documents th', (th) => th.map((x) => x.getBoundingClientRect().height));
    if (width > 600) assert.ok(headers.every((h) => h < 40), `${lang} ${width}: each header on one line (${headers})`);
    await page.$eval('#panel-corpus', (el) => el.scrollIntoView());
    await shot(page, `corpus-${lang}-${width}`);

    // A document opens in the single-text view.
    const chosen = files[5]; // the speech of 2006
    await page.click(`#corpus table.documents button:text-is("${chosen.name}")`);
    await page.waitForSelector('#panel-terms:not([hidden])');
    await settled(page);
    const opened = await page.inputValue('#input');
    assert.equal(opened, chosen.text);
    assert.ok((await tableTerms(page)).includes('新质生产力'), 'its terms are in the table');
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('a corpus opened with the file button, a .jsonl among them; a file that is no text is reported and skipped', async () => {
  const { page, errors } = await openPage(env);
  await page.click('#tab-corpus');
  // The line's own date comes before the one in its text.
  const jsonl = [2018, 2019].map((year) => JSON.stringify({ title: `报告${year}`, date: `${year + 3}-01-01`, text: speech(year) })).join('\n') +
    '\n{"no": "text"}\n';
  await page.setInputFiles('#corpus-files', [
    { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from(speech(2020)) },
    { name: 'reports.jsonl', mimeType: 'application/octet-stream', buffer: Buffer.from(jsonl) },
    { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
  ]);
  await page.waitForFunction(() => document.querySelector('speech-lens').shadowRoot.querySelectorAll('#corpus tr').length === 4, null, { timeout: 30_000 });
  assert.deepEqual(await documentNames(page), ['a.txt', '报告2018', '报告2019']);
  assert.deepEqual(await page.$$eval('#corpus table.documents td.date', (d) => d.map((x) => x.textContent)), ['2020-03-05', '2021-01-01', '2022-01-01']);
  await page.waitForFunction(() => /photo\.png/.test(document.querySelector('speech-lens').shadowRoot.getElementById('status').textContent));
  const status = await page.textContent('#status');
  assert.match(status, /reports\.jsonl:3/, 'the line without a text is named');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the order: the text\'s date, else a year or date in the file name, else the order opened; the headers sort', async () => {
  const { page, errors } = await openPage(env);
  /** A speech that gives no date of its own, `n` parts long. */
  const undated = (n) => `县域经济工作会议上的讲话\n同志们：\n${'一二三四五六'.slice(0, n).split('').map((p) => `${p}、要抓好县域产业\n推动县域经济高质量发展，壮大县域产业。\n`).join('')}谢谢大家！\n`;
  const files = [
    { name: 'b-notes.txt', text: undated(1) },
    { name: 'gwr2016.txt', text: undated(2) },
    { name: 'a-notes.txt', text: undated(3) },
    { name: 'speech.txt', text: speech(2015) },
    { name: 'gwr_2014-02.txt', text: undated(4) },
    { name: 'report-2099.txt', text: speech(2013) }, // the text's own date comes first
  ];
  await drop(page, '#panel-corpus', files);
  await page.waitForFunction(() => /已分析 6 篇/.test(document.querySelector('speech-lens').shadowRoot.getElementById('status').textContent), null, { timeout: 60_000 });
  const column = (name) => page.$$eval(`#corpus table.documents td.${name}`, (d) => d.map((x) => x.textContent));
  assert.deepEqual(await documentNames(page), ['report-2099.txt', 'gwr_2014-02.txt', 'speech.txt', 'gwr2016.txt', 'b-notes.txt', 'a-notes.txt']);
  assert.deepEqual(await column('date'), ['2013-03-05', '2014-02', '2015-03-05', '2016', '—', '—']);
  // Some documents have no date: the trend's axis names each document by its name.
  const axis = async () => {
    await page.fill('#trend-input', '县域');
    await page.click('#trend-form button[type=submit]');
    return page.$$eval('#trend .trend-axis:last-of-type span', (s) => s.map((x) => x.textContent));
  };
  assert.deepEqual(await axis(), ['report-2099.txt', 'a-notes.txt']);

  // The headers sort: by size (largest first, then smallest), by name, and back to the dates.
  const sizes = async () => (await column('num')).filter((_, i) => i % 4 === 0).map(Number);
  await page.click('#corpus th button[data-corpus-sort="hanChars"]');
  const down = await sizes();
  assert.deepEqual(down, [...down].sort((x, y) => y - x), `largest first: ${down}`);
  assert.equal(await page.$eval('#corpus th[aria-sort]', (th) => th.getAttribute('aria-sort')), 'descending');
  await page.click('#corpus th button[data-corpus-sort^="hanChars"]');
  const up = await sizes();
  assert.deepEqual(up, [...down].reverse().sort((x, y) => x - y));
  await page.click('#corpus th button[data-corpus-sort="document"]');
  assert.deepEqual(await documentNames(page), files.map((f) => f.name).sort());
  // A name still opens its own document, whatever the order.
  await page.click('#corpus table.documents button:text-is("gwr2016.txt")');
  await page.waitForSelector('#panel-terms:not([hidden])');
  await settled(page);
  assert.equal(await page.inputValue('#input'), files[1].text);
  await page.click('#tab-corpus');
  await page.click('#corpus th button[data-corpus-sort="date"]');
  assert.deepEqual(await column('date'), ['2013-03-05', '2014-02', '2015-03-05', '2016', '—', '—']);

  // Every document dated: the axis runs from the first date to the last.
  await drop(page, '#panel-corpus', files.filter((f) => !f.name.includes('notes')));
  await page.waitForFunction(() => /已分析 4 篇/.test(document.querySelector('speech-lens').shadowRoot.getElementById('status').textContent), null, { timeout: 60_000 });
  assert.deepEqual(await axis(), ['2013-03-05', '2016']);
  await shot(page, 'corpus-order-zh-1280');
  assert.deepEqual(errors, []);
  await page.close();
});
