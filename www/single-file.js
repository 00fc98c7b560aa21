// Runs first in dist/speechlens.html, the page as one file (scripts/assemble.mjs bundles it ahead
// of the page's own scripts): hands the engine the wasm inlined in the page, and a worker
// made from source bundled into this script, so nothing is fetched, not even from disk.
import { configure } from './engine.js';
import workerSource from 'speechlens:worker-source';

// The wasm is gzipped before base64 (a third of the page's size): the browser's own
// DecompressionStream inflates it as it compiles.
const base64 = document.getElementById('speechlens-wasm').textContent.trim();
const gzipped = Uint8Array.fromBase64
  ? Uint8Array.fromBase64(base64)
  : Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
const wasm = new Response(new Blob([gzipped]).stream().pipeThrough(new DecompressionStream('gzip')), {
  headers: { 'content-type': 'application/wasm' },
});
// A classic worker: Chromium will not start a module worker from a blob: URL in a file:// page.
const workerUrl = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
configure({ wasm, worker: () => new Worker(workerUrl) });
