export * from './node/speechlens.js';
/** Resolves at once in Node: the wasm is ready on import. Kept for code shared with the browser. */
export default function init(): Promise<unknown>;
