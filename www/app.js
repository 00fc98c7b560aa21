// The standalone page: a thin shell over the wasm. Rust renders the text view and the panels
// as DOM nodes; this file wires events and keeps state (the last result, the language).
import { load, analyze, concordance, speechlens } from './engine.js';

const $ = (id) => document.getElementById(id);
const WORDS = {
  zh: { tagline: '讲话透镜', privacy: '文本只在本机浏览器中分析，不会上传到任何服务器。', input: '讲话全文（可粘贴网页内容）',
        analyze: '分析', textView: '文本', terms: '词频', slogans: '提法', outline: '结构', loading: '正在加载词典…',
        working: '分析中…', done: (ms) => `完成，用时 ${ms} 毫秒`, failed: '分析失败：',
        stats: (s) => `${s.hanChars} 字 · ${s.tokens} 词 · ${s.sentences} 句 · ${s.paragraphs} 段 · 约 ${s.speakingMinutes.toFixed(1)} 分钟` },
  en: { tagline: 'a lens for Chinese speeches', privacy: 'Your text is analysed in this browser only and never uploaded.',
        input: 'Speech text (paste a web page as is)', analyze: 'Analyze', textView: 'Text', terms: 'Terms', slogans: 'Slogans',
        outline: 'Outline', loading: 'Loading the dictionary…', working: 'Analysing…', done: (ms) => `Done in ${ms} ms`,
        failed: 'Analysis failed: ',
        stats: (s) => `${s.hanChars} characters · ${s.tokens} words · ${s.sentences} sentences · ${s.paragraphs} paragraphs · about ${s.speakingMinutes.toFixed(1)} min` },
};

const state = { lang: 'zh', result: null, text: '', sort: 'count' };
const say = (key, ...args) => { const w = WORDS[state.lang][key]; return typeof w === 'function' ? w(...args) : w; };

function setStatus(message) { $('status').textContent = message; }

/** Marks for the text view: the chrome greyed, plus whatever is selected. */
function baseMarks(result) {
  return result.removed.map((r) => ({ start: r.start, end: r.end, kind: 'removed' }));
}

function showText(extra = []) {
  speechlens.renderText($('text'), state.text, [...extra, ...baseMarks(state.result)]);
}

function renderAll() {
  const r = state.result;
  if (!r) return;
  $('stats').textContent = say('stats', r.stats);
  speechlens.renderTerms($('terms'), r, state.lang, state.sort, 200);
  speechlens.renderSlogans($('slogans'), r, state.lang);
  speechlens.renderOutline($('outline'), r, state.lang);
  showText();
}

async function run() {
  state.text = $('input').value;
  setStatus(say('working'));
  const started = performance.now();
  try {
    state.result = await analyze(state.text);
    renderAll();
    $('kwic').textContent = '';
    setStatus(say('done', Math.round(performance.now() - started)));
  } catch (e) {
    // The text stays in the textarea; the next analysis starts afresh.
    setStatus(say('failed') + (e?.message ?? e));
  }
}

function highlight(spans, kind) {
  showText(spans.map((s) => ({ start: s.start, end: s.end, kind })));
  const first = $('text').querySelector(`mark.hl-${kind}`);
  first?.scrollIntoView({ block: 'center', behavior: 'smooth' });
}

async function showTerm(term) {
  const lines = await concordance(state.text, term);
  speechlens.renderConcordance($('kwic'), lines);
  highlight(lines, 'term');
}

function onPanelClick(event) {
  const target = event.target.closest('button, [data-start]');
  if (!target || !state.result) return;
  if (target.dataset.sort) {
    state.sort = target.dataset.sort;
    speechlens.renderTerms($('terms'), state.result, state.lang, state.sort, 200);
  } else if (target.dataset.term) {
    showTerm(target.dataset.term);
  } else if (target.dataset.slogan) {
    highlight(state.result.slogans[Number(target.dataset.slogan)].occurrences, 'slogan');
  } else if (target.dataset.phrase) {
    highlight(state.result.phrases[Number(target.dataset.phrase)].occurrences, 'phrase');
  } else if (target.dataset.start) {
    const start = Number(target.dataset.start);
    const end = Number(target.dataset.end ?? start + 1);
    highlight([{ start, end }], 'section');
  }
}

function selectTab(tab) {
  for (const t of document.querySelectorAll('[role=tab]')) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute('aria-controls')).hidden = !on;
  }
  tab.focus();
}

function setLang(lang) {
  state.lang = lang;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = say(el.dataset.i18n);
  $('lang').textContent = lang === 'zh' ? 'EN' : '中文';
  $('lang').setAttribute('aria-label', lang === 'zh' ? 'English' : '中文');
  renderAll();
}

$('analyze').addEventListener('click', run);
$('lang').addEventListener('click', () => setLang(state.lang === 'zh' ? 'en' : 'zh'));
for (const id of ['terms', 'slogans', 'outline', 'kwic']) $(id).addEventListener('click', onPanelClick);
const tabs = [...document.querySelectorAll('[role=tab]')];
for (const tab of tabs) {
  tab.addEventListener('click', () => selectTab(tab));
  tab.addEventListener('keydown', (e) => {
    const step = { ArrowRight: 1, ArrowLeft: -1 }[e.key];
    if (step) selectTab(tabs[(tabs.indexOf(tab) + step + tabs.length) % tabs.length]);
  });
}

setStatus(say('loading'));
load().then(run, (e) => setStatus(say('failed') + (e?.message ?? e)));
