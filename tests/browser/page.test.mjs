// The standalone page in real headless Chromium: it loads the wasm, analyses the sample speech
// and fills the three panels.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, out, root } from './harness.mjs';
import { drop, openPage as open } from './page-helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

async function openPage() {
  const page = await env.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(env.url);
  await page.waitForSelector('#terms table', { timeout: 30000 });
  return { page, errors };
}

test('the page analyses the sample speech and fills the three panels', async () => {
  const { page, errors } = await openPage();
  const terms = await page.$$eval('#terms button.term', (b) => b.map((x) => x.textContent));
  assert.ok(terms.slice(0, 5).includes('县域'), terms.slice(0, 10).join(' '));
  const slogans = await page.$$eval('#slogans button.slogan', (b) => b.map((x) => x.textContent));
  for (const s of ['县域不经济', '三高四新', '数商兴农', '四链']) assert.ok(slogans.includes(s), s);
  const headings = await page.$$eval('#outline ul.tree > li > .row .heading', (h) => h.map((x) => x.textContent));
  assert.deepEqual(headings, ['要注重新的生产要素的组合', '要以科技创新激活县域经济发展新动能', '要建设高质量县域现代化产业体系']);
  const issues = await page.$$eval('#outline li.issue', (l) => l.map((x) => x.textContent));
  assert.equal(issues.length, 1);
  assert.match(issues[0], /第三/);
  // The text view holds the whole text, the chrome greyed.
  const removed = await page.$$eval('#text mark.hl-removed', (m) => m.map((x) => x.textContent));
  assert.ok(removed.some((r) => r.startsWith('Tags:')));
  await page.screenshot({ path: join(out, 'page-terms.png'), fullPage: false });
  await page.click('#tab-outline');
  await page.screenshot({ path: join(out, 'page-outline.png'), fullPage: false });
  await page.click('#tab-slogans');
  await page.screenshot({ path: join(out, 'page-slogans.png'), fullPage: false });
  assert.deepEqual(errors, []);
  await page.close();
});

test('empty, non-Chinese and 5 MB texts each give a result in the page', async (t) => {
  const { page, errors } = await openPage();
  for (const [name, text] of [
    ['empty', ''],
    ['latin', 'Hello world, nothing Chinese here.'],
    ['5MB', '第一，要推动县域经济高质量发展。'.repeat(5 * 1024 * 1024 / 48)],
  ]) {
    await page.$eval('#input', (el, t) => { el.value = t; }, text);
    await page.click('#analyze');
    await page.waitForFunction(() => /完成|请粘贴|失败/.test(document.querySelector('speech-lens').shadowRoot.getElementById('status').textContent), null, { timeout: 120000 });
    const status = await page.textContent('#status');
    assert.match(status, name === 'empty' ? /请粘贴/ : /完成/, `${name}: ${status}`);
    assert.equal(await page.$eval('#input', (el) => el.value.length), text.length, `${name}: the text is kept`);
    // The text view shows the whole text. How long each panel takes to draw on the main thread
    // (into detached nodes, so layout is not counted) is printed as a figure, not asserted.
    assert.equal(await page.$eval('#text', (el) => el.textContent.length), text.length, `${name}: the whole text is shown`);
    const ms = await page.evaluate(async (text) => {
      const { analyze, speechlens } = await import('./engine.js');
      const result = await analyze(text, undefined, { lane: null });
      const box = () => document.createElement('div');
      const draw = {
        text: () => speechlens.renderText(box(), text, [], result, 'zh'),
        terms: () => speechlens.renderTerms(box(), result, 'zh', 'count', 200),
        chart: () => speechlens.renderTermChart(box(), result, 'zh', 20),
        cloud: () => speechlens.renderWordCloud(box(), result, 'zh', 60),
        slogans: () => speechlens.renderSlogans(box(), result, 'zh'),
        outline: () => speechlens.renderOutline(box(), result, 'zh'),
      };
      return Object.fromEntries(Object.entries(draw).map(([k, f]) => {
        const t0 = performance.now();
        f();
        return [k, Math.round(performance.now() - t0)];
      }));
    }, text);
    t.diagnostic(`${name} (${text.length} chars), ms to draw: ${JSON.stringify(ms)}`);
    await page.$eval('#status', (el) => { el.textContent = ''; });
  }
  assert.deepEqual(errors, []);
  await page.close();
});

const HAN = /[\u4e00-\u9fff]/;

test('the English UI labels everything in English, and switches back', async () => {
  const { page, errors } = await open(env);
  await page.click('#lang');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.title(), /a lens for Chinese speeches/);
  const texts = (selector) => page.$$eval(selector, (els) => els.map((e) => e.textContent.trim()));
  assert.deepEqual(await texts('[role=tab]'), ['Terms', 'Slogans', 'Outline', 'Check', 'Compare', 'Corpus']);
  assert.deepEqual(await texts('#terms th'), ['Term', 'Count ▼', 'Per 10k', 'POS', 'Spread']);
  assert.deepEqual(await texts('#pos option'), ['all', 'nouns', 'verbs']);
  assert.equal(await page.textContent('#analyze'), 'Analyze');
  assert.equal(await page.textContent('#lang'), '中文');
  assert.match(await page.textContent('#status'), /^Analysed in \d+ ms$/);
  assert.match(await page.textContent('#stats'), /^\d+ Chinese characters · \d+ words · \d+ sentences/);
  assert.match(await page.textContent('#terms caption'), /Term frequencies \(sorted by Count descending\)/);
  assert.deepEqual(await texts('#outline dl.parts dt'), ['Title', 'Salutation', 'Announced', 'Closing']);
  assert.match(await page.textContent('#outline li.issue'), /第三 is missing before 第四/);
  const headings = await page.$$eval('#slogans section.slogans h3', (h) => h.map((x) => x.firstChild.textContent));
  assert.ok(headings.length > 0 && headings.every((h) => !HAN.test(h)), headings.join(', '));
  // No label of the page's own is left in Chinese (user text and examples aside).
  const chinese = await page.$$eval('[data-i18n], [data-i18n-aria-label], #terms th, .legend, summary, h3',
    (els) => els.map((e) => (e.dataset.i18nAriaLabel ? e.getAttribute('aria-label') : e.textContent)));
  assert.deepEqual(chinese.filter((t) => HAN.test(t) && !/中文|e\.g\. 飞地经济/.test(t)), []);

  await page.click('#lang');
  assert.deepEqual(await texts('[role=tab]'), ['词频', '提法', '结构', '审校', '对比', '多篇']);
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  // ?lang=en opens the page in English.
  const { page: english } = await open(env, { lang: 'en' });
  assert.equal(await english.textContent('#tab-outline'), 'Outline');
  await english.close();
  assert.deepEqual(errors, []);
  await page.close();
});

