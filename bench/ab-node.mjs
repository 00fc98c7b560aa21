// A lever measured in wasm (issue 28): the official texts' whole analyses in Node with another build
// of the package (BASE_PKG: a pkg/ built at another commit) and with this tree's pkg/, in fresh
// processes taken in turn, so that a shared machine's load falls on both alike. The JSON of every
// analysis (the sample, the official texts, the benchmark's texts) is first checked identical.
//
//   node bench/ab-node.mjs BASE_PKG [--runs 5] [--in-process [--additive]]
//
// With --in-process both builds are loaded into this one process and their analyses alternate text
// by text (warm, after one run each): on a loaded machine the two sides then share every moment's
// load, where fresh processes in turn share only the minute's.
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { childWith } from './node.mjs';
import { officialTexts, sample, texts } from './corpus.mjs';
import { median } from './stats.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const runs = at < 0 ? 5 : Number(args.splice(at, 2)[1]);
const inProcess = args.includes('--in-process');
// --additive: this build may add fields to the base's results (a release that adds to the API), never change one.
const additive = args.includes('--additive');
const [basePkg] = args.filter((a) => !a.startsWith('--'));
if (!basePkg) throw new Error('usage: node bench/ab-node.mjs BASE_PKG [--runs 5] [--in-process [--additive]]');
if (inProcess) {
  interleaved(basePkg, runs);
  process.exit(0);
}
const sides = { before: { ...process.env, SPEECHLENS_PKG: basePkg }, after: { ...process.env, SPEECHLENS_PKG: undefined } };
delete sides.after.SPEECHLENS_PKG;

const hashes = Object.values(sides).map((env) => childWith(env, 'hash').hash);
if (hashes[0] !== hashes[1]) throw new Error('the analyses differ between the two builds');
console.log('every analysis identical');
const times = { before: [], after: [] };
for (let i = 0; i < runs; i++) {
  for (const [side, env] of Object.entries(sides)) times[side].push(childWith(env, 'official', 'speechlens', 5));
}
for (const name of Object.keys(times.before[0])) {
  const [before, after] = ['before', 'after'].map((side) => median(times[side].map((r) => r[name].ms)));
  const [firstBefore, firstAfter] = ['before', 'after'].map((side) => median(times[side].map((r) => r[name].first)));
  console.log(`${name}: ${before.toFixed(1)} → ${after.toFixed(1)} ms (${(before / after).toFixed(2)}×); ` +
    `first run ${firstBefore.toFixed(1)} → ${firstAfter.toFixed(1)} ms (${(firstBefore / firstAfter).toFixed(2)}×)`);
}

/** Both builds in this process, each text's analyses alternating between them (which goes first too). */
function interleaved(base, rounds) {
  const require = createRequire(import.meta.url);
  const here = fileURLToPath(new URL('../pkg', import.meta.url));
  const builds = [base, here].map((dir) => require(`${dir}/node/speechlens.js`));
  const list = [...officialTexts(), ...texts()];
  const [before, after] = builds.map((b) => [sample, ...list.map((t) => t.text)].map((t) => b.analyze(t)));
  if (JSON.stringify(before) === JSON.stringify(after)) console.log('every analysis identical');
  else if (additive && holds(after, before)) console.log('every analysis holds the base\'s, with fields added');
  else throw new Error('the analyses differ between the two builds');
  for (const { name, text } of list) {
    const times = [[], []];
    for (let round = 0; round < rounds; round++) {
      for (const side of round % 2 ? [1, 0] : [0, 1]) {
        const t0 = performance.now();
        builds[side].analyze(text);
        times[side].push(performance.now() - t0);
      }
    }
    const [b, a] = times.map(median);
    console.log(`${name}: ${b.toFixed(1)} → ${a.toFixed(1)} ms (${(b / a).toFixed(2)}×), medians of ${rounds}`);
  }
}

/** Whether `value` holds everything `base` does: the same scalars, arrays of the same length, each key of base's objects. */
function holds(value, base) {
  if (Array.isArray(base)) return Array.isArray(value) && value.length === base.length && base.every((b, i) => holds(value[i], b));
  if (base && typeof base === 'object') return !!value && typeof value === 'object' && Object.keys(base).every((k) => holds(value[k], base[k]));
  return Object.is(value, base);
}
