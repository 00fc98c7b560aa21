// The standalone page: a thin shell over the engine. Rust (render.rs) draws the text view and
// the panels as DOM nodes; this file keeps the page's state, wires events and speaks the UI
// language. The user's text lives in the textarea and is never cleared by a failure.
import { load, analyze, concordance, termsCsv, onProgress, speechlens } from './engine.js';

const $ = (id) => document.getElementById(id);

const WORDS = {
  zh: {
    pageTitle: 'speechlens · 讲话透镜', tagline: '讲话透镜', skip: '跳到分析结果',
    privacy: '文本只在本机浏览器中分析，不会上传到任何服务器。',
    switchLang: 'English', switchLangLabel: 'Switch to English',
    input: '讲话全文', open: '打开 .txt 文件…',
    inputHint: '可直接粘贴网页内容，或把 .txt 文件拖进来；编辑后会自动重新分析。',
    analyze: '分析', clear: '清空', remember: '在本机记住文本', forget: '删除已记住的文本',
    textView: '文本', keepRemoved: '保留网页杂项（不去除）', asOneWord: '作为一个词',
    wordPlaceholder: '自定义词，如 飞地经济', addWord: '添加', results: '分析结果',
    terms: '词频', slogans: '提法', outline: '结构', pos: '词性', posAll: '全部', posNouns: '名词', posVerbs: '动词',
    singles: '含单字词', csv: '下载 CSV', json: '下载 JSON', closeKwic: '关闭索引行', kwic: '索引行（上下文）',
    chart: '高频词', cloud: '词云', table: '词频表',
    storageNote: '“在本机记住文本”默认关闭；勾选后，文本只保存在本浏览器的 localStorage 中，取消勾选或点“删除已记住的文本”即清除。',
    loading: '正在加载分析程序…', dictionary: '正在准备词典…', working: '分析中…',
    done: (ms) => `分析完成，用时 ${ms} 毫秒`, failed: '分析失败：', kept: '（文本已保留，可修改后重试）',
    loadFailed: '分析程序加载失败：', notText: (name) => `“${name}”不是纯文本（.txt）文件，未打开。`,
    opened: (name) => `已打开“${name}”`, remembered: '文本已记在本机（仅此浏览器）。', forgotten: '已删除本机记住的文本。',
    storageFailed: '无法在本机保存文本：', wordAdded: (w) => `已把“${w}”作为一个词，重新分析中…`,
    badWord: '请选择或输入 1 到 20 个字、不含空格的词。', csvDone: '已下载 CSV。', jsonDone: '已下载 JSON。',
    empty: '请粘贴或打开一篇讲话。', tooLarge: (n) => `文本太长（${n.toLocaleString('zh-CN')} 个字符），超过了可分析的上限（约 1600 万字符）`,
    stats: (s) => `${s.hanChars} 个汉字 · ${s.tokens} 词 · ${s.sentences} 句 · ${s.paragraphs} 段 · 约 ${s.speakingMinutes.toFixed(1)} 分钟 · 全文 ${s.chars} 字符`,
  },
  en: {
    pageTitle: 'speechlens · a lens for Chinese speeches', tagline: 'a lens for Chinese speeches', skip: 'Skip to the results',
    privacy: 'Your text is analysed in this browser only and never uploaded.',
    switchLang: '中文', switchLangLabel: '切换到中文',
    input: 'Speech text', open: 'Open a .txt file…',
    inputHint: 'Paste a web page as it is, or drop a .txt file here; the analysis follows your edits.',
    analyze: 'Analyze', clear: 'Clear', remember: 'Remember the text on this device', forget: 'Delete the remembered text',
    textView: 'Text', keepRemoved: 'Keep page chrome (do not remove)', asOneWord: 'Treat as one word',
    wordPlaceholder: 'Your own word, e.g. 飞地经济', addWord: 'Add', results: 'Results',
    terms: 'Terms', slogans: 'Slogans', outline: 'Outline', pos: 'Part of speech', posAll: 'all', posNouns: 'nouns',
    posVerbs: 'verbs', singles: 'Single characters', csv: 'Download CSV', json: 'Download JSON',
    closeKwic: 'Close the concordance', kwic: 'Concordance (key word in context)', chart: 'Top terms', cloud: 'Word cloud', table: 'Term table',
    storageNote: '“Remember the text” is off by default; when ticked, the text is kept only in this browser’s localStorage and is deleted when you untick it or press “Delete the remembered text”.',
    loading: 'Loading the analyser…', dictionary: 'Preparing the dictionary…', working: 'Analysing…',
    done: (ms) => `Analysed in ${ms} ms`, failed: 'Analysis failed: ', kept: ' (your text is kept; edit it and try again)',
    loadFailed: 'The analyser failed to load: ', notText: (name) => `“${name}” is not a plain-text (.txt) file; not opened.`,
    opened: (name) => `Opened “${name}”`, remembered: 'The text is remembered on this device (this browser only).',
    forgotten: 'The remembered text is deleted.', storageFailed: 'Cannot keep the text on this device: ',
    wordAdded: (w) => `“${w}” is now one word; analysing again…`,
    badWord: 'Select or type a word of 1 to 20 characters without spaces.', csvDone: 'CSV downloaded.',
    jsonDone: 'JSON downloaded.', empty: 'Paste or open a speech.',
    tooLarge: (n) => `the text is too long (${n.toLocaleString('en')} characters; the limit is about 16 million)`,
    stats: (s) => `${s.hanChars} Chinese characters · ${s.tokens} words · ${s.sentences} sentences · ${s.paragraphs} paragraphs · about ${s.speakingMinutes.toFixed(1)} min spoken · ${s.chars} characters in all`,
  },
};

