// `make bench`: speechlens vs jieba-wasm vs Intl.Segmenter, in Node and in headless Chromium, in
// one run, then the command line's scale figures (bench/cli.mjs). Prints tables and writes
// bench/out/results.json (compare it across commits).
// `node bench/run.mjs --quick` does fewer repetitions (for trying a change, not for the README).
import { readFileSync, writeFileSync, mkdirSync, existsSync, rmSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { child } from './node.mjs';
import { measureBrowser, SEGMENT_METHODS, SEGMENT_TEXTS } from './browser.mjs';
import { measureCli, cliTable } from './cli.mjs';
import { texts, officialTexts, SHAPES, SCALES } from './corpus.mjs';
import { median, sizes, WARM_RUNS } from './stats.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const quick = process.argv.includes('--quick');
const COLD_RUNS = quick ? 3 : 9;
const RUNS = quick ? 3 : 7;
const NATIVE_ROUNDS = quick ? 2 : 3;
const TOOLS = ['speechlens', 'jieba-wasm', 'intl'];
const started = performance.now();
const log = (s) => process.stderr.write(`${s}\n`);

/** The commit measured, or 'no git' in an exported tree. */
function commit() {
  try {
    const dirty = execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: root, encoding: 'utf8' }).trim();
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' }).trim() + (dirty ? '+changes' : '');
  } catch {
    return 'no git';
  }
}

const fileSizes = (rel) => (existsSync(`${root}${rel}`) ? sizes(readFileSync(`${root}${rel}`)) : null);

const results = {
  when: new Date().toISOString(),
  commit: commit(),
  machine: { cpu: cpus()[0].model, cores: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30), node: process.version },
  texts: Object.fromEntries(texts().map(({ name, text }) => [name, { chars: text.length, bytes: Buffer.byteLength(text) }])),
  size: {
    'speechlens .wasm': fileSizes('pkg/web/speechlens_bg.wasm'),
    'speechlens JS glue (web)': fileSizes('pkg/web/speechlens.js'),
    'speechlens JS glue (node)': fileSizes('pkg/node/speechlens.js'),
    'dist/speechlens.html': fileSizes('dist/speechlens.html'),
    'jieba-wasm .wasm': fileSizes('node_modules/jieba-wasm/pkg/web/jieba_rs_wasm_bg.wasm'),
    'jieba-wasm JS glue (web)': fileSizes('node_modules/jieba-wasm/pkg/web/jieba_rs_wasm.js'),
  },
  node: { cold: {}, throughput: {} },
};

log(`node: cold start, ${COLD_RUNS} fresh processes per tool`);
for (const tool of TOOLS) {
  results.node.cold[tool] = median(Array.from({ length: COLD_RUNS }, () => child('cold', tool).ms));
}
log(`node: a long text pasted after the sample, ${COLD_RUNS} fresh processes per tool and text`);
results.node.paste = {};
for (const tool of ['speechlens', 'jieba-wasm']) {
  results.node.paste[tool] = {};
  for (const name of ['100k chars', '1 MB']) {
    const runs = Array.from({ length: COLD_RUNS }, () => child('paste', tool, name));
    results.node.paste[tool][name] = { first: median(runs.map((r) => r.first)), second: median(runs.map((r) => r.second)) };
  }
}
log('node: throughput');
for (const tool of TOOLS) results.node.throughput[tool] = child('throughput', tool, RUNS);
log('node and native: official texts, whole analysis vs bare cut');
results.official = officialTexts().map(({ name, text }) => ({ name, chars: text.length }));
results.node.official = child('inTurn', 'speechlens', 'jieba-wasm', RUNS, 'official', 'warmed');
// The wasm and the native build cannot share a process: their rounds alternate, medians of the rounds.
const rounds = Array.from({ length: NATIVE_ROUNDS }, () => ({ node: child('official', 'speechlens', RUNS), native: native(officialTexts(), RUNS) }));
results.native = {
  official: Object.fromEntries(officialTexts().map(({ name }) => [name, {
    median: median(rounds.map((r) => r.native[name].median)),
    node: median(rounds.map((r) => r.node[name].ms)),
    nodeWarmed: median(rounds.map((r) => r.node[name].warmed)),
  }])),
};
log('node: speechlens segmentation in its three forms');
results.node.segment = Object.fromEntries(SEGMENT_METHODS.map((m) => [m, child('throughput', `speechlens ${m}`, RUNS)]));
log('node: the draft check beside the analysis');
results.node.check = child('inTurn', 'speechlens check', 'speechlens', RUNS);
log('node: two 20k-character reports compared');
results.node.compare = child('compare', RUNS);
log('node: Intl.Segmenter on the 100k text as one string');
results.node.intlWhole100k = child('intlWhole');
log('node: memory (1 MB, then 1,000 analyses of the sample)');
results.node.memory = child('memory');
log('node: bounded cost');
results.node.scaling = Object.fromEntries(SHAPES.map((s) => [s.name, { unit: s.unit, rows: child('scaling', s.name) }]));
log('chromium');
results.chromium = await measureBrowser({ coldRuns: COLD_RUNS, runs: RUNS });
results.cli = await measureCli({ quick, log });
results.seconds = (performance.now() - started) / 1000;

