// <speech-lens> in real headless Chromium: embedded in an article page (dist/widget/demo.html, which
// has a strict CSP of its own), two instances side by side, the engine's worker, its fallback to
// the main thread, superseded requests, errors, every request recorded, axe, and screenshots.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { start, out, root } from './harness.mjs';

const sample = readFileSync(join(root, 'tests/fixtures/seed-speech.txt'), 'utf8');
/** The files the widget may load: its own assets, nothing else. */
const OWN_ASSETS = ['widget/demo.html', 'widget/demo.css', 'widget/speech-lens.js', 'widget/speech-lens.css.js', 'engine.js', 'labels.js', 'speechlens.js',
  'speechlens_bg.wasm', 'worker.js'];

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** A page with every request and page error recorded. */
async function newPage(viewport) {
  const page = await env.browser.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, requests, errors };
}

/** Resolves with the detail of the element's next `speechlens-analyzed`, or rejects on `speechlens-error`. */
function nextAnalysis(page, selector = 'speech-lens') {
  return page.evaluate((s) => new Promise((resolve, reject) => {
    const el = document.querySelector(s);
    el.addEventListener('speechlens-analyzed', (e) => resolve(e.detail), { once: true });
    el.addEventListener('speechlens-error', (e) => reject(new Error(e.detail.error.message)), { once: true });
  }), selector);
}

/** The demo page, once its widget has analysed the sample. */
async function openDemo(viewport) {
  const session = await newPage(viewport);
  await session.page.goto(env.url + 'widget/demo.html');
  await session.page.waitForFunction(() => {
    const el = document.querySelector('speech-lens');
    return el?.result || /失败|failed/.test(el?.shadowRoot.querySelector('.status').textContent);
  }, null, { timeout: 60000 });
  const status = await session.page.$eval('speech-lens', (el) => el.shadowRoot.querySelector('.status').textContent);
  assert.ok(await session.page.$eval('speech-lens', (el) => el.result !== null), status);
  return session;
}

const shadowTexts = (page, selector) =>
  page.$eval('speech-lens', (el, s) => [...el.shadowRoot.querySelectorAll(s)].map((x) => x.textContent), selector);

test('embedded in a plain page, the widget analyses the sample speech and fires its events', async () => {
  const { page, requests, errors } = await newPage();
  // Listening from before the page's own scripts run, as a host page's script would.
  await page.addInitScript(() => {
    window.seen = new Promise((resolve, reject) => {
      const ready = [];
      document.addEventListener('speechlens-error', (e) => reject(e.detail.error));
      document.addEventListener('speechlens-ready', (e) => ready.push(e.target.localName));
      // The event crosses the shadow boundary and bubbles to the document.
      document.addEventListener('speechlens-analyzed', (e) => resolve([ready, e.detail === e.target.result ? e.detail : null]));
    });
  });
  await page.goto(env.url + 'widget/demo.html');
  const [ready, analysed] = await page.evaluate(() => window.seen);
  assert.deepEqual(ready, ['speech-lens']);
  assert.ok(analysed, 'detail is the element\'s result');
  assert.deepEqual(analysed.outline.sections.map((s) => s.heading),
    ['要注重新的生产要素的组合', '要以科技创新激活县域经济发展新动能', '要建设高质量县域现代化产业体系']);
  for (const s of ['县域不经济', '三高四新', '数商兴农']) assert.ok(analysed.slogans.some((x) => x.text === s), s);
  // The Rust renderers filled the shadow root.
  const terms = await shadowTexts(page, 'button.term');
  assert.ok(terms.slice(0, 5).includes('县域'), terms.slice(0, 10).join(' '));
  assert.ok((await shadowTexts(page, 'mark.hl-removed')).some((t) => t.startsWith('Tags:')));
  assert.equal(await page.$eval('speech-lens', (el) => el.text.length), sample.length, 'initial text from the child <textarea>');
  // A term click shows its concordance and highlights it in the text view.
  await page.click('speech-lens >> button.term >> text=县域不经济');
  await page.waitForFunction(() => document.querySelector('speech-lens').shadowRoot.querySelectorAll('mark.hl-term').length > 0);
  assert.equal((await shadowTexts(page, 'mark.hl-term')).every((t) => t === '县域不经济'), true);
  assert.ok((await shadowTexts(page, 'table.kwic td.hit')).length >= 4);
  // Tabs: the arrow keys move between them.
  await page.focus('speech-lens >> [role=tab][aria-selected=true]');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.$eval('speech-lens', (el) => el.shadowRoot.activeElement?.dataset.tab), 'slogans');
  assert.equal(await page.$eval('speech-lens', (el) => el.shadowRoot.querySelector('#panel-slogans').hidden), false);
  // The outline tree: one tab stop, arrows move, Enter highlights the section in the text view.
  await page.keyboard.press('ArrowRight');
  await page.focus('speech-lens >> [role=treeitem][tabindex="0"]');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  const section = await page.$eval('speech-lens', (el) => {
    const focused = el.shadowRoot.activeElement;
    return { heading: focused.querySelector('.heading').textContent, mark: el.shadowRoot.querySelector('mark.hl-section')?.textContent,
      start: Number(focused.dataset.start), end: Number(focused.dataset.end) };
  });
  assert.equal(section.mark, sample.slice(section.start, section.end), 'the section is marked in the text view');
  assert.ok(section.mark.includes(section.heading));
  assert.deepEqual(errors, []);
  const own = new Set(OWN_ASSETS.map((f) => env.url + f));
  assert.deepEqual(requests.filter((r) => !own.has(r)), [], 'only its own assets');
  assert.equal(requests.filter((r) => r.endsWith('/speechlens_bg.wasm')).length, 1, 'the wasm is fetched once');
  await page.close();
});

