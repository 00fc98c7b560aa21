// The standalone page's slogans and outline panels and its ways in for text, in real headless
// Chromium: slogan highlights, the outline tree by keyboard, issue marks, the removed chrome and
// its toggle, .txt files (file input and drag and drop, UTF-8 and GB18030), re-analysis as the
// user types, and the opt-in "remember the text".
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { start } from './harness.mjs';
import { readFileSync } from 'node:fs';
import { openPage, reanalysed, shot } from './page-helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

test('clicking a slogan highlights each of its occurrences', async () => {
  const { page, errors } = await openPage(env);
  await page.click('#tab-slogans');
  const groups = await page.$$eval('#slogans section.slogans h3', (h) => h.map((x) => x.firstChild.textContent));
  assert.ok(groups.length > 0 && groups.every((g) => g.length > 0), groups.join(' '));
  const slogan = '县域不经济';
  const count = Number((await page.textContent(`#slogans li:has(> button.slogan:text-is("${slogan}")) .count`)).slice(1));
  assert.ok(count >= 2);
  await page.click(`#slogans button.slogan:text-is("${slogan}")`);
  const marks = await page.$$eval('#text mark.hl-slogan-start', (ms) => ms.map((m) => m.closest('mark').textContent));
  assert.equal(marks.length, count);
  const joined = await page.$$eval('#text mark.hl-slogan', (ms) => ms.map((m) => m.textContent).join(''));
  assert.equal(joined.replace(/[“”"]/g, ''), slogan.repeat(count));
  assert.deepEqual(errors, []);
  await page.close();
});

test('the slogans panel shows expansions, frames, speakers and warnings beside the slogans', async () => {
  const { page, errors } = await openPage(env);
  // Drawn by the same Rust renderer from a result holding every optional field.
  const shown = await page.evaluate(async () => {
    const { speechlens } = await import('./engine.js');
    const box = document.createElement('div');
    const at = (start, end) => ({ start, end });
    speechlens.renderSlogans(box, {
      slogans: [
        { text: '四链', kind: 'numbered', count: 1, occurrences: [at(0, 2)], score: 3, expansion: ['创新链', '产业链', '资金链', '人才链'] },
        { text: '三农', kind: 'numbered', count: 1, occurrences: [at(3, 5)], score: 2, expansion: ['农业', '农村'] },
        { text: '智能化、绿色化、融合化', kind: 'parallel', count: 1, occurrences: [at(6, 17)], score: 1, frame: '…化' },
        { text: '整合科技创新资源', kind: 'quotation', count: 1, occurrences: [at(18, 26)], score: 1, speaker: 'A总书记' },
      ],
      warnings: [{
        rule: 'formula.expansion-count', start: 3, end: 5, message: '“三农” names 3 items but the text lists 2: 农业、农村',
        args: ['三农', '3', '2', '农业、农村'], kind: 'expansion-count', formula: '三农', expected: 3, found: 2, items: ['农业', '农村'],
      }],
    }, 'zh');
    const texts = (sel) => [...box.querySelectorAll(sel)].map((e) => e.textContent);
    return {
      groups: texts('section.slogans h3'),
      items: texts('.expansion .item'),
      frame: texts('.frame'), speaker: texts('.speaker'),
      warning: texts('section.warnings li'), warningSpan: box.querySelector('section.warnings button').dataset.start,
    };
  });
  assert.deepEqual(shown.groups, ['数字略语2', '引语1', '排比1']);
  assert.deepEqual(shown.items.slice(0, 4), ['创新链', '产业链', '资金链', '人才链']);
  assert.deepEqual(shown.frame, ['句式…化']);
  assert.deepEqual(shown.speaker, ['出处A总书记']);
  assert.equal(shown.warning[0], '⚠“三农”展开为2项，与其数字不符：农业、农村');
  assert.equal(shown.warningSpan, '3');
  assert.deepEqual(errors, []);
  await page.close();
});

test('an expansion with the wrong number of items is a warning, in the panel and in the text', async () => {
  const { page, errors } = await openPage(env);
  const text = '同志们：\n要加快“四链”（创新链、产业链、资金链）融合。\n';
  await reanalysed(page, () => page.fill('#input', text));
  await page.click('#tab-slogans');
  const warning = '#slogans section.warnings li button';
  assert.equal(await page.textContent(warning), '“四链”展开为3项，与其数字不符：创新链、产业链、资金链');
  const mark = await page.$eval('#text mark.hl-warning-start', (m) => ({ start: Number(m.dataset.start), title: m.title }));
  assert.equal(mark.start, text.indexOf('四链'));
  assert.match(mark.title, /展开为3项/);
  await page.click(warning);
  assert.match(await page.$$eval('#text mark.hl-section', (ms) => ms.map((m) => m.textContent).join('')), /^四链”（创新链、产业链、资金链/);
  await page.click('#lang');
  assert.match(await page.textContent(warning), /“四链” names 4 items but the text lists 3/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the outline is an ARIA tree the keyboard can walk, fold and open', async () => {
  const { page, errors } = await openPage(env);
  await page.click('#tab-outline');
  const focused = () => page.evaluate(() => {
    const el = document.activeElement.shadowRoot?.activeElement ?? document.activeElement;
    return el.getAttribute('role') === 'treeitem' ? el.querySelector('.marker').textContent : null;
  });
  const visible = () => page.$$eval('#outline [role=treeitem]', (items) =>
    items.filter((i) => i.offsetParent !== null).map((i) => i.querySelector('.marker').textContent));
  assert.equal(await page.$$eval('#outline [role=treeitem][tabindex="0"]', (i) => i.length), 1, 'one tab stop');
  await page.focus('#outline [role=treeitem][tabindex="0"]');
  assert.match(await focused(), /^第一/);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  assert.match(await focused(), /^第四/);
  const fourth = '#outline [role=tree] > [role=treeitem]:nth-child(3)';
  assert.equal(await page.getAttribute(fourth, 'aria-expanded'), 'true');
  assert.equal((await visible()).length, 6);

  await page.keyboard.press('ArrowLeft');
  assert.equal(await page.getAttribute(fourth, 'aria-expanded'), 'false');
  assert.deepEqual((await visible()).map((m) => m.slice(0, 2)), ['第一', '第二', '第四']);
  await page.keyboard.press('ArrowDown');
  assert.match(await focused(), /^第四/, 'nothing below a folded last item');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute(fourth, 'aria-expanded'), 'true');
  await page.keyboard.press('ArrowRight');
  assert.equal(await focused(), '一是');
  await page.keyboard.press('ArrowLeft');
  assert.match(await focused(), /^第四/, 'left goes to the parent');
  await page.keyboard.press('End');
  assert.equal(await focused(), '三是');
  await page.keyboard.press('Home');
  assert.match(await focused(), /^第一/);
  assert.equal(await page.$$eval('#outline [role=treeitem][tabindex="0"]', (i) => i.length), 1, 'still one tab stop');

  // Enter shows the section in the text.
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const section = await page.$$eval('#text mark.hl-section', (ms) => ms.map((m) => m.textContent).join(''));
  assert.match(section, /^第二.*要以科技创新激活县域经济发展新动能/s);
  assert.equal(await page.getAttribute('#outline [role=tree] > [role=treeitem]:nth-child(2)', 'aria-selected'), 'true');
  // A mouse click on the twisty folds too.
  await page.click(`${fourth} > .row .twisty`);
  assert.equal(await page.getAttribute(fourth, 'aria-expanded'), 'false');
  assert.deepEqual(errors, []);
  await page.close();
});

test('numbering issues are marked in the tree and in the text, in the UI language', async () => {
  const { page, errors } = await openPage(env);
  await page.click('#tab-outline');
  const fourthWarn = '#outline [role=tree] > [role=treeitem]:nth-child(3) > .row .warn';
  assert.equal(await page.getAttribute(fourthWarn, 'aria-label'), '缺少“第三”（在“第四”之前）');
  const issue = await page.$eval('#text mark.hl-issue', (m) => ({ text: m.textContent, title: m.title }));
  assert.match(issue.text, /^第四/, 'the marker as written');
  assert.equal(issue.title, '缺少“第三”（在“第四”之前）');
  assert.match(await page.textContent('#outline li.issue'), /缺少“第三”/);
  // Document parts, each a way into the text.
  const parts = await page.$$eval('#outline dl.parts dt', (d) => d.map((x) => x.textContent));
  assert.deepEqual(parts, ['标题', '称呼', '预告', '结束语']);
  await page.click('#outline dl.parts dd:nth-of-type(2) button');
  assert.equal(await page.textContent('#text mark.hl-section'), '同志们:');

  // The evidence under the message: the series as counted, each marker a way to its place.
  assert.equal(await page.textContent('#outline li.issue .evidence'), '所见序号：第一 · 第二 · 第四');
  await page.click('#outline li.issue .evidence button:text-is("第二")');
  assert.match(await page.textContent('#text mark.hl-section'), /^第二/);
  await shot(page, 'issue-evidence-zh');

  await page.click('#lang');
  assert.match(await page.getAttribute(fourthWarn, 'aria-label'), /第三 is missing before 第四/);
  assert.match(await page.getAttribute('#text mark.hl-issue', 'title'), /第三 is missing/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('removed page chrome is greyed and listed, and a toggle keeps it', async () => {
  const { page, errors } = await openPage(env);
  const removed = () => page.$$eval('#text mark.hl-removed-start', (ms) => ms.length);
  assert.ok((await removed()) >= 5);
  assert.match(await page.getAttribute('#text mark.hl-removed', 'title'), /已去除的网页杂项 · 导航/);
  assert.match(await page.textContent('#outline details.removed summary'), /已去除的网页杂项 \(\d+\)/);
  const chars = () => page.textContent('#stats').then((s) => Number(s.match(/^(\d+)/)[1]));
  const before = await chars();
  await reanalysed(page, () => page.check('#keep-removed'));
  assert.equal(await removed(), 0);
  assert.ok((await chars()) > before, 'the chrome now counts');
  await reanalysed(page, () => page.uncheck('#keep-removed'));
  assert.equal(await chars(), before);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a flattened news copy shows its paragraphs as paragraphs, its chrome greyed, its text whole', async () => {
  for (const [lang, width] of [[undefined, 1280], ['en', 390]]) {
    const { page, errors } = await openPage(env, { lang, width });
    const text = readFileSync(new URL('../fixtures/news-copy-flattened.txt', import.meta.url), 'utf8');
    await reanalysed(page, () => page.fill('#input', text));
    // Twelve paragraphs run together on the fourth line: eleven breaks, and the text as typed.
    assert.equal(await page.$$eval('#text br', (b) => b.length), 11);
    assert.equal(await page.textContent('#text'), text);
    const removed = await page.$$eval('#text mark.hl-removed-start', (ms) => ms.map((m) => m.textContent));
    assert.ok(removed.some((r) => r.startsWith('2024年2月20日，王建国')), removed.join(' | '));
    // The paragraph after a break starts a line of its own: its first character sits left of the break's.
    const lefts = await page.$$eval('#text br', (bs) => bs.map((b) => {
      const range = document.createRange();
      range.setStartBefore(b);
      const before = range.getClientRects()[0] ?? b.previousSibling?.parentElement?.getBoundingClientRect();
      const next = b.nextSibling;
      const after = document.createRange();
      after.setStart(next, 0);
      after.setEnd(next, Math.min(3, next.textContent.length));
      return [before?.top ?? 0, after.getClientRects()[0]?.top ?? 0];
    }));
    assert.ok(lefts.every(([top, nextTop]) => nextTop > top), JSON.stringify(lefts));
    await page.click('#tab-outline');
    await shot(page, `flattened-copy-${lang ?? 'zh'}-${width}`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});

/** GB18030 bytes of `text`, found by decoding every two-byte code (the test has no encoder). */
async function gb18030(text) {
  const decoder = new TextDecoder('gb18030');
  const table = new Map();
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) table.set(decoder.decode(Uint8Array.of(hi, lo)), [hi, lo]);
  }
  return Buffer.from([...text].flatMap((c) => (c.charCodeAt(0) < 0x80 ? [c.charCodeAt(0)] : table.get(c))));
}

test('a .txt file opens by the file button or by dropping it, in UTF-8 or GB18030', async () => {
  const { page, errors } = await openPage(env);
  const speech = '同志们：\n第一，要推动高质量发展。\n第三，要坚持“数商兴农”。\n谢谢大家！';
  await reanalysed(page, () =>
    page.setInputFiles('#file', { name: '讲话.txt', mimeType: 'text/plain', buffer: Buffer.from(speech) }));
  assert.equal(await page.inputValue('#input'), speech);
  assert.match(await page.textContent('#outline li.issue'), /缺少“第二”/);

  const gbk = (await gb18030(speech.replace('数商兴农', '县域经济'))).toString('base64');
  await reanalysed(page, () => page.evaluate((bytes) => {
    const file = new File([Uint8Array.from(atob(bytes), (c) => c.charCodeAt(0))], 'old.txt', { type: 'text/plain' });
    const data = new DataTransfer();
    data.items.add(file);
    document.querySelector('speech-lens').shadowRoot.getElementById('text').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, gbk));
  assert.equal(await page.inputValue('#input'), speech.replace('数商兴农', '县域经济'));

  // Something that is not text is refused, and the text stays.
  await page.setInputFiles('#file', { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from([0x89, 0x50]) });
  await page.waitForFunction(() => document.querySelector('speech-lens').shadowRoot.getElementById('status').classList.contains('error'));
  assert.match(await page.textContent('#status'), /photo\.png.*不是纯文本/);
  assert.equal(await page.inputValue('#input'), speech.replace('数商兴农', '县域经济'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('editing the text re-analyses it after a pause; an empty text says what to do', async () => {
  const { page, errors } = await openPage(env);
  await page.fill('#input', '');
  await reanalysed(page, () => page.type('#input', '同志们：第一，要坚持“数商兴农”。', { delay: 5 }));
  await page.waitForFunction(() => document.querySelector('speech-lens').shadowRoot.getElementById('text').textContent.startsWith('同志们：第一'));
  assert.match(await page.textContent('#stats'), /^\d+ 个汉字/);
  await page.click('#tab-slogans');
  assert.ok((await page.$$eval('#slogans button.slogan', (b) => b.map((x) => x.textContent))).includes('数商兴农'));
  await reanalysed(page, () => page.click('#clear'));
  assert.match(await page.textContent('#status'), /请粘贴/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a failed analysis says why, keeps the text, dims the old result, and the next one works', async () => {
  const { page, errors } = await openPage(env);
  const length = 17 * 1024 * 1024; // past the 16 Mi-unit input limit
  await page.$eval('#input', (el, n) => { el.value = '县'.repeat(n); }, length);
  await page.click('#analyze');
  await page.waitForFunction(() => document.querySelector('speech-lens').shadowRoot.getElementById('status').classList.contains('error'), null, { timeout: 60000 });
  assert.match(await page.textContent('#status'), /^分析失败：文本太长（17,825,792 个字符）.*文本已保留/);
  assert.equal(await page.$eval('#input', (el) => el.value.length), length, 'the text is kept');
  assert.equal(await page.$eval('.lens', (b) => b.classList.contains('stale')), true);
  // The result on screen still works with the text it came from.
  const shown = await page.$eval('#text', (el) => el.textContent.length);
  await page.click('#terms button.term');
  await page.waitForSelector('#kwic table.kwic td.hit');
  assert.equal(await page.$eval('#text', (el) => el.textContent.length), shown);
  assert.ok(shown < 10000);
  await page.click('#lang');
  assert.match(await page.textContent('#status'), /^Analysis failed: the text is too long \(17,825,792 characters/);
  await reanalysed(page, () => page.fill('#input', '同志们：第一，要推动高质量发展。'));
  assert.match(await page.textContent('#status'), /^Analysed in/);
  assert.equal(await page.$eval('.lens', (b) => b.classList.contains('stale')), false);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the text is remembered only when the user asks, and forgotten on request', async () => {
  const { page, errors } = await openPage(env);
  const stored = () => page.evaluate(() => localStorage.getItem('speechlens:text'));
  assert.equal(await page.isChecked('#remember'), false);
  await reanalysed(page, () => page.fill('#input', '同志们：第一，要推动发展。'));
  assert.equal(await stored(), null, 'nothing stored by default');

  await page.check('#remember');
  assert.equal(await stored(), '同志们：第一，要推动发展。');
  await reanalysed(page, () => page.fill('#input', '同志们：第二，要推动创新。'));
  assert.equal(await stored(), '同志们：第二，要推动创新。');

  await page.reload();
  await page.waitForSelector('#terms table');
  assert.equal(await page.inputValue('#input'), '同志们：第二，要推动创新。');
  assert.equal(await page.isChecked('#remember'), true);
  await page.click('#forget');
  assert.equal(await stored(), null);
  assert.equal(await page.isChecked('#remember'), false);
  assert.equal(await page.isVisible('#forget'), false);
  assert.deepEqual(errors, []);
  await page.close();
});
