// The draft check from the packed package, imported as users import it (ESM and CommonJS):
// the sample speech's ASCII marks and its missing 第三, options, the CSV, bad input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseCsv } from '../browser/page-helpers.mjs';

const consumer = fileURLToPath(new URL('../out/consumer/', import.meta.url));
const samplePath = fileURLToPath(new URL('../fixtures/seed-speech.txt', import.meta.url));
const sample = readFileSync(samplePath, 'utf8');

/** Runs `source` as a file of the consumer app and returns what it printed as JSON. */
function run(name, source) {
  assert.ok(existsSync(consumer), 'run scripts/consumer.sh first (make test does)');
  writeFileSync(consumer + name, source);
  return JSON.parse(execFileSync(process.execPath, [consumer + name], { cwd: consumer, maxBuffer: 64 << 20 }).toString());
}

const flagged = (text, f) => text.slice(f.start, f.end);

test('ESM: the sample speech has its ASCII colons and commas and its missing 第三 found', () => {
  const out = run('check-esm.mjs', `
    import { check, checkCsv } from 'speechlens';
    import { readFileSync } from 'node:fs';
    const text = readFileSync(${JSON.stringify(samplePath)}, 'utf8');
    const zh = check(text);
    const en = check(text, { lang: 'en', date: '2023-12-28' });
    const noPunct = check(text, { ignore: ['punct'] });
    const noHalfwidth = check(text, { ignore: ['punct.halfwidth'] });
    console.log(JSON.stringify({ zh, en, noPunct, noHalfwidth, csv: checkCsv(text, zh.findings) }));
  `);
  const { zh, en } = out;
  const halfwidth = zh.findings.filter((f) => f.rule === 'punct.halfwidth');
  const marks = new Set(halfwidth.map((f) => flagged(sample, f)));
  assert.ok(marks.has(':'), [...marks].join(' '));
  assert.ok(marks.has(','), [...marks].join(' '));
  // 指出:“ — an ASCII colon before a quotation, with its certain fix.
  const colon = halfwidth.find((f) => sample.slice(f.start - 2, f.end + 1) === '指出:“');
  assert.ok(colon, 'the colon of 指出:“');
  assert.deepEqual(colon.fix, { start: colon.start, end: colon.end, replacement: '：' });
  assert.equal(colon.severity, 'error');
  assert.match(colon.message, /全角/);
  const gap = zh.findings.find((f) => f.rule === 'numbering.gap');
  assert.ok(gap, 'the missing 第三');
  assert.equal(gap.args[0], '第三');
  assert.match(flagged(sample, gap), /^第四/);
  // The outline's typed evidence, so a caller reads fields rather than parsing the message.
  const { kind, expected, found, missing, level, series } = gap.evidence ?? {};
  assert.deepEqual({ kind, expected, found, missing, level }, { kind: 'gap', expected: '第三', found: '第四', missing: ['第三'], level: 1 });
  assert.ok(series.some((m) => m.marker === '第二'), JSON.stringify(series));
  for (const m of series) assert.ok(sample.slice(m.start, m.end).startsWith(m.marker), 'each marker where the text has it (UTF-16)');
  assert.equal(colon.evidence, undefined, 'only numbering findings carry evidence');
  // Counts agree with the findings.
  for (const severity of ['error', 'warning', 'info']) {
    assert.equal(zh.counts[severity], zh.findings.filter((f) => f.severity === severity).length, severity);
  }
  assert.ok(zh.counts.error >= halfwidth.length + 1);
  // English messages, the same findings.
  assert.deepEqual(en.findings.map((f) => [f.rule, f.start]), zh.findings.map((f) => [f.rule, f.start]));
  assert.match(en.findings.find((f) => f.rule === 'punct.halfwidth').message, /Half-width/);
  // A family or a rule switched off.
  assert.equal(out.noPunct.findings.some((f) => f.rule.startsWith('punct.')), false);
  assert.equal(out.noHalfwidth.findings.some((f) => f.rule === 'punct.halfwidth'), false);
  assert.ok(out.noHalfwidth.findings.some((f) => f.rule === 'numbering.gap'));
  // The CSV: a row per finding, the flagged words and the replacement.
  const rows = parseCsv(out.csv.replace(/^\uFEFF/, ''));
  assert.deepEqual(rows[0], ['rule', 'severity', 'start', 'end', 'flagged', 'message', 'replacement']);
  assert.equal(rows.length - 1, zh.findings.length);
  const row = rows.find((r) => r[0] === 'punct.halfwidth' && Number(r[2]) === colon.start);
  assert.deepEqual([row[1], row[4], row[6]], ['error', ':', '：']);
});

