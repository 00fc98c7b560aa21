// Assembles the npm package (pkg/) from wasm-bindgen's output and pkg-config/, and the
// pages (dist/) from www/ and the package's browser build.
import { cpSync, mkdirSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...p) => join(root, ...p);

// wasm-bindgen's nodejs output is CommonJS; the package is "type": "module".
writeFileSync(at('pkg/node/package.json'), JSON.stringify({ type: 'commonjs' }) + '\n');
for (const f of readdirSync(at('pkg-config'))) cpSync(at('pkg-config', f), at('pkg', f));
cpSync(at('www/widget'), at('pkg/widget'), { recursive: true });

const escapeHtml = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
mkdirSync(at('dist'), { recursive: true });
cpSync(at('www'), at('dist'), { recursive: true });
for (const f of ['speechlens.js', 'speechlens_bg.wasm']) cpSync(at('pkg/web', f), at('dist', f));
const sample = readFileSync(at('tests/fixtures/seed-speech.txt'), 'utf8');
const page = readFileSync(at('www/index.html'), 'utf8').replace('<!--SAMPLE-->', () => escapeHtml(sample));
writeFileSync(at('dist/index.html'), page);
console.log('assembled pkg/ and dist/');
