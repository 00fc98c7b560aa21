// The Node half of the benchmark. Each measurement runs in a child process of its own
// (`node bench/node.mjs TASK ...` prints one JSON line), so a cold start is really cold and one
// tool's memory does not colour another's.
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { sample, texts, officialTexts, reportPair, SHAPES, SCALES } from './corpus.mjs';
import { median, WARM_RUNS } from './stats.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const require = createRequire(import.meta.url);
/** The package measured: this tree's, or another build's (bench/ab-node.mjs sets it). */
const pkg = process.env.SPEECHLENS_PKG ?? `${root}pkg`;

/** Intl.Segmenter line by line: on one long string it is quadratic in Node 20 (see `intlWhole`). */
function intlCut(segmenter, text) {
  let words = 0;
  for (const line of text.split('\n')) for (const s of segmenter.segment(line)) words += s.isWordLike ? 1 : 0;
  return words;
}

/** speechlens through the web build, whose `initSync` hands back the wasm exports (and so its memory). */
async function speechlensWeb() {
  const glue = await import(`${pkg}/web/speechlens.js`);
  const wasm = glue.initSync({ module: readFileSync(`${pkg}/web/speechlens_bg.wasm`) });
  return { analyze: glue.analyze, memory: () => wasm.memory.buffer.byteLength };
}

/**
 * `tool`'s analysis (speechlens) or segmentation (the peers, and speechlens's own: 'speechlens
 * segment', 'speechlens segmentColumns', 'speechlens cut') as one function, imported now.
 */
async function runner(tool) {
  if (tool === 'speechlens') {
    const { analyze } = await import(`${pkg}/index.mjs`);
    return (t) => analyze(t);
  }
  if (tool.startsWith('speechlens ')) {
    const speechlens = await import(`${pkg}/index.mjs`);
    const method = speechlens[tool.slice('speechlens '.length)];
    return (t) => method(t);
  }
  if (tool === 'jieba-wasm') {
    const { cut } = await import('jieba-wasm');
    return (t) => cut(t, true);
  }
  const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
  return (t) => intlCut(segmenter, t);
}

