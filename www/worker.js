// The analysis worker (started by engine.js): instantiates the module the page already compiled,
// builds the dictionary when asked to warm up, and answers calls one at a time. Messages that
// arrive while the wasm is still starting wait for it, in order.
import init, * as speechlens from './speechlens.js';

const METHODS = new Set(['analyze', 'compare', 'summarize', 'trend', 'concordance', 'termsCsv', 'segment', 'segmentColumns', 'cut', 'warmup', 'check']);
let started;

/** What survives postMessage of an error: a trap means the instance is dead and must be replaced. */
function describe(error) {
  return {
    name: error?.name ?? 'Error',
    message: error?.message ?? String(error),
    kind: error?.kind ?? 'internal',
    trap: error instanceof WebAssembly.RuntimeError,
  };
}

self.onmessage = async ({ data }) => {
  if (data.type === 'start') {
    started = init({ module_or_path: data.module });
    try {
      await started;
      self.postMessage({ type: 'started' });
    } catch (error) {
      self.postMessage({ type: 'started', error: describe(error) });
    }
    return;
  }
  const { id, method, args } = data;
  try {
    await started;
    if (!METHODS.has(method)) throw new Error(`unknown method ${method}`);
    const result = speechlens[method](...args);
    // Typed arrays (segmentColumns) are handed over, not copied. Other results are plain data,
    // sent as JSON: the page's JSON.parse of a long text's analysis takes a third of the time
    // that rebuilding it from a structured clone takes, on the thread the reader is using.
    const buffers = Object.values(result ?? {}).filter(ArrayBuffer.isView).map((view) => view.buffer);
    if (buffers.length || typeof result !== 'object' || result === null) self.postMessage({ id, result }, buffers);
    else self.postMessage({ id, json: JSON.stringify(result) });
  } catch (error) {
    self.postMessage({ id, error: describe(error) });
  }
};
