// A lever measured in wasm (issue 28): the official texts' whole analyses in Node with another build
// of the package (BASE_PKG: a pkg/ built at another commit) and with this tree's pkg/, in fresh
// processes taken in turn, so that a shared machine's load falls on both alike. The JSON of every
// analysis (the sample, the official texts, the benchmark's texts) is first checked identical.
//
//   node bench/ab-node.mjs BASE_PKG [--runs 5]
import { childWith } from './node.mjs';
import { median } from './stats.mjs';

const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const runs = at < 0 ? 5 : Number(args.splice(at, 2)[1]);
const [basePkg] = args;
if (!basePkg) throw new Error('usage: node bench/ab-node.mjs BASE_PKG [--runs 5]');
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
