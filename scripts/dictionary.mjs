// Generates data/dictionary.bin, the segmentation dictionary speechlens embeds instead of jieba's
// dict.txt: `node scripts/dictionary.mjs` (needs the jieba-rs sources cargo has fetched; the
// output is committed, so building never needs this script).
//
// What it keeps of jieba's 349,045 entries: every single character, every idiom and set phrase
// (tags i and l: slogans.rs finds idioms by them), and every word with a frequency above 3. The
// 165,749 words of frequency 2 or 3 it drops are mostly compounds jieba's corpus saw once or twice
// (一个家, 中西方, 产品出口); dropping them *raises* F1 against the PKU People's Daily gold standard
// from 0.8065 to 0.8331 and halves the dictionary (README, Performance: the figures and the commands).
// Their frequency mass goes to one entry, U+FDD0 (a noncharacter, never in a speech), so the
// dictionary's total stays jieba's 60,101,964 and every kept word's log-probability is unchanged.
//
// It also derives the tag of a word jieba finds that no dictionary holds (its HMM joins 网红, 赋能):
// the tag most of jieba's words ending in the same character have (counted by words, idioms and
// set phrases left out, since slogans.rs takes those tags to mean "idiom"). jieba-rs guesses these
// with a part-of-speech HMM of its own, 2.5 MB that would more than double the wasm; against the PKU
// gold the final-character rule tags 79.4 % of such words in the right class (noun, verb, other:
// `make bench-seg` prints it), the HMM 79.1 % (measured the same way before it was dropped).
//
// Format, read in place (segment.rs copies nothing: opening it costs a check of its lengths):
// - `speechlens-dictionary 5 <entries> <total> <finals> <block> <large>\n`, then the tags,
//   space-separated, on one line;
// - one line per word, in code point order, front-coded: a byte of 0x20 + the number of bytes
//   (whole characters) shared with the word before, then the rest. Every <block>th word is whole
//   (shares nothing), so a word is found by a binary search over those and a few steps on;
// - one line of the final characters of the guessed tags, in code point order;
// - binary, little-endian: per block, the byte offset of its first word's line (u32); per word,
//   its frequency (u16; 0xFFFF: see the large ones), then per word of frequency 0xFFFF or more
//   (<large> of them, 83) its index and frequency (u32, u32), then per word the index of its tag
//   (u8); per final character, the index of its tag. 99.95 % of frequencies fit 16 bits: u32s
//   were a third of the file.
// Columns compress far better than `word freq tag` rows: 0.9 MB gzipped against 1.63 MB for
// jieba's zstd dict.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { jiebaDataFile } from './jieba-source.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const MAX_DROPPED_FREQ = 3;
const KEPT_TAGS = new Set(['i', 'l']);
export const MASS = '\u{FDD0}';

const source = readFileSync(jiebaDataFile('dict.txt'), 'utf8');

const rows = source.split('\n').filter((l) => l.trim()).map((l) => {
  const [word, freq, tag = ''] = l.trim().split(/\s+/);
  return { word, freq: Number(freq), tag };
});
const total = rows.reduce((s, r) => s + r.freq, 0);
const kept = rows.filter((r) => [...r.word].length === 1 || KEPT_TAGS.has(r.tag) || r.freq > MAX_DROPPED_FREQ);
const dropped = total - kept.reduce((s, r) => s + r.freq, 0);
kept.push({ word: MASS, freq: dropped, tag: 'x' });
// In byte (= code point) order, which segment.rs relies on to find a word or a prefix's words by
// binary search; jieba's dict.txt is already in that order but for the entry just added.
kept.sort((a, b) => Buffer.compare(Buffer.from(a.word), Buffer.from(b.word)));

const GUESS_EXCLUDED_TAGS = KEPT_TAGS;
const finalTally = new Map();
for (const { word, tag } of rows) {
  const chars = [...word];
  if (chars.length < 2 || GUESS_EXCLUDED_TAGS.has(tag)) continue;
  const last = chars.at(-1);
  const tally = finalTally.get(last) ?? new Map();
  tally.set(tag, (tally.get(tag) ?? 0) + 1);
  finalTally.set(last, tally);
}
// Ties go to the tag seen first in jieba's order, so the output is stable.
const finals = [...finalTally.keys()].sort((a, b) => a.codePointAt(0) - b.codePointAt(0)).map((char) => {
  const [[tag]] = [...finalTally.get(char)].sort((a, b) => b[1] - a[1]);
  return { char, tag };
});

const tags = [...new Set([...kept, ...finals].map((r) => r.tag))];
if (tags.length > 255 || tags.includes('')) throw new Error(`tags must be 1..255 non-empty ids: ${tags}`);
export const BLOCK = 32;
let previous = [];
const words = kept.map(({ word }, i) => {
  const chars = [...word];
  let shared = 0;
  let sharedBytes = 0;
  while (i % BLOCK && shared < Math.min(chars.length, previous.length) && chars[shared] === previous[shared]) {
    const bytes = Buffer.byteLength(chars[shared]);
    if (sharedBytes + bytes > 0x5e) break;
    sharedBytes += bytes;
    shared++;
  }
  previous = chars;
  return String.fromCharCode(0x20 + sharedBytes) + chars.slice(shared).join('');
});
const SMALL_MAX = 0xffff;
const large = kept.flatMap((r, k) => (r.freq >= SMALL_MAX ? [[k, r.freq]] : []));
const head = `speechlens-dictionary 5 ${kept.length} ${total} ${finals.length} ${BLOCK} ${large.length}\n${tags.join(' ')}\n`;
const blockOffsets = [];
let offset = Buffer.byteLength(head);
words.forEach((line, i) => {
  if (i % BLOCK === 0) blockOffsets.push(offset);
  offset += Buffer.byteLength(line) + 1;
});
const u16 = (values) => {
  const out = Buffer.alloc(values.length * 2);
  values.forEach((v, i) => out.writeUInt16LE(v, i * 2));
  return out;
};
const u32 = (values) => {
  const out = Buffer.alloc(values.length * 4);
  values.forEach((v, i) => out.writeUInt32LE(v, i * 4));
  return out;
};
const bytes = Buffer.concat([
  Buffer.from(head + words.map((w) => `${w}\n`).join('') + finals.map((f) => f.char).join('') + '\n'),
  u32(blockOffsets),
  u16(kept.map((r) => Math.min(r.freq, SMALL_MAX))),
  u32(large.flat()),
  Buffer.from([...kept, ...finals].map((r) => tags.indexOf(r.tag))),
]);
// Stored raw: the .wasm that embeds it is sent compressed (gzip or brotli by the server, gzip
// inside the single-file page), and a raw table costs nothing to open, where unpacking brotli
// inside the wasm was most of a cold start (README, Performance).
writeFileSync(join(root, 'data/dictionary.bin'), bytes);
console.log(`data/dictionary.bin: ${kept.length} of ${rows.length} entries (total ${total}, ${dropped} moved to U+FDD0), ` +
  `tags for ${finals.length} final characters, ${bytes.length} bytes, ${gzipSync(bytes, { level: 9 }).length} gzipped`);
