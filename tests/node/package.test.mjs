// The built package, installed from its tarball into tests/out/consumer (scripts/consumer.sh),
// imported the ways users import it: Node ESM and CommonJS.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';

const consumer = fileURLToPath(new URL('../out/consumer/', import.meta.url));
const samplePath = fileURLToPath(new URL('../fixtures/seed-speech.txt', import.meta.url));

/** Runs `source` as a file of the consumer app and returns what it printed as JSON. */
function run(name, source) {
  assert.ok(existsSync(consumer), 'run scripts/consumer.sh first (make test does)');
  writeFileSync(consumer + name, source);
  return JSON.parse(execFileSync(process.execPath, [consumer + name], { cwd: consumer, maxBuffer: 64 << 20 }).toString());
}

test('ESM: usable right after import, init() harmless, sample speech analysed', () => {
  const out = run('esm.mjs', `
    import init, { analyze, compare, summarize, segment, segmentColumns, cut, concordance, termsCsv, Analyzer, version } from 'speechlens';
    import { readFileSync } from 'node:fs';
    const text = readFileSync(${JSON.stringify(samplePath)}, 'utf8');
    const before = analyze(text);
    await init();
    const after = analyze(text);
    const a = new Analyzer(); a.addWords(['湘鄂交界处']);
    console.log(JSON.stringify({ before, same: JSON.stringify(before) === JSON.stringify(after), version: version(),
      words: segment('加快形成新质生产力').map((t) => t.word), cut: cut('加快形成新质生产力'),
      columns: (({ starts, ends, tags, tagNames }) => ({ starts: [...starts], ends: [...ends], tags: [...tags].map((t) => tagNames[t]) }))(
        a.segmentColumns('在湘鄂交界处加快形成新质生产力')),
      kwic: concordance(text, '县域不经济'), csv: termsCsv(text),
      userWord: a.analyze(text).terms.some((t) => t.term === '湘鄂交界处'), text,
      summary: summarize(text),
      compared: compare(text, text.replaceAll('县域不经济', '县域新动能')).formulations
        .filter((f) => f.text.startsWith('县域')).map((f) => [f.text, f.status, f.countA, f.countB]) }));
  `);
  const r = out.before;
  assert.equal(out.same, true);
  assert.equal(r.version, out.version);
  assert.deepEqual(r.outline.sections.map((s) => s.heading),
    ['要注重新的生产要素的组合', '要以科技创新激活县域经济发展新动能', '要建设高质量县域现代化产业体系']);
  assert.deepEqual(r.outline.sections[2].children.map((s) => s.marker), ['一是', '二是', '三是']);
  assert.equal(r.outline.issues.length, 1);
  assert.equal(r.outline.issues[0].kind, 'gap');
  assert.equal(r.outline.issues[0].rule, 'numbering.gap');
  assert.equal(r.outline.issues[0].expected, '第三');
  assert.deepEqual(r.outline.issues[0].args, ['第三', '第四']);
  assert.equal(r.outline.issues[0].message, '第三 is missing before 第四');
  assert.deepEqual(r.outline.issues[0].series.map((m) => [m.marker, out.text.slice(m.start, m.end)]),
    [['第一', '第一,'], ['第二', '第二,'], ['第四', '第四,']]);
  for (const s of ['县域不经济', '三高四新', '数商兴农', '四链']) {
    const slogan = r.slogans.find((x) => x.text === s);
    assert.ok(slogan, s);
    for (const o of slogan.occurrences) assert.equal(out.text.slice(o.start, o.end), s);
  }
  assert.ok(r.terms.slice(0, 5).some((t) => t.term === '县域'));
  assert.ok(out.words.includes('新质生产力'));
  assert.deepEqual(out.cut, out.words);
  // The analyzer's own word is kept whole in the columns too.
  assert.deepEqual(out.columns.starts, [0, 1, 6, 8, 10]);
  assert.deepEqual(out.columns.ends, [1, 6, 8, 10, 15]);
  assert.equal(out.columns.tags[1], 'nz');
  assert.ok(out.kwic.length >= 4);
  for (const line of out.kwic) assert.equal(out.text.slice(line.start, line.end), '县域不经济');
  assert.ok(out.csv.startsWith('\ufeffterm,count,'));
  assert.equal(out.userWord, true);
  assert.deepEqual(out.compared, [['县域新动能', 'new', 0, 4], ['县域不经济', 'dropped', 4, 0]]);
  // The document in a line, as the corpus view lists it: the analysis's own figures.
  assert.deepEqual(out.summary, {
    ...(r.date && { date: r.date }), hanChars: r.stats.hanChars, words: r.stats.tokens, paragraphs: r.stats.paragraphs,
    speakingMinutes: r.stats.speakingMinutes, parts: 3, keywords: r.keywords.slice(0, 5).map((k) => k.term),
    slogans: r.slogans.length, alarms: 1, warnings: r.warnings.length, body: r.body,
    chrome: r.removed.filter((x) => r.body.start <= x.start && x.end <= r.body.end).map(({ start, end }) => ({ start, end })),
  });
});

