// The compare panel in real headless Chromium, zh and en at 1280 and 390 px: a revision of the
// sample pasted as B shows what is new, what was dropped, the outlines side by side and the two
// texts side by side with the changes marked; a term's concordance in both texts; CSV and JSON
// downloads; a second text opened or dropped as a file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start } from './harness.mjs';
import { openPage, parseCsv, shot } from './page-helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const VIEWS = [['zh', 1280], ['en', 1280], ['zh', 390], ['en', 390]];

test('a revision compared with the text: new and dropped formulations, outlines, changed paragraphs, both concordances', async () => {
  for (const [lang, width] of VIEWS) {
    const { page, errors } = await openPage(env, { lang: lang === 'en' ? 'en' : undefined, width, height: width > 600 ? 900 : 844 });
    const sample = await page.inputValue('#input');
    const revised = sample.replaceAll('县域不经济', '县域新动能')
      .replace('  发言完毕', '  第五，要加快发展“数字乡村”。推进数字乡村建设，数字乡村要惠及农民。\n\n  发言完毕');
    await page.click('#tab-compare');
    await page.fill('#compare-input', revised);
    await page.click('#compare-run');
    await page.waitForSelector('#comparison ul.formulations');
    const list = (key) => page.$$eval(`#comparison ul.${key} button.term`, (b) => b.map((x) => x.textContent));
    assert.ok((await list('newFormulations')).includes('县域新动能'), `${lang} ${width}`);
    assert.ok((await list('newFormulations')).includes('数字乡村'));
    assert.deepEqual(await list('droppedFormulations'), ['县域不经济']);
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

    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#compare-csv')]);
    const rows = parseCsv(readFileSync(await csv.path(), 'utf8').slice(1));
    assert.deepEqual(rows[0], ['term', 'countA', 'countB', 'perTenKA', 'perTenKB', 'logLikelihood', 'logRatio', 'status']);
    assert.ok(rows.some((r) => r[0] === '县域新动能' && r[7] === 'new'));
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#compare-json')]);
    const result = JSON.parse(readFileSync(await json.path(), 'utf8'));
    assert.ok(result.formulations.some((f) => f.text === '县域不经济' && f.status === 'dropped'));
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('the text to compare with opened as a file, or dropped on the compare panel', async () => {
  const { page, errors } = await openPage(env);
  const sample = await page.inputValue('#input');
  const revised = sample.replaceAll('县域不经济', '县域新动能');
  await page.click('#tab-compare');
  await page.setInputFiles('#compare-file', { name: 'b.txt', mimeType: 'text/plain', buffer: Buffer.from(revised) });
  await page.waitForSelector('#comparison ul.formulations');
  assert.equal(await page.inputValue('#compare-input'), revised);
  assert.equal(await page.inputValue('#input'), sample, 'A is untouched');
  assert.deepEqual(await page.$$eval('#comparison ul.droppedFormulations button.term', (b) => b.map((x) => x.textContent)), ['县域不经济']);

  // Dropped on the compare panel (here a GB18030 file, as older Chinese files are): it becomes B.
  const gb = [0xb2, 0xe2, 0xca, 0xd4, 0xce, 0xc4, 0xb1, 0xbe]; // 测试文本
  await page.$eval('#panel-compare', (panel, bytes) => {
    const data = new DataTransfer();
    data.items.add(new File([new Uint8Array(bytes)], 'gb.txt', { type: 'text/plain' }));
    panel.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, composed: true, cancelable: true }));
  }, gb);
  await page.waitForFunction(() => document.querySelector('speech-lens').shadowRoot.querySelector('#compare-input').value === '测试文本');
  assert.equal(await page.inputValue('#input'), sample, 'A is still untouched');
  assert.deepEqual(errors, []);
  await page.close();
});
