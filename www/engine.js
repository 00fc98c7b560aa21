// The analysis engine the page and the widget share. The wasm is fetched and compiled once and
// the compiled module is instantiated twice: in a module Web Worker, which runs the analyses (and
// builds the jieba dictionary, so typing and scrolling never wait for it), and on the main thread,
// which only renders (`speechlens.renderText`, `renderTerms`, … need the DOM; they never touch the
// dictionary, so that instance stays small). Where no worker can start (a host page's CSP
// without worker-src, a browser without module workers), the analyses run on the main thread.
//
// A newer request supersedes an older one in the same lane: its promise rejects with an error
// whose `kind` is 'superseded' (callers ignore those), so a stale result never overwrites a
// fresh one. Each method has its own lane per caller; pass `{ lane }` to keep callers apart
// (the widget uses one lane per element) or `{ lane: null }` to never supersede.
import init, * as speechlens from './speechlens.js';

const sources = { wasm: undefined, worker: undefined };
let loading = null;
let backend = null;
let status = { stage: 'idle', mode: null };
const listeners = new Set();
const lanes = new Map();

/**
 * Where the engine finds its parts, before the first `load()`: `wasm` (URL, bytes, Response or
 * compiled module; default `speechlens_bg.wasm` next to this file) and `worker` (URL of worker.js
 * as a module worker, a function returning a started Worker, or `false` to analyse on the main
 * thread; default `worker.js` next to this file).
 */
export function configure({ wasm, worker } = {}) {
  if (loading) throw new Error('speechlens: configure() must come before load()');
  if (wasm !== undefined) sources.wasm = wasm;
  if (worker !== undefined) sources.worker = worker;
}

/**
 * Calls `listener({ stage, mode, error? })` now and on every change. Stages: 'idle', 'loading'
 * (fetching and compiling the wasm), 'dictionary' (building it; analyses wait for it), 'ready',
 * 'error'. `mode` is 'worker' or 'main'. Returns a function that stops the calls.
 */
export function onProgress(listener) {
  listeners.add(listener);
  listener(status);
  return () => listeners.delete(listener);
}

function report(change) {
  status = { ...status, ...change };
  for (const listener of listeners) listener(status);
}

/** Loads and starts the wasm once; every caller awaits the same promise, which resolves to the module. */
export function load(wasm) {
  if (wasm !== undefined && !loading) sources.wasm = wasm;
  loading ??= start().catch((error) => {
    report({ stage: 'error', error });
    throw error;
  });
  return loading;
}

async function start() {
  report({ stage: 'loading' });
  const module = await compile(sources.wasm ?? new URL('./speechlens_bg.wasm', import.meta.url));
  await init({ module_or_path: module });
  backend = (sources.worker !== false && (await startWorker(module))) || mainThread();
  report({ stage: 'dictionary', mode: backend.mode });
  backend.warmup().then(
    () => report({ stage: 'ready' }),
    (error) => report({ stage: 'error', error }),
  );
  return speechlens;
}

async function compile(source) {
  if (source instanceof WebAssembly.Module) return source;
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return WebAssembly.compile(source);
  const response = source instanceof Response ? source : await fetch(source);
  if (!response.ok) throw new Error(`speechlens: ${response.status} fetching ${response.url}`);
  try {
    return await WebAssembly.compileStreaming(response.clone());
  } catch {
    // Served without the application/wasm type: compile from the bytes instead.
    return WebAssembly.compile(await response.arrayBuffer());
  }
}

/** An error rebuilt from what crossed postMessage, keeping the wasm boundary's stable `kind`. */
function rebuild({ name, message, kind }) {
  return Object.assign(new Error(message), { name, kind });
}

function newWorker() {
  if (typeof sources.worker === 'function') return sources.worker();
  // Written out literally so bundlers that follow workers (Vite, webpack 5) see and emit worker.js.
  return sources.worker
    ? new Worker(sources.worker, { type: 'module' })
    : new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
}

/**
 * Resolves to a backend running in a worker, or to null if the worker cannot start. A worker
 * whose wasm traps (the instance is then unusable) is replaced by a fresh one for the next call.
 */