/** What the command line (this tree's, built by cargo as `make test` has it) prints for `args`. */
function commandLine(args, input) {
  return execFileSync('cargo', ['run', '-q', '--features', 'cli', '--bin', 'speechlens', '--', ...args],
    { input, maxBuffer: 64 << 20 }).toString();
}

test('every result is plain JSON data, the very objects the command line writes as JSON', () => {
  const other = fileURLToPath(new URL('../fixtures/chrome-work-report-named-in-speech.txt', import.meta.url));
  const out = run('same-as-cli.mjs', `
    import { analyze, compare } from 'speechlens';
    import { readFileSync } from 'node:fs';
    import { isDeepStrictEqual } from 'node:util';
    const [a, b] = [${JSON.stringify(samplePath)}, ${JSON.stringify(other)}].map((f) => readFileSync(f, 'utf8'));
    const results = { analysis: analyze(a), comparison: compare(a, b) };
    // Nothing JSON would drop or change: no undefined, Map, NaN, -0 or hole.
    const plain = Object.values(results).every((r) => isDeepStrictEqual(r, JSON.parse(JSON.stringify(r))));
    console.log(JSON.stringify({ results, plain }));
  `);
  assert.equal(out.plain, true);
  const sample = readFileSync(samplePath, 'utf8');
  assert.deepEqual(out.results.analysis, JSON.parse(commandLine(['analyze', '-'], sample)).analysis);
  assert.deepEqual(out.results.comparison, JSON.parse(commandLine(['compare', '--format', 'json', samplePath, other])));
  assert.ok(out.results.analysis.slogans.length > 10 && out.results.comparison.terms.length > 10);
});

test('ESM: every name the CommonJS build exports, imported by name, is the same object', () => {
  // The names come from the build itself, so a function added in Rust is covered without a word here.
  const { names } = run('names.cjs', `console.log(JSON.stringify({ names: Object.keys(require('speechlens')) }));`);
  for (const name of ['analyze', 'compare', 'summarize', 'segment', 'cut', 'concordance', 'termsCsv', 'slogansCsv',
    'outlineCsv', 'concordanceCsv', 'corpusCsv', 'comparisonCsv', 'Analyzer', 'version']) {
    assert.ok(names.includes(name), `the CommonJS build exports ${name}: ${names}`);
  }
  // A named import of a name the ESM entry lacks fails the whole module at link time (SyntaxError).
  const out = run('names.mjs', `
    import { createRequire } from 'node:module';
    import * as esm from 'speechlens';
    import { ${names.join(', ')} } from 'speechlens';
    const cjs = createRequire(import.meta.url)('speechlens');
    const imported = { ${names.join(', ')} };
    console.log(JSON.stringify({
      different: Object.keys(cjs).filter((n) => imported[n] !== cjs[n]),
      extra: Object.keys(esm).filter((n) => n !== 'default' && !(n in cjs)),
      functions: Object.keys(cjs).filter((n) => typeof cjs[n] === 'function').length,
    }));
  `);
  assert.deepEqual(out.different, []);
  assert.deepEqual(out.extra, []);
  assert.ok(out.functions >= 14, `${out.functions} functions`);
});