test('tabs follow the ARIA tabs pattern by keyboard', async () => {
  const { page, errors } = await open(env);
  const selected = () => page.$$eval('[role=tab][aria-selected=true]', (t) => t.map((x) => x.id));
  const shown = () => page.$$eval('[role=tabpanel]:not([hidden])', (p) => p.map((x) => x.id));
  await page.focus('#tab-terms');
  await page.keyboard.press('ArrowRight');
  assert.deepEqual([await selected(), await shown()], [['tab-slogans'], ['panel-slogans']]);
  await page.keyboard.press('End');
  assert.deepEqual([await selected(), await shown()], [['tab-corpus'], ['panel-corpus']]);
  await page.keyboard.press('ArrowRight');
  assert.deepEqual(await selected(), ['tab-terms'], 'wraps around');
  assert.equal(await page.evaluate(() => (document.activeElement.shadowRoot?.activeElement ?? document.activeElement).id), 'tab-terms');
  assert.deepEqual(await page.$$eval('[role=tab]', (t) => t.map((x) => x.tabIndex)), [0, -1, -1, -1, -1, -1]);
  assert.deepEqual(errors, []);
  await page.close();
});

test('axe finds no serious accessibility violation in the page, in either language', async () => {
  const { page } = await open(env);
  await page.click('#terms button.term');
  await page.waitForSelector('#kwic table.kwic tr');
  // Evaluated through the debugger protocol, so the page's CSP does not apply to axe itself.
  await page.evaluate(readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  // The compare and corpus panels with what they show filled in.
  const sample = await page.inputValue('#input');
  await page.click('#tab-compare');
  await page.fill('#compare-input', sample.replaceAll('县域不经济', '县域新动能'));
  await page.click('#compare-run');
  await page.waitForSelector('#comparison table.aligned');
  await drop(page, '#panel-corpus', ['一', '二'].map((n) => ({ name: `${n}.txt`, text: sample.replace('同志们', `第${n}次会议，同志们`) })));
  await page.waitForSelector('#corpus table.documents tr:nth-child(3)');
  for (const tab of ['#tab-terms', '#tab-slogans', '#tab-outline', '#tab-check', '#tab-compare', '#tab-corpus']) {
    await page.click(tab);
    for (const lang of ['zh', 'en']) {
      if ((await page.getAttribute('html', 'lang')).slice(0, 2) !== lang) await page.click('#lang');
      const violations = await page.evaluate(async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0].target.join(' ')})`));
      assert.deepEqual(violations, [], `${tab} ${lang}`);
    }
  }
  await page.close();
});

test('screenshots in zh and en at desktop and phone widths, and the print layout', async () => {
  for (const lang of ['zh', 'en']) {
    for (const [width, height] of [[1280, 900], [390, 844]]) {
      const { page, errors } = await open(env, { lang, width, height });
      await page.click('#cloud .word');
      await page.waitForSelector('#kwic table.kwic tr');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${lang} ${width}: the page scrolls sideways by ${overflow}px`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: join(out, `page-${lang}-${width}.png`) });
      if (width < 500) {
        await page.$eval('#results', (el) => el.scrollIntoView());
        await page.screenshot({ path: join(out, `page-${lang}-${width}-terms.png`) });
      }
      await page.click('#tab-outline');
      await page.click('#outline [role=tree] > [role=treeitem]:nth-child(3) > .row .heading');
      if (width < 500) await page.$eval('#results', (el) => el.scrollIntoView());
      await page.screenshot({ path: join(out, `page-${lang}-${width}-outline.png`) });
      await page.click('#tab-slogans');
      if (width < 500) await page.$eval('#results', (el) => el.scrollIntoView());
      await page.screenshot({ path: join(out, `page-${lang}-${width}-slogans.png`) });
      assert.deepEqual(errors, []);
      await page.close();
    }
  }
  // Print: no controls, every panel in full.
  const { page } = await open(env);
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('#input'), false);
  assert.equal(await page.isVisible('[role=tablist]'), false);
  for (const panel of ['#panel-terms', '#panel-slogans', '#panel-outline']) assert.equal(await page.isVisible(panel), true, panel);
  assert.deepEqual(await page.$$eval('h2.print-only', (hs) => hs.filter((h) => h.checkVisibility()).map((h) => h.textContent)),
    ['词频', '提法', '结构'], 'each panel under its own heading');
  assert.equal(await page.isVisible('#status'), false);
  await page.screenshot({ path: join(out, 'page-print.png'), fullPage: true });
  await page.close();
});
