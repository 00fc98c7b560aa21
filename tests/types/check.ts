// Compiled with `tsc --noEmit` against the generated .d.ts, whose result types are generated from
// src/model.rs (tsify): if a field of the result is renamed or retyped in Rust, this stops compiling.
import init, { analyze, compare, summarize, trend as followTerms, corpusCsv, segment, segmentColumns, cut, concordance, termsCsv, Analyzer } from '../../pkg/web/speechlens.js';
import type { Analysis, AnalysisFinding, Comparison, CorpusDocument, DocumentSummary, TrendSeries, SeenMarker, Section, SegmentColumns, Slogan, SloganKind, SpeechlensError } from '../../pkg/web/speechlens.js';

export async function check(text: string): Promise<number> {
  await init();
  const result: Analysis = analyze(text, { userWords: ['飞地经济'], pos: 'nouns', minChars: 2, keepRemoved: false });
  const version: string = result.version;
  const first: number = result.terms[0].bySection[0] + result.terms[0].perTenK + result.terms[0].firstAt;
  const kind: SloganKind = result.slogans[0].kind;
  const slogan: Slogan = result.slogans[0];
  const expansion: string[] | undefined = slogan.expansion;
  const section: Section = result.outline.sections[0];
  const nested: Section[] = section.children;
  const issue: AnalysisFinding = result.outline.issues[0];
  const rule: string = issue.rule + issue.message + issue.args.join() + (issue.end - issue.start);
  // The evidence is a union discriminated by `kind`: a gap's fields exist only once it is narrowed to one.
  const evidence: string[] = issue.kind === 'gap' ? issue.missing.concat(issue.expected, issue.found, String(issue.level))
    .concat(issue.series.map((m: SeenMarker) => text.slice(m.start, m.end) + m.marker)) : [];
  const order: string = issue.kind === 'order' ? issue.previous : issue.kind === 'duplicate' ? issue.expected : '';
  const count: number = issue.kind === 'count' ? issue.announced - issue.parts : 0;
  const warning: AnalysisFinding = result.warnings[0];
  const items: string[] = warning.kind === 'expansion-count' ? warning.items.concat(warning.formula, String(warning.expected - warning.found))
    : warning.kind === 'too-many-sections' ? [String(warning.sections)] : [];
  const body: number = result.body.end - result.body.start + result.stats.hanChars + result.stats.speakingMinutes;
  const tokens: string[] = segment(text, { hmm: false }).map((t) => t.word + t.pos);
  const columns: SegmentColumns = segmentColumns(text);
  const starts: Uint32Array = columns.starts;
  const firstTag: string = columns.tagNames[columns.tags[0]] + text.slice(starts[0], columns.ends[0]);
  const words: string[] = cut(text, { hmm: true }).concat(new Analyzer().cut(text));
  const lines: string[] = concordance(text, '县域', { width: 10 }).map((l) => l.left + l.keyword + l.right);
  const comparison: Comparison = compare(text, text, { userWords: ['飞地经济'] });
  const status: 'new' | 'dropped' | 'more' | 'less' | 'same' = comparison.terms[0].status;
  const kept: 'new' | 'dropped' | 'kept' = comparison.formulations[0].status;
  const formulationGloss: string = comparison.formulations[0].lexicon?.english ?? '';
  const moved: 'same' | 'moved' | 'changed' | 'inserted' | 'deleted' = comparison.paragraphs[0].status;
  const edits: number = (comparison.paragraphs[0].inserted ?? []).length + (comparison.paragraphs[0].a?.start ?? 0);
  const sizes: number = comparison.stats.a.hanChars + comparison.stats.b.utf16Units + comparison.terms[0].logRatio;
  const summary: DocumentSummary = summarize(text);
  const line: string = [summary.date ?? '', summary.hanChars, summary.words, summary.paragraphs, summary.speakingMinutes, summary.parts,
    summary.keywords.join(' '), summary.slogans, summary.alarms, summary.warnings, summary.body.end, summary.chrome.length].join();
  const documents: CorpusDocument[] = [{ name: 'a.txt', summary }];
  const trend: TrendSeries[] = followTerms([text, text], ['县域'], { keepRemoved: true });
  const rate: number = trend[0].values[1];
  const csv: string = termsCsv(text) + line + new Analyzer().summarize(text).keywords[0] + corpusCsv(documents, trend);
  const analyzer = new Analyzer();
  analyzer.addWords(['数商兴农']);
  const added: string[] = analyzer.words;
  // @ts-expect-error: pos takes only 'all' | 'nouns' | 'verbs'
  analyze(text, { pos: 'adjectives' });
  const error = new Error() as SpeechlensError;
  const errorKind: 'invalid_argument' | 'too_large' | 'internal' = error.kind;
  return [rate, version, kind, expansion, nested, rule, evidence, order, count, items, tokens, firstTag, words, lines, status, kept, formulationGloss, moved, edits, sizes, csv, added, errorKind, body, first].length;
}