test('one typed program, as ESM (.mts) and as CommonJS (.cts): tsc checks both, both print the same', () => {
  assert.ok(existsSync(consumer + 'program.mts') && existsSync(consumer + 'program.cts'), 'run scripts/consumer.sh first');
  writeFileSync(consumer + 'tsconfig.program.json', JSON.stringify({
    compilerOptions: {
      strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', lib: ['es2022', 'dom'],
      types: [], skipLibCheck: false, outDir: 'emitted',
    },
    files: ['program.mts', 'program.cts'],
  }));
  const tsc = fileURLToPath(new URL('../../node_modules/typescript/bin/tsc', import.meta.url));
  execFileSync(process.execPath, [tsc, '-p', consumer + 'tsconfig.program.json'], { cwd: consumer, stdio: 'pipe' });
  const outputOf = (file) => JSON.parse(execFileSync(process.execPath, [consumer + 'emitted/' + file], { cwd: consumer }).toString());
  const esm = outputOf('program.mjs');
  const cjs = outputOf('program.cjs');
  assert.deepEqual(esm, cjs);
  assert.deepEqual(esm.sections, ['第一，', '第二，', '第四，']);
  assert.deepEqual(esm.gap, ['第三']);
  assert.ok(esm.words.includes('县域经济'), esm.words);
  for (const [table, lines] of Object.entries(esm.csv).filter(([table]) => table !== 'terms')) {
    assert.ok(lines > 2, `${table}: a header and rows (${lines} lines)`);
  }
});

test('CommonJS: require() gives the same API', () => {
  const out = run('cjs.cjs', `
    const { analyze, Analyzer } = require('speechlens');
    const text = require('node:fs').readFileSync(${JSON.stringify(samplePath)}, 'utf8');
    const r = analyze(text);
    console.log(JSON.stringify({ gap: r.outline.issues[0], analyzer: typeof Analyzer, sections: r.outline.sections.length }));
  `);
  assert.deepEqual([out.gap.kind, out.gap.expected, out.analyzer, out.sections], ['gap', '第三', 'function', 3]);
});

test('bad input: empty, no Chinese, 5 MB, lone surrogates, wrong options', () => {
  const out = run('bad.mjs', `
    import { analyze, segment } from 'speechlens';
    const errorOf = (f) => { try { f(); return null; } catch (e) { return { isError: e instanceof Error, kind: e.kind, message: e.message }; } };
    const big = 'ABC 县域经济高质量发展。\\n'.repeat(5 * 1024 * 1024 / 16);
    const lone = 'a\\uD800b\\uDC00c县域';
    console.log(JSON.stringify({
      empty: analyze('').stats, latin: analyze('Hello world, nothing Chinese.').terms.map((t) => t.term),
      big: analyze(big).stats.utf16Units === big.length,
      lone: segment(lone).map((t) => [t.start, t.end, t.word]), loneLength: lone.length,
      unknown: errorOf(() => analyze('x', { bogus: 1 })), badPos: errorOf(() => analyze('x', { pos: 'adjectives' })),
      notObject: errorOf(() => analyze('x', 42)),
    }));
  `);
  assert.deepEqual(out.empty, { utf16Units: 0, hanChars: 0, tokens: 0, sentences: 0, paragraphs: 0, speakingMinutes: 0 });
  assert.deepEqual(out.latin, ['Hello', 'world', 'nothing', 'Chinese']);
  assert.equal(out.big, true);
  // A lone surrogate arrives as U+FFFD, one code unit like the surrogate it replaced: offsets still hold.
  assert.equal(out.lone.at(-1)[1], out.loneLength);
  for (const error of [out.unknown, out.badPos, out.notObject]) {
    assert.equal(error.isError, true);
    assert.equal(error.kind, 'invalid_argument');
  }
  assert.match(out.unknown.message, /bogus/);
});