const TASKS = {
  /** Import (or construct) to the first complete result on the sample, in this fresh process. */
  async cold(tool) {
    const started = performance.now();
    (await runner(tool))(sample);
    return { ms: performance.now() - started };
  },

  /**
   * A long text pasted into a page that has shown the sample: the first run on it (words the
   * sample did not need are loaded, code it did not reach is compiled), then the second.
   */
  async paste(tool, name) {
    const run = await runner(tool);
    run(sample);
    const { text } = texts().find((t) => t.name === name);
    const t0 = performance.now();
    run(text);
    const t1 = performance.now();
    run(text);
    return { first: t1 - t0, second: performance.now() - t1 };
  },

  /** Warm throughput on every text: median ms of `runs` runs after one unmeasured run. */
  async throughput(tool, runsArg) {
    const runs = Number(runsArg);
    const run = await runner(tool);
    const out = {};
    for (const { name, text } of texts()) {
      const n = name === 'sample' ? runs * 4 : runs;
      out[name] = { ms: timed(() => run(text), n), runs: n };
    }
    return out;
  },

  /**
   * Two tools on every text, in turn in this one process, so that a shared machine's load falls on
   * both alike: median ms of each after one run (the draft check beside the analysis of the same text;
   * with `set` 'official', the analysis beside jieba-wasm's cut of the official texts). With `warmed`,
   * each text again after `WARM_RUNS` more runs of each tool, as `warmed`: the first runs of a fresh
   * process wait for V8 to optimise, and a whole analysis is far more code to optimise than a cut.
   */
  async inTurn(toolA, toolB, runsArg, set = 'texts', warmed = '') {
    const [runA, runB] = [await runner(toolA), await runner(toolB)];
    const list = set === 'official' ? officialTexts() : texts();
    const pass = (warm) => Object.fromEntries(list.map(({ name, text }) => {
      for (let i = 0; i < warm; i++) {
        runA(text);
        runB(text);
      }
      const [a, b] = [[], []];
      const time = (run) => {
        const t0 = performance.now();
        run(text);
        return performance.now() - t0;
      };
      for (let i = 0; i < (name === 'sample' ? 4 : 1) * Number(runsArg); i++) {
        a.push(time(runA));
        b.push(time(runB));
      }
      return [name, { [toolA]: median(a), [toolB]: median(b) }];
    }));
    const out = pass(1);
    if (warmed) for (const [name, times] of Object.entries(pass(WARM_RUNS))) out[name].warmed = times;
    return out;
  },

  /**
   * The official texts (issue 28): speechlens's whole analysis or jieba-wasm's bare cut of each, median
   * ms of `runs` runs after one; each text's first run (its words loaded) apart; then `warmed`, each
   * again after `WARM_RUNS` more (V8 has optimised the code that runs most by then).
   */
  async official(tool, runsArg) {
    const run = await runner(tool);
    run(sample);
    const out = {};
    for (const { name, text } of officialTexts()) {
      const t0 = performance.now();
      run(text);
      out[name] = { first: performance.now() - t0, ms: timed(() => run(text), Number(runsArg)), chars: text.length };
    }
    for (const { name, text } of officialTexts()) out[name].warmed = timed(() => run(text), Number(runsArg), WARM_RUNS);
    return out;
  },

  /** A hash of the JSON of every official text's analysis (bench/ab-node.mjs: two builds must agree). */
  async hash() {
    const { analyze } = await import(`${pkg}/index.mjs`);
    const { createHash } = await import('node:crypto');
    const hash = createHash('sha256');
    for (const { text } of [{ text: sample }, ...officialTexts(), ...texts()]) hash.update(JSON.stringify(analyze(text)));
    return { hash: hash.digest('hex') };
  },

  /** Two 20k-character reports compared, beside the two analysed alone: median ms of `runs` runs. */
  async compare(runsArg) {
    const { analyze, compare } = await import(`${pkg}/index.mjs`);
    const { a, b } = reportPair();
    return {
      chars: [a.length, b.length],
      compare: timed(() => compare(a, b), Number(runsArg)),
      twoAnalyses: timed(() => { analyze(a); analyze(b); }, Number(runsArg)),
    };
  },

  /** Intl.Segmenter on the 100k text as one string, once: the shape Node 20 handles badly. */
  async intlWhole() {
    const text = texts()[1].text;
    const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
    const t0 = performance.now();
    let words = 0;
    for (const s of segmenter.segment(text)) words += s.isWordLike ? 1 : 0;
    return { ms: performance.now() - t0, words };
  },

  /** Wasm linear memory: after the 1 MB text, then across 1,000 analyses of the sample. */
  async memory() {
    const sl = await speechlensWeb();
    const afterInstantiate = sl.memory();
    sl.analyze(sample);
    const afterFirst = sl.memory();
    sl.analyze(texts()[2].text);
    const after1MB = sl.memory();
    const beforeRepeats = sl.memory();
    const every100 = [];
    for (let i = 1; i <= 1000; i++) {
      sl.analyze(sample);
      if (i % 100 === 0) every100.push(sl.memory());
    }
    const jieba = require('jieba-wasm');
    jieba.cut(texts()[2].text, true);
    return {
      speechlens: { afterInstantiate, afterFirst, after1MB, beforeRepeats, every100, after1000: every100.at(-1) },
      jiebaAfter1MB: jieba.__wasm.memory.buffer.byteLength,
    };
  },

  /** One bounded-cost shape at 1×, 2×, 4×, 8×: time and wasm memory after each, smallest first. */
  async scaling(shapeName) {
    const shape = SHAPES.find((s) => s.name === shapeName);
    const sl = await speechlensWeb();
    sl.analyze(sample);
    const rows = [];
    for (const k of SCALES) {
      const text = shape.make(k);
      const times = [];
      const row = { scale: k, chars: text.length, bytes: Buffer.byteLength(text) };
      try {
        for (let i = 0; i < (k <= 2 ? 3 : 1); i++) {
          const t0 = performance.now();
          sl.analyze(text);
          times.push(performance.now() - t0);
        }
      } catch (e) {
        // A trap leaves the instance unusable: record it and stop this shape.
        rows.push({ ...row, error: `${e.name}: ${e.message}` });
        break;
      }
      rows.push({ ...row, ms: median(times), memory: sl.memory() });
    }
    return rows;
  },
};

/** Median ms of `runs` calls of `f`, after `warm` unmeasured calls. */
function timed(f, runs, warm = 1) {
  for (let i = 0; i < warm; i++) f();
  const times = Array.from({ length: runs }, () => {
    const t0 = performance.now();
    f();
    return performance.now() - t0;
  });
  return median(times);
}

/** Runs `node bench/node.mjs task ...args` in a fresh process and parses its JSON answer. */
export function child(task, ...args) {
  return childWith(process.env, task, ...args);
}

/** `child` with the environment `env` (SPEECHLENS_PKG: another build of the package). */
export function childWith(env, task, ...args) {
  const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), task, ...args.map(String)], {
    cwd: root,
    env,
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  return JSON.parse(out.trim().split('\n').at(-1));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [task, ...args] = process.argv.slice(2);
  console.log(JSON.stringify(await TASKS[task](...args)));
}
