// The draft check's types, compiled with `tsc --noEmit` against the generated .d.ts: every field of
// a finding spelled out, so a field renamed or retyped in src/check/mod.rs stops this compiling.
import init, { check, checkCsv } from '../../pkg/web/speechlens.js';
import type { CheckOptions, CheckResult, Evidence, Finding, Fix, Severity } from '../../pkg/web/speechlens.js';
import { check as checkInWorker } from '../../pkg/web/engine.js';

export async function draftCheck(text: string): Promise<string> {
  await init();
  const options: CheckOptions = { date: '2024-03-05', ignore: ['punct', 'numbering.gap'], words: ['萧华'], lang: 'en' };
  const result: CheckResult = check(text, options);
  const finding: Finding = result.findings[0];
  const severity: Severity = finding.severity;
  const level: 'error' | 'warning' | 'info' = severity;
  const fix: Fix | undefined = finding.fix;
  const fixed: string = fix ? text.slice(0, fix.start) + fix.replacement + text.slice(fix.end) : text;
  const where: string = text.slice(finding.start, finding.end) + finding.rule + finding.message + finding.args.join();
  const counts: number = result.counts.error + result.counts.warning + result.counts.info;
  // A numbering finding's typed evidence, narrowed by its kind.
  const evidence: Evidence | undefined = finding.evidence;
  const missing: string[] = evidence?.kind === 'gap' ? evidence.missing : [];
  const series: number = evidence && evidence.kind !== 'too-many-sections' && evidence.kind !== 'expansion-count'
    ? evidence.series.length : 0;
  const later: CheckResult = await checkInWorker(text, { lang: 'zh' }, { lane: 'check' });
  // @ts-expect-error: ignore takes a list of rule ids
  check(text, { ignore: 'punct' });
  // @ts-expect-error: no such option
  check(text, { userWords: [] });
  return checkCsv(text, result.findings) + fixed + where + level + counts + later.findings.length + missing.join() + series;
}
