// Small helpers the benchmark's halves share.
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

export function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Raw, gzip -9 and brotli -11 bytes of a file's contents: what a server would send. */
export function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

/**
 * Unmeasured runs before a text's warmed figure: V8 runs new wasm code unoptimised first and
 * optimises a function once it has run enough, so the first runs of a page are slower (speechlens's
 * analysis, much more code than a cut, took about 18 runs of the work report to settle).
 */
export const WARM_RUNS = 20;
