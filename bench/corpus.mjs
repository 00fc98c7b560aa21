// The benchmark's texts, built from material the repository ships, so they can be shipped too:
// the sample speech (tests/fixtures/seed-speech.txt) and the lexicon's terms and glosses
// (data/lexicon.tsv). A seeded generator recombines them into speeches that are not mere
// repetition: sentences of the sample with lexicon terms swapped for others of the same category,
// sentences built from a term and its gloss, paragraphs shuffled, numbered sections (一、（一）)
// and quoted coinages, with the sample's web-page chrome around the whole. Same seed, same text.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../', import.meta.url));
export const sample = readFileSync(`${root}tests/fixtures/seed-speech.txt`, 'utf8');
const lexicon = readFileSync(`${root}data/lexicon.tsv`, 'utf8')
  .split('\n')
  .filter((l) => l.trim() && !l.startsWith('#'))
  .map((l) => l.split('\t').map((f) => f.trim()))
  // Columns: word, category, kind, gloss, English (data/lexicon.tsv's header).
  .map(([word, category, , note]) => ({ word, category, note: note?.startsWith('=') ? '' : note ?? '' }));

/** mulberry32: a small, fast, seedable PRNG (the benchmark needs repeatable, not secure). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The sample's body: between the salutation and the closing, without the page chrome.
const body = sample.slice(sample.indexOf('同志们'), sample.indexOf('发言完毕'));
const sentences = body
  .split('\n')
  .map((l) => l.trim().replace(/^第[一二三四五六七八九十]+[,，]/, ''))
  .flatMap((l) => l.match(/[^。!！?？;；]+[。!！?？;；]/g) ?? [])
  .filter((s) => s.length > 6);
const byCategory = {};
for (const e of lexicon) (byCategory[e.category] ??= []).push(e);
const glossed = lexicon.filter((e) => e.note.length >= 4);
const NUMERALS = '一二三四五六七八九十';
const numeral = (n) => (n <= 10 ? NUMERALS[n - 1] : n < 20 ? `十${NUMERALS[n - 11] ?? ''}` : `${NUMERALS[Math.floor(n / 10) - 1]}十${NUMERALS[(n % 10) - 1] ?? ''}`);
const TEMPLATES = [
  (e, q) => `要坚持${q(e.word)}，${e.note}。`,
  (e, q) => `${q(e.word)}，就是${e.note}。`,
  (e, q) => `各级各部门要把${q(e.word)}摆在更加突出的位置，${e.note}，确保取得实效。`,
  (e, q) => `实践证明，推进${q(e.word)}必须${e.note}。`,
  (e, q) => `一是深化${q(e.word)}；二是${e.note}；三是强化督促检查。`,
];

/** The seeded pieces a generated speech is made of: a sentence, a sentence's terms swapped. */
function generator(seed) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const quote = (w) => (next() < 0.15 ? `“${w}”` : w);
  const swapTerms = (s) =>
    s.replace(/[\u4e00-\u9fff]{3,}/g, (run) => {
      const hit = lexicon.find((e) => run.includes(e.word));
      if (!hit || next() < 0.5) return run;
      return run.replace(hit.word, pick(byCategory[hit.category]).word);
    });
  const sentence = () => (next() < 0.55 ? swapTerms(pick(sentences)) : pick(TEMPLATES)(pick(glossed), quote));
  return { next, pick, swapTerms, sentence };
}

/** A generated speech of at least `size` in `unit` ('chars' or 'bytes'), cut at a paragraph. */
export function speech(size, { unit = 'chars', seed = 7 } = {}) {
  const { next, pick, swapTerms, sentence } = generator(seed);
  const measure = unit === 'bytes' ? (s) => Buffer.byteLength(s) : (s) => s.length;
  const head = sample.slice(0, sample.indexOf('同志们'));
  const tail = sample.slice(sample.indexOf('发言完毕'));
  const parts = [head, '  同志们：\n\n'];
  let length = measure(head) + measure(tail);
  for (let section = 1; length < size; section++) {
    const heading = `  ${numeral(section)}、${swapTerms(pick(sentences)).slice(0, 24).replace(/[,，。；;]$/, '')}\n\n`;
    parts.push(heading);
    length += measure(heading);
    for (let sub = 1; sub <= 2 + Math.floor(next() * 3) && length < size; sub++) {
      const paragraph = `  （${numeral(sub)}）${Array.from({ length: 3 + Math.floor(next() * 5) }, sentence).join('')}\n\n`;
      parts.push(paragraph);
      length += measure(paragraph);
    }
  }
  parts.push(tail);
  return parts.join('');
}