test('two instances on one page: each its own text and language, one worker, one wasm download', async () => {
  const { page, requests, errors } = await newPage();
  await page.goto(env.url + 'widget/demo.html');
  await page.waitForFunction(() => customElements.get('speech-lens'));
  const results = await page.evaluate(() => {
    document.body.innerHTML = `
      <speech-lens id="a" lang="en" panels="outline" text="同志们：第一，要抓好县域经济。第二，要抓好科技创新。第三，要抓好人才工作。"></speech-lens>
      <speech-lens id="b" panels="terms slogans" user-words="湘鄂交界处"><template>我们地处湘鄂交界处，要用好“三高四新”。</template></speech-lens>`;
    const wait = (id) => new Promise((resolve, reject) => {
      const el = document.getElementById(id);
      el.addEventListener('speechlens-analyzed', (e) => resolve(e.detail), { once: true });
      el.addEventListener('speechlens-error', (e) => reject(e.detail.error), { once: true });
    });
    return Promise.all([wait('a'), wait('b')]);
  });
  const [a, b] = results;
  assert.deepEqual(a.outline.sections.map((s) => s.heading), ['要抓好县域经济', '要抓好科技创新', '要抓好人才工作']);
  assert.ok(b.terms.some((t) => t.term === '湘鄂交界处'), 'user-words kept whole');
  assert.ok(b.slogans.some((s) => s.text === '三高四新'));
  const view = await page.evaluate(() => Object.fromEntries(['a', 'b'].map((id) => {
    const root = document.getElementById(id).shadowRoot;
    const visible = (sel) => !root.querySelector(sel).closest('[hidden]');
    return [id, {
      tabs: [...root.querySelectorAll('[role=tab]')].filter((t) => !t.hidden).map((t) => t.textContent),
      input: visible('textarea'), outline: visible('.outline'), terms: visible('.terms'),
      headings: [...root.querySelectorAll('.outline .heading')].map((h) => h.textContent),
    }];
  })));
  assert.deepEqual(view.a.tabs, ['Outline'], 'lang="en" and panels="outline"');
  assert.equal(view.a.input, false);
  assert.equal(view.a.terms, false);
  assert.deepEqual(view.a.headings, ['要抓好县域经济', '要抓好科技创新', '要抓好人才工作']);
  assert.deepEqual(view.b.tabs, ['词频', '提法']);
  assert.equal(view.b.outline, false);
  // Attributes and properties reflect each other.
  const reflected = await page.evaluate(() => {
    const b = document.getElementById('b');
    b.userWords = ['数商兴农', '飞地经济'];
    b.panels = 'text';
    return [b.getAttribute('user-words'), b.getAttribute('panels'), b.userWords];
  });
  assert.deepEqual(reflected, ['数商兴农,飞地经济', 'text', ['数商兴农', '飞地经济']]);
  // Theming from the host page: a custom property, and a ::part rule.
  const themed = await page.evaluate(() => {
    const a = document.getElementById('a');
    a.style.setProperty('--speechlens-accent', 'rgb(1, 2, 3)');
    const sheet = new CSSStyleSheet();
    sheet.replaceSync('speech-lens::part(tab) { color: rgb(4, 5, 6); }');
    document.adoptedStyleSheets = [sheet];
    const root = a.shadowRoot;
    return [getComputedStyle(root.querySelector('.marker')).color, getComputedStyle(root.querySelector('[role=tab]')).color];
  });
  assert.deepEqual(themed, ['rgb(1, 2, 3)', 'rgb(4, 5, 6)']);
  assert.equal(requests.filter((r) => r.endsWith('/worker.js')).length, 1, 'one worker for every instance');
  assert.equal(requests.filter((r) => r.endsWith('/speechlens_bg.wasm')).length, 1);
  // Loading the script again (say, a second bundle) registers nothing twice.
  await page.evaluate(async () => { await import('/widget/speech-lens.js?again'); });
  assert.deepEqual(errors, []);
  await page.close();
});