/**
 * The same whole analyses natively (examples/analyze_time.rs, wall ms as Node's are): the wasm's
 * figures beside the native build's on the same texts, in one run.
 */
function native(list, runs) {
  execFileSync('cargo', ['build', '--release', '-q', '--example', 'analyze_time'], { cwd: root, stdio: 'inherit' });
  const dir = `${root}bench/out/official`;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const files = list.map(({ text }, i) => {
    writeFileSync(`${dir}/${i}.txt`, text);
    return `${dir}/${i}.txt`;
  });
  const bin = `${process.env.CARGO_TARGET_DIR ?? `${root}target`}/release/examples/analyze_time`;
  const out = JSON.parse(execFileSync(bin, [String(runs), ...files], { encoding: 'utf8' }));
  return Object.fromEntries(list.map(({ name }, i) => [name, out.texts[files[i]]]));
}

mkdirSync(`${root}bench/out`, { recursive: true });
writeFileSync(`${root}bench/out/results.json`, JSON.stringify(results, null, 2) + '\n');
print(results);

function print(r) {
  const ms = (x) => (x == null ? '—' : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
  const kb = (x) => (x == null ? '—' : (x / 1024).toFixed(0) + ' KB');
  const mb = (x) => (x / 2 ** 20).toFixed(1) + ' MB';
  const ratio = (a, b) => (a && b ? `${(b / a).toFixed(2)}×` : '—');
  const table = (title, head, rows) => {
    const all = [head, ...rows].map((row) => row.map(String));
    const widths = head.map((_, i) => Math.max(...all.map((row) => [...row[i]].length + (row[i].match(/[\u4e00-\u9fff]/g)?.length ?? 0))));
    const line = (row) => row.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i] - (c.match(/[\u4e00-\u9fff]/g)?.length ?? 0)))).join('  ');
    console.log(`\n${title}\n${line(head)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}\n${all.slice(1).map(line).join('\n')}`);
  };
  console.log(`speechlens benchmark · ${r.commit} · ${r.machine.cpu} ×${r.machine.cores}, ${r.machine.memoryGB} GB · Node ${r.machine.node} · Chromium ${r.chromium.version}`);
  console.log(`texts: ${Object.entries(r.texts).map(([n, t]) => `${n} = ${t.chars} chars / ${t.bytes} bytes`).join(' · ')}`);
  console.log('ratios: how many times the peer\'s time is speechlens\'s (> 1× means speechlens is faster)');

  table('cold start, ms (Node: import → first analyze of the sample; Chromium: navigation → first result)',
    ['', 'speechlens', 'jieba-wasm', 'Intl.Segmenter', 'jieba/speechlens', 'target'],
    [['Node', ...TOOLS.map((t) => ms(r.node.cold[t])), ratio(r.node.cold.speechlens, r.node.cold['jieba-wasm']), '≥ 3×'],
      ['Chromium', ...TOOLS.map((t) => ms(r.chromium.cold[t])), ratio(r.chromium.cold.speechlens, r.chromium.cold['jieba-wasm']), '≥ 3×'],
      ['Chromium, dist/ page', r.chromium.page ? ms(r.chromium.page.loadToFirstResult) : '—', '', '', '', '']]);

  for (const [where, tp] of [['Node', r.node.throughput], ['Chromium', r.chromium.throughput]]) {
    table(`throughput in ${where}, median ms (speechlens: full analyze; jieba-wasm: bare cut; Intl: line by line)`,
      ['text', 'speechlens', 'jieba-wasm', 'Intl.Segmenter', 'jieba/speechlens', 'Intl/speechlens'],
      Object.keys(r.texts).map((n) => [n, ms(tp.speechlens[n]?.ms ?? tp.speechlens[n]), ms(tp['jieba-wasm'][n]?.ms ?? tp['jieba-wasm'][n]),
        ms(tp.intl[n]?.ms ?? tp.intl[n]), ratio(tp.speechlens[n]?.ms ?? tp.speechlens[n], tp['jieba-wasm'][n]?.ms ?? tp['jieba-wasm'][n]),
        ratio(tp.speechlens[n]?.ms ?? tp.speechlens[n], tp.intl[n]?.ms ?? tp.intl[n])]));
  }
  console.log(`(Node's Intl.Segmenter on the 100k text as ONE string: ${ms(r.node.intlWhole100k.ms)} ms)`);

  const [inNode, inChromium] = [r.node.official, r.chromium.official];
  const fold = (a, b) => [ms(a), ms(b), ratio(a, b)];
  table('official texts (issue 28): speechlens\'s whole analysis vs jieba-wasm\'s bare cut(text, true), median ms; ' +
    'Node: in turn in one process; Chromium: pages of the two taken in turn; each text first after one run, then ' +
    `warmed (after ${WARM_RUNS}) (target ≥ 1×)`,
    ['text', 'chars', 'Node', 'jieba', 'jieba/speechlens', 'warmed', 'jieba', 'jieba/speechlens',
      'Chromium', 'jieba', 'jieba/speechlens', 'warmed', 'jieba', 'jieba/speechlens'],
    r.official.map(({ name, chars }) => [name, chars,
      ...[inNode[name], inNode[name]?.warmed].flatMap((times) => fold(times?.speechlens, times?.['jieba-wasm'])),
      ...['first', 'warmed'].flatMap((when) => fold(...['speechlens', 'jieba-wasm'].map((t) => inChromium[t][when][`official: ${name}`])))]));
  const times = (node, nat) => (node && nat ? `${(node / nat).toFixed(2)}×` : '—');
  table(`wasm ÷ native: the same whole analysis in Node and natively, their rounds alternating, median ms (Node after one run, then warmed: after ${WARM_RUNS}; target ≤ 1.3×)`,
    ['text', 'native', 'Node', 'Node ÷ native', 'Node warmed', 'warmed ÷ native'],
    r.official.map(({ name }) => {
      const { median: nat, node, nodeWarmed } = r.native.official[name] ?? {};
      return [name, ms(nat), ms(node), times(node, nat), ms(nodeWarmed), times(nodeWarmed, nat)];
    }));

  const msOf = (x) => x?.ms ?? x;
  table('segment vs jieba-wasm cut, median ms (same texts, same run; ratios: jieba-wasm cut ÷ speechlens; target for the columns ≥ 2×)',
    ['where, text', 'jieba-wasm cut', 'segment', 'segmentColumns', 'cut', 'jieba/segment', 'jieba/columns', 'jieba/cut'],
    [['Node', r.node.throughput, r.node.segment], ['Chromium', r.chromium.throughput, r.chromium.segment]].flatMap(([where, tp, seg]) =>
      SEGMENT_TEXTS.map((n) => {
        const jieba = msOf(tp['jieba-wasm'][n]);
        const [segment, columns, cut] = SEGMENT_METHODS.map((m) => msOf(seg[m][n]));
        return [`${where}, ${n}`, ms(jieba), ms(segment), ms(columns), ms(cut), ratio(segment, jieba), ratio(columns, jieba), ratio(cut, jieba)];
      })));

  const paste = r.node.paste;
  table('a long text pasted after the sample, in Node, median ms of fresh processes (first run on it, then the second)',
    ['text', 'speechlens first', 'second', 'jieba-wasm first', 'second', 'jieba/speechlens (first)'],
    Object.keys(paste.speechlens).map((n) => [n, ms(paste.speechlens[n].first), ms(paste.speechlens[n].second),
      ms(paste['jieba-wasm'][n].first), ms(paste['jieba-wasm'][n].second), ratio(paste.speechlens[n].first, paste['jieba-wasm'][n].first)]));

  table('size (gzip -9, brotli -11)', ['file', 'raw', 'gzip', 'brotli'],
    Object.entries(r.size).map(([f, s]) => [f, kb(s?.raw), kb(s?.gzip), kb(s?.brotli)]));

  const m = r.node.memory.speechlens;
  const cm = r.chromium.memory;
  table('wasm linear memory', ['', 'Node', 'Chromium'],
    [['speechlens after the 1 MB text', mb(m.after1MB), mb(cm.speechlens.afterText)],
      ['speechlens after 100 / 1,000 more analyses of the sample',
        `${mb(m.every100[0])} / ${mb(m.after1000)}`, `${mb(cm.speechlens.every100[0])} / ${mb(cm.speechlens.every100.at(-1))}`],
      ['jieba-wasm after the 1 MB text', mb(r.node.memory.jiebaAfter1MB), mb(cm['jieba-wasm'].afterText)],
      ['jieba-wasm after 100 / 1,000 more cuts of the sample', '', `${mb(cm['jieba-wasm'].every100[0])} / ${mb(cm['jieba-wasm'].every100.at(-1))}`]]);

  table('the draft check (issue 27): check(text) and analyze(text) in turn in one Node process, median ms (target: check ÷ analyze ≤ 1×)',
    ['text', 'check', 'analyze', 'check ÷ analyze'],
    Object.keys(r.texts).map((n) => {
      const [check, analysis] = [r.node.check[n]?.['speechlens check'], r.node.check[n]?.speechlens];
      return [n, ms(check), ms(analysis), check && analysis ? `${(check / analysis).toFixed(2)}×` : '—'];
    }));

  const chars = r.node.compare.chars.join(' and ');
  table(`compare two reports (${chars} characters, the second a revision of the first), median ms`,
    ['where', 'compare(a, b)', 'analyze(a); analyze(b)', 'compare ÷ two analyses'],
    [['Node', r.node.compare], ['Chromium', r.chromium.compare]].map(([where, c]) =>
      [where, ms(c.compare), ms(c.twoAnalyses), `${(c.compare / c.twoAnalyses).toFixed(2)}×`]));

  for (const [key, what] of [['longestTask100k', '100k-character text analysed after a click'], ['longestTaskCompare', `two reports (${chars} characters) compared after a click`],
    ['longestTaskCorpus', 'twenty 20k-character speeches dropped as a corpus and analysed']]) {
    const l = r.chromium.page?.[key];
    if (!l) continue;
    console.log(`\ndist/ page, ${what}, median of ${l.runs} fresh pages: longest main-thread task ` +
      `${ms(l.ms)} ms (at most ${ms(l.max)}; target ≤ 50 ms; ${l.tasks} tasks ≥ 50 ms; until shown ${ms(l.analysisMs)} ms)`);
  }

  table('bounded cost in Node: speechlens analyze at 1×, 2×, 4×, 8× (ms; ms per 1×; wasm memory after)',
    ['shape (1× =)', ...SCALES.map((k) => `${k}×`), 'time 8× / 4× (linear: 2×)'],
    Object.entries(r.node.scaling).map(([name, { unit, rows }]) => [`${name} (${unit})`,
      ...SCALES.map((k) => rows.find((row) => row.scale === k)).map((row) =>
        (!row ? '—' : row.error ? `FAILED: ${row.error.slice(0, 40)}` : `${ms(row.ms)} ms ${mb(row.memory)}`)),
      rows.length === SCALES.length && !rows.at(-1).error ? `${(rows.at(-1).ms / rows.at(-2).ms).toFixed(2)}×` : '—']));
  table(...cliTable(r.cli));
  console.log(`\nfinished in ${r.seconds.toFixed(0)} s; figures in bench/out/results.json`);
}
