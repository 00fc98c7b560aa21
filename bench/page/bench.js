// Runs in the benchmark page (bench/page/index.html). The tool named in ?tool= is loaded as a
// user's page would load it; `window.bench` then lets bench/browser.mjs time it on any text.
import sample from './sample.js';

const tool = new URLSearchParams(location.search).get('tool');

/** What speechlens runs: the analysis, or ?method= segment, segmentColumns or cut. */
const method = new URLSearchParams(location.search).get('method') ?? 'analyze';

async function load() {
  if (tool === 'speechlens') {
    const speechlens = await import('./speechlens/speechlens.js');
    const wasm = await speechlens.default();
    return { run: (t) => speechlens[method](t), memory: () => wasm.memory.buffer.byteLength, speechlens };
  }
  if (tool === 'jieba-wasm') {
    const jieba = await import('./jieba/jieba_rs_wasm.js');
    const wasm = await jieba.default();
    return { run: (t) => jieba.cut(t, true), memory: () => wasm.memory.buffer.byteLength };
  }
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  // Line by line, as for speechlens and jieba: on one long string ICU's word breaker is slow.
  const run = (t) => {
    let words = 0;
    for (const line of t.split('\n')) for (const s of segmenter.segment(line)) words += s.isWordLike ? 1 : 0;
    return words;
  };
  return { run, memory: () => 0 };
}

const median = (v) => {
  const s = [...v].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const loaded = load().then((t) => {
  t.run(sample);
  window.firstResultAt = performance.now();
  return t;
});
loaded.catch((e) => { window.failed = String(e?.stack ?? e); });

/** Median ms of `runs` calls of `f`, after `warm` unmeasured calls. */
function timed(f, runs, warm = 1) {
  for (let i = 0; i < warm; i++) f();
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return median(times);
}

const fetchText = async (url) => (await fetch(url)).text();

window.bench = {
  /** Median ms of `runs` runs on the text at `url`, after `warm` unmeasured runs (one by default). */
  async throughput(url, runs, warm = 1) {
    const t = await loaded;
    const text = await fetchText(url);
    return timed(() => t.run(text), runs, warm);
  },
  /** speechlens: the texts at `urlA` and `urlB` compared, and analysed one after the other (median ms). */
  async compare(urlA, urlB, runs) {
    const { speechlens } = await loaded;
    const [a, b] = await Promise.all([fetchText(urlA), fetchText(urlB)]);
    return {
      compare: timed(() => speechlens.compare(a, b), runs),
      twoAnalyses: timed(() => { speechlens.analyze(a); speechlens.analyze(b); }, runs),
    };
  },
  /** Wasm memory after the text at `url`, then every 100 of `repeats` analyses of the sample. */
  async memory(url, repeats) {
    const t = await loaded;
    t.run(await fetchText(url));
    const afterText = t.memory();
    const every100 = [];
    for (let i = 1; i <= repeats; i++) {
      t.run(sample);
      if (i % 100 === 0) every100.push(t.memory());
    }
    return { afterText, every100 };
  },
};