/** Rows in the term table; the CSV holds them all. */
const TABLE_ROWS = 200;
const CHART_BARS = 20;
const CLOUD_WORDS = 60;
const DEBOUNCE_MS = 400;
const STORAGE_KEY = 'speechlens:text';

const state = {
  lang: new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh',
  /** The text of the result on screen (the textarea may hold newer, not yet analysed text). */
  text: '',
  result: null,
  sort: 'count',
  userWords: [],
  /** What the text view highlights beyond the analysis's own marks: { kind, spans, current? }. */
  highlight: null,
  /** The term whose concordance is open; it is looked up again after each analysis. */
  term: null,
  run: 0,
  status: { parts: [], isError: false },
};

const say = (key, ...args) => {
  const word = WORDS[state.lang][key];
  return typeof word === 'function' ? word(...args) : word;
};

/**
 * The status line, kept as what to say rather than as text, so a language switch says it again:
 * each part is `[key, ...args]` from WORDS or literal text (an error's own message).
 */
function setStatus(parts, isError = false) {
  state.status = { parts, isError };
  renderStatus();
}

function renderStatus() {
  const { parts, isError } = state.status;
  $('status').textContent = parts.map((part) => (Array.isArray(part) ? say(...part) : part)).join('');
  $('status').classList.toggle('error', isError);
}

const messageOf = (error) => error?.message ?? String(error);

/** The options every call shares, so the table, the concordance and the CSV agree. */
function options() {
  return {
    pos: $('pos').value,
    minChars: $('singles').checked ? 1 : 2,
    keepRemoved: $('keep-removed').checked,
    userWords: state.userWords,
  };
}

// ---- rendering (all of it through Rust) -------------------------------------------------

function showText() {
  const h = state.highlight;
  const marks = h ? h.spans.map(({ start, end }) => ({ start, end, kind: h.kind })) : [];
  if (h?.current) marks.push({ ...h.current, kind: 'current' });
  speechlens.renderText($('text'), state.text, marks, state.result ?? undefined, state.lang);
}

function renderTerms() {
  speechlens.renderTerms($('terms'), state.result, state.lang, state.sort, TABLE_ROWS);
  markActiveTerm();
}

function renderAll() {
  const r = state.result;
  if (!r) return;
  $('stats').textContent = say('stats', r.stats);
  renderTerms();
  speechlens.renderTermChart($('chart'), r, state.lang, CHART_BARS);
  speechlens.renderWordCloud($('cloud'), r, state.lang, CLOUD_WORDS);
  speechlens.renderSlogans($('slogans'), r, state.lang);
  speechlens.renderOutline($('outline'), r, state.lang);
  speechlens.renderWords($('words'), state.userWords, state.lang);
  showText();
}

function markActiveTerm() {
  for (const el of document.querySelectorAll('[data-term].active')) el.classList.remove('active');
  if (state.term) {
    for (const el of document.querySelectorAll(`[data-term="${CSS.escape(state.term)}"]`)) el.classList.add('active');
  }
}