function startWorker(module) {
  let worker;
  let started;
  let nextId = 0;
  const pending = new Map();

  const spawn = () =>
    new Promise((resolve) => {
      let live = false;
      try {
        worker = newWorker();
      } catch {
        resolve(false);
        return;
      }
      worker.onmessage = ({ data }) => {
        if (data.type === 'started') {
          live = !data.error;
          return resolve(live);
        }
        const call = pending.get(data.id);
        if (!call) return;
        pending.delete(data.id);
        if (data.error) call.reject(rebuild(data.error));
        else call.resolve('json' in data ? JSON.parse(data.json) : data.result);
        if (data.error?.trap) restart(rebuild(data.error));
      };
      worker.onerror = (event) => {
        event.preventDefault();
        if (live) restart(new Error(`speechlens worker: ${event.message ?? 'failed'}`));
        else resolve(false);
      };
      worker.postMessage({ type: 'start', module });
    });

  const restart = (error) => {
    worker.terminate();
    for (const call of pending.values()) call.reject(error);
    pending.clear();
    started = spawn();
  };

  const call = (method, args) =>
    started.then(
      () =>
        new Promise((resolve, reject) => {
          const id = ++nextId;
          pending.set(id, { resolve, reject });
          worker.postMessage({ id, method, args });
        }),
    );

  started = spawn();
  return started.then((ok) => {
    if (!ok) {
      worker?.terminate();
      return null;
    }
    return { mode: 'worker', call, warmup: () => call('warmup', []) };
  });
}

function mainThread() {
  const call = async (method, args) => speechlens[method](...args);
  // Building the dictionary blocks the main thread here; let the page paint its progress first.
  const warmup = () => new Promise((resolve) => setTimeout(resolve, 0)).then(() => call('warmup', []));
  return { mode: 'main', call, warmup };
}

function superseded() {
  return Object.assign(new Error('superseded by a newer request'), { name: 'AbortError', kind: 'superseded' });
}

/** Runs `method` in the backend; in a lane, only the newest request's result is delivered. */
async function request(method, args, lane) {
  await load();
  if (lane === null) return backend.call(method, args);
  let byMethod = lanes.get(lane);
  if (!byMethod) lanes.set(lane, (byMethod = new Map()));
  let queue = byMethod.get(method);
  if (!queue) byMethod.set(method, (queue = { busy: false, latest: 0, waiting: null }));
  const ticket = ++queue.latest;
  if (queue.busy) {
    // One request runs at a time per lane; of those waiting, only the newest is kept.
    queue.waiting?.reject(superseded());
    await new Promise((resolve, reject) => {
      queue.waiting = { resolve, reject };
    });
  }
  queue.busy = true;
  try {
    const result = await backend.call(method, args);
    if (ticket !== queue.latest) throw superseded();
    return result;
  } finally {
    const next = queue.waiting;
    queue.waiting = null;
    if (next) {
      next.resolve(); // the lane stays busy: handed over to the newest request
    } else {
      byMethod.delete(method);
      if (byMethod.size === 0) lanes.delete(lane);
    }
  }
}

const laneOf = (control) => (control && 'lane' in control ? control.lane : 'default');

/** The full analysis of `text` (see `Analysis` in speechlens.d.ts). */
export function analyze(text, options, control) {
  return request('analyze', [text, options], laneOf(control));
}

/** `text` in a line, as the corpus view lists it (see `DocumentSummary` in speechlens.d.ts). */
export function summarize(text, options, control) {
  return request('summarize', [text, options], laneOf(control));
}

/** Each of `terms` across `texts`, per 10,000 Han characters of each speech (see `trend` in speechlens.d.ts). */
export function trend(texts, terms, options, control) {
  return request('trend', [texts, terms, options], laneOf(control));
}

/** What changed from `a` to `b` (see `Comparison` in speechlens.d.ts). */
export function compare(a, b, options, control) {
  return request('compare', [a, b, options], laneOf(control));
}

/** Every occurrence of `term` in the speech, with context either side. */
export function concordance(text, term, options, control) {
  return request('concordance', [text, term, options], laneOf(control));
}

/** The term table as CSV. */
export function termsCsv(text, options, control) {
  return request('termsCsv', [text, options], laneOf(control));
}

/** What a careful editor would flag in `text` (see `CheckResult` in speechlens.d.ts). */
export function check(text, options, control) {
  return request('check', [text, options], laneOf(control));
}

/** The words of `text` with their spans and parts of speech. */
export function segment(text, options, control) {
  return request('segment', [text, options], laneOf(control));
}

/** The words of `text` as columns of typed arrays: the fast form of `segment` (see `SegmentColumns`). */
export function segmentColumns(text, options, control) {
  return request('segmentColumns', [text, options], laneOf(control));
}

/** The words of `text` only, as jieba-wasm's `cut` gives them. */
export function cut(text, options, control) {
  return request('cut', [text, options], laneOf(control));
}

export { speechlens };
