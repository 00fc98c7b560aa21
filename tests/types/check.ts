// Compiled with `tsc --noEmit` against the generated .d.ts: if a field of the result contract is
// renamed or retyped, this stops compiling.
import init, { analyze, segment, segmentColumns, cut, concordance, termsCsv, Analyzer } from '../../pkg/web/speechlens.js';
import type { Analysis, SeenMarker, Section, SegmentColumns, Slogan, SloganKind, SpeechlensError } from '../../pkg/web/speechlens.js';

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
  const gap: 'gap' | 'duplicate' | 'order' | 'count' = result.outline.issues[0].kind;
  const evidence: string[] = result.outline.issues[0].series.map((m: SeenMarker) => text.slice(m.at, m.end) + m.marker);
  const body: number = result.body.end - result.body.start + result.stats.hanChars + result.stats.speakingMinutes;
  const tokens: string[] = segment(text, { hmm: false }).map((t) => t.word + t.pos);
  const columns: SegmentColumns = segmentColumns(text);
  const starts: Uint32Array = columns.starts;
  const firstTag: string = columns.tagNames[columns.tags[0]] + text.slice(starts[0], columns.ends[0]);
  const words: string[] = cut(text, { hmm: true }).concat(new Analyzer().cut(text));
  const lines: string[] = concordance(text, '县域', { width: 10 }).map((l) => l.left + l.keyword + l.right);
  const csv: string = termsCsv(text);
  const analyzer = new Analyzer();
  analyzer.addWords(['数商兴农']);
  const added: string[] = analyzer.words;
  // @ts-expect-error: pos takes only 'all' | 'nouns' | 'verbs'
  analyze(text, { pos: 'adjectives' });
  const error = new Error() as SpeechlensError;
  const errorKind: 'invalid_argument' | 'too_large' | 'internal' = error.kind;
  return [version, kind, expansion, nested, gap, evidence, tokens, firstTag, words, lines, csv, added, errorKind, body, first].length;
}