/** Scrolls the text view (only it, not the page) so `el` sits in its upper third. */
function scrollTextTo(el) {
  if (!el) return;
  const view = $('text');
  const box = view.getBoundingClientRect();
  view.scrollTop += el.getBoundingClientRect().top - box.top - box.height / 3;
}

/**
 * Highlights `spans` in the text view and scrolls the view to the first (or to `current`). Unless
 * told not to (`reveal` false: the concordance shows a term's places in the panel itself), it also
 * brings the text view on screen when it is wholly off it, as on a phone where it sits above the panels.
 */
function highlight(spans, kind, current, reveal = true) {
  state.highlight = { kind, spans, current };
  showText();
  const view = $('text');
  const box = view.getBoundingClientRect();
  if (reveal && (box.bottom < 0 || box.top > innerHeight)) view.scrollIntoView({ block: 'start' });
  scrollTextTo(view.querySelector(current ? 'mark.hl-current' : `mark.hl-${kind}`));
}

// ---- analysis ---------------------------------------------------------------------------

const ignorable = (error) => error?.kind === 'superseded';

async function run() {
  const runId = ++state.run;
  const text = $('input').value;
  remember();
  setStatus([['working']]);
  const started = performance.now();
  try {
    const result = await analyze(text, options());
    if (runId !== state.run) return;
    // The text and its result change together: every offset the panels hold points into this text.
    state.text = text;
    state.result = result;
    state.highlight = null;
    document.body.classList.remove('stale');
    renderAll();
    setStatus(text.trim() ? [['done', Math.round(performance.now() - started)]] : [['empty']]);
    if (state.term) await showTerm(state.term);
    else closeKwic();
  } catch (error) {
    if (ignorable(error) || runId !== state.run) return;
    // The text stays in the textarea; the last good result stays on screen, dimmed as out of date.
    document.body.classList.add('stale');
    const reason = error?.kind === 'too_large' ? ['tooLarge', text.length] : messageOf(error);
    setStatus([['failed'], reason, ['kept']], true);
  }
}

let pending = 0;
function runSoon() {
  clearTimeout(pending);
  pending = setTimeout(run, DEBOUNCE_MS);
}

function runNow() {
  clearTimeout(pending);
  return run();
}

async function showTerm(term) {
  state.term = term;
  try {
    const lines = await concordance(state.text, term, options(), { lane: 'kwic' });
    speechlens.renderConcordance($('kwic'), lines, state.lang, term);
    $('kwic-box').hidden = false;
    // On a phone the panel does not scroll by itself: bring the concordance into view.
    const box = $('kwic-box').getBoundingClientRect();
    if (box.top < 0 || box.bottom > innerHeight) $('kwic-box').scrollIntoView({ block: 'nearest' });
    markActiveTerm();
    highlight(lines, 'term', undefined, false);
  } catch (error) {
    if (!ignorable(error)) setStatus([['failed'], messageOf(error)], true);
  }
}

function closeKwic() {
  state.term = null;
  $('kwic-box').hidden = true;
  $('kwic').textContent = '';
  markActiveTerm();
  if (state.highlight?.kind === 'term') {
    state.highlight = null;
    showText();
  }
}

// ---- panels -----------------------------------------------------------------------------

function onPanelClick(event) {
  const target = event.target.closest('[data-sort], [data-term], [data-slogan], [data-phrase], [data-word], [data-start]');
  if (!target || !state.result) return;
  const { sort, term, slogan, phrase, word, start, end } = target.dataset;
  if (sort) {
    state.sort = sort;
    renderTerms();
    $('terms').querySelector(`[data-sort^="${sort.split(':')[0]}"]`)?.focus();
  } else if (term) {
    showTerm(term);
  } else if (slogan) {
    highlight(state.result.slogans[Number(slogan)].occurrences, 'slogan');
  } else if (phrase) {
    highlight(state.result.phrases[Number(phrase)].occurrences, 'phrase');
  } else if (word !== undefined) {
    state.userWords = state.userWords.filter((w) => w !== word);
    runNow();
  } else if (target.closest('#kwic')) {
    const span = { start: Number(start), end: Number(end) };
    highlight(state.highlight?.kind === 'term' ? state.highlight.spans : [span], 'term', span);
  } else if (target.matches('[role=treeitem]')) {
    // A click inside a child's group belongs to that child, found first by closest().
    if (event.target.closest('.twisty')) toggle(target);
    else activate(target);
  } else {
    highlight([{ start: Number(start), end: Number(end ?? Number(start) + 1) }], 'section');
  }
}