test('typing re-analyses after a pause; the newest request supersedes older ones; no request meanwhile', async () => {
  const { page, errors, requests } = await openDemo();
  const loaded = requests.length;
  const next = nextAnalysis(page);
  await page.$eval('speech-lens', (el) => {
    const box = el.shadowRoot.querySelector('textarea');
    box.value = '同志们：首先，要抓落实。其次，要抓创新。';
    box.dispatchEvent(new Event('input'));
  });
  const typed = await next;
  assert.deepEqual(typed.outline.sections.map((s) => s.heading), ['要抓落实', '要抓创新']);

  const settled = await page.evaluate(async () => {
    const { analyze } = await import('/engine.js');
    const texts = ['第一，甲。', '第一，甲。第二，乙。', '第一，甲。第二，乙。第三，丙。'];
    const runs = texts.map((t) => analyze(t, undefined, { lane: 'test' }).then((r) => r.outline.sections.length, (e) => e.kind));
    const apart = [analyze('第一，甲。', undefined, { lane: 'x' }), analyze('第一，甲。第二，乙。', undefined, { lane: 'y' })];
    return [await Promise.all(runs), (await Promise.all(apart)).map((r) => r.outline.sections.length)];
  });
  assert.deepEqual(settled[0], ['superseded', 'superseded', 3], 'only the newest result is delivered');
  assert.deepEqual(settled[1], [1, 2], 'different lanes do not supersede each other');

  const viaMethod = await page.$eval('speech-lens', async (el) => (await el.analyze('第一，甲。第二，乙。')).outline.sections.length);
  assert.equal(viaMethod, 2);
  assert.deepEqual(requests.slice(loaded), [], 'analysing requests nothing');
  assert.deepEqual(errors, []);
  await page.close();
});

test('progress while loading, then analyses in a worker; with workers forbidden, on the main thread', async () => {
  for (const [name, csp, mode] of [
    ['worker', "worker-src 'self'", 'worker'],
    ['fallback', "worker-src 'none'", 'main'],
  ]) {
    const { page, requests, errors } = await newPage();
    // A blank page on the server's origin with the CSP under test.
    await page.route(env.url + `blank-${name}.html`, (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; ${csp}"><title>${name}</title>`,
    }));
    await page.goto(env.url + `blank-${name}.html`);
    const seen = await page.evaluate(async () => {
      const { onProgress, load, analyze } = await import('/engine.js');
      const stages = [];
      let mode = null;
      const ready = new Promise((resolve) => onProgress((p) => {
        stages.push(p.stage);
        mode = p.mode;
        if (p.stage === 'ready' || p.stage === 'error') resolve();
      }));
      await load();
      await ready;
      const result = await analyze('同志们：第一，要抓好县域经济。第二，要抓好科技创新。');
      return { stages, mode, sections: result.outline.sections.length };
    });
    assert.deepEqual(seen.stages, ['idle', 'loading', 'dictionary', 'ready'], name);
    assert.equal(seen.mode, mode, name);
    assert.equal(seen.sections, 2, name);
    assert.equal(requests.some((r) => r.endsWith('/worker.js')), mode === 'worker', name);
    assert.deepEqual(errors, [], name);
    await page.close();
  }
});

