// The standalone page, both ways it ships, with every request recorded: dist/speechlens.html opened
// from disk (file://) must request nothing but itself (and the blob: its worker starts from), and
// the served page must request nothing after its own assets, however many analyses follow.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { start, root } from './harness.mjs';

const singleFile = join(root, 'dist/speechlens.html');
const sample = readFileSync(join(root, 'tests/fixtures/seed-speech.txt'), 'utf8');

let env;
before(async () => { env = await start(); });
after(async () => { await env?.close(); });

async function newPage() {
  const page = await env.browser.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, requests, errors };
}

/** Puts `text` in the page's input, analyses it, and returns the status line. */
async function analyseInPage(page, text) {
  await page.$eval('#status', (el) => { el.textContent = ''; });
  await page.$eval('#input', (el, t) => { el.value = t; el.dispatchEvent(new Event('input', { bubbles: true })); }, text);
  await page.click('#analyze');
  await page.waitForFunction(() => /完成|Done|失败|failed/.test(document.querySelector('speech-lens').shadowRoot.getElementById('status').textContent), null,
    { timeout: 60000 });
  return page.textContent('#status');
}

test('speechlens.html from file:// analyses the sample with no request but itself', async () => {
  const { page, requests, errors } = await newPage();
  const url = pathToFileURL(singleFile).href;
  await page.goto(url);
  await page.waitForSelector('#terms table', { timeout: 60000 });
  const slogans = await page.$$eval('#slogans button.slogan', (b) => b.map((x) => x.textContent));
  for (const s of ['县域不经济', '三高四新', '数商兴农']) assert.ok(slogans.includes(s), s);
  const headings = await page.$$eval('#outline ul.tree > li > .row .heading', (h) => h.map((x) => x.textContent));
  assert.deepEqual(headings, ['要注重新的生产要素的组合', '要以科技创新激活县域经济发展新动能', '要建设高质量县域现代化产业体系']);
  // More analyses and a concordance: still nothing leaves the page.
  assert.match(await analyseInPage(page, '同志们：第一，要抓好县域经济。第二，要抓好科技创新。'), /完成|Done/);
  assert.match(await analyseInPage(page, sample), /完成|Done/);
  await page.click('#terms button.term >> nth=0');
  await page.waitForSelector('#kwic table.kwic td.hit');
  assert.deepEqual(errors, []);
  const others = requests.filter((r) => r !== url && !r.startsWith('data:'));
  // The worker starts from a blob: URL made in the page; that is the only other "request".
  assert.deepEqual(others.map((r) => r.replace(/[0-9a-f-]{36}$/, 'ID')), ['blob:null/ID']);
  assert.equal(page.workers().length, 1, 'the analyses run in a worker, even from file://');
  assert.equal(await page.workers()[0].evaluate(() => typeof self.onmessage), 'function');
  await page.close();
});

test('speechlens.html carries a strict CSP that the browser enforces', async () => {
  const html = readFileSync(singleFile, 'utf8');
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/)?.[1] ?? '';
  const directives = Object.fromEntries(csp.split(/;\s*/).map((d) => { const [k, ...v] = d.split(' '); return [k, v]; }));
  assert.deepEqual(directives['connect-src'], ["'none'"]);
  assert.deepEqual(directives['default-src'], ["'none'"]);
  assert.ok(directives['script-src'].every((s) => /^'sha256-[A-Za-z0-9+/=]+'$/.test(s) || s === "'wasm-unsafe-eval'"),
    directives['script-src'].join(' '));
  assert.ok(!csp.includes("'unsafe-eval'") && !/script-src[^;]*'unsafe-inline'/.test(csp));
  // Exactly one executable inline script, and the CSP pins its hash.
  const scripts = [...html.matchAll(/<script( type="module")?>([\s\S]*?)<\/script>/g)];
  assert.equal(scripts.length, 1);
  const { createHash } = await import('node:crypto');
  assert.ok(directives['script-src'].includes(`'sha256-${createHash('sha256').update(scripts[0][2]).digest('base64')}'`));

  const { page, requests } = await newPage();
  const violations = [];
  await page.exposeFunction('reportViolation', (v) => violations.push(v));
  await page.goto(pathToFileURL(singleFile).href);
  await page.waitForSelector('#terms table', { timeout: 60000 });
  const blocked = await page.evaluate(async () => {
    document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(e.violatedDirective));
    const attempts = {
      fetch: fetch('data:text/plain,leak').then(() => 'sent', () => 'blocked'),
      image: new Promise((resolve) => {
        const img = new Image();
        img.onload = () => resolve('sent');
        img.onerror = () => resolve('blocked');
        img.src = 'data:image/gif;base64,R0lGODlhAQABAAAAACw=';
      }),
    };
    const script = document.createElement('script');
    script.textContent = 'window.injected = true';
    document.body.append(script);
    return { fetch: await attempts.fetch, image: await attempts.image, injected: window.injected === true };
  });
  assert.deepEqual(blocked, { fetch: 'blocked', image: 'blocked', injected: false });
  await page.waitForFunction(() => true);
  assert.ok(violations.includes('connect-src') && violations.includes('script-src-elem'), violations.join(' '));
  assert.ok(requests.every((r) => r.startsWith('file:') || r.startsWith('blob:') || r.startsWith('data:')), requests.join(' '));
  await page.close();
});

test('the served page requests nothing after its own assets, through several analyses', async () => {
  const { page, requests, errors } = await newPage();
  await page.goto(env.url);
  await page.waitForSelector('#terms table', { timeout: 60000 });
  const loaded = requests.length;
  for (const text of ['同志们：第一，要抓好县域经济。', sample, 'Hello world']) {
    assert.match(await analyseInPage(page, text), /完成|Done/);
  }
  await analyseInPage(page, sample);
  await page.click('#terms button.term >> nth=0');
  await page.waitForSelector('#kwic table.kwic td.hit');
  assert.deepEqual(requests.slice(loaded), [], 'no request while analysing');
  const origin = new URL(env.url).origin;
  assert.deepEqual(requests.filter((r) => new URL(r).origin !== origin), [], 'only same-origin assets');
  assert.deepEqual(errors, []);
  await page.close();
});