// ---- the outline tree (WAI-ARIA tree pattern) ------------------------------------------
// Each treeitem holds its row and, when it has parts, their group.

const childGroup = (item) => item.querySelector(':scope > [role=group]');
const parentItem = (item) => item.parentElement.closest('[role=treeitem]');

/** Items not inside a folded section, in document order: what the arrow keys walk. */
const treeItems = () =>
  [...$('outline').querySelectorAll('[role=treeitem]')].filter((item) => {
    for (let up = parentItem(item); up; up = parentItem(up)) if (up.getAttribute('aria-expanded') === 'false') return false;
    return true;
  });

function focusItem(item) {
  if (!item) return;
  for (const other of $('outline').querySelectorAll('[role=treeitem][tabindex="0"]')) other.tabIndex = -1;
  item.tabIndex = 0;
  item.focus();
}

function toggle(item, open = item.getAttribute('aria-expanded') !== 'true') {
  if (!item.hasAttribute('aria-expanded')) return;
  item.setAttribute('aria-expanded', String(open));
  if (!open && childGroup(item).contains(document.activeElement)) focusItem(item);
}

function activate(item) {
  for (const other of $('outline').querySelectorAll('[aria-selected]')) other.removeAttribute('aria-selected');
  item.setAttribute('aria-selected', 'true');
  highlight([{ start: Number(item.dataset.start), end: Number(item.dataset.end) }], 'section');
  focusItem(item);
}

function onTreeKey(event) {
  const item = event.target.closest('[role=treeitem]');
  if (!item || event.target !== item) return;
  const items = treeItems();
  const at = items.indexOf(item);
  const expanded = item.getAttribute('aria-expanded');
  const moves = {
    ArrowDown: () => focusItem(items[at + 1]),
    ArrowUp: () => focusItem(items[at - 1]),
    Home: () => focusItem(items[0]),
    End: () => focusItem(items[items.length - 1]),
    ArrowRight: () =>
      expanded === 'false' ? toggle(item, true) : expanded === 'true' && focusItem(childGroup(item).querySelector('[role=treeitem]')),
    ArrowLeft: () => (expanded === 'true' ? toggle(item, false) : focusItem(parentItem(item))),
    Enter: () => activate(item),
    ' ': () => activate(item),
  };
  if (!moves[event.key]) return;
  event.preventDefault();
  moves[event.key]();
}

// ---- tabs -------------------------------------------------------------------------------

const tabs = [...document.querySelectorAll('[role=tab]')];

function selectTab(tab) {
  for (const t of tabs) {
    const on = t === tab;
    t.setAttribute('aria-selected', String(on));
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute('aria-controls')).hidden = !on;
  }
  tab.focus();
}

function onTabKey(event) {
  const at = tabs.indexOf(event.target);
  const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
  if (to === undefined) return;
  event.preventDefault();
  selectTab(tabs[(to + tabs.length) % tabs.length]);
}

// ---- language ---------------------------------------------------------------------------

function setLang(lang) {
  state.lang = lang;
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = say('pageTitle');
  for (const el of document.querySelectorAll('[data-i18n]')) el.textContent = say(el.dataset.i18n);
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) el.placeholder = say(el.dataset.i18nPlaceholder);
  for (const el of document.querySelectorAll('[data-i18n-aria-label]')) {
    el.setAttribute('aria-label', say(el.dataset.i18nAriaLabel));
  }
  $('lang').textContent = say('switchLang');
  $('lang').lang = lang === 'zh' ? 'en' : 'zh-CN';
  $('lang').setAttribute('aria-label', say('switchLangLabel'));
  renderStatus();
  if (state.result) {
    renderAll();
    if (state.term) showTerm(state.term);
  }
}

// ---- text in: paste, files, storage -----------------------------------------------------

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

async function openFile(file) {
  if (!file) return;
  if (!(file.type.startsWith('text/') || /\.txt$/i.test(file.name))) {
    setStatus([['notText', file.name]], true);
    return;
  }
  $('input').value = decode(new Uint8Array(await file.arrayBuffer()));
  setStatus([['opened', file.name]]);
  await runNow();
}

function remember() {
  if (!$('remember').checked) return;
  try {
    localStorage.setItem(STORAGE_KEY, $('input').value);
  } catch (error) {
    setStatus([['storageFailed'], messageOf(error)], true);
  }
}