test('ESM: every fix applied removes its finding', () => {
  const out = run('check-fix.mjs', `
    import { check } from 'speechlens';
    import { readFileSync } from 'node:fs';
    const text = readFileSync(${JSON.stringify(samplePath)}, 'utf8');
    const { findings } = check(text);
    const after = findings.filter((f) => f.fix).map((f) => {
      const fixed = text.slice(0, f.fix.start) + f.fix.replacement + text.slice(f.fix.end);
      return [f.rule, f.start, check(fixed).findings.some((g) => g.rule === f.rule && g.start === f.start)];
    });
    console.log(JSON.stringify(after));
  `);
  assert.ok(out.length > 5, `${out.length} fixes`);
  for (const [rule, start, still] of out) assert.equal(still, false, `${rule} at ${start}`);
});

test('ESM: a leader\'s name and title, held to the draft\'s date and the words given', () => {
  const text = '😀认真贯彻习总书记重要讲话精神。深入学习贯彻习近乎总书记重要讲话精神。';
  const out = run('check-leaders.mjs', `
    import { check } from 'speechlens';
    const text = ${JSON.stringify(text)};
    console.log(JSON.stringify({
      plain: check(text),
      listed: check(text, { words: ['习近乎'] }),
      before: check(text, { date: '2010-01-01' }),
    }));
  `);
  const title = out.plain.findings.find((f) => f.rule === 'term.leader-title');
  assert.equal(flagged(text, title), '习总书记', 'UTF-16 offsets past an astral character');
  assert.deepEqual([title.severity, title.fix.replacement], ['error', '习近平总书记']);
  const name = out.plain.findings.find((f) => f.rule === 'typo.leader-name');
  assert.deepEqual([flagged(text, name), name.severity, name.fix.replacement], ['习近乎', 'warning', '习近平']);
  assert.equal(out.listed.findings.some((f) => f.rule === 'typo.leader-name'), false, 'a listed word is never flagged');
  // In 2010 no one was 习总书记 or 习近平总书记: nothing to say.
  assert.equal(out.before.findings.some((f) => f.rule.includes('leader')), false);
});

test('CommonJS: require() gives check, with today’s date by default', () => {
  const out = run('check-cjs.cjs', `
    const { check } = require('speechlens');
    const text = require('node:fs').readFileSync(${JSON.stringify(samplePath)}, 'utf8');
    // A 2023 text, no date of its own: the default date is today, so the era rule holds it to today's version.
    console.log(JSON.stringify({ sample: check(text), undated: check('同志们：今天开会,大家发言。') }));
  `);
  assert.ok(out.sample.findings.some((f) => f.rule === 'numbering.gap' && f.args[0] === '第三'));
  const comma = out.undated.findings.find((f) => f.rule === 'punct.halfwidth');
  assert.equal(comma?.fix.replacement, '，');
});

test('bad input: unknown options, wrong types and bad dates are invalid_argument errors', () => {
  const out = run('check-bad.mjs', `
    import { check, checkCsv } from 'speechlens';
    const errorOf = (f) => { try { f(); return null; } catch (e) { return { isError: e instanceof Error, kind: e.kind, message: e.message }; } };
    console.log(JSON.stringify({
      unknown: errorOf(() => check('同志们:好', { ignored: ['punct'] })),
      analyzeOption: errorOf(() => check('同志们:好', { userWords: [] })),
      ignoreString: errorOf(() => check('同志们:好', { ignore: 'punct' })),
      wordsNumbers: errorOf(() => check('同志们:好', { words: [1, 2] })),
      badDate: errorOf(() => check('同志们:好', { date: 'yesterday' })),
      badMonth: errorOf(() => check('同志们:好', { date: '2024-13' })),
      notObject: errorOf(() => check('同志们:好', 'punct')),
      csvJunk: errorOf(() => checkCsv('x', [{ rule: 1 }])),
      tooLarge: errorOf(() => check('a'.repeat(16 * 1024 * 1024 + 1))),
      empty: check(''),
      nullOptions: check('同志们:好', null).counts,
      outOfRange: checkCsv('短', [{ rule: 'punct.halfwidth', severity: 'error', start: 5, end: 9, message: 'm', args: [] }]),
    }));
  `);
  for (const name of ['unknown', 'analyzeOption', 'ignoreString', 'wordsNumbers', 'badDate', 'badMonth', 'notObject', 'csvJunk']) {
    assert.equal(out[name]?.isError, true, name);
    assert.equal(out[name].kind, 'invalid_argument', name);
  }
  assert.match(out.unknown.message, /ignored/);
  assert.equal(out.tooLarge?.kind, 'too_large', 'the input limit holds for check too');
  assert.match(out.badDate.message, /yesterday/);
  assert.deepEqual(out.empty, { findings: [], counts: { error: 0, warning: 0, info: 0 } });
  assert.equal(out.nullOptions.error, 1);
  // Offsets past the text flag nothing rather than fail.
  assert.equal(parseCsv(out.outOfRange.replace(/^\uFEFF/, ''))[1][4], '');
});
