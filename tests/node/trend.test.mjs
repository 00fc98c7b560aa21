// A corpus's trend: the packed package's `trend` (what the page's chart draws, through its worker)
// and the command line's `speechlens trend` give the same figures for the same files: the fixtures,
// and a .jsonl whose lines are named by their name, title, id or place, as the page names them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, readFileSync, readdirSync, existsSync, statSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../browser/page-helpers.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const consumer = fileURLToPath(new URL('../out/consumer/', import.meta.url));
const fixtures = join(root, 'tests/fixtures');

/** The command line as built by `cargo test --features cli` (make test builds it first) or `cargo build --release`. */
function binary() {
  const built = ['debug', 'release'].map((p) => join(root, 'target', p, 'speechlens')).filter(existsSync);
  assert.ok(built.length, 'build the command line first: cargo build --features cli (make test does)');
  return built.sort((x, y) => statSync(y).mtimeMs - statSync(x).mtimeMs)[0];
}

/** The package's `trend` of `texts`, run in the consumer app as users import it. */
function packageTrend(texts, terms) {
  assert.ok(existsSync(consumer), 'run scripts/consumer.sh first (make test does)');
  const input = join(consumer, 'trend-input.json');
  writeFileSync(input, JSON.stringify({ texts, terms }));
  writeFileSync(join(consumer, 'trend.mjs'), `
    import { trend } from 'speechlens';
    import { readFileSync } from 'node:fs';
    const { texts, terms } = JSON.parse(readFileSync(${JSON.stringify(input)}, 'utf8'));
    console.log(JSON.stringify(trend(texts, terms)));
  `);
  return JSON.parse(execFileSync(process.execPath, [join(consumer, 'trend.mjs')], { cwd: consumer, maxBuffer: 64 << 20 }).toString());
}

test('speechlens trend and the page\'s trend give the same figures for the same files', () => {
  const dir = mkdtempSync(join(tmpdir(), 'speechlens-trend-'));
  try {
    const txt = readdirSync(fixtures).filter((f) => f.endsWith('.txt')).sort().map((f) => join(fixtures, f));
    const sample = readFileSync(join(fixtures, 'seed-speech.txt'), 'utf8');
    const lines = [
      { name: '甲', title: '不用', text: sample },
      { title: '县域报告', id: 7, text: sample.replaceAll('县域经济', '县域') },
      { id: 8, text: sample.slice(0, 800) },
      { text: '' },
    ];
    const jsonl = join(dir, 'corpus.jsonl');
    writeFileSync(jsonl, lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    const terms = ['县域经济', '发展', '新质生产力', '没有的词'];

    const run = execFileSync(binary(), ['trend', '--terms', terms.join(','), ...txt, jsonl]).toString();
    const [header, ...rows] = parseCsv(run.slice(1));
    assert.deepEqual(header, ['name', 'date', 'hanChars', ...terms.map((t) => `per10k:${t}`)]);
    // Named as the page names a .jsonl line: its name, else its title, else its id, else FILE:LINE.
    assert.deepEqual(rows.slice(txt.length).map((r) => r[0]), ['甲', '县域报告', '8', `${jsonl}:4`]);

    // The texts as the page reads them: each file whole, each line's `text`.
    const texts = [...txt.map((f) => readFileSync(f, 'utf8')), ...lines.map((l) => l.text)];
    const series = packageTrend(texts, terms);
    assert.deepEqual(series.map((s) => s.term), terms);
    for (const [k, { term, values }] of series.entries()) {
      assert.equal(values.length, rows.length);
      const cli = rows.map((r) => Number(r[3 + k]));
      const page = values.map((v) => Math.round(v * 100) / 100);
      assert.ok(cli.every((v, i) => Math.abs(v - page[i]) < 0.0051), `${term}: ${cli} against ${page}`);
    }
    // Figures worth comparing: the sample says 县域经济, the copy without it does not, no text says 没有的词.
    const county = series[0].values;
    assert.ok(county[txt.length] > 0 && county[txt.length + 1] === 0, `${county}`);
    assert.ok(series[3].values.every((v) => v === 0));
    assert.equal(county.at(-1), 0, 'an empty text rates 0');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
