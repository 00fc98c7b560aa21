// <speech-lens>: the one view of speechlens. The standalone page is this element in a page layout
// (www/index.html); a site drops the same element into an article. The wasm renders the text view
// and the panels into the shadow root (src/render/); engine.js, shared by every instance, runs
// the analyses in one worker. This file is the shell: state, events, files, storage, downloads.
// Every word it shows comes from the one label table (data/labels.tsv, as ../labels.js).
import { load, analyze, compare, summarize, trend, concordance, termsCsv, onProgress, speechlens } from '../engine.js';
import { check } from '../engine.js';
import { LABELS } from '../labels.js';
import { css } from './speech-lens.css.js';

const PANELS = ['input', 'text', 'terms', 'slogans', 'outline', 'check', 'compare', 'corpus'];
const TABS = ['terms', 'slogans', 'outline', 'check', 'compare', 'corpus'];
/** The check's findings marked in the text view at most (the panel lists them all). */
const MAX_CHECK_MARKS = 2_000;
/** Pause in typing before the text is analysed again. */
const DEBOUNCE_MS = 400;
/** Rows of the term table per page (a page of a long text's terms draws within a frame's budget); the pager walks through the rest, the CSV holds them all. */
const TABLE_ROWS = 100;
/** The analysis keeps every term (its own default stops at 500): every one must be reachable. */
const ALL_TERMS = 1_000_000;
const CHART_BARS = 20;
const CLOUD_WORDS = 60;
/** What `remember` keeps, in this browser's localStorage only, and only when the user ticks it. */
const STORAGE = { text: 'speechlens:text', words: 'speechlens:words' };

let sheet;
function styles() {
  // One constructed sheet for every instance; constructed sheets need no 'unsafe-inline' in a host page's CSP.
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

/** `key`'s words in `lang`: `{0}`… filled from `args`; an English `a|b` is singular|plural by `args[0]`. */
export function say(lang, key, ...args) {
  const entry = LABELS[key];
  if (!entry) return key;
  let text = entry[lang === 'en' ? 1 : 0];
  if (text.includes('|')) text = text.split('|')[Number(args[0]) === 1 ? 0 : 1];
  return text.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ''));
}

const download = (name, type, content) => {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
};

/**
 * `name` made safe as a file name on every system: no path or reserved characters, no leading or
 * trailing dot, at most 60 characters (whole ones); `speechlens` when nothing is left.
 */
function fileStem(name) {
  const stem = String(name ?? '').replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ')
    .replace(/\s+/g, ' ').replace(/^[\s.]+|[\s.]+$/g, '');
  return [...stem].slice(0, 60).join('').trim() || 'speechlens';
}

const isTextFile = (file) => file.type.startsWith('text/') || /\.txt$/i.test(file.name);
const fileText = async (file) => decode(new Uint8Array(await file.arrayBuffer()));

/** A .txt file's text: UTF-8 (with or without BOM) or UTF-16 by BOM, else GB18030 (older Chinese files). */
function decode(bytes) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

/** How often the corpus table is redrawn while its documents are analysed. */
const CORPUS_REDRAW_MS = 300;

/** The most terms a trend draws at once: more lines than that cannot be told apart. */
const MAX_TREND_TERMS = 6;

/**
 * The documents of a .jsonl file: a line's `text`, named by its `name`, else its `title`, else its `id`,
 * else `file:line`, dated by its `date` when it has one (the command line's rule too).
 */
function jsonlDocuments(fileName, content, skipped) {
  const documents = [];
  for (const [i, line] of content.split('\n').entries()) {
    if (!line.trim()) continue;
    try {
      const row = JSON.parse(line);
      if (typeof row?.text !== 'string') throw new Error('no "text"');
      const name = String(row.name ?? row.title ?? row.id ?? `${fileName}:${i + 1}`);
      documents.push({ name, text: row.text, ...(typeof row.date === 'string' && { date: row.date }) });
    } catch (error) {
      skipped.push([`${fileName}:${i + 1}`, messageOf(error)]);
    }
  }
  return documents;
}

/**
 * The date a file's name gives, when its text gives none: gwr2015.txt → 2015, 2020-05-17.txt and
 * 20200517.txt → 2020-05-17, report-2019-03.txt → 2019-03. Not a run of more digits (202005171200),
 * nor a number outside 1900–2099.
 */
function nameDate(name) {
  const found = /(?<!\d)((?:19|20)\d\d)(?:[-_.]?(0[1-9]|1[0-2])(?:[-_.]?(0[1-9]|[12]\d|3[01]))?)?(?!\d)/.exec(name);
  return found ? found.slice(1).filter(Boolean).join('-') : undefined;
}

/** Documents in date order (a year before its months, a month before its days), the undated last, in the order they came. */
const byDate = (x, y) => order(x.summary.date ?? '\uffff', y.summary.date ?? '\uffff') || x.index - y.index;
const order = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** The keywords most documents share: a first trend worth looking at. */
function commonKeywords(documents, count = 3) {
  const tally = new Map();
  for (const { summary } of documents) for (const k of summary.keywords) tally.set(k, (tally.get(k) ?? 0) + 1);
  return [...tally].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0])).slice(0, count).map(([k]) => k);
}

/** A word the user may add: 1–20 characters, no spaces or line breaks. */
const wordOf = (text) => {
  const word = (text ?? '').trim();
  return word && [...word].length <= 20 && !/\s/.test(word) ? word : null;
};

const splitWords = (value) => (value ?? '').split(/[\s,，、;；]+/).filter(Boolean);
const messageOf = (error) => error?.message ?? String(error);
const ignorable = (error) => error?.kind === 'superseded';

