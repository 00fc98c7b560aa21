// The Chromium half of the benchmark: headless Debian Chromium through playwright-core, launched
// as tests/browser/harness.mjs does, but with a fresh browser context per cold start so nothing
// (HTTP cache, compiled wasm) carries over from one load to the next.
import { chromium } from 'playwright-core';
import { cpSync, mkdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../scripts/serve.mjs';
import { sample, speech, texts, officialTexts, reportPair } from './corpus.mjs';
import { median, WARM_RUNS } from './stats.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const www = join(root, 'bench/out/www');
const TOOLS = ['speechlens', 'jieba-wasm', 'intl'];
/** speechlens's segmentation forms, measured against jieba-wasm's cut on these texts. */
export const SEGMENT_METHODS = ['segment', 'segmentColumns', 'cut'];
export const SEGMENT_TEXTS = ['100k chars', '1 MB'];

/** Rounds of the official texts (issue 28) alternating between the two tools' pages. */
const OFFICIAL_ROUNDS = 3;

/**
 * speechlens's analysis and jieba-wasm's cut of each official text: pages of the two tools taken in
 * turn, `OFFICIAL_ROUNDS` times, so that a shared machine's load falls on both alike; the median
 * of the rounds' medians. `first`: each text after one unmeasured run, in a page that has run only
 * the sample and the texts before it; `warmed`: then each again after `WARM_RUNS`.
 */
async function officialInTurn(browser, base, files, runs) {
  const official = Object.entries(files).filter(([name]) => name.startsWith('official: '));
  const rounds = { speechlens: [], 'jieba-wasm': [] };
  const timed = (page, url, warm) => page.evaluate(([u, n, w]) => window.bench.throughput(u, n, w), [url, runs, warm]);
  for (let round = 0; round < OFFICIAL_ROUNDS; round++) {
    for (const [tool, times] of Object.entries(rounds)) {
      const { page, close } = await freshPage(browser);
      await page.goto(`${base}/index.html?tool=${tool}`);
      const here = { first: {}, warmed: {} };
      for (const [name, url] of official) here.first[name] = await timed(page, url, 1);
      for (const [name, url] of official) here.warmed[name] = await timed(page, url, WARM_RUNS);
      times.push(here);
      await close();
    }
  }
  const medians = (times, when) => Object.fromEntries(official.map(([name]) => [name, median(times.map((t) => t[when][name]))]));
  return Object.fromEntries(Object.entries(rounds).map(([tool, times]) =>
    [tool, { first: medians(times, 'first'), warmed: medians(times, 'warmed') }]));
}

/** bench/out/www: the benchmark page, both wasm builds as a page would fetch them, the texts. */
function layOut() {
  rmSync(www, { recursive: true, force: true });
  mkdirSync(www, { recursive: true });
  cpSync(join(root, 'bench/page'), www, { recursive: true });
  cpSync(join(root, 'pkg/web'), join(www, 'speechlens'), { recursive: true });
  cpSync(join(root, 'node_modules/jieba-wasm/pkg/web'), join(www, 'jieba'), { recursive: true });
  writeFileSync(join(www, 'sample.js'), `export default ${JSON.stringify(sample)};\n`);
  const files = {};
  for (const [i, { name, text }] of texts().entries()) {
    files[name] = `/text-${i}.txt`;
    writeFileSync(join(www, `text-${i}.txt`), text);
  }
  for (const [i, { name, text }] of officialTexts().entries()) {
    files[`official: ${name}`] = `/official-${i}.txt`;
    writeFileSync(join(www, `official-${i}.txt`), text);
  }
  for (const [side, text] of Object.entries(reportPair())) {
    files[`report ${side}`] = `/report-${side}.txt`;
    writeFileSync(join(www, `report-${side}.txt`), text);
  }
  return files;
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });
}

/** A page in a context of its own; closing it closes the context. */
async function freshPage(browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return { page, errors, close: () => context.close() };
}

/** Navigation start to the first complete result on the sample, in a fresh context, `runs` times. */
async function coldStart(browser, base, tool, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const { page, errors, close } = await freshPage(browser);
    await page.goto(`${base}/index.html?tool=${tool}`);
    await page.waitForFunction(() => window.firstResultAt !== undefined || window.failed, null, { timeout: 60_000 });
    const failed = await page.evaluate(() => window.failed);
    if (failed || errors.length) throw new Error(`${tool} failed in the page: ${failed ?? errors.join('; ')}`);
    times.push(await page.evaluate(() => window.firstResultAt));
    await close();
  }
  return median(times);
}

/** Speeches in the corpus dropped on the page: 20k characters each, generated as the bench's other texts. */
const CORPUS_FILES = 20;

/**
 * `CORPUS_FILES` generated speeches made into files in the page, ready to drop (making them is the
 * test's work, not the page's: it is done before the long tasks are counted).
 */
async function corpusFiles(page) {
  const files = Array.from({ length: CORPUS_FILES }, (_, i) => ({ name: `${i}.txt`, text: speech(20_000, { seed: 200 + i }) }));
  await page.evaluate((list) => {
    window.corpusDrop = new DataTransfer();
    for (const { name, text } of list) window.corpusDrop.items.add(new File([text], name, { type: 'text/plain' }));
  }, files);
}

/** Drops the files `corpusFiles` made on the page, as a user drops a folder's files. */
const dropCorpus = (page) => page.$eval('speech-lens', (target) =>
  target.dispatchEvent(new DragEvent('drop', { dataTransfer: window.corpusDrop, bubbles: true, composed: true, cancelable: true })));

