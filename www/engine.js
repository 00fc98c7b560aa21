// The analysis engine the page and the widget share: one wasm instance per page, started as
// soon as this module loads so the dictionary is ready by the time the user pastes.
import init, * as speechlens from './speechlens.js';

let ready = null;

/** Loads and starts the wasm once; every caller awaits the same promise. */
export function load(wasmUrl) {
  ready ??= init(wasmUrl ? { module_or_path: wasmUrl } : undefined).then(() => speechlens);
  return ready;
}

export async function analyze(text, options) {
  return (await load()).analyze(text, options);
}

export async function concordance(text, term, options) {
  return (await load()).concordance(text, term, options);
}

export async function termsCsv(text, options) {
  return (await load()).termsCsv(text, options);
}

export { speechlens };
