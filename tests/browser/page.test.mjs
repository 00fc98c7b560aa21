// The standalone page in real headless Chromium: it loads the wasm, analyses the sample speech
// and fills the three panels.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { start, out } from './harness.mjs';

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

test('empty, non-Chinese and 5 MB texts each give a result in the page', async () => {
  const { page, errors } = await openPage();
  for (const [name, text] of [
    ['empty', ''],
    ['latin', 'Hello world, nothing Chinese here.'],
    ['5MB', '第一，要推动县域经济高质量发展。'.repeat(5 * 1024 * 1024 / 48)],
  ]) {
    await page.$eval('#input', (el, t) => { el.value = t; }, text);
    await page.click('#analyze');
    await page.waitForFunction(() => /完成|Done|失败|failed/.test(document.getElementById('status').textContent), null, { timeout: 120000 });
    const status = await page.textContent('#status');
    assert.match(status, /完成|Done/, `${name}: ${status}`);
    assert.equal(await page.$eval('#input', (el) => el.value.length), text.length, `${name}: the text is kept`);
    await page.$eval('#status', (el) => { el.textContent = ''; });
  }
  assert.deepEqual(errors, []);
  await page.close();
});
