// A lever measured (issue 28): the command line built at BASE and in this tree, run over the same
// corpus, alternately, so that a shared machine's load falls on both alike. It first checks that both
// write the same bytes (every analysis byte-identical), then prints each one's CPU seconds (user + sys,
// so other processes count less than in wall time), the medians and their ratio.
//
//   node bench/ab.mjs BASE [--runs 7] [--jobs 1] [FILE.jsonl ...]
//
// Without files it times the official corpus (bench/corpus.mjs: the dev corpus when ../shared is there,
// else generated reports), then every fixture and every generated text of the benchmark. BASE is any commit; it is exported with `git archive` (no worktree is made)
// and built in target/ab-base (the first time with every dependency, then only the crate).
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { officialCorpus, officialTexts, texts } from './corpus.mjs';
import { median } from './stats.mjs';

const root = fileURLToPath(new URL('../', import.meta.url));
const target = process.env.CARGO_TARGET_DIR ?? `${root}target`;

/** Builds the release command line in `dir` with the target directory `into` and copies it to `out`. */
function build(dir, into, out) {
  execFileSync('cargo', ['build', '--release', '-q', '--features', 'cli', '--bin', 'speechlens'], {
    cwd: dir, stdio: 'inherit', env: { ...process.env, CARGO_TARGET_DIR: into },
  });
  copyFileSync(`${into}/release/speechlens`, out);
}

/** CPU seconds of one run of `bin analyze --jobs N file`, and a hash of what it wrote. */
function run(bin, file, jobs) {
  const times = `${work}/times`;
  const r = spawnSync('/usr/bin/time', ['-f', '%U %S %e', '-o', times, bin, 'analyze', '--jobs', String(jobs), file], {
    maxBuffer: 1 << 30,
  });
  if (r.status !== 0) throw new Error(`${bin} failed: ${r.stderr}`);
  const [user, sys, wall] = readFileSync(times, 'utf8').trim().split(/\s+/).map(Number);
  return { cpu: user + sys, wall, hash: createHash('sha256').update(r.stdout).digest('hex') };
}

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at < 0 ? fallback : Number(args.splice(at, 2)[1]);
};
const runs = option('--runs', 7);
const jobs = option('--jobs', 1);
const [base, ...files] = args;
if (!base) throw new Error('usage: node bench/ab.mjs BASE [--runs 7] [--jobs 1] [FILE.jsonl ...]');

const work = mkdtempSync(`${tmpdir()}/speechlens-ab-`);
try {
  const src = `${work}/src`;
  execFileSync('bash', ['-c', `mkdir -p ${src} && git -C ${root} archive ${base} | tar -x -C ${src}`]);
  // A target directory of its own for BASE (kept, so that only the crate is compiled next time):
  // sharing this tree's, cargo could take one side's binary for the other's.
  build(src, `${target}/ab-base`, `${work}/before`);
  build(root, target, `${work}/after`);
  if (!files.length) {
    // The official corpus, then every fixture and every text the benchmark generates (the check's breadth).
    const fixtures = readdirSync(`${root}tests/fixtures`).filter((f) => f.endsWith('.txt'))
      .map((f) => ({ name: f, text: readFileSync(`${root}tests/fixtures/${f}`, 'utf8') }));
    const jsonl = (documents) => documents.map((d) => JSON.stringify(d)).join('\n') + '\n';
    files.push(`${work}/official.jsonl`, `${work}/fixtures-and-generated.jsonl`);
    writeFileSync(files[0], jsonl(officialCorpus(4e6)));
    writeFileSync(files[1], jsonl([...fixtures, ...officialTexts(), ...texts(), ...officialCorpus(1e6, { source: 'generated' })]));
  }
  for (const file of files) {
    const bytes = readFileSync(file).length;
    const times = { before: [], after: [] };
    for (let i = 0; i < runs; i++) {
      const pair = ['before', 'after'].map((side) => run(`${work}/${side}`, file, jobs));
      if (pair[0].hash !== pair[1].hash) throw new Error(`${file}: the output differs between ${base} and this tree`);
      times.before.push(pair[0].cpu);
      times.after.push(pair[1].cpu);
    }
    const [before, after] = [median(times.before), median(times.after)];
    console.log(`${file} (${(bytes / 1e6).toFixed(1)} MB, --jobs ${jobs}): output identical; CPU s before ${times.before.join(' ')}; ` +
      `after ${times.after.join(' ')}`);
    console.log(`  medians ${before.toFixed(2)} → ${after.toFixed(2)} s, ${(bytes / 1e6 / before).toFixed(2)} → ` +
      `${(bytes / 1e6 / after).toFixed(2)} MB/s of CPU: ${(before / after).toFixed(2)}× as fast`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
