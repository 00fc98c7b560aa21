// Runs first in dist/speechlens.html, the page as one file (scripts/assemble.mjs bundles it ahead
// of the page's own scripts): hands the engine the wasm inlined as base64 in the page, and a worker
// made from source bundled into this script, so nothing is fetched, not even from disk.
import { configure } from './engine.js';
import workerSource from 'speechlens:worker-source';

const base64 = document.getElementById('speechlens-wasm').textContent.trim();
const wasm = Uint8Array.fromBase64
  ? Uint8Array.fromBase64(base64)
  : Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
// A classic worker: Chromium will not start a module worker from a blob: URL in a file:// page.
const workerUrl = URL.createObjectURL(new Blob([workerSource], { type: 'text/javascript' }));
configure({ wasm, worker: () => new Worker(workerUrl) });
