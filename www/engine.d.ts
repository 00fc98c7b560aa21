// Types for speechlens/engine: the analyses in a Web Worker, the renderers on the main thread.
import type { Analysis, Comparison, ConcordanceLine, DocumentSummary, Options, SegmentColumns, Token, TrendSeries } from './speechlens.js';
import type { CheckOptions, CheckResult } from './speechlens.js';
import * as speechlens from './speechlens.js';

export type Stage = 'idle' | 'loading' | 'dictionary' | 'ready' | 'error';
export interface Progress { stage: Stage; mode: 'worker' | 'main' | null; error?: unknown }
/**
 * Requests in the same lane supersede each other: an older one rejects with `kind: 'superseded'`.
 * Default lane: one per method; `null` never supersedes.
 */
export interface Control { lane?: unknown }
export type WasmSource = string | URL | Response | BufferSource | WebAssembly.Module;

export function configure(sources: { wasm?: WasmSource; worker?: string | URL | (() => Worker) | false }): void;
export function onProgress(listener: (progress: Progress) => void): () => void;
export function load(wasm?: WasmSource): Promise<typeof speechlens>;
export function analyze(text: string, options?: Options, control?: Control): Promise<Analysis>;
export function compare(a: string, b: string, options?: Options, control?: Control): Promise<Comparison>;
export function summarize(text: string, options?: Options, control?: Control): Promise<DocumentSummary>;
export function trend(texts: string[], terms: string[], options?: Options, control?: Control): Promise<TrendSeries[]>;
export function concordance(text: string, term: string, options?: Options, control?: Control): Promise<ConcordanceLine[]>;
export function termsCsv(text: string, options?: Options, control?: Control): Promise<string>;
export function check(text: string, options?: CheckOptions, control?: Control): Promise<CheckResult>;
export function segment(text: string, options?: Pick<Options, 'hmm'>, control?: Control): Promise<Token[]>;
export function segmentColumns(text: string, options?: Pick<Options, 'hmm'>, control?: Control): Promise<SegmentColumns>;
export function cut(text: string, options?: Pick<Options, 'hmm'>, control?: Control): Promise<string[]>;
export { speechlens };
