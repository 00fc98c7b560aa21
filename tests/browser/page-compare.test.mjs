// The compare panel in real headless Chromium, zh and en at 1280 and 390 px: the page's text is
// the one being read, the compare box holds the earlier one; a revision of the sample in the page
// with the sample in the box shows what the revision has new, what it dropped, the outlines side
// by side and the two texts side by side with the changes marked; a term's concordance in both
// texts; CSV and JSON downloads; the swap button; the comparison following an edit of either text;
// the panel taking the whole width; a second text opened or dropped as a file; a corpus document
// opened to read compared in its turn.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start } from './harness.mjs';
import { drop, openPage, parseCsv, reanalysed, shot } from './page-helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const VIEWS = [['zh', 1280], ['en', 1280], ['zh', 390], ['en', 390]];

const list = (page, key) => page.$$eval(`#comparison ul.${key} button.term`, (b) => b.map((x) => x.textContent));
/** Waits until the comparison on screen is a finished one whose new formulations include `term`. */
const newHas = (page, term) => page.waitForFunction((t) => {
  const root = document.querySelector('speech-lens').shadowRoot;
  return !root.getElementById('comparison').classList.contains('stale') &&
    [...root.querySelectorAll('#comparison ul.newFormulations button.term')].some((b) => b.textContent === t);
}, term, { timeout: 30_000 });

