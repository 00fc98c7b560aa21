// Shared steps for the page tests: open the standalone page and wait for an analysis.
import { join } from 'node:path';
import { out } from './harness.mjs';

/** Opens dist/index.html (`?lang=en` when asked) and waits for the sample speech's panels. */
export async function openPage(env, { lang, width = 1280, height = 900 } = {}) {
  const page = await env.browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // The page's CSP allows no inline style or script: a violation would mean something broke under it.
  page.on('console', (m) => { if (/Content Security Policy/.test(m.text())) errors.push(m.text()); });
  await page.setViewportSize({ width, height });
  await page.goto(env.url + (lang ? `?lang=${lang}` : ''));
  await page.waitForSelector('#terms table', { timeout: 30000 });
  await settled(page);
  return { page, errors };
}

/** Waits until the status line reports a finished (or failed) analysis. */
export async function settled(page) {
  await page.waitForFunction(
    () => /完成|Analysed|失败|failed|请粘贴|Paste or open/.test(document.querySelector('speech-lens').shadowRoot.getElementById('status').textContent),
    null,
    { timeout: 60000 },
  );
}

/** Makes the next analysis observable: clears the status line, runs `action`, waits for the new status. */
export async function reanalysed(page, action) {
  await page.$eval('#status', (el) => { el.textContent = ''; });
  await action();
  await settled(page);
}

export const shot = (page, name) => page.screenshot({ path: join(out, `${name}.png`) });

/** The term column of the table, top to bottom. */
export const tableTerms = (page) => page.$$eval('#terms tbody button.term', (b) => b.map((x) => x.textContent));

/** RFC 4180: quoted cells may hold commas, quotes ("") and line breaks; rows end in CRLF. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i++; }
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(cell); cell = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(cell); rows.push(row); row = []; cell = ''; i++; }
    else cell += c;
  }
  if (cell || row.length) rows.push([...row, cell]);
  return rows;
}

/** Drops `files` ({ name, text }) on the element at `selector`, as a user drags them from a folder. */
export async function drop(page, selector, files) {
  await page.$eval(selector, (target, list) => {
    const data = new DataTransfer();
    for (const { name, text } of list) data.items.add(new File([text], name, { type: 'text/plain' }));
    target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, composed: true, cancelable: true }));
  }, files);
}
