// Node ESM entry: the CommonJS build instantiates the wasm synchronously, so everything is
// usable right after `import`. `init` exists so code written for the browser (`await init()`)
// runs unchanged; here it has nothing left to do.
import { createRequire } from 'node:module';

const speechlens = createRequire(import.meta.url)('./node/speechlens.js');

export const { analyze, compare, summarize, segment, segmentColumns, cut, concordance, termsCsv, warmup, version, Analyzer } = speechlens;
export const { check, checkCsv } = speechlens;

export default async function init() {
  return speechlens;
}