test('options: one definition names the known ones in errors, and each left out, undefined or null is its default', () => {
  const out = run('options.mjs', `
    import { analyze, concordance, check } from 'speechlens';
    const errorOf = (f) => { try { f(); return null; } catch (e) { return { kind: e.kind, message: e.message }; } };
    const text = '同志们：县域经济要发展，发展县域经济。';
    console.log(JSON.stringify({
      unknown: errorOf(() => analyze(text, { userWord: [] })),
      checkUnknown: errorOf(() => check(text, { today: '2024-01-01' })),
      badPos: errorOf(() => analyze(text, { pos: 'adjectives' })),
      badType: errorOf(() => analyze(text, { minChars: 'two' })),
      defaults: JSON.stringify(analyze(text)) === JSON.stringify(analyze(text, { hmm: undefined, userWords: null, pos: undefined, maxTerms: null })),
      widths: [concordance(text, '发展').map((l) => l.left), concordance(text, '发展', { width: 2, anywhere: null }).map((l) => l.left)],
      nouns: analyze(text, { pos: 'nouns', maxTerms: 1, minChars: 2 }).terms.map((t) => t.term),
      checkNull: check('同志们:好', { date: null, lang: undefined }).counts,
    }));
  `);
  assert.equal(out.unknown?.kind, 'invalid_argument');
  assert.equal(out.unknown.message,
    'unknown option "userWord"; known: hmm, userWords, pos, minChars, maxTerms, keepRemoved, width, anywhere');
  assert.equal(out.checkUnknown?.kind, 'invalid_argument');
  assert.equal(out.checkUnknown.message, 'unknown option "today"; known: ignore, words, lang, date', 'today is no option of JS');
  assert.equal(out.badPos?.kind, 'invalid_argument');
  assert.match(out.badPos.message, /adjectives.*all.*nouns.*verbs/);
  assert.equal(out.badType?.kind, 'invalid_argument');
  assert.equal(out.defaults, true);
  assert.deepEqual(out.widths, [['同志们：县域经济要', '同志们：县域经济要发展，'], ['济要', '展，']]);
  assert.deepEqual(out.nouns, ['县域经济']);
  assert.equal(out.checkNull.error, 1);
});

test('every CSV, read with a CSV reader, gives numbers in its numeric columns, negative ones included', () => {
  const out = run('csv.mjs', `
    import { analyze, compare, summarize, concordance, termsCsv, slogansCsv, outlineCsv, concordanceCsv, corpusCsv, comparisonCsv } from 'speechlens';
    import { readFileSync } from 'node:fs';
    const text = readFileSync(${JSON.stringify(samplePath)}, 'utf8');
    // The revision says less of the county economy: terms with a negative log ratio.
    const revised = text.replaceAll('县域', '市域').replaceAll('新质生产力', '生产力');
    const analysis = analyze(text);
    const summary = summarize(text);
    console.log(JSON.stringify({
      terms: termsCsv(text), slogans: slogansCsv(analysis.slogans), outline: outlineCsv(analysis.outline.sections),
      concordance: concordanceCsv(concordance(text, '县域')), comparison: comparisonCsv(compare(text, revised).terms),
      corpus: corpusCsv([{ name: 'a.txt', summary }, { name: 'b.txt', summary: summarize(revised) }],
        [{ term: '县域', values: [12.5, 0] }, { term: '市域', values: [0, 12.5] }]),
    }));
  `);
  const numeric = {
    terms: ['count', 'perTenK', 'firstAt', 'section1', 'section2', 'section3'],
    slogans: ['count', 'firstAt', 'score'],
    outline: ['level', 'start', 'end', 'speechChars', 'speakingMinutes'],
    concordance: ['start', 'end'],
    comparison: ['countA', 'countB', 'perTenKA', 'perTenKB', 'logLikelihood', 'logRatio'],
    corpus: ['hanChars', 'words', 'paragraphs', 'speakingMinutes', 'parts', 'slogans', 'alarms', 'warnings', 'per10k:县域', 'per10k:市域'],
  };
  for (const [table, columns] of Object.entries(numeric)) {
    // As pandas or R reads it: a cell that looks like a number becomes one.
    const rows = parse(out[table], { bom: true, columns: true, cast: true });
    assert.ok(rows.length > 0, table);
    for (const column of columns) {
      const wrong = rows.map((row) => row[column]).filter((v) => typeof v !== 'number');
      assert.deepEqual(wrong, [], `${table}.${column} read as numbers`);
    }
  }
  const ratios = parse(out.comparison, { bom: true, columns: true, cast: true }).map((row) => row.logRatio);
  assert.ok(ratios.some((r) => r < 0), 'a term said less has a negative log ratio');
});

test('package.json exports give types under every condition', () => {
  const pkg = JSON.parse(readFileSync(consumer + 'node_modules/speechlens/package.json', 'utf8'));
  const conditions = pkg.exports['.'];
  for (const target of [conditions.node.import, conditions.node.require, conditions.browser, conditions.default]) {
    assert.ok(target.types && existsSync(consumer + 'node_modules/speechlens/' + target.types), JSON.stringify(target));
  }
});