/** Fixed markup only, labelled later: user text never goes through innerHTML. */
function skeleton() {
  const tabs = TABS.map((t) =>
    `<button type="button" role="tab" part="tab" id="tab-${t}" data-tab="${t}" aria-controls="panel-${t}" data-word="${t}"></button>`).join('');
  const csv = (id) => `<button type="button" id="${id}" class="quiet" data-word="csv"></button>`;
  return `<div class="lens" id="container" part="container">
<section class="source" data-panel="input" aria-labelledby="input-label">
  <div class="row-head">
    <label id="input-label" for="input" data-word="input"></label>
    <button type="button" id="open" class="quiet" data-word="open"></button>
    <input type="file" id="file" accept=".txt,text/plain" hidden>
  </div>
  <textarea id="input" part="input" lang="zh-CN" spellcheck="false" aria-describedby="input-hint"></textarea>
  <p id="input-hint" class="hint" data-word="inputHint"></p>
  <div class="actions">
    <button type="button" id="analyze" data-word="analyze"></button>
    <button type="button" id="clear" class="quiet" data-word="clear"></button>
    <label class="check" id="remember-box" hidden><input type="checkbox" id="remember"> <span data-word="remember"></span></label>
    <button type="button" id="forget" class="quiet" hidden data-word="forget"></button>
  </div>
</section>
<div class="bar" part="bar"><p id="status" class="status" role="status" aria-live="polite" part="status"></p>
  <progress part="progress" hidden></progress></div>
<p id="stats" class="stats" part="stats"></p>
<div class="body">
  <section class="reading" data-panel="text" aria-labelledby="text-label">
    <div class="row-head">
      <h2 id="text-label" data-word="textView"></h2>
      <button type="button" id="fold-text" class="quiet" aria-controls="text" aria-expanded="true" data-word="hideText"></button>
      <label class="check"><input type="checkbox" id="keep-removed"> <span data-word="keepRemoved"></span></label>
    </div>
    <div class="word-tools">
      <button type="button" id="add-selection" class="quiet" disabled><span data-word="asOneWord"></span><span id="selection" class="selection"></span></button>
      <form id="word-form" class="word-form">
        <input id="word-input" type="text" maxlength="20" autocomplete="off" data-word-placeholder="wordPlaceholder" data-word-label="wordPlaceholder">
        <button type="submit" class="quiet" data-word="addWord"></button>
      </form>
      <div id="words"></div>
    </div>
    <div id="text" class="text text-view" part="text" lang="zh-CN" tabindex="0" role="region" aria-labelledby="text-label"></div>
  </section>
  <section class="results" id="results" part="results" tabindex="-1" aria-labelledby="results-label">
    <h2 id="results-label" class="visually-hidden" data-word="results"></h2>
    <div role="tablist" part="tabs" data-word-label="results">${tabs}</div>
    <div role="tabpanel" part="panel" id="panel-terms" aria-labelledby="tab-terms" tabindex="0">
      <h2 class="print-only" data-word="terms"></h2>
      <div class="toolbar">
        <label><span data-word="posFilter"></span>
          <select id="pos"><option value="all" data-word="posAll"></option><option value="nouns" data-word="posNouns"></option><option value="verbs" data-word="posVerbs"></option></select>
        </label>
        <label class="check"><input type="checkbox" id="singles"> <span data-word="singles"></span></label>
        <span class="spacer"></span>
        ${csv('csv')}
        <button type="button" id="json" class="quiet" data-word="json"></button>
      </div>
      <form id="search-form" class="search-form" role="search">
        <input id="search" type="search" lang="zh-CN" autocomplete="off" data-word-placeholder="searchPlaceholder" data-word-label="searchPlaceholder">
        <button type="submit" class="quiet" data-word="search"></button>
      </form>
      <div id="kwic-box" class="kwic-box" part="kwic" hidden>
        <div class="kwic-tools">${csv('kwic-csv')}<button type="button" id="kwic-close" class="quiet close" data-word-label="closeKwic">×</button></div>
        <div id="kwic" class="kwic kwic-view" tabindex="0" role="region" data-word-label="kwic"></div>
      </div>
      <details open><summary data-word="topTerms"></summary><div id="chart" class="chart"></div></details>
      <details open><summary data-word="cloud"></summary><div id="cloud"></div></details>
      <h3 data-word="termTable"></h3>
      <div id="terms" class="terms"></div>
    </div>
    <div role="tabpanel" part="panel" id="panel-slogans" aria-labelledby="tab-slogans" tabindex="0" hidden>
      <h2 class="print-only" data-word="slogans"></h2>
      <div class="toolbar"><span class="spacer"></span>${csv('slogans-csv')}</div>
      <div id="slogans" class="slogans"></div>
    </div>
    <div role="tabpanel" part="panel" id="panel-outline" aria-labelledby="tab-outline" tabindex="0" hidden>
      <h2 class="print-only" data-word="outline"></h2>
      <div class="toolbar"><span class="spacer"></span>${csv('outline-csv')}</div>
      <div id="outline" class="outline"></div>
    </div>
    <div role="tabpanel" part="panel" id="panel-check" aria-labelledby="tab-check" tabindex="0" hidden>
      <h2 class="print-only" data-word="check"></h2>
      <p class="hint" data-word="checkHint"></p>
      <div class="toolbar"><span class="spacer"></span>${csv('check-csv')}<button type="button" id="check-json" class="quiet" data-word="json"></button></div>
      <div id="findings" class="check-findings"></div>
    </div>
    <div role="tabpanel" part="panel" id="panel-compare" aria-labelledby="tab-compare" tabindex="0" hidden>
      <h2 class="print-only" data-word="compare"></h2>
      <label for="compare-input" data-word="compareInput"></label>
      <textarea id="compare-input" class="compare-input" lang="zh-CN" spellcheck="false" aria-describedby="compare-hint"></textarea>
      <p id="compare-hint" class="hint" data-word="compareHint"></p>
      <div class="toolbar"><button type="button" id="compare-run" data-word="compareWith"></button>
        <button type="button" id="compare-swap" class="quiet" data-word="compareSwap"></button>
        <button type="button" id="compare-open" class="quiet" data-word="open"></button><input type="file" id="compare-file" accept=".txt,text/plain" hidden>
        <span class="spacer"></span>${csv('compare-csv')}<button type="button" id="compare-json" class="quiet" data-word="json"></button></div>
      <div id="compare-kwic" class="compare-kwic" hidden><div id="kwic-a" class="kwic-view"></div><div id="kwic-b" class="kwic-view"></div></div>
      <div id="comparison" class="comparison"></div>
    </div>
    <div role="tabpanel" part="panel" id="panel-corpus" aria-labelledby="tab-corpus" tabindex="0" hidden>
      <h2 class="print-only" data-word="corpus"></h2>
      <p class="hint" data-word="corpusHint"></p>
      <div class="toolbar"><button type="button" id="corpus-open" data-word="corpusOpen"></button>
        <input type="file" id="corpus-files" accept=".txt,.jsonl,text/plain" multiple hidden>
        <span class="spacer"></span>${csv('corpus-csv')}</div>
      <progress id="corpus-progress" hidden></progress>
      <div id="trend-box" hidden>
        <form id="trend-form" class="search-form">
          <label for="trend-input" data-word="trendInput"></label>
          <input id="trend-input" type="search" lang="zh-CN" autocomplete="off">
          <button type="submit" class="quiet" data-word="trendShow"></button>
        </form>
        <p class="help" data-word="trendHelp"></p>
        <div id="trend" class="trend"></div>
      </div>
      <div id="corpus" class="corpus"></div>
    </div>
  </section>
</div>
</div>`;
}

export class SpeechLensElement extends HTMLElement {
  static observedAttributes = ['lang', 'text', 'panels', 'user-words', 'remember'];

