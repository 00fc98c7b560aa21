// The draft check's panel (审校) in real headless Chromium, zh and en at 1280 and 390 px: the sample
// speech's ASCII colons and commas and its missing 第三 listed and marked in the text; a finding
// shown in the text; a fix applied to the text box and taken back with Ctrl+Z; a rule's fix-all;
// a rule switched off and on again; the CSV and JSON downloads.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { start } from './harness.mjs';
import { openPage, parseCsv, reanalysed, settled, shot } from './page-helpers.mjs';

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

const VIEWS = [['zh', 1280], ['en', 1280], ['zh', 390], ['en', 390]];

/** The findings listed in the panel: rule, severity, the text they flag, their message. */
const listed = (page, sample) => page.$$eval('#findings li', (items) => items.map((li) => {
  const button = li.querySelector('button.finding');
  return {
    rule: li.closest('section').querySelector('h3').textContent,
    severity: li.className,
    start: Number(button.dataset.start),
    end: Number(button.dataset.end),
    message: li.querySelector('.message').textContent,
    excerpt: li.querySelector('.excerpt').textContent,
    fix: li.querySelector('button.fix')?.dataset.fix,
    index: button.dataset.finding,
  };
})).then((items) => items.map((f) => ({ ...f, flagged: sample.slice(f.start, f.end) })));

/** Runs `action`, which fixes something, and waits until the text is analysed and checked again. */
async function fixed(page, action) {
  await page.$eval('#status', (el) => { el.textContent = ''; });
  await action();
  await page.waitForFunction(
    () => /已改正|Fixed|失败|failed/.test(document.querySelector('speech-lens').shadowRoot.getElementById('status').textContent),
    null,
    { timeout: 60000 },
  );
}

const halfwidthCount = (page) => page.$$eval('#findings [data-finding]', (b) => b.filter((x) =>
  /半角|Half-width/.test(x.textContent)).length);

