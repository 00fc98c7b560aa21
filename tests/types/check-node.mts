// The Node ESM entry resolves through the package's exports map to index.d.mts.
import init, { analyze, Analyzer } from 'speechlens';
import type { Analysis } from 'speechlens';
import { check } from 'speechlens';
import type { CheckResult } from 'speechlens';

await init();
const result: Analysis = analyze('同志们：', {});
const analyzer: Analyzer = new Analyzer();
export const count: number = result.terms.length + analyzer.words.length;
export const findings: number = (check('同志们:', { lang: 'en' }) satisfies CheckResult).findings.length;
