// <speech-lens>: the analysis as an element a site drops into an article. A thin shell: the wasm
// renders the text view and the panels into this element's shadow root (engine.js, shared by
// every instance on the page, runs the analyses in one worker); this file wires attributes,
// events, tabs and clicks.
import { load, analyze, concordance, onProgress, speechlens } from '../engine.js';
import { css } from './speech-lens.css.js';

const WORDS = {
  zh: {
    input: '讲话全文', text: '文本', terms: '词频', slogans: '提法', outline: '结构', panels: '分析结果',
    loading: '正在加载分析程序…', dictionary: '正在加载词典…', working: '分析中…', failed: '分析失败：',
    stats: (s) => `${s.hanChars} 字 · ${s.tokens} 词 · ${s.sentences} 句 · ${s.paragraphs} 段 · 约 ${s.speakingMinutes.toFixed(1)} 分钟`,
  },
  en: {
    input: 'Speech text', text: 'Text', terms: 'Terms', slogans: 'Slogans', outline: 'Outline', panels: 'Results',
    loading: 'Loading the analyser…', dictionary: 'Loading the dictionary…', working: 'Analysing…', failed: 'Analysis failed: ',
    stats: (s) => `${s.hanChars} characters · ${s.tokens} words · ${s.sentences} sentences · about ${s.speakingMinutes.toFixed(1)} min`,
  },
};
const PANELS = ['input', 'text', 'terms', 'slogans', 'outline'];
const TABS = ['terms', 'slogans', 'outline'];
/** Pause in typing before the text is analysed again. */
const DEBOUNCE_MS = 300;
const TERM_ROWS = 100;