test('the sample speech checked: findings, shown in the text, fixed, undone, fixed by rule, switched off, downloaded', async () => {
  for (const [lang, width] of VIEWS) {
    const view = `${lang} ${width}`;
    const { page, errors } = await openPage(env, { lang: lang === 'en' ? 'en' : undefined, width, height: width > 600 ? 900 : 844 });
    const sample = await page.inputValue('#input');
    await page.click('#tab-check');
    await page.waitForSelector('#findings .check-counts');
    const findings = await listed(page, sample);
    const flaggedMarks = new Set(findings.filter((f) => /半角|Half-width/.test(f.message)).map((f) => f.flagged));
    assert.ok(flaggedMarks.has(':') && flaggedMarks.has(','), `${view}: ${[...flaggedMarks]}`);
    const gap = findings.find((f) => f.message.includes('第三'));
    assert.ok(gap, `${view}: the missing 第三`);
    assert.match(gap.flagged, /^第四/);
    assert.match(gap.severity, /sev-error/);
    // The counts by severity: the errors are all listed.
    const errorCount = Number(await page.$eval('#findings .check-counts .sev-error strong', (b) => b.textContent));
    assert.equal(errorCount, findings.filter((f) => f.severity === 'sev-error').length, view);
    assert.equal(await page.textContent('#tab-check'), lang === 'en' ? 'Check' : '审校');
    // Findings underlined in the text view while the tab is open, titled with their message.
    const marked = await page.$$eval('#text mark.hl-check-error', (m) => m.map((x) => [x.textContent, x.title]));
    assert.ok(marked.some(([text, title]) => text === ':' && /半角|Half-width/.test(title)), view);
    await page.click('#tab-terms');
    assert.equal(await page.$$eval('#text mark.hl-check-error', (m) => m.length), 0, `${view}: marks only with the tab`);
    await page.click('#tab-check');

    // A finding shown in the text.
    await page.click(`#findings [data-finding="${gap.index}"]`);
    assert.equal(await page.$$eval('#text mark.hl-current', (m) => m.map((x) => x.textContent).join('')), gap.flagged, view);
    // On screen, in the text view's visible part (on a phone the page scrolls to it).
    const current = await page.$eval('#text mark.hl-current', (m) => {
      const view = m.closest('.text-view').getBoundingClientRect();
      const box = m.getBoundingClientRect();
      return { top: box.top, bottom: box.bottom, viewTop: view.top, viewBottom: view.bottom, height: innerHeight };
    });
    assert.ok(current.top >= Math.max(current.viewTop, 0) - 1 && current.bottom <= Math.min(current.viewBottom, current.height) + 1,
      `${view}: scrolled to ${JSON.stringify(current)}`);
    await shot(page, `check-shown-${lang}-${width}`);
    // The panel from its top: the counts, the first family, the rule's buttons.
    await page.$eval('#panel-check', (el) => { el.scrollTop = 0; el.scrollIntoView(); });
    await shot(page, `check-${lang}-${width}`);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth - innerWidth);
    assert.equal(wide, 0, `${view}: nothing wider than the window`);

    // One fix: the colon of 指出:“, to the text box; Ctrl+Z takes it back.
    const colon = findings.find((f) => f.flagged === ':' && sample.slice(f.start - 2, f.start) === '指出');
    assert.ok(colon?.fix, view);
    assert.ok(colon.excerpt.includes('指出:“'), `${view}: the finding in its context`);
    const before = await halfwidthCount(page);
    await fixed(page, () => page.click(`#findings [data-fix="${colon.fix}"]`));
    const once = await page.inputValue('#input');
    assert.equal(once, sample.slice(0, colon.start) + '：' + sample.slice(colon.end), view);
    assert.equal(await halfwidthCount(page), before - 1, view);
    await reanalysed(page, async () => {
      await page.focus('#input');
      await page.keyboard.press('Control+z');
    });
    assert.equal(await page.inputValue('#input'), sample, `${view}: Ctrl+Z restores the text`);
    await page.waitForFunction((n) => [...document.querySelector('speech-lens').shadowRoot.querySelectorAll('#findings [data-finding]')]
      .filter((x) => /半角|Half-width/.test(x.textContent)).length === n, before);

    // Fix all of a rule: every half-width mark between Han, in one edit, undone in one Ctrl+Z.
    await fixed(page, () => page.click('#findings [data-fix-rule="punct.halfwidth"]'));
    const all = await page.inputValue('#input');
    assert.equal(await halfwidthCount(page), 0, view);
    assert.ok(all.includes('指出：“') && all.includes('第一，') && !all.includes('第一,'), view);
    assert.equal(all.length, sample.length, `${view}: a mark for a mark`);
    await reanalysed(page, async () => {
      await page.focus('#input');
      await page.keyboard.press('Control+z');
    });
    assert.equal(await page.inputValue('#input'), sample, `${view}: one Ctrl+Z undoes the fix-all`);

    // A rule switched off for this text, then on again.
    await page.waitForSelector('#findings [data-ignore="numbering.gap"]');
    await page.click('#findings [data-ignore="numbering.gap"]');
    await page.waitForSelector('#findings [data-unignore="numbering.gap"]');
    assert.equal((await listed(page, sample)).some((f) => f.message.includes('第三')), false, view);
    assert.ok((await listed(page, sample)).some((f) => f.flagged === ':'), `${view}: the other rules still run`);
    await page.$eval('#panel-check', (el) => { el.scrollTop = 0; el.scrollIntoView(); });
    await shot(page, `check-ignored-${lang}-${width}`);
    await page.click('#findings [data-unignore="numbering.gap"]');
    await page.waitForFunction(() => document.querySelector('speech-lens').shadowRoot.querySelector('#findings [data-ignore="numbering.gap"]'));
    assert.ok((await listed(page, sample)).some((f) => f.message.includes('第三')), view);

    // The downloads: CSV (read by a CSV parser) and JSON, the findings on screen.
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#check-csv')]);
    assert.equal(csv.suggestedFilename(), 'speechlens-check.csv');
    const rows = parseCsv(readFileSync(await csv.path(), 'utf8').replace(/^\uFEFF/, ''));
    assert.deepEqual(rows[0], ['rule', 'severity', 'start', 'end', 'flagged', 'message', 'replacement']);
    assert.equal(rows.length - 1, findings.length, view);
    assert.ok(rows.some((r) => r[0] === 'numbering.gap' && r[4] === gap.flagged && r[5].includes('第三')), view);
    assert.ok(rows.some((r) => r[0] === 'punct.halfwidth' && r[4] === ',' && r[6] === '，'), view);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#check-json')]);
    const result = JSON.parse(readFileSync(await json.path(), 'utf8'));
    assert.equal(result.findings.length, findings.length);
    assert.equal(result.counts.error, errorCount);

    assert.deepEqual(errors, [], view);
    await page.close();
  }
});

test('typing into the text checks it again; the Check tab keeps editing working', async () => {
  const { page, errors } = await openPage(env);
  await page.click('#tab-check');
  await page.waitForSelector('#findings .check-counts');
  await reanalysed(page, () => page.fill('#input', '同志们：\n各位领导:大家好,现在开会。'));
  const messages = await page.$$eval('#findings button.finding', (b) => b.map((x) => x.textContent));
  assert.equal(messages.length, 2, messages.join(' | '));
  // Another tab that the drawing steps do not draw stays usable while the text is edited.
  await page.click('#tab-compare');
  await reanalysed(page, () => page.fill('#input', '同志们：今天开会。'));
  await page.click('#tab-check');
  assert.equal(await page.textContent('#findings .hint'), '未发现问题。');
  await settled(page);
  assert.deepEqual(errors, []);
  await page.close();
});