/**
 * `text` revised as a next year's report is: of its paragraphs, about one in five rewritten in
 * part (terms swapped, a sentence added), one in twelve cut, one in ten followed by a new one,
 * and two moved elsewhere.
 */
export function revision(text, seed) {
  const { next, swapTerms, sentence } = generator(seed);
  const paragraphs = text.split('\n\n');
  const revised = [];
  for (const p of paragraphs) {
    const r = next();
    if (r < 0.08) continue;
    revised.push(r < 0.28 ? swapTerms(p) + sentence() : p);
    if (next() < 0.1) revised.push(`  ${sentence()}${sentence()}${sentence()}`);
  }
  for (let moves = 0; moves < 2; moves++) {
    const [moved] = revised.splice(2 + Math.floor(next() * (revised.length - 4)), 1);
    revised.splice(2 + Math.floor(next() * (revised.length - 4)), 0, moved);
  }
  return revised.join('\n\n');
}

/** Two 20,000-character reports, the second a revision of the first: what `compare` is timed on. */
export function reportPair() {
  const a = speech(20_000, { seed: 20 });
  return { a, b: revision(a, 21) };
}

// An official report as printed (issue 28): a title and date line, 各位代表 or 同志们, parts 一、 with
// subparts （一） whose heading is the paragraph's first sentence, 一是…二是… runs, figures (增长5.2%),
// enumerations of terms with 、, and the dense chains of verb + formulation such reports are made of
// (加快…，深化…，统筹推进…和…). Real reports cost several times what news prose costs per character;
// the sample's recombined sentences alone are lighter than they are.
const POLICY_VERBS = ['推进', '推动', '加快', '深化', '实施', '完善', '健全', '加强', '统筹推进', '巩固', '扩大', '提升',
  '促进', '落实', '构建', '培育', '发展', '强化', '优化', '支持', '坚持', '大力发展', '持续深化', '积极稳妥推进'];
const FIGURES = [
  (x) => `国内生产总值增长${x(3, 7, 1)}%`, (x) => `城镇新增就业${x(1100, 1300)}万人`, (x) => `居民消费价格上涨${x(0, 3, 1)}%`,
  (x) => `粮食产量${x(13000, 14200)}亿斤`, (x) => `研发经费投入增长${x(6, 12, 1)}%`, (x) => `进出口总额增长${x(0, 8, 1)}%`,
  (x) => `单位国内生产总值能耗下降${x(1, 4, 1)}%`, (x) => `农村居民人均可支配收入增长${x(5, 9, 1)}%`,
  (x) => `减税降费${x(1, 3, 1)}万亿元`, (x) => `城镇调查失业率平均${x(5, 6, 1)}%`,
];
const LINKS = ['，', '，', '，', '；', '，着力', '，不断', '，切实'];
const PART_TITLES = ['过去一年工作回顾', '今年经济社会发展总体要求和政策取向', '今年政府工作任务', '加强政府自身建设',
  '坚持和发展中国特色社会主义', '全面推进高质量发展', '全面从严治党', '推进国防和军队现代化', '构建人类命运共同体'];

/** A generated official report of at least `size` characters, cut at a paragraph. */
export function report(size, { seed = 28, salutation = '各位代表' } = {}) {
  const { next, pick, swapTerms, sentence } = generator(seed);
  const x = (low, high, decimals = 0) => (low + next() * (high - low)).toFixed(decimals);
  const term = () => pick(lexicon).word;
  const chain = (n) => Array.from({ length: n }, (_, i) =>
    `${i ? pick(LINKS) : ''}${pick(POLICY_VERBS)}${term()}${next() < 0.3 ? `和${term()}` : ''}`).join('') + '。';
  const enumeration = () => `${Array.from({ length: 3 + Math.floor(next() * 4) }, term).join('、')}等取得新进展。`;
  const figures = () => `${Array.from({ length: 2 + Math.floor(next() * 3) }, () => pick(FIGURES)(x)).join('，')}。`;
  const countedRun = () => Array.from({ length: 3 + Math.floor(next() * 3) }, (_, i) => `${numeral(i + 1)}是${chain(2).slice(0, -1)}`).join('；') + '。';
  const body = () => Array.from({ length: 3 + Math.floor(next() * 4) }, () => {
    const r = next();
    return r < 0.35 ? chain(3 + Math.floor(next() * 4)) : r < 0.5 ? figures() : r < 0.6 ? enumeration() : r < 0.75 ? countedRun() : sentence();
  }).join('');
  const parts = ['政府工作报告\n\n——在全国人民代表大会上\n\n', `${salutation}：\n\n`,
    '　　现在，我代表国务院，向大会报告工作，请予审议，并请全国政协委员提出意见。\n\n'];
  let length = parts.join('').length;
  for (let part = 1; length < size; part++) {
    const lines = [`${numeral(part)}、${PART_TITLES[(part - 1) % PART_TITLES.length]}\n\n`, `　　${figures()}${body()}\n\n`];
    for (let sub = 1; sub <= 4 + Math.floor(next() * 5); sub++) {
      lines.push(`　　（${numeral(sub)}）${swapTerms(chain(2))}${body()}\n\n`);
    }
    parts.push(...lines);
    length += lines.join('').length;
  }
  parts.push(`　　${salutation}！${chain(3)}让我们更加紧密地团结在一起，奋力谱写新篇章！\n`);
  return parts.join('');
}

