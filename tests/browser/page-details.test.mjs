// The page's small things a reader notices, zh and en at 1280 and 390 px: the five tabs on one
// line, the waiting "keep as one word" button not looking like a text box, no row showing above
// the term table's sticky header, the concordance's buttons covering none of its lines, and
// downloads named after the document (its title, else its file's name).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start } from './harness.mjs';
import { openPage, reanalysed, shot } from './page-helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const VIEWS = [['zh', 1280], ['en', 1280], ['zh', 390], ['en', 390]];

/** Two boxes overlap when each starts before the other ends, across and down. */
const overlap = (a, b) => a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;

test('tabs on one line, a waiting button that is no box, a sticky header with nothing above it, concordance buttons over no line', async () => {
  for (const [lang, width] of VIEWS) {
    const view = `${lang} ${width}`;
    const { page, errors } = await openPage(env, { lang: lang === 'en' ? 'en' : undefined, width, height: width > 600 ? 900 : 844 });
    const tabTops = await page.$$eval('[role=tab]', (tabs) => tabs.map((t) => Math.round(t.getBoundingClientRect().top)));
    assert.equal(new Set(tabTops).size, 1, `${view}: the tabs share one line (${tabTops})`);
    const listRight = await page.$eval('[role=tablist]', (e) => e.getBoundingClientRect().right);
    const tabsRight = await page.$$eval('[role=tab]', (els) => els.map((e) => e.getBoundingClientRect().right));
    assert.ok(tabsRight.every((r) => r <= listRight + 0.5), `${view}: no tab runs out of the tab list`);

    // Nothing selected: the button says what it does, without the frame of a field beside the real one.
    const [button, field] = await page.$$eval('#add-selection, #word-input', (els) => els.map((e) => getComputedStyle(e).borderTopColor));
    assert.equal(await page.$eval('#add-selection', (b) => b.disabled), true);
    assert.equal(button, 'rgba(0, 0, 0, 0)', `${view}: no frame around the waiting button`);
    assert.notEqual(field, 'rgba(0, 0, 0, 0)');

    // The concordance of a frequent word: its CSV and × buttons sit on its title's line, over no line.
    await page.fill('#search', '发展');
    await page.press('#search', 'Enter');
    await page.waitForSelector('#kwic table.kwic tr');
    const boxes = await page.$$eval('#kwic-box .kwic-tools button, #kwic table.kwic tr', (els) => els.map((e) => e.getBoundingClientRect().toJSON()));
    const [csv, close, ...rows] = boxes;
    for (const tool of [csv, close]) assert.ok(rows.every((row) => !overlap(tool, row)), `${view}: a button covers a line`);
    await page.$eval('#kwic-box', (el) => el.scrollIntoView());
    await shot(page, `details-kwic-${lang}-${width}`);

    // The term table scrolled well down (the panel at 1280, the page at 390): its header is at the
    // very top of what scrolls, so no row shows above it.
    const top = await page.evaluate((wide) => {
      const root = document.querySelector('speech-lens').shadowRoot;
      const panel = root.getElementById('panel-terms');
      const table = root.querySelector('table.terms');
      if (wide) {
        table.scrollIntoView();
        panel.scrollTop = table.offsetTop - panel.offsetTop + 600;
        return { scroller: panel.getBoundingClientRect().top + panel.clientTop };
      }
      window.scrollTo(0, table.getBoundingClientRect().top + scrollY + 600);
      return { scroller: 0 };
    }, width > 600);
    const header = await page.$eval('table.terms thead th', (th) => th.getBoundingClientRect().top);
    assert.ok(Math.abs(header - top.scroller) <= 1, `${view}: the header at ${header}, what scrolls starts at ${top.scroller}`);
    await shot(page, `details-sticky-${lang}-${width}`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('downloads are named after the document: its title, else the file it came from; the JSON says which', async () => {
  const { page, errors } = await openPage(env);
  const download = async (button) => {
    const [file] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
    return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
  };
  // A file whose text has no title of its own: its name, without the extension.
  const untitled = '同志们：\n第一，要抓好县域经济。\n第二，要抓好科技创新。\n谢谢大家！\n';
  await reanalysed(page, () => page.setInputFiles('#file', { name: '2015 讲话: 县域?.txt', mimeType: 'text/plain', buffer: Buffer.from(untitled) }));
  assert.equal(await page.evaluate(() => document.querySelector('speech-lens').result.outline.title), undefined);
  const terms = await download('#csv');
  assert.equal(terms.name, '2015 讲话 县域-terms.csv', 'no character a file system refuses');
  const json = await download('#json');
  assert.equal(json.name, '2015 讲话 县域.json');
  const result = JSON.parse(json.text);
  assert.equal(result.name, '2015 讲话: 县域?.txt', 'the JSON names the file as it was called');
  assert.equal(result.title, undefined);
  await page.click('#tab-outline');
  assert.equal((await download('#outline-csv')).name, '2015 讲话 县域-outline.csv');

  // A text with a title: named after the title, the file's name kept in the JSON beside it.
  const titled = '在县域经济工作会议上的讲话\n（2015年3月5日）\n' + untitled;
  await reanalysed(page, () => page.setInputFiles('#file', { name: 'gwr2015.txt', mimeType: 'text/plain', buffer: Buffer.from(titled) }));
  const title = await page.evaluate(() => document.querySelector('speech-lens').result.outline.title?.text);
  assert.equal(title, '在县域经济工作会议上的讲话');
  await page.click('#tab-terms');
  const named = await download('#json');
  assert.equal(named.name, `${title}.json`);
  assert.deepEqual([JSON.parse(named.text).name, JSON.parse(named.text).title], ['gwr2015.txt', title]);

  // The comparison's downloads: named after this text, the JSON naming both.
  await page.click('#tab-compare');
  await page.setInputFiles('#compare-file', { name: 'gwr2014.txt', mimeType: 'text/plain', buffer: Buffer.from(untitled) });
  await page.waitForSelector('#comparison table.aligned');
  const comparison = await download('#compare-json');
  assert.equal(comparison.name, `${title}-comparison.json`);
  const compared = JSON.parse(comparison.text);
  assert.deepEqual([compared.earlier, compared.this], [{ name: 'gwr2014.txt' }, { name: 'gwr2015.txt', title }]);
  assert.equal((await download('#compare-csv')).name, `${title}-comparison.csv`);
  assert.deepEqual(errors, []);
  await page.close();
});