/**
 * Every field of the result, spelled out as an object literal: TypeScript refuses a property the
 * type lacks and misses one it requires, so a Rust field renamed, dropped or retyped fails here.
 */
export const everyField: Required<Analysis> = {
  version: '0.1.0',
  date: '2020-05-17',
  body: { start: 0, end: 2 },
  removed: [{ kind: 'caption', text: '新华社记者 摄', start: 0, end: 7 }],
  stats: { utf16Units: 2, hanChars: 2, tokens: 1, sentences: 1, paragraphs: 1, speakingMinutes: 0.01 },
  terms: [{
    term: '县域', count: 1, perTenK: 1, pos: 'n', bySection: [1], firstAt: 0,
    lexicon: { category: 'economy', formulation: false, english: 'county economy' },
  }],
  keywords: [{ term: '县域', weight: 3, logLikelihood: 20 }],
  phrases: [{ text: '县域经济', count: 2, occurrences: [{ start: 0, end: 4 }] }],
  slogans: [{
    text: '四链', kind: 'numbered', count: 1, occurrences: [{ start: 0, end: 2 }], score: 1,
    expansion: ['创新链'], frame: '…链', speaker: 'A总书记', lexicon: { category: 'numbered', formulation: true },
  }],
  outline: {
    sections: [{
      start: 0, end: 2, level: 1, marker: '第一', ordinal: 1, heading: '', speechChars: 2, share: 1, speakingMinutes: 0.01,
      topTerms: ['县域'], children: [],
    }],
    issues: [
      {
        rule: 'numbering.gap', start: 0, end: 2, message: '', args: ['第三', '第四'],
        kind: 'gap', level: 1, expected: '第三', found: '第四', missing: ['第三'], series: [{ marker: '第一', start: 0, end: 2 }],
      },
      { rule: 'numbering.duplicate', start: 0, end: 2, message: '', args: [], kind: 'duplicate', level: 1, expected: '第三', found: '第二', series: [] },
      { rule: 'numbering.order', start: 0, end: 2, message: '', args: [], kind: 'order', level: 1, expected: '第四', found: '第二', previous: '第三', series: [] },
      { rule: 'numbering.count', start: 0, end: 2, message: '', args: [], kind: 'count', level: 1, announced: 4, parts: 3, series: [] },
    ],
    title: { text: '', start: 0, end: 0 }, salutation: { text: '', start: 0, end: 0 },
    closing: { text: '', start: 0, end: 0 }, interjections: [],
    announced: { count: null, text: '我谈几点体会', start: 0, end: 6 },
  },
  warnings: [
    { rule: 'formula.expansion-count', start: 0, end: 2, message: '', args: [], kind: 'expansion-count', formula: '四链', expected: 4, found: 3, items: ['创新链'] },
    { rule: 'outline.too-many-sections', start: 0, end: 2, message: '', args: [], kind: 'too-many-sections', sections: 120 },
  ],
};