test('an error reaches speechlens-error and the status; the text stays and the next analysis works', async () => {
  const { page, errors } = await openDemo();
  const outcome = await page.$eval('speech-lens', (el) => new Promise((resolve) => {
    el.addEventListener('speechlens-error', (e) => resolve({ kind: e.detail.error.kind,
      status: el.shadowRoot.querySelector('.status').textContent }), { once: true });
    el.text = '字'.repeat(17 * 1024 * 1024);
  }));
  assert.equal(outcome.kind, 'too_large');
  assert.match(outcome.status, /分析失败/);
  assert.equal(await page.$eval('speech-lens', (el) => el.text.length), 17 * 1024 * 1024, 'the text is kept');
  const after = await page.$eval('speech-lens', async (el) => (await el.analyze('第一，甲。第二，乙。')).outline.sections.length);
  assert.equal(after, 2);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a worker whose wasm traps is replaced: the failing call errors, the next one works', async () => {
  const { page, errors } = await openDemo();
  assert.equal(page.workers().length, 1);
  // A trap kills a wasm instance for good. Make the worker answer the next analysis with one,
  // as a panic under panic=abort would.
  await page.workers()[0].evaluate(() => {
    const answer = self.onmessage;
    self.onmessage = (event) => {
      if (event.data.method !== 'analyze') return answer(event);
      self.postMessage({ id: event.data.id, error: { name: 'RuntimeError', message: 'unreachable', kind: 'internal', trap: true } });
    };
  });
  const first = page.waitForEvent('worker');
  const outcome = await page.$eval('speech-lens', async (el) => {
    const failed = await el.analyze('第一，甲。').then(() => 'resolved', (e) => e.message);
    const next = await el.analyze('第一，甲。第二，乙。');
    return { failed, sections: next.outline.sections.length, status: el.shadowRoot.querySelector('.status').textContent };
  });
  await first;
  assert.equal(outcome.failed, 'unreachable');
  assert.equal(outcome.sections, 2, 'the next analysis ran in a fresh worker');
  assert.equal(page.workers().length, 1, 'the dead worker is gone');
  assert.deepEqual(errors, []);
  await page.close();
});

test('axe finds no serious accessibility violation in the widget page', async () => {
  const { page } = await openDemo();
  // Evaluated through the debugger protocol, so the page's CSP does not apply to axe itself.
  await page.evaluate(readFileSync(join(root, 'node_modules/axe-core/axe.min.js'), 'utf8'));
  for (const lang of ['zh', 'en']) {
    await page.$eval('speech-lens', (el, l) => el.setAttribute('lang', l), lang);
    const violations = await page.evaluate(async () => (await axe.run(document, { resultTypes: ['violations'] })).violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0].target.join(' ')})`));
    assert.deepEqual(violations, [], lang);
  }
  await page.close();
});

test('screenshots in zh and en at desktop and phone widths', async () => {
  for (const [width, height, name] of [[1280, 900, 'desktop'], [390, 844, 'phone']]) {
    const { page, errors } = await openDemo({ width, height });
    for (const lang of ['zh', 'en']) {
      await page.$eval('speech-lens', (el, l) => el.setAttribute('lang', l), lang);
      const tab = await page.$eval('speech-lens', (el) => el.shadowRoot.querySelector('#tab-terms').textContent);
      assert.equal(tab, lang === 'zh' ? '词频' : 'Terms');
      await page.screenshot({ path: join(out, `widget-${lang}-${name}.png`), fullPage: name === 'phone' });
    }
    // With a term's concordance open and highlighted, and with the outline.
    await page.click('speech-lens >> button.term >> text=县域不经济');
    await page.waitForFunction(() => document.querySelector('speech-lens').shadowRoot.querySelector('table.kwic'));
    await page.screenshot({ path: join(out, `widget-en-${name}-concordance.png`), fullPage: name === 'phone' });
    await page.click('speech-lens >> #tab-outline');
    await page.screenshot({ path: join(out, `widget-en-${name}-outline.png`), fullPage: name === 'phone' });
    // Nothing wider than the phone's screen.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name}: page scrolls sideways by ${overflow}px`);
    assert.deepEqual(errors, []);
    await page.close();
  }
});