/** The longest main-thread task (ms), their count and the time until the status line matches `done`, for `action`. */
async function longestTaskAround(page, action, done) {
  // The page is the <speech-lens> element: its status line is in the shadow root.
  const shown = (re) => new RegExp(re).test(document.querySelector('speech-lens')?.shadowRoot.getElementById('status').textContent ?? '');
  await page.evaluate(() => {
    window.longTasks = [];
    document.querySelector('speech-lens').shadowRoot.getElementById('status').textContent = '';
  });
  const t0 = await page.evaluate(() => performance.now());
  await action();
  await page.waitForFunction(shown, done.source, { timeout: 120_000, polling: 10 });
  const t1 = await page.evaluate(() => performance.now());
  await page.waitForTimeout(200); // let the observer deliver the last entries
  const tasks = await page.evaluate(() => window.longTasks);
  return { ms: Math.max(0, ...tasks), tasks: tasks.length, analysisMs: t1 - t0 };
}

const summary = (runs) => ({
  ms: median(runs.map((p) => p.ms)),
  max: Math.max(...runs.map((p) => p.ms)),
  tasks: median(runs.map((p) => p.tasks)),
  analysisMs: median(runs.map((p) => p.analysisMs)),
  runs: runs.length,
});

/**
 * The real page (dist/): load to the first analysis shown, then the longest main-thread task
 * (PerformanceObserver 'longtask', tasks ≥ 50 ms) while a 100k-character text is analysed after a
 * click, while two 20k-character reports are compared, and while twenty speeches dropped as a corpus
 * are analysed.
 */
export async function realPage(browser, runs) {
  const server = await serve(join(root, 'dist'));
  const base = `http://127.0.0.1:${server.address().port}`;
  const analysed = /完成|Analysed|Done/;
  const compared = /对比完成|Compared/;
  const loads = [];
  const pastes = [];
  const comparisons = [];
  const corpora = [];
  const corpusDone = new RegExp(`已分析 ${CORPUS_FILES} 篇|${CORPUS_FILES} documents analysed`);
  const { a, b } = reportPair();
  try {
    for (let i = 0; i < runs; i++) {
      const { page, errors, close } = await freshPage(browser);
      await page.addInitScript(() => {
        window.longTasks = [];
        new PerformanceObserver((list) => window.longTasks.push(...list.getEntries().map((e) => e.duration)))
          .observe({ type: 'longtask', buffered: true });
      });
      await page.goto(`${base}/index.html`);
      await page.waitForFunction((re) => new RegExp(re).test(document.querySelector('speech-lens')?.shadowRoot.getElementById('status').textContent ?? ''),
        analysed.source, { timeout: 60_000, polling: 10 });
      loads.push(await page.evaluate(() => performance.now()));
      // Every run: the longest task varies from run to run on a shared machine.
      await page.$eval('#input', (el, t) => { el.value = t; }, texts()[1].text);
      pastes.push(await longestTaskAround(page, () => page.click('#analyze'), analysed));
      await page.$eval('#input', (el, t) => { el.value = t; }, a);
      await longestTaskAround(page, () => page.click('#analyze'), analysed);
      await page.click('#tab-compare');
      await page.$eval('#compare-input', (el, t) => { el.value = t; }, b);
      comparisons.push(await longestTaskAround(page, () => page.click('#compare-run'), compared));
      await corpusFiles(page);
      corpora.push(await longestTaskAround(page, () => dropCorpus(page), corpusDone));
      if (errors.length) throw new Error(`dist/ page errors: ${errors.join('; ')}`);
      await close();
    }
  } finally {
    server.close();
  }
  return {
    loadToFirstResult: median(loads),
    longestTask100k: summary(pastes),
    longestTaskCompare: summary(comparisons),
    longestTaskCorpus: summary(corpora),
  };
}

/** Every Chromium figure; `runs` scales the repetitions. */
export async function measureBrowser({ coldRuns = 7, runs = 5 } = {}) {
  const files = layOut();
  const server = await serve(www);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await launch();
  const out = { version: browser.version(), cold: {}, throughput: {}, memory: {} };
  try {
    for (const tool of TOOLS) out.cold[tool] = await coldStart(browser, base, tool, coldRuns);
    for (const tool of TOOLS) {
      const { page, close } = await freshPage(browser);
      await page.goto(`${base}/index.html?tool=${tool}`);
      out.throughput[tool] = {};
      const timedHere = ([name]) => !name.startsWith('report') && !name.startsWith('official: ');
      for (const [name, url] of Object.entries(files).filter(timedHere)) {
        out.throughput[tool][name] = await page.evaluate(([u, n]) => window.bench.throughput(u, n),
          [url, name === 'sample' ? runs * 4 : runs]);
      }
      if (tool !== 'intl') out.memory[tool] = await page.evaluate((u) => window.bench.memory(u, 1000), files['1 MB']);
      await close();
    }
    out.official = await officialInTurn(browser, base, files, runs);
    // speechlens's segmentation in its three forms, each in a page of its own, beside jieba-wasm's cut above.
    out.segment = {};
    for (const method of SEGMENT_METHODS) {
      const { page, close } = await freshPage(browser);
      await page.goto(`${base}/index.html?tool=speechlens&method=${method}`);
      out.segment[method] = {};
      for (const name of SEGMENT_TEXTS) {
        out.segment[method][name] = await page.evaluate(([u, n]) => window.bench.throughput(u, n), [files[name], runs]);
      }
      await close();
    }
    {
      const { page, close } = await freshPage(browser);
      await page.goto(`${base}/index.html?tool=speechlens`);
      out.compare = await page.evaluate(([a, b, n]) => window.bench.compare(a, b, n), [files['report a'], files['report b'], runs]);
      await close();
    }
    out.page = existsSync(join(root, 'dist/index.html')) ? await realPage(browser, Math.max(3, coldRuns >> 1)) : null;
  } finally {
    await browser.close();
    server.close();
  }
  return out;
}
