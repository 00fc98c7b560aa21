// Assembles the npm package (pkg/) from wasm-bindgen's output, pkg-config/ and the shared browser
// modules of www/, and the pages (dist/) from www/: the served page, the widget demo, and the page
// as one self-contained file (dist/speechlens.html).
import { cpSync, mkdirSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...p) => join(root, ...p);

// The browser modules beside wasm-bindgen's glue, in pkg/web/ as in dist/, so their relative
// imports ('./speechlens.js', '../engine.js') hold in both. The widget demo stays out of the package.
const SHARED = ['engine.js', 'engine.d.ts', 'worker.js'];
const WIDGET = ['speech-lens.js', 'speech-lens.css.js', 'speech-lens.d.ts'];
/** Used only to build dist/speechlens.html. */
const SINGLE_FILE_ONLY = ['single-file.js'];

// wasm-bindgen's nodejs output is CommonJS; the package is "type": "module".
writeFileSync(at('pkg/node/package.json'), JSON.stringify({ type: 'commonjs' }) + '\n');
for (const f of readdirSync(at('pkg-config'))) cpSync(at('pkg-config', f), at('pkg', f));
for (const f of SHARED) cpSync(at('www', f), at('pkg/web', f));
mkdirSync(at('pkg/web/widget'), { recursive: true });
for (const f of WIDGET) cpSync(at('www/widget', f), at('pkg/web/widget', f));

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
mkdirSync(at('dist'), { recursive: true });
cpSync(at('www'), at('dist'), { recursive: true, filter: (src) => !SINGLE_FILE_ONLY.some((f) => src.endsWith(f)) });
for (const f of ['speechlens.js', 'speechlens_bg.wasm']) cpSync(at('pkg/web', f), at('dist', f));
const sample = readFileSync(at('tests/fixtures/seed-speech.txt'), 'utf8');
const withSample = (file) => readFileSync(at('www', file), 'utf8').replace('<!--SAMPLE-->', () => escapeHtml(sample));
const page = withSample('index.html');
writeFileSync(at('dist/index.html'), page);
writeFileSync(at('dist/widget/demo.html'), withSample('widget/demo.html'));
writeFileSync(at('dist/speechlens.html'), await singleFile(page));
console.log('assembled pkg/ and dist/ (with speechlens.html)');

/**
 * The page with its stylesheets, scripts and wasm inlined. Its CSP, and why each directive is what it is:
 * - `default-src 'none'`, `connect-src 'none'`: the page fetches nothing, not even from disk; the
 *   wasm is in the page as gzip in base64, inflated and compiled in memory, so no directive has to allow a fetch.
 * - `script-src 'sha256-…' 'wasm-unsafe-eval'`: only the one inlined script, pinned by its hash (no
 *   'unsafe-inline'); 'wasm-unsafe-eval' is what WebAssembly.compile needs, and allows nothing else.
 * - `worker-src blob:`: the analysis worker is made from source bundled into that hashed script; a
 *   blob: URL is the only way to start a worker without a request. Blob workers inherit this policy.
 * - `style-src 'sha256-…'`: the inlined stylesheet only; no style attributes (the renderers set their
 *   few computed values through the CSSOM, which CSP does not govern).
 * - `base-uri`, `form-action`, `object-src` 'none': nothing for injected markup to redirect or embed.
 * `frame-ancestors` cannot be set from a meta tag; a file opened from disk has no framing site anyway.
 */
async function singleFile(html) {
  const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  const styleHashes = [];
  html = html.replace(/<link rel="stylesheet" href="([^"]+)">/g, (_, href) => {
    const css = readFileSync(at('www', href), 'utf8');
    styleHashes.push(sha256(css));
    return `<style>${css}</style>`;
  });

  const scripts = [...html.matchAll(/<script type="module" src="([^"]+)"><\/script>\n?/g)];
  if (scripts.length === 0) throw new Error('single file: no module script in www/index.html');
  // A classic script (iife): the page starts it from a blob: URL, where module workers fail from file://.
  // The glue's default wasm URL needs import.meta, but the worker is always handed the compiled module.
  const worker = await bundle({
    entryPoints: [at('www/worker.js')], format: 'iife', logOverride: { 'empty-import-meta': 'silent' },
  });
  const entry = ['./single-file.js', ...scripts.map((m) => `./${m[1]}`)].map((s) => `import ${JSON.stringify(s)};`);
  const code = await bundle({
    stdin: { contents: entry.join('\n'), resolveDir: at('www'), sourcefile: 'speechlens.html' },
    plugins: [virtualModule('speechlens:worker-source', `export default ${JSON.stringify(worker)};`)],
  });
  if (/<\/script/i.test(code)) throw new Error('single file: the bundle contains "</script"');
  for (const m of scripts.slice(1)) html = html.replace(m[0], '');
  html = html.replace(scripts[0][0], () => `<script type="module">${code}</script>\n`);

  const wasm = gzipSync(readFileSync(at('pkg/web/speechlens_bg.wasm')), { level: 9 }).toString('base64');
  html = html.replace('</body>', () => `<script type="application/gzip-base64" id="speechlens-wasm">${wasm}</script>\n</body>`);

  const csp = [
    "default-src 'none'",
    `script-src ${sha256(code)} 'wasm-unsafe-eval'`,
    'worker-src blob:',
    `style-src ${styleHashes.join(' ') || "'none'"}`,
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join('; ');
  const meta = /<meta http-equiv="Content-Security-Policy" content="[^"]*">/;
  if (!meta.test(html)) throw new Error('single file: www/index.html has no CSP meta tag to replace');
  html = html.replace(meta, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`);

  const leftover = html.match(/<(?:link|img|script|iframe)\b[^>]*\b(?:src|href)=/i);
  if (leftover) throw new Error(`single file: still refers to another file: ${leftover[0]}`);
  return html;
}

/**
 * One ES module with every import inlined; left readable, so anyone can check what the page does.
 * www/ imports wasm-bindgen's glue as './speechlens.js', which exists only in the build output.
 */
async function bundle({ plugins = [], ...options }) {
  const glue = {
    name: 'glue',
    setup(b) {
      b.onResolve({ filter: /^\.\/speechlens\.js$/ }, () => ({ path: at('pkg/web/speechlens.js') }));
    },
  };
  const result = await build({
    bundle: true, write: false, format: 'esm', target: 'es2022', legalComments: 'none',
    plugins: [glue, ...plugins], ...options,
  });
  return result.outputFiles[0].text;
}

function virtualModule(name, contents) {
  return {
    name,
    setup(b) {
      b.onResolve({ filter: new RegExp(`^${name}$`) }, () => ({ path: name, namespace: 'virtual' }));
      b.onLoad({ filter: /.*/, namespace: 'virtual' }, () => ({ contents, loader: 'js' }));
    },
  };
}
