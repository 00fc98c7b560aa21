// A tiny app built the way users build theirs: it imports the packed package through its exports
// map ('speechlens' in the browser, 'speechlens/engine', 'speechlens/widget'), is type-checked
// with tsc, bundled with esbuild and run in Chromium by tests/browser/bundle.test.mjs.
import init, { analyze, segment, segmentColumns, cut, version } from 'speechlens';
import type { Analysis, SegmentColumns } from 'speechlens';
import { analyze as analyzeInWorker, compare as compareInWorker, segmentColumns as columnsInWorker, cut as cutInWorker, onProgress } from 'speechlens/engine';
import type { Stage } from 'speechlens/engine';
import 'speechlens/widget';

declare global {
  interface Window { report?: Report }
}
interface Report {
  error?: string;
  version?: string;
  headings?: string[];
  workerSame?: boolean;
  widgetSame?: boolean;
  /** segmentColumns (direct and through the worker) and cut say what segment says. */
  columnsSame?: boolean;
  workerColumnsSame?: boolean;
  cutSame?: boolean;
  /** The same text compared with itself in the worker: nothing new, nothing dropped. */
  compareSame?: boolean;
  stages?: Stage[];
}

async function main(): Promise<Report> {
  const lens = document.querySelector('speech-lens');
  if (!lens) throw new Error('no <speech-lens> in the page');
  const fromWidget = new Promise<Analysis>((resolve, reject) => {
    lens.addEventListener('speechlens-analyzed', (e) => resolve(e.detail), { once: true });
    lens.addEventListener('speechlens-error', (e) => reject(e.detail.error), { once: true });
  });
  const stages: Stage[] = [];
  onProgress((p) => stages.push(p.stage));

  // The widget reads its text from the <template>; analyse the same text the other two ways.
  const text = document.querySelector('speech-lens > template') as HTMLTemplateElement;
  const speech = (text.content.textContent ?? '').trim();
  await init();
  const direct: Analysis = analyze(speech);
  const inWorker: Analysis = await analyzeInWorker(speech);
  const widget = lens.result ?? (await fromWidget);
  const same = (a: Analysis) => JSON.stringify(a) === JSON.stringify(direct);
  const tokens = segment(speech);
  const asTokens = ({ starts, ends, tags, tagNames }: SegmentColumns) =>
    JSON.stringify(Array.from(starts, (start, i) => [speech.slice(start, ends[i]), start, ends[i], tagNames[tags[i]]]));
  const expected = JSON.stringify(tokens.map((t) => [t.word, t.start, t.end, t.pos]));
  const inWorkerColumns = await columnsInWorker(speech);
  const compared = await compareInWorker(speech, speech);
  return {
    version: version(),
    headings: direct.outline.sections.map((s) => s.heading),
    workerSame: same(inWorker),
    widgetSame: same(widget),
    columnsSame: asTokens(segmentColumns(speech)) === expected,
    workerColumnsSame: inWorkerColumns.starts instanceof Uint32Array && asTokens(inWorkerColumns) === expected,
    compareSame: compared.terms.every((t) => t.status === 'same') && compared.formulations.every((f) => f.status === 'kept'),
    cutSame: JSON.stringify(await cutInWorker(speech)) === JSON.stringify(cut(speech)) &&
      JSON.stringify(cut(speech)) === JSON.stringify(tokens.map((t) => t.word)),
    stages,
  };
}

main().then(
  (report) => { window.report = report; },
  (error: unknown) => { window.report = { error: String(error) }; },
);