test('this year\'s text in the page, last year\'s in the box: what is new in the page\'s text is "new"; swap; edits followed', async () => {
  for (const [lang, width] of VIEWS) {
    const { page, errors } = await openPage(env, { lang: lang === 'en' ? 'en' : undefined, width, height: width > 600 ? 900 : 844 });
    const sample = await page.inputValue('#input');
    // The revision is the text being read; the sample is the earlier version it is compared with.
    const revised = sample.replaceAll('县域不经济', '县域新动能')
      .replace('  发言完毕', '  第五，要加快发展“数字乡村”。推进数字乡村建设，数字乡村要惠及农民。\n\n  发言完毕');
    await reanalysed(page, () => page.fill('#input', revised));
    await page.click('#tab-compare');
    await page.fill('#compare-input', sample);
    await page.click('#compare-run');
    await page.waitForSelector('#comparison ul.formulations');
    assert.ok((await list(page, 'newFormulations')).includes('县域新动能'), `${lang} ${width}`);
    assert.ok((await list(page, 'newFormulations')).includes('数字乡村'));
    assert.deepEqual(await list(page, 'droppedFormulations'), ['县域不经济']);
    const [earlierLabel, thisLabel] = lang === 'en' ? ['The earlier text', 'This text'] : ['对比文本（较早）', '本文'];
    assert.deepEqual(await page.$$eval('#comparison table.aligned th', (th) => th.map((x) => x.textContent)), [earlierLabel, thisLabel]);
    assert.equal(await page.$eval('label[for=compare-input]', (l) => l.textContent), earlierLabel);
    assert.match(await page.$eval('#comparison', (c) => c.textContent), lang === 'en' ? /New in this text/ : /本文新出现的提法/);
    // The panel takes the element's whole width; the text view is folded away below it.
    const [results, lens] = await page.$$eval('#results, #container', (els) => els.map((e) => e.getBoundingClientRect().width));
    assert.ok(results > lens * 0.9, `${lang} ${width}: the compare panel is ${results} of ${lens} px wide`);
    assert.equal(await page.$eval('#text', (t) => t.offsetParent === null), true, 'the text view is folded');
    const outline = await page.$$eval('#comparison table.outlines tr', (trs) => trs.slice(1).map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.querySelector('.marker')?.textContent ?? '')));
    assert.deepEqual(outline.at(-1), ['', '第五，'], 'the added part stands alone');
    // The two texts side by side: the edited words marked in each, the added part alone in B.
    assert.ok(await page.$$eval('#comparison table.aligned tr.changed td:first-child del', (d) => d.some((x) => x.textContent.includes('不经济'))));
    assert.ok(await page.$$eval('#comparison table.aligned tr.changed td:last-child ins', (d) => d.some((x) => x.textContent.includes('新动能'))));
    const inserted = await page.$$eval('#comparison table.aligned tr.inserted', (trs) => trs.map((tr) =>
      [...tr.querySelectorAll('td')].map((td) => td.querySelector('ins')?.textContent ?? td.textContent)));
    assert.deepEqual(inserted, [['', '第五，要加快发展“数字乡村”。推进数字乡村建设，数字乡村要惠及农民。']]);
    const visibleRows = () => page.$$eval('#comparison table.aligned tr:not(:first-child)', (trs) => trs.filter((tr) => tr.offsetParent).length);
    const all = await visibleRows();
    await page.check('#comparison label.changes-only input');
    const changes = await page.$$eval('#comparison table.aligned tr:is(.changed, .inserted, .deleted, .moved)', (t) => t.length);
    assert.equal(await visibleRows(), changes, 'only the changes are left');
    assert.ok(changes >= 2 && changes < all, `${changes} of ${all}`);
    await page.$eval('#comparison section.side-by-side', (el) => el.scrollIntoView());
    await shot(page, `compare-texts-${lang}-${width}`);
    await page.uncheck('#comparison label.changes-only input');
    // A term of the chart: its concordance in A and in B.
    await page.click('#comparison button.term:text-is("数字乡村")');
    await page.waitForSelector('#kwic-b table.kwic tr');
    assert.equal(await page.$$eval('#kwic-b table.kwic tr', (r) => r.length), 3);
    assert.equal(await page.$$eval('#kwic-a table.kwic tr', (r) => r.length), 0);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.equal(wide, 0, `${lang} ${width}: nothing wider than the window`);
    await page.$eval('#comparison', (el) => el.scrollIntoView());
    await shot(page, `compare-${lang}-${width}`);
    // A line of this text's concordance shows it in the text view, unfolded.
    await page.click('#kwic-b table.kwic tr');
    assert.equal(await page.$eval('#text mark.hl-term', (m) => m.textContent), '数字乡村');
    assert.equal(await page.$eval('#fold-text', (b) => b.getAttribute('aria-expanded')), 'true');

    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#compare-csv')]);
    const rows = parseCsv(readFileSync(await csv.path(), 'utf8').slice(1));
    assert.deepEqual(rows[0], ['term', 'countA', 'countB', 'perTenKA', 'perTenKB', 'logLikelihood', 'logRatio', 'status']);
    assert.ok(rows.some((r) => r[0] === '县域新动能' && r[7] === 'new'));
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#compare-json')]);
    const result = JSON.parse(readFileSync(await json.path(), 'utf8'));
    assert.ok(result.formulations.some((f) => f.text === '县域不经济' && f.status === 'dropped'));

    // Edited, this text is compared again: meanwhile the old comparison is marked out of date.
    await page.fill('#input', revised.replace('  发言完毕', '  要发展“银发经济”。\n\n  发言完毕'));
    assert.equal(await page.$eval('#comparison', (c) => c.classList.contains('stale')), true, 'stale at once');
    await newHas(page, '银发经济');
    // The swap button exchanges the two texts, and the comparison turns round with them.
    const before = [await page.inputValue('#input'), await page.inputValue('#compare-input')];
    await page.click('#compare-swap');
    assert.deepEqual([await page.inputValue('#compare-input'), await page.inputValue('#input')], before);
    await newHas(page, '县域不经济');
    assert.deepEqual(await list(page, 'newFormulations'), ['县域不经济']);
    assert.ok((await list(page, 'droppedFormulations')).includes('银发经济'));
    // An edit of the earlier text is followed too.
    await page.fill('#compare-input', before[1].replace('  发言完毕', '  要发展“冰雪经济”。\n\n  发言完毕'));
    await page.waitForFunction(() => [...document.querySelector('speech-lens').shadowRoot.querySelectorAll('#comparison ul.droppedFormulations button.term')]
      .some((b) => b.textContent === '冰雪经济'), null, { timeout: 30_000 });
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('the earlier text opened as a file, or dropped on the compare panel', async () => {
  const { page, errors } = await openPage(env);
  const sample = await page.inputValue('#input');
  const earlier = sample.replaceAll('县域不经济', '县域新动能');
  await page.click('#tab-compare');
  await page.setInputFiles('#compare-file', { name: 'earlier.txt', mimeType: 'text/plain', buffer: Buffer.from(earlier) });
  await page.waitForSelector('#comparison ul.formulations');
  assert.equal(await page.inputValue('#compare-input'), earlier);
  assert.equal(await page.inputValue('#input'), sample, 'this text is untouched');
  assert.deepEqual(await list(page, 'newFormulations'), ['县域不经济']);
  assert.deepEqual(await list(page, 'droppedFormulations'), ['县域新动能']);

  // Dropped on the compare panel (here a GB18030 file, as older Chinese files are): it becomes the earlier text.
  const gb = [0xb2, 0xe2, 0xca, 0xd4, 0xce, 0xc4, 0xb1, 0xbe]; // 测试文本
  await page.$eval('#panel-compare', (panel, bytes) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], 'gb.txt', { type: 'text/plain' }));
    panel.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, composed: true, cancelable: true }));
  }, gb);
  await page.waitForFunction(() => document.querySelector('speech-lens').shadowRoot.querySelector('#compare-input').value === '测试文本');
  assert.equal(await page.inputValue('#input'), sample, 'this text is still untouched');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a corpus document opened to read becomes this text of the comparison on screen, compared again', async () => {
  const { page, errors } = await openPage(env);
  const sample = await page.inputValue('#input');
  await page.click('#tab-compare');
  await page.fill('#compare-input', sample);
  await page.click('#compare-run');
  await page.waitForSelector('#comparison table.aligned');
  const doc = (n) => ({ name: `doc${n}.txt`, text: `同志们：\n第一，要发展“银发经济${n}”。\n第二，要发展“银发经济${n}”。\n谢谢大家！\n` });
  await drop(page, '#panel-corpus', [doc(1), doc(2)]);
  await page.waitForFunction(() => document.querySelector('speech-lens').shadowRoot.querySelectorAll('#corpus td.name').length === 2);
  await page.click('#corpus table.documents button:text-is("doc2.txt")');
  await page.waitForFunction(() => document.querySelector('speech-lens').result?.terms.some((t) => t.term.includes('银发经济2')), null, { timeout: 30_000 });
  await page.click('#tab-compare');
  await newHas(page, '银发经济2');
  assert.ok((await list(page, 'droppedFormulations')).includes('县域不经济'), 'the sample, the earlier text, said it');
  assert.deepEqual(errors, []);
  await page.close();
});
