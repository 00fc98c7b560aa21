// Starts Debian's Chromium through playwright-core and serves dist/ on loopback.
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';

export const root = fileURLToPath(new URL('../../', import.meta.url));
export const out = join(root, 'tests/out');
mkdirSync(out, { recursive: true });

/** A browser and a server for dist/; call `close()` when done. */
export async function start() {
  const browser = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'speechlens-chromium-')), {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    viewport: { width: 1280, height: 900 },
  });
  const server = await serve(join(root, 'dist'));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return {
    browser, url,
    async close() { await browser.close(); server.close(); },
  };
}
