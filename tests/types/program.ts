// One program, saved by scripts/consumer.sh as program.mts (Node ESM: the package's index.mjs and
// index.d.mts) and as program.cts (CommonJS: node/speechlens.js and its .d.ts): tsc checks it against
// each entry's types, and tests/node/package.test.mjs runs both and expects the same output. It
// uses every function of the package a Node user calls, so a name one entry lacks fails here.
import {
  analyze, compare, summarize, segment, segmentColumns, cut, concordance, warmup, version, Analyzer,
  termsCsv, slogansCsv, outlineCsv, concordanceCsv, corpusCsv, comparisonCsv,
} from 'speechlens';
import type { Analysis, Comparison, CorpusDocument, TrendSeries } from 'speechlens';

const text = '同志们：\n今天我们召开会议。\n第一，要坚持“数商兴农”，推动县域经济发展。\n' +
  '第二，要推进“三高四新”战略，县域经济要有新动能。\n第四，要加强党的领导。';
const revised = text.replace('数商兴农', '乡村振兴');

warmup();
const analysis: Analysis = analyze(text, { userWords: ['县域经济'] });
const comparison: Comparison = compare(text, revised);
const documents: CorpusDocument[] = [{ name: 'a.txt', summary: summarize(text) }, { name: 'b.txt', summary: summarize(revised) }];
const trend: TrendSeries[] = [{ term: '县域经济', values: [1, 2] }];
const analyzer = new Analyzer();
analyzer.addWords(['新动能']);

console.log(JSON.stringify({
  version: version(),
  sections: analysis.outline.sections.map((s) => s.marker),
  gap: analysis.outline.issues.map((i) => (i.kind === 'gap' ? i.expected : i.rule)),
  words: segment('推动县域经济发展').map((t) => t.word),
  cut: cut('推动县域经济发展'),
  columns: Array.from(segmentColumns('推动县域经济发展').ends),
  analyzer: analyzer.cut('县域经济要有新动能'),
  csv: {
    terms: termsCsv(text).split('\r\n')[0],
    slogans: slogansCsv(analysis.slogans).split('\r\n').length,
    outline: outlineCsv(analysis.outline.sections).split('\r\n').length,
    concordance: concordanceCsv(concordance(text, '县域经济')).split('\r\n').length,
    corpus: corpusCsv(documents, trend).split('\r\n').length,
    comparison: comparisonCsv(comparison.terms).split('\r\n').length,
  },
}));
