// The packed package as a bundler sees it: tests/bundle/app.ts, copied into the consumer app that
// scripts/consumer.sh installed the tarball into, is type-checked by tsc through the exports map,
// bundled by esbuild as the package README says (the app, plus the package's worker as a second
// entry, plus the .wasm copied), served, and run in Chromium.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { serve } from '../../scripts/serve.mjs';
import { start, out, root } from './harness.mjs';

const consumer = join(out, 'consumer');
const source = join(consumer, 'bundle-app');
const site = join(out, 'bundle');

let env;
let server;
before(async () => {
  assert.ok(existsSync(join(consumer, 'node_modules/speechlens')), 'run scripts/consumer.sh first (make test does)');
  env = await start();
});
after(async () => {
  server?.close();
  await env?.close();
});

test('tsc accepts the app against the shipped types (bundler resolution, browser condition)', () => {
  rmSync(source, { recursive: true, force: true });
  cpSync(join(root, 'tests/bundle'), source, { recursive: true });
  try {
    execFileSync(join(root, 'node_modules/.bin/tsc'), ['-p', source], { stdio: 'pipe' });
  } catch (e) {
    assert.fail(`tsc: ${e.stdout}${e.stderr}`);
  }
});

test('esbuild bundles the app, and it runs in Chromium: direct, worker and widget agree', async () => {
  rmSync(site, { recursive: true, force: true });
  mkdirSync(site, { recursive: true });
  const result = await build({
    absWorkingDir: source,
    entryPoints: { app: './app.ts', worker: 'speechlens/web/worker.js' },
    bundle: true, format: 'esm', platform: 'browser', outdir: site, logLevel: 'silent', metafile: true,
  });
  const inputs = Object.keys(result.metafile.inputs);
  assert.ok(inputs.some((i) => i.includes('node_modules/speechlens/web/widget/speech-lens.js')), 'the widget came through the exports map');
  assert.ok(!inputs.some((i) => i.includes('node_modules/speechlens/node/')), 'the Node build stays out of a browser bundle');
  cpSync(join(consumer, 'node_modules/speechlens/web/speechlens_bg.wasm'), join(site, 'speechlens_bg.wasm'));
  const sample = readFileSync(join(root, 'tests/fixtures/seed-speech.txt'), 'utf8');
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  writeFileSync(join(site, 'index.html'),
    readFileSync(join(root, 'tests/bundle/index.html'), 'utf8').replace('<!--SAMPLE-->', () => escape(sample)));

  server = await serve(site);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const page = await env.browser.newPage();
  const errors = [];
  const requests = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url().slice(url.length)));
  await page.goto(url);
  await page.waitForFunction(() => window.report, null, { timeout: 60000 });
  const report = await page.evaluate(() => window.report);
  assert.equal(report.error, undefined, report.error);
  assert.deepEqual(report.headings, ['要注重新的生产要素的组合', '要以科技创新激活县域经济发展新动能', '要建设高质量县域现代化产业体系']);
  assert.equal(report.workerSame, true, 'the worker gives the same analysis as the direct call');
  assert.equal(report.widgetSame, true, 'the widget gives the same analysis as the direct call');
  assert.equal(report.columnsSame, true, 'segmentColumns says what segment says');
  assert.equal(report.workerColumnsSame, true, 'segmentColumns through the worker: typed arrays, the same tokens');
  assert.equal(report.cutSame, true, 'cut gives the words, directly and through the worker');
  assert.equal(report.compareSame, true, 'a text compared with itself in the worker changes nothing');
  assert.ok(report.stages.includes('dictionary'), report.stages.join(' '));
  assert.ok(await page.$eval('speech-lens', (el) => el.shadowRoot.querySelectorAll('.outline .heading').length) >= 3,
    'the widget rendered the outline');
  assert.deepEqual(errors, []);
  assert.deepEqual([...new Set(requests)].sort(), ['', 'app.js', 'speechlens_bg.wasm', 'worker.js']);
  await page.close();
});