let sheet;
function styles() {
  // One constructed sheet for every instance; constructed sheets need no 'unsafe-inline' in a host page's CSP.
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

function skeleton() {
  const tabs = TABS.map(
    (t) => `<button type="button" role="tab" part="tab" id="tab-${t}" data-tab="${t}" aria-controls="panel-${t}"></button>`,
  ).join('');
  const panels = TABS.map(
    (t) =>
      `<div role="tabpanel" part="panel" id="panel-${t}" aria-labelledby="tab-${t}" tabindex="0" hidden>` +
      `${t === 'terms' ? '<div class="kwic" part="kwic"></div>' : ''}<div class="${t}"></div></div>`,
  ).join('');
  // Fixed markup only: user text never goes through innerHTML.
  return `<div class="lens" part="container">
  <div class="bar" part="bar"><span class="status" role="status" aria-live="polite" part="status"></span>
    <progress part="progress" hidden></progress></div>
  <label class="input" part="input-label" data-panel="input"><span data-word="input"></span>
    <textarea part="input" lang="zh-CN" spellcheck="false"></textarea></label>
  <div class="stats" part="stats"></div>
  <div class="body">
    <div class="text" part="text" role="region" tabindex="0" lang="zh-CN" data-panel="text"></div>
    <div class="results" part="results" role="region">
      <div role="tablist" part="tabs">${tabs}</div>${panels}
    </div>
  </div>
</div>`;
}

const splitWords = (value) => (value ?? '').split(/[\s,，、;；]+/).filter(Boolean);

export class SpeechLensElement extends HTMLElement {
  static observedAttributes = ['lang', 'text', 'panels', 'user-words'];

  #root;
  #text = null;
  #result = null;
  /** The text `#result` describes: typing may have moved on since. */
  #analysed = '';
  #tab = 'terms';
  #sort = 'count';
  #timer = 0;
  #latest = null;
  #readyFired = false;
  #stopProgress = null;
  #initialised = false;

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [styles()];
    this.#root.innerHTML = skeleton();
    this.#$('textarea').addEventListener('input', () => this.#textEdited());
    this.#$('.results').addEventListener('click', (e) => this.#onPanelClick(e));
    this.#$('[role=tablist]').addEventListener('click', (e) => {
      const tab = e.target.closest('[role=tab]');
      if (tab) this.#selectTab(tab.dataset.tab, true);
    });
    this.#$('[role=tablist]').addEventListener('keydown', (e) => this.#onTabKey(e));
    this.#$('.outline').addEventListener('keydown', (e) => this.#onTreeKey(e));
  }

  #$(selector) {
    return this.#root.querySelector(selector);
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
      this.#text ??= this.getAttribute('text') ?? this.#childText();
      this.#$('textarea').value = this.#text;
    }
    this.#applyLanguage();
    this.#applyPanels();
    this.#stopProgress ??= onProgress((p) => this.#showProgress(p));
    load().then(
      () => {
        if (!this.#readyFired) {
          this.#readyFired = true;
          this.dispatchEvent(new CustomEvent('speechlens-ready', { bubbles: true, composed: true }));
        }
        if (this.#text && !this.#result && !this.#latest) this.analyze().catch(() => {});
      },
      (error) => this.#fail(error),
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
    else if (name === 'user-words' && this.#text) this.#schedule();
  }

  /** Initial text from a child `<template>` or `<textarea>` (the textarea also shows it before the script runs). */
  #childText() {
    const child = this.querySelector(':scope > template, :scope > textarea');
    if (!child) return '';
    return child instanceof HTMLTemplateElement ? child.content.textContent.trim() : child.value;
  }

  /** The text being analysed. Setting it re-analyses; it is not written back to the attribute (speeches are long). */
  get text() {
    return this.#text ?? '';
  }

  set text(value) {
    this.#text = String(value ?? '');
    this.#$('textarea').value = this.#text;
    if (this.#initialised) this.#schedule(0);
  }

  /** Which parts show, in any order: input text terms slogans outline (default: all). */
  get panels() {
    return this.getAttribute('panels') ?? PANELS.join(' ');
  }

  set panels(value) {
    this.setAttribute('panels', Array.isArray(value) ? value.join(' ') : String(value));
  }

  /** Words to keep whole (names, local coinages); the attribute separates them with spaces, commas or 、. */
  get userWords() {
    return splitWords(this.getAttribute('user-words'));
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
      this.#$('textarea').value = this.#text;
    }
    clearTimeout(this.#timer);
    const run = this.#run();
    this.#latest = run;
    return run;
  }

  async #run() {
    const text = this.text;
    const userWords = this.userWords;
    this.#status(this.#say('working'));
    try {
      const result = await analyze(text, userWords.length ? { userWords } : undefined, { lane: this });
      this.#result = result;
      this.#analysed = text;
      this.#render();
      this.#status('');
      this.dispatchEvent(new CustomEvent('speechlens-analyzed', { detail: result, bubbles: true, composed: true }));
      return result;
    } catch (error) {
      // A newer request took over: its outcome is this call's outcome.
      if (error?.kind === 'superseded') return this.#latest;
      this.#fail(error);
      throw error;
    }
  }

  #textEdited() {
    this.#text = this.#$('textarea').value;
    this.#schedule();
  }

  #schedule(delay = DEBOUNCE_MS) {
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.analyze().catch(() => {}), delay);
  }

  #fail(error) {
    this.#status(this.#say('failed') + (error?.message ?? error));
    this.dispatchEvent(new CustomEvent('speechlens-error', { detail: { error }, bubbles: true, composed: true }));
  }

  get #lang() {
    const lang = this.getAttribute('lang') ?? this.closest('[lang]')?.getAttribute('lang') ?? 'zh';
    return lang.toLowerCase().startsWith('en') ? 'en' : 'zh';
  }

  #say(key, ...args) {
    const word = WORDS[this.#lang][key];
    return typeof word === 'function' ? word(...args) : word;
  }

  #status(message) {
    this.#$('.status').textContent = message;
  }

  #showProgress({ stage, error }) {
    const busy = stage === 'loading' || stage === 'dictionary';
    const progress = this.#$('progress');
    progress.hidden = !busy;
    if (busy) {
      progress.setAttribute('aria-label', this.#say(stage));
      if (!this.#result) this.#status(this.#say(stage));
    } else if (stage === 'error') {
      this.#status(this.#say('failed') + (error?.message ?? error));
    } else if (stage === 'ready' && !this.#result && !this.#latest) {
      this.#status('');
    }
  }

  #applyLanguage() {
    for (const el of this.#root.querySelectorAll('[data-word]')) el.textContent = this.#say(el.dataset.word);
    for (const tab of this.#root.querySelectorAll('[role=tab]')) tab.textContent = this.#say(tab.dataset.tab);
    this.#$('.text').setAttribute('aria-label', this.#say('text'));
    this.#$('.results').setAttribute('aria-label', this.#say('panels'));
    this.#$('[role=tablist]').setAttribute('aria-label', this.#say('panels'));
    this.#render();
  }

  #applyPanels() {
    const shown = new Set(this.panels.split(/[\s,]+/).filter((p) => PANELS.includes(p)));
    for (const el of this.#root.querySelectorAll('[data-panel]')) el.hidden = !shown.has(el.dataset.panel);
    const tabs = TABS.filter((t) => shown.has(t));
    for (const tab of this.#root.querySelectorAll('[role=tab]')) tab.hidden = !tabs.includes(tab.dataset.tab);
    this.#$('.results').hidden = tabs.length === 0;
    this.#$('[role=tablist]').hidden = tabs.length < 2;
    this.#selectTab(tabs.includes(this.#tab) ? this.#tab : tabs[0], false);
  }

  #selectTab(name, focus) {
    if (!name) return;
    this.#tab = name;
    for (const tab of this.#root.querySelectorAll('[role=tab]')) {
      const on = tab.dataset.tab === name;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      this.#$(`#panel-${tab.dataset.tab}`).hidden = !on;
      if (on && focus) tab.focus();
    }
  }

  #onTabKey(event) {
    const tabs = [...this.#root.querySelectorAll('[role=tab]:not([hidden])')];
    const at = tabs.findIndex((t) => t.dataset.tab === this.#tab);
    const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    this.#selectTab(tabs[(to + tabs.length) % tabs.length].dataset.tab, true);
  }

  /** The outline tree: arrows move between sections (one tab stop), Enter or Space highlights one. */
  #onTreeKey(event) {
    const item = event.target.closest('[role=treeitem]');
    if (!item) return;
    const items = [...this.#$('.outline').querySelectorAll('[role=treeitem]')];
    const at = items.indexOf(item);
    const to = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[event.key];
    if (to !== undefined && items[to]) {
      item.tabIndex = -1;
      items[to].tabIndex = 0;
      items[to].focus();
    } else if (event.key === 'Enter' || event.key === ' ') {
      item.click();
    } else {
      return;
    }
    event.preventDefault();
  }

  #render() {
    const r = this.#result;
    if (!r) return;
    const lang = this.#lang;
    this.#$('.stats').textContent = this.#say('stats', r.stats);
    speechlens.renderTerms(this.#$('.terms'), r, lang, this.#sort, TERM_ROWS);
    speechlens.renderSlogans(this.#$('.slogans'), r, lang);
    speechlens.renderOutline(this.#$('.outline'), r, lang);
    this.#$('.kwic').textContent = '';
    this.#highlight([]);
  }

  /** Redraws the text view with `extra` marks on top of the greyed page chrome; scrolls to the first. */
  #highlight(extra, kind) {
    const removed = this.#result.removed.map((r) => ({ start: r.start, end: r.end, kind: 'removed' }));
    const view = this.#$('.text');
    speechlens.renderText(view, this.#analysed, [...extra.map((s) => ({ start: s.start, end: s.end, kind })), ...removed]);
    // Scroll the view only, never the host page: the first highlight, else where the speech begins.
    const bodyStart = this.#result.body.start;
    const chrome = [...view.querySelectorAll('mark.hl-removed')].filter((m) => Number(m.dataset.start) < bodyStart);
    const target = view.querySelector(`mark.hl-${kind}`) ?? chrome.at(-1)?.nextSibling;
    view.scrollTop = 0;
    if (target) {
      const range = document.createRange();
      range.selectNode(target);
      view.scrollTop = range.getBoundingClientRect().top - view.getBoundingClientRect().top - 16;
    }
  }

  async #onPanelClick(event) {
    const target = event.target.closest('button, [data-start]');
    const r = this.#result;
    if (!target || !r) return;
    const data = target.dataset;
    if (data.sort) {
      this.#sort = data.sort;
      speechlens.renderTerms(this.#$('.terms'), r, this.#lang, this.#sort, TERM_ROWS);
    } else if (data.term) {
      try {
        const lines = await concordance(this.#analysed, data.term, undefined, { lane: this });
        speechlens.renderConcordance(this.#$('.kwic'), lines, this.#lang, data.term);
        this.#highlight(lines, 'term');
      } catch (error) {
        if (error?.kind !== 'superseded') this.#fail(error);
      }
    } else if (data.slogan) {
      this.#highlight(r.slogans[Number(data.slogan)].occurrences, 'slogan');
    } else if (data.phrase) {
      this.#highlight(r.phrases[Number(data.phrase)].occurrences, 'phrase');
    } else if (data.start) {
      const start = Number(data.start);
      const kind = target.closest('.kwic') ? 'term' : 'section';
      this.#highlight([{ start, end: Number(data.end ?? start + 1) }], kind);
    }
  }
}

// Loading this script twice (two bundles, a CMS adding it per article) must not throw.
if (!customElements.get('speech-lens')) customElements.define('speech-lens', SpeechLensElement);