function forget() {
  try {
    localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Storage unavailable: there is nothing stored to delete.
  }
  $('remember').checked = false;
  $('forget').hidden = true;
}

function restore() {
  let saved = null;
  try {
    saved = localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage disabled: start from the page's own text.
  }
  if (saved === null) return;
  $('input').value = saved;
  $('remember').checked = true;
  $('forget').hidden = false;
}

// ---- user words -------------------------------------------------------------------------

/** A word the user may add: 1–20 characters, no spaces or line breaks. */
const wordOf = (text) => {
  const word = text.trim();
  return word && [...word].length <= 20 && !/\s/.test(word) ? word : null;
};

function addWord(text) {
  const word = wordOf(text);
  if (!word) {
    setStatus([['badWord']], true);
    return;
  }
  if (!state.userWords.includes(word)) state.userWords = [...state.userWords, word];
  setStatus([['wordAdded', word]]);
  runNow();
}

function selectedWord() {
  const selection = document.getSelection();
  if (!selection || selection.isCollapsed || !$('text').contains(selection.anchorNode)) return null;
  return wordOf(selection.toString());
}

function onSelectionChange() {
  const word = selectedWord();
  $('add-selection').disabled = !word;
  $('selection').textContent = word ? `「${word}」` : '';
}

function download(name, type, content) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// ---- wiring -----------------------------------------------------------------------------

$('input').addEventListener('input', runSoon);
$('analyze').addEventListener('click', runNow);
$('clear').addEventListener('click', () => {
  $('input').value = '';
  $('input').focus();
  runNow();
});
$('open').addEventListener('click', () => $('file').click());
$('file').addEventListener('change', () => {
  openFile($('file').files[0]);
  $('file').value = '';
});
document.addEventListener('dragover', (event) => {
  if (!event.dataTransfer?.types.includes('Files')) return;
  event.preventDefault();
  document.body.classList.add('dragging');
});
document.addEventListener('dragleave', (event) => {
  if (!event.relatedTarget) document.body.classList.remove('dragging');
});
document.addEventListener('drop', (event) => {
  document.body.classList.remove('dragging');
  if (!event.dataTransfer?.files.length) return;
  event.preventDefault();
  openFile(event.dataTransfer.files[0]);
});
$('remember').addEventListener('change', () => {
  $('forget').hidden = !$('remember').checked;
  if ($('remember').checked) {
    remember();
    setStatus([['remembered']]);
  } else {
    forget();
    setStatus([['forgotten']]);
  }
});
$('forget').addEventListener('click', () => {
  forget();
  setStatus([['forgotten']]);
});
for (const id of ['pos', 'singles', 'keep-removed']) $(id).addEventListener('change', runNow);
$('csv').addEventListener('click', async () => {
  try {
    download('speechlens-terms.csv', 'text/csv;charset=utf-8', await termsCsv(state.text, options(), { lane: null }));
    setStatus([['csvDone']]);
  } catch (error) {
    setStatus([['failed'], messageOf(error)], true);
  }
});
$('json').addEventListener('click', () => {
  if (!state.result) return;
  download('speechlens-result.json', 'application/json', JSON.stringify(state.result, null, 2));
  setStatus([['jsonDone']]);
});
$('kwic-close').addEventListener('click', closeKwic);
$('add-selection').addEventListener('click', () => addWord(selectedWord() ?? ''));
$('word-form').addEventListener('submit', (event) => {
  event.preventDefault();
  addWord($('word-input').value);
  $('word-input').value = '';
});
document.addEventListener('selectionchange', onSelectionChange);
for (const id of ['terms', 'chart', 'cloud', 'slogans', 'outline', 'kwic', 'words']) {
  $(id).addEventListener('click', onPanelClick);
}
$('outline').addEventListener('keydown', onTreeKey);
$('lang').addEventListener('click', () => setLang(state.lang === 'zh' ? 'en' : 'zh'));
for (const tab of tabs) {
  tab.addEventListener('click', () => selectTab(tab));
  tab.addEventListener('keydown', onTabKey);
}

onProgress(({ stage, error }) => {
  if (state.result) return;
  if (stage === 'loading' || stage === 'dictionary') setStatus([[stage]]);
  else if (stage === 'error') setStatus([['loadFailed'], messageOf(error)], true);
});
restore();
setLang(state.lang);
load().then(runNow, () => {});