/** Long official texts, as the benchmark times them beside a bare cut (issue 28): the dev corpus's texts
 *  when `../shared` is next to the repository (never needed: it is not shipped), and generated reports always. */
export function officialTexts() {
  const generated = [
    { name: 'work report (generated)', text: report(20_000, { seed: 19 }) },
    { name: 'congress report (generated)', text: report(34_000, { seed: 34, salutation: '同志们' }) },
  ];
  return [...generated, ...devTexts().sort((a, b) => b.text.length - a.text.length).slice(0, 2)];
}

/**
 * A corpus of official texts of about `bytes` bytes of UTF-8, for the command line: the dev corpus's
 * texts over and over when it is there (`source: 'dev'`), else (or with `source: 'generated'`)
 * generated reports of 3,000 to 35,000 characters.
 */
export function officialCorpus(bytes, { source = devTexts().length ? 'dev' : 'generated' } = {}) {
  const pool = source === 'dev'
    ? devTexts()
    : Array.from({ length: 60 }, (_, i) => ({ name: `report ${i}`, text: report([3_000, 8_000, 15_000, 20_000, 35_000][i % 5], { seed: 2800 + i }) }));
  const documents = [];
  for (let total = 0; total < bytes; ) {
    const { name, text } = pool[documents.length % pool.length];
    documents.push({ name, text });
    total += Buffer.byteLength(text);
  }
  return documents;
}

/** The dev corpus's texts ({ name, text }), or none when `../shared` is not there. */
export function devTexts() {
  const file = `${root}../shared/corpus/dev/people-2020.jsonl`;
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((line, i) => {
    const { text, date } = JSON.parse(line);
    return { name: `dev ${i} (${date}, ${text.length} chars)`, text };
  });
}

/** The texts every tool is timed on. */
export function texts() {
  return [
    { name: 'sample', text: sample },
    { name: '100k chars', text: speech(100_000, { unit: 'chars', seed: 100 }) },
    { name: '1 MB', text: speech(1_000_000, { unit: 'bytes', seed: 1000 }) },
  ];
}

/**
 * The bounded-cost shapes at 1×, 2×, 4×, 8× (issue 8): ordinary speech, one line of up to 10 MB,
 * up to 100k nested quote marks, up to 100k outline markers in a row.
 */
export const SHAPES = [
  { name: 'speech', unit: '256 KB', make: (k) => speech(k * 256_000, { unit: 'bytes', seed: 8 }) },
  { name: 'one line', unit: '1.25 MB', make: (k) => oneLine(k * 1_250_000) },
  { name: 'nested quotes', unit: '12.5k marks', make: (k) => nestedQuotes(k * 12_500) },
  { name: 'markers 一、', unit: '12.5k markers', make: (k) => '一、'.repeat(k * 12_500) },
];
export const SCALES = [1, 2, 4, 8];

function oneLine(bytes) {
  const line = speech(1_250_000, { unit: 'bytes', seed: 10 }).replace(/\s+/g, '');
  const bytesPerChar = Buffer.byteLength(line) / line.length;
  return line.repeat(Math.ceil(bytes / Buffer.byteLength(line))).slice(0, Math.floor(bytes / bytesPerChar));
}

function nestedQuotes(marks) {
  const half = marks / 2;
  return `${'“'.repeat(half)}县域不经济${'”'.repeat(half)}`;
}