  #root;
  #initialised = false;
  #text = null;
  /** The analysis on screen and the text it describes (typing may have moved on since). */
  #result = null;
  #analysed = '';
  /** The name of the file (or corpus document) the text came from, null for a text typed or pasted. */
  #source = null;
  /** Likewise for the earlier text of the compare panel. */
  #compareSource = null;
  #sort = 'count';
  #offset = 0;
  /** Words the user added in the page (the `user-words` attribute adds to them). */
  #added = [];
  /** What the text view highlights beyond the analysis's own marks: { kind, spans, current? }. */
  #highlight = null;
  /** The concordance open: a term's, or a searched string's (`anywhere`), and its lines. */
  #kwic = null;
  #status = { parts: [], isError: false };
  /** The draft check of the text analysed (`check`'s result; null until its tab is opened), and the rules switched off for this text. */
  #check = null;
  #ignored = new Set();
  /** The comparison on screen, the two texts it compares and the files they came from: { a, b, result, sources }, `a` the earlier, `b` this text. */
  #comparison = null;
  /** The term whose concordance the compare panel shows in both texts. */
  #compareTerm = null;
  #compareTimer = 0;
  /** The corpus: its documents in date order, each { name, text, summary, index } (`index`: the order they came in). */
  #corpus = [];
  /** The corpus table's order, as its headers set it (`renderCorpus`'s `sort`). */
  #corpusSort = 'date';
  /** The terms followed across the corpus, as drawn: [{ term, values }]. */
  #trend = [];
  /** Counts corpora opened, so that a newer one stops an older one's analyses. */
  #corpusRuns = 0;
  /** Counts drawings of the result, so that a newer one stops an older one part way. */
  #generation = 0;
  /** Counts analyses started, so that only the newest shows its outcome. */
  #runs = 0;
  #timer = 0;
  #latest = null;
  #readyFired = false;
  #stopProgress = null;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [styles()];
    this.#root.innerHTML = skeleton();
    this.#wire();
  }

  #$(id) {
    return this.#root.getElementById(id);
  }

  connectedCallback() {
    if (!this.#initialised) {
      // Properties set before the element was defined sit on the instance, hiding the accessors.
      for (const name of ['text', 'panels', 'userWords']) {
        if (!Object.hasOwn(this, name)) continue;
        const value = this[name];
        delete this[name];
        this[name] = value;
      }
      this.#initialised = true;
      this.#restore();
      this.#text ??= this.getAttribute('text') ?? this.#childText();
      this.#$('input').value = this.#text;
    }
    this.#applyRemember();
    this.#applyLanguage();
    this.#applyPanels();
    this.#stopProgress ??= onProgress((p) => this.#showProgress(p));
    load().then(
      () => {
        if (!this.#readyFired) {
          this.#readyFired = true;
          this.dispatchEvent(new CustomEvent('speechlens-ready', { bubbles: true, composed: true }));
        }
        if (!this.#result && !this.#latest) this.analyze().catch(() => {});
      },
      (error) => this.#setStatus([['loadFailed'], messageOf(error)], true),
    );
  }

  disconnectedCallback() {
    clearTimeout(this.#timer);
    this.#stopProgress?.();
    this.#stopProgress = null;
  }

  attributeChangedCallback(name, old, value) {
    if (old === value || !this.#initialised) return;
    if (name === 'text') this.text = value ?? '';
    else if (name === 'lang') this.#applyLanguage();
    else if (name === 'panels') this.#applyPanels();
    else if (name === 'remember') this.#applyRemember();
    else if (name === 'user-words') this.#schedule();
  }

  /** Initial text from a child `<template>` or `<textarea>` (the textarea also shows it before the script runs). */
  #childText() {
    const child = this.querySelector(':scope > template, :scope > textarea');
    if (!child) return '';
    return child instanceof HTMLTemplateElement ? child.content.textContent.trim() : child.value;
  }

  // ---- public API ----------------------------------------------------------------------

  /** The text being analysed (as the input holds it). Setting it re-analyses; it is not written back to the attribute (speeches are long). */
  get text() {
    return this.#initialised ? this.#$('input').value : this.#text ?? '';
  }

  set text(value) {
    this.#text = String(value ?? '');
    this.#source = null;
    this.#ignored.clear();
    this.#$('input').value = this.#text;
    if (this.#initialised) this.#schedule(0);
  }

  /** Which parts show, in any order: input text terms slogans outline compare corpus (default: all). */
  get panels() {
    return this.getAttribute('panels') ?? PANELS.join(' ');
  }

  set panels(value) {
    this.setAttribute('panels', Array.isArray(value) ? value.join(' ') : String(value));
  }

  /** Words to keep whole: the `user-words` attribute's (spaces, commas or 、 between) and those added in the view. */
  get userWords() {
    return [...new Set([...splitWords(this.getAttribute('user-words')), ...this.#added])];
  }

  set userWords(value) {
    this.setAttribute('user-words', Array.isArray(value) ? value.join(',') : String(value));
  }

  /** The last analysis (null before the first). */
  get result() {
    return this.#result;
  }

  /** Analyses `text` (or the current text) now; resolves to the result of the newest analysis. */
  analyze(text) {
    if (text !== undefined) {
      this.#text = String(text);
      this.#$('input').value = this.#text;
    }
    clearTimeout(this.#timer);
    const run = this.#run();
    this.#latest = run;
    return run;
  }

  /** Opens a .txt file (UTF-8, UTF-16 or GB18030) as the text, as the file button and dropping do. */
  async openFile(file) {
    const text = await this.#readText(file);
    if (text === null) return;
    this.#text = text;
    this.#source = file.name;
    this.#ignored.clear();
    this.#$('input').value = text;
    this.#setStatus([['opened', file.name]]);
    await this.analyze().catch(() => {});
  }

  /** Opens a .txt file as the text to compare with (B), and compares. */
  async openCompareFile(file) {
    const text = await this.#readText(file);
    if (text === null) return;
    this.#$('compare-input').value = text;
    this.#compareSource = file.name;
    this.#selectTab('compare');
    await this.#compare();
  }

  /** Opens dropped or chosen files: one as the text, several as a corpus. */
  async openFiles(files) {
    if (files.length > 1) await this.openCorpus(files);
    else await this.openFile(files[0]);
  }

  /** A file's text, or null (and a message) when it is no text file. */
  async #readText(file) {
    if (!file) return null;
    if (!isTextFile(file)) {
      this.#setStatus([['notText', file.name]], true);
      return null;
    }
    return fileText(file);
  }

  // ---- analysis ------------------------------------------------------------------------

  get #lang() {
    const lang = this.getAttribute('lang') ?? this.closest('[lang]')?.getAttribute('lang') ?? 'zh';
    return lang.toLowerCase().startsWith('en') ? 'en' : 'zh';
  }

  #say(key, ...args) {
    return say(this.#lang, key, ...args);
  }

  /** The options every call shares, so the table, the concordance and the CSV agree. */
  #options() {
    const words = this.userWords;
    return {
      pos: this.#$('pos').value,
      minChars: this.#$('singles').checked ? 1 : 2,
      keepRemoved: this.#$('keep-removed').checked,
      maxTerms: ALL_TERMS,
      ...(words.length ? { userWords: words } : {}),
    };
  }

  async #run() {
    const run = ++this.#runs;
    const text = this.text;
    this.#remember();
    this.#setStatus([['working']]);
    const started = performance.now();
    try {
      // The draft check runs only while its tab is open (opening the tab checks the text then).
      const [result, checked] = await Promise.all([
        analyze(text, this.#options(), { lane: this }),
        this.#selectedTab() === 'check' ? check(text, this.#checkOptions(), { lane: this }) : null,
      ]);
      // A newer analysis started meanwhile: its outcome is this call's outcome.
      if (run !== this.#runs) return this.#latest;
      // The text and its result change together: every offset the panels hold points into this text.
      this.#result = result;
      this.#check = checked;
      this.#analysed = text;
      this.#highlight = null;
      this.#offset = 0;
      this.#$('container').classList.remove('stale');
      await this.#render();
      if (run !== this.#runs) return this.#latest;
      this.#setStatus(text.trim() ? [['done', Math.round(performance.now() - started)]] : [['empty']]);
      if (this.#kwic) await this.#showConcordance(this.#kwic.term, this.#kwic.anywhere);
      // A comparison on screen follows this text: it is compared again, not left describing the old one.
      if (this.#comparison && this.#comparison.b !== text) this.#compare();
      else this.#$('comparison').classList.remove('stale');
      this.dispatchEvent(new CustomEvent('speechlens-analyzed', { detail: result, bubbles: true, composed: true }));
      return result;
    } catch (error) {
      // A newer request took over: its outcome is this call's outcome.
      if (ignorable(error) || run !== this.#runs) return this.#latest;
      // The text stays in the textarea; the last good result stays on screen, dimmed as out of date.
      this.#$('container').classList.add('stale');
      const reason = error?.kind === 'too_large' ? ['tooLarge', text.length.toLocaleString(this.#lang === 'en' ? 'en' : 'zh-CN')] : messageOf(error);
      this.#setStatus([['failed'], reason, ['kept']], true);
      this.dispatchEvent(new CustomEvent('speechlens-error', { detail: { error }, bubbles: true, composed: true }));
      throw error;
    }
  }

  #schedule(delay = DEBOUNCE_MS) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.analyze().catch(() => {}), delay);
  }

  // ---- status --------------------------------------------------------------------------

  /** The status line, kept as what to say (`[key, ...args]` or literal text), so a language switch says it again. */
  #setStatus(parts, isError = false) {
    this.#status = { parts, isError };
    this.#renderStatus();
  }

  #renderStatus() {
    const { parts, isError } = this.#status;
    const status = this.#$('status');
    status.textContent = parts.map((part) => (Array.isArray(part) ? this.#say(...part) : part)).join('');
    status.classList.toggle('error', isError);
  }

  #showProgress({ stage, error }) {
    const busy = stage === 'loading' || stage === 'dictionary';
    const progress = this.#root.querySelector('progress');
    progress.hidden = !busy;
    if (busy) {
      progress.setAttribute('aria-label', this.#say(stage));
      if (!this.#result) this.#setStatus([[stage]]);
    } else if (stage === 'error') {
      this.#setStatus([['loadFailed'], messageOf(error)], true);
    }
  }

  // ---- rendering (all of it through Rust) ----------------------------------------------

  /**
   * Draws the result, a part per task so that no task keeps the page from answering for long: the
   * stats and the text view, then the panel in view, then the others. A newer drawing (a newer
   * result, another language) stops this one part way.
   */
  async #render() {
    const generation = ++this.#generation;
    const r = this.#result;
    if (!r) return;
    const lang = this.#lang;
    const s = r.stats;
    const panels = {
      terms: [
        () => this.#renderTerms(),
        () => {
          speechlens.renderTermChart(this.#$('chart'), r, lang, CHART_BARS);
          speechlens.renderWordCloud(this.#$('cloud'), r, lang, CLOUD_WORDS);
        },
      ],
      slogans: [() => speechlens.renderSlogans(this.#$('slogans'), r, lang)],
      outline: [() => speechlens.renderOutline(this.#$('outline'), r, lang)],
      check: [() => this.#renderCheck()],
    };
    const selected = this.#root.querySelector('[role=tab][aria-selected=true]')?.dataset.tab ?? 'terms';
    const steps = [
      () => {
        this.#$('stats').textContent = [
          this.#say('statsHan', s.hanChars), this.#say('statsTokens', s.tokens), this.#say('statsSentences', s.sentences),
          this.#say('statsParagraphs', s.paragraphs), this.#say('statsMinutes', s.speakingMinutes.toFixed(1)),
          this.#say('statsChars', s.utf16Units),
        ].join(' · ');
        speechlens.renderWords(this.#$('words'), this.#added, lang);
        this.#showText();
      },
      // The compare and corpus tabs draw from their own state, not from this result.
      ...(panels[selected] ?? []),
      ...Object.entries(panels).filter(([name]) => name !== selected).flatMap(([, draws]) => draws),
    ];
    for (const step of steps) {
      // The result arrived in the task that received it from the worker: drawing starts in the next.
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (generation !== this.#generation) return;
      step();
    }
  }

  #renderTerms() {
    speechlens.renderTerms(this.#$('terms'), this.#result, this.#lang, this.#sort, TABLE_ROWS, this.#offset);
    this.#markActiveTerm();
  }

  #showText() {
    const h = this.#highlight;
    const marks = h ? h.spans.map(({ start, end }) => ({ start, end, kind: h.kind })) : [];
    if (h?.current) marks.push({ ...h.current, kind: 'current' });
    marks.push(...this.#checkMarks());
    speechlens.renderText(this.#$('text'), this.#analysed, marks, this.#result ?? undefined, this.#lang);
  }

  #markActiveTerm() {
    for (const el of this.#root.querySelectorAll('[data-term].active')) el.classList.remove('active');
    const term = this.#kwic && !this.#kwic.anywhere ? this.#kwic.term : null;
    if (term) for (const el of this.#root.querySelectorAll(`[data-term="${CSS.escape(term)}"]`)) el.classList.add('active');
  }

  /**
   * Highlights `spans` in the text view and scrolls the view (only it, never the host page) to the
   * first, or to `current`. Unless told not to (`reveal` false), it also brings the text view on
   * screen when it is wholly off it, as on a phone where the results come first.
   */
  #highlightSpans(spans, kind, current, reveal = true) {
    this.#highlight = { kind, spans, current };
    this.#showText();
    const view = this.#$('text');
    const box = view.getBoundingClientRect();
    if (reveal && (box.bottom < 0 || box.top > innerHeight)) view.scrollIntoView({ block: 'start' });
    const target = view.querySelector(current ? 'mark.hl-current' : `mark.hl-${kind}`);
    if (target) view.scrollTop += target.getBoundingClientRect().top - view.getBoundingClientRect().top - view.clientHeight / 3;
  }

  /** The concordance of `term` (a word), or of any string `anywhere` (the search box), highlighted in the text. */
  async #showConcordance(term, anywhere = false) {
    this.#kwic = { term, anywhere, lines: [] };
    try {
      const lines = await concordance(this.#analysed, term, { ...this.#options(), anywhere }, { lane: 'kwic' });
      this.#kwic.lines = lines;
      speechlens.renderConcordance(this.#$('kwic'), lines, this.#lang, term);
      const box = this.#$('kwic-box');
      box.hidden = false;
      // It opens above the panel's lists, in their flow: it covers nothing it came from.
      const shown = box.getBoundingClientRect();
      if (shown.top < 0 || shown.bottom > innerHeight) box.scrollIntoView({ block: 'nearest' });
      this.#markActiveTerm();
      this.#highlightSpans(lines, 'term', undefined, false);
    } catch (error) {
      if (!ignorable(error)) this.#setStatus([['failed'], messageOf(error)], true);
    }
  }

  #closeConcordance() {
    this.#kwic = null;
    this.#$('kwic-box').hidden = true;
    this.#$('kwic').textContent = '';
    this.#markActiveTerm();
    if (this.#highlight?.kind === 'term') {
      this.#highlight = null;
      this.#showText();
    }
  }

  // ---- draft check ---------------------------------------------------------------------

  /** The check's options: the page's language, the rules switched off, the user's words (never flagged). */
  #checkOptions() {
    const words = this.userWords;
    return { lang: this.#lang, ignore: [...this.#ignored], ...(words.length ? { words } : {}) };
  }

  /** While the check's tab is open, its findings underlined in the text view in their severity's colour. */
  #checkMarks() {
    if (!this.#check || this.#selectedTab() !== 'check') return [];
    return this.#check.findings.slice(0, MAX_CHECK_MARKS).map(({ start, end, severity, message }) =>
      ({ start, end, kind: `check-${severity}`, title: message }));
  }

  #selectedTab() {
    return this.#root.querySelector('[role=tab][aria-selected=true]')?.dataset.tab;
  }

  #renderCheck() {
    if (this.#check) speechlens.renderCheck(this.#$('findings'), this.#check, this.#analysed, this.#lang, [...this.#ignored]);
    else this.#$('findings').textContent = '';
  }

  /** Checks the analysed text again (a rule switched off or on, another language), without analysing it again. */
  async #recheck() {
    const run = this.#runs;
    const text = this.#analysed;
    try {
      const checked = await check(text, this.#checkOptions(), { lane: null });
      if (run !== this.#runs) return;
      this.#check = checked;
      this.#renderCheck();
      this.#showText();
    } catch (error) {
      this.#setStatus([['failed'], messageOf(error)], true);
    }
  }

  /**
   * Applies `fixes` (of findings in the analysed text) to the text box as one edit the browser's
   * undo stack keeps, so Ctrl+Z in the box takes them back; then analyses the text again.
   */
  #applyFixes(fixes) {
    const input = this.#$('input');
    const text = this.#analysed;
    if (input.value !== text) {
      this.#setStatus([['checkStale']], true);
      return;
    }
    // In text order and never overlapping: one replacement per stretch.
    const chosen = [];
    for (const fix of [...fixes].sort((x, y) => x.start - y.start)) {
      if (!chosen.length || fix.start >= chosen.at(-1).end) chosen.push(fix);
    }
    if (!chosen.length) return;
    const from = chosen[0].start;
    const to = chosen.at(-1).end;
    let replacement = '';
    let at = from;
    for (const fix of chosen) {
      replacement += text.slice(at, fix.start) + fix.replacement;
      at = fix.end;
    }
    const expected = text.slice(0, from) + replacement + text.slice(to);
    input.focus({ preventScroll: true });
    input.setSelectionRange(from, to);
    // insertText is an edit the user could have typed: it goes on the box's undo stack.
    const inserted = document.execCommand('insertText', false, replacement);
    if (!inserted || input.value !== expected) {
      input.value = text;
      input.setRangeText(replacement, from, to, 'end');
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
    this.analyze().then(() => this.#setStatus([['checkFixed', chosen.length]]), () => {});
  }

  /** A click in the check's panel: show a finding, fix one or a rule's all, switch a rule off or on. */
  #onCheckClick(target) {
    const { finding, fix, fixRule, ignore, unignore } = target.dataset;
    const findings = this.#check?.findings ?? [];
    if (finding !== undefined) {
      const { start, end } = findings[Number(finding)];
      this.#highlightSpans([], 'check', { start, end });
      // On a phone the text view does not scroll by itself: the page goes to the finding.
      const mark = this.#$('text').querySelector('mark.hl-current');
      const box = mark?.getBoundingClientRect();
      if (box && (box.top < 0 || box.bottom > innerHeight)) mark.scrollIntoView({ block: 'center' });
    } else if (fix !== undefined) {
      this.#applyFixes([findings[Number(fix)]?.fix].filter(Boolean));
    } else if (fixRule) {
      this.#applyFixes(findings.filter((f) => f.rule === fixRule && f.fix).map((f) => f.fix));
    } else if (ignore || unignore) {
      if (ignore) this.#ignored.add(ignore);
      else this.#ignored.delete(unignore);
      this.#recheck();
    }
  }

  // ---- comparison ----------------------------------------------------------------------

  /**
   * Compares this text (the page's) with the earlier one pasted in the compare panel, in the
   * worker, as `compare(earlier, this)`: "new" is what this text has and the earlier one had not.
   */
  async #compare() {
    clearTimeout(this.#compareTimer);
    const a = this.#$('compare-input').value;
    const b = this.text;
    if (this.#comparison) this.#markComparisonStale();
    this.#setStatus([['working']]);
    try {
      const result = await compare(a, b, this.#options(), { lane: 'compare' });
      this.#comparison = { a, b, result, sources: [this.#compareSource, this.#source] };
      this.#compareTerm = null;
      this.#$('compare-kwic').hidden = true;
      this.#renderComparison();
      this.#$('comparison').classList.remove('stale');
      this.#setStatus([['compared']]);
    } catch (error) {
      if (!ignorable(error)) this.#setStatus([['failed'], messageOf(error)], true);
    }
  }

  /** The comparison on screen no longer describes the two texts: dimmed until compared again. */
  #markComparisonStale() {
    if (!this.#comparison) return;
    this.#$('comparison').classList.add('stale');
    this.#setStatus([['compareStale']]);
  }

  /** Exchanges this text and the earlier one; a comparison on screen follows (the text is analysed, then compared). */
  #swapTexts() {
    const input = this.#$('compare-input');
    const earlier = input.value;
    input.value = this.text;
    this.#markComparisonStale();
    const sources = [this.#compareSource, this.#source];
    this.text = earlier;
    [this.#source, this.#compareSource] = sources;
  }

  #renderComparison() {
    if (!this.#comparison) return;
    const { a, b, result } = this.#comparison;
    speechlens.renderComparison(this.#$('comparison'), result, a, b, this.#lang);
  }

  /** A term's concordance in both texts, side by side: the earlier text's, then this one's. */
  async #compareConcordance(term) {
    const { a, b } = this.#comparison;
    this.#compareTerm = term;
    try {
      const [linesA, linesB] = await Promise.all([a, b].map((text, i) =>
        concordance(text, term, { ...this.#options(), anywhere: true }, { lane: `compare-kwic-${i}` })));
      speechlens.renderConcordance(this.#$('kwic-a'), linesA, this.#lang, `${this.#say('textA')} · ${term}`);
      speechlens.renderConcordance(this.#$('kwic-b'), linesB, this.#lang, `${this.#say('textB')} · ${term}`);
      this.#$('compare-kwic').hidden = false;
    } catch (error) {
      if (!ignorable(error)) this.#setStatus([['failed'], messageOf(error)], true);
    }
  }

  // ---- corpus --------------------------------------------------------------------------

  /**
   * Opens many files as a corpus: .txt files (decoded as `openFile` does) and .jsonl files (a text a
   * line, in its `text` field), each summarised in the worker one after the other while the table
   * fills in; the terms most documents have as keywords are then followed across them.
   */
  async openCorpus(files) {
    const run = ++this.#corpusRuns;
    this.#selectTab('corpus');
    const documents = [];
    const skipped = [];
    for (const file of files) {
      if (/\.jsonl$/i.test(file.name)) documents.push(...jsonlDocuments(file.name, await fileText(file), skipped));
      else if (isTextFile(file)) documents.push({ name: file.name, text: await fileText(file) });
      else skipped.push([file.name, this.#say('notText', file.name)]);
    }
    this.#corpus = [];
    const progress = this.#$('corpus-progress');
    progress.max = documents.length;
    progress.hidden = false;
    let drawn = 0;
    for (const [i, doc] of documents.entries()) {
      if (run !== this.#corpusRuns) return;
      progress.value = i;
      this.#setStatus([['corpusProgress', i + 1, documents.length]]);
      try {
        const summary = await summarize(doc.text, this.#options(), { lane: null });
        const date = doc.date ?? summary.date ?? nameDate(doc.name);
        this.#corpus.push({ name: doc.name, text: doc.text, index: i, summary: { ...summary, date } });
      } catch (error) {
        skipped.push([doc.name, messageOf(error)]);
      }
      if (run !== this.#corpusRuns) return;
      this.#corpus.sort(byDate);
      // The table fills in as documents come, redrawn a few times a second: a redraw per document
      // of a corpus of thousands would cost the square of its size.
      if (performance.now() - drawn > CORPUS_REDRAW_MS || i === documents.length - 1) {
        this.#renderCorpus();
        drawn = performance.now();
      }
    }
    progress.hidden = true;
    const problems = skipped.map(([name, why]) => ` ${this.#say('corpusFailed', name, why)}`);
    this.#setStatus([['corpusDone', this.#corpus.length], ...problems], skipped.length > 0);
    this.#$('trend-input').value = commonKeywords(this.#corpus).join(' ');
    this.#followTerms();
  }

  #renderCorpus() {
    speechlens.renderCorpus(this.#$('corpus'), this.#corpus.map(({ name, summary }) => ({ name, summary })), this.#lang, this.#corpusSort);
    this.#$('trend-box').hidden = this.#corpus.length === 0;
  }

  /**
   * The terms typed, each as times per 10,000 Han characters of every document's speech, counted in
   * the worker (`trend`, as `speechlens trend` counts them), then drawn.
   */
  async #followTerms() {
    const terms = [...new Set(splitWords(this.#$('trend-input').value))].slice(0, MAX_TREND_TERMS);
    const [corpus, texts] = [this.#corpus, this.#corpus.map((d) => d.text)];
    try {
      const series = await trend(texts, terms, this.#options(), { lane: 'trend' });
      // Another corpus opened, or more of this one analysed, meanwhile: the count at its end follows.
      if (corpus !== this.#corpus || texts.length !== corpus.length) return;
      this.#trend = series;
    } catch (error) {
      if (!ignorable(error)) this.#setStatus([['failed'], messageOf(error)], true);
      return;
    }
    this.#renderTrend();
  }

  /** Draws the terms followed (`#trend`), as counted for this corpus: a language switch redraws, not recounts. */
  #renderTrend() {
    // The axis names every document the same way: by its date when all have one, else by its name.
    const dated = this.#corpus.every((d) => d.summary.date);
    speechlens.renderTrend(this.#$('trend'), this.#trend, this.#corpus.map((d) => (dated ? d.summary.date : d.name)), this.#lang);
  }

  /** Reads a document of the corpus in the single-text view. */
  #openDocument(index) {
    const doc = this.#corpus[index];
    if (!doc) return;
    this.#selectTab('terms');
    this.#source = doc.name;
    this.analyze(doc.text).catch(() => {});
    this.#setStatus([['opened', doc.name]]);
  }

  #onCorpusClick(event) {
    const sort = event.target.closest('[data-corpus-sort]')?.dataset.corpusSort;
    if (sort) {
      this.#corpusSort = sort;
      this.#renderCorpus();
      this.#$('corpus').querySelector(`[data-corpus-sort^="${sort.split(':')[0]}"]`)?.focus();
      return;
    }
    const target = event.target.closest('[data-doc]');
    if (target) this.#openDocument(Number(target.dataset.doc));
  }

  // ---- events --------------------------------------------------------------------------

  #wire() {
    const on = (id, type, listener) => this.#$(id).addEventListener(type, listener);
    on('input', 'input', () => {
      this.#markComparisonStale();
      this.#schedule();
    });
    on('analyze', 'click', () => this.analyze().catch(() => {}));
    on('clear', 'click', () => {
      this.text = '';
      this.#$('input').focus();
    });
    on('open', 'click', () => this.#$('file').click());
    on('file', 'change', () => {
      this.openFile(this.#$('file').files[0]);
      this.#$('file').value = '';
    });
    this.#root.addEventListener('dragover', (event) => {
      if (!event.dataTransfer?.types.includes('Files')) return;
      event.preventDefault();
      this.#$('container').classList.add('dragging');
    });
    this.#root.addEventListener('dragleave', (event) => {
      if (!event.relatedTarget) this.#$('container').classList.remove('dragging');
    });
    this.#root.addEventListener('drop', (event) => {
      this.#$('container').classList.remove('dragging');
      if (!event.dataTransfer?.files.length) return;
      event.preventDefault();
      event.stopPropagation();
      // Dropped on the compare panel, a file is the text to compare with; on the corpus panel,
      // files are a corpus, even one.
      const path = event.composedPath();
      const files = [...event.dataTransfer.files];
      if (path.includes(this.#$('panel-compare'))) this.openCompareFile(files[0]);
      else if (path.includes(this.#$('panel-corpus'))) this.openCorpus(files);
      else this.openFiles(files);
    });
    on('remember', 'change', () => {
      this.#$('forget').hidden = !this.#$('remember').checked;
      if (this.#$('remember').checked) {
        this.#remember();
        this.#setStatus([['remembered']]);
      } else {
        this.#forget();
      }
    });
    on('forget', 'click', () => this.#forget());
    for (const id of ['pos', 'singles', 'keep-removed']) on(id, 'change', () => this.analyze().catch(() => {}));
    on('csv', 'click', () => this.#downloadTerms());
    const csv = 'text/csv;charset=utf-8';
    on('json', 'click', () => this.#result && this.#save(`${this.#stem()}.json`, 'application/json',
      JSON.stringify({ ...this.#described(this.#source, this.#result), ...this.#result }, null, 2)));
    on('slogans-csv', 'click', () => this.#result && this.#save(`${this.#stem()}-slogans.csv`, csv, speechlens.slogansCsv(this.#result.slogans)));
    on('outline-csv', 'click', () => this.#result && this.#save(`${this.#stem()}-outline.csv`, csv, speechlens.outlineCsv(this.#result.outline.sections)));
    on('kwic-csv', 'click', () => this.#kwic && this.#save(`${this.#stem()}-${fileStem(this.#kwic.term)}.csv`, csv, speechlens.concordanceCsv(this.#kwic.lines)));
    on('kwic-close', 'click', () => this.#closeConcordance());
    on('check-csv', 'click', () => this.#check && this.#save('speechlens-check.csv', 'text/csv;charset=utf-8', speechlens.checkCsv(this.#analysed, this.#check.findings)));
    on('check-json', 'click', () => this.#check && this.#save('speechlens-check.json', 'application/json', JSON.stringify(this.#check, null, 2)));
    on('compare-run', 'click', () => this.#compare());
    on('compare-swap', 'click', () => this.#swapTexts());
    on('compare-input', 'input', () => {
      // Once compared, the comparison follows edits of the earlier text as the analysis follows this one's.
      if (!this.#comparison) return;
      this.#markComparisonStale();
      clearTimeout(this.#compareTimer);
      this.#compareTimer = setTimeout(() => this.#compare(), DEBOUNCE_MS);
    });
    on('fold-text', 'click', () => this.#foldText(this.#$('fold-text').getAttribute('aria-expanded') === 'true'));
    on('corpus-open', 'click', () => this.#$('corpus-files').click());
    on('corpus-files', 'change', () => {
      this.openCorpus([...this.#$('corpus-files').files]);
      this.#$('corpus-files').value = '';
    });
    on('corpus-csv', 'click', () => this.#corpus.length && this.#save(`speechlens-corpus-${this.#corpus.length}.csv`, csv,
      speechlens.corpusCsv(this.#corpus.map(({ name, summary }) => ({ name, summary })), this.#trend)));
    on('trend-form', 'submit', (event) => {
      event.preventDefault();
      this.#followTerms();
    });
    on('panel-corpus', 'click', (event) => this.#onCorpusClick(event));
    on('compare-open', 'click', () => this.#$('compare-file').click());
    on('compare-file', 'change', () => {
      this.openCompareFile(this.#$('compare-file').files[0]);
      this.#$('compare-file').value = '';
    });
    on('compare-csv', 'click', () => this.#comparison && this.#save(`${this.#stem()}-comparison.csv`, csv, speechlens.comparisonCsv(this.#comparison.result.terms)));
    on('compare-json', 'click', () => {
      if (!this.#comparison) return;
      const { b, result, sources: [earlier, current] } = this.#comparison;
      const described = { earlier: this.#described(earlier), this: this.#described(current, b === this.#analysed ? this.#result : null) };
      this.#save(`${this.#stem()}-comparison.json`, 'application/json', JSON.stringify({ ...described, ...result }, null, 2));
    });
    on('search-form', 'submit', (event) => {
      event.preventDefault();
      const needle = this.#$('search').value.trim();
      if (needle && this.#result) this.#showConcordance(needle, true);
    });
    on('add-selection', 'click', () => this.#addWord(this.#selectedWord() ?? ''));
    on('word-form', 'submit', (event) => {
      event.preventDefault();
      this.#addWord(this.#$('word-input').value);
      this.#$('word-input').value = '';
    });
    document.addEventListener('selectionchange', () => this.#onSelectionChange());
    this.#root.querySelector('.results').addEventListener('click', (e) => this.#onPanelClick(e));
    this.#$('words').addEventListener('click', (e) => this.#onPanelClick(e));
    this.#$('outline').addEventListener('keydown', (e) => this.#onTreeKey(e));
    const tablist = this.#root.querySelector('[role=tablist]');
    tablist.addEventListener('click', (e) => {
      const tab = e.target.closest('[role=tab]');
      if (tab) this.#selectTab(tab.dataset.tab, true);
    });
    tablist.addEventListener('keydown', (e) => this.#onTabKey(e));
  }

  /** What a download of the text on screen is named: the speech's title, else the file it came from. */
  #stem() {
    return fileStem(this.#result?.outline.title?.text ?? this.#source?.replace(/\.[a-z0-9]{1,5}$/i, ''));
  }

  /** What a downloaded result says it describes: the file's name and the speech's title, as far as known. */
  #described(source, result) {
    const title = result?.outline.title?.text;
    return { ...(source && { name: source }), ...(title && { title }) };
  }

  #save(name, type, content) {
    download(name, type, content);
    this.#setStatus([['downloaded', name]]);
  }

  async #downloadTerms() {
    try {
      this.#save(`${this.#stem()}-terms.csv`, 'text/csv;charset=utf-8', await termsCsv(this.#analysed, this.#options(), { lane: null }));
    } catch (error) {
      this.#setStatus([['failed'], messageOf(error)], true);
    }
  }

  #onPanelClick(event) {
    const target = event.target.closest('[data-sort], [data-offset], [data-term], [data-slogan], [data-phrase], [data-word-remove], [data-word], [data-start], [data-fix], [data-fix-rule], [data-ignore], [data-unignore]');
    if (!target || !this.#result || target.closest('[data-word]:not(button)') === target) return;
    if (target.closest('#findings')) {
      this.#onCheckClick(target);
      return;
    }
    const { sort, offset, term, slogan, phrase, word, start, end } = target.dataset;
    if (sort) {
      this.#sort = sort;
      this.#offset = 0;
      this.#renderTerms();
      this.#$('terms').querySelector(`[data-sort^="${sort.split(':')[0]}"]`)?.focus();
    } else if (offset !== undefined) {
      this.#offset = Number(offset);
      this.#renderTerms();
      this.#$('terms').querySelector(`[data-offset="${offset}"]`)?.focus();
    } else if (term && target.closest('#comparison')) {
      this.#compareConcordance(term);
    } else if (term) {
      this.#showConcordance(term);
    } else if (slogan) {
      this.#highlightSpans(this.#result.slogans[Number(slogan)].occurrences, 'slogan');
    } else if (phrase) {
      this.#highlightSpans(this.#result.phrases[Number(phrase)].occurrences, 'phrase');
    } else if (word !== undefined && target.matches('button.remove')) {
      this.#added = this.#added.filter((w) => w !== word);
      this.#remember();
      this.analyze().catch(() => {});
    } else if (target.closest('#compare-kwic')) {
      // Only this text's lines point into the text view, and only while it is the text compared.
      if (target.closest('#kwic-b') && this.#comparison?.b === this.#analysed) {
        this.#foldText(false);
        this.#highlightSpans([{ start: Number(start), end: Number(end) }], 'term');
      }
    } else if (target.closest('#kwic')) {
      const span = { start: Number(start), end: Number(end) };
      this.#highlightSpans(this.#highlight?.kind === 'term' ? this.#highlight.spans : [span], 'term', span);
    } else if (target.matches('[role=treeitem]')) {
      // A click inside a child's group belongs to that child, found first by closest().
      if (event.target.closest('.twisty')) this.#toggle(target);
      else this.#activate(target);
    } else if (start !== undefined) {
      this.#highlightSpans([{ start: Number(start), end: Number(end ?? Number(start) + 1) }], 'section');
    }
  }

  // ---- user words ----------------------------------------------------------------------

  #addWord(text) {
    const word = wordOf(text);
    if (!word) {
      this.#setStatus([['badWord']], true);
      return;
    }
    if (!this.text.includes(word)) {
      this.#setStatus([['wordAbsent', word]], true);
      return;
    }
    if (!this.#added.includes(word)) this.#added = [...this.#added, word];
    this.#remember();
    this.#setStatus([['wordAdded', word]]);
    this.analyze().catch(() => {});
  }

  #selectedWord() {
    const selection = this.#root.getSelection?.() ?? document.getSelection();
    if (!selection || selection.isCollapsed || !this.#$('text').contains(selection.anchorNode)) return null;
    return wordOf(selection.toString());
  }

  #onSelectionChange() {
    const word = this.#selectedWord();
    this.#$('add-selection').disabled = !word;
    this.#$('selection').textContent = word ? `「${word}」` : '';
  }

  // ---- storage (opt-in: the `remember` attribute offers it, the user ticks it) ---------

  #storage(action) {
    try {
      return action(localStorage);
    } catch (error) {
      return error;
    }
  }

  #applyRemember() {
    this.#$('remember-box').hidden = !this.hasAttribute('remember');
  }

  #restore() {
    if (!this.hasAttribute('remember')) return;
    const saved = this.#storage((s) => [s.getItem(STORAGE.text), s.getItem(STORAGE.words)]);
    if (!Array.isArray(saved) || saved[0] === null) return;
    this.#text = saved[0];
    try {
      this.#added = JSON.parse(saved[1] ?? '[]').filter((w) => typeof w === 'string' && wordOf(w) === w);
    } catch {
      this.#added = [];
    }
    this.#$('remember').checked = true;
    this.#$('forget').hidden = false;
  }

  #remember() {
    if (!this.#$('remember').checked) return;
    const failed = this.#storage((s) => {
      s.setItem(STORAGE.text, this.text);
      s.setItem(STORAGE.words, JSON.stringify(this.#added));
    });
    if (failed instanceof Error) this.#setStatus([['storageFailed'], messageOf(failed)], true);
  }

  #forget() {
    this.#storage((s) => Object.values(STORAGE).forEach((key) => s.removeItem(key)));
    this.#$('remember').checked = false;
    this.#$('forget').hidden = true;
    this.#setStatus([['forgotten']]);
  }

  // ---- language and panels -------------------------------------------------------------

  #applyLanguage() {
    for (const el of this.#root.querySelectorAll('[data-word]')) el.textContent = this.#say(el.dataset.word);
    for (const el of this.#root.querySelectorAll('[data-word-placeholder]')) el.placeholder = this.#say(el.dataset.wordPlaceholder);
    for (const el of this.#root.querySelectorAll('[data-word-label]')) el.setAttribute('aria-label', this.#say(el.dataset.wordLabel));
    this.#renderStatus();
    this.#render();
    this.#renderComparison();
    if (this.#compareTerm) this.#compareConcordance(this.#compareTerm);
    if (this.#corpus.length) {
      this.#renderCorpus();
      this.#renderTrend();
    }
    if (this.#kwic) this.#showConcordance(this.#kwic.term, this.#kwic.anywhere);
    // The check's messages are in the language asked for.
    if (this.#check) this.#recheck();
  }

  #applyPanels() {
    const shown = new Set(this.panels.split(/[\s,]+/).filter((p) => PANELS.includes(p)));
    for (const el of this.#root.querySelectorAll('[data-panel]')) el.hidden = !shown.has(el.dataset.panel);
    const tabs = TABS.filter((t) => shown.has(t));
    for (const tab of this.#root.querySelectorAll('[role=tab]')) tab.hidden = !tabs.includes(tab.dataset.tab);
    this.#$('results').hidden = tabs.length === 0;
    this.#root.querySelector('[role=tablist]').hidden = tabs.length < 2;
    const selected = this.#root.querySelector('[role=tab][aria-selected=true]')?.dataset.tab;
    this.#selectTab(tabs.includes(selected) ? selected : tabs[0], false);
  }

  // ---- tabs (WAI-ARIA tabs pattern) ----------------------------------------------------

  #selectTab(name, focus) {
    if (!name) return;
    // The compare and corpus views take the whole width, the text view folded away below them.
    const wide = name === 'compare' || name === 'corpus';
    const container = this.#$('container');
    if (wide !== container.classList.contains('wide')) {
      container.classList.toggle('wide', wide);
      this.#foldText(wide);
    }
    const checkShown = this.#selectedTab() === 'check';
    for (const tab of this.#root.querySelectorAll('[role=tab]')) {
      const on = tab.dataset.tab === name;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      this.#$(`panel-${tab.dataset.tab}`).hidden = !on;
      if (on && focus) tab.focus();
    }
    // The check's marks in the text view come and go with its tab; the text is checked when it opens.
    if (this.#result && name === 'check' && !this.#check) this.#recheck();
    else if (this.#result && checkShown !== (name === 'check')) this.#showText();
  }

  /** Folds the text view away, or opens it again. */
  #foldText(fold) {
    const button = this.#$('fold-text');
    button.setAttribute('aria-expanded', String(!fold));
    button.dataset.word = fold ? 'showText' : 'hideText';
    button.textContent = this.#say(button.dataset.word);
    this.#root.querySelector('.reading').classList.toggle('folded', fold);
  }

  #onTabKey(event) {
    const tabs = [...this.#root.querySelectorAll('[role=tab]:not([hidden])')];
    const at = tabs.indexOf(event.target);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    this.#selectTab(tabs[(to + tabs.length) % tabs.length].dataset.tab, true);
  }

  // ---- the outline tree (WAI-ARIA tree pattern): each treeitem holds its row and, when it has parts, their group

  #treeItems() {
    const parentItem = (item) => item.parentElement.closest('[role=treeitem]');
    return [...this.#$('outline').querySelectorAll('[role=treeitem]')].filter((item) => {
      for (let up = parentItem(item); up; up = parentItem(up)) if (up.getAttribute('aria-expanded') === 'false') return false;
      return true;
    });
  }

  #focusItem(item) {
    if (!item) return;
    for (const other of this.#$('outline').querySelectorAll('[role=treeitem][tabindex="0"]')) other.tabIndex = -1;
    item.tabIndex = 0;
    item.focus();
  }

  #toggle(item, open = item.getAttribute('aria-expanded') !== 'true') {
    if (!item.hasAttribute('aria-expanded')) return;
    item.setAttribute('aria-expanded', String(open));
    if (!open && item.querySelector(':scope > [role=group]').contains(this.#root.activeElement)) this.#focusItem(item);
  }

  #activate(item) {
    for (const other of this.#$('outline').querySelectorAll('[aria-selected]')) other.removeAttribute('aria-selected');
    item.setAttribute('aria-selected', 'true');
    this.#highlightSpans([{ start: Number(item.dataset.start), end: Number(item.dataset.end) }], 'section');
    this.#focusItem(item);
  }

  #onTreeKey(event) {
    const item = event.target.closest('[role=treeitem]');
    if (!item || event.target !== item) return;
    const items = this.#treeItems();
    const at = items.indexOf(item);
    const expanded = item.getAttribute('aria-expanded');
    const firstChild = () => item.querySelector(':scope > [role=group] [role=treeitem]');
    const moves = {
      ArrowDown: () => this.#focusItem(items[at + 1]),
      ArrowUp: () => this.#focusItem(items[at - 1]),
      Home: () => this.#focusItem(items[0]),
      End: () => this.#focusItem(items[items.length - 1]),
      ArrowRight: () => (expanded === 'false' ? this.#toggle(item, true) : expanded === 'true' && this.#focusItem(firstChild())),
      ArrowLeft: () => (expanded === 'true' ? this.#toggle(item, false) : this.#focusItem(item.parentElement.closest('[role=treeitem]'))),
      Enter: () => this.#activate(item),
      ' ': () => this.#activate(item),
    };
    if (!moves[event.key]) return;
    event.preventDefault();
    moves[event.key]();
  }
}

// Loading this script twice (two bundles, a CMS adding it per article) must not throw.
if (!customElements.get('speech-lens')) customElements.define('speech-lens', SpeechLensElement);
