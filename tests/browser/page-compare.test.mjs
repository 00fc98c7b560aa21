// The compare panel in real headless Chromium, zh and en at 1280 and 390 px: a revision of the
// sample pasted as B shows what is new, what was dropped, the outlines side by side and the
// paragraphs that changed; a term's concordance in both texts; CSV and JSON downloads.
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
    const revised = sample.replaceAll('县域不经济', '县域新动能') + '\n第五，要加快发展“数字乡村”。推进数字乡村建设，数字乡村要惠及农民。\n';
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
    assert.ok(await page.$$eval('#comparison ol.paragraph-edits del', (d) => d.some((x) => x.textContent.includes('不经济'))));
    assert.ok(await page.$$eval('#comparison ol.paragraph-edits ins', (d) => d.some((x) => x.textContent.includes('新动能'))));
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
